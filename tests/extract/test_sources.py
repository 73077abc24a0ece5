"""metalnomist.extract.sources: a credit covers the other figures of its own release, and only those."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from metalnomist.extract import extract_facts
from metalnomist.models import Block, Post

# (text, the source of each fact in order): why each credit reaches, or does not reach, a figure.
CREDITS = [
    # a figure-free credit frames the release whose figures follow it
    (
        "Data from the National Bureau of Statistics showed on Monday that steel output fell."
        " China's crude steel output fell 3% to 77.2 million tons in January.",
        ["NBS"],
    ),
    # a credit naming no commodity covers its series' figures that do name one
    (
        "U.S. mine production rose 5% in 2020, the USGS said. Domestic production of rare earths rose 36% in 2020.",
        ["USGS", "USGS"],
    ),
    # hearsay is nobody's release
    (
        "Platts assessed spodumene at $2,350/mt on Friday."
        " Market participants said a processing margin of Yuan 20,000/mt was still available.",
        ["Platts", None],
    ),
    # a credit for one metric family does not reach another family's figure
    (
        "WPIC said the platinum market deficit will be 848,000 ounces in 2025. Platinum demand is forecast to fall 4%"
        " in 2025.",
        ["WPIC", None],
    ),
    (
        "U.S. mines produced minerals worth $82.3 billion in 2020, the USGS said. Domestic production of rare-earth"
        " concentrates rose 36% in 2020.",
        ["USGS", None],
    ),
]


@pytest.mark.parametrize("text,sources", CREDITS, ids=[c[0][:40] for c in CREDITS])
def test_credits(text: str, sources: list[str | None]) -> None:
    post = Post(title="Market report", blocks=(Block("paragraph", text),), published=datetime(2024, 6, 15, tzinfo=UTC))
    assert [f.source for f in extract_facts(post)] == sources
