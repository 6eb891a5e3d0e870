"""Read a page's text layer with pdfium instead of pdfminer.

pdfium (C, via pypdfium2, which pdfplumber already depends on) reads a page's
characters about ten times faster than pdfminer lays it out. Each character
becomes the dict pdfplumber would make (same box: advance width across, font
descent to one em up; the right edge takes in a glyph overhanging its advance,
a tenth of a point or so, where pdfminer stops at the advance), and pdfplumber's own word extractor groups them, so the
words, and every line, paragraph and heading built from them, are the same.

Only plain pages are read this way. A page that may hold a ruled table (its
rulings are pdfplumber's to find), a turned or cropped page, one with turned
characters or glyphs without a Unicode map (pdfplumber names them
``(cid:N)``), or one with next to no text (a scan) goes to pdfplumber as before:
``page_words`` returns None for it.
"""

from __future__ import annotations

import bisect
import ctypes

import pypdfium2.raw as R
from pdfminer.fontmetrics import FONT_METRICS
from pdfplumber.utils.text import WordExtractor

EDGE = 3.0  # points: pdfplumber's shortest table edge; thinner path boxes are rules
FORM_OBJECTS = 100_000  # objects looked at inside forms on one page
SEGMENTS = 5  # a rectangle or a line; a path of more pieces may be a whole grid
HYPHEN = "-"  # pdfium gives a hyphen that ends a line as U+0002


def _plain(fn, restype, *argtypes):
    """``fn`` called with plain ints for handles: pypdfium2's typed pointers cost microseconds per call
    to make and pass, which counts at a dozen calls for every character of every page."""
    return ctypes.CFUNCTYPE(restype, *argtypes)(ctypes.cast(fn, ctypes.c_void_p).value)


_V, _I = ctypes.c_void_p, ctypes.c_int
_UNICODE = _plain(R.FPDFText_GetUnicode, ctypes.c_uint, _V, _I)
_GENERATED = _plain(R.FPDFText_IsGenerated, _I, _V, _I)
_UNMAPPED = _plain(R.FPDFText_HasUnicodeMapError, _I, _V, _I)
_OWNER = _plain(R.FPDFText_GetTextObject, _V, _V, _I)
_LOOSE = _plain(R.FPDFText_GetLooseCharBox, ctypes.c_bool, _V, _I, ctypes.POINTER(R.FS_RECTF))
_ORIGIN = _plain(R.FPDFText_GetCharOrigin, ctypes.c_bool, _V, _I, ctypes.POINTER(ctypes.c_double), ctypes.POINTER(ctypes.c_double))
WORDS = WordExtractor(x_tolerance=3, y_tolerance=3, extra_attrs=["fontname", "size"])  # pdfplumber's defaults


def page_words(page) -> list[dict] | None:
    """The words of a pypdfium2 page as pdfplumber's ``extract_words(extra_attrs=["fontname", "size"])``
    gives them, or None when the page must be read by pdfplumber."""
    if page.get_rotation() or page.get_cropbox() != page.get_mediabox() or page.get_mediabox()[:2] != (0, 0):
        return None
    if may_hold_table(page.raw):
        return None
    chars = _chars(page)
    return None if chars is None else WORDS.extract_words(chars)


def may_hold_table(raw_page) -> bool:
    """Whether the page's drawn paths could make a ruled table of two cells side by side.

    pdfplumber's finder builds cells from horizontal and vertical edges; two
    cells in a row need three vertical edges and two horizontal ones. A path
    of many pieces (a grid drawn in one go, a logo) or inside a form XObject
    counts as possibly a table.
    """
    across: set[int] = set()
    down: set[int] = set()
    for obj, kind, nested in _objects(raw_page):
        if kind != R.FPDF_PAGEOBJ_PATH:
            continue
        if nested or R.FPDFPath_CountSegments(obj) > SEGMENTS:
            return True
        left, bottom, right, top = _bounds(obj)
        if right - left >= EDGE:
            across.update((round(bottom), round(top)))
        if top - bottom >= EDGE:
            down.update((round(left), round(right)))
    return len(across) >= 2 and len(down) >= 3


def _objects(raw_page):
    """``(object, type, inside a form)`` for the page's objects, form XObjects' contents included."""
    stack = [(R.FPDFPage_GetObject(raw_page, k), False) for k in reversed(range(R.FPDFPage_CountObjects(raw_page)))]
    while stack:
        obj, nested = stack.pop()
        kind = R.FPDFPageObj_GetType(obj)
        yield obj, kind, nested
        if kind == R.FPDF_PAGEOBJ_FORM and len(stack) < FORM_OBJECTS:
            stack.extend((R.FPDFFormObj_GetObject(obj, k), True) for k in reversed(range(R.FPDFFormObj_CountObjects(obj))))


