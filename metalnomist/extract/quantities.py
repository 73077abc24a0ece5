"""Find the quantities of a sentence: `8.1mn tonnes`, `$102.20/t`, `40–50pc`, `one-third`, `doubled`.

A quantity is only a number with a unit, a currency or a percent sign: bare numbers are
dates, ordinals, counts of months or years, and never market figures.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Literal

from metalnomist.extract.backward import ending
from metalnomist.extract.numbers import DIGITS, FRACTIONS, MULTIPLIERS, WORD_NUMBERS, parse_number, tidy
from metalnomist.extract.units import canonical_unit, currency, scale_factor, tables
from metalnomist.months import MONTH_WORDS

_PER_MASS = {
    "t": "t",
    "tonne": "t",
    "ton": "t",
    "mt": "t",
    "metric ton": "t",
    "metric tonne": "t",
    "dmt": "t",
    "wmt": "t",
    "kg": "kg",
    "kilo": "kg",
    "kilogram": "kg",
    "g": "g",
    "gram": "g",
    "lb": "lb",
    "pound": "lb",
    "oz": "oz",
    "ounce": "oz",
    "troy ounce": "oz",
    "st": "st",  # the US short (net) ton of 2,000 lb: a price per short ton is kept per short ton, as per pound
    "nt": "st",
    "short ton": "st",
    "net ton": "st",
}
_PER_ENERGY = {"kwh": "kWh", "mwh": "MWh", "kilowatt hour": "kWh", "kilowatt-hour": "kWh", "megawatt hour": "MWh",
               "megawatt-hour": "MWh"}
# Tungsten and other ore concentrates are priced per metric tonne unit (10 kg of the contained oxide).
_PER_TONNE_UNIT = {"mtu", "dmtu", "metric tonne unit", "dry metric tonne unit", "metric ton unit",
                   "dry metric ton unit"}
_TON_KIND = re.compile(r"^(?:wet|dry|gross|long) ")  # tons of any kind are tons, as `tons` are (short ones aside)
# `$2.05 per share`: earnings, dividends; `28 million pesos ($30,000) per worker`: a bonus
_PER_ITEM = {"unit", "ev", "vehicle", "car", "head", "share", "worker", "member", "employee"}
# `mt` is metric tonnes after thousands (`306,528 mt`) but million tonnes after a small number
# (`20.75 mt`, `143 MT`): nobody reports a country's or miner's volume in hundreds of tonnes this way.
_MEGATONNES = re.compile(r"mt|MT")
_PER_YEAR = {"yr", "year", "annum", "y"}
_METALS = "gold|copper|silver|nickel|zinc|PGM"
_BOUNDS = (
    (r"over|more than|above|exceed(?:ed|ing|s)?|in excess of|upwards of", "over"),
    (r"at least", "at_least"),
    (r"up to|as much as|as many as|as high as", "up_to"),
    (
        r"nearly|almost|about|around|approximately|roughly|some|close to|an estimated|just over|"
        r"just under|an? approximate",
        "about",
    ),
    (r"under|below|less than|fewer than", "under"),
)
_BOUND_RE = [(re.compile(rf"\b(?:{words})\s+$", re.IGNORECASE), name) for words, name in _BOUNDS]
_ANNUAL_AFTER = re.compile(  # `72,000 tonnes of nickel in mixed hydroxide precipitate (MHP) per annum`
    r"^(?:[^,.;()]|\([A-Z]{2,6}\)){0,60}?\b(annually|per[- ]year|a[- ]year(?![\s-]+(?:earlier|ago|before))|per annum"
    r"|each year|yearly)\b",
    re.IGNORECASE,
)
_ANNUAL_BEFORE = ending(r"\bannual\s+(?:\w+\s+){0,3}$", re.IGNORECASE)


# A figure written in digits, a fraction of a total (`one-third of`), a multiplier (`doubled`), or a
# change by a portion (`slumped by a third`: its direction is the verb's).
Kind = Literal["number", "fraction", "multiplier", "portion"]


@dataclass(frozen=True)
class Quantity:
    """A figure as written: span in the sentence, scaled value and canonical unit."""

    start: int
    end: int
    value: float
    value_max: float | None
    unit: str
    kind: Kind = "number"
    sign: int | None = None
    bound: str | None = None
    per_year: bool = False
    per_month: bool = False  # `10,000 tons a month`: a rate, twelve times that a year

    @property
    def is_money(self) -> bool:
        return self.unit[:3].isupper() and self.unit[:3].isalpha()


_NUMBER_WORD = re.compile(r"\b(?:" + "|".join(w for w in WORD_NUMBERS if len(w) > 2) + r")\b", re.I)
_DIGIT_OR_WORD = re.compile(rf"\d|{_NUMBER_WORD.pattern}", re.I)
_DIGIT = re.compile(r"\d")


@lru_cache(maxsize=1)
def _quantity_re() -> re.Pattern[str]:
    t = tables()
    cur, cursuf, scale = t.currency_prefix_re.pattern, t.currency_suffix_re.pattern, t.scale_re.pattern
    words = "|".join(w for w in WORD_NUMBERS if len(w) > 2)
    number = rf"(?:{DIGITS}|(?i:\b(?:{words})\b))"
    per = (
        r"(?:/\s?|\s?per\s|-per-|\s?an?\s)"  # `-per-`: `a 300,000-tonne-per-year smelter`
        # what miners count their costs by: `per payable pound`, `per gold equivalent ounce`, `/4Eoz` (a PGM basket)
        rf"(?:(?:payable|attributable|equivalent|refined|recovered|PGM|PGE|(?:{_METALS})[- ]equivalent)\s+"
        r"|[2-8]E\s?){0,3}"
        r"(?P<per>(?:dry )?metric ton(?:ne)? units?|d?mtu|t|st|nt|"
        r"(?:(?:wet|dry) )?(?:metric |gross |short |net |long )?(?:tonnes?|tons?)|mt|[dw]mt|"
        r"kg|kilo(?:gram)?s?|lb|pounds?|oz|(?:troy )?ounces?|"
        r"(?:10\s?)?(?:grams?|g)|"  # India quotes gold per 10 grams
        r"units?|EVs?|vehicles?|cars?|shares?|workers?|members?|employees?|"
        r"[kM]Wh|(?:kilo|mega)watt[- ]hours?|yr|year|annum|y|day)\b"
        r"(?![\s-]+(?:earlier|ago|before|later)\b)"
    )
    return re.compile(
        rf"(?P<sign>(?<![\w\d.,])[+\-−](?=\d)|(?<=\bto |\bat )[\-−](?=[$€£¥]\d))?"  # `fell to -$21.27/mt`
        rf"(?:(?P<cur>{cur})\s?)?(?P<num>{number})"
        rf"(?:\s?(?P<scale0>{scale})(?=\s?(?:–|—|-|to|and)\s?(?:{cur})?\s?\d))?"
        rf"(?:\s?(?P<unit0>{t.unit_re.pattern})(?=\s?(?:–|—|-|and)\s?\d|\s?to\s?[\d.,]+\s?(?P=unit0)))?"
        rf"(?:\s?(?P<dash>–|—|-|to|and)\s?(?:{cur})?\s?(?P<num2>{DIGITS}))?"
        rf"(?:[\s-]?(?P<scale>{scale})|(?<=\d)(?P<m>m|b|B)(?![A-Za-z])|(?<=\d)(?P<km>[KM])(?![A-Za-z]))?"
        rf"(?:\s?(?P<cursuf>{cursuf}))?"
        rf"(?:(?:\s?|-)(?P<unit>{t.unit_re.pattern}))?"
        rf"(?:{_CONVERTED})?"  # `1,080 euros ($1,120) a tonne`: the bracketed conversion before the mass priced
        rf"(?:{per})?",
    )


# A bracketed conversion between a price and its mass (`($1,120)`) or the worker a bonus is paid (`($30,000) per
# worker`), read only when the mass or worker follows it
_CONVERTED = (r"\s?\((?:about\s|around\s|roughly\s|some\s|nearly\s)?(?:[A-Z]{0,3}[$€£¥]|[A-Z]{3}\s?)\s?[\d.,]+"
              r"\s?(?:[mb]n|million|billion)?\)"
              r"(?=\s?(?:/|per\s|an?\s)\s?(?:(?:metric\s)?(?:tonnes?|tons?)|t|kg|lb|pounds?|oz|ounces?"
              r"|workers?|members?|employees?)\b)")


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity in `text` (quotes folded), in order, conversions in brackets dropped."""
    found: list[Quantity] = []
    # most sentences spell no number: their figures are found by their digits alone
    start = _DIGIT_OR_WORD if _NUMBER_WORD.search(text) else _DIGIT
    if not start.search(text):
        return _verbal(text) + _zeros([], text)
    pattern, position = _quantity_re(), 0
    # a figure starts at most a sign, a currency, a space and a point before its first digit or number word:
    # the big pattern is tried from there, not at every letter before it
    reach = tables().currency_prefix_chars + 3
    while ((number := start.search(text, position)) is not None
           and (match := pattern.search(text, max(position, number.start() - reach))) is not None):
        quantity = _build(match, text)
        position = match.end()  # a figure always has digits or a number word: never an empty match
        if quantity is not None:
            found.append(quantity)
            position = min(position, quantity.end)  # `5 t and 10 t` joined two figures: read on after the first
        elif match.group("dash"):
            position = match.end("dash")  # `in 2024 and 5.7 million tonnes`: the year is no figure, the rest may be
    found.extend(_verbal(text))
    found.sort(key=lambda q: q.start)
    found = _joined_ranges(_drop_conversions(_drop_grades(found, text), text), text)
    return sorted(found + _elided(found, text) + _listed(found, text) + _zeros(found, text), key=lambda q: q.start)


