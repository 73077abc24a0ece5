"""Figures and their roles, sentence → facts, grouped by where the wording comes from."""

from __future__ import annotations

import pytest

from tests.extract.cases import Case, F, check, row_id

# Trade press units: `mt` after a small number is million tonnes; ounces are mass; K and M counts.
UNITS = [
    Case("Brazil's iron ore exports reached 31.5 mt in March.", [F(value=3.15e7, unit="t")]),
    Case("The mill shipped 4,250 mt of rebar to Vietnam.", [F(value=4250, unit="t")]),
    Case("Output of crude steel rose 9 per cent to 118 MT.", [F(value=1.18e8, unit="t", change_pct=9)]),
    Case("Mine supply is expected to reach 6.1 million ounces.", [F(value=6.1e6 * 31.1034768e-6, unit="t")]),
    Case("Gold held at $2,400 per ounce.", [F(value=2400, unit="USD/oz")]),
    Case("Deliveries are expected to total 410K units.", [F(value=410000, unit="units")]),
    Case("Wholesale EV sales hit 2.1M units in May.", [F(value=2.1e6, unit="units")]),
    # both ends of a range keep their scale word
    Case(
        "Output is expected between 7.5 million and 8.2 million tonnes.",
        [F(value=7.5e6, value_max=8.2e6, unit="t")],
    ),
    # scrap cargoes write the thousands once: `40-45,000 mt` is 40,000 to 45,000 tonnes
    Case("Mills booked a cargo of 40-45,000 mt of scrap.", [F(value=40000, value_max=45000, unit="t")]),
    Case("The port handled 600-1,000 t of ore a day.", [F(value=600, value_max=1000, unit="t")]),
    # a range written with its unit twice; two figures joined by `and` stay two
    Case("Guidance was kept at between 323mt and 338mt.", [F(value=3.23e8, value_max=3.38e8, unit="t")]),
    Case("The two mines produced 1,200 t and 900 t of cobalt.", [F(value=1200, unit="t"), F(value=900, unit="t")]),
    # a tonnage capacity is a yearly rate, whether or not the text says `a year`
    Case(
        "Peru's zinc refining capacity is estimated at 1.2 million tonnes, including 400,000 tonnes at Cajamarquilla.",
        [F(value=1.2e6, unit="t/yr", metric="capacity"), F(value=4e5, unit="t/yr", metric="capacity")],
    ),
    Case(
        "Under the plan, the government aims to raise steelmaking capacity to 90 MT and per capita use to 200 kg.",
        [F(value=9e7, unit="t/yr", metric="target"), F(value=0.2, unit="t", metric="target")],
    ),
]

UNITS += [
    Case(  # a currency's name before the figure, as price reporters write it
        "A processing margin of Yuan 20,000-30,000/mt was still available.",
        [F(value=20000, value_max=30000, unit="CNY/t")],
    ),
    # a small miner's share price in cents, on the exchange its ticker names; a Comex price in cents a pound
    Case("Nickel Industries (ASX:NIC) fell 4% to 83c.",
         [F(value=0.83, unit="AUD/unit", change_pct=-4, metric="price", commodity="shares", country="Australia")],
         title="Indonesia nickel"),
    Case("Copper was quoted at 445c/lb on Comex.", [F(value=4.45, unit="USD/lb")]),
    # a spelled-out gigawatt is power, a gigawatt-hour energy
    Case("The smelter will draw on a 1.2 gigawatt solar farm that generated 2,100 gigawatt hours last year.",
         [F(value=1200, unit="MW"), F(value=2100, unit="GWh")]),
]

CHANGES_TO = [
    # a multiplier as an infinitive: `expected to quadruple by 2025`
    Case("Global demand for lithium is expected to quadruple by 2025.", [F(value=None, change_pct=300)]),
    Case("Output is set to halve in 2024.", [F(value=None, change_pct=-50)]),
    Case("They agreed to double-check the data, with output at 5,000 t.", [F(value=5000, change_pct=None)]),
    Case(  # a change written before `to` and its level is that level's, whatever loose change came first
        "LME copper fell 0.3% to $9,673.5 a ton, down 0.2% on the week, and SHFE copper ticked down 0.1% "
        "to 78,610 yuan a ton.",
        [F(value=9673.5, change_pct=-0.3), F(value=None, change_pct=-0.2), F(value=78610, change_pct=-0.1)],
    ),
]

# What is not a figure: conversions in brackets and grades that name a product.
NOT_FIGURES = [
    Case("The smelter produced 62,000 tonnes (136.7 million pounds) of zinc.", [F(value=62000, unit="t")]),
    Case("Fastmarkets assessed the 6% lithium oxide concentrate at $880/t.", [F(value=880, unit="USD/t")]),
    Case("Battery-grade 99.5% Li2CO3 min was assessed at $10.5/kg.", [F(value=10.5, unit="USD/kg")]),
]

