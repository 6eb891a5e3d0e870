"""Trace through procedure: standing items in every house style's wording, and decisions that set an item
for a later meeting (by date, "the next meeting", or onto the work programme)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from conftest import needs_shared

from minutebook.cli import cli
from minutebook.extract.decisions import later_meetings
from minutebook.extract.styles.decisions import FOLLOW_UP, LATER
from minutebook.extract.styles.standing import STANDING
from minutebook.index.ingest import ingest, open_index
from minutebook.index.query import standing, trace

# Two house styles written for these tests: an English parish's minutes (two meetings) and a US city's.
PARISH_JANUARY = """Riverside Parish Council

Minutes of the meeting of Riverside Parish Council held on Tuesday 14 January 2025 at 7.30 pm in the Village Hall

Present: Councillors A Bell (Chair), C Dunn and E Frost

1. Apologies for Absence
Apologies were received from Councillor G Hart.

2. Minutes of the Previous Meeting
RESOLVED that the minutes of the meeting held on 10 December 2024 be approved as a true record.

3. Allotment Rents Review
The Clerk reported on rents charged by neighbouring parishes.
RESOLVED that the allotment rents review be deferred to the meeting on 11th March.

4. Village Hall Car Park Lighting
RESOLVED that a quotation for the car park lighting be brought back to the next meeting.

5. Footpath Signage
RESOLVED that the Clerk order two replacement footpath signs.

The meeting closed at 9.05 pm.
"""

PARISH_FEBRUARY = """Riverside Parish Council

Minutes of the meeting of Riverside Parish Council held on Tuesday 11 February 2025 at 7.30 pm in the Village Hall

Present: Councillors A Bell (Chair), C Dunn, E Frost and G Hart

1. Apologies for Absence
None.

2. Approval of Previous Minutes
RESOLVED that the minutes of the meeting held on 14 January 2025 be approved.

3. Village Hall Car Park Lighting
RESOLVED that the quotation from Brightway Electrical be accepted.

The meeting closed at 8.40 pm.
"""

CITY = """CITY OF MAPLE FALLS
MINUTES OF THE REGULAR MEETING OF THE CITY COUNCIL
Tuesday, January 7, 2025, 6:00 p.m., Council Chambers

1. ROLL CALL
Present: Mayor Ruiz, Councilmembers Ortiz, Lee, Park and Quinn.

2. APPROVAL OF MINUTES
Motion by Councilmember Ortiz, seconded by Councilmember Lee, to approve the minutes of the December 17, 2024 meeting. Motion carried 5-0.

3. SIDEWALK REPAIR ORDINANCE
Motion by Councilmember Park, seconded by Councilmember Quinn, to table the sidewalk repair ordinance until the February 4 meeting. Motion carried 4-1.

