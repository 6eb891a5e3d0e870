"""Whatever a council website served: bad files are skipped with one line,
slow files time out, scans are flagged or OCR'd, an interrupted ingest leaves
a working index, and no text makes the extractor raise.

Every bad input is built here, in the test that uses it.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from filelock import FileLock
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pdfmaker import lines, make_pdf

from minutebook.cli import cli
from minutebook.extract import extract_source
from minutebook.extract.dates import find_dates, parse_date, parse_time
from minutebook.extract.read import ReadError, read_source
from minutebook.extract.text import blocks_from_text
from minutebook.index.ingest import LOCK_NAME, PENDING_NAME, open_index
from minutebook.index.query import search
from minutebook.model import Source

MINUTEBOOK = str(Path(sys.executable).with_name("minutebook"))
needs_tesseract = pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract is not installed (apt-get install tesseract-ocr)")
# How a scan left unread with --no-ocr is reported: the hint depends on whether OCR could have run.
UNREAD = "needs OCR (OCR is off)" if shutil.which("tesseract") else "needs OCR (install tesseract-ocr)"


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def word(n: int) -> str:
    """A made-up word unique to file ``n``, letters only so no analyser splits or stems it."""
    return "zq" + "".join("abcdefghij"[int(d)] for d in f"{n:03d}") + "x"


def note(folder: Path, n: int) -> Path:
    path = folder / f"note_{n:03d}.txt"
    path.write_text(f"Briefing Note {n}\n\n1.1 The Board noted the {word(n)} survey results for the year.\n", encoding="utf-8")
    return path


def pdf(folder: Path, n: int) -> Path:
    return make_pdf(folder / f"report_{n:03d}.pdf", [lines([f"Report {n}", f"2.1 The {word(n)} project was reported to the Board."])])


def found(where, text: str) -> int:
    return search(open_index(str(where)), text)["total"]


def scanned_pdf(path: Path, tmp: Path, text: str) -> Path:
    """A page holding only a picture of printed text, as a scanner makes it."""
    import pypdfium2 as pdfium
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    printed = make_pdf(tmp / "printed.pdf", [lines([text], size=16)], footer=False)
    doc = pdfium.PdfDocument(str(printed))
    doc[0].render(scale=200 / 72).to_pil().convert("L").save(tmp / "scan.png")
    doc.close()
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    c.drawImage(str(tmp / "scan.png"), 0, 0, *A4)
    c.showPage()
    c.save()
    return path


def encrypted_pdf(path: Path, text: str) -> Path:
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), encrypt="secret", invariant=1)
    c.drawString(72, 720, text)
    c.showPage()
    c.save()
    return path


def test_bad_files_are_skipped_one_line_each_and_the_rest_is_ingested(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    note(docs, 1)
    pdf(docs, 2)
    whole = pdf(tmp_path, 3).read_bytes()
    (docs / "empty.pdf").write_bytes(b"")
    (docs / "truncated.pdf").write_bytes(whole[: len(whole) // 2])
    (docs / "corrupt.pdf").write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 8)
    encrypted_pdf(docs / "encrypted.pdf", "Hello")
    (docs / "error_page.pdf").write_bytes(b"<!DOCTYPE html><html><body>404 Not Found</body></html>")
    (docs / "binary.txt").write_bytes(b"\x00\x01\x02 text with NULs \x00")
    (docs / "cp.txt").write_bytes(b"\x81\x8d\x8f\x90\x9d")  # undefined in cp1252, invalid UTF-8
    os.mkfifo(docs / "stream.pdf")  # open() would block forever
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    scanned_pdf(docs / "scan.pdf", tmp_path, "Scanned letter")

    result = run("ingest", docs, tmp_path / "notes.docx", tmp_path / "missing.pdf", "--index", tmp_path / "ix", "--jobs", "2", "--no-ocr")
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert sorted(result.stderr.splitlines()) == sorted([
        f"minutebook: {tmp_path / 'missing.pdf'}: no such file",
        f"minutebook: {tmp_path / 'notes.docx'}: unsupported file type .docx",
        f"minutebook: {docs / 'empty.pdf'}: empty file",
        f"minutebook: {docs / 'truncated.pdf'}: corrupt or truncated PDF (Unexpected EOF)",
        f"minutebook: {docs / 'corrupt.pdf'}: corrupt or truncated PDF (No /Root object! - Is this really a PDF?)",
        f"minutebook: {docs / 'encrypted.pdf'}: encrypted PDF: give the password with --password",
        f"minutebook: {docs / 'error_page.pdf'}: not a PDF (no %PDF header)",
        f"minutebook: {docs / 'binary.txt'}: binary data, not text",
        f"minutebook: {docs / 'cp.txt'}: not a text file in UTF-8, UTF-16 or cp1252",
        f"minutebook: {docs / 'stream.pdf'}: not a regular file",
        f"minutebook: {docs / 'scan.pdf'}: page 1 has no text layer: {UNREAD}",
    ])
    assert result.stdout.strip() == "3 files ingested, 10 skipped, 0 unchanged"
    for n in (1, 2):
        assert found(tmp_path / "ix", word(n)) >= 1


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root can read a file whatever its mode")
def test_unreadable_file_is_skipped(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    note(docs, 1)
    locked = note(docs, 2)
    locked.chmod(0)
    result = run("ingest", docs, "--index", tmp_path / "ix", "--jobs", "1")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [f"minutebook: {locked}: permission denied"]
    assert found(tmp_path / "ix", word(1)) >= 1


def test_encrypted_pdf_needs_the_password_on_extract_and_ingest(tmp_path):
    path = encrypted_pdf(tmp_path / "enc.pdf", f"The {word(7)} budget was agreed.")
    assert run("extract", path, "--no-entities").stderr.strip() == f"minutebook: {path}: encrypted PDF: give the password with --password"
    wrong = run("extract", path, "--no-entities", "--password", "guess")
    assert wrong.exit_code == 1 and wrong.stderr.strip() == f"minutebook: {path}: wrong password"
    right = run("extract", path, "--no-entities", "--password", "secret")
    assert right.exit_code == 0 and word(7) in right.stdout
    ingested = run("ingest", path, "--index", tmp_path / "ix", "--password", "secret", "--jobs", "1")
    assert ingested.exit_code == 0, ingested.output
    assert found(tmp_path / "ix", word(7)) >= 1


def test_text_in_any_common_encoding(tmp_path):
    text = "Café budget £1.2m agreed"
    for enc in ("utf-8", "utf-8-sig", "cp1252", "utf-16"):  # Python's utf-16 writes a BOM
        path = tmp_path / f"{enc}.txt"
        path.write_bytes(text.encode(enc))
        assert [b.text for b in read_source(str(path)).blocks] == [text], enc
    (tmp_path / "be.txt").write_bytes(b"\xfe\xff" + text.encode("utf-16-be"))
    assert [b.text for b in read_source(str(tmp_path / "be.txt")).blocks] == [text]
    (tmp_path / "odd.txt").write_bytes(b"\xff\xfe" + b"A\x00B")
    with pytest.raises(ReadError, match="^not valid UTF-16 text despite its byte-order mark$"):
        read_source(str(tmp_path / "odd.txt"))


def test_image_only_page_is_flagged_and_not_a_failure(tmp_path):
    path = scanned_pdf(tmp_path / "scan.pdf", tmp_path, "Scanned letter")
    result = run("extract", path, "--no-entities", "--format", "json", "--no-ocr")
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [f"minutebook: {path}: page 1 has no text layer: {UNREAD}"]
    assert '"page 1 has no text layer (scanned image): needs OCR"' in result.stdout


def test_ocr_without_tesseract_says_how_to_install_it(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    for args in (["extract", tmp_path / "x.pdf"], ["ingest", tmp_path, "--index", tmp_path / "ix"]):
        result = run(*args, "--ocr")
        assert result.exit_code == 2
        assert "apt-get install tesseract-ocr" in result.stderr and "brew install tesseract" in result.stderr


@needs_tesseract
def test_ocr_reads_image_only_pages_on_extract_and_ingest(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    path = scanned_pdf(docs / "scan.pdf", tmp_path, f"1.1 The Board noted the {word(9)} survey results.")
    result = run("extract", path, "--no-entities", "--ocr")
    assert result.exit_code == 0 and result.stderr == ""
    assert f"{word(9)} survey" in result.stdout
    first = run("ingest", docs, "--index", tmp_path / "ix", "--jobs", "1", "--no-ocr")
    assert first.exit_code == 0 and "needs OCR (OCR is off)" in first.stderr
    assert found(tmp_path / "ix", word(9)) == 0
    again = run("ingest", docs, "--index", tmp_path / "ix", "--jobs", "1")  # OCR is on by default: the scan is read again
    assert again.exit_code == 0 and again.stdout.strip() == "1 files ingested, 0 skipped, 0 unchanged"
    assert found(tmp_path / "ix", word(9)) >= 1


def test_slow_file_times_out_and_the_batch_goes_on(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    note(docs, 1)
    slow = docs / "huge.txt"
    slow.write_text("1.1 The Board noted the survey results and asked for a further report on housing.\n" * 100_000)
    result = run("ingest", docs, "--index", tmp_path / "ix", "--jobs", "1", "--timeout", "3")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [f"minutebook: {slow}: time limit of 3 s exceeded"]
    assert result.stdout.strip() == "1 files ingested, 1 skipped, 0 unchanged"
    assert found(tmp_path / "ix", word(1)) >= 1


def _folder_of_many(folder: Path, start: int, count: int) -> None:
    for n in range(start, start + count):
        (note if n % 2 else pdf)(folder, n)


def long_pdf(folder: Path) -> Path:
    """A few seconds of extraction but few records; named to be dispatched first."""
    prose = [f"The Board noted the survey results and asked for a further report on housing in ward {k}" for k in range(50)]
    return make_pdf(folder / "a_long.pdf", [lines(prose) for _ in range(30)])


def _lock_is_free(where: Path) -> bool:
    lock = FileLock(str(where / LOCK_NAME))
    try:
        lock.acquire(timeout=0)
    except Exception:
        return False
    lock.release()
    return True


def _generation(where: Path) -> int:
    return open_index(str(where)).latest_generation()


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT])
def test_killed_ingest_leaves_the_old_index_and_a_rerun_finishes(tmp_path, sig):
    docs, where = tmp_path / "docs", tmp_path / "ix"
    docs.mkdir()
    _folder_of_many(docs, 0, 3)
    assert run("ingest", docs, "--index", where, "--jobs", "1").exit_code == 0
    old = _generation(where)
    _folder_of_many(docs, 3, 60)
    long_pdf(docs)  # one worker is still on it after the other has done 50 files and they are committed

    # A test run started in the background (``cmd &``) inherits SIGINT ignored; Ctrl-C's default is what is tested.
    proc = subprocess.Popen([MINUTEBOOK, "ingest", str(docs), "--index", str(where), "--jobs", "2", "--quiet"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    while _generation(where) == old and proc.poll() is None:  # the first commit is the event waited for
        time.sleep(0.05)
    # Held still, the ingest cannot finish between this check and the signal: with its work
    # unfinished (the marker is there), the signal lands mid-ingest however busy the machine is.
    proc.send_signal(signal.SIGSTOP)
    assert proc.poll() is None and (where / PENDING_NAME).exists(), "the ingest finished before it could be interrupted"
    assert _generation(where) > old, "no commit seen mid-ingest"
    proc.send_signal(sig)
    proc.send_signal(signal.SIGCONT)
    out, err = proc.communicate()
    if sig == signal.SIGINT:
        assert proc.returncode == 130 and "Traceback" not in err, (proc.returncode, out, err)
        assert err.strip().endswith("interrupted: the index keeps what was committed; run ingest again to finish")
    else:
        assert proc.returncode == -signal.SIGKILL
    assert (where / PENDING_NAME).exists()

    assert _lock_is_free(where), "a dead ingest's lock must not block the next one"
    for n in range(3):
        assert found(where, word(n)) >= 1
    rerun = subprocess.run([MINUTEBOOK, "ingest", str(docs), "--index", str(where), "--jobs", "2", "--quiet"],
                           capture_output=True, text=True)
    assert rerun.returncode == 0, rerun.stderr
    m = re.fullmatch(r"(\d+) files ingested, 0 skipped, (\d+) unchanged", rerun.stdout.strip())
    assert m and int(m[1]) + int(m[2]) == 64 and int(m[2]) > 3, rerun.stdout
    assert not (where / PENDING_NAME).exists()
    assert [n for n in range(63) if found(where, word(n)) == 0] == []


def test_searches_work_while_an_ingest_runs_and_a_second_ingest_fails_fast(tmp_path):
    docs, where = tmp_path / "docs", tmp_path / "ix"
    docs.mkdir()
    _folder_of_many(docs, 0, 3)
    assert run("ingest", docs, "--index", where, "--jobs", "1").exit_code == 0
    _folder_of_many(docs, 3, 60)
    long_pdf(docs)

    proc = subprocess.Popen([MINUTEBOOK, "ingest", str(docs), "--index", str(where), "--jobs", "2", "--quiet"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        while not (where / PENDING_NAME).exists() and proc.poll() is None:  # the ingest's work begun is the event
            time.sleep(0.05)
        # Held still mid-ingest, with its lock, however busy the machine is: the second ingest and the
        # search below meet a running ingest, not one that has just finished.
        proc.send_signal(signal.SIGSTOP)
        assert proc.poll() is None and (where / PENDING_NAME).exists(), "the ingest finished before it was held"
        second = subprocess.run([MINUTEBOOK, "ingest", str(docs), "--index", str(where), "--jobs", "1"], capture_output=True, text=True)
        assert second.returncode == 2
        assert f"minutebook: {where}: another ingest is writing to {where}" in second.stderr
        cli_search = subprocess.run([MINUTEBOOK, "search", word(2), "--index", str(where)], capture_output=True, text=True)
        assert cli_search.returncode == 0 and word(2) in cli_search.stdout.lower()
        proc.send_signal(signal.SIGCONT)
        searches = 0
        while proc.poll() is None or searches < 3:
            assert found(where, word(1)) >= 1 and found(where, word(2)) >= 1
            searches += 1
            time.sleep(0.05)
    finally:
        proc.send_signal(signal.SIGCONT)
        out, err = proc.communicate()
    assert proc.returncode == 0, err
    assert out.strip() == "61 files ingested, 0 skipped, 3 unchanged"
    assert found(where, word(62)) >= 1


FRAGMENTS = [
    "Agenda Item 4", "AGENDA", "Minutes of the meeting of the Scrutiny Board held on ", "14 March 2025", "Thursday, 3rd October 2024",
    "at 10.00 am", "2.30pm", "Present:", "Apologies", "RESOLVED:", "(a) That ", "1.1 ", "2 ", "Appendix A", "Page 3", "Work Programme",
    "\t", "\t2024/25\t", "\n", "\n\n", "\n\n\n\n", "# ", "### **", "**", "- ", "• ", "\uf0b7 ", "<u>", "</td>", "<p>", "Councillor ",
    "Briefing Note", "To: ", "Date: ", "31/12/2025", "Item ", "Recommendations", ":", ".", "-", "–", "\u00a0", "\ufeff", "\r\n",
]
COUNCIL_TEXT = st.one_of(st.text(max_size=400), st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=12), max_size=60).map("".join))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(COUNCIL_TEXT)
def test_no_text_makes_the_extractor_raise(text):
    blocks = blocks_from_text(text)
    source = Source(path="fuzz.txt", format="text", sha256="0" * 64, pages=None, blocks=blocks)
    extract_source(source)
    find_dates(text)
    find_dates(text, default_year=2025)
    parse_date(text)
    parse_date(text, default_year=2025)
    parse_time(text)


def test_a_search_overtaken_by_a_commit_reads_the_newer_generation(tmp_path):
    """A segment file deleted under a search by a commit is read again from the new generation; a failure
    with no commit in between is not hidden."""
    from minutebook.index.reading import reread_if_committed

    class Index:
        generation = 1

        def latest_generation(self):
            return self.generation

    calls = []

    @reread_if_committed
    def read(ix, word):
        calls.append(ix.generation)
        if len(calls) == 1:
            ix.generation = 2  # the ingest committed while this read ran, deleting a file it needed
            raise TypeError("'NoneType' object is not subscriptable")
        return word

    assert read(Index(), "budget") == "budget" and calls == [1, 2]

    @reread_if_committed
    def broken(ix):
        raise TypeError("a bug, not a commit")

    with pytest.raises(TypeError, match="a bug"):
        broken(Index())
