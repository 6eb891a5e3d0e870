"""Whitespace-aligned (unruled) tables, found from the alignment of text.

pdfplumber's line-based finder only sees tables drawn with rules. A table set
with tab stops shows up instead as consecutive lines whose words fall into the
same columns separated by wide gaps; this finds such runs and turns them into
tables. It works on the reader's lines (anything with ``words``, ``page``,
``column``, ``size``), before paragraphs are rebuilt and the gaps are lost.
"""

from __future__ import annotations

import bisect

from minutebook.model import Table

MIN_ROWS = 3
ALIGN = 4.0  # points two cell starts may differ and still share a column


def split_cells(line) -> list[tuple[float, str]]:
    """Cells of a line: runs of words separated by a gap wider than ~2.5 ems."""
    return [(x0, text) for x0, _, text in _cells(line)]


def _cells(line) -> list[tuple[float, float, str]]:
    """Cells with their left and right edges."""
    cells: list[list] = []
    prev = None
    for w in line.words:
        if prev is None or w["x0"] - prev["x1"] > 2.5 * w["size"]:
            cells.append([w["x0"], w["x1"], [w["text"]]])
        else:
            cells[-1][1] = w["x1"]
            cells[-1][2].append(w["text"])
        prev = w
    return [(x0, x1, " ".join(ws)) for x0, x1, ws in cells]


def _anchors(rows: list[list[tuple[float, str]]]) -> list[float]:
    xs = sorted(x for cells in rows for x, _ in cells)
    groups: list[list[float]] = []
    for x in xs:
        if groups and x - groups[-1][-1] <= ALIGN:
            groups[-1].append(x)
        else:
            groups.append([x])
    return [g[0] for g in groups if len(g) >= 2]


class _Columns:
    """The cell starts of a growing run, asking whether a line fits the
    anchors of the run plus itself (``_fits(c, _anchors(rows + [c]))``)
    without recomputing them: time grows with the run, not its square."""

    def __init__(self, cells):
        self.count: dict[float, int] = {}
        self.keys: list[float] = []  # distinct starts, sorted
        self.add(cells)

    def add(self, cells) -> None:
        for x, _ in cells:
            if x not in self.count:
                bisect.insort(self.keys, x)
                self.count[x] = 0
            self.count[x] += 1

    def remove(self, cells) -> None:
        for x, _ in cells:
            self.count[x] -= 1
            if not self.count[x]:
                del self.count[x]
                del self.keys[bisect.bisect_left(self.keys, x)]

    def fits_with(self, cells) -> bool:
        self.add(cells)
        try:
            return all(self._anchored(x) for x, _ in cells)
        finally:
            self.remove(cells)

    def _anchored(self, x: float) -> bool:
        """Whether ``x``'s group (starts chained ``ALIGN`` apart) has two members and starts within ``ALIGN`` of it.

        No other group's start can be that near: it would chain into this one.
        """
        keys, j = self.keys, bisect.bisect_left(self.keys, x)
        pair = self.count[x] >= 2 or j + 1 < len(keys) and keys[j + 1] - x <= ALIGN
        while j > 0 and keys[j] - keys[j - 1] <= ALIGN:
            j -= 1
            pair = True
            if x - keys[j] > ALIGN:
                return False
        return pair


def _fits(cells, anchors) -> bool:
    return all(any(abs(x - a) <= ALIGN for a in anchors) for x, _ in cells)


def find_unruled(items: list) -> list:
    """Replace runs of column-aligned lines in ``items`` with ``Table`` objects."""
    out: list = []
    i = 0
    while i < len(items):
        run, scanned = _run_at(items, i)
        if run:
            lines = items[i : i + run]
            header = _header_cells(out[-1], lines) if out else None
            if header is not None:
                out.pop()
            out.append(_to_table(lines, header))
            i += run
        else:
            # Aligned lines judged as a whole (prose, labels) are no table from any of them on:
            # judging each suffix again would be quadratic.
            out.extend(items[i : i + max(1, scanned)])
            i += max(1, scanned)
    return out


def _is_line(item) -> bool:
    return hasattr(item, "words") and getattr(item, "zone", "body") == "body"


