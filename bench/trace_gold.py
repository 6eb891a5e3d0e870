"""Trace recall and precision against the development gold's ``trace`` entries.

Run: python bench/trace_gold.py INDEX_DIR [GOLD_DIR]   (GOLD_DIR defaults to ../shared/corpus/gold)

Build the index first, once: ``minutebook ingest ../shared/corpus --index INDEX_DIR -j 1``.
Each distinct ``trace`` entry's ``item`` is traced as typed there; its
``meeting_dates`` are the meetings it should return. A returned meeting is
right when its date is one of them (recall: share of gold dates returned;
precision: share of returned dates in the gold), summed over all entries.
A second precision counts only the returned meetings of committees that hold
a gold meeting, as ``trace --committee`` would: standing items ("Minutes of
the previous meeting") rightly return every council's meetings otherwise.
"""

from __future__ import annotations

import glob
import json
import os
import sys

from minutebook.index.ingest import open_index
from minutebook.index.query import trace


def gold_traces(gold_dir: str) -> dict[str, set[str]]:
    """Item -> its gold meeting dates, each item once however many gold files repeat it."""
    out: dict[str, set[str]] = {}
    for path in sorted(glob.glob(os.path.join(gold_dir, "*.json"))):
        with open(path, encoding="utf-8") as fh:
            for entry in json.load(fh).get("trace") or []:
                out.setdefault(entry["item"], set()).update(entry["meeting_dates"])
    return out


def score(ix, traces: dict[str, set[str]]) -> tuple[int, int, int, int, list[tuple[str, set, set]]]:
    """(right, returned, returned by the gold's committees, expected, per item (item, missed, extra))."""
    right = returned = own = expected = 0
    rows = []
    for item, dates in traces.items():
        meetings = trace(ix, item)
        found = {m["date"] for m in meetings}
        committees = {m["committee"] for m in meetings if m["date"] in dates}
        right += len(found & dates)
        returned += len(found)
        own += len({m["date"] for m in meetings if m["committee"] in committees})
        expected += len(dates)
        rows.append((item, dates - found, found - dates))
    return right, returned, own, expected, rows


def main() -> None:
    index_dir = sys.argv[1]
    gold_dir = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(__file__), "..", "..", "shared", "corpus", "gold")
    right, returned, own, expected, rows = score(open_index(index_dir), gold_traces(gold_dir))
    for item, missed, extra in rows:
        print(f"{'ok  ' if not missed and not extra else 'DIFF'} {item}" + (f"  missed {sorted(missed)}" if missed else "")
              + (f"  extra {sorted(extra)}" if extra else ""))
    print(f"trace over {len(rows)} gold items: recall {right}/{expected} = {right / max(expected, 1):.2f}, "
          f"precision {right}/{returned} = {right / max(returned, 1):.2f}; "
          f"within the gold's committees {right}/{own} = {right / max(own, 1):.2f}")


if __name__ == "__main__":
    main()