# `exports to the United States fell to zero`: a flow that stopped is a level of nothing (not `close to zero`)
_TO_ZERO = re.compile(r"\b(?:fell|fallen|falling|dropped|dropping|plunged|plunging|plummeted|slumped|sank|declined"
                      r"|shrank|down|cut|reduced)\s+to\s+(zero|nil)\b", re.I)


def _zeros(found: list[Quantity], text: str) -> list[Quantity]:
    """Levels fallen to zero, in the unit of the nearest figure beside them, else in tonnes."""
    if "zero" not in text and "nil" not in text:
        return []
    out = []
    beside = [q for q in found if q.kind == "number" and q.unit != "%"]
    for m in _TO_ZERO.finditer(text):
        near = min(beside, key=lambda q: abs(q.start - m.start(1)), default=None)
        out.append(Quantity(m.start(1), m.end(1), 0.0, None, near.unit if near else "t"))
    return out


_RANGE_JOIN = re.compile(r"\s*(?:to|-|–)\s*")
# `at a cost of A$300/t to A$350/t`, `expected at $1.90/lb to $2.10/lb`, `bids ranged from ¥49,600/t to ¥50,150/t`;
# not a move (`rose from $300/t to $350/t`, `cut by Rs 500 per tonne to Rs 5,550`)
_RANGE_BEFORE = re.compile(r"\b(?:at|of|was|were|is|are|be|between|(?:rang|var)(?:e|es|ed|ing|y|ies|ied|ying)\s+from)"
                           r"\s+(?:about\s+|around\s+|some\s+)?$", re.I)


