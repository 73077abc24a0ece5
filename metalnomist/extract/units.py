"""Units, scales and currencies as data tables, compiled into the regexes `quantities` uses."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from metalnomist.extract.vocab import read_table

# Case matters for these: `Mt` is a million tonnes, `mt` a metric tonne.
_CASE_SENSITIVE_UNITS = frozenset(
    {"Mt", "MMT|mmt", "Mtpa", "TMF|tmf", "tU", "mt ?V", "Moz", "Mlbs?", "MW", "GW", "kW", "GWh", "MWh", "kWh", "TWh"}
)


# The Philippine peso's `P` names only a sum in millions or more (`P36.2 billion`): `P5TC` is a freight index.
_SUMS_ONLY = frozenset({"P"})
_SUM_AHEAD = r"(?=\d[\d.,]*\s?(?:billion|million|trillion|bn|mn)\b)"


@dataclass(frozen=True)
class UnitTables:
    unit_re: re.Pattern[str]
    units: tuple[tuple[re.Pattern[str], str, float], ...]
    scale_re: re.Pattern[str]
    scales: dict[str, float]
    currency_prefix_re: re.Pattern[str]
    currency_prefix_chars: int  # the longest: how far before its number a priced figure may start
    currency_suffix_re: re.Pattern[str]
    currencies: dict[str, tuple[str, float]]  # written form → (ISO code, the fraction of that currency it is)
    counted_re: re.Pattern[str]


def _flags(pattern: str) -> int:
    return 0 if pattern in _CASE_SENSITIVE_UNITS else re.IGNORECASE


@lru_cache(maxsize=1)
def tables() -> UnitTables:
    unit_rows = read_table("units.tsv")
    units = tuple((re.compile(rf"^(?:{row[0]})$", _flags(row[0])), row[1], float(row[2])) for row in unit_rows)
    unit_alts = "|".join(
        (f"(?-i:{row[0]})" if row[0] in _CASE_SENSITIVE_UNITS else f"(?:{row[0]})")
        for row in sorted(unit_rows, key=lambda r: -len(r[0]))
    )
    scales = {row[0]: float(row[1]) for row in read_table("scales.tsv")}
    scale_alts = "|".join(sorted(scales, key=len, reverse=True))
    currency_rows = [(row[0], row[1], 1.0) for row in read_table("currencies.tsv")]
    subunit_rows = [(row[0], row[1], float(row[2])) for row in read_table("currency_subunits.tsv")]
    currencies = {written.lower(): (code, fraction) for written, code, fraction in currency_rows + subunit_rows}
    written = sorted((row[0] for row in currency_rows), key=len, reverse=True)
    subunits = sorted((row[0] for row in subunit_rows), key=len, reverse=True)
    prefixes = [w for w in subunits + written if not w.islower() and w != "¢"]
    prefix_alts = "|".join(
        re.escape(w) + (_SUM_AHEAD if w in _SUMS_ONLY else "(?=\\d)" if len(w) == 1 and w.isalpha() else "")
        for w in prefixes  # `R60 billion`, never `R 60`
    )
    words = [w for w in written if w.replace(" ", "").replace(".", "").isalpha()]
    suffix_alts = "|".join(re.escape(w) for w in subunits + words)
    counted = "|".join(r[0] for r in read_table("counted.tsv"))
    return UnitTables(
        unit_re=re.compile(rf"(?i:{unit_alts})(?![A-Za-z])"),
        units=units,
        scale_re=re.compile(rf"(?i:{scale_alts})\b"),
        scales=scales,
        currency_prefix_re=re.compile(rf"(?:{prefix_alts})"),
        currency_prefix_chars=max(map(len, prefixes)),
        currency_suffix_re=re.compile(rf"(?:{suffix_alts})(?!\w)"),  # `445¢/lb`: no word boundary after ¢
        currencies=currencies,
        counted_re=re.compile(rf"(?:{counted})\b", re.IGNORECASE),
    )


def canonical_unit(written: str) -> tuple[str, float]:
    """(`mn t`) → (`t`, 1e6); unknown units raise KeyError."""
    compact = written.strip()
    for pattern, unit, factor in tables().units:
        if pattern.match(compact):
            return unit, factor
    raise KeyError(written)


def currency(written: str) -> tuple[str, float]:
    """(`cents`) → (`USD`, 0.01): the ISO code, and what one of the written unit is worth in it."""
    return tables().currencies[written.strip().lower()]


def scale_factor(word: str) -> float:
    return tables().scales[word.lower()]


def is_money_sum(unit: str | None) -> bool:
    """`USD`, `JPY`: an amount of money, not a price per something (`USD/t`)."""
    return unit is not None and unit[:3].isupper() and "/" not in unit
