"""Wordings of wire copy, Indian and price-reporting press that the dev set holds few or none of."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.extract.cases import Case, F, check, row_id

SHORT_TON = 0.90718474  # metric tonnes in a US short (net) ton

# Indian numbering: a lakh is 100,000 and a crore ten million, for tonnes and rupees alike.
INDIAN_NUMBERS = [
    Case(
        "Imports of finished steel jumped 41% to 0.63 lakh tonnes in April, while exports fell 31.4% to 5.5 lakh "
        "tonnes.",
        [F(value=63000, unit="t", change_pct=41, metric="imports"),
         F(value=550000, unit="t", change_pct=-31.4, metric="exports")],
    ),
    Case("NMDC's iron ore output rose 12% to 45 lakhs tonnes in May.", [F(value=4.5e6, unit="t", change_pct=12)]),
    Case("The government approved a subsidy of Rs 6,322 crore for specialty steel.",
         [F(value=6.322e10, unit="INR", metric="subsidy")]),
    Case("The ministry earmarked ₹500 crores for the scheme.", [F(value=5e9, unit="INR")]),
    Case("Sales reached Rs. 1,200 crore in the quarter.", [F(value=1.2e10, unit="INR")]),
    Case("Steel imports rose to 12,34,567 tonnes in May.", [F(value=1234567, unit="t")]),  # grouped by lakhs
    Case("Imports were 1,234,567 tonnes.", [F(value=1234567, unit="t")]),
]

# Units of price reports: precious metals by the ounce even when the unit is left out; wet and dry tonnes.
PRICE_UNITS = [
    Case(
        "Spot gold rose 1.2% to $2,431.50 per ounce. U.S. gold futures gained 0.9% to $2,436.10.",
        [F(value=2431.5, unit="USD/oz"), F(value=2436.1, unit="USD/oz", change_pct=0.9)],
    ),
    Case("Silver prices fell 2% to $31.12.", [F(value=31.12, unit="USD/oz", metric="price")]),
    Case("Copper prices fell 2% to $9,500.", [F(value=9500, unit="USD/t", metric="price")]),
    Case("The company's C1 cost was US$18.24 per wet metric tonne.", [F(value=18.24, unit="USD/t")]),
    Case("Fines were assessed at $112.50 a dry metric ton CFR Qingdao.", [F(value=112.5, unit="USD/t")]),
    Case("Ore traded at $98.10/dmt and $92/wmt.", [F(value=98.1, unit="USD/t"), F(value=92, unit="USD/t")]),
    Case("The deposit lies within 15 miles of the mill.", [F(value=24.14016, unit="km")]),  # distances are km
    # South African rand touching its figure; an ore grade in grams per tonne is no mass
    Case("South Africa's manganese ore exports rose to 22 million tonnes, worth about R60 billion.",
         [F(value=2.2e7, unit="t"), F(value=6e10, unit="ZAR")]),
    Case("Northam Platinum's revenue climbed to R15.4-billion.", [F(value=1.54e10, unit="ZAR")]),
    Case("Harmony Gold's underground recovered grade rose 11% to 6.25 g/t.", []),
    # currencies of producer countries, by code, name or symbol
    Case("Norilsk Nickel's revenue fell to 1.2 trillion roubles.", [F(value=1.2e12, unit="RUB")]),
    # `¥` is the yen's sign and the yuan's: a Chinese figure in it is in yuan
    Case("Chinese lithium carbonate futures slumped to ¥95,000 a tonne on the Guangzhou Futures Exchange.",
         [F(value=95000, unit="CNY/t", country="China")]),
    Case("Japan's imports of lithium from China cost ¥13.2 billion.", [F(value=1.32e10, unit="JPY")]),  # guard
    Case("The smelter cost Rp 30 trillion.", [F(value=3e13, unit="IDR")]),
    Case("China Steel raised its list price by NT$800 per tonne.",
         [F(value=800, unit="TWD/t", country="Taiwan", company="China Steel")]),
    Case("Ma'aden will invest SAR 8 billion in phosphate.", [F(value=8e9, unit="SAR", metric="investment")]),
    Case("Kumba Iron Ore's production decreased by 5% to 35.7 Mt.",
         [F(value=3.57e7, commodity="iron ore", company="Kumba Iron Ore", country="South Africa")]),
    Case("The ore averaged 2.1 grams per tonne gold.", []),  # guard
    Case("The price of 99.99% pure indium was unchanged at $360 per kg.", [F(value=360, unit="USD/kg")]),
    Case("Argus assessed 6pc spodumene at $1,080/t cif China.", [F(value=1080, unit="USD/t")]),  # a grade
    Case("Nickel sulfate, min 21%, max 22.5%, exw China prices were 27,000-28,000 yuan per tonne.",
         [F(value=27000, value_max=28000, unit="CNY/t")]),  # a grade's bounds
    Case("The tariff will rise to a maximum 25%.", [F(value=25, metric="tariff")]),  # guard: a maximum is no grade
    Case("China accounts for 60% iron ore demand.", [F(value=60, metric="market_share")]),  # guard: a share
    Case("Chinese domestic HRC prices edged up by 10 yuan/t to Yn3,760/t ex-warehouse Shanghai.",
         [F(value=10, unit="CNY/t"), F(value=3760, unit="CNY/t")]),  # Argus's yuan
    Case("Its 99.7%-pure aluminium sold at $2,500 a ton.", [F(value=2500, unit="USD/t")]),  # purity is no share
    # tonnes of contained metal are tonnes; LCE is lithium carbonate equivalent
    Case("Indonesia's NPI output will reach 1.9 million nickel tonnes this year.",
         [F(value=1.9e6, unit="t", commodity="nickel pig iron", forecast=True)]),
    Case("Albemarle sold 50,000 tonnes LCE in the quarter.", [F(value=50000, commodity="lithium carbonate")]),
    # US gross tons are read as tons are; a change `to` a level is no range
    Case("Shredded scrap prices rose $20 to $420 per gross ton.",
         [F(value=20, unit="USD/t"), F(value=420, unit="USD/t", value_max=None)]),
    # a price per short ton keeps that mass, as one per pound does
    Case("Hot-rolled coil futures settled at $780 per short ton.", [F(value=780, unit="USD/st")]),
    # a US net (short) ton is 2,000 lb: 0.907 metric tonnes
    Case("US mills shipped 7.5 million net tons of steel in April.", [F(value=7.5e6 * SHORT_TON, unit="t")]),
    Case("Guidance was raised by 5,000 to 10,000 tonnes.", [F(value=5000, value_max=10000, unit="t")]),
    Case("Prices fell by $50-100/t.", [F(value=-50, value_max=-100, unit="USD/t")]),  # both ends are falls
    Case("Prices ranged from $400 to $420 a ton.", [F(value=400, value_max=420, unit="USD/t")]),
    Case("Sales were 4.2 million lbs in May.", [F(value=1905.087954, unit="t")]),  # mass is tonnes
    Case("Copper sales rose 9% to 1.1 billion pounds.", [F(value=498951.607, unit="t", change_pct=9)]),
    # a size written as one hyphenated adjective
    Case("The company will build a 300,000-tonne-per-year smelter in Oman.",
         [F(value=300000, unit="t/yr", metric="capacity", country="Oman")]),
    Case("The 4-million-tonne-per-year mill will restart.", [F(value=4e6, unit="t/yr", metric="capacity")]),
    Case("The 2-million-tonne stockpile was sold.", [F(value=2e6, unit="t")]),
    Case("Output was 145,000 tonnes (319.7 million lbs) of copper.", [F(value=145000, unit="t")]),
    Case("The price of battery packs fell 20% to $115 per kWh in 2024.", [F(value=115, unit="USD/kWh")]),
    Case("Power prices rose to €85/MWh.", [F(value=85, unit="EUR/MWh", metric="price")]),
    Case("Gallium prices rose 20% to $595 per kilogram.", [F(value=595, unit="USD/kg", change_pct=20)]),
    Case("China exported 5,396 kilograms of gallium in 2023.", [F(value=5.396, unit="t")]),
    Case("Tungsten APT prices rose to $440 per metric tonne unit (mtu).", [F(value=440, unit="USD/mtu")]),
    Case("APT was assessed at $430-440/mtu.", [F(value=430, value_max=440, unit="USD/mtu")]),
    Case("The average price climbed to 19,322 US dollars per tonne.", [F(value=19322, unit="USD/t")]),
    # miners' quarterly units: thousand and million ounces, million pounds; a price `an ounce`
    Case("Newmont produced 1.6 Moz of gold in the quarter.", [F(value=49.76556288, unit="t")]),
    Case("Gold production was 250koz.", [F(value=7.7758692, unit="t")]),
    Case("Anglo American Platinum's refined production decreased by 8% to 904,800 PGM ounces.",
         [F(value=28.14242580864, unit="t", change_pct=-8)]),
    Case("The mine produced 350,000 gold-equivalent ounces in 2023.", [F(value=10.88621688, unit="t")]),
    Case("Copper production was 320 Mlbs in the quarter.", [F(value=145149.5584, unit="t")]),
    Case("Gold sold at an all-in sustaining cost of US$1,450 an ounce.", [F(value=1450, unit="USD/oz")]),
    Case("Revenue was 5 billion U.S. dollars.", [F(value=5e9, unit="USD")]),
    Case("COMEX copper futures rose 1.3% to $4.52 per lb.", [F(value=4.52, unit="USD/lb", change_pct=1.3)]),
    # US cents, as COMEX copper and miners' costs are quoted; a change in cents is in its level's unit
    Case("COMEX copper settled at 445.5¢/lb, up 2.1%.", [F(value=4.455, unit="USD/lb", change_pct=2.1)]),
    Case("The C1 cash cost was USc 180/lb in the quarter.", [F(value=1.8, unit="USD/lb")]),
    Case("LME copper rose 1.5% to $9,800 a tonne, while COMEX copper gained 3 cents to 445 cents per lb.",
         [F(value=9800, unit="USD/t"), F(value=0.03, unit="USD/lb"), F(value=4.45, unit="USD/lb")]),
    Case("Costs rose to 180 US cents per pound.", [F(value=1.8, unit="USD/lb")]),
]

# A speaker's words in direct quotation, over one sentence or several, are no reported figure; the report's are.
SPEECH = [
    Case('"$2,350/mt fits my expectation, I think it\'s acceptable. There\'s some margin at $2,400," a trader said. '
         "Prices rose 5% to $2,450/mt.", [F(value=2450, change_pct=5)]),
    Case("“It is crazy that the duty-paid is so low compared to duty-unpaid near $200 per tonne.” The premium rose "
         "to $250 a tonne.", [F(value=250)]),
    # German quotes close with the mark English ones open with: the sentences after are the report's
    Case("Chile lies in the „lithium triangle“ of South America. Demand for lithium is expected to quadruple by "
         "2025.", [F(change_pct=300, forecast=True)]),
]

# Capacities as smelters, miners and the Indian press write them; a rate that sizes a mine is its capacity.
CAPACITIES = [
    Case("The smelter's annual capacity of 300 ktpa will rise to 500 ktpa in 2026.",
         [F(value=300000, unit="t/yr", metric="capacity"), F(value=500000, unit="t/yr", metric="capacity")]),
    Case("JSW Steel plans to raise capacity to 50 mtpa by 2030 from 28 MTPA.",  # the deadline is the goal's
         [F(value=5e7, unit="t/yr", period="2030", forecast=True), F(value=2.8e7, unit="t/yr", period=None)]),
    Case("The refinery will produce 60 kt/y of lithium hydroxide.", [F(value=60000, unit="t/yr")]),  # guard
    Case("The 5 Mtpa mine started in 2023.", [F(value=5e6, unit="t/yr", metric="capacity")]),
]

# A change verb written once for a list of subjects (`nickel up 3.1%, zinc 2.4% and lead 1.2%`).
GAPPED = [
    Case("Base metal prices rose across the board, with nickel up 3.1%, zinc 2.4% and lead 1.2%.",
         [F(change_pct=3.1, commodity="nickel"), F(change_pct=2.4, commodity="zinc"),
          F(change_pct=1.2, commodity="lead")]),
    Case("Copper fell 1.1%, aluminium 0.8% and tin 2%.",
         [F(change_pct=-1.1, commodity="copper"), F(change_pct=-0.8, commodity="aluminium"),
          F(change_pct=-2, commodity="tin")]),
    Case("Output rose 5%, reaching 20% of supply.", [F(change_pct=5), F(value=20, unit="%")]),  # guard
    Case("Exports rose 5%, accounting for 20% of the total.", [F(change_pct=5), F(value=20, unit="%")]),  # guard
]

# `May` the month after the words that place a figure in it, never `may` the verb.
# Ports and trading hubs name the country whose market they price.
HUBS = [
    Case("Cathode premiums in Yangshan were at $30-45 a ton.", [F(value=30, value_max=45, country="China")]),
    Case("Stainless steel prices in Wuxi fell 2% to 14,000 yuan a tonne.", [F(value=14000, country="China")]),
    Case("Shipments from Port Hedland rose 3% to 45 million tonnes in May.", [F(value=4.5e7, country="Australia")]),
    Case("Aluminium premiums in Baltimore rose to 25 cents per lb.",
         [F(value=0.25, unit="USD/lb", country="United States")]),
]

MAY = [
    Case("Chinese steelmakers' daily crude steel output averaged 2.89 million tonnes in early May, up 2.3% from "
         "late April, CISA said.", [F(value=2.89e6, change_pct=2.3, period="2024-05")]),
    Case("Output averaged 2.89 million tonnes in mid-May.", [F(value=2.89e6, period="2024-05")]),
]

# A year between two figures is no figure, and does not swallow the one after it.
YEAR_BETWEEN = [
    Case(
        "Cochilco expects national output of 5.5 million tonnes in 2024 and 5.7 million tonnes in 2025.",
        [F(value=5.5e6, unit="t", period="2024"), F(value=5.7e6, unit="t", period="2025")],
    ),
    Case("Sales were flat in 2023 and $4.2 billion in 2024.", [F(value=4.2e9, unit="USD", period="2024")]),
]

# A company's stock: metric price, commodity `shares`, a price per share; metal stocks stay inventory.
SHARE_PRICES = [
    # a bare `$` on the ASX or the TSX is that country's dollar; `US$` and New York stay US dollars
    Case("South32 shares fell 3.4% to $3.12 on the ASX.", [F(value=3.12, unit="AUD/unit", country="Australia")]),
    Case("Teck Resources shares rose 2% to $60.10 in Toronto.", [F(value=60.1, unit="CAD/unit")]),
    Case("Freeport-McMoRan shares rose 2% to $45.10 in New York.", [F(value=45.1, unit="USD/unit")]),  # guard
    Case("BHP shares rose 2% to US$45.10 in Sydney.", [F(value=45.1, unit="USD/unit")]),  # guard
    Case(
        "Nucor's shares rose 10% on the news, while US Steel stock jumped 26%.",
        [F(value=None, change_pct=10, metric="price", commodity="shares"),
         F(value=None, change_pct=26, metric="price", commodity="shares")],
    ),
    Case(("Glencore's coal output was 83.5 million tonnes in 2023. Shares in Glencore fell 2.4% to 452 pence."),
         [F(value=8.35e7, period="2023"),
          F(value=4.52, unit="GBP/unit", change_pct=-2.4, commodity="shares", period="2024-06")]),
    Case("Shares of Albemarle fell 4.2% to $98.50 in New York.",
         [F(value=98.5, unit="USD/unit", change_pct=-4.2, metric="price", commodity="shares")]),
    Case("Copper stocks in LME warehouses fell to 102,350 tons.",
         [F(value=102350, unit="t", metric="inventory", commodity="copper")]),
    Case("Russia's share of China's nickel imports rose to 25%.", [F(value=25, unit="%", metric="market_share")]),
    # a share's earlier level is the same series: the same holder, the same (world) market
    Case("In 2022, Indonesia accounted for 48% of global nickel output, up from 32% in 2020.",
         [F(value=48, country=None, partner="Indonesia", period="2022"),
          F(value=32, country=None, partner="Indonesia", period="2020")]),
    Case("Glencore's stock of cobalt hydroxide rose 12%.",
         [F(value=None, change_pct=12, commodity="cobalt hydroxide")]),
    # a share quote carries nothing on: the next figure is the post's own series again
    Case(
        ("China's copper imports rose 5% to 480,000 tonnes in May. Jiangxi Copper's shares fell 2%. "
         "Imports from Chile were 120,000 tonnes."),
        [F(value=480000, metric="imports", commodity="copper"),
         F(value=None, change_pct=-2, metric="price", commodity="shares"),
         F(value=120000, metric="imports", commodity="copper", partner="Chile", period="2024-05")],
    ),
]

# `respectively` pairs partners with figures in order, and a list of figures takes the unit its last one writes.
LISTS = [
    Case("China's exports to Japan and South Korea rose 5% and 8%, respectively.",
         [F(change_pct=5, country="China", partner="Japan"), F(change_pct=8, country="China", partner="South Korea")]),
    Case("China's imports from Australia, Brazil and South Africa were 5 million, 3 million and 1 million tonnes, "
         "respectively.",
         [F(value=5e6, unit="t", partner="Australia"), F(value=3e6, unit="t", partner="Brazil"),
          F(value=1e6, unit="t", partner="South Africa")]),
    Case("Sales of 2 million and $3 billion were reported.", [F(value=3e9, unit="USD")]),
]

# Minor metals and battery materials are commodities of their own.
VOCABULARY = [
    Case("Plug-in hybrid sales jumped 80% to 376,000 units, while BEV sales rose 11% to 480,000 units.",
         [F(value=376000, commodity="plug-in hybrid vehicles"), F(value=480000, commodity="electric vehicles")]),
    Case("Battery installations totalled 43.9 GWh in May, up 37%.", [F(value=43.9, commodity="batteries")]),
    Case("China's niobium imports rose 12% to 6,000 tonnes in 2023.", [F(value=6000, commodity="niobium")]),
    Case("LFP output reached 1.6 million tonnes in 2023.", [F(value=1.6e6, commodity="lithium iron phosphate")]),
    Case("Exports of brass fell 3% to 40,000 tonnes.", [F(value=40000, commodity="brass")]),
    # steel and ore products by their trade names, as the text writes them (India's sponge iron is its DRI)
    Case("The firm expects to ship 4.2mn-4.5mn t of pellets in 2024.",
         [F(value=4.2e6, commodity="iron ore pellets", forecast=True)]),
    Case("India's sponge iron output rose 8% to 45 million tonnes in FY24.",
         [F(value=4.5e7, commodity="sponge iron", period="FY2023")]),
    Case("Long products output rose 3% to 5 mn t, while flat products fell 2% to 8mn t.",
         [F(value=5e6, commodity="long products"), F(value=8e6, commodity="flat products")]),
    Case("Steel pipe exports rose 12% to 300,000 t.", [F(value=300000, commodity="steel pipes")]),
    Case("Grain-oriented electrical steel imports rose 15% to 120,000 t.",
         [F(value=120000, commodity="grain-oriented electrical steel")]),
    Case("Ilmenite production was 1.2 million tonnes.", [F(value=1.2e6, commodity="ilmenite")]),
    Case("The country exported half a million tonnes of scrap in 2023.", [F(value=5e5, unit="t")]),
    Case("Output could reach one million tonnes by 2027.", [F(value=1e6, forecast=True)]),
    Case("The deficit is seen at 100,000-150,000 t in 2025.", [F(value=1e5, forecast=True)]),
    Case("Exports are estimated at 1.1-1.2 million tonnes for the year.", [F(value=1.1e6, period="2024")]),
    # finished steel; a series of the sentence's other half does not lend its commodity to this one's figure
    Case(("India's finished steel imports rose 38% to 8.3 MT in FY24.",
          "Consumption rose 13.6% to 136 MT, while crude steel output grew 12.9% to 144 MT."),
         [F(value=8.3e6, commodity="finished steel"), F(value=1.36e8, commodity="finished steel"),
          F(value=1.44e8, commodity="crude steel")]),
]

# Where a cargo is bound is the partner of the exporter's flow, and not where the next figures are.
DESTINATIONS = [
    Case("EU scrap exports totalled 17.9 million tonnes in 2023, of which Turkey took 12.8 million tonnes, or 72%.",
         [F(value=1.79e7, country="European Union", partner=None),
          F(value=1.28e7, metric="exports", country="European Union", partner="Turkey"),  # `of which Turkey took`
          F(value=72, metric="market_share", country="European Union", partner="Turkey")]),
    Case(
        ("Japan's ferrous scrap exports fell 5.3% to 7.38 million tonnes in 2023. Exports to South Korea dropped "
         "21% to 1.41 million tonnes. The average export price was JPY 58,900 per tonne."),
        [F(value=7.38e6, country="Japan"), F(value=1.41e6, country="Japan", partner="South Korea"),
         F(value=58900, unit="JPY/t", country="Japan", partner=None)],
    ),
    Case(
        "Australia shipped 71.2 Mt of iron ore in March, with 61.5 Mt bound for China, port data showed.",
        [F(value=7.12e7, metric="exports", country="Australia", partner=None),
         F(value=6.15e7, metric="exports", country="Australia", partner="China")],
    ),
    Case(
        "Brazil exported 30 million tonnes of iron ore in May, with 22 million tonnes destined for China.",
        [F(value=3e7, metric="exports", country="Brazil"),
         F(value=2.2e7, metric="exports", country="Brazil", partner="China")],
    ),
]

# Periods of price reports: a contract's month names the contract; `since May 2` looks back; a price
# with no date of its own is the report day's, unless its clause tells of another moment.
PRICE_PERIODS = [
    Case(
        "The most-traded July copper contract on the Shanghai Futures Exchange climbed 1.1% to 78,560 yuan a ton.",
        [F(value=78560, unit="CNY/t", period="2024-06")],
    ),
    Case("December aluminium futures rose 0.5% to $2,540 a ton.", [F(value=2540, period="2024-06")]),
    Case("Tokyo Steel lowered its list prices by ¥3,000/t to ¥122,000/t for October contracts.",
         [F(value=-3000, period="2024-10"), F(value=122000, period="2024-10")]),
    Case(
        "Copper was up 0.8% at $9,845 a ton, having touched its highest since May 2 at $9,870.",
        [F(value=9845, period="2024-06"), F(value=9870, period="2024-06")],
    ),
    # an exchange's contract `for October delivery` is named by its month; list prices for July deliveries are July's
    Case("Shanghai Futures Exchange rebar for October delivery rose 1.1% to 3,650 yuan ($503.31) a ton.",
         [F(value=3650, unit="CNY/t", change_pct=1.1, period="2024-06")]),
    Case("Mills raised list prices for July deliveries by 200 yuan to 4,100 yuan per tonne.",
         [F(value=200, unit="CNY/t", period="2024-07"), F(value=4100, unit="CNY/t", period="2024-07")]),
    # a change in yuan is no exchange rate of the yuan, and is a price as its level is
    Case("Rebar fell 30 yuan to 3,600 yuan a tonne.",
         [F(value=-30, unit="CNY/t", metric="price"), F(value=3600, unit="CNY/t", metric="price")]),
    Case("The yuan weakened 0.3% to 7.25 per dollar, while copper rose 1% to 78,000 yuan a tonne.",
         [F(value=78000, unit="CNY/t", change_pct=1)]),
    Case("LME nickel dropped 2.1% to $16,430 a tonne.", [F(value=16430, period="2024-06")]),
    Case("Prices averaged $2,300 a tonne in the last week of May.", [F(value=2300, period="2024-05")]),
    Case("Nickel prices fell to $16,430 a tonne.", [F(value=16430, period=None)], published=None),
    Case("After the second auction concluded at $2,240/dmt, prices rose.", [F(value=2240, period=None)]),
]

# Month ranges that name the year at both ends, as fiscal years are often spelt out.
MONTH_RANGES = [
    Case(
        "Japan's ferrous scrap exports in fiscal 2023 (April 2023-March 2024) fell 5.3% to 7.38 million tonnes.",
        [F(value=7.38e6, period="FY2023")],
    ),
    Case("Exports fell 5.3% to 7.38 million tonnes in October 2023 through March 2024.",
         [F(value=7.38e6, period="2023-10/2024-03")]),
    Case("Imports rose to 1.2 million tonnes in January-March 2024.", [F(value=1.2e6, period="2024-Q1")]),
]

# Governments by their capitals, and a body that levies for its country; the goods they target.
LEVIERS = [
    Case("Washington slapped a 25% tariff on Chinese steel in 2018.",
         [F(value=25, metric="tariff", country="United States", partner="China", period="2018")]),
    # the targeted goods may be named before the rate; a rate raised `from` one level `to` another is two levels,
    # the old one of the same series; a range of rates written `to` is one range
    Case("The US raised tariffs on Chinese EVs to 100%.",
         [F(value=100, metric="tariff", country="United States", partner="China")]),
    Case("The US raised tariffs on Chinese EVs from 25% to 100%.",
         [F(value=25, metric="tariff", country="United States", partner="China"),
          F(value=100, metric="tariff", country="United States", partner="China")]),
    Case("The EU imposed provisional anti-dumping duties of 17.4% to 36.6% on Chinese EV imports.",
         [F(value=17.4, value_max=36.6, metric="tariff", country="European Union", partner="China")]),
    Case("Capacity was raised from 200,000 t to 300,000 t.",
         [F(value=200000, value_max=None, unit="t/yr"), F(value=300000, unit="t/yr")]),  # guard
    Case("Primary aluminium output grew 3% to 4.2 million tonnes.", [F(value=4.2e6, change_pct=3)]),  # guard
    Case("Yields ranged from 5% to 7%.", [F(value=5, value_max=7)]),  # a range said to be one
    # a surtax is a tariff; goods from a list of countries have no one partner
    Case("Exporters face a 10% Indonesian import tax on their goods.",  # guard
         [F(value=10, metric="tariff", country="Indonesia")]),
    Case("Canada will impose a 25% surtax on steel and aluminium products from China from October 15.",
         [F(value=25, metric="tariff", country="Canada", partner="China")]),
    Case("Vietnam imposed anti-dumping duties of up to 27.83% on hot-rolled coil from China and India.",
         [F(value=27.83, metric="tariff", country="Vietnam", partner=None)]),
    Case("The European Commission imposed anti-dumping duties of up to 30.6% on Chinese tinplate.",
         [F(value=30.6, metric="tariff", country="European Union", partner="China", commodity="tinplate")]),
    Case("Indonesia imposed a 7.5% export tax on copper concentrate.",
         [F(value=7.5, metric="tariff", country="Indonesia", commodity="copper concentrate")]),
    Case("The government raised the export tax on nickel ore to 10%.", [F(value=10, metric="tariff")]),
    Case("The average price of rebar in Shanghai was 3,620 yuan/mt.",  # a market place names its country
         [F(value=3620, unit="CNY/t", country="China", commodity="rebar")]),
    Case("Beijing's imports of copper rose 5% to 480,000 tonnes in May.",
         [F(value=480000, metric="imports", country="China")]),
]

# A change by a portion takes its verb's direction; `a quarter of` stays a share.
PORTIONS = [
    # n-fold: n times as much, a rise of (n - 1) × 100%
    Case("Imports from Indonesia jumped nearly fivefold to 52,000 tons.", [F(value=52000, change_pct=400)]),
    Case("The company saw a ten-fold increase in lithium output to 10,000 tonnes.",
         [F(value=10000, change_pct=900)]),
    Case("Congolese cobalt exports slumped by a third to 20,000 tonnes in the three months to September.",
         [F(value=20000, change_pct=-33.3, period="2023-Q3")]),
    Case("Output rose by one third to 12,000 tonnes.", [F(value=12000, change_pct=33.3)]),
    Case("Prices fell by half in the first quarter.", [F(value=None, change_pct=-50, period="2024-Q1")]),
    Case("The plant cut output by a quarter of its capacity.", [F(value=25, unit="%")]),
]

# A quarter or half year named by the month it ends in.
SPANS_TO = [
    Case(("Copper output fell 4% to 722,800 tonnes in the first nine months.",  # `the period` of the paragraph before
          "Cobalt output rose 28% to 28,500 tonnes in the period."),
         [F(value=722800, period="2024-01/2024-09"), F(value=28500, period="2024-01/2024-09")],
         published=datetime(2024, 10, 31, tzinfo=UTC)),
    Case("Nickel output dropped 18% to 35,000 tonnes in the quarter ended September 30.",
         [F(value=35000, period="2023-Q3")]),
    Case("Sales rose 5% to 10,000 units in the quarter ending 31 December 2023.", [F(value=10000, period="2023-Q4")]),
    Case("Revenue was $2.1 billion in the half-year ended June 30, 2024.", [F(value=2.1e9, period="2024-H1")]),
    Case("Output totalled 2 million tonnes in the 12 months to March.", [F(value=2e6, period="FY2023")]),
    Case("Output was 1.1 million tonnes in the year to June 2024.", [F(value=1.1e6, period="2023-07/2024-06")]),
    Case("Sales were 4 million units in January-December 2023.", [F(value=4e6, period="2023")]),
    Case("Sales reached 50,000 units year to date.", [F(value=50000, period="2024-H1")]),
    # an undated post that reports a whole year as done is written after it: its `this year` is the next
    Case(("Chile's state-owned Codelco produced 1.325 million metric tons of copper in 2023.",
          "The company expects production to recover to 1.39 million-1.42 million tons this year.",
          "Output fell 2% last year to 1.2 million tons."),
         [F(value=1.325e6, period="2023"), F(value=1.39e6, period="2024", forecast=True),
          F(value=1.2e6, period="2023")], published=None),
    # an undated post's headline month takes the year its body reports on
    Case(("Japan's BEV sales fell 28% to 4,612 units in November 2024.",
          "BEVs accounted for 1.3% of all passenger car sales, down from 1.9% a year earlier.",
          "Imported EVs, led by Tesla and BYD, made up 45% of BEV sales, while Nissan's Sakura kei car sold 1,580 "
          "units.",
          "Hybrid vehicles, by contrast, continued to dominate with a 57.5% share of the market."),
         [F(value=4612, period="2024-11"), F(value=1.3), F(value=1.9, period="2023-11"), F(value=45), F(value=1580),
          F(value=57.5, period="2024-11")],
         title="Japan's EV Sales Slump in November", published=None),
    # an undated post on a fiscal year from April dates its year-less months inside that year
    Case(("India's finished steel imports rose 38% to 8.3 MT in FY24.",
          "In March alone, imports stood at 0.8 MT, while April-June exports rose 5%.",
          "Imports in December were 0.6 MT."),
         [F(value=8.3e6, period="FY2023"), F(value=8e5, period="2024-03"), F(change_pct=5, period="2023-Q2"),
          F(value=6e5, period="2023-12")], title="India's steel imports hit 7-year high in FY24", published=None),
    # `in the year` of a post on a fiscal year is that fiscal year
    Case(("Japan's crude steel production in fiscal 2023 fell 1.3% to 86.83 million tons.",
          "Nippon Steel, the country's largest steelmaker, produced 40.7 million tons in the year."),
         [F(value=8.683e7, period="FY2023"), F(value=4.07e7, period="FY2023")]),
    # Australian miners' half years by their last month; a season or split year written with a slash
    Case("Output in the December half rose 3% to 2 million tonnes.", [F(value=2e6, period="2023-H2")]),
    Case("Revenue for the June half-year 2024 was A$2 billion.", [F(value=2e9, unit="AUD", period="2024-H1")]),
    Case("Output was 900,000 tonnes in 2023/24.", [F(value=900000, period="2023/2024")]),
    # `from January to May` is the range reported on, not a base compared with
    Case("From January to May, China's cumulative imports of copper concentrate reached 11.9 million mt.",
         [F(value=1.19e7, period="2024-01/2024-05")]),
    # an undated post that states only a year compared with reports on the year after it
    Case(("Chile's copper production fell 4.1% in December from a year earlier to 480,400 metric tons.",
          "For the full year, output totalled 5.25 million tons, down 1.9% from 2022."),
         [F(value=480400, period="2023-12"), F(value=5.25e6, period="2023")], published=None),
    # `through`, as US and Japanese press write it; this year up to a named month
    Case("Nippon Steel expects a net profit of 400 billion yen in the fiscal year through March 2025.",
         [F(value=4e11, period="FY2024", forecast=True)]),
    Case("Sales rose 4% to 9,000 units in the quarter through September.", [F(value=9000, period="2023-Q3")]),
    Case("Prices have risen 20% to $500 a tonne this year through May.", [F(value=500, period="2024-01/2024-05")]),
    Case("Imports have risen 20% to 1.2 million tonnes so far this year to May.",
         [F(value=1.2e6, period="2024-01/2024-05")]),
    Case("Imports rose 20% to 1.2 million tonnes in the year to May.",
         [F(value=1.2e6, period="2023-06/2024-05")]),  # guard: the twelve months to May
    # a change in the present perfect or the present is a change too
    Case("Prices have risen 15% since the start of the year to $2,500 a tonne.",
         [F(value=2500, unit="USD/t", change_pct=15)]),
    Case("Imports have fallen 12% this year.", [F(value=None, change_pct=-12, period="2024")]),
]

# Series named by their wording: what a project will cost, what mines supply.
SERIES_WORDS = [
    Case("Sales of imported EVs climbed 21% to 2,104 units in August.",
         [F(value=2104, metric="sales", commodity="imported electric vehicles")]),  # `imported` names the goods
    Case("The project will cost an estimated $2.2 billion and produce 150,000 tonnes of copper cathode a year.",
         [F(value=2.2e9, metric="investment"), F(value=150000, unit="t/yr", metric="production")]),
    Case("Global mine supply of lithium is projected to reach 1.5 million tonnes in 2025.",
         [F(value=1.5e6, metric="production", forecast=True)]),
    Case("Total supply of platinum fell 3% to 7.1 million ounces.", [F(change_pct=-3, metric="other")]),
]

# A figure compared with another takes the comparison's direction, a counted noun between or not.
COMPARED = [
    # a base a month or a quarter back is the month or quarter before the report's own
    Case("Output was 2 Mt in May, up from 1.8 Mt in the previous month.",
         [F(value=2e6, period="2024-05"), F(value=1.8e6, period="2024-04")]),
    Case("Output was 2 Mt in January, up from 1.8 Mt a month earlier.",
         [F(value=2e6, period="2024-01"), F(value=1.8e6, period="2023-12")]),
    Case("Sales were 5 Mt in Q1, down from 6 Mt in the previous quarter.",
         [F(value=5e6, period="2024-Q1"), F(value=6e6, period="2023-Q4")]),
    Case("Sales were 5 Mt in 2023, down from 6 Mt in the previous quarter.",
         [F(value=5e6, period="2023"), F(value=6e6, period=None)]),  # guard: no quarter to step back from
    # the British `on` of a change, and `over` after a noun, name the base; `fell 3% over the first half` is during it
    Case("Revenue was $3.1 billion, up 8% on the same period of 2023.", [F(value=3.1e9, change_pct=8, period=None)]),
    Case("Sales were 3 Mt in 2023, a 5% increase over 2022.", [F(value=3e6, period="2023")]),
    Case("Exports fell 3% over the first half to 2 Mt.", [F(value=2e6, period="2024-H1")]),
    Case(("Antofagasta said its copper production fell 2.4% to 296,000 tonnes in the first half.",
          "Copper sales in the second quarter were 153,000 tonnes.",
          "Revenue for the half was $3.1 billion, up 8% on the same period of 2023."),
         [F(value=296000, period="2024-H1"), F(value=153000, period="2024-Q2"), F(value=3.1e9, period="2024-H1")],
         title="Antofagasta H1 2024 copper output falls", published=None),  # `the half`: the report's
    Case("U.S. apparent consumption of refined copper was 1.9 million tons, 3% less than that in 2022.",
         [F(value=1.9e6, change_pct=-3, period=None)]),
    Case("Sales fell to 500,000 units, 600,000 units less than a year earlier.",
         [F(value=500000, unit="units"), F(value=-600000, unit="units")]),
    # a year named as the base compared above or below is not the figure's; a compound rate runs over its span
    Case("Production totalled 500,000 t, some 20% above the 2022 figure.", [F(value=500000, period=None)]),
    Case("Consumption grew by a compound 5% a year between 2015 and 2023.",
         [F(value=None, change_pct=5, metric="consumption", period="2015/2023")]),
    Case("Prices rose by an average 4% in 2023.", [F(value=None, change_pct=4, period="2023")]),
    # a level `flat` on one basis and up on another: the level keeps no change, the second is a fact of its own
    Case("The miner exported 84.1 million tonnes in the quarter, flat on a year earlier but up 6 per cent on the "
         "previous quarter.", [F(value=8.41e7, change_pct=None), F(value=None, change_pct=6)]),
    Case("Prices were steady at $500 a tonne, up 2% on the week.", [F(value=500, change_pct=2)]),  # guard
    # `double the 190 tonnes`: a base compared with, of its own period and of the main figure's series
    Case(("Japan's imports of tungsten rose in 2024.",
          "Vietnam supplied 420 tonnes, more than double the 190 tonnes of the previous year, while Rwanda shipped "
          "150 tonnes."),
         [F(value=420, change_pct=100, partner="Vietnam", period="2024"),
          F(value=190, change_pct=None, partner="Vietnam", period="2023"),
          F(value=150, partner="Rwanda", period="2024")], published=None),
    Case("Exports rose to 300 tonnes in 2024, twice the 150 tonnes shipped in 2022.",
         [F(value=300, change_pct=100, period="2024"), F(value=150, period="2022")]),
    # a share in brackets after a supplier's figure is of the sentence's flow, not the world's
    Case(("Japan's imports of tungsten rose to 1,540 tonnes in 2024.",
          "China remained the largest supplier with 610 tonnes (39.6% share)."),
         [F(value=1540), F(value=610, country="Japan", partner="China"),
          F(value=39.6, metric="market_share", country="Japan", partner="China")], published=None),
    # a supplier's share is of the imports reported on, even when `share` stands alone; `ahead of` owns nothing
    Case(("South Korea's imports of nickel sulphate totalled 98,700 tonnes in 2024.",
          "Finland was the top supplier of nickel sulphate, with a 45% share, ahead of Belgium at 28%."),
         [F(value=98700), F(value=45, country="South Korea", partner="Finland"),
          F(value=28, country="South Korea", partner="Belgium")], published=None),
    # a share of the world's: no country, its holder the partner, and so for a share coordinated with it
    Case("Indonesia holds a 40% share of global nickel output.", [F(value=40, country=None, partner="Indonesia")]),
    Case("China accounts for 70% of rare earths mining globally and 90% of refined output.",
         [F(value=70, country=None, partner="China"), F(value=90, country=None, partner="China")]),
    Case("China's share of global refined copper output rose 2 percentage points to 45% in 2023.",
         [F(value=45, change_pp=2, country=None, partner="China")]),
    Case("Chile produces 24% of the world's copper and 30% of its lithium.",
         [F(value=24, commodity="copper", partner="Chile"), F(value=30, commodity="lithium", partner="Chile")]),
    Case("We expect Japan's imports from non-Chinese sources to exceed 60% of the total by 2026.",
         [F(value=60, country="Japan", partner=None)]),  # `non-Chinese` names no partner
]

# A change does not describe the figure of the clause that explains it.
CAUSES = [
    Case(
        "The association expects nickel demand to grow by around 9% in 2025, supported by new cathode plants with "
        "a combined capacity of 200,000 tonnes a year.",
        [F(value=None, change_pct=9, metric="demand"), F(value=200000, change_pct=None, metric="capacity")],
    ),
    Case("Output rose 5% to 1.2 million tonnes, driven by a new mine.", [F(value=1.2e6, change_pct=5)]),
]

# Company guidance: the figures it introduces are forecasts of the year; the actuals compared with it are not.
GUIDANCE = [
    # a figure given as a target's reason is no target; a second object of the aim is one
    Case("Goldman Sachs raised its 12-month copper price target to $12,000 a ton, citing a deficit of 429,000 tons "
         "this year.", [F(value=12000, metric="target"), F(value=429000, metric="other")]),
    Case("India aims to raise capacity to 300 Mt by 2030 from 180 Mt now, and output to 255 Mt.",
         [F(value=3e8, metric="target"), F(value=1.8e8, metric="capacity"), F(value=2.55e8, metric="target")]),
    Case("World copper mine production was estimated to have increased slightly to 22 million tons in 2023.",
         [F(value=2.2e7, forecast=False)]),  # an estimate of what was, not a forecast
    Case("Output is estimated to reach 25 million tons in 2025.", [F(value=2.5e7, forecast=True)]),
    # a miner's guidance in tonnes, with no other word for the series, is of its output
    Case("BHP cut its fiscal 2025 copper guidance to between 1,845,000 and 2,045,000 tonnes.",
         [F(value=1845000, value_max=2045000, metric="production", forecast=True)]),
    Case("Rio Tinto left its shipments guidance at 323mt.", [F(value=3.23e8, metric="shipments", forecast=True)]),
    Case("The miner lowered its capex guidance to $2 billion.", [F(value=2e9, metric="investment")]),  # guard
    # whose `FY24` it is, when the headline names neither country nor company: the first company the body names
    Case("Fortescue shipped 47.7 Mt of iron ore in Q3 FY24.", [F(value=4.77e7, period="2024-Q1")],
         title="Iron ore miners ship more"),  # Australia's July-June year
    Case("Hindalco's aluminium revenue for Q1 FY25 stood at Rs 8,231 crore.", [F(value=8.231e10, period="2024-Q2")],
         title="Aluminium makers report"),  # India's April-March year, named by its end
    Case("Teck Resources' copper output rose 5% to 100,000 t in Q1 FY24.", [F(value=100000, period="2024-Q2")],
         title="Miners report"),  # guard: Canada's government year is not its companies'
    # a revised forecast's old figure was a forecast too; an analyst `sees` what is to come
    Case("Goldman Sachs raised its 12-month copper price forecast to $12,000 a tonne from $10,000.",
         [F(value=12000, forecast=True), F(value=10000, forecast=True)]),
    Case("Vale cut its 2024 nickel production guidance to 160,000-175,000 tonnes from 175,000-190,000 tonnes.",
         [F(value=160000, forecast=True), F(value=175000, value_max=190000, forecast=True)]),
    Case("CRU sees China's steel demand falling 1% to 880 million tonnes next year.",
         [F(value=8.8e8, change_pct=-1, period="2025", forecast=True)]),
    # a bulleted list introduced as guidance is a list of forecasts; the paragraph after it is not
    Case(("Here is the current production guidance out to 2027:\n• 460,000 to 510,000 tonnes of zinc in 2025.\n"
          "• 410,000 to 460,000 tonnes of zinc in 2026.", "Zinc output was 150,000 tonnes in the first quarter."),
         [F(value=460000, period="2025", forecast=True), F(value=410000, period="2026", forecast=True),
          F(value=150000, forecast=False)]),
    Case("Output rose to 5 Mt from 4 Mt, the company said, and it raised its forecast.",
         [F(value=5e6, forecast=False), F(value=4e6, forecast=False)]),  # guard: the revision follows
    Case(
        "Glencore on Wednesday cut its full-year copper production guidance to 950,000-1,010,000 tonnes, after "
        "output in the first nine months fell 4% to 722,800 tonnes.",
        [F(value=950000, value_max=1010000, forecast=True, period="2024"),
         F(value=722800, change_pct=-4, forecast=False)],
    ),
    Case(
        "Zinc production was 644,000 tonnes for the year compared with guidance for between 645,000 and 685,000 "
        "tonnes.",
        [F(value=644000, forecast=False), F(value=645000, value_max=685000, forecast=True)],
    ),
    Case("CMOC expects output of 60,000-70,000 tonnes this year, more than double last year's 55,526 tonnes.",
         [F(value=60000, forecast=True, period="2024"), F(value=55526, forecast=False, period="2023")]),
    # a forecast's year-less quarter is the coming one
    Case("METI expects crude steel output in the October-December quarter to be 21.3 million tonnes.",
         [F(value=2.13e7, forecast=True, period="2024-Q4")]),
    Case("Crude steel output in the January-March quarter was 21.3 million tonnes.",
         [F(value=2.13e7, forecast=False, period="2024-Q1")]),
    Case("Red Dog is slated to produce between 520,000 and 570,000 tonnes of zinc in 2025.",
         [F(value=520000, forecast=True, period="2025")]),
]

# An appositive between commas describes the noun before it and names no series of the figure.
ASIDES = [
    # `MMG's Las Bambas produced`: the owner is the company, not the owner and its mine
    Case("MMG's Las Bambas produced 302,000 tonnes of copper in 2023, an increase of 20% from 2022.",
         [F(value=302000, company="MMG", period="2023")]),
    # a company named only by the explanation or by an aside on ownership does not own the figure
    Case("Peru's copper production rose 12.1% in March to 221,000 tonnes, boosted by higher output at Anglo "
         "American's Quellaveco mine.", [F(value=221000, company=None, country="Peru")]),
    Case("Output at Antamina, jointly owned by BHP and Glencore, fell 9% to 36,500 tonnes.",
         [F(value=36500, company=None)]),
    Case("Glencore's copper output fell 4% to 1 million tonnes.", [F(value=1e6, company="Glencore")]),  # guard
    Case(("Europe, Other produced 3.9 million tons, an increase of 22.5%.", "Russia produced 6.2 million tons."),
         [F(value=3.9e6, company=None), F(value=6.2e6, company=None)]),  # a region's label is no company
    Case("Imported EVs made up 45% of BEV sales, while Nissan's Sakura kei car sold 1,580 units.",
         [F(value=45, company=None), F(value=1580, company="Nissan")]),  # the other half's subject is its own
    Case(
        "Indonesia, the world's largest nickel producer, supplied 61,200 tonnes of nickel matte to South Korea, "
        "accounting for 62% of the total.",
        [F(value=61200, commodity="nickel matte"), F(value=62, metric="market_share", commodity="nickel matte")],
    ),
    Case("China's imports of bauxite, the raw material for aluminium production, rose 21% to 11.7 million tons.",
         [F(value=1.17e7, metric="imports", commodity="bauxite", country="China")]),
]

# The rest of the world: `outside China`, `ex-China`, `excluding China` name no country.
REST_OF_WORLD = [
    Case("Primary aluminium output outside China rose 2.9% to 2.36 million tonnes in May, the IAI said.",
         [F(value=2.36e6, country=None)]),
    Case("Ex-China demand for nickel rose 5% to 1 Mt.", [F(value=1e6, country=None, commodity="nickel")]),
    Case("Demand excluding China fell 2% to 500,000 t.", [F(value=500000, country=None)]),
    Case("China's imports of copper from countries other than Chile rose to 1 Mt.",
         [F(value=1e6, country="China", partner=None)]),
]

# Lists: numbers grouped in thousands that leave their unit to the last; changes listed after as many levels.
RESPECTIVE = [
    Case(("US steel imports fell 7.7% in April to 2.3 million net tons.",
          "Imports from Canada and Mexico totaled 554,000 and 392,000 net tons, respectively."),
         [F(value=2.3e6 * SHORT_TON), F(value=554000 * SHORT_TON, unit="t", partner="Canada"),
          F(value=392000 * SHORT_TON, unit="t", partner="Mexico")],
         title="US steel imports", published=None),
    Case("Year-to-date, total and finished steel imports were 9.6 million and 7.3 million net tons, up 7.3% and "
         "4.6%, respectively.",
         [F(value=9.6e6 * SHORT_TON, change_pct=7.3), F(value=7.3e6 * SHORT_TON, change_pct=4.6)]),
    Case("In 2023 and 2024, imports were 5,000 tonnes.", [F(value=5000)]),  # guard: years are no list of figures
]

# Trade statistics give a volume and a value, and a change of each: `in volume` is the tonnage's, `in value` the sum's.
VOLUME_AND_VALUE = [
    Case("Vietnam's steel exports in the first five months of 2024 reached 5.4 million tonnes, worth $3.6 billion, up "
         "37.6% in volume and 21% in value year on year.",
         [F(value=5.4e6, change_pct=37.6), F(value=3.6e9, unit="USD", change_pct=21)]),
    Case("China's exports were 2 Mt, worth $1 billion, up 5% by volume.",
         [F(value=2e6, change_pct=5), F(value=1e9, change_pct=None)]),
]

# Scales as headlines and Indian press shorten them; a million as a word; kilotonnes spelt out.
SCALES = [
    Case("The deal is worth $1.2B.", [F(value=1.2e9, unit="USD")]),
    Case("Revenue hit US$3.4b in 2023.", [F(value=3.4e9, unit="USD")]),
    Case("Stocks stood at 1.2m tonnes.", [F(value=1.2e6, unit="t")]),
    Case("The shaft is 5m deep and cost $85m.", [F(value=8.5e7, unit="USD")]),  # guard: metres are no figure
    Case("The plant cost Rs 2,000 cr.", [F(value=2e10, unit="INR")]),
    Case("Exports were 450 kilotonnes.", [F(value=450000, unit="t")]),
    Case("Japan's H2 scrap export price was ¥52,000/t FAS.", [F(value=52000, period="2024-06")]),  # a grade, no half
    Case("Indonesia's NPI output reached 135,000 mtNi in May, up 1.5% MoM.", [F(value=135000, unit="t")]),  # SMM
    Case("The mine will produce a million tonnes a year.", [F(value=1e6, unit="t/yr")]),
    Case("It is a million-dollar question.", []),  # guard
]

# Rises written as multiples in digits, a relative clause's holder, capacities by the month.
MULTIPLES = [
    Case("Imports from Canada rose 5-fold to 410 tons.", [F(value=410, change_pct=400)]),
    Case("Imports rose 2.4 times.", [F(change_pct=140)]),
    Case("It was 10 times the size of the 500 t plant.", [F(value=500, change_pct=None)]),  # guard: a comparison
    Case(("Japan's imports of unwrought cobalt rose by 18% in 2024 to about 2,940 tons.",
          "Finland remained the top supplier with 1,210 tons, up 9.5%, followed by Norway at 640 tons and Canada, "
          "whose shipments jumped 2.4 times to 410 tons."),
         [F(value=2940, country="Japan"), F(value=1210, partner="Finland"), F(value=640, partner="Norway"),
          F(value=410, change_pct=140, country="Japan", partner="Canada")],
         title="Japan's Cobalt Imports Rebound", published=None),
    Case(("Japan's imports of aluminium rose.",
          "Russia's share fell to 4% as imports from the country halved to 23,600 tons."),
         [F(value=4, partner="Russia"), F(value=23600, change_pct=-50, country="Japan", partner="Russia")],
         title="Japan imports", published=None),  # `from the country`: the one just named
    Case("It plans to raise capacity to 10,000 tons per month.", [F(value=120000, unit="t/yr")]),
    Case("The smelter has a capacity of 20,000 t/month.", [F(value=240000, unit="t/yr", metric="capacity")]),
    Case("Imports averaged 500,000 tonnes a month.", [F(value=500000, unit="t")]),  # guard: a flow stays a month's
]

# A metal moving to a sum is its price, with no word `price`; a company's or a sector's sums are not.
METAL_PRICES = [
    Case("Tin surged 5.6% to $33,500, the highest in two years.", [F(value=33500, unit="USD/t", metric="price")]),
    Case("Aluminium was the best performer, rising 3.4% on the week to $2,650.",
         [F(value=2650, unit="USD/t", metric="price")]),
    Case("Copper miners' profits rose to $5 billion.", [F(value=5e9, unit="USD", metric="other")]),  # guards
    Case("Lithium revenue rose to $2 billion.", [F(value=2e9, unit="USD", metric="sales")]),  # sales in money
    Case("Copper output costs rose to $5,000.", [F(value=5000, unit="USD", metric="other")]),
    Case(("Copper net cash unit costs were US$2.05 per pound.", "Adjusted EBITDA was C$1.8 billion."),
         [F(value=2.05, unit="USD/lb"), F(value=1.8e9, unit="CAD", metric="other")]),  # no price carried on
]

# A figure of a group is not of the examples the sentence gives of it.
EXAMPLES = [
    Case("Output of the 10 nonferrous metals, including copper, aluminium, lead and zinc, rose 7.4% to 6.65 million "
         "tonnes.", [F(value=6.65e6, commodity="nonferrous metals")]),
    Case("China's imports of copper, including cathode and rods, rose 5% to 500,000 t.",
         [F(value=500000, commodity="copper")]),
    Case("Imports of metals, including 3 Mt of copper and 2 Mt of zinc, rose.",
         [F(value=3e6, commodity="copper"), F(value=2e6, commodity="zinc")]),  # guard: each example's own figure
    Case("Exports of magnets, which use rare earths such as neodymium, rose 13% to 29,000 tonnes.",
         [F(value=29000, commodity="magnets")]),  # a description of the noun, and its one example
]

# Quotas: an import quota is imports, of the country whose quota it is; export and mining quotas are their own.
QUOTAS = [
    Case("The EU's safeguard quota for hot-rolled coil from India was 1.2 million tonnes for the quarter.",
         [F(value=1.2e6, metric="imports", country="European Union", partner="India")]),
    Case("The quota is 1.5mn t.", [F(value=1.5e6, metric="imports")]),  # no buyer named, still no `demand`
    Case("China's rare earth export quota for the first batch of 2024 is 135,000 tonnes.",
         [F(value=135000, metric="exports", country="China")]),
    Case("Indonesia approved nickel ore production quotas of 240 million tonnes for 2024.",
         [F(value=2.4e8, metric="production")]),  # a phrase's second word is no trigger of its own
    Case("Outbound shipments reached 5 Mt.", [F(value=5e6, metric="exports")]),
    Case(("Mine production reached 893 tonnes, the highest first quarter since 2000.",
          "Total gold supply increased 3% to 1,238 tonnes."),
         [F(value=893, metric="production"), F(value=1238, metric="other")]),  # a market's supply is no output
    Case("The government has approved RKAB quotas for 145 million tons of ore so far.",
         [F(value=1.45e8, metric="production")]),  # Indonesia's work-plan quotas are for mining
    Case("Domestic nickel ore prices (HPM) for 1.8% Ni ore were set at $38.56 per wmt for the first half of June.",
         [F(value=38.56, unit="USD/t", commodity="nickel ore", period="2024-06")]),  # June's first half is June's
    # the body that sets duties levies them; goods from a list of countries have no one partner
    Case("The European Commission set provisional anti-dumping duties of 10.3-43.5% on cold-rolled stainless steel "
         "from Vietnam and Taiwan.", [F(value=10.3, value_max=43.5, metric="tariff", country="European Union",
                                      partner=None)]),
    Case("The benchmark 62% Fe fines index fell 3.2% to $107.45/dmt CFR China on Monday.",
         [F(value=107.45, unit="USD/t", commodity="iron ore")]),
]

# Trade-press shorthands: quarters and halves with two-digit years, renminbi as Argus writes it.
SHORTHANDS = [
    Case("China's unwrought aluminium exports in 5M 2024 reached 2.1 million tonnes.",
         [F(value=2.1e6, period="2024-01/2024-05")]),  # the year's first five months
    Case("In 9M23, exports rose 4% to 12 million tonnes.", [F(value=1.2e7, period="2023-01/2023-09")]),
    Case("It sold 12M tonnes in 2023.", [F(value=1.2e7, period="2023")]),  # guard: a million, not months
    Case("Output rose to 1.1mn t in 1H24, from 0.95mn t in 2H23.",
         [F(value=1.1e6, period="2024-H1"), F(value=9.5e5, period="2023-H2")]),
    Case("Shipments reached 2.3mn t in 3Q24.", [F(value=2.3e6, period="2024-Q3")]),
    Case("Sales rose 4.5% to 280,000 t in Q3'24.", [F(value=280000, change_pct=4.5, period="2024-Q3")]),
    Case("Output rose to 1.1mn t in 1H 2024.", [F(value=1.1e6, period="2024-H1")]),
    Case("Chinese lithium carbonate prices fell to Rmb72,500/t.", [F(value=72500, unit="CNY/t", metric="price")]),
]


@pytest.mark.parametrize(
    "case",
    INDIAN_NUMBERS + PRICE_UNITS + YEAR_BETWEEN + SHARE_PRICES + DESTINATIONS + PRICE_PERIODS + MONTH_RANGES
    + LEVIERS + PORTIONS + SPANS_TO + SERIES_WORDS + GUIDANCE + ASIDES + SHORTHANDS + CAUSES + COMPARED + LISTS
    + VOCABULARY + CAPACITIES + GAPPED + MAY + HUBS + SPEECH + QUOTAS + EXAMPLES + REST_OF_WORLD + MULTIPLES
    + METAL_PRICES + RESPECTIVE + SCALES + VOLUME_AND_VALUE,
    ids=row_id,
)
def test_wire_case(case: Case) -> None:
    check(case)
