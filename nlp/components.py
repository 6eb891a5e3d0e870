"""spaCy components for council-paper entities, registered by name.

Each rule family is its own factory writing candidate spans to its own span
group; ``minutebook_resolve`` then picks one non-overlapping set (longest
first, then by family priority) and writes ``doc.ents``. Keeping candidates
apart until the end lets a gazetteer name, a shape rule and a person rule
disagree without any of them needing to know about the others.
"""

from __future__ import annotations

import re
from pathlib import Path

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from minutebook.extract.styles import indicators as indicator_styles

from . import vocab

if not Doc.has_extension("mb_values"):
    # Extra facts found beside an entity (a person's printed role), keyed by
    # the entity's (start_char, end_char).
    Doc.set_extension("mb_values", default=None)

# Span groups in priority order: on equal length the earlier one wins.
GROUPS = ("mb_gazetteer", "mb_legislation", "mb_indicators", "mb_quantities", "mb_people", "mb_shapes")
MODEL_LABELS = ("PERSON", "ORG")


def _text(doc: Doc) -> str:
    """``doc.text`` rebuilds the string from tokens on every access; do it once per doc."""
    text = doc.user_data.get("mb_text")
    if text is None:
        text = doc.user_data["mb_text"] = doc.text
    return text


def _values(doc: Doc) -> dict:
    if doc._.mb_values is None:
        doc._.mb_values = {}
    return doc._.mb_values


# --------------------------------------------------------------------------- gazetteer


@Language.factory(
    "minutebook_gazetteer",
    default_config={"patterns_dir": None, "terms": None, "phrase_matcher_attr": "LOWER"},
)
def make_gazetteer(nlp: Language, name: str, patterns_dir: str | None, terms: str | None, phrase_matcher_attr: str):
    return Gazetteer(nlp, patterns_dir, terms, phrase_matcher_attr)


class Gazetteer:
    """Named things from the shipped lists and the user's ``terms.yml``.

    Names of teams and indicators match on ``phrase_matcher_attr`` (LOWER:
    "Horizon team" is "Horizon Team"); acronyms, organisations, committees
    and places match exactly, since "Kinship" the charity is not "kinship".
    """

    def __init__(self, nlp: Language, patterns_dir: str | None, terms: str | None, attr: str):
        pdir = Path(patterns_dir) if patterns_dir else vocab.PATTERNS_DIR
        patterns = vocab.shipped_patterns(pdir)
        if terms:
            # User terms come last so their ids win when a name is listed twice.
            patterns += vocab.load_terms(terms)
        self.loose = PhraseMatcher(nlp.vocab, attr=attr)
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        loose: dict[str, list] = {}
        exact: dict[str, list] = {}
        for p in patterns:
            key = f"{p['label']}\x1f{p.get('id') or p['pattern']}"
            for text in vocab.apostrophe_variants(p["pattern"]):
                cased = p["label"] in vocab.CASED_LABELS or vocab.is_acronym(text) or " " not in text and p["label"] != "INDICATOR"
                (exact if cased else loose).setdefault(key, []).append(nlp.make_doc(text))
        for key, docs in loose.items():
            self.loose.add(key, docs)
        for key, docs in exact.items():
            self.exact.add(key, docs)

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for matcher in (self.exact, self.loose):
            for match_id, start, end in matcher(doc):
                label, canonical = doc.vocab.strings[match_id].split("\x1f", 1)
                if label == "COMMITTEE" and canonical == "Cabinet" and end < len(doc) and doc[end].lower_ in {"member", "members", "portfolio", "office"}:
                    continue
                spans.append(Span(doc, start, end, label=label, kb_id=canonical))
        doc.spans["mb_gazetteer"] = spans
        return doc


# --------------------------------------------------------------------------- shapes

CONNECTORS = {"and", "of", "for", "&"}


def _cap_word(tok) -> bool:
    t = tok.text
    return bool(t) and t[0].isupper() and any(c.isalpha() for c in t) and tok.lower_ not in vocab.BREAK


