"""Near-duplicates kept up to date at ingest: stored group ids, only new documents compared, removals."""

from __future__ import annotations

import random
import shutil

from conftest import BUNDLED
from rapidfuzz import fuzz

from minutebook.index.duplicates import normalise
from minutebook.index.ingest import ingest, open_index
from minutebook.index.query import duplicates, search

WORDS = ("council board review housing repairs tenants budget savings plan school places transport youth service "
         "officers report progress recommendation members agreed update funding capital programme").split()


def _groups_by_file(where) -> dict[str, set]:
    """File name -> the group ids on its records (empty when none)."""
    with open_index(where).searcher() as s:
        found: dict[str, set] = {}
        for rec in s.all_stored_fields():
            if rec["rtype"] not in ("dup", "file", "contract"):
                found.setdefault(rec["path"].rsplit("/", 1)[-1], set()).update([rec["dup_group"]] if rec.get("dup_group") else [])
    return found


def _note(body: list[str]) -> str:
    paragraphs = [" ".join(body[i:i + 40]) + "." for i in range(0, len(body), 40)]
    return ("To: Housing Scrutiny Panel\n\nDate: 4 March 2025\n\nSubject: Tenant Repairs Review\n\n"
            + "\n\n".join(f"{n}.1 {p}" for n, p in enumerate(paragraphs, start=1)) + "\n")


def _changed(words: list[str], start: int, every: int) -> list[str]:
    """Every ``every``-th word from ``start`` replaced by one of the same length sharing no letter."""
    return [("zq" * len(w))[:len(w)] if i % every == start else w for i, w in enumerate(words)]


def test_pdf_note_and_its_text_copy_share_a_group_id_and_search_shows_one(tmp_path):
    where = str(tmp_path / "ix")
    ingest([str(BUNDLED)], where, jobs=1)
    by_file = _groups_by_file(where)
    assert by_file["hcc_youth_hub_note.txt"] and by_file["hcc_youth_hub_note.txt"] <= by_file["hcc_cyp_2025-10-16.pdf"]
    assert len(by_file["hcc_cyp_2025-10-16.pdf"]) == 1  # only the pack's copy of the note is grouped
    assert [g for f, g in by_file.items() if g and f not in ("hcc_youth_hub_note.txt", "hcc_cyp_2025-10-16.pdf")] == []
    [group] = duplicates(open_index(where))
    assert sorted(d["path"].rsplit("/", 1)[-1] for d in group["documents"]) == ["hcc_cyp_2025-10-16.pdf", "hcc_youth_hub_note.txt"]
    hits = search(open_index(where), '"Brindle Cross"', limit=20)["hits"]
    docs = [r for h in hits for r in [h, *h["folded"]] if r["type"] == "document" and r["title"].startswith("Youth Hub Review: Progress")]
    assert len(docs) == 1
    assert {docs[0]["file"].rsplit("/", 1)[-1], *(p.rsplit("/", 1)[-1] for p in docs[0]["also_in"])} == {
        "hcc_cyp_2025-10-16.pdf", "hcc_youth_hub_note.txt"}


def test_an_added_near_copy_joins_the_group_comparing_only_itself(tmp_path):
    where, more = str(tmp_path / "ix"), tmp_path / "more"
    first = ingest([str(BUNDLED)], where, jobs=1)
    [group] = _groups_by_file(where)["hcc_youth_hub_note.txt"]
    more.mkdir()
    text = (BUNDLED / "hcc_youth_hub_note.txt").read_text(encoding="utf-8")
    (more / "youth_hub_reissued.txt").write_text(text.replace("On average", "Typically").replace("All eleven", "The eleven"),
                                                 encoding="utf-8")
    second = ingest([str(more)], where, jobs=1)
    assert second.ingested == 1
    # Its candidates are the two copies of the note: the other documents are neither compared again nor rewritten.
    assert first.compared > second.compared == 2
    by_file = _groups_by_file(where)
    assert by_file["youth_hub_reissued.txt"] == by_file["hcc_youth_hub_note.txt"] == {group}
    [listed] = duplicates(open_index(where))
    assert len(listed["documents"]) == 3 and listed["score"] >= 90


