"""Minute numbering and minutes recognised by content, on invented papers in several house styles."""

from __future__ import annotations

import re

import pytest

from minutebook.extract.documents import split_documents
from minutebook.extract.meetings import find_meetings
from minutebook.extract.minutes import minute_headings
from minutebook.extract.styles.numbering import SCHEMES, sequence_key
from minutebook.extract.text import blocks_from_text
from minutebook.model import Block, Source


def blocks(*texts: str, bold: bool = False) -> list[Block]:
    return [Block("text", t, page=1, bold=bold) for t in texts]


@pytest.mark.parametrize("style", SCHEMES, ids=[s.name for s in SCHEMES])
def test_every_numbering_scheme_reads_its_example(style):
    """Each registry entry's example, printed twice in a row, is read as two minutes of that scheme."""
    want = style.expect
    assert sequence_key(want["number"]) == want["key"]
    if want.get("label_after"):
        paper = blocks("Apologies for Absence", style.example, "None were received.", "Election of Chair", style.example.replace(want["number"], str(want["key"][0] + 1)))
        heads = minute_headings(paper)
        assert [(h.number, h.title, h.scheme) for h in heads] == [
            (want["number"], "Apologies for Absence", style.name),
            (str(want["key"][0] + 1), "Election of Chair", style.name),
        ]
        return
    heads = minute_headings(blocks(style.example, "The report was considered at length by the members present.", style.example))
    assert heads[0].number == want["number"] and heads[0].scheme == style.name
    assert heads[0].title == want["title"]


def test_paragraph_numbers_inside_minutes_are_not_minutes():
    paper = blocks(
        "41. Apologies",
        "1. Apologies were received from Councillor Frame.",
        "42. Library Opening Hours",
        "1. The Committee considered the report of the Head of Libraries on Saturday opening.",
        "2. Members asked about staffing at the branch libraries and were told cover was in place.",
        "3. RESOLVED that the revised hours be approved.",
        "43. Date of Next Meeting",
    )
    assert [(h.number, h.title) for h in minute_headings(paper)] == [
        ("41", "Apologies"),
        ("42", "Library Opening Hours"),
        ("43", "Date of Next Meeting"),
    ]


def test_headings_numbered_apart_from_their_paragraphs_win():
    """Kent-like: bold minute numbers in the 280s, each minute's paragraphs numbered 1, 2, 3…"""
    paper = [Block("text", t, page=1, bold=t[:3].isdigit() and len(t) < 40) for t in (
        "288. Apologies for Absence",
        "289. Treasury Strategy",
        *[f"{n}. The Cabinet Member for Finance set out point {n} of the strategy at some length to the meeting." for n in range(1, 12)],
        "290. Any Other Business",
    )]
    assert [h.number for h in minute_headings(paper)] == ["288", "289", "290"]


def test_number_alone_on_its_line_takes_the_next_line_as_title():
    paper = blocks("1.", "Adoption of Minutes", "The minutes were adopted.", "2.", "Roads Programme 2031", "Members discussed the list.")
    heads = minute_headings(paper)
    assert [(h.number, h.title, h.uses_next) for h in heads] == [("1", "Adoption of Minutes", True), ("2", "Roads Programme 2031", True)]


def test_page_numbers_over_repeated_running_titles_are_not_minutes():
    paper = blocks(*[x for n in (3, 4, 5, 6) for x in (str(n), "Summary of Adjustments", "Svc 0.2 €1,000")])
    assert minute_headings(paper) == []


def test_dated_and_resolution_numbers_rise_through_the_minutes():
    dotted = blocks("31.05.01 Apologies None", "31.05.02 Playground Inspection The report was received.", "31.05.03 Finance")
    assert [h.number for h in minute_headings(dotted)] == ["31.05.01", "31.05.02", "31.05.03"]
    motions = blocks(
        "R2031-101 A. Brook, C. Dee: That the agenda be adopted. Carried.",
        "R2031-102 C. Dee, A. Brook: That the accounts be paid. Carried.",
    )
    heads = minute_headings(motions)
    assert [(h.number, h.title) for h in heads] == [
        ("R2031-101", "That the agenda be adopted"),
        ("R2031-102", "That the accounts be paid"),
    ]


