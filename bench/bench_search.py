"""Search latency at scale: Whoosh through minutebook's own ``search``, beside SQLite FTS5 and tantivy.

Run: python bench/bench_search.py [--sizes 100000,1000000] [--queries 300] [--facet-queries 100]
                                  [--corpus DIR ...] [--cache DIR] [--engines whoosh,fts5,tantivy]

Records are the real index records (``records_from_contract``) of the
development corpus (``../shared/corpus``: Coventry, Kent, parishes, Tulsa,
Ontario, Limerick; the bundled ``corpus/`` when it is absent), copied until
the index holds each size. Each copy stands for another council or another
year: committee names take the council's name, dates move by whole years and
months, a share of the words are swapped for other corpus words of similar
frequency and rare ones become new words (so the vocabulary grows as a real
collection's does), and some copies are republished verbatim under another
path (near-duplicates). Whole-document records keep their full text, so long
records are there as in a real index.

Every engine indexes the same records and answers the same queries (words
drawn from the corpus, two-word, phrase, title-only, prefix, fuzzy; with and
without committee, date-range and kind filters), each returning the top ten
with snippets. Whoosh runs the whole ``minutebook.index.query.search``
(parsing, filter resolution, folding by item, snippets); FTS5 and tantivy run
the nearest query their own syntax has. CPU time (``time.process_time``) is
printed beside wall time, since other processes on the machine disturb wall
time more. Indexes are cached under ``--cache`` (default: the temp dir) keyed
by size and corpus, so reruns only search. Needs the ``bench`` extra
(``pip install -e '.[bench]'``) for tantivy.
"""

from __future__ import annotations

import argparse
import collections
import hashlib
import json
import os
import random
import re
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpus"
BENCH_VERSION = "5"  # bump when records or index layouts change, so cached indexes are rebuilt

WORD = re.compile(r"[A-Za-z][a-z]+")
TOWNS = ("Ashby Vale", "Brackenfield", "Carrow", "Dunmere", "Eastwick", "Fallowmoor", "Glenholt", "Harrowden",
         "Inchbrae", "Jarrowfield", "Kestle", "Larkhill", "Marrowby", "Northam", "Oxley Fen", "Pellow",
         "Quarrymoor", "Redcastle", "Saltmarsh", "Thornbury Hythe", "Ullesby", "Varden", "Westhope", "Yarrowdale")
REPUBLISHED = 0.15  # share of copies that are another copy republished verbatim under a new path


# --------------------------------------------------------------------------- corpus


def cache_dir(arg: str | None) -> Path:
    where = Path(arg or os.environ.get("MINUTEBOOK_BENCH_CACHE") or Path(tempfile.gettempdir()) / "minutebook-bench")
    where.mkdir(parents=True, exist_ok=True)
    return where


def corpus_files(dirs: list[str]) -> list[str]:
    from minutebook.extract.read import supported_files

    found, _ = supported_files(dirs)
    return sorted(found)


def contracts(files: list[str], cache: Path) -> list[tuple[str, dict]]:
    """Each file's JSON contract, extracted once and kept under ``cache`` by content hash."""
    from minutebook.index.ingest import extract_one, file_sha256

    where = cache / "contracts"
    where.mkdir(exist_ok=True)
    out = []
    for path in files:
        sha = file_sha256(path)
        kept = where / f"{sha}.json"
        if not kept.exists():
            try:
                contract, _ = extract_one(path)
            except Exception as exc:  # an unreadable paper is left out, as ingest would skip it
                print(f"  skipped {os.path.basename(path)}: {type(exc).__name__}: {exc}", file=sys.stderr)
                continue
            tmp = kept.with_suffix(".tmp")
            tmp.write_text(json.dumps(contract), encoding="utf-8")
            tmp.replace(kept)
            print(f"  extracted {os.path.basename(path)}", file=sys.stderr, flush=True)
        out.append((path, json.loads(kept.read_text(encoding="utf-8"))))
    return out


