"""A figure over time: the facts that measure one thing the same way, in period order, and the menu of them."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import TypeVar

from metalnomist.analysis.periods import Span, parse_period, period_grain, period_sort_key
from metalnomist.models import Fact
from metalnomist.store import Connection
from metalnomist.store.contradictions import differ, extremes
from metalnomist.store.facts import PostLink, facts_by_ids, series_periods
from metalnomist.store.figures import figure_keys, figure_reports

CHART_POINTS = 240  # periods a chart draws: twenty years of months, legible at a laptop's width
T = TypeVar("T")


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
    """One figure of a series, with everything needed to show and check it against its sentence.

    In a series, a point is a period's figure: its lowest report, and `high` its highest when the
    two are more than 1% apart (reports that agree are one figure, rounded)."""

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
    high: SeriesPoint | None = None

    @property
    def href(self) -> str:
        return f"{self.permalink}#fact-{self.fact_id}"


@dataclass(frozen=True)
class Series:
    """One series and a window of its points: `figures` are all its periods' keys in period order,
    `points` the `skip`-th newest and older, up to the count asked for, in period order."""

    key: SeriesKey
    points: tuple[SeriesPoint, ...]
    other_units: tuple[str, ...] = ()
    other_grains: tuple[str, ...] = ()  # periods of other lengths, left for series of their own
    figures: tuple[str, ...] = ()
    skip: int = 0
    spread: bool = False  # the points are spread over every period, not the newest ones

    @property
    def thinned(self) -> bool:
        """Whether a spread window leaves periods between its points out (the table lists them all)."""
        return self.spread and len(self.points) < self.total

    @property
    def total(self) -> int:
        return len(self.figures)

    @property
    def older(self) -> bool:
        """Whether periods older than the window's are left out."""
        return not self.spread and self.skip + len(self.points) < self.total


def point(fact: Fact, post: PostLink) -> SeriesPoint:
    """A dated fact as a point, with what is shown of its post; a year-less period falls in the post's year."""
    assert fact.id is not None and fact.value is not None and fact.post_id is not None
    year = post.published.year if post.published else None
    return SeriesPoint(fact.id, fact.value, fact.value_max, fact.unit, fact.period or "", fact.change_pct,
                       fact.forecast, fact.post_id, post.title, post.permalink, fact.sentence,
                       parse_period(fact.period, year))


def _grains(periods: Iterable[str]) -> Counter[str]:
    """How many of these periods (as series keys hold them, case-folded) are of each length."""
    return Counter(g for period in periods if (g := period_grain(period.upper())) is not None)


def _most(counted: Counter[str]) -> str | None:
    """The most counted, ties to the first by name: a choice that does not depend on reading order."""
    return min(counted, key=lambda name: (-counted[name], name)) if counted else None


def series(conn: Connection, commodity: str, metric: str, country: str | None, partner: str | None = None,
           unit: str | None = None, company: str | None = None, grain: str | None = None,
           skip: int = 0, count: int = CHART_POINTS, spread: bool = False) -> Series:
    """A figure over time: one point per period of one commodity, metric, geography and partner.

    `partner=None` means the total flow (facts with no partner), not "any partner", and
    `company=None` the market's figures, so one carmaker's sales never join the market's line.
    Without `unit`, the unit reported for the most periods is drawn and the others are named for
    the caller; so with `grain`, the length of the points' periods (a month, a year …). The points
    are the `count` newest periods after the `skip` newest, or with `spread` `count` periods spread
    evenly from the oldest to the newest (a chart of the whole range). The periods are read as index seeks
    (store/figures.py), then each shown point's lowest and highest reports: however many posts
    report a period, it costs the same.
    """
    unit, grain = unit or None, grain or None  # an empty choice (`grain=`) is no choice: the most reported
    leading = (commodity, metric, country, partner, company) + ((unit,) if unit is not None else ())
    found = figure_keys(conn, leading)
    chosen = unit.casefold() if unit is not None else _most(Counter(f.unit for f in found))
    drawn = [f for f in found if f.unit == chosen]
    grains = _grains(f.period for f in drawn)
    length = grain if grain is not None else _most(grains)
    drawn = [f for f in drawn if period_grain(f.period.upper()) == length]  # all, when none has a length
    drawn.sort(key=lambda f: period_sort_key(f.period.upper()))
    window = thin(drawn, count) if spread else drawn[max(len(drawn) - skip - count, 0):max(len(drawn) - skip, 0)]
    others = {f.unit: f.key for f in found if f.unit not in (chosen, "")}  # each other unit, by one of its figures
    shown, spelled = _points(conn, [f.key for f in window], others)
    shown = _in_time(shown)
    key = SeriesKey(commodity, metric, country or None, partner or None,
                    shown[-1].unit if shown else (unit or chosen or None), len(drawn), length)
    return Series(key, shown, tuple(sorted(spelled.get(u, u) for u in others)),
                  tuple(sorted(str(g) for g in grains if g != length)), tuple(f.key for f in drawn), skip, spread)


