"""Performance indicators: observations read from performance tables, and codes in text.

A performance table is known by its shape, not its wording: a column naming
the measure (and perhaps one of codes), two or more columns whose headers
name periods (or one period beside a target, RAG or direction column), and
figures in the period cells. Each row and period with a figure is one
``Indicator`` observation. The shapes (periods, codes, column roles) are the
registries in ``extract/styles/indicators.py``.

Three layouts are read:

- measures down the side, periods across (a code in its own column or
  opening the name: "ASC 01 - Proportion of …");
- one measure named in the corner cell, with rows for the council and its
  comparators ("National", "Statistical neighbours", "LA rank"): each row is
  a ``breakdown`` of that measure;
- periods down the side, measures across (a monthly or quarterly return).
"""

from __future__ import annotations

import re

from minutebook.extract.styles import indicators as styles
from minutebook.model import Document, Indicator, Meeting, Table

MIN_FIGURE_SHARE = 0.5  # of the filled period cells
WORDS = re.compile(r"[^\W\d_]{2,}")
CODE_PREFIX = re.compile(rf"^\s*(?P<code>{styles.CODE})\s*[-–—:.)]\s*(?P<name>\S.*)$", re.S)
# Units a name or header prints once for the whole row or column, most telling first.
UNITS_PRINTED = [
    ("%", re.compile(r"%|\bper ?cent(?:age)?\b|\bpercentage\b", re.I)),
    (None, re.compile(r"£\s?(?:000s?|m|k|bn)\b", re.I)),
    (None, re.compile(r"(?<=\()(?:days|weeks|months|hours)(?=\))|(?<=\bin )(?:days|weeks|months|hours)\b", re.I)),
]


def find_indicators(documents: list[Document], meetings: list[Meeting]) -> list[Indicator]:
    """Every observation in the documents' performance tables, with the date of the meeting each was reported to."""
    out: list[Indicator] = []
    for doc in documents:
        date = meeting_date(doc, documents, meetings)
        for table in doc.tables:
            out.extend(table_indicators(table, doc.id, date))
    return out


def meeting_date(doc: Document, documents: list[Document], meetings: list[Meeting]) -> str | None:
    """The meeting a document was reported to: the one it minutes, else the one its pack summons."""
    minuted = next((m for m in meetings if m.document == doc.id and m.source_role == "minutes"), None)
    if minuted and minuted.date:
        return minuted.date
    agenda = next((m for m in meetings if m.source_role == "agenda" and m.date), None)
    return agenda.date if agenda else doc.date


