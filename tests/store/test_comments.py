"""Readers' comments as the rest of the site sees them (store/comments.py)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from metalnomist.errors import RateLimited
from metalnomist.models import Comment
from metalnomist.pipeline import Archive, moderate, post_comment
from metalnomist.search.service import SearchRequest, search
from metalnomist.store.comments import add_comment, list_comments, recent_by_client


def _count_in_results(archive: Archive, post_id: int) -> int:
    hits = search(archive.store, archive.index, SearchRequest("Japan", limit=50)).hits
    return next(hit.post.comment_count for hit in hits if hit.post.id == post_id)


def test_search_results_show_a_comment_the_moment_it_is_published(seeded: Archive) -> None:
    """A result is drawn from the card the index keeps: a published comment must reach it (through the change
    log), whether shown at once or approved later."""
    post_id = search(seeded.store, seeded.index, SearchRequest("Japan")).hits[0].post.id
    before = _count_in_results(seeded, post_id)
    post_comment(seeded, post_id, "Ann", "Shown at once.", client="10.0.0.1")
    assert _count_in_results(seeded, post_id) == before + 1
    seeded.settings = replace(seeded.settings, comment_moderation=True)
    held = post_comment(seeded, post_id, "Bob", "Held first.", client="10.0.0.2")
    assert _count_in_results(seeded, post_id) == before + 1
    assert moderate(seeded, [held.id or 0], approve=True) == []
    assert _count_in_results(seeded, post_id) == before + 2


def test_the_rate_limit_counts_each_clients_comments_alone(seeded: Archive) -> None:
    """Guards whose comments the hourly limit counts: a client at its limit is refused, another client is
    not (counting every client's comments held the whole site to one reader's allowance)."""
    seeded.settings = replace(seeded.settings, comment_rate_per_hour=1)
    post_comment(seeded, 1, "Ann", "First.", client="10.0.0.1")
    with pytest.raises(RateLimited):
        post_comment(seeded, 1, "Ann", "Second.", client="10.0.0.1")
    assert post_comment(seeded, 1, "Bob", "Mine.", client="10.0.0.2").author == "Bob"


def test_a_held_comment_is_listed_for_moderators_only(seeded: Archive) -> None:
    seeded.settings = replace(seeded.settings, comment_moderation=True)
    held = post_comment(seeded, 1, "Bob", "Held first.", client="10.0.0.2")
    with seeded.store.reading() as conn:
        assert list_comments(conn, 1) == []
        assert [c.id for c in list_comments(conn, 1, include_pending=True)] == [held.id]


def test_comments_are_listed_oldest_first_by_when_they_were_written(seeded: Archive) -> None:
    """Ordered by time, not by id: an import may store an older comment after a newer one."""
    now = datetime.now(UTC)
    with seeded.store.transaction() as conn:
        for minutes, body in [(1, "Later."), (5, "Earlier."), (1, "Later still, same minute.")]:
            add_comment(conn, Comment(author="Ann", body=body, published=now - timedelta(minutes=minutes), post_id=1),
                        "client")
    with seeded.store.reading() as conn:
        assert [c.body for c in list_comments(conn, 1)] == ["Earlier.", "Later.", "Later still, same minute."]


def test_the_rate_limit_counts_only_the_last_hours_comments(seeded: Archive) -> None:
    now = datetime.now(UTC)
    with seeded.store.transaction() as conn:
        for minutes in (61, 120):
            add_comment(conn, Comment(author="Ann", body="Old.", published=now - timedelta(minutes=minutes),
                                      post_id=1), "fingerprint")
        assert recent_by_client(conn, "fingerprint", now - timedelta(hours=1)) == 0
        add_comment(conn, Comment(author="Ann", body="New.", published=now - timedelta(minutes=59), post_id=1),
                    "fingerprint")
        assert recent_by_client(conn, "fingerprint", now - timedelta(hours=1)) == 1


def test_search_results_drop_a_comment_the_moment_it_is_removed(seeded: Archive) -> None:
    post_id = search(seeded.store, seeded.index, SearchRequest("Japan")).hits[0].post.id
    before = _count_in_results(seeded, post_id)
    shown = post_comment(seeded, post_id, "Ann", "Shown at once.", client="10.0.0.1")
    assert _count_in_results(seeded, post_id) == before + 1
    assert moderate(seeded, [shown.id or 0], approve=False) == []
    assert _count_in_results(seeded, post_id) == before
