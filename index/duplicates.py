"""Near-duplicate documents: the same report published in two files.

Councils issue a briefing note alone and again inside the agenda pack, with
small wording and layout differences, so exact hashes miss them. Documents are
compared with ``fuzz.ratio`` over normalised text. Since an Indel ratio of at
least 90 needs the shorter text to be at least 90/110 of the longer, only
documents of similar length are compared (a sorted sliding window), and only
when their titles agree, which keeps the pass far below all-pairs cost.
Agenda front sheets are all alike by design and never count; papers for
different meetings (a work programme updated each time) must be nearly
identical to count as one report. A PDF and its own text export always
pair, so copies group as one whatever the format.
"""

from __future__ import annotations

import os
import re
import unicodedata

from rapidfuzz import fuzz
from whoosh.query import Term

THRESHOLD = 90.0
OTHER_MEETING_THRESHOLD = 97.0
TITLE_THRESHOLD = 70.0
MIN_CHARS = 300
MIN_LENGTH_RATIO = THRESHOLD / (200 - THRESHOLD)


def normalise(text: str | None) -> str:
    """Lower-case words only: markup, punctuation and layout differences vanish."""
    text = unicodedata.normalize("NFKC", text or "").lower().replace("\u2019", "'")
    text = re.sub(r"<[^>]{1,40}>", " ", text)
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


def find_pairs(docs: list[dict]) -> list[dict]:
    """Pairs of near-duplicate documents among ``docs`` (``key``, ``title``, ``text``)."""
    prepared = []
    for d in docs:
        norm = normalise(d.get("text"))
        if len(norm) >= MIN_CHARS:
            prepared.append((len(norm), norm, normalise(d.get("title")), d))
    prepared.sort(key=lambda x: x[0])
    pairs = []
    exports: dict[tuple, list] = {}
    for _, norm, _, d in prepared:
        exports.setdefault((stem(d["path"]), d.get("document")), []).append((norm, d))
    for copies in exports.values():
        for (norm_a, a), (norm_b, b) in zip(copies, copies[1:]):
            if a["path"] != b["path"]:
                pairs.append({"a": a, "b": b, "score": round(fuzz.ratio(norm_a, norm_b), 1)})
    for i, (len_a, norm_a, title_a, a) in enumerate(prepared):
        for len_b, norm_b, title_b, b in prepared[i + 1 :]:
            if len_a < len_b * MIN_LENGTH_RATIO:
                break
            if a["path"] == b["path"] or "agenda" in (a.get("kind"), b.get("kind")):
                continue
            if same_source(a, b):
                continue
            if title_a and title_b and fuzz.token_set_ratio(title_a, title_b) < TITLE_THRESHOLD:
                continue
            other_meeting = a.get("date") and b.get("date") and a["date"] != b["date"]
            score = fuzz.ratio(norm_a, norm_b, score_cutoff=OTHER_MEETING_THRESHOLD if other_meeting else THRESHOLD)
            if score:
                pairs.append({"a": a, "b": b, "score": round(score, 1)})
    return pairs


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


def refresh_duplicates(ix) -> int:
    """Recompute every pair and replace the stored ``dup`` records in one commit."""
    with ix.searcher() as s:
        docs = [_doc_summary(d) for d in s.documents(rtype="document")]
    pairs = find_pairs(docs)
    with ix.writer() as w:
        w.delete_by_query(Term("rtype", "dup"))
        for p in pairs:
            a, b = sorted((p["a"], p["b"]), key=_canonical_order)
            slim = [{k: v for k, v in d.items() if k != "text"} for d in (a, b)]
            w.add_document(rid=f"dup::{a['key']}::{b['key']}", rtype="dup", extra={"a": slim[0], "b": slim[1], "score": p["score"]})
    return len(pairs)


def _canonical_order(d: dict):
    """The copy filed under an agenda item (it has a meeting) comes first, then by path."""
    return (d.get("item") is None, d.get("date") is None, d["path"], d.get("document") or "")


def load_pairs(searcher) -> list[dict]:
    """Stored pairs whose documents are still both in the index."""
    def present(key):
        return searcher.document_number(doc_key=key, rtype="document") is not None

    return [p["extra"] for p in searcher.documents(rtype="dup") if present(p["extra"]["a"]["key"]) and present(p["extra"]["b"]["key"])]


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
