"""Attendance labels: the headings councils print over lists of who attended.

Each entry's ``pattern`` matches a label at the start of a line (the parser
adds the separator: a colon, a dash, or a name straight after); ``expect``
gives the ``role`` its names take (``present``, ``apologies``, ``officers``,
``others`` for people the minutes list who are neither members nor officers
(guests, the public), or ``also`` for those "also present": non-member
councillors, who are not listed, and staff printed with their post, who are
officers) and the lists the
parser must make of ``example`` (``extract/attendance.py``,
``tests/test_attendance.py``). ``inline`` marks a label also found run into
the text before it with no colon (``… M Dunn Clerk G Hart``), as readers
that join a label column to its names leave it. Labels are tried in order, so a longer label
comes before a label it starts with.
"""

from __future__ import annotations

from minutebook.extract.styles import Style

# A manner of attending printed after a label: "In attendance (virtually)", "Present remotely".
_HOW = r"(?:\s+(?:virtually|remotely|online|in\s+person|via\s+\w+))?(?:\s*\([^)]{0,40}\))?"

LABELS: list[Style] = [
    Style(
        "present-in-the-chair",
        r"(?:present\s+)?in\s+th\w*\s+(?:chair|ch\w*air)",
        "PRESENT IN THE CHAIR: Councillor T. Rowan, Mayor.\nMEMBERS PRESENT:\nCouncillors Ash, Birch (J) and Birch (K).",
        {"role": "present", "present": ["Councillor T. Rowan", "Councillor Ash", "Councillor Birch (J)", "Councillor Birch (K)"]},
    ),
    Style(
        "members-present",
        rf"(?:council\s+|board\s+|committee\s+|voting\s+)?members\s+(?:present|in\s+attendance){_HOW}",
        "Members Present:\nOlive Grant Convener\nPeter Hale Member",
        {"role": "present", "present": ["Olive Grant", "Peter Hale"]},
    ),
    Style(
        "councillors-present",
        rf"(?:councillors|councilors|councilmembers|commissioners|trustees)\s+(?:present|in\s+attendance){_HOW}",
        "Councillors in attendance: Dune (Chair), Cllr S Marsh and Moss",
        {"role": "present", "present": ["Councillor Dune (Chair)", "Cllr S Marsh", "Councillor Moss"]},
    ),
    Style(
        "co-opted-members",
        r"co-?\s?opted\s+members?(?:\s+present)?",
        "Co-opted Members: Mrs P Lund and Dr K Yeo",
        {"role": "present", "present": ["Mrs P Lund", "Dr K Yeo"]},
    ),
    Style(
        "representatives-present",
        r"(?:sectoral\s+|youth\s+|parish\s+)?representatives\s+present",
        "SECTORAL REPRESENTATIVES PRESENT:\nAnna Voss, Ben Cole",
        {"role": "present", "present": ["Anna Voss", "Ben Cole"]},
    ),
    Style(
        "other-members",
        r"other\s+members(?:\s+present)?|others\s+present",
        "Other Members: Councillor H Imre (Portfolio Holder for Parks)",
        {"role": "present", "present": ["Councillor H Imre (Portfolio Holder for Parks)"]},
    ),
    Style(
        "by-invitation",
        r"(?:cabinet\s+)?members?\s+(?:also\s+)?(?:present\s+)?by\s+invitation|by\s+invitation|substitutes?(?:\s+present)?",
        "Substitute: Councillor Q Oduya",
        {"role": "present", "present": ["Councillor Q Oduya"]},
    ),
    Style(
        "members",
        r"members",
        "Members: Councillor D Pike (Chair), Councillor E Rudd",
        {"role": "present", "present": ["Councillor D Pike (Chair)", "Councillor E Rudd"]},
    ),
    Style(
        "sederunt",
        r"sederunt",
        "Sederunt: Provost M Kerr; Bailie A Ross and Councillor J Muir",
        {"role": "present", "present": ["Provost M Kerr", "Bailie A Ross", "Councillor J Muir"]},
    ),
    Style(
        "present",
        rf"present{_HOW}",
        "Present: Mayor Ada Lind and Councillors Rob Kent, Sue Page and Tim Vale.",
        {"role": "present", "present": ["Mayor Ada Lind", "Councillor Rob Kent", "Councillor Sue Page", "Councillor Tim Vale"]},
    ),
    Style(
        "attendance",
        rf"attendance{_HOW}|attendees",
        "Attendance: Mayor Jo Hart, Council Members Ray Low and Kim Ode",
        {"role": "present", "present": ["Mayor Jo Hart", "Council Member Ray Low", "Council Member Kim Ode"]},
    ),
    Style(
        "roll-call",
        r"roll\s+call",
        "ROLL CALL:\nCouncilor Ames Present\nCouncilor Borg Absent\nCouncilor Cruz Present",
        {"role": "present", "present": ["Councilor Ames", "Councilor Cruz"], "apologies": ["Councilor Borg"]},
    ),
    Style(
        "roll-call-ayes",
        r"ayes|yeas",
        "ROLL CALL\nAyes: Councilmembers Park, Quon and Ruiz",
        {"role": "present", "present": ["Councilmember Park", "Councilmember Quon", "Councilmember Ruiz"]},
    ),
    Style(
        "apologies",
        r"apolog(?:y|ies)(?:\s+for\s+absence)?(?:\s+(?:were\s+)?(?:received|submitted|tendered)\s+(?:from|on\s+behalf\s+of))?",
        "Apologies for absence: Councillors N Frey and O Haas",
        {"role": "apologies", "apologies": ["Councillor N Frey", "Councillor O Haas"]},
    ),
    Style(
        "regrets",
        r"regrets",
        "Regrets: Deputy Mayor Lou Tran",
        {"role": "apologies", "apologies": ["Deputy Mayor Lou Tran"]},
    ),
    Style(
        "absent",
        r"(?:members\s+|councillors\s+|councilors\s+)?(?:absent|excused)(?:\s+with\s+(?:apologies|notice|regrets))?",
        "Absent: Councilor Wade",
        {"role": "apologies", "apologies": ["Councilor Wade"]},
    ),
    Style(
        "officers-present",
        rf"(?:council\s+)?(?:employees|officers|officials|staff)(?:\s+present|\s+in\s+attendance)?{_HOW}",
        "Officials in attendance:\nDirector of Housing (Ms. R. Quill), Senior Engineer (Mr. B. Tate)",
        {"inline": True, "role": "officers", "officers": ["Ms. R. Quill", "Mr. B. Tate"]},
    ),
    Style(
        "in-attendance",
        rf"(?:also\s+)?in\s+attendance{_HOW}|attending",
        "In attendance (virtually): Mrs G Holt (Head of Legal) and Mr F Ng (Finance Manager)",
        {"inline": True, "role": "officers", "officers": ["Mrs G Holt", "Mr F Ng"]},
    ),
    Style(
        "clerk",
        r"(?:parish\s+|town\s+|minute\s+)?clerk",
        "Present Councillors A Bell (Chair) C Dunn and E Fox Clerk G Hart",
        {"inline": True, "role": "officers", "present": ["Councillor A Bell (Chair)", "Councillor C Dunn", "Councillor E Fox"], "officers": ["G Hart"]},
    ),
    Style(
        "also-present",
        rf"also\s+present{_HOW}",
        "Also present: County Councillor J Reid, City Clerk Bo Li",
        {"inline": True, "role": "also", "officers": ["Bo Li"]},
    ),
    Style(
        "public-and-guests",
        r"(?:members\s+of\s+(?:the\s+)?)?(?:public|press)(?:\s+present)?|guests?|visitors?|observers?|delegations?",
        "Members of the Public: three residents",
        {"inline": True, "role": "others"},
    ),
]

