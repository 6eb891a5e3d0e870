"""Read each file in a worker process with a time and a memory budget.

A hostile or merely odd file (a flate bomb, a circular reference, a page of
fifty thousand words) must cost one line, not the machine: every file given
to ``extract``, ``entities`` or ``ingest`` is read in a worker whose memory
is capped with ``setrlimit(RLIMIT_DATA)`` (heap and anonymous maps: unlike
``RLIMIT_AS`` it leaves the stack room to grow, so Python raises MemoryError
instead of the process crashing) and which the parent kills when
the file's wall-clock limit passes. Either way the file fails with one line
naming the limit and the page it was on, and the batch goes on. Workers die
with their parent (``PR_SET_PDEATHSIG`` on Linux; a watch on the parent's pid
elsewhere), so a killed ingest leaves no extraction running.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from dataclasses import dataclass
from multiprocessing.connection import wait

DEFAULT_SECONDS = 300.0
DEFAULT_MEMORY_MB = 2048  # memory one file may add to what the worker starts with (~150 MB with spaCy loaded)


@dataclass(frozen=True)
class Budget:
    """What one file may cost: wall-clock seconds and megabytes of memory
    (heap and anonymous maps) on top of what the worker starts with (0: no memory cap)."""

    seconds: float = DEFAULT_SECONDS
    memory_mb: int = DEFAULT_MEMORY_MB

    def time_error(self, page: int | None) -> str:
        return f"time limit of {self.seconds:g} s exceeded{_on(page)}"

    def memory_error(self, page: int | None) -> str:
        return f"memory limit of {self.memory_mb} MB exceeded{_on(page)}"


def _on(page: int | None) -> str:
    return f" on page {page}" if page else ""


def run_files(paths, job, budget: Budget, jobs: int = 1, context=None, on_page=None):
    """Yield ``(path, result, reason)`` for each path as workers finish, ``reason`` None on success.

    ``job(path, progress)`` runs in a worker; it must be picklable (a module
    function or ``functools.partial`` of one) and raise ``ReadError`` for a
    file it cannot use. ``progress(done, total)`` reports pages, passed on to
    ``on_page(path, done, total)`` here. With one job, results keep the order
    of ``paths``.
    """
    paths = list(paths)
    if not paths:
        return
    ctx = context or _default_context()
    workers = [_Worker(ctx, job, budget) for _ in range(max(1, min(jobs, len(paths))))]
    queue = deque(paths)
    try:
        while queue or any(w.path for w in workers):
            for w in workers:
                if w.path is None and queue:
                    w.give(queue.popleft())
            busy = [w for w in workers if w.path]
            ready = wait([w.conn for w in busy], timeout=max(0.0, min(w.deadline for w in busy) - time.monotonic()))
            for i, w in enumerate(workers):
                if w.path is None:
                    continue
                if w.conn in ready:
                    try:
                        kind, *rest = w.conn.recv()
                    except (EOFError, OSError):
                        path, reason = w.path, w.died()
                        workers[i] = _Worker(ctx, job, budget)
                        yield path, None, reason
                        continue
                    if kind == "page":
                        w.page = rest[0] + 1 if rest[0] < rest[1] else rest[0]
                        if on_page:
                            on_page(w.path, *rest)
                        continue
                    path = w.path
                    w.path = None
                    if kind == "limit":  # a worker that ran out of memory starts afresh
                        w.stop()
                        workers[i] = _Worker(ctx, job, budget)
                    yield (path, rest[0], None) if kind == "done" else (path, None, rest[0])
                elif time.monotonic() >= w.deadline:
                    path, page = w.path, w.page
                    w.stop()
                    workers[i] = _Worker(ctx, job, budget)
                    yield path, None, budget.time_error(page)
    finally:
        for w in workers:
            w.stop()


def _default_context():
    """fork where it exists: the worker starts at once with what the parent has loaded."""
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods and sys.platform == "linux" else "spawn")


class _Worker:
    """One process fed one path at a time over a pipe."""

    def __init__(self, ctx, job, budget: Budget):
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_serve, args=(child, job, budget), daemon=True)
        self.proc.start()
        child.close()
        self.seconds = budget.seconds
        self.memory_mb = budget.memory_mb
        self.path: str | None = None
        self.page: int | None = None
        self.deadline = 0.0

    def give(self, path: str) -> None:
        self.conn.send(path)
        self.path, self.page, self.deadline = path, None, time.monotonic() + self.seconds

    def died(self) -> str:
        self.proc.join(5)
        code = self.proc.exitcode
        page = self.page
        self.stop()
        how = signal.Signals(-code).name if code is not None and code < 0 else f"exit status {code}"
        # C libraries short of memory under the cap often crash rather than raise MemoryError.
        near = f", likely at the memory limit of {self.memory_mb} MB" if self.memory_mb else ""
        return f"extraction process died ({how}{near}){_on(page)}"

    def stop(self) -> None:
        self.path = None
        self.conn.close()
        if self.proc.is_alive():
            self.proc.kill()
        self.proc.join()


def _serve(conn, job, budget: Budget) -> None:
    """Worker loop: run ``job`` on each path sent until the pipe closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    _die_with(os.getppid())  # the caller, or the fork server that dies with it
    if budget.memory_mb:
        import resource

        cap = _data_size() + (budget.memory_mb << 20)
        resource.setrlimit(resource.RLIMIT_DATA, (cap, cap))
    from minutebook.extract.read import ReadError

    while True:
        try:
            path = conn.recv()
        except (EOFError, OSError):
            return
        page = [None]

        def progress(done: int, total: int) -> None:
            page[0] = done + 1 if done < total else done
            conn.send(("page", done, total))

        try:
            reply = ("done", job(path, progress))
        except ReadError as exc:
            reply = ("fail", str(exc))
        except MemoryError:
            reply = None
        except RecursionError:
            reply = ("fail", f"too deeply nested to read{_on(page[0])}")
        except Exception as exc:  # one broken file must not stop the batch
            first = str(exc).strip().splitlines()[0][:120] if str(exc).strip() else ""
            reply = ("fail", f"extraction failed ({type(exc).__name__}: {first}){_on(page[0])}")
        if reply is None:
            # pdfminer's objects hold cycles: collect them so there is memory left to say so.
            gc.collect()
            reply = ("limit", budget.memory_error(page[0]))
        try:
            conn.send(reply)
        except MemoryError:  # the result itself is too big to send
            gc.collect()
            try:
                conn.send(("limit", budget.memory_error(page[0])))
            except (MemoryError, OSError):
                os._exit(1)
            return
        except OSError:
            return
        if reply[0] == "limit":
            return


def _data_size() -> int:
    """Bytes of data this process maps now (what it inherited), so the cap is what one file may add."""
    try:
        with open("/proc/self/status") as f:
            return next(int(line.split()[1]) << 10 for line in f if line.startswith("VmData:"))
    except (OSError, ValueError, StopIteration):
        return 0


def _die_with(parent: int) -> None:
    """End this process when the parent ends, however it ends (even ``kill -9``)."""
    if sys.platform == "linux":
        import ctypes

        try:
            libc = ctypes.CDLL(None, use_errno=True)
            PR_SET_PDEATHSIG = 1
            if libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0:
                if os.getppid() != parent:  # the parent died before the call
                    os._exit(1)
                return
        except (OSError, AttributeError):
            pass

    def watch():
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()