@Language.factory(
    "minutebook_shapes",
    default_config={
        "heads": {
            "TEAM": ["Team", "Service", "Hub", "Unit", "Panel", "Academy", "team"],
            "COMMITTEE": ["Board", "Committee", "Sub-Committee", "Subcommittee", "Forum", "Cabinet"],
            "ORG": ["Association", "Partnership", "Agency", "Trust", "Foundation", "Network", "Charity",
                    "Society", "Federation", "Institute", "University", "Police", "Constabulary", "Commission"],
            "PLACE": ["House", "Hall", "Centre", "Park", "Library", "Stadium", "Square", "Road", "Street",
                      "Lane", "Avenue", "Estate"],
        },
        "group_qualifiers": ["Steering", "Executive", "Working", "Reference", "Advisory", "Programme",
                             "Project", "Partnership", "Improvement", "Oversight", "Liaison", "Delivery",
                             "Strategy", "Strategic", "Leadership", "Management", "Operational", "Finish",
                             "Governance", "Assurance", "Review", "Monitoring"],
        "council_kinds": ["City", "County", "Borough", "District", "Town", "Parish", "Metropolitan"],
        "max_words": 8,
    },
)
def make_shapes(nlp: Language, name: str, heads: dict, group_qualifiers: list, council_kinds: list, max_words: int):
    return Shapes(heads, group_qualifiers, council_kinds, max_words)


