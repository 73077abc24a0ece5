"""A big file on SQLite is written in short transactions and shown all at once (issue 8, item 6).

Between its transactions an ingest holds no lock: a comment and a whole second ingest get in,
while the first file's written batches stay invisible until it publishes. A file that fails, or
an ingest killed outright, leaves nothing visible, and what it wrote is taken back.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from metalnomist.analysis.contradictions import contradictions
from metalnomist.config import Settings
from metalnomist.errors import IngestError
from metalnomist.pipeline import Archive, find_facts, ingest_file, open_archive, post_comment
from metalnomist.search.service import SearchRequest, search
from metalnomist.store.facts import FactFilter
from tests.conftest import SEED
from tests.hostile.test_locks import posts_in, write_posts


@pytest.fixture
def sqlite_archive(tmp_path: Path) -> Archive:
    settings = Settings(db=f"sqlite:///{tmp_path}/a.db", index_dir=str(tmp_path / "index"), secret_key="test",
                        comment_moderation=False)
    archive = open_archive(settings)
    ingest_file(archive, SEED, "page")
    return archive


def write_lines(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines))
    return path


def cli_ingest(path: Path, env: dict[str, str]) -> subprocess.Popen[str]:
    """`metalnomist ingest PATH` in a process of its own, as a user runs it, to be killed."""
    return subprocess.Popen([sys.executable, "-c", "from metalnomist.cli import main; main()", "ingest", str(path)],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def kill_when(process: subprocess.Popen[str], ready: Callable[[], bool], seconds: float = 240) -> None:
    """SIGKILL the process once `ready()` holds: mid-file, with no chance to tidy up."""
    try:
        deadline = time.monotonic() + seconds
        while process.poll() is None and time.monotonic() < deadline and not ready():
            time.sleep(0.02)
        process.send_signal(signal.SIGKILL)
        process.communicate()
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == -signal.SIGKILL, "the ingest finished before it could be killed"


def raw(db: Path, sql: str) -> int:
    """What the tables hold, hidden rows included, read as another process would."""
    with sqlite3.connect(db, timeout=60) as conn:
        return int(conn.execute(sql).fetchone()[0])


def test_others_write_between_the_short_transactions_of_a_big_file(sqlite_archive: Archive, tmp_path: Path) -> None:
    """The ingest's progress callback runs after each batch is committed: the lock must be free there,
    with that batch written yet invisible; others must not even wait (write_wait_seconds=1)."""
    archive, db = sqlite_archive, tmp_path / "a.db"
    other = open_archive(replace(archive.settings, index_dir=str(tmp_path / "other-index"), write_wait_seconds=1))
    seen: list[tuple[int, int]] = []

    def meanwhile(count: int) -> None:
        hidden = raw(db, "SELECT count(*) FROM post_rows WHERE batch IN (SELECT id FROM ingests)")
        seen.append((hidden, posts_in(other)))
        post_comment(other, 1, "Reader", f"After batch {len(seen)}", client=f"10.0.0.{len(seen)}")
        ingest_file(other, write_posts(tmp_path / f"zinc{len(seen)}.jsonl", 10, prefix=f"Zinc{len(seen)}"))

    try:
        report = ingest_file(archive, write_posts(tmp_path / "big.jsonl", 1200), progress=meanwhile)
        assert report.added == 1200 and report.facts == 1200 * 3
        # Every batch was in the tables before the callback, and none of it showed; the small ingests did.
        assert [hidden for hidden, _ in seen] == [500, 1000, 1200]
        assert [shown for _, shown in seen] == [20, 30, 40]
        assert posts_in(archive) == 20 + 1200 + 30
        assert find_facts(other, FactFilter(post="Copper 7"))[1] == 3
        assert search(archive.store, archive.index, SearchRequest("zinc2")).total == 10
        assert search(archive.store, archive.index, SearchRequest("1199")).total == 1  # title "Copper 1199"
        assert raw(db, "SELECT count(*) FROM ingests") == 0
        # The change log stays gap-free: one number per post, and per published comment (its post's count moved).
        assert raw(db, "SELECT count(*) FROM changes") == raw(db, "SELECT max(seq) FROM changes") == 20 + 1200 + 30 + 3
    finally:
        other.close()
        archive.close()


def test_a_post_another_running_ingest_is_adding_is_refused_clearly(sqlite_archive: Archive, tmp_path: Path) -> None:
    archive = sqlite_archive
    other = open_archive(replace(archive.settings, index_dir=str(tmp_path / "other-index")))
    refused: list[IngestError] = []

    def meanwhile(_count: int) -> None:
        if not refused:
            busy = r"same.jsonl: post 'Copper 0' is being stored by another ingest"
            with pytest.raises(IngestError, match=busy) as caught:
                ingest_file(other, write_posts(tmp_path / "same.jsonl", 5))
            refused.append(caught.value)
            assert posts_in(other) == 20

    try:
        ingest_file(archive, write_posts(tmp_path / "big.jsonl", 600), progress=meanwhile)
        assert refused and posts_in(archive) == 620
    finally:
        other.close()
        archive.close()


def test_a_file_that_fails_after_batches_were_written_takes_them_back(sqlite_archive: Archive,
                                                                      tmp_path: Path) -> None:
    with pytest.raises(IngestError, match=r"line 1101"):
        ingest_file(sqlite_archive, write_posts(tmp_path / "bad.jsonl", 1500, bad_line_at=1100))
    sqlite_archive.close()
    db = tmp_path / "a.db"
    assert raw(db, "SELECT count(*) FROM post_rows") == 20
    assert raw(db, "SELECT count(*) FROM fact_rows") == raw(db, "SELECT count(*) FROM facts")
    assert raw(db, "SELECT count(*) FROM ingests") == 0


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="kills a process with SIGKILL")
def test_an_ingest_killed_mid_file_shows_nothing_and_the_next_takes_its_rows_back(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    env = {**os.environ, "METALNOMIST_DB": f"sqlite:///{db}", "METALNOMIST_INDEX_DIR": str(tmp_path / "index")}

    kill_when(cli_ingest(write_posts(tmp_path / "big.jsonl", 1500), env),
              lambda: db.exists() and bool(raw(db, "SELECT count(*) FROM sqlite_master WHERE name = 'post_rows'"))
              and bool(raw(db, "SELECT count(*) FROM post_rows WHERE batch IS NOT NULL")))
    assert raw(db, "SELECT count(*) FROM post_rows") >= 500  # written, and
    for view in ("posts", "facts", "post_labels", "changes"):  # nothing of it visible
        assert raw(db, f"SELECT count(*) FROM {view}") == 0, view

    after = cli_ingest(write_posts(tmp_path / "small.jsonl", 5, prefix="Zinc"), env)
    out, err = after.communicate(timeout=240)
    assert after.returncode == 0, err
    assert out.startswith("5 added"), out
    assert raw(db, "SELECT count(*) FROM post_rows") == 5 and raw(db, "SELECT count(*) FROM ingests") == 0
    assert raw(db, "SELECT count(*) FROM fact_rows") == raw(db, "SELECT count(*) FROM facts") == 5 * 3


def nickel(title: str, tonnes: str) -> str:
    return json.dumps({"title": title, "url": f"https://x/{title}", "published": "2024-04-20",
                       "body": f"Japan imported {tonnes} tonnes of nickel in March 2024, the Finance Ministry said."})


def test_contradictions_an_ingest_finds_stay_hidden_with_it(sqlite_archive: Archive, tmp_path: Path) -> None:
    """Disputes of its new facts with stored ones, and with its own earlier batches, show when the file does."""
    archive = sqlite_archive
    ingest_file(archive, write_lines(tmp_path / "first.jsonl", [nickel("First", "12,000")]))
    lines = write_posts(tmp_path / "filler.jsonl", 700).read_text().splitlines()
    lines.insert(0, nickel("Revised", "13,500"))
    lines.insert(600, nickel("Again", "14,000"))  # in the second batch
    shown: list[int] = []

    def meanwhile(_count: int) -> None:
        with archive.store.reading() as conn:
            shown.append(contradictions(conn)[1])

    ingest_file(archive, write_lines(tmp_path / "big.jsonl", lines), progress=meanwhile)
    with archive.store.reading() as conn:
        pairs = {(pair.first.value, pair.second.value) for pair in contradictions(conn)[0]}
    archive.close()
    assert shown == [0, 0]
    assert pairs == {(12000, 14000)}  # one figure: its reports furthest apart, the first and the second batch's
