"""`/healthz` and `/metrics` over a real archive, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from prometheus_client.parser import text_string_to_metric_families
from sqlalchemy import create_engine

from metalnomist.pipeline import ingest_sample_if_empty, open_archive, store_file
from metalnomist.web.app import create_app
from metalnomist.web.health import Lag
from tests.conftest import drop_database
from tests.web.conftest import web_settings

NEVER = 3600.0  # follower interval: the index moves only when a test says so


def _client(folder: Path, db: str, **changes: object) -> Iterator[TestClient]:
    settings = web_settings(folder, db, extract_facts=False, **changes)
    archive = open_archive(settings)
    ingest_sample_if_empty(archive)
    with TestClient(create_app(settings, archive, follow_seconds=NEVER), raise_server_exceptions=False) as client:
        yield client
    archive.close()


@pytest.fixture
def client(db_url: str, tmp_path: Path) -> Iterator[TestClient]:
    yield from _client(tmp_path, db_url)


def _two_posts(folder: Path) -> Path:
    path = folder / "two.jsonl"
    path.write_text('{"title": "Cobalt hydroxide payables firm", "body": "Payables rose to 75%."}\n'
                    '{"title": "Tin stocks fall", "body": "LME tin stocks fell 5%."}\n')
    return path


def samples(client: TestClient) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    text = client.get("/metrics").text
    return {(s.name, tuple(sorted(s.labels.items()))): s.value
            for family in text_string_to_metric_families(text) for s in family.samples}


def test_healthz_reports_the_database_and_an_index_in_step(client: TestClient) -> None:
    answer = client.get("/healthz")
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert body["status"] == "ok" and body["database"] == "reachable" and body["index_lag"] == 0
    assert body["change_log"] == body["index_applied"] > 0


def test_healthz_counts_the_index_lag_and_fails_past_the_limit(db_url: str, tmp_path: Path) -> None:
    for client in _client(tmp_path, db_url, health_max_lag=1):
        archive = client.app.state.archive  # type: ignore[attr-defined]
        assert client.get("/healthz").json()["index_lag"] == 0
        store_file(archive, _two_posts(tmp_path))  # stored, not yet indexed: the follower is asleep
        answer = client.get("/healthz")
        assert (answer.status_code, answer.json()["index_lag"], answer.json()["status"]) == (503, 2, "behind")
        assert samples(client)[("metalnomist_index_lag", ())] == 2
        client.app.state.follower.wake()  # type: ignore[attr-defined]
        for _ in range(200):
            if client.get("/healthz").status_code == 200:
                break
        assert client.get("/healthz").json()["index_lag"] == 0


def test_healthz_answers_503_when_the_database_is_gone(pg_admin_url: str, pg_url: str, tmp_path: Path) -> None:
    for client in _client(tmp_path, pg_url):
        assert client.get("/healthz").status_code == 200
        admin = create_engine(pg_admin_url.replace("postgresql://", "postgresql+psycopg://"),
                              isolation_level="AUTOCOMMIT")
        drop_database(admin, pg_url.rsplit("/", 1)[1])
        admin.dispose()
        answer = client.get("/healthz")
        assert answer.status_code == 503
        assert answer.json()["status"] == "unavailable" and "does not exist" in answer.json()["database"]
        assert samples(client)[("metalnomist_database_up", ())] == 0


def test_metrics_count_requests_by_route_template_and_status(client: TestClient) -> None:
    hit = client.get("/api/search", params={"q": "palladium"}).json()["results"][0]["url"]
    client.get("/api/search", params={"q": "nickel"})
    client.get(hit)
    client.get("/no/such/page")
    client.request("BREW", "/api/search")  # a made-up method adds no series of its own
    answer = client.get("/metrics")
    assert answer.headers["content-type"].startswith("text/plain; version=0.0.4")
    found = samples(client)
    get = (("method", "GET"), ("route", "/api/search"), ("status", "200"))
    assert found[("metalnomist_http_requests_total", get)] == 2
    assert found[("metalnomist_http_requests_total",
                  (("method", "GET"), ("route", "/{year}/{month}/{slug}.html"), ("status", "200")))] == 1
    assert found[("metalnomist_http_requests_total", (("method", "GET"), ("route", "other"), ("status", "404")))] == 1
    brewed = (("method", "other"), ("route", "/api/search"), ("status", "405"))
    assert found[("metalnomist_http_requests_total", brewed)] == 1
    assert found[("metalnomist_http_request_duration_seconds_count", (("route", "/api/search"),))] == 3
    assert found[("metalnomist_http_request_duration_seconds_bucket", (("le", "+Inf"), ("route", "/api/search")))] == 3
    assert found[("metalnomist_post_changes_total", ())] == found[("metalnomist_index_applied", ())] > 0
    assert found[("metalnomist_index_lag", ())] == 0 and found[("metalnomist_database_up", ())] == 1


def test_healthz_is_never_cached_and_names_no_primary_without_a_replica(client: TestClient) -> None:
    """A cache between the balancer and the node would keep answering 'ok' for a node that is down."""
    for path in ("/healthz", "/metrics"):
        assert client.get(path).headers["cache-control"] == "no-store", path
    assert "primary" not in client.get("/healthz").json()  # only a node reading a replica has a primary apart


@pytest.mark.parametrize(("max_lag", "status"), [(0, 200), (2, 200), (1, 503)])
def test_healthz_fails_only_past_the_lag_it_may_have(db_url: str, tmp_path: Path, max_lag: int, status: int) -> None:
    """0 reports the lag but never fails; a node exactly at its limit is still in rotation."""
    for client in _client(tmp_path, db_url, health_max_lag=max_lag):
        store_file(client.app.state.archive, _two_posts(tmp_path))  # type: ignore[attr-defined]
        answer = client.get("/healthz")
        assert (answer.status_code, answer.json()["index_lag"]) == (status, 2)
        assert answer.json()["status"] == ("ok" if status == 200 else "behind")


def test_metrics_of_a_lagging_index_give_the_change_log_and_the_index_apart(client: TestClient,
                                                                              tmp_path: Path) -> None:
    """What the log holds and what the index applied are two figures: a dashboard subtracts them."""
    store_file(client.app.state.archive, _two_posts(tmp_path))  # type: ignore[attr-defined]
    health = client.get("/healthz").json()
    found = samples(client)
    assert found[("metalnomist_post_changes_total", ())] == health["change_log"]
    assert found[("metalnomist_index_applied", ())] == health["index_applied"] == health["change_log"] - 2


def test_an_index_ahead_of_a_lagging_replica_is_not_behind() -> None:
    """An ingest brings the index up to the primary's log at once, while the replica this node reads may trail
    it: the index is then not behind at all, never a negative number of changes behind."""
    assert (Lag(logged=5, applied=7).behind, Lag(logged=7, applied=5).behind) == (0, 2)
