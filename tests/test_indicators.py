"""Indicators: observations from performance tables in several layouts, codes, series across reports.

Every example table here is written for these tests (invented councils,
measures and figures), in the layouts councils print.
"""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from conftest import BUNDLED, SHARED, needs_shared
from minutebook.cli import cli
from minutebook.extract import extract_file
from minutebook.extract.indicators import table_indicators
from minutebook.extract.styles import indicators as styles
from minutebook.index.indicators import series
from minutebook.index.ingest import ingest
from minutebook.model import Table


def obs(table: Table) -> dict:
    """``(code or name, breakdown, period) -> observation``."""
    return {(o.code or o.name, o.breakdown, o.period): o for o in table_indicators(table, "d1", "2031-05-20")}


# --------------------------------------------------------------------------- registries


@pytest.mark.parametrize("style", styles.PERIODS, ids=lambda s: s.name)
def test_period_styles(style):
    name, period, _ = styles.parse_period(style.example)
    assert (name, period) == (style.name, style.expect["period"])


@pytest.mark.parametrize("style", styles.CODES, ids=lambda s: s.name)
def test_code_styles(style):
    assert re.fullmatch(style.pattern, style.example)
    assert styles.is_code(style.example)
    assert styles.canonical_code(style.example) == style.expect["code"]


@pytest.mark.parametrize("style", styles.COLUMNS, ids=lambda s: s.name)
def test_column_styles(style):
    assert styles.column_role(style.example) == style.expect["role"]


def test_one_code_however_printed():
    assert {styles.canonical_code(c) for c in ("ASC01", "ASC 01", "ASC-01", "asc.1")} == {"ASC1"}
    assert styles.canonical_code("KPI 4.02") == "KPI4.2"
    assert styles.canonical_code("NI 117") != styles.canonical_code("NI 11")
    assert not any(map(styles.is_code, ("ITEM 4", "Page 12", "2024", "Q3", "S106")))


def test_a_word_starting_like_a_month_is_no_month():
    assert styles.parse_period("Mayor's target 2031")[:2] == ("year", "2031")
    assert styles.parse_period("Decisions 2030/31")[:2] == ("split-year", "2030/31")


def test_periods_sort_by_when_they_end():
    order = ["2030/31", "2030 Q4", "2031/32 Q1", "2031-07", "2031/32"]
    assert sorted(order, key=styles.period_key) == ["2030 Q4", "2030/31", "2031/32 Q1", "2031-07", "2031/32"]


# --------------------------------------------------------------------------- layouts


def test_codes_in_their_own_first_column_with_target_and_rag():
    t = Table(page=7, header=["Ref", "Performance measure", "2029/30", "2030-31", "Target 2030/31", "RAG"], header_rows=1, id="d1.t1",
              rows=[["Ref", "Performance measure", "2029/30", "2030-31", "Target 2030/31", "RAG"],
                    ["ASC 01", "Adults supported to live at home (%)", "71.2", "73.0", "75", "Amber"],
                    ["ASC-02", "Delayed discharges per 100,000 adults", "9.1", "7.4", "8.0", "Green"],
                    ["PI 12", "Carers assessed within 28 days", "412", "n/a", "450", ""]])
    found = obs(t)
    assert sorted(found) == [("ASC1", None, "2029/30"), ("ASC1", None, "2030/31"), ("ASC2", None, "2029/30"),
                             ("ASC2", None, "2030/31"), ("PI12", None, "2029/30")]
    latest = found["ASC1", None, "2030/31"]
    assert (latest.name, latest.value, latest.number, latest.unit, latest.target, latest.rag) == (
        "Adults supported to live at home (%)", "73.0", 73.0, "%", "75", "Amber")
    assert (latest.page, latest.table, latest.row, latest.meeting_date) == (7, "d1.t1", 1, "2031-05-20")
    assert found["ASC1", None, "2029/30"].rag is None  # the status is the latest period's
    assert found["PI12", None, "2029/30"].target == "450"


