"""What analysts ask of the facts: a figure over time, the series worth drawing, and reports that disagree.

Pure functions over the archive: the web pages, the JSON API and (later) the CLI call these, so a
series has one definition wherever it is shown. Periods are ordered by the time they cover, not by
their labels, because `--03`, `2024-Q2` and `FY2024` do not sort as strings.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from metalnomist.models import Fact, Post
from metalnomist.pipeline import Archive
from metalnomist.store.facts import FactFilter, facts_reported_twice, query_facts, series_counts
from metalnomist.store.posts import posts_by_ids

CONTRADICTION_TOLERANCE = 0.01  # the benchmark's own tolerance: closer values are the same figure rounded
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

# --- periods ------------------------------------------------------------------------------------

_YEAR = re.compile(r"(\d{4})")
_MONTH = re.compile(r"(\d{4})-(\d{2})")
_BARE_MONTH = re.compile(r"--(\d{2})")
_QUARTER = re.compile(r"(\d{4})-Q([1-4])")
_HALF = re.compile(r"(\d{4})-H([12])")
_FISCAL = re.compile(r"FY(\d{4})")


@dataclass(frozen=True)
class Span:
    """The months a period covers, as month ordinals (year × 12 + month − 1).

    `year_known` is False for `--03`-style periods read without a publication year: their
    ordinals then count months from year 0, which orders them by month number among themselves.
    """

    start: int
    end: int
    year_known: bool = True

    @property
    def middle(self) -> float:
        return (self.start + self.end) / 2


def _one(label: str, year: int | None) -> tuple[int, int, bool] | None:
    """(first ordinal, last ordinal, year known) for a period that is not a range."""
    if m := _BARE_MONTH.fullmatch(label):
        month = int(m[1])
        if not 1 <= month <= 12:
            return None
        base = (year or 0) * 12 + month - 1
        return base, base, year is not None
    if m := _MONTH.fullmatch(label):
        base = int(m[1]) * 12 + int(m[2]) - 1
        return (base, base, True) if 1 <= int(m[2]) <= 12 else None
    if m := _QUARTER.fullmatch(label):
        base = int(m[1]) * 12 + 3 * (int(m[2]) - 1)
        return base, base + 2, True
    if m := _HALF.fullmatch(label):
        base = int(m[1]) * 12 + 6 * (int(m[2]) - 1)
        return base, base + 5, True
    if m := _FISCAL.fullmatch(label):  # an April–March year named by its start year
        base = int(m[1]) * 12 + 3
        return base, base + 11, True
    if m := _YEAR.fullmatch(label):
        return int(m[1]) * 12, int(m[1]) * 12 + 11, True
    return None


def parse_period(label: str | None, year: int | None = None) -> Span | None:
    """The span of a facts.md period; `year` places year-less months (the post's publication year).

    None for labels outside the spec's formats, which then sort after every dated point.
    """
    if not label:
        return None
    first_label, _, last_label = label.strip().partition("/")
    first = _one(first_label, year)
    last = _one(last_label, year) if last_label else first
    if first is None or last is None:
        return None
    end = last[1]
    if end < first[0] and not last[2]:  # `--11/--02` runs into the next year
        end += 12
    return Span(first[0], end, first[2] and last[2])


def period_sort_key(label: str | None, year: int | None = None) -> tuple[int, int, int, str]:
    span = parse_period(label, year)
    if span is None:
        return (1, 0, 0, label or "")
    return (0, span.start, span.end, label or "")


def period_short(label: str | None) -> str:
    """An axis tick: `Jul` for a year-less month, `Mar 2024`, `Q3 2024`, `Jun–Dec 2024`."""
    if label and (m := _BARE_MONTH.fullmatch(label)) and 1 <= int(m[1]) <= 12:
        return MONTHS[int(m[1]) - 1]
    return period_text(label).split(" (")[0]


def _month_words(label: str) -> tuple[str, str | None] | None:
    """(`Jun`, `2024`) for `2024-06`, (`Jun`, None) for `--06`."""
    if (m := _MONTH.fullmatch(label)) and 1 <= int(m[2]) <= 12:
        return MONTHS[int(m[2]) - 1], m[1]
    if (m := _BARE_MONTH.fullmatch(label)) and 1 <= int(m[1]) <= 12:
        return MONTHS[int(m[1]) - 1], None
    return None


def _range_text(first: str, last: str) -> str | None:
    """`Jun–Dec 2024`, `Oct 2024–Mar 2025`, `Apr–Jun (year not stated)`, `2022–2024`."""
    a, b = _month_words(first), _month_words(last)
    if a and b:
        if a[1] == b[1]:
            return f"{a[0]}–{b[0]} {a[1]}" if a[1] else f"{a[0]}–{b[0]} (year not stated)"
        if a[1] and b[1]:
            return f"{a[0]} {a[1]}–{b[0]} {b[1]}"
    if _YEAR.fullmatch(first) and _YEAR.fullmatch(last):
        return f"{first}–{last}"
    return None


def period_text(label: str | None) -> str:
    """A reader's wording of a period label: `--03` → `Mar (year not stated)`, `2024-03` → `Mar 2024`."""
    if not label:
        return ""
    if m := _BARE_MONTH.fullmatch(label):
        if 1 <= int(m[1]) <= 12:
            return f"{MONTHS[int(m[1]) - 1]} (year not stated)"
    if m := _MONTH.fullmatch(label):
        if 1 <= int(m[2]) <= 12:
            return f"{MONTHS[int(m[2]) - 1]} {m[1]}"
    if m := _FISCAL.fullmatch(label):
        return f"FY{m[1]} (Apr {m[1]}–Mar {int(m[1]) + 1})"
    if m := _QUARTER.fullmatch(label):
        return f"Q{m[2]} {m[1]}"
    if m := _HALF.fullmatch(label):
        return f"H{m[2]} {m[1]}"
    first, _, last = label.partition("/")
    return (_range_text(first, last) if last else None) or label


# --- numbers in words -----------------------------------------------------------------------------

_SCALES = ((1e12, "tn"), (1e9, "bn"), (1e6, "mn"))


def format_number(value: float) -> str:
    """Thousands separators, no trailing zeros; millions and up shortened as the articles write them."""
    for size, suffix in _SCALES:
        if abs(value) >= size:
            return f"{value / size:,.3f}".rstrip("0").rstrip(".") + suffix
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.4f}".rstrip("0").rstrip(".")


