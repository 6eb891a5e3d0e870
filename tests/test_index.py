"""The search index: ingest, search, resolutions, trace, duplicates, safety."""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import BUNDLED
from filelock import FileLock
from whoosh import index as windex

from minutebook.cli import cli
from minutebook.index import default_index_dir
from minutebook.index.duplicates import find_pairs, groups
from minutebook.index.ingest import LOCK_NAME, ingest
from minutebook.index.query import date_range, duplicates, resolutions, search, trace
from minutebook.index.records import programme_rows, records_from_contract

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
needs_shared = pytest.mark.skipif(not (SHARED / "pdf").is_dir(), reason="development corpus ../shared/corpus is not beside this checkout")
PEER = "Children's Services Resources and Efficiency Peer Challenge Progress Against the Recommendations"


@pytest.fixture
def small(tmp_path):
    """Two short text notes in a folder, and an empty index directory."""
    if not (SHARED / "seeds").is_dir():
        pytest.skip("development corpus ../shared/corpus is not beside this checkout")
    docs = tmp_path / "docs"
    docs.mkdir()
    for stem in ("000_605681e43db76aa2", "004_0ab796b4501ffa23"):
        shutil.copy(SHARED / "seeds" / f"{stem}.txt", docs / f"{stem}.txt")
    return docs, str(tmp_path / "ix")


def _run(*args):
    return CliRunner().invoke(cli, list(args))


def _records(where, path):
    ix = windex.open_dir(where)
    with ix.searcher() as s:
        return list(s.documents(path=os.path.abspath(path)))


@needs_shared
def test_trace_peer_challenge_finds_both_meetings(shared_ix):
    ix, where = shared_ix
    found = trace(ix, "Peer Challenge")
    assert [m["date"] for m in found] == ["2025-10-16", "2025-02-13"]
    for variant in (PEER, "Children's Services Resources and Efficiency Peer Challenge"):
        assert {"2025-10-16", "2025-02-13"} <= {m["date"] for m in trace(ix, variant)}
    result = _run("trace", "Peer Challenge", "--index", where)
    assert result.exit_code == 0
    assert result.stdout.strip().splitlines()[-1] == "last reported: 2025-10-16, Education and Children's Services Scrutiny Board (2)"
    as_json = json.loads(_run("trace", "Peer Challenge", "--index", where, "--format", "json").stdout)
    assert {"committee", "date", "title", "document", "page", "appearances"} <= set(as_json["meetings"][0])
    assert as_json["meetings"][0]["date"] == "2025-10-16"
    assert as_json["last_reported"] == {"date": "2025-10-16", "committees": ["Education and Children's Services Scrutiny Board (2)"]}


@needs_shared
@pytest.mark.parametrize("item", ["Progress on LGA Peer Review Action Plan", "Peer Challenge", PEER])
def test_trace_phrasings_find_the_gold_meetings(shared_ix, item):
    """Gold trace: the peer challenge item met on 2025-02-13 and 2025-10-16, work-programme rows included."""
    found = trace(shared_ix[0], item)
    assert {m["date"] for m in found} == {"2025-10-16", "2025-02-13"}
    assert not any(m["planned"] for m in found)
    result = _run("trace", item, "--index", shared_ix[1])
    assert result.stdout.strip().splitlines()[-1] == "last reported: 2025-10-16, Education and Children's Services Scrutiny Board (2)"


