"""Writing posts in batches: a handful of statements per few hundred posts, not per post.

Ingest speed is bounded by statements, not rows, so each batch does one lookup of its
identity keys and one executemany per table; the changed posts are noted for the change log,
which the transaction writes as it commits (see store/changes.py).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any, Literal

from sqlalchemy import Connection, and_, bindparam, delete, exists, insert, select, update
from sqlalchemy.exc import OperationalError

from metalnomist.models import Post
from metalnomist.store.changes import note_changes
from metalnomist.store.schema import as_utc, comment_rows, comments, label_rows, post_rows, posts, revisions
from metalnomist.text import slugify

# "kept": the file has another version of a post edited on the desk since its import; the desk's stays.
Outcome = Literal["added", "updated", "unchanged", "kept"]


def content_hash(post: Post) -> str:
    """Everything a file says of a post: a file again with the same hash leaves the stored post as it is.

    Its metadata (author, extra JSON fields) and a comment held for moderation join the payload only when
    there are any, so the hashes stored before they counted stay valid for every post without them (a
    re-import does not rewrite a whole archive to say nothing new)."""
    payload: list[Any] = [
        post.title, [(b.kind, b.text) for b in post.blocks], post.url, str(post.published), post.date_source,
        list(post.labels), post.source, post.comment_count,
        [(c.author, c.body, str(c.published), *(() if c.approved else ("held",))) for c in post.comments]]
    if post.metadata:
        payload.append(post.metadata)
    return hashlib.sha256(json.dumps(payload, ensure_ascii=False, sort_keys=True).encode()).hexdigest()


def stored_hashes(conn: Connection, keys: Sequence[str]) -> dict[str, str]:
    """The content hash stored for each of these identity keys that exists: what an import would leave unchanged."""
    query = select(posts.c.key, posts.c.content_hash).where(posts.c.key.in_(list(keys)))
    return {row.key: row.content_hash for row in conn.execute(query)}


class PlannerStatistics:
    """Keeps PostgreSQL's planner told about the posts one long transaction writes (SQLite: nothing to do).

    A file ingested on PostgreSQL is one transaction, and autovacuum analyzes only what has committed: until
    then the planner knows the tables as they were, a new archive's as empty. It took the posts view's
    `replaces IS NULL` for a selective lookup in the stand-ins' index, so asking which of each batch's keys
    were stored walked every post written so far: 30,000 posts into a new archive took 26 s, 14.8 s of it
    there, each batch slower than the last. ANALYZE inside the transaction counts its own rows; run whenever
    the posts written since equal those the statistics know of, it runs about log2(posts) times.

    ANALYZE holds its lock on the tables until the transaction ends, so another long ingest's ANALYZE waits
    at most `WAIT`, then goes on with the statistics it has: neither waits for the other's commit while
    the other waits for one of its rows (a deadlock)."""

    FIRST_AFTER = 1000  # posts: below this every plan is cheap
    WAIT = "200ms"

    def __init__(self, conn: Connection) -> None:
        self._known: float | None = None
        if conn.dialect.name == "postgresql":
            self._known = max(0.0, conn.exec_driver_sql(
                "SELECT reltuples FROM pg_class WHERE oid = 'post_rows'::regclass").scalar_one())
        self._since = 0

    def written(self, conn: Connection, posts: int) -> None:
        if self._known is None:
            return
        self._since += posts
        if self._since >= max(self.FIRST_AFTER, self._known):
            with contextlib.suppress(OperationalError), conn.begin_nested():
                conn.exec_driver_sql(f"SET LOCAL lock_timeout = '{self.WAIT}'")
                conn.exec_driver_sql("ANALYZE post_rows, label_rows, comment_rows, fact_rows")
                conn.exec_driver_sql("SET LOCAL lock_timeout TO DEFAULT")
            self._known, self._since = self._known + self._since, 0


def edited_on_desk(table: Any) -> Any:
    """Whether the post in `table`'s row was saved on the desk (it has a revision): the editors' from then on,
    so a file's other version of it is kept out, not written over their words."""
    return exists().where(revisions.c.post_id == table.c.id)


