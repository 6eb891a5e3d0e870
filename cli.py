"""The ``minutebook`` command line."""

from __future__ import annotations

import json
import sys

import click

from minutebook import __version__
from minutebook.progress import StatusLine


class PageProgress(StatusLine):
    """Pages of a long PDF read so far, and the rate."""

    def __init__(self, path: str):
        super().__init__()
        self.path = path

    def __call__(self, done: int, total: int) -> None:
        self.show(f"{self.path}: page {done}/{total} ({self.rate(done):.1f} pages/s)")


def fail(path: str, reason: str) -> None:
    """The one-line error every command gives for a file it cannot use."""
    click.echo(f"minutebook: {path}: {reason}", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="minutebook")
def cli():
    """Structured, searchable records from published council papers."""


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["json", "text", "markdown"]), default="text", show_default=True)
@click.option("--password", default=None, help="Password for encrypted PDFs.")
@click.option("--ocr/--no-ocr", default=None, help="Read pages with no text layer (scans) with tesseract  [default: when it is installed].")
@click.option("--entities/--no-entities", default=True, show_default=True, help="Tag entities with the spaCy pipeline.")
@click.option("--quiet", "-q", is_flag=True, help="No progress line.")
def extract(files, fmt, password, ocr, entities, quiet):
    """Extract documents, sections, tables, meetings and entities from FILES.

    With one file, --format json prints the contract object; with several, a
    JSON array of them.
    """
    from minutebook.extract import ReadError, extract_file
    from minutebook.extract.ocr import page_notes, unavailable_reason
    from minutebook.index.ingest import tag_entities
    from minutebook.output import to_json, to_text

    if ocr and unavailable_reason():  # asked for explicitly, so missing tesseract is an error
        raise click.UsageError(unavailable_reason())
    results, failed = [], 0
    show = not quiet and sys.stderr.isatty()
    for path in files:
        progress = PageProgress(path) if show else None
        try:
            ex = extract_file(path, password=password, ocr=ocr is not False, progress=progress)
        except ReadError as exc:
            fail(path, str(exc))
            failed += 1
            continue
        finally:
            if progress:
                progress.close()
        for note in page_notes(ex.source):
            fail(path, note)
        if entities:
            untagged = tag_entities(ex)
            if untagged:
                fail(path, untagged)
        if fmt == "json":
            results.append(to_json(ex, display_path=path))
        else:
            click.echo(to_text(ex, markdown=fmt == "markdown"))
    if fmt == "json":
        payload = results[0] if len(files) == 1 and results else results
        if results or len(files) > 1:
            click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
    if failed:
        sys.exit(1)


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--terms", type=click.Path(exists=True, dir_okay=False), help="YAML file of extra terms: label, name, aliases.")
@click.option("--model", default=None, help="An installed spaCy English model whose PERSON/ORG spans may add to the rules.")
@click.option("--label", "labels", multiple=True, help="Only these labels (repeatable).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def entities(files, terms, model, labels, fmt):
    """List the entities in FILES by label, with counts, one canonical name each."""
    from collections import Counter, defaultdict

    from minutebook.extract import ReadError, extract_file
    from minutebook.nlp import build_nlp, canonicalize, tag_documents

    try:
        nlp = build_nlp(model=model, terms=terms)
    except (OSError, ValueError) as exc:
        raise click.ClickException(str(exc)) from None
    found, failed = [], 0
    for path in files:
        try:
            ex = extract_file(path)
        except ReadError as exc:
            fail(path, str(exc))
            failed += 1
            continue
        found.extend(tag_documents(ex.documents, nlp=nlp))
    canonicalize(found)  # one name per entity across all the files given
    counts: dict[str, Counter] = defaultdict(Counter)
    for e in found:
        if not labels or e.label in labels:
            counts[e.label][e.canonical] += 1
    if fmt == "json":
        click.echo(json.dumps({label: dict(c.most_common()) for label, c in sorted(counts.items())}, ensure_ascii=False, indent=2))
    else:
        for label, c in sorted(counts.items()):
            click.echo(f"{label} ({sum(c.values())})")
            for name, n in c.most_common():
                click.echo(f"  {n:4d}  {name}")
    if failed:
        sys.exit(1)


from minutebook.index.commands import register

register(cli)


def main():
    cli()
