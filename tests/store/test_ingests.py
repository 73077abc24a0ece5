"""An ingest's hidden rows: a changed post's new version shows the moment its ingest is published, with
nothing of the old one left in sight, before the leftovers are even cleared (store/ingests.py)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, update

from metalnomist.analysis.contradictions import contradictions
from metalnomist.browse import latest_posts
from metalnomist.config import Settings
from metalnomist.errors import IngestError
from metalnomist.extract import extract_facts
from metalnomist.ingest import read_posts
from metalnomist.pipeline import Archive, find_facts, get_post, ingest_file, open_archive, reextract
from metalnomist.store.contradictions import count_disputes, settle_disputes, settling_due
from metalnomist.store.facts import FactFilter
from metalnomist.store.ingests import (
    begin_ingest,
    clear_published,
    discard_abandoned,
    discard_ingest,
    publish_ingest,
    published_unfinished,
    write_hidden,
)
from metalnomist.store.schema import ingests
from tests.hostile.test_locks_steps import nickel, raw, write_lines


def copper(title: str, tonnes: str) -> str:
    return json.dumps({"title": title, "url": f"https://x/{title}", "published": "2024-04-20",
                       "body": f"Japan imported {tonnes} tonnes of copper in March 2024, the Finance Ministry said."})


def test_publishing_shows_new_versions_at_once_and_hides_what_they_replace(tmp_path: Path) -> None:
    archive = open_archive(Settings(db=f"sqlite:///{tmp_path}/a.db", index_dir=str(tmp_path / "index")))
    ingest_file(archive, write_lines(tmp_path / "a.jsonl", [nickel("First", "12,000"), nickel("Second", "13,500")]))
    store, db = archive.store, tmp_path / "a.db"
    (changed,) = read_posts(write_lines(tmp_path / "b.jsonl", [nickel("Second", "14,000")]))

    def shown() -> tuple[list[float | None], set[tuple[float | None, float | None]]]:
        values = [fact.value for fact in find_facts(archive, FactFilter(post="Second"))[0]]
        with store.reading() as conn:
            listed, counted = contradictions(conn)
            assert counted == count_disputes(conn) == len(listed)
            return values, {(pair.first.value, pair.second.value) for pair in listed}

    ingest = begin_ingest(store)
    with store.transaction() as conn:
        (written,), _ = write_hidden(conn, ingest, [changed], {0: extract_facts(changed)}, extract_facts)
    assert written.placed == "updated"
    assert shown() == ([13500], {(12000, 13500)})  # written, not shown
    with store.transaction() as conn:
        publish_ingest(conn, ingest)
    # Shown whole, the old fact hidden and with it the dispute it was in; the figure is settled next.
    assert shown() == ([14000], set())
    assert raw(db, "SELECT count(*) FROM fact_rows") == raw(db, "SELECT count(*) FROM facts") + 1
    assert raw(db, "SELECT count(*) FROM post_rows") == 3  # the emptied stand-in, never shown
    clear_published(store)
    assert shown() == ([14000], {(12000, 14000)})
    assert raw(db, "SELECT count(*) FROM dispute_queue") == 0
    assert raw(db, "SELECT count(*) FROM fact_rows") == raw(db, "SELECT count(*) FROM facts")
    assert raw(db, "SELECT count(*) FROM post_rows") == 2
    archive.close()


def test_a_discarded_ingest_leaves_every_old_fact_and_dispute_shown(tmp_path: Path) -> None:
    archive = open_archive(Settings(db=f"sqlite:///{tmp_path}/a.db", index_dir=str(tmp_path / "index")))
    ingest_file(archive, write_lines(tmp_path / "a.jsonl", [nickel("First", "12,000"), nickel("Second", "13,500")]))
    store, db = archive.store, tmp_path / "a.db"
    lines = [nickel("First", "12,500"), nickel("Second", "14,000")]
    changed = list(read_posts(write_lines(tmp_path / "b.jsonl", lines)))
    ingest = begin_ingest(store)
    with store.transaction() as conn:
        write_hidden(conn, ingest, changed, {i: extract_facts(post) for i, post in enumerate(changed)}, extract_facts)
    assert raw(db, f"SELECT count(*) FROM dispute_queue WHERE batch = {ingest}") == 1
    discard_ingest(store, ingest)
    with store.reading() as conn:
        listed, counted = contradictions(conn)
        assert counted == count_disputes(conn) == 1
    assert {(pair.first.value, pair.second.value) for pair in listed} == {(12000, 13500)}
    assert sorted(fact.value for fact in find_facts(archive, FactFilter(commodity="nickel"))[0]) == [12000, 13500]
    for table in ("fact_rows", "dispute_queue", "post_rows"):
        assert raw(db, f"SELECT count(*) FROM {table} WHERE batch IS NOT NULL AND batch = {ingest}") == 0, table
    assert raw(db, "SELECT count(*) FROM fact_rows WHERE retired IS NOT NULL") == 0
    archive.close()


def test_looking_for_what_published_ingests_left_reads_indexes_not_every_post_or_fact(tmp_path: Path) -> None:
    """A running site asks every few seconds, and every ingest twice: a scan is seconds at a million posts."""
    archive = open_archive(Settings(db=f"sqlite:///{tmp_path}/a.db", index_dir=str(tmp_path / "index")))
    ingest_file(archive, write_lines(tmp_path / "a.jsonl", [nickel("First", "12,000"), nickel("Second", "13,500")]))
    statements: list[tuple[str, Any]] = []

    def record(conn: object, cursor: object, statement: str, parameters: Any, *rest: object) -> None:
        statements.append((statement, parameters))

    event.listen(archive.store.engine, "before_cursor_execute", record)
    with archive.store.reading() as conn:
        assert not published_unfinished(conn)
    clear_published(archive.store)
    event.remove(archive.store.engine, "before_cursor_execute", record)
    scans = []
    with archive.store.reading() as conn:
        for statement, parameters in statements:
            if statement.lstrip().upper().startswith(("SELECT", "DELETE", "UPDATE")):
                plan = [row[3] for row in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters)]
                scans += [(statement, step) for step in plan if re.fullmatch(r"SCAN (post_rows|fact_rows)", step)]
    assert len(statements) >= 4 and scans == []
    archive.close()


def _second_being_replaced(tmp_path: Path) -> tuple[Archive, int]:
    """Two stored posts with a figure each, and a running ingest that has written a new figure for the second."""
    archive = open_archive(Settings(db=f"sqlite:///{tmp_path}/a.db", index_dir=str(tmp_path / "index")))
    ingest_file(archive, write_lines(tmp_path / "a.jsonl", [nickel("First", "12,000"), nickel("Second", "13,500")]))
    (changed,) = read_posts(write_lines(tmp_path / "b.jsonl", [nickel("Second", "14,000")]))
    ingest = begin_ingest(archive.store)
    with archive.store.transaction() as conn:
        write_hidden(conn, ingest, [changed], {0: extract_facts(changed)}, extract_facts)
    return archive, ingest


def test_reextract_reaches_a_post_whose_published_ingest_left_its_emptied_stand_in(tmp_path: Path) -> None:
    """An ingest stopped between publishing and clearing leaves stand-ins no running ingest owns: the post is
    no longer being replaced, and a re-extraction must not skip it."""
    archive, ingest = _second_being_replaced(tmp_path)
    with archive.store.transaction() as conn:
        publish_ingest(conn, ingest)  # and stopped before clear_published
    assert raw(tmp_path / "a.db", "SELECT count(*) FROM post_rows WHERE replaces IS NOT NULL") == 1
    assert reextract(archive) == 2  # one figure from each post
    archive.close()


def seconds_figures_once_published(archive: Archive, ingest: int) -> list[float | None]:
    """The second post's figures after the running ingest publishes (and its replaced versions are cleared)."""
    with archive.store.transaction() as conn:
        publish_ingest(conn, ingest)
    clear_published(archive.store)
    return [fact.value for fact in find_facts(archive, FactFilter(post="Second"))[0]]


