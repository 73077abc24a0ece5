"""logs.py in-process: the configuration `serve` hands uvicorn, applied for real, and what its lines say.

tests/ops/test_serve_ops.py reads a served process's JSON lines; these pin each field and logger quickly.
"""

from __future__ import annotations

import json
import logging
import logging.config
from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest

from metalnomist.web.logs import ACCESS_LOGGER, log_config

CONFIGURED = ("uvicorn", "uvicorn.error", "uvicorn.access", "metalnomist", ACCESS_LOGGER)


@pytest.fixture
def restored() -> Iterator[None]:
    """dictConfig changes process-wide loggers: put back what the rest of the suite expects."""
    loggers = {name: logging.getLogger(name) for name in CONFIGURED}
    kept = {name: (list(log.handlers), log.level, log.propagate, log.disabled) for name, log in loggers.items()}
    yield
    for name, log in loggers.items():
        log.handlers[:], log.level, log.propagate, log.disabled = kept[name]


def _lines(text: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in text.splitlines()]


def test_json_lines_carry_a_requests_fields_and_a_utc_time(restored: None, capsys: pytest.CaptureFixture[str]) -> None:
    logging.config.dictConfig(log_config("json"))
    before = datetime.now().astimezone()
    logging.getLogger(ACCESS_LOGGER).info("GET /search 200", extra={"request": {"route": "/search", "status": 200}})
    (line,) = _lines(capsys.readouterr().out)
    assert (line["level"], line["logger"], line["message"]) == ("info", ACCESS_LOGGER, "GET /search 200")
    assert (line["route"], line["status"]) == ("/search", 200)
    when = datetime.fromisoformat(str(line["time"]))
    assert when.utcoffset() == timedelta(0) and abs(when - before) < timedelta(seconds=5)


def test_json_lines_carry_an_errors_traceback_and_every_logger_of_the_site(restored: None,
                                                                          capsys: pytest.CaptureFixture[str]) -> None:
    """An error's line says where it happened; the app's own loggers and uvicorn's all write JSON."""
    logging.config.dictConfig(log_config("json"))
    try:
        raise ValueError("bad figure in /2024/03/x.html")
    except ValueError:
        logging.getLogger("metalnomist.web.errors").exception("a page failed")
    logging.getLogger("uvicorn.error").info("Uvicorn running")
    failed, running = _lines(capsys.readouterr().out)
    assert failed["message"] == "a page failed" and failed["logger"] == "metalnomist.web.errors"
    error = str(failed["error"])
    assert error.startswith("Traceback") and "test_logs.py" in error and "bad figure in /2024/03/x.html" in error
    assert running["logger"] == "uvicorn.error" and running["message"] == "Uvicorn running"


def test_text_logs_leave_requests_to_uvicorns_own_access_lines(restored: None,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    """In text each request already has uvicorn's access line: ours would print every request twice. The site's
    own lines (a scheduled post published, the index busy) are printed from INFO up."""
    logging.config.dictConfig(log_config("text"))
    logging.getLogger(ACCESS_LOGGER).info("GET /search 200", extra={"request": {"route": "/search"}})
    logging.getLogger("metalnomist.publishing.scheduler").info("published 2 scheduled posts")
    logging.getLogger("metalnomist.search.follower").warning("the index is busy")
    printed = capsys.readouterr()
    assert "GET /search" not in printed.out + printed.err
    assert "published 2 scheduled posts" in printed.err and "the index is busy" in printed.err
