"""Which series a figure is: metric by rule, rows grouped by where the wording comes from."""

from __future__ import annotations

import pytest

from tests.extract.cases import Case, F, check, row_id

# Who ships: a country's outflow is `exports`, a producer's own deliveries are `shipments`.
SHIPPERS = [
    # an outlet that reports a country's exports does not make them its own shipments
    Case(
        "Economic Daily reported that Peru's exports of zinc concentrate reached 1.4 million tonnes in 2023.",
        [F(value=1.4e6, metric="exports", country="Peru")],
    ),
    Case("Peru shipped 210,000 tonnes of zinc concentrate in May.", [F(value=210000, metric="exports")]),
    Case(
        "Fortescue shipped 47.7mn t of iron ore in the quarter.",
        [F(value=4.77e7, metric="shipments", company="Fortescue")],
    ),
    Case("Vale exported 25mn t of iron ore in April.", [F(value=2.5e7, metric="shipments", company="Vale")]),
    # results news: `the steel giant` and a following `It` are the company the headline names
    Case(
        (
            "Europe's largest steelmaker expects a stronger second half.",
            "The steel giant said it exported 14mn t of steel in the quarter. It kept its 2024 guidance at 60mn t.",
        ),
        [
            F(value=1.4e7, metric="shipments", company="ArcelorMittal"),
            F(value=6e7, metric="shipments", company="ArcelorMittal"),
        ],
        title="ArcelorMittal output steady",
    ),
]

# World market reports (WGC, WPIC, Silver Institute): purchases with no country are demand;
# deficits and total supply are the market's balance (`other`).
MARKET_BALANCE = [
    Case(
        "Investor purchases reached 320 tons of gold in the quarter.",
        [F(value=320, metric="demand", country=None)],
        title="Gold market update",
    ),
    Case("The silver market deficit is forecast at 4,300 tonnes.", [F(value=4300, metric="other")]),
    Case("Total supply of palladium fell 3% to 290 tonnes.", [F(value=290, metric="other")]),
    # the WGC reports demand in money as well as in tonnes
    Case("Demand for gold reached a record $146bn in the third quarter.", [F(value=1.46e11, metric="demand")]),
    # what central banks and funds buy is demand, what they hold a stock; a central bank's trade data stay trade
    Case("The Central Bank of the Republic of Turkey bought 3 tonnes, bringing its gold holdings to 588 tonnes.",
         [F(value=3, metric="demand"), F(value=588, metric="inventory")]),
    Case("Global gold ETFs attracted 170 tonnes of inflows in April-June.", [F(value=170, metric="demand")]),
    Case("Its total gold holdings reached 879 tonnes at the end of January.", [F(value=879, metric="inventory")],
         title="Central bank gold"),
    Case("The mine's proven copper reserves stood at 20 million tonnes.", [F(value=2e7, metric="other")],
         title="Copper miner"),
    # what users `used` is consumption
    Case("Solar panel makers used 6,140 tonnes of silver in 2024.", [F(value=6140, metric="consumption")]),
    Case("Chile's copper exports rose 9.4% in July to $4.71 billion, central bank data showed.",
         [F(value=4.71e9, metric="exports")]),
]

# Percent levels that are no share of a total: progress, utilisation, ore grades.
PERCENT_LEVELS = [
    Case("The smelter expansion reached 72% completion in June.", [F(value=72, unit="%", metric="other")]),
    Case("Mill utilisation rose to 91% in the quarter.", [F(value=91, unit="%", metric="other")]),
    Case("The mine treated ore averaging 9.8% zinc.", [F(value=9.8, unit="%", metric="other")]),
    # a share stays a share
    Case("Chile accounted for 28% of Japan's copper ore imports.", [F(value=28, metric="market_share")]),
    Case("China accounted for 83% of global smelting capacity in 2024.", [F(value=83, metric="market_share")]),
    Case("China supplies 98% of the world's gallium.", [F(value=98, metric="market_share")]),
    # mills running at part of their capacity; a payable is a price; a purity names the product
    Case("US mills ran at 77.4% of capacity last week.", [F(value=77.4, metric="other")]),
    Case("Payables for cobalt hydroxide rose to 95-97% in June.", [F(value=95, value_max=97, metric="price")]),
    Case("Germanium 99.999% was assessed at $2,850 per kg.", [F(value=2850, unit="USD/kg")]),
]

# Trade-defence news (Reuters, Economic Times): a duty rate split from its noun by an aside is a tariff.
DUTIES = [
    Case(
        "Brussels may impose an anti-dumping duty - a provisional levy - of up to 30% on Chinese steel.",
        [F(value=30, unit="%", metric="tariff")],
    ),
    Case(
        "Ottawa set a duty, effective in July, of 25 per cent on steel from China.",
        [F(value=25, unit="%", metric="tariff")],
    ),
]

# Exchange wraps (Reuters metals): a bare amount quoted on an exchange is a price per tonne, and each
# clause's figure is its own metal's, with `dipped` a fall like `fell`.
EXCHANGE_WRAPS = [
    Case(
        "LME zinc slipped 0.3% to $2,750 and aluminium dipped 0.2% to $2,480.",
        [
            F(value=2750, unit="USD/t", metric="price", commodity="zinc", change_pct=-0.3),
            F(value=2480, unit="USD/t", metric="price", commodity="aluminium", change_pct=-0.2),
        ],
    ),
]

# Scrap and ore deal reports (SteelOrbis, Platts): a cargo's tonnage is no price; bought delivered into
# the report's country it is that country's imports, sold at a mine's port or auction a sale.
CARGOES = [
    Case(
        "A cargo of 30,000 mt of HMS 1&2 80:20 was booked at $380/mt CFR by an Indian mill.",
        [F(value=30000, unit="t", metric="imports"), F(value=380, unit="USD/t", metric="price")],
        title="India scrap prices",
    ),
    Case(
        "The miner auctioned a 20,000-mt cargo of spodumene at $1,100/dmt FOB Port Hedland.",
        [F(value=20000, unit="t", metric="sales"), F(value=1100, unit="USD/t", metric="price")],
        title="Spodumene prices",
    ),
]


@pytest.mark.parametrize(
    "case", SHIPPERS + MARKET_BALANCE + PERCENT_LEVELS + DUTIES + EXCHANGE_WRAPS + CARGOES, ids=row_id
)
def test_metric_case(case: Case) -> None:
    check(case)
