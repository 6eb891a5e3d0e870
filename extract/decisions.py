"""Decisions: one resolution per decision statement, in the styles councils print.

``decision_at`` reads what starts at a paragraph: a ``RESOLVED`` block with its
clauses; a motion (``Moved by …``, ``X proposed and Y seconded …``, the motion
under a resolution number) with the vote and result printed after it; a vote
put on a motion printed earlier; or decisions told inside the paragraph
(``it was agreed to …``). The cues are data in ``styles/decisions.py``.

A carried motion followed by its ``RESOLVED`` block is one decision: the
``RESOLVED`` text with the motion's mover, seconder and vote. A motion with no
result printed after it is kept as ``decision_only``.
"""

from __future__ import annotations

import re
from collections.abc import Container

from minutebook.extract.styles.decisions import (
    FOLLOW_UP,
    LATER,
    LEADS,
    MOTION_HEADER,
    RESOLUTION_PREFIX,
    MOVERS,
    NARRATIVE,
    NOT_DECIDED,
    OUTCOME_WORDS,
    RESULTS,
    SIDES,
    VOTES,
)
from minutebook.extract.dates import find_dates
from minutebook.extract.styles.vocab import HONOURS
from minutebook.extract.styles.vocab import collapse as _collapse
from minutebook.model import Block, MinutesItem, Resolution, Votes

LABEL_ONLY = re.compile(r"^(?:it\s+was\s+)?(?:resolved|recommended|decisions?|agreed)(?:\s+that)?\s*[:\-–—]?\s*$", re.I)
MINUTE_REF = re.compile(r"\bminutes?\s+(?:nos?\.?\s*)?(?P<nums>\d{1,4}[a-z]?(?:\s*(?:,|and|&)\s*\d{1,4}[a-z]?)*)(?!\s*(?:am|pm)\b)", re.I)

CLAUSE = re.compile(r"^\(?(?P<label>\d{1,2}|[a-z]|[ivx]{1,4}|[A-Z])(?P<close>[).])\.?\s+(?P<text>\S.*)$")
BULLET = re.compile(r"^[•·▪‣◦●○■□➢►✓]\s*(?P<text>\S.*)$|^-\s+(?P<text2>\S.*)$")
ROMAN = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"]

# A paragraph number before a decision: "(4) RESOLVED …", "2) Mr A proposed …", "5. RESOLVED …".
PARA_NUMBER = re.compile(r"^\((?P<n>\d{1,2})\)\s+|^(?P<m>\d{1,2})[.)]\s+(?=\S)")
PARAGRAPH_REF = re.compile(r"\bparagraph\s+(?P<n>\d{1,2})\b", re.I)
# Page numbers and the superscript ordinals a PDF prints on a line of their own ("th", "st nd").
PAGE_NUMBER = re.compile(r"^(?:page\s+)?\d{1,6}(?:\s+of\s+\d{1,4})?$|^(?:(?:st|nd|rd|th)\s*)+$", re.I)
# The seconder's and result's own lines in a motion printed one part per line.
MOTION_PART = re.compile(r"^(?:seconded\s+by\b|and\s+(?:it\s+was\s+)?resolved\b)", re.I)
SECONDED_LINE = re.compile(r"\bseconded\s+(?:the\s+)?(?:motion|amendment|proposal)\b|^seconded\b", re.I)
QUOTE_OPEN = ("“", '"', "‘")
QUOTE_CLOSE = ("”", '"', "’", "”.", '".')
# Paragraphs that carry a motion on: "AND WHEREAS …", "NOW THEREFORE …", "AND THAT …".
CONTINUES = re.compile(r"^(?:and\s+|now\s+)?(?:whereas|therefore|be\s+it\s+(?:further\s+)?resolved|that)\b|^and\s+further\b", re.I)
ANAPHORA = re.compile(r"(?:this|these|that|which)\s+(?:was|were)\b", re.I)
# A sentence ends at a full stop, or (in run-together parish items) after an amount before "The …".
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"‘(])|(?<=\d)\s+(?=The\s)")
TRAILING_COUNT = re.compile(r"\(\s*(?P<n>\d{1,3})\s*\)\s*\.?\s*$")
BODY_LIMIT = 60

_LEADS = [(s, re.compile(s.pattern, s.flags)) for s in LEADS]
_NARRATIVE = [(s, re.compile(s.pattern, s.flags)) for s in NARRATIVE]
_RESULTS = [(s, re.compile(s.pattern, s.flags)) for s in RESULTS]
_VOTES = {s.name: re.compile(s.pattern, s.flags) for s in VOTES}
_MOVERS = [re.compile(s.pattern, s.flags) for s in MOVERS]


