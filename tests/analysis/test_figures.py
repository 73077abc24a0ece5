"""metalnomist.analysis.figures: the one number formatter and facts read back in words."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from metalnomist.analysis.figures import describe, format_change, format_number, format_quantity
from metalnomist.extract.numbers import parse_number
from metalnomist.models import Fact

# (value, words): what charts, tables and fact readings show; the one formatter they share.
NUMBERS = [
    (1908.0, "1,908"),  # thousands separators, no `.0`
    (8.1, "8.1"),
    (102.25, "102.25"),
    (0.056, "0.056"),  # 56 kg in tonnes keeps its digits
    (1 / 3, "0.3333"),  # four decimals at most below a million
    (999_999.0, "999,999"),
    (8_100_000.0, "8.1mn"),  # a million and up as the articles write it
    (1_050_000.0, "1.05mn"),
    (3.9e12, "3.9tn"),
    (2.5e9, "2.5bn"),
    (1e15, "1,000tn"),
    (-600_000.0, "-600,000"),  # a stock draw or a loss keeps its sign
    (-8_100_000.0, "-8.1mn"),
    (0.0, "0"),
]


@pytest.mark.parametrize(("value", "words"), NUMBERS, ids=[w for _, w in NUMBERS])
def test_format_number(value: float, words: str) -> None:
    assert format_number(value) == words


@given(st.decimals(min_value=0, max_value=999_999, places=3, allow_nan=False, allow_infinity=False))
def test_the_parser_reads_back_what_the_formatter_writes(value: object) -> None:
    number = float(value)  # type: ignore[arg-type]
    assert parse_number(format_number(number)) == pytest.approx(number, rel=1e-12, abs=1e-9)


@given(st.integers(min_value=0, max_value=999_999))
def test_integers_keep_thousands_separators(value: int) -> None:
    text = format_number(float(value))
    assert parse_number(text) == value
    assert "," in text or value < 1000


@given(st.floats(min_value=1e6, max_value=1e15))
def test_millions_and_up_are_shortened_to_three_decimals(value: float) -> None:
    text = format_number(value)
    digits, suffix = text[:-2], text[-2:]
    scale = {"mn": 1e6, "bn": 1e9, "tn": 1e12}[suffix]
    assert parse_number(digits) * scale == pytest.approx(value, abs=0.0005 * scale)


@pytest.mark.parametrize(("value", "unit", "expected"), [
    (6429, "units", "6,429 units"),
    (8_100_000, "t", "8.1mn t"),
    (3.9e12, "JPY", "3.9tn JPY"),
    (1.5, "%", "1.5%"),
    (102.2, "USD/t", "102.2 USD/t"),
    (-600_000, "t", "-600,000 t"),
])
def test_format_quantity(value: float, unit: str, expected: str) -> None:
    assert format_quantity(value, unit) == expected


def test_a_range_reads_from_its_lower_to_its_upper_end() -> None:
    """`17–20 tonnes` is stored as value 17, value_max 20: both ends are shown, not the lower alone."""
    assert format_quantity(17, "t", 20) == "17–20 t" and format_quantity(1.5, "%", 2) == "1.5–2%"


@pytest.mark.parametrize(("change_pct", "change_pp", "basis", "expected"), [
    (-28.7, None, "y/y", "−28.7% y/y"),
    (None, -0.5, None, "−0.5 pp"),  # a share that fell half a point: not a relative change
    (None, 1.2, "y/y", "+1.2 pp y/y"),
    (None, None, "y/y", ""),  # a basis without a change says nothing
])
def test_format_change(change_pct: float | None, change_pp: float | None, basis: str | None, expected: str) -> None:
    fact = Fact(post="p", sentence="s", metric="market_share", value=20, unit="%", change_pct=change_pct,
                change_pp=change_pp, change_basis=basis)
    assert format_change(fact) == expected


def test_describe_reads_a_fact_back() -> None:
    fact = Fact(post="p", sentence="s", metric="sales", value=6429, unit="units", change_pct=-28.7,
                change_basis="y/y", commodity="electric vehicles", country="Japan", period="--09")
    assert describe(fact) == "6,429 units · −28.7% y/y · sales · electric vehicles · Japan · " \
                                      "Sep (year not stated)"


def test_describe_names_the_company_partner_and_a_forecast() -> None:
    """A company's figure, a trade partner and a forecast read differently from the market's reported figure."""
    fact = Fact(post="p", sentence="s", metric="sales", value=1e6, unit="units", commodity="vehicles",
                company="Toyota", partner="China", period="2025", forecast=True)
    assert describe(fact) == "1mn units · sales · vehicles · partner China · Toyota · 2025 · forecast"
