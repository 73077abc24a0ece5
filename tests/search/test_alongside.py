"""A big ingest indexed beside its writes (search/alongside.py): the index it leaves is the index a rebuild
from the database makes, whatever the file holds and whatever others change meanwhile; a failure shows
nothing of the file; a busy writer only costs the speed. On both databases: SQLite's ingest writes hidden
batches the worker reads, PostgreSQL's is one transaction that reads its batches back and sends them.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import tantivy
from sqlalchemy import select

from metalnomist.config import Settings
from metalnomist.errors import IngestError, StoreError
from metalnomist.models import Block
from metalnomist.pipeline import Archive, ingest_file, open_archive, store_file
from metalnomist.search import alongside
from metalnomist.search.alongside import IndexAlongside
from metalnomist.search.index import SearchIndex
from metalnomist.search.service import reindex
from metalnomist.store.changes import last_seq
from metalnomist.store.desk import delete_trashed, set_status, update_content
from metalnomist.store.identity import archive_identity
from metalnomist.store.schema import posts


@pytest.fixture
def archive(db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Archive]:
    monkeypatch.setattr(alongside, "START_AFTER", 5)  # a worker for files of a few posts, not thousands
    written = IndexAlongside.written

    def read_each_batch_first(self: IndexAlongside, post_ids: Any) -> None:
        # As with a big file: the worker has read a batch before the next is written (it starts in about a
        # second, after a small file's last batch, so it would otherwise read only what is published).
        written(self, post_ids)
        if self._worker is not None:
            self.read_so_far()  # False when it stopped (a busy writer): the tests below tell

    monkeypatch.setattr(IndexAlongside, "written", read_each_batch_first)
    opened = open_archive(Settings(db=db_url, index_dir=str(tmp_path / "index"),
                                   secret_key="test", extract_facts=False))
    yield opened
    opened.close()


def post(title: str, body: str = "tungsten concentrate", **more: Any) -> dict[str, Any]:
    return {"title": title, "url": f"https://example.com/{title}", "body": body, "labels": ["Tungsten"], **more}


def write(path: Path, posts: list[dict[str, Any]], tail: str = "") -> Path:
    path.write_text("".join(json.dumps(p) + "\n" for p in posts) + tail)
    return path


def documents(index: SearchIndex) -> dict[int, tuple[Any, ...]]:
    """Every document as stored: id, title, body and card (what results show)."""
    index.index.reload()
    searcher = index.index.searcher()
    found = {}
    for _, address in searcher.search(tantivy.Query.all_query(), limit=100_000).hits:
        doc = searcher.doc(address)
        post_id = int(doc["id"][0])
        assert post_id not in found, f"post {post_id} is indexed twice"
        found[post_id] = (doc["title"][0], doc["body"][0], doc["card"][0])
    return found


def rebuilt(archive: Archive, tmp_path: Path) -> dict[int, tuple[Any, ...]]:
    fresh = SearchIndex(tmp_path / "rebuilt", empty=True)
    reindex(archive.store, fresh)
    return documents(fresh)


def in_step(archive: Archive) -> bool:
    """The worker, not a catch-up after the ingest, brought the index folder up to the log (store_file alone
    never does, and a SearchIndex opened bare does not catch up, unlike `archive.index`)."""
    folder = SearchIndex(archive.settings.resolved_index_dir())
    with archive.store.reading() as conn:
        return folder.applied_seq == last_seq(conn) and folder.archive == archive_identity(conn)


def titles(archive: Archive, text: str) -> set[str]:
    index = archive.index
    index.reload()
    query = index.index.parse_query(text, ["title", "body"])
    searcher = index.index.searcher()
    return {searcher.doc(a)["title"][0] for _, a in searcher.search(query, limit=1000).hits}


def test_what_the_worker_indexed_reads_as_a_rebuild(archive: Archive, tmp_path: Path) -> None:
    ingest_file(archive, write(tmp_path / "first.jsonl", [post(f"Old{i}") for i in range(8)]))
    comment = {"author": "Ann", "body": "Useful", "published": "2024-03-06T10:00:00+00:00"}
    held = {**comment, "approved": False}
    second = ([post(f"New{i}", comments=[comment] * (i % 3)) for i in range(12)]
              + [post("Stated", published="2024-03-06T10:00:00+02:00", comment_count=7),  # a listing's count
                 post("Held", comments=[comment, held], labels=["Tungsten", "APT"])]  # a held comment is no count
              + [post("Old0", body="tungsten ore revised"), post("Old1")]  # changed, and stored as it is
              + [post("New0", body="a later copy about molybdenum")])  # the same file writes New0 again
    report = store_file(archive, write(tmp_path / "second.jsonl", second))
    assert (report.added, report.updated, report.unchanged) == (14, 2, 1)
    assert in_step(archive)
    assert documents(archive.index) == rebuilt(archive, tmp_path)
    assert titles(archive, "molybdenum") == {"New0"}  # the later copy, not the one the worker read first
    assert titles(archive, "revised") == {"Old0"}


def test_a_deleted_posts_number_taken_by_a_new_post_is_indexed_once(archive: Archive, tmp_path: Path) -> None:
    """SQLite gives the newest post's number again once it is deleted; the index, not caught up, still holds it."""
    ingest_file(archive, write(tmp_path / "first.jsonl", [post(f"Old{i}") for i in range(3)]))
    with archive.store.transaction() as conn:
        newest = conn.execute(select(posts.c.id).where(posts.c.title == "Old2")).scalar_one()
        set_status(conn, newest, "trash", None, datetime.now(UTC))
        assert delete_trashed(conn) == [newest]
    store_file(archive, write(tmp_path / "second.jsonl", [post(f"New{i}") for i in range(9)]))
    with archive.store.reading() as conn:
        taken = conn.execute(select(posts.c.title).where(posts.c.id == newest)).scalar_one_or_none()
    assert taken == ("New0" if archive.store.engine.dialect.name == "sqlite" else None)  # PostgreSQL never reuses
    assert in_step(archive)
    assert documents(archive.index) == rebuilt(archive, tmp_path)


