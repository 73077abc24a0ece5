"""Wordings from twelve new Latin American and African mining articles (Cochilco, MINEM, Secex/ANM, Mexican silver
miners, DRC cobalt quotas, Zambia, Stats SA and the Minerals Council, Ghana royalties), annotated before the extractor
was run on them. Each row is one phenomenon the extractor gets wrong today, as a strict xfail."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.extract.cases import Case, F, check, known_miss, row_id

OZ = 31.1034768e-6  # tonnes per troy ounce
OCT_2024 = datetime(2024, 10, 2, tzinfo=UTC)
NOV_2024 = datetime(2024, 11, 14, tzinfo=UTC)
MAY_2025 = datetime(2025, 5, 2, tzinfo=UTC)
JUL_2025 = datetime(2025, 7, 29, tzinfo=UTC)
SEP_2025 = datetime(2025, 9, 21, tzinfo=UTC)

# Units and money the extractor does not read.
UNITS = [
    Case("Peru's copper output totalled 225,318 TMF in March.", [F(value=225318, unit="t")]),
    Case("Peru's copper production reached 643,271 fine metric tons in the first quarter of 2024.",
         [F(value=643271, unit="t")]),
    Case("Peru's gold production fell 4.8% to 775,400 fine troy ounces in the first quarter.",
         [F(value=775400 * OZ, unit="t", change_pct=-4.8)]),
    Case("First Majestic expects its Mexican mines to produce between 14.8 million and 16.0 million "
         "silver ounces this year.",
         [F(value=14.8e6 * OZ, value_max=16e6 * OZ, unit="t")]),
    Case("Zesco said its available generation capacity had fallen to 1,250 megawatts.",
         [F(value=1250, unit="MW")]),
    known_miss(Case("Zambia's mineral royalty collections rose to K18.6 billion in 2024.",
                    [F(value=18.6e9, unit="ZMW")]),
               "the Zambian kwacha written `K18.6 billion` is not read as money: no fact"),
    Case("Ghana's gold royalties rose to GH¢5.2 billion in 2024.", [F(value=5.2e9, unit="GHS")]),
    Case("The Capanema project, which adds 15 Mtpy of capacity, started up in the quarter.",
         [F(value=15e6, unit="t/yr", metric="capacity")]),
    Case("Operating cash cost per pound of copper was 91.3 cents in the second quarter.",
         [F(value=0.913, unit="USD/lb")]),
    known_miss(Case("Mopani is expected to raise copper production to 200,000 tonnes a year by 2028 from about "
                    "86,000 tonnes currently.",
                    [F(value=200000, unit="t/yr"), F(value=86000, unit="t/yr")]),
               "the comparison level of an annual production rate (`from about 86,000 tonnes currently`) is not "
               "given the rate's t/yr"),
    known_miss(Case("Shares of Southern Copper have gained about a third this year.",
                    [F(value=None, change_pct=33.3)]),
               "a change in words (`gained about a third`) is not read: no fact"),
    known_miss(Case("Peru's mining employment reached an average of 243,000 direct jobs in March.",
                    [F(value=243000, unit="units")]),
               "a head count (`243,000 direct jobs`) is not read as counted units: no fact"),
]

# Not a fact, and a change given to the wrong figure.
FIGURES = [
    Case("Industrias Peñoles, which owns 74.9% of Fresnillo, said its refined silver output reached "
                    "18.2 million ounces in the fourth quarter.",
                    [F(value=18.2e6 * OZ)]),
    known_miss(Case("South Africa exported 23.6 million tonnes of manganese ore in 2024. The volume was 6% higher "
                    "than in 2023, with China taking 17.2 million tonnes.",
                    [F(value=23.6e6), F(value=None, change_pct=6), F(value=17.2e6, change_pct=None)]),
               "`The volume was 6% higher …, with China taking N`: the total's change is given to China's "
               "share instead of standing alone"),
    known_miss(Case("Compared with the first quarter of 2023, Peru's silver production declined 3.1% to "
                    "26.3 million ounces in the first quarter of 2024.",
                    [F(value=26.3e6 * OZ, change_pct=-3.1, change_basis="y/y")]),
               "a fronted `Compared with the first quarter of 2023,` for a 2024 quarter is not read as y/y"),
]

# Metric and commodity.
METRICS = [
    Case("Brazil's iron ore exports reached 41.2 million tons in September. The value of the cargoes "
         "rose 3.4% to $3.9 billion.",
         [F(value=41.2e6), F(value=3.9e9, metric="exports")], published=OCT_2024),
    Case("Vale produced 80.6 million tons of iron ore in the second quarter. Royalties collected on "
         "iron ore totalled 3.7 billion reais in the first eight months of the year.",
         [F(value=80.6e6), F(value=3.7e9, metric="other")], title="Brazil iron ore",
         published=OCT_2024),
    known_miss(Case("Congo will allow cobalt exports of up to 18,125 tons in 2025. Annual quotas will be capped "
                    "at 96,600 tons in 2026.",
                    [F(value=18125), F(value=96600, metric="exports")]),
               "an export quota (after `cobalt exports`) is read as imports"),
    Case("Congo will allow cobalt exports of 18,125 tons in 2025. CMOC was allocated 6,500 tons for "
         "this year.",
         [F(value=18125), F(value=6500, forecast=True)]),
    Case("South Africa exported 23.6 million tonnes of manganese ore in 2024. The mining industry "
         "consumed 28,400 GWh of electricity from Eskom in 2024.",
         [F(value=23.6e6), F(value=28400, metric="consumption", commodity="electricity")]),
    known_miss(Case("South Africa exported 23.6 million tonnes of manganese ore in 2024. Transnet Freight Rail "
                    "moved 170.5 million tonnes of bulk minerals in 2024.",
                    [F(value=23.6e6), F(value=170.5e6, commodity="bulk minerals")]),
               "the stated `bulk minerals` loses to the commodity (and exports) of the sentence before"),
    known_miss(Case("The value of South Africa's mineral sales rose 8.5% year-on-year to 68.2 billion rand in "
                    "September, with PGM sales up 17.1%.",
                    [F(value=68.2e9, commodity="minerals"), F(value=None, change_pct=17.1)]),
               "`mineral sales` is not a commodity: the total takes PGM from the later clause (coal in "
               "`total mineral sales … as platinum group metal and coal prices weakened`)"),
    known_miss(Case("South Africa exported 23.6 million tonnes of manganese ore in 2024. Mining contributed "
                    "R480-billion to gross domestic product in 2024.",
                    [F(value=23.6e6), F(value=480e9, metric="other")]),
               "a contribution to GDP is read as sales"),
    known_miss(Case("South Africa exported 23.6 million tonnes of manganese ore in 2024. The council's CEO said "
                    "the industry wants rail volumes to reach 250 million tonnes by 2030.",
                    [F(value=23.6e6), F(value=250e6, metric="other", forecast=True)]),
               "`wants … to reach N by 2030` is not a plan (forecast false) and takes the metric before"),
    known_miss(Case("Zesco said generation capacity had fallen to 1,250 MW against peak demand of 2,700 MW.",
                    [F(value=1250, metric="capacity"), F(value=2700, metric="demand")]),
               "`generation capacity had fallen to 1,250 MW` is read as demand (from the later `demand`)"),
    Case("Southern Copper's zinc production surged 18.0% to 36,800 tonnes. Net sales in the quarter "
         "were $3.11 billion.",
         [F(value=36800), F(value=3.11e9, commodity=None)]),
    # guard: a comparison level of a company's money takes no metal either, and a sum that names its metal keeps it
    Case(("Fortescue shipped 47.7 Mt of iron ore in the quarter.",
          "Net debt stood at $1.6 billion at December 31, up from $1.3 billion three months earlier.",
          "Iron ore sales revenue was $4 billion."),
         [F(value=4.77e7, commodity="iron ore"), F(value=1.6e9, commodity=None), F(value=1.3e9, commodity=None),
          F(value=4e9, commodity="iron ore")], title="Fortescue quarterly"),
]

# Country.
PLACES = [
    Case("Mexico's silver output fell 5% in 2024. Silver prices averaged $28.27 an ounce in 2024.",
         [F(), F(value=28.27, country=None)]),
    Case("Chile's copper output rose 2% in 2025. The commission forecast a global refined copper "
         "surplus of 151,000 tons in 2025.",
         [F(), F(value=151000, country=None)]),
    Case("Ghana's gold output rose in 2024. Gold Fields' Tarkwa mine produced 522,000 ounces in 2024.",
         [F(value=522000 * OZ, country="Ghana")]),
    Case("Teck said its copper production rose 3% to 100,000 tonnes in the quarter, helped by higher "
         "grades at its Quebrada Blanca mine in Chile.",
         [F(value=100000, country="Canada")]),
    Case(("Output at Codelco fell 7.3% to 97,700 tons, while BHP-controlled Escondida produced "
          "111,900 tons.",
          "Codelco has struggled to recover from project delays. The company has said it aims to lift "
          "output back to 1.7 million tons a year by 2030."),
         [F(), F(), F(value=1.7e6, company="Codelco", country="Chile")]),
    known_miss(Case("Congo set cobalt export quotas on Saturday. CMOC, the world's largest cobalt producer, was "
                    "allocated 6,500 tons for the remainder of this year and 31,200 tons annually in 2026 and 2027.",
                    [F(value=6500), F(value=31200, country="Democratic Republic of the Congo")]),
               "a Congolese export quota of a foreign company takes the company's home country (China)"),
    known_miss(Case("Southern Copper said it plans to invest $15 billion in Mexico and Peru during this decade.",
                    [F(value=15e9, country=None)]),
               "a figure for a list of countries takes the first one"),
]

# Periods.
PERIODS = [
    Case("Zambia's copper output in the first quarter of this year rose 15 per cent to 195,000 tonnes.",
         [F(period="2025-Q1")], published=MAY_2025),
    known_miss(Case("Congo's cobalt export quota is 96,600 tons in 2026 and 2027.", [F(period="2026/2027")]),
               "`in 2026 and 2027` keeps only the first year"),
    known_miss(Case("Congo will allow cobalt exports of up to 18,125 tons for the rest of 2025 when its export "
                    "ban is lifted on Oct. 16.",
                    [F(period="2025-10/2025-12")], published=SEP_2025),
               "`for the rest of 2025` from Oct. 16 is the whole year"),
    Case(("South Africa's mining production rose for a third straight month in September.",
                     "Platinum-group metals production increased 9.2% from a year earlier, Statistics South Africa "
                     "said Thursday."),
                    [F(period="2024-09")], published=NOV_2024),
    Case("South Africa's mining production rose in September. Platinum-group metals production "
         "increased 9.2% from a year earlier, after a 4.5% gain in August. Gold output climbed 6.3%.",
         [F(period="2024-09"), F(period="2024-08"), F(period="2024-09")], published=NOV_2024),
    known_miss(Case("Cochilco raised its copper price forecast for 2025 to $4.40 per pound from $4.25 per pound "
                    "in April.",
                    [F(period="2025"), F(value=4.25, period="2025")], published=JUL_2025),
               "the old value of a revised forecast takes the month of the revision, not the year forecast"),
    known_miss(Case("Cochilco trimmed its estimate for Chilean copper production this year to 5.58 million tons, "
                    "a 2.6% increase from 2024, from 5.62 million tons previously.",
                    [F(value=5.58e6, period="2025", forecast=True), F(value=5.62e6, period="2025")],
                    published=JUL_2025),
               "`trimmed its estimate … this year to` is not a forecast (and reads as year-to-date); the "
               "previous estimate takes the basis year 2024"),
    Case("Molybdenum production is seen rising 1.3% to 39,100 tons in 2025. The LME three-month copper "
         "contract has averaged $9,380 per ton so far this year.",
         [F(), F(value=9380, period="2025-01/2025-07")], published=JUL_2025),
    known_miss(Case(("Vale released its production report for the third quarter of 2024 on Tuesday.",
                     "- Iron ore production of 91.0 Mt.\n- Copper production of 87.3 kt.",
                     "The average realised iron ore fines price was US$90.4/t."),
                    [F(), F(), F(value=90.4, period="2024-Q3")], published=datetime(2024, 10, 16, tzinfo=UTC)),
               "after a bullet list the report's quarter is no longer carried: publication month instead"),
    known_miss(Case("Manganese accounted for 16% of South Africa's mineral export earnings last year, compared "
                    "with 21% for coal.",
                    [F(period="2023"), F(value=21, period="2023")]),
               "`compared with 21% for coal` does not share the sentence's `last year`"),
]

# Forecasts.
FORECASTS = [
    known_miss(Case("Fresnillo's silver output fell in 2024. For 2025 the miner guided silver production of "
                    "47 million to 53 million ounces.",
                    [F(value=47e6 * OZ, forecast=True)]),
               "`guided … production of` (guidance) is not read as a forecast"),
]


@pytest.mark.parametrize("case", UNITS + FIGURES + METRICS + PLACES + PERIODS + FORECASTS, ids=row_id)
def test_held_mining_case(case: Case) -> None:
    check(case)
