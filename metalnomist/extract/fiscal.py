"""Fiscal years: whose year `FY25` or `2023-24` is, and which calendar months it covers.

The spec writes an April–March year as `FY2024` (named by its start year) and every other
period in calendar terms, so India's `FY24` is `FY2023` and BHP's `FY25 Q3` (a July–June
year) is the calendar quarter `2025-Q1`. The country a post reports on says which
convention applies (data/fiscal_years.tsv); with none known, `FY2024` is read as the spec
writes it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from metalnomist.extract.vocab import read_table
from metalnomist.months import MONTHS


@dataclass(frozen=True)
class FiscalYear:
    """Where a country's fiscal year starts, and whether `FY25` names the year it starts or ends in."""

    first_month: int = 4
    named_by_end: bool = False
    quarters: bool = False  # the post's year-less quarters are this fiscal year's (a company reporting on it)

    def start_year(self, named: int) -> int:
        """The calendar year in which fiscal year `named` begins."""
        return named - 1 if self.named_by_end and self.first_month > 1 else named

    def year(self, named: int) -> str:
        return self.starting(self.start_year(named))

    def starting(self, start: int) -> str:
        """The fiscal year that begins in calendar year `start`, as the spec writes it."""
        if self.first_month == 4:
            return f"FY{start}"
        if self.first_month == 1:
            return str(start)
        end = start + 1
        return f"{start}-{self.first_month:02d}/{end}-{self.first_month - 1:02d}"

    def around(self, day: date) -> int:
        """The calendar year in which the fiscal year holding `day` began."""
        return day.year if day.month >= self.first_month else day.year - 1

    def quarter_start(self, quarter: int) -> int:
        """The calendar month a fiscal quarter begins in (`Q4` of an April year: January)."""
        return (self.first_month - 1 + 3 * (quarter - 1)) % 12 + 1

    def quarter(self, named: int, quarter: int) -> str:
        """A fiscal quarter as the calendar quarter (or months) it covers."""
        months = self.start_year(named) * 12 + self.first_month - 1 + 3 * (quarter - 1)
        year, first = months // 12, months % 12 + 1
        if first % 3 == 1:
            return f"{year}-Q{first // 3 + 1}"
        last = months + 2
        return f"{year}-{first:02d}/{last // 12}-{last % 12 + 1:02d}"


SPEC = FiscalYear()
CALENDAR = FiscalYear(1)  # a company whose `2025 financial year` is 2025


@lru_cache(maxsize=1)
def fiscal_years() -> dict[str, FiscalYear]:
    """Country → its fiscal year, from data/fiscal_years.tsv."""
    return {row[0]: FiscalYear(int(row[1]), row[2] == "end") for row in read_table("fiscal_years.tsv")}


def fiscal_year_of(country: str | None) -> FiscalYear | None:
    return fiscal_years().get(country or "")


# Where companies report on the country's own fiscal year; Canadian and British ones mostly keep the calendar's.
COMPANY_FISCAL_HOMES = frozenset({"India", "Japan", "Australia", "New Zealand", "Pakistan"})


def company_fiscal_year(home: str) -> FiscalYear:
    """The year a company of `home` reports on: its country's where companies keep it, else the calendar's
    (South Africa's government year runs from April, Sibanye-Stillwater's `2025 financial year` is 2025)."""
    return (fiscal_year_of(home) if home in COMPANY_FISCAL_HOMES else None) or CALENDAR


_MONTH = "|".join(MONTHS)
# `which keeps a July-to-June fiscal year`, `its financial year ending June`, `its fiscal 2024/25 year to the end of
# September`, `in the year to end-June 2025`
_STATED = re.compile(
    rf"\b(?:(?P<first>{_MONTH})[- ]to[- ](?:{_MONTH})\s+(?:fiscal|financial)\s+year"
    rf"|(?:fiscal|financial)\s+(?:\d{{4}}(?:/\d\d)?\s+)?year\s+(?:(?:that\s+|which\s+)?(?:ends?|ending|ended|runs\s+to|to))\s+"
    rf"(?:in\s+)?(?:end-|the\s+end\s+of\s+)?(?P<end>{_MONTH})"
    rf"|\byear\s+to\s+(?:end-)?(?P<to>{_MONTH})\s+\d{{4}})\b")


def stated_fiscal_year(text: str, known: FiscalYear | None) -> FiscalYear | None:
    """The fiscal year a post says its company keeps (Implats' and Northam's run July to June, unlike South
    Africa's government's), named by the year it ends in; None when it says none or the one `known` for its
    country. An April year is left to the country: Japan names it by its start, India by its end."""
    found = _STATED.search(text)
    if not found:
        return None
    if found.group("first"):
        first = MONTHS.index(found.group("first")) + 1
    else:
        first = (MONTHS.index(found.group("end") or found.group("to")) + 1) % 12 + 1
    if first in (1, 4) or (known is not None and known.first_month == first):
        return None
    return FiscalYear(first, named_by_end=True)
