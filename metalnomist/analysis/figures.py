"""Numbers and facts in words, as the articles write them: `8.1mn t`, `−28.7% y/y`, `1,908`.

The one number formatter of the package: charts, tables and fact readings all use it, and what
it writes below a million `extract.numbers.parse_number` reads back (a test checks).
"""

from __future__ import annotations

from metalnomist.analysis.periods import period_text
from metalnomist.models import Fact

_SCALES = ((1e12, "tn"), (1e9, "bn"), (1e6, "mn"))


def format_number(value: float) -> str:
    """Thousands separators, no trailing zeros; millions and up shortened as the articles write them."""
    for size, suffix in _SCALES:
        if abs(value) >= size:
            return f"{value / size:,.3f}".rstrip("0").rstrip(".") + suffix
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.4f}".rstrip("0").rstrip(".")


def format_quantity(value: float | None, unit: str | None, value_max: float | None = None) -> str:
    if value is None:
        return ""
    number = format_number(value) + (f"–{format_number(value_max)}" if value_max is not None else "")
    if not unit:
        return number
    return number + unit if unit == "%" else f"{number} {unit}"


def format_pct(change: float | None) -> str:
    """A signed relative change with a true minus sign: `−28.7%`."""
    if change is None:
        return ""
    sign = "+" if change > 0 else "−" if change < 0 else "±"
    return f"{sign}{format_number(abs(change))}%"


def format_change(fact: Fact) -> str:
    """`−28.7% y/y`, or the change in percentage points, or nothing."""
    if fact.change_pct is not None:
        text = format_pct(fact.change_pct)
    elif fact.change_pp is not None:
        sign = "+" if fact.change_pp > 0 else "−" if fact.change_pp < 0 else "±"
        text = f"{sign}{format_number(abs(fact.change_pp))} pp"
    else:
        return ""
    return f"{text} {fact.change_basis}" if fact.change_basis else text


def describe(fact: Fact) -> str:
    """The parsed reading of a fact in one line, as a reader checks it against the sentence."""
    parts = [format_quantity(fact.value, fact.unit, fact.value_max), format_change(fact),
             fact.metric.replace("_", " "), fact.commodity or "", fact.country or "",
             f"partner {fact.partner}" if fact.partner else "", fact.company or "", period_text(fact.period),
             "forecast" if fact.forecast else ""]
    return " · ".join(p for p in parts if p)

