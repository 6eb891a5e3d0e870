"""Ingest page rate beside bare pdfplumber text extraction, one core and all cores.

Run: python bench/bench_ingest.py [PDF or folder …]   (default: ../shared/corpus/pdf)

The bare rate is the ceiling any PDF pipeline built on pdfplumber can reach;
the ratio says what structure, entities and indexing cost on top of it.
Re-ingesting unchanged files should cost hashing only.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pdfplumber

from minutebook.index.ingest import discover, ingest

DEFAULT = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "pdf"


def bare_pages(path: str) -> int:
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
        return len(pdf.pages)


def bare(paths: list[str], jobs: int) -> tuple[int, float]:
    start = time.perf_counter()
    if jobs == 1:
        pages = sum(bare_pages(p) for p in paths)
    else:
        with ProcessPoolExecutor(jobs) as pool:
            pages = sum(pool.map(bare_pages, paths))
    return pages, time.perf_counter() - start


def main() -> None:
    args = sys.argv[1:] or [str(DEFAULT)]
    paths = [p for p in discover(args)[0] if p.lower().endswith(".pdf")]
    if not paths:
        sys.exit("no PDFs to benchmark")
    cores = os.cpu_count() or 1
    print(f"{len(paths)} PDFs, {cores} cores")
    for jobs in sorted({1, cores}):
        pages, bare_s = bare(paths, jobs)
        with tempfile.TemporaryDirectory() as where:
            first = ingest(paths, where, jobs=jobs)
            again = ingest(paths, where, jobs=jobs)
        bare_rate, ingest_rate = pages / bare_s, first.pages / first.seconds
        print(f"\njobs={jobs}")
        print(f"  bare pdfplumber extract_text: {pages} pages in {bare_s:6.2f} s = {bare_rate:7.1f} pages/s")
        print(f"  minutebook ingest:            {first.pages} pages in {first.seconds:6.2f} s = {ingest_rate:7.1f} pages/s"
              f"  ({first.records} records, {len(first.errors)} failed)")
        print(f"  ingest / bare rate:           {ingest_rate / bare_rate:.2f}")
        print(f"  re-ingest unchanged:          {again.seconds:6.3f} s ({again.unchanged} unchanged)"
              f" = {again.seconds / first.seconds:.1%} of first run")


if __name__ == "__main__":
    main()
