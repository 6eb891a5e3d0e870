"""Meetings a file speaks for: the one an agenda summons, the ones minutes record.

Works on a document's paragraph blocks only, so PDF and text give the same
meetings. Agenda front sheets give committee, date, time, place and the
numbered items; minutes give the heading facts, attendance, numbered minutes
and every decision block in the house styles councils print them in.
"""

from __future__ import annotations

import re
from dataclasses import replace

from minutebook.extract.agenda import FRONT_LABEL, agenda_meeting, front_labels, referred_meetings
from minutebook.extract.attendance import ATTENDANCE_LABEL, SECTION_BREAK, meeting_attendance, minuted_apologies
from minutebook.extract.dates import find_dates, parse_date, parse_time
from minutebook.extract.decisions import decision_at
from minutebook.extract.minutes import LEAD, Heading, minute_headings
from minutebook.extract.patterns import SENTENCE_END, join_wrapped
from minutebook.extract.styles.agenda import AND_ONLINE, PLATFORMS, VENUE_PREPOSITION
from minutebook.extract.styles.numbering import sequence_key
from minutebook.extract.styles.vocab import COMMITTEE_WORDS, MINUTES_STATUS, WEEKDAY
from minutebook.extract.styles.vocab import collapse as _collapse
from minutebook.model import Block, Document, Meeting, MinutesItem, Source


MINUTES_HEAD = re.compile(r"\bminutes\s+of\b", re.I)
HEAD_COMMITTEE = re.compile(
    r"\bminutes\s+of\s+(?:the\s+|a\s+|an\s+)?(?P<pre>.{0,80}?)\b(?:meeting|proceedings)\b"
    r"(?:\s+of\s+(?:the\s+)?(?P<post>.+?))?"
    rf"(?=\s*,?\s+(?:was\s+)?(?:held|scheduled|convened)\b|\s+on\s+(?:the\s+)?(?:\d|{WEEKDAY})|\s+at\s+\d|\s*[,–—-]\s*(?:held|\d|{WEEKDAY})|\s*$)",
    re.I,
)
OCCASION = re.compile(r"^(?:(?:annual|special|extraordinary|ordinary|adjourned|reconvened|budget|virtual|remote|informal)\s*)*$", re.I)
HELD_PLACE = re.compile(
    rf"\bheld\s+(?:in\s+person\s+|virtually\s+|remotely\s+)?{VENUE_PREPOSITION}\s+(?P<place>.+?)(?=\s+on\s+|\s+at\s+\d|\s*,\s*(?:on\s+)?(?:\d|{WEEKDAY})|{AND_ONLINE}|\s*$)", re.I
)
# "… at 4:00 P.M. in Room 411, One Technology Center, Tulsa, OK, to transact all business …": a purpose clause ends it,
# as does the date after the place ("at 7.30 p.m. within the Church Hall on Thursday 18 November").
PLACE_AFTER_TIME = re.compile(
    rf"(?:(?<=\d)|\b)(?:[ap]\.?m\b\.?|noon)\s*,?\s+{VENUE_PREPOSITION}\s+(?P<place>.+?)"
    rf"(?=\s*,\s*(?:in\s+order\s+)?to\s+[a-z]+\b|\s*,?\s+on\s+(?:the\s+)?(?:\d|{WEEKDAY})|\s*\.?$)", re.I
)
# A meeting held online: the service is where it was ("held a zoom meeting", "held virtually via Microsoft Teams").
ONLINE_PLACE = re.compile(
    rf"\bheld\s+(?:(?:remotely|virtually|online)\s+)?(?:(?:via|by|on|using|over)\s+(?P<place>{PLATFORMS})\b"
    rf"|(?:a|an|the)\s+(?P<service>{PLATFORMS})\s+(?:video\s+)?(?:meeting|call|conference))", re.I
)

