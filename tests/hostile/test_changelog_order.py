"""Overlapping ingests: the index must end up with every post, whichever commits first.

PostgreSQL numbered change-log rows at insert, so a writer that started first and committed
last left its numbers below those the index had already applied: its posts were never indexed.
"""

from __future__ import annotations

import json
import threading
from pathlib import Path

from metalnomist.config import Settings
from metalnomist.pipeline import Archive, ingest_file, open_archive
from metalnomist.search.service import SearchRequest, search

BATCH = 500  # ingest_file's batch size: the slow writer stores one whole batch, then stalls


def write_jsonl(path: Path, posts: list[dict[str, str]]) -> Path:
    path.write_text("\n".join(json.dumps(p) for p in posts) + "\n")
    return path


def titles(archive: Archive, text: str) -> list[str]:
    page = search(archive.store, archive.index, SearchRequest(text, limit=100))
    return [hit.post.title for hit in page.hits]


def test_a_writer_that_starts_first_and_commits_last_is_indexed(settings: Settings, tmp_path: Path) -> None:
    settings = settings.replace(extract_facts=False)
    slow, fast = open_archive(settings), open_archive(settings)  # two ingest processes on one archive
    old = {"title": "Mineral sands note", "url": "https://x/updated", "body": "zircon sands"}
    ingest_file(slow, write_jsonl(tmp_path / "old.jsonl", [old]))
    slow_posts = [{"title": f"Gallium {i}", "url": f"https://x/g{i}", "body": "gallium wafers"} for i in range(BATCH)]
    slow_posts.insert(0, {**old, "body": "hafnium sands"})  # an update, in the stalled first batch
    fast_posts = [{"title": f"Indium {i}", "url": f"https://x/i{i}", "body": "indium film"} for i in range(20)]

    first_batch_stored, fast_done = threading.Event(), threading.Event()

    def stall_after_first_batch(_count: int) -> None:
        first_batch_stored.set()
        fast_done.wait()

    errors: list[BaseException] = []

    def run_slow() -> None:
        try:
            ingest_file(slow, write_jsonl(tmp_path / "slow.jsonl", slow_posts), progress=stall_after_first_batch)
        except BaseException as exc:  # noqa: BLE001 - reported by the main thread
            errors.append(exc)

    slow_thread = threading.Thread(target=run_slow)
    slow_thread.start()
    assert first_batch_stored.wait(60)
    if fast.store.engine.dialect.name == "postgresql":
        # Its first batch is written and uncommitted; the other ingest runs start to finish meanwhile.
        ingest_file(fast, write_jsonl(tmp_path / "fast.jsonl", fast_posts))
        fast_done.set()
    else:
        # SQLite has one writer at a time: the second ingest waits for the first's commit.
        fast_done.set()
        ingest_file(fast, write_jsonl(tmp_path / "fast.jsonl", fast_posts))
    slow_thread.join(120)
    assert not errors, errors

    try:
        for running in (slow, fast):  # a process that stays open follows the log; reopening would rebuild
            assert search(running.store, running.index, SearchRequest("gallium")).total == BATCH
            assert search(running.store, running.index, SearchRequest("indium")).total == 20
            assert titles(running, "hafnium") == ["Mineral sands note"]
            assert titles(running, "zircon") == []
    finally:
        slow.close()
        fast.close()
