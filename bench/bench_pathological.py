"""Time and peak RSS of extraction on inputs that used to be super-linear, at three sizes each.

    python bench/bench_pathological.py [--quick]

Each case is built here (text, or PDF bytes from ``tests/hostile.py``) and
extracted (no entities, no OCR) in a fresh process, so peak RSS is that
file's alone. The last column is time per unit of size against the smallest
size: near 1.0 (or falling, where start-up dominates) means linear growth.
Before this bench's fixes the same paths were quadratic: ``<http:`` 2.4 s at
10 KB and 100 s at 100 KB; ``<script>`` 97 s and ``<b `` 37 s at 100 KB;
600 aligned lines 91 s; a 300×300 ruled grid over 240 s.

Measured (2 shared cores, 2026-12-04): ``<http:`` 0.25/0.33/0.62 s at
100/300/1000 KB; ``<script>`` 0.20/0.22/0.21 s; ``<b `` 0.30/0.39/0.86 s;
blocks after ``Author:`` 0.23/0.43/1.05 s at 2k/6k/20k; attendance names
0.20/0.34/0.78 s at 2k/6k/20k; aligned lines 0.60/1.24/2.95 s at
300/600/1200 (ratio 1.22); words per page 0.91/1.70/3.83 s at 2.5k/5k/10k
(ratio 1.05, 66/96/160 MB); ruled lines 0.35/0.34/0.43 s at 100/200/400.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
import hostile as H  # noqa: E402

CHILD = """
import resource, sys, time
from minutebook.extract import extract_file
t = time.perf_counter()
extract_file(sys.argv[1], ocr=False)
print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
"""


def author_blocks(n: int) -> str:
    return "Briefing Note\n\nAuthor: A Clerk\n\n" + "".join(f"Paragraph {i} of the note on the budget.\n\n" for i in range(n))


def attendance(n: int) -> str:
    names = ", ".join(f"Councillor A{i} Bell (Chair)" if i % 50 == 0 else f"Cllr B{i} Dunn" for i in range(n))
    return f"Minutes of the meeting of the Council held on 3 March 2025\n\nPresent: {names}\n\n1 Apologies\n\nNone.\n"


def aligned_lines(n: int) -> bytes:
    """One tall page of ``n`` lines in three whitespace-aligned columns."""
    height = n * 12 + 100
    ops = [b"BT /F1 10 Tf"]
    for i in range(n):
        y = height - 50 - i * 12
        for c, x in enumerate((50, 230, 410)):
            ops.append(b"1 0 0 1 %d %d Tm (Row %d cell %d) Tj" % (x, y, i, c))
    ops.append(b"ET")
    return H.page_pdf(b"\n".join(ops), media_box=b"[0 0 595 %d]" % height, deflate=True)


# name, unit, sizes, file suffix, builder(size) -> str | bytes
CASES = [
    ("txt '<http:' repeated", "KB", (100, 300, 1000), ".txt", lambda k: "<http:" * (k * 1024 // 6)),
    ("html '<script>' repeated", "KB", (100, 300, 1000), ".html", lambda k: "<p>Text</p>" + "<script>" * (k * 1024 // 8)),
    ("html '<b ' repeated", "KB", (100, 300, 1000), ".html", lambda k: "<p>Text</p>" + "<b " * (k * 1024 // 3)),
    ("blocks after 'Author:'", "blocks", (2000, 6000, 20000), ".txt", author_blocks),
    ("attendance list names", "names", (2000, 6000, 20000), ".txt", attendance),
    ("aligned multi-column lines", "lines", (300, 600, 1200), ".pdf", aligned_lines),
    ("words per page", "words", (2500, 5000, 10000), ".pdf", H.many_words),
    ("ruled lines per page", "lines", (100, 200, 400), ".pdf", H.ruled_grid),
]


def measure(path: Path) -> tuple[float, int]:
    out = subprocess.run([sys.executable, "-c", CHILD, str(path)], capture_output=True, text=True, check=True)
    seconds, rss = out.stdout.split()
    return float(seconds), int(rss)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="only the two smaller sizes")
    args = ap.parse_args()
    print(f"{'case':28} {'size':>12} {'seconds':>8} {'peak MB':>8} {'s/unit ratio':>12}")
    with tempfile.TemporaryDirectory() as tmp:
        for name, unit, sizes, suffix, build in CASES:
            base = None
            for size in sizes[:2] if args.quick else sizes:
                data = build(size)
                path = Path(tmp) / f"case{suffix}"
                path.write_bytes(data if isinstance(data, bytes) else data.encode())
                seconds, rss = measure(path)
                per = seconds / size
                base = base or per
                print(f"{name:28} {size:>6} {unit:5} {seconds:8.2f} {rss:8d} {per / base:12.2f}")


if __name__ == "__main__":
    main()
