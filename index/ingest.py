"""Ingest files into the index: extract in worker processes, write in one.

Whoosh allows one writer per index, so workers only extract and return the
JSON contract; the parent owns the single writer. Each commit writes a new
TOC generation and renames it into place, so a reader (or an interrupted
ingest) only ever sees the previous or the next complete index. A
``filelock`` lock in the index directory makes a second ingest fail at once
instead of waiting on Whoosh's write lock; it is an OS lock, so a killed
ingest leaves nothing stale behind.

Every file is extracted in a worker process within a time and memory budget
(``extract.budget``), also with one job: a worker that hangs, dies or runs
out of memory is replaced and the file is skipped with the reason, and the
batch goes on.
"""

from __future__ import annotations

import functools
import hashlib
import multiprocessing
import os
import stat
import time
from dataclasses import dataclass, field

from filelock import FileLock, Timeout
from whoosh import index as windex

from minutebook.extract.budget import Budget, run_files
from minutebook.extract.read import supported_files
from minutebook.index.copies import Claims, content_key, copies_of, leads_in, place
from minutebook.index.duplicates import add_sketches, plan_duplicates
from minutebook.index.export import stored_contract, stored_contracts
from minutebook.index.records import records_from_contract
from minutebook.index.schema import make_schema

LOCK_NAME = "ingest.lock"
PENDING_NAME = "ingest.pending"  # present while an ingest's work is not finished
COMMIT_EVERY = 50
COMMIT_SECONDS = 30.0  # a killed ingest loses at most this much extraction
MERGE_SHARE = 0.1  # merge into one segment once the smaller segments hold this share of the records
# Whoosh copies every file of a compound segment into memory each time a
# searcher opens it (``BytesIO`` over the mapped file), so each search would
# pay for the whole index; plain segment files are read where they lie.
WRITER = {"limitmb": 128, "compound": False}


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
    compared: int = 0  # document pairs examined for near-duplicates: only pairs with a new or changed document
    seconds: float = 0.0
    errors: list[tuple[str, str]] = field(default_factory=list)
    notes: list[tuple[str, str]] = field(default_factory=list)  # not failures: pages left unread

    def summary(self) -> str:
        text = f"{self.ingested} files ingested, {self.skipped} skipped, {self.unchanged} unchanged"
        return text + (f", {self.pruned} pruned" if self.pruned else "")


class IndexProblem(Exception):
    """An index directory that cannot be used; the message is the one-line reason."""


def check_index_dir(index_dir: str) -> None:
    """Refuse an index directory someone else owns: Whoosh's table of contents
    is a pickle, and unpickling runs whatever code its writer put there."""
    try:
        st = os.stat(index_dir)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise IndexProblem(_why(exc)) from None
    if not stat.S_ISDIR(st.st_mode):
        raise IndexProblem("not a directory")
    if hasattr(os, "getuid") and st.st_uid != os.getuid():
        raise IndexProblem("owned by another user: an index is a pickle that runs code when opened, so it is not opened")


def _why(exc: OSError) -> str:
    return (exc.strerror or str(exc)).lower()


def open_index(index_dir: str, tries: int = 20):
    """Open the index as of its latest commit.

    A commit by a running ingest replaces the table of contents that
    ``open_dir`` has just chosen, so the file it then opens can be gone; the
    next look finds the new one. A damaged one raises ``IndexProblem``.
    """
    check_index_dir(index_dir)
    for left in range(tries, 0, -1):
        try:
            return windex.open_dir(index_dir)
        except FileNotFoundError:
            if left == 1:
                raise IndexProblem("the index's table of contents disappeared while opening it") from None
        except Exception as exc:  # a truncated or foreign TOC: EOFError, UnpicklingError, ValueError…
            raise IndexProblem(f"corrupt index ({type(exc).__name__}: {str(exc)[:100]}); delete it and ingest again") from None


def index_exists(index_dir: str) -> bool:
    """Whether ``index_dir`` holds an index, damaged or not (``open_index`` then says what is wrong)."""
    try:
        return windex.exists_in(index_dir)
    except Exception:  # exists_in reads the TOC: a truncated one raises EOFError
        return True


def open_or_create(index_dir: str):
    check_index_dir(index_dir)
    os.makedirs(index_dir, exist_ok=True)
    if index_exists(index_dir):
        return open_index(index_dir)
    return windex.create_in(index_dir, make_schema())


