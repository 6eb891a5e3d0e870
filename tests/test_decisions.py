"""Decisions: every cue registry entry on its own example, and whole decisions in several house styles."""

from __future__ import annotations

import pytest

from minutebook.extract import decisions as d
from minutebook.extract.meetings import find_meetings
from minutebook.extract.styles.decisions import LEADS, MOVERS, NARRATIVE, RESULTS, VOTES
from minutebook.extract.text import blocks_from_text
from minutebook.model import Block, Document, Source, Votes


def ids(styles):
    return [s.name for s in styles]


def run(text: str):
    """Every decision found reading ``text``'s paragraphs in order, as the minutes reader does."""
    blocks = blocks_from_text(text)
    found = []
    i = 0
    while i < len(blocks):
        got, j = d.decision_at(blocks, i, None, found)
        found.extend(got)
        i = j if j > i else i + 1
    return found


@pytest.mark.parametrize("style", LEADS, ids=ids(LEADS))
def test_lead_registry_examples(style):
    kind, _ = d._lead(d._para(style.example))
    assert kind == style.expect["kind"]
    if "mover" in style.expect:
        assert d._movers(style.example) == (style.expect["mover"], style.expect["seconder"])
    if "outcome" in style.expect:
        (res,) = run(style.example)
        assert res.outcome == style.expect["outcome"]


@pytest.mark.parametrize("style", NARRATIVE, ids=ids(NARRATIVE))
def test_narrative_registry_examples(style):
    (res,) = d._narrative([Block("text", style.example)], 0, None)
    assert (res.outcome, res.decision_only, res.text) == (style.expect["outcome"], True, style.example)


@pytest.mark.parametrize("style", RESULTS, ids=ids(RESULTS))
def test_result_registry_examples(style):
    assert d._outcome(style.example) == style.expect["outcome"]


@pytest.mark.parametrize("style", VOTES, ids=ids(VOTES))
def test_vote_registry_examples(style):
    votes = Votes()
    if "names" in style.expect:
        assert d._roll_call(style.example, votes)
        assert votes.names[style.expect["side"]] == style.expect["names"]
    elif "count" in style.expect:
        d._read_counts(style.example, votes)
        assert d._get(votes, style.expect["side"]) == style.expect["count"]
    else:
        m = d._VOTES[style.name].match(style.example)
        assert d._side(m.group("side")) == style.expect["side"]


@pytest.mark.parametrize("style", MOVERS, ids=ids(MOVERS))
def test_mover_registry_examples(style):
    assert d._movers(style.example) == (style.expect["mover"], style.expect["seconder"])


# Whole decisions, on invented text.


def test_recorded_vote_with_names_then_resolved_is_one_decision():
    found = run(
        "(2) Mrs K Dunne proposed, and Mr L Ode seconded the motion that:\n\n"
        "“The Council adopts the Harbour Plan.”\n\n"
        "(3) The Chairman put the motion set out in paragraph 2 to the vote and the voting was as follows:\n\n"
        "For (3)\n\nMrs Dunne, Mr Ode, Ms Vale\n\nAgainst (1)\n\nMr Pike\n\nAbstain (0)\n\nMotion carried.\n\n"
        "(4) RESOLVED that the Council adopts the Harbour Plan.\n"
    )
    (res,) = found
    assert res.text == "RESOLVED that the Council adopts the Harbour Plan."
    assert (res.outcome, res.mover, res.seconder, res.decision_only) == ("carried", "Mrs K Dunne", "Mr L Ode", False)
    assert (res.votes.for_, res.votes.against, res.votes.abstain) == (3, 1, 0)
    assert res.votes.names == {"for": ["Mrs Dunne", "Mr Ode", "Ms Vale"], "against": ["Mr Pike"]}


def test_lost_amendment_with_counts_after_a_colon():
    (res,) = run(
        "Mr T Abbot proposed and Ms R Cole seconded the following amendment:\n\n"
        "(a) Delete the words “by March”.\n\n(b) Add “by June”.\n\n"
        "The Mayor put the amendment to the vote.\n\nFor: 12\n\nAgainst: 30\n\nAbstain: 2\n\nThe amendment was lost.\n"
    )
    assert (res.outcome, res.clauses, res.mover, res.seconder) == ("lost", ["Delete the words “by March”.", "Add “by June”."], "Mr T Abbot", "Ms R Cole")
    assert (res.votes.for_, res.votes.against, res.votes.abstain) == (12, 30, 2)


