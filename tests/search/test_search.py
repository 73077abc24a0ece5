"""Search behaviour on the seed and on small dated archives: ranking, order, labels, typos, catch-up."""

from __future__ import annotations

import json
import re
import threading
from collections import defaultdict
from pathlib import Path

import pytest
import tantivy

from metalnomist.config import Settings
from metalnomist.pipeline import Archive, ingest_file, open_archive
from metalnomist.search.compiler import FIELD_BOOSTS
from metalnomist.search.index import SCHEMA_VERSION, SearchIndex
from metalnomist.search.query import parse
from metalnomist.search.service import (
    MAX_LIMIT,
    MAX_OFFSET,
    SearchRequest,
    Tier,
    _in_order,
    _suggest,
    _two_tiers,
    catch_up,
    reindex,
    search,
)
from metalnomist.search.thesaurus import Thesaurus, default_thesaurus
from metalnomist.store.posts import list_posts


def titles(archive: Archive, text: str = "", **options: object) -> list[str]:
    page = search(archive.store, archive.index, SearchRequest(text, **options))  # type: ignore[arg-type]
    return [hit.post.title for hit in page.hits]


def test_posts_with_some_of_the_words_score_the_sum_of_each_word_in_each_field(seeded: Archive) -> None:
    """BM25 summed over the words and the fields with their boosts, as the ranking is meant to score; computed
    here from one term at a time, so a lost boost, field or word in the compiled query changes the scores."""
    index, text = seeded.index, "Japan nickel imports hydrogen"
    (tier,) = index.compiler.compile(parse(text), (), "any").tiers  # match=any: the one relaxed tier
    searcher = index.index.searcher()
    scored = {(a.segment_ord, a.doc): score for score, a in searcher.search(tier, limit=1000).hits}
    expected: dict[tuple[int, int], float] = defaultdict(float)
    for token in index.tokens(text):
        for field, boost in FIELD_BOOSTS.items():
            for score, a in searcher.search(tantivy.Query.term_query(index.schema, field, token), limit=1000).hits:
                expected[(a.segment_ord, a.doc)] += boost * score
    assert len(scored) > 10 and scored.keys() == expected.keys()
    assert all(scored[key] == pytest.approx(expected[key], rel=1e-5) for key in scored)


def test_apostrophe_and_possessive_forms_find_the_same_posts(seeded: Archive) -> None:
    found = [set(titles(seeded, q, limit=100)) for q in ("Japan’s", "Japan's", "Japans", "JAPAN")]
    assert found[0] == found[1] == found[2] == found[3]
    assert len(found[0]) == 20


def test_palladium_finds_the_palladium_post_first(seeded: Archive) -> None:
    assert titles(seeded, "palladium")[0].startswith("Japan’s Imports of Russian Palladium")


def test_phrase_matches_only_the_exact_words(seeded: Archive) -> None:
    assert titles(seeded, '"nickel matte"') == ["Sumitomo Metal Mining to Build Japan’s First Nickel Matte Plant"]
    assert titles(seeded, '"matte nickel"') == []


def test_a_phrase_holding_a_possessive_finds_the_post_it_was_copied_from(seeded: Archive) -> None:
    """The analyser drops the `s` of `Japan’s` and leaves a gap where it stood: a phrase must keep that gap
    too, or a phrase copied from the article finds nothing (it once did)."""
    lithium = ["Japan's Lithium Imports Drop Amid Slow EV Market in 2024"]
    assert titles(seeded, '"Japan’s imports of lithium carbonate"') == lithium
    assert titles(seeded, '"Japan\'s imports of lithium carbonate"', match="all") == lithium  # a straight apostrophe
    assert titles(seeded, '"Japan’s imports of lithium hydroxide"') == []  # and it is still a phrase


def test_a_required_word_scores_as_the_word_alone(seeded: Archive) -> None:
    """`+` makes a word required and nothing more: each hit's score (which the API shows) is the word's own,
    though beside no plain word the query also asks for every post (Tantivy drops that part of a conjunction)."""
    def scored(text: str) -> list[tuple[int, float]]:
        return [(h.post.id, h.score) for h in search(seeded.store, seeded.index, SearchRequest(text)).hits]

    plain, required = scored("palladium"), scored("+palladium")
    assert plain and [i for i, _ in required] == [i for i, _ in plain]
    assert all(a == pytest.approx(b, rel=1e-6) for (_, a), (_, b) in zip(required, plain, strict=True))


def test_sakura_brings_the_three_ev_sales_posts_first(seeded: Archive) -> None:
    top = titles(seeded, "Sakura")[:3]
    assert len(top) == 3 and all("EV Sales" in t for t in top)


def test_exclusion_removes_posts(seeded: Archive) -> None:
    with_sulphide = titles(seeded, "lithium", limit=100)
    without = titles(seeded, "lithium -sulphide", limit=100)
    assert any("Sulphide" in t for t in with_sulphide)
    assert without and not any("Sulphide" in t for t in without)
    assert set(without) < set(with_sulphide)


def test_or_widens(seeded: Archive) -> None:
    assert set(titles(seeded, "palladium OR antimony")) == set(titles(seeded, "palladium")) | set(
        titles(seeded, "antimony"))


def test_label_filter(seeded: Archive) -> None:
    assert titles(seeded, labels=("Iron Ore",)) == ["Japan’s Iron Ore Imports Drop in March Amid Weak Steel Demand"]
    assert titles(seeded, "copper", labels=("iron ore",)) == []  # labels match case-insensitively; no copper there


