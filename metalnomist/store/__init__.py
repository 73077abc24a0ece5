"""The database: SQLite (embedded) or PostgreSQL, one schema, one query layer. All SQL lives here."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import OperationalError

from metalnomist.errors import StoreError
from metalnomist.store.changes import LAST_SEQ_SQL, forget_noted, log_noted
from metalnomist.store.database import BUSY_SECONDS, WRITE, driver_problem, migrate, open_engine
from metalnomist.store.revision import forget_noted as forget_facts_noted
from metalnomist.store.revision import stamp_noted

__all__ = ["Connection", "Store"]  # a connection is what the layers above pass to store functions


class Store:
    """An open, migrated database. Read with `reading()`, write with `transaction()`.

    Both turn the driver's operational failures (a server gone, a lock not granted, a full disk)
    into a one-line StoreError, which the CLI prints and the web answers with 503.
    """

    def __init__(self, engine: Engine, busy_seconds: int = BUSY_SECONDS, read_engine: Engine | None = None) -> None:
        self.engine = engine
        self.read_engine = read_engine or engine
        self.busy_seconds = busy_seconds

    @classmethod
    def open(cls, url: str, busy_seconds: int = BUSY_SECONDS, read_url: str = "") -> Store:
        """`read_url`: a streaming replica of `url` that every read goes to; only the primary is migrated."""
        engine = open_engine(url, busy_seconds)
        migrate(engine)
        return cls(engine, busy_seconds, open_engine(read_url, busy_seconds) if read_url else None)

    @property
    def url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    @property
    def read_url(self) -> str:
        return self.read_engine.url.render_as_string(hide_password=True)

    @contextmanager
    def reading(self, primary: bool = False) -> Iterator[Connection]:
        """From the replica when there is one: what was just written may show there a moment later.

        `primary` reads where writes go, for decisions a stale answer would get wrong (a revoked
        token, a sign-in limit); a replica can lag by seconds, or hours while it replays a backlog.
        """
        engine = self.engine if primary else self.read_engine
        with self._explained(writing=False), engine.connect() as conn:
            yield conn

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """Everything inside commits together or not at all; the posts it changed are logged last
        (and a change to facts moves the facts revision).

        On SQLite it holds the one write lock throughout, so keep it short.
        """
        with self._explained(writing=True), self.engine.connect() as conn, \
                conn.execution_options(**{WRITE: True}).begin():
            try:
                yield conn
                log_noted(conn)
                stamp_noted(conn)
            finally:
                forget_noted(conn)
                forget_facts_noted(conn)

    @contextmanager
    def _explained(self, writing: bool) -> Iterator[None]:
        url = self.url if writing else self.read_url
        try:
            yield
        except OperationalError as exc:
            problem = driver_problem(exc)
            unchanged = "; nothing was changed" if writing else ""
            if "database is locked" in problem:
                message = (f"the database {url} stayed locked by another writer for {self.busy_seconds} s"
                           f"{unchanged}; please try again when it has finished")
            elif "full" in problem or "No space left" in problem:
                message = f"the disk holding the database {url} is full ({problem}){unchanged}"
            elif "disk I/O error" in problem:
                message = (f"the database {url} could not be {'written' if writing else 'read'} ({problem}: "
                           f"is its disk full or failing?){unchanged}")
            else:
                message = f"the database {url} is unavailable ({problem}){unchanged}"
            raise StoreError(message) from None

    def log_head(self) -> int:
        """`changes.last_seq`, run by the driver alone: every search and listing asks whether the log moved,
        and SQLAlchemy's transaction and statement layers around this one-row read cost 60 times the read
        (170 µs against 3 µs on SQLite at a million posts)."""
        with self._explained(writing=False), self.read_engine.connect() as conn:
            cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
            try:
                cursor.execute(LAST_SEQ_SQL)
                return int(cursor.fetchone()[0])
            except conn.dialect.loaded_dbapi.Error as exc:
                raise OperationalError(LAST_SEQ_SQL, None, exc) from exc
            finally:
                cursor.close()

    def ping_primary(self) -> None:
        """Raise StoreError unless the database that takes writes answers (it may not be the one read)."""
        with self._explained(writing=True), self.engine.connect() as conn:
            conn.execute(text("SELECT 1"))

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
        self.read_engine.dispose()
