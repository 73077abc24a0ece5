"""Backups of a live archive, restored elsewhere, lose nothing (issue 8, item 5)."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from sqlalchemy import func, insert, select

from metalnomist.accounts.service import create_user
from metalnomist.cli import cli
from metalnomist.config import Settings
from metalnomist.errors import StoreError
from metalnomist.ingest.jsonl import post_to_dict
from metalnomist.models import Comment
from metalnomist.pipeline import Archive, find_facts, ingest_file, open_archive, post_comment
from metalnomist.publishing.media import set_cover_image
from metalnomist.search.service import SearchRequest, search
from metalnomist.store.comments import add_comment
from metalnomist.store.facts import FactFilter
from metalnomist.store.posts import iter_posts
from metalnomist.store.schema import comment_rows, comments, metadata
from tests.conftest import SEED, pg_database
from tests.publish.test_media import picture


def run(db: str, index: Path, *args: str) -> str:
    result = CliRunner().invoke(cli, ["--db", db, *args], catch_exceptions=False,
                                env={"METALNOMIST_INDEX_DIR": str(index)})
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.fixture
def fresh_db(request: pytest.FixtureRequest, db_url: str, tmp_path: Path) -> Iterator[str]:
    """A second, empty database of the same kind to restore into."""
    with empty_like(request, db_url, tmp_path) as url:
        yield url


@contextmanager
def empty_like(request: pytest.FixtureRequest, db_url: str, tmp_path: Path) -> Iterator[str]:
    """An empty database of `db_url`'s kind."""
    if db_url.startswith("sqlite"):
        yield f"sqlite:///{tmp_path}/restored.db"
        return
    with pg_database(str(request.getfixturevalue("pg_admin_url"))) as url:
        yield url


def contents(archive: Archive) -> dict[str, Any]:
    with archive.store.reading() as conn:
        posts = sorted((post_to_dict(p) | {"permalink": p.permalink} for p in iter_posts(conn)),
                       key=lambda p: p["permalink"])
        notes = sorted((r.post_id, r.author, r.body, r.approved, r.origin) for r in conn.execute(select(comments)))
    facts = sorted(repr(f) for f in find_facts(archive, FactFilter())[0])
    return {"posts": posts, "comments": notes, "facts": facts}


def every_table(archive: Archive) -> dict[str, int]:
    """{table: rows} of every table the schema names: users, images and logs count as much as posts."""
    with archive.store.reading() as conn:
        return {t.name: conn.execute(select(func.count()).select_from(t)).scalar_one() for t in metadata.sorted_tables}


def test_a_backup_taken_mid_write_restores_everything_committed(archive: Archive, fresh_db: str,
                                                                tmp_path: Path) -> None:
    ingest_file(archive, SEED, "page")
    post_comment(archive, 1, "Reader", "Committed before the backup", client="10.0.0.1")
    editor = create_user(archive.store, "ana", "a long enough password", "editor")
    set_cover_image(archive.store, editor, 1, picture(), "A palladium bar")
    expected, tables = contents(archive), every_table(archive)
    assert expected["comments"] and len(expected["facts"]) > 20
    assert all(tables[name] for name in ("users", "media", "post_media", "audit_log", "changes"))
    wal = Path(archive.settings.db.removeprefix("sqlite:///") + "-wal")
    if archive.store.engine.dialect.name == "sqlite":
        assert wal.stat().st_size > 0, "the posts should still sit in the write-ahead log"
    target = tmp_path / "archive.backup"
    with archive.store.engine.connect() as writer:  # another writer, mid-transaction
        writer.execute(insert(comment_rows).values(post_id=1, author="Ghost", body="never committed", approved=True,
                                                   origin="reader"))
        run(archive.settings.db, tmp_path / "index", "backup", str(target))
        writer.rollback()

    out = run(fresh_db, tmp_path / "restored-index", "restore", str(target))
    assert out.startswith(f"restored {target}; 20 posts indexed")
    restored = open_archive(Settings(db=fresh_db, index_dir=str(tmp_path / "restored-index")))
    try:
        assert contents(restored) == expected and every_table(restored) == tables
        assert search(restored.store, restored.index, SearchRequest("palladium")).total >= 1
    finally:
        restored.close()