def test_us_motion_with_roll_call_counts():
    (res,) = run(
        "Councilmember Ortiz moved to approve the consent agenda. Councilmember Baird seconded the motion.\n\n"
        "ROLL CALL:\n\nAyes: 5 Nays: 2 Absent: 0 Abstentions: 0\n\nMotion carried.\n"
    )
    assert (res.outcome, res.mover, res.seconder, res.style) == ("carried", "Councilmember Ortiz", "Councilmember Baird", "proposed")
    assert (res.votes.for_, res.votes.against, res.votes.abstain) == (5, 2, 0)


def test_moved_seconded_defeated_and_withdrawn():
    found = run(
        "Moved by Trustee Lund, seconded by Trustee Vey, that the depot be sold.\n\nDEFEATED\n\n"
        "Moved by Trustee Vey, seconded by Trustee Lund, that the depot be leased.\n\nThe motion was withdrawn.\n"
    )
    assert [(r.outcome, r.mover) for r in found] == [("lost", "Trustee Lund"), ("withdrawn", "Trustee Vey")]


def test_resolution_number_heading_then_motion_and_carried_line():
    found = run(
        "R2031-045 P. Lamb, K. Osei:\n\nThat the tender from Norland Paving be accepted.\n\nCarried.\n\n"
        "R2031-046 K. Osei, P. Lamb: THAT we donate $50 to the Fall Fair. Carried.\n"
    )
    assert [(r.text, r.outcome, r.mover, r.seconder) for r in found] == [
        ("That the tender from Norland Paving be accepted. Carried.", "carried", "P. Lamb", "K. Osei"),
        ("THAT we donate $50 to the Fall Fair. Carried.", "carried", "K. Osei", "P. Lamb"),
    ]


def test_irish_proposed_seconded_and_resolved():
    (res,) = run("Proposed by Councillor Byrne (M); Seconded by Councillor Walsh; And Resolved: “That the draft minutes be adopted.”\n")
    assert (res.outcome, res.mover, res.seconder, res.decision_only) == ("carried", "Councillor Byrne (M)", "Councillor Walsh", False)


def test_parish_narrative_decisions_one_per_statement():
    found = run(
        "The quote for the bench was received. After some discussion it was agreed to accept it. "
        "The Clerk reported that the hall committee had agreed to new fees.\n\n"
        "Grass cutting £120.00 resolved to pay\n\n"
        "The minutes of the last meeting were proposed, seconded and accepted as a true record.\n"
    )
    assert [(r.text, r.decision_only, r.outcome) for r in found] == [
        ("After some discussion it was agreed to accept it.", True, "carried"),
        ("Grass cutting £120.00 resolved to pay", True, "carried"),
        ("The minutes of the last meeting were proposed, seconded and accepted as a true record.", True, "carried"),
    ]


def test_motion_without_result_is_decision_only():
    (res,) = run("It was proposed by Councillor Hale and seconded by Councillor Moss that the fountain be restored.\n")
    assert (res.decision_only, res.outcome, res.mover, res.seconder) == (True, None, "Councillor Hale", "Councillor Moss")


def test_vote_settles_the_amendment_in_the_paragraph_it_names():
    found = run(
        "1) Mr Gale proposed and Ms Rudd seconded the motion that the report be noted.\n\n"
        "2) Ms Price proposed and Mr Lamb seconded the following amendment:\n\n"
        "“Add: and that a further report come in June.”\n\n"
        "3) The Chairman put the amendment set out in paragraph 2 to the vote and the voting was as follows:\n\n"
        "For (20)\n\nAgainst (4)\n\nAbstain (1)\n\nAmendment carried.\n"
    )
    amendment = next(r for r in found if r.mover == "Ms Price")
    assert (amendment.outcome, amendment.votes.for_, amendment.votes.against, amendment.votes.abstain) == ("carried", 20, 4, 1)
    assert len(found) == 2


def test_minute_heading_is_never_crossed():
    text = (
        "Minutes of a Meeting of the Harbourside Licensing Panel held at 2.15 pm on Tuesday, 4 March 2031\n\n"
        "5. Moorings\n\nMoved by Councillor P Quist and seconded by Councillor R Amu that the fees be frozen.\n\n"
        "6. Close\n\nThe Chair closed the meeting.\n"
    )
    doc = Document(id="d1", kind="minutes", title=None, agenda_item=None, date=None, page_start=None, page_end=None, blocks=blocks_from_text(text))
    (meeting,) = find_meetings([doc], Source(path="x.txt", format="text", sha256="", pages=None, blocks=doc.blocks))
    assert [i.number for i in meeting.minutes_items] == ["5", "6"]
    (res,) = meeting.resolutions
    assert (res.minute, res.decision_only) == ("5", True)


