"""Read side of the index: search, resolutions and trace.

Whoosh does the retrieval (BM25F, query syntax, filters, snippets);
rapidfuzz confirms which titles in different meetings name the same item.
"""

from __future__ import annotations

import os
import re

from rapidfuzz import fuzz, utils
from whoosh import highlight
from whoosh.qparser import FuzzyTermPlugin, MultifieldParser, OrGroup, QueryParser
from whoosh.query import And, AndNot, Or, Term, TermRange

from minutebook.index.duplicates import canonical_map, groups, load_pairs, normalise

SEARCH_FIELDS = ["title", "text", "entity_names", "committee_text"]
FACETS = ("committee", "year", "kind")
HIDDEN = Or([Term("rtype", "file"), Term("rtype", "dup")])
TRACE_TYPES = ("agenda_item", "minutes_item", "resolution", "document", "wp_item")
TRACE_RANK = {"agenda_item": 0, "minutes_item": 1, "resolution": 2, "document": 3, "wp_item": 4}
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


class Marker(highlight.Formatter):
    """Snippets for a terminal or JSON: matched words wrapped in ``**``."""

    between = " … "

    def format_token(self, text, token, replace=False):
        return "**" + highlight.get_text(text, token, replace) + "**"


def iso_bound(value: str | None, upper: bool) -> str | None:
    """``2025`` / ``2025-10`` / ``2025-10-16`` as an inclusive ISO bound."""
    if not value:
        return None
    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
        raise ValueError(f"not a date (YYYY, YYYY-MM or YYYY-MM-DD): {value}")
    pad = {4: "-12-31", 7: "-31"} if upper else {4: "-01-01", 7: "-01"}
    return value + pad.get(len(value), "")


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


def filters(schema, committee=None, date_from=None, date_to=None, kind=None, entities=(), rtypes=None):
    """The filter query for the common options, or ``None``."""
    parts = []
    if committee:
        parts.append(QueryParser("committee_text", schema, group=OrGroup.factory(0.0)).parse(f'"{committee}"'))
    lo, hi = iso_bound(date_from, False), iso_bound(date_to, True)
    if lo or hi:
        parts.append(date_range(lo, hi))
    if kind:
        parts.append(Term("kind", kind))
    for ent in entities:
        label, _, name = ent.partition(":")
        if not name:
            raise ValueError(f"--entity wants LABEL:NAME, got {ent}")
        parts.append(Term("entities", f"{label.strip().upper()}:{name.strip()}".lower()))
    if rtypes:
        parts.append(Or([Term("rtype", t) for t in rtypes]))
    return And(parts) if parts else None


def _parser(schema):
    parser = MultifieldParser(SEARCH_FIELDS, schema)
    parser.add_plugin(FuzzyTermPlugin())
    return parser


def display_path(path: str) -> str:
    rel = os.path.relpath(path)
    return path if rel.startswith("..") else rel