@needs_shared
def test_trace_of_the_gold_trace_items_finds_their_meetings(shared_ix):
    """The done-when of trace: every gold ``trace`` entry, traced as the annotator typed it, returns all its
    meetings, including those only a decision sets ("discuss the Early Help programme at the meeting on
    17th April") and a standing item's bare "Minutes"."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
    from trace_gold import gold_traces, score

    right, returned, own, expected, rows = score(shared_ix[0], gold_traces(str(SHARED / "gold")))
    assert len(rows) == 21
    assert {item: sorted(missed) for item, missed, _ in rows if missed} == {}
    assert right == expected == 35 and right / returned >= 0.85, (right, returned, expected)


@needs_shared
def test_work_programme_rows_are_appearances(shared_ix):
    rows = {(m["date"], a["title"]) for m in trace(shared_ix[0], "Progress on LGA Peer Review Action Plan")
            for a in m["appearances"] if a["type"] == "wp_item"}
    assert rows == {("2025-10-16", "Progress on LGA Peer Review Action Plan"), ("2025-02-13", "Children's LGA Peer Challenge")}


@needs_shared
def test_trace_paper_words_alone_do_not_match(shared_ix):
    found = trace(shared_ix[0], "Fostering Annual Report")
    titles = {a["title"] for m in found for a in m["appearances"]}
    assert not any("Safeguarding" in t or "School Performance" in t for t in titles)


def test_work_programme_rows_follow_date_cells_and_rejoin_cut_titles():
    tables = [
        {"header": ["Date", "Title", "Detail"], "rows": [
            ["Date", "Title", "Detail"],
            ["16 October 2025", "Fostering Annual Report", "To consider performance."],
            ["", "Progress on LGA Peer", "As a follow up to the item received on 13 Feb 2025,"],
            ["", "Review Action Plan", "Members requested a more detailed progress report"],
            ["27 November 2025", "Draft Work Programme 25-", "To consider the draft"],
            ["", "26", ""],
        ]},
        {"header": ["Date", "Title", "Detail"], "rows": [
            ["", "Children Absent from", "A task group"],
            ["", "Education", ""],
            ["Meetings to be allocated", "Breakfast Clubs", ""],
        ]},
    ]
    rows = [(r["date"], r["title"]) for _, r in programme_rows(tables, 2025)]
    assert rows == [("2025-10-16", "Fostering Annual Report"), ("2025-10-16", "Progress on LGA Peer Review Action Plan"),
                    ("2025-11-27", "Draft Work Programme 25-26"), ("2025-11-27", "Children Absent from Education")]


@needs_shared
def test_trace_of_unknown_item_is_empty(shared_ix):
    assert trace(shared_ix[0], "Municipal Golf Course Drainage") == []


@needs_shared
def test_standalone_note_and_pack_item_6_are_one_duplicate_group(shared_ix):
    found = duplicates(shared_ix[0])
    assert len(found) == 1
    assert [(os.path.basename(d["path"])[:3], d["document"]) for d in found[0]["documents"]] == [("001", "d7"), ("000", "d1")]
    assert found[0]["documents"][0]["item"] == "6"


def _doc(path, document="d1", text=None, **more):
    body = text or " ".join(f"paragraph {n} of the youth hub review notes progress on each recommendation" for n in range(8))
    return {"key": f"{path}#{document}", "path": path, "document": document, "title": "Youth Hub Review", "text": body,
            "kind": "briefing_note", **more}


def test_three_copies_are_one_group_and_a_pdf_groups_with_its_text_copy():
    docs = [_doc("/a/note.pdf"), _doc("/a/note.txt"), _doc("/b/pack.pdf", "d3", item="4", date="2025-10-16"),
            _doc("/c/reissue.pdf", text=_doc("x")["text"] + " reissued")]
    found = groups(find_pairs(docs))
    assert len(found) == 1
    assert [d["key"] for d in found[0]["documents"]] == ["/b/pack.pdf#d3", "/a/note.pdf#d1", "/a/note.txt#d1", "/c/reissue.pdf#d1"]


def test_a_paper_and_its_own_text_export_alone_are_not_a_duplicate():
    other = " ".join(f"the housing board minutes item {n} on temporary accommodation" for n in range(8))
    assert groups(find_pairs([_doc("/a/note.pdf"), _doc("/a/note.txt"), _doc("/b/other.pdf", text=other)])) == []


@needs_shared
def test_duplicate_report_is_collapsed_in_search(shared_ix):
    hits = search(shared_ix[0], '"progress against the recommendations"', limit=20)["hits"]
    docs = [r for h in hits for r in [h, *h["folded"]] if r["type"] == "document" and r["title"] == PEER]
    assert len(docs) == 1
    assert {os.path.basename(docs[0]["file"]), *map(os.path.basename, docs[0]["also_in"])} == {
        "000_605681e43db76aa2.pdf", "001_70795ba4a3317528.pdf"}


@needs_shared
@pytest.mark.parametrize("query, expected", [
    ('"Coventry Outdoor Education"', ("resolution", "An Overview of Coventry Outdoor Education Service (Coventry Outdoors)", "2025-09-11")),
    ("adoption", ("document", "Children's Services Annual Adoption Report 2024/2025", "2025-10-16")),
    ('"Coventry Education Performance"', ("agenda_item", "Coventry Education Performance", "2025-02-13")),
    ('"Journey to Excellence"', ("document", "Children’s Services Strategic Plan and Journey to Excellence 2019 - 2022", None)),
    ("Horizon", ("resolution", "Work Programme", "2025-01-16")),
])
def test_search_top_hit(shared_ix, query, expected):
    top = search(shared_ix[0], query, limit=1)["hits"][0]
    assert (top["type"], top["title"], top["date"]) == expected


@needs_shared
def test_search_filters_facets_and_json(shared_ix):
    ix, where = shared_ix
    found = search(ix, "fostering", facets=True, kind="appendix", date_from="2025-10", date_to="2025")
    assert found["hits"] and all(h["kind"] == "appendix" and h["date"].startswith("2025-10") for h in found["hits"])
    assert found["facets"]["kind"] == {"appendix": found["total"]}
    assert search(ix, "fostering", date_to="2024")["hits"] == []
    assert search(ix, "fost~1", limit=3)["hits"], "fuzzy terms are on"
    out = json.loads(_run("search", "adopt*", "--index", where, "--committee", "scrutiny board", "--format", "json").stdout)
    assert set(out["facets"]) == {"committee", "year", "kind"}
    hit = out["hits"][0]
    assert {"committee", "date", "document", "agenda_item", "file", "page", "snippet"} <= set(hit)
    assert "**" in hit["snippet"]


def test_date_range_takes_whole_years_from_the_year_field():
    assert str(date_range("2022-01-01", "2024-12-31")) == "year:[2022 TO 2024]"
    assert str(date_range("2025-10-01", None)) == "(year:[2026 TO ] OR date:[2025-10-01 TO 2025-12-31])"
    assert str(date_range("2024-03-05", "2025-02-01")) == "date:[2024-03-05 TO 2025-02-01]"


@needs_shared
def test_resolutions_in_date_order_with_clauses(shared_ix):
    ix, where = shared_ix
    found = resolutions(ix)
    dates = [r["date"] for r in found]
    assert dates == sorted(dates) and "2025-09-11" in dates
    outdoors = next(r for r in found if r["minute"] == "8" and r["date"] == "2025-09-11")
    assert outdoors["clauses"][0] == "Notes the information provided in the Briefing Note."
    assert all(r["date"] == "2025-09-11" for r in resolutions(ix, "outdoor", date_from="2025-09-11"))
    text = _run("resolutions", "--index", where, "--from", "2025-09").stdout
    assert "minute 8: An Overview of Coventry Outdoor Education Service" in text


def test_records_take_pack_date_except_minutes():
    contract = {
        "source": {"sha256": "x", "pages": 3, "format": "pdf"},
        "documents": [
            {"id": "d1", "kind": "agenda", "title": "Board", "agenda_item": None, "date": "2025-10-16", "page_start": 1, "sections": [], "tables": []},
            {"id": "d2", "kind": "minutes", "title": "Minutes", "agenda_item": "3", "date": "2025-09-11", "page_start": 2, "sections": [], "tables": []},
            {"id": "d3", "kind": "work_programme", "title": "WP", "agenda_item": "7", "date": "2025-10-01", "page_start": 3,
             "sections": [{"id": "d3.s1", "number": "1", "heading": "Plan", "level": 1, "text": "Words", "page": 3}], "tables": []},
        ],
        "meetings": [{"committee": "Board", "date": "2025-10-16", "source_role": "agenda", "document": "d1",
                      "agenda_items": [{"number": "7", "title": "Work Programme", "page_start": 40, "sub_items": []}]}],
        "entities": [{"text": "Horizon team", "label": "TEAM", "canonical": "Horizon Team", "document": "d3", "section": "d3.s1", "start": 0, "end": 5}],
    }
    recs = {r["rid"].split("::")[1]: r for r in records_from_contract(contract, "/p.pdf")}
    assert recs["d2"]["date"] == "2025-09-11"
    assert recs["d3"]["date"] == recs["d3.s1"]["date"] == "2025-10-16"
    assert recs["m1.a7"]["page"] == 3 and recs["m1.a7"]["document"] == "d3"
    assert recs["d3.s1"]["ent_team"] == "Horizon Team" and recs["d3.s1"]["entities"] == "TEAM:Horizon Team"


def test_unchanged_files_are_not_extracted_again(small, monkeypatch):
    docs, where = small
    first = ingest([str(docs)], where, jobs=1)
    assert (first.ingested, first.skipped, first.unchanged) == (2, 0, 0)

    def boom(*a, **k):
        raise AssertionError("extract_file called for an unchanged file")

    monkeypatch.setattr("minutebook.extract.extract_file", boom)
    again = ingest([str(docs)], where, jobs=1)
    assert (again.ingested, again.skipped, again.unchanged, again.errors) == (0, 0, 2, [])
    result = _run("ingest", str(docs), "--index", where, "--jobs", "1")
    assert result.exit_code == 0 and result.stdout.strip() == "0 files ingested, 0 skipped, 2 unchanged"


def test_changed_file_replaces_its_records(small):
    docs, where = small
    note = docs / "004_0ab796b4501ffa23.txt"
    ingest([str(docs)], where, jobs=1)
    old_sha = {r["sha256"] for r in _records(where, note)}
    note.write_text(note.read_text(encoding="utf-8") + "\n\n9.1 The zebrafinch pilot will report in spring.\n", encoding="utf-8")
    report = ingest([str(docs)], where, jobs=1)
    assert (report.ingested, report.unchanged) == (1, 1)
    recs = _records(where, note)
    assert len({r["sha256"] for r in recs}) == 1 and not old_sha & {r["sha256"] for r in recs}
    assert sum(r["rtype"] == "file" for r in recs) == 1
    assert search(windex.open_dir(where), "zebrafinch")["hits"]


def test_prune_drops_records_of_deleted_files(small):
    docs, where = small
    ingest([str(docs)], where, jobs=1)
    gone = docs / "000_605681e43db76aa2.txt"
    gone.unlink()
    kept = ingest([str(docs)], where, jobs=1)
    assert kept.pruned == 0 and _records(where, gone)
    result = _run("ingest", str(docs), "--index", where, "--prune", "--jobs", "1")
    assert result.exit_code == 0 and "1 pruned" in result.stdout
    assert _records(where, gone) == [] and _records(where, docs / "004_0ab796b4501ffa23.txt")


def test_bad_file_is_reported_and_batch_continues(small):
    docs, where = small
    (docs / "broken.pdf").write_bytes(b"this is not a pdf")
    result = _run("ingest", str(docs), "--index", where, "--jobs", "1")
    assert result.exit_code == 1
    assert f"minutebook: {docs / 'broken.pdf'}: not a PDF" in result.stderr
    assert result.stdout.strip() == "2 files ingested, 1 skipped, 0 unchanged"


def test_second_ingest_fails_fast_while_locked(small):
    docs, where = small
    os.makedirs(where)
    with FileLock(os.path.join(where, LOCK_NAME)):
        result = _run("ingest", str(docs), "--index", where, "--jobs", "1")
    assert result.exit_code == 2
    assert "another ingest is writing to" in result.stderr
    assert not windex.exists_in(where)


def test_index_location_follows_env(monkeypatch, tmp_path):
    monkeypatch.setenv("MINUTEBOOK_INDEX", str(tmp_path / "elsewhere"))
    assert default_index_dir() == str(tmp_path / "elsewhere")
    monkeypatch.delenv("MINUTEBOOK_INDEX")
    assert default_index_dir().endswith(os.path.join("minutebook", "index"))
    result = _run("search", "anything", "--index", str(tmp_path / "none"))
    assert result.exit_code == 1 and "no index here" in result.stderr


def test_entity_filter_reaches_entities_in_table_rows(shared_ix):
    ix, _ = shared_ix
    found = search(ix, "early years", entities=["INDICATOR:Good Level of Development"], limit=5)
    assert found["hits"][0]["title"] == "2. Early Years Foundation Stage Profile (final)"
    assert found["hits"][0]["type"] == "table"


def test_interrupt_just_after_a_commit_is_an_interrupt_not_a_closed_writer_error(tmp_path, monkeypatch):
    """Ctrl-C landing between a commit and the next writer once surfaced as whoosh's
    'This writer is closed' traceback; it must stay a KeyboardInterrupt, with the commit kept."""
    from whoosh.writing import SegmentWriter

    from minutebook.index import ingest as ingest_module

    docs = tmp_path / "docs"
    docs.mkdir()
    for name in ("hcc_youth_hub_note.txt", "hcc_hsg_2024-07-11.pdf"):
        shutil.copy(BUNDLED / name, docs / name)
    real_commit = SegmentWriter.commit

    def commit_then_interrupt(self, *args, **kwargs):
        real_commit(self, *args, **kwargs)
        raise KeyboardInterrupt

    monkeypatch.setattr(ingest_module, "COMMIT_EVERY", 1)
    monkeypatch.setattr(SegmentWriter, "commit", commit_then_interrupt)
    where = str(tmp_path / "ix")
    with pytest.raises(KeyboardInterrupt):
        ingest([str(docs)], where, jobs=1)
    monkeypatch.setattr(SegmentWriter, "commit", real_commit)
    assert windex.open_dir(where).doc_count() > 0
    report = ingest([str(docs)], where, jobs=1)
    assert (report.ingested, report.unchanged, report.errors) == (1, 1, [])
