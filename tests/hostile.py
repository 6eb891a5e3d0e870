"""Hostile and odd PDFs built from raw bytes, for tests/test_hostile.py and bench/bench_pathological.py."""

from __future__ import annotations

import zlib


def pdf(objects: list[bytes]) -> bytes:
    """A PDF of ``objects`` (object 1 is the catalog) with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def stream(data: bytes, extra: bytes = b"", deflate: bool = False) -> bytes:
    if deflate:
        data = zlib.compress(data, 9)
        extra += b" /Filter /FlateDecode"
    return b"<< /Length %d%s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def page_pdf(content: bytes, media_box: bytes = b"[0 0 595 842]", font_extra: bytes = b"", deflate: bool = False,
             extra_objects: list[bytes] = ()) -> bytes:
    """One page showing ``content`` with Helvetica as /F1 (objects 1-5; ``extra_objects`` from 6)."""
    return pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox " + media_box + b" /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        stream(content, deflate=deflate),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding" + font_extra + b" >>",
        *extra_objects,
    ])


def text_ops(lines: list[str], size: float = 10, top: float = 800, left: float = 50) -> bytes:
    ops = [b"BT /F1 %g Tf %g %g Td %g TL" % (size, left, top, size * 1.3)]
    for line in lines:
        ops.append(b"(" + line.encode("latin-1").replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b") Tj T*")
    ops.append(b"ET")
    return b"\n".join(ops)


def cmap_bomb() -> bytes:
    """A 1 KB PDF whose ToUnicode map declares one range of all 2**32 codes."""
    cmap = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
            b"1 begincodespacerange <00000000> <FFFFFFFF> endcodespacerange\n"
            b"1 beginbfrange <00000000> <FFFFFFFF> <0000> endbfrange\n"
            b"endcmap CMapName currentdict /CMap defineresource pop end end")
    return page_pdf(text_ops(["Minutes of the meeting"]), font_extra=b" /ToUnicode 6 0 R", extra_objects=[stream(cmap)])


def flate_bomb(megabytes: int) -> bytes:
    """A content stream of ``megabytes`` MB of spaces, deflated (about 1000:1)."""
    c = zlib.compressobj(9)
    chunk = b" " * (1 << 20)
    data = b"".join(c.compress(chunk) for _ in range(megabytes)) + c.compress(text_ops(["After the spaces"])) + c.flush()
    return pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ])


def many_operators(count: int) -> bytes:
    """Some text, then ``count`` save/restore pairs."""
    return page_pdf(text_ops(["Minutes of the meeting"]) + b"\n" + b"q Q " * count, deflate=True)


def ruled_grid(n: int, step: float = 5.0) -> bytes:
    """A page ruled with ``n`` horizontal and ``n`` vertical lines ``step`` apart, a word in some cells."""
    side = n * step + 100
    ops = [b"0.1 w"]
    for i in range(n + 1):
        ops.append(b"50 %.2f m %.2f %.2f l S" % (50 + i * step, side - 50, 50 + i * step))
        ops.append(b"%.2f 50 m %.2f %.2f l S" % (50 + i * step, 50 + i * step, side - 50))
    ops.append(b"BT /F1 2 Tf")
    for i in range(0, n, max(1, n // 20)):
        ops.append(b"1 0 0 1 %.2f %.2f Tm (c%d) Tj" % (51 + i * step, 51 + i * step, i))
    ops.append(b"ET")
    return page_pdf(b"\n".join(ops), media_box=b"[0 0 %d %d]" % (side, side), deflate=True)


def many_words(count: int, per_line: int = 10) -> bytes:
    """One page holding ``count`` words in a table of ``per_line`` columns (a long appendix)."""
    rows = -(-count // per_line)
    size = min(10.0, 780 / rows / 1.2)
    ops = [b"BT /F1 %.3f Tf" % size]
    for r in range(rows):
        y = 800 - r * size * 1.2
        for c in range(per_line):
            ops.append(b"1 0 0 1 %.1f %.3f Tm (w%dr%d) Tj" % (40 + c * 52, y, c, r))
    ops.append(b"ET")
    return page_pdf(b"\n".join(ops), deflate=True)


def huge_page(inches: int) -> bytes:
    """A page ``inches`` square with a few paragraphs spread down it."""
    side = inches * 72
    lines = [f"Paragraph {i} of the report on the huge page." for i in range(40)]
    ops = b"BT /F1 10 Tf " + b" ".join(b"1 0 0 1 %d %d Tm (%s) Tj" % (72 + (i % 3) * side // 3, side - 72 - i * side // 45, l.encode())
                                     for i, l in enumerate(lines)) + b" ET"
    return page_pdf(ops, media_box=b"[0 0 %d %d]" % (side, side), deflate=True)


def circular_media_box() -> bytes:
    """A page whose /MediaBox is an indirect reference to itself."""
    return pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox 6 0 R /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        stream(text_ops(["Minutes"])),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"6 0 R",
    ])
