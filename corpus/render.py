"""Render one meeting's data (content_*.py) into an agenda-pack PDF."""

from __future__ import annotations

from content import (COUNCIL, long_date, minutes_date, officers_line, plain_date,
                     slash_date, time12)
from layout import Pack


def decision_lines(dec: dict) -> tuple[str | None, list[tuple[str, str]]]:
    """(lead paragraph, [(label, clause)]) as printed for a decision block."""
    style = dec["style"]
    if style == "numbered":
        return dec["lead"], [(f"{i})", c) for i, c in enumerate(dec["clauses"], 1)]
    if style == "alpha":
        return dec["lead"], [(f"({chr(97 + i)})", c) for i, c in enumerate(dec["clauses"])]
    return dec["text"], []


def decision_text(dec: dict) -> str:
    lead, clauses = decision_lines(dec)
    parts = [lead] + [f"{lab} {c}" for lab, c in clauses]
    return " ".join(" ".join(parts).split())


def agenda_sheet(p: Pack, m: dict, pages: dict) -> None:
    p.start()
    p.para("Public Document Pack", bold=True, size=10, after=20)
    p.heading("Agenda", size=20, after=10)
    p.heading(m["committee"], size=14, after=16)
    p.para("Time and Date", bold=True, after=2)
    p.para(f"{time12(m['time'])} on {long_date(m['date'])}", after=10)
    p.para("Place", bold=True, after=2)
    p.para(m["place"], after=14)
    p.heading("Public Business", size=12, after=8)
    for it in m["agenda"]:
        agenda_item(p, m, it, pages)
    if m.get("private"):
        p.heading("Private Business", size=12, after=8)
        if m.get("private_intro"):
            p.para(m["private_intro"], size=10)
        for it in m["private"]:
            agenda_item(p, m, it, pages)
    p.para(f"Julian Marlowe, Chief Legal Officer, Guildhall, Hartwell", size=10, after=2)
    p.para(plain_date(m["issued"]), size=10, after=10)
    p.para("Note: The person to contact about the agenda and documents for this meeting is "
           + ", ".join(m["contact"]), size=10, after=8)
    p.para(m["membership"], size=10, after=8)


def agenda_item(p: Pack, m: dict, it: dict, pages: dict) -> None:
    title = it["title"]
    if "doc" in it:
        a, b = pages.get(it["num"], (0, 0))
        title += f" (Pages {a} - {b})"
    p.numbered(f"{it['num']}.", title, bold=True)
    for i, sub in enumerate(it.get("sub", [])):
        p.numbered(f"{chr(97 + i)})", sub.format(prev=plain_date(m["minutes"]["date"])), indent=34, hang=24)
    if it.get("officer"):
        p.para(it["officer"], indent=34, after=8)
    if it.get("text"):
        p.para(it["text"], indent=34, after=8)


def minutes(p: Pack, m: dict, stamp: str) -> None:
    mm = m["minutes"]
    p.start(stamp=stamp)
    p.heading(f"{COUNCIL}", size=12, after=4)
    p.heading(f"Minutes of the Meeting of {m['committee']} held at {time12(mm['time'])} on "
              f"{minutes_date(mm['date'])}", size=12, after=10)
    p.pair("Present:", mm["present"][0], after=2)
    for name in mm["present"][1:]:
        p.para(name, indent=110, after=2)
    p.gap(6)
    if mm["coopted"]:
        p.pair("Co-Opted Members:", ", ".join(mm["coopted"]), tab=130)
    lines = officers_line(mm["officers"])
    p.para("Employees (by Service Area):", bold=True, after=2)
    for ln in lines:
        p.para(ln, indent=20, after=2)
    p.gap(6)
    p.pair("Apologies:", ", ".join(mm["apologies"]), after=12)
    p.heading("Public Business", after=8)
    for item in mm["items"]:
        if item.get("private_heading"):
            p.heading("Private Business", after=8)
        p.numbered(f"{item['num']}.", item["title"], bold=True)
        for para in item.get("paras", []):
            p.para(para, indent=34)
        dec = item.get("decision")
        if dec:
            lead, clauses = decision_lines(dec)
            p.para(lead, indent=34, after=4 if clauses else 8)
            for lab, c in clauses:
                p.numbered(lab, c, indent=54, hang=24)
            p.gap(4)
    p.para(f"(Meeting closed at {time12(mm['end'])})", after=4)


