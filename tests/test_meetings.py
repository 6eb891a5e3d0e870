"""Meetings: the development corpus against gold, and each house style on text written here."""

from __future__ import annotations

from functools import lru_cache

import pytest
from conftest import SHARED, STEMS, gold, needs_shared

from minutebook.extract import extract_file
from minutebook.extract.meetings import find_meetings
from minutebook.extract.text import blocks_from_text
from minutebook.model import Document, Source
from minutebook.output import meeting_json

FORMS = {"pdf": ("pdf", ".pdf"), "txt": ("seeds", ".txt")}
MEETING_KEYS = ("committee", "date", "time", "place", "source_role", "document")


@lru_cache(maxsize=None)
def meetings_of(stem: str, form: str) -> list[dict]:
    folder, suffix = FORMS[form]
    return [meeting_json(m) for m in extract_file(str(SHARED / folder / f"{stem}{suffix}")).meetings]


def pairs(stem: str, form: str):
    want = gold(stem)["meetings"]
    got = meetings_of(stem, form)
    assert len(got) == len(want)
    return list(zip(got, want))


@needs_shared
@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("stem", STEMS)
def test_meetings_match_gold(stem, form):
    for got, want in pairs(stem, form):
        assert {k: got[k] for k in MEETING_KEYS} == {k: want[k] for k in MEETING_KEYS}
        if "end_time" in want:
            assert got["end_time"] == want["end_time"]


@needs_shared
@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("stem", STEMS)
def test_agenda_and_minutes_items_match_gold(stem, form):
    keys = ("number", "title", "page_start", "page_end")
    for got, want in pairs(stem, form):
        assert [{k: a[k] for k in keys} for a in got["agenda_items"]] == want["agenda_items"]
        assert [{k: a[k] for k in ("number", "title")} for a in got["minutes_items"]] == want["minutes_items"]


@needs_shared
@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("stem", STEMS)
def test_attendance_matches_gold(stem, form):
    for got, want in pairs(stem, form):
        assert got["attendance"] == want["attendance"]


@needs_shared
@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("stem", STEMS)
def test_resolutions_match_gold(stem, form):
    keys = ("minute", "title", "text", "clauses")
    for got, want in pairs(stem, form):
        formal = [{k: r[k] for k in keys} for r in got["resolutions"] if not r["decision_only"]]
        assert formal == [{k: r[k] for k in keys} for r in want["resolutions"]]


@needs_shared
def test_corpus_private_minute_and_cross_references():
    minutes = next(m for m in meetings_of(STEMS[1], "txt") if m["source_role"] == "minutes")
    assert [i["number"] for i in minutes["minutes_items"] if i["private"]] == ["12"]
    by_minute = {r["minute"]: r for r in minutes["resolutions"] if not r["decision_only"]}
    assert by_minute["12"]["private"] and not by_minute["9"]["private"]
    assert by_minute["9"]["refers_to"] == ["12"]
    assert by_minute["12"]["refers_to"] == ["9"]


# House styles, on invented text.


def doc_of(text: str, kind: str = "minutes", title: str | None = None) -> Document:
    return Document(id="d1", kind=kind, title=title, agenda_item=None, date=None, page_start=None, page_end=None, blocks=blocks_from_text(text))


def meeting_of(text: str, kind: str = "minutes", title: str | None = None):
    doc = doc_of(text, kind, title)
    source = Source(path="x.txt", format="text", sha256="", pages=None, blocks=doc.blocks)
    (meeting,) = find_meetings([doc], source)
    return meeting


def formal(meeting):
    return [r for r in meeting.resolutions if not r.decision_only]


# Long paragraphs, as real minutes have, so the text reader does not take the short lines for hard-wrapped ones.
LONG = (
    "The Panel heard that the harbour authority had reviewed its charging arrangements over the winter and would report again once the consultation had closed.\n\n"
) * 3
HEAD = "Minutes of a Meeting of the Harbourside Licensing Panel held at 2.15 pm on Tuesday, 4 March 2031\n\n"


def test_resolved_that_with_numbered_clause_lines():
    m = meeting_of(
        HEAD
        + "14. Street Trading Consents\n\n"
        + "The Panel considered a report on pitches at the quay.\n\n"
        + "RESOLVED that the Panel:\n\n"
        + "1) Approves the two new pitches at Quay Street.\n\n"
        + "2) Asks officers to review fees in the spring.\n\n"
        + "15. Taxi Ranks\n\n"
        + "The Panel heard from the Rank Marshal.\n"
    )
    (r,) = formal(m)
    assert (r.minute, r.title, r.style) == ("14", "Street Trading Consents", "resolved")
    assert r.text == "RESOLVED that the Panel: 1) Approves the two new pitches at Quay Street. 2) Asks officers to review fees in the spring."
    assert r.clauses == ["Approves the two new pitches at Quay Street.", "Asks officers to review fees in the spring."]
    assert [i.number for i in m.minutes_items] == ["14", "15"]


