"""The PDF and text readers on layouts built here, one case per test."""

from __future__ import annotations

import pytest
from pdfmaker import lines, make_pdf

from minutebook.extract import extract_file
from minutebook.extract.read import ReadError, read_source
from minutebook.extract.text import blocks_from_text


def texts(source):
    return [b.text for b in source.blocks if b.kind == "text"]


def test_running_header_page_numbers_and_stamp_become_metadata(tmp_path):
    body = lambda n: lines([f"{n}.1 Paragraph on page {n} of the report about the Willow Hub."])
    pdf = make_pdf(tmp_path / "r.pdf", [body(1), body(2), body(3)], header="Borsetshire County Council", stamp={0: "4"})
    src = read_source(str(pdf))
    t = texts(src)
    assert "Borsetshire County Council" not in t  # running header: not content
    running = [b.text for b in src.blocks if b.kind == "furniture"]
    assert running == ["Borsetshire County Council"]  # kept once, for titles
    assert not any(x.startswith("Page ") for x in t)
    assert src.page_labels == {1: "Page 1", 2: "Page 2", 3: "Page 3"}
    markers = [b.text for b in src.blocks if b.kind == "marker"]
    assert markers == ["Agenda Item 4"]


def test_hyphenation_at_line_end_is_repaired(tmp_path):
    page = lines(["2.1 The service will continue to develop-", "ment work with partners across the city."])
    src = read_source(str(make_pdf(tmp_path / "h.pdf", [page])))
    assert texts(src) == ["2.1 The service will continue to development work with partners across the city."]


def test_paragraphs_rebuilt_from_wrapped_lines_and_numbering(tmp_path):
    page = lines(
        [
            "3.1 Corporate leaders are committed to achieving the best for children and have",
            "made resources available.",
            "3.2 A second paragraph starts at its number.",
            "• a bullet stays a block of its own",
        ]
    )
    src = read_source(str(make_pdf(tmp_path / "p.pdf", [page])))
    assert texts(src) == [
        "3.1 Corporate leaders are committed to achieving the best for children and have made resources available.",
        "3.2 A second paragraph starts at its number.",
        "• a bullet stays a block of its own",
    ]


def test_two_columns_read_column_by_column(tmp_path):
    left = [f"Left column line {k} about early help" for k in range(1, 13)]
    right = [f"Right column line {k} on fostering" for k in range(1, 13)]
    items = lines(left, x=56, size=10, pitch=13) + lines(right, x=310, size=10, pitch=13)
    src = read_source(str(make_pdf(tmp_path / "c.pdf", [items])))
    joined = " ".join(texts(src))
    assert joined.index("Left column line 12") < joined.index("Right column line 1 ")


def _word(x0, top, text, size=10.0):
    return {"text": text, "x0": x0, "x1": x0 + 5.2 * len(text), "top": top, "bottom": top + size, "size": size}


def _block(x0, tops, words_per_line=5):
    return [_word(x0 + 30 * k, top, "word") for top in tops for k in range(words_per_line)]


@pytest.mark.parametrize("gap, columns", [(4.5, False), (40.0, True)])
def test_a_gutter_is_a_gap_no_sentence_runs_across(gap, columns):
    """Two blocks side by side with lines below that run the width of the page: where each of those
    lines has a word space at the same x (a short justified letter), the page is not two columns;
    where the gap is a gutter's, it is."""
    from minutebook.extract.pdf import _gutter

    tops = [100 + 13 * k for k in range(10)]
    words = _block(56, tops) + _block(310, tops)  # two columns of prose, the gutter between 200 and 310
    for top in (240, 253, 266):  # three lines across: halves meeting at x 262 +/- gap
        words += [_word(262 - 20.8 - 25.3 * k, top, "text") for k in range(8)]  # words a 4.5 pt space apart
        words += [_word(262 + gap + 25.3 * k, top, "text") for k in range(10)]
    found = _gutter(words, 595.0)
    assert (found is not None) is columns
    if columns:
        assert 262 <= found < 262 + gap


