"""Read text input (.txt, .md, .html) into the same blocks as PDF input.

Published texts come as markdown-ish conversions (``### **1 Purpose**``,
``- 1.1 …``), HTML fragments (``<u>``, ``<p>``, ``<ul>``), pdftotext-style
hard-wrapped lines, private-use bullet glyphs and tab-separated table rows.
All of that is formatting; this strips it to paragraphs with the same layout
hints (bold, heading) the PDF reader gives.
"""

from __future__ import annotations

import html
import re

from minutebook.extract import patterns as P
from minutebook.model import Block, Source, Table

ENCODINGS = ("utf-8-sig", "cp1252")

HEADING_MARK = re.compile(r"^\s{0,3}(#{1,6})\s+")
RULE = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,})\s*$")
MD_DASH = re.compile(r"^\s*[-*+]\s+(?=(?:\d{1,2}(?:\.\d{1,2}){0,3}\.?|\(?[a-z]\)|\(?\d{1,2}\)|[ivx]{1,4}\))\s)")
MD_BULLET = re.compile(r"^\s*[-*+]\s+")
# Inside a tag no "<" either: an unclosed "<b " or "<http:" then stops at the
# next "<" instead of scanning to the end for each one (quadratic).
TAG = re.compile(r"</?(?:u|b|i|em|strong|span|font|div|br|li|ul|ol|p|a|sup|sub)\b[^<>]*>", re.IGNORECASE)
ANGLE_URL = re.compile(r"<((?:https?|mailto):[^<>\s]+)>")
SCRIPT = re.compile(r"<(script|style)\b", re.IGNORECASE)
EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1")
LABEL = re.compile(r"^[A-Z][\w'’\-]*(?:\s+[\w'’\-()]+){0,4}\s*:(?:\s|$)")
PAGE_STAMP = re.compile(r"^page\s+\d{1,4}(?:\s+(?:of\s+)?\d{1,4})?$", re.IGNORECASE)


