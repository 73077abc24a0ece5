"""Periods as the spec writes them, sentence → facts, grouped by where the wording comes from.

The post date (`published`) or, in an undated post, the year its text reports on, dates the
months, quarters and halves a sentence leaves year-less."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.extract.cases import Case, F, check, row_id

MARCH_POST = datetime(2025, 3, 28, tzinfo=UTC)
APRIL_POST = datetime(2025, 4, 10, tzinfo=UTC)

# Wire copy (Reuters, Bloomberg): `in March`, `last month`, dated by the post's own date.
WIRE = [
    # the post's own month is this year's
    Case("China's zinc imports rose 8% to 41,000t in March.", [F(value=41000, period="2025-03")], published=MARCH_POST),
    # a month after the post's month is last year's
    Case(
        "Chile's copper output fell 3% to 410,000t in May.", [F(value=410000, period="2024-05")], published=APRIL_POST
    ),
    # the month just before the post's month is this year's
    Case("Peru's zinc output rose 2% to 120,000t in March.", [F(value=120000, period="2025-03")], published=APRIL_POST),
]

# Scraped articles with no date: the year their text reports on dates their year-less months.
UNDATED = [
    # a year-less first quarter reported beside an outlook for a year: that year's quarter, written during it
    Case(
        ("Teck Resources said copper production in the first quarter rose 63% to 96,400 tonnes.",
         "For 2024, Teck expects copper production of 465,000 to 540,000 tonnes."),
        [F(value=96400, period="2024-Q1"), F(value=465000, period="2024", forecast=True)],
        published=None,
    ),
    Case(
        ("Teck Resources said copper production in the fourth quarter rose 63% to 96,400 tonnes.",
         "For 2024, Teck expects copper production of 465,000 to 540,000 tonnes."),
        [F(value=96400, period="--10/--12"), F(value=465000, period="2024")],  # guard: written in the new year
        published=None,
    ),
    # a whole year reported as done beside `this year`: written in the next year, whose April it reports; not when
    # a part of the latest year is reported too
    Case(
        ("Alcoa shipped 2.42 million tons of aluminium in 2024 and expects 2.6 million tons this year.",
         "Global aluminium output rose 2.3% to 6.23 million tons in April."),
        [F(value=2.42e6, period="2024"), F(value=2.6e6, period="2025"), F(value=6.23e6, period="2025-04")],
        published=None,
    ),
    Case(
        ("SQM's lithium sales rose to 108,600 tons in the first half of 2025.",
         "Under the partnership agreed with Codelco, which takes effect in 2025, Codelco will hold 50% of the venture.",
         "Demand will grow 17% this year.", "Iodine sales rose 4% to 3,400 tons in the second quarter."),
        [F(value=108600, period="2025-H1"), F(change_pct=17), F(value=3400, period="2025-Q2")],  # a stake: no fact
        published=None,
    ),
    # a year stated in another paragraph of the same report dates `in March`
    Case(
        (
            "Nickel ore arrivals in the first two months of 2023 totalled 3.1 million tonnes.",
            "Arrivals reached 2.2 million tonnes in March, the data showed.",
        ),
        [F(value=3.1e6, period="2023-01/2023-02"), F(value=2.2e6, period="2023-03")],
        published=None,
    ),
    # the headline's year dates the body's months
    Case(
        "Shipments climbed to 5.6 million tonnes in June.",
        [F(value=5.6e6, period="2022-06")],
        title="Bauxite shipments hit record in 2022",
        published=None,
    ),
    # an outlook year is not the year the post reports on (it is written before it)
    Case(
        ("Output is expected to reach 2 million tonnes in 2026.", "Output rose to 1.7 million tonnes in August."),
        [F(value=2e6, period="2026"), F(value=1.7e6, period="--08")],
        published=None,
    ),
    # nor is a headline's outlook (`for 2025`, `to Recover in 2025`)
    Case(
        "Zinc output rose 4% to 35,000 tons in August.",
        [F(value=35000, period="--08")],
        title="Zinc Producers See Mixed Trends for 2025",
        published=None,
    ),
    # a day named as a date keeps only its month: the report's year is no date of effect
    Case(
        ("Imports rose to 90,000 tonnes in 2024.", "A 10% duty took effect on April 3."),
        [F(value=90000, period="2024"), F(value=10, metric="tariff", period="--04")],
        published=None,
    ),
    # a dated assessment or stock day takes the report's year; a sentence that opens on a date does not
    Case(
        ("Imports for the first two months of 2025 were 3.3mn t.", "Stocks stood at 180,400 tons on March 21."),
        [F(value=3.3e6, metric="imports", period="2025-01/2025-02"), F(value=180400, period="2025-03")],
        published=None,
    ),
    # no year anywhere: the month stays year-less
    Case("Copper exports fell 6% to 300,000 tonnes in June.", [F(value=300000, period="--06")], published=None),
]


# Quarters and halves as the spec writes them, not as month ranges.
QUARTERS = [
    Case("Zinc output for the first three months of 2024 was 210,000t.", [F(value=210000, period="2024-Q1")]),
    Case("Sales between July and December 2023 reached 80,000 units.", [F(value=80000, period="2023-H2")]),
    Case("Exports in the three months ended 30 June 2024 were 9.1mn t.", [F(value=9.1e6, period="2024-Q2")]),
    # a results post's `in the quarter`, paragraphs after the quarter was named and a month since
    Case(("Group crude steel production was 14.6 Mt in the July-September period.",
          "Chinese hot-rolled coil prices slipped to 3,280 yuan/t last month, according to Mysteel.",
          "In India, the joint venture produced 1.8 Mt of crude steel in the quarter."),
         [F(value=14.6e6, period="2024-Q3"), F(value=3280, period="2024-10"), F(value=1.8e6, period="2024-Q3")],
         published=datetime(2024, 11, 6, tzinfo=UTC)),
    # `Q3, 2023` with a comma is still one quarter
    Case("Shipments reached 4.4 million tons in Q3, 2023.", [F(value=4.4e6, period="2023-Q3")]),
    # a year-less `H1` in a dated post is the latest first half
    Case("Imports in H1 totalled 1.2Mt.", [F(value=1.2e6, period="2024-H1")]),
    # a run of months that is no quarter stays a range
    Case("Output in the first five months of 2024 was 3.3mn t.", [F(value=3.3e6, period="2024-01/2024-05")]),
]

# Results posts (company quarterlies, trade-press digests): the headline names the period the body
# reports on, for figures the body leaves undated, whatever subject their paragraph turns to.
HEADLINE = [
    Case(
        (
            "Nickel output rose 5% to 40,000 tonnes in the three months to June.",
            "Cobalt production slipped 10% to 600 tonnes.",
        ),
        [F(value=40000, period="2024-Q2"), F(value=600, period="2024-Q2")],
        title="Vale lifts nickel output in Q2 2024",
        published=None,
    ),
    # `this quarter` in the clause framing the figure is the headline's quarter
    Case(
        "Zinc was the standout this quarter, with output climbing to 80,000 tonnes.",
        [F(value=80000, period="2024-Q2")],
        title="Boliden results for Q2 2024",
        published=None,
    ),
    # a completion rate is no reported series: it stays undated
    Case(
        (
            "Copper output rose 4% to 300,000 tonnes.",
            "Construction of the new smelter has reached 40% completion.",
        ),
        [F(value=300000, period="2024-Q2"), F(value=40, unit="%", period=None)],
        title="Antofagasta output rises in Q2 2024",
        published=None,
    ),
]

# Monthly output reports (government statistics): a whole year's total, given as an aside, is not the
# period the next paragraph's figures are for; the month the report is about is.
MONTHLY_REPORTS = [
    Case(
        (
            "Zambia's copper output fell 9% to 61,000 tonnes in November. Total 2023 output edged up 2%.",
            "Kansanshi's output slipped 3% year-on-year to 12,500 tonnes.",
        ),
        [F(value=61000, period="2023-11"), F(change_pct=2, period="2023"), F(value=12500, period="2023-11")],
    ),
    # while a run of years (`the third consecutive year`) ends at the year its paragraph reports
    Case(
        (
            "Zinc imports reached 40,000 tonnes in December 2023.",
            "Imports in 2023 totalled 500,000 tonnes. Peru supplied 45% of them, the third consecutive year above 40%.",
        ),
        [
            F(value=40000, period="2023-12"),
            F(value=500000, period="2023"),
            F(value=45, period="2023"),
            F(value=40, period="2021/2023"),
        ],
        published=None,
    ),
]

# Spot price reports (Platts, Argus, auction results): the day a lead says prices stood dates the
# assessments after it; a previous high's day is the compared price's; a cargo's loading month names
# the cargo, not when it sold.
SPOT_PRICES = [
    Case(
        (
            "Cobalt hydroxide prices climbed to a two-year high Nov. 8 on tight supply.",
            "The assessment stood at $9.20/lb, up $0.40/lb from the previous record of $8.80/lb on Sept. 20.",
            "Cobalt metal held at $15.50/lb.",
        ),
        [
            F(value=9.2, period="2023-11"),
            F(value=0.4, period="2023-11"),
            F(value=8.8, period="2023-09"),
            F(value=15.5, period="2023-11"),
        ],
        published=datetime(2023, 11, 9, tzinfo=UTC),
    ),
    Case(
        ("Iron ore prices eased Jan. 12.", "A miner sold a 20,000-tonne cargo, March 2024 loading, at $118/t."),
        [F(value=20000, period="2024-01"), F(value=118, period="2024-01")],
        published=datetime(2024, 1, 15, tzinfo=UTC),
    ),
    # a figure for a delivery month keeps it
    Case(
        "Smelters agreed premiums of $95/t for April shipments.",
        [F(value=95, period="2024-04")],
        published=datetime(2024, 3, 20, tzinfo=UTC),
    ),
]

# Price assessments (Fastmarkets, Platts): a day named with its weekday but no year is in the latest
# year the post names or one of the two after, and the weekday says which.
WEEKDAY_DATES = [
    Case(
        ("The index was calculated at $352.48 per tonne on Thursday March 20.",
         "Turkey's scrap imports totalled 18.9 million tonnes last year, 3% lower than in 2023."),
        [F(value=352.48, period="2025-03"), F(value=18.9e6)],
        published=None,
    ),
    Case(
        (
            "Cobalt prices have been sliding since March 2023.",
            "Cobalt was assessed at $28,000 per tonne on Thursday March 14.",
        ),
        [F(value=28000, period="2024-03")],
        published=None,
    ),
    Case(
        ("Nickel stocks peaked in 2022.", "Stocks stood at 42,000 tonnes on Tuesday, 10 January."),
        [F(value=42000, period="2023-01")],
        published=None,
    ),
    # no year named anywhere: the latest year before the post was stored whose March 14 is a Thursday
    Case(
        "Cobalt was assessed at $28,000 per tonne on Thursday March 14.",
        [F(value=28000, period="2024-03")],
        published=None,
        created=datetime(2026, 12, 4, tzinfo=UTC),
    ),
    Case(
        "Cobalt was assessed at $28,000 per tonne on Thursday March 14.",  # stored before 2024's: 2019's
        [F(value=28000, period="2019-03")],
        published=None,
        created=datetime(2024, 3, 1, tzinfo=UTC),
    ),
    # a wire's dateline dates the day its lead names with a weekday: April 16 was a Tuesday in 2024
    Case(
        ("SHANGHAI, April 16 (Reuters) - China's refined copper output rose to a record in March, official data "
         "showed on Tuesday.", "The country churned out 1.12 million tonnes of the metal in March."),
        [F(value=1.12e6, period="2024-03")],
        published=None,
        created=datetime(2026, 12, 4, tzinfo=UTC),
    ),
    Case(
        ("SHANGHAI, April 16 (Reuters) - China's refined copper output rose to a record in March, official data "
         "showed.", "The country churned out 1.12 million tonnes of the metal in March."),
        [F(value=1.12e6, period="--03")],  # guard: no weekday, no year
        published=None,
        created=datetime(2026, 12, 4, tzinfo=UTC),
    ),
]

# Daily metals wraps (Reuters via syndication, undated): `on Thursday` is in the week after the
# latest day the report names, so its prices take that day's month, unless the week may leave it.
WRAPS = [
    Case(
        (
            "Zinc prices slipped on Thursday as the dollar firmed.",
            "Aluminium stocks in LME warehouses fell to 410,000 tons by March 12.",
            "LME zinc lost 0.5% to $2,700 a ton.",
        ),
        [F(value=410000, period="--03"), F(value=2700, period="--03")],
        published=None,
    ),
    Case(
        (
            "Zinc prices slipped on Thursday as the dollar firmed.",
            "Aluminium stocks in LME warehouses fell to 410,000 tons by March 28.",
            "LME zinc lost 0.5% to $2,700 a ton.",
        ),
        [F(value=410000, period="--03"), F(value=2700, period=None)],
        published=None,
    ),
]

# Annual results (wire copy, company releases): `for the year` is the year the report is about,
# also in a paragraph that turns to another metal.
THE_YEAR = [
    Case(
        (
            "Glencore's cobalt output was 41,000 tonnes in 2023.",
            "Nickel production came to 98,000 tonnes for the full year, below guidance.",
        ),
        [F(value=41000, period="2023"), F(value=98000, period="2023")],
        title="Glencore output review",
        published=None,
    ),
    # a year-less quarter's report: its `full-year` figure is for a year nobody names, not for the quarter
    Case(
        (
            "The miner exported 84.1 million tonnes in the third quarter.",
            "It left full-year guidance unchanged at 323mt.",
        ),
        [F(value=84.1e6, period="--07/--09"), F(value=323e6, period=None)],
        published=None,
    ),
]

# `last year` and `March last year` in an undated post: read against the year the sentence reports
# `in`, or the report's year; never against a compared-with year.
RELATIVE_YEARS = [
    Case(
        "Scrap exports fell to $410 million in March 2025, against $455 million in March last year.",
        [F(value=4.1e8, period="2025-03"), F(value=4.55e8, period="2024-03")],
        published=None,
    ),
    Case(
        "Output should reach 2.1 million tonnes in 2026, up from 1.9 million tonnes last year.",
        [F(value=2.1e6, period="2026"), F(value=1.9e6, period="2025")],
        published=None,
    ),
    Case(
        "Stocks fell to 3 million tonnes this year from 5.5 million tonnes in 2022.",
        [F(value=3e6, period=None), F(value=5.5e6, period="2022")],
        published=None,
    ),
    # a run of stated years that the text goes on from with `last year`: last year is the run's next,
    # and the post is written the year after, which dates its year-less months
    Case(
        (
            "Nickel exports all but stopped in February, with 900 tonnes shipped.",
            "Shipments rose to 3,500 tonnes in 2021 and to 24,000 tonnes in 2022.",
            "Last year's 26,000 tonnes set a record.",
        ),
        [
            F(value=900, period="2024-02"),
            F(value=3500, period="2021"),
            F(value=24000, period="2022"),
            F(value=26000, period="2023"),
        ],
        published=None,
    ),
    # one stated year says nothing of when `last year` is: it may be that very year
    Case(
        ("Cobalt output rose 5% to 41,000 tonnes in 2023.", "Last year's rise came from one mine, which added 2,000t."),
        [F(value=41000, period="2023"), F(value=2000, period="2023")],
        published=None,
    ),
]

# A cumulative span is an aside: the next paragraph's figures are still of the year the report is about.
SPANS = [
    Case(("Silver demand fell 3% to 1.16 billion ounces in 2024.",
          "The market posted a cumulative deficit of 678 million ounces over 2021-2024.",
          "Industrial demand rose 4% to 680.5 million ounces."),
         [F(period="2024"), F(period="2021/2024"), F(period="2024")], published=datetime(2025, 4, 16, tzinfo=UTC)),
]

# Vague present time (`recently`, `current`, `at present`) dates nothing, even inside a dated report.
VAGUE_PRESENT = [
    Case(
        "Zinc imports rose to 41,000 tonnes in May. Traders recently reported deals as low as $1,950 per tonne.",
        [F(value=41000, period="2024-05"), F(value=1950, period=None)],
    ),
    Case(
        "Zinc imports rose to 41,000 tonnes in May. Current monthly arrivals of 40,000 tonnes point to a record year.",
        [F(value=41000, period="2024-05"), F(value=40000, period=None)],
    ),
]

# Mine reports (trade press): a comparison `during the same period last year` is the period the
# sentence reports, a year back; a day before `reported`, or the quarter naming the report, is when it
# was said, not the period.
MINE_REPORTS = [
    Case(
        "Ore milled rose to 2.4 million tonnes grading 0.6% copper in the first half, against 2.1 million "
        "tonnes grading 0.5% copper during the same period last year.",
        [
            F(value=2.4e6, period="2024-H1"),
            F(value=0.6),
            F(value=2.1e6, period="2023-H1"),
            F(value=0.5, period="2023-H1"),
        ],
    ),
    Case(
        "Newmont May 2 reported that its Penasquito mine produced 61,000 tonnes (134.5 million pounds) of zinc "
        "and 22,000 tonnes of lead over the first quarter.",
        [F(value=61000, period="2024-Q1"), F(value=22000, period="2024-Q1")],
        published=datetime(2024, 5, 10, tzinfo=UTC),
    ),
    # a period naming the report a figure was given in yields to the period the figure is for
    Case(
        "The miner set 2025 nickel guidance of 160,000 to 175,000 tonnes in its second-quarter report.",
        [F(value=160000, value_max=175000, period="2025")],
    ),
    # and is the figure's own when it is the only one the sentence names
    Case(
        "In its first-quarter report, the miner said copper output rose to 400,000 tonnes.",
        [F(value=400000, period="2024-Q1")],
    ),
]

# Quarterly market reviews (WGC, mining press): `so far this year` runs from January to the end of the
# quarter reported; a planned yearly rate is for no reported period.
YEAR_TO_DATE = [
    Case(
        "ETF inflows reached 120 tonnes in the third quarter of 2024. "
        "That takes holdings so far this year to 2,100 tonnes.",
        [F(value=120, period="2024-Q3"), F(value=2100, period="2024-01/2024-09")],
        published=None,
    ),
    Case(
        "Exports rose to 80mt in the first quarter of 2024. The new mine is expected to export 40mt a year.",
        [F(value=8e7, period="2024-Q1"), F(value=4e7, period=None)],
        published=None,
    ),
]

# Company and government reports on fiscal years: the reporting country says whose year it is.
FISCAL = [
    # Australian miners report on a July-June year: FY25's third quarter is January-March 2025
    Case(
        "BHP's iron ore production for FY25 Q3 was 61.8mn t.",
        [F(value=6.18e7, period="2025-Q1", country="Australia")],
        title="BHP quarterly output holds up",
        published=None,
    ),
    # an off-by-one-month reading of the July start would not land on a calendar quarter
    Case(
        "South32 said manganese output in the second quarter of FY24 was 1.4mn t.",
        [F(value=1.4e6, period="2023-Q4")],
        title="South32 output slips",
        published=None,
    ),
    # India names a fiscal year by the year it ends in; the spec by the year it starts in
    Case(
        "India's finished steel output rose 12% to 139 million tonnes in FY24.",
        [F(value=1.39e8, period="FY2023", country="India")],
        title="India steel output grows",
        published=None,
    ),
    Case(
        "Indian refined copper consumption was 750,000 tonnes during 2023-24.",
        [F(value=750000, period="FY2023")],
        title="India copper demand",
        published=None,
    ),
    # the first months of a fiscal year named by its end, and the same months written year-less after it
    Case(
        (
            "Steel exports were 3.2mn t in the first nine months of the fiscal year ending March 31, 2025.",
            "Exports to Italy during April-December were 900,000 tonnes.",
        ),
        [F(value=3.2e6, period="2024-04/2024-12"), F(value=900000, period="2024-04/2024-12")],
        title="Indian steel trade",
        published=None,
    ),
    Case(
        "Aluminium imports rose to 1.1 million tonnes in the first six months of the financial year to March 2025.",
        [F(value=1.1e6, period="2024-04/2024-09")],
        published=None,
    ),
    # a company that says its year ends in another month than its country's: `FY2024` is that year, named by its end
    Case("Tharisa, whose financial year ends in September, produced 143,000 ounces of PGMs in FY2024.",
         [F(value=4.4477971824, period="2023-10/2024-09")], title="Tharisa output rises"),
    # a company's post keeps its home's companies' year: Canada's keep the calendar's, India's the April one
    Case("Teck expects copper production of 470,000 to 525,000 tonnes in fiscal 2025.",
         [F(value=470000, period="2025")], title="Teck lifts copper output guidance"),
    Case("Hindalco expects aluminium production of 1.3 million tonnes in fiscal 2025.",
         [F(value=1.3e6, period="FY2024")], title="Hindalco profit jumps"),
    # a year said to end in March is left to the country: with none known, `fiscal 2024` is named by its start
    Case(("The smelter expects to process 1.1 million tonnes of copper concentrate in the fiscal year ending March "
          "2026.", "It processed 1.05 million tonnes in fiscal 2024."),
         [F(period="FY2025"), F(value=1.05e6, period="FY2024")], title="Smelter keeps its outlook"),
    # `2022-23 financial year` is a fiscal year wherever it is written
    Case("Output fell to 3.2mn t in the 2022-23 financial year.", [F(value=3.2e6, period="FY2022")]),
    # Japan names fiscal 2024 by the year it starts in, as the spec does
    Case(
        "Japan's crude steel output is expected to fall to 82mn t in fiscal 2024.",
        [F(value=8.2e7, period="FY2024", country="Japan")],
        title="Japan steel outlook",
    ),
]


# Comparisons (wire copy, trade data): whose period a period mention is.
COMPARED = [
    # a year named as the preceding one is a comparison base: the report's period stays the current year
    Case(
        "India's copper consumption grew 9% to 1.8 million tonnes in 2023-24. The country used 1.65 million "
        "tonnes in the preceding 2022-23 financial year. Refined copper output rose to 0.9 million tonnes.",
        [F(value=1.8e6, period="FY2023"), F(value=1.65e6, period="FY2022"), F(value=9e5, period="FY2023")],
        title="Copper demand grows",
        published=None,
    ),
    # `That compares to …` is a comparison too: the next figure does not carry its year
    Case(
        (
            "Nickel exports reached 6,000 tonnes in June.",
            "That compares to 5,100 tonnes in June 2023.",
            "Shipments were up 5% on the month.",
        ),
        [F(value=6000, period="2024-06"), F(value=5100, period="2023-06"), F(change_pct=5, period="2024-06")],
    ),
    # `in the prior year` dates the figure a year before the report; `over the previous year` is a basis
    Case(
        (
            "Exports reached 900,000 tonnes in 2024, up 8% over the previous year.",
            "Output was 1.6 million tonnes in the prior year.",
        ),
        [F(value=900000, change_pct=8, period="2024"), F(value=1.6e6, period="2023")],
        published=None,
    ),
    # in a list of monthly figures each takes the month written after it, not the nearest one
    Case(
        "Sales were 3,000 units in April, 2,800 units in May and 3,100 units in June 2023.",
        [F(value=3000, period="2023-04"), F(value=2800, period="2023-05"), F(value=3100, period="2023-06")],
        published=None,
    ),
    # figures listed after `compared to a peak of` are compared with too: the next change is not theirs
    Case(
        (
            "Zinc exports reached $120 million in June, compared to a peak of $150 million in March, "
            "$130 million in April and $90 million in June 2023.",
            "That was a rise of 33% on the year.",
        ),
        [
            F(value=1.2e8, period="2024-06"),
            F(value=1.5e8, period="2024-03"),
            F(value=1.3e8, period="2024-04"),
            F(value=9e7, period="2023-06"),
            F(change_pct=33, period="2024-06"),
        ],
    ),
    # a compared-with figure with no period of its own takes the period the sentence compares with
    Case(
        "Refined output is forecast to rise 4% in 2026 versus 2025, reaching 2.6 million tonnes, "
        "up from 2.5 million tonnes.",
        [F(value=2.6e6, period="2026"), F(value=2.5e6, period="2025")],
    ),
    # a period right after a compared figure is the comparison's, not the sentence's
    Case(
        "Cathode output reached 95,000t in May 2024, up 12% from 84,800t in April.",
        [F(value=95000, change_pct=12, period="2024-05"), F(value=84800, period="2024-04")],
    ),
    # `That compares with …`: each figure keeps the period written right after it
    Case(
        (
            "Exports reached 7,200 tonnes in May.",
            "That compares with 6,900 tonnes in April and 5,800 tonnes in May 2023.",
        ),
        [F(value=7200, period="2024-05"), F(value=6900, period="2024-04"), F(value=5800, period="2023-05")],
    ),
    # `a year earlier`, `the year-ago quarter`, `the previous fiscal`: the same span one year back
    Case(
        ("Zinc output was 310,000t in March.", "That was down from 325,000t a year earlier."),
        [F(value=310000, period="2024-03"), F(value=325000, period="2023-03")],
    ),
    Case(
        "Crude steel output rose 8 per cent to 152 MT over 141 MT in the previous fiscal, in FY24.",
        [F(value=1.52e8, period="FY2023"), F(value=1.41e8, period="FY2022")],
        title="India steel output",
        published=None,
    ),
    # `N% more than X`: X is the compared figure, with its own period
    Case(
        (
            "Output in the first quarter of 2024 was 9.2 MT.",
            "That was 7.1 per cent more than 8.6 MT in the year-ago quarter.",
        ),
        [F(value=9.2e6, period="2024-Q1"), F(value=None, change_pct=7.1), F(value=8.6e6, period="2023-Q1")],
    ),
    # `during the quarter` is the quarter the report is about
    Case(
        ("Copper output in the first quarter of 2024 was 420,000t.", "Cobalt output was 9,100t during the quarter."),
        [F(value=420000, period="2024-Q1"), F(value=9100, period="2024-Q1")],
    ),
    # months of a fiscal year: India's January-March of FY24 is 2024's first quarter
    Case(
        "Consumption rose to 33 MT in the January-March period of FY24.",
        [F(value=3.3e7, period="2024-Q1")],
        title="India steel demand",
        published=None,
    ),
    # a compared-with level the text does not date is not the report's period: its base is unknown
    Case(
        (
            "Zinc output was 320,000t in the second quarter.",
            "One smelter lifted output by 12% to 56,000t from 50,000t.",
        ),
        [F(value=320000, period="2024-Q2"), F(value=56000, period="2024-Q2"), F(value=50000, period=None)],
    ),
    # a base a day or a week back falls in the period reported on
    Case(
        "Cobalt hydroxide was assessed at $7.10/lb on June 12, up from $6.95/lb the previous day.",
        [F(value=7.1, period="2024-06"), F(value=6.95, period="2024-06")],
    ),
    # guidance bullets: each line is a sentence with its own year
    Case(
        "Guidance out to 2026: • 500,000t of zinc in 2025. • 470,000t of zinc in 2026.",
        [F(value=500000, period="2025"), F(value=470000, period="2026")],
    ),
]


# A share of the world's supply in the present tense is background, of no period; told in the past tense, or
# as a share that moved, it is the report's.
WORLD_SHARES = [
    Case(
        (
            "China's tungsten exports rose 9% to 1,800 tonnes in May.",
            "China accounts for 80% of tungsten mining globally, according to the USGS.",
        ),
        [F(value=1800, period="2024-05"), F(value=80, period=None)],
    ),
    Case(
        (
            "China's tungsten exports rose 9% to 1,800 tonnes in May.",
            "China holds 60% of the world's tungsten reserves.",
        ),
        [F(value=1800, period="2024-05"), F(value=60, period=None)],
    ),
    Case(
        (
            "China's tungsten exports rose 9% to 1,800 tonnes in May.",
            "China accounted for 60% of global tungsten exports.",
        ),
        [F(value=1800, period="2024-05"), F(value=60, period="2024-05")],
    ),
    Case(
        (
            "China's tungsten exports rose 9% to 1,800 tonnes in May.",
            "China's share of global tungsten output rose to 85%.",
        ),
        [F(value=1800, period="2024-05"), F(value=85, period="2024-05")],
    ),
]


ALL = (
    WIRE
    + SPANS
    + UNDATED
    + QUARTERS
    + HEADLINE
    + MONTHLY_REPORTS
    + SPOT_PRICES
    + VAGUE_PRESENT
    + RELATIVE_YEARS
    + MINE_REPORTS
    + WEEKDAY_DATES
    + WRAPS
    + THE_YEAR
    + YEAR_TO_DATE
    + FISCAL
    + COMPARED
    + WORLD_SHARES
)


@pytest.mark.parametrize("case", ALL, ids=row_id)
def test_period_case(case: Case) -> None:
    check(case)
