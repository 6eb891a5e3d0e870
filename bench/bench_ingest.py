"""Ingest page rate beside bare pdfplumber and bare pypdfium2 text extraction.

Run: python bench/bench_ingest.py [--repeat N] [PDF or folder …]
     (default: ../shared/corpus/pdf and the PDFs of ../shared/corpus/real that have a text layer)

Each figure is one fresh process (its workers included) on all the files:
CPU seconds from the process's rusage, which takes in the workers it waited
for (ingest's workers are forked here, not from a fork server, so that they
count), and wall seconds. Bare pdfplumber ``extract_text`` is the ceiling of a
pipeline that parses with pdfminer; bare pypdfium2 text that of one that
parses with pdfium. ``ingest / pdfplumber`` is the ratio of page rates, CPU
and wall. Re-ingesting unchanged files should cost hashing only. With
``BASE=DIR`` set, ingest also runs with the ``minutebook`` package found in
DIR (e.g. an older commit: ``git archive REV --prefix=minutebook/ | tar -x -C DIR``)
in the same run, for a before/after figure on one busy machine. Each
measurement runs once per round (``--repeat``, default 3) and the medians are
printed: a ratio is the median of the rounds' ratios, each between runs made
minutes apart, so another process's busy spell does not decide it.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from minutebook.index.ingest import discover

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"

BARE_PLUMBER = """
import sys, pdfplumber
n = 0
for path in sys.argv[1:]:
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text(); page.close(); n += 1
print(n)
"""
BARE_PDFIUM = """
import sys, pypdfium2
n = 0
for path in sys.argv[1:]:
    doc = pypdfium2.PdfDocument(path)
    for page in doc:
        text = page.get_textpage(); text.get_text_range(); text.close(); page.close(); n += 1
    doc.close()
print(n)
"""
INGEST = """
import multiprocessing, sys
import minutebook.index.ingest as m
from minutebook.index.ingest import ingest
m._context = lambda: multiprocessing.get_context("fork")  # workers this process waits for: their CPU counts in its rusage
report = ingest(sys.argv[3:], sys.argv[2], jobs=int(sys.argv[1]))
print(report.pages)
"""


def text_layer_pdfs(folder: Path) -> list[str]:
    """PDFs of ``folder`` most of whose pages carry a text layer (scans would time tesseract)."""
    import pypdfium2

    out = []
    for path in sorted(folder.glob("*.pdf")):
        doc = pypdfium2.PdfDocument(str(path))
        texts = [doc[i].get_textpage().count_chars() for i in range(len(doc))]
        doc.close()
        if sum(n >= 200 for n in texts) > len(texts) / 2:
            out.append(str(path))
    return out


def run(code: str, args: list[str], env: dict | None = None) -> tuple[int, float, float]:
    """(pages, CPU s, wall s) of a fresh interpreter running ``code``."""
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE, env=env)
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status):
        raise SystemExit(f"measurement failed: {code.strip().splitlines()[-2]}")
    return int(out.split()[-1]), usage.ru_utime + usage.ru_stime, wall


def main() -> None:
    args = sys.argv[1:]
    repeat = 3
    if args[:1] == ["--repeat"]:
        repeat, args = int(args[1]), args[2:]
    if args:
        paths = [p for p in discover(args)[0] if p.lower().endswith(".pdf")]
    else:
        paths = sorted(str(p) for p in (SHARED / "pdf").glob("*.pdf")) + text_layer_pdfs(SHARED / "real")
    if not paths:
        sys.exit("no PDFs to benchmark")
    print(f"{len(paths)} PDFs, {os.cpu_count()} cores, {repeat} rounds; pages/s by CPU time and by wall time (medians over rounds)")
    envs = [("", None)]
    if os.environ.get("BASE"):
        envs.append((" [BASE]", dict(os.environ, PYTHONPATH=os.environ["BASE"])))
    rounds: dict[str, list[tuple[int, float, float]]] = {}
    again = []
    for _ in range(repeat):
        # Every measurement once per round, so a busy spell on the machine weighs on all of them alike.
        rounds.setdefault("bare pdfplumber extract_text", []).append(run(BARE_PLUMBER, paths))
        rounds.setdefault("bare pypdfium2 text", []).append(run(BARE_PDFIUM, paths))
        for label, env in envs:
            for jobs in (1, 2):
                with tempfile.TemporaryDirectory() as where:
                    rounds.setdefault(f"minutebook ingest, {jobs} job{'s' * (jobs > 1)}{label}", []).append(run(INGEST, [str(jobs), where, *paths], env))
                    if jobs == 1:
                        again.append((label, run(INGEST, ["1", where, *paths], env)))
    base = rounds["bare pdfplumber extract_text"]
    print(f"{'':38s} {'pages':>6s} {'CPU s':>7s} {'wall s':>7s} {'pages/s CPU':>12s} {'wall':>7s} {'÷ pdfplumber CPU':>17s} {'wall':>6s}")
    for name, runs in rounds.items():
        pages = runs[0][0]
        cpu, wall = statistics.median(r[1] for r in runs), statistics.median(r[2] for r in runs)
        # The ratio of each round's pair, then the median: both ran minutes apart, under the same load.
        ratio_cpu = statistics.median((b[1] / b[0]) / (r[1] / r[0]) for r, b in zip(runs, base))
        ratio_wall = statistics.median((b[2] / b[0]) / (r[2] / r[0]) for r, b in zip(runs, base))
        print(f"{name:38s} {pages:6d} {cpu:7.2f} {wall:7.2f} {pages / cpu:12.1f} {pages / wall:7.1f} {ratio_cpu:17.2f} {ratio_wall:6.2f}")
    if repeat > 1:
        ratios = [f"{(b[1] / b[0]) / (r[1] / r[0]):.2f}" for r, b in zip(rounds["minutebook ingest, 1 job"], base)]
        print(f"ingest, 1 job ÷ pdfplumber CPU by round: {', '.join(ratios)}")
    for label, (_, cpu, wall) in again[-len(envs):]:
        print(f"re-ingest unchanged, 1 job{label}: {cpu:.2f} s CPU, {wall:.2f} s wall (process start and imports included)")


if __name__ == "__main__":
    main()
