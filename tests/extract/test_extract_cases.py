"""Sentence → facts case table, grouped by where the wording comes from (Reuters, Argus, SMM, Japan
Metal Bulletin, Fastmarkets, other trade press), then whole posts. Most rows come from reporting
styles other than the seed's, so the grammar is held to the language of metals reporting, not
to one page. Sentence rows are undated posts, as scraped text is; each comment names the phenomenon."""

from __future__ import annotations

import pytest

from metalnomist.extract import extract_facts
from tests.extract.cases import Case, F, check, row_id

# Reuters wire copy.
REUTERS = [
    # Reuters: `fell 3.1% year-on-year to`, a statistics office credited by `said`.
    # (reuters-production)
    Case(
        "Chile's copper production fell 3.1% year-on-year to 420,000 tonnes in June, the National "
        "Statistics Institute said.",
        [
            F(
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
        title="Chile copper output",
        published=None,
    ),
    # Reuters: `doubled` is +100%; `5.2 million mt` is metric tonnes; a half-year period.
    # (reuters-doubled-mt)
    Case(
        "Indonesia's nickel ore exports doubled to 5.2 million mt in the first half of 2024.",
        [
            F(
                value=5200000,
                unit="t",
                change_pct=100,
                metric="exports",
                commodity="nickel ore",
                country="Indonesia",
                period="2024-H1",
            )
        ],
        title="Indonesia nickel",
        published=None,
    ),
    # Reuters: company guidance as a `between … and …` range; the quarter without a year is its months.
    # (between-and-range)
    Case(
        "Glencore expects to produce between 850,000 and 910,000 tonnes of copper in the first quarter.",
        [
            F(
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
        title="Glencore output",
        published=None,
    ),
    # Reuters: year-to-date as `the first five months`.
    # (first-n-months)
    Case(
        "For the first five months, imports totalled 507.4 million tons, up 5.5% on the year.",
        [
            F(
                value=5.074e8,
                unit="t",
                change_pct=5.5,
                change_basis="y/y",
                metric="imports",
                country="China",
                period="--01/--05",
            )
        ],
        title="China's iron ore imports",
        published=None,
    ),
    # Reuters: a tariff raised `to 50% from 25%`; the levying country is the subject of `raised`.
    # (tariff-raised-to-from)
    Case(
        "U.S. President Donald Trump raised tariffs on steel and aluminum imports to 50% from 25%.",
        [
            F(value=50, unit="%", metric="tariff", country="United States"),
            F(value=25, unit="%", metric="tariff", country="United States"),
        ],
        title="US metal tariffs",
        published=None,
    ),
    # Reuters: the same flow credited to China's customs is China's imports from Australia.
    # (gacc-importer-side)
    Case(
        "Australia's iron ore exports to China rose 5% to 60 million tonnes in May, according to China's "
        "General Administration of Customs.",
        [
            F(
                value=6e7,
                unit="t",
                change_pct=5,
                metric="imports",
                commodity="iron ore",
                country="China",
                partner="Australia",
                period="--05",
                source="China Customs",
            )
        ],
        title="Iron ore trade",
        published=None,
    ),
    # Reuters: `a metric ton` after a dollar price; London Metal Exchange written out.
    # (reuters-lme-metric-ton)
    Case(
        "Benchmark three-month copper on the London Metal Exchange was up 0.8% at $9,780 a metric ton.",
        [F(value=9780, unit="USD/t", change_pct=0.8, metric="price", commodity="copper", country=None, source="LME")],
        title="Copper",
        published=None,
    ),
    # Reuters: customs data credited at the end; `year on year` without hyphens.
    # (reuters-customs-credit)
    Case(
        "China's copper concentrate imports rose 10.3% year on year to 2.34 million tonnes in May, data from "
        "the General Administration of Customs showed.",
        [
            F(
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
        title="China copper",
        published=None,
    ),
    # Reuters: a state miner's output, its own year, the company named before its figure.
    # (reuters-codelco-output)
    Case(
        "Chile's Codelco produced 1.32 million tonnes of copper in 2023, down 9.9% from a year earlier.",
        [
            F(
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
        title="Chile copper",
        published=None,
    ),
    # Reuters: a miner's own deliveries are shipments; a year-less quarter.
    # (reuters-miner-shipments)
    Case(
        "Rio Tinto's Pilbara iron ore shipments fell 2% to 79.5 million tonnes in the second quarter.",
        [
            F(
                value=7.95e7,
                unit="t",
                change_pct=-2,
                metric="shipments",
                commodity="iron ore",
                company="Rio Tinto",
                period="--04/--06",
            )
        ],
        title="Iron ore",
        published=None,
    ),
    # Reuters: a share of the world's supply: global, so country null, the producer the holder.
    # (reuters-world-share)
    Case(
        "China produces about 70% of the world's rare earths.",
        [F(value=70, unit="%", metric="market_share", commodity="rare earths", country=None, partner="China")],
        title="Rare earths",
        published=None,
    ),
]

# Argus.
ARGUS = [
    # Argus: `pc`, `on the year` basis, change and level in one clause, refined modifier kept.
    # (argus-pc-on-the-year)
    Case(
        "China's refined copper imports rose by 12pc on the year to 310,000t in March.",
        [
            F(
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
        title="China copper imports",
        published=None,
    ),
    # Argus: `1.005bn t` and `from a year earlier` (y/y); NBS credited.
    # (argus-bn-t)
    Case(
        "China produced 1.005bn t of crude steel in 2024, down by 1.7pc from a year earlier, the NBS said.",
        [
            F(
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
        title="China steel",
        published=None,
    ),
    # Argus: the EU as reporting geography; an over-quota tariff rate.
    # (eu-quota-tariff)
    Case(
        "The EU will keep the 25pc over-quota tariff on steel imports.",
        [F(value=25, unit="%", metric="tariff", commodity="steel", forecast=True)],
        title="EU steel safeguard",
        published=None,
    ),
    # Argus: a monthly change in `pc` with `on the month`, a steel product as the commodity.
    # (argus-hrc-exports)
    Case(
        "India's hot-rolled coil exports rose by 18pc on the month to 412,000t in April.",
        [
            F(
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
        title="Indian steel",
        published=None,
    ),
    # Argus: a second change for a partner in a `with …` clause is its own null-value fact.
    # (argus-with-partner-change)
    Case(
        "Japan's ferrous scrap exports fell by 9pc on the year to 610,000t in May, with shipments to Vietnam "
        "down by 21pc.",
        [
            F(
                value=610000,
                unit="t",
                change_pct=-9,
                change_basis="y/y",
                metric="exports",
                commodity="ferrous scrap",
                country="Japan",
                period="--05",
            ),
            F(value=None, change_pct=-21, metric="exports", country="Japan", partner="Vietnam"),
        ],
        title="Japan scrap",
        published=None,
    ),
    # Argus: a share of a total is market_share, the supplier its holder.
    # (argus-share-of-imports)
    Case(
        "Imports from Australia accounted for 65pc of China's total iron ore imports in March.",
        [
            F(
                value=65,
                unit="%",
                metric="market_share",
                commodity="iron ore",
                country="China",
                partner="Australia",
                period="--03",
            )
        ],
        title="China iron ore",
        published=None,
    ),
    # Argus: a price and a signed weekly move; a trade-basis location (fob Australia) is the geography.
    # (argus-fob-price)
    Case(
        "Spodumene prices rose by 6pc to $1,050/t fob Australia.",
        [F(value=1050, unit="USD/t", change_pct=6, metric="price", commodity="spodumene", country="Australia")],
        title="Spodumene",
        published=None,
    ),
    # Argus: euro prices with a signed difference and a level, a region that is not a country.
    # (argus-euro-hrc)
    Case(
        "Hot-rolled coil prices in northern Europe fell by €15/t to €620/t ex-works.",
        [
            F(value=-15, unit="EUR/t", metric="price", commodity="hot-rolled coil", country=None),
            F(value=620, unit="EUR/t", metric="price", commodity="hot-rolled coil", country=None),
        ],
        title="European steel",
        published=None,
    ),
]

# Shanghai Metals Market (SMM).
SMM = [
    # SMM: `RMB .../t` is yuan per tonne (CNY/t), `month-on-month`, SMM credited as a source.
    # (smm-rmb-price)
    Case(
        "SMM data showed battery-grade lithium carbonate averaged RMB 89,000/t in May, down 5.2% month-on-month.",
        [
            F(
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
        title="China lithium prices",
        published=None,
    ),
    # SMM: two changes of one level, `up 49.6% YoY and 9.6% MoM`: the second is its own null-value fact.
    # (coordinated-changes)
    Case(
        "China's NEV sales reached 1.28 million units in October, up 49.6% YoY and 9.6% MoM, according to CAAM.",
        [
            F(
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
            F(value=None, change_pct=9.6, change_basis="m/m", metric="sales", period="--10"),
        ],
        title="SMM: China NEV sales",
        published=None,
    ),
    # SMM: `mt` after a number is metric tonnes; two changes with their own bases.
    # (smm-mt-two-bases)
    Case(
        "According to SMM, China's cobalt sulphate output in September was 5,300 mt, down 8% MoM and up 12% YoY.",
        [
            F(
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
            F(value=None, change_pct=12, change_basis="y/y", metric="production", period="--09"),
        ],
        title="China cobalt",
        published=None,
    ),
    # SMM: MoM and YoY for one level; NPI expanded; SMM's statistics are China's.
    # (smm-npi-two-bases)
    Case(
        "SMM data showed that China's NPI output in May was 28,600 mt in metal content, down 3.2% MoM and 12.1% YoY.",
        [
            F(
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
            F(value=None, change_pct=-12.1, change_basis="y/y", metric="production"),
        ],
        title="NPI",
        published=None,
    ),
    # SMM: yuan per metric tonne written `yuan/mt`; WoW basis is outside the vocabulary.
    # (smm-yuan-per-mt-wow)
    Case(
        "The average price of SMM #1 refined copper cathode rose by 450 yuan/mt WoW to 78,900 yuan/mt.",
        [
            F(
                value=450,
                unit="CNY/t",
                change_basis=None,
                metric="price",
                commodity="refined copper cathode",
                country="China",
                source="SMM",
            ),
            F(value=78900, unit="CNY/t", metric="price", commodity="refined copper cathode", country="China"),
        ],
        title="Copper",
        published=None,
    ),
    # SMM: `stood at`, `MoM`, SMM said at the end.
    # (smm-stood-at)
    Case(
        "China's lithium hydroxide exports in April stood at 6,280 mt, up 8.5% MoM, SMM said.",
        [
            F(
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
        title="Lithium",
        published=None,
    ),
]

# Japan Metal Bulletin.
JMB = [
    # Japan Metal Bulletin: a year-less quarter and a quarter-on-quarter basis; JISF credited.
    # (jmb-quarter)
    Case(
        "Japan's stainless steel output in the April-June quarter fell 8.2% from the previous "
        "quarter to 0.72 million tonnes, according to the Japan Iron and Steel Federation.",
        [
            F(
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
        title="Japan stainless",
        published=None,
    ),
    # Japan Metal Bulletin: a list-price cut `by ¥3,000/t to ¥122,000/t` is a signed difference and a level.
    # (jmb-list-price-cut)
    Case(
        "Tokyo Steel lowered its list prices for H-beams by ¥3,000/t to ¥122,000/t for October contracts.",
        [
            F(value=-3000, unit="JPY/t", metric="price", country="Japan", period="--10"),
            F(value=122000, unit="JPY/t", metric="price", country="Japan", period="--10"),
        ],
        title="Japan steel prices",
        published=None,
    ),
    # Japan Metal Bulletin: a flat level and a monthly move in yen per tonne.
    # (jmb-yen-move)
    Case(
        "Japan's H-beam prices were flat at ¥118,000/t in Tokyo, down ¥5,000/t from the previous month.",
        [
            F(value=118000, unit="JPY/t", metric="price", commodity="h-beams", country="Japan"),
            F(value=-5000, unit="JPY/t", metric="price", commodity="h-beams", country="Japan"),
        ],
        title="Japan steel",
        published=None,
    ),
    # Japan Metal Bulletin: `on the quarter` is quarter-on-quarter; a company's plan for a quarter.
    # (jmb-on-the-quarter)
    Case(
        "Nippon Steel plans to produce 10.5 million tonnes of crude steel in the July-September quarter, down "
        "3% on the quarter.",
        [
            F(
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
        title="Japan steel",
        published=None,
    ),
    # Japan Metal Bulletin: a federation credited with `said`, `from a year earlier`.
    # (jmb-jisf-exports)
    Case(
        "Japan's steel exports in April fell 6.7% from a year earlier to 2.52 million tonnes, the JISF said.",
        [
            F(
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
        title="Japan steel",
        published=None,
    ),
]

# Fastmarkets.
FASTMARKETS = [
    # Fastmarkets: a price range with the currency once, per kilogram.
    # (fastmarkets-range-per-kg)
    Case(
        "Tungsten APT prices were assessed at US$6.50-8/kg this week.",
        [F(value=6.5, value_max=8, unit="USD/kg", metric="price", commodity="ammonium paratungstate")],
        title="Tungsten market",
        published=None,
    ),
    # Fastmarkets: a product grade (`56.5% LiOH.H2O min`) is no figure; `down by $0.25 per kg` is a difference.
    # (fastmarkets-grade-and-difference)
    Case(
        "Fastmarkets assessed lithium hydroxide monohydrate, 56.5% LiOH.H2O min, battery grade, "
        "at $9.50-10.50 per kg on Thursday, down by $0.25 per kg from a week earlier.",
        [
            F(
                value=9.5,
                value_max=10.5,
                unit="USD/kg",
                metric="price",
                commodity="lithium hydroxide",
                source="Fastmarkets",
            ),
            F(value=-0.25, unit="USD/kg", metric="price"),
        ],
        title="Lithium hydroxide prices",
        published=None,
    ),
    # Fastmarkets: a range per pound, with a warehouse basis that names no country.
    # (fastmarkets-per-lb-range)
    Case(
        "The Fastmarkets cobalt standard grade, in-whs Rotterdam, price was assessed at $11.20-12.00/lb.",
        [
            F(
                value=11.2,
                value_max=12,
                unit="USD/lb",
                metric="price",
                commodity="cobalt",
                country="Netherlands",  # the price's delivery point (in-whs Rotterdam)
                source="Fastmarkets",
            )
        ],
        title="Cobalt",
        published=None,
    ),
    # Fastmarkets: a level and the comparison level it moved from, both prices per lb.
    # (fastmarkets-from-level)
    Case(
        "Molybdenum oxide prices rose to $21.50/lb, cif Rotterdam, from $20.80/lb a week earlier.",
        [
            F(value=21.5, unit="USD/lb", metric="price", commodity="molybdenum oxide"),
            F(value=20.8, unit="USD/lb", metric="price", commodity="molybdenum oxide"),
        ],
        title="Molybdenum",
        published=None,
    ),
    # Fastmarkets: a range stated `between … and …` with the unit once.
    # (between-range)
    Case(
        "Silicon manganese prices in India were assessed between $1,250 and $1,300/t.",
        [F(value=1250, value_max=1300, unit="USD/t", metric="price", commodity="silicomanganese", country="India")],
        title="Ferroalloys",
        published=None,
    ),
]

# Trade-press and agency wording not tied to one publisher.
TRADE_PRESS = [
    # Won and a company plan: money is KRW, a plan is a forecast, `by 2027` its period.
    # (krw-investment-plan)
    Case(
        "Korea Zinc plans to invest 1.5 trillion won in a new zinc smelter by 2027.",
        [F(value=1.5e12, unit="KRW", metric="investment", company="Korea Zinc", forecast=True, period="2027")],
        title="Korea Zinc",
        published=None,
    ),
    # Percentage points are not a relative change; an operating rate is `other`.
    # (percentage-points)
    Case(
        "The operating rate at Chinese copper smelters rose by 2.3 percentage points to 85.6% in May.",
        [F(value=85.6, unit="%", change_pct=None, change_pp=2.3, metric="other", country="China", period="--05")],
        title="China smelters",
        published=None,
    ),
    # `from February` for a March figure is month-on-month.
    # (from-previous-month-name)
    Case(
        "Vietnam's steel exports fell 12pc in March from February to 1.1mn t.",
        [
            F(
                value=1100000,
                unit="t",
                change_pct=-12,
                change_basis="m/m",
                metric="exports",
                country="Vietnam",
                period="--03",
            )
        ],
        title="Vietnam steel",
        published=None,
    ),
    # Reporting side: in a China report, Australia's shipments to China are China's imports.
    # (reporting-side-trade)
    Case(
        "Australia's shipments to China rose 6pc to 60mn t in April.",
        [
            F(
                value=60000000,
                unit="t",
                change_pct=6,
                metric="imports",
                country="China",
                partner="Australia",
                period="--04",
            )
        ],
        title="China iron ore imports",
        published=None,
    ),
    # Dates, joint-venture ratios and streak counts are not figures.
    # (not-figures)
    Case(
        "On March 3, the ministry said the 50:50 joint venture had cut output for the ninth consecutive month.",
        [],
        title="Japan copper",
        published=None,
    ),
    # A bracketed conversion restates the first amount: one fact, in yen.
    # (bracketed-conversion)
    Case(
        "The government approved a ¥50 billion ($330 million) subsidy for copper smelters.",
        [F(value=5e10, unit="JPY", metric="subsidy", commodity="copper", country="Japan")],
        title="Japan smelters",
        published=None,
    ),
    # Tariff: the levying country and the targeted one; a date of effect gives the month.
    # (tariff-levier-target)
    Case(
        "The US will impose a 25% tariff on steel imports from Canada from March 12.",
        [
            F(
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
        title="US steel tariffs",
        published=None,
    ),
    # A share of a global total: holder as partner, no reporting country.
    # (global-share)
    Case(
        "China accounted for 70pc of global graphite output in 2023.",
        [
            F(
                value=70,
                unit="%",
                metric="market_share",
                commodity="graphite",
                country=None,
                partner="China",
                period="2023",
            )
        ],
        title="Graphite supply",
        published=None,
    ),
    # A study group's forecast of global demand: change only, forecast, country null.
    # (forecast-global-demand)
    Case(
        "The ILZSG forecasts global zinc demand to grow 1.5% in 2025.",
        [
            F(
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
        title="Zinc outlook",
        published=None,
    ),
    # A qualifier is dropped from the value and kept as `bound`.
    # (bound-kept)
    Case(
        "Russian aluminium shipments to Japan plunged by nearly 70pc to 26,000t in 2024.",
        [
            F(
                value=26000,
                change_pct=-70,
                bound=None,
                metric="imports",
                country="Japan",
                partner="Russia",
                period="2024",
            )
        ],
        title="Japan aluminium imports",
        published=None,
    ),
    # A number written as a word, and an absolute difference signed by its direction.
    # (word-number-difference)
    Case(
        "Peru's copper output rose by two million tonnes in 2023.",
        [F(value=2e6, unit="t", change_pct=None, metric="production", country="Peru", period="2023")],
        title="Copper output",
        published=None,
    ),
    # Power in GW is kept in MW; energy in MWh in GWh; both are capacity.
    # (energy-units)
    Case(
        "The developer will build 2GW of solar capacity and a 500MWh battery energy storage system in Chile.",
        [
            F(value=2000, unit="MW", metric="capacity", country="Chile", forecast=True),
            F(value=0.5, unit="GWh", metric="capacity", commodity="bess", country="Chile", forecast=True),
        ],
        title="Storage",
        published=None,
    ),
    # `kt` scales to tonnes; stocks are inventory.
    # (kt-inventory)
    Case(
        "Zinc stocks in LME warehouses dropped to 25kt at the end of May.",
        [F(value=25000, unit="t", metric="inventory", commodity="zinc", period="--05")],
        title="Zinc stocks",
        published=None,
    ),
    # `Mt` is a million tonnes; a company guidance range is a forecast of production.
    # (mt-range-guidance)
    Case(
        "Vale expects to produce 310-320 Mt of iron ore in 2024.",
        [
            F(
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
        title="Vale guidance",
        published=None,
    ),
    # An ore grade (`62% Fe`) is not a share; `by $5.20/t` is a signed difference next to the level.
    # (grade-not-share)
    Case(
        "The 62% Fe iron ore index rose by $5.20/t to $108.40/t on Friday.",
        [
            F(value=5.2, unit="USD/t", metric="price", commodity="iron ore"),
            F(value=108.4, unit="USD/t", metric="price", commodity="iron ore"),
        ],
        title="Iron ore prices",
        published=None,
    ),
    # A demonym exporter: Brazilian exports belong to Brazil.
    # (demonym-exporter)
    Case(
        "Brazilian iron ore exports fell 10% y/y to 30mn t in April.",
        [
            F(
                value=3e7,
                unit="t",
                change_pct=-10,
                change_basis="y/y",
                metric="exports",
                country="Brazil",
                period="--04",
            )
        ],
        title="Iron ore trade",
        published=None,
    ),
    # Week-on-week is read but is outside the spec's basis vocabulary (y/y, m/m, q/q): null.
    # (week-on-week)
    Case(
        "Spot cobalt prices fell 3% w/w.",
        [F(value=None, change_pct=-3, change_basis=None, metric="price", commodity="cobalt")],
        title="Cobalt prices",
        published=None,
    ),
    # A fiscal year ending in March is named by its start year.
    # (fiscal-year-ending)
    Case(
        "JFE Holdings expects to produce 22.4mn t of crude steel in the fiscal year ending March 31, 2025.",
        [
            F(
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
        title="Japan steel",
        published=None,
    ),
    # A range of change keeps its lower end; two series joined by `and` share one change.
    # (range-of-change-two-series)
    Case(
        "Both export and domestic consumption figures are set to rise by approximately 10-11% from the previous year.",
        [
            F(value=None, change_pct=10, change_basis="y/y", metric="exports", forecast=True),
            F(value=None, change_pct=10, change_basis="y/y", metric="consumption", forecast=True),
        ],
        title="Japan silicon",
        published=None,
    ),
    # A comparison level is a fact of its own with its own period.
    # (comparison-level)
    Case(
        "Imports from Chile rose to 1,872 tons, a notable increase from the 138 tons recorded in 2023.",
        [
            F(value=1872, unit="t", change_pct=None, metric="imports", partner="Chile"),
            F(value=138, unit="t", metric="imports", partner="Chile", period="2023"),
        ],
        title="Japan lithium",
        published=None,
    ),
    # Euro amounts and `per tonne` written out.
    # (euro-per-tonne)
    Case(
        "The Rotterdam duty-paid premium rose to €350 per tonne in July.",
        [F(value=350, unit="EUR/t", metric="price", period="--07")],
        title="European aluminium",
        published=None,
    ),
    # Money per counted item.
    # (money-per-unit)
    Case(
        "The ministry will pay up to ¥900,000 per EV from April 1.",
        [
            F(
                value=900000,
                unit="JPY/unit",
                metric="subsidy",
                commodity="electric vehicles",
                period="--04",
                forecast=True,
            )
        ],
        title="EV subsidies",
        published=None,
    ),
    # Thousands of units counted: vehicles.
    # (counted-units)
    Case(
        "China exported 5.2 million passenger cars in 2024, up 23% from the previous year.",
        [
            F(
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
        title="China car exports",
        published=None,
    ),
    # Annual plant capacity: `t/yr` written as `tpy`.
    # (capacity-tpy)
    Case(
        "Albemarle plans to build a 50,000tpy lithium hydroxide plant in Australia.",
        [
            F(
                value=50000,
                unit="t/yr",
                metric="capacity",
                commodity="lithium hydroxide",
                country="Australia",
                company="Albemarle",
                forecast=True,
            )
        ],
        title="Lithium refinery",
        published=None,
    ),
    # `by more than 80%` is a fall of 80 (not a comparison with `than`), paired with the level after `to`.
    # (more-than-is-a-bound)
    Case(
        "Spodumene prices slumped by more than 80% in 2023 to around $1,000/t.",
        [F(value=1000, unit="USD/t", change_pct=-80, metric="price", commodity="spodumene", period="2023")],
        title="Lithium",
        published=None,
    ),
    # `a quarter of a century` is time, not a share.
    # (quarter-of-a-century)
    Case(
        "Codelco's output dropped 6% to 1.32 million tonnes, its lowest in a quarter of a century.",
        [F(value=1.32e6, unit="t", change_pct=-6, metric="production", company="Codelco")],
        title="Copper",
        published=None,
    ),
    # A quarterly premium with a quarter-on-quarter basis.
    # (premium-q-on-q)
    Case(
        "Japanese buyers agreed to pay a premium of $175/t for third-quarter shipments, up 7% "
        "from the previous quarter.",
        [F(value=175, unit="USD/t", change_pct=7, change_basis="q/q", metric="price", commodity="aluminium")],
        title="Japan aluminium premium",
        published=None,
    ),
    # The reporting country's shipments to another country are its exports; `while` splits the flows.
    # (shipments-to-are-exports)
    Case(
        "Japan's ferrous scrap exports to Vietnam rose by 15% to 1.7mn t in January-September, "
        "while shipments to South Korea fell 20%.",
        [
            F(value=1.7e6, change_pct=15, metric="exports", country="Japan", partner="Vietnam", period="--01/--09"),
            F(
                value=None,
                change_pct=-20,
                metric="exports",
                country="Japan",
                partner="South Korea",
                commodity="ferrous scrap",
            ),
        ],
        title="Japan scrap exports",
        published=None,
    ),
    # `rose 12,000t to 280,000t`: the first figure is a signed difference, the second the level.
    # (difference-then-level)
    Case(
        "Copper inventories in Shanghai Futures Exchange warehouses fell 12,000t to 280,000t last week.",
        [
            F(value=-12000, unit="t", metric="inventory", commodity="copper"),
            F(value=280000, unit="t", metric="inventory", commodity="copper"),
        ],
        title="Copper stocks",
        published=None,
    ),
    # A comparison level written with a possessive year keeps that year.
    # (possessive-comparison-year)
    Case(
        "Zinc treatment charges for 2025 were settled at $165/t, down 39% from 2024's $274/t.",
        [
            F(value=165, unit="USD/t", change_pct=-39, metric="price", period="2025"),
            F(value=274, unit="USD/t", change_pct=None, metric="price", period="2024"),
        ],
        title="Zinc",
        published=None,
    ),
    # Safeguard duty: levied by India on China, with a date of effect.
    # (safeguard-duty)
    Case(
        "India imposed a 12% safeguard duty on certain steel imports from China, effective April 21.",
        [F(value=12, unit="%", metric="tariff", country="India", partner="China", period="--04", forecast=False)],
        title="India steel",
        published=None,
    ),
    # A share of world supply: no reporting country.
    # (share-of-world)
    Case(
        "The DRC accounts for over 70pc of world cobalt mine supply.",
        [F(value=70, metric="market_share", country=None, partner="Democratic Republic of the Congo")],
        title="Cobalt",
        published=None,
    ),
    # `expected to double to … by 2030 from about … now`: a forecast doubling and an undated comparison level.
    # (double-to-from-now)
    Case(
        "India's aluminium demand is expected to double to 10 million tonnes by 2030 from about 5 million tonnes now.",
        [
            F(
                value=1e7,
                unit="t",
                change_pct=100,
                metric="demand",
                commodity="aluminium",
                country="India",
                period="2030",
                forecast=True,
            ),
            F(value=5e6, unit="t", change_pct=None, metric="demand", period=None, forecast=False, bound="about"),
        ],
        title="Indian aluminium demand",
        published=None,
    ),
    # A demonym supplier in a `while` clause keeps the carried series (imports) and takes its own partner.
    # (demonym-supplier-in-while-clause)
    Case(
        "Shipments from Australia, the top supplier, dropped 5% to 60.1 million tons, while Brazilian cargoes rose 2%.",
        [
            F(value=6.01e7, change_pct=-5, metric="imports", country="China", partner="Australia"),
            F(value=None, change_pct=2, metric="imports", country="China", partner="Brazil"),
        ],
        title="China's iron ore imports",
        published=None,
    ),
    # `5pc higher than a year earlier`: a comparative after the figure is a change, with its basis.
    # (comparative-after-figure)
    Case(
        "Prices averaged $2,345/t in the quarter, 5pc higher than a year earlier.",
        [F(value=2345, unit="USD/t", change_pct=5, change_basis="y/y", metric="price")],
        title="Copper premiums",
        published=None,
    ),
    # `12pc below` is a fall.
    # (below-is-down)
    Case(
        "Exports were 12pc below year-earlier levels.",
        [F(value=None, change_pct=-12, metric="exports")],
        title="Japan copper exports",
        published=None,
    ),
    # An equity stake is ownership, not a market figure; the price paid is an investment-like amount.
    # (stake-not-share)
    Case(
        "Sojitz acquired a 10pc stake in the mine for $50mn.",
        [F(value=5e7, unit="USD")],
        title="Sojitz",
        published=None,
    ),
    # Currency prefixes are money, not a geography: `US$` is not the United States; an assessed
    # world price with no country stays null.
    # (usd-prefix-not-a-country)
    Case(
        "Fastmarkets assessed cobalt standard grade at US$6.50-8/kg, up $0.25/kg from the previous week.",
        [
            F(
                value=6.5,
                value_max=8,
                unit="USD/kg",
                metric="price",
                commodity="cobalt",
                country=None,
                source="Fastmarkets",
            ),
            F(value=0.25, unit="USD/kg", metric="price", commodity="cobalt", country=None),
        ],
        title="Cobalt market",
        published=None,
    ),
    # `A$`, `HK$` and `S$` are currencies too, and never countries.
    # (other-dollar-prefixes)
    Case(
        "Pilbara Minerals plans to spend A$560mn on the expansion, while a Hong Kong trader paid HK$80mn.",
        [
            F(value=5.6e8, unit="AUD", metric="investment", company="Pilbara Minerals", country="Australia"),
            F(value=8e7, unit="HKD"),
        ],
        title="Lithium miners",
        published=None,
    ),
    # Trade side from the credited statistics: ABS is Australian, so `Australia's exports to China`
    # stays Australia's exports with China the partner.
    # (abs-exporter-side)
    Case(
        "Australia's iron ore exports to China climbed 7pc on the month to 61.3mn t in October, ABS data show.",
        [
            F(
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
            )
        ],
        title="Iron ore trade",
        published=None,
    ),
    # Japan's Finance Ministry data: `Argentina's exports to Japan` are Japan's imports from Argentina.
    # (finance-ministry-importer-side)
    Case(
        "Argentina's lithium carbonate exports to Japan fell 20% to 1,500 tonnes in 2024, Finance Ministry "
        "data showed.",
        [
            F(
                value=1500,
                unit="t",
                change_pct=-20,
                metric="imports",
                commodity="lithium carbonate",
                country="Japan",
                partner="Argentina",
                period="2024",
                source="Finance Ministry",
            )
        ],
        title="Lithium trade",
        published=None,
    ),
    # Vocabulary: NdPr oxide is a commodity of its own, never one carried from elsewhere.
    # (ndpr-oxide)
    Case(
        "South Korea imported 3,400 tonnes of NdPr oxide from China in the first quarter, a 12% increase from "
        "a year earlier.",
        [
            F(
                value=3400,
                unit="t",
                change_pct=12,
                change_basis="y/y",
                metric="imports",
                commodity="neodymium-praseodymium oxide",
                country="South Korea",
                partner="China",
                period="--01/--03",
            )
        ],
        title="Rare earths",
        published=None,
    ),
    # A company plan stated as an absolute difference: signed t/yr value, production, forecast,
    # `from 2026` (a plan's start), the company's home country.
    # (company-plan-difference)
    Case(
        "Posco plans to raise its hot-rolled coil output by 500,000 t/yr from 2026.",
        [
            F(
                value=500000,
                unit="t/yr",
                metric="production",
                commodity="hot-rolled coil",
                company="POSCO",
                country="South Korea",
                forecast=True,
            )
        ],
        title="Steel",
        published=None,
    ),
    # An exchange price is a world price: country null, the exchange is the source.
    # (lme-price-global)
    Case(
        "Nickel prices on the LME dropped 2.1% to $16,430 a tonne.",
        [
            F(
                value=16430,
                unit="USD/t",
                change_pct=-2.1,
                change_basis=None,
                metric="price",
                commodity="nickel",
                country=None,
                source="LME",
            )
        ],
        title="Nickel",
        published=None,
    ),
    # SHFE is Chinese: its prices are China's.
    # (shfe-price-china)
    Case(
        "The most-traded aluminium contract on the Shanghai Futures Exchange fell 1.4% to 20,310 yuan a tonne.",
        [
            F(
                value=20310,
                unit="CNY/t",
                change_pct=-1.4,
                metric="price",
                commodity="aluminium",
                country="China",
                source="SHFE",
            )
        ],
        title="Aluminium",
        published=None,
    ),
    # Prices per troy ounce stay per ounce.
    # (usd-per-ounce)
    Case(
        "Spot gold rose 0.5% to $2,345.60 per ounce.",
        [F(value=2345.6, unit="USD/oz", change_pct=0.5, metric="price", commodity="gold", country=None)],
        title="Precious metals",
        published=None,
    ),
    # A company not in any table: a capitalised subject that plans is a company.
    # (unknown-company-subject)
    Case(
        "Trafigura plans to lift zinc output at its Australian smelter by 20,000t next year.",
        [F(value=20000, metric="production", commodity="zinc", company="Trafigura", forecast=True)],
        title="Zinc",
        published=None,
    ),
    # Multi-fact: a total and the suppliers' parts in one sentence.
    # (total-and-parts)
    Case(
        "China imported 2.39 million mt of copper concentrate in May, of which 780,000 mt came from Chile and "
        "310,000 mt from Peru.",
        [
            F(
                value=2.39e6,
                unit="t",
                metric="imports",
                commodity="copper concentrate",
                country="China",
                partner=None,
                period="--05",
            ),
            F(value=780000, unit="t", metric="imports", country="China", partner="Chile", period="--05"),
            F(value=310000, unit="t", metric="imports", country="China", partner="Peru", period="--05"),
        ],
        title="China copper",
        published=None,
    ),
    # A range with the scale written on both ends (`310mn-320mn t`); a company guidance is a forecast.
    # (range-scale-both-ends)
    Case(
        "Vale expects to produce 310mn-320mn t of iron ore in 2024.",
        [
            F(
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
        title="Iron ore",
        published=None,
    ),
    # Ore shipped in wet tonnes is still tonnes; a country's shipments to another are its exports.
    # (wet-tonnes-exports)
    Case(
        "The Philippines shipped 3.1mn wet tonnes of nickel ore to China in May.",
        [
            F(
                value=3.1e6,
                unit="t",
                metric="exports",
                commodity="nickel ore",
                country="Philippines",
                partner="China",
                period="--05",
            )
        ],
        title="Nickel ore",
        published=None,
    ),
    # A share of the world's market held by a company: global, the company the holder.
    # (company-world-share)
    Case(
        "CATL supplied 36.8% of the world's EV batteries in 2023, according to SNE Research.",
        [
            F(
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
        title="Batteries",
        published=None,
    ),
    # Korean trade statistics credited by abbreviation.
    # (kita-imports)
    Case(
        "South Korea's steel imports from China fell 15.8% year on year to 7.8 million tonnes in 2023, KITA data "
        "showed.",
        [
            F(
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
        title="Korea steel",
        published=None,
    ),
    # Australian miners' `March quarter` is the quarter ending in March; `from the December quarter` is q/q.
    # (quarter-named-by-its-last-month)
    Case(
        "Mineral Resources shipped 0.54mn t of spodumene concentrate in the March quarter, down by 14pc from the "
        "December quarter.",
        [
            F(
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
        title="Lithium miners",
        published=None,
    ),
    # Exchange stocks: a signed drawdown and the level it fell to, both inventory.
    # (exchange-stocks-drawdown)
    Case(
        "Copper stocks in LME warehouses fell 3,250 tonnes to 108,000 tonnes.",
        [
            F(value=-3250, unit="t", metric="inventory", commodity="copper", source="LME"),
            F(value=108000, unit="t", metric="inventory", commodity="copper", source="LME"),
        ],
        title="Copper",
        published=None,
    ),
    # A later clause's destination belongs to its own figure (the share), not to the total before it.
    # (share-destination-after-figure)
    Case(
        "Argentina's lithium carbonate exports rose by 27pc to 78,000t in 2023, with 55pc shipped to China.",
        [
            F(
                value=78000,
                unit="t",
                change_pct=27,
                metric="exports",
                commodity="lithium carbonate",
                country="Argentina",
                partner=None,
                period="2023",
            ),
            F(
                value=55,
                unit="%",
                metric="market_share",
                commodity="lithium carbonate",
                country="Argentina",
                partner="China",
                period="2023",
            ),
        ],
        title="Lithium trade",
        published=None,
    ),
    # India's fiscal year written `2024-25 fiscal year` is FY2024.
    # (fiscal-year-dash)
    Case(
        "India's steel consumption is forecast to grow 8% to 146mn t in the 2024-25 fiscal year.",
        [
            F(
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
        title="India steel",
        published=None,
    ),
]

# What is not a market figure.
NEGATIVE = [
    # Negative: an exchange-rate move and `US dollars` are neither a market figure nor a country.
    # (negative-currency-move)
    Case(
        "Prices were quoted in US dollars, with the Australian dollar weakening 1.2% against the greenback.",
        [],
        title="Currencies",
        published=None,
    ),
    # Negative: a date, a head count and a year of first operation are not market figures.
    # (negative-dates-and-people)
    Case("The smelter, which began operations in 2019, employs 1,200 people.", [], title="Smelter", published=None),
    # Negative: a 50:50 joint venture and a year are not facts.
    # (negative-joint-venture)
    Case("Glencore's 50:50 joint venture with Vale was first announced in 2019.", [], title="Nickel", published=None),
    # Negative: an outlook without numbers.
    # (negative-outlook)
    Case(
        "SMM expects the market to remain weak in the short term, analysts said.", [], title="Lithium", published=None
    ),
]

# Whole posts (published 2024-06-15): what carries across sentences and paragraphs; every fact in reading order.
POSTS = [
    # Context does not leak across paragraphs that each name their own subject: no carried year,
    # country, commodity or source; relative days (`on Thursday`, `on Friday`) take the
    # publication month, as an undated price does; US$ is money; ABS data are Australia's exports;
    # an LME price is global; a company plan is the company's; NdPr oxide is its own commodity.
    # (no-leak-across-paragraphs)
    Case(
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
            F(
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
            F(
                value=-2500,
                unit="CNY/t",
                change_basis=None,
                metric="price",
                commodity="lithium carbonate",
                country="China",
                period="2024-06",
                source="SMM",
            ),
            F(
                value=89000,
                unit="CNY/t",
                metric="price",
                commodity="lithium carbonate",
                country="China",
                period="2024-06",
                source="SMM",
            ),
            F(
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
            F(
                value=6.5,
                value_max=8,
                unit="USD/kg",
                metric="price",
                commodity="cobalt",
                country=None,
                period="2024-06",
                source="Fastmarkets",
            ),
            F(value=0.25, unit="USD/kg", metric="price", commodity="cobalt", country=None, period="2024-06"),
            F(
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
            F(
                value=16430,
                unit="USD/t",
                change_pct=-2.1,
                metric="price",
                commodity="nickel",
                country=None,
                period="2024-06",  # a price with no date of its own is the report day's
                source="LME",
            ),
            F(
                value=500000,
                unit="t/yr",
                metric="production",
                commodity="hot-rolled coil",
                company="POSCO",
                country="South Korea",
                period="2026",
                forecast=True,
            ),
            F(
                value=3400,
                unit="t",
                change_pct=12,
                change_basis="y/y",
                metric="imports",
                commodity="neodymium-praseodymium oxide",
                country="South Korea",
                partner="China",
                period="2024-Q1",
                source=None,
                company=None,
            ),
        ],
    ),
    # Within one paragraph the text does carry its period, country and commodity to the next sentence.
    # (carry-within-paragraph)
    Case(
        (
            "China's refined copper output rose 4.2% to 1.12mn t in May, NBS data showed. Imports fell by 8% "
            "to 450,000t.",
        ),
        [
            F(
                value=1.12e6,
                metric="production",
                commodity="refined copper",
                country="China",
                period="2024-05",
                source="NBS",
            ),
            F(
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
    # (credit-covers-its-release-only)
    Case(
        (
            "Japan's lithium carbonate imports fell by 40% to 11,520 tonnes in 2024, according to the Finance "
            "Ministry.",
            "Imports from Chile fell by 45% to 8,000 tonnes.",
            "Separately, Japan's crude steel output fell 3% to 84mn t in 2024.",
        ),
        [
            F(
                value=11520,
                metric="imports",
                commodity="lithium carbonate",
                country="Japan",
                period="2024",
                source="Finance Ministry",
            ),
            F(
                value=8000,
                metric="imports",
                commodity="lithium carbonate",
                country="Japan",
                partner="Chile",
                period="2024",
                source="Finance Ministry",
            ),
            F(value=8.4e7, metric="production", commodity="crude steel", country="Japan", period="2024", source=None),
        ],
    ),
    # Reuters: `showed on Tuesday` dates the release, not the figure, which keeps its own month.
    # (release-day-is-not-the-period)
    Case(
        ("China's unwrought aluminium exports rose 12% to 560,000 tonnes in May, customs data showed on Tuesday.",),
        [
            F(
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
    # (list-price-for-coming-month)
    Case(
        (
            "JFE Steel plans to raise export prices for hot-rolled coil to Southeast Asia by $20/t to $560/t cfr "
            "for July shipments.",
        ),
        [
            F(
                value=20,
                unit="USD/t",
                metric="price",
                commodity="hot-rolled coil",
                company="JFE Steel",
                period="2024-07",
                forecast=True,
            ),
            F(
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
    # (same-period-anaphor)
    Case(
        (
            "China's copper cathode output in May rose 3.8% MoM to 1.02 million mt, SMM data showed.",
            "Chinese aluminium output rose 6% to 3.6mn t over the same period, the NBS said.",
        ),
        [
            F(
                value=1.02e6,
                change_pct=3.8,
                change_basis="m/m",
                metric="production",
                commodity="copper cathode",
                country="China",
                period="2024-05",
                source="SMM",
            ),
            F(
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
    # (continuation-paragraph-keeps-context)
    Case(
        (
            "Japan's primary aluminium imports rose 5% to 1.2mn t in 2023, Finance Ministry data showed.",
            "Imports from Australia fell 3% to 310,000t.",
        ),
        [
            F(
                value=1.2e6,
                metric="imports",
                commodity="primary aluminium",
                country="Japan",
                period="2023",
                source="Finance Ministry",
            ),
            F(
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


SENTENCES = REUTERS + ARGUS + SMM + JMB + FASTMARKETS + TRADE_PRESS + NEGATIVE


@pytest.mark.parametrize("case", SENTENCES + POSTS, ids=row_id)
def test_case(case: Case) -> None:
    check(case)


@pytest.mark.parametrize("case", SENTENCES, ids=row_id)
def test_sentence_rows_quote_their_sentence(case: Case) -> None:
    """A one-sentence row's facts all carry that sentence, verbatim."""
    assert all(fact.sentence == case.text for fact in extract_facts(case.post()))
