"""A record that repeats an indexed record word for word has its words stored but not indexed.

The same paper is often published more than once: a report in the packs of
two meetings' reissues, minutes again in the next meeting's pack, a file
fetched twice under two names. Their records agree in every field a query
or a filter reads, and search shows them as one hit (``also_in``); indexing
their words again only made each query score every copy before folding it,
so search time grew with the number of copies, not of records.

The first record with given content leads: it is indexed whole and carries
its content digest in ``same``, and its ``role`` is ``lead``. A later one is
a silent copy: its words (``WORDS``) are stored, so it displays and exports
as before, but not indexed; its filter fields are, so a filter finds it as
it finds its lead; its ``role`` is ``copy`` and its lead's digest. Search adds a lead's
copies to its hit, facets count a record once, and scoring leaves copies out
of the collection statistics, so ranking is that of an index holding each
record once. When a lead's file is removed or changed, the file of one of
its copies is written again, and that copy leads (``ingest._commit``).
"""

from __future__ import annotations

import hashlib
import json

from whoosh.query import Term

from minutebook.index.reading import column_value
from minutebook.index.schema import LABELS, entity_field

# The fields a word query reads; a silent copy's are stored (where the schema stores them) but not indexed.
WORDS = ("title", "text", "committee_text", "entity_names", *(entity_field(label) for label in LABELS))
# What may differ between copies of one record: where it is, and what ingest works out from where it is.
PLACE_FIELDS = frozenset({"rid", "path", "sha256", "doc_key", "extra", "lsh", "dup_terms", "dup_group", "fold", "same", "role"})
COPY = Term("role", "copy")  # every silent copy
PER_FILE = frozenset({"file", "contract"})  # records about the file itself: one per path, never a copy


def content_key(rec: dict) -> str | None:
    """The digest of everything a query or filter reads in the record; ``None`` for a record without words
    or about its file."""
    if rec["rtype"] in PER_FILE or not any(rec.get(name) for name in WORDS):
        return None
    content = {k: v for k, v in rec.items() if k not in PLACE_FIELDS}
    return hashlib.blake2b(json.dumps(content, sort_keys=True, default=str).encode("utf-8"), digest_size=12).hexdigest()


def silenced(rec: dict, key: str, schema) -> dict:
    """The copy as written: its words kept as stored values only (``_stored_<field>``, Whoosh's own way)."""
    out = {k: v for k, v in rec.items() if k not in WORDS}
    for name in WORDS:
        if rec.get(name) and schema[name].stored:
            out[name], out["_stored_" + name] = "", rec[name]
    out["role"] = f"copy {key}"
    return out


def place(records: list[dict], claim, schema) -> list[dict]:
    """The records as written: each with words leads (``same``) if ``claim(key)`` grants its content the lead,
    else is a silent copy."""
    out = []
    for rec in records:
        key = content_key(rec)
        if key is None:
            out.append(rec)
        elif claim(key):
            out.append({**rec, "same": key, "role": "lead"})
        else:
            out.append(silenced(rec, key, schema))
    return out


class Claims:
    """Which content already leads: in the index as a commit found it (bar the files the commit replaces,
    whose leads are ``lost``), or earlier in the commit."""

    def __init__(self, searcher=None, lost: set[str] = frozenset()):
        self.searcher = searcher if searcher is not None and "same" in searcher.schema else None
        self.lost, self.taken = lost, set()

    def __call__(self, key: str) -> bool:
        """Whether a record with this content leads, claiming the lead if so."""
        if key in self.taken:
            return False
        self.taken.add(key)
        return key in self.lost or self.searcher is None or not any(self.searcher.docs_for_query(Term("same", key)))


def leads_in(searcher, paths) -> set[str]:
    """The content keys that records in ``paths`` lead."""
    if "same" not in searcher.schema or not paths:
        return set()
    reader = searcher.reader()
    try:
        column = reader.column_reader("same")
    except (KeyError, NotImplementedError):  # no segment holds a lead yet
        return set()
    out = set()
    for path in paths:
        for docnum in searcher.docs_for_query(Term("path", path)):
            if key := column_value(column, docnum):
                out.add(key)
    return out


def copies_of(searcher, key: str) -> list[int]:
    """The silent copies of the record leading ``key``."""
    return list(searcher.docs_for_query(Term("role", key))) if "role" in searcher.schema else []


class SilentCopies:
    """``docnum -> the silent copies of that record`` (none unless it leads) for one searcher.

    The ``same`` column is opened once: opening it reads an offset for
    every record in the index.
    """

    def __init__(self, searcher):
        self.searcher, self._column = searcher, None

    def __call__(self, docnum: int) -> list[int]:
        if "same" not in self.searcher.schema:
            return []
        if self._column is None:
            try:
                self._column = self.searcher.reader().column_reader("same")
            except (KeyError, NotImplementedError):  # no segment holds a lead yet
                return []
        key = column_value(self._column, docnum)
        return copies_of(self.searcher, key) if key else []


def indexed_count(searcher) -> int:
    """How many records have their words indexed: the leads, deleted ones too until a merge as in Whoosh's
    own count; every record in an index written before leads were marked."""
    leads = searcher.doc_frequency("role", "lead") if "role" in searcher.schema else 0
    return leads or searcher.doc_count_all()
