"""The watch use cases /watch calls: what arrived since a reader's last visit, theirs alone."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from metalnomist.accounts.service import create_user
from metalnomist.models import User
from metalnomist.pipeline import Archive, ingest_file
from metalnomist.publishing.service import move
from metalnomist.store.schema import posts
from metalnomist.watches.service import save_search_watch, watch_news
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
