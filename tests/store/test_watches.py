"""The watches' tables: a big ingest's matches and deliveries are stored whatever their number, once each."""

from __future__ import annotations

import math
import sqlite3
from datetime import UTC, datetime

import pytest
from sqlalchemy import event

from metalnomist.models import Block, Post
from metalnomist.pipeline import Archive
from metalnomist.store.deliveries import Queued, queue
from metalnomist.store.posts import upsert_post
from metalnomist.store.users import add_user
from metalnomist.store.watches import add_watch, record_matches

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
