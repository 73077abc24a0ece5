"""Country and partner by rule: whose figure it is. Rows grouped by the rule and the wording source.

The reporting or producing country; a company's home for company-wide figures; a mine's
country for the mine's; a region for a regional aggregate; none for world figures; a
price's delivery point, and none for an exchange's world price."""

from __future__ import annotations

import pytest

from tests.extract.cases import Case, F, check, row_id

# Company results (quarterly reports, wire copy): company-wide figures take the company's home.
COMPANY_HOME = [
    Case("Vale's nickel output fell 5% to 38,000 tonnes.", [F(value=38000, company="Vale", country="Brazil")]),
    Case(
        "Zijin Mining produced 1.01mn t of copper last year.",
        [F(value=1.01e6, company="Zijin Mining", country="China")],
    ),
    # the headline's company is whose the post's unattributed figures are
    Case(
        ("Output of refined zinc rose 4% to 66,000 tonnes.",),
        [F(value=66000, country="Sweden")],
        title="Boliden lifts smelter output",
    ),
    # a country's possessive before a company names the company's home, not a side of the trade
    Case(
        "Japan's Sumitomo Metal Mining increased shipments by 12% to 2.1 million tons.",
        [F(value=2.1e6, metric="shipments", partner=None, company="Sumitomo Metal Mining")],
        title="Philippine nickel ore exports surge",
    ),
]

# Mine reports: a mine's figures are its country's, whoever owns it and wherever that is; a project the
# text does not place has none; owners' nationalities (`with Japanese firms`) place nothing after them.
MINE = [
    Case(
        "Work on the Oak Dam copper project continues, with studies 45% complete.",
        [F(value=45, unit="%", country=None)],
        title="BHP operational review",
    ),
    Case(
        "Los Bronces – a venture of Anglo American with Japanese firms – posted a 10% drop to 30,000 tons. "
        "Overall 2023 production fell 4% versus 2022, the data show.",
        [F(value=30000, country="Chile"), F(change_pct=-4, country="Chile")],
        title="Chile copper output falls",
    ),
    Case(
        "Antamina, jointly owned by BHP and Glencore, mined 142,000 tonnes of copper.",
        [F(value=142000, country="Peru")],
    ),
    Case(
        "Grasberg produced 420,000 tonnes of copper, Freeport said.",
        [F(value=420000, country="Indonesia")],
    ),
    # the headline names the mine: the body's figures are that mine's country's
    Case(
        "Ore milled reached 3.2mn t in the quarter.", [F(value=3.2e6, country="Mongolia")], title="Oyu Tolgoi ramps up"
    ),
    # a project placed in a sentence is its country's; `This copper project in Peru` names no project `This`
    Case(("SQM is building its Mt Holland lithium project in Western Australia.",
          "The Kwinana refinery at Mt Holland is designed to reach 50,000 tons a year."),
         [F(value=50000, country="Australia")], title="SQM results"),
    Case(("This copper project in Peru is the company's largest.",
          "This quarter, Codelco's output rose 5% to 100,000 tonnes."),
         [F(value=100000, country="Chile")], title="Codelco results"),
    # a country named in the figure's own clause before a mine of the next clause
    Case("Iron ore production from Kumba in South Africa rose 3% to 9.6 Mt, while Minas-Rio produced 6.7 Mt.",
         [F(value=9.6e6, country="South Africa"), F(value=6.7e6, country="Brazil")], title="Anglo American"),
    # a mine named by its owner's possessive is still the mine; one named in an aside after the figure is not
    Case("Gold Fields' Tarkwa mine produced 522,000 ounces in 2024.",
         [F(value=522000 * 31.1034768e-6, country="Ghana")], title="Gold Fields results"),
    Case("The miner's copper output rose 3% to 100,000 tonnes, helped by higher grades at its Quebrada Blanca mine.",
         [F(value=100000, country=None)], title="Copper miners"),
]

# worldsteel and WPIC regional tables: a region is its own reporting geography.
REGION = [
    Case("South America produced 3.6 Mt, up 2.5%.", [F(value=3.6e6, country="South America")]),
    Case("Crude steel output in the Middle East rose 7% to 4.9 Mt.", [F(value=4.9e6, country="Middle East")]),
    Case("Africa produced 1.9 Mt in February.", [F(value=1.9e6, country="Africa")]),
    # places and figures listed `respectively` pair in order, not by which name stands nearer
    Case(
        "North America and Zimbabwe anticipate declines of 26% and 4% respectively.",
        [F(change_pct=-26, country="North America"), F(change_pct=-4, country="Zimbabwe")],
    ),
]

