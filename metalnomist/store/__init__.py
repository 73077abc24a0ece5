"""The database: SQLite (embedded) or PostgreSQL, one schema, one query layer. All SQL lives here."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import OperationalError

from metalnomist.errors import StoreError
from metalnomist.store.changes import forget_noted, log_noted
from metalnomist.store.database import BUSY_SECONDS, WRITE, driver_problem, migrate, open_engine

__all__ = ["Connection", "Store"]  # a connection is what the layers above pass to store functions


class Store:
    """An open, migrated database. Read with `reading()`, write with `transaction()`.

    Both turn the driver's operational failures (a server gone, a lock not granted, a full disk)
    into a one-line StoreError, which the CLI prints and the web answers with 503.
    """

    def __init__(self, engine: Engine, busy_seconds: int = BUSY_SECONDS) -> None:
        self.engine = engine
        self.busy_seconds = busy_seconds

    @classmethod
    def open(cls, url: str, busy_seconds: int = BUSY_SECONDS) -> Store:
        engine = open_engine(url, busy_seconds)
        migrate(engine)
        return cls(engine, busy_seconds)

    @property
    def url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        with self._explained(writing=False), self.engine.connect() as conn:
            yield conn

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """Everything inside commits together or not at all; the posts it changed are logged last.

        On SQLite it holds the one write lock throughout, so keep it short.
        """
        with self._explained(writing=True), self.engine.connect() as conn, \
                conn.execution_options(**{WRITE: True}).begin():
            try:
                yield conn
                log_noted(conn)
            finally:
                forget_noted(conn)

    @contextmanager
    def _explained(self, writing: bool) -> Iterator[None]:
        try:
            yield
        except OperationalError as exc:
            problem = driver_problem(exc)
            unchanged = "; nothing was changed" if writing else ""
            if "database is locked" in problem:
                message = (f"the database {self.url} stayed locked by another writer for {self.busy_seconds} s"
                           f"{unchanged}; please try again when it has finished")
            elif "full" in problem or "No space left" in problem:
                message = f"the disk holding the database {self.url} is full ({problem}){unchanged}"
            elif "disk I/O error" in problem:
                message = (f"the database {self.url} could not be {'written' if writing else 'read'} ({problem}: "
                           f"is its disk full or failing?){unchanged}")
            else:
                message = f"the database {self.url} is unavailable ({problem}){unchanged}"
            raise StoreError(message) from None

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
