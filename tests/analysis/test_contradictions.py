"""metalnomist.analysis.contradictions: figures that posts report more than 1% apart, one entry per figure."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import event

from metalnomist.analysis.contradictions import Contradiction, contradictions
from metalnomist.models import Block, Fact, Post
from metalnomist.pipeline import Archive, ingest_file, reextract
from metalnomist.store.contradictions import _CHUNK
from metalnomist.store.facts import replace_facts
from metalnomist.store.posts import upsert_post


def contradictions_in(archive: Archive, offset: int = 0, limit: int = 50) -> list[Contradiction]:
    return page_of(archive, offset, limit)[0]


def page_of(archive: Archive, offset: int = 0, limit: int = 50) -> tuple[list[Contradiction], int]:
    with archive.store.reading() as conn:
        return contradictions(conn, offset, limit)


def _post(title: str, body: str, url: str) -> dict[str, object]:
    return {"title": title, "body": body, "url": url, "published": "2024-04-20", "labels": []}


def write_posts(folder: Path, posts: list[dict[str, object]]) -> Path:
    path = folder / "posts.jsonl"
    path.write_text("\n".join(json.dumps(p) for p in posts), encoding="utf-8")
    return path


DISAGREEING = [
    _post("Japan nickel imports rise in March",
          "Japan imported 12,000 tonnes of nickel in March 2024, according to the Finance Ministry.",
          "https://example.com/a"),
    _post("Nickel imports <b>revised</b>",
          "Japan imported 13,500 tonnes of nickel in March 2024, according to revised Finance Ministry data.",
          "https://example.com/b"),
    _post("Nickel imports, rounded",  # within 1% of the first: a rounding, not a contradiction
          "Japan imported 12,050 tonnes of nickel in March 2024, according to the Finance Ministry.",
          "https://example.com/c"),
]
COPPER = [
    _post("Japan copper imports", "Japan imported 5,000 tonnes of copper in March 2024, the Finance Ministry said.",
          "https://example.com/cu1"),
    _post("Copper imports revised", "Japan imported 6,000 tonnes of copper in March 2024, revised data showed.",
          "https://example.com/cu2"),
]


def _values(found: list[Contradiction]) -> list[tuple[float, float]]:
    return [(c.first.value, c.second.value) for c in found]


def test_a_figure_reported_apart_is_one_entry_of_its_furthest_reports(archive: Archive, tmp_path: Path) -> None:
    """Three posts, three values (one within 1% of another): one disputed figure, not a pair per two posts."""
    highest = _post("Nickel imports, highest",
                    "Japan imported 14,000 tonnes of nickel in March 2024, an estimate said.", "https://example.com/d")
    ingest_file(archive, write_posts(tmp_path, [*DISAGREEING, highest]), "jsonl")
    found, total = page_of(archive)
    assert total == 1 and _values(found) == [(12000, 14000)]  # first and second in the order the posts came
    first = found[0]
    assert (first.key.commodity, first.key.metric, first.key.country, first.period) == \
        ("nickel", "imports", "Japan", "2024-03")
    assert first.first.post_id != first.second.post_id
    assert first.difference_pct == pytest.approx(100 * 2000 / 14000)


def test_seed_has_no_contradictions(seeded: Archive) -> None:
    assert page_of(seeded) == ([], 0)


def test_a_post_does_not_contradict_itself(archive: Archive, tmp_path: Path) -> None:
    """A post that gives a figure and its revision disputes it with no one; beside another post, the widest
    pair is the other post's report against the one of this post furthest from it."""
    twice = _post("Nickel imports and their revision",
                  "Japan imported 12,000 tonnes of nickel in March 2024, the ministry said. "
                  "Japan imported 14,000 tonnes of nickel in March 2024, a revision showed.", "https://example.com/r")
    ingest_file(archive, write_posts(tmp_path, [twice]))
    assert page_of(archive) == ([], 0)
    ingest_file(archive, write_posts(tmp_path, [DISAGREEING[1]]))
    found = contradictions_in(archive)
    assert [(c.first.value, c.second.value, c.period) for c in found] == [(12000, 13500, "2024-03")]
    assert found[0].first.post_id != found[0].second.post_id


def test_contradictions_follow_the_facts_as_posts_are_reingested(archive: Archive, tmp_path: Path) -> None:
    """Settled at ingest: a revision that now agrees takes the dispute away; one that disagrees again brings
    it back, between the reports now furthest apart."""
    ingest_file(archive, write_posts(tmp_path, DISAGREEING), "jsonl")
    agreeing = dict(DISAGREEING[1], body=str(DISAGREEING[1]["body"]).replace("13,500", "12,000"))
    ingest_file(archive, write_posts(tmp_path, [agreeing]), "jsonl")
    assert page_of(archive) == ([], 0)
    apart = dict(DISAGREEING[1], body=str(DISAGREEING[1]["body"]).replace("13,500", "11,000"))
    ingest_file(archive, write_posts(tmp_path, [apart]), "jsonl")
    found, total = page_of(archive)
    assert total == 1 and _values(found) == [(11000, 12050)]


