"""Periods a dated post's relative words name: each case sits on a month or year boundary, where
an off-by-one day, a wrong sign or a skipped rule lands in the neighbouring period."""

from __future__ import annotations

from datetime import datetime

import pytest

from metalnomist.extract.periods import find_periods

# (text, published, period, use)
DATED = [
    ("sales next month", datetime(2025, 12, 10), "2026-01", "period"),  # into the next year
    ("output fell last month", datetime(2025, 1, 15), "2024-12", "period"),  # back into the last year
    ("output will rise next year", datetime(2025, 6, 1), "2026", "period"),
    ("prices rose on Thursday", datetime(2025, 5, 7, 12), "2025-05", "date"),  # a Wednesday: six days back, 1 May
    ("prices rose on Thursday", datetime(2025, 8, 1, 12), "2025-07", "date"),  # a Friday: the day before
    ("prices rose yesterday", datetime(2025, 3, 1, 12), "2025-02", "date"),
    ("prices rose yesterday", datetime(2025, 3, 2, 12), "2025-03", "date"),
    ("prices rose last week", datetime(2025, 4, 5, 12), "2025-03", "date"),  # seven days back
    ("prices rose last week", datetime(2025, 4, 8, 12), "2025-04", "date"),  # exactly seven: 1 April
    ("prices will rise next week", datetime(2025, 4, 28, 12), "2025-05", "date"),
    ("prices will rise next week", datetime(2025, 4, 23, 12), "2025-04", "date"),  # exactly seven: 30 April
    ("list prices for January shipments", datetime(2025, 12, 10), "2026-01", "period"),  # the coming January
    ("list prices for December shipments", datetime(2025, 12, 10), "2025-12", "period"),  # this month's
    ("output rose 5% from 2024", datetime(2025, 3, 1), "2024", "comparison"),  # a past year is a base
    ("to raise output by 500,000 t/yr from 2026", datetime(2025, 3, 1), "2026", "effect"),  # a later one, a start
    ("prices are up 40% from 2025's low", datetime(2025, 11, 20), "2025", "comparison"),  # the post's year: a base
    ("prices rose this week", datetime(2025, 4, 1, 12), "2025-04", "date"),  # the week of publication: no step back
    # a year-less quarter or half is the latest one that had begun by publication: from its first month
    ("output in Q2 rose", datetime(2025, 3, 31), "2024-Q2", "period"),
    ("output in Q2 rose", datetime(2025, 4, 1), "2025-Q2", "period"),
    ("output in H1 rose", datetime(2025, 1, 10), "2025-H1", "period"),
    ("output in H2 will rise", datetime(2025, 7, 2), "2025-H2", "period"),
    ("output in H2 rose", datetime(2025, 6, 30), "2024-H2", "period"),
]


@pytest.mark.parametrize(("text", "published", "period", "use"), DATED, ids=[f"{c[0]}@{c[1]:%Y-%m-%d}" for c in DATED])
def test_dated_relative_periods(text: str, published: datetime, period: str, use: str) -> None:
    assert [(p.period, p.use) for p in find_periods(text, published)] == [(period, use)]
