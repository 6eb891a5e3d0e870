"""Ingest files into the index: extract in worker processes, write in one.

Whoosh allows one writer per index, so workers only extract and return the
JSON contract; the parent owns the single writer. Each commit writes a new
TOC generation and renames it into place, so a reader (or an interrupted
ingest) only ever sees the previous or the next complete index. A
``filelock`` lock in the index directory makes a second ingest fail at once
instead of waiting on Whoosh's write lock.
"""

from __future__ import annotations

import hashlib
import os
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field

from filelock import FileLock, Timeout
from whoosh import index as windex

from minutebook.index.records import records_from_contract
from minutebook.index.schema import make_schema

SUFFIXES = (".pdf", ".txt", ".md", ".html")
LOCK_NAME = "ingest.lock"
COMMIT_EVERY = 50


class IndexBusy(Exception):
    """Another ingest holds the index lock."""


@dataclass
class IngestReport:
    ingested: int = 0
    skipped: int = 0
    unchanged: int = 0
    pruned: int = 0
    pages: int = 0
    records: int = 0
    seconds: float = 0.0
    errors: list[tuple[str, str]] = field(default_factory=list)

    def summary(self) -> str:
        text = f"{self.ingested} files ingested, {self.skipped} skipped, {self.unchanged} unchanged"
        return text + (f", {self.pruned} pruned" if self.pruned else "")


def open_or_create(index_dir: str):
    os.makedirs(index_dir, exist_ok=True)
    if windex.exists_in(index_dir):
        return windex.open_dir(index_dir)
    return windex.create_in(index_dir, make_schema())


def discover(paths) -> tuple[list[str], list[tuple[str, str]]]:
    """Files named directly, plus supported files under named folders, as absolute paths."""
    found, errors, seen = [], [], set()
    for p in paths:
        if os.path.isdir(p):
            for root, dirs, files in os.walk(p):
                dirs.sort()
                for name in sorted(files):
                    if name.lower().endswith(SUFFIXES):
                        found.append(os.path.join(root, name))
        elif os.path.exists(p):
            found.append(p)
        else:
            errors.append((p, "no such file"))
    out = []
    for f in found:
        a = os.path.abspath(f)
        if a not in seen:
            seen.add(a)
            out.append(a)
    return out, errors


def file_sha256(path: str) -> str | None:
    h = hashlib.sha256()
    try:
        with open(path, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
    except OSError:
        return None
    return h.hexdigest()


def _tag(ex) -> None:
    """Add entities when the spaCy pipeline is available, as ``minutebook extract`` does."""
    try:
        from minutebook.nlp import canonicalize, tag_documents
    except ImportError:
        return
    ex.entities = tag_documents(ex.documents)
    canonicalize(ex.entities)


def extract_one(path: str) -> tuple[str, dict | None, str | None]:
    """Worker: (path, contract, None) or (path, None, one-line reason)."""
    from minutebook.extract import ReadError, extract_file
    from minutebook.output import to_json

    try:
        ex = extract_file(path)
        _tag(ex)
        return path, to_json(ex, display_path=path), None
    except ReadError as exc:
        return path, None, str(exc)
    except Exception as exc:  # one broken file must not stop the batch
        return path, None, f"extraction failed ({type(exc).__name__}: {str(exc).splitlines()[0][:120] if str(exc) else ''})"


def indexed_files(ix) -> dict[str, str]:
    """Path -> sha256 of every file the index holds."""
    with ix.searcher() as s:
        return {f["path"]: f["sha256"] for f in s.documents(rtype="file")}


def ingest(paths, index_dir: str, jobs: int | None = None, prune: bool = False, progress=None) -> IngestReport:
    """Bring the index at ``index_dir`` up to date with ``paths``.

    ``progress(done, total, pages)`` is called after each extracted file.
    Raises ``IndexBusy`` if another ingest holds the lock.
    """
    os.makedirs(index_dir, exist_ok=True)
    lock = FileLock(os.path.join(index_dir, LOCK_NAME))
    try:
        lock.acquire(timeout=0)
    except Timeout:
        raise IndexBusy(f"another ingest is writing to {index_dir} (lock {lock.lock_file} is held)") from None
    try:
        return _ingest_locked(paths, index_dir, jobs, prune, progress)
    finally:
        lock.release()


def _ingest_locked(paths, index_dir, jobs, prune, progress) -> IngestReport:
    started = time.perf_counter()
    report = IngestReport()
    ix = open_or_create(index_dir)
    files, errors = discover(paths)
    report.errors.extend(errors)
    known = indexed_files(ix)
    todo = []
    for path in files:
        sha = file_sha256(path)
        if sha is not None and known.get(path) == sha:
            report.unchanged += 1
        else:
            todo.append(path)
    gone = [p for p in known if not os.path.exists(p)] if prune else []
    changed = bool(todo or gone)
    if changed:
        _write(ix, todo, gone, jobs, report, progress)
        from minutebook.index.duplicates import refresh_duplicates

        refresh_duplicates(ix)
    report.skipped = len(report.errors)
    report.pruned = len(gone)
    report.seconds = time.perf_counter() - started
    return report


def _write(ix, todo, gone, jobs, report, progress) -> None:
    writer = ix.writer(limitmb=128)
    pending = 0
    try:
        for path in gone:
            writer.delete_by_term("path", path)
        for path, contract, reason in _extract_all(todo, jobs):
            if reason is not None:
                report.errors.append((path, reason))
            else:
                writer.delete_by_term("path", path)
                records = records_from_contract(contract, path)
                for rec in records:
                    writer.add_document(**rec)
                report.ingested += 1
                report.records += len(records)
                report.pages += contract["source"].get("pages") or 0
                pending += 1
            if progress:
                progress(report.ingested + len(report.errors), len(todo), report.pages)
            if pending >= COMMIT_EVERY:
                writer.commit()
                writer, pending = ix.writer(limitmb=128), 0
        writer.commit()
    except BaseException:
        writer.cancel()
        raise


def _extract_all(paths, jobs):
    """Yield extraction results as they finish; in-process when one job suffices."""
    jobs = jobs or os.cpu_count() or 1
    if jobs <= 1 or len(paths) <= 1:
        for p in paths:
            yield extract_one(p)
        return
    with ProcessPoolExecutor(max_workers=min(jobs, len(paths))) as pool:
        futures = [pool.submit(extract_one, p) for p in paths]
        try:
            for fut in as_completed(futures):
                yield fut.result()
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise

