"""Matching and scoring quicker than Whoosh's own, giving Whoosh's records and scores.

One query word's many terms (a prefix, a wildcard, a fuzzy word) are matched as one union.

Whoosh ORs a word's expansions as a tree of two-way unions and, every few
records, works out each node's best possible score again from its leaves, so
a prefix of 170 terms ("inter*") costs most of a second at 100k records. A
union of single terms needs none of that: each term's best score is a
constant. ``TermUnion`` keeps the terms in a heap by their next record and,
once the collector knows the score a record must beat, walks only the terms
that could lift a record above it (MaxScore); the others are looked up only
for the records the walked ones find. Records and scores are Whoosh's own:
each term's matcher and scorer are Whoosh's, and a record's score is the sum
of its terms' scores.
"""

from __future__ import annotations

import heapq
from math import log

from whoosh import matching, scoring
from whoosh.codec.whoosh3 import LENGTHS_COLUMN
from whoosh.matching.mcore import Matcher, ReadTooFar
from whoosh.query import Or, Prefix, Term, Wildcard
from whoosh.util.numeric import byte_to_length

from minutebook.index.copies import WORDS, indexed_count


class TermUnion(Matcher):
    """Records holding any of ``subs`` (term matchers), each scored by the sum of its terms' scores.

    ``_lead`` terms sit in ``_heap`` by their next record, except those on
    the current record (``_here``); the other terms wait in ``_rest`` and
    are moved up to the current record only when it is scored.
    """

    def __init__(self, subs: list):
        self._subs = [m for m in subs if m.is_active()]
        self._best = [m.max_quality() for m in self._subs]
        self._weakest = sorted(range(len(self._subs)), key=lambda i: self._best[i])
        self._bound = sum(self._best)
        self._lead = frozenset(range(len(self._subs)))
        self._rest: list[tuple[int, int]] = []
        self._heap = [(m.id(), i) for i, m in enumerate(self._subs)]
        heapq.heapify(self._heap)
        self._settle()

    def __repr__(self):
        return f"TermUnion({len(self._lead)} of {len(self._subs)} terms walked)"

    def _settle(self):
        """Take the lead terms on the next record off the heap."""
        heap = self._heap
        self._here = []
        if heap:
            doc = self._doc = heap[0][0]
            while heap and heap[0][0] == doc:
                self._here.append(heapq.heappop(heap)[1])

    def _push(self, i):
        m = self._subs[i]
        if m.is_active():
            heapq.heappush(self._heap, (m.id(), i))

    def is_active(self):
        return bool(self._here)

    def id(self):
        if not self._here:
            raise ReadTooFar
        return self._doc

    def _at(self) -> list[int]:
        """The terms on the current record, in term order (scores add in one order for every record)."""
        doc, rest, subs = self._doc, self._rest, self._subs
        here = list(self._here)
        moved = []
        while rest and rest[0][0] <= doc:
            _, i = heapq.heappop(rest)
            m = subs[i]
            if m.id() < doc:
                m.skip_to(doc)
            if m.is_active():
                moved.append((m.id(), i))
                if m.id() == doc:
                    here.append(i)
        for item in moved:
            heapq.heappush(rest, item)
        return sorted(here) if len(here) > 1 else here

    def score(self):
        subs = self._subs
        total = 0.0
        for i in self._at():
            total += subs[i].score()
        return total

    def weight(self):
        return sum(self._subs[i].weight() for i in self._at())

    def next(self):
        if not self._here:
            raise ReadTooFar
        for i in self._here:
            self._subs[i].next()
            self._push(i)
        self._settle()
        return False

    def skip_to(self, id):
        if not self._here:
            raise ReadTooFar
        if self._doc >= id:
            return False
        subs, heap = self._subs, self._heap
        for i in self._here:
            subs[i].skip_to(id)
            self._push(i)
        while heap and heap[0][0] < id:
            _, i = heapq.heappop(heap)
            subs[i].skip_to(id)
            self._push(i)
        self._settle()
        return False

    def replace(self, minquality=0):
        """Walk only the terms needed for a record to score above ``minquality``: the weakest terms
        whose best scores add up to less than it cannot lift a record above it alone."""
        subs, best = self._subs, self._best
        active = [i for i in self._weakest if subs[i].is_active()]
        self._bound = sum(best[i] for i in active)
        held, weak = 0.0, 0
        if minquality:
            for i in active:
                if held + best[i] >= minquality:
                    break
                held += best[i]
                weak += 1
        lead = frozenset(active[weak:])
        if lead != self._lead:
            for i in lead - self._lead:  # a waiting term walked again starts at the current record
                if self._here and subs[i].id() < self._doc:
                    subs[i].skip_to(self._doc)
            self._lead = lead
            self._heap = [(subs[i].id(), i) for i in lead if subs[i].is_active()]
            self._rest = [(subs[i].id(), i) for i in active[:weak]]
            heapq.heapify(self._heap)
            heapq.heapify(self._rest)
            self._settle()
        return self if self._here else matching.NullMatcher()

    def supports_block_quality(self):
        return True

    def max_quality(self):
        return self._bound

    def block_quality(self):  # one block: the whole union
        return self._bound

    def skip_to_quality(self, minquality):
        if self._bound <= minquality:
            self._here, self._heap = [], []
            return 1
        return 0

    def supports(self, astype):
        return False

    def children(self):
        return list(self._subs)

    def copy(self):
        return TermUnion([m.copy() for m in self._subs])