def decision_at(
    blocks: list[Block],
    i: int,
    current: MinutesItem | None,
    earlier: list[Resolution] | None = None,
    stops: Container[int] = (),
) -> tuple[list[Resolution], int]:
    """The decisions that start at ``blocks[i]`` and the index after the blocks they use.

    ``earlier`` are the meeting's decisions so far (a vote on "the amendment in
    paragraph 2" settles the one printed there); ``stops`` are indexes of minute
    headings, which a decision never runs into. The index returned is ``i``
    when nothing starts here.
    """
    text = _para(blocks[i].text)
    kind, style = _lead(text)
    if kind is None and _is_header(blocks, i - 1):
        kind = "motion"
    if kind in ("resolved", "decision"):
        res, j = _resolved(blocks, i, current, style, stops)
        return [res], j
    if kind == "result":
        return _item_result(blocks, i, current, stops)
    if kind == "noted":
        return [_resolution(current, _collapse(blocks[i].text), [], blocks[i].page, "narrative", True)], i + 1
    if kind in ("motion", "header"):
        return _motion(blocks, i, current, kind, stops)
    if kind == "vote":
        found, j = _vote(blocks, i, current, earlier or [], stops)
        if j > i:
            return found, j
    found = _narrative(blocks, i, current)
    if found and found[-1].text.rstrip().endswith((":", ":-", ":–")):
        # "… agreed to the following amendment:" — the list under it is what was agreed.
        more, j, extra = _following_clauses(blocks, i + 1, found[-1].text, [], stops)
        if more:
            found[-1].clauses, found[-1].text = more, " ".join([found[-1].text] + extra)
            return found, j
    return found, (i + 1 if found else i)


# What starts here


def _para(text: str) -> str:
    """A paragraph without its paragraph number or a resolution number printed before a motion."""
    return RESOLUTION_PREFIX.sub("", PARA_NUMBER.sub("", text.strip(), count=1), count=1)


def _para_number(text: str) -> str | None:
    m = PARA_NUMBER.match(text.strip())
    return (m.group("n") or m.group("m")) if m else None


def _lead(text: str) -> tuple[str | None, str | None]:
    if text[:1].islower():
        return None, None  # the wrapped end of a sentence begun in the paragraph before
    for style, rx in _LEADS:
        if rx.search(text) if style.expect["kind"] == "vote" else rx.match(text):
            return style.expect["kind"], style.expect["style"]
    return None, None


def _kind(block: Block) -> str | None:
    return _lead(_para(block.text))[0]


def _is_header(blocks: list[Block], k: int) -> bool:
    return 0 <= k < len(blocks) and _kind(blocks[k]) == "header"


def _resolution(current, text, clauses, page, style, decision_only=False, outcome=None) -> Resolution:
    res = Resolution(
        minute=current.number if current else None,
        title=current.title if current else None,
        text=text,
        clauses=clauses,
        page=page,
        style=style,
        decision_only=decision_only,
        private=current.private if current else False,
        outcome=outcome,
    )
    res.refers_to = _refers(text, res.minute)
    res.mover, res.seconder = _movers(text)
    return res


# RESOLVED blocks


def _resolved(blocks, i, current, style, stops) -> tuple[Resolution, int]:
    """A decision printed as such (``RESOLVED …``, ``Decision: …``), with its clauses."""
    parts = [blocks[i]]
    j = i + 1
    if LABEL_ONLY.match(_para(blocks[i].text)) and j < len(blocks) and j not in stops and not CLAUSE.match(blocks[j].text.strip()):
        parts.append(blocks[j])
        j += 1
    while len(parts) < 4 and _wraps_on(parts[-1], blocks, j, stops):
        parts.append(blocks[j])
        j += 1
    lead = _collapse(" ".join(_para(p.text) for p in parts))
    _, clauses = _inline_clauses(lead)
    more, j, extra = _following_clauses(blocks, j, lead, clauses, stops)
    text = " ".join([lead] + extra)
    res = _resolution(current, text, clauses + more, blocks[i].page, style, outcome="carried")
    return res, j


# The lines printed with a result under an item: who moved and seconded it, and how each member voted.
ITEM_RESULT_LINE = re.compile(
    r"^(?:mover|seconder|moved\s+by|seconded\s+by|ayes|yeas|nays|noes|absent|excused|abstain\w*|abstentions?|recused|for|against)\s*:",
    re.I,
)


