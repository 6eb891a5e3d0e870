"""Documents and tables of the development corpus against its gold files."""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

import pytest
from conftest import SHARED, STEMS, gold, needs_shared

from minutebook.extract import extract_file

pytestmark = needs_shared
FORMS = {"pdf": ("pdf", ".pdf"), "txt": ("seeds", ".txt")}


@lru_cache(maxsize=None)
def extracted(stem: str, form: str):
    folder, suffix = FORMS[form]
    return extract_file(str(SHARED / folder / f"{stem}{suffix}"))


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("stem", STEMS)
def test_documents_match_gold(stem, form):
    got = [(d.kind, d.title, d.agenda_item) for d in extracted(stem, form).documents]
    want = [(d["kind"], d["title"], d["agenda_item"]) for d in gold(stem)["documents"]]
    assert got == want


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("stem", STEMS)
def test_document_dates_match_gold_where_printed(stem, form):
    docs = extracted(stem, form).documents
    for got, want in zip(docs, gold(stem)["documents"]):
        if want.get("date") and want["kind"] != "appendix":
            assert got.date == want["date"], got.title


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("stem", STEMS)
def test_tables_found_with_row_and_column_counts(stem, form):
    found = Counter()
    for n, doc in enumerate(extracted(stem, form).documents, start=1):
        for t in doc.tables:
            found[(f"d{n}", len(t.rows), max(len(r) for r in t.rows))] += 1
    want = Counter((t["document"], t["rows"], t["cols"]) for t in gold(stem)["tables_summary"])
    assert found == want


def test_pdf_ruled_and_unruled_tables_are_told_apart():
    tables = [t for d in extracted("002_05a01629dbb77399", "pdf").documents for t in d.tables]
    assert sum(t.ruled for t in tables) == 28
    (unruled,) = [t for t in tables if not t.ruled]
    assert unruled.title == "Advanced Level Performance Points Tables"
    assert unruled.rows[:2] == [["A Level", "Tech Level"], ["A* 60", "Distinction 50"]]


def test_table_over_a_page_break_is_joined_and_keeps_its_header():
    doc = extracted("001_70795ba4a3317528", "pdf").documents[5]
    recruitment = next(t for t in doc.tables if t.header and t.header[0] == "Mainstream carers")
    assert (recruitment.page, recruitment.page_end, len(recruitment.rows)) == (22, 23, 11)
    assert recruitment.header == ["Mainstream carers", "2020/21", "2021/22", "2022/23", "2023/24", "2024/25"]


def test_spanning_header_cells_repeat_their_text():
    doc = extracted("001_70795ba4a3317528", "pdf").documents[5]
    budget = next(t for t in doc.tables if t.header_rows == 2)
    assert budget.header[1:5] == ["2021/22 Budget", "2021/22 Actual", "2022/23 Budget", "2022/23 Actual"]


def test_sections_numbered_with_headings_and_levels():
    (doc,) = extracted("000_605681e43db76aa2", "pdf").documents
    by_number = {}
    for s in doc.sections:
        by_number.setdefault(s.number, s)
    assert (by_number["1"].heading, by_number["1"].level) == ("Purpose of the Note", 1)
    assert by_number["3.2"].level == 2 and by_number["3.2"].text.startswith("In August 2022, Children's Services were rated")
    assert by_number["4.1"].text.endswith("Use of organisational capacity, resources, and support")  # bullets kept inside


def test_text_and_pdf_give_the_same_sections():
    pdf = [(s.number, s.heading) for s in extracted("000_605681e43db76aa2", "pdf").documents[0].sections if s.number]
    txt = [(s.number, s.heading) for s in extracted("000_605681e43db76aa2", "txt").documents[0].sections if s.number]
    assert pdf == txt and len(pdf) > 30


def test_work_programme_at_a_glance_printed_as_lines_becomes_a_table():
    pdf = extracted("001_70795ba4a3317528", "pdf").documents[7].tables[0]
    txt = extracted("001_70795ba4a3317528", "txt").documents[7].tables[0]
    assert [r[0] for r in txt.rows] == [r[0] for r in pdf.rows]
    assert txt.rows[1] == ["11 September 2025", "Outdoor Education The Complexities in Finding Homes for Children in Care"]
