"""The metals query set reads, names only posts that exist, and no query of it gets an empty page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bench import relevance
from metalnomist.search.service import SearchRequest, search
from metalnomist.store.posts import iter_posts
from tests.conftest import shared_file


def test_metals_queries_are_graded_posts_and_never_answer_with_an_empty_page(tmp_path: Path) -> None:
    graded = relevance.load_metals()
    assert len(graded) >= 40
    archive = relevance.metals_archive(tmp_path, shared_file("data/dev/posts.jsonl"))
    try:
        with archive.store.reading() as conn:
            titles = {post.title for post in iter_posts(conn)}
        assert {title for grades in graded.values() for title in grades} <= titles
        empty = [q for q in graded if not search(archive.store, archive.index, SearchRequest(q)).hits]
        assert empty == []
    finally:
        archive.close()


def test_a_bad_line_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "q.tsv"
    path.write_text("# header\npalladium\t3\tSome post\n", encoding="utf-8")
    with pytest.raises(SystemExit, match=f"^{re.escape(str(path))}:2: want 'query<TAB>1|2<TAB>post title'"):
        relevance.load_metals(path)
