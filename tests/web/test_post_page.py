"""A post page as a reader meets it: its facts list, where it came from, related posts, the comment form."""

from __future__ import annotations

from tests.web.conftest import Site, html, select, text_of

PALLADIUM = "Japan’s Imports of Russian Palladium"


def test_facts_in_a_post_are_told_apart_by_partner_and_country(site: Site) -> None:
    doc = html(site.client.get(site.permalink(PALLADIUM)))
    items = [text_of(w) for w in select(doc, ".post-fact-list .pf-what")]
    assert "imports · palladium · Japan · partner Russia · 2022" in items
    assert "imports · palladium · Japan · partner United States · 2022" in items
    assert len(set(items)) == len(items)  # no two entries read the same
    assert [text_of(n) for n in select(doc, ".post-fact-list .pf-n")][:3] == ["1.", "2.", "3."]