def test_decision_reference_may_open_a_minute_title():
    paper = blocks("96. Apologies", "97. 31/00442 - Highways Term Maintenance Contract", "98. Any Other Business")
    assert [h.title for h in minute_headings(paper)] == ["Apologies", "31/00442 - Highways Term Maintenance Contract", "Any Other Business"]


def _meetings(text: str):
    src = Source(path="x.txt", format="text", sha256="", pages=None, blocks=blocks_from_text(text))
    docs = split_documents(src)
    return docs, find_meetings(docs, src)


LONG = "The Clerk reported that the contractor had completed the work on time and within the agreed budget for the year.\n\n"


def test_parish_minutes_without_a_minutes_heading_are_minutes():
    docs, (m,) = _meetings(
        "Fernleigh Parish Council – 9th March 2031\n\n"
        "Present Councillors P Wren (Chair), T Hale and G Moss. Clerk Mrs D Lark\n\n"
        "31.03.01 Apologies Councillor Marsh\n\n" + LONG + "31.03.02 Village Green\n\n" + LONG
        + "The Councillors resolved to pay the grass cutting invoice of £240.\n\n"
    )
    assert docs[0].kind == "minutes"
    assert (m.committee, m.date, [i.number for i in m.minutes_items]) == ("Fernleigh Parish Council", "2031-03-09", ["31.03.01", "31.03.02"])


def test_north_american_minutes_name_the_body_in_a_sentence():
    docs, (m,) = _meetings(
        "MINUTES\n\n"
        "TOWNSHIP OF ASHGROVE Tuesday, June 3, 2031\n\n"
        "A regular meeting of the Township of Ashgrove Council was held on Tuesday, June 3, 2031 starting at 7:00 p.m. "
        "The meeting was held in person at the Ashgrove Community Hall.\n\n"
        "Present: Mayor Ann Lowe and Councillors Ben Ortiz, Carla Reyes and Dev Shah.\n\n"
        "R2031-120 B. Ortiz, C. Reyes: That the agenda be adopted as presented. Carried.\n\n"
        "R2031-121 D. Shah, B. Ortiz: That the accounts totalling $12,400 be paid. Carried.\n\n"
    )
    assert (m.committee, m.date, m.time) == ("Township of Ashgrove Council", "2031-06-03", "19:00")
    assert m.place == "Ashgrove Community Hall"
    assert [i.number for i in m.minutes_items] == ["R2031-120", "R2031-121"]


def test_irish_proceedings_heading_wrapped_over_lines():
    _, (m,) = _meetings(
        "MINUTES OF PROCEEDINGS AT MEETING OF THE\n\n"
        "WESTPORT MUNICIPAL DISTRICT HELD IN THE\n\n"
        "COUNCIL CHAMBER, QUAY ROAD, ON MONDAY, 14TH\n\n"
        "APRIL, 2031, AT\n\n"
        "10.30 A.M.\n\n"
        "PRESENT IN THE CHAIR: Councillor M. Hynes.\n\n"
        "MEMBERS PRESENT:\n\n"
        "Councillors Duffy, Kelly and Walsh.\n\n"
        "1.\n\nAdoption of Minutes\n\n" + LONG + "2.\n\nRoad Works Programme\n\n" + LONG
    )
    assert (m.committee, m.date, m.time) == ("WESTPORT MUNICIPAL DISTRICT", "2031-04-14", "10:30")
    assert [(i.number, i.title) for i in m.minutes_items] == [("1", "Adoption of Minutes"), ("2", "Road Works Programme")]


def test_a_minute_about_earlier_minutes_does_not_start_a_document():
    docs, (m,) = _meetings(
        "HARBOUR PANEL – 2 May 2031\n\n"
        "MINUTES of the meeting held in Room 4, Town Hall.\n\n"
        "PRESENT: Ann Cole (Chair), Bob Dunn, Cath Eve.\n\n"
        "Apologies\n\n(Item 1)\n\nNone were received.\n\n"
        "Minutes of the meeting held on 4 April 2031\n\n(Item 2)\n\n"
        "RESOLVED that the minutes of the meeting held on 4 April 2031 were a correct record.\n\n"
        "Harbour Dues\n\n(Item 3)\n\n" + LONG
    )
    assert len(docs) == 1
    assert m.committee == "HARBOUR PANEL"
    assert [(i.number, i.title) for i in m.minutes_items] == [
        ("1", "Apologies"),
        ("2", "Minutes of the meeting held on 4 April 2031"),
        ("3", "Harbour Dues"),
    ]


