"""What readers, editors and ingests ask of the posts reads an index in the order it needs; it never sorts
or reads every post (SQLite's plans say: it keeps no statistics, so a plan is the planner's guess)."""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, event

from metalnomist.config import Settings
from metalnomist.models import Block, Post
from metalnomist.pipeline import open_archive, store_file
from metalnomist.store import Store
from metalnomist.store.desk import desk_posts, due_posts
from metalnomist.store.posts import (
    iter_posts,
    list_posts,
    listing_counts,
    permalinks_between,
    posts_by_ids,
    status_counts,
)
from metalnomist.store.upsert import PlannerStatistics, stored_hashes, upsert_posts
from tests.hostile.test_locks import write_posts


def _plans(tmp_path: Path, ask: Callable[[Connection], object], stored: Sequence[Post] = (),
           tables: str = r"\bpost(?:s|_rows)\b") -> list[str]:
    """The steps of SQLite's plan for every SELECT that `ask` runs on `tables`, on a new archive of `stored`."""
    store = Store.open(f"sqlite:///{tmp_path}/a.db")
    with store.transaction() as conn:
        upsert_posts(conn, stored)
    statements: list[tuple[str, Any]] = []

    def record(conn: object, cursor: object, statement: str, parameters: Any, *rest: object) -> None:
        if statement.lstrip().startswith("SELECT") and re.search(tables, statement):
            statements.append((statement, parameters))

    event.listen(store.engine, "before_cursor_execute", record)
    with store.reading() as conn:
        ask(conn)
    event.remove(store.engine, "before_cursor_execute", record)
    with store.reading() as conn:
        plans = [row[3] for statement, parameters in statements
                 for row in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters)]
    store.close()
    return plans


def _sorts_or_scans(plans: list[str]) -> list[str]:
    return [step for step in plans if "TEMP B-TREE" in step or re.match(r"SCAN (?:post_rows|posts)\b", step)]


def test_listing_pages_read_an_index_in_order_instead_of_sorting_every_post(tmp_path: Path) -> None:
    plans = _plans(tmp_path, lambda conn: (list_posts(conn, 100, 10), list_posts(conn, 0, 10, label="Copper")))
    assert plans and not [step for step in plans if "TEMP B-TREE FOR ORDER BY" in step], plans


def test_walking_every_post_reads_the_rows_by_id_instead_of_sorting_the_published_ones(tmp_path: Path) -> None:
    """A reindex, an export and a re-extraction walk every post in batches; SQLite answered each batch by
    walking the status index over every published post and sorting them: 6.5 s a batch at a million."""
    stored = [Post(title=f"Post {n}", blocks=(Block("paragraph", "Nickel."),), url=f"https://example.com/{n}")
              for n in range(5)]
    plans = _plans(tmp_path, lambda conn: list(iter_posts(conn, batch=2)), stored)
    assert any("post_rows" in step for step in plans)
    assert not [step for step in plans if "status" in step] + _sorts_or_scans(plans), plans


def test_looking_up_a_batch_of_keys_reads_the_keys_index_not_every_shown_post(tmp_path: Path) -> None:
    """An ingest asks which of each batch's posts are stored; SQLite answered 5 keys or more by walking the
    stand-ins' index over every shown post (`replaces IS NULL`): 2.6 s per batch at a million posts."""
    plans = _plans(tmp_path, lambda conn: (stored_hashes(conn, [f"https://example.com/{n}" for n in range(50)]),
                                           posts_by_ids(conn, list(range(1, 51)))))
    assert any("post_rows" in step for step in plans)
    assert not [step for step in plans if "ix_post_rows_replaces" in step] + _sorts_or_scans(plans), plans


def test_the_dashboard_reads_indexes_in_its_order_and_never_every_post(tmp_path: Path) -> None:
    """A page of one status most recently changed first, and the counts per status: 6.2 s and 5.1 s at a
    million posts when they sorted, or read, every post's row."""
    plans = _plans(tmp_path, lambda conn: (desk_posts(conn, "published", 0, 50),
                                           desk_posts(conn, "draft", 50, 50, text="co"), status_counts(conn)))
    assert len(plans) >= 6 and not _sorts_or_scans(plans), plans


