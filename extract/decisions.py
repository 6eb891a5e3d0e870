"""Decisions: one resolution per decision statement, in the styles councils print.

``decision_at`` reads the decision block that starts at a paragraph, with its
clauses, whether printed in its own paragraph (``RESOLVED: (a) … (b) …``) or
as the numbered or lettered paragraphs after it.
"""

from __future__ import annotations

import re

from minutebook.extract.styles.vocab import collapse as _collapse
from minutebook.model import Block, MinutesItem, Resolution

RESOLVED = re.compile(r"^(?:it\s+was\s+(?:\w+\s+)?|and\s+)?(?:resolved|recommended)\b", re.I)
PROPOSED = re.compile(r"^(?:it\s+was\s+)?(?:proposed|moved)\s+by\b", re.I)
PROPOSAL_RESOLVED = re.compile(r"\b(?:resolved|agreed|carried)\b", re.I)
LABEL_ONLY = re.compile(r"^(?:it\s+was\s+)?(?:resolved|recommended|decisions?|agreed)\s*[:\-–—]?\s*$", re.I)
DECISION = re.compile(r"^(?:decisions?|agreed)\s*(?:[:\-–]\s*|$)|^AGREED\b", re.I)
NARRATIVE = re.compile(
    r"^(?:the\s+|it\s+was\s+)?(?:board|committee|sub-committee|cabinet|panel|council|commission|forum|members?|meeting)?\s*"
    r"(?:(?:unanimously|formally|then|also|further|therefore)\s+)?"
    r"(?:noted|agreed|approved|endorsed|resolved|decided|accepted|supported|confirmed)\b",
    re.I,
)
RECORD = re.compile(r"\b(?:were|was)\s+(?:\w+\s+)?(?:agreed|approved|confirmed|accepted)\b.{0,40}\bas\s+an?\s+(?:true|correct|accurate)\s+record", re.I)
MINUTE_REF = re.compile(r"\bminutes?\s+(?:nos?\.?\s*)?(?P<nums>\d{1,4}[a-z]?(?:\s*(?:,|and|&)\s*\d{1,4}[a-z]?)*)(?!\s*(?:am|pm)\b)", re.I)

CLAUSE = re.compile(r"^\(?(?P<label>\d{1,2}|[a-z]|[ivx]{1,4}|[A-Z])(?P<close>[).])\s+(?P<text>\S.*)$")
BULLET = re.compile(r"^[•·▪‣◦●○■□➢►✓]\s*(?P<text>\S.*)$|^-\s+(?P<text2>\S.*)$")
ROMAN = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"]


def decision_at(blocks: list[Block], i: int, current: MinutesItem | None) -> tuple[Resolution | None, int]:
    """A decision block starting at ``blocks[i]`` and the index after it."""
    text = blocks[i].text.strip()
    style, decision_only = None, False
    parts = [blocks[i]]
    j = i + 1
    if PROPOSED.match(text):
        if PROPOSAL_RESOLVED.search(text):
            style = "proposed"
        elif j < len(blocks) and RESOLVED.match(blocks[j].text.strip()):
            style = "proposed"
            parts.append(blocks[j])
            j += 1
    elif RESOLVED.match(text):
        style = "recommended" if re.match(r"^(?:it\s+was\s+(?:\w+\s+)?)?recommended", text, re.I) else "resolved"
    elif DECISION.match(text):
        style = "decision"
    elif NARRATIVE.match(text) or RECORD.search(text):
        style, decision_only = "narrative", True
    if style is None:
        return None, i
    if LABEL_ONLY.match(parts[-1].text.strip()) and j < len(blocks) and not CLAUSE.match(blocks[j].text.strip()):
        parts.append(blocks[j])
        j += 1
    lead = _collapse(" ".join(p.text for p in parts))
    preamble, clauses = _inline_clauses(lead)
    more, j = _following_clauses(blocks, j, lead, clauses, current)
    parts_text = [lead] + [_collapse(blocks[k].text) for k in range(len(parts) + i, j)]
    clauses = clauses + more
    res = Resolution(
        minute=current.number if current else None,
        title=current.title if current else None,
        text=" ".join(parts_text),
        clauses=clauses,
        page=blocks[i].page,
        style=style,
        decision_only=decision_only,
        private=current.private if current else False,
    )
    res.refers_to = _refers(res.text, res.minute)
    return res, j


