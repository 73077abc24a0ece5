"""The watches' tables: a big ingest's matches and deliveries are stored whatever their number, once each."""

from __future__ import annotations

import math
import sqlite3
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import event

from metalnomist.models import Block, Post
from metalnomist.pipeline import Archive
from metalnomist.store.deliveries import Queued, claim, mark_sent, queue, set_deliveries
from metalnomist.store.posts import upsert_post
from metalnomist.store.users import add_user
from metalnomist.store.watches import (
    add_watch,
    arrivals,
    matched_cursor,
    move_cursor,
    record_matches,
    watch_by_id,
)

# The fewest values one SQLite statement may carry: 999 in builds before 3.32 (32,766 since, 250,000 in
# some distributions'); the test holds its connections to it.
MOST_VALUES = 999


@pytest.fixture
def strict_sqlite(archive: Archive) -> Archive:
    if archive.store.engine.dialect.name != "sqlite":
        pytest.skip("PostgreSQL takes 65,535 values a statement; the chunking is for SQLite's lower limits")
    archive.store.engine.dispose()
    event.listen(archive.store.engine, "connect",
                 lambda dbapi, _record: dbapi.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, MOST_VALUES))
    return archive


def test_more_matches_than_one_statement_takes_are_stored_once_each(strict_sqlite: Archive) -> None:
    """More (watch, post) pairs than SQLite takes values in one statement, and all of them again."""
    archive = strict_sqlite
    side = math.isqrt(MOST_VALUES // 3) + 2  # three values a match row
    now = datetime.now(UTC)
    with archive.store.transaction() as conn:
        post_ids = [upsert_post(conn, Post(title=f"Post {i}", blocks=(Block("paragraph", f"Note {i}."),)))[0]
                    for i in range(side)]
        user = add_user(conn, "ana", "hash", "editor", now).id
        watch_ids = [add_watch(conn, user, "search", f"note {i}", (), {}, now).id for i in range(side)]
    pairs = {(w, p) for w in watch_ids for p in post_ids}
    assert len(pairs) * 3 > MOST_VALUES
    with archive.store.transaction() as conn:
        assert record_matches(conn, pairs, now) == len(pairs)
        assert queue(conn, [Queued(w, p, "webhook", now) for w, p in sorted(pairs)]) == len(pairs)
    with archive.store.transaction() as conn:
        assert record_matches(conn, pairs, now) == 0
        assert queue(conn, [Queued(w, p, "webhook", now) for w, p in sorted(pairs)]) == 0


def test_sent_deliveries_never_crowd_pending_ones_out_of_a_claim(archive: Archive) -> None:
    """A claim takes at most `limit` rows: were sent ones among them (their `due` is long past), a
    busy outbox would one day take nothing but sent deliveries, and send nothing again."""
    now = datetime.now(UTC)
    with archive.store.transaction() as conn:
        post_ids = [upsert_post(conn, Post(title=f"Post {i}", blocks=(Block("paragraph", f"Note {i}."),)))[0]
                    for i in range(2)]
        watch = add_watch(conn, add_user(conn, "ana", "hash", "editor", now).id, "search", "note", (), {}, now)
        queue(conn, [Queued(watch.id, post_id, "webhook", now) for post_id in post_ids])
    with archive.store.transaction() as conn:
        [first] = claim(conn, ["webhook"], now, now + timedelta(minutes=5), limit=1)
        mark_sent(conn, first.ids, now)
    with archive.store.transaction() as conn:
        later = now + timedelta(minutes=10)
        [second] = claim(conn, ["webhook"], later, later + timedelta(minutes=5), limit=1)
    assert (first.post_ids, second.post_ids) == ((post_ids[0],), (post_ids[1],))


def test_deliveries_are_set_on_the_owners_watch_only(archive: Archive) -> None:
    """The store keeps the rule too, not only the page: another user's id changes nothing of a watch."""
    now = datetime.now(UTC)
    with archive.store.transaction() as conn:
        ana, ben = (add_user(conn, name, "hash", "editor", now).id for name in ("ana", "ben"))
        watch = add_watch(conn, ana, "search", "bismuth", (), {}, now)
    with archive.store.transaction() as conn:
        assert not set_deliveries(conn, ben, watch.id, "ben@example.com", "immediately", "https://ben.example/",
                                  "whsec_ben")
        assert set_deliveries(conn, ana, watch.id, "ana@example.com", "daily", None, None)
    with archive.store.reading() as conn:
        stored = watch_by_id(conn, watch.id)
    assert stored is not None
    assert (stored.email_to, stored.email_every, stored.webhook_url) == ("ana@example.com", "daily", None)


def test_the_matched_cursor_only_moves_forward(archive: Archive) -> None:
    """A slower matcher finishing after a faster one must not send the cursor back: what lies between
    would be matched again (and, were a match ever forgotten, delivered twice)."""
    with archive.store.transaction() as conn:
        move_cursor(conn, 10)
        move_cursor(conn, 4)
    with archive.store.reading() as conn:
        assert matched_cursor(conn) == 10


def test_a_watchs_arrivals_are_listed_newest_first_up_to_the_limit(archive: Archive) -> None:
    """/watch shows the latest twenty matches: the newest must be among them, and on top."""
    now = datetime.now(UTC)
    with archive.store.transaction() as conn:
        first, second = (upsert_post(conn, Post(title=f"Post {i}", blocks=(Block("paragraph", f"Note {i}."),)))[0]
                        for i in range(2))
        watch = add_watch(conn, add_user(conn, "ana", "hash", "editor", now).id, "search", "note", (), {}, now)
        record_matches(conn, {(watch.id, first)}, now)
        record_matches(conn, {(watch.id, second)}, now - timedelta(hours=1))  # the later post, matched earlier
    with archive.store.reading() as conn:
        assert [a.post_id for a in arrivals(conn, watch.id)] == [first, second]
        assert [a.post_id for a in arrivals(conn, watch.id, limit=1)] == [first]
