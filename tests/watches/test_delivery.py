"""The outbox, delivered to a real SMTP server (aiosmtpd) and a real HTTP receiver on 127.0.0.1:
one email and one signed webhook per matching watch, never twice, retried with growing waits,
a webhook disabled after repeated failures, nothing lost by a sender that dies."""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from metalnomist.config import Settings
from metalnomist.models import Post, User, Watch
from metalnomist.pipeline import Archive, ingest_file
from metalnomist.publishing.service import move
from metalnomist.store.deliveries import claim
from metalnomist.store.schema import deliveries
from metalnomist.watches.delivery import LEASE, SendRun, digest_due, retry_wait, send_due
from metalnomist.watches.service import save_search_watch, set_watch_deliveries, watch_news
from metalnomist.watches.worker import senders
from tests.watches.conftest import jsonl, post
from tests.watches.receivers import drip_answer, http_receiver, smtp_server, tcp_receiver

BISMUTH = [post("Bismuth imports climb", "Japan imported 1,200 tonnes of bismuth in March 2024."),
           post("Bismuth output rises", "China produced 16,000 tonnes of bismuth in 2024.")]
TIN = post("Tin stocks fall", "LME tin stocks fell to 3,100 tonnes in March 2024.")


def mail_settings(archive: Archive, port: int, **changes: object) -> Settings:
    return archive.settings.replace(smtp_host="127.0.0.1", smtp_port=port, smtp_from="watch@metalnomist.test",
                                    site_url="https://news.example.com", **changes)


def verify(secret: str, headers: dict[str, str], body: bytes) -> bool:
    """What the README tells a receiver to do, written from the README, not from the sender's code."""
    timestamp = headers["x-metalnomist-timestamp"]
    expected = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(headers["x-metalnomist-signature"], "sha256=" + expected)


def test_an_ingest_sends_one_email_and_one_signed_webhook_per_matching_watch(archive: Archive, ana: User,
                                                                            tmp_path: Path) -> None:
    with smtp_server() as mailbox, http_receiver([204]) as receiver:
        settings = mail_settings(archive, mailbox.port)
        store = archive.store
        bismuth = save_search_watch(store, ana, "bismuth", ())
        bismuth = set_watch_deliveries(store, settings, ana, bismuth.id, "ana@example.com", "immediately", receiver.url)
        nickel = save_search_watch(store, ana, "nickel", ())
        set_watch_deliveries(store, settings, ana, nickel.id, "ana@example.com", "immediately", receiver.url)
        ingest_file(archive, jsonl(tmp_path, [*BISMUTH, TIN]), "jsonl")
        assert send_due(store, settings, senders(settings)).sent == 2
        assert send_due(store, settings, senders(settings), datetime.now(UTC) + 2 * LEASE).sent == 0  # never twice
        [(sender, to, message)] = mailbox.messages
        assert (sender, to, message["To"]) == ("watch@metalnomist.test", ["ana@example.com"], "ana@example.com")
        assert message["Subject"] == "The Metalnomist: 2 new posts for Search: bismuth"
        text = message.get_payload(decode=True).decode()
        assert "Bismuth imports climb" in text and "Bismuth output rises" in text and "Tin" not in text
        links = [line.strip() for line in text.splitlines() if line.startswith("  ")]  # each post's, under its title
        assert len(links) == 2 and all(link.startswith("https://news.example.com/") for link in links)
        [hook] = receiver.received
        assert bismuth.webhook_secret and verify(bismuth.webhook_secret, hook.headers, hook.body)
        assert not verify(bismuth.webhook_secret, hook.headers, hook.body + b" ")
        body = json.loads(hook.body)
        assert body["watch"] == {"id": bismuth.id, "kind": "search", "title": "Search: bismuth"}
        assert sorted(p["title"] for p in body["posts"]) == ["Bismuth imports climb", "Bismuth output rises"]
        assert all(p["url"].startswith("https://news.example.com/") for p in body["posts"])


