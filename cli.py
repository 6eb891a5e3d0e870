"""The ``minutebook`` command line."""

from __future__ import annotations

import json
import sys

import click

from minutebook import __version__


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
@click.option("--entities/--no-entities", default=True, show_default=True, help="Tag entities with the spaCy pipeline.")
def extract(files, fmt, password, entities):
    """Extract documents, sections, tables, meetings and entities from FILES.

    With one file, --format json prints the contract object; with several, a
    JSON array of them.
    """
    from minutebook.extract import ReadError, extract_file
    from minutebook.output import to_json, to_text

    results, failed = [], 0
    for path in files:
        try:
            ex = extract_file(path, password=password)
        except ReadError as exc:
            fail(path, str(exc))
            failed += 1
            continue
        if entities:
            _tag(ex)
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


def _tag(ex) -> None:
    """Add entities when the spaCy pipeline is available."""
    try:
        from minutebook.nlp import canonicalize, tag_documents
    except ImportError:
        return
    ex.entities = tag_documents(ex.documents)
    canonicalize(ex.entities)


from minutebook.index.commands import register

register(cli)


def main():
    cli()
