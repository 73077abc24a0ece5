"""A disputed figure is settled from its extremes: the same answer as comparing every report with every other."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from metalnomist.store.contradictions import Report, differ, widest


def _every_pair(reports: list[Report]) -> list[tuple[Report, Report]]:
    """The plain quadratic reading of the rule, as the oracle: pairs of different posts that differ."""
    return [(a, b) for i, a in enumerate(reports) for b in reports[i + 1:]
            if a.post_id != b.post_id and differ(a.value, b.value)]


def _settled(reports: list[Report]) -> tuple[Report, Report] | None:
    """What `settle` asks the index for, in its order (value, then post and id), then `widest`."""
    def order(report: Report) -> tuple[float, int, int]:
        return report.value, report.post_id, report.id

    low, high = min(reports, key=order), max(reports, key=order)
    others_high = others_low = None
    if low.post_id == high.post_id:
        others_high = max((r for r in reports if r.post_id != low.post_id), key=order, default=None)
        others_low = min((r for r in reports if r.post_id != high.post_id), key=order, default=None)
    return widest(low, high, others_high, others_low)


# Values close together (and equal, and zero, and of both signs) are where the extremes could mislead.
VALUES = st.sampled_from([0.0, 100.0, 100.5, 101.0, 101.01, 99.0, 98.99, -100.0, -101.5, 1e6, 1.01e6, 0.001, -0.001])


@given(st.lists(st.tuples(st.integers(1, 5), VALUES), min_size=1, max_size=20))
def test_a_figure_is_disputed_exactly_when_two_posts_differ_by_its_widest_pair(drawn: list[tuple[int, float]]) -> None:
    reports = [Report(number, post, value) for number, (post, value) in enumerate(drawn, 1)]
    pairs = _every_pair(reports)
    found = _settled(reports)
    assert (found is not None) == bool(pairs)
    if found is not None:
        low, high = found
        assert low.post_id != high.post_id and differ(low.value, high.value)
        assert high.value - low.value == max(abs(a.value - b.value) for a, b in pairs)


def test_reports_of_one_post_never_dispute_it() -> None:
    revised = [Report(1, 7, 100.0), Report(2, 7, 150.0)]
    assert _settled(revised) is None
    assert _settled([*revised, Report(3, 8, 101.0)]) == (Report(3, 8, 101.0), Report(2, 7, 150.0))


# (a, b, whether they differ): more than 1% of the larger magnitude apart, whatever the signs.
DIFFER_CASES = [
    (100.0, 101.0, False),  # exactly 1% of the larger: one figure rounded
    (100.0, 101.02, True),
    (-100.0, -100.5, False),  # negative figures (a net balance, a loss) weigh by magnitude, as positive ones
    (-100.0, -101.5, True),
    (-1.0, 1.0, True),  # opposite signs always differ
    (0.0, 0.0, False),
    (0.0, 0.001, True),
]


def test_reports_differ_by_more_than_the_tolerance_of_the_larger_magnitude() -> None:
    for a, b, apart in DIFFER_CASES:
        assert (differ(a, b), differ(b, a)) == (apart, apart), (a, b)
