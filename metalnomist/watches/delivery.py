"""Sending the outbox: each watch's new matches by email digest and by signed webhook.

A match queues one delivery per channel in the transaction that stores it (matching.py), so a
server stopped between matching and sending loses nothing. A sender takes the due deliveries with
a lease; one that dies mid-way leaves them to be taken again when the lease ends. A receiver that
fails is tried again after a wait that doubles each time; after `delivery_max_attempts` failures in a
row, a webhook is disabled and the reason shown on /watch.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from metalnomist.config import Settings
from metalnomist.errors import DeliveryFailed
from metalnomist.models import Channel, Post, Watch
from metalnomist.store import Store
from metalnomist.store.deliveries import (
    Claimed,
    Queued,
    claim,
    disable_webhook,
    give_up,
    give_up_watch,
    log_attempt,
    mark_sent,
    retry_later,
)
from metalnomist.store.posts import posts_by_ids
from metalnomist.store.watches import watch_by_id

LEASE = timedelta(minutes=5)  # longer than any one send may take (SMTP and webhook timeouts are seconds)
LONGEST_WAIT = timedelta(days=1)

# Sends one watch's new posts on one channel; returns what the log says of it, or raises DeliveryFailed.
Sender = Callable[[Watch, Sequence[Post]], str]


def digest_due(now: datetime, every: str | None) -> datetime:
    """When a match made `now` is sent: at once, or with the day's (the week's) others at the next
    midnight (Monday midnight) UTC, so one digest carries them all."""
    if every in (None, "immediately"):
        return now
    midnight = datetime(now.year, now.month, now.day, tzinfo=UTC) + timedelta(days=1)
    return midnight if every == "daily" else midnight + timedelta(days=(7 - midnight.weekday()) % 7)


def queued_for(watches: Mapping[int, Watch], pairs: Collection[tuple[int, int]], now: datetime) -> list[Queued]:
    """The deliveries new matches call for: one per channel of the watch."""
    rows = []
    for watch_id, post_id in sorted(pairs):
        watch = watches[watch_id]
        for channel in watch.channels():
            due = digest_due(now, watch.email_every) if channel == "email" else now
            rows.append(Queued(watch_id, post_id, channel, due))
    return rows


def retry_wait(settings: Settings, failures: int) -> timedelta:
    """The base wait, doubled for each failure after the first, at most a day."""
    return min(timedelta(seconds=settings.delivery_retry_seconds * 2 ** max(failures - 1, 0)), LONGEST_WAIT)


@dataclass(frozen=True)
class SendRun:
    sent: int
    failed: int


_log = logging.getLogger(__name__)


def send_due(store: Store, settings: Settings, senders: Mapping[Channel, Sender],
             now: datetime | None = None) -> SendRun:
    """Send every due delivery whose channel has a sender, grouped per watch and channel."""
    now = now or datetime.now(UTC)
    with store.transaction() as conn:
        claimed = claim(conn, list(senders), now, now + LEASE)
    sent = failed = 0
    for group in claimed:
        if _send(store, settings, senders[group.channel], group, now):
            sent += 1
        else:
            failed += 1
    return SendRun(sent, failed)


def _send(store: Store, settings: Settings, sender: Sender, group: Claimed, now: datetime) -> bool:
    with store.reading(primary=True) as conn:
        watch = watch_by_id(conn, group.watch_id)
        found = posts_by_ids(conn, list(group.post_ids))
    posts = [found[i] for i in group.post_ids if i in found]  # a post deleted or unpublished since is left out
    if watch is None or group.channel not in watch.channels() or not posts:
        with store.transaction() as conn:
            give_up(conn, group.ids, now)
        return False
    try:
        detail = sender(watch, posts)
    except DeliveryFailed as exc:
        _failed(store, settings, watch, group, str(exc), len(posts), now)
        return False
    except Exception as exc:  # a sender's own bug fails this group only: the ones claimed with it still go
        _log.exception("sending watch %s by %s failed", watch.id, group.channel)
        _failed(store, settings, watch, group, f"{type(exc).__name__}: {exc}", len(posts), now)
        return False
    with store.transaction() as conn:
        mark_sent(conn, group.ids, now)
        log_attempt(conn, watch.id, group.channel, len(posts), True, detail, now)
    return True


def _failed(store: Store, settings: Settings, watch: Watch, group: Claimed, problem: str, posts: int,
            now: datetime) -> None:
    failures = group.attempts + 1
    with store.transaction() as conn:
        if failures >= settings.delivery_max_attempts:
            give_up(conn, group.ids, now)
            if group.channel == "webhook":
                reason = f"stopped after {failures} failed deliveries in a row; the last: {problem}"
                disable_webhook(conn, watch.id, reason)
                give_up_watch(conn, watch.id, "webhook", now)
            detail = f"gave up after {failures} attempts: {problem}"
        else:
            wait = retry_wait(settings, failures)
            retry_later(conn, group.ids, now + wait)
            detail = f"{problem}; attempt {failures} of {settings.delivery_max_attempts}, next in {wait}"
        log_attempt(conn, watch.id, group.channel, posts, False, detail, now)
