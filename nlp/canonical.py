"""One canonical name per entity across a list of entities (a file or a corpus).

Each entity arrives with a hint in ``.canonical`` (a gazetteer id, the long
form of an acronym, a name without its title). Hints of one label are merged
when they are the same name spelt differently: case, apostrophes, a leading
"the", a dropped word ("Education and Children's Scrutiny Board (2)"), a
missing "(2)", or a unique longer name they end ("Improvement Board").
Names differing in any number never merge: "Scrutiny Board (1)" and "(2)"
are different boards, "A2" and "A3" different indicators.
"""

from __future__ import annotations

from functools import lru_cache

import re
from collections import Counter, defaultdict

from rapidfuzz import fuzz

from minutebook.model import Entity

from . import vocab

FUZZY_MIN = 90
TITLE_RE = re.compile(rf"^{vocab.PERSON_TITLES}\s+")
FIXED_LABELS = {"MONEY", "DATE"}


def _fold(text: str) -> str:
    text = text.replace("’", "'").replace("‘", "'").casefold()
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r"^the ", "", text)


def _digits(text: str) -> list[str]:
    return re.findall(r"\d+", text)


class _Union:
    def __init__(self, keys):
        self.parent = {k: k for k in keys}

    def find(self, k):
        while self.parent[k] != k:
            self.parent[k] = self.parent[self.parent[k]]
            k = self.parent[k]
        return k

    def union(self, a, b):
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra


def canonicalize(entities: list[Entity]) -> None:
    """Set ``.canonical`` on every entity so variants of one name share one spelling."""
    by_label: dict[str, list[Entity]] = defaultdict(list)
    for e in entities:
        by_label[e.label].append(e)
    places = {_fold(e.text) for e in by_label.get("PLACE", [])} | _listed_places()
    for label, group in by_label.items():
        if label in FIXED_LABELS:
            continue
        if label == "PERSON":
            _people(group)
        else:
            _names(group, label, places)
    _bare_council(entities)


@lru_cache(maxsize=1)
def _listed_places() -> frozenset[str]:
    return frozenset(_fold(p) for p in vocab.read_list(vocab.PATTERNS_DIR / "places.txt"))


def _names(group: list[Entity], label: str, places: set[str] | frozenset[str] = frozenset()) -> None:
    hints: dict[str, list[Entity]] = defaultdict(list)
    for e in group:
        hints[_fold(e.canonical or e.text)].append(e)
    keys = list(hints)
    uf = _Union(keys)
    long_keys = [k for k in keys if len(k.split()) > 1]
    for i, a in enumerate(keys):
        for b in keys[i + 1:]:
            if label != "PLACE" and _same(a, b) or a == b:
                uf.union(a, b)
    # A short name ending a unique longer one is that one ("Foster Carer
    # Association" in a paper about the "Coventry Foster Carer Association",
    # "Improvement Board" for the "Children's Services Improvement Board"),
    # when the longer adds a place or a word or two. A name of four words or
    # more stands on its own, and a long run of capitalised words before a
    # name is a list swept up by the shape rules, not a fuller name.
    for a in keys:
        if (len(a.split()) < 2 and "-" not in a) or vocab.is_acronym(a.upper()) and len(a) <= 6:
            continue
        longer = {
            uf.find(b)
            for b in long_keys
            if b != a and (b.endswith(" " + a) and _fuller_name(b[: -len(a)].strip(), a, places) or _strip_number(b) == a)
        }
        longer.discard(uf.find(a))
        if len(longer) == 1:
            uf.union(longer.pop(), a)
    clusters: dict[str, list[str]] = defaultdict(list)
    for k in keys:
        clusters[uf.find(k)].append(k)
    for members in clusters.values():
        ents = [e for k in members for e in hints[k]]
        name = _choose([e.canonical or e.text for e in ents])
        for e in ents:
            e.canonical = name


HEAD_NOUNS = {"partnership", "board", "team", "council", "committee", "group", "hub",
              "panel", "unit", "trust", "association", "agency", "authority", "forum"}


def _fuller_name(prefix: str, short: str, places) -> bool:
    """Whether ``prefix + short`` is a fuller spelling of ``short``; a prefix
    ending in a head noun is the end of another name run into this one."""
    words = prefix.split()
    if not words or words[-1] in HEAD_NOUNS:
        return False
    return prefix in places or len(words) <= 2 and len(short.split()) <= 3


def _strip_number(key: str) -> str:
    return re.sub(r"\s*\(\d+\)$", "", key)


