"""Regular expressions shared by the readers and the structure parsers."""

from __future__ import annotations

import re

# Page furniture: page numbers in the forms councils print them.
PAGE_NUMBER = re.compile(
    r"^(?:page\s+(?P<a>\d{1,4})(?:\s+of\s+\d{1,4})?(?:\s+\d{1,4})?"
    r"|[-–—]\s*(?P<b>\d{1,4})\s*[-–—]"
    r"|(?P<c>\d{1,4})"
    r"|(?P<d>\d{1,4})\s*\|.*|.*\|\s*(?P<e>\d{1,4}))$",
    re.IGNORECASE,
)
AGENDA_STAMP = re.compile(r"^agenda\s+item\s+(?P<n>\d{1,3}[a-z]?)\b\.?$", re.IGNORECASE)

BULLET_CHARS = "•·▪‣◦●○■□➢►✓-*"
# Private-use glyphs (Symbol/Wingdings bullets that lost their font) read as bullets.
PRIVATE_USE = re.compile("[\ue000-\uf8ff]")
BULLET = re.compile(r"^[•·▪‣◦●○■□➢►✓]\s*|^[-*]\s+")

NUMBERED = re.compile(r"^(?P<num>\d{1,2}(?:\.\d{1,2}){0,3})\.?\s+(?P<rest>\S.*)$")
LIST_ITEM = re.compile(r"^\(?(?P<num>[a-z]|[ivx]{1,4}|\d{1,2})[).]\s+\S", re.IGNORECASE)

# A wrapped line may start with a date ("13 March 2025."): not a paragraph number.
_MONTH_AHEAD = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b"

# A line that starts a new block: numbered paragraph, list item or bullet.
BLOCK_START = re.compile(
    r"^(?:\d{1,2}(?:\.\d{1,2}){0,3}\.?\s+(?!" + _MONTH_AHEAD + r")\S"
    r"|\(?(?:[a-z]|[ivx]{1,4}|\d{1,2})\)\s+\S"
    r"|[a-z]\.\s+\S"
    r"|[•·▪‣◦●○■□➢►✓]"
    r"|(?:recommendation|appendix|resolved|decision)\b"
    r"|(?:to|from|subject|date|title|author|authors|contact|present|apologies|membership)\s*:"
    r"|(?-i:[A-Z])[\w'’\-]*(?:\s+[\w'’\-()]+){0,3}\s*:\s)",
    re.IGNORECASE,
)

SENTENCE_END = re.compile(r"[.:;!?)\]”\"']$")


HYPHEN_END = re.compile(r"[A-Za-z]-$")


def join_wrapped(lines: list[str]) -> str:
    """Lines of one paragraph joined by spaces; a word hyphenated at a line
    end ("develop-" / "ment") is mended. Linear in the paragraph's length."""
    parts: list[str] = []
    for line in lines:
        if parts and HYPHEN_END.search(parts[-1]) and line[:1].islower():
            parts[-1] = parts[-1][:-1] + line
        else:
            parts.append(line)
    return " ".join(parts)


def unspace_letters(tokens: list[str], gaps: list[float]) -> str | None:
    """A letter-spaced heading ("A G E N D A", "M I N U T E S  O F") closed up
    into words, or None when the tokens are not one.

    Only a run of at least four tokens that are all single letters counts,
    so initials beside a surname ("A B Smith") stay apart. ``gaps`` are the
    spaces between tokens (points or space counts); a gap well above the
    smallest is a word break.
    """
    if len(tokens) < 4 or not all(len(t) == 1 and t.isalpha() for t in tokens):
        return None
    least = min(gaps)
    parts = [tokens[0]]
    for gap, token in zip(gaps, tokens[1:]):
        parts.append((" " if gap >= 1.5 * least and gap - least >= 0.5 else "") + token)
    return "".join(parts)


# A signature block: "Signed ________ Dated", "Chairman ..........".
_FILL_IN = re.compile(r"_{4,}|\.{5,}|…{2,}")
_SIGNER = re.compile(
    r"(?:signed|signature|chair(?:man|person|woman)?|mayor|convenor|president|secretary|clerk|dated?)(?:['’]s)?[:.]?$",
    re.IGNORECASE,
)


def signature_line(text: str) -> bool:
    """Whether a line is a blank signature form, not content: a signer's word
    and a fill-in rule, with at most a date or name beside them."""
    if not _FILL_IN.search(text):
        return False
    rest = _FILL_IN.sub(" ", text).split()
    return 0 < len(rest) <= 8 and _SIGNER.match(rest[0]) is not None