MINUTES_PREFIX = re.compile(
    rf"^(?:{MINUTES_STATUS}\s+)?minutes\s+(?:of|for)\s+(?:the\s+|a\s+|an\s+)?"
    r"(?:(?:\w+\s+)?(?:meeting|proceedings)\s+(?:of|at)\s+(?:the\s+|a\s+)?)?",
    re.I,
)
MEETING_WORD = re.compile(r"\bmeeting\b", re.I)
MEETING_OF = re.compile(
    r"\bmeeting\s+of\s+(?:the\s+)?(?P<body>.+?)(?=\s+(?:was\s+)?(?:held|convened|scheduled)\b|\s+on\s+|\s*,|\s+at\s+|\s*$)",
    re.I,
)
BODY_BEFORE_MEETING = re.compile(
    r"^(?P<body>.+?)\s+(?:(?:public|regular|ordinary|special|annual(?:\s+general)?|extraordinary|monthly|inaugural|agm)\s+)*meeting\b",
    re.I,
)
# A date printed after a body's name ("– Tuesday 14th July 2020", ", October 19, 2022").
_DATE_AFTER = (
    r"\s*[-–—,:]?\s*(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+)?"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?\d{4}"
)
DATE_TAIL = re.compile(_DATE_AFTER + r".*$", re.I)
WEEKDAY_TAIL = re.compile(r"(?<=\w)\s*[-–—,:]?\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day\b.*$", re.I)
BODY_BEFORE_DATE = re.compile(r"^(?P<body>[^,]{3,80}?)" + _DATE_AFTER, re.I)
DECISION_START = re.compile(r"^(?:it\s+was\s+(?:\w+\s+)?|the\s+[\w\s]{0,30}?\s)?(?:resolved|agreed|proposed|moved|considered\s+and\s+adopted)\b", re.I)
PRIVATE_BREAK = re.compile(r"^(?:private|confidential|exempt)\s+(?:business|items?|information)\b|^part\s+(?:b|2|ii)\b", re.I)

# Where a heading prints no time: "Mayor Piper called the meeting to order at 6:30 p.m.", "the meeting opened at 7.30pm".
OPENED = re.compile(
    r"\b(?:called\s+(?:the\s+)?(?:meeting|session)\s+to\s+order|(?:meeting|session)\s+(?:was\s+)?(?:called\s+to\s+order|opened|commenced|began|started|convened))"
    r"\s+(?:at\s+)?(?P<t>[^.;]{0,12}?\d{1,2}(?:[.:]\d\d)?\s*(?:[ap]\.?\s?m\.?|hrs?\b|h\b)|\d{1,2}:\d\d)",
    re.I,
)
OPENING_BLOCKS = 12  # blocks after the first minute heading where a call to order is looked for
CLOSED = re.compile(r"\b(?:meeting|proceedings)\s+(?:closed|ended|finished|terminated|concluded|rose)\s+at\s+(?P<t>.+)$", re.I)
# An adjournment's time, in a line that may also be the decision to adjourn ("THAT the meeting be adjourned at 7:40 p.m.
# Carried.", "Chair Wright adjourned the meeting at 4:49 P.M."): the end time is read and the line left to the decisions.
ADJOURNED = re.compile(
    r"\b(?:(?:meeting|proceedings|session)\s+(?:was\s+|be\s+|stands?\s+|then\s+)?adjourned|adjourned\s+the\s+(?:meeting|session))"
    r"\s+at\s+(?P<t>\d{1,2}(?:[.:]\d\d)?\s*(?:[ap]\.?\s?m\b\.?|hrs?\b)?)",
    re.I,
)
DECLARATIONS = re.compile(r"\bdeclarations?\s+of\s+(?:\w+\s+)?interests?\b|\bdisclosures?\s+of\s+interests?\b", re.I)
APOLOGIES_MINUTE = re.compile(r"^apologies\b", re.I)
DECLARED = re.compile(r"\b(?:interests?|declar\w*|disclos\w*)\b", re.I)
NIL = re.compile(r"^(?:there\s+(?:were|was)\s+no\b|no\s+(?:\w+\s+){0,3}(?:declarations|interests|disclosures)\b|none\b|nil\b)", re.I)

EXCLUSION = re.compile(r"\bexclu\w*\s+(?:of\s+)?the\s+press\s+and\s+(?:the\s+)?public\b|\bexempt\s+information\b|\bschedule\s+12a\b", re.I)


def find_meetings(documents: list[Document], source: Source) -> list[Meeting]:
    """One meeting per agenda front sheet and per set of minutes, in document order."""
    meetings = []
    for doc in documents:
        if doc.kind == "agenda":
            meetings.append(agenda_meeting(doc))
        elif doc.kind == "minutes":
            meetings.append(minutes_meeting(doc))
    return meetings


