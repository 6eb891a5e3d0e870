"""Meetings a file speaks for: the one an agenda summons, the ones minutes record.

Works on a document's paragraph blocks only, so PDF and text give the same
meetings. Agenda front sheets give committee, date, time, place and the
numbered items; minutes give the heading facts, attendance, numbered minutes
and every decision block in the house styles councils print them in.
"""

from __future__ import annotations

import re

from minutebook.extract.agenda import agenda_meeting, front_labels, referred_meetings
from minutebook.extract.attendance import ATTENDANCE_LABEL, SECTION_BREAK, minuted_apologies, parse_attendance
from minutebook.extract.dates import find_dates, parse_date, parse_time
from minutebook.extract.decisions import decision_at
from minutebook.extract.styles.vocab import COMMITTEE_WORDS, WEEKDAY
from minutebook.extract.styles.vocab import collapse as _collapse
from minutebook.model import Block, Document, Meeting, MinutesItem, Source

LEAD = re.compile(r"^(?:[•·▪‣◦●○■□➢►✓*]|-(?=\s))\s*")

MINUTES_HEAD = re.compile(r"\bminutes\s+of\b", re.I)
HEAD_COMMITTEE = re.compile(
    r"\bminutes\s+of\s+(?:the\s+|a\s+|an\s+)?(?P<pre>.{0,80}?)\b(?:meeting|proceedings)\b"
    r"(?:\s+of\s+(?:the\s+)?(?P<post>.+?))?"
    rf"(?=\s+held\b|\s+on\s+(?:the\s+)?(?:\d|{WEEKDAY})|\s+at\s+\d|\s*[,–—-]\s*(?:held|\d|{WEEKDAY})|\s*$)",
    re.I,
)
OCCASION = re.compile(r"^(?:(?:annual|special|extraordinary|ordinary|adjourned|reconvened|budget|virtual|remote|informal)\s*)*$", re.I)
HELD_PLACE = re.compile(
    rf"\bheld\s+(?:at|in)\s+(?P<place>.+?)(?=\s+on\s+|\s+at\s+\d|\s*,\s*(?:on\s+)?(?:\d|{WEEKDAY})|\s*$)", re.I
)
PLACE_AFTER_TIME = re.compile(r"\b(?:am|pm|a\.m\.|p\.m\.|noon)\s*,?\s+(?:in|at)\s+(?P<place>.+?)\s*\.?$", re.I)

PRIVATE_BREAK = re.compile(r"^(?:private|confidential|exempt)\s+(?:business|items?|information)\b|^part\s+(?:b|2|ii)\b", re.I)

MINUTE = re.compile(r"^(?:minute\s+(?:no\.?\s*)?)?(?P<num>\d{1,4}(?:/\d{2,4})?[a-z]?)(?:[.:)]\s*|\s+)(?P<title>[A-Z‘'\"(].*)$")
CLOSED = re.compile(r"\b(?:meeting|proceedings)\s+(?:closed|ended|finished|terminated|concluded|rose)\s+at\s+(?P<t>.+)$", re.I)
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


# Minutes


def minutes_meeting(doc: Document) -> Meeting:
    """The meeting a set of minutes records."""
    texts = _texts(doc)
    start, heading = _heading(texts)
    committee = _committee(heading, texts[:start]) or _title_committee(doc.title)
    label_date, label_time, label_place = front_labels(texts[:start + 12])
    date = parse_date(heading) or label_date or doc.date
    meeting = Meeting(
        committee=committee,
        date=date,
        time=(parse_time(heading) if heading else None) or label_time,
        place=_held_place(heading) or label_place,
        source_role="minutes",
        document=doc.id,
    )
    body = texts[start:]
    first = _first_minute(body)
    meeting.attendance = parse_attendance(body[:first])
    _minutes(body[first:], meeting)
    meeting.refers_to_meetings = referred_meetings(body[first:], date)
    return meeting


