"""Agenda layouts: how councils head an agenda, label its front sheet, number
its items and print page ranges.

Registries (``extract/agenda.py`` loops over each; ``tests/test_agenda.py``
runs every example):

``HEADINGS``   a line that makes a document an agenda or summons. ``expect``:
               ``committee`` the body the line names (``None`` when it names none).
``LABELS``     a front-sheet label (the pattern is the label word alone; its
               value follows a colon on the line, or fills the next line).
               ``expect``: ``field`` (``when``, ``date``, ``time`` or ``place``).
``OTHER_DATES`` words before a date that make it some other date (an amendment,
               a publication, a clerk's filing stamp). ``expect``: ``date`` ``None``.
``PLACES``     a sentence or line naming where the meeting is. ``expect``: ``place``.
``CONTACTS``   a contact field printed beside the when/where facts (a two-column
               front sheet reads them interleaved). ``expect``: ``rest``, the line
               without it.
``ITEMS``      how a top-level item is numbered. ``expect``: ``number``, ``title``
               (an empty title is printed on the next line).
``TRAILERS``   what is printed after an item's title and is not title: page
               ranges, per-item times. ``expect``: ``title``, ``page_start``, ``page_end``.
"""

from __future__ import annotations

import re

from minutebook.extract.styles import Style
from minutebook.extract.styles.vocab import BODY_WORDS, WEEKDAY

_BODY = rf"(?:{BODY_WORDS})"
# The body's name: up to ten words ending in a body word ("Little Hinton Parish Council").
# A trailing "of the Town of X" takes capitalised words only.
_NAMED = (
    rf"(?P<committee>(?:[\w&'’().-]+\s+){{0,9}}?{_BODY}"
    r"(?-i:\s+of\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:of\s+)?[A-Z][\w'’-]*){0,2})?)"
)
_HELD = r"(?:to\s+be|will\s+be|which\s+will\s+be|shall\s+be|is\s+to\s+be)\s+held\b"
# "Agenda" ending a heading, or followed by the meeting's date on the same line.
_AGENDA_END = rf"agenda\b[\W_]*(?:$|(?=(?:{WEEKDAY})|\d))"
_CLOCK = r"(?i:\d{1,2}(?:[.:]\d{2})?\s*(?:[ap]\.?\s?m\.?|hrs\b|noon\b))"

