"""Numbers as reporters write them: digits with thousands separators, words, fractions.

`parse_number` reads back what `analysis.figures.format_number` writes below a million, which
the property tests check.
"""

from __future__ import annotations

import math
import re

WORD_NUMBERS: dict[str, float] = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "hundred": 100,
    "half a": 0.5,  # `half a million tonnes`, `half a percentage point`
    "a million": 1e6,  # `a million tonnes a year`
    "a billion": 1e9,
    "a": 1,
    "an": 1,
}
# Verbal fractions read as percentages of a total (`over one-third of exports` → 33.3%).
FRACTIONS: dict[str, float] = {
    "one-third": 33.3,
    "a third": 33.3,
    "two-thirds": 66.7,
    "one-quarter": 25.0,
    "a quarter": 25.0,
    "three-quarters": 75.0,
    "one-fifth": 20.0,
    "a fifth": 20.0,
    "one-tenth": 10.0,
    "a tenth": 10.0,
    "half": 50.0,  # `about half of the country's exports`; never a period's half (see quantities._FRACTION_RE)
}
# Verbal multipliers are relative changes (`doubled` → +100%).
MULTIPLIERS: dict[str, float] = {
    "doubled": 100,
    "doubling": 100,
    "doubles": 100,
    "double": 100,
    "twice": 100,
    "tripled": 200,
    "tripling": 200,
    "triples": 200,
    "triple": 200,
    "three times": 200,
    "quadrupled": 300,
    "quadrupling": 300,
    "quadruples": 300,
    "quadruple": 300,
    **{  # `fivefold`, `five-fold`: n times as much is a rise of (n - 1) × 100%
        f"{word}{dash}fold": 100 * (n - 1)
        for n, word in enumerate(("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"), start=2)
        for dash in ("", "-")
    },
    "halve": -50,
    "halved": -50,
    "halving": -50,
    "halves": -50,
}

# `1,908`, `8.1`, Indian grouping by lakhs and crores (`12,34,567`), and thousands set apart by spaces as the SI and
# South African style writes them (`178 000`, `$9 650`), never a run of figures (`2024 100 t`)
_SPACED = r"(?<![\d,.])\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+(?![\d,]|[ \u00a0\u2009\u202f]\d)(?:\.\d+)?"
DIGITS = rf"\d{{1,2}}(?:,\d\d)+,\d{{3}}(?:\.\d+)?|\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|{_SPACED}|\d+(?:\.\d+)?|\.\d+"
_GROUPING = str.maketrans("", "", ", \u00a0\u2009\u202f")
_NUMBER = re.compile(rf"^(?:{DIGITS})$")


def parse_number(text: str) -> float:
    """`1,908` → 1908.0, `8.1` → 8.1, `seven` → 7.0; raises ValueError otherwise."""
    cleaned = text.strip().lower()
    if cleaned in WORD_NUMBERS:
        return float(WORD_NUMBERS[cleaned])
    if not _NUMBER.match(cleaned):
        raise ValueError(f"not a number: {text!r}")
    return float(cleaned.translate(_GROUPING))


def tidy(value: float) -> float:
    """Round away binary noise from scaling (`8.1 * 1e6` → 8100000.0)."""
    if value == 0:
        return 0.0
    digits = 12 - int(math.floor(math.log10(abs(value))))
    return round(value, max(digits, 0))


def json_number(value: float | None) -> float | int | None:
    """Integral values are written as integers (`2.0%` → 2), as the gold file does."""
    if value is None:
        return None
    return int(value) if float(value).is_integer() and abs(value) < 1e18 else value