def _joined_ranges(found: list[Quantity], text: str) -> list[Quantity]:
    """`A$300/t to A$350/t`: two prices written whole, one to the other, are one range."""
    out: list[Quantity] = []
    for q in found:
        last = out[-1] if out else None
        if (last is not None and "/" in q.unit and last.unit == q.unit and last.value_max is None
                and q.value_max is None and q.value > last.value and _RANGE_JOIN.fullmatch(text, last.end, q.start)
                and _RANGE_BEFORE.search(text, 0, last.start)):
            out[-1] = replace(last, end=q.end, value_max=q.value)
            continue
        out.append(q)
    return out


@lru_cache(maxsize=1)
def _scaled_re() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A number with a scale word, or grouped in thousands, with nothing after it but list material up to the next
    figure (`554,000 and 392,000 net tons`), and that material."""
    scale = tables().scale_re.pattern
    scaled = re.compile(rf"(?<![\w.,$€£¥])(?:(?P<num>{DIGITS})\s?(?P<scale>{scale})"
                        rf"|(?P<grouped>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?)(?=\s*(?:,|\band\b|&)))")
    between = re.compile(rf"(?:\s*(?:,|\band\b|&)\s*(?:(?:{DIGITS})\s?(?:{scale})?)?)+\s*")
    return scaled, between


def _listed(found: list[Quantity], text: str) -> list[Quantity]:
    """`5 million, 3 million and 1 million tonnes`: figures listed before the one that writes the unit take it."""
    scaled, between = _scaled_re()
    out: list[Quantity] = []
    for m in scaled.finditer(text):
        if any(q.start <= m.start() < q.end for q in found):
            continue
        last = next((q for q in found if q.start >= m.end()), None)
        if (last is None or last.kind != "number" or last.unit == "%" or last.is_money
                or not between.fullmatch(text, m.end(), last.start)):
            continue  # money writes its currency on each figure: `2 million and $3 billion` are not one list
        written = _quantity_re().match(text, last.start)
        factor = canonical_unit(written.group("unit"))[1] if written and written.group("unit") else 1.0
        scaled_by = scale_factor(m.group("scale")) if m.group("scale") else 1.0
        value = parse_number(m.group("num") or m.group("grouped")) * scaled_by * factor
        out.append(Quantity(m.start(), m.end(), tidy(value), None, last.unit, per_year=last.per_year))
    return out


# `419,539 tons in 2023, up 51% from 276,992 in 2022`: a base compared against, its unit written once.
_COMPARED = re.compile(r"\b(?:from|compared (?:with|to)|against|versus|vs\.?)\s+(?=\d)", re.I)
_MONTH_JUST_BEFORE = re.compile(rf"\b(?:{'|'.join(MONTH_WORDS)})\.?\s+$")
_NOT_AMOUNT = re.compile(rf"(?:19|20)\d\d\b(?!,\d)|\d+\s*(?:{'|'.join(MONTH_WORDS)})\b|\d+(?:st|nd|rd|th)\b", re.I)
_CLAUSE_GAP = 80  # characters between the figure and its base, no sentence break between
# `from 240 million wmt, after approving work plans from 27 companies`: a count of other things, no base
_COUNTED_AFTER = re.compile(r"\s+(?!(?:tonnes|tons|units|ounces|pounds|barrels|years|months|days|weeks)\b)[a-z]{3,}s\b")


def _elided(found: list[Quantity], text: str) -> list[Quantity]:
    """Bases written without their unit after a figure that has one: they take its unit (and its scale
    when they write none). Years, dates and percentages are no such base."""
    out: list[Quantity] = []
    for compared in _COMPARED.finditer(text):
        at = compared.end()
        if any(q.start <= at < q.end for q in found) or _NOT_AMOUNT.match(text, at):
            continue
        figure = next((q for q in reversed(found) if q.end <= compared.start() and q.kind == "number"
                       and q.unit != "%"), None)
        match = _quantity_re().match(text, at)
        if (figure is None or match is None or compared.start() - figure.end > _CLAUSE_GAP
                or re.search(r"[;.!?]\s", text[figure.end : compared.start()])
                or _unit_of(match, text)[0] is not None or match.group("num2") or match.group("cur")
                or _COUNTED_AFTER.match(text, match.end())):
            continue
        written = _quantity_re().match(text, figure.start + (figure.sign is not None))
        factor = _unit_of(written, text)[1] if written else 1.0
        scale = match.group("scale") or match.group("scale0")
        number = parse_number(match.group("num"))
        value = number * scale_factor(scale) if scale else _nearer(number, factor, _unit_factor(written), figure.value)
        end = match.end("scale") if match.group("scale") else match.end("num")
        out.append(Quantity(start=at, end=end, value=tidy(value), value_max=None, unit=figure.unit))
    return out


def _unit_factor(written: re.Match[str] | None) -> float:
    """The factor of a figure's unit alone, without its scale word (`million tonnes` → 1, `Mt` → 1e6)."""
    unit = written and (written.group("unit") or written.group("unit0"))
    return canonical_unit(unit)[1] if unit else 1.0