def test_the_scheduler_reads_only_the_scheduled_posts_index(tmp_path: Path) -> None:
    """Every minute the scheduler asks which scheduled posts are due: a partial index of the scheduled ones
    answers it (0023), so no ingest pays for an entry per post, and the question never reads the others."""
    plans = _plans(tmp_path, lambda conn: due_posts(conn, datetime.now(UTC)))
    assert any("ix_posts_scheduled" in step for step in plans), plans
    assert not _sorts_or_scans(plans), plans


def test_a_title_search_reads_the_few_posts_holding_its_text_by_id_not_every_title(tmp_path: Path) -> None:
    """Walking the published posts newest first, reading each title, took 1.3 s at a million posts for a
    text in ten titles; the trigram index names those ten, read by id and sorted (0022)."""
    stored = [Post(title=f"Post {n}", blocks=(Block("paragraph", "Nickel."),), url=f"https://example.com/{n}")
              for n in range(30)]
    plans = _plans(tmp_path, lambda conn: desk_posts(conn, "published", 0, 50, text="Post 1"), stored)
    assert any("USING INTEGER PRIMARY KEY" in step for step in plans), plans
    assert not [step for step in plans if "ix_posts_status_updated" in step or re.match(r"SCAN post", step)], plans


def test_the_listings_counts_read_indexes_and_only_the_rows_readers_do_not_see(tmp_path: Path) -> None:
    """The label cloud and the month archive grouped the posts view, reading every post's row: 4.7 s (months)
    and 5.2 s (labels) at a million posts. Now only the few hidden, unpublished or undated rows are read."""
    stored = [Post(title=f"Post {n}", blocks=(Block("paragraph", "Nickel."),), labels=("Nickel", "Japan"),
                   published=datetime(2024, n, 2, tzinfo=UTC) if n < 12 else None, url=f"https://example.com/{n}")
              for n in range(1, 13)]
    plans = _plans(tmp_path, listing_counts, stored, tables=r"\bpost(?:s|_rows|_labels)\b|\blabel_rows\b")
    few = r"ix_post_rows_(?:replaces|batch) \(|label_rows_1 \(post_id=\?\)|\(status=\? AND published=\?\)"
    rows_read = [step for step in plans if re.match(r"(?:SCAN|SEARCH) (?:post_rows|label_rows)\b", step)
                 and "COVERING INDEX" not in step and not re.search(few, step)]
    assert len(plans) >= 8 and not rows_read, plans


def test_on_postgresql_the_desks_title_condition_has_a_trigram_index(pg_url: str) -> None:
    """PostgreSQL's planner walked every published post for a text in one title (0.8 s at a million posts);
    pg_trgm's index on `lower(title)` (0022) answers the desk's condition, which the planner reads when the
    text is rare in a big archive (6.5 ms at a million, by hand). Here, small, only the index is asked."""
    store = Store.open(pg_url)
    with store.transaction() as conn:
        upsert_posts(conn, [Post(title=f"Cobalt {n * 7919:08d}", blocks=(Block("paragraph", "Cobalt."),),
                                 url=f"https://example.com/{n}") for n in range(300)])
    with store.reading() as conn:
        assert [p.title for p in desk_posts(conn, "published", 0, 50, text="974037")] == ["Cobalt 00974037"]
        conn.exec_driver_sql("SET LOCAL enable_seqscan = off")
        plan = "\n".join(row[0] for row in conn.exec_driver_sql(
            "EXPLAIN SELECT id FROM post_rows WHERE lower(title) LIKE '%%974037%%'"))
    store.close()
    assert "Bitmap Index Scan on ix_post_rows_title_trigrams" in plan, plan


