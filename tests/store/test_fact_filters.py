"""Commodity filters that understand commodities, and empty results that say why — on both databases."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from metalnomist.models import Block, Fact, Post
from metalnomist.pipeline import Archive, explain_no_facts
from metalnomist.store.facts import FactFilter, query_facts, replace_facts
from metalnomist.store.posts import upsert_post

COMMODITIES = [
    "lithium carbonate",
    "Battery-grade lithium hydroxide",
    "spodumene",
    "lithium",
    "copper",
    "aluminium",
    "bauxite",
    "lithium-ion batteries",
]


def _stock(archive: Archive) -> None:
    fact = Fact(post="P", sentence="s", metric="imports", value=1.0, unit="t", sentence_start=0)
    post = Post(title="P", blocks=(Block("paragraph", "s"),), published=datetime(2024, 3, 1, tzinfo=UTC))
    with archive.store.transaction() as conn:
        post_id, _ = upsert_post(conn, post)
        replace_facts(conn, {post_id: [replace(fact, commodity=c, value=float(i)) for i, c in enumerate(COMMODITIES)]})


def _commodities(archive: Archive, wanted: str) -> list[str]:
    with archive.store.reading() as conn:
        found, total = query_facts(conn, FactFilter(commodity=wanted))
    assert total == len(found)
    return sorted(f.commodity or "" for f in found)


def test_a_commodity_finds_its_products_and_family(archive: Archive) -> None:
    _stock(archive)
    assert _commodities(archive, "Lithium") == sorted(
        ["lithium carbonate", "Battery-grade lithium hydroxide", "spodumene", "lithium", "lithium-ion batteries"]
    )
    assert _commodities(archive, "aluminum") == ["aluminium", "bauxite"]  # US spelling, and the ore
    assert _commodities(archive, "lithium carbonate") == ["lithium carbonate"]  # a product stays narrow
    assert _commodities(archive, "lithium hydroxide") == ["Battery-grade lithium hydroxide"]  # last words count
    assert _commodities(archive, "lith") == []  # words, not fragments


def test_an_empty_result_names_the_filter_and_the_nearest_names(archive: Archive) -> None:
    _stock(archive)
    (problem,) = explain_no_facts(archive, FactFilter(commodity="lithum", metric="imports"))
    assert (problem.field, problem.value) == ("commodity", "lithum")
    assert problem.nearest[0] == "lithium" and "no fact has commodity 'lithum'; nearest: lithium" in problem.message
    assert explain_no_facts(archive, FactFilter(commodity="copper", metric="imports")) == []
