"""Plain data passed between pipeline stages.

Every stage is a function from these dataclasses to these dataclasses, so each
can be tested alone and the JSON contract is a straight rendering of them.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Table:
    """A table as rows of cell strings; ``header`` is ``[]`` when there is none."""

    page: int | None
    header: list[str]
    rows: list[list[str]]
    title: str | None = None
    ruled: bool = True
    header_rows: int = 0
    id: str | None = None
    page_end: int | None = None


@dataclass
class Block:
    """One paragraph-level unit in reading order: the common internal form.

    Both the PDF reader and the text reader produce a flat list of blocks, so
    every later stage is blind to where the words came from.

    ``kind`` is ``"text"`` (a paragraph, heading or list item), ``"table"``
    (``table`` is set), ``"marker"`` (an ``Agenda Item N`` stamp; ``text``
    holds the stamp) or ``"furniture"`` (a running header or footer, at the
    first page it runs on; not content, but it may carry a title).
    ``bold``/``size``/``heading`` are layout hints: bold type, font size in
    points (0 for text input) and an explicit heading mark (markdown ``#``).
    """

    kind: str
    text: str
    page: int | None = None
    bold: bool = False
    size: float = 0.0
    heading: bool = False
    indent: float = 0.0
    table: Table | None = None
    new_page: bool = False


@dataclass
class Source:
    """What a reader returns: the file's blocks plus facts about the file."""

    path: str
    format: str
    sha256: str
    pages: int | None
    blocks: list[Block]
    warnings: list[str] = field(default_factory=list)
    page_labels: dict[int, str] = field(default_factory=dict)
    metadata: dict[str, str] = field(default_factory=dict)
    unread_pages: list[int] = field(default_factory=list)  # no text layer and not OCR'd


@dataclass
class Section:
    id: str
    number: str | None
    heading: str | None
    level: int
    text: str | None
    page: int | None


@dataclass
class Document:
    """A component document of a file: an agenda, minutes, a report…"""

    id: str
    kind: str
    title: str | None
    agenda_item: str | None
    date: str | None
    page_start: int | None
    page_end: int | None
    blocks: list[Block] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)


@dataclass
class AgendaItem:
    number: str
    title: str
    page_start: int | None = None
    page_end: int | None = None
    officer: str | None = None
    sub_items: list[str] = field(default_factory=list)
    private: bool = False


@dataclass
class MinutesItem:
    number: str
    title: str
    page: int | None = None
    private: bool = False


@dataclass
class Attendance:
    present: list[str] = field(default_factory=list)
    apologies: list[str] = field(default_factory=list)
    officers: list[str] = field(default_factory=list)


@dataclass
class Votes:
    """A printed count, recorded (named) vote or roll call; ``names`` by side where printed."""

    for_: int | None = None
    against: int | None = None
    abstain: int | None = None
    names: dict[str, list[str]] = field(default_factory=dict)


@dataclass
class Resolution:
    minute: str | None
    title: str | None
    text: str
    clauses: list[str]
    page: int | None = None
    style: str = "resolved"
    decision_only: bool = False
    private: bool = False
    refers_to: list[str] = field(default_factory=list)
    outcome: str | None = None  # "carried", "lost", "withdrawn" or None when not stated
    votes: Votes | None = None
    mover: str | None = None
    seconder: str | None = None


@dataclass
class Meeting:
    committee: str | None
    date: str | None
    time: str | None
    place: str | None
    source_role: str
    document: str | None
    agenda_items: list[AgendaItem] = field(default_factory=list)
    minutes_items: list[MinutesItem] = field(default_factory=list)
    attendance: Attendance = field(default_factory=Attendance)
    resolutions: list[Resolution] = field(default_factory=list)
    end_time: str | None = None
    declarations: list[str] = field(default_factory=list)
    refers_to_meetings: list[str] = field(default_factory=list)


@dataclass
class Entity:
    text: str
    label: str
    canonical: str
    document: str
    section: str | None
    start: int
    end: int
    values: dict[str, str] = field(default_factory=dict)


@dataclass
class Indicator:
    """One observation of a performance indicator: one row and period of a performance table.

    ``value`` is the cell as printed ("35% (39 of 112)"); ``number`` and
    ``unit`` are read from it where it starts with a figure. ``code`` is the
    canonical code (``ASC1`` for "ASC 01"); ``breakdown`` the group a row or
    column reports on ("National", "Reading"); ``rag`` and ``direction`` the
    status and trend printed for the row, on its latest period only.
    """

    name: str
    period: str
    value: str
    code: str | None = None
    number: float | None = None
    unit: str | None = None
    target: str | None = None
    rag: str | None = None
    direction: str | None = None
    breakdown: str | None = None
    document: str | None = None
    table: str | None = None
    page: int | None = None
    row: int | None = None
    column: str | None = None
    meeting_date: str | None = None


@dataclass
class Extraction:
    """Everything extracted from one file."""

    source: Source
    documents: list[Document]
    meetings: list[Meeting] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
