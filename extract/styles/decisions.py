"""Decision cues: how councils print that a body decided, moved, voted or let a motion fall.

Five registries, each read by ``extract/decisions.py``:

``LEADS`` start a decision at the head of a paragraph (after any paragraph
number). ``expect["kind"]`` says what follows: ``resolved`` (the decision
itself, carried), ``motion`` (a proposal whose result and vote follow),
``header`` (a resolution number with mover and seconder; the motion is the
next paragraph), ``vote`` (a vote put on a motion printed earlier),
``decision`` (a ``Decision:`` label) and ``noted`` (a weak statement, kept as
``decision_only``).

``NARRATIVE`` finds decisions told inside a paragraph (``it was agreed to …``,
``Councillors resolved to pay …``); they are the body's decisions in minutes
that print no formal ones, and are kept as ``decision_only`` with outcome
carried. ``NOT_DECIDED`` are the readings that look like one but are not (a
decision of the past, another body's, a view).

``RESULTS`` say how a motion ended (``expect["outcome"]``), ``VOTES`` read a
count for one side (``expect["side"]``, ``expect["count"]`` when printed) and
``MOVERS`` read who proposed and seconded (``expect["mover"]``,
``expect["seconder"]``).
"""

from __future__ import annotations

import re

from minutebook.extract.styles import Style
from minutebook.extract.styles.vocab import BODY_WORDS, MONTH_NAME, WEEKDAY

# A name as printed after "proposed by": titles, initials, surnames, a bracketed initial.
# A motion's first word ("… Seconded by: Shelly Foote THAT …") ends the name.
_NAME = r"(?-i:(?:[A-ZÓÉÁÍÚ][\w'’.-]*|\([A-Z]\))(?:\s+(?!(?:THAT|That|BE|Be|WHEREAS|Whereas|RESOLVED|Resolved)\b)(?:[A-ZÓÉÁÍÚ][\w'’.-]*|de|van|von|\([A-Z]\)))*)"
# A mover and seconder printed as a pair under a resolution number: "J. Okafor, Councillor Hale".
_MEMBER = r"(?-i:(?:(?:[A-Z]\.\s?){1,3}|(?:Councillor|Councilor|Cllr\.?|Trustee|Mayor|Deputy\s+Mayor|Reeve|Mr|Mrs|Ms|Dr)\s+(?:[A-Z]\.?\s?){0,2})[A-Z][\w'’-]+)"
_PAIR = rf"(?P<mover>{_MEMBER})\s*,\s*(?P<seconder>{_MEMBER})"
# Without a resolution number, only a pair of initialled names is a mover and seconder (not "Mr A, Mr B", a list of voters).
_INITIALS_PAIR = r"(?P<mover2>(?-i:(?:[A-Z]\.\s?){1,3}[A-Z][\w'’-]+))\s*,\s*(?P<seconder2>(?-i:(?:[A-Z]\.\s?){1,3}[A-Z][\w'’-]+))"
_RES_NUMBER = r"(?:(?:resolution|motion)\s+(?:no\.?\s*|number\s+)?)?(?:[A-Z]{0,3}\s?\d{2,4}\s?-\s?\d{1,4}\s+)"
_MEMBERS = rf"(?:the\s+)?(?:all\s+)?(?:(?:parish|town|community|city|county|district|full|whole)\s+)?(?:{BODY_WORDS}|councillors|councilors|members|directors|trustees|governors)"

# The resolution number, mover and seconder printed before a motion on the same line.
# A resolution number printed before the motion on its line: "Resolution No. 2031-12 – Moved by …".
RESOLUTION_PREFIX = re.compile(r"^(?:resolution|motion)\s+(?:no\.?|number|#)\s*[A-Z]{0,3}\s?\d{2,4}\s?-\s?\d{1,4}\s*[-–—~:.]*\s+(?=[A-Z])", re.IGNORECASE)
MOTION_HEADER = re.compile(rf"^(?:{_RES_NUMBER}{_PAIR}|{_INITIALS_PAIR})\s*[:;]\s*(?=\S)", re.I)

