"""Whole-database backups: every table (posts, comments, facts, the change log), consistent at one moment.

A file copy of a live SQLite archive misses what still sits in its write-ahead log, so SQLite
uses its online backup API, which reads through the log. PostgreSQL uses pg_dump and
pg_restore (custom format). The search index is derived and not backed up: restore rebuilds it.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path
from typing import Literal

from sqlalchemy import Engine, func, inspect, select

from metalnomist.errors import StoreError
from metalnomist.store.database import migrate
from metalnomist.store.schema import comments, posts

Kind = Literal["sqlite", "postgresql"]
SIGNATURES: dict[Kind, bytes] = {"sqlite": b"SQLite format 3\x00", "postgresql": b"PGDMP"}


def backup(engine: Engine, dest: Path) -> None:
    """Write a backup of the database to `dest` (a new file; an existing one is refused)."""
    if dest.exists():
        raise StoreError(f"{dest}: already exists; choose a new file name for the backup")
    partial = dest.with_name(dest.name + ".partial")
    try:
        if engine.dialect.name == "sqlite":
            _sqlite_backup(engine, partial)
        else:
            _pg_tool(engine, "pg_dump", ["--format=custom", "--no-owner", f"--file={partial}"])
        partial.replace(dest)  # a backup that stopped halfway never looks like one
    finally:
        partial.unlink(missing_ok=True)


def _sqlite_backup(engine: Engine, dest: Path) -> None:
    raw = engine.raw_connection()
    try:
        _sqlite_copy(raw.driver_connection, dest, "DELETE", dest, "backup")  # type: ignore[arg-type]
    finally:
        raw.close()


def _sqlite_copy(source: sqlite3.Connection, target: sqlite3.Connection | Path, journal_mode: str, named: Path,
                 action: str) -> None:
    """SQLite's online backup API, which reads through the source's write-ahead log; the copy then keeps
    `journal_mode` (DELETE: one self-contained backup file; WAL: a live archive again)."""
    try:
        copy = sqlite3.connect(target) if isinstance(target, Path) else target
        try:
            source.backup(copy)
            copy.execute(f"PRAGMA journal_mode={journal_mode}")
        finally:
            if copy is not target:
                copy.close()
    except sqlite3.Error as exc:
        raise StoreError(f"{named}: the {action} failed: {exc}") from None


def backup_kind(path: Path) -> Kind:
    """Which database wrote this backup, from its first bytes; anything else is refused."""
    try:
        with path.open("rb") as handle:
            head = handle.read(16)
    except OSError as exc:
        raise StoreError(f"{path}: cannot read the backup: {exc.strerror}") from None
    for kind, signature in SIGNATURES.items():
        if head.startswith(signature):
            return kind
    raise StoreError(f"{path}: not a Metalnomist backup (neither a SQLite file nor a pg_dump custom archive)")


def is_empty(engine: Engine) -> bool:
    """No posts and no comments; a database no archive was ever made in holds none either."""
    with engine.connect() as conn:
        if not inspect(conn).has_table(posts.name):
            return True
        counts = [conn.execute(select(func.count()).select_from(table)).scalar_one() for table in (posts, comments)]
    return not any(counts)


def restore(engine: Engine, source: Path, force: bool = False) -> None:
    """Replace the database's contents with a backup, then bring its schema to the newest migration."""
    kind = backup_kind(source)
    if kind != engine.dialect.name:
        raise StoreError(f"{source}: a {kind} backup cannot be restored into a {engine.dialect.name} database")
    if not force and not is_empty(engine):
        raise StoreError(f"{engine.url!r} already holds posts or comments; restoring would replace them "
                         "(add --force to do so)")
    if kind == "sqlite":
        _sqlite_restore(engine, source)
    else:
        _pg_tool(engine, "pg_restore", ["--clean", "--if-exists", "--no-owner", "--single-transaction",
                                        "--exit-on-error", str(source)], dbname_flag="--dbname=")
    engine.dispose()  # pooled connections may hold pages or catalog entries of the old contents
    migrate(engine)


def _sqlite_restore(engine: Engine, source: Path) -> None:
    backup_db = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        try:
            backup_db.execute("SELECT count(*) FROM posts").fetchone()
        except sqlite3.Error as exc:
            raise StoreError(f"{source}: not a Metalnomist backup ({exc})") from None
        engine.dispose()
        raw = engine.raw_connection()
        try:
            _sqlite_copy(backup_db, raw.driver_connection, "WAL", source, "restore")  # type: ignore[arg-type]
        finally:
            raw.close()
    finally:
        backup_db.close()


def _pg_tool(engine: Engine, tool: str, args: list[str], dbname_flag: str = "--dbname=") -> None:
    """Run pg_dump or pg_restore against the engine's database; the password goes by environment, not argv."""
    program = shutil.which(tool)
    if program is None:
        raise StoreError(f"{tool} is not installed: install the PostgreSQL client tools "
                         "(Debian: apt install postgresql-client) of the server's major version or newer")
    url = engine.url
    env = {**os.environ, "PGPASSWORD": url.password or "", "PGHOST": url.host or "", "PGPORT": str(url.port or 5432),
           "PGUSER": url.username or ""}
    done = subprocess.run([program, f"{dbname_flag}{url.database}", *args], env=env, capture_output=True,
                          text=True, check=False)
    if done.returncode != 0:
        problem = (done.stderr.strip().splitlines() or [f"exit status {done.returncode}"])[0]
        raise StoreError(f"{tool} failed: {problem}")
