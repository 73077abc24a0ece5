"""The menus: what a typed start finds, in which order, and how many; and when they are recounted."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import text

from metalnomist.analysis.menus import Choice, MenuCache, Menus, PrefixIndex, search_key
from metalnomist.config import Settings
from metalnomist.models import Block, Fact, Post
from metalnomist.pipeline import Archive, open_archive
from metalnomist.store.facts import replace_facts
from metalnomist.store.posts import upsert_post

# Most reported first, as the store counts them.
COMPANIES = PrefixIndex((name, name) for name in
                        ["Rio Tinto", "BHP", "Glencore", "Anglo American", "Tinto Holdings", "rio algom",
                         "Jiangxi Copper", "Sumitomo Metal Mining", "Vale S.A.", "Hyundai-Steel", "Oz (Minerals)"])


@pytest.mark.parametrize(("typed", "expected"), [
    ("rio", ["rio algom", "Rio Tinto"]),  # by name once found, whatever the case stored
    ("RIO T", ["Rio Tinto"]),  # any case typed; the space is part of the start
    ("tin", ["Rio Tinto", "Tinto Holdings"]),  # a later word starts it too: one entry per value
    ("  rio   tinto ", ["Rio Tinto"]),  # spaces as the store's names have them
    ("steel", ["Hyundai-Steel"]),  # after a hyphen a new word starts
    ("minerals", ["Oz (Minerals)"]),  # and after a parenthesis
    ("into", []),  # inside a word is not a start
    ("mining", ["Sumitomo Metal Mining"]),
    ("%", []),  # text is data: no wildcard
    ("zzz", []),
])
def test_find_by_the_start_of_any_word(typed: str, expected: list[str]) -> None:
    assert COMPANIES.find(typed, 10) == expected


def test_find_without_text_gives_the_most_reported() -> None:
    assert COMPANIES.find("", 3) == ["Rio Tinto", "BHP", "Glencore"] == list(COMPANIES.top(3))
    assert COMPANIES.find("   ", 2) == ["Rio Tinto", "BHP"]


def test_find_stops_at_the_limit_in_name_order() -> None:
    many = PrefixIndex((f"Company {n:04}", n) for n in range(2000))
    assert many.find("company 01", 3) == [100, 101, 102]
    assert len(many) == 2000 and many.find("c", 50) == list(range(50))


def test_metric_names_are_typed_with_spaces() -> None:
    metrics = PrefixIndex((m, m) for m in ["market_share", "imports", "price"])
    assert metrics.find("market s", 5) == ["market_share"] and metrics.find("share", 5) == ["market_share"]
    assert search_key(" Market_Share ") == "market share"


def test_kept_menus_come_back_with_every_count(seeded: Archive) -> None:
    """A restarted site serves the menus it kept (Menus.as_json): each value's facts and each series' periods
    come back as counted, not only the names."""
    with seeded.store.reading() as conn:
        menus = Menus.count(conn)
    again = Menus.from_json(json.loads(json.dumps(menus.as_json())))
    assert again.series.ranked == menus.series.ranked and any(key.points > 2 for key in again.series.ranked)
    assert {name: index.ranked for name, index in again.choices.items()} == {
        name: index.ranked for name, index in menus.choices.items()}


def _store_companies(archive: Archive, title: str, *companies: str) -> None:
    post = Post(title=title, blocks=(Block("paragraph", title),), published=datetime(2024, 1, 1, tzinfo=UTC))
    with archive.store.transaction() as conn:
        post_id, _ = upsert_post(conn, post)
        replace_facts(conn, {post_id: [Fact(post=title, sentence=title, metric="production", company=c)
                                       for c in companies]})


def _companies(menus: Menus, typed: str) -> list[str]:
    return [choice.value for choice in menus.choices["company"].find(typed, 10)]


def test_menus_follow_each_change_to_the_facts(archive: Archive) -> None:
    cache = MenuCache(archive.store)
    _store_companies(archive, "First", "Alpha Mining")
    assert _companies(cache.get(), "alp") == ["Alpha Mining"]
    _store_companies(archive, "Second", "Beta Metals", "Alpha Mining")
    menus = cache.get()
    assert _companies(menus, "bet") == ["Beta Metals"] and menus.choices["company"].top(1) == (
        Choice("Alpha Mining", 2),)


def _locked_for(archive: Archive, seconds: float, then: Callable[[], Menus]) -> Menus:
    """`then`'s menus, asked while every fact is locked against reading for `seconds` (PostgreSQL)."""
    with archive.store.engine.connect() as blocker, blocker.begin():
        blocker.execute(text("LOCK TABLE fact_rows IN ACCESS EXCLUSIVE MODE"))
        release = threading.Timer(seconds, blocker.rollback)
        release.start()
        menus = then()
        release.join()
    return menus


def test_the_first_reader_waits_for_the_first_count_however_long(pg_url: str, tmp_path: Path) -> None:
    """Empty menus would say the archive names nothing: before any count ends, a reader waits for one."""
    archive = open_archive(Settings(db=pg_url, index_dir=str(tmp_path / "index"), secret_key="test"))
    try:
        _store_companies(archive, "First", "Alpha Mining")
        first = _locked_for(archive, 1.0, MenuCache(archive.store, wait_seconds=0.1).get)
        assert _companies(first, "alp") == ["Alpha Mining"]
    finally:
        archive.close()


def test_a_reader_does_not_wait_for_a_recount_that_cannot_finish(pg_url: str, tmp_path: Path) -> None:
    """While the facts are locked (a long count at a million posts stands in), the last menus are served.

    PostgreSQL only: a lock that stops a reader is what makes the count wait here; SQLite's WAL never does.
    """
    archive = open_archive(Settings(db=pg_url, index_dir=str(tmp_path / "index"), secret_key="test"))
    try:
        cache = MenuCache(archive.store, wait_seconds=0.2)
        _store_companies(archive, "First", "Alpha Mining")
        assert _companies(cache.get(), "alp") == ["Alpha Mining"]
        _store_companies(archive, "Second", "Beta Metals")
        stale = _locked_for(archive, 5.0, cache.get)  # a reader waiting for the count would see Beta
        assert _companies(stale, "alp") == ["Alpha Mining"] and _companies(stale, "bet") == []
        deadline = time.monotonic() + 30
        while not _companies(cache.get(), "bet") and time.monotonic() < deadline:
            time.sleep(0.1)
        assert _companies(cache.get(), "bet") == ["Beta Metals"]  # the count went on once the lock was gone
    finally:
        archive.close()
