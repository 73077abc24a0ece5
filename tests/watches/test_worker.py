"""The worker in `metalnomist serve` matches what the desk publishes, and what was stored while no
matcher ran (a server down, an ingest cut short), from the cursor in the database."""

from __future__ import annotations

from pathlib import Path

from metalnomist.models import User
from metalnomist.pipeline import Archive, store_file
from metalnomist.publishing.service import Draft, move, save
from metalnomist.search.service import catch_up
from metalnomist.watches.service import save_search_watch
from metalnomist.watches.worker import WatchWorker
from tests.watches.conftest import jsonl, post
from tests.watches.test_matching import matches


def test_a_desk_post_is_matched_when_published_not_while_a_draft(archive: Archive, ana: User) -> None:
    watch = save_search_watch(archive.store, ana, "bismuth", ())
    post_id = save(archive.store, archive.settings, ana, Draft("Bismuth outlook", "Bismuth demand is rising."))
    worker = WatchWorker(archive.store, archive.index, archive.settings)
    catch_up(archive.store, archive.index)
    worker.step()
    assert matches(archive) == set()
    move(archive.store, ana, post_id, "published")
    catch_up(archive.store, archive.index)
    worker.step()
    assert matches(archive) == {(watch.id, "Bismuth outlook")}


def test_posts_stored_while_no_matcher_ran_are_matched_by_the_next_one(archive: Archive, ana: User,
                                                                      tmp_path: Path) -> None:
    watch = save_search_watch(archive.store, ana, "bismuth", ())
    store_file(archive, jsonl(tmp_path, [post("Bismuth imports", "Bismuth imports rose.")]), "jsonl")
    assert matches(archive) == set()  # stored, not yet indexed nor matched: the process stopped here
    catch_up(archive.store, archive.index)
    WatchWorker(archive.store, archive.index, archive.settings).step()  # a new process, with nothing in memory
    assert matches(archive) == {(watch.id, "Bismuth imports")}
