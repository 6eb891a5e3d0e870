"""pdfium's reading of a page gives pdfplumber's words, and of a ruled page the objects pdfplumber's table finder
reads, so tables found on it are the ones pdfplumber finds parsing the page itself."""

import pdfplumber
import pypdfium2
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from minutebook.extract.layer import read_layer
from minutebook.extract.pdf import read_page
from minutebook.model import Table


def _pdf(path):
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("Helvetica-Bold", 14)
    c.drawString(56, 780, "Minutes of the Parish Council")
    c.setFont("Times-Roman", 11)
    for k in range(1, 12):
        c.drawString(56, 760 - 15 * k, f"{k}. The council noted item {k} and agreed to defer it, cross-ref 24/{k}.")
    c.showPage()
    c.setFont("Helvetica", 11)
    for r in range(4):
        for col in range(3):
            c.drawString(62 + col * 130, 702 - r * 18, f"cell {r}{col}")
        c.line(56, 714 - r * 18, 446, 714 - r * 18)
    for col in range(4):
        c.line(56 + col * 130, 714, 56 + col * 130, 642)
    c.save()


def test_plain_page_words_match_pdfplumber(tmp_path):
    path = tmp_path / "p.pdf"
    _pdf(path)
    doc = pypdfium2.PdfDocument(str(path))
    layer = read_layer(doc[0])
    doc.close()
    with pdfplumber.open(path) as pdf:
        theirs = pdf.pages[0].extract_words(extra_attrs=["fontname", "size"])
    assert layer.objects is None  # no rulings: no table finding
    ours = layer.words
    assert [w["text"] for w in ours] == [w["text"] for w in theirs]
    assert ours[0]["text"] == "Minutes" and ours[0]["fontname"] == "Helvetica-Bold"
    for a, b in zip(ours, theirs):
        for key in ("x0", "top", "bottom", "size"):
            assert abs(a[key] - b[key]) < 0.05, (a, b, key)
        # pdfium's right edge takes in a glyph overhanging its advance (an italic or Times "f").
        assert -0.05 < a["x1"] - b["x1"] < 0.1 * b["size"], (a, b)


def _tables(pr):
    return [(it.rows, it.header_rows) for it in pr.items if isinstance(it, Table)]


def test_ruled_page_gives_pdfplumber_the_tables_it_finds_itself(tmp_path):
    """A grid drawn as separate lines (a Word table), one drawn as boxes (a spreadsheet export), and one
    inside a form XObject placed by a matrix (a page wrapped whole by a print driver)."""
    path = tmp_path / "p.pdf"
    _pdf(path)
    c = canvas.Canvas(str(path.with_name("boxes.pdf")), pagesize=A4)
    c.setFont("Helvetica", 10)
    for r, row in enumerate([("Date", "Item", "Lead"), ("14 March", "Budget monitoring", "Treasurer"), ("9 May", "Play area", "Clerk")]):
        for col, text in enumerate(row):
            c.rect(60 + col * 150, 700 - r * 20, 150, 20, stroke=1, fill=0)
            c.drawString(64 + col * 150, 706 - r * 20, text)
    c.save()
    c = canvas.Canvas(str(path.with_name("form.pdf")), pagesize=A4)  # the same grid drawn inside a form XObject, moved
    c.beginForm("grid")
    c.setFont("Helvetica", 10)
    for r, row in enumerate([("Date", "Item", "Lead"), ("14 March", "Budget monitoring", "Treasurer"), ("9 May", "Play area", "Clerk")]):
        for col, text in enumerate(row):
            c.rect(col * 150, 100 - r * 20, 150, 20, stroke=1, fill=0)
            c.drawString(4 + col * 150, 106 - r * 20, text)
    c.endForm()
    c.translate(60, 600)
    c.doForm("grid")
    c.save()
    for file, index in ((path, 1), (path.with_name("boxes.pdf"), 0), (path.with_name("form.pdf"), 0)):
        doc = pypdfium2.PdfDocument(str(file))
        layer = read_layer(doc[index])
        doc.close()
        assert layer is not None and len(layer.objects["line"]) + len(layer.objects["rect"]) >= 7
        with pdfplumber.open(file) as pdf:
            theirs = _tables(read_page(pdf.pages[index], index + 1))
        with pdfplumber.open(file) as pdf:
            ours = _tables(read_page(pdf.pages[index], index + 1, layer=layer))
        assert ours == theirs and len(ours) == 1
    assert ours[0][0] == [["Date", "Item", "Lead"], ["14 March", "Budget monitoring", "Treasurer"], ["9 May", "Play area", "Clerk"]]


def test_page_of_more_path_pieces_than_the_cap_is_left_to_pdfplumber(tmp_path, monkeypatch):
    from minutebook.extract import layer as L

    path = tmp_path / "p.pdf"
    _pdf(path)
    doc = pypdfium2.PdfDocument(str(path))
    assert read_layer(doc[1]).objects is not None
    monkeypatch.setattr(L, "PAGE_SEGMENTS", 10)  # the ruled page draws 9 lines of two points each
    assert read_layer(doc[1]) is None
    doc.close()


def _words(text):
    return [{"text": t} for t in text.split()]


def test_garbled_text_layer_is_told_from_words_and_from_symbols():
    """Glyph codes read as letters, and a layer of maths and symbol glyphs, are garbage; prose is not,
    in ASCII or with accented letters; a line of markup is symbols as much as unmapped glyphs are."""
    from minutebook.extract.pdf import garbled

    prose = "The council noted the report of the clerk and agreed that the grant to the village hall be renewed for a further year. "
    assert not garbled(_words(prose * 3))
    assert not garbled(_words("Le conseil a approuvé le procès-verbal de la séance précédente et décidé de reporter le point. " * 3))
    codes = prose.translate(str.maketrans("aeiouy", "qxzkjv"))  # glyph numbers read as letters: next to no vowels
    assert garbled(_words(codes * 3))
    assert garbled(_words("<a> x=1 y|z ~q + word word word " * 6))
    assert garbled(_words("∑ ∫ word ≈ word ♦ word " * 8))
