"""One vocabulary for every stage: body words, personal titles, honours, weekdays."""

from __future__ import annotations

import re

WS = re.compile(r"\s+")
WEEKDAY = r"(?:mon|tue|wed|thu|fri|sat|sun)"

# Words that make a name the name of a body (committee, board, council…).
BODY_WORDS = (
    "board|committee|cabinet|council|panel|forum|commission|partnership|sub-committee|executive"
    "|authority|assembly|district|township|trust"
)
COMMITTEE_WORDS = re.compile(rf"\b(?:{BODY_WORDS})\b", re.I)

# Personal titles printed before names (the plural forms head a list of names).
TITLES = (
    r"(?:Councillors?|Councilmembers?|Councilors?|Cllrs?\.?|Aldermen|Alderman|Commissioners?|Mayor|Deputy\s+Mayor"
    r"|Reeve|Deputy\s+Reeve|Mr|Mrs|Ms|Miss|Mx|Dr|Prof(?:essor)?|Rev(?:erend)?|Sir|Dame|Lord|Lady)"
)
PLURAL_TITLE = re.compile(r"^(?:Councillors|Councilmembers|Councilors|Cllrs\.?|Aldermen|Commissioners)\s+", re.I)
# Honours and post-nominals: never a name of their own.
HONOURS = {"obe", "mbe", "cbe", "kbe", "dbe", "bem", "dl", "jp", "kc", "qc", "mp", "msp", "ms", "esq", "phd", "cpa", "cmo"}
PARTICLES = {"de", "van", "von", "da", "der", "den", "le", "la", "du", "bin", "al", "di", "del", "mac", "o"}


def collapse(text: str) -> str:
    return WS.sub(" ", text).strip()
