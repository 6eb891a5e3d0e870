"""Agendas: every registry example through its parser, then whole front sheets in
each house style, on text written here."""

from __future__ import annotations

import re

import pytest

from minutebook.extract import agenda as A
from minutebook.extract.dates import find_dates
from minutebook.extract.styles import agenda as S
from minutebook.extract.text import blocks_from_text
from minutebook.model import Block, Document, Table

# Registries: each entry's own example gives what the entry promises.


@pytest.mark.parametrize("style", S.HEADINGS, ids=lambda s: s.name)
def test_heading_styles(style):
    assert A._heading(style.example) == (True, style.expect["committee"])


@pytest.mark.parametrize("style", S.LABELS, ids=lambda s: s.name)
def test_label_styles(style):
    field, value = A._label(style.example)
    assert field == style.expect["field"]
    assert value == style.example.split(":", 1)[1].strip()


@pytest.mark.parametrize("style", S.OTHER_DATES, ids=lambda s: s.name)
def test_other_date_styles(style):
    (off, _), = find_dates(style.example)
    assert A._other_date(style.example[:off])
    front = [A._Line(style.example, Block("text", style.example))]
    assert A._when_where(front)[0] == style.expect["date"]


@pytest.mark.parametrize("style", S.PLACES, ids=lambda s: s.name)
def test_place_styles(style):
    assert A._place_sentence([style.example]) == style.expect["place"]


@pytest.mark.parametrize("style", S.CONTACTS, ids=lambda s: s.name)
def test_contact_styles(style):
    assert A._strip_contacts(style.example) == style.expect["rest"]


@pytest.mark.parametrize("style", S.ITEMS, ids=lambda s: s.name)
def test_item_styles(style):
    m = re.match(style.pattern, style.example, style.flags)
    assert (m.group("num"), m.group("title")) == (style.expect["number"], style.expect["title"])


@pytest.mark.parametrize("style", S.TRAILERS, ids=lambda s: s.name)
def test_trailer_styles(style):
    assert A.split_title(style.example) == (style.expect["title"], style.expect["page_start"], style.expect["page_end"])


# Whole agendas.


# Long paragraphs, as real papers have, so the text reader does not take the short lines for hard-wrapped ones.
LONG = (
    "\nThe public may attend this meeting; the room has level access and a hearing loop, and papers are online a week before.\n"
) * 3


def agenda_doc(text: str, title: str | None = None, extra: list[Block] = ()) -> Document:
    blocks = blocks_from_text(text + LONG) + list(extra)
    return Document(id="d1", kind="agenda", title=title, agenda_item=None, date=None, page_start=1, page_end=1, blocks=blocks)


def facts(text: str, **kw):
    doc = agenda_doc(text, **kw)
    assert A.looks_like_agenda([b for b in doc.blocks if b.kind == "text"])
    m = A.agenda_meeting(doc)
    return (m.committee, m.date, m.time, m.place), [(a.number, a.title, a.page_start, a.page_end) for a in m.agenda_items]


def test_moderngov_front_sheet_with_joint_label():
    meeting, items = facts(
        "Public Document Pack\n\nAgenda\n\nCoastal Services Scrutiny Panel\n\nDate and time\n\n"
        "6.30 pm on Wednesday, 5th November, 2031\n\nVenue\n\nCommittee Room 3 - Civic Offices\n\n"
        "1. Apologies for Absence\n\n2. Minutes (Pages 3 - 8)\n\n3. Beach Hut Charges (Pages 9 - 20)\n\n"
        "Hilda Brandt, Head of Legal Services\n\nMonday, 27 October 2031\n"
    )
    assert meeting == ("Coastal Services Scrutiny Panel", "2031-11-05", "18:30", "Committee Room 3 - Civic Offices")
    assert items == [("1", "Apologies for Absence", None, None), ("2", "Minutes", 3, 8), ("3", "Beach Hut Charges", 9, 20)]