def _texts(doc: Document) -> list[Block]:
    return [b for b in doc.blocks if b.kind == "text" and b.text.strip()]


INTRO_WORDS = 4  # a sentence introducing a table ("… will be as follows:"), not a label over one ("ROLL CALL:")


def _minutes_texts(doc: Document) -> list[Block]:
    """The text of minutes, with an unruled table that reads as text (``_reads_as_text``) as a line a row,
    and one that a sentence ending in a colon introduces ("… will be as follows:") as one paragraph, the
    words of that sentence (a decision's schedule of dates or payments)."""
    out: list[Block] = []
    prev = None
    for b in doc.blocks:
        if b.kind == "text" and b.text.strip():
            out.append(b)
        elif b.kind == "table" and b.table is not None and not b.table.ruled:
            rows = [" ".join(c.strip() for c in row if c and c.strip()) for row in b.table.rows]
            page = b.table.page or b.page
            if _reads_as_text(b.table.rows, rows):
                out += [Block(kind="text", text=r, page=page) for r in _lines_to_paragraphs(b.table.rows, rows)]
            elif prev is not None and prev.kind == "text" and prev.text.rstrip().endswith(":") and len(prev.text.split()) >= INTRO_WORDS:
                out.append(Block(kind="text", text=" ".join(r for r in rows if r), page=page))
        if b.kind != "marker":
            prev = b
    return out


def _first_cell_only(row: list[str]) -> bool:
    """A row with words in its first cell alone: a line of prose the table took in."""
    return not any(c and c.strip() for c in row[1:])


def _lines_to_paragraphs(cells: list[list[str]], rows: list[str]) -> list[str]:
    """Rows as lines, a sentence wrapped over rows of one filled cell joined again."""
    out: list[str] = []
    run_on = False
    for row, text in zip(cells, rows):
        if not text:
            continue
        single = _first_cell_only(row)
        if run_on and single:
            out[-1] = join_wrapped([out[-1], text])
        else:
            out.append(text)
        run_on = single and not SENTENCE_END.search(text)
    return out


# A row that records a decision: "Village Hall Fees   £40.00   resolved to pay", "Standing Orders – Approved".
DECIDED_ROW = re.compile(r"\b(?:resolved|agreed|approved|adopted|accepted|carried)\b", re.I)


def _reads_as_text(cells: list[list[str]], rows: list[str]) -> bool:
    """Whether an unruled table in minutes is text laid out in columns: a schedule of payments or
    policies with a decision a row, or prose (and the next minute's heading) a table found in
    whitespace took in. A roll call or a vote by name (``Cue  Yea  Dodson  Absent``) stays a table."""
    decided = sum(bool(DECIDED_ROW.search(r)) for r in rows)
    prose = sum(len(row[0].split()) >= 8 and _first_cell_only(row) for row in cells if row)
    return decided >= 2 or prose >= 2


# Minutes


def minutes_meeting(doc: Document) -> Meeting:
    """The meeting a set of minutes records."""
    texts = _minutes_texts(doc)
    headings = minute_headings(texts)
    first = _first_minute(headings, len(texts))
    start, heading = _heading(texts[:first])
    committee = _committee(heading, texts[:start]) or _title_committee(doc.title)
    label_date, label_time, label_place = front_labels(texts[: min(first, start + 12)])
    date = parse_date(heading) or label_date or doc.date
    meeting = Meeting(
        committee=committee,
        date=date,
        time=(parse_time(heading) if heading else None) or label_time,
        place=_held_place(heading) or label_place,
        source_role="minutes",
        document=doc.id,
    )
    if meeting.time is None:  # a call to order may wrap over blocks: read them run together
        opened = OPENED.search(" ".join(b.text for b in texts[start: first + OPENING_BLOCKS]))
        meeting.time = parse_time(opened.group("t")) if opened else None
    meeting.attendance = meeting_attendance(doc.blocks, texts, start, headings)
    # Decisions may come before the first numbered minute ("At the outset … it was agreed to adjourn"): read
    # from where the attendance lists end.
    _minutes(texts, min(first, _end_of_attendance(texts, start)), headings, meeting)
    meeting.refers_to_meetings = referred_meetings(texts[first:], date)
    return meeting