# Changes as reporters word them: nouns after the figure, verbs in -ing, `close to`, brackets.
CHANGES = [
    Case("Cathode output posted a 14% boost in the quarter.", [F(value=None, change_pct=14)]),
    Case("Nickel output slumped, plunging 61% to 3,100 tonnes.", [F(value=3100, change_pct=-61)]),
    Case(
        "Exports reached 52 MT, 7.3 per cent more than 48 MT a year earlier.",
        [F(value=5.2e7, change_pct=7.3), F(value=4.8e7, change_pct=None)],
    ),
    Case("Cobalt prices have dropped by close to 70% since 2022.", [F(value=None, change_pct=-70)]),
    Case("Chinese demand is forecast to ease slightly (around 3%) next year.", [F(value=None, change_pct=-3)]),
    Case(
        "Peru and Chile expect falls of 8% and 2% respectively.",
        [F(value=None, change_pct=-8), F(value=None, change_pct=-2)],
    ),
    # a second percent `from` a figure is a second change, not a share
    Case(
        "Sales reached 52,000 units in May, up 12% from 46,400 units in April and 30% from 40,000 units "
        "a year earlier.",
        [F(value=52000, change_pct=12), F(value=46400), F(value=None, change_pct=30), F(value=40000)],
    ),
    # an amount followed by a change noun is a signed difference
    Case("Mining revenue saw a $2.3 billion decrease in 2023.", [F(value=-2.3e9, unit="USD")]),
    Case("Canada will trim aluminium quotas by 1.2mn t.", [F(value=-1.2e6, unit="t")]),
]

# Wire highlights and bullet summaries (Reuters, investor news): a figure the body repeats is annotated
# once, in the body; one only the highlight gives is a fact of the highlight line, dated as it says.
HIGHLIGHTS = [
    Case(
        (
            "- Zinc output rises 6% on the year - Copper output steady on the quarter - Lead output falls as "
            "the mill stops for repairs",
            "Teck's zinc output rose 6% to 150,000 tonnes in the quarter.",
        ),
        [F(value=150000, change_pct=6)],
    ),
    Case(
        (
            "May imports up 8.1% y/y, up 2.5% m/m",
            "China's imports of zinc concentrate in May rose 8.1% from a year earlier to 410,000 tonnes.",
        ),
        [F(value=None, change_pct=2.5, period="2024-05"), F(value=410000, change_pct=8.1)],
    ),
    # a list in the body gives its own figures: one the text wrote before it, or writes after it of something
    # else (`45 working days`), is no repeat; an item's label names its metal
    Case(
        ("Exports to Germany rose 27% to 1,003 tons in June. Breakdown by destination:",
         "- Germany: 1,003 tons - India: 45 tons",
         "Licences can take 45 working days to approve."),
        [F(value=1003), F(value=1003), F(value=45)],
    ),
    Case("Prices on Friday: - Copper: $4.15/lb - Aluminium: $1.14/lb",
         [F(value=4.15, commodity="copper"), F(value=1.14, commodity="aluminium")]),
]


# A base compared against is often written without the unit its figure just gave.
BASES = [
    Case(
        "CMOC produced 419,539 tons of copper in 2023, up 51% from 276,992 in 2022, it said.",
        [F(value=419539, unit="t", period="2023", change_pct=51), F(value=276992, unit="t", period="2022")],
    ),
    Case(
        "Copper output rose to 5 million tonnes in May from 4.5 million in April.",
        [F(value=5e6, unit="t", period="2024-05"), F(value=4.5e6, unit="t", period="2024-04")],
    ),
    Case(  # the figure's scale goes with its unit
        "Copper output rose to 5 million tonnes from 4.5 in 2022.",
        [F(value=5e6, unit="t"), F(value=4.5e6, unit="t", period="2022")],
    ),
    Case(
        "The price rose to $9,500 a ton from 9,000 last week.",
        [F(value=9500, unit="USD/t"), F(value=9000, unit="USD/t")],
    ),
    Case(  # ships counted, as bauxite and ore shipments are
        "Guinea shipped 312 vessels in May compared to 225 ships a year earlier.",
        [F(value=312, unit="units"), F(value=225, unit="units")],
    ),
    # years, dates and a change's own base are no such figures
    Case("Copper output rose to 5 million tonnes in May from 2019 levels.", [F(value=5e6, unit="t")]),
    Case("Copper output rose to 5 million tonnes from 15 March.", [F(value=5e6, unit="t")]),
    Case("Copper output rose 5% from 2,000 in May.", [F(change_pct=5)]),
]


@pytest.mark.parametrize("case", UNITS + NOT_FIGURES + CHANGES + CHANGES_TO + HIGHLIGHTS + BASES, ids=row_id)
def test_figure_case(case: Case) -> None:
    check(case)
