"""Render an ``Extraction`` as the JSON contract, text or markdown.

The JSON shape is a public interface (``schema/extract.schema.json``): fields
may be added, never renamed or retyped.
"""

from __future__ import annotations

import os
import re
import unicodedata

from minutebook.model import Extraction, Indicator, Meeting, Table

SCHEMA = "minutebook.extract/1"


_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def escape_controls(text: str, keep: str = "") -> str:
    """``text`` safe for a terminal: control characters (escape sequences, a
    newline forging a line, bidi overrides) as ``\\uXXXX``, except those in
    ``keep``. The form is also a JSON escape, so JSON text stays valid."""
    return _CONTROLS.sub(lambda m: m[0] if m[0] in keep else f"\\u{ord(m[0]):04x}", text)


def _s(text: str | None) -> str | None:
    """Contract strings: NFC, whitespace collapsed, never ``""``."""
    if text is None:
        return None
    text = re.sub(r"[ \t\r\f\v]+", " ", unicodedata.normalize("NFC", text)).strip()
    return text or None


def _cell(text: str | None) -> str:
    """Table cells keep their line breaks (list items, paragraphs) and may be empty."""
    if not text:
        return ""
    lines = [re.sub(r"\s+", " ", l).strip() for l in unicodedata.normalize("NFC", text).split("\n")]
    return "\n".join(l for l in lines if l)


def table_json(t: Table) -> dict:
    return {
        "id": t.id,
        "page": t.page,
        "title": _s(t.title),
        "header": [_cell(c) for c in t.header],
        "rows": [[_cell(c) for c in row] for row in t.rows],
        "header_rows": t.header_rows,
        "ruled": t.ruled,
        "page_end": t.page_end if t.page_end is not None else t.page,
    }


def meeting_json(m: Meeting) -> dict:
    return {
        "committee": _s(m.committee),
        "date": m.date,
        "time": m.time,
        "place": _s(m.place),
        "source_role": m.source_role,
        "document": m.document,
        "end_time": m.end_time,
        "agenda_items": [
            {
                "number": a.number,
                "title": _s(a.title),
                "page_start": a.page_start,
                "page_end": a.page_end,
                "officer": _s(a.officer),
                "sub_items": [_s(x) for x in a.sub_items if _s(x)],
                "private": a.private,
            }
            for a in m.agenda_items
        ],
        "minutes_items": [
            {"number": i.number, "title": _s(i.title), "page": i.page, "private": i.private} for i in m.minutes_items
        ],
        "attendance": {
            "present": [p for p in map(_s, m.attendance.present) if p],
            "apologies": [p for p in map(_s, m.attendance.apologies) if p],
            "officers": [p for p in map(_s, m.attendance.officers) if p],
        },
        "resolutions": [
            {
                "minute": r.minute,
                "title": _s(r.title),
                "text": _s(r.text),
                "clauses": [c for c in map(_s, r.clauses) if c],
                "page": r.page,
                "style": r.style,
                "decision_only": r.decision_only,
                "private": r.private,
                "refers_to": list(r.refers_to),
                "outcome": r.outcome,
                "votes": _votes(r.votes),
                "mover": _s(r.mover),
                "seconder": _s(r.seconder),
            }
            for r in m.resolutions
        ],
        "declarations": [d for d in map(_s, m.declarations) if d],
        "refers_to_meetings": list(m.refers_to_meetings),
    }


def _votes(v) -> dict | None:
    if v is None:
        return None
    out = {"for": v.for_, "against": v.against, "abstain": v.abstain}
    if v.names:
        out["names"] = {k: [n for n in map(_s, names) if n] for k, names in v.names.items()}
    return out


def to_json(ex: Extraction, display_path: str | None = None) -> dict:
    src = ex.source
    return {
        "schema": SCHEMA,
        "source": {
            "path": display_path or src.path,
            "sha256": src.sha256,
            "format": src.format,
            "pages": src.pages,
        },
        "warnings": [w for w in map(_s, ex.warnings) if w],
        "documents": [
            {
                "id": d.id,
                "kind": d.kind,
                "title": _s(d.title),
                "agenda_item": d.agenda_item,
                "date": d.date,
                "page_start": d.page_start,
                "page_end": d.page_end,
                "sections": [
                    {
                        "id": s.id,
                        "number": s.number,
                        "heading": _s(s.heading),
                        "level": s.level,
                        "text": _s(s.text),
                        "page": s.page,
                    }
                    for s in d.sections
                ],
                "tables": [table_json(t) for t in d.tables],
            }
            for d in ex.documents
        ],
        "meetings": [meeting_json(m) for m in ex.meetings],
        "entities": [_entity(e) for e in ex.entities if _in_section_text(e)],
        "entities_elsewhere": [
            {**_entity(e), "section": e.section.split(":", 1)[0], "where": _where(e)}
            for e in ex.entities
            if not _in_section_text(e)
        ],
        "indicators": [indicator_json(i) for i in ex.indicators],
    }


