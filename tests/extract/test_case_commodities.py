"""Commodities as the sentence narrows them (spec: `commodity`), grouped by where the wording comes from."""

from __future__ import annotations

import pytest

from tests.extract.cases import Case, F, check, row_id

# Wire copy explains a product in an appositive; the figure is the product's, not the explanation's.
APPOSITIVES = [
    Case(
        "Shipments of zinc concentrate, or partly refined zinc ore, reached 410,000 tonnes in May.",
        [F(value=410000, commodity="zinc concentrate")],
    ),
    Case(
        "Exports of alumina, the feedstock for aluminium smelters, rose 12% to 1.1 million tonnes.",
        [F(value=1.1e6, commodity="alumina")],
    ),
    # a second clause naming another metal is no appositive
    Case(
        "Copper output rose 3% to 80,000 tonnes, and the zinc output fell 2% to 30,000 tonnes.",
        [F(value=80000, commodity="copper"), F(value=30000, commodity="zinc")],
    ),
]

# Scrap trade reports (SteelOrbis, Argus): a grade keeps the mix and ratio the text writes.
SCRAP_GRADES = [
    Case(
        "A cargo of 30,000 mt of HMS 1&2 (80:20) was booked at $380/mt CFR.",
        [F(value=30000, commodity="hms 1&2 80:20 scrap"), F(value=380, commodity="hms 1&2 80:20 scrap")],
    ),
    Case(
        "Turkish mills bought 12,000 t of shredded and 8,000 t of HMS I/II 75:25 in May.",
        [F(value=12000, commodity="shredded scrap"), F(value=8000, commodity="hms i/ii 75:25 scrap")],
    ),
]

# Mine reports: an ore grade is of the metal written right after it.
GRADES = [
    Case(
        "The mill treated ore grading 5.1% zinc and 2.2% lead.",
        [F(value=5.1, commodity="zinc"), F(value=2.2, commodity="lead")],
    ),
]


@pytest.mark.parametrize("case", APPOSITIVES + SCRAP_GRADES + GRADES, ids=row_id)
def test_commodity_case(case: Case) -> None:
    check(case)