HEADINGS: list[Style] = [
    Style(
        "agenda-word",
        rf"^[\W_]*(?:agenda\s+(?:and|&)\s+reports?\b[\W_]*$|{_AGENDA_END})",
        "*** AGENDA *** Monday, March 3, 2031",
        {"committee": None},
        re.I,
    ),
    Style("order-of-business", r"^order\s+of\s+business\s*:?$", "ORDER OF BUSINESS", {"committee": None}, re.I),
    Style("letter-spaced-agenda", r"^A G E N D A$", "A G E N D A", {"committee": None}),
    Style("notice-and-agenda", r"^(?:notice\s+(?:and|&)\s+agenda|agenda\s+(?:and|&)\s+notice)\b", "Notice and Agenda", {"committee": None}, re.I),
    Style(
        "notice-of-meeting",
        rf"^notice\s+of\s+(?:(?:the|an?)\s+)?(?:\w+\s+){{0,2}}?meeting\b(?:\s+of\s+(?:the\s+)?{_NAMED})?",
        "Notice of Extraordinary Meeting of the Harbour Board",
        {"committee": "Harbour Board"},
        re.I,
    ),
    Style(
        "summons-title",
        rf"^summons\s+to\s+(?:and\s+agenda\s+for\s+)?(?:(?:the|an?)\s+)?{_NAMED}(?:\s+meeting)?\b",
        "Summons to and Agenda for the Annual Borough Council Meeting on",
        {"committee": "Annual Borough Council"},
        re.I,
    ),
    Style(
        "agenda-for-meeting-of",
        rf"^agenda\s+(?:for|of)\s+(?:the\s+)?(?:\w+\s+){{0,2}}?meeting\s+of\s+(?:the\s+)?{_NAMED}",
        "Agenda for the meeting of Little Hinton Parish Council to be held on Monday 7 April 2031 at 7.30 pm in the Village Hall",
        {"committee": "Little Hinton Parish Council"},
        re.I,
    ),
    Style(
        "meeting-of-will-be-held",
        rf"\b(?:a|an|the)\s+(?:\w+\s+){{0,2}}?meeting\s+of\s+(?:the\s+)?{_NAMED}\s+{_HELD}",
        "An extraordinary meeting of the Harbour Board will be held at the Guildhall on Monday 3 March 2031 at 6pm.",
        {"committee": "Harbour Board"},
        re.I,
    ),
    Style(
        "hereby-summoned",
        rf"\byou\s+are\s+(?:hereby\s+)?(?:summoned|requested|invited)\s+to\s+attend\s+(?:(?:a|an|the)\s+(?:\w+\s+){{0,2}}?meeting\s+of\s+(?:the\s+)?{_NAMED})?",
        "You are hereby summoned to attend a meeting of the Town Council to be held on Friday 9 May 2031.",
        {"committee": "Town Council"},
        re.I,
    ),
    Style(
        "body-meeting-to-be-held",
        rf"^{_NAMED}\s+(?:(?:\w+\s+){{0,2}}?meeting\s+)?{_HELD}",
        "ASHBY FELL PARISH COUNCIL MEETING TO BE HELD ON MONDAY, 6 OCTOBER 2031 @ 7pm",
        {"committee": "ASHBY FELL PARISH COUNCIL"},
        re.I,
    ),
    Style(
        "body-agenda-title",
        rf"^{_NAMED}\s+(?:(?:public|regular|special|ordinary|annual|extraordinary)\s+)?(?:meeting\s+)?{_AGENDA_END}",
        "Wexcombe Community Council Public Meeting Agenda Tuesday 9th May 2031",
        {"committee": "Wexcombe Community Council"},
        re.I,
    ),
    Style(
        "supplement-letter",
        r"\b(?:enclose[sd]?|find\s+(?:attached|enclosed)|attach(?:ed)?)\b.{0,160}?\b(?:agenda|item\s+\d)",
        "Please find enclosed the report for Item 7, which was not ready when the agenda was sent out.",
        {"committee": None},
        re.I,
    ),
    Style(
        "item-list-header",
        r"^(?:agenda\s+)?item\s+(?:no\.?|number)(?:\s*\|.*|\s+(?:title|subject|pages?).*)?$",
        "Agenda Item No",
        {"committee": None},
        re.I,
    ),
    Style(
        "regular-meeting-of",
        rf"^(?:regular|special|ordinary|extraordinary|annual)\s+(?:\w+\s+)?meeting\s+of\s+(?:the\s+)?{_NAMED}\s*$",
        "Regular Meeting of the Lakeview Town Council",
        {"committee": "Lakeview Town Council"},
        re.I,
    ),
]

LABELS: list[Style] = [
    Style("when", r"time\s+and\s+date|date\s+and\s+time|when", "Date and time: 6.30 pm, Tuesday 4 March 2031", {"field": "when"}),
    Style("date", r"date(?:\s+of\s+meeting)?|meeting\s+date", "Date: Tuesday 8th April 2031", {"field": "date"}),
    Style("time", r"(?:start(?:ing)?\s+)?time", "Time: 2.15 pm", {"field": "time"}),
    Style("place", r"place|venue|location|where|meeting\s+place", "Venue: The Boathouse, Quay Street", {"field": "place"}),
]

OTHER_DATES: list[Style] = [
    Style(
        "amended-or-published",
        r"\b(?:amended|revised|updated|published|publication|issued|despatched|dispatched|circulated|posted|printed|dated|filed|received)\b"
        r"(?:\s+(?:on|date|:))?\s*:?\s*$",
        "Revised 2 March 2031",
        {"date": None},
        re.I,
    ),
    Style("next-meeting", r"\bnext\s+meeting\b.{0,30}$", "Date of next meeting: Monday 7 July 2031", {"date": None}, re.I),
]

# Where a venue ends and how else the meeting is shown begins: "… Community Centre, and livestreamed to …".
AND_ONLINE = r",?\s+and\s+(?:virtually|online|via|by|(?:live-?)?stream\w*|broadcast\w*|webcast\w*|televised|recorded)\b"

