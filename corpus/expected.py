"""Ground truth (tests/expected/<stem>.json) built from the same data as the PDFs."""

from __future__ import annotations

import datetime as _dt

from content import plain_date
from render import decision_text

SCHEMA = "minutebook.expected/1"


def doc_order(m: dict) -> list[tuple[str, dict | None]]:
    """(agenda item number, doc) in the order they are printed; minutes doc is None."""
    out = []
    for it in m["agenda"] + m.get("private", []):
        if "doc" in it:
            out.append((it["num"], None if it["doc"] == "minutes" else m["docs"][it["doc"]]))
    return out


def documents(m: dict) -> list[dict]:
    docs = [{"kind": "agenda", "title": m["committee"], "agenda_item": None, "date": m["date"]}]
    for num, doc in doc_order(m):
        if doc is None:
            docs.append({"kind": "minutes", "title": f"Minutes of the Meeting of {m['committee']}",
                         "agenda_item": num, "date": m["minutes"]["date"]})
        elif doc["kind"] == "work_programme":
            docs.append({"kind": "work_programme", "title": doc["title"], "agenda_item": num,
                         "date": doc["updated"]})
        else:
            docs.append({"kind": doc["kind"], "title": doc["subject"], "agenda_item": num,
                         "date": doc["date"]})
    return docs


def meetings(m: dict, info: dict) -> list[dict]:
    items = []
    for it in m["agenda"] + m.get("private", []):
        a, b = info["items"].get(it["num"], (None, None))
        items.append({"number": it["num"], "title": it["title"], "page_start": a, "page_end": b})
    agenda = {"committee": m["committee"], "date": m["date"], "time": m["time"],
              "place": m["place"], "source_role": "agenda", "document": "d1",
              "agenda_items": items, "minutes_items": [],
              "attendance": {"present": [], "apologies": [], "officers": []},
              "resolutions": []}
    mm = m["minutes"]
    dno = 2 + [doc is None for _, doc in doc_order(m)].index(True)
    res = []
    for it in mm["items"]:
        dec = it.get("decision")
        if dec and dec.get("counts", True):
            res.append({"minute": it["num"], "title": it["title"], "text": decision_text(dec),
                        "clauses": list(dec.get("clauses", []))})
    mins = {"committee": m["committee"], "date": mm["date"], "time": mm["time"],
            "place": None, "source_role": "minutes", "document": f"d{dno}",
            "agenda_items": [],
            "minutes_items": [{"number": it["num"], "title": it["title"]} for it in mm["items"]],
            "attendance": {"present": mm["present"] + mm["coopted"],
                           "apologies": list(mm["apologies"]),
                           "officers": [n for _, names in mm["officers"] for n in names]},
            "resolutions": res, "end_time": mm["end"]}
    return [agenda, mins]


def tables_summary(m: dict, info: dict) -> list[dict]:
    out = []
    for k, tables in enumerate(info["tables"]):
        for t in tables:
            row = {"document": f"d{k + 2}", "title": t["title"], "rows": len(t["rows"]),
                   "cols": len(t["rows"][0]), "ruled": t["ruled"], "header_rows": t["header_rows"]}
            if t.get("pages") and t["pages"][0] != t["pages"][1]:
                row["pages"] = list(t["pages"])
                row["notes"] = (f"Runs over a page break (pages {t['pages'][0]}-{t['pages'][1]}); "
                                "it carries on at the top of the next page without its header: one table.")
            out.append(row)
    return out


def entities(m: dict) -> list[dict]:
    return [{"text": t, "label": lab, "canonical": can} for t, lab, can in m["entities"]]


def wp_date(cell: str) -> str | None:
    try:
        return _dt.datetime.strptime(cell, "%d %b %Y").date().isoformat()
    except ValueError:
        return None


def appearances(m: dict, key: str) -> list[dict]:
    """Every place in pack ``m`` whose printed title contains ``key``."""
    out, docs = [], documents(m)
    for it in m["agenda"]:
        if key in it["title"]:
            out.append({"file": f"{m['stem']}.pdf", "document": "d1", "where": f"agenda item {it['num']}",
                        "meeting_date": m["date"], "as_printed": it["title"]})
    for k, (num, doc) in enumerate(doc_order(m), start=2):
        if doc is None:
            for it in m["minutes"]["items"]:
                if key in it["title"]:
                    out.append({"file": f"{m['stem']}.pdf", "document": f"d{k}",
                                "where": f"minute {it['num']}", "meeting_date": m["minutes"]["date"],
                                "as_printed": it["title"]})
        elif doc["kind"] == "work_programme":
            for r in doc["rows"]:
                if key in r[1]:
                    out.append({"file": f"{m['stem']}.pdf", "document": f"d{k}",
                                "where": f"work programme, meeting of {r[0]}",
                                "meeting_date": wp_date(r[0]), "as_printed": r[1]})
        elif key in doc["subject"]:
            out.append({"file": f"{m['stem']}.pdf", "document": f"d{k}",
                        "where": f"{docs[k - 1]['kind'].replace('_', ' ')} filed under agenda item {num}",
                        "meeting_date": doc["date"], "as_printed": doc["subject"]})
    return out


def trace(packs: list[dict], extra: dict[str, list[dict]], keys: dict[str, str]) -> dict[str, list]:
    """Per stem, the trace entries that mention it. ``keys``: item name -> title key."""
    per: dict[str, list] = {}
    for item, key in keys.items():
        apps = [a for m in packs for a in appearances(m, key)] + extra.get(item, [])
        dates = sorted({a["meeting_date"] for a in apps if a["meeting_date"]})
        entry = {"item": item, "meeting_dates": dates, "appearances": apps}
        for stem in sorted({a["file"] for a in apps}):
            per.setdefault(stem, []).append(entry)
    return per


def pack_expected(m: dict, info: dict, trace_entries: list, near: list) -> dict:
    return {
        "schema": SCHEMA,
        "file": f"{m['stem']}.pdf",
        "description": f"Agenda pack of the fictional {m['committee']}, meeting of "
                       f"{plain_date(m['date'])}.",
        "documents": documents(m),
        "meetings": meetings(m, info),
        "tables_summary": tables_summary(m, info),
        "entities_sample": entities(m),
        "trace": trace_entries,
        "near_duplicates": near,
        "notes": list(m.get("notes", [])),
    }
