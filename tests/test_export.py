"""``minutebook export``: the archive as related SQLite tables (with FTS5) and as CSV."""

from __future__ import annotations

import csv
import json
import sqlite3

from click.testing import CliRunner

import minutebook
from minutebook.cli import cli
from minutebook.index.query import search


def test_sqlite_export_matches_the_index(bundled_index, tmp_path):
    db_path = tmp_path / "archive.db"
    out = CliRunner().invoke(cli, ["export", "--index", bundled_index, "--sqlite", str(db_path)])
    assert out.exit_code == 0, out.output
    archive = minutebook.Index(bundled_index)
    contracts = dict(archive.contracts())
    db = sqlite3.connect(db_path)
    count = lambda table: db.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]  # noqa: E731

    assert count("files") == len(archive.files()) == len(contracts)
    assert count("meetings") == sum(len(c["meetings"]) for c in contracts.values())
    assert count("resolutions") == sum(len(m["resolutions"]) for c in contracts.values() for m in c["meetings"])
    assert count("attendance") == sum(len(names) for c in contracts.values() for m in c["meetings"]
                                      for names in m["attendance"].values())
    assert count("sections") == sum(len(d["sections"]) for c in contracts.values() for d in c["documents"])
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []

    # Every distinct decision the index lists is a row, with its outcome.
    exported = {(date, committee, minute, outcome) for date, committee, minute, outcome in db.execute(
        "SELECT m.date, m.committee, r.minute, r.outcome FROM resolutions r JOIN meetings m ON r.meeting_id = m.id")}
    listed = {(r.date, r.committee, r.minute, r.outcome) for r in archive.resolutions()}
    assert listed <= exported
    assert ("2025-01-23", "Housing and Communities Scrutiny Committee", "12", "carried") in exported

    # The full-text table finds the agenda items the index's own search finds.
    fts = {title for (title,) in db.execute(
        "SELECT a.title FROM records_fts f JOIN agenda_items a ON f.source = 'agenda_items' AND f.source_id = a.id "
        "WHERE records_fts MATCH '\"youth hub\"'")}
    from whoosh import index as windex

    hits = search(windex.open_dir(bundled_index), '"youth hub"', limit=200)["hits"]
    assert fts == {h["title"] for h in hits if h["type"] == "agenda_item"}
    assert "Youth Hub Review" in fts


def test_csv_export_writes_one_table_per_file(bundled_index, tmp_path):
    out = CliRunner().invoke(cli, ["export", "--index", bundled_index, "--csv", str(tmp_path / "csv")])
    assert out.exit_code == 0, out.output
    with open(tmp_path / "csv" / "resolutions.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    tenant = next(r for r in rows if r["title"] == "Tenant Voice Panel: First Year")
    assert tenant["outcome"] == "carried" and json.loads(tenant["clauses"])
    with open(tmp_path / "csv" / "meetings.csv", encoding="utf-8-sig", newline="") as f:
        meetings = {r["id"]: r for r in csv.DictReader(f)}
    assert meetings[tenant["meeting_id"]]["date"] == "2025-01-23"


def test_export_needs_a_target_and_an_index(tmp_path):
    runner = CliRunner()
    assert runner.invoke(cli, ["export", "--index", str(tmp_path)]).exit_code == 2
    out = runner.invoke(cli, ["export", "--index", str(tmp_path / "none"), "--sqlite", str(tmp_path / "a.db")])
    assert out.exit_code == 1 and "no index here" in out.output
    assert not (tmp_path / "a.db").exists()


def test_search_resolutions_and_trace_as_rows(bundled_index):
    runner = CliRunner()
    run = lambda *args: runner.invoke(cli, [*args, "--index", bundled_index])  # noqa: E731

    out = run("resolutions", "--committee", "housing", "--format", "csv")
    assert out.exit_code == 0, out.output
    rows = list(csv.DictReader(out.output.splitlines()))
    tenant = next(r for r in rows if r["title"] == "Tenant Voice Panel: First Year")
    assert (tenant["date"], tenant["minute"], tenant["outcome"]) == ("2025-01-23", "12", "carried")
    assert len(rows) == len(json.loads(run("resolutions", "--committee", "housing", "--format", "json").output))

    traced = json.loads(run("trace", "Youth Hub Review", "--format", "json").output)
    lines = [json.loads(line) for line in run("trace", "Youth Hub Review", "--format", "jsonl").output.splitlines()]
    assert len(lines) == sum(len(m["appearances"]) for m in traced["meetings"])
    assert [(r["date"], r["type"], r["title"]) for r in lines][0] == (
        "2025-10-16", "agenda_item", "Youth Hub Review: Progress Against the Recommendations")

    hits = list(csv.DictReader(run("search", '"youth hub review"', "--format", "csv", "--limit", "3").output.splitlines()))
    assert len(hits) == 3 and all("**" not in h["snippet"] for h in hits)
    assert hits[0]["folded"]  # the item's other records, by label


def test_search_marks_matches_in_colour_only_on_a_terminal(bundled_index):
    args = ["search", "fostering", "--index", bundled_index, "--limit", "1"]
    coloured = CliRunner().invoke(cli, args, color=True).output
    plain = CliRunner().invoke(cli, args).output
    assert "\x1b[33m\x1b[1mFostering\x1b[0m" in coloured or "\x1b[33m\x1b[1mfostering\x1b[0m" in coloured
    assert "\x1b[" not in plain and "**" not in plain and "Fostering" in plain
