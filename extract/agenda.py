"""Agendas: whether a document is one, the meeting it summons, and its numbered items.

The printed layouts (headings, front-sheet labels, item numbering, page
ranges, contact fields) are data in ``styles/agenda.py``; this module reads a
document's lines with them. The front sheet is everything before the first
item: the meeting's committee, date, time and place are read there, so a
date printed after the items (the publication date) or in a covering
letter's contact block is never taken for the meeting's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from minutebook.extract.dates import find_dates, parse_date, parse_time
from minutebook.extract.styles import agenda as S
from minutebook.extract.styles.vocab import COMMITTEE_WORDS, WEEKDAY
from minutebook.extract.styles.vocab import collapse as _collapse
from minutebook.model import AgendaItem, Block, Document, Meeting

LEAD = re.compile(r"^[•·▪‣◦●○■□➢►✓*-]\s*")
SUB_ITEM = re.compile(r"^\(?(?P<n>[a-z]{1,2}|[ivx]{1,4})[.)]\s+(?P<text>.+)$")
OFFICER = re.compile(r"^(?:(?:joint\s+)?report|briefing note|verbal (?:report|update)|presentation)\s+(?:of|by|from)\b", re.I)
PRIVATE = re.compile(
    r"^(?:private|confidential|exempt)\s+(?:business|items?|information|reports?)\b|^part\s+(?:b|2|ii)\b", re.I
)
PUBLIC = re.compile(r"^(?:public|unrestricted|open)\s+(?:business|items?|reports?)\b|^part\s+(?:a|1|i)\b", re.I)
# Superscript ordinals the PDF text layer sets as a line of their own.
ORDINALS = re.compile(r"^(?:st|nd|rd|th)(?:\s+(?:st|nd|rd|th|of))*$", re.I)
# A sentence ends at a full stop after a word (not an initial or a title's abbreviation).
SENTENCE_END = re.compile(r"(?P<word>[A-Za-z]+)[.!?]\s+(?=[A-Z\"“‘(\[])")
ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "st", "no", "nos", "cllr", "rev", "prof", "co", "ltd", "inc", "vs", "etc", "approx", "ref"}
ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50}
MINUTES_CUE = re.compile(r"^(?:minutes|(?:members\s+)?present)\b\s*:?\s*$|^(?:members\s+)?present\s*:", re.I)
SALUTATION = re.compile(r"^dear\b", re.I)
HELD_CUE = re.compile(r"\b(?:held|meets?|meeting|convene[sd]?)\b", re.I)
WHOLE_COUNCIL = re.compile(r"^(?:council|authority|district|township|assembly|trust)$", re.I)
WEEKDAY_AT = re.compile(rf"^{WEEKDAY}", re.I)
DATE_OR_MEETING_TAIL = re.compile(
    rf"\s+[-–—‐]\s+(?:(?:{WEEKDAY}|\d).*|(?:[\w‐-]+\s+){{0,2}}meeting)$|\s+(?:on|held)\s+(?:{WEEKDAY}|\d).*$", re.I
)


def _compiled(styles):
    return [(s, re.compile(s.pattern, s.flags)) for s in styles]


HEADINGS = _compiled(S.HEADINGS)
OTHER_DATES = _compiled(S.OTHER_DATES)
PLACES = _compiled(S.PLACES)
CONTACTS = _compiled(S.CONTACTS)
ITEMS = _compiled(S.ITEMS)
TRAILERS = _compiled(S.TRAILERS)
LABELS = [(s, re.compile(rf"^(?:{s.pattern})\s*(?::\s*(?P<rest>.*))?$", re.I)) for s in S.LABELS]
# Any front-sheet label, for callers that only skip labelled lines.
FRONT_LABEL = re.compile(
    r"^(?P<label>" + "|".join(f"(?:{s.pattern})" for s in S.LABELS) + r")\s*(?::\s*(?P<rest>.*))?$", re.I
)
MINUTES_OF_MEETING = re.compile(
    r"\bminutes\b.{0,80}?\bmeeting\b.{0,40}?\b(?:held\s+on|held|on|of|dated)\b(?P<after>.{0,60})", re.I
)


@dataclass
class _Line:
    """One line an agenda is read by: a paragraph, a running line, or a table row (cells joined by ``|``)."""

    text: str
    block: Block


def _lines(blocks: list[Block]) -> list[_Line]:
    lines = []
    for b in blocks:
        if b.kind in ("text", "furniture") and b.text.strip():
            text = LEAD.sub("", b.text.strip())
            if not ORDINALS.match(text):
                lines.append(_Line(text, b))
        elif b.kind == "table" and b.table is not None:
            for row in b.table.rows:
                cells = [_collapse(c) for c in row]
                while cells and not cells[0]:
                    cells.pop(0)
                if cells:
                    lines.append(_Line(" | ".join(cells), b))
    return lines


# Items


def _number(num: str, style: str = "") -> int:
    """The value of an item number: ``4``, ``4.0``, a Roman ``IV`` or, in the lettered style, ``C``."""
    if num[:1].isdigit():
        return int(num.split(".")[0])
    if style == "letter":
        return ord(num.upper()) - ord("A") + 1
    values = [ROMAN[c] for c in num.lower()]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def _item_run(lines: list[_Line]) -> list[tuple[int, re.Match, str]]:
    """The agenda's items as ``(line, match, number)``: for each numbering style, the run of numbers that
    rises from the first ``1`` (or the first number, for a supplement that
    lists one item); the style with the longest run wins, or an outline of
    sections with items numbered under each (``_outline``) when it holds more.

    A running line counts only as the very next number (a repeated item line
    the reader took for a header); a number gap of up to three is a withdrawn item.
    """
    best: list[tuple[int, re.Match, str]] = []
    hits_by_style: dict[str, list[tuple[int, re.Match, int]]] = {}
    runs: dict[str, list[tuple[int, re.Match, str]]] = {}
    for style, rx in ITEMS:
        hits = []
        for k, line in enumerate(lines):
            m = rx.match(line.text)
            if m and not _is_date_line(line.text) and (m.group("title") or k + 1 < len(lines)):
                hits.append((k, m, _number(m.group("num"), style.name)))
        hits_by_style[style.name] = hits
        run = _rising(hits, lines)
        runs[style.name] = run
        if len(run) > len(best):
            best = run
    for name in S.OUTLINE_SECTIONS:
        outline = _outline(runs.get(name, []), hits_by_style[S.OUTLINE_ITEMS], lines)
        if len(outline) > len(best):
            best = outline
    return best


def _rising(hits: list[tuple[int, re.Match, int]], lines: list[_Line], first: int = 0, stop: int | None = None) -> list[tuple[int, re.Match, str]]:
    """The run of ``hits`` (lines ``first`` up to ``stop``) whose numbers rise from the first 1, or the first number."""
    hits = [h for h in hits if first <= h[0] and (stop is None or h[0] < stop)]
    start = next((h for h in hits if h[2] == 1), None) or next((h for h in hits if h[2] < 40 and lines[h[0]].block.kind != "furniture"), None)
    if start is None:
        return []
    run = [(start[0], start[1], start[1].group("num"))]
    expected = start[2] + 1
    for k, m, n in hits:
        if k <= start[0]:
            continue
        ok = n == expected if lines[k].block.kind == "furniture" else expected <= n <= expected + 3
        if ok:
            run.append((k, m, m.group("num")))
            expected = n + 1
    return run


def _outline(sections: list[tuple[int, re.Match, str]], numbered: list[tuple[int, re.Match, int]], lines: list[_Line]) -> list:
    """Sections (``D. CONSENT AGENDA``) with the items numbered from 1 under each (``D.1``, ``D.2``), when at
    least two sections number their own items; else nothing."""
    if len(sections) < 3:
        return []
    out: list[tuple[int, re.Match, str]] = []
    restarts = 0
    for (k, m, sec), nxt in zip(sections, sections[1:] + [None]):
        out.append((k, m, sec))
        under = _rising(numbered, lines, k + 1, nxt[0] if nxt else None)
        if under and _number(under[0][2]) == 1:
            restarts += 1
            out += [(j, mm, f"{sec}.{num}") for j, mm, num in under]
    return out if restarts >= 2 else []


def _is_date_line(text: str) -> bool:
    """``12 March 2031 …`` starts with a date, not an item number."""
    found = find_dates(text[:30])
    return bool(found) and found[0][0] == 0


def split_title(text: str) -> tuple[str, int | None, int | None]:
    """An item's printed title without its page range, per-item time or
    further sentences, and the page range."""
    start = end = None
    title = text
    changed = True
    while changed:
        changed = False
        for _, rx in TRAILERS:
            m = rx.search(title)
            if not m:
                continue
            if "a" in rx.groupindex and m.group("a") and start is None:
                start = int(m.group("a"))
                end = int(m.group("b")) if m.group("b") else start
            title = (title[: m.start()] + " " + title[m.end():]).strip()
            changed = True
    title = title.split(" | ")[0]
    for m in SENTENCE_END.finditer(title):
        word = m.group("word")
        if len(word) > 1 and word.lower() not in ABBREVIATIONS and not word.isupper():
            title = title[: m.end("word")]
            break
    return _tidy(title), start, end


def parse_agenda_items(doc: Document) -> list[AgendaItem]:
    """Top-level numbered items with their printed page ranges, sub-items and officer lines."""
    lines = _lines(doc.blocks)
    run = _item_run(lines)
    at = {k: (m, num) for k, m, num in run}
    items: list[AgendaItem] = []
    private = False
    title_lines = {k + 1 for k, m, _ in run if not m.group("title")}
    for k, line in enumerate(lines):
        text = line.text
        if k in at:
            m, num = at[k]
            printed = m.group("title") or (lines[k + 1].text if k + 1 in title_lines and k + 1 not in at else "")
            title, start, end = split_title(printed)
            items.append(AgendaItem(num, title, start, end, private=private))
            continue
        if k in title_lines:
            continue
        if line.block.kind == "furniture":
            continue
        if PRIVATE.match(text):
            private = True
            continue
        if PUBLIC.match(text):
            private = False
            continue
        if not items:
            continue
        sub = SUB_ITEM.match(text)
        if sub:
            items[-1].sub_items.append(sub.group("text").strip())
        elif OFFICER.match(text) and items[-1].officer is None:
            items[-1].officer = text.rstrip(".")
    return items


def _tidy(title: str) -> str:
    return re.sub(r"\s+", " ", title).strip(" .:-–")


# The front sheet


def agenda_meeting(doc: Document) -> Meeting:
    """The meeting an agenda front sheet summons."""
    lines = _lines(doc.blocks)
    run = _item_run(lines)
    front = lines[: run[0][0]] if run else lines[:40]
    item_rows = {k for k, _, _ in run}
    date, time, place = _when_where(front)
    if date is None:
        # A two-column letter can read its date after the items: take the first page's lines, items aside.
        first_page = lines[0].block.page if lines else None
        date = _when_where([ln for k, ln in enumerate(lines) if k not in item_rows and ln.block.page == first_page])[0]
    if place is None:
        # A footer or closing note ("Meetings are held in person at …") outside the items.
        place = _place_sentence([ln.text for k, ln in enumerate(lines) if k not in item_rows and not SUB_ITEM.match(ln.text)])
    date = date or doc.date
    meeting = Meeting(
        committee=_committee(front) or doc.title,
        date=date,
        time=time,
        place=place,
        source_role="agenda",
        document=doc.id,
        agenda_items=parse_agenda_items(doc),
    )
    meeting.refers_to_meetings = referred_meetings([b for b in doc.blocks if b.kind == "text" and b.text.strip()], date)
    return meeting


def _heading(text: str) -> tuple[bool, str | None]:
    """Whether ``text`` heads an agenda, and the committee it names."""
    for _, rx in HEADINGS:
        m = rx.search(text)
        if m:
            named = m.groupdict().get("committee")
            return True, _clean_committee(named) if named else None
    return False, None


def _committee(front: list[_Line]) -> str | None:
    """The body the agenda summons: named by a heading or summons sentence,
    else the first short line that names a body."""
    for line in front:
        _, named = _heading(line.text)
        if named:
            return named
    named = [
        ln.text
        for ln in front
        if len(ln.text.split()) <= 12
        and COMMITTEE_WORDS.search(ln.text)
        and "@" not in ln.text
        and not re.match(r"^(?:to|dear|members?(?:hip)?|copy|cc|from)\b", ln.text, re.I)
        and not _contact(ln.text)
    ]
    # A letterhead names the council; a committee's own line below it names the meeting's body.
    own = next((t for t in named if any(not WHOLE_COUNCIL.match(w) for w in COMMITTEE_WORDS.findall(t))), None)
    return _clean_committee(own or named[0]) if named else None


def _clean_committee(text: str) -> str | None:
    """A committee name without a date, weekday or meeting type glued after it."""
    text = DATE_OR_MEETING_TAIL.sub("", _collapse(text))
    dates = find_dates(text)
    if dates:
        text = text[: dates[0][0]]
    text = text.strip(" ,.-–—‐:")
    return text or None


def _contact(text: str) -> bool:
    return bool(S.CONTACT_LABEL.match(text))


def _strip_contacts(text: str) -> str:
    """A line without the contact fields a two-column front sheet interleaves into it."""
    for _, rx in CONTACTS:
        text = rx.sub(" ", text)
    return _collapse(re.sub(r"\([^()]*\)", " ", text))


def _labelled(texts: list[str]):
    """``(index, field, value)`` for each labelled line; a label alone on its line takes the next line as its value."""
    for i, text in enumerate(texts):
        field, value = _label(text)
        if field is None:
            continue
        if value == "" and i + 1 < len(texts):
            value = texts[i + 1]
        yield i, field, value


def _label(text: str) -> tuple[str | None, str | None]:
    """The field a labelled line gives and its value on the line (``""`` when on the next line)."""
    for style, rx in LABELS:
        m = rx.match(text)
        if m:
            return style.expect["field"], m.group("rest") or ""
    return None, None


def _letter_date(front: list[_Line], i: int) -> bool:
    """A ``Date:`` line among a covering letter's contact lines dates the letter."""
    near = front[max(0, i - 2) : i + 3]
    letter = any(SALUTATION.match(ln.text) for ln in front)
    return letter and any(_contact(ln.text) for ln in near if ln is not front[i])