def _nearer(number: float, scaled: float, unscaled: float, figure: float) -> float:
    """A base takes its figure's scale when it writes none (`to 1.2 million tonnes from 0.9`), unless written in
    full (`from 900,000`): of the two readings, the one nearer the figure it is compared with."""
    if number <= 0 or figure <= 0 or scaled == unscaled:
        return number * scaled
    return min((number * scaled, number * unscaled), key=lambda v: abs(math.log(v / figure)))


def _build(match: re.Match[str], text: str) -> Quantity | None:
    start = match.start("cur") if match.group("cur") else match.start("num")
    if start > 0 and (text[start - 1].isalpha() or (text[start - 1] == "-" and text[start - 2 : start - 1].isalpha())):
        return None
    if start > 1 and text[start - 1] in "-–" and text[start - 2].isdigit():
        return None  # the `25` of `895 million tonnes in 2024–25 to 908 Mt`: the end of a span of years, no figure
    if match.group("dash") == "to" and _YEAR_BEFORE_TO.fullmatch(match.group("num")) \
            and _DATED_BEFORE.search(text, 0, start):
        return None  # `fell 5% in March 2023 to 45,000 tonnes`: a date, then the level, no range
    if match.group("dash") == "to" and _MONTH_JUST_BEFORE.search(text, 0, start):
        return None  # `in the week to March 21 to 183,420 tonnes`: a day, then the level, no range
    unit, factor = _unit_of(match, text)
    if unit is None:
        return None
    value = _first_number(match) * factor
    num2 = match.group("num2")
    if match.group("dash") == "and" and not re.search(r"\bbetween\s+$", text[:start]):
        return _build_single(match, text)
    if match.group("dash") == "to" and (_CHANGED_BY.search(text, 0, start) or _FROM_LEVEL.search(text, 0, start)):
        single = _build_single(match, text)  # `rose $20 to $420`, `from 25% to 100%`: the level a figure reached
        if single is not None:
            return single
    value_max = tidy(parse_number(num2) * factor) if num2 else None
    written_scale = match.group("scale")
    if value_max is not None and value_max < value and written_scale:
        full = value / scale_factor(written_scale)  # `950,000-1 million tons`: the lower end written in full
        value = full if value_max / 10 <= full <= value_max else value  # ends of one range are alike
    if value_max is not None and value_max == tidy(value):
        value_max = None  # `$12.50-12.50 per lb`: a range closed to one price is that price
    elif value_max is not None and value_max < value:
        return None  # `2027-28`, `2:1` and similar are not ranges of one figure
    sign = None
    if match.group("sign"):
        sign = 1 if match.group("sign") == "+" else -1
    below_zero = sign == -1 or (sign is None and _MINUS_BEFORE.search(text, 0, start) is not None)
    if below_zero and match.group("cur"):  # a level below zero (spot TCs, `fell to minus $2.50`), not a fall
        value, value_max, sign = -value, None if value_max is None else -value_max, None
    end = match.end()
    return Quantity(
        start=match.start("sign") if sign else start,
        end=end,
        value=tidy(value),
        value_max=value_max,
        unit=unit,
        sign=sign,
        bound=_bound(text[:start]),
        per_year=_is_annual(text, start, end, match),
        per_month=unit == "t" and bool(_MONTHLY_AFTER.match(text, end)),
    )


_YEAR_BEFORE_TO = re.compile(r"(?:19|20)\d\d")
_DATED_BEFORE = re.compile(rf"\b(?:in|since|of|during)\s+(?:(?:{'|'.join(MONTH_WORDS)})\.?\s+)?$|"
                           rf"\b(?:{'|'.join(MONTH_WORDS)})\.?\s+$", re.I)
_MINUS_BEFORE = ending(r"\b(?:minus|negative)\s+$", re.I)
_MONTHLY_AFTER = re.compile(r"\s*(?:(?:a|per|each|every)\s+month\b|/\s?(?:month|mo)\b)", re.I)


_CHANGED_BY = re.compile(
    r"\b(?:rose|rise[sn]?|fell|fall(?:s|en)?|gained|lost|added|shed|jumped|climbed|dropped|slipped|increased|"
    r"decreased|declined|up|down|by)\s+(?:about\s+|around\s+|some\s+|nearly\s+)?$", re.I)


# `raised from 25% to 100%` moves from one level to another; `ranged from 5% to 7%` is one range
_FROM_LEVEL = re.compile(r"(?<!\brange )(?<!\branges )(?<!\branged )(?<!\branging )\bfrom\s+$", re.I)


def _build_single(match: re.Match[str], text: str) -> Quantity | None:
    """`5% and 10%`: the `and` joined two figures; read the first alone (the second is found on its own)."""
    single = _quantity_re().match(text[: match.start("dash")].rstrip(), match.start())
    return _build(single, text) if single and single.group("dash") is None else None


