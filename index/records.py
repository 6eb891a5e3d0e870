"""Turn one file's JSON contract into index records.

Only the public contract (``output.to_json``) is read here, never the model,
so the index cannot break when extractor internals change.
"""

from __future__ import annotations

import re

from minutebook.extract.dates import parse_date
from minutebook.extract.styles.vocab import COMMITTEE_WORDS
from minutebook.index.export import pack_contract
from minutebook.index.schema import LABELS, entity_field

# A work-programme title cell ending in one of these (or a hyphen) runs on into the next row.
RUN_ON = frozenset("a an and at by for from in including into of on or the their to with".split())


def _meeting_context(contract: dict) -> tuple[dict, dict]:
    """Committee and date for each document id, plus the pack's own.

    A document inside a pack belongs to the meeting the pack summons (the
    agenda's date), whatever date it prints; the minutes document belongs to
    the meeting it minutes.
    """
    docs = contract.get("documents", [])
    meetings = contract.get("meetings", [])
    agenda_meeting = next((m for m in meetings if m.get("source_role") == "agenda"), None)
    agenda_doc = next((d for d in docs if d.get("kind") == "agenda"), None)
    pack_committee = (agenda_meeting or {}).get("committee") or (agenda_doc or {}).get("title")
    pack_date = (agenda_meeting or {}).get("date") or (agenda_doc or {}).get("date")
    minutes_by_doc = {m.get("document"): m for m in meetings if m.get("source_role") == "minutes"}
    context = {}
    for d in docs:
        minuted = minutes_by_doc.get(d["id"])
        if minuted:
            committee, date = minuted.get("committee") or pack_committee, minuted.get("date") or d.get("date")
        elif d.get("kind") == "minutes":
            committee, date = pack_committee, d.get("date")
        else:
            committee, date = pack_committee, pack_date or d.get("date")
        context[d["id"]] = (committee or _addressee(d, contract.get("entities", [])), date)
    return context, {"committee": pack_committee, "date": pack_date}


PROGRAMME_OF = re.compile(r"^(?P<body>.{3,80}?)\s*[-–—:,]?\s+(?:draft\s+)?(?:annual\s+)?(?:work\s*programme|work\s+plan|forward\s+plan|work\s+program)\b", re.I)


def _addressee(doc: dict, entities: list[dict]) -> str | None:
    """A lone paper's committee: the body a work programme's title names ("Harbour Board Work Programme
    2025-26"), or one named in a report's opening sections (the "To:" line)."""
    if doc.get("kind") == "work_programme":
        m = PROGRAMME_OF.match(doc.get("title") or "")
        return m.group("body").strip(" -–—:,") if m and COMMITTEE_WORDS.search(m.group("body")) else None
    if doc.get("kind") not in ("briefing_note", "report"):
        return None
    opening = {s["id"] for s in doc.get("sections", [])[:2]}
    return next((e.get("canonical") or e.get("text") for e in entities
                 if e.get("label") == "COMMITTEE" and e.get("document") == doc["id"] and e.get("section") in opening), None)


def same_name(name: str | None) -> str | None:
    """One spelling per body for filters and facets: typographic apostrophes and spacing vary by file."""
    return " ".join(name.replace("\u2019", "'").split()) if name else None


def _entity_fields(entities: list[dict]) -> dict:
    """Entity names as ``ent_<label>`` keywords, ``LABEL:name`` pairs and searchable text."""
    by_label: dict[str, set[str]] = {}
    for e in entities:
        name = (e.get("canonical") or e.get("text") or "").replace(",", " ").strip()
        if name and e.get("label") in LABELS:
            by_label.setdefault(e["label"], set()).add(name)
    if not by_label:
        return {}
    out = {entity_field(label): ",".join(sorted(names)) for label, names in by_label.items()}
    out["entities"] = ",".join(sorted(f"{label}:{n}" for label, names in by_label.items() for n in names))
    out["entity_names"] = " ".join(sorted({n for names in by_label.values() for n in names}))
    return out


def _mentioned(entities: list[dict], text: str) -> list[dict]:
    """Entities of a document whose words appear in a record that has no section of its own."""
    low = text.lower()
    return [e for e in entities if e.get("text") and e["text"].lower() in low]


def table_text(t: dict) -> str:
    lines = [" | ".join(c for c in t.get("header", []) if c)]
    lines += [" | ".join(c.replace("\n", " ") for c in row if c) for row in t.get("rows", [])]
    return "\n".join(line for line in lines if line)


def document_text(d: dict) -> str:
    """A document's words: its sections (heading and text) then its tables."""
    parts = []
    for s in d.get("sections", []):
        head = " ".join(x for x in (s.get("number"), s.get("heading")) if x)
        parts.extend(x for x in (head, s.get("text")) if x)
    parts.extend(table_text(t) for t in d.get("tables", []))
    return "\n".join(p for p in parts if p)


