"""Shared test fixtures: where the bundled and the development corpora live."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "corpus"
SHARED = ROOT.parent / "shared" / "corpus"
STEMS = [
    "000_605681e43db76aa2",
    "001_70795ba4a3317528",
    "002_05a01629dbb77399",
    "003_d76ec875019dacb5",
    "004_0ab796b4501ffa23",
]

needs_shared = pytest.mark.skipif(
    not (SHARED / "gold").is_dir(),
    reason="development corpus ../shared/corpus is not beside this checkout",
)


@pytest.fixture(scope="session", autouse=True)
def private_cache(tmp_path_factory):
    """The pipeline's pattern cache in a temp dir: tests never read or fill the user's own."""
    import os

    old = os.environ.get("MINUTEBOOK_NLP_CACHE")
    os.environ["MINUTEBOOK_NLP_CACHE"] = str(tmp_path_factory.mktemp("cache"))
    yield
    if old is None:
        del os.environ["MINUTEBOOK_NLP_CACHE"]
    else:
        os.environ["MINUTEBOOK_NLP_CACHE"] = old


def gold(stem: str) -> dict:
    return json.loads((SHARED / "gold" / f"{stem}.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def bundled_index(tmp_path_factory) -> str:
    """An index of the bundled corpus, built once for the tests that only read it."""
    from minutebook.index.ingest import ingest

    where = str(tmp_path_factory.mktemp("bundled-index"))
    report = ingest([str(BUNDLED)], where, jobs=1)
    assert not report.errors, report.errors
    return where


@pytest.fixture(scope="session")
def shared_ix(tmp_path_factory):
    """One index of the development PDFs for the whole session: (the Whoosh index, its folder)."""
    from whoosh import index as windex

    from minutebook.index.ingest import ingest

    if not (SHARED / "pdf").is_dir():
        pytest.skip("development corpus ../shared/corpus is not beside this checkout")
    where = str(tmp_path_factory.mktemp("ix"))
    report = ingest([str(SHARED / "pdf")], where, jobs=2)
    assert not report.errors, report.errors
    return windex.open_dir(where), where
