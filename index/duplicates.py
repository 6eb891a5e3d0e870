"""Near-duplicate documents: the same report published in two files.

Councils issue a briefing note alone and again inside the agenda pack, with
small wording and layout differences, so exact hashes miss them. Documents are
compared with ``fuzz.ratio`` over normalised text, but only candidates are
compared: documents sharing a band of their MinHash signature (word-pair
shingles; LSH banding), which near-copies do and unrelated papers almost never
do. The band terms are a keyword field of each document record, so finding a
new document's candidates is one index query and the sketches commit with the
records they describe. A candidate must also be of similar length (an Indel
ratio of at least 90 needs the shorter text to be at least 90/110 of the
longer) and have an agreeing title. Agenda front sheets are all alike by
design and never count; papers for different meetings (a work programme
updated each time) must be nearly identical to count as one report. A PDF and
its own text export always pair (they share an export term), so copies group
as one whatever the format.

The sketch is our own ~15 lines of numpy (already present through spaCy)
rather than ``datasketch``: that pulls in scipy only to tune LSH parameters,
and its LSH tables live in memory or Redis, not in the Whoosh index.
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
import zlib
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz
from whoosh.query import Or, Term

THRESHOLD = 90.0
OTHER_MEETING_THRESHOLD = 97.0
TITLE_THRESHOLD = 70.0
MIN_CHARS = 300
MIN_LENGTH_RATIO = THRESHOLD / (200 - THRESHOLD)
SHINGLE_WORDS = 2
BANDS, ROWS = 42, 3  # 126 hashes: a pair with shingle Jaccard 0.4 is a candidate 94% of the time, 0.1 only 4%
MERSENNE = (1 << 61) - 1


def normalise(text: str | None) -> str:
    """Lower-case words only: markup, punctuation and layout differences vanish."""
    text = unicodedata.normalize("NFKC", text or "").lower().replace("\u2019", "'")
    text = re.sub(r"<[^>]{1,40}>", " ", text)
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


def digest(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=8).hexdigest()


@lru_cache(maxsize=1)
def _permutations():
    import numpy as np

    rng = np.random.RandomState(12)
    return (rng.randint(1, MERSENNE, BANDS * ROWS, dtype=np.uint64), rng.randint(0, MERSENNE, BANDS * ROWS, dtype=np.uint64))


def band_terms(norm: str) -> list[str]:
    """LSH band terms of a normalised text's MinHash signature over word-pair shingles."""
    import numpy as np

    words = norm.split()
    shingles = {zlib.crc32(" ".join(words[i:i + SHINGLE_WORDS]).encode()) for i in range(max(1, len(words) - SHINGLE_WORDS + 1))}
    values = np.fromiter(shingles, dtype=np.uint64, count=len(shingles))
    a, b = _permutations()
    sig = np.full(BANDS * ROWS, MERSENNE, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for at in range(0, len(values), 2048):  # bounded memory for very long papers
            sig = np.minimum(sig, ((np.outer(values[at:at + 2048], a) + b) % MERSENNE).min(axis=0))
    return [f"b{n}_{digest(sig[n * ROWS:(n + 1) * ROWS].tobytes().hex())}" for n in range(BANDS)]


def export_term(doc: dict) -> str:
    """Shared by a paper's exports: the same file stem and document id."""
    return "x_" + digest(f"{stem(doc['path'])}#{doc.get('document')}")


def sketch(doc: dict) -> str | None:
    """The ``lsh`` terms of a document record (``path``, ``document``, ``kind``, ``text``); None when too short to compare."""
    norm = normalise(doc.get("text"))
    if len(norm) < MIN_CHARS:
        return None
    terms = [] if doc.get("kind") == "agenda" else band_terms(norm)
    return " ".join([*terms, export_term(doc)])


@dataclass
class _Doc:
    """A document ready to compare: its summary, normalised text and title, and its sketch terms."""

    d: dict
    norm: str
    title: str
    terms: list[str]

    @classmethod
    def of(cls, d: dict, terms: str | None) -> _Doc | None:
        """None for a text too short to compare; ``terms`` as ``sketch`` gives them (the export term is last)."""
        norm = normalise(d.get("text"))
        if len(norm) < MIN_CHARS or not terms:
            return None
        return cls(d, norm, normalise(d.get("title")), terms.split())

    @property
    def key(self) -> str:
        return self.d["key"]


def _confirm(x: _Doc, y: _Doc) -> float | None:
    """The pair's score when today's rules make it one report, else None (one rapidfuzz call at most)."""
    a, b = x.d, y.d
    short, long_ = sorted((len(x.norm), len(y.norm)))
    if short < long_ * MIN_LENGTH_RATIO:
        return None
    if a["path"] == b["path"] or "agenda" in (a.get("kind"), b.get("kind")) or same_source(a, b):
        return None
    if x.title and y.title and fuzz.token_set_ratio(x.title, y.title) < TITLE_THRESHOLD:
        return None
    other_meeting = a.get("date") and b.get("date") and a["date"] != b["date"]
    score = fuzz.ratio(x.norm, y.norm, score_cutoff=OTHER_MEETING_THRESHOLD if other_meeting else THRESHOLD)
    return round(score, 1) if score else None


def _export_chain(copies: list[_Doc]) -> list[dict]:
    """One paper's exports paired shortest to longest, so they always group."""
    copies = sorted(copies, key=lambda c: len(c.norm))
    return [{"a": x.d, "b": y.d, "score": round(fuzz.ratio(x.norm, y.norm), 1), "export": export_term(x.d)}
            for x, y in zip(copies, copies[1:]) if x.d["path"] != y.d["path"]]


def _new_pairs(new: list[_Doc], indexed=lambda bands: ()) -> tuple[list[dict], dict[str, list[_Doc]], int]:
    """Each new document's pairs with its candidates: earlier new ones sharing a band term, and ``indexed(bands)``.

    Returns the pairs, the new documents by term and how many candidates were examined.
    """
    by_term: dict[str, list[_Doc]] = {}
    pairs, compared = [], 0
    for doc in new:
        bands = doc.terms[:-1]
        candidates = {other.key: other for other in indexed(bands)} if bands else {}
        for term in bands:
            for other in by_term.get(term, ()):
                candidates.setdefault(other.key, other)
        for term in doc.terms:
            by_term.setdefault(term, []).append(doc)
        for other in candidates.values():
            compared += 1
            if (score := _confirm(other, doc)) is not None:
                pairs.append({"a": other.d, "b": doc.d, "score": score})
    return pairs, by_term, compared


def find_pairs(docs: list[dict]) -> list[dict]:
    """Pairs of near-duplicate documents among ``docs`` (``key``, ``path``, ``document``, ``title``, ``text``...)."""
    pairs, by_term, _ = _new_pairs([p for p in (_Doc.of(d, sketch(d)) for d in docs) if p])
    return [p for term, copies in by_term.items() if term.startswith("x_") for p in _export_chain(copies)] + pairs


def stem(path: str) -> str:
    return os.path.splitext(os.path.basename(path))[0]


def same_source(a: dict, b: dict) -> bool:
    """One paper exported twice: a PDF and its text copy (same file stem, same document)."""
    return a["path"] != b["path"] and stem(a["path"]) == stem(b["path"]) and a.get("document") == b.get("document")


def groups(pairs: list[dict]) -> list[dict]:
    """Pairs joined into groups: three copies are one group of three, not three pairs.

    A group made only of one paper's own exports (a PDF and its text copy)
    was not published twice and is left out.
    """
    canon = canonical_map(pairs)
    members: dict[str, dict[str, dict]] = {}
    scores: dict[str, list[float]] = {}
    for p in pairs:
        root = canon[p["a"]["key"]]
        for side in (p["a"], p["b"]):
            members.setdefault(root, {})[side["key"]] = side
        scores.setdefault(root, []).append(p["score"])
    out = []
    for root, docs in members.items():
        ordered = sorted(docs.values(), key=_canonical_order)
        if len({stem(d["path"]) for d in ordered}) > 1:
            out.append({"score": min(scores[root]), "documents": ordered})
    return sorted(out, key=lambda g: (g["documents"][0]["path"], g["documents"][0].get("document") or ""))


def _doc_summary(hit) -> dict:
    return {
        "key": hit["doc_key"],
        "path": hit["path"],
        "document": hit.get("document"),
        "title": hit.get("title"),
        "text": hit.get("text"),
        "kind": hit.get("kind"),
        "item": hit.get("item"),
        "date": hit.get("date"),
        "committee": hit.get("committee"),
        "page": hit.get("page"),
    }


@dataclass
class Plan:
    """What one commit changes about duplicates: group records out and in, and each touched file's group ids."""

    drop: set[str] = field(default_factory=set)
    groups: list[dict] = field(default_factory=list)
    stamps: dict[str, dict[str, str | None]] = field(default_factory=dict)
    compared: int = 0


def plan_duplicates(searcher, batch: dict[str, list[dict]], gone=()) -> Plan:
    """Pairs and group ids after ``batch`` (path -> its new records, ``lsh`` terms set) replaces what the
    index holds for those paths and ``gone`` paths are removed.

    Only the batch's documents are compared, each with its candidates. The
    index keeps one ``dup`` record per group with its pairs, so a group's
    members and pairs are one lookup; the groups a change touches are read,
    their pairs of replaced or removed documents dropped, new pairs added,
    and they are split or joined again. A group keeps the id most of its
    members already have, so adding a copy rewrites no other file; files whose
    documents change group are listed in ``stamps`` to be written again.
    """
    plan = Plan()
    replaced = set(batch) | set(gone)
    touched: dict[str, dict] = {}  # rid -> group record whose pairs change
    for path in replaced:
        touched.update((r["rid"], r) for r in searcher.documents(dup_terms="p_" + digest(path)))
    new = [doc for recs in batch.values() for rec in recs if rec["rtype"] == "document"
           if (doc := _Doc.of(_doc_summary(rec), rec.get("lsh")))]

    def indexed(bands):
        for n in searcher.docs_for_query(Or([Term("lsh", t) for t in bands])):
            hit = searcher.stored_fields(n)
            if hit["path"] not in replaced and (other := _Doc.of(_doc_summary(hit), export_term(hit))):
                yield other

    pairs, by_term, plan.compared = _new_pairs(new, indexed)
    rechain = {doc.terms[-1] for doc in new} | {p["export"] for r in touched.values() for p in r["extra"]["pairs"] if p.get("export")}
    for term in rechain:
        copies = {d.key: d for d in by_term.get(term, ())}
        for n in searcher.docs_for_query(Term("lsh", term)):
            hit = searcher.stored_fields(n)
            if hit["path"] not in replaced and (other := _Doc.of(_doc_summary(hit), term)):
                copies.setdefault(other.key, other)
        touched.update((r["rid"], r) for r in searcher.documents(dup_terms=term))
        chain = _export_chain(list(copies.values()))
        plan.compared += len(chain)
        pairs += chain
    covered = {d["key"] for r in touched.values() for p in r["extra"]["pairs"] for d in (p["a"], p["b"])}
    for key in {d["key"] for p in pairs for d in (p["a"], p["b"])} - covered:
        for r in searcher.documents(dup_terms="k_" + digest(key)):  # the group a new pair joins
            touched[r["rid"]] = r
            covered.update(d["key"] for p in r["extra"]["pairs"] for d in (p["a"], p["b"]))
    kept = [p for r in touched.values() for p in r["extra"]["pairs"]
            if p["a"]["path"] not in replaced and p["b"]["path"] not in replaced and p.get("export") not in rechain]
    plan.drop = set(touched)
    _regroup(searcher, plan, kept + pairs, list(touched.values()), batch, replaced)
    return plan


def _regroup(searcher, plan: Plan, pairs: list[dict], old: list[dict], batch: dict[str, list[dict]], replaced: set[str]) -> None:
    """``pairs`` (those of the ``old`` group records that stay, and new ones) joined into groups: a group record each
    in ``plan.groups``, and in ``plan.stamps`` the group ids of the batch's files and of every file whose ids change."""
    was = {d["key"]: r["rid"][len("dup::"):] for r in old for p in r["extra"]["pairs"] for d in (p["a"], p["b"])}
    path_of = {d["key"]: d["path"] for p in [*pairs, *(q for r in old for q in r["extra"]["pairs"])] for d in (p["a"], p["b"])}
    canon = canonical_map(pairs)
    members: dict[str, list[dict]] = {}
    for p in pairs:
        members.setdefault(canon[p["a"]["key"]], []).append(p)
    labels: dict[str, str | None] = dict.fromkeys(was)
    claimed: set[str] = set()
    for group in sorted(members.values(), key=len, reverse=True):
        keys = sorted({d["key"] for p in group for d in (p["a"], p["b"])})
        held = Counter(was[k] for k in keys if k in was)
        label = next((g for g, _ in sorted(held.items(), key=lambda x: (-x[1], x[0])) if g not in claimed), None)
        label = label or "g_" + digest("\n".join(keys))
        claimed.add(label)
        labels.update(dict.fromkeys(keys, label))
        plan.groups.append(group_record(label, group))
    for path, recs in batch.items():
        plan.stamps[path] = {r["doc_key"]: labels.get(r["doc_key"]) for r in recs if r["rtype"] == "document"}
    for key, label in labels.items():
        path = path_of[key]
        if path not in replaced and was.get(key) != label:
            if path not in plan.stamps:
                plan.stamps[path] = {d["doc_key"]: d.get("dup_group") for d in searcher.documents(path=path, rtype="document")}
            plan.stamps[path][key] = label


def group_record(label: str, pairs: list[dict]) -> dict:
    """The stored ``dup`` record of one group: its pairs, findable by any member's path or key and by export terms."""
    slim = []
    for p in pairs:
        a, b = sorted((p["a"], p["b"]), key=_canonical_order)
        slim.append({"a": _slim(a), "b": _slim(b), "score": p["score"], **({"export": p["export"]} if p.get("export") else {})})
    docs = {d["key"]: d for p in slim for d in (p["a"], p["b"])}
    terms = [f"p_{digest(d['path'])} k_{digest(d['key'])}" for d in docs.values()] + sorted({p["export"] for p in slim if p.get("export")})
    return {"rid": f"dup::{label}", "rtype": "dup", "dup_terms": " ".join(terms), "extra": {"pairs": slim}}


def _slim(d: dict) -> dict:
    return {k: v for k, v in d.items() if k != "text"}


def add_sketches(records: list[dict], stamps: dict[str, str | None] | None = None) -> None:
    """Give a file's document records their ``lsh`` terms and, with ``stamps``, every record its group id and fold value."""
    for rec in records:
        if rec["rtype"] == "document" and "lsh" not in rec and (terms := sketch(_doc_summary(rec))):
            rec["lsh"] = terms
        if stamps and stamps.get(rec.get("doc_key")):
            rec["dup_group"] = stamps[rec["doc_key"]]
            rec["fold"] = fold_value(rec)


def copy_key(rec) -> str | None:
    """What makes a record (a dict, or a search hit's stored fields) the same record in another copy of its report:
    its group, type and heading or opening words. ``None`` outside a group."""
    group = rec.get("dup_group")
    if not group:
        return None
    label = normalise(rec.get("title")) or normalise(rec.get("text"))[:80]
    return digest(f"{group}\n{rec['rtype']}\n{label}")


def fold_value(rec: dict) -> bytes:
    """The ``fold`` column of a grouped record: its copy key and its path, all search needs of a copy."""
    return f"{copy_key(rec)}\n{rec['path']}".encode("utf-8")


def _canonical_order(d: dict):
    """The copy filed under an agenda item (it has a meeting) comes first, then by path."""
    return (d.get("item") is None, d.get("date") is None, d["path"], d.get("document") or "")


def load_pairs(searcher) -> list[dict]:
    """Stored pairs, from each group's record: ingest drops a pair with either of its documents, so every one is current."""
    return [p for g in searcher.documents(rtype="dup") for p in g["extra"].get("pairs", ())]  # none in an index not yet upgraded


def canonical_map(pairs: list[dict]) -> dict[str, str]:
    """doc_key -> the key that stands for its whole duplicate group."""
    parent: dict[str, str] = {}
    info: dict[str, dict] = {}

    def find(k):
        while parent.setdefault(k, k) != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for p in pairs:
        info[p["a"]["key"]], info[p["b"]["key"]] = p["a"], p["b"]
        ra, rb = find(p["a"]["key"]), find(p["b"]["key"])
        if ra != rb:
            first, second = sorted((ra, rb), key=lambda k: _canonical_order(info[k]))
            parent[second] = first
    return {k: find(k) for k in parent}