def test_typo_tolerance_and_suggestion(seeded: Archive) -> None:
    page = search(seeded.store, seeded.index, SearchRequest("palladum"))
    assert page.hits and "Palladium" in page.hits[0].post.title
    assert page.suggestion == "palladium"


def test_thesaurus_finds_the_words_articles_use(seeded: Archive) -> None:
    assert titles(seeded, "Li2CO3") == ["Japan's Lithium Imports Drop Amid Slow EV Market in 2024"]
    assert "Japan's Primary Aluminum Imports Rise Despite Weak Domestic Demand" in titles(seeded, "aluminium")


def test_every_hit_has_a_snippet_with_marks(seeded: Archive) -> None:
    page = search(seeded.store, seeded.index, SearchRequest("iron ore", limit=20))
    assert page.hits
    for hit in page.hits:
        assert re.search(r"<mark>(iron|ore)</mark>", hit.snippet, re.IGNORECASE), hit.snippet
        assert "<script" not in hit.snippet


def test_paging_and_total(seeded: Archive) -> None:
    first = search(seeded.store, seeded.index, SearchRequest("Japan", limit=7))
    second = search(seeded.store, seeded.index, SearchRequest("Japan", limit=7, offset=7))
    assert first.total == second.total == 20
    assert [h.rank for h in second.hits] == list(range(8, 15))
    assert not {h.post.id for h in first.hits} & {h.post.id for h in second.hits}


IRON_ORE = "Japan’s Iron Ore Imports Drop in March Amid Weak Steel Demand"
EVERY_POST = 20

# (query, total, titles of the hits when few): odd text answers exactly, never an error.
HOSTILE_QUERIES = [
    ('"', EVERY_POST, None),  # a lone quote, a lone minus, a bare AND, brackets: no clause, so every post
    ("-", EVERY_POST, None),
    ("AND", EVERY_POST, None),
    ("", EVERY_POST, None),
    ("(((", EVERY_POST, None),
    ("U.S.", 5, None),  # folds with US, USA, American (countries.tsv): the three "U.S." posts and two "US" ones
    ("$102.20/t", 1, [IRON_ORE]),  # a price as written in the iron ore post
    ("62% Fe", 0, []),  # no seed post grades its ore
    ("x" * 10_000, 0, []),  # too long to be indexed, so in no post: not a query for every post
]


@pytest.mark.parametrize(("text", "total", "expected"), HOSTILE_QUERIES)
def test_hostile_queries_answer(seeded: Archive, text: str, total: int, expected: list[str] | None) -> None:
    page = search(seeded.store, seeded.index, SearchRequest(text, limit=100))
    found = [hit.post.title for hit in page.hits]
    assert page.total == len(found) == total
    if expected is not None:
        assert found == expected


def dated_archive(tmp_path: Path, archive: Archive) -> Archive:
    lines = [
        {"title": "Old copper", "body": "copper copper copper copper", "published": "2019-01-01"},
        {"title": "New copper", "body": "copper once", "published": "2025-06-01"},
        {"title": "Undated copper", "body": "copper copper", "published": None},
        {"title": "Middle copper", "body": "copper copper copper", "published": "2022-03-01T10:00:00+09:00"},
    ]
    path = tmp_path / "dated.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in lines))
    ingest_file(archive, path)
    return archive


def test_date_order_is_newest_first_with_undated_last(archive: Archive, tmp_path: Path) -> None:
    dated_archive(tmp_path, archive)
    assert titles(archive, "copper", sort="date") == ["New copper", "Middle copper", "Old copper", "Undated copper"]
    assert titles(archive, "copper")[0] == "Old copper"  # relevance: most occurrences


def test_index_catches_up_after_a_crash(tmp_path: Path, archive: Archive, settings: Settings) -> None:
    dated_archive(tmp_path, archive)
    # Simulate a process killed after the database commit but before the index applied it:
    # forget what the index applied, and drop its documents.
    index_dir = settings.resolved_index_dir()
    (index_dir / "state.json").write_text(json.dumps({"schema": SCHEMA_VERSION, "seq": 0}))
    archive.index.apply([], {}, 0, clear=True)
    assert archive.index.num_docs() == 0
    reopened = open_archive(settings)  # the next start catches up before any search
    assert reopened.index.num_docs() == 4
    reopened.close()
    archive.index.apply([], {}, 0, clear=True)
    assert len(titles(archive, "copper")) == 4  # and so does a running process, at its next search


def test_reindex_rebuilds_from_the_database(seeded: Archive, settings: Settings) -> None:
    fresh = SearchIndex(settings.resolved_index_dir().with_name("other-index"))
    assert fresh.num_docs() == 0
    assert reindex(seeded.store, fresh) == 20
    assert fresh.num_docs() == 20
    assert catch_up(seeded.store, fresh) == 0


def test_an_index_ahead_of_a_replaced_database_is_rebuilt(tmp_path: Path) -> None:
    settings = Settings(db=f"sqlite:///{tmp_path}/a.db", index_dir=str(tmp_path / "shared-index"))
    first = open_archive(settings)
    dated_archive(tmp_path, first)
    first.close()
    (tmp_path / "a.db").unlink()  # the database is replaced by an empty one; the index stays
    second = open_archive(settings)
    assert titles(second, "copper") == []
    path = tmp_path / "zinc.jsonl"
    path.write_text(json.dumps({"title": "Zinc output", "body": "zinc smelters"}))
    ingest_file(second, path)
    assert titles(second, "zinc") == ["Zinc output"]
    second.close()