def test_summons_with_cover_page_and_letter_date():
    meeting, items = facts(
        "Summons to and Agenda for the Annual Borough Council Meeting on\n\nMonday, 12th May, 2031 at 7.00 pm\n\n"
        "LEGAL SERVICES TOWN HALL EASTPORT\n\nTuesday, 29 April 2031\n\nTo: All Members of the Borough Council\n\n"
        "A meeting of the Borough Council will be held in the Council Chamber, Civic Centre, Eastport on Monday, "
        "12th May, 2031 at 7.00 pm to deal with the following business.\n\nA G E N D A\n\n"
        "1. Election of Mayor\n\n2. Mayor's Announcements\n\n"
        "3. Minutes of the meeting held on 3 April 2031 (Pages 1 - 12) and, if in order, to be signed.\n"
    )
    assert meeting == ("Annual Borough Council", "2031-05-12", "19:00", "the Council Chamber, Civic Centre, Eastport")
    assert items[2] == ("3", "Minutes of the meeting held on 3 April 2031 and, if in order, to be signed", 1, 12)


def test_hereby_summoned_sentence_names_the_body():
    meeting, items = facts(
        "Clerk: R. Ndlovu, 4 Mill Lane\n\nYou are hereby summoned to attend a meeting of the Orchard Vale Town Council "
        "to be held at the Pavilion, Orchard Road on Thursday 10 July 2031 commencing at 7pm.\n\n"
        "AGENDA\n\n1. Apologies\n\n2. Declarations of interest\n\n3. Allotments\n"
    )
    assert meeting == ("Orchard Vale Town Council", "2031-07-10", "19:00", "the Pavilion, Orchard Road")
    assert [i[0] for i in items] == ["1", "2", "3"]


def test_us_notice_and_agenda_with_times_per_item_and_a_filing_stamp():
    meeting, items = facts(
        "FILED\n\nNOTICE AND AGENDA\n\n03/01/2031 09:12 AM\n\nLAKEVIEW CITY COUNCIL - Regular Meeting\n\n"
        "6:00 P.M., Tuesday, March 4, 2031\n\nCity Hall, Council Chambers, 100 Main Street\n\n"
        "1. Call to Order. 6:00 P.M.\n\n2. Roll Call 6:05 P.M.\n\n"
        "3. Consider approval of the paving contract for Elm Avenue. [CC 3/4/31] 31-114-2 Supporting Documentation\n\n4. Adjournment.\n"
    )
    assert meeting == ("LAKEVIEW CITY COUNCIL", "2031-03-04", "18:00", "City Hall, Council Chambers, 100 Main Street")
    assert items == [
        ("1", "Call to Order", None, None),
        ("2", "Roll Call", None, None),
        ("3", "Consider approval of the paving contract for Elm Avenue", None, None),
        ("4", "Adjournment", None, None),
    ]


def test_canadian_letterhead_agenda_with_start_time_and_amendment_date():
    meeting, items = facts(
        "The Corporation of the Township of Birch Lake\n\n12 Shore Road Birch Lake ON P0A 1B0\n\n*** AGENDA ***\n\n"
        "Tuesday, March 11, 2031\n\n**START TIME 7:00 p.m.**\n\nAmended March 10, 2031\n\n"
        "1. Disclosure of pecuniary interest.\n\n2. Resolution: Adopt the Minutes of the February 25, 2031 Council meeting.\n\n"
        "3. Adjournment.\n\nCouncil meetings will be held in person at 12 Shore Road, Birch Lake Community Hall and virtually on Zoom.\n"
    )
    assert meeting == (
        "The Corporation of the Township of Birch Lake",
        "2031-03-11",
        "19:00",
        "12 Shore Road, Birch Lake Community Hall",
    )
    assert items[1] == ("2", "Resolution: Adopt the Minutes of the February 25, 2031 Council meeting", None, None)


def test_parish_agenda_for_the_meeting_of():
    meeting, items = facts(
        "Agenda for the meeting of Little Hinton Parish Council to be held on Monday 7 April 2031 at 7.30 pm in the Village Hall\n\n"
        "1. To receive apologies\n\n2. To approve the minutes of the meeting held on 3 March 2031\n\n3. Finance\n"
    )
    assert meeting == ("Little Hinton Parish Council", "2031-04-07", "19:30", "the Village Hall")
    assert items[2] == ("3", "Finance", None, None)