def _run_at(items: list, start: int) -> tuple[int, int]:
    """(lines of the table starting at ``start`` or 0, lines to pass over when 0)."""
    first = items[start]
    if not _is_line(first):
        return 0, 1
    cells = split_cells(first)
    if len(cells) < 2:
        return 0, 1
    rows = [cells]
    columns = _Columns(cells)
    end = start + 1
    while end < len(items) and _is_line(items[end]):
        line = items[end]
        prev = items[end - 1]
        if line.page != first.page or line.column != first.column:
            break
        if line.top - prev.bottom > 2.0 * line.size:
            break
        c = split_cells(line)
        same_type = line.bold == prev.bold and abs(line.size - prev.size) <= 0.6
        if len(c) >= 2 and columns.fits_with(c) or len(c) == 1 and abs(c[0][0] - cells[0][0]) <= ALIGN and same_type:
            rows.append(c)
            columns.add(c)
            end += 1
        else:
            break
    multi = [r for r in rows if len(r) >= 2]
    # Trailing one-cell lines count only while the table still has multi-cell rows after them.
    while rows and len(rows[-1]) == 1 and len(multi) < len(rows) and _is_prose(rows[-1]):
        rows.pop()
        end -= 1
    anchors = _anchors(multi)
    words = sorted(len(text.split()) for r in multi for _, text in r)
    if words and words[len(words) // 2] > 5:
        return 0, end - start  # columns of prose, not a table
    if len(multi) < MIN_ROWS or len(anchors) < 2 or not all(_fits(r, anchors) for r in multi):
        return 0, 1
    if sum(r[0][1].rstrip().endswith(":") for r in rows) * 3 >= len(rows) * 2:
        return 0, end - start  # "Date: … / Venue: …" labels and their values, not a table
    return end - start, end - start


def _is_prose(cells) -> bool:
    return len(cells[0][1].split()) > 6


def _spans(lines) -> list[tuple[float, float]]:
    """Each column's extent: from its left anchor to the furthest right edge in it."""
    rows = [_cells(line) for line in lines]
    anchors = _anchors([[(x0, t) for x0, _, t in r] for r in rows if len(r) >= 2])
    right = {a: a for a in anchors}
    for r in rows:
        for x0, x1, _ in r:
            a = min(anchors, key=lambda a: abs(a - x0))
            right[a] = max(right[a], x1)
    return [(a, right[a]) for a in anchors]


def _header_cells(line, lines) -> list[str] | None:
    """The line just above a table, split over the table's columns, if it is
    the table's header. Header labels sit closer together than data cells and
    are often centred or right-aligned over figures, so the line is cut at
    gaps over one em and each piece goes to the column it is centred in or
    right-aligned with."""
    if not _is_line(line) or line.page != lines[0].page or line.column != lines[0].column:
        return None
    if lines[0].top - line.bottom > 2.0 * line.size or not line.words or "x1" not in line.words[0]:
        return None
    spans = _spans(lines)
    pieces: list[list] = []
    for w in line.words:
        if pieces and w["x0"] - pieces[-1][1] <= w["size"]:
            pieces[-1][1] = w["x1"]
            pieces[-1][2].append(w["text"])
        else:
            pieces.append([w["x0"], w["x1"], [w["text"]]])
    cells = [""] * len(spans)
    used = set()
    for x0, x1, words in pieces:
        mid = (x0 + x1) / 2
        col = next(
            (k for k, (a, b) in enumerate(spans) if a - ALIGN <= mid <= b + ALIGN or abs(x1 - b) <= ALIGN),
            None,
        )
        if col is None or col in used:
            return None
        used.add(col)
        cells[col] = " ".join(words)
    return cells if len(used) >= 2 else None


def _to_table(lines, header: list[str] | None = None) -> Table:
    rows = [split_cells(line) for line in lines]
    anchors = _anchors([r for r in rows if len(r) >= 2])
    table_rows = [header] if header else []
    for r in rows:
        cells = [""] * len(anchors)
        for x, text in r:
            col = min(range(len(anchors)), key=lambda k: abs(anchors[k] - x))
            cells[col] = (cells[col] + " " + text).strip()
        table_rows.append(cells)
    header_rows = 1 if header is not None or all(line.bold for line in lines[:1]) or _looks_like_header(table_rows) else 0
    return Table(page=lines[0].page, header=[], rows=table_rows, ruled=False, header_rows=header_rows)


def _looks_like_header(rows: list[list[str]]) -> bool:
    """A first row with no digits above rows that have them reads as a header."""
    if len(rows) < 2:
        return False
    first_has_digit = any(ch.isdigit() for cell in rows[0] for ch in cell)
    rest_digits = sum(1 for r in rows[1:] if any(ch.isdigit() for c in r for ch in c))
    return not first_has_digit and rest_digits >= len(rows[1:]) / 2