def test_proposer_line_wrapped_into_resolved_line():
    (res,) = run("Proposed by Councillor A Hale, seconded by Councillor B Moss and\n\nresolved that the pier lights be repaired.\n")
    assert (res.outcome, res.decision_only, res.mover, res.seconder) == ("carried", False, "Councillor A Hale", "Councillor B Moss")


def test_numbered_resolved_with_numbered_and_dashed_clauses():
    found = run(
        "3. RESOLVED: (1) That the lease be renewed; (2) That the rent be reviewed in 2033.\n\n"
        "RESOLVED –\n\n(1) the hall fees be frozen;\n\n(2) the caretaker post be advertised.\n"
    )
    assert [(r.outcome, r.clauses) for r in found] == [
        ("carried", ["That the lease be renewed", "That the rent be reviewed in 2033."]),
        ("carried", ["the hall fees be frozen", "the caretaker post be advertised."]),
    ]


def test_recorded_vote_of_names_without_counts():
    (res,) = run(
        "Moved by Councillor Okafor, seconded by Councillor Lind, that the depot be sold.\n\n"
        "A recorded vote was taken.\n\nFor:\n\nCouncillors Okafor, Lind, Hale\n\nAgainst:\n\nCouncillors Moss, Dunne\n\nCARRIED\n"
    )
    assert (res.outcome, res.votes.for_, res.votes.against) == ("carried", 3, 2)
    assert res.votes.names == {"for": ["Okafor", "Lind", "Hale"], "against": ["Moss", "Dunne"]}


def test_agreed_line_with_proposer_and_seconder():
    (res,) = run("Agreed on 4 April 2031 - Proposed by Rhona Veitch – Second by Ian Toal\n")
    assert (res.decision_only, res.outcome, res.mover, res.seconder) == (False, "carried", "Rhona Veitch", "Ian Toal")


def test_what_is_not_a_decision():
    found = run(
        "The officer recommended that the scheme be approved.\n\n"
        "The Area Committee had agreed to resurface the car park.\n\n"
        "The Clerk to write to the bus company.\n\n"
        "Members asked whether the bins could be emptied weekly.\n"
    )
    assert found == []


def test_noted_report_is_decision_only_without_outcome():
    (res,) = run("The report was noted.\n")
    assert (res.decision_only, res.outcome) == (True, None)


def test_canadian_moved_seconded_lines():
    (res,) = run("Moved by: Councillor A. Reid\n\nSeconded by: Councillor B. Tran\n\nThat Council approve the 2032 road program.\n\nCARRIED\n")
    assert (res.outcome, res.mover, res.seconder, res.decision_only) == ("carried", "Councillor A. Reid", "Councillor B. Tran", False)
    assert res.text == "Moved by: Councillor A. Reid Seconded by: Councillor B. Tran That Council approve the 2032 road program. CARRIED"


def test_us_motion_by_with_dash_count_and_named_ayes():
    first, second = run(
        "Motion by Commissioner Diaz, seconded by Commissioner Webb, to approve the minutes. Motion carried 5-0.\n\n"
        "Commissioner Diaz moved to approve the plat. Commissioner Webb seconded the motion.\n\n"
        "AYES: Diaz, Webb, Lee. NAYS: None. ABSENT: Park.\n\nMotion carried.\n"
    )
    assert (first.mover, first.seconder, first.votes.for_, first.votes.against) == ("Commissioner Diaz", "Commissioner Webb", 5, 0)
    assert (second.outcome, second.votes.for_, second.votes.against, second.votes.names) == ("carried", 3, 0, {"for": ["Diaz", "Webb", "Lee"]})


def test_amendment_declared_lost():
    (res,) = run("The amendment was put to the vote and declared lost.\n")
    assert (res.outcome, res.style, res.decision_only) == ("lost", "vote", False)


def test_resolution_number_before_moved_by_and_blank_forms():
    found = run(
        "Resolution No. 2031-12 – Moved by Ana, seconded by Ben that the rent be raised by 2%. Carried\n\n"
        "Moved by\n\nSeconded by\n\nThat we apply for the generator grant.\n\nFor Against\n\nCarried\n"
    )
    assert [(r.text, r.outcome, r.mover, r.seconder) for r in found] == [
        ("Moved by Ana, seconded by Ben that the rent be raised by 2%. Carried", "carried", "Ana", "Ben")
    ]


@pytest.mark.parametrize("text, kept", [
    # An Irish municipal district recalls a workshop's agreement, then decides.
    ("The Chair recalled the workshop of 3 May. It was agreed at that meeting that the draft bye-laws would go to the full Council. "
     "Following discussion it was agreed to hold a public consultation.", "Following discussion it was agreed to hold a public consultation."),
    # An English parish reports what the last meeting resolved, then resolves.
    ("The Clerk noted that it was resolved at the last meeting to replace the bench. Councillors resolved to pay the invoice of £240.",
     "Councillors resolved to pay the invoice of £240."),
])
def test_a_decision_reported_from_another_meeting_is_not_this_meetings(text, kept):
    assert [r.text for r in run(text)] == [kept]