class Shapes:
    """Names no list holds, found by their shape: capitalised words ending in a head noun.

    "Edge of Care Service", "Corporate Parenting Board", "Coventry Foster
    Carer Association". The run walks left from the head over capitalised
    words (and "of"/"and"/"for" between them) and stops at sentence-opening
    words, so "An Overview of Coventry Outdoor Education Service" yields
    "Coventry Outdoor Education Service".
    """

    def __init__(self, heads, group_qualifiers, council_kinds, max_words):
        self.heads = {h: label for label, hs in heads.items() for h in hs}
        # Another head word ends the run: "Social Work Academy Coventry’s
        # Social Work Academy" is a running header followed by the name.
        self.head_stop = {h: label for h, label in self.heads.items() if h[0].isupper()} | {"Council": "ORG"}
        self.qualifiers = set(group_qualifiers)
        self.council_kinds = set(council_kinds)
        self.max_words = max_words
        words = sorted(set(self.heads) | {"Council", "Group"}, key=len, reverse=True)
        self.head_re = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, words)) + r")(?![\w-])")
        self.welsh = re.compile(
            r"(?:\b[A-Z][a-z]+\s)?\b[A-Z][a-z]+(?:-(?:y|yr|Y|upon|on|under|le|in|by|cum|next|the)-[A-Z][a-z]+)+\b"
        )

    def _walk(self, doc: Doc, head: int, stop: set[int], places: dict | None = None) -> int:
        """Leftmost token index of the name ending at ``head`` (``head`` if none)."""
        start = head
        i = head - 1
        words = 0
        while i >= 0 and words < self.max_words:
            tok = doc[i]
            if tok.text in ("'s", "’s", "’", "'") and i > 0 and places and (i - 1) in places:
                # "Coventry’s Social Work Academy" is the Social Work Academy.
                break
            if tok.text in ("'s", "’s", "’", "'") and i > 0 and _cap_word(doc[i - 1]):
                i -= 1
                continue
            if tok.text == "-" and not doc[i - 1].whitespace_ and not tok.whitespace_ and i > 0 and doc[i - 1].text[:1].isupper():
                i -= 1
                continue
            if self.head_stop.get(tok.text) == self.heads.get(doc[head].text, "COMMITTEE"):
                break
            if _cap_word(tok) and "\t" not in tok.whitespace_:
                start = i
                words += 1
                i -= 1
                continue
            if tok.lower_ in CONNECTORS and i > 0 and _cap_word(doc[i - 1]) and (i - 1) not in stop and start < head:
                i -= 1
                continue
            break
        return start

    def __call__(self, doc: Doc) -> Doc:
        gaz = doc.spans["mb_gazetteer"] if "mb_gazetteer" in doc.spans else []
        # A connector right after a listed name ends the run there, so
        # "Ofsted and Youth Justice Service" does not become one name.
        stop = {s.end - 1 for s in gaz}
        ends = {s.end - 1: (s.start, s.label_) for s in gaz if s.label_ != "PLACE"}
        places = {s.end - 1: s.start for s in gaz if s.label_ == "PLACE"}
        spans = []
        # Find head words by regex on the text: cheaper than making a Token
        # for every word of every section.
        for hit in self.head_re.finditer(_text(doc)):
            head_span = doc.char_span(hit.start(), hit.end())
            if head_span is None or len(head_span) != 1:
                continue
            tok = head_span[0]
            label = self.heads.get(tok.text)
            if label is None:
                if tok.text == "Council" and tok.i > 0:
                    spans.extend(self._council(doc, tok.i))
                elif tok.text == "Group":
                    span = self._group(doc, tok.i, stop)
                    if span is not None:
                        spans.append(span)
                continue
            if tok.text == "team" and tok.i > 1 and doc[tok.i - 1].is_lower and vocab.is_acronym(doc[tok.i - 2].text):
                spans.append(Span(doc, tok.i - 2, tok.i + 1, label=label))
                continue
            listed, listed_label = ends.get(tok.i, (None, None))
            if listed is not None:
                if listed_label == "TEAM":
                    # A council's own teams are not prefixed with its name.
                    continue
                # A listed name ending here is authoritative; only a place
                # before it extends it ("Coventry Safeguarding Adults Board").
                start = listed
                while start > 0 and places.get(start - 1) is not None:
                    start = places[start - 1]
                if start == listed:
                    continue
            else:
                start = self._walk(doc, tok.i, stop, places)
            if start == tok.i:
                continue
            end = tok.i + 1
            if label == "COMMITTEE" and end + 2 < len(doc) and doc[end].text == "(" and doc[end + 1].is_digit and doc[end + 2].text == ")":
                end += 3
            spans.append(Span(doc, start, end, label=label, kb_id=self._canonical(doc, start, end, label)))
        for m in self.welsh.finditer(_text(doc)):
            span = doc.char_span(m.start(), m.end(), label="PLACE", alignment_mode="expand")
            if span is not None:
                if span[0].lower_ in vocab.BREAK or span[0].text in vocab.MONTHS:
                    span = Span(doc, span.start + 1, span.end, label="PLACE")
                spans.append(span)
        doc.spans["mb_shapes"] = spans
        return doc

    def _canonical(self, doc: Doc, start: int, end: int, label: str) -> str:
        """A team's head noun is part of its name: "Horizon team" is "Horizon Team"."""
        text = doc[start:end].text
        if label == "TEAM" and doc[end - 1].text == "team" and all(t.text[:1].isupper() or not t.is_alpha for t in doc[start:end - 1]):
            return text[:-4] + "Team"
        return text

    def _council(self, doc: Doc, i: int) -> list[Span]:
        prev = doc[i - 1]
        if prev.text in self.council_kinds:
            start = i - 1
            while start > 0 and (_cap_word(doc[start - 1]) or doc[start - 1].text in self.council_kinds):
                start -= 1
            if start < i - 1:
                return [Span(doc, start, i + 1, label="ORG")]
            return [Span(doc, i - 1, i + 1, label="ORG")]
        if prev.lower_ in {"the", "this"}:
            return [Span(doc, i, i + 1, label="ORG")]
        return []

    def _group(self, doc: Doc, i: int, stop: set[int]) -> Span | None:
        if i == 0 or doc[i - 1].text not in self.qualifiers:
            return None
        start = self._walk(doc, i, stop)
        return Span(doc, start, i + 1, label="COMMITTEE") if start < i else None


# --------------------------------------------------------------------------- legislation

LEG_HEAD = re.compile(r"^(Act|Acts|Regulations|Order|Rules|Bill|Measure)(\d{4})?$")
LEG_REF = re.compile(
    r"\b(?:(?:Sections?|[Ss]ection)\s+\d+[A-Z]?(?:\s?\([A-Za-z0-9]+\))*|(?:Schedule|Schedules)\s+\d+[A-Z]?"
    r"|Regulations?\s+\d+[A-Z]?(?:\(\d+\))*|[Pp]aragraph\s+\d+\s+of\s+(?:Part\s+\d+\s+of\s+)?Schedule\s+\d+[A-Z]?)"
)
KNOWN_SECTIONS = {"17", "20", "47", "31", "38", "100A", "100B"}