def format_quantity(value: float | None, unit: str | None, value_max: float | None = None) -> str:
    if value is None:
        return ""
    number = format_number(value) + (f"–{format_number(value_max)}" if value_max is not None else "")
    if not unit:
        return number
    return number + unit if unit == "%" else f"{number} {unit}"


def format_pct(change: float | None) -> str:
    """A signed relative change with a true minus sign: `−28.7%`."""
    if change is None:
        return ""
    sign = "+" if change > 0 else "−" if change < 0 else "±"
    return f"{sign}{format_number(abs(change))}%"


def format_change(fact: Fact) -> str:
    """`−28.7% y/y`, or the change in percentage points, or nothing."""
    if fact.change_pct is not None:
        text = format_pct(fact.change_pct)
    elif fact.change_pp is not None:
        sign = "+" if fact.change_pp > 0 else "−" if fact.change_pp < 0 else "±"
        text = f"{sign}{format_number(abs(fact.change_pp))} pp"
    else:
        return ""
    return f"{text} {fact.change_basis}" if fact.change_basis else text


def describe(fact: Fact) -> str:
    """The parsed reading of a fact in one line, as a reader checks it against the sentence."""
    parts = [format_quantity(fact.value, fact.unit, fact.value_max), format_change(fact),
             fact.metric.replace("_", " "), fact.commodity or "", fact.country or "",
             f"partner {fact.partner}" if fact.partner else "", fact.company or "", period_text(fact.period),
             "forecast" if fact.forecast else ""]
    return " · ".join(p for p in parts if p)


# --- series -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SeriesKey:
    """What makes figures comparable over time: the same thing, measured the same way, in the same unit."""

    commodity: str
    metric: str
    country: str | None
    partner: str | None
    unit: str | None
    points: int = 0
    grain: str | None = None  # how long each point's period is (`month`, `year`): one line never mixes them

    def params(self) -> dict[str, str]:
        """Query parameters of the series page and API (absent values stay absent)."""
        pairs = {"commodity": self.commodity, "metric": self.metric, "country": self.country,
                 "partner": self.partner, "unit": self.unit, "grain": self.grain}
        return {k: v for k, v in pairs.items() if v}

    @property
    def title(self) -> str:
        where = f" in {self.country}" if self.country else " worldwide"
        partner = f" with {self.partner}" if self.partner else ""
        return f"{self.commodity.capitalize()} {self.metric.replace('_', ' ')}{where}{partner}"