def test_parish_heading_with_date_glued_on_and_venue_line():
    meeting, items = facts(
        "ASHBY FELL PARISH COUNCIL MEETING TO BE HELD ON MONDAY, 6 OCTOBER 2031 @ 7.30pm\n\nASHBY FELL INSTITUTE HALL\n\n"
        "AGENDA\n\n1. To receive apologies for meeting\n\n2 . To register an interest in any item on the Agenda\n\n3. Footpaths\n\n"
        "Date of the next meeting 3 November 2031\n"
    )
    assert meeting == ("ASHBY FELL PARISH COUNCIL", "2031-10-06", "19:30", "ASHBY FELL INSTITUTE HALL")
    assert [i[0] for i in items] == ["1", "2", "3"]


def test_lettered_sub_items_are_not_items_and_hrs_times_are_read():
    meeting, items = facts(
        "Wexcombe Community Council Public Meeting Agenda\n\nTuesday 9 May 2031 Online Meeting 19:30hrs\n\n"
        "1. Welcome\n\na. Apologies for absence\n\nb. Declarations of Interest\n\n2. Police Report\n\n3. Members' Reports\n\n"
        "a. Convenor\n\nb. Treasurer\n\n4. AOB\n"
    )
    assert meeting[:3] == ("Wexcombe Community Council", "2031-05-09", "19:30")
    assert [i[0] for i in items] == ["1", "2", "3", "4"]


def test_dot_leader_agenda_pages():
    meeting, items = facts(
        "AGENDA\n\nHarbour Board\n\nDate: Friday 14 March 2031\n\nTime: 10.00 am\n\n"
        "1. Apologies ..........\n\n2. Minutes of the last meeting .......... 3 - 7\n\n3. Harbour Dues .......... 8\n"
    )
    assert meeting[:3] == ("Harbour Board", "2031-03-14", "10:00")
    assert items == [("1", "Apologies", None, None), ("2", "Minutes of the last meeting", 3, 7), ("3", "Harbour Dues", 8, 8)]


def test_tabular_agenda():
    table = Table(page=1, header=["Item", "Subject", "Pages"], rows=[["1", "Apologies", ""], ["2", "Minutes", "3 - 8"], ["3", "Budget Outturn", "9 - 30"]])
    doc = agenda_doc(
        "AGENDA\n\nFinance Committee\n\nDate: Wednesday 2 April 2031\n",
        extra=[Block("table", "", page=1, table=table)],
    )
    m = A.agenda_meeting(doc)
    assert [(a.number, a.title, a.page_start, a.page_end) for a in m.agenda_items] == [
        ("1", "Apologies", None, None),
        ("2", "Minutes", 3, 8),
        ("3", "Budget Outturn", 9, 30),
    ]


def test_supplement_letter_date_is_not_the_meeting_date():
    meeting, items = facts(
        "Direct Dial: 01234 567890 e-mail: p.lund@eastport.example\n\nDate: 2 June 2031\n\nDear Member\n\n"
        "LICENSING COMMITTEE - MONDAY, 9 JUNE 2031\n\n"
        "Please find enclosed the report for Item 5, which was not available when the agenda was published.\n\n"
        "Agenda Item No\n\n5 Street Trading Policy (Pages 1 - 14)\n\nYours sincerely\n"
    )
    assert meeting[:2] == ("LICENSING COMMITTEE", "2031-06-09")
    assert items == [("5", "Street Trading Policy", 1, 14)]


@pytest.mark.parametrize(
    "line, time",
    [
        ("Thursday, 5th June, 2031, at 10.00 am", "10:00"),
        ("4:00 P.M., Wednesday, June 4, 2031", "16:00"),
        ("MEETING TO BE HELD ON MONDAY, 2 JUNE 2031 @ 7.30pm", "19:30"),
        ("To be held on Monday 2 June 2031 commencing at 7pm", "19:00"),
        ("Regular meeting, Tuesday, June 3, 2031, 6:30 p.m.", "18:30"),
    ],
)
def test_start_time_forms(line, time):
    front = [A._Line(line, Block("text", line))]
    assert A._when_where(front)[1] == time


def test_minutes_are_not_an_agenda():
    blocks = blocks_from_text(
        "Regular Meeting of the Lakeview Town Council\n\nPresent:\n\nMayor J. Ortiz, Councillors P. Lamb and K. Osei\n\n"
        "1. Call to Order\n\nThe meeting was called to order at 7:00 p.m.\n\n2. Adoption of Minutes\n\n3. Adjournment\n"
    )
    assert not A.looks_like_agenda(blocks)


