"""Read pages that have no usable text layer (scans, broken fonts) with the tesseract program.

OCR is on whenever tesseract is installed. A page is rendered in grey at
``RESOLUTION`` dpi, one page at a time, and piped to tesseract, whose hOCR
output gives each word with its box, so OCR'd words go through the same line,
column and paragraph rebuilding as words from a text layer.

Scanners feed pages sideways or upside down. Tesseract's orientation check
(OSD) costs as much as reading the page, so it runs only when the words read
look like garbage or stand on their side; the turn that worked is tried
first on the next page, because a pack is usually fed through one way.
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import io
import multiprocessing
import os
import re
import shutil
import subprocess
import threading
from collections import Counter
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

RESOLUTION = 200  # dpi: council print (10 pt and up) reads as well as at 300, in two thirds of the time
PAGE_TIMEOUT = 120  # seconds tesseract may spend on one pass over a page
CONFIDENT = 60  # tesseract word confidence (0-100) above which a word counts as read
LEGIBLE = 0.5  # share of confidently read words below which a page looks like garbage
FEW_WORDS = 10  # a text layer this small on a page-sized picture is a stamp, not the page's text
COVERED = 0.5  # share of the page a picture must cover to be a scan
SAME_SIZE = 1.12  # line sizes tesseract estimates within this ratio are one type size
INSTALL_HINT = "install tesseract: `apt-get install tesseract-ocr` (Debian/Ubuntu) or `brew install tesseract` (macOS)"
ROTATE = re.compile(r"^Rotate:\s*(\d+)", re.M)
LINE_CLASSES = {"ocr_line", "ocr_header", "ocr_caption", "ocr_textfloat"}
# What tesseract makes of a round list bullet leading a line; none is a word on its own.
BULLET_MISREADS = {"e", "©", "«", "»", "°", "¢", "®", "o"}


class OcrError(Exception):
    """OCR of one page failed; the message is the one-line reason."""


def tesseract() -> str | None:
    """Path of the tesseract binary, or None when it is not installed."""
    return shutil.which("tesseract")


def unavailable_reason() -> str | None:
    """Why an explicit --ocr cannot work here, or None when it can."""
    return None if tesseract() else f"--ocr needs the tesseract program, which is not installed: {INSTALL_HINT}"


def page_notes(source) -> list[str]:
    """One-line notes for stderr about pages left unread or badly read."""
    why = "OCR is off" if tesseract() else "install tesseract-ocr"
    notes = [f"page {n} has no text layer: needs OCR ({why})" for n in source.unread_pages]
    return notes + [w for w in source.warnings if "OCR failed" in w]


def wants_ocr(page, words: list[dict]) -> bool:
    """Whether a pdfplumber page's text layer is missing or too thin for a page that is a picture.

    A scan often carries a few words stamped on it digitally (a page number,
    a pack reference); those are not the page's text.
    """
    if not page.images or len(words) >= FEW_WORDS:
        return False
    if not words:
        return True
    x0, top, x1, bottom = page.bbox
    covered = sum(
        max(0.0, min(x1, im["x1"]) - max(x0, im["x0"])) * max(0.0, min(bottom, im["bottom"]) - max(top, im["top"]))
        for im in page.images
    )
    return covered >= COVERED * (x1 - x0) * (bottom - top)


@dataclass
class Scan:
    """Words read off one page, in PDF points of the upright page image (``width`` x ``height``)."""

    words: list[dict]
    width: float
    height: float
    turned: int = 0  # degrees clockwise the page image was turned to read it


class Scanner:
    """Reads the scanned pages of one open PDF, remembering the turn that last worked.

    With several cores the next pages are rendered and read ahead, one
    tesseract per core; memory stays bounded by one page image per core.
    """

    def __init__(self, exe: str, pdf, workers: int):
        self.exe = exe
        self.pdf = pdf
        self.doc = None  # pypdfium2 document, opened at the first scanned page
        self.turn = 0
        self.env = dict(os.environ, OMP_THREAD_LIMIT="1")  # one core per tesseract
        self.workers = workers
        self.pool = ThreadPoolExecutor(workers, thread_name_prefix="ocr")
        self.ahead: dict[int, Future] = {}

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)
        if self.doc is not None:
            self.doc.close()

    def read(self, page) -> Scan:
        """OCR one pdfplumber page of the PDF; raises ``OcrError`` with a one-line reason."""
        index = page.page_number - 1
        job = self.ahead.pop(index, None) or self._start(index)
        for later in range(index + 1, min(index + self.workers, len(self.pdf.pages))):
            if later not in self.ahead and self._looks_scanned(later):
                self.ahead[later] = self._start(later)
        scan = job.result()
        self.turn = scan.turned
        return scan

    def _start(self, index: int) -> Future:
        """Render a page here (pdfium is not thread-safe) and read it on the pool."""
        try:
            image = self._render(index)
        except OcrError as exc:
            failed: Future = Future()
            failed.set_exception(exc)
            return failed
        return self.pool.submit(self._read, image, self.turn)

    def _document(self):
        import pypdfium2

        if self.doc is None:
            if not self.pdf.path:
                self.pdf.stream.seek(0)
            try:
                self.doc = pypdfium2.PdfDocument(self.pdf.path or self.pdf.stream, password=self.pdf.password)
            except pypdfium2.PdfiumError as exc:
                raise OcrError(f"page could not be rendered ({exc})") from None
        return self.doc

    def _render(self, index: int):
        """The page as a greyscale PIL image at ``RESOLUTION`` dpi, as a viewer shows it (its /Rotate applied)."""
        page = self._document()[index]
        try:
            return page.render(scale=RESOLUTION / 72, grayscale=True).to_pil()
        except Exception as exc:  # rendering damaged images fails in many ways
            raise OcrError(f"page could not be rendered ({type(exc).__name__})") from None
        finally:
            page.close()

    def _looks_scanned(self, index: int) -> bool:
        """A guess, only for reading ahead, that a page has pictures and next to no text layer."""
        import pypdfium2

        try:
            page = self._document()[index]
        except (OcrError, pypdfium2.PdfiumError):
            return False
        try:
            text = page.get_textpage()
            chars = text.count_chars()
            text.close()
            return chars < 6 * FEW_WORDS and next(page.get_objects([pypdfium2.raw.FPDF_PAGEOBJ_IMAGE]), None) is not None
        finally:
            page.close()

    def _read(self, image, turn: int) -> Scan:
        """Read the image turned ``turn`` degrees; if that reads as garbage, turn it as OSD says and keep the more legible reading."""
        scan = self._read_turned(image, turn)
        if legibility(scan.words) < LEGIBLE:
            try:
                osd = self._run(_turn(image, turn), "--psm", "0", "-l", "osd")
            except OcrError:  # too few letters to tell
                osd = ""
            more = (turn + osd_rotation(osd)) % 360
            if more != turn:
                other = self._read_turned(image, more)
                if legibility(other.words) > legibility(scan.words):
                    scan = other
        return scan

    def _read_turned(self, image, turn: int) -> Scan:
        turned = _turn(image, turn)
        # Rows of symbols ("*** AGENDA ***") are otherwise dropped as specks.
        hocr = self._run(turned, "--dpi", str(RESOLUTION), "-c", "textord_noise_rejrows=0", "hocr")
        scale = 72.0 / RESOLUTION
        return Scan(words_from_hocr(hocr, RESOLUTION), turned.width * scale, turned.height * scale, turn)

    def _run(self, image, *args: str) -> str:
        """tesseract on a greyscale image fed through stdin (PGM: no compression to pay for).

        Outputs are kept in ``cache_dir()`` under a hash of the image and the
        arguments, so extracting a scanned file again costs no OCR.
        """
        data = io.BytesIO()
        image.save(data, "PPM")
        pixels = data.getvalue()
        cache = cache_dir()
        kept = cache / (hashlib.sha256(pixels + "\0".join([self.version, *args]).encode()).hexdigest() + ".gz") if cache else None
        if kept and kept.exists():
            try:
                return gzip.decompress(kept.read_bytes()).decode("utf-8")
            except (OSError, EOFError, UnicodeDecodeError):
                pass  # a damaged entry is read again
        try:
            run = subprocess.run(
                [self.exe, "-", "stdout", *args],
                input=pixels, capture_output=True, timeout=PAGE_TIMEOUT, env=self.env, check=False,
            )
        except subprocess.TimeoutExpired:
            raise OcrError(f"tesseract timed out after {PAGE_TIMEOUT} s") from None
        if run.returncode != 0:
            detail = run.stderr.decode("utf-8", "replace").strip().splitlines()
            raise OcrError(f"tesseract failed ({detail[-1][:120] if detail else f'exit {run.returncode}'})")
        if kept:
            try:
                kept.parent.mkdir(parents=True, exist_ok=True)
                part = kept.with_suffix(f".{os.getpid()}.{threading.get_ident()}.part")
                part.write_bytes(gzip.compress(run.stdout))
                os.replace(part, kept)  # readers never see half an entry
            except OSError:
                pass  # a read-only or full disk only loses the cache
        return run.stdout.decode("utf-8", "replace")

    @functools.cached_property
    def version(self) -> str:
        """The tesseract version line, part of every cache key."""
        try:
            run = subprocess.run([self.exe, "--version"], capture_output=True, timeout=30, check=False)
        except subprocess.TimeoutExpired:
            return ""
        return run.stdout.decode("utf-8", "replace").split("\n", 1)[0]


def cache_dir() -> Path | None:
    """Where OCR outputs are kept: ``$MINUTEBOOK_OCR_CACHE`` (empty: nowhere), else the user's cache folder."""
    chosen = os.environ.get("MINUTEBOOK_OCR_CACHE")
    if chosen is not None:
        return Path(chosen) if chosen else None
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "minutebook" / "ocr"


