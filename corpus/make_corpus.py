"""Regenerate the bundled sample corpus (fictional Hartwell City Council).

Run from the repository root:  python corpus/make_corpus.py
Writes corpus/<stem>.pdf, corpus/<stem>.txt and tests/expected/<stem>.json,
all from the data in content*.py, byte-identical on every run.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import expected  # noqa: E402
import verify  # noqa: E402
from content_cyp import CYP_1  # noqa: E402
from content_cyp2 import CYP_2  # noqa: E402
from content_cyp3 import CYP_3  # noqa: E402
from content_hsg import HSG_1  # noqa: E402
from content_hsg2 import HSG_2, HSG_3  # noqa: E402
import textdoc  # noqa: E402
from render import build  # noqa: E402

EXPECTED = HERE.parent / "tests" / "expected"
PACKS = [CYP_1, CYP_2, CYP_3, HSG_1, HSG_2, HSG_3]
TRACE_KEYS = {"Youth Hub Review": "Youth Hub Review", "Tenant Voice Panel": "Tenant Voice Panel"}


def dump(path: Path, data: dict) -> None:
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def main() -> int:
    EXPECTED.mkdir(parents=True, exist_ok=True)
    txt = textdoc.render()
    (HERE / f"{textdoc.STEM}.txt").write_text(txt, encoding="utf-8")
    txt_exp, near = textdoc.expected()
    extra = {"Youth Hub Review": [{"file": f"{textdoc.STEM}.txt", "document": "d1",
                                   "where": "stand-alone copy of the briefing note",
                                   "meeting_date": CYP_3["date"],
                                   "as_printed": textdoc.YH_NOTE["subject"]}]}
    traces = expected.trace(PACKS, extra, TRACE_KEYS)
    txt_exp["trace"] = traces.get(f"{textdoc.STEM}.txt", [])
    dump(EXPECTED / f"{textdoc.STEM}.json", txt_exp)
    missing = [e["text"] for e in txt_exp["entities_sample"] if e["text"] not in txt]
    print(f"{textdoc.STEM}.txt: {len(txt)} chars", "OK" if not missing else missing)
    bad = bool(missing)
    for m in PACKS:
        pdf, info = build(m)
        path = HERE / f"{m['stem']}.pdf"
        path.write_bytes(pdf)
        exp = expected.pack_expected(m, info, traces.get(f"{m['stem']}.pdf", []),
                                     [near] if m is CYP_3 else [])
        dump(EXPECTED / f"{m['stem']}.json", exp)
        problems = verify.check_pdf(path, exp, info)
        with __import__("pdfplumber").open(path) as p:
            pages = len(p.pages)
        print(f"{path.name}: {pages} pages, {len(pdf)} bytes", "OK" if not problems else problems)
        bad += bool(problems)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