def _other_date(before: str) -> bool:
    return any(rx.search(before) for _, rx in OTHER_DATES)


def _when_where(front: list[_Line]) -> tuple[str | None, str | None, str | None]:
    """Date, time and place of the meeting from its front sheet.

    Every date before the first item is a candidate; the meeting's is the one
    labelled as the date or said to be when the meeting is held, then one
    printed with a start time, then one with its weekday; a date after
    ``Amended``/``Published``/``Filed`` is not, and a covering letter's own
    date only when there is no other.
    """
    texts = [ln.text for ln in front]
    fields: dict[str, str] = {}
    for i, field, value in _labelled(texts):
        if field in ("date", "when") and _letter_date(front, i):
            continue
        fields.setdefault(field, value)
    best: tuple[int, int] | None = None
    date = None
    date_line = None
    for i, text in enumerate(texts):
        field, _ = _label(text)
        labelled = field in ("date", "when") or (i and _label(texts[i - 1])[0] in ("date", "when") and _label(texts[i - 1])[1] == "")
        for off, iso in find_dates(text):
            if _other_date(text[max(0, off - 40) : off]):
                continue
            # The letter's own date, only when the sheet gives no other.
            score = -10 if field in ("date", "when") and _letter_date(front, i) else 0
            if labelled or (HELD_CUE.search(text[:off]) and "minutes" not in text[:off].lower()):
                score += 4
            if parse_time(text):
                score += 2
            if WEEKDAY_AT.match(text[off:]):
                score += 1
            if best is None or score > best[0]:
                best, date, date_line = (score, i), iso, i
    date = date or (parse_date(fields["date"]) if "date" in fields else None)
    time = _time(texts, date_line, fields)
    place = _place(texts, date_line, fields)
    return date, time, place


