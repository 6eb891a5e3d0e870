"""Build the entity pipeline and tag extracted documents with it.

Locations: an entity in a section's text has ``section`` = the section id and
character offsets into ``Section.text``; one in a section's heading has
``section`` = ``"<section id>:heading"`` and offsets into the heading; one in
a table row has ``section`` = ``"<table id>:r<row index>"`` and offsets into
the row's cells joined by tabs.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterable

import spacy
from spacy.language import Language

from minutebook.extract.indicators import code_mentions, table_codes
from minutebook.model import Document, Entity

from . import components  # noqa: F401  (registers the factories)
from .canonical import canonicalize

RULE_PIPES = [
    ("minutebook_gazetteer", {}),
    ("minutebook_legislation", None),
    ("minutebook_indicators", None),
    ("minutebook_quantities", None),
    ("minutebook_people", {}),
    ("minutebook_shapes", {}),
    ("minutebook_resolve", {}),
]

_DEFAULT: Language | None = None


def build_nlp(model: str | None = None, terms: str | Path | None = None) -> Language:
    """The rule pipeline on ``spacy.blank("en")``, or on an installed ``model``.

    With a model, its PERSON/ORG entities are kept only where no rule found
    anything. ``terms`` is a user ``terms.yml`` adding names to the gazetteer.
    """
    if model:
        if not spacy.util.is_package(model) and not Path(model).exists():
            raise OSError(
                f"spaCy model {model!r} is not installed; install it with your package manager "
                f"(e.g. pip install {model}) or call build_nlp() without a model"
            )
        nlp = spacy.load(model, exclude=["parser", "lemmatizer", "textcat"])
    else:
        nlp = spacy.blank("en")
    for name, config in RULE_PIPES:
        if name == "minutebook_gazetteer" and terms:
            config = {"terms": str(terms)}
        nlp.add_pipe(name, config=config) if config is not None else nlp.add_pipe(name)
    return nlp


def _default_nlp() -> Language:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = build_nlp()
    return _DEFAULT


VENUE_LABELS = {"place", "venue", "location", "place:", "venue:", "location:"}


def _units(documents: list[Document]) -> Iterable[tuple[str, tuple[Document, str, str | None]]]:
    """Every text to tag, with (document, location, venue flag)."""
    for doc in documents:
        previous = None
        for section in doc.sections:
            if section.heading:
                yield section.heading, (doc, f"{section.id}:heading", None, None)
            if section.text:
                venue = (section.heading or previous or "").strip().lower() in VENUE_LABELS
                yield section.text, (doc, section.id, "venue" if venue else None, None)
                previous = section.text
        for t_index, table in enumerate(doc.tables):
            tid = table.id or f"{doc.id}.t{t_index + 1}"
            for r, row in enumerate(table.rows):
                text = "\t".join(cell or "" for cell in row)
                if text.strip():
                    yield text, (doc, f"{tid}:r{r}", None, (table, row))


def tag_documents(documents: list[Document], nlp: Language | None = None, batch_size: int = 64) -> list[Entity]:
    """Tag every section text, heading and table row; canonical names set across the list."""
    nlp = nlp or _default_nlp()
    units = list(_units(documents))
    entities: list[Entity] = []
    texts: dict[str, list[str]] = {}
    for sdoc, (doc, where, flag, table_row) in nlp.pipe(units, as_tuples=True, batch_size=batch_size):
        text = components._text(sdoc)  # the components' copy: ``Doc.text`` is rebuilt from tokens each time
        texts.setdefault(doc.id, []).append(text)
        found = []
        extra = sdoc._.mb_values or {}
        for ent in sdoc.ents:
            values = dict(extra.get((ent.start_char, ent.end_char), {}))
            found.append(Entity(
                text=ent.text, label=ent.label_, canonical=ent.kb_id_ or ent.text, document=doc.id,
                section=where, start=ent.start_char, end=ent.end_char, values=values,
            ))
        if flag == "venue":
            found = _venue(text, found, doc.id, where)
        if table_row is not None:
            found = _header_labels(text, found, *table_row)
            _row_values(found, *table_row)
        entities.extend(found)
    entities.extend(_acronyms(units, entities))
    _table_codes(units, entities, documents)
    # Document order, so "first printed" means what a reader sees first.
    position = {(doc.id, where): n for n, (_, (doc, where, _, _)) in enumerate(units)}
    entities.sort(key=lambda e: (position.get((e.document, e.section), 0), e.start))
    canonicalize(entities)
    return entities


def _table_codes(units, entities: list[Entity], documents: list[Document]) -> None:
    """Codes of the file's performance tables, tagged wherever the text repeats them ("ASC 01 rose …").

    A name inside a code ("HWB" of "HWB 03") gives way to the code.
    """
    codes = table_codes(documents)
    if not codes:
        return
    by_unit: dict[tuple[str, str], list[Entity]] = {}
    for e in entities:
        by_unit.setdefault((e.document, e.section), []).append(e)
    inside: set[int] = set()
    for text, (doc, where, _, _) in units:
        here = by_unit.get((doc.id, where), [])
        for start, end, code in code_mentions(text, codes):
            within = [e for e in here if start <= e.start and e.end <= end]
            if any(e.label == "INDICATOR" for e in within) or any(e.start < end and start < e.end for e in here if e not in within):
                continue
            inside.update(map(id, within))
            entities.append(Entity(text[start:end], "INDICATOR", code, doc.id, where, start, end))
    entities[:] = [e for e in entities if id(e) not in inside]


def _venue(text: str, found: list[Entity], doc_id: str, where: str) -> list[Entity]:
    """The line after a "Place"/"Venue" label is the meeting's venue, up to the first comma."""
    end = min([i for i in (text.find(","), text.find("\n")) if i >= 0] or [len(text)])
    venue = text[:end].strip()
    if not venue or len(venue) > 80:
        return found
    kept = [e for e in found if e.start >= end]
    return [Entity(venue, "PLACE", venue, doc_id, where, 0, len(venue))] + kept


