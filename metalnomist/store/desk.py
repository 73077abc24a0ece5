"""The editors' side of posts: every status, Markdown revisions and the audit log.

Readers' queries (store/posts.py) see only published posts; these see all of them. A post
written here gets a key and a placeholder address of its own (`desk:…`) until its first
publication fixes its permalink, which no later edit changes.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Row, delete, desc, func, insert, select, update
from sqlalchemy.sql.expression import UnaryExpression
from sqlalchemy.sql.operators import custom_op

from metalnomist.models import AuditEntry, Block, Comment, DeskPost, Post, PostStatus, Revision
from metalnomist.store.changes import note_changes
from metalnomist.store.facts import replace_facts
from metalnomist.store.schema import (
    as_utc,
    audit_log,
    comments,
    label_rows,
    post_labels,
    post_rows,
    posts,
    revisions,
    users,
)
from metalnomist.store.upsert import _free_permalinks, content_hash
from metalnomist.text import slugify

PLACEHOLDER = "desk:"  # key and permalink prefix of a post never published
# Up to this many titles holding a text, looking them up by id beats walking the posts in order (0022).
FEW_TITLES = 2_000


def _content(title: str, blocks: Sequence[Block], labels: Sequence[str]) -> dict[str, Any]:
    post = Post(title=title, blocks=tuple(blocks), labels=tuple(labels), source="desk")
    return {"title": title, "blocks": [[b.kind, b.text] for b in blocks], "body": post.body,
            "content_hash": content_hash(post)}


def _labels(conn: Connection, post_id: int, labels: Sequence[str]) -> None:
    conn.execute(delete(label_rows).where(label_rows.c.post_id == post_id))
    if labels:
        conn.execute(insert(label_rows), [{"post_id": post_id, "label": label, "position": i}
                                           for i, label in enumerate(labels)])


def create_post(conn: Connection, title: str, blocks: Sequence[Block], labels: Sequence[str], now: datetime) -> int:
    """A new draft, invisible to readers."""
    token = PLACEHOLDER + uuid.uuid4().hex
    values = {"key": token, "permalink": token, "url": None, "published": None, "created": now, "updated": now,
              "source": "desk", "date_source": None, "comment_count": None, "extra": {}, "status": "draft",
              **_content(title, blocks, labels)}
    post_id = int(conn.execute(insert(post_rows).values(**values)).inserted_primary_key[0])  # type: ignore[index]
    _labels(conn, post_id, labels)
    note_changes(conn, [post_id])
    return post_id


def update_content(conn: Connection, post_id: int, title: str, blocks: Sequence[Block], labels: Sequence[str],
                   now: datetime) -> None:
    """New words for any post; a published one changes for readers at commit, at the same address."""
    conn.execute(update(post_rows).where(post_rows.c.id == post_id)
                 .values(updated=now, **_content(title, blocks, labels)))
    _labels(conn, post_id, labels)
    note_changes(conn, [post_id])


def set_status(conn: Connection, post_id: int, status: PostStatus, publish_at: datetime | None, now: datetime,
               only_from: PostStatus | None = None) -> bool:
    """Move a post; the first publication dates it and fixes its permalink. False when it was not there (or not
    in `only_from`, which lets several workers publish scheduled posts without doing it twice).

    The status is claimed by the UPDATE first: on PostgreSQL a second worker's UPDATE waits for the
    first's row lock, then finds the status changed and matches nothing.
    """
    claim = update(post_rows).where(post_rows.c.id == post_id)
    publish_at = as_utc(publish_at)  # SQLite stores no zone
    if only_from is not None:
        claim = claim.where(post_rows.c.status == only_from)
    if conn.execute(claim.values(status=status, publish_at=publish_at, updated=now)).rowcount == 0:
        return False
    row = conn.execute(select(posts.c.permalink, posts.c.title).where(posts.c.id == post_id)).one()
    if status == "published" and row.permalink.startswith(PLACEHOLDER):
        address = _free_permalinks(conn, [(now, slugify(row.title))])[0]
        conn.execute(update(post_rows).where(post_rows.c.id == post_id).values(published=now, permalink=address))
    if status != "published":
        replace_facts(conn, {post_id: []})  # the facts desk reads published posts only
    note_changes(conn, [post_id])
    return True


def _desk_post(row: Row[Any], labels: Sequence[str], markdown: str | None) -> DeskPost:
    if markdown is None:  # an ingested post nobody has edited here yet: its blocks as Markdown
        markdown = "\n\n".join(("## " + text if kind == "heading" else text) for kind, text in row.blocks)
    permalink = None if row.permalink.startswith(PLACEHOLDER) else row.permalink
    return DeskPost(id=row.id, title=row.title, markdown=markdown, labels=tuple(labels), status=row.status,
                    publish_at=as_utc(row.publish_at), permalink=permalink, published=as_utc(row.published),
                    updated=as_utc(row.updated) or row.updated, cover=(row.extra or {}).get("cover"))


def _latest_markdown(conn: Connection, ids: Sequence[int]) -> dict[int, str]:
    newest = (select(revisions.c.post_id, func.max(revisions.c.id).label("rid"))
              .where(revisions.c.post_id.in_(list(ids))).group_by(revisions.c.post_id).subquery())
    query = select(revisions.c.post_id, revisions.c.markdown).join(newest, newest.c.rid == revisions.c.id)
    return {row.post_id: row.markdown for row in conn.execute(query)}


def _labels_of(conn: Connection, ids: Sequence[int]) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {i: [] for i in ids}
    query = select(post_labels.c.post_id, post_labels.c.label).where(post_labels.c.post_id.in_(list(ids)))
    for row in conn.execute(query.order_by(post_labels.c.post_id, post_labels.c.position)):
        found[row.post_id].append(row.label)
    return found


def desk_post(conn: Connection, post_id: int) -> DeskPost | None:
    row = conn.execute(select(posts).where(posts.c.id == post_id)).first()
    if row is None:
        return None
    return _desk_post(row, _labels_of(conn, [post_id])[post_id], _latest_markdown(conn, [post_id]).get(post_id))


def desk_posts(conn: Connection, status: PostStatus, offset: int, limit: int, text: str = "",
               label: str = "") -> list[DeskPost]:
    """Posts of one status, most recently changed first; `text` in the title (any case), `label` exactly.

    A text in few titles reads those posts by id and sorts them: the status is then asked with a unary `+`,
    which keeps SQLite off the status index (walking it newest first would read every post's title)."""
    few = _few_titles_holding(conn, text) if text else None
    if few == []:
        return []
    of_status = posts.c.status if few is None else UnaryExpression(posts.c.status, operator=custom_op("+"))
    query = select(posts).where(of_status == status)
    if text:
        needle = "%" + text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        query = query.where(func.lower(posts.c.title).like(needle, escape="\\"))
    if few is not None:
        query = query.where(posts.c.id.in_(few))
    if label:
        query = query.where(posts.c.id.in_(select(post_labels.c.post_id).where(post_labels.c.label == label)))
    query = query.order_by(desc(posts.c.updated), desc(posts.c.id)).offset(offset).limit(limit)
    rows = list(conn.execute(query))
    ids = [row.id for row in rows]
    labels, markdown = _labels_of(conn, ids), _latest_markdown(conn, ids)
    return [_desk_post(row, labels[row.id], markdown.get(row.id)) for row in rows]


def _few_titles_holding(conn: Connection, text: str) -> list[int] | None:
    """The ids of every post whose title may hold `text` (SQLite's trigram index folds case beyond ASCII, so
    it lists more, never fewer), when they are at most `FEW_TITLES`; otherwise None, and walking a status's
    posts newest first soon fills a page. None too where the index cannot tell (text under three characters)
    and on PostgreSQL, whose planner reads its own trigram index when the text is rare. `text` holds no
    control character, as no title does."""
    if conn.dialect.name != "sqlite" or len(text) < 3:
        return None
    phrase = '"' + text.replace('"', '""') + '"'  # one quoted FTS5 string: the text as it is, operators included
    found = [row[0] for row in conn.exec_driver_sql(
        "SELECT rowid FROM post_title_trigrams WHERE post_title_trigrams MATCH ? LIMIT ?", (phrase, FEW_TITLES + 1))]
    return found if len(found) <= FEW_TITLES else None


def due_posts(conn: Connection, now: datetime) -> list[int]:
    """Scheduled posts whose time has come, oldest first (times compared in UTC, as they are stored)."""
    query = (select(posts.c.id).where(posts.c.status == "scheduled", posts.c.publish_at <= as_utc(now))
             .order_by(posts.c.publish_at, posts.c.id))
    return [row.id for row in conn.execute(query)]


def add_revision(conn: Connection, post_id: int, user_id: int | None, title: str, markdown: str,
                 labels: Sequence[str], now: datetime) -> int:
    values = {"post_id": post_id, "saved": now, "user_id": user_id, "title": title, "markdown": markdown,
              "labels": list(labels)}
    return int(conn.execute(insert(revisions).values(**values)).inserted_primary_key[0])  # type: ignore[index]


def revisions_of(conn: Connection, post_id: int) -> list[Revision]:
    """Newest first."""
    query = (select(revisions, users.c.name).outerjoin(users, users.c.id == revisions.c.user_id)
             .where(revisions.c.post_id == post_id).order_by(desc(revisions.c.id)))
    return [Revision(id=r.id, post_id=r.post_id, saved=as_utc(r.saved) or r.saved, author=r.name, title=r.title,
                     markdown=r.markdown, labels=tuple(r.labels)) for r in conn.execute(query)]


def audit(conn: Connection, user_id: int | None, action: str, target: str, detail: str, now: datetime) -> None:
    conn.execute(insert(audit_log).values(at=now, user_id=user_id, action=action, target=target, detail=detail))


def audit_entries(conn: Connection, limit: int = 100) -> list[AuditEntry]:
    """Newest first."""
    query = (select(audit_log, users.c.name).outerjoin(users, users.c.id == audit_log.c.user_id)
             .order_by(desc(audit_log.c.id)).limit(limit))
    return [AuditEntry(at=as_utc(r.at) or r.at, user=r.name, action=r.action, target=r.target, detail=r.detail)
            for r in conn.execute(query)]


def recent_comments(conn: Connection, limit: int) -> list[Comment]:
    """Published readers' comments, newest first: moderation covers them too."""
    query = (select(comments).where(comments.c.approved.is_(True)).order_by(desc(comments.c.id)).limit(limit))
    return [Comment(author=r.author, body=r.body, published=as_utc(r.published), id=r.id, post_id=r.post_id,
                    approved=True) for r in conn.execute(query)]


def delete_trashed(conn: Connection) -> list[int]:
    """Remove every trashed post for good, with its labels, comments, facts and revisions."""
    ids = [row.id for row in conn.execute(select(posts.c.id).where(posts.c.status == "trash"))]
    if ids:
        conn.execute(delete(post_rows).where(post_rows.c.id.in_(ids)))
        note_changes(conn, ids)
    return ids
