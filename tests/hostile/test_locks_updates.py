"""Re-importing a big changed file on SQLite: short transactions too, and the old versions until it shows.

New versions of stored posts are written hidden, a batch per short transaction, beside the posts
they replace; publishing the file moves them onto those posts at once. Readers see every old
version until then and every new one after; a file that fails, or an ingest killed outright,
leaves the old versions. Ids, permalinks and readers' comments stay (issue 8, item 6).
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import select

from metalnomist.analysis.contradictions import contradictions
from metalnomist.config import Settings
from metalnomist.errors import IngestError
from metalnomist.models import Post
from metalnomist.pipeline import Archive, find_facts, get_post, ingest_file, open_archive, post_comment
from metalnomist.search.service import SearchRequest, search
from metalnomist.store.comments import with_comments
from metalnomist.store.facts import FactFilter
from metalnomist.store.schema import posts
from tests.hostile.test_locks import write_posts
from tests.hostile.test_locks_steps import cli_ingest, kill_when, nickel, raw, sqlite_archive, write_lines

__all__ = ["sqlite_archive"]  # the fixture, shared with the new-post cases

NEW_BODY = "Peru's molybdenum exports fell 3% to 900 tonnes in May 2024, the ministry said. "
HIDDEN = "SELECT count(*) FROM post_rows WHERE batch IN (SELECT id FROM ingests)"


def write_changed(path: Path, count: int, bad_line_at: int | None = None) -> Path:
    """The posts of `write_posts` (same addresses, so the same posts) with a new body."""
    lines = [json.dumps({"title": f"Copper {i}", "url": f"https://x/Copper/{i}", "body": NEW_BODY * 3})
             for i in range(count)]
    if bad_line_at is not None:
        lines.insert(bad_line_at, '{"title": "broken", "body": ')
    path.write_text("\n".join(lines))
    return path


def found(archive: Archive, words: str) -> int:
    return search(archive.store, archive.index, SearchRequest(words)).total


def copper_7(archive: Archive) -> Post:
    """The post, with its comments (as an export has them)."""
    with archive.store.reading() as conn:
        post = get_post(archive, conn.execute(select(posts.c.id).where(posts.c.title == "Copper 7")).scalar_one())
        return with_comments(conn, [post])[0]


def assert_old_versions(archive: Archive, stored: Post) -> None:
    """Every face shows the version stored before the re-import: page, search, facts."""
    page = get_post(archive, stored.id)  # type: ignore[arg-type]
    assert (page.body, page.permalink) == (stored.body, stored.permalink)
    assert found(archive, "molybdenum") == 0
    assert find_facts(archive, FactFilter(commodity="molybdenum"))[1] == 0
    assert find_facts(archive, FactFilter(post="Copper 7", commodity="copper"))[1] == 3


def test_others_write_between_the_batches_of_a_changed_file(sqlite_archive: Archive, tmp_path: Path) -> None:
    """Each batch's new versions are in the tables when the progress callback runs, yet every reader sees
    the old ones; a comment gets in meanwhile (write_wait_seconds=1) and survives the update."""
    archive, db = sqlite_archive, tmp_path / "a.db"
    meti_words = found(archive, "METI")
    ingest_file(archive, write_posts(tmp_path / "first.jsonl", 1200))
    stored = copper_7(archive)
    post_comment(archive, stored.id, "Reader", "Before the update", client="10.0.0.1")  # type: ignore[arg-type]
    other = open_archive(replace(archive.settings, index_dir=str(tmp_path / "other-index"), write_wait_seconds=1))
    hidden: list[int] = []

    def meanwhile(_count: int) -> None:
        hidden.append(raw(db, HIDDEN))
        assert_old_versions(other, stored)
        post_comment(other, stored.id, "Reader", f"During batch {len(hidden)}",  # type: ignore[arg-type]
                     client=f"10.0.1.{len(hidden)}")

    try:
        report = ingest_file(archive, write_changed(tmp_path / "changed.jsonl", 1200), progress=meanwhile)
        assert (report.updated, report.added, report.facts) == (1200, 0, 1200 * 3)
        assert hidden == [500, 1000, 1200]
        now = copper_7(other)
        assert (now.id, now.permalink) == (stored.id, stored.permalink)
        assert "molybdenum" in now.body and "copper" not in now.body.lower()
        assert [c.body for c in now.comments] == ["Before the update", "During batch 1", "During batch 2",
                                                  "During batch 3"]
        assert found(archive, "molybdenum") == 1200  # each post once, with its new words
        assert found(archive, "METI") == meti_words  # and none of the old ones
        assert find_facts(other, FactFilter(post="Copper 7"))[1] == 3
        assert find_facts(other, FactFilter(commodity="molybdenum"))[1] == 1200 * 3
        assert raw(db, "SELECT count(*) FROM post_rows") == 20 + 1200 and raw(db, "SELECT count(*) FROM ingests") == 0
        assert raw(db, "SELECT count(*) FROM fact_rows") == raw(db, "SELECT count(*) FROM facts")
        # Gap-free, in commit order: 20 + 1200 added, 4 comments, 1200 updated.
        logged = raw(db, "SELECT count(*) FROM changes")
        assert logged == raw(db, "SELECT max(seq) FROM changes") == 20 + 1200 + 4 + 1200
    finally:
        other.close()
        archive.close()


def test_a_changed_file_that_fails_after_batches_were_written_leaves_the_old_versions(
        sqlite_archive: Archive, tmp_path: Path) -> None:
    archive, db = sqlite_archive, tmp_path / "a.db"
    ingest_file(archive, write_posts(tmp_path / "first.jsonl", 1200))
    stored = copper_7(archive)
    hidden: list[int] = []
    with pytest.raises(IngestError, match=r"line 1101"):
        ingest_file(archive, write_changed(tmp_path / "bad.jsonl", 1200, bad_line_at=1100),
                    progress=lambda _count: hidden.append(raw(db, HIDDEN)))
    # the first batch written (the third, read while the second is being extracted, fails), then taken back:
    assert hidden == [500]
    assert_old_versions(archive, stored)
    archive.close()
    assert raw(db, "SELECT count(*) FROM post_rows") == 20 + 1200
    assert raw(db, "SELECT count(*) FROM fact_rows") == raw(db, "SELECT count(*) FROM facts")
    assert raw(db, "SELECT count(*) FROM ingests") == 0


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="kills a process with SIGKILL")
def test_an_ingest_killed_mid_changed_file_leaves_the_old_versions(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    settings = Settings(db=f"sqlite:///{db}", index_dir=str(tmp_path / "index"), secret_key="test")
    archive = open_archive(settings)
    ingest_file(archive, write_posts(tmp_path / "first.jsonl", 1500))
    stored = copper_7(archive)
    archive.close()
    env = {**os.environ, "METALNOMIST_DB": settings.db, "METALNOMIST_INDEX_DIR": settings.index_dir}

    kill_when(cli_ingest(write_changed(tmp_path / "changed.jsonl", 1500), env), lambda: bool(raw(db, HIDDEN)))
    assert raw(db, HIDDEN) >= 500
    archive = open_archive(settings)
    try:
        assert_old_versions(archive, stored)
    finally:
        archive.close()

    after = cli_ingest(write_posts(tmp_path / "small.jsonl", 5, prefix="Zinc"), env)
    out, err = after.communicate(timeout=240)
    assert after.returncode == 0, err
    assert out.startswith("5 added"), out
    assert raw(db, "SELECT count(*) FROM post_rows") == 1500 + 5 and raw(db, "SELECT count(*) FROM ingests") == 0
    assert raw(db, "SELECT count(*) FROM fact_rows") == raw(db, "SELECT count(*) FROM facts") == 1505 * 3


def test_a_changed_figure_keeps_its_old_contradictions_until_the_file_shows(sqlite_archive: Archive,
                                                                            tmp_path: Path) -> None:
    """The old fact's dispute stays listed while the file is written; then the new fact's is."""
    archive = sqlite_archive
    ingest_file(archive, write_lines(tmp_path / "first.jsonl", [nickel("First", "12,000"), nickel("Second", "13,500")]))
    lines = write_posts(tmp_path / "filler.jsonl", 700).read_text().splitlines()
    lines.insert(600, nickel("Second", "14,000"))  # the same post (same address), in the second batch
    shown: list[set[tuple[float, float]]] = []

    def pairs() -> set[tuple[float, float]]:
        with archive.store.reading() as conn:
            return {(pair.first.value, pair.second.value) for pair in contradictions(conn)[0]}  # type: ignore[misc]

    report = ingest_file(archive, write_lines(tmp_path / "big.jsonl", lines),
                         progress=lambda _count: shown.append(pairs()))
    assert report.updated == 1
    assert shown == [{(12000, 13500)}, {(12000, 13500)}]
    assert pairs() == {(12000, 14000)}
    archive.close()
    db = tmp_path / "a.db"
    assert raw(db, "SELECT count(*) FROM disputes") == 1 and raw(db, "SELECT count(*) FROM dispute_queue") == 0
    assert raw(db, "SELECT count(*) FROM fact_rows") == raw(db, "SELECT count(*) FROM facts")
