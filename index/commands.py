"""Click commands for the index: ingest, search, facets, resolutions, trace, duplicates, demo.

Defined here and attached by ``register(cli)`` so cli.py stays a thin list.
"""

from __future__ import annotations

import json
import sys

import click

from minutebook.extract.budget import DEFAULT_MEMORY_MB, DEFAULT_SECONDS, Budget
from minutebook.progress import Bar

from minutebook.index import ENV_VAR, default_index_dir

FORMAT = click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
# Answers that are lists of records also come as rows: CSV for spreadsheets, JSON Lines for pipelines.
ROWS_FORMAT = click.option("--format", "fmt", type=click.Choice(["text", "json", "csv", "jsonl"]), default="text", show_default=True)


def _say(text: str) -> None:
    """A line of index content for the terminal: titles, names and paths come from papers, so control characters are escaped."""
    from minutebook.output import escape_controls

    click.echo(escape_controls(text))


def _emit_rows(what: str, found, fmt: str) -> None:
    from minutebook.index.rows import to_csv, to_jsonl

    text = (to_csv if fmt == "csv" else to_jsonl)(what, found)
    if text:
        click.echo(text)


def _marked(snippet: str) -> str:
    """A snippet for the terminal: matched words in colour (click drops the colour when output is not a terminal)."""
    from minutebook.index.query import MARKED
    from minutebook.output import escape_controls

    return MARKED.sub(lambda m: click.style(m[1], fg="yellow", bold=True), escape_controls(snippet))


def _index_option(f):
    return click.option(
        "--index", "index_dir", envvar=ENV_VAR, default=None, metavar="DIR",
        help=f"Index directory [default: ${ENV_VAR} or {default_index_dir()}].",
    )(f)


def _filter_options(f):
    f = click.option("--to", "date_to", metavar="DATE", help="Meetings on or before DATE (2025, 2025-03, 2025-03-13, 13/03/2025, 13 March 2025).")(f)
    f = click.option("--from", "date_from", metavar="DATE", help="Meetings on or after DATE (as --to).")(f)
    return click.option("--committee", help="The committee, by words of its name; near spellings are resolved and shown.")(f)


def budget_options(f):
    """--timeout and --memory: what reading one file may cost before it is given up with one line."""
    f = click.option("--memory", "memory_mb", type=click.IntRange(min=0), default=DEFAULT_MEMORY_MB, show_default=True, metavar="MB",
                     envvar="MINUTEBOOK_MEMORY",
                     help="Give up a file whose reading needs this much more memory than a worker starts with (0: no cap).")(f)
    return click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=DEFAULT_SECONDS, show_default=True,
                        metavar="SECONDS", envvar="MINUTEBOOK_TIMEOUT",
                        help="Give up a file whose reading takes longer than this.")(f)


def _say_error(path: str, reason: str) -> None:
    from minutebook.output import escape_controls

    click.echo(escape_controls(f"minutebook: {path}: {reason}"), err=True)


def _open(index_dir: str | None):
    from minutebook.index.ingest import IndexProblem, check_index_dir, index_exists, open_index

    index_dir = index_dir or default_index_dir()
    try:
        check_index_dir(index_dir)
        if not index_exists(index_dir):
            _say_error(index_dir, "no index here: run `minutebook ingest PATH…` first")
            sys.exit(1)
        return open_index(index_dir)
    except IndexProblem as exc:
        _say_error(index_dir, str(exc))
        sys.exit(1)
    except OSError as exc:
        _say_error(index_dir, (exc.strerror or str(exc)).lower())
        sys.exit(1)


class Progress(Bar):
    """Files done and pages read, on one stderr bar."""

    def __init__(self, enabled: bool):
        super().__init__(unit="file", enabled=enabled)

    def __call__(self, done: int, total: int, pages: int) -> None:
        self.update(done, total, desc="ingest", pages=pages)

    def note(self, path: str, message: str) -> None:
        """A file's error or note, printed when it happens, above the bar."""
        from minutebook.output import escape_controls

        self.write(escape_controls(f"minutebook: {path}: {message}"))


