"""metrics.py driven directly: what RequestObserver counts, times and logs for each way a request ends.

The app behind the observer is a few lines of ASGI, so a request can fail before answering or stream its
body slowly, which no route of the site does on purpose (tests/ops/test_health.py reads /metrics whole).
"""

from __future__ import annotations

import asyncio
import logging
import time

import pytest
from prometheus_client.parser import text_string_to_metric_families
from starlette.types import Message, Receive, Scope, Send

from metalnomist.web.metrics import LATENCY_BUCKETS, Metrics, RequestObserver

Samples = dict[tuple[str, tuple[tuple[str, str], ...]], float]


class Kept(logging.Handler):
    """The records a logger emits, as they were made."""

    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


async def _receive() -> Message:
    return {"type": "http.request", "body": b""}


async def _ignore(message: Message) -> None:
    pass


async def _failing(scope: Scope, receive: Receive, send: Send) -> None:
    raise RuntimeError("the app broke before answering")


def _slow(pause: float, streamed: bool = False) -> object:
    """An app that answers 200 after `pause` seconds, or sends a first chunk at once and the rest after it."""
    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        await send({"type": "http.response.start", "status": 200, "headers": []})
        if streamed:
            await send({"type": "http.response.body", "body": b"first,", "more_body": True})
        await asyncio.sleep(pause)
        await send({"type": "http.response.body", "body": b"last"})
    return app


def _request(app: object, path: str = "/x", query: bytes = b"", log: logging.Logger | None = None) -> Metrics:
    """One GET through a fresh observer; its metrics."""
    metrics = Metrics(lambda: [])
    observer = RequestObserver(app, metrics, log or logging.getLogger("tests.metrics"))  # type: ignore[arg-type]
    scope = {"type": "http", "method": "GET", "path": path, "query_string": query, "headers": [],
             "client": ("10.0.0.1", 5000)}
    try:
        asyncio.run(observer(scope, _receive, _ignore))
    except RuntimeError:
        pass
    return metrics


def samples(metrics: Metrics) -> Samples:
    return {(s.name, tuple(sorted(s.labels.items()))): s.value
            for family in text_string_to_metric_families(metrics.exposition().decode()) for s in family.samples}


def _bucket(found: Samples, le: str) -> float:
    return found[("metalnomist_http_request_duration_seconds_bucket", (("le", le), ("route", "other")))]


def test_a_request_the_app_fails_before_answering_counts_as_the_500_the_client_gets() -> None:
    found = samples(_request(_failing))
    assert found[("metalnomist_http_requests_total", (("method", "GET"), ("route", "other"), ("status", "500")))] == 1
    assert not any(labels == (("method", "GET"), ("route", "other"), ("status", "200")) for _, labels in found)


def test_latency_is_counted_in_seconds_in_the_documented_buckets() -> None:
    """30 ms is above the 25 ms bucket and within the 10 s one (counted in milliseconds it would be above all);
    the buckets are the ones dashboards are built on. No tighter upper bound: a busy machine may sleep longer."""
    found = samples(_request(_slow(0.03)))
    assert (_bucket(found, "0.025"), _bucket(found, "10.0"), _bucket(found, "+Inf")) == (0, 1, 1)
    edges = {dict(labels)["le"] for name, labels in found if name.endswith("_bucket")}
    assert edges == {str(edge) for edge in LATENCY_BUCKETS} | {"+Inf"}


def test_a_streamed_response_is_timed_to_its_last_chunk_and_counted_once() -> None:
    """A CSV export streams: its time is until the client has it all, not until the first chunk went."""
    started = time.perf_counter()
    found = samples(_request(_slow(0.06, streamed=True)))
    took = time.perf_counter() - started
    assert 0.06 <= found[("metalnomist_http_request_duration_seconds_sum", (("route", "other"),))] <= took
    assert found[("metalnomist_http_requests_total", (("method", "GET"), ("route", "other"), ("status", "200")))] == 1


@pytest.mark.parametrize("query", [b"", b"q=nickel+supplier+x&email=a%40b.example"])
def test_each_request_is_logged_once_by_path_without_its_query(query: bytes) -> None:
    """The line names the path a route answered, never the query: what readers search for, and whatever else a
    client puts there, stays out of the log collector."""
    log, kept = logging.getLogger("tests.metrics.access"), Kept()
    log.addHandler(kept)
    log.setLevel(logging.INFO)
    try:
        _request(_slow(0), path="/search", query=query, log=log)
    finally:
        log.removeHandler(kept)
    (record,) = kept.records
    assert record.getMessage() == "GET /search 200"
    assert record.request == {"method": "GET", "path": "/search", "route": "other", "status": 200,  # type: ignore[attr-defined]
                              "ms": record.request["ms"], "client": "10.0.0.1"}  # type: ignore[attr-defined]


@pytest.mark.parametrize(("method", "counted"), [("GET", "GET"), ("HEAD", "HEAD"), ("POST", "POST"),
                                                 ("DELETE", "DELETE"), ("BREW", "other"), ("get", "other")])
def test_each_http_method_is_its_own_label_and_a_made_up_one_is_other(method: str, counted: str) -> None:
    """Load balancers check health with HEAD: it is a method of its own, not lumped with made-up ones."""
    metrics = Metrics(lambda: [])
    metrics.observe("/healthz", method, 200, 0.001)
    labels = (("method", counted), ("route", "/healthz"), ("status", "200"))
    assert samples(metrics)[("metalnomist_http_requests_total", labels)] == 1
