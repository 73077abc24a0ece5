"""Unpublished ingests: a big file written in short transactions, then shown all at once.

SQLite has one write lock. An ingest holding it for the whole file (minutes for tens of thousands
of posts) made every comment and every other ingest fail. Instead each batch is written in a
transaction of its own, its rows marked with the ingest's number, and the views readers use leave
out rows of every ingest still listed in `ingests` (migration 0008). A new post is written as it
is; a changed one as a hidden stand-in row naming the stored post it `replaces` (0012), with the
new labels, comments and facts, so the stored post stays as it was. Publishing deletes the
ingest's line, moves each stand-in onto its post (a few set-wise statements, however many) and
logs the posts, in one short transaction. An ingest that fails takes its rows back in short
transactions; one killed outright is taken back by the next ingest.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any, Literal

from sqlalchemy import Connection, delete, func, insert, literal, select, update

from metalnomist.models import Fact, Post
from metalnomist.store import Store
from metalnomist.store.facts import replace_facts
from metalnomist.store.revision import note_facts_changed
from metalnomist.store.schema import (
    changes,
    comment_rows,
    comments,
    contradiction_rows,
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
                 extract: Extract | None = None) -> list[Written]:
    """Write the batch hidden: new posts, and stand-ins for stored posts it changes, with their labels,
    comments and `facts` (by position; `extract` makes those missing, None when facts are not kept).

    A post another running ingest is adding or changing is reported busy; a later copy of a post
    in the same file takes the place of the earlier one's stand-in.
    """
    found = {row.key: row for row in conn.execute(
        select(post_rows.c.key, post_rows.c.id, post_rows.c.content_hash, post_rows.c.batch, post_rows.c.extra,
               edited_on_desk(post_rows).label("edited"))
        .where(post_rows.c.key.in_([post.key for post in batch])))}
    pending = {row.replaces: row for row in conn.execute(
        select(post_rows.c.replaces, post_rows.c.id, post_rows.c.batch)
        .where(post_rows.c.replaces.in_([row.id for row in found.values()])))}
    running = set(conn.execute(select(ingests.c.id)).scalars())
    digests = [content_hash(post) for post in batch]
    written: list[Written] = []
    for post, digest in zip(batch, digests, strict=True):
        row, stand_in = found.get(post.key), pending.get(found[post.key].id) if post.key in found else None
        if row is None:
            written.append(Written("added"))
        elif (row.batch in running and row.batch != ingest) or (stand_in is not None and stand_in.batch != ingest):
            written.append(Written("busy", row.id))
        elif row.content_hash == digest:
            written.append(Written("unchanged", row.id))
        else:
            written.append(Written("kept" if row.edited else "updated", row.id))
    superseded = [pending[w.post_id].id for w in written if w.post_id in pending and w.placed != "busy"]
    conn.execute(delete(post_rows).where(post_rows.c.id.in_(superseded)))  # their children cascade
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
    replace_facts(conn, {row_id: _facts(facts, i, batch[i], extract) for i, row_id in rows}, ingest)
    return written


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
                                                 if (stored, c.author[:200], c.body) not in readers))
            for row_id, (stored, post) in rows.items()}


def publish_ingest(conn: Connection, ingest: int, facts_kept: bool = True) -> int:
    """Show every row the ingest wrote, move its stand-ins onto the posts they replace, and log its posts:
    a dozen statements, however big the file. Without `facts_kept` changed posts keep their old facts.

    Returns how many posts edited on the desk while the file was read it kept as the editors left them.
    """
    conn.execute(delete(ingests).where(ingests.c.id == ingest))
    edited_since = conn.execute(delete(post_rows).where(  # their labels, comments and facts cascade
        post_rows.c.batch == ingest, post_rows.c.replaces.in_(select(revisions.c.post_id)))).rowcount
    now = datetime.now(UTC)
    post = func.coalesce(post_rows.c.replaces, post_rows.c.id)  # a post added, then changed, in one file: once
    touched = select(post, literal(now, changes.c.at.type)).where(post_rows.c.batch == ingest).distinct()
    if conn.execute(insert(changes).from_select(["post_id", "at"], touched.order_by(post))).rowcount:
        note_facts_changed(conn)  # their facts appear: caches of what all facts make must recount
    _move_stand_ins(conn, ingest, facts_kept)
    return int(edited_since)


def _move_stand_ins(conn: Connection, ingest: int, facts_kept: bool) -> None:
    """Each stored post takes its stand-in's content, labels, comments from the file and facts."""
    stand_in = post_rows.alias("stand_in")
    of_ingest = (stand_in.c.batch == ingest, stand_in.c.replaces.is_not(None))
    replaced = select(stand_in.c.replaces).where(*of_ingest)
    conn.execute(update(post_rows).where(post_rows.c.id == stand_in.c.replaces, *of_ingest)
                 .values({name: stand_in.c[name] for name in CONTENT_COLUMNS}))
    moved: list[tuple[Any, Any]] = [(label_rows, None), (comment_rows, comment_rows.c.origin == "ingest")]
    if facts_kept:
        moved.append((fact_rows, None))  # their old contradictions go with them (ON DELETE CASCADE)
    for table, only in moved:
        old = table.c.post_id.in_(replaced)
        conn.execute(delete(table).where(old if only is None else old & only))
        new_parent = select(stand_in.c.replaces).where(stand_in.c.id == table.c.post_id).scalar_subquery()
        conn.execute(update(table).where(table.c.post_id.in_(select(stand_in.c.id).where(*of_ingest)))
                     .values(post_id=new_parent))
    if facts_kept:
        _reorder_pairs(conn, ingest)
    conn.execute(delete(post_rows).where(post_rows.c.batch == ingest, post_rows.c.replaces.is_not(None)))


def _reorder_pairs(conn: Connection, ingest: int) -> None:
    """A contradiction names the earlier post's fact first: facts that moved to an older post may now come second."""
    first, second = fact_rows.alias("first"), fact_rows.alias("second")

    def post_of(fact: Any, fact_id: Any) -> Any:
        return select(fact.c.post_id).where(fact.c.id == fact_id).scalar_subquery()

    def of_second(column: str) -> Any:
        value = select(second.c[column]).where(second.c.id == contradiction_rows.c.second_fact_id).scalar_subquery()
        return func.coalesce(value, "")  # as find_contradictions stores a fact without one

    pairs = contradiction_rows
    conn.execute(update(pairs).where(pairs.c.batch == ingest,
                                     post_of(first, pairs.c.first_fact_id) > post_of(second, pairs.c.second_fact_id))
                 .values(first_fact_id=pairs.c.second_fact_id, second_fact_id=pairs.c.first_fact_id,
                         commodity=of_second("commodity"), metric=of_second("metric"), period=of_second("period")))


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
