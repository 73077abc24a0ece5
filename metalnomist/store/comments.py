"""Readers' comments: stored, moderated, counted per client for rate limits."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime

from sqlalchemy import Connection, and_, delete, false, func, insert, select, update

from metalnomist.models import Comment, Post
from metalnomist.store.changes import note_changes
from metalnomist.store.schema import as_utc, comment_rows, comments


def add_comment(conn: Connection, comment: Comment, client: str | None) -> Comment:
    values = {"post_id": comment.post_id, "author": comment.author, "body": comment.body,
              "published": comment.published, "approved": comment.approved, "origin": "reader", "client": client}
    new_id = conn.execute(insert(comment_rows).values(**values)).inserted_primary_key[0]  # type: ignore[index]
    if comment.approved and comment.post_id is not None:
        note_changes(conn, [comment.post_id])  # its comment count, which search results show, moved
    return Comment(author=comment.author, body=comment.body, published=comment.published, id=int(new_id),
                   post_id=comment.post_id, approved=comment.approved)


def list_comments(conn: Connection, post_id: int, include_pending: bool = False) -> list[Comment]:
    query = select(comments).where(comments.c.post_id == post_id)
    if not include_pending:
        query = query.where(comments.c.approved.is_(True))
    rows = conn.execute(query.order_by(comments.c.published, comments.c.id))
    return [Comment(author=r.author, body=r.body, published=as_utc(r.published), id=r.id, post_id=r.post_id,
                    approved=r.approved) for r in rows]


def with_comments(conn: Connection, batch: Sequence[Post]) -> list[Post]:
    """These posts carrying every comment (published or held), oldest first: what an export must hold."""
    found: dict[int, list[Comment]] = {post.id: [] for post in batch if post.id is not None}
    query = select(comments).where(comments.c.post_id.in_(list(found)))
    for r in conn.execute(query.order_by(comments.c.post_id, comments.c.published, comments.c.id)):
        found[r.post_id].append(Comment(author=r.author, body=r.body, published=as_utc(r.published), id=r.id,
                                        post_id=r.post_id, approved=r.approved))
    return [replace(post, comments=tuple(found.get(post.id or 0, ()))) for post in batch]


def lock_client(conn: Connection, client: str) -> None:
    """Hold this client's comment writes until the transaction ends, so counting and adding are one step.

    Without it, parallel requests all count before any adds and all pass the rate limit. SQLite takes
    its single write lock at the first write, so a write that changes nothing takes it now; PostgreSQL
    takes an advisory lock on the client alone, released at commit.
    """
    if conn.dialect.name == "postgresql":
        conn.execute(select(func.pg_advisory_xact_lock(int(client[:15], 16))))
    else:
        conn.execute(update(comment_rows).where(false()).values(client=comment_rows.c.client))


def recent_by_client(conn: Connection, client: str, since: datetime) -> int:
    query = select(func.count()).where(and_(comments.c.client == client, comments.c.published >= since))
    return int(conn.execute(query).scalar_one())


def pending_comments(conn: Connection) -> list[Comment]:
    """Readers' comments held for moderation, oldest first."""
    rows = conn.execute(select(comments).where(comments.c.approved.is_(False)).order_by(comments.c.id))
    return [Comment(author=r.author, body=r.body, published=as_utc(r.published), id=r.id, post_id=r.post_id,
                    approved=False) for r in rows]


def _note_post_of(conn: Connection, comment_id: int) -> None:
    """A comment published or removed changes its post's count, which the search index keeps for results."""
    post_id = conn.execute(select(comments.c.post_id).where(comments.c.id == comment_id)).scalar()
    if post_id is not None:
        note_changes(conn, [post_id])


def approve_comment(conn: Connection, comment_id: int) -> bool:
    _note_post_of(conn, comment_id)
    visible = comment_rows.c.id.in_(select(comments.c.id).where(comments.c.id == comment_id))
    return conn.execute(update(comment_rows).where(visible).values(approved=True)).rowcount > 0


def delete_comment(conn: Connection, comment_id: int) -> bool:
    _note_post_of(conn, comment_id)
    visible = comment_rows.c.id.in_(select(comments.c.id).where(comments.c.id == comment_id))
    return conn.execute(delete(comment_rows).where(visible)).rowcount > 0
