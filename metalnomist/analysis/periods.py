"""Period labels (facts.md) as the time they cover: order, length and a reader's wording.

Periods are ordered by the time they cover, not by their labels, because `--03`, `2024-Q2` and
`FY2024` do not sort as strings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from metalnomist.months import SHORT_MONTHS

_YEAR = re.compile(r"(\d{4})")
_MONTH = re.compile(r"(\d{4})-(\d{2})")
_BARE_MONTH = re.compile(r"--(\d{2})")
_QUARTER = re.compile(r"(\d{4})-Q([1-4])")
_HALF = re.compile(r"(\d{4})-H([12])")
_FISCAL = re.compile(r"FY(\d{4})")
_GRAINS = {1: "month", 3: "quarter", 6: "half", 12: "year"}


@dataclass(frozen=True)
class Span:
    """The months a period covers, as month ordinals (year × 12 + month − 1).

    `year_known` is False for `--03`-style periods read without a publication year: their
    ordinals then count months from year 0, which orders them by month number among themselves.
    """

    start: int
    end: int
    year_known: bool = True

    @property
    def middle(self) -> float:
        return (self.start + self.end) / 2


def _one(label: str, year: int | None) -> tuple[int, int, bool] | None:
    """(first ordinal, last ordinal, year known) for a period that is not a range."""
    if m := _BARE_MONTH.fullmatch(label):
        month = int(m[1])
        if not 1 <= month <= 12:
            return None
        base = (year or 0) * 12 + month - 1
        return base, base, year is not None
    if m := _MONTH.fullmatch(label):
        base = int(m[1]) * 12 + int(m[2]) - 1
        return (base, base, True) if 1 <= int(m[2]) <= 12 else None
    if m := _QUARTER.fullmatch(label):
        base = int(m[1]) * 12 + 3 * (int(m[2]) - 1)
        return base, base + 2, True
    if m := _HALF.fullmatch(label):
        base = int(m[1]) * 12 + 6 * (int(m[2]) - 1)
        return base, base + 5, True
    if m := _FISCAL.fullmatch(label):  # an April–March year named by its start year
        base = int(m[1]) * 12 + 3
        return base, base + 11, True
    if m := _YEAR.fullmatch(label):
        return int(m[1]) * 12, int(m[1]) * 12 + 11, True
    return None


@lru_cache(maxsize=4096)  # a series page parses each of a few hundred labels several times
def parse_period(label: str | None, year: int | None = None) -> Span | None:
    """The span of a facts.md period; `year` places year-less months (the post's publication year).

    None for labels outside the spec's formats, which then sort after every dated point.
    """
    if not label:
        return None
    first_label, _, last_label = label.partition("/")
    first = _one(first_label, year)
    last = _one(last_label, year) if last_label else first
    if first is None or last is None:
        return None
    end = last[1]
    if end < first[0] and not last[2]:  # `--11/--02` runs into the next year
        end += 12
    return Span(first[0], end, first[2] and last[2])


def period_sort_key(label: str | None, year: int | None = None) -> tuple[int, int, int, str]:
    span = parse_period(label, year)
    if span is None:
        return (1, 0, 0, label or "")
    return (0, span.start, span.end, label or "")


def period_short(label: str | None) -> str:
    """An axis tick: `Jul` for a year-less month, `Mar 2024`, `Q3 2024`, `Jun–Dec 2024`."""
    return period_text(label).split(" (")[0]


def _month_words(label: str) -> tuple[str, str | None] | None:
    """(`Jun`, `2024`) for `2024-06`, (`Jun`, None) for `--06`."""
    if (m := _MONTH.fullmatch(label)) and 1 <= int(m[2]) <= 12:
        return SHORT_MONTHS[int(m[2]) - 1], m[1]
    if (m := _BARE_MONTH.fullmatch(label)) and 1 <= int(m[1]) <= 12:
        return SHORT_MONTHS[int(m[1]) - 1], None
    return None


def _range_text(first: str, last: str) -> str | None:
    """`Jun–Dec 2024`, `Oct 2024–Mar 2025`, `Apr–Jun (year not stated)`, `2022–2024`."""
    a, b = _month_words(first), _month_words(last)
    if a and b:
        if a[1] == b[1]:
            return f"{a[0]}–{b[0]} {a[1]}" if a[1] else f"{a[0]}–{b[0]} (year not stated)"
        if a[1] and b[1]:
            return f"{a[0]} {a[1]}–{b[0]} {b[1]}"
    if _YEAR.fullmatch(first) and _YEAR.fullmatch(last):
        return f"{first}–{last}"
    return None


def period_text(label: str | None) -> str:
    """A reader's wording of a period label: `--03` → `Mar (year not stated)`, `2024-03` → `Mar 2024`."""
    if not label:
        return ""
    if m := _BARE_MONTH.fullmatch(label):
        if 1 <= int(m[1]) <= 12:
            return f"{SHORT_MONTHS[int(m[1]) - 1]} (year not stated)"
    if m := _MONTH.fullmatch(label):
        if 1 <= int(m[2]) <= 12:
            return f"{SHORT_MONTHS[int(m[2]) - 1]} {m[1]}"
    if m := _FISCAL.fullmatch(label):
        return f"FY{m[1]} (Apr {m[1]}–Mar {int(m[1]) + 1})"
    if m := _QUARTER.fullmatch(label):
        return f"Q{m[2]} {m[1]}"
    if m := _HALF.fullmatch(label):
        return f"H{m[2]} {m[1]}"
    first, _, last = label.partition("/")
    return (_range_text(first, last) if last else None) or label


def period_grain(label: str | None) -> str | None:
    """How long a period is: `month`, `quarter`, `half`, `year` (a fiscal year too), else `7 months`, `3 years`.

    A monthly figure and an annual one measure different things: a line joining them would
    fall from 12 t a year to 1 t a month as if the market had collapsed."""
    span = parse_period(label)
    if span is None:
        return None
    months = span.end - span.start + 1
    if months in _GRAINS:
        return _GRAINS[months]
    return f"{months // 12} years" if months % 12 == 0 else f"{months} months"
