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

A count can be kept in a file (`Keeping`) that the next process reads first: after a restart the
first reader at a million posts waited 20 s for the listings' counts, and every worker counted again.
"""

from __future__ import annotations

import json
import logging
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

T = TypeVar("T")
LOG = logging.getLogger(__name__)
RECOUNT_WAIT_SECONDS = 0.5
PAUSE_FACTOR = 9.0


@dataclass(frozen=True)
class Keeping(Generic[T]):
    """Where a count outlives its process, as JSON: `owner` names whose it is (the archive's identity),
    so a file left by another archive is never read; a missing or damaged file is as if none were kept."""

    path: Path
    owner: Callable[[], str]
    encode: Callable[[T], Any]
    decode: Callable[[Any], T]

    def load(self) -> tuple[object, T] | None:
        try:
            kept = json.loads(self.path.read_text("utf-8"))
            if kept["owner"] != self.owner():
                return None
            return kept["revision"], self.decode(kept["value"])
        except Exception as problem:  # a damaged file, or the database unavailable for the owner's read
            if not isinstance(problem, FileNotFoundError):
                LOG.warning("%s could not be read (%s); counting afresh", self.path, problem)
            return None

    def save(self, revision: object, value: T) -> None:
        """Written whole or not at all (another process may be reading it); a failure costs only the
        next start a count, so it is logged, never raised into the counting thread."""
        staged = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
        try:
            kept = {"owner": self.owner(), "revision": revision, "value": self.encode(value)}
            self.path.parent.mkdir(parents=True, exist_ok=True)
            staged.write_text(json.dumps(kept), "utf-8")
            os.replace(staged, self.path)
        except Exception as problem:  # the database gone since the count, a full disk
            LOG.warning("%s could not be written (%s)", self.path, problem)
            staged.unlink(missing_ok=True)


class Recounted(Generic[T]):
    def __init__(self, name: str, revision: Callable[[], object], count: Callable[[], T],
                 wait_seconds: float = RECOUNT_WAIT_SECONDS, clock: Callable[[], float] = time.monotonic,
                 keeping: Keeping[T] | None = None) -> None:
        """`revision` names the state of the archive (it moves with every change that may change the
        value); `count` reads the value; `clock` is replaceable so the pause can be tested without sleeping;
        `keeping`, where the last count is kept for the next process."""
        self._name, self._revision_of, self._count_of = name, revision, count
        self._wait, self._clock, self._keeping = wait_seconds, clock, keeping
        self._kept_read = keeping is None
        self._revision: object = None
        self._value: T | None = None
        self._failure: Exception | None = None  # why the last count failed, for a reader with nothing to answer
        self._counting: threading.Thread | None = None
        self._starting = threading.Lock()
        self._not_before = float("-inf")

    def warm(self) -> None:
        """Before the first reader: what was kept, and a count if the archive has moved since (or none was)."""
        self._read_kept()
        try:
            moved = self._value is None or self._revision_of() != self._revision
        except Exception as problem:  # the database not there yet: a site must start all the same
            LOG.warning("%s: the archive could not be read (%s); counting in the background", self._name, problem)
            moved = True
        if moved:
            self.start()

    def get(self) -> T:
        self._read_kept()
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

    def _read_kept(self) -> None:
        if self._kept_read:
            return
        with self._starting:
            if not self._kept_read and self._keeping is not None:
                kept = self._keeping.load()
                if kept is not None and self._value is None:
                    self._revision, self._value = kept
                self._kept_read = True

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
        if self._keeping is not None:
            self._keeping.save(revision, value)
