"""metalnomist.analysis.periods: the time a period label covers, its order, length and wording."""

from __future__ import annotations

import pytest

from metalnomist.analysis.periods import Span, parse_period, period_grain, period_short, period_sort_key, period_text

PERIODS = [
    # (label, publication year, expected span): one case per facts.md format
    ("2024", None, Span(2024 * 12, 2024 * 12 + 11)),
    ("2024-03", None, Span(2024 * 12 + 2, 2024 * 12 + 2)),
    ("--03", None, Span(2, 2, year_known=False)),  # no date: ordered by month number alone
    ("--03", 2025, Span(2025 * 12 + 2, 2025 * 12 + 2)),  # placed in the post's year
    ("2024-Q2", None, Span(2024 * 12 + 3, 2024 * 12 + 5)),
    ("2024-H2", None, Span(2024 * 12 + 6, 2024 * 12 + 11)),
    ("FY2024", None, Span(2024 * 12 + 3, 2025 * 12 + 2)),  # April 2024 to March 2025
    ("2024-10/2025-03", None, Span(2024 * 12 + 9, 2025 * 12 + 2)),
    ("--04/--06", None, Span(3, 5, year_known=False)),
    ("--11/--02", None, Span(10, 13, year_known=False)),  # a year-less range that crosses New Year
    ("2022/2024", None, Span(2022 * 12, 2024 * 12 + 11)),
    ("last spring", None, None),  # outside the spec: no span, sorted last
    ("2024-13", None, None),
    ("2024-00", None, None),  # no month 0: it is not December of the year before
    ("--13", None, None),  # nor a thirteenth month without a year
    ("--00", 2024, None),
    ("", None, None),
]


@pytest.mark.parametrize(("label", "year", "expected"), PERIODS)
def test_parse_period(label: str, year: int | None, expected: Span | None) -> None:
    assert parse_period(label, year) == expected


def test_periods_sort_by_the_time_they_cover() -> None:
    labels = ["FY2024", "2024-H2", "2025", "2024-Q2", "2024-03", "2024", "bogus", "2023"]
    assert sorted(labels, key=period_sort_key) == ["2023", "2024", "2024-03", "2024-Q2", "FY2024", "2024-H2",
                                                   "2025", "bogus"]


PERIOD_WORDS = [
    ("2024-06/2024-12", "Jun–Dec 2024", "7 months"),
    ("2024-10/2025-03", "Oct 2024–Mar 2025", "half"),
    ("--04/--06", "Apr–Jun (year not stated)", "quarter"),
    ("2022/2024", "2022–2024", "3 years"),
    ("2023-07/2024-12", "Jul 2023–Dec 2024", "18 months"),  # a year and a half is no whole number of years
    ("2024-Q3", "Q3 2024", "quarter"),
    ("2024-H1", "H1 2024", "half"),
    ("FY2024", "FY2024 (Apr 2024–Mar 2025)", "year"),
    ("--03", "Mar (year not stated)", "month"),
]


@pytest.mark.parametrize("label,words,grain", PERIOD_WORDS, ids=[p[0] for p in PERIOD_WORDS])
def test_period_labels_read_as_people_write_them(label: str, words: str, grain: str) -> None:
    assert period_text(label) == words and period_grain(label) == grain
    assert "/" not in period_short(label)
