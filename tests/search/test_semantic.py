"""The optional vector side: RRF, the pinned model, the vector files, and hybrid search on the seed.

The `hybrid` extra (about 215 MB) is not part of `test`, so tests that need it skip where it is
not installed, saying why; METALNOMIST_TEST_HYBRID=1 makes them fail instead (for a machine or CI
job that installs `.[test,hybrid]`). `rrf` and the missing-extra error need nothing and always run.
"""

from __future__ import annotations

import html
import importlib.util
import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from metalnomist.config import Settings
from metalnomist.pipeline import Archive, ingest_file, ingest_sample_if_empty, open_archive, sample_path
from metalnomist.search import semantic
from metalnomist.search.semantic import HybridUnavailable, ModelIntegrityError, rrf
from metalnomist.search.service import HYBRID_DEPTH, LEAD_CHARS, SearchRequest, bring_in_step, reindex, search


def needs(*modules: str) -> None:
    missing = [m for m in modules if importlib.util.find_spec(m) is None]
    if not missing:
        return
    reason = f"{', '.join(missing)} not installed: pip install -e '.[hybrid]'"
    if os.environ.get("METALNOMIST_TEST_HYBRID") or os.environ.get("CI"):
        pytest.fail(f"METALNOMIST_TEST_HYBRID is set but {reason}")
    pytest.skip(reason)


@pytest.fixture
def needs_extra() -> None:
    needs(*semantic.REQUIRED_MODULES)


@pytest.fixture
def needs_numpy() -> None:
    needs("numpy")


# --- reciprocal-rank fusion (pure) ------------------------------------------------------------

RRF_CASES = [
    # one list: its own order, each scored 1/(k + rank)
    ([[7, 3, 5]], 60, [7, 3, 5]),
    # an item both lists rank second beats items each list ranks first: 2/62 > 1/61
    ([[1, 2], [3, 2]], 60, [2, 1, 3]),
    # equal scores keep the order of first appearance, so the result is deterministic
    ([[1], [2]], 60, [1, 2]),
    # k damps the top ranks: with k=1 a lone first place wins, with k=60 agreement at rank 10 does
    ([[1, 11, 12, 13, 14, 15, 16, 17, 18, 2], [21, 22, 23, 24, 25, 26, 27, 28, 29, 2]], 1, [1, 21, 11, 22]),
    ([[1, 11, 12, 13, 14, 15, 16, 17, 18, 2], [21, 22, 23, 24, 25, 26, 27, 28, 29, 2]], 60, [2, 1, 21, 11]),
    # an id repeated within one list counts once, at its best rank
    ([[4, 4, 5], [5]], 60, [5, 4]),
    # nothing in, nothing out; an empty list changes nothing
    ([], 60, []),
    ([[9, 8], []], 60, [9, 8]),
]


@pytest.mark.parametrize(("rankings", "k", "expected_head"), RRF_CASES)
def test_rrf_orders_by_summed_reciprocal_ranks(rankings: list[list[int]], k: int, expected_head: list[int]) -> None:
    fused = rrf(rankings, k=k)
    assert [item for item, _ in fused][:len(expected_head)] == expected_head
    assert [s for _, s in fused] == sorted((s for _, s in fused), reverse=True)


def test_rrf_scores_are_the_formula() -> None:
    assert dict(rrf([[1, 2], [2]])) == pytest.approx({1: 1 / 61, 2: 1 / 62 + 1 / 61})


def test_hybrid_without_the_extra_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(semantic, "REQUIRED_MODULES", ("numpy", "no_such_module_for_metalnomist"))
    with pytest.raises(HybridUnavailable, match=r"metalnomist\[hybrid\]"):
        open_archive(Settings(db=f"sqlite:///{tmp_path / 'x.db'}", hybrid=True))


# --- the embedder -----------------------------------------------------------------------------

def test_embedder_gives_unit_vectors_that_rank_a_paraphrase_first(needs_extra: None) -> None:
    import numpy as np

    vectors = semantic.shared_embedder().encode([
        "Japan imported more palladium from Russia",
        "Russian palladium shipments to Japan increased",
        "The football match ended in a draw after extra time",
    ])
    assert vectors.shape == (3, semantic.DIMENSION) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert vectors[0] @ vectors[1] > 0.6 > 0.2 > vectors[0] @ vectors[2]


def test_encoding_does_not_depend_on_the_batch(needs_extra: None) -> None:
    embedder = semantic.shared_embedder()
    alone = embedder.encode(["nickel matte"])[0]
    padded = embedder.encode(["a much longer sentence about nickel, copper and cobalt prices", "nickel matte"])[1]
    assert float(alone @ padded) > 0.9999


