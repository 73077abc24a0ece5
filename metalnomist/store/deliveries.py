"""The watches' outbox and delivery log: rows in, rows out; what to send and when is decided above."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, insert, select, update

from metalnomist.models import Channel
from metalnomist.store.schema import as_utc, deliveries, delivery_log, watches
from metalnomist.store.watches import insert_new


@dataclass(frozen=True)
class Queued:
    watch_id: int
    post_id: int
    channel: Channel
    due: datetime


def queue(conn: Connection, rows: Sequence[Queued]) -> int:
    """Add deliveries to the outbox; one already queued (or sent) for that watch, post and channel stays as it was."""
    return insert_new(conn, deliveries, [{"watch_id": r.watch_id, "post_id": r.post_id, "channel": r.channel,
                                          "due": r.due, "attempts": 0} for r in rows])


@dataclass(frozen=True)
class Claimed:
    """Deliveries of one watch on one channel, taken by one sender until `lease` ends."""

    watch_id: int
    channel: Channel
    ids: tuple[int, ...]
    post_ids: tuple[int, ...]
    attempts: int  # failures so far of the most-tried of them


def claim(conn: Connection, channels: Collection[str], now: datetime, lease: datetime,
          limit: int = 500) -> list[Claimed]:
    """Pending deliveries on these channels due by `now`, moved to `lease` so another sender leaves them
    alone; a sender that dies mid-way leaves them to be taken again when the lease ends (nothing is lost)."""
    pending = (select(deliveries.c.id).where(deliveries.c.sent.is_(None), deliveries.c.gave_up.is_(None),
                                            deliveries.c.due <= now, deliveries.c.channel.in_(list(channels)))
               .order_by(deliveries.c.id).limit(limit))
    ids = [r.id for r in conn.execute(pending)]
    if not ids:
        return []
    taken = conn.execute(update(deliveries).where(deliveries.c.id.in_(ids), deliveries.c.sent.is_(None),
                                                  deliveries.c.due <= now).values(due=lease)
                         .returning(deliveries.c.id, deliveries.c.watch_id, deliveries.c.post_id,
                                    deliveries.c.channel, deliveries.c.attempts))
    groups: dict[tuple[int, str], list[Any]] = {}
    for row in sorted(taken, key=lambda r: r.id):
        groups.setdefault((row.watch_id, row.channel), []).append(row)
    return [Claimed(watch_id, channel, tuple(r.id for r in rows), tuple(r.post_id for r in rows),  # type: ignore[arg-type]
                    max(r.attempts for r in rows)) for (watch_id, channel), rows in groups.items()]


def mark_sent(conn: Connection, ids: Collection[int], now: datetime) -> None:
    conn.execute(update(deliveries).where(deliveries.c.id.in_(list(ids))).values(sent=now))


def retry_later(conn: Connection, ids: Collection[int], due: datetime) -> None:
    conn.execute(update(deliveries).where(deliveries.c.id.in_(list(ids)))
                 .values(due=due, attempts=deliveries.c.attempts + 1))


def give_up(conn: Connection, ids: Collection[int], now: datetime) -> None:
    conn.execute(update(deliveries).where(deliveries.c.id.in_(list(ids)))
                 .values(gave_up=now, attempts=deliveries.c.attempts + 1))


def give_up_watch(conn: Connection, watch_id: int, channel: Channel, now: datetime) -> None:
    """Every pending delivery of a stopped channel: a disabled webhook is not retried."""
    conn.execute(update(deliveries).where(deliveries.c.watch_id == watch_id, deliveries.c.channel == channel,
                                          deliveries.c.sent.is_(None), deliveries.c.gave_up.is_(None))
                 .values(gave_up=now))


def disable_webhook(conn: Connection, watch_id: int, reason: str) -> None:
    conn.execute(update(watches).where(watches.c.id == watch_id).values(webhook_disabled=reason))


def set_deliveries(conn: Connection, user_id: int, watch_id: int, email_to: str | None, email_every: str | None,
                   webhook_url: str | None, webhook_secret: str | None) -> bool:
    """Only the owner's watch; a webhook set again starts enabled."""
    query = (update(watches).where(watches.c.id == watch_id, watches.c.user_id == user_id)
             .values(email_to=email_to, email_every=email_every, webhook_url=webhook_url,
                     webhook_secret=webhook_secret, webhook_disabled=None))
    return conn.execute(query).rowcount > 0


def log_attempt(conn: Connection, watch_id: int, channel: Channel, posts: int, ok: bool, detail: str,
                now: datetime) -> None:
    conn.execute(insert(delivery_log).values(watch_id=watch_id, at=now, channel=channel, posts=posts, ok=ok,
                                             detail=detail[:2000]))


@dataclass(frozen=True)
class Attempt:
    at: datetime
    channel: Channel
    posts: int
    ok: bool
    detail: str


def attempts_of(conn: Connection, watch_id: int, limit: int = 20) -> list[Attempt]:
    """A watch's latest delivery attempts, newest first."""
    query = (select(delivery_log).where(delivery_log.c.watch_id == watch_id)
             .order_by(delivery_log.c.at.desc(), delivery_log.c.id.desc()).limit(limit))
    return [Attempt(as_utc(r.at) or r.at, r.channel, r.posts, r.ok, r.detail) for r in conn.execute(query)]