def indicator_json(i: Indicator) -> dict:
    return {
        "code": i.code,
        "name": _s(i.name),
        "breakdown": _s(i.breakdown),
        "period": i.period,
        "value": _s(i.value),
        "number": i.number,
        "unit": i.unit,
        "target": _s(i.target),
        "rag": _s(i.rag),
        "direction": _s(i.direction),
        "document": i.document,
        "table": i.table,
        "page": i.page,
        "row": i.row,
        "column": _s(i.column),
        "meeting_date": i.meeting_date,
    }


def _in_section_text(e) -> bool:
    """The contract's ``entities`` hold offsets into a section's ``text`` only."""
    return e.section is not None and ":" not in e.section


def _where(e) -> str:
    """Headings and table rows carry entities too; their offsets are into the
    heading, or into the row's cells joined by tabs."""
    return "heading" if e.section.endswith(":heading") else f"table row {e.section.rsplit(':r', 1)[-1]}"


def _entity(e) -> dict:
    out = {
        "text": e.text,
        "label": e.label,
        "canonical": e.canonical,
        "document": e.document,
        "section": e.section,
        "start": e.start,
        "end": e.end,
    }
    if e.values:
        out["values"] = e.values
    return out


def _decided(r) -> str:
    """``  — lost 14-45-4 (Mr Hood / Mr Baldock)``: outcome, printed counts, mover and seconder."""
    parts = [r.outcome] if r.outcome else []
    if r.votes:
        parts.append("-".join("?" if n is None else str(n) for n in (r.votes.for_, r.votes.against, r.votes.abstain)))
    if r.mover:
        parts.append(f"({r.mover}" + (f" / {r.seconder})" if r.seconder else ")"))
    return ("  — " + " ".join(parts)) if parts else ""


def to_text(ex: Extraction, markdown: bool = False) -> str:
    """A readable outline: documents, their sections and tables, meetings."""
    h1, h2, h3, bullet = ("# ", "## ", "### ", "- ") if markdown else ("", "  ", "    ", "    ")
    out: list[str] = []
    src = ex.source
    pages = f", {src.pages} pages" if src.pages else ""
    out.append(f"{h1}{os.path.basename(src.path)} ({src.format}{pages})")
    for w in ex.warnings:
        out.append(f"{bullet}warning: {w}")
    for d in ex.documents:
        where = f"pages {d.page_start}-{d.page_end}" if d.page_start else ""
        meta = ", ".join(x for x in (f"item {d.agenda_item}" if d.agenda_item else "", d.date or "", where) if x)
        out.append("")
        out.append(f"{h2}{d.id} {d.kind}: {d.title or '(untitled)'}" + (f" [{meta}]" if meta else ""))
        for s in d.sections:
            label = " ".join(x for x in (s.number, s.heading or (s.text or "")[:70]) if x)
            out.append(f"{h3 if markdown else h3}{'  ' * (s.level - 1)}{label}")
        for t in d.tables:
            cols = max((len(r) for r in t.rows), default=0)
            out.append(f"{bullet}table {t.id}: {t.title or '(untitled)'} ({len(t.rows)} rows x {cols} cols, page {t.page})")
    for m in ex.meetings:
        out.append("")
        out.append(f"{h2}meeting ({m.source_role}): {m.committee or '?'} {m.date or ''} {m.time or ''}".rstrip())
        for a in m.agenda_items:
            pages = f" (pages {a.page_start}-{a.page_end})" if a.page_start else ""
            out.append(f"{bullet}{a.number}. {a.title}{pages}")
        for r in m.resolutions:
            out.append(f"{bullet}minute {r.minute}: {r.title}{_decided(r)}")
            for i, c in enumerate(r.clauses, start=1):
                out.append(f"{bullet}  {i}) {c}")
            if not r.clauses:
                out.append(f"{bullet}  {r.text}")
    return "\n".join(out) + "\n"