def _pdf_pages(pages: list[list[str]]) -> list[Block]:
    """Blocks as the PDF reader gives them: each page's first block marks a new page."""
    out = []
    for n, texts in enumerate(pages, start=1):
        out += [Block("text", t, page=n, new_page=(k == 0)) for k, t in enumerate(texts)]
    return out


def test_other_bodies_minutes_in_a_pack_are_meetings_of_their_own():
    """Correspondence minutes headed by the body's name before 'Minutes of …', or by a
    'A regular meeting of … was held' sentence, each start a document and a meeting."""
    council = [
        "MINUTES", "TOWNSHIP OF ASHGROVE Tuesday, June 3, 2031",
        "A regular meeting of the Township of Ashgrove Council was held on Tuesday, June 3, 2031 starting at 7:00 p.m.",
        "Present: Mayor Ann Lowe and Councillors Ben Ortiz and Carla Reyes.",
        "R2031-120 B. Ortiz, C. Reyes: That the agenda be adopted as presented. Carried.",
        "R2031-121 C. Reyes, B. Ortiz: That the accounts be paid. Carried.",
    ]
    housing = [
        "The Westvale Housing Co-operative Minutes of the Board of Directors Meeting", "Tuesday May 13, 2031",
        "Present: Ann Lowe, Gail Park and Hugh Moss.",
        "1. Call to order", "2. Approval of the Agenda",
        "Resolution No. 2031-14 Moved by Gail, seconded by Hugh that the agenda be adopted. Carried",
    ]
    library = [
        "A regular meeting of the Ashgrove Library Board was held on Wednesday, May 21, 2031 at 6:00 p.m.",
        "PRESENT: Dev Shah (Chair), Ivy Fox, Jon Grey.",
        "1.0 CALL TO ORDER", "The Chair called the meeting to order.", "2.0 APPROVAL OF THE AGENDA",
        "Be It Resolved, that the agenda be approved. Carried.",
    ]
    src = Source(path="x.pdf", format="pdf", sha256="", pages=3, blocks=_pdf_pages([council, housing, library]))
    docs = split_documents(src)
    meetings = find_meetings(docs, src)
    assert [d.kind for d in docs] == ["minutes", "minutes", "minutes"]
    assert [(m.committee, m.date) for m in meetings] == [
        ("Township of Ashgrove Council", "2031-06-03"),
        ("The Westvale Housing Co-operative Board of Directors", "2031-05-13"),
        ("Ashgrove Library Board", "2031-05-21"),
    ]
    assert [i.number for i in meetings[2].minutes_items] == ["1.0", "2.0"]


@pytest.mark.parametrize("number, movers, motion, title", [
    ("MOTION NUMBER 2031-14", "Moved by: Ann Lowe Seconded by: Ben Ortiz", "THAT the Board approve the summer opening hours as presented. Carried.",
     "THAT the Board approve the summer opening hours as presented"),
    ("Resolution No. 2031-14", "Proposed by Councilmember Ortiz, seconded by Councilmember Reyes",
     "WHEREAS the library roof requires repair; NOW THEREFORE BE IT RESOLVED that the repair be funded from reserves. Carried.",
     "WHEREAS the library roof requires repair"),
])
def test_a_motion_number_over_its_mover_line_is_titled_by_the_motion(number, movers, motion, title):
    """The mover line between a motion's number and its text is the decision's, not the minute's title."""
    second = number.replace("2031-14", "2031-15")
    docs, (m,) = _meetings(
        "MINUTES\n\nA regular meeting of the Ashgrove Museum Board was held on Tuesday, June 3, 2031 at 6:00 p.m.\n\n"
        f"{number}\n\n{movers}\n\n{motion}\n\n{second}\n\n{movers}\n\nTHAT the meeting be adjourned at 7:40 p.m. Carried.\n\n"
    )
    assert [(i.number, i.title) for i in m.minutes_items] == [
        ("2031-14", title), ("2031-15", "THAT the meeting be adjourned at 7:40 p.m")]
    assert [(r.minute, r.outcome) for r in m.resolutions] == [("2031-14", "carried"), ("2031-15", "carried")]
    assert m.resolutions[0].mover is not None and m.resolutions[0].seconder is not None


