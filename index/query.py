"""Read side of the index: search, facets, resolutions and trace.

Whoosh does the retrieval (BM25F, query syntax, filters, snippets);
rapidfuzz confirms which titles name the same item (in one meeting, to fold
a search's records; across meetings, to trace) and resolves filter values
typed loosely to the values the index holds.
"""

from __future__ import annotations

import calendar
import functools
import os
import re
import struct

from rapidfuzz import fuzz, process, utils
from rapidfuzz.distance import OSA
from whoosh import highlight
from whoosh.fields import FieldType
from whoosh.idsets import DocIdSet
from whoosh.qparser import FuzzyTermPlugin, MultifieldPlugin, OrGroup, QueryParser
from whoosh.query import And, AndNot, Every, FuzzyTerm, Not, Or, Term, TermRange

from minutebook.extract.dates import MONTHS, parse_date
from minutebook.extract.styles.standing import PROBE, STANDING
from minutebook.extract.styles.vocab import MONTH_NAME
from minutebook.index.copies import COPY, SilentCopies
from minutebook.index.duplicates import copy_key, groups, load_pairs, normalise
from minutebook.index.schema import DIGIT, LABELS, entity_field
from minutebook.index import snippets
from minutebook.index.reading import column_value, reread_if_committed
from minutebook.index.union import ExpandedMatcher, QuickBM25F, quick

SEARCH_FIELDS = ["title", "text", "entity_names", "committee_text"]
FACETS = ("committee", "year", "kind")
HIDDEN = Or([Term("rtype", "file"), Term("rtype", "dup")])
TRACE_TYPES = ("agenda_item", "minutes_item", "resolution", "document", "wp_item")
TRACE_RANK = {"agenda_item": 0, "minutes_item": 1, "resolution": 2, "document": 3, "wp_item": 4, "mention": 5, "later": 6}
TRACE_SCORE = 90.0
TRACE_COVERAGE = 0.6
TRACE_SHARE = 0.6
# Stemmed words that say what kind of paper an item is or how far it has got, not what it is about.
PAPER_WORDS = frozenset(
    "action annual brief draft final item note plan polici progress propos recommend report review strategi summari updat".split()
)
# How a resolution was decided, as its record keeps it (see ``records.records_from_contract``).
DECIDED = ("outcome", "votes", "mover", "seconder")
STOPWORDS = frozenset("a an and for in of on the to with by at from".split())
SUGGEST = 70  # rapidfuzz token_set_ratio of an indexed title to a traced item worth offering as "did you mean"
FUZZY_WORD = 80  # rapidfuzz ratio at which a typed word is taken for a name's word ("comittee", "breifing")


MARK = "**"  # around each matched word of a snippet; the terminal shows it as colour, the web page as <mark>
MARKED = re.compile(re.escape(MARK) + "(.+?)" + re.escape(MARK))


class Marker(highlight.Formatter):
    """Snippets for JSON: matched words wrapped in ``MARK``."""

    between = " … "

    def format_token(self, text, token, replace=False):
        return MARK + highlight.get_text(text, token, replace) + MARK


class FilterError(ValueError):
    """A filter value the index cannot use: ``option`` names the option, the message says why."""

    def __init__(self, option: str, message: str):
        super().__init__(message)
        self.option = option


DATE_FORMS = "2025, 2025-03, 2025-03-13, 13/03/2025, 13 March 2025 or March 2025"


def iso_bound(value: str | None, upper: bool, option: str = "--from") -> str | None:
    """A date as printed or typed (ISO, UK day-first, a month, a year) as an inclusive ISO bound.

    A year or month is widened to its first or last day; an impossible date
    (``2025-13-01``, ``31/02/2025``) is an error, never silently another day.
    """
    if not value:
        return None
    text = value.strip()
    if re.fullmatch(r"\d{4}", text):
        return text + ("-12-31" if upper else "-01-01")
    m = re.fullmatch(r"(\d{4})-(\d{1,2})", text)
    year_month = (m[1], m[2]) if m else _month_year(text)
    if year_month:
        year, month = map(int, year_month)
        if not 1 <= month <= 12:
            raise FilterError(option, f"not a real date: {value} (there is no month {month})")
        last = calendar.monthrange(year, month)[1]
        return f"{year:04d}-{month:02d}-{last if upper else 1:02d}"
    found = parse_date(text)
    if found:
        return found
    parts = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})|(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})", text)
    if parts or re.search(MONTH_NAME, text, re.I):
        raise FilterError(option, f"not a real date: {value}")
    raise FilterError(option, f"not a date: {value} (use {DATE_FORMS})")


def _month_year(text: str):
    m = re.fullmatch(rf"({MONTH_NAME})\.?,?\s+(\d{{4}})", text, re.I)
    return (m[2], MONTHS[m[1].lower()]) if m and m[1].lower() in MONTHS else None


def date_range(lo: str | None, hi: str | None):
    """Records dated within inclusive ISO bounds.

    A range over ``date`` unions one posting list per distinct day, which is
    slow across years; whole years are taken from ``year`` instead (one term
    each) and only the part-years at the ends from ``date``.
    """
    first = int(lo[:4]) + (not lo.endswith("-01-01")) if lo else None
    last = int(hi[:4]) - (not hi.endswith("-12-31")) if hi else None
    if first is not None and last is not None and first > last:
        return TermRange("date", lo, hi)
    parts = [TermRange("year", str(first) if first else None, str(last) if last else None)]
    if lo and not lo.endswith("-01-01"):
        parts.append(TermRange("date", lo, f"{lo[:4]}-12-31"))
    if hi and not hi.endswith("-12-31"):
        parts.append(TermRange("date", f"{hi[:4]}-01-01", hi))
    return Or(parts) if len(parts) > 1 else parts[0]


def _fold(text: str) -> list[str]:
    """A name's words, lower case, punctuation and underscores out ("briefing_note" -> briefing, note)."""
    return [w for w in utils.default_process(text.replace("_", " ")).split() if w not in STOPWORDS]


def _word_score(wanted: list[str], words: list[str]) -> float:
    """How well every typed word is one of the name's words (0 unless all are): exact, a prefix, or a typo."""
    total = 0.0
    for w in wanted:
        best = max((100.0 if v == w else 95.0 if len(w) >= 4 and v.startswith(w) else fuzz.ratio(w, v) for v in words), default=0)
        if best < FUZZY_WORD:
            return 0.0
        total += best
    return total / len(wanted)


