"""The index folder itself (search/index.py): what it keeps across a restart, what another process's commits
show here, and how a write that cannot happen is reported (each slip leaves the index quietly drifting from
its table, or a node waiting on a writer nobody holds)."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
import tantivy

from metalnomist.errors import IndexUnavailable
from metalnomist.models import Block, Post
from metalnomist.search.index import SCHEMA_VERSION, IndexBusy, SearchIndex


def post(post_id: int, body: str) -> Post:
    return Post(id=post_id, title=f"Post {post_id}", blocks=(Block("paragraph", body),), url=f"https://x/{post_id}",
                permalink=f"/{post_id}.html")


def built(path: Path, posts: list[Post], seq: int, archive: str = "archive-a") -> SearchIndex:
    index = SearchIndex(path)
    index.rebuild_from([posts], seq, archive, lambda n: None)
    return index


def test_an_index_of_another_format_starts_empty(tmp_path: Path) -> None:
    """An index written by another version holds documents this schema cannot read: it is rebuilt, not read."""
    built(tmp_path / "index", [post(1, "tin smelter")], 7)
    state = tmp_path / "index" / "state.json"
    state.write_text(json.dumps({**json.loads(state.read_text()), "schema": SCHEMA_VERSION - 1}))
    reopened = SearchIndex(tmp_path / "index")
    assert (reopened.num_docs(), reopened.applied_seq, reopened.archive) == (0, 0, None)


def test_opening_a_new_folder_leaves_what_another_opener_is_building(tmp_path: Path) -> None:
    """Two processes (two web workers, a CLI beside a server) open a new index folder at once. The second found
    no state and emptied the folder, deleting the segments the first's rebuild had already written and its
    meta.json: the first's commit then named files that were gone (a concurrent-writers test saw
    `FileDoesNotExist("meta.json")` in CI). A folder with no state is opened as it is."""
    first = SearchIndex(tmp_path / "index")
    body = "tin smelter output " * 100
    with first.writing(heap_size=15_000_000) as writing:
        writing.clear()
        writing.add([post(i, body + str(i)) for i in range(1, 12_001)])  # past the heap: segments written
        second = SearchIndex(tmp_path / "index")
        writing.commit(7, "archive-a")
    second.reload()
    assert (first.num_docs(), second.num_docs(), second.applied_seq, second.archive) == (12_000, 12_000, 7, "archive-a")
    assert len(first.index.searcher().search(tantivy.Query.term_query(first.schema, "text", "smelter"), 3).hits) == 3


def test_another_versions_folder_is_not_emptied_under_a_writer(tmp_path: Path) -> None:
    """An index of another version is emptied at opening, but not while a writer works in the folder (another
    process rebuilding it for this version): that writer's files stay, and what it commits shows."""
    built(tmp_path / "index", [post(1, "tin smelter")], 7)
    state = tmp_path / "index" / "state.json"
    state.write_text(json.dumps({**json.loads(state.read_text()), "schema": SCHEMA_VERSION - 1}))
    rebuilding = SearchIndex(tmp_path / "index")  # emptied: no writer yet
    assert rebuilding.num_docs() == 0
    state.write_text(json.dumps({"schema": SCHEMA_VERSION - 1, "seq": 7, "archive": "archive-a"}))
    with rebuilding.writing() as writing:
        writing.add([post(2, "zinc refinery")])
        opened = SearchIndex(tmp_path / "index")  # another process, meanwhile: it reads the old version's state
        assert (opened.applied_seq, opened.archive) == (0, None)  # another version's state is no state
        writing.commit(9, "archive-a")
    opened.reload()
    assert (opened.num_docs(), opened.applied_seq, opened.archive) == (1, 9, "archive-a")


def test_a_rebuild_from_empty_waits_for_no_writer(tmp_path: Path) -> None:
    """`metalnomist reindex` empties the folder first: not while another process's writer works in it, whose
    commit would then name deleted files. It says the index is busy, and the other writer's work shows."""
    serving = built(tmp_path / "index", [post(1, "tin smelter")], 7)
    with serving.writing() as writing:
        writing.put([2], {2: post(2, "zinc refinery")})
        with pytest.raises(IndexBusy):
            SearchIndex(tmp_path / "index", empty=True, wait_seconds=0.2)
        writing.commit(8)
    assert (serving.num_docs(), serving.applied_seq) == (2, 8)
    rebuilt = SearchIndex(tmp_path / "index", empty=True)  # no writer now
    assert (rebuilt.num_docs(), rebuilt.applied_seq, rebuilt.archive) == (0, 0, None)