@dataclass(frozen=True)
class SeriesPoint:
    """One figure of a series, with everything needed to show and check it against its sentence."""

    fact_id: int
    value: float
    value_max: float | None
    unit: str | None
    period: str
    change_pct: float | None
    forecast: bool
    post_id: int
    post_title: str
    permalink: str
    sentence: str
    span: Span | None

    @property
    def href(self) -> str:
        return f"{self.permalink}#fact-{self.fact_id}"


@dataclass(frozen=True)
class Series:
    key: SeriesKey
    points: tuple[SeriesPoint, ...]
    other_units: tuple[str, ...] = ()
    other_grains: tuple[str, ...] = ()  # periods of other lengths, left for series of their own


_GRAINS = {1: "month", 3: "quarter", 6: "half", 12: "year"}


def period_grain(label: str | None) -> str | None:
    """How long a period is: `month`, `quarter`, `half`, `year` (a fiscal year too), else `7 months`, `3 years`.

    A monthly figure and an annual one measure different things: a line joining them would
    fall from 12 t a year to 1 t a month as if the market had collapsed."""
    span = parse_period(label)
    if span is None:
        return None
    months = span.end - span.start + 1
    if months in _GRAINS:
        return _GRAINS[months]
    return f"{months // 12} years" if months % 12 == 0 else f"{months} months"


def _same(a: str | None, b: str | None) -> bool:
    return (a or "").casefold() == (b or "").casefold()


def _point(fact: Fact, post: Post) -> SeriesPoint:
    assert fact.id is not None and fact.value is not None and post.id is not None
    year = post.published.year if post.published else None
    return SeriesPoint(fact.id, fact.value, fact.value_max, fact.unit, fact.period or "", fact.change_pct,
                       fact.forecast, post.id, post.title, post.permalink or "", fact.sentence,
                       parse_period(fact.period, year))


def _points(archive: Archive, found: Sequence[Fact]) -> list[SeriesPoint]:
    """Facts as points with their posts' titles and permalinks, in period order."""
    with archive.store.reading() as conn:
        posts = posts_by_ids(conn, sorted({f.post_id for f in found if f.post_id is not None}))
    points = [_point(f, posts[f.post_id]) for f in found if f.post_id in posts]
    return sorted(points, key=lambda p: (p.span is None, p.span.start if p.span else 0,
                                         p.span.end if p.span else 0, p.period, p.fact_id))


def series(archive: Archive, commodity: str, metric: str, country: str | None, partner: str | None = None,
           unit: str | None = None, company: str | None = None, grain: str | None = None) -> Series:
    """A figure over time: dated values of one commodity, metric, geography and partner.

    `partner=None` means the total flow (facts with no partner), not "any partner", and
    `company=None` the market's figures, so one carmaker's sales never join the market's line.
    Without `unit`, the most common unit is drawn and the others are named for the caller; so
    with `grain`, the length of the points' periods (a month, a year …).
    """
    flt = FactFilter(commodity=commodity, metric=metric, country=country or None, partner=partner or None,
                     company=company or None)
    with archive.store.reading() as conn:
        found, _ = query_facts(conn, flt)
    found = [f for f in found if f.value is not None and f.period and _same(f.commodity, commodity)
             and _same(f.country, country)
             and _same(f.partner, partner) and _same(f.company, company)]
    units = Counter(f.unit for f in found)
    chosen = unit if unit is not None else (units.most_common(1)[0][0] if units else None)
    drawn = [f for f in found if _same(f.unit, chosen)]
    others = tuple(sorted(u for u in units if u is not None and not _same(u, chosen)))
    grains = Counter(period_grain(f.period) for f in drawn)
    grains.pop(None, None)
    length = grain if grain is not None else (grains.most_common(1)[0][0] if grains else None)
    drawn = [f for f in drawn if period_grain(f.period) == length or (length is None and not grains)]
    key = SeriesKey(commodity, metric, country or None, partner or None, chosen, len(drawn), length)
    other_grains = tuple(sorted(str(g) for g in grains if g != length))
    return Series(key, tuple(_points(archive, drawn)), others, other_grains)


def series_keys(archive: Archive, minimum: int = 2) -> list[SeriesKey]:
    """The series with at least `minimum` dated points, longest first: the menu of what can be drawn."""
    with archive.store.reading() as conn:
        rows = series_counts(conn, minimum)
    keys = [SeriesKey(c, m, country, partner, unit, n) for c, m, country, partner, unit, n in rows]
    return sorted(keys, key=lambda k: (-k.points, k.commodity, k.metric, k.country or "", k.partner or ""))