def test_a_failing_receiver_is_retried_after_waits_that_double(archive: Archive, ana: User,
                                                               tmp_path: Path) -> None:
    with http_receiver([500, 503, 200]) as receiver:
        settings = archive.settings.replace(delivery_retry_seconds=60)
        watch = save_search_watch(archive.store, ana, "bismuth", ())
        set_watch_deliveries(archive.store, archive.settings, ana, watch.id, "", "", receiver.url)
        ingest_file(archive, jsonl(tmp_path, BISMUTH[:1]), "jsonl")
        start = datetime.now(UTC)
        tries = [(0, 0), (59, None), (61, 0), (61 + 119, None), (61 + 121, 1)]  # (seconds after, sent or None)
        for seconds, sent in tries:
            run = send_due(archive.store, settings, senders(settings), start + timedelta(seconds=seconds))
            assert (run.sent if sent is not None else run.sent + run.failed) == (sent or 0), seconds
        assert len(receiver.received) == 3
        log = watch_news(archive.store, ana)[0].attempts
        assert [a.ok for a in log] == [True, False, False]
        assert "answered 503" in log[1].detail and "next in 0:02:00" in log[1].detail


def test_a_webhook_failing_again_and_again_is_disabled_with_its_reason(archive: Archive, ana: User,
                                                                        tmp_path: Path) -> None:
    with http_receiver([500]) as receiver:
        settings = archive.settings.replace(delivery_retry_seconds=1, delivery_max_attempts=3)
        watch = save_search_watch(archive.store, ana, "bismuth", ())
        set_watch_deliveries(archive.store, archive.settings, ana, watch.id, "", "", receiver.url)
        ingest_file(archive, jsonl(tmp_path, BISMUTH[:1]), "jsonl")
        now = datetime.now(UTC)
        for minute in range(5):
            send_due(archive.store, settings, senders(settings), now + timedelta(minutes=minute))
        assert len(receiver.received) == 3
        [news] = watch_news(archive.store, ana)
        assert news.watch.webhook_disabled and "3 failed deliveries" in news.watch.webhook_disabled
        assert "answered 500" in news.watch.webhook_disabled and news.watch.channels() == ()
        ingest_file(archive, jsonl(tmp_path, BISMUTH[1:], "more.jsonl"), "jsonl")  # a disabled hook queues nothing
        send_due(archive.store, settings, senders(settings), now + timedelta(minutes=10))
        assert len(receiver.received) == 3
        # Saving the form again turns it back on, with the same secret.
        again = set_watch_deliveries(archive.store, archive.settings, ana, watch.id, "", "", receiver.url)
        assert again.webhook_disabled is None and again.webhook_secret == news.watch.webhook_secret


def test_a_redirect_is_a_failed_delivery_not_followed(archive: Archive, ana: User, tmp_path: Path) -> None:
    """A receiver may not send the server's POST on elsewhere (urllib would follow a 302, as a GET)."""
    with http_receiver([204]) as elsewhere, http_receiver([302], {"Location": elsewhere.url}) as redirecting:
        watch = save_search_watch(archive.store, ana, "bismuth", ())
        set_watch_deliveries(archive.store, archive.settings, ana, watch.id, "", "", redirecting.url)
        ingest_file(archive, jsonl(tmp_path, BISMUTH[:1]), "jsonl")
        run = send_due(archive.store, archive.settings, senders(archive.settings))
        assert (run.sent, run.failed, len(redirecting.received), elsewhere.received) == (0, 1, 1, [])
        [attempt] = watch_news(archive.store, ana)[0].attempts
        assert "answered 302 Found; redirects are not followed" in attempt.detail


def test_an_address_turned_private_since_it_was_saved_is_refused_at_sending(archive: Archive, ana: User,
                                                                             tmp_path: Path) -> None:
    """Saved while allowed here; a public name that resolves to 127.0.0.1 by the time of sending is the same."""
    with http_receiver([204]) as receiver:
        watch = save_search_watch(archive.store, ana, "bismuth", ())
        set_watch_deliveries(archive.store, archive.settings, ana, watch.id, "", "", receiver.url)
        ingest_file(archive, jsonl(tmp_path, BISMUTH[:1]), "jsonl")
        settings = archive.settings.replace(webhook_allow_private=False)
        run = send_due(archive.store, settings, senders(settings))
        assert (run.sent, run.failed, receiver.received) == (0, 1, [])
        [attempt] = watch_news(archive.store, ana)[0].attempts
        assert "127.0.0.1 is a loopback address" in attempt.detail


def test_a_daily_digest_carries_the_days_matches_in_one_email(archive: Archive, ana: User, tmp_path: Path) -> None:
    with smtp_server() as mailbox:
        settings = mail_settings(archive, mailbox.port)
        watch = save_search_watch(archive.store, ana, "bismuth", ())
        set_watch_deliveries(archive.store, archive.settings, ana, watch.id, "ana@example.com", "daily", "")
        ingest_file(archive, jsonl(tmp_path, BISMUTH[:1]), "jsonl")
        ingest_file(archive, jsonl(tmp_path, BISMUTH[1:], "later.jsonl"), "jsonl")
        now = datetime.now(UTC)
        assert send_due(archive.store, settings, senders(settings), now).sent == 0
        assert send_due(archive.store, settings, senders(settings), digest_due(now, "daily")).sent == 1
        [(_, _, message)] = mailbox.messages
        assert message["Subject"].startswith("The Metalnomist: 2 new posts")


