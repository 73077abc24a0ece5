"""metalnomist.analysis.contradictions: posts that report one figure with values more than 1% apart."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from metalnomist.analysis.contradictions import Contradiction, contradictions
from metalnomist.pipeline import Archive, ingest_file


def contradictions_in(archive: Archive) -> list[Contradiction]:
    with archive.store.reading() as conn:
        return contradictions(conn)


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


def test_contradictions_pair_different_posts_more_than_one_percent_apart(archive: Archive,
                                                                        tmp_path: Path) -> None:
    ingest_file(archive, write_posts(tmp_path, DISAGREEING), "jsonl")
    found = contradictions_in(archive)
    pairs = {(c.first.value, c.second.value) for c in found}
    assert pairs == {(12000, 13500), (13500, 12050)}
    first = found[0]
    assert (first.key.commodity, first.key.metric, first.key.country, first.period) == \
        ("nickel", "imports", "Japan", "2024-03")
    assert first.first.post_id != first.second.post_id
    assert first.difference_pct == pytest.approx(100 * abs(first.first.value - first.second.value) /
                                                 max(first.first.value, first.second.value))


def test_seed_has_no_contradictions(seeded: Archive) -> None:
    assert contradictions_in(seeded) == []


def test_a_post_does_not_contradict_itself(archive: Archive, tmp_path: Path) -> None:
    """A post that gives a figure and its revision disagrees with the other post, never with itself."""
    twice = _post("Nickel imports and their revision",
                  "Japan imported 12,000 tonnes of nickel in March 2024, the ministry said. "
                  "Japan imported 14,000 tonnes of nickel in March 2024, a revision showed.", "https://example.com/r")
    ingest_file(archive, write_posts(tmp_path, [twice, DISAGREEING[1]]))
    found = contradictions_in(archive)
    assert [(c.first.value, c.second.value, c.period) for c in found] == [(12000, 13500, "2024-03"),
                                                                          (14000, 13500, "2024-03")]
    assert all(c.first.post_id != c.second.post_id for c in found)