def test_a_running_server_sees_what_another_process_ingested(archive: Archive, settings: Settings,
                                                             tmp_path: Path) -> None:
    server = archive
    assert titles(server, "copper") == []
    cli = open_archive(settings)  # a second opener of the same database and index, like `metalnomist ingest`
    dated_archive(tmp_path, cli)
    cli.close()
    assert len(titles(server, "copper")) == 4


def test_search_answers_while_another_writer_holds_the_index(archive: Archive, settings: Settings,
                                                             tmp_path: Path) -> None:
    assert archive.index.num_docs() == 0  # the running server has its index open
    other = SearchIndex(settings.resolved_index_dir())
    held = other.index.writer(heap_size=50_000_000, num_threads=1)  # another process mid-ingest
    path = tmp_path / "late.jsonl"
    path.write_text(json.dumps({"title": "Tin news", "body": "tin smelter"}))
    with archive.store.transaction() as conn:  # logged in the database, not yet indexed
        from metalnomist.ingest import read_posts
        from metalnomist.store.posts import upsert_post

        for post in read_posts(path):
            upsert_post(conn, post)
    assert titles(archive, "tin") == []  # no error, no wait: the other writer will catch up
    del held
    assert titles(archive, "tin") == ["Tin news"]


def test_typo_results_mark_the_word_they_matched(seeded: Archive) -> None:
    page = search(seeded.store, seeded.index, SearchRequest("palladum"))
    assert "<mark>palladium</mark>" in page.hits[0].snippet.lower()


def test_a_title_match_outranks_the_same_word_in_a_body(archive: Archive, tmp_path: Path) -> None:
    """The post with the word in its title is the longer one, so BM25 over title and body alone ranks the
    other first: only the title bonus (FIELD_BOOSTS) puts it on top."""
    path = tmp_path / "t.jsonl"
    path.write_text(json.dumps({"title": "Cobalt market", "body": "Prices moved on thin trade across the region."})
                    + "\n" + json.dumps({"title": "Market wrap", "body": "Cobalt prices moved."}) + "\n")
    ingest_file(archive, path)
    assert titles(archive, "cobalt") == ["Cobalt market", "Market wrap"]


def test_any_word_queries_score_the_parts_of_a_hyphenated_word(archive: Archive, tmp_path: Path) -> None:
    path = tmp_path / "h.jsonl"
    path.write_text(json.dumps({"title": "Kinase study", "body": "The protein kinase is activated by AMP."}) + "\n")
    ingest_file(archive, path)
    assert titles(archive, "AMP-activated kinase", match="any") == ["Kinase study"]
    assert titles(archive, "AMP-activated kinase", match="all") == []  # the hyphenated word stays a phrase


def test_letters_and_digits_are_words_apart(archive: Archive, tmp_path: Path) -> None:
    path = tmp_path / "w.jsonl"
    path.write_text(json.dumps({"title": "FoxO3a in neurons", "body": "FoxO3a activation kills neurons."}) + "\n"
                    + json.dumps({"title": "Cytokines", "body": "IL-6 levels rose; IL-10 fell."}) + "\n")
    ingest_file(archive, path)
    assert titles(archive, "FOXO", match="all") == ["FoxO3a in neurons"]  # the gene family finds the member
    assert titles(archive, "IL6", match="all") == titles(archive, "IL 6", match="all") == ["Cytokines"]
    assert titles(archive, "IL-1", match="all") == []  # still a phrase: IL-10 is not IL-1


def test_an_acronyms_plural_and_a_greek_letter_after_it_find_the_acronym(archive: Archive, tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"title": "PGM basket", "body": "The PGM basket price rose."}) + "\n"
                    + json.dumps({"title": "Receptors", "body": "PPARγ binds RXR."}) + "\n")
    ingest_file(archive, path)
    # The English stemmer keeps the s of a word without a vowel (`pgms`); capitals end the acronym before it.
    assert titles(archive, "PGMs", match="all") == ["PGM basket"]
    assert titles(archive, "RXRs", match="all") == titles(archive, "PPAR", match="all") == ["Receptors"]
    assert titles(archive, "PPAR-γ", match="all") == ["Receptors"]  # and the Greek letter is a word of its own


def smelter_archive(tmp_path: Path, archive: Archive) -> Archive:
    lines = [
        {"title": "Copper smelter in Chile", "body": "A copper smelter in Chile restarts.", "published": "2024-01-01"},
        {"title": "Copper mine output", "body": "Copper mine output rose.", "published": "2025-01-01"},
        {"title": "Strike at a smelter", "body": "Workers at a smelter in Chile strike.", "published": "2023-01-01"},
        {"title": "Zinc prices", "body": "Zinc prices fell.", "published": "2025-02-01"},
    ]
    path = tmp_path / "smelters.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in lines))
    ingest_file(archive, path)
    return archive


def test_every_word_hits_come_first_then_hits_with_some_words(archive: Archive, tmp_path: Path) -> None:
    smelter_archive(tmp_path, archive)
    page = search(archive.store, archive.index, SearchRequest("copper smelter Chile"))
    assert [h.post.title for h in page.hits] == ["Copper smelter in Chile", "Strike at a smelter", "Copper mine output"]
    assert (page.total, page.every_word) == (3, 1)
    assert [h.missing for h in page.hits] == [(), ("copper",), ("smelter", "Chile")]


