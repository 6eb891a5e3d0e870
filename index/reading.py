"""Reading the index while an ingest writes it."""

from __future__ import annotations

import functools

READS = 5  # a search overtaken by this many commits in a row gives up and says why


def reread_if_committed(fn):
    """``fn(ix, …)`` read again when an ingest's commit overtook it.

    A commit deletes the files of the segments it replaced, and Whoosh opens
    a segment's files only when a search first reads them, so a search begun
    on the previous table of contents can find one gone (a missing column
    file reads as ``None``). The newer generation holds them all: the same
    read on it is whole. A failure with no commit in between is raised as is.
    """

    @functools.wraps(fn)
    def read(ix, *args, **kwargs):
        for left in range(READS, 0, -1):
            generation = ix.latest_generation()
            try:
                return fn(ix, *args, **kwargs)
            except (OSError, TypeError, KeyError, ValueError):
                if left == 1 or ix.latest_generation() == generation:
                    raise

    return read


def column_value(column, docnum) -> str:
    """A record's value in a sortable field's column, "" when it has none.

    A segment's column stops at its last record with a value, so a record
    after it reads past the end.
    """
    try:
        return column[docnum]
    except IndexError:
        return ""