def test_whitespace_aligned_table_found(tmp_path):
    items = lines(["Scores by grade"], font="Helvetica-Bold")
    rows = [("Grade", "Points"), ("A", "50"), ("B", "40"), ("C", "30")]
    for k, (a, b) in enumerate(rows):
        items += [(60, 110 + 15 * k, a, "Helvetica", 11), (220, 110 + 15 * k, b, "Helvetica", 11)]
    ex = extract_file(str(make_pdf(tmp_path / "t.pdf", [items])))
    (table,) = [t for d in ex.documents for t in d.tables]
    assert table.rows == [["Grade", "Points"], ["A", "50"], ["B", "40"], ["C", "30"]]
    assert table.ruled is False and table.title == "Scores by grade"


def test_page_without_text_layer_is_reported_for_ocr(tmp_path):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas
    from PIL import Image

    img = tmp_path / "scan.png"
    Image.new("RGB", (200, 100), "white").save(img)
    c = canvas.Canvas(str(tmp_path / "s.pdf"), pagesize=A4, invariant=1)
    c.drawImage(str(img), 50, 400, 400, 200)
    c.showPage()
    c.save()
    src = read_source(str(tmp_path / "s.pdf"), ocr=False)
    assert src.warnings == ["page 1 has no text layer (scanned image): needs OCR"]


def test_markdown_html_and_glyphs_normalised():
    text = (
        "### **1 Purpose of the Note**\n\n"
        "- 1.1 To inform the <u>Board</u> of progress.\n"
        "\uf0b7 A bullet from a symbol font\n"
        "Year\t2023\t2024\nVisits\t10\t12\n"
    )
    blocks = blocks_from_text(text)
    assert [(b.kind, b.text) for b in blocks if b.kind == "text"] == [
        ("text", "1 Purpose of the Note"),
        ("text", "1.1 To inform the Board of progress."),
        ("text", "• A bullet from a symbol font"),
    ]
    assert blocks[0].heading and blocks[0].bold
    (table,) = [b.table for b in blocks if b.kind == "table"]
    assert table.rows == [["Year", "2023", "2024"], ["Visits", "10", "12"]]


def test_hard_wrapped_text_joins_across_blank_lines():
    wrapped = (
        "1.1 To inform the Scrutiny Board of the progress made with the improvement plan \n\n"
        "reported to the Improvement Board on 4 July 2018. The next meeting is on 3 \n"
        "October 2018.\n\n"
        "2 Recommendations\n"
    )
    filler = "".join(f"{k}.{k} A line of filler text that is wrapped at the same width here.\n" for k in range(3, 15))
    got = [b.text for b in blocks_from_text(wrapped + filler)][:2]
    assert got == [
        "1.1 To inform the Scrutiny Board of the progress made with the improvement plan reported to the "
        "Improvement Board on 4 July 2018. The next meeting is on 3 October 2018.",
        "2 Recommendations",
    ]


@pytest.mark.parametrize(
    "name,data,reason",
    [
        ("empty.pdf", b"", "empty file"),
        ("fake.pdf", b"hello, not a pdf", "not a PDF (no %PDF header)"),
        ("broken.pdf", b"%PDF-1.4\n1 0 obj\n<<", "corrupt or truncated PDF"),
        ("notes.docx", b"PK\x03\x04", "unsupported file type .docx"),
    ],
)
def test_bad_input_gives_one_line_reason(tmp_path, name, data, reason):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ReadError) as exc:
        read_source(str(path))
    assert str(exc.value).startswith(reason)
    assert "\n" not in str(exc.value)


def test_text_encodings(tmp_path):
    (tmp_path / "bom.txt").write_bytes("\ufeffCafé budget £1.2m".encode("utf-8"))
    (tmp_path / "win.txt").write_bytes("Café budget £1.2m".encode("cp1252"))
    for name in ("bom.txt", "win.txt"):
        assert texts(read_source(str(tmp_path / name))) == ["Café budget £1.2m"]


