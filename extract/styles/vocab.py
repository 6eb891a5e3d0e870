"""One vocabulary for every stage: body words, personal titles, honours, weekdays."""

from __future__ import annotations

import re

WS = re.compile(r"\s+")
WEEKDAY = r"(?:mon|tue|wed|thu|fri|sat|sun)"
# A month's name or its abbreviation, as a whole word's start (no group: embed it where needed).
MONTH_NAME = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"

# Words printed before "Minutes" to say which version they are ("DRAFT Minutes of …").
MINUTES_STATUS = r"(?:agreed|approved|draft|confirmed|unconfirmed|signed)"
# Words that make a name the name of a body (committee, board, council…).
BODY_WORDS = (
    "board|committee|cabinet|council|panel|forum|commission|partnership|sub-committee|executive"
    "|authority|assembly|district|township|trust"
)
COMMITTEE_WORDS = re.compile(rf"\b(?:{BODY_WORDS})\b", re.I)

# Personal titles printed before names (the plural forms head a list of names).
TITLES = (
    r"(?:Councillors?|Councilmembers?|Councilors?|Cllrs?\.?|Aldermen|Alderman|Commissioners?|Mayor|Deputy\s+Mayor"
    r"|Council\s+Members?|Board\s+Members?|Trustees?"
    r"|Reeve|Deputy\s+Reeve|Mr|Mrs|Ms|Miss|Mx|Dr|Prof(?:essor)?|Rev(?:erend)?|Sir|Dame|Lord|Lady|Messrs|Cmhlr)\.?"
)
# Plural titles head a list of names and give each name the singular ("Councillors A and B", "Messrs. C and D").
PLURAL_TITLES = {
    "councillors": "Councillor", "councilors": "Councilor", "councilmembers": "Councilmember", "cllrs": "Cllr",
    "aldermen": "Alderman", "commissioners": "Commissioner", "messrs": "Mr", "mesdames": "Mrs", "drs": "Dr",
    "council members": "Council Member", "board members": "Board Member", "trustees": "Trustee",
}
PLURAL_TITLE = re.compile(rf"^(?P<plural>{'|'.join(PLURAL_TITLES)})\b\.?:?\s*", re.I)
# Words of job titles, departments and bodies: a list entry made only of these is a role, not a person
# ("Deputy Chief Executive", "Land Planning"), and they are stripped from before an officer's name.
ROLE_WORDS = {
    "acting", "administrative", "administrator", "adviser", "advisor", "aide", "analyst", "appointee", "appointees",
    "assistant", "associate", "delegate", "nominee", "representative", "representatives",
    "accountant", "attorney", "auditor", "cemc", "chair", "chairman", "chairperson", "chairwoman", "chief", "clerk",
    "clerical", "communications", "community", "constable", "convener", "convenor", "coordinator", "co-ordinator",
    "corporate", "counsel", "councillor", "councilor", "customer", "democratic", "department", "deputy",
    "development", "director", "economic", "education", "engineer", "engineering", "environment", "executive",
    "finance", "financial", "fire", "governance", "head", "health", "housing", "human", "inspector", "intern",
    "interim", "legal", "lead", "manager", "mayor", "member", "members", "minute", "mleo", "municipal", "office",
    "officer", "officers", "official", "officials", "operations", "planner", "planning", "police", "policy",
    "principal", "resources", "residents", "association", "society", "club", "secretary", "senior", "service", "services", "solicitor", "staff", "superintendent",
    "support", "technology", "technician", "treasurer", "vice", "vice-chair", "warden", "works",
}
# Honours and post-nominals: never a name of their own.
HONOURS = {"obe", "mbe", "cbe", "kbe", "dbe", "bem", "dl", "jp", "kc", "qc", "mp", "msp", "ms", "esq", "phd", "cpa", "cmo"}
PARTICLES = {"de", "van", "von", "da", "der", "den", "le", "la", "du", "bin", "al", "di", "del", "mac", "o"}


def collapse(text: str) -> str:
    return WS.sub(" ", text).strip()
