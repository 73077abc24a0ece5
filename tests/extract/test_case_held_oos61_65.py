"""Phenomena of the held-out sets met at stop 47 (set 61 on freight, then sets 62-65, each scored before any rule was
written from it): one row per phenomenon the extractor got wrong, and guard rows for what the fixes must leave
alone."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.extract.cases import Case, F, check, row_id

# A ship's hire is money a day (`$23,418 per day`), never a price per tonne of what it carries.
PER_DAY = [
    Case("The P5TC average rose $1,105 over the week to $14,260 per day.",
         [F(value=1105, unit="USD/day"), F(value=14260, unit="USD/day")], title="Panamax rates",
         published=datetime(2025, 3, 7, tzinfo=UTC)),
    Case(("Capesize earnings averaged $23,418 a day in February.", "Kamsarmax hire was $15,500/day."),
         [F(value=23418, unit="USD/day", period="2025-02"), F(value=15500, unit="USD/day")],
         title="Capesize rates", published=datetime(2025, 3, 7, tzinfo=UTC)),
    # guard: a sum traded a day stays a sum
    Case("Trading volumes in copper futures averaged $4.2 billion a day in March.", [F(value=4.2e9, unit="USD")],
         title="Copper", published=datetime(2025, 4, 7, tzinfo=UTC)),
    # guard: a day that dates a move is no unit
    Case("Copper rose $95 a tonne on Monday and fell $40 a day later.",
         [F(value=95, unit="USD/t"), F(value=-40, unit="USD/t")], title="Copper",
         published=datetime(2025, 3, 7, tzinfo=UTC)),
]

# A company's fiscal year stated with its year between (`its fiscal 2024/25 year to the end of September`) runs to
# that month; the months bracketed after a fiscal quarter (`its fiscal third quarter (March-May)`) are that quarter.
FISCAL = [
    Case(("Thyssenkrupp's steel division shipped 9.2 million tonnes in its fiscal 2024/25 year to the end of "
          "September, down 6% from 9.8 million tonnes a year earlier.", "Sales at the unit fell 11% to 10.1 billion "
          "euros."),
         [F(value=9.2e6, period="2024-10/2025-09"), F(value=9.8e6, period="2023-10/2024-09"),
          F(value=1.01e10, period="2024-10/2025-09")],
         title="Thyssenkrupp steel shipments fall", published=datetime(2025, 11, 20, tzinfo=UTC)),
    Case("CMC said its finished steel shipments were 1.1 million short tons in its fiscal third quarter (March-May), "
         "up 4% from a year earlier.", [F(change_pct=4, period="2025-03/2025-05")], title="CMC shipments",
         published=datetime(2025, 6, 20, tzinfo=UTC)),
    Case("CMC said its finished steel shipments were 1.1 million short tons in its fiscal third quarter (March-May), "
         "up 4% from a year earlier.", [F(change_pct=4, period="--03/--05")], title="CMC shipments", published=None),
    # guard: months that gloss the calendar quarter or a fiscal year keep its year
    Case("Sales rose 5% to $2.1 billion in the second quarter (April to June).", [F(value=2.1e9, period="2025-Q2")],
         title="Sales", published=datetime(2025, 7, 20, tzinfo=UTC)),
    Case("Crude steel output rose 4% to 152 million tonnes in fiscal 2024-25 (April-March).",
         [F(value=1.52e8, period="FY2024")], title="India steel", published=datetime(2025, 5, 20, tzinfo=UTC)),
]

# A change `from early May` or `from late March levels` is measured against that time: the report is the post's own.
EARLY_LATE = [
    Case("Nucor kept its spot price for hot-rolled coil at $870 per short ton, unchanged from the previous week but "
         "down $80 from early May.", [F(value=870, period="2025-06"), F(value=-80, period="2025-06")],
         title="Nucor holds HRC", published=datetime(2025, 6, 17, tzinfo=UTC)),
    Case(("Nucor kept its spot price for hot-rolled coil at $870 per short ton.",
          "Copper rose 2% from late March levels."),
         [F(value=870, period="2025-06"), F(change_pct=2, period="2025-06")],
         title="Nucor holds HRC", published=datetime(2025, 6, 17, tzinfo=UTC)),
    # guard: a level `in early May` is of May
    Case("Nucor's spot price for hot-rolled coil was $950 per short ton in early May.",
         [F(value=950, period="2025-05")], title="Nucor HRC", published=datetime(2025, 6, 17, tzinfo=UTC)),
]

# Peru's fine tonnes are tonnes also written `tmf`; bare pesos in a post on a Chilean mine of a foreign company are
# Chile's; a bonus `per worker` or `per member` is money per head, also with a conversion bracketed before it.
MINES_AND_PAY = [
    Case("Antamina and Southern Peru remained the largest producers in the month, with 39,640 and 35,920 tmf "
         "respectively.", [F(value=39640, unit="t"), F(value=35920, unit="t")], title="Peru copper output",
         published=datetime(2025, 1, 15, tzinfo=UTC)),
    Case(("A strike at BHP's Escondida entered its third day on Thursday.",
          "The union is seeking a one-off bonus of 30 million pesos ($32,000) per member."),
         [F(value=3e7, unit="CLP/unit")], title="Escondida strike enters third day",
         published=datetime(2024, 8, 15, tzinfo=UTC)),
    Case("Workers voted to accept a bonus of 2.5 million pesos per worker.", [F(value=2.5e6, unit="CLP/unit")],
         title="Codelco's Chuquicamata workers accept offer", published=datetime(2024, 8, 15, tzinfo=UTC)),
    # guard: pesos in a post on a Mexican mine stay Mexico's
    Case("Grupo Mexico said it would invest 1.2 billion pesos at the mine this year.",
         [F(value=1.2e9, unit="MXN")], title="Grupo Mexico's Buenavista mine",
         published=datetime(2024, 8, 15, tzinfo=UTC)),
]

# `22% smaller than` is a fall, `15% larger than` a rise; changes listed after `cut by` are all changes; prices listed
# with the unit written after the last (`to $2,750 and $15,200 a ton`) pair with a `respectively` list of metals.
COMPARED = [
    Case("This year's deficit would be 22% smaller than the 190 Moz gap recorded in 2024.",
         [F(value=None, change_pct=-22), F(value=5909.66, change_pct=None, period="2024")], title="Silver deficit",
         published=datetime(2025, 4, 20, tzinfo=UTC)),
    Case("The zinc surplus will be 15% larger than last year's.", [F(value=None, change_pct=15)],
         title="Zinc surplus", published=datetime(2025, 4, 20, tzinfo=UTC)),
    Case("Zinc and nickel forecasts were cut by 3% and 5% respectively, to $2,750 and $15,200 a ton for 2026.",
         [F(value=2750, change_pct=-3, commodity="zinc", period="2026"),
          F(value=15200, change_pct=-5, commodity="nickel", period="2026")], title="Citi cuts forecasts",
         published=datetime(2025, 4, 20, tzinfo=UTC)),
    # guard: a share stays a share
    Case("Refined zinc output rose 3%, and China's share of it was 48%.",
         [F(value=None, change_pct=3), F(value=48, change_pct=None, metric="market_share")], title="Zinc",
         published=datetime(2025, 4, 20, tzinfo=UTC)),
]

# Stocks summed over exchanges of several countries are the world's; countries a total is told `with` (its causes,
# its shares' holders) are not where it is.
ASIDES = [
    Case(("Chinese copper imports fell 5% in January.",
          "Copper stocks held at the London Metal Exchange, COMEX and the Shanghai Futures Exchange totalled 591,000 "
          "tons at the end of January."),
         [F(value=None, country="China"), F(value=591000, country=None)], title="China copper",
         published=datetime(2025, 3, 20, tzinfo=UTC)),
    Case(("Chinese silver imports fell 5% in 2024.",
          "Industrial demand rose 4% to a record 680.5 Moz, with China accounting for about 38% of the total."),
         [F(value=None, country="China"), F(value=21165.9, country=None), F(value=38, country="China")],
         title="Silver demand in China", published=datetime(2025, 3, 20, tzinfo=UTC)),
    Case("Mine output should grow 1% to 827 Moz, with gains in Mexico and Chile offsetting lower production in Peru.",
         [F(value=25722.6, country=None)], title="Silver Institute outlook",
         published=datetime(2025, 3, 20, tzinfo=UTC)),
    # guard: a country named as itself besides its part's share keeps its figure
    Case("Australia's own production rose 1.2% to 962 million tonnes in 2024, with Western Australia accounting for "
         "more than 95% of it.", [F(value=9.62e8, country="Australia"), F(value=95)], title="Iron ore",
         published=datetime(2025, 3, 20, tzinfo=UTC)),
    # guard: a stock on one exchange stays its country's, and a taker's tonnage its own
    Case("Copper stocks in Shanghai Futures Exchange warehouses rose to 200,000 tons.", [F(country="China")],
         title="Copper", published=datetime(2025, 3, 20, tzinfo=UTC)),
    Case("Japan's steel exports fell 8.4% to 6.9m t in the October-December quarter, with South Korea taking 1.35m t.",
         [F(value=6.9e6, partner=None), F(value=1.35e6, partner="South Korea")], title="Japan steel exports",
         published=datetime(2025, 1, 30, tzinfo=UTC)),
]

# A country a headline names after `on` is its circumstance (`… lifts copper forecast on US stockpiling`), not whose
# prices the post reports; a bare `US copper imports` in a post on no one country are the United States'.
CIRCUMSTANCES = [
    Case(("Goldman Sachs has raised its copper price forecasts.", "For the fourth quarter, the bank sees prices at "
          "$10,200/t.", "Goldman estimates that US copper imports jumped to about 280,000 tonnes in May."),
         [F(value=10200, country=None), F(value=280000, country="United States", partner=None)],
         title="Goldman Sachs lifts Q3 copper forecast to $10,050/t on US stockpiling",
         published=datetime(2025, 6, 10, tzinfo=UTC)),
    # guard: a headline on a country's own prices keeps them its own
    Case("Hot-rolled coil was assessed at $950/st.", [F(value=950, country="United States")],
         title="US HRC prices climb on tariffs", published=datetime(2025, 6, 10, tzinfo=UTC)),
]

# The month a forecast was made in (`the 179,000 tonnes it forecast in April`, `projected in its July outlook`) is when
# it was told, not what it is of: an earlier forecast is of the period the new one is.
FORECAST_MADE = [
    Case("The bank forecasts a global refined copper deficit of 125,000 tons in 2026, against a 20,000-ton surplus it "
         "projected in its July outlook.", [F(value=125000, period="2026"), F(value=20000, period="2026")],
         title="Macquarie outlook", published=datetime(2025, 10, 1, tzinfo=UTC)),
    Case("The 2025 silver deficit has been revised up from the 850 koz forecast in September.",
         [F(value=26.43795528, period="2025")], title="Silver deficit", published=datetime(2025, 11, 10, tzinfo=UTC)),
    Case("The surplus will be 198,000 tonnes this year, revised up from the 179,000 tonnes it forecast in April.",
         [F(value=198000, period="2025"), F(value=179000, period=None)], title="INSG",
         published=datetime(2025, 10, 1, tzinfo=UTC)),
    # guard: a figure reported for a month keeps it
    Case("The group said the market was in a surplus of 12,000 tonnes in April.", [F(value=12000, period="2025-04")],
         title="INSG", published=datetime(2025, 10, 1, tzinfo=UTC)),
]

# A period naming the figure after it (`kept its 2026 average at $2,200/t`) is that figure's only; a base `below its
# 2021 peak of` or `the 2024 average of` is a base of its own period, also beside `so far this year`.
NAMED_FIGURES = [
    Case("Goldman lifted its third-quarter aluminium forecast by $100 to $2,430/t but kept its 2026 average at "
         "$2,200/t.", [F(value=100, period="2025-Q3"), F(value=2430, period="2025-Q3"), F(value=2200, period="2026")],
         title="Goldman aluminium", published=datetime(2025, 4, 20, tzinfo=UTC)),
    Case("LME nickel has averaged $15,580 a tonne so far this year, 7% below the 2024 average of $16,810.",
         [F(value=15580, change_pct=-7, period="2025-01/2025-04"), F(value=16810, change_pct=None, period="2024")],
         title="Nickel", published=datetime(2025, 4, 20, tzinfo=UTC)),
    Case("The basket price averaged R24,350 an ounce in the quarter to June, down 18% from a year earlier and 45% "
         "below its 2021 peak of R44,270/oz.",
         [F(value=24350, change_pct=-18, period="2024-Q2"), F(value=None, change_pct=-45, period="2024-Q2"),
          F(value=44270, change_pct=None, period="2021")], title="PGM basket",
         published=datetime(2024, 8, 20, tzinfo=UTC)),
    # `so far this year` in a post on this year runs to the post's month
    Case(("The global nickel market will run a surplus of 198,000 tonnes this year.",
          "LME nickel has averaged $15,580 a tonne so far this year."),
         [F(value=198000, period="2025"), F(value=15580, period="2025-01/2025-04")], title="INSG",
         published=datetime(2025, 4, 29, tzinfo=UTC)),
    # guard: a guidance year names both the level and its base
    Case("Teck lowered its 2025 copper production guidance to 470,000-525,000 tonnes from 490,000-565,000 tonnes.",
         [F(value=470000, period="2025"), F(value=490000, period="2025")], title="Teck",
         published=datetime(2025, 4, 24, tzinfo=UTC)),
]

# A year-less month range mostly yet to come when the post was written (`January-November` in January) is last year's.
PAST_RANGES = [
    Case("Cumulative copper output for January-November reached 2.51 million tonnes, a 2.3% increase year-on-year.",
         [F(value=2.51e6, period="2024-01/2024-11")], title="Peru copper output",
         published=datetime(2025, 1, 15, tzinfo=UTC)),
    # guard: a range begun in the post's month and ending within half a year is the coming one
    Case("Freeport has a permit to export 1.7 million tonnes of copper concentrate between June and December.",
         [F(value=1.7e6, period="2024-06/2024-12")], title="Indonesia lets Freeport export",
         published=datetime(2024, 6, 4, tzinfo=UTC)),
]

# A country's mining exports, mining investment and mining royalties are all minerals', no one metal's.
MINING_TOTALS = [
    Case(("Peru's copper output rose 3% to 2.7 million tonnes last year.",
          "Mining exports rose 18.6% to a record $47.4 billion, driven by higher prices for gold and copper.",
          "Mining investment totalled $4.61 billion, and mining royalties reached $1.2 billion."),
         [F(value=2.7e6, commodity="copper"), F(value=4.74e10, commodity=None), F(value=4.61e9, commodity=None),
          F(value=1.2e9, commodity=None)], title="Peru mining", published=datetime(2025, 2, 20, tzinfo=UTC)),
]

# The next owner's share after an owner's (`BHP owns 57.5% of Escondida, with Rio Tinto holding 30%`) is ownership too.
OWNERS = [
    Case(("BHP owns 57.5% of Escondida, with Rio Tinto holding 30% and a Japanese consortium the rest.",
          "Escondida produced 1.12 million tons of copper in the year."),
         [F(value=1.12e6)], title="Escondida strike", published=datetime(2024, 8, 15, tzinfo=UTC)),
    # the share bracketed after a mine's output is its output's, whoever owns the mine
    Case("Escondida produced 747,600 tonnes, or 23.4% of the national total, while Collahuasi, owned by Anglo American "
         "and Glencore, contributed 335,900 tonnes (10.5%).",
         [F(value=747600), F(value=23.4, metric="market_share"), F(value=335900),
          F(value=10.5, metric="market_share")], title="Chile copper output by mine",
         published=datetime(2024, 8, 15, tzinfo=UTC)),
    # guard: owners' bracketed stakes stay ownership
    Case(("The mine is owned by BHP and Glencore (33.75% each) and Teck (22.5%).", "It produced 1.2 Mt last year."),
         [F(value=1.2e6)], title="Antamina", published=datetime(2024, 8, 15, tzinfo=UTC)),
    # guard: a company's share of a market stays a share
    Case("SK On and Samsung SDI held 4.4% and 3.3% of the market, with CATL holding 38%.",
         [F(value=4.4, metric="market_share"), F(value=3.3, metric="market_share"),
          F(value=38, metric="market_share")], title="EV batteries", published=datetime(2024, 8, 15, tzinfo=UTC)),
]

# An undated post's outlook for the end of a year (`sees $2,400-2,600 in late 2026`, `in the second half of 2026`)
# does not say the post is written in that year: its year-less months stay year-less.
LATE_OUTLOOKS = [
    Case(("The bank expects gold to average $3,400/oz in the third quarter, before easing to a $2,400-2,600/oz range "
          "in the second half of 2026.", "Gold averaged about $3,070/oz in the first five months."),
         [F(value=3400, period="--07/--09"), F(value=2400, period="2026-H2"), F(value=3070, period="--01/--05")],
         title="Citi raises near-term gold forecast to $3,500, sees $2,400-2,600 in late 2026", published=None,
         created=datetime(2026, 12, 1, tzinfo=UTC)),
    # the year of a forecast raised (`raised its 2026 copper price forecast`) or of output `seen rising` is ahead too
    Case(("Macquarie raised its 2026 copper price forecast by 8% to $10,400 a ton.",
          "Chile's copper output rose 3% in August."),
         [F(value=10400, period="2026"), F(value=None, change_pct=3, period="--08")], title="Macquarie",
         published=None, created=datetime(2026, 12, 1, tzinfo=UTC)),
    Case(("China's aluminium output is seen rising 1.5% to 44.1 million tons in 2026.",
          "Chinese aluminium imports rose 3% in August."),
         [F(value=4.41e7, period="2026"), F(value=None, change_pct=3, period="--08")], title="Aluminium",
         published=None, created=datetime(2026, 12, 1, tzinfo=UTC)),
]

# A change bracketed after a level is that level's, not the next one's (`12,050 tonnes (down 4.2%) and Malaysia at
# 9,880 tonnes (up 12%)`); levels listed with their names pair in order with changes listed `respectively`.
PAIRS = [
    Case("Australia remained the largest supplier at 21,360 tonnes (down 18%), followed by the United Arab Emirates at "
         "12,050 tonnes (down 4.2%) and Malaysia at 9,880 tonnes (up 12%).",
         [F(value=21360, change_pct=-18), F(value=12050, change_pct=-4.2), F(value=9880, change_pct=12)],
         title="Japan's aluminium imports", published=datetime(2025, 2, 20, tzinfo=UTC)),
    Case("Vietnam took 198,300 tonnes, South Korea 142,700 tonnes and Bangladesh 96,400 tonnes, up 41%, 3.5% and 22%, "
         "respectively.",
         [F(value=198300, change_pct=41), F(value=142700, change_pct=3.5), F(value=96400, change_pct=22)],
         title="Japan's scrap exports", published=datetime(2025, 2, 20, tzinfo=UTC)),
    # guard: a change before `to` and its level is that level's
    Case("Exports fell 3% to 1.2 million tonnes, and imports rose 5% to 800,000 tonnes.",
         [F(value=1.2e6, change_pct=-3), F(value=800000, change_pct=5)], title="Japan's steel trade",
         published=datetime(2025, 2, 20, tzinfo=UTC)),
]

# A figure a level is `a fraction of` (`the 9,400 tonnes it supplied in February 2022`) is a base: its period dates
# nothing after it.
FRACTIONS = [
    Case(("Japan's imports of primary aluminium fell 14% to 78,420 tonnes in February.",
          "Russia shipped just 1,210 tonnes, a fraction of the 9,400 tonnes it supplied in February 2022.",
          "The average unit value of the imports rose 7.8% to ¥421,600 per tonne, the highest since November 2022."),
         [F(value=78420, period="2025-02"), F(value=1210, period="2025-02"), F(value=9400, period="2022-02"),
          F(value=421600, period="2025-02")], title="Japan's primary aluminium imports slide",
         published=datetime(2025, 3, 10, tzinfo=UTC)),
]

# Set 65 (Indonesian and Philippine nickel): what a plant is designed to produce a year is its capacity, also with a
# bracketed abbreviation before `per annum`; `ore containing 1.8% nickel` names a product, no share; an owner `which
# holds 66.25%` owns it; Manila's `P36.2 billion` are pesos.
NICKEL = [
    Case("At the Excelsior Nickel Cobalt HPAL project, designed to produce 72,000 tonnes of nickel in mixed hydroxide "
         "precipitate (MHP) per annum, first MHP was produced in March.",
         [F(value=72000, unit="t/yr", metric="capacity")], title="Nickel Industries", published=datetime(2025, 4, 20,
                                                                                                    tzinfo=UTC)),
    Case("The benchmark price (HPM) for ore containing 1.8% nickel was set at US$36.13 per wmt for July.",
         [F(value=36.13, unit="USD/t")], title="Indonesia nickel ore", published=datetime(2025, 7, 2, tzinfo=UTC)),
    Case(("IMIP is a joint venture between Tsingshan, which holds 66.25%, and Bintang Delapan Group.",
          "The park made 1.2 million tonnes of nickel pig iron last year."),
         [F(value=1.2e6)], title="IMIP", published=datetime(2025, 7, 2, tzinfo=UTC)),
    Case("The value of nickel ore and other nickel products dropped 27% to P36.2 billion from P49.6 billion a year "
         "earlier.", [F(value=3.62e10, unit="PHP", change_pct=-27), F(value=4.96e10, unit="PHP")],
         title="Philippine nickel output", published=datetime(2024, 8, 20, tzinfo=UTC)),
    # the noun `projects` is no forecast: a quarter's output across them stays the quarter reported
    Case(("JAKARTA, 30 April 2025 - Nickel Industries reports on its activities for the quarter ended 31 March 2025.",
          "Total nickel pig iron output across the four RKEF projects was 245,690 tonnes."),
         [F(value=245690, period="2025-Q1", forecast=False)], title="Nickel Industries quarterly",
         published=datetime(2025, 4, 30, tzinfo=UTC)),
    Case("METI projects crude steel output of 20.48 million tonnes for April-June 2025.",
         [F(value=2.048e7, period="2025-Q2", forecast=True)], title="Japan steel", published=datetime(2025, 3, 30,
                                                                                                      tzinfo=UTC)),
    # a bare quota in a post headlined on mining quotas is one, though its figure's clause does not name it
    Case("The 2024 quota was revised up twice during the year, to 273.4 million wmt from an initial 240 million wmt, "
         "as smelters ran short of domestic ore.",
         [F(value=2.734e8, metric="production"), F(value=2.4e8, metric="production")],
         title="Indonesia approves 298.5 mln tons of nickel ore mining quotas for 2025",
         published=datetime(2025, 2, 11, tzinfo=UTC)),
    # a lead set in capitals names its country (`THE PHILIPPINES' nickel ore production`); a dateline's city in
    # capitals is no place of the story
    Case(("THE PHILIPPINES' nickel ore production fell 8.1% to 11.96 million dry metric tons in the first half.",
          "Listed miner Nickel Asia said its mines shipped 6.1 million wet metric tons of ore in January to June."),
         [F(value=1.196e7, country="Philippines"), F(value=6.1e6, country="Philippines")],
         title="Nickel ore output drops 8.1% in first half", published=datetime(2024, 8, 22, tzinfo=UTC)),
    Case("SINGAPORE, Oct 13 (Reuters) - China's iron ore imports rose to 116.33 million metric tons in September.",
         [F(value=1.1633e8, country="China", partner=None)], title="China's iron ore imports rise",
         published=datetime(2024, 10, 13, tzinfo=UTC)),
    # a country buyers `turned to` is their supplier, not where the goods went
    Case(("Indonesia produced 215.1 million wmt of nickel ore last year.",
          "Smelters also turned to the Philippines, importing 10.4 million tons of ore in 2024."),
         [F(value=2.151e8), F(value=1.04e7, country="Indonesia", partner="Philippines")], title="Indonesia ore quotas",
         published=datetime(2025, 2, 11, tzinfo=UTC)),
    # guard: a freight index named with a P is no peso, and a deposit's measured grade stays a fact
    Case("The P5TC average rose $1,105 to $14,260 per day.", [F(value=1105), F(value=14260)], title="Panamax",
         published=datetime(2024, 8, 20, tzinfo=UTC)),
    Case("The deposit holds 385 million tons of ore grading 0.54% copper.", [F(value=3.85e8), F(value=0.54)],
         title="Copper project", published=datetime(2024, 8, 20, tzinfo=UTC)),
]

# A month a level recovers `from` with its adjective (`recovering from a weak November when shipments slipped`) is a
# base: the report goes on in the month it reports.
WEAK_MONTHS = [
    Case(("Japan's exports of ferrous scrap rose 8.3% to 612,450 tonnes in December, recovering from a weak November "
          "when shipments slipped to 548,900 tonnes.", "Vietnam took 198,300 tonnes."),
         [F(value=612450, period="2024-12"), F(value=548900, period="2024-11"), F(value=198300, period="2024-12")],
         title="Japan's ferrous scrap exports rebound", published=datetime(2025, 1, 30, tzinfo=UTC)),
    # Japan's H2 scrap priced at a tender (`¥48,335/t FAS for H2`) is a grade, no second half
    Case("Kanto Tetsugen's April export tender settled at an average of ¥49,600/t FOB for H2, down from ¥51,000/t in "
         "March.", [F(value=49600, period="2025-04"), F(value=51000, period="2025-03")], title="Japan scrap tender",
         published=datetime(2025, 4, 20, tzinfo=UTC)),
    # the quarter a premium is offered for, or the metal priced is shipped in, is the coming one; one settled is past
    Case("Japanese buyers agreed to pay a premium of $98 per tonne for primary aluminium shipped in July-September.",
         [F(value=98, period="2025-Q3")], title="MJP premium", published=datetime(2025, 6, 10, tzinfo=UTC)),
    Case("Global producers have offered the second-quarter MJP premium at $228-260 per tonne, well above the $175/t "
         "settled for January-March.", [F(value=228, period="2025-Q2"), F(value=175, period="2025-Q1")],
         title="MJP premium talks", published=datetime(2025, 3, 10, tzinfo=UTC)),
    # a year-less month something is due to take effect in is the coming one
    Case("The Korea Trade Commission has recommended provisional duties of 27.91-38.02% on Chinese plate, which are "
         "expected to take effect in December.", [F(value=27.91, period="2024-12")], title="Korea plate duties",
         published=datetime(2024, 10, 20, tzinfo=UTC)),
    # a date of effect after another kind of figure is that figure's (the tariff's), not the tonnage's before it
    Case(("Taiwan's exports of iron and steel products fell 6.7% to 812,000 tonnes in February.",
          "Shipments to the United States rose 8.2% to 74,300 tonnes ahead of the 25% US tariff on steel imports due "
          "on March 12."),
         [F(value=812000, period="2025-02"), F(value=74300, period="2025-02"), F(value=25, period="2025-03")],
         title="Taiwan steel exports", published=datetime(2025, 3, 10, tzinfo=UTC)),
    # guard: prices listed before a date of effect share it
    Case("The company cut lump ore prices by Rs 500 per tonne to Rs 5,550 a tonne with effect from March 28.",
         [F(value=-500, period="2025-03"), F(value=5550, period="2025-03")], title="NMDC prices",
         published=datetime(2025, 3, 29, tzinfo=UTC)),
    # a paragraph on another metal that the lead's agency is said to report is the same release, in its month
    Case(("Japan's electrolytic copper production rose 4.2% to 128,640 tonnes in September, data from the Ministry of "
          "Economy, Trade and Industry (METI) showed.",
          "Zinc output fell 3.1% to 40,370 tonnes and lead production edged down 0.8% to 15,020 tonnes, METI said."),
         [F(value=128640, period="2024-09"), F(value=40370, period="2024-09"), F(value=15020, period="2024-09")],
         title="Japan's copper output rises", published=datetime(2024, 10, 31, tzinfo=UTC)),
    # in an undated post whose year the text does not give, a figure `this year` or `annual` carries no month on
    Case(("Tin output rose 4% in March.",
          "The state-owned miner expects to produce 21,500 t of refined tin this year."),
         [F(change_pct=4, period="--03"), F(value=21500, period=None)], title="Tin", published=None,
         created=datetime(2026, 12, 1, tzinfo=UTC)),
    Case(("Tin output rose 4% in March.", "Exports fell 2% to 5,000 tonnes, less than a year earlier."),
         [F(change_pct=4, period="--03"), F(value=5000, period="--03")], title="Tin", published=None,
         created=datetime(2026, 12, 1, tzinfo=UTC)),
    # a sentence setting out a total `By grade` names its parts: the next paragraph's figures are the whole's again
    Case(("Japan's exports of ferrous scrap rose 8.3% to 612,450 tonnes in December.",
          "By grade, shipments of H2 heavy melting scrap totalled 305,800 tonnes, while shredded scrap accounted for "
          "118,600 tonnes.", "The average unit value of the exports was ¥50,120 per tonne."),
         [F(value=612450, commodity="ferrous scrap"), F(value=305800), F(value=118600, commodity="shredded scrap"),
          F(value=50120, commodity="ferrous scrap")], title="Japan's ferrous scrap exports rebound",
         published=datetime(2025, 1, 30, tzinfo=UTC)),
    # a count of other things after `from` (`work plans from 27 companies`) is no base of the tonnage before it
    Case("The ministry raised the quota to 256.2 million wmt from 240 million wmt, after approving work plans from 27 "
         "companies.", [F(value=2.562e8), F(value=2.4e8)], title="ESDM raises nickel ore quota",
         published=datetime(2024, 7, 16, tzinfo=UTC)),
    # a percent `or` after an amount added is its change; one set off by commas before `of the total`, a share
    Case("The revision adds 16.2 million wmt, or 6.75%, to this year's supply.", [F(value=1.62e7, change_pct=6.75)],
         title="ESDM raises nickel ore quota", published=datetime(2024, 7, 16, tzinfo=UTC)),
    Case("Philippine ore made up 6.9 million wmt, or 90.8%, of the total.",
         [F(value=6.9e6), F(value=90.8, metric="market_share")], title="China's nickel ore imports",
         published=datetime(2024, 7, 16, tzinfo=UTC)),
    # guard: a country `from` which before a year does not make the year a base
    Case("China imported a record 1.21 million tonnes of MHP from Indonesia last year, up 64% from 2023.",
         [F(value=1.21e6, period="2024")], title="China's MHP imports", published=datetime(2025, 3, 21, tzinfo=UTC)),
]

ROWS = (PER_DAY + FISCAL + EARLY_LATE + MINES_AND_PAY + COMPARED + ASIDES + CIRCUMSTANCES + FORECAST_MADE
        + NAMED_FIGURES + PAST_RANGES + MINING_TOTALS + OWNERS + LATE_OUTLOOKS + PAIRS + FRACTIONS + NICKEL
        + WEAK_MONTHS)


@pytest.mark.parametrize("case", ROWS, ids=row_id)
def test_oos_61_65_case(case: Case) -> None:
    check(case)
