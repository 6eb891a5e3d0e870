"""Click commands for the index: ingest, search, resolutions, trace, duplicates, demo.

Defined here and attached by ``register(cli)`` so cli.py stays a thin list.
"""

from __future__ import annotations

import json
import sys

import click

from minutebook.progress import StatusLine

from minutebook.index import ENV_VAR, default_index_dir

FORMAT = click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)


def _index_option(f):
    return click.option(
        "--index", "index_dir", envvar=ENV_VAR, default=None, metavar="DIR",
        help=f"Index directory [default: ${ENV_VAR} or {default_index_dir()}].",
    )(f)


def _filter_options(f):
    f = click.option("--to", "date_to", metavar="DATE", help="Meetings on or before DATE (YYYY[-MM[-DD]]).")(f)
    f = click.option("--from", "date_from", metavar="DATE", help="Meetings on or after DATE (YYYY[-MM[-DD]]).")(f)
    return click.option("--committee", help="Words of the committee's name.")(f)


def _say_error(path: str, reason: str) -> None:
    click.echo(f"minutebook: {path}: {reason}", err=True)


def _open(index_dir: str | None):
    from whoosh import index as windex

    index_dir = index_dir or default_index_dir()
    if not windex.exists_in(index_dir):
        _say_error(index_dir, "no index here: run `minutebook ingest PATH…` first")
        sys.exit(1)
    from minutebook.index.ingest import open_index

    return open_index(index_dir)


class Progress(StatusLine):
    """Files done and pages per second, on one stderr line."""

    def __call__(self, done: int, total: int, pages: int) -> None:
        self.show(f"ingest: {done}/{total} files ({self.rate(done):.1f}/s), {pages} pages ({self.rate(pages):.1f}/s)")

    def note(self, path: str, message: str) -> None:
        """A file's error or note, printed when it happens, above the progress line."""
        self.close()
        _say_error(path, message)


def _run_ingest(paths, index_dir, jobs, prune, quiet, password=None, ocr=False, timeout=None) -> int:
    from minutebook.index.ingest import DEFAULT_TIMEOUT, IndexBusy, ingest

    progress = Progress(enabled=not quiet and sys.stderr.isatty())
    try:
        report = ingest(paths, index_dir, jobs=jobs, prune=prune, progress=progress, password=password, ocr=ocr,
                        timeout=timeout or DEFAULT_TIMEOUT, notify=progress.note)
    except IndexBusy as exc:
        _say_error(index_dir, str(exc))
        return 2
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
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=300, show_default=True, metavar="SECONDS",
              help="Skip a file whose extraction takes longer than this.")
def ingest_cmd(paths, index_dir, prune, quiet, jobs, password, ocr, timeout):
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
    sys.exit(_run_ingest(paths, index_dir or default_index_dir(), jobs, prune, quiet, password, ocr, timeout))


def _where(h: dict) -> str:
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
    return " · ".join(parts) + f"\n     {display_path(h['file'])}{page}"


@click.command("search")
@click.argument("query")
@_index_option
@_filter_options
@click.option("--kind", help="Document kind: agenda, minutes, briefing_note, report, appendix, …")
@click.option("--entity", "entities", multiple=True, metavar="LABEL:NAME", help="Records naming this entity (repeatable).")
@click.option("--limit", type=click.IntRange(min=1), default=10, show_default=True)
@FORMAT
def search_cmd(query, index_dir, committee, date_from, date_to, kind, entities, limit, fmt):
    """Search the index (Whoosh syntax: "phrases", field:word, wild*, fuzzy~)."""
    from minutebook.index.query import display_path, search

    ix = _open(index_dir)
    try:
        found = search(ix, query, limit=limit, facets=fmt == "json", committee=committee, date_from=date_from, date_to=date_to,
                       kind=kind, entities=entities)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None
    if fmt == "json":
        click.echo(json.dumps(found, ensure_ascii=False, indent=2))
        return
    if not found["hits"]:
        click.echo("no matches")
        return
    for n, h in enumerate(found["hits"], start=1):
        click.echo(f"{n:2}. {h['title'] or '(untitled)'}  [{h['type']}{', ' + h['kind'] if h.get('kind') else ''}]")
        click.echo(f"     {_where(h)}")
        if h["also_in"]:
            click.echo("     also in: " + ", ".join(display_path(p) for p in h["also_in"]))
        if h.get("snippet"):
            snippet = " ".join(h["snippet"].split())
            click.echo("     " + (snippet[:300] + " …" if len(snippet) > 300 else snippet))
    click.echo(f"({len(found['hits'])} shown of {'at least ' if found['more'] else ''}{found['total']} matching records)")


