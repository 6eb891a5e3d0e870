"""Attendance: members present (chair marked), apologies, officers.

Councils print attendance under labels (``Present``, ``Members present``,
``Regrets``, ``Officials in attendance``… the registry in
``styles/attendance.py``) before the first minute, as tables of names and
roles, as US roll calls (``Hall-Harper Present``), or record it in a minute
of its own (``Apologies were received from …``). Names are kept as printed,
one person per string; role text after a name is dropped, bracketed roles
such as ``(Chair)`` are kept.
"""

from __future__ import annotations

import re

from minutebook.extract.styles.attendance import ENDS, LABELS
from minutebook.extract.styles.vocab import (
    COMMITTEE_WORDS,
    HONOURS,
    PARTICLES,
    PLURAL_TITLE,
    PLURAL_TITLES,
    ROLE_WORDS,
    TITLES,
)
from minutebook.model import Attendance, Block, Meeting

SECTION_BREAK = re.compile(
    r"^(?:public|private|confidential|exempt|unrestricted|restricted)\s+(?:business|items?|information)\b|^part\s+(?:a|b|1|2|i|ii)\b",
    re.I,
)
LIST_END = re.compile(r"^(?:" + "|".join(f"(?:{s.pattern})" for s in ENDS) + r")\s*[:.]?\s*$", re.I)
# A label ends at a colon or dash, at the end of the line, or where a capitalised name starts, but not where
# the words up to a closing colon make a longer label of their own ("Public Appointees:"); a bilingual
# paper prints the label in its other language after a slash first ("Present / Yn bresennol:", "Regrets / Absences:").
_LABEL_END = r"(?:\s*/\s*[^\W\d][^:/]{0,30}?(?=\s*:))?(?:\s*[:\-–—]+\s*|\s*$|\s+(?=(?-i:[A-Z(]))(?![^:]{1,30}:\s*$))"
ATTENDANCE_LABEL = re.compile(
    r"^(?:[a-z]\.\s+|\([a-z]\)\s+)?(?:" + "|".join(f"(?P<l{i}>{s.pattern})" for i, s in enumerate(LABELS)) + ")"
    + _LABEL_END + r"(?P<rest>.*)$",
    re.I,
)
# The same labels run into the text before them, as readers that join a label column to its names leave them:
# capitalised and followed by a colon or a dash, or (an ``inline`` label) by a capitalised name.
EMBEDDED_LABEL = re.compile(
    r"\s+(?=(?-i:[A-Z]))(?=(?:" + "|".join(s.pattern for s in LABELS) + r")\s*[:\-–—]\s"
    + r"|(?:" + "|".join(s.pattern for s in LABELS if s.expect.get("inline")) + r")\s+(?-i:[A-Z]))"
    # Any label opening a new sentence before a name: "… Property Manager. Regrets Leo Patey, …".
    + r"|(?<=[.;])\s+(?=(?-i:[A-Z]))(?=(?:" + "|".join(s.pattern for s in LABELS) + r")\s+(?-i:[A-Z]))",
    re.I,
)
# Minutes whose heading says they record attendance.
ATTENDANCE_MINUTE = re.compile(
    r"\b(?:apolog\w*|attendance|present|roll\s+call|call\s+to\s+order|regrets|absen\w*|sederunt|introductions?)\b", re.I
)
ATTENDANCE_MINUTES = 3
APOLOGIES_FROM = re.compile(
    r"\bapolog(?:y|ies)\b[^.]{0,120}?\b(?:from|by|on\s+behalf\s+of)\s+(?P<names>[^.]+(?:\.(?=\S)[^.]*)*)", re.I
)
ARRIVED = re.compile(r"^(?P<name>.{2,60}?)\s+(?:arrived|joined\s+the\s+meeting)\b", re.I)
# A roll call's status words ("Name | Present", Legistar's "Status" column: Present, Late, Remote, Absent).
STATUS = {"present": "present", "absent": "apologies", "excused": "apologies", "here": "present", "late": "present",
          "remote": "present"}