@pytest.mark.parametrize("rows, texts", [
    # An English parish's payments, one decision a row.
    ("Grass cutting (Greenway Ltd)\t£240.00\tresolved to pay\nHall hire\t£35.00\tresolved to pay\n",
     ["Grass cutting (Greenway Ltd) £240.00 resolved to pay", "Hall hire £35.00 resolved to pay"]),
    # A Scottish community council's grants, worded "agreed to".
    ("Gala Day committee\t£300.00\tAgreed to donate\nHall insurance renewal\t£412.50\tAgreed to renew\n",
     ["Gala Day committee £300.00 Agreed to donate", "Hall insurance renewal £412.50 Agreed to renew"]),
])
def test_a_schedule_laid_out_in_columns_is_a_decision_a_row(rows, texts):
    docs, (m,) = _meetings(
        "Fernleigh Parish Council – 9th March 2031\n\n"
        "Present Councillors P Wren (Chair), T Hale and G Moss. Clerk Mrs D Lark\n\n"
        "31.03.01 Apologies Councillor Marsh\n\n" + LONG + "31.03.02 Finance\n\n"
        "The following were considered:\n\n" + rows + "\n31.03.03 Correspondence\n\n" + LONG
    )
    assert [i.number for i in m.minutes_items] == ["31.03.01", "31.03.02", "31.03.03"]
    assert [(r.minute, r.text, r.outcome) for r in m.resolutions] == [("31.03.02", t, "carried") for t in texts]


def test_a_roll_call_vote_laid_out_in_columns_stays_a_table():
    """Names and votes in columns are not lines of text: the motion keeps its counts."""
    docs, (m,) = _meetings(
        "MINUTES\n\nA regular meeting of the Ashgrove Township Council was held on Tuesday, June 3, 2031 at 7:00 p.m.\n\n"
        "4. STREET LIGHTING CONTRACT\n\nCouncilor Ortiz moved to award the contract to Brightway. Councilor Reyes seconded the motion.\n\n"
        "ROLL CALL:\n\nOrtiz\tYea\tReyes\tYea\nShah\tYea\tLowe\tNay\n\nYeas: 3 Nays: 1\n\nMotion carried.\n\n"
    )
    (r,) = m.resolutions
    assert (r.outcome, r.votes.for_, r.votes.against) == ("carried", 3, 1)


@pytest.mark.parametrize("subs", [
    # A Canadian board: sub-minutes for each set of minutes approved.
    [("4.1", "Board Minutes – March 6, 2031"), ("4.2", "In Camera Minutes – March 6, 2031")],
    # A US commission: new business items under one heading.
    [("4.1", "Sidewalk Repair Ordinance"), ("4.2", "Library Roof Contract")],
])
def test_an_n_point_zero_minutes_lists_its_titled_sub_minutes_and_their_decisions(subs):
    body = "".join(f"{n} {t}\n\n{LONG}Be It Resolved, that the recommendation set out in the report under item {n} be approved as presented.\n\nCarried.\n\n"
                   for n, t in subs)
    docs, (m,) = _meetings(
        "MINUTES\n\nA regular meeting of the Ashgrove Health Board was held on Wednesday, April 17, 2031 at 5:00 p.m.\n\n"
        "1.0 CALL TO ORDER\n\n" + LONG + "2.0 DECLARATIONS OF CONFLICT OF INTEREST\n\n" + LONG + "3.0 DELEGATIONS\n\n" + LONG
        + "4.0 BUSINESS\n\n" + body + "5.0 ADJOURNMENT\n\n" + LONG
    )
    assert [(i.number, i.title) for i in m.minutes_items] == [
        ("1.0", "CALL TO ORDER"), ("2.0", "DECLARATIONS OF CONFLICT OF INTEREST"), ("3.0", "DELEGATIONS"), ("4.0", "BUSINESS"),
        *subs, ("5.0", "ADJOURNMENT")]
    assert [(r.minute, r.outcome) for r in m.resolutions] == [(n, "carried") for n, _ in subs]