def test_labels_and_short_headings_are_not_taken_for_wrapped_lines():
    filler = "".join(f"{k}.1 A line of filler prose that sets the wrap width of this export here\n" for k in range(3, 15))
    text = (
        "Present: Councillor R Hale Councillor T Okafor Councillor W Lindqvist Moss\n\n"
        "Co-opted Members: Mr A Brennan\n\n"
        "• Report of the Head of Regulatory Services for the Harbourside area\n\n"
        "Private Business\n\n"
    )
    got = [b.text for b in blocks_from_text(filler + text)][-4:]
    assert got == [
        "Present: Councillor R Hale Councillor T Okafor Councillor W Lindqvist Moss",
        "Co-opted Members: Mr A Brennan",
        "• Report of the Head of Regulatory Services for the Harbourside area",
        "Private Business",
    ]


def test_full_page_unruled_table_is_not_taken_for_two_columns(tmp_path):
    items = []
    for k in range(14):
        items += [(60, 90 + 15 * k, f"Ward {k + 1}", "Helvetica", 11), (330, 90 + 15 * k, f"{100 + k}", "Helvetica", 11)]
    ex = extract_file(str(make_pdf(tmp_path / "wards.pdf", [items])))
    (table,) = [t for d in ex.documents for t in d.tables]
    assert table.rows[0] == ["Ward 1", "100"] and len(table.rows) == 14


def test_label_value_lines_are_not_a_table_and_headers_sit_over_right_aligned_figures(tmp_path):
    from reportlab.pdfbase.pdfmetrics import stringWidth

    items = [(56, 70, "Date:", "Helvetica", 11), (160, 70, "Tuesday, 9 July 2024", "Helvetica", 11),
             (56, 86, "Time:", "Helvetica", 11), (160, 86, "2.00 pm", "Helvetica", 11),
             (56, 102, "Venue:", "Helvetica", 11), (160, 102, "Committee Room 2", "Helvetica", 11),
             (56, 130, "AGENDA", "Helvetica-Bold", 13), (56, 150, "1. Apologies for Absence", "Helvetica-Bold", 11)]
    right = lambda x, text: (x - stringWidth(text, "Helvetica", 10), text)
    rows = [("Ward", "2023/24", "2024/25 (est.)"), ("Northfield", "16.8", "15.2"), ("Southgate", "27.9", "25.4"),
            ("Eastmoor", "38.2", "36.0")]
    for k, (a, b, c) in enumerate(rows):
        y = 200 + 14 * k
        items.append((72, y, a, "Helvetica", 10))
        for x, text in (right(300, b), right(420, c)):
            items.append((x + (12 if k == 0 else 0), y, text, "Helvetica", 10))
    src = read_source(str(make_pdf(tmp_path / "front.pdf", [items])))
    assert texts(src)[:5] == ["Date: Tuesday, 9 July 2024", "Time: 2.00 pm", "Venue: Committee Room 2", "AGENDA",
                              "1. Apologies for Absence"]
    (table,) = [b.table for b in src.blocks if b.kind == "table"]
    assert table.rows[0] == ["Ward", "2023/24", "2024/25 (est.)"] and table.header_rows == 1
    assert table.rows[1:] == [["Northfield", "16.8", "15.2"], ["Southgate", "27.9", "25.4"], ["Eastmoor", "38.2", "36.0"]]


