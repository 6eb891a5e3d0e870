"""Agendas: whether a document is one, the meeting it summons, and its numbered items."""

from __future__ import annotations

import re

from minutebook.extract.dates import find_dates, parse_date, parse_time
from minutebook.extract.styles.vocab import collapse as _collapse
from minutebook.model import AgendaItem, Block, Document, Meeting

LEAD = re.compile(r"^[•·▪‣◦●○■□➢►✓*-]\s*")
ITEM = re.compile(r"^(?P<num>\d{1,3}[a-z]?)\.?\s+(?P<title>\S.*)$")
PAGES = re.compile(r"\(\s*pages?\s+(?P<a>\d{1,4})(?:\s*(?:-|–|—|to|\s)\s*(?P<b>\d{1,4}))?\s*\)", re.I)
SUB_ITEM = re.compile(r"^\(?(?P<n>[a-z])\)\s+(?P<text>.+)$")
OFFICER = re.compile(r"^(?:(?:joint\s+)?report|briefing note|verbal (?:report|update)|presentation)\s+(?:of|by|from)\b", re.I)
PRIVATE = re.compile(
    r"^(?:private|confidential|exempt)\s+(?:business|items?|information|reports?)\b|^part\s+(?:b|2|ii)\b", re.I
)
PUBLIC = re.compile(r"^public\s+(?:business|items?|reports?)\b|^part\s+(?:a|1|i)\b", re.I)


def parse_agenda_items(doc: Document) -> list[AgendaItem]:
    """Agenda items with their printed page ranges, sub-items and officer lines."""
    items: list[AgendaItem] = []
    private = False
    expected = 1
    for block in doc.blocks:
        if block.kind != "text":
            continue
        # A list glyph before an officer line or item number is layout, not text.
        text = LEAD.sub("", block.text.strip())
        if PRIVATE.match(text):
            private = True
            continue
        if PUBLIC.match(text):
            private = False
            continue
        m = ITEM.match(text)
        if m and _plausible_number(m.group("num"), expected):
            title = m.group("title")
            start = end = None
            pages = PAGES.search(title)
            if pages:
                start = int(pages.group("a"))
                end = int(pages.group("b")) if pages.group("b") else start
                title = (title[: pages.start()] + title[pages.end():]).strip()
            items.append(AgendaItem(m.group("num"), _tidy(title), start, end, private=private))
            expected = int(re.match(r"\d+", m.group("num")).group()) + 1
            continue
        if not items:
            continue
        sub = SUB_ITEM.match(text)
        if sub:
            items[-1].sub_items.append(sub.group("text").strip())
        elif OFFICER.match(text) and items[-1].officer is None:
            items[-1].officer = text.rstrip(".")
    return items


def _plausible_number(num: str, expected: int) -> bool:
    """Agenda numbers run in order; a stray ``2024`` or ``5.`` in prose is not an item."""
    n = int(re.match(r"\d+", num).group())
    return expected <= n <= expected + 3 or (expected == 1 and n < 40)


def _tidy(title: str) -> str:
    return re.sub(r"\s+", " ", title).strip(" .:-–")


# Agenda front sheet labels: the value is on the same line after a colon or on the next line.
FRONT_LABEL = re.compile(
    r"^(?P<label>time\s+and\s+date|date\s+and\s+time|date|time|place|venue|location)\s*(?::\s*(?P<rest>.*))?$", re.I
)
MINUTES_OF_MEETING = re.compile(
    r"\bminutes\b.{0,80}?\bmeeting\b.{0,40}?\b(?:held\s+on|held|on|of|dated)\b(?P<after>.{0,60})", re.I
)


def _year(iso: str | None) -> int | None:
    return int(iso[:4]) if iso else None


def agenda_meeting(doc: Document) -> Meeting:
    """The meeting an agenda front sheet summons."""
    texts = _texts(doc)
    date, time, place = front_labels(texts)
    date = date or doc.date
    meeting = Meeting(
        committee=doc.title,
        date=date,
        time=time,
        place=place,
        source_role="agenda",
        document=doc.id,
        agenda_items=parse_agenda_items(doc),
    )
    meeting.refers_to_meetings = referred_meetings(texts, date)
    return meeting


def front_labels(texts: list[Block]) -> tuple[str | None, str | None, str | None]:
    """Date, time and place from ``Date``/``Time``/``Place``/``Venue`` labelled lines near the top."""
    date = time = place = None
    for i, b in enumerate(texts[:30]):
        m = FRONT_LABEL.match(b.text.strip())
        if not m:
            continue
        value = m.group("rest") or (texts[i + 1].text if i + 1 < len(texts) else "")
        label = m.group("label").lower()
        if label in ("place", "venue", "location"):
            place = place or _collapse(value) or None
            continue
        if "date" in label:
            date = date or parse_date(value)
        time = time or parse_time(value)
    return date, time, place


def referred_meetings(texts: list[Block], date: str | None) -> list[str]:
    """ISO dates of earlier meetings whose minutes are agreed.

    A date printed without its year takes the meeting's year, or the year
    before when that would put the earlier meeting after this one.
    """
    found: list[str] = []
    for b in texts:
        for m in MINUTES_OF_MEETING.finditer(b.text):
            after = m.group("after")
            dates = find_dates(after, _year(date))
            if not dates:
                continue
            iso = dates[0][1]
            if date and iso > date and not re.search(r"\b(?:19|20)\d{2}\b", after[dates[0][0] :][:30]):
                iso = find_dates(after, _year(date) - 1)[0][1]
            if iso != date and iso not in found:
                found.append(iso)
    return found


NOTICE = re.compile(r"^(?:notice of (?:the )?meeting|summons|agenda(?: and reports)?|agenda for (?:the )?meeting)\b", re.I)


def looks_like_agenda(texts: list[Block]) -> bool:
    """A front sheet: a notice or 'Agenda' heading, or when/where labels above
    an 'Apologies' item."""
    head = texts[:14]
    if any(NOTICE.match(b.text) and len(b.text.split()) <= 8 for b in head):
        return True
    joined = " ".join(b.text for b in head).lower()
    labelled = re.search(r"\b(?:time and date|date and time)\b|\b(?:venue|place|time|date)\s*:", joined)
    return bool(labelled) and "apologies" in joined


def _texts(doc: Document) -> list[Block]:
    return [b for b in doc.blocks if b.kind == "text" and b.text.strip()]
