"""Numbered items of an agenda front sheet."""

from __future__ import annotations

import re

from minutebook.model import AgendaItem, Document

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