def test_names_with_years_across_and_a_trend_column():
    t = Table(page=2, header=[], header_rows=0, id="d2.t3", title="Waste and recycling",
              rows=[["", "2027", "2028", "2029", "Trend"],
                    ["Household waste recycled", "41.5%", "43.0%", "44.2%", "↑"],
                    ["Fly-tipping incidents reported", "1,204", "1,350", "998", "improving"],
                    ["Missed bins per 100,000 collections", "52", "48", "–", "↓"]])
    found = obs(t)
    assert len(found) == 8
    assert found["Fly-tipping incidents reported", None, "2029"].number == 998.0
    assert found["Fly-tipping incidents reported", None, "2029"].direction == "improving"
    assert found["Household waste recycled", None, "2027"].unit == "%"
    assert found["Missed bins per 100,000 collections", None, "2028"].direction == "↓"  # 2029 printed no figure
    assert all(o.code is None for o in found.values())


def test_quarterly_rag_table_takes_its_year_from_the_title():
    header = ["Code", "Indicator", "Q1", "Q2", "Q3", "Target", "Status", "DoT"]
    t = Table(page=11, header=header, header_rows=1, id="d3.t2", title="Corporate scorecard 2031/32",
              rows=[header,
                    ["HCS 07", "Homes let within 28 days of becoming empty", "61%", "66%", "70%", "75%", "R", "▲"],
                    ["HCS 08", "Rent collected as a share of rent due", "97.1%", "97.9%", "98.4%", "98%", "G", "▲"],
                    ["KPI 4.2", "Average days to process a benefit claim", "19 days", "17 days", "", "18 days", "G", "▼"]])
    found = obs(t)
    assert sorted(p for c, _, p in found if c == "HCS7") == ["2031/32 Q1", "2031/32 Q2", "2031/32 Q3"]
    q3 = found["HCS7", None, "2031/32 Q3"]
    assert (q3.value, q3.target, q3.rag, q3.direction) == ("70%", "75%", "R", "▲")
    q2 = found["KPI4.2", None, "2031/32 Q2"]
    assert (q2.number, q2.unit, q2.rag, q2.direction) == (17.0, "days", "G", "▼")  # Q3 is blank: Q2 is its latest
    assert ("KPI4.2", None, "2031/32 Q3") not in found


def test_bare_quarters_without_a_year_are_not_periods():
    t = Table(page=1, header=["Indicator", "Q1", "Q2"], header_rows=1, id="d1.t1",
              rows=[["Indicator", "Q1", "Q2"], ["Calls answered", "90", "92"]])
    assert obs(t) == {}


def test_one_measure_for_the_council_and_its_comparators():
    t = Table(page=4, header=["Adults in employment aged 16-64", "2029", "2030", "2031", "Trend since 2030"], header_rows=1,
              id="d1.t2", rows=[["Adults in employment aged 16-64", "2029", "2030", "2031", "Trend since 2030"],
                                ["Eastbridge", "71.0%", "72.4%", "73.1%", "upward"],
                                ["Regional average", "73.2%", "73.0%", "73.5%", "upward"],
                                ["LA rank", "101", "96", "88", "upward"]])
    found = obs(t)
    assert {b for _, b, _ in found} == {"Eastbridge", "Regional average", "LA rank"}
    assert {n for n, _, _ in found} == {"Adults in employment aged 16-64"}
    assert found["Adults in employment aged 16-64", "Eastbridge", "2031"].direction == "upward"


def test_columns_that_split_each_period_are_breakdowns():
    header = ["Service", "2030/31 Budget", "2030/31 Actual", "2031/32 Budget", "2031/32 Actual"]
    t = Table(page=9, header=header, header_rows=1, id="d1.t4", rows=[header, ["Libraries", "£1.20m", "£1.31m", "£1.25m", "£1.22m"]])
    found = obs(t)
    assert found["Libraries", "Actual", "2030/31"].value == "£1.31m"
    assert found["Libraries", "Budget", "2031/32"].unit == "£"


def test_months_down_the_side_measures_across():
    t = Table(page=3, header=["Month", "Calls received", "Answered within 60 seconds (%)"], header_rows=1, id="d1.t1",
              rows=[["Month", "Calls received", "Answered within 60 seconds (%)"],
                    ["Apr-31", "10,412", "81"], ["May-31", "9,870", "84"], ["Jun-31", "11,002", "79"]])
    found = obs(t)
    assert found["Answered within 60 seconds (%)", None, "2031-05"].unit == "%"
    assert found["Calls received", None, "2031-06"].number == 11002.0


