"""Dates and times in the forms UK council papers print them, as ISO strings.

``16th October, 2025``, ``16 Oct 2025``, ``16/10/2025``, ``Thursday 16th
October`` (year from context), ``October 2025``; times ``10.00 am``, ``2pm``,
``14:30``. Written here rather than with a general date library because the
forms are few, day-first is certain, and a general parser guesses (it reads
``Agenda Item 4`` as a date).
"""

from __future__ import annotations

import re
from datetime import date

from minutebook.extract.styles.vocab import MONTH_NAME

MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for m in names
}
_MONTH = rf"(?P<month>{MONTH_NAME})\.?"
# OCR reads a superscript ordinal as a stray mark: 13” February, 1°" June, 11™ June.
_DAY = r"(?P<day>[0-3]?\d)\s*(?:st|nd|rd|th|[°º\"”“'’™%*]{1,3})?"
# A two-digit year must not be the hour of a following time ("16 October 10.00 am").
_YEAR = r"(?P<year>(?:19|20)\d{2}|\d{2}\b(?![.:]\d)(?!\s*[ap]\.?m\b))"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thur?s?|fri|sat(?:ur)?|sun)(?:day)?,?\s+)?"

# "16th October", "16th of October", and the formal "the 16th day of October, 2025" of US, Canadian and Irish minutes.
DAY_MONTH = re.compile(
    rf"\b{_WEEKDAY}{_DAY}(?:\s+day)?(?:\s+of)?\s+{_MONTH}(?:,?\s+{_YEAR})?\b", re.IGNORECASE
)
MONTH_DAY = re.compile(rf"\b{_WEEKDAY}{_MONTH}\s+{_DAY},?\s+(?P<year>(?:19|20)\d{{2}})\b", re.IGNORECASE)
NUMERIC = re.compile(r"\b(?P<day>[0-3]?\d)(?P<sep>[/.-])(?P<month>[01]?\d)(?P=sep)(?P<year>(?:19|20)\d{2}|\d{2})\b(?![.:/-]?\d)")
ISO = re.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b")
MONTH_YEAR = re.compile(rf"\b{_MONTH}\s+(?P<year>(?:19|20)\d{{2}})\b", re.IGNORECASE)
TIME = re.compile(
    r"\b(?P<h>[01]?\d|2[0-3])(?:[.:](?P<m>[0-5]\d))?\s*(?P<ampm>a\.?m\.?|p\.?m\.?)(?![a-z])"
    r"|\b(?P<h24>[01]?\d|2[0-3]):(?P<m24>[0-5]\d)(?=\s*h(?:rs?|ours)?\b|\b)"
    r"|\b(?P<h4>[01]\d|2[0-3])(?P<m4>[0-5]\d)\s*h(?:rs?|ours)\b",
    re.IGNORECASE,
)


def _year(text: str | None, default: int | None) -> int | None:
    if not text:
        return default
    y = int(text)
    return y + 2000 if y < 100 else y


def _iso(y: int | None, m: int, d: int) -> str | None:
    if y is None:
        return None
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def find_dates(text: str, default_year: int | None = None) -> list[tuple[int, str]]:
    """All full dates in ``text`` as ``(offset, iso)``, in order of appearance."""
    found: dict[int, str] = {}
    taken: list[tuple[int, int]] = []
    for rx in (ISO, DAY_MONTH, MONTH_DAY, NUMERIC):
        for m in rx.finditer(text):
            if any(a <= m.start() < b for a, b in taken):
                continue
            month = m.group("month")
            month_no = int(month) if month.isdigit() else MONTHS.get(month.lower().rstrip("."))
            if not month_no or not 1 <= month_no <= 12:
                continue
            iso = _iso(_year(m.group("year"), default_year), month_no, int(m.group("day")))
            if iso:
                found[m.start()] = iso
                taken.append((m.start(), m.end()))
    return sorted(found.items())


def parse_date(text: str, default_year: int | None = None) -> str | None:
    """The first full date in ``text`` as ISO ``YYYY-MM-DD``, or ``None``."""
    dates = find_dates(text, default_year)
    return dates[0][1] if dates else None


def parse_month(text: str) -> tuple[int, int] | None:
    """``(year, month)`` of a ``Month YYYY`` phrase, for undated references."""
    m = MONTH_YEAR.search(text)
    if not m:
        return None
    return int(m.group("year")), MONTHS[m.group("month").lower().rstrip(".")]


def parse_time(text: str) -> str | None:
    """The first clock time in ``text`` as 24-hour ``HH:MM``."""
    m = TIME.search(text)
    if not m:
        return None
    if m.group("h24") is not None:
        return f"{int(m.group('h24')):02d}:{m.group('m24')}"
    if m.group("h4") is not None:
        return f"{m.group('h4')}:{m.group('m4')}"
    h = int(m.group("h"))
    minutes = m.group("m") or "00"
    pm = m.group("ampm").lower().startswith("p")
    if pm and h < 12:
        h += 12
    if not pm and h == 12:
        h = 0
    return f"{h:02d}:{minutes}"
