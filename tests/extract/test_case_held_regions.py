"""Held-out set oos-27: one row per phenomenon the extractor got wrong on thirteen new articles (Hindalco's
December quarter, EGA's 2022 results, Guinea's bauxite to China, Oyu Tolgoi's first quarter, Argentina's lithium
exports, Canadian aluminium under the US tariff, Metinvest's first half, China's 2025 steel exports and the duties
against them, Kazatomprom's first half, US ferrous scrap exports, CBAM costs, Sumitomo Metal Mining's first half and
an undated South African manganese page)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.extract.cases import Case, F, check, known_miss, row_id


def day(y: int, m: int, d: int) -> datetime:
    return datetime(y, m, d, tzinfo=UTC)


LB = 0.45359237e-3

# Not facts: ownership stakes written `66%-owned by X and 34% by Y` or `owned 51% by X and 49% by Y`.
NOT_FACTS = [
    Case("CBG is owned 51% by Halco and 49% by the Guinean state.", []),
    # a change `by volume` after an owned mine is still a change
    Case("At the Rio Tinto-owned mine, output rose 5% by volume.", [F(value=None, change_pct=5)]),
    Case("Oyu Tolgoi is 66%-owned by Rio Tinto and 34% by the Mongolian government.", [],
         title="Oyu Tolgoi copper output jumps as underground ramp-up gathers pace"),
]

# Figures missed or misread whole.
FIGURES = [
    Case("The US imports roughly half of the aluminium it consumes.",
         [F(value=50, unit="%", metric="market_share")]),
    known_miss(Case("Oyu Tolgoi paid 1.1 trillion tugrik in taxes and fees to the Mongolian state last year.",
                    [F(value=1.1e12, unit="MNT")], title="Oyu Tolgoi copper output jumps"),
               "the Mongolian tugrik is not read as money"),
    known_miss(Case("The company's shares, listed in London and Astana, rose 2.4% to $37.50 in London after the "
                    "update.",
                    [F(value=37.5, unit="USD/unit", metric="price", commodity="shares", change_pct=2.4)],
                    title="Kazatomprom keeps 2023 production guidance"),
               "a share price in dollars is no price per unit (USD `other` here, a uranium USD/t price in the post)"),
    known_miss(Case("CBG aims to lift its annual exports to 18.5 million tonnes in 2027.",
                    [F(value=1.85e7, unit="t", metric="target")], title="Guinea bauxite shipments"),
               "a target for `annual exports` (a trade flow) is put in t/yr"),
]

# Changes: the change stated with a level belongs to the level, not to a null-value fact of its own or to the
# comparison level after it.
CHANGES = [
    known_miss(Case("Novelis shipped 907,000 tonnes of flat-rolled products in the quarter, down 6% from 965,000 "
                    "tonnes a year earlier.",
                    [F(value=907000, change_pct=-6), F(value=965000, change_pct=None)]),
               "`down 6% from 965,000 tonnes a year earlier` is split off as a change-only fact"),
    Case("Washington doubled its tariff on aluminium imports to 50% on June 4, from the 25% imposed in "
                    "March.",
                    [F(value=50, metric="tariff", change_pct=100), F(value=25, metric="tariff", change_pct=None)],
                    published=day(2025, 7, 10)),
    known_miss(Case("The Midwest premium rose to a record 64 cents a pound this week, more than triple its level of "
                    "20 cents at the start of the year.",
                    [F(value=0.64, change_pct=200), F(value=0.20, change_pct=None)], published=day(2025, 7, 10)),
               "`more than triple its level of 20 cents` puts the change on the comparison level"),
]

# Metrics: a producer's own volumes leaving a country are `shipments`, whatever the post's trade side; an exporter
# named in another country's import data is still that importer's `imports`; a project cost is `investment`, a
# plant expanding `to N tonnes per year` is capacity, tariffs paid are money and a mill's tonnage of a group total
# is its production.
METRICS = [
    known_miss(Case("Guinea Alumina Corporation, EGA's bauxite mining subsidiary in West Africa, shipped 13.1 million "
                    "tonnes of bauxite from the port of Kamsar.",
                    [F(value=1.31e7, metric="shipments", partner=None)],
                    title="EGA's 2022 profit climbs to record on strong aluminium prices"),
               "a subsidiary's loadings `in West Africa` become the post country's imports from `Africa`"),
    Case(("China imported 17.2 million tonnes of bauxite from Guinea in October.",
          "Société Minière de Boké (SMB), the country's largest exporter, loaded 6.3 million tonnes in "
          "October."),
         [F(value=1.72e7, metric="imports"), F(value=6.3e6, metric="shipments", country="Guinea")],
         title="Guinea's bauxite shipments to China hit record"),
    known_miss(Case(("China imported 17.2 million tonnes of bauxite from Guinea in October, customs data showed.",
                     "Australia, the second-largest supplier, shipped 4.1 million tonnes to China, down 12% year on "
                     "year."),
                    [F(value=1.72e7), F(value=4.1e6, metric="imports", country="China", partner="Australia")],
                    title="Guinea's bauxite shipments to China hit record"),
               "a supplier that `shipped … to China` in China's customs data is read as the supplier's exports"),
    known_miss(Case("Hindalco Industries reported a 63% slump in consolidated net profit on Tuesday.",
                    [F(change_pct=-63, metric="other")],
                    title="Hindalco Q3 profit slumps 63% as energy costs bite; aluminium output steady",
                    published=day(2023, 2, 14)),
               "a change the sentence names as net profit takes the headline's `output` (production)"),
    known_miss(Case("The underground expansion, which cost about $7 billion, was delayed for years.",
                    [F(value=7e9, metric="investment")], title="Oyu Tolgoi copper output jumps"),
               "a project's cost (`which cost about $7 billion`) is not investment"),
    known_miss(Case("Allkem's Olaroz operation in Jujuy is expanding to 42,500 tonnes per year in the second half of "
                    "2023.",
                    [F(value=42500, unit="t/yr", metric="capacity")], title="Argentina's lithium exports"),
               "a plant `expanding to 42,500 tonnes per year` is not capacity (production or shipments, in t)"),
    known_miss(Case("Alcoa said its Canadian smelters paid $105 million in US tariffs in the second quarter.",
                    [F(value=1.05e8, unit="USD", metric="other")], title="Canadian aluminium exports to US slide"),
               "money paid in tariffs is read as shipments"),
    known_miss(Case(("Output of pig iron rose 5% to 4.5 million tonnes.",
                     "Azovstal accounted for 2.2 million tonnes of the group's steel."),
                    [F(value=4.5e6, metric="production"), F(value=2.2e6, metric="production")],
                    title="Metinvest H1 steel output rises 8%"),
               "a mill's part of the group's steel (`accounted for 2.2 million tonnes`) is not read as production"),
]

# Commodities: named as the sentence narrows them; the holder of a share is the commodity when it is a segment;
# the examples after `such as` do not narrow it; a sentence naming its own subject (carbon, allowances, a recycling
# plant, mill utilisation) does not inherit the metal of the sentence before; `coal-powered metal` is not coal.
COMMODITIES = [
    Case("Ukrainian seaports handled 7.9 million tonnes of ferrous metal exports in the first six months.",
         [F(value=7.9e6, metric="exports", commodity="ferrous metals")],
         title="Metinvest H1 steel output rises 8%"),
    known_miss(Case("EGA sold 2.74 million tonnes of aluminium, and value-added products made up 75% of sales volumes.",
                    [F(value=2.74e6), F(value=75, metric="market_share", commodity="value-added products")],
                    title="EGA's 2022 profit climbs"),
               "a segment holding a share (`value-added products made up 75%`) is not its commodity"),
    known_miss(Case(("Ukraine exported 7.9 million tonnes of steel.",
                     "Semi-finished products, mainly slabs and billets, made up 52% of the exports."),
                    [F(value=7.9e6), F(value=52, metric="market_share", commodity="semi-finished products")],
                    title="Ukraine steel"),
               "a segment opening its sentence (`Semi-finished products … made up 52%`) is not its commodity"),
    known_miss(Case("Mongolia depends heavily on mining, with minerals accounting for more than 90% of its exports.",
                    [F(value=90, metric="market_share", commodity="minerals", period=None)],
                    title="Oyu Tolgoi copper output jumps"),
               "the holder `minerals` gives way to the headline's copper"),
    known_miss(Case("The company earned an average premium of $450 per tonne over the LME price on its value-added "
                    "products.",
                    [F(value=450, metric="price", commodity="value-added products")],
                    title="EGA's 2022 profit climbs to record on strong aluminium prices"),
               "a premium `on its value-added products` has no commodity"),
    known_miss(Case("Sales of value-added products such as foil, flat-rolled products and extrusions rose 9% to 87 kt.",
                    [F(value=87000, metric="sales", commodity="value-added products")], title="Hindalco results"),
               "the last example after `such as` (extrusions) is taken as the commodity"),
    known_miss(Case(("The EU's CBAM will add between €60 and €90 per tonne to the cost of hot-rolled coil imported "
                     "into "
                     "the bloc.",
                     "EU carbon prices under the Emissions Trading System averaged €78 per tonne of CO2 in October."),
                    [F(value=60), F(value=78, metric="price", commodity="carbon")], title="CBAM to add costs"),
               "a carbon price `per tonne of CO2` inherits hot-rolled coil from the sentence before"),
    known_miss(Case(("The EU's CBAM will add between €60 and €90 per tonne to the cost of hot-rolled coil imported "
                     "into "
                     "the bloc.",
                     "Free allowances for CBAM sectors will be cut by 2.5% in 2026."),
                    [F(value=60), F(change_pct=-2.5, metric="other", commodity="free allowances")],
                    title="CBAM to add costs"),
               "a cut in free allowances is read as a hot-rolled coil price change"),
    known_miss(Case("The levy could add up to $500 a tonne to coal-powered aluminium from China.",
                    [F(value=500, commodity="aluminium")], title="CBAM to add costs"),
               "`coal-powered aluminium` is read as coal"),
    known_miss(Case(("Guinea Alumina Corporation shipped 13.1 million tonnes of bauxite.",
                     "Looking ahead, EGA is building a recycling plant at Al Taweelah with a capacity of 170,000 "
                     "tonnes "
                     "per year."),
                    [F(value=1.31e7), F(value=170000, metric="capacity", commodity="aluminium")],
                    title="EGA's 2022 profit climbs to record on strong aluminium prices"),
               "an aluminium company's recycling plant inherits bauxite from the paragraph before"),
    known_miss(Case(("Billet exports rose to 9.5 million tonnes in 2025.",
                     "Analysts at Mysteel expect exports to fall to about 100 million tonnes in 2026."),
                    [F(value=9.5e6), F(value=1e8, commodity="steel")], title="China's 2025 steel exports hit record"),
               "a forecast of all steel exports in its own paragraph inherits billet from the paragraph before"),
    known_miss(Case("US steel mills have kept domestic scrap demand steady, with capacity utilisation at around 80%.",
                    [F(value=80, metric="other", commodity="steel")], title="US ferrous scrap exports fall"),
               "the steel mills' utilisation is given the scrap they buy"),
]

# Places: a delivered (CIF) price is the buying market's, with the origin as partner; a plant named with its country
# in the sentence before keeps it; a unit named `its US unit` is American; a spot price and an LME price are the
# world's (a place in the cause after the figure is not theirs); a group-wide figure is the group's home; a joint
# venture partner in an apposition gives no country; a product's later destination is not the producer's country;
# a `US Midwest premium` is American; a project abroad keeps its country over its owner's nationality; an
# exporter's `largest buyer` is the partner of its exports; goods `from the Middle East` are the partner.
PLACES = [
    Case(("South Africa exported 2.1 million tonnes of manganese ore in February 2024.",
          "Manganese ore prices, week to March 8:\n- South African semi-carbonate, CIF Tianjin: $4.05/dmtu"),
         [F(value=2.1e6), F(value=4.05, metric="price", country="China", partner="South Africa")],
         title="South African manganese ore exports climb on Chinese demand", published=None),
    Case(("Sumitomo Metal Mining produced 27,100 tonnes of electrolytic nickel in the first half, after "
          "maintenance at its Coral Bay plant in the Philippines.",
          "Coral Bay Nickel Corp produced 11,800 tonnes of nickel in mixed sulphide in April-September."),
         [F(value=27100, country="Japan"), F(value=11800, country="Philippines")],
         title="Sumitomo Metal Mining cuts nickel output forecast", published=day(2022, 11, 8)),
    known_miss(Case(("Hindalco's profit fell as costs squeezed margins at its aluminium business and at its US unit "
                     "Novelis.",
                     "Novelis shipped 907,000 tonnes of flat-rolled products in the quarter."),
                    [F(value=907000, country="United States")],
                    title="Hindalco Q3 profit slumps 63%", published=day(2023, 2, 14)),
               "`its US unit Novelis` keeps the Indian parent's country"),
    known_miss(Case("The spot uranium price averaged $56.35 a pound in July.",
                    [F(value=56.35, metric="price", country=None)],
                    title="Kazatomprom keeps 2023 production guidance", published=day(2023, 8, 1)),
               "the world spot uranium price takes the country of the post's producer"),
    Case("Aluminium prices on the LME hit an all-time high above $4,000 a tonne in March 2022 after "
         "Russia's "
         "invasion of Ukraine.",
         [F(value=4000, country=None)], title="EGA's 2022 profit climbs", published=day(2023, 3, 8)),
    known_miss(Case("Across the group, Rio Tinto's mined copper production was 212 kt in the quarter, up 9% on the "
                    "year.",
                    [F(value=212000, country="Australia")],
                    title="Oyu Tolgoi copper output jumps as underground ramp-up gathers pace",
                    published=day(2026, 4, 17)),
               "Rio Tinto's group-wide figure takes the headline mine's country (Mongolia)"),
    known_miss(Case("JV Inkai, its joint venture with Cameco, produced 1,580 tU in the half.",
                    [F(value=1580, country="Kazakhstan")],
                    title="Kazatomprom keeps 2023 production guidance", published=day(2023, 8, 1)),
               "the joint-venture partner in an apposition (Cameco) gives the figure its country (Canada)"),
    known_miss(Case("Canadian smelters, most of them in Quebec, produced 3.3 million tonnes of primary aluminium in "
                    "2024 "
                    "and shipped about 2.4 million tonnes of it to US customers.",
                    [F(value=3.3e6, metric="production", country="Canada"),
                     F(value=2.4e6, metric="exports", country="Canada", partner="United States")],
                    title="Canadian aluminium exports to US slide as 50% tariff bites; Midwest premium at record",
                    published=day(2025, 7, 10)),
               "the destination of the product (`to US customers`) becomes the producers' country"),
    known_miss(Case("The US Midwest premium, which buyers pay on top of the LME price, rose to a record 64 cents a "
                    "pound "
                    "this week.",
                    [F(value=0.64, metric="price", country="United States")],
                    title="Canadian aluminium exports to US slide", published=day(2025, 7, 10)),
               "the `LME price` in a relative clause takes the US Midwest premium's country away"),
    known_miss(Case("French miner Eramet is investing $400 million in its Centenario-Ratones direct lithium extraction "
                    "plant.",
                    [F(value=4e8, metric="investment", country="Argentina")],
                    title="Argentina's lithium exports more than triple", published=day(2023, 1, 24)),
               "the owner's nationality (`French miner`) replaces the project's country"),
    known_miss(Case("Ganfeng Lithium's Mariana project in Salta, with a planned capacity of 20,000 tonnes per year of "
                    "lithium chloride, is expected to start in 2024.",
                    [F(value=20000, metric="capacity", country="Argentina")],
                    title="Argentina's lithium exports more than triple", published=day(2023, 1, 24)),
               "a project in the post's country, owned by a foreign company, gets no country"),
    known_miss(Case(("China's steel exports surged to a record 118.3 million tonnes in 2025, customs data showed.",
                     "Vietnam was again the largest buyer, taking 11.2 million tonnes."),
                    [F(value=1.183e8), F(value=1.12e7, metric="exports", country="China", partner="Vietnam")],
                    title="China's 2025 steel exports hit record", published=day(2026, 1, 14)),
               "the exporter's `largest buyer, taking` a tonnage is made the reporting country"),
    known_miss(Case("For aluminium, the levy could add about $120 a tonne to unwrought metal from the Middle East.",
                    [F(value=120, country="European Union", partner="Middle East")],
                    title="CBAM to add costs", published=day(2025, 11, 4)),
               "the origin of the goods (`from the Middle East`) is made the country, the EU levy gets none"),
]

# Partners: a destination list in brackets gives each tonnage its own destination; a total in a relative clause
# after a supplier's share has no partner; a price difference keeps its level's origin.
PARTNERS = [
    Case("Turkey remained the top destination at 311,400 tonnes, followed by Mexico (142,000 t) and Taiwan "
         "(118,500 t).",
         [F(value=311400, partner="Turkey"), F(value=142000, partner="Mexico"),
          F(value=118500, partner="Taiwan")],
         title="US ferrous scrap exports fall", published=day(2019, 12, 6)),
    known_miss(Case("Guinea supplied 74% of China's total bauxite imports, which reached 23.3 million tonnes in the "
                    "month.",
                    [F(value=74, partner="Guinea"), F(value=2.33e7, metric="imports", partner=None)],
                    title="Guinea's October bauxite shipments to China hit record", published=day(2026, 11, 20)),
               "China's total imports in a relative clause take the supplier of the share as partner"),
    known_miss(Case("Delivered prices for Guinean bauxite eased to $71.50 a tonne CIF China this week, down $2 from a "
                    "month ago.",
                    [F(value=71.5, partner="Guinea"), F(value=-2, partner="Guinea")],
                    title="Guinea's October bauxite shipments to China hit record", published=day(2026, 11, 20)),
               "the price difference loses the origin its level has"),
]

# Periods: a month in a relative clause (`which resumed loadings in August`) dates nothing; annual destination
# figures after a `for the year` sentence are the year's, not the December of the sentence before; a standing share
# has no period; a unit's quarter is not dated by when it `reported its results last week`; `the same period in 2021`
# is the quarter; `at the start of the year` is January; a second clause keeps the first half over the dateline; `since
# March, when …` dates the price; a plant `due to start operating in 2024` is 2024's; `fell to 61,000 ounces from
# 84,000 ounces` keeps the post's quarter; Hindalco's `third-quarter` ended Dec. 31; an undated post's `December
# quarter` before February 2024 data is 2023's, and a later figure of the data release keeps the release's month; a
# project's cost has no period.
PERIODS = [
    known_miss(Case(("China imported 17.2 million tonnes of bauxite from Guinea in October.",
                     "Compagnie des Bauxites de Guinée (CBG) shipped 1.6 million tonnes, while Guinea Alumina "
                     "Corporation (GAC), which resumed loadings in August under state management, exported about "
                     "1.1 million tonnes."),
                    [F(value=1.72e7), F(value=1.6e6, period="2026-10"), F(value=1.1e6, period="2026-10")],
                    title="Guinea's October bauxite shipments to China hit record", published=day(2026, 11, 20)),
               "the month of a relative clause (`resumed loadings in August`) dates the sentence's figures"),
    Case(("China's steel exports rose to 118.3 million tonnes in 2025.",
          "December shipments alone were 10.4 million tonnes. Steel imports slid 11% to 6.1 million tonnes "
          "for the year.",
          "Exports to South Korea fell 14% to 7.9 million tonnes."),
         [F(value=1.183e8), F(value=1.04e7, period="2025-12"), F(value=6.1e6, period="2025"),
          F(value=7.9e6, period="2025")],
         title="China's 2025 steel exports hit record", published=day(2026, 1, 14)),
    known_miss(Case(("Copper production at Oyu Tolgoi rose 38% to 91,000 tonnes in the first quarter.",
                     "Mongolia depends heavily on mining, with minerals accounting for more than 90% of its exports."),
                    [F(value=91000), F(value=90, metric="market_share", period=None)],
                    title="Oyu Tolgoi copper output jumps", published=day(2026, 4, 17)),
               "a standing share (`minerals accounting for … 90% of its exports`) takes the quarter before"),
    known_miss(Case(("Hindalco reported a 63% slump in net profit for the quarter ended Dec. 31.",
                     "Novelis, which reported its results last week, shipped 907,000 tonnes of flat-rolled products "
                     "in the quarter."),
                    [F(change_pct=-63), F(value=907000, period="2022-Q4")],
                    title="Hindalco Q3 profit slumps", published=day(2023, 2, 14)),
               "`which reported its results last week` dates the unit's quarterly shipments to the post's month"),
    known_miss(Case("The LME aluminium price averaged $2,321 a tonne in the December quarter, 17% below the $2,800 of "
                    "the same period in 2021.",
                    [F(value=2321, period="2022-Q4"), F(value=2800, period="2021-Q4")],
                    title="Hindalco Q3 profit slumps", published=day(2023, 2, 14)),
               "`the same period in 2021` is read as the whole year"),
    Case("The Midwest premium rose to 64 cents a pound this week, up from 20 cents at the start of the "
         "year.",
         [F(value=0.64, period="2025-07"), F(value=0.20, period="2025-01")], published=day(2025, 7, 10)),
    known_miss(Case("ASTANA, Aug 1 - Kazatomprom said on Tuesday its production rose 6% to 10,179 tU in the first half "
                    "of 2023, while its attributable output rose 5% to 5,463 tU.",
                    [F(value=10179, period="2023-H1"), F(value=5463, period="2023-H1")],
                    title="Kazatomprom keeps guidance", published=day(2023, 8, 1)),
               "after a dateline, the second clause takes the dateline's month instead of the first half"),
    Case("Nickel prices have been volatile since March, when a short squeeze on the London Metal Exchange "
         "sent them above $100,000 a tonne.",
         [F(value=100000, metric="price", period="2022-03")],
         title="SMM cuts nickel forecast", published=day(2022, 11, 8)),
    known_miss(Case("Looking ahead, EGA is building a recycling plant with a capacity of 170,000 tonnes per year, "
                    "which "
                    "is due to start operating in 2024.",
                    [F(value=170000, metric="capacity", period="2024", forecast=True)],
                    title="EGA profit", published=day(2023, 3, 8)),
               "a plant `due to start operating in 2024` gets no period (and is not a forecast)"),
    Case(("Copper production at Oyu Tolgoi rose 38% to 91,000 tonnes in the first quarter.",
          "Gold production at the mine fell to 61,000 ounces from 84,000 ounces."),
         [F(value=91000), F(value=61000 * 31.1034768e-6, period="2026-Q1"),
          F(value=84000 * 31.1034768e-6, period=None)],
         title="Oyu Tolgoi copper output jumps", published=day(2026, 4, 17)),
    known_miss(Case(("Hindalco Industries reported a 63% slump in third-quarter consolidated net profit on Tuesday.",
                     "Net profit fell to 1,362 crore rupees in the quarter ended Dec. 31."),
                    [F(change_pct=-63, period="2022-Q4"), F(value=1.362e10, period="2022-Q4")],
                    title="Hindalco results", published=day(2023, 2, 14)),
               "an Indian company's `third-quarter`, the quarter ended Dec. 31, is read as July-September"),
    known_miss(Case(("South Africa exported 2.1 million tonnes of manganese ore in February 2024.",
                     "South32's Hotazel mines produced 1.4 million tonnes of manganese ore in the December quarter."),
                    [F(value=2.1e6), F(value=1.4e6, period="2023-Q4")],
                    title="South African manganese ore exports climb on Chinese demand", published=None),
               "an undated post's year-less `December quarter` is put in the year of the February 2024 data, "
               "after them"),
    known_miss(Case(("South Africa exported 2.1 million tonnes of manganese ore in February 2024, according to SARS.",
                     "South32's Hotazel mines produced 1.4 million tonnes of manganese ore in the fourth quarter of "
                     "2023.",
                     "Exports to India fell to 160,000 tonnes from 210,000 tonnes in January, the SARS data showed."),
                    [F(value=2.1e6), F(value=1.4e6), F(value=160000, period="2024-02"),
                     F(value=210000, period="2024-01")],
                    title="South African manganese ore exports climb on Chinese demand", published=None),
               "the SARS release's month is replaced by the quarter of the company figure between"),
    known_miss(Case(("Copper production at Oyu Tolgoi rose 38% to 91,000 tonnes in the first quarter.",
                     "The underground expansion, which cost about $7 billion, was delayed for years."),
                    [F(value=91000), F(value=7e9, period=None)],
                    title="Oyu Tolgoi copper output jumps", published=day(2026, 4, 17)),
               "a project's cost takes the quarter of the sentence before"),
]

# Companies: in `Azovstal accounted for 2.2 million tonnes …, and Ilyich Steel for 2.1 million tonnes`, the first
# tonnage is Azovstal's.
COMPANIES = [
    known_miss(Case("Azovstal accounted for 2.2 million tonnes of the group's steel, and Ilyich Steel for 2.1 million "
                    "tonnes.",
                    [F(value=2.2e6, company="Azovstal"), F(value=2.1e6, company="Ilyich Steel")],
                    title="Metinvest steel output"),
               "the second mill's name is given to both tonnages"),
]


@pytest.mark.parametrize(
    "case",
    NOT_FACTS + FIGURES + CHANGES + METRICS + COMMODITIES + PLACES + PARTNERS + PERIODS + COMPANIES,
    ids=row_id,
)
def test_oos_27_case(case: Case) -> None:
    check(case)
