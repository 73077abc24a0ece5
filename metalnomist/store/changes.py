"""The change log: every write to a post appends a sequence number the search index follows."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Connection, func, insert, select

from metalnomist.store.schema import changes


def log_change(conn: Connection, post_id: int) -> None:
    conn.execute(insert(changes).values(post_id=post_id, at=datetime.now(UTC)))


def changes_since(conn: Connection, seq: int, limit: int = 5000) -> list[tuple[int, int]]:
    """(seq, post_id) pairs after `seq`, oldest first."""
    query = select(changes.c.seq, changes.c.post_id).where(changes.c.seq > seq).order_by(changes.c.seq).limit(limit)
    return [(row.seq, row.post_id) for row in conn.execute(query)]


def last_seq(conn: Connection) -> int:
    return int(conn.execute(select(func.coalesce(func.max(changes.c.seq), 0))).scalar_one())