def _item_result(blocks, i, current, stops) -> tuple[list[Resolution], int]:
    """A result printed under an item, with its mover, seconder and vote on lines of their own
    (``RESULT: ADOPTED [2 TO 1]`` / ``MOVER: …`` / ``AYES: …``, as Legistar prints minutes): what was
    decided is the item as titled."""
    lines = [_collapse(blocks[i].text)]
    j = i + 1
    while j < len(blocks) and j not in stops and ITEM_RESULT_LINE.match(blocks[j].text.strip()):
        lines.append(_collapse(blocks[j].text))
        j += 1
    text = current.title if current is not None and current.title else lines[0]
    res = _resolution(current, text, [], blocks[i].page, "result", outcome=_outcome(lines[0]))
    res.mover, res.seconder = _movers_of(lines[1:])
    votes = Votes()
    for line in lines[1:]:
        _read_counts(line, votes)
    if votes.for_ is not None or votes.against is not None or votes.abstain is not None:
        res.votes = votes
    return [res], j


def _wraps_on(last: Block, blocks, j, stops) -> bool:
    """The decision's sentence runs on into ``blocks[j]``: the paragraph before did not end it."""
    if j >= len(blocks) or j in stops or _ends_sentence(last.text) or LABEL_ONLY.match(_para(last.text)):
        return False
    return _kind(blocks[j]) is None and not CLAUSE.match(blocks[j].text.strip())


def _label_value(label: str, kind: str) -> int | None:
    if kind == "digit":
        return int(label) if label.isdigit() else None
    if kind == "roman":
        return ROMAN.index(label.lower()) + 1 if label.lower() in ROMAN else None
    if kind in ("lower", "upper") and len(label) == 1 and label.isalpha():
        return ord(label.lower()) - ord("a") + 1  # a list may print its first letter in the other case
    return None


def _label_kind(label: str) -> str:
    if label.isdigit():
        return "digit"
    if label == "i" or (len(label) > 1 and label.lower() in ROMAN):
        return "roman"
    return "lower" if label.islower() else "upper"


def _following_clauses(blocks, j, lead, inline, stops) -> tuple[list[str], int, list[str]]:
    """Numbered, lettered or bulleted clause blocks that continue a decision, and their texts.

    A decision may print several lists (``believes that: a) … And; agrees to: a) …``),
    with short headings or a line ending in a colon between them, and clauses
    wrapped over two paragraphs: all of them are its clauses.
    """
    clauses: list[str] = []
    texts: list[str] = []
    kind = close = None
    expected = len(inline) + 1 if inline else 1
    opens = lead.rstrip().endswith((":", "-", "–", "—")) or bool(inline) or bool(LABEL_ONLY.match(lead))
    while j < len(blocks) and j not in stops:
        text = blocks[j].text.strip()
        m = CLAUSE.match(text)
        bullet = BULLET.match(text)
        if m:
            label = m.group("label")
            k = kind or _label_kind(label)
            if kind is None and label == "i" and expected > 1:
                k = "lower"
            value = _label_value(label, k)
            if value != expected and texts and _restarts(label) and texts[-1].rstrip().endswith((":", ";")):
                k, value, expected, close = _label_kind(label), 1, 1, None
            if value != expected or (close and m.group("close") != close):
                break
            if not opens and m.group("close") == "." and k == "digit":
                break
            kind, close = k, m.group("close")
            clauses.append(_clause_text(m.group("text")))
            texts.append(_collapse(text))
            expected += 1
            j += 1
            continue
        if bullet and opens and kind in (None, "bullet"):
            kind = "bullet"
            texts.append(_collapse(text))
            j += 1
            continue
        if opens and _between_lists(blocks, j, texts, stops):
            texts.append(_collapse(text))
            if clauses and not _ends_sentence(clauses[-1]):
                clauses[-1] = _clause_text(clauses[-1] + " " + text)
            j += 1
            continue
        break
    return clauses, j, texts


def _restarts(label: str) -> bool:
    return label in ("1", "a", "A", "i")


def _ends_sentence(text: str) -> bool:
    return text.rstrip().endswith((".", ";", ":", "”", '"'))


def _between_lists(blocks, j, texts, stops) -> bool:
    """A line inside a decision's lists: a wrapped clause's end, or up to two short
    headings or ``… to:`` lines followed by another clause."""
    text = blocks[j].text.strip()
    if texts and not _ends_sentence(texts[-1]) and (text[:1].islower() or text[:1].isdigit() and not CLAUSE.match(text)):
        return True
    for k in (j, j + 1):
        if k >= len(blocks) or k in stops or _kind(blocks[k]) is not None:
            return False
        line = blocks[k].text.strip()
        if CLAUSE.match(line):
            return k > j
        if not (len(line.split()) <= 12 or line.endswith((":", ";"))):
            return False
    return j + 2 < len(blocks) and j + 2 not in stops and bool(CLAUSE.match(blocks[j + 2].text.strip()))


