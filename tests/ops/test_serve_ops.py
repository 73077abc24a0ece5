"""`metalnomist serve` as a real process: JSON Lines logs, and `/metrics` adding up every worker's counts."""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
from prometheus_client.parser import text_string_to_metric_families

from tests.servers import free_port, wait_until_healthy
from tests.web.test_serve_workers import CLI, Server, _connect_to, _get, _workers


def _start(folder: Path, workers: int) -> Iterator[tuple[Server, subprocess.Popen[bytes]]]:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("METALNOMIST_", "PROMETHEUS_"))}
    env.update(METALNOMIST_LOG_FORMAT="json", METALNOMIST_EXTRACT_FACTS="false")
    db = f"sqlite:///{folder}/o.db"
    command = [*CLI, "--db", db, "serve", "--sample", "--workers", str(workers), "--port", str(port)]
    process = subprocess.Popen(command, cwd=folder, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_healthy(base, process)
        yield Server(base, db, process.pid), process
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_json_logs_are_one_object_per_line_with_each_request(tmp_path: Path) -> None:
    for server, process in _start(tmp_path, workers=1):
        assert httpx.get(server.base + "/api/search", params={"q": "palladium"}).status_code == 200
        process.terminate()
        process.wait(timeout=30)
        assert process.stdout is not None
        lines = process.stdout.read().decode().splitlines()
        entries = [json.loads(line) for line in lines]  # every line is JSON: nothing else is printed
        searched = [e for e in entries if e.get("route") == "/api/search"]
        assert len(searched) == 1 and searched[0]["status"] == 200 and searched[0]["path"] == "/api/search"
        assert searched[0]["logger"] == "metalnomist.access" and isinstance(searched[0]["ms"], float)
        assert any("Uvicorn running" in e["message"] for e in entries)  # the server's own lines too


def test_metrics_from_any_worker_count_the_requests_of_all(tmp_path: Path) -> None:
    for server, _process in _start(tmp_path, workers=2):
        workers = _workers(server.pid)
        assert len(workers) == 2, workers
        connections = [_connect_to(server, worker, workers) for worker in workers]
        for connection in connections:
            assert _get(connection, "/api/search?q=palladium")[0] == 200
        for connection in connections:  # each worker answers the scrape with both requests
            text = _get(connection, "/metrics")[2]
            counts = {tuple(sorted(s.labels.items())): s.value for family in text_string_to_metric_families(text)
                      for s in family.samples if s.name == "metalnomist_http_requests_total"}
            assert counts[(("method", "GET"), ("route", "/api/search"), ("status", "200"))] == 2


def test_a_worker_imports_the_web_stack_only_once_it_answers_health_pings() -> None:
    """uvicorn kills a worker that does not answer its pings within 5 s; unpickling the worker's app must be
    quick, or on a busy machine every worker is killed while importing and replaced, forever."""
    from metalnomist.config import Settings
    from metalnomist.web.server import worker_config

    app = pickle.dumps(worker_config(Settings(), "127.0.0.1", 0, 2).app)
    check = "import pickle, sys; pickle.loads(sys.stdin.buffer.read()); print('fastapi' in sys.modules)"
    imported = subprocess.run([sys.executable, "-c", check], input=app, capture_output=True, check=True).stdout
    assert imported.strip() == b"False"
