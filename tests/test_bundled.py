"""Every stage on the project's own sample corpus (corpus/), which ships with
the package, so a fresh clone without ../shared still tests all of them."""

from __future__ import annotations

import json
from collections import Counter
from functools import lru_cache

import pytest
from conftest import BUNDLED, ROOT

from minutebook.extract import extract_file

EXPECTED = sorted((ROOT / "tests" / "expected").glob("*.json"))


@lru_cache(maxsize=None)
def extracted(stem: str):
    (path,) = [p for p in BUNDLED.glob(f"{stem}.*") if p.suffix in (".pdf", ".txt")]
    return extract_file(str(path))


def expected(path):
    return json.loads(path.read_text(encoding="utf-8"))


def test_bundled_corpus_is_there():
    assert len(EXPECTED) == 7
    assert len(list(BUNDLED.glob("*.pdf"))) == 6 and len(list(BUNDLED.glob("*.txt"))) == 1


@pytest.mark.parametrize("path", EXPECTED, ids=lambda p: p.stem)
def test_documents(path):
    got = [(d.kind, d.title, d.agenda_item, d.date) for d in extracted(path.stem).documents]
    want = [(d["kind"], d["title"], d["agenda_item"], d["date"]) for d in expected(path)["documents"]]
    assert got == want


@pytest.mark.parametrize("path", EXPECTED, ids=lambda p: p.stem)
def test_tables(path):
    got = Counter(
        (f"d{n}", len(t.rows), max(len(r) for r in t.rows), t.ruled)
        for n, d in enumerate(extracted(path.stem).documents, start=1)
        for t in d.tables
    )
    want = Counter((t["document"], t["rows"], t["cols"], t["ruled"]) for t in expected(path)["tables_summary"])
    assert got == want


def test_sections_of_a_briefing_note():
    note = extracted("hcc_cyp_2024-11-14").documents[2]
    numbered = [s for s in note.sections if s.number]
    assert (numbered[0].number, numbered[0].heading, numbered[0].level) == ("1", "Purpose of the Note", 1)
    paragraph = next(s for s in numbered if s.number == "1.1")
    assert paragraph.level == 2 and paragraph.text.startswith("To set out the scope of the review")


def test_hyphenated_line_end_is_joined_in_the_bundled_pack():
    text = " ".join(s.text or "" for d in extracted("hcc_cyp_2024-11-14").documents for s in d.sections)
    assert "develop- ment" not in text and "develop-ment" not in text
    assert "development" in text


def test_near_duplicate_text_copy_reads_like_the_pdf_note():
    txt = [s.number for s in extracted("hcc_youth_hub_note").documents[0].sections if s.number]
    pdf = [s.number for s in extracted("hcc_cyp_2025-10-16").documents[2].sections if s.number]
    assert txt == pdf and len(txt) >= 6


@pytest.mark.parametrize("path", EXPECTED, ids=lambda p: p.stem)
def test_meetings(path):
    from minutebook.output import to_json

    got = to_json(extracted(path.stem))["meetings"]
    want = expected(path)["meetings"]
    assert len(got) == len(want)
    for g, w in zip(got, want):
        keys = ("committee", "date", "time", "place", "source_role", "document")
        assert {k: g[k] for k in keys} == {k: w[k] for k in keys}
        assert [(a["number"], a["title"], a["page_start"], a["page_end"]) for a in g["agenda_items"]] == [
            (a["number"], a["title"], a["page_start"], a["page_end"]) for a in w["agenda_items"]
        ]
        assert [(i["number"], i["title"]) for i in g["minutes_items"]] == [(i["number"], i["title"]) for i in w["minutes_items"]]
        assert g["attendance"] == w["attendance"]
        formal = [(r["minute"], r["title"], r["text"], r["clauses"]) for r in g["resolutions"] if not r["decision_only"]]
        assert formal == [(r["minute"], r["title"], r["text"], r["clauses"]) for r in w["resolutions"]]
