"""Entity precision: what must never be tagged, each rule on made-up papers in two house styles.

Style A is an English council's minutes and reports (vote lists of "Mr X",
"Apologies" blocks, services and boards); style B a North American or Irish
council's (roll calls, "Regrets", police departments, city-and-county
councils). The examples are invented, not copied from any council's papers.
"""

from __future__ import annotations

import pytest

from minutebook.model import Document, Section, Table
from minutebook.nlp import build_nlp, tag_documents


@pytest.fixture(scope="module")
def nlp():
    return build_nlp()


def tag(nlp, *texts: str, headings: tuple[str, ...] = (), tables: list[Table] | None = None):
    sections = [Section(id=f"p.s{n}", number=None, heading=(headings[n - 1] if n <= len(headings) else None),
                        level=1, text=t, page=1) for n, t in enumerate(texts, 1)]
    doc = Document(id="p", kind="minutes", title=None, agenda_item=None, date=None, page_start=1, page_end=1,
                   sections=sections, tables=tables or [])
    return tag_documents([doc], nlp)


def texts(ents, label: str) -> list[str]:
    return [e.text for e in ents if e.label == label]


@pytest.mark.parametrize("text, people", [
    # Style A: a recorded vote, names followed by the next column's heading.
    ("For (3) Mrs Ashworth, Mr Penhallow, Dr Quayle Against (2) Mr Tregear, Ms Ollerton Abstain (0) Motion carried.",
     ["Mrs Ashworth", "Mr Penhallow", "Dr Quayle", "Mr Tregear", "Ms Ollerton"]),
    ("Against (1) Mr Fenwick Amendment lost.", ["Mr Fenwick"]),
    # Style B: a roll call with the vote after each name.
    ("Roll call: Councilor Brannigan Yea, Councilor Okafor Nay. Carried.", ["Councilor Brannigan", "Councilor Okafor"]),
])
def test_vote_words_are_no_part_of_a_name(nlp, text, people):
    assert texts(tag(nlp, text), "PERSON") == people


@pytest.mark.parametrize("text, people", [
    ("Apologies\nNil\nJane Pettigrew, Head of Legal Services", ["Jane Pettigrew"]),
    ("Apologies: Nil Harriet Moxon, Clerk to the Council", ["Harriet Moxon"]),
    ("Present: Reeve Tom Lachance\nRegrets: None\nStaff: Clerk Mary-Ellen Fournier", ["Tom Lachance", "Mary-Ellen Fournier"]),
])
def test_attendance_values_are_not_names(nlp, text, people):
    assert texts(tag(nlp, text), "PERSON") == people


def test_a_role_with_its_qualifiers_is_not_a_person(nlp):
    ents = tag(nlp,
               "The Next Steps Co-ordinator matches new carers with mentors. The Peer Review Manager – LGA. "
               "A Placement Sufficiency Officer was appointed.",
               "Contact: Okonkwo Adeyemi, Head of Housing Strategy. Report of Ilsa Varga – Director of Finance.",
               "Director of Policy & Corporate Assurance Janet Oyelaran-Smith, Strategy Manager",
               "July\tCabinet Member Portfolio Priorities Draft Work Programme")
    assert texts(ents, "PERSON") == ["Okonkwo Adeyemi", "Ilsa Varga", "Janet Oyelaran-Smith"]


def test_double_barrelled_and_line_broken_names(nlp):
    ents = tag(nlp, "Present: Mr Hart- Davis, Ms Lowe and Mary-Jane Okafor (Clerk).")
    people = {(e.text, e.canonical) for e in ents if e.label == "PERSON"}
    assert ("Mr Hart- Davis", "Hart-Davis") in people
    assert ("Mary-Jane Okafor", "Mary-Jane Okafor") in people
    assert not any(e.text == "Jane Okafor" for e in ents)


def test_names_split_at_line_and_cell_breaks(nlp):
    row = ["Police", "Riverside District Council", "31 March 2026"]
    table = Table(page=1, header=["Partner", "Lead", "By"], header_rows=1, id="p.t1",
                  rows=[["Partner", "Lead", "By"], row])
    ents = tag(nlp, "Safer Streets Partnership\nRiverside District Council\nRiverside District Council",
               "Ward councillors\nPatrick\nPresent: Ann Morrow", tables=[table])
    orgs = texts(ents, "ORG")
    assert orgs.count("Riverside District Council") == 3
    assert all("\n" not in o and "\t" not in o for o in orgs)
    assert not any("\n" in p for p in texts(ents, "PERSON"))
    assert "Ann Morrow" in texts(ents, "PERSON")


@pytest.mark.parametrize("text, orgs", [
    ("District and Borough Council Leaders met in May.", []),
    ("A joint letter from Kilrush City and County Council was read.", ["Kilrush City and County Council"]),
    ("The Borough Council agreed; the County Council did not.", ["Borough Council", "County Council"]),
    ("Held in the Council Chamber; the Council agreed the Council Tax Base.", ["Council"]),
    ("He wrote to the Council Planning department.", ["Council"]),
    ("Held in the City Council Chamber; the City Council voted.", ["City Council"]),
    ("Representations by the County Council Network and the Council Housing Board.", []),
    ("A seat on the Council of the Regions; the Council of Europe; the Council of course agreed.", ["Council"]),
    ("3. Travel / Environment Kilrush City and County Council Cemeteries Bye-Laws", ["Kilrush City and County Council"]),
    ("Jo Bell, Head of Northern Housing Partnership, spoke.", ["Northern Housing Partnership"]),
    ("Monitored quarterly Riverside District Council Police Casefile audit", ["Riverside District Council"]),
])
def test_council_names_need_a_name(nlp, text, orgs):
    assert texts(tag(nlp, text), "ORG") == orgs


