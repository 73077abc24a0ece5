"""`/healthz` for load balancers and `/metrics` for Prometheus: what this node can serve, and how far behind it is.

Both read the database this node reads (a replica under METALNOMIST_DB_READ) and the index's
own record of the last change it applied; the difference is the index lag, in change-log entries.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from fastapi import Request
from fastapi.responses import JSONResponse, Response
from prometheus_client import CONTENT_TYPE_PLAIN_0_0_4
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily
from prometheus_client.metrics_core import Metric

from metalnomist.browse import change_log_position
from metalnomist.errors import StoreError
from metalnomist.pipeline import Archive


@dataclass(frozen=True)
class Lag:
    logged: int  # the newest change-log entry the read database holds
    applied: int  # the newest one this node's index has applied

    @property
    def behind(self) -> int:
        return max(self.logged - self.applied, 0)


def index_lag(archive: Archive) -> Lag:
    """Raises StoreError when the read database is unreachable."""
    return Lag(change_log_position(archive), archive.index.applied_seq)


def _primary_problem(archive: Archive) -> str | None:
    """With a replica, writes (comments) need the primary too; None when it answers."""
    try:
        archive.store.ping_primary()
    except StoreError as exc:
        return str(exc)
    return None


def healthz(request: Request) -> JSONResponse:
    """200 while this node can answer readers; 503 when its database is unreachable or its index too far behind.

    An unreachable primary behind a replica is reported but is not a failure: the node still serves pages
    and searches, and taking every node out of rotation would stop those too.
    """
    archive: Archive = request.app.state.archive
    try:
        lag = index_lag(archive)
    except StoreError as exc:
        return JSONResponse({"status": "unavailable", "database": str(exc)}, status_code=503)
    max_lag = archive.settings.health_max_lag
    behind = bool(max_lag) and lag.behind > max_lag
    body: dict[str, object] = {"status": "behind" if behind else "ok", "database": "reachable",
                               "change_log": lag.logged, "index_applied": lag.applied, "index_lag": lag.behind}
    if archive.settings.db_read:
        body["primary"] = _primary_problem(archive) or "reachable"
    return JSONResponse(body, status_code=503 if behind else 200, headers={"Cache-Control": "no-store"})


def metrics(request: Request) -> Response:
    """The classic text format (0.0.4), which every Prometheus version parses; our names need nothing newer."""
    return Response(request.app.state.metrics.exposition(), media_type=CONTENT_TYPE_PLAIN_0_0_4,
                    headers={"Cache-Control": "no-store"})


def live_figures(archive: Archive) -> Iterator[Metric]:
    """Read at each scrape: whether the database answers, the change log (every post an ingest wrote) and the lag."""
    try:
        lag = index_lag(archive)
    except StoreError:
        yield GaugeMetricFamily("metalnomist_database_up", "Whether the database this node reads answers.", 0)
        return
    yield GaugeMetricFamily("metalnomist_database_up", "Whether the database this node reads answers.", 1)
    yield CounterMetricFamily("metalnomist_post_changes", "Posts written (added or updated by ingests), as counted "
                              "by the change log.", lag.logged)
    yield GaugeMetricFamily("metalnomist_index_applied", "The last change-log entry this node's index applied.",
                            lag.applied)
    yield GaugeMetricFamily("metalnomist_index_lag", "Change-log entries this node's index has yet to apply.",
                            lag.behind)