def test_deliveries_a_sender_took_but_never_sent_are_sent_after_its_lease(archive: Archive, ana: User,
                                                                          tmp_path: Path) -> None:
    with http_receiver([200]) as receiver:
        watch = save_search_watch(archive.store, ana, "bismuth", ())
        set_watch_deliveries(archive.store, archive.settings, ana, watch.id, "", "", receiver.url)
        ingest_file(archive, jsonl(tmp_path, BISMUTH[:1]), "jsonl")
        now = datetime.now(UTC)
        with archive.store.transaction() as conn:  # a sender takes them, then its server stops
            assert claim(conn, ["webhook"], now, now + LEASE)
        settings = archive.settings
        assert send_due(archive.store, settings, senders(settings), now + LEASE / 2).sent == 0
        assert send_due(archive.store, settings, senders(settings), now + LEASE).sent == 1
        assert len(receiver.received) == 1
        with archive.store.reading() as conn:
            assert conn.execute(select(deliveries.c.sent)).scalar_one() is not None


@pytest.mark.parametrize(("now", "every", "due"), [
    (datetime(2026, 3, 4, 15, 30, tzinfo=UTC), "immediately", datetime(2026, 3, 4, 15, 30, tzinfo=UTC)),
    (datetime(2026, 3, 4, 15, 30, tzinfo=UTC), "daily", datetime(2026, 3, 5, tzinfo=UTC)),
    (datetime(2026, 3, 4, 0, 0, tzinfo=UTC), "daily", datetime(2026, 3, 5, tzinfo=UTC)),  # midnight's is tomorrow's
    (datetime(2026, 3, 4, 15, 30, tzinfo=UTC), "weekly", datetime(2026, 3, 9, tzinfo=UTC)),  # a Wednesday: Monday
    (datetime(2026, 3, 8, 23, 59, tzinfo=UTC), "weekly", datetime(2026, 3, 9, tzinfo=UTC)),  # Sunday night
    (datetime(2026, 3, 9, 0, 0, tzinfo=UTC), "weekly", datetime(2026, 3, 16, tzinfo=UTC)),  # Monday: the next
])
def test_digests_go_at_the_next_midnight_or_monday(now: datetime, every: str, due: datetime) -> None:
    assert digest_due(now, every) == due


def test_a_receiver_answering_a_client_error_is_a_failed_delivery_tried_again(archive: Archive, ana: User,
                                                                             tmp_path: Path) -> None:
    """Only a 2xx says the receiver took the posts: a 404 (a mistyped path, a receiver gone) is a
    failure, logged and retried, not a delivery the outbox forgets."""
    with http_receiver([404, 204]) as receiver:
        watch = save_search_watch(archive.store, ana, "bismuth", ())
        set_watch_deliveries(archive.store, archive.settings, ana, watch.id, "", "", receiver.url)
        ingest_file(archive, jsonl(tmp_path, BISMUTH[:1]), "jsonl")
        now = datetime.now(UTC)
        first = send_due(archive.store, archive.settings, senders(archive.settings), now)
        assert (first.sent, first.failed) == (0, 1)
        [attempt] = watch_news(archive.store, ana)[0].attempts
        assert not attempt.ok and "answered 404 Not Found" in attempt.detail
        later = now + timedelta(seconds=archive.settings.delivery_retry_seconds)
        assert send_due(archive.store, archive.settings, senders(archive.settings), later).sent == 1
        assert len(receiver.received) == 2


def test_the_configured_webhook_timeout_cuts_off_a_slow_receiver(archive: Archive, ana: User,
                                                                 tmp_path: Path) -> None:
    """METALNOMIST_WEBHOOK_TIMEOUT_SECONDS bounds each send: a receiver dripping its answer holds the
    worker (and every watch behind it) no longer than that."""
    with tcp_receiver(drip_answer) as url:
        settings = archive.settings.replace(webhook_timeout_seconds=1)
        watch = save_search_watch(archive.store, ana, "bismuth", ())
        set_watch_deliveries(archive.store, settings, ana, watch.id, "", "", url)
        ingest_file(archive, jsonl(tmp_path, BISMUTH[:1]), "jsonl")
        started = time.monotonic()
        run = send_due(archive.store, settings, senders(settings))
        assert (run.sent, run.failed) == (0, 1) and time.monotonic() - started < 5
    [attempt] = watch_news(archive.store, ana)[0].attempts
    assert "no complete answer within 1 s" in attempt.detail


