"""What a post page asks of the store (its neighbours, the posts it shows) costs the same at any archive size.

SQLite's virtual machine instructions for each question are counted at two archive sizes (issue 10):
an OR across the dated and undated parts of the reading order, or the status test beside a list of
ids, once made SQLite walk the index of every published post. A label's newest posts, for the related
posts, come from the search index (tests/search/test_search.py).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from metalnomist.models import Block, Post
from metalnomist.store import Connection, Store
from metalnomist.store.posts import list_posts, neighbours, posts_by_ids, upsert_posts

UNDATED = 3  # stored first, so they sit below every dated post in the reading order


def _archive(folder: Path, dated: int) -> Store:
    store = Store.open(f"sqlite:///{folder}/{dated}.db")
    start = datetime(2020, 1, 1, tzinfo=UTC)
    made = [Post(f"Undated {n}", (Block("paragraph", "p"),)) for n in range(UNDATED)]
    made += [Post(f"Dated {n}", (Block("paragraph", "p"),), published=start + timedelta(hours=n // 2))
             for n in range(dated)]
    # Two posts an hour: neighbours must order ties by id.
    with store.transaction() as conn:
        upsert_posts(conn, made)
    return store


def _instructions(store: Store, ask: Callable[[Connection], object]) -> int:
    """How many SQLite VM instructions `ask` runs, counted in steps of 100."""
    steps = [0]

    def tick() -> int:
        steps[0] += 1
        return 0

    with store.reading() as conn:
        raw = conn.connection.driver_connection
        raw.set_progress_handler(tick, 100)  # type: ignore[union-attr]
        try:
            ask(conn)
        finally:
            raw.set_progress_handler(None, 0)  # type: ignore[union-attr]
    return steps[0]


def _questions(store: Store) -> dict[str, Callable[[Connection], object]]:
    with store.reading() as conn:
        order = list_posts(conn, 0, 10_000)
    total = len(order)
    newest, oldest_dated, undated = order[1], order[total - UNDATED - 2], order[total - 2]
    return {
        "neighbours of a new post": lambda conn: neighbours(conn, newest),
        "neighbours of an old post": lambda conn: neighbours(conn, oldest_dated),
        "neighbours of an undated post": lambda conn: neighbours(conn, undated),
        "neighbours of the oldest dated post": lambda conn: neighbours(conn, order[total - UNDATED - 1]),
        "five posts by id": lambda conn: posts_by_ids(conn, [1, 4, 9, 16, 25]),
    }


def test_a_post_pages_questions_do_not_grow_with_the_archive(tmp_path: Path) -> None:
    small, large = _archive(tmp_path, 100), _archive(tmp_path, 800)
    grown = {name: (_instructions(small, ask), _instructions(large, _questions(large)[name]))
             for name, ask in _questions(small).items()}
    assert {name: big <= 1.2 * few + 5 for name, (few, big) in grown.items()} == dict.fromkeys(grown, True), grown
    small.close()
    large.close()