def block(p: Pack, b: tuple, tables: list) -> None:
    kind = b[0]
    if kind == "h":
        p.heading(b[1], size=11, after=6)
    elif kind == "p":
        p.numbered(b[1], b[2])
    elif kind == "b":
        p.bullet(b[1])
    elif kind == "sub":
        p.para(b[1], bold=True, after=4)
    elif kind == "txt":
        p.para(b[1])
    elif kind == "t":
        p.para(b[1], bold=True, size=10, after=4)
        first, last = p.ruled_table(b[2], b[3], header_rows=b[4])
        tables.append({"title": b[1], "rows": b[2], "header_rows": b[4], "ruled": True,
                       "pages": (first, last)})
    elif kind == "u":
        p.para(b[1], bold=True, size=10, after=2)
        p.unruled_table(b[2], b[3], header_rows=b[4])
        tables.append({"title": b[1], "rows": b[2], "header_rows": b[4], "ruled": False})
    elif kind == "cols":
        p.two_columns(b[1])
    elif kind == "page":
        p.start(running_header=True)
    else:
        raise ValueError(kind)


def note(p: Pack, doc: dict, stamp: str, tables: list) -> None:
    p.start(running_header=True, stamp=stamp)
    if doc["kind"] == "report":
        p.heading("Public report", size=12, after=4)
        p.heading(doc.get("label", "Report"), size=14, after=10)
    else:
        p.heading("Briefing note", size=14, after=10)
    p.pair("To:", doc["to"], tab=60, after=2)
    p.pair("Date:", doc.get("date_text") or slash_date(doc["date"]), tab=60, after=2)
    p.pair("Subject:", doc["subject"], tab=60, after=12)
    for b in doc["blocks"]:
        block(p, b, tables)
    p.gap(8)
    for i, ln in enumerate(doc["author"]):
        p.para(ln, bold=(i == 0), after=1)


def work_programme(p: Pack, doc: dict, stamp: str, tables: list) -> None:
    p.start(running_header=True, stamp=stamp)
    p.heading(doc["title"], size=13, after=4)
    p.para(f"Last updated {plain_date(doc['updated'])}", size=10, after=10)
    rows = [["Date", "Title", "Detail", "Lead Officer"]] + doc["rows"]
    first, last = p.ruled_table(rows, [70, 150, 170, 90], header_rows=1)
    tables.append({"title": doc["title"], "rows": rows, "header_rows": 1, "ruled": True,
                   "pages": (first, last)})
    for ln in doc.get("after", []):
        p.para(ln, size=10)


def render_pack(m: dict, pages: dict | None = None) -> tuple[bytes, dict]:
    """Render once; returns (pdf bytes, layout facts: item pages, doc pages, tables)."""
    pages = pages or {}
    p = Pack(f"{m['committee']} - {plain_date(m['date'])}", "Agenda pack")
    info = {"items": {}, "docs": [], "tables": []}
    agenda_sheet(p, m, pages)
    info["docs"].append((1, p.page))
    items = {it["num"]: it for it in m["agenda"] + m.get("private", []) if "doc" in it}
    for num, it in items.items():
        start = p.page + 1
        tables: list = []
        if it["doc"] == "minutes":
            minutes(p, m, f"Agenda Item {num}")
        else:
            doc = m["docs"][it["doc"]]
            if doc["kind"] == "work_programme":
                work_programme(p, doc, f"Agenda Item {num}", tables)
            else:
                note(p, doc, f"Agenda Item {num}", tables)
        info["items"][num] = (start, p.page)
        info["docs"].append((start, p.page))
        info["tables"].append(tables)
    return p.finish(), info


def build(m: dict) -> tuple[bytes, dict]:
    """Two passes, so the front sheet prints the real '(Pages a - b)'."""
    _, info = render_pack(m)
    pdf, info2 = render_pack(m, info["items"])
    assert info2["items"] == info["items"], "page ranges moved between passes"
    return pdf, info2