# Video-call services: a meeting held on one names it as where it was ("held a zoom meeting", "held via Microsoft Teams").
PLATFORMS = r"zoom|microsoft\s+teams|ms\s+teams|(?-i:Teams)|skype|webex|google\s+meet|gotomeeting"
# Where a venue is: "held in the Town Hall", "at 7.30 pm within the Church Hall" (Scottish minutes' word).
VENUE_PREPOSITION = r"(?:in|at|within)"

PLACES: list[Style] = [
    Style(
        "held-in",
        rf"\b(?:{_HELD}|meet)\s+(?:in\s+person\s+)?(?:in|at)\s+(?!{_CLOCK})(?P<place>(?:the\s+)?(?-i:[A-Z0-9]).+?)"
        rf"(?=\s+on\s|\s+at\s+\d|\s+commencing\b|\s+starting\b|{AND_ONLINE}|;|\.\s|\.$|,\s*(?:on|at|commencing)\b|$)",
        "Meetings will be held in person at 12 Mill Lane, Ashby Institute and virtually on Zoom.",
        {"place": "12 Mill Lane, Ashby Institute"},
        re.I,
    ),
    Style(
        "after-time",
        rf"\b{_CLOCK}\s*,?\s+(?:in|at)\s+(?P<place>(?:the\s+)?[A-Z].+?)\s*(?:\.|$)",
        "Monday 7 April 2031 at 7.30 pm in the Village Hall.",
        {"place": "the Village Hall"},
    ),
    Style(
        "trailing-after-time",
        rf"\b{_CLOCK}\s*,?\s+(?P<place>[A-Z0-9][^;]*?)\s*\.?$",
        "Wednesday, 12th March, 2031, at 2.00 pm Committee Room 2, Civic Centre, Eastport",
        {"place": "Committee Room 2, Civic Centre, Eastport"},
    ),
]

# A line of its own naming the venue: words a venue's name carries.
VENUE_WORDS = re.compile(
    r"\b(?:hall|room|chamber|centre|center|house|building|library|school|church|offices?|floor|street|st\.|road|lane|avenue|ave\.?"
    r"|highway|pavilion|institute|guildhall|civic|town\s+hall|community|suite|annex)\b",
    re.I,
)

CONTACTS: list[Style] = [
    Style(
        "ask-for",
        r"\b(?i:ask\s+for|contact(?:\s+officer)?|enquiries\s+to)\s*:\s*(?:(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+)?[A-Z][\w'’-]+\s+[A-Z][\w'’-]+",
        "Monday, 2nd June, 2031, at 10.00 am Ask for: Petra Lund Room 4, Civic Hall",
        {"rest": "Monday, 2nd June, 2031, at 10.00 am Room 4, Civic Hall"},
    ),
    Style(
        "telephone",
        r"\b(?:tel(?:ephone)?|phone|direct\s+(?:dial|line)(?:/ext)?)\.?\s*:?\s*(?:tel\.?\s*:?\s*)?\+?[\d ()]{6,}\d",
        "Room 4, Civic Hall Telephone: Tel: 01234 567890 Eastport",
        {"rest": "Room 4, Civic Hall Eastport"},
        re.I,
    ),
    Style(
        "email",
        r"\be-?mail\s*:?\s*\S+@\S+(?:\s\.\S+)?",
        "Room 4, Civic Hall Email: p.lund@eastport .gov.example",
        {"rest": "Room 4, Civic Hall"},
        re.I,
    ),
]
# A label that starts a letter's contact block: the ``Date:`` beside it dates the letter.
CONTACT_LABEL = re.compile(r"^(?:ask\s+for|direct\s+(?:dial|line)|tel(?:ephone)?|e-?mail|contact|our\s+ref|your\s+ref|my\s+ref)\b", re.I)