# Reports of international bodies (WGC, worldsteel, ICSG): world figures, whichever country is named in passing.
WORLD = [
    Case("Global lithium-ion battery cell manufacturing capacity reached 3,100 GWh a year in 2024.",
         [F(value=3100, country=None)], title="China battery makers"),
    # an exporter described between commas is still the exporter
    Case("The Philippines, the second-largest supplier of nickel ore, exported 26.3 million tonnes of the ore.",
         [F(value=26.3e6, metric="exports", country="Philippines")], title="China nickel ore imports"),
    Case(
        (
            "Global refined copper demand rose 2% to 27.3mn t, the International Copper Study Group said.",
            "Chinese buyers stayed cautious.",
            "Usage reached 2.3mn t in October.",
        ),
        [F(value=2.73e7, country=None), F(value=2.3e6, country=None)],
        title="Copper market balance",
    ),
]

# Price assessments (Fastmarkets, Platts): the delivery point is the price's country; LME has none.
PRICE_PLACE = [
    Case("Aluminium premiums in Antwerp were assessed at $190/t.", [F(value=190, unit="USD/t", country="Belgium")]),
    Case("LME nickel fell 1.2% to $16,300 a ton.", [F(value=16300, country=None)]),
]


# Exchanges (Reuters metals wraps): each price takes the exchange named for it; LME has no country.
EXCHANGES = [
    Case(
        "LME zinc rose 0.5% to $2,810 a ton, and SHFE zinc gained 0.2% to 22,400 yuan a ton.",
        [F(value=2810, country=None), F(value=22400, unit="CNY/t", country="China")],
    ),
    Case(
        "Copper stocks in SHFE warehouses rose to 52,300 tons.", [F(value=52300, metric="inventory", country="China")]
    ),
    Case("The most-traded iron ore futures in Dalian rose 1.8% to 789 yuan a ton.",
         [F(value=789, country="China")]),
    Case("Copper futures on the MCX rose 0.6% to 868 rupees a kg, while Comex copper fell 0.3% to $4.52 a lb.",
         [F(value=868, unit="INR/kg", country="India"), F(value=4.52, unit="USD/lb", country="United States")]),
]

# Price bases (Fastmarkets, Steel Orbis): `ex-` names the origin; a basis across countries has no country.
PRICE_BASIS = [
    # a port names its country; an origin in the market's own country is no partner
    Case("Imported HRC was offered at $520 per tonne CFR Mumbai.", [F(value=520, country="India")],
         title="Steel prices"),
    # an ore named by its origin's demonym, delivered to a port
    Case("Offers for Gabonese ore were heard at $4.35/dmtu cif Tianjin.",
         [F(value=4.35, country="China", partner="Gabon")], title="Manganese ore prices"),
    # a cargo named by its origin, bought by a mill of a port town: the buyer's market, from that origin
    Case("An Izmir-based mill bought a US cargo of 30,000t of HMS 1/2 (80:20) at $372/t cfr.",
         [F(value=30000), F(value=372, country="Turkey", partner="United States")], title="Turkish scrap"),
    Case("Hot-rolled coil was quoted at Rs 47,500 per tonne ex-Mumbai.",
         [F(value=47500, country="India", partner=None)], title="India steel prices"),
    Case(
        "An ex-Baltic scrap cargo was booked at $398/mt CFR.",
        [F(value=398, country="Turkey", partner=None)],
        title="Scrap prices in Turkey",
    ),
    Case(
        "A deep-sea ex-US cargo was booked at $405/mt CFR.",
        [F(value=405, country="Turkey", partner="United States")],
        title="Turkey scrap imports",
    ),
    Case(
        "Cobalt hydroxide was assessed at $6.10/lb cif China, Japan and Korea.",
        [F(value=6.1, country=None)],
    ),
]

# Shares of the world (USGS, INSG): no reporting country; the holder is the partner.
WORLD_SHARES = [
    Case("Indonesia produced 55% of nickel mined globally.", [F(value=55, country=None, partner="Indonesia")]),
    Case("That lifted Australia's 47% share in 2022.", [F(value=47, country=None, partner="Australia")]),
]

# Shares of a country's supplies (customs data retold): the importer named in the sentence owns the
# total; a share a list of countries holds together is held by none of them alone.
SUPPLY_SHARES = [
    Case(
        "Japan imported 2.1 million tons of copper ore in 2023, with Chile accounting for about 40% of supplies.",
        [F(value=2.1e6, country="Japan"), F(value=40, metric="market_share", country="Japan", partner="Chile")],
        title="Chile copper ore shipments boom",
    ),
    Case(
        "Peru, Chile and Brazil supplied 64% of Korea's copper concentrate imports.",
        [F(value=64, metric="market_share", country="South Korea", partner=None)],
    ),
    Case(
        "Of the total, 91% came from Australia and Brazil.",
        [F(value=91, metric="market_share", partner=None)],
        title="China iron ore imports",
    ),
]

