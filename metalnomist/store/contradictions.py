"""Disputed figures, kept as facts change: posts that report one figure (series, unit, period) differently.

A figure is disputed when two of its reports from different posts are more than 1% apart; what is
kept of it is one row, its two most distant reports. Pairs of every report with every other grew
with the square of the posts reporting a figure (101,031 rows at 20,000 synthetic posts, 6,730 at
5,000); one row per figure grows with the figures.

Replacing a post's facts queues the series keys of its old and new facts (`dispute_queue`); a key
is settled by reading its extremes through the index on (series_key, value): a few seeks whatever
the archive holds. A desk save or re-extraction settles its keys in its own transaction; an
ingest's keys wait, hidden with it, until the file is published, then are settled a short
transaction at a time (`settle_disputes`), so the list follows the published facts a moment later.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Integer, Row, String, column, delete, func, insert, or_, select, text

from metalnomist.models import Fact
from metalnomist.store.schema import dispute_queue, disputes, fact_rows, facts, ingests

TOLERANCE = 0.01  # the benchmark's own tolerance: closer values are the same figure rounded
KEY_FIELDS = ("commodity", "metric", "country", "partner", "company", "unit", "period")
SEPARATOR = "\x1f"  # no vocabulary value holds a control character
_CHUNK = 500  # values per IN (…) list
SETTLE_KEYS = 1000  # figures settled per transaction after an ingest: a short write, however big the file
SETTLE_LOCK = 7_318_042_916  # PostgreSQL advisory lock key: one transaction settling figures at a time


def series_key(fact: Fact | Row[Any]) -> str | None:
    """What two facts must share to contradict: series, unit and period, case-folded; None when undated.

    The company belongs to it, so a carmaker's figure never contradicts the market's, and a
    year-less period (`--03`) only meets the same stated label.
    """
    if fact.value is None or not fact.period:
        return None
    return SEPARATOR.join((getattr(fact, name) or "").casefold() for name in KEY_FIELDS)


def series_prefix(leading: Sequence[str | None]) -> str:
    """How the series key of facts with these first values of KEY_FIELDS begins (a prefix of series_key's)."""
    return "".join((value or "").casefold() + SEPARATOR for value in leading)


def indexed_key(conn: Connection, column: Any) -> Any:
    """A series key column as its index orders it: by code point on PostgreSQL (COLLATE "C", 0014),
    and only comparisons in that collation may use the index there."""
    return column.collate("C") if conn.dialect.name == "postgresql" else column


def differ(a: float, b: float) -> bool:
    return abs(a - b) > TOLERANCE * max(abs(a), abs(b))



@dataclass(frozen=True)
class Report:
    """One fact as a dispute weighs it."""

    id: int
    post_id: int
    value: float


def widest(low: Report, high: Report, others_high: Report | None,
           others_low: Report | None) -> tuple[Report, Report] | None:
    """The two reports of different posts furthest apart in value, if they differ; else None.

    `low` and `high` are the figure's extremes, `others_high` the highest report of a post other than
    `low`'s and `others_low` the lowest of a post other than `high`'s: the pair of different posts
    furthest apart is one of these, and if any two reports of different posts differ, one of these
    does (tests/store/test_disputes.py checks both against every pair).
    """
    pairs = [(low, high)] if low.post_id != high.post_id else []
    if others_high is not None:
        pairs.append((low, others_high))
    if others_low is not None:
        pairs.append((others_low, high))
    apart = [pair for pair in pairs if differ(pair[0].value, pair[1].value)]  # each pair is of two posts
    return max(apart, key=lambda pair: pair[1].value - pair[0].value) if apart else None


def _order(highest: bool) -> tuple[Any, ...]:
    """Reports by value, ties by post and fact: the order of the (series_key, value) index, either way."""
    if highest:
        return facts.c.value.desc(), facts.c.post_id.desc(), facts.c.id.desc()
    return facts.c.value.asc(), facts.c.post_id.asc(), facts.c.id.asc()


def _chunks(values: Sequence[Any]) -> Iterator[Sequence[Any]]:
    """Slices short enough for one IN (…) list."""
    for start in range(0, len(values), _CHUNK):
        yield values[start:start + _CHUNK]


def _listed(keys: Sequence[str], posts: Sequence[int] | None = None) -> Any:
    """The keys as a table with a column `key` (and `post`, when given, one a key): SQLite and PostgreSQL
    both name a VALUES list's columns `column1`, `column2` (SQLAlchemy's values() would name them in a way
    SQLite cannot parse)."""
    named: dict[str, tuple[Any, Sequence[Any]]] = {"key": (String, keys)}
    if posts is not None:
        named["post"] = (Integer, posts)
    rows = ", ".join("(" + ", ".join(f":{name}{number}" for name in named) + ")" for number in range(len(keys)))
    names = ", ".join(f"column{place} AS {name}" for place, name in enumerate(named, 1))
    listed = text(f"SELECT {names} FROM (VALUES {rows}) AS listed")
    params = {f"{name}{number}": value for name, (_, values) in named.items() for number, value in enumerate(values)}
    return listed.bindparams(**params).columns(*(column(name, kind) for name, (kind, _) in named.items())).subquery(
        "wanted")


def _by_value(highest: bool) -> tuple[Any, ...]:
    """Reports by value, ties by fact: the order of the (series_key, value, id) index, either way."""
    return (facts.c.value.desc(), facts.c.id.desc()) if highest else (facts.c.value.asc(), facts.c.id.asc())


def extremes(conn: Connection, keys: Sequence[str]) -> dict[str, tuple[Report, Report]]:
    """Each figure's lowest and highest shown report, ties to the first fact (not the first post, which
    would read every tied report): two index seeks per figure, one statement per chunk."""
    found: dict[str, tuple[Report, Report]] = {}
    for chunk in _chunks(keys):
        found.update(_extremes(conn, chunk, _by_value))
    return found


def _extremes(conn: Connection, keys: Sequence[str], order: Callable[[bool], tuple[Any, ...]] = _order,
              other_than: Sequence[int] | None = None) -> dict[str, tuple[Report, Report]]:
    """Each figure's lowest and highest shown report in `order`; with `other_than` (a post a key), of the other
    posts only, and a figure only that post reports is left out."""
    wanted = _listed(keys, other_than)
    ends = [select(facts.c.id).where(indexed_key(conn, facts.c.series_key) == wanted.c.key,
                                     *([facts.c.post_id != wanted.c.post] if other_than is not None else []))
            .order_by(*order(highest)).limit(1).scalar_subquery().label(name)
            for name, highest in (("low", False), ("high", True))]
    found = [(row.key, row.low, row.high) for row in conn.execute(select(wanted.c.key, *ends)) if row.low is not None]
    ids = {fact for _, low, high in found for fact in (low, high)}
    reports = {row.id: Report(row.id, row.post_id, row.value) for row in conn.execute(
        select(facts.c.id, facts.c.post_id, facts.c.value).where(facts.c.id.in_(ids)))} if ids else {}
    return {key: (reports[low], reports[high]) for key, low, high in found}


def _dispute(key: str, low: Report, high: Report, others: tuple[Report, Report] | None) -> dict[str, Any] | None:
    """The figure's dispute row from its extremes and, when one post holds both, the other posts' (or None)."""
    if low.id == high.id:
        return None  # one report: nothing to dispute
    others_low, others_high = others if others else (None, None)
    found = widest(low, high, others_high, others_low)
    if found is None:
        return None
    first, second = sorted(found, key=lambda report: (report.post_id, report.id))
    fields = dict(zip(KEY_FIELDS, key.split(SEPARATOR), strict=True))
    return {"series_key": key, "commodity": fields["commodity"], "metric": fields["metric"],
            "period": fields["period"], "first_fact_id": first.id, "second_fact_id": second.id}


def hold_disputes(conn: Connection) -> None:
    """Wait for any other transaction settling figures to commit, and keep them waiting until this one does.

    Two settling one figure at once on PostgreSQL each missed the other's uncommitted facts, and the
    second to commit failed on the dispute row the first wrote. A transaction that also changes facts
    must hold this before it does, or a settler it waits for may wait for its facts' rows. SQLite's
    one write lock already does this.
    """
    if conn.dialect.name == "postgresql":
        conn.execute(select(func.pg_advisory_xact_lock(SETTLE_LOCK)))


def settle(conn: Connection, keys: Iterable[str]) -> None:
    """These figures' dispute rows as their shown reports have them now: each one's widest pair, or none.

    A few statements per chunk of figures, whatever their number of reports."""
    hold_disputes(conn)
    for chunk in _chunks(sorted(set(keys))):
        conn.execute(delete(disputes).where(disputes.c.series_key.in_(chunk)))
        ends = _extremes(conn, chunk)
        # a post that holds both extremes (a revised figure): the other posts' extremes, all such figures at once
        shared = {key: low.post_id for key, (low, high) in ends.items() if low.id != high.id
                  and low.post_id == high.post_id}
        others = _extremes(conn, list(shared), other_than=list(shared.values())) if shared else {}
        rows = [row for key, (low, high) in ends.items()
                if (row := _dispute(key, low, high, others.get(key))) is not None]
        if rows:
            conn.execute(insert(disputes), rows)


def queue_disputes(conn: Connection, keys: Iterable[str | None], batch: int | None = None) -> None:
    """Mark these figures to be settled: now if `batch` is None, else once ingest `batch` is published."""
    wanted = sorted({key for key in keys if key})
    if batch is None:
        settle(conn, wanted)
    elif wanted:
        conn.execute(insert(dispute_queue), [{"series_key": key, "batch": batch} for key in wanted])


def keys_of_posts(conn: Connection, post_ids: Collection[int]) -> list[str]:
    """The series keys of these posts' shown facts."""
    keys: list[str] = []
    for chunk in _chunks(sorted(post_ids)):
        keys += conn.execute(select(facts.c.series_key).distinct()
                             .where(facts.c.post_id.in_(chunk), facts.c.series_key.is_not(None))).scalars()
    return keys


def drop_retired_disputes(conn: Connection, ingest: int) -> None:
    """As an ingest is published: the disputes between facts it retires go with them, so what is listed
    is always between shown facts; its figures are settled again right after (settle_disputes)."""
    retired = select(fact_rows.c.id).where(fact_rows.c.retired == ingest)
    conn.execute(delete(disputes).where(or_(disputes.c.first_fact_id.in_(retired),
                                            disputes.c.second_fact_id.in_(retired))))


def settle_disputes(conn: Connection, limit: int = SETTLE_KEYS) -> int:
    """Settle up to `limit` queued figures whose ingest is published (or gone); how many entries it took."""
    hold_disputes(conn)
    rows = list(conn.execute(select(dispute_queue.c.id, dispute_queue.c.series_key).where(_ready())
                             .order_by(dispute_queue.c.id).limit(limit)))
    settle(conn, (row.series_key for row in rows))
    for chunk in _chunks([row.id for row in rows]):
        conn.execute(delete(dispute_queue).where(dispute_queue.c.id.in_(chunk)))
    return len(rows)


def settling_due(conn: Connection) -> bool:
    """Whether figures wait to be settled whose ingest is published."""
    return conn.execute(select(dispute_queue.c.id).where(_ready()).limit(1)).first() is not None


def _ready() -> Any:
    """Queued figures whose ingest is published (or gone)."""
    return or_(dispute_queue.c.batch.is_(None), dispute_queue.c.batch.not_in(select(ingests.c.id)))


def rebuild_disputes(conn: Connection) -> None:
    """Every figure reported by more than one post settled again, from the shown facts alone."""
    conn.execute(delete(disputes))
    shared = (select(fact_rows.c.series_key).where(fact_rows.c.series_key.is_not(None))
              .group_by(fact_rows.c.series_key).having(func.count(func.distinct(fact_rows.c.post_id)) > 1))
    settle(conn, conn.execute(shared).scalars().all())


def count_disputes(conn: Connection) -> int:
    return int(conn.execute(select(func.count()).select_from(disputes)).scalar_one())


def dispute_page(conn: Connection, offset: int, limit: int) -> list[tuple[int, int]]:
    """(first fact id, second fact id) of one page of disputed figures, by commodity, metric and period."""
    order = (disputes.c.commodity, disputes.c.metric, disputes.c.period, disputes.c.series_key)
    query = select(disputes.c.first_fact_id, disputes.c.second_fact_id).order_by(*order).offset(offset).limit(limit)
    return [(row.first_fact_id, row.second_fact_id) for row in conn.execute(query)]