NAME_LABELS = {"PERSON", "ORG", "TEAM", "COMMITTEE"}


def _header_labels(text: str, found: list[Entity], table, row: list[str]) -> list[Entity]:
    """A header cell is a column label: a name inside a longer label ("Cabinet Member/ Lead Officer") is no mention.

    A name filling its whole header cell ("Coventry City Council") still is.
    """
    index = next((i for i, r in enumerate(table.rows) if r is row), None)
    if index is None or index >= table.header_rows:
        return found
    cells, at = [], 0
    for cell in text.split("\t"):
        stripped = cell.strip()
        start = at + (len(cell) - len(cell.lstrip()))
        cells.append((start, start + len(stripped)))
        at += len(cell) + 1
    return [e for e in found if e.label not in NAME_LABELS or (e.start, e.end) in cells]


def _row_values(found: list[Entity], table, row: list[str]) -> None:
    """An indicator opening a row's first cell takes the row's cells as values, by header.

    An indicator heading the table (in a header row) names its measure; it
    takes the first data row, labelled by that row's first cell.
    """
    header = table.header or []
    index = next((i for i, r in enumerate(table.rows) if r is row), None)
    if index is not None and index < table.header_rows:
        if len(table.rows) <= table.header_rows:
            return
        first = table.rows[table.header_rows]
        for e in found:
            if e.label == "INDICATOR" and e.start <= len(row[0]) - len(row[0].lstrip()):
                if first[0]:
                    e.values["row"] = first[0].strip()
                row = first
                break
        else:
            return
    for e in found:
        if e.label == "INDICATOR" and e.start <= len(row[0]) - len(row[0].lstrip()):
            for j, cell in enumerate(row[1:], 1):
                key = header[j] if j < len(header) and header[j] else f"column {j + 1}"
                # Values are figures ("216 days", "35% (39 of 112)"), not a glossary's prose.
                if cell and re.search(r"\d", cell) and len(cell.strip()) <= 40:
                    e.values[key] = cell.strip()
            return


ACRONYM_DEF = re.compile(
    r"((?:[A-Z][\w’'\-]*)(?:\s+(?:[A-Z][\w’'\-]*|of|and|for|the|&|in|on|to)){1,8})\s+\(([A-Z][A-Za-z]{1,6})\)"
)
REVERSE_DEF = re.compile(r"\b([A-Z][A-Za-z]{1,6})\s+\(((?:[A-Z][\w’'\-]*)(?:\s+(?:[A-Z][\w’'\-]*|of|and|for|the|&|in|on|to)){1,8})\)")


