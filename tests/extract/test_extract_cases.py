"""Sentence → facts case table. Each case names the phenomenon it pins, and most come from
reporting styles other than the seed's (Argus, Fastmarkets, Reuters, SMM, Japan Metal
Bulletin), so the grammar is held to the language of metals reporting, not to one page."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from metalnomist.extract import extract_facts
from metalnomist.models import Block, Fact, Post

Case = tuple[str, str, str, list[dict[str, Any]]]

CASES: list[Case] = [
    # Argus: `pc`, `on the year` basis, change and level in one clause, refined modifier kept.
    (
        "argus-pc-on-the-year",
        "China copper imports",
        "China's refined copper imports rose by 12pc on the year to 310,000t in March.",
        [
            dict(
                value=310000,
                unit="t",
                change_pct=12,
                change_basis="y/y",
                metric="imports",
                commodity="refined copper",
                country="China",
                partner=None,
                period="--03",
            )
        ],
    ),
    # Reuters: `fell 3.1% year-on-year to`, a statistics office credited by `said`.
    (
        "reuters-production",
        "Chile copper output",
        "Chile's copper production fell 3.1% year-on-year to 420,000 tonnes in June, the National "
        "Statistics Institute said.",
        [
            dict(
                value=420000,
                unit="t",
                change_pct=-3.1,
                change_basis="y/y",
                metric="production",
                commodity="copper",
                country="Chile",
                period="--06",
            )
        ],
    ),
    # SMM: `RMB .../t` is yuan per tonne (CNY/t), `month-on-month`, SMM credited as a source.
    (
        "smm-rmb-price",
        "China lithium prices",
        "SMM data showed battery-grade lithium carbonate averaged RMB 89,000/t in May, down 5.2% month-on-month.",
        [
            dict(
                value=89000,
                unit="CNY/t",
                change_pct=-5.2,
                change_basis="m/m",
                metric="price",
                commodity="battery-grade lithium carbonate",
                country="China",
                period="--05",
                source="SMM",
            )
        ],
    ),
    # Fastmarkets: a price range with the currency once, per kilogram.
    (
        "fastmarkets-range-per-kg",
        "Tungsten market",
        "Tungsten APT prices were assessed at US$6.50-8/kg this week.",
        [dict(value=6.5, value_max=8, unit="USD/kg", metric="price", commodity="tungsten")],
    ),
    # Japan Metal Bulletin: a year-less quarter and a quarter-on-quarter basis; JISF credited.
    (
        "jmb-quarter",
        "Japan stainless",
        "Japan's stainless steel output in the April-June quarter fell 8.2% from the previous "
        "quarter to 0.72 million tonnes, according to the Japan Iron and Steel Federation.",
        [
            dict(
                value=720000,
                unit="t",
                change_pct=-8.2,
                change_basis="q/q",
                metric="production",
                commodity="stainless steel",
                country="Japan",
                period="--04/--06",
                source="JISF",
            )
        ],
    ),
    # Reuters: `doubled` is +100%; `5.2 million mt` is metric tonnes; a half-year period.
    (
        "reuters-doubled-mt",
        "Indonesia nickel",
        "Indonesia's nickel ore exports doubled to 5.2 million mt in the first half of 2024.",
        [
            dict(
                value=5200000,
                unit="t",
                change_pct=100,
                metric="exports",
                commodity="nickel ore",
                country="Indonesia",
                period="2024-H1",
            )
        ],
    ),
    # Won and a company plan: money is KRW, a plan is a forecast, `by 2027` its period.
    (
        "krw-investment-plan",
        "Korea Zinc",
        "Korea Zinc plans to invest 1.5 trillion won in a new zinc smelter by 2027.",
        [dict(value=1.5e12, unit="KRW", metric="investment", company="Korea Zinc", forecast=True, period="2027")],
    ),
    # Percentage points are not a relative change; an operating rate is `other`.
    (
        "percentage-points",
        "China smelters",
        "The operating rate at Chinese copper smelters rose by 2.3 percentage points to 85.6% in May.",
        [dict(value=85.6, unit="%", change_pct=None, change_pp=2.3, metric="other", country="China", period="--05")],
    ),
    # `from February` for a March figure is month-on-month.
    (
        "from-previous-month-name",
        "Vietnam steel",
        "Vietnam's steel exports fell 12pc in March from February to 1.1mn t.",
        [
            dict(
                value=1100000,
                unit="t",
                change_pct=-12,
                change_basis="m/m",
                metric="exports",
                country="Vietnam",
                period="--03",
            )
        ],
    ),
    # Reporting side: in a China report, Australia's shipments to China are China's imports.
    (
        "reporting-side-trade",
        "China iron ore imports",
        "Australia's shipments to China rose 6pc to 60mn t in April.",
        [
            dict(
                value=60000000,
                unit="t",
                change_pct=6,
                metric="imports",
                country="China",
                partner="Australia",
                period="--04",
            )
        ],
    ),
    # Dates, joint-venture ratios and streak counts are not figures.
    (
        "not-figures",
        "Japan copper",
        "On March 3, the ministry said the 50:50 joint venture had cut output for the ninth consecutive month.",
        [],
    ),
    # A bracketed conversion restates the first amount: one fact, in yen.
    (
        "bracketed-conversion",
        "Japan smelters",
        "The government approved a ¥50 billion ($330 million) subsidy for copper smelters.",
        [dict(value=5e10, unit="JPY", metric="subsidy", commodity="copper", country="Japan")],
    ),
    # Tariff: the levying country and the targeted one; a date of effect gives the month.
    (
        "tariff-levier-target",
        "US steel tariffs",
        "The US will impose a 25% tariff on steel imports from Canada from March 12.",
        [
            dict(
                value=25,
                unit="%",
                metric="tariff",
                commodity="steel",
                country="United States",
                partner="Canada",
                forecast=True,
                period="--03",
            )
        ],
    ),
    # A share of a global total: holder as partner, no reporting country.
    (
        "global-share",
        "Graphite supply",
        "China accounted for 70pc of global graphite output in 2023.",
        [
            dict(
                value=70,
                unit="%",
                metric="market_share",
                commodity="graphite",
                country=None,
                partner="China",
                period="2023",
            )
        ],
    ),
    # A study group's forecast of global demand: change only, forecast, country null.
    (
        "forecast-global-demand",
        "Zinc outlook",
        "The ILZSG forecasts global zinc demand to grow 1.5% in 2025.",
        [
            dict(
                value=None,
                change_pct=1.5,
                metric="demand",
                commodity="zinc",
                country=None,
                period="2025",
                forecast=True,
                source="ILZSG",
            )
        ],
    ),
    # A qualifier is dropped from the value and kept as `bound`.
    (
        "bound-kept",
        "Japan aluminium imports",
        "Russian aluminium shipments to Japan plunged by nearly 70pc to 26,000t in 2024.",
        [
            dict(
                value=26000,
                change_pct=-70,
                bound=None,
                metric="imports",
                country="Japan",
                partner="Russia",
                period="2024",
            )
        ],
    ),
    # A number written as a word, and an absolute difference signed by its direction.
    (
        "word-number-difference",
        "Copper output",
        "Peru's copper output rose by two million tonnes in 2023.",
        [dict(value=2e6, unit="t", change_pct=None, metric="production", country="Peru", period="2023")],
    ),
    # Power in GW is kept in MW; energy in MWh in GWh; both are capacity.
    (
        "energy-units",
        "Storage",
        "The developer will build 2GW of solar capacity and a 500MWh battery energy storage system in Chile.",
        [
            dict(value=2000, unit="MW", metric="capacity", country="Chile", forecast=True),
            dict(value=0.5, unit="GWh", metric="capacity", commodity="bess", country="Chile", forecast=True),
        ],
    ),
    # `kt` scales to tonnes; stocks are inventory.
    (
        "kt-inventory",
        "Zinc stocks",
        "Zinc stocks in LME warehouses dropped to 25kt at the end of May.",
        [dict(value=25000, unit="t", metric="inventory", commodity="zinc", period="--05")],
    ),
    # `Mt` is a million tonnes; a company guidance range is a forecast of production.
    (
        "mt-range-guidance",
        "Vale guidance",
        "Vale expects to produce 310-320 Mt of iron ore in 2024.",
        [
            dict(
                value=3.1e8,
                value_max=3.2e8,
                unit="t",
                metric="production",
                commodity="iron ore",
                company="Vale",
                forecast=True,
                period="2024",
            )
        ],
    ),
    # An ore grade (`62% Fe`) is not a share; `by $5.20/t` is a signed difference next to the level.
    (
        "grade-not-share",
        "Iron ore prices",
        "The 62% Fe iron ore index rose by $5.20/t to $108.40/t on Friday.",
        [
            dict(value=5.2, unit="USD/t", metric="price", commodity="iron ore"),
            dict(value=108.4, unit="USD/t", metric="price", commodity="iron ore"),
        ],
    ),
    # A demonym exporter: Brazilian exports belong to Brazil.
    (
        "demonym-exporter",
        "Iron ore trade",
        "Brazilian iron ore exports fell 10% y/y to 30mn t in April.",
        [
            dict(
                value=3e7,
                unit="t",
                change_pct=-10,
                change_basis="y/y",
                metric="exports",
                country="Brazil",
                period="--04",
            )
        ],
    ),
    # Week-on-week is read but is outside the spec's basis vocabulary (y/y, m/m, q/q): null.
    (
        "week-on-week",
        "Cobalt prices",
        "Spot cobalt prices fell 3% w/w.",
        [dict(value=None, change_pct=-3, change_basis=None, metric="price", commodity="cobalt")],
    ),
    # A fiscal year ending in March is named by its start year.
    (
        "fiscal-year-ending",
        "Japan steel",
        "JFE Holdings expects to produce 22.4mn t of crude steel in the fiscal year ending March 31, 2025.",
        [
            dict(
                value=22400000,
                unit="t",
                metric="production",
                commodity="crude steel",
                company="JFE Holdings",
                period="FY2024",
                forecast=True,
                source="JFE Holdings",
            )
        ],
    ),
    # A range of change keeps its lower end; two series joined by `and` share one change.
    (
        "range-of-change-two-series",
        "Japan silicon",
        "Both export and domestic consumption figures are set to rise by approximately 10-11% from the previous year.",
        [
            dict(value=None, change_pct=10, change_basis="y/y", metric="exports", forecast=True),
            dict(value=None, change_pct=10, change_basis="y/y", metric="consumption", forecast=True),
        ],
    ),
    # A comparison level is a fact of its own with its own period.
    (
        "comparison-level",
        "Japan lithium",
        "Imports from Chile rose to 1,872 tons, a notable increase from the 138 tons recorded in 2023.",
        [
            dict(value=1872, unit="t", change_pct=None, metric="imports", partner="Chile"),
            dict(value=138, unit="t", metric="imports", partner="Chile", period="2023"),
        ],
    ),
    # Euro amounts and `per tonne` written out.
    (
        "euro-per-tonne",
        "European aluminium",
        "The Rotterdam duty-paid premium rose to €350 per tonne in July.",
        [dict(value=350, unit="EUR/t", metric="price", period="--07")],
    ),
    # Money per counted item.
    (
        "money-per-unit",
        "EV subsidies",
        "The ministry will pay up to ¥900,000 per EV from April 1.",
        [
            dict(
                value=900000,
                unit="JPY/unit",
                metric="subsidy",
                commodity="electric vehicles",
                period="--04",
                forecast=True,
            )
        ],
    ),
    # Thousands of units counted: vehicles.
    (
        "counted-units",
        "China car exports",
        "China exported 5.2 million passenger cars in 2024, up 23% from the previous year.",
        [
            dict(
                value=5200000,
                unit="units",
                change_pct=23,
                change_basis="y/y",
                metric="exports",
                commodity="passenger cars",
                country="China",
                period="2024",
            )
        ],
    ),
    # Annual plant capacity: `t/yr` written as `tpy`.
    (
        "capacity-tpy",
        "Lithium refinery",
        "Albemarle plans to build a 50,000tpy lithium hydroxide plant in Australia.",
        [
            dict(
                value=50000,
                unit="t/yr",
                metric="capacity",
                commodity="lithium hydroxide",
                country="Australia",
                company="Albemarle",
                forecast=True,
            )
        ],
    ),
    # Argus: `1.005bn t` and `from a year earlier` (y/y); NBS credited.
    (
        "argus-bn-t",
        "China steel",
        "China produced 1.005bn t of crude steel in 2024, down by 1.7pc from a year earlier, the NBS said.",
        [
            dict(
                value=1.005e9,
                unit="t",
                change_pct=-1.7,
                change_basis="y/y",
                metric="production",
                commodity="crude steel",
                country="China",
                period="2024",
                source="NBS",
            )
        ],
    ),
    # `by more than 80%` is a fall of 80 (not a comparison with `than`), paired with the level after `to`.
    (
        "more-than-is-a-bound",
        "Lithium",
        "Spodumene prices slumped by more than 80% in 2023 to around $1,000/t.",
        [dict(value=1000, unit="USD/t", change_pct=-80, metric="price", commodity="spodumene", period="2023")],
    ),
    # `a quarter of a century` is time, not a share.
    (
        "quarter-of-a-century",
        "Copper",
        "Codelco's output dropped 6% to 1.32 million tonnes, its lowest in a quarter of a century.",
        [dict(value=1.32e6, unit="t", change_pct=-6, metric="production", company="Codelco")],
    ),
    # A quarterly premium with a quarter-on-quarter basis.
    (
        "premium-q-on-q",
        "Japan aluminium premium",
        "Japanese buyers agreed to pay a premium of $175/t for third-quarter shipments, up 7% "
        "from the previous quarter.",
        [dict(value=175, unit="USD/t", change_pct=7, change_basis="q/q", metric="price", commodity="aluminium")],
    ),
    # The reporting country's shipments to another country are its exports; `while` splits the flows.
    (
        "shipments-to-are-exports",
        "Japan scrap exports",
        "Japan's ferrous scrap exports to Vietnam rose by 15% to 1.7mn t in January-September, "
        "while shipments to South Korea fell 20%.",
        [
            dict(value=1.7e6, change_pct=15, metric="exports", country="Japan", partner="Vietnam", period="--01/--09"),
            dict(
                value=None,
                change_pct=-20,
                metric="exports",
                country="Japan",
                partner="South Korea",
                commodity="ferrous scrap",
            ),
        ],
    ),
    # `rose 12,000t to 280,000t`: the first figure is a signed difference, the second the level.
    (
        "difference-then-level",
        "Copper stocks",
        "Copper inventories in Shanghai Futures Exchange warehouses fell 12,000t to 280,000t last week.",
        [
            dict(value=-12000, unit="t", metric="inventory", commodity="copper"),
            dict(value=280000, unit="t", metric="inventory", commodity="copper"),
        ],
    ),
    # A comparison level written with a possessive year keeps that year.
    (
        "possessive-comparison-year",
        "Zinc",
        "Zinc treatment charges for 2025 were settled at $165/t, down 39% from 2024's $274/t.",
        [
            dict(value=165, unit="USD/t", change_pct=-39, metric="price", period="2025"),
            dict(value=274, unit="USD/t", change_pct=None, metric="price", period="2024"),
        ],
    ),
    # Safeguard duty: levied by India on China, with a date of effect.
    (
        "safeguard-duty",
        "India steel",
        "India imposed a 12% safeguard duty on certain steel imports from China, effective April 21.",
        [dict(value=12, unit="%", metric="tariff", country="India", partner="China", period="--04", forecast=False)],
    ),
    # A share of world supply: no reporting country.
    (
        "share-of-world",
        "Cobalt",
        "The DRC accounts for over 70pc of world cobalt mine supply.",
        [dict(value=70, metric="market_share", country=None, partner="Democratic Republic of the Congo")],
    ),
    # SMM: two changes of one level, `up 49.6% YoY and 9.6% MoM`: the second is its own null-value fact.
    (
        "coordinated-changes",
        "SMM: China NEV sales",
        "China's NEV sales reached 1.28 million units in October, up 49.6% YoY and 9.6% MoM, according to CAAM.",
        [
            dict(
                value=1.28e6,
                unit="units",
                change_pct=49.6,
                change_basis="y/y",
                metric="sales",
                commodity="new energy vehicles",
                country="China",
                period="--10",
                source="CAAM",
            ),
            dict(value=None, change_pct=9.6, change_basis="m/m", metric="sales", period="--10"),
        ],
    ),
    # Fastmarkets: a product grade (`56.5% LiOH.H2O min`) is no figure; `down by $0.25 per kg` is a difference.
    (
        "fastmarkets-grade-and-difference",
        "Lithium hydroxide prices",
        "Fastmarkets assessed lithium hydroxide monohydrate, 56.5% LiOH.H2O min, battery grade, "
        "at $9.50-10.50 per kg on Thursday, down by $0.25 per kg from a week earlier.",
        [
            dict(
                value=9.5,
                value_max=10.5,
                unit="USD/kg",
                metric="price",
                commodity="lithium hydroxide",
                source="Fastmarkets",
            ),
            dict(value=-0.25, unit="USD/kg", metric="price"),
        ],
    ),
    # Reuters: company guidance as a `between … and …` range; the quarter without a year is its months.
    (
        "between-and-range",
        "Glencore output",
        "Glencore expects to produce between 850,000 and 910,000 tonnes of copper in the first quarter.",
        [
            dict(
                value=850000,
                value_max=910000,
                unit="t",
                metric="production",
                commodity="copper",
                company="Glencore",
                forecast=True,
                period="--01/--03",
            )
        ],
    ),
    # Argus: the EU as reporting geography; an over-quota tariff rate.
    (
        "eu-quota-tariff",
        "EU steel safeguard",
        "The EU will keep the 25pc over-quota tariff on steel imports.",
        [dict(value=25, unit="%", metric="tariff", commodity="steel", forecast=True)],
    ),
    # Reuters: year-to-date as `the first five months`.
    (
        "first-n-months",
        "China's iron ore imports",
        "For the first five months, imports totalled 507.4 million tons, up 5.5% on the year.",
        [
            dict(
                value=5.074e8,
                unit="t",
                change_pct=5.5,
                change_basis="y/y",
                metric="imports",
                country="China",
                period="--01/--05",
            )
        ],
    ),
    # `expected to double to … by 2030 from about … now`: a forecast doubling and an undated comparison level.
    (
        "double-to-from-now",
        "Indian aluminium demand",
        "India's aluminium demand is expected to double to 10 million tonnes by 2030 from about 5 million tonnes now.",
        [
            dict(
                value=1e7,
                unit="t",
                change_pct=100,
                metric="demand",
                commodity="aluminium",
                country="India",
                period="2030",
                forecast=True,
            ),
            dict(value=5e6, unit="t", change_pct=None, metric="demand", period=None, forecast=False, bound="about"),
        ],
    ),
    # A demonym supplier in a `while` clause keeps the carried series (imports) and takes its own partner.
    (
        "demonym-supplier-in-while-clause",
        "China's iron ore imports",
        "Shipments from Australia, the top supplier, dropped 5% to 60.1 million tons, while Brazilian cargoes rose 2%.",
        [
            dict(value=6.01e7, change_pct=-5, metric="imports", country="China", partner="Australia"),
            dict(value=None, change_pct=2, metric="imports", country="China", partner="Brazil"),
        ],
    ),
    # `5pc higher than a year earlier`: a comparative after the figure is a change, with its basis.
    (
        "comparative-after-figure",
        "Copper premiums",
        "Prices averaged $2,345/t in the quarter, 5pc higher than a year earlier.",
        [dict(value=2345, unit="USD/t", change_pct=5, change_basis="y/y", metric="price")],
    ),
    # `12pc below` is a fall.
    (
        "below-is-down",
        "Japan copper exports",
        "Exports were 12pc below year-earlier levels.",
        [dict(value=None, change_pct=-12, metric="exports")],
    ),
    # An equity stake is ownership, not a market figure; the price paid is an investment-like amount.
    (
        "stake-not-share",
        "Sojitz",
        "Sojitz acquired a 10pc stake in the mine for $50mn.",
        [dict(value=5e7, unit="USD")],
    ),
    # Japan Metal Bulletin: a list-price cut `by ¥3,000/t to ¥122,000/t` is a signed difference and a level.
    (
        "jmb-list-price-cut",
        "Japan steel prices",
        "Tokyo Steel lowered its list prices for H-beams by ¥3,000/t to ¥122,000/t for October contracts.",
        [
            dict(value=-3000, unit="JPY/t", metric="price", country="Japan", period="--10"),
            dict(value=122000, unit="JPY/t", metric="price", country="Japan", period="--10"),
        ],
    ),
    # Reuters: a tariff raised `to 50% from 25%`; the levying country is the subject of `raised`.
    (
        "tariff-raised-to-from",
        "US metal tariffs",
        "U.S. President Donald Trump raised tariffs on steel and aluminum imports to 50% from 25%.",
        [
            dict(value=50, unit="%", metric="tariff", country="United States"),
            dict(value=25, unit="%", metric="tariff", country="United States"),
        ],
    ),
    # SMM: `mt` after a number is metric tonnes; two changes with their own bases.
    (
        "smm-mt-two-bases",
        "China cobalt",
        "According to SMM, China's cobalt sulphate output in September was 5,300 mt, down 8% MoM and up 12% YoY.",
        [
            dict(
                value=5300,
                unit="t",
                change_pct=-8,
                change_basis="m/m",
                metric="production",
                commodity="cobalt sulphate",
                country="China",
                period="--09",
                source="SMM",
            ),
            dict(value=None, change_pct=12, change_basis="y/y", metric="production", period="--09"),
        ],
    ),
]

# ---- Generalisation beyond the seed: phenomena observed on Argus, Fastmarkets, Reuters, JMB and SMM text.
CASES += [
    # Currency prefixes are money, not a geography: `US$` is not the United States; an assessed
    # world price with no country stays null.
    (
        "usd-prefix-not-a-country",
        "Cobalt market",
        "Fastmarkets assessed cobalt standard grade at US$6.50-8/kg, up $0.25/kg from the previous week.",
        [
            dict(
                value=6.5,
                value_max=8,
                unit="USD/kg",
                metric="price",
                commodity="cobalt",
                country=None,
                source="Fastmarkets",
            ),
            dict(value=0.25, unit="USD/kg", metric="price", commodity="cobalt", country=None),
        ],
    ),
    # `A$`, `HK$` and `S$` are currencies too, and never countries.
    (
        "other-dollar-prefixes",
        "Lithium miners",
        "Pilbara Minerals plans to spend A$560mn on the expansion, while a Hong Kong trader paid HK$80mn.",
        [
            dict(value=5.6e8, unit="AUD", metric="investment", company="Pilbara Minerals", country="Australia"),
            dict(value=8e7, unit="HKD"),
        ],
    ),
    # Trade side from the credited statistics: ABS is Australian, so `Australia's exports to China`
    # stays Australia's exports with China the partner.
    (
        "abs-exporter-side",
        "Iron ore trade",
        "Australia's iron ore exports to China climbed 7pc on the month to 61.3mn t in October, ABS data show.",
        [
            dict(
                value=6.13e7,
                unit="t",
                change_pct=7,
                change_basis="m/m",
                metric="exports",
                commodity="iron ore",
                country="Australia",
                partner="China",
                period="--10",
                source="ABS",
            ),
        ],
    ),
    # Reuters: the same flow credited to China's customs is China's imports from Australia.
    (
        "gacc-importer-side",
        "Iron ore trade",
        "Australia's iron ore exports to China rose 5% to 60 million tonnes in May, according to China's "
        "General Administration of Customs.",
        [
            dict(
                value=6e7,
                unit="t",
                change_pct=5,
                metric="imports",
                commodity="iron ore",
                country="China",
                partner="Australia",
                period="--05",
                source="China Customs",
            ),
        ],
    ),
    # Japan's Finance Ministry data: `Argentina's exports to Japan` are Japan's imports from Argentina.
    (
        "finance-ministry-importer-side",
        "Lithium trade",
        "Argentina's lithium carbonate exports to Japan fell 20% to 1,500 tonnes in 2024, Finance Ministry "
        "data showed.",
        [
            dict(
                value=1500,
                unit="t",
                change_pct=-20,
                metric="imports",
                commodity="lithium carbonate",
                country="Japan",
                partner="Argentina",
                period="2024",
                source="Finance Ministry",
            ),
        ],
    ),
    # Vocabulary: NdPr oxide is a commodity of its own, never one carried from elsewhere.
    (
        "ndpr-oxide",
        "Rare earths",
        "South Korea imported 3,400 tonnes of NdPr oxide from China in the first quarter, a 12% increase from "
        "a year earlier.",
        [
            dict(
                value=3400,
                unit="t",
                change_pct=12,
                change_basis="y/y",
                metric="imports",
                commodity="ndpr oxide",
                country="South Korea",
                partner="China",
                period="--01/--03",
            ),
        ],
    ),
    # A company plan stated as an absolute difference: signed t/yr value, production, forecast,
    # `from 2026` (a plan's start), the company's home country.
    (
        "company-plan-difference",
        "Steel",
        "Posco plans to raise its hot-rolled coil output by 500,000 t/yr from 2026.",
        [
            dict(
                value=500000,
                unit="t/yr",
                metric="production",
                commodity="hot-rolled coil",
                company="POSCO",
                country="South Korea",
                forecast=True,
            ),
        ],
    ),
    # An exchange price is a world price: country null, the exchange is the source.
    (
        "lme-price-global",
        "Nickel",
        "Nickel prices on the LME dropped 2.1% to $16,430 a tonne.",
        [
            dict(
                value=16430,
                unit="USD/t",
                change_pct=-2.1,
                change_basis=None,
                metric="price",
                commodity="nickel",
                country=None,
                source="LME",
            ),
        ],
    ),
    # Reuters: `a metric ton` after a dollar price; London Metal Exchange written out.
    (
        "reuters-lme-metric-ton",
        "Copper",
        "Benchmark three-month copper on the London Metal Exchange was up 0.8% at $9,780 a metric ton.",
        [
            dict(
                value=9780, unit="USD/t", change_pct=0.8, metric="price", commodity="copper", country=None, source="LME"
            )
        ],
    ),
    # SHFE is Chinese: its prices are China's.
    (
        "shfe-price-china",
        "Aluminium",
        "The most-traded aluminium contract on the Shanghai Futures Exchange fell 1.4% to 20,310 yuan a tonne.",
        [
            dict(
                value=20310,
                unit="CNY/t",
                change_pct=-1.4,
                metric="price",
                commodity="aluminium",
                country="China",
                source="SHFE",
            )
        ],
    ),
    # Prices per troy ounce stay per ounce.
    (
        "usd-per-ounce",
        "Precious metals",
        "Spot gold rose 0.5% to $2,345.60 per ounce.",
        [dict(value=2345.6, unit="USD/oz", change_pct=0.5, metric="price", commodity="gold", country=None)],
    ),
    # Fastmarkets: a range per pound, with a warehouse basis that names no country.
    (
        "fastmarkets-per-lb-range",
        "Cobalt",
        "The Fastmarkets cobalt standard grade, in-whs Rotterdam, price was assessed at $11.20-12.00/lb.",
        [
            dict(
                value=11.2,
                value_max=12,
                unit="USD/lb",
                metric="price",
                commodity="cobalt",
                country="Netherlands",  # the price's delivery point (in-whs Rotterdam)
                source="Fastmarkets",
            )
        ],
    ),
    # Fastmarkets: a level and the comparison level it moved from, both prices per lb.
    (
        "fastmarkets-from-level",
        "Molybdenum",
        "Molybdenum oxide prices rose to $21.50/lb, cif Rotterdam, from $20.80/lb a week earlier.",
        [
            dict(value=21.5, unit="USD/lb", metric="price", commodity="molybdenum oxide"),
            dict(value=20.8, unit="USD/lb", metric="price", commodity="molybdenum oxide"),
        ],
    ),
    # Fastmarkets: a range stated `between … and …` with the unit once.
    (
        "between-range",
        "Ferroalloys",
        "Silicon manganese prices in India were assessed between $1,250 and $1,300/t.",
        [dict(value=1250, value_max=1300, unit="USD/t", metric="price", commodity="silicomanganese", country="India")],
    ),
    # Argus: a monthly change in `pc` with `on the month`, a steel product as the commodity.
    (
        "argus-hrc-exports",
        "Indian steel",
        "India's hot-rolled coil exports rose by 18pc on the month to 412,000t in April.",
        [
            dict(
                value=412000,
                unit="t",
                change_pct=18,
                change_basis="m/m",
                metric="exports",
                commodity="hot-rolled coil",
                country="India",
                period="--04",
            )
        ],
    ),
    # Argus: a second change for a partner in a `with …` clause is its own null-value fact.
    (
        "argus-with-partner-change",
        "Japan scrap",
        "Japan's ferrous scrap exports fell by 9pc on the year to 610,000t in May, with shipments to Vietnam "
        "down by 21pc.",
        [
            dict(
                value=610000,
                unit="t",
                change_pct=-9,
                change_basis="y/y",
                metric="exports",
                commodity="ferrous scrap",
                country="Japan",
                period="--05",
            ),
            dict(value=None, change_pct=-21, metric="exports", country="Japan", partner="Vietnam"),
        ],
    ),
    # Argus: a share of a total is market_share, the supplier its holder.
    (
        "argus-share-of-imports",
        "China iron ore",
        "Imports from Australia accounted for 65pc of China's total iron ore imports in March.",
        [
            dict(
                value=65,
                unit="%",
                metric="market_share",
                commodity="iron ore",
                country="China",
                partner="Australia",
                period="--03",
            )
        ],
    ),
    # Argus: a price and a signed weekly move; a trade-basis location (fob Australia) is the geography.
    (
        "argus-fob-price",
        "Spodumene",
        "Spodumene prices rose by 6pc to $1,050/t fob Australia.",
        [dict(value=1050, unit="USD/t", change_pct=6, metric="price", commodity="spodumene", country="Australia")],
    ),
    # Argus: euro prices with a signed difference and a level, a region that is not a country.
    (
        "argus-euro-hrc",
        "European steel",
        "Hot-rolled coil prices in northern Europe fell by €15/t to €620/t ex-works.",
        [
            dict(value=-15, unit="EUR/t", metric="price", commodity="hot-rolled coil", country=None),
            dict(value=620, unit="EUR/t", metric="price", commodity="hot-rolled coil", country=None),
        ],
    ),
    # Reuters: customs data credited at the end; `year on year` without hyphens.
    (
        "reuters-customs-credit",
        "China copper",
        "China's copper concentrate imports rose 10.3% year on year to 2.34 million tonnes in May, data from "
        "the General Administration of Customs showed.",
        [
            dict(
                value=2.34e6,
                unit="t",
                change_pct=10.3,
                change_basis="y/y",
                metric="imports",
                commodity="copper concentrate",
                country="China",
                period="--05",
                source="China Customs",
            )
        ],
    ),
    # Reuters: a state miner's output, its own year, the company named before its figure.
    (
        "reuters-codelco-output",
        "Chile copper",
        "Chile's Codelco produced 1.32 million tonnes of copper in 2023, down 9.9% from a year earlier.",
        [
            dict(
                value=1.32e6,
                unit="t",
                change_pct=-9.9,
                change_basis="y/y",
                metric="production",
                commodity="copper",
                company="Codelco",
                country="Chile",
                period="2023",
            )
        ],
    ),
    # Reuters: a miner's own deliveries are shipments; a year-less quarter.
    (
        "reuters-miner-shipments",
        "Iron ore",
        "Rio Tinto's Pilbara iron ore shipments fell 2% to 79.5 million tonnes in the second quarter.",
        [
            dict(
                value=7.95e7,
                unit="t",
                change_pct=-2,
                metric="shipments",
                commodity="iron ore",
                company="Rio Tinto",
                period="--04/--06",
            )
        ],
    ),
    # Reuters: a share of the world's supply: global, so country null, the producer the holder.
    (
        "reuters-world-share",
        "Rare earths",
        "China produces about 70% of the world's rare earths.",
        [dict(value=70, unit="%", metric="market_share", commodity="rare earths", country=None, partner="China")],
    ),
    # A company not in any table: a capitalised subject that plans is a company.
    (
        "unknown-company-subject",
        "Zinc",
        "Trafigura plans to lift zinc output at its Australian smelter by 20,000t next year.",
        [dict(value=20000, metric="production", commodity="zinc", company="Trafigura", forecast=True)],
    ),
    # Japan Metal Bulletin: a flat level and a monthly move in yen per tonne.
    (
        "jmb-yen-move",
        "Japan steel",
        "Japan's H-beam prices were flat at ¥118,000/t in Tokyo, down ¥5,000/t from the previous month.",
        [
            dict(value=118000, unit="JPY/t", metric="price", commodity="h-beams", country="Japan"),
            dict(value=-5000, unit="JPY/t", metric="price", commodity="h-beams", country="Japan"),
        ],
    ),
    # Japan Metal Bulletin: `on the quarter` is quarter-on-quarter; a company's plan for a quarter.
    (
        "jmb-on-the-quarter",
        "Japan steel",
        "Nippon Steel plans to produce 10.5 million tonnes of crude steel in the July-September quarter, down "
        "3% on the quarter.",
        [
            dict(
                value=1.05e7,
                unit="t",
                change_pct=-3,
                change_basis="q/q",
                metric="production",
                commodity="crude steel",
                company="Nippon Steel",
                country="Japan",
                period="--07/--09",
                forecast=True,
            )
        ],
    ),
    # Japan Metal Bulletin: a federation credited with `said`, `from a year earlier`.
    (
        "jmb-jisf-exports",
        "Japan steel",
        "Japan's steel exports in April fell 6.7% from a year earlier to 2.52 million tonnes, the JISF said.",
        [
            dict(
                value=2.52e6,
                unit="t",
                change_pct=-6.7,
                change_basis="y/y",
                metric="exports",
                commodity="steel",
                country="Japan",
                period="--04",
                source="JISF",
            )
        ],
    ),
    # SMM: MoM and YoY for one level; NPI expanded; SMM's statistics are China's.
    (
        "smm-npi-two-bases",
        "NPI",
        "SMM data showed that China's NPI output in May was 28,600 mt in metal content, down 3.2% MoM and 12.1% YoY.",
        [
            dict(
                value=28600,
                unit="t",
                change_pct=-3.2,
                change_basis="m/m",
                metric="production",
                commodity="nickel pig iron",
                country="China",
                period="--05",
                source="SMM",
            ),
            dict(value=None, change_pct=-12.1, change_basis="y/y", metric="production"),
        ],
    ),
    # SMM: yuan per metric tonne written `yuan/mt`; WoW basis is outside the vocabulary.
    (
        "smm-yuan-per-mt-wow",
        "Copper",
        "The average price of SMM #1 refined copper cathode rose by 450 yuan/mt WoW to 78,900 yuan/mt.",
        [
            dict(
                value=450,
                unit="CNY/t",
                change_basis=None,
                metric="price",
                commodity="refined copper cathode",
                country="China",
                source="SMM",
            ),
            dict(value=78900, unit="CNY/t", metric="price", commodity="refined copper cathode", country="China"),
        ],
    ),
    # SMM: `stood at`, `MoM`, SMM said at the end.
    (
        "smm-stood-at",
        "Lithium",
        "China's lithium hydroxide exports in April stood at 6,280 mt, up 8.5% MoM, SMM said.",
        [
            dict(
                value=6280,
                unit="t",
                change_pct=8.5,
                change_basis="m/m",
                metric="exports",
                commodity="lithium hydroxide",
                country="China",
                period="--04",
                source="SMM",
            )
        ],
    ),
    # Multi-fact: a total and the suppliers' parts in one sentence.
    (
        "total-and-parts",
        "China copper",
        "China imported 2.39 million mt of copper concentrate in May, of which 780,000 mt came from Chile and "
        "310,000 mt from Peru.",
        [
            dict(
                value=2.39e6,
                unit="t",
                metric="imports",
                commodity="copper concentrate",
                country="China",
                partner=None,
                period="--05",
            ),
            dict(value=780000, unit="t", metric="imports", country="China", partner="Chile", period="--05"),
            dict(value=310000, unit="t", metric="imports", country="China", partner="Peru", period="--05"),
        ],
    ),
    # A range with the scale written on both ends (`310mn-320mn t`); a company guidance is a forecast.
    (
        "range-scale-both-ends",
        "Iron ore",
        "Vale expects to produce 310mn-320mn t of iron ore in 2024.",
        [
            dict(
                value=3.1e8,
                value_max=3.2e8,
                unit="t",
                metric="production",
                commodity="iron ore",
                company="Vale",
                period="2024",
                forecast=True,
                source="Vale",
            )
        ],
    ),
    # Ore shipped in wet tonnes is still tonnes; a country's shipments to another are its exports.
    (
        "wet-tonnes-exports",
        "Nickel ore",
        "The Philippines shipped 3.1mn wet tonnes of nickel ore to China in May.",
        [
            dict(
                value=3.1e6,
                unit="t",
                metric="exports",
                commodity="nickel ore",
                country="Philippines",
                partner="China",
                period="--05",
            )
        ],
    ),
    # A share of the world's market held by a company: global, the company the holder.
    (
        "company-world-share",
        "Batteries",
        "CATL supplied 36.8% of the world's EV batteries in 2023, according to SNE Research.",
        [
            dict(
                value=36.8,
                unit="%",
                metric="market_share",
                commodity="electric vehicle batteries",
                company="CATL",
                country=None,
                period="2023",
                source="SNE Research",
            )
        ],
    ),
    # Korean trade statistics credited by abbreviation.
    (
        "kita-imports",
        "Korea steel",
        "South Korea's steel imports from China fell 15.8% year on year to 7.8 million tonnes in 2023, KITA data "
        "showed.",
        [
            dict(
                value=7.8e6,
                unit="t",
                change_pct=-15.8,
                change_basis="y/y",
                metric="imports",
                commodity="steel",
                country="South Korea",
                partner="China",
                period="2023",
                source="KITA",
            )
        ],
    ),
    # Australian miners' `March quarter` is the quarter ending in March; `from the December quarter` is q/q.
    (
        "quarter-named-by-its-last-month",
        "Lithium miners",
        "Mineral Resources shipped 0.54mn t of spodumene concentrate in the March quarter, down by 14pc from the "
        "December quarter.",
        [
            dict(
                value=540000,
                unit="t",
                change_pct=-14,
                change_basis="q/q",
                metric="shipments",
                commodity="spodumene concentrate",
                company="Mineral Resources",
                period="--01/--03",
            )
        ],
    ),
    # Exchange stocks: a signed drawdown and the level it fell to, both inventory.
    (
        "exchange-stocks-drawdown",
        "Copper",
        "Copper stocks in LME warehouses fell 3,250 tonnes to 108,000 tonnes.",
        [
            dict(value=-3250, unit="t", metric="inventory", commodity="copper", source="LME"),
            dict(value=108000, unit="t", metric="inventory", commodity="copper", source="LME"),
        ],
    ),
    # A later clause's destination belongs to its own figure (the share), not to the total before it.
    (
        "share-destination-after-figure",
        "Lithium trade",
        "Argentina's lithium carbonate exports rose by 27pc to 78,000t in 2023, with 55pc shipped to China.",
        [
            dict(
                value=78000,
                unit="t",
                change_pct=27,
                metric="exports",
                commodity="lithium carbonate",
                country="Argentina",
                partner=None,
                period="2023",
            ),
            dict(
                value=55,
                unit="%",
                metric="market_share",
                commodity="lithium carbonate",
                country="Argentina",
                partner="China",
                period="2023",
            ),
        ],
    ),
    # India's fiscal year written `2024-25 fiscal year` is FY2024.
    (
        "fiscal-year-dash",
        "India steel",
        "India's steel consumption is forecast to grow 8% to 146mn t in the 2024-25 fiscal year.",
        [
            dict(
                value=1.46e8,
                unit="t",
                change_pct=8,
                metric="consumption",
                commodity="steel",
                country="India",
                period="FY2024",
                forecast=True,
            )
        ],
    ),
    # Negative: an exchange-rate move and `US dollars` are neither a market figure nor a country.
    (
        "negative-currency-move",
        "Currencies",
        "Prices were quoted in US dollars, with the Australian dollar weakening 1.2% against the greenback.",
        [],
    ),
    # Negative: a date, a head count and a year of first operation are not market figures.
    ("negative-dates-and-people", "Smelter", "The smelter, which began operations in 2019, employs 1,200 people.", []),
    # Negative: a 50:50 joint venture and a year are not facts.
    ("negative-joint-venture", "Nickel", "Glencore's 50:50 joint venture with Vale was first announced in 2019.", []),
    # Negative: an outlook without numbers.
    ("negative-outlook", "Lithium", "SMM expects the market to remain weak in the short term, analysts said.", []),
]


# Whole posts (several paragraphs, published 2024-06-15): what carries across sentences and
# paragraphs. Each row lists every fact of the post in reading order.
PostCase = tuple[str, tuple[str, ...], list[dict[str, Any]]]
PUBLISHED = datetime(2024, 6, 15, tzinfo=UTC)

POST_CASES: list[PostCase] = [
    # Context does not leak across paragraphs that each name their own subject: no carried year,
    # country, commodity or source; relative days (`on Thursday`, `on Friday`) take the
    # publication month; US$ is money; ABS data are Australia's exports; an LME price is global;
    # a company plan is the company's; NdPr oxide is its own commodity.
    (
        "no-leak-across-paragraphs",
        (
            "China's refined copper output rose 4.2% year on year to 1.12 million tonnes in May, according to "
            "the National Bureau of Statistics.",
            "Spot lithium carbonate prices in China fell by RMB 2,500/t week on week to RMB 89,000/t on Thursday, "
            "SMM data showed.",
            "Chile exported 5.2 million mt of copper concentrate in 2023, down 3% from a year earlier.",
            "Fastmarkets assessed cobalt standard grade at US$6.50-8/kg on Friday, up $0.25/kg from the previous week.",
            "Australia's iron ore exports to China climbed 7pc on the month to 61.3mn t in October, ABS data show.",
            "Nickel prices on the LME dropped 2.1% to $16,430 a tonne.",
            "Posco plans to raise its hot-rolled coil output by 500,000 t/yr from 2026.",
            "South Korea imported 3,400 tonnes of NdPr oxide from China in the first quarter, a 12% increase from "
            "a year earlier.",
        ),
        [
            dict(
                value=1.12e6,
                unit="t",
                change_pct=4.2,
                change_basis="y/y",
                metric="production",
                commodity="refined copper",
                country="China",
                period="2024-05",
                source="NBS",
            ),
            dict(
                value=-2500,
                unit="CNY/t",
                change_basis=None,
                metric="price",
                commodity="lithium carbonate",
                country="China",
                period="2024-06",
                source="SMM",
            ),
            dict(
                value=89000,
                unit="CNY/t",
                metric="price",
                commodity="lithium carbonate",
                country="China",
                period="2024-06",
                source="SMM",
            ),
            dict(
                value=5.2e6,
                unit="t",
                change_pct=-3,
                change_basis="y/y",
                metric="exports",
                commodity="copper concentrate",
                country="Chile",
                period="2023",
                source=None,
            ),
            dict(
                value=6.5,
                value_max=8,
                unit="USD/kg",
                metric="price",
                commodity="cobalt",
                country=None,
                period="2024-06",
                source="Fastmarkets",
            ),
            dict(value=0.25, unit="USD/kg", metric="price", commodity="cobalt", country=None, period="2024-06"),
            dict(
                value=6.13e7,
                unit="t",
                change_pct=7,
                change_basis="m/m",
                metric="exports",
                commodity="iron ore",
                country="Australia",
                partner="China",
                period="2023-10",
                source="ABS",
            ),
            dict(
                value=16430,
                unit="USD/t",
                change_pct=-2.1,
                metric="price",
                commodity="nickel",
                country=None,
                period=None,
                source="LME",
            ),
            dict(
                value=500000,
                unit="t/yr",
                metric="production",
                commodity="hot-rolled coil",
                company="POSCO",
                country="South Korea",
                period="2026",
                forecast=True,
            ),
            dict(
                value=3400,
                unit="t",
                change_pct=12,
                change_basis="y/y",
                metric="imports",
                commodity="ndpr oxide",
                country="South Korea",
                partner="China",
                period="2024-Q1",
                source=None,
                company=None,
            ),
        ],
    ),
    # Within one paragraph the text does carry its period, country and commodity to the next sentence.
    (
        "carry-within-paragraph",
        (
            "China's refined copper output rose 4.2% to 1.12mn t in May, NBS data showed. Imports fell by 8% "
            "to 450,000t.",
        ),
        [
            dict(
                value=1.12e6,
                metric="production",
                commodity="refined copper",
                country="China",
                period="2024-05",
                source="NBS",
            ),
            dict(
                value=450000,
                change_pct=-8,
                metric="imports",
                commodity="refined copper",
                country="China",
                period="2024-05",
            ),
        ],
    ),
    # A credit covers the same release in another paragraph (same country, series and commodity
    # family) but not a different report of the same post.
    (
        "credit-covers-its-release-only",
        (
            "Japan's lithium carbonate imports fell by 40% to 11,520 tonnes in 2024, according to the Finance "
            "Ministry.",
            "Imports from Chile fell by 45% to 8,000 tonnes.",
            "Separately, Japan's crude steel output fell 3% to 84mn t in 2024.",
        ),
        [
            dict(
                value=11520,
                metric="imports",
                commodity="lithium carbonate",
                country="Japan",
                period="2024",
                source="Finance Ministry",
            ),
            dict(
                value=8000,
                metric="imports",
                commodity="lithium carbonate",
                country="Japan",
                partner="Chile",
                period="2024",
                source="Finance Ministry",
            ),
            dict(
                value=8.4e7, metric="production", commodity="crude steel", country="Japan", period="2024", source=None
            ),
        ],
    ),
    # Reuters: `showed on Tuesday` dates the release, not the figure, which keeps its own month.
    (
        "release-day-is-not-the-period",
        ("China's unwrought aluminium exports rose 12% to 560,000 tonnes in May, customs data showed on Tuesday.",),
        [
            dict(
                value=560000,
                change_pct=12,
                metric="exports",
                commodity="unwrought aluminium",
                country="China",
                period="2024-05",
            )
        ],
    ),
    # JMB/Fastmarkets price lists: `for July shipments` in a June post is the coming July.
    (
        "list-price-for-coming-month",
        (
            "JFE Steel plans to raise export prices for hot-rolled coil to Southeast Asia by $20/t to $560/t cfr "
            "for July shipments.",
        ),
        [
            dict(
                value=20,
                unit="USD/t",
                metric="price",
                commodity="hot-rolled coil",
                company="JFE Steel",
                period="2024-07",
                forecast=True,
            ),
            dict(
                value=560,
                unit="USD/t",
                metric="price",
                commodity="hot-rolled coil",
                company="JFE Steel",
                period="2024-07",
                forecast=True,
            ),
        ],
    ),
    # `over the same period` points back to the period before, even in a new report's paragraph.
    (
        "same-period-anaphor",
        (
            "China's copper cathode output in May rose 3.8% MoM to 1.02 million mt, SMM data showed.",
            "Chinese aluminium output rose 6% to 3.6mn t over the same period, the NBS said.",
        ),
        [
            dict(
                value=1.02e6,
                change_pct=3.8,
                change_basis="m/m",
                metric="production",
                commodity="copper cathode",
                country="China",
                period="2024-05",
                source="SMM",
            ),
            dict(
                value=3.6e6,
                change_pct=6,
                metric="production",
                commodity="aluminium",
                country="China",
                period="2024-05",
                source="NBS",
            ),
        ],
    ),
    # A paragraph that names no commodity of its own continues the report before it.
    (
        "continuation-paragraph-keeps-context",
        (
            "Japan's primary aluminium imports rose 5% to 1.2mn t in 2023, Finance Ministry data showed.",
            "Imports from Australia fell 3% to 310,000t.",
        ),
        [
            dict(
                value=1.2e6,
                metric="imports",
                commodity="primary aluminium",
                country="Japan",
                period="2023",
                source="Finance Ministry",
            ),
            dict(
                value=310000,
                metric="imports",
                commodity="primary aluminium",
                country="Japan",
                partner="Australia",
                period="2023",
                source="Finance Ministry",
            ),
        ],
    ),
]


def _post(title: str, text: str) -> Post:
    return Post(title=title, blocks=(Block("paragraph", text),))


def _check(fact: Fact, expected: dict[str, Any]) -> list[str]:
    problems = []
    for name, want in expected.items():
        got = getattr(fact, name)
        if isinstance(want, float | int) and not isinstance(want, bool) and got is not None:
            if abs(float(got) - float(want)) > 1e-6 * max(1.0, abs(float(want))):
                problems.append(f"{name}: {got!r} != {want!r}")
        elif got != want:
            problems.append(f"{name}: {got!r} != {want!r}")
    return problems


@pytest.mark.parametrize("name,title,sentence,expected", CASES, ids=[c[0] for c in CASES])
def test_case(name: str, title: str, sentence: str, expected: list[dict[str, Any]]) -> None:
    facts = extract_facts(_post(title, sentence))
    assert len(facts) == len(expected), [(f.value, f.unit, f.change_pct, f.metric) for f in facts]
    for fact, want in zip(facts, expected, strict=True):
        assert fact.sentence == sentence
        assert not _check(fact, want), (_check(fact, want), fact)


@pytest.mark.parametrize("name,paragraphs,expected", POST_CASES, ids=[c[0] for c in POST_CASES])
def test_post_case(name: str, paragraphs: tuple[str, ...], expected: list[dict[str, Any]]) -> None:
    post = Post(title="Market report", blocks=tuple(Block("paragraph", p) for p in paragraphs), published=PUBLISHED)
    facts = extract_facts(post)
    assert len(facts) == len(expected), [(f.value, f.unit, f.change_pct, f.metric) for f in facts]
    for fact, want in zip(facts, expected, strict=True):
        assert not _check(fact, want), (_check(fact, want), fact)
