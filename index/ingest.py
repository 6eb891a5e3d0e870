"""Ingest files into the index: extract in worker processes, write in one.

Whoosh allows one writer per index, so workers only extract and return the
JSON contract; the parent owns the single writer. Each commit writes a new
TOC generation and renames it into place, so a reader (or an interrupted
ingest) only ever sees the previous or the next complete index. A
``filelock`` lock in the index directory makes a second ingest fail at once
instead of waiting on Whoosh's write lock; it is an OS lock, so a killed
ingest leaves nothing stale behind.

Every file is extracted in a worker process with a time limit, also with one
job: a worker that hangs or dies is killed and replaced and the file is
skipped with the reason, and the batch goes on.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import re
import signal
import stat
import time
from collections import deque
from dataclasses import dataclass, field
from multiprocessing.connection import wait

from filelock import FileLock, Timeout
from whoosh import index as windex

from minutebook.index.records import records_from_contract
from minutebook.index.schema import make_schema

SUFFIXES = (".pdf", ".txt", ".md", ".html")
# A folder's housekeeping text files (README.md, LICENSE.txt, CHANGELOG-2024.md), not papers.
HOUSEKEEPING = re.compile(r"(readme|licen[cs]e|copying|changelog|contributing|authors|code_of_conduct)([-_.][^.]*)?\.(md|txt|html)", re.I)
LOCK_NAME = "ingest.lock"
PENDING_NAME = "ingest.pending"  # present while an ingest's work is not finished
COMMIT_EVERY = 50
COMMIT_SECONDS = 30.0  # a killed ingest loses at most this much extraction
DEFAULT_TIMEOUT = 300.0


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
    notes: list[tuple[str, str]] = field(default_factory=list)  # not failures: pages left unread

    def summary(self) -> str:
        text = f"{self.ingested} files ingested, {self.skipped} skipped, {self.unchanged} unchanged"
        return text + (f", {self.pruned} pruned" if self.pruned else "")


def open_index(index_dir: str, tries: int = 20):
    """Open the index as of its latest commit.

    A commit by a running ingest replaces the table of contents that
    ``open_dir`` has just chosen, so the file it then opens can be gone; the
    next look finds the new one.
    """
    for left in range(tries, 0, -1):
        try:
            return windex.open_dir(index_dir)
        except FileNotFoundError:
            if left == 1:
                raise


def open_or_create(index_dir: str):
    os.makedirs(index_dir, exist_ok=True)
    if windex.exists_in(index_dir):
        return open_index(index_dir)
    return windex.create_in(index_dir, make_schema())


def discover(paths, notes: list | None = None) -> tuple[list[str], list[tuple[str, str]]]:
    """Files named directly, plus supported files under named folders, as absolute paths.

    A folder's README/LICENSE-like files are left out, each with a ``(path, note)`` in ``notes``.
    """
    found, errors, seen = [], [], set()

    def unreadable(exc: OSError) -> None:
        errors.append((exc.filename, (exc.strerror or str(exc)).lower()))

    for p in paths:
        if os.path.isdir(p):
            for root, dirs, files in os.walk(p, onerror=unreadable):
                dirs.sort()
                for name in sorted(files):
                    if not name.lower().endswith(SUFFIXES):
                        continue
                    if HOUSEKEEPING.fullmatch(name):
                        if notes is not None:
                            notes.append((os.path.join(root, name), "not a paper (a README or licence file): skipped"))
                        continue
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
    """The file's sha256, or None when it is unreadable or not a regular file (a FIFO would block)."""
    h = hashlib.sha256()
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return None
        with open(path, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
    except OSError:
        return None
    return h.hexdigest()


def tag_entities(ex) -> str | None:
    """Add entities when the spaCy pipeline is available, as ``minutebook extract`` does.

    A text spaCy refuses (longer than its ``max_length``) is still indexed,
    untagged; the returned note says so.
    """
    try:
        from minutebook.nlp import canonicalize, tag_documents
    except ImportError:
        return None
    try:
        ex.entities = tag_documents(ex.documents)
    except ValueError as exc:
        ex.entities = []
        return f"entities not tagged ({str(exc).splitlines()[0][:100]})"
    canonicalize(ex.entities)
    return None


def extract_one(path: str, password: str | None = None, ocr: bool = False) -> tuple[str, dict | None, str | None, list[str]]:
    """Worker: (path, contract, None, notes) or (path, None, one-line reason, [])."""
    from minutebook.extract import ReadError, extract_file
    from minutebook.extract.ocr import page_notes
    from minutebook.output import to_json

    try:
        ex = extract_file(path, password=password, ocr=ocr)
        untagged = tag_entities(ex)
        return path, to_json(ex, display_path=path), None, page_notes(ex.source) + ([untagged] if untagged else [])
    except ReadError as exc:
        return path, None, str(exc), []
    except Exception as exc:  # one broken file must not stop the batch
        return path, None, f"extraction failed ({type(exc).__name__}: {str(exc).splitlines()[0][:120] if str(exc) else ''})", []


def indexed_files(ix, unread: bool = False) -> dict[str, str]:
    """Path -> sha256 of every file the index holds; with ``unread``, of files with pages needing OCR."""
    with ix.searcher() as s:
        return {
            f["path"]: f["sha256"]
            for f in s.documents(rtype="file")
            if not unread or (f.get("extra") or {}).get("unread_pages")
        }


def ingest(
    paths,
    index_dir: str,
    jobs: int | None = None,
    prune: bool = False,
    progress=None,
    password: str | None = None,
    ocr: bool = False,
    timeout: float = DEFAULT_TIMEOUT,
    notify=None,
) -> IngestReport:
    """Bring the index at ``index_dir`` up to date with ``paths``.

    ``progress(done, total, pages)`` is called after each extracted file and
    ``notify(path, message)`` as soon as a file fails or has a note, so a
    caller can report it then. ``timeout`` is seconds per file.
    Raises ``IndexBusy`` if another ingest holds the lock.
    """
    os.makedirs(index_dir, exist_ok=True)
    lock = FileLock(os.path.join(index_dir, LOCK_NAME))
    try:
        lock.acquire(timeout=0)
    except Timeout:
        raise IndexBusy(f"another ingest is writing to {index_dir} (lock {lock.lock_file} is held)") from None
    try:
        opts = _Options(jobs, password, ocr, timeout, notify or (lambda path, message: None))
        return _ingest_locked(paths, index_dir, prune, progress, opts)
    finally:
        lock.release()


@dataclass
class _Options:
    jobs: int | None
    password: str | None
    ocr: bool
    timeout: float
    notify: object


def _ingest_locked(paths, index_dir, prune, progress, opts) -> IngestReport:
    started = time.perf_counter()
    report = IngestReport()
    ix = open_or_create(index_dir)
    left_out: list[tuple[str, str]] = []
    files, errors = discover(paths, left_out)
    for path, reason in errors:
        report.errors.append((path, reason))
        opts.notify(path, reason)
    for path, note in left_out:
        report.notes.append((path, note))
        opts.notify(path, note)
    known = indexed_files(ix)
    unread = indexed_files(ix, unread=True) if opts.ocr else {}
    todo = []
    for path in files:
        sha = file_sha256(path)
        if sha is not None and known.get(path) == sha and path not in unread:
            report.unchanged += 1
        else:
            todo.append(path)
    gone = [p for p in known if not os.path.exists(p)] if prune else []
    # An ingest killed after a commit left the marker: finish its work too.
    pending = os.path.join(index_dir, PENDING_NAME)
    if todo or gone or os.path.exists(pending):
        with open(pending, "w"):
            pass
        if todo or gone:
            _write(ix, todo, gone, report, progress, opts)
        from minutebook.index.duplicates import refresh_duplicates

        refresh_duplicates(ix)
        os.remove(pending)
    report.skipped = len(report.errors)
    report.pruned = len(gone)
    report.seconds = time.perf_counter() - started
    return report


def _write(ix, todo, gone, report, progress, opts) -> None:
    writer = ix.writer(limitmb=128)
    pending, last_commit = 0, time.monotonic()
    try:
        for path in gone:
            writer.delete_by_term("path", path)
        for path, contract, reason, notes in _extract_all(todo, opts):
            for note in notes:
                report.notes.append((path, note))
                opts.notify(path, note)
            if reason is not None:
                report.errors.append((path, reason))
                opts.notify(path, reason)
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
            if pending >= COMMIT_EVERY or pending and time.monotonic() - last_commit > COMMIT_SECONDS:
                writer.commit()
                writer, pending, last_commit = ix.writer(limitmb=128), 0, time.monotonic()
        writer.commit()
    except BaseException:
        # An interrupt between a commit and the next writer finds this one closed already.
        if not writer.is_closed:
            writer.cancel()
        raise


def _extract_all(paths, opts):
    """Yield ``extract_one`` results as they finish, each file within ``opts.timeout`` seconds."""
    jobs = min(opts.jobs or os.cpu_count() or 1, len(paths))
    queue = deque(paths)
    workers = [_Worker(opts) for _ in range(jobs)]
    try:
        while queue or any(w.path for w in workers):
            for w in workers:
                if w.path is None and queue:
                    w.give(queue.popleft())
            busy = [w for w in workers if w.path]
            now = time.monotonic()
            ready = wait([w.conn for w in busy], timeout=max(0.0, min(w.deadline for w in busy) - now))
            for i, w in enumerate(workers):
                if w.path is None:
                    continue
                if w.conn in ready:
                    try:
                        result = w.conn.recv()
                    except (EOFError, OSError):
                        result = (w.path, None, w.died(), [])
                        workers[i] = _Worker(opts)
                    else:
                        w.path = None
                    yield result
                elif time.monotonic() >= w.deadline:
                    path = w.path
                    w.stop()
                    workers[i] = _Worker(opts)
                    yield path, None, f"timed out after {opts.timeout:g} s", []
    finally:
        for w in workers:
            w.stop()


def _context():
    """forkserver: workers inherit no open files (the lock, the writer) and start cheaply."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(["minutebook.index.ingest", "minutebook.extract.pdf", "minutebook.extract.meetings", "minutebook.nlp"])
    return ctx


class _Worker:
    """One extraction process fed one path at a time over a pipe."""

    def __init__(self, opts):
        ctx = _context()
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_serve, args=(child, opts.password, opts.ocr), daemon=True)
        self.proc.start()
        child.close()
        self.timeout = opts.timeout
        self.path: str | None = None
        self.deadline = 0.0

    def give(self, path: str) -> None:
        self.conn.send(path)
        self.path, self.deadline = path, time.monotonic() + self.timeout

    def died(self) -> str:
        self.proc.join(5)
        code = self.proc.exitcode
        self.stop()
        if code is not None and code < 0:
            return f"extraction process died ({signal.Signals(-code).name})"
        return f"extraction process died (exit status {code})"

    def stop(self) -> None:
        self.path = None
        self.conn.close()
        if self.proc.is_alive():
            self.proc.kill()
        self.proc.join()


def _serve(conn, password, ocr) -> None:
    """Worker loop: extract each path sent until the pipe closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    while True:
        try:
            path = conn.recv()
        except (EOFError, OSError):
            return
        try:
            conn.send(extract_one(path, password, ocr))
        except (BrokenPipeError, OSError):
            return
