"""Phenomena of the held-out sets met at stop 43 (sets 28-43 read again; sets 44 and 45: regional desks and weekly
round-ups, each scored before any rule was written from it): one row per phenomenon the extractor got wrong, and
guard rows for what the fixes must leave alone."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from metalnomist.extract import extract_facts
from metalnomist.models import Block, Post
from tests.extract.cases import Case, F, check, row_id

# A change measured against a quarter makes its figure a quarter's, whatever longer period came before it.
QUARTER_BASES = [
    Case(("Pilbara Minerals produced 221,000 dmt of spodumene concentrate in the three months to June 30.",
          "Full-year production came to 755,000 dmt, up 4 per cent on FY24's 725,000 dmt.",
          "The average realised price fell 14 per cent from the previous quarter to US$650/dmt."),
         [F(value=221000, period="2025-Q2"), F(value=755000, change_pct=4, period="2024-07/2025-06"),
          F(value=725000, change_pct=None, period="2023-07/2024-06"), F(value=650, period="2025-Q2")],
         title="Pilbara Minerals beats FY25 guidance", published=datetime(2025, 7, 24, tzinfo=UTC)),
    # `from 64% two years earlier`: so many years before the period reported
    Case("India imported 58.1 million tonnes of coking coal in fiscal 2024-25; Australia remained the largest supplier "
         "with 31.4 million tonnes, but its share slipped to 54% from 64% two years earlier.",
         [F(value=58.1e6, period="FY2024"), F(value=31.4e6), F(value=54, period="FY2024"),
          F(value=64, period="FY2022")],
         title="India's coking coal imports", published=datetime(2025, 5, 20, tzinfo=UTC)),
    # `the December 2024 quarter`: a quarter named by its last month, its year between them
    Case(("Perth-based Mineral Resources shipped 2.6 million wet metric tonnes of iron ore from its Onslow project "
          "in the December 2024 quarter.", "The company realised US$86/dmt."),
         [F(value=2.6e6, period="2024-Q4"), F(value=86, period="2024-Q4")],
         title="Mineral Resources quarterly", published=datetime(2025, 1, 30, tzinfo=UTC)),
    # guard: a change against the previous year keeps the year
    Case(("The miner produced 221,000 dmt in the three months to June 30.",
          "Output for the year fell 3% from the previous year to 755,000 dmt."),
         [F(value=221000, period="2025-Q2"), F(value=755000, period="2025")],
         title="Lithium miner results", published=datetime(2025, 7, 24, tzinfo=UTC)),
]

# `the Luxembourg-based company said`: where a company the vocabulary gives no one home is based is its post's country;
# a country ending the name of where shipments are made (`Shipments at AM/NS India`) is where, not a trade partner.
BASED_IN = [
    Case(("Ebitda dropped 33% from a year earlier to $1.89 billion, the Luxembourg-based company said in a statement "
          "Thursday.",
          "Net income fell to $504 million.",
          "Shipments at AM/NS India, its joint venture with Nippon Steel, climbed 6.4% to 1.9 million tons."),
         [F(value=1.89e9, country="Luxembourg"), F(value=5.04e8, country="Luxembourg"),
          F(value=1.9e6, metric="shipments", country="India", partner=None)],
         title="ArcelorMittal Profit Drops 33% as Chinese Exports Weigh on Steel Prices",
         published=datetime(2024, 8, 1, tzinfo=UTC)),
    # a head office's city names its country (`the Phoenix-based company`) for a company with mines in several
    Case(("Southern Copper said its mined copper production rose 6.1% in the second quarter to 241,500 tons.",
          "Molybdenum production fell 9.8% to 7,090 tons, the Phoenix-based company said."),
         [F(value=241500, country="United States"), F(value=7090, country="United States")],
         title="Southern Copper Q2 copper output rises 6%, Tia Maria on track",
         published=datetime(2025, 7, 21, tzinfo=UTC)),
    # guards: a city a trader is based in names no post's company's home, and a company with a home keeps it
    Case("Net income fell to $504 million, a Perth-based trader said.", [F(country=None)],
         title="ArcelorMittal results", published=datetime(2024, 8, 1, tzinfo=UTC)),
    Case("Net income fell to $504 million, the Luxembourg-based company said.", [F(country="Japan")],
         title="Sumitomo Metal Mining results", published=datetime(2024, 8, 1, tzinfo=UTC)),
]

# Sites and regions a figure is placed by: a smelter, a plant or a mine is in its country, whoever owns it.
SITES = [
    Case("Freeport's $3.7 billion Manyar smelter is designed to process 1.7 million tonnes of concentrate a year.",
         [F(value=3.7e9, country="Indonesia"), F(value=1.7e6, country="Indonesia")], title="Freeport smelter"),
    Case("Amman's smelter in Sumbawa can treat 900,000 tonnes of concentrate annually.",
         [F(value=900000, country="Indonesia")], title="Freeport smelter"),
    Case("Lynas plans to separate up to 1,500 t/yr of heavy rare earth feedstock at Kuantan.",
         [F(value=1500, country="Malaysia")], title="Lynas Rare Earths"),
    Case("Production levels of important minerals in January 2025 were: coal 1,050 lakh tonnes, lignite 43 lakh "
         "tonnes, iron ore 289 lakh tonnes and limestone 426 lakh tonnes.",
         [F(commodity="coal"), F(commodity="lignite"), F(commodity="iron ore"), F(commodity="limestone")],
         title="Mineral production in January"),
    Case("CBMM operates ferroniobium capacity of 150,000 t/yr at Araxá in Minas Gerais.", [F(country="Brazil")],
         title="Niobium supply"),
    Case("Southern Copper has started building the $1.8 billion Tia Maria project.",
         [F(value=1.8e9, country="Peru")], title="Southern Copper"),
]

# The parts of a total (`Of the total, LFP batteries accounted for …`, `with LFP's share rising to 74.6 percent`) open
# no new report and carry on to nothing: the figures after them are the whole market's again. A name glossed with an
# abbreviation goes on after it (`lithium iron phosphate (LFP) batteries`).
PARTS = [
    Case(("China's power battery installations reached 79.3 GWh in December, up 39.1 percent year-on-year.",
          "Of the total, lithium iron phosphate (LFP) batteries accounted for 63.5 GWh, while ternary batteries "
          "accounted for 15.7 GWh.",
          "For the full year of 2024, installations totalled 548.4 GWh, with LFP's share rising to 74.6 percent.",
          "CATL installed 33.4 GWh in December, giving it a 42.1 percent share."),
         [F(value=79.3, commodity="batteries"), F(value=63.5, commodity="lithium iron phosphate batteries"),
          F(value=15.7, commodity="ternary batteries"), F(value=548.4, commodity="batteries"),
          F(value=74.6, commodity="lithium iron phosphate"), F(value=33.4, commodity="batteries"),
          F(value=42.1, commodity="batteries")],
         title="China EV battery installations in December", published=datetime(2025, 1, 10, tzinfo=UTC)),
    # guard: a share a commodity holds is still its own (`LFP batteries accounted for 80.1 percent`)
    Case(("China's power battery installations reached 79.3 GWh in December.",
          "Lithium iron phosphate batteries accounted for 80.1 percent of installations."),
         [F(value=79.3, commodity="batteries"), F(value=80.1, commodity="lithium iron phosphate batteries")],
         title="China battery market", published=datetime(2025, 1, 10, tzinfo=UTC)),
]

# An undated round-up whose only stated years are outlooks, one a calendar year's and one a fiscal year's starting in
# it, reports on the earliest (it used to stop extraction with a TypeError, and with it the whole file's ingest).
ROUND_UPS = [
    Case(("Glencore cut its 2024 copper production guidance to 940,000-970,000 tonnes from 950,000-1,010,000 "
          "tonnes, after own-sourced output of 699,500 tonnes in January-September.",
          "BHP's Western Australia Iron Ore produced 63.5 million tonnes in the September quarter, and the miner kept "
          "its guidance of 282 million-294 million tonnes for the year to June 2025.",
          "Alcoa's third-quarter aluminium shipments rose 4% from the previous quarter to 637,000 tonnes."),
         [F(value=940000, period="2024"), F(value=950000), F(value=699500, period="2024-01/2024-09"),
          F(value=63.5e6, period="2024-Q3"), F(value=282e6, period="2024-07/2025-06"),
          F(value=637000, period="2024-Q3")],
         title="This week in metals: Glencore trims copper guidance", published=None),
]

# A list item repeats the body's figure however the unit is written: `$31,870/t` is `$31,870 a tonne`.
HIGHLIGHTS = [
    Case(("- LME tin: $31,870/t", "- LME zinc stocks: 246,150 t",
          "LME tin climbed 1.4% to $31,870 a tonne.", "Zinc stocks in LME-registered warehouses fell 4% to 246,150 "
          "tonnes."),
         [F(value=31870, change_pct=1.4), F(value=246150, change_pct=-4)], title="This week in metals"),
    # guard: an item the body does not repeat is a fact
    Case(("- LME tin: $31,870/t", "LME tin climbed 1.4% to $31,900 a tonne."),
         [F(value=31870), F(value=31900)], title="This week in metals"),
]

# What a tonnage traded is worth is the same flow in money (`shipments totalled 7,900 tonnes worth US$ 61.5 million`),
# and so are the levels it is compared with.
WORTH = [
    Case(("Exports of copper cathodes and concentrates reached 1.59 million tonnes in January-June, worth $13.4 "
          "billion.",
          "In July alone, shipments totalled 7,900 tonnes worth US$ 61.5 million, compared with 5,700 tonnes and "
          "US$ 128 million in July 2023."),
         [F(value=1.59e6, metric="exports"), F(value=1.34e10, metric="exports"), F(value=7900, metric="exports"),
          F(value=6.15e7, metric="exports"), F(value=5700, metric="exports"), F(value=1.28e8, metric="exports")],
         title="Congo copper exports", published=datetime(2024, 8, 20, tzinfo=UTC)),
    # guard: a market worth a sum is no flow
    Case(("Canada exported 5.6 million tonnes of steel in 2024.",
          "Ottawa will give preference to Canadian steel in federal procurement, a market worth about C$10 billion a "
          "year."),
         [F(value=5.6e6, metric="exports"), F(value=1e10, metric="other")], title="Canada steel"),
]

# Bare `pesos` are the post's country's when it writes pesos, else Mexico's; a price in New Taiwan dollars is Taiwan's.
PESOS = [
    Case("Walsin Lihwa raised its April rod price by NT$9,000/t to NT$318,000/t.",
         [F(value=9000, country="Taiwan"), F(value=318000, country="Taiwan")], title="Copper rod prices"),
    Case("Catamarca province collected 14,300 million pesos (US$ 15.4 million) in lithium royalties in the first half.",
         [F(value=1.43e10, unit="ARS", country="Argentina")], title="Argentina's lithium exports"),
    # guards: Mexico's pesos, and pesos in a post on no peso country
    Case("The value of mining output in 2023 amounted to 390,900 million pesos (US$ 22,000 million).",
         [F(value=3.909e11, unit="MXN", country="Mexico")], title="Mexico's mining output"),
    Case("Grupo Mexico earned 12,000 million pesos in the quarter.", [F(unit="MXN")], title="Copper miners' results"),
]

# National statistics as ministries write them: `thousand fine kilograms` of silver, a change written after its level
# (`, 3.4% more`), and a change carried to another metal by `that of` (`gold output dropped 11.2% and that of copper
# 5.6%`).
STATISTICS = [
    Case("Gold production amounted to 1.29 million fine ounces in the first five months (+1.5%), while silver reached "
         "1,352 thousand fine kilograms, 3.4% more.",
         [F(value=40.1235, change_pct=1.5, commodity="gold"), F(value=1352, unit="t", change_pct=3.4,
                                                                commodity="silver")],
         title="Peru's mining output"),
    Case("By product, the volume of gold output dropped 11.2% and that of copper 5.6%, while silver rose 2.9%.",
         [F(value=None, change_pct=-11.2, commodity="gold"), F(value=None, change_pct=-5.6, commodity="copper"),
          F(value=None, change_pct=2.9, commodity="silver")], title="Mexico's mining output"),
    # an undated post's year is not after a year a proposal is for (`the Finance Ministry's proposal for 2025`)
    Case(("Mexico's mining-metallurgical production fell 3.7% in real annual terms in August 2024.",
          "In the first eight months of the year, silver production reached 4,103 tonnes.",
          "Mining investment fell 18% to US$ 4,135 million in 2023, and the chamber expects about US$ 4,400 million "
          "this year.",
          "The chamber also criticised the Finance Ministry's proposal for 2025 to raise the special mining duty to "
          "8.5%."),
         [F(change_pct=-3.7, period="2024-08"), F(value=4103, period="2024-01/2024-08"),
          F(value=4.135e9, period="2023"), F(value=4.4e9, period="2024"), F(value=8.5)],
         title="Mexican mining output falls again", published=None),
    # `Over the seven months`: the span of so many months reported before; and a value compared with beside its
    # tonnage (`compared with 5,700 tonnes and US$ 128 million in July 2023`) is a comparison too, carried to nothing
    Case(("Argentina exported 44,300 tonnes of lithium carbonate equivalent (LCE) in the first seven months of the "
          "year, 38% more than in the same period of 2023.",
          "In July alone, shipments totalled 7,900 tonnes worth US$ 61.5 million, compared with 5,700 tonnes and US$ "
          "128 million in July 2023. Over the seven months, China was the main destination, taking 42% of the "
          "volume."),
         [F(value=44300, period="2024-01/2024-07"), F(value=7900, period="2024-07"), F(value=6.15e7),
          F(value=5700, period="2023-07"), F(value=1.28e8, period="2023-07"),
          F(value=42, partner="China", period="2024-01/2024-07")],
         title="Argentina's lithium exports climb in volume", published=datetime(2024, 8, 20, tzinfo=UTC)),
    Case("In July alone, shipments totalled 7,900 tonnes worth US$ 61.5 million, compared with 5,700 tonnes and US$ "
         "128 million in July 2023. Shipments to Japan were 1,200 tonnes.",
         [F(value=7900), F(value=6.15e7), F(value=5700), F(value=1.28e8), F(value=1200, period="2024-07")],
         title="Argentina's lithium exports climb in volume", published=datetime(2024, 8, 20, tzinfo=UTC)),
    # growth rates however far their verb (`The cumulative growth for the period … stands at 3.9%`), and those a growth
    # sentence lists in brackets (`include copper concentrate (27.8%), gold (22.9%)`), are changes, not shares
    Case(("The cumulative growth for the period April-January 2024-25 over the corresponding period of the previous "
          "year stands at 3.9%.",
          "Important minerals showing positive growth in January 2025 over January 2024 include copper concentrate "
          "(27.8%), gold (22.9%) and coal (4.6%)."),
         [F(value=None, change_pct=3.9),
          F(value=None, change_pct=27.8, commodity="copper concentrate", period="2025-01"),
          F(value=None, change_pct=22.9, commodity="gold"), F(value=None, change_pct=4.6, commodity="coal")],
         title="Mineral production grows 4.4% in January 2025", published=datetime(2025, 3, 20, tzinfo=UTC)),
    # guard: a year `over` another is compared with it (`in 2024 over 2023`)
    Case("Output rose 5% in 2024 over 2023.", [F(value=None, change_pct=5, period="2024")], title="Zinc output",
         published=datetime(2025, 3, 20, tzinfo=UTC)),
    # a levy named for growth is no growth rate (`raised the growth and sustainability levy … to 3%`)
    Case("The government has raised the growth and sustainability levy on gold miners to 3% from 1%.",
         [F(value=3, change_pct=None), F(value=1)], title="Ghana gold"),
    # guards: a share after `that of`, and a percent that is no change at the end of its clause
    Case("Copper output rose 4% and that of the whole industry 12% of GDP.",
         [F(change_pct=4), F(value=12, metric="market_share")], title="Chile's economy"),
    Case("The mine's recovery rate was 88%.", [F(value=88, change_pct=None)], title="Peru's mining output"),
]

# `half of` is a share after a verb of holding, using, making or taking a flow (`China, which makes more than half of
# the world's steel`, `take about half of its exports`), as after `accounts for`.
HALVES = [
    Case("China, which makes more than half of the world's steel, produced 81.9 million tons in January.",
         [F(value=50, metric="market_share", partner="China"), F(value=81.9e6, metric="production")],
         title="World steel output"),
    Case("In a normal year China and India together take about half of its exports.",
         [F(value=50, metric="market_share")], title="Swiss gold exports"),
    # `, or 66% of the world total` is a share, not the change of the level before it; the level it is compared with
    # after it keeps the level's series and place
    Case("Indonesia's output is expected to climb to 2.45 million tons, or 66% of the world total, from 2.2 million "
         "tons last year.",
         [F(value=2.45e6, change_pct=None, metric="production"), F(value=66, metric="market_share"),
          F(value=2.2e6, metric="production", country="Indonesia")], title="Nickel market"),
    # guard: a change written `, or 4.8%` after a difference stays a change
    Case("Output fell by 861,000 tonnes, or 4.8%, to 17.1 million tonnes.",
         [F(value=-861000), F(value=17.1e6, change_pct=-4.8)], title="Steel output"),
    # a goal for a battery maker's production capacity is a yearly rate, as the capacity is
    Case("LG Energy Solution now targets global production capacity of 345 GWh by 2026, down from an earlier goal of "
         "540 GWh.", [F(value=345, unit="GWh/yr", metric="target"), F(value=540, unit="GWh/yr")],
         title="Korean battery makers"),
    # guard: half of an investment is covered, not held
    Case("The grant covers nearly half of the investment of $1.2 billion.", [F(value=1.2e9)], title="Battery plant"),
]

# In an exporter's statistics, what a buyer takes or purchases is the exporter's exports to it, however the buyer is
# described or joined to the sentence (`Japan, historically the largest buyer, received`, `and Germany took`).
BUYERS = [
    Case(("Japan's ferrous scrap exports fell 8.4% year-on-year in January to 512,300 tonnes.",
          "South Korea took 168,400 tonnes, up 12.1% from a year earlier, overtaking Vietnam, whose purchases slumped "
          "31% to 141,700 tonnes.",
          "Shipments of H2, the benchmark heavy melting grade, totalled 341,000 tonnes."),
         [F(value=512300, metric="exports", country="Japan"),
          F(value=168400, metric="exports", country="Japan", partner="South Korea"),
          F(value=141700, metric="exports", country="Japan", partner="Vietnam"),
          F(value=341000, metric="exports", country="Japan")],
         title="Japan's Ferrous Scrap Exports Slip in January", published=datetime(2025, 2, 20, tzinfo=UTC)),
    Case(("China's gallium exports fell to 24 tonnes in 2024.",
          "Japan, historically the largest buyer, received 6.7 tonnes, while South Korea's purchases jumped to 7.9 "
          "tonnes and Germany took 3.3 tonnes."),
         [F(value=24), F(value=6.7, metric="exports", country="China", partner="Japan"),
          F(value=7.9, metric="exports", country="China", partner="South Korea"),
          F(value=3.3, metric="exports", country="China", partner="Germany")],
         title="China's gallium exports", published=datetime(2025, 1, 20, tzinfo=UTC)),
    # in a post on no one country, takers listed after a country's exports are its buyers
    Case(("Chinese exports are driving the decline. China shipped 64,700 tonnes of silicon metal in April. In April, "
          "Japan, South Korea and the Netherlands were the largest buyers, taking 11,200 tonnes, 9,800 tonnes and "
          "7,600 tonnes, respectively.",),
         [F(value=64700, country="China"),
          F(value=11200, metric="exports", country="China", partner="Japan"),
          F(value=9800, metric="exports", country="China", partner="South Korea"),
          F(value=7600, metric="exports", country="China", partner="Netherlands")],
         title="European silicon metal slides to €2,150/t as Chinese exports climb",
         published=datetime(2025, 5, 23, tzinfo=UTC)),
    # guard: in an importer's statistics, a supplier's shipments stay imports from it
    Case(("Japan's nickel ore imports rose 5% in 2024 to 3.1 million tonnes.",
          "The Philippines shipped 2.4 million tonnes, while New Caledonia's shipments fell to 0.7 million tonnes."),
         [F(value=3.1e6, metric="imports"), F(value=2.4e6, metric="imports", country="Japan", partner="Philippines"),
          F(value=0.7e6, metric="imports", country="Japan", partner="New Caledonia")],
         title="Japan's nickel ore imports", published=datetime(2025, 1, 30, tzinfo=UTC)),
]

# A miner's guidance in tonnes is of its output, whatever cost another clause names; its share price is per share,
# after a paragraph of metal prices too.
RESULTS = [
    Case(("First-half copper production totalled 172,060 tonnes.",
          "The company kept its full-year guidance of 318,000 to 345,000 tonnes of copper and 176,000 to 191,000 "
          "tonnes of zinc, and said it still expected copper cash costs of $1.90 to $2.10 per pound."),
         [F(value=172060, metric="production"), F(value=318000, metric="production"),
          F(value=176000, metric="production"), F(value=1.9, metric="other")],
         title="Lundin Mining results", published=datetime(2024, 7, 11, tzinfo=UTC)),
    # the loss a profit reverses is compared with: it keeps its stated amount, and its quarter dates nothing after it
    Case(("Century Aluminum reported net income of $29.7 million for the first quarter, reversing a loss of $2.5 "
          "million in the fourth quarter.",
          "Global shipments of primary aluminium were 171,400 tonnes, 3% below the previous quarter."),
         [F(value=2.97e7, period="2025-Q1"), F(value=2.5e6, period="2024-Q4"), F(value=171400, period="2025-Q1")],
         title="Century Aluminum swings to profit", published=datetime(2025, 5, 7, tzinfo=UTC)),
    # what producing costs per tonne is no price, written after a price in the sentence too
    Case(("- Greenbushes cost of goods sold of A$354/t, versus A$338/t in Q2",
          "Realised prices averaged US$785/t, and the mine remains on track for FY25 guidance at a cost of A$300/t.",
          "Total shipments reached 6.4Mt in the quarter, at an FOB cost of A$81 per wet tonne."),
         [F(value=354, metric="other"), F(value=338, metric="other"), F(value=785, metric="price"),
          F(value=300, metric="other"), F(value=6.4e6), F(value=81, metric="other")],
         title="IGO quarterly", published=datetime(2025, 4, 30, tzinfo=UTC)),
    # a guided tonnage beside the cost guided with it is output, and a sum in millions takes no `per` from the cost
    Case("The company kept its full-year guidance of 170,000 to 190,000 tonnes of copper at C1 cash costs of US$2.20 "
         "to US$2.50 per pound, and expects to spend US$280 million to US$320 million on capital projects.",
         [F(value=170000, metric="production"), F(value=2.2, unit="USD/lb", metric="other"),
          F(value=2.8e8, unit="USD", metric="investment")],
         title="Capstone Copper results", published=datetime(2024, 7, 31, tzinfo=UTC)),
    # two prices written whole, one to the other, are a range; a move from one to the other is not
    Case("Cash costs are now expected at $1.90/lb to $2.10/lb of payable copper, up from a previous range of $1.50/lb "
         "to $1.70/lb.", [F(value=1.9, value_max=2.1), F(value=1.5, value_max=1.7)], title="Copper miner guidance"),
    Case("Baosteel's average steel selling price fell by 420 yuan a tonne to 4,810 yuan/t.",
         [F(value=-420, value_max=None), F(value=4810, value_max=None)], title="Baosteel results"),
    # a miner's guidance in tonnes after the sales it reports is of its output
    Case(("Vale sold 80,000 tonnes of copper in the quarter.",
          "Vale kept its 2025 guidance at 340,000–370,000 tonnes of copper and 160,000–175,000 tonnes of nickel."),
         [F(value=80000, metric="sales"), F(value=340000, metric="production"), F(value=160000, metric="production")],
         title="Vale Base Metals quarterly", published=datetime(2025, 4, 30, tzinfo=UTC)),
    # EBITDA named beside revenue is earnings, not sales
    Case("Hudbay reported revenue of US$485.8 million and adjusted EBITDA of US$178.4 million in the third quarter.",
         [F(value=4.858e8, metric="sales"), F(value=1.784e8, metric="other")], title="Hudbay results",
         published=datetime(2024, 11, 12, tzinfo=UTC)),
    Case(("Copper sales in the quarter were 89,500 tonnes at an average realized price of $4.29 per pound.",
          "Lundin's shares rose 2.3% to C$15.12 in Toronto."),
         [F(value=89500), F(value=4.29, unit="USD/lb"), F(value=15.12, unit="CAD/unit", commodity="shares")],
         title="Lundin Mining results", published=datetime(2024, 7, 11, tzinfo=UTC)),
]

# A statistics agency the lead credits (`as per provisional figures released by the Indian Bureau of Mines`) makes the
# post its country's, whatever minerals the later paragraphs open on.
AGENCIES = [
    Case(("The index of mineral production of the mining and quarrying sector for January 2025 is 4.4% higher than "
          "the level in January 2024, as per provisional figures released by the Indian Bureau of Mines (IBM).",
          "Copper concentrate output rose 27.8% in January 2025.",
          "Coal production was 1,050 lakh tonnes and bauxite 21.6 lakh tonnes.",
          "In the non-ferrous metals sector, primary aluminium production in January 2025 stood at 3.61 lakh tonnes."),
         [F(change_pct=4.4, country="India"), F(change_pct=27.8, country="India"), F(value=1.05e8, country="India"),
          F(value=2.16e6, country="India"), F(value=361000, country="India")],
         title="Mineral production grows 4.4% in January 2025; primary aluminium output at 3.61 lakh tonnes",
         published=datetime(2025, 3, 20, tzinfo=UTC)),
]


ROWS = (AGENCIES + RESULTS + BUYERS + HALVES + QUARTER_BASES + BASED_IN + SITES + PARTS + ROUND_UPS + HIGHLIGHTS
        + WORTH + PESOS + STATISTICS)


@pytest.mark.parametrize("case", ROWS, ids=row_id)
def test_oos_44_45_case(case: Case) -> None:
    check(case)


def _round_up(title: str) -> Post:
    items = [("Copper", "Chile's copper production fell 3.2% to 478,600 tonnes in November."),
             ("Aluminium", "Japanese buyers agreed to pay a premium of $228 a tonne for primary aluminium shipped in "
                           "January-March."),
             ("Iron ore", "Rio Tinto shipped 86.6 million tonnes of Pilbara iron ore in the fourth quarter."),
             ("Nickel", "LME nickel eased 0.8% to $16,140 a tonne.")]
    blocks = tuple(block for heading, text in items for block in (Block("heading", heading), Block("paragraph", text)))
    return Post(title=title, blocks=blocks, published=datetime(2025, 1, 17, tzinfo=UTC))


@pytest.mark.parametrize("title", ["Weekly round-up: Japan's aluminium premium jumps 30%",
                                   "Morning brief: Japan's aluminium premium jumps 30%",
                                   "Base metals week: Japan's aluminium premium jumps 30%"])
def test_a_round_up_carries_nothing_from_item_to_item(title: str) -> None:
    """`Weekly round-up: Japan's …` over items on three metals or more: the headline's country is one item's, and no
    item's period or series carries into the next (Rio Tinto's shipments are Australia's, not Japan's imports; LME
    nickel is of the week reported, not of the quarter before it)."""
    facts = extract_facts(_round_up(title))
    assert [(f.value, f.metric, f.country, f.partner, f.period) for f in facts] == [
        (478600, "production", "Chile", None, "2024-11"), (228, "price", "Japan", None, "2025-Q1"),
        (86.6e6, "shipments", "Australia", None, "2024-Q4"), (16140, "price", None, None, "2025-01")]


def test_a_country_set_out_metal_by_metal_is_no_round_up() -> None:
    """`Japan's imports …` over `Copper`, `Aluminium`, …: one country's statistics, which the headline's country
    keeps (a sentence naming no country is Japan's)."""
    facts = extract_facts(_round_up("Japan's metal trade in December"))
    assert facts[-2].country == "Japan" and facts[-2].metric == "imports"