def _first_number(match: re.Match[str]) -> float:
    """The range's lower end as meant: `25-30,000 mt` is 25,000 to 30,000, the thousands written once."""
    first, second = match.group("num"), match.group("num2")
    value = parse_number(first)
    if second and "," in second and "," not in first and value < 1000 and value * 1000 <= parse_number(second):
        return value * 1000
    return value


def _unit_of(match: re.Match[str], text: str) -> tuple[str | None, float]:
    """Canonical unit and scale factor; None when the number has no unit at all."""
    written_scale = match.group("scale") or match.group("scale0")  # `310mn-320mn t`
    scale = scale_factor(written_scale) if written_scale else 1.0
    written_cur = match.group("cur") or match.group("cursuf")
    if match.group("m"):  # `$85m`, `US$3.4b`, `1.2m tonnes`; a bare `5m` is no figure (metres, a name)
        if not written_cur and not (match.group("m") == "m" and (match.group("unit") or match.group("unit0"))):
            return None, 1.0
        scale = 1e6 if match.group("m") == "m" else 1e9
    if match.group("km"):  # `625K units`, `1.88M units`
        scale = 1e3 if match.group("km") == "K" else 1e6
    per = _TON_KIND.sub("", (match.group("per") or "").lower().rstrip("s"))  # `per wet metric tonne`, `per short ton`
    if per.startswith("10"):  # `67,400 rupees per 10 grams`: 6,740 a gram
        per, scale = per[2:].strip(), scale / 10
    if written_cur:
        code, fraction = currency(written_cur)
        scale *= fraction
        if per in _PER_MASS or per == "tonne" or per == "ton":
            return f"{code}/{_PER_MASS.get(per, 't')}", scale
        if per in _PER_ITEM:
            return f"{code}/unit", scale
        if per in _PER_TONNE_UNIT:
            return f"{code}/mtu", scale
        if per in _PER_ENERGY:
            return f"{code}/{_PER_ENERGY[per]}", scale  # battery packs, power: `$115 per kWh`
        if per == "day" and scale < 1e6:  # a ship's hire (`$23,418 a day`); `$9.6 billion a day` traded is a sum
            return f"{code}/day", scale
        return code, scale
    written_unit = match.group("unit") or match.group("unit0")
    if written_unit:
        unit, factor = canonical_unit(written_unit)
        if _MEGATONNES.fullmatch(written_unit) and scale == 1 and _first_number(match) < 1000:
            factor = 1e6  # `143 MT`, `323mt`: a national or company volume, not a few hundred tonnes
        return unit, scale * factor
    if match.group("num") and _counted_noun_follows(text, match.end()):
        return "units", scale
    return None, 1.0


_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"[A-Za-z][\w-]*")


def _counted_noun_follows(text: str, end: int) -> bool:
    """`1.3 million passenger vehicles`, `300,000 new energy passenger vehicles`: up to three words may intervene."""
    position = end
    for _ in range(4):
        space = _SPACE.match(text, position)
        if not space:
            return False
        position = space.end()
        if tables().counted_re.match(text, position):
            return True
        word = _WORD.match(text, position)
        if not word or word.group().lower() in {"of", "the", "and", "in", "to", "from", "for"}:
            return False
        position = word.end()
    return False


def _bound(before: str) -> str | None:
    for pattern, name in _BOUND_RE:
        if pattern.search(before[-30:]):
            return name
    return None


def _is_annual(text: str, start: int, end: int, match: re.Match[str]) -> bool:
    if (match.group("per") or "").lower().rstrip("s") in _PER_YEAR:
        return True
    return bool(_ANNUAL_AFTER.match(text[end:]) or _ANNUAL_BEFORE.search(text[max(0, start - 40) : start]))


_FRACTION_RE = re.compile(
    r"(?<!first )(?<!second )(?<!1st )(?<!2nd )(?<!latter )(?<!former )(?<!the )(?<!a )"  # not `the first half of`
    r"\b(" + "|".join(FRACTIONS) + r")\s+of\b(?!\s+(?:a|an|the|this|last|next)?\s*(?:century|decade|year|month|week|day"
    r"|quarter|(?:19|20)\d\d|" + "|".join(MONTH_WORDS) + r")\b)",
    re.IGNORECASE,
)
_SHARE_OF_HALF = re.compile(
    r"\b(?:accounts?\s+for|accounted\s+for|makes?\s+up|made\s+up|represent(?:s|ed|ing)?|comprises?|suppl(?:ies|ied|ying)"
    r"|provid(?:es|ed|ing)|imports?|imported|exports?|exported|produc(?:es|ed)|holds|held|controls|consum(?:es|ed)"
    r"|mak(?:es|ing)|made|uses|used|tak(?:e|es|ing)|took|buys|bought|receiv(?:es|ed))"
    r"\s+(?:about\s+|around\s+|nearly\s+|almost\s+|roughly\s+|close\s+to\s+|more\s+than\s+|over\s+|just\s+)?$",
    re.I,
)
_MULTIPLIER_RE = re.compile(
    r"\b(?:more than\s+)?(doubled|doubling|doubles|tripled|tripling|triples|quadrupled|quadrupling|quadruples"
    r"|halved|halving|halves|(?:two|three|four|five|six|seven|eight|nine|ten)-?fold"
    r"|(?:twice|double|triple|three times)(?=\s+(?:the|as|its|that|from|to)\b)"
    r"|(?<=\bto\s)(?:double|triple|quadruple|halve)(?=\s+(?:by|in|over|from|to|between|within)\b|[.,;]))\b(?!-)",
    re.IGNORECASE,
)