def test_pages_run_on_across_the_two_tiers(archive: Archive, tmp_path: Path) -> None:
    smelter_archive(tmp_path, archive)
    whole = titles(archive, "copper smelter Chile")
    pages = [search(archive.store, archive.index, SearchRequest("copper smelter Chile", limit=1, offset=i))
             for i in range(4)]
    assert [h.post.title for p in pages for h in p.hits] == whole
    assert [h.rank for p in pages for h in p.hits] == [1, 2, 3]
    assert {(p.total, p.every_word) for p in pages} == {(3, 1)}
    # A later page says what its hits lack just as the first page does.
    assert [h.missing for p in pages for h in p.hits] == [(), ("copper",), ("smelter", "Chile")]


def test_a_word_no_post_has_does_not_empty_the_page(archive: Archive, tmp_path: Path) -> None:
    smelter_archive(tmp_path, archive)
    page = search(archive.store, archive.index, SearchRequest("copper unobtainium"))
    assert [h.post.title for h in page.hits] == ["Copper mine output", "Copper smelter in Chile"]
    assert page.every_word == 0 and all(h.missing == ("unobtainium",) for h in page.hits)


def test_a_word_too_long_to_index_is_missing_not_ignored(archive: Archive, tmp_path: Path) -> None:
    smelter_archive(tmp_path, archive)
    long_word = "copper" + "x" * 60
    page = search(archive.store, archive.index, SearchRequest(f"copper {long_word}"))
    assert [h.post.title for h in page.hits] == ["Copper mine output", "Copper smelter in Chile"]
    assert page.every_word == 0
    assert search(archive.store, archive.index, SearchRequest(long_word)).total == 0


def test_match_all_any_and_date_order(archive: Archive, tmp_path: Path) -> None:
    smelter_archive(tmp_path, archive)
    assert titles(archive, "copper smelter Chile", match="all") == ["Copper smelter in Chile"]
    assert titles(archive, "copper smelter Chile", sort="date") == ["Copper smelter in Chile"]  # Blogger's meaning
    anyword = search(archive.store, archive.index, SearchRequest("copper smelter Chile", match="any"))
    assert {h.post.title for h in anyword.hits} == {"Copper smelter in Chile", "Strike at a smelter",
                                                    "Copper mine output"}
    assert anyword.every_word == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("+copper smelter Chile", ["Copper smelter in Chile", "Copper mine output"]),  # +word must be there
        ('"copper mine" Chile', ["Copper mine output"]),  # so must a phrase
        ("copper smelter -Chile", ["Copper mine output"]),  # and an excluded word must not
        ("copper -smelter -mine", []),  # every excluded word, not only the first
        ("the copper smelter of Chile", ["Copper smelter in Chile", "Strike at a smelter", "Copper mine output"]),
    ],
)
def test_exact_control_binds_in_the_relaxed_ranking(archive: Archive, tmp_path: Path, text: str,
                                                    expected: list[str]) -> None:
    smelter_archive(tmp_path, archive)
    assert titles(archive, text) == expected


def test_stopwords_are_never_missing(archive: Archive, tmp_path: Path) -> None:
    smelter_archive(tmp_path, archive)
    page = search(archive.store, archive.index, SearchRequest("the copper smelter of Chile"))
    assert page.every_word == 1 and [h.missing for h in page.hits][1:] == [("copper",), ("smelter", "Chile")]
    assert titles(archive, "the") == titles(archive, "+the")  # a query of nothing else keeps its stopwords


def test_an_excluded_phrase_keeps_its_minus(seeded: Archive) -> None:
    lithium = titles(seeded, "lithium", limit=100)
    without = titles(seeded, 'lithium -"lithium sulphide"', limit=100)
    sulphide = [t for t in lithium if "Sulphide" in t]
    assert sulphide and without == [t for t in lithium if t not in sulphide]


def test_a_typo_beside_a_known_word_is_still_corrected(seeded: Archive) -> None:
    page = search(seeded.store, seeded.index, SearchRequest("palladum imports"))
    assert page.hits[0].post.title.startswith("Japan’s Imports of Russian Palladium")
    assert page.suggestion == "palladium imports" and page.hits[0].missing == ()


@pytest.mark.parametrize(("typed", "suggested"), [
    ("palladum -copper", "palladium -copper"),  # an exclusion stays an exclusion
    ("+palladum imports", "+palladium imports"),  # a required word stays required
    ('"iron ore" imprts', '"iron ore" imports'),  # a phrase stays a phrase
    ("Japan palladum", "Japan palladium"),  # only the unknown word is replaced: a known one keeps its case
    ("palladum OR antimonny", "palladium OR antimony"),  # every alternative typed is corrected, the OR kept
    ("Palladum  OR  lithum", "palladium  OR  lithium"),  # as typed but the typos: spacing and all
    ("palladum?", "palladium"),  # punctuation typed with the word is text, not a pattern
    ("Japa Japanese", "japan Japanese"),  # a typed word that holds the typo is another word, left alone
])
def test_a_suggestion_keeps_the_query_but_its_typos(seeded: Archive, typed: str, suggested: str) -> None:
    assert search(seeded.store, seeded.index, SearchRequest(typed)).suggestion == suggested


def test_a_suggestion_differing_only_in_case_is_not_made(archive: Archive, tmp_path: Path) -> None:
    """`Spvs` is not cut as `SPVs` is (spv: capitals begin a word), so typo tolerance finds the post; the
    post's own spelling, lowercased, is what was typed: "Did you mean spvs?" would tell nobody anything."""
    path = tmp_path / "spv.jsonl"
    path.write_text(json.dumps({"title": "Mine stakes", "body": "SPVs hold the stakes in the mine."}) + "\n")
    ingest_file(archive, path)
    page = search(archive.store, archive.index, SearchRequest("Spvs"))
    assert [h.post.title for h in page.hits] == ["Mine stakes"] and page.suggestion is None


