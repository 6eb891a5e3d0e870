"""Hostile and odd files: each is read or refused with one line, within its budget, and the batch goes on.

Every input is built here (``hostile.py``: raw PDF bytes). Budgets are
asserted from what the command reports (the cap or limit it names), never by
timing the test.
"""

from __future__ import annotations

import json
import os
import re
import select
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import hostile as H
import pytest
from click.testing import CliRunner

from minutebook.cli import cli
from minutebook.extract import caps

MINUTEBOOK = str(Path(sys.executable).with_name("minutebook"))
GOOD = "Briefing Note\n\nTo: Planning Committee\nDate: 3 March 2025\n\n1 Purpose\n\nThe committee noted the report on the bypass.\n"


def run(*args, env=None):
    return CliRunner().invoke(cli, [str(a) for a in args], env=env)


def good(folder: Path) -> Path:
    path = folder / "good_note.txt"
    path.write_text(GOOD)
    return path


def lines_of(stderr: str) -> list[str]:
    assert "Traceback" not in stderr
    return stderr.splitlines()


CAPPED = {
    "cmap_bomb.pdf": (H.cmap_bomb, f"page 1: capped: a font's character map declares 4294967296 codes in one range: cut to {caps.CMAP_RANGE}"),
    "flate_bomb.pdf": (lambda: H.flate_bomb(caps.INFLATED_MB + 1), f"page 1: capped: a stream inflates past {caps.INFLATED_MB} MB: left out"),
    "operators.pdf": (lambda: H.many_operators(caps.OPERATORS // 2 + 1000),
                      f"page 1: capped: content stream has more than {caps.OPERATORS} operators and operands: the rest left out"),
    "ruled_grid.pdf": (lambda: H.ruled_grid(80), f"page 1: capped: 81×81 ruling lines (more than {caps.RULING_CELLS} crossings): tables read as text"),
}


@pytest.mark.skipif(sys.platform != "linux", reason="the worker budget's memory cap is Linux's RLIMIT_AS")
@pytest.mark.parametrize("name", sorted(CAPPED))
def test_absurd_pdf_resources_are_capped_with_a_warning_on_their_page(tmp_path, name):
    make, warning = CAPPED[name]
    bad = tmp_path / name
    bad.write_bytes(make())
    result = run("extract", bad, good(tmp_path), "--format", "json", "--no-entities", "--quiet", "--memory", 600)
    assert lines_of(result.stderr) == [f"minutebook: {bad}: {warning}"]
    assert result.exit_code == 0
    out = json.loads(result.stdout)
    assert [o["source"]["path"].rsplit("/", 1)[-1] for o in out] == [name, "good_note.txt"]
    assert warning in out[0]["warnings"]
    assert "The committee noted the report on the bypass." in json.dumps(out[1])


def test_cmap_bomb_keeps_the_page_text(tmp_path):
    bad = tmp_path / "cmap.pdf"
    bad.write_bytes(H.cmap_bomb())
    result = run("extract", bad, "--no-entities", "--quiet")
    assert "Minutes of the meeting" in result.stdout


def test_circular_media_box_is_refused_at_once(tmp_path):
    bad = tmp_path / "circular.pdf"
    bad.write_bytes(H.circular_media_box())
    result = run("extract", bad, good(tmp_path), "--no-entities", "--quiet")
    assert lines_of(result.stderr) == [f"minutebook: {bad}: corrupt or truncated PDF (circular reference (object 6))"]
    assert result.exit_code == 1
    assert "good_note.txt (text)" in result.stdout


def test_a_200_inch_page_is_read(tmp_path):
    big = tmp_path / "huge.pdf"
    big.write_bytes(H.huge_page(200))
    result = run("extract", big, "--no-entities", "--quiet", "--format", "json")
    assert result.exit_code == 0 and lines_of(result.stderr) == []
    text = " ".join(s["text"] for d in json.loads(result.stdout)["documents"] for s in d["sections"])
    assert "Paragraph 39 of the report on the huge page." in text


@pytest.mark.skipif(sys.platform != "linux", reason="the worker budget's memory cap is Linux's RLIMIT_AS")
@pytest.mark.parametrize("command", ["extract", "entities"])
def test_a_file_past_the_memory_limit_costs_one_line_and_the_batch_goes_on(tmp_path, command):
    bad = tmp_path / "words.pdf"
    bad.write_bytes(H.many_words(20000))  # pdfplumber keeps ~2 KB per glyph: ~300 MB
    limit = 200
    # A process of its own, as a user runs it: workers forked from pytest carry all it has loaded.
    result = subprocess.run([MINUTEBOOK, command, str(bad), str(good(tmp_path)), "--memory", str(limit)],
                            capture_output=True, text=True)
    # A C library short of memory may abort rather than raise MemoryError; the line still names the limit and page.
    [line] = lines_of(result.stderr)
    assert re.fullmatch(rf"minutebook: {re.escape(str(bad))}: (memory limit of {limit} MB exceeded|"
                        rf"extraction process died \(SIG[A-Z]+, likely at the memory limit of {limit} MB\)) on page 1", line), line
    assert result.returncode == 1
    assert "Planning Committee" in result.stdout


def test_a_file_past_the_time_limit_costs_one_line_and_the_batch_goes_on(tmp_path):
    slow = tmp_path / "operators.pdf"
    slow.write_bytes(H.many_operators(caps.OPERATORS // 2))  # a million objects to interpret: seconds
    result = run("extract", slow, good(tmp_path), "--timeout", "0.5", "--no-entities", "--quiet")
    assert lines_of(result.stderr) == [f"minutebook: {slow}: time limit of 0.5 s exceeded on page 1"]
    assert result.exit_code == 1
    assert "good_note.txt (text)" in result.stdout


def test_ingest_goes_on_past_hostile_files_and_takes_htm_and_markdown(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "circular.pdf").write_bytes(H.circular_media_box())
    (docs / "cmap.pdf").write_bytes(H.cmap_bomb())
    (docs / "page.htm").write_text("<html><body><h1>Housing Panel</h1><p>The panel noted the zqhtmword report.</p></body></html>")
    (docs / "notes.markdown").write_text("# Housing Panel\n\nThe panel noted the zqmdword report.\n")
    good(docs)
    result = run("ingest", docs, "--index", tmp_path / "ix", "--jobs", "1")
    assert lines_of(result.stderr) == [
        f"minutebook: {docs / 'circular.pdf'}: corrupt or truncated PDF (circular reference (object 6))",
        f"minutebook: {docs / 'cmap.pdf'}: page 1: capped: a font's character map declares 4294967296 codes in one range: cut to {caps.CMAP_RANGE}",
    ]
    assert result.stdout.strip() == "4 files ingested, 1 skipped, 0 unchanged"
    for word in ("zqhtmword", "zqmdword", "bypass"):
        found = run("search", word, "--index", tmp_path / "ix", "--format", "json")
        assert json.loads(found.stdout)["total"] >= 1, word


@pytest.mark.skipif(not hasattr(os, "pidfd_open"), reason="waits on the worker with a pidfd (Linux)")
def test_workers_die_with_their_parent(tmp_path):
    script = tmp_path / "parent.py"
    script.write_text(textwrap.dedent("""
        import os, threading
        from minutebook.extract.budget import Budget, run_files

        def job(path, progress):
            print(os.getpid(), flush=True)
            threading.Event().wait()  # only a signal ends this

        for _ in run_files(["x"], job, Budget(seconds=3600, memory_mb=0)):
            pass
    """))
    parent = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True)
    worker = int(parent.stdout.readline())  # the event: the worker has the file
    fd = os.pidfd_open(worker)
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    ready, _, _ = select.select([fd], [], [], 120)  # readable when the worker is gone; the bound only ends a failing run
    os.close(fd)
    assert ready, "the worker outlived its parent"


def test_text_paths_that_were_quadratic_are_read(tmp_path):
    files = {
        "urls.txt": "<http:" * 20000,
        "scripts.html": "<p>Before the scripts</p>" + "<script>" * 20000,
        "bold.html": "<p>Budget</p>" + "<b " * 20000,
        "author.txt": "Briefing Note\n\nAuthor: A Clerk\n\n" + "".join(f"Paragraph {n} of the note.\n\n" for n in range(20000)),
    }
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    result = run("extract", *(tmp_path / n for n in files), "--no-entities", "--quiet", "--timeout", "60")
    assert result.exit_code == 0 and lines_of(result.stderr) == []
    assert "Before the scripts" in result.stdout and "Budget" in result.stdout


def test_a_referred_29_february_the_year_before_is_no_meeting(tmp_path):
    agenda = tmp_path / "agenda.txt"
    agenda.write_text(
        "Parish Council\n\nAGENDA\n\nMeeting of the Parish Council to be held on 10 February 2024 at 7.00 pm in the Village Hall.\n\n"
        "1. Apologies for absence\n2. Declarations of interest\n3. Minutes of the meeting held on 29 February\n"
        "4. Planning applications\n5. Finance\n6. Date of next meeting\n"
    )
    result = run("extract", agenda, "--format", "json", "--no-entities", "--quiet")
    assert result.exit_code == 0 and lines_of(result.stderr) == []
    assert [m["date"] for m in json.loads(result.stdout)["meetings"]] == ["2024-02-10"]


def test_a_folder_among_extracts_arguments_gives_its_papers(tmp_path):
    folder = tmp_path / "papers"
    folder.mkdir()
    good(folder)
    (folder / "notes.markdown").write_text("# Housing Panel\n\nThe panel noted the report.\n")
    result = run("extract", folder, tmp_path / "missing.pdf", "--no-entities", "--quiet")
    assert lines_of(result.stderr) == [f"minutebook: {tmp_path / 'missing.pdf'}: no such file"]
    assert result.exit_code == 1
    assert "good_note.txt (text)" in result.stdout and "notes.markdown (text)" in result.stdout


def test_control_characters_in_names_and_text_are_escaped(tmp_path):
    forged = tmp_path / "a\nminutebook: other.pdf: forged.pdf"
    forged.write_bytes(b"not a pdf")
    paper = tmp_path / "paper.txt"
    paper.write_text("Briefing Note \x1b[2J\n\nThe committee noted the report.\n")
    result = run("extract", forged, paper, "--no-entities", "--quiet")
    assert lines_of(result.stderr) == [f"minutebook: {tmp_path}/a\\u000aminutebook: other.pdf: forged.pdf: not a PDF (no %PDF header)"]
    assert "\x1b" not in result.stdout and "Briefing Note \\u001b[2J" in result.stdout
    index = tmp_path / "ix"
    assert run("ingest", paper, "--index", index, "--quiet").exit_code == 0
    for fmt in ("text", "csv"):
        shown = run("search", "committee", "--index", index, "--format", fmt).stdout
        assert "\x1b" not in shown and "\\u001b[2J" in shown, fmt


def test_bad_index_directories_are_one_line(tmp_path):
    afile = tmp_path / "afile"
    afile.write_text("x")
    paper = good(tmp_path)
    for args in (["ingest", paper, "--index", afile], ["search", "x", "--index", afile]):
        result = run(*args)
        assert result.exit_code == 1 and lines_of(result.stderr) == [f"minutebook: {afile}: not a directory"]
    ix = tmp_path / "ix"
    assert run("ingest", paper, "--index", ix).exit_code == 0
    toc = next(ix.glob("_MAIN_*.toc"))
    toc.write_bytes(toc.read_bytes()[:40])
    for args in (["ingest", paper, "--index", ix], ["search", "x", "--index", ix]):
        result = run(*args)
        assert result.exit_code == 1
        assert lines_of(result.stderr) == [f"minutebook: {ix}: corrupt index (EOFError: Ran out of input); delete it and ingest again"]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="giving a directory to another user needs root")
def test_an_index_owned_by_someone_else_is_not_opened(tmp_path):
    ix = tmp_path / "ix"
    assert run("ingest", good(tmp_path), "--index", ix).exit_code == 0
    os.chown(ix, 65534, 65534)
    result = run("search", "bypass", "--index", ix)
    assert result.exit_code == 1
    assert lines_of(result.stderr) == [
        f"minutebook: {ix}: owned by another user: an index is a pickle that runs code when opened, so it is not opened"]


def test_bad_terms_files_name_their_line(tmp_path):
    paper = good(tmp_path)
    broken = tmp_path / "broken.yml"
    broken.write_text("- label: ORG\n  name: Foo Trust\n- label: ORG\n  name: [unclosed\n")
    result = run("entities", paper, "--terms", broken)
    assert result.exit_code == 2
    assert lines_of(result.stderr) == [f"minutebook: {broken}: line 5: not valid YAML (expected ',' or ']', but got '<stream end>')"]
    bomb = tmp_path / "bomb.yml"
    rows = ['- &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    rows += [f"- &{c} [{','.join(['*' + p] * 9)}]" for p, c in zip("abcdefgh", "bcdefghi")]
    bomb.write_text("\n".join(rows) + "\n")
    result = run("entities", paper, "--terms", bomb)
    assert result.exit_code == 2
    assert lines_of(result.stderr) == [f"minutebook: {bomb}: line 7: more than 50 YAML aliases"]
