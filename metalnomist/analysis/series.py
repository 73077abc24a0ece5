"""A figure over time: the facts that measure one thing the same way, in period order, and the menu of them."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from metalnomist.analysis.periods import Span, parse_period, period_grain
from metalnomist.models import Fact
from metalnomist.store import Connection
from metalnomist.store.facts import PostLink, post_links, series_counts, series_facts


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


def point(fact: Fact, post: PostLink) -> SeriesPoint:
    """A dated fact as a point, with what is shown of its post; a year-less period falls in the post's year."""
    assert fact.id is not None and fact.value is not None and fact.post_id is not None
    year = post.published.year if post.published else None
    return SeriesPoint(fact.id, fact.value, fact.value_max, fact.unit, fact.period or "", fact.change_pct,
                       fact.forecast, fact.post_id, post.title, post.permalink, fact.sentence,
                       parse_period(fact.period, year))


def points(conn: Connection, found: Sequence[Fact]) -> list[SeriesPoint]:
    """Facts as points with their posts' titles and permalinks, in period order."""
    links = post_links(conn, {f.post_id for f in found if f.post_id is not None})
    made = [point(f, links[f.post_id]) for f in found if f.post_id in links]
    return sorted(made, key=lambda p: (p.span is None, p.span.start if p.span else 0,
                                         p.span.end if p.span else 0, p.period, p.fact_id))


def series(conn: Connection, commodity: str, metric: str, country: str | None, partner: str | None = None,
           unit: str | None = None, company: str | None = None, grain: str | None = None) -> Series:
    """A figure over time: dated values of one commodity, metric, geography and partner.

    `partner=None` means the total flow (facts with no partner), not "any partner", and
    `company=None` the market's figures, so one carmaker's sales never join the market's line.
    Without `unit`, the most common unit is drawn and the others are named for the caller; so
    with `grain`, the length of the points' periods (a month, a year …). Only this series' facts
    are read (one range of their series key), however large the archive.
    """
    found = series_facts(conn, (commodity, metric, country, partner, company))
    units = Counter(f.unit for f in found)
    chosen = unit if unit is not None else (units.most_common(1)[0][0] if units else None)
    drawn = [f for f in found if (f.unit or "").casefold() == (chosen or "").casefold()]
    others = tuple(sorted(u for u in units if u is not None and u.casefold() != (chosen or "").casefold()))
    grains = Counter(period_grain(f.period) for f in drawn)
    grains.pop(None, None)
    length = grain if grain is not None else (grains.most_common(1)[0][0] if grains else None)
    drawn = [f for f in drawn if period_grain(f.period) == length or (length is None and not grains)]
    key = SeriesKey(commodity, metric, country or None, partner or None, chosen, len(drawn), length)
    other_grains = tuple(sorted(str(g) for g in grains if g != length))
    return Series(key, tuple(points(conn, drawn)), others, other_grains)


def series_keys(conn: Connection, minimum: int = 2) -> list[SeriesKey]:
    """The series with at least `minimum` dated points, longest first: the menu of what can be drawn."""
    rows = series_counts(conn, minimum)
    keys = [SeriesKey(c, m, country, partner, unit, n) for c, m, country, partner, unit, n in rows]
    return sorted(keys, key=lambda k: (-k.points, k.commodity, k.metric, k.country or "", k.partner or ""))