def test_decimal_paragraphs_under_plain_numbers_are_not_minutes():
    """Under "5. Councillors' Updates" the 5.1, 5.2 are paragraphs of minute 5, not minutes."""
    docs, (m,) = _meetings(
        "Fernleigh Community Council – 9th March 2031\n\nPresent Councillors P Wren (Chair), T Hale and G Moss.\n\n"
        "4. Police Report\n\n" + LONG + "5. Councillors' Updates\n\n5.1 Library – no update.\n\n5.2 Potholes – to follow up.\n\n"
        "6. Any Other Business\n\n" + LONG
    )
    assert [i.number for i in m.minutes_items] == ["4", "5", "6"]


@pytest.mark.parametrize("motion", [
    "Moved by: Ann Lowe Seconded by: Ben Ortiz THAT the Committee donate the hall for the falls prevention class. Carried.",
    "Proposed by Councillor Ryan, seconded by Councillor Egan, That the Committee donate the hall for the falls prevention class. Carried.",
])
def test_a_motion_run_into_its_mover_line_titles_the_minute_and_is_its_decision(motion):
    docs, (m,) = _meetings(
        "MINUTES\n\nA meeting of the Ashgrove Recreation Committee was held on Monday, September 16, 2031 starting at 6:30 p.m.\n\n"
        f"MOTION NUMBER 2031-25\n\n{motion}\n\nMOTION NUMBER 2031-26\n\n{motion.replace('donate the hall for', 'fund')}\n\n"
    )
    title = re.search(r"(?:THAT|That) .*?(?=\. Carried)", motion).group(0)
    assert [(i.number, i.title) for i in m.minutes_items] == [
        ("2031-25", title), ("2031-26", title.replace("donate the hall for", "fund"))]
    assert [(r.minute, r.outcome) for r in m.resolutions] == [("2031-25", "carried"), ("2031-26", "carried")]
    assert m.resolutions[0].seconder in ("Ben Ortiz", "Councillor Egan")


@pytest.mark.parametrize("opening, time", [
    ("Mayor Lowe called the meeting to order at 6:30 p.m. and welcomed the gallery.", "18:30"),
    ("The Convener opened the meeting with a welcome. The meeting commenced at 7.30pm in the Village Hall.", "19:30"),
])
def test_the_call_to_order_gives_the_time_a_heading_leaves_out(opening, time):
    docs, (m,) = _meetings(
        "MINUTES\n\nA regular meeting of the Ashgrove Township Council was held on Tuesday, June 3, 2031.\n\n"
        f"1. CALL TO ORDER\n\n{opening}\n\n2. ADOPTION OF AGENDA\n\n" + LONG + "3. ADJOURNMENT\n\n" + LONG
    )
    assert m.time == time


@pytest.mark.parametrize("headings, inner", [
    (["Apologies", "Police Report", "Minutes of Previous Meeting", "Planning", "Correspondence", "Any Other Business"],
     ["Ref 31/0042 Extension at Mill House", "Ref 31/0057 Garage at Glebe Farm", "Ref 31/0061 Barn conversion",
      "Ref 31/0070 Dormer at 4 Church Row", "Ref 31/0075 Porch at The Laurels"]),
    (["CALL TO ORDER", "ROLL CALL", "APPROVAL OF MINUTES", "CLAIMS", "OLD BUSINESS", "ADJOURNMENT"],
     ["Claim 1042 Lakeside Paving", "Claim 1043 Office Supply Co", "Claim 1044 Valley Electric", "Claim 1045 County Fuel",
      "Claim 1046 Ace Hardware"]),
])
def test_bold_headings_win_over_a_plain_numbered_list_inside_one_of_them(headings, inner):
    """Headings 1-6 in bold with a plain list numbered 1-5 under heading 4: the list does not take over the run."""
    paper = [Block("text", f"{n}. {t}", page=1, bold=True) for n, t in enumerate(headings[:4], start=1)]
    paper += [Block("text", f"{n}. {t}", page=1) for n, t in enumerate(inner, start=1)]
    paper += [Block("text", f"{n}. {t}", page=1, bold=True) for n, t in enumerate(headings[4:], start=5)]
    assert [(h.number, h.title) for h in minute_headings(paper)] == [(str(n), t) for n, t in enumerate(headings, start=1)]


