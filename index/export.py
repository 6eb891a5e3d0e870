"""An archive's records as related tables: SQLite (with FTS5) or CSV files.

Built from the JSON contracts the index stores at ingest (one ``contract``
record per file), so an export holds what ``minutebook extract`` gave for
every file, with outcome, votes, mover and seconder and attendance, which the
search records leave out. Plain ``sqlite3`` rather than sqlite-utils: the
tables are fixed and few, so ``CREATE TABLE`` text states them, foreign keys
included, with no dependency.
"""

from __future__ import annotations

import csv
import json
import os
import sqlite3
import zlib
from dataclasses import dataclass, field

# Table -> columns; the first is the integer key, ``*_id`` columns refer to the table they name.
TABLES: dict[str, tuple[str, ...]] = {
    "files": ("id", "path", "sha256", "format", "pages"),
    "documents": ("id", "file_id", "doc", "kind", "title", "agenda_item", "date", "page_start", "page_end"),
    "sections": ("id", "document_id", "section", "number", "heading", "level", "text", "page"),
    "tables": ("id", "document_id", "table_ref", "title", "page", "header", "rows"),
    "meetings": ("id", "file_id", "document_id", "committee", "date", "time", "end_time", "place", "source_role"),
    "agenda_items": ("id", "meeting_id", "number", "title", "officer", "page_start", "page_end", "private"),
    "minutes_items": ("id", "meeting_id", "number", "title", "page", "private"),
    "resolutions": ("id", "meeting_id", "minute", "title", "text", "clauses", "outcome", "votes_for", "votes_against",
                    "votes_abstain", "vote_names", "mover", "seconder", "page", "private"),
    "attendance": ("id", "meeting_id", "role", "name"),
    "entities": ("id", "file_id", "document_id", "section", "label", "text", "canonical", "start", "end", "where_found"),
}
REFERS = {"file_id": "files", "document_id": "documents", "meeting_id": "meetings"}
# Records a full-text query finds, with the columns it reads.
FTS_SOURCES = {"sections": ("heading", "text"), "agenda_items": ("title", None), "minutes_items": ("title", None),
               "resolutions": ("title", "text"), "documents": ("title", None)}


@dataclass
class Rows:
    """Rows of every table, with keys running on across files."""

    tables: dict[str, list[dict]] = field(default_factory=lambda: {t: [] for t in TABLES})

    def __post_init__(self):
        self._next: dict[str, int] = {}

    def add(self, table: str, **values) -> int:
        rows = self.tables[table]
        key = self._next.get(table, 1)
        self._next[table] = key + 1
        rows.append({"id": key, **{c: _cell(values.get(c)) for c in TABLES[table][1:]}})
        return key

    def clear(self) -> None:
        """Drop written rows but keep numbering, so the next file's keys follow on."""
        for rows in self.tables.values():
            rows.clear()


def _cell(value):
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):
        return int(value)
    return value


def pack_contract(contract: dict) -> bytes:
    return zlib.compress(json.dumps(contract, ensure_ascii=False).encode("utf-8"))


def unpack_contract(blob: bytes) -> dict:
    return json.loads(zlib.decompress(blob).decode("utf-8"))


def stored_contracts(ix):
    """(path, contract) of every indexed file, in path order; ``None`` for files indexed before contracts were kept."""
    with ix.searcher() as s:
        files = sorted((f["path"], f["sha256"]) for f in s.documents(rtype="file"))
        kept = {c["path"]: c for c in s.documents(rtype="contract")}
    for path, sha in files:
        c = kept.get(path)
        yield path, unpack_contract(c["extra"]["contract"]) if c and c.get("sha256") == sha else None


def stored_contract(searcher, path: str) -> dict | None:
    """One file's stored contract, or ``None``."""
    c = searcher.document(rid=f"{path}::contract")
    return unpack_contract(c["extra"]["contract"]) if c else None


