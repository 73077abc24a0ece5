"""A series costs its periods, not its reports (issue 10): one point per period, read by index seeks.

At 100,000 synthetic posts the worldwide copper price had thousands of reports of ~120 months and
/data/series took 2.4 s at p99: every report was read, joined to its post and drawn. Here a series
of twelve months is reported by four times as many posts in the larger archive: SQLite runs the
same number of instructions for it, and on PostgreSQL every statement is an index walk.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Connection, event

from metalnomist.analysis.series import series
from metalnomist.config import Settings
from metalnomist.models import Block, Fact, Post
from metalnomist.pipeline import Archive, open_archive
from metalnomist.store.facts import replace_facts
from metalnomist.store.figures import figure_keys, figure_reports
from metalnomist.store.posts import upsert_post

MONTH = Fact(post="", sentence="Nickel output was 100 kt.", metric="output", value=100.0, unit="kt",
             commodity="nickel", country="Indonesia", period="2023-01")
MONTHS = [f"2023-{m:02d}" for m in range(1, 13)]


def _reports(n: int) -> list[Fact]:
    """Post n's reports: every month (100, 101 or 102 kt: the posts disagree by 2%), and left out of the
    series drawn, a yearly figure and one in another unit."""
    months = [replace(MONTH, value=100.0 + n % 3, period=period) for period in MONTHS]
    return [*months, replace(MONTH, value=1200.0, period="2023"), replace(MONTH, unit="t", value=1e5)]


def _fill(archive: Archive, posts: int) -> None:
    with archive.store.transaction() as conn:
        by_post: dict[int, list[Fact]] = {}
        for n in range(posts):
            post = Post(title=f"Post {n}", blocks=(Block("paragraph", "p"),),
                        published=datetime(2024, 1, 1 + n % 28, tzinfo=UTC))
            post_id, _ = upsert_post(conn, post)
            by_post[post_id] = [replace(f, sentence_start=i) for i, f in enumerate(_reports(n))]
        replace_facts(conn, by_post)


@pytest.fixture
def sized(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Callable[[int], Archive]]:
    """Archives of a given number of posts, each reporting the same twelve months, on the database asked for."""
    opened: list[Archive] = []

    def make(posts: int) -> Archive:
        db = (f"sqlite:///{tmp_path}/{posts}.db" if request.param == "sqlite"
              else str(request.getfixturevalue("pg_url")))
        archive = open_archive(Settings(db=db, index_dir=str(tmp_path / f"index-{posts}"), secret_key="test"))
        opened.append(archive)
        _fill(archive, posts)
        return archive

    yield make
    for archive in opened:
        archive.close()


ASKED: dict[str, Callable[[Connection], object]] = {
    "the chart's window": lambda conn: series(conn, "nickel", "output", "Indonesia"),
    "a page of older periods": lambda conn: series(conn, "nickel", "output", "Indonesia", skip=4, count=4),
    "another unit": lambda conn: series(conn, "nickel", "output", "Indonesia", unit="t"),
    "the whole range, thinned": lambda conn: series(conn, "nickel", "output", "Indonesia", count=5, spread=True),
}


def _instructions(archive: Archive, ask: Callable[[Connection], object]) -> int:
    """How many SQLite VM instructions `ask` runs, counted in steps of 100."""
    steps = [0]

    def tick() -> int:
        steps[0] += 1
        return 0

    with archive.store.reading() as conn:
        raw = conn.connection.driver_connection
        raw.set_progress_handler(tick, 100)
        try:
            ask(conn)
        finally:
            raw.set_progress_handler(None, 0)
    return steps[0]


@pytest.mark.parametrize("sized", ["sqlite"], indirect=True)
def test_a_series_costs_the_same_however_many_posts_report_its_periods(sized: Callable[[int], Archive]) -> None:
    small, large = sized(10), sized(40)
    grown = {name: (_instructions(small, ask), _instructions(large, ask)) for name, ask in ASKED.items()}
    assert {name: big <= 1.2 * few + 5 for name, (few, big) in grown.items()} == dict.fromkeys(ASKED, True), grown


@pytest.mark.parametrize("sized", ["sqlite", "postgresql"], indirect=True)
def test_one_point_per_period_with_the_reports_spread_and_every_report_reachable(
        sized: Callable[[int], Archive]) -> None:
    archive = sized(6)
    with archive.store.reading() as conn:
        line = series(conn, "nickel", "output", "Indonesia")
        newest = series(conn, "nickel", "output", "Indonesia", count=5)
        oldest = series(conn, "nickel", "output", "Indonesia", skip=10, count=5)
        tonnes = series(conn, "nickel", "output", "Indonesia", unit="T")
        spread = series(conn, "nickel", "output", "Indonesia", count=5, spread=True)
        reports = list(figure_reports(conn, line.figures))
    assert (line.key.unit, line.key.grain, line.total, line.other_units, line.other_grains) == (
        "kt", "month", 12, ("t",), ("year",))
    assert [(p.period, p.value, p.high and p.high.value) for p in line.points] == [(m, 100, 102) for m in MONTHS]
    assert line.points[0].high is not None and line.points[0].high.post_id != line.points[0].post_id
    assert [p.period for p in newest.points] == MONTHS[-5:] and newest.older
    assert [p.period for p in oldest.points] == MONTHS[:2] and not oldest.older
    assert [p.period for p in spread.points] == [MONTHS[i] for i in (0, 3, 6, 8, 11)] and spread.thinned
    assert [(p.period, p.value, p.high) for p in tonnes.points] == [("2023-01", 1e5, None)] and tonnes.key.unit == "t"
    # every report of every period, period by period, each period's by value
    assert [(f.period, f.value) for f in reports] == [(m, v) for m in MONTHS for v in (100, 100, 101, 101, 102, 102)]


@pytest.mark.parametrize("sized", ["sqlite", "postgresql"], indirect=True)
def test_a_series_reads_at_most_its_limit_of_figures_the_highest_keys_first(sized: Callable[[int], Archive]) -> None:
    """The cap on the figures of one series (MAX_FIGURES) keeps the newest months of a long monthly series."""
    with sized(2).store.reading() as conn:
        found = figure_keys(conn, ("nickel", "output", "Indonesia", None, None, "kt"), limit=3)
    assert [(f.unit, f.period) for f in found] == [("kt", "2023-12"), ("kt", "2023-11"), ("kt", "2023-10")]


@pytest.mark.parametrize("sized", ["postgresql"], indirect=True)
def test_postgresql_reads_a_series_and_its_reports_through_the_index(sized: Callable[[int], Archive]) -> None:
    archive = sized(10)
    seen: list[tuple[str, Any]] = []

    def record(conn: object, cursor: object, statement: str, parameters: Any, *rest: object) -> None:
        if "fact" in statement and not statement.startswith("EXPLAIN"):
            seen.append((statement, parameters))

    with archive.store.reading() as conn:
        event.listen(archive.store.engine, "before_cursor_execute", record)
        try:
            list(figure_reports(conn, series(conn, "nickel", "output", "Indonesia").figures))
        finally:
            event.remove(archive.store.engine, "before_cursor_execute", record)
        conn.exec_driver_sql("SET LOCAL enable_seqscan = off")
        conn.exec_driver_sql("SET LOCAL enable_sort = off")
        for statement, parameters in seen:
            plan = "\n".join(r[0] for r in conn.exec_driver_sql("EXPLAIN " + statement, parameters))
            assert "Seq Scan on fact_rows" not in plan, (statement, plan)
            if "VALUES" in statement:  # the figures' extremes: a seek each, ties ordered by the index
                assert "Sort" not in plan, (statement, plan)
    assert sum("VALUES" in statement for statement, _ in seen) == 1
