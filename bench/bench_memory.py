"""Peak memory of extracting a 30-page and a 300-page PDF, and the largest corpus PDF, beside bare pdfplumber.

Run: python bench/bench_memory.py   (the corpus PDF: the largest text-layer PDF of ../shared/corpus, when present)

Each measurement runs in a fresh subprocess and reads that child's peak RSS
(``os.wait4`` rusage of that child), so imports and earlier runs do not count.
If memory were bounded per page the 300-page figure would stay near the
30-page one; the ratio shows how much it grows with the file instead.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

EXTRACT = "from minutebook.extract import extract_file; extract_file(sys.argv[1])"
BARE = (
    "import pdfplumber\n"
    "with pdfplumber.open(sys.argv[1]) as pdf:\n"
    "    for page in pdf.pages:\n"
    "        page.extract_text(); page.close()"
)
IDLE = "import pdfplumber, minutebook.extract.documents, minutebook.extract.meetings"


def make_pdf(path: Path, pages: int) -> Path:
    """Numbered report paragraphs and a ruled table on every page."""
    w, h = A4
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    for p in range(1, pages + 1):
        c.setFont("Helvetica-Bold", 13)
        c.drawString(56, h - 70, f"{p} Housing Services Performance, quarter {p % 4 + 1}")
        c.setFont("Helvetica", 11)
        y = h - 100
        for k in range(1, 19):
            c.drawString(56, y, f"{p}.{k} The Board noted progress on temporary accommodation and repairs in ward {k}, page {p}.")
            y -= 15
        rows = [("Measure", "Target", "Actual")] + [(f"Indicator {r}", f"{r * 10}", f"{r * 9 + p % 7}") for r in range(1, 9)]
        top = y - 20
        for r, row in enumerate(rows):
            yy = top - r * 18
            c.line(56, yy + 14, 456, yy + 14)
            for col, cell in enumerate(row):
                c.drawString(62 + col * 130, yy + 2, cell)
        c.line(56, top - len(rows) * 18 + 14, 456, top - len(rows) * 18 + 14)
        for col in range(4):
            c.line(56 + col * 133.3, top + 14, 56 + col * 133.3, top - len(rows) * 18 + 14)
        c.setFont("Helvetica", 9)
        c.drawCentredString(w / 2, 25, f"Page {p}")
        c.showPage()
    c.save()
    return path


def largest_corpus_pdf() -> Path | None:
    """The biggest PDF of the shared corpus most of whose pages carry a text layer (a scan would measure tesseract)."""
    import pypdfium2

    for path in sorted((*SHARED.glob("pdf/*.pdf"), *SHARED.glob("real/*.pdf")), key=lambda p: -p.stat().st_size):
        doc = pypdfium2.PdfDocument(str(path))
        chars = [doc[i].get_textpage().count_chars() for i in range(len(doc))]
        doc.close()
        if sum(n >= 200 for n in chars) > len(chars) / 2:
            return path
    return None


def peak_rss_mb(code: str, path: Path) -> float:
    """Peak RSS of a fresh interpreter running ``code`` on ``path`` (that child's own rusage)."""
    proc = subprocess.Popen([sys.executable, "-c", f"import sys\n{code}", str(path)])
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        raise SystemExit(f"measurement failed with status {proc.returncode}")
    return usage.ru_maxrss / 1024  # KiB on Linux


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        small = make_pdf(Path(tmp) / "p30.pdf", 30)
        large = make_pdf(Path(tmp) / "p300.pdf", 300)
        idle = peak_rss_mb(IDLE, small)
        print(f"imports alone (pdfplumber, minutebook.extract): {idle:.0f} MB")
        results = {
            (label, path.name): peak_rss_mb(code, path)
            for label, code in (("bare pdfplumber", BARE), ("minutebook extract", EXTRACT))
            for path in (small, large)
        }
        for label in ("bare pdfplumber", "minutebook extract"):
            a, b = results[(label, "p30.pdf")], results[(label, "p300.pdf")]
            print(f"{label:20s} 30 pages {a:6.0f} MB   300 pages {b:6.0f} MB   ratio {b / a:.2f}")
        corpus = largest_corpus_pdf()
        if corpus:
            bare, ours = peak_rss_mb(BARE, corpus), peak_rss_mb(EXTRACT, corpus)
            print(f"largest corpus PDF {corpus.name}: bare pdfplumber {bare:.0f} MB, minutebook extract {ours:.0f} MB,"
                  f" ratio {ours / bare:.2f}")


if __name__ == "__main__":
    main()