def test_a_plain_copy_of_a_live_sqlite_file_misses_what_the_backup_keeps(tmp_path: Path) -> None:
    archive = open_archive(Settings(db=f"sqlite:///{tmp_path}/live.db", index_dir=str(tmp_path / "index")))
    ingest_file(archive, SEED, "page")
    shutil.copyfile(tmp_path / "live.db", tmp_path / "copy.db")
    run(archive.settings.db, tmp_path / "index", "backup", str(tmp_path / "backup.db"))
    archive.close()

    def count(path: Path) -> int:
        with sqlite3.connect(path) as conn:
            try:
                return int(conn.execute("SELECT count(*) FROM posts").fetchone()[0])
            except sqlite3.OperationalError:  # even the tables were still in the log
                return 0

    assert count(tmp_path / "copy.db") < 20 and count(tmp_path / "backup.db") == 20


def test_restore_refuses_a_non_empty_archive_unless_forced(archive: Archive, tmp_path: Path) -> None:
    ingest_file(archive, SEED, "page")
    target = tmp_path / "archive.backup"
    run(archive.settings.db, tmp_path / "index", "backup", str(target))
    before = contents(archive)
    with pytest.raises(StoreError, match="--force"):
        run(archive.settings.db, tmp_path / "index", "restore", str(target))
    assert run(archive.settings.db, tmp_path / "index", "restore", "--force", str(target)).startswith("restored")
    assert contents(archive) == before


def test_a_file_that_is_no_backup_is_refused_and_changes_nothing(archive: Archive, tmp_path: Path) -> None:
    ingest_file(archive, SEED, "page")
    before = contents(archive)
    bogus = tmp_path / "notes.txt"
    bogus.write_text("not a backup")
    with pytest.raises(StoreError, match="not a Metalnomist backup"):
        run(archive.settings.db, tmp_path / "index", "restore", "--force", str(bogus))
    assert contents(archive) == before


def test_another_programs_sqlite_file_is_refused_even_with_force(tmp_path: Path) -> None:
    """A SQLite file passes the signature check; without our tables it would empty the archive."""
    archive = open_archive(Settings(db=f"sqlite:///{tmp_path}/archive.db", index_dir=str(tmp_path / "index")))
    ingest_file(archive, SEED, "page")
    before = contents(archive)
    other = tmp_path / "browser-history.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE visits (url TEXT)")
    with pytest.raises(StoreError, match=f"{other}: not a Metalnomist backup"):
        run(archive.settings.db, tmp_path / "index", "restore", "--force", str(other))
    assert contents(archive) == before
    archive.close()


def test_a_backup_of_the_other_database_kind_is_refused_naming_both(archive: Archive, tmp_path: Path) -> None:
    ingest_file(archive, SEED, "page")
    before = contents(archive)
    kind = archive.store.engine.dialect.name
    other = tmp_path / "other.backup"
    if kind == "sqlite":
        other.write_bytes(b"PGDMP" + b"\x00" * 100)
    else:
        with sqlite3.connect(other) as conn:
            conn.execute("CREATE TABLE posts (id INTEGER)")
    wrong = "postgresql" if kind == "sqlite" else "sqlite"
    with pytest.raises(StoreError, match=f"a {wrong} backup cannot be restored into a {kind} database"):
        run(archive.settings.db, tmp_path / "index", "restore", "--force", str(other))
    assert contents(archive) == before


def test_a_backup_will_not_overwrite_a_file(archive: Archive, tmp_path: Path) -> None:
    existing = tmp_path / "keep.txt"
    existing.write_text("precious")
    with pytest.raises(StoreError, match="already exists"):
        run(archive.settings.db, tmp_path / "index", "backup", str(existing))
    assert existing.read_text() == "precious"