@Language.component("minutebook_legislation")
def legislation(doc: Doc) -> Doc:
    """Acts and regulations by shape ("… Act 1989", "… (England) Regulations 2011") and references to their parts.

    A bare "Section 4" is usually the report's own section, so a section
    number counts only beside an Act or when it is one of the sections of
    children's law everyone cites (17, 20, 47, …).
    """
    spans = []
    for tok in doc:
        m = LEG_HEAD.match(tok.text)
        if not m or not tok.text[0].isupper():
            continue
        end = tok.i + 1
        has_year = bool(m.group(2))
        if not has_year and end < len(doc) and re.fullmatch(r"\d{4}", doc[end].text):
            end += 1
            has_year = True
        if m.group(1) in ("Order", "Rules", "Measure", "Bill") and not has_year:
            continue
        start = tok.i
        i = tok.i - 1
        while i >= 0:
            t = doc[i]
            if t.text == ")" and i >= 2 and doc[i - 2].text == "(" and doc[i - 1].text in {"England", "Wales", "Scotland", "Amendment", "No."}:
                i -= 3
                continue
            if t.text in ("'s", "’s") or (t.text == "-" and not t.whitespace_):
                i -= 1
                continue
            if _cap_word(t) and t.text not in ("The",):
                start = i
                i -= 1
                continue
            if t.lower_ in {"and", "of", "for", "to"} and i > 0 and _cap_word(doc[i - 1]) and start < tok.i:
                i -= 1
                continue
            break
        if start < tok.i:
            spans.append(Span(doc, start, end, label="LEGISLATION", kb_id=_norm_act(doc[start:end].text)))
    for m in LEG_REF.finditer(_text(doc)):
        text = m.group(0)
        if text.lower().startswith("section"):
            number = re.match(r"\w+\s+(\d+[A-Z]?)", text).group(1)
            after = _text(doc)[m.end(): m.end() + 60]
            near_act = re.match(r"\s*(?:\(\w+\))*\s*of\s+(?:the\s+)?[A-Z][\w ]*?(?:Act|Regulations)", after)
            if not (near_act or number in KNOWN_SECTIONS or "(" in text):
                continue
        span = doc.char_span(m.start(), m.end(), label="LEGISLATION", alignment_mode="expand")
        if span is not None:
            spans.append(Span(doc, span.start, span.end, label="LEGISLATION", kb_id=text[0].upper() + text[1:]))
    doc.spans["mb_legislation"] = spans
    return doc


def _norm_act(text: str) -> str:
    """"Children Act1989" is "Children Act 1989"."""
    return re.sub(r"(Act|Regulations|Order|Rules)(\d{4})$", r"\1 \2", text)


# --------------------------------------------------------------------------- indicators

CODE = indicator_styles.CODE  # letters and a number, with an optional space, dot or dash
IND_NAMED = re.compile(r"\b(?:NI|PI|KPI|BV|BVPI|ASCOF|PAF)\s?\d{1,3}[a-z]?\b")
IND_LEAD = re.compile(rf"(?:^|\t|\n)\s*(?:[-•]\s*)?({CODE})\s*[-–:]\s")
IND_GROUP = re.compile(rf"\b((?:{CODE})(?:\s*(?:,|and|&|/)\s*(?:{CODE}))*)\s+(?:indicators?|measures?|KPIs?|PIs?|scorecard|targets?)\b")
IND_AFTER = re.compile(rf"\b(?:indicators?|measures?|KPI|PI)\s+({CODE})\b")
IND_PAREN = re.compile(rf"(?<=[a-z] )\(({CODE})\)")
IND_CODE = re.compile(CODE)
KEY_STAGE = re.compile(r"\bKey Stage\s?\d\b[^.;\n\t]{0,80}?\b(?:expected standard|higher standard|greater depth|high standard)\b")