@contextmanager
def scanner(pdf, enabled: bool = True):
    """A ``Scanner`` for an open pdfplumber PDF while the block runs; None when OCR is off or tesseract is not installed."""
    exe = tesseract() if enabled else None
    if not exe:
        yield None
        return
    reader = Scanner(exe, pdf, _cores())
    try:
        yield reader
    finally:
        reader.close()


def _cores() -> int:
    """Cores to read pages on: one inside a worker process of a parallel batch, whose siblings use the rest."""
    if multiprocessing.parent_process() is not None:
        return 1
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _turn(image, degrees: int):
    """The image turned ``degrees`` clockwise."""
    from PIL import Image

    transpose = {90: Image.Transpose.ROTATE_270, 180: Image.Transpose.ROTATE_180, 270: Image.Transpose.ROTATE_90}
    return image.transpose(transpose[degrees]) if degrees else image


def osd_rotation(osd: str) -> int:
    """Degrees clockwise tesseract's OSD output says the image must turn; 0 when it could not tell."""
    m = ROTATE.search(osd)
    return int(m.group(1)) % 360 if m and int(m.group(1)) in (0, 90, 180, 270) else 0


def legibility(words: list[dict]) -> float:
    """Share of words with a letter or digit that tesseract read confidently and upright; 1.0 when there are none.

    tesseract reads the lines of a page lying on its side too, often
    confidently, but as columns of words: a page whose words stand taller
    than wide is as unread as one of garbage.
    """
    real = [w for w in words if any(ch.isalnum() for ch in w["text"])]
    return sum(w["conf"] >= CONFIDENT and not w["tall"] for w in real) / len(real) if real else 1.0