# `jumped 2.4 times to 410 tons`, `a 5-fold rise`: n times as much is a rise of (n - 1) × 100%
_TIMES_RE = re.compile(
    r"(?<![\w.,])(?P<n>\d{1,3}(?:\.\d+)?)(?:-fold|\s?fold|\s+times)"
    r"(?=\s+(?:to|from|in|on|over|year|compared|increase|rise|jump)\b|\s*[.,;)]|$)",
    re.IGNORECASE,
)


_VERBAL_KEYS = (
    "third", "quarter", "fifth", "tenth", "half", "doubl", "tripl", "quadrupl", "halv", "twice", "times", "fold"
)


def _verbal(text: str) -> list[Quantity]:
    """`one-third of` is a share; `doubled` and `more than twice` are relative changes."""
    out: list[Quantity] = []
    lower = text.lower()
    if not any(key in lower for key in _VERBAL_KEYS):
        return out
    for m in _FRACTION_RE.finditer(text):
        if m.group(1).lower() == "half" and not _SHARE_OF_HALF.search(text, 0, m.start(1)):
            continue  # `covering nearly half of the investment`: only a share verb makes half a share
        out.append(
            Quantity(
                m.start(1),
                m.end(1),
                FRACTIONS[m.group(1).lower()],
                None,
                "%",
                "fraction",
                bound=_bound(text[: m.start(1)]),
            )
        )
    for m in _MULTIPLIER_RE.finditer(text):
        out.append(Quantity(m.start(1), m.end(1), MULTIPLIERS[m.group(1).lower()], None, "%", "multiplier"))
    for m in _TIMES_RE.finditer(text):
        times = float(m.group("n"))
        if 1 < times <= 1000:
            out.append(Quantity(m.start(), m.end(), round(100 * (times - 1), 6), None, "%", "multiplier"))
    for m in _PORTION_RE.finditer(text):
        out.append(Quantity(m.start(1), m.end(1), _portion(m.group(1)), None, "%", "portion"))
    return out


_PORTION_RE = re.compile(r"\bby\s+(?:about\s+|almost\s+|nearly\s+|around\s+|roughly\s+|more\s+than\s+)?"
                         r"((?:a|one)[- ](?:third|quarter|fifth|tenth)|half)\b(?!\s+(?:of|a|an|the)\b)", re.I)


def _portion(written: str) -> float:
    """`a third`, `one third`, `one-third`, `half` as percent."""
    word = written.lower()
    return 50.0 if word == "half" else FRACTIONS[word.replace("one ", "one-")]


_ELEMENT = r"(?:TFe|Fe|Ni|Cu|Zn|Mn|Cr|Co|Al|Li|Si|Ti|Mo|Sn|Pb|Mg|Nb|Ta|Sb|Ge|Ga|Bi|V|W)"
_GRADE_AFTER = re.compile(
    rf"""^[\s-]?(?:
        {_ELEMENT}(?:\d+|CO\d|O\d*|H\d*|\.[\w.]+)*\b   # Fe, Li2O, Li2CO3, LiOH.H2O
        | (?:lithium|nickel|copper|zinc|iron|manganese|chrome)\s+(?:oxide|content)\b  # `6% lithium oxide` spodumene
        | (?:spodumene|lithium\s+concentrate|fines|lump)\b                 # `6pc spodumene`
        | (?:iron|manganese|chrome|nickel)\s+ore\b                         # `Philippine 1.5% nickel ore`
        | index\b                                                           # `a discount to the 62% index`
        | (?:[A-Z][\w-]*\s+){{1,3}}Index\b                                 # `Mysteel's 62% Australian Fines Index`
        | carbon\s+(?:flake\s+)?graphite\b | fixed\s+carbon\b                  # `94-95 percent carbon flake graphite`
        | grade | purity | pure\b | content | min | max          # `99.99% pure indium`
    )""",
    re.X,
)


# `ferrosilicon 75% held at €1,480/t`, `vanadium pentoxide flake 98% was steady`: the grade a product's name ends on
_PRODUCT_BEFORE = ending(r"\b(?:ferro[a-z]+|silicon\s+metal|pentoxide(?:\s+flake)?|flake|lump|fines|regulus|ingots?"
                             r"|powder)\s+$", re.I)
_PRICED_AFTER = re.compile(r"\s+(?:held|was|were|is|traded|rose|fell|gained|slipped|eased|edged|climbed|dropped|steady"
                           r"|stood|at|prices?|offers?|averaged|remained|fetched|cif|cfr|fob|ddp|exw)\b", re.I)
# `ore containing 1.8% nickel`, `300-series grades, which contain at least 8% nickel`: a grade naming a product (not
# `ore grading 0.54% copper`, a deposit's measured grade)
_CONTAINING_BEFORE = ending(r"\bcontain(?:s|ing)?\s+(?:at\s+least\s+|about\s+|around\s+|over\s+)?$", re.I)
_METAL_AFTER = re.compile(r"\s+(?:nickel|copper|zinc|lead|tin|cobalt|lithium|iron|manganese|chrome|chromium|gold"
                          r"|silver|molybdenum|tungsten|vanadium|aluminium|aluminum|metal)\b", re.I)
