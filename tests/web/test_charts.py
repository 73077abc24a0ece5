"""The SVG chart's drawing rules that a browser test would only catch by eye."""

from __future__ import annotations

import pytest

from metalnomist.web.charts import CHAR_WIDTH, room_for


@pytest.mark.parametrize(("labels", "xs", "shown"), [
    (["Jan", "Feb", "Mar"], [50, 100, 150], [True, True, True]),  # far apart: all printed
    (["Jan", "Feb", "Mar"], [50, 60, 100], [True, False, True]),  # the crowded one waits for room
    (["1,234,567", "2,345,678"], [100, 100 + 9 * CHAR_WIDTH - 1], [True, False]),  # wide numbers need more
])
def test_labels_are_printed_only_where_they_clear_the_last_one(labels: list[str], xs: list[float],
                                                                shown: list[bool]) -> None:
    assert room_for(labels, xs) == shown
