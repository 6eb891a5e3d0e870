"""Search, facets and trace on the bundled corpus: exact numbers, one hit per item, filters that resolve or refuse."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys

import pytest
from click.testing import CliRunner
from conftest import BUNDLED
from whoosh import index as windex

from minutebook.cli import cli
from minutebook.index.ingest import ingest, open_index
from minutebook.index.query import last_reported, search, trace
from minutebook.index.schema import make_schema, paper_analyzer

# Two papers written for these tests: the bundled packs print no Key Stage results.
KEY_STAGE_NOTE = """Briefing Note

To: Children and Young People Scrutiny Board (1)
Date: 13 March 2025

Subject: Results at Key Stage {stage}

1 Key Stage {stage} results

1.1 At Key Stage {stage}, {share}% of pupils met the expected standard in English and maths.
"""


@pytest.fixture(scope="module")
def bundled(tmp_path_factory):
    """The bundled corpus (its README.md included, to be left out) and the Key Stage notes, in one index."""
    docs = tmp_path_factory.mktemp("docs")
    shutil.copytree(BUNDLED, docs / "corpus", ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    for stage, share in ((2, 61), (4, 47)):
        (docs / "corpus" / f"hcc_ks{stage}_note.txt").write_text(KEY_STAGE_NOTE.format(stage=stage, share=share), encoding="utf-8")
    where = str(tmp_path_factory.mktemp("ix"))
    report = ingest([str(docs / "corpus")], where, jobs=1)
    assert not report.errors, report.errors
    return open_index(where), where, report


def run(*args):
    return CliRunner().invoke(cli, list(args))


def _texts(ix, query):
    """Title and text of every record a query matches."""
    from minutebook.index.query import HIDDEN, _parser

    with ix.searcher() as s:
        return [f"{h.get('title') or ''}\n{h.get('text') or ''}" for h in s.search(_parser(ix.schema).parse(query), limit=None, mask=HIDDEN)]


@pytest.mark.parametrize("text, terms", [
    ("Average Progress 8 score", ["averag", "progress", "8", "score"]),
    ("NI 117 and indicator A10", ["ni", "117", "indic", "a10"]),
    ("application 24/00108 was refused", ["applic", "24/00108", "wa", "refus"]),
    ("an overspend of £1.2m in 2024/25", ["overspend", "£1.2m", "2024/25"]),
    ("Minute R2024-071 carried $3,400", ["minut", "r2024-071", "carri", "$3,400"]),
])
def test_analyzer_keeps_numbers_codes_and_money_whole_and_stems_words(text, terms):
    assert [t.text for t in paper_analyzer()(text, mode="query")] == terms


def test_a_code_is_indexed_with_its_pieces_at_its_own_position():
    tokens = [(t.text, t.pos) for t in paper_analyzer()("report 2024/25 noted", positions=True, mode="index")]
    assert tokens == [("report", 0), ("2024/25", 1), ("2024", 1), ("25", 1), ("note", 2)]


def test_key_stage_2_ranks_a_key_stage_2_record_first_and_matches_no_key_stage_4_record(bundled):
    ix = bundled[0]
    hits = search(ix, '"key stage 2"')["hits"]
    assert hits and "Key Stage 2" in hits[0]["title"] and os.path.basename(hits[0]["file"]) == "hcc_ks2_note.txt"
    assert {os.path.basename(h["file"]) for h in hits} == {"hcc_ks2_note.txt"}
    matched = _texts(ix, '"key stage 2"')
    assert len(matched) >= 3 and all("key stage 2" in t.lower() for t in matched)
    assert len(_texts(ix, '"key stage 4"')) == len(matched), "the other note is indexed alike"


@pytest.mark.parametrize("query, printed", [('"progress 8"', "progress 8"), ("£1.2m", "£1.2m"), ('"2024/25"', "2024/25"), ("CYP4", "cyp4")])
def test_numbers_and_money_are_searched_exactly(bundled, query, printed):
    matched = _texts(bundled[0], query)
    assert matched and all(printed in " ".join(t.lower().split()) for t in matched)


def test_a_year_still_finds_a_financial_year(bundled):
    assert any("2023/24" in t and "2023" not in t.replace("2023/24", "") for t in _texts(bundled[0], "2023"))


def test_hits_of_one_item_are_one_hit_with_its_records_folded(bundled):
    found = search(bundled[0], '"empty homes"')
    assert len(found["hits"]) == 1
    hit = found["hits"][0]
    assert (hit["type"], hit["title"], hit["date"], hit["minute"]) == ("minutes_item", "Empty Homes Programme", "2024-06-13", "4")
    assert sorted(f["label"] for f in hit["folded"]) == ["minutes", "minutes section", "resolution"]
    text = run("search", '"empty homes"', "--index", bundled[1]).stdout
    assert "     +3 more: minutes section, resolution, minutes" in text.splitlines()


def test_agenda_item_and_minute_of_one_meeting_are_one_hit(bundled):
    hits = search(bundled[0], '"youth hub review"', limit=20)["hits"]
    meetings = [(h["committee"], h["date"]) for h in hits if h["type"] != "table"]
    assert len(meetings) == len(set(meetings))
    first = hits[0]
    assert (first["type"], first["title"], first["date"]) == ("agenda_item", "Youth Hub Review", "2024-11-14")
    assert {"minute 17", "resolution", "work programme"} <= {f["label"] for f in first["folded"]}


def test_numbered_paragraphs_are_titled_by_their_heading(bundled):
    hits = search(bundled[0], "£1.2m", limit=20)["hits"]
    assert not any(re.fullmatch(r"[\d.]+", h["title"] or "") for h in hits)
    assert "2 Background › 2.2" in {h["title"] for h in hits}


def test_the_same_query_gives_the_same_order_in_fresh_processes(bundled):
    def once(seed):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        return subprocess.run([sys.executable, "-c", "from minutebook.cli import main; main()", "search", "budget", "--index", bundled[1], "--limit", "20",
                               "--format", "json"], capture_output=True, text=True, env=env, check=False).stdout

    first = json.loads(once("1"))
    assert len(first["hits"]) >= 5
    assert json.loads(once("2")) == first


@pytest.mark.parametrize("typed", ["Housing Committee", "housng comittee", "HOUSING"])
def test_committee_filter_resolves_words_and_misspellings_and_says_so(bundled, typed):
    result = run("search", "tenant", "--committee", typed, "--index", bundled[1], "--format", "json")
    assert result.exit_code == 0, result.output
    found = json.loads(result.stdout)
    assert found["filters"]["committee"] == ["Housing and Communities Scrutiny Committee"]
    assert found["hits"] and {h["committee"] for h in found["hits"]} == {"Housing and Communities Scrutiny Committee"}
    text = run("search", "tenant", "--committee", typed, "--index", bundled[1])
    assert text.stdout.splitlines()[0] == "committee: Housing and Communities Scrutiny Committee"


def test_kind_and_entity_filters_take_words_and_part_names(bundled):
    found = search(bundled[0], "hub", kind="breifing note")
    assert found["filters"]["kind"] == ["briefing_note"]
    assert found["hits"] and all(h["kind"] == "briefing_note" for h in found["hits"])
    found = search(bundled[0], "business", kind="minutes", entities=["PERSON:Okafor"])
    assert found["filters"]["entity"] == ["PERSON:a okafor"]
    assert found["hits"] and all(h["kind"] == "minutes" and h["committee"].startswith("Children") for h in found["hits"])


def test_unknown_committee_is_an_error_naming_the_closest(bundled):
    result = run("search", "tenant", "--committee", "Planning", "--index", bundled[1])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "minutebook: --committee: no committee matches 'Planning'; closest: Housing and Communities Scrutiny Committee; "
        "Children and Young People Scrutiny Board (1)"]


@pytest.mark.parametrize("date", ["2025-13-01", "31/02/2025", "2025-02-30"])
def test_an_impossible_date_is_refused_with_exit_2(bundled, date):
    result = run("search", "tenant", "--from", date, "--index", bundled[1])
    assert result.exit_code == 2
    assert result.stderr == f"minutebook: --from: not a real date: {date}\n"


@pytest.mark.parametrize("typed", ["13/03/2025", "13 March 2025", "2025-03-13"])
def test_uk_and_iso_dates_are_the_same_bound(bundled, typed):
    found = search(bundled[0], "hub", date_from=typed, date_to=typed, limit=20)
    assert found["filters"]["dates"] == ["2025-03-13", "2025-03-13"]
    assert found["hits"] and {h["date"] for h in found["hits"]} == {"2025-03-13"}


def test_months_and_years_are_whole_ranges(bundled):
    months = search(bundled[0], "hub", date_from="2024-11", date_to="November 2024", limit=20)
    assert months["filters"]["dates"] == ["2024-11-01", "2024-11-30"]
    assert {h["date"] for h in months["hits"]} == {"2024-11-14"}


def test_no_match_exits_1_with_a_hint(bundled):
    result = run("search", "zebrafinch", "--index", bundled[1])
    assert result.exit_code == 1
    assert result.stderr == "minutebook: 'zebrafinch': no matches; try fewer words, word* or word~ for other spellings\n"


def test_facets_lists_committees_kinds_years_and_labels_with_counts(bundled):
    result = run("facets", "--index", bundled[1], "--format", "json")
    assert result.exit_code == 0
    found = json.loads(result.stdout)
    assert list(found["committee"]) == ["Children and Young People Scrutiny Board (1)", "Housing and Communities Scrutiny Committee"]
    assert {"agenda", "minutes", "briefing_note", "work_programme"} <= set(found["kind"])
    assert set(found["year"]) == {"2024", "2025", "2026"}
    assert found["labels"]["PERSON"] >= 10 and "ent_person" in found["fields"]
    with open_index(bundled[1]).searcher() as s:
        shown = sum(1 for d in s.all_stored_fields() if d["rtype"] not in ("file", "dup") and d.get("kind") == "minutes")
    assert found["kind"]["minutes"] == shown
    text = run("facets", "--index", bundled[1]).stdout
    assert f"  {found['kind']['minutes']:6d}  minutes" in text.splitlines()


def test_trace_json_and_text_list_the_same_appearances(bundled):
    as_json = json.loads(run("trace", "Youth Hub Review", "--index", bundled[1], "--format", "json").stdout)
    text = run("trace", "Youth Hub Review", "--index", bundled[1]).stdout.splitlines()
    meetings = as_json["meetings"]
    # 2024-09-19: the decision to add the review to the work programme names it.
    assert [m["date"] for m in meetings] == ["2025-10-16", "2025-09-11", "2025-03-13", "2024-11-14", "2024-09-19"]
    listed = [line for line in text if line.startswith("    ")]
    appearances = [a for m in meetings for a in m["appearances"]]
    assert len(listed) == len(appearances) >= 8
    for line, a in zip(listed, appearances):
        assert f": {a['title']}  (" in line and os.path.basename(a["file"]) in line
    assert {"type", "kind", "agenda_item", "minute", "title", "document", "file", "page", "planned"} <= set(appearances[0])
    assert any(a["type"] == "minutes_item" and a["minute"] == "9" for a in appearances)
    assert as_json["last_reported"] == {"date": "2025-10-16", "committees": ["Children and Young People Scrutiny Board (1)"]}
    assert text[-1] == "last reported: 2025-10-16, Children and Young People Scrutiny Board (1)"


def test_trace_committee_filter(bundled):
    assert trace(bundled[0], "Youth Hub Review", committee="children young people")
    assert trace(bundled[0], "Youth Hub Review", committee="housing") == []
    result = run("trace", "Youth Hub Review", "--committee", "housing", "--index", bundled[1])
    assert result.exit_code == 1 and "no meeting found for this committee" in result.stderr


def test_last_reported_names_every_committee_on_the_last_date():
    meetings = [{"date": "2025-03-13", "committee": "Cabinet", "planned": False},
                {"date": "2025-03-13", "committee": "Audit Committee", "planned": False},
                {"date": "2025-01-09", "committee": "Cabinet", "planned": False},
                {"date": "2025-06-01", "committee": "Cabinet", "planned": True}]
    assert last_reported(meetings) == {"date": "2025-03-13", "committees": ["Audit Committee", "Cabinet"]}
    assert last_reported(meetings[3:]) is None


def test_trace_of_a_misspelt_item_suggests_indexed_titles(bundled):
    result = run("trace", "youth hub reveiw", "--index", bundled[1])
    assert result.exit_code == 1
    assert result.stderr.startswith("minutebook: 'youth hub reveiw': no meeting found; did you mean: Youth Hub Review? ")


def test_ingest_leaves_the_readme_out_with_a_note(bundled):
    ix, _, report = bundled
    assert [(os.path.basename(p), n) for p, n in report.notes if "README" in p] == [
        ("README.md", "not a paper (a README or licence file): skipped")]
    with ix.searcher() as s:
        assert not any(p.endswith("README.md") for p in (d["path"] for d in s.documents(rtype="file")))


def test_json_search_on_an_empty_index_answers_with_facets(tmp_path):
    windex.create_in(str(tmp_path), make_schema())
    result = run("search", "anything", "--index", str(tmp_path), "--format", "json")
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert json.loads(result.stdout)["facets"] == {"committee": {}, "year": {}, "kind": {}}


@pytest.mark.parametrize("words", ["adoptoin~1", "fost*", "title:housing"])
def test_fuzzy_and_prefix_search_on_an_empty_index_finds_nothing(tmp_path, words):
    windex.create_in(str(tmp_path), make_schema())
    result = run("search", words, "--index", str(tmp_path), "--format", "json")
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert json.loads(result.stdout)["hits"] == []


def test_json_search_where_a_segment_lacks_a_facet_column_answers_with_facets(tmp_path):
    ix = windex.create_in(str(tmp_path), make_schema())
    rows = [dict(rid="1", rtype="section", path="/a", text="alpha beta", committee="Cabinet", date="2025-01-09", year="2025", kind="minutes"),
            dict(rid="2", rtype="section", path="/b", text="alpha gamma"),
            dict(rid="3", rtype="section", path="/c", text="alpha delta", kind="report")]
    for row in rows:
        w = ix.writer()
        w.add_document(**row)
        w.commit(merge=False)
    assert len(open_index(str(tmp_path)).reader().leaf_readers()) == 3
    for word, kinds in (("gamma", {}), ("delta", {"report": 1}), ("alpha", {"minutes": 1, "report": 1})):
        result = run("search", word, "--index", str(tmp_path), "--format", "json")
        assert result.exit_code == 0, result.output
        assert json.loads(result.stdout)["facets"]["kind"] == kinds


def test_trace_finds_a_meeting_whose_decision_names_the_item(bundled):
    """The July 2024 housing minutes take up the Tenant Voice Panel only inside the work-programme decision."""
    found = {m["date"]: m for m in trace(bundled[0], "Tenant Voice Panel")}
    assert {"2025-01-23", "2024-07-11"} <= set(found)
    (mention,) = found["2024-07-11"]["appearances"]
    assert (mention["type"], mention["minute"], mention["title"]) == ("mention", "9", "Work Programme 2024-25")
    out = run("trace", "Tenant Voice Panel", "--index", bundled[1])
    assert "named in the decision of minute 9: Work Programme 2024-25" in out.output


@pytest.mark.parametrize("segments", [1, 2])
def test_a_hidden_record_matching_first_is_left_out_of_the_total_and_facets(tmp_path, segments):
    """Whoosh's AndNot lets a query's first match through when the list it excludes starts lower:
    here the first 'alpha' is a file record, and a file record without 'alpha' comes before it."""
    ix = windex.create_in(str(tmp_path), make_schema())
    rows = [dict(rid="f1", rtype="file", path="/a", text="gamma", kind="minutes"),
            dict(rid="f2", rtype="file", path="/b", text="alpha", kind="minutes"),
            dict(rid="s1", rtype="section", path="/b", text="alpha beta", committee="Cabinet", kind="minutes"),
            dict(rid="s2", rtype="section", path="/b", text="alpha delta", committee="Planning Committee", kind="report")]
    w = ix.writer()
    for n, row in enumerate(rows):
        if segments == 2 and n == 2:
            w.commit(merge=False)
            w = ix.writer()
        w.add_document(**row)
    w.commit(merge=False)
    result = run("search", "alpha", "--index", str(tmp_path), "--format", "json")
    found = json.loads(result.stdout)
    assert (found["total"], found["facets"]["kind"]) == (2, {"minutes": 1, "report": 1})
    result = run("search", "alpha", "--committee", "cabinet", "--index", str(tmp_path), "--format", "json")
    found = json.loads(result.stdout)
    assert (found["total"], found["facets"]["kind"], [h["committee"] for h in found["hits"]]) == (1, {"minutes": 1}, ["Cabinet"])


@pytest.mark.parametrize("words", ["alpha ANDNOT beta", "alpha NOT beta", "alpha AND NOT beta"])
def test_a_word_excluded_leaves_out_the_first_match_that_holds_it(tmp_path, words):
    """Whoosh's AndNot kept 'alpha beta' for 'alpha ANDNOT beta': its first 'alpha', where 'beta' starts lower."""
    ix = windex.create_in(str(tmp_path), make_schema())
    with ix.writer() as w:
        for rid, text in (("s0", "beta gamma"), ("s1", "alpha beta"), ("s2", "alpha delta")):
            w.add_document(rid=rid, rtype="section", path=f"/{rid}", text=text)
    result = run("search", words, "--index", str(tmp_path), "--format", "json")
    found = json.loads(result.stdout)
    assert ([h["file"] for h in found["hits"]], found["total"]) == (["/s2"], 1)