def test_contradictions_come_in_pages_in_listing_order(archive: Archive, tmp_path: Path) -> None:
    ingest_file(archive, write_posts(tmp_path, [*DISAGREEING, *COPPER]), "jsonl")
    every, total = page_of(archive)
    assert [c.key.commodity for c in every] == ["copper", "nickel"]
    assert _values(every) == [(5000, 6000), (12000, 13500)]
    pages = [page_of(archive, offset, 1) for offset in range(3)]
    assert [page for page, _ in pages] == [every[:1], every[1:], []]
    assert {count for _, count in pages} == {total} == {2}


def test_reextraction_keeps_the_contradictions(archive: Archive, tmp_path: Path) -> None:
    ingest_file(archive, write_posts(tmp_path, [*DISAGREEING, *COPPER]), "jsonl")
    before = page_of(archive)
    reextract(archive)
    after = page_of(archive)
    assert _values(after[0]) == _values(before[0]) == [(5000, 6000), (12000, 13500)]
    assert after[1] == before[1] == 2


def _imports(country: str, tonnes: str, commodity: str = "nickel", month: str = "March",
             verb: str = "imported") -> dict[str, object]:
    return _post(f"{country} {commodity} {tonnes}",
                 f"{country} {verb} {tonnes} tonnes of {commodity} in {month} 2024, according to official data.",
                 f"https://example.com/{country}-{commodity}-{verb}-{month}-{tonnes}".replace(",", ""))


def test_reports_dispute_only_when_more_than_one_percent_of_the_larger_apart(archive: Archive, tmp_path: Path) -> None:
    """Guards the tolerance's base: 100,000 t and 101,005 t are 1,005 t apart, more than 1% of the smaller
    but not of the larger, so one figure rounded; 101,011 t is more than 1% of itself away. Measuring
    against the smaller (or a rounder rule) listed the rounding as a dispute."""
    ingest_file(archive, write_posts(tmp_path, [_imports("Japan", "100,000"), _imports("Japan", "101,005")]))
    assert page_of(archive) == ([], 0)
    ingest_file(archive, write_posts(tmp_path, [_imports("Japan", "101,011")]))
    found, total = page_of(archive)
    assert total == 1 and _values(found) == [(100000, 101011)]


# Four disputed figures, in listing order: copper imports; nickel exports; nickel imports in March (Japan),
# then in April (China). By metric first, nickel's exports would come before copper's imports; by key
# without the period, China's April before Japan's March.
FOUR_FIGURES = [
    *COPPER, *DISAGREEING[:2],
    _imports("Japan", "3,000", verb="exported"), _imports("Japan", "3,500", verb="exported"),
    _imports("China", "5,000", month="April"), _imports("China", "6,000", month="April"),
]
LISTED = [("copper", "imports", "Japan", "2024-03"), ("nickel", "exports", "Japan", "2024-03"),
          ("nickel", "imports", "Japan", "2024-03"), ("nickel", "imports", "China", "2024-04")]


def test_contradictions_are_listed_by_commodity_then_metric_then_period(archive: Archive, tmp_path: Path) -> None:
    """Guards the listing's order: by commodity before metric, and by period before the rest of the key."""
    ingest_file(archive, write_posts(tmp_path, FOUR_FIGURES))
    found, total = page_of(archive)
    assert total == 4
    assert [(c.key.commodity, c.key.metric, c.key.country, c.period) for c in found] == LISTED


def test_a_page_starts_at_the_offset_given_not_at_a_page_number(archive: Archive, tmp_path: Path) -> None:
    """Guards paging: `offset` counts figures, whatever the page size (taken as a page number, the offset
    times the limit, pages of one looked right and pages of three skipped the rest)."""
    ingest_file(archive, write_posts(tmp_path, FOUR_FIGURES))
    every, _ = page_of(archive)
    assert [page_of(archive, offset, 3)[0] for offset in (0, 3)] == [every[:3], every[3:]]
    assert page_of(archive, 1, 2) == (every[1:3], 4)


def test_figures_settled_at_once_beyond_one_in_list_are_all_kept(archive: Archive) -> None:
    """Guards the chunking of settled figures: two posts disputing more figures than one IN (…) list takes,
    in one save, are every one of them listed (a slice one short per chunk lost a figure at each seam)."""
    figures = _CHUNK + 1
    fact = Fact(post="", sentence="Nickel imports were 100 t.", metric="imports", value=100.0, unit="t",
                commodity="nickel", country="Japan")
    periods = [f"{1900 + n // 12}-{n % 12 + 1:02d}" for n in range(figures)]
    with archive.store.transaction() as conn:
        by_post: dict[int, list[Fact]] = {}
        for value in (100.0, 200.0):
            post_id, _ = upsert_post(conn, Post(title=f"Imports at {value}", blocks=(Block("paragraph", "p"),),
                                                published=datetime(2024, 1, 1, tzinfo=UTC)))
            by_post[post_id] = [replace(fact, value=value, period=period, sentence_start=n)
                                for n, period in enumerate(periods)]
        replace_facts(conn, by_post)
    found, total = page_of(archive, 0, figures)
    assert total == figures and sorted(c.period for c in found) == sorted(periods)
    assert {_values([c])[0] for c in found} == {(100, 200)}