def _clause_text(text: str) -> str:
    text = _collapse(text)
    return re.sub(r"[;,]?\s*\b(?:and|or)$", "", text).rstrip(" ;,").strip()


INLINE_FORMS = [
    ("digit", lambda n: rf"(?:(?<=\s)|(?<=^)|(?<=:))\(?{n}\)\s+"),
    ("lower", lambda n: rf"(?:(?<=\s)|(?<=^)|(?<=:))\(?{chr(96 + n)}\)\s+"),
    ("roman", lambda n: rf"(?:(?<=\s)|(?<=^)|(?<=:))\(?{ROMAN[n - 1]}\)\s+"),
    ("upper", lambda n: rf"(?:(?<=\s)|(?<=^)|(?<=:))\(?{chr(64 + n)}\)\s+"),
    ("digit.", lambda n: rf"(?:(?<=\s)|(?<=:)){n}\.\s+(?=[A-Z])"),
]


def _inline_clauses(text: str) -> tuple[str, list[str]]:
    """Clauses printed inside the decision's own paragraph: ``RESOLVED: (a) … (b) …``."""
    for _kind_name, form in INLINE_FORMS:
        spans = []
        pos = 0
        for n in range(1, 13):
            m = re.compile(form(n)).search(text, pos)
            if not m:
                break
            spans.append(m)
            pos = m.end()
        if len(spans) >= 2:
            clauses = []
            for k, m in enumerate(spans):
                end = spans[k + 1].start() if k + 1 < len(spans) else len(text)
                clauses.append(_clause_text(text[m.end() : end]))
            return text[: spans[0].start()].strip(), clauses
    return text, []


# Motions, votes and results


# Where a motion's own paragraph goes on to its vote ("On a vote being taken 10 voted for and 4 against").
VOTE_TAKEN = re.compile(r"\bon\s+a\s+(?:recorded\s+)?vote\s+being\s+taken\b|\bthe\s+(?:vote|voting)\s+(?:was|being)\b|\b\d{1,3}\s+(?:members\s+)?voted\b", re.I)


def _motion(blocks, i, current, kind, stops) -> tuple[list[Resolution], int]:
    """A motion with the result and vote printed after it; merged into the ``RESOLVED`` block that follows a carried one."""
    start = i
    head = []
    if kind == "header":
        head = [blocks[i]]
        i += 1
        if i >= len(blocks) or i in stops or _kind(blocks[i]) not in (None, "resolved"):
            return [], start
    elif _is_header(blocks, i - 1):
        head = [blocks[i - 1]]
    lead = MOTION_HEADER.sub("", _para(blocks[i].text))
    body, j, outcome = _body(blocks, i, stops, headed=bool(head))
    end = j
    votes, outcome, j = _result(blocks, j, stops, outcome)
    if votes is None and _VOTES["dash-count"].search(body[-1].text):
        votes = Votes()  # "… Motion carried 5-0." on the motion's own line
        _read_counts(body[-1].text, votes)
    elif votes is None and _VOTES["side-names"].search(body[-1].text):
        votes = Votes()  # "… The motion carried by the following vote: Ayes: Park, Quon. Noes: None."
        _named_sides(body[-1].text, votes)
    elif votes is None and VOTE_TAKEN.search(body[-1].text):
        votes = Votes()  # "… On a vote being taken 10 voted for and 4 against.": counts read from the cue on
        _read_counts(body[-1].text[VOTE_TAKEN.search(body[-1].text).start():], votes)
        if votes.for_ is None and votes.against is None and votes.abstain is None:
            votes = None
    texts = [_collapse(lead)] + [_collapse(b.text) for b in body[1:]]
    texts += [_collapse(b.text) for b in blocks[end:j] if _outcome(b.text) and not _names(b.text) and not _counts(b.text)]
    text = " ".join(texts)
    _, inline = _inline_clauses(_collapse(lead))
    clauses = inline + _motion_clauses(body[1:])
    res = _resolution(current, text, clauses, blocks[i].page, "proposed", decision_only=outcome is None and votes is None)
    res.outcome, res.votes = outcome, votes
    res.mover, res.seconder = _movers_of([_collapse(b.text) for b in head + blocks[i:j]])
    if outcome is None and votes is None:
        # No result: only the motion's own paragraphs are its, and the RESOLVED block right after them.
        j = max(i + 1, min(j, i + len(body)))
        merged, k = _merge_resolved(blocks, j, current, res, stops)
        if merged:
            merged.text, merged.style = f"{text} {merged.text}", "proposed"
            return [merged], k
        return [res], j
    if outcome == "carried":
        merged, k = _merge_resolved(blocks, j, current, res, stops)
        if merged:
            return [merged], k
    return [res], j


