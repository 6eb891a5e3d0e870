"""Split a file's blocks into its component documents.

An agenda pack is a front sheet, the previous minutes, reports or briefing
notes with appendices and a work programme, bound into one file. Each
component announces itself: an ``Agenda Item N`` stamp, a ``Briefing note``
title, ``Minutes of the Meeting of …``, an ``Appendix N`` cover, a large title
at the top of a page, a ``Work Programme`` heading. Blank filler pages end a
component. After a note's author and contact block, what follows is an
appendix.
"""

from __future__ import annotations

import re
import statistics

from rapidfuzz import fuzz

from minutebook.extract import patterns as P
from minutebook.extract.agenda import looks_like_agenda, parse_agenda_items
from minutebook.extract.dates import find_dates, parse_date
from minutebook.extract.decisions import decision_at
from minutebook.extract.minutes import minute_headings
from minutebook.extract.styles.vocab import BODY_WORDS, COMMITTEE_WORDS, MINUTES_STATUS, MONTH_NAME, WEEKDAY
from minutebook.model import Block, Document, Source

BLANK_PAGE = re.compile(r"^this page (?:is )?(?:intentionally|deliberately) (?:left )?blank\.?$", re.I)
NOTE_TITLE = re.compile(r"^(?:briefing note|briefing paper|information note|(?:cabinet |committee |officer |public |scrutiny )?report)\.?$", re.I)
MINUTES = re.compile(
    rf"\bminutes\s+of\s+(?:the\s+|a\s+)?(?:\w+\s+){{0,2}}(?:meeting|proceedings)\s+of\b|^(?:{MINUTES_STATUS}\s+)?minutes\s+(?:of|for)\b|^minutes$"
    r"|^minutes\s+(?:of\s+)?(?:the\s+)?(?:\w+\s+){0,3}(?:meeting|proceedings)\b"
    r"|\bminutes\s+of\s+(?:the\s+|a\s+|an\s+)?(?:[\w&'’-]+\s+){1,6}?(?:meeting|proceedings)\b",
    re.I,
)
# A title that ends in the word (a date may follow): "City Council Regular Meeting Minutes", "Planning Commission
# Minutes – March 3, 2031" (US and Canadian papers), naming a body (a project's "Design Meeting Minutes" are not a
# council's); an agenda item about earlier minutes ("Approval of Previous Minutes", "4. Minutes") is not one.
MINUTES_LAST = re.compile(
    rf"^(?!\d|[ivx]+\.\s|(?:approv|adopt|confirm|review|accept|receiv|previous|last|prior|draft)\w*\b)"
    rf"(?=.*\b(?:{BODY_WORDS})\b)(?:[\w&'’.,-]+\s+){{1,8}}minutes(?=\s*$|\s*[-–—,:]?\s+(?:{WEEKDAY}|{MONTH_NAME}|\d))",
    re.I,
)
# "Minutes of the last meeting to be circulated": a sentence about minutes, not a title.
SENTENCE_GOES_ON = re.compile(r"\s+(?:to\s+be|be|were|was|had|have|has|are|is|would|will)\b", re.I)
# Minutes that open with a sentence instead of a title: "A regular meeting of the X was held on …".
MEETING_HELD = re.compile(r"^(?:an?|the)\s+(?:[\w-]+\s+){0,3}?meeting\s+of\s+(?:the\s+)?[^.]{3,150}?\s(?:was\s+)?held\b", re.I)
# Labels that open an attendance list: minutes, not an agenda, print who was there.
PRESENT_LABEL = re.compile(
    r"^(?:\(?[a-z1-9][.)]\s+)?(?:(?:members|councillors|council\s+members|trustees|directors)\s+)?present\b(?!\s+(?:a|the|their|his|her)\b)"
    r"|^present\s+in\s+the\s+chair|^roll\s+call\b|^in\s+attendance\s*:|^attendance\s*:",
    re.I,
)
PACK = re.compile(r"^public (?:document|reports?) pack$", re.I)
AGENDA_WORD = re.compile(r"^agenda$", re.I)
APPENDIX = re.compile(r"^(?:appendix|annex|annexe)\s+(?P<n>[0-9]{1,2}[a-z]?|[a-z])\b[:.\-–]?\s*(?P<title>.*)$", re.I)
WORK_PROGRAMME = re.compile(r"\bwork\s*programme\b", re.I)
AUTHOR_START = re.compile(
    r"^(?:report\s+)?authors?\b|^contact(?:\s+details|\s+officer)?s?\s*:|^name and job title|^(?:report|briefing note) (?:author|prepared by)",
    re.I,
)
CONTACT = re.compile(r"@|\btel(?:ephone)?\b|\bemail\b|\bcontact\b|\bext(?:ension)?\.?\s*\d|\b0\d{3,4}\s?\d{3}\s?\d{3,4}\b", re.I)
FURNITURE_TITLE = re.compile(r"^(?:\d{1,3}\s*\|\s*(?P<a>.+)|(?P<b>.+?)\s*\|\s*\d{1,3})$")
ADDRESSEE = re.compile(r"^(?:(?:report|briefing note|paper)\s+)?to\s*:|^(?:meeting|committee|decision maker)\s*:", re.I)
PLAN = re.compile(r"\b(?:plan|strategy|strategic|framework|policy)\b", re.I)


