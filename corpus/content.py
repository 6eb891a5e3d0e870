"""Shared facts of the fictional Hartwell City Council and date/time helpers.

Everything here is invented. Per-meeting data lives in content_cyp.py and
content_hsg.py; both the PDFs and tests/expected are generated from it.
"""

from __future__ import annotations

import datetime as _dt

COUNCIL = "Hartwell City Council"
CYP = "Children and Young People Scrutiny Board (1)"
HSG = "Housing and Communities Scrutiny Committee"
GUILDHALL = "Committee Room 3 - Guildhall, Hartwell"
CIVIC = "Lantern Room - Civic Centre, Market Street, Hartwell"

CYP_MEMBERS = [
    "Councillor A Okafor (Chair)",
    "Councillor S Baptiste",
    "Councillor D Harrow",
    "Councillor R Lindqvist",
    "Councillor P Mensah",
    "Councillor T Whitcombe",
]
CYP_COOPTED = ["Mrs E Dunmore", "Mr K Achterberg"]
CYP_MEMBERSHIP = ("Membership: Councillors A Okafor (Chair), S Baptiste, J Corrigan, "
                  "D Harrow, R Lindqvist, P Mensah, T Whitcombe")
HSG_MEMBERS = [
    "Councillor H Blackwood (Chair)",
    "Councillor O Adeyemi",
    "Councillor Y Castellano",
    "Councillor G Pillai",
    "Councillor W Stannard",
    "Councillor N Varga",
]
HSG_MEMBERSHIP = ("Membership: Councillors H Blackwood (Chair), O Adeyemi, Y Castellano, "
                  "L Devereux, G Pillai, W Stannard, N Varga")

CONTACT_CYP = ["Carys Pennock, Governance Services Officer",
               "Tel: 01632 960 418", "E-mail: carys.pennock@hartwell.example.gov.uk"]
CONTACT_HSG = ["Dominic Ashworth, Governance Services Officer",
               "Tel: 01632 960 422", "E-mail: dominic.ashworth@hartwell.example.gov.uk"]


def d(iso: str) -> _dt.date:
    return _dt.date.fromisoformat(iso)


def ordinal(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th') }"


def long_date(iso: str) -> str:
    """'Thursday, 16th October, 2025' (agenda front sheet)."""
    x = d(iso)
    return f"{x:%A}, {ordinal(x.day)} {x:%B}, {x.year}"


def minutes_date(iso: str) -> str:
    """'Thursday, 11 September 2025' (minutes heading)."""
    x = d(iso)
    return f"{x:%A}, {x.day} {x:%B %Y}"


def plain_date(iso: str) -> str:
    """'11 September 2025'."""
    x = d(iso)
    return f"{x.day} {x:%B %Y}"


def short_date(iso: str) -> str:
    """'16 Oct 2025' (work programme)."""
    x = d(iso)
    return f"{x.day} {x:%b %Y}"


def slash_date(iso: str) -> str:
    """'16/10/2025' (briefing note date line)."""
    return f"{d(iso):%d/%m/%Y}"


def time12(hhmm: str) -> str:
    """'10:00' -> '10.00 am', '12:20' -> '12.20 pm'."""
    h, m = map(int, hhmm.split(":"))
    suffix = "am" if h < 12 else "pm"
    h12 = h if 1 <= h <= 12 else (h - 12 if h > 12 else 12)
    return f"{h12}.{m:02d} {suffix}"


def officers_line(areas: list[tuple[str, list[str]]]) -> list[str]:
    return [f"{area}: {', '.join(names)}" for area, names in areas]
