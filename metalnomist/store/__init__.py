"""The database: SQLite (embedded) or PostgreSQL, one schema, one query layer. All SQL lives here."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, Engine

from metalnomist.store.changes import forget_noted, log_noted
from metalnomist.store.database import migrate, open_engine


class Store:
    """An open, migrated database. Read with `reading()`, write with `transaction()`."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @classmethod
    def open(cls, url: str) -> Store:
        engine = open_engine(url)
        migrate(engine)
        return cls(engine)

    @property
    def url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        with self.engine.connect() as conn:
            yield conn

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """Everything inside commits together or not at all; the posts it changed are logged last."""
        with self.engine.begin() as conn:
            try:
                yield conn
                log_noted(conn)
            finally:
                forget_noted(conn)

    def checkpoint(self) -> None:
        """After a big import, fold SQLite's write-ahead log back into the database file.

        Without it the WAL stays as large as the import (half the bytes on disk). Readers
        still holding old snapshots make it partial, which is harmless. PostgreSQL needs nothing.
        """
        if self.engine.dialect.name == "sqlite":
            with self.engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")

    def close(self) -> None:
        self.engine.dispose()
