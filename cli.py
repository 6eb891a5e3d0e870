"""The ``minutebook`` command line."""

from __future__ import annotations

import click

from minutebook import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="minutebook")
def cli():
    """Structured, searchable records from published council papers."""


def main():
    cli()
