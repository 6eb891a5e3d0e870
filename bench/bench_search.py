"""Search latency over a large generated index, and index build rate.

Run: python bench/bench_search.py [RECORDS] [QUERIES] [JSON_QUERIES]   (defaults 100000, 1000, 300)

Records use the real schema and the real ``search`` path (parsing, filters,
snippets, duplicate collapse, grouping by item), with council-flavoured generated text. Each
word of the small vocabulary is in about a third of all records, so nearly
every query matches tens of thousands: a worst case for ranking and counting.
The index is built once per run in a temporary folder and removed at the end.
Default searches (what ``minutebook search`` prints) and ``--format json``
searches (which add an exact total and facet counts) are timed separately.
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time

from whoosh import index as windex

from minutebook.index.query import search
from minutebook.index.schema import make_schema

WORDS = (
    "adoption fostering placement children care leavers housing allocation tenant voice panel budget overspend "
    "savings efficiency peer challenge recommendation progress review scrutiny board committee cabinet report "
    "briefing note appendix work programme attendance exclusion school performance outcomes inspection ofsted "
    "improvement plan strategy commissioning residential sufficiency kinship carers recruitment retention social "
    "workers caseloads agency staffing early help youth hub transport homelessness temporary accommodation repairs "
    "damp mould rent arrears consultation equality impact assessment risk finance capital revenue grant"
).split()
COMMITTEES = ["Children and Young People Scrutiny Board (1)", "Housing and Communities Scrutiny Committee",
              "Education and Children's Services Scrutiny Board (2)", "Cabinet", "Audit and Procurement Committee"]
KINDS = ["agenda", "minutes", "briefing_note", "report", "appendix", "work_programme"]
RTYPES = ["section", "section", "section", "table", "document", "agenda_item", "resolution"]


def sentence(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n))


def record(rng: random.Random, i: int) -> dict:
    year = rng.randint(2018, 2025)
    date = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    path = f"/papers/pack_{i // 60:05d}.pdf"
    doc = f"d{i % 60 // 10 + 1}"
    return {
        "rid": f"{path}::r{i}", "rtype": rng.choice(RTYPES), "path": path, "sha256": "0" * 64,
        "document": doc, "doc_key": f"{path}#{doc}", "doc_title": sentence(rng, 5), "kind": rng.choice(KINDS),
        "committee": (c := rng.choice(COMMITTEES)), "committee_text": c, "date": date, "year": str(year),
        "item": str(rng.randint(1, 9)), "title": sentence(rng, 6), "text": sentence(rng, rng.randint(30, 90)),
        "page": rng.randint(1, 60),
    }


def latency(ix, rng: random.Random, queries: int, facets: bool) -> str:
    """p50/p95/max over ``queries`` random searches, each opening its own searcher as the CLI does."""
    shapes = [
        lambda: rng.choice(WORDS),
        lambda: f"{rng.choice(WORDS)} {rng.choice(WORDS)}",
        lambda: f'"{rng.choice(WORDS)} {rng.choice(WORDS)}"',
        lambda: f"title:{rng.choice(WORDS)}",
        lambda: f"{rng.choice(WORDS)[:4]}*",
        lambda: f"{rng.choice(WORDS)}~1",
    ]
    filters = [{}, {}, {"committee": "scrutiny"}, {"date_from": "2022", "date_to": "2024"}, {"kind": "report"}]
    times = []
    for _ in range(queries):
        q, f = rng.choice(shapes)(), rng.choice(filters)
        t = time.perf_counter()
        search(ix, q, limit=10, facets=facets, **f)
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    p95 = times[int(len(times) * 0.95) - 1]
    return f"over {queries} queries: p50 {statistics.median(times):.1f} ms, p95 {p95:.1f} ms, max {times[-1]:.1f} ms"


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    queries = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    facet_queries = int(sys.argv[3]) if len(sys.argv) > 3 else 300
    rng = random.Random(7)
    with tempfile.TemporaryDirectory(prefix="minutebook-bench-") as where:
        ix = windex.create_in(where, make_schema())
        start = time.perf_counter()
        writer = ix.writer(limitmb=256)
        for i in range(n):
            writer.add_document(**record(rng, i))
        writer.commit()
        build = time.perf_counter() - start
        print(f"index build: {n} records in {build:.1f} s = {n / build:,.0f} records/s")

        ix = windex.open_dir(where)
        search(ix, "warm up", facets=True)
        print(f"search (default, text output: top hits, no facets) {latency(ix, rng, queries, facets=False)}", flush=True)
        print(f"search --format json (exact total and facets) {latency(ix, rng, facet_queries, facets=True)}")


if __name__ == "__main__":
    main()