def _motion_clauses(body: list[Block]) -> list[str]:
    """A motion's numbered and lettered parts. An amendment printed with its struck-out
    clauses beside the new ones repeats a label straight after it (``(2) … (2) …``):
    the repeat replaces it. A list starting again after a line of prose is a new list."""
    clauses: list[str] = []
    last: dict[str, int] = {}
    for b in body:
        text = b.text.strip()
        m = CLAUSE.match(text)
        if not m:
            if text[:1].isupper() or text.startswith(QUOTE_OPEN):
                last = {}
            continue
        kind = _label_kind(m.group("label"))
        value = _label_value(m.group("label"), kind) or _label_value(m.group("label"), "lower") or 0
        if kind in last and value <= last[kind]:
            clauses[-1] = _clause_text(m.group("text"))
            continue
        last[kind] = value
        clauses.append(_clause_text(m.group("text")))
    return clauses


def _body(blocks, i, stops, headed=False) -> tuple[list[Block], int, str | None]:
    """The paragraphs of a motion starting at ``blocks[i]``: up to its vote, its result,
    the next motion or numbered paragraph, or the close of its quotation. Under a
    resolution number (``headed``) every paragraph up to the result is the motion's."""
    body = [blocks[i]]
    own = _para_number(blocks[i].text)
    lead = _para(blocks[i].text)
    outcome = _outcome(lead) if not _kind_is_vote(lead) else None
    if outcome and not lead.rstrip().endswith(":") or _vote_cue(lead) or _counts(lead):
        return body, i + 1, outcome
    opens = headed or lead.rstrip().endswith((":", "that", "That", "–", "-", *QUOTE_OPEN))
    quoted = False
    j = i + 1
    while j < len(blocks) and j not in stops and j - i < BODY_LIMIT:
        b = blocks[j]
        text = b.text.strip()
        if PAGE_NUMBER.match(text):
            j += 1
            continue
        if MOTION_PART.match(text):
            body.append(b)
            j += 1
            outcome = _outcome(text) or outcome
            opens = True
            continue
        if _kind(b) is not None or _vote_cue(text) or _counts(text) or SECONDED_LINE.search(text) and len(text.split()) < 15:
            break
        number = _para_number(text)
        if own and number and number != own and not quoted:
            break
        if b.bold and not quoted and not CLAUSE.match(text):
            break
        wrapped = not _ends_sentence(body[-1].text)
        listed = (CLAUSE.match(text) or BULLET.match(text)) and body[-1].text.rstrip().endswith((":", ";"))
        if not (opens or wrapped or listed or CONTINUES.match(text) or text.startswith(QUOTE_OPEN)):
            break
        found = _outcome(f"{_collapse(body[-1].text)[-60:]} {text}" if wrapped else text)
        body.append(b)
        j += 1
        if found:
            return body, j, found
        if text.startswith(QUOTE_OPEN):
            quoted = True
        if quoted and text.endswith(QUOTE_CLOSE):
            break
    return body, j, outcome


def _kind_is_vote(text: str) -> bool:
    return _lead(text)[0] == "vote"


def _vote_cue(text: str) -> bool:
    return _kind_is_vote(_para(text))


def _counts(text: str) -> bool:
    """A vote line: counts by side, a side's label, or a side's names (``AYES: Diaz, Webb``)."""
    return (
        bool(_VOTES["side-count"].search(text) and _side_line(text))
        or bool(_VOTES["side-label"].match(text.strip()))
        or bool(_VOTES["side-names"].search(text) and _side_line(text))
    )


def _side_line(text: str) -> bool:
    """A line that is a vote count (``For (45)``, ``Yeas: 8 Nays: 0``), not prose with a number in it."""
    words = text.split()
    return len(words) <= 12 or len(_VOTES["side-count"].findall(text)) >= 2


def _outcome(text: str) -> str | None:
    for style, rx in _RESULTS:
        m = rx.search(text)
        if m:
            word = _collapse(m.group("word").lower())
            return OUTCOME_WORDS.get(word, style.expect["outcome"])
    return None