def _raised(x, y, before, suffix, after, font, size):
    """``before`` then a superscript ``suffix`` then ``after``, as word processors set ordinals."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    small = round(size * 0.65, 1)
    x1 = x + stringWidth(before, font, size)
    x2 = x1 + stringWidth(suffix, font, small)
    return [(x, y, before, font, size), (x1, y - size * 0.35, suffix, font, small), (x2, y, after, font, size)]


@pytest.mark.parametrize("font,size,pitch", [("Helvetica", 12, 15), ("Times-Roman", 10, 12)])
def test_superscript_ordinals_stay_in_their_line(tmp_path, font, size, pitch):
    items = _raised(60, 80, "Harbourside Town Council - 10", "th", " December 2024", font, size)
    items += _raised(60, 110, "The minutes of the meeting held on the 3", "rd", " March 2024 had been circulated", font, size)
    items += [(60, 110 + pitch, "before the meeting and were agreed as a true record.", font, size)]
    items += _raised(60, 140 + pitch, "Footnote marks keep their place 2", "1", " in the text.", font, size)
    src = read_source(str(make_pdf(tmp_path / "sup.pdf", [items])))
    assert texts(src) == [
        "Harbourside Town Council - 10th December 2024",
        "The minutes of the meeting held on the 3rd March 2024 had been circulated before the meeting and were "
        "agreed as a true record.",
        "Footnote marks keep their place 2 1 in the text.",
    ]


@pytest.mark.parametrize(
    "spaced,expected",
    [("A G E N D A", "AGENDA"), ("M I N U T E S   O F   T H E   M E E T I N G", "MINUTES OF THE MEETING")],
)
def test_letter_spaced_headings_read_as_words(tmp_path, spaced, expected):
    items = [(60, 80, spaced, "Helvetica-Bold", 14), (60, 110, "Present: A B Smith and C D Jones", "Helvetica", 11)]
    src = read_source(str(make_pdf(tmp_path / "ls.pdf", [items])))
    assert texts(src) == [expected, "Present: A B Smith and C D Jones"]
    got = [b.text for b in blocks_from_text(f"{spaced}\n\nPresent: A B Smith and C D Jones\n")]
    assert got == [expected, "Present: A B Smith and C D Jones"]


@pytest.mark.parametrize(
    "top_line,foot_line,signature,running",
    [
        (lambda n: f"{10860 + n}", lambda n: f"Page {n + 1} of 3", "Signed _______________________ Dated", []),
        (lambda n: "Minutes of the Harbourside Licensing Panel", lambda n: f"- {n + 1} -", "Chairman ..................",
         ["Minutes of the Harbourside Licensing Panel"]),
    ],
)
def test_running_lines_inside_the_body_and_signature_forms_are_not_text(tmp_path, top_line, foot_line, signature, running):
    from pdfmaker import H

    pages = []
    for n in range(3):
        body = lines([f"{n + 1}.1 The panel considered item {n + 1} and agreed the recommendation."], top=150)
        # Set lower than the header zone and higher than the footer zone.
        body += [(60, 90, top_line(n), "Helvetica", 11), (60, H - 120, signature, "Helvetica", 11),
                 (270, H - 85, foot_line(n), "Helvetica", 9)]
        pages.append(body)
    src = read_source(str(make_pdf(tmp_path / "run.pdf", pages, footer=False, header="_" * 60)))
    assert texts(src) == [f"{n}.1 The panel considered item {n} and agreed the recommendation." for n in (1, 2, 3)]
    # A page-number series and a rule are no title; a running title is kept once.
    assert [b.text for b in src.blocks if b.kind == "furniture"] == running


def _shifted(text: str) -> str:
    """Text as a font without a Unicode map decodes it: glyph numbers read as characters."""
    return "".join(chr(ord(c) - 29) if c.isalpha() else c for c in text)


PROSE = [
    "The minutes of the meeting held on the third of March were agreed as a true record and",
    "signed by the chairman. Members discussed the village green, the play area and the",
    "footpath repairs at some length before the clerk reported on the accounts for the year.",
]


@pytest.mark.parametrize("font,size", [("Helvetica", 11), ("Times-Roman", 9)])
def test_page_whose_text_decodes_to_garbage_is_reported_for_ocr(tmp_path, font, size):
    garbage = lines([_shifted(t) for t in PROSE] * 2, font=font, size=size)
    names = [(60 + 200 * (k % 2), 80 + 14 * (k // 2), name, font, size) for k, name in
             enumerate(["Hale", "Present", "Okafor", "Absent", "Lindqvist", "Present", "Brennan", "Present"] * 3)]
    src = read_source(str(make_pdf(tmp_path / "g.pdf", [garbage, lines(PROSE, font=font, size=size), names])), ocr=False)
    assert [w for w in src.warnings if "decode" in w] == [
        "page 1 has a text layer that does not decode to words (broken font): needs OCR"
    ]
    assert not any("7KH" in t for t in texts(src)) and any(t.startswith("The minutes") for t in texts(src))


@pytest.mark.parametrize("boxes", ["each line", "whole paragraph"])
def test_shaded_or_boxed_prose_is_not_a_one_column_table(tmp_path, boxes):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    W, H = A4
    path = tmp_path / "box.pdf"
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    c.setFont("Helvetica", 11)
    c.drawString(60, H - 80, "3.")
    rows = ["Weekly update from the Council Administrator on the Council Office,",
            "its staffing, schedules and events. Other than discussion, no action will be",
            "taken."]
    for k, row in enumerate(rows):
        c.drawString(96, H - 80 - 14 * k, row)
    if boxes == "each line":
        for k, row in enumerate(rows):
            c.rect(94, H - 84 - 14 * k, 400 if k < 2 else 40, 14)
    else:
        c.rect(94, H - 84 - 14 * 2, 400, 14 * 3)
    c.showPage()
    c.save()
    src = read_source(str(path))
    assert not [b for b in src.blocks if b.kind == "table"]
    assert texts(src) == ["3. " + " ".join(rows)]


@pytest.mark.parametrize(
    "line,form",
    [
        ("Signed ______________________ Dated 9th May 2031", True),
        ("Chairman's signature ..............", True),
        ("Mayor: __________  Clerk: __________", True),
        ("Date ..........................", True),
        ("The fee of ____ was agreed by the Chairman", False),
        ("Signed copies were sent to the Clerk.", False),
    ],
)
def test_signature_forms(line, form):
    from minutebook.extract.patterns import signature_line

    assert signature_line(line) is form


@pytest.mark.parametrize(
    "tokens,gaps,word",
    [
        (list("AGENDA"), [4.1, 3.9, 4.0, 4.2, 3.8], "AGENDA"),
        (list("MINUTESOF"), [1, 1, 1, 1, 1, 1, 3, 1], "MINUTES OF"),
        (["A", "B", "Smith"], [3.0, 3.0], None),
        (["A", "B", "C"], [3.0, 3.0], None),
    ],
)
def test_letter_spacing_closed_up_only_for_runs_of_single_letters(tokens, gaps, word):
    from minutebook.extract.patterns import unspace_letters

    assert unspace_letters(tokens, gaps) == word


@pytest.mark.parametrize("rows, header", [
    # A work programme: words only, so its first row alone is the header.
    (["Date\tTitle\tDetail\tLead Officer", "12th June 25\tMooring Charges Review\tAnnual review\tHarbour Master",
      "\tSlipway Repairs\tThe east slipway\tEngineer"], ["Date", "Title", "Detail", "Lead Officer"]),
    # A US style agenda of items: the same, with no figures anywhere.
    (["Item\tSubject\tPresenter", "A\tStreet Tree Program\tPublic Works", "B\tLibrary Hours\tLibrary Director"],
     ["Item", "Subject", "Presenter"]),
])
def test_a_text_table_of_words_has_one_header_row(tmp_path, rows, header):
    path = tmp_path / "programme.txt"
    path.write_text("Harbour Board Work Programme 2025-26\n\n" + "\n".join(rows) + "\n", encoding="utf-8")
    (table,) = [t for d in extract_file(str(path)).documents for t in d.tables]
    assert table.header == header
    assert len(table.rows) == len(rows)


def _minutes_page(numbers):
    """Parish minutes set all in body type: the headings differ from the text only by their numbers."""
    rows = ["Riverside Parish Council", "",
            "Minutes of the meeting of Riverside Parish Council held on Tuesday 14 January 2025 at 7.30 pm", "",
            "Present: Councillors A Bell (Chair), C Dunn and E Frost", "",
            f"{numbers[0]} Allotments",
            "The Clerk reported that three plots on the east side had been vacated since the last",
            "meeting and that the waiting list now held five names. It was agreed to offer the plots",
            "in waiting list order.", "",
            f"{numbers[1]} Declarations of Disclosable Pecuniary Interests or Other",
            "Significant Interests in items on the agenda", "",
            "None were declared.", "",
            f"{numbers[2]} Bus Shelter Repairs",
            "Two quotations had been received for replacing the glazing in the bus shelter on the",
            "Green. Councillors resolved to accept the lower quotation of £420 from Clearview Ltd."]
    out, y = [], 80
    for text in rows:
        if text:
            out.append((56, y, text, "Helvetica", 11))
        y += 15 if text else 14
    return out


@pytest.mark.parametrize("numbers", [("41.", "42.", "43."), ("25.01.1", "25.01.2", "25.01.3")])
def test_a_numbered_heading_in_body_type_ends_where_prose_starts(tmp_path, numbers):
    """A short numbered line followed by prose is the minute's heading; a short line after it is the
    heading's own second line."""
    ex = extract_file(str(make_pdf(tmp_path / "m.pdf", [_minutes_page(numbers)])))
    (m,) = ex.meetings
    assert [i.title for i in m.minutes_items] == [
        "Allotments", "Declarations of Disclosable Pecuniary Interests or Other Significant Interests in items on the agenda",
        "Bus Shelter Repairs"]
    assert [(r.minute, r.text) for r in m.resolutions] == [
        (numbers[0].rstrip("."), "It was agreed to offer the plots in waiting list order."),
        (numbers[2].rstrip("."), "Councillors resolved to accept the lower quotation of £420 from Clearview Ltd.")]