@pytest.mark.parametrize("rows", [
    [["Date", "Title", "Lead officer"], ["12 March 2031", "Budget 2031/32", "J Doe"], ["9 April 2031", "Parks Strategy 2031", "A Roe"]],
    [["1", "Introduction", "3"], ["2", "Performance in 2030/31", "5"], ["3", "Plans for 2031/32", "8"]],
    [["By 2030-31", "By 2031-32"], ["4FE 30 places", "2FE 60 places"]],
])
def test_tables_that_are_not_performance_tables_give_nothing(rows):
    assert obs(Table(page=1, header=rows[0] if rows[0][0] == "Date" else [], header_rows=1 if rows[0][0] == "Date" else 0,
                     rows=rows, id="d1.t1")) == {}


# --------------------------------------------------------------------------- series


def _o(code, name, period, value, date):
    return {"code": code, "name": name, "period": period, "value": value, "date": date, "committee": "Board", "file": f"{date}.pdf"}


def test_a_code_that_changes_its_definition_is_flagged_not_merged():
    found = series([_o("PI12", "Carers assessed within 28 days", "2029/30", "412", "2030-06-01"),
                    _o("PI12", "Carers assessed within 28 days of referral", "2030/31", "430", "2031-06-01"),
                    _o("PI12", "Library visits per head", "2031/32", "3.1", "2032-06-01")])
    assert [(s["name"], [p["period"] for p in s["points"]]) for s in found] == [
        ("Carers assessed within 28 days of referral", ["2030/31", "2029/30"]),
        ("Library visits per head", ["2031/32"])]
    assert found[0]["name_differs_from"] == ["Library visits per head"]
    assert found[1]["name_differs_from"] == ["Carers assessed within 28 days of referral"]


def test_a_period_reported_twice_with_a_new_figure_is_revised():
    (s,) = series([_o("H1", "Homes built", "2030/31", "120", "2031-02-01"), _o("H1", "Homes built", "2030/31", "126", "2031-07-01")])
    (p,) = s["points"]
    assert (p["value"], p["revised"], [r["date"] for r in p["reported"]]) == ("126", True, ["2031-07-01", "2031-02-01"])


# --------------------------------------------------------------------------- bundled corpus


def test_extract_lists_the_indicators_of_a_report():
    ex = extract_file(str(BUNDLED / "hcc_cyp_2024-11-14.pdf"))
    cyp3 = [o for o in ex.indicators if o.code == "CYP3"]
    assert [(o.period, o.value, o.target, o.unit) for o in cyp3] == [
        ("2021/22", "22.4", "17.0", "%"), ("2022/23", "21.1", "17.0", "%"), ("2023/24", "19.6", "17.0", "%")]
    assert {(o.meeting_date, o.page, o.name) for o in cyp3} == {("2024-11-14", 4, "Pupils in persistent absence (%)")}


@pytest.fixture(scope="module")
def bundled_ix(tmp_path_factory):
    where = str(tmp_path_factory.mktemp("ix"))
    assert not ingest([str(BUNDLED)], where, jobs=1).errors
    return where


def test_one_series_across_two_reports_of_the_bundled_corpus(bundled_ix):
    out = CliRunner().invoke(cli, ["indicators", "CYP1", "--index", bundled_ix, "--format", "json"])
    assert out.exit_code == 0, out.output
    (s,) = json.loads(out.output)
    assert (s["code"], s["name"]) == ("CYP1", "Young people attending a Youth Hub session each month")
    assert s["meetings"] == ["2025-10-16", "2024-11-14"]
    assert [(p["period"], p["value"]) for p in s["points"]] == [("2024/25", "694"), ("2023/24", "601"), ("2022/23", "538"), ("2021/22", "412")]
    assert [r["date"] for r in s["points"][1]["reported"]] == ["2025-10-16", "2024-11-14"]  # the .txt copy counts once
    assert not any(p["revised"] for p in s["points"])


