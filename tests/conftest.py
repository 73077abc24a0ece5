"""Shared fixtures: sample paths, and databases — SQLite always, PostgreSQL when a server is given.

`.ci/run` starts a real PostgreSQL server and sets METALNOMIST_TEST_PG to a URL of a role that
may create databases; each test gets a database of its own, dropped afterwards.
"""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

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
def pg_database(admin_url: str) -> Iterator[str]:
    """A PostgreSQL database of its own, dropped (even with connections still open) afterwards."""
    name = "mn_test_" + uuid.uuid4().hex[:12]
    admin = create_engine(admin_url.replace("postgresql://", "postgresql+psycopg://"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield admin_url.rsplit("/", 1)[0] + "/" + name
    finally:
        drop_database(admin, name)
        admin.dispose()


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
def pg_url(pg_admin_url: str) -> Iterator[str]:
    with pg_database(pg_admin_url) as url:
        yield url


@pytest.fixture(scope="module")
def pg_module_url(pg_admin_url: str) -> Iterator[str]:
    """One database shared by a module's read-only tests, where seeding per test would cost too much."""
    with pg_database(pg_admin_url) as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path}/archive.db"
    return str(request.getfixturevalue("pg_url"))


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
