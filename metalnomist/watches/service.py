"""The watch use cases the pages call: save a search or a facts filter, list what arrived, forget one."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, fields
from datetime import UTC, datetime
from urllib.parse import urlsplit

from metalnomist.config import Settings
from metalnomist.errors import AddressRefused, InvalidInput, NotFound
from metalnomist.models import EMAIL_EVERY, User, Watch
from metalnomist.search.query import MAX_QUERY_CHARS
from metalnomist.store import Store
from metalnomist.store.deliveries import Attempt, attempts_of, set_deliveries
from metalnomist.store.facts import FactFilter
from metalnomist.store.watches import (
    Arrival,
    add_watch,
    arrivals,
    count_arrivals,
    delete_watch,
    mark_seen,
    watch_by_id,
    watches_of,
)
from metalnomist.watches.addresses import public_addresses
from metalnomist.watches.webhook import new_secret

MAX_WATCHES = 100  # per user: a page of watches to read, not a crawler's list
MAX_LABELS = 10
MAX_VALUE_CHARS = 200
SHOWN_ARRIVALS = 20  # per watch on /watch; the count says how many more
SHOWN_ATTEMPTS = 10
EMAIL = re.compile(r"[^@\s]+@[^@\s]+")  # one line, one @: enough to refuse header injection and typos of shape


def _owned(store: Store, user: User) -> list[Watch]:
    with store.reading(primary=True) as conn:
        return watches_of(conn, user.id)


def _save(store: Store, user: User, watch: Watch) -> Watch:
    """The same watch saved twice is one watch."""
    mine = _owned(store, user)
    same = next((w for w in mine if (w.kind, w.query, w.labels, w.filters) ==
                 (watch.kind, watch.query, watch.labels, watch.filters)), None)
    if same is not None:
        return same
    if len(mine) >= MAX_WATCHES:
        raise InvalidInput("watch", f"you already have {MAX_WATCHES} watches, the most one account may keep; "
                                    "delete one on /watch first")
    with store.transaction() as conn:
        return add_watch(conn, user.id, watch.kind, watch.query, watch.labels, dict(watch.filters),
                         datetime.now(UTC))


def save_search_watch(store: Store, user: User, text: str, labels: Sequence[str]) -> Watch:
    """A search to follow: its words and labels, read as the search feed reads them (every word)."""
    query = " ".join(text.split())
    kept = tuple(dict.fromkeys(" ".join(label.split()) for label in labels if label.strip()))
    if not query and not kept:
        raise InvalidInput("q", "a watch needs words or a label to follow")
    if len(query) > MAX_QUERY_CHARS:
        raise InvalidInput("q", f"the words are {len(query)} characters; a watch takes at most {MAX_QUERY_CHARS}")
    if len(kept) > MAX_LABELS or any(len(label) > MAX_VALUE_CHARS for label in kept):
        raise InvalidInput("label", f"a watch takes at most {MAX_LABELS} labels of {MAX_VALUE_CHARS} characters")
    now = datetime.now(UTC)
    return _save(store, user, Watch(0, user.id, "search", query, kept, (), now, now))


def save_facts_watch(store: Store, user: User, flt: FactFilter) -> Watch:
    """A facts filter to follow (not one post's facts: that post is already here)."""
    chosen = {f.name: str(getattr(flt, f.name)).strip() for f in fields(flt)
              if f.name not in ("post_id", "post") and getattr(flt, f.name)}
    if not chosen:
        raise InvalidInput("commodity", "a facts watch needs at least one filter (a commodity, a metric …)")
    if any(len(value) > MAX_VALUE_CHARS for value in chosen.values()):
        raise InvalidInput("commodity", f"filter values are at most {MAX_VALUE_CHARS} characters")
    now = datetime.now(UTC)
    return _save(store, user, Watch(0, user.id, "facts", "", (), tuple(sorted(chosen.items())), now, now))


@dataclass(frozen=True)
class WatchNews:
    """One watch as /watch shows it: what arrived since the last visit (newest first), and how many."""

    watch: Watch
    new: list[Arrival]
    new_count: int
    earlier: list[Arrival]
    attempts: list[Attempt]  # the latest deliveries, newest first


def watch_news(store: Store, user: User) -> list[WatchNews]:
    """Each of the user's watches with what matched since their last visit, which this visit ends: at the time
    of the reading, so a match stored while the page was built stays new for the next visit."""
    read_at = datetime.now(UTC)
    with store.reading(primary=True) as conn:
        mine = watches_of(conn, user.id)
        news = []
        for watch in mine:
            recent = arrivals(conn, watch.id, SHOWN_ARRIVALS)
            new = [a for a in recent if a.matched > watch.seen]
            news.append(WatchNews(watch, new, count_arrivals(conn, watch.id, watch.seen),
                                  [a for a in recent if a.matched <= watch.seen],
                                  attempts_of(conn, watch.id, SHOWN_ATTEMPTS)))
    if mine:
        with store.transaction() as conn:
            mark_seen(conn, user.id, read_at)
    return news


def forget_watch(store: Store, user: User, watch_id: int) -> None:
    with store.transaction() as conn:
        if not delete_watch(conn, user.id, watch_id):
            raise NotFound(f"you have no watch {watch_id}; /watch lists yours")


def _check_webhook_url(url: str, allow_private: bool) -> None:
    """A public http(s) address (sending checks it again: a name may resolve elsewhere by then)."""
    try:
        parts = urlsplit(url)
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:  # a port that is no number, or past 65535
        parts, port = None, 0
    if parts is None or parts.scheme not in ("http", "https") or not parts.hostname or len(url) > 2000:
        raise InvalidInput("webhook_url", "a webhook address starts with https:// (or http://) and names a host")
    if not allow_private:
        try:
            public_addresses(parts.hostname, port)
        except AddressRefused as exc:
            raise InvalidInput("webhook_url", str(exc)) from None


def set_watch_deliveries(store: Store, settings: Settings, user: User, watch_id: int, email_to: str,
                         email_every: str, webhook_url: str) -> Watch:
    """Where a watch's new matches go besides /watch: an email digest, a webhook, both or neither.

    A new webhook address gets a new signing secret; the same one keeps its secret, and is enabled again."""
    email_to, webhook_url = email_to.strip(), webhook_url.strip()
    if email_every and email_every not in EMAIL_EVERY:
        raise InvalidInput("email_every", f"choose one of {', '.join(EMAIL_EVERY)}, or no email")
    if email_every and not (EMAIL.fullmatch(email_to) and len(email_to) <= 320):
        raise InvalidInput("email_to", f"{email_to[:80]!r} is not an email address")
    if webhook_url:
        _check_webhook_url(webhook_url, settings.webhook_allow_private)
    with store.reading(primary=True) as conn:
        watch = watch_by_id(conn, watch_id)
    if watch is None or watch.user_id != user.id:
        raise NotFound(f"you have no watch {watch_id}; /watch lists yours")
    secret = (watch.webhook_secret if webhook_url == watch.webhook_url and watch.webhook_secret else new_secret()) \
        if webhook_url else None
    with store.transaction() as conn:
        set_deliveries(conn, user.id, watch_id, email_to if email_every else None, email_every or None,
                       webhook_url or None, secret)
    with store.reading(primary=True) as conn:
        changed = watch_by_id(conn, watch_id)
    assert changed is not None
    return changed
