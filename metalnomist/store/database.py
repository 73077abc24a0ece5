"""Open a database by URL and bring its schema to the newest migration."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import ArgumentError, OperationalError
from sqlalchemy.pool import StaticPool

from metalnomist.errors import ConfigError, StoreError

MIGRATIONS = Path(__file__).with_name("migrations")


def open_engine(url: str) -> Engine:
    """SQLite gets WAL (readers never block the writer) and enforced foreign keys."""
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    try:
        if url.startswith("sqlite"):
            # A pool keeps connections (and their pragmas) across requests; :memory: needs one shared one.
            pool = {"poolclass": StaticPool} if ":memory:" in url else {"pool_size": 8, "max_overflow": 8}
            engine = create_engine(url, connect_args={"timeout": 30, "check_same_thread": False}, **pool)
            event.listen(engine, "connect", _sqlite_pragmas)
        elif url.startswith("postgresql"):
            # UTC sessions: month grouping and date sorts must not depend on the server's zone.
            engine = create_engine(url, pool_pre_ping=True, pool_size=10, connect_args={"options": "-c timezone=utc"})
        else:
            raise ConfigError(f"database URL {url!r}: use sqlite:///path.db or postgresql://user:pass@host/db")
    except (ArgumentError, ModuleNotFoundError) as exc:
        raise ConfigError(f"database URL {url!r}: {exc}") from None
    return engine


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def migrate(engine: Engine) -> None:
    """Apply every pending Alembic migration in one transaction."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    except OperationalError as exc:
        raise StoreError(f"cannot open the database {engine.url!r}: {exc.orig}") from None