def _first_minute(headings: list[Heading], n: int) -> int:
    """Index of the first minute's first block: attendance is everything before it."""
    if not headings:
        return n
    h = headings[0]
    return h.index - 1 if h.uses_prev else h.index


def _end_of_attendance(texts: list[Block], start: int) -> int:
    """Where unnumbered minutes start: the first paragraph of prose after the
    attendance list (a long sentence that no attendance label introduces)."""
    for i in range(start, len(texts)):
        text = texts[i].text.strip()
        label_before = ATTENDANCE_LABEL.match(texts[i - 1].text.strip()) if i > start else None
        if ATTENDANCE_LABEL.match(text) or (label_before and not label_before.group("rest").strip()):
            continue  # a label, or the names under a label printed alone on its line
        if len(text.split()) >= 12 and text.endswith((".", ":")) and not text.endswith(").") or decision_at(texts, i, None)[0]:
            return i
    return len(texts)


# The first numbered section of the body ("I. CALL TO ORDER", "1. Apologies"): the heading is above it.
SECTION_HEAD = re.compile(r"^(?:[IVX]{1,5}|\d{1,3})[.)]\s+[A-Z]")


def _heading(texts: list[Block]) -> tuple[int, str]:
    """The heading that names the meeting, joined when wrapped over lines, and where the body starts.

    It is the ``Minutes of …`` line, or else the lines above the attendance
    list that name a body or a date (``Milburn Parish Council – 14th July
    2020``, ``A regular meeting of the X Council was held on …``).
    """
    for i, b in enumerate(texts[:8]):
        if not MINUTES_HEAD.search(b.text):
            continue
        parts = [b.text]
        j = i + 1
        while j < len(texts) and j - i < 14 and not _complete(" ".join(parts)):
            nxt = texts[j].text.strip()
            if ATTENDANCE_LABEL.match(nxt) or len(nxt.split()) > 80:
                break
            parts.append(nxt)
            j += 1
        return j, _collapse(" ".join(parts))
    parts = []
    end = 0
    for j, b in enumerate(texts[:10]):
        text = b.text.strip()
        if ATTENDANCE_LABEL.match(text) or SECTION_HEAD.match(text):
            break
        if FRONT_LABEL.match(text):
            continue  # Date:/Time:/Venue: lines are read by front_labels
        if COMMITTEE_WORDS.search(text) or find_dates(text) or MEETING_WORD.search(text):
            parts.append(text)
            end = j + 1
    return end, _collapse(" ".join(parts))


def _complete(heading: str) -> bool:
    """A wrapped heading is complete once it has its date and, if it gives one, its time."""
    if not find_dates(heading):
        return False
    return not re.search(r"\bat\s*$|\b(?:at|@)\s+\d{1,2}(?:[.:]\d{2})?\s*$", heading, re.I)


def _committee(heading: str, before: list[Block]) -> str | None:
    """The body a heading names: ``… meeting of X held …``, ``X public meeting``, ``X – 5 July``."""
    for rx in (HEAD_COMMITTEE, MEETING_OF, BODY_BEFORE_MEETING, BODY_BEFORE_DATE):
        m = rx.search(heading)
        if not m:
            continue
        for group in ("post", "pre", "body"):
            value = (m.groupdict().get(group) or "").strip(" ,.-–—:")
            if value and not OCCASION.match(value) and COMMITTEE_WORDS.search(value) or (value and group == "post"):
                return _bare_committee(value)
    for b in reversed(before):
        if COMMITTEE_WORDS.search(b.text) and len(b.text.split()) <= 12:
            return _bare_committee(DATE_TAIL.sub("", b.text))
    return None


def _title_committee(title: str | None) -> str | None:
    if not title:
        return None
    rest = _bare_committee(title)
    return rest if rest and COMMITTEE_WORDS.search(rest) else None


