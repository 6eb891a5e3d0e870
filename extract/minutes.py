"""Numbered minutes: find a document's numbering scheme from the numbers themselves.

Every scheme in ``styles.numbering`` proposes the paragraphs it could number;
the minutes are the run of one scheme whose numbers rise through the document
in small steps, weighted towards paragraphs that look like headings (short,
bold, no closing full stop). Paragraph numbers inside a minute restart at 1 in
each minute, so they never make the longest rising run.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from minutebook.extract.styles.numbering import COMPILED, sequence_key
from minutebook.extract.styles.vocab import MONTH_NAME, collapse
from minutebook.model import Block

MAX_STEP = 6  # a run may skip a few numbers (minutes taken elsewhere, misprints)
WINDOW = 60  # candidates looked back over when extending a run: keeps the search linear
LEAD = re.compile(r"^(?:[•·▪‣◦●○■□➢►✓*]|-(?=\s))\s*")
# A number followed by these is a date, a time or a quantity, not a minute.
NOT_TITLE = re.compile(
    rf"^(?:{MONTH_NAME}\b\.?(?!\s+(?:and|&)\b)|(?-i:[ap])\.?m\b|noon\b|%|st\b|nd\b|rd\b|th\b|-\s*\d)",
    re.I,
)
TITLE_WORDS = 30
SUB_MINUTE = re.compile(r"^(?P<major>\d{1,2})\.(?P<minor>[1-9]\d?)\.?\s+(?P<title>[A-Z‘'\"“(].*)", re.S)
BARE_SCHEMES = ("plain-number", "decimal-point-zero")  # numbers with no word to say they number minutes
REFERENCE = re.compile(r"^\d{1,4}/\d{3,6}\b")
PRINTED_NUMBER = re.compile(r"^\d{1,4}[a-z]?[.:)]?\s")
# Names before a colon (or a semicolon typed for one) that open a numbered motion: "J. Scott, S. Kirkey:".
MOVER_LINE = re.compile(r"^(?:moved|proposed)\s+by\b[^.]{0,80}?\bseconded\s+by\b[^.]{0,60}$", re.I)
# The same mover line run into its motion: "Moved by: A Seconded by: B THAT …".
MOVER_LEAD = re.compile(r"^(?:moved|proposed)\s+by\b.{0,80}?\bseconded\s+by\b.{0,60}?\s(?=(?:THAT|That|BE\s+IT|WHEREAS|Whereas)\b)", re.I)
MOVERS = re.compile(r"^(?:[A-Z][\w.'’-]*\s){1,3}?[A-Z][\w'’-]+\s*(?:,|and|&)\s*(?:[A-Z][\w.'’-]*\s){1,3}?[A-Z][\w'’-]+\s*[:;]\s*")
# Initials and surnames alone, no colon: "R2025-192 S. Kirkey, J. Scott" over its motion.
MOVERS_ALONE = re.compile(r"^(?:[A-Z]\.\s?){1,3}[A-Z][\w'’-]+\s*,\s*(?:[A-Z]\.\s?){1,3}[A-Z][\w'’-]+\s*$")


@dataclass
class Heading:
    """A minute heading: its block, number, title, and whether the title came from another block."""

    index: int
    number: str
    title: str
    scheme: str
    uses_next: bool = False  # the title is the next block (a number alone on its line)
    uses_prev: bool = False  # the title is the block before (``Apologies`` / ``(Item 1)``)


def minute_headings(blocks: list[Block]) -> list[Heading]:
    """The minute headings of a document's text blocks, in printed order."""
    texts = [LEAD.sub("", b.text.strip()) for b in blocks]
    best: list[Heading] = []
    best_score = 0.0
    best_cands: list[tuple[Heading, float]] = []
    for style, rx in COMPILED:
        cands = _candidates(blocks, texts, style, rx)
        run, score = _rising_run(cands)
        heads, head_score = _rising_run([c for c in cands if c[1] > 1])
        if len(heads) >= 2 and len({h.index for h in heads} & {h.index for h in run}) * 2 < len(heads):
            # Two numberings interleave (headings 283, 284 with paragraphs 1, 2, 3… under them):
            # the minutes are the one printed as headings.
            run, score = heads, head_score
        if score > best_score and _enough(style.name, run, score):
            best, best_score, best_cands = run, score, cands
    return _sub_minutes(_out_of_order(best, best_cands), texts)