def _ruled_page(path, rows, columns, texts):
    """A page with a grid of rules (``rows`` y's and ``columns`` x's, from the top) and lines of text."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    height = A4[1]
    for y in rows:
        c.line(columns[0], height - y, columns[-1], height - y)
    for x in columns:
        c.line(x, height - rows[0], x, height - rows[-1])
    for x, y, text in texts:
        c.setFont("Helvetica", 11)
        c.drawString(x, height - y, text)
    c.showPage()
    c.save()
    return str(path)


def test_rules_that_run_through_words_are_not_a_table(tmp_path):
    """A form's grid printed over a paragraph cuts its words: the paragraph stays prose, whole."""
    prose = ["The minutes of the meeting held on 8 May had been circulated before this meeting",
             "and all agreed they were a true record. Councillors agreed to monitor the verges."]
    path = _ruled_page(tmp_path / "grid.pdf", [90, 120, 150], [56, 160, 300, 540],
                       [(60, 110 + 15 * k, t) for k, t in enumerate(prose)])
    ex = extract_file(path)
    assert [t for d in ex.documents for t in d.tables] == []
    assert " ".join(prose) in " ".join(b.text for d in ex.documents for b in d.blocks)


def test_rules_between_columns_of_words_are_a_table(tmp_path):
    cells = [("Payee", "Purpose", "Amount"), ("Greenway Ltd", "Grass cutting", "£240.00"), ("Hall trust", "Room hire", "£35.00")]
    texts = [(x + 4, 105 + 20 * k, cell) for k, row in enumerate(cells) for x, cell in zip((56, 200, 360), row)]
    path = _ruled_page(tmp_path / "table.pdf", [90, 110, 130, 150], [56, 200, 360, 480], texts)
    (table,) = [t for d in extract_file(path).documents for t in d.tables]
    assert table.rows == [list(r) for r in cells]