def test_a_suggestion_takes_the_letters_of_a_word_glued_to_digits(archive: Archive, tmp_path: Path) -> None:
    """Ranking cuts `COVID19` into covid and 19, so `covd` reaches the post by typo tolerance; the suggestion
    is the run of letters the post has, not the whole glued word (too far from `covd` to be offered)."""
    path = tmp_path / "covid.jsonl"
    path.write_text(json.dumps({"title": "Smelters", "body": "COVID19 curbs cut smelter output."}) + "\n")
    ingest_file(archive, path)
    page = search(archive.store, archive.index, SearchRequest("covd"))
    assert [h.post.title for h in page.hits] == ["Smelters"] and page.suggestion == "covid"


def _ids(archive: Archive, text: str) -> list[int]:
    return [hit.post.id for hit in search(archive.store, archive.index, SearchRequest(text, limit=50)).hits]


def test_no_suggestion_when_no_word_of_the_first_five_hits_is_close(seeded: Archive) -> None:
    """A suggestion must be a near spelling (difflib ratio ≥ 0.75) of a word in the hits shown first;
    anything looser, or read further down, suggests words nobody meant."""
    nickel, others = _ids(seeded, '"nickel matte"'), _ids(seeded, "imports -nickel")
    assert len(others) >= 5
    assert _suggest(parse("nickle"), seeded.index, nickel, frozenset({"nickle"})) == "nickel"
    assert _suggest(parse("nicxyl"), seeded.index, nickel, frozenset({"nicxyl"})) is None  # ratio 0.67 to nickel
    assert _suggest(parse("nickle"), seeded.index, others[:5] + nickel, frozenset({"nickle"})) is None


def test_out_of_range_paging_is_brought_into_range(seeded: Archive) -> None:
    """Every face passes what people typed; the service, not each face, keeps it in range."""
    assert len(search(seeded.store, seeded.index, SearchRequest("japan", limit=0)).hits) == 1
    assert search(seeded.store, seeded.index, SearchRequest("japan", limit=10**6)).limit == MAX_LIMIT
    page = search(seeded.store, seeded.index, SearchRequest("japan", offset=-5))
    assert page.offset == 0 and page.hits[0].rank == 1
    # The CLI takes any offset. Tantivy sets memory aside for offset + limit hits: asked for 10**13, the
    # allocation failed and aborted the whole process.
    for text in ("japan", "nickel palladium"):  # one tier, and every-word then some-word hits
        page = search(seeded.store, seeded.index, SearchRequest(text, offset=10**13))
        assert (page.offset, page.hits) == (MAX_OFFSET, ())
        assert page.total == search(seeded.store, seeded.index, SearchRequest(text)).total


def test_date_order_requires_every_word(seeded: Archive) -> None:
    """Blogger's date order lists the posts with every word; the some-word tier is relevance's alone."""
    both = titles(seeded, "nickel palladium", match="all", limit=100)
    assert sorted(titles(seeded, "nickel palladium", sort="date", limit=100)) == sorted(both)
    assert len(titles(seeded, "nickel palladium", limit=100)) > len(both)


def test_match_any_says_what_each_hit_lacks_even_above_an_every_word_hit(seeded: Archive) -> None:
    """In one BM25 ranking a post with one word can outrank the post with both: its lack is still shown."""
    both = {hit.post.id for hit in search(seeded.store, seeded.index,
                                          SearchRequest("tonnes nickel", match="all", limit=100)).hits}
    page = search(seeded.store, seeded.index, SearchRequest("tonnes nickel", match="any", limit=100))
    assert page.every_word == len(both) >= 1 and page.hits[0].missing
    assert [hit.missing == () for hit in page.hits] == [hit.post.id in both for hit in page.hits]


def test_one_exact_hit_keeps_typo_tolerance_out(seeded: Archive) -> None:
    """Typo tolerance joins only when no post has every word (FEW_RESULTS): one exact hit is the answer."""
    page = search(seeded.store, seeded.index, SearchRequest('"nickel matte" OR palladum'))
    assert [h.post.title for h in page.hits] == ["Sumitomo Metal Mining to Build Japan’s First Nickel Matte Plant"]
    assert page.suggestion is None


@pytest.mark.parametrize(("typed", "found"), [
    ("tungstan", ["Tungsten prices climb"]),  # one edit: any word of 4 letters or more
    ("tangstan", ["Tungsten prices climb"]),  # two edits: a word of 8 letters or more
    ("bosmith", []),  # two edits in a 7-letter word: too far, or every short word would match
    ("bismoth", ["Bismuth output slips"]),
])
def test_a_typo_reaches_one_edit_in_a_short_word_and_two_in_a_long_one(archive: Archive, tmp_path: Path,
                                                                       typed: str, found: list[str]) -> None:
    path = tmp_path / "typos.jsonl"
    path.write_text(json.dumps({"title": "Tungsten prices climb", "body": "Tungsten rose."}) + "\n"
                    + json.dumps({"title": "Bismuth output slips", "body": "Bismuth fell."}) + "\n")
    ingest_file(archive, path)
    assert titles(archive, typed) == found


def test_no_suggestion_when_typo_tolerance_finds_nothing_more(archive: Archive, tmp_path: Path) -> None:
    """`chileno` is two edits from `chile`, beyond a short word's reach: the tolerant run finds no more
    than the exact one, so nothing is suggested, though Chile is a close spelling in the hits."""
    smelter_archive(tmp_path, archive)
    page = search(archive.store, archive.index, SearchRequest("copper chileno"))
    assert [h.post.title for h in page.hits] == ["Copper mine output", "Copper smelter in Chile"]
    assert page.suggestion is None