def seed_records(pairs: list[tuple[str, dict]]) -> list[list[dict]]:
    """Index records of each corpus file, as ingest writes them."""
    from minutebook.index.records import records_from_contract

    return [records_from_contract(contract, path) for path, contract in pairs]


# --------------------------------------------------------------------------- scaling


class Varier:
    """Turns a file's records into another council's or year's copy of them."""

    def __init__(self, seeds: list[list[dict]]):
        counts = collections.Counter(w for recs in seeds for r in recs for w in WORD.findall(r.get("text") or ""))
        self.ranked = [w for w, _ in counts.most_common()]
        self.rank = {w: i for i, w in enumerate(self.ranked)}
        self.counts = counts

    def mapping(self, rng: random.Random) -> dict[str, str]:
        """Swap 10% of words for words of similar frequency; a third of the rare ones become new words."""
        out = {}
        n = len(self.ranked)
        for i, w in enumerate(self.ranked[50:], 50):
            roll = rng.random()
            if roll < 0.10:
                j = min(n - 1, max(50, i + rng.randint(-20, 20)))
                out[w] = self.ranked[j]
            elif i > 2000 and roll < 0.43:
                out[w] = w + rng.choice(("ham", "ley", "ton", "by", "ford", "wick", "stow", "more", "den", "well"))
        return out

    def copy(self, records: list[dict], k: int, mapping: dict[str, str], rng: random.Random) -> list[dict]:
        town = TOWNS[k % len(TOWNS)]
        shift_years, shift_months = rng.randint(-6, 1), rng.randint(0, 11)
        sub = (lambda m: mapping.get(m.group(0), m.group(0)))
        out = []
        for rec in records:
            r = dict(rec)
            prefix = f"/bench/c{k:05d}"
            r["path"] = prefix + r["path"]
            r["rid"] = prefix + r["rid"]
            if r.get("doc_key"):
                r["doc_key"] = prefix + r["doc_key"]
            for name in ("title", "text", "doc_title"):
                if isinstance(r.get(name), str):
                    r[name] = WORD.sub(sub, r[name])
            if r.get("committee"):
                r["committee"] = r["committee_text"] = f"{town} {r['committee']}"
            if r.get("date"):
                r["date"] = shift(r["date"], shift_years, shift_months)
                r["year"] = r["date"][:4]
            out.append(r)
        return out


def shift(date: str, years: int, months: int) -> str:
    y, m, d = int(date[:4]), int(date[5:7]), int(date[8:10])
    m += months
    y += years + (m - 1) // 12
    m = (m - 1) % 12 + 1
    return f"{y:04d}-{m:02d}-{min(d, 28):02d}"


def scaled(seeds: list[list[dict]], size: int, seed: int = 11):
    """Records, file by file, until ``size``: copy 0 is the corpus as it is, later copies varied.

    A share of each copy's files is published twice (``REPUBLISHED``): the
    same records again under another path, as a report filed alone and
    inside its agenda pack.
    """
    rng = random.Random(seed)
    varier = Varier(seeds)
    made, k = 0, 0
    while True:
        mapping = varier.mapping(rng) if k else {}
        for recs in seeds:
            records = varier.copy(recs, k, mapping, rng) if k else recs
            copies = [records]
            if rng.random() < REPUBLISHED:
                copies.append([again(r, f"/bench/r{k:05d}") for r in records])
            for batch in copies:
                for rec in batch:
                    if made >= size:
                        return
                    made += 1
                    yield rec
        k += 1


def again(rec: dict, prefix: str) -> dict:
    r = dict(rec, path=prefix + rec["path"], rid=prefix + rec["rid"])
    if r.get("doc_key"):
        r["doc_key"] = prefix + r["doc_key"]
    return r


# --------------------------------------------------------------------------- queries


STOP = frozenset("the and for that with this from have been will were which their there would about should "
                 "also into other such than them they these those when where what more some only over under".split())


