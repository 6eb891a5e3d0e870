"""The index schema: one Whoosh document per record.

A record is a file, a document, a section, a table, an agenda item, a minutes
item, a resolution, an indicator row (its observations in ``extra``) or a
near-duplicate group with its pairs (``rtype``). Words are stemmed so
"reports" finds "reported", but numbers, codes and money are kept whole
(``paper_analyzer``): "Progress 8", "NI 117", "24/00108", "£1.2m" and "2024/25"
are exact terms. Everything used to filter or facet is an exact
``ID``/``KEYWORD`` term; facet fields are sortable so counting reads a column
instead of un-inverting terms. Dates are ISO strings in a sortable ``ID``
field: lexicographic order is date order and records with no date simply lack
the field.
"""

from __future__ import annotations

import re
from functools import lru_cache
from string import ascii_lowercase

from whoosh.analysis import STOP_WORDS, Filter, Token, Tokenizer
from whoosh.columns import VarBytesColumn
from whoosh.fields import COLUMN, ID, KEYWORD, NUMERIC, STORED, TEXT, Schema
from whoosh.lang.porter import stem

LABELS = ("TEAM", "INDICATOR", "PERSON", "ORG", "COMMITTEE", "LEGISLATION", "PLACE", "MONEY", "DATE")
RECORD_TYPES = ("document", "section", "table", "agenda_item", "minutes_item", "resolution", "indicator")

# A sum of money ("£1.2m", "$3,400", "€15k") or a run of word characters joined by . / - ("2024/25", "e.g").
TOKEN = re.compile(r"[£$€]\d+(?:[.,]\d+)*[^\W\d_]*|\w+(?:[./-]\w+)*")
JOINS = re.compile(r"[/-]")
DIGIT = re.compile(r"\d")
STOPS = frozenset(STOP_WORDS) | frozenset(ascii_lowercase)


class PaperTokenizer(Tokenizer):
    """Words, and numbers/codes/money whole.

    A match holding a digit ("2024/25", "R2024-071", "£1.2m", "4.1") is one
    token, so a query for it is exact; when indexing, its pieces ("2024",
    "25"; "1.2m") follow it at the same position, so a query for a piece
    finds it too. A match without digits ("well-being", "and/or") is split
    at / and -, as words.
    """

    def __eq__(self, other):
        return self.__class__ is other.__class__

    def __call__(self, value, positions=False, chars=False, keeporiginal=False, removestops=True, start_pos=0,
                 start_char=0, tokenize=True, mode="", **kwargs):
        t = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        pos = start_pos
        for match in TOKEN.finditer(value) if tokenize else [re.match(r"(?s).*", value)]:
            text, at = match.group(0), match.start()
            coded = bool(DIGIT.search(text))
            pieces = [(text, at, False)]
            if coded and mode == "index":
                pieces += [(p.group(0), at + p.start(), True) for p in _pieces(text) if p.group(0) != text]
            elif not coded and JOINS.search(text):
                pieces = [(p.group(0), at + p.start(), False) for p in re.finditer(r"[^/-]+", text)]
            for piece, start, part in pieces:
                t.text, t.boost, t.stopped, t.part = piece, 1.0, False, part
                if keeporiginal:
                    t.original = piece
                if positions:
                    t.pos = pos - 1 if part else pos
                if chars:
                    t.startchar, t.endchar = start_char + start, start_char + start + len(piece)
                yield t
                pos += not part


def _pieces(text: str):
    """The parts of a code joined by / or -, and a sum without its currency sign."""
    return re.finditer(r"[^£$€/-]+", text)


@lru_cache(maxsize=50000)
def _stem(word: str) -> str:
    return stem(word)


class PaperFilter(Filter):
    """Lower case; stop words and single letters out, but never a token with a digit ("Progress 8").

    Positions are renumbered over the kept tokens (as ``StopFilter`` does), a
    code's pieces keeping their code's position.
    """

    def __eq__(self, other):
        return self.__class__ is other.__class__

    def __call__(self, tokens):
        pos = None
        for t in tokens:
            t.text = t.text.lower()
            if t.text in STOPS:
                if not t.removestops:
                    t.stopped = True
                    yield t
                continue
            if t.positions:
                pos = t.pos if pos is None else pos + (not getattr(t, "part", False))
                t.pos = pos
            t.stopped = False
            yield t


class StemWords(Filter):
    """Porter stems of words; numbers, codes and money as they are. A morph filter, so wildcards skip it."""

    is_morph = True

    def __eq__(self, other):
        return self.__class__ is other.__class__

    def __call__(self, tokens):
        for t in tokens:
            if not t.stopped and not DIGIT.search(t.text):
                t.text = _stem(t.text)
            yield t


def paper_analyzer():
    return PaperTokenizer() | PaperFilter() | StemWords()


def entity_field(label: str) -> str:
    return "ent_" + label.lower()


def make_schema() -> Schema:
    stem = paper_analyzer()
    fields = {
        "rid": ID(unique=True, stored=True),
        "rtype": ID(stored=True),
        "path": ID(stored=True),
        "sha256": ID(stored=True),
        "document": ID(stored=True),
        "doc_key": ID(stored=True),
        "doc_title": STORED(),
        "kind": ID(stored=True, sortable=True),
        "committee": ID(stored=True, sortable=True),
        "committee_text": TEXT(analyzer=stem),
        "date": ID(stored=True, sortable=True),
        "year": ID(stored=True, sortable=True),
        "item": ID(stored=True),
        "minute": ID(stored=True),
        "number": ID(stored=True),
        "title": TEXT(stored=True, analyzer=stem, field_boost=2.0),
        "text": TEXT(stored=True, analyzer=stem),
        "entities": KEYWORD(stored=True, commas=True, lowercase=True),
        "entity_names": TEXT(analyzer=stem),
        "page": NUMERIC(stored=True),
        "extra": STORED(),
        # Near-duplicates (index/duplicates.py): a document's sketch terms, its group's record's member terms, its group id.
        "lsh": KEYWORD(),
        "dup_terms": KEYWORD(),
        "dup_group": ID(stored=True),
        # A grouped record's copy key and path (``duplicates.fold_value``): search folds copies reading this column,
        # not every copy's stored fields.
        "fold": COLUMN(VarBytesColumn()),
        # Records repeating another word for word (index/copies.py): the content key a record leads (its column is
        # read by search), and each record's role: ``lead``, or ``copy`` with its lead's key.
        "same": ID(sortable=True),
        "role": KEYWORD(),
    }
    for label in LABELS:
        fields[entity_field(label)] = KEYWORD(stored=True, commas=True, lowercase=True, scorable=True)
    return Schema(**fields)
