"""Entity tagging throughput against spaCy's bare tokenizer on the same text.

Run: python bench/bench_entities.py [files…]  (default: the development PDFs
in ../shared/corpus/pdf, else the bundled corpus). Files are extracted first,
outside the timing; the ratio says what the rules cost over tokenising alone.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import spacy

from minutebook.extract import extract_file
from minutebook.nlp import build_nlp, tag_documents

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DIRS = [ROOT.parent / "shared" / "corpus" / "pdf", ROOT / "corpus"]


def documents(args: list[str]) -> list:
    paths = [Path(a) for a in args]
    if not paths:
        for d in DEFAULT_DIRS:
            paths = sorted(d.glob("*.pdf"))
            if paths:
                break
    if not paths:
        sys.exit("no files: pass some, or put ../shared/corpus beside the checkout")
    return [d for p in paths for d in extract_file(str(p)).documents]


def best_of(runs: int, fn) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> None:
    docs = documents(sys.argv[1:])
    units = [s.text for d in docs for s in d.sections if s.text] + ["\t".join(r) for d in docs for t in d.tables for r in t.rows]
    words = sum(len(u.split()) for u in units)
    tokenizer = spacy.blank("en").tokenizer
    nlp = build_nlp()
    tag_documents(docs[:1], nlp)  # warm up: build lazy tables outside the timing

    t_tok = best_of(3, lambda: [tokenizer(u) for u in units])
    t_pipe = best_of(3, lambda: list(nlp.pipe(units, batch_size=64)))
    t_full = best_of(3, lambda: tag_documents(docs, nlp))
    n_ents = len(tag_documents(docs, nlp))

    print(f"text: {len(docs)} documents, {len(units)} sections/rows, {words} words")
    print(f"spaCy blank('en') tokenizer : {words / t_tok:12,.0f} words/s")
    print(f"minutebook pipeline (nlp.pipe): {words / t_pipe:10,.0f} words/s  ({t_pipe / t_tok:.1f}x tokenizer time)")
    print(f"tag_documents (+acronyms, canonical): {words / t_full:,.0f} words/s  ({t_full / t_tok:.1f}x tokenizer time), {n_ents} entities")


if __name__ == "__main__":
    main()