def with_desk_cover(post: Post, stored_extra: dict[str, Any] | None) -> Post:
    """The file's version of a stored post, keeping the cover an editor gave it (a file never names one)."""
    if stored_extra and "cover" in stored_extra:
        return replace(post, metadata={**post.metadata, "cover": stored_extra["cover"]})
    return post


def upsert_posts(conn: Connection, batch: Sequence[Post]) -> list[tuple[int, Outcome]]:
    """Insert or update each post by identity key (keys must be distinct within a batch).

    The permalink of an existing post never changes, so old links keep working. A post edited on
    the desk is kept as it is; a cover set there stays through an update.
    """
    digests = [content_hash(p) for p in batch]
    # The rows are locked first (PostgreSQL; SQLite has one writer anyway) and the desk's revisions read by a
    # later statement, which sees a desk save that committed while we waited for its lock.
    found = {row.key: row for row in conn.execute(
        select(posts.c.key, posts.c.id, posts.c.content_hash, posts.c.extra)
        .where(posts.c.key.in_([p.key for p in batch])).with_for_update())}
    edited = set(conn.scalars(select(revisions.c.post_id).distinct()
                              .where(revisions.c.post_id.in_([row.id for row in found.values()]))))
    now = datetime.now(UTC)
    results: list[tuple[int, Outcome] | None] = [None] * len(batch)
    updates, inserts = [], []
    for i, (post, digest) in enumerate(zip(batch, digests, strict=True)):
        known = found.get(post.key)
        if known and known.content_hash == digest:
            results[i] = (known.id, "unchanged")
        elif known and known.id in edited:
            results[i] = (known.id, "kept")
        elif known:
            updates.append({"b_id": known.id, **_values(with_desk_cover(post, known.extra), digest, now)})
            results[i] = (known.id, "updated")
        else:
            inserts.append(i)
    if updates:
        conn.execute(update(post_rows).where(post_rows.c.id == bindparam("b_id")), updates)
    new_ids = insert_posts(conn, [batch[i] for i in inserts], [digests[i] for i in inserts], now)
    for i, post_id in zip(inserts, new_ids, strict=True):
        results[i] = (post_id, "added")
    changed = [(post, result) for post, result in zip(batch, results, strict=True)
               if result is not None and result[1] in ("added", "updated")]
    write_children(conn, [(r[0], p) for p, r in changed], [r[0] for p, r in changed if r[1] == "updated"], now)
    return [r for r in results if r is not None]


# What an update changes: the rest of a post's row (id, key, permalink, created, status) stays.
CONTENT_COLUMNS = ("title", "blocks", "body", "url", "published", "date_source", "updated", "source",
                   "comment_count", "extra", "content_hash")


def _values(post: Post, digest: str, now: datetime) -> dict[str, Any]:
    return {"title": post.title, "blocks": [[b.kind, b.text] for b in post.blocks], "body": post.body,
            "url": post.url, "published": as_utc(post.published), "date_source": post.date_source,
            "updated": now, "source": post.source,
            "comment_count": post.comment_count, "extra": post.metadata, "content_hash": digest}


def insert_posts(conn: Connection, new: Sequence[Post], digests: Sequence[str], now: datetime,
                 batch: int | None = None) -> list[int]:
    """New posts' rows; those of an unpublished ingest (`batch`) stay hidden until it publishes."""
    if not new:
        return []
    links = _free_permalinks(conn, [(p.published or now, slugify(p.title)) for p in new])
    rows = [{"key": p.key, "permalink": link, "created": now, "batch": batch, **_values(p, digest, now)}
            for p, link, digest in zip(new, links, digests, strict=True)]
    return _insert(conn, rows)


