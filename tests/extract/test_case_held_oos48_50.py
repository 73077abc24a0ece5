"""Phenomena of the held-out sets met at stop 44 (sets 28-47 read again; sets 48-50 scored before any rule was
written from them): one row per phenomenon the extractor got wrong, and guard rows for what the fixes must leave
alone."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.extract.cases import Case, F, check, row_id

# Bare sums listed after as many prices in their currency are those prices' bases, in order.
LISTED_BASES = [
    Case("The 2025 benchmark charges were set at $21.25 per tonne and 2.125 cents per pound, down from $80 and 8 cents "
         "for 2024.",
         [F(value=21.25, unit="USD/t"), F(value=0.02125, unit="USD/lb"), F(value=80, unit="USD/t", period="2024"),
          F(value=0.08, unit="USD/lb", period="2024")],
         title="Japan's copper smelters", published=datetime(2025, 1, 10, tzinfo=UTC)),
    # guard: one base after two prices is the nearer price's
    Case("Spot TCs were $21.25 per tonne and 2.125 cents per pound, down from 8 cents a year earlier.",
         [F(value=21.25, unit="USD/t"), F(value=0.02125, unit="USD/lb"), F(value=0.08, unit="USD/lb")],
         title="Copper concentrate", published=datetime(2025, 1, 10, tzinfo=UTC)),
]

# A premium `over the LME price` is the buying market's: the exchange is what it is measured against, not its market.
OVER_AN_EXCHANGE = [
    Case("The US Midwest aluminium premium, the surcharge buyers pay over the London Metal Exchange price, climbed to "
         "a record $1,410 a tonne in July.",
         [F(value=1410, country="United States")], title="Aluminium premiums",
         published=datetime(2025, 8, 1, tzinfo=UTC)),
    # guards: a price on the LME is the international market's; Comex's premium over it is the United States'
    Case("LME aluminium rose 0.8% to $2,702 a ton, the highest since March.", [F(value=2702, country=None)],
         title="Base metals", published=datetime(2025, 8, 1, tzinfo=UTC)),
    Case("The premium of COMEX copper over the LME contract widened to $1,020 a tonne.",
         [F(value=1020, country="United States")], title="Base metals", published=datetime(2025, 8, 1, tzinfo=UTC)),
]

# In a post about duties (its headline names them), a `rate` is a duty: the headline's country levies it on whom the
# figure's own segment names (`For Canada, …`, `while Taiwanese producers face duties ranging from …`).
DUTY_RATES = [
    Case(("Accordingly, Brazilian producers have been assigned preliminary duties of 48.97 percent, while the rate for "
          "all other Brazilian exporters has been set at 40.19 percent.",
          "For Canada, the rates stand at 6.57 percent for ArcelorMittal Dofasco, while Taiwanese producers face "
          "duties ranging from 2.03 percent to 24.46 percent."),
         [F(value=48.97, metric="tariff"), F(value=40.19, metric="tariff", country="United States"),
          F(value=6.57, metric="tariff", country="United States", partner="Canada"),
          F(value=2.03, value_max=24.46, metric="tariff", country="United States", partner="Taiwan")],
         title="US issues preliminary AD duties on corrosion-resistant steel from 10 countries",
         published=datetime(2025, 8, 1, tzinfo=UTC)),
    # `Vietnam's Hoa Sen Group`: a company the vocabulary does not know is named after its owner's possessive
    Case("The highest rate, 197.78 percent, has been determined for Vietnam's Hoa Sen Group.",
         [F(value=197.78, metric="tariff", partner="Vietnam", company="Hoa Sen Group")],
         title="US issues preliminary AD duties on corrosion-resistant steel",
         published=datetime(2025, 8, 1, tzinfo=UTC)),
    # guards: a royalty's rates and a utilisation rate are no duties, whatever the headline
    Case("From April, the government plans to replace the flat 10% royalty on nickel ore with rates of 14% to 19%.",
         [F(value=10, metric="other"), F(value=14, metric="other")],
         title="Indonesia raises nickel duties and royalties", published=datetime(2025, 3, 1, tzinfo=UTC)),
    Case("Mills ran at a utilisation rate of 78% in March.", [F(value=78, metric="other")],
         title="Vietnam slaps duties on Chinese steel", published=datetime(2025, 4, 1, tzinfo=UTC)),
]

# A wire story's dateline without a year, in a post forecasting the latest year it names: written the year before
# when no later year fits the weekday (Wednesday, October 8: 2025).
FORECAST_DATELINES = [
    Case(("LONDON, Oct 8 (Reuters) - The global refined copper market will swing from a deficit of 50,000 metric tons "
          "in 2025 to a surplus of 170,000 tons in 2026, the International Copper Study Group said on Wednesday.",
          "The group expects world refined copper output to rise 1.9% to 28.30 million tons this year.",
          "Three-month copper on the London Metal Exchange was up 0.6% at $10,450 a ton by 1600 GMT."),
         [F(value=50000, period="2025"), F(value=170000, period="2026"), F(value=28.3e6, period="2025"),
          F(value=10450, period="2025-10")],
         title="Global copper market to flip to surplus in 2026, ICSG says", published=None,
         created=datetime(2026, 12, 1, tzinfo=UTC)),
]

# A list of periods after as many figures pairs with them in order (`in 2025 and 2026, respectively`).
RESPECTIVE_PERIODS = [
    Case("WPIC expects automotive demand of 3,010 koz and 2,960 koz in 2025 and 2026, respectively.",
         [F(period="2025"), F(period="2026")], title="Platinum outlook", published=datetime(2025, 11, 12, tzinfo=UTC)),
    Case("Usage is forecast to grow by 2.9% and 2.1% in 2025 and 2026 respectively.",
         [F(change_pct=2.9, period="2025"), F(change_pct=2.1, period="2026")], title="Copper outlook",
         published=datetime(2025, 10, 8, tzinfo=UTC)),
    # an Australian miner's `full fiscal year` and `new fiscal year` (July to June)
    Case(("PERTH, July 24 - Pilbara Minerals produced 754,600 dry metric tonnes of spodumene concentrate in the fiscal "
          "year to June.",
          "For the full fiscal year, unit costs averaged A$627 a tonne.",
          "For the new fiscal year, which began on July 1, Pilbara guided production of 820,000 to 870,000 tonnes."),
         [F(value=754600, period="2024-07/2025-06"), F(value=627, period="2024-07/2025-06"),
          F(value=820000, period="2025-07/2026-06")],
         title="Pilbara Minerals beats FY25 guidance", published=datetime(2025, 7, 24, tzinfo=UTC)),
    # a base compared with is no item of the list (`from 887 Mt in 2024–25 to 902 Mt and 915 Mt in 2025–26 and 2026–27`)
    Case("Export volumes are forecast to rise from 887 million tonnes in 2024–25 to 902 million tonnes and 915 million "
         "tonnes in 2025–26 and 2026–27, respectively.",
         [F(value=887e6), F(value=902e6, period="2025-07/2026-06"), F(value=915e6, period="2026-07/2027-06")],
         title="Australia's resources and energy exports", published=datetime(2025, 10, 1, tzinfo=UTC)),
    # a label in brackets with a spaced currency (`(2Q25: US$ 21.5/t)`) is the base's, not the figure's before it
    Case(("Vale produced 94.4 million tonnes of iron ore fines in the third quarter of 2025.",
          "C1 cash cost ex-third party purchases was US$ 20.6/t (2Q25: US$ 21.5/t)."),
         [F(value=94.4e6, period="2025-Q3"), F(value=20.6, period="2025-Q3"), F(value=21.5, period="2025-Q2")],
         title="Vale production report",
         published=datetime(2025, 10, 21, tzinfo=UTC)),
    # guard: each figure followed by its own year keeps it
    Case("Demand was 3,010 tonnes in 2023 and 2,960 tonnes in 2024.", [F(period="2023"), F(period="2024")],
         title="Platinum demand", published=datetime(2025, 11, 12, tzinfo=UTC)),
]

# A release's dateline (`LONDON, 12 November 2025 /PRNewswire/ --`) is its publication day, no figure's period.
RELEASE_DATELINES = [
    Case(("LONDON, 12 November 2025 /PRNewswire/ -- The platinum market is on course for a deficit in 2025, at 885 "
          "koz, the council said today.",
          "The 2025 deficit has been revised up from the 850 koz forecast in September.",
          "Investment demand is set to rise 79% to 730 koz this year."),
         [F(period="2025"), F(period="2025"), F(value=730 * 0.0311034768, period="2025")],
         title="WPIC: platinum deficit to narrow", published=None, created=datetime(2026, 12, 1, tzinfo=UTC)),
]

# Banks' revised forecasts: `the second half of this year` is one period; `for the fourth` after a quarter written in
# full is the next in its year; what a forecast was `previously` is of the period of the figure revising it.
REVISED_FORECASTS = [
    Case("Goldman Sachs has raised its copper price forecast for the second half of this year to $10,050 a ton from "
         "$9,600.", [F(value=10050, period="2025-H2"), F(value=9600, period="2025-H2")],
         title="Goldman raises copper forecast", published=datetime(2025, 6, 24, tzinfo=UTC)),
    Case("The bank raised its price forecasts to $2,650 a ton for the third quarter of 2025 and $2,800 for the fourth, "
         "from $2,450 and $2,500 previously.",
         [F(value=2650, period="2025-Q3"), F(value=2800, period="2025-Q4"), F(value=2450, period="2025-Q3"),
          F(value=2500, period="2025-Q4")], title="Morgan Stanley aluminium outlook", published=None,
         created=datetime(2026, 12, 1, tzinfo=UTC)),
    Case("The bank now expects spodumene to average $780 a tonne in 2026, down from $1,080 previously.",
         [F(value=780, period="2026"), F(value=1080, period="2026")], title="Lithium outlook",
         published=datetime(2025, 9, 1, tzinfo=UTC)),
    # guards: a rate before a change of state is of no period of the one after it; a price up so far this year is
    # the year to date
    Case("Cobalt has carried a 10% royalty since 2018, up from 2% previously.",
         [F(value=10), F(value=2, period=None)], title="Congo royalties", published=datetime(2025, 3, 1, tzinfo=UTC)),
    Case("Copper has gained 10% this year to $9,800 a ton.", [F(value=9800, period="2025-H1")],
         title="Copper prices", published=datetime(2025, 6, 24, tzinfo=UTC)),
]

# A place named in an aside after the figure (what held it back, the argument for it, what came after or before it)
# is not the figure's.
ASIDES = [
    Case("World mine production is seen rising 1.4% to 23.1 million tons in 2025, held back by lower ore grades in "
         "Chile and disruptions at Grasberg in Indonesia.", [F(value=23.1e6, country=None)],
         title="Copper market outlook", published=datetime(2025, 10, 8, tzinfo=UTC)),
    Case("Goldman Sachs has raised its copper price forecast to $10,050 a ton, arguing that the rush to ship metal to "
         "the United States will keep the rest of the world short.", [F(value=10050, country=None)],
         title="Goldman raises copper forecast", published=datetime(2025, 6, 24, tzinfo=UTC)),
    # a relative clause on a country's policy (`which tightened its scrap import standards in 2020`) is an aside: its
    # series, period and commodity are none of the figure's
    Case(("Japan exported 412,000 tonnes of aluminium scrap in 2024.",
          "Shipments to China, which tightened its scrap import standards in 2020, fell 27% to just 9,400 tonnes."),
         [F(value=412000), F(value=9400, metric="exports", country="Japan", partner="China", period="2024")],
         title="Japan's aluminium scrap exports jump 18% in 2024", published=datetime(2025, 3, 1, tzinfo=UTC)),
    # guard: `after` a time is no aside
    Case("Output in Chile rose 4% to 450,000 tonnes after May.", [F(value=450000, country="Chile")],
         title="Copper output", published=datetime(2025, 7, 1, tzinfo=UTC)),
]

# What a user `uses` (a car, a country, a sector's `steel use`, `per-capita use`) is consumption.
USES = [
    Case("An electric car uses around 53 kg of copper, more than twice the 22 kg in a conventional car.",
         [F(value=0.053, metric="consumption"), F(value=0.022, metric="consumption")], title="Copper demand",
         published=datetime(2025, 5, 1, tzinfo=UTC)),
    Case("Construction cut its steel use by 3.9% last year.", [F(change_pct=-3.9, metric="consumption")],
         title="EU steel market", published=datetime(2025, 5, 1, tzinfo=UTC)),
    Case("Per-capita use of aluminium in 2023 ranged from about 3 kg in India to 31 kg in China.",
         [F(value=0.003, metric="consumption"), F(value=0.031, metric="consumption")], title="Aluminium demand",
         published=datetime(2025, 5, 1, tzinfo=UTC)),
]

# `recycled aluminium from post-consumer scrap`: what a metal is made from is its feed, not the figure's commodity.
FEEDS = [
    Case("Global output of recycled aluminium from post-consumer scrap reached 22 million tonnes in 2023.",
         [F(value=22e6, commodity="aluminium")], title="Aluminium recycling",
         published=datetime(2025, 5, 1, tzinfo=UTC)),
    # guard: scrap that is the figure's own commodity stays
    Case("Japan's exports of aluminium scrap fell 12% to 410,000 tonnes in 2024.",
         [F(value=410000, commodity="aluminium scrap")], title="Aluminium scrap",
         published=datetime(2025, 5, 1, tzinfo=UTC)),
]

# Written once for a list: `duties of $619, $739 and $873 per tonne` (each per tonne), `its 5.6 million-ton-a-year
# Dung Quat 2 complex` (a capacity), `Philippine 1.5% nickel ore` (a grade, no share).
WRITTEN_ONCE = [
    Case("In its final findings, the investigation arm of the Commerce Ministry proposed duties of $619, $739 and $873 "
         "per tonne on foil made by Jiangsu Dingsheng New Materials, Henan Mingtai Aluminium and Xiamen Xiashun "
         "Aluminium Foil, respectively.",
         [F(value=619, unit="USD/t"), F(value=739, unit="USD/t"), F(value=873, unit="USD/t")],
         title="India recommends anti-dumping duty on aluminium foil from China",
         published=datetime(2024, 9, 10, tzinfo=UTC)),
    Case("Hoa Phat, which is ramping up its 5.6 million-ton-a-year Dung Quat 2 complex, said its sales fell 9% to "
         "412,000 tons.", [F(value=5.6e6, unit="t/yr", metric="capacity"), F(value=412000, metric="sales")],
         title="Vietnam steel", published=datetime(2025, 3, 10, tzinfo=UTC)),
    Case("Platts assessed Philippine 1.5% nickel ore at $52/wmt CIF China on March 28.", [F(value=52)],
         title="Nickel ore prices", published=datetime(2025, 3, 30, tzinfo=UTC)),
    # guard: a sum and its amount per share are no list
    Case("Net earnings fell to $249.9 million, or $1.05 per share, from $1.14 billion.",
         [F(value=249.9e6, unit="USD"), F(value=1.05, unit="USD/unit"), F(value=1.14e9, unit="USD")],
         title="Nucor results", published=datetime(2024, 10, 22, tzinfo=UTC)),
]

# Growth over a span: a compound annual rate is a change (`expanded at a compound annual rate of 8.7%`), and the
# level in the clause saying when it started (`since 2015, when the country turned out 7.96 million tons`) is no level
# it describes; `FY2024-25` names the year its months start in.
SPANS = [
    Case("Output has grown at a compound annual rate of 6.1% since 2015, when the country turned out 7.96 million "
         "tons.",
         [F(value=None, change_pct=6.1), F(value=7.96e6, change_pct=None, period="2015")],
         title="US steel", published=datetime(2025, 5, 1, tzinfo=UTC)),
    Case("The figure was 5.3% lower than in January, when the world's biggest copper producer mined 435,400 tons.",
         [F(value=None, change_pct=-5.3), F(value=435400, change_pct=None)], title="Chile copper output",
         published=datetime(2025, 3, 30, tzinfo=UTC)),
    Case("In the April–December period of FY2024-25, imports from China alone rose 23% to 2.3 Mt.",
         [F(value=2.3e6, period="2024-04/2024-12")], title="India's steel imports",
         published=datetime(2025, 5, 1, tzinfo=UTC)),
    # guard: a level in its own `when` clause keeps the change written beside it
    Case("Shipments jumped in March, when they rose 12% to 410,000 tonnes.", [F(value=410000, change_pct=12)],
         title="Iron ore shipments", published=datetime(2025, 4, 10, tzinfo=UTC)),
]

# Fiscal years in an undated post: `the previous fiscal year` is the one before the year the sentence names, a span
# `between` two fiscal years starts at the first (its figures are the last's), and the places a comparison names after
# a figure are its bases'.
FISCAL_SPANS = [
    Case(("India's finished steel consumption rose 11.5% to 152 million tonnes in FY2024-25, after growth of 13.4% in "
          "the previous fiscal year.",
          "Between FY2019-20 and FY2024-25, consumption expanded at a compound annual rate of 8.7%, from 100.2 Mt.",
          "Per-capita consumption reached 98 kg, compared with a world average of around 220 kg and 610 kg in China.",
          "Exports slumped 31% to 4.9 Mt."),
         [F(value=152e6, period="FY2024"), F(change_pct=13.4, period="FY2023"), F(change_pct=8.7, period="FY2024"),
          F(value=100.2e6, period="FY2019"), F(value=0.098, country="India"), F(value=0.22), F(value=0.61),
          F(value=4.9e6, period="FY2024")],
         title="India's per-capita steel use climbs to 98 kg", published=None,
         created=datetime(2026, 12, 1, tzinfo=UTC)),
]

# `Russian aluminium share of EU imports dwindles`: a headline's supplier's share of a buyer's imports makes the post
# the buyer's.
SHARE_HEADLINES = [
    Case(("EU imports from Russia totalled 31,800 tonnes in January-June, down by 68% year on year.",
          "Norway remained the largest supplier with 338,000 tonnes."),
         [F(value=31800, country="European Union", partner="Russia"),
          F(value=338000, country="European Union", partner="Norway")],
         title="Russian aluminium share of EU imports dwindles ahead of full ban",
         published=datetime(2025, 8, 20, tzinfo=UTC)),
    # an importer set off by an apposition still imports (`India, the biggest buyer, imported 4,554 tons`)
    Case("India, the biggest buyer, imported 4,554 tons of silver in January-September, according to trade ministry "
         "data.", [F(value=4554, country="India", partner=None)], title="Mexico's silver output climbs",
         published=datetime(2024, 11, 14, tzinfo=UTC)),
    Case("Imports in the first quarter were down 21% year on year at 5.87 million mt, customs data showed.",
         [F(value=5.87e6, country="China")],
         title="Philippine nickel ore fills China's gap as Indonesia tightens mining quotas",
         published=datetime(2025, 4, 20, tzinfo=UTC)),
]

# A trade-remedy headline's target (`… anti-dumping duty … on aluminium foil from China`) pays the post's duties and is
# no subject of it; each of the duties listed (`of $619, $739 and $873 per tonne`) is one.
DUTY_TARGETS = [
    Case("The investigation arm of the Commerce Ministry proposed duties of $619, $739 and $873 per tonne on foil made "
         "by three producers.",
         [F(value=v, metric="tariff", country="India", partner="China") for v in (619, 739, 873)],
         title="DGTR recommends anti-dumping duty of up to $873/tonne on aluminium foil from China",
         published=datetime(2024, 9, 26, tzinfo=UTC)),
    # what imports are valued at in customs data is the importer's price, from the origin
    Case("The average customs value of Guinean bauxite rose to $72 a ton in December from $64 a year earlier.",
         [F(value=72, country="China", partner="Guinea"), F(value=64, country="China", partner="Guinea")],
         title="China's bauxite imports hit record in 2024", published=datetime(2025, 1, 20, tzinfo=UTC)),
    # guard: a duty that is no trade remedy names no target
    Case("The duty-paid premium would be close to $269 per tonne in Rotterdam.", [F(value=269, partner=None)],
         title="Will the 3% duty delta for aluminium Rotterdam premiums return?",
         published=datetime(2024, 9, 26, tzinfo=UTC)),
]

# `in the week to March 21 to 183,420 tonnes`: a month's day then a level, no range of figures; and a US short ton is
# 0.907 metric tonnes.
DAYS_AND_TONS = [
    Case("Copper inventories on the Shanghai Futures Exchange fell 14.6% in the week to March 21 to 183,420 tonnes.",
         [F(value=183420, value_max=None, change_pct=-14.6)], title="Copper stocks",
         published=datetime(2025, 3, 22, tzinfo=UTC)),
    Case("COMEX copper stocks rose for a 10th session to 98,140 short tons.", [F(value=98140 * 0.90718474, unit="t")],
         title="Copper stocks", published=datetime(2025, 3, 22, tzinfo=UTC)),
    # guard: a range after a day's date is still one
    Case("On March 21, offers were at $5 to $10 a tonne above the benchmark.", [F(value=5, value_max=10)],
         title="Premiums", published=datetime(2025, 3, 22, tzinfo=UTC)),
]

# `rising 1.4% to 23.1 million tons in 2025 and 2.3% in 2026`: a second change with its verb left out, past a level.
GAPPED_CHANGES = [
    Case("World mine production is seen rising 1.4% to 23.1 million tons in 2025 and 2.3% in 2026.",
         [F(value=23.1e6, change_pct=1.4, period="2025"), F(value=None, change_pct=2.3, period="2026")],
         title="Copper outlook", published=datetime(2025, 10, 8, tzinfo=UTC)),
    # guard: a share after a level is no change
    Case("Output rose 1.4% to 23.1 million tons in 2025 and 20% of it came from Chile.",
         [F(value=23.1e6, change_pct=1.4), F(value=20, change_pct=None)], title="Copper output",
         published=datetime(2026, 2, 8, tzinfo=UTC)),
]

# `Indonesia accounted for about 60% of world primary output, and its production is forecast to grow`: the world
# of a share is its whole, no scope of the figures after it.
SHARE_WHOLES = [
    Case("Indonesia accounted for about 60% of world primary output last year, and its production is forecast to grow "
         "8.5% this year to 2.32 million tonnes.",
         [F(value=60, country=None), F(value=2.32e6, country="Indonesia")], title="Nickel market",
         published=datetime(2025, 4, 24, tzinfo=UTC)),
    # guard: a world figure stays the world's
    Case("World primary output rose 5% to 3.5 million tonnes last year.", [F(value=3.5e6, country=None)],
         title="Nickel market", published=datetime(2025, 4, 24, tzinfo=UTC)),
]

# A plant's percent of its capacity or throughput, however many words name it, is how hard it runs: no market share.
RUN_RATES = [
    Case("Train 1 produced 1,301t of lithium hydroxide, or about 5% of its 24,000 tonnes per annum nameplate capacity.",
         [F(value=1301), F(value=5, metric="other"), F(value=24000, metric="capacity")], title="IGO quarterly",
         published=datetime(2025, 1, 30, tzinfo=UTC)),
    Case("The analyst expects the concentrator to reach 85% of nameplate throughput by December.",
         [F(value=85, metric="other")], title="Capstone quarterly", published=datetime(2025, 1, 30, tzinfo=UTC)),
    # what a smelting and separation quota caps is output, not imports
    Case("The smelting and separation quota rose to 254,000 tonnes.", [F(value=254000, metric="production")],
         title="China rare earth quotas", published=datetime(2025, 1, 30, tzinfo=UTC)),
    # guard: a share of a market's capacity held by a country stays a share
    Case("China accounts for 60% of global smelting capacity.", [F(value=60, metric="market_share")],
         title="Copper smelting", published=datetime(2025, 1, 30, tzinfo=UTC)),
]

# `the strongest since the first half of 2020`: the period a record is counted from is no period an undated post
# reports on.
SINCE_RECORDS = [
    Case(("Total gold demand rose 3% year-on-year to 1,249 tonnes in the second quarter, the World Gold Council said.",
          "ETF holdings grew by 170 tonnes in the quarter, taking first-half inflows to 397 tonnes, the strongest "
          "since the first half of 2020."),
         [F(value=1249, period="--04/--06"), F(value=170), F(value=397, period="--01/--06")],
         title="Gold demand rises 3%", published=None, created=datetime(2026, 12, 1, tzinfo=UTC)),
]

# `24% less than the 322 tonnes bought in the final quarter of 2024`: the fourth quarter, and a base compared with that
# dates nothing after it.
COMPARED_QUARTERS = [
    Case(("Central banks added a net 244 tonnes of gold to official reserves in the first quarter of 2025.",
          "That was 24% less than the 322 tonnes bought in the final quarter of 2024.",
          "The National Bank of Poland was again the largest buyer, adding 49 tonnes."),
         [F(value=244, period="2025-Q1"), F(value=None, change_pct=-24, period="2025-Q1"),
          F(value=322, period="2024-Q4"), F(value=49, period="2025-Q1")],
         title="Central banks add 244 tonnes of gold in first quarter", published=datetime(2025, 5, 1, tzinfo=UTC)),
]

# Relative prices and margins: `a discount of 14.9% to the 62% index` is a price (the index's grade no figure), and
# `the US EAF metal margin widened to $388 per tonne` what a producer keeps, no price.
DISCOUNTS_AND_MARGINS = [
    Case("Mysteel assessed 58% Fe fines at $90.40/dmt CFR, a discount of 14.9% to the 62% index, compared with a 16.2% "
         "discount in August.",
         [F(value=90.4), F(value=14.9, metric="price"), F(value=16.2, metric="price")], title="Iron ore fines",
         published=datetime(2025, 9, 20, tzinfo=UTC)),
    Case("The US EAF metal margin widened to $388 per tonne from $352 per tonne.",
         [F(value=388, metric="other"), F(value=352, metric="other")], title="Scrap and steel",
         published=datetime(2025, 9, 20, tzinfo=UTC)),
]

ROWS = (LISTED_BASES + OVER_AN_EXCHANGE + DUTY_RATES + FORECAST_DATELINES + RESPECTIVE_PERIODS
        + RELEASE_DATELINES + REVISED_FORECASTS + ASIDES + USES + FEEDS + WRITTEN_ONCE + SPANS + FISCAL_SPANS
        + SHARE_HEADLINES + DUTY_TARGETS + DAYS_AND_TONS + GAPPED_CHANGES + SHARE_WHOLES + RUN_RATES + SINCE_RECORDS
        + COMPARED_QUARTERS + DISCOUNTS_AND_MARGINS)


@pytest.mark.parametrize("case", ROWS, ids=row_id)
def test_oos_48_50_case(case: Case) -> None:
    check(case)