LEADS: list[Style] = [
    Style(
        "resolved",
        r"^(?:it\s+was\s+(?:\w+\s+)?|and\s+(?:it\s+was\s+)?|be\s+it\s+(?:further\s+)?)?resolved\b",
        "RESOLVED that the revised mooring charges be approved.",
        {"kind": "resolved", "style": "resolved"},
        re.I,
    ),
    Style(
        "resolved-bilingual",
        r"^[^\W\d][^/:.]{2,30}?\s*/\s*(?:it\s+was\s+(?:\w+\s+)?|be\s+it\s+(?:further\s+)?)?resolved\b",
        "PENDERFYNWYD / RESOLVED that the precept for 2032/33 be set at £12,000.",
        {"kind": "resolved", "style": "resolved"},
        re.I,
    ),
    Style(
        "recommended",
        r"^(?:it\s+was\s+(?:\w+\s+)?)?recommended\s*(?:that|to|:|[-–—]|$)",
        "RECOMMENDED that Council adopts the revised tree policy.",
        {"kind": "resolved", "style": "recommended"},
        re.I,
    ),
    Style(
        "proposed-seconded-resolved",
        r"^(?:it\s+was\s+)?(?:proposed|moved)\s+by\b.{0,160}?\bseconded\s+by\b",
        "Proposed by Councillor A Byrne; Seconded by Councillor T Walsh; And Resolved: “That the draft minutes be adopted.”",
        {"kind": "motion", "style": "proposed", "mover": "Councillor A Byrne", "seconder": "Councillor T Walsh"},
        re.I,
    ),
    Style(
        "proposed-by",
        r"^(?:it\s+was\s+)?(?:proposed|moved)\s+by\s*:?\s*(?-i:[A-ZÓÉ])",
        "Moved by Councillor P Quist and seconded by Councillor R Amu.",
        {"kind": "motion", "style": "proposed", "mover": "Councillor P Quist", "seconder": "Councillor R Amu"},
        re.I,
    ),
    Style(
        "x-proposed-y-seconded",
        rf"^(?:[\w ,]{{0,40}},\s+)?{_NAME}\s+(?:\([^)]{{1,60}}\)\s+)?(?:proposed|moved)(?:,)?\s+and\s+(?:the\s+)?{_NAME}\s+(?:\([^)]{{1,60}}\)\s+)?seconded\b",
        "Mrs K Dunne proposed, and Mr L Ode seconded the following amendment:",
        {"kind": "motion", "style": "proposed", "mover": "Mrs K Dunne", "seconder": "Mr L Ode"},
    ),
    Style(
        "x-proposed-that",
        rf"^(?:[\w ,]{{0,40}},\s+)?{_NAME}\s+(?:\([^)]{{1,60}}\)\s+)?(?:proposed|moved)\s+(?:that|to)\b",
        "The Mayor proposed that the meeting continue until 10pm and it was agreed.",
        {"kind": "motion", "style": "proposed", "mover": "The Mayor", "seconder": None, "outcome": "carried"},
    ),
    Style(
        "member-moved",
        r"^(?:(?:council(?:lo|o)r|council\s?member|alderman|alderperson|commissioner|trustee|director|mayor|deputy\s+mayor|vice[\s-]mayor|chair(?:man|woman)?|member|supervisor)\s+)"
        r"[\w'’.-]+(?:\s+[\w'’.-]+){0,3}\s+(?:moved|made\s+a\s+motion)\b",
        "Councilmember Ortiz moved to approve items 3.a through 3.d. Councilmember Baird seconded the motion.",
        {"kind": "motion", "style": "proposed", "mover": "Councilmember Ortiz", "seconder": "Councilmember Baird"},
        re.I,
    ),
    Style(
        "motion-made-by",
        r"^(?:(?:a|the)\s+)?motion\s+was\s+(?:made|offered|moved)\s+by\b|^(?:up)?on\s+(?:a\s+|the\s+)?motion\s+(?:by|of|from)\b",
        "A motion was made by Council Member Park and seconded by Council Member Quon to approve the contract.",
        {"kind": "motion", "style": "proposed", "mover": "Council Member Park", "seconder": "Council Member Quon"},
        re.I,
    ),
    Style(
        "motion-label",
        r"^(?:motion|main\s+motion|substantive\s+motion|amendment)\s*(?:by\b|:|[-–—]\s)",
        "MOTION: Trustee Lund moved, seconded by Trustee Vey, that the bus route survey be published. CARRIED",
        {"kind": "motion", "style": "proposed", "mover": "Trustee Lund", "seconder": "Trustee Vey"},
        re.I,
    ),
    Style(
        "agreed-proposed",
        r"^(?:agreed|approved|accepted|adopted)\b.{0,80}?[-–—,;]\s*(?:proposed|moved)\s+by\b",
        "Approved on 2 March - Proposed by Rhona Veitch – Second by Ian Toal",
        {"kind": "resolved", "style": "proposed", "mover": "Rhona Veitch", "seconder": "Ian Toal"},
        re.I,
    ),
    Style(
        "resolution-number-header",
        rf"^(?:{_RES_NUMBER}{_PAIR}|{_INITIALS_PAIR})\s*[:;]?\s*$",
        "R2031-045 P. Lamb, K. Osei:",
        {"kind": "header", "style": "proposed", "mover": "P. Lamb", "seconder": "K. Osei"},
        re.I,
    ),
    Style(
        "resolution-number-motion",
        rf"^(?:{_RES_NUMBER}{_PAIR}|{_INITIALS_PAIR})\s*[:;]\s*\S",
        "R2031-046 K. Osei, P. Lamb: That the hall hire fees be frozen for 2032. Carried.",
        {"kind": "motion", "style": "proposed", "mover": "K. Osei", "seconder": "P. Lamb", "outcome": "carried"},
        re.I,
    ),
    Style(
        "put-to-the-vote",
        r"\bput\b.{0,200}?\bto\s+(?:the\s+|a\s+)?(?:recorded\s+)?vote\b|\b(?:the\s+)?voting\s+was\s+as\s+follows\b|^(?:a\s+)?recorded\s+vote\b|^roll\s+call\b",
        "The Mayor put the motion in paragraph 2 to the vote and the voting was as follows:",
        {"kind": "vote", "style": "vote", "paragraph": "2"},
        re.I,
    ),
    Style(
        "item-result",
        r"^(?:result|action(?:\s+taken)?|final\s+action|disposition)\s*:\s*(?:carried|passed|approved|adopted|accepted|lost|defeated|failed|denied|withdrawn)\b",
        "RESULT: ADOPTED [UNANIMOUS]",
        {"kind": "result", "style": "result", "outcome": "carried"},
        re.I,
    ),
    Style(
        "decision-label",
        r"^(?:decisions?|agreed|action\s+agreed|outcome)\s*(?::|[-–—]\s+(?!\d))|(?-i:^(?:Decisions?|DECISIONS?|Agreed|Outcome)\s*$|^AGREED\b)",
        "Decision: The Committee agreed to grant a five year lease.",
        {"kind": "decision", "style": "decision"},
        re.I,
    ),
    Style(
        "noted",
        rf"^{_MEMBERS}?\s*(?:(?:unanimously|formally|then|also|further|therefore)\s+)?(?:noted|received)\b|^(?:the\s+)?(?:report|update|minutes?|information)\s+(?:was|were)\s+(?:\w+\s+)?(?:noted|received)\b",
        "The Panel noted the forward plan.",
        {"kind": "noted", "style": "narrative"},
        re.I,
    ),
]