def test_resolved_colon_with_lettered_clauses_in_one_paragraph():
    m = meeting_of(HEAD + "3. Gambling Policy Review\n\nRESOLVED: (a) That the draft policy be consulted on; and (b) That a further report come back in July.\n")
    (r,) = formal(m)
    assert r.clauses == ["That the draft policy be consulted on", "That a further report come back in July."]
    assert r.text.startswith("RESOLVED: (a) That the draft")


def test_it_was_resolved_without_clauses():
    m = meeting_of(HEAD + "7. Annual Fees\n\nIt was RESOLVED that the fee schedule at Appendix B be adopted from 1 April.\n")
    (r,) = formal(m)
    assert (r.minute, r.style, r.clauses) == ("7", "resolved", [])
    assert r.text == "It was RESOLVED that the fee schedule at Appendix B be adopted from 1 April."


def test_proposed_seconded_and_resolved():
    m = meeting_of(
        HEAD
        + "22. Riverside Car Park\n\n"
        + "Proposed by Councillor T Okafor, seconded by Councillor W Lind and resolved that the tariff increase be deferred.\n"
    )
    (r,) = formal(m)
    assert r.style == "proposed" and r.minute == "22"
    assert r.text.endswith("resolved that the tariff increase be deferred.")


def test_proposer_line_followed_by_resolved_line_is_one_block():
    m = meeting_of(HEAD + "9. Grants\n\nMoved by Councillor P Quist and seconded by Councillor R Amu.\n\nRESOLVED that the grants listed be awarded.\n")
    (r,) = formal(m)
    assert r.style == "proposed"
    assert r.text == "Moved by Councillor P Quist and seconded by Councillor R Amu. RESOLVED that the grants listed be awarded."


def test_decision_label():
    m = meeting_of(HEAD + "4. Market Hall Lease\n\nDecision: The Committee agreed to grant a five year lease to the traders' cooperative.\n")
    (r,) = formal(m)
    assert (r.style, r.minute, r.decision_only) == ("decision", "4", False)


def test_noted_and_agreed_are_decision_only_and_narrative_resolved_is_not_formal():
    m = meeting_of(
        HEAD
        + "30. Forward Plan\n\n"
        + "The Panel noted the forward plan.\n\n"
        + "The Panel agreed to visit the ferry terminal in June.\n\n"
        + "31. Any Other Business\n\n"
        + "The Panel resolved to write to the harbour master about mooring charges.\n"
    )
    assert formal(m) == []
    only = [(r.minute, r.text) for r in m.resolutions if r.decision_only]
    assert only == [
        ("30", "The Panel noted the forward plan."),
        ("30", "The Panel agreed to visit the ferry terminal in June."),
        ("31", "The Panel resolved to write to the harbour master about mooring charges."),
    ]


def test_private_business_and_cross_references():
    m = meeting_of(
        HEAD
        + "40. Exclusion of the Press and Public\n\n"
        + "RESOLVED that the press and public be excluded for Minute 43 below as it involves exempt information.\n\n"
        + "41. Pier Lighting\n\n"
        + "RESOLVED that, subject to Minute 43 below and further to Minute 43, the lighting scheme be approved.\n\n"
        + "Private Business\n\n"
        + "42. Pier Lease Terms\n\n"
        + "RESOLVED that the terms be agreed.\n\n"
        + "43. Pier Lighting Contract\n\n"
        + "RESOLVED that further to Minute 41 the contract be awarded.\n"
    )
    flags = {i.number: i.private for i in m.minutes_items}
    assert flags == {"40": False, "41": False, "42": True, "43": True}
    by = {r.minute: r for r in formal(m)}
    assert by["41"].refers_to == ["43"]
    assert by["43"].refers_to == ["41"] and by["43"].private
    assert by["42"].private and not by["41"].private


def test_numbered_paragraph_out_of_sequence_is_not_a_minute():
    m = meeting_of(
        HEAD
        + "18. Fireworks Licensing\n\n"
        + "Officers set out two concerns:\n\n"
        + "2. Noise complaints had doubled since last year.\n\n"
        + "19. Close of Business\n"
    )
    assert [(i.number, i.title) for i in m.minutes_items] == [("18", "Fireworks Licensing"), ("19", "Close of Business")]


def test_clauses_stop_at_next_minute_heading():
    m = meeting_of(
        HEAD + "1. Chair's Welcome\n\nRESOLVED that:\n\n1) the agenda be taken as printed;\n\n2) item 4 be taken first.\n\n2. Apologies\n\nNone.\n"
    )
    (r,) = formal(m)
    assert r.clauses == ["the agenda be taken as printed", "item 4 be taken first."]
    assert [i.number for i in m.minutes_items] == ["1", "2"]


def test_minutes_heading_committee_date_time_place_and_close():
    m = meeting_of(
        "Minutes of the Meeting of the Harbourside Licensing Panel held in Committee Room 3, Civic Offices at 6.30pm on 3 March 2031\n\n"
        "1. Apologies\n\nNone.\n\n(The meeting closed at 8.05 pm)\n"
    )
    assert (m.committee, m.date, m.time, m.place, m.end_time) == (
        "Harbourside Licensing Panel",
        "2031-03-03",
        "18:30",
        "Committee Room 3, Civic Offices",
        "20:05",
    )