VOTE = re.compile(r"^(?:.*\s)?(?:yeas?|nays?|ayes?|noes|abstain(?:ed)?|recused)$", re.I)
ROLL_ENTRY = re.compile(r"^(?P<name>.*?\S)\s+(?P<status>present|absent|excused)\.?$", re.I)
TITLE_AT_START = re.compile(rf"^{TITLES}(?=\s)\s*", re.I)
RUN_SPLIT = re.compile(rf"(?<![Dd]eputy)\s+(?=(?-i:{TITLES})\s)")
# "Ms J Kay who was substituted by Mr L Moor": a clause about the person ends the entry.
RELATIVE = re.compile(r"\s+(?:who|whom|whose|which)\s.*$", re.S)
TOKEN = re.compile(r"(?P<join>\s+(?:and|&|plus)\s+)|(?P<sep>[,;])|(?P<open>[(\[])|(?P<close>[)\]])|(?P<text>[^,;()\[\]\s]+|\s+)", re.I)
PROSE_MIN_WORDS = 6
MEMBER_ROLE = re.compile(r"\b(?:council+ors?|councilmembers?|members?|cabinet|mayor|aldermen|alderman|reeve|portfolio)\b", re.I)
NUMBERED = re.compile(r"^(?:\d{1,3}(?:\.\d{1,3}){0,2}[.):]?|\d{1,3}[a-z][.)]|\(\d{1,3}\))\s+")
SENTENCE = re.compile(r"\b(?:was|were|is|are|had|has|have|welcomed|opened|attended|declared|noted)\s+(?!present\b)[a-z]")
# A heading of some other list ("Disclosure of pecuniary interest:", "Committee Reports:") ends the attendance lists.
OTHER_LABEL = re.compile(r"^[A-Z][^:()]{2,50}:(?:\s|$)")
INITIALS_TAIL = re.compile(r"\s(?:[A-Z]\.?\s+){1,3}[A-Z][a-z'’][\w'’-]*$")
# "Mrs C Head": a title, initials and one word is a name even when the word is also a role word.
TITLED_INITIALS = re.compile(rf"^{TITLES}\s+(?:[A-Z]\.?\s*){{1,3}}\s[A-Z][\w'’-]+$")


def parse_attendance(blocks: list[Block]) -> Attendance:
    """Present, apologies and officers from the labelled lists before the first minute."""
    att = Attendance()
    _read(blocks, att, None)
    return att


def meeting_attendance(blocks: list[Block], texts: list[Block], start: int, headings: list) -> Attendance:
    """Attendance of one set of minutes: the lists between its heading and first minute, and the minutes that record it.

    ``blocks`` are the document's blocks (tables included), ``texts`` its text
    blocks, ``start`` the index in ``texts`` where the body starts and
    ``headings`` the minute headings (``extract.minutes.Heading``) over ``texts``.
    Only the first few minutes are read: a roll call or apologies come first.
    """
    ends = [h.index - 1 if h.uses_prev else h.index for h in headings] + [len(texts)]
    at = lambda i: texts[i] if i < len(texts) else None  # noqa: E731
    att = parse_attendance(_between(blocks, at(start), at(ends[0])) if start < ends[0] else [])
    for k, h in enumerate(headings[:ATTENDANCE_MINUTES]):
        if ATTENDANCE_MINUTE.search(h.title):
            first = h.index + (2 if h.uses_next else 1)
            minute_attendance(h.title, _between(blocks, at(first), at(ends[k + 1])) if first < ends[k + 1] else [], att)
    return att


def _between(blocks: list[Block], first: Block | None, stop: Block | None) -> list[Block]:
    """The blocks from ``first`` up to ``stop`` (found by identity), tables included."""
    out, on = [], False
    for b in blocks:
        if b is stop:
            break
        on = on or b is first
        if on:
            out.append(b)
    return out


def minute_attendance(title: str, blocks: list[Block], att: Attendance) -> None:
    """Attendance recorded inside a minute (``Apologies``, ``Roll call``, ``Introductions``).

    The heading's own words after its title may carry names (``Apologies
    Councillor Cresswell``); a bare list of names under an apologies minute
    is a list of apologies.
    """
    role = "apologies" if re.match(r"^(?:apolog|absen|regrets)", title.strip(), re.I) else None
    if role:
        # A bold line under the heading is the next heading, not a name (layouts the reader could not split).
        blocks = [b for b in blocks if not (b.bold and b.kind == "text" and not ATTENDANCE_LABEL.match(b.text.strip()))]
    _read([Block(kind="text", text=title), *blocks], att, role)


def minuted_apologies(text: str, meeting: Meeting) -> None:
    """Apologies recorded as a sentence in a minute (``Apologies were received from …``)."""
    m = APOLOGIES_FROM.search(text)
    if m:
        _add_people(meeting.attendance, _people(m.group("names"), "apologies"))


