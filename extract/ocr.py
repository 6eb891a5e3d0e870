"""Read pages that have no text layer (scans) with the tesseract binary.

The page is rendered at 300 dpi and tesseract's TSV output gives each word
with its box, so OCR'd words go through the same line, column and paragraph
rebuilding as words from a text layer. tesseract runs as a subprocess with a
time limit so a bad page cannot hang the reader.
"""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
import tempfile

RESOLUTION = 300
PAGE_TIMEOUT = 120  # seconds tesseract may spend on one page
INSTALL_HINT = "install tesseract: `apt-get install tesseract-ocr` (Debian/Ubuntu) or `brew install tesseract` (macOS)"


class OcrError(Exception):
    """OCR of one page failed; the message is the one-line reason."""


def tesseract() -> str | None:
    """Path of the tesseract binary, or None when it is not installed."""
    return shutil.which("tesseract")


def unavailable_reason() -> str | None:
    """Why --ocr cannot work here, or None when it can."""
    return None if tesseract() else f"--ocr needs the tesseract program, which is not installed: {INSTALL_HINT}"


def page_notes(source) -> list[str]:
    """One-line notes for stderr about pages left unread or badly read."""
    notes = [f"page {n} has no text layer: needs OCR (use --ocr)" for n in source.unread_pages]
    return notes + [w for w in source.warnings if "OCR failed" in w]


def ocr_words(page) -> list[dict]:
    """Words of a pdfplumber page read by tesseract, shaped like ``extract_words`` output."""
    exe = tesseract()
    if not exe:
        raise OcrError(INSTALL_HINT)
    with tempfile.TemporaryDirectory(prefix="minutebook-ocr-") as tmp:
        image = os.path.join(tmp, "page.png")
        try:
            page.to_image(resolution=RESOLUTION).original.convert("L").save(image)
        except Exception as exc:  # rendering damaged images fails in many ways
            raise OcrError(f"page could not be rendered ({type(exc).__name__})") from None
        env = dict(os.environ, OMP_THREAD_LIMIT="1")  # one core per worker process
        try:
            run = subprocess.run(
                [exe, image, "stdout", "--dpi", str(RESOLUTION), "tsv"],
                capture_output=True, timeout=PAGE_TIMEOUT, env=env, check=False,
            )
        except subprocess.TimeoutExpired:
            raise OcrError(f"tesseract timed out after {PAGE_TIMEOUT} s") from None
        if run.returncode != 0:
            detail = run.stderr.decode("utf-8", "replace").strip().splitlines()
            raise OcrError(f"tesseract failed ({detail[-1][:120] if detail else f'exit {run.returncode}'})")
    return words_from_tsv(run.stdout.decode("utf-8", "replace"), RESOLUTION, page.bbox[0], page.bbox[1])


def words_from_tsv(tsv: str, resolution: float, x_off: float = 0.0, y_off: float = 0.0) -> list[dict]:
    """tesseract TSV rows to word dicts in PDF points.

    Every word takes its line's top and bottom, so words of one printed line
    group into one line whatever their ascenders and descenders.
    """
    scale = 72.0 / resolution
    rows = list(csv.DictReader(tsv.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE))
    lines: dict[tuple, tuple[float, float]] = {}
    for r in rows:
        if r.get("level") == "4":
            top = int(r["top"]) * scale
            lines[(r["block_num"], r["par_num"], r["line_num"])] = (top, top + int(r["height"]) * scale)
    words = []
    for r in rows:
        text = (r.get("text") or "").strip()
        if r.get("level") != "5" or not text:
            continue
        x0 = int(r["left"]) * scale
        top, bottom = lines.get((r["block_num"], r["par_num"], r["line_num"]), (int(r["top"]) * scale, (int(r["top"]) + int(r["height"])) * scale))
        words.append({
            "text": text,
            "x0": x_off + x0,
            "x1": x_off + x0 + int(r["width"]) * scale,
            "top": y_off + top,
            "bottom": y_off + bottom,
            "size": max(bottom - top, 1.0),
            "fontname": "OCR",
        })
    return words