def _out_of_order(run: list[Heading], cands: list[tuple[Heading, float]]) -> list[Heading]:
    """The run with the minutes it skipped because they were taken out of order ("5, 7, 9 … 15" moved
    into private session together, then "6, 8 … 16" on return): headings of the run's scheme, set as its
    headings are, inside its span, whose numbers lie within its range and appear nowhere in it, once each."""
    if len(run) < 4:
        return run
    weight = {h.index: w for h, w in cands}
    floor = sorted(weight[h.index] for h in run)[len(run) // 2]
    used = {sequence_key(h.number) for h in run}
    lo, hi = min(used), max(used)
    inside = {h.index for h in run}
    found = [h for h, w in cands if run[0].index < h.index < run[-1].index and h.index not in inside and w >= floor
             and lo < sequence_key(h.number) < hi and sequence_key(h.number) not in used]
    numbers = Counter(sequence_key(h.number) for h in found)
    extra = [h for h in found if numbers[sequence_key(h.number)] == 1]
    return sorted(run + extra, key=lambda h: h.index) if extra else run


def _sub_minutes(run: list[Heading], texts: list[str]) -> list[Heading]:
    """An ``N.0`` numbering's titled sub-minutes ``N.1``, ``N.2`` … in order under their minute ("4.0
    Approval of Previous Minutes" / "4.1 Board of Health Minutes – March 6"): decisions sit under them.
    Only the ``N.0`` scheme says by its numbers that ``N.1`` is a minute's part, not a paragraph."""
    if not run or run[0].scheme != "decimal-point-zero":
        return run
    out = []
    for h, nxt in zip(run, run[1:] + [None]):
        out.append(h)
        major, last = h.number.split(".")[0], 0
        for i in range(h.index + 1, nxt.index if nxt else len(texts)):
            m = SUB_MINUTE.match(texts[i])
            if m and m.group("major") == major and int(m.group("minor")) == last + 1:
                last += 1
                out.append(Heading(i, f"{major}.{last}", _title(m.group("title")), h.scheme))
    return out


def _enough(scheme: str, run: list[Heading], score: float) -> bool:
    """A bare number is weak evidence: two sentences numbered "2." and "3." are not a set of minutes."""
    if scheme not in BARE_SCHEMES:
        return bool(run)
    return score >= 3.0 or score > len(run)


def _candidates(blocks, texts, style, rx) -> list[tuple[Heading, float]]:
    label_after = style.expect.get("label_after", False)
    out = []
    for i, text in enumerate(texts):
        m = rx.match(text)
        if not m:
            continue
        num = re.sub(r"\s+", " ", m.group("num")).replace(" - ", "-").replace(" -", "-").replace("- ", "-")
        title = m.group("title").strip()
        h = Heading(i, num, "", style.name)
        if label_after:
            if i == 0 or len(texts[i - 1].split()) > 15 or PRINTED_NUMBER.match(texts[i - 1]):
                continue  # a heading that prints its own number is numbered by it
            title, h.uses_prev = texts[i - 1], True
        elif not title:
            if i + 1 >= len(texts) or not texts[i + 1]:
                continue
            title, h.uses_next = texts[i + 1], True
            if MOVER_LINE.match(title) and i + 2 < len(texts):
                # "MOTION NUMBER 2024-21 / Moved by: A  Seconded by: B / THAT …": the motion names the
                # minute; the mover line stays to be read with the motion as its decision.
                title, h.uses_next = texts[i + 2], False
        named = MOVERS.match(title) or MOVER_LEAD.match(title) or MOVERS_ALONE.match(title)
        if named:
            # "R2024-217 J. Scott, S. Kirkey: That …": the movers are not the title; the motion is.
            title = title[named.end():] or (texts[i + 1] if i + 1 < len(texts) else "")
            h.uses_next = False  # a motion that names the minute is still the minute's decision, to be read
        if NOT_TITLE.match(title) or not (title[:1].isupper() or title[:1] in "‘'\"“(" or _digit_title(title, h)):
            continue
        h.title = _title(title)
        short = len(title.split()) <= 12 and not title.rstrip().endswith(".")
        if h.uses_next and style.name in BARE_SCHEMES and not (short or blocks[i + 1].bold):
            continue  # a number alone over a sentence is a page number or a list mark
        heading_like = blocks[i].bold or h.uses_prev or short
        # Set in bold and short: surer than either alone, so a run of bold headings outweighs a plain
        # numbered list of short lines inside one of them (planning applications 1-16 under "4 Committee updates").
        out.append((h, (2.5 if blocks[i].bold and short else 2.0) if heading_like else 1.0))
    # Minute titles differ within a meeting; a title under several numbers is page furniture
    # (a page number printed above a running heading).
    counts = Counter(h.title.lower() for h, _ in out)
    return [(h, w) for h, w in out if counts[h.title.lower()] < 3]


def _digit_title(title: str, h: Heading) -> bool:
    """A title may start with a figure when it is on a line of its own or is a decision
    reference (``88. 24/00108 - Revenue Budget``), never a date or a quantity."""
    return title[:1].isdigit() and (h.uses_next or bool(REFERENCE.match(title)))


def _rising_run(cands: list[tuple[Heading, float]]) -> tuple[list[Heading], float]:
    """The best-scoring run of candidates whose numbers rise in small steps."""
    if not cands:
        return [], 0.0
    keys = [sequence_key(h.number) for h, _ in cands]
    score = [w for _, w in cands]
    back = [-1] * len(cands)
    for k in range(len(cands)):
        for j in range(max(0, k - WINDOW), k):
            # On a tie the nearer predecessor wins: an inner list numbered 1, 2, 3 is passed over, not joined.
            if _follows(keys[j], keys[k]) and score[j] + cands[k][1] >= score[k]:
                score[k], back[k] = score[j] + cands[k][1], j
    end = max(range(len(cands)), key=lambda k: score[k])
    run = []
    k = end
    while k != -1:
        run.append(cands[k][0])
        k = back[k]
    return run[::-1], score[end]


def _follows(a: tuple[int, int], b: tuple[int, int]) -> bool:
    if a[0] == b[0]:
        return b[1] > a[1]
    return 0 < b[0] - a[0] <= MAX_STEP


def _title(text: str) -> str:
    """A heading's title: the text up to its first sentence end, at most ``TITLE_WORDS`` words."""
    text = collapse(text)
    m = re.search(r"(?<=[a-z0-9)’'\"”])[.;](?=\s+[A-Z]|\s*$)", text)
    if m:
        text = text[: m.start()]
    words = text.split()
    if len(words) > TITLE_WORDS:
        text = " ".join(words[:TITLE_WORDS])
    return text.strip(" .:-–")
