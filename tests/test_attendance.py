"""Attendance: every label style in the registry, tables, roll calls and minuted apologies, on text written here."""

from __future__ import annotations

import pytest

from minutebook.extract.attendance import _split_top, meeting_attendance, minute_attendance, minuted_apologies, parse_attendance
from minutebook.extract.minutes import minute_headings
from minutebook.extract.styles.attendance import ENDS, LABELS
from minutebook.extract.text import blocks_from_text
from minutebook.model import Attendance, Block, Meeting, Table


def lines(text: str) -> list[Block]:
    return [Block(kind="text", text=t) for t in text.split("\n")]


def table(*rows: list[str]) -> Block:
    return Block(kind="table", text="", table=Table(page=1, header=[], rows=[list(r) for r in rows]))


def as_dict(att: Attendance) -> dict:
    return {"present": att.present, "apologies": att.apologies, "officers": att.officers}


@pytest.mark.parametrize("style", LABELS, ids=[s.name for s in LABELS])
def test_every_label_style(style):
    got = as_dict(parse_attendance(lines(style.example)))
    assert got == {k: style.expect.get(k, []) for k in ("present", "apologies", "officers")}


@pytest.mark.parametrize("style", ENDS, ids=[s.name for s in ENDS])
def test_a_heading_after_the_lists_ends_them(style):
    got = as_dict(parse_attendance(lines(style.example)))
    assert got == {k: style.expect.get(k, []) for k in ("present", "apologies", "officers")}


def test_a_role_in_the_first_cell_with_the_person_after_it_is_not_a_name():
    att = parse_attendance([Block(kind="text", text="Members Present:"),
                            table(["Eastern Appointee", "Ann Lowe (Chair)"], ["Municipal Representative", "Raj Patel"],
                                  ["Cllr Joe Hart", "Ward Councillor"]),
                            Block(kind="text", text="Regrets:"), table(["Provincial Appointee", "Tim Shaw"])])
    assert (att.present, att.apologies) == (["Ann Lowe (Chair)", "Raj Patel", "Cllr Joe Hart"], ["Tim Shaw"])
    att = parse_attendance([Block(kind="text", text="Staff:"),
                            table(["Director, Corporate Services", "Ian Moss"], ["Clerk-Treasurer", "Bea Lund"]),
                            Block(kind="text", text="Present:"), table(["Cllr A Bell, Cllr C Dunn", "Ward 3"])])
    assert (att.officers, att.present) == (["Ian Moss", "Bea Lund"], ["Cllr A Bell", "Cllr C Dunn"])


def test_a_label_word_whose_words_run_on_to_a_colon_is_a_longer_label_of_its_own():
    """'Public Appointees:' heads a group of the list above, not the members of the public."""
    att = parse_attendance([Block(kind="text", text="REGRETS:"),
                            table(["Central Appointee", "Jo Gale"], ["Public Appointees:", "Tim Shaw"], ["", "Cat Still"])])
    assert (att.apologies, att.present) == (["Jo Gale", "Tim Shaw", "Cat Still"], [])
    att = parse_attendance([Block(kind="text", text="Board Members Present:"),
                            table(["Dana Ruiz", "Chair"], ["Staff Representatives:", "Lee Park"])])
    assert (att.present, att.officers) == (["Dana Ruiz", "Lee Park"], [])


def test_chair_and_honours_kept_apart_from_names():
    att = parse_attendance(lines("PRESENT: Mr K Vane (Chairman), Mrs L Orme, OBE, Sir Hal Pike, CBE and Ms J Rudd\nUNRESTRICTED ITEMS"))
    assert att.present == ["Mr K Vane (Chairman)", "Mrs L Orme", "Sir Hal Pike", "Ms J Rudd"]
    att = parse_attendance(lines("Present: Councillor P Ray (in the Chair), Councillor T Ong MBE"))
    assert att.present == ["Councillor P Ray (in the Chair)", "Councillor T Ong"]


def test_officers_named_in_role_brackets_or_after_roles():
    att = parse_attendance(lines(
        "OFFICIALS IN ATTENDANCE:\nChief Executive (Mr. D. Roe), Deputy Chief Executive and Director, Housing (Ms. F.\n"
        "Lamb), Executive Engineers (Messrs. K. Ash and P. Yew)"
    ))
    assert att.officers == ["Mr. D. Roe", "Ms. F. Lamb", "Mr K. Ash", "Mr P. Yew"]
    att = parse_attendance(lines("Staff: Fire Chief-CEMC Ann Boyd; Planning Administrator-Deputy Clerk Raj Mehta and Treasurer Li Wu."))
    assert att.officers == ["Ann Boyd", "Raj Mehta", "Li Wu"]
    att = parse_attendance(lines("STAFF PRESENT\nOwen Park, City Attorney\nDana Ruiz, Council Aide"))
    assert att.officers == ["Owen Park", "Dana Ruiz"]
    att = parse_attendance(lines("IN ATTENDANCE: Mr A Bo (Chief Executive), Mrs C Head (Head of Legal) and Lyle (Acting Chief Accountant)"))
    assert att.officers == ["Mr A Bo", "Mrs C Head", "Lyle"]


