"""Unpublished ingests: a big file written in short transactions, then shown all at once.

SQLite has one write lock. An ingest holding it for the whole file (minutes for tens of thousands
of posts) made every comment and every other ingest fail. Instead each batch is written in a
transaction of its own, its rows marked with the ingest's number, and the views readers use leave
out rows of every ingest still listed in `ingests` (migration 0008). A new post is written as it
is. A changed one gets a hidden stand-in row naming the stored post it `replaces` (0012), with the
new labels and comments; its new facts go under the post itself, hidden, and its old facts are
marked `retired` by the ingest (0013): shown while it runs, hidden once it is published.
Publishing deletes the ingest's line, copies each stand-in's content, labels and comments onto
its post (a few set-wise statements, whatever the number) and logs the posts, in one short
transaction; what is left hidden is deleted afterwards, a few thousand rows at a time,
and the disputed figures its facts touch are settled (store/contradictions.py).
An ingest that fails takes its rows back in short transactions; one killed outright is taken
back by the next ingest.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Literal

from sqlalchemy import Connection, Select, Table, delete, func, insert, literal, select, update

from metalnomist.models import Fact, Post
from metalnomist.store import Store
from metalnomist.store.contradictions import drop_retired_disputes, settle_disputes, settling_due
from metalnomist.store.facts import replace_facts
from metalnomist.store.revision import note_facts_changed
from metalnomist.store.schema import (
    changes,
    comment_rows,
    comments,
    dispute_queue,
    fact_rows,
    ingests,
    label_rows,
    post_rows,
    revisions,
)
from metalnomist.store.upsert import (
    CONTENT_COLUMNS,
    content_hash,
    edited_on_desk,
    insert_posts,
    insert_stand_ins,
    with_desk_cover,
    write_children,
)

DISCARD_POSTS = 200  # posts (with their labels, comments and facts) taken back per transaction
CLEAR_ROWS = 2000  # facts (or stand-ins, or retired marks) deleted or cleared per transaction

Placed = Literal["added", "updated", "unchanged", "kept", "busy"]
Extract = Callable[[Post], list[Fact]]


@dataclass(frozen=True)
class Written:
    """What became of one post of a batch: added hidden, its new version written hidden beside the
    stored one, already stored as it is, kept as the desk edited it, or held by another running ingest."""

    placed: Placed
    post_id: int | None = None


def begin_ingest(store: Store) -> int:
    """A new unpublished ingest; rows written under its number stay hidden until `publish_ingest`."""
    with store.transaction() as conn:
        values = {"pid": os.getpid(), "host": socket.gethostname(), "started": datetime.now(UTC)}
        return int(conn.execute(insert(ingests).values(**values)).inserted_primary_key[0])  # type: ignore[index]


def write_hidden(conn: Connection, ingest: int, batch: Sequence[Post], facts: dict[int, list[Fact]],
                 extract: Extract | None = None) -> tuple[list[Written], int]:
    """Write the batch hidden: new posts, and stand-ins for stored posts it changes, with their labels,
    comments and `facts` (by position; `extract` makes those missing, None when facts are not kept).
    Returns what became of each post, and how many facts were stored (a post the desk took down keeps none).

    A changed post's new facts go under the post itself, hidden, its old ones marked retired (see
    replace_facts). A post another running ingest is adding or changing is reported busy; a later
    copy of a post in the same file takes the place of the earlier one's stand-in and facts.
    """
    found = {row.key: row for row in conn.execute(
        select(post_rows.c.key, post_rows.c.id, post_rows.c.content_hash, post_rows.c.batch, post_rows.c.extra,
               edited_on_desk(post_rows).label("edited"))
        .where(post_rows.c.key.in_([post.key for post in batch])))}
    pending = {row.replaces: row for row in conn.execute(  # stand-ins of published ingests never show
        select(post_rows.c.replaces, post_rows.c.id, post_rows.c.batch)
        .where(post_rows.c.replaces.in_([row.id for row in found.values()]),
               post_rows.c.batch.in_(select(ingests.c.id))))}
    running = set(conn.execute(select(ingests.c.id)).scalars())
    digests = [content_hash(post) for post in batch]
    written: list[Written] = []
    for post, digest in zip(batch, digests, strict=True):
        row, stand_in = found.get(post.key), pending.get(found[post.key].id) if post.key in found else None
        if row is None:
            written.append(Written("added"))
        elif (row.batch in running and row.batch != ingest) or (stand_in is not None and stand_in.batch != ingest):
            written.append(Written("busy", row.id))
        elif row.content_hash == digest and stand_in is None:
            written.append(Written("unchanged", row.id))
        else:  # an earlier copy in this file changed it: this one is written, even as it is stored
            written.append(Written("kept" if row.edited else "updated", row.id))
    _withdraw(conn, ingest, [w.post_id for w in written if w.post_id is not None and w.post_id in pending
                             and w.placed != "busy"])
    now = datetime.now(UTC)
    new = [i for i, w in enumerate(written) if w.placed == "added"]
    ids = insert_posts(conn, [batch[i] for i in new], [digests[i] for i in new], now, ingest)
    for i, post_id in zip(new, ids, strict=True):
        written[i] = Written("added", post_id)
    changed = [i for i, w in enumerate(written) if w.placed == "updated"]
    stand_ins = insert_stand_ins(conn, [(written[i].post_id or 0, with_desk_cover(batch[i], found[batch[i].key].extra))
                                        for i in changed], [digests[i] for i in changed], now, ingest)
    rows = list(zip(new, ids, strict=True)) + list(zip(changed, stand_ins, strict=True))
    kept = _without_readers_comments(conn, {row_id: (written[i].post_id or 0, batch[i]) for i, row_id in rows})
    write_children(conn, list(kept.items()), [], now, ingest)
    # Without extraction a changed post keeps the facts it has.
    with_facts = new + (changed if extract is not None else [])
    stored = replace_facts(
        conn, {written[i].post_id or 0: _facts(facts, i, batch[i], extract) for i in with_facts}, ingest
    )
    return written, stored


def being_replaced(conn: Connection, post_ids: Sequence[int]) -> set[int]:
    """Those of these posts a running ingest has written a new version of (with its facts) to publish."""
    return set(conn.execute(select(post_rows.c.replaces).where(
        post_rows.c.replaces.in_(list(post_ids)), post_rows.c.batch.in_(select(ingests.c.id)))).scalars())


def _facts(facts: dict[int, list[Fact]], i: int, post: Post, extract: Extract | None) -> list[Fact]:
    """Those extracted beforehand; a post stored as it is then, and changed by another writer since, has none."""
    if i in facts:
        return facts[i]
    return extract(post) if extract is not None else []


def _without_readers_comments(conn: Connection, rows: dict[int, tuple[int, Post]]) -> dict[int, Post]:
    """Each row's post without the comments its stored post has from readers (an export coming back)."""
    readers = {(r.post_id, r.author, r.body) for r in conn.execute(
        select(comments.c.post_id, comments.c.author, comments.c.body)
        .where(comments.c.post_id.in_([stored for stored, _ in rows.values()]), comments.c.origin != "ingest"))}
    return {row_id: replace(post, comments=tuple(c for c in post.comments
                                                 if (stored, c.author, c.body) not in readers))
            for row_id, (stored, post) in rows.items()}