# Headings minutes print, unnumbered, after the attendance lists: each ends the list above it, which would
# otherwise take the heading for one more name. ``expect`` holds the lists the parser must make of ``example``.
ENDS: list[Style] = [
    Style(
        "matters-arising",
        r"matters\s+arising(?:\s+from\s+(?:the\s+)?(?:previous\s+|last\s+)?minutes)?",
        "Officials in attendance: Senior Planner (Ms. R. Quill), Clerical Officer (Mr. B. Tate)\n\nMatters Arising\n"
        "The Chair welcomed the new members.",
        {"officers": ["Ms. R. Quill", "Mr. B. Tate"]},
    ),
    Style(
        "declarations-of-interest",
        r"(?:declarations?|disclosures?)\s+of\s+(?:\w+\s+){0,2}interests?",
        "Regrets:\nCouncillor Raj Mehta\nDisclosure of Pecuniary Interest\nMayor Ann Boyd – Item 7.2",
        {"apologies": ["Councillor Raj Mehta"]},
    ),
    Style(
        "any-other-business",
        r"any\s+other\s+(?:competent\s+)?business",
        "Apologies: Cllr P Ray and Cllr T Ong\nAny Other Competent Business",
        {"apologies": ["Cllr P Ray", "Cllr T Ong"]},
    ),
    Style(
        "correspondence",
        r"correspondence(?:\s+received)?",
        "In attendance: J Holt (Clerk)\nCorrespondence Received",
        {"officers": ["J Holt"]},
    ),
    Style(
        "chairs-business",
        r"(?:chair(?:man|person|woman)?|mayor|convener|reeve)[’']?s?\s+(?:remarks|report|business|announcements|welcome)",
        "Present: Councillors Dune, Moss and Reed\nChairman's Remarks",
        {"present": ["Councillor Dune", "Councillor Moss", "Councillor Reed"]},
    ),
    Style(
        "land-acknowledgement",
        r"(?:traditional\s+)?land\s+acknowledge?ment",
        "Regrets: Councillor Lee Park\nLand Acknowledgement",
        {"apologies": ["Councillor Lee Park"]},
    ),
]