def _result(blocks, j, stops, outcome) -> tuple[Votes | None, str | None, int]:
    """The vote and result printed after a motion: vote lines, names, page numbers and the result line."""
    votes = Votes()
    side = None
    seen = False
    while j < len(blocks) and j not in stops and not outcome:
        text = blocks[j].text.strip()
        body = _para(text)
        if PAGE_NUMBER.match(text):
            j += 1
            continue
        if SECONDED_LINE.search(text) and len(text.split()) < 25 and _kind(blocks[j]) is None:
            j += 1
            continue
        label = _VOTES["side-label"].match(text)
        if _vote_cue(body) and _kind(blocks[j]) in ("vote", None):
            side = _read_counts(text, votes) or side
            seen = True
        elif label:
            side = _side(label.group("side"))
            seen = True
        elif _counts(text):
            side = _read_counts(text, votes) or side
            seen = True
        elif side and _kind(blocks[j]) is None and _names(text):
            _read_names(text, side, votes)
        elif _VOTES["no-abstentions"].search(text) or _roll_call(text, votes):
            _read_counts(text, votes)
            seen = True
        elif not _outcome(text):
            break
        outcome = _outcome(text)
        if not label:
            _read_counts(text, votes)
        j += 1
    has = votes.for_ is not None or votes.against is not None or votes.abstain is not None or votes.names
    return (votes if has and seen else None), outcome, j


def _side(word: str) -> str:
    """The side a vote word names: every word not for or against is an abstention."""
    return SIDES.get(_collapse(word.lower()), "abstain")


def _read_counts(text: str, votes: Votes) -> str | None:
    """Counts printed for each side; the last side named (its names may follow)."""
    last = None
    dash = _VOTES["dash-count"].search(text)
    if dash:
        for side, group in (("for", "n1"), ("against", "n2"), ("abstain", "n3")):
            if dash.group(group):
                _set(votes, side, int(dash.group(group)))
    _named_sides(text, votes)
    for name in ("side-count", "count-side"):
        for m in _VOTES[name].finditer(text):
            n = next((g for g in (m.groupdict().get(k) for k in ("n1", "n2", "n3")) if g), None)
            if n is None:
                continue
            last = _side(m.group("side"))
            _set(votes, last, int(n))
    m = _VOTES["no-abstentions"].search(text)
    if m:
        _set(votes, "against" if "against" in m.group("side").lower() else "abstain", 0)
    return last


def _named_sides(text: str, votes: Votes) -> None:
    """Each side's voters where the text names them (``AYES: Diaz, Webb. NAYS: None.``), and their count."""
    for m in _VOTES["side-names"].finditer(text):
        names = [] if re.match(r"none\b|nil\b", m.group("names"), re.I) else [n.strip(" .") for n in re.split(r",|\band\b", m.group("names")) if n.strip(" .")]
        side = _side(m.group("side"))
        if names or _get(votes, side) is None:
            votes.names[side] = names if names else votes.names.get(side, [])
            _set(votes, side, len(names))
        votes.names = {k: v for k, v in votes.names.items() if v}


def _set(votes: Votes, side: str, n: int) -> None:
    setattr(votes, {"for": "for_", "against": "against", "abstain": "abstain"}[side], n)


def _get(votes: Votes, side: str) -> int | None:
    return getattr(votes, {"for": "for_", "against": "against", "abstain": "abstain"}[side])


def _names(text: str) -> bool:
    """A list of voters' names: short comma-separated capitalised items."""
    items = [t.strip() for t in re.split(r",|\band\b", TRAILING_COUNT.sub("", _strip_result(text))) if t.strip()]
    return bool(items) and all(t[:1].isupper() and len(t.split()) <= 5 and not re.search(r"[\d:]", t) for t in items)


def _strip_result(text: str) -> str:
    for _style, rx in _RESULTS:
        m = rx.search(text)
        if m:
            return text[: m.start()].strip()
    return text


def _read_names(text: str, side: str, votes: Votes) -> None:
    m = TRAILING_COUNT.search(_strip_result(text))
    names_text = re.sub(r"^(?:councillors|councilors|members)\s+", "", TRAILING_COUNT.sub("", _strip_result(text)).strip(), flags=re.I)
    names = [t.strip(" .") for t in names_text.split(",") if t.strip(" .")]
    names = [n for n in names if n.lower() not in HONOURS]  # an honour split off by a comma is not a voter
    votes.names.setdefault(side, []).extend(names)
    if m:
        _set(votes, side, int(m.group("n")))
    elif _get(votes, side) is None:
        _set(votes, side, len(votes.names[side]))


def _roll_call(text: str, votes: Votes) -> bool:
    """``Ortiz Yea Baird Nay``: a roll call printed name by name."""
    found = list(_VOTES["roll-call-name"].finditer(text))
    if not found or len(" ".join(m.group(0) for m in found).split()) < len(text.split()) * 0.6:
        return False
    for m in found:
        votes.names.setdefault(_side(m.group("side")), []).append(m.group("name"))
    return True


