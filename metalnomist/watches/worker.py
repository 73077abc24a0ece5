"""The watches' worker inside `metalnomist serve`: match what the desk published or another process
stored, every few seconds, without an outside cron.

Each web worker runs one; they race harmlessly, since a (watch, post) match is stored once (store/watches.py).
"""

from __future__ import annotations

import logging
import threading

from metalnomist.errors import MetalnomistError
from metalnomist.search.index import SearchIndex
from metalnomist.store import Store
from metalnomist.watches.matching import Matcher

log = logging.getLogger(__name__)
INTERVAL_SECONDS = 2.0  # how late a match may be stored after the search index has the post


class WatchWorker:
    def __init__(self, store: Store, index: SearchIndex, interval: float = INTERVAL_SECONDS) -> None:
        self.matcher, self.interval = Matcher(store, index), interval
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
        except MetalnomistError as exc:  # a lost database or a held lock: the cursor waits for the next tick
            log.error("new posts could not be matched against the watches: %s", exc)
            return
        except Exception:  # a bug must not stop later posts from being matched
            log.exception("new posts could not be matched against the watches")
            return
        if run.matches:
            log.info("%d new watch matches in %d posts", run.matches, run.posts)
