"""The change log: every write to a post appends a sequence number the search index follows.

The index remembers only the highest number it applied, so numbers must become visible in
order, with none appearing later below one already seen. PostgreSQL hands out sequence
numbers at insert, not at commit: two overlapping writers would commit theirs out of order.
So a transaction only notes the posts it changed, and `log_noted` appends them as its last
statement, holding a lock on the log from there to commit: log order is commit order.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

from sqlalchemy import Connection, func, insert, select

from metalnomist.store.schema import changes

_NOTED = "metalnomist.noted_changes"  # key in the connection's info: post ids this transaction changed


def note_changes(conn: Connection, post_ids: Iterable[int]) -> None:
    """Remember posts changed in this transaction; `Store.transaction` logs them just before commit."""
    noted: dict[int, None] = conn.info.setdefault(_NOTED, {})
    noted.update(dict.fromkeys(post_ids))


def log_noted(conn: Connection) -> tuple[int, int] | None:
    """Append one change per noted post, last thing before commit, in commit order; the numbers
    appended, first and last (None if nothing was noted).

    On PostgreSQL the EXCLUSIVE lock (which readers never wait for) is held until commit, so
    the next writer takes its numbers only after this one's are visible, and nobody else's fall
    between them. SQLite has a single writer at a time, so there the order is commit order already.
    """
    noted = conn.info.pop(_NOTED, None)
    if not noted:
        return None
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql("LOCK TABLE changes IN EXCLUSIVE MODE")
    now = datetime.now(UTC)
    seqs = conn.scalars(insert(changes).returning(changes.c.seq),
                        [{"post_id": post_id, "at": now} for post_id in noted]).all()
    return min(seqs), max(seqs)


def forget_noted(conn: Connection) -> None:
    """A rolled-back transaction changed nothing; the pooled connection must not carry its notes on."""
    conn.info.pop(_NOTED, None)


def changes_since(conn: Connection, seq: int, limit: int = 5000) -> list[tuple[int, int]]:
    """(seq, post_id) pairs after `seq`, oldest first."""
    query = select(changes.c.seq, changes.c.post_id).where(changes.c.seq > seq).order_by(changes.c.seq).limit(limit)
    return [(row.seq, row.post_id) for row in conn.execute(query)]


_LAST_SEQ = select(func.coalesce(func.max(changes.c.seq), 0))
# The same read as text any driver runs as it is (Store.log_head)
LAST_SEQ_SQL = str(_LAST_SEQ.compile(compile_kwargs={"literal_binds": True}))


def last_seq(conn: Connection) -> int:
    """The number of the newest change logged; 0 when none is."""
    return int(conn.execute(_LAST_SEQ).scalar_one())


def changed_between(conn: Connection, seq: int, first_post: int, last_post: int) -> bool:
    """Whether a post with an id in first_post..last_post changed after `seq`: reads only the log's entries since."""
    query = (select(changes.c.seq)
             .where(changes.c.seq > seq, changes.c.post_id >= first_post, changes.c.post_id <= last_post).limit(1))
    return conn.execute(query).first() is not None