def resolve(wanted: str, values, what: str, option: str) -> list[str]:
    """The indexed values someone typing ``wanted`` means, best match only.

    The name itself (any case and spacing), else every value holding all the
    typed words ("scrutiny" names several committees, "Housing Committee"
    one), each word exact, a prefix of four letters or more, or a typo
    (rapidfuzz). Nothing close is an error naming the closest values.
    """
    values = sorted(set(v for v in values if v))
    target = _fold(wanted)
    exact = [v for v in values if _fold(v) == target]
    if exact:
        return exact
    scored = {v: _word_score(target, _fold(v)) for v in values} if target else {}
    best = max(scored.values(), default=0)
    if best:
        return [v for v, sc in scored.items() if sc == best]
    close = process.extract(" ".join(target) or wanted, values, scorer=fuzz.WRatio, limit=3)
    if not values:
        raise FilterError(option, f"no {what} is indexed, so none matches {wanted!r}")
    raise FilterError(option, f"no {what} matches {wanted!r}; closest: " + "; ".join(c[0] for c in close))


def filters(reader, committee=None, date_from=None, date_to=None, kind=None, entities=(), rtypes=None):
    """The filter query for the common options (or ``None``) and the values each option resolved to.

    Committee, kind and entity names are matched against the values the
    index holds (``resolve``), so what is typed need not be exact.
    """
    parts, resolved = [], {}
    if committee:
        resolved["committee"] = resolve(committee, reader.field_terms("committee"), "committee", "--committee")
        parts.append(Or([Term("committee", v) for v in resolved["committee"]]))
    lo, hi = iso_bound(date_from, False, "--from"), iso_bound(date_to, True, "--to")
    if lo and hi and lo > hi:
        raise FilterError("--from", f"{date_from} is after --to {date_to}")
    if lo or hi:
        parts.append(date_range(lo, hi))
        resolved["dates"] = [lo or "…", hi or "…"]
    if kind:
        resolved["kind"] = resolve(kind, reader.field_terms("kind"), "kind of paper", "--kind")
        parts.append(Or([Term("kind", v) for v in resolved["kind"]]))
    for ent in entities:
        label, _, name = ent.partition(":")
        label = label.strip().upper()
        if not name.strip() or label not in LABELS:
            raise FilterError("--entity", f"wants LABEL:NAME with LABEL one of {', '.join(LABELS)}, got {ent!r}")
        prefix = label.lower() + ":"
        names = [t[len(prefix):] for t in reader.field_terms("entities") if t.startswith(prefix)]
        found = resolve(name, names, f"{label} entity", "--entity")
        resolved.setdefault("entity", []).extend(f"{label}:{n}" for n in found)
        parts.append(Or([Term("entities", prefix + n) for n in found]))
    if rtypes:
        parts.append(Or([Term("rtype", t) for t in rtypes]))
    return (And(parts) if parts else None), resolved


def terms_within(reader, fieldname: str, text: str, maxdist, prefix: int = 0) -> list[str]:
    """The field's terms within ``maxdist`` edits of ``text`` (adjacent swaps count one), in term order.

    What Whoosh's ``terms_within`` gives, but the distances are rapidfuzz's
    (C++) instead of a Python edit distance per term: a fuzzy word with no
    prefix is checked against every term of four fields.
    """
    words = [w for w in _lexicon(reader, fieldname) if w.startswith(text[:prefix])] if prefix else _lexicon(reader, fieldname)
    found = process.extract(text, words, scorer=OSA.distance, score_cutoff=int(maxdist), limit=None)
    return [words[i] for i in sorted(i for _, _, i in found)]


def _lexicon(reader, fieldname: str) -> list[str]:
    """Every term of the field, in order, across the reader's segments.

    Walking a term list costs microseconds a term in Python, so a segment's
    list is kept (segments never change once written; ``_LEXICONS`` holds
    the latest few) for the next fuzzy word, in this search or the next one
    in the same process (the web app, the API).
    """
    field = reader.schema[fieldname]
    parts = []
    for leaf, _ in reader.leaf_readers():
        if not hasattr(leaf, "_segment"):  # an index with no records yet has an empty reader, no segment
            continue
        key = (leaf._segment.segment_id(), fieldname)
        words = _LEXICONS.pop(key, None)
        if words is None:
            words = _segment_lexicon(leaf, fieldname) if type(field).from_bytes is FieldType.from_bytes else None
            if words is None:
                words = [field.from_bytes(b) for b in leaf.lexicon(fieldname)] if fieldname in leaf.indexed_field_names() else []
        _LEXICONS[key] = words
        while len(_LEXICONS) > LEXICONS_KEPT:
            del _LEXICONS[next(iter(_LEXICONS))]
        parts.append(words)
    return parts[0] if len(parts) == 1 else sorted(set().union(*parts))


_LEXICONS: dict[tuple[str, str], list[str]] = {}
LEXICONS_KEPT = 32


def _segment_lexicon(leaf, fieldname: str) -> list[str] | None:
    """A segment's terms of one field read from its terms file in one piece; ``None`` where it is not laid out so.

    Whoosh's terms file (``OrderedHashReader``) holds, in key order, records
    of key length, value length, key (a two-byte field number, then the
    term) and value, with an array of every record's offset after them. A
    field's records are one run, so their terms are cut out of it at once
    (numpy) instead of one ``lexicon`` step each (50k terms: 4 ms, not 100).
    Another codec, or terms that would not split back as written, take
    Whoosh's own walk.
    """
    import numpy as np  # not at import time: commands that never expand a fuzzy word start without it

    try:
        terms = leaf._terms
        table, fnum = terms._tindex, terms._fieldmap.get(fieldname)
        if fnum is None:
            return []
        start = table.closest_key_pos(struct.pack("!H", fnum))
        end = table.closest_key_pos(struct.pack("!H", fnum + 1)) if fnum < 65534 else None
        start, end = (table.endofdata if start is None else start), (table.endofdata if end is None else end)
        offsets = np.frombuffer(table.dbfile.get(table.indexbase, table.indexlen * table.indexsize),
                                dtype=">" + table.extras["indextype"]).astype(np.int64)
    except (AttributeError, KeyError, TypeError, ValueError):
        return None
    at = offsets[np.searchsorted(offsets, start):np.searchsorted(offsets, end)] - start
    if not len(at):
        return []
    run = np.frombuffer(table.dbfile.get(start, end - start), dtype=np.uint8)
    keylen = (run[at].astype(np.int64) << 24) | (run[at + 1].astype(np.int64) << 16) | (run[at + 2].astype(np.int64) << 8) | run[at + 3]
    size = keylen - 2 + 1  # the term, then a separator
    out_start = np.cumsum(size) - size
    source = np.repeat(at + 10 - out_start, size) + np.arange(int(size.sum()))
    joined = run[np.minimum(source, len(run) - 1)]
    joined[out_start + size - 1] = 0
    try:
        words = joined.tobytes().decode("utf-8").split("\0")[:-1]
    except UnicodeDecodeError:
        return None
    return words if len(words) == len(at) else None


