"""The explorer's menu counts (store/fact_counts.py): each stored value once, most reported first, on both
databases."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from metalnomist.models import Block, Fact, Post
from metalnomist.pipeline import Archive
from metalnomist.store.fact_counts import value_counts
from metalnomist.store.facts import replace_facts
from metalnomist.store.posts import upsert_post

BASE = Fact(post="", sentence="s", metric="output", value=1.0, unit="t", commodity="copper")
# Stored out of name order, so that neither the order written nor a hash decides the ties.
COMPANIES = ["Vale", "Rio Tinto", "BHP", "Vale", "Zijin", "Anglo American", "Glencore", "Codelco", "Antofagasta",
             "Freeport", "Teck", "Vale", "Southern Copper", "Rio Tinto", "Jiangxi Copper", "KGHM", None, None, None,
             None]


def test_values_come_most_reported_first_then_by_name_without_unknowns(archive: Archive) -> None:
    """A menu lists the values worth choosing first, ties in an order that does not move between requests;
    facts without the value are no entry (not a `None` to choose)."""
    with archive.store.transaction() as conn:
        post_id, _ = upsert_post(conn, Post(title="Miners", blocks=(Block("paragraph", "p"),),
                                            published=datetime(2024, 3, 1, tzinfo=UTC)))
        replace_facts(conn, {post_id: [replace(BASE, company=c, sentence_start=n) for n, c in enumerate(COMPANIES)]})
    with archive.store.reading() as conn:
        counted = value_counts(conn, "company")
    once = sorted(c for c in set(COMPANIES) - {"Vale", "Rio Tinto", None} if c)
    assert counted == [("Vale", 3), ("Rio Tinto", 2), *((c, 1) for c in once)]


def test_only_a_filter_column_is_counted(archive: Archive) -> None:
    with archive.store.reading() as conn, pytest.raises(ValueError, match="'sentence' is not a filter column"):
        value_counts(conn, "sentence")
