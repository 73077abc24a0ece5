"""Index upkeep (search/service.py): what catch-up counts, when an index is rebuilt rather than caught up,
and that a followed index leaves applying to its follower (issue 16: each is a slip that leaves the index
quietly drifting from its table)."""

from __future__ import annotations

import json
import threading
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select

from metalnomist.models import Block, Post
from metalnomist.pipeline import Archive, ingest_file, store_file
from metalnomist.search.index import SearchIndex
from metalnomist.search.service import SearchRequest, bring_in_step, catch_up, in_batches, refresh, reindex, search
from metalnomist.store.changes import last_seq
from metalnomist.store.desk import delete_trashed, set_status
from metalnomist.store.identity import archive_identity
from metalnomist.store.schema import posts


def ingest(archive: Archive, path: Path, titles: list[str], body: str = "tungsten concentrate") -> None:
    path.write_text("\n".join(json.dumps({"title": t, "url": f"https://x/{t}", "body": body}) for t in titles) + "\n")
    ingest_file(archive, path)


def seq_of(archive: Archive) -> int:
    with archive.store.reading() as conn:
        return last_seq(conn)


def test_batches_hold_size_posts_and_the_rest() -> None:
    posts = [Post(title=str(i), blocks=(Block("paragraph", "x"),)) for i in range(7)]
    assert [[p.title for p in b] for b in in_batches(iter(posts), size=3)] == [["0", "1", "2"], ["3", "4", "5"], ["6"]]
    assert [len(b) for b in in_batches(iter(posts[:6]), size=3)] == [3, 3]
    assert list(in_batches(iter([]), size=3)) == []
    assert [len(b) for b in in_batches(iter(posts))] == [7]
    assert [len(b) for b in in_batches(iter(posts * 143))] == [1000, 1]  # a rebuild reports every thousand posts


def test_catch_up_counts_changes_not_posts(archive: Archive, tmp_path: Path) -> None:
    ingest(archive, tmp_path / "a.jsonl", ["A", "B"])
    ingest(archive, tmp_path / "b.jsonl", ["A"], body="tungsten prices")  # A changed again: a third change
    behind = SearchIndex(tmp_path / "behind")
    assert catch_up(archive.store, behind, batch=2) == 3
    assert (behind.num_docs(), behind.applied_seq) == (2, seq_of(archive))
    assert catch_up(archive.store, behind) == 0  # nothing new: nothing applied


def test_reindex_builds_for_this_archive_then_applies_what_came_after(archive: Archive, tmp_path: Path) -> None:
    ingest(archive, tmp_path / "a.jsonl", ["A", "B", "C"])
    fresh = SearchIndex(tmp_path / "fresh")
    seen: list[int] = []
    assert reindex(archive.store, fresh, seen.append) == 3
    assert fresh.num_docs() == 3 and fresh.applied_seq == seq_of(archive)
    with archive.store.reading() as conn:
        assert fresh.archive == archive_identity(conn)
    assert seen and seen[-1] == 3


def test_an_index_in_step_only_catches_up(archive: Archive, tmp_path: Path) -> None:
    ingest(archive, tmp_path / "a.jsonl", ["A", "B"])
    index = SearchIndex(tmp_path / "own")
    assert bring_in_step(archive.store, index) == 2  # new: built from the database (2 posts)
    ingest(archive, tmp_path / "b.jsonl", ["C", "D", "E"])
    assert bring_in_step(archive.store, index) == 3  # behind by three changes: those three applied
    assert bring_in_step(archive.store, index) == 0
    assert index.num_docs() == 5


def test_an_index_whose_count_disagrees_is_rebuilt(archive: Archive, tmp_path: Path) -> None:
    ingest(archive, tmp_path / "a.jsonl", ["A", "B", "C"])
    index = SearchIndex(tmp_path / "own")
    bring_in_step(archive.store, index)
    index.apply([], {}, index.applied_seq, clear=True)  # documents lost, sequence kept
    assert index.num_docs() == 0
    assert bring_in_step(archive.store, index) == 3  # rebuilt: the count of posts, not of changes
    assert index.num_docs() == 3


def test_an_index_ahead_of_the_log_is_rebuilt(archive: Archive, tmp_path: Path) -> None:
    ingest(archive, tmp_path / "a.jsonl", ["A", "B"])
    index = SearchIndex(tmp_path / "own")
    bring_in_step(archive.store, index)
    index.apply([], {}, seq_of(archive) + 5)  # it claims changes the log never had
    assert bring_in_step(archive.store, index) == 2
    assert index.applied_seq == seq_of(archive)


def test_an_index_of_another_archive_is_rebuilt(archive: Archive, tmp_path: Path) -> None:
    ingest(archive, tmp_path / "a.jsonl", ["A", "B"])
    index = SearchIndex(tmp_path / "own")
    index.rebuild_from([], seq_of(archive), "another-archive", lambda n: None)  # same sequence, another log
    assert bring_in_step(archive.store, index) == 2
    assert index.num_docs() == 2


