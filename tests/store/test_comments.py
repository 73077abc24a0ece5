"""Readers' comments as the rest of the site sees them (store/comments.py)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from metalnomist.errors import RateLimited
from metalnomist.pipeline import Archive, moderate, post_comment
from metalnomist.search.service import SearchRequest, search


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
