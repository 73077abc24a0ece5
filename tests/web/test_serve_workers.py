"""`metalnomist serve --workers 2` as a real process: both workers answer and share one CSRF key.

Each check names the worker it talks to (Linux /proc), since an idle kernel gives every new
connection to the same one and a test left to chance would cross workers only sometimes.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import os
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

import lxml.html
import pytest

from metalnomist.config import Settings
from metalnomist.web.security import CSRF_COOKIE
from tests.servers import free_port, wait_until_healthy

CLI = [sys.executable, "-c", "from metalnomist.cli import main; main()"]
PALLADIUM = "Japan’s Imports of Russian Palladium Rise for First Time Since Ukraine Invasion"


@dataclass(frozen=True)
class Server:
    base: str
    db: str
    pid: int

    @property
    def port(self) -> int:
        return int(self.base.rsplit(":", 1)[1])


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("METALNOMIST_")}
    db = f"sqlite:///{tmp_path}/w.db"
    command = [*CLI, "--db", db, "serve", "--sample", "--workers", "2", "--port", str(port)]
    process = subprocess.Popen(command, cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_healthy(base, process)
        yield Server(base, db, process.pid)
    finally:
        process.terminate()
        process.wait(timeout=30)


def _workers(pid: int) -> list[int]:
    """The server's worker processes: its children but multiprocessing's resource tracker."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            stat, command = (entry / "stat").read_text(), (entry / "cmdline").read_bytes()
        except OSError:  # not a process, or it ended
            continue
        if int(stat.rsplit(")", 1)[1].split()[1]) == pid and b"resource_tracker" not in command:
            found.append(int(entry.name))
    return sorted(found)


def _owner(server: Server, connection: http.client.HTTPConnection, workers: list[int]) -> int:
    """The worker process holding the server side of this TCP connection (from /proc/net/tcp)."""
    assert connection.sock is not None
    client_port = connection.sock.getsockname()[1]
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        local, remote = (int(address.split(":")[1], 16) for address in fields[1:3])
        if (local, remote) == (server.port, client_port):
            socket_link = f"socket:[{fields[9]}]"
            for pid in workers:
                for fd in Path(f"/proc/{pid}/fd").iterdir():
                    with contextlib.suppress(OSError):
                        if os.readlink(fd) == socket_link:
                            return pid
    raise AssertionError(f"no worker holds the connection from port {client_port}")


def _connect_to(server: Server, worker: int, workers: list[int]) -> http.client.HTTPConnection:
    """A keep-alive connection that `worker` accepted: the others are paused while it connects.

    An idle kernel hands every new connection to the same worker, so only this makes the test
    cross workers every time."""
    others = [pid for pid in workers if pid != worker]
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
    for pid in others:
        os.kill(pid, signal.SIGSTOP)
    try:
        connection.request("GET", "/api/labels")
        connection.getresponse().read()
    finally:
        for pid in others:
            os.kill(pid, signal.SIGCONT)
    assert _owner(server, connection, workers) == worker
    return connection


def _get(connection: http.client.HTTPConnection, path: str) -> tuple[int, dict[str, str], str]:
    connection.request("GET", path)
    response = connection.getresponse()
    return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read().decode()


@pytest.mark.skipif(not Path("/proc/net/tcp").exists(), reason="finds each connection's worker through Linux /proc")
def test_two_workers_serve_search_and_accept_a_comment_form(server: Server) -> None:
    workers = _workers(server.pid)
    assert len(workers) == 2, workers
    hit = ""
    for worker in workers:
        status, _, text = _get(_connect_to(server, worker, workers), "/api/search?q=palladium")
        body = json.loads(text)
        assert (status, body["total"], [r["title"] for r in body["results"]]) == (200, 1, [PALLADIUM])
        hit = body["results"][0]["url"]
    for attempt, (reader, writer) in enumerate([workers, workers[::-1]]):  # a form from one, sent to the other
        _, headers, page = _get(_connect_to(server, reader, workers), hit)
        cookie = headers["set-cookie"].split(";")[0]
        assert cookie.startswith(CSRF_COOKIE + "=")
        form = lxml.html.fromstring(page)
        fields = {"csrf_token": form.xpath("//input[@name='csrf_token']/@value")[0],
                  "post_id": form.xpath("//input[@name='post_id']/@value")[0],
                  "author": f"Ann {attempt}", "body": "Useful figures.", "website": ""}
        connection = _connect_to(server, writer, workers)
        connection.request("POST", hit, body=urlencode(fields),
                           headers={"Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"})
        answer = connection.getresponse()
        assert (answer.status, answer.getheader("location")) == (303, f"{hit}?comment=pending#comments"), \
            answer.read()[:300]
    held = subprocess.run([*CLI, "--db", server.db, "comments"], capture_output=True, text=True, check=True,
                          env={k: v for k, v in os.environ.items() if not k.startswith("METALNOMIST_")})
    authors = [line.split(" by ", 1)[1].split(" at ")[0] for line in held.stdout.splitlines() if line.startswith("#")]
    assert authors == ["Ann 0", "Ann 1"] and held.stderr.strip() == "2 comments held"
    for worker in workers:  # uvicorn's C HTTP parser and libuv loop, which it takes only when installed
        loaded = Path(f"/proc/{worker}/maps").read_text()
        assert "/httptools/" in loaded and "/uvloop/" in loaded, worker


def test_the_shared_listener_is_tcp_so_replies_are_not_held_by_nagle() -> None:
    from metalnomist.web.server import tcp_listener, worker_config

    listener = tcp_listener(worker_config(Settings(), "127.0.0.1", free_port(), 2))
    try:
        assert listener.proto == socket.IPPROTO_TCP
        assert listener.get_inheritable()
    finally:
        listener.close()
