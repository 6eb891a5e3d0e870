"""Read a page's text layer with pdfium instead of pdfminer.

pdfium (C, via pypdfium2, which pdfplumber already depends on) reads a page's
characters about ten times faster than pdfminer lays it out. Each character
becomes the dict pdfplumber would make (same box: advance width across, font
descent to one em up; the right edge takes in a glyph overhanging its advance,
a tenth of a point or so, where pdfminer stops at the advance), and pdfplumber's own word extractor groups them, so the
words, and every line, paragraph and heading built from them, are the same.

A page that may hold a ruled table also gets its drawn paths as pdfplumber's
rect, line and curve objects: pdfplumber's table finder then works on
pdfium's reading of the page, and pdfminer never parses it. A turned or
cropped page, or one with turned characters or glyphs without a Unicode map
(pdfplumber names them ``(cid:N)``) goes to pdfplumber as before: ``read_layer`` returns None for it.
"""

from __future__ import annotations

import bisect
import ctypes
from dataclasses import dataclass

import pypdfium2.raw as R
from pdfminer.fontmetrics import FONT_METRICS
from pdfplumber.utils.text import WordExtractor

EDGE = 3.0  # points: pdfplumber's shortest table edge; thinner path boxes are rules
FORM_OBJECTS = 100_000  # objects looked at inside forms on one page
SEGMENTS = 5  # a rectangle or a line; a path of more pieces may be a whole grid
PAGE_SEGMENTS = 100_000  # path pieces read here on one page; past it pdfplumber reads the page under its caps (``caps``)
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


@dataclass
class Layer:
    """A page's words; for a page that may hold a ruled table, also the objects pdfplumber's
    table finder reads (``char``, ``rect``, ``line``, ``curve``), None for a plain page."""

    words: list[dict]
    objects: dict[str, list[dict]] | None = None


def read_layer(page) -> Layer | None:
    """The words of a pypdfium2 page as pdfplumber's ``extract_words(extra_attrs=["fontname", "size"])``
    gives them (with the page's objects when it may hold a table), or None when pdfplumber must read it."""
    if page.get_rotation() or page.get_cropbox() != page.get_mediabox() or page.get_mediabox()[:2] != (0, 0):
        return None
    objects = None
    if may_hold_table(page.raw):
        objects = page_paths(page.raw, page.get_height())
        if objects is None:
            return None
    chars = _chars(page)
    if chars is None:
        return None
    if objects is not None:
        objects["char"] = chars
    return Layer(WORDS.extract_words(chars), objects)


def may_hold_table(raw_page) -> bool:
    """Whether the page's drawn paths could make a ruled table of two cells side by side.

    pdfplumber's finder builds cells from horizontal and vertical edges; two
    cells in a row need three vertical edges and two horizontal ones. A path
    of many pieces (a grid drawn in one go, a logo) or inside a form XObject
    counts as possibly a table.
    """
    across: set[int] = set()
    down: set[int] = set()
    for obj, kind, form in _objects(raw_page):
        if kind != R.FPDF_PAGEOBJ_PATH:
            continue
        if form is not None or R.FPDFPath_CountSegments(obj) > SEGMENTS:
            return True
        left, bottom, right, top = _bounds(obj)
        if right - left >= EDGE:
            across.update((round(bottom), round(top)))
        if top - bottom >= EDGE:
            down.update((round(left), round(right)))
    return len(across) >= 2 and len(down) >= 3


def _objects(raw_page):
    """``(object, type, form)`` for the page's objects, form XObjects' contents included; ``form`` is
    the matrix taking an object inside forms to page space (the forms' matrices composed), None on the page."""
    stack = [(R.FPDFPage_GetObject(raw_page, k), None) for k in reversed(range(R.FPDFPage_CountObjects(raw_page)))]
    while stack:
        obj, form = stack.pop()
        kind = R.FPDFPageObj_GetType(obj)
        yield obj, kind, form
        if kind == R.FPDF_PAGEOBJ_FORM and len(stack) < FORM_OBJECTS:
            inner = _then(_matrix(obj), form)
            stack.extend((R.FPDFFormObj_GetObject(obj, k), inner) for k in reversed(range(R.FPDFFormObj_CountObjects(obj))))