def test_number_on_its_own_line_takes_the_next_line_as_title():
    doc = agenda_doc("AGENDA\n\nLicensing Sub-Committee\n\nDate: Monday 3 March 2031\n\n1.\n\nApologies\n\n2.\n\nHackney Carriage Fares (Pages 5 - 9)\n")
    items = [(a.number, a.title, a.page_start, a.page_end) for a in A.agenda_meeting(doc).agenda_items]
    assert items == [("1", "Apologies", None, None), ("2", "Hackney Carriage Fares", 5, 9)]


def test_bracketed_and_point_zero_numbering():
    _, items = facts("ORDER OF BUSINESS\n\nTuesday 4 March 2031 at 7 pm\n\n(1) Apologies\n\n(2) Minutes\n\n(3) Planning\n")
    assert [i[:2] for i in items] == [("1", "Apologies"), ("2", "Minutes"), ("3", "Planning")]
    _, items = facts("Notice of Regular Meeting\n\nTuesday, March 4, 2031, 7:00 p.m.\n\n1.0 Call to Order\n\n2.0 Delegations\n\n3.0 Adjournment\n")
    assert [i[:2] for i in items] == [("1.0", "Call to Order"), ("2.0", "Delegations"), ("3.0", "Adjournment")]


def test_committee_line_under_a_council_letterhead():
    meeting, _ = facts("Eastport Borough Council\n\nAGENDA\n\nPlanning Committee\n\nDate: Thursday 6 March 2031\n\n1. Apologies\n\n2. Minutes\n")
    assert meeting[:2] == ("Planning Committee", "2031-03-06")
    meeting, _ = facts("Eastport Borough Council\n\nAGENDA\n\nDate: Thursday 6 March 2031\n\n1. Apologies\n\n2. Minutes\n")
    assert meeting[:2] == ("Eastport Borough Council", "2031-03-06")


def test_venue_after_the_time_on_the_heading_line():
    meeting, _ = facts("HOLME PARISH COUNCIL MEETING TO BE HELD ON MONDAY, 6 OCTOBER 2031 @ 7pm HOLME READING ROOM\n\nAGENDA\n\n1. Apologies\n\n2. Minutes\n")
    assert meeting == ("HOLME PARISH COUNCIL", "2031-10-06", "19:00", "HOLME READING ROOM")


def test_a_heading_lost_to_ocr_still_leaves_date_time_and_numbered_list():
    meeting, items = facts("Township of Birch Lake\n\nTuesday, May 13, 2031\n\nSTART TIME 6:30 p.m.\n\n1. Disclosure of interest.\n\n2. Correspondence.\n\n3. Adjournment.\n")
    assert meeting[1:3] == ("2031-05-13", "18:30")
    assert len(items) == 3


@pytest.mark.parametrize("sentence, place", [
    ("This session will be held at Harbour House and webcast live.", "Harbour House"),
    ("The meeting will be held in the Guildhall, and livestreamed on the council's channel.", "the Guildhall"),
])
def test_a_place_ends_where_its_broadcast_begins(sentence, place):
    assert A._place_sentence([sentence]) == place


@pytest.mark.parametrize("heading, place", [
    ("A meeting of the Ashgrove Recreation Committee was held in person at the Ashgrove Community Hall, and livestreamed to the Township's channel.", "Ashgrove Community Hall"),
    ("Minutes of the Harbour Board held at Harbour House and broadcast on the council's website", "Harbour House"),
])
def test_a_minutes_heading_place_ends_where_its_broadcast_begins(heading, place):
    from minutebook.extract.meetings import _held_place

    assert _held_place(heading) == place


@pytest.mark.parametrize("heading, place", [
    ("MINUTES OF THE REGULAR MEETING OF THE CITY COMMISSION, scheduled for Tuesday, May 6, 2031, at 6:00 P.M. in Room 210, "
     "City Hall, 12 Main St., Second Floor, Ashgrove, KS, to transact all business as set out in the posted agenda", "Room 210, City Hall, 12 Main St., Second Floor, Ashgrove, KS"),
    ("Minutes of the Parish Council meeting, Monday 7 April 2031 at 7.30 pm in the Village Hall, to consider the matters below",
     "Village Hall"),
])
def test_a_place_after_the_time_ends_at_a_purpose_clause(heading, place):
    from minutebook.extract.meetings import _held_place

    assert _held_place(heading) == place


