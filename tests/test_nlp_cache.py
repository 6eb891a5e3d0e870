"""The entity pipeline's compiled patterns, cached on disk (``nlp.cache``)."""

from __future__ import annotations

import json

import pytest
from conftest import BUNDLED

from minutebook.nlp import build_nlp, components

TEXT = (BUNDLED / "hcc_youth_hub_note.txt").read_text(encoding="utf-8")


@pytest.fixture
def cache(tmp_path, monkeypatch):
    where = tmp_path / "cache"
    monkeypatch.setenv("MINUTEBOOK_NLP_CACHE", str(where))
    return where


def ents(nlp, text: str = TEXT) -> list[tuple]:
    return [(e.start_char, e.end_char, e.label_, e.kb_id_) for e in nlp(text).ents]


def no_compiling(monkeypatch):
    """From here on, building the pipeline must read the cache: compiling fails the test."""
    def refuse(*args):
        raise AssertionError("compiled again instead of reading the cache")

    monkeypatch.setattr(components, "_compile_gazetteer", refuse)


def test_cached_pipeline_tags_what_a_fresh_one_tags(cache, monkeypatch):
    fresh = ents(build_nlp())
    assert len(list(cache.glob("gazetteer-*.json"))) == 1
    no_compiling(monkeypatch)
    cached = build_nlp()
    assert ents(cached) == fresh
    labels = {label for _, _, label, _ in fresh}
    assert {"ORG", "COMMITTEE", "TEAM"} <= labels, labels
    monkeypatch.undo()  # compiling allowed again, and no cache at all:
    monkeypatch.setenv("MINUTEBOOK_NLP_CACHE", "")
    assert ents(build_nlp()) == fresh


def test_changed_terms_file_misses_the_cache(cache, tmp_path):
    terms = tmp_path / "terms.yml"
    terms.write_text("- label: TEAM\n  name: Skylark Crew\n")
    text = "the skylark crew met the bramble ring."  # lower case: only the terms file names them
    assert [t[2:] for t in ents(build_nlp(terms=terms), text)] == [("TEAM", "Skylark Crew")]
    terms.write_text("- label: TEAM\n  name: Skylark Crew\n- label: TEAM\n  name: Bramble Ring\n")
    assert [t[2:] for t in ents(build_nlp(terms=terms), text)] == [("TEAM", "Skylark Crew"), ("TEAM", "Bramble Ring")]
    assert len(list(cache.glob("gazetteer-*.json"))) == 2


def test_missing_terms_file_is_still_an_error_after_caching(cache, tmp_path):
    terms = tmp_path / "terms.yml"
    terms.write_text("- label: TEAM\n  name: Skylark Crew\n")
    build_nlp(terms=terms)
    terms.unlink()
    with pytest.raises(OSError):
        build_nlp(terms=terms)


@pytest.mark.parametrize("damage", ["{not json", json.dumps({"loose": 3}), json.dumps({"loose": {"TEAM\x1fX": [["a"]]}, "exact": {}}), ""])
def test_corrupt_cache_is_rebuilt(cache, damage):
    fresh = ents(build_nlp())
    [entry] = cache.glob("gazetteer-*.json")
    good = json.loads(entry.read_text())
    entry.write_text(damage)
    assert ents(build_nlp()) == fresh
    assert json.loads(entry.read_text()) == good


def test_unwritable_cache_only_costs_time(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("MINUTEBOOK_NLP_CACHE", str(blocker / "cache"))
    assert ents(build_nlp())