@pytest.mark.parametrize("text, org, person", [
    ("The request of Maple Falls Police Officer Dana Whitlock for legal representation.", "Maple Falls Police", "Dana Whitlock"),
    ("Sergeant reports from Westmoor Police were noted; Mr Halloran asked about patrols.", "Westmoor Police", "Mr Halloran"),
])
def test_police_is_an_organisation(nlp, text, org, person):
    ents = tag(nlp, text)
    assert org in texts(ents, "ORG")
    assert texts(ents, "PERSON") == [person]


def test_place_words_need_place_evidence(nlp):
    table = Table(page=1, header=["Measure", "2024", "2025"], header_rows=1, id="p.t1",
                  rows=[["Measure", "2024", "2025"], ["% Reading, Writing & Maths combined", "58", "61"]])
    ents = tag(nlp, "Pupils sat Reading and Rugby sessions.", "The depot in Reading closed; Bury, Bolton and Wigan bid.",
               "Achievement in Reading and Mathematics rose; in Maths, Reading and Science too.",
               tables=[table])
    assert texts(ents, "PLACE") == ["Reading", "Bury", "Bolton", "Wigan"]


@pytest.mark.parametrize("text, label, names", [
    ("The Annual Fostering Service report is attached.", "TEAM", ["Fostering Service"]),
    ("The Quarterly Early Help Team update follows.", "TEAM", ["Early Help Team"]),
    ("Congratulations to the Kilbrack Ladies Football Team on their final.", "ORG", ["Kilbrack Ladies Football Team"]),
    ("Westshire Fire & Rescue Service inspected the depot.", "ORG", ["Westshire Fire & Rescue Service"]),
    ("Bus Service - a resident asked for an earlier bus.", "TEAM", []),
    ("A duty to establish a Key Route Network on main roads.", "ORG", []),
    ("The share of national Canadian Housing Network funding.", "ORG", []),
    ("The Northfield Carers Network met.", "ORG", ["Northfield Carers Network"]),
    ("Funded from the Family Hub Grant to run the Family Hub Service.", "TEAM", ["Family Hub Service"]),
    ("Staff moved to the Strengthening Families Service in May.", "TEAM", ["Strengthening Families Service"]),
    ("Where WDC’s Tenancy Support Team visit, and the NHS’s Discharge Team follow up.", "TEAM",
     ["Tenancy Support Team", "Discharge Team"]),
])
def test_team_spans(nlp, text, label, names):
    assert texts(tag(nlp, text), label) == names


@pytest.mark.parametrize("text, committees", [
    ("Minutes of the Joint Health Overview & Scrutiny Committee were noted.", ["Joint Health Overview & Scrutiny Committee"]),
    ("The Adoption Panel and the Fostering Panel met.", ["Adoption Panel", "Fostering Panel"]),
    ("An Overview of the Planning Committee work programme.", ["Planning Committee"]),
    ("He sat on the Selection and Member Services Committee.", ["Selection and Member Services Committee"]),
    ("Minutes of the Meeting of Housing Scrutiny Panel held on 3 May.", ["Housing Scrutiny Panel"]),
    ("Referred to the Roads and Transport Cabinet Committee.", ["Roads and Transport Cabinet Committee"]),
])
def test_committee_spans(nlp, text, committees):
    assert texts(tag(nlp, text), "COMMITTEE") == committees


@pytest.mark.parametrize("text", [
    "Councillors Updates",
    "Councillors Bulletin",
    "Item 4: Long Term Strategy for Safer Streets and Cycle Network Design",
    "Review of Rural Bus Network",
])
def test_headings_are_not_people_or_organisations(nlp, text):
    ents = tag(nlp, text, headings=(text,))
    assert [e for e in ents if e.label in ("PERSON", "ORG")] == []


@pytest.mark.parametrize("text, places", [
    ("Land North West of Hillend Farm, Mill Road.", ["Mill Road"]),
    ("Funding for a Neighbourhood Park near the Riverside Community Centre.", ["Riverside Community Centre"]),
    ("*provision of a* *Pocket Park and a Skate Park*", []),
    ("Growth in the North West and Yorkshire outpaced the South East.", ["North West", "South East"]),
    ("Traffic in Bristol West and Cardiff East Sussex fell.", ["Bristol West", "Cardiff", "East Sussex"]),
    ("Capital moved from the Strategic Estate Programme to the Northern Road Design Office.", []),
    ("Winners of the Prince Albert County Road Safety Award.", []),
    ("Under the Litter (Wales) Regulations 2026 and the Parking (Scotland) Act 2025.", []),
])
def test_place_shapes_need_a_named_place(nlp, text, places):
    assert texts(tag(nlp, text), "PLACE") == places


def test_table_header_labels_are_not_mentions(nlp):
    header = ["Date", "Item", "Cabinet Member/ Lead Officer", "Riverside District Council"]
    table = Table(page=1, header=header, header_rows=1, id="p.t1",
                  rows=[header, ["4 May", "Budget", "Cllr Ann Morrow", "Yes"]])
    ents = tag(nlp, "Work programme.", tables=[table])
    in_header = [(e.label, e.text) for e in ents if e.section == "p.t1:r0"]
    assert ("COMMITTEE", "Cabinet") not in in_header
    assert ("ORG", "Riverside District Council") in in_header
    assert [e.text for e in ents if e.section == "p.t1:r1" and e.label == "PERSON"] == ["Cllr Ann Morrow"]


@pytest.mark.parametrize("text, label, names", [
    ("See the Kent County Council Service Plan 2026.", "TEAM", []),
    ("Report of Adoption Partnership South East, the regional agency.", "ORG", ["Adoption Partnership South East"]),
])
def test_names_owned_or_extended(nlp, text, label, names):
    assert texts(tag(nlp, text), label) == names