def table_indicators(table: Table, document: str | None = None, meeting: str | None = None) -> list[Indicator]:
    """The observations of one table; ``[]`` when it is not a performance table."""
    header, body, first = _header_and_body(table)
    if header is None:
        return _transposed(table, document, meeting)
    title_period = styles.parse_period(table.title or "")
    columns = [_column(h, [r[i] if i < len(r) else "" for r in body], title_period) for i, h in enumerate(header)]
    periods = [i for i, c in enumerate(columns) if c[0] == "period"]
    roles = {c[0]: i for i, c in reversed(list(enumerate(columns)))}
    if not periods or len(periods) < 2 and not ({"target", "rag", "direction"} & roles.keys()):
        return []
    texts = [i for i, c in enumerate(columns) if c[0] in ("name", None) and i < periods[0] and _mostly_text(body, i)]
    if not texts or not _mostly_figures(body, periods):
        return []
    qualifiers = _qualifiers([columns[i][2] for i in periods])
    corner = _clean(header[texts[0]])
    # One measure for the council and its comparators, named in the corner ("Good Level of Development" over
    # "Coventry", "National"), or in a title breaking it down by the corner's word ("Absence by phase" over "Phase").
    by_corner = re.match(rf"(.+?)\s+by\s+{re.escape(corner)}\b(.*)$", table.title or "", re.I) if corner else None
    comparator = len(corner.split()) >= 2 and styles.column_role(corner) != "name" and any(
        styles.COMPARATOR_ROWS.match(_cell(r, texts[0])) for r in body)
    if by_corner:
        corner, comparator = _clean(by_corner.group(1) + by_corner.group(2)), True
    code_col = roles.get("code")
    out: list[Indicator] = []
    name = None
    for n, row in enumerate(body, start=first):
        cells = [_cell(row, i) for i in range(len(header))]
        if cells == [h.strip() for h in header]:
            continue  # a header repeated after a page break
        label = cells[texts[0]]
        if label and not any(cells[i] for i in periods):
            continue  # a section row: "Adult Social Care"
        if comparator:
            breakdown, this_name = label or None, corner
        else:
            this_name = label or name  # a blank name cell continues the row above
            breakdown = cells[texts[1]] if len(texts) > 1 and cells[texts[1]] else None
        if not this_name:
            continue
        name = this_name
        code, shown = _code(cells[code_col] if code_col is not None else "", this_name)
        found: list[Indicator] = []
        for i in periods:
            value = cells[i]
            if not value or styles.NO_VALUE.match(value) or not re.search(r"\d", value):
                continue
            number, unit = _figure(value)
            found.append(Indicator(
                name=_clean(shown), period=columns[i][1], value=value, code=code, number=number,
                unit=unit or _unit(header[i], shown), target=_role_cell(cells, roles, "target"),
                breakdown="; ".join(x for x in (breakdown, qualifiers[periods.index(i)]) if x) or None,
                document=document, table=table.id, page=table.page, row=n, column=_clean(header[i]) or None,
                meeting_date=meeting,
            ))
        if found:
            latest = max(found, key=lambda o: styles.period_key(o.period))
            latest.rag = _role_cell(cells, roles, "rag")
            latest.direction = _role_cell(cells, roles, "direction")
            out.extend(found)
    return out


def _header_and_body(table: Table) -> tuple[list[str] | None, list[list[str]], int]:
    """The header row naming periods and the rows under it (with the first one's index)."""
    if table.header and _period_count(table.header) >= 1:
        return table.header, table.rows[table.header_rows:], table.header_rows
    for k, row in enumerate(table.rows[:3]):
        if _period_count(row) >= 2:
            return row, table.rows[k + 1:], k + 1
    return None, table.rows, 0


def _period_count(cells: list[str]) -> int:
    return sum(1 for c in cells if c and styles.parse_period(c) and not styles.column_role(c))


def _column(header: str, cells: list[str], title_period) -> tuple[str | None, str | None, str]:
    """``(role, period, residual words)`` of a column, by its cells, then its header."""
    filled = [c.strip() for c in cells if c and c.strip()]
    if not filled:
        return None, None, ""
    if sum(bool(styles.RAG_CELL.match(c)) for c in filled) / len(filled) >= 0.6:
        return "rag", None, ""
    if sum(bool(styles.DIRECTION_CELL.match(c)) for c in filled) / len(filled) >= 0.6:
        return "direction", None, ""
    if sum(styles.is_code(c) for c in filled) / len(filled) >= 0.6:
        return "code", None, ""
    role = styles.column_role(header)
    if role:
        return role, None, ""
    found = styles.parse_period(header)
    if not found:
        return None, None, ""
    name, period, (start, end) = found
    if name == "bare-quarter":
        if not title_period or not re.fullmatch(r"\d{4}(?:/\d\d)?", title_period[1]):
            return None, None, ""
        period = f"{title_period[1]} {period}"
    rest = header[:start] + " " + header[end:]
    while found := styles.parse_period(rest):  # "2020/21 cohort in 2022": the other year is no qualifier
        rest = rest[:found[2][0]] + " " + rest[found[2][1]:]
    return "period", period, " ".join(rest.split())


def _qualifiers(residuals: list[str]) -> list[str | None]:
    """Words beside the period in every column header that differ between columns ("Budget", "Actual", "Reading").

    Words on some columns only are a note on them ("2023/24 Autumn term"), not a breakdown.
    """
    if len(set(residuals)) <= 1 or not all(residuals):
        return [None] * len(residuals)
    return [r.strip(" ()[]-–") or None for r in residuals]


