"""Fiscal years as the spec writes them, for every row of data/fiscal_years.tsv."""

from __future__ import annotations

import re

import pytest

from metalnomist.extract.fiscal import SPEC, FiscalYear, fiscal_years

SPEC_PERIOD = re.compile(r"FY\d{4}|\d{4}-Q[1-4]|\d{4}-\d\d/\d{4}-\d\d")


@pytest.mark.parametrize("country", sorted(fiscal_years()))
def test_every_row_gives_spec_periods(country: str) -> None:
    fiscal = fiscal_years()[country]
    assert SPEC_PERIOD.fullmatch(fiscal.year(2025))
    assert all(SPEC_PERIOD.fullmatch(fiscal.quarter(2025, q)) for q in range(1, 5))


def test_named_by_start_or_end_year() -> None:
    assert SPEC.year(2024) == "FY2024"  # the spec: April 2024 - March 2025
    assert FiscalYear(4, named_by_end=True).year(2024) == "FY2023"  # India's FY24 is 2023-24
    assert FiscalYear(7, named_by_end=True).year(2025) == "2024-07/2025-06"  # Australia's FY25


def test_fiscal_quarters_are_calendar_quarters() -> None:
    australia = FiscalYear(7, named_by_end=True)
    assert [australia.quarter(2025, q) for q in (1, 2, 3, 4)] == ["2024-Q3", "2024-Q4", "2025-Q1", "2025-Q2"]
    assert SPEC.quarter(2024, 4) == "2025-Q1"


# Each row of data/fiscal_years.tsv, read as the year it calls `FY25`.
FY25 = {
    "India": "FY2024",  # April 2024 to March 2025, named by its end
    "Japan": "FY2025",  # fiscal 2025 starts in April 2025
    "Australia": "2024-07/2025-06",
    "New Zealand": "2024-07/2025-06",
    "Pakistan": "2024-07/2025-06",
    "South Africa": "FY2024",
    "Canada": "FY2024",
    "United Kingdom": "FY2025",  # the 2025/26 tax year starts in April 2025
}


def test_each_countrys_fy25() -> None:
    assert {country: fiscal.year(2025) for country, fiscal in fiscal_years().items()} == FY25


def test_a_calendar_fiscal_year_is_the_calendar_year() -> None:
    for named_by_end in (False, True):
        calendar = FiscalYear(1, named_by_end=named_by_end)
        assert calendar.year(2025) == "2025"
        assert [calendar.quarter(2025, q) for q in (1, 4)] == ["2025-Q1", "2025-Q4"]


def test_quarters_of_a_year_off_the_calendar_quarters_are_month_ranges() -> None:
    """A February year (retailers): its quarters straddle calendar quarters, the last one a new year."""
    february = FiscalYear(2)
    assert [february.quarter(2024, q) for q in (1, 4)] == ["2024-02/2024-04", "2024-11/2025-01"]
