"""Attendance: members present (chair marked), apologies, officers and others.

Councils print attendance under labels (``Present``, ``Members present``,
``Apologies``, ``Officers in attendance``…) before the first minute, or
record apologies as a minute of their own.
"""

from __future__ import annotations

import re

from minutebook.extract.styles.vocab import COMMITTEE_WORDS, PARTICLES, PLURAL_TITLE, TITLES
from minutebook.model import Attendance, Block, Meeting

SECTION_BREAK = re.compile(
    r"^(?:public|private|confidential|exempt)\s+(?:business|items?|information)\b|^part\s+(?:a|b|1|2|i|ii)\b", re.I
)
# Attendance labels and who they name.
ATTENDANCE_LABEL = re.compile(
    r"^(?P<label>"
    r"present|members(?:\s+present)?|councillors(?:\s+present)?|co-?\s?opted\s+members?(?:\s+present)?"
    r"|other\s+members(?:\s+present)?|others\s+present|also\s+present|(?:also\s+)?in\s+attendance"
    r"|substitutes?|(?:cabinet\s+)?members?\s+(?:also\s+)?(?:present\s+)?by\s+invitation|by\s+invitation"
    r"|(?:employees|officers|staff)(?:\s+present|\s+in\s+attendance)?(?:\s*\([^)]*\))?"
    r"|apologies(?:\s+for\s+absence)?(?:\s+(?:were\s+)?(?:received|submitted)\s+(?:from|on\s+behalf\s+of))?|absent"
    r")(?:\s*[:\-–]\s*|\s+(?=(?:councillors?|cllrs?)\b)|\s*$)(?P<rest>.*)$",
    re.I,
)
# A label run into the line before it, as a reader that joins short lines leaves it.
EMBEDDED_LABEL = re.compile(
    r"\s+(?=(?:co-?\s?opted\s+members?|other\s+members|others\s+present|also\s+present|in\s+attendance"
    r"|apologies(?:\s+for\s+absence)?|officers|employees)(?:\s*\([^)]*\))?\s*:)",
    re.I,
)
OFFICER_LABEL = re.compile(r"^(?:employees|officers|staff)\b", re.I)
LABEL_TAIL = re.compile(r"^[^:]{0,30}\)?\s*:$")
RUN_SPLIT = re.compile(rf"\s+(?={TITLES}\s)")
INITIALS_NAME = re.compile(
    r"(?<![\w'’])(?:(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+)?(?:[A-Z]{1,2}\.?\s+){1,3}[A-Z][a-z'’][\w'’-]*(?:\s*\([^)]*\))?"
)

APOLOGIES_FROM = re.compile(r"\bapologies\b.{0,60}?\b(?:received|submitted|given|tendered)\s+(?:from|by|on\s+behalf\s+of)\s+(?P<names>.+?)\.?$", re.I)


def parse_attendance(blocks: list[Block]) -> Attendance:
    """Present, apologies and officers from the labelled lines before the first minute."""
    att = Attendance()
    role = None
    skip_tail = False
    lines = [part for b in blocks for part in EMBEDDED_LABEL.split(b.text.strip())]
    for text in lines:
        if skip_tail and LABEL_TAIL.match(text):
            skip_tail = False
            continue
        skip_tail = False
        if SECTION_BREAK.match(text):
            role = None
            continue
        m = ATTENDANCE_LABEL.match(text)
        if m:
            role = _role(m.group("label"))
            text = m.group("rest").strip()
        elif OFFICER_LABEL.match(text) and len(text.split()) <= 5 and ":" not in text:
            role, text, skip_tail = "officers", "", True
        elif text.lower().startswith(("place", "venue")):
            continue
        if not text or role is None:
            continue
        if role == "officers":
            att.officers.extend(_officer_names(text))
        else:
            getattr(att, role).extend(_people(text))
    return att


def _role(label: str) -> str:
    label = label.lower()
    if label.startswith(("apologies", "absent")):
        return "apologies"
    if OFFICER_LABEL.match(label):
        return "officers"
    return "present"


def _split_top(text: str) -> list[str]:
    """Split a list of people on commas, semicolons and ``and`` outside brackets."""
    parts, depth, cur = [], 0, ""
    i = 0
    while i < len(text):
        ch = text[i]
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        if depth == 0:
            if ch in ",;":
                parts.append(cur)
                cur = ""
                i += 1
                continue
            m = re.match(r"\s+(?:and|&)\s+", text[i:])
            if m:
                parts.append(cur)
                cur = ""
                i += m.end()
                continue
        cur += ch
        i += 1
    parts.append(cur)
    return [p.strip(" .") for p in parts if p.strip(" .")]


def _name_like(text: str) -> bool:
    """A person's name: capitalised words and initials, with an optional bracketed qualifier."""
    bare = re.sub(r"\([^)]*\)", "", text).strip()
    words = bare.split()
    if not words or len(words) > 6:
        return False
    return all(w[0].isupper() or w.lower() in PARTICLES for w in words) and not COMMITTEE_WORDS.search(bare)


def _people(text: str) -> list[str]:
    """One string per person; ``Councillors A, B and C`` gives each their title."""
    people: list[str] = []
    plural = None
    for seg in _split_top(text):
        seg = re.split(r"\s+[-–—]\s+", seg)[0].strip()
        for piece in RUN_SPLIT.split(seg):
            piece = piece.strip(" .")
            if not piece:
                continue
            pm = PLURAL_TITLE.match(piece)
            if pm:
                plural = "Alderman" if pm.group().lower().startswith("alder") else "Councillor"
                piece = f"{plural} {piece[pm.end():]}"
            elif re.match(rf"^{TITLES}\s", piece):
                plural = None
            elif plural and _name_like(piece):
                piece = f"{plural} {piece}"
            if _name_like(re.sub(rf"^{TITLES}\s+", "", piece)):
                people.append(piece)
    return people


def _officer_names(text: str) -> list[str]:
    """Officer names; a service-area label printed before the names is dropped.

    Officers are usually printed as initial and surname, which a label never
    is, so those are picked out wherever they stand; otherwise the list is
    split and label-like pieces are dropped.
    """
    initials = [m.group().strip() for m in INITIALS_NAME.finditer(text)]
    if initials:
        return initials
    names = []
    for seg in _split_top(text):
        seg = re.split(r"\s+[-–—]\s+", seg)[0].strip()
        if _name_like(seg) and len(seg.split()) >= 2:
            names.append(seg)
    return names


def minuted_apologies(text: str, meeting: Meeting) -> None:
    """Apologies recorded as a minute (``Apologies were received from …``) rather than a list."""
    m = APOLOGIES_FROM.search(text)
    if not m:
        return
    for person in _people(m.group("names")):
        if person not in meeting.attendance.apologies:
            meeting.attendance.apologies.append(person)


