"""The database: SQLite (embedded) or PostgreSQL, one schema, one query layer. All SQL lives here."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import OperationalError

from metalnomist.errors import StoreError
from metalnomist.store.changes import forget_noted, log_noted
from metalnomist.store.database import BUSY_SECONDS, WRITE, migrate, open_engine


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
        """Everything inside commits together or not at all; the posts it changed are logged last.

        On SQLite it holds the one write lock throughout, so keep it short.
        """
        try:
            with self.engine.connect() as conn, conn.execution_options(**{WRITE: True}).begin():
                try:
                    yield conn
                    log_noted(conn)
                finally:
                    forget_noted(conn)
        except OperationalError as exc:
            if "database is locked" in str(exc.orig):
                raise StoreError(f"the database {self.url} stayed locked by another writer for {BUSY_SECONDS} s; "
                                 "nothing was changed, please try again when it has finished") from None
            raise

    def checkpoint(self) -> None:
        """After a big import, fold SQLite's write-ahead log back into the database file.

        Without it the WAL stays as large as the import (half the bytes on disk). Readers
        still holding old snapshots make it partial, which is harmless. PostgreSQL needs nothing.
        """
        if self.engine.dialect.name == "sqlite":
            raw = self.engine.raw_connection()  # outside any transaction, which would pin the log
            try:
                raw.cursor().execute("PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                raw.close()

    def close(self) -> None:
        self.engine.dispose()