def _merge_resolved(blocks, j, current, motion: Resolution, stops) -> tuple[Resolution | None, int]:
    """The ``RESOLVED`` block printed right after a carried motion, with the motion's vote and movers."""
    while j < len(blocks) and j not in stops and PAGE_NUMBER.match(blocks[j].text.strip()):
        j += 1
    if j >= len(blocks) or j in stops or _kind(blocks[j]) != "resolved":
        return None, j
    res, k = _resolved(blocks, j, current, _lead(_para(blocks[j].text))[1], stops)
    res.votes = motion.votes
    res.mover, res.seconder = motion.mover or res.mover, motion.seconder or res.seconder
    return res, k


def _vote(blocks, i, current, earlier, stops) -> tuple[list[Resolution], int]:
    """A vote put on a motion: it settles the motion printed in the paragraph it names, or the
    ``RESOLVED`` block after it, or stands as a decision of its own."""
    votes, outcome, j = _result(blocks, i, stops, None)
    if votes is None and outcome is None:
        return [], i
    intro = _collapse(_para(blocks[i].text))
    if i > 0 and i - 1 not in stops and not _ends_sentence(blocks[i - 1].text) and _kind(blocks[i - 1]) is None:
        intro = f"{_collapse(_para(blocks[i - 1].text))} {intro}"  # "… set out in paragraph" / "2 to the vote …"
    quoted = _quoted_before(blocks, i, stops)
    res = _resolution(current, f"{quoted} {intro}".strip(), [], blocks[i].page, "vote", outcome=outcome)
    res.votes = votes
    if outcome == "carried":
        merged, k = _merge_resolved(blocks, j, current, res, stops)
        if merged:
            return [merged], k
    ref = PARAGRAPH_REF.search(intro)
    target = _paragraph_motion(blocks, i, ref.group("n"), earlier) if ref else None
    # A decision told in the result line itself ("declared carried, and it was also agreed that …") is taken by the same vote.
    also = _narrative(blocks, j - 1, current) if j - 1 > i else []
    for r in also:
        r.votes = votes
    if target is not None and target.outcome is None:
        target.outcome, target.votes, target.decision_only = outcome, votes, False
        return also, j
    if target is not None and votes is None:
        return also, j  # the motion printed its own result: this line repeats it
    return [res] + also, j


def _quoted_before(blocks, i, stops) -> str:
    """The motion quoted in the paragraphs right before a vote (``… read into the record: “That …”``)."""
    k = i - 1
    if k < 0 or not blocks[k].text.strip().endswith(QUOTE_CLOSE):
        return ""
    while k >= 0 and i - k <= BODY_LIMIT and k not in stops:
        if blocks[k].text.strip().startswith(QUOTE_OPEN):
            return " ".join(_collapse(b.text) for b in blocks[k:i])
        k -= 1
    return ""


def _paragraph_motion(blocks, i, number, earlier) -> Resolution | None:
    """The earlier motion printed in paragraph ``number`` of this minute."""
    for k in range(i - 1, max(-1, i - 200), -1):
        if _para_number(blocks[k].text) == number and _kind(blocks[k]) == "motion":
            start = _collapse(_para(blocks[k].text))[:60]
            for r in reversed(earlier):
                if r.style == "proposed" and r.text.startswith(start):
                    return r
            return None
    return None


# Decisions told inside a paragraph


def _narrative(blocks: list[Block], i: int, current) -> list[Resolution]:
    """Decisions told in a paragraph (``it was agreed to …``): one per cue, its text the
    sentence it is in (or the part of it after the previous cue). A sentence wrapped
    into the paragraph before or after is read whole."""
    own = _collapse(blocks[i].text)
    before = _collapse(blocks[i - 1].text) if i > 0 and own[:1].islower() and not _ends_sentence(blocks[i - 1].text) else ""
    after = _collapse(blocks[i + 1].text) if i + 1 < len(blocks) and not _ends_sentence(own) and blocks[i + 1].text.strip()[:1].islower() else ""
    before = SENTENCE_END.split(before)[-1] if before else ""
    after = SENTENCE_END.split(after)[0] if after else ""
    offset = len(before) + 1 if before else 0
    text = " ".join(t for t in (before, own, after) if t)
    cues = []
    for _style, rx in _NARRATIVE:
        for m in rx.finditer(text, offset, offset + len(own)):
            if any(n.start() <= m.end() and m.start() <= n.end() for n in NOT_DECIDED.finditer(text, max(0, m.start() - 30), m.end() + 40)):
                continue
            cues.append(m)
    if not cues:
        return []
    cues.sort(key=lambda m: m.start())
    bounds = [0] + [m.end() for m in SENTENCE_END.finditer(text)] + [len(text)]
    spans: list[list[int]] = []
    for m in cues:
        if spans and (m.start() < spans[-1][2] or _same_decision(text[spans[-1][2] : m.start()])):
            spans[-1][2] = max(spans[-1][2], m.end())
            continue
        start = max(b for b in bounds if b <= m.start())
        if ANAPHORA.match(text, start) and start > 0:
            start = max(b for b in bounds if b < start)  # "This was seconded …" is about the sentence before
        if spans and start <= spans[-1][0]:
            start = spans[-1][2]
        end = min((b for b in bounds if b > m.start()), default=len(text))
        spans.append([start, end, m.end()])
    for k in range(len(spans) - 1):
        spans[k][1] = min(spans[k][1], spans[k + 1][0])
    out = []
    for start, end, _cue in spans:
        sentence = text[start:end].strip()
        if sentence:
            out.append(_resolution(current, sentence, [], blocks[i].page, "narrative", True, outcome="carried"))
    return out


