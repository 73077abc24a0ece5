"""Scheduled posts publish themselves inside `metalnomist serve`: no cron, no other process.

Each web worker runs one thread that wakes every `interval` seconds and publishes what is due.
Workers race harmlessly: a post moves from 'scheduled' to 'published' only once (store/desk.py).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from metalnomist.errors import MetalnomistError
from metalnomist.publishing.service import publish_due
from metalnomist.store import Store

log = logging.getLogger(__name__)
INTERVAL_SECONDS = 5.0  # how late a scheduled post may appear, at most


class Scheduler:
    def __init__(self, store: Store, interval: float = INTERVAL_SECONDS,
                 published: Callable[[list[int]], None] = lambda ids: None) -> None:
        self.store, self.interval, self.published = store, interval, published
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="post-scheduler", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            try:
                ids = publish_due(self.store)
            except MetalnomistError as exc:  # a lost database or a held lock: try again at the next tick
                log.error("scheduled posts could not be published: %s", exc)
                continue
            except Exception:  # a bug must not stop every later scheduled post from publishing
                log.exception("scheduled posts could not be published")
                continue
            if ids:
                log.info("published scheduled posts %s", ids)
                self.published(ids)
