"""Other councils' house styles, written here (not from any corpus): a
stand-alone Cabinet minutes file and a pack with a labelled notice of meeting
and a 'Report to:' report."""

from __future__ import annotations

from pathlib import Path

from minutebook.extract import extract_file

EXAMPLES = Path(__file__).resolve().parent / "examples"


def test_standalone_cabinet_minutes():
    ex = extract_file(str(EXAMPLES / "westshire_cabinet_minutes.txt"))
    (doc,) = ex.documents
    assert (doc.kind, doc.title, doc.date) == ("minutes", "MINUTES of a meeting of the CABINET", "2024-03-05")
    (m,) = ex.meetings
    assert (m.committee, m.date, m.time, m.end_time) == ("CABINET", "2024-03-05", "19:00", "20:15")
    assert m.place == "Council Chamber, Town Hall, Westford"
    assert [i.number for i in m.minutes_items] == ["45", "46", "47", "48", "49"]
    assert m.attendance.apologies == ["Councillor M Moore"]
    assert "Councillor F Green" in m.attendance.present
    leisure = next(r for r in m.resolutions if r.minute == "48")
    assert leisure.clauses == [
        "That the contract be extended to 31 March 2026.",
        "That officers report back on options for a new contract by December 2024.",
    ]
    budget = next(r for r in m.resolutions if r.minute == "49")
    assert budget.style == "proposed" and budget.text.endswith("RESOLVED that the forecast outturn be noted.")


def test_notice_of_meeting_and_report_to_style():
    ex = extract_file(str(EXAMPLES / "eastbridge_planning_pack.txt"))
    assert [(d.kind, d.title, d.agenda_item, d.date) for d in ex.documents] == [
        ("agenda", "Planning Committee", None, "2024-06-12"),
        ("report", "Annual Planning Enforcement Report", "3", "2024-06-12"),
    ]
    (m,) = ex.meetings
    assert (m.committee, m.date, m.time, m.place) == ("Planning Committee", "2024-06-12", "18:30", "Council Chamber, Civic Offices, Eastbridge")
    assert [(a.number, a.title, a.page_start, a.page_end) for a in m.agenda_items] == [
        ("1", "Apologies for Absence", None, None),
        ("2", "Minutes", 1, 6),
        ("3", "Annual Planning Enforcement Report", 7, 20),
        ("4", "Urgent Business", None, None),
    ]
    assert m.agenda_items[2].officer == "Report of the Head of Planning"
    assert m.refers_to_meetings == ["2024-05-08"]


def _as_pdf(text_path: Path, pdf_path: Path) -> Path:
    """Set a text example as a two-page PDF with a running header: one line a
    paragraph, capitals in bold, 6 points between paragraphs."""
    import textwrap

    from pdfmaker import make_pdf

    lines = [l for l in text_path.read_text().splitlines() if l.strip()]
    pages, items, y = [], [], 70
    for k, line in enumerate(lines):
        if k == len(lines) // 2:
            pages.append(items)
            items, y = [], 70
        bold = line.split(". ", 1)[-1].isupper()
        for part in textwrap.wrap(line, 88):
            items.append((56, y, part, "Helvetica-Bold" if bold else "Helvetica", 11))
            y += 14
        y += 6
    pages.append(items)
    return make_pdf(pdf_path, pages, header="Westshire District Council - Cabinet 5 March 2024")


def test_pdf_rendition_gives_the_same_meeting(tmp_path):
    text = extract_file(str(EXAMPLES / "westshire_cabinet_minutes.txt"))
    pdf = extract_file(str(_as_pdf(EXAMPLES / "westshire_cabinet_minutes.txt", tmp_path / "cabinet.pdf")))
    assert [(d.kind, d.title) for d in pdf.documents] == [(d.kind, d.title) for d in text.documents]
    (a,), (b,) = text.meetings, pdf.meetings
    assert (b.committee, b.date, b.time, b.end_time) == (a.committee, a.date, a.time, a.end_time)
    assert [(r.minute, r.text, r.clauses) for r in b.resolutions] == [(r.minute, r.text, r.clauses) for r in a.resolutions]


def test_committee_named_above_a_minutes_heading_without_it():
    ex = extract_file(str(EXAMPLES / "northvale_health_board_minutes.txt"))
    (doc,) = ex.documents  # the council and board names are the minutes' preamble
    assert (doc.kind, doc.date) == ("minutes", "2024-11-20")
    (m,) = ex.meetings
    assert (m.committee, m.time, m.place, m.end_time) == ("Health and Wellbeing Board", "14:30", "Mayor's Parlour, Civic Centre", "16:05")
    assert m.attendance.apologies == ["Councillor B Hughes"]
    assert [(r.minute, r.style, r.clauses) for r in m.resolutions] == [
        ("24", "decision", []),
        ("25", "resolved", ["That the draft Joint Strategic Needs Assessment be approved for consultation.",
                            "That a final version be brought to the March 2025 meeting."]),
        ("26", "proposed", []),
    ]
