"""How many shown facts carry each value of a filter column: the counts behind the explorer's menus."""

from __future__ import annotations

from sqlalchemy import Connection, func, select

from metalnomist.store.facts import FILTER_COLUMNS
from metalnomist.store.schema import facts


def value_counts(conn: Connection, column: str) -> list[tuple[str, int]]:
    """(value, facts) for every value of `column`, most facts first, then by value."""
    if column not in FILTER_COLUMNS:  # a closed list: request text never names a column
        raise ValueError(f"{column!r} is not a filter column; expected one of {', '.join(FILTER_COLUMNS)}")
    col = getattr(facts.c, column)
    n = func.count()
    query = select(col, n).where(col.is_not(None)).group_by(col).order_by(n.desc(), col)
    return [(str(value), int(count)) for value, count in conn.execute(query)]
