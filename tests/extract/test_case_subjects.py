"""Trade sides, shares, levies, series, subjects and periods in wordings no other table held (found by a mutation
audit of places.py, metrics.py, subjects.py, dating.py and carry.py: each row fails with one realistic bug in them)."""

from __future__ import annotations

import pytest

from tests.extract.cases import Case, F, check, row_id

# Trade sides: `China's intake` names the importer, `brought in` is an inflow, a sentence naming only the
# importer has no supplier carried into it, and `that country` points back to the supplier named before.
TRADE_SIDES = [
    Case("Imports of nickel ore rose in May, with China's intake from the Philippines reaching 1.2 million tonnes.",
         [F(value=1.2e6, metric="imports", country="China", partner="Philippines")], title="Indonesia nickel ore"),
    Case("China's intake of Australian iron ore fell 4% to 58 million tonnes in April.",
         [F(value=5.8e7, metric="imports", country="China", partner="Australia")], title="Australia iron ore exports"),
    # `mostly from the US`: the main source of a total is no partner of it (as every annotated set writes it)
    Case("Turkey brought in 2.1 million tonnes of scrap shipments in March, mostly from the US.",
         [F(value=2.1e6, metric="imports", country="Turkey", partner=None)]),
    Case("Japan imported 120,000 tonnes of copper concentrate from Chile in May. Japan's total imports rose 5% to "
         "420,000 tonnes.",
         [F(value=120000, country="Japan", partner="Chile"), F(value=420000, country="Japan", partner=None)]),
    Case("Russia's share of Japan's palladium imports fell to 20% as purchases from that country halved to 3 tonnes.",
         [F(value=20, metric="market_share"), F(value=3, metric="imports", country="Japan")]),
]

# Shares: the market named after the share (`of consumption in Vietnam`) is its country, not the importer of
# another clause; holders joined by `&` hold it together, so no one of them is the partner.
SHARES = [
    Case("The US imported 2.1 million tonnes of steel in May, while Chinese steel now accounts for 12% of "
         "consumption in Vietnam.",
         [F(value=2.1e6, country="United States"),
          F(value=12, metric="market_share", country="Vietnam", partner="China")]),
    Case("China & India took 65% of Australia's iron ore exports in 2023.",
         [F(value=65, metric="market_share", country="Australia", partner=None)]),
]

# Levies: `slapped` names the levier, the last imposer before the rate is the one that sets it, `against`
# names the target, and targets joined by `&` leave no single partner.
LEVIES = [
    Case("Following Washington's lead, Canada slapped a 100% surtax on Chinese electric vehicles.",
         [F(value=100, metric="tariff", country="Canada", partner="China")]),
    Case("After India raised duties last year, Vietnam imposed a 27.8% anti-dumping duty on hot-rolled coil from "
         "China.",
         [F(value=27.8, metric="tariff", country="Vietnam", partner="China")]),
    Case("India imposed anti-dumping duties of 30% against stainless steel flat products from China.",
         [F(value=30, metric="tariff", country="India", partner="China")]),
    Case("The EU imposed duties of 20% on steel from China & Vietnam.",
         [F(value=20, metric="tariff", country="European Union", partner=None)]),
]

# World figures: a clause that opens on `Global …` makes the figure of the clause after it the world's, even
# in a post about one country.
WORLD = [
    Case("Global copper demand is set to grow strongly this year as grids expand, and consumption could reach "
         "27 million tonnes.",
         [F(value=2.7e7, metric="consumption", country=None)], title="China copper market"),
]