def _same(a: str, b: str) -> bool:
    if a == b:
        return True
    if _digits(a) != _digits(b):
        return False
    wa, wb = a.split(), b.split()
    # Spelling slips inside a long name, never a different first or last
    # word: "East Midlands" is not "West Midlands".
    if min(len(wa), len(wb)) < 3 or wa[0] != wb[0] or wa[-1] != wb[-1]:
        return False
    return fuzz.ratio(a, b) >= FUZZY_MIN


def _choose(names: list[str]) -> str:
    """The fullest printed spelling: not an acronym, longest, most capitals, then the first printed."""
    counts = Counter(names)
    order = {n: i for i, n in reversed(list(enumerate(names)))}

    def score(n: str):
        words = n.split()
        return (
            not vocab.is_acronym(n),
            len(_fold(n)),
            sum(w[:1].isupper() for w in words),
            -order[n],
        )

    return max(counts, key=score)


# --------------------------------------------------------------------------- people


def _parse_person(name: str) -> tuple[list[str], str]:
    name = TITLE_RE.sub("", re.sub(r"\s+", " ", name.strip()))
    words = name.replace(".", " ").split()
    if not words:
        return [], ""
    surname = [words[-1]]
    given = words[:-1]
    while given and given[-1].lower() in {"van", "von", "de", "der", "den", "da", "di", "du", "le", "la", "del", "bin", "al"}:
        surname.insert(0, given.pop())
    # "CE Thomas": a run of capitals is a run of initials.
    expanded = []
    for g in given:
        expanded.extend(list(g) if g.isupper() and len(g) <= 3 else [g])
    return expanded, " ".join(surname)


def _compatible(a: list[str], b: list[str]) -> bool:
    """Given names agree where both are printed: "S" fits "Sukriti", "Pat" does not fit "Paul"."""
    for x, y in zip(a, b):
        if len(x) == 1 or len(y) == 1:
            if x[0].upper() != y[0].upper():
                return False
        elif x.lower() != y.lower():
            return False
    return True


def _people(group: list[Entity]) -> None:
    """Councillor P Seaman, Cllr Seaman and Pat Seaman are one person when nobody else fits."""
    forms: dict[str, list[Entity]] = defaultdict(list)
    for e in group:
        given, surname = _parse_person(e.canonical or e.text)
        key = " ".join(g.lower() for g in given) + "|" + surname.lower()
        forms[key].append(e)
    parsed = {k: (_parse_person(v[0].canonical or v[0].text)) for k, v in forms.items()}
    uf = _Union(list(forms))
    by_surname: dict[str, list[str]] = defaultdict(list)
    for k, (given, surname) in parsed.items():
        by_surname[surname.lower()].append(k)
    for keys in by_surname.values():
        # Richest forms first; each poorer form joins the single richer form it fits.
        keys.sort(key=lambda k: (-sum(len(g) for g in parsed[k][0]), k))
        for i, k in enumerate(keys):
            fits = {uf.find(r) for r in keys[:i] if _compatible(parsed[k][0], parsed[r][0])
                    and sum(len(g) for g in parsed[r][0]) > sum(len(g) for g in parsed[k][0])}
            if len(fits) == 1:
                uf.union(fits.pop(), k)
    clusters: dict[str, list[str]] = defaultdict(list)
    for k in forms:
        clusters[uf.find(k)].append(k)
    for members in clusters.values():
        names = []
        for k in members:
            for e in forms[k]:
                given, surname = parsed[k]
                names.append(" ".join(TITLE_RE.sub("", re.sub(r"\s+", " ", e.canonical or e.text)).split()))
        best = max(names, key=lambda n: (sum(len(g) for g in _parse_person(n)[0]), sum(w[:1].isupper() for w in n.split()), names.count(n)))
        for k in members:
            for e in forms[k]:
                e.canonical = best


# --------------------------------------------------------------------------- the council


def _bare_council(entities: list[Entity]) -> None:
    """"The Council" is the council whose papers these are: the one most named, else the main place's."""
    bare = [e for e in entities if e.label == "ORG" and _fold(e.canonical) in {"council", "city council", "county council", "borough council"}]
    if not bare:
        return
    councils = Counter(
        e.canonical for e in entities
        if e.label == "ORG" and re.search(r"\bCouncil$", e.canonical) and len(e.canonical.split()) > 2
    )
    name = None
    if councils:
        name = councils.most_common(1)[0][0]
    else:
        places = Counter(e.canonical for e in entities if e.label == "PLACE")
        lookup = vocab.council_for_place()
        for place, _ in places.most_common():
            if place in lookup:
                name = lookup[place]
                break
    if name:
        for e in bare:
            e.canonical = name