@pytest.mark.parametrize("opening", [
    "At the outset, a vote of sympathy was extended to the family of a former member and it was unanimously agreed to "
    "adjourn the meeting for fifteen minutes as a mark of respect.",
    "Before the business of the meeting, the Chair asked the members how the election should be handled and it was agreed "
    "that the Town Clerk would take the Chair until a Mayor was elected.",
])
def test_a_decision_before_the_first_numbered_minute_is_read(opening):
    docs, (m,) = _meetings(
        "Fernleigh Town Council – 9th March 2031\n\nPresent: Councillors P Wren, T Hale and G Moss.\n\n"
        f"{opening}\n\n1. Apologies\n\n" + LONG + "2. Village Green\n\n" + LONG
        + "The Councillors resolved to pay the grass cutting invoice of £240.\n\n"
    )
    assert [(r.minute, r.outcome) for r in m.resolutions] == [(None, "carried"), ("2", "carried")]
    assert m.resolutions[0].text.startswith(opening.split(" it was")[0][:20])
    assert [i.number for i in m.minutes_items] == ["1", "2"]


@pytest.mark.parametrize("paper, numbers", [
    # A US council takes its executive-session items together, then the items on return, in printed order.
    (["1. CALL TO ORDER", "2. Approval of the agenda", "3. Consider motion to enter Executive Session on the Lane claim",
      "5. Consider motion to enter Executive Session on the Ortiz claim", "Councilor Kim moved to enter Executive Session on items 3 and 5.",
      "4. Exit the Executive Session and act on the Lane claim", "The request was approved.",
      "6. Exit the Executive Session and act on the Ortiz claim", "The request was approved.", "7. Adjournment"],
     ["1", "2", "3", "5", "4", "6", "7"]),
    # An English parish council brings an item forward for a visiting officer.
    (["101 Apologies", "None were received.", "102 Declarations of Interest", "None.", "105 Highways Update",
      "The County Highways Officer reported on the resurfacing of Mill Lane.", "103 Minutes of the Previous Meeting",
      "The minutes were approved and signed.", "104 Matters Arising", "None.", "106 Date of Next Meeting", "4 March."],
     ["101", "102", "105", "103", "104", "106"]),
])
def test_minutes_taken_out_of_order_are_all_read(paper, numbers):
    """A minute the council took early or late keeps its place in print; its number, skipped by the rising run,
    is still a minute of the same scheme."""
    assert [h.number for h in minute_headings(blocks(*paper, bold=False))] == numbers


def test_a_paragraph_number_inside_a_minute_is_not_taken_for_a_skipped_minute():
    paper = blocks("1. Apologies", "None.", "2. Minutes", "Approved.", "4. Planning", "The council considered:",
                   "3. The extension at Mill House, which it supported.", "5. Finance", "Payments approved.",
                   "6. Date of next meeting", "4 March.")
    heads = minute_headings(paper)
    assert [h.number for h in heads] == ["1", "2", "4", "5", "6"]


@pytest.mark.parametrize("head, motion, title", [
    # An Ontario township: number and movers' initials on one line, no colon, the motion below.
    ("R2031-192 S. Kirk, J. Scott", "THAT the 2032 Council Meeting Schedule be adopted. Carried.", "THAT the 2032 Council Meeting Schedule be adopted"),
    # A US board: the number spelled out, the movers after it.
    ("Resolution No. 2031-44 A. Lowe, B. Ortiz", "THAT the Board accept the audit report as presented. Carried.", "THAT the Board accept the audit report as presented"),
])
def test_movers_initials_alone_after_the_number_are_not_the_title(head, motion, title):
    second = head.replace("192", "193").replace("2031-44", "2031-45")
    docs, (m,) = _meetings(
        "MINUTES\n\nA regular meeting of the Ashgrove Council was held on Tuesday, June 3, 2031 at 6:00 p.m.\n\n"
        f"{head}\n\n{motion}\n\n{second}\n\nTHAT the meeting be adjourned at 7:40 p.m. Carried.\n\n"
    )
    assert [i.title for i in m.minutes_items] == [title, "THAT the meeting be adjourned at 7:40 p.m"]
    assert [r.outcome for r in m.resolutions] == ["carried", "carried"]