def _read(blocks: list[Block], att: Attendance, role: str | None) -> None:
    """Walk the lines, keeping the role of the last label, and add each list's names to ``att``."""
    state = {"role": role, "buffer": []}

    def flush():
        if state["buffer"] and state["role"] in ("present", "apologies", "officers"):
            _add_people(att, _people(_join(state["buffer"]), state["role"]))
        elif state["buffer"] and state["role"] == "also":
            _add(att, "officers", _staff_also_present(_join(state["buffer"])))
        state["buffer"] = []

    for line in _lines(blocks):
        if isinstance(line, list):  # a table row
            flush()
            state["role"] = _row(line, att, state["role"])
            continue
        if SECTION_BREAK.match(line):
            flush()
            state["role"] = None
            continue
        apology = APOLOGIES_FROM.search(line)
        if apology and not ATTENDANCE_LABEL.match(line):
            flush()
            _add_people(att, _people(apology.group("names"), "apologies"))
            continue
        arrived = ARRIVED.match(line)
        if arrived:
            _arrived(att, arrived.group("name"))
            continue
        numbered = NUMBERED.match(line)
        if numbered:
            flush()  # a numbered paragraph ends the lists, unless it is an attendance label ("19.05.03 Apologies")
            state["role"] = None
            line = line[numbered.end():] if ATTENDANCE_LABEL.match(line[numbered.end():]) else line
        for part in _split_embedded(line):
            m = ATTENDANCE_LABEL.match(part)
            if m:
                flush()
                state["role"] = _role(m)
                part = m.group("rest").strip()
                plural = PLURAL_TITLE.match(_label_text(m))
                if plural and part and not TITLE_AT_START.match(part) and not PLURAL_TITLE.match(part):
                    part = f"{plural.group('plural')} {part}"  # "Councillors present: Dune, Moss"
            elif state["role"] == "officers" and _service_area(part):
                part = part.split(":", 1)[1].strip()  # "Children's Services: R Tate, M Quaye"
            elif _prose(part) or LIST_END.match(part) or (OTHER_LABEL.match(part) and not PLURAL_TITLE.match(part)):
                flush()
                state["role"] = None
                continue
            roll = ROLL_ENTRY.match(part)
            if roll and _name_like(roll.group("name"), single=True):
                _add(att, STATUS[roll.group("status").lower()], [roll.group("name")])
            elif part and state["role"]:
                state["buffer"].append(part)
    flush()
    _officers_are_not_members(att)


def _split_embedded(line: str) -> list[str]:
    """The line cut before each label run into it, outside brackets; a label that starts the line is kept whole."""
    head = ATTENDANCE_LABEL.match(line)
    start = len(line) - len(head.group("rest")) if head else 0
    parts, last, depth, seen = [], 0, 0, start
    for m in EMBEDDED_LABEL.finditer(line, start):
        depth += _depth(line[seen:m.start()])
        seen = m.start()
        if depth <= 0:
            parts.append(line[last:m.start()])
            last = m.end()
    parts.append(line[last:])
    return [p for p in parts if p.strip()]


def _lines(blocks: list[Block]):
    """Text lines (a line with an open bracket joined to the next ones) and table rows."""
    pending = ""
    for b in blocks:
        if b.kind == "table" and b.table is not None:
            if pending:
                yield pending
                pending = ""
            for row in b.table.rows:
                cells = [re.sub(r"\s+", " ", c or "").strip() for c in row]
                if any(cells):
                    yield cells
            continue
        if b.kind != "text":
            continue
        text = re.sub(r"\s+", " ", b.text).strip()
        pending = f"{pending} {text}".strip() if pending else text
        if _depth(pending) > 0 and len(pending) < 2000:
            continue
        yield pending
        pending = ""
    if pending:
        yield pending


def _depth(text: str) -> int:
    return text.count("(") - text.count(")")


def _join(parts: list[str]) -> str:
    """One list from the lines under a label: a line that ends mid-list runs on, else the line ends an entry."""
    out = parts[0]
    for nxt in parts[1:]:
        runs_on = re.search(r"(?:[,&/\-–]|\band|\bof)$", out, re.I) or nxt[:1].islower() or nxt[:1] in "()"
        out = f"{out} {nxt}" if runs_on else f"{out}; {nxt}"
    return out


