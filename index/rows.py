"""Search, resolutions and trace answers as rows: CSV for spreadsheets, JSON Lines for pipelines.

One row per hit, per decision, per appearance; CSV cells hold lists as
``a; b`` and anything nested as JSON, JSON Lines keeps every value as it is.
"""

from __future__ import annotations

import csv
import io
import json

from minutebook.index.query import MARK
from minutebook.output import escape_controls

COLUMNS = {
    "search": ("type", "title", "committee", "date", "kind", "agenda_item", "minute", "document", "document_title", "file",
               "page", "score", "snippet", "also_in", "folded"),
    "resolutions": ("date", "committee", "minute", "title", "outcome", "votes", "mover", "seconder", "clauses", "text",
                    "document", "file", "page"),
    "trace": ("date", "committee", "planned", "type", "kind", "agenda_item", "minute", "title", "document_title", "file",
              "page", "also_in"),
}


def rows(what: str, found) -> list[dict]:
    """The answer of ``search``/``resolutions``/``trace`` as flat records, in the command's order."""
    if what == "search":
        return found["hits"]
    if what == "resolutions":
        return found
    return [{"date": m["date"], "committee": m["committee"], **a, "planned": a.get("planned", m["planned"])}
            for m in found for a in m["appearances"]]


def _cell(key: str, value):
    """A CSV cell: control characters escaped, as everywhere text from papers reaches a terminal."""
    value = _plain(key, value)
    return escape_controls(value) if isinstance(value, str) else value


def _plain(key: str, value):
    if value is None:
        return ""
    if key == "snippet":
        return value.replace(MARK, "")
    if key == "folded":
        return "; ".join(f["label"] for f in value)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return "; ".join(value)
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return value


def to_csv(what: str, found) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS[what], extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for r in rows(what, found):
        writer.writerow({k: _cell(k, r.get(k)) for k in COLUMNS[what]})
    return out.getvalue().rstrip("\n")


def to_jsonl(what: str, found) -> str:
    return "\n".join(json.dumps(r, ensure_ascii=False) for r in rows(what, found))