@Language.component("minutebook_indicators")
def indicators(doc: Doc) -> Doc:
    """Performance indicator codes ("A10", "NI 117") where the text treats them as indicators.

    A bare letter-digit code is too common ("SB5", "A45") to tag on sight,
    so it counts only at the start of a table row or line ("A2 - Average
    time …"), beside the word indicator/measure ("A1 and A2 indicator"), or
    in brackets after the thing it measures ("entering care (A10)").
    """
    text = _text(doc)
    found = []
    for m in IND_NAMED.finditer(text):
        found.append((m.start(), m.end()))
    for rx in (IND_LEAD, IND_AFTER, IND_PAREN):
        for m in rx.finditer(text):
            found.append((m.start(1), m.end(1)))
    for m in IND_GROUP.finditer(text):
        for c in IND_CODE.finditer(m.group(1)):
            found.append((m.start(1) + c.start(), m.start(1) + c.end()))
    for m in KEY_STAGE.finditer(text):
        found.append((m.start(), m.end()))
    spans = []
    for s, e in found:
        span = doc.char_span(s, e, label="INDICATOR", alignment_mode="expand")
        code = span is not None and re.fullmatch(CODE, span.text)
        if span is not None and (not code or indicator_styles.is_code(span.text)):
            name = indicator_styles.canonical_code(span.text) if code else re.sub(r"\s+", " ", span.text)
            spans.append(Span(doc, span.start, span.end, label="INDICATOR", kb_id=name))
    doc.spans["mb_indicators"] = spans
    return doc


# --------------------------------------------------------------------------- money and dates

MONTH = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
MONEY = re.compile(r"£\s?\d[\d,]*(?:\.\d+)?(?:\s?(?:bn|m|k|million|billion|thousand)\b)?")
DATE = re.compile(
    rf"\b(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH},?\s+\d{{4}}|{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}/\d{{1,2}}/\d{{2,4}}|(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{{4}})\b"
)
MONTH_NUM = {m[:3].lower(): i for i, m in enumerate(vocab.MONTHS, 1)}


def iso_date(text: str) -> str | None:
    """ISO form of a printed date, or None when it names no single day."""
    m = re.search(rf"(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({MONTH}),?\s+(\d{{4}})", text)
    if m:
        return f"{m.group(3)}-{MONTH_NUM[m.group(2)[:3].lower()]:02d}-{int(m.group(1)):02d}"
    m = re.search(rf"({MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})", text)
    if m:
        return f"{m.group(3)}-{MONTH_NUM[m.group(1)[:3].lower()]:02d}-{int(m.group(2)):02d}"
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{2,4})", text)
    if m:
        year = m.group(3) if len(m.group(3)) == 4 else "20" + m.group(3)
        return f"{year}-{int(m.group(2)):02d}-{int(m.group(1)):02d}"
    return None


@Language.component("minutebook_quantities")
def quantities(doc: Doc) -> Doc:
    """Sums of money ("£1.2m") and dates ("Thursday, 16th October, 2025"), canonical ISO where a day is named."""
    spans = []
    for m in MONEY.finditer(_text(doc)):
        if not re.search(r"[1-9]", m.group(0)):
            continue  # "£000" heads a column of thousands; it is no sum.
        span = doc.char_span(m.start(), m.end(), label="MONEY", alignment_mode="expand")
        if span is not None:
            spans.append(Span(doc, span.start, span.end, label="MONEY", kb_id=m.group(0).replace(" ", "")))
    for m in DATE.finditer(_text(doc)):
        span = doc.char_span(m.start(), m.end(), label="DATE", alignment_mode="expand")
        if span is not None:
            spans.append(Span(doc, span.start, span.end, label="DATE", kb_id=iso_date(m.group(0)) or m.group(0)))
    doc.spans["mb_quantities"] = spans
    return doc


# --------------------------------------------------------------------------- people