def test_indicators_command_shows_series_from_two_meetings(bundled_ix):
    out = CliRunner().invoke(cli, ["indicators", "--index", bundled_ix])
    assert out.exit_code == 0, out.output
    assert "CYP1 Young people attending a Youth Hub session each month" in out.output
    assert re.search(r"2023/24\s+601\s+target 650\s+reported 2025-10-16, 2024-11-14", out.output)
    assert "Pupils in persistent absence (%)  [Secondary]" in out.output
    csv_out = CliRunner().invoke(cli, ["indicators", "--index", bundled_ix, "--committee", "housing", "--format", "csv"])
    lines = csv_out.output.splitlines()
    assert lines[0].startswith("code,name,breakdown,period,value") and len(lines) == 1 + 9
    assert all(",Housing and Communities Scrutiny Committee," in line for line in lines[1:])


def test_indicator_rows_are_searchable(bundled_ix):
    out = CliRunner().invoke(cli, ["search", "school link", "--index", bundled_ix, "--format", "json", "--limit", "50"])
    hits = [h for h in json.loads(out.output)["hits"] if h["type"] == "indicator"]
    assert {h["title"] for h in hits} == {"CYP5 Hub users in persistent absence offered a school link (%)"}
    out = CliRunner().invoke(cli, ["search", "youth", "--entity", "INDICATOR:CYP1", "--index", bundled_ix, "--format", "json"])
    # An indicator row is folded under the report that printed it (one hit per item per meeting).
    hits = json.loads(out.output)["hits"]
    assert "indicator" in {h["type"] for h in hits} | {f["type"] for h in hits for f in h["folded"]}


# --------------------------------------------------------------------------- development corpus


@needs_shared
def test_coventry_adoption_indicators():
    ex = extract_file(str(SHARED / "pdf" / "001_70795ba4a3317528.pdf"), ocr=False)
    a2 = {o.period: o for o in ex.indicators if o.code == "A2"}
    assert {p: (o.value, o.target) for p, o in a2.items()} == {
        "2022/23": ("172 days", "122 days"), "2023/24": ("222 days", "122 days"), "2024/25": ("216 days", "122 days")}


# --------------------------------------------------------------------------- codes in text


def test_codes_in_text_are_indicators_where_a_performance_table_reports_them():
    from minutebook.model import Document, Section
    from minutebook.nlp import tag_documents

    header = ["Code", "Measure", "2030/31", "2031/32"]
    table = Table(page=2, header=header, header_rows=1, id="d1.t1",
                  rows=[header, ["HWB 03", "Smoking quit rate at four weeks (%)", "51", "54"],
                        ["CP 3", "Repeat child protection plans (%)", "19", "17"]])
    text = ("HWB03 improved again and CP-3 fell, while the A1 road and the HWB 04 bid are not measures. "
            "Item 4 was deferred; the survey used A4 paper.")
    doc = Document(id="d1", kind="report", title=None, agenda_item=None, date=None, page_start=2, page_end=2,
                   sections=[Section("d1.s1", None, None, 1, text, 2)], tables=[table])
    ents = [e for e in tag_documents([doc]) if e.label == "INDICATOR"]
    in_text = {(e.text, e.canonical) for e in ents if e.section == "d1.s1"}
    assert in_text == {("HWB03", "HWB3"), ("CP-3", "CP3")}
    assert {e.canonical for e in ents if e.section.startswith("d1.t1")} >= {"HWB3", "CP3"}


def test_codes_beside_a_measure_word_need_no_table():
    from minutebook.model import Document, Section
    from minutebook.nlp import tag_documents

    text = ("The ASC 01 and ASC-02 indicators improved, and measure KPI 4.2 met its target. "
            "Roadworks on the A1 and B6 continue; Item 4 was deferred.")
    doc = Document(id="d1", kind="report", title=None, agenda_item=None, date=None, page_start=1, page_end=1,
                   sections=[Section("d1.s1", None, None, 1, text, 1)])
    found = {(e.text, e.canonical) for e in tag_documents([doc]) if e.label == "INDICATOR"}
    assert found == {("ASC 01", "ASC1"), ("ASC-02", "ASC2"), ("KPI 4.2", "KPI4.2")}