NARRATIVE: list[Style] = [
    Style(
        "it-was-agreed",
        r"\bit\s+was\s+(?:(?:then|also|further|therefore|unanimously|duly|subsequently|finally|generally)\s+)*(?:agreed|resolved|decided|approved)\b",
        "After some discussion it was agreed to replace the bench by the pond.",
        {"outcome": "carried"},
        re.I,
    ),
    Style(
        "members-agreed",
        rf"\b{_MEMBERS}\s+(?:(?:then|also|further|therefore|unanimously|duly|all)\s+)*(?:nominated\s+(?:&|and)\s+)?(?:agreed|resolved|decided|endorsed|approved|appointed|elected)\b",
        "The Councillors resolved to pay the grass cutting invoice.",
        {"outcome": "carried"},
        re.I,
    ),
    Style(
        "all-agreed-record",
        r"\ball\s+(?:members\s+|councillors\s+)?(?:agreed|approved)\b|\b(?:were|was)\s+(?:\w+\s+)?(?:agreed|approved|confirmed|accepted|adopted)\b.{0,60}?\bas\s+an?\s+(?:true|correct|accurate)\s+record",
        "All agreed this was a true record and the minutes were signed.",
        {"outcome": "carried"},
        re.I,
    ),
    Style(
        "proposed-seconded-accepted",
        r"\b(?:were|was)\s+(?:duly\s+)?(?:proposed|moved),?\s+seconded\s+and\s+(?:accepted|approved|adopted|agreed)\b"
        r"|\b(?:were|was)\s+(?:accepted|approved|adopted|agreed)\s*,?\s+(?:on\s+the\s+proposal\s+of|proposed\s+by)\b"
        r"|\b(?:were|was)\s+(?:\w+\s+)?(?:accepted|approved|adopted|agreed)\s+on\s+the\s+proposal\s+of\b",
        "The minutes of the March meeting were proposed, seconded and accepted.",
        {"outcome": "carried"},
        re.I,
    ),
    Style(
        "approved-by-the-body",
        rf"\b(?:was|were)\s+(?:\w+\s+and\s+)?(?:approved|adopted|agreed|accepted)\s+by\s+{_MEMBERS}\b|\bconsidered\s+and\s+(?:adopted|approved|agreed)\b",
        "The annual return was approved by the Parish Council and signed.",
        {"outcome": "carried"},
        re.I,
    ),
    Style(
        "resolved-to",
        r"(?<!\bhad\s)(?<!\bhave\s)(?<!\bhas\s)\b(?:resolved|agreed)\s+to\s+(?:pay|sign|accept|approve|adopt|apply|appoint|retain|grant|award|purchase|buy|renew|donate|write|hold|defer|support|refer|adjourn|take|host|meet|use|continue|monitor|examine|invite|allow|co-opt|remain)\b",
        "Hedge trimming £120.00 resolved to pay.",
        {"outcome": "carried"},
        re.I,
    ),
    Style(
        "motion-agreed",
        r"\b(?:the\s+)?(?:motion|proposal|amendment|recommendation)s?\s+(?:was|were)\s+(?:\w+\s+)?(?:by\s+[^.]{1,60}?\s+)?(?:and\s+)?(?:agreed|carried|adopted|approved|endorsed)\b"
        r"|\bthis\s+was\s+seconded\s+by\b[^.]{1,60}?\band\s+agreed\b",
        "The Motion was seconded by Councillor Egan and agreed.",
        {"outcome": "carried"},
        re.I,
    ),
    Style(
        "proposed-seconded-agreed",
        r"\b(?:proposed|moved)\s+by\b[^.]{1,80}?\bseconded\s+by\b[^.]{1,80}?\band\s+(?:unanimously\s+)?(?:agreed|carried|adopted|approved|accepted)\b",
        "The motion was then proposed by Cllr Hale and seconded by Cllr Moss and unanimously agreed.",
        {"outcome": "carried"},
        re.I,
    ),
    Style(
        "on-the-proposal-of",
        r"\bon\s+the\s+proposal\s+of\b[^.]{1,120}?\bseconded\s+by\b",
        "On the proposal of Councillor Ryan, seconded by Councillor Egan, the meeting adjourned.",
        {"outcome": "carried"},
        re.I,
    ),
    Style(
        "appointed-on-a-vote",
        r"\bon\s+a\s+vote\s+being\s+taken\b(?:[^.]{0,80}?\b(?:was|were)\s+(?:duly\s+)?(?:elected|appointed)\b)?|\bwere\s+elected\s+as\s+follows\b|\bwas\s+(?:duly\s+)?(?:elected|appointed)\s+(?:as\s+)?(?:the\s+)?(?:chair|convener|convenor|vice|treasurer|secretary|mayor|cathaoirleach|leas)",
        "On a vote being taken Ann Pryce was appointed as Convener.",
        {"outcome": "carried"},
        re.I,
    ),
    Style(
        "members-endorsed",
        rf"\b{_MEMBERS}\s+(?:\w+\s+)?(?:endorsed|supported|accepted)\s+(?:that|the\s+(?:proposal|motion|recommendation))\b",
        "The Members endorsed that a parking survey be carried out.",
        {"outcome": "carried"},
        re.I,
    ),
]

