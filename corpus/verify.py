"""Checks on the generated corpus with pdfplumber (run by make_corpus.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pdfplumber


def norm(s: str) -> str:
    return " ".join(s.split())


def check_pdf(path: Path, exp: dict, info: dict) -> list[str]:
    """Return a list of problems (empty when the file is as intended)."""
    problems = []
    with pdfplumber.open(path) as pdf:
        n = len(pdf.pages)
        if not 4 <= n <= 8:
            problems.append(f"{n} pages")
        texts = [p.extract_text() or "" for p in pdf.pages]
        found = sum(len(p.find_tables()) for p in pdf.pages)
    want = sum(t["pages"][1] - t["pages"][0] + 1 for ts in info["tables"] for t in ts if t["ruled"])
    if found != want:
        problems.append(f"find_tables found {found} table regions, expected {want}")
    for i, t in enumerate(texts, 1):
        if f"Page {i}" not in t.splitlines()[-1]:
            problems.append(f"page {i}: footer")
        if "(cid:" in t:
            problems.append(f"page {i}: unmapped glyph")
    whole = norm(" ".join(texts))
    for e in exp["entities_sample"]:
        if norm(e["text"]) not in whole:
            problems.append(f"entity not printed: {e['text']}")
    for mt in exp["meetings"]:
        for r in mt["resolutions"]:
            if r["text"] not in whole:
                problems.append(f"resolution text not printed as such: minute {r['minute']}")
    return problems


def hyphenated(path: Path) -> bool:
    with pdfplumber.open(path) as pdf:
        t = "\n".join(p.extract_text() or "" for p in pdf.pages)
    return bool(re.search(r"develop-\nment", t))