def test_a_new_webhook_address_gets_a_new_secret_and_the_same_one_keeps_its_own(archive: Archive, ana: User,
                                                                                tmp_path: Path) -> None:
    """Moving a watch to another receiver must not hand it the secret the old receiver knows (it could
    sign requests the new one would trust); saving the same address again changes nothing."""
    with http_receiver([204]) as old, http_receiver([204]) as new:
        watch = save_search_watch(archive.store, ana, "bismuth", ())
        first = set_watch_deliveries(archive.store, archive.settings, ana, watch.id, "", "", old.url)
        moved = set_watch_deliveries(archive.store, archive.settings, ana, watch.id, "", "", new.url)
        again = set_watch_deliveries(archive.store, archive.settings, ana, watch.id, "", "", new.url)
        assert first.webhook_secret and moved.webhook_secret and moved.webhook_secret != first.webhook_secret
        assert again.webhook_secret == moved.webhook_secret
        ingest_file(archive, jsonl(tmp_path, BISMUTH[:1]), "jsonl")
        assert send_due(archive.store, archive.settings, senders(archive.settings)).sent == 1
        [hook] = new.received
        assert old.received == [] and verify(moved.webhook_secret, hook.headers, hook.body)
        assert not verify(first.webhook_secret, hook.headers, hook.body)


def test_deliveries_queued_before_their_channel_was_turned_off_are_not_sent(archive: Archive, ana: User,
                                                                           tmp_path: Path) -> None:
    """A reader who stops a watch's email or webhook stops what is already waiting in the outbox too
    (a daily digest, a webhook due for a retry)."""
    with smtp_server() as mailbox, http_receiver([204]) as receiver:
        settings = mail_settings(archive, mailbox.port)
        watch = save_search_watch(archive.store, ana, "bismuth", ())
        set_watch_deliveries(archive.store, settings, ana, watch.id, "ana@example.com", "daily", receiver.url)
        now = datetime.now(UTC)
        ingest_file(archive, jsonl(tmp_path, BISMUTH[:1]), "jsonl")  # queues a digest and a webhook
        set_watch_deliveries(archive.store, settings, ana, watch.id, "", "", "")
        run = send_due(archive.store, settings, senders(settings), digest_due(now, "daily") + LEASE)
        assert (run.sent, mailbox.messages, receiver.received) == (0, [], [])
        later = send_due(archive.store, settings, senders(settings), digest_due(now, "daily") + 3 * LEASE)
        assert (later.sent, later.failed) == (0, 0)  # given up, not taken again


def test_a_webhook_address_with_other_than_ascii_in_its_path_is_sent_to(archive: Archive, ana: User,
                                                                     tmp_path: Path) -> None:
    """`/hook/café` is a fine address to type; sent as it was typed, http.client refused the request line and
    the error stopped the whole outbox (every watch's deliveries, again after each lease)."""
    with http_receiver([204]) as receiver:
        watch = save_search_watch(archive.store, ana, "bismuth", ())
        set_watch_deliveries(archive.store, archive.settings, ana, watch.id, "", "",
                             receiver.url + "/café?desk=Tōkyō&x=%41")
        ingest_file(archive, jsonl(tmp_path, BISMUTH[:1]), "jsonl")
        run = send_due(archive.store, archive.settings, senders(archive.settings))
        assert (run.sent, run.failed) == (1, 0)
        assert [hook.path for hook in receiver.received] == ["/hook/caf%C3%A9?desk=T%C5%8Dky%C5%8D&x=%41"]


def outbox(archive: Archive) -> list[tuple[int, bool, bool]]:
    """(attempts, sent, given up) of each delivery, in the order they were queued."""
    with archive.store.reading() as conn:
        rows = conn.execute(select(deliveries.c.attempts, deliveries.c.sent, deliveries.c.gave_up)
                            .order_by(deliveries.c.id))
        return [(r.attempts, r.sent is not None, r.gave_up is not None) for r in rows]