# Readings that look like a decision but are not one: past decisions, other bodies' decisions, a person's consent.
NOT_DECIDED = re.compile(
    r"\b(?:had|has|have)\s+(?:previously\s+|already\s+|since\s+)?(?:been\s+)?(?:agreed|resolved|decided|approved)\b"
    r"|\b(?:who|which|that)\s+(?:has|have|had)\s+agreed\b|\bnot\s+(?:agreed|resolved)\b"
    # a decision reported from another meeting: "It was agreed at that meeting that …", "resolved at the last meeting"
    r"|\b(?:agreed|resolved|decided|approved)\s+at\s+(?:that|the\s+(?:previous|last|earlier|prior)|a\s+(?:previous|prior)|an\s+earlier)\s+meeting\b",
    re.I,
)

RESULTS: list[Style] = [
    Style(
        "named-result",
        r"\b(?:(?:the\s+)?(?:substantive\s+|original\s+|main\s+)?(?:motion|amendment|resolution|recommendation|proposal)s?(?:\s+\([^)]{0,20}\))?\s+(?:was\s+|is\s+|were\s+)?(?:declared\s+)?|declared\s+(?:the\s+)?(?:substantive\s+)?(?:motion|amendment)\s+(?:to\s+be\s+)?(?:as\s+)?)"
        r"(?P<word>carried|passed|agreed|approved|adopted|lost|defeated|failed|fell|rejected|not\s+carried|withdrawn)\b(?!\s+(?:to|that|with|on|in)\b|\s+by\s+(?!the\s+following\b|a\s+(?:vote|majority|show)\b|unanimous|\d))",
        "Substantive motion carried.",
        {"outcome": "carried"},
        re.I,
    ),
    Style(
        "bare-result",
        r"(?:^|[.;:]\s+|\s)(?P<word>Carried|CARRIED|Lost|LOST|Defeated|DEFEATED|Agreed|AGREED|Approved|APPROVED|Passed|PASSED|Withdrawn|WITHDRAWN|Failed|FAILED)(?:\s+(?:unanimously|as\s+amended|by\s+(?:a\s+)?(?:majority|show\s+of\s+hands)))?\s*[.!]?\s*(?:$|\s+(?=[A-Z(]))",
        "Time: 7:44 p.m. Carried .",
        {"outcome": "carried"},
    ),
    Style(
        "and-resolved",
        r"\b(?:and|it\s+was)\s+(?:unanimously\s+)?(?P<word>resolved|agreed)\b",
        "Proposed by Councillor Hale, seconded by Councillor Moss and resolved that the fees be frozen.",
        {"outcome": "carried"},
        re.I,
    ),
    Style(
        "declared-as",
        r"\bdeclared\b[^.]{0,200}?\b(?:as\s+|to\s+be\s+|it\s+|him\s+|her\s+)?(?:having\s+been\s+)?(?P<word>carried|lost|defeated|passed)\b",
        "The Mayor declared the motion, as amended by Councillor Ward, as carried.",
        {"outcome": "carried"},
        re.I,
    ),
    Style(
        "declared-elected",
        r"\bdeclared\s+(?:(?:the\s+)?(?:councillor|councilor|cllr\.?|member|mr|mrs|ms|dr)\s+)?(?:[A-Z][\w.'’-]*\s+){1,3}?(?:duly\s+)?(?P<word>elected|appointed|re-elected)\b",
        "There being no other nominations, the Mayor declared Councillor Ward duly elected as Deputy Mayor.",
        {"outcome": "carried"},
        re.I,
    ),
    Style(
        "result-label",
        r"\b(?:result|outcome|action(?:\s+taken)?|final\s+action|disposition)\s*:\s*(?P<word>carried|passed|approved|adopted|accepted|lost|defeated|failed|denied|withdrawn)\b",
        "RESULT: APPROVED [UNANIMOUS]",
        {"outcome": "carried"},
        re.I,
    ),
    Style(
        "decided-by-vote",
        r"\b(?:was|were)\s+(?:unanimously\s+)?(?P<word>approved|adopted|passed|carried|denied|defeated|rejected)\s+(?:by\s+(?:a\s+)?(?:unanimous\s+|majority\s+|roll[\s-]call\s+)?vote\b|unanimously\b)",
        "Upon motion by Alderman Ruiz, seconded by Alderman Cole, the plat was approved by a vote of 5-0.",
        {"outcome": "carried"},
        re.I,
    ),
    Style(
        "withdrew",
        r"\b(?P<word>withdrew|agreed\s+to\s+withdraw|asked\s+to\s+withdraw)\b.{0,40}?\b(?:motion|amendment|proposal)\b",
        "Councillor Hale withdrew the amendment.",
        {"outcome": "withdrawn"},
        re.I,
    ),
]
OUTCOME_WORDS = {
    "carried": "carried", "passed": "carried", "agreed": "carried", "approved": "carried", "adopted": "carried",
    "lost": "lost", "defeated": "lost", "failed": "lost", "denied": "lost", "fell": "lost", "rejected": "lost", "not carried": "lost",
    "withdrawn": "withdrawn", "withdrew": "withdrawn", "agreed to withdraw": "withdrawn", "asked to withdraw": "withdrawn",
}

