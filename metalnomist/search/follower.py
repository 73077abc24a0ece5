"""Following the change log in the background, so a web request never does indexing work.

Each web worker process runs one follower thread. It wakes every `interval` seconds, applies
what others logged, and searches only reload the searcher when the index moved. When another
process holds the index writer, that process's own catch-up covers the same log.
"""

from __future__ import annotations

import logging
import threading

from metalnomist.errors import MetalnomistError
from metalnomist.search.index import IndexBusy, SearchIndex
from metalnomist.search.service import catch_up
from metalnomist.store import Store

log = logging.getLogger(__name__)


class Follower:
    def __init__(self, store: Store, index: SearchIndex, interval: float = 1.0) -> None:
        self.store, self.index, self.interval = store, index, interval
        self._wake = threading.Event()
        self._stopping = False
        self._thread = threading.Thread(target=self._run, name="index-follower", daemon=True)

    def start(self) -> None:
        self.index.followed = True
        self._thread.start()

    def wake(self) -> None:
        """Apply what is pending now rather than at the next tick."""
        self._wake.set()

    def stop(self) -> None:
        self._stopping = True
        self._wake.set()
        self._thread.join()
        self.index.followed = False

    def _run(self) -> None:
        # The index was brought in step when it opened, so the first tick can wait.
        while True:
            self._wake.wait(self.interval)
            self._wake.clear()
            if self._stopping:
                return
            self._step()

    def _step(self) -> None:
        try:
            catch_up(self.store, self.index, wait_seconds=0.0)
        except IndexBusy:
            pass
        except MetalnomistError as exc:  # a full disk or a lost database: try again at the next tick
            log.error("the search index could not follow the change log: %s", exc)
        except Exception:  # an error the store does not name (a table gone mid-upgrade): the thread must live on
            log.exception("the search index could not follow the change log")