@pytest.mark.parametrize("heading, place", [
    ("Minutes of the Meeting of Kilmory Community Council held at 7.30 p.m. within the Village Hall, Kilmory on Tuesday 3 March 2031.",
     "Village Hall, Kilmory"),
    ("The regular meeting of the Ashgrove City Council was called to order at 6:00 p.m. in the Council Chambers on Monday, March 2, 2031.",
     "Council Chambers"),
    ("Minutes of the Meeting of the Harbour Strategic Policy Committee held on Thursday, 2nd June, 2031 at 10:30am in the Council "
     "Chamber, Quay Street, Eastport.", "Council Chamber, Quay Street, Eastport"),
    ("Due to the pandemic the Parish Council held a zoom meeting", "zoom"),
    ("The Board of Trustees meeting was held virtually via Microsoft Teams", "Microsoft Teams"),
])
def test_a_minutes_heading_place_within_before_its_date_or_online(heading, place):
    from minutebook.extract.meetings import _held_place

    assert _held_place(heading) == place


def test_no_place_from_teams_that_are_people():
    from minutebook.extract.meetings import _held_place

    assert _held_place("Minutes of the working group held by the planning teams of both councils") is None


@pytest.mark.parametrize("text, body", [
    ("Ashby Parish Council - 14th July 2031 Due to the pandemic the Parish Council held", "Ashby Parish Council"),
    ("Eastport City Council, October 19, 2031 regular session", "Eastport City Council"),
])
def test_a_date_after_a_body_name_ends_it(text, body):
    from minutebook.extract.meetings import _bare_committee

    assert _bare_committee(text) == body


@pytest.mark.parametrize("text, items", [
    # A US city commission: lettered sections, items numbered from 1 under some of them.
    ("CITY COMMISSION AGENDA\nRegular Meeting\nMonday, April 6, 2031 at 6:00 PM\n\nA. CALL TO ORDER\n\nB. ROLL CALL\n\n"
     "C. CONSENT AGENDA\n\n1. Approval of minutes of March 16, 2031\n\n2. Resolution 31-14 street sweeper purchase\n\n"
     "D. PUBLIC HEARINGS\n\n1. Ordinance 31-03 amending the zoning code\n\nE. ADJOURNMENT\n",
     [("A", "CALL TO ORDER"), ("B", "ROLL CALL"), ("C", "CONSENT AGENDA"), ("C.1", "Approval of minutes of March 16, 2031"),
      ("C.2", "Resolution 31-14 street sweeper purchase"), ("D", "PUBLIC HEARINGS"), ("D.1", "Ordinance 31-03 amending the zoning code"),
      ("E", "ADJOURNMENT")]),
    # An Ontario township: Roman sections, numbered items under each.
    ("COUNCIL AGENDA\nTuesday, May 5, 2031 at 7:00 p.m.\n\nI. Call to Order\n\nII. Delegations\n\n1. Lakeshore Ratepayers Association\n\n"
     "III. Reports\n\n1. Treasurer's Report\n\n2. Roads Superintendent's Report\n\nIV. Adjournment\n",
     [("I", "Call to Order"), ("II", "Delegations"), ("II.1", "Lakeshore Ratepayers Association"), ("III", "Reports"),
      ("III.1", "Treasurer's Report"), ("III.2", "Roads Superintendent's Report"), ("IV", "Adjournment")]),
])
def test_an_outline_agenda_numbers_items_under_their_sections(text, items):
    got = A.parse_agenda_items(agenda_doc(text))
    assert [(i.number, i.title) for i in got] == items


def test_a_numbered_agenda_with_a_lettered_note_stays_numbered():
    got = A.parse_agenda_items(agenda_doc(
        "PARISH COUNCIL AGENDA\nMonday 4 May 2031 at 7.30 pm\n\n1. Apologies\n\n2. Declarations of Interest\n\n"
        "3. Minutes of the last meeting\n\nA. Note: papers for item 3 were circulated by email.\n\n4. Finance\n\n5. Correspondence\n"))
    assert [i.number for i in got] == ["1", "2", "3", "4", "5"]
