"""Drawing helpers for the bundled sample corpus: a tiny flowing-text layer on
a reportlab canvas that looks like a Word-to-PDF council paper.

A4, Helvetica 11pt body, bold headings, hanging indents, bullet lists, ruled
tables (real grid lines, a table carried over a page break), unruled
whitespace-aligned tables, a two-column block and a centred "Page N" footer.
Output is byte-identical from run to run (``invariant=1``, fixed metadata).
"""

from __future__ import annotations

import io
import os

import reportlab
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

W, H = A4
LEFT, RIGHT, TOP, BOTTOM = 72.0, 72.0, 72.0, 72.0
BODY = 11.0
LEAD = 14.0
SHY = "\u00ad"  # soft hyphen: a permitted break, printed as "-" at a line end
BULLET = "\u2022"
# The bullet glyph is set in Bitstream Vera, which ships inside reportlab, so
# pdfplumber reads it as "\u2022" (standard Helvetica gives "(cid:127)").
pdfmetrics.registerFont(TTFont("Vera", os.path.join(os.path.dirname(reportlab.__file__), "fonts", "Vera.ttf")))


def font(bold: bool) -> str:
    return "Helvetica-Bold" if bold else "Helvetica"


def wrap(text: str, width: float, bold: bool = False, size: float = BODY) -> list[str]:
    """Greedy word wrap; a word with a soft hyphen may split as ``part-``."""
    fn = font(bold)
    lines: list[str] = []
    for para in text.split("\n"):
        cur = ""
        for word in para.split():
            trial = (cur + " " + word).strip()
            if stringWidth(trial.replace(SHY, ""), fn, size) <= width:
                cur = trial
                continue
            if SHY in word:
                head, tail = word.split(SHY, 1)
                first = (cur + " " + head + "-").strip()
                if stringWidth(first.replace(SHY, ""), fn, size) <= width:
                    lines.append(first)
                    cur = tail
                    continue
            if cur:
                lines.append(cur)
            cur = word
        lines.append(cur)
    return [ln.replace(SHY, "") for ln in lines]