def _time(texts: list[str], date_line: int | None, fields: dict[str, str]) -> str | None:
    if date_line is not None and parse_time(texts[date_line]):
        return parse_time(texts[date_line])
    for field in ("time", "when"):
        if field in fields and parse_time(fields[field]):
            return parse_time(fields[field])
    for text in texts:
        t = parse_time(text)
        if t and not find_dates(text) and not _other_date(text) and not _contact(text):
            return t
    return None


def _place(texts: list[str], date_line: int | None, fields: dict[str, str]) -> str | None:
    if fields.get("place"):
        return _collapse(fields["place"])
    order = ([date_line] if date_line is not None else []) + [i for i in range(len(texts)) if i != date_line]
    found = _place_sentence([_strip_contacts(texts[i]) for i in order])
    if found:
        return found
    if date_line is not None:
        for text in texts[date_line + 1 : date_line + 3]:
            if S.VENUE_WORDS.search(text) and len(text.split()) <= 16 and not find_dates(text) and not _heading(text)[0]:
                return _collapse(text)
    return None


def _place_sentence(texts: list[str]) -> str | None:
    for text in texts:
        for _, rx in PLACES:
            m = rx.search(text)
            if m and S.VENUE_WORDS.search(m.group("place")):
                return m.group("place").strip(" ,.")
    return None


