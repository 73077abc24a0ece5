"""Contradictions kept as facts change: pairs of facts from different posts that report one figure differently.

Whenever a post's facts are replaced (ingest, re-extraction), its dated facts are compared with
the others of the same series and period, found through `facts.series_key`; a changed fact's
old pairs go with it (ON DELETE CASCADE). Listing them is then one indexed page of a small
table, never a pass over every fact.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import chain, groupby
from typing import Any

from sqlalchemy import Connection, Row, Table, and_, bindparam, delete, func, insert, or_, select, update

from metalnomist.models import Fact
from metalnomist.store.schema import contradiction_rows, contradictions, fact_rows, facts, ingests

TOLERANCE = 0.01  # the benchmark's own tolerance: closer values are the same figure rounded
KEY_FIELDS = ("commodity", "metric", "country", "partner", "company", "unit", "period")
_SEPARATOR = "\x1f"  # no vocabulary value holds a control character
_CHUNK = 500  # values per IN (…) list


def series_key(fact: Fact | Row[Any]) -> str | None:
    """What two facts must share to contradict: series, unit and period, case-folded; None when undated.

    The company belongs to it, so a carmaker's figure never contradicts the market's, and a
    year-less period (`--03`) only meets the same stated label.
    """
    if fact.value is None or not fact.period:
        return None
    return _SEPARATOR.join((getattr(fact, name) or "").casefold() for name in KEY_FIELDS)


def series_prefix(leading: Sequence[str | None]) -> str:
    """How the series key of facts with these first values of KEY_FIELDS begins (a prefix of series_key's)."""
    return "".join((value or "").casefold() + _SEPARATOR for value in leading)


def differ(a: float, b: float) -> bool:
    return abs(a - b) > TOLERANCE * max(abs(a), abs(b))


@dataclass(frozen=True)
class _Member:
    id: int
    post_id: int
    value: float
    commodity: str
    metric: str
    period: str


def _chunks(values: Sequence[Any]) -> Iterator[Sequence[Any]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start:start + _CHUNK]


def _pairs(group: Sequence[_Member], changed: Collection[int] | None) -> Iterator[dict[str, Any]]:
    """Rows for the pairs a group forms (earlier post first), only those touching `changed` posts (None: all).

    Each changed fact meets the group through its values sorted once: everything outside a window
    around its value differs for certain and everything in its middle agrees, so only the window's
    edges are compared, and a series of thousands of equal figures costs a few bisections per new
    fact, not a comparison with every other.
    """
    by_value = sorted(group, key=lambda member: member.value)
    values = [member.value for member in by_value]
    for a in group if changed is None else [m for m in group if m.post_id in changed]:
        reach = TOLERANCE * abs(a.value) / (1 - TOLERANCE)  # beyond it, `differ` holds
        near = TOLERANCE * abs(a.value) * (1 - 1e-9)  # within it, it cannot (a hair less: rounding)
        low, high = bisect_left(values, a.value - reach), bisect_right(values, a.value + reach)
        same_low, same_high = bisect_left(values, a.value - near), bisect_right(values, a.value + near)
        edges = (b for b in chain(by_value[low:same_low], by_value[same_high:high]) if differ(a.value, b.value))
        for b in chain(by_value[:low], edges, by_value[high:]):
            both = changed is None or b.post_id in changed
            if b.post_id == a.post_id or (both and (b.post_id, b.id) < (a.post_id, a.id)):
                continue  # the same post, or a pair found from its other end
            first, second = sorted((a, b), key=lambda member: (member.post_id, member.id))
            yield {"first_fact_id": first.id, "second_fact_id": second.id, "commodity": first.commodity,
                   "metric": first.metric, "period": first.period}


def _store_pairs(conn: Connection, keys: Iterable[str], changed: Collection[int] | None, source: Any = facts,
                 pairs: Table = contradiction_rows, batch: int | None = None) -> None:
    columns = (source.c.id, source.c.post_id, source.c.value, source.c.commodity, source.c.metric, source.c.period,
               source.c.series_key)
    for chunk in _chunks(sorted(set(keys))):
        query = (select(*columns).where(source.c.series_key.in_(chunk))
                 .order_by(source.c.series_key, source.c.post_id, source.c.id))
        rows = []
        for _, members in groupby(conn.execute(query), key=lambda row: row.series_key):
            group = [_Member(r.id, r.post_id, r.value, r.commodity or "", r.metric, r.period) for r in members]
            rows += [{**pair, "batch": batch} if batch is not None else pair for pair in _pairs(group, changed)]
        if rows:
            conn.execute(insert(pairs), rows)


def find_contradictions(conn: Connection, post_ids: Collection[int], batch: int | None = None) -> None:
    """After these posts' facts were replaced: store every pair their new facts form with any post's.

    The facts of an unpublished ingest (`batch`) pair with every visible fact but those it retires,
    and with each other, and their pairs stay hidden with them.
    """
    source: Any = facts
    if batch is not None:
        running = select(ingests.c.id)
        shown = or_(fact_rows.c.batch.is_(None), fact_rows.c.batch == batch, fact_rows.c.batch.not_in(running))
        kept = or_(fact_rows.c.retired.is_(None), and_(fact_rows.c.retired != batch, fact_rows.c.retired.in_(running)))
        source = select(fact_rows).where(shown, kept).subquery()
    keys: list[str] = []
    for chunk in _chunks(sorted(post_ids)):
        keys += conn.execute(select(source.c.series_key).distinct()
                             .where(source.c.post_id.in_(chunk), source.c.series_key.is_not(None))).scalars()
    _store_pairs(conn, keys, set(post_ids), source, batch=batch)


def rebuild_contradictions(conn: Connection, batch: int = 5000, fact_table: Table = fact_rows,
                           pair_table: Table = contradiction_rows) -> None:
    """Every fact's series key and every pair again, from the facts alone (the migration that added them,
    which passes the tables by the names they had then)."""
    conn.execute(delete(pair_table))
    last = 0
    while True:
        # Only the columns a key needs: a migration runs this on the schema of its own day.
        columns = [fact_table.c.id, fact_table.c.value, *(getattr(fact_table.c, name) for name in KEY_FIELDS)]
        rows = list(conn.execute(select(*columns).where(fact_table.c.id > last).order_by(fact_table.c.id)
                                 .limit(batch)))
        if not rows:
            break
        keyed = [{"fact_id": r.id, "key": series_key(r)} for r in rows]
        conn.execute(update(fact_table).where(fact_table.c.id == bindparam("fact_id"))
                     .values(series_key=bindparam("key")), keyed)
        last = rows[-1].id
    shared = (select(fact_table.c.series_key).where(fact_table.c.series_key.is_not(None))
              .group_by(fact_table.c.series_key).having(func.count(func.distinct(fact_table.c.post_id)) > 1))
    _store_pairs(conn, conn.execute(shared).scalars(), None, fact_table, pair_table)


def count_contradictions(conn: Connection) -> int:
    return int(conn.execute(select(func.count()).select_from(contradictions)).scalar_one())


def contradiction_page(conn: Connection, offset: int, limit: int) -> list[tuple[int, int]]:
    """(first fact id, second fact id) of one page of pairs, by commodity, metric and period."""
    order = (contradictions.c.commodity, contradictions.c.metric, contradictions.c.period,
             contradictions.c.first_fact_id, contradictions.c.second_fact_id)
    query = (select(contradictions.c.first_fact_id, contradictions.c.second_fact_id).order_by(*order)
             .offset(offset).limit(limit))
    return [(row.first_fact_id, row.second_fact_id) for row in conn.execute(query)]
