"""Unpublished ingests: a big file written in short transactions, then shown all at once.

SQLite has one write lock. An ingest holding it for the whole file (minutes for tens of thousands
of posts) made every comment and every other ingest fail. Instead each batch of new posts is
written in a transaction of its own, its rows marked with the ingest's number, and the views
readers use leave out rows of every ingest still listed in `ingests` (migration 0004). Publishing
deletes that one line and logs the new posts, in one short transaction. An ingest that fails
takes its rows back in short transactions; one killed outright is taken back by the next ingest.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal

from sqlalchemy import Connection, delete, insert, literal, select

from metalnomist.models import Fact, Post
from metalnomist.store import Store
from metalnomist.store.facts import replace_facts
from metalnomist.store.revision import note_facts_changed
from metalnomist.store.schema import changes, ingests, post_rows
from metalnomist.store.upsert import content_hash, insert_posts, write_children

DISCARD_POSTS = 200  # posts (with their labels, comments and facts) taken back per transaction

Placed = Literal["added", "unchanged", "later", "busy"]


@dataclass(frozen=True)
class Written:
    """What became of one post of a batch: added hidden, already stored as it is, left for publishing
    (it changes a stored post, which must stay as it is until then), or held by another running ingest."""

    placed: Placed
    post_id: int | None = None


def begin_ingest(store: Store) -> int:
    """A new unpublished ingest; rows written under its number stay hidden until `publish_ingest`."""
    with store.transaction() as conn:
        values = {"pid": os.getpid(), "host": socket.gethostname(), "started": datetime.now(UTC)}
        return int(conn.execute(insert(ingests).values(**values)).inserted_primary_key[0])  # type: ignore[index]


def write_hidden(conn: Connection, ingest: int, batch: Sequence[Post],
                 facts: dict[int, list[Fact]]) -> list[Written]:
    """Add the batch's new posts, with their labels, comments and `facts` (by position), hidden.

    A post already stored under its key is left for publishing if it changed (stored posts are
    never changed before then), and reported busy if another running ingest is adding it.
    """
    found = {row.key: row for row in conn.execute(
        select(post_rows.c.key, post_rows.c.id, post_rows.c.content_hash, post_rows.c.batch)
        .where(post_rows.c.key.in_([post.key for post in batch])))}
    running = set(conn.execute(select(ingests.c.id)).scalars())
    digests = [content_hash(post) for post in batch]
    written: list[Written | None] = [None] * len(batch)
    new: list[int] = []
    for i, (post, digest) in enumerate(zip(batch, digests, strict=True)):
        row = found.get(post.key)
        if row is None:
            new.append(i)
        elif row.batch in running and row.batch != ingest:
            written[i] = Written("busy", row.id)
        else:
            written[i] = Written("unchanged" if row.content_hash == digest else "later", row.id)
    now = datetime.now(UTC)
    ids = insert_posts(conn, [batch[i] for i in new], [digests[i] for i in new], now, ingest)
    write_children(conn, [(post_id, batch[i]) for i, post_id in zip(new, ids, strict=True)], [], now, ingest)
    replace_facts(conn, {post_id: facts.get(i, []) for i, post_id in zip(new, ids, strict=True)}, ingest)
    for i, post_id in zip(new, ids, strict=True):
        written[i] = Written("added", post_id)
    return [w for w in written if w is not None]


def publish_ingest(conn: Connection, ingest: int) -> None:
    """Show every row the ingest wrote and log its posts: two statements, however big the file."""
    conn.execute(delete(ingests).where(ingests.c.id == ingest))
    now = datetime.now(UTC)
    added = select(post_rows.c.id, literal(now, changes.c.at.type)).where(post_rows.c.batch == ingest)
    if conn.execute(insert(changes).from_select(["post_id", "at"], added.order_by(post_rows.c.id))).rowcount:
        note_facts_changed(conn)  # their facts appear: caches of what all facts make must recount


def discard_ingest(store: Store, ingest: int) -> None:
    """Take back an unpublished ingest's rows, a few hundred posts per transaction, then its number.

    One already published (or taken back by another process) is left alone: its rows are everyone's.
    """
    while True:
        with store.transaction() as conn:
            if conn.execute(select(ingests.c.id).where(ingests.c.id == ingest)).first() is None:
                return
            ids = list(conn.execute(select(post_rows.c.id).where(post_rows.c.batch == ingest)
                                    .limit(DISCARD_POSTS)).scalars())
            if not ids:
                conn.execute(delete(ingests).where(ingests.c.id == ingest))
                return
            conn.execute(delete(post_rows).where(post_rows.c.id.in_(ids)))  # labels, comments, facts cascade


def discard_abandoned(store: Store) -> list[int]:
    """Take back the rows of ingests whose process on this machine is gone (killed); returns their numbers."""
    with store.reading() as conn:
        listed = list(conn.execute(select(ingests.c.id, ingests.c.pid, ingests.c.host)))
    here = socket.gethostname()
    gone = [row.id for row in listed if row.host == here and not _alive(row.pid)]
    for ingest in gone:
        discard_ingest(store, ingest)
    return gone


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True