def test_a_title_naming_two_bodies_is_still_a_title():
    docs, (m,) = _meetings(
        "MINUTES\n\nA regular meeting of the Ashgrove Council was held on Tuesday, June 3, 2031 at 6:00 p.m.\n\n"
        "1. Parks Committee and Highways Board\n\nThe reports were received.\n\n2. Finance\n\nPayments were approved.\n\n"
    )
    assert [i.title for i in m.minutes_items] == ["Parks Committee and Highways Board", "Finance"]


@pytest.mark.parametrize("paper, numbers, titles", [
    # An English parish numbering by year and month, a spaced dash after the number.
    (["24.07.11 Public Participation", "None.", "24.07.12 - Any Other Business", "The footpath sign is to be replaced."],
     ["24.07.11", "24.07.12"], ["Public Participation", "Any Other Business"]),
    # An Ontario township's resolution numbers with a semicolon typed for the colon after the movers.
    (["R2031-191 P. Lamb, K. Osei: That the report be received. Carried.",
      "R2031-192 K. Osei, P. Lamb; That we pass By-Law 2031-43 to confirm the proceedings. Carried."],
     ["R2031-191", "R2031-192"], ["That the report be received", "That we pass By-Law 2031-43 to confirm the proceedings"]),
])
def test_a_spaced_dash_after_the_number_and_a_semicolon_after_the_movers(paper, numbers, titles):
    heads = minute_headings(blocks(*paper))
    assert [(h.number, h.title) for h in heads] == list(zip(numbers, titles))


@pytest.mark.parametrize("intro, rows, text", [
    # An Ontario township adopts its meeting schedule, printed as a grid of dates.
    ("The 2032 Council Meeting Schedule will be as follows:", "January 6, 2032\tJanuary 20, 2032\nFebruary 3, 2032\tFebruary 17, 2032\n",
     "The 2032 Council Meeting Schedule will be as follows: January 6, 2032 January 20, 2032 February 3, 2032 February 17, 2032 Carried."),
    # An English parish resolves to make grants, listed in two columns.
    ("It was resolved that the following grants be made:", "Village Hall\t£250\nGala Committee\t£100\n",
     "It was resolved that the following grants be made: Village Hall £250 Gala Committee £100 Carried."),
])
def test_a_table_a_decision_introduces_is_part_of_its_text(intro, rows, text):
    docs, (m,) = _meetings(
        "MINUTES\n\nA regular meeting of the Ashgrove Council was held on Tuesday, June 3, 2031 at 6:00 p.m.\n\n"
        f"R2031-220 D. Yemm, S. Foote:\n\n{intro}\n\n{rows}\nCarried.\n\n"
        "R2031-221 S. Foote, D. Yemm:\n\nTHAT the meeting be adjourned at 7:40 p.m. Carried.\n\n"
    )
    assert m.resolutions[0].text == text
    assert [b.kind for b in docs[0].blocks].count("table") == 1  # the table itself is still there


def test_a_roll_call_under_its_label_stays_a_table():
    docs, (m,) = _meetings(
        "MINUTES\n\nA regular meeting of the Ashgrove Council was held on Tuesday, June 3, 2031 at 6:00 p.m.\n\n"
        "R2031-220 D. Yemm, S. Foote:\n\nTHAT the report be received.\n\nROLL CALL:\n\nCue\tYea\tDodson\tAbsent\nLakin\tYea\tPatrick\tYea\n\n"
        "Carried.\n\n"
    )
    assert "Dodson" not in m.resolutions[0].text


