"""Word lists the shape rules share, and loading of the shipped pattern files.

Kept apart from the components so the rules read as rules and the lists can
grow without touching them.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

PATTERNS_DIR = Path(__file__).resolve().parent / "patterns"

LABELS = ("TEAM", "INDICATOR", "PERSON", "ORG", "COMMITTEE", "LEGISLATION", "PLACE", "MONEY", "DATE")

# Labels whose gazetteer names are matched case-sensitively: "Action for
# Children" is a charity, "action for children" is a phrase.
CASED_LABELS = {"ORG", "COMMITTEE", "PLACE", "PERSON", "LEGISLATION"}

MONTHS = [
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

# Capitalised words that start sentences or headings but never begin a name:
# a name run walking left from its head word stops at them.
BREAK = {
    "the", "a", "an", "this", "that", "these", "those", "our", "their", "its", "his",
    "her", "each", "every", "all", "any", "both", "new", "current", "existing",
    "previous", "in", "on", "at", "by", "from", "to", "with", "within", "without",
    "under", "over", "as", "if", "when", "where", "while", "whilst", "since",
    "although", "however", "also", "and", "or", "but", "so", "further", "following",
    "overview", "update", "report", "progress", "briefing", "note", "purpose",
    "summary", "introduction", "background", "appendix", "agenda", "item", "minutes",
    "role", "impact", "members", "member", "officers", "councillor", "councillors",
    "cllr", "chair", "director", "mr", "mrs", "ms", "dr", "page", "recommendation",
    "recommendations", "action", "actions", "outcome", "supporting", "developing",
    "improving", "strengthening", "establishing", "implementing", "via", "into",
    "about", "after", "before", "during", "is", "are", "was", "were", "has", "have",
    "will", "would", "should", "can", "could", "may", "must", "not", "no", "yes",
    "how", "what", "why", "who", "which", "there", "here", "we", "they", "it", "he",
    "she", "you", "i", "of", "for", "see", "please", "contact", "email", "tel",
    "subject", "author", "authors", "name", "title", "date", "time", "place", "venue",
    "public", "private", "business", "part", "including", "other", "others",
    "meeting", "meetings", "our", "your", "my", "one's",
    # A post before a body's name is no part of it: "Head of Adoption Partnership South East".
    "head", "manager", "co-chair", "vice-chair", "chairman", "chairperson",
    # A report's period is no part of the name after it: "the Annual Fostering Service report".
    "annual", "quarterly", "monthly", "weekly", "yearly", "draft", "final", "revised", "proposed",
} | {m.lower() for m in MONTHS + WEEKDAYS}

# Nouns that head a report's heading ("An Overview of …") and so break a name
# run, yet also sit inside names ("Overview & Scrutiny Committee").
HEADING_NOUNS = {"overview", "update", "progress", "briefing", "summary", "introduction", "background", "report"}

# Capitalised nouns that make the name before them a modifier: "Family Hub
# Grant" is a grant and "Youth Service Awards" are awards, not the team.
THING_NOUNS = {"Grant", "Grants", "Fund", "Funding", "Budget", "Allocation", "Award", "Awards", "Conference",
               "Event", "Day", "Week", "Pilot", "Building", "Premises", "Guidance", "Toolkit", "Website"}

# "Council" before these is a room, a building or a tax, not the council ("the Council Chamber").
COUNCIL_COMPOUNDS = {"Chamber", "Chambers", "Tax", "Offices", "House", "Building", "Buildings", "Estate", "Housing"}

# Words that can sit inside a name but are not surnames or forenames, so a
# person rule must not take them ("A Level", "B Team", "Sonia Watson, Service …").
NONNAME = {
    "team", "service", "services", "hub", "unit", "panel", "academy", "board",
    "committee", "group", "forum", "council", "partnership", "agency", "trust",
    "association", "network", "act", "regulations", "level", "levels", "stage",
    "plan", "report", "school", "schools", "education", "children", "care",
    "social", "work", "city", "county", "road", "street", "house", "centre",
    "park", "hall", "strategic", "operational", "lead", "director", "manager",
    "head", "officer", "chair", "star", "grade", "table", "figure", "appendix",
    "section", "schedule", "key", "support", "health", "safeguarding", "family",
    "families", "young", "people", "adult", "adults", "email", "tel", "telephone",
    "page", "item", "agenda", "minutes", "resolved", "note", "notes", "data",
    "overview", "update", "performance", "programme", "project", "youth", "early",
    "help", "the", "and", "of", "for", "interim", "acting", "deputy", "assistant",
    "senior", "principal", "chief", "executive", "inspection", "improvement",
    "commissioner", "cabinet", "government", "national", "local", "public",
    "private", "business", "english", "maths", "mathematics", "science",
    "reading", "writing", "phonics", "district", "borough", "ward", "ofsted",
} | {m.lower() for m in MONTHS + WEEKDAYS}

# Values of vote and attendance lists, printed beside names ("Mr Robey
# Abstain (0)", "Apologies: Nil", "Patrick Present"): never part of a name.
RECORD_WORDS = {
    "abstain", "abstained", "abstention", "abstentions", "against", "carried", "lost",
    "present", "absent", "apologies", "apology", "nil", "none", "regrets", "excused",
    "attending", "attended", "moved", "seconded", "proposed", "declined", "tied", "vote",
    "votes", "voting", "aye", "ayes", "nay", "nays", "yea", "yeas", "motion", "amendment", "amendments",
    "unanimous", "unanimously",
}

# Words of an address, a body or an agenda heading: a person's name never
# holds them ("Marion Ave", "Tulsa Police", "Councillors Updates", "Three Lochs").
NONNAME |= RECORD_WORDS | {
    "avenue", "ave", "drive", "lane", "way", "crescent", "boulevard", "blvd", "parkway", "highway",
    "roads", "streets", "square", "terrace", "gardens", "estate", "police", "constabulary",
    "commission", "society", "foundation", "institute", "university", "college", "library",
    "department", "authority", "directorate", "office", "updates", "reports", "matters",
    "items", "questions", "correspondence", "announcements", "declarations", "steps",
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "cmhlr", "comhairleoir", "councilor", "councilors", "alderman", "aldermen", "mayor", "reeve",
    "annual", "quarterly", "monthly", "weekly", "recruitment", "challenge", "fostering",
    "adoption", "planning", "finance", "housing", "transport", "budget", "strategy",
    "environment", "environmental", "travel", "transportation", "economic", "development", "community",
}

ROLE_WORDS = {
    "director", "head", "lead", "manager", "officer", "chief", "chair", "chairman",
    "commissioner", "clerk", "executive", "adviser", "advisor", "co-ordinator",
    "coordinator", "principal", "inspector", "leader", "solicitor", "accountant",
    "analyst", "consultant", "specialist", "worker", "member", "secretary",
    "mayor", "governor", "headteacher", "superintendent", "administrator",
}

# Roles printed straight before a full name as a title ("Police Officer Cody
# Vance", "Clerk Ann Roy"); not "Member" or "Lead", which head other phrases
# ("Cabinet Member Portfolio Priorities").
ROLE_BEFORE_NAME = {
    "officer", "clerk", "chief", "mayor", "director", "manager", "superintendent", "inspector", "sergeant",
    "constable", "treasurer", "administrator", "coordinator", "co-ordinator", "chairperson", "chairman",
    "secretary", "reeve", "councilor", "supervisor", "engineer", "planner", "solicitor", "headteacher",
}

PERSON_TITLES = r"(?:Councillor|Councilor|Cllr\.?|Ciir|Cmhlr\.?|Comhairleoir|Mr\.?|Mrs\.?|Ms\.?|Miss|Dr\.?|Professor|Prof\.?|Sir|Dame|Lord|Baroness|Commissioner)"

APOS = "'’"


def apostrophe_variants(text: str) -> list[str]:
    """A name printed with either apostrophe must match: "Children's" and "Children’s"."""
    if "'" in text or "’" in text:
        return sorted({text.replace("’", "'"), text.replace("'", "’")})
    return [text]


def is_acronym(text: str) -> bool:
    """Short all-capitals words (with an optional lower-case joiner, like DfE) are acronyms."""
    return bool(re.fullmatch(r"[A-Z][A-Za-z&]{1,7}", text)) and sum(c.isupper() for c in text) >= 2 and not text[1:].islower()


def read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def read_list(path: Path) -> list[str]:
    with open(path, encoding="utf-8") as f:
        return [line.strip() for line in f if line.strip() and not line.startswith("#")]


MAX_ALIASES = 50  # YAML aliases (*name) in a terms file: a few share lists; thousands are a "billion laughs" bomb


def load_terms(path: str | Path) -> list[dict]:
    """Read a user ``terms.yml`` (a list of {label, name, aliases}) into ruler patterns.

    Errors are ``ValueError`` with the line they are on. The file is read
    with YAML's safe loader and at most ``MAX_ALIASES`` aliases, and every
    name must be a string, so a small file cannot expand into gigabytes.
    """
    import yaml

    class Loader(yaml.SafeLoader):
        aliases = 0

        def compose_node(self, parent, index):
            if self.check_event(yaml.AliasEvent):
                Loader.aliases += 1
                if Loader.aliases > MAX_ALIASES:
                    raise ValueError(f"line {self.peek_event().start_mark.line + 1}: more than {MAX_ALIASES} YAML aliases")
            return super().compose_node(parent, index)

    try:
        with open(path, encoding="utf-8") as f:
            loader = Loader(f)
            try:
                node = loader.get_single_node()
                data = loader.construct_document(node) if node is not None else []
            finally:
                loader.dispose()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark else ""
        raise ValueError(f"{where}not valid YAML ({getattr(exc, 'problem', None) or exc})") from None
    except UnicodeDecodeError:
        raise ValueError("not UTF-8 text") from None
    data = data or []
    if not isinstance(data, list):
        raise ValueError("expected a list of {label, name, aliases} entries")
    patterns = []
    for n, item in enumerate(data, 1):
        line = node.value[n - 1].start_mark.line + 1
        if not isinstance(item, dict) or "label" not in item or "name" not in item:
            raise ValueError(f"line {line}: entry {n} needs 'label' and 'name'")
        label = str(item["label"]).upper()
        if label not in LABELS:
            raise ValueError(f"line {line}: entry {n} has unknown label {label!r}; use one of {', '.join(LABELS)}")
        aliases = item.get("aliases") or []
        if isinstance(aliases, str):
            aliases = [aliases]
        names = [item["name"], *aliases] if isinstance(aliases, list) else None
        if names is None or not all(isinstance(t, (str, int, float)) for t in names):
            raise ValueError(f"line {line}: entry {n}: 'name' and 'aliases' must be names, not lists or mappings")
        name = str(item["name"]).strip()
        for text in names:
            patterns.append({"label": label, "pattern": str(text).strip(), "id": name})
    return patterns


def shipped_patterns(patterns_dir: Path = PATTERNS_DIR) -> list[dict]:
    """All gazetteer patterns shipped with the package, as ruler patterns with ids."""
    patterns: list[dict] = []
    for path in sorted(patterns_dir.glob("*.jsonl")):
        patterns.extend(read_jsonl(path))
    councils = patterns_dir / "councils.txt"
    if councils.exists():
        for name in read_list(councils):
            patterns.append({"label": "ORG", "pattern": name, "id": name})
            place = re.sub(r"\s+(?:City|County|Metropolitan Borough|Borough|District)?\s*Council$", "", name)
            if place and place != name:
                patterns.append({"label": "PLACE", "pattern": place, "id": place})
    places = patterns_dir / "places.txt"
    if places.exists():
        for name in read_list(places):
            patterns.append({"label": "PLACE", "pattern": name, "id": name})
    return patterns


def council_for_place() -> dict[str, str]:
    """Place name → its council's full name, from ``councils.txt``."""
    out = {}
    path = PATTERNS_DIR / "councils.txt"
    if path.exists():
        for name in read_list(path):
            place = re.sub(r"\s+(?:City|County|Metropolitan Borough|Borough|District)?\s*Council$", "", name)
            out.setdefault(place, name)
    return out


def place_words(patterns_dir: Path = PATTERNS_DIR) -> set[str]:
    """Listed places that are also ordinary words: tagged only with place evidence around them."""
    path = patterns_dir / "place_words.txt"
    return set(read_list(path)) if path.exists() else set()


def forenames() -> set[str]:
    path = PATTERNS_DIR / "forenames.txt"
    return set(read_list(path)) if path.exists() else set()