@pytest.mark.parametrize("text, clauses", [
    # An English cabinet agrees an amendment set out as a numbered list.
    ("Mr Lowe suggested and the Leader and Cabinet agreed to the following amendment to the proposal:\n\n"
     "1. Agree to submit the bid jointly with the unitary council\n\n2. Note that the bid commits the county to a new authority\n\n"
     "3. Ask the Minister to consider the timetable\n\nFollowing the debate the Leader moved the motion.\n",
     ["Agree to submit the bid jointly with the unitary council", "Note that the bid commits the county to a new authority",
      "Ask the Minister to consider the timetable"]),
    # A Scottish community council agrees actions set out as a lettered list.
    ("After discussion it was agreed that the following be done:\n\n(a) the Secretary writes to the roads department;\n\n"
     "(b) the Treasurer renews the hall insurance.\n\nThe Chair thanked members.\n",
     ["the Secretary writes to the roads department", "the Treasurer renews the hall insurance."]),
])
def test_a_narrative_decision_ending_in_a_colon_takes_the_list_under_it(text, clauses):
    (res, *rest) = run(text)
    assert res.clauses == clauses and res.decision_only and res.outcome == "carried"
    assert res.text.endswith(clauses[-1])


@pytest.mark.parametrize("text, decided", [
    # A California city: the motion and its roll call in one paragraph.
    ("A motion was made by Council Member Park and seconded by Council Member Quon to approve the contract. "
     "The motion carried by the following vote: Ayes: Park, Quon, Ruiz. Noes: None. Absent: Lee.\n",
     ("carried", "Council Member Park", "Council Member Quon", 3, 0, {"for": ["Park", "Quon", "Ruiz"]})),
    # A Midwest county: the motion, then "Voting Yea / Voting Nay", then the result.
    ("Motion by Commissioner Diaz, seconded by Commissioner Webb, to approve the plat.\n\n"
     "Voting Yea: Diaz, Webb, Lee. Voting Nay: Ortiz.\n\nMotion carried.\n",
     ("carried", "Commissioner Diaz", "Commissioner Webb", 3, 1, {"for": ["Diaz", "Webb", "Lee"], "against": ["Ortiz"]})),
    # A Texas city: "Upon motion by …, the plat was approved by a vote of 5-0."
    ("Upon motion by Alderman Ruiz, seconded by Alderman Cole, the plat was approved by a vote of 5-0.\n",
     ("carried", "Alderman Ruiz", "Alderman Cole", 5, 0, {})),
])
def test_us_motions_with_their_votes(text, decided):
    (r,) = run(text)
    assert (r.outcome, r.mover, r.seconder, r.votes.for_, r.votes.against, r.votes.names) == decided


@pytest.mark.parametrize("text, votes", [
    # A Welsh county council: the vote told in the motion's paragraph, after a period of months.
    ("Councillor Jones moved, seconded by Councillor Evans, that the recommendation be approved for 12 months. "
     "On a vote being taken 10 voted for and 4 against. The motion was carried.\n", (10, 4, None)),
    # An English district: "The vote was 7 for, 2 against and 1 abstention."
    ("Mr Hale proposed and Mrs Moss seconded that the grant be made for 3 years. The vote was 7 for, 2 against and 1 abstention. "
     "Carried.\n", (7, 2, 1)),
])
def test_a_vote_told_in_the_motions_own_paragraph(text, votes):
    (r,) = run(text)
    assert r.outcome == "carried" and (r.votes.for_, r.votes.against, r.votes.abstain) == votes


def test_a_scottish_committee_agreed_list_after_a_colon_dash():
    (r,) = run("The Committee agreed:-\n\n(a) to approve the revised charges; and\n\n(b) to instruct the Head of Roads to report back.\n")
    assert r.clauses == ["to approve the revised charges", "to instruct the Head of Roads to report back."]


@pytest.mark.parametrize("text", [
    "PENDERFYNWYD / RESOLVED that the precept for 2032/33 be set at £12,000.\n",  # Welsh first
    "IL EST RÉSOLU / BE IT RESOLVED that the 2032 budget be adopted. Carried / Adoptée.\n",  # French first
])
def test_a_bilingual_resolved_cue_opens_the_decision(text):
    (r,) = run(text)
    assert (r.outcome, r.style, r.decision_only) == ("carried", "resolved", False)
