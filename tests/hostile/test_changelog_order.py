"""Overlapping writers: the index must end up with every post, whichever commits first.

PostgreSQL numbered change-log rows at insert, so a writer that started first and committed
last left its numbers below those the index had already applied: its posts were never indexed.
The slow writer here is a write transaction held open after its first upserts (as an ingest's
is while it writes a big file); the fast one is a whole ingest.
"""

from __future__ import annotations

import json
import threading
from pathlib import Path

from metalnomist.config import Settings
from metalnomist.ingest import read_posts
from metalnomist.pipeline import Archive, ingest_file, open_archive
from metalnomist.search.service import SearchRequest, catch_up, search
from metalnomist.store.upsert import upsert_posts

SLOW_POSTS = 300


def write_jsonl(path: Path, posts: list[dict[str, str]]) -> Path:
    path.write_text("\n".join(json.dumps(p) for p in posts) + "\n")
    return path


def titles(archive: Archive, text: str) -> list[str]:
    page = search(archive.store, archive.index, SearchRequest(text, limit=100))
    return [hit.post.title for hit in page.hits]


def test_a_writer_that_starts_first_and_commits_last_is_indexed(settings: Settings, tmp_path: Path) -> None:
    settings = settings.replace(extract_facts=False)
    slow, fast = open_archive(settings), open_archive(settings)  # two writing processes on one archive
    old = {"title": "Mineral sands note", "url": "https://x/updated", "body": "zircon sands"}
    ingest_file(slow, write_jsonl(tmp_path / "old.jsonl", [old]))
    slow_posts = [{**old, "body": "hafnium sands"}]  # an update, written in the slow transaction
    slow_posts += [{"title": f"Gallium {i}", "url": f"https://x/g{i}", "body": "gallium wafers"}
                   for i in range(SLOW_POSTS)]
    slow_batch = list(read_posts(write_jsonl(tmp_path / "slow.jsonl", slow_posts), "jsonl"))
    fast_posts = [{"title": f"Indium {i}", "url": f"https://x/i{i}", "body": "indium film"} for i in range(20)]

    written, fast_done = threading.Event(), threading.Event()
    errors: list[BaseException] = []

    def run_slow() -> None:
        try:
            with slow.store.transaction() as conn:
                upsert_posts(conn, slow_batch)
                written.set()
                fast_done.wait(120)
            catch_up(slow.store, slow.index)  # what the ingest does once its transaction committed
        except BaseException as exc:  # noqa: BLE001 - reported by the main thread
            errors.append(exc)

    slow_thread = threading.Thread(target=run_slow)
    slow_thread.start()
    assert written.wait(60)
    if fast.store.engine.dialect.name == "postgresql":
        # The slow writer's posts are written and uncommitted; another ingest runs start to finish meanwhile.
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
            assert search(running.store, running.index, SearchRequest("gallium")).total == SLOW_POSTS
            assert search(running.store, running.index, SearchRequest("indium")).total == 20
            assert titles(running, "hafnium") == ["Mineral sands note"]
            assert titles(running, "zircon") == []
    finally:
        slow.close()
        fast.close()


def test_writers_that_log_at_the_same_time_commit_in_log_order(pg_url: str, tmp_path: Path) -> None:
    """Both writers at their last statement at once: the second to log must wait for the first's commit."""
    from sqlalchemy import text

    from metalnomist.store.changes import log_noted

    settings = Settings(db=pg_url, index_dir=str(tmp_path / "index"), extract_facts=False)
    slow, fast = open_archive(settings), open_archive(settings)
    slow_batch = list(read_posts(write_jsonl(tmp_path / "slow.jsonl", [
        {"title": f"Gallium {i}", "url": f"https://x/g{i}", "body": "gallium wafers"} for i in range(SLOW_POSTS)]),
        "jsonl"))
    logged, release = threading.Event(), threading.Event()
    errors: list[BaseException] = []

    def run_slow() -> None:
        try:
            with slow.store.transaction() as conn:
                upsert_posts(conn, slow_batch)
                log_noted(conn)  # its numbers are taken; the commit is still to come
                logged.set()
                release.wait(120)
            catch_up(slow.store, slow.index)
        except BaseException as exc:  # noqa: BLE001 - reported by the main thread
            errors.append(exc)

    def run_fast() -> None:
        try:
            ingest_file(fast, write_jsonl(tmp_path / "fast.jsonl", [
                {"title": f"Indium {i}", "url": f"https://x/i{i}", "body": "indium film"} for i in range(20)]))
        except BaseException as exc:  # noqa: BLE001 - reported by the main thread
            errors.append(exc)

    slow_thread, fast_thread = threading.Thread(target=run_slow), threading.Thread(target=run_fast)
    slow_thread.start()
    assert logged.wait(60)
    fast_thread.start()
    with slow.store.reading() as conn:  # until the fast writer waits on the log's lock, or has finished
        waiting = text("SELECT count(*) FROM pg_locks WHERE NOT granted AND relation = 'changes'::regclass")
        while fast_thread.is_alive() and not conn.execute(waiting).scalar_one():
            conn.commit()
            fast_thread.join(0.05)
    release.set()
    slow_thread.join(120)
    fast_thread.join(120)
    assert not errors, errors
    try:
        for running in (slow, fast):
            assert search(running.store, running.index, SearchRequest("gallium")).total == SLOW_POSTS
            assert search(running.store, running.index, SearchRequest("indium")).total == 20
    finally:
        slow.close()
        fast.close()