def _matrix(obj) -> tuple[float, ...]:
    m = R.FS_MATRIX()
    R.FPDFPageObj_GetMatrix(obj, m)
    return m.a, m.b, m.c, m.d, m.e, m.f


def _then(m: tuple, outer: tuple | None) -> tuple:
    """The matrix applying ``m`` and then ``outer`` (``x' = a x + c y + e``, ``y' = b x + d y + f``)."""
    if outer is None:
        return m
    a, b, c, d, e, f = m
    A, B, C, D, E, F = outer
    return A * a + C * b, B * a + D * b, A * c + C * d, B * c + D * d, A * e + C * f + E, B * e + D * f + F


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


def page_paths(raw_page, height: float) -> dict[str, list[dict]] | None:
    """The page's painted paths as pdfplumber's ``rect``, ``line`` and ``curve`` objects, from which
    its table finder takes its edges, in page space (a path inside a form XObject through the form's matrix).

    pdfminer's reading is followed: each subpath (from a move) is a line if
    it has one segment, a rectangle if it is a closed loop of four
    axis-aligned sides, else a curve through its end points (a Bézier
    segment's control points left out); paths neither filled nor stroked
    (clipping paths) are not drawn. A page of more than ``PAGE_SEGMENTS``
    pieces (a vector map) gives None: pdfplumber reads it.
    """
    out: dict[str, list[dict]] = {"rect": [], "line": [], "curve": []}
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    x, y = ctypes.c_float(), ctypes.c_float()
    left = PAGE_SEGMENTS
    for obj, kind, form in _objects(raw_page):
        if kind != R.FPDF_PAGEOBJ_PATH:
            continue
        R.FPDFPath_GetDrawMode(obj, fill, stroke)
        if not fill.value and not stroke.value:
            continue
        a, b, c, d, e, f = _then(_matrix(obj), form)
        subpaths: list[tuple[str, list]] = []
        bezier = 0
        count = R.FPDFPath_CountSegments(obj)
        left -= count
        if left < 0:
            return None
        for k in range(count):
            seg = R.FPDFPath_GetPathSegment(obj, k)
            R.FPDFPathSegment_GetPoint(seg, x, y)
            step = R.FPDFPathSegment_GetType(seg)
            pt = (a * x.value + c * y.value + e, b * x.value + d * y.value + f)
            if step == R.FPDF_SEGMENT_MOVETO or not subpaths:
                subpaths.append(("m", [pt]))
            elif step == R.FPDF_SEGMENT_BEZIERTO:
                bezier = (bezier + 1) % 3  # pdfium gives a curve's two control points and its end as three segments
                if bezier == 0:
                    subpaths[-1] = (subpaths[-1][0] + "c", subpaths[-1][1] + [pt])
            else:
                subpaths[-1] = (subpaths[-1][0] + "l", subpaths[-1][1] + [pt])
            if R.FPDFPathSegment_GetClose(seg):
                shape, pts = subpaths[-1]
                subpaths[-1] = (shape + "h", pts + [pts[0]])
        for shape, pts in subpaths:
            what, drawn = _shape(shape, pts, height)
            if what:
                out[what].append(drawn)
    return out


def _shape(shape: str, pts: list, height: float) -> tuple[str | None, dict]:
    """pdfminer's ``paint_path`` for one subpath: its kind and pdfplumber's dict of it."""
    if len(shape) > 3 and shape[-2:] == "lh" and pts[-2] == pts[0]:
        shape, pts = shape[:-2] + "h", pts[:-2] + pts[-1:]
    if len(pts) < 2:
        return None, {}
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
    box = {"x0": x0, "x1": x1, "y0": y0, "y1": y1, "width": x1 - x0, "height": y1 - y0,
           "top": height - y1, "bottom": height - y0, "doctop": height - y1}
    if shape in ("ml", "mlh"):
        return "line", box
    if shape in ("mlllh", "mllll"):
        (a0, b0), (a1, b1), (a2, b2), (a3, b3), _ = pts
        square = (a0 == a1 and b1 == b2 and a2 == a3 and b3 == b0) or (b0 == b1 and a1 == a2 and b2 == b3 and a3 == a0)
        if pts[0] == pts[4] and square:
            return "rect", box
    return "curve", {**box, "pts": [(px, height - py) for px, py in pts]}