# Series words: a recovery rate is a level, not a share, unless the clause says `made up`; `targeted for` a
# date is a plan, not a target; a rate that sizes a project is its capacity; `amid weak demand` explains; an
# exchange-free yuan sum a metal moves to is its price; a comparison level is no target; stocks of metal and
# market shares are not a company's shares.
SERIES = [
    Case("Copper recovery rose to 88.5% in the quarter.", [F(value=88.5, metric="other")]),
    Case("Metallurgical recoveries averaged 91% in 2023.", [F(value=91, metric="other")]),
    Case("Scrap recovery made up 32% of refined copper supply in 2023.", [F(value=32, metric="market_share")]),
    Case("First production is targeted for 2026 at 40,000 tonnes of copper.",
         [F(value=40000, metric="production", forecast=True, period="2026")]),
    Case("The company approved a 60,000 t/yr lithium project in Argentina.",
         [F(value=60000, unit="t/yr", metric="capacity")]),
    Case("Exports fell 4% to 1.2 million tonnes amid weak demand in Europe.", [F(value=1.2e6, metric="exports")]),
    Case("Chinese spot tin climbed 1.5% to 265,000 yuan.",
         [F(value=265000, unit="CNY/t", metric="price", commodity="tin")]),
    Case("Cobalt metal fell 2% to 230,000 yuan.", [F(value=230000, unit="CNY/t", metric="price")]),
    Case("The company aims to raise output to 50,000 tonnes by 2030 from 28,000 tonnes.",
         [F(value=50000, metric="target"), F(value=28000, metric="production", forecast=False)]),
    Case("Copper stock levels in LME warehouses fell 5%.", [F(change_pct=-5, commodity="copper")]),
    Case("Domestic mills' market shares fell 3% in the quarter.", [F(change_pct=-3, commodity=None)]),
]

# Commodity, company and source: `of their copper concentrate` and `worth of ferronickel` name what the figure is
# of; `such as` sets off examples; `the miner` carries the company, a new subject does not; `said` credits.
SUBJECTS = [
    Case("Japan's copper smelters buy 40% of their copper concentrate from Chile.",
         [F(value=40, commodity="copper concentrate")]),
    Case("Chinese steel mills import 60% of their iron ore from Australia.", [F(value=60, commodity="iron ore")]),
    Case("China's nickel imports included $2.3 billion worth of ferronickel from Indonesia.",
         [F(value=2.3e9, commodity="ferronickel")]),
    Case("Output of the 10 nonferrous metals, such as copper, aluminium, lead and zinc, rose 7.4% to 74.7 million "
         "tonnes.",
         [F(value=7.47e7, commodity="nonferrous metals")]),
    Case("Antofagasta's copper output rose 5% to 660,000 tonnes in 2023. The miner expects 670,000 tonnes this year.",
         [F(value=660000, company="Antofagasta"), F(value=670000, company="Antofagasta", forecast=True)]),
    Case("Glencore's copper output fell 5% to 1 million tonnes. Zinc production in Peru rose 3% to 1.4 million "
         "tonnes.",
         [F(value=1e6, company="Glencore"), F(value=1.4e6, company=None, country="Peru")]),
    Case("Glencore said copper output fell 5% to 1 million tonnes.", [F(value=1e6, source="Glencore")]),
]

