"""Phenomena of the held-out sets met at stop 46 (sets 58-59, scrap and minor metals, scored before any rule was
written from them): one row per phenomenon the extractor got wrong, and guard rows for what the fixes must leave
alone."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.extract.cases import Case, F, check, row_id

# A base bracketed after the words that date it (`up 119% from a year earlier (273 tons)`) is of the year before; a
# change `below December's 1.52 million tonnes` is the level's, measured against December's figure.
BASES = [
    Case("In the second quarter, MP produced 597 metric tons of NdPr oxide, up 119% from a year earlier (273 tons), "
         "the company said.",
         [F(value=597, change_pct=119, period="2025-Q2"), F(value=273, change_pct=None, period="2024-Q2")],
         title="MP Materials second-quarter output", published=datetime(2025, 7, 20, tzinfo=UTC)),
    Case("In January, extra-EU exports totalled 1.38 million tonnes, down 12% year on year and 9% below December's "
         "1.52 million tonnes.",
         [F(value=1.38e6, change_pct=-12, period="2025-01"), F(value=None, change_pct=-9, period="2025-01"),
          F(value=1.52e6, change_pct=None, period="2024-12")],
         title="EU scrap exports", published=datetime(2025, 3, 20, tzinfo=UTC)),
    # a change `higher than at the start of October` is measured against October: the report stays November's
    Case(("PrNd oxide averaged 418,500 yuan/mt on November 8, up 6% from a week earlier.",
          "The price was also 12.4% higher than at the start of October.",
          "Transactions were concluded in a range of 415,000-422,000 yuan/mt."),
         [F(value=418500, period="2025-11"), F(change_pct=12.4, period="2025-11"),
          F(value=415000, period="2025-11")],
         title="SMM: PrNd oxide prices rise 6% in a week", published=datetime(2025, 11, 9, tzinfo=UTC)),
    # an undated report that measures against `the start of March` speaks from March
    Case(("Hot-rolled coil prices in northern Europe eased for a third consecutive week, with the Platts daily "
          "assessment at €590/t ex-works Ruhr on Thursday, down €10/t week on week and €35/t lower than at the start "
          "of March.", "Italian HRC was assessed at €570/t delivered."),
         [F(value=590, period="--03"), F(value=-10, period="--03"), F(value=-35, period="--03"),
          F(value=570, period="--03")],
         title="European HRC slips to €590/t as Asian offers undercut mills", published=None),
    # guard: a bracket after a figure of the period reported stays in that period
    Case("In the second quarter, MP produced 597 metric tons of NdPr oxide (up 119%), the company said.",
         [F(value=597, change_pct=119, period="2025-Q2")],
         title="MP Materials second-quarter output", published=datetime(2025, 7, 20, tzinfo=UTC)),
]

# A price or stock on Comex, NYMEX or the CME is the United States', on the Singapore Exchange Singapore's; the LME's
# is the world's, also when a sentence quotes it as what another price is measured over.
EXCHANGES = [
    Case("Comex July copper settled at $4.75/lb on Tuesday, a premium of nearly $1,000/t over LME three-month copper "
         "at $9,480/t.",
         [F(value=4.75, country="United States"), F(value=1000, country="United States"),
          F(value=9480, country=None)], title="Copper scrap discounts", published=datetime(2025, 5, 21, tzinfo=UTC)),
    Case("COMEX copper futures jumped 2.6% to $4.76 per lb, putting the premium over LME copper at about $810 a ton.",
         [F(value=4.76, country="United States"), F(value=810, country="United States")], title="Copper",
         published=datetime(2025, 3, 26, tzinfo=UTC)),
    Case("COMEX copper stocks rose for a 10th session to 98,140 short tons.",
         [F(metric="inventory", country="United States")], title="Copper stocks",
         published=datetime(2025, 3, 26, tzinfo=UTC)),
    Case("The benchmark iron ore on the Singapore Exchange was down 0.8% at $105.35 a ton.",
         [F(value=105.35, country="Singapore")], title="Iron ore", published=datetime(2025, 3, 26, tzinfo=UTC)),
    # an exchange a price is measured against (`its discount to the LME`, `2% below the LME average`) is not its market
    Case("Argus assessed used beverage can (UBC) scrap in the US Midwest at 71-73 cents/lb delivered to consumers on "
         "Tuesday, up by 2 cents from the previous week, narrowing its discount to the LME cash aluminium price to "
         "42-44 cents/lb.",
         [F(value=0.71, country="United States"), F(value=0.02, country="United States"),
          F(value=0.42, country="United States")], title="US UBC discount to LME narrows",
         published=datetime(2024, 6, 12, tzinfo=UTC)),
    # an exchange named after the figure, in another part of the sentence, is not its market
    Case("North European hot-rolled coil prices rose 15 euros to 625 euros a ton on the news, according to Argus, "
         "while CME's north European HRC futures for December rose to 640 euros.",
         [F(value=15, country="European Union"), F(value=625, country="European Union"), F(value=640)],
         title="EU steel safeguard", published=datetime(2025, 10, 8, tzinfo=UTC)),
    # guard: the LME's own price stays the world's
    Case("Three-month copper on the London Metal Exchange was up 0.8% at $9,420 a ton by 1630 GMT.",
         [F(value=9420, country=None)], title="Copper", published=datetime(2025, 4, 10, tzinfo=UTC)),
]

# A sum naming the plant it builds (`Aurubis's $800 million multi-metal recycling plant`), or the cost of a plant, is
# `investment`; a credit facility is no plant, and nor is money earned at one.
PLANT_COSTS = [
    Case("Aurubis's $800 million multi-metal recycling plant in Richmond, Georgia, is ramping up to process 180,000 "
         "t/yr of complex scrap.",
         [F(value=8e8, metric="investment"), F(value=180000, metric="capacity")], title="US copper scrap",
         published=datetime(2025, 6, 10, tzinfo=UTC)),
    Case("Iluka Resources said on Monday the estimated cost of its Eneabba rare earths refinery in Western Australia "
         "had risen to between A$1.7 billion and A$1.8 billion.",
         [F(value=1.7e9, value_max=1.8e9, metric="investment")], title="Iluka refinery cost rises",
         published=datetime(2025, 2, 17, tzinfo=UTC)),
    # guards
    Case("G Mining expects to complete its construction funding package with a US$200 million revolving credit "
         "facility from a syndicate of banks.",
         [F(value=2e8, metric="subsidy")], title="G Mining funding", published=datetime(2025, 2, 17, tzinfo=UTC)),
    Case("The company earned $200 million in revenue at the plant.", [F(value=2e8, metric="sales")],
         title="Results", published=datetime(2025, 2, 17, tzinfo=UTC)),
]

# In an exporter's figures, countries named alone beside their tonnages (`Mexico (198,700 tons) … followed, while
# shipments to Taiwan …`) are where the exports went; suppliers (`China was the largest supplier`) stay importers'.
DESTINATIONS = [
    Case(("Exports of ferrous scrap from the United States fell to 1.29 million metric tons in September.",
          "Mexico (198,700 tons), Bangladesh (141,300 tons) and India (127,900 tons) followed, while shipments to "
          "Taiwan more than halved to 52,600 tons."),
         [F(value=1.29e6, metric="exports"),
          F(value=198700, metric="exports", country="United States", partner="Mexico"),
          F(value=141300, metric="exports", country="United States", partner="Bangladesh"),
          F(value=127900, metric="exports", country="United States", partner="India"),
          F(value=52600, metric="exports", country="United States", partner="Taiwan")],
         title="US ferrous scrap exports slip 6 percent in September", published=datetime(2024, 11, 1, tzinfo=UTC)),
    Case(("The European Union exported 17.9 million tonnes of ferrous scrap to countries outside the bloc last year.",
          "Turkey remained by far the largest destination, taking 11.2 million tonnes, or 62.6% of the total."),
         [F(value=17.9e6), F(value=11.2e6, metric="exports", country="European Union", partner="Turkey"),
          F(value=62.6, country="European Union", partner="Turkey")],
         title="EU ferrous scrap exports fell 7% last year", published=datetime(2025, 3, 1, tzinfo=UTC)),
    # takers named with their tonnages are partners, not where the next sentence's figures are
    Case("Japan's ferrous scrap exports fell 8.4% year on year to 2.93 million tonnes in January-May 2025, with South "
         "Korea taking 980,000 t and Vietnam 810,000 t. May shipments alone were 542,000 t.",
         [F(value=2.93e6, country="Japan"), F(value=980000, partner="South Korea"),
          F(value=810000, partner="Vietnam"), F(value=542000, metric="exports", country="Japan", partner=None)],
         title="Tokyo Steel cuts scrap buying prices", published=datetime(2025, 7, 8, tzinfo=UTC)),
    # guard: suppliers after the exports a sentence contrasts with imports
    Case(("Imports during April-December jumped 23.9 per cent to 7.3 MT, while exports slumped 24 per cent to 3.6 MT.",
          "China was the largest supplier with 2.1 MT, followed by South Korea (1.9 MT) and Japan (1.7 MT)."),
         [F(value=7.3e6, metric="imports"), F(value=3.6e6, metric="exports"),
          F(value=2.1e6, metric="imports", country="India", partner="China"),
          F(value=1.9e6, metric="imports", country="India", partner="South Korea"),
          F(value=1.7e6, metric="imports", country="India", partner="Japan")],
         title="Crude steel output rises 7% to 12.9 MT in December: JPC", published=datetime(2025, 1, 20, tzinfo=UTC)),
]

# Prices that `ranged from ¥49,600/t to ¥50,150/t` are one range of the period reported, not a move from a base.
RANGES = [
    Case(("Japan's Kanto Tetsugen cooperative sold 25,000 tonnes of H2 scrap in its July tender at an average of "
          "¥49,850/t FAS.", "Winning bids ranged from ¥49,600/t to ¥50,150/t."),
         [F(value=25000), F(value=49850, period="2025-07"),
          F(value=49600, value_max=50150, unit="JPY/t", period="2025-07")],
         title="Kanto Tetsugen tender", published=datetime(2025, 7, 10, tzinfo=UTC)),
    # guard: a move from one price to another stays two figures
    Case("The price rose from ¥49,600/t to ¥50,150/t in July.",
         [F(value=49600, value_max=None), F(value=50150, value_max=None)],
         title="Scrap prices", published=datetime(2025, 7, 10, tzinfo=UTC)),
]

# Tungsten is counted in metric tonne units, 10 kg of WO3 each: `19,300 mtu` is 193 t; a price per mtu stays one.
MTU = [
    Case("The Toronto-listed miner said its Panasqueira operation in Portugal produced 19,300 mtu in the September "
         "quarter, down 6% from the June quarter.",
         [F(value=193, unit="t", change_pct=-6, metric="production", country="Portugal")], title="Tungsten",
         published=datetime(2025, 10, 20, tzinfo=UTC)),
    Case("APT prices rose to $420 per mtu, from $400/mtu a week earlier.",
         [F(value=420, unit="USD/mtu"), F(value=400, unit="USD/mtu")], title="Tungsten",
         published=datetime(2025, 10, 20, tzinfo=UTC)),
]

# A flow that `fell to zero` is a level of nothing, in the unit of the figures beside it (else tonnes); `close to zero`
# is none, and a zero a list of names shares leaves their bases paired `respectively`.
ZEROS = [
    Case("BEIJING, Dec 20 (Reuters) - China's exports of germanium to the United States fell to zero in November, "
         "customs data showed on Friday.",
         [F(value=0, unit="t", metric="exports", country="China", partner="United States", period="2024-11")],
         title="China's germanium exports to US fall to zero", published=datetime(2024, 12, 20, tzinfo=UTC)),
    Case("Germanium imports fell 36% to 8.9 tonnes, and purchases from China dropped to zero in the second half.",
         [F(value=8.9, change_pct=-36), F(value=0, unit="t", period="2024-H2")], title="Japan's germanium imports",
         published=datetime(2025, 2, 10, tzinfo=UTC)),
    Case("Exports to the United States and Sweden fell to zero, from 2,670 tons and 1,410 tons, respectively, in the "
         "same month of 2022.",
         [F(value=0), F(value=2670, partner="United States"), F(value=1410, partner="Sweden")],
         title="China's graphite exports slump 91% in December", published=datetime(2024, 1, 20, tzinfo=UTC)),
    # guard
    Case("Smelters in China accepted treatment charges close to zero, while exports rose 5% to 12,000 tonnes.",
         [F(value=12000)], title="Copper", published=datetime(2025, 2, 10, tzinfo=UTC)),
]

# A price restated in another currency is no fact, also after the price's basis (`¥49,850/t FAS (about $328/t)`) or
# unbracketed (`¥45,000-46,000/t on Monday, equivalent to about $308-315/t`).
CONVERSIONS = [
    Case("Japan's Kanto Tetsugen cooperative sold 25,000 tonnes of H2 grade ferrous scrap for export in its July "
         "tender on Wednesday, at an average of ¥49,850/t FAS (about $328/t), the cooperative said.",
         [F(value=25000), F(value=49850, unit="JPY/t")], title="Kanto Tetsugen H2 tender average falls",
         published=datetime(2025, 7, 10, tzinfo=UTC)),
    Case("Argus assessed Kanto-area H2 delivered to Tokyo Bay at ¥45,000-46,000/t on Monday, equivalent to about "
         "$308-315/t, down ¥1,500/t from a week earlier.",
         [F(value=45000, value_max=46000, unit="JPY/t"), F(value=-1500, unit="JPY/t")], title="Tokyo Steel cuts",
         published=datetime(2025, 7, 10, tzinfo=UTC)),
    # guard: a tonnage equal to a share of another is two figures
    Case("Exports rose to 1.2 million tonnes, equivalent to 5% of output.", [F(value=1.2e6), F(value=5, unit="%")],
         title="Exports", published=datetime(2025, 7, 10, tzinfo=UTC)),
]

# Japan's H2 is a grade of scrap, not a second half, also where no `scrap` follows it (`Japanese H2`, `its H2 price`);
# a half's H2 stays one.
H2_SCRAP = [
    Case("In late January, Hyundai Steel cut its purchase prices for Japanese H2 to ¥51,000–52,000/t CFR.",
         [F(value=51000, period="2025-01")], title="Japanese scrap exports",
         published=datetime(2025, 2, 10, tzinfo=UTC)),
    Case("Tokyo Steel cut its scrap purchase prices by ¥1,000/t on Monday, taking its H2 price at the Tahara works to "
         "¥48,500/t.",
         [F(value=-1000, period="2025-07"), F(value=48500, period="2025-07")], title="Tokyo Steel cuts",
         published=datetime(2025, 7, 8, tzinfo=UTC)),
    # guard
    Case("Copper output rose 5% to 120,000 tonnes in H1, and H2 was expected to be stronger.",
         [F(value=120000, change_pct=5, period="2025-H1")], title="Copper output",
         published=datetime(2025, 7, 8, tzinfo=UTC)),
    Case("The company expects copper output of 130,000 tonnes in H2.", [F(value=130000, period="2025-H2")],
         title="Copper guidance", published=datetime(2025, 7, 8, tzinfo=UTC)),
]

# An aim is a target also with its year between (`the bloc aims by 2030 to extract at least 10%`).
AIMS = [
    Case("Under the act, the bloc aims by 2030 to extract at least 10% of its annual consumption of strategic raw "
         "materials domestically.",
         [F(value=10, metric="target", period="2030")], title="EU picks 47 strategic projects",
         published=datetime(2025, 3, 25, tzinfo=UTC)),
    # aims listed after one that names its deadline share it
    Case("The CRMA sets targets for the EU, by 2030, to extract at least 10% of its annual consumption of strategic "
         "raw materials domestically, process 40% and recycle 25%.",
         [F(value=10, metric="target", period="2030"), F(value=40, metric="target", period="2030"),
          F(value=25, metric="target", period="2030")], title="EU critical raw materials",
         published=datetime(2025, 3, 25, tzinfo=UTC)),
    # guard: a share reached is no target
    Case("The bloc extracted 3% of its annual consumption of strategic raw materials domestically by 2023.",
         [F(value=3, metric="market_share")], title="EU picks 47 strategic projects",
         published=datetime(2025, 3, 25, tzinfo=UTC)),
]

# What a furnace will make a year is its capacity; what a plant will consume a year, or adds of demand, is not.
YEARLY_RATES = [
    Case("Tata Steel's £1.25 billion electric-arc furnace at Port Talbot, backed by a £500 million government grant, "
         "will be able to make 3 million tonnes of steel a year from scrap when it starts up at the end of 2027.",
         [F(value=1.25e9, metric="investment"), F(value=5e8, metric="subsidy"),
          F(value=3e6, unit="t/yr", metric="capacity")],
         title="UK scrap exporters eye home market", published=datetime(2024, 11, 20, tzinfo=UTC)),
    Case("The plant is expected to consume about 2.5 million tonnes of scrap a year, Tata Steel said.",
         [F(value=2.5e6, metric="consumption")], title="UK scrap exporters eye home market",
         published=datetime(2024, 11, 20, tzinfo=UTC)),
    # guard: demand a furnace adds
    Case("Each new blast furnace adds roughly 1.5-2 million tonnes a year of coking coal demand, one trader said.",
         [F(value=1.5e6, metric="demand")], title="India's coking coal imports",
         published=datetime(2024, 11, 20, tzinfo=UTC)),
]

# US steel is priced per short (net) ton: the price keeps that mass, as one per pound does; a tonnage in short tons
# is converted to tonnes.
SHORT_TONS = [
    Case("The Fastmarkets daily HRC index stood at $965 per short ton on Tuesday, up $35/st from a week earlier, "
         "while plate was at $1,050 a net ton.",
         [F(value=965, unit="USD/st"), F(value=35, unit="USD/st"), F(value=1050, unit="USD/st")],
         title="US HRC rises", published=datetime(2025, 6, 20, tzinfo=UTC)),
    # guards
    Case("CMC shipped 1.1 million short tons in the quarter, and scrap fell to $400 per wet metric ton.",
         [F(value=997903.214, unit="t"), F(value=400, unit="USD/t")], title="CMC results",
         published=datetime(2025, 6, 20, tzinfo=UTC)),
]

# Steel plate and hot-dip galvanised steel are products of their own, not the product named before them.
PRODUCTS = [
    Case(("Rebar traded at $940/st.", "Plate was unchanged at $1,280/st.",
          "Cut-to-length plate was assessed at $1,150/st, down $40/st.",
          "Hot-dip galvanized base prices were steady at $1,165/st."),
         [F(value=940, commodity="rebar"), F(value=1280, commodity="plate"), F(value=1150, commodity="plate"),
          F(value=-40, commodity="plate"), F(value=1165, commodity="galvanised steel")],
         title="US rebar holds steady", published=datetime(2025, 8, 20, tzinfo=UTC)),
    # guard: tin plate stays tinplate
    Case("The company makes tin plate at its Port Talbot works, selling 300,000 tonnes last year.",
         [F(value=300000, commodity="tinplate")], title="Tinplate", published=datetime(2025, 8, 20, tzinfo=UTC)),
]

ROWS = (PRODUCTS + BASES + EXCHANGES + PLANT_COSTS + DESTINATIONS + RANGES + MTU + ZEROS + CONVERSIONS + H2_SCRAP + AIMS
        + YEARLY_RATES + SHORT_TONS)


@pytest.mark.parametrize("case", ROWS, ids=row_id)
def test_oos_58_59_case(case: Case) -> None:
    check(case)
