"""A listing, its total, the label cloud and the month archive cost what they show (issue 10).

Their counts are kept per process (Archive.counts) and recounted only when the change log moves, so
the SQLite instructions one request runs stay the same when the archive grows fourfold; the old
listing counted every public post of the listing for each page (224 ms at 100,000 posts).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from metalnomist.browse import label_counts, latest_posts
from metalnomist.config import Settings
from metalnomist.models import Block, Post
from metalnomist.pipeline import Archive, ingest_sample_if_empty, open_archive
from metalnomist.recount import Recounted
from metalnomist.store.posts import ListingCounts, list_posts, upsert_post
from metalnomist.web.sidebar import sidebar

ASKS: dict[str, Callable[[Archive], object]] = {
    "home": lambda archive: latest_posts(archive, 0, 10),
    "home, third page": lambda archive: latest_posts(archive, 20, 10),
    "label": lambda archive: latest_posts(archive, 0, 10, label="Copper"),
    "month": lambda archive: latest_posts(archive, 0, 10, month=(2024, 2)),
    "label cloud": label_counts,
    "sidebar": sidebar,
}


def _fill(archive: Archive, posts: int, first: int = 0) -> None:
    with archive.store.transaction() as conn:
        for n in range(first, first + posts):
            labels = ("Copper", "Nickel") if n % 2 else ("Copper",)
            upsert_post(conn, Post(title=f"Post {n}", blocks=(Block("paragraph", "p"),), labels=labels,
                                   published=datetime(2024, 1 + n % 3, 1 + n % 28, tzinfo=UTC)))


@pytest.fixture
def sized(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Callable[[int], Archive]]:
    """Archives of a given number of posts: SQLite unless the test asks for PostgreSQL."""
    opened: list[Archive] = []
    on_postgresql = getattr(request, "param", "sqlite") == "postgresql"

    def make(posts: int) -> Archive:
        db = str(request.getfixturevalue("pg_url")) if on_postgresql else f"sqlite:///{tmp_path}/{posts}.db"
        archive = open_archive(Settings(db=db, index_dir=str(tmp_path / f"i{posts}")))
        opened.append(archive)
        _fill(archive, posts)
        return archive

    yield make
    for archive in opened:
        archive.close()


@contextmanager
def _counting(archive: Archive) -> Iterator[list[int]]:
    """SQLite VM instructions, in steps of 100, of every connection the block checks out."""
    steps = [0]

    def tick() -> int:
        steps[0] += 1
        return 0

    def checkout(dbapi: Any, record: object, proxy: object) -> None:
        dbapi.set_progress_handler(tick, 100)

    def checkin(dbapi: Any, record: object) -> None:
        dbapi.set_progress_handler(None, 0)

    pool = archive.store.engine.pool
    event.listen(pool, "checkout", checkout)
    event.listen(pool, "checkin", checkin)
    try:
        yield steps
    finally:
        event.remove(pool, "checkout", checkout)
        event.remove(pool, "checkin", checkin)


def _instructions(archive: Archive, ask: Callable[[Archive], object]) -> int:
    ask(archive)  # warm: the first request waits for the first count
    with _counting(archive) as steps:
        ask(archive)
    return steps[0]


def test_what_a_listing_runs_does_not_grow_with_the_archive(sized: Callable[[int], Archive]) -> None:
    small, large = sized(90), sized(360)
    grown = {name: (_instructions(small, ask), _instructions(large, ask)) for name, ask in ASKS.items()}
    assert {name: big <= 1.2 * few + 5 for name, (few, big) in grown.items()} == dict.fromkeys(ASKS, True), grown


def test_totals_follow_a_change(sized: Callable[[int], Archive]) -> None:
    archive = sized(30)
    assert latest_posts(archive, 0, 10)[1] == 30 and label_counts(archive) == [("Copper", 30), ("Nickel", 15)]
    _fill(archive, 3, first=30)  # posts 30 (Copper), 31 (Copper, Nickel), 32 (Copper)
    # a reader waits half a second for the recount; a busy CI machine took longer (a flaky failure at 30)
    archive.counts.settled()
    assert latest_posts(archive, 0, 10)[1] == 33
    assert latest_posts(archive, 0, 10, label="Nickel")[1] == 16
    assert latest_posts(archive, 0, 5, month=(2024, 1))[1] == 11  # posts 0, 3, … 30
    assert label_counts(archive) == [("Copper", 33), ("Nickel", 16)]


def test_what_a_page_shows_corrects_a_count_that_trails(sized: Callable[[int], Archive]) -> None:
    """A count kept from before a change (on a large archive it trails by one recount) never makes a page
    lie about what it has itself read: the last page knows the total, a page with more after it a floor."""
    archive = sized(26)
    stale = ListingCounts(months=((2024, 3, 6), (2024, 2, 7), (2024, 1, 7)), labels=(("Copper", 20),))
    archive.counts = Recounted("stale", lambda: 0, lambda: stale)
    assert latest_posts(archive, 0, 10)[1] == 20  # the kept total: more than the page proves
    assert latest_posts(archive, 10, 10)[1] == 21  # this page and one more after it
    assert latest_posts(archive, 20, 10)[1] == 26  # the last page: 20 before it and the 6 it read
    assert latest_posts(archive, 20, 10, label="Copper")[1] == 26
    assert latest_posts(archive, 0, 20, label="Nickel")[1] == 13  # a label the kept count never saw
    assert latest_posts(archive, 40, 10)[1] == 20  # past the end: the count, which is no further than here
    assert latest_posts(archive, 40, 10, label="Nickel")[1] == 0


@pytest.mark.parametrize("sized", ["postgresql"], indirect=True)
def test_postgresql_walks_an_index_in_the_listings_order(sized: Callable[[int], Archive]) -> None:
    """PostgreSQL sorts NULL above every date: an index in (published, id) order read backwards lists undated
    posts first, so every page sorted every published post until the index was built in the listings' order."""
    archive = sized(60)
    pages = {"home": lambda conn: list_posts(conn, 0, 11), "later": lambda conn: list_posts(conn, 20, 11),
             "common label": lambda conn: list_posts(conn, 0, 11, label="Copper"),
             "rare label": lambda conn: list_posts(conn, 0, 11, label="Nickel", rare_label=True),
             "month": lambda conn: list_posts(conn, 0, 11, month=(2024, 2))}
    seen: list[tuple[str, Any]] = []

    def record(conn: object, cursor: object, statement: str, parameters: Any, *rest: object) -> None:
        if "LIMIT" in statement and not statement.startswith("EXPLAIN"):
            seen.append((statement, parameters))

    for name, ask in pages.items():
        with archive.store.reading() as conn:
            conn.exec_driver_sql("ANALYZE post_rows")
            event.listen(archive.store.engine, "before_cursor_execute", record)
            try:
                ask(conn)
            finally:
                event.remove(archive.store.engine, "before_cursor_execute", record)
            conn.exec_driver_sql("SET LOCAL enable_seqscan = off")
            conn.exec_driver_sql("SET LOCAL enable_sort = off")
            statement, parameters = seen.pop()
            plan = "\n".join(row[0] for row in conn.exec_driver_sql("EXPLAIN " + statement, parameters))
            assert "ix_posts_status_published" in plan and "Sort" not in plan, (name, plan)