def _service_area(line: str) -> bool:
    """``Children's Services: R Tate``: a department heading the officers who serve it."""
    if not OTHER_LABEL.match(line):
        return False
    label = line.split(":", 1)[0]
    lower = [w for w in label.split() if w[:1].islower() and w not in ("and", "of", "&")]
    return _is_role(label) and not COMMITTEE_WORDS.search(label) and not lower


def _label_text(m: re.Match) -> str:
    return m.string[:m.start("rest")].strip(" :-–—")


def _role(m: re.Match) -> str:
    for i, style in enumerate(LABELS):
        if m.group(f"l{i}") is not None:
            return style.expect["role"]
    return "present"


def _prose(text: str) -> bool:
    """A sentence, not a list: most of its words start in lower case, or it says what people did."""
    words = re.sub(r"\([^)]*\)", "", text).split()
    lower = sum(1 for w in words if w[:1].islower() and w not in ("and", "of", "the", "for", "&"))
    return (len(words) >= PROSE_MIN_WORDS and lower * 2 > len(words)) or bool(SENTENCE.search(text))


def _row(cells: list[str], att: Attendance, role: str | None) -> str | None:
    """One table row: a label, roll-call entries (``Name | Present``), or a person with a role."""
    filled = [c for c in cells if c and c not in "-–—"]
    if not filled or any(VOTE.match(c) for c in filled):
        return role
    m = ATTENDANCE_LABEL.match(filled[0])
    if m:
        role = _role(m)
        filled = [m.group("rest").strip(), *filled[1:]]
        filled = [c for c in filled if c]
    pending = None
    entries = []
    for cell in filled:
        status = STATUS.get(cell.lower().rstrip(".:"))
        roll = ROLL_ENTRY.match(cell)
        if status and pending:
            entries.append((pending, status))
            pending = None
        elif roll and _name_like(roll.group("name"), single=True):
            entries.append((roll.group("name"), STATUS[roll.group("status").lower()]))
        elif _name_like(cell, single=True) and not status:
            pending = cell if pending is None else pending
    if entries:
        for name, status in entries:
            _add(att, status, [name])
        return role
    if role not in ("present", "apologies", "officers"):
        return role
    arrived = ARRIVED.match(filled[0]) if filled else None
    if arrived:
        _arrived(att, arrived.group("name"))
        return role
    # The first cell is the person ("Cllr Ann Lowe | Ward Councillor", "Inspector Bo Kirk | Police"), or a list
    # of them, unless, title aside, it is a role with the person after it ("Director, Finance | Ann Lowe").
    named_after = any(_name_like(_untitled(c)) and not _is_role(c) for c in filled[1:])
    if filled and (re.search(r"[,;]|\s(?:and|&)\s", filled[0]) or PLURAL_TITLE.match(filled[0])) \
            and not (named_after and _is_role(filled[0])):
        _add_people(att, _people(filled[0], role))  # a list of names in one cell
        return role
    names = [c for i, c in enumerate(filled) if _name_like(_untitled(c))
             and not (_is_role(c) if i else named_after and _is_role(_untitled(c)))]
    roles = [c for c in filled if c not in names]
    target = "officers" if role == "present" and any(_outsider(r) for r in roles) else role
    if names:
        _add(att, target, names)
    elif filled:
        _add_people(att, [(target, name) for _, name in _people(filled[0], role)])
    return role


def _staff_also_present(text: str) -> list[str]:
    """Among those "also present", the staff printed with their post (``City Clerk Bo Li``); members are not listed."""
    names = []
    for seg in _split_top(text):
        if _is_role(_words_only(seg)) and not MEMBER_ROLE.search(seg):
            names.extend(_names_in(seg, "officers"))
    return names


def _add(att: Attendance, role: str, names: list[str]) -> None:
    got = getattr(att, role)
    for name in names:
        if name not in got:
            got.append(name)


def _add_people(att: Attendance, people: list[tuple[str, str]]) -> None:
    for role, name in people:
        _add(att, role, [name])


def _arrived(att: Attendance, name: str) -> None:
    """A member marked absent who arrives later was present."""
    key = _key(name)
    for person in list(att.apologies):
        if _key(person) == key:
            att.apologies.remove(person)
            _add(att, "present", [person])


def _key(name: str) -> str:
    words = re.sub(r"\([^)]*\)", "", _untitled(name)).replace(".", " ").split()
    return words[-1].lower() if words else ""