def section_titles(sections: list[dict]) -> dict[str, str]:
    """A readable title for each section that prints a number but no heading ("3.1").

    Its title is the heading it sits under: the section numbered as its
    parent ("3 Progress" for "3.1"), else the nearest heading above at a
    higher level; failing both, its number and opening words.
    """
    out, above = {}, []  # above: (level, number, "number heading") of headed sections so far
    for s in sections:
        number, heading, level = s.get("number"), s.get("heading"), s.get("level") or 1
        if heading:
            above.append((level, number, " ".join(x for x in (number, heading) if x)))
            continue
        if not number:
            continue
        stem = number.rsplit(".", 1)[0] if "." in number.strip(".") else None
        parent = next((t for _, n, t in reversed(above) if stem and n and n.strip(".") == stem), None)
        parent = parent or next((t for lvl, _, t in reversed(above) if lvl < level), None)
        if parent:
            out[s["id"]] = f"{parent} › {number}"
        else:
            words = (s.get("text") or "").split()
            opening = " ".join(words[:10]) + (" …" if len(words) > 10 else "")
            out[s["id"]] = " ".join(x for x in (number, opening) if x)
    return out


def indicator_rows(indicators: list[dict]) -> dict[tuple, list[dict]]:
    """A file's indicator observations by the table row (and breakdown) that printed them: one record each."""
    rows: dict[tuple, list[dict]] = {}
    for o in indicators:
        rows.setdefault((o.get("table"), o.get("row"), o.get("breakdown")), []).append(o)
    return rows


def _runs_on(text: str) -> bool:
    words = text.rstrip().lower().split()
    return bool(words) and (text.rstrip().endswith((",", "-", "–")) or words[-1] in RUN_ON)


def _is_programme(doc: dict, table: dict) -> bool:
    return doc.get("kind") == "work_programme" or bool(re.search(r"work programme|forward plan", table.get("title") or "", re.I))


def programme_rows(tables: list[dict], year: int | None) -> list[tuple[dict, dict]]:
    """Items a work programme plans for each meeting: ``(table, {date, title, detail})``.

    Rows are keyed by a date cell; rows under it with that cell empty belong to
    the same meeting, also across a page break (a table with the previous
    one's header and no date of its own continues it). A title cut by the page
    layout continues on the next row (the cut title or the detail beside it
    ends mid-phrase, or the next starts in lower case). Rows under a label
    that is not a date ("Meetings to be allocated") have no meeting and are
    left out. A programme needs two dated rows to count.
    """
    out: list[tuple[dict, dict]] = []
    date, last, header_before = None, None, None
    for table in tables:
        header = [c.lower() for c in table.get("header") or []]
        col = next((i for i, h in enumerate(header) if i and re.search(r"title|item|subject|report", h)), 1)
        rows = [r for r in table.get("rows", []) if len(r) > col and [c.lower() for c in r] != header]
        if not any(r[0].strip() and parse_date(r[0], year) for r in rows) and header != header_before:
            date, last = None, None
        header_before = header
        for r in rows:
            key = r[0].strip()
            title = " ".join(r[col].split()) if re.search(r"[^\W_]", r[col]) else ""
            beside = " ".join(r[col + 1].split()) if len(r) > col + 1 else ""
            detail = " ".join(" ".join(c.split()) for i, c in enumerate(r) if i not in (0, col) and c.strip())
            if key:
                date, last = parse_date(key, year), None
            if not date:
                continue
            if last and (not title or _runs_on(last["title"]) or _runs_on(last["beside"]) or title[:1].islower() or title.isdigit()):
                last["title"] = " ".join(x for x in (last["title"], title) if x)
                last["detail"] = " ".join(x for x in (last["detail"], detail) if x)
                last["beside"] = beside
            elif title:
                last = {"date": date, "title": title, "detail": detail, "beside": beside}
                out.append((table, last))
    if len({row["date"] for _, row in out}) < 2:
        return []
    for _, row in out:
        row["title"] = re.sub(r"(\w)- (\w)", r"\1-\2", row["title"])
    return out