def _run_ingest(paths, index_dir, jobs, prune, quiet, password=None, ocr=False, budget=None) -> int:
    from minutebook.index.ingest import IndexBusy, IndexProblem, ingest

    progress = Progress(enabled=not quiet and sys.stderr.isatty())
    try:
        report = ingest(paths, index_dir, jobs=jobs, prune=prune, progress=progress, password=password, ocr=ocr,
                        budget=budget or Budget(), notify=progress.note)
    except IndexBusy as exc:
        _say_error(index_dir, str(exc))
        return 2
    except IndexProblem as exc:
        _say_error(index_dir, str(exc))
        return 1
    except OSError as exc:  # a full disk or a vanished directory while writing
        progress.close()
        _say_error(index_dir, f"ingest stopped: {(exc.strerror or str(exc)).lower()}; the index keeps what was committed")
        return 1
    except KeyboardInterrupt:
        progress.close()
        _say_error(index_dir, "interrupted: the index keeps what was committed; run ingest again to finish")
        return 130
    finally:
        progress.close()
    click.echo(report.summary())
    return 1 if report.errors else 0


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@_index_option
@click.option("--prune", is_flag=True, help="Drop records of indexed files that no longer exist.")
@click.option("--quiet", "-q", is_flag=True, help="No progress line.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None, help="Extraction processes [default: all cores].")
@click.option("--password", default=None, help="Password for encrypted PDFs.")
@click.option("--ocr/--no-ocr", default=None, help="Read pages with no text layer (scans) with tesseract  [default: when it is installed].")
@budget_options
def ingest_cmd(paths, index_dir, prune, quiet, jobs, password, ocr, timeout, memory_mb):
    """Extract PDF and text files (and folders of them) into the search index.

    Unchanged files (same sha256) are skipped without extraction; a changed
    file's old records are replaced. A file that cannot be read is skipped
    with one line on stderr; the exit status is 1 if any was.
    """
    from minutebook.extract.ocr import tesseract, unavailable_reason

    if ocr and unavailable_reason():  # asked for explicitly, so missing tesseract is an error
        raise click.UsageError(unavailable_reason())
    # Only when OCR can run are files with unread scanned pages extracted again.
    ocr = ocr is not False and tesseract() is not None
    sys.exit(_run_ingest(paths, index_dir or default_index_dir(), jobs, prune, quiet, password, ocr, Budget(timeout, memory_mb)))


def _where(h: dict) -> tuple[str, str]:
    from minutebook.index.query import display_path

    parts = [h.get("committee") or "(committee unknown)", h.get("date") or "(undated)"]
    if h.get("agenda_item"):
        parts.append(f"item {h['agenda_item']}")
    if h.get("minute"):
        parts.append(f"minute {h['minute']}")
    doc = h.get("document_title") or h.get("document")
    if doc:
        parts.append(doc)
    page = f" p.{h['page']}" if h.get("page") else ""
    return " · ".join(parts), f"{display_path(h['file'])}{page}"


def _answer(ask, *args, **kwargs):
    """``ask(*args, **kwargs)``; a filter value the index cannot use is one line naming the option, exit 2 (a usage error)."""
    from minutebook.index.query import FilterError

    try:
        return ask(*args, **kwargs)
    except FilterError as exc:
        _say_error(exc.option, str(exc))
        sys.exit(2)


def _echo_filters(resolved: dict) -> None:
    """What each filter option was taken to mean, so a fuzzy match is never silent."""
    names = {"committee": "committee", "kind": "kind", "entity": "entity"}
    for key, name in names.items():
        if key in resolved:
            _say(f"{name}: {'; '.join(resolved[key])}")
    if "dates" in resolved:
        _say(f"dates: {resolved['dates'][0]} to {resolved['dates'][1]}")


def _folded(h: dict) -> str:
    """``+3 more: minute 9, resolution, work programme (2)``."""
    counts: dict[str, int] = {}
    for f in h["folded"]:
        counts[f["label"]] = counts.get(f["label"], 0) + 1
    labels = [f"{k} ({n})" if n > 1 else k for k, n in counts.items()]
    return f"+{len(h['folded'])} more: " + ", ".join(labels)


@click.command("search")
@click.argument("query")
@_index_option
@_filter_options
@click.option("--kind", help="Kind of paper, as words: agenda, minutes, briefing note, report, appendix, …  (see `minutebook facets`)")
@click.option("--entity", "entities", multiple=True, metavar="LABEL:NAME", help="Records naming this entity (repeatable); NAME may be part of it.")
@click.option("--limit", type=click.IntRange(min=1), default=10, show_default=True, help="Items shown (each with its folded records).")
@ROWS_FORMAT
def search_cmd(query, index_dir, committee, date_from, date_to, kind, entities, limit, fmt):
    """Search the index (Whoosh syntax: "phrases", field:word, wild*, fuzzy~).

    One hit per item per meeting: the agenda item, its minute, resolution,
    papers and work-programme rows are folded under the best of them.
    Exit status 1 when nothing matches, 2 for a filter the index cannot use.
    """
    from minutebook.index.query import display_path, search

    ix = _open(index_dir)
    found = _answer(search, ix, query, limit=limit, facets=fmt == "json", committee=committee, date_from=date_from, date_to=date_to,
                    kind=kind, entities=entities)
    if fmt == "json":
        click.echo(json.dumps(found, ensure_ascii=False, indent=2))
    elif fmt in ("csv", "jsonl"):
        _emit_rows("search", found, fmt)
    else:
        _echo_filters(found["filters"])
    if not found["hits"]:
        hint = "try fewer words, word* or word~ for other spellings"
        _say_error(repr(query), f"no matches; {hint}{', or fewer filters' if found['filters'] else ''}")
        sys.exit(1)
    if fmt != "text":
        return
    for n, h in enumerate(found["hits"], start=1):
        _say(f"{n:2}. {h['title'] or '(untitled)'}  [{h['type']}{', ' + h['kind'] if h.get('kind') else ''}]")
        for line in _where(h):
            _say(f"     {line}")
        if h["also_in"]:
            _say("     also in: " + ", ".join(display_path(p) for p in h["also_in"]))
        if h.get("snippet"):
            snippet = " ".join(h["snippet"].split())
            click.echo("     " + _marked(snippet[:300] + " …" if len(snippet) > 300 else snippet))
        if h["folded"]:
            _say("     " + _folded(h))
    n = len(found["hits"])
    _say(f"({n} item{'s' if n != 1 else ''} shown of {'at least ' if found['more'] else ''}{found['total']} matching records)")


@click.command("facets")
@click.argument("query", required=False)
@_index_option
@_filter_options
@FORMAT
def facets_cmd(query, index_dir, committee, date_from, date_to, fmt):
    """Committees, kinds of paper and years in the index (or among QUERY's matches), with record counts;
    entity labels with their names; and the fields a query can name (field:word)."""
    from minutebook.index.query import facets

    ix = _open(index_dir)
    found = _answer(facets, ix, query, committee=committee, date_from=date_from, date_to=date_to)
    if fmt == "json":
        click.echo(json.dumps(found, ensure_ascii=False, indent=2))
        return
    _echo_filters(found["filters"])
    for name, title in (("committee", "committees"), ("kind", "kinds"), ("year", "years"), ("labels", "entity labels (names)")):
        _say(f"{title}:")
        for value, n in found[name].items():
            _say(f"  {n:6d}  {value}")
        if not found[name]:
            _say("  (none)")
    _say("fields: " + ", ".join(found["fields"]))


@click.command("resolutions")
@click.argument("query", required=False)
@_index_option
@_filter_options
@ROWS_FORMAT
def resolutions_cmd(query, index_dir, committee, date_from, date_to, fmt):
    """Resolutions in date order with their minute numbers and clauses."""
    from minutebook.index.query import resolutions

    ix = _open(index_dir)
    found = _answer(resolutions, ix, query, committee=committee, date_from=date_from, date_to=date_to)
    if fmt == "json":
        click.echo(json.dumps(found, ensure_ascii=False, indent=2))
        return
    if fmt in ("csv", "jsonl"):
        _emit_rows("resolutions", found, fmt)
        return
    if not found:
        _say("no resolutions")
    for r in found:
        _say(f"{r['date'] or '(undated)'}  {r['committee'] or '(committee unknown)'}  minute {r['minute'] or '?'}: {r['title'] or ''}")
        for i, c in enumerate(r["clauses"], start=1):
            _say(f"    {i}) {c}")
        if not r["clauses"]:
            _say(f"    {r['text']}")


def _appearance(a: dict) -> str:
    """One appearance as a line: where it is, its title, its file and page."""
    from minutebook.index.query import display_path, where

    page = f" p.{a['page']}" if a["page"] else ""
    also = f" +{len(a['also_in'])} cop{'y' if len(a['also_in']) == 1 else 'ies'}" if a["also_in"] else ""
    return f"{where(a)}: {a['title']}  ({display_path(a['file'])}{page}{also})"


@click.command("trace")
@click.argument("item")
@_index_option
@click.option("--committee", help="Only this committee's meetings (words of its name).")
@ROWS_FORMAT
def trace_cmd(item, index_dir, committee, fmt):
    """Every meeting where ITEM was on the agenda, minuted, reported or planned, newest first.

    Exit status 1 when no meeting is found (with titles it may have meant).
    """
    from minutebook.index.query import last_reported, standing_item, suggest_titles, trace

    ix = _open(index_dir)
    found = _answer(trace, ix, item, committee=committee)
    latest = last_reported(found)
    if fmt == "json":
        meetings = [{k: m[k] for k in ("committee", "date", "planned", "title", "document", "file", "page")}
                    | {"appearances": [{k: v for k, v in a.items() if k != "match"} for a in m["appearances"]]} for m in found]
        click.echo(json.dumps({"item": item, "meetings": meetings, "last_reported": latest}, ensure_ascii=False, indent=2))
    elif fmt in ("csv", "jsonl"):
        _emit_rows("trace", found, fmt)
    else:
        for m in found:
            _say(f"{m['date']}  {m['committee'] or '(committee unknown)'}{'  (planned)' if m['planned'] else ''}")
            for a in m["appearances"]:
                _say(f"    {_appearance(a)}")
        if latest:
            _say(f"last reported: {latest['date']}, {'; '.join(latest['committees'])}")
        elif found:
            _say("not reported yet: only planned in work programmes")
        kind = standing_item(item)
        if kind and found and not committee:
            _say_error(repr(item), f"a standing item ({kind}): every meeting that takes it is listed; --committee narrows them")
    if not found:
        close = suggest_titles(ix, item)
        hint = f"; did you mean: {'? '.join(close)}?" if close else "; try fewer words"
        _say_error(repr(item), f"no meeting found{' for this committee' if committee else ''}{hint}")
        sys.exit(1)


@click.command("duplicates")
@_index_option
@FORMAT
def duplicates_cmd(index_dir, fmt):
    """Documents published more than once, grouped (near-identical text in several files)."""
    from minutebook.index.query import display_path, duplicates

    found = duplicates(_open(index_dir))
    if fmt == "json":
        click.echo(json.dumps(found, ensure_ascii=False, indent=2))
        return
    if not found:
        _say("no near-duplicates")
    for g in found:
        _say(f"{len(g['documents'])} copies, {g['score']:.1f}%+ alike: {g['documents'][0].get('title') or '(untitled)'}")
        for side in g["documents"]:
            item = f" item {side['item']}" if side.get("item") else ""
            _say(f"    {display_path(side['path'])} {side['document']}{item} {side.get('date') or ''}".rstrip())


@click.command("demo")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None, help="Extraction processes [default: all cores].")
@click.pass_context
def demo_cmd(ctx, jobs):
    """Ingest the bundled sample corpus into a temporary index and query it."""
    import tempfile
    from importlib.resources import files

    from minutebook.index.indicators import indicators_cmd

    corpus = str(files("minutebook.corpus"))
    with tempfile.TemporaryDirectory(prefix="minutebook-demo-") as tmp:
        click.echo(f"$ minutebook ingest {corpus} --index {tmp}")
        status = _run_ingest([corpus], tmp, jobs, False, False)
        steps = [
            (search_cmd, ['"temporary accommodation"', "--limit", "3"]),
            (search_cmd, ["fostering", "--from", "2025", "--limit", "3"]),
            (search_cmd, ["tenant~ hous*", "--limit", "2", "--format", "json"]),
            (resolutions_cmd, ["work programme", "--committee", "children and young people"]),
            (trace_cmd, ["Youth Hub"]),
            (indicators_cmd, ["CYP1"]),
            (duplicates_cmd, []),
        ]
        for command, args in steps:
            click.echo(f"\n$ minutebook {command.name} {' '.join(_quote(a) for a in args)}")
            try:
                ctx.invoke(command, **_params(command, args + ["--index", tmp]))
            except SystemExit as exc:
                status = status or int(exc.code or 0)
    sys.exit(status)