def _officers_are_not_members(att: Attendance) -> None:
    """A person listed among the officers is not a member, even when printed in the chair."""
    officers = {_key(o) + _initial(o) for o in att.officers}
    att.present[:] = [p for p in att.present if _key(p) + _initial(p) not in officers or not _initial(p)]


def _initial(name: str) -> str:
    words = re.sub(r"\([^)]*\)", "", _untitled(name)).replace(".", " ").split()
    return words[0][0].lower() if len(words) > 1 else ""


def _split_top(text: str) -> list[str]:
    """Split a list of people on commas, semicolons and ``and`` outside brackets, and after a role in brackets.

    One pass over the text's tokens, so the time is linear in its length.
    """
    parts, cur, depth = [], [], 0
    tokens = list(TOKEN.finditer(text))
    for i, tok in enumerate(tokens):
        kind = tok.lastgroup
        if kind == "open":
            depth += 1
        elif kind == "close":
            depth = max(0, depth - 1)
            cur.append(tok.group())
            nxt = tokens[i + 2] if i + 2 < len(tokens) else None
            if depth == 0 and nxt is not None and tokens[i + 1].group().isspace() and nxt.group()[:1].isupper():
                parts.append("".join(cur))  # "A Bell (Chair) C Dunn": a bracketed role ends an entry
                cur = []
            continue
        if depth == 0 and kind in ("join", "sep"):
            parts.append("".join(cur))
            cur = []
            continue
        cur.append(tok.group())
    parts.append("".join(cur))
    return [p.strip(" .:") for p in parts if p.strip(" .:")]


def _untitled(text: str) -> str:
    return TITLE_AT_START.sub("", text.strip())


def _words(text: str) -> list[str]:
    return re.sub(r"\([^)]*\)", " ", text).replace("’", "'").split()


def _is_role(text: str) -> bool:
    """Words of a job, department or body rather than a person."""
    words = [w.strip(".,:;").lower() for w in _words(text)]
    parts = [p for w in words for p in re.split(r"[-/]", w) if p]
    acronym = any(w.strip(".,:;").isupper() and len(w.strip(".,:;")) >= 3 for w in _words(text))
    return bool(COMMITTEE_WORDS.search(text)) or acronym or any(p in ROLE_WORDS for p in parts)


def _outsider(role_text: str) -> bool:
    """A role naming another body: a principal council's councillor or the police at a community council."""
    return bool(COMMITTEE_WORDS.search(role_text) or re.search(r"\bpolice\b", role_text, re.I))


def _name_like(text: str, single: bool = False) -> bool:
    """A person's name: capitalised words and initials (one word only where ``single``), not a heading in capitals."""
    words = _words(text)
    if not words or len(words) > 6 or (len(words) == 1 and not single):
        return False
    if any(not (w[:1].isupper() or w.lower() in PARTICLES) for w in words):
        return False
    if any(w.strip(".,").lower() in HONOURS for w in words[1:]) or words[0].lower() in HONOURS:
        return False
    long_words = [w for w in words if len(w.strip(".'")) > 1]
    if long_words and all(w.isupper() for w in long_words):
        return False
    return not COMMITTEE_WORDS.search(" ".join(words)) and not re.search(r"\d", text)


def _people(text: str, role: str) -> list[tuple[str, str]]:
    """``(role, name)`` per person; ``Councillors A, B and C`` gives each their title.

    A person listed as present whose role names another body (``- Argyll
    Council``, ``- Police``) attends as an officer would, not as a member.
    """
    people: list[tuple[str, str]] = []
    plural = None
    text = re.sub(r"(?<=\w)- (?=[A-Z])", "-", text)  # "Crow- Brown": a name hyphenated at a line end
    for seg in _split_top(text):
        entry, rest = _role_after_dash(RELATIVE.sub("", seg))
        target = "officers" if role == "present" and rest and _outsider(rest) else role
        for piece in RUN_SPLIT.split(entry):
            piece = _strip_honours(piece.strip(" .:"))
            pm = PLURAL_TITLE.match(piece)
            if pm:
                plural = PLURAL_TITLES[pm.group("plural").lower()]
                piece = piece[pm.end():].strip()
                piece = f"{plural} {piece}" if piece else ""
            elif TITLE_AT_START.match(piece):
                pass  # "Councillors A, Cmhlr. B, C": the list's title still applies after a name with its own
            elif plural and _name_like(piece, single=True) and not _is_role(piece):
                piece = f"{plural} {piece}"
            people.extend((target, name) for name in _names_in(piece, role) if piece)
    return people


