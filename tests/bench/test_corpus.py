"""The benchmark corpus must be reproducible and readable by the project's own JSONL reader.

Why: speed figures are only comparable across runs if the same seed gives the same posts,
and the speed benchmark ingests the file through `metalnomist.ingest.jsonl`, so a post
that reader rejects would abort a long benchmark late. No timings are asserted here.
"""

from __future__ import annotations

import io
from pathlib import Path

from bench import corpus
from metalnomist.ingest import jsonl


def generated(count: int, seed: int) -> str:
    out = io.StringIO()
    corpus.write(count, seed, out)
    return out.getvalue()


def test_same_seed_gives_the_same_file() -> None:
    assert generated(200, seed=3) == generated(200, seed=3)


def test_another_seed_gives_other_posts() -> None:
    assert generated(50, seed=3) != generated(50, seed=4)


def test_the_jsonl_reader_accepts_every_post(tmp_path: Path) -> None:
    path = tmp_path / "posts.jsonl"
    path.write_text(generated(300, seed=5), encoding="utf-8")
    posts = list(jsonl.read(path))
    assert len(posts) == 300
    assert len({p.key for p in posts}) == 300, "each post needs its own identity, or ingest would merge them"
    for post in posts:
        assert post.title and post.body and post.published is not None and post.published.tzinfo is not None
        assert post.labels
        assert set(post.headings) <= {b.text for b in post.blocks}


def test_common_words_reach_many_posts_and_rare_ones_few() -> None:
    """Query selectivity is what the latency figures depend on."""
    lines = generated(2000, seed=6).lower().splitlines()
    share = {word: sum(word in line for line in lines) / len(lines) for word in ("copper", "japan", "ferrochrome")}
    assert share["copper"] > 0.15 and share["japan"] > 0.15
    assert share["ferrochrome"] < 0.05
