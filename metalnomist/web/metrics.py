"""Requests, latencies and index lag for `/metrics`, in Prometheus text format (prometheus_client).

Under `serve --workers N` each worker writes its counts to files in PROMETHEUS_MULTIPROC_DIR (the
serve command makes one), and a scrape answered by any worker adds up all of them: otherwise each
scrape would see only the worker that happened to take it.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Iterable

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.metrics_core import Metric
from prometheus_client.multiprocess import MultiProcessCollector
from starlette.types import ASGIApp, Message, Receive, Scope, Send

SHARED_DIR = "PROMETHEUS_MULTIPROC_DIR"  # prometheus_client's own key for multi-process counting
# Seconds: pages answer in milliseconds, a cold search or a big CSV in up to seconds.
LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)
UNROUTED = "other"  # static files and unknown paths: one label, so a crawler cannot add series
METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})  # any other counts as "other"


class _Live:
    """Figures read when scraped (the change log, the index), not counted by this process."""

    def __init__(self, read: Callable[[], Iterable[Metric]]) -> None:
        self.read = read

    def collect(self) -> Iterable[Metric]:
        return self.read()


class Metrics:
    def __init__(self, live: Callable[[], Iterable[Metric]]) -> None:
        shared = os.environ.get(SHARED_DIR)
        self.registry = CollectorRegistry(auto_describe=False)
        own = None if shared else self.registry  # shared: the values live in files the collector reads
        self.requests = Counter("metalnomist_http_requests", "HTTP requests answered, by route, method and status.",
                                ["route", "method", "status"], registry=own)
        self.latency = Histogram("metalnomist_http_request_duration_seconds",
                                 "Time from request to the end of the response, by route.", ["route"],
                                 buckets=LATENCY_BUCKETS, registry=own)
        if shared:
            MultiProcessCollector(self.registry, path=shared)  # type: ignore[no-untyped-call]
        self.registry.register(_Live(live))

    def observe(self, route: str, method: str, status: int, seconds: float) -> None:
        """Every label has few values, whatever clients send: a series per made-up method would never end."""
        self.requests.labels(route, method if method in METHODS else UNROUTED, str(status)).inc()
        self.latency.labels(route).observe(seconds)

    def exposition(self) -> bytes:
        return generate_latest(self.registry)


def route_of(scope: Scope) -> str:
    """The route's path template (/{year}/{month}/{slug}.html), never the path itself."""
    return str(getattr(scope.get("route"), "path", UNROUTED))


class RequestObserver:
    """Counts and times every request, and logs one line for it (see logs.py for the JSON form)."""

    def __init__(self, app: ASGIApp, metrics: Metrics, log: logging.Logger) -> None:
        self.app, self.metrics, self.log = app, metrics, log

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500  # what the client gets when the app raises before answering
        observed = False

        def observe() -> None:
            nonlocal observed
            observed = True
            seconds = time.perf_counter() - started
            route = route_of(scope)
            self.metrics.observe(route, scope["method"], status, seconds)
            if self.log.isEnabledFor(logging.INFO):
                client = scope.get("client")
                self.log.info("%s %s %d", scope["method"], scope["path"], status, extra={"request": {
                    "method": scope["method"], "path": scope["path"], "route": route, "status": status,
                    "ms": round(seconds * 1000, 2), "client": client[0] if client else None}})

        async def sending(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
            elif message["type"] == "http.response.body" and not message.get("more_body", False):
                observe()  # before the client has it all: a scrape right after then counts this request
            await send(message)

        try:
            await self.app(scope, receive, sending)
        finally:
            if not observed:
                observe()
