"""A paper held under several paths: its records' words indexed once, search and trace as with one copy."""

from __future__ import annotations

import os
import shutil

import pytest
from conftest import BUNDLED
from whoosh.query import Term

from minutebook.index.copies import COPY, content_key, silenced
from minutebook.index.ingest import ingest, open_index
from minutebook.index.query import search, trace
from minutebook.index.schema import make_schema

PACKS = ("hcc_cyp_2024-11-14.pdf", "hcc_hsg_2024-07-11.pdf")
QUERIES = ("fostering", "housing repairs", '"work programme"', "fost*", "title:panel", "adoptoin~1")


def _folder(where, name: str, packs=PACKS):
    folder = where / name
    folder.mkdir()
    for pack in packs:
        shutil.copy(BUNDLED / pack, folder / pack)
    return folder


def _shown(found: dict) -> list[tuple]:
    return [(h["type"], h["title"], h["score"], os.path.basename(h["file"])) for h in found["hits"]]


@pytest.fixture(scope="module")
def indexes(tmp_path_factory):
    """The two packs indexed once, and under three folders."""
    where = tmp_path_factory.mktemp("copies")
    folders = [_folder(where, name) for name in "abc"]
    ingest([str(folders[0])], str(where / "once"), jobs=1)
    ingest([str(f) for f in folders], str(where / "thrice"), jobs=1)
    return open_index(str(where / "once")), open_index(str(where / "thrice")), where


@pytest.mark.parametrize("text", QUERIES)
def test_copies_rank_score_and_count_as_one_record(indexes, text):
    once, thrice, where = indexes
    one, three = search(once, text, facets=True), search(thrice, text, facets=True)
    assert _shown(three) == _shown(one)
    assert (three["total"], three["facets"]) == (one["total"], one["facets"])
    for hit in three["hits"]:
        name = os.path.basename(hit["file"])
        assert hit["file"] == str(where / "a" / name)
        assert sorted(hit["also_in"]) == [str(where / "b" / name), str(where / "c" / name)]


def test_the_fostering_search_finds_the_panel_report_in_all_three_folders(indexes):
    _, thrice, where = indexes
    [hit] = [h for h in search(thrice, "fostering panel")["hits"] if h["title"] == "Fostering Panel Arrangements"]
    assert {os.path.dirname(p) for p in [hit["file"], *hit["also_in"]]} == {str(where / n) for n in "abc"}


def test_a_copy_keeps_its_words_stored_and_its_filter_fields_indexed(indexes):
    once, thrice, _ = indexes
    with once.searcher() as s1, thrice.searcher() as s3:
        leads = s1.doc_frequency("role", "lead")
        assert leads > 100 and s3.doc_frequency("role", "lead") == leads
        copies = list(s3.docs_for_query(COPY))
        assert len(copies) == 2 * leads
        stored = [s3.stored_fields(d) for d in copies]
        assert all(r.get("title") or r.get("text") for r in stored)
        assert not set(copies) & set(s3.docs_for_query(Term("text", "foster")))
        committee = next(r["committee"] for r in stored if r.get("committee"))
        assert set(copies) & set(s3.docs_for_query(Term("committee", committee)))


def test_trace_lists_each_appearance_s_copies(indexes):
    once, thrice, where = indexes
    one, three = trace(once, "Fostering Panel Arrangements"), trace(thrice, "Fostering Panel Arrangements")
    assert [(m["date"], m["committee"], m["title"]) for m in three] == [(m["date"], m["committee"], m["title"]) for m in one]
    first = three[0]["appearances"][0]
    assert os.path.dirname(first["file"]) == str(where / "a")
    assert sorted(map(os.path.dirname, first["also_in"])) == [str(where / "b"), str(where / "c")]


def test_removing_or_changing_the_lead_s_file_lets_a_copy_lead(tmp_path):
    folders = [_folder(tmp_path, name, PACKS[:1]) for name in "abc"]
    alone = _folder(tmp_path, "alone", PACKS[:1])
    ingest([str(alone)], str(tmp_path / "alone_ix"), jobs=1)
    expected = [(t, title) for t, title, _, _ in _shown(search(open_index(str(tmp_path / "alone_ix")), "fostering panel"))]
    where = str(tmp_path / "ix")

    def found() -> list[tuple]:
        hits = search(open_index(where), "fostering panel")["hits"]
        # Scores may differ a little: Whoosh counts deleted records in its statistics until segments merge.
        assert [(h["type"], h["title"]) for h in hits] == expected
        return sorted({(os.path.basename(os.path.dirname(h["file"])), *sorted(os.path.basename(os.path.dirname(p)) for p in h["also_in"]))
                       for h in hits})

    ingest([str(f) for f in folders], where, jobs=1)
    assert found() == [("a", "b", "c")]
    os.remove(folders[0] / PACKS[0])
    ingest([str(f) for f in folders], where, jobs=1, prune=True)
    assert found() == [("b", "c")]
    shutil.copy(BUNDLED / PACKS[1], folders[1] / PACKS[0])  # b's file now holds another paper
    ingest([str(f) for f in folders], where, jobs=1)
    assert found() == [("c",)]


def test_content_key_ignores_where_a_record_is_and_silencing_keeps_its_words_stored():
    rec = {"rid": "x.pdf::s1", "path": "x.pdf", "sha256": "ab", "rtype": "section", "title": "3 Budget",
           "text": "The budget was agreed.", "committee": "Cabinet", "date": "2025-03-04", "ent_org": "Kent County Council"}
    moved = {**rec, "rid": "y.pdf::s1", "path": "y.pdf", "sha256": "cd", "fold": b"k\ny.pdf", "dup_group": "g_1"}
    assert content_key(moved) == content_key(rec)
    assert content_key({**rec, "committee": "Scrutiny"}) != content_key(rec)
    assert content_key({"rid": "x.pdf::file", "rtype": "file", "path": "x.pdf"}) is None
    copy = silenced(moved, content_key(rec), make_schema())
    assert (copy["title"], copy["_stored_title"], copy["text"], copy["_stored_text"]) == ("", "3 Budget", "", "The budget was agreed.")
    assert copy["committee"] == "Cabinet" and copy["role"] == f"copy {content_key(rec)}"
