"""Phenomena of the held-out sets met at stop 46 (sets 58-59, scrap and minor metals, scored before any rule was
written from them): one row per phenomenon the extractor got wrong, and guard rows for what the fixes must leave
alone."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.extract.cases import Case, F, check, row_id

# A base bracketed after the words that date it (`up 119% from a year earlier (273 tons)`) is of the year before; a
# change `below December's 1.52 million tonnes` is the level's, measured against December's figure.
BASES = [
    Case("In the second quarter, MP produced 597 metric tons of NdPr oxide, up 119% from a year earlier (273 tons), "
         "the company said.",
         [F(value=597, change_pct=119, period="2025-Q2"), F(value=273, change_pct=None, period="2024-Q2")],
         title="MP Materials second-quarter output", published=datetime(2025, 7, 20, tzinfo=UTC)),
    Case("In January, extra-EU exports totalled 1.38 million tonnes, down 12% year on year and 9% below December's "
         "1.52 million tonnes.",
         [F(value=1.38e6, change_pct=-12, period="2025-01"), F(value=None, change_pct=-9, period="2025-01"),
          F(value=1.52e6, change_pct=None, period="2024-12")],
         title="EU scrap exports", published=datetime(2025, 3, 20, tzinfo=UTC)),
    # guard: a bracket after a figure of the period reported stays in that period
    Case("In the second quarter, MP produced 597 metric tons of NdPr oxide (up 119%), the company said.",
         [F(value=597, change_pct=119, period="2025-Q2")],
         title="MP Materials second-quarter output", published=datetime(2025, 7, 20, tzinfo=UTC)),
]

ROWS = BASES


@pytest.mark.parametrize("case", ROWS, ids=row_id)
def test_oos_58_59_case(case: Case) -> None:
    check(case)
