"""Shared fixtures: sample paths, and databases — SQLite always, PostgreSQL when a server is given.

`.ci/run` starts a real PostgreSQL server and sets METALNOMIST_TEST_PG to a URL of a role that
may create databases; each test gets a database of its own, dropped afterwards.

A test's database starts as a copy of one the migrations built at the session's start (a PostgreSQL
template, a SQLite file), with an identity of its own: migrating each from empty cost a quarter of
the suite. The migration tests ask for `empty_db_url` and run them from nothing.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.exc import DBAPIError

from metalnomist.config import Settings
from metalnomist.pipeline import Archive, ingest_sample_if_empty, open_archive

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEED = REPO / "metalnomist" / "samples" / "metalnomist-search-japans.txt"


def shared_file(relative: str) -> Path:
    """A file from ../shared (read-only test material); skipped where it is absent, failed in CI."""
    path = SHARED / relative
    if not path.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{path} is missing in CI")
        pytest.skip(f"{path} is not here")
    return path


@pytest.fixture(scope="session")
def pg_admin_url() -> str:
    url = os.environ.get("METALNOMIST_TEST_PG")
    if not url:
        if os.environ.get("CI"):
            pytest.fail("CI must provide a PostgreSQL server through METALNOMIST_TEST_PG")
        pytest.skip("no PostgreSQL server: set METALNOMIST_TEST_PG (see .ci/run)")
    return url


@contextmanager
def pg_database(admin_url: str, template: str | None = None) -> Iterator[str]:
    """A PostgreSQL database of its own (empty, or a copy of `template` with an identity of its own), dropped (even
    with connections still open) afterwards."""
    name = "mn_test_" + uuid.uuid4().hex[:12]
    admin = create_engine(admin_url.replace("postgresql://", "postgresql+psycopg://"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else "")))
    url = admin_url.rsplit("/", 1)[0] + "/" + name
    try:
        if template:
            copy = create_engine(url.replace("postgresql://", "postgresql+psycopg://"))
            with copy.begin() as conn:
                _new_identity(conn.connection.dbapi_connection)
            copy.dispose()
        yield url
    finally:
        drop_database(admin, name)
        admin.dispose()


def _new_identity(dbapi: Any) -> None:
    """A copied archive is another archive: the ids its first migration drew are drawn again."""
    cursor = dbapi.cursor()
    for key in ("identity", "facts_revision"):
        cursor.execute(f"UPDATE archive_meta SET value = '{uuid.uuid4().hex}' WHERE key = '{key}'")
    cursor.close()


def _migrated(db: str, tmp: Path) -> None:
    """Build the schema in `db` as the application does on first opening it."""
    open_archive(Settings(db=db, index_dir=str(tmp / "index"))).close()


@pytest.fixture(scope="session")
def pg_template(pg_admin_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The name of a PostgreSQL database at the schema's head, for tests' databases to be copied from."""
    name = "mn_template_" + uuid.uuid4().hex[:12]
    admin = create_engine(pg_admin_url.replace("postgresql://", "postgresql+psycopg://"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        _migrated(pg_admin_url.rsplit("/", 1)[0] + "/" + name, tmp_path_factory.mktemp("pg-template"))
        yield name
    finally:
        drop_database(admin, name)
        admin.dispose()


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite archive at the schema's head, for tests' archives to be copied from."""
    folder = tmp_path_factory.mktemp("sqlite-template")
    _migrated(f"sqlite:///{folder}/archive.db", folder)
    return folder / "archive.db"


def sqlite_copy(template: Path, target: Path) -> str:
    """A SQLite archive at `target`, copied from `template`, with an identity of its own."""
    shutil.copyfile(template, target)
    with sqlite3.connect(target) as conn:
        _new_identity(conn)
    conn.close()
    return f"sqlite:///{target}"


def drop_database(admin: Engine, name: str) -> None:
    """FORCE ends our own sessions but may not end an autovacuum worker (another role's process),
    which leaves within moments: try again rather than fail a test that passed."""
    for attempt in range(20):
        try:
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            return
        except DBAPIError as exc:
            if "must be a member of the role" not in str(exc) or attempt == 19:
                raise
            time.sleep(0.25)


@pytest.fixture
def pg_url(pg_admin_url: str, pg_template: str) -> Iterator[str]:
    with pg_database(pg_admin_url, pg_template) as url:
        yield url


@pytest.fixture(scope="module")
def pg_module_url(pg_admin_url: str, pg_template: str) -> Iterator[str]:
    """One database shared by a module's read-only tests, where seeding per test would cost too much."""
    with pg_database(pg_admin_url, pg_template) as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An archive's database at the schema's head, of each kind."""
    if request.param == "sqlite":
        return sqlite_copy(request.getfixturevalue("sqlite_template"), tmp_path / "archive.db")
    return str(request.getfixturevalue("pg_url"))


@pytest.fixture
def empty_pg_url(pg_admin_url: str) -> Iterator[str]:
    """A PostgreSQL database with nothing in it yet: for the migrations' own tests."""
    with pg_database(pg_admin_url) as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A database with nothing in it yet, of each kind: for the migrations' own tests."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path}/archive.db"
    return str(request.getfixturevalue("empty_pg_url"))


@pytest.fixture
def settings(db_url: str, tmp_path: Path) -> Settings:
    return Settings(db=db_url, index_dir=str(tmp_path / "index"), secret_key="test", comment_moderation=False)


@pytest.fixture
def archive(settings: Settings) -> Iterator[Archive]:
    opened = open_archive(settings)
    yield opened
    opened.close()


@pytest.fixture
def seeded(archive: Archive) -> Archive:
    ingest_sample_if_empty(archive)
    return archive