def _in_time(points: tuple[SeriesPoint, ...]) -> tuple[SeriesPoint, ...]:
    """The points in the order of the time they cover, when each is placed in time: a year-less month falls in
    its post's year (`point`), which its label cannot tell, so `--01` of a February post follows `--11` of
    December's. Points that are not all placed keep the labels' order, as the chart then spaces them evenly."""
    if not all(p.span is not None and p.span.year_known for p in points):
        return points
    return tuple(sorted(points, key=lambda p: (p.span.start, p.span.end) if p.span else (0, 0)))


def thin(items: Sequence[T], count: int) -> list[T]:
    """`count` of these evenly apart, the first and the last among them (all when they are fewer)."""
    if len(items) <= count or count < 2:
        return list(items[len(items) - min(count, len(items)):])
    return [items[i] for i in sorted({round(n * (len(items) - 1) / (count - 1)) for n in range(count)})]


def series_reports(conn: Connection, found: Series) -> Iterator[Fact]:
    """Every shown report of the series' periods, period by period, each period's by value: its export."""
    return figure_reports(conn, found.figures)


def _points(conn: Connection, keys: list[str], named: dict[str, str]) -> tuple[tuple[SeriesPoint, ...], dict[str, str]]:
    """These figures as points, in the order given, and how each unit in `named` (by one of its figures)
    is spelled as stored: one read of the figures' extremes, one of those facts and their posts."""
    ends = extremes(conn, [*keys, *named.values()])
    highs = {key: ends[key][1].id for key in keys if key in ends and differ(ends[key][0].value, ends[key][1].value)}
    found = facts_by_ids(conn, {low.id for low, _ in ends.values()} | set(highs.values()))
    lowest = {key: found[low.id] for key, (low, _) in ends.items() if low.id in found}
    made = tuple(replace(point(*lowest[key]), high=point(*found[highs[key]]) if highs.get(key) in found else None)
                 for key in keys if key in lowest)
    return made, {unit: lowest[key][0].unit or unit for unit, key in named.items() if key in lowest}


def series_keys(conn: Connection, minimum: int = 2) -> list[SeriesKey]:
    """The series with at least `minimum` dated points, longest first: the menu of what can be drawn.

    A series' points are counted as its page draws them (`series` without a grain): one per period of
    the length most reported, however many posts report it, so the menu and the page agree."""
    periods: defaultdict[tuple[str, str, str | None, str | None, str], set[str]] = defaultdict(set)
    spelled: dict[tuple[str, str, str | None, str | None, str], str | None] = {}
    for commodity, metric, country, partner, unit, period in series_periods(conn):
        series_of = (commodity, metric, country, partner, (unit or "").casefold())
        spelled.setdefault(series_of, unit)
        periods[series_of].add(period.casefold())
    keys = []
    for series_of, labels in periods.items():
        grains = _grains(labels)
        drawn = grains[_most(grains) or ""] if grains else len(labels)  # as `series` draws them
        if drawn >= minimum:
            keys.append(SeriesKey(*series_of[:4], spelled[series_of], drawn))
    return sorted(keys, key=lambda k: (-k.points, k.commodity, k.metric, k.country or "", k.partner or "",
                                       k.unit or ""))