def test_reextract_leaves_a_post_a_running_ingest_is_replacing_to_that_ingest(tmp_path: Path) -> None:
    """Its new facts wait hidden with the ingest: re-extracting the stored words meanwhile must not put the
    old figure back over them."""
    archive, ingest = _second_being_replaced(tmp_path)
    assert reextract(archive) == 1  # the first post's figure; the second is the ingest's
    assert seconds_figures_once_published(archive, ingest) == [14000]
    archive.close()


def test_a_post_another_running_ingest_is_changing_is_refused_and_its_version_kept(tmp_path: Path) -> None:
    """A stored post with a hidden new version from a running ingest is that ingest's: a second file changing it
    must be refused as busy, not write a second stand-in that one publishing would put over the other's."""
    archive, ingest = _second_being_replaced(tmp_path)
    with pytest.raises(IngestError, match=r"post 'Second' is being stored by another ingest"):
        ingest_file(archive, write_lines(tmp_path / "c.jsonl", [nickel("Second", "15,000")]))
    assert raw(tmp_path / "a.db", "SELECT count(*) FROM post_rows WHERE replaces IS NOT NULL") == 1
    assert seconds_figures_once_published(archive, ingest) == [14000]
    archive.close()


def test_publishing_one_ingest_leaves_another_running_ingests_new_versions_hidden(tmp_path: Path) -> None:
    """Publishing moves the stand-ins of its own ingest only: a file that finishes while another is still
    being written must not show that other file's new words."""
    archive, ingest = _second_being_replaced(tmp_path)
    stored = {post.title: post for post in latest_posts(archive, 0, 10)[0]}
    assert ingest_file(archive, write_lines(tmp_path / "c.jsonl", [nickel("First", "12,500")])).updated == 1
    shown = {post.title: post for post in latest_posts(archive, 0, 10)[0]}
    assert "12,500" in shown["First"].body
    assert shown["Second"].body == stored["Second"].body
    with archive.store.transaction() as conn:
        publish_ingest(conn, ingest)
    assert "14,000" in get_post(archive, shown["Second"].id or 0).body
    archive.close()