VOTES: list[Style] = [
    Style(
        "side-count",
        r"\b(?P<side>for|against|abstain(?:ed|ing|s)?|abstentions?|ayes?|yeas?|noes|nays?|in\s+favou?r|opposed)\b\s*(?:\((?P<n1>\d{1,3})\)|[:\-–]\s*(?P<n2>\d{1,3})\b|(?P<n3>\d{1,3})\b(?!\s*(?:[-/.]\d|%|am|pm|p\.m|a\.m)))",
        "For (45)",
        {"side": "for", "count": 45},
        re.I,
    ),
    Style(
        "count-side",
        r"\b(?P<n1>\d{1,3})\s+(?:votes?\s+|voted\s+|members\s+voted\s+)?(?P<side>for|against|abstentions?|in\s+favou?r|opposed)\b(?!\s*[:(])",
        "12 in favour",
        {"side": "for", "count": 12},
        re.I,
    ),
    Style(
        "dash-count",
        r"\b(?:carried|passed|approved|adopted|failed|lost|defeated|vote|votes|voting)\s*(?:by\s+)?(?:a\s+)?(?:vote\s+of\s+)?[:(]?\s*(?P<n1>\d{1,2})\s*(?:-|–|to)\s*(?P<n2>\d{1,2})(?:\s*(?:-|–)\s*(?P<n3>\d{1,2}))?\b",
        "Motion carried 5-0-1.",
        {"side": "for", "count": 5},
        re.I,
    ),
    Style(
        "side-names",
        r"\b(?:voting\s+)?(?P<side>ayes?|yeas?|nays?|noes|for|against|abstain(?:ed|s)?|abstentions?|opposed)\s*[:–-]\s*(?P<names>[A-Z][^:]*?)\s*(?=\.?\s+(?:voting\s+)?(?:ayes?|yeas?|nays?|noes|absent|abstain\w*|abstentions?|against|for|opposed)\s*[:–-]|\.?\s*$)",
        "AYES: Diaz, Webb, Lee. NAYS: None. ABSENT: Park.",
        {"side": "for", "count": 3},
        re.I,
    ),
    Style(
        "side-label",
        r"^(?P<side>for|against|abstain(?:ed|ing|s)?|abstentions?|ayes?|yeas?|noes|nays?|in\s+favou?r|opposed)\s*:?\s*$",
        "Against:",
        {"side": "against"},
        re.I,
    ),
    Style(
        "no-abstentions",
        r"\bthere\s+were\s+no\s+(?P<side>abstentions|votes\s+against)\b",
        "There were no abstentions.",
        {"side": "abstain", "count": 0},
        re.I,
    ),
    Style(
        "roll-call-name",
        r"\b(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s+(?P<side>Yea|Nay|Aye|No|Abstain)\b",
        "Ortiz Yea Baird Nay",
        {"side": "for", "names": ["Ortiz"]},
    ),
]
SIDES = {
    "for": "for", "aye": "for", "ayes": "for", "yea": "for", "yeas": "for", "in favour": "for", "in favor": "for",
    "against": "against", "no": "against", "noes": "against", "nay": "against", "nays": "against", "opposed": "against",
    "votes against": "against",
}