def _hit_dict(hit, snippet: str | None = None) -> dict:
    extra = hit.get("extra") or {}
    return {
        "type": hit["rtype"],
        "title": hit.get("title"),
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


def _collapse_key(hit, canon: dict[str, str]) -> tuple:
    """Same record in two copies of one report: same group, type and heading or opening words."""
    group = canon.get(hit.get("doc_key"), hit.get("doc_key") or hit["rid"])
    if group == hit.get("doc_key") and hit.get("doc_key") not in canon:
        return (hit["rid"],)
    label = normalise(hit.get("title")) or normalise(hit.get("text"))[:80]
    return (group, hit["rtype"], label)


def _snippet(hit) -> str:
    """Best fragments of the text, else of the title; highlights() needs the field present."""
    for name in ("text", "title"):
        if hit.get(name):
            found = hit.highlights(name, top=2)
            if found:
                return found
    return (hit.get("text") or "")[:200]


def _matching_docs(searcher, q, flt) -> set[int]:
    """Every matching document number, unscored: counting needs the set, not the order."""
    wanted = AndNot(And([q, flt]) if flt else q, HIDDEN)
    return set(searcher.docs_for_query(wanted))


def facet_counts(searcher, docs: set[int]) -> dict[str, dict[str, int]]:
    """Records per committee, year and kind among ``docs``.

    Reading each document's column value costs per match; intersecting the
    few posting lists of a facet field costs per indexed record. A broad
    query matches a large share of the index, so take the cheaper one.
    """
    reader = searcher.reader()
    by_postings = len(docs) * 2 > reader.doc_count()
    out = {}
    for name in FACETS:
        if by_postings:
            counts = {term.decode("utf-8"): len(docs.intersection(reader.postings(name, term).all_ids()))
                      for term in reader.lexicon(name)}
        else:
            column, counts = reader.column_reader(name), {}
            for d in docs:
                key = column[d]
                counts[key] = counts.get(key, 0) + 1
        out[name] = dict(sorted(((k, v) for k, v in counts.items() if k and v), key=lambda kv: (-kv[1], kv[0])))
    return out


def search(ix, query: str, limit: int = 10, facets: bool = False, **filter_opts) -> dict:
    """Ranked, de-duplicated hits with snippets; facet counts and an exact total only when asked.

    Ranking keeps a top-N window (Whoosh skips blocks that cannot enter it),
    so the cost of a default search does not grow with the number of
    matches. Facets need every match, so they take a second, unscored pass.
    ``total`` is exact when facets were asked for or fewer records matched
    than the window holds; otherwise ``more`` says there are more than ``total``.
    """
    with ix.searcher() as s:
        q = _parser(ix.schema).parse(query)
        flt = filters(ix.schema, **filter_opts)
        window = max(limit * 5, 50)
        results = s.search(q, limit=window, filter=flt, mask=HIDDEN)
        results.fragmenter = highlight.ContextFragmenter(maxchars=220, surround=60)
        results.formatter = Marker()
        canon = canonical_map(load_pairs(s))
        hits, seen = [], {}
        for hit in results:
            key = _collapse_key(hit, canon)
            if key in seen:
                other = seen[key]
                if hit["path"] not in other["also_in"] and hit["path"] != other["file"]:
                    other["also_in"].append(hit["path"])
                continue
            if len(hits) >= limit:
                continue
            d = _hit_dict(hit, _snippet(hit))
            d["score"] = round(hit.score, 3)
            d["also_in"] = []
            seen[key] = d
            hits.append(d)
        found = {"query": query, "total": results.scored_length(), "more": results.scored_length() >= window, "hits": hits}
        if facets:
            docs = _matching_docs(s, q, flt)
            found.update(total=len(docs), more=False, facets=facet_counts(s, docs))
        return found


def _minute_key(minute: str | None):
    m = re.match(r"(\d+)", minute or "")
    return (int(m.group(1)) if m else 10**9, minute or "")


def resolutions(ix, query: str | None = None, **filter_opts) -> list[dict]:
    """Resolutions oldest first, each decision once even if its minutes are in several files."""
    with ix.searcher() as s:
        flt = filters(ix.schema, rtypes=("resolution",), **filter_opts)
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


def title_matches(item: str, title: str | None, weight=None) -> float:
    """How surely ``title`` names ``item`` (0-100); 0 when it does not.

    ``token_set_ratio`` forgives extra words either side ("… Progress Against
    the Recommendations"), ``partial_ratio`` a short query inside a long
    title; most of the item's own words (by rarity, when ``weight`` is given)
    must also be there, so a generic title ("Children's Services") does not
    match every long item, nor "Safeguarding Annual Report" "Fostering Annual Report".

    Failing that, ``weight`` (term -> rarity in the index) lets two names of
    one matter that share their subject words match however the rest is
    worded ("Progress on LGA Peer Review Action Plan" and "Children's LGA Peer
    Challenge"): words that name a paper's kind or stage (``PAPER_WORDS``)
    are set aside, and at least two of the rest, carrying most of each name's
    remaining rarity, must be shared. "Fostering Annual Report" and
    "Safeguarding Annual Report" share only paper words.
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
    da = {t: w for t, w in ta.items() if t not in PAPER_WORDS}
    db = {t: w for t, w in tb.items() if t not in PAPER_WORDS}
    common = da.keys() & db.keys()
    if len(common) < 2:
        return 0.0
    held = sum(da[t] for t in common)
    share = min(held / sum(da.values()), held / sum(db.values()))
    return round(100 * share, 1) if share >= TRACE_SHARE else 0.0


def trace(ix, item: str) -> list[dict]:
    """Meetings where ``item`` was on the agenda, minuted, reported or planned, newest first."""
    with ix.searcher() as s:
        parser = QueryParser("title", ix.schema, group=OrGroup.factory(0.9))
        words = " ".join(re.findall(r"\w+", item))
        q = parser.parse(words) if words else None
        if q is None:
            return []
        rarity: dict[str, float] = {}

        def weight(text: str) -> dict[str, float]:
            for t in _terms(ix.schema, text) - rarity.keys():
                rarity[t] = s.idf("text", t)
            return {t: rarity[t] for t in _terms(ix.schema, text)}

        results = s.search(q, limit=2000, filter=Or([Term("rtype", t) for t in TRACE_TYPES]))
        appearances = []
        for hit in results:
            score = title_matches(item, hit.get("title"), weight)
            if score:
                d = _hit_dict(hit)
                d["match"] = round(score, 1)
                d["listed"] = (hit.get("extra") or {}).get("listed")
                appearances.append(d)
    return _by_meeting(appearances)


def _by_meeting(appearances: list[dict]) -> list[dict]:
    """One entry per meeting (date and committee), its clearest appearance first.

    ``planned``: the meeting is known only from work programmes drawn up
    before it, so the item was due there, not yet reported.
    """
    dated = [a for a in appearances if a["date"]]
    committees_on = {}
    for a in dated:
        if a["committee"]:
            committees_on.setdefault(a["date"], a["committee"])
    meetings: dict[tuple, list[dict]] = {}
    for a in dated:
        committee = a["committee"] or committees_on.get(a["date"])
        meetings.setdefault((a["date"], committee), []).append(a)
    out = []
    for (date, committee), found in meetings.items():
        found.sort(key=lambda a: (TRACE_RANK.get(a["type"], 9), -a["match"], a["file"], a["page"] or 0))
        best = found[0]
        out.append({
            "committee": committee,
            "date": date,
            "planned": all(a["type"] == "wp_item" and date > (a["listed"] or date) for a in found),
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
        else:
            keep = ("type", "kind", "title", "document", "document_title", "agenda_item", "minute", "file", "page", "match")
            merged[key] = {k: a[k] for k in keep} | {"also_in": []}
    rows = [normalise(a["title"]) for a in merged.values() if a["type"] == "wp_item"]
    return [a for a in merged.values()
            if a["type"] != "wp_item" or not any(r != normalise(a["title"]) and r in normalise(a["title"]) for r in rows)]


def duplicates(ix) -> list[dict]:
    """Groups of near-identical documents, each ``{score, documents}``, the filed copy first."""
    with ix.searcher() as s:
        return groups(load_pairs(s))

