"""Minute-numbering schemes: how councils number the minutes of a meeting.

Each entry's ``pattern`` matches the start of a paragraph and captures the
minute number (``num``) and, when printed on the same line, the ``title``. A
scheme with ``"label_after": True`` prints its number on the line *after* the
heading (``Apologies`` / ``(Item 1)``). ``key`` in ``expect`` is the sortable
value the number has in its run (``sequence_key``), used to find the run of
numbers that rises through a document.

The parser (``extract/minutes.py``) tries every scheme and keeps the one whose
numbers rise furthest through the document, so a paragraph numbered ``1``
inside a minute numbered ``283`` is not a minute.
"""

from __future__ import annotations

import re

from minutebook.extract.styles import Style

# After a number: a full stop, colon, bracket or dash (spaced or not) and/or spaces, then the title, or nothing.
_SEP = r"(?:\s*[.:)\-–—]\s*|\s+|$)"
_TITLE = r"(?P<title>.*)$"

SCHEMES: list[Style] = [
    Style(
        "dotted-year-month",
        rf"^(?:minute\s+)?(?P<num>\d{{2}}\.\d{{2}}\.\d{{1,3}})\.?{_SEP}{_TITLE}",
        "24.11.03 Village Hall Roof The quote from Dale Roofing was accepted.",
        {"number": "24.11.03", "title": "Village Hall Roof The quote from Dale Roofing was accepted", "key": (3, 0)},
    ),
    Style(
        "resolution-number",
        rf"^(?i:resolution\s+(?:no\.?\s*|number\s+)?)?(?P<num>[A-Z]{{1,3}}\s?\d{{4}}\s?-\s?\d{{1,4}}){_SEP}{_TITLE}",
        "R2031-045 P. Lamb, K. Osei: That the tender from Norland Paving be accepted. Carried.",
        {"number": "R2031-045", "title": "That the tender from Norland Paving be accepted", "key": (45, 0)},
    ),
    Style(
        "motion-number",
        rf"^(?:motion|resolution)\s+(?:number|no\.?)\s*(?P<num>\d{{4}}\s?-\s?\d{{1,4}}){_SEP}{_TITLE}",
        "Motion Number 2031-12 Moved by B. Ellis, seconded by R. Tan: That the hall fees be waived.",
        {"number": "2031-12", "title": "That the hall fees be waived", "key": (12, 0)},
        re.I,
    ),
    Style(
        "committee-code",
        rf"^(?P<num>[A-Z]{{2,5}}\s?\d{{1,3}}\s?/\s?\d{{1,4}}){_SEP}{_TITLE}",
        "EXB 31/07 Capital Programme Review",
        {"number": "EXB 31/07", "title": "Capital Programme Review", "key": (7, 0)},
    ),
    Style(
        "item-word",
        rf"^(?:agenda\s+)?(?:item|minute)\s*(?:no\.?\s*)?(?P<num>\d{{1,4}}[a-z]?)\b\.?{_SEP}{_TITLE}",
        "Item 6: Allotment Rents",
        {"number": "6", "title": "Allotment Rents", "key": (6, 0)},
        re.I,
    ),
    Style(
        "item-label-after",
        r"^\(\s*(?:agenda\s+)?item\s+(?:no\.?\s*)?(?P<num>\d{1,3}[a-z]?)\s*\)\s*(?P<title>)$",
        "(Item 4)",
        {"number": "4", "title": "", "key": (4, 0), "label_after": True},
        re.I,
    ),
    Style(
        "decimal-point-zero",
        rf"^(?P<num>\d{{1,2}}\.0)\.?{_SEP}{_TITLE}",
        "3.0 Declarations of Conflict of Interest",
        {"number": "3.0", "title": "Declarations of Conflict of Interest", "key": (3, 0)},
    ),
    Style(
        "plain-number",
        rf"^(?:minute\s+)?(?P<num>\d{{1,4}}[a-z]?)(?:(?:\.(?!\d)|:|\))(?:\s+|(?=[A-Z])|$)|\s+|$){_TITLE}",
        "212. Street Lighting Contract",
        {"number": "212", "title": "Street Lighting Contract", "key": (212, 0)},
        re.I,
    ),
]

COMPILED = [(s, re.compile(s.pattern, s.flags)) for s in SCHEMES]


def sequence_key(num: str) -> tuple[int, int]:
    """Where a minute number stands in its run: the last number group, then a letter.

    ``20.07.03`` → (3, 0); ``R2024-217`` → (217, 0); ``CAB 24/31`` → (31, 0);
    ``5c`` → (5, 3); ``4.0`` → (4, 0).
    """
    num = num.strip()
    m = re.fullmatch(r"(\d{1,2})\.0", num)
    if m:
        return int(m.group(1)), 0
    groups = re.findall(r"\d+", num)
    letter = re.search(r"\d([a-z])$", num, re.I)
    return int(groups[-1]) if groups else 0, (ord(letter.group(1).lower()) - 96) if letter else 0