class QuickFuzzyTerm(ExpandedMatcher, FuzzyTerm):
    """``FuzzyTerm`` expanded with ``terms_within`` above, once per reader, and matched as one ``TermUnion``."""

    def _btexts(self, ixreader):
        key = (id(ixreader), self.fieldname, self.text, self.maxdist, self.prefixlength)
        cache = self.__dict__.setdefault("_expanded", {})
        if key not in cache:
            cache[key] = terms_within(ixreader, self.fieldname, self.text, self.maxdist, self.prefixlength)
        return cache[key]


class QuickFuzzyPlugin(FuzzyTermPlugin):
    """``word~`` in a query makes a ``QuickFuzzyTerm``."""

    class FuzzyTermNode(FuzzyTermPlugin.FuzzyTermNode):
        qclass = QuickFuzzyTerm


class _Parser(QueryParser):
    """Queries over the search fields: ``word~`` is a ``QuickFuzzyTerm``, ``word*`` a ``QuickPrefix``."""

    def parse(self, text, normalize=True, debug=False):
        return quick(super().parse(text, normalize=normalize, debug=debug).accept(_and_not))


def _and_not(node):
    """``a ANDNOT b`` as ``a AND NOT b``: Whoosh's AndNot matcher lets ``a``'s first match through when
    ``b``'s list starts lower (whoosh-reloaded 2.7.5); ``NOT`` in an And is tested on each match."""
    return And([node.a, Not(node.b)], boost=node.boost) if type(node) is AndNot else node


def _parser(schema):
    parser = _Parser(None, schema)
    parser.add_plugin(MultifieldPlugin(SEARCH_FIELDS))
    parser.add_plugin(QuickFuzzyPlugin())
    return parser


def display_path(path: str) -> str:
    rel = os.path.relpath(path)
    return path if rel.startswith("..") else rel


def _hit_dict(hit, snippet: str | None = None) -> dict:
    extra = hit.get("extra") or {}
    return {
        "type": hit["rtype"],
        "title": extra.get("shown") or hit.get("title"),
        "committee": hit.get("committee"),
        "date": hit.get("date"),
        "kind": hit.get("kind"),
        "document": hit.get("document"),
        "document_title": hit.get("doc_title"),
        "agenda_item": hit.get("item"),
        "minute": hit.get("minute"),
        "file": hit["path"],
        "page": hit.get("page"),
        **({"snippet": snippet} if snippet is not None else {}),
        **({"clauses": extra["clauses"]} if "clauses" in extra else {}),
        **{k: extra[k] for k in DECIDED if k in extra},
    }


def _copy(hit, column) -> tuple:
    """The hit's copy key (``duplicates.copy_key``: the same record in two copies of one report shares it; a
    record in no group has its own) and, when the ``fold`` column gives them, its path.

    The column spares loading every copy's stored fields (a whole report's
    text each); an index written before it has none, and its hits' keys are
    worked out from their stored fields.
    """
    if column is None:
        return copy_key(hit) or ("rid", hit["rid"]), None
    value = column_value(column, hit.docnum)
    if not value:
        return ("doc", hit.docnum), None
    key, path = value.decode("utf-8").split("\n", 1)
    return key, path


def _snippet(hit) -> str:
    """Best fragments of the text, else of the title; highlights() needs the field present."""
    for name in ("text", "title"):
        if hit.get(name):
            found = hit.highlights(name, top=2)
            if found:
                return found
    return (hit.get("text") or "")[:200]


class Allowed(DocIdSet):
    """The records a filter allows, tested one candidate at a time.

    Given a filter query, Whoosh first lists every record it allows in a set
    (a year range or a common committee word: most of the index), whatever
    the query matches. Parts on sortable fields (committee, kind, date,
    year) are instead tested on the candidate's column value, so a filter
    costs per match the collector looks at; other parts (entities, record
    types) are listed as before, their posting lists being short.
    """

    def __init__(self, searcher, flt):
        reader = searcher.reader()
        self.tests = []
        for part in flt.subqueries if isinstance(flt, And) else [flt]:
            test = _column_test(reader, part)
            if test is None:
                listed = set(searcher.docs_for_query(part))
                test = listed.__contains__
            self.tests.append(test)

    def __contains__(self, docnum):
        return all(test(docnum) for test in self.tests)

    def __bool__(self):  # Whoosh asks whether a filter was given; its size is never needed
        return True

    def __iter__(self):  # only membership is asked of a filter
        raise NotImplementedError


def _column_test(reader, part):
    """``docnum -> bool`` for a filter part on sortable fields, read from their columns; ``None`` otherwise."""
    leaves = part.subqueries if isinstance(part, Or) else [part]
    if not all(isinstance(leaf, (Term, TermRange)) and reader.schema[leaf.fieldname].column_type for leaf in leaves):
        return None
    columns = {}
    try:
        for leaf in leaves:
            if leaf.fieldname not in columns:
                columns[leaf.fieldname] = reader.column_reader(leaf.fieldname)
    except (KeyError, NotImplementedError):  # no segment has the column yet
        return None
    terms: dict[str, set] = {}
    for leaf in leaves:
        if isinstance(leaf, Term):
            terms.setdefault(leaf.fieldname, set()).add(leaf.text)
    ranges = [leaf for leaf in leaves if isinstance(leaf, TermRange)]

    def test(docnum):
        for name, wanted in terms.items():
            if column_value(columns[name], docnum) in wanted:
                return True
        for r in ranges:
            v = column_value(columns[r.fieldname], docnum)
            if v and (r.start is None or (v > r.start if r.startexcl else v >= r.start)) and \
                    (r.end is None or (v < r.end if r.endexcl else v <= r.end)):
                return True
        return False

    return test