def split_documents(source: Source) -> list[Document]:
    """The component documents of ``source``, in page order."""
    body_size = _body_size(source.blocks)
    groups: list[list[Block]] = []
    state = _State()
    for i, block in enumerate(source.blocks):
        if block.kind == "text" and BLANK_PAGE.match(block.text):
            state.close(groups)
            continue
        if state.starts_new(block, source.blocks, i, body_size):
            state.close(groups)
        state.add(block)
    state.close(groups)
    docs = []
    for n, (blocks, hint) in enumerate(groups, start=1):
        doc = _describe(blocks, body_size, n)
        if hint == "appendix" and doc.kind == "other":
            doc.kind = "appendix"
            doc.title = _appendix_title(blocks, docs)
        docs.append(doc)
    _file_under_agenda(docs, source)
    return docs


class _State:
    def __init__(self):
        self.blocks: list[Block] = []
        self.kind_hint: str | None = None
        self.ended = False  # a note's author/contact block has been seen
        self.minutes = False  # the document so far opens as minutes
        self.appendix: str | None = None
        self.next_hint: str | None = None

    def has_body(self) -> bool:
        """Whether the document so far has content; a council's name and a
        committee's name above a heading are its preamble, not a document."""
        blocks = []  # at most the first four: a look at every block for every block added is quadratic
        for b in self.blocks:
            if b.kind == "table":
                return True
            if b.kind == "text":
                blocks.append(b)
                if len(blocks) > 3:
                    return True
        return any(len(b.text.split()) > 8 or P.SENTENCE_END.search(b.text) and not b.text.endswith(")") for b in blocks) or (
            len(blocks) > 1 and not all(_title_case(b.text) for b in blocks)
        )

    def close(self, groups):
        if any(b.kind in ("text", "table") for b in self.blocks):
            groups.append((self.blocks, self.kind_hint))
        self.blocks = []
        self.kind_hint = self.next_hint
        self.next_hint = None
        self.ended = False
        self.appendix = None
        self.minutes = False

    def add(self, block: Block):
        if block.kind in ("text", "furniture"):
            text = block.text
            if len(self.blocks) < 15 and (PRESENT_LABEL.match(text) or _minutes_title(text)):
                self.minutes = True
            if AUTHOR_START.match(text) and not self.minutes:
                # A note ends with its author's contact block; minutes quote contacts mid-way.
                self.ended = True
            m = APPENDIX.match(text)
            if m and len(text.split()) <= 12 and not self.has_body():
                self.appendix = m.group("n").lower()
        self.blocks.append(block)

    def starts_new(self, block: Block, blocks: list[Block], i: int, body_size: float) -> bool:
        if not self.blocks:
            return False
        if block.kind == "marker":
            return self.has_body()
        if block.kind == "furniture":
            # A running "Appendix 2" header first seen here starts that appendix.
            m = APPENDIX.match(block.text)
            return bool(m) and self.has_body() and (self.appendix != m.group("n").lower()) and (self.ended or self.appendix is not None or block.new_page)
        if block.kind != "text":
            return False
        text = block.text
        strong = (
            NOTE_TITLE.match(text)
            or ((_minutes_title(text) or block.new_page and MEETING_HELD.match(text)) and _attendance_follows(blocks, i))
            or PACK.match(text)
            or self._work_programme_title(text)
        )
        if strong:
            return self.has_body()
        m = APPENDIX.match(text)
        if m and len(text.split()) <= 12 and self.has_body():
            if self.appendix is not None:
                return m.group("n").lower() != self.appendix and not _in_listing(blocks, i)
            return self.ended or block.new_page and not _in_listing(blocks, i)
        if block.new_page and body_size and block.size >= body_size * 1.6 and self.has_body():
            self.next_hint = "appendix" if self.ended or self.appendix else None
            return True
        if self.ended and self.has_body() and not CONTACT.search(text) and not _is_name_role(text):
            if block.new_page:
                self.next_hint = "appendix"
                return True
        return False

    def _work_programme_title(self, text: str) -> bool:
        """A work programme's own title, not a minute or agenda line about it."""
        if not WORK_PROGRAMME.search(text) or len(text.split()) > 14 or text[:1].isdigit():
            return False
        if not re.search(r"\b(?:19|20)\d{2}\b", text) or text.endswith(".") or not _title_case(text):
            return False
        first = next((b.text for b in self.blocks if b.kind == "text"), None)
        return first != text