@pytest.mark.parametrize("note", ["*Page 2 of a scanned original: text may contain errors*", "_Transcribed from the signed copy held by the Clerk_"])
def test_a_wholly_emphasised_line_is_a_note_of_its_own(note):
    """A note set in italics across a page break does not run on into the next paragraph."""
    text = ("The Chair then invited nominations for the office of Vice-Chair for the coming year from the members present\n\n"
            f"---\n{note}  \nProposed by Councillor Ryan;\nSeconded by Councillor Egan;\n")
    texts = [b.text for b in blocks_from_text(text)]
    assert texts[1] == note.strip("*_")
    assert texts[2].startswith("Proposed by Councillor Ryan;")


def _blocks_of(tmp_path, rows):
    """Text blocks of a one-page PDF whose lines are ``(x, text)``, 15 pt apart, no gaps."""
    from minutebook.extract.read import read_source

    items = [(x, 80 + 15 * k, text, "Helvetica", 11) for k, (x, text) in enumerate(rows)]
    src = read_source(str(make_pdf(tmp_path / "p.pdf", [items])))
    return [b.text for b in src.blocks if b.kind == "text"]


def test_a_paragraph_indent_after_a_short_line_starts_a_paragraph(tmp_path):
    """Paragraphs told apart only by their first line's indent, with no space between them."""
    rows = [(56, "Finance"),
            (90, "Audit of Accounts - The accounts were approved by the Parish Council and were"),
            (56, "signed by the Chairman"),
            (90, "Annual Governance Statement - The statement was completed and signed by the"),
            (56, "Chairman at the meeting"),
            (90, "Grass cutting invoice from Greenway Ltd - resolved to pay £240.00"),
            (90, "Hall hire for the annual parish meeting - resolved to pay £35.00"),
            (56, "The Clerk will renew the insurance policy before it falls due at the end of the"),
            (56, "month, as in previous years.")]
    assert _blocks_of(tmp_path, rows)[1:] == [
        "Audit of Accounts - The accounts were approved by the Parish Council and were signed by the Chairman",
        "Annual Governance Statement - The statement was completed and signed by the Chairman at the meeting",
        "Grass cutting invoice from Greenway Ltd - resolved to pay £240.00",
        "Hall hire for the annual parish meeting - resolved to pay £35.00 The Clerk will renew the insurance policy "
        "before it falls due at the end of the month, as in previous years."]


