"""The worker in `metalnomist serve` matches what the desk publishes, and what was stored while no
matcher ran (a server down, an ingest cut short), from the cursor in the database."""

from __future__ import annotations

import json
import time
from pathlib import Path

from fastapi.testclient import TestClient

from metalnomist.accounts.service import create_user
from metalnomist.config import Settings
from metalnomist.models import User
from metalnomist.pipeline import Archive, ingest_file, open_archive, store_file
from metalnomist.publishing.service import Draft, move, save
from metalnomist.search.service import catch_up
from metalnomist.watches.delivery import SendRun, send_due
from metalnomist.watches.service import save_search_watch, set_watch_deliveries
from metalnomist.watches.worker import WatchWorker, senders
from metalnomist.web.app import create_app
from tests.watches.conftest import PASSWORD, jsonl, post
from tests.watches.receivers import http_receiver, smtp_server
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


def test_serve_sends_one_email_and_one_signed_webhook_per_matching_watch(settings: Settings, tmp_path: Path) -> None:
    """The whole path inside `metalnomist serve`: a file stored by another process, indexed by the
    follower, matched and delivered by the worker, to a real SMTP server and a real HTTP receiver."""
    with smtp_server() as mailbox, http_receiver([200]) as receiver:
        served = settings.replace(smtp_host="127.0.0.1", smtp_port=mailbox.port)
        archive = open_archive(served)
        ana = create_user(archive.store, "ana", PASSWORD, "editor")
        for words in ("bismuth", "nickel"):  # only the first matches
            watch = save_search_watch(archive.store, ana, words, ())
            set_watch_deliveries(archive.store, served, ana, watch.id, "ana@example.com", "immediately",
                                 receiver.url)
        app = create_app(served, archive, follow_seconds=0.1, watch_seconds=0.1)
        with TestClient(app):
            store_file(archive, jsonl(tmp_path, [post("Bismuth imports", "Bismuth imports rose."),
                                                 post("Tin output", "Tin output fell.")]), "jsonl")
            deadline = time.monotonic() + 20
            while (not mailbox.messages or not receiver.received) and time.monotonic() < deadline:
                time.sleep(0.1)
            time.sleep(1.0)  # a few more ticks: nothing further may arrive
        archive.close()
        assert [m["Subject"] for _, _, m in mailbox.messages] == ["The Metalnomist: 1 new post for Search: bismuth"]
        [hook] = receiver.received
        assert [p["title"] for p in json.loads(hook.body)["posts"]] == ["Bismuth imports"]
        assert hook.headers["x-metalnomist-signature"].startswith("sha256=")


def test_without_an_smtp_server_email_digests_wait_in_the_outbox(archive: Archive, ana: User, tmp_path: Path) -> None:
    """Until METALNOMIST_SMTP_HOST names a server no email is tried, so none fails and is given up: the digests
    wait, and go once a server is named."""
    watch = save_search_watch(archive.store, ana, "bismuth", ())
    set_watch_deliveries(archive.store, archive.settings, ana, watch.id, "ana@example.com", "immediately", "")
    ingest_file(archive, jsonl(tmp_path, [post("Bismuth imports", "Bismuth imports rose.")]), "jsonl")
    unset = archive.settings.replace(smtp_host="", delivery_max_attempts=1)
    assert send_due(archive.store, unset, senders(unset)) == SendRun(0, 0)
    with smtp_server() as mailbox:
        named = unset.replace(smtp_host="127.0.0.1", smtp_port=mailbox.port)
        assert send_due(archive.store, named, senders(named)) == SendRun(1, 0)
        assert len(mailbox.messages) == 1