def _in_listing(blocks: list[Block], i: int) -> bool:
    """Whether an ``Appendix N`` line is one of a list of appendices in a note."""
    near = [b for b in blocks[max(0, i - 4) : i + 5] if b.kind == "text" and b is not blocks[i]]
    return sum(1 for b in near if APPENDIX.match(b.text)) >= 1 and not blocks[i].new_page


def _is_name_role(text: str) -> bool:
    return len(text.split()) <= 40 and "," in text and not text.rstrip().endswith(".")


def _appendix_title(blocks: list[Block], earlier: list[Document]) -> str | None:
    """An appendix is titled by its cover: the cover line most like the note's listing of it.

    A cover that is not legible as a title (starts in lower case) gives way to
    the title the note lists for the appendix.
    """
    texts = [b.text for b in blocks if b.kind == "text"][:8]
    listed = None
    parent = next((d for d in reversed(earlier) if d.kind != "appendix"), None)
    if parent:
        for b in parent.blocks:
            m = APPENDIX.match(b.text) if b.kind == "text" else None
            if m and m.group("title"):
                listed = m.group("title").strip()
    if listed:
        close = [t for t in texts if len(t.split()) <= 14 and fuzz.token_set_ratio(t.lower(), listed.lower()) >= 80]
        if close:
            return _clean_title(max(close, key=len))
    first = texts[0] if texts else None
    if first and first[:1].isupper():
        return _clean_title(first)
    return listed or (_clean_title(first) if first else None)


def _title_case(text: str) -> bool:
    words = [w for w in re.findall(r"[A-Za-z][\w'’]*", text) if len(w) > 3]
    return bool(words) and sum(w[0].isupper() for w in words) >= 0.6 * len(words)


def _body_size(blocks: list[Block]) -> float:
    sizes = [b.size for b in blocks if b.kind == "text" and b.size]
    return statistics.median(sizes) if sizes else 0.0


def _describe(blocks: list[Block], body_size: float, n: int) -> Document:
    texts = [b for b in blocks if b.kind == "text"]
    pages = [b.page for b in blocks if b.page is not None]
    doc = Document(
        id=f"d{n}",
        kind="other",
        title=None,
        agenda_item=None,
        date=None,
        page_start=min(pages) if pages else None,
        page_end=max(pages) if pages else None,
        blocks=blocks,
    )
    for b in blocks:
        if b.kind == "marker":
            doc.agenda_item = b.text.split()[-1]
            break
    head = texts[:12]
    first = texts[0].text if texts else ""
    for b in head[:4]:
        m = _minutes_title(b.text)
        if m:
            doc.kind = "minutes"
            rest = b.text[m.start():] if m.re is MINUTES else m.group(0)  # "X Minutes": the title ends at the word
            title = re.split(r"\s+held\b|\s+(?:on|at)\s+(?=\d|mon|tue|wed|thu|fri|sat|sun)", rest, maxsplit=1, flags=re.I)[0]
            doc.title = _clean_title(title)
            doc.date = _first_date(head[:6])
            return doc
    if _minutes_by_content(texts):
        doc.kind = "minutes"
        doc.title = _clean_title(first)
        doc.date = _first_date(head[:6])
        return doc
    if any(PACK.match(b.text) or AGENDA_WORD.match(b.text) for b in head[:3]) or looks_like_agenda(blocks):
        doc.kind = "agenda"
        doc.title = next(
            (b.text for b in head if COMMITTEE_WORDS.search(b.text) and not PACK.match(b.text) and len(b.text.split()) <= 15),
            None,
        )
        for k, b in enumerate(head):
            if re.match(r"^(?:time and date|date and time|date|time)\b", b.text, re.I):
                window = " ".join(x.text for x in head[k : k + 2])
                doc.date = parse_date(window)
                break
        doc.date = doc.date or _first_date(head)
        return doc
    subject = _field(head, "subject") or _field(head, "title")
    to_idx = next((k for k, b in enumerate(head) if ADDRESSEE.match(b.text)), None)
    if subject and (to_idx is not None or any(NOTE_TITLE.match(b.text) for b in head[:3])):
        doc.kind = "report" if any(re.match(r"^(?:cabinet |committee )?report\b", b.text, re.I) for b in head[:4]) else "briefing_note"
        doc.title = subject
        window = head[to_idx : to_idx + 3] if to_idx is not None else head[:6]
        doc.date = _first_date([b for b in window if not re.match(r"^subject", b.text, re.I)])
        return doc
    if WORK_PROGRAMME.search(first) and len(first.split()) <= 14:
        doc.kind = "work_programme"
        doc.title = first
        for b in texts:
            if re.match(r"^(?:last\s+)?updated\b", b.text, re.I):
                doc.date = parse_date(b.text)
                break
        return doc
    running = [b for b in blocks if b.kind == "furniture"]
    m = APPENDIX.match(first)
    if not m and running and blocks[0].kind == "furniture" and APPENDIX.match(running[0].text):
        doc.kind, doc.title = "appendix", running[0].text
        return doc
    if m or any(APPENDIX.match(b.text) for b in head[:2]):
        doc.kind = "appendix"
        doc.title = first if m else head[1].text
        if m and not m.group("title") and len(texts) > 1 and _is_cover_title(texts[1], body_size):
            doc.title = f"{first} {texts[1].text}"
        return doc
    furniture = next((FURNITURE_TITLE.match(b.text) for b in running + texts if FURNITURE_TITLE.match(b.text)), None)
    if furniture:
        doc.title = (furniture.group("a") or furniture.group("b")).strip()
    else:
        doc.title = _clean_title(first) if texts else None
    doc.kind = "plan" if doc.title and PLAN.search(doc.title) else "other"
    return doc