def _cell(row: list[str], i: int) -> str:
    return " ".join((row[i] if i < len(row) and row[i] else "").split())


def _is_text(cell: str) -> bool:
    return len(WORDS.findall(cell)) >= 2 or bool(cell) and not re.search(r"\d", cell)


def _mostly_text(body: list[list[str]], i: int) -> bool:
    filled = [_cell(r, i) for r in body if _cell(r, i)]
    return bool(filled) and sum(map(_is_text, filled)) / len(filled) >= 0.6


def _mostly_figures(body: list[list[str]], periods: list[int]) -> bool:
    filled = [_cell(r, i) for r in body for i in periods if _cell(r, i) and not styles.NO_VALUE.match(_cell(r, i))]
    return bool(filled) and sum(bool(styles.FIGURE.match(c)) for c in filled) / len(filled) >= MIN_FIGURE_SHARE


def _figure(value: str) -> tuple[float | None, str | None]:
    m = styles.FIGURE.match(value.strip())
    if not m:
        return None, None
    number = float(re.sub(r"[\s,]", "", m.group("num")).replace("−", "-").replace("–", "-"))
    unit = m.group("cur") or (m.group("unit") or "").lower() or None
    return number, unit


def _unit(*texts: str) -> str | None:
    """A unit a header or name prints once for every cell: "(%)", "£000", "in days"."""
    for unit, rx in UNITS_PRINTED:
        for text in texts:
            m = rx.search(text)
            if m:
                return unit or m.group().lower().replace(" ", "")
    return None


def _code(code_cell: str, name: str) -> tuple[str | None, str]:
    """The canonical code of a row and its name without the code that opens it."""
    if code_cell and styles.is_code(code_cell):
        return styles.canonical_code(code_cell), name
    m = CODE_PREFIX.match(name)
    if m and styles.is_code(m.group("code")):
        return styles.canonical_code(m.group("code")), m.group("name")
    return None, name


def _role_cell(cells: list[str], roles: dict, role: str) -> str | None:
    i = roles.get(role)
    return (cells[i] or None) if i is not None and i < len(cells) else None


def _clean(text: str) -> str:
    return " ".join(text.split())


def _transposed(table: Table, document, meeting) -> list[Indicator]:
    """Periods down the first column, measures across the header."""
    header = table.header
    body = table.rows[table.header_rows:]
    if not header or len(header) < 2 or len(body) < 2:
        return []
    periods = [styles.parse_period(_cell(r, 0)) for r in body]
    if sum(p is not None and p[0] != "bare-quarter" for p in periods) < 2:
        return []
    measures = [j for j in range(1, len(header)) if header[j].strip() and _is_text(header[j])
                and not styles.column_role(header[j]) and _mostly_figures(body, [j])]
    out = []
    for n, (row, p) in enumerate(zip(body, periods), start=table.header_rows):
        if p is None or p[0] == "bare-quarter":
            continue
        for j in measures:
            value = _cell(row, j)
            if not value or styles.NO_VALUE.match(value) or not re.search(r"\d", value):
                continue
            code, shown = _code("", _clean(header[j]))
            number, unit = _figure(value)
            out.append(Indicator(name=_clean(shown), period=p[1], value=value, code=code, number=number,
                                 unit=unit or _unit(shown), document=document, table=table.id,
                                 page=table.page, row=n, column=_clean(header[j]), meeting_date=meeting))
    return out


def table_codes(documents: list[Document]) -> set[str]:
    """Canonical codes of the indicators in a file's performance tables."""
    return {o.code for doc in documents for t in doc.tables for o in table_indicators(t) if o.code}


def code_mentions(text: str, codes: set[str]) -> list[tuple[int, int, str]]:
    """``(start, end, canonical code)`` of each code in ``text`` that a performance table of the same file reports.

    A bare code ("A2", "H1") is a road, a paper size or a grid square as
    often as an indicator; the file's own performance table is the context
    that makes it one, however it is spaced or dashed.
    """
    out = []
    for m in styles.CODE_RE.finditer(text):
        code = styles.canonical_code(m.group())
        if code in codes:
            out.append((m.start(), m.end(), code))
    return out