def _same_decision(gap: str) -> bool:
    """Two cues in one sentence tell one decision unless a new sentence or a
    ``Label - `` item starts between them (parish minutes run items together)."""
    return not SENTENCE_END.search(gap) and not re.search(r"\s[-–—]\s", gap)


def _movers(text: str) -> tuple[str | None, str | None]:
    for rx in _MOVERS:
        m = rx.search(text)
        if m:
            groups = m.groupdict()
            return _name(groups.get("mover")), _name(groups.get("seconder"))
    return None, None


def _movers_of(texts: list[str]) -> tuple[str | None, str | None]:
    """Mover and seconder from a motion's paragraphs, which may print them on lines of their own."""
    mover = seconder = None
    for text in texts:
        m, s = _movers(text)
        mover, seconder = mover or m, seconder or s
        if mover and seconder:
            break
    return mover, seconder


def _name(name: str | None) -> str | None:
    if not name:
        return None
    name = re.sub(r"\s+(?:And|Seconded|Second)$", "", name.strip()).strip(" .,;:")
    return name or None


def _refers(text: str, own: str | None) -> list[str]:
    refs: list[str] = []
    for m in MINUTE_REF.finditer(text):
        for n in re.findall(r"\d{1,4}[a-z]?", m.group("nums")):
            if n != own and n not in refs:
                refs.append(n)
    return refs


_LATER = [re.compile(s.pattern, s.flags) for s in LATER]
_FOLLOW_UP = [re.compile(s.pattern, s.flags) for s in FOLLOW_UP]
SENTENCE = re.compile(r"(?<=[.;:!?])\s+(?=[\w(\"'‘“])|\n+")
_MONTH_FIRST = re.compile(r"^(?P<wd>\w+day,?\s+)?(?P<month>[a-z]+\.?)\s+(?P<rest>[0-3]?\d(?:st|nd|rd|th)?)", re.I)


def later_meetings(text: str, held: str | None) -> list[tuple[str, str]]:
    """``(sentence, date)`` for each sentence of a decision that sets business for a later meeting.

    ``date`` is ISO, ``"next"`` for "the next meeting" (which meeting that
    is depends on the committee's calendar, not the text), or ``"later"`` for
    an undated later meeting ("added to the work programme", "at the end of
    the municipal year"), which only a work programme can place; its sentence
    comes without the cue's words, leaving the subject to match a programme's row by. A date printed
    without its year is the first one after ``held``, the decision's own
    meeting; a date not after ``held`` is not a later meeting.
    """
    if not held:
        return []
    out = []
    for sentence in SENTENCE.split(text or ""):
        subject = sentence
        for rx in _FOLLOW_UP:
            subject = rx.sub(" ", subject)
        if subject != sentence:
            out.append((subject, "later"))
            continue
        for rx in _LATER:
            m = rx.search(sentence)
            if not m:
                continue
            if "when" not in rx.groupindex:
                out.append((sentence, "next"))
                break
            when = _later_date(m.group("when"), held)
            if when:
                out.append((sentence, when))
                break
    return out


def _later_date(when: str, held: str) -> str | None:
    """The meeting date ``when`` names, after ``held``: month-first dates are read day-first, a missing year is the next one."""
    when = _MONTH_FIRST.sub(lambda m: f"{m.group('rest')} {m.group('month')}", when.strip())
    found = find_dates(when, int(held[:4]))
    if not found:
        return None
    iso = found[0][1]
    if iso <= held and not re.search(r"\b(?:19|20)\d\d\b|/\d{2}$", when):
        iso = f"{int(iso[:4]) + 1}{iso[4:]}"
    return iso if iso > held else None
