"""The archive's identity: a random id its first migration stored, unchanged for the archive's life."""

from __future__ import annotations

from sqlalchemy import Connection, select

from metalnomist.store.schema import archive_meta


def archive_identity(conn: Connection) -> str:
    return str(conn.execute(select(archive_meta.c.value).where(archive_meta.c.key == "identity")).scalar_one())
