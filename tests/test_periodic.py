"""The serve-time background loop (metalnomist/periodic.py): a failing step is logged and the loop goes on."""

from __future__ import annotations

import logging
import time

import pytest

from metalnomist.errors import MetalnomistError
from metalnomist.periodic import Periodic

log = logging.getLogger("tests.periodic")


def test_a_failing_step_is_logged_and_the_next_one_runs(caplog: pytest.LogCaptureFixture) -> None:
    calls: list[int] = []

    def step() -> None:
        calls.append(len(calls))
        if len(calls) == 1:
            raise MetalnomistError("the database is locked")
        if len(calls) == 2:
            raise KeyError("a bug")

    periodic = Periodic("test-periodic", 0.01, step, log, "the test step failed")
    with caplog.at_level(logging.ERROR, logger="tests.periodic"):
        periodic.start()
        deadline = time.monotonic() + 30
        while len(calls) < 3 and time.monotonic() < deadline:
            time.sleep(0.01)
        periodic.stop()
    assert len(calls) >= 3
    messages = [r.getMessage() for r in caplog.records]
    assert messages[:2] == ["the test step failed: the database is locked", "the test step failed"]
    assert caplog.records[1].exc_info is not None  # a bug keeps its traceback in the log


def test_stop_ends_the_thread() -> None:
    periodic = Periodic("test-periodic", 0.01, lambda: None, log, "never")
    periodic.start()
    periodic.stop()
    assert not periodic._thread.is_alive()
