"""Standing items: the procedural items every meeting takes, printed under many names.

A clerk tracing "minutes of the previous meeting" means the approval of
minutes however the agenda words it ("Minutes", "Approval of Previous
Minutes", "Confirmation of the minutes of the last meeting"), and the minutes
themselves; a title-by-title match finds only the wordings that share words.
Each entry is one printed form; ``expect["standing"]`` names the class it
belongs to, so every form of a class matches every other. ``PROBE`` holds
the words that find a class's titles in the index.

``LATER`` (in ``decisions``) is the other half of trace's reading of
procedure: decisions that set an item for a later meeting.
"""

from __future__ import annotations

import re

from minutebook.extract.styles import Style

_OPENERS = r"(?:to\s+)?(?:approv(?:e|al)|confirm(?:ation)?|adopt(?:ion)?|accept(?:ance)?|sign(?:ing)?|reading\s+and\s+approval)"
# The kinds of sitting a meeting's own minutes name ("Minutes of the Regular Meeting"); another body's
# minutes ("Minutes of the Planning Committee") are a different item.
_SITTING = r"(?:ordinary|regular|special|annual|extraordinary|general|monthly|statutory|full|public|council|board|adjourned|reconvened|previous|last|inaugural)"

STANDING: list[Style] = [
    Style(
        "minutes-bare",
        r"^(?:the\s+)?(?:draft\s+)?minutes(?:\s*$|\s*[-–:(,]|\s+of\s+(?:the\s+)?(?:previous|last|prior)\s+meeting|\s+and\s+matters\s+arising)",
        "Minutes of the Previous Meeting",
        {"standing": "minutes"},
        re.I,
    ),
    Style(
        "minutes-approval",
        rf"^{_OPENERS}\s+(?:of\s+)?(?:the\s+)?(?:draft\s+|previous\s+|last\s+)*minutes\b",
        "Approval of the Minutes of the Regular Meeting of January 7, 2025",
        {"standing": "minutes"},
        re.I,
    ),
    Style(
        "minutes-of-a-meeting",
        rf"^(?:(?:draft|confirmed|signed|unconfirmed)\s+)?minutes\s+of\s+(?:the\s+|an?\s+)?(?:{_SITTING}\s+){{0,2}}(?:meeting|session)s?\b",
        "Minutes of the Ordinary Meeting held on 3 March 2025",
        {"standing": "minutes"},
        re.I,
    ),
    Style(
        "previous-minutes",
        r"^(?:previous|last)\s+(?:meeting'?s\s+)?minutes\b",
        "Previous Minutes",
        {"standing": "minutes"},
        re.I,
    ),
    Style(
        "apologies",
        r"^apologies(?:\s+for\s+absence)?(?:\s+(?:and|&)\s+(?:substitut\w+|declarations?\s+of\s+interests?))?\s*$",
        "Apologies for Absence",
        {"standing": "apologies"},
        re.I,
    ),
    Style(
        "roll-call",
        r"^(?:roll\s+call|attendance\s+and\s+apologies|members?\s+present)\s*$",
        "Roll Call",
        {"standing": "apologies"},
        re.I,
    ),
    Style(
        "declarations",
        r"^(?:(?:declarations?|disclosures?)\s+of\s+(?:(?:pecuniary|personal|members'?|councillors'?)\s+)?(?:\w+\s+)?interests?|conflicts?\s+of\s+interests?)\b",
        "Disclosure of Pecuniary Interest and the General Nature Thereof",
        {"standing": "interests"},
        re.I,
    ),
    Style(
        "next-meeting",
        r"^(?:the\s+)?(?:date|time|date\s+and\s+time|time\s+and\s+date)\s+(?:and\s+(?:place|venue)\s+)?of\s+(?:the\s+)?next\s+meeting\b",
        "Date and Time of Next Meeting",
        {"standing": "next meeting"},
        re.I,
    ),
    Style(
        "other-business",
        r"^(?:any\s+other\s+(?:competent\s+)?business|other\s+business|a\.?o\.?c?\.?b\.?)\s*$",
        "Any Other Competent Business",
        {"standing": "other business"},
        re.I,
    ),
]

PROBE = {
    "minutes": "minutes",
    "apologies": "apologies absence roll call attendance",
    "interests": "declarations disclosures interest conflict",
    "next meeting": "next meeting",
    "other business": "business aob aocb",
}
