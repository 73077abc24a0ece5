"""The background follower (search/follower.py): it keeps applying the change log through a failed tick, and
once stopped it hands applying back to searches (either slip leaves the index quietly drifting from its table)."""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from metalnomist.pipeline import Archive, store_file
from metalnomist.search.follower import Follower
from metalnomist.search.index import SearchIndex
from metalnomist.search.service import SearchRequest, search


def stored(archive: Archive, path: Path, title: str) -> None:
    """A post in the database only: what another process's write looks like to this index."""
    path.write_text(json.dumps({"title": title, "url": f"https://x/{title}", "body": "rhenium pellets"}) + "\n")
    store_file(archive, path)


def soon(condition: Callable[[], bool], seconds: float = 30.0) -> bool:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def test_a_follower_keeps_following_after_a_tick_that_failed(archive: Archive, tmp_path: Path,
                                                             caplog: pytest.LogCaptureFixture) -> None:
    """A lost database or a full disk is logged and tried again at the next tick: a follower thread that died
    with it would leave the site's index behind until a restart, with nothing in the logs. The table taken
    away is an error the store names on SQLite (StoreError) and does not on PostgreSQL (ProgrammingError)."""
    follower = Follower(archive.store, archive.index, interval=3600)  # ticks only when woken
    follower.start()
    try:
        stored(archive, tmp_path / "a.jsonl", "Rhenium one")
        with archive.store.transaction() as conn:  # the change log cannot be read for a while
            conn.exec_driver_sql("ALTER TABLE changes RENAME TO changes_away")
        with caplog.at_level(logging.ERROR, logger="metalnomist.search.follower"):
            follower.wake()
            assert soon(lambda: "could not follow the change log" in caplog.text)
        with archive.store.transaction() as conn:
            conn.exec_driver_sql("ALTER TABLE changes_away RENAME TO changes")
        stored(archive, tmp_path / "b.jsonl", "Rhenium two")
        follower.wake()
        assert soon(lambda: archive.index.num_docs() == 2)
    finally:
        follower.stop()


def test_a_stopped_follower_hands_applying_back_to_searches(archive: Archive, tmp_path: Path) -> None:
    """While a follower runs, a search only reloads; once it stops (the site shut down, the archive still open),
    a search must apply the log itself again or it never sees another change."""
    follower = Follower(archive.store, archive.index, interval=3600)
    follower.start()
    follower.stop()
    stored(archive, tmp_path / "a.jsonl", "Rhenium one")
    page = search(archive.store, archive.index, SearchRequest("rhenium"))
    assert [hit.post.title for hit in page.hits] == ["Rhenium one"]


def test_a_follower_applies_the_log_at_every_tick_unwoken(archive: Archive, tmp_path: Path) -> None:
    """Another process's write wakes nobody here: only the tick brings it to this node's index."""
    follower = Follower(archive.store, archive.index, interval=0.05)
    follower.start()
    try:
        stored(archive, tmp_path / "a.jsonl", "Rhenium one")
        assert soon(lambda: archive.index.num_docs() == 1, seconds=10)
    finally:
        follower.stop()


def test_a_tick_while_another_process_writes_the_index_neither_waits_nor_logs(
        archive: Archive, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """The writer's own catch-up covers the log: a tick that waited for it would hold up `stop` (the site's
    shutdown), and one that logged it would fill the log with errors at every tick of a long ingest."""
    follower = Follower(archive.store, archive.index, interval=3600)
    stored(archive, tmp_path / "a.jsonl", "Rhenium one")
    held = SearchIndex(archive.index.path).index.writer(heap_size=50_000_000, num_threads=1)  # another process
    with caplog.at_level(logging.INFO, logger="metalnomist.search.follower"):
        started = time.monotonic()
        follower._step()
        assert time.monotonic() - started < 5
    assert caplog.records == [] and archive.index.num_docs() == 0
    del held
    follower._step()
    assert archive.index.num_docs() == 1
