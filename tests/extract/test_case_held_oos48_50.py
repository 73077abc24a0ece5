"""Phenomena of the held-out sets met at stop 44 (sets 28-47 read again; sets 48-50 scored before any rule was
written from them): one row per phenomenon the extractor got wrong, and guard rows for what the fixes must leave
alone."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.extract.cases import Case, F, check, row_id

# Bare sums listed after as many prices in their currency are those prices' bases, in order.
LISTED_BASES = [
    Case("The 2025 benchmark charges were set at $21.25 per tonne and 2.125 cents per pound, down from $80 and 8 cents "
         "for 2024.",
         [F(value=21.25, unit="USD/t"), F(value=0.02125, unit="USD/lb"), F(value=80, unit="USD/t", period="2024"),
          F(value=0.08, unit="USD/lb", period="2024")],
         title="Japan's copper smelters", published=datetime(2025, 1, 10, tzinfo=UTC)),
    # guard: one base after two prices is the nearer price's
    Case("Spot TCs were $21.25 per tonne and 2.125 cents per pound, down from 8 cents a year earlier.",
         [F(value=21.25, unit="USD/t"), F(value=0.02125, unit="USD/lb"), F(value=0.08, unit="USD/lb")],
         title="Copper concentrate", published=datetime(2025, 1, 10, tzinfo=UTC)),
]

# A premium `over the LME price` is the buying market's: the exchange is what it is measured against, not its market.
OVER_AN_EXCHANGE = [
    Case("The US Midwest aluminium premium, the surcharge buyers pay over the London Metal Exchange price, climbed to "
         "a record $1,410 a tonne in July.",
         [F(value=1410, country="United States")], title="Aluminium premiums",
         published=datetime(2025, 8, 1, tzinfo=UTC)),
    # guards: a price on the exchange is the international market's, and so is one exchange's over another's
    Case("LME aluminium rose 0.8% to $2,702 a ton, the highest since March.", [F(value=2702, country=None)],
         title="Base metals", published=datetime(2025, 8, 1, tzinfo=UTC)),
    Case("The premium of COMEX copper over the LME contract widened to $1,020 a tonne.",
         [F(value=1020, country=None)], title="Base metals", published=datetime(2025, 8, 1, tzinfo=UTC)),
]

ROWS = LISTED_BASES + OVER_AN_EXCHANGE


@pytest.mark.parametrize("case", ROWS, ids=row_id)
def test_oos_48_50_case(case: Case) -> None:
    check(case)
