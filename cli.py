"""The ``minutebook`` command line."""

from __future__ import annotations

import functools
import json
import os
import sys

import click

from minutebook import __version__
from minutebook.index.commands import budget_options
from minutebook.progress import Bar


class PageProgress(Bar):
    """Pages of a long PDF read so far, and the rate."""

    def __init__(self):
        super().__init__(unit="page")

    def __call__(self, path: str, done: int, total: int) -> None:
        self.update(done, total, desc=os.path.basename(path))


def fail(path: str, reason: str) -> None:
    """The one-line error every command gives for a file it cannot use."""
    from minutebook.output import escape_controls

    click.echo(escape_controls(f"minutebook: {path}: {reason}"), err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="minutebook")
def cli():
    """Structured, searchable records from published council papers."""


def _files(paths) -> tuple[list[str], int]:
    """The files to read: folders give their supported files; a missing path fails here, with one line."""
    from minutebook.extract.read import supported_files

    notes: list[tuple[str, str]] = []
    found, errors = supported_files(paths, notes)
    for path, reason in errors + notes:
        fail(path, reason)
    return found, len(errors)


def _interruptible(command: str, results):
    """``results``, ending in one line and exit status 130 on Ctrl-C (the workers are stopped on the way out)."""
    try:
        yield from results
    except KeyboardInterrupt:
        results.close()
        fail(command, "interrupted")
        sys.exit(130)


def _extract_job(path, progress, password, ocr, entities, fmt):
    """Worker: one file's output (contract or text) and its notes."""
    from minutebook.extract import extract_file
    from minutebook.extract.caps import cap_warnings
    from minutebook.extract.ocr import page_notes
    from minutebook.index.ingest import tag_entities
    from minutebook.output import to_json, to_text

    ex = extract_file(path, password=password, ocr=ocr, progress=progress)
    notes = page_notes(ex.source) + cap_warnings(ex.source)
    if entities:
        untagged = tag_entities(ex)
        if untagged:
            notes.append(untagged)
    out = to_json(ex, display_path=path) if fmt == "json" else to_text(ex, markdown=fmt == "markdown")
    return out, notes


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["json", "text", "markdown"]), default="text", show_default=True)
@click.option("--password", default=None, help="Password for encrypted PDFs.")
@click.option("--ocr/--no-ocr", default=None, help="Read pages with no text layer (scans) with tesseract  [default: when it is installed].")
@click.option("--entities/--no-entities", default=True, show_default=True, help="Tag entities with the spaCy pipeline.")
@click.option("--quiet", "-q", is_flag=True, help="No progress line.")
@budget_options
def extract(files, fmt, password, ocr, entities, quiet, timeout, memory_mb):
    """Extract documents, sections, tables, meetings and entities from FILES (and the papers in folders).

    With one file, --format json prints the contract object; with several, a
    JSON array of them.
    """
    from minutebook.extract.budget import Budget, run_files
    from minutebook.extract.ocr import unavailable_reason
    from minutebook.output import escape_controls

    if ocr and unavailable_reason():  # asked for explicitly, so missing tesseract is an error
        raise click.UsageError(unavailable_reason())
    paths, failed = _files(files)
    results = []
    progress = PageProgress() if not quiet and sys.stderr.isatty() else None
    job = functools.partial(_extract_job, password=password, ocr=ocr is not False, entities=entities, fmt=fmt)
    for path, result, reason in _interruptible("extract", run_files(paths, job, Budget(timeout, memory_mb), on_page=progress)):
        if progress:
            progress.close()
        if reason is not None:
            fail(path, reason)
            failed += 1
            continue
        out, notes = result
        for note in notes:
            fail(path, note)
        if fmt == "json":
            results.append(out)
        else:
            click.echo(escape_controls(out, keep="\n\t"))
    if fmt == "json":
        single = len(files) == 1 and len(paths) == 1 and not os.path.isdir(files[0])
        payload = results[0] if single and results else results
        if results or not single:
            click.echo(escape_controls(json.dumps(payload, ensure_ascii=False, indent=2), keep="\n"))
    if failed:
        sys.exit(1)


def _entities_job(path, progress, terms, model):
    """Worker: the entities of one file."""
    from minutebook.extract import extract_file
    from minutebook.nlp import tag_documents

    ex = extract_file(path, progress=progress)
    return tag_documents(ex.documents, nlp=_nlp(model, terms))


@functools.lru_cache(maxsize=1)
def _nlp(model, terms):
    from minutebook.nlp import build_nlp

    return build_nlp(model=model, terms=terms)


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path())
@click.option("--terms", type=click.Path(exists=True, dir_okay=False), help="YAML file of extra terms: label, name, aliases.")
@click.option("--model", default=None, help="An installed spaCy English model whose PERSON/ORG spans may add to the rules.")
@click.option("--label", "labels", multiple=True, help="Only these labels (repeatable).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@budget_options
def entities(files, terms, model, labels, fmt, timeout, memory_mb):
    """List the entities in FILES (and the papers in folders) by label, with counts, one canonical name each."""
    from collections import Counter, defaultdict

    from minutebook.extract.budget import Budget, run_files
    from minutebook.nlp import canonicalize
    from minutebook.output import escape_controls

    try:
        _nlp(model, terms)  # a bad model or terms file fails once, here; workers inherit the pipeline
    except (OSError, ValueError) as exc:
        fail(terms if isinstance(exc, ValueError) and terms else model or "model", str(exc))
        sys.exit(2)
    paths, failed = _files(files)
    found = []
    job = functools.partial(_entities_job, terms=terms, model=model)
    for path, result, reason in _interruptible("entities", run_files(paths, job, Budget(timeout, memory_mb))):
        if reason is not None:
            fail(path, reason)
            failed += 1
        else:
            found.extend(result)
    canonicalize(found)  # one name per entity across all the files given
    counts: dict[str, Counter] = defaultdict(Counter)
    for e in found:
        if not labels or e.label in labels:
            counts[e.label][e.canonical] += 1
    if fmt == "json":
        click.echo(escape_controls(json.dumps({label: dict(c.most_common()) for label, c in sorted(counts.items())}, ensure_ascii=False, indent=2), keep="\n"))
    else:
        for label, c in sorted(counts.items()):
            click.echo(escape_controls(f"{label} ({sum(c.values())})"))
            for name, n in c.most_common():
                click.echo(escape_controls(f"  {n:4d}  {name}"))
    if failed:
        sys.exit(1)


from minutebook.index.commands import register

register(cli)


def main():
    cli()
