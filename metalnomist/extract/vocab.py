"""Vocabularies kept as data (`data/*.tsv`) and the gazetteers built from them.

Editors extend coverage by adding rows, not code: every table is read here once, on first
use, and nothing is loaded at import time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import ahocorasick
import pycountry

METRICS: tuple[str, ...] = (
    "imports",
    "exports",
    "production",
    "sales",
    "shipments",
    "price",
    "capacity",
    "investment",
    "subsidy",
    "budget",
    "demand",
    "consumption",
    "inventory",
    "market_share",
    "tariff",
    "target",
    "other",
)
CHANGE_BASES: tuple[str, ...] = ("y/y", "m/m", "q/q")
VOCABULARIES: dict[str, tuple[str, ...]] = {"metric": METRICS, "change_basis": CHANGE_BASES}

# pycountry names that are also common words or first names in English news text.
_AMBIGUOUS_COUNTRY_NAMES = frozenset({"Jordan", "Chad", "Georgia", "Niger", "Guinea", "Dominica", "Jersey", "Man"})


# What a country levies on goods crossing its border (duties, surtaxes, export or import taxes; not a company's
# taxes), as a regex: what marks a percent as a tariff, and a country before it as its levier.
LEVY = (r"(?:(?:counter-?)?tariffs?|dut(?:y|ies|iable)|levy|levies|sur(?:tax(?:es)?|charges?)"
        r"|(?:export|import)\s+tax(?:es)?|(?:anti-?)?dumping\s+margins?|cash\s+deposits?)")  # a margin: a firm's duty
GUIDANCE = re.compile(r"\bguidance\b", re.I)  # a company's forecast, for the figures it introduces


def read_table(name: str) -> list[list[str]]:
    """Rows of a TSV data file, comments and blank lines skipped."""
    text = resources.files("metalnomist.extract").joinpath("data", name).read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append([cell.strip() for cell in line.split("\t")])
    return rows


@dataclass(frozen=True)
class Mention:
    """A gazetteer hit: where it is in the text and what it names."""

    start: int
    end: int
    canonical: str
    kind: str = ""


class Gazetteer:
    """Aho–Corasick over aliases; whole words only, longest hit wins where hits overlap."""

    def __init__(self, entries: list[tuple[str, str, str]], case_sensitive: bool) -> None:
        self._case_sensitive = case_sensitive
        self._automaton = ahocorasick.Automaton()
        for alias, canonical, kind in entries:
            key = alias if case_sensitive else alias.lower()
            self._automaton.add_word(key, (len(key), canonical, kind))
        if entries:
            self._automaton.make_automaton()
        self._empty = not entries

    def find(self, text: str) -> list[Mention]:
        if self._empty:
            return []
        haystack = text if self._case_sensitive else text.lower()
        hits = []
        for end, (length, canonical, kind) in self._automaton.iter(haystack):
            start = end - length + 1
            if _is_word_boundary(haystack, start, end + 1):
                hits.append(Mention(start, end + 1, canonical, kind))
        return _longest_non_overlapping(hits)


def _is_word_boundary(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not before.isalnum() and not (after.isalnum() and text[end - 1].isalnum())


def _longest_non_overlapping(hits: list[Mention]) -> list[Mention]:
    chosen: list[Mention] = []
    for hit in sorted(hits, key=lambda m: (-(m.end - m.start), m.start)):
        if all(hit.end <= c.start or hit.start >= c.end for c in chosen):
            chosen.append(hit)
    return sorted(chosen, key=lambda m: m.start)


@lru_cache(maxsize=1)
def countries() -> Gazetteer:
    """pycountry names plus the short names and demonyms reporters write."""
    entries = [(row[0], row[1], "country") for row in read_table("countries.tsv")]
    known = {alias for alias, _, _ in entries}
    for country in pycountry.countries:
        short = getattr(country, "common_name", None) or country.name
        for name in {country.name, short}:
            if name not in known and name not in _AMBIGUOUS_COUNTRY_NAMES and "," not in name:
                entries.append((name, short, "country"))
    # a lead set in capitals (`THE PHILIPPINES' nickel ore production fell`); short names stay as written (`US`)
    known = {alias for alias, _, _ in entries}
    entries += [(alias.upper(), canonical, kind) for alias, canonical, kind in entries
                if len(alias) >= 5 and not alias.isupper() and alias.upper() not in known]
    return Gazetteer(entries, case_sensitive=True)


@lru_cache(maxsize=1)
def international_bodies() -> frozenset[str]:
    """Agencies whose statistics are world figures (worldsteel, WGC, ICSG): a '-' country in the table."""
    return frozenset(
        canonical for _, canonical, kind, country in _organisation_rows() if kind == "agency" and country == "-"
    )


@lru_cache(maxsize=1)
def sites() -> Gazetteer:
    """Mines, projects and smelters, each with the country it is in (data/mines.tsv)."""
    return Gazetteer([(row[0], row[1], "site") for row in read_table("mines.tsv")], case_sensitive=True)


def _organisation_rows() -> list[tuple[str, str, str, str]]:
    """(alias, canonical, kind, country): agencies and exchanges, then companies."""
    rows = [(r[0], r[1], r[2], r[3] if len(r) > 3 else "-") for r in read_table("organisations.tsv")]
    rows += [(r[0], r[1], "company", r[2] if len(r) > 2 else "-") for r in read_table("companies.tsv")]
    return rows


@lru_cache(maxsize=1)
def organisations() -> tuple[Gazetteer, Gazetteer]:
    """(case-sensitive, case-insensitive): abbreviations must keep their capitals."""
    sensitive: list[tuple[str, str, str]] = []
    insensitive: list[tuple[str, str, str]] = []
    for alias, canonical, kind, _ in _organisation_rows():
        target = sensitive if alias[:1].isupper() else insensitive
        target.append((alias, canonical, kind))
    return Gazetteer(sensitive, case_sensitive=True), Gazetteer(insensitive, case_sensitive=False)


@lru_cache(maxsize=1)
def currency_homes() -> dict[str, str]:
    """National currencies and their countries: a price in one is that country's market's."""
    return {row[0]: row[1] for row in read_table("currency_homes.tsv")}


@lru_cache(maxsize=1)
def local_dollars() -> dict[str, str]:
    """Countries whose exchanges quote in their own dollar, and its code."""
    return {row[0]: row[1] for row in read_table("local_dollars.tsv")}


@lru_cache(maxsize=1)
def headquarters() -> dict[str, str]:
    """Cities and states a company is said to be based in (`the Vancouver-based miner`), and their country."""
    return {row[0]: row[1] for row in read_table("headquarters.tsv")}


@lru_cache(maxsize=1)
def organisation_countries() -> dict[str, str]:
    """Canonical name → the country whose statistics an agency publishes, or a company's home;
    international bodies, exchanges and multinationals are absent."""
    return {canonical: country for _, canonical, _, country in _organisation_rows() if country != "-"}


@lru_cache(maxsize=1)
def organisation_names() -> frozenset[str]:
    return frozenset(canonical for _, canonical, _, _ in _organisation_rows())


NO_COMMODITY = "-"  # `goods`, `mining output`: an explicit all-goods figure, which must not inherit a commodity
# What plants run on (`Smelters used about 12,000 GWh of electricity`): a figure of its own, never the subject the
# sentences after it carry on
INPUTS = frozenset({"electricity"})


@lru_cache(maxsize=1)
def commodities() -> Gazetteer:
    return Gazetteer([(row[0], row[1], "commodity") for row in read_table("commodities.tsv")], case_sensitive=False)


@lru_cache(maxsize=1)
def _families() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for product, family, *_ in read_table("commodity_families.tsv"):
        out.setdefault(family, []).append(product)
    return out


def commodity_family(name: str) -> tuple[str, ...]:
    """The names a commodity filter finds: the name as the extractor writes it (`aluminum` →
    `aluminium`) and the products of its family (`lithium` → spodumene, lepidolite …); each
    also matches as a word of a longer name (`lithium carbonate`)."""
    written = name.strip().lower()
    found = commodities().find(written)
    canonical = found[0].canonical if len(found) == 1 and found[0].end - found[0].start == len(written) else written
    return tuple(dict.fromkeys([canonical, written, *_families().get(canonical, [])]))


def _alternation(rows: list[list[str]]) -> str:
    return "|".join(f"(?:{row[0]})" for row in sorted(rows, key=lambda r: -len(r[0])))


@lru_cache(maxsize=1)
def commodity_affixes() -> tuple[re.Pattern[str], dict[str, str], re.Pattern[str], dict[str, str]]:
    """Modifiers (`primary`, `eaf`) and suffixes (`ore`, `scrap`) that narrow a commodity."""
    mods, sufs = read_table("commodity_modifiers.tsv"), read_table("commodity_suffixes.tsv")
    mod_re = re.compile(rf"(?:^|(?<=[\s(]))({_alternation(mods)})[\s-]+$")
    suf_re = re.compile(rf"^[\s-]+({_alternation(sufs)})\b(?:\s+and\s+({_alternation(sufs)})\b)?")
    return mod_re, _canon_map(mods), suf_re, _canon_map(sufs)


def _canon_map(rows: list[list[str]]) -> dict[str, str]:
    return {row[0]: row[1] for row in rows}


def affix_canonical(table: dict[str, str], written: str) -> str:
    """Map a written modifier or suffix to its canonical form through the regex table."""
    for pattern, canonical in table.items():
        if re.fullmatch(pattern, written):
            return canonical
    return written


class TriggerTable:
    """Metric trigger words, matched word by word with a memo: a sentence costs a dict lookup a word.

    Rows whose pattern has a space (`market share`, `aims to`) match their first word as a
    pattern and the rest literally."""

    _WORD = re.compile(r"[A-Za-z][A-Za-z-]*")

    def __init__(self, rows: list[list[str]]) -> None:
        self._single = [(re.compile(rf"(?:{r[0]})", re.I), r[1]) for r in rows if " " not in r[0]]
        self._multi = [
            (re.compile(rf"(?:{r[0].split(' ', 1)[0]})", re.I), r[0].split(" ", 1)[1].lower(), r[1])
            for r in rows
            if " " in r[0]
        ]
        self._memo: dict[str, str | None] = {}
        self._multi_memo: dict[str, list[tuple[str, str]]] = {}

    def _multi_of(self, word: str) -> list[tuple[str, str]]:
        if word not in self._multi_memo:
            phrases = [(rest, metric) for first, rest, metric in self._multi if first.fullmatch(word)]
            self._multi_memo[word] = sorted(phrases, key=lambda phrase: -len(phrase[0]))  # stable: table order on ties
        return self._multi_memo[word]

    def _metric_of(self, word: str) -> str | None:
        if word not in self._memo:
            self._memo[word] = next((metric for pattern, metric in self._single if pattern.fullmatch(word)), None)
        return self._memo[word]

    def find(self, text: str) -> list[tuple[int, int, str]]:
        out: list[tuple[int, int, str]] = []
        for m in self._WORD.finditer(text):
            if out and m.start() < out[-1][1]:
                continue  # a later word of a phrase matched (`outbound shipments`): not a trigger of its own
            word = m.group().lower()
            multi = next(  # the longest phrase first: `capital expenditure budget`, not `capital expenditure`
                (
                    (rest, metric)
                    for rest, metric in self._multi_of(word)
                    if text[m.end() : m.end() + len(rest) + 1].lower() == " " + rest
                ),
                None,
            )
            if multi:
                out.append((m.start(), m.end() + len(multi[0]) + 1, multi[1]))
                continue
            metric = self._metric_of(word)
            if metric:
                out.append((m.start(), m.end(), metric))
        return out


@lru_cache(maxsize=1)
def metric_triggers() -> TriggerTable:
    return TriggerTable(read_table("metrics.tsv"))