def _initials_match(acronym: str, phrase: str) -> str | None:
    """The shortest tail of ``phrase`` whose word initials spell ``acronym``."""
    words = re.split(r"[\s\-]+", phrase)
    target = acronym.upper()
    for k in range(len(words)):
        tail = words[k:]
        full = "".join(w[0] for w in tail).upper()
        content = "".join(w[0] for w in tail if w.lower() not in {"of", "and", "for", "the", "&", "in", "on", "to"}).upper()
        if target in (full, content) and tail[0][0].isupper():
            return " ".join(tail)
    return None


def _acronyms(units, entities: list[Entity]) -> list[Entity]:
    """Acronyms the papers define ("Edge of Care (EOC)") tagged wherever they recur.

    The acronym takes the label and canonical name of the entity its long
    form names, so "EOC" joins "Edge of Care Service".
    """
    definitions: dict[str, str] = {}
    for text, _ in units:
        for rx, acr_group, long_group in ((ACRONYM_DEF, 2, 1), (REVERSE_DEF, 1, 2)):
            for m in rx.finditer(text):
                acronym = m.group(acr_group)
                phrase = _initials_match(acronym, m.group(long_group))
                if phrase:
                    definitions.setdefault(acronym, phrase)
    by_text: dict[str, Entity] = {}
    for e in entities:
        by_text.setdefault(_fold(e.text), e)
    meaning: dict[str, tuple[str, str]] = {}
    for acronym, phrase in definitions.items():
        key = _fold(phrase)
        target = by_text.get(key) or next(
            (e for t, e in by_text.items() if t.startswith(key + " ") and t.split()[-1] in HEAD_WORDS and len(t.split()) == len(key.split()) + 1), None
        )
        if target is None:
            target = next((e for t, e in by_text.items() if t.endswith(" " + key) or key.endswith(" " + t) and len(t.split()) > 1), None)
        if target is not None and target.label not in ("PERSON", "MONEY", "DATE"):
            meaning[acronym] = (target.label, target.canonical)
    # Undefined acronyms that spell a multi-word name tagged nearby
    # ("CSCP" in a paper naming the Coventry Safeguarding Children's Partnership).
    spelt: dict[str, set[tuple[str, str]]] = {}
    for e in entities:
        words = re.split(r"[\s\-]+", e.canonical.replace("’s", "").replace("'s", ""))
        if e.label in ("ORG", "TEAM", "COMMITTEE", "INDICATOR") and len(words) >= 3:
            small = {"of", "and", "for", "the", "&", "in", "on", "to"}
            for initials in ("".join(w[0] for w in words), "".join(w[0] for w in words if w.lower() not in small)):
                if len(initials) >= 3 and initials.isupper():
                    spelt.setdefault(initials, {}).setdefault((e.label, _fold(e.canonical)), (e.label, e.canonical))
    for acronym, targets in spelt.items():
        if len(targets) == 1 and acronym not in meaning:
            meaning[acronym] = next(iter(targets.values()))
    if not meaning:
        return []
    pattern = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, sorted(meaning, key=len, reverse=True))) + r")(?![\w-])")
    taken: dict[tuple[str, str], list[tuple[int, int]]] = {}
    for e in entities:
        taken.setdefault((e.document, e.section), []).append((e.start, e.end))
    out = []
    for text, (doc, where, _, _) in units:
        spans = taken.get((doc.id, where), [])
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in spans):
                continue
            label, canonical = meaning[m.group(1)]
            out.append(Entity(m.group(1), label, canonical, doc.id, where, m.start(), m.end()))
    return out


# A defined phrase plus one of these is the same thing: "Edge of Care (EOC)" names the Edge of Care Service.
HEAD_WORDS = {"service", "team", "hub", "unit", "panel", "board", "partnership", "group", "committee", "agency"}


def _fold(text: str) -> str:
    text = text.replace("’", "'").casefold()
    return re.sub(r"^the\s+", "", re.sub(r"\s+", " ", text)).strip()