def _expand_once(results) -> None:
    """Snippets ask for the query's terms once per hit and field; a prefix or fuzzy term's expansion
    walks the term list, so it is worked out once per search."""
    results.query_terms = functools.lru_cache(maxsize=None)(results.query_terms)


def _matching_docs(searcher, q, allowed: Allowed | None, hidden: set[int] | None = None) -> set[int]:
    """Every matching record's document number, each record once however many files hold it, unscored:
    counting needs the set, not the order.

    Hidden records and silent copies (a copy counts with its lead) are taken
    out as sets: Whoosh's AndNot lets its first match through when the list
    it excludes starts lower. The filter is tested on each match's columns,
    as the ranked search tests it, since And with a committee filter (an Or
    of many names) walks every name's postings.
    """
    docs = set(searcher.docs_for_query(q))
    docs.difference_update(searcher.docs_for_query(HIDDEN) if hidden is None else hidden)
    docs.difference_update(searcher.docs_for_query(COPY))
    if allowed is not None:
        docs = {d for d in docs if d in allowed}
    return docs


def _column_counts(reader, name: str, docs: set[int]) -> dict[str, int] | None:
    """Counts read from the field's column; ``None`` where a segment has no usable column.

    An empty index has no columns at all, and a segment written before any
    record had the field holds none for it.
    """
    counts: dict[str, int] = {}
    try:
        column = reader.column_reader(name)
        for d in docs:
            key = column[d]
            counts[key] = counts.get(key, 0) + 1
    except (IndexError, KeyError, NotImplementedError):
        return None
    return counts


def facet_counts(searcher, docs: set[int] | None = None) -> dict[str, dict[str, int]]:
    """Records per committee, year and kind among ``docs`` (all records when ``None``), most first.

    Reading each document's column value costs per match; intersecting the
    few posting lists of a facet field costs per indexed record. A broad
    query matches a large share of the index, so take the cheaper one; the
    posting lists also serve where a column is missing.
    """
    reader = searcher.reader()
    by_postings = docs is None or len(docs) * 2 > reader.doc_count()
    out = {}
    for name in FACETS:
        counts = None if by_postings else _column_counts(reader, name, docs)
        if counts is None:
            counts = {}
            for term in reader.field_terms(name):
                ids = reader.postings(name, term).all_ids()
                counts[term] = sum(1 for _ in ids) if docs is None else len(docs.intersection(ids))
        out[name] = _most_first(counts)
    return out


def _most_first(counts: dict[str, int]) -> dict[str, int]:
    return dict(sorted(((k, v) for k, v in counts.items() if k and v), key=lambda kv: (-kv[1], kv[0])))


def _rank_key(row: dict) -> tuple:
    """Score first; ties newest first, then by file, page and record, so one query on one index always reads the same."""
    d = row["hit"]
    return (-round(d["score"], 4), _newest_first(d.get("date")), d["file"], d.get("page") or 0, row["rid"])


def _newest_first(date: str | None) -> tuple:
    return (1, "") if not date else (0, "".join(chr(0x10FFFF - ord(c)) for c in date))


def where(a: dict) -> str:
    """Where a traced appearance is, in words ("agenda item 4", "set for this meeting by minute 3 of 2025-01-14")."""
    return {"agenda_item": f"agenda item {a.get('agenda_item')}", "minutes_item": f"minute {a.get('minute')}",
            "resolution": f"resolution, minute {a.get('minute')}",
            "mention": f"named in the decision of minute {a.get('minute')}",
            "later": f"set for this meeting by minute {a.get('minute')} of {a.get('set_on')}",
            "wp_item": "work programme" + (" (planned)" if a.get("planned") else "")}.get(
        a["type"], (a.get("kind") or "document").replace("_", " "))


def label(d: dict) -> str:
    """What a record is, in a few words: "agenda item 4", "minute 9", "resolution", "briefing note"."""
    t = d["type"]
    if t == "agenda_item":
        return f"agenda item {d['agenda_item']}"
    if t == "minutes_item":
        return f"minute {d['minute']}"
    if t == "wp_item":
        return "work programme"
    if t in ("resolution", "table"):
        return t
    kind = (d.get("kind") or "document").replace("_", " ")
    return kind if t == "document" else f"{kind} section"


def _topic(row: dict):
    """The item a record is about within its meeting, or ``None`` for a record of a whole agenda or minutes.

    Minute numbers and agenda item numbers are separate series; the
    minutes document's own item number is where it was filed in a later
    pack, not what it is about. A work-programme row is known by its title.
    """
    d, t, kind = row["hit"], row["hit"]["type"], row["hit"].get("kind")
    if d.get("minute"):
        return ("minute", d["minute"])
    if t == "agenda_item":
        return ("item", d["agenda_item"])
    if t == "wp_item":
        return ("title", normalise(d["title"]))
    if kind in ("agenda", "minutes"):
        number = row["number"]
        return ("minute" if kind == "minutes" else "item", number) if t == "section" and number else None
    if d.get("agenda_item"):
        return ("item", d["agenda_item"])
    return ("paper", row["doc_key"] or row["rid"])


def _topic_title(row: dict) -> str | None:
    """The name a record gives its item: its own title, a minute's or agenda entry's heading, else its paper's title."""
    d = row["hit"]
    if d["type"] in ("agenda_item", "minutes_item", "resolution", "wp_item", "document"):
        return d.get("title")
    if d["type"] == "section" and d.get("kind") in ("agenda", "minutes"):
        heading = row["whoosh"].get("title") or ""
        return heading[len(row["number"] or ""):].strip() or None
    return d.get("document_title") if row["topic"] and row["topic"][0] == "item" else None