def publish_ingest(conn: Connection, ingest: int) -> int:
    """Show every row the ingest wrote (hiding the facts it retires), move its stand-ins' content, labels
    and comments onto the posts they replace, and log its posts: a few set-wise statements, however big
    the file. What it leaves hidden is for `clear_published`, after the commit.

    Returns how many posts edited on the desk while the file was read it kept as the editors left them.
    """
    conn.execute(delete(ingests).where(ingests.c.id == ingest))
    edited_since = list(conn.execute(select(post_rows.c.replaces).where(
        post_rows.c.batch == ingest, post_rows.c.replaces.in_(select(revisions.c.post_id)))).scalars())
    _withdraw(conn, ingest, edited_since)
    drop_retired_disputes(conn, ingest)
    now = datetime.now(UTC)
    post = func.coalesce(post_rows.c.replaces, post_rows.c.id)  # a post added, then changed, in one file: once
    touched = select(post, literal(now, changes.c.at.type)).where(post_rows.c.batch == ingest).distinct()
    if conn.execute(insert(changes).from_select(["post_id", "at"], touched.order_by(post))).rowcount:
        note_facts_changed(conn)  # their facts appear: caches of what all facts make must recount
    stand_in = post_rows.alias("stand_in")
    of_ingest = (stand_in.c.batch == ingest, stand_in.c.replaces.is_not(None))
    conn.execute(update(post_rows).where(post_rows.c.id == stand_in.c.replaces, *of_ingest)
                 .values({name: stand_in.c[name] for name in CONTENT_COLUMNS}))
    for table, only in ((label_rows, None), (comment_rows, comment_rows.c.origin == "ingest")):
        old = table.c.post_id.in_(select(stand_in.c.replaces).where(*of_ingest))
        conn.execute(delete(table).where(old if only is None else old & only))
        new_parent = select(stand_in.c.replaces).where(stand_in.c.id == table.c.post_id).scalar_subquery()
        conn.execute(update(table).where(table.c.post_id.in_(select(stand_in.c.id).where(*of_ingest)))
                     .values(post_id=new_parent))
    return len(edited_since)


