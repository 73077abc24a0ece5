"""Background work inside `metalnomist serve` with no outside cron: a thread that runs one step every few
seconds until stopped (scheduled publishing, watches' matching and deliveries).

A step that fails is logged and the next one runs: a lost database or a bug must not stop every later
scheduled post or delivery.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from metalnomist.errors import MetalnomistError


class Periodic:
    def __init__(self, name: str, interval: float, step: Callable[[], None], log: logging.Logger,
                 failure: str) -> None:
        self.interval, self.step, self.log, self.failure = interval, step, log, failure
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self.run_once()

    def run_once(self) -> None:
        """One step; `failure` says what could not be done, as in "scheduled posts could not be published"."""
        try:
            self.step()
        except MetalnomistError as exc:  # a lost database or a held lock: the next step tries again
            self.log.error("%s: %s", self.failure, exc)
        except Exception:
            self.log.exception(self.failure)