def test_a_list_item_wrapped_at_its_hanging_indent_stays_whole(tmp_path):
    rows = [(56, "RESOLVED that the Council:"),
            (72, "(1) Endorse the joint work between the County and District Councils to respond to the"),
            (95, "Devolution White Paper by the deadline set by the"),
            (95, "Government"),
            (72, "(2) Note the timetable for the reorganisation of local government in the county area.")]
    assert _blocks_of(tmp_path, rows)[1:] == [
        "(1) Endorse the joint work between the County and District Councils to respond to the Devolution White Paper "
        "by the deadline set by the Government",
        "(2) Note the timetable for the reorganisation of local government in the county area."]


@pytest.mark.parametrize("text", [
    # An OCR'd Irish council's minutes exported to markdown: a rule, then the page number, between pages.
    "Circulated, copy of Statutory Notice dated 16th September, 2031.\n\n---\n2\n\nProposed by Councillor Lane;\n\n"
    "Seconded by Councillor Moss;\n\nAnd Resolved:\n",
    # A converter that rules pages with asterisks and leaves a blank line before the number.
    "Circulated, copy of Statutory Notice dated 16th September, 2031.\n\n***\n\n14\n\nProposed by Councillor Lane;\n\n"
    "Seconded by Councillor Moss;\n\nAnd Resolved:\n",
])
def test_a_page_number_under_a_converters_page_rule_is_not_text(text):
    got = [b.text for b in blocks_from_text(text)]
    assert got == ["Circulated, copy of Statutory Notice dated 16th September, 2031.", "Proposed by Councillor Lane;",
                   "Seconded by Councillor Moss;", "And Resolved:"]


def test_a_numbered_line_after_a_rule_is_kept():
    got = [b.text for b in blocks_from_text("Minutes of the Board\n\n---\n\n2. Apologies\n\nNone were received.\n")]
    assert got == ["Minutes of the Board", "2. Apologies", "None were received."]