def test_a_big_postgresql_ingest_tells_the_planner_of_the_posts_it_writes(pg_url: str, tmp_path: Path) -> None:
    """A file is one transaction on PostgreSQL, which autovacuum cannot analyze before it commits: the planner
    knew a new archive as empty and looked each batch's keys up by walking the stand-ins' index over every post
    written so far (30,000 posts: 26 s, 14.8 s of it there). The ingest analyzes as it writes."""
    settings = Settings(db=pg_url, index_dir=str(tmp_path / "index"), extract_facts=False)
    archive = open_archive(settings)
    store_file(archive, write_posts(tmp_path / "posts.jsonl", 3000))
    statements: list[tuple[str, Any]] = []

    def record(conn: object, cursor: object, statement: str, parameters: Any, *rest: object) -> None:
        statements.append((statement, parameters))

    with archive.store.reading() as conn:
        event.listen(archive.store.engine, "before_cursor_execute", record)
        assert len(stored_hashes(conn, [f"url:https://x/Copper/{n}" for n in range(0, 3000, 100)])) == 30
        event.remove(archive.store.engine, "before_cursor_execute", record)
        (statement, parameters), = statements
        plan = "\n".join(row[0] for row in conn.exec_driver_sql("EXPLAIN " + statement, parameters))
    archive.close()
    assert "ix_post_rows_replaces" not in plan and "posts_key_key" in plan, plan


def test_two_big_postgresql_ingests_at_once_neither_waits_for_the_others_statistics(pg_url: str) -> None:
    """ANALYZE keeps its lock until its transaction ends: a second ingest asking for one would wait for the
    first's commit (or deadlock with it over a row). It waits a moment, then goes on with what it knows."""
    store = Store.open(pg_url)

    def batch(start: int) -> list[Post]:
        return [Post(title=f"Post {n}", blocks=(Block("paragraph", "Nickel."),), url=f"https://example.com/{n}")
                for n in range(start, start + 1000)]

    with store.transaction() as first:
        upsert_posts(first, batch(0))
        PlannerStatistics(first).written(first, 1000)  # holds its lock until this transaction ends
        started = time.monotonic()
        with store.transaction() as second:
            second.exec_driver_sql("SET LOCAL statement_timeout = '20s'")  # the old way would wait for ever
            upsert_posts(second, batch(1000))
            PlannerStatistics(second).written(second, 1000)
            assert len(stored_hashes(second, [f"url:https://example.com/{n}" for n in range(1000, 1010)])) == 10
        waited = time.monotonic() - started
    with store.reading() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM post_rows").scalar_one() == 2000
    store.close()
    assert waited < 10, waited


def test_no_statement_of_an_ingest_walks_every_published_post(tmp_path: Path) -> None:
    """Each batch of an ingest asked which of its posts are published with the status in SQL, and SQLite
    answered by walking the status index over every published post: a third of an ingest's time by 700,000
    posts. No statement an ingest runs into a stored archive may walk that index or scan the posts or facts."""
    archive = open_archive(Settings(db=f"sqlite:///{tmp_path}/a.db", index_dir=str(tmp_path / "index")))
    store_file(archive, write_posts(tmp_path / "first.jsonl", 30))
    statements: list[tuple[str, Any]] = []

    def record(conn: object, cursor: object, statement: str, parameters: Any, *rest: object) -> None:
        if statement.lstrip().upper().startswith(("SELECT", "UPDATE", "DELETE")):
            statements.append((statement, parameters))

    event.listen(archive.store.engine, "before_cursor_execute", record)
    store_file(archive, write_posts(tmp_path / "second.jsonl", 60))  # the first 30 again, and 30 new
    event.remove(archive.store.engine, "before_cursor_execute", record)
    walks = []
    with archive.store.reading() as conn:
        for statement, parameters in statements:
            for row in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters):
                if re.search(r"INDEX ix_posts_status_\w+ \(status=\?\)$|^SCAN (?:posts|post_rows|fact_rows)$", row[3]):
                    walks.append((statement, row[3]))
    archive.close()
    assert len(statements) > 20 and not walks, walks


def test_a_sitemap_file_reads_its_id_range_not_every_published_post(tmp_path: Path) -> None:
    """A sitemap file of 50,000 addresses asked for published posts in its id range; SQLite walked the status
    index over every published post instead of reading the range by id."""
    stored = [Post(title=f"Post {n}", blocks=(Block("paragraph", "Nickel."),), url=f"https://example.com/{n}")
              for n in range(5)]
    plans = _plans(tmp_path, lambda conn: permalinks_between(conn, 2, 4), stored)
    assert any("USING INTEGER PRIMARY KEY (rowid>? AND rowid<?)" in step for step in plans), plans
    assert not [step for step in plans if "status" in step] + _sorts_or_scans(plans), plans
