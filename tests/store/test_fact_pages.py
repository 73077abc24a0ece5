"""A page of facts, its total and a series cost what they show, not what the archive holds (issue 10).

SQLite: the virtual machine's instructions for one request, counted at two archive sizes, stay
the same when the archive grows fourfold with facts that match the same filters (the old join,
sort and full count read them all). PostgreSQL: with sequential scans and sorts priced out, each
statement is still an index walk — there is an index that serves its filter in its order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Connection, event

from metalnomist.analysis.contradictions import contradictions
from metalnomist.analysis.series import series
from metalnomist.config import Settings
from metalnomist.models import Block, Fact, Post
from metalnomist.pipeline import Archive, open_archive
from metalnomist.store import facts as facts_store
from metalnomist.store.facts import FactFilter, query_facts, replace_facts
from metalnomist.store.posts import upsert_post

CAP = 40  # COUNT_CAP in these tests: well below the archives' matching facts
FACT = Fact(post="", sentence="Copper imports were 5 t.", metric="imports", value=5.0, unit="t",
            commodity="copper", country="Japan", period="2024-03")
# Each post holds facts that every measured filter matches, and some it does not: a growing archive
# grows what a join, a sort or a full count reads, never what one page shows.
KINDS = [FACT, replace(FACT, commodity="lithium carbonate"), replace(FACT, commodity="lithium hydroxide"),
         replace(FACT, commodity="spodumene", metric="exports", country="Chile"),
         replace(FACT, commodity="zinc", metric="output", country="China", period="2023"),
         replace(FACT, commodity="zinc", metric="output", country="Peru", period=None)]
# The measured series gets its three points from the first posts only; the others add to other series,
# of the same commodity and metric too.
SERIES = replace(FACT, commodity="nickel", metric="output", country="Indonesia", unit="kt")
KINDS.append(replace(SERIES, country="Philippines"))
# The first posts also dispute 30 figures (10, 15 and 20 t of tin imports in each of 30 years): a page of
# them names 60 facts, enough that SQLite's planner once walked every post to join them.
DISPUTED = [replace(FACT, commodity="tin", period=str(1990 + year)) for year in range(30)]

PAGES: dict[str, Callable[[Connection], object]] = {
    "reading order": lambda conn: query_facts(conn, FactFilter(), 0, 10),
    "next page": lambda conn: query_facts(conn, FactFilter(), 10, 10),
    "one spelling": lambda conn: query_facts(conn, FactFilter(commodity="copper"), 0, 10),
    "a family of spellings": lambda conn: query_facts(conn, FactFilter(commodity="lithium"), 0, 10),
    "metric": lambda conn: query_facts(conn, FactFilter(metric="IMPORTS"), 0, 10),
    "country": lambda conn: query_facts(conn, FactFilter(country="japan"), 0, 10),
    "two filters": lambda conn: query_facts(conn, FactFilter(commodity="copper", country="Japan"), 0, 10),
    "period": lambda conn: query_facts(conn, FactFilter(period="2024-03"), 0, 10),
    "one post": lambda conn: query_facts(conn, FactFilter(post_id=3), 0, 10),
    "largest values": lambda conn: query_facts(conn, FactFilter(), 0, 10, "value", True),
    "smallest values, second page": lambda conn: query_facts(conn, FactFilter(), 10, 10, "value"),
    "latest periods": lambda conn: query_facts(conn, FactFilter(), 0, 10, "period", True),
    "a series": lambda conn: series(conn, "nickel", "output", "Indonesia"),
    "disputed figures": lambda conn: contradictions(conn, 0, 30),
}


def _fill(archive: Archive, posts: int) -> None:
    with archive.store.transaction() as conn:
        by_post: dict[int, list[Fact]] = {}
        for n in range(posts):
            post = Post(title=f"Post {n}", blocks=(Block("paragraph", "p"),),
                        published=datetime(2024, 1, 1, tzinfo=UTC).replace(day=1 + n % 28))
            post_id, _ = upsert_post(conn, post)
            extra = [replace(SERIES, value=float(n), period=f"2024-0{n + 1}"),
                     *(replace(fact, value=10.0 + 5 * n) for fact in DISPUTED)] if n < 3 else []
            by_post[post_id] = [replace(f, sentence_start=i) for i, f in enumerate([*KINDS, *extra])]
        replace_facts(conn, by_post)


@pytest.fixture
def sized(request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
          ) -> Iterator[Callable[[int], Archive]]:
    """Archives of a given number of posts, on the database the test asks for."""
    monkeypatch.setattr(facts_store, "COUNT_CAP", CAP)
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


def _instructions(archive: Archive, ask: Callable[[Connection], object]) -> int:
    """How many SQLite VM instructions `ask` runs, counted in steps of 100."""
    steps = [0]

    def tick() -> int:
        steps[0] += 1
        return 0

    with archive.store.reading() as conn:
        ask(conn)  # warm: the commodity vocabulary loads once per process
        raw = conn.connection.driver_connection
        raw.set_progress_handler(tick, 100)
        try:
            ask(conn)
        finally:
            raw.set_progress_handler(None, 0)
    return steps[0]


@pytest.mark.parametrize("sized", ["sqlite"], indirect=True)
def test_what_a_page_runs_does_not_grow_with_the_archive(sized: Callable[[int], Archive]) -> None:
    small, large = sized(60), sized(240)
    grown = {name: (_instructions(small, ask), _instructions(large, ask)) for name, ask in PAGES.items()}
    assert {name: big <= 1.2 * few + 5 for name, (few, big) in grown.items()} == dict.fromkeys(PAGES, True), grown


@pytest.mark.parametrize("sized", ["sqlite", "postgresql"], indirect=True)
def test_pages_are_still_right_with_the_count_capped(sized: Callable[[int], Archive]) -> None:
    archive = sized(60)
    with archive.store.reading() as conn:
        page, total = query_facts(conn, FactFilter(commodity="lithium"), 0, 4)
        later, _ = query_facts(conn, FactFilter(commodity="lithium"), 4, 4)
        every, all_lithium = query_facts(conn, FactFilter(commodity="lithium"), 0, 200)
        _, unlimited = query_facts(conn, FactFilter(commodity="lithium"), 170)
        line = series(conn, "nickel", "output", "Indonesia")
    # lithium carbonate, lithium hydroxide and spodumene of each post, in reading order across spellings
    assert [(f.post_id, f.commodity) for f in page + later] == [(f.post_id, f.commodity) for f in every[:8]]
    assert [f.commodity for f in every[:3]] == ["lithium carbonate", "lithium hydroxide", "spodumene"]
    assert total == CAP and all_lithium == 180  # counted to the cap, or past the page asked for
    assert unlimited == 180  # every match read (no limit): every match counted
    assert [p.value for p in line.points] == [0.0, 1.0, 2.0] and line.key.unit == "kt"
    with archive.store.reading() as conn:
        disputed, count = contradictions(conn)
    assert count == 30 and {(d.first.value, d.second.value, d.key.commodity) for d in disputed} == {(10, 20, "tin")}
    assert [d.period for d in disputed] == [str(1990 + year) for year in range(30)]


@contextmanager
def _statements(archive: Archive) -> Iterator[list[tuple[str, Any]]]:
    seen: list[tuple[str, Any]] = []

    def record(conn: object, cursor: object, statement: str, parameters: Any, *rest: object) -> None:
        if "fact" in statement and not statement.startswith("EXPLAIN"):
            seen.append((statement, parameters))

    event.listen(archive.store.engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(archive.store.engine, "before_cursor_execute", record)


@pytest.mark.parametrize("sized", ["postgresql"], indirect=True)
def test_postgresql_has_an_index_for_every_page(sized: Callable[[int], Archive]) -> None:
    archive = sized(30)
    for name, ask in PAGES.items():
        with archive.store.reading() as conn, _statements(archive) as seen:
            ask(conn)
            conn.exec_driver_sql("SET LOCAL enable_seqscan = off")
            conn.exec_driver_sql("SET LOCAL enable_sort = off")
            for statement, parameters in seen:
                plan = "\n".join(r[0] for r in conn.exec_driver_sql("EXPLAIN " + statement, parameters))
                assert "Seq Scan on fact_rows" not in plan, (name, statement, plan)
                # The heads of a family's spellings are merged, and a series' few points put in period order.
                if name not in ("a family of spellings", "a series"):
                    assert "Sort" not in plan, (name, statement, plan)
