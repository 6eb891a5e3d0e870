"""Tables of a document: continued tables joined, headers and titles set.

A ruled table cut by a page break shows as two regions; the second, at the
top of the next page with the same columns and no header row of its own,
continues the first. A repeated header row instead starts a new table, as
printed.
"""

from __future__ import annotations

import re

from minutebook.extract.dates import DAY_MONTH, NUMERIC
from minutebook.model import Block, Document, Table

TITLE_MAX_WORDS = 20
LIST_KEY = re.compile(r"^(?:items|meetings)\b", re.I)
MIN_KEYED_ROWS = 3


def finish_tables(doc: Document) -> list[Table]:
    if doc.kind == "work_programme":
        doc.blocks = _keyed_lists_to_tables(doc.blocks)
    tables: list[Table] = []
    prev_block: Block | None = None
    last_table_block: Block | None = None
    for block in doc.blocks:
        if block.kind == "table":
            t = block.table
            if last_table_block is not None and prev_block is last_table_block and _continues(tables[-1], t, block):
                tables[-1].rows.extend(t.rows)
                tables[-1].page_end = t.page
            else:
                if t.title is None and prev_block is not None and prev_block.kind == "text":
                    t.title = _title(prev_block)
                tables.append(t)
            last_table_block = block
        if block.kind != "marker":
            prev_block = block
    for n, t in enumerate(tables, start=1):
        t.id = f"{doc.id}.t{n}"
        t.header = _header(t)
    return tables


def _continues(first: Table, nxt: Table, block: Block) -> bool:
    if first.page is None or nxt.page is None or nxt.page != (first.page_end or first.page) + 1:
        return False
    width = lambda t: max((len(r) for r in t.rows), default=0)
    return width(first) == width(nxt) and nxt.header_rows == 0 and first.ruled == nxt.ruled


def _title(block: Block) -> str | None:
    text = block.text.strip()
    if not text or len(text.split()) > TITLE_MAX_WORDS or text.endswith((".", ",", ";")):
        return None
    return text.rstrip(":")


def _header(t: Table) -> list[str]:
    """One header row; a cell spanning columns repeats its text in each."""
    if not t.header_rows:
        return []
    rows = [list(r) for r in t.rows[: t.header_rows]]
    # A header row with one filled cell is the table's caption, not a column
    # header spanning every column.
    captions = [r for r in rows if sum(1 for c in r if c) == 1 and len(r) > 2 and r[0]]
    if captions and len(captions) < len(rows):
        t.title = t.title or captions[0][0]
        rows = [r for r in rows if r not in captions]
    for r in rows[:-1]:  # upper rows span: fill blanks from the left
        for i in range(1, len(r)):
            if not r[i] and r[i - 1]:
                r[i] = r[i - 1]
    width = max(len(r) for r in rows)
    out = []
    for c in range(width):
        parts = [r[c] for r in rows if c < len(r) and r[c]]
        out.append(re.sub(r"\s+", " ", " ".join(dict.fromkeys(parts))).strip())
    return out



def _is_key(text: str) -> bool:
    m = DAY_MONTH.match(text) or NUMERIC.match(text)
    return bool(m) or bool(LIST_KEY.match(text) and len(text.split()) <= 6)


def _keyed_lists_to_tables(blocks: list[Block]) -> list[Block]:
    """A work programme 'at a glance' printed as plain lines becomes its table.

    Text exports lose the grid: a meeting date (or an "Items for …" label)
    on its own line, then the short lines of its items, again and again.
    Each key and the items under it make one two-column row.
    """
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        rows: list[list[str]] = []
        j = i
        while j < len(blocks) and blocks[j].kind == "text" and _is_key(blocks[j].text):
            key, items = blocks[j].text, []
            j += 1
            while j < len(blocks) and blocks[j].kind == "text" and not _is_key(blocks[j].text) and _is_item(blocks[j].text):
                items.append(blocks[j].text)
                j += 1
            rows.append([key, " ".join(items)])
        dated = sum(1 for r in rows if not LIST_KEY.match(r[0]))
        if dated >= MIN_KEYED_ROWS and blocks[i].page is None:
            table = Table(page=None, header=[], rows=rows, ruled=False)
            out.append(Block(kind="table", text="", table=table))
            i = j
        else:
            out.append(blocks[i])
            i += 1
    return out


def _is_item(text: str) -> bool:
    return len(text.split()) <= 20 and not text.endswith(".")