def test_committee_named_before_the_word_meeting():
    m = meeting_of("Minutes of the Cabinet meeting held on Wednesday 9th April 2031 at 10am\n\n1. Apologies\n")
    assert (m.committee, m.date, m.time, m.place) == ("Cabinet", "2031-04-09", "10:00", None)


def test_attendance_lines_split_one_person_per_string():
    m = meeting_of(
        HEAD
        + "Present:\n\n"
        + "Members: Councillor N Adeyemi (Chair)\n\n"
        + "Councillor R Hale Councillor T Okafor Councillor W Lind\n\n"
        + "Co-opted Members: Dr F Moss and Paula Greene\n\n"
        + "Others Present: H Varga, Chief Executive of the Harbour Trust\n\n"
        + "Officers (by\n\nDepartment):\n\n"
        + "Regulatory Services K Ito, M Dunne\n\n"
        + "Democratic Support L Abara\n\n"
        + "Apologies: Councillors S Patel, D Frost and E Kahn (Vice-Chair)\n\n"
        + "1. Declarations of Interest\n\n"
        + "Councillor R Hale declared an interest as a licence holder.\n\n"
        + LONG
    )
    att = m.attendance
    assert att.present == [
        "Councillor N Adeyemi (Chair)",
        "Councillor R Hale",
        "Councillor T Okafor",
        "Councillor W Lind",
        "Dr F Moss",
        "Paula Greene",
        "H Varga",
    ]
    assert att.officers == ["K Ito", "M Dunne", "L Abara"]
    assert att.apologies == ["Councillor S Patel", "Councillor D Frost", "Councillor E Kahn (Vice-Chair)"]
    assert m.declarations == ["Councillor R Hale declared an interest as a licence holder."]


def test_agenda_front_sheet():
    m = meeting_of(
        "Agenda\n\nHarbourside Licensing Panel\n\nDate: Tuesday 8th April 2031\n\nTime: 2.15 pm\n\nVenue\n\nThe Boathouse, Quay Street\n\n"
        "1. Apologies\n\n"
        "2. Minutes (Pages 5 - 9)\n\n"
        "a) To approve the minutes of the meeting held on 4th March\n\n"
        "b) Matters arising\n\n"
        "3. Street Trading Review (Pages 10 14)\n\n"
        "• Report of the Head of Regulatory Services\n\n"
        "Private Business\n\n"
        "4. Pier Lease (Pages 15 - 20)\n\n" + LONG,
        kind="agenda",
        title="Harbourside Licensing Panel",
    )
    assert (m.source_role, m.committee, m.date, m.time, m.place) == (
        "agenda",
        "Harbourside Licensing Panel",
        "2031-04-08",
        "14:15",
        "The Boathouse, Quay Street",
    )
    items = [(a.number, a.title, a.page_start, a.page_end, a.private) for a in m.agenda_items]
    assert items == [
        ("1", "Apologies", None, None, False),
        ("2", "Minutes", 5, 9, False),
        ("3", "Street Trading Review", 10, 14, False),
        ("4", "Pier Lease", 15, 20, True),
    ]
    assert m.agenda_items[1].sub_items == ["To approve the minutes of the meeting held on 4th March", "Matters arising"]
    assert m.agenda_items[2].officer == "Report of the Head of Regulatory Services"
    assert m.refers_to_meetings == ["2031-03-04"]


def test_apologies_recorded_as_a_minute():
    m = meeting_of(
        HEAD
        + "1. Apologies for Absence\n\n"
        + "Apologies for absence were received from Councillors J Mbeki and S Rowe.\n\n"
        + "2. Declarations of Interest\n\n"
        + "There were no declarations of interest.\n\n"
        + LONG
    )
    assert m.attendance.apologies == ["Councillor J Mbeki", "Councillor S Rowe"]
    assert m.declarations == []


def test_resolved_label_on_its_own_line_takes_the_paragraph_after_it():
    m = meeting_of(HEAD + "5. Harbour Dues\n\nRESOLVED –\n\nThat the revised dues be approved from 1 May.\n\n6. Close\n\n" + LONG)
    (r,) = formal(m)
    assert (r.minute, r.text, r.clauses) == ("5", "RESOLVED – That the revised dues be approved from 1 May.", [])


def test_minutes_with_labelled_date_time_and_venue():
    m = meeting_of(
        "Harbourside Licensing Panel\n\nMinutes\n\nDate: 12 June 2031\n\nTime: 7pm\n\nVenue: The Boathouse\n\n1. Apologies\n\n" + LONG,
        title="Harbourside Licensing Panel",
    )
    assert (m.committee, m.date, m.time, m.place) == ("Harbourside Licensing Panel", "2031-06-12", "19:00", "The Boathouse")


def test_minutes_referred_to_without_a_year_are_from_before_the_meeting():
    m = meeting_of(
        "Agenda\n\nHarbourside Licensing Panel\n\nDate: 14 January 2032\n\n1. Minutes\n\na) To agree the minutes of the meeting held on 10th December\n\n" + LONG,
        kind="agenda",
        title="Harbourside Licensing Panel",
    )
    assert m.refers_to_meetings == ["2031-12-10"]
