"""The watch use cases /watch calls: what arrived since a reader's last visit, theirs alone."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from metalnomist.accounts.service import create_user
from metalnomist.errors import InvalidInput
from metalnomist.models import User
from metalnomist.pipeline import Archive, ingest_file
from metalnomist.publishing.service import move
from metalnomist.search.query import MAX_QUERY_CHARS
from metalnomist.store.facts import FactFilter
from metalnomist.store.schema import posts
from metalnomist.watches.service import (
    MAX_LABELS,
    save_facts_watch,
    save_search_watch,
    set_watch_deliveries,
    watch_news,
)
from tests.watches.conftest import PASSWORD, jsonl, post

BISMUTH = [post("Bismuth imports climb", "Japan imported 1,200 tonnes of bismuth in March 2024."),
           post("Bismuth output rises", "China produced 16,000 tonnes of bismuth in 2024.")]


def test_one_readers_visit_ends_only_their_own_news(archive: Archive, ana: User, tmp_path: Path) -> None:
    """Ben opening /watch must not mark as seen what arrived for Ana's watches."""
    ben = create_user(archive.store, "ben", PASSWORD, "editor")
    for reader in (ana, ben):
        save_search_watch(archive.store, reader, "bismuth", ())
    ingest_file(archive, jsonl(tmp_path, BISMUTH[:1]), "jsonl")
    assert [n.new_count for n in watch_news(archive.store, ben)] == [1]
    assert [n.new_count for n in watch_news(archive.store, ben)] == [0]
    [anas] = watch_news(archive.store, ana)
    assert (anas.new_count, [a.title for a in anas.new]) == (1, [BISMUTH[0]["title"]])


def test_a_post_unpublished_since_it_matched_is_neither_listed_nor_counted(archive: Archive, ana: User,
                                                                          tmp_path: Path) -> None:
    """The desk taking a post back takes it off /watch too: no title to a page that is gone, and
    no "2 new" above a list of one."""
    save_search_watch(archive.store, ana, "bismuth", ())
    ingest_file(archive, jsonl(tmp_path, BISMUTH), "jsonl")
    with archive.store.reading() as conn:
        taken_back = conn.execute(select(posts.c.id).where(posts.c.title == BISMUTH[1]["title"])).scalar_one()
    move(archive.store, ana, taken_back, "draft")
    [news] = watch_news(archive.store, ana)
    assert (news.new_count, [a.title for a in news.new]) == (1, [BISMUTH[0]["title"]])
    [again] = watch_news(archive.store, ana)
    assert (again.new_count, [a.title for a in again.earlier]) == (0, [BISMUTH[0]["title"]])


def test_a_watch_takes_words_and_labels_up_to_each_limit_and_not_past_it(archive: Archive, ana: User) -> None:
    """A search page offers "Watch this" for any query it answers (up to MAX_QUERY_CHARS): one at the limit is
    saved, as are MAX_LABELS labels; one character or label more is refused, naming the field."""
    words = " ".join(["nickel"] * 143)  # seven characters a word, less the last space
    assert len(words) == MAX_QUERY_CHARS
    save_search_watch(archive.store, ana, words, ())
    with pytest.raises(InvalidInput, match=f"{MAX_QUERY_CHARS + 1} characters") as too_long:
        save_search_watch(archive.store, ana, words + "s", ())
    labels = [f"Label {i}" for i in range(MAX_LABELS)]
    assert save_search_watch(archive.store, ana, "", labels).labels == tuple(labels)
    with pytest.raises(InvalidInput, match=f"at most {MAX_LABELS} labels") as too_many:
        save_search_watch(archive.store, ana, "", [*labels, "One more"])
    assert (too_long.value.field, too_many.value.field) == ("q", "label")
    assert len(watch_news(archive.store, ana)) == 2


def test_an_email_digest_is_daily_weekly_or_immediate_and_nothing_else(archive: Archive, ana: User) -> None:
    """An unknown choice would be stored and read as a weekly digest: the form's value is refused, naming the
    choices."""
    watch = save_search_watch(archive.store, ana, "bismuth", ())
    with pytest.raises(InvalidInput, match="choose one of immediately, daily, weekly") as refused:
        set_watch_deliveries(archive.store, archive.settings, ana, watch.id, "ana@example.com", "hourly", "")
    assert refused.value.field == "email_every"
    [news] = watch_news(archive.store, ana)
    assert (news.watch.email_to, news.watch.email_every, news.watch.channels()) == (None, None, ())


def test_a_facts_watch_follows_the_filter_not_the_one_post_it_was_narrowed_to(archive: Archive, ana: User) -> None:
    """One post's facts never change: a filter narrowed to a post, watched, would wait for news that cannot come."""
    watch = save_facts_watch(archive.store, ana, FactFilter(country="Japan", post_id=7, post="/2026/01/x.html"))
    assert watch.filters == (("country", "Japan"),)