_PURITY = re.compile(r"99\.\d+")  # `antimony regulus 99.65%`, `99.999% Ge`: no share is written so
_GRADE_BOUND_BEFORE = re.compile(r"(?<!\ba )\b(?:min|max)\.?\s*$", re.I)  # `Nickel sulfate, min 21%`
_SHARE_BEFORE = re.compile(r"\b(?:account(?:s|ed|ing)?\s+for|make[s]?\s+up|made\s+up|represent\w*)\s+(?:about\s+)?$",
                           re.I)  # `accounts for 60% iron ore demand` is a share, written short
_STAKE_AFTER = re.compile(r"^[\s-]+(?:\w+\s+)?(?:stake|interest|equity|ownership|holding|owned)\b", re.I)
# `owned 51% by Halco and 49% by the state`, `66%-owned by Rio Tinto and 34% by the government`
_OWNER_AFTER = re.compile(r"^\s+by\b")
_OWNERS_LISTED = re.compile(r"\bowned\b[^.;]*(?:,|\band)\s+$", re.I)
_BASIS_AFTER = re.compile(r"^\s+(?:\w+\s+)?basis\b", re.I)  # `output on a 100% basis`: how a total is counted
# `an NPV of $523 million at an 8% discount rate`, `a net present value (5%) of`, `discounted at 8%`: how a study counts
_DISCOUNT_RATE_AFTER = re.compile(r"[\s-]+(?:(?:real|nominal|after-tax|pre-tax)\s+)?discount\s+rate\b", re.I)
_DISCOUNT_RATE_BEFORE = ending(r"(?:\b(?:NPV|net\s+present\s+value)\s*\(\s*|\bdiscounted\s+at\s+)$", re.I)
# `taking its stake to 70%`, `the acquisition of a further 19% of Caserones`: who owns what, as after `stake`
_STAKE_BEFORE = ending(r"\b(?:(?:stake|interest|holding|ownership)\s+(?:to|of|at|from)|owned)\s+$", re.I)
_BOUGHT_BEFORE = ending(r"\b(?:acquisition|acquir(?:e|es|ed|ing)|buy(?:s|ing)?|bought|sell(?:s|ing)?|sold|sale)"
                            r"\s+(?:of\s+)?(?:(?:a|an|the|its|their)\s+)?(?:(?:further|remaining|additional|another)\s+)?$",
                            re.I)
_OF_NAMED = re.compile(r"^\s+(?:of|in)\s+(?:the\s+)?[A-Z]")
# `in which Mitsubishi holds 40%`, `where it holds 44%`, `which also owns 39.6%`, `a joint venture between Tsingshan,
# which holds 66.25%, and …`: who owns a share of the business;
# `owns 40% of the market` is a share of a market, `owns 30% of Copper World` one of the business
_OWNING_BEFORE = ending(r"(?:\b(?:owns?|owning)|\b(?:in\s+which|where)\b[^.;,]*\b(?:holds?|held)"
                        r"|,\s*which\s+(?:also\s+|now\s+)?holds)\s+(?:an?\s+)?"
                            r"(?:further\s+|additional\s+)?(?:about\s+|around\s+|some\s+)?$", re.I)
# `SK On and Samsung SDI held 4.4% and 3.3%` of a market; `holding 30% between them` of a mine
_HELD_BETWEEN = re.compile(r"\s+(?:between\s+them|together|jointly)\b", re.I)
# an owner's share told before the next owner's (`BHP owns 57.5% of Escondida, with Rio Tinto holding 30%`)
_OWNS_SHARE = re.compile(r"\b(?:owns?|holds?)\s+(?:an?\s+)?[\d.,]+\s?%\s+(?:of|in)\s", re.I)
_HOLDING_BEFORE = ending(r"\b(?:holds?|holding|held)\s+$", re.I)
_OF_A_BUSINESS = re.compile(r"(?:\s+plus\s+one\s+share)?\s+(?:of|in)\s+(?:the\s+|its\s+)?(?:[A-Z]|(?:mine|project"
                            r"|company|venture|joint venture|asset|operation|complex|deposit|smelter|refinery|plant"
                            r"|business|unit|miner|group)s?\b)")
_OF_ANYTHING = re.compile(r"\s+(?:of|in)\b")
# `owned by BHP and Glencore (33.75% each), Teck (22.5%)`, `and ENAMI the remaining 10%` after owners
# (not `Collahuasi, owned by Anglo American and Glencore, contributed 335,900 tonnes (10.5%)`: its output's share)
_OWNERS_BRACKETED = ending(r"\bowned\s+by\b(?:(?!\b(?:produc|contribut|suppl|ship|mined|output)\w*)[^.;]|\.(?=\d))*"
                          r"\(\s*$", re.I)
_OWNERS_REST = ending(
    r"\b(?:owned|owns?|holds?|holding|stakes?)\b(?:[^.;]|\.(?=\d))*\bthe\s+(?:remaining|rest|balance)\s+$", re.I)