def test_a_post_changed_again_before_the_last_ingest_was_cleared_keeps_its_oldest_figure_hidden(
        tmp_path: Path) -> None:
    """An ingest stopped between publishing and clearing leaves the facts it retired in place, hidden. A
    later ingest changing the post again retires only the facts shown: taking those over as its own would
    show the oldest figure while it runs, and for good once it is discarded."""
    archive, ingest = _second_being_replaced(tmp_path)
    with archive.store.transaction() as conn:
        publish_ingest(conn, ingest)  # and stopped before clear_published: 13,500 hidden, not yet deleted

    def figures() -> list[float | None]:
        return [fact.value for fact in find_facts(archive, FactFilter(post="Second"))[0]]

    (again,) = read_posts(write_lines(tmp_path / "c.jsonl", [nickel("Second", "15,000")]))
    later = begin_ingest(archive.store)
    with archive.store.transaction() as conn:
        write_hidden(conn, later, [again], {0: extract_facts(again)}, extract_facts)
    assert figures() == [14000]
    discard_ingest(archive.store, later)
    assert figures() == [14000]
    archive.close()


def _figures(archive: Archive, title: str) -> list[float | None]:
    return [fact.value for fact in find_facts(archive, FactFilter(post=title))[0]]


def _disputed(archive: Archive) -> set[tuple[float | None, float | None]]:
    with archive.store.reading() as conn:
        return {(pair.first.value, pair.second.value) for pair in contradictions(conn)[0]}


def test_an_ingest_finishing_beside_a_running_one_leaves_what_that_one_retired(tmp_path: Path) -> None:
    """The facts a running ingest retires are shown until it publishes, and again if it is discarded: another
    ingest clearing its own leftovers (and settling its own figures) must neither delete them nor drop
    the disputes they are in."""
    archive, ingest = _second_being_replaced(tmp_path)  # Second's 13,500 retired for 14,000, not yet shown
    assert ingest_file(archive, write_lines(tmp_path / "c.jsonl", [copper("Third", "5,000")])).added == 1
    assert _figures(archive, "Second") == [13500]
    assert _disputed(archive) == {(12000, 13500)}
    discard_ingest(archive.store, ingest)
    assert _figures(archive, "Second") == [13500]
    assert _disputed(archive) == {(12000, 13500)}
    archive.close()


def test_a_post_an_ingest_published_and_left_uncleared_is_the_next_files_to_change(tmp_path: Path) -> None:
    """A published ingest's emptied stand-in belongs to no running ingest: the post is not busy."""
    archive, ingest = _second_being_replaced(tmp_path)
    with archive.store.transaction() as conn:
        publish_ingest(conn, ingest)  # and stopped before clear_published
    (again,) = read_posts(write_lines(tmp_path / "c.jsonl", [nickel("Second", "15,000")]))
    later = begin_ingest(archive.store)
    with archive.store.transaction() as conn:
        (written,), _ = write_hidden(conn, later, [again], {0: extract_facts(again)}, extract_facts)
        publish_ingest(conn, later)
    clear_published(archive.store)
    assert written.placed == "updated"
    assert _figures(archive, "Second") == [15000]
    archive.close()


def test_figures_settled_a_few_at_a_time_are_each_settled_once_their_turn_comes(tmp_path: Path) -> None:
    """Settling takes a limited number of queued figures per transaction: the rest stay queued for the
    next one, not dropped with the first's."""
    archive = open_archive(Settings(db=f"sqlite:///{tmp_path}/a.db", index_dir=str(tmp_path / "index")))
    lines = [nickel("First", "12,000"), nickel("Second", "13,500"), copper("Third", "5,000"), copper("Fourth", "6,000")]
    ingest_file(archive, write_lines(tmp_path / "a.jsonl", lines))
    assert _disputed(archive) == {(12000, 13500), (5000, 6000)}
    changed = list(read_posts(write_lines(tmp_path / "b.jsonl", [nickel("Second", "14,000"),
                                                                 copper("Fourth", "7,000")])))
    ingest = begin_ingest(archive.store)
    with archive.store.transaction() as conn:
        write_hidden(conn, ingest, changed, {i: extract_facts(post) for i, post in enumerate(changed)}, extract_facts)
        publish_ingest(conn, ingest)
    with archive.store.transaction() as conn:
        assert settle_disputes(conn, limit=1) == 1
        assert settling_due(conn)
    clear_published(archive.store)
    assert _disputed(archive) == {(12000, 14000), (5000, 7000)}
    archive.close()


def test_an_ingest_running_on_another_machine_is_never_taken_back_from_here(tmp_path: Path) -> None:
    """Its process number means nothing on this machine, where no such process may be running: only the
    machine it runs on can tell it was killed."""
    archive, ingest = _second_being_replaced(tmp_path)
    finished = subprocess.Popen([sys.executable, "-c", "pass"])
    finished.wait()  # a number no process of this machine has now
    with archive.store.transaction() as conn:
        conn.execute(update(ingests).where(ingests.c.id == ingest).values(host="another-machine", pid=finished.pid))
    assert discard_abandoned(archive.store) == []
    assert seconds_figures_once_published(archive, ingest) == [14000]
    archive.close()
