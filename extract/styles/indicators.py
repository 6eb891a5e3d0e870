"""Performance tables: how councils print periods, indicator codes and column roles.

Three registries, each entry one printed style with an example written for
this project:

- ``PERIODS``: how a column header (or a row's first cell) names a period.
  ``pattern`` is searched in the cell; ``expect["period"]`` is the canonical
  period ``parse_period`` returns for ``example`` ("2024/25", "2024/25 Q1",
  "2024 Q3", "2024-03", "2024"). The first style that matches wins, so the
  more specific come first.
- ``CODES``: indicator code shapes. Every shape is letters then a number, with
  an optional space, dot or dash between; ``expect["code"]`` is the canonical
  code ``canonical_code`` makes of it (letters upper case, no separator, no
  leading zeros), so ``ASC01``, ``ASC 01`` and ``ASC-01`` are one indicator.
- ``COLUMNS``: what a header that is not a period says about its column
  (``role``: code, name, target, rag, direction, unit). Cell contents can
  also give a column its role (``RAG_CELL``, ``DIRECTION_CELL``).

``COMPARATOR_ROWS`` are the row labels of a table that prints one measure
(named in its corner cell) for the council and its comparators.
"""

from __future__ import annotations

import re

from minutebook.extract.styles import Style
from minutebook.extract.styles.vocab import MONTH_NAME

_FY = r"(?P<y1>(?:19|20)\d\d)\s?[/\-–]\s?(?P<y2>\d\d(?:\d\d)?)"
_Q = r"(?:Q|Qtr\.?\s?|Quarter\s)(?P<q>[1-4])"

PERIODS: list[Style] = [
    Style("quarter-of-split-year", rf"\b{_Q}\s*(?:of\s+)?{_FY}\b", "Q2 2031/32",
          {"period": "2031/32 Q2"}, re.I),
    Style("split-year-then-quarter", rf"\b{_FY}\s*[:,\-–]?\s*{_Q}\b", "2031-32 Quarter 3",
          {"period": "2031/32 Q3"}, re.I),
    Style("quarter-of-year", rf"\b{_Q}\s*(?P<y>(?:19|20)\d\d)\b", "Qtr 4 2031", {"period": "2031 Q4"}, re.I),
    Style("month-year", rf"\b(?P<month>{MONTH_NAME})\b\.?[\s\-']*(?P<y>(?:19|20)?\d\d)\b(?![/\-]\d)", "Sept-31",
          {"period": "2031-09"}, re.I),
    Style("split-year", rf"\b{_FY}\b", "2030/2031", {"period": "2030/31"}),
    Style("year", r"\b(?P<y>(?:19|20)\d\d)\b", "Outturn 2031", {"period": "2031"}),
    # A bare quarter takes its year from the table's title ("… 2031/32").
    Style("bare-quarter", rf"^\s*{_Q}\s*$", "Quarter 1", {"period": "Q1"}, re.I),
]

CODES: list[Style] = [
    Style("dotted-number", r"[A-Z]{1,5}[ \-]?\d{1,2}\.\d{1,2}[a-z]?", "KPI 7.3", {"code": "KPI7.3"}),
    Style("letters-digits", r"[A-Z]{1,5}\d{1,3}[a-z]?", "CYP12", {"code": "CYP12"}),
    Style("letters-space-digits", r"[A-Z]{1,5} \d{1,3}[a-z]?", "HWB 07", {"code": "HWB7"}),
    Style("letters-dash-digits", r"[A-Z]{1,5}[\-–]\d{1,3}[a-z]?", "ENV-04", {"code": "ENV4"}),
    Style("letters-dot-digits", r"[A-Z]{1,5}\.\d{1,3}[a-z]?", "PL.9", {"code": "PL9"}),
    Style("mixed-case-prefix", r"[A-Z][a-z]?[A-Z]{1,3}[ \-]?\d{1,3}", "CfE 2", {"code": "CFE2"}),
]
CODE = "|".join(f"(?:{s.pattern})" for s in CODES)
CODE_RE = re.compile(rf"(?<![\w./-])(?:{CODE})(?![\w/]|\.\d)")
# Words that look like codes but are not indicators: numbered items and parts, quarters, sections of an Act (S151, S106).
# (A bare "A2" may be a road or a paper size: text needs a performance context for it, see extract/indicators.py.)
NOT_CODES = re.compile(r"^Q[1-4]$|^S\d{2,3}$|^(?:COVID|ITEM|PAGE|NO|PARA|FIG|TABLE|KS|YEAR|Y|SECTION|CLAUSE|APPENDIX|ANNEX|PART|STAGE|PHASE|TIER|LEVEL|WARD|ROOM|FLOOR|BAND|GRADE)\d", re.I)

COLUMNS: list[Style] = [
    Style("code", r"^(?:ref(?:erence)?\.?|code|no\.?|id|#|(?:kpi|pi|indicator|measure)\s+(?:ref(?:erence)?|code|no\.?))$",
          "Ref.", {"role": "code"}, re.I),
    Style("name", r"^(?:(?:key\s+)?(?:performance\s+)?(?:indicators?|measures?|metrics?|kpis?|pis?)(?:\s+(?:name|title|description))?|description|title)$",
          "Performance measure", {"role": "name"}, re.I),
    Style("target", r"\b(?:targets?|goal|ambition|tolerance)\b", "Target 31/32", {"role": "target"}, re.I),
    Style("rag", r"\b(?:RAG|status|rating|r/a/g)\b", "RAG status", {"role": "rag"}, re.I),
    Style("direction", r"\b(?:direction|DoT|trend|travel|change|movement|better or worse)\b", "Direction of travel",
          {"role": "direction"}, re.I),
    Style("unit", r"^(?:units?|measured (?:as|in)|format)$", "Unit", {"role": "unit"}, re.I),
    Style("polarity", r"\b(?:polarity|good is|higher is better|lower is better)\b", "Good is", {"role": "polarity"}, re.I),
]

