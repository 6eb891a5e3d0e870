"""Plain text as Documents, for tagging text that no extractor has read.

Paragraphs (split on blank lines) become sections with whitespace collapsed,
as the extractor's sections are; tab-separated lines become table rows, the
first row of each run taken as its header.
"""

from __future__ import annotations

import re

from minutebook.model import Document, Section, Table


def document_from_text(text: str, doc_id: str = "d1", kind: str = "other") -> Document:
    doc = Document(id=doc_id, kind=kind, title=None, agenda_item=None, date=None, page_start=None, page_end=None)
    rows: list[list[str]] = []

    def close_table():
        if rows:
            n = len(doc.tables) + 1
            doc.tables.append(Table(page=None, header=rows[0], rows=rows[1:] or rows[:], id=f"{doc_id}.t{n}"))
            rows.clear()

    # A line ending in a space was hard-wrapped mid-paragraph (pdftotext
    # style), even when a blank line follows it.
    text = re.sub(r"(?<=\S) +\n\s*\n(?=\S)", " \n", text)
    for para in re.split(r"\n\s*\n", text):
        lines = [line for line in para.split("\n") if line.strip()]
        prose = []
        for line in lines:
            if "\t" in line:
                rows.append([cell.strip() for cell in line.split("\t")])
            else:
                prose.append(line)
        if prose:
            close_table()
            body = re.sub(r"\s+", " ", " ".join(prose)).strip()
            if body:
                n = len(doc.sections) + 1
                doc.sections.append(Section(id=f"{doc_id}.s{n}", number=None, heading=None, level=1, text=body, page=None))
    close_table()
    return doc