MOVERS: list[Style] = [
    Style(
        "proposed-by-seconded-by",
        rf"\b(?:proposed|moved)\s+by\s*:?\s*(?P<mover>{_NAME})\s*[,;:.–—-]?\s*(?:and\s+)?(?:\w+\s+)?(?:seconded|second)\s+by\s*:?\s*(?P<seconder>{_NAME})",
        "Proposed by Councillor A Byrne; Seconded by Councillor T Walsh;",
        {"mover": "Councillor A Byrne", "seconder": "Councillor T Walsh"},
        re.I,
    ),
    Style(
        "on-the-proposal-of",
        rf"\bon\s+the\s+proposal\s+of\s+(?P<mover>{_NAME})\s*,?\s*(?:and\s+)?seconded\s+by\s+(?P<seconder>{_NAME})",
        "On the proposal of Councillor Ryan, seconded by Councillor Egan, it was agreed to meet in May.",
        {"mover": "Councillor Ryan", "seconder": "Councillor Egan"},
        re.I,
    ),
    Style(
        "x-proposed-y-seconded",
        rf"(?P<mover>{_NAME})\s+(?:\([^)]{{1,60}}\)\s+)?(?:proposed|moved)(?:,)?\s+and\s+(?P<seconder>(?:the\s+)?{_NAME})\s+(?:\([^)]{{1,60}}\)\s+)?seconded\b",
        "Mr Tal proposed and the Vice-Chairman seconded that the meeting continue.",
        {"mover": "Mr Tal", "seconder": "the Vice-Chairman"},
    ),
    Style(
        "x-moved-y-seconded-the-motion",
        rf"(?P<mover>{_NAME})\s+(?:moved|made\s+a\s+motion)\b.{{0,600}}?[.,;]\s+(?P<seconder>{_NAME})\s+seconded\b",
        "Alderman Ruiz moved to approve the plat. Alderman Cole seconded the motion.",
        {"mover": "Alderman Ruiz", "seconder": "Alderman Cole"},
    ),
    Style(
        "moved-seconded-by",
        rf"(?P<mover>{_NAME})\s+moved,\s+seconded\s+by\s+(?P<seconder>{_NAME})",
        "Trustee Lund moved, seconded by Trustee Vey, that the survey be published.",
        {"mover": "Trustee Lund", "seconder": "Trustee Vey"},
    ),
    Style(
        "header-pair",
        rf"^{_RES_NUMBER}?{_PAIR}\s*(?:[:;]|$)",
        "R2031-045 P. Lamb, K. Osei:",
        {"mover": "P. Lamb", "seconder": "K. Osei"},
    ),
    Style(
        "motion-by",
        rf"\bmotion\s+(?:was\s+(?:made|offered|moved)\s+)?(?:by|from|of)\s+(?P<mover>{_NAME})\s*,?\s*(?:and\s+)?(?:was\s+)?seconded\s+by\s+(?P<seconder>{_NAME})",
        "Motion by Commissioner Diaz, seconded by Commissioner Webb, to approve the minutes.",
        {"mover": "Commissioner Diaz", "seconder": "Commissioner Webb"},
        re.I,
    ),
    Style(
        "mover-seconder-labels",
        rf"^mover\s*:\s*(?P<mover>{_NAME})(?:.*?\bseconder\s*:\s*(?P<seconder>{_NAME}))?",
        "MOVER: Lee Kim, Councilmember SECONDER: Ruth Moss, Councilmember",
        {"mover": "Lee Kim", "seconder": "Ruth Moss"},
        re.I,
    ),
    Style(
        "seconder-label",
        rf"^seconder\s*:\s*(?P<seconder>{_NAME})",
        "SECONDER: Ruth Moss, Councilmember",
        {"mover": None, "seconder": "Ruth Moss"},
        re.I,
    ),
    Style(
        "seconded-by-line",
        rf"^seconded\s+by\s*:?\s*(?P<seconder>{_NAME})",
        "Seconded by: Councillor B. Tran",
        {"mover": None, "seconder": "Councillor B. Tran"},
        re.I,
    ),
    Style(
        "x-seconded-the-motion",
        rf"(?P<seconder>{_NAME})\s+seconded\s+the\s+(?:motion|amendment|proposal)\b",
        "Councilmember Baird seconded the motion.",
        {"mover": None, "seconder": "Councilmember Baird"},
    ),
    Style(
        "x-proposed-that",
        rf"(?P<mover>{_NAME})\s+(?:\([^)]{{1,60}}\)\s+)?(?:proposed|moved)\s+(?:that|to)\b",
        "The Mayor proposed that the meeting continue until 10pm and it was agreed.",
        {"mover": "The Mayor", "seconder": None},
    ),
    Style(
        "proposed-by-only",
        rf"\b(?:proposed|moved)\s+by\s*:?\s*(?P<mover>{_NAME})",
        "Proposed by Councillor Hale.",
        {"mover": "Councillor Hale", "seconder": None},
        re.I,
    ),
]

