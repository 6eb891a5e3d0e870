"""Scanned pages: read by tesseract when it is installed, turned upright when
fed sideways or upside down, and reported when OCR cannot run.

Every scan is made here: text printed with reportlab, rendered to a picture
and put back as a page holding only that picture, as a scanner makes it.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from pdfmaker import make_pdf
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from minutebook.cli import cli
from minutebook.extract.ocr import legibility, osd_rotation, wants_ocr, words_from_hocr
from minutebook.extract.read import read_source

needs_tesseract = pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract is not installed (apt-get install tesseract-ocr)")

# Invented minutes, in paragraphs far enough apart to be blocks of their own.
MINUTES = [
    "MINUTES",
    "Little Hadley Parish Council",
    "Present: Councillor Anna Brown (Chair), Councillor Colin Davis",
    "Apologies: Councillor Grace Hill",
    "M2025-014 Moved Councillor Brown, seconded Councillor Davis",
    "That the accounts for March be approved.",
    "Carried",
]
HEARING = [
    "Licensing Hearing",
    "The panel heard the application for the Old Mill.",
    "Resolved that the licence be granted.",
]
NOTICE = ["Notice of Meeting", "The committee will meet in the Town Hall at 7 pm."]


def printed(texts: list[str]) -> list[tuple]:
    """A page of ``texts``, 13 pt, one paragraph per line, the first in bold."""
    return [(60, 90 + 36 * k, t, "Helvetica-Bold" if k == 0 else "Helvetica", 13) for k, t in enumerate(texts)]


def scanned(path: Path, pages: list[list[str]], turns: list[int] | None = None) -> Path:
    """An image-only PDF of ``pages``, each picture turned ``turns[i]`` degrees anticlockwise on its sheet."""
    import pypdfium2 as pdfium

    source = make_pdf(path.with_suffix(".printed.pdf"), [printed(p) for p in pages], footer=False)
    doc = pdfium.PdfDocument(str(source))
    c = canvas.Canvas(str(path), invariant=1)
    for i, page in enumerate(doc):
        image = page.render(scale=200 / 72, grayscale=True).to_pil().rotate((turns or [0] * len(pages))[i], expand=True)
        png = path.with_suffix(f".{i}.png")
        image.save(png)
        size = A4 if image.width < image.height else A4[::-1]
        c.setPageSize(size)
        c.drawImage(str(png), 0, 0, *size)
        c.showPage()
    doc.close()
    c.save()
    return path


@pytest.fixture(autouse=True)
def ocr_cache(tmp_path, monkeypatch):
    """Each test keeps its OCR outputs to itself."""
    monkeypatch.setenv("MINUTEBOOK_OCR_CACHE", str(tmp_path / "ocr-cache"))
    return tmp_path / "ocr-cache"


def texts(source) -> list[str]:
    return [b.text for b in source.blocks if b.kind == "text"]


@needs_tesseract
def test_scanned_page_is_read_into_the_same_blocks_as_a_text_layer(tmp_path):
    source = read_source(str(scanned(tmp_path / "scan.pdf", [MINUTES])))
    assert texts(source) == MINUTES
    assert source.warnings == ["page 1 has no text layer: read by OCR"]
    assert source.unread_pages == []
    heading, *rest = [b for b in source.blocks if b.kind == "text"]
    assert all(b.size == rest[0].size for b in rest)  # one type size, whatever each line's letters


@needs_tesseract
def test_pages_fed_sideways_or_upside_down_are_turned_upright(tmp_path):
    path = scanned(tmp_path / "turned.pdf", [MINUTES, HEARING, NOTICE], turns=[90, 180, 270])
    source = read_source(str(path))
    assert texts(source) == MINUTES + HEARING + NOTICE
    assert source.warnings == [
        "page 1 has no text layer: read by OCR (turned 90°)",
        "page 2 has no text layer: read by OCR (turned 180°)",
        "page 3 has no text layer: read by OCR (turned 270°)",
    ]


@needs_tesseract
def test_a_scan_read_again_costs_no_ocr(tmp_path, monkeypatch, ocr_cache):
    import subprocess

    from minutebook.extract import ocr

    path = scanned(tmp_path / "scan.pdf", [HEARING])
    first = texts(read_source(str(path)))
    assert first == HEARING and len(list(ocr_cache.glob("*.gz"))) == 1
    calls, real = [], subprocess.run
    monkeypatch.setattr(ocr.subprocess, "run", lambda args, **kw: calls.append(args[1:]) or real(args, **kw))
    assert texts(read_source(str(path))) == first
    assert calls == [["--version"]]
    monkeypatch.setenv("MINUTEBOOK_OCR_CACHE", "")
    assert texts(read_source(str(path))) == first
    assert calls[1:] == [["-", "stdout", "--dpi", "200", "-c", "textord_noise_rejrows=0", "hocr"]]


@needs_tesseract
def test_scan_is_read_without_asking_and_not_with_no_ocr(tmp_path):
    path = scanned(tmp_path / "scan.pdf", [HEARING])
    auto = CliRunner().invoke(cli, ["extract", str(path), "--format", "json", "--quiet", "--no-entities"])
    assert auto.exit_code == 0 and auto.stderr == ""
    assert json.loads(auto.stdout)["warnings"] == ["page 1 has no text layer: read by OCR"]
    assert "Resolved that the licence be granted." in auto.stdout
    off = CliRunner().invoke(cli, ["extract", str(path), "--format", "json", "--no-ocr", "--no-entities"])
    assert off.exit_code == 0
    assert off.stderr.splitlines() == [f"minutebook: {path}: page 1 has no text layer: needs OCR (OCR is off)"]
    assert json.loads(off.stdout)["warnings"] == ["page 1 has no text layer (scanned image): needs OCR"]
    assert "licence" not in off.stdout


def test_without_tesseract_a_scan_is_reported_with_how_to_install_it(tmp_path, monkeypatch):
    path = make_image_page(tmp_path / "scan.pdf", [])
    monkeypatch.setenv("PATH", str(tmp_path))
    result = CliRunner().invoke(cli, ["extract", str(path), "--format", "json", "--no-entities"])
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [f"minutebook: {path}: page 1 has no text layer: needs OCR (install tesseract-ocr)"]
    assert json.loads(result.stdout)["warnings"] == ["page 1 has no text layer (scanned image): needs OCR"]


def make_image_page(path: Path, stamped: list[str], picture=(0, 0, *A4)) -> Path:
    """A page holding a blank picture at ``picture`` (x, y, width, height) and ``stamped`` words in a text layer."""
    from PIL import Image

    png = path.with_suffix(".png")
    Image.new("L", (120, 170), 255).save(png)
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    c.drawImage(str(png), *picture)
    c.setFont("Helvetica", 9)
    c.drawString(60, 30, " ".join(stamped))
    c.showPage()
    c.save()
    return path


@pytest.mark.parametrize(
    ("stamped", "picture", "wanted"),
    [
        ([], (0, 0, *A4), True),  # a bare scan
        (["Page", "3", "of", "12"], (0, 0, *A4), True),  # a scan numbered by the system that packed it
        (["Page", "3", "of", "12"], (50, 600, 120, 60), False),  # a short note under a logo
        ("The minutes of the last meeting were agreed as a true record and signed.".split(), (0, 0, *A4), False),
    ],
)
def test_which_pages_want_ocr(tmp_path, stamped, picture, wanted):
    import pdfplumber

    with pdfplumber.open(make_image_page(tmp_path / "p.pdf", stamped, picture)) as pdf:
        page = pdf.pages[0]
        assert wants_ocr(page, page.extract_words()) is wanted


HOCR = """<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml"><body>
<div class='ocr_page' id='page_1' title='bbox 0 0 800 1000'>
 <span class='ocr_header' id='line_1_1' title="bbox 100 20 400 80; baseline 0 -10; x_size 50; x_descenders 10; x_ascenders 12">
  <span class='ocrx_word' id='word_1_1' title='bbox 100 20 140 80; x_wconf 88'>Notice</span>
 </span>
 <span class='ocr_line' id='line_1_2' title="bbox 100 100 600 130; baseline 0 -6; x_size 30; x_descenders 6; x_ascenders 7">
  <span class='ocrx_word' id='word_1_2' title='bbox 100 104 112 122; x_wconf 40'>e</span>
  <span class='ocrx_word' id='word_1_3' title='bbox 130 100 300 130; x_wconf 96'>Planning</span>
  <span class='ocrx_word' id='word_1_4' title='bbox 310 100 420 124; x_wconf 95'>matters</span>
 </span>
 <span class='ocr_line' id='line_1_3' title="bbox 100 140 600 165; baseline 0 0; x_size 32; x_descenders 7; x_ascenders 7">
  <span class='ocrx_word' id='word_1_5' title='bbox 100 140 250 165; x_wconf 31'>aqwrnz</span>
 </span>
