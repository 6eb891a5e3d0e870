"""Indicator series across reports: ``minutebook indicators``.

Every indicator row indexed (``rtype`` ``indicator``) carries its
observations. Rows are joined into one series by canonical code (or, with no
code, by name) and breakdown; within one code, rows whose names differ
beyond ``NAME_MIN`` (rapidfuzz) are kept as separate series and flagged,
since a council may reuse a code for a new definition. Each period is shown
once, from the newest meeting that reported it, with every meeting that did.
"""

from __future__ import annotations

import re

import click

from minutebook.index.commands import _answer, _index_option, _open, _say
from minutebook.index.reading import reread_if_committed

# rapidfuzz, Whoosh and the query module are imported where used: this module
# is loaded to register its command, so every command's start-up would pay.

NAME_MIN = 80  # token_set_ratio of two names of one code that still name one measure


def _fold(text: str | None) -> str:
    from rapidfuzz import utils

    return utils.default_process(text or "")


@reread_if_committed
def load_rows(ix, query: str | None = None, committee: str | None = None) -> list[dict]:
    """Indicator rows matching ``query`` (Whoosh syntax) and ``committee``, with where they were reported."""
    from whoosh.query import And, Every

    from minutebook.index.query import _parser, filters

    with ix.searcher() as s:
        flt, _ = filters(s.reader(), committee=committee, rtypes=("indicator",))
        q = _parser(ix.schema).parse(query) if query else Every()
        rows = []
        for hit in s.search(And([q, flt]) if query else flt or q, limit=None):
            extra = hit.get("extra") or {}
            for o in extra.get("observations", []):
                rows.append(o | {"committee": hit.get("committee"), "date": hit.get("date") or o.get("meeting_date"),
                                 "file": hit["path"], "page": hit.get("page") or o.get("page")})
    return rows


def series(observations: list[dict]) -> list[dict]:
    """Observations joined into series, each newest period first; series by code, then name."""
    groups: dict[tuple, list[dict]] = {}
    for o in observations:
        key = ("code", o["code"]) if o.get("code") else ("name", _fold(o["name"]))
        groups.setdefault(key + (_fold(o.get("breakdown")),), []).append(o)
    out = []
    for (kind, _, _), obs in groups.items():
        clusters = _by_name(obs) if kind == "code" else [obs]
        for cluster in clusters:
            out.append(_series(cluster, [c[0]["name"] for c in clusters if c is not cluster]))
    out.sort(key=lambda s: (s["code"] is None, _code_key(s["code"]), _fold(s["name"]), _fold(s["breakdown"])))
    return out


def _code_key(code: str | None):
    m = re.match(r"([A-Z]+)(\d+)(?:\.(\d+))?", code or "")
    return (m.group(1), int(m.group(2)), int(m.group(3) or 0)) if m else ("", 0, 0)


def _by_name(obs: list[dict]) -> list[list[dict]]:
    """One code's observations split where the name changes beyond ``NAME_MIN``; newest name first."""
    from rapidfuzz import fuzz

    clusters: list[list[dict]] = []
    for o in sorted(obs, key=lambda o: o.get("date") or "", reverse=True):
        home = next((c for c in clusters if fuzz.token_set_ratio(_fold(c[0]["name"]), _fold(o["name"])) >= NAME_MIN), None)
        if home is None:
            clusters.append([o])
        else:
            home.append(o)
    return clusters


