"""Pseudo-relevance feedback: the first page as the query's words rank it, the ranks after it with the words
that page's posts share; every-word hits first throughout."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from metalnomist.pipeline import Archive, ingest_file
from metalnomist.search.feedback import FeedbackPost, relevance_model
from metalnomist.search.service import SearchRequest, search

SOHAR = [{"title": f"Sohar smelter restart, day {i}",
          "body": "The Sohar smelter restart went ahead at Sohar, officials at Sohar port said."} for i in range(10)]
# Every word, but each once in a long text: feedback on every rank after the first page would put them last.
BAHRAIN = [{"title": f"Bahrain plant news {i}",
            "body": "Officials in Bahrain said on Tuesday that a smelter, idle since spring floods damaged its pot "
                    "lines and rectifiers, could see a restart once power tariffs, alumina supply contracts and "
                    "labour agreements are settled."} for i in range(2)]
# Found by its one query word alone it ranks under the short notes; the first page's `Sohar` lifts it.
SOHAR_EXPORTS = {"title": "Aluminium exports from Sohar",
                 "body": "Sohar port shipped aluminium cast at the smelter. Sohar expects more ships; Sohar traders, "
                         "brokers and buyers from Asia and Europe watched freight and insurance costs."}
NOTES = [{"title": f"Plant notes {i}", "body": "A smelter."} for i in range(3)]
# Posts on other subjects, so that a word of ten posts is as rare as a subject word is in an archive.
OTHERS = [{"title": f"Market item {i}", "body": f"Cargo number {i} of grain left the terminal on schedule."}
          for i in range(150)]


@pytest.fixture
def sohar(archive: Archive, tmp_path: Path) -> Archive:
    path = tmp_path / "sohar.jsonl"
    path.write_text("\n".join(json.dumps(p) for p in [*SOHAR, *BAHRAIN, SOHAR_EXPORTS, *NOTES, *OTHERS]))
    ingest_file(archive, path)
    return archive


def titles(archive: Archive, limit: int, offset: int = 0, text: str = "smelter restart") -> list[str]:
    page = search(archive.store, archive.index, SearchRequest(text, limit=limit, offset=offset))
    return [hit.post.title for hit in page.hits]


def test_a_post_only_the_first_pages_words_rank_comes_right_after_the_every_word_hits(sohar: Archive) -> None:
    ranked = titles(sohar, 20)
    assert ranked[12] == SOHAR_EXPORTS["title"]  # without feedback the three short notes come before it
    assert sorted(ranked[13:]) == [n["title"] for n in NOTES]


def test_every_word_hits_keep_the_first_ranks_and_the_first_page_is_unchanged(sohar: Archive) -> None:
    page = search(sohar.store, sohar.index, SearchRequest("smelter restart", limit=20))
    ranked = [hit.post.title for hit in page.hits]
    assert ranked[:10] == titles(sohar, 10)  # the first page is the query's words' own ranking
    assert sorted(ranked[10:12]) == [b["title"] for b in BAHRAIN]  # no Sohar, yet every word: before the rest
    assert (page.total, page.every_word) == (16, 12)  # feedback reorders, never adds posts without a word
    assert [hit.missing for hit in page.hits[12:]] == [("restart",)] * 4


@pytest.mark.parametrize("text", [
    "smelter restart",  # every-word hits run past the first page
    "Sohar smelter ships",  # one every-word hit: the first page is mostly the relaxed tier's
])
def test_the_ranking_does_not_depend_on_the_page_size(sohar: Archive, text: str) -> None:
    whole = titles(sohar, 20, text=text)
    assert len(whole) == len(set(whole)) == 16
    assert [t for offset in range(0, 20, 3) for t in titles(sohar, 3, offset, text)] == whole


def test_the_relevance_model_weighs_words_by_their_share_of_each_post_and_its_score() -> None:
    posts = [FeedbackPost(2.0, ["nickel", "matte", "matte", "2024", "the", "a"]),
             FeedbackPost(1.0, ["matte", "sulphide"])]
    model = relevance_model(posts, lambda token: 50 if token == "nickel" else 1, 100, skip={"the"})
    # nickel is in half the posts (too common), 2024 a number, `a` a single letter, `the` a stopword.
    assert model == pytest.approx({"matte": 2.5 / 3, "sulphide": 0.5 / 3})


def test_an_any_word_first_page_is_the_query_words_own_ranking(sohar: Archive) -> None:
    """In any-word mode the one ranked tier is the relaxed one: its first page stays the query's own BM25
    order whatever the page size, and feedback orders only what comes after it."""
    def ranked(limit: int) -> list[str]:
        page = search(sohar.store, sohar.index, SearchRequest("Sohar smelter ships", limit=limit, match="any"))
        return [hit.post.title for hit in page.hits]

    whole = ranked(20)
    assert whole[:10] == ranked(10) and len(whole) == len(set(whole)) == 16