def insert_stand_ins(conn: Connection, new: Sequence[tuple[int, Post]], digests: Sequence[str], now: datetime,
                     batch: int) -> list[int]:
    """Hidden new versions of stored posts (`(stored id, post)`), which publishing `batch` moves onto them.

    Key and permalink only need to be unique (no reader sees them): `replacing:` starts no real one.
    """
    if not new:
        return []
    rows = [{"key": f"replacing:{stored}:{batch}", "permalink": f"replacing:{stored}:{batch}", "created": now,
             "batch": batch, "replaces": stored, **_values(p, digest, now)}
            for (stored, p), digest in zip(new, digests, strict=True)]
    return _insert(conn, rows)


def _insert(conn: Connection, rows: list[dict[str, Any]]) -> list[int]:
    """The rows' new ids, in order. Not RETURNING in parameter order: SQLite cannot promise that order
    for many rows, so SQLAlchemy would send one INSERT per row; each row's key is unique instead."""
    conn.execute(insert(post_rows), rows)
    keys = [row["key"] for row in rows]
    ids = {row.key: int(row.id) for row in conn.execute(
        select(post_rows.c.key, post_rows.c.id).where(post_rows.c.key.in_(keys)))}
    return [ids[key] for key in keys]


def _free_permalinks(conn: Connection, wanted: Sequence[tuple[datetime, str]]) -> list[str]:
    """`/YYYY/MM/slug.html`, numbered `-2`, `-3` … past links already taken (in the database or this batch)."""
    bases = [f"/{when.year:04d}/{when.month:02d}/{slug}" for when, slug in wanted]
    # Hidden rows of unpublished ingests hold their permalinks too.
    wanted_links = {b + ".html" for b in bases}
    taken = set(conn.execute(select(post_rows.c.permalink).where(post_rows.c.permalink.in_(wanted_links))).scalars())
    links = []
    for base in bases:
        candidate, n = f"{base}.html", 1
        while candidate in taken or (n > 1 and _exists(conn, candidate)):
            n += 1
            candidate = f"{base}-{n}.html"
        taken.add(candidate)
        links.append(candidate)
    return links


def _exists(conn: Connection, permalink: str) -> bool:
    return conn.execute(select(post_rows.c.id).where(post_rows.c.permalink == permalink)).first() is not None


def write_children(conn: Connection, changed: Sequence[tuple[int, Post]], updated_ids: Sequence[int],
                   now: datetime, batch: int | None = None) -> None:
    """Labels and source comments are replaced whole; every change is logged (by its publishing, for a `batch`).

    Readers' comments stay, and a file's comment equal to one of them (an export of this archive
    coming back) is not stored twice.
    """
    readers: set[tuple[int, str, str]] = set()
    if updated_ids:
        conn.execute(delete(label_rows).where(label_rows.c.post_id.in_(updated_ids)))
        conn.execute(delete(comment_rows).where(and_(comment_rows.c.post_id.in_(updated_ids),
                                                     comment_rows.c.origin == "ingest")))
        readers = {(r.post_id, r.author, r.body) for r in conn.execute(
            select(comments.c.post_id, comments.c.author, comments.c.body).where(comments.c.post_id.in_(updated_ids)))}
    new_labels = [{"post_id": pid, "label": label, "position": i, "batch": batch}
                   for pid, post in changed for i, label in enumerate(post.labels)]
    # An author fits the column's 200 characters: ingest/checks.py refuses a longer one.
    new_comments = [{"post_id": pid, "author": c.author, "body": c.body, "published": as_utc(c.published),
                      "approved": c.approved, "origin": "ingest", "client": None, "batch": batch}
                     for pid, post in changed for c in post.comments if (pid, c.author, c.body) not in readers]
    for table, rows in ((label_rows, new_labels), (comment_rows, new_comments)):
        if rows:
            conn.execute(insert(table), rows)
    if batch is None:
        note_changes(conn, (pid for pid, _ in changed))
