"""Comment rate limit (issue 8, item 14) against a real `metalnomist serve` with two worker processes.

40 parallel posts from one client once got 11-18 through a limit of 10, and any X-Forwarded-For was
believed from loopback, so rotating it bypassed the limit. Run on SQLite and PostgreSQL.
"""

from __future__ import annotations

import ipaddress
import os
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from starlette.requests import Request

from metalnomist.pipeline import ingest_sample_if_empty, open_archive
from metalnomist.web.app import create_app
from metalnomist.web.security import client_address
from tests.servers import free_port, wait_until_healthy
from tests.web.conftest import web_settings

CLI = [sys.executable, "-c", "from metalnomist.cli import main; main()"]
LIMIT = 10
WORKERS = "1"  # its thread pool races as processes would; one process starts faster


@contextmanager
def serving(db: str, folder: Path, **settings: str) -> Iterator[str]:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("METALNOMIST_")}
    env.update({"METALNOMIST_INDEX_DIR": str(folder / "index"), "METALNOMIST_EXTRACT_FACTS": "false",
                **{f"METALNOMIST_{k.upper()}": v for k, v in settings.items()}})
    command = [*CLI, "--db", db, "serve", "--sample", "--workers", WORKERS, "--port", str(port)]
    process = subprocess.Popen(command, cwd=folder, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_healthy(base, process)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)


def post_comments(base: str, forwarded_for: list[str | None]) -> Counter[int]:
    """One comment per entry, all at once, each on its own connection; the entry is its X-Forwarded-For."""
    post_id = httpx.get(base + "/api/posts", params={"limit": 1}).json()["posts"][0]["id"]

    def send(i: int) -> int:
        headers = {"X-Forwarded-For": forwarded_for[i]} if forwarded_for[i] else {}
        with httpx.Client(timeout=60) as client:
            answer = client.post(f"{base}/api/posts/{post_id}/comments", headers=headers,
                                 json={"author": f"Reader {i}", "body": "Useful figures."})
        return answer.status_code

    with ThreadPoolExecutor(max_workers=len(forwarded_for)) as pool:
        return Counter(pool.map(send, range(len(forwarded_for))))


@pytest.mark.parametrize("db_kind", ["sqlite", "postgresql"])
def test_forty_parallel_comments_accept_exactly_the_limit_and_forged_forwarding_does_not_help(
        db_kind: str, tmp_path: Path, request: pytest.FixtureRequest) -> None:
    db = f"sqlite:///{tmp_path}/rate.db" if db_kind == "sqlite" else str(request.getfixturevalue("pg_url"))
    with serving(db, tmp_path, comment_rate_per_hour=str(LIMIT)) as base:
        parallel = post_comments(base, [None] * 40)
        rotated = post_comments(base, [f"203.0.113.{i}" for i in range(12)])  # from an untrusted peer
    assert (parallel, rotated) == ({201: LIMIT, 429: 40 - LIMIT}, {429: 12})


def test_a_trusted_proxy_forwards_each_client_separately(tmp_path: Path) -> None:
    """The control: behind a proxy named in METALNOMIST_TRUSTED_PROXIES, readers are told apart."""
    settings = web_settings(tmp_path, comment_rate_per_hour=1, trusted_proxies="127.0.0.1")
    archive = open_archive(settings)
    ingest_sample_if_empty(archive)
    proxy = TestClient(create_app(settings, archive), client=("127.0.0.1", 50000))
    post_id = proxy.get("/api/posts", params={"limit": 1}).json()["posts"][0]["id"]
    statuses = [proxy.post(f"/api/posts/{post_id}/comments", headers={"X-Forwarded-For": f"203.0.113.{i % 6}"},
                           json={"author": "Reader", "body": "Useful."}).status_code for i in range(7)]
    archive.close()
    assert statuses == [201] * 6 + [429]


def request_from(peer: str | None, *forwarded: str) -> Request:
    return Request({"type": "http", "client": (peer, 50000) if peer else None,
                    "headers": [(b"x-forwarded-for", value.encode()) for value in forwarded]})


PROXIES = [ipaddress.ip_network("10.0.0.0/8")]


@pytest.mark.parametrize(
    ("peer", "forwarded", "client"),
    [
        ("198.51.100.7", ("1.2.3.4",), "198.51.100.7"),  # an untrusted peer's header is ignored
        ("10.0.0.1", ("1.2.3.4",), "1.2.3.4"),  # a trusted proxy's is believed
        ("10.0.0.1", ("6.6.6.6, 1.2.3.4",), "1.2.3.4"),  # the client prepended a forged hop: rightmost wins
        ("10.0.0.1", ("6.6.6.6, 1.2.3.4, 10.0.0.9",), "1.2.3.4"),  # two proxies in a row
        ("10.0.0.1", ("6.6.6.6", "1.2.3.4"), "1.2.3.4"),  # the header repeated
        ("10.0.0.1", (), "10.0.0.1"),  # a proxy that says nothing is the client
        ("10.0.0.1", ("1.2.3.4,10.0.0.9",), "1.2.3.4"),  # hops without spaces
        ("10.0.0.1", ("1.2.3.4, , ",), "1.2.3.4"),  # empty hops are skipped
        ("10.0.0.1", ("10.0.0.2, 10.0.0.3",), "10.0.0.1"),  # only proxies forwarded: the peer
        ("testclient", ("1.2.3.4",), "testclient"),  # a peer that is no address is never a proxy
        ("2001:db8::1", ("1.2.3.4",), "2001:db8::1"),
    ],
)
def test_client_address_reads_forwarding_only_from_trusted_proxies(peer: str, forwarded: tuple[str, ...],
                                                                   client: str) -> None:
    assert client_address(request_from(peer, *forwarded), PROXIES) == client


def test_a_request_without_a_peer_is_one_unknown_client() -> None:
    assert client_address(request_from(None, "1.2.3.4"), PROXIES) == "unknown"