def test_retry_waits_double_from_the_base_and_stop_growing_at_a_day() -> None:
    """The first retry waits the configured seconds; a receiver down for days is tried daily, not
    after waits that grow past any reader's patience (2 ** 30 minutes is two thousand years)."""
    settings = Settings().replace(delivery_retry_seconds=60)
    waits = [retry_wait(settings, failures) for failures in (1, 2, 3, 11, 12, 30)]
    assert waits == [timedelta(minutes=1), timedelta(minutes=2), timedelta(minutes=4), timedelta(minutes=1024),
                     timedelta(days=1), timedelta(days=1)]


def test_a_new_match_sent_with_a_failing_one_does_not_reset_its_count_of_failures(archive: Archive, ana: User,
                                                                                 tmp_path: Path) -> None:
    """A post matched while an earlier one waits for a retry goes out with it; a receiver that is
    down is still given up on after `delivery_max_attempts` sends, however often new posts arrive."""
    with http_receiver([500]) as receiver:
        settings = archive.settings.replace(delivery_retry_seconds=1, delivery_max_attempts=3)
        watch = save_search_watch(archive.store, ana, "bismuth", ())
        set_watch_deliveries(archive.store, settings, ana, watch.id, "", "", receiver.url)
        ingest_file(archive, jsonl(tmp_path, BISMUTH[:1]), "jsonl")
        now = datetime.now(UTC)
        assert send_due(archive.store, settings, senders(settings), now).failed == 1
        ingest_file(archive, jsonl(tmp_path, BISMUTH[1:], "more.jsonl"), "jsonl")
        for minute in (1, 2):
            assert send_due(archive.store, settings, senders(settings), now + timedelta(minutes=minute)).failed == 1
        assert [len(json.loads(hook.body)["posts"]) for hook in receiver.received] == [1, 2, 2]
        [news] = watch_news(archive.store, ana)
        assert news.watch.webhook_disabled and "3 failed deliveries" in news.watch.webhook_disabled
        assert outbox(archive) == [(3, False, True), (2, False, True)]


def test_a_disabled_webhook_leaves_nothing_pending_in_the_outbox(archive: Archive, ana: User,
                                                                 tmp_path: Path) -> None:
    """A delivery queued after the failing ones were taken (a later match, not yet due) is given up
    with them when the webhook is stopped, not left pending until a sender trips over it."""
    with http_receiver([500]) as receiver:
        settings = archive.settings.replace(delivery_max_attempts=1)
        watch = save_search_watch(archive.store, ana, "bismuth", ())
        set_watch_deliveries(archive.store, settings, ana, watch.id, "", "", receiver.url)
        ingest_file(archive, jsonl(tmp_path, BISMUTH[:1]), "jsonl")
        now = datetime.now(UTC)
        ingest_file(archive, jsonl(tmp_path, BISMUTH[1:], "more.jsonl"), "jsonl")  # due after `now`
        assert send_due(archive.store, settings, senders(settings), now).failed == 1
        assert outbox(archive) == [(1, False, True), (0, False, True)]
        later = send_due(archive.store, settings, senders(settings), now + timedelta(minutes=1))
        assert (later.sent, later.failed, len(receiver.received)) == (0, 0, 1)


def test_a_match_whose_post_was_unpublished_before_sending_is_not_sent(archive: Archive, ana: User,
                                                                       tmp_path: Path) -> None:
    """Neither an email of "0 new posts" nor a webhook with an empty list: the delivery is dropped."""
    with smtp_server() as mailbox, http_receiver([204]) as receiver:
        settings = mail_settings(archive, mailbox.port)
        watch = save_search_watch(archive.store, ana, "bismuth", ())
        set_watch_deliveries(archive.store, settings, ana, watch.id, "ana@example.com", "immediately", receiver.url)
        ingest_file(archive, jsonl(tmp_path, BISMUTH[:1]), "jsonl")
        [arrival] = watch_news(archive.store, ana)[0].new
        move(archive.store, ana, arrival.post_id, "draft")
        run = send_due(archive.store, settings, senders(settings))
        assert (run.sent, mailbox.messages, receiver.received) == (0, [], [])
        assert outbox(archive) == [(1, False, True), (1, False, True)]