def _minutes_title(text: str) -> re.Match | None:
    """A ``Minutes of …`` title, perhaps after the body's name ("The Golden
    Sunshine Housing Corporation Minutes of the Board Meeting"); a sentence that
    mentions "copy of draft Minutes of the meeting of …" after a comma is not one."""
    m = MINUTES.search(text[:160])
    if not m or re.search(r"[.,;:]", text[: m.start()]) or SENTENCE_GOES_ON.match(text[m.end() :]):
        return MINUTES_LAST.match(text.strip())
    return m


def _attendance_follows(blocks: list[Block], i: int) -> bool:
    """Whether an attendance list follows within a few paragraphs: a set of
    minutes opens with one, a minute about approving earlier minutes does not."""
    near = [b for b in blocks[i + 1 : i + 16] if b.kind == "text"][:10]
    return any(PRESENT_LABEL.match(b.text.strip()) for b in near)


def _minutes_by_content(texts: list[Block]) -> bool:
    """Minutes without a ``Minutes of …`` heading: an attendance list near the
    top and numbered minutes or decisions after it."""
    head = texts[:15]
    if not any(PRESENT_LABEL.match(b.text.strip()) for b in head):
        return False
    if len(minute_headings(texts)) >= 2:
        return True
    return any(decision_at(texts, i, None)[0] for i in range(len(texts)))


def _is_cover_title(block: Block, body_size: float) -> bool:
    return bool(block.size and body_size and block.size >= body_size * 1.3 and len(block.text.split()) <= 12)


def _field(blocks: list[Block], name: str) -> str | None:
    for b in blocks:
        m = re.match(rf"^{name}\s*:\s*(.+)$", b.text, re.I)
        if m:
            return _clean_title(m.group(1))
    return None


def _first_date(blocks: list[Block]) -> str | None:
    for b in blocks:
        found = find_dates(b.text)
        if found:
            return found[0][1]
    return None


def _clean_title(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip(" .:-–")


def _file_under_agenda(docs: list[Document], source: Source) -> None:
    """Give unstamped documents their agenda item by matching their title to
    the front sheet's items (minutes and work programmes by kind).

    Appendices go under the item of the document before them.
    """
    agenda = next((d for d in docs if d.kind == "agenda"), None)
    items = parse_agenda_items(agenda) if agenda else []
    last_item: str | None = None
    for doc in docs:
        if doc.kind == "agenda":
            continue
        if doc.agenda_item is None and items:
            if doc.kind == "appendix" and last_item:
                doc.agenda_item = last_item
            else:
                doc.agenda_item = _match_item(doc, items)
        if doc.agenda_item:
            last_item = doc.agenda_item


def _match_item(doc: Document, items) -> str | None:
    title = (doc.title or "").lower()
    best, score = None, 0.0
    for it in items:
        t = it.title.lower()
        if doc.kind == "minutes" and t.startswith("minutes"):
            return it.number
        if doc.kind == "work_programme" and WORK_PROGRAMME.search(t):
            return it.number
        s = fuzz.token_set_ratio(title, t) if title else 0
        if s > score:
            best, score = it.number, s
    if score >= 85:
        return best
    return None
