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
]

# Mine reports: a mine's figures are its country's, whoever owns it and wherever that is.
MINE = [
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
]

# worldsteel and WPIC regional tables: a region is its own reporting geography.
REGION = [
    Case("South America produced 3.6 Mt, up 2.5%.", [F(value=3.6e6, country="South America")]),
    Case("Crude steel output in the Middle East rose 7% to 4.9 Mt.", [F(value=4.9e6, country="Middle East")]),
    Case("Africa produced 1.9 Mt in February.", [F(value=1.9e6, country="Africa")]),
]

# Reports of international bodies (WGC, worldsteel, ICSG): world figures, whichever country is named in passing.
WORLD = [
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


@pytest.mark.parametrize("case", COMPANY_HOME + MINE + REGION + WORLD + PRICE_PLACE, ids=row_id)
def test_place_case(case: Case) -> None:
    check(case)