def upgrade(ix, report) -> bool:
    """Bring an index made before a field of today's schema existed (the near-duplicate fields, the ``fold``
    column) up to date, in one commit.

    The fields are added, the old pair records dropped, and every file is
    written again from its stored contract with sketches, group ids and fold
    values (no extraction). One commit, so an interrupted upgrade leaves the
    old index.
    """
    missing = [(name, spec) for name, spec in make_schema().items() if name not in ix.schema]
    if not missing:
        return False
    writer = ix.writer(**WRITER)
    try:
        for name, spec in missing:
            writer.add_field(name, spec)
        writer.delete_by_term("rtype", "dup")
        batch = {}
        for path, contract in stored_contracts(ix):
            if contract:  # a file indexed before contracts were kept stays as it is until it changes
                batch[path] = records_from_contract(contract, path)
                add_sketches(batch[path])
        _commit(writer, batch, [], report)
    except BaseException:
        if not writer.is_closed:
            writer.cancel()
        raise
    return True


def discover(paths, notes: list | None = None) -> tuple[list[str], list[tuple[str, str]]]:
    """Files named directly, plus supported files under named folders, as absolute paths, each once.

    A folder's README/LICENSE-like files are left out, each with a ``(path, note)`` in ``notes``.
    """
    found, errors = supported_files(paths, notes)
    return list(dict.fromkeys(os.path.abspath(f) for f in found)), errors


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


def extract_one(path: str, progress=None, password: str | None = None, ocr: bool = False) -> tuple[dict, list[str]]:
    """Worker job: the file's contract and its notes; raises ``ReadError`` for a file it cannot use."""
    from minutebook.extract import extract_file
    from minutebook.extract.caps import cap_warnings
    from minutebook.extract.ocr import page_notes
    from minutebook.output import to_json

    ex = extract_file(path, password=password, ocr=ocr, progress=progress)
    untagged = tag_entities(ex)
    notes = page_notes(ex.source) + cap_warnings(ex.source) + ([untagged] if untagged else [])
    return to_json(ex, display_path=path), notes


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
    budget: Budget = Budget(),
    notify=None,
) -> IngestReport:
    """Bring the index at ``index_dir`` up to date with ``paths``.

    ``progress(done, total, pages)`` is called after each extracted file and
    ``notify(path, message)`` as soon as a file fails or has a note, so a
    caller can report it then. ``budget`` is each file's time and memory.
    Raises ``IndexBusy`` if another ingest holds the lock, ``IndexProblem``
    for a directory that cannot hold an index, and ``OSError`` (a full disk)
    from a commit, which leaves the index as of the commit before.
    """
    check_index_dir(index_dir)
    try:
        os.makedirs(index_dir, exist_ok=True)
        lock = FileLock(os.path.join(index_dir, LOCK_NAME))
        lock.acquire(timeout=0)
    except Timeout:
        raise IndexBusy(f"another ingest is writing to {index_dir} (lock {lock.lock_file} is held)") from None
    except OSError as exc:
        raise IndexProblem(f"cannot write the index here ({_why(exc)})") from None
    try:
        opts = _Options(jobs, password, ocr, budget, notify or (lambda path, message: None))
        return _ingest_locked(paths, index_dir, prune, progress, opts)
    finally:
        lock.release()


@dataclass
class _Options:
    jobs: int | None
    password: str | None
    ocr: bool
    budget: Budget
    notify: object


def _ingest_locked(paths, index_dir, prune, progress, opts) -> IngestReport:
    started = time.perf_counter()
    report = IngestReport()
    ix = open_or_create(index_dir)
    if upgrade(ix, report):  # every record written again: the old copies are only marked deleted until a merge
        merge_segments(ix)
        ix = open_index(index_dir)
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
        merge_segments(ix)
        os.remove(pending)
    report.skipped = len(report.errors)
    report.pruned = len(gone)
    report.seconds = time.perf_counter() - started
    return report


def merge_segments(ix) -> None:
    """Merge the index into one segment when its smaller segments have grown to ``MERGE_SHARE`` of it.

    A search looks every term up in every segment, so an ingest's commits
    (one segment each) are merged once it is done; an ingest that adds a few
    files to a large index leaves them to Whoosh's merging of small segments,
    so the large one is rewritten only after the index has grown by a tenth.
    """
    counts = [seg.doc_count_all() for seg in ix._segments()]
    if len(counts) > 1 and sum(counts) - max(counts) >= MERGE_SHARE * sum(counts):
        ix.optimize(**WRITER)


