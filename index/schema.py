"""The index schema: one Whoosh document per record.

A record is a file, a document, a section, a table, an agenda item, a minutes
item, a resolution, an indicator row (its observations in ``extra``) or a
near-duplicate pair (``rtype``). Words are stemmed
(``StemmingAnalyzer``) so "reports" finds "reported"; everything used to
filter or facet is an exact ``ID``/``KEYWORD`` term; facet fields are
sortable so counting reads a column instead of un-inverting terms. Dates are ISO strings in
a sortable ``ID`` field: lexicographic order is date order and records with no
date simply lack the field.
"""

from __future__ import annotations

from whoosh.analysis import StemmingAnalyzer
from whoosh.fields import ID, KEYWORD, NUMERIC, STORED, TEXT, Schema

LABELS = ("TEAM", "INDICATOR", "PERSON", "ORG", "COMMITTEE", "LEGISLATION", "PLACE", "MONEY", "DATE")
RECORD_TYPES = ("document", "section", "table", "agenda_item", "minutes_item", "resolution", "indicator")


def entity_field(label: str) -> str:
    return "ent_" + label.lower()


def make_schema() -> Schema:
    stem = StemmingAnalyzer()
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
    }
    for label in LABELS:
        fields[entity_field(label)] = KEYWORD(stored=True, commas=True, lowercase=True, scorable=True)
    return Schema(**fields)