# A meeting date as a decision names a later one: "17th April", "April 9", "3 March 2026", "18/02/2025".
_WHEN = (
    rf"(?P<when>(?:{WEEKDAY}\w*,?\s+)?(?:[0-3]?\d(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH_NAME}\.?(?:,?\s+(?:19|20)\d\d)?"
    rf"|{MONTH_NAME}\.?\s+[0-3]?\d(?:st|nd|rd|th)?(?:,?\s+(?:19|20)\d\d)?|[0-3]?\d/[01]?\d/(?:20)?\d\d))"
)
_PUT_OFF = r"(?:defer(?:red)?|postponed?|continued?|tabled?|adjourned?|carr(?:y|ied)\s+forward|brought\s+back|come\s+back|return(?:ed)?|reconsider(?:ed)?)"

# Decisions that set an item for a later meeting; ``expect["when"]`` is the meeting the example names,
# read from a decision taken on 2025-01-16 (a year-less date is the next one after it), or ``next``.
LATER: list[Style] = [
    Style(
        "at-the-meeting-on",
        rf"\b(?:at|to|for|until|till)\s+(?:the|its|their)\s+(?:\w+\s+)?meeting\s+(?:on|of|in|held\s+on|scheduled\s+for|to\s+be\s+held\s+on)\s+{_WHEN}",
        "The Board agreed to discuss the allotments review at the meeting on 12th March.",
        {"when": "2025-03-12"},
        re.I,
    ),
    Style(
        "the-dated-meeting",
        rf"\b(?:at|to|for|until|till)\s+(?:the|its)\s+{_WHEN}(?:,?\s+(?:regular|ordinary|special|council|board))?\s+meeting\b",
        "Motion to table the sidewalk ordinance until the April 9 meeting.",
        {"when": "2025-04-09"},
        re.I,
    ),
    Style(
        "put-off-to-a-date",
        rf"\b{_PUT_OFF}\s+(?:[\w'’,-]+\s+){{0,6}}?(?:to|until|till|on)\s+{_WHEN}",
        "Item continued to February 18, 2025 for further staff review.",
        {"when": "2025-02-18"},
        re.I,
    ),
    Style(
        "next-meeting",
        r"\b(?:at|to|for|until|till)\s+(?:the|its|their)\s+next\s+(?:\w+\s+)?meeting\b",
        "That the playing field lease be brought back to the next meeting of the Council.",
        {"when": "next"},
        re.I,
    ),
]

