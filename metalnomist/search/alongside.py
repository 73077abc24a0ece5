"""Indexing a big ingest while it is written, instead of reading every post back after it is published.

Following the change log, the index would read back and index every post of a file once the
ingest has published it (half the time of a million-post import). Instead, once a file passes
`START_AFTER` posts, a worker process takes the index's writer and indexes each batch of posts
the ingest *added*, on the other core:
- on SQLite, whose ingest writes its batches hidden and publishes them at the end
  (store/ingests.py), the worker reads the hidden rows as soon as their transaction commits;
- on PostgreSQL, whose ingest is one transaction that no other connection can read before it
  commits, the ingest sends each batch's new posts as stored.
Nothing of it shows until the ingest publishes: the worker then applies the change log as
`catch_up` would, except the entries of the publishing itself for posts it has already indexed
as they are, and commits once. What it skips is only what it holds: a post the file wrote again
after adding it, and every post that was already stored, is read from the log like any other change.

Whatever goes wrong (the writer busy in another process, the worker gone) costs only speed: the
index's recorded place in the log never moved, so the usual catch-up after the ingest does it all.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
from collections.abc import Iterable, Sequence
from multiprocessing.connection import Connection as Pipe
from pathlib import Path

from metalnomist.errors import MetalnomistError
from metalnomist.models import Post
from metalnomist.search.index import IndexBusy, SearchIndex, Writing
from metalnomist.search.service import in_batches
from metalnomist.store import Store
from metalnomist.store.changes import changes_since, last_seq
from metalnomist.store.identity import archive_identity
from metalnomist.store.posts import iter_posts, posts_by_ids
from metalnomist.workers import die_with_parent

START_AFTER = 2000  # posts written before a worker is worth its start (about a second)
FOLLOW_BATCH = 5000  # change-log entries read per step when the ingest has published
HEAP_BYTES = 256_000_000
FINISH_SECONDS = 3600.0  # the worker's last step: the rest of the log and one commit
log = logging.getLogger(__name__)


class IndexAlongside:
    """The ingest's side: `added` after each batch commits, `published` once it has published, then `wait`;
    `abandon` if it fails."""

    def __init__(self, store: Store, index_dir: Path) -> None:
        self._store, self._index_dir = store, index_dir
        self._pending: list[int | Post] = []  # added before the worker starts
        self._first_added: int | None = None
        self._rewritten: set[int] = set()  # added, then written again by the same file
        self._worker: multiprocessing.process.BaseProcess | None = None
        self._orders: Pipe | None = None
        self._answers: Pipe | None = None
        self._last: object = None  # the worker's last answer, once read

    def added(self, posts: Sequence[int] | Sequence[Post]) -> None:
        """Posts this ingest added: their numbers, once the transaction that added them hidden has committed
        (the worker reads them), or the posts as stored, from the transaction adding them, which alone can read
        them before it commits (PostgreSQL's)."""
        post_ids = [p if isinstance(p, int) else p.id for p in posts]
        if post_ids and self._first_added is None:
            self._first_added = min(i for i in post_ids if i is not None)
        if self._worker is None:
            self._pending.extend(posts)
            if len(self._pending) >= START_AFTER:
                self._start()
        elif posts:
            self._order(list(posts))

    def written(self, post_ids: Iterable[int]) -> None:
        """Posts the file wrote that it did not add: those it added before (a later copy of the same post)
        are read from the log after publishing, not as the worker read them."""
        if self._first_added is not None:
            self._rewritten.update(i for i in post_ids if i >= self._first_added)  # added ids come after all others

    def published(self, after: int, through: int) -> None:
        """The ingest published its posts as the log entries after..through: the worker may finish."""
        self._order(("finish", after, through, sorted(self._rewritten)))

    def wait(self) -> bool:
        """Whether the worker applied the log and committed; if not (it never started, the writer was busy,
        it failed) the index never moved, and the caller's catch-up does the work."""
        return self._answer(FINISH_SECONDS) == "done"

    def read_so_far(self, seconds: float = 60.0) -> bool:
        """Wait until the worker has read every batch sent so far (False if it has gone): tests pin down
        which writes it reads before the ingest goes on."""
        self._order(("ping",))
        try:
            if self._answers is None or self._last is not None or not self._answers.poll(seconds):
                return False
            answer: object = self._answers.recv()
        except (EOFError, OSError):
            return False
        if answer != "pong":
            self._last = answer  # it stopped: what `wait` reports
        return answer == "pong"

    def abandon(self) -> None:
        """The ingest failed: nothing the worker indexed shows."""
        self._order(("abandon",))
        self._answer(60.0)

    def _start(self) -> None:
        context = multiprocessing.get_context("spawn")
        orders, self._orders = context.Pipe(duplex=False)
        self._answers, answers = context.Pipe(duplex=False)
        url = self._store.engine.url.render_as_string(hide_password=False)
        self._worker = context.Process(target=_work, name="index-alongside", daemon=True,
                                       args=(url, str(self._index_dir), orders, answers, os.getpid()))
        self._worker.start()
        orders.close()  # the worker's end: once it exits, sending fails instead of blocking
        answers.close()
        self._order(self._pending)
        self._pending = []

    def _order(self, order: object) -> None:
        if self._orders is None:
            return
        try:
            self._orders.send(order)
        except OSError:  # the worker is gone (its answer says why)
            self._orders.close()
            self._orders = None

    def _answer(self, seconds: float) -> str:
        if self._worker is None or self._answers is None:
            return "not started"
        answer: object = self._last or "gone"
        try:
            if self._last is None and self._answers.poll(seconds):
                answer = self._answers.recv()
        except (EOFError, OSError):
            pass
        if self._worker.is_alive() and answer not in ("done", "abandoned"):
            self._worker.kill()
        self._worker.join()
        for end in (self._orders, self._answers):
            if end is not None:
                end.close()
        self._worker = self._orders = self._answers = None
        if answer not in ("done", "abandoned"):
            log.warning("the search index was not built beside the ingest (%s); it catches up after it instead",
                        answer)
        return str(answer)


def _work(url: str, index_dir: str, orders: Pipe, answers: Pipe, parent: int) -> None:
    die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # a Ctrl-C stops the ingest, which tells us to abandon
    store = Store.open(url)
    try:
        index = SearchIndex(Path(index_dir))
        with index.writing(wait_seconds=0.0, heap_size=HEAP_BYTES) as writing:
            answers.send(_follow_orders(store, index, writing, orders, answers))
    except IndexBusy:
        answers.send("another process holds the index writer")
    except (MetalnomistError, EOFError) as exc:
        answers.send(f"failed: {exc}")
    finally:
        store.close()


def _follow_orders(store: Store, index: SearchIndex, writing: Writing, orders: Pipe,
                   answers: Pipe) -> str:
    seq, identity = _in_step(store, index, writing)
    indexed: set[int] = set()
    while True:
        order = orders.recv()
        if isinstance(order, list):
            added = order if not order or isinstance(order[0], Post) else _read_hidden(store, order)
            # Added: not in the index, unless a deleted post's number was reused, whose deletion the log holds.
            # So no delete per post, which Tantivy keeps until the commit (~1 KB each: 1.8 GB at a million).
            writing.add(added)
            indexed.update(post.id for post in added if post.id is not None)
        elif order[0] == "finish":
            _, after, through, rewritten = order
            _publish(store, writing, seq, identity, indexed.difference(rewritten), after, through)
            return "done"
        elif order[0] == "ping":
            answers.send("pong")
        else:
            return "abandoned"  # leaving `writing` without a commit drops what it was given


def _read_hidden(store: Store, post_ids: list[int]) -> list[Post]:
    with store.reading() as conn:
        found = posts_by_ids(conn, post_ids, hidden=True)
    return [found[post_id] for post_id in post_ids if post_id in found]


def _in_step(store: Store, index: SearchIndex, writing: Writing) -> tuple[int, str | None]:
    """Where in the log the index stands; one new, or following another archive, is first rebuilt in the
    writer held (as `bring_in_step` would, after the ingest): the first import of an archive is the big one."""
    with store.reading() as conn:
        last, identity = last_seq(conn), archive_identity(conn)
        if index.archive == identity and index.applied_seq <= last:
            return index.applied_seq, None
        writing.clear()
        for batch in in_batches(iter_posts(conn)):
            writing.add(batch)
    return last, identity


def _publish(store: Store, writing: Writing, seq: int, identity: str | None, indexed: set[int],
             after: int, through: int) -> None:
    """Apply the log after `seq`, skipping the publishing's entries for posts indexed as they are, and commit."""
    while True:
        with store.reading() as conn:
            pending = changes_since(conn, seq, limit=FOLLOW_BATCH)
            if not pending:
                break
            ids = list(dict.fromkeys(post_id for entry, post_id in pending
                                     if not (after < entry <= through and post_id in indexed)))
            writing.put(ids, posts_by_ids(conn, ids))
        seq = pending[-1][0]
    writing.commit(seq, identity)