def test_figures_one_post_revised_are_weighed_against_the_other_posts_all_at_once(archive: Archive) -> None:
    """Guards the other posts' extremes of a figure whose lowest and highest reports are one post's (a figure
    and its revision): the dispute is with the other post's report, for every such figure of one save, in a
    few statements per chunk of figures (one lookup a figure made settling an ingest its slowest part)."""
    figures = _CHUNK + 1
    periods = [f"{1900 + n // 12}-{n % 12 + 1:02d}" for n in range(figures)]
    statements: list[str] = []

    def count(*args: object) -> None:
        statements.append(str(args[2]))

    with archive.store.transaction() as conn:
        by_post: dict[int, list[Fact]] = {}
        for title, values in (("Imports and their revision", (100.0, 300.0)), ("Imports", (150.0,))):
            post_id, _ = upsert_post(conn, Post(title=title, blocks=(Block("paragraph", "p"),),
                                                published=datetime(2024, 1, 1, tzinfo=UTC)))
            by_post[post_id] = [replace(NICKEL, value=value, period=period, sentence_start=n * 2 + i)
                                for n, period in enumerate(periods) for i, value in enumerate(values)]
        alone = [replace(NICKEL, value=value, period="1800-01", sentence_start=i) for i, value in enumerate((1.0, 9.0))]
        first = next(iter(by_post))
        by_post[first] = by_post[first] + [replace(fact, sentence_start=10_000 + fact.sentence_start) for fact in alone]
        event.listen(conn, "before_cursor_execute", count)
        replace_facts(conn, by_post)
        event.remove(conn, "before_cursor_execute", count)
    found, total = page_of(archive, 0, figures + 1)
    assert total == figures and sorted(c.period for c in found) == sorted(periods)
    assert {_values([c])[0] for c in found} == {(300, 150)}  # the revision against the other post: 150 apart
    assert len(statements) < 40, len(statements)


def test_reports_exactly_one_percent_of_the_larger_apart_are_one_figure_rounded(archive: Archive,
                                                                               tmp_path: Path) -> None:
    """Guards the bound itself: a dispute is *more* than 1% apart. 99,000 t and 100,000 t are 1,000 t apart,
    exactly 1% of the larger (both exact in floating point), so they agree; a `>=` listed them."""
    ingest_file(archive, write_posts(tmp_path, [_imports("Japan", "99,000"), _imports("Japan", "100,000")]))
    assert page_of(archive) == ([], 0)
    ingest_file(archive, write_posts(tmp_path, [_imports("Japan", "98,999")]))
    assert _values(page_of(archive)[0]) == [(100000, 98999)]  # in the order of their posts


def test_figures_alike_but_for_their_country_keep_one_order_page_after_page(archive: Archive, tmp_path: Path) -> None:
    """Guards the listing's last tie-break: figures of one commodity, metric and period follow the rest of their
    key (here the country), not the order they were disputed in, so pages of one neither repeat nor skip one."""
    for country in ("Japan", "India", "China"):  # disputed in the reverse of the listing's order
        ingest_file(archive, write_posts(tmp_path, [_imports(country, "3,000"), _imports(country, "3,500")]))
    every, total = page_of(archive)
    assert total == 3 and [c.key.country for c in every] == ["China", "India", "Japan"]
    assert [page_of(archive, offset, 1)[0] for offset in range(3)] == [[c] for c in every]


def _two_reports(archive: Archive, fact: Fact, values: tuple[float, float] = (100.0, 200.0)) -> None:
    """Two posts giving `fact` at these values, stored as a save stores them."""
    with archive.store.transaction() as conn:
        for value in values:
            post_id, _ = upsert_post(conn, Post(title=f"Report of {value:g}", blocks=(Block("paragraph", "p"),),
                                                published=datetime(2024, 4, 1, tzinfo=UTC)))
            replace_facts(conn, {post_id: [replace(fact, value=value)]})


NICKEL = Fact(post="", sentence="Nickel imports were 100 t.", metric="imports", value=100.0, unit="t",
              commodity="nickel", country="Japan", period="2024-03")


@pytest.mark.parametrize("period", [None, ""])
def test_undated_reports_of_a_figure_never_dispute_it(archive: Archive, period: str | None) -> None:
    """Guards the key's period: 'imports were 100 t' and '200 t' with no period may be different months."""
    _two_reports(archive, replace(NICKEL, period=period))
    assert page_of(archive) == ([], 0)
    _two_reports(archive, NICKEL)
    assert _values(contradictions_in(archive)) == [(100, 200)]


def test_a_dispute_names_the_company_and_the_partner_of_its_figure(archive: Archive) -> None:
    """Guards what the contradictions page titles a figure with: whose it is, and the trade partner."""
    _two_reports(archive, replace(NICKEL, partner="Indonesia", company="Sumitomo Metal Mining"))
    (found,) = contradictions_in(archive)
    assert (found.key.country, found.key.partner, found.company) == ("Japan", "Indonesia", "Sumitomo Metal Mining")
    assert found.key.title == "Nickel imports in Japan with Indonesia"