def _withdraw(conn: Connection, ingest: int, post_ids: Sequence[int]) -> None:
    """The ingest leaves these stored posts as they are: their stand-ins and new facts go, their old
    facts are kept again (the figures they touch are settled all the same: as they now are)."""
    if not post_ids:
        return
    conn.execute(delete(post_rows).where(post_rows.c.batch == ingest, post_rows.c.replaces.in_(post_ids)))
    conn.execute(delete(fact_rows).where(fact_rows.c.batch == ingest, fact_rows.c.post_id.in_(post_ids)))
    conn.execute(update(fact_rows).where(fact_rows.c.retired == ingest, fact_rows.c.post_id.in_(post_ids))
                 .values(retired=None))


def _left_hidden() -> tuple[tuple[Table, Select[tuple[int]]], ...]:
    """What published ingests leave hidden: retired facts, emptied stand-ins."""
    running = select(ingests.c.id)
    facts = select(fact_rows.c.id).where(fact_rows.c.retired.is_not(None), fact_rows.c.retired.not_in(running))
    stand_ins = select(post_rows.c.id).where(post_rows.c.replaces.is_not(None), post_rows.c.batch.not_in(running))
    return (fact_rows, facts), (post_rows, stand_ins)


def published_unfinished(conn: Connection) -> bool:
    """Whether an ingest published and was stopped before `clear_published` was done: a few index seeks."""
    return settling_due(conn) or any(conn.execute(rows.limit(1)).first() for _, rows in _left_hidden())


def clear_published(store: Store) -> None:
    """Delete what published ingests left hidden (retired facts, emptied stand-ins) and settle the figures
    they touched, a few thousand rows per transaction; this may wait, or be finished by the next ingest
    or a running site (pipeline.finish_published)."""
    for table, rows in _left_hidden():
        _in_steps(store, lambda conn, table=table, rows=rows: conn.execute(  # type: ignore[misc]
            delete(table).where(table.c.id.in_(rows.limit(CLEAR_ROWS)))).rowcount)
    _in_steps(store, settle_disputes)


def _in_steps(store: Store, step: Callable[[Connection], int]) -> None:
    """Repeat `step` (which changes at most a few thousand rows), a transaction each, until it changes none."""
    while True:
        with store.transaction() as conn:
            if not step(conn):
                return


def discard_ingest(store: Store, ingest: int) -> None:
    """Take back an unpublished ingest in short transactions, then its number: the facts it retired are
    kept again, and its rows (new posts, stand-ins, new facts of changed posts) go.

    One already published (or taken back by another process) is left alone: its rows are everyone's.
    """
    retired_facts = select(fact_rows.c.id).where(fact_rows.c.retired == ingest).limit(CLEAR_ROWS)
    new_facts = select(fact_rows.c.id).where(fact_rows.c.batch == ingest).limit(CLEAR_ROWS)
    queued = select(dispute_queue.c.id).where(dispute_queue.c.batch == ingest).limit(CLEAR_ROWS)  # nothing shown moved
    rows = select(post_rows.c.id).where(post_rows.c.batch == ingest).limit(DISCARD_POSTS)
    steps: list[Callable[[Connection], int]] = [
        lambda conn: conn.execute(update(fact_rows).where(fact_rows.c.id.in_(retired_facts))
                                  .values(retired=None)).rowcount,
        lambda conn: conn.execute(delete(fact_rows).where(fact_rows.c.id.in_(new_facts))).rowcount,
        lambda conn: conn.execute(delete(dispute_queue).where(dispute_queue.c.id.in_(queued))).rowcount,
        # Labels, comments and facts of new posts and stand-ins cascade.
        lambda conn: conn.execute(delete(post_rows).where(post_rows.c.id.in_(rows))).rowcount,
    ]
    for step in steps:
        _in_steps(store, lambda conn, step=step: step(conn) if _listed(conn, ingest) else 0)  # type: ignore[misc]
    with store.transaction() as conn:
        conn.execute(delete(ingests).where(ingests.c.id == ingest))


def _listed(conn: Connection, ingest: int) -> bool:
    return conn.execute(select(ingests.c.id).where(ingests.c.id == ingest)).first() is not None


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
