"""Reports that disagree: two posts giving one figure (same series, unit and period) more than 1% apart."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from metalnomist.analysis.series import SeriesKey, SeriesPoint, points
from metalnomist.models import Fact
from metalnomist.store import Connection
from metalnomist.store.facts import facts_reported_twice

CONTRADICTION_TOLERANCE = 0.01  # the benchmark's own tolerance: closer values are the same figure rounded


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


def contradictions(conn: Connection) -> list[Contradiction]:
    """Pairs of facts from different posts that should agree and do not.

    The key also holds the company, so a carmaker's figure never contradicts the market's.
    Year-less periods (`--03`) are compared only within the same stated label.
    """
    found = facts_reported_twice(conn)
    groups: dict[tuple[str | None, ...], list[Fact]] = defaultdict(list)
    for fact in found:
        if fact.value is not None and fact.period:
            fields = (fact.commodity, fact.metric, fact.country, fact.partner, fact.company, fact.unit, fact.period)
            groups[tuple((v or "").casefold() or None for v in fields)].append(fact)
    candidates = [g for g in groups.values() if len({f.post_id for f in g}) > 1]
    by_id = {p.fact_id: p for p in points(conn, [f for g in candidates for f in g])}
    out: list[Contradiction] = []
    for group in candidates:
        first = group[0]
        key = SeriesKey(first.commodity or "", first.metric, first.country, first.partner, first.unit)
        members = [by_id[f.id] for f in group if f.id in by_id]
        out.extend(Contradiction(key, first.period or "", a, b) for a, b in _pairs(members))
    return sorted(out, key=lambda c: (c.key.commodity, c.key.metric, c.period, c.first.fact_id))