# Levies in a bloc's own report: the post's geography levies them.
LEVIES = [
    Case(
        "Volumes above the quota will incur a 25pc tariff.",
        [F(value=25, metric="tariff", country="European Union")],
        title="EU to cut steel quotas",
    ),
]


# Export tables in prose (SteelOrbis, USITC summaries): a listed destination holds its own figure.
DESTINATIONS = [
    Case(
        "Japan was the top buyer of Australian iron ore in March with 8.1mn t.",
        [F(value=8.1e6, metric="exports", country="Australia", partner="Japan")],
        title="Australian iron ore exports",
    ),
    Case(
        "Other leading markets for US aluminium scrap exports included Malaysia with 41,200 t and India with 38,900 t.",
        [F(value=41200, country="United States", partner="Malaysia"), F(value=38900, partner="India")],
        title="US scrap exports",
    ),
    # an exporter named `with` its figure is no destination
    Case(
        "Among exporters of copper, Chile, with 5.2mn t, stayed ahead of Peru.",
        [F(value=5.2e6, partner=None)],
        title="Copper exports",
    ),
]

# Trade statistics retold (Reuters, Deccan Herald): `sent … to India` and `India shipped in …` are India's
# imports when India's data are reported.
REPORTING_SIDE = [
    Case(
        "Vietnam shipped in 1.2 million tonnes of Chinese steel in May.",
        [F(value=1.2e6, metric="imports", country="Vietnam", partner="China")],
        title="Vietnam steel imports",
    ),
    Case(
        "Turkey's aluminium exports rose to 50,000 tonnes. Russia sent 210,000 tonnes of aluminium to Turkey in 2023.",
        [F(value=50000, metric="exports"), F(value=210000, metric="imports", country="Turkey", partner="Russia")],
        title="Turkey aluminium trade",
    ),
    # `total Japanese imports`: the demonym owns the imports it totals
    Case(
        "Cargoes from Peru lifted total Japanese imports to 1.2 million tonnes.",
        [F(value=1.2e6, metric="imports", country="Japan", partner="Peru")],
        title="Peru copper exports",
    ),
    # a figure shipped in a month stays a shipment
    Case(
        "Chile's copper exports were 420,000 tonnes, after 400,000 tonnes shipped in April.",
        [F(value=420000, metric="exports"), F(value=400000, metric="exports")],
        title="Chile copper exports",
    ),
]

# Trade press with quotes (Business Standard, Mining Weekly): a quoted paragraph comments on the
# report; the metal it names in passing opens no new report, so the report's country still holds.
QUOTES = [
    Case(
        (
            "India's aluminium consumption rose 8% to 4.1 million tonnes in 2023.",
            "“Demand from electric vehicles improved,” an analyst said.",
            "Primary aluminium output grew 3% to 4.2 million tonnes.",
        ),
        [F(value=4.1e6, country="India"), F(value=4.2e6, country="India")],
        title="Aluminium demand grows",
        published=None,
    ),
]

# Trade columns (Reuters, Argus): a pronoun subject is the country the sentence before opened on.
PRONOUNS = [
    Case(
        ("China is the biggest buyer.", "It imported 4,100 tonnes of Indonesian tin in May."),
        [F(value=4100, country="China", partner="Indonesia")],
        title="Indonesia's tin exports slump",
    ),
    Case(
        "Japan has been buying more Chilean copper. It imported 210,000 tonnes of Chilean concentrate in 2023.",
        [F(value=210000, country="Japan", partner="Chile")],
        title="Chile's copper exports rise",
    ),
    # once the text moves to another subject, `it` no longer names the country
    Case(
        "Japan has been buying more Chilean copper. The smelter said demand was firm. It produced 4,000 tonnes.",
        [F(value=4000, country="Chile")],
        title="Chile's copper exports rise",
    ),
]


@pytest.mark.parametrize(
    "case",
    COMPANY_HOME
    + MINE
    + REGION
    + WORLD
    + PRICE_PLACE
    + EXCHANGES
    + PRICE_BASIS
    + WORLD_SHARES
    + SUPPLY_SHARES
    + LEVIES
    + DESTINATIONS
    + REPORTING_SIDE
    + QUOTES
    + PRONOUNS,
    ids=row_id,
)
def test_place_case(case: Case) -> None:
    check(case)