def _heading(texts: list[Block]) -> tuple[int, str]:
    """The ``Minutes of …`` heading (joined when wrapped over lines) and where the body starts."""
    for i, b in enumerate(texts[:8]):
        if not MINUTES_HEAD.search(b.text):
            continue
        parts = [b.text]
        j = i + 1
        while j < len(texts) and j - i < 3 and not find_dates(" ".join(parts)):
            nxt = texts[j].text.strip()
            if ATTENDANCE_LABEL.match(nxt) or MINUTE.match(LEAD.sub("", nxt)) or len(nxt.split()) > 25:
                break
            parts.append(nxt)
            j += 1
        return j, _collapse(" ".join(parts))
    return 0, ""


def _committee(heading: str, before: list[Block]) -> str | None:
    m = HEAD_COMMITTEE.search(heading)
    if m:
        post = (m.group("post") or "").strip(" ,.-–")
        pre = (m.group("pre") or "").strip(" ,.-–")
        if post:
            return post
        if pre and not OCCASION.match(pre):
            return pre
    for b in reversed(before):
        if COMMITTEE_WORDS.search(b.text) and len(b.text.split()) <= 12:
            return _collapse(b.text)
    return None


def _title_committee(title: str | None) -> str | None:
    if not title:
        return None
    rest = re.sub(r"^minutes\s+of\s+(?:the\s+|a\s+)?(?:meeting\s+of\s+(?:the\s+)?)?", "", title, flags=re.I)
    return rest if COMMITTEE_WORDS.search(rest) else None


def _held_place(heading: str) -> str | None:
    m = HELD_PLACE.search(heading or "") or PLACE_AFTER_TIME.search(heading or "")
    if not m:
        return None
    place = re.sub(r"^the\s+", "", m.group("place").strip(" ,."), flags=re.I)
    if not place or place[0].isdigit() or parse_time(place):
        return None
    return place


def _minute_match(text: str) -> re.Match | None:
    m = MINUTE.match(LEAD.sub("", text.strip()))
    if not m or len(m.group("title").split()) > 30:
        return None
    return m


def _number(num: str) -> int:
    return int(re.match(r"\d+", num).group())


def _first_minute(body: list[Block]) -> int:
    """Index of the first minute heading: attendance is everything before it."""
    for i, b in enumerate(body):
        if _minute_match(b.text) and not ATTENDANCE_LABEL.match(b.text):
            return i
    return len(body)


def _minutes(blocks: list[Block], meeting: Meeting) -> None:
    """Numbered minutes, decision blocks, declarations and the closing time."""
    current: MinutesItem | None = None
    private = False
    i = 0
    while i < len(blocks):
        b = blocks[i]
        text = b.text.strip()
        closed = CLOSED.search(text)
        if closed and len(text.split()) <= 12:
            meeting.end_time = parse_time(closed.group("t"))
            i += 1
            continue
        if SECTION_BREAK.match(text) and len(text.split()) <= 6:
            private = bool(PRIVATE_BREAK.match(text))
            i += 1
            continue
        m = _minute_match(text)
        if m and _next_minute(m.group("num"), current):
            current = MinutesItem(m.group("num"), _collapse(m.group("title")).strip(" .:-–"), b.page, private)
            meeting.minutes_items.append(current)
            i += 1
            continue
        res, i = decision_at(blocks, i, current)
        if res:
            meeting.resolutions.append(res)
            continue
        if current and APOLOGIES_MINUTE.search(current.title):
            minuted_apologies(text, meeting)
        if current and DECLARATIONS.search(current.title) and DECLARED.search(text) and not NIL.match(text):
            meeting.declarations.append(_collapse(text))
        i += 1
    _mark_private(meeting)


def _next_minute(num: str, current: MinutesItem | None) -> bool:
    """Minutes run in order: a heading's number follows the last one closely."""
    if current is None:
        return True
    n, last = _number(num), _number(current.number)
    return last < n <= last + 5


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
