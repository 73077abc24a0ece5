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
    # the tonnage milled is of the ore itself, whatever metals it carries
    Case(
        "The mill processed 1.13 million tonnes of ore averaging 15.2% zinc in the first quarter.",
        [F(value=1.13e6, commodity="ore"), F(value=15.2, commodity="zinc")],
    ),
    Case(
        "The company mined 2 million tonnes of copper ore in 2023.",
        [F(value=2e6, commodity="copper ore")],
    ),
]

# Customs categories (China's General Administration of Customs): a metal "and products" is one
# heading, the metal with its semi-finished goods, not every good traded.
CUSTOMS = [
    Case(
        "Arrivals of unwrought copper and products totalled 552,317 tonnes last month.",
        [F(value=552317, commodity="unwrought copper and products")],
    ),
    Case(
        "Exports of steel and products rose to 5 million tonnes in March.",
        [F(value=5e6, commodity="steel and products")],
    ),
    Case(
        "Exports of goods and products rose 5% in March.",
        [F(change_pct=5, commodity=None)],
    ),
]

# A compound written with a hyphen before the noun it qualifies names the same goods (as written,
# like every commodity a suffix narrows).
HYPHENATED = [
    Case(
        "Output of rare-earth concentrates rose to 10,000 tonnes in 2020.",
        [F(value=10000, commodity="rare-earth concentrate")],
    ),
]


# Company results (Nikkei, Yonhap): a company's profit is of no metal its sentence does not name (what it
# invests in a project is that project's: the seed's SMM nickel matte).
COMPANY_SUMS = [
    Case(("POSCO's crude steel output fell 3.1% to 35.6 million tonnes.",
          "POSCO's net profit fell 32% to 1.1 trillion won."),
         [F(value=35.6e6, commodity="crude steel"), F(value=1.1e12, commodity=None)]),
    Case(("POSCO's crude steel output fell 3.1% to 35.6 million tonnes.",
          "POSCO's operating profit from steel fell to 1.4 trillion won."),
         [F(value=35.6e6), F(value=1.4e12, commodity="steel")]),
]


@pytest.mark.parametrize("case", APPOSITIVES + SCRAP_GRADES + GRADES + CUSTOMS + HYPHENATED + COMPANY_SUMS, ids=row_id)
def test_commodity_case(case: Case) -> None:
    check(case)
