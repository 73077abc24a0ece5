"""Scheduled posts publish themselves inside `metalnomist serve`: no cron, no other process.

Each web worker runs one thread that wakes every `interval` seconds and publishes what is due.
Workers race harmlessly: a post moves from 'scheduled' to 'published' only once (store/desk.py).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from metalnomist.periodic import Periodic
from metalnomist.publishing.service import publish_due
from metalnomist.store import Store

log = logging.getLogger(__name__)
INTERVAL_SECONDS = 5.0  # how late a scheduled post may appear, at most


class Scheduler:
    def __init__(self, store: Store, interval: float = INTERVAL_SECONDS,
                 published: Callable[[list[int]], None] = lambda ids: None) -> None:
        self.store, self.published = store, published
        self._periodic = Periodic("post-scheduler", interval, self._publish_due, log,
                                  "scheduled posts could not be published")

    def start(self) -> None:
        self._periodic.start()

    def stop(self) -> None:
        self._periodic.stop()

    def _publish_due(self) -> None:
        ids = publish_due(self.store)
        if ids:
            log.info("published scheduled posts %s", ids)
            self.published(ids)