def test_the_first_import_into_a_new_index_is_built_alongside(archive: Archive, tmp_path: Path) -> None:
    store_file(archive, write(tmp_path / "a.jsonl", [post(f"P{i}") for i in range(7)]))  # the index never opened
    assert in_step(archive)
    assert len(documents(SearchIndex(tmp_path / "index"))) == 7
    assert documents(archive.index) == rebuilt(archive, tmp_path)


def run_on(method: str, action: Callable[[], None], monkeypatch: pytest.MonkeyPatch, once: bool = True) -> None:
    """Run `action` as the ingest reaches IndexAlongside.`method` (before it), as another writer would."""
    original = getattr(IndexAlongside, method)
    done: list[bool] = []

    def hooked(self: IndexAlongside, *args: Any, **kwargs: Any) -> Any:
        if not (once and done):
            done.append(True)
            action()
        return original(self, *args, **kwargs)

    monkeypatch.setattr(IndexAlongside, method, hooked)


def edit(archive: Archive, title: str, new_title: str) -> None:
    with archive.store.transaction() as conn:
        post_id = conn.execute(select(posts.c.id).where(posts.c.title == title)).scalar_one()
        update_content(conn, post_id, new_title, (Block("paragraph", "edited on the desk"),), ["Desk"],
                       datetime.now(UTC))


def test_changes_others_make_meanwhile_reach_the_index(archive: Archive, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    ingest_file(archive, write(tmp_path / "first.jsonl", [post(f"Old{i}") for i in range(3)]))
    # While the file is written, an editor changes a stored post; once it is published, one of its new ones.
    run_on("added", lambda: edit(archive, "Old2", "Old2 retitled"), monkeypatch)
    run_on("published", lambda: edit(archive, "New4", "New4 retitled"), monkeypatch)
    store_file(archive, write(tmp_path / "second.jsonl", [post(f"New{i}") for i in range(9)]))
    assert in_step(archive)
    assert documents(archive.index) == rebuilt(archive, tmp_path)
    assert titles(archive, "retitled") == {"Old2 retitled", "New4 retitled"}


def test_a_file_that_fails_shows_nothing_and_frees_the_writer(archive: Archive, tmp_path: Path) -> None:
    ingest_file(archive, write(tmp_path / "first.jsonl", [post("Kept")]))
    before, seq = documents(archive.index), archive.index.applied_seq
    # 500 posts make the first batch, written (and read by the worker) before the bad line is reached.
    bad = write(tmp_path / "bad.jsonl", [post(f"Gone{i}") for i in range(501)], tail="{not json\n")
    with pytest.raises(IngestError, match="line 502"):
        store_file(archive, bad)
    assert documents(archive.index) == before and archive.index.applied_seq == seq
    archive.index.index.writer(heap_size=15_000_000, num_threads=1)  # the worker let go of it
    ingest_file(archive, write(tmp_path / "again.jsonl", [post(f"Again{i}") for i in range(6)]))
    assert documents(archive.index) == rebuilt(archive, tmp_path)
    assert len(documents(archive.index)) == 7


def test_a_file_failing_after_the_worker_indexed_a_batch_shows_nothing(archive: Archive, tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """The database fails as the second batch is written (the first read by the worker, on PostgreSQL sent to it)."""
    ingest_file(archive, write(tmp_path / "first.jsonl", [post("Kept")]))
    before, seq = documents(archive.index), archive.index.applied_seq
    batches: list[int] = []

    def fail_on_the_second() -> None:
        batches.append(1)
        if len(batches) == 2:
            raise StoreError("the database is unavailable")

    run_on("written", fail_on_the_second, monkeypatch, once=False)
    with pytest.raises(StoreError):
        store_file(archive, write(tmp_path / "big.jsonl", [post(f"Gone{i}") for i in range(600)]))
    assert len(batches) == 2
    assert documents(archive.index) == before and archive.index.applied_seq == seq
    with archive.store.reading() as conn:
        assert conn.execute(select(posts.c.title).where(posts.c.title.like("Gone%"))).first() is None
    archive.index.index.writer(heap_size=15_000_000, num_threads=1)  # the worker let go of it


def test_a_busy_writer_leaves_the_work_to_the_catch_up(archive: Archive, tmp_path: Path,
                                                       caplog: pytest.LogCaptureFixture) -> None:
    ingest_file(archive, write(tmp_path / "first.jsonl", [post("Kept")]))
    held = SearchIndex(tmp_path / "index").index.writer(heap_size=15_000_000, num_threads=1)  # another process's
    with caplog.at_level(logging.WARNING):
        store_file(archive, write(tmp_path / "second.jsonl", [post(f"New{i}") for i in range(6)]))
    assert "another process holds the index writer" in caplog.text
    assert not in_step(archive)
    del held
    ingest_file(archive, write(tmp_path / "third.jsonl", [post("Last")]))  # its catch-up applies both files
    assert documents(archive.index) == rebuilt(archive, tmp_path)
    assert len(documents(archive.index)) == 8