def _bare_committee(text: str) -> str | None:
    """A body's name without a ``Minutes of the meeting of`` before it or ``held …`` after it."""
    text = MINUTES_PREFIX.sub("", _collapse(text))
    text = re.sub(r"\s+minutes\s+of\s+(?:the\s+)?", " ", text, flags=re.I)  # "X Corporation Minutes of the Board"
    text = re.split(r"\s+(?:was\s+)?(?:held|scheduled|convened)\b", text, maxsplit=1, flags=re.I)[0]
    text = WEEKDAY_TAIL.sub("", DATE_TAIL.sub("", text))  # "City Council Tuesday, January 7", "Parish Council - 14th July 2020 Due to …": the date line run on
    text = re.sub(r"\s+minutes$", "", text.strip(" ,.-–—:"), flags=re.I)  # "Board of Commissioners Minutes"
    return text.strip(" ,.-–—:") or None


def _held_place(heading: str) -> str | None:
    """Where a minutes heading says the meeting was: "held in/at/within X", "at 7 pm in X", else an online service."""
    for rx in (HELD_PLACE, PLACE_AFTER_TIME):
        m = rx.search(heading or "")
        place = re.sub(r"^the\s+", "", m.group("place").strip(" ,."), flags=re.I) if m else None
        if place and not place[0].isdigit() and not parse_time(place):  # "held at 7.30 p.m. …" is a time
            return place
    online = ONLINE_PLACE.search(heading or "")
    return (online.group("place") or online.group("service")) if online else None


def _minutes(texts: list[Block], first: int, headings: list[Heading], meeting: Meeting) -> None:
    """Numbered minutes, decision blocks, declarations and the closing time."""
    by_index = {h.index: h for h in headings}
    skip = {h.index + 1 for h in headings if h.uses_next} | {h.index - 1 for h in headings if h.uses_prev}
    blocks = list(texts)
    current: MinutesItem | None = None
    private = False
    i = first
    while i < len(blocks):
        b = blocks[i]
        text = b.text.strip()
        if i in skip:
            i += 1
            continue
        closed = CLOSED.search(text)
        if closed and len(text.split()) <= 12:
            meeting.end_time = parse_time(closed.group("t"))
            i += 1
            continue
        adjourned = ADJOURNED.search(text)
        if adjourned:
            meeting.end_time = parse_time(adjourned.group("t")) or meeting.end_time
        if SECTION_BREAK.match(text) and len(text.split()) <= 6:
            private = bool(PRIVATE_BREAK.match(text))
            i += 1
            continue
        h = by_index.pop(i, None)
        if h:
            current = MinutesItem(h.number, h.title, b.page, private)
            meeting.minutes_items.append(current)
            rest = _after_heading(text, h)
            if rest:
                # The minute's text runs on in its heading's paragraph: read it as a paragraph of its own.
                blocks[i] = replace(b, text=rest)
                continue
            i += 1
            continue
        found, j = decision_at(blocks, i, current, meeting.resolutions, by_index)
        if j > i:
            meeting.resolutions.extend(found)
            i = j
            continue
        if current and APOLOGIES_MINUTE.search(current.title):
            minuted_apologies(text, meeting)
        if current and DECLARATIONS.search(current.title) and DECLARED.search(text) and not NIL.match(text):
            meeting.declarations.append(_collapse(text))
        i += 1
    _mark_private(meeting)


def _after_heading(text: str, h: Heading) -> str:
    """What a heading's paragraph says after its number and title."""
    if h.uses_next or h.uses_prev:
        return ""
    body = LEAD.sub("", text)
    k = body.find(h.number.split()[-1])
    body = body[k + len(h.number.split()[-1]) :] if k >= 0 else body
    body = re.sub(r"^[.:)\-–\s]+", "", body)
    whole = body.strip()
    if h.title and body.startswith(h.title):
        body = body[len(h.title) :]
    body = body.strip(" .:-–")
    if not body and DECISION_START.match(whole):
        return whole  # the minute is one sentence, and that sentence is its decision ("5. It was agreed to …")
    return body if len(body.split()) >= 4 and body[:1].isupper() or DECISION_START.match(body) else ""


def _number(num: str) -> int:
    return sequence_key(num)[0]


def _mark_private(meeting: Meeting) -> None:
    """Minutes an exclusion resolution names are private, as are their decisions."""
    private: set[str] = set()
    for r in meeting.resolutions:
        if not r.decision_only and EXCLUSION.search(r.text):
            private.update(n for n in r.refers_to if r.minute is None or _number(n) > _number(r.minute))
    for item in meeting.minutes_items:
        if item.number in private:
            item.private = True
    for r in meeting.resolutions:
        if r.minute in private:
            r.private = True
