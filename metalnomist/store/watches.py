"""Watches, the posts they matched, and where matching has got to in the change log: rows in, rows out."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Row, delete, func, insert, or_, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from metalnomist.models import Watch, WatchKind
from metalnomist.store.schema import archive_meta, as_utc, posts, watch_matches, watches

CURSOR_KEY = "watch_seq"  # archive_meta: the last change-log sequence matched against the watches


def _watch(row: Row[Any]) -> Watch:
    created, seen = as_utc(row.created), as_utc(row.seen)
    assert created is not None and seen is not None  # NOT NULL columns
    return Watch(id=row.id, user_id=row.user_id, kind=row.kind, query=row.query, labels=tuple(row.labels),
                 filters=tuple(sorted((str(k), str(v)) for k, v in row.filters.items())), created=created, seen=seen,
                 email_to=row.email_to, email_every=row.email_every, webhook_url=row.webhook_url,
                 webhook_secret=row.webhook_secret, webhook_disabled=row.webhook_disabled)


def add_watch(conn: Connection, user_id: int, kind: WatchKind, query: str, labels: Sequence[str],
              filters: dict[str, str], now: datetime) -> Watch:
    values = {"user_id": user_id, "kind": kind, "query": query, "labels": list(labels), "filters": filters,
              "created": now, "seen": now}
    new_id = int(conn.execute(insert(watches).values(**values)).inserted_primary_key[0])  # type: ignore[index]
    return _watch(conn.execute(select(watches).where(watches.c.id == new_id)).one())


def watches_of(conn: Connection, user_id: int) -> list[Watch]:
    return [_watch(r) for r in conn.execute(select(watches).where(watches.c.user_id == user_id).order_by(watches.c.id))]


def watch_by_id(conn: Connection, watch_id: int) -> Watch | None:
    row = conn.execute(select(watches).where(watches.c.id == watch_id)).first()
    return _watch(row) if row else None


def all_watches(conn: Connection) -> list[Watch]:
    return [_watch(r) for r in conn.execute(select(watches).order_by(watches.c.id))]


def delivering_watches(conn: Connection, ids: Collection[int]) -> dict[int, Watch]:
    """Those of these watches that send email or webhooks (most only list their matches on /watch)."""
    if not ids:
        return {}
    query = select(watches).where(watches.c.id.in_(sorted(ids)),
                                  or_(watches.c.email_every.is_not(None), watches.c.webhook_url.is_not(None)))
    return {r.id: _watch(r) for r in conn.execute(query)}


@dataclass(frozen=True)
class WatchSignature:
    """Changes when a watch is added or deleted: whether a matcher's book of watches is still right.

    The ids alone do not tell: SQLite gives the highest id, once deleted, to the next watch saved."""

    count: int
    highest: int
    newest: datetime | None  # when the latest watch was saved; a watch saved in a deleted one's id is newer


def watch_signature(conn: Connection) -> WatchSignature:
    row = conn.execute(select(func.count(), func.coalesce(func.max(watches.c.id), 0),
                              func.max(watches.c.created))).one()
    return WatchSignature(int(row[0]), int(row[1]), as_utc(row[2]))


def delete_watch(conn: Connection, user_id: int, watch_id: int) -> bool:
    """Only the owner's: another user's watch id deletes nothing."""
    query = delete(watches).where(watches.c.id == watch_id, watches.c.user_id == user_id)
    return conn.execute(query).rowcount > 0


def mark_seen(conn: Connection, user_id: int, now: datetime) -> None:
    conn.execute(update(watches).where(watches.c.user_id == user_id).values(seen=now))


@dataclass(frozen=True)
class Arrival:
    """A post a watch matched: what /watch lists of it."""

    watch_id: int
    post_id: int
    title: str
    permalink: str
    matched: datetime


def arrivals(conn: Connection, watch_id: int, limit: int = 20) -> list[Arrival]:
    """A watch's newest matches, at most `limit`; posts gone or unpublished since are left out."""
    query = (select(watch_matches.c.post_id, watch_matches.c.matched, posts.c.title, posts.c.permalink)
             .join(posts, posts.c.id == watch_matches.c.post_id)
             .where(watch_matches.c.watch_id == watch_id, posts.c.status == "published")
             .order_by(watch_matches.c.matched.desc(), watch_matches.c.post_id.desc()).limit(limit))
    return [Arrival(watch_id, r.post_id, r.title, r.permalink, as_utc(r.matched) or r.matched)
            for r in conn.execute(query)]


def count_arrivals(conn: Connection, watch_id: int, since: datetime) -> int:
    query = (select(func.count()).select_from(watch_matches.join(posts, posts.c.id == watch_matches.c.post_id))
             .where(watch_matches.c.watch_id == watch_id, watch_matches.c.matched > since,
                    posts.c.status == "published"))
    return int(conn.execute(query).scalar_one())


def insert_new(conn: Connection, table: Any, rows: Sequence[dict[str, Any]]) -> int:
    """Insert these rows, skipping any whose key is already stored; returns how many were new.

    One statement run for every row (executemany): a statement of all the values would pass SQLite's
    limit on values per statement (999 in older builds), and SQLAlchemy would compile each anew."""
    if not rows:
        return 0
    dialect_insert = pg_insert if conn.dialect.name == "postgresql" else sqlite_insert
    return int(conn.execute(dialect_insert(table).on_conflict_do_nothing(), list(rows)).rowcount)


def record_matches(conn: Connection, pairs: Collection[tuple[int, int]], now: datetime) -> int:
    """Store (watch id, post id) matches; a pair already stored is left as it was. Returns how many are new."""
    return insert_new(conn, watch_matches, [{"watch_id": w, "post_id": p, "matched": now} for w, p in sorted(pairs)])


def matched_cursor(conn: Connection) -> int:
    value = conn.execute(select(archive_meta.c.value).where(archive_meta.c.key == CURSOR_KEY)).scalar()
    return int(value) if value is not None else 0


def move_cursor(conn: Connection, seq: int) -> None:
    """Forward only: a slower matcher finishing after a faster one never moves it back."""
    if conn.execute(select(archive_meta.c.key).where(archive_meta.c.key == CURSOR_KEY)).first() is None:
        conn.execute(insert(archive_meta).values(key=CURSOR_KEY, value=str(seq)))
    elif seq > matched_cursor(conn):
        conn.execute(update(archive_meta).where(archive_meta.c.key == CURSOR_KEY).values(value=str(seq)))
