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
        self.loose = PhraseMatcher(nlp.vocab, attr=attr)
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        compiled = compiled_gazetteer(nlp, pdir, terms, attr)
        for matcher, keys in ((self.loose, compiled["loose"]), (self.exact, compiled["exact"])):
            for key, names in keys.items():
                matcher.add(key, [tuple(n) for n in names])
        self.place_words = vocab.place_words(pdir)

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for matcher in (self.exact, self.loose):
            for match_id, start, end in matcher(doc):
                label, canonical = doc.vocab.strings[match_id].split("\x1f", 1)
                if label == "COMMITTEE" and canonical == "Cabinet" and end < len(doc) and doc[end].lower_ in {"member", "members", "portfolio", "office"}:
                    continue
                spans.append(Span(doc, start, end, label=label, kb_id=canonical))
        doc.spans["mb_gazetteer"] = self._placed(doc, spans)
        return doc

    def _placed(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """Drop listed places that are also ordinary words unless the words around say place.

        A list neighbour counts only once it is a place itself, so "Reading
        and Rugby sessions" stays untagged while "Bury, Bolton and Wigan" is
        three places.
        """
        # "North West of the farmhouse" is a direction, not the region.
        spans = [s for s in spans if not (s.label_ == "PLACE" and COMPASS.fullmatch(s.text)
                                          and s.end < len(doc) and doc[s.end].lower_ == "of")]
        # "Newcastle West" is a town of its own: a compass word after a listed place joins it.
        spans = [
            Span(doc, s.start, s.end + 1, label="PLACE", kb_id=f"{s.kb_id_} {doc[s.end].text}")
            if s.label_ == "PLACE" and s.end < len(doc) and doc[s.end].text in COMPASS_WORDS
            and not (s.end + 1 < len(doc) and _cap_word(doc[s.end + 1])) else s
            for s in spans
        ]
        # "(England) Regulations 2024": a country in a statute's title.
        spans = [s for s in spans if not (
            s.label_ == "PLACE" and 0 < s.start and s.end + 1 < len(doc) and doc[s.start - 1].text == "("
            and doc[s.end].text == ")" and LEG_HEAD.match(doc[s.end + 1].text))]
        doubtful = [s for s in spans if s.label_ == "PLACE" and s.text in self.place_words]
        if not doubtful:
            return spans
        places = {(s.start, s.end) for s in spans if s.label_ == "PLACE" and s.text not in self.place_words}
        pending = []
        listed = [s for s in doubtful if _listed_with_non_place(doc, s, places | {(d.start, d.end) for d in doubtful})]
        for s in doubtful:
            if s in listed:
                continue  # "Reading and Mathematics", "Reading, Writing": a list of subjects
            if _place_context(doc, s, set()):
                places.add((s.start, s.end))
            else:
                pending.append(s)
        grew = True
        while grew and pending:
            grew = False
            for s in list(pending):
                if _place_context(doc, s, places):
                    places.add((s.start, s.end))
                    pending.remove(s)
                    grew = True
        return [s for s in spans if s not in pending and s not in listed]


def compiled_gazetteer(nlp: Language, pdir: Path, terms: str | None, attr: str) -> dict:
    """Match key -> token hashes of each name, for the case-folded and the exact matcher.

    Tokenising every listed name is most of the pipeline's build time, so
    the result is cached on disk (``nlp.cache``), keyed by the versions, the
    pattern files and the terms file; a terms file that cannot be read is
    compiled, so its error is the one ``load_terms`` gives.
    """
    import spacy

    from minutebook import __version__

    from . import cache

    try:
        user = Path(terms).read_bytes() if terms else b""
    except OSError:
        user = None
    name = None
    if user is not None:
        shipped = cache.file_bytes(*sorted(pdir.glob("*.jsonl")), pdir / "councils.txt", pdir / "places.txt")
        name = "gazetteer-" + cache.key(__version__, spacy.__version__, attr, shipped, user)
        found = cache.load(name, lambda e: all(
            isinstance(k, str) and all(isinstance(h, int) for n in names for h in n)
            for part in ("loose", "exact") for k, names in e[part].items()))
        if found is not None:
            return found
    compiled = _compile_gazetteer(nlp, pdir, terms, attr)
    if name is not None:
        cache.store(name, compiled)
    return compiled


def _compile_gazetteer(nlp: Language, pdir: Path, terms: str | None, attr: str) -> dict:
    patterns = vocab.shipped_patterns(pdir)
    if terms:
        # User terms come last so their ids win when a name is listed twice.
        patterns += vocab.load_terms(terms)
    out: dict[str, dict[str, list]] = {"loose": {}, "exact": {}}
    for p in patterns:
        key = f"{p['label']}\x1f{p.get('id') or p['pattern']}"
        for text in vocab.apostrophe_variants(p["pattern"]):
            cased = p["label"] in vocab.CASED_LABELS or vocab.is_acronym(text) or " " not in text and p["label"] != "INDICATOR"
            doc = nlp.make_doc(text)
            if len(doc):
                hashes = doc.to_array("ORTH" if cased else attr).tolist()
                out["exact" if cased else "loose"].setdefault(key, []).append(hashes)
    return out


COMPASS_WORDS = {"North", "South", "East", "West"}
COMPASS = re.compile(r"(?:North|South|East|West|Mid)(?:[ -](?:North|South|East|West))?")
PLACE_BEFORE = {"in", "at", "from", "to", "near", "across", "around", "within", "throughout", "between", "outside",
                "into", "visit", "visited", "towards", "serving", "covering"}
PLACE_AFTER = {"council", "borough", "city", "county", "district", "town", "area", "road", "street", "station",
               "centre", "ward", "residents", "constituency", "parish"}
LIST_JOIN = {",", "and", "&", "or"}


def _listed_with_non_place(doc: Doc, span: Span, places: set[tuple[int, int]]) -> bool:
    """A capitalised neighbour across "and" or a comma that is no listed place makes a list of other things."""
    starts, ends = {a for a, _ in places}, {b for _, b in places}
    if span.end + 1 < len(doc) and doc[span.end].lower_ in LIST_JOIN and _cap_word(doc[span.end + 1]):
        if span.end + 1 not in starts:
            return True
    if span.start >= 2 and doc[span.start - 1].lower_ in LIST_JOIN and _cap_word(doc[span.start - 2]):
        if span.start - 1 not in ends:
            return True
    return False


def _place_context(doc: Doc, span: Span, places: set[tuple[int, int]]) -> bool:
    """Words around a name that say it is a place: "in Reading", "Rugby Borough", "Bury, Bolton and Wigan"."""
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    if before is not None and before.lower_ in PLACE_BEFORE:
        return True
    if after is not None and after.lower_ in PLACE_AFTER:
        return True
    # A neighbour in a list of places ("Bury, Bolton and Wigan").
    others = places - {(span.start, span.end)}
    starts, ends = {a for a, _ in others}, {b for _, b in others}
    return bool(
        after is not None and after.lower_ in LIST_JOIN and span.end + 1 in starts
        or before is not None and before.lower_ in LIST_JOIN and span.start - 1 in ends
    )


# --------------------------------------------------------------------------- shapes

CONNECTORS = {"and", "of", "for", "&"}


def _cap_word(tok) -> bool:
    t = tok.text
    return bool(t) and t[0].isupper() and any(c.isalpha() for c in t) and tok.lower_ not in vocab.BREAK


# People words that break a run ("Cabinet Member for …") but may open a name's words.
ROLE_NOUNS = {"member", "members"}
DETERMINERS = {"the", "a", "an", "our", "its", "their", "this", "his", "her"}


def _name_word(doc: Doc, i: int) -> bool:
    """A capitalised word that may sit in a name, judged with its neighbours.

    Words that open headings ("Overview", "Strengthening") break a run,
    except inside a name: before "&"/"and" and a capitalised word ("Health
    Overview & Scrutiny Committee"), a verb-form right after an article
    ("the Strengthening Independence Service"), a people word before a
    capitalised one ("Member Services Committee").
    """
    tok = doc[i]
    if _cap_word(tok):
        return True
    if not tok.text[:1].isupper() or tok.lower_ not in vocab.BREAK:
        return False
    if tok.lower_ in ROLE_NOUNS and i + 1 < len(doc) and _cap_word(doc[i + 1]):
        return True  # "Selection and Member Services Committee"
    if tok.lower_ in vocab.HEADING_NOUNS and i + 2 < len(doc) and doc[i + 1].lower_ in {"&", "and"} and _cap_word(doc[i + 2]):
        return True
    return (tok.lower_.endswith("ing") and i > 0 and doc[i - 1].lower_ in DETERMINERS
            and i + 1 < len(doc) and _cap_word(doc[i + 1]))


@Language.factory(
    "minutebook_shapes",
    default_config={
        "heads": {
            "TEAM": ["Team", "Service", "Hub", "Unit", "Academy", "team"],
            "COMMITTEE": ["Board", "Committee", "Sub-Committee", "Subcommittee", "Forum", "Cabinet", "Panel"],
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
        # A "Service" run by a body of its own is that body, not a council's team.
        "body_services": ["Fire and Rescue", "Fire & Rescue", "Ambulance", "Police", "Probation", "Prison",
                          "Coastguard", "Health"],
        # Services and networks of transport and utilities, not bodies or teams ("the Bus Service",
        # "a Key Route Network").
        "not_bodies": ["Bus", "Rail", "Train", "Ferry", "Postal", "Taxi", "Shuttle", "Broadband", "Internet",
                       "Mobile", "Telephone", "Water", "Electricity", "Gas", "Route", "Road", "Cycle", "Cycling",
                       "Walking", "Heat", "Sewer", "Drainage", "Footpath"],
        # Per head word, words before it that make it a thing, not a body ("the Housing Network" of homes).
        "thing_heads": {"Network": ["Housing", "Energy", "Fibre", "Distribution", "Transport", "Power", "Data"]},
        # A team of players is a club, not a council team ("Riverside Ladies Football Team").
        "club_words": ["Football", "Hurling", "Camogie", "Rugby", "Hockey", "Cricket", "Netball", "Basketball",
                       "Soccer", "Baseball", "Athletics", "Gaelic", "GAA", "Ladies", "Juniors", "Minors", "Youths"],
        # Nouns of a document's title: "Strategy for Traffic Calming and Safe Street Network" names a strategy.
        "document_nouns": ["Strategy", "Plan", "Policy", "Framework", "Review", "Report", "Scheme", "Protocol",
                           "Charter", "Statement", "Proposal", "Proposals", "Consultation", "Study"],
        # A country after an organisation's head word is part of its name ("Doctors' Association UK").
        "name_suffixes": ["UK", "International", "Ireland", "Scotland", "Wales", "Cymru", "England", "Canada"],
        "max_words": 8,
    },
)
def make_shapes(nlp: Language, name: str, heads: dict, group_qualifiers: list, council_kinds: list,
                body_services: list, not_bodies: list, thing_heads: dict, club_words: list,
                document_nouns: list, name_suffixes: list, max_words: int):
    return Shapes(heads, group_qualifiers, council_kinds, body_services, not_bodies, thing_heads, club_words,
                  document_nouns, name_suffixes, max_words)


class Shapes:
    """Names no list holds, found by their shape: capitalised words ending in a head noun.

    "Edge of Care Service", "Corporate Parenting Board", "Coventry Foster
    Carer Association". The run walks left from the head over capitalised
    words (and "of"/"and"/"for" between them) and stops at sentence-opening
    words, so "An Overview of Coventry Outdoor Education Service" yields
    "Coventry Outdoor Education Service".
    """

    def __init__(self, heads, group_qualifiers, council_kinds, body_services, not_bodies, thing_heads, club_words,
                 document_nouns, name_suffixes, max_words):
        self.heads = {h: label for label, hs in heads.items() for h in hs}
        self.not_bodies = set(not_bodies)
        self.thing_heads = {head: set(words) for head, words in thing_heads.items()}
        self.not_place_after = vocab.THING_NOUNS | set(document_nouns) | {"Programme", "Project", "Office", "Design", "Safety"}
        self.club_words = set(club_words)
        self.document_nouns = set(document_nouns)
        self.name_suffixes = set(name_suffixes)
        self.body_service = re.compile(r"\b(?:" + "|".join(map(re.escape, body_services)) + r")\s+Service$", re.I)
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

    def _walk(self, doc: Doc, head: int, stop: set[int], owners: dict | None = None) -> int:
        """Leftmost token index of the name ending at ``head`` (``head`` if none).

        ``owners``: end tokens of listed places and organisations, whose
        possessive starts a name of its own.
        """
        start = head
        i = head - 1
        words = 0
        while i >= 0 and words < self.max_words:
            tok = doc[i]
            if tok.text in ("'s", "’s", "’", "'") and i > 0 and (
                owners and (i - 1) in owners or vocab.is_acronym(doc[i - 1].text) or doc[i - 1].text in self.head_stop
            ):
                # "Coventry’s Social Work Academy", "KCC’s Elective Home Education
                # Team", "Bedfordshire County Council's Empty Homes Forum": the
                # owner is a name of its own.
                break
            if tok.text in ("'s", "’s", "’", "'") and i > 0 and _cap_word(doc[i - 1]):
                i -= 1
                continue
            if tok.text == "-" and not doc[i - 1].whitespace_ and not tok.whitespace_ and i > 0 and doc[i - 1].text[:1].isupper():
                i -= 1
                continue
            if self.head_stop.get(tok.text) == self.heads.get(doc[head].text, "COMMITTEE") and not (
                i == head - 1 and self.heads.get(tok.text) in ("TEAM", "COMMITTEE")
            ):
                # Two team or committee heads side by side are one name ("Family Hub
                # Service", "Education Cabinet Committee"); two bodies are two ("… Council Police").
                break
            if _name_word(doc, i) and "\t" not in tok.whitespace_:
                start = i
                words += 1
                i -= 1
                continue
            if tok.lower_ in CONNECTORS and i > 0 and _name_word(doc, i - 1) and (i - 1) not in stop and start < head:
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
        # Whose thing a name is: "Coventry’s …", "Kent County Council’s …".
        owners = {s.end - 1: s.start for s in gaz if s.label_ in ("PLACE", "ORG")}
        owned = {s.end - 1: s.start for s in gaz if s.label_ == "ORG"}
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
                if tok.text == "Council" and tok.i > 0 and tok.i not in ends:
                    # A listed council is authoritative: "Police Kent County Council" is two names.
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
                start = self._walk(doc, tok.i, stop, owners)
            if start == tok.i:
                continue
            end = tok.i + 1
            if label == "COMMITTEE" and end + 2 < len(doc) and doc[end].text == "(" and doc[end + 1].is_digit and doc[end + 2].text == ")":
                end += 3
            if any(t.text in self.document_nouns and t.i + 1 < end and doc[t.i + 1].lower_ in {"for", "of", "on", "to"}
                   for t in doc[start:end]):
                continue
            if label != "PLACE" and (doc[tok.i - 1].text in self.not_bodies
                                     or doc[tok.i - 1].text in self.thing_heads.get(tok.text, ())):
                continue
            if label == "TEAM" and (self.body_service.search(doc[start:end].text)
                                    or any(t.text in self.club_words for t in doc[start:end])):
                label = "ORG"
            if label == "ORG" and end < len(doc) and doc[end].text in self.name_suffixes and doc[end - 1].whitespace_ == " ":
                end += 1
            if label == "ORG" and end + 1 < len(doc) and doc[end].text in COMPASS_WORDS and doc[end + 1].text in COMPASS_WORDS:
                end += 2  # "Adoption Partnership South East"
            if owned.get(tok.i - 1) == start:
                continue  # "Coventry City Council Service Plan": the council's, not a team
            before = start - 1
            while before >= 0 and doc[before].text in {"*", "_", "**"}:
                before -= 1  # emphasis marks of markdown or OCR text
            if label == "PLACE" and before >= 0 and doc[before].lower_ in {"a", "an"}:
                continue  # "a Neighbourhood Park" is a kind of place, not a named one
            if label == "PLACE" and end < len(doc) and (
                doc[end].text in self.not_place_after or self.heads.get(doc[end].text, "PLACE") != "PLACE"
            ):
                continue  # "the Strategic Estate Programme", "National Road Design Office": a place word in another name
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
        """"Kent County Council", "Limerick City and County Council", "the County Council".

        Kinds alone name no council ("District and Borough Council Leaders")
        unless "the"/"this" points at one; a run stops at a break or another
        "Council", so a running header does not join the name after it.
        """
        prev = doc[i - 1]
        if prev.text in self.council_kinds:
            start = i - 1
            while start > 0:
                tok = doc[start - 1]
                if tok.text in self.head_stop or "\n" in tok.text or "\t" in tok.whitespace_ + tok.text:
                    break
                if tok.text in self.council_kinds:
                    start -= 1
                elif _cap_word(tok) and tok.lower_ not in vocab.NONNAME:
                    start -= 1  # a place name, not a topic ("Environment Kent County Council" is two things)
                elif tok.lower_ in {"and", "&"} and start > 1 and doc[start - 2].text in self.council_kinds:
                    start -= 1
                else:
                    break
            if any(t.text not in self.council_kinds and t.lower_ not in {"and", "&"} for t in doc[start:i]):
                return [Span(doc, start, i + 1, label="ORG")]
            if start > 0 and doc[start - 1].lower_ in {"the", "this"} and not (
                i + 1 < len(doc) and (doc[i + 1].text in vocab.COUNCIL_COMPOUNDS or doc[i + 1].text in self.heads)
            ):
                return [Span(doc, start, i + 1, label="ORG")]  # "the County Council", not "the City Council Chamber"
            return []
        # Not "the Council Chamber" (a room), "the Council Tax" (a tax), "the County Council
        # Network" (another body) or "the Council of Europe" (another council).
        after = doc[i + 1: i + 4]
        if prev.lower_ in {"the", "this"} and not (
            len(after) and (after[0].text in vocab.COUNCIL_COMPOUNDS or after[0].text in self.heads)
            or len(after) > 1 and after[0].lower_ == "of" and any(_cap_word(t) for t in after[1:])
        ):
            return [Span(doc, i, i + 1, label="ORG")]
        return []

    def _group(self, doc: Doc, i: int, stop: set[int]) -> Span | None:
        if i == 0 or doc[i - 1].text not in self.qualifiers:
            return None
        start = self._walk(doc, i, stop)
        return Span(doc, start, i + 1, label="COMMITTEE") if start < i else None


# --------------------------------------------------------------------------- legislation

LEG_HEAD = re.compile(r"^(Act|Acts|Regulations|Order|Rules|Bill|Measure)(\d{4})?$")
LEG_WORD = re.compile(r"Act|Regulations|Order|Rules|Bill|Measure")  # in the text wherever a token matches LEG_HEAD
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
    for tok in doc if LEG_WORD.search(_text(doc)) else ():  # most texts name no Act: skip the walk over their tokens
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

# A name never runs over a line or cell break: spaces inside a name are spaces.
SP = r"[^\S\n\t]"
INIT = r"[A-Z]{1,2}\.?"
GIVEN = r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?"
PARTICLE = r"(?:van|von|Van|Von|de|De|der|den|da|di|du|le|La|la|del|bin|al)"
# "Crow- Brown" is a double-barrelled name hyphenated at a line end.
SURNAME = r"(?:O['’]|Mc|Mac)?[A-Z][a-z]+(?:(?:[-'’]|-[^\S\n\t]?)[A-Z][a-z]+)?"
NAME = rf"(?:(?:{INIT}{SP}){{1,3}}|(?:{GIVEN}{SP}){{1,2}})?(?:{PARTICLE}{SP})?{SURNAME}"
TITLED = re.compile(rf"\b({vocab.PERSON_TITLES}){SP}+({NAME})\b")
TITLED_LIST = re.compile(rf"\b(?:Councillors|Cllrs\.?){SP}+((?:{NAME})(?:{SP}*\([^)]{{1,40}}\))?(?:(?:,{SP}*|{SP}+and{SP}+)(?:{NAME})(?:{SP}*\([^)]{{1,40}}\))?)*)")
LIST_ITEM = re.compile(rf"({NAME})(?:{SP}*\([^)]{{1,40}}\))?")
INITIALLED = re.compile(rf"(?<![\w.])((?:[A-Z]{{1,2}}{SP}){{1,2}}(?:{PARTICLE}{SP})?{SURNAME})\b")
FULLNAME = re.compile(rf"\b({GIVEN}){SP}+(?:({PARTICLE}|{GIVEN}|[A-Z]){SP}+)?((?:{PARTICLE}{SP})?{SURNAME})\b")
ROLE_AFTER = re.compile(r"^\s*(?:,\s*|\s+)((?:(?:Interim|Acting|Deputy|Assistant|Senior|Strategic|Operational|Service|Programme|Principal|Chief|Executive|Head|Lead|[A-Z][a-z]+|of|for|and|&|the|Children’s|Children's)\s*){1,12})")
PAREN_ROLE = re.compile(r"^\s*\(([^)]{1,40})\)")
NOT_BEFORE_INITIAL = re.compile(r"(?:Appendix|Annex|Table|Figure|Part|Section|Schedule|Option|Plan|Stage|Grade|Level|Category|Tier|Key|Type|Group|Class|Year|Block|Phase|Priority|Band|Unit|Ward|Zone|Area|Route|Item|Agenda|Page|No\.?)\s$")


FORENAMES = vocab.forenames()
# A capitalised role word straight before a name: "Police Officer Cody Vance", "Clerk Ann Roy".
ROLE_BEFORE = re.compile(r"\b([A-Z][a-z]+)[^\S\n\t]$")
# Not after a hyphen: "John-Paul Negrinotti" starts at John.
CAP_START = re.compile(r"(?<![\w-])[A-Z][a-z]")


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
            items = list(LIST_ITEM.finditer(m.group(1)))
            if len(items) == 1 and " " not in items[0].group(1):
                # A plural title before one bare word is a heading or a title
                # ("Councillors Updates", "Councillors Direct"), not a list of names.
                continue
            for item in items:
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
            if middle in self.forenames and given.split("-")[0] not in self.forenames:
                # "… Corporate Assurance Jenny Dixon-Sherreard": the name starts at the forename.
                continue
            name = m.group(0)
            if middle and len(middle) > 1 and middle not in self.forenames and not re.fullmatch(PARTICLE, middle):
                name = f"{given} {middle}"
            name = _trim_name(name)
            if not name or " " not in name:
                continue
            after = text[m.start() + len(name): m.start() + len(name) + 40]
            before = ROLE_BEFORE.search(text, max(0, m.start() - 30), m.start())
            role_before = before is not None and before.group(1).lower() in vocab.ROLE_BEFORE_NAME
            if given.split("-")[0] in self.forenames or role_before or self._role_follows(after):
                found.append((m.start(), m.start() + len(name), name))
        values = _values(doc)
        spans = []
        for s, e, name in found:
            span = doc.char_span(s, e, label="PERSON", alignment_mode="expand")
            if span is None:
                continue
            spans.append(Span(doc, span.start, span.end, label="PERSON", kb_id=re.sub(r"-\s+", "-", re.sub(r"\s+", " ", name))))
            role = self._role(text[span.end_char: span.end_char + 120])
            if role:
                values[(span.start_char, span.end_char)] = {"role": role}
        doc.spans["mb_people"] = spans
        return doc

    @staticmethod
    def _role_follows(after: str) -> bool:
        """A role set off after the words: "Sukriti Sen, Director", "Sukriti Sen – Head of …".

        A role word straight after them ("Peer Challenge Manager", "Next
        Steps Co-ordinator") makes them the role's qualifiers, not a name.
        """
        m = re.match(r"^\s*(?:[,–—:(-]|[^\S\n\t]*[\n\t])\s*((?:[A-Z][\w’'-]*\s*){1,4})", after)
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
                span = _within_line(span)
                if span is not None:
                    ranked.append((-(span.end_char - span.start_char), rank, span.start, span))
        ranked.sort(key=lambda r: r[:3])
        taken = [False] * len(doc)
        chosen = []
        for _, _, _, span in ranked:
            if span.label_ == "TEAM" and span.end < len(doc) and doc[span.end].text in vocab.THING_NOUNS:
                continue  # "the Family Hub Grant" is a grant, not the team
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


def _within_line(span: Span) -> Span | None:
    """The part of a name after the last line or cell break inside it.

    A name never runs across lines or table cells; names end in their head
    word ("… Service", "… Council", a surname), so the last part is kept.
    """
    if span.label_ in ("MONEY", "DATE"):
        return span
    text = span.text
    cut = max(text.rfind("\n"), text.rfind("\t"))
    if cut < 0:
        return span
    doc = span.doc
    start = span.start
    while start < span.end and doc[start].idx + len(doc[start].text) <= span.start_char + cut + 1:
        start += 1
    while start < span.end and doc[start].is_space:
        start += 1
    if start >= span.end:
        return None
    return Span(doc, start, span.end, label=span.label_, kb_id=doc[start:span.end].text if span.kb_id_ == text else span.kb_id_)