def test_refresh_applies_the_log_unless_a_follower_does(archive: Archive, tmp_path: Path) -> None:
    ingest(archive, tmp_path / "a.jsonl", ["A"])
    index = SearchIndex(tmp_path / "own")
    bring_in_step(archive.store, index)
    ingest(archive, tmp_path / "b.jsonl", ["B"])
    index.followed = True
    refresh(archive.store, index)
    assert index.num_docs() == 1  # the follower's job: a search does not wait for it
    index.followed = False
    refresh(archive.store, index)
    assert index.num_docs() == 2 and index.applied_seq == seq_of(archive)


def test_an_index_built_for_this_archive_only_catches_up(archive: Archive, tmp_path: Path) -> None:
    """An index that names this archive is caught up, not rebuilt: a rebuild at every start costs minutes."""
    ingest(archive, tmp_path / "a.jsonl", ["A", "B"])
    index = SearchIndex(tmp_path / "own")
    reindex(archive.store, index)
    ingest(archive, tmp_path / "b.jsonl", ["C", "D", "E"])
    assert bring_in_step(archive.store, index) == 3  # the three changes, not the five posts again
    assert index.num_docs() == 5


def test_an_index_of_another_archive_with_as_many_posts_is_rebuilt(archive: Archive, tmp_path: Path) -> None:
    """Same sequence, same count, another log: only the identity tells, and the other archive's words must go."""
    ingest(archive, tmp_path / "a.jsonl", ["A", "B"])
    index = SearchIndex(tmp_path / "own")
    strangers = [Post(id=900 + i, title=t, blocks=(Block("paragraph", "rhenium foil"),), url=f"https://other/{t}",
                      permalink=f"/other/{t}.html") for i, t in enumerate(("X", "Y"))]
    index.rebuild_from([strangers], seq_of(archive), "another-archive", lambda n: None)
    assert index.num_docs() == 2
    assert bring_in_step(archive.store, index) == 2  # rebuilt from this archive's two posts
    with archive.store.reading() as conn:
        assert index.archive == archive_identity(conn)
    assert search(archive.store, index, SearchRequest("rhenium")).total == 0


def _one_change_behind(archive: Archive, tmp_path: Path) -> SearchIndex:
    """An index of post A, and post B stored in the database since: one change for a catch-up to apply."""
    ingest(archive, tmp_path / "a.jsonl", ["A"])
    index = SearchIndex(tmp_path / "own")
    reindex(archive.store, index)
    path = tmp_path / "b.jsonl"
    path.write_text(json.dumps({"title": "B", "url": "https://x/B", "body": "tin"}) + "\n")
    store_file(archive, path)  # in the database, not yet in this index
    return index


def test_an_index_another_process_is_writing_is_left_to_its_catch_up(archive: Archive, tmp_path: Path) -> None:
    index = _one_change_behind(archive, tmp_path)
    held = SearchIndex(tmp_path / "own").index.writer(heap_size=50_000_000, num_threads=1)  # another process
    assert bring_in_step(archive.store, index) == 0  # nothing applied here, and no rebuild
    del held
    assert bring_in_step(archive.store, index) == 1


def released_soon(writer: object, seconds: float = 0.7) -> threading.Timer:
    """Another process's writer, let go `seconds` from now: a caller that waited would then get the index."""
    held = [writer]
    timer = threading.Timer(seconds, held.clear)
    timer.start()
    return timer


def test_start_up_and_search_leave_a_busy_index_at_once(archive: Archive, tmp_path: Path) -> None:
    """Neither opening the index nor a search waits for another writer (its catch-up covers the change):
    had either waited, it would have seen the writer go and applied the change itself."""
    index = _one_change_behind(archive, tmp_path)
    timer = released_soon(SearchIndex(tmp_path / "own").index.writer(heap_size=50_000_000, num_threads=1))
    assert bring_in_step(archive.store, index) == 0
    timer.join()
    timer = released_soon(SearchIndex(tmp_path / "own").index.writer(heap_size=50_000_000, num_threads=1))
    refresh(archive.store, index)
    timer.join()
    assert index.num_docs() == 1
    refresh(archive.store, index)  # nobody else writes now: the change is applied here
    assert index.num_docs() == 2


def test_a_post_taken_off_the_site_leaves_the_index(archive: Archive, tmp_path: Path) -> None:
    """Trashed, then deleted for good: each is a change whose post the database no longer shows, and catching up
    must drop its document, or searches go on finding (and counting) a post that is gone."""
    ingest(archive, tmp_path / "a.jsonl", ["A", "B"])
    index = SearchIndex(tmp_path / "own")
    reindex(archive.store, index)
    with archive.store.transaction() as conn:
        gone = conn.execute(select(posts.c.id).where(posts.c.title == "A")).scalar_one()
        set_status(conn, gone, "trash", None, datetime.now(UTC))
    assert catch_up(archive.store, index) == 1
    assert [h.post.title for h in search(archive.store, index, SearchRequest("tungsten")).hits] == ["B"]
    with archive.store.transaction() as conn:
        set_status(conn, gone, "published", None, datetime.now(UTC))
    assert catch_up(archive.store, index) == 1 and index.num_docs() == 2  # back from the trash
    with archive.store.transaction() as conn:
        set_status(conn, gone, "trash", None, datetime.now(UTC))
        assert delete_trashed(conn) == [gone]
    assert catch_up(archive.store, index) == 1  # one change: the post was noted once in that transaction
    assert index.num_docs() == 1
    assert [h.post.title for h in search(archive.store, index, SearchRequest("tungsten")).hits] == ["B"]