def _drop_grades(found: list[Quantity], text: str) -> list[Quantity]:
    """`62% Fe`, `6% Li2O`, `6.25 g/t`: a grade names the product or the ore, it is not a share or a mass; nor is a
    `10pc stake` in a mine (or a mine `66%-owned by Rio Tinto and 34% by the government`), which like a `50:50 joint
    venture` describes ownership, not a market, nor the `100% basis` a total is counted on, nor the rate a study
    discounts at."""
    return [
        q
        for q in found
        if not (
            q.unit == "%"
            and q.kind == "number"
            and (_GRADE_AFTER.match(text[q.end :]) or _STAKE_AFTER.match(text[q.end :])
                 or _BASIS_AFTER.match(text[q.end :]) or _STAKE_BEFORE.search(text, 0, q.start)
                 or _DISCOUNT_RATE_AFTER.match(text, q.end) or _DISCOUNT_RATE_BEFORE.search(text, 0, q.start)
                 or (_OWNER_AFTER.match(text[q.end :]) and _OWNERS_LISTED.search(text, 0, q.start))
                 or (_BOUGHT_BEFORE.search(text, 0, q.start) and _OF_NAMED.match(text[q.end :]))
                 or _owned(text, q)
                 or _GRADE_BOUND_BEFORE.search(text, 0, q.start) or _PURITY.match(text, q.start, q.end)
                 or (_CONTAINING_BEFORE.search(text, 0, q.start) and _METAL_AFTER.match(text, q.end))
                 or (_PRODUCT_BEFORE.search(text, 0, q.start) and _PRICED_AFTER.match(text, q.end)))
            and not _SHARE_BEFORE.search(text, 0, q.start)
        )
        and not _GRAMS_PER_TONNE.search(text, q.start, q.end + 12)
    ]


def _owned(text: str, q: Quantity) -> bool:
    """A share of a business its owner holds (`in which Mitsubishi holds 40%`, `Teck (22.5%)` among the owners
    of a mine), not of a market."""
    if _OWNERS_BRACKETED.search(text, 0, q.start) or _OWNERS_REST.search(text, 0, q.start):
        return True
    held = _HELD_BETWEEN.match(text, q.end) or _OF_A_BUSINESS.match(text, q.end)
    if held and _HOLDING_BEFORE.search(text, 0, q.start):
        return True  # `holding 30% between them`, `will hold 50% plus one share of the joint venture`
    if _HOLDING_BEFORE.search(text, 0, q.start) and _OWNS_SHARE.search(text, 0, q.start):
        return True  # `BHP owns 57.5% of Escondida, with Rio Tinto holding 30%`: the next owner's
    return bool(_OWNING_BEFORE.search(text, 0, q.start)) and (
        _OF_A_BUSINESS.match(text, q.end) is not None or _OF_ANYTHING.match(text, q.end) is None)


# `6.25 g/t` gold: an ore's grade in grams per tonne, no mass of metal
_GRAMS_PER_TONNE = re.compile(r"\d\s?(?:g\s?/\s?t|grams?\s+(?:per|a)\s+(?:metric\s+)?(?:tonne|ton)|gpt)\b", re.I)


# a price's basis may stand between it and its conversion: `¥49,850/t FAS (about $328/t)`
_BRACKET_OPEN = re.compile(
    r"(?:\s+(?-i:[A-Z]{2,4}))?\s*\(\s*(?:about|around|roughly|approximately|approx\.|some|nearly|or)?\s*", re.I)


# `$4.98 a lb, or about $10,979 a ton`; `¥45,000-46,000/t on Monday, equivalent to about $308-315/t`
_OR_ABOUT = re.compile(r",?\s*or\s+(?:about|around|roughly|some|nearly)\s+"
                       r"|(?:\s+[A-Za-z]+){0,3}?,?\s*(?:equivalent|equal)\s+to(?:\s+(?:about|around|roughly|some|nearly))?\s+")
# `85.52 million tonnes (84.39 million tonnes in 2023)`: a bracketed figure of another period is no restatement
DATED_BRACKET = re.compile(r"[^()]{0,30}?\b(?:(?:19|20)\d\d|year|month|quarter|earlier|ago)\b[^()]*\)")


def _drop_conversions(found: list[Quantity], text: str) -> list[Quantity]:
    """`¥13.2 billion ($85 million)`, `145,000 tonnes (319.7 million pounds)`: the bracketed
    amount restates the first one in other units (or, in the same ones, as the same amount)."""
    kept: list[Quantity] = []
    for q in found:
        previous = kept[-1] if kept else None
        same_kind = previous is not None and (
            (q.is_money and previous.is_money) or q.unit == previous.unit == "t"  # pounds and ounces are tonnes too
        )
        restated = previous is not None and (  # another currency, or the same amount in other units
            q.unit != previous.unit or (abs(q.value - previous.value) <= 0.02 * abs(previous.value)
                                        and not DATED_BRACKET.match(text, q.end)))
        if previous and same_kind and restated and _BRACKET_OPEN.fullmatch(text[previous.end : q.start]):
            continue  # not `Copper: $4.15/lb ($4.30/lb)`, next year's figure in brackets
        if previous and same_kind and q.unit != previous.unit and _OR_ABOUT.fullmatch(text, previous.end, q.start):
            continue  # `$4.98 a lb, or about $10,979 a ton`: the same price per another mass
        kept.append(q)
    return kept
