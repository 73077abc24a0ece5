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


@pytest.mark.parametrize("case", APPOSITIVES, ids=row_id)
def test_commodity_case(case: Case) -> None:
    check(case)