INIT = r"[A-Z]{1,2}\.?"
GIVEN = r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?"
PARTICLE = r"(?:van|von|Van|Von|de|De|der|den|da|di|du|le|La|la|del|bin|al)"
SURNAME = r"(?:O['’]|Mc|Mac)?[A-Z][a-z]+(?:[-'’][A-Z][a-z]+)?"
NAME = rf"(?:(?:{INIT}\s){{1,3}}|(?:{GIVEN}\s){{1,2}})?(?:{PARTICLE}\s)?{SURNAME}"
TITLED = re.compile(rf"\b({vocab.PERSON_TITLES})\s+({NAME})\b")
TITLED_LIST = re.compile(rf"\b(?:Councillors|Cllrs\.?)\s+((?:{NAME})(?:\s*\([^)]{{1,40}}\))?(?:(?:,\s*|\s+and\s+)(?:{NAME})(?:\s*\([^)]{{1,40}}\))?)*)")
LIST_ITEM = re.compile(rf"({NAME})(?:\s*\([^)]{{1,40}}\))?")
INITIALLED = re.compile(rf"(?<![\w.])((?:[A-Z]{{1,2}}\s){{1,2}}(?:{PARTICLE}\s)?{SURNAME})\b")
FULLNAME = re.compile(rf"\b({GIVEN})\s+(?:({PARTICLE}|{GIVEN}|[A-Z])\s+)?((?:{PARTICLE}\s)?{SURNAME})\b")
ROLE_AFTER = re.compile(r"^\s*(?:,\s*|\s+)((?:(?:Interim|Acting|Deputy|Assistant|Senior|Strategic|Operational|Service|Programme|Principal|Chief|Executive|Head|Lead|[A-Z][a-z]+|of|for|and|&|the|Children’s|Children's)\s*){1,12})")
PAREN_ROLE = re.compile(r"^\s*\(([^)]{1,40})\)")
NOT_BEFORE_INITIAL = re.compile(r"(?:Appendix|Annex|Table|Figure|Part|Section|Schedule|Option|Plan|Stage|Grade|Level|Category|Tier|Key|Type|Group|Class|Year|Block|Phase|Priority|Band|Unit|Ward|Zone|Area|Route|Item|Agenda|Page|No\.?)\s$")


FORENAMES = vocab.forenames()
CAP_START = re.compile(r"\b[A-Z][a-z]")


def _trim_name(name: str) -> str | None:
    """Drop trailing words that are not names ("Pat Seaman Lead" is "Pat Seaman")."""
    words = name.split()
    while words and not _person_ok(" ".join(words)):
        words.pop()
    return " ".join(words) or None


def _person_ok(name: str) -> bool:
    words = re.findall(r"[A-Za-z’'-]+", name)
    return bool(words) and words[-1].lower() not in vocab.NONNAME and not any(
        w.lower() in vocab.NONNAME for w in words if len(w) > 2
    )


@Language.factory("minutebook_people", default_config={"forenames": True})
def make_people(nlp: Language, name: str, forenames: bool):
    return People(vocab.forenames() if forenames else set())


