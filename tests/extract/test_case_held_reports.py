"""Held-out audit oos-22: one row per phenomenon the extractor got wrong on thirteen new articles (Australia's
Resources and Energy Quarterly on iron ore and spodumene, Norsk Hydro's third quarter, China's imports of Russian
aluminium and nickel, KAZ Minerals' 2024 results, Peru's March mining output, Fresnillo's first half, China's
magnet exports, a EUROFER demand outlook, JISF crude steel, LME stocks and cancellations, cobalt hydroxide
payables, an undated South African manganese page and Almalyk's annual report)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.extract.cases import Case, F, check, known_miss, row_id


def day(y: int, m: int, d: int) -> datetime:
    return datetime(y, m, d, tzinfo=UTC)


# Money and figures: Norwegian crowns and Uzbek soum are currencies, pence a share price, `N times its level` a
# change, and a stock `delivered out` of a warehouse or output `cut by` a tonnage a signed difference.
FIGURES = [
    Case("Net debt stood at 14.2 billion Norwegian crowns at the end of September.",
         [F(value=1.42e10, unit="NOK")], title="Norsk Hydro results", published=day(2025, 10, 22)),
    Case("Almalyk's revenue in 2024 was 28.4 trillion soum ($2.2 billion), up 18%.",
         [F(value=2.84e13, unit="UZS", change_pct=18)], title="Almalyk results", published=day(2025, 4, 8)),
    # bare `crowns` are the kind the post names, and Norway's when it names none
    Case("Boliden reported an operating profit of 2.1 billion Swedish crowns. Net debt was 10.2 billion crowns.",
         [F(value=2.1e9, unit="SEK", country="Sweden"), F(value=1.02e10, unit="SEK", country="Sweden")],
         title="Boliden results", published=day(2025, 10, 22)),
    Case("Operating profit fell to 6.1 billion crowns.", [F(value=6.1e9, unit="NOK", country="Norway")],
         title="Hydro results", published=day(2025, 10, 22)),
    Case("Shares in Fresnillo rose 3.5% to 1,542 pence in London.",
         [F(value=15.42, unit="GBP/unit", change_pct=3.5)], title="Fresnillo results",
         published=day(2025, 7, 29)),
    known_miss(Case("Nickel inventories hit 201,834 tons, more than five times their level of a year ago.",
                    [F(value=201834, change_pct=400)], title="LME stocks", published=day(2025, 6, 11)),
               "`five times their level of a year ago` is not read as +400%"),
    known_miss(Case("LME aluminium stocks fell to 341,275 tons after 21,850 tons were delivered out of Port Klang in "
                    "Malaysia.",
                    [F(value=341275, country=None), F(value=-21850, metric="inventory")],
                    title="LME stocks", published=day(2025, 6, 11)),
               "metal `delivered out of` a warehouse is read as +21,850 t of exports, and the warehouse's country "
               "is given to the exchange-wide total"),
    known_miss(Case("Rusal, which produced 3.85 million tons of aluminium last year, has said it will cut output by up "
                    "to 250,000 tons because of low prices and high alumina costs.",
                    [F(value=3.85e6), F(value=-250000, commodity="aluminium")], title="Rusal",
                    published=day(2025, 8, 20)),
               "`cut output by 250,000 tons` is an unsigned level, of the `alumina` named in the cause after it"),
    known_miss(Case("The company aims to produce 400,000 tonnes of copper a year by 2030, almost three times its "
                    "current level, and has budgeted $1.6 billion in capital expenditure for 2025.",
                    [F(value=400000, change_pct=200), F(value=1.6e9, change_pct=None, metric="investment")],
                    title="Almalyk results", published=day(2025, 4, 8)),
               "`almost three times its current level` is glued to the next figure (the capex), which also "
               "takes the target's metric"),
    known_miss(Case("Juanicipio processed 1.28 million tonnes of ore in the first half, running at 95% of nameplate "
                    "capacity.",
                    [F(value=1.28e6, unit="t", metric="other"), F(value=95, metric="other")],
                    title="Fresnillo results", published=day(2025, 7, 29)),
               "ore processed in a half is read as t/yr capacity because `capacity` follows in the sentence"),
]

# Companies: a company's report keeps its company (and its home country) in later sentences; a national total
# that names producers in an aside is no company's; a producers' ranking names each one's company.
COMPANIES = [
    # money spent on capital projects or exploration is the company's, of no metal the sentence does not name
    Case(("KAZ Minerals said its copper output rose 8% in 2024 to 338,600 tonnes.",
          "The company plans to spend $1.2 billion on capital projects this year.",
          "Exploration expenses for the year are expected at about $190 million."),
         [F(commodity="copper"), F(value=1.2e9, commodity=None), F(value=1.9e8, commodity=None)],
         title="KAZ Minerals lifts 2024 copper output", published=day(2025, 3, 14)),
    known_miss(Case(("Norsk Hydro said on Wednesday its bauxite output rose 3% in the third quarter.",
                     "Primary aluminium production totalled 514,000 tonnes."),
                    [F(change_pct=3), F(value=514000, company="Norsk Hydro", country="Norway")],
                    title="Hydro's third-quarter profit falls", published=day(2025, 10, 22)),
               "the reporting company and its home country are not carried to the report's later sentences "
               "(held: 46 facts lose the company, about 12 the country)"),
    known_miss(Case("Antamina was the largest copper producer in March with 41,900 tons, followed by Cerro Verde at "
                    "38,500 tons and Southern Peru at 34,100 tons.",
                    [F(value=41900, company="Antamina"), F(value=38500, company="Cerro Verde"),
                     F(value=34100, company="Southern Peru")],
                    title="Peru's March copper output rises", published=day(2025, 5, 12)),
               "a ranking of producers gives no figure its company (held: 3 facts, also `other` in context)"),
    known_miss(Case("Kazakhstan produced 553,000 tonnes of refined copper in 2024, with KAZ Minerals and Kazakhmys "
                    "together accounting for almost all of the country's mine output.",
                    [F(value=553000, company=None)], title="KAZ Minerals results", published=day(2025, 3, 14)),
               "a national total takes the first company of an aside listing two producers"),
    known_miss(Case("Imports of refined nickel from Russia, mainly Nornickel's cathode, fell 27% year-on-year to "
                    "3,905 tons.",
                    [F(value=3905, commodity="refined nickel", company=None)], title="China imports",
                    published=day(2025, 8, 20)),
               "the apposition `mainly Nornickel's cathode` names a company (held: 3 facts)"),
    # the main part of a flow named after it (`mainly …`) is not what the figure is of
    Case("Imports of refined nickel from Russia, mainly Nornickel's cathode, fell 27% year-on-year to 3,905 tons.",
         [F(value=3905, commodity="refined nickel")], title="China imports", published=day(2025, 8, 20)),
]

# Trade and places: `took` names the destination; a country named for a warehouse town is its stock's; a
# place in a cause after the figure, or a list of countries, is not the figure's; a quota `to allow exports`
# stays the exporter's; `the country` points back to the country named before.
PLACES = [
    Case("Exports to the United States were 590 tons, while Germany, the largest destination, took 1,210 "
         "tons.",
         [F(value=590, partner="United States"), F(value=1210, partner="Germany")],
         title="China's rare earth magnet exports", published=day(2025, 9, 20)),
    Case("Most of the cancelled metal is in Port Klang, where stocks stand at 128,400 tons, and in "
                    "Gwangyang in South Korea, which holds 62,325 tons.",
                    [F(value=128400, country="Malaysia"), F(value=62325, country="South Korea")],
                    title="LME stocks", published=day(2025, 6, 11)),
    Case("In copper, LME stocks rose to 119,350 tons after deliveries into Rotterdam.",
         [F(value=119350, country=None)], title="LME stocks", published=day(2025, 6, 11)),
    known_miss(Case(("South Africa exported 24.1 million tonnes of manganese ore in 2024.",
                     "In the first quarter of 2025, exports slipped 4% year-on-year to 5.6 million tonnes after "
                     "cyclone damage at South32's GEMCO operation in Australia eased, returning some Chinese buying "
                     "to Australian ore."),
                    [F(value=2.41e7), F(value=5.6e6, metric="exports", partner=None, company=None)],
                    title="South African manganese ore exports hit record", published=None),
               "a company and country named in a cause after the figure make the country's exports a company's "
               "shipments to Australia"),
    known_miss(Case("Exploration expenses for the year are expected at about $190 million, of which roughly 35% will "
                    "be spent in Peru and Chile.",
                    [F(value=1.9e8, country=None), F(value=35, country=None)], published=day(2025, 7, 29)),
               "the first of two listed countries becomes the figures' country (held: 2 facts)"),
    known_miss(Case(("Cobalt hydroxide payables rose to a record after the Democratic Republic of Congo replaced its "
                     "export ban with quotas.",
                     "The DRC will allow exports of 18,125 tonnes of cobalt in the last three months of 2025, and "
                     "annual quotas of 96,600 tonnes in 2026 and 2027, the regulator ARECOMS said."),
                    [F(value=18125, metric="exports"),
                     F(value=96600, metric="exports", country="Democratic Republic of the Congo", partner=None)],
                    title="Cobalt hydroxide payables hit record as DRC quotas bite", published=day(2025, 10, 17)),
               "the second quota of an exporter's `allow exports` sentence flips to imports with the DRC as partner"),
    Case(("South Africa exported 24.1 million tonnes of manganese ore in 2024.",
          "The country holds roughly 75% of the world's known manganese reserves."),
         [F(value=2.41e7), F(value=75, metric="market_share", partner="South Africa")],
         title="South African manganese ore exports hit record", published=None),
    # an agency in the headline with a country of its own (Australia's REQ) makes the post that country's
    Case(("Australia's iron ore export earnings are forecast to fall to A$105 billion in 2025–26.",
          "Export volumes are expected to edge up to 903 million tonnes in 2025–26."),
         [F(value=1.05e11), F(value=9.03e8, country="Australia")],
         title="Iron ore earnings to slide as Simandou starts, lithium set for recovery: REQ",
         published=day(2025, 12, 22)),
    Case(("Australia's iron ore export earnings are forecast to fall to A$105 billion in 2025–26, the "
          "Office of the Chief Economist said.",
          "Export volumes are expected to edge up to 903 million tonnes in 2025–26."),
         [F(value=1.05e11), F(value=9.03e8, country="Australia")],
         title="Iron ore earnings to slide as Simandou starts", published=day(2025, 12, 22)),
]

# Series: export `earnings` in an export sentence are exports; a price `low` of a month is that month's and of
# the commodity it names; a change of another series after a guidance range is not the range's; a sector that
# shrinks is not the steel consumption of its relative clause.
SERIES = [
    known_miss(Case("Spodumene export volumes rose 9% year-on-year to 2.6 million tonnes in 2024–25, but earnings fell "
                    "by more than half to A$5.1 billion as prices collapsed.",
                    [F(value=2.6e6), F(value=5.1e9, metric="exports")], title="Australia lithium",
                    published=day(2025, 12, 22)),
               "export `earnings` after export volumes are read as a company's money (`other`)"),
    known_miss(Case("The report expects lithium export earnings to recover to A$6.4 billion in 2025–26, as the "
                    "spodumene price rebounds from its June low of US$610 a tonne (SC6, FOB Australia).",
                    [F(value=6.4e9), F(value=610, commodity="spodumene", country="Australia", period="2025-06",
                                      forecast=False)],
                    title="Australia lithium", published=day(2025, 12, 22)),
               "a past `June low` takes the forecast's commodity, fiscal year and forecast flag, and its bracketed "
               "`FOB Australia` no country"),
    known_miss(Case("Hydro kept its 2025 guidance for primary aluminium production at 2.03-2.08 million tonnes and "
                    "said it expects extrusion sales volumes in Europe to fall 3-5% in the fourth quarter compared "
                    "with a year earlier.",
                    [F(value=2.03e6, change_pct=None), F(change_pct=-3, metric="sales")],
                    title="Hydro's third-quarter profit falls", published=day(2025, 10, 22)),
               "the change of another series (extrusion sales) is glued to the guidance range and lost as a fact"),
    known_miss(Case("Construction, which accounts for 35% of steel consumption, is projected to shrink by 1.1% this "
                    "year.",
                    [F(value=35, metric="market_share"), F(change_pct=-1.1, metric="production")],
                    title="EUROFER steel outlook", published=day(2025, 11, 5)),
               "the sector's own change is read as the steel consumption of its relative clause"),
    Case("By-product lead and zinc production were 27,800 tonnes and 51,200 tonnes, respectively.",
         [F(value=27800, commodity="lead"), F(value=51200, commodity="zinc")]),
]

# Bases: `on the previous year` and `Compared with August 2024` are y/y; `higher than in June` after a y/y
# change is m/m.
BASES = [
    known_miss(Case("South Africa exported a record 24.1 million tonnes of manganese ore in 2024, an increase of 9% on "
                    "the previous year.",
                    [F(value=2.41e7, change_basis="y/y")], published=None),
               "`an increase of 9% on the previous year` gets no basis"),
    known_miss(Case(("China's magnet exports rose 6.2% to 6,146 tons in August.",
                     "Compared with August 2024, shipments were down 3.7%."),
                    [F(value=6146), F(change_pct=-3.7, change_basis="y/y")], published=day(2025, 9, 20)),
               "`Compared with August 2024` (the same month a year before) gets no basis"),
    known_miss(Case("Arrivals of aluminium from Russia totalled 162,430 tons last month, up 41% from a year earlier "
                    "and 18% higher than in June.",
                    [F(value=162430, change_basis="y/y"), F(change_pct=18, change_basis="m/m")],
                    title="China aluminium imports", published=day(2025, 8, 20)),
               "the m/m change `higher than in June` inherits the y/y of the change before it"),
]

# Periods: a year-less quarter after a dated one is that year's; a dateline day is no forecast's period;
# `in the half` after a quarter's sentence is the half; a month's data sentence without a month is the month
# reported, not the dateline's; `a week earlier` is not the month of the next comparison; `the last three
# months of 2025` is a quarter; a financial year ending in June runs July–June; `has guided to` is a forecast.
PERIODS = [
    # a fiscal or financial year named by the month it ended in is the twelve months to that month
    Case("Hotazel produced 3.5 million tonnes of manganese ore in the financial year which ended in June 2024.",
         [F(value=3.5e6, period="2023-07/2024-06")], published=day(2024, 8, 20)),
    # a level `N months earlier` or `two quarters earlier` steps back that far from the period before it
    Case("Output was 5,000 t in the third quarter, against 4,000 t a quarter earlier and 3,000 t two quarters earlier.",
         [F(period="2025-Q3"), F(period="2025-Q2"), F(period="2025-Q1")], published=day(2025, 10, 22)),
    # what analysts had expected of a reported quarter is that quarter's, not the next year's
    Case(("Norsk Hydro reported on Wednesday a 14% drop in third-quarter EBITDA to 6.1 billion Norwegian crowns.",
          "Analysts had on average expected 6.4 billion crowns, according to a company-provided poll.",
          "Primary aluminium production totalled 514,000 tonnes."),
         [F(period="2025-Q3"), F(value=6.4e9, period="2025-Q3", forecast=True), F(value=514000, period="2025-Q3")],
         title="Hydro's third-quarter profit falls", published=day(2025, 10, 22)),
    known_miss(Case(("In the second quarter of 2025, apparent steel consumption fell 2.4% year-on-year to 32.1 million "
                     "tonnes.",
                     "EUROFER expects a further decline of 1.5% in the third quarter, before a marginal recovery of "
                     "0.5% in the fourth quarter."),
                    [F(value=3.21e7), F(change_pct=-1.5, period="2025-Q3"), F(change_pct=0.5, period="2025-Q4")],
                    title="EUROFER steel outlook", published=day(2025, 11, 5)),
               "the third quarter after `the second quarter of 2025` is dated 2026"),
    known_miss(Case("BRUSSELS, 5 November – The European Steel Association (EUROFER) has lowered its outlook for "
                    "apparent steel consumption in the European Union and now expects demand to grow by just 0.8% in "
                    "2026, against the 3.1% rebound it forecast three months ago.",
                    [F(change_pct=0.8, period="2026"), F(change_pct=3.1, period="2026")],
                    title="EUROFER cuts 2026 steel demand forecast", published=day(2025, 11, 5)),
               "after a `5 November –` dateline, the earlier forecast for the same year is dated to the dateline's "
               "month"),
    Case(("LONDON, July 29 – Fresnillo plc, the world's largest primary silver producer, said on Tuesday "
          "attributable silver production fell 6.1% to 25.2 million ounces in the first half of 2025, as "
          "lower ore grades at Saucito weighed on output.",
          "Second-quarter silver production was 12.4 million ounces, down 3.3% quarter-on-quarter.",
          "Gold production dropped 13.4% year-on-year to 297,500 ounces in the half, the Mexico-based "
          "miner said, with most of the decrease at Herradura."),
         [F(period="2025-H1"), F(period="2025-Q2"), F(period="2025-H1", country="Mexico")],
         title="Fresnillo first-half silver output falls 6%, keeps 2025 guidance",
         published=day(2025, 7, 29)),
    known_miss(Case(("China's magnet exports rose 6.2% to 6,146 tons in August, customs data showed on Saturday.",
                     "China's exports of rare earths fell to 4,250 tons in August from 5,570 tons in July.",
                     "The average export price of magnets was $48.2 per kilogram, up from $43.6 in July."),
                    [F(value=6146), F(value=4250), F(value=5570), F(value=48.2, period="2025-08"), F(value=43.6)],
                    title="China magnet exports", published=day(2025, 9, 20)),
               "a data sentence with no month takes the dateline's month, not the month reported"),
    known_miss(Case("Fastmarkets assessed the cobalt hydroxide payable indicator at 96-98% on Friday October 17, up "
                    "from 94-96% a week earlier and from 55-58% in February.",
                    [F(value=96, period="2025-10"), F(value=94, period="2025-10"), F(value=55, period="2025-02")],
                    title="Cobalt hydroxide payables", published=day(2025, 10, 17)),
               "the `a week earlier` level takes the month of the next comparison (February)"),
    Case("Kinshasa will allow exports of 18,125 tonnes of cobalt in the last three months of 2025.",
         [F(value=18125, period="2025-Q4")], title="Cobalt quotas", published=day(2025, 10, 17)),
    known_miss(Case("South32's Hotazel mines produced 3.5 million tonnes of manganese ore in the 2024 financial year, "
                    "which ended in June, and the company has guided to 3.3 million tonnes for the current year.",
                    [F(value=3.5e6, period="2023-07/2024-06"),
                     F(value=3.3e6, period="2024-07/2025-06", forecast=True)],
                    title="South African manganese ore", published=None),
               "a financial year `which ended in June` is read as an April–March FY2023, and `has guided to … for "
               "the current year` is neither a forecast nor that year"),
    Case(("Almalyk raised its cathode copper output to 141,000 tonnes in 2024, a 12% increase on 2023, the "
          "company said in its annual report.",
          "Gold production rose to 26.7 tonnes from 24.9 tonnes."),
         [F(value=141000), F(value=26.7, period="2024"), F(value=24.9)],
         title="Uzbekistan's Almalyk lifts copper output", published=day(2025, 4, 8)),
]


@pytest.mark.parametrize("case", FIGURES + COMPANIES + PLACES + SERIES + BASES + PERIODS, ids=row_id)
def test_oos_22_case(case: Case) -> None:
    check(case)