def group_by_item(rows: list[dict]) -> list[list[dict]]:
    """Ranked rows gathered into one group per item per meeting, groups in the order of their best row.

    Records of one meeting join when they share an agenda item or minute
    number, or when the titles of their items match (the agenda item and the
    minute of it, the work-programme row that planned it). A record of a
    whole agenda or minutes joins the best item of its meeting.
    """
    parent: dict = {}

    def find(k):
        while parent.setdefault(k, k) != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    titles: dict[tuple, set[str]] = {}
    for row in rows:
        d = row["hit"]
        row["meeting"] = (d.get("committee") or "", d["date"]) if d.get("date") else ("", "", row["doc_key"] or row["rid"])
        row["topic"] = _topic(row)
        name = _topic_title(row)
        if row["topic"] is not None and name:
            titles.setdefault((row["meeting"], row["topic"]), set()).add(name)
    by_meeting: dict[tuple, list[tuple]] = {}
    for node in sorted(titles):
        by_meeting.setdefault(node[0], []).append(node)
    for nodes in by_meeting.values():
        for i, a in enumerate(nodes):
            for b in nodes[i + 1:]:
                if find(a) != find(b) and any(title_matches(x, y) or title_matches(y, x) for x in titles[a] for y in titles[b]):
                    parent[find(b)] = find(a)
    best_in_meeting: dict[tuple, tuple] = {}
    for row in rows:
        if row["topic"] is not None:
            best_in_meeting.setdefault(row["meeting"], find((row["meeting"], row["topic"])))
    out: dict = {}
    for row in rows:
        key = find((row["meeting"], row["topic"])) if row["topic"] is not None else best_in_meeting.get(row["meeting"], ("whole", row["rid"]))
        out.setdefault(key, []).append(row)
    return list(out.values())


def _fold_column(reader):
    """The ``fold`` column's reader; ``None`` for an index written before it, or empty."""
    try:
        return reader.column_reader("fold") if "fold" in reader.schema else None
    except NotImplementedError:  # an empty index has no columns
        return None


def _ranked_rows(results, column) -> list[dict]:
    """Hits in a stable rank order, each record once however many files hold a copy of it (``also_in``).

    ``column``: the ``fold`` column's reader, ``None`` for an index without it.
    """
    rows, seen = [], {}
    for hit in results:
        key, path = _copy(hit, column)
        if key in seen:
            seen[key]["docs"].append(hit.docnum)
            other = seen[key]["hit"]
            path = path or hit["path"]
            if path not in other["also_in"] and path != other["file"]:
                other["also_in"].append(path)
            continue
        d = _hit_dict(hit)
        d["score"], d["also_in"] = round(hit.score, 3), []
        seen[key] = row = {"hit": d, "whoosh": hit, "rid": hit["rid"], "number": hit.get("number"), "doc_key": hit.get("doc_key"),
                           "docs": [hit.docnum]}
        rows.append(row)
    return sorted(rows, key=_rank_key)


def _add_silent_copies(searcher, copies: SilentCopies, d: dict, docnums: list[int], column) -> None:
    """Add the files of the records' silent copies (``index/copies.py``) to ``also_in``: their words are not
    indexed, so no query meets them."""
    for docnum in docnums:
        for copy in copies(docnum):
            value = column_value(column, copy) if column is not None else ""
            path = value.decode("utf-8").split("\n", 1)[1] if value else searcher.stored_fields(copy)["path"]
            if path != d["file"] and path not in d["also_in"]:
                d["also_in"].append(path)


@reread_if_committed
def search(ix, query: str, limit: int = 10, facets: bool = False, **filter_opts) -> dict:
    """Ranked hits, one per item per meeting, with snippets; facet counts and an exact total only when asked.

    Copies of one record in several files are one hit (``also_in``); the
    other records of the same item at the same meeting are folded under the
    best one (``folded``). Ranking keeps a top-N window (Whoosh skips blocks
    that cannot enter it), so the cost of a default search does not grow
    with the number of matches. Facets need every match, so they take a
    second, unscored pass. ``total`` counts records: exact when facets were
    asked for or fewer records matched than the window holds; otherwise
    ``more`` says there are more than ``total``. ``filters`` holds what each
    filter option resolved to.
    """
    with ix.searcher(weighting=QuickBM25F()) as s:
        q = _parser(ix.schema).parse(query)
        flt, resolved = filters(s.reader(), **filter_opts)
        allowed = Allowed(s, flt) if flt is not None else None
        hidden = set(s.docs_for_query(HIDDEN))  # listed once, not on each widening
        column = _fold_column(s.reader())
        # Items fold several records each: widen the window until it holds ``limit`` items or every match.
        window = max(limit * 5, 50)
        while True:
            results = s.search(q, limit=window, filter=allowed, mask=hidden)
            groups = group_by_item(_ranked_rows(results, column))
            if len(groups) >= limit or results.scored_length() < window:
                break
            window *= 4
        results.highlighter = snippets.Highlighter(fragmenter=highlight.ContextFragmenter(maxchars=220, surround=60), formatter=Marker())
        _expand_once(results)
        hits, copies = [], SilentCopies(s)
        for group in groups[:limit]:
            for row in group:
                _add_silent_copies(s, copies, row["hit"], row["docs"], column)
            # The best record about the item itself: a work-programme row only plans it.
            best = next((r for r in group if r["topic"] is not None and r["hit"]["type"] != "wp_item"),
                        next((r for r in group if r["topic"] is not None), group[0]))
            d = best["hit"]
            d["snippet"] = _snippet(best["whoosh"])
            d["folded"] = [{"type": r["hit"]["type"], "label": label(r["hit"]), "title": r["hit"]["title"], "file": r["hit"]["file"],
                            "page": r["hit"]["page"], "score": r["hit"]["score"], "also_in": r["hit"]["also_in"]} for r in group if r is not best]
            hits.append(d)
        found = {"query": query, "filters": resolved, "total": results.scored_length(), "more": results.scored_length() >= window,
                 "hits": hits}
        if facets:
            docs = _matching_docs(s, q, allowed, hidden)
            found.update(total=len(docs), more=False, facets=facet_counts(s, docs))
        return found


QUERY_FIELDS = ("title", "text", "committee_text", "entity_names", "kind", "year", "date", "item", "minute", "rtype")