def make_queries(varier: Varier, committees: list[str], kinds: list[str], n: int, seed: int = 5) -> list[dict]:
    """``n`` queries, each a shape, its words and a filter, the same for every engine.

    Words are drawn from the corpus by frequency rank: a third from the
    commonest 300 content words (matching a large share of the index), the
    rest from ranks 300-5000.
    """
    rng = random.Random(seed)
    content = [w.lower() for w in varier.ranked if len(w) > 3 and w.lower() not in STOP]
    content = list(dict.fromkeys(content))
    common, middle = content[:300], content[300:5000]
    from minutebook.index.query import resolve

    towns = {w.lower() for t in TOWNS for w in t.split()}
    words = collections.Counter(w for c in committees for w in re.findall(r"[a-z]+", c.lower())
                                if len(w) > 3 and w not in towns and w not in STOP)
    named = [w for w, _ in words.most_common(2)] + [rng.choice(committees)]
    filters = [{}, {}, {}, *({"committee": c} for c in named), {"date_from": "2021", "date_to": "2023"},
               {"date_from": "2024-03"}, *({"kind": k} for k in kinds[:2])]
    out = []
    for _ in range(n):
        pick = lambda: rng.choice(common if rng.random() < 0.33 else middle)  # noqa: E731
        shape = rng.choice(("word", "word", "two", "two", "phrase", "title", "prefix", "fuzzy"))
        words = [pick(), pick()] if shape in ("two", "phrase") else [pick()]
        if shape == "prefix":
            words = [words[0][:max(4, len(words[0]) - 3)]]
        flt = dict(rng.choice(filters))
        resolved = {}
        if "committee" in flt:
            resolved["committee"] = resolve(flt["committee"], committees, "committee", "--committee")
        if "kind" in flt:
            resolved["kind"] = resolve(flt["kind"], kinds, "kind", "--kind")
        if "date_from" in flt:
            from minutebook.index.query import iso_bound

            resolved["dates"] = (iso_bound(flt.get("date_from"), False), iso_bound(flt.get("date_to"), True))
        out.append({"shape": shape, "words": words, "filter": flt, "resolved": resolved})
    return out


def whoosh_text(q: dict) -> str:
    w = q["words"]
    return {"word": w[0], "two": " ".join(w), "phrase": f'"{" ".join(w)}"', "title": f"title:{w[0]}",
            "prefix": w[0] + "*", "fuzzy": w[0] + "~1"}[q["shape"]]


# --------------------------------------------------------------------------- engines


HIDDEN_TYPES = ("file", "dup")


class WhooshEngine:
    """minutebook's own index and ``search``: what ``minutebook search`` runs."""

    name = "whoosh"

    def __init__(self, where: Path):
        self.where = where

    def build(self, records) -> None:
        from whoosh import index as windex

        from minutebook.index import ingest
        from minutebook.index.schema import make_schema

        from minutebook.index.copies import Claims, place

        ix = windex.create_in(str(self.where), make_schema())
        options = getattr(ingest, "WRITER", {"limitmb": 128})
        writer, files, last = ix.writer(**options), 0, None
        claims = Claims()  # nothing is ever replaced here, so what leads is known without asking the index
        for rec in records:
            if rec["path"] != last:
                files, last = files + 1, rec["path"]
                if files % ingest.COMMIT_EVERY == 0:  # commit as ingest does, so segments pile up as they would
                    writer.commit()
                    writer = ix.writer(**options)
            [rec] = place([rec], claims, ix.schema)  # a record republished verbatim is a silent copy, as ingest writes it
            writer.add_document(**rec)
        writer.commit()
        finish = getattr(ingest, "merge_segments", None)  # what ingest does once its records are written
        if finish:
            finish(ix)

    def open(self):
        from minutebook.index.ingest import open_index

        self.ix = open_index(str(self.where))

    def values(self, field: str) -> list[str]:
        with self.ix.searcher() as s:
            return list(s.reader().field_terms(field))

    warm = False  # --warm: keep what one search caches for the next, as the web app does; else start cold, as the CLI does

    def run(self, q: dict, facets: bool = False) -> int:
        from minutebook.index import query, snippets

        if not self.warm:  # a CLI search starts with no term lists and no words analysed for snippets
            getattr(query, "_LEXICONS", {}).clear()
            snippets._analysed.cache_clear()
        found = query.search(self.ix, whoosh_text(q), limit=10, facets=facets, **q["filter"])
        return len(found["hits"])

    def segments(self) -> int:
        return len(self.ix._segments())


