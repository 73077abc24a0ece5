"""The facts revision: a token that changes with every commit that changed any fact.

What is derived from all facts at once (the explorer's filter menus, the series list) is cached
per process and recounted only when this token moves; reading it is one primary-key lookup.
The change log cannot serve: re-extraction changes facts without changing a post. Like the log,
the token is written last in the transaction, so on PostgreSQL its row lock lasts only to commit.
"""

from __future__ import annotations

import uuid

from sqlalchemy import Connection, select, update

from metalnomist.store.schema import archive_meta

KEY = "facts_revision"
_NOTED = "metalnomist.facts_changed"  # key in the connection's info: this transaction changed facts


def note_facts_changed(conn: Connection) -> None:
    conn.info[_NOTED] = True


def stamp_noted(conn: Connection) -> None:
    """A new token when this transaction changed facts; `Store.transaction` calls it just before commit."""
    if conn.info.pop(_NOTED, False):
        conn.execute(update(archive_meta).where(archive_meta.c.key == KEY).values(value=uuid.uuid4().hex))


def forget_noted(conn: Connection) -> None:
    """A rolled-back transaction changed nothing; the pooled connection must not carry its note on."""
    conn.info.pop(_NOTED, None)


def facts_revision(conn: Connection) -> str:
    return str(conn.execute(select(archive_meta.c.value).where(archive_meta.c.key == KEY)).scalar_one_or_none())
