"""Periods as the spec writes them, sentence → facts, grouped by where the wording comes from.

The post date (`published`) or, in an undated post, the year its text reports on, dates the
months, quarters and halves a sentence leaves year-less."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.extract.cases import Case, F, check, row_id

MARCH_POST = datetime(2025, 3, 28, tzinfo=UTC)
APRIL_POST = datetime(2025, 4, 10, tzinfo=UTC)

# Wire copy (Reuters, Bloomberg): `in March`, `last month`, dated by the post's own date.
WIRE = [
    # the post's own month is this year's
    Case("China's zinc imports rose 8% to 41,000t in March.", [F(value=41000, period="2025-03")], published=MARCH_POST),
    # a month after the post's month is last year's
    Case(
        "Chile's copper output fell 3% to 410,000t in May.", [F(value=410000, period="2024-05")], published=APRIL_POST
    ),
    # the month just before the post's month is this year's
    Case("Peru's zinc output rose 2% to 120,000t in March.", [F(value=120000, period="2025-03")], published=APRIL_POST),
]

# Scraped articles with no date: the year their text reports on dates their year-less months.
UNDATED = [
    # a year stated in another paragraph of the same report dates `in March`
    Case(
        (
            "Nickel ore arrivals in the first two months of 2023 totalled 3.1 million tonnes.",
            "Arrivals reached 2.2 million tonnes in March, the data showed.",
        ),
        [F(value=3.1e6, period="2023-01/2023-02"), F(value=2.2e6, period="2023-03")],
        published=None,
    ),
    # the headline's year dates the body's months
    Case(
        "Shipments climbed to 5.6 million tonnes in June.",
        [F(value=5.6e6, period="2022-06")],
        title="Bauxite shipments hit record in 2022",
        published=None,
    ),
    # an outlook year is not the year the post reports on (it is written before it)
    Case(
        ("Output is expected to reach 2 million tonnes in 2026.", "Output rose to 1.7 million tonnes in August."),
        [F(value=2e6, period="2026"), F(value=1.7e6, period="--08")],
        published=None,
    ),
    # nor is a headline's outlook (`for 2025`, `to Recover in 2025`)
    Case(
        "Zinc output rose 4% to 35,000 tons in August.",
        [F(value=35000, period="--08")],
        title="Zinc Producers See Mixed Trends for 2025",
        published=None,
    ),
    # a day named as a date keeps only its month: the report's year is no date of effect
    Case(
        ("Imports rose to 90,000 tonnes in 2024.", "A 10% duty took effect on April 3."),
        [F(value=90000, period="2024"), F(value=10, metric="tariff", period="--04")],
        published=None,
    ),
    # no year anywhere: the month stays year-less
    Case("Copper exports fell 6% to 300,000 tonnes in June.", [F(value=300000, period="--06")], published=None),
]


@pytest.mark.parametrize("case", WIRE + UNDATED, ids=row_id)
def test_period_case(case: Case) -> None:
    check(case)
