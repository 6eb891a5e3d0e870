"""Per-meeting data: Housing and Communities Scrutiny Committee packs 2 and 3
(meetings of 23 January 2025 and 26 June 2025)."""

from __future__ import annotations

from content import HSG, HSG_MEMBERS
from content_hsg import AUTHOR_HARCOURT, AUTHOR_OKONJO, DECL, OFFICERS, pack, wp

TVP_COLS = [
    ("What the Panel is", True),
    ("The Tenant Voice Panel is a group of 14 council tenants and leaseholders from across Hartwell. It meets every two months at the Civic Centre and online, and reports to the Committee once a year.", False),
    ("What the Panel looked at in 2024", True),
    ("The Panel reviewed how repairs are reported, the letters sent to tenants in rent arrears and the new damp and mould procedure. Members of the Panel visited 30 homes with surveyors from the Property Services Team.", False),
    ("What changed", True),
    ("Repair appointments are now offered in two-hour slots. Arrears letters were rewritten in plain English with the Panel, and the number of tenants contacting the Income Team within a week of a first letter rose from 31% to 47%.", False),
    ("Damp and mould", True),
    ("The Panel asked that every report of damp is inspected within ten working days. The council now meets this standard for 92% of reports, and the Panel will check progress again in the summer.", False),
    ("Next year", True),
    ("The Panel will look at anti-social behaviour, the allocation of adapted homes and the way complaints are answered. New members are welcome, especially younger tenants and tenants from Saltmarsh and Brindle Cross.", False),
]

HSG_2 = pack(
    "hcc_hsg_2025-01-23", "2025-01-23", "2025-01-15",
    [{"num": "4", "title": "Tenant Voice Panel: First Year", "doc": 0,
      "officer": "Briefing Note of the Director of Housing and Communities"},
     {"num": "5", "title": "Work Programme 2024-25", "doc": 1,
      "officer": "Report of the Scrutiny Co-ordinator"}],
    {"date": "2024-07-11", "time": "14:00", "end": "16:05",
     "present": HSG_MEMBERS, "coopted": [], "officers": OFFICERS,
     "apologies": ["Councillor L Devereux"],
     "items": [
         {"num": "6", **DECL},
         {"num": "7", "title": "Minutes",
          "paras": ["The minutes of the meeting held on 13 June 2024 were agreed as a true record."]},
         {"num": "8", "title": "Temporary Accommodation Pressures",
          "paras": ["The Committee considered a Briefing Note of the Head of Housing Options. Members were concerned at the £1.2m overspend and asked about the use of bed and breakfast for families."],
          "decision": {"style": "text", "text": "Decision: The Committee agreed to note the briefing note and to recommend to Cabinet that the family hostel at Cooper's Yard be opened as soon as possible."}},
         {"num": "9", "title": "Work Programme 2024-25",
          "decision": {"style": "text", "text": "Decision: The Committee agreed the Work Programme, subject to adding a report on the Tenant Voice Panel in January 2025."}},
     ]},
    [{"kind": "briefing_note", "item": "4", "to": HSG, "date": "2025-01-23",
      "subject": "Tenant Voice Panel: First Year",
      "blocks": [
          ("h", "1 Purpose of the Note"),
          ("p", "1.1", "To report on the first year of the Tenant Voice Panel and to share the Panel's own summary of its work, which is attached as a two-column newsletter page."),
          ("h", "2 Recommendation"),
          ("p", "2.1", "The Committee is recommended to note the work of the Panel and to agree to receive its report each January."),
          ("h", "3 Background"),
          ("p", "3.1", "The Panel was set up in January 2024 following the Committee's review of tenant engagement. It is supported by the Tenancy Engagement Team."),
          ("page",),
          ("sub", "Tenant Voice Panel - Our First Year"),
          ("cols", TVP_COLS),
      ],
      "author": AUTHOR_OKONJO},
     wp("2025-01-10", "2024-25", [
         ["11 Jul 2024", "Temporary Accommodation Pressures", "Demand, cost and actions.", "Ben Harcourt"],
         ["23 Jan 2025", "Tenant Voice Panel: First Year", "Report of the first year of the Panel.", "Fiona Okonjo"],
         ["26 Jun 2025", "Housing Revenue Account Capital Programme", "Progress on the capital programme.", "Fiona Okonjo"],
         ["26 Jun 2025", "Care Leavers' Housing", "Housing options for care leavers, with the Children and Young People Scrutiny Board (1).", "Ben Harcourt"]])],
    [("Tenant Voice Panel", "TEAM", "Tenant Voice Panel"),
     ("Property Services Team", "TEAM", "Property Services Team"),
     ("£1.2m", "MONEY", "£1.2m"), ("Cooper's Yard", "PLACE", "Cooper's Yard")],
    ["Both resolutions use the 'Decision: The Committee agreed ...' style.",
     "The second page of the briefing note is a two-column newsletter page: column 1 is read top to bottom before column 2."])