LEGISTAR = (
    "City of Eastport\n\nCity Council Regular Meeting Minutes\n\nTuesday, March 3, 2031 6:00 PM\n\n"
    "I. CALL TO ORDER\n\nMayor Ortiz called the meeting to order at 6:02 PM.\n\n"
    "Attendee Name\tOrganization\tTitle\tStatus\tArrived\nDana Ortiz\tCity of Eastport\tMayor\tPresent\t\n"
    "Lee Kim\tCity of Eastport\tCouncilmember\tPresent\t\nSam Hale\tCity of Eastport\tCouncilmember\tAbsent\t\n"
    "Ruth Moss\tCity of Eastport\tCouncilmember\tLate\t6:15 PM\n\n"
    "II. CONSENT AGENDA\n\n1. Approve minutes of February 17, 2031\n\nRESULT: APPROVED [UNANIMOUS]\n\n"
    "MOVER: Lee Kim, Councilmember\n\nSECONDER: Ruth Moss, Councilmember\n\nAYES: Ortiz, Kim, Moss\n\nABSENT: Hale\n\n"
    "2. Resolution 31-12 Street lighting contract\n\nRESULT: ADOPTED [2 TO 1]\n\nMOVER: Lee Kim, Councilmember\n\n"
    "SECONDER: Dana Ortiz, Mayor\n\nAYES: Ortiz, Kim\n\nNAYS: Moss\n\nABSENT: Hale\n\n"
    "III. ADJOURNMENT\n\nThe meeting adjourned at 7:10 PM.\n"
)
# A county commission's minutes in another generator's layout: "Action Taken", "Moved by"/"Seconded by" lines.
COMMISSION = (
    "Harbor County Board of Commissioners Minutes\n\nMonday, June 9, 2031\n\n"
    "ROLL CALL:\n\nCommissioner Diaz Present\n\nCommissioner Webb Present\n\nCommissioner Lee Absent\n\n"
    "1. Bid award for the courthouse roof\n\nACTION TAKEN: APPROVED\n\nMOVED BY: Commissioner Diaz\n\nSECONDED BY: Commissioner Webb\n\n"
    "AYES: Diaz, Webb\n\n2. Zoning variance for 12 Pine Road\n\nACTION: DENIED\n\nMOVED BY: Commissioner Webb\n\n"
    "SECONDED BY: Commissioner Diaz\n\nNAYS: Diaz, Webb\n\nThe Chair adjourned the meeting at 10:45 a.m.\n"
)


@pytest.mark.parametrize("text, meeting, items, decided", [
    (LEGISTAR, ("City Council", "2031-03-03", "19:10", ["Dana Ortiz", "Lee Kim", "Ruth Moss"], ["Sam Hale"]),
     ["Approve minutes of February 17, 2031", "Resolution 31-12 Street lighting contract"],
     [("carried", "Lee Kim", "Ruth Moss", 3, None), ("carried", "Lee Kim", "Dana Ortiz", 2, 1)]),
    (COMMISSION, ("Harbor County Board of Commissioners", "2031-06-09", "10:45", ["Commissioner Diaz", "Commissioner Webb"],
                  ["Commissioner Lee"]),
     ["Bid award for the courthouse roof", "Zoning variance for 12 Pine Road"],
     [("carried", "Commissioner Diaz", "Commissioner Webb", 2, None), ("lost", "Commissioner Webb", "Commissioner Diaz", None, 2)]),
])
def test_minutes_that_print_a_result_under_each_item(text, meeting, items, decided):
    """Minutes titled '… Minutes' whose items carry a result, movers and votes on lines of their own: the
    item as titled is what was decided."""
    docs, (m,) = _meetings(text)
    assert docs[0].kind == "minutes"
    committee, date, end, present, apologies = meeting
    assert (m.committee, m.date, m.end_time) == (committee, date, end)
    assert (m.attendance.present, m.attendance.apologies) == (present, apologies)
    assert [i.title for i in m.minutes_items] == items
    assert [r.text for r in m.resolutions] == items
    assert [(r.outcome, r.mover, r.seconder, r.votes.for_, r.votes.against) for r in m.resolutions] == decided


@pytest.mark.parametrize("title", ["Approval of Previous Minutes", "4. Minutes", "Review of Draft Minutes", "Design Meeting Minutes"])
def test_an_item_about_minutes_is_not_a_minutes_title(title):
    from minutebook.extract.documents import _minutes_title

    assert _minutes_title(title) is None
