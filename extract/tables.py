"""Tables of a document: joined across pages, titled."""

from __future__ import annotations

from minutebook.model import Document, Table


def finish_tables(doc: Document) -> list[Table]:
    return [b.table for b in doc.blocks if b.kind == "table"]