def test_an_email_failing_again_and_again_is_given_up_not_retried_for_ever(archive: Archive, ana: User,
                                                                           tmp_path: Path) -> None:
    """Email is not disabled as a webhook is (the next digest may well go), but a digest the SMTP
    server keeps refusing is given up after `delivery_max_attempts` tries, and the log says so."""
    settings = mail_settings(archive, 9, delivery_retry_seconds=1, delivery_max_attempts=2)  # nothing listens
    watch = save_search_watch(archive.store, ana, "bismuth", ())
    set_watch_deliveries(archive.store, settings, ana, watch.id, "ana@example.com", "immediately", "")
    ingest_file(archive, jsonl(tmp_path, BISMUTH[:1]), "jsonl")
    now = datetime.now(UTC)
    runs = [send_due(archive.store, settings, senders(settings), now + timedelta(days=day)) for day in range(4)]
    assert [(run.sent, run.failed) for run in runs] == [(0, 1), (0, 1), (0, 0), (0, 0)]
    [news] = watch_news(archive.store, ana)
    assert "gave up after 2 attempts" in news.attempts[0].detail and news.watch.channels() == ("email",)
    assert outbox(archive) == [(2, False, True)]


def test_a_delivery_being_sent_is_not_taken_by_another_workers_round(archive: Archive, ana: User,
                                                                     tmp_path: Path) -> None:
    """Every web worker runs a sender: one whose round comes while another still sends (a slow receiver) must
    find the delivery leased, or the receiver gets the same posts twice."""
    with http_receiver([204, 204]) as receiver:
        watch = save_search_watch(archive.store, ana, "bismuth", ())
        set_watch_deliveries(archive.store, archive.settings, ana, watch.id, "", "", receiver.url)
        ingest_file(archive, jsonl(tmp_path, BISMUTH[:1]), "jsonl")
        now = datetime.now(UTC)
        webhook = senders(archive.settings)["webhook"]
        meanwhile: list[SendRun] = []

        def slow_sender(watch: Watch, posts: Sequence[Post]) -> str:
            meanwhile.append(send_due(archive.store, archive.settings, {"webhook": webhook}, now))
            return webhook(watch, posts)

        run = send_due(archive.store, archive.settings, {"webhook": slow_sender}, now)
        assert (run.sent, meanwhile, len(receiver.received)) == (1, [SendRun(0, 0)], 1)


def test_a_webhook_goes_as_each_match_arrives_beside_a_daily_digest(archive: Archive, ana: User,
                                                                    tmp_path: Path) -> None:
    """The digest's schedule is email's alone: the same watch's webhook is not held back until midnight."""
    with smtp_server() as mailbox, http_receiver([204]) as receiver:
        settings = mail_settings(archive, mailbox.port)
        watch = save_search_watch(archive.store, ana, "bismuth", ())
        set_watch_deliveries(archive.store, settings, ana, watch.id, "ana@example.com", "daily", receiver.url)
        ingest_file(archive, jsonl(tmp_path, BISMUTH[:1]), "jsonl")
        now = datetime.now(UTC)
        assert send_due(archive.store, settings, senders(settings), now).sent == 1
        assert (len(receiver.received), mailbox.messages) == (1, [])
        assert send_due(archive.store, settings, senders(settings), digest_due(now, "daily")).sent == 1
        assert (len(receiver.received), len(mailbox.messages)) == (1, 1)


def test_a_sender_that_breaks_on_one_watch_holds_up_no_other(archive: Archive, ana: User, tmp_path: Path) -> None:
    """An error no sender foresaw (not a DeliveryFailed) is that group's failed delivery, tried again later;
    the groups claimed with it are still sent, and the run goes on."""
    with smtp_server() as mailbox:
        settings = mail_settings(archive, mailbox.port)
        store = archive.store
        bismuth = save_search_watch(store, ana, "bismuth", ())
        set_watch_deliveries(store, settings, ana, bismuth.id, "ana@example.com", "immediately", "")
        tin = save_search_watch(store, ana, "tin", ())
        set_watch_deliveries(store, settings, ana, tin.id, "ana@example.com", "immediately", "")
        ingest_file(archive, jsonl(tmp_path, [*BISMUTH, TIN]), "jsonl")
        email = senders(settings)["email"]

        def breaking(watch: Watch, posts: Sequence[Post]) -> str:
            if watch.id == bismuth.id:
                raise ValueError("header values may not contain linefeed")
            return email(watch, posts)

        now = datetime.now(UTC)
        assert send_due(store, settings, {"email": breaking}, now) == SendRun(sent=1, failed=1)
        assert [m["Subject"] for _, _, m in mailbox.messages] == ["The Metalnomist: 1 new post for Search: tin"]
        later = send_due(store, settings, {"email": email}, now + timedelta(days=1))
        assert later == SendRun(sent=1, failed=0)  # the broken group was kept to try again, not lost
