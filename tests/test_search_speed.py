"""What makes search fast must not change what it finds: column filters, quick fuzzy terms, merged segments."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import BUNDLED

from whoosh.query import FuzzyTerm, Or, Prefix, Term, Wildcard
from whoosh.query.compound import DefaultOr

from minutebook.index import union
from minutebook.index.ingest import ingest, open_index
from minutebook.index.query import SEARCH_FIELDS, Allowed, QuickFuzzyTerm, _segment_lexicon, filters, search, terms_within
from minutebook.index.union import QuickPrefix, QuickWildcard, quick


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


WORDS = [
    (lambda f: Prefix(f, "s"), lambda f: QuickPrefix(f, "s")),
    (lambda f: Prefix(f, "commit"), lambda f: QuickPrefix(f, "commit")),
    (lambda f: Prefix(f, "fost"), lambda f: QuickPrefix(f, "fost")),
    (lambda f: Wildcard(f, "c*?s"), lambda f: QuickWildcard(f, "c*?s")),
    (lambda f: FuzzyTerm(f, "housng", maxdist=2, prefixlength=0), lambda f: QuickFuzzyTerm(f, "housng", maxdist=2, prefixlength=0)),
]


def _ranked(searcher, q, limit=None):
    return [(h.docnum, round(h.score, 9)) for h in searcher.search(q, limit=limit)]


@pytest.mark.parametrize("whoosh_q,quick_q", WORDS)
def test_a_word_s_many_terms_find_and_score_what_whoosh_s_union_does(index, whoosh_q, quick_q, monkeypatch):
    """Whoosh scores a word's terms as a tree of unions in a segment of over 5,000 records; the
    bundled index is smaller, so it is taken for a large one here, and compared with that tree."""
    monkeypatch.setattr(union, "SMALL_SEGMENT", 0)
    with index.searcher() as s:
        reader = s.reader()
        ours = Or([quick_q(f) for f in SEARCH_FIELDS])
        tree = Or([DefaultOr([Term(f, w) for w in whoosh_q(f)._btexts(reader)]) for f in SEARCH_FIELDS])
        every = _ranked(s, tree)
        assert len(every) > 10
        assert _ranked(s, ours) == every
        for limit in (1, 5, 20):  # a top-N walks only the terms that can still lift a record into it
            assert _ranked(s, ours, limit) == every[:limit]
        assert set(s.docs_for_query(ours)) == {d for d, _ in every}


@pytest.mark.parametrize("whoosh_q,quick_q", WORDS)
def test_where_whoosh_counts_a_word_s_terms_unscored_so_do_we(index, whoosh_q, quick_q):
    with index.searcher() as s:
        assert _ranked(s, Or([quick_q(f) for f in SEARCH_FIELDS]), 10) == _ranked(s, Or([whoosh_q(f) for f in SEARCH_FIELDS]), 10)


def test_a_parsed_prefix_is_matched_as_one_union():
    q = quick(Or([Prefix("title", "hous"), Wildcard("text", "co?nc*"), Wildcard("text", "counc*")]))
    assert [type(x) for x in q.subqueries] == [QuickPrefix, QuickWildcard, QuickWildcard]
    assert type(q.subqueries[2].normalize()) is QuickPrefix


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


def _long_text(rng, words, size):
    """Filler words with the given words scattered, codes, money, stop words and long runs of punctuation."""
    filler = "the council noted report budget item of and to scheme 2024/25 £1.2m R2024-071 well-being ... ---- ;".split()
    out = []
    while sum(map(len, out)) < size:
        roll = rng.random()
        out.append(rng.choice(words) if roll < 0.01 else "." * rng.randint(20, 200) if roll < 0.015 else rng.choice(filler))
    return " ".join(out)


@pytest.mark.parametrize("query", ["fostering", "adoption fostering", "2024", "25", "scheme", "fost*", '"well being"', "council"])
def test_snippets_of_long_records_are_the_ones_whoosh_makes(tmp_path, query):
    import random

    from whoosh import highlight
    from whoosh.filedb.filestore import RamStorage

    from minutebook.index.query import Marker, _parser
    from minutebook.index.schema import make_schema
    from minutebook.index.snippets import Highlighter

    rng = random.Random(7)
    ix = RamStorage().create_index(make_schema())
    with ix.writer() as w:
        for n in range(30):
            w.add_document(rid=str(n), rtype="document", path="p", title="Fostering and adoption",
                           text=_long_text(rng, ["fostering", "adoption", "fosters", "2024/25-26", "well-being"], rng.choice((300, 5000, 40000))))
    q = _parser(ix.schema).parse(query)
    with ix.searcher() as s:
        got = []
        for make in (lambda **kw: highlight.Highlighter(**kw), lambda **kw: Highlighter(**kw)):
            results = s.search(q, limit=None)
            results.highlighter = make(fragmenter=highlight.ContextFragmenter(maxchars=220, surround=60), formatter=Marker())
            got.append([h.highlights("text", top=2) for h in results])
    assert any(got[0]) and got[1] == got[0]


def test_copies_fold_from_the_fold_column_as_from_their_stored_fields(tmp_path, monkeypatch):
    from whoosh import index as windex
    from whoosh.fields import Schema

    from minutebook.index import query
    from minutebook.index.duplicates import fold_value
    from minutebook.index.ingest import extract_one
    from minutebook.index.records import records_from_contract
    from minutebook.index.schema import make_schema

    docs, where = tmp_path / "docs", tmp_path / "ix"
    docs.mkdir(), where.mkdir()
    for name in ("note.txt", "note_copy.txt", "note_again.txt"):
        shutil.copy(BUNDLED / "hcc_youth_hub_note.txt", docs / name)
    new = make_schema()  # an index from before the fold column: ingest adds it and writes every record again
    ix = windex.create_in(str(where), Schema(**{n: new[n] for n in new.names() if n != "fold"}))
    with ix.writer() as w:
        for name in ("note.txt", "note_copy.txt"):
            path = str(docs / name)
            for rec in records_from_contract(extract_one(path)[0], path):
                w.add_document(**rec)
    ingest([str(docs)], str(where), jobs=1)
    ix = open_index(str(where))
    assert "fold" in ix.schema and len(ix._segments()) == 1
    with ix.searcher() as s:
        column = s.reader().column_reader("fold")
        grouped = [(n, f) for n, f in s.reader().iter_docs() if f.get("dup_group")]
        assert len(grouped) > 10 and all(column[n] == fold_value(f) for n, f in grouped)
    with_column = search(ix, "youth hub", limit=20)
    assert any(h["also_in"] for h in with_column["hits"])
    monkeypatch.setattr(query, "_fold_column", lambda reader: None)
    assert search(ix, "youth hub", limit=20) == with_column


@pytest.mark.parametrize("text", ["fostering", "housing committee", "\"youth hub\"", "fost*", "title:housing"])
def test_lengths_read_once_score_as_whoosh_s_bm25f(index, text):
    from minutebook.index.query import _parser
    from minutebook.index.union import IndexedBM25F, QuickBM25F

    q = _parser(index.schema).parse(text)
    with index.searcher(weighting=IndexedBM25F()) as plain, index.searcher(weighting=QuickBM25F()) as quick_:
        theirs = [(h.docnum, h.score) for h in plain.search(q, limit=None)]
        assert theirs and [(h.docnum, h.score) for h in quick_.search(q, limit=None)] == theirs
