"""What readers browse (metalnomist/browse.py) beyond the pages' own tests: the labels offered beside a
search that found nothing, as a case table."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from metalnomist.browse import similar_labels

CLOUD = [("Iron Ore", 1), ("JAIA", 2), ("JISF", 2), ("Lithium Mining Australia", 1), ("Nickel", 3)]


@dataclass(frozen=True)
class Case:
    text: str
    offered: list[str]


CASES = [
    Case("nickle", ["Nickel"]),  # a misspelling: close to the whole name
    Case("  NICKEL ", ["Nickel"]),  # case and surrounding spaces do not matter
    Case("lithium", ["Lithium Mining Australia"]),  # one word of a long label: too unlike all of it, but inside it
    Case("ore", ["Iron Ore"]),  # as above, for a word shorter than the name by more than half
    Case("JAIA-JISF", ["JISF", "JAIA"]),  # labels inside the query (equally close: difflib orders them)
    Case("rhenium", []),  # like nothing
    Case("   ", []),  # no words: nothing to resemble
]


@pytest.mark.parametrize("case", CASES, ids=[c.text for c in CASES])
def test_labels_offered_for_a_search_that_found_nothing(case: Case) -> None:
    assert similar_labels(CLOUD, case.text) == case.offered


def test_at_most_eight_labels_are_offered() -> None:
    """A short query is inside many names: the offer stays a short list."""
    cloud = [(f"Copper grade {n}", 1) for n in range(12)]
    offered = similar_labels(cloud, "copper")
    assert len(offered) == len(set(offered)) == 8 and set(offered) <= {name for name, _ in cloud}
