"""The stand-alone, markdown-ish text copy of the Youth Hub briefing note
(corpus/hcc_youth_hub_note.txt): a near-duplicate of agenda item 4 of the
16 October 2025 CYP pack, with small wording differences."""

from __future__ import annotations

from content import CYP, plain_date
from content_cyp3 import CYP_3, YH_NOTE

STEM = "hcc_youth_hub_note"
# (as printed in the PDF, as printed in the text copy)
EDITS = [
    ("Saturday sessions are attended by 70 young people a week on average.",
     "On average 70 young people a week attend the Saturday sessions."),
    ("the council's early help offer", "the Council's early help offer"),
]
DIFFERENCES = [
    "The text copy has no 'Briefing note' title line and no 'Agenda Item 4' stamp.",
    "Date line: the text copy reads '16 October 2025', the PDF reads '16/10/2025'.",
    "3.1: 'Saturday sessions are attended by 70 young people a week on average.' (PDF) vs "
    "'On average 70 young people a week attend the Saturday sessions.' (text).",
    "4.1: \"the council's early help offer\" (PDF) vs \"the Council's early help offer\" (text).",
    "The text copy is markdown-ish: '### **1 Purpose of the Note**' headings, '- 1.1 ...' "
    "paragraphs, '**Recommendation N: ...**' sub-headings, a tab-separated table.",
]


def edit(s: str) -> str:
    for a, b in EDITS:
        s = s.replace(a, b)
    return s


def render() -> str:
    n = YH_NOTE
    out = [f"To: {n['to']}", "", f"Date: {plain_date(n['date'])}", "",
           f"Subject: {n['subject']}", ""]
    for b in n["blocks"]:
        kind = b[0]
        if kind != "b" and out[-1].startswith("  - "):
            out.append("")
        if kind == "h":
            out += [f"### **{b[1]}**", ""]
        elif kind == "p":
            out += [f"- {b[1]} {edit(b[2])}", ""]
        elif kind == "b":
            out.append(f"  - {b[1]}")
        elif kind == "sub":
            out += [f"**{b[1]}**", ""]
        elif kind == "t":
            out += [b[1], ""] + ["\t".join(r) for r in b[2]] + [""]
    if out[-1] != "":
        out.append("")
    out += n["author"][:1] + [""] + n["author"][1:]
    return "\n".join(out) + "\n"


def expected(pack_doc: str = "d3") -> tuple[dict, dict]:
    """(expected JSON of the text file, the near-duplicate record)."""
    near = {"relation": "near-duplicate: the same briefing note",
            "a": {"file": f"{STEM}.txt", "document": "d1"},
            "b": {"file": f"{CYP_3['stem']}.pdf", "document": pack_doc, "agenda_item": "4",
                  "meeting_date": CYP_3["date"]},
            "differences": DIFFERENCES}
    rows = YH_NOTE["blocks"]
    table = next(b for b in rows if b[0] == "t")
    exp = {
        "schema": "minutebook.expected/1",
        "file": f"{STEM}.txt",
        "description": f"Briefing note to the {CYP}, 16 October 2025: {YH_NOTE['subject']}. "
                       "Markdown-ish text; near-duplicate of agenda item 4 of "
                       f"{CYP_3['stem']}.pdf.",
        "documents": [{"kind": "briefing_note", "title": YH_NOTE["subject"], "agenda_item": None,
                       "date": YH_NOTE["date"]}],
        "meetings": [],
        "tables_summary": [{"document": "d1", "title": table[1], "rows": len(table[2]),
                            "cols": len(table[2][0]), "ruled": False, "header_rows": table[4],
                            "notes": "Tab-separated rows in the text (no rules in a text file)."}],
        "entities_sample": [
            {"text": CYP, "label": "COMMITTEE", "canonical": CYP},
            {"text": "Beacon Team", "label": "TEAM", "canonical": "Beacon Team"},
            {"text": "Edge of Care Service", "label": "TEAM", "canonical": "Edge of Care Service"},
            {"text": "Early Help Hub", "label": "TEAM", "canonical": "Early Help Hub"},
            {"text": "CYP1", "label": "INDICATOR", "canonical": "CYP1"},
            {"text": "persistent absence", "label": "INDICATOR", "canonical": "persistent absence"},
            {"text": "Ofsted", "label": "ORG", "canonical": "Ofsted"},
            {"text": "£1.2m", "label": "MONEY", "canonical": "£1.2m"},
            {"text": "Rhiannon Tate", "label": "PERSON", "canonical": "Rhiannon Tate"},
        ],
        "trace": [],
        "near_duplicates": [near],
        "notes": ["No meeting is summoned or minuted here, so 'meetings' is empty.",
                  "agenda_item is null: the text copy prints no 'Agenda Item' stamp."],
    }
    return exp, near