# Whoosh's ``Or`` scores a union of many terms only as a tree (``DefaultOr``): in a segment of at most this
# many records, or with ``Or.TOO_MANY_CLAUSES`` terms or more, it counts matches unscored (``PreloadedOr``).
SMALL_SEGMENT = 5000


class ExpandedMatcher:
    """A multi-term query matched as a ``TermUnion`` of its terms where Whoosh would score a tree of unions."""

    def matcher(self, searcher, context=None):
        fieldname = self.field()
        terms = [Term(fieldname, word) for word in self._btexts(searcher.reader()) if word]
        needs_current = context.needs_current if context else True
        scored_tree = len(terms) == 2 or needs_current or searcher.doc_count_all() > SMALL_SEGMENT
        if len(terms) < 2 or len(terms) >= Or.TOO_MANY_CLAUSES or not scored_tree:
            return super().matcher(searcher, context)
        if self.constantscore:  # as Whoosh's MultiTerm does; the searcher's weighting scores all the same
            from whoosh.searching import SearchContext

            context = context.set(weighting=None) if context else SearchContext(weighting=None)
        m = TermUnion([t.matcher(searcher, context) for t in terms])
        if self.boost != 1.0:
            m = matching.WrappingMatcher(m, self.boost)
        return m


class QuickPrefix(ExpandedMatcher, Prefix):
    """``word*``."""


class QuickWildcard(ExpandedMatcher, Wildcard):
    """``w?rd*s``."""

    def normalize(self):
        q = Wildcard.normalize(self)
        return QuickPrefix(q.fieldname, q.text, boost=q.boost) if type(q) is Prefix else q


def quick(q):
    """``q`` with its prefix and wildcard words matched as ``TermUnion``s."""

    def swap(node):
        if type(node) is Prefix:
            return QuickPrefix(node.fieldname, node.text, boost=node.boost, constantscore=node.constantscore)
        if type(node) is Wildcard:
            return QuickWildcard(node.fieldname, node.text, boost=node.boost, constantscore=node.constantscore)
        return node

    return q.accept(swap)



class IndexedBM25F(scoring.BM25F):
    """Whoosh's BM25F with its collection statistics (record count for idf, average field length) taken over
    the records whose words are indexed (``index/copies.py``), not over every record.

    A silent copy, a file's or a group's record has no words; counting them
    made idf and length normalisation drift as copies were added, so an
    index holding a paper three times ranked otherwise than one holding it
    once.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._counts: dict[int, int] = {}

    def _indexed(self, searcher) -> int:
        if id(searcher) not in self._counts:
            self._counts[id(searcher)] = max(indexed_count(searcher), 1)
        return self._counts[id(searcher)]

    def idf(self, searcher, fieldname, text):
        if fieldname not in WORDS:
            return super().idf(searcher, fieldname, text)
        parent = searcher.get_parent()
        return log(self._indexed(parent) / (parent.doc_frequency(fieldname, text) + 1)) + 1

    def scorer(self, searcher, fieldname, text, qf=1):
        scorer = super().scorer(searcher, fieldname, text, qf)
        if isinstance(scorer, scoring.BM25FScorer) and fieldname in WORDS:
            parent = searcher.get_parent()
            scorer.avgfl = parent.field_length(fieldname) / self._indexed(parent) or 1
        return scorer


class QuickBM25F(IndexedBM25F):
    """``IndexedBM25F``, each record's field length read from one copy of its segment's length column.

    Whoosh looks a record's length up in the column file each time it
    scores a posting (a file read and an unpack: a sixth of a search's
    time); the column is one byte a record, so it is read once per segment
    and field, and decoded as Whoosh decodes it.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._lengths: dict[tuple[int, str], object] = {}

    def scorer(self, searcher, fieldname, text, qf=1):
        scorer = super().scorer(searcher, fieldname, text, qf)
        if isinstance(scorer, scoring.BM25FScorer):
            reader = searcher.reader()
            key = (id(reader), fieldname)
            if key not in self._lengths:
                self._lengths[key] = _field_lengths(reader, fieldname)
            if self._lengths[key] is not None:
                scorer.dfl = self._lengths[key]
        return scorer


# A length byte as Whoosh's codec decodes it; a record without the field has byte 0 and Whoosh gives None.
_LENGTH_OF_BYTE = [None] + [byte_to_length(b) for b in range(1, 256)]


def _field_lengths(reader, fieldname: str):
    """``docnum -> length`` of the field in one segment, or ``None`` where the column is not laid out as expected."""
    try:
        column = reader._perdoc._cached_reader(f"_{fieldname}_len", LENGTHS_COLUMN)
        if column is None or column._fixedlen != 1:
            return None
        raw, count = column._dbfile.get(column._basepos, column._count), column._count
    except AttributeError:
        return None
    table = _LENGTH_OF_BYTE
    return lambda docnum: table[raw[docnum]] if docnum < count else None
