"""metalnomist.analysis.contradictions: figures that posts report more than 1% apart, one entry per figure."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from metalnomist.analysis.contradictions import Contradiction, contradictions
from metalnomist.pipeline import Archive, ingest_file, reextract


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
