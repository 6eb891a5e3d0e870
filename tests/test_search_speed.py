"""What makes search fast must not change what it finds: column filters, quick fuzzy terms, merged segments."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import BUNDLED

from minutebook.index.ingest import ingest, open_index
from minutebook.index.query import Allowed, _segment_lexicon, filters, terms_within


@pytest.fixture(scope="module")
def index(bundled_index):
    return open_index(bundled_index)


@pytest.mark.parametrize("opts", [
    {"committee": "scrutiny"},
    {"committee": "housing"},
    {"date_from": "2025"},
    {"date_to": "2024-12"},
    {"date_from": "2024-09", "date_to": "2025-03-13"},
    {"kind": "minutes"},
    {"committee": "children", "kind": "agenda", "date_from": "2024"},
    {"entities": ["PERSON:Okafor"]},
    {"rtypes": ("resolution",)},
])
def test_a_filter_tested_record_by_record_allows_what_the_filter_query_matches(index, opts):
    with index.searcher() as s:
        flt, _ = filters(s.reader(), **opts)
        wanted = set(s.docs_for_query(flt))
        allowed = Allowed(s, flt)
        got = {d for d in range(s.reader().doc_count_all()) if d in allowed}
    assert wanted and got == wanted


@pytest.mark.parametrize("word,maxdist,prefix", [("fosterng", 1, 0), ("tennant", 1, 0), ("comittee", 2, 0), ("hosuing", 1, 1), ("zzzz", 1, 0)])
def test_fuzzy_terms_are_the_ones_whoosh_finds(index, word, maxdist, prefix):
    with index.searcher() as s:
        reader = s.reader()
        for field in ("text", "title"):
            assert terms_within(reader, field, word, maxdist, prefix) == list(reader.terms_within(field, word, maxdist, prefix))
    with index.searcher() as s:
        assert terms_within(s.reader(), "text", "tennant", 1) == ["tenant"]


def test_a_field_s_terms_cut_from_the_terms_file_are_the_ones_whoosh_walks(index):
    with index.searcher() as s:
        reader = s.reader()
        for field in ("title", "text", "entity_names", "committee_text", "committee", "rid", "entities"):
            walked = [w.decode("utf-8") for w in reader.lexicon(field)]
            assert walked and _segment_lexicon(reader, field) == walked
        assert _segment_lexicon(reader, "no_such_field") == []


def test_an_ingest_that_adds_much_leaves_one_segment_of_plain_files(tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir(), second.mkdir()
    pdfs = sorted(BUNDLED.glob("*.pdf"))
    for p in pdfs[:2]:
        shutil.copy(p, first)
    for p in pdfs[2:]:
        shutil.copy(p, second)
    where = str(tmp_path / "ix")
    ingest([str(first)], where, jobs=1)
    ingest([str(second)], where, jobs=1)
    ix = open_index(where)
    assert len(ix._segments()) == 1
    assert not list(Path(where).glob("*.seg"))  # a compound segment is copied into memory by every searcher
    with ix.searcher() as s:
        assert {Path(p).name for p in (f["path"] for f in s.documents(rtype="file"))} == {p.name for p in pdfs}
