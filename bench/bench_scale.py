"""How ingest, adding a file and search grow with the index: 1x, 4x and 16x copies of a corpus.

Run: python bench/bench_scale.py [--corpus DIR] [--scales 1,4,16] [--jobs 1] [--queries 40]
(default corpus: ../shared/corpus when present, else the bundled corpus/)

Each scale ingests that many renamed copies of every paper into a fresh index,
then adds one more copy of the corpus's largest PDF, three times, one ingest
each (the median is shown), then runs the same searches. Text copies have about one word in forty replaced, so they are near
duplicates, not exact ones; PDFs are copied byte for byte (rewriting a PDF's
text layer is not practical here), so each PDF's copies are exact duplicates.
Copies of one paper group as near-duplicates, which is the work that used to
grow with the index.

CPU is process time of this process and of every extraction worker (workers
run under a forkserver, which is stopped after each ingest so their time is
counted). "index CPU" is this process alone: extraction (constant per page)
left out, what remains is the work that depends on the index's size.
The last lines give each figure's growth from the first scale to the last; the
target is under 1.5x. Figures are noisy on a busy machine: compare ratios
from one run.
"""

from __future__ import annotations

import argparse
import random
import re
import resource
import shutil
import statistics
import tempfile
import time
from multiprocessing import forkserver
from pathlib import Path

from minutebook.extract.read import TEXT_SUFFIXES
from minutebook.index.ingest import discover, ingest, open_index
from minutebook.index.query import search

HERE = Path(__file__).resolve().parent.parent
SHARED = HERE.parent / "shared" / "corpus"
QUERIES = ["budget", "children", "housing", "school", "report", "council", "planning", "recommendations", "resolved",
           "minutes", "agenda", "fostering", "adoption", "attendance", "road", "police", "\"work programme\"",
           "\"peer challenge\"", "annual report", "budget monitoring", "youth", "safeguarding", "water", "capital",
           "consultation", "apologies", "cabinet", "scrutiny", "education performance", "parish council"]
SWAPS = "scheme review matter proposal service update paper board panel item area plan".split()


def cpu() -> tuple[float, float]:
    """(this process, finished children) CPU seconds."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime, kids.ru_utime + kids.ru_stime


def timed_ingest(paths, where: str, jobs: int):
    """The ingest report, its total CPU (workers included) and this process's CPU."""
    own0, kids0 = cpu()
    report = ingest(paths, where, jobs=jobs)
    if forkserver._forkserver._forkserver_pid:  # its reaped workers' time reaches us when it is waited for
        forkserver._forkserver._stop()
    own1, kids1 = cpu()
    return report, own1 - own0 + kids1 - kids0, own1 - own0


def vary(text: str, rng: random.Random) -> str:
    """About one word in forty replaced: a near copy that stays a near-duplicate."""
    return re.sub(r"\b[a-z]{4,}\b", lambda m: rng.choice(SWAPS) if rng.random() < 0.025 else m.group(0), text)


def make_copy(src: str, folder: Path, n: int) -> Path:
    out = folder / f"c{n:02d}_{Path(src).name}"
    if Path(src).suffix.lower() in TEXT_SUFFIXES:
        rng = random.Random(f"{n}:{Path(src).name}")
        out.write_text(vary(Path(src).read_text(encoding="utf-8", errors="replace"), rng), encoding="utf-8")
    else:
        shutil.copyfile(src, out)
    return out


def search_p50(where: str, queries: int) -> float:
    """Median CPU milliseconds of a default search, each opening the index as the CLI does."""
    times = []
    for q in (QUERIES * (queries // len(QUERIES) + 1))[:queries]:
        start = time.process_time()
        search(open_index(where), q)
        times.append((time.process_time() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=str(SHARED if SHARED.is_dir() else HERE / "corpus"))
    ap.add_argument("--scales", default="1,4,16", help="comma-separated copy counts")
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--queries", type=int, default=40)
    args = ap.parse_args()
    scales = [int(s) for s in args.scales.split(",")]
    files = discover([args.corpus])[0]
    extra = max((f for f in files if f.lower().endswith(".pdf")), key=lambda f: Path(f).stat().st_size, default=files[0])
    print(f"corpus {args.corpus}: {len(files)} files; added file: a copy of {Path(extra).name}; jobs={args.jobs}")
    print(f"{'copies':>6} {'files':>6} {'pages':>6} {'records':>8} {'dup groups':>10} {'compared':>8} | {'ingest CPU/page':>15}"
          f" {'index CPU/page':>14} | {'add-one CPU/page':>16} {'index':>7} {'compared':>8} | {'search p50':>10}")
    rows = []
    for k in scales:
        with tempfile.TemporaryDirectory() as tmp:
            folder, where = Path(tmp) / "papers", str(Path(tmp) / "ix")
            folder.mkdir()
            for n in range(k):
                for f in files:
                    make_copy(f, folder, n)
            report, total, own = timed_ingest([str(folder)], where, args.jobs)
            adds = [timed_ingest([str(make_copy(extra, Path(tmp), n))], where, args.jobs) for n in range(k, k + 3)]
            added, add_total, add_own = sorted(adds, key=lambda a: a[1])[1]
            p50 = search_p50(where, args.queries)
            with open_index(where).searcher() as s:
                groups = sum(1 for _ in s.documents(rtype="dup"))
        row = (report.pages and total / report.pages * 1000, report.pages and own / report.pages * 1000,
               added.pages and add_total / added.pages * 1000, added.pages and add_own / added.pages * 1000, p50)
        rows.append(row)
        print(f"{k:>6} {report.ingested:>6} {report.pages:>6} {report.records:>8} {groups:>10} {report.compared:>8} |"
              f" {row[0]:>12.1f} ms {row[1]:>11.1f} ms | {row[2]:>13.1f} ms {row[3]:>4.1f} ms {added.compared:>8} |"
              f" {row[4]:>7.1f} ms", flush=True)
    if len(rows) > 1:
        names = ("ingest CPU/page", "ingest index CPU/page", "add-one CPU/page", "add-one index CPU/page", "search p50 CPU")
        print(f"\ngrowth {scales[0]}x -> {scales[-1]}x (target < 1.5):")
        for name, first, last in zip(names, rows[0], rows[-1]):
            print(f"  {name:<24} {last / first if first else float('nan'):5.2f}x")


if __name__ == "__main__":
    main()
