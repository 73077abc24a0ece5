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
