"""`metalnomist serve --workers 2` as a real process: both workers answer and share one CSRF key."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import lxml.html
import pytest

from metalnomist.web.security import CSRF_COOKIE


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


CLI = [sys.executable, "-c", "from metalnomist.cli import main; main()"]
PALLADIUM = "Japan’s Imports of Russian Palladium Rise for First Time Since Ukraine Invasion"


@dataclass(frozen=True)
class Server:
    base: str
    db: str


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("METALNOMIST_")}
    db = f"sqlite:///{tmp_path}/w.db"
    command = [*CLI, "--db", db, "serve", "--sample", "--workers", "2", "--port", str(port)]
    process = subprocess.Popen(command, cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(base + "/api/labels", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.3)
        else:
            pytest.fail("server did not start: " + (process.stdout.read(4000).decode() if process.stdout else ""))
        yield Server(base, db)
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_two_workers_serve_search_and_accept_a_comment_form(server: Server) -> None:
    for _ in range(6):  # a connection each, so both workers answer some
        body = httpx.get(server.base + "/api/search", params={"q": "palladium"}).json()
        assert (body["total"], [r["title"] for r in body["results"]]) == (1, [PALLADIUM])
    hit = body["results"][0]["url"]
    for attempt in range(4):  # the form from one connection, its answer on another: either worker must accept it
        with httpx.Client(base_url=server.base) as reader:
            page = lxml.html.fromstring(reader.get(hit).text)
            cookie = reader.cookies[CSRF_COOKIE]
        token = page.xpath("//input[@name='csrf_token']/@value")[0]
        post_id = page.xpath("//input[@name='post_id']/@value")[0]
        answer = httpx.post(server.base + hit, cookies={CSRF_COOKIE: cookie},
                            data={"csrf_token": token, "post_id": post_id, "author": f"Ann {attempt}",
                                  "body": "Useful figures.", "website": ""})
        assert (answer.status_code, answer.headers.get("location")) == (303, f"{hit}?comment=pending#comments"), \
            answer.text[:300]
    held = subprocess.run([*CLI, "--db", server.db, "comments"], capture_output=True, text=True, check=True,
                          env={k: v for k, v in os.environ.items() if not k.startswith("METALNOMIST_")})
    authors = [line.split(" by ", 1)[1].split(" at ")[0] for line in held.stdout.splitlines() if line.startswith("#")]
    assert authors == ["Ann 0", "Ann 1", "Ann 2", "Ann 3"] and held.stderr.strip() == "4 comments held"


def test_the_shared_listener_is_tcp_so_replies_are_not_held_by_nagle() -> None:
    from uvicorn import Config

    from metalnomist.web.server import APP_FACTORY, tcp_listener

    listener = tcp_listener(Config(APP_FACTORY, factory=True, host="127.0.0.1", port=free_port(), workers=2))
    try:
        assert listener.proto == socket.IPPROTO_TCP
        assert listener.get_inheritable()
    finally:
        listener.close()