def test_tables_of_names_and_roles():
    att = parse_attendance([
        Block(kind="text", text="Members Present:"),
        table(["Iris Bell", "Convener"], ["Tom Gray", "Member"]),
        Block(kind="text", text="Attending:"),
        table(["Cllr Ann Lowe", "Ward Councillor"]),
        Block(kind="text", text="Public:"),
        table(["Sam Hurst", "Public"]),
        Block(kind="text", text="Apologies:"),
        table(["Rhona Kerr", "Treasurer"], ["Joe Pratt", "Glenview Residents’ Association"]),
    ])
    assert as_dict(att) == {"present": ["Iris Bell", "Tom Gray"], "apologies": ["Rhona Kerr", "Joe Pratt"], "officers": ["Cllr Ann Lowe"]}
    # A principal council's councillor or the police in a PRESENT table attend as officers do.
    att = parse_attendance([
        Block(kind="text", text="PRESENT A Moss - Chairperson"),
        table(["B Kent", "-", "Secretary"], ["Councillor C Frew", "-", "Lochside Council"], ["D Tait", "-", "Police Scotland"]),
    ])
    assert as_dict(att) == {"present": ["A Moss", "B Kent"], "apologies": [], "officers": ["Councillor C Frew", "D Tait"]}


def test_roll_calls():
    att = parse_attendance([
        Block(kind="text", text="ROLL CALL:"),
        table(["Avila", "Present", "Brandt", "Absent"], ["Chu-Lee Present", "", "", ""], ["", "Present:", "2", ""]),
        table(["Councilor Brandt arrived at 5:10 P.M.", ""]),
    ])
    assert as_dict(att) == {"present": ["Avila", "Chu-Lee", "Brandt"], "apologies": [], "officers": []}
    att = parse_attendance(lines("Roll call\nCouncilor Diaz Present\nCouncilor Egan Excused"))
    assert (att.present, att.apologies) == (["Councilor Diaz"], ["Councilor Egan"])


def test_vote_tables_are_not_attendance():
    att = parse_attendance([Block(kind="text", text="Present:"), table(["Avila", "Yea", "Brandt", "Nay"], ["Chu-Lee Yea", ""])])
    assert as_dict(att) == {"present": [], "apologies": [], "officers": []}


def test_labels_run_together_on_one_line():
    att = parse_attendance(lines(
        "Present Councillors A Rigg (Chair) B Snow, C Tull and D Vos Clerk E Webb Members of the Public - Two residents"
        " Apologies - Councillor F Yates"
    ))
    assert as_dict(att) == {
        "present": ["Councillor A Rigg (Chair)", "Councillor B Snow", "Councillor C Tull", "Councillor D Vos"],
        "apologies": ["Councillor F Yates"],
        "officers": ["E Webb"],
    }


def test_also_present_and_guests_are_not_members():
    att = parse_attendance(lines("Present: Cllr G Hale\nAlso present: County Councillor M Price\nGuests: Nora Beck, Beck & Co."))
    assert as_dict(att) == {"present": ["Cllr G Hale"], "apologies": [], "officers": []}


def test_lists_end_at_sentences_and_other_headings():
    att = parse_attendance(lines(
        "Present: Reeve Ana Cole and Councillors Ben Dale and Cy Eve.\nStaff: Clerk-Treasurer Di Fox.\n"
        "Disclosure of pecuniary interest: Councillor Cy Eve.\nThe Reeve welcomed the delegation from the library board."
    ))
    assert as_dict(att) == {
        "present": ["Reeve Ana Cole", "Councillor Ben Dale", "Councillor Cy Eve"], "apologies": [], "officers": ["Di Fox"],
    }


def test_plural_titles_give_each_name_the_singular():
    att = parse_attendance(lines("MEMBERS PRESENT:\nCouncillors Ames, Bolt (J), Bolt (K), Cmhlr. Ó Dálaigh, Dunne and\nEvers."))
    assert att.present == ["Councillor Ames", "Councillor Bolt (J)", "Councillor Bolt (K)", "Cmhlr. Ó Dálaigh", "Councillor Dunne", "Councillor Evers"]


def test_names_run_together_without_commas():
    att = parse_attendance([Block(kind="text", text="Present: Alma Reid Colin Shaw"), table(["Dora Fell", "Evan Gow"])])
    assert att.present == ["Alma Reid", "Colin Shaw", "Dora Fell", "Evan Gow"]


