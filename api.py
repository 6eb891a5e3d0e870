"""The Python API: what the command line does, as functions and typed results.

    import minutebook
    ex = minutebook.extract("pack.pdf")
    ix = minutebook.Index("archive-index")
    ix.ingest(["papers/"])
    for hit in ix.search('"youth hub"', committee="children").hits: ...

The CLI is a thin layer over the same functions (``minutebook.index.query``
and ``minutebook.index.ingest``); results here are dataclasses built from the
dicts those return, so every key the JSON output has is an attribute or sits
in ``extra``.
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass, field
from typing import Any, Iterator

from minutebook.index import default_index_dir
from minutebook.model import Extraction


def extract(path: str, ocr: bool = False, entities: bool = True, password: str | None = None) -> Extraction:
    """Every extraction stage on one file; entities tagged unless ``entities=False``.

    Raises ``minutebook.extract.ReadError`` with a one-line reason for a file
    it cannot read.
    """
    from minutebook.extract import extract_file
    from minutebook.index.ingest import tag_entities

    ex = extract_file(path, password=password, ocr=ocr)
    if entities:
        tag_entities(ex)
    return ex


def _build(cls, d: dict):
    """``cls`` from a result dict: known keys as fields, the rest in ``extra``."""
    names = {f.name for f in dataclasses.fields(cls)}
    known = {k: v for k, v in d.items() if k in names and k != "extra"}
    rest = {k: v for k, v in d.items() if k not in names}
    return cls(**known, extra=rest) if "extra" in names else cls(**known)


@dataclass
class Hit:
    """One search hit: a record and where it was published."""

    type: str
    title: str | None = None
    committee: str | None = None
    date: str | None = None
    kind: str | None = None
    document: str | None = None
    document_title: str | None = None
    agenda_item: str | None = None
    minute: str | None = None
    file: str | None = None
    page: int | None = None
    snippet: str | None = None
    score: float | None = None
    also_in: list[str] = field(default_factory=list)
    folded: list[dict] = field(default_factory=list)  # the item's other records at the same meeting, best first
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class SearchResult:
    query: str
    total: int
    more: bool
    hits: list[Hit]
    facets: dict[str, dict[str, int]] = field(default_factory=dict)
    filters: dict[str, Any] = field(default_factory=dict)  # what each filter was resolved to
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Resolution:
    """A decision, once however many files print its minutes."""

    committee: str | None
    date: str | None
    minute: str | None
    title: str | None
    text: str | None
    clauses: list[str]
    file: str
    page: int | None = None
    outcome: str | None = None
    votes: dict | None = None
    mover: str | None = None
    seconder: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Appearance:
    type: str
    title: str | None
    file: str
    page: int | None = None
    kind: str | None = None
    document: str | None = None
    document_title: str | None = None
    agenda_item: str | None = None
    minute: str | None = None
    also_in: list[str] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class TracedMeeting:
    """A meeting where a traced item appeared (or was planned)."""

    committee: str | None
    date: str
    planned: bool
    title: str | None
    appearances: list[Appearance]
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class DuplicateGroup:
    score: float
    documents: list[dict]


@dataclass
class MeetingRecord:
    """A meeting as extracted (the contract's meeting object) with the file it came from."""

    file: str
    number: int  # 1-based position among the file's meetings
    committee: str | None
    date: str | None
    data: dict


class Index:
    """A minutebook index directory (created by the first ``ingest``)."""

    def __init__(self, path: str | None = None):
        self.path = path or default_index_dir()

    def _ix(self):
        from minutebook.index.ingest import index_exists, open_index

        if not index_exists(self.path):
            raise FileNotFoundError(f"no index in {self.path}: ingest papers first")
        return open_index(self.path)

    def ingest(self, paths, jobs: int | None = None, prune: bool = False, ocr: bool = False, password: str | None = None,
               progress=None, notify=None, budget=None):
        """Bring the index up to date with ``paths`` (files or folders); an ``IngestReport``.

        ``budget`` (``minutebook.extract.budget.Budget``) caps each file's time and memory.
        """
        from minutebook.extract.budget import Budget
        from minutebook.index.ingest import ingest

        return ingest(list(paths), self.path, jobs=jobs, prune=prune, progress=progress, password=password, ocr=ocr,
                      budget=budget or Budget(), notify=notify)

    def search(self, query: str, limit: int = 10, facets: bool = False, **filters) -> SearchResult:
        """Ranked hits; ``filters``: committee, date_from, date_to, kind, entities."""
        from minutebook.index.query import search

        found = search(self._ix(), query, limit=limit, facets=facets, **filters)
        found["hits"] = [_build(Hit, h) for h in found["hits"]]
        return _build(SearchResult, found)

    def resolutions(self, query: str | None = None, **filters) -> list[Resolution]:
        from minutebook.index.query import resolutions

        return [_build(Resolution, r) for r in resolutions(self._ix(), query, **filters)]

    def trace(self, item: str, **options) -> list[TracedMeeting]:
        from minutebook.index.query import trace

        out = []
        for m in trace(self._ix(), item, **options):
            m = dict(m, appearances=[_build(Appearance, a) for a in m["appearances"]])
            out.append(_build(TracedMeeting, m))
        return out

    def duplicates(self) -> list[DuplicateGroup]:
        from minutebook.index.query import duplicates

        return [DuplicateGroup(**g) for g in duplicates(self._ix())]

    def files(self) -> dict[str, str]:
        """Path -> sha256 of every indexed file."""
        from minutebook.index.ingest import indexed_files

        return indexed_files(self._ix())

    def contract(self, path: str) -> dict | None:
        """The extraction JSON stored for one indexed file, or ``None``."""
        from minutebook.index.export import stored_contract

        with self._ix().searcher() as s:
            return stored_contract(s, path)

    def contracts(self, notify=None) -> Iterator[tuple[str, dict]]:
        """(path, extraction JSON) for every indexed file.

        A file indexed before contracts were stored is extracted again if it
        is unchanged on disk; otherwise ``notify(path, reason)`` and it is left out.
        """
        from minutebook.index.export import stored_contracts
        from minutebook.index.ingest import extract_one

        for path, contract in stored_contracts(self._ix()):
            if contract is None and os.path.exists(path):
                try:
                    contract, _ = extract_one(path)
                except Exception as exc:  # one unreadable file must not stop an export
                    if notify:
                        notify(path, str(exc).splitlines()[0] if str(exc) else type(exc).__name__)
            elif contract is None and notify:
                notify(path, "indexed by an older minutebook and no longer on disk: left out")
            if contract is not None:
                yield path, contract

    def meetings(self, committee: str | None = None) -> list[MeetingRecord]:
        """Every extracted meeting, newest first (optionally one committee's, by words of its name)."""
        words = (committee or "").lower().split()
        out = []
        for path, contract in self.contracts():
            for n, m in enumerate(contract.get("meetings", []), start=1):
                name = (m.get("committee") or "").lower()
                if all(w in name for w in words):
                    out.append(MeetingRecord(path, n, m.get("committee"), m.get("date"), m))
        out.sort(key=lambda m: (m.date or "", m.committee or "", m.file), reverse=True)
        return out

    def export_sqlite(self, db_path: str, notify=None) -> dict[str, int]:
        from minutebook.index.export import to_sqlite

        return to_sqlite(self.contracts(notify), db_path)

    def export_csv(self, out_dir: str, notify=None) -> dict[str, int]:
        from minutebook.index.export import to_csv

        return to_csv(self.contracts(notify), out_dir)
