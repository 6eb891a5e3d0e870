"""A disk cache for the entity pipeline's compiled patterns.

Turning the gazetteer's names into phrase-matcher keys tokenises every
name; the result (token hashes per name) depends only on minutebook's
version, spaCy's version, the shipped pattern files and the user's terms
file, so it is kept in the user cache dir under a key made of all four. An
entry is plain JSON, written to a temporary file and renamed into place, so
a reader sees a whole entry or none; one that cannot be read or has the
wrong shape is ignored and rebuilt.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

ENV_VAR = "MINUTEBOOK_NLP_CACHE"


def cache_dir() -> Path | None:
    """``$MINUTEBOOK_NLP_CACHE`` (empty: nowhere, compile every time), else ``nlp`` in the user's cache dir.

    As ``$MINUTEBOOK_OCR_CACHE`` does for OCR; the user's cache dir is
    ``$XDG_CACHE_HOME/minutebook`` (``~/.cache/minutebook``) on Linux.
    """
    chosen = os.environ.get(ENV_VAR)
    if chosen is not None:
        return Path(chosen) if chosen else None
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("minutebook")) / "nlp"


def key(*parts: str | bytes) -> str:
    """A cache key from versions, settings and file contents."""
    h = hashlib.sha256()
    for part in parts:
        data = part if isinstance(part, bytes) else part.encode("utf-8")
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()[:24]


def file_bytes(*paths: str | Path) -> bytes:
    """The contents of ``paths`` (a missing one reads as nothing), to key a cache entry on."""
    out = []
    for p in paths:
        try:
            out.append(Path(p).read_bytes())
        except OSError:
            out.append(b"")
    return b"\0".join(out)


def load(name: str, valid) -> object | None:
    """The entry ``name`` if present, readable and ``valid(entry)``; else ``None``."""
    where = cache_dir()
    if where is None:
        return None
    try:
        entry = json.loads((where / f"{name}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    try:
        return entry if valid(entry) else None
    except (TypeError, KeyError, AttributeError, ValueError):
        return None


def store(name: str, entry) -> None:
    """Write ``entry`` atomically; a cache that cannot be written is only slower, never an error."""
    where = cache_dir()
    if where is None:
        return
    try:
        where.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=where, prefix=f".{name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(entry, f, separators=(",", ":"))
            os.replace(tmp, where / f"{name}.json")
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError:
        pass