def _write(ix, todo, gone, report, progress, opts) -> None:
    """Extract ``todo`` and commit in batches; each commit also brings duplicates up to date, so it is whole."""
    writer = ix.writer(**WRITER)
    batch: dict[str, list[dict]] = {}
    pending, last_commit = 0, time.monotonic()
    try:
        for path, contract, reason, notes in _extract_all(todo, opts):
            for note in notes:
                report.notes.append((path, note))
                opts.notify(path, note)
            if reason is not None:
                report.errors.append((path, reason))
                opts.notify(path, reason)
            else:
                records = records_from_contract(contract, path)
                add_sketches(records)
                batch[path] = records
                report.ingested += 1
                report.records += len(records)
                report.pages += contract["source"].get("pages") or 0
                pending += 1
            if progress:
                progress(report.ingested + len(report.errors), len(todo), report.pages)
            if pending >= COMMIT_EVERY or pending and time.monotonic() - last_commit > COMMIT_SECONDS:
                _commit(writer, batch, gone, report)
                writer, pending, last_commit, batch, gone = ix.writer(**WRITER), 0, time.monotonic(), {}, []
        _commit(writer, batch, gone, report)
    except BaseException:
        # An interrupt between a commit and the next writer finds this one closed already.
        if not writer.is_closed:
            writer.cancel()
        raise


def _commit(writer, batch: dict[str, list[dict]], gone, report) -> None:
    """Replace the batch's files and remove ``gone`` ones, with their duplicate pairs and group ids, in one commit.

    A file whose documents join or leave a group is written again from its
    stored contract with the new group id, so search reads copies' groups
    from each record.
    """
    searcher = writer.searcher()
    plan = plan_duplicates(searcher, batch, gone)
    report.compared += plan.compared
    rewrite = {}
    for path in plan.stamps.keys() - batch.keys():
        contract = stored_contract(searcher, path)
        if contract:  # files indexed before contracts were kept cannot be rewritten; they keep their group id
            rewrite[path] = records_from_contract(contract, path)
    stamps = dict(plan.stamps)
    lost = _promote_copies(searcher, batch, gone, rewrite, stamps)
    for path in [*gone, *batch, *rewrite]:
        writer.delete_by_term("path", path)
    for rid in plan.drop:
        writer.delete_by_term("rid", rid)
    for group in plan.groups:
        writer.add_document(**group)
    claims = Claims(searcher, lost)
    for path, records in [*batch.items(), *rewrite.items()]:
        add_sketches(records, stamps.get(path))
        for rec in place(records, claims, writer.schema):
            writer.add_document(**rec)
    writer.commit()


def _promote_copies(searcher, batch, gone, rewrite, stamps) -> set[str]:
    """The content keys led by records of files this commit replaces (``index/copies.py``).

    For each one the commit does not write again, the file of one of its
    silent copies joins ``rewrite`` (with its documents' group ids in
    ``stamps``), so that copy leads and its words are indexed again.
    """
    replaced = {*gone, *batch, *rewrite}
    lost = leads_in(searcher, replaced)
    written = {content_key(rec) for records in [*batch.values(), *rewrite.values()] for rec in records}
    for key in sorted(lost - written):
        paths = {searcher.stored_fields(docnum)["path"] for docnum in copies_of(searcher, key)} - replaced
        contract = stored_contract(searcher, min(paths)) if paths else None
        if not contract:
            continue
        path = min(paths)
        rewrite[path] = records_from_contract(contract, path)
        stamps.setdefault(path, {d["doc_key"]: d.get("dup_group") for d in searcher.documents(path=path, rtype="document")})
        replaced.add(path)
        written |= {content_key(rec) for rec in rewrite[path]}
        lost |= leads_in(searcher, [path])
    return lost


def _extract_all(paths, opts):
    """Yield ``(path, contract, reason, notes)`` as workers finish, each file within its budget."""
    job = functools.partial(extract_one, password=opts.password, ocr=opts.ocr)
    jobs = opts.jobs or os.cpu_count() or 1
    for path, result, reason in run_files(paths, job, opts.budget, jobs=jobs, context=_context()):
        contract, notes = result if result else (None, [])
        yield path, contract, reason, notes


def _context():
    """forkserver: workers inherit no open files (the lock, the writer) and start cheaply."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(["minutebook.index.ingest", "minutebook.extract.pdf", "minutebook.extract.meetings", "minutebook.nlp"])
    return ctx