RAG_CELL = re.compile(r"^(?:red|amber|green|blue|grey|r|a|g|ag|ra|g\+|b|on track|off track|on target|off target|met|not met)$", re.I)
DIRECTION_CELL = re.compile(
    r"^(?:[↑↓→←↗↘⬆⬇▲▼△▽⇧⇩=↔]|up(?:ward)?s?|down(?:ward)?s?|improv(?:ing|ed)|worse(?:ning|ned)?|declin(?:ing|ed)"
    r"|deteriorat(?:ing|ed)|better|same|stable|static|no change|maintained|similar|unchanged)\b", re.I)
# Row labels of a comparator table: the same measure for the council, the nation, a region, a rank.
COMPARATOR_ROWS = re.compile(
    r"^(?:national(?:\s+average)?|england|wales|scotland|northern ireland|ireland|uk|great britain|regional?(?:\s+average)?"
    r"|region|statistical neighbours?|(?:la|local authority|national)?\s*rank(?:ing)?|quartile|comparators?|core cities"
    r"|all (?:schools|authorities|councils)|nearest neighbours?|benchmark|family group)\b", re.I)
# A cell with a figure: sign, currency, digits, then a unit word.
UNIT_WORDS = r"%|pp|ppts?|days?|weeks?|months?|hours?|hrs|mins?|minutes?|years?|k|m|bn|points?|pts|per\s+(?:cent|\d[\d,]*(?:\s+\w+)?)"
FIGURE = re.compile(
    rf"^(?:[<>≤≥~]|c\.)?\s*(?P<cur>[£$€])?\s*(?P<num>[-+−–]?\s?\d[\d,]*(?:\.\d+)?)\s*(?P<unit>{UNIT_WORDS})?(?![\w])", re.I)
NO_VALUE = re.compile(r"^(?:n/?a|n/?k|tbc|tbd|-+|–|—|\*+|nil|none|not (?:available|applicable|reported|known)|no data|awaiting.*|x)$", re.I)

MONTHS = {m: i for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)}


def parse_period(text: str) -> tuple[str, str, tuple[int, int]] | None:
    """``(style name, canonical period, span)`` of the first period ``text`` prints, or None."""
    for style in PERIODS:
        m = re.search(style.pattern, text, style.flags)
        period = _canonical(m.groupdict()) if m else None
        if period:
            return style.name, period, m.span()
    return None


def _year(y: str) -> int:
    return int(y) if len(y) == 4 else 2000 + int(y)


def _split(y1: str, y2: str) -> str | None:
    first, second = int(y1), int(y2[-2:])
    return f"{first}/{second:02d}" if (first + 1) % 100 == second else None


def _canonical(g: dict) -> str | None:
    if "y1" in g and g.get("y1"):
        split = _split(g["y1"], g["y2"])
        if split is None:
            return None
        return f"{split} Q{g['q']}" if g.get("q") else split
    if g.get("month"):
        return f"{_year(g['y'])}-{MONTHS[g['month'][:3].lower()]:02d}"
    if g.get("q") and g.get("y"):
        return f"{g['y']} Q{g['q']}"
    if g.get("q"):
        return f"Q{g['q']}"
    return g.get("y")


def period_key(period: str) -> tuple[int, int]:
    """Sortable (year, month) at which a canonical period ends.

    A split year ("2024/25") runs April to March, as UK financial years
    do; its quarters are financial quarters. A calendar year's quarters end
    in March, June, September and December.
    """
    m = re.fullmatch(r"(\d{4})/(\d\d)(?: Q([1-4]))?", period)
    if m:
        year = int(m.group(1))
        if not m.group(3):
            return year + 1, 3
        end = 3 + 3 * int(m.group(3))
        return (year, end) if end <= 12 else (year + 1, end - 12)
    m = re.fullmatch(r"(\d{4}) Q([1-4])", period)
    if m:
        return int(m.group(1)), 3 * int(m.group(2))
    m = re.fullmatch(r"(\d{4})-(\d\d)", period)
    if m:
        return int(m.group(1)), int(m.group(2))
    m = re.fullmatch(r"(\d{4})", period)
    return (int(m.group(1)), 12) if m else (0, 0)


def canonical_code(code: str) -> str:
    """One spelling of a code: ``ASC-01``, ``asc 01`` and ``ASC01`` are ``ASC1``; ``KPI 4.02`` is ``KPI4.2``."""
    m = re.fullmatch(r"\s*([A-Za-z]+)[\s.\-–]*(\d+)(?:\.(\d+))?([a-z]?)\s*", code)
    if not m:
        return re.sub(r"[\s\-–]", "", code).upper()
    out = m.group(1).upper() + str(int(m.group(2)))
    if m.group(3):
        out += "." + str(int(m.group(3)))
    return out + m.group(4)


def is_code(text: str) -> bool:
    """The whole of ``text`` is an indicator code, and not a road, paper size or numbered item."""
    text = text.strip()
    return bool(re.fullmatch(f"(?:{CODE})", text)) and not NOT_CODES.match(canonical_code(text))


def column_role(header: str) -> str | None:
    for style in COLUMNS:
        if re.search(style.pattern, header.strip(), style.flags):
            return style.expect["role"]
    return None