HRA_ROWS = [["Programme", "Budget 2024/25", "Spent", "Forecast"],
            ["Kitchens and bathrooms", "£2.4m", "£2.1m", "£2.4m"],
            ["Damp and mould works", "£1.2m", "£1.3m", "£1.4m"],
            ["Fire safety", "£0.9m", "£0.6m", "£0.9m"],
            ["Energy efficiency", "£1.6m", "£0.8m", "£1.5m"]]

HSG_3 = pack(
    "hcc_hsg_2025-06-26", "2025-06-26", "2025-06-18",
    [{"num": "4", "title": "Housing Revenue Account Capital Programme", "doc": 0,
      "officer": "Report of the Director of Housing and Communities"},
     {"num": "5", "title": "Work Programme 2025-26", "doc": 1,
      "officer": "Report of the Scrutiny Co-ordinator"}],
    {"date": "2025-01-23", "time": "14:00", "end": "15:30",
     "present": HSG_MEMBERS[:4] + ["Councillor P Mensah (by invitation)"],
     "coopted": [], "officers": OFFICERS,
     "apologies": ["Councillor W Stannard", "Councillor N Varga"],
     "items": [
         {"num": "10", **DECL},
         {"num": "11", "title": "Minutes",
          "paras": ["The minutes of the meeting held on 11 July 2024 were agreed as a true record."]},
         {"num": "12", "title": "Tenant Voice Panel: First Year",
          "paras": ["Two members of the Tenant Voice Panel attended and presented the Panel's summary of its work. Councillor Priya Mensah, attending by invitation, asked how younger tenants and care leavers would be recruited to the Panel."],
          "decision": {"style": "numbered", "lead": "RESOLVED that the Committee:",
                       "clauses": ["Notes the work of the Tenant Voice Panel.",
                                   "Agrees to receive the Panel's report each January.",
                                   "Asks the Director of Housing and Communities to work with the LGA on good practice in involving younger tenants."]}},
         {"num": "13", "title": "Work Programme 2024-25",
          "paras": ["The Committee noted the Work Programme."]},
     ]},
    [{"kind": "report", "item": "4", "to": HSG, "date": "2025-06-26",
      "label": "Report of the Director of Housing and Communities",
      "subject": "Housing Revenue Account Capital Programme",
      "blocks": [
          ("h", "1 Purpose of the Report"),
          ("p", "1.1", "To report spending on the Housing Revenue Account capital programme in 2024/25 and the programme for 2025/26."),
          ("h", "2 Spending in 2024/25"),
          ("p", "2.1", "The programme spent £4.8m of its £6.1m budget. Damp and mould works overspent because the number of inspections rose after the Tenant Voice Panel's review."),
          ("t", "HRA capital programme 2024/25", HRA_ROWS, [200, 80, 70, 70], 1),
          ("h", "3 Recommendations"),
          ("p", "3.1", "The Committee is recommended to note the report and to comment on the priorities for 2025/26."),
      ],
      "author": AUTHOR_OKONJO},
     wp("2025-06-16", "2025-26", [
         ["26 Jun 2025", "Housing Revenue Account Capital Programme", "Spending in 2024/25 and the 2025/26 programme.", "Fiona Okonjo"],
         ["11 Sep 2025", "Temporary Accommodation Update", "Progress since the July 2024 briefing.", "Ben Harcourt"],
         ["15 Jan 2026", "Care Leavers' Housing", "Joint session with the Children and Young People Scrutiny Board (1).", "Ben Harcourt"],
         ["22 Jan 2026", "Tenant Voice Panel: Second Year", "Annual report of the Panel.", "Fiona Okonjo"]])],
    [("Councillor P Mensah", "PERSON", "Priya Mensah"),
     ("Councillor Priya Mensah", "PERSON", "Priya Mensah"),
     ("LGA", "ORG", "Local Government Association"),
     ("Tenant Voice Panel", "TEAM", "Tenant Voice Panel"),
     ("£1.2m", "MONEY", "£1.2m")],
    ["Minute 13 only records that the Committee 'noted' the Work Programme; it is not a resolution."])