</div></body></html>"""


def test_hocr_words_share_their_line_box_and_type_size():
    words = words_from_hocr(HOCR, 72)
    assert [w["text"] for w in words] == ["Notice", "•", "Planning", "matters", "aqwrnz"]
    notice, bullet, planning, matters, last = words
    assert (bullet["top"], bullet["bottom"]) == (planning["top"], planning["bottom"]) == (100.0, 130.0)
    assert (last["top"], last["bottom"]) == (140.0, 172.0)  # no baseline offset: the box bottom is the baseline
    assert {w["size"] for w in words} == {50.0, 30.0}  # 30 and 32 are one size, the commoner one
    assert notice["tall"] and not planning["tall"] and not bullet["tall"]
    assert legibility(words) == pytest.approx(2 / 4)  # Notice stands on its side, aqwrnz is unsure
    assert legibility([]) == 1.0


@pytest.mark.parametrize(
    ("osd", "turn"),
    [
        ("Page number: 0\nOrientation in degrees: 270\nRotate: 90\nOrientation confidence: 9.68\n", 90),
        ("Page number: 0\nOrientation in degrees: 0\nRotate: 0\nOrientation confidence: 11.96\n", 0),
        ("Page number: 0\nOrientation in degrees: 180\nRotate: 180\n", 180),
        ("", 0),
    ],
)
def test_osd_rotation(osd, turn):
    assert osd_rotation(osd) == turn