class Fts5Engine:
    """SQLite FTS5 (porter stemmer), BM25 with the title weighted as Whoosh weights it."""

    name = "fts5"
    COLUMNS = ("title", "text", "entity_names", "committee_text")
    STORED = ("rid", "rtype", "path", "committee", "date", "kind")

    def __init__(self, where: Path):
        self.db = where / "fts5.sqlite"

    def build(self, records) -> None:
        con = sqlite3.connect(self.db)
        con.execute(f"CREATE VIRTUAL TABLE r USING fts5({', '.join(self.COLUMNS)}, "
                    f"{', '.join(c + ' UNINDEXED' for c in self.STORED)}, tokenize='porter unicode61')")
        cols = self.COLUMNS + self.STORED
        con.executemany(f"INSERT INTO r({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                        ([rec.get(c) for c in cols] for rec in records))
        con.execute("INSERT INTO r(r) VALUES('optimize')")
        con.commit()
        con.close()

    def open(self):
        self.con = sqlite3.connect(self.db)

    def run(self, q: dict, facets: bool = False) -> int:
        w = q["words"]
        match = {"word": w[0], "two": " ".join(w), "phrase": f'"{" ".join(w)}"', "title": f"title : {w[0]}",
                 "prefix": w[0] + "*", "fuzzy": w[0]}[q["shape"]]  # FTS5 has no fuzzy terms
        where, args = ["r MATCH ?", f"rtype NOT IN ({', '.join('?' * len(HIDDEN_TYPES))})"], [match, *HIDDEN_TYPES]
        res = q["resolved"]
        if "committee" in res:
            where.append(f"committee IN ({', '.join('?' * len(res['committee']))})")
            args += res["committee"]
        if "kind" in res:
            where.append(f"kind IN ({', '.join('?' * len(res['kind']))})")
            args += res["kind"]
        if "dates" in res:
            lo, hi = res["dates"]
            where += ["date >= ?"] if lo else []
            where += ["date <= ?"] if hi else []
            args += [d for d in (lo, hi) if d]
        sql = (f"SELECT rid, title, snippet(r, 1, '**', '**', ' … ', 24) FROM r WHERE {' AND '.join(where)} "
               f"ORDER BY bm25(r, 2.0, 1.0, 1.0, 1.0) LIMIT 10")
        return len(self.con.execute(sql, args).fetchall())


class TantivyEngine:
    """tantivy (Rust, through its Python binding), English stemming, BM25, title boosted 2×."""

    name = "tantivy"
    TEXT = ("title", "text", "entity_names", "committee_text")
    RAW = ("rid", "rtype", "committee", "kind")

    def __init__(self, where: Path):
        self.where = where / "tantivy"

    def schema(self):
        import tantivy

        b = tantivy.SchemaBuilder()
        for name in self.TEXT:
            b.add_text_field(name, stored=name in ("title", "text"), tokenizer_name="en_stem")
        for name in self.RAW:
            b.add_text_field(name, stored=name == "rid", tokenizer_name="raw")
        b.add_integer_field("date", indexed=True, fast=True)
        return b.build()

    def build(self, records) -> None:
        import tantivy

        self.where.mkdir(exist_ok=True)
        ix = tantivy.Index(self.schema(), path=str(self.where))
        writer = ix.writer(heap_size=256_000_000, num_threads=1)
        for rec in records:
            doc = {k: rec[k] for k in self.TEXT + self.RAW if rec.get(k)}
            if rec.get("date"):
                doc["date"] = int(rec["date"].replace("-", ""))
            writer.add_document(tantivy.Document(**doc))
        writer.commit()
        writer.wait_merging_threads()

    def open(self):
        import tantivy

        self.tv = tantivy
        self.ix = tantivy.Index.open(str(self.where))
        self.ix.reload()
        self.searcher = self.ix.searcher()
        self.sch = self.ix.schema

    def run(self, q: dict, facets: bool = False) -> int:
        tv, w = self.tv, q["words"]
        text = {"word": w[0], "two": " ".join(w), "phrase": f'"{" ".join(w)}"', "title": f"title:{w[0]}",
                "prefix": w[0], "fuzzy": w[0]}[q["shape"]]
        fuzzy = {"prefix": (True, 0, False), "fuzzy": (False, 1, True)}.get(q["shape"])
        query = self.ix.parse_query(text, list(self.TEXT), field_boosts={"title": 2.0},
                                    fuzzy_fields={f: fuzzy for f in self.TEXT} if fuzzy else None,
                                    conjunction_by_default=True)
        must = [(tv.Occur.Must, query)]
        res = q["resolved"]
        for field in ("committee", "kind"):
            if field in res:
                must.append((tv.Occur.Must, tv.Query.boolean_query(
                    [(tv.Occur.Should, tv.Query.term_query(self.sch, field, v)) for v in res[field]])))
        if "dates" in res:
            lo, hi = (int(d.replace("-", "")) if d else None for d in res["dates"])
            must.append((tv.Occur.Must, tv.Query.range_query(self.sch, "date", tv.FieldType.Integer, lo, hi)))
        for t in HIDDEN_TYPES:
            must.append((tv.Occur.MustNot, tv.Query.term_query(self.sch, "rtype", t)))
        query = tv.Query.boolean_query(must)
        hits = self.searcher.search(query, 10).hits
        snippets = tv.SnippetGenerator.create(self.searcher, query, self.sch, "text")
        for _, address in hits:
            doc = self.searcher.doc(address)
            snippets.snippet_from_doc(doc).to_html()
        return len(hits)


ENGINES = {e.name: e for e in (WhooshEngine, Fts5Engine, TantivyEngine)}


# --------------------------------------------------------------------------- timing


def percentiles(values: list[float]) -> str:
    v = sorted(values)

    def at(p):
        return v[min(len(v) - 1, int(round(p * (len(v) - 1))))]

    return f"p50 {statistics.median(v):7.1f}  p95 {at(0.95):7.1f}  p99 {at(0.99):7.1f}"


def timed(engine, queries: list[dict], facets: bool = False) -> tuple[list[float], list[float], int]:
    cpu, wall, hits = [], [], 0
    for q in queries:
        c, w = time.process_time(), time.perf_counter()
        hits += engine.run(q, facets=facets)
        cpu.append((time.process_time() - c) * 1000)
        wall.append((time.perf_counter() - w) * 1000)
    return cpu, wall, hits


def corpus_key(files: list[str]) -> str:
    h = hashlib.sha256(BENCH_VERSION.encode())
    for f in files:
        h.update(f.encode())
        h.update(str(os.path.getsize(f)).encode())
    return h.hexdigest()[:12]


def build_or_reuse(engine_cls, where: Path, seeds, size: int):
    """The engine's index of ``size`` records under ``where``, built unless a complete one is there."""
    where.mkdir(parents=True, exist_ok=True)
    engine = engine_cls(where)
    done = where / f"{engine.name}.done"
    if not done.exists():
        for old in where.iterdir():
            if old.name.startswith(engine.name) or engine.name == "whoosh" and old.suffix in (".toc", ".seg", ".pst"):
                shutil.rmtree(old) if old.is_dir() else old.unlink()
        c, w = time.process_time(), time.perf_counter()
        engine.build(scaled(seeds, size))
        done.write_text(f"{time.process_time() - c:.1f} {time.perf_counter() - w:.1f}")
    cpu, wall = done.read_text().split()
    engine.open()
    return engine, float(cpu), float(wall)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="100000", help="comma-separated record counts (default 100000; e.g. 100000,1000000)")
    ap.add_argument("--queries", type=int, default=300)
    ap.add_argument("--facet-queries", type=int, default=100, help="Whoosh searches with facets (--format json)")
    ap.add_argument("--corpus", nargs="*", help="folders of papers (default ../shared/corpus/{pdf,real}, else corpus/)")
    ap.add_argument("--cache", help="where extracted contracts and built indexes are kept (default $MINUTEBOOK_BENCH_CACHE or the temp dir)")
    ap.add_argument("--engines", default="whoosh,fts5,tantivy")
    ap.add_argument("--rebuild", action="store_true", help="rebuild the indexes even when cached")
    ap.add_argument("--warm", action="store_true",
                    help="Whoosh keeps per-process caches (term lists for fuzzy words, words analysed for snippets) between searches, as the web app does")
    args = ap.parse_args(argv)
    WhooshEngine.warm = args.warm

    dirs = args.corpus or ([str(SHARED / "pdf"), str(SHARED / "real")] if SHARED.is_dir() else [str(ROOT / "corpus")])
    cache = cache_dir(args.cache)
    files = corpus_files(dirs)
    seeds = seed_records(contracts(files, cache))
    varier = Varier(seeds)
    lengths = sorted(len(r.get("text") or "") for recs in seeds for r in recs)
    print(f"corpus: {len(files)} files in {', '.join(dirs)}: {sum(map(len, seeds))} records; text chars "
          f"p50 {lengths[len(lengths) // 2]}, p99 {lengths[int(len(lengths) * 0.99)]}, max {lengths[-1]}")
    for size in (int(s) for s in args.sizes.split(",")):
        where = cache / f"{corpus_key(files)}-{size}"
        if args.rebuild and where.exists():
            shutil.rmtree(where)
        engines = []
        for name in args.engines.split(","):
            engine, cpu, wall = build_or_reuse(ENGINES[name], where, seeds, size)
            engines.append(engine)
            print(f"{size:>9,} records  {name:8} index built in {cpu:7.1f} s CPU {wall:7.1f} s wall "
                  f"({size / max(wall, 0.001):,.0f} records/s)", flush=True)
        first = engines[0]
        committees = first.values("committee") if isinstance(first, WhooshEngine) else sorted(
            {f"{t} {r['committee']}" for t in TOWNS for recs in seeds for r in recs if r.get("committee")})
        kinds = [k for k, _ in collections.Counter(r["kind"] for recs in seeds for r in recs if r.get("kind")).most_common()]
        queries = make_queries(varier, committees, kinds, args.queries)
        print(f"{size:>9,} records  {args.queries} queries, top 10 with snippets; ms per query")
        for engine in engines:
            engine.run(queries[0])  # warm: first-open costs are not per-search costs
            cpu, wall, hits = timed(engine, queries)
            extra = f"  ({engine.segments()} segments)" if isinstance(engine, WhooshEngine) else ""
            print(f"  {engine.name + (' warm' if getattr(engine, 'warm', False) else ''):8} CPU {percentiles(cpu)}   wall {percentiles(wall)}   hits {hits}{extra}", flush=True)
        for engine in engines:
            if isinstance(engine, WhooshEngine) and args.facet_queries:
                cpu, wall, _ = timed(engine, queries[: args.facet_queries], facets=True)
                print(f"  whoosh + facets and exact total ({args.facet_queries} queries, --format json)  "
                      f"CPU {percentiles(cpu)}   wall {percentiles(wall)}", flush=True)


if __name__ == "__main__":
    main()
