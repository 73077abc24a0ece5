"""Disputed figures stay right when their facts change at once in two places, and when an ingest is
killed after publishing (store/contradictions.py, store/ingests.py)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from fastapi.testclient import TestClient

from metalnomist.analysis.contradictions import contradictions
from metalnomist.config import Settings
from metalnomist.extract import extract_facts
from metalnomist.ingest import read_posts
from metalnomist.models import Fact
from metalnomist.pipeline import Archive, find_facts, ingest_file, open_archive
from metalnomist.store.contradictions import hold_disputes, series_key, settle, settling_due
from metalnomist.store.facts import FactFilter, replace_facts
from metalnomist.store.ingests import begin_ingest, publish_ingest, write_hidden
from metalnomist.web.app import create_app
from tests.hostile.test_locks_steps import nickel, write_lines


def _disputed(archive: Archive) -> set[tuple[float | None, float | None]]:
    with archive.store.reading() as conn:
        listed, _ = contradictions(conn)
    return {(pair.first.value, pair.second.value) for pair in listed}


def _nickel_posts(archive: Archive, tmp_path: Path, tonnes: list[str]) -> dict[str, int]:
    """Posts First, Second, … reporting one figure; their ids by title."""
    titles = ["First", "Second", "Third", "Fourth"][:len(tonnes)]
    ingest_file(archive, write_lines(tmp_path / "n.jsonl", [nickel(t, v) for t, v in zip(titles, tonnes, strict=True)]))
    return {title: find_facts(archive, FactFilter(post=title))[0][0].post_id or 0 for title in titles}


def _save_meanwhile(archive: Archive, post_id: int, fact: Fact) -> Callable[[], list[BaseException]]:
    """A desk save of the post's facts in a thread of its own, under way when this returns; the call
    returned waits for it to end and gives what it raised."""
    failed: list[BaseException] = []

    def save() -> None:
        try:
            with archive.store.transaction() as conn:
                replace_facts(conn, {post_id: [fact]})
        except BaseException as exc:
            failed.append(exc)

    saving = threading.Thread(target=save)
    saving.start()
    time.sleep(0.5)  # under way (waiting for the caller's transaction, on either database)

    def ended() -> list[BaseException]:
        saving.join(30)
        return failed if not saving.is_alive() else [TimeoutError("the save never ended")]
    return ended


def test_two_saves_changing_one_figure_at_once_both_land_and_it_is_settled_from_both(
        archive: Archive, tmp_path: Path) -> None:
    """Each settles the figure in its own transaction; the second to commit must see the first's facts,
    and must not trip over the dispute row the first wrote (on PostgreSQL the second waited for the first,
    then failed on the figure's key, or kept a pair that left out the first's fact)."""
    ids = _nickel_posts(archive, tmp_path, ["12,000", "12,000", "12,000", "12,000"])
    (fact,) = find_facts(archive, FactFilter(post="First"))[0]
    assert _disputed(archive) == set()
    with archive.store.transaction() as conn:
        replace_facts(conn, {ids["Second"]: [replace(fact, value=9000.0)]})
        # First: not in the pair this save wrote (Second's and Fourth's facts), whose rows the other
        # would otherwise have waited for
        other = _save_meanwhile(archive, ids["First"], replace(fact, value=15000.0))
    assert other() == []
    assert _disputed(archive) == {(15000.0, 9000.0)}  # listed in the order of their posts


def test_a_save_waits_for_a_settler_before_touching_the_facts_it_may_be_reading(
        archive: Archive, tmp_path: Path) -> None:
    """A settler (after an ingest) pairs the figure's extremes, one of them a fact a save is replacing.
    Had the save deleted that fact before waiting its turn, each would wait for the other: PostgreSQL
    ends such a deadlock by failing one of them."""
    ids = _nickel_posts(archive, tmp_path, ["12,000", "12,000", "14,000"])
    (fact,) = find_facts(archive, FactFilter(post="Third"))[0]
    with archive.store.transaction() as conn:
        hold_disputes(conn)
        saving = _save_meanwhile(archive, ids["Third"], replace(fact, value=9000.0))
        settle(conn, [series_key(fact) or ""])
    assert saving() == []
    assert _disputed(archive) == {(12000.0, 9000.0)}  # listed in the order of their posts


def test_a_running_site_settles_what_an_ingest_killed_after_publishing_left(tmp_path: Path) -> None:
    """No later ingest need come: the site finishes the leftovers within moments of starting."""
    settings = Settings(db=f"sqlite:///{tmp_path}/a.db", index_dir=str(tmp_path / "index"), secret_key="test")
    archive = open_archive(settings)
    _nickel_posts(archive, tmp_path, ["12,000", "12,000"])
    (changed,) = read_posts(write_lines(tmp_path / "b.jsonl", [nickel("Second", "14,000")]))
    ingest = begin_ingest(archive.store)
    with archive.store.transaction() as conn:
        write_hidden(conn, ingest, [changed], {0: extract_facts(changed)}, extract_facts)
    with archive.store.transaction() as conn:
        publish_ingest(conn, ingest)  # and the process is killed here, before clearing and settling
    assert _disputed(archive) == set()
    with TestClient(create_app(settings, archive, schedule_seconds=0.1)):
        deadline = time.monotonic() + 20
        while _disputed(archive) != {(12000.0, 14000.0)} and time.monotonic() < deadline:
            time.sleep(0.1)
    assert _disputed(archive) == {(12000.0, 14000.0)}
    archive.close()


def test_a_figure_taken_out_of_a_post_is_settled_again_from_the_reports_left(tmp_path: Path) -> None:
    """A save that drops a post's figure must settle the figure it no longer reports: the widest pair lost
    one of its facts, and the next widest is the dispute now (not none, not the pair that was)."""
    archive = open_archive(Settings(db=f"sqlite:///{tmp_path}/a.db", index_dir=str(tmp_path / "index")))
    ids = _nickel_posts(archive, tmp_path, ["12,000", "13,500", "15,000"])
    assert _disputed(archive) == {(12000, 15000)}
    with archive.store.transaction() as conn:
        replace_facts(conn, {ids["Third"]: []})
    assert _disputed(archive) == {(12000, 13500)}
    archive.close()


def test_a_running_ingests_figures_are_due_to_be_settled_only_once_it_publishes(tmp_path: Path) -> None:
    """The site's finisher settles what is due: a running ingest's queued figures are not yet (their facts are
    hidden with it), so until the file is published there is nothing for it to do."""
    archive = open_archive(Settings(db=f"sqlite:///{tmp_path}/a.db", index_dir=str(tmp_path / "index")))
    lines = [nickel("First", "12,000"), nickel("Second", "13,500")]
    changed = list(read_posts(write_lines(tmp_path / "a.jsonl", lines)))
    ingest = begin_ingest(archive.store)
    with archive.store.transaction() as conn:
        write_hidden(conn, ingest, changed, {i: extract_facts(post) for i, post in enumerate(changed)}, extract_facts)
        assert not settling_due(conn)
        publish_ingest(conn, ingest)
        assert settling_due(conn)
    archive.close()