@pytest.mark.parametrize("which", ["model", "vocab"])
def test_a_file_with_another_hash_is_refused(needs_extra: None, tmp_path: Path, which: str) -> None:
    original = semantic.default_model_file() if which == "model" else semantic.default_vocab_file()
    tampered = tmp_path / original.name
    shutil.copyfile(original, tampered)
    data = bytearray(tampered.read_bytes())
    data[len(data) // 2] ^= 0x01
    tampered.write_bytes(bytes(data))
    with pytest.raises(ModelIntegrityError, match="is not the pinned"):
        semantic.Embedder(**{f"{which}_file": tampered})


# --- the vector files -------------------------------------------------------------------------

def unit(*values: float) -> object:
    import numpy as np

    row = np.zeros(semantic.DIMENSION, dtype=np.float32)
    row[:len(values)] = values
    return row / np.linalg.norm(row)


def test_vector_store_adds_replaces_removes_and_ranks(needs_numpy: None, tmp_path: Path) -> None:
    import numpy as np

    store = semantic.VectorStore(tmp_path / "index.vectors")
    store.put([1, 2, 3], np.stack([unit(1, 0), unit(0, 1), unit(1, 1)]))
    assert [i for i, _ in store.top(unit(1, 0.1), 3)] == [1, 3, 2]
    store.put([1], np.stack([unit(0, 1)]))  # post 1 was edited: its old row goes
    assert len(store) == 3 and store.top(unit(1, 0), 1)[0][0] == 3
    store.remove([2, 99])
    assert sorted(i for i, _ in store.top(unit(0, 1), 10)) == [1, 3]
    assert store.top(unit(0, 1), 0) == []


def test_vector_store_round_trips_and_rejects_a_torn_save(needs_numpy: None, tmp_path: Path) -> None:
    import numpy as np

    store = semantic.VectorStore(tmp_path / "index.vectors")
    store.put([5, 6], np.stack([unit(1, 0), unit(0, 1)]))
    store.save(seq=42)
    again = semantic.VectorStore(tmp_path / "index.vectors")
    assert again.applied_seq == 42 and sorted(again.ids.tolist()) == [5, 6]
    np.save(tmp_path / "index.vectors-ids.npy", np.array([5], dtype=np.int64))  # ids and rows disagree
    torn = semantic.VectorStore(tmp_path / "index.vectors")
    assert torn.applied_seq == 0 and len(torn) == 0


# --- hybrid search on the seed ----------------------------------------------------------------

@pytest.fixture
def hybrid(needs_extra: None, tmp_path: Path) -> Iterator[Archive]:
    opened = open_archive(Settings(db=f"sqlite:///{tmp_path / 'seed.db'}", extract_facts=False, hybrid=True))
    ingest_sample_if_empty(opened)
    yield opened
    opened.close()


def titles(archive: Archive, text: str, **options: object) -> list[str]:
    page = search(archive.store, archive.index, SearchRequest(text, **options))  # type: ignore[arg-type]
    return [hit.post.title for hit in page.hits]


def test_hybrid_finds_the_palladium_post_from_few_exact_words(hybrid: Archive) -> None:
    query = "Russian platinum-group metal imports into Japan"
    assert titles(hybrid, query)[0].startswith("Japan’s Imports of Russian Palladium")
    semantic_side, hybrid.index.semantic = hybrid.index.semantic, None
    try:
        assert titles(hybrid, query, match="all") == []  # no post has every word: "palladium" is not typed
    finally:
        hybrid.index.semantic = semantic_side


def test_vectors_stay_out_of_date_order_exclusions_and_phrases(hybrid: Archive) -> None:
    by_date = titles(hybrid, "palladium", sort="date")
    assert len(by_date) == 1 and by_date[0].startswith("Japan’s Imports of Russian Palladium")
    assert titles(hybrid, '"nickel matte"') == ["Sumitomo Metal Mining to Build Japan’s First Nickel Matte Plant"]
    assert not any("Sulphide" in t for t in titles(hybrid, "lithium -sulphide", limit=100))


def test_vector_neighbours_obey_the_label_filter(hybrid: Archive) -> None:
    # The vectors rank every post; the filter still keeps only posts with the label.
    assert titles(hybrid, "palladium", labels=("Iron Ore",)) == [
        "Japan’s Iron Ore Imports Drop in March Amid Weak Steel Demand"]


def test_vector_neighbours_carry_every_label_asked_for(hybrid: Archive) -> None:
    # As on the BM25 side, two labels ask for posts with both: one seed post is labelled Japan, another Copper.
    page = search(hybrid.store, hybrid.index, SearchRequest("Japan copper", labels=("Japan", "Copper")))
    assert (page.total, page.hits) == (0, ())


def test_vectors_follow_ingest_and_reindex(hybrid: Archive, tmp_path: Path) -> None:
    side = hybrid.index.semantic
    assert side is not None and len(side) == 20 and side.applied_seq == hybrid.index.applied_seq
    extra = tmp_path / "more.jsonl"
    extra.write_text('{"title": "Tungsten concentrate output", "body": "Wolfram mines raised output.", '
                     '"url": "https://example.com/w", "labels": []}\n', encoding="utf-8")
    ingest_file(hybrid, extra, "jsonl")
    assert len(side) == 21 and titles(hybrid, "wolframite")[0] == "Tungsten concentrate output"
    assert reindex(hybrid.store, hybrid.index) == 21 and len(side) == 21


def test_switching_hybrid_on_later_embeds_what_is_already_there(needs_extra: None, tmp_path: Path) -> None:
    settings = Settings(db=f"sqlite:///{tmp_path / 'seed.db'}", extract_facts=False)
    plain = open_archive(settings)
    ingest_file(plain, sample_path())
    plain.close()
    later = open_archive(settings.replace(hybrid=True))
    try:
        assert later.index.semantic is not None and len(later.index.semantic) == 20
    finally:
        later.close()


def test_fused_pages_count_vector_only_posts_and_keep_bm25_snippets(hybrid: Archive) -> None:
    """One seed post says "sulphide"; the vectors rank all twenty, so twenty posts answer. The BM25 hit
    keeps its marked snippet; the rest show their lead; scores fall down the page."""
    page = search(hybrid.store, hybrid.index, SearchRequest("sulphide", limit=20))
    assert page.total == 20 and len(page.hits) == 20
    scores = [hit.score for hit in page.hits]
    assert all(isinstance(s, float) for s in scores) and scores == sorted(scores, reverse=True)
    marked = [hit for hit in page.hits if "<mark>" in hit.snippet]
    assert marked == [page.hits[0]] and "Sulphide" in marked[0].post.title
    assert all(hit.snippet == html.escape(hit.post.lead(LEAD_CHARS)) for hit in page.hits[1:])


def test_a_fused_page_two_is_the_second_half_of_a_page_of_twenty(hybrid: Archive) -> None:
    """Fusion ranks BM25's and the vectors' top lists whole, then pages: page two cannot be fused apart."""
    def ids(**paging: int) -> list[int]:
        page = search(hybrid.store, hybrid.index, SearchRequest("Japan imports of metals", **paging))
        return [hit.post.id for hit in page.hits]

    assert ids(offset=10, limit=10) == ids(limit=20)[10:]


def test_a_hybrid_index_in_step_is_neither_caught_up_nor_rebuilt(hybrid: Archive) -> None:
    assert bring_in_step(hybrid.store, hybrid.index) == 0


def test_paging_past_the_fusion_depth_still_reaches_every_post(needs_extra: None, tmp_path: Path) -> None:
    """Each side's candidates reach as deep as the page asked for, not only HYBRID_DEPTH: the page after
    the hundredth fused hit is full, and the total counts every post the vectors rank."""
    archive = open_archive(Settings(db=f"sqlite:///{tmp_path / 'deep.db'}", extract_facts=False, hybrid=True))
    try:
        posts = [{"title": "Tungsten concentrate output", "body": "Wolfram mines raised output."}]
        posts += [{"title": f"Market item {i}", "body": f"Cargo number {i} of grain left the terminal."}
                  for i in range(HYBRID_DEPTH + 9)]
        path = tmp_path / "deep.jsonl"
        path.write_text("\n".join(json.dumps(p) for p in posts), encoding="utf-8")
        ingest_file(archive, path, "jsonl")
        page = search(archive.store, archive.index, SearchRequest("tungsten", offset=HYBRID_DEPTH, limit=10))
        assert (page.total, len(page.hits)) == (HYBRID_DEPTH + 10, 10)
    finally:
        archive.close()


def test_vectors_ahead_of_the_log_or_short_of_posts_are_rebuilt(hybrid: Archive) -> None:
    """The vectors are checked like the words: saved ahead of the log (a database restored from an older
    backup) they would skip the changes up to their sequence; short of posts they would never find them."""
    side, index = hybrid.index.semantic, hybrid.index
    assert side is not None
    in_step = index.applied_seq
    side.store.save(seq=in_step + 5)  # the word index is in step; only the vectors claim more
    assert bring_in_step(hybrid.store, index) == 20  # rebuilt from the twenty posts
    assert (side.applied_seq, len(side)) == (in_step, 20)
    side.store.remove([side.store.ids[0]])  # one post's vector lost, the sequence kept
    assert bring_in_step(hybrid.store, index) == 20
    assert (side.applied_seq, len(side)) == (in_step, 20)
