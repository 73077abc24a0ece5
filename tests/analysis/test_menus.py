"""The menus' prefix index: what a typed start finds, in which order, and how many."""

from __future__ import annotations

import pytest

from metalnomist.analysis.menus import PrefixIndex, search_key

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
