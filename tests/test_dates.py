"""Dates and times in the forms council papers print them."""

from __future__ import annotations

import pytest

from minutebook.extract.dates import find_dates, parse_date, parse_month, parse_time


@pytest.mark.parametrize(
    "text",
    [
        "16th October, 2025",
        "16 October 2025",
        "16 Oct 2025",
        "16 Oct. 2025",
        "Thursday, 16th October, 2025",
        "the 16th of October 2025",
        "16/10/2025",
        "16.10.2025",
        "16-10-2025",
        "16/10/25",
        "2025-10-16",
        "October 16th, 2025",
        "Thu 16 Oct 25",
        "held on the 16th day of October, 2025",  # formal US and Canadian minutes
        "on the 16th day of October 2025 at 7.30 p.m.",  # formal Irish minutes
    ],
)
def test_full_date_forms(text):
    assert parse_date(text) == "2025-10-16"


def test_no_year_takes_the_documents_year():
    assert parse_date("Thursday 16th October", default_year=2025) == "2025-10-16"
    assert parse_date("Thursday 16th October") is None


def test_hour_after_a_date_is_not_a_two_digit_year():
    assert parse_date("Thursday 16th October 10.00 am", default_year=2025) == "2025-10-16"
    assert parse_date("16 October 10:30", default_year=2024) == "2024-10-16"


def test_all_dates_in_order_and_impossible_dates_dropped():
    text = "Held on 31/02/2025, deferred from 3 March 2025 to 2025-04-07."
    assert find_dates(text) == [(text.index("3 March"), "2025-03-03"), (text.index("2025-04"), "2025-04-07")]


def test_agenda_numbers_are_not_dates():
    assert parse_date("Agenda Item 4 (Pages 3 - 8)") is None


@pytest.mark.parametrize(
    ("text", "want"),
    [("10.00 am", "10:00"), ("2pm", "14:00"), ("12.20 pm", "12:20"), ("12 am", "00:00"), ("14:30", "14:30"), ("6.30p.m.", "18:30")],
)
def test_times(text, want):
    assert parse_time(text) == want


def test_month_year():
    assert parse_month("Published September 2019") == (2019, 9)