# --- contradictions -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Contradiction:
    """Two posts reporting one figure (same series, unit and period) with values more than 1% apart."""

    key: SeriesKey
    period: str
    first: SeriesPoint
    second: SeriesPoint

    @property
    def difference_pct(self) -> float:
        """How far apart, relative to the larger magnitude."""
        return abs(self.first.value - self.second.value) / max(abs(self.first.value), abs(self.second.value)) * 100


def _differ(a: float, b: float) -> bool:
    return abs(a - b) > CONTRADICTION_TOLERANCE * max(abs(a), abs(b))


def _pairs(group: Sequence[SeriesPoint]) -> Iterable[tuple[SeriesPoint, SeriesPoint]]:
    for i, a in enumerate(group):
        for b in group[i + 1:]:
            if a.post_id != b.post_id and _differ(a.value, b.value):
                yield a, b


def contradictions(archive: Archive) -> list[Contradiction]:
    """Pairs of facts from different posts that should agree and do not.

    The key also holds the company, so a carmaker's figure never contradicts the market's.
    Year-less periods (`--03`) are compared only within the same stated label.
    """
    with archive.store.reading() as conn:
        found = facts_reported_twice(conn)
    groups: dict[tuple[str | None, ...], list[Fact]] = defaultdict(list)
    for fact in found:
        if fact.value is not None and fact.period:
            fields = (fact.commodity, fact.metric, fact.country, fact.partner, fact.company, fact.unit, fact.period)
            groups[tuple((v or "").casefold() or None for v in fields)].append(fact)
    candidates = [g for g in groups.values() if len({f.post_id for f in g}) > 1]
    points = {p.fact_id: p for p in _points(archive, [f for g in candidates for f in g])}
    out: list[Contradiction] = []
    for group in candidates:
        first = group[0]
        key = SeriesKey(first.commodity or "", first.metric, first.country, first.partner, first.unit)
        members = [points[f.id] for f in group if f.id in points]
        out.extend(Contradiction(key, first.period or "", a, b) for a, b in _pairs(members))
    return sorted(out, key=lambda c: (c.key.commodity, c.key.metric, c.period, c.first.fact_id))


# --- a post's sentences -------------------------------------------------------------------------


@dataclass(frozen=True)
class Segment:
    """A run of a block's text; when it is a sentence that carries facts, those facts in reading order."""

    text: str
    facts: tuple[Fact, ...] = ()

    @property
    def anchor(self) -> str | None:
        return f"fact-{self.facts[0].id}" if self.facts else None


def _sentences(body: str, found: Sequence[Fact]) -> list[tuple[int, int, tuple[Fact, ...]]]:
    """(start, end, facts) of each located, non-overlapping sentence; a sentence not found verbatim is skipped."""
    spans: dict[tuple[int, int], list[Fact]] = defaultdict(list)
    for fact in found:
        start = fact.sentence_start
        if start is None or body[start:start + len(fact.sentence)] != fact.sentence or not fact.sentence:
            continue
        spans[(start, start + len(fact.sentence))].append(fact)
    located: list[tuple[int, int, tuple[Fact, ...]]] = []
    for (start, end), facts in sorted(spans.items()):
        if located and start < located[-1][1]:
            continue  # overlapping sentences cannot both be wrapped; the first keeps its mark
        located.append((start, end, tuple(sorted(facts, key=lambda f: f.id or 0))))
    return located


def segment_blocks(post: Post, found: Sequence[Fact]) -> list[tuple[Segment, ...]]:
    """Each block's text cut into plain runs and fact-carrying sentences, aligned with `post.blocks`.

    Offsets come from `Fact.sentence_start` into `post.body`, where blocks are joined by blank lines.
    """
    sentences = _sentences(post.body, found)
    out: list[tuple[Segment, ...]] = []
    offset = 0
    for block in post.blocks:
        end = offset + len(block.text)
        pieces: list[Segment] = []
        cursor = offset
        for start, stop, facts in sentences:
            if start >= offset and stop <= end:
                if start > cursor:
                    pieces.append(Segment(post.body[cursor:start]))
                pieces.append(Segment(post.body[start:stop], facts))
                cursor = stop
        if cursor < end or not pieces:
            pieces.append(Segment(post.body[cursor:end]))
        out.append(tuple(pieces))
        offset = end + 2
    return out


def post_facts(archive: Archive, post_id: int) -> list[Fact]:
    with archive.store.reading() as conn:
        return query_facts(conn, FactFilter(post_id=post_id))[0]
