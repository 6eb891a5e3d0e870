"""Read a PDF into blocks with pdfplumber.

Per page: words with font size and weight are grouped into lines (column by
column on two-column pages), ruled tables are cut out with pdfplumber's table
finder, and what sits in the top and bottom margins is sorted into page
furniture. Across pages: lines repeated on most pages (running headers and
footers) are dropped, paragraphs are rebuilt from lines and hyphenation at line
ends is repaired.
"""

from __future__ import annotations

import bisect
import contextlib
import itertools
import math
import re
import statistics
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable

import pdfplumber

from minutebook.extract import caps
from minutebook.extract import patterns as P
from minutebook.extract.layer import Layer, read_layer
from minutebook.extract.unruled import find_unruled
from minutebook.model import Block, Source, Table

CID = re.compile(r"\(cid:\d+\)")
MARGIN = 0.085  # share of the page height treated as header/footer zone


@dataclass
class Line:
    text: str
    page: int
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool
    words: list[dict] = field(default_factory=list)
    zone: str = "body"  # "header", "footer" or "body"
    column: int = 0


@dataclass
class PageRead:
    number: int
    width: float
    height: float
    items: list  # Line or Table, in reading order
    stamp: str | None = None
    label: str | None = None
    needs_ocr: bool = False
    ocr_note: str | None = None  # what OCR made of a page with no text layer
    garbled: bool = False  # the text layer decodes to garbage: its words are left out
    notes: list[str] = field(default_factory=list)  # resources past a cap (``caps``)


VOWELS = frozenset("aeiouyàáâãäåèéêëìíîïòóôõöùúûüýÿ")
LATIN_LETTER = re.compile("[a-zA-Z\u00aa\u00b5\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]")  # the letters below U+0250
ODD = ("Cc", "Co", "Cn", "So", "Sm")  # control, private, unassigned, symbol and maths characters: glyphs read without a map
ODD_ASCII = re.compile(r"[+<=>|~]")  # the printable ASCII among them, tested without a category lookup per letter
GARBLED_VOWELS = 0.22  # text in Latin script runs at 30-45 % vowels; glyph codes read as letters far fewer


def garbled(words: list[dict]) -> bool:
    """Whether a page's text layer decodes to garbage rather than words.

    Fonts without a Unicode map give unmapped glyphs (``(cid:N)``), symbol
    characters, or glyph numbers read as letters ("7KH FRXQFLO" for "The
    council"), whose letters are rarely vowels. Pages with too little text
    to judge pass.
    """
    tokens = [w["text"] for w in words]
    if len(tokens) < 20:
        return False
    cid = sum("(cid:" in t for t in tokens)
    odd = sum(bool(ODD_ASCII.search(t)) if t.isascii() and t.isprintable() else
              any(unicodedata.category(ch) in ODD for ch in t) for t in tokens)
    if cid + odd > 0.3 * len(tokens):
        return True
    # Latin letters only: a page in another script is not judged by vowels.
    letters = "".join(LATIN_LETTER.findall(" ".join(t for t in tokens if "(cid:" not in t))).lower()
    return len(letters) >= 100 and sum(letters.count(v) for v in VOWELS) < GARBLED_VOWELS * len(letters)


def _is_bold(fontname: str) -> bool:
    name = fontname.lower()
    return any(k in name for k in ("bold", "black", "heavy", "semibold", "demi"))


