"""Sections: numbered paragraphs and headings with their text, in reading order.

House styles number headings (``1 Purpose of the Note``), paragraphs
(``3.1``, ``6.12``), sub-headings (``Recommendation 2:``) and set unnumbered
headings in bold. Lettered and bulleted lists, and unnumbered paragraphs,
stay inside the section they follow. Tables are not section text.
"""

from __future__ import annotations

import re

from minutebook.extract.patterns import SENTENCE_END
from minutebook.model import Block, Document, Section

NUMBERED = re.compile(r"^(?P<num>\d{1,2}(?:\.\d{1,2}){0,3})\.?(?:\s+|(?=[A-Z]))(?P<rest>\S.*)$")
RECOMMENDATION = re.compile(r"^recommendation\s*:?\s*(?P<num>\d{1,2})\s*[:.\-–]?\s*(?P<rest>.*)$", re.I)
MONTH_AFTER = re.compile(r"(?:st|nd|rd|th)?\s*(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", re.I)
MAX_HEADING_WORDS = 14


def _is_heading_text(text: str) -> bool:
    return (
        len(text.split()) <= MAX_HEADING_WORDS
        and not SENTENCE_END.search(text.rstrip(":"))
        and text[:1].isupper()
    ) or (len(text.split()) <= MAX_HEADING_WORDS and text.endswith(":") and text[:1].isupper())


def find_sections(doc: Document) -> list[Section]:
    sections: list[Section] = []
    top_level = 1

    def add(number, heading, level, text, page):
        sections.append(Section(f"{doc.id}.s{len(sections) + 1}", number, heading, level, text, page))

    def append_text(text, page):
        if not sections:
            add(None, None, 1, text, page)
            return
        s = sections[-1]
        s.text = f"{s.text} {text}" if s.text else text

    for block in doc.blocks:
        if block.kind != "text":
            continue
        text = block.text.strip()
        rec = RECOMMENDATION.match(text)
        if rec and len(text.split()) <= 30:
            add(rec.group("num"), rec.group("rest").strip() or None, 2, None, block.page)
            continue
        m = NUMBERED.match(text)
        if m and not MONTH_AFTER.match(m.group("rest")) and not _looks_like_list_number(m.group("num"), text, sections):
            num, rest = m.group("num"), m.group("rest").strip()
            depth = num.count(".") + 1
            if (block.bold or block.heading or depth == 1) and _is_heading_text(rest):
                add(num, rest.rstrip(":"), depth, None, block.page)
                top_level = 1
            else:
                add(num, None, depth, rest, block.page)
            continue
        if (block.bold or block.heading or _short_label(block)) and _is_heading_text(text):
            level = 2 if sections and sections[-1].number and "." not in sections[-1].number and block.heading is False and top_level else 1
            add(None, text.rstrip(":"), level if sections else 1, None, block.page)
            continue
        append_text(text, block.page)
    return sections


def _short_label(block: Block) -> bool:
    """Text exports lose bold: a line of three Title Case words or fewer
    ("Place", "Time and Date", "Public Business") is a heading there."""
    words = block.text.split()
    return not block.size and len(words) <= 3 and all(w[:1].isupper() for w in words if len(w) > 3)


def _looks_like_list_number(num: str, text: str, sections: list[Section]) -> bool:
    """``1)``-style list items are caught elsewhere; ``2. A concern …`` inside a
    paragraph whose numbering is deeper is a list item, not a section."""
    if "." in num:
        return False
    if not sections:
        return False
    last = sections[-1].number
    if last and "." in last and int(num) < int(last.split(".")[0]):
        return True
    return False