def test_typo_hits_without_a_suggestion_still_mark_the_known_words(archive: Archive, tmp_path: Path) -> None:
    """`tungstem` reaches the post by its label, a word no title or body holds, so nothing is suggested;
    the snippets still mark `cargo` as any search would."""
    path = tmp_path / "l.jsonl"
    path.write_text(json.dumps({"title": "Cargo of concentrate", "body": "A cargo of concentrate left Vietnam.",
                                "labels": ["Tungsten"]}) + "\n"
                    + json.dumps({"title": "Grain cargo", "body": "A grain cargo left the port."}) + "\n")
    ingest_file(archive, path)
    page = search(archive.store, archive.index, SearchRequest("tungstem cargo"))
    assert [h.post.title for h in page.hits] == ["Cargo of concentrate", "Grain cargo"]
    assert (page.every_word, page.suggestion) == (1, None)
    assert all("<mark>cargo</mark>" in h.snippet for h in page.hits)


def test_match_any_with_a_required_word_counts_only_hits_with_every_word(archive: Archive, tmp_path: Path) -> None:
    """`+copper smelter` in any-word mode: both copper posts answer, but only one has smelter too; the count
    of every-word hits must agree with what each hit is shown to lack (it once said 2)."""
    smelter_archive(tmp_path, archive)
    page = search(archive.store, archive.index, SearchRequest("+copper smelter", match="any"))
    assert [(h.post.title, h.missing) for h in page.hits] == [("Copper smelter in Chile", ()),
                                                              ("Copper mine output", ("smelter",))]
    assert (page.total, page.every_word) == (2, 1)


SOME_WORDS_QUERIES = [
    ("Japan nickel imports", ()), ("Russian palladium imports Japan", ()), ("+Japan palladium lithium", ()),
    ("lithium battery -sulphide", ()), ('"nickel matte" Japan copper', ()), ("EV sales Japan", ()),
    ("steel demand imports", ("Iron Ore",)), ("Japan imports copper", ("Copper",)),
]


def test_the_some_words_tier_counted_and_excluded_cheaply_is_the_tier_as_compiled(seeded: Archive) -> None:
    """The second tier is counted as everything the words reach less the first tier, and on a first page it
    leaves out the first tier's posts by id (not by testing the every-word query on each post): the same
    hits, scores and totals as running the compiled tiers in order, so a lost label, required or excluded
    word, or a first-tier post shown twice fails here."""
    index = seeded.index
    pages_with_both_tiers = 0
    for text, labels in SOME_WORDS_QUERIES:
        compiled = index.compiler.compile(default_thesaurus().expand(parse(text)), labels)
        assert compiled.reach and compiled.counted is not None, text
        for offset, limit in ((0, 1), (0, 3), (0, 10), (0, 40), (2, 3), (1, 40)):
            request = SearchRequest(text, labels=labels, limit=limit, offset=offset)
            cheap = _two_tiers(index, compiled, compiled.counted, compiled.highlight, request)
            assert cheap == _in_order(index, [Tier(q) for q in compiled.tiers], compiled.highlight, request), text
            hits, (first, second) = cheap
            pages_with_both_tiers += offset < first < offset + len(hits)
    assert pages_with_both_tiers >= 5


