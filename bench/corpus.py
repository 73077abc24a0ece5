"""A synthetic metals-news archive of any size, as posts JSON Lines, for the speed benchmark.

Why synthetic: the speed figures need 10^4–10^6 posts whose term statistics look like a
real archive — a few words (copper, China, Japan, imports, prices) in a large share of
posts, a long tail of rarer commodities, companies and figures — so that one-word queries
are unselective and five-word queries selective, as they would be on the site. Sentences
are recombined from templates in the style of the seed page; the same seed always gives
the same file, byte for byte.

    .venv/bin/python bench/corpus.py 100000 --seed 1 --out /tmp/posts-100k.jsonl
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from datetime import date, timedelta
from pathlib import Path
from random import Random
from typing import TextIO

# (value, weight): weights give copper, China and Japan the reach they have on the real site.
COMMODITIES = [
    ("copper", 30), ("aluminium", 12), ("nickel", 10), ("zinc", 7), ("lithium carbonate", 8),
    ("lithium hydroxide", 5), ("iron ore", 12), ("steel", 14), ("stainless steel", 4), ("cobalt", 5),
    ("tin", 4), ("lead", 4), ("rare earths", 5), ("gallium", 2), ("germanium", 2), ("antimony", 2),
    ("tungsten", 2), ("molybdenum", 2), ("manganese", 2), ("graphite", 3), ("silver", 4), ("gold", 5),
    ("platinum", 2), ("palladium", 2), ("hot-rolled coil", 3), ("copper concentrate", 4),
    ("nickel sulphate", 2), ("alumina", 3), ("ferrochrome", 1), ("vanadium", 1), ("magnesium", 1),
    ("silicon metal", 1), ("uranium", 2), ("scrap steel", 3), ("copper cathode", 3), ("bauxite", 2),
]
COUNTRIES = [
    ("Japan", 20), ("China", 30), ("the U.S.", 12), ("Chile", 8), ("Peru", 5), ("Australia", 8),
    ("Indonesia", 7), ("India", 7), ("South Korea", 6), ("Germany", 4), ("Brazil", 4), ("Canada", 4),
    ("the Democratic Republic of Congo", 3), ("Russia", 3), ("South Africa", 3), ("Vietnam", 3),
    ("Taiwan", 3), ("Thailand", 2), ("Mexico", 2), ("Argentina", 2), ("the Philippines", 2),
    ("Kazakhstan", 1), ("Zambia", 2), ("Malaysia", 2), ("Turkey", 1), ("Saudi Arabia", 1), ("Mongolia", 1),
]
COMPANIES = [
    "BHP", "Rio Tinto", "Glencore", "Codelco", "Freeport-McMoRan", "Sumitomo Metal Mining",
    "Mitsubishi Materials", "JX Advanced Metals", "Antofagasta", "Vale", "Anglo American", "Albemarle",
    "SQM", "Tianqi Lithium", "Ganfeng Lithium", "Nippon Steel", "JFE Steel", "POSCO", "China Baowu",
    "ArcelorMittal", "Tata Steel", "Zijin Mining", "CMOC", "Nornickel", "Alcoa", "Rusal", "Norsk Hydro",
    "Teck Resources", "First Quantum", "Lundin Mining", "Mitsui & Co", "Marubeni", "Pilbara Minerals",
    "Tsingshan", "Jiangxi Copper", "Aurubis", "Boliden", "South32", "Lynas", "Umicore",
]
SOURCES = ["the finance ministry", "customs data", "the national statistics bureau", "industry associations",
           "the trade ministry", "preliminary figures", "the Japan Iron and Steel Federation",
           "the International Copper Study Group", "the World Bureau of Metal Statistics", "port data"]
UP = ["rose", "climbed", "increased", "edged up", "surged", "jumped", "rebounded", "grew"]
DOWN = ["fell", "dropped", "declined", "slipped", "plunged", "eased", "contracted", "slumped"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
UNITS = ["tons", "tonnes", "metric tons", "tons", "tonnes"]
DRIVERS = ["weaker demand from the automotive sector", "a slowdown in construction", "new U.S. tariffs",
           "supply disruptions at major mines", "a stronger dollar", "restocking by Chinese smelters",
           "rising energy costs", "sluggish electric vehicle sales", "export restrictions", "lower inventories",
           "strong demand from battery makers", "a recovery in manufacturing", "power rationing",
           "flooding at key operations", "falling treatment charges"]
LABEL_TOPICS = ["Trade", "Mining", "Prices", "Tariffs", "Steel", "Batteries", "Smelting", "Policy",
                "Supply Chain", "EV Market", "Production", "Exports", "Imports"]

TITLES = [
    "{Country}'s {C} Imports {Move} {pct1}% in {year}",
    "{C} Prices {Move} {pct2}% Amid {Driver}",
    "{company} {Guides} {C} Output for {year}",
    "{Country} {C} Exports {Move} to {qty1} {unit} in {month} {year}",
    "{Country} Weighs Support for {C} Industry After {pct3}% Tariff",
    "{C} Demand in {country} Under Pressure as {Driver} Bites",
    "{Country}'s {C} Shipments from {partner} {Move} in the {Quarter} Quarter",
    "{company} and {company2} Eye {C} Supply as {country} Tightens Rules",
]
HEADINGS = [
    "{C} Imports {Move} in {year}", "Impact on {country}'s {C} Market", "Outlook for {next}",
    "Shipments from {partner}", "{company} Production Update", "Price Trends and Market Drivers",
    "Policy Response in {country}", "Demand from the Automotive Sector", "A Shift in Supply Sources",
]
SENTENCES = {
    "trade": [
        "{Country}'s imports of {c} {move} by {pct1}% in {year}, with a total of approximately {qty1} {unit}, "
        "according to {source}.",
        "Imports from {partner}, the top supplier, {up} {pct2}% to about {qty2} {unit}.",
        "Exports of {c} from {country} to {partner} {down} {pct3}% year-on-year in {month}.",
        "Shipments from {partner2} {up} to {qty3} {unit}, a notable increase from the {qty4} {unit} recorded "
        "in {prev}.",
        "In the first {nmonths} months of {year}, {country} imported {qty1} {unit} of {c}, {pct4}% more or less "
        "in line with the pace of {prev}.",
        "{Partner} also experienced a decline in exports to {country}, falling by {pct4}%.",
        "Imports from {partner2} {down} {pct2}%, totaling around {qty2} {unit}, {source} showed.",
        "This represents a stark contrast to {prev}, when imports of {c} showed more consistent growth.",
    ],
    "production": [
        "{company} said its {c} output {move} {pct1}% to {qty1} {unit} in the {quarter} quarter of {year}.",
        "The company expects production of {qty2} {unit} in fiscal {year}, compared with {qty3} {unit} in {prev}.",
        "{company2} cut its {c} guidance for {year}, citing {driver}.",
        "Output at smelters in {country} {down} {pct2}% in {month} as {driver} weighed on operations.",
        "{company} plans to expand capacity at its {country} operations by {qty4} {unit} a year by {next}.",
        "Mine production of {c} in {partner} {up} {pct3}% in {year}, led by new projects run by {company2}.",
        "Maintenance at a major plant in {partner2} cut {c} output by {qty3} {unit} in {month}.",
        "{company2} reported that ore grades at its flagship mine {down} {pct4}% from {prev}.",
    ],
    "prices": [
        "{C} prices {move} {pct1}% to ${price} per ton on the London Metal Exchange in {month}.",
        "Analysts attributed the move to {driver}, while inventories in {country} {down} {pct2}%.",
        "Benchmark {c} prices in {country} averaged ${price} a ton in the {quarter} quarter, up {pct3}% "
        "quarter-on-quarter.",
        "Premiums for {c} delivered to {country} {down} to ${premium} per ton for shipments in {next}.",
        "On the Shanghai Futures Exchange, the most-traded {c} contract {up} {pct4}% in {month}.",
        "Stocks of {c} in exchange warehouses {down} to {qty3} {unit}, the lowest level since {prev}.",
        "Traders in {partner} said spot {c} prices {up} {pct2}% week-on-week on {driver}.",
        "The spread between {c} prices in {country} and {partner} widened to ${premium} a ton.",
    ],
    "policy": [
        "The government of {country} announced plans to support domestic {c} producers amid {driver}.",
        "Officials in {country} called a {pct3}% tariff imposed by {partner} on {c} imports regrettable.",
        "The ministry formed a task force to secure stable supplies of {c} and other critical minerals.",
        "{Country} is prioritizing support for its domestic industries over retaliation, according to {source}.",
        "{Partner} said it would restrict exports of {c} from {month}, citing national security.",
        "Subsidies for {c} processing in {country} will rise to {qty4} million dollars in {next}, officials said.",
        "Trade talks between {country} and {partner} on {c} tariffs are expected to resume in {month}.",
        "The new rules require importers in {country} to report {c} purchases above {qty3} {unit}.",
    ],
    "demand": [
        "Demand for {c} from the automotive industry in {country} {move} {pct1}% in {year} amid {driver}.",
        "Sales of passenger electric vehicles in {country} {up} {pct2}% in {month}, lifting consumption of {c}.",
        "Consumption of {c} by manufacturers in {partner} is expected to reach {qty1} {unit} in {next}.",
        "Market participants said {driver} would keep pressure on {c} markets through {next}.",
        "Battery makers in {partner2} bought {qty2} {unit} of {c} in the {quarter} quarter, {pct3}% of the total.",
        "Construction activity in {country} {down} {pct4}% in {month}, weighing on {c} demand.",
        "Fabricators in {country} reported orders {down} {pct2}% from a year earlier.",
        "Demand from the power grid sector in {partner} {up} {pct1}% in {year}, supporting {c} consumption.",
    ],
}
TOPIC_LABELS = {"trade": "Trade", "production": "Production", "prices": "Prices", "policy": "Policy",
                "demand": "Demand"}
QUARTERS = ["first", "second", "third", "fourth"]
FIRST_DAY, DAYS = date(2016, 1, 1), 3653  # ten years of publication dates


def _pool(weighted: list[tuple[str, int]]) -> list[str]:
    """Weighted draws become a plain `choice` over repeats: the fastest draw Random offers."""
    return [value for value, weight in weighted for _ in range(weight)]


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _label(country: str) -> str:
    return country.removeprefix("the ")


class Generator:
    """Draws one post at a time from a seeded Random, so the stream is reproducible."""

    def __init__(self, seed: int) -> None:
        self.seed = seed
        self.rng = Random(seed)
        self.commodities = _pool(COMMODITIES)
        self.countries = _pool(COUNTRIES)
        self.days = [(FIRST_DAY + timedelta(days=d)).isoformat() for d in range(DAYS)]
        self.topics = list(SENTENCES)
        self.titled = {c: c.title() for c, _ in COMMODITIES}

    def pick(self, seq: Sequence[str]) -> str:
        """`Random.choice` without its rejection sampling: a third of the generator's time saved."""
        return seq[int(self.rng.random() * len(seq))]

    def context(self) -> dict[str, str]:
        """One story's cast and figures; every sentence of the post draws on the same ones."""
        r, choice = self.rng.random, self.pick
        c, country, up_move = choice(self.commodities), choice(self.countries), r() < 0.5
        day = int(r() * DAYS)
        year = 2016 + day // 366
        return {
            "c": c, "C": self.titled[c], "country": country, "Country": _capital(country),
            "partner": (partner := choice(self.countries)), "partner2": choice(self.countries),
            "company": choice(COMPANIES), "company2": choice(COMPANIES), "source": choice(SOURCES),
            "up": choice(UP), "down": choice(DOWN), "move": choice(UP if up_move else DOWN),
            "Move": ("Rise", "Climb", "Surge", "Rebound")[int(r() * 4)] if up_move else
                    ("Fall", "Drop", "Slip", "Plunge")[int(r() * 4)],
            "Guides": "Raises" if up_move else "Cuts",
            "pct1": f"{r() * 60 + 0.5:.1f}", "pct2": f"{r() * 25 + 0.5:.1f}", "pct3": str(int(r() * 45) + 5),
            "qty1": f"{int(10 ** (3 + r() * 4)):,}", "qty2": f"{int(10 ** (2 + r() * 4)):,}",
            "qty3": f"{int(10 ** (2 + r() * 3)):,}", "qty4": f"{int(10 ** (1 + r() * 3)):,}",
            "pct4": f"{r() * 15 + 0.1:.1f}", "unit": choice(UNITS), "Partner": _capital(partner),
            "price": f"{int(800 + r() * 30000):,}", "premium": str(int(20 + r() * 300)),
            "year": str(year), "prev": str(year - 1), "next": str(year + 1), "month": choice(MONTHS),
            "quarter": (quarter := choice(QUARTERS)), "Quarter": quarter.title(),
            "nmonths": choice(("three", "six", "nine", "eleven")),
            "driver": (driver := choice(DRIVERS)), "Driver": driver.title(), "published": self.days[day],
        }

    def post(self, number: int) -> dict[str, object]:
        """Title, 3–4 sections (most under a heading), labels, a date within ten years."""
        ctx, rng = self.context(), self.rng
        topic = self.pick(self.topics)
        blocks: list[str] = []
        headings: list[str] = []
        for _ in range(3 + int(rng.random() * 2)):
            if rng.random() < 0.75:
                headings.append(self.pick(HEADINGS).format_map(ctx))
                blocks.append(headings[-1])
            pool = SENTENCES[topic if rng.random() < 0.6 else self.pick(self.topics)]
            blocks.append(" ".join(t.format_map(ctx) for t in rng.sample(pool, 2 + int(rng.random() * 3))))
        labels = [ctx["C"], _label(ctx["Country"]), TOPIC_LABELS[topic]][: 1 + int(rng.random() * 3)]
        return {
            "title": self.pick(TITLES).format_map(ctx), "body": "\n\n".join(blocks),
            "url": f"https://bench.metalnomist.example/{self.seed}/{number}",
            "published": f"{ctx['published']}T{int(rng.random() * 24):02d}:{int(rng.random() * 60):02d}:00+00:00",
            "labels": labels, "source": "Metalnomist benchmark corpus", "headings": headings,
        }


