"""Period expressions → the spec's period strings, and how the text uses each one."""

from __future__ import annotations

from datetime import datetime

import pytest

from metalnomist.extract.periods import consecutive_years, find_periods, year_to_date

# (text, period, use): the first mention found.
PERIODS = [
    ("in March", "--03", "period"),  # bare month, no year stated
    ("in 2024", "2024", "period"),
    ("in November 2023", "2023-11", "period"),
    ("in the April–June quarter", "--04/--06", "period"),  # year-less quarter
    ("for the October-March 2025 period", "2024-10/2025-03", "period"),  # range ending in the stated year
    ("for the fiscal year ending March 31, 2025", "FY2024", "period"),
    ("between April 2026 and March 2027", "FY2026", "period"),  # April–March is a fiscal year
    ("in fiscal 2023", "FY2023", "period"),
    ("in the first half of 2024", "2024-H1", "period"),
    ("in January-June 2024", "2024-H1", "period"),  # a half written as its months
    ("in Q2 2024", "2024-Q2", "period"),
    ("in the third quarter of 2025", "2025-Q3", "period"),
    ("by 2033", "2033", "deadline"),
    ("a 28pc rise from February", "--02", "comparison"),  # a basis, not the figure's period
    ("released on December 20", "--12", "publication"),
    ("subsidies starting April 1st", "--04", "effect"),
    ("On April 3, the U.S.", "--04", "date"),
    ("since 2023", "2023", "since"),
    ("with July's figures", "--07", "period"),
]


@pytest.mark.parametrize("text,period,use", PERIODS, ids=[p[0] for p in PERIODS])
def test_period(text: str, period: str, use: str) -> None:
    found = find_periods(text)
    assert found, text
    assert (found[0].period, found[0].use) == (period, use)


def test_month_resolved_against_publication_date() -> None:
    assert find_periods("in March", datetime(2025, 4, 20))[0].period == "2025-03"
    assert find_periods("in November", datetime(2025, 2, 1))[0].period == "2024-11"


def test_relative_periods_need_a_publication_date() -> None:
    assert find_periods("output dropped 6% last year") == []
    assert find_periods("output dropped 6% last year", datetime(2025, 2, 1))[0].period == "2024"
    assert find_periods("sales this month", datetime(2025, 1, 15))[0].period == "2025-01"
    assert find_periods("up from the same month last year", datetime(2025, 1, 15))[0].use == "comparison"


def test_run_of_months_since_a_start() -> None:
    text = "Since June 2024, shipments have exceeded 1 tonne monthly for seven consecutive months"
    assert [p.period for p in find_periods(text)] == ["2024-06/2024-12"]


def test_may_the_verb_is_not_a_month() -> None:
    assert find_periods("prices may rise") == []
    assert find_periods("in May")[0].period == "--05"


def test_consecutive_years() -> None:
    assert consecutive_years("marking the third consecutive year above 50%") == 3
    assert consecutive_years("for the ninth consecutive month") is None


def test_an_undated_posts_relative_years_count_from_the_year_its_text_shows() -> None:
    assert [p.period for p in find_periods("output will grow this year", present_year=2025)] == ["2025"]
    assert [p.period for p in find_periods("output will grow next year", present_year=2025)] == ["2026"]
    assert [p.period for p in find_periods("output fell last year", present_year=2025)] == ["2024"]
    in_2025 = "Output reached 199mn t in 2025 and is seen at 210mn t next year"
    assert [p.period for p in find_periods(in_2025)] == ["2025", "2026"]


def test_an_undated_posts_current_week_is_the_month_of_the_latest_day_it_names() -> None:
    for text in ("prices rose this week", "prices rose on Thursday"):
        assert [(p.period, p.use) for p in find_periods(text, week_month="2025-03")] == [("2025-03", "date")], text
    for text in ("prices rose last week", "prices will rise next week"):  # no date says which week that was
        assert find_periods(text, week_month="2025-03") == [], text


YEAR_TO_DATE = [
    ("--07/--09", "--01/--09"), ("--03", "--01/--03"), ("--02", "--01/--02"), ("--01", "--01"),
    ("2025-07", "2025-01/2025-07"), ("2025-02", "2025-01/2025-02"), ("2025-01", "2025-01"),
    ("2024-Q3", "2024-01/2024-09"), ("2024-Q1", "2024-Q1"), ("2024-H1", "2024-H1"),
    ("2024-10/2025-03", "2025-Q1"),  # from January of the year the range ends in
    ("2024", None), ("FY2024", None),  # a whole year has no part of it to run to
]


@pytest.mark.parametrize(("period", "so_far"), YEAR_TO_DATE, ids=[c[0] for c in YEAR_TO_DATE])
def test_so_far_this_year_runs_from_january_to_the_end_of_the_period(period: str, so_far: str | None) -> None:
    assert year_to_date(period) == so_far