def _role_after_dash(entry: str) -> tuple[str, str]:
    """``C Lyne - Acting Chairperson``: the name and the role printed after a dash outside brackets."""
    for m in re.finditer(r"\s+[-–—]+\s+", entry):
        if _depth(entry[:m.start()]) <= 0:
            return entry[:m.start()].strip(), entry[m.end():].strip()
    return entry.strip(), ""


def _names_in(piece: str, role: str) -> list[str]:
    """The person (or people) one list entry names, its role words dropped."""
    bracket = re.search(r"\(([^)]*)\)", piece)
    if TITLED_INITIALS.match(_words_only(piece)):
        return [_words_only(piece) if role == "officers" else piece]
    if role == "officers" and bracket and re.fullmatch(r"[A-Z][\w'’-]+", _words_only(piece)) and _is_role(bracket.group(1)):
        return [_words_only(piece)]  # "McKay (Acting Chief Accountant)": a surname alone, its post in brackets
    tail = INITIALS_TAIL.search(_words_only(piece))
    if role == "officers" and tail and tail.start() > 0:
        return [tail.group().strip()]  # "Education and Children F Parlken": a service area before the name
    if bracket and role == "officers":
        inner = bracket.group(1)
        inner_people = [n for s in _split_top(inner) for n in _names_in(_pluralised(s, inner), role)]
        if inner_people and TITLE_AT_START.match(inner.strip()) or inner_people and not _is_role(inner):
            return inner_people
    titled = TITLE_AT_START.match(piece)
    title = titled.group().strip() if titled else ""
    body = piece[titled.end():] if titled else piece
    outside = re.sub(r"\s*\([^)]*\)", "", body).strip()
    if _is_role(outside):
        name = _around_role(outside)
        if not name:
            return []
        body = name if role == "officers" else body.replace(outside, name, 1)
    elif role == "officers":
        body = outside
    lead = re.match(r"^(?:[A-Z][\w'’.-]*\s+){1,4}?(?=(?:who|which|as|was|were|in|for|on|to|by)\s)", body + " ")
    if lead and role != "officers" and not _name_like(_words_only(body), single=bool(title)):
        body = lead.group().strip()  # "Nancy Sayer who was substituted by …"
    if _name_like(_words_only(body), single=bool(title)) or (title and _name_like(body, single=True)):
        if not title and len(_words(body)) in (4, 6) and _plain(body):
            w = _words(body)
            return [" ".join(w[i:i + 2]) for i in range(0, len(w), 2)]
        return [f"{title} {body}".strip()]
    return []


def _pluralised(segment: str, whole: str) -> str:
    """``Messrs. S. Nash and J. Sheehan``: the names after a plural title take its singular."""
    pm = PLURAL_TITLE.match(whole.strip())
    if pm and not PLURAL_TITLE.match(segment.strip()) and not TITLE_AT_START.match(segment.strip()):
        return f"{PLURAL_TITLES[pm.group('plural').lower()]} {segment}"
    if pm and PLURAL_TITLE.match(segment.strip()):
        return PLURAL_TITLES[pm.group("plural").lower()] + " " + segment.strip()[pm.end():]
    return segment


def _words_only(text: str) -> str:
    return re.sub(r"\s*\([^)]*\)", "", text).strip()


def _plain(text: str) -> bool:
    """Whole capitalised words only (no initials, particles or brackets): names run together without commas."""
    return all(len(w) > 2 and w[0].isupper() and w[1:].islower() for w in _words(text)) and "(" not in text


def _around_role(text: str) -> str:
    """The name beside the role words in an entry: after the last (``Fire Chief Will Bateman``) or before the first."""
    words = text.split()
    flags = [_is_role(w) or (w.isupper() and len(w) > 1) for w in words]
    last = max(i for i, f in enumerate(flags) if f)
    after = " ".join(words[last + 1:])
    if after and _name_like(after):
        return after
    first = flags.index(True)
    if COMMITTEE_WORDS.fullmatch(words[first]) and first >= 2:
        first -= 1  # "J Todd Eden District": the word before a body word is the body's name
    before = " ".join(words[:first])
    return before if before and _name_like(before) else ""


def _strip_honours(piece: str) -> str:
    words = piece.split()
    while len(words) > 1 and words[-1].strip(".,").lower() in HONOURS:
        words.pop()
    return " ".join(words)