def decode(data: bytes, path: str) -> str:
    """Decode text bytes: UTF-16 with a BOM, UTF-8 (with or without BOM), else cp1252."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise ValueError("not valid UTF-16 text despite its byte-order mark") from None
    for enc in ENCODINGS:
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    raise ValueError("not a text file in UTF-8, UTF-16 or cp1252")


def read_text(path: str, sha256: str, data: bytes) -> Source:
    text = decode(data, path)
    if "\x00" in text:
        raise ValueError("binary data, not text")
    if path.lower().endswith((".html", ".htm")):
        text = html_to_text(text)
    return Source(
        path=path,
        format="text",
        sha256=sha256,
        pages=None,
        blocks=blocks_from_text(text),
    )


def html_to_text(text: str) -> str:
    text = _drop_scripts(text)
    text = re.sub(r"(?i)<h([1-6])[^<>]*>", lambda m: "\n" + "#" * int(m.group(1)) + " ", text)
    text = re.sub(r"(?i)</(h[1-6]|p|div|li|tr|table|ul|ol)>|<br\s*/?>", "\n", text)
    text = re.sub(r"(?i)<li[^<>]*>", "\n• ", text)
    text = re.sub(r"(?i)</t[dh]>", "\t", text)
    text = re.sub(r"<[^<>]+>", "", text)
    return html.unescape(text)


def _drop_scripts(text: str) -> str:
    """Text without ``<script>``/``<style>`` elements; an unclosed one runs to the end, as in a browser.

    One pass: a lazy regex over ``<script>…</script>`` rescans the rest of
    the file from every unclosed opening tag.
    """
    out, at = [], 0
    while (m := SCRIPT.search(text, at)) is not None:
        out.append(text[at:m.start()])
        close = re.compile(rf"</{m[1]}", re.IGNORECASE).search(text, m.end())
        end = text.find(">", close.end()) if close else -1
        at = end + 1 if end >= 0 else len(text)
    out.append(text[at:])
    return "".join(out)


def clean_inline(text: str) -> str:
    """Strip inline markup from one line, keeping the words."""
    text = ANGLE_URL.sub(r"\1", text)
    text = TAG.sub(" ", text)
    text = EMPHASIS.sub(r"\2", text)
    text = text.replace("**", "").replace("__", "")
    text = P.PRIVATE_USE.sub("•", text)
    text = html.unescape(text)
    return text


def _cell(text: str) -> str:
    """A table cell: ``<p>`` paragraphs and bullet items become lines."""
    text = re.sub(r"(?i)</?p>|<li[^<>]*>", "\n", text)
    text = clean_inline(text)
    parts = [re.sub(r"\s+", " ", p).strip() for p in re.split(r"\n|(?=•)", text)]
    return "\n".join(p for p in parts if p)


PAGE_GAP = 3  # blank lines that mark a page or frame break in extracted text


class _Line:
    __slots__ = ("text", "bold", "heading", "indent", "blank_before", "italic")

    def __init__(self, text, bold, heading, indent, blank_before, italic=False):
        self.text, self.bold, self.heading = text, bold, heading
        self.indent, self.blank_before = indent, blank_before  # blank lines before it
        self.italic = italic  # the whole line emphasised: a note or caption, a paragraph of its own


def blocks_from_text(text: str) -> list[Block]:
    raw_lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    items: list = []  # _Line | Table | marker Block
    table_rows: list[list[str]] = []
    blank = 0
    after_rule = False
    wrap_width = _wrap_width(raw_lines)

    def close_table():
        nonlocal table_rows
        if table_rows:
            items.extend(_split_tables(table_rows))
            table_rows = []

    for raw in raw_lines:
        if "\t" in raw.strip("\n") and raw.strip():
            cells = [_cell(c) for c in raw.rstrip("\n").split("\t")]
            while cells and not cells[-1]:
                cells.pop()
            if any(cells):
                table_rows.append(cells)
                blank = 0
                continue
        if not raw.strip():
            blank += 1
            continue
        if RULE.match(raw):
            blank += 1
            after_rule = True
            continue
        close_table()
        heading = False
        line = raw
        m = HEADING_MARK.match(line)
        if m:
            heading = True
            line = line[m.end():]
        line = MD_DASH.sub("", line)
        stripped = line.strip()
        bold = bool(re.fullmatch(r"(\*\*|__).+\1", stripped)) or bool(re.fullmatch(r"<(b|strong)>.+</\1>", stripped))
        italic = not bold and (bool(re.fullmatch(r"([*_])(?![*_]).+(?<![*_])\1", stripped)) or bool(re.fullmatch(r"<(i|em)>.+</\1>", stripped)))
        if italic and stripped[0] in "*_":
            line = stripped[1:-1]
        if MD_BULLET.match(line) and not MD_DASH.match(raw):
            line = MD_BULLET.sub("• ", line, count=1)
        indent = len(line) - len(line.lstrip(" "))
        clean = _unspaced(clean_inline(line).strip())
        if not clean or P.signature_line(line):
            continue  # a blank signature form is not content
        stamp = P.AGENDA_STAMP.match(clean)
        if stamp:
            items.append(Block(kind="marker", text=f"Agenda Item {stamp.group('n')}"))
            blank = 0
            continue
        # A bare number just after a rule is the page number a converter printed under its page break ("---" / "2").
        if PAGE_STAMP.match(clean) or after_rule and re.fullmatch(r"\d{1,4}", clean):
            close_table()  # a printed page break ends a table, as in the original
            blank += 1
            after_rule = False
            continue
        after_rule = False
        items.append(_Line(clean, bold, heading, indent, blank, italic))
        blank = 0
    close_table()
    return _paragraphs(items, wrap_width)


def _unspaced(line: str) -> str:
    """Whitespace collapsed; a letter-spaced heading closed up into words."""
    pieces = re.split(r"(\s+)", line)
    return P.unspace_letters(pieces[::2], [len(g) for g in pieces[1::2]]) or " ".join(pieces[::2])


def _wrap_width(lines: list[str]) -> int:
    """The width hard-wrapped text was wrapped at, or 0 if lines are paragraphs."""
    lengths = sorted(len(l.rstrip()) for l in lines if l.strip() and "\t" not in l)
    if len(lengths) < 10:
        return 0
    p90 = lengths[int(len(lengths) * 0.9)]
    return p90 if p90 <= 120 else 0


def _paragraphs(items: list, wrap_width: int) -> list[Block]:
    blocks: list[Block] = []
    current: list[_Line] = []

    def flush():
        nonlocal current
        if current:
            text = P.join_wrapped([line.text for line in current])
            blocks.append(
                Block(
                    kind="text",
                    text=text,
                    bold=all(l.bold for l in current),
                    heading=current[0].heading,
                    indent=float(current[0].indent),
                    new_page=current[0].blank_before >= PAGE_GAP,
                )
            )
            current = []

    for it in items:
        if isinstance(it, Block):
            flush()
            blocks.append(it)
            continue
        if isinstance(it, Table):
            flush()
            blocks.append(Block(kind="table", text="", table=it))
            continue
        if current and _continues(current[-1], it, wrap_width):
            current.append(it)
            continue
        flush()
        current.append(it)
    flush()
    return blocks


def _continues(prev: _Line, line: _Line, wrap_width: int) -> bool:
    """Whether ``line`` carries on the paragraph ``prev`` was wrapped from."""
    if line.heading or prev.heading or line.bold != prev.bold or line.italic != prev.italic:
        return False
    text = line.text
    if P.BLOCK_START.match(text) or P.AGENDA_STAMP.match(text):
        return False
    if P.SENTENCE_END.search(prev.text):
        return False
    if not wrap_width:
        return False
    if len(prev.text) < wrap_width * 0.6 and not text[:1].islower():
        return False
    if LABEL.match(text):
        return False  # "Co-opted Members: …", "Others Present: …" start their own block
    if line.blank_before:
        if text[:1].islower() or text[:1].isdigit():
            return True
        return len(prev.text) >= wrap_width * 0.75 and not _title_like(text)
    return True


def _title_like(text: str) -> bool:
    """A short Title Case line with no closing stop reads as a heading, not a wrap."""
    words = text.split()
    if len(words) > 6 or P.SENTENCE_END.search(text):
        return False
    long = [w for w in words if len(w) > 3]
    return bool(long) and all(w[0].isupper() or not w[0].isalpha() for w in long)


def _split_tables(rows: list[list[str]]) -> list[Table]:
    """Tab rows in a run become one or more tables.

    A new table starts where the first row's header repeats or after a row of
    commentary (markup or a cell much longer than a data cell).
    """
    tables: list[list[list[str]]] = [[]]
    for row in rows:
        cur = tables[-1]
        if cur and (row == cur[0] or _is_commentary(cur[-1]) and not _is_commentary(row)):
            tables.append([])
        tables[-1].append(row)
    out = []
    for t in tables:
        width = max(len(r) for r in t)
        norm = [r + [""] * (width - len(r)) for r in t]
        out.append(Table(page=None, header=[], rows=norm, ruled=False, header_rows=_header_rows(norm)))
    return out


def _is_commentary(row: list[str]) -> bool:
    """A row whose only cell is long text in the first column spans the table."""
    return bool(row) and len(row[0]) > 120 and not any(row[1:])


def _header_rows(rows: list[list[str]]) -> int:
    """Leading rows without figures above rows with figures are headers."""
    def numeric(row):
        return sum(bool(re.search(r"\d", c)) for c in row[1:]) >= max(1, (len(row) - 1) // 2)

    n = 0
    for row in rows[:3]:
        if not numeric(row) or all(re.fullmatch(r"[\d/\-– ]+(?:cohort.*)?", c) or not c for c in row[1:]) and n == 0 and not row[0]:
            n += 1
        else:
            break
    if n and not any(numeric(row) for row in rows[n:]):
        n = 1  # a table of words (a work programme): no figures mark where the header ends, so it is the first row
    return n if n < len(rows) else 0