def _series(obs: list[dict], other_names: list[str]) -> dict:
    from minutebook.extract.styles.indicators import period_key

    newest = max(obs, key=lambda o: o.get("date") or "")
    by_period: dict[str, list[dict]] = {}
    for o in obs:
        by_period.setdefault(o["period"], []).append(o)
    points = []
    for period, reports in by_period.items():
        reports.sort(key=lambda o: o["file"])
        reports.sort(key=lambda o: o.get("date") or "", reverse=True)
        best = reports[0]
        target = next((r["target"] for r in reports if r.get("target")), None)
        seen, reported = set(), []
        for r in reports:
            key = (r.get("date"), r["value"])
            if key not in seen:  # the same report filed twice (a PDF and its text) is one report
                seen.add(key)
                reported.append({"date": r.get("date"), "committee": r.get("committee"), "value": r["value"],
                                 "file": r["file"], "page": r.get("page")})
        points.append({
            "period": period, "value": best["value"], "number": best.get("number"), "unit": best.get("unit"),
            "target": target, "rag": best.get("rag"), "direction": best.get("direction"),
            "revised": len({r["value"] for r in reported}) > 1, "reported": reported,
        })
    points.sort(key=lambda p: period_key(p["period"]), reverse=True)
    return {
        "code": newest.get("code"),
        "name": newest["name"],
        "breakdown": newest.get("breakdown"),
        "committees": sorted({o["committee"] for o in obs if o.get("committee")}),
        "meetings": sorted({o["date"] for o in obs if o.get("date")}, reverse=True),
        "names": sorted({o["name"] for o in obs}),
        "name_differs_from": other_names,  # the same code under another definition: a separate series
        "points": points,
    }


def render_text(found: list[dict]) -> str:
    from minutebook.index.query import display_path

    lines = []
    for s in found:
        head = " ".join(x for x in (s["code"], s["name"]) if x) + (f"  [{s['breakdown']}]" if s["breakdown"] else "")
        lines.append(head)
        if s["committees"]:
            lines.append("    " + "; ".join(s["committees"]))
        if s["name_differs_from"]:
            lines.append(f"    ! code {s['code']} is also used for: " + "; ".join(s["name_differs_from"]) + " (kept apart)")
        width = max(len(p["value"]) for p in s["points"])
        for p in s["points"]:
            first = p["reported"][0]
            parts = [f"{p['period']:<11} {p['value']:<{width}}"]
            parts += [x for x in (f"target {p['target']}" if p["target"] else "", p["rag"], p["direction"]) if x]
            parts.append("reported " + ", ".join(r["date"] or "(undated)" for r in p["reported"])
                         + f" ({display_path(first['file'])}{' p.' + str(first['page']) if first['page'] else ''})")
            if p["revised"]:
                parts.append("earlier: " + ", ".join(f"{r['value']} ({r['date']})" for r in p["reported"][1:]))
            lines.append("    " + "  ".join(parts))
        lines.append("")
    return "\n".join(lines)


CSV_FIELDS = ("code", "name", "breakdown", "period", "value", "number", "unit", "target", "rag", "direction",
              "meeting_date", "committee", "file", "page", "name_differs")


def csv_rows(found: list[dict]):
    from minutebook.index.query import display_path

    for s in found:
        for p in s["points"]:
            for r in p["reported"]:
                yield {"code": s["code"], "name": s["name"], "breakdown": s["breakdown"], "period": p["period"],
                       "value": r["value"], "number": p["number"] if r is p["reported"][0] else None, "unit": p["unit"],
                       "target": p["target"], "rag": p["rag"], "direction": p["direction"], "meeting_date": r["date"],
                       "committee": r["committee"], "file": display_path(r["file"]), "page": r["page"],
                       "name_differs": bool(s["name_differs_from"])}


@click.command("indicators")
@click.argument("query", required=False)
@_index_option
@click.option("--committee", help="Words of the committee's name.")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "csv"]), default="text", show_default=True)
def indicators_cmd(query, index_dir, committee, fmt):
    """Performance indicators with their series over time, newest first, from every ingested report.

    QUERY (Whoosh syntax) picks indicators by code or name words. A code
    whose name changes between reports is shown as separate, flagged series.
    """
    import csv
    import json
    import sys

    found = series(_answer(load_rows, _open(index_dir), query, committee))
    if fmt == "json":
        click.echo(json.dumps(found, ensure_ascii=False, indent=2))
    elif fmt == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=CSV_FIELDS)
        writer.writeheader()
        writer.writerows(csv_rows(found))
    elif not found:
        click.echo("no indicators" + (f" matching {query!r}" if query else ""))
    else:
        for line in render_text(found).rstrip("\n").split("\n"):  # names are one line each (contract text has no newlines)
            _say(line)
