"""A long ingest must not stall other writers, and still store all of a file or none of it (issue 8, item 6)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from dataclasses import replace
from pathlib import Path

import pytest

from metalnomist.config import Settings
from metalnomist.errors import IngestError
from metalnomist.pipeline import Archive, find_facts, ingest_file, open_archive, post_comment, reextract
from metalnomist.store.facts import FactFilter
from metalnomist.store.posts import count_posts
from tests.conftest import SEED

BODY = "Japan's copper imports rose 4% to 1,200 tonnes in March 2024, METI said. "


def write_posts(path: Path, count: int, prefix: str = "Copper", bad_line_at: int | None = None) -> Path:
    lines = [json.dumps({"title": f"{prefix} {i}", "url": f"https://x/{prefix}/{i}", "body": BODY * 3})
             for i in range(count)]
    if bad_line_at is not None:
        lines.insert(bad_line_at, '{"title": "broken", "body": ')
    path.write_text("\n".join(lines))
    return path


def posts_in(archive: Archive) -> int:
    with archive.store.reading() as conn:
        return count_posts(conn)


def test_a_comment_posted_while_an_ingest_runs_is_stored_at_once(archive: Archive, tmp_path: Path) -> None:
    """The ingest stops mid-file (in its progress callback) until the comment is in: the lock must be free then."""
    ingest_file(archive, SEED, "page")
    other = open_archive(replace(archive.settings, index_dir=str(tmp_path / "other-index"), write_wait_seconds=1))
    reading, go = threading.Event(), threading.Event()
    failures: list[BaseException] = []

    def pause(_count: int) -> None:
        reading.set()
        go.wait(120)

    def run() -> None:
        try:
            ingest_file(archive, write_posts(tmp_path / "big.jsonl", 1200), progress=pause)
        except BaseException as exc:  # reported by the test thread below
            failures.append(exc)

    worker = threading.Thread(target=run)
    worker.start()
    try:
        assert reading.wait(120), "the ingest never started reading"
        comment = post_comment(other, 1, "Reader", "Posted mid-ingest", client="10.0.0.1")
    finally:
        go.set()
        worker.join()
        other.close()
    assert not failures, failures
    assert comment.id is not None and posts_in(archive) == 20 + 1200


def test_a_file_that_fails_halfway_leaves_nothing_visible(archive: Archive, tmp_path: Path) -> None:
    ingest_file(archive, SEED, "page")
    with pytest.raises(IngestError, match=r"line 1101"):
        ingest_file(archive, write_posts(tmp_path / "bad.jsonl", 1500, bad_line_at=1100))
    assert posts_in(archive) == 20


def _ingest(db: str, index: Path, source: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "METALNOMIST_DB": db, "METALNOMIST_INDEX_DIR": str(index)}
    return subprocess.Popen([sys.executable, "-c", "from metalnomist.cli import main; main()", "ingest", str(source)],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_two_concurrent_ingests_both_succeed(db_url: str, tmp_path: Path) -> None:
    archive = open_archive(Settings(db=db_url, index_dir=str(tmp_path / "index")))  # an archive in use
    ingest_file(archive, SEED, "page")
    files = [write_posts(tmp_path / f"{name}.jsonl", 800, prefix=name) for name in ("Copper", "Zinc")]
    runs = [_ingest(db_url, tmp_path / "index", path) for path in files]
    outputs = [run.communicate(timeout=540) for run in runs]
    try:
        for run, (out, err) in zip(runs, outputs, strict=True):
            assert run.returncode == 0 and "Traceback" not in err, err[-2000:]
            assert out.startswith("800 added"), out
        assert posts_in(archive) == 20 + 1600
    finally:
        archive.close()



def test_reextract_lets_others_write_between_its_batches(archive: Archive, tmp_path: Path) -> None:
    ingest_file(archive, SEED, "page")
    ingest_file(archive, write_posts(tmp_path / "more.jsonl", 600))
    facts_before = find_facts(archive, FactFilter())[1]
    other = open_archive(replace(archive.settings, index_dir=str(tmp_path / "other-index"), write_wait_seconds=1))
    posted: list[int] = []

    def comment_now(_count: int) -> None:
        posted.append(post_comment(other, 1, "Reader", f"During batch {len(posted)}", client=f"10.0.0.{len(posted)}").id
                      or 0)

    try:
        assert reextract(archive, progress=comment_now) == facts_before
    finally:
        other.close()
    assert len(posted) == 2 and find_facts(archive, FactFilter())[1] == facts_before