4. ADJOURNMENT
The meeting adjourned at 7:10 p.m.
"""


@pytest.fixture(scope="module")
def minutes_index(tmp_path_factory):
    papers = tmp_path_factory.mktemp("papers")
    for name, text in (("riverside_2025-01-14.txt", PARISH_JANUARY), ("riverside_2025-02-11.txt", PARISH_FEBRUARY),
                       ("maplefalls_2025-01-07.txt", CITY)):
        (papers / name).write_text(text, encoding="utf-8")
    where = str(tmp_path_factory.mktemp("index"))
    report = ingest([str(papers)], where, jobs=1)
    assert not report.errors, report.errors
    return where


@pytest.mark.parametrize("style", STANDING, ids=[s.name for s in STANDING])
def test_standing_registry_examples(style):
    assert standing(style.example) == style.expect["standing"]


@pytest.mark.parametrize("title, kind", [
    ("Minutes", "minutes"),
    ("3. Minutes (Pages 3 - 8)", "minutes"),
    ("Confirmation of the minutes of the last meeting", "minutes"),
    ("Adoption of Minutes of Ordinary Meeting held on 8 May 2023", "minutes"),
    ("Minutes of the Planning Committee", None),  # another body's minutes, received: not this meeting's
    ("To receive the minutes of the Finance Sub-Committee", None),
    ("Apologies and Substitutions", "apologies"),
    ("Declarations of Interests", "interests"),
    ("Ministerial Minutes on Housing Supply", None),
    ("Business Rates Relief", None),
])
def test_standing_forms_and_what_is_not_one(title, kind):
    assert standing(title) == kind


@pytest.mark.parametrize("style", LATER + FOLLOW_UP, ids=[s.name for s in LATER + FOLLOW_UP])
def test_later_meeting_registry_examples(style):
    (( _, when),) = later_meetings(style.example, "2025-01-16")
    assert when == style.expect.get("when", "later")


@pytest.mark.parametrize("text, when", [
    ("The item was deferred to 9 January.", "2026-01-09"),  # year-less, so the next 9 January after the meeting
    ("Consideration was postponed until 3 March 2026.", "2026-03-03"),
    ("The Committee noted the meeting on 2 May 2025 had been cancelled.", None),  # a past meeting
    ("The minutes of the meeting on 10 December 2024 were agreed.", None),
])
def test_later_dates_read_from_a_decision_held_on_the_12th_of_may_2025(text, when):
    assert [w for _, w in later_meetings(text, "2025-05-12")] == ([when] if when else [])


def _dates(index, item, **kw):
    return {m["date"]: m for m in trace(open_index(index), item, **kw)}


def test_minutes_of_the_previous_meeting_is_found_under_every_wording(minutes_index):
    found = _dates(minutes_index, "Minutes of the previous meeting (standing item)")
    assert sorted(found) == ["2025-01-07", "2025-01-14", "2025-02-11"]
    titles = {a["title"] for m in found.values() for a in m["appearances"] if a["type"] == "minutes_item"}
    assert titles == {"Minutes of the Previous Meeting", "Approval of Previous Minutes", "APPROVAL OF MINUTES"}
    assert sorted(_dates(minutes_index, "approval of minutes", committee="Riverside")) == ["2025-01-14", "2025-02-11"]


def test_apologies_and_roll_call_are_one_standing_item(minutes_index):
    assert sorted(_dates(minutes_index, "Apologies")) == ["2025-01-07", "2025-01-14", "2025-02-11"]
    out = CliRunner().invoke(cli, ["trace", "Apologies", "--index", minutes_index])
    assert out.exit_code == 0 and "ROLL CALL" in out.stdout
    assert "a standing item (apologies): every meeting that takes it is listed; --committee narrows them" in out.stderr


def test_a_decision_deferring_to_a_dated_meeting_plans_the_item_there(minutes_index):
    found = _dates(minutes_index, "Allotment rents review")
    assert sorted(found) == ["2025-01-14", "2025-03-11"]
    later = found["2025-03-11"]
    assert later["planned"] and later["committee"] == "Riverside Parish Council"
    (a,) = later["appearances"]
    assert (a["type"], a["minute"], a["set_on"]) == ("later", "3", "2025-01-14")
    us = _dates(minutes_index, "Sidewalk repair ordinance")
    assert sorted(us) == ["2025-01-07", "2025-02-04"] and us["2025-02-04"]["planned"]


def test_the_next_meeting_is_the_committees_next_indexed_one(minutes_index):
    found = _dates(minutes_index, "Village Hall Car Park Lighting")
    assert sorted(found) == ["2025-01-14", "2025-02-11"]
    types = [a["type"] for a in found["2025-02-11"]["appearances"]]
    assert "later" in types and not found["2025-02-11"]["planned"]  # minuted there, so held, not only planned


def test_a_decision_on_another_item_sets_nothing(minutes_index):
    assert sorted(_dates(minutes_index, "Footpath Signage")) == ["2025-01-14"]


def test_trace_text_and_json_show_the_deciding_minute(minutes_index):
    run = CliRunner().invoke
    text = run(cli, ["trace", "Allotment rents review", "--index", minutes_index])
    assert "set for this meeting by minute 3 of 2025-01-14" in text.output
    data = json.loads(run(cli, ["trace", "Allotment rents review", "--index", minutes_index, "--format", "json"]).stdout)
    (later,) = [a for m in data["meetings"] for a in m["appearances"] if a["type"] == "later"]
    assert later["set_on"] == "2025-01-14" and later["planned"] is True
    assert data["last_reported"]["date"] == "2025-01-14"


@pytest.mark.parametrize("item, title, body", [
    ("Children's Services Improvement Plan", "Children's Services Annual Adoption Report", "Children's Services Scrutiny Board"),
    ("Parks and Recreation Trail Plan", "Parks and Recreation Pool Report", "Parks and Recreation Advisory Board"),
])
def test_the_committees_own_words_do_not_make_two_items_one(item, title, body):
    from minutebook.index.query import _terms, title_matches
    from minutebook.index.schema import make_schema

    schema = make_schema()

    def weight(text):
        return {t: 3.0 for t in _terms(schema, text)}

    assert title_matches(item, title, weight) > 0  # the subject words alone would pass …
    assert title_matches(item, title, weight, frozenset(_terms(schema, body))) == 0  # … but they are the body's name


@needs_shared
def test_a_summary_row_names_an_item_only_through_one_of_its_rows(shared_ix):
    """Coventry's 2024-25 programme sums up 13 March 2025 as one cell ("SEND Strategy Sufficiency – Early
    Years, Mainstream and SEND Section 19 Policy"): it holds "Early Years" and "Strategy", of two rows."""
    assert "2025-03-13" not in _dates(shared_ix[1], "Early Years Strategy")
    assert "2025-03-13" in _dates(shared_ix[1], "SEND Strategy")


@pytest.mark.parametrize("title, body", [
    ("Harbour Board Work Programme 2025-26", "Harbour Board"),
    ("Planning Commission – Work Plan FY2026", "Planning Commission"),
    ("Scrutiny Co-ordination Committee Draft Work Programme", "Scrutiny Co-ordination Committee"),
    ("Work Programme 2025-26", None),  # names no body
    ("Town Centre Forward Plan", None),  # a plan of a place, not a body's programme
])
def test_a_lone_work_programme_belongs_to_the_body_its_title_names(title, body):
    from minutebook.index.records import _addressee

    assert _addressee({"kind": "work_programme", "title": title, "id": "d1"}, []) == body
