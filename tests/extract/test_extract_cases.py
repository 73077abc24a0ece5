"""Sentence → facts case table. Each case names the phenomenon it pins, and most come from
reporting styles other than the seed's (Argus, Fastmarkets, Reuters, SMM, Japan Metal
Bulletin), so the grammar is held to the language of metals reporting, not to one page."""

from __future__ import annotations

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