def _lines_from_words(words: list[dict], page_no: int, column: int = 0) -> list[Line]:
    """Group words into lines by their baseline, left to right."""
    lines: list[Line] = []
    for w in sorted(words, key=lambda w: (round(w["bottom"]), w["x0"])):
        if lines and abs(lines[-1].bottom - w["bottom"]) <= max(2.0, 0.3 * w["size"]):
            lines[-1].words.append(w)
        else:
            lines.append(Line("", page_no, w["x0"], w["x1"], w["top"], w["bottom"], w["size"], False, [w], column=column))
    _attach_raised(lines)
    for line in lines:
        ws = sorted(line.words, key=lambda w: w["x0"])
        for w in ws:
            if "(cid:" in w["text"]:
                # Glyphs with no Unicode mapping: a lone one leading a line is a
                # list bullet from a symbol font; elsewhere it is noise.
                w["text"] = CID.sub("", w["text"]) or ("•" if w is ws[0] else "")
        ws = [w for w in ws if w["text"]]
        if not ws:
            continue
        line.words = ws
        line.text = _line_text(ws)
        line.x0, line.x1 = ws[0]["x0"], max(w["x1"] for w in ws)
        line.top, line.bottom = min(w["top"] for w in ws), max(w["bottom"] for w in ws)
        own = [w for w in ws if not w.get("raised")] or ws
        chars = sum(len(w["text"]) for w in own)
        line.size = statistics.median(w["size"] for w in own)
        line.bold = sum(len(w["text"]) for w in own if _is_bold(w["fontname"])) > 0.6 * chars
    return [line for line in lines if line.words and line.text]


def _attach_raised(lines: list[Line]) -> None:
    """Move superscripts ("14th", "3rd") into the line they are raised above.

    A superscript sits higher than its line's baseline, so grouping by
    baseline leaves it a line of its own between two lines of a paragraph.
    A word in smaller type whose glyphs lie inside the upper part of a
    following line in larger type, within that line's width, belongs to
    it. Lines are in baseline order, so the host is among the next few.
    """
    # Each line's type size, glyph band and width, from its own words only.
    boxes = [
        (
            max(w["size"] for w in l.words),
            min(w["top"] for w in l.words),
            max(w["bottom"] for w in l.words),
            min(w["x0"] for w in l.words),
            max(w["x1"] for w in l.words),
        )
        for l in lines
    ]
    for i, line in enumerate(lines):
        for w in list(line.words):
            for j in range(i + 1, min(i + 4, len(lines))):
                size, top, bottom, x0, x1 = boxes[j]
                if bottom - w["bottom"] > 1.2 * w["size"] + 4:
                    break
                if (
                    w["size"] <= 0.85 * size
                    and top - 0.3 * w["size"] <= w["top"]
                    and top + 0.3 * (bottom - top) < w["bottom"] < bottom - 1
                    and x0 - size <= w["x0"] <= x1 + size
                ):
                    w["raised"] = True
                    line.words.remove(w)
                    lines[j].words.append(w)
                    break


def _line_text(ws: list[dict]) -> str:
    """A line's words joined by the gaps between them.

    A raised ordinal suffix joins its number ("14th"). A line of
    letter-spaced capitals ("A G E N D A") is closed up.
    """
    gaps = [w["x0"] - prev["x1"] for prev, w in zip(ws, ws[1:])]
    letters = P.unspace_letters([w["text"] for w in ws], gaps)
    if letters:
        return letters
    parts = [ws[0]["text"]]
    for prev, gap, w in zip(ws, gaps, ws[1:]):
        if w.get("raised") and w["text"].isalpha() and prev["text"][-1:].isdigit() and gap < 0.5 * w["size"]:
            sep = ""
        else:
            sep = "  " if gap > 2.5 * w["size"] else " "
        parts.append(sep + w["text"])
    return "".join(parts)


