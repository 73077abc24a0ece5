"""The watches' worker inside `metalnomist serve`: every few seconds, match what the desk published or
another process stored, then send the outbox's due emails and webhooks; no outside cron.

Each web worker runs one; they race harmlessly: a (watch, post) match is stored once (store/watches.py),
and a delivery is taken by one sender at a time (store/deliveries.py: claim).
"""

from __future__ import annotations

import logging

from metalnomist.config import Settings
from metalnomist.models import Channel
from metalnomist.periodic import Periodic
from metalnomist.search.index import SearchIndex
from metalnomist.store import Store
from metalnomist.watches.delivery import Sender, send_due
from metalnomist.watches.email import email_sender
from metalnomist.watches.matching import Matcher
from metalnomist.watches.webhook import webhook_sender

log = logging.getLogger(__name__)
INTERVAL_SECONDS = 2.0  # how late a match may be stored after the search index has the post


def senders(settings: Settings) -> dict[Channel, Sender]:
    """Webhooks always; email once an SMTP server is named (until then digests wait in the outbox)."""
    found: dict[Channel, Sender] = {"webhook": webhook_sender(settings)}
    if settings.smtp_host:
        found["email"] = email_sender(settings)
    return found


class WatchWorker:
    def __init__(self, store: Store, index: SearchIndex, settings: Settings,
                 interval: float = INTERVAL_SECONDS) -> None:
        self.matcher = Matcher(store, index)
        self.store, self.settings, self.senders = store, settings, senders(settings)
        self._periodic = Periodic("watch-worker", interval, self._match_and_send, log,
                                  "watches could not be matched or delivered")

    def start(self) -> None:
        self._periodic.start()

    def stop(self) -> None:
        self._periodic.stop()

    def step(self) -> None:
        """One round, as the thread runs it every `interval` seconds (a failure is logged; the cursor waits)."""
        self._periodic.run_once()

    def _match_and_send(self) -> None:
        run = self.matcher.run()
        sent = send_due(self.store, self.settings, self.senders)
        if run.matches or sent.sent or sent.failed:
            log.info("%d new watch matches in %d posts; %d deliveries sent, %d failed", run.matches, run.posts,
                     sent.sent, sent.failed)
