"""Entity tagging: each label and each canonicalisation rule on made-up council prose, then the gold samples."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from minutebook.model import Document, Entity, Section, Table
from minutebook.nlp import build_nlp, canonicalize, tag_documents
from minutebook.extract import extract_file

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
STEMS = sorted(p.stem for p in (SHARED / "gold").glob("*.json")) if (SHARED / "gold").is_dir() else []


@pytest.fixture(scope="module")
def nlp():
    return build_nlp()


def tag(nlp, *paragraphs: str, tables: list[Table] | None = None) -> list[Entity]:
    sections = [Section(id=f"d1.s{n}", number=None, heading=None, level=1, text=p, page=None)
                for n, p in enumerate(paragraphs, 1)]
    doc = Document(id="d1", kind="report", title=None, agenda_item=None, date=None,
                   page_start=None, page_end=None, sections=sections, tables=tables or [])
    return tag_documents([doc], nlp)


def found(ents, label):
    return {(e.text, e.canonical) for e in ents if e.label == label}


def test_team_shapes_and_lists(nlp):
    ents = tag(nlp, "Referrals from the Riverside Family Support Team rose, and the Youth Offending Service "
                    "and the Fostering Panel met twice. The Kestrel team covers the north of the borough.")
    teams = found(ents, "TEAM")
    assert ("Riverside Family Support Team", "Riverside Family Support Team") in teams
    assert ("Youth Offending Service", "Youth Offending Service") in teams
    assert ("Kestrel team", "Kestrel Team") in teams
    # A panel decides, as a board does; it is no team of staff.
    assert ("Fostering Panel", "Fostering Panel") in found(ents, "COMMITTEE")


def test_shape_stops_at_heading_words(nlp):
    ents = tag(nlp, "An Update on Northfield Outreach Service performance")
    assert found(ents, "TEAM") == {("Northfield Outreach Service", "Northfield Outreach Service")}


def test_committee_with_number_and_cabinet(nlp):
    ents = tag(nlp, "The Health and Social Care Scrutiny Board (4) asked Cabinet to reconsider. "
                    "The Cabinet Member for Housing attended the Corporate Parenting Board.")
    committees = [e.text for e in ents if e.label == "COMMITTEE"]
    assert "Health and Social Care Scrutiny Board (4)" in committees
    assert committees.count("Cabinet") == 1
    assert "Corporate Parenting Board" in committees


def test_org_gazetteer_and_shapes(nlp):
    ents = tag(nlp, "Ofsted and the DfE visited; the LGA and Cafcass were consulted, as was the "
                    "Riverside Carers Association and Barsetshire County Council.")
    orgs = found(ents, "ORG")
    assert ("DfE", "Department for Education") in orgs
    assert ("LGA", "Local Government Association") in orgs
    assert ("Cafcass", "CAFCASS") in orgs
    assert ("Ofsted", "Ofsted") in orgs
    assert ("Riverside Carers Association", "Riverside Carers Association") in orgs
    assert ("Barsetshire County Council", "Barsetshire County Council") in orgs


def test_legislation(nlp):
    ents = tag(nlp, "Support is given under section 17 of the Children Act1989 and the Care Leavers (England) "
                    "Regulations 2010; papers are exempt under Schedule 12A of the Local Government Act 1972. "
                    "Section 3 of this report sets out the budget.")
    leg = found(ents, "LEGISLATION")
    assert ("section 17", "Section 17") in leg
    assert ("Children Act1989", "Children Act 1989") in leg
    assert ("Care Leavers (England) Regulations 2010", "Care Leavers (England) Regulations 2010") in leg
    assert ("Schedule 12A", "Schedule 12A") in leg
    assert ("Local Government Act 1972", "Local Government Act 1972") in leg
    assert not any(t.startswith("Section 3") for t, _ in leg)


def test_indicators_and_table_values(nlp):
    table = Table(page=None, header=["Measure", "2023", "2024"],
                  rows=[["NI 117 - young people not in education", "5.1%", "4.8%"],
                        ["B7 - days from referral to assessment", "31 days", "28 days"]], id="d1.t1")
    ents = tag(nlp, "Progress 8 fell while Attainment 8 rose; the good level of development (GLD) measure "
                    "and persistent absence improved. Pupils at Key Stage 2 reaching the expected standard "
                    "rose. Delays in the B7 and B8 indicators remain. The M6 was closed.", tables=[table])
    ind = {e.text: e for e in ents if e.label == "INDICATOR"}
    assert {"Progress 8", "Attainment 8", "good level of development", "GLD", "persistent absence", "B7", "B8"} <= set(ind)
    assert ind["GLD"].canonical == "Good Level of Development"
    assert any(t.startswith("Key Stage 2") and t.endswith("expected standard") for t in ind)
    assert "M6" not in ind
    rows = [e for e in ents if e.label == "INDICATOR" and e.section.startswith("d1.t1")]
    assert {e.text: e.values for e in rows} == {
        "NI 117": {"2023": "5.1%", "2024": "4.8%"},
        "B7": {"2023": "31 days", "2024": "28 days"},
    }
    assert rows[0].section == "d1.t1:r0" and rows[0].start == 0


def test_people_titles_lists_and_roles(nlp):
    ents = tag(nlp,
               "Present: Councillors R Ambler, T Okafor (Chair) and H Price",
               "Officers: D Lowe, A Brannigan, M Iqbal",
               "Cllr Okafor thanked Councillor Tunde Okafor's team. Level A Grade results improved.",
               "Author: Priya Raman, Head of Early Years Commissioning")
    people = {e.text: e for e in ents if e.label == "PERSON"}
    assert {"R Ambler", "T Okafor", "H Price", "D Lowe", "A Brannigan", "M Iqbal", "Cllr Okafor",
            "Councillor Tunde Okafor", "Priya Raman"} <= set(people)
    assert people["T Okafor"].values == {"role": "Chair"}
    assert people["Priya Raman"].values["role"].startswith("Head of Early Years")
    # Title stripped; all three Okafor forms are one person.
    assert {people[t].canonical for t in ("T Okafor", "Cllr Okafor", "Councillor Tunde Okafor")} == {"Tunde Okafor"}
    assert not any(t.startswith(("A Grade", "Level")) for t in people)


def test_place_money_date(nlp):
    ents = tag(nlp, "A centre opens at Ashby Country Park near Stockport in 2026, costing £1.2m of a £450,000 "
                    "grant agreed on Tuesday, 3rd March 2026 and reviewed in June 2026.")
    assert ("Ashby Country Park", "Ashby Country Park") in found(ents, "PLACE")
    assert ("Stockport", "Stockport") in found(ents, "PLACE")
    assert {t for t, _ in found(ents, "MONEY")} == {"£1.2m", "£450,000"}
    dates = found(ents, "DATE")
    assert ("Tuesday, 3rd March 2026", "2026-03-03") in dates
    assert ("June 2026", "June 2026") in dates


def test_venue_after_place_label(nlp):
    ents = tag(nlp, "Place", "Committee Room 2 - Civic Centre, Barchester")
    assert ("Committee Room 2 - Civic Centre", "Committee Room 2 - Civic Centre") in found(ents, "PLACE")


def test_defined_acronym_joins_long_form(nlp):
    ents = tag(nlp, "The Rapid Response Service (RRS) was expanded.", "RRS staff now work weekends.")
    rrs = [e for e in ents if e.text == "RRS"]
    assert len(rrs) == 2 and all(e.label == "TEAM" and e.canonical == "Rapid Response Service" for e in rrs)


def test_undefined_acronym_spelling_a_name(nlp):
    ents = tag(nlp, "The Barchester Safeguarding Children Partnership met.", "The BSCP report is due.")
    assert [(e.label, e.canonical) for e in ents if e.text == "BSCP"] == [("ORG", "Barchester Safeguarding Children Partnership")]


def ent(text, label, canonical=None):
    return Entity(text=text, label=label, canonical=canonical or text, document="d1", section="d1.s1", start=0, end=len(text))


def test_canonical_variants_share_a_name():
    ents = [ent("Kestrel team", "TEAM", "Kestrel Team"), ent("Kestrel Team", "TEAM"),
            ent("Adults and Housing Scrutiny Board (3)", "COMMITTEE"),
            ent("Adults and Housing Scrutiny Board", "COMMITTEE"),
            ent("Adults Housing Scrutiny Board (3)", "COMMITTEE"),
            ent("Adults and Housing Scrutiny Board (1)", "COMMITTEE"),
            ent("Fostering Recruitment Board", "COMMITTEE"), ent("Recruitment Board", "COMMITTEE"),
            ent("Children’s Rights Service", "TEAM"), ent("Children's Rights Service", "TEAM"),
            ent("Council", "ORG"), ent("Barchester City Council", "ORG")]
    canonicalize(ents)
    names = [e.canonical for e in ents]
    assert names[:2] == ["Kestrel Team"] * 2
    assert names[2] == names[4] == "Adults and Housing Scrutiny Board (3)"
    assert names[5] == "Adults and Housing Scrutiny Board (1)"
    # Without its number the board could be (1) or (3), so it keeps its own name.
    assert names[3] == "Adults and Housing Scrutiny Board"
    assert names[6:8] == ["Fostering Recruitment Board"] * 2
    assert names[8] == names[9] == "Children’s Rights Service"
    assert names[10] == "Barchester City Council"
    alone = [ent("Adults and Housing Scrutiny Board", "COMMITTEE"), ent("Adults and Housing Scrutiny Board (3)", "COMMITTEE")]
    canonicalize(alone)
    assert {e.canonical for e in alone} == {"Adults and Housing Scrutiny Board (3)"}


def test_canonical_people_only_when_unambiguous():
    ents = [ent("Cllr Okafor", "PERSON", "Okafor"), ent("Councillor T Okafor", "PERSON", "T Okafor"),
            ent("Tunde Okafor", "PERSON"), ent("J Price", "PERSON"), ent("Jan Price", "PERSON"),
            ent("Jo Price", "PERSON"), ent("Price", "PERSON")]
    canonicalize(ents)
    assert {e.canonical for e in ents[:3]} == {"Tunde Okafor"}
    # "J Price" could be Jan or Jo: it keeps its own name, and so does bare "Price".
    assert [e.canonical for e in ents[3:]] == ["J Price", "Jan Price", "Jo Price", "Price"]


def test_terms_file_extends_vocabulary(tmp_path):
    terms = tmp_path / "terms.yml"
    terms.write_text("- label: TEAM\n  name: Bright Futures\n  aliases: [BF hub, the Futures crew]\n"
                     "- label: INDICATOR\n  name: Care Leaver Accommodation\n  aliases: [CLA-4]\n")
    nlp = build_nlp(terms=terms)
    ents = tag(nlp, "Bright Futures and the BF hub support care leavers; CLA-4 has improved.")
    assert {(e.text, e.canonical) for e in ents if e.label == "TEAM"} == {("Bright Futures", "Bright Futures"), ("BF hub", "Bright Futures")}
    assert ("CLA-4", "Care Leaver Accommodation") in found(ents, "INDICATOR")


def test_terms_file_rejects_unknown_label(tmp_path):
    terms = tmp_path / "terms.yml"
    terms.write_text("- label: WIDGET\n  name: Thing\n")
    with pytest.raises(ValueError, match="unknown label"):
        build_nlp(terms=terms)


def test_missing_model_is_a_clear_error():
    with pytest.raises(OSError, match="not installed"):
        build_nlp(model="en_core_web_nonexistent")


def _matches(entity: Entity, item: dict) -> bool:
    """Gold texts print a councillor with or without the title, and one lower-case "team" stays lower-case."""
    title = r"^(?:Councillor|Cllr)\s+"
    same_text = entity.text == item["text"] or re.sub(title, "", entity.text) == item["text"]
    return same_text and entity.label == item["label"] and entity.canonical.casefold() == item["canonical"].casefold()


@pytest.mark.skipif(not STEMS, reason="development corpus ../shared/corpus is not beside this checkout")
@pytest.mark.parametrize("form", ["pdf/{}.pdf", "seeds/{}.txt"])
@pytest.mark.parametrize("stem", STEMS or ["none"])
def test_gold_entities_sample_found(nlp, stem, form):
    gold = json.loads((SHARED / "gold" / f"{stem}.json").read_text(encoding="utf-8"))
    ex = extract_file(str(SHARED / form.format(stem)))
    ents = tag_documents(ex.documents, nlp)
    missing = [item for item in gold["entities_sample"] if not any(_matches(e, item) for e in ents)]
    assert not missing


def test_indicator_heading_a_table_takes_the_first_data_row(nlp):
    table = Table(page=None, header=["Persistent absence", "2023", "2024"], header_rows=1, id="d1.t1",
                  rows=[["Persistent absence", "2023", "2024"], ["Borsetshire", "21.0%", "19.4%"], ["England", "22.3%", "20.0%"]])
    ents = tag(nlp, "Attendance improved.", tables=[table])
    (head,) = [e for e in ents if e.section == "d1.t1:r0" and e.label == "INDICATOR"]
    assert head.values == {"row": "Borsetshire", "2023": "21.0%", "2024": "19.4%"}
