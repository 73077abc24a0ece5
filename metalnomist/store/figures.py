"""A series as its figures: one per unit and period, read from the index of series keys.

A series' facts share the start of their series key (commodity, metric, country, partner, company,
then unit and period: store/contradictions.py), and the index on (series_key, value) keeps each
figure's reports together. So the figures are a loose scan of that index, one seek each however many
posts report them; a figure's extremes are two seeks (contradictions.extremes), and its every report a
walk of its key. What a series costs grows with the periods it covers, not with how often the archive
repeats them: at 20,000 synthetic posts the worldwide copper price had ~2,000 reports of ~120 months.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, NamedTuple

from sqlalchemy import Connection, literal_column, select

from metalnomist.models import Fact
from metalnomist.store.contradictions import KEY_FIELDS, SEPARATOR, indexed_key, series_prefix
from metalnomist.store.facts import FactFilter, fact_from_row, shown_post, with_titles
from metalnomist.store.schema import facts

MAX_FIGURES = 5_000  # keys read of one series, all units and period lengths: 400 years of months
_REPORTS_PER_READ = 50  # figures whose reports one statement of an export reads


class FigureKey(NamedTuple):
    """One figure of a series as its key tells it: unit and period case-folded, as the key holds them."""

    key: str
    unit: str
    period: str


def figure_keys(conn: Connection, leading: Sequence[str | None], limit: int = MAX_FIGURES) -> list[FigureKey]:
    """The figures of shown facts whose series key starts with these values of KEY_FIELDS, highest key
    first, at most `limit`: one statement, one index seek per figure (a recursive loose index scan)."""
    low = series_prefix(leading)
    high = low[:-1] + chr(ord(low[-1]) + 1)
    key = indexed_key(conn, facts.c.series_key)

    def below(bound: Any) -> Any:
        """The highest key under `bound`: one seek down the index."""
        return select(facts.c.series_key).where(key >= low, key < bound).order_by(key.desc()).limit(1).scalar_subquery()

    walk = select(below(high).label("key"), literal_column("1").label("n")).cte("walk", recursive=True)
    walk = walk.union_all(select(below(indexed_key(conn, walk.c.key)), walk.c.n + 1)
                          .where(walk.c.key.is_not(None), walk.c.n < limit))
    found = conn.execute(select(walk.c.key).where(walk.c.key.is_not(None)).order_by(walk.c.n)).scalars()
    return [_figure(k) for k in found]


def _figure(key: str) -> FigureKey:
    fields = dict(zip(KEY_FIELDS, key.split(SEPARATOR), strict=True))
    return FigureKey(key, fields["unit"], fields["period"])


def figure_reports(conn: Connection, keys: Sequence[str]) -> Iterator[Fact]:
    """Every shown report of these figures, figure by figure in the order given, each by value: a few
    statements per hundred figures, each a walk of their keys, so an export holds one batch at a time."""
    key = indexed_key(conn, facts.c.series_key)
    for start in range(0, len(keys), _REPORTS_PER_READ):
        batch = keys[start:start + _REPORTS_PER_READ]
        query = with_titles().where(key.in_(batch), shown_post(FactFilter())).order_by(key, facts.c.value, facts.c.id)
        yield from (fact_from_row(row) for row in _in_order(list(conn.execute(query)), batch))


def _in_order(rows: list[Any], keys: Sequence[str]) -> list[Any]:
    """Rows grouped by figure in the order of `keys`, each figure's as they came (sorting is stable)."""
    at = {key: place for place, key in enumerate(keys)}
    return sorted(rows, key=lambda row: at[row.series_key])
