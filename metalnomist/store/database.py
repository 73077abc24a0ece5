"""Open a database by URL and bring its schema to the newest migration."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.exc import ArgumentError, OperationalError, ProgrammingError
from sqlalchemy.pool import StaticPool

from metalnomist.errors import ConfigError, StoreError

MIGRATIONS = Path(__file__).with_name("migrations")
BUSY_SECONDS = 30  # default wait of a SQLite writer for another to finish (settings.write_wait_seconds)
WRITE = "metalnomist_write"  # execution option: this transaction will write
CONNECT_SECONDS = 5  # how long opening a PostgreSQL connection may take
MIGRATION_LOCK = 7_318_042_915  # PostgreSQL advisory lock key: one migrating process at a time
# The newest migration's revision: an archive already there is opened without loading Alembic
# (half a second of every command). tests/store/test_migrations.py checks it is Alembic's head.
SCHEMA_HEAD = "0023"


def open_engine(url: str, busy_seconds: int = BUSY_SECONDS) -> Engine:
    """SQLite gets WAL (readers never block the writer) and enforced foreign keys."""
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    try:
        if url.startswith("sqlite"):
            # A pool keeps connections (and their pragmas) across requests; :memory: needs one shared one.
            pool = {"poolclass": StaticPool} if ":memory:" in url else {"pool_size": 8, "max_overflow": 8}
            engine = create_engine(url, connect_args={"timeout": busy_seconds, "check_same_thread": False}, **pool)
            event.listen(engine, "connect", lambda dbapi, _record: _sqlite_pragmas(dbapi, busy_seconds))
            event.listen(engine, "begin", _sqlite_begin)
        elif url.startswith("postgresql"):
            # UTC sessions: month grouping and date sorts must not depend on the server's zone. A server that
            # does not answer (a primary down, a dropped network) fails in seconds instead of hanging a request.
            engine = create_engine(url, pool_pre_ping=True, pool_size=10,
                                   connect_args={"options": "-c timezone=utc", "connect_timeout": CONNECT_SECONDS})
        else:
            raise ConfigError(f"database URL {url!r}: use sqlite:///path.db or postgresql://user:pass@host/db")
    except (ArgumentError, ModuleNotFoundError) as exc:
        raise ConfigError(f"database URL {url!r}: {exc}") from None
    return engine


def _sqlite_pragmas(dbapi_connection: Any, busy_seconds: int) -> None:
    # SQLAlchemy, not the driver, begins transactions (see _sqlite_begin).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute(f"PRAGMA busy_timeout={busy_seconds * 1000}")
    # 64 MiB of pages (the default is 2): a fact row updates some 15 indexes, whose pages ingest would otherwise
    # read back from the OS for every batch (20,000 posts: 9.5 s of fact inserts down to 6.7 s)
    cursor.execute("PRAGMA cache_size=-65536")
    cursor.close()


def _sqlite_begin(conn: Connection) -> None:
    """A writer takes the write lock up front, waiting its turn (busy_timeout) for another writer.

    A deferred transaction that reads first and writes later fails at once with "database is
    locked" when another writer committed in between; the busy timeout never applies to it.
    """
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(WRITE) else "BEGIN")


def migrate(engine: Engine) -> None:
    """Apply every pending Alembic migration in one transaction; an up-to-date database is only read.

    Opening an archive then never waits for another writer, and two processes opening a new
    one take turns instead of failing.
    """
    try:
        if schema_revision(engine) == SCHEMA_HEAD:
            return
        from alembic import command
        from alembic.config import Config

        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        with engine.connect() as connection, connection.execution_options(**{WRITE: True}).begin():
            if engine.dialect.name == "postgresql":  # SQLite's BEGIN IMMEDIATE already makes others wait
                connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK})")
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    except OperationalError as exc:
        raise StoreError(f"cannot open the database {engine.url!r}: {driver_problem(exc)}") from None


def schema_revision(engine: Engine) -> str | None:
    """The migration the database is at, or None for a new one (no Alembic table yet)."""
    with engine.connect() as connection:
        try:
            return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
        except (OperationalError, ProgrammingError) as exc:
            if "alembic_version" not in str(exc.orig):  # a real failure, not a missing table
                raise
            return None


def driver_problem(exc: OperationalError) -> str:
    """The driver's own words, first line only: PostgreSQL adds hints on further lines."""
    lines = str(exc.orig).strip().splitlines()
    return lines[0] if lines else type(exc.orig).__name__