def test_the_reach_is_counted_on_another_thread_while_the_page_is_searched(seeded: Archive,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """At a million posts counting the reach takes longer than the first tier's page (12 ms and 8 ms p50 for
    two words): done one after the other, a search waited for both. Searched serially again, this fails."""
    index, counted_on = seeded.index, []
    real_count = index.count

    def count(query: tantivy.Query) -> int:
        counted_on.append(threading.current_thread().name)
        return real_count(query)

    monkeypatch.setattr(index, "count", count)
    text, labels = SOME_WORDS_QUERIES[0]
    page = search(seeded.store, index, SearchRequest(text, labels=labels, limit=1))
    assert page.total > len(page.hits) == 1
    assert counted_on and all(name.startswith("search-count") for name in counted_on), counted_on


def test_a_labels_newest_posts_come_from_the_index_in_the_sites_order(archive: Archive, tmp_path: Path) -> None:
    """Related posts ask for each label's newest posts: dated ones newest first, then undated ones, only
    posts with the label, as the label's own listing orders them; the label however it is spelt."""
    records = [{"title": f"Dated {n}", "body": "Cobalt.", "published": f"2024-0{n}-10T08:00:00Z",
                "labels": ["Côte d’Ivoire"] if n % 2 else ["Cobalt"]} for n in range(1, 10)]
    records += [{"title": f"Undated {n}", "body": "Cobalt.", "labels": ["Côte d’Ivoire"]} for n in range(2)]
    path = tmp_path / "labelled.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    ingest_file(archive, path)
    with archive.store.reading() as conn:
        listed = [post.id for post in list_posts(conn, 0, 20, label="Côte d’Ivoire")]
    assert len(listed) == 7  # five dated, two undated
    assert archive.index.newest_with_label("Côte d’Ivoire", 20) == listed  # undated ones share a moment
    assert archive.index.newest_with_label("COTE D'IVOIRE", 3) == listed[:3]
    assert archive.index.newest_with_label("Nickel", 3) == []


def test_synonyms_that_are_one_term_score_once(archive: Archive, tmp_path: Path) -> None:
    """`EV` and `EVs` (or `electric vehicle` and `electric vehicles`) analyse alike: a post with the word
    scores as it would for the word alone, not once per spelling of it in the thesaurus."""
    path = tmp_path / "ev.jsonl"
    path.write_text(json.dumps({"title": "Sales", "body": "EV sales rose in Japan."}) + "\n"
                     + json.dumps({"title": "Tariffs", "body": "Tariffs on steel rose."}) + "\n")
    ingest_file(archive, path)
    alike = Thesaurus([["ev", "evs", "EV's"]])
    alone = Thesaurus([])
    [with_synonyms] = search(archive.store, archive.index, SearchRequest("EV"), alike).hits
    [word_alone] = search(archive.store, archive.index, SearchRequest("EV"), alone).hits
    assert with_synonyms.score == pytest.approx(word_alone.score, rel=1e-6)


def test_phrases_that_only_add_to_a_score_match_and_score_as_the_flat_union(archive: Archive, tmp_path: Path) -> None:
    """`South Korea`'s phrases beside `Korea`, and each word's title part beside its `text` part (title and
    body), are asked only about posts the rest found: each post still matches and scores as the plain union
    of every alternative in every field, while a phrase that widens the match (`lithium carbonate` beside
    `Li2CO3`) and a label still find posts on their own, and are counted."""
    bodies = ["South Korea imports lithium carbonate.", "Korea buys Li2CO3 and nickel.", "South Africa mines nickel.",
              "A North Korean lithium carbonate cargo.", "Lithium carbonate prices fell in South Korea.",
              "Seoul, South Korea: the Republic of Korea's EV makers.", "Lithium carbonate, Chile.",
              "Nickel for South Korea's steel mills."]
    path = tmp_path / "korea.jsonl"
    labels = {6: ["Nickel"]}  # a post that only its label makes a nickel post
    titles = {2: "Nickel", 6: "Korea"}  # a one-word query's title part joins its union: it must widen nothing
    path.write_text("".join(json.dumps({"title": titles.get(i, f"Post {chr(97 + i)}"), "body": b,
                                        "labels": labels.get(i, [])}) + "\n" for i, b in enumerate(bodies)))
    ingest_file(archive, path)
    index = archive.index
    searcher = index.index.searcher()

    def scored(query: tantivy.Query) -> dict[int, float]:
        found = searcher.search(query, limit=100).hits
        ids = searcher.fast_field_values("id", [address for _, address in found])
        return {i: score for i, (score, _) in zip(ids, found, strict=True) if isinstance(i, int)}

    def union(parts: list[tantivy.Query]) -> tantivy.Query:
        return tantivy.Query.boolean_query([(tantivy.Occur.Should, q) for q in parts])

    for text in ("lithium carbonate South Korea", "South Korea nickel", "Korean nickel", "Korea", "nickel"):
        query = default_thesaurus().expand(parse(text))
        clauses = [[q for side in index.compiler.clause_parts(c) for q in side] for c in query.clauses]
        every = tantivy.Query.boolean_query([(tantivy.Occur.Must, union(parts)) for parts in clauses])
        split = [q for c in query.clauses for side in index.compiler.clause_parts(c, split=True) for q in side]
        (any_word,) = index.compiler.compile(query, (), "any").tiers
        for compiled, flat in ((index.compiler.compile(query).every, every), (any_word, union(split))):
            expected, got = scored(flat), scored(compiled)
            assert got.keys() == expected.keys() and got, text
            assert all(got[i] == pytest.approx(expected[i], rel=1e-5) for i in got), text
        # The reach is counted without its title parts: a post only its title or label finds still counts.
        best = index.compiler.compile(query)
        if best.counted is not None:
            assert index.count(best.counted) == len(scored(index.compiler.beyond(best, []))), text
    assert len(scored(index.compiler.compile(default_thesaurus().expand(parse("lithium carbonate"))).every)) == 5
    # Beside a required word the other words' parts are all optional: the phrases still add to the score.
    query = default_thesaurus().expand(parse("+nickel South Korea"))
    nickel, korea = ([q for side in index.compiler.clause_parts(c, split=True) for q in side] for c in query.clauses)
    (tier,) = index.compiler.compile(query, (), "any").tiers
    expected = scored(tantivy.Query.boolean_query([(tantivy.Occur.Must, union(nickel)),
                                                   (tantivy.Occur.Should, union(korea))]))
    got = scored(tier)
    assert got.keys() == expected.keys() and len(got) == 4
    assert all(got[i] == pytest.approx(expected[i], rel=1e-5) for i in got)


def test_a_snippet_marks_words_as_the_body_was_cut(archive: Archive, tmp_path: Path) -> None:
    """Snippets read the body with a faster cut (runs of letters and digits) than ranking uses, and marks
    are looked up the same way: `Li2CO3` is marked whole, not as its digits wherever they stand (`19.2%`),
    and `South` in `South32` is not a word of `South Korea`."""
    path = tmp_path / "li.jsonl"
    path.write_text(json.dumps({"title": "Lithium", "body": "Stocks of Li2CO3 fell 19.2% at South32's port in "
                                "South Korea, where lithium carbonate is landed."}) + "\n")
    ingest_file(archive, path)
    [hit] = search(archive.store, archive.index, SearchRequest("Li2CO3")).hits
    assert "<mark>Li2CO3</mark>" in hit.snippet and "<mark>2</mark>" not in hit.snippet
    [hit] = search(archive.store, archive.index, SearchRequest("South Korea")).hits
    assert "<mark>South</mark> <mark>Korea</mark>" in hit.snippet and "South32" in hit.snippet
    assert "<mark>South</mark>32" not in hit.snippet


@pytest.mark.parametrize(("query", "marked"), [
    ("price", ["Prices", "pricing", "priced"]),  # `pric…`: the stemmer drops the e of pricing
    ("pricing", ["Prices", "pricing", "priced"]),
    ("supply", ["supplies", "supply"]),  # the stem is `suppli`
    ("possibility", ["possible"]),  # `possibl`
    ("Japan’s", ["Japan"]),
])
def test_a_snippet_marks_every_form_of_a_word(archive: Archive, tmp_path: Path, query: str,
                                              marked: list[str]) -> None:
    """Bodies are cut for snippets without stemming: a query word is marked by each of its forms they hold."""
    path = tmp_path / "forms.jsonl"
    path.write_text(json.dumps({"title": "Forms", "body": "Prices rose as pricing power held and supplies from "
                                "Japan stayed tight; the premium was priced in, and a supply gap is possible."}) + "\n")
    ingest_file(archive, path)
    [hit] = search(archive.store, archive.index, SearchRequest(query)).hits
    assert sorted(re.findall(r"<mark>(\w+)</mark>", hit.snippet)) == sorted(marked), hit.snippet


def test_a_snippet_of_a_long_body_shows_an_ellipsis_at_each_cut(archive: Archive, tmp_path: Path) -> None:
    """The fragment's ends are byte offsets: Japanese text before the match makes the body far longer in
    bytes than in characters, and the text cut off after the fragment still gets its ellipsis."""
    body = "日本の輸入統計。" * 40 + " Tungsten imports rose. " + "Demand stayed firm. " * 20
    path = tmp_path / "ja.jsonl"
    path.write_text(json.dumps({"title": "Cut", "body": body}, ensure_ascii=False) + "\n", encoding="utf-8")
    ingest_file(archive, path)
    [hit] = search(archive.store, archive.index, SearchRequest("tungsten")).hits
    assert "<mark>Tungsten</mark>" in hit.snippet
    assert hit.snippet.startswith("…") and hit.snippet.endswith("…"), hit.snippet


@pytest.mark.parametrize(("body", "snippet"), [
    ("Cobalt imports rose.", "<mark>Cobalt</mark> imports rose."),  # the full stop is the body's end, not a cut
    ("日本の輸入: cobalt imports rose。", "日本の輸入: <mark>cobalt</mark> imports rose。"),
    ('"Cobalt imports rose," a trader said.', "&quot;<mark>Cobalt</mark> imports rose,&quot; a trader said."),
    # text with no word beside the fragment keeps its space to it, is escaped, and loses only the outer spaces
    ("<< cobalt imports rose >> \n", "&lt;&lt; <mark>cobalt</mark> imports rose &gt;&gt;"),
    ("Cobalt imports rose  →", "<mark>Cobalt</mark> imports rose →"),
])
def test_a_snippet_of_a_whole_body_has_no_ellipsis(archive: Archive, tmp_path: Path, body: str, snippet: str) -> None:
    path = tmp_path / "whole.jsonl"
    path.write_text(json.dumps({"title": "Whole", "body": body}, ensure_ascii=False) + "\n", encoding="utf-8")
    ingest_file(archive, path)
    [hit] = search(archive.store, archive.index, SearchRequest("cobalt")).hits
    assert hit.snippet == snippet


def test_a_snippet_does_not_mark_the_stopwords_of_a_synonym(archive: Archive, tmp_path: Path) -> None:
    """`South Korea` brings `Korea, Republic of` along: its `of` is not marked all over the snippet."""
    path = tmp_path / "kr.jsonl"
    path.write_text(json.dumps({"title": "Steel", "body": "Exports of steel from South Korea rose."}) + "\n")
    ingest_file(archive, path)
    [hit] = search(archive.store, archive.index, SearchRequest("South Korea")).hits
    assert "<mark>South</mark> <mark>Korea</mark>" in hit.snippet and "<mark>of</mark>" not in hit.snippet
    [hit] = search(archive.store, archive.index, SearchRequest('"of"')).hits
    assert "<mark>of</mark>" in hit.snippet  # a query of nothing but a stopword still marks it


def test_a_hit_by_its_title_alone_shows_its_opening_escaped(archive: Archive, tmp_path: Path) -> None:
    """No fragment of the body matched, so its opening words stand in, as HTML the page shows unescaped."""
    path = tmp_path / "title.jsonl"
    path.write_text(json.dumps({"title": "Tungsten", "body": "<img src=x onerror=alert(1)> & demand rose."}) + "\n")
    ingest_file(archive, path)
    [hit] = search(archive.store, archive.index, SearchRequest("tungsten")).hits
    assert hit.snippet == "&lt;img src=x onerror=alert(1)&gt; &amp; demand rose."


def test_a_hit_by_its_title_alone_shows_no_more_than_a_marked_snippet_would(archive: Archive, tmp_path: Path) -> None:
    """The opening words stand in for a fragment of the body: no longer than one (index.search asks Tantivy
    for 240 characters), cut at a word."""
    body = "Demand for the metal rose again in the quarter. " * 30
    path = tmp_path / "long.jsonl"
    path.write_text(json.dumps({"title": "Tungsten", "body": body}) + "\n")
    ingest_file(archive, path)
    [hit] = search(archive.store, archive.index, SearchRequest("tungsten")).hits
    words = hit.snippet.rstrip("…").split()
    assert 0 < len(hit.snippet) <= 240 and words == body.split()[:len(words)]
