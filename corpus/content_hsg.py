"""Per-meeting data: Housing and Communities Scrutiny Committee, three packs
(meetings of 11 July 2024, 23 January 2025 and 26 June 2025)."""

from __future__ import annotations

from content import CIVIC, CONTACT_HSG, HSG, HSG_MEMBERS, HSG_MEMBERSHIP

OFFICERS = [("Housing and Communities", ["F Okonjo", "B Harcourt"]),
            ("Law and Governance", ["D Ashworth"])]
AUTHOR_OKONJO = ["Author: Fiona Okonjo", "Director of Housing and Communities",
                 "E-mail: fiona.okonjo@hartwell.example.gov.uk", "Tel: 01632 960 510"]
AUTHOR_HARCOURT = ["Author: Ben Harcourt", "Head of Housing Options",
                   "E-mail: ben.harcourt@hartwell.example.gov.uk", "Tel: 01632 960 527"]
STD = [{"num": "1", "title": "Apologies"}, {"num": "2", "title": "Declarations of Interest"},
       {"num": "3", "title": "Minutes", "doc": "minutes",
        "sub": ["To agree the minutes of the meeting held on {prev}", "Matters Arising"]}]
AOB = {"num": "6", "title": "Any Other Business"}
DECL = {"title": "Declarations of Interest", "paras": ["There were no declarations of interest."]}


def pack(stem, date, issued, items, minutes, docs, entities, notes=()):
    return {"stem": stem, "committee": HSG, "date": date, "time": "14:00", "place": CIVIC,
            "issued": issued, "membership": HSG_MEMBERSHIP, "contact": CONTACT_HSG,
            "agenda": STD + items + [AOB], "minutes": minutes, "docs": docs,
            "entities": [(HSG, "COMMITTEE", HSG)] + entities, "notes": list(notes)}


def wp(updated, year, rows):
    return {"kind": "work_programme", "item": "5", "title": f"{HSG} Work Programme {year}",
            "updated": updated, "rows": rows}


TA_ROWS = [["Measure", "2021/22", "2022/23", "2023/24"],
           ["HC1 - Households in temporary accommodation (31 March)", "312", "365", "402"],
           ["HC2 - Homelessness prevented within 56 days (%)", "58", "55", "61"],
           ["HC3 - Families in bed and breakfast over six weeks", "4", "9", "2"]]

HSG_1 = pack(
    "hcc_hsg_2024-07-11", "2024-07-11", "2024-07-03",
    [{"num": "4", "title": "Temporary Accommodation Pressures", "doc": 0,
      "officer": "Briefing Note of the Head of Housing Options"},
     {"num": "5", "title": "Work Programme 2024-25", "doc": 1,
      "officer": "Report of the Scrutiny Co-ordinator"}],
    {"date": "2024-06-13", "time": "14:00", "end": "15:40",
     "present": HSG_MEMBERS[:5], "coopted": [], "officers": OFFICERS,
     "apologies": ["Councillor N Varga", "Councillor L Devereux"],
     "items": [
         {"num": "1", **DECL},
         {"num": "2", "title": "Minutes",
          "paras": ["The minutes of the meeting held on 14 March 2024 were agreed as a true record."]},
         {"num": "3", "title": "Housing Allocations Policy Review",
          "paras": ["The Committee considered a report of the Director of Housing and Communities on the draft Housing Allocations Policy and the results of consultation with tenants."],
          "decision": {"style": "text", "text": "Proposed by Councillor H Blackwood, seconded by Councillor O Adeyemi and resolved that the Committee supports the draft Housing Allocations Policy and asks that its comments on the banding of care leavers be reported to Cabinet."}},
         {"num": "4", "title": "Empty Homes Programme",
          "paras": ["Members asked about the number of long-term empty homes brought back into use."],
          "decision": {"style": "text", "text": "Proposed by Councillor G Pillai, seconded by Councillor W Stannard and resolved that the Empty Homes Programme update be noted and that a target for 2025/26 be included in the next report."}},
         {"num": "5", "title": "Work Programme 2024-25",
          "paras": ["The Committee noted its Work Programme."]},
     ]},
    [{"kind": "briefing_note", "item": "4", "to": HSG, "date": "2024-07-11",
      "subject": "Temporary Accommodation Pressures",
      "blocks": [
          ("h", "1 Purpose of the Note"),
          ("p", "1.1", "To brief the Committee on the rise in households placed in temporary accommodation and the council's response."),
          ("h", "2 Background"),
          ("p", "2.1", "The council has a duty to secure accommodation for homeless households in priority need. Demand has risen each year since 2021/22, as the table shows."),
          ("t", "Temporary accommodation measures 2021/22 to 2023/24", TA_ROWS, [230, 60, 60, 60], 1),
          ("p", "2.2", "The net cost of temporary accommodation in 2023/24 was £1.2m above budget, mainly because of nightly-paid placements."),
          ("h", "3 Actions"),
          ("b", "Leasing 40 more homes from private landlords in 2024/25;"),
          ("b", "Opening a family hostel at Cooper's Yard in autumn 2024;"),
          ("b", "Joint work with the Early Help Hub for families at risk of eviction."),
      ],
      "author": AUTHOR_HARCOURT},
     wp("2024-07-01", "2024-25", [
         ["13 Jun 2024", "Housing Allocations Policy Review", "Draft policy after consultation.", "Fiona Okonjo"],
         ["11 Jul 2024", "Temporary Accommodation Pressures", "Demand, cost and actions.", "Ben Harcourt"],
         ["23 Jan 2025", "Tenant Voice Panel", "Report of the first year of the Panel.", "Fiona Okonjo"],
         ["26 Jun 2025", "Housing Revenue Account Capital Programme", "Progress on the capital programme.", "Fiona Okonjo"]])],
    [("Early Help Hub", "TEAM", "Early Help Hub"), ("£1.2m", "MONEY", "£1.2m"),
     ("Councillor H Blackwood", "PERSON", "H Blackwood"), ("Cooper's Yard", "PLACE", "Cooper's Yard")],
    ["Both resolutions in the minutes use the 'Proposed by Councillor X, seconded by Councillor Y and resolved that ...' style; they have no numbered clauses.",
     "Minute 5 only records that the Committee 'noted' its Work Programme; it is not a resolution."])