@reread_if_committed
def facets(ix, query: str | None = None, **filter_opts) -> dict:
    """What the index holds, to filter by: committees, kinds and years with record counts (among ``query``'s
    matches when given), entity labels with their number of names, and the fields a query can name."""
    with ix.searcher() as s:
        reader = s.reader()
        flt, resolved = filters(reader, **filter_opts)
        q = _parser(ix.schema).parse(query) if query else Every()
        out = {"query": query, "filters": resolved, **facet_counts(s, _matching_docs(s, q, Allowed(s, flt) if flt is not None else None))}
        out["labels"] = _most_first({label: sum(1 for _ in reader.field_terms(entity_field(label))) for label in LABELS})
    out["fields"] = list(QUERY_FIELDS) + [entity_field(label) for label in LABELS]
    return out


def _minute_key(minute: str | None):
    m = re.match(r"(\d+)", minute or "")
    return (int(m.group(1)) if m else 10**9, minute or "")


@reread_if_committed
def resolutions(ix, query: str | None = None, **filter_opts) -> list[dict]:
    """Resolutions oldest first, each decision once even if its minutes are in several files."""
    with ix.searcher() as s:
        flt, _ = filters(s.reader(), rtypes=("resolution",), **filter_opts)
        q = _parser(ix.schema).parse(query) if query else flt
        results = s.search(q, limit=None, filter=flt if query else None)
        out, seen = [], set()
        for hit in results:
            key = (hit.get("committee"), hit.get("date"), hit.get("minute"), normalise(hit.get("text")))
            if key in seen:
                continue
            seen.add(key)
            d = _hit_dict(hit)
            d["text"] = hit.get("text")
            d.setdefault("clauses", [])
            out.append(d)
    out.sort(key=lambda r: (r["date"] or "", r["committee"] or "", _minute_key(r["minute"])))
    return out


def _words(text: str) -> set[str]:
    return {w for w in utils.default_process(text).split() if w not in STOPWORDS}


def _terms(schema, text: str) -> set[str]:
    """The title field's own terms (stemmed, stop words out), as the index holds them."""
    return {t.text for t in schema["title"].analyzer(text)}


def title_matches(item: str, title: str | None, weight=None, common: frozenset = frozenset()) -> float:
    """How surely ``title`` names ``item`` (0-100); 0 when it does not.

    ``token_set_ratio`` forgives extra words either side ("… Progress Against
    the Recommendations"), ``partial_ratio`` a short query inside a long
    title; most of the item's own words (by rarity, when ``weight`` is given)
    must also be there, so a generic title ("Children's Services") does not
    match every long item, nor "Safeguarding Annual Report" "Fostering Annual Report".

    Failing that, ``weight`` (term -> rarity in the index) lets two names of
    one matter that share their subject words match however the rest is
    worded ("Progress on LGA Peer Review Action Plan" and "Children's LGA Peer
    Challenge"): words that name a paper's kind or stage (``PAPER_WORDS``) and numbers (editions: "2024/25")
    are set aside, and at least two of the rest, carrying most of each name's
    remaining rarity, must be shared. "Fostering Annual Report" and
    "Safeguarding Annual Report" share only paper words. ``common`` are
    the words of the record's committee's name, set aside too: every paper
    of the Children's Services board says "Children's Services", so
    "Children's Services Improvement Plan" and "Children's Services Annual
    Adoption Report" share no subject.
    """
    if not title:
        return 0.0
    a, b = utils.default_process(item), utils.default_process(title)
    score = max(fuzz.token_set_ratio(a, b), fuzz.partial_ratio(a, b) if len(a) <= len(b) else 0)
    if weight is None:
        wa = _words(item)
        coverage = len(wa & _words(title)) / len(wa) if wa else 0
        return score if score >= TRACE_SCORE and coverage >= TRACE_COVERAGE else 0.0
    ta, tb = weight(item), weight(title)
    shared = ta.keys() & tb.keys()
    if sum(ta.values()) and score >= TRACE_SCORE and sum(ta[t] for t in shared) / sum(ta.values()) >= TRACE_COVERAGE:
        return score
    da = {t: w for t, w in ta.items() if t not in PAPER_WORDS and t not in common and not DIGIT.search(t)}
    db = {t: w for t, w in tb.items() if t not in PAPER_WORDS and t not in common and not DIGIT.search(t)}
    common = da.keys() & db.keys()
    if len(common) < 2:
        return 0.0
    held = sum(da[t] for t in common)
    share = min(held / sum(da.values()), held / sum(db.values()))
    return round(100 * share, 1) if share >= TRACE_SHARE else 0.0


@reread_if_committed
def trace(ix, item: str, committee: str | None = None) -> list[dict]:
    """Meetings where ``item`` was on the agenda, minuted, reported or planned, newest first.

    ``committee`` keeps the meetings of the committees it resolves to (as
    ``--committee`` in search); an unknown one raises ``FilterError``. A
    standing item ("Minutes of the previous meeting") matches every title
    printed in its class's forms (``extract/styles/standing.py``).
    """
    with ix.searcher(weighting=QuickBM25F()) as s:  # its idf leaves silent copies out
        wanted = set(resolve(committee, s.reader().field_terms("committee"), "committee", "--committee")) if committee else None
        parser = QueryParser("title", ix.schema, group=OrGroup.factory(0.9))
        names = item_names(item)
        kind = standing_item(item)
        words = " ".join(re.findall(r"\w+", item + " " + PROBE.get(kind, "")))
        q = parser.parse(words) if words else None
        if q is None:
            return []
        rarity: dict[str, float] = {}
        copies = SilentCopies(s)

        def weight(text: str) -> dict[str, float]:
            for t in _terms(ix.schema, text) - rarity.keys():
                rarity[t] = s.idf("text", t)
            return {t: rarity[t] for t in _terms(ix.schema, text)}

        results = s.search(q, limit=None if kind else 2000, filter=Or([Term("rtype", t) for t in TRACE_TYPES]))
        appearances = []
        for hit in results:
            if kind:
                score = 100.0 if standing(hit.get("title")) == kind else 0.0
            else:
                body = frozenset(_terms(ix.schema, hit.get("committee") or ""))
                score = max(title_matches(name, hit.get("title"), weight, body) for name in names)
                parts = _summarised(s, hit) if score and hit["rtype"] == "wp_item" else []
                if parts and not any(title_matches(name, p, weight, body) for p in parts for name in names):
                    score = 0.0
            if score:
                for h in _with_silent_copies(s, copies, hit):
                    d = _hit_dict(h)
                    d.update(match=round(score, 1), rid=h["rid"], listed=(h.get("extra") or {}).get("listed"), text=h.get("text"))
                    appearances.append(d)
        if not kind:
            appearances += _mentions(s, copies, ix.schema, names, {a["rid"] for a in appearances})
            appearances += _later(s, appearances, names)
    meetings = _by_meeting(appearances)
    return [m for m in meetings if m["committee"] in wanted] if wanted is not None else meetings


