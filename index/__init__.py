"""Searchable Whoosh index over the extraction JSON contract.

The index is built only from ``minutebook.output.to_json`` dicts, so it keeps
working whatever the extractor's internals become.
"""

from __future__ import annotations

import os

from platformdirs import user_data_dir

ENV_VAR = "MINUTEBOOK_INDEX"


def default_index_dir() -> str:
    """``$MINUTEBOOK_INDEX``, else the platform's per-user data directory."""
    return os.environ.get(ENV_VAR) or os.path.join(user_data_dir("minutebook"), "index")
