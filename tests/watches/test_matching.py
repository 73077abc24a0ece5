"""New posts matched against watches once, at ingest: exactly the matching watches, each pair once."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import select

from metalnomist.accounts.service import create_user
from metalnomist.models import User
from metalnomist.pipeline import Archive, ingest_file, ingest_sample_if_empty, store_file
from metalnomist.search.service import catch_up
from metalnomist.store.facts import FactFilter, FactMatcher, facts_of_posts
from metalnomist.store.posts import iter_posts
from metalnomist.store.schema import posts, watch_matches
from metalnomist.store.watches import matched_cursor
from metalnomist.watches import matching
from metalnomist.watches.matching import Matcher, WatchBook, match_posts
from metalnomist.watches.service import forget_watch, save_facts_watch, save_search_watch
from tests.watches.conftest import PASSWORD, jsonl, post

BISMUTH = post("Bismuth imports climb", "Japan imported 1,200 tonnes of bismuth in March 2024, the Finance Ministry "
               "said.", ("Minor Metals",))
TIN = post("Tin stocks fall", "LME tin stocks fell to 3,100 tonnes in March 2024, the exchange said.")


def matches(archive: Archive) -> set[tuple[int, str]]:
    """(watch id, post title) of every stored match."""
    with archive.store.reading() as conn:
        rows = conn.execute(select(watch_matches.c.watch_id, posts.c.title)
                            .join(posts, posts.c.id == watch_matches.c.post_id))
        return {(r.watch_id, r.title) for r in rows}


def test_an_ingest_matches_each_new_post_with_exactly_the_watches_it_fits(archive: Archive, ana: User,
                                                                         tmp_path: Path) -> None:
    store = archive.store
    words = save_search_watch(store, ana, "bismuth", ())
    synonym = save_search_watch(store, ana, "London Metal Exchange", ())  # the thesaurus reads it as LME
    label = save_search_watch(store, ana, "", ["minor metals"])  # labels match in any case
    excluded = save_search_watch(store, ana, "imports -bismuth", ())
    figures = save_facts_watch(store, ana, FactFilter(commodity="bismuth", metric="imports"))
    tin_figures = save_facts_watch(store, ana, FactFilter(commodity="tin", country="Japan"))
    nothing = save_search_watch(store, ana, "nickel", ())
    ingest_file(archive, jsonl(tmp_path, [BISMUTH, TIN]), "jsonl")
    bismuth, tin = BISMUTH["title"], TIN["title"]
    assert matches(archive) == {(words.id, bismuth), (synonym.id, tin), (label.id, bismuth), (figures.id, bismuth)}
    assert not {w.id for w in (excluded, tin_figures, nothing)} & {w for w, _ in matches(archive)}


def test_a_watch_with_several_labels_matches_only_posts_that_carry_them_all(archive: Archive, ana: User,
                                                                           tmp_path: Path) -> None:
    """As the search feed reads labels: each one is required; one of them is not enough."""
    both = save_search_watch(archive.store, ana, "", ["Minor Metals", "Japan"])
    words_and_both = save_search_watch(archive.store, ana, "bismuth", ["minor metals", "japan"])
    japanese = post("Bismuth imports from Japan", "Japan imported 900 tonnes of bismuth in April 2024.",
                    ("Minor Metals", "Japan"))
    ingest_file(archive, jsonl(tmp_path, [BISMUTH, japanese]), "jsonl")  # BISMUTH has only Minor Metals
    assert matches(archive) == {(both.id, japanese["title"]), (words_and_both.id, japanese["title"])}


def test_matching_again_or_reingesting_stores_nothing_twice(archive: Archive, ana: User, tmp_path: Path) -> None:
    watch = save_search_watch(archive.store, ana, "bismuth", ())
    path = jsonl(tmp_path, [BISMUTH])
    ingest_file(archive, path, "jsonl")
    changed = dict(BISMUTH, body=str(BISMUTH["body"]) + " Bismuth prices rose.")
    ingest_file(archive, jsonl(tmp_path, [changed], "changed.jsonl"), "jsonl")  # logs the post again
    run = Matcher(archive.store, archive.index).run()
    assert run.matches == 0
    assert matches(archive) == {(watch.id, BISMUTH["title"])}


def test_a_watch_hears_only_of_posts_that_arrive_after_it(archive: Archive, ana: User, tmp_path: Path) -> None:
    ingest_file(archive, jsonl(tmp_path, [BISMUTH]), "jsonl")
    watch = save_search_watch(archive.store, ana, "bismuth", ())
    changed = dict(BISMUTH, body=str(BISMUTH["body"]) + " Bismuth prices rose.")
    ingest_file(archive, jsonl(tmp_path, [changed, TIN], "later.jsonl"), "jsonl")  # an edit is not news
    assert matches(archive) == set()
    later = post("Bismuth output", "China produced 16,000 tonnes of bismuth in 2024, the survey said.")
    ingest_file(archive, jsonl(tmp_path, [later], "new.jsonl"), "jsonl")
    assert matches(archive) == {(watch.id, later["title"])}


def test_readers_following_the_same_thing_each_hear_of_it_from_when_they_saved_it(archive: Archive, ana: User,
                                                                                 tmp_path: Path) -> None:
    """Decided once per post for all of them (matching.py), told to each, and only of what came after."""
    ben = create_user(archive.store, "ben", PASSWORD, "editor")
    follows = [lambda u: save_search_watch(archive.store, u, "bismuth", ()),  # decided on the post's terms
               lambda u: save_search_watch(archive.store, u, '"bismuth imports"', ()),  # a phrase: by the index
               lambda u: save_facts_watch(archive.store, u, FactFilter(commodity="bismuth", metric="imports"))]
    early = [follow(user) for user in (ana, ben) for follow in follows]
    ingest_file(archive, jsonl(tmp_path, [BISMUTH, TIN]), "jsonl")
    cara = create_user(archive.store, "cara", PASSWORD, "editor")
    late = [follow(cara) for follow in follows]
    later = post("Bismuth imports slow", "Japan imported 900 tonnes of bismuth in April 2024, the ministry said.")
    ingest_file(archive, jsonl(tmp_path, [later], "later.jsonl"), "jsonl")
    assert matches(archive) == {(w.id, BISMUTH["title"]) for w in early} | {(w.id, later["title"])
                                                                            for w in early + late}


def test_one_run_matches_every_batch_the_index_has_applied(archive: Archive, ana: User, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """A full batch asks for another; a short one is the last (no empty transaction to find that out)."""
    monkeypatch.setattr(matching, "BATCH", 2)
    watch = save_search_watch(archive.store, ana, "bismuth", ())
    titles = [f"Bismuth note {i}" for i in range(5)]
    store_file(archive, jsonl(tmp_path, [post(t, "Bismuth prices rose.") for t in titles]), "jsonl")
    catch_up(archive.store, archive.index)
    assert Matcher(archive.store, archive.index).run().posts == 5
    assert matches(archive) == {(watch.id, t) for t in titles}


def test_with_no_watch_a_run_only_moves_the_cursor_and_a_later_watch_hears_of_later_posts(
        archive: Archive, ana: User, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store_file(archive, jsonl(tmp_path, [BISMUTH, TIN]), "jsonl")
    catch_up(archive.store, archive.index)
    with monkeypatch.context() as patch:  # a backlog of millions would be read batch by batch for nothing
        patch.setattr(matching, "changes_since", lambda *args: pytest.fail("the change log was read, no watch"))
        run = Matcher(archive.store, archive.index).run()
    with archive.store.reading() as conn:
        assert (run.posts, run.matches, matched_cursor(conn)) == (0, 0, archive.index.applied_seq) != (0, 0, 0)
    watch = save_search_watch(archive.store, ana, "bismuth", ())
    later = post("Bismuth output", "China produced 16,000 tonnes of bismuth in 2024.")
    ingest_file(archive, jsonl(tmp_path, [later], "later.jsonl"), "jsonl")
    assert matches(archive) == {(watch.id, later["title"])}


def test_ingests_in_one_process_share_one_book_until_the_watches_change(archive: Archive, ana: User,
                                                                         tmp_path: Path) -> None:
    save_search_watch(archive.store, ana, "bismuth", ())
    ingest_file(archive, jsonl(tmp_path, [BISMUTH]), "jsonl")
    first = archive.matcher._book
    ingest_file(archive, jsonl(tmp_path, [TIN], "tin.jsonl"), "jsonl")
    assert first is not None and archive.matcher._book is first
    tin = save_search_watch(archive.store, ana, "tin", ())
    later = post("Tin output", "Tin output fell in 2024.")
    ingest_file(archive, jsonl(tmp_path, [later], "later.jsonl"), "jsonl")
    assert archive.matcher._book is not first and (tin.id, later["title"]) in matches(archive)


def test_a_watch_saved_in_place_of_a_deleted_one_is_matched_on_its_own_words(archive: Archive, ana: User,
                                                                             tmp_path: Path) -> None:
    """SQLite gives a deleted row's id to the next row when it was the highest: the book of the
    process must not take Ben's new watch for Ana's old one (same id, same count, same sum of ids)
    and send him her bismuth posts instead of his nickel ones."""
    ben = create_user(archive.store, "ben", PASSWORD, "editor")
    anas = save_search_watch(archive.store, ana, "bismuth", ())
    ingest_file(archive, jsonl(tmp_path, [BISMUTH]), "jsonl")  # the process's matcher keeps its book
    forget_watch(archive.store, ana, anas.id)
    bens = save_search_watch(archive.store, ben, "nickel", ())
    nickel = post("Nickel output rises", "Indonesia produced 1.8 million tonnes of nickel in 2024.")
    later = post("Bismuth output", "China produced 16,000 tonnes of bismuth in 2024, the survey said.")
    ingest_file(archive, jsonl(tmp_path, [nickel, later], "later.jsonl"), "jsonl")
    assert matches(archive) == {(bens.id, nickel["title"])}

# Queries whose key word is not the first one typed, or that no word binds: the book must still
# offer every watch a post can match (a candidate too many costs a lookup, one too few loses a match).
QUERIES = [
    "lithium", "Li", "iron ore", '"iron ore" imports', "the lithium",
    "such lithium", "then sales", "the", "-lithium", "-lithium imports",
    "copper OR nickel", "EV sales", "electric vehicles", "imports", "sales Japan", "zzzzunknownword",
    "x" * 60,  # too long to be indexed: matches nothing
    "x" * 60 + " OR lithium", "lithium -" + "x" * 60, "lithium-ion", "+the lithium", "the -lithium",
    "Japan's imports", "JAPAN", "such",
]
LABELS = [(), ("Iron Ore",), ("iron ore",)]


def test_the_book_offers_every_watch_that_the_index_would_match(archive: Archive, ana: User) -> None:
    """Over the seed posts, the book's candidates confirmed by the index equal asking the index about
    every watch and every post: the words that arrange the watches never drop a match."""
    ingest_sample_if_empty(archive)
    catch_up(archive.store, archive.index)
    archive.index.reload()
    watches = [save_search_watch(archive.store, ana, q, labels) for q in QUERIES for labels in LABELS]
    with archive.store.reading() as conn:
        seed = list(iter_posts(conn))
        facts = facts_of_posts(conn, [p.id for p in seed if p.id is not None])
    book = WatchBook.of(watches, archive.index)
    # The seed was stored before the watches were saved, so none of it is news to them ...
    assert match_posts(book, seed, facts) == set()
    # ... but as new arrivals they match exactly what the index says of every watch and post.
    ids = [p.id for p in seed if p.id is not None]
    everything = {(w.id, post_id) for w in watches for post_id in archive.index.matching(book.search_query(w), ids)}
    assert len({w for w, _ in everything}) > len(watches) / 2, "most queries match something"
    arriving = [replace(p, created=max(w.created for w in watches)) for p in seed]
    assert match_posts(book, arriving, facts) == everything


FILTERS = [FactFilter(commodity="lithium"), FactFilter(commodity="Electric Vehicles", country="Japan"),
           FactFilter(commodity="ion"), FactFilter(metric="imports"), FactFilter(country="japan"),
           FactFilter(company="Toyota"), FactFilter(text="tonnes"), FactFilter(metric="sales", period="2025"),
           FactFilter(commodity="steel", metric="exports"), FactFilter(source="JAIA")]


def test_the_book_offers_every_facts_watch_a_figure_of_the_post_fits(archive: Archive, ana: User) -> None:
    """Over the seed posts, the facts watches' keys (a commodity's word, else a rare field) never hide a match."""
    ingest_sample_if_empty(archive)
    watches = [save_facts_watch(archive.store, ana, flt) for flt in FILTERS]
    with archive.store.reading() as conn:
        seed = list(iter_posts(conn))
        facts = facts_of_posts(conn, [p.id for p in seed if p.id is not None])
    book = WatchBook.of(watches, archive.index)
    every = {(w.id, p.id) for w, flt in zip(watches, FILTERS, strict=True) for p in seed if p.id is not None
             and any(FactMatcher.of(flt).keeps(f, p.title) for f in facts.get(p.id, []))}
    assert len({w for w, _ in every}) >= len(FILTERS) - 2, "most filters match some seed figure"
    arriving = [replace(p, created=max(w.created for w in watches)) for p in seed]
    assert match_posts(book, arriving, facts) == every