def _with_silent_copies(searcher, copies: SilentCopies, hit) -> list:
    """The hit and the stored fields of its record's silent copies (``index/copies.py``), each an appearance."""
    return [hit, *(searcher.stored_fields(copy) for copy in copies(hit.docnum))]


def _summarised(searcher, hit) -> list[str]:
    """The rows a work programme's summary row lists ("SEND Strategy Sufficiency – Early Years … Section 19
    Policy", one cell naming a meeting's items): its words come from several items, so it names an item only
    through one of them. Empty for a row that lists fewer than two of the meeting's other rows."""
    q = And([Term("rtype", "wp_item"), Term("doc_key", hit.get("doc_key") or ""), Term("date", hit.get("date") or "")])
    whole = normalise(hit.get("title"))
    rows = {normalise(h.get("title")): h.get("title") for h in searcher.search(q, limit=200) if h["rid"] != hit["rid"]}
    parts = [title for norm, title in rows.items() if norm and norm != whole and norm in whole]
    return parts if len(parts) >= 2 else []


_STANDING = [(re.compile(st.pattern, st.flags), st.expect["standing"]) for st in STANDING]


def standing(title: str | None) -> str | None:
    """The standing item ``title`` is a form of ("minutes", "apologies" …), if any."""
    title = re.sub(r"^\W*(?:item\s+)?[\dA-Za-z]{0,3}\d[.)]?\s+", "", " ".join((title or "").split()), flags=re.I)
    return next((kind for rx, kind in _STANDING if rx.search(title)), None)


def standing_item(item: str) -> str | None:
    """The standing item a traced item is, under any of the names it is typed as (``item_names``)."""
    return next(filter(None, map(standing, item_names(item))), None)


def _mentions(searcher, copies: SilentCopies, schema, names: list[str], found: set[str]) -> list[dict]:
    """Decisions whose text names the item word for word ("agreed to add the work of the Horizon team to
    the work programme"): a meeting can take up an item without a heading of its name. Names of two or
    more words only, so a bare "Minutes" or "Education" mentions nothing."""
    out = []
    for name in names:
        words = re.findall(r"\w+", name)
        if len([w for w in words if w.lower() not in STOPWORDS]) < 2:
            continue
        q = QueryParser("text", schema).parse('"' + " ".join(words) + '"')
        for hit in searcher.search(q, limit=200, filter=Term("rtype", "resolution")):
            if hit["rid"] in found:
                continue
            found.add(hit["rid"])
            for h in _with_silent_copies(searcher, copies, hit):
                d = _hit_dict(h)
                d.update(type="mention", rid=h["rid"], match=50.0, listed=None, text=h.get("text"))
                out.append(d)
    return out


def _later(searcher, appearances: list[dict], names: list[str]) -> list[dict]:
    """Meetings a decision on the item set it for ("to discuss the Early Help programme at the meeting on
    17th April", "deferred to the next meeting"): planned there, by the decision, not by a work programme.

    The sentence must be about the item (``_about``): minute "Work Programme" setting "the Early Help
    programme" for April sets Early Help, not the work programme. "The next meeting" is the committee's
    next indexed meeting after the decision's.
    """
    from minutebook.extract.decisions import later_meetings  # the decision grammar compiles in 50 ms: trace alone needs it

    out = []
    for a in appearances:
        if a["type"] not in ("resolution", "mention"):
            continue
        for sentence, when in later_meetings(a.get("text") or "", a["date"]):
            if not _about(a["type"], names, sentence):
                continue
            if when == "later":
                out += [row | {"type": "later", "set_on": a["date"], "minute": a["minute"], "match": 40.0, "listed": a["date"]}
                        for row in _programme_rows(searcher, a, sentence)]
                continue
            if when == "next":
                when = _next_meeting(searcher, a["committee"], a["date"])
                if not when:
                    continue
            out.append(a | {"type": "later", "date": when, "title": " ".join(sentence.split()), "set_on": a["date"],
                            "match": 40.0, "listed": a["date"], "rid": f"{a['rid']}@{when}"})
    return out


# How a decision on an item refers to the item itself.
SAME_ITEM = re.compile(
    r"\b(?:this|the|that|said|these)\s+(?:item|matter|report|issue|application|motion|ordinance|resolution|proposal|update|paper)s?\b"
    r"|^\W*(?:that\s+)?(?:the\s+)?(?:item|it)\b|\bit\s+(?:be|was|is|would|will)\b",
    re.I,
)


def _about(found_as: str, names: list[str], sentence: str) -> bool:
    """Whether a decision's sentence is about the traced item: it names it word for word, or, in a decision
    taken on the item (not one found only by naming it), refers to it or carries most of its words
    ("a quotation for the car park lighting" under "Village Hall Car Park Lighting")."""
    if any(_names_in(name, sentence) for name in names):
        return True
    if found_as == "mention":
        return False
    said = _words(sentence)
    return bool(SAME_ITEM.search(sentence)) or any(
        len(_words(n) & said) >= TRACE_COVERAGE * len(_words(n)) for n in names if _words(n))


def _names_in(name: str, text: str) -> bool:
    words = re.findall(r"\w+", name)
    return bool(words) and re.search(r"\b" + r"\W+".join(map(re.escape, words)) + r"\b", text, re.I) is not None


FOLLOW_UP_WORDS = 3  # subject words a decision and a later work-programme row must share to be one matter