def _gutter(words: list[dict], width: float) -> float | None:
    """The x of a vertical gap splitting body text into two columns, if any.

    Each x is judged by the words wholly left and right of it; x's in one gap
    share those, so a gap is judged once, and a word's crossing count comes
    from running sums: time grows with the words, not words × page width.
    """
    body = [w for w in words if w["x1"] - w["x0"] < width * 0.5]
    if len(body) < 40:
        return None
    lo, hi = int(width * 0.3), int(width * 0.7)
    step = max(1, (hi - lo) // 400)  # every point across a page, no more than 400 on an absurdly wide one
    starts = [0] * (hi - lo + 2)  # x's strictly inside a word: floor(x0)+1 .. ceil(x1)-1
    for w in body:
        a, b = max(lo, math.floor(w["x0"]) + 1), min(hi, math.ceil(w["x1"]))
        if a < b:
            starts[a - lo] += 1
            starts[b - lo] -= 1
    crossings = list(itertools.accumulate(starts))
    rights = sorted(w["x1"] for w in body)
    lefts = sorted(w["x0"] for w in body)
    judged: dict[tuple[int, int], bool] = {}
    best = None
    for x in range(lo, hi, step):
        crossing = crossings[x - lo]
        if crossing > len(body) * 0.01:
            continue
        key = (bisect.bisect_right(rights, x), bisect.bisect_left(lefts, x))
        if key not in judged:
            judged[key] = _columns_either_side(body, x)
        if judged[key] and (best is None or crossing < best[1]):
            best = (x, crossing)
    return best[0] if best else None


def _columns_either_side(body: list[dict], x: float) -> bool:
    """Whether the words left and right of ``x`` read as two columns of prose."""
    lt = sorted({round(w["top"]) for w in body if w["x1"] <= x})
    rt = sorted({round(w["top"]) for w in body if w["x0"] >= x})
    if len(lt) < 8 or len(rt) < 8:
        return False
    # Real columns run side by side down the page; a hanging indent or a
    # label column does not leave text on both sides over most of it.
    overlap = min(lt[-1], rt[-1]) - max(lt[0], rt[0])
    if overlap < 0.5 * min(lt[-1] - lt[0], rt[-1] - rt[0]):
        return False
    # Short cells on shared baselines either side are a table's columns,
    # not two columns of prose.
    left_words = sum(1 for w in body if w["x1"] <= x) / len(lt)
    right_words = sum(1 for w in body if w["x0"] >= x) / len(rt)
    shared = len(set(lt) & set(rt)) / min(len(lt), len(rt))
    if min(left_words, right_words) < 4 and shared > 0.7:
        return False
    return _lines_across(body, x) < 2


def _lines_across(body: list[dict], x: float) -> int:
    """Lines that run across ``x``: words either side of it a word space apart, as in a sentence
    ("the following document | that was unavailable"), where a gutter leaves an em or more."""
    ends: dict[int, float] = {}
    starts: dict[int, tuple[float, float]] = {}
    for w in body:
        line = round(w["top"])
        if w["x1"] <= x:
            ends[line] = max(ends.get(line, -math.inf), w["x1"])
        elif w["x0"] >= x and (line not in starts or w["x0"] < starts[line][0]):
            starts[line] = (w["x0"], w.get("size") or w["bottom"] - w["top"])
    return sum(1 for line, (x0, size) in starts.items() if line in ends and x0 - ends[line] < 0.6 * size)


def _table_from_pdf(table, extracted: list[list], page, page_no: int) -> Table:
    rows = []
    bold_rows = []
    boxes = [row.bbox for row, cells in zip(table.rows, extracted) if any(_clean_cell(c) for c in cells)]
    for cells_text, letters in zip(
        (cells for cells in extracted if any(_clean_cell(c) for c in cells)), _row_letters(page, boxes)
    ):
        rows.append([_clean_cell(c) for c in cells_text])
        bold_rows.append(bool(letters) and sum(_is_bold(c["fontname"]) for c in letters) > 0.8 * len(letters))
    header_rows = 0
    while header_rows < len(rows) - 1 and bold_rows[header_rows]:
        header_rows += 1
    return Table(page=page_no, header=[], rows=rows, ruled=True, header_rows=header_rows)


def _row_letters(page, boxes: list) -> list[list[dict]]:
    """The printed characters wholly inside each row's box (what ``within_bbox`` keeps), from the
    page's characters sorted once by top rather than filtered again for every row."""
    chars = sorted((c for c in page.chars if c["text"].strip()), key=lambda c: c["top"])
    tops = [c["top"] for c in chars]
    out = []
    for box in boxes:
        if not box:
            out.append([])
            continue
        x0, top, x1, bottom = box
        run = chars[bisect.bisect_left(tops, top) : bisect.bisect_right(tops, bottom)]
        out.append([c for c in run if c["bottom"] <= bottom and x0 <= c["x0"] and c["x1"] <= x1])
    return out


def _clean_cell(cell: str | None) -> str:
    """A cell's wrapped lines joined; bulleted items stay lines of their own."""
    if not cell:
        return ""
    runs: list[list[str]] = []
    for part in cell.split("\n"):
        part = part.strip()
        if not part:
            continue
        if runs and not P.BULLET.match(part):
            runs[-1].append(part)
        else:
            runs.append([part])
    return "\n".join(P.join_wrapped(run) for run in runs)


def _find_tables(page, pr: PageRead) -> list:
    """pdfplumber's ruled tables, unless the page's ruling grid is past ``caps.RULING_CELLS``.

    The table finder's time grows with the cube of the grid's side (100×100
    lines 4 s, 200×200 45 s); past the cap the page's words are read as text.
    """
    rows = {round(e["top"]) for e in page.horizontal_edges}
    columns = {round(e["x0"]) for e in page.vertical_edges}
    if len(rows) * len(columns) > caps.RULING_CELLS:
        caps.note(f"{len(rows)}×{len(columns)} ruling lines (more than {caps.RULING_CELLS} crossings): tables read as text")
        return []
    return page.find_tables()


def _cuts_words(table, words: list[dict]) -> bool:
    """Whether the table's column rules run through its words ("he min | rior to | utes of t"): rules
    drawn over prose (a form's boxes, a frame) are not a table's columns, and its text stays prose.
    A rule cuts only the words of its own row: a cell spanning the columns holds a paragraph freely."""
    x0, top, x1, bottom = table.bbox
    inside = [w for w in words if top - 1 <= w["top"] and w["bottom"] <= bottom + 1 and x0 - 1 <= w["x0"] and w["x1"] <= x1 + 1]
    edges = [(x, c[1], c[3]) for c in table.cells if c for x in (c[0], c[2]) if x0 + 2 < x < x1 - 2]
    cut = sum(1 for w in inside
              if any(w["x0"] + 1 < x < w["x1"] - 1 and ctop - 1 <= w["top"] and w["bottom"] <= cbottom + 1 for x, ctop, cbottom in edges))
    return cut >= max(2, 0.05 * len(inside))


def read_page(page, page_no: int, scanner=None, layer: Layer | None = None) -> PageRead:
    """One page's lines and tables; a scanned page is read by ``scanner`` (an ``ocr.Scanner``) when given.

    ``layer`` is the page as pdfium read it (``layer.read_layer``): the
    page's words are then pdfium's, and pdfplumber lays out no page; a page
    that may hold a ruled table hands its table finder pdfium's characters
    and paths.
    """
    width, height = float(page.width), float(page.height)
    from minutebook.extract.ocr import FEW_WORDS, OcrError, wants_ocr

    layered = layer is not None and len(layer.words) >= FEW_WORDS and not garbled(layer.words)
    if layered:
        words = layer.words
        if layer.objects is not None:
            page._objects = layer.objects  # where pdfplumber keeps a page's parsed objects: its table finder reads these
    else:
        words = page.extract_words(extra_attrs=["fontname", "size"], use_text_flow=False)
    pr = PageRead(page_no, width, height, [])
    scanned = not layered and wants_ocr(page, words)
    broken = bool(words) and not scanned and not layered and garbled(words)
    read = False
    if (scanned or broken) and scanner:
        what = "has a text layer that does not decode to words (broken font)" if broken else "has no text layer"
        try:
            scan = scanner.read(page)
            words, width, height = scan.words, scan.width, scan.height
            pr.width, pr.height = width, height
            read = True
            pr.ocr_note = f"{what}: read by OCR" + (f" (turned {scan.turned}°)" if scan.turned else "")
        except OcrError as exc:
            pr.ocr_note = f"{what} and OCR failed: {exc}"
    elif scanned:
        pr.needs_ocr = True
    if broken and (not read or garbled(words)):
        pr.garbled = True
        return pr
    if not words:
        return pr
    tables = []
    for t in [] if layered and layer.objects is None else _find_tables(page, pr):
        if _cuts_words(t, words):
            continue
        extracted = t.extract()
        # Rules or shading around lines of prose (a boxed or highlighted
        # paragraph) make a one-column "table": that text stays prose.
        if any(sum(1 for c in row if c and c.strip()) >= 2 for row in extracted):
            tables.append((t.bbox, _table_from_pdf(t, extracted, page, page_no)))

    def in_table(w):
        for (x0, top, x1, bottom), _ in tables:
            if x0 - 1 <= w["x0"] and w["x1"] <= x1 + 1 and top - 1 <= w["top"] and w["bottom"] <= bottom + 1:
                return True
        return False

    words = [w for w in words if not in_table(w)]
    top_zone, bottom_zone = height * MARGIN, height * (1 - MARGIN)
    furniture = [w for w in words if w["bottom"] <= top_zone or w["top"] >= bottom_zone]
    body = [w for w in words if not (w["bottom"] <= top_zone or w["top"] >= bottom_zone)]

    gutter = _gutter(body, width)
    if gutter:
        spanning = [w for w in body if w["x0"] < gutter < w["x1"]]
        left = [w for w in body if w["x1"] <= gutter]
        right = [w for w in body if w["x0"] >= gutter]
        body_lines = (
            _lines_from_words(spanning, page_no)
            + _lines_from_words(left, page_no, 1)
            + _lines_from_words(right, page_no, 2)
        )
    else:
        body_lines = _lines_from_words(body, page_no)

    furniture_lines = _lines_from_words(furniture, page_no)
    for line in furniture_lines:
        line.zone = "header" if line.bottom <= top_zone else "footer"

    items: list = [*body_lines, *furniture_lines]
    for bbox, table in tables:
        table.page = page_no
        items.append((bbox, table))
    pr.items = find_unruled(_reading_order(items, gutter))
    for it in pr.items:
        if isinstance(it, Line):
            # Later stages need only where a line's first two words sit; the
            # full word data would grow memory with every page of a long file.
            it.words = [{"text": w["text"], "x0": w["x0"]} for w in it.words[:2]]
    return pr


def _reading_order(items, gutter):
    """Sort lines and tables top to bottom; columns left then right."""

    def key(item):
        if isinstance(item, tuple):
            (x0, top, x1, bottom), _ = item
            return (0, 0, top)
        zone_rank = {"header": -1, "body": 0, "footer": 1}[item.zone]
        return (zone_rank, item.column, item.top)

    ordered = sorted(items, key=key)
    return [it[1] if isinstance(it, tuple) else it for it in ordered]


def read_pdf(
    path: str,
    sha256: str,
    password: str | None = None,
    progress: Callable[[int, int], None] | None = None,
    ocr: bool = True,
) -> Source:
    from minutebook.extract.ocr import scanner

    caps.install()
    pages: list[PageRead] = []
    metadata: dict[str, str] = {}
    # reader is None when OCR is off or tesseract is missing: scanned pages are then reported, not read.
    with pdfplumber.open(path, password=password or "") as pdf, _pdfium(path, password) as doc, scanner(pdf, ocr) as reader:
        total = len(pdf.pages)
        metadata = {k: str(v) for k, v in (pdf.metadata or {}).items() if isinstance(v, (str, int))}
        caps.take_notes()
        if progress:
            progress(0, total)  # a time or memory limit can then name page 1
        for i, page in enumerate(pdf.pages, start=1):
            try:
                pr = read_page(page, i, reader, _layer(doc, i - 1))
            except Exception as exc:
                if not caps.stopped_by_cap(exc):
                    raise
                pr = PageRead(i, 0.0, 0.0, [])
            pr.notes = caps.take_notes()
            pages.append(pr)
            page.close()
            if progress:
                progress(i, total)
    return assemble(path, sha256, pages, metadata)


@contextlib.contextmanager
def _pdfium(path: str, password: str | None):
    """The file opened by pdfium too, or None where pdfium refuses it (pdfplumber then reads every page)."""
    import pypdfium2

    try:
        doc = pypdfium2.PdfDocument(path, password=password or None)
    except pypdfium2.PdfiumError:
        doc = None
    try:
        yield doc
    finally:
        if doc is not None:
            doc.close()


def _layer(doc, index: int) -> Layer | None:
    """The page as pdfium reads it (``layer.read_layer``), or None."""
    if doc is None or index >= len(doc):
        return None
    page = doc[index]
    try:
        return read_layer(page)
    finally:
        page.close()


def _furniture_key(text: str) -> str:
    """Running lines that carry a page number match whatever the number."""
    text = text.strip().lower()
    if text.isdigit() or P.PAGE_NUMBER.match(text) or re.search(r"\bpage\s+\d", text):
        return re.sub(r"\d+", "#", text)
    return text


def _parts(line: Line) -> list[str]:
    """Pieces of a furniture line: a running title left, a stamp right."""
    return re.split(r"\s{2,}", line.text.strip())


def _edge_lines(pr: PageRead) -> list[Line]:
    """The first two and last two body lines of a page, when short: where
    running lines printed inside the margin zone sit ("Page 2 of 3" above a
    low footer)."""
    body = sorted((it for it in pr.items if isinstance(it, Line) and it.zone == "body"), key=lambda l: l.top)
    return [l for l in {id(l): l for l in body[:2] + body[-2:]}.values() if len(l.text.split()) <= 10]


def _page_mark(text: str) -> bool:
    """A page number in a form that cannot be content ("Page 2 of 3", "- 4 -")."""
    pn = P.PAGE_NUMBER.match(text.strip())
    return bool(pn) and not pn.group("c")


def assemble(path: str, sha256: str, pages: list[PageRead], metadata: dict[str, str]) -> Source:
    """Turn per-page reads into the file's blocks."""
    warnings: list[str] = []
    labels: dict[int, str] = {}
    n = len(pages)
    # Running headers/footers: furniture-zone lines whose shape repeats on many pages.
    counts: Counter[str] = Counter()
    edge_counts: Counter[str] = Counter()
    edges = {pr.number: _edge_lines(pr) for pr in pages}
    for pr in pages:
        zone = {_furniture_key(p) for it in pr.items if isinstance(it, Line) and it.zone != "body" for p in _parts(it)}
        counts.update(zone)
        edge_counts.update(zone | {_furniture_key(p) for it in edges[pr.number] for p in _parts(it)})
    # Short files repeat their running lines on few pages, so two is enough there.
    repeated = {k for k, c in counts.items() if c >= 2 and (c >= 0.25 * n or n <= 8)}
    # Inside the body a line must repeat on most pages to count as running:
    # content too can open or close a page more than once.
    repeated |= {k for k, c in edge_counts.items() if c >= 3 and c >= 0.5 * n}
    for pr in pages:
        for line in edges[pr.number]:
            if all(_page_mark(p) or _furniture_key(p) in repeated for p in _parts(line)):
                line.zone = "header" if line.top < pr.height / 2 else "footer"

    lines_out: list[Line | Table | tuple] = []
    seen_running: set[str] = set()
    for pr in pages:
        if pr.needs_ocr:
            warnings.append(f"page {pr.number} has no text layer (scanned image): needs OCR")
        if pr.ocr_note:
            warnings.append(f"page {pr.number} {pr.ocr_note}")
        if pr.garbled and not pr.ocr_note:
            warnings.append(f"page {pr.number} has a text layer that does not decode to words (broken font): needs OCR")
        warnings.extend(f"page {pr.number}: {n}" for n in pr.notes)
        first_on_page = True
        for it in pr.items:
            if isinstance(it, Line) and P.signature_line(it.text):
                continue
            if isinstance(it, Line) and it.zone != "body":
                # Furniture lines often hold several pieces on one baseline
                # (a running title left, a stamp right): judge each alone.
                parts = _parts(it)
                verdicts = [(p, _keep_furniture(p, len(parts) == 1, pr, labels, repeated, seen_running)) for p in parts]
                for part, verdict in verdicts:
                    if verdict == RUNNING:
                        if first_on_page:
                            lines_out.append(("page", pr.number))
                            first_on_page = False
                        lines_out.append(("running", part))
                kept = [p for p, verdict in verdicts if verdict is True]
                if not kept:
                    continue
                it.text = "  ".join(kept)
            if first_on_page:
                lines_out.append(("page", pr.number))
                first_on_page = False
            lines_out.append(it)
        if pr.stamp:
            # The stamp belongs before the page's first content.
            for idx in range(len(lines_out) - 1, -1, -1):
                if lines_out[idx] == ("page", pr.number):
                    lines_out.insert(idx + 1, ("stamp", pr.stamp))
                    break
            else:
                lines_out.append(("page", pr.number))
                lines_out.append(("stamp", pr.stamp))
    blocks = _paragraphs(lines_out)
    return Source(
        path=path,
        format="pdf",
        sha256=sha256,
        pages=n,
        blocks=blocks,
        warnings=warnings,
        page_labels=labels,
        metadata=metadata,
        unread_pages=[pr.number for pr in pages if pr.needs_ocr],
    )


RUNNING = "running"


def _keep_furniture(text: str, alone: bool, pr: PageRead, labels: dict, repeated: set, seen_running: set):
    """Whether a piece of header/footer text is content (``True``), dropped
    (``False``) or the first sight of a running line (``RUNNING``); records
    stamps and page labels.

    A bare number is a page number only when it stands alone on its line;
    beside other words it is a heading's number. A running line is kept once,
    out of the text, because it may be all a document prints of its title.
    """
    if not any(ch.isalnum() for ch in text):
        return False  # a rule or ornament across the page
    stamp = P.AGENDA_STAMP.match(text)
    if stamp:
        pr.stamp = stamp.group("n")
        return False
    pn = P.PAGE_NUMBER.match(text)
    if pn and (pn.group("a") or pn.group("b") or pn.group("c") and alone):
        labels[pr.number] = text
        return False
    key = _furniture_key(text)
    if key in repeated:
        if pn or text.isdigit():
            labels[pr.number] = text
            return False  # a page number series, not a title
        if key in seen_running:
            return False
        seen_running.add(key)
        return RUNNING
    return True


# A minute or item number and a few capitalised words: "17.03.4 Matters Arising", "12. Highways", "4.1 Budget Update".
NUMBERED_HEADING = re.compile(r"^\d{1,3}(?:\.\d{1,3}){0,3}\.?\s+[A-Z][\w'’&,/()-]*(?:\s+[\w'’&,/()-]+){0,7}$")


def _paragraphs(items) -> list[Block]:
    """Rebuild paragraphs from lines using spacing, indents, fonts and list marks."""
    body_lines = [it for it in items if isinstance(it, Line)]
    pitches = [
        b.top - a.top
        for a, b in zip(body_lines, body_lines[1:])
        if a.page == b.page and a.column == b.column and 0 < b.top - a.top < 3 * a.size
    ]
    if pitches:
        base = statistics.median(pitches)
    else:
        base = 14.0
    right = sorted(l.x1 for l in body_lines)[int(len(body_lines) * 0.9)] if body_lines else 0
    left = Counter(round(l.x0) for l in body_lines).most_common(1)[0][0] if body_lines else 0

    def centred(l: Line) -> bool:
        return abs((l.x0 - left) - (right - l.x1)) < 2 * l.size

    blocks: list[Block] = []
    current: list[Line] = []
    new_page = False
    page_no = None

    def flush():
        nonlocal current
        if current:
            blocks.append(_block_from_lines(current, new_page_flag))
            current = []

    new_page_flag = False
    for it in items:
        if isinstance(it, tuple):
            tag, value = it
            if tag == "page":
                flush()
                page_no = value
                new_page = True
            elif tag == "stamp":
                flush()
                blocks.append(Block(kind="marker", text=f"Agenda Item {value}", page=page_no, new_page=True))
            elif tag == "running":
                flush()
                blocks.append(Block(kind="furniture", text=value, page=page_no, new_page=new_page))
            continue
        if isinstance(it, Table):
            flush()
            blocks.append(Block(kind="table", text="", page=it.page, table=it, new_page=new_page))
            new_page = False
            continue
        line = it
        if current:
            prev = current[-1]
            gap = line.top - prev.bottom
            pitch = line.top - prev.top
            # Where most paragraphs are one line, the commonest pitch is the
            # paragraph spacing; no line pitch exceeds about 1.35 ems.
            expected = min(base * line.size / 11.0 if line.size else base, 1.35 * line.size or base)
            wrapped = prev.x1 > right - 4 * prev.size and not P.SENTENCE_END.search(prev.text)
            # A line starting left of the block's hanging indent is a new paragraph.
            hang = current[1].x0 if len(current) > 1 else _text_start(current[0])
            outdented = hang is not None and line.x0 < hang - 4
            # A numbered first line that stops short of the margin with no full stop is the heading
            # ("17.03.4 Matters Arising"), printed in body type, when prose follows it (a line that runs
            # to the margin or ends a sentence); a short line after it is the heading's own second line.
            heading = (
                len(current) == 1
                and NUMBERED_HEADING.match(prev.text.strip()) is not None
                and prev.x1 < right - 8 * prev.size
                and not P.SENTENCE_END.search(prev.text)
                and line.text.strip()[:1].isupper()
                and (line.x1 > right - 4 * line.size or P.SENTENCE_END.search(line.text) is not None)
            )
            # After a line that stops short, a line set in from the margin by a paragraph indent starts the
            # next paragraph ("… signed by the Chairman" / "    Annual Governance Statement – …"); centred
            # title lines are not indented paragraphs.
            indented = (
                line.column == prev.column == 0
                and prev.x1 < right - 4 * prev.size
                and left + 2 * line.size < line.x0 < left + 8 * line.size
                and line.text.strip()[:1].isupper()
                and not centred(line)
                and not centred(prev)
                and not _under_mark(prev, line)
                and not (hang is not None and abs(line.x0 - hang) < 3)  # at the block's own wrap indent
            )
            breaks = (
                heading
                or indented
                or line.column != prev.column
                or pitch > expected * 1.12
                or pitch < 0
                or outdented
                or gap > line.size * 0.9
                or abs(line.size - prev.size) > 0.6
                or line.bold != prev.bold and not wrapped
                or P.BLOCK_START.match(line.text.strip()) is not None
                or P.AGENDA_STAMP.match(line.text.strip()) is not None
            )
            if breaks:
                flush()
        if not current:
            new_page_flag = new_page
            new_page = False
        current.append(line)
    flush()
    return blocks


def _under_mark(prev: Line, line: Line) -> bool:
    """``line`` carries on a list item's text at the indent after its mark ("(a) Endorse … the English" /
    "    Devolution White Paper")."""
    marked = P.LIST_ITEM.match(prev.text.strip()) or P.BULLET.match(prev.text.strip())
    return len(prev.words) > 1 and marked is not None and abs(line.x0 - prev.words[1]["x0"]) < 3


def _text_start(line: Line) -> float | None:
    """Where the text after a bullet starts: the hanging indent.

    Numbered paragraphs wrap flush left as often as hanging, so only a
    bullet's first line sets the indent.
    """
    if len(line.words) > 1 and P.BULLET.match(line.words[0]["text"]):
        return line.words[1]["x0"]
    return None


def _block_from_lines(lines: list[Line], new_page: bool) -> Block:
    text = re.sub(r"\s+", " ", P.join_wrapped([line.text.strip() for line in lines])).strip()
    return Block(
        kind="text",
        text=text,
        page=lines[0].page,
        bold=all(l.bold for l in lines),
        size=statistics.median(l.size for l in lines),
        indent=lines[0].x0,
        new_page=new_page,
    )
