"""The watches' worker inside `metalnomist serve`: every few seconds, match what the desk published or
another process stored, then send the outbox's due emails and webhooks; no outside cron.

Each web worker runs one; they race harmlessly: a (watch, post) match is stored once (store/watches.py),
and a delivery is taken by one sender at a time (store/deliveries.py: claim).
"""

from __future__ import annotations

import logging
import threading

from metalnomist.config import Settings
from metalnomist.errors import MetalnomistError
from metalnomist.models import Channel
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
        self.matcher, self.interval = Matcher(store, index), interval
        self.store, self.settings, self.senders = store, settings, senders(settings)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="watch-worker", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self.step()

    def step(self) -> None:
        try:
            run = self.matcher.run()
            sent = send_due(self.store, self.settings, self.senders)
        except MetalnomistError as exc:  # a lost database or a held lock: the cursor waits for the next tick
            log.error("watches could not be matched or delivered: %s", exc)
            return
        except Exception:  # a bug must not stop later posts from being matched and sent
            log.exception("watches could not be matched or delivered")
            return
        if run.matches or sent.sent or sent.failed:
            log.info("%d new watch matches in %d posts; %d deliveries sent, %d failed", run.matches, run.posts,
                     sent.sent, sent.failed)
