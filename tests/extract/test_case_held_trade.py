"""Wordings from twelve new articles written for a held-out check (US Section 232 tariffs, EU safeguard
quotas and CBAM, company-specific anti-dumping rates in India, the EU and the US, China's minor-metal and graphite
export licensing, Nornickel, Rusal and LME rules, Chinese copper and aluminium scrap imports, Kanto Tetsugen
tenders, Vietnamese and Turkish steel exports, two Metalnomist blog posts), scored before any rule was written from
them. Every row is a strict xfail: the extractor gets it wrong today."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.extract.cases import Case, F, check, known_miss, row_id

JUN4_2025 = datetime(2025, 6, 4, tzinfo=UTC)
AUG12_2025 = datetime(2025, 8, 12, tzinfo=UTC)
SEP20_2024 = datetime(2024, 9, 20, tzinfo=UTC)
MAY21_2025 = datetime(2025, 5, 21, tzinfo=UTC)
JUL10_2025 = datetime(2025, 7, 10, tzinfo=UTC)
MAR18_2025 = datetime(2025, 3, 18, tzinfo=UTC)
OCT8_2025 = datetime(2025, 10, 8, tzinfo=UTC)

# Levies: company-specific anti-dumping rates are read as shares, the levying body and market are lost to the
# surrounding story, and a counter-tariff or a rate `kept` by the targeted country is not a tariff.
LEVIES = [
    Case("India's DGTR recommended anti-dumping duties on stainless steel. Chinese exporters would pay 30.1 "
         "per cent and Indonesian producers 22.6 per cent.",
         [F(value=30.1, metric="tariff"), F(value=22.6, metric="tariff")], published=AUG12_2025),
    Case("The US Commerce Department set preliminary anti-dumping margins:\n"
         "- Canada: ArcelorMittal Dofasco 7.2 percent",
         [F(value=7.2, metric="tariff")], published=SEP20_2024),
    Case("The US set anti-dumping duties on coated steel. All other Vietnamese exporters will pay a cash "
         "deposit of 25.9 percent.",
         [F(value=25.9, metric="tariff")], published=SEP20_2024),
    Case("The US Department of Commerce set preliminary anti-dumping margins on corrosion-resistant steel "
         "ranging from 0.9 percent to 85.9 percent.",
         [F(value=0.9, metric="tariff")], published=SEP20_2024),
    known_miss(Case("The preliminary margins are as follows:\n"
                    "- South Korea: Dongkuk Coated Metal 4.2 percent, KG Steel 0.9 percent",
                    [F(value=4.2, company="Dongkuk Coated Metal"), F(value=0.9, company="KG Steel")],
                    published=SEP20_2024),
               "with two company-rate pairs on one line, a rate takes the other pair's company (held: 2 facts)"),
    known_miss(Case(("The DGTR has recommended anti-dumping duties of 30.1 per cent on stainless steel from China and "
                     "Indonesia.",
                     "Imports of the product rose to 2.58 lakh tonnes in 2023-24."),
                    [F(value=30.1, country="India"), F(value=258000, country="India", period="FY2023")],
                    published=AUG12_2025),
               "`DGTR` is not read as India's: the targeted China becomes the country, and with it India's fiscal "
               "`2023-24` becomes 2023/2024 (held: 13 facts, also `April-February of 2024-25` and `FY26` a year "
               "late and the partners lost)"),
    Case(("The US Department of Commerce has set dumping margins on corrosion-resistant steel from ten "
          "countries ranging from 0.9 percent to 85.9 percent.",
          "According to the petition, imports of CORE from the ten countries totalled 1.46 million mt in "
          "2023.",
          "Meanwhile, in Brussels, the European Commission imposed definitive anti-dumping duties on "
          "tinplate from China, ranging from 13.8 percent for Baoshan Iron & Steel to 36.6 percent for "
          "non-cooperating exporters."),
         [F(), F(), F(value=13.8, country="European Union", partner="China"),
          F(value=36.6, country="European Union", partner="China")], published=SEP20_2024),
    Case("Canada already levies a 25% counter-tariff on U.S. steel and aluminium products.",
         [F(value=25, metric="tariff", country="Canada", partner="United States")],
         published=JUN4_2025),
    known_miss(Case("The US tariff on steel rose to 50% on Wednesday, while Britain kept a 25% rate.",
                    [F(), F(value=25, metric="tariff", country="United States", partner="United Kingdom")],
                    published=JUN4_2025),
               "the rate the targeted country `kept` becomes `other` with that country as reporter"),
    Case("Turkey's shipments of steel to the United States were just 48,000 tonnes, reflecting the 50% "
         "Section 232 tariff.",
         [F(), F(value=50, country="United States")], title="Turkish steel exports slip", published=None),
    known_miss(Case("The EU's quota for Turkish hot-rolled coil is capped at 1.1 million tonnes a year.",
                    [F(value=1.1e6, country="European Union", partner="Turkey")],
                    title="Turkish steel exports slip", published=None),
               "an EU import quota for Turkish steel is reported as Turkey's imports from the EU (held: also the "
               "EU's transitional quota on Russian aluminium)"),
]

# Trade sides: a buyer `took` or was `the largest buyer` / `the largest market, taking` in an exporter's data.
TRADE_SIDES = [
    Case("Japan's ferrous scrap exports fell 6.8% to 3.27 million tonnes in January-May. Shipments to "
         "Vietnam rose 22% to 1.12 million tonnes, while South Korea took 640,000 tonnes.",
         [F(), F(), F(value=640000, metric="exports", partner="South Korea")], published=JUL10_2025),
    known_miss(Case("Germany was the largest buyer of China's germanium at 1,180 kg, followed by Belgium with 560 kg.",
                    [F(value=1.18, metric="exports", country="China", partner="Germany"),
                     F(value=0.56, metric="exports", country="China", partner="Belgium")], published=SEP20_2024),
               "`the largest buyer of` is not a trade flow (`other`, buyer as country; held: 2 facts)"),
    Case("Vietnam exported 2.07 million tonnes of steel products in January-February. The European Union "
         "was the largest market, taking 558,000 tonnes.",
         [F(), F(value=558000, partner="European Union")], published=MAR18_2025),
    Case(("In January-September, Turkey's steel exports totalled 9.6 million tonnes.",
          "Apparent finished steel consumption fell 2.5% to 2.9 million tonnes.",
          "The EU remained Turkey's largest market, taking 2.6 million tonnes over the nine months."),
         [F(), F(), F(value=2.6e6, metric="exports")], published=None),
    known_miss(Case("China's aluminium scrap imports totalled 161,200 mt in April. Imports from Thailand stood at "
                    "26,800 mt, from Japan at 19,400 mt and from Malaysia at 15,100 mt.",
                    [F(), F(), F(), F(value=15100, partner="Malaysia")], published=MAY21_2025),
               "the last origin of a `from X at N, from Y at M and from Z at K` list takes the first"),
]

# Places: a market or price location named by an adjective, a share holder, an import from a named origin.
PLACES = [
    known_miss(Case("European tinplate prices averaged €1,180/mt ex-works in August.",
                    [F(value=1180, country="European Union")], published=SEP20_2024),
               "`European` prices get no country (held, in a US post: United States)"),
    known_miss(Case("The U.S. Midwest aluminium premium, which reflects tariff and freight costs on top of the London "
                    "Metal Exchange benchmark, jumped 54% to 64 cents per lb.",
                    [F(value=0.64, country="United States")], published=JUN4_2025),
               "the LME named as the benchmark removes the Midwest premium's country (held: 2 facts)"),
    known_miss(Case("Russian-origin metal made up 61% of aluminium stocks in LME warehouses at the end of March 2025.",
                    [F(value=61, country=None, partner="Russia")], published=JUN4_2025),
               "the holder of a share of LME stocks is taken as the reporting country (held: 2 facts)"),
    known_miss(Case("Nornickel has redirected sales to Asia, which made up 42% of its revenue in 2024.",
                    [F(value=42, partner="Asia")], published=JUN4_2025),
               "a region as the holder of a share is not read (held: `US or EU sanctions` gave partner EU; 2 facts)"),
    known_miss(Case("CBAM could add €60-80/t to the landed cost of hot-rolled coil imported from India next year.",
                    [F(value=60, country="European Union", partner="India")], published=OCT8_2025),
               "the origin of an import (`imported from India`) becomes the country"),
    known_miss(Case("Turkish deep-sea HMS 1&2 (80:20) scrap import prices eased to $348/t CFR on Friday.",
                    [F(value=348, country="Turkey", partner=None)], published=None),
               "a `Turkish … import price` CFR is given Turkey as partner, not as the price's place"),
    Case(("Nornickel expects palladium output to fall to 2.5 million ounces in 2025.",
          "Palladium traded at $965 an ounce."),
         [F(), F(value=965, country=None)], title="Nornickel trims palladium outlook", published=None),
]

# Periods.
PERIODS = [
    Case(("China imported 187,700 mt of copper scrap in April 2025.",
          "From January to April, cumulative imports reached 739,800 mt.",
          "By origin, Japan was the largest supplier at 22,300 mt, down 9.2% MoM."),
         [F(), F(), F(value=22300, period="2025-04")], published=MAY21_2025),
    Case(("Vietnam exported 2.07 million tonnes of steel products in the first two months of 2025.",
          "In February alone, exports reached 1.03 Mt.",
          "Shipments to the United States plunged 48% to 142,000 tonnes."),
         [F(), F(), F(value=142000, period="2025-01/2025-02")], published=MAR18_2025),
    known_miss(Case("SHANGHAI, May 21 (SMM) - China imported 187,700 mt of copper scrap in April 2025, down 12.4% MoM "
                    "and up 3.1% YoY.",
                    [F(), F(value=None, change_pct=3.1, period="2025-04")], published=MAY21_2025),
               "the second change of a level takes the dateline's month, not the level's"),
    known_miss(Case(("Japan's ferrous scrap exports fell 6.8% to 3.27 million tonnes in January-May.",
                     "Tokyo Steel cut its scrap purchase prices by ¥500/t at all its plants from Thursday."),
                    [F(), F(value=-500, period="2025-07")], published=JUL10_2025),
               "a price change effective `from Thursday` takes the trade data's period before it"),
    Case("Tokyo Steel's Utsunomiya works is now paying ¥44,000/t for H2.",
         [F(value=44000, period="2025-07")], published=JUL10_2025),
    known_miss(Case(("EU steel imports reached 30.5mn t in 2024, Eurofer said.",
                     "Eurofer wants utilisation to return to at least 80pc."),
                    [F(), F(value=80, period=None, forecast=True)], published=OCT8_2025),
               "a wish (`wants … to return to`) takes the year before and is not a forecast"),
    Case("The European Commission on Tuesday proposed cutting steel import quotas to 18.3mn t/yr.",
         [F(value=18.3e6, period=None)], published=OCT8_2025),
    known_miss(Case(("The LME has barred Russian metal produced on or after April 13, 2024.",
                     "Palladium traded at $965 an ounce on Wednesday."),
                    [F(value=965, period=None)], title="Nornickel trims palladium outlook", published=None),
               "in an undated post a date used as a date (`April 13, 2024`) dates the next day's price"),
    Case("India's finished steel imports rose 20.3 per cent to 9.5 million tonnes in April-February of "
         "2024-25.",
         [F(value=9.5e6, period="2024-04/2025-02")], published=AUG12_2025),
    known_miss(Case("Hyundai Steel plans to invest $5.8 billion in a steel mill in Louisiana with an annual capacity "
                    "of 2.7 million tons, with operations scheduled to start in 2029.",
                    [F(value=5.8e9, period=None), F()], published=AUG12_2025),
               "project money takes the start year of operations (the guide: null unless a period is stated)"),
]

# Subjects: commodities carried past the product a sentence names, or missing.
SUBJECTS = [
    known_miss(Case(("The EU proposed steel import quotas of 18.3mn t/yr.",
                     "EU allowances for December delivery settled at €78.40/t CO2 on Monday."),
                    [F(), F(value=78.4, commodity="carbon allowances")], published=OCT8_2025),
               "carbon allowances are not a commodity: steel is carried in"),
    known_miss(Case("Imports of steel mill products fell 9.8% in April to 2.1 million tonnes.",
                    [F(value=2.1e6, commodity="steel mill products")], published=JUN4_2025),
               "`steel mill products` is not read"),
    known_miss(Case(("Vietnam exported 2.07 million tonnes of steel products in the first two months of 2025.",
                     "Finished steel production totalled 4.65 million tonnes.",
                     "Shipments to the US plunged 48% to 142,000 tonnes."),
                    [F(), F(), F(value=142000, commodity="steel products")], published=MAR18_2025),
               "an export flow takes the production sentence's product, not the export series' (held: 4 facts)"),
    known_miss(Case("Turkish scrap import prices eased to $348/t CFR, as mills cut rebar prices to $560-565/t "
                    "ex-works Marmara.",
                    [F(), F(value=560, commodity="rebar")], published=None),
               "rebar in the `as` clause takes the scrap of the main clause"),
    known_miss(Case(("Turkish scrap import prices eased to $348/t CFR on Friday.",
                     "TCUD expects full-year exports of around 12.5 million tonnes."),
                    [F(), F(value=12.5e6, commodity="steel")], title="Turkish steel exports slip", published=None),
               "the steel association's export forecast takes scrap from the sentence before"),
    known_miss(Case(("The EU's quota for Turkish hot-rolled coil is capped at 1.1 million tonnes a year.",
                     "Shipments to the United States were just 48,000 tonnes."),
                    [F(), F(value=48000, commodity="steel")], title="Turkish steel exports slip", published=None),
               "a quota's product is carried into the next sentence's steel (held: 2 facts)"),
]

# Series and values.
SERIES = [
    Case("TCUD expects full-year steel exports of around 12.5 million tonnes.",
         [F(value=12.5e6, metric="exports")], title="Turkish steel exports slip", published=None),
    Case("Chinese battery makers produced 92.3 GWh of power batteries in August.",
         [F(value=92.3, metric="production")], published=SEP20_2024),
    Case("Finished steel production totalled 4.65 million tonnes, while sales, including exports, rose "
         "4.8% to 4.41 million tonnes.",
         [F(), F(value=4.41e6, metric="sales")], published=MAR18_2025),
    Case("U.S. Steel said it would restart a blast furnace able to make 1.4 million tonnes a year of hot "
         "metal.",
         [F(value=1.4e6, unit="t/yr", metric="capacity")], published=JUN4_2025),
    known_miss(Case("Rusal said it would cut output by up to 250,000 tonnes.",
                    [F(value=-250000)], published=JUN4_2025),
               "`cut … by up to N` loses the sign (without `up to` it is -250000)"),
    Case("Trump's doubling of tariffs on imported steel to 50% took effect on Wednesday.",
                    [F(value=50, change_pct=100)], published=JUN4_2025),
    Case("Kanto Tetsugen awarded 20,000 tonnes of H2 scrap at ¥39,878/t FAS (about $271/t).",
         [F(value=20000), F(value=39878)], published=JUL10_2025),
    known_miss(Case("Chinese tinplate prices undercut EU producers by 18.5 percent.",
                    [F(value=None, change_pct=-18.5)], published=SEP20_2024),
               "`undercut by N percent` is a rise"),
]

# Fixed since: rows that fail on the code before the fix.
FIXED = [
    # An agency acting on the goods of the countries its headline names reports from its own (India's fiscal years).
    Case(("The DGTR has recommended anti-dumping duties of 30.1 per cent on stainless steel from China and Indonesia.",
          "Imports of the product rose to 2.58 lakh tonnes in 2023-24, while exports fell to 0.9 lakh tonnes."),
         [F(value=30.1, country="India", partner=None), F(value=258000, metric="imports", country="India",
                                                         period="FY2023"),
          F(value=90000, metric="exports", country="India", period="FY2023")],
         title="DGTR recommends up to 30.1% anti-dumping duty on cold-rolled stainless steel from China, Indonesia",
         published=AUG12_2025),
    # Imports default to the country whose agency the paragraph credits, as exports do.
    Case("The DGTR has recommended anti-dumping duties of 30.1 per cent on stainless steel from China and Indonesia. "
         "Imports of the product rose to 2.58 lakh tonnes in 2023-24.",
         [F(value=30.1, country="India"), F(value=258000, country="India")], title="Steel duties",
         published=AUG12_2025),
    # In a post about duties, the rates exporters pay, in a later paragraph, are tariffs on their countries' goods.
    Case(("The DGTR has recommended anti-dumping duties of up to 30.1 per cent on stainless steel from China and "
          "Indonesia.",
          "The authority fixed company-specific rates. All other Chinese exporters would pay 30.1 per cent and other "
          "Indonesian producers 22.6 per cent."),
         [F(value=30.1, metric="tariff"), F(value=30.1, metric="tariff", country="India", partner="China"),
          F(value=22.6, metric="tariff", country="India", partner="Indonesia")],
         title="India weighs duties on stainless steel", published=AUG12_2025),
    # ... and so are the percents of a list of dumping margins, each on the goods of the country its label names.
    Case(("The US Department of Commerce announced its preliminary anti-dumping margins on coated steel.",
          "The preliminary margins are as follows:\n- Vietnam: Nam Kim Steel 39.1 percent\n- Canada: ArcelorMittal "
          "Dofasco 7.2 percent"),
         [F(value=39.1, metric="tariff", country="United States", partner="Vietnam"),
          F(value=7.2, metric="tariff", country="United States", partner="Canada")],
         title="US sets dumping margins on coated steel", published=SEP20_2024),
    # A country that `levies` a duty levies it, whatever country the post's earlier duties were.
    Case(("U.S. tariffs on steel and aluminium imports rose to 50% on Wednesday.",
          "Canada already levies a 25% counter-tariff on C$29.8 billion worth of U.S. steel and aluminium."),
         [F(value=50, country="United States"), F(value=25, metric="tariff", country="Canada"), F(value=29.8e9)],
         published=JUN4_2025),
    # In an exporter's figures the largest buyer of the goods, and the one `followed by … with`, are where they went.
    Case(("China exported 8,000 kg of germanium in August.",
          "Germany was the largest buyer of germanium at 1,180 kg, followed by Belgium with 560 kg."),
         [F(value=8, country="China"), F(value=1.18, metric="exports", country="China", partner="Germany"),
          F(value=0.56, metric="exports", country="China", partner="Belgium")], title="China's germanium exports",
         published=SEP20_2024),
    # A price's day is its own, whatever delivery month it is for.
    Case("EU allowances for December delivery settled at €78.40/t CO2 on Monday.", [F(value=78.4, period="2025-10")],
         published=OCT8_2025),
    # A list of shares in a post about no duty stays a list of shares.
    Case("Shares of Japan's flat steel imports last year:\n- Vietnam: 39.1 percent\n- South Korea: 27.2 percent",
         [F(value=39.1, metric="market_share"), F(value=27.2, metric="market_share")], title="Japan's steel imports",
         published=SEP20_2024),
]


@pytest.mark.parametrize("case", LEVIES + TRADE_SIDES + PLACES + PERIODS + SUBJECTS + SERIES + FIXED, ids=row_id)
def test_held_trade_case(case: Case) -> None:
    check(case)