ITEMS: list[Style] = [
    Style(
        "number-point",
        r"^(?P<num>\d{1,3})\s?[.):]?\s+(?P<title>[^\s|].*)$",
        "4. Harbour Walls Survey (Pages 12 - 19)",
        {"number": "4", "title": "Harbour Walls Survey (Pages 12 - 19)"},
    ),
    Style(
        "bracketed-number",
        r"^\((?P<num>\d{1,3})\)\s+(?P<title>\S.*)$",
        "(2) Declarations of Interest",
        {"number": "2", "title": "Declarations of Interest"},
    ),
    Style(
        "point-zero",
        r"^(?P<num>\d{1,2}\.0)\.?\s+(?P<title>\S.*)$",
        "3.0 Delegations and Petitions",
        {"number": "3.0", "title": "Delegations and Petitions"},
    ),
    Style(
        "number-alone",
        r"^(?P<num>\d{1,3})[.)](?P<title>)$",
        "7.",
        {"number": "7", "title": ""},
    ),
    Style(
        "item-word",
        r"^(?:agenda\s+)?item\s+(?:no\.?\s*)?(?P<num>\d{1,3})\s*[.:)\-–]?\s*(?P<title>\S.*)$",
        "Item 6: Allotment Rents",
        {"number": "6", "title": "Allotment Rents"},
        re.I,
    ),
    Style(
        "time-then-number",
        rf"^(?P<time>{_CLOCK})\s+(?P<num>\d{{1,3}})\s?[.)]?\s+(?P<title>\S.*)$",
        "7:05 p.m. 3. Public Comment",
        {"number": "3", "title": "Public Comment"},
        re.I,
    ),
    Style(
        "table-row",
        r"^(?P<num>\d{1,3})\s?[.)]?\s*\|\s*(?P<title>[^|\s].*)$",
        "5 | Play Area Inspection | 21 - 24",
        {"number": "5", "title": "Play Area Inspection | 21 - 24"},
    ),
    Style(
        "roman",
        r"^(?P<num>(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3}))[.)]\s+(?P<title>\S.*)$",
        "IV. Approval of the Consent Agenda",
        {"number": "IV", "title": "Approval of the Consent Agenda"},
    ),
    Style(
        "letter",
        r"^(?P<num>[A-Z])[.)]\s+(?P<title>[A-Z0-9].*)$",
        "C. ROLL CALL",
        {"number": "C", "title": "ROLL CALL"},
    ),
]
# Outline agendas (US and Canadian): lettered or Roman sections, each with items numbered from 1 under it
# ("D. CONSENT AGENDA" / "1. Approval of minutes"); an item's number is then its section's and its own ("D.1").
OUTLINE_SECTIONS = ("letter", "roman")
OUTLINE_ITEMS = "number-point"

_NUM = r"(?P<a>\d{1,4})(?:\s*(?:-|–|—|to|\s)\s*(?P<b>\d{1,4}))?"
TRAILERS: list[Style] = [
    Style(
        "pages-bracketed",
        rf"\s*[(\[]\s*(?:pages?|pp?\.?)\s*{_NUM}\s*[)\]]",
        "Minutes (Pages 3 - 8)",
        {"title": "Minutes", "page_start": 3, "page_end": 8},
        re.I,
    ),
    Style(
        "pages-bracket-cut-off",
        rf"\s*[(\[]\s*(?:pages?|pp?\.?)\s*{_NUM}\s*$",
        "Harbour Strategy (Pages 41",
        {"title": "Harbour Strategy", "page_start": 41, "page_end": 41},
        re.I,
    ),
    Style(
        "pages-bare",
        rf"\s+(?:pages?|pp?\.)\s*{_NUM}\s*$",
        "Budget Monitoring pages 21 - 30",
        {"title": "Budget Monitoring", "page_start": 21, "page_end": 30},
        re.I,
    ),
    Style(
        "dot-leader",
        rf"\s*(?:\.\s?){{3,}}\s*{_NUM}\s*$",
        "Planning Applications .......... 14 - 17",
        {"title": "Planning Applications", "page_start": 14, "page_end": 17},
    ),
    Style(
        "table-cell-pages",
        rf"\s*\|\s*{_NUM}\s*$",
        "Play Area Inspection | 21 - 24",
        {"title": "Play Area Inspection", "page_start": 21, "page_end": 24},
    ),
    Style(
        "empty-cell",
        r"\s*\|\s*$",
        "Any Other Business |",
        {"title": "Any Other Business", "page_start": None, "page_end": None},
    ),
    Style(
        "item-time",
        rf"\s*[(\[]?\b{_CLOCK}[)\]]?\s*$",
        "Call to Order 7:00 P.M.",
        {"title": "Call to Order", "page_start": None, "page_end": None},
        re.I,
    ),
]
