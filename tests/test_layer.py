"""pdfium's reading of a plain page gives pdfplumber's words; a page with table rulings is left to pdfplumber."""

import pdfplumber
import pypdfium2
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from minutebook.extract.layer import page_words


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


def test_plain_page_words_match_pdfplumber_and_ruled_page_is_left_alone(tmp_path):
    path = tmp_path / "p.pdf"
    _pdf(path)
    doc = pypdfium2.PdfDocument(str(path))
    ours, ruled = page_words(doc[0]), page_words(doc[1])
    doc.close()
    with pdfplumber.open(path) as pdf:
        theirs = pdf.pages[0].extract_words(extra_attrs=["fontname", "size"])
    assert ruled is None
    assert [w["text"] for w in ours] == [w["text"] for w in theirs]
    assert ours[0]["text"] == "Minutes" and ours[0]["fontname"] == "Helvetica-Bold"
    for a, b in zip(ours, theirs):
        for key in ("x0", "top", "bottom", "size"):
            assert abs(a[key] - b[key]) < 0.05, (a, b, key)
        # pdfium's right edge takes in a glyph overhanging its advance (an italic or Times "f").
        assert -0.05 < a["x1"] - b["x1"] < 0.1 * b["size"], (a, b)