def test_removing_the_link_of_a_chain_splits_its_group(tmp_path):
    rng = random.Random(7)
    words = [rng.choice(WORDS) for _ in range(240)]
    a, b, c = words, _changed(words, 0, 12), _changed(_changed(words, 0, 12), 6, 12)
    ratio = lambda x, y: fuzz.ratio(normalise(_note(x)), normalise(_note(y)))  # noqa: E731
    assert ratio(a, b) >= 90 and ratio(b, c) >= 90 and ratio(a, c) < 90  # a and c are copies only through b
    docs, where = tmp_path / "docs", str(tmp_path / "ix")
    docs.mkdir()
    for name, body in (("a", a), ("b", b), ("c", c)):
        (docs / f"repairs_{name}.txt").write_text(_note(body), encoding="utf-8")
    ingest([str(docs)], where, jobs=1)
    by_file = _groups_by_file(where)
    assert len(by_file["repairs_a.txt"] | by_file["repairs_b.txt"] | by_file["repairs_c.txt"]) == 1
    (docs / "repairs_b.txt").unlink()
    report = ingest([str(docs)], where, jobs=1, prune=True)
    assert report.pruned == 1 and report.compared == 0
    by_file = _groups_by_file(where)
    assert "repairs_b.txt" not in by_file
    assert by_file["repairs_a.txt"] == by_file["repairs_c.txt"] == set()
    assert duplicates(open_index(where)) == []


def test_a_changed_file_leaves_its_group(tmp_path):
    docs, where = tmp_path / "docs", str(tmp_path / "ix")
    docs.mkdir()
    shutil.copy(BUNDLED / "hcc_youth_hub_note.txt", docs / "note.txt")
    shutil.copy(BUNDLED / "hcc_youth_hub_note.txt", docs / "note_copy.txt")
    ingest([str(docs)], where, jobs=1)
    assert len(_groups_by_file(where)["note.txt"]) == 1
    rng = random.Random(3)
    (docs / "note_copy.txt").write_text(_note([rng.choice(WORDS) for _ in range(200)]), encoding="utf-8")
    ingest([str(docs)], where, jobs=1)
    assert _groups_by_file(where) == {"note.txt": set(), "note_copy.txt": set()}
    assert duplicates(open_index(where)) == []


def test_an_index_from_before_group_ids_is_upgraded_from_its_stored_contracts(tmp_path):
    from whoosh import index as windex
    from whoosh.fields import Schema

    from minutebook.index.ingest import extract_one
    from minutebook.index.records import records_from_contract
    from minutebook.index.schema import make_schema

    docs, where = tmp_path / "docs", tmp_path / "ix"
    docs.mkdir(), where.mkdir()
    for name in ("note.txt", "note_copy.txt"):
        shutil.copy(BUNDLED / "hcc_youth_hub_note.txt", docs / name)
    old = make_schema()
    ix = windex.create_in(str(where), Schema(**{n: old[n] for n in old.names() if n not in ("lsh", "dup_terms", "dup_group")}))
    with ix.writer() as w:
        for name in ("note.txt", "note_copy.txt"):
            path = str(docs / name)
            for rec in records_from_contract(extract_one(path)[0], path):
                w.add_document(**rec)
        w.add_document(rid="dup::stale::pair", rtype="dup", extra={"a": {"key": "gone#d1"}, "b": {"key": "gone#d2"}, "score": 95.0})
    report = ingest([str(docs)], str(where), jobs=1)
    assert (report.ingested, report.unchanged) == (0, 2)
    by_file = _groups_by_file(str(where))
    assert len(by_file["note.txt"]) == 1 and by_file["note.txt"] == by_file["note_copy.txt"]
    [group] = duplicates(open_index(str(where)))
    assert sorted(d["path"].rsplit("/", 1)[-1] for d in group["documents"]) == ["note.txt", "note_copy.txt"]
