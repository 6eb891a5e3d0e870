"""Caps on PDF resources of absurd size, each leaving a warning on its page.

pdfminer trusts a file's own numbers: a ToUnicode map may declare four
billion codes, a 1 MB stream may inflate to gigabytes, a content stream may
hold millions of operators. Real papers stay far below these caps; past one,
the page keeps what was read so far and says so, instead of the worker
running into its memory or time limit and losing the whole file.
``install()`` patches pdfminer once per process; ``take_notes()`` hands the
warnings raised since the last call to the page being read.
"""

from __future__ import annotations

import logging
import warnings
import zlib

CMAP_RANGE = 1 << 16  # codes one ToUnicode range may map: a full two-byte font
CMAP_CODES = 1 << 20  # codes one character map may map in all
INFLATED_MB = 100  # one decoded stream
RULING_CELLS = 5000  # crossings of a page's ruling lines given to the table finder (a 70×70 grid)
OPERATORS = 1_000_000  # operators and operands per content stream (a dense page of text: ~50,000)

REF_CHAIN = 32  # references to references a name may go through

_notes: list[str] = []


class ResourceCap(Exception):
    """A stream past a cap: the object it belongs to is left out."""


MARK = "capped: "  # starts every cap's warning, so ``cap_warnings`` finds them


def stopped_by_cap(exc: Exception) -> bool:
    """Whether ``exc`` is a cap's, raised directly or wrapped by pdfplumber."""
    return isinstance(exc, ResourceCap) or bool(exc.args) and isinstance(exc.args[0], ResourceCap)


def note(message: str) -> None:
    if MARK + message not in _notes:
        _notes.append(MARK + message)


def cap_warnings(source) -> list[str]:
    """The warnings of ``source`` saying a cap left something out, for stderr."""
    return [w for w in source.warnings if MARK in w]


def take_notes() -> list[str]:
    out = _notes[:]
    _notes.clear()
    return out


class _CappedZlib:
    """What pdfminer's stream decoder uses of ``zlib``, inflating at most ``INFLATED_MB``."""

    error = zlib.error
    decompressobj = staticmethod(zlib.decompressobj)

    @staticmethod
    def decompress(data: bytes) -> bytes:
        d = zlib.decompressobj()
        out = d.decompress(data, INFLATED_MB << 20)
        if d.unconsumed_tail:
            note(f"a stream inflates past {INFLATED_MB} MB: left out")
            raise ResourceCap(f"a stream inflates past {INFLATED_MB} MB")
        return out


def _cap_ranges(parser, objs: list) -> list:
    """``objs`` (start, end, value triples) with each range cut to ``CMAP_RANGE`` codes, and
    no ranges past ``CMAP_CODES`` codes in the parser's map."""
    out = list(objs)
    for i in range(0, len(out) - 2, 3):
        if getattr(parser, "_codes", 0) > CMAP_CODES:
            note(f"a font's character map declares more than {CMAP_CODES} codes: the rest left out")
            return out[:i]
        start, end = out[i][1], out[i + 1][1]
        if isinstance(start, bytes) and isinstance(end, bytes) and len(start) == len(end) and start:
            lo, hi = int.from_bytes(start, "big"), int.from_bytes(end, "big")
            if hi - lo + 1 > CMAP_RANGE:
                note(f"a font's character map declares {hi - lo + 1} codes in one range: cut to {CMAP_RANGE}")
                capped = (lo + CMAP_RANGE - 1).to_bytes(len(start), "big")
                out[i + 1] = (out[i + 1][0], capped)
                hi = lo + CMAP_RANGE - 1
            parser._codes = getattr(parser, "_codes", 0) + hi - lo + 1
    return out


_installed = False


def install() -> None:
    """Patch pdfminer in this process (idempotent) and silence its log and warnings on stderr."""
    global _installed
    if _installed:
        return
    _installed = True
    from pdfminer import cmapdb, pdfinterp, pdftypes
    from pdfminer.pdfexceptions import PDFValueError
    from pdfminer.psparser import PSEOF

    # pdfminer's complaints about damaged files are not the user's business: what matters reaches the warnings.
    log = logging.getLogger("pdfminer")
    log.addHandler(logging.NullHandler())
    log.propagate = False
    warnings.filterwarnings("ignore", module="pdfminer")
    pdftypes.zlib = _CappedZlib

    parse_keyword = cmapdb.CMapParser.do_keyword

    def do_keyword(self, pos, token):
        if token is self.KEYWORD_ENDBFRANGE or token is self.KEYWORD_ENDCIDRANGE:
            self.curstack = _cap_ranges(self, self.curstack)
        return parse_keyword(self, pos, token)

    cmapdb.CMapParser.do_keyword = do_keyword

    next_object = pdfinterp.PDFContentParser.nextobject

    def nextobject(self):
        self._operators = getattr(self, "_operators", 0) + 1
        if self._operators > OPERATORS:
            note(f"content stream has more than {OPERATORS} operators and operands: the rest left out")
            raise PSEOF("operator cap")
        return next_object(self)

    pdfinterp.PDFContentParser.nextobject = nextobject

    resolve_ref = pdftypes.PDFObjRef.resolve

    def resolve(self, default=None):
        """A reference to a reference to … itself would loop for ever in pdfminer's ``resolve1``."""
        found = resolve_ref(self, default)
        ref = found
        for _ in range(REF_CHAIN):
            if not isinstance(ref, pdftypes.PDFObjRef):
                return found
            ref = resolve_ref(ref, default)
        raise PDFValueError(f"circular reference (object {self.objid})")

    pdftypes.PDFObjRef.resolve = resolve