# Decisions that send an item on to a later meeting without naming it (trace links them to the committee's
# later work-programme row on the same subject). Examples read as taken on 2025-01-16.
FOLLOW_UP: list[Style] = [
    Style(
        "onto-the-work-programme",
        r"\b(?:add(?:ed)?|include[ds]?|place[ds]?|put|schedule[ds]?)\s+(?:[\w'’,-]+\s+){0,5}?(?:to|in|on|into)\s+(?:the|its|their)\s+(?:[\w'’]+\s+)?(?:work|forward)\s+(?:programme|program|plan)\b",
        "That a further report on the cemetery extension be added to the Committee's work programme.",
        {"follow_up": True},
        re.I,
    ),
    Style(
        "at-a-future-meeting",
        r"\b(?:reconsider|revisit|return\s+to|come\s+back\s+to|report\s+back\s+(?:to|on)|bring\s+back)\b(?:\s+[\w'’,-]+){0,5}?\s+(?:at|to)\s+(?:a|an)\s+(?:future|later|subsequent|additional)\s+(?:\w+\s+)?(?:meeting|date|session)\b",
        "Staff to bring back the parking study at a future meeting of Council.",
        {"follow_up": True},
        re.I,
    ),
    Style(
        "end-of-the-year",
        r"\b(?:at|by|before|towards)\s+the\s+end\s+of\s+the\s+(?:municipal|council|civic|financial|fiscal|calendar)\s+year\b",
        "To review the grant scheme at the end of the municipal year.",
        {"follow_up": True},
        re.I,
    ),
]
