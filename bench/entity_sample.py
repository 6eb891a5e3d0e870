"""A reproducible random sample of tagged entities per label, for judging precision by hand.

Run: python bench/entity_sample.py [--seed 14] [--n 20] [--labels PERSON,ORG,…]
     [--cache DIR] [files…]
(default files: the text-layer PDFs and markdown under ../shared/corpus/real,
read without OCR, so scanned pages contribute nothing). Prints one line per
sampled entity: label, text, file, page, and the words around it. Mentions
are sampled, not distinct names, so a name tagged wrongly forty times is as
likely to be drawn as it is to be met by a reader; ``--distinct`` samples one
mention per name and file instead, as a reader of ``minutebook entities``
meets them (the long tail of one-off names). ``--cache`` keeps the
extractions (pickled, keyed by file size and mtime) so a rerun after a rule
change re-tags without re-reading the PDFs.
"""

from __future__ import annotations

import argparse
import hashlib
import pickle
import random
from collections import defaultdict
from pathlib import Path

from minutebook.extract import extract_file
from minutebook.nlp import build_nlp, tag_documents

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT.parent / "shared" / "corpus" / "real"
LABELS = "PERSON,ORG,TEAM,COMMITTEE,INDICATOR,PLACE"


def default_files() -> list[Path]:
    return sorted(REAL.glob("*.pdf")) + sorted((REAL / "limerick").glob("*.md"))


def documents(path: Path, cache: Path | None) -> list:
    if cache is not None:
        st = path.stat()
        key = hashlib.sha1(f"{path.resolve()}|{st.st_size}|{st.st_mtime_ns}".encode()).hexdigest()
        hit = cache / f"{key}.pickle"
        if hit.exists():
            return pickle.loads(hit.read_bytes())
    docs = extract_file(str(path), ocr=False).documents
    if cache is not None:
        cache.mkdir(parents=True, exist_ok=True)
        hit.write_bytes(pickle.dumps(docs))
    return docs


def units(docs: list) -> dict[tuple[str, str], tuple[str, int | None]]:
    """(document id, location) → (the tagged text, its page), as ``tag_documents`` locates entities."""
    out = {}
    for doc in docs:
        for s in doc.sections:
            if s.heading:
                out[(doc.id, f"{s.id}:heading")] = (s.heading, s.page)
            if s.text:
                out[(doc.id, s.id)] = (s.text, s.page)
        for t_index, table in enumerate(doc.tables):
            tid = table.id or f"{doc.id}.t{t_index + 1}"
            for r, row in enumerate(table.rows):
                out[(doc.id, f"{tid}:r{r}")] = ("\t".join(c or "" for c in row), table.page)
    return out


def context(text: str, start: int, end: int, width: int = 60) -> str:
    left = text[max(0, start - width): start]
    right = text[end: end + width]
    flat = lambda s: s.replace("\n", "⏎").replace("\t", "⇥")  # noqa: E731  (line and cell breaks stay visible)
    return f"{flat(left)}[[{flat(text[start:end])}]]{flat(right)}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("files", nargs="*")
    ap.add_argument("--seed", type=int, default=14)
    ap.add_argument("--n", type=int, default=20)
    ap.add_argument("--labels", default=LABELS)
    ap.add_argument("--cache", type=Path, default=None)
    ap.add_argument("--distinct", action="store_true", help="one mention per (file, text)")
    args = ap.parse_args()
    files = [Path(f) for f in args.files] or default_files()
    nlp = build_nlp()
    by_label: dict[str, list] = defaultdict(list)
    for path in files:
        docs = documents(path, args.cache)
        where = units(docs)
        for e in tag_documents(docs, nlp):
            text, page = where.get((e.document, e.section), ("", None))
            by_label[e.label].append((path.name, page, e.text, context(text, e.start, e.end)))
    for label in args.labels.split(","):
        pool = by_label.get(label, [])
        # Sorted first so the draw depends only on the seed and the entities, not on file order.
        pool.sort(key=lambda r: (r[0], r[1] or 0, r[2], r[3]))
        if args.distinct:
            pool = list({(r[0], r[2]): r for r in reversed(pool)}.values())
            pool.sort(key=lambda r: (r[0], r[1] or 0, r[2], r[3]))
        sample = random.Random(f"{args.seed}:{label}").sample(pool, min(args.n, len(pool)))
        print(f"## {label}: {len(pool)} mentions, {len(sample)} sampled")
        for n, (name, page, text, ctx) in enumerate(sample, 1):
            print(f"{label}\t{n}\t{text!r}\t{name}\tp{page}\t{ctx}")


if __name__ == "__main__":
    main()