def posts(count: int, seed: int) -> Iterator[dict[str, object]]:
    generator = Generator(seed)
    for number in range(count):
        yield generator.post(number)


def write(count: int, seed: int, out: TextIO, progress: bool = False) -> None:
    """Streams in chunks, so a million posts never sit in memory at once."""
    encode = json.JSONEncoder(ensure_ascii=False, check_circular=False).encode
    chunk: list[str] = []
    bar = _bar(count) if progress else None
    for post in posts(count, seed):
        chunk.append(encode(post))
        if len(chunk) == 5000:
            out.write("\n".join(chunk) + "\n")
            chunk.clear()
            if bar is not None:
                bar.update(5000)
    if chunk:
        out.write("\n".join(chunk) + "\n")
    if bar is not None:
        bar.close()


def _bar(total: int):  # type: ignore[no-untyped-def]
    from tqdm import tqdm

    return tqdm(total=total, desc="generate", unit="post", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("count", type=int, help="how many posts")
    parser.add_argument("--seed", type=int, default=1, help="same seed, same file")
    parser.add_argument("--out", type=Path, help="posts JSON Lines file (default: standard output)")
    args = parser.parse_args(argv)
    if args.out is None:
        write(args.count, args.seed, sys.stdout)
        return 0
    with args.out.open("w", encoding="utf-8") as handle:
        write(args.count, args.seed, handle, progress=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