def _unread_text(raw_page, text) -> tuple[dict[int, int], list[tuple[int, float, float]]]:
    """The page's text objects' places in content order (by address), and ``(place, x, baseline)``
    of those pdfium left out of its text: a space drawn on its own, which pdfplumber keeps
    and splits words at, or an empty string, which splits nothing where it stands."""
    places: dict[int, int] = {}
    unread = []
    for obj, kind, _ in _objects(raw_page):
        if kind == R.FPDF_PAGEOBJ_TEXT:
            places[ctypes.cast(obj, ctypes.c_void_p).value] = len(places)
            if R.FPDFTextObj_GetText(obj, text, None, 0) <= 2:
                left, bottom, _, _ = _bounds(obj)
                unread.append((len(places) - 1, left, bottom))
    return places, unread


def _near(xs: list[float], x: float) -> bool:
    """Whether sorted ``xs`` hold a value within a point of ``x``."""
    k = bisect.bisect_left(xs, x - 1)
    return k < len(xs) and xs[k] < x + 1


def _bounds(obj) -> tuple[float, float, float, float]:
    l, b, r, t = (ctypes.c_float() for _ in range(4))
    R.FPDFPageObj_GetBounds(obj, l, b, r, t)
    return l.value, b.value, r.value, t.value


def _chars(page) -> list[dict] | None:
    """pdfplumber-shaped chars of the page in content order; None if one is turned or has no Unicode.

    pdfminer's box of a glyph runs from the font's descent to one em above
    it, through the text matrix; its size is that box's height. Font, size
    and matrix are a text object's, so they are asked once per object.
    """
    height = page.get_height()
    text = R.FPDFText_LoadPage(page.raw)
    try:
        places, unread = _unread_text(page.raw, text)
        lefts = sorted(x for _, x, _ in unread)
        waiting = 0  # the next of ``unread`` to place
        baseline = None
        box, ox, oy = R.FS_RECTF(), ctypes.c_double(), ctypes.c_double()
        handle = ctypes.cast(text, ctypes.c_void_p).value
        objects: dict[int, tuple | None] = {}
        out = []
        count = R.FPDFText_CountChars(text)
        for i in range(count):
            code = _UNICODE(handle, i)
            if _GENERATED(handle, i):
                # Spaces and line ends pdfium infers from gaps: pdfplumber judges gaps itself. A space
                # where pdfium left out a text object stands for a real space it dropped.
                _LOOSE(handle, i, box)
                if code == 32 and out and _near(lefts, box.left):
                    out.append({**out[-1], "text": " ", "x0": box.left, "x1": box.left})
                continue
            if _UNMAPPED(handle, i):
                return None
            key = _OWNER(handle, i) or 0
            if key not in objects:
                objects[key] = _object(text, i, R.FPDFText_GetTextObject(text, i), places.get(key, 0))
            look = objects[key]
            if look is None:
                return None  # a turned glyph
            place, name, a, b, d, em, descent = look
            while waiting < len(unread) and unread[waiting][0] < place:
                _, x, y = unread[waiting]
                waiting += 1
                if out and baseline is not None and abs(y - baseline) < 1:
                    out.append({**out[-1], "text": " ", "x0": x, "x1": x})
            _LOOSE(handle, i, box)
            _ORIGIN(handle, i, ox, oy)
            size = d * em + b * (box.right - box.left) / a
            baseline = oy.value
            bottom = height - (baseline + descent)
            out.append({
                "text": HYPHEN if code == 2 else chr(code),
                "x0": ox.value,  # the advance box's left; the loose box takes in a glyph overhanging it
                "x1": box.right,
                "top": bottom - size,
                "doctop": bottom - size,
                "bottom": bottom,
                "upright": True,
                "fontname": name,
                "size": size,
            })
        return out
    finally:
        R.FPDFText_ClosePage(text)


def _object(text, i: int, obj, place: int) -> tuple | None:
    """What the chars of a text object share: its place in content order, font name, matrix
    terms, em and descent in page space; None when its glyphs are turned (pdfminer's test)."""
    m = R.FS_MATRIX()
    R.FPDFText_GetMatrix(text, i, m)
    if not (m.a * m.d > 0 and m.b * m.c <= 0):
        return None
    em = ctypes.c_float()
    R.FPDFTextObj_GetFontSize(obj, em)
    font = R.FPDFTextObj_GetFont(obj)
    name = _font_name(font)
    return place, name, m.a, m.b, m.d, em.value, m.d * _descent(font, name, em.value)


def _descent(font, name: str, em: float) -> float:
    """The font's descent at ``em`` in text space: the standard 14 fonts' from their
    metrics, as pdfminer takes them, others' from the font."""
    metrics = FONT_METRICS.get(name)
    if metrics:
        return metrics[0].get("Descent", 0) * em / 1000
    d = ctypes.c_float()
    return d.value if R.FPDFFont_GetDescent(font, ctypes.c_float(em), d) else 0.0


def _font_name(font) -> str:
    n = R.FPDFFont_GetBaseFontName(font, None, 0)
    if n <= 1:
        return ""
    buf = ctypes.create_string_buffer(n)
    R.FPDFFont_GetBaseFontName(font, buf, n)
    return buf.value.decode("utf-8", "replace")
