"""The SVG chart's drawing rules that a browser test would only catch by eye."""

from __future__ import annotations

import pytest

from metalnomist.web.charts import CHAR_WIDTH, nice_scale, room_for


@pytest.mark.parametrize(("labels", "xs", "shown"), [
    (["Jan", "Feb", "Mar"], [50, 100, 150], [True, True, True]),  # far apart: all printed
    (["Jan", "Feb", "Mar"], [50, 60, 100], [True, False, True]),  # the crowded one waits for room
    (["1,234,567", "2,345,678"], [100, 100 + 9 * CHAR_WIDTH - 1], [True, False]),  # wide numbers need more
    (["Jan", "Feb"], [50, 50 + 3 * CHAR_WIDTH], [True, False]),  # touching labels read as one word: keep a gap
    (["Jan", "Feb"], [50, 50 + 3 * CHAR_WIDTH + 4], [True, True]),  # the gap is enough
])
def test_labels_are_printed_only_where_they_clear_the_last_one(labels: list[str], xs: list[float],
                                                                shown: list[bool]) -> None:
    assert room_for(labels, xs) == shown


@pytest.mark.parametrize(("values", "ticks"), [
    ([4325, 5072, 6429], [0, 2000, 4000, 6000, 8000]),  # the EV sales: from zero, steps of 2 × 10^k
    ([0, 5000], [0, 1000, 2000, 3000, 4000, 5000]),  # a step of exactly 1 × 10^k is round enough
    ([-3, 7], [-4, -2, 0, 2, 4, 6, 8]),  # across zero: ticks on both sides
    ([-12, -3], [-15, -10, -5, 0]),  # all below zero: up to zero
    ([5, 5], [0, 1, 2, 3, 4, 5]),  # one value: still a scale from zero
])
def test_value_ticks_are_round_and_cover_the_values_from_zero(values: list[float], ticks: list[float]) -> None:
    scale = nice_scale(values)
    assert list(scale.ticks) == ticks and (scale.low, scale.high) == (ticks[0], ticks[-1])