def test_a_writer_that_cannot_start_is_a_failed_write_not_a_busy_index(tmp_path: Path) -> None:
    """Only another writer's lock is worth waiting for. A lock file that cannot be taken at all (here a folder
    in its place; a read-only or broken disk does the same) is a write that failed: said at once, and the
    state forgotten so the next start rebuilds, rather than blamed on another writer after a wait."""
    index = built(tmp_path / "index", [post(1, "tin smelter")], 7)
    lock = tmp_path / "index" / ".tantivy-writer.lock"
    lock.unlink(missing_ok=True)
    lock.mkdir()
    with pytest.raises(IndexUnavailable, match="could not be written .*rebuilt from it at the next start"):
        index.apply([2], {2: post(2, "tin ingots")}, 8, wait_seconds=5.0)
    assert (index.applied_seq, index.archive) == (0, None)


def test_another_process_rebuilding_at_an_earlier_change_is_seen(tmp_path: Path) -> None:
    """A restore rebuilds the index in another process at a change lower than this one had loaded: a
    searcher that only reloads when the number grows would go on answering from the replaced archive."""
    serving = built(tmp_path / "index", [post(1, "tin smelter")], 20)
    other = SearchIndex(tmp_path / "index")  # `metalnomist restore` in another process
    other.rebuild_from([[post(1, "zinc refinery")]], 3, "archive-b", lambda n: None)
    assert not serving.is_current
    serving.reload()
    assert serving.is_current and serving.applied_seq == 3


def test_a_write_given_up_shows_nothing_and_frees_the_writer_at_once(tmp_path: Path) -> None:
    """An ingest that fails mid-write: what it gave the writer never shows, and the writer is let go there and
    then, even while its failure is still held (a log handler keeps the traceback, and with it the writer)."""
    index = built(tmp_path / "index", [post(1, "tin smelter")], 7)
    with pytest.raises(KeyError) as failed:
        with index.writing() as writing:
            writing.put([2], {2: post(2, "tin ingots")})
            raise KeyError("the ingest failed")
    index.apply([3], {3: post(3, "tin plate")}, 8, wait_seconds=1.0)
    assert (index.num_docs(), index.applied_seq) == (2, 8)
    assert failed.value.args == ("the ingest failed",)


def test_a_rebuild_reports_each_batch_as_it_is_added(tmp_path: Path) -> None:
    """`metalnomist reindex` counts its progress from these: each batch's own size, not the running total."""
    index = SearchIndex(tmp_path / "index")
    seen: list[int] = []
    total = index.rebuild_from([[post(1, "tin"), post(2, "tin")], [post(3, "tin")]], 3, "archive-a", seen.append)
    assert (seen, total, index.num_docs()) == ([2, 1], 3, 3)


def _from_another_thread(step: Callable[[], None]) -> list[BaseException]:
    """What `step` raised in a thread of its own, which must have finished within 10 s."""
    raised: list[BaseException] = []

    def run() -> None:
        try:
            step()
        except BaseException as exc:  # noqa: BLE001 - reported by the caller
            raised.append(exc)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(10)
    assert not thread.is_alive(), "it waited for the writer beyond its own wait"
    return raised


def test_a_second_writer_in_this_process_waits_only_as_long_as_it_was_told(tmp_path: Path) -> None:
    """The follower ticks with no wait and an export waits 30 s while an ingest in this process holds the
    writer for minutes: each is told the index is busy once its wait is over, instead of queueing behind it."""
    index = built(tmp_path / "index", [post(1, "tin smelter")], 7)
    with index.writing():
        busy = _from_another_thread(lambda: index.apply([2], {2: post(2, "tin ingots")}, 8, wait_seconds=0.2))

        def copy() -> None:
            with index.unchanging(wait_seconds=0.2):
                pass

        busy += _from_another_thread(copy)
    assert [type(exc) for exc in busy] == [IndexBusy, IndexBusy]
    index.apply([2], {2: post(2, "tin ingots")}, 8, wait_seconds=0.2)  # free again once the first let go
    assert index.num_docs() == 2