class People:
    """Councillors and officers: titled names, attendance lists, author lines.

    Evidence, strongest first: a title ("Councillor P Seaman", "Cllr
    Sandhu"), a list of initialled names ("F Parlken, R Sugars, S Sen"), a
    known forename ("Tom Robinson"), a name followed by a role ("Sukriti
    Sen, Director for …"). A printed role is kept in the entity's values.
    """

    def __init__(self, forenames: set[str]):
        self.forenames = forenames

    def __call__(self, doc: Doc) -> Doc:
        text = _text(doc)
        found: list[tuple[int, int, str]] = []  # start, end, canonical
        for m in TITLED_LIST.finditer(text):
            for item in LIST_ITEM.finditer(m.group(1)):
                name = item.group(1)
                if _person_ok(name):
                    s = m.start(1) + item.start(1)
                    found.append((s, s + len(name), name))
        for m in TITLED.finditer(text):
            if m.group(1).startswith(("Councillors", "Cllrs")):
                continue
            name = _trim_name(m.group(2))
            words = (name or "").split()
            if len(words) > 2 and words[0] not in self.forenames and not re.fullmatch(r"[A-Z]{1,2}\.?", words[0]):
                # "Cllr Seaman Sukriti Sen" in a table cell is two people.
                name = words[0]
            if name and not (m.group(1) == "Commissioner" and not FULLNAME.fullmatch(name)):
                start = m.start(1) if m.group(1) != "Commissioner" else m.start(2)
                found.append((start, m.start(2) + len(name), name))
        initialled = [m for m in INITIALLED.finditer(text) if _person_ok(m.group(1))]
        for k, m in enumerate(initialled):
            name = m.group(1)
            initials = name.split()[:-1]
            before = text[max(0, m.start() - 12): m.start()]
            if NOT_BEFORE_INITIAL.search(before):
                continue
            listed = any(
                re.fullmatch(r"\s*(?:\([^)]{1,40}\))?\s*(?:,|and|&)\s*", text[a.end(): b.start()])
                for a, b in ((initialled[k - 1], m) if k else (None, None), (m, initialled[k + 1]) if k + 1 < len(initialled) else (None, None))
                if a is not None
            )
            single = len(initials) == 1 and len(initials[0]) == 1 and initials[0] not in ("A", "I")
            if listed or single or text[m.end(): m.end() + 2].startswith(" ("):
                found.append((m.start(), m.end(), name))
        for w in CAP_START.finditer(text):
            m = FULLNAME.match(text, w.start())
            if not m or m.group(1).lower() in vocab.BREAK:
                continue
            given, middle = m.group(1), m.group(2)
            name = m.group(0)
            if middle and len(middle) > 1 and middle not in self.forenames and not re.fullmatch(PARTICLE, middle):
                name = f"{given} {middle}"
            name = _trim_name(name)
            if not name or " " not in name:
                continue
            after = text[m.start() + len(name): m.start() + len(name) + 40]
            if given in self.forenames or self._role_follows(after):
                found.append((m.start(), m.start() + len(name), name))
        values = _values(doc)
        spans = []
        for s, e, name in found:
            span = doc.char_span(s, e, label="PERSON", alignment_mode="expand")
            if span is None:
                continue
            spans.append(Span(doc, span.start, span.end, label="PERSON", kb_id=re.sub(r"\s+", " ", name)))
            role = self._role(text[span.end_char: span.end_char + 120])
            if role:
                values[(span.start_char, span.end_char)] = {"role": role}
        doc.spans["mb_people"] = spans
        return doc

    @staticmethod
    def _role_follows(after: str) -> bool:
        m = re.match(r"^\s*,?\s*((?:[A-Z][\w’'-]*\s*){1,4})", after)
        return bool(m) and any(w.lower().strip(",") in vocab.ROLE_WORDS for w in m.group(1).split())

    @staticmethod
    def _role(after: str) -> str | None:
        m = PAREN_ROLE.match(after)
        if m:
            return m.group(1).strip()
        m = re.match(r"^\s*,\s*([^,\n\t.;:]{3,90})", after) or re.match(r"^ ((?:[A-Z][\w’'-]*\s?){1,4}(?:(?:of|for|and|&)\s(?:[A-Z][\w’'-]*\s?)+)?)", after)
        if not m:
            return None
        words = m.group(1).split()
        # A role ends where the next name's forename or initial begins.
        for n, w in enumerate(words):
            if n and (re.fullmatch(r"[A-Z]", w) or (n + 1 < len(words) and words[n + 1][:1].isupper() and w in FORENAMES)):
                words = words[:n]
                break
        role = " ".join(words).strip(" ,")
        if any(w.lower() in vocab.ROLE_WORDS for w in role.split()):
            return role
        return None


# --------------------------------------------------------------------------- resolve


@Language.factory("minutebook_resolve", default_config={"model_labels": list(MODEL_LABELS)})
def make_resolve(nlp: Language, name: str, model_labels: list[str]):
    return Resolve(model_labels)


class Resolve:
    """Pick one non-overlapping set of candidates and write ``doc.ents``.

    Longer spans win ("Coventry Foster Carer Association" over "Coventry");
    on equal length the earlier group in GROUPS wins (a listed ORG over a
    TEAM shape). Entities a statistical model put in ``doc.ents`` before us
    survive only for ``model_labels`` and only where no rule found anything.
    """

    def __init__(self, model_labels: list[str]):
        self.model_labels = set(model_labels)

    def __call__(self, doc: Doc) -> Doc:
        ranked = []
        for rank, group in enumerate(GROUPS):
            for span in doc.spans.get(group, []):
                ranked.append((-(span.end_char - span.start_char), rank, span.start, span))
        ranked.sort(key=lambda r: r[:3])
        taken = [False] * len(doc)
        chosen = []
        for _, _, _, span in ranked:
            if any(taken[span.start:span.end]):
                continue
            for i in range(span.start, span.end):
                taken[i] = True
            chosen.append(span)
        for ent in doc.ents:
            if ent.label_ in self.model_labels and not any(taken[ent.start:ent.end]):
                chosen.append(Span(doc, ent.start, ent.end, label=ent.label_, kb_id=ent.text))
        doc.ents = filter_spans(chosen)
        doc.user_data.pop("mb_text", None)
        for group in GROUPS:
            if group in doc.spans:
                del doc.spans[group]
        return doc