def _quote(arg: str) -> str:
    return f"'{arg}'" if " " in arg or '"' in arg else arg


def _params(command, args) -> dict:
    """Parse ``args`` the way the command's own parser would."""
    ctx = command.make_context(command.name, list(args))
    return ctx.params


@click.command("export")
@_index_option
@click.option("--sqlite", "db_path", type=click.Path(dir_okay=False), help="Write an SQLite database (tables with foreign keys, FTS5).")
@click.option("--csv", "csv_dir", type=click.Path(file_okay=False), help="Write one CSV file per table into this folder.")
def export_cmd(index_dir, db_path, csv_dir):
    """Meetings, agenda items, minutes, resolutions, attendance, documents, sections, tables and entities as related tables.

    The SQLite file opens in datasette or any SQLite tool; `records_fts` is a
    full-text (FTS5) table over titles and texts.
    """
    from minutebook.api import Index

    if not db_path and not csv_dir:
        raise click.UsageError("say where: --sqlite FILE and/or --csv DIR")
    _open(index_dir)  # one clear line when there is no index
    archive = Index(index_dir or default_index_dir())
    status = 0

    def note(path, reason):
        nonlocal status
        status = 1
        _say_error(path, reason)

    for target, write in ((db_path, archive.export_sqlite), (csv_dir, archive.export_csv)):
        if not target:
            continue
        try:
            counts = write(target, notify=note)
        except OSError as exc:
            _say_error(target, exc.strerror or str(exc))
            sys.exit(1)
        click.echo(f"{target}: " + ", ".join(f"{n} {table.replace('_', ' ')}" for table, n in counts.items()))
    sys.exit(status)


@click.command("serve")
@_index_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (the default is this machine only).")
@click.option("--port", type=click.IntRange(0, 65535), default=8080, show_default=True, help="Port (0: any free port).")
def serve_cmd(index_dir, host, port):
    """A local web page: search with facets, meeting pages, decision registers and trace timelines."""
    from werkzeug.serving import make_server

    from minutebook.web.app import create_app

    _open(index_dir)
    try:
        server = make_server(host, port, create_app(index_dir or default_index_dir()), threaded=True)
    except OSError as exc:
        _say_error(f"{host}:{port}", exc.strerror or str(exc))
        sys.exit(1)
    click.echo(f"serving {index_dir or default_index_dir()} on http://{host}:{server.server_port}/ (Ctrl-C stops)", )
    sys.stdout.flush()
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


def register(cli) -> None:
    from minutebook.index.indicators import indicators_cmd

    for command in (ingest_cmd, search_cmd, facets_cmd, resolutions_cmd, trace_cmd, duplicates_cmd, indicators_cmd, export_cmd,
                    serve_cmd, demo_cmd):
        cli.add_command(command)