def _programme_rows(searcher, decision: dict, subject: str) -> list[dict]:
    """Rows of the committee's work programme, dated after ``decision``, on its subject: a decision that sends
    an item on ("reconsider this item at the end of the municipal year to scrutinise the regional aspects of
    the West Midlands hub") names no date, and the programme row that takes it up ("Regional Placements: to
    include progress on the West Midlands centre") may share no title word with the item.
    """
    if not decision["committee"]:
        return []
    words = {t for t in _terms(searcher.schema, subject) if t not in PAPER_WORDS and not DIGIT.search(t) and len(t) > 2}
    if len(words) < FOLLOW_UP_WORDS:
        return []
    flt = And([Term("rtype", "wp_item"), Term("committee", decision["committee"]),
               TermRange("date", decision["date"], None, startexcl=True)])
    rows = []
    for hit in searcher.search(Or([Term("text", w) for w in words]), filter=flt, limit=50):
        if len(words & _terms(searcher.schema, hit.get("text") or "")) >= FOLLOW_UP_WORDS:
            rows.append(_hit_dict(hit) | {"rid": hit["rid"]})
    return rows


def _next_meeting(searcher, committee: str | None, after: str) -> str | None:
    """The first date after ``after`` on which ``committee`` has indexed papers."""
    if not committee:
        return None
    q = And([Term("committee", committee), TermRange("date", after, None, startexcl=True)])
    first = searcher.search(q, sortedby="date", limit=1)  # read from the date column, not every record's fields
    return first[0]["date"] if first else None


def item_names(item: str) -> list[str]:
    """The names an item is typed under: "A / B" is either, "A (B)" is A or its short name B ("… Programme (HAF)").

    A single word alone ("Education" of "Education / school performance")
    names too much to stand for the item, unless it is an acronym.
    """
    names = [item]
    for part in re.split(r"\s+/\s+", item):
        outside = re.sub(r"\([^()]*\)", " ", part)
        names += [" ".join(outside.split())] + [" ".join(x.split()) for x in re.findall(r"\(([^()]*)\)", part)]
    return list(dict.fromkeys(n for n in names if len(_words(n)) >= 2 or re.fullmatch(r"[A-Z]{2,}", n) or n == item))


def last_reported(meetings: list[dict]) -> dict | None:
    """The latest meeting date the item was reported at (not only planned for), with every committee that met on it."""
    held = [m for m in meetings if not m["planned"]]
    if not held:
        return None
    latest = max(m["date"] for m in held)
    return {"date": latest, "committees": sorted({m["committee"] or "(committee unknown)" for m in held if m["date"] == latest})}


@reread_if_committed
def suggest_titles(ix, item: str, limit: int = 3) -> list[str]:
    """Indexed item titles close to a misspelt or misremembered ``item``, for "did you mean"."""
    words = re.findall(r"\w+", item)
    if not words:
        return []
    with ix.searcher() as s:
        q = Or([QuickFuzzyTerm("title", t, maxdist=2, prefixlength=1) for w in words for t in _terms(ix.schema, w)]
               + [QuickFuzzyTerm("title", w.lower(), maxdist=2, prefixlength=1) for w in words])
        hits = s.search(q, limit=200, filter=Or([Term("rtype", t) for t in TRACE_TYPES]))
        titles = {" ".join(h["title"].split()) for h in hits if h.get("title")}
    score = {t: fuzz.token_set_ratio(item, t, processor=utils.default_process) for t in titles}
    return [t for t in sorted(titles, key=lambda t: (-score[t], t)) if score[t] >= SUGGEST][:limit]


def _by_meeting(appearances: list[dict]) -> list[dict]:
    """One entry per meeting (date and committee), its clearest appearance first.

    ``planned``: the meeting is known only from work programmes drawn up
    before it, so the item was due there, not yet reported. A record that
    names no committee belongs to its date's meeting when only one
    committee met that day.
    """
    dated = [a for a in appearances if a["date"]]
    committees_on: dict[str, set] = {}
    for a in dated:
        if a["committee"]:
            committees_on.setdefault(a["date"], set()).add(a["committee"])
    meetings: dict[tuple, list[dict]] = {}
    for a in dated:
        only = committees_on.get(a["date"], set())
        committee = a["committee"] or (next(iter(only)) if len(only) == 1 else None)
        a["planned"] = a["type"] == "later" or (a["type"] == "wp_item" and a["date"] > (a["listed"] or a["date"]))
        meetings.setdefault((a["date"], committee), []).append(a)
    out = []
    for (date, committee), found in meetings.items():
        found.sort(key=lambda a: (TRACE_RANK.get(a["type"], 9), -a["match"], a["file"], a["page"] or 0))
        best = found[0]
        out.append({
            "committee": committee,
            "date": date,
            "planned": all(a["planned"] for a in found),
            "title": best["title"],
            "document": best["document_title"] or best["document"],
            "page": best["page"],
            "file": best["file"],
            "appearances": _merge_copies(found),
        })
    out.sort(key=lambda m: (m["date"], m["committee"] or ""), reverse=True)
    return out


def _merge_copies(found: list[dict]) -> list[dict]:
    """The same appearance in several files (a PDF and its text, a reissued note) listed once.

    A work programme's summary row lists all of a meeting's items in one
    cell; it is left out where its detailed row is there too.
    """
    merged: dict[tuple, dict] = {}
    for a in found:
        key = (a["type"], normalise(a["title"]), a["agenda_item"], a["minute"])
        if key in merged:
            merged[key]["also_in"].append(a["file"])
            merged[key]["planned"] = merged[key]["planned"] and a["planned"]  # planned only if no copy was current
        else:
            keep = ("type", "kind", "title", "document", "document_title", "agenda_item", "minute", "file", "page", "planned", "match", "set_on")
            merged[key] = {k: a.get(k) for k in keep} | {"also_in": []}
    rows = [normalise(a["title"]) for a in merged.values() if a["type"] == "wp_item"]
    return [a for a in merged.values()
            if a["type"] != "wp_item" or not any(r != normalise(a["title"]) and r in normalise(a["title"]) for r in rows)]


@reread_if_committed
def duplicates(ix) -> list[dict]:
    """Groups of near-identical documents, each ``{score, documents}``, the filed copy first."""
    with ix.searcher() as s:
        return groups(load_pairs(s))