@click.command("resolutions")
@click.argument("query", required=False)
@_index_option
@_filter_options
@FORMAT
def resolutions_cmd(query, index_dir, committee, date_from, date_to, fmt):
    """Resolutions in date order with their minute numbers and clauses."""
    from minutebook.index.query import resolutions

    ix = _open(index_dir)
    try:
        found = resolutions(ix, query, committee=committee, date_from=date_from, date_to=date_to)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None
    if fmt == "json":
        click.echo(json.dumps(found, ensure_ascii=False, indent=2))
        return
    if not found:
        click.echo("no resolutions")
    for r in found:
        click.echo(f"{r['date'] or '(undated)'}  {r['committee'] or '(committee unknown)'}  minute {r['minute'] or '?'}: {r['title'] or ''}")
        for i, c in enumerate(r["clauses"], start=1):
            click.echo(f"    {i}) {c}")
        if not r["clauses"]:
            click.echo(f"    {r['text']}")


@click.command("trace")
@click.argument("item")
@_index_option
@FORMAT
def trace_cmd(item, index_dir, fmt):
    """Every meeting where ITEM was on the agenda, minuted or reported, newest first."""
    from minutebook.index.query import display_path, trace

    found = trace(_open(index_dir), item)
    if fmt == "json":
        keys = ("committee", "date", "title", "document", "page")
        click.echo(json.dumps([{k: m[k] for k in keys} | {"file": m["file"]} for m in found], ensure_ascii=False, indent=2))
        return
    if not found:
        click.echo(f"no meeting found for {item!r}")
        return
    for m in found:
        click.echo(f"{m['date']}  {m['committee'] or '(committee unknown)'}{'  (planned)' if m['planned'] else ''}")
        for a in m["appearances"]:
            where = {"agenda_item": f"agenda item {a['agenda_item']}", "minutes_item": f"minute {a['minute']}",
                     "resolution": f"resolution, minute {a['minute']}"}.get(a["type"], (a["kind"] or "document").replace("_", " "))
            page = f" p.{a['page']}" if a["page"] else ""
            also = f" +{len(a['also_in'])} cop{'y' if len(a['also_in']) == 1 else 'ies'}" if a["also_in"] else ""
            click.echo(f"    {where}: {a['title']}  ({display_path(a['file'])}{page}{also})")
    latest = next((m for m in found if not m["planned"]), found[0])
    click.echo(f"last reported: {latest['date']}, {latest['committee'] or '(committee unknown)'}")


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
        click.echo("no near-duplicates")
    for g in found:
        click.echo(f"{len(g['documents'])} copies, {g['score']:.1f}%+ alike: {g['documents'][0].get('title') or '(untitled)'}")
        for side in g["documents"]:
            item = f" item {side['item']}" if side.get("item") else ""
            click.echo(f"    {display_path(side['path'])} {side['document']}{item} {side.get('date') or ''}".rstrip())


@click.command("demo")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None, help="Extraction processes [default: all cores].")
@click.pass_context
def demo_cmd(ctx, jobs):
    """Ingest the bundled sample corpus into a temporary index and query it."""
    import tempfile
    from importlib.resources import files

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
    for command in (ingest_cmd, search_cmd, resolutions_cmd, trace_cmd, duplicates_cmd, demo_cmd, export_cmd, serve_cmd):
        cli.add_command(command)
