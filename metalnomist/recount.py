"""A value counted from the whole archive, kept per process and recounted in a thread of its own when the
archive moves on: the explorer's menus, the label cloud and the month archive.

Counting every post or every fact for each reader would make a page's cost grow with the archive.
Here a reader reads only a revision (one index lookup) and, when it moved, waits for the recount at
most `wait_seconds` (enough for an archive of thousands of posts) before answering with the value it
has: at a million posts a count takes seconds, which no reader should wait for. Only before the first
count ends is there nothing to answer with (an empty value would say the archive is empty), so that
wait is whole. One count runs at a time per process. A count that took longer than a reader waits is
not started again until `PAUSE_FACTOR` times its length has passed, so a busy archive (an ingest, a
stream of comments) spends at most a tenth of a core on recounting.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")
LOG = logging.getLogger(__name__)
RECOUNT_WAIT_SECONDS = 0.5
PAUSE_FACTOR = 9.0


class Recounted(Generic[T]):
    def __init__(self, name: str, revision: Callable[[], object], count: Callable[[], T],
                 wait_seconds: float = RECOUNT_WAIT_SECONDS, clock: Callable[[], float] = time.monotonic) -> None:
        """`revision` names the state of the archive (it moves with every change that may change the
        value); `count` reads the value; `clock` is replaceable so the pause can be tested without sleeping."""
        self._name, self._revision_of, self._count_of = name, revision, count
        self._wait, self._clock = wait_seconds, clock
        self._revision: object = None
        self._value: T | None = None
        self._failure: Exception | None = None  # why the last count failed, for a reader with nothing to answer
        self._counting: threading.Thread | None = None
        self._starting = threading.Lock()
        self._not_before = float("-inf")

    def get(self) -> T:
        if self._value is None:
            self.start().join()
        elif self._revision_of() != self._revision and self._clock() >= self._not_before:
            self.start().join(self._wait)
        if self._value is None:
            raise self._failure or RuntimeError(f"{self._name} has nothing counted")
        return self._value

    def settled(self) -> T:
        """The value for the archive as it is now, however long the counts take: for a caller that must not
        be answered with the last count, such as a test that has just written."""
        while True:
            self.start().join()  # a count begun before the caller's change may have read the older revision
            if self._failure is not None:
                raise self._failure
            if self._value is not None and self._revision_of() == self._revision:
                return self._value

    def finish(self) -> None:
        """Wait for a running count, so the archive is not closed under it."""
        if self._counting is not None:
            self._counting.join()

    def start(self) -> threading.Thread:
        """The count running now, started unless one is."""
        with self._starting:
            if self._counting is None or not self._counting.is_alive():
                self._counting = threading.Thread(target=self._count, name=self._name, daemon=True)
                self._counting.start()
            return self._counting

    def _count(self) -> None:
        began = self._clock()
        try:
            revision = self._revision_of()  # read first: a change during the count only makes the next one recount
            value = self._count_of()
        except Exception as failure:  # a thread's end: the request after it counts again
            LOG.exception("%s failed; the next request tries again", self._name)
            self._failure = failure
            return
        self._failure = None
        took = self._clock() - began
        self._not_before = began + took * (1 + PAUSE_FACTOR) if took > self._wait else float("-inf")
        self._value, self._revision = value, revision