def _label_value(label: str, kind: str) -> int | None:
    if kind == "digit":
        return int(label) if label.isdigit() else None
    if kind == "roman":
        return ROMAN.index(label.lower()) + 1 if label.lower() in ROMAN else None
    if kind in ("lower", "upper") and len(label) == 1 and label.isalpha():
        if (kind == "lower") != label.islower():
            return None
        return ord(label.lower()) - ord("a") + 1
    return None


def _label_kind(label: str) -> str:
    if label.isdigit():
        return "digit"
    if label == "i" or (len(label) > 1 and label.lower() in ROMAN):
        return "roman"
    return "lower" if label.islower() else "upper"


def _following_clauses(
    blocks: list[Block], j: int, lead: str, inline: list[str], current: MinutesItem | None
) -> tuple[list[str], int]:
    """Numbered, lettered or bulleted clause blocks that continue a decision."""
    clauses: list[str] = []
    kind = close = None
    expected = len(inline) + 1 if inline else 1
    opens = lead.rstrip().endswith((":", "-", "–", "—")) or bool(inline) or bool(LABEL_ONLY.match(lead))
    while j < len(blocks):
        text = blocks[j].text.strip()
        m = CLAUSE.match(text)
        bullet = BULLET.match(text)
        if m:
            label = m.group("label")
            k = kind or _label_kind(label)
            if kind is None and label == "i" and expected > 1:
                k = "lower"
            value = _label_value(label, k)
            if value != expected or (close and m.group("close") != close):
                break
            if not opens and m.group("close") == "." and k == "digit":
                break
            kind, close = k, m.group("close")
            clauses.append(_clause_text(m.group("text")))
            expected += 1
            j += 1
            continue
        if bullet and opens and kind in (None, "bullet"):
            kind = "bullet"
            clauses.append(_clause_text(bullet.group("text") or bullet.group("text2")))
            j += 1
            continue
        break
    return clauses, j


def _clause_text(text: str) -> str:
    text = _collapse(text)
    return re.sub(r"[;,]?\s*\b(?:and|or)$", "", text).rstrip(" ;,").strip()


INLINE_FORMS = [
    ("digit", lambda n: rf"(?:(?<=\s)|(?<=^)|(?<=:))\(?{n}\)\s+"),
    ("lower", lambda n: rf"(?:(?<=\s)|(?<=^)|(?<=:))\(?{chr(96 + n)}\)\s+"),
    ("roman", lambda n: rf"(?:(?<=\s)|(?<=^)|(?<=:))\(?{ROMAN[n - 1]}\)\s+"),
    ("upper", lambda n: rf"(?:(?<=\s)|(?<=^)|(?<=:))\(?{chr(64 + n)}\)\s+"),
    ("digit.", lambda n: rf"(?:(?<=\s)|(?<=:)){n}\.\s+(?=[A-Z])"),
]


def _inline_clauses(text: str) -> tuple[str, list[str]]:
    """Clauses printed inside the decision's own paragraph: ``RESOLVED: (a) … (b) …``."""
    for _kind, form in INLINE_FORMS:
        spans = []
        pos = 0
        for n in range(1, 13):
            m = re.compile(form(n)).search(text, pos)
            if not m:
                break
            spans.append(m)
            pos = m.end()
        if len(spans) >= 2:
            clauses = []
            for k, m in enumerate(spans):
                end = spans[k + 1].start() if k + 1 < len(spans) else len(text)
                clauses.append(_clause_text(text[m.end() : end]))
            return text[: spans[0].start()].strip(), clauses
    return text, []


def _refers(text: str, own: str | None) -> list[str]:
    refs: list[str] = []
    for m in MINUTE_REF.finditer(text):
        for n in re.findall(r"\d{1,4}[a-z]?", m.group("nums")):
            if n != own and n not in refs:
                refs.append(n)
    return refs


