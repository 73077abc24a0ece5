"""Number and quantity parsing: the forms reporters write (round trips with the formatter: tests/analysis)."""

from __future__ import annotations

import pytest

from metalnomist.extract.numbers import json_number, parse_number, tidy
from metalnomist.extract.quantities import find_quantities

NUMBERS = [
    ("1,908", 1908),
    ("8.1", 8.1),
    ("seven", 7),
    ("102.20", 102.2),
    (".5", 0.5),
    ("12,34,567.5", 1234567.5),  # Indian grouping keeps its decimals (`Rs 12,34,567.50`)
    ("1,23,45,678", 12345678),  # a crore and more: several lakh groups
    (" 1,908 ", 1908),  # surrounding space is not part of the number
    ("Seven", 7),  # a sentence's first word is capitalised
    ("fifteen", 15),
]


@pytest.mark.parametrize("text,value", NUMBERS, ids=[n[0] for n in NUMBERS])
def test_parse_number(text: str, value: float) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["", "1,90", "abc", "1.2.3", "1234,567"])
def test_parse_number_rejects(text: str) -> None:
    with pytest.raises(ValueError):
        parse_number(text)


def test_tidy_removes_scaling_noise() -> None:
    assert tidy(8.1 * 1e6) == 8100000.0
    assert tidy(0.056) == 0.056
    assert json_number(2.0) == 2 and isinstance(json_number(2.0), int)
    assert json_number(1.5) == 1.5


def test_tidy_keeps_zero_and_twelve_significant_digits() -> None:
    """`a 0% tariff` is a figure too; tidying rounds noise only, never a reported digit."""
    assert tidy(0.0) == 0.0
    assert tidy(1234.56789) == 1234.56789
    assert tidy(12_345_678_901_234.0) == 12_345_678_901_234.0


# (text, value, value_max, unit, extra) — each row is a way metals reports write a figure.
QUANTITIES = [
    ("8.1mn tonnes", 8_100_000, None, "t", {}),  # Argus `mn`
    ("1.05mn t", 1_050_000, None, "t", {}),  # `mn t`
    ("¥3.9 trillion", 3.9e12, None, "JPY", {}),  # yen, never yuan
    ("$102.20/t", 102.2, None, "USD/t", {}),  # money per tonne
    ("17–20 tonnes", 17, 20, "t", {}),  # en-dash range
    ("40–50pc", 40, 50, "%", {}),  # `pc`
    ("5.2 million mt", 5_200_000, None, "t", {}),  # SMM metric tonnes
    ("RMB 89,000/t", 89_000, None, "CNY/t", {}),  # yuan per tonne
    ("US$6.50-8/kg", 6.5, 8, "USD/kg", {}),  # range, currency once
    ("56kg", 0.056, None, "t", {}),  # mass is always tonnes
    ("240MW", 240, None, "MW", {}),
    ("2GW", 2000, None, "MW", {}),  # GW → MW
    ("500MWh", 0.5, None, "GWh", {}),  # MWh → GWh
    ("25kt", 25_000, None, "t", {}),
    ("310 Mt", 3.1e8, None, "t", {}),  # capital M: million tonnes
    ("24,000 t/yr", 24_000, None, "t/yr", {}),
    ("€350 per tonne", 350, None, "EUR/t", {}),
    ("3.2 trillion won", 3.2e12, None, "KRW", {}),
    ("1.3 million passenger vehicles", 1_300_000, None, "units", {}),  # counted nouns
    ("0.7 percentage points", 0.7, None, "pp", {}),
    ("nearly 70pc", 70, None, "%", {"bound": "about"}),
    ("over one-third of exports", 33.3, None, "%", {"kind": "fraction", "bound": "over"}),
    ("imports doubled", 100, None, "%", {"kind": "multiplier"}),
    ("(−19%)", 19, None, "%", {"sign": -1}),  # minus sign in brackets
    ("$100m", 1e8, None, "USD", {}),  # `m` after money is million
    ("50,000 tonnes of copper annually", 50_000, None, "t", {"per_year": True}),
    ("$ 100 million", 1e8, None, "USD", {}),  # a space after a one-character symbol
    ("$5 bln", 5e9, None, "USD", {}),  # Reuters `bln`
    ("25 bps", 0.25, None, "pp", {}),  # basis points are hundredths of a point
    ("500kW", 0.5, None, "MW", {}),  # kW → MW
    ("2 TWh", 2000, None, "GWh", {}),  # TWh → GWh
    ("1.3 million EVs", 1_300_000, None, "units", {}),  # counted nouns in any case
    ("fifteen vessels", 15, None, "units", {}),  # a number word
    ("a 0% tariff", 0, None, "%", {}),  # zero is a figure
    ("two-thirds of exports", 66.7, None, "%", {"kind": "fraction"}),
    ("output halved", -50, None, "%", {"kind": "multiplier"}),  # halving is a fall
]


@pytest.mark.parametrize("text,value,value_max,unit,extra", QUANTITIES, ids=[q[0] for q in QUANTITIES])
def test_quantity(text: str, value: float, value_max: float | None, unit: str, extra: dict[str, object]) -> None:
    found = find_quantities(text)
    assert len(found) == 1, found
    q = found[0]
    assert q.value == pytest.approx(value) and q.unit == unit
    assert q.value_max == (pytest.approx(value_max) if value_max is not None else None)
    for name, want in extra.items():
        assert getattr(q, name) == want


@pytest.mark.parametrize(
    "text",
    [
        "On April 3, 2025",
        "the 12th straight month",
        "a 50:50 joint venture",
        "four-hour cycles",
        "by 2027–2028",
        "COVID-19",
        "seven consecutive months",
        "62% Fe fines",
        "Glencore won 3 contracts",  # `won` after a word is a verb, not Korean money
    ],
)
def test_not_quantities(text: str) -> None:
    assert find_quantities(text) == []


def test_bracketed_conversion_is_dropped() -> None:
    found = find_quantities("¥13.2 billion ($85 million), covering half of ¥28 billion")
    assert [q.value for q in found] == [13.2e9, 28e9]