def test_apologies_minuted_in_sentences_and_lists():
    m = Meeting(None, None, None, None, "minutes", None)
    minuted_apologies("The Clerk reported apologies from Mr Abel, Mrs Crow- Dent and Dr Finch.", m)
    minuted_apologies("An apology for her inability to attend was received from Councillor Gill.", m)
    minuted_apologies("Apologies were received from Mr H Ives OBE and Ms J Kay who was substituted by Mr L Moor.", m)
    assert m.attendance.apologies == ["Mr Abel", "Mrs Crow-Dent", "Dr Finch", "Councillor Gill", "Mr H Ives", "Ms J Kay"]
    att = Attendance()
    minute_attendance("Apologies Councillor Nash", [Block(kind="text", text="Olga Pike, EDC")], att)
    minute_attendance("Apologies", [Block(kind="text", text="Ms R Sato and Mr T Upton were in attendance virtually.")], att)
    assert att.apologies == ["Councillor Nash", "Olga Pike"]


def test_attendance_inside_the_first_minute():
    texts = lines(
        "Minutes of the Harbour Board meeting held on 3 March 2031\n1. Call to Order\nThe Chair called the meeting to order.\n"
        "2. Welcome\nThe Chair welcomed everyone.\n3. Budget\nThe budget was noted."
    )
    roll = table(["Present: Councilors Ito, Jain"], ["Absent: Councilor Kemp"])
    blocks = [*texts[:3], roll, *texts[3:]]
    att = meeting_attendance(blocks, texts, 1, minute_headings(texts))
    assert as_dict(att) == {"present": ["Councilor Ito", "Councilor Jain"], "apologies": ["Councilor Kemp"], "officers": []}


def test_split_top_keeps_brackets_and_splits_after_a_bracketed_role():
    assert _split_top("A Bell (Chair) C Dunn, Role (Mr. D, E), F Gale and H Ives; J Kim") == [
        "A Bell (Chair)", "C Dunn", "Role (Mr. D, E)", "F Gale", "H Ives", "J Kim",
    ]
    many = ", ".join(f"Mr A Name{i}" for i in range(20000))
    assert len(_split_top(many)) == 20000


def test_officers_under_service_area_headings():
    att = parse_attendance(lines(
        "Employees (by Service Area):\nAdult Services: P Quinn, R Sato\nLaw and Governance: T Upton\nApologies: Councillor V Wood"
    ))
    assert (att.officers, att.apologies) == (["P Quinn", "R Sato", "T Upton"], ["Councillor V Wood"])
    att = parse_attendance(lines("Officers present:\nPlanning Services A Cole, B Dean\nDemocratic Support E Fry"))
    assert att.officers == ["A Cole", "B Dean", "E Fry"]


def test_staff_also_present_are_officers_and_members_are_not_listed():
    att = parse_attendance(lines("Present: Mayor Ivy Nolan\nAlso present: City Manager Al Ortiz, Councilmember Pat Quill, City Clerk Rae Soto"))
    assert as_dict(att) == {"present": ["Mayor Ivy Nolan"], "apologies": [], "officers": ["Al Ortiz", "Rae Soto"]}


@pytest.mark.parametrize("text, apologies", [
    ("Present: Ann Lowe, Ben Ortiz and Dev Shah. Regrets Leo Patey, Mia Marks", ["Leo Patey", "Mia Marks"]),
    ("Present: Councillors P Wren (Chair), T Hale and G Moss. Apologies Councillor R Marsh", ["Councillor R Marsh"]),
])
def test_a_label_opening_a_sentence_inside_a_paragraph_starts_its_list(text, apologies):
    """ "… Dev Shah. Regrets Leo Patey": the label has no colon, but it opens a sentence before a name."""
    got = as_dict(parse_attendance(lines(text)))
    assert got["apologies"] == apologies
    assert not set(got["present"]) & set(apologies)


@pytest.mark.parametrize("text, present, apologies, officers", [
    # A Welsh community council printing each label in English, then Welsh.
    ("Present / Yn bresennol: Councillors A Evans (Chair), B Jones and C Price.\n\nApologies / Ymddiheuriadau: Councillor D Rees.\n\n"
     "In attendance / Hefyd yn bresennol: Mrs E Lloyd (Clerk).\n",
     ["Councillor A Evans (Chair)", "Councillor B Jones", "Councillor C Price"], ["Councillor D Rees"], ["Mrs E Lloyd"]),
    # A Quebec or New Brunswick municipality printing English, then French.
    ("Present / Présents: Mayor J. Tremblay, Councillors L. Roy and M. Côté.\n\nRegrets / Absences: Councillor P. Gagnon.\n\n"
     "Staff / Personnel: CAO R. Fortin.\n",
     ["Mayor J. Tremblay", "Councillor L. Roy", "Councillor M. Côté"], ["Councillor P. Gagnon"], ["R. Fortin"]),
])
def test_bilingual_labels_read_as_their_english(text, present, apologies, officers):
    a = parse_attendance(blocks_from_text(text))
    assert (a.present, a.apologies, a.officers) == (present, apologies, officers)