def words_from_hocr(hocr: str, resolution: float) -> list[dict]:
    """tesseract hOCR to word dicts in PDF points, shaped like pdfplumber's ``extract_words``.

    Each word takes its line's font size (``x_size``) and a box from the
    line's baseline, as a text layer gives: the words of one printed line
    share a bottom and a size whatever their ascenders and descenders, so
    lines and paragraphs rebuild as they do from a text layer. Each word
    also carries tesseract's confidence (``conf``) and whether its own box
    stands taller than wide (``tall``: text read up or down the page).
    """
    scale = 72.0 / resolution
    words = []
    for line in ElementTree.fromstring(hocr.encode("utf-8")).iter():
        if line.get("class") not in LINE_CLASSES:
            continue
        props = _title(line.get("title", ""))
        _, top, _, bottom = (float(v) for v in props["bbox"][:4])
        size = float(props.get("x_size", [bottom - top])[0])
        descent = float(props.get("x_descenders", [0.2 * size])[0])
        slope, offset = (float(v) for v in props.get("baseline", ["0", "0"])[:2])
        low = (bottom + offset + descent) if abs(slope) < 0.1 else bottom
        texts = [(word, "".join(word.itertext()).strip()) for word in line if word.get("class") == "ocrx_word"]
        texts = [(word, text) for word, text in texts if text]
        for k, (word, text) in enumerate(texts):
            if k == 0 and len(texts) > 1 and text in BULLET_MISREADS:
                text = "•"
            w = _title(word.get("title", ""))
            wx0, wtop, wx1, wbottom = (float(v) for v in w["bbox"][:4])
            words.append({
                "text": text,
                "x0": wx0 * scale,
                "x1": wx1 * scale,
                "top": (low - size) * scale,
                "bottom": low * scale,
                "size": max(size * scale, 1.0),
                "fontname": "OCR",
                "conf": float(w.get("x_wconf", ["0"])[0]),
                "tall": len(text) >= 4 and wbottom - wtop > wx1 - wx0,
            })
    _snap_sizes(words)
    return words


def _snap_sizes(words: list[dict]) -> None:
    """Give lines of one type size the same size.

    tesseract estimates each line's size on its own, a few per cent apart for
    lines of one font, and the paragraph rebuilding splits where sizes
    differ. The commonest sizes are the page's type sizes; every other size
    within ``SAME_SIZE`` of one of them takes it.
    """
    counts = Counter(w["size"] for w in words)
    types: list[float] = []
    snapped = {}
    for size, _ in counts.most_common():
        near = [t for t in types if max(t, size) <= SAME_SIZE * min(t, size)]
        if not near:
            types.append(size)
        snapped[size] = near[0] if near else size
    for w in words:
        w["size"] = round(snapped[w["size"]], 1)


def _title(title: str) -> dict[str, list[str]]:
    """An hOCR ``title`` ("bbox 1 2 3 4; x_wconf 95") as property -> values."""
    props = {}
    for part in title.split(";"):
        name, *values = part.split()
        if values:
            props[name] = values
    return props
