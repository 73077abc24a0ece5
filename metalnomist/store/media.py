"""Uploaded images: stored once per content, read back by id."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Connection, insert, select, update

from metalnomist.store.changes import note_changes
from metalnomist.store.schema import media, post_rows, posts


def add_media(conn: Connection, digest: str, content_type: str, width: int, height: int, data: bytes,
              user_id: int | None, now: datetime) -> int:
    """The id of these bytes, stored now unless they already were."""
    found = conn.execute(select(media.c.id).where(media.c.digest == digest)).first()
    if found is not None:
        return int(found.id)
    values = {"digest": digest, "content_type": content_type, "width": width, "height": height, "data": data,
              "user_id": user_id, "created": now}
    return int(conn.execute(insert(media).values(**values)).inserted_primary_key[0])  # type: ignore[index]


def media_by_id(conn: Connection, media_id: int) -> tuple[str, bytes] | None:
    row = conn.execute(select(media.c.content_type, media.c.data).where(media.c.id == media_id)).first()
    return (row.content_type, bytes(row.data)) if row else None


def set_cover(conn: Connection, post_id: int, cover: dict[str, Any], now: datetime) -> bool:
    """Record a post's cover image (id, alt, size) in its metadata, which the post page reads."""
    row = conn.execute(select(posts.c.extra).where(posts.c.id == post_id)).first()
    if row is None:
        return False
    extra = {**(row.extra or {}), "cover": cover}
    conn.execute(update(post_rows).where(post_rows.c.id == post_id).values(extra=extra, updated=now))
    note_changes(conn, [post_id])
    return True
