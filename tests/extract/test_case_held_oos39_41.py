"""Held-out sets oos-39 to oos-43 (long-form market analyses; smaller markets, ferroalloys, scrap and precious metals;
steel and aluminium from many desks; battery metals; Asian trade statistics), each scored before any rule was written
from it: one row per phenomenon the extractor got wrong, and guard rows for what the fixes must leave alone."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.extract.cases import Case, F, check, row_id

# `respectively` pairs a list of countries with a list of figures in order, whether the countries report the figures
# or are the other side of them, and however far before the figures the list stands.
RESPECTIVELY = [
    Case("Chile and Peru, the two largest suppliers, exported 11.9 million and 9.1 million tonnes of concentrate in "
         "2024, respectively.",
         [F(value=11.9e6, country="Chile", partner=None), F(value=9.1e6, country="Peru", partner=None)],
         title="Copper concentrate trade"),
    Case("According to the US Geological Survey, China mined about 270,000 tonnes in 2024, or 69% of the world's "
         "390,000 tonnes, with the United States, Myanmar and Australia following at 45,000, 31,000 and 13,000 tonnes "
         "respectively.",
         [F(value=270000, country="China"), F(value=69, metric="market_share"), F(value=390000, country=None),
          F(value=45000, country="United States"), F(value=31000, country="Myanmar"),
          F(value=13000, country="Australia")],
         title="Rare earth supply chain"),
    # guards: the partners of one reporter, and a figure owned by a country named just before it
    Case("China's imports from Australia and Brazil were 5 million and 3 million tonnes, respectively.",
         [F(value=5e6, country="China", partner="Australia"), F(value=3e6, country="China", partner="Brazil")],
         title="Iron ore imports"),
    Case("Output in the world's largest producer, China, rose to 270,000 tonnes.",
         [F(value=270000, country="China")], title="Rare earth output"),
]

# A word of scope opening a sentence (`Global mined cobalt production rose`) is no company, and makes the figure the
# world's, not the country the headline is about.
SCOPES = [
    Case("Global mined cobalt production rose 22% to 290,000 tonnes in 2024, while demand increased 14% to 222,000 "
         "tonnes.",
         [F(value=290000, country=None, company=None), F(value=222000, country=None, company=None)],
         title="Cobalt Institute: Congo Supplied 76% of Mined Cobalt in 2024"),
    # guards: a company whose name opens with such a word, and a one-word company
    Case("Global Atomic produced 120,000 pounds of uranium in 2024.", [F(company="Global Atomic")],
         title="Uranium output"),
    Case("Nordgold mined 1.1 million ounces of gold in 2024.", [F(company="Nordgold")], title="Gold output"),
]

# Metrics of what a market or a state does with money and metal: mined supply is output, what building a project
# costs is an investment, a royalty is no share, a rebate a state pays back is a subsidy (and `scrap` before it the
# verb), a mill's margin per tonne is no price.
MONEY_AND_METAL = [
    Case("Global mined supply rose to about 1.2 million tonnes of lithium carbonate equivalent (LCE) in 2024 from "
         "540,000 tonnes in 2021.", [F(value=1.2e6, metric="production"), F(value=540000, metric="production")],
         title="Lithium market"),
    Case("Total development costs are put at $23 billion, of which Rio Tinto's share is $6.2 billion.",
         [F(value=2.3e10, metric="investment"), F(value=6.2e9, metric="investment")], title="Simandou iron ore"),
    Case("From April, royalties on nickel ore will rise to a tiered 14%-19% from a flat 10%.",
         [F(value=14, metric="other"), F(value=10, metric="other")], title="Indonesia nickel"),
    Case("Beijing will scrap the 13% export tax rebate on most aluminium products from December.",
         [F(value=13, metric="subsidy", commodity="aluminium products")], title="China aluminium exports"),
    Case("Shanghai rebar spot prices rose 40 yuan to 3,260 yuan/t, but the gross margin of long-process mills narrowed "
         "to about 35 yuan/t as coke costs climbed.",
         [F(value=40, metric="price"), F(value=3260, metric="price"), F(value=35, metric="other")],
         title="China steel market"),
    # guards: payable metal is output, an export tax is a tariff, scrap the goods stays scrap
    Case("Payable nickel production rose to 30,300 tonnes.", [F(value=30300, metric="production")],
         title="Cerro Matoso output"),
    Case("Indonesia imposed a 25% export tax on nickel pig iron.", [F(value=25, metric="tariff")],
         title="Indonesia nickel"),
    Case("Mills switched to scrap as iron ore rose; scrap imports rose 5% to 1.2 million tonnes.",
         [F(value=1.2e6, metric="imports", commodity="scrap")], title="Turkey steel"),
]

# A headline whose subject supplies another country (`Guinea Supplies Three-Quarters of China's Bauxite`) is about the
# buyer's imports: its figures are the buyer's, the supplier a partner.
SUPPLIED = [
    Case("June arrivals alone were 16.3 million tonnes, up 11.4% on May. Australia shipped 17.2 million tonnes, "
         "down 6%.",
         [F(value=16.3e6, country="China", metric="imports"),
          F(value=17.2e6, country="China", partner="Australia", metric="imports")],
         title="Guinea Supplies Three-Quarters of China's Bauxite as H1 Imports Reach 88 Million Tonnes"),
    # guard: a supplier's own headline stays the supplier's
    Case("June shipments alone were 16.3 million tonnes, up 11.4% on May.",
         [F(value=16.3e6, country="Guinea", metric="exports")],
         title="Guinea Supplies Record Bauxite as Exports Reach 140 Million Tonnes"),
]

# A project named in the cause after a figure (`helped by the Zafranal project`) does not unplace it; `the Perth-based
# miner` is the company the post is about, as `the miner` is, and its figures from mines abroad are its home's.
WHOSE = [
    Case("Minem expects national copper output of 2.8mn-2.9mn t this year, up from 2.74mn t last year, helped by the "
         "Zafranal project and higher throughput at Toromocho.",
         [F(value=2.8e6, country="Peru"), F(value=2.74e6, country="Peru")],
         title="Peru's copper output rises 4.2% in March as Las Bambas rebounds"),
    Case("Sandfire Resources said quarterly copper output rose 8%. The Perth-based miner still expects to produce "
         "146,000-163,000 tonnes of copper equivalent in FY25 from its MATSA operations in Spain and the Motheo mine "
         "in Botswana.",
         [F(value=None, change_pct=8), F(value=146000, country="Australia", company="Sandfire Resources")],
         title="Sandfire lifts copper output"),
    # guard: a project the figure is of, which the text does not place, is no country's
    Case("Output at the Zafranal project is expected to reach 20,000 t.", [F(value=20000, country=None)],
         title="Peru's copper output rises 4.2% in March as Las Bambas rebounds"),
]

# A company's cash, and its money described beside what the company is (`Korea Zinc Inc, the world's largest zinc
# smelter, reported … operating profit`), are of no metal: the metal of the description is the company's, not the sum's.
COMPANY_MONEY = [
    Case("Zinc output rose 3% to 150,000 tonnes. Pilbara ended June with cash of A$1.0 billion.",
         [F(value=150000, commodity="zinc"), F(value=1e9, unit="AUD", commodity=None)], title="Miners' results"),
    Case("Korea Zinc Inc, the world's largest zinc smelter, reported on Wednesday a 60% jump in third-quarter "
         "operating profit to 443 billion won.", [F(value=4.43e11, commodity=None, company="Korea Zinc")],
         title="Korea Zinc profit jumps"),
    # guards: a figure of the described company's own metal keeps it; cash costs are a metal's
    Case("Korea Zinc Inc, the world's largest zinc smelter, produced 500,000 tonnes of zinc in 2024.",
         [F(value=500000, commodity="zinc")], title="Korea Zinc output"),
    Case("C1 cash costs of copper rose to $1.85 a pound.", [F(value=1.85, commodity="copper")],
         title="Copper miners' costs"),
]

# An undated post's year: a year-less quarter compared with the same quarter of a stated year (`up 41% from 13.1
# million tons in Q1 2024`) is the next year's, and a rate a figure `points to` for a year is an outlook, not a year
# the post reports as done.
UNDATED_YEARS = [
    Case(("Guinea's exports of bauxite surged 39% to a record 48.6 million metric tons in the first quarter, official "
          "data showed.",
          "In the first five months of the year, China produced 18.59 million tons, a rise of 4.0% from the same "
          "period last year.",
          "Current weekly exports of 3.7 million tons point to an annualized rate of 199 million tons in 2025, up from "
          "146 million tons last year.",
          "SMB led at 18.4 million tons, up 41% from 13.1 million tons in Q1 2024.",
          "China imported 158.7 million tons of bauxite in 2024."),
         [F(value=48.6e6, period="2025-Q1"), F(value=18.59e6, period="2025-01/2025-05"), F(value=3.7e6),
          F(value=199e6, period="2025"), F(value=146e6, period="2024"), F(value=18.4e6),
          F(value=13.1e6, period="2024-Q1"), F(value=158.7e6, period="2024")],
         title="Guinea Exports Record 48.6 Million Tons", published=None),
    # guard: a post that reports a whole year done and compares nothing is written in that year's successor only
    # when it speaks of `this year`
    Case(("China imported 158.7 million tons of bauxite in 2024.",
          "In the first five months, China produced 18.59 million tons."),
         [F(value=158.7e6, period="2024"), F(value=18.59e6, period="2024-01/2024-05")],
         title="China bauxite", published=None),
]

# A `per tonne` in the subject prices a company's figure however many words stand before its verb, and what a company
# earns per tonne is of no metal; a sum in billions compared with is a sum, whatever price per share stands before it.
EARNED = [
    Case("EBITDA per tonne for the India business fell to Rs 13,156 from Rs 15,600 in the September quarter, while "
         "deliveries rose 6% to 5.29 million tonnes.",
         [F(value=13156, unit="INR/t", metric="other", commodity=None),
          F(value=15600, unit="INR/t", metric="other", commodity=None), F(value=5.29e6, unit="t")],
         title="Tata Steel results"),
    Case("Nucor's net earnings fell to $249.9 million, or $1.05 per share, in the three months ended Sept. 28, from "
         "$1.14 billion, or $4.57 per share, a year earlier.",
         [F(value=2.499e8, unit="USD"), F(value=1.05, unit="USD/unit"), F(value=1.14e9, unit="USD"),
          F(value=4.57, unit="USD/unit")], title="Nucor results"),
    # guard: a cost per pound of a metal keeps its metal
    Case("The cost per pound of copper, net of by-product credits, was 49 cents, compared with 86 cents.",
         [F(value=0.49, unit="USD/lb", commodity="copper"), F(value=0.86, unit="USD/lb", commodity="copper")],
         title="Copper miner results"),
]

# A percent a product's name ends on before its price (`ferrosilicon 75% held at €1,480/t`, `vanadium pentoxide flake
# 98% was steady`) is its grade, no share.
GRADES = [
    Case("In contrast, ferrosilicon 75% held at €1,480-1,560/t on the same basis.",
         [F(value=1480, value_max=1560, unit="EUR/t", metric="price")], title="Ferroalloys"),
    Case("In China, vanadium pentoxide flake 98% was steady at 76,000 yuan/t.",
         [F(value=76000, unit="CNY/t", commodity="vanadium pentoxide")], title="Minor metals"),
    # guard: a share listed after a product's name is still a share
    Case("Ferrochrome accounted for 40% of demand, and ferrosilicon 25%.",
         [F(value=40, metric="market_share"), F(value=25, metric="market_share", commodity="ferrosilicon")],
         title="Ferroalloys"),
]

# Whose trade figures these are: suppliers listed `respectively` in an importer's report are its partners, and a
# sentence opening on a country's imports or exports makes the paragraph that country's statistics.
TRADERS = [
    Case("India and Zimbabwe supplied 31,500 tonnes and 18,300 tonnes, respectively.",
         [F(value=31500, country="China", partner="India"), F(value=18300, country="China", partner="Zimbabwe")],
         title="China's Ferrochrome Imports Climb in March as South African Supply Recovers"),
    Case(("Malaysia's imports of aluminium scrap rose 18.6% to 512,000 tonnes in the first quarter.",
          "China's imports of copper scrap climbed 11.2% to 198,600 tonnes in March. Japan was the top supplier at "
          "33,400 tonnes, ahead of the United States (24,100 tonnes)."),
         [F(value=512000, country="Malaysia"), F(value=198600, country="China"),
          F(value=33400, country="China", partner="Japan"), F(value=24100, country="China", partner="United States")],
         title="Malaysia's Aluminium Scrap Imports Surge as Chinese Remelters Move Offshore"),
    # takers listed `respectively` after another taker, in an exporter's report, are its partners
    Case(("Japan's ferrous scrap exports fell 8.4% year-on-year in January to 512,300 tonnes.",
          "South Korea took 168,400 tonnes. Taiwan, Bangladesh and China followed with 87,200 tonnes, 54,600 tonnes "
          "and 22,900 tonnes, respectively."),
         [F(value=512300, country="Japan"), F(value=168400, country="Japan", partner="South Korea"),
          F(value=87200, country="Japan", partner="Taiwan", metric="exports"),
          F(value=54600, country="Japan", partner="Bangladesh"), F(value=22900, country="Japan", partner="China")],
         title="Japan's Ferrous Scrap Exports Slip in January as Vietnam Demand Cools"),
    # destinations listed `respectively` are the reporter's partners
    Case(("Japan's steel exports fell 5% to 2.6 million tonnes in March.",
          "Shipments to China slumped by 18%, while those to Thailand and Vietnam fell 7.2% and 11.5%, respectively."),
         [F(value=2.6e6, country="Japan"), F(change_pct=-18, country="Japan", partner="China"),
          F(change_pct=-7.2, country="Japan", partner="Thailand"),
          F(change_pct=-11.5, country="Japan", partner="Vietnam", metric="exports")],
         title="Japan's steel exports fall", published=datetime(2025, 4, 28, tzinfo=UTC)),
    # takers listed `respectively` by their own verb (`Vietnam and South Korea took …`) are the exporter's partners
    Case(("Japan's copper scrap exports rose 5% to 30,000 tonnes in March.",
          "Shipments to Thailand more than doubled to 7,480 tonnes, while Vietnam and South Korea took 6,150 tonnes "
          "and 4,020 tonnes, respectively."),
         [F(value=30000), F(value=7480, partner="Thailand"),
          F(value=6150, country="Japan", partner="Vietnam", metric="exports"),
          F(value=4020, country="Japan", partner="South Korea", metric="exports")],
         title="Japan's copper scrap exports", published=datetime(2025, 4, 28, tzinfo=UTC)),
    # guards: a supplier's possessive shipments, and a ministry's expected exports, make no paragraph theirs
    Case("China imported 88.1 million tonnes of bauxite. Guinea's mines ministry expects exports to exceed 140 million "
         "tonnes. June arrivals alone were 16.3 million tonnes.",
         [F(value=88.1e6, country="China"), F(value=140e6, country="Guinea"), F(value=16.3e6, country="China")],
         title="China's bauxite imports"),
]

# The day a company `said in a statement Thursday` is when it told its figures, not their period (its second quarter,
# framed the sentence before, is); EBITDA written out in full is a company's sum, its commas notwithstanding.
STATEMENTS = [
    Case(("ArcelorMittal SA's second-quarter earnings fell as a surge in Chinese exports weighed on steel prices.",
          "Earnings before interest, taxes, depreciation and amortization dropped 33% from a year earlier to $1.89 "
          "billion, the Luxembourg-based company said in a statement Thursday."),
         [F(value=1.89e9, metric="other", period="2024-Q2", change_pct=-33)],
         title="ArcelorMittal Profit Drops 33% as Chinese Exports Weigh on Steel Prices",
         published=datetime(2024, 8, 1, tzinfo=UTC)),
    # guard: a day named on its own is still the figure's
    Case("Copper stocks in LME warehouses rose to 120,000 tonnes on Thursday.",
         [F(value=120000, period="2024-08")], title="LME stocks", published=datetime(2024, 8, 2, tzinfo=UTC)),
]

# A sum written beside a price quoted per 10 grams is read per gram as the price is.
TEN_GRAMS = [
    Case("Local gold futures were trading around 84,500 rupees per 10 grams on Friday, up about 7.6% so far this year, "
         "after hitting a record 85,000 rupees earlier in the week.",
         [F(value=8450, unit="INR/g", change_pct=7.6), F(value=8500, unit="INR/g")], title="India gold",
         published=datetime(2025, 2, 7, tzinfo=UTC)),
]

# The total so far of the month reported on (`First-quarter imports totalled 812,400 t` after March's) is an aside:
# the month's report goes on after it. And in an undated post a month singled out of a year-less range (`In August
# alone`) is not carried to the next sections, as in a dated one.
TOTALS_SO_FAR = [
    Case(("China imported 298,600 tonnes of ferrochrome in March, up 21.4% from February. First-quarter imports "
          "totalled 812,400 tonnes, down 3.1% year-on-year.",
          "South Africa remained the dominant supplier with 141,200 tonnes, or 47.3% of the total."),
         [F(value=298600, period="--03"), F(value=812400, period="--01/--03"), F(value=141200, period="--03"),
          F(value=47.3, period="--03")],
         title="China's Ferrochrome Imports Climb in March as South African Supply Recovers", published=None),
    Case(("In the January-August period Turkey's finished steel exports increased by 9.4 percent to 8.92 million mt.",
          "In August alone, Turkey's finished steel exports declined by 12.6 percent to 1.02 million mt.",
          "Rebar exports in the given period totaled 2.12 million mt."),
         [F(value=8.92e6, period="--01/--08"), F(value=1.02e6, period="--08"), F(value=2.12e6, period="--01/--08")],
         title="Turkey's finished steel exports up 9.4 percent in January-August", published=None),
    # guard: a dated month report goes on after the year-to-date total too
    Case(("China's imports of copper scrap climbed 11.2% to 198,600 tonnes in March, taking first-quarter arrivals to "
          "539,000 tonnes.", "Japan was the top supplier at 33,400 tonnes."),
         [F(value=198600, period="2025-03"), F(value=539000, period="2025-Q1"), F(value=33400, period="2025-03")],
         title="China copper scrap imports", published=datetime(2025, 4, 20, tzinfo=UTC)),
]

# A country opening the next coordinated figure (`… and Brazil's fell 2.9% to 2.7 Mt`) is that figure's, not the one
# before it whose own country stands before it; a company's money is of no metal named only in another part of its
# sentence (`crude steel output rose 4%, but net profit fell 70%`).
NEXT_SUBJECT = [
    Case("Turkey's production jumped 8.1% to 3.1 million tons and Brazil's fell 2.9% to 2.7 million tons.",
         [F(value=3.1e6, country="Turkey"), F(value=2.7e6, country="Brazil")], title="World steel output"),
    Case("Rival JSW Steel said standalone crude steel output rose 4% year-on-year to 6.82 million tonnes in the "
         "quarter, but net profit fell 70% to Rs 719 crore.",
         [F(value=6.82e6, commodity="crude steel"), F(value=7.19e9, commodity=None)], title="Tata Steel results"),
    # guard: a country named after the figure, before a figure of another kind, is still the figure's
    Case("Sibanye-Stillwater reported production of 833,000 ounces from its South African operations and 144,000 "
         "ounces from its US mines in Montana, up 2.1%.",
         [F(value=833000 * 31.1034768e-6, country="South Africa"), F(value=144000 * 31.1034768e-6,
                                                                     country="United States")],
         title="PGM miners' results"),
]

# Series: a company named `Holdings` holds no stocks; a figure inside an `as` aside is of the series its own clause
# names (`…, as steel shipments fell to 3.8 Mt`); what a company earns per tonne is no price; a company's capital
# expenditure budget is its investment.
SERIES = [
    Case("Rival JFE Holdings said its crude steel output would fall to 22.8 million tons in the current fiscal year "
         "from 23.4 million tons.", [F(value=22.8e6, metric="production"), F(value=23.4e6, metric="production")],
         title="Nippon Steel sees profit falling 13% as JFE trims output plan"),
    Case("Cleveland-Cliffs reported a net loss of $230 million for the quarter, compared with a profit of $269 million "
         "a year earlier, as steel shipments fell to 3.8 million tons from 4.1 million tons.",
         [F(value=2.3e8, metric="other"), F(value=2.69e8, metric="other"), F(value=3.8e6, metric="shipments"),
          F(value=4.1e6, metric="shipments")], title="Nucor's third-quarter profit slumps"),
    Case("JFE's steel unit earned 12,400 yen per ton in fiscal 2024, compared with 17,100 yen a year earlier.",
         [F(value=12400, unit="JPY/t", metric="other"), F(value=17100, unit="JPY/t", metric="other")],
         title="Japan steelmakers' results"),
    Case("The Ohio-based company cut its 2024 capital expenditure budget to $675 million-$700 million from $700 "
         "million-$725 million.", [F(value=6.75e8, metric="investment"), F(value=7e8, metric="investment")],
         title="US steelmakers' results"),
    # guards: a price after earnings stays a price; a reason after the figure names no series of it
    Case("Nucor earned less as steel prices fell to $900 a ton.", [F(value=900, unit="USD/t", metric="price")],
         title="US steel"),
    Case("Imports were 27% lower than a year earlier as cathode makers drew down inventories built in 2023.",
         [F(change_pct=-27, metric="imports")], title="Japan's cobalt imports"),
]

# Periods: `the April-June quarter of 2025` is that year's second quarter; a level `a year earlier` right after it (or
# after an `, or … per share,` aside) is the year before the period reported.
YEAR_BACK = [
    Case("METI projects crude steel output in the April-June quarter of 2025 at 20.5 million tonnes.",
         [F(value=20.5e6, period="2025-Q2")], title="Japan steel output forecast",
         published=datetime(2025, 3, 31, tzinfo=UTC)),
    Case("Nucor's net earnings fell to $249.9 million, or $1.05 per share, in the three months ended Sept. 28, from "
         "$1.14 billion, or $4.57 per share, a year earlier.",
         [F(value=2.499e8, period="2024-Q3"), F(value=1.05), F(value=1.14e9, period="2023-Q3"), F(value=4.57)],
         title="Nucor results", published=datetime(2024, 10, 21, tzinfo=UTC)),
    Case("Cleveland-Cliffs reported a net loss of $230 million for the third quarter, compared with a profit of $269 "
         "million a year earlier.", [F(value=2.3e8, period="2024-Q3"), F(value=2.69e8, period="2023-Q3")],
         title="US steelmakers' results", published=datetime(2024, 10, 21, tzinfo=UTC)),
    # guard: a change's basis `a year earlier` dates no level
    Case("Output rose 5% from a year earlier to 1.2 million tonnes in the third quarter.",
         [F(value=1.2e6, period="2024-Q3", change_pct=5)], title="Copper output",
         published=datetime(2024, 10, 21, tzinfo=UTC)),
]

# A `when` clause is of the period it follows (`Compared with January, when arrivals reached 498,300 tonnes`; `since
# 2021, when mines produced 107,000 tonnes`), which carries to no figure after it; in an undated post a month compared
# with the same month of a stated year is the next year's, and a compared month after the one reported is last year's.
WHEN = [
    Case("Japan imported 412,600 tonnes of copper concentrate in February. Compared with January, when arrivals "
         "reached 498,300 tonnes, the February total was 17.2% lower.",
         [F(value=412600, period="2025-02"), F(value=498300, period="2025-01"),
          F(value=None, change_pct=-17.2, period="2025-02")], title="Japan's copper imports",
         published=datetime(2025, 3, 28, tzinfo=UTC)),
    Case(("World lithium output rose to 240,000 tonnes in 2024, and output has more than doubled since 2021, when "
          "mines produced 107,000 tonnes.", "Australia remained the largest producer at 88,000 t."),
         [F(value=240000, period="2024"), F(value=107000, period="2021"), F(value=88000, period="2024")],
         title="USGS: lithium", published=None),
    Case(("Japan produced 20.2 million tonnes of crude steel in the January-March quarter.",
          "In March alone, output was 6.93 million tonnes, 5.6% below March 2024."),
         [F(value=20.2e6, period="2025-Q1"), F(value=6.93e6, period="2025-03")], title="Japan crude steel output",
         published=None),
    # `the fiscal year that ended in March` is a fiscal year, as `the year to March` is
    Case("India imported 9.54 million tonnes of finished steel in the fiscal year that ended in March.",
         [F(value=9.54e6, period="FY2024")], title="India steel imports", published=datetime(2025, 4, 20, tzinfo=UTC)),
    Case("Korea imported 1.2 million tonnes in 2025. The average import price of concentrate rose to $3,020 per "
         "tonne in March from $2,780 in December.",
         [F(value=1.2e6, period="2025"), F(value=3020, period="2025-03"), F(value=2780, period="2024-12")],
         title="Korea zinc concentrate", published=None),
]

# Batteries fitted to vehicles (`usage`, `installations`, `installed`) are consumed, and the GWh of a report on them
# that names no capacity are too: not a capacity.
BATTERIES = [
    Case(("Global EV battery usage totaled 894.4 gigawatt hours (GWh) in 2024, up 27.2 percent from 2023.",
          "LG Energy Solution ranked third with 96.3 GWh, up 2.8 percent."),
         [F(value=894.4, unit="GWh", metric="consumption"), F(value=96.3, unit="GWh", metric="consumption")],
         title="SNE Research: global EV battery usage", published=datetime(2025, 2, 5, tzinfo=UTC)),
    Case("China's power battery installations reached 79.3 GWh in December. CATL installed 33.4 GWh in December.",
         [F(value=79.3, metric="consumption"), F(value=33.4, metric="consumption")],
         title="China battery installations", published=datetime(2025, 1, 10, tzinfo=UTC)),
    # the market a product is sold in (`in China's passenger car market`) is not what the figure counts
    Case("Retail sales of new energy vehicles (NEVs) in China's passenger car market rose 12% in July from a year "
         "earlier to 984,000 units.", [F(value=984000, commodity="new energy vehicles")], title="China NEV sales",
         published=datetime(2025, 8, 11, tzinfo=UTC)),
    # an `including` aside names a part, not the series (`vehicle sales, including exports to Europe, fell 8.4%`)
    Case("Tesla's China-made vehicle sales, including exports to Europe, fell 8.4% to 67,886 units.",
         [F(value=67886, metric="sales")], title="China NEV sales", published=datetime(2025, 8, 11, tzinfo=UTC)),
    # guard: a plant's GWh stays a capacity, in a report on usage too
    Case(("Global EV battery usage totaled 894.4 GWh in 2024.",
          "CATL's plant in Debrecen will have a capacity of 100 GWh."),
         [F(value=894.4, metric="consumption"), F(value=100, metric="capacity")],
         title="SNE Research: global EV battery usage", published=datetime(2025, 2, 5, tzinfo=UTC)),
]


ROWS = (RESPECTIVELY + SCOPES + MONEY_AND_METAL + SUPPLIED + WHOSE
        + COMPANY_MONEY + UNDATED_YEARS + EARNED + GRADES + TRADERS + STATEMENTS + TEN_GRAMS
        + TOTALS_SO_FAR + NEXT_SUBJECT + SERIES + YEAR_BACK + WHEN + BATTERIES)


@pytest.mark.parametrize("case", ROWS, ids=row_id)
def test_oos_39_41_case(case: Case) -> None:
    check(case)
