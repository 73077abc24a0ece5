"""The pairs a series group forms: the same as comparing every fact with every other, however found."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from metalnomist.store.contradictions import TOLERANCE, _Member, _pairs


def _every_pair(group: list[_Member], changed: set[int] | None) -> set[tuple[int, int]]:
    """The plain quadratic reading of the rule, as the oracle."""
    found = set()
    for i, a in enumerate(group):
        for b in group[i + 1:]:
            touched = changed is None or a.post_id in changed or b.post_id in changed
            apart = abs(a.value - b.value) > TOLERANCE * max(abs(a.value), abs(b.value))
            if touched and a.post_id != b.post_id and apart:
                found.add((a.id, b.id))
    return found


# Values close together (and equal, and zero, and negative) are where a window could go wrong.
VALUES = st.sampled_from([0.0, 100.0, 100.5, 101.0, 101.01, 99.0, 98.99, -100.0, -101.5, 1e6, 1.01e6, 0.001])


@given(st.lists(st.tuples(st.integers(1, 6), VALUES), max_size=25), st.one_of(st.none(), st.sets(st.integers(1, 6))))
def test_pairs_are_those_of_every_comparison(facts: list[tuple[int, float]], changed: set[int] | None) -> None:
    ordered = sorted(facts)  # the store reads a group in post order
    group = [_Member(id, post, value, "copper", "price", "2024-03") for id, (post, value) in enumerate(ordered, 1)]
    rows = list(_pairs(group, changed))
    found = [(row["first_fact_id"], row["second_fact_id"]) for row in rows]
    assert len(found) == len(set(found)), "a pair stored twice"
    assert set(found) == _every_pair(group, changed)


def test_a_series_of_equal_figures_forms_no_pair_and_one_odd_value_pairs_with_each() -> None:
    group = [_Member(post, post, 5072.0, "nickel", "price", "2024-03") for post in range(1, 2001)]
    assert list(_pairs(group, {2000})) == []
    odd = [*group, _Member(2001, 2001, 50.72, "nickel", "price", "2024-03")]
    pairs = list(_pairs(odd, {2001}))
    assert len(pairs) == 2000
    assert {pair["second_fact_id"] for pair in pairs} == {2001}