def test_a_restarted_process_answers_with_the_counts_the_last_one_kept(tmp_path: Path) -> None:
    """Only the archive's own kept counts, and only until the archive moves; no count runs at start."""
    settings = Settings(db=f"sqlite:///{tmp_path}/a.db", index_dir=str(tmp_path / "index"))
    first = open_archive(settings)
    ingest_sample_if_empty(first)
    counted = first.counts.settled()
    first.close()
    statements: list[str] = []
    again = open_archive(settings)
    event.listen(again.store.engine, "before_cursor_execute", lambda *args: statements.append(args[2]))
    again.counts.warm()
    assert again.counts.get() == counted and counted.total() > 0 and counted.labels
    assert not [s for s in statements if "GROUP BY" in s.upper()], statements
    with again.store.transaction() as conn:
        upsert_post(conn, Post(title="One more", blocks=(Block("p", "Zinc rose."),), labels=("Zinc",),
                               published=datetime(2031, 1, 5, tzinfo=UTC)))
    assert again.counts.settled().total() == counted.total() + 1
    again.close()


def test_a_page_past_the_last_post_but_within_a_trailing_count_ends_the_listing_there(
        sized: Callable[[int], Archive]) -> None:
    """Posts withdrawn since the last count leave it above what exists: a page beyond the last post gives
    its own start as the total, so the pager offers no "Older posts" link to more empty pages."""
    archive = sized(26)
    stale = ListingCounts(months=((2024, 3, 10), (2024, 2, 10), (2024, 1, 10)), labels=(("Copper", 30),))
    archive.counts = Recounted("stale", lambda: 0, lambda: stale)
    assert latest_posts(archive, 28, 1) == ([], 28)
    assert latest_posts(archive, 28, 1, label="Copper") == ([], 28)
