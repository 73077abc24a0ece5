"""Uploaded images: stored once per content, linked to the posts that show them, read back by id."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, delete, exists, insert, select, update

from metalnomist.store.changes import note_changes
from metalnomist.store.schema import media, post_media, post_rows, posts


@dataclass(frozen=True)
class StoredImage:
    content_type: str
    data: bytes
    public: bool  # a published post shows it; otherwise only editors may see it


def add_media(conn: Connection, digest: str, content_type: str, width: int, height: int, data: bytes,
              user_id: int | None, now: datetime) -> int:
    """The id of these bytes, stored now unless they already were."""
    found = conn.execute(select(media.c.id).where(media.c.digest == digest)).first()
    if found is not None:
        return int(found.id)
    values = {"digest": digest, "content_type": content_type, "width": width, "height": height, "data": data,
              "user_id": user_id, "created": now}
    return int(conn.execute(insert(media).values(**values)).inserted_primary_key[0])  # type: ignore[index]


def media_by_id(conn: Connection, media_id: int) -> StoredImage | None:
    shown = exists().where(post_media.c.media_id == media.c.id, post_media.c.post_id == posts.c.id,
                           posts.c.status == "published")
    query = select(media.c.content_type, media.c.data, shown.label("public")).where(media.c.id == media_id)
    row = conn.execute(query).first()
    return StoredImage(row.content_type, bytes(row.data), bool(row.public)) if row else None


def set_cover(conn: Connection, post_id: int, cover: dict[str, Any], now: datetime) -> bool:
    """Record a post's cover image (id, alt, size) in its metadata, which the post page reads, and link the
    image to the post in place of the cover it had."""
    row = conn.execute(select(posts.c.extra).where(posts.c.id == post_id)).first()
    if row is None:
        return False
    extra = {**(row.extra or {}), "cover": cover}
    conn.execute(update(post_rows).where(post_rows.c.id == post_id).values(extra=extra, updated=now))
    conn.execute(delete(post_media).where(post_media.c.post_id == post_id))
    conn.execute(insert(post_media).values(post_id=post_id, media_id=cover["id"]))
    note_changes(conn, [post_id])
    return True
