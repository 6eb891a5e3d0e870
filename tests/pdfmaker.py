"""Build small PDFs for tests with reportlab, so every layout case is explicit."""

from __future__ import annotations

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

W, H = A4


def make_pdf(path, pages, footer=True, header=None, stamp=None):
    """``pages``: list of pages, each a list of ``(x, y_from_top, text, font, size)``.

    ``footer`` adds a centred "Page N"; ``header`` a running line on every
    page; ``stamp`` maps page index to an "Agenda Item N" stamp.
    """
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    for i, items in enumerate(pages):
        if header:
            c.setFont("Helvetica", 9)
            c.drawString(56, H - 30, header)
        if stamp and i in stamp:
            c.setFont("Helvetica-Bold", 12)
            c.drawRightString(W - 56, H - 30, f"Agenda Item {stamp[i]}")
        for x, y, text, font, size in items:
            c.setFont(font, size)
            c.drawString(x, H - y, text)
        if footer:
            c.setFont("Helvetica", 9)
            c.drawCentredString(W / 2, 25, f"Page {i + 1}")
        c.showPage()
    c.save()
    return path


def lines(texts, x=56, top=80, pitch=14, font="Helvetica", size=11):
    return [(x, top + k * pitch, t, font, size) for k, t in enumerate(texts)]


