"""Meetings a file speaks for: the one an agenda summons, the ones minutes record.

Works on a document's paragraph blocks only, so PDF and text give the same
meetings. Agenda front sheets give committee, date, time, place and the
numbered items; minutes give the heading facts, attendance, numbered minutes
and every decision block in the house styles councils print them in.
"""

from __future__ import annotations

import re

from minutebook.extract.agenda import parse_agenda_items
from minutebook.extract.dates import find_dates, parse_date, parse_time
from minutebook.model import Attendance, Block, Document, Meeting, MinutesItem, Resolution, Source

WS = re.compile(r"\s+")
LEAD = re.compile(r"^(?:[•·▪‣◦●○■□➢►✓*]|-(?=\s))\s*")
WEEKDAY = r"(?:mon|tue|wed|thu|fri|sat|sun)"

# Agenda front sheet labels: the value is on the same line after a colon or on the next line.
FRONT_LABEL = re.compile(
    r"^(?P<label>time\s+and\s+date|date\s+and\s+time|date|time|place|venue|location)\s*(?::\s*(?P<rest>.*))?$", re.I
)
MINUTES_OF_MEETING = re.compile(
    r"\bminutes\b.{0,80}?\bmeeting\b.{0,40}?\b(?:held\s+on|held|on|of|dated)\b(?P<after>.{0,60})", re.I
)

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
COMMITTEE_WORDS = re.compile(r"\b(?:board|committee|cabinet|council|panel|forum|commission|partnership|sub-committee|executive)\b", re.I)

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
TITLES = r"(?:Councillors?|Cllrs?\.?|Aldermen|Alderman|Mr|Mrs|Ms|Miss|Mx|Dr|Prof(?:essor)?|Rev(?:erend)?|Sir|Dame|Lord|Lady)"
PLURAL_TITLE = re.compile(r"^(?:Councillors|Cllrs\.?|Aldermen)\s+", re.I)
RUN_SPLIT = re.compile(rf"\s+(?={TITLES}\s)")
INITIALS_NAME = re.compile(
    r"(?<![\w'’])(?:(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+)?(?:[A-Z]{1,2}\.?\s+){1,3}[A-Z][a-z'’][\w'’-]*(?:\s*\([^)]*\))?"
)
PARTICLES = {"de", "van", "von", "da", "der", "den", "le", "la", "du", "bin", "al", "di", "del", "mac", "o"}
SECTION_BREAK = re.compile(
    r"^(?:public|private|confidential|exempt)\s+(?:business|items?|information)\b|^part\s+(?:a|b|1|2|i|ii)\b", re.I
)
PRIVATE_BREAK = re.compile(r"^(?:private|confidential|exempt)\s+(?:business|items?|information)\b|^part\s+(?:b|2|ii)\b", re.I)

MINUTE = re.compile(r"^(?:minute\s+(?:no\.?\s*)?)?(?P<num>\d{1,4}(?:/\d{2,4})?[a-z]?)(?:[.:)]\s*|\s+)(?P<title>[A-Z‘'\"(].*)$")
CLOSED = re.compile(r"\b(?:meeting|proceedings)\s+(?:closed|ended|finished|terminated|concluded|rose)\s+at\s+(?P<t>.+)$", re.I)
DECLARATIONS = re.compile(r"\bdeclarations?\s+of\s+(?:\w+\s+)?interests?\b|\bdisclosures?\s+of\s+interests?\b", re.I)
APOLOGIES_MINUTE = re.compile(r"^apologies\b", re.I)
APOLOGIES_FROM = re.compile(r"\bapologies\b.{0,60}?\b(?:received|submitted|given|tendered)\s+(?:from|by|on\s+behalf\s+of)\s+(?P<names>.+?)\.?$", re.I)
DECLARED = re.compile(r"\b(?:interests?|declar\w*|disclos\w*)\b", re.I)
NIL = re.compile(r"^(?:there\s+(?:were|was)\s+no\b|no\s+(?:\w+\s+){0,3}(?:declarations|interests|disclosures)\b|none\b|nil\b)", re.I)

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
EXCLUSION = re.compile(r"\bexclu\w*\s+(?:of\s+)?the\s+press\s+and\s+(?:the\s+)?public\b|\bexempt\s+information\b|\bschedule\s+12a\b", re.I)
MINUTE_REF = re.compile(r"\bminutes?\s+(?:nos?\.?\s*)?(?P<nums>\d{1,4}[a-z]?(?:\s*(?:,|and|&)\s*\d{1,4}[a-z]?)*)(?!\s*(?:am|pm)\b)", re.I)

CLAUSE = re.compile(r"^\(?(?P<label>\d{1,2}|[a-z]|[ivx]{1,4}|[A-Z])(?P<close>[).])\s+(?P<text>\S.*)$")
BULLET = re.compile(r"^[•·▪‣◦●○■□➢►✓]\s*(?P<text>\S.*)$|^-\s+(?P<text2>\S.*)$")
ROMAN = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"]


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


def _collapse(text: str) -> str:
    return WS.sub(" ", text).strip()


def _year(iso: str | None) -> int | None:
    return int(iso[:4]) if iso else None


# Agenda front sheets


def agenda_meeting(doc: Document) -> Meeting:
    """The meeting an agenda front sheet summons."""
    texts = _texts(doc)
    date, time, place = _front_labels(texts)
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
    meeting.refers_to_meetings = _referred_meetings(texts, date)
    return meeting


def _front_labels(texts: list[Block]) -> tuple[str | None, str | None, str | None]:
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


def _referred_meetings(texts: list[Block], date: str | None) -> list[str]:
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


# Minutes


def minutes_meeting(doc: Document) -> Meeting:
    """The meeting a set of minutes records."""
    texts = _texts(doc)
    start, heading = _heading(texts)
    committee = _committee(heading, texts[:start]) or _title_committee(doc.title)
    label_date, label_time, label_place = _front_labels(texts[:start + 12])
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
    _attendance(body[:first], meeting)
    _minutes(body[first:], meeting)
    meeting.refers_to_meetings = _referred_meetings(body[first:], date)
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


def _attendance(blocks: list[Block], meeting: Meeting) -> None:
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
    meeting.attendance = att


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
        res, i = _decision(blocks, i, current)
        if res:
            meeting.resolutions.append(res)
            continue
        if current and APOLOGIES_MINUTE.search(current.title):
            _minuted_apologies(text, meeting)
        if current and DECLARATIONS.search(current.title) and DECLARED.search(text) and not NIL.match(text):
            meeting.declarations.append(_collapse(text))
        i += 1
    _mark_private(meeting)


def _minuted_apologies(text: str, meeting: Meeting) -> None:
    """Apologies recorded as a minute (``Apologies were received from …``) rather than a list."""
    m = APOLOGIES_FROM.search(text)
    if not m:
        return
    for person in _people(m.group("names")):
        if person not in meeting.attendance.apologies:
            meeting.attendance.apologies.append(person)


def _next_minute(num: str, current: MinutesItem | None) -> bool:
    """Minutes run in order: a heading's number follows the last one closely."""
    if current is None:
        return True
    n, last = _number(num), _number(current.number)
    return last < n <= last + 5


def _decision(blocks: list[Block], i: int, current: MinutesItem | None) -> tuple[Resolution | None, int]:
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