def front_labels(texts: list[Block]) -> tuple[str | None, str | None, str | None]:
    """Date, time and place from ``Date``/``Time``/``Venue`` labelled lines near the top."""
    date = time = place = None
    for _, field, value in _labelled([b.text.strip() for b in texts[:30]]):
        if field == "place":
            place = place or _collapse(value) or None
            continue
        if field in ("date", "when"):
            date = date or parse_date(value)
        time = time or parse_time(value)
    return date, time, place


def _year(iso: str | None) -> int | None:
    return int(iso[:4]) if iso else None


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
                earlier = find_dates(after, _year(date) - 1)
                if not earlier:
                    continue  # "29 February" before a meeting early in a leap year: no such day the year before
                iso = earlier[0][1]
            if iso != date and iso not in found:
                found.append(iso)
    return found


# Recognition


def looks_like_agenda(texts: list[Block]) -> bool:
    """A front sheet: an agenda heading or summons before the first item, or
    when/where labels above an 'Apologies' item, or a meeting's date and start
    time above a numbered list (an OCR'd sheet may lose its heading); never a sheet that records who was present."""
    lines = _lines(texts[:200])
    run = _item_run(lines)
    head = lines[: run[0][0]][:25] if run else lines[:14]
    if any(MINUTES_CUE.match(ln.text) for ln in head):
        return False
    if any(_heading(ln.text)[0] for ln in head):
        return True
    joined = " ".join(ln.text for ln in lines[:30]).lower()
    if any(_label(ln.text)[0] for ln in head) and "apologies" in joined:
        return True
    return len(run) >= 3 and any(find_dates(ln.text) for ln in head) and any(parse_time(ln.text) for ln in head)