class Pack:
    """One PDF file. Components start on new pages via :meth:`start`."""

    def __init__(self, title: str, subject: str = "") -> None:
        self.buf = io.BytesIO()
        self.c = canvas.Canvas(self.buf, pagesize=A4, invariant=1, pageCompression=1)
        self.c.setTitle(title)
        self.c.setAuthor("Hartwell City Council (fictional sample)")
        self.c.setSubject(subject or title)
        self.c.setCreator("minutebook corpus/make_corpus.py")
        self.page = 0
        self.y = 0.0
        self.running = False
        self.started = False

    # -- pages -------------------------------------------------------------
    def _open_page(self, stamp: str | None = None) -> None:
        if self.started:
            self.c.showPage()
        self.started = True
        self.page += 1
        c = self.c
        c.setFont(font(False), 10)
        c.drawCentredString(W / 2, 36, f"Page {self.page}")
        if self.running:
            c.setFont(font(False), 9)
            c.drawString(LEFT, H - 40, "Hartwell City Council")
        if stamp:
            c.setFont(font(True), 12)
            c.drawRightString(W - RIGHT, H - 42, stamp)
        self.y = H - TOP

    def start(self, running_header: bool = False, stamp: str | None = None) -> int:
        """Begin a component on a fresh page; return its first page number."""
        self.running = running_header
        self._open_page(stamp)
        return self.page

    def need(self, height: float) -> None:
        if self.y - height < BOTTOM:
            self._open_page()

    def gap(self, h: float = 6) -> None:
        self.y -= h

    # -- text --------------------------------------------------------------
    def para(self, text: str, bold: bool = False, size: float = BODY, indent: float = 0,
             after: float = 8, centre: bool = False, label: str | None = None,
             hang: float = 0, label_bold: bool | None = None) -> None:
        """A paragraph; ``label`` (a number or bullet) sits at ``indent`` and the
        text hangs at ``indent + hang``."""
        x = LEFT + indent + hang
        width = W - RIGHT - x
        lead = size * 1.27
        lines = wrap(text, width, bold, size)
        for i, line in enumerate(lines):
            self.need(lead)
            self.y -= lead
            self.c.setFont(font(bold), size)
            if centre:
                self.c.drawCentredString(W / 2, self.y, line)
            else:
                self.c.drawString(x, self.y, line)
            if i == 0 and label:
                lf = "Vera" if label == BULLET else font(bold if label_bold is None else label_bold)
                self.c.setFont(lf, size)
                self.c.drawString(LEFT + indent, self.y, label)
        self.y -= after

    def heading(self, text: str, size: float = 12, after: float = 6, centre: bool = False) -> None:
        self.need(size * 3)
        self.para(text, bold=True, size=size, after=after, centre=centre)

    def numbered(self, num: str, text: str, indent: float = 0, hang: float = 34, bold: bool = False) -> None:
        self.para(text, label=num, indent=indent, hang=hang, bold=bold)

    def bullet(self, text: str, indent: float = 34) -> None:
        self.para(text, label=BULLET, indent=indent, hang=14, after=4)

    def pair(self, label: str, text: str, tab: float = 110, after: float = 6) -> None:
        """A bold label with a value at a tab stop (``Place  Room 2``)."""
        self.para(text, label=label, hang=tab, after=after, label_bold=True)

    # -- tables ------------------------------------------------------------
    def ruled_table(self, rows: list[list[str]], widths: list[float], header_rows: int = 1,
                    size: float = 9.5, after: float = 12) -> tuple[int, int]:
        """Draw a grid table; header rows are bold. A table cut by a page break
        carries on at the top of the next page without repeating its header,
        the form a reader must join back into one table. Returns (first page,
        last page)."""
        scale = (W - LEFT - RIGHT) / sum(widths)
        widths = [w * scale for w in widths]
        pad, lead = 4.0, size * 1.25
        cells = []
        for r, row in enumerate(rows):
            bold = r < header_rows
            wrapped = [wrap(txt, wd - 2 * pad, bold, size) for txt, wd in zip(row, widths)]
            h = max(len(w) for w in wrapped) * lead + 2 * pad
            cells.append((wrapped, h, bold))
        first = None
        for r, cell in enumerate(cells):
            if self.y - cell[1] < BOTTOM:
                self._open_page()
            if first is None:
                first = self.page
            self._row(cell, widths, size, pad, lead)
        self.y -= after
        return first, self.page

    def _row(self, cell, widths, size, pad, lead) -> None:
        wrapped, h, bold = cell
        c = self.c
        c.setLineWidth(0.6)
        top, x = self.y, LEFT
        c.line(LEFT, top, LEFT + sum(widths), top)
        c.line(LEFT, top - h, LEFT + sum(widths), top - h)
        for lines, wd in zip(wrapped, widths):
            c.line(x, top, x, top - h)
            c.setFont(font(bold), size)
            ty = top - pad - size
            for ln in lines:
                c.drawString(x + pad, ty, ln)
                ty -= lead
            x += wd
        c.line(x, top, x, top - h)
        self.y = top - h

    def unruled_table(self, rows: list[list[str]], xs: list[float], header_rows: int = 1,
                      size: float = 10, after: float = 10) -> None:
        """Whitespace-aligned columns at offsets ``xs``; no lines at all.
        Numeric columns (all but the first) are right-aligned at the next stop."""
        lead = size * 1.45
        self.need(lead * len(rows))
        for r, row in enumerate(rows):
            self.y -= lead
            self.c.setFont(font(r < header_rows), size)
            for i, txt in enumerate(row):
                if i == 0:
                    self.c.drawString(LEFT + xs[0], self.y, txt)
                else:
                    self.c.drawRightString(LEFT + xs[i], self.y, txt)
        self.y -= after

    def two_columns(self, blocks: list[tuple[str, bool]], gutter: float = 28, size: float = 10) -> None:
        """Set (text, bold) blocks in two columns on the current page, column 1
        filled first; must fit on one page."""
        colw = (W - LEFT - RIGHT - gutter) / 2
        lead = size * 1.3
        lines: list[tuple[str, bool]] = []
        for text, bold in blocks:
            lines += [(ln, bold) for ln in wrap(text, colw, bold, size)]
            lines.append(("", False))
        half = (len(lines) + 1) // 2
        while half < len(lines) and lines[half - 1][0] != "":
            half += 1  # break the columns between paragraphs
        cols = [lines[:half], lines[half:]]
        top = self.y
        for ci, col in enumerate(cols):
            y = top
            x = LEFT + ci * (colw + gutter)
            for ln, bold in col:
                y -= lead
                if ln:
                    self.c.setFont(font(bold), size)
                    self.c.drawString(x, y, ln)
            self.y = min(self.y, y) if ci else y
        self.y = min(top - lead * len(cols[0]), top - lead * len(cols[1])) - 8

    def finish(self) -> bytes:
        self.c.showPage()
        self.c.save()
        return self.buf.getvalue()
