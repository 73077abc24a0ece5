"""What readers browse (metalnomist/browse.py) beyond the pages' own tests: the labels offered beside a
search that found nothing, as a case table; a listing's total, related posts and the sitemap's ranges."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

import pytest

from metalnomist.browse import latest_posts, related_posts, similar_labels, sitemap_range
from metalnomist.config import Settings
from metalnomist.models import Block, Post
from metalnomist.pipeline import Archive, open_archive
from metalnomist.recount import Recounted
from metalnomist.search.service import catch_up
from metalnomist.store.changes import last_seq
from metalnomist.store.posts import ListingCounts, listing_counts, upsert_post

T = TypeVar("T")

CLOUD = [("Iron Ore", 1), ("JAIA", 2), ("JISF", 2), ("Lithium Mining Australia", 1), ("Nickel", 3)]


@dataclass(frozen=True)
class Case:
    text: str
    offered: list[str]


CASES = [
    Case("nickle", ["Nickel"]),  # a misspelling: close to the whole name
    Case("  NICKEL ", ["Nickel"]),  # case and surrounding spaces do not matter
    Case("lithium", ["Lithium Mining Australia"]),  # one word of a long label: too unlike all of it, but inside it
    Case("ore", ["Iron Ore"]),  # as above, for a word shorter than the name by more than half
    Case("JAIA-JISF", ["JISF", "JAIA"]),  # labels inside the query (equally close: difflib orders them)
    Case("rhenium", []),  # like nothing
    Case("   ", []),  # no words: nothing to resemble
]


@pytest.mark.parametrize("case", CASES, ids=[c.text for c in CASES])
def test_labels_offered_for_a_search_that_found_nothing(case: Case) -> None:
    assert similar_labels(CLOUD, case.text) == case.offered


def test_the_five_closest_misspelt_names_are_offered() -> None:
    """None of these names holds the query or is held by it: only closeness offers them, five at most."""
    cloud = [(name, 1) for name in ("Nickel", "Nickels", "Nickelo", "Nickela", "Nickeli", "Nickelz")]
    offered = similar_labels(cloud, "nickle")
    assert len(offered) == 5 and offered[0] == "Nickel"


def test_at_most_eight_labels_are_offered() -> None:
    """A short query is inside many names: the offer stays a short list."""
    cloud = [(f"Copper grade {n}", 1) for n in range(12)]
    offered = similar_labels(cloud, "copper")
    assert len(offered) == len(set(offered)) == 8 and set(offered) <= {name for name, _ in cloud}


@pytest.fixture
def archive(tmp_path: Path) -> Iterator[Archive]:
    opened = open_archive(Settings(db=f"sqlite:///{tmp_path}/b.db", index_dir=str(tmp_path / "index"),
                                   extract_facts=False))
    yield opened
    opened.close()


def _add(archive: Archive, *posts: Post) -> list[int]:
    with archive.store.transaction() as conn:
        ids = [upsert_post(conn, post)[0] for post in posts]
    catch_up(archive.store, archive.index)
    return ids


def _post(n: int, title: str = "", body: str = "p", labels: tuple[str, ...] = ()) -> Post:
    return Post(title=title or f"Post {n}", blocks=(Block("paragraph", body),), labels=labels,
                published=datetime(2024, 1, 1 + n, tzinfo=UTC))


def _trailing_counts(archive: Archive) -> None:
    """Counts that trail the archive, as at a million posts: the first seems to take 100 s, so no other
    starts for 900 s (of a clock that stands still)."""
    now = [0.0]

    def read(query: Callable[..., T]) -> T:
        with archive.store.reading() as conn:
            return query(conn)

    def count() -> ListingCounts:
        now[0] += 100
        return read(listing_counts)

    archive.counts = Recounted("listing-count", lambda: read(last_seq), count, clock=lambda: now[0])


def test_a_listing_total_is_exact_wherever_the_page_shows_it_even_while_the_count_trails(archive: Archive) -> None:
    _trailing_counts(archive)
    _add(archive, *(_post(n) for n in range(10)))
    assert latest_posts(archive, 0, 10)[1] == 10  # a full last page: nothing after it
    assert latest_posts(archive, 0, 5)[1] == 10
    assert latest_posts(archive, 20, 10) == ([], 10)  # past the end: the total, not the offset asked for
    _add(archive, _post(10), _post(11))
    assert archive.counts.get().total() == 10  # the count trails by two posts
    page, total = latest_posts(archive, 0, 10)
    assert len(page) == 10 and total == 11  # more after this page: at least one more page to offer
    page, total = latest_posts(archive, 10, 10)
    assert len(page) == 2 and total == 12  # the last page knows the total


def test_related_posts_share_labels_then_title_words_and_never_the_post_itself(archive: Archive) -> None:
    zinc, *_ = _add(archive, _post(1, "Zinc rally", "Zinc rose.", ("Asia", "Markets")),
                    _post(2, "Quarterly outlook", "Nothing of note.", ("Markets",)),  # its second label only
                    _post(3, "Zinc smelters", "Zinc output fell as zinc smelters shut."),  # a four-letter word
                    _post(4, "Zinc stocks", "Stocks fell."),
                    _post(5, "Copper cathodes", "Unrelated."))
    post = latest_posts(archive, 4, 1)[0][0]  # the oldest of five
    assert post.id == zinc
    related = [p.title for p in related_posts(archive, post, limit=2)]
    assert related[0] == "Quarterly outlook" and related[1] in {"Zinc smelters", "Zinc stocks"} and len(related) == 2
    assert {p.title for p in related_posts(archive, post, limit=5)} == {
        "Quarterly outlook", "Zinc smelters", "Zinc stocks"}


def test_a_sitemap_range_is_built_again_only_when_one_of_its_posts_changed(archive: Archive) -> None:
    first, _ = _add(archive, _post(1), _post(2))
    seq, listed = sitemap_range(archive, first, first)
    assert listed is not None and len(listed) == 1
    assert sitemap_range(archive, first, first, known=seq) == (seq, None)
    _add(archive, _post(2, body="edited"))  # outside the range
    later, listed = sitemap_range(archive, first, first, known=seq)
    assert later > seq and listed is None
    _add(archive, _post(1, body="edited"))
    latest, listed = sitemap_range(archive, first, first, known=later)
    assert latest > later and listed is not None and len(listed) == 1