# Periods and forecasts: `the previous year's` level is what was; a lowered forecast's old level was a forecast
# too; `in the preceding year`, `for the six months`, `for the whole year` and `the previous session` date the
# figure from the report's period; `historically` dates nothing; a capacity's year carries to nothing.
PERIODS = [
    Case("CMOC expects to produce 120,000 tonnes of cobalt this year, double the previous year's 55,526 tonnes.",
         [F(value=120000, forecast=True, period="2024"), F(value=55526, forecast=False, period="2023")]),
    # the year before the one reported on, not before the post's own year; an undated post's too
    Case("In 2022, Chile's copper output reached 5.3 million tonnes, up from the previous year's 5.1 million tonnes.",
         [F(value=5.3e6, period="2022"), F(value=5.1e6, period="2021")]),
    Case("In 2022, Chile's copper output reached 5.3 million tonnes, up from the previous year's 5.1 million tonnes.",
         [F(value=5.3e6, period="2022"), F(value=5.1e6, period="2021")], published=None),
    Case("Chile's copper output reached 5.3 million tonnes, up from the prior year's 5.1 million tonnes.",
         [F(value=5.3e6, period=None), F(value=5.1e6, period=None)], published=None),
    Case("Goldman Sachs lowered its copper price forecast to $9,000 a tonne from $9,500.",
         [F(value=9000, forecast=True), F(value=9500, forecast=True)]),
    Case("China's copper imports rose to 5.6 million tonnes in 2024. Exports were 450,000 tonnes in the preceding "
         "year.",
         [F(value=5.6e6, period="2024"), F(value=450000, period="2023")]),
    Case("Revenue for the six months rose 12% to $1.2 billion.", [F(value=1.2e9, period="2024-H1")],
         title="Sandfire H1 2024 results"),
    Case("In the fourth quarter of 2023, output rose 5% to 300,000 tonnes. Output for the whole year reached "
         "1.2 million tonnes.",
         [F(value=300000, period="2023-Q4"), F(value=1.2e6, period="2023")]),
    Case("Copper prices were volatile in June. LME copper fell 1% to $9,500 from $9,596 in the previous session.",
         [F(value=9500, period="2024-06"), F(value=9596, period="2024-06")]),
    Case("China imported 2.1 million tonnes of copper concentrate in May. Imports have historically averaged "
         "1.8 million tonnes.",
         [F(value=2.1e6, period="2024-05"), F(value=1.8e6, period=None)]),
    Case("The new smelter will have capacity of 400,000 t/yr by 2027. Output rose 5% to 1.2 million tonnes.",
         [F(value=400000, metric="capacity", period="2027"), F(value=1.2e6, period=None)]),
]

# Pronoun subjects: `The country` is the country the sentence before opened on; `It is estimated that …` is
# no pronoun for it, and a sentence opening on a demonym (`Chinese steel exports`) names no subject for `It`.
PRONOUNS = [
    Case("South Korea's steel output fell in May. The country's exports rose 3% to 2.4 million tonnes.",
         [F(value=2.4e6, metric="exports", country="South Korea")], title="China steel exports"),
    Case("Japan has been buying more Chilean copper. It is estimated that exports rose 5% to 1.2 million tonnes in "
         "May.",
         [F(value=1.2e6, metric="exports", country="Chile")], title="Chile's copper exports rise"),
    Case("Chinese steel exports to Vietnam rose 20% to 9 million tonnes in May. It imported 500,000 tonnes.",
         [F(value=9e6, country="Vietnam", partner="China"), F(value=500000, country="Vietnam", partner="China")],
         title="Vietnam steel market"),
]

# Found wrong by the audit, and mended: a sentence opening `In May,`; `that country` after a supplier of another
# (whose possessive names the buyer); a share of a market named before the figure; `stock levels`; an opening
# `Historically,` set off by a comma.
FOUND = [
    Case("In May, China imported 2.1 million tonnes of copper concentrate.", [F(value=2.1e6, period="2024-05")]),
    Case("Russia was long Japan's main palladium supplier, but imports from that country halved to 3 tonnes in May.",
         [F(value=3, metric="imports", country="Japan", partner="Russia")]),
    Case("Russia's share of Japan's palladium imports fell to 20%.",
         [F(value=20, metric="market_share", country="Japan", partner="Russia")]),
    Case("Copper stock levels in LME warehouses fell 5% to 120,000 tonnes.",
         [F(value=120000, metric="inventory", commodity="copper")]),
    Case("China imported 2.1 million tonnes of copper concentrate in May. Historically, imports averaged "
         "1.8 million tonnes.",
         [F(value=2.1e6, period="2024-05"), F(value=1.8e6, period=None)]),
]

@pytest.mark.parametrize(
    "case",
    TRADE_SIDES + SHARES + LEVIES + WORLD + SERIES + SUBJECTS + PERIODS + PRONOUNS + FOUND,
    ids=row_id,
)
def test_subjects_case(case: Case) -> None:
    check(case)