@pytest.mark.postgres
def test_a_missing_pg_dump_is_named(pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    archive = open_archive(Settings(db=pg_url, index_dir=str(tmp_path / "index")))
    monkeypatch.setenv("PATH", str(tmp_path))
    try:
        with pytest.raises(StoreError, match="pg_dump is not installed"):
            run(pg_url, tmp_path / "index", "backup", str(tmp_path / "x.backup"))
    finally:
        archive.close()
    assert not (tmp_path / "x.backup").exists()


def comment_list(archive: Archive) -> list[tuple[str, str, str, bool]]:
    with archive.store.reading() as conn:
        titles = {p.id: p.title for p in iter_posts(conn)}
        return sorted((titles[r.post_id], r.author, r.body, r.approved) for r in conn.execute(select(comments)))


def test_a_jsonl_export_carries_every_comment_back_in(archive: Archive, fresh_db: str, tmp_path: Path) -> None:
    ingest_file(archive, SEED, "page")
    post_comment(archive, 1, "Reader", "Published at once", client="10.0.0.1")
    with archive.store.transaction() as conn:
        add_comment(conn, Comment(author="Shy", body="Held for moderation", post_id=2, approved=False), None)
    expected = comment_list(archive)
    assert ("Shy", "Held for moderation", False) in [c[1:] for c in expected]
    export = tmp_path / "export.jsonl"
    export.write_text(run(archive.settings.db, tmp_path / "index", "posts", "--format", "jsonl"))

    run(fresh_db, tmp_path / "fresh-index", "ingest", str(export))
    copy = open_archive(Settings(db=fresh_db, index_dir=str(tmp_path / "fresh-index")))
    try:
        assert comment_list(copy) == expected
    finally:
        copy.close()
    run(archive.settings.db, tmp_path / "index", "ingest", str(export))  # back into the archive it came from
    assert comment_list(archive) == expected


LIMITED = ("import resource, signal\n"  # every file this process writes stops at 100 kB, as on a full disk
           "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
           "resource.setrlimit(resource.RLIMIT_FSIZE, (100_000, 100_000))\n"
           "from metalnomist.cli import main\n"
           "main()\n")


def test_a_backup_that_fails_midway_leaves_no_file(tmp_path: Path) -> None:
    """A disk that fills while the backup is written ends in an error and no file: not the backup, nor the
    `.partial` it was written to, which a copy script or a later look could take for one."""
    db = f"sqlite:///{tmp_path}/a.db"
    run(db, tmp_path / "index", "ingest", str(SEED))
    out = tmp_path / "out"
    out.mkdir()
    done = subprocess.run([sys.executable, "-c", LIMITED, "--db", db, "backup", str(out / "a.backup")],
                          env={**os.environ, "METALNOMIST_INDEX_DIR": str(tmp_path / "index")}, capture_output=True,
                          text=True, timeout=120, check=False)
    assert done.returncode == 1 and "the backup failed" in done.stderr, done.stderr
    assert list(out.iterdir()) == []


@pytest.mark.postgres
def test_a_restore_that_fails_midway_leaves_the_archive_as_it_was(pg_url: str, tmp_path: Path) -> None:
    """A backup cut short (copied before it was whole) fails inside pg_restore once it has begun replacing
    tables: the restore is one transaction, so the archive stays whole, and the error says what pg_restore said."""
    archive = open_archive(Settings(db=pg_url, index_dir=str(tmp_path / "index")))
    try:
        ingest_file(archive, SEED, "page")
        before = contents(archive)
        run(pg_url, tmp_path / "index", "backup", str(tmp_path / "whole.backup"))
        whole = (tmp_path / "whole.backup").read_bytes()
        (tmp_path / "cut.backup").write_bytes(whole[:len(whole) * 9 // 10])  # past the tables' definitions
        with pytest.raises(StoreError, match="^pg_restore failed: pg_restore: error: could not read from input file"):
            run(pg_url, tmp_path / "index", "restore", "--force", str(tmp_path / "cut.backup"))
        assert contents(archive) == before
    finally:
        archive.close()


def test_a_backup_of_an_older_version_restores_to_the_newest_schema_with_its_posts(
        request: pytest.FixtureRequest, empty_db_url: str, tmp_path: Path) -> None:
    """A backup taken before later migrations is brought forward on restore: the archive opens and reads it."""
    from sqlalchemy import text

    from metalnomist.store.backup import backup, restore
    from metalnomist.store.database import SCHEMA_HEAD, open_engine, schema_revision
    from tests.store.test_migrations import OLD_POST, writing_at

    old = open_engine(empty_db_url)
    with writing_at(old, "0001") as conn:
        conn.execute(text(OLD_POST), [{"key": "a", "link": "/2024/03/a.html", "published": "2024-03-01"}])
    dump = tmp_path / "old.backup"
    backup(old, dump)
    old.dispose()
    with empty_like(request, empty_db_url, tmp_path) as fresh_db:
        target = open_engine(fresh_db)
        restore(target, dump)
        assert schema_revision(target) == SCHEMA_HEAD
        with target.connect() as conn:
            assert conn.execute(text("SELECT key, date_source FROM posts")).all() == [("a", None)]
        target.dispose()
