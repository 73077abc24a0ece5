"""Phenomena of the held-out sets met at stop 47 (set 61 on freight, then sets 62-63, scored before any rule was
written from them): one row per phenomenon the extractor got wrong, and guard rows for what the fixes must leave
alone."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.extract.cases import Case, F, check, row_id

# A ship's hire is money a day (`$23,418 per day`), never a price per tonne of what it carries.
PER_DAY = [
    Case("The P5TC average rose $1,105 over the week to $14,260 per day.",
         [F(value=1105, unit="USD/day"), F(value=14260, unit="USD/day")], title="Panamax rates",
         published=datetime(2025, 3, 7, tzinfo=UTC)),
    Case(("Capesize earnings averaged $23,418 a day in February.", "Kamsarmax hire was $15,500/day."),
         [F(value=23418, unit="USD/day", period="2025-02"), F(value=15500, unit="USD/day")],
         title="Capesize rates", published=datetime(2025, 3, 7, tzinfo=UTC)),
    # guard: a sum traded a day stays a sum
    Case("Trading volumes in copper futures averaged $4.2 billion a day in March.", [F(value=4.2e9, unit="USD")],
         title="Copper", published=datetime(2025, 4, 7, tzinfo=UTC)),
    # guard: a day that dates a move is no unit
    Case("Copper rose $95 a tonne on Monday and fell $40 a day later.",
         [F(value=95, unit="USD/t"), F(value=-40, unit="USD/t")], title="Copper",
         published=datetime(2025, 3, 7, tzinfo=UTC)),
]

ROWS = PER_DAY


@pytest.mark.parametrize("case", ROWS, ids=row_id)
def test_oos_61_63_case(case: Case) -> None:
    check(case)
