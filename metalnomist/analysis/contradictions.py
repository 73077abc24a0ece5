"""Reports that disagree: posts giving one figure (same series, unit and period) more than 1% apart.

Each disputed figure is kept as its two most distant reports when facts change
(store/contradictions.py); this reads one page of them.
"""

from __future__ import annotations

from dataclasses import dataclass

from metalnomist.analysis.series import SeriesKey, SeriesPoint, point
from metalnomist.store import Connection
from metalnomist.store.contradictions import count_disputes, dispute_page
from metalnomist.store.facts import facts_by_ids


@dataclass(frozen=True)
class Contradiction:
    """A figure (same series, unit and period) reported more than 1% apart: its two most distant
    reports from different posts."""

    key: SeriesKey
    period: str
    first: SeriesPoint
    second: SeriesPoint
    company: str | None = None  # whose figure, when it is one company's and not the market's

    @property
    def difference_pct(self) -> float:
        """How far apart, relative to the larger magnitude."""
        return abs(self.first.value - self.second.value) / max(abs(self.first.value), abs(self.second.value)) * 100


def contradictions(conn: Connection, offset: int = 0, limit: int = 50) -> tuple[list[Contradiction], int]:
    """One page of disputed figures, by commodity, metric and period, and how many there are in all.

    The key also holds the company, so a carmaker's figure never contradicts the market's;
    year-less periods (`--03`) are compared only within the same stated label.
    """
    total = count_disputes(conn)
    pairs = dispute_page(conn, offset, limit)
    found = facts_by_ids(conn, {fact_id for pair in pairs for fact_id in pair})
    out = []
    for a, b in pairs:
        if a in found and b in found:
            fact = found[a][0]
            key = SeriesKey(fact.commodity or "", fact.metric, fact.country, fact.partner, fact.unit)
            out.append(Contradiction(key, fact.period or "", point(*found[a]), point(*found[b]), fact.company))
    return out, total