def records_from_contract(contract: dict, path: str) -> list[dict]:
    """Every record for one file, ready for ``writer.add_document(**record)``."""
    sha = contract["source"]["sha256"]
    docs = {d["id"]: d for d in contract.get("documents", [])}
    context, pack = _meeting_context(contract)
    ents_by_doc: dict[str, list[dict]] = {}
    # Entities in headings and table rows count for their section, table and document too.
    for e in contract.get("entities", []) + contract.get("entities_elsewhere", []):
        ents_by_doc.setdefault(e.get("document"), []).append(e)
    records: list[dict] = []

    def add(rtype: str, key: str, doc_id: str | None, *, title=None, text=None, page=None, entities=(), **more):
        doc = docs.get(doc_id) or {}
        committee, date = context.get(doc_id, (pack["committee"], pack["date"]))
        committee = same_name(more.pop("committee", None) or committee)
        date = more.pop("date", None) or date
        rec = {
            "rid": f"{path}::{key}",
            "rtype": rtype,
            "path": path,
            "sha256": sha,
            "title": title,
            "text": text,
            "page": page,
            "committee": committee,
            "committee_text": committee,
            "date": date,
            "year": date[:4] if date else None,
            "document": doc_id,
            "doc_key": f"{path}#{doc_id}" if doc_id else None,
            "doc_title": doc.get("title"),
            "kind": doc.get("kind"),
            "item": doc.get("agenda_item"),
            **_entity_fields(list(entities)),
            **more,
        }
        records.append({k: v for k, v in rec.items() if v is not None and v != ""})

    src = contract["source"]
    # Files with scanned pages left unread are read again by an ingest with --ocr.
    unread = sum("needs OCR" in w for w in contract.get("warnings", []))
    add("file", "file", None, title=None, extra={"pages": src.get("pages"), "format": src.get("format"), "documents": len(docs),
                                                 "unread_pages": unread})
    for d in docs.values():
        ents = ents_by_doc.get(d["id"], [])
        add("document", d["id"], d["id"], title=d.get("title"), text=document_text(d), page=d.get("page_start"), entities=ents,
            extra={"page_end": d.get("page_end"), "printed_date": d.get("date")})
        shown = section_titles(d.get("sections", []))
        for s in d.get("sections", []):
            heading = " ".join(x for x in (s.get("number"), s.get("heading")) if x) or None
            add("section", s["id"], d["id"], title=heading, text=s.get("text"), page=s.get("page"), number=s.get("number"),
                entities=[e for e in ents if e.get("section") == s["id"]], extra={"shown": shown[s["id"]]} if s["id"] in shown else None)
        for n, t in enumerate(d.get("tables", []), start=1):
            text = table_text(t)
            add("table", t.get("id") or f"{d['id']}.t{n}", d["id"], title=t.get("title"), text=text, page=t.get("page"),
                entities=_mentioned(ents, text), extra={"header": t.get("header"), "rows": len(t.get("rows", []))})
        listed = context[d["id"]][1]
        programme = [t for t in d.get("tables", []) if _is_programme(d, t)]
        for w, (t, row) in enumerate(programme_rows(programme, int(listed[:4]) if listed else None), start=1):
            add("wp_item", f"{d['id']}.w{w}", d["id"], title=row["title"], text="\n".join(x for x in (row["title"], row["detail"]) if x),
                page=t.get("page"), date=row["date"], item=None, extra={"listed": listed, "table": t.get("id")})
    for n, (key, obs) in enumerate(indicator_rows(contract.get("indicators", [])).items(), start=1):
        first = obs[0]
        label = " ".join(x for x in (first.get("code"), first["name"]) if x) + (f" — {first['breakdown']}" if first.get("breakdown") else "")
        text = label + ": " + "; ".join(f"{o['period']} {o['value']}" for o in obs)
        ents = [{"label": "INDICATOR", "text": first["code"]}] if first.get("code") else []
        add("indicator", f"{first.get('document')}.ind{n}", first.get("document"), title=label, text=text, page=first.get("page"),
            number=first.get("code"), entities=ents, extra={"table": first.get("table"), "row": first.get("row"), "observations": obs})
    for mi, m in enumerate(contract.get("meetings", []), start=1):
        committee, date, mdoc = m.get("committee"), m.get("date"), m.get("document")
        for a in m.get("agenda_items", []):
            filed = next((d["id"] for d in docs.values() if d.get("agenda_item") == a["number"] and d.get("kind") != "appendix"), None)
            text = "\n".join([a.get("title") or ""] + a.get("sub_items", []))
            where = docs.get(filed or mdoc) or {}
            add("agenda_item", f"m{mi}.a{a['number']}", filed or mdoc, title=a.get("title"), text=text, page=where.get("page_start"),
                committee=committee, date=date, item=a["number"], entities=_mentioned(ents_by_doc.get(filed or mdoc, []), text),
                extra={"officer": a.get("officer"), "private": a.get("private"), "agenda_document": mdoc,
                       "printed_pages": [a.get("page_start"), a.get("page_end")]})
        for i in m.get("minutes_items", []):
            add("minutes_item", f"m{mi}.i{i['number']}", mdoc, title=i.get("title"), text=i.get("title"), page=i.get("page"),
                committee=committee, date=date, minute=i["number"], extra={"private": i.get("private")})
        for r_n, r in enumerate(m.get("resolutions", []), start=1):
            add("resolution", f"m{mi}.r{r_n}", mdoc, title=r.get("title"), text=r.get("text"), page=r.get("page"),
                committee=committee, date=date, minute=r.get("minute"), entities=_mentioned(ents_by_doc.get(mdoc, []), r.get("text") or ""),
                extra={"clauses": r.get("clauses", []), "style": r.get("style"), "private": r.get("private"),
                       **{k: r[k] for k in ("outcome", "votes", "mover", "seconder") if r.get(k)}})
    # The whole contract, kept for exports and meeting pages; it has no text fields, so no query finds it.
    records.append({"rid": f"{path}::contract", "rtype": "contract", "path": path, "sha256": sha,
                    "extra": {"contract": pack_contract(contract)}})
    return records