def add_contract(rows: Rows, contract: dict, path: str) -> None:
    """One file's contract as rows of every table."""
    src = contract.get("source", {})
    file_id = rows.add("files", path=path, sha256=src.get("sha256"), format=src.get("format"), pages=src.get("pages"))
    doc_ids = {}
    for d in contract.get("documents", []):
        doc_ids[d["id"]] = rows.add("documents", file_id=file_id, doc=d["id"], **{k: d.get(k) for k in TABLES["documents"][3:]})
        for s in d.get("sections", []):
            rows.add("sections", document_id=doc_ids[d["id"]], section=s["id"], **{k: s.get(k) for k in TABLES["sections"][3:]})
        for t in d.get("tables", []):
            rows.add("tables", document_id=doc_ids[d["id"]], table_ref=t.get("id"), title=t.get("title"), page=t.get("page"),
                     header=t.get("header"), rows=t.get("rows"))
    for m in contract.get("meetings", []):
        meeting_id = rows.add("meetings", file_id=file_id, document_id=doc_ids.get(m.get("document")),
                              **{k: m.get(k) for k in TABLES["meetings"][3:]})
        for a in m.get("agenda_items", []):
            rows.add("agenda_items", meeting_id=meeting_id, **{k: a.get(k) for k in TABLES["agenda_items"][2:]})
        for i in m.get("minutes_items", []):
            rows.add("minutes_items", meeting_id=meeting_id, **{k: i.get(k) for k in TABLES["minutes_items"][2:]})
        for r in m.get("resolutions", []):
            votes = r.get("votes") or {}
            rows.add("resolutions", meeting_id=meeting_id, votes_for=votes.get("for"), votes_against=votes.get("against"),
                     votes_abstain=votes.get("abstain"), vote_names=votes.get("names"),
                     **{k: r.get(k) for k in ("minute", "title", "text", "clauses", "outcome", "mover", "seconder", "page", "private")})
        for role, names in (m.get("attendance") or {}).items():
            for name in names:
                rows.add("attendance", meeting_id=meeting_id, role=role, name=name)
    for e in contract.get("entities", []) + contract.get("entities_elsewhere", []):
        rows.add("entities", file_id=file_id, document_id=doc_ids.get(e.get("document")), where_found=e.get("where") or "text",
                 **{k: e.get(k) for k in ("section", "label", "text", "canonical", "start", "end")})


def _ddl(table: str) -> str:
    cols = ["id INTEGER PRIMARY KEY"]
    for c in TABLES[table][1:]:
        ref = REFERS.get(c)
        cols.append(f'"{c}"' + (f" INTEGER REFERENCES {ref}(id)" if ref else ""))
    return f'CREATE TABLE "{table}" ({", ".join(cols)})'


def _fts_rows(rows: Rows):
    for table, (title, text) in FTS_SOURCES.items():
        for r in rows.tables[table]:
            yield r[title], r[text] if text else None, table, r["id"]


def to_sqlite(contracts, db_path: str) -> dict[str, int]:
    """Write every table and ``records_fts`` to a new database at ``db_path``; row counts by table.

    Written to a temporary file and renamed, so a failed export never leaves
    half an archive where a good one was.
    """
    tmp = db_path + ".part"
    if os.path.exists(tmp):
        os.remove(tmp)
    counts = dict.fromkeys(TABLES, 0)
    db = sqlite3.connect(tmp)
    try:
        for table in TABLES:
            db.execute(_ddl(table))
        for ref_col, ref in REFERS.items():
            for table, cols in TABLES.items():
                if ref_col in cols:
                    db.execute(f'CREATE INDEX "{table}_{ref_col}" ON "{table}"({ref_col})')
        db.execute("CREATE VIRTUAL TABLE records_fts USING fts5(title, text, source UNINDEXED, source_id UNINDEXED)")
        rows = Rows()
        for path, contract in contracts:
            add_contract(rows, contract, path)
            for table, cols in TABLES.items():
                got = rows.tables[table]
                db.executemany(f'INSERT INTO "{table}" VALUES ({", ".join("?" * len(cols))})', [tuple(r[c] for c in cols) for r in got])
                counts[table] += len(got)
            db.executemany("INSERT INTO records_fts VALUES (?, ?, ?, ?)", list(_fts_rows(rows)))
            rows.clear()
        db.commit()
    except BaseException:
        db.close()
        os.remove(tmp)
        raise
    db.close()
    os.replace(tmp, db_path)
    return counts


def to_csv(contracts, out_dir: str) -> dict[str, int]:
    """One CSV per table in ``out_dir`` (UTF-8 with a BOM, which spreadsheets need to read it as UTF-8)."""
    os.makedirs(out_dir, exist_ok=True)
    counts = dict.fromkeys(TABLES, 0)
    handles = {t: open(os.path.join(out_dir, f"{t}.csv"), "w", newline="", encoding="utf-8-sig") for t in TABLES}
    try:
        writers = {t: csv.DictWriter(h, fieldnames=TABLES[t]) for t, h in handles.items()}
        for w in writers.values():
            w.writeheader()
        rows = Rows()
        for path, contract in contracts:
            add_contract(rows, contract, path)
            for table, got in rows.tables.items():
                writers[table].writerows(got)
                counts[table] += len(got)
            rows.clear()
    finally:
        for h in handles.values():
            h.close()
    return counts
