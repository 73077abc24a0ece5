"""`metalnomist serve --workers 2` as a real process: both workers answer and share one CSRF key."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import lxml.html
import pytest


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("METALNOMIST_")}
    command = [sys.executable, "-c", "from metalnomist.cli import main; main()", "--db", f"sqlite:///{tmp_path}/w.db",
               "serve", "--sample", "--workers", "2", "--port", str(port)]
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
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_two_workers_serve_search_and_accept_a_comment_form(server: str) -> None:
    for _ in range(6):  # several requests, so both workers answer some
        body = httpx.get(server + "/api/search", params={"q": "palladium"}).json()
        assert body["total"] == 1
    hit = body["results"][0]["url"]
    with httpx.Client(base_url=server) as client:
        page = lxml.html.fromstring(client.get(hit).text)
        token = page.xpath("//input[@name='csrf_token']/@value")[0]
        post_id = page.xpath("//input[@name='post_id']/@value")[0]
        for attempt in range(3):  # whichever worker takes it must accept the other's token
            answer = client.post(hit, data={"csrf_token": token, "post_id": post_id, "author": f"Ann {attempt}",
                                            "body": "Useful figures.", "website": ""})
            assert answer.status_code in (200, 303), answer.text[:300]


def test_the_shared_listener_is_tcp_so_replies_are_not_held_by_nagle() -> None:
    from uvicorn import Config

    from metalnomist.web.server import APP_FACTORY, tcp_listener

    listener = tcp_listener(Config(APP_FACTORY, factory=True, host="127.0.0.1", port=free_port(), workers=2))
    try:
        assert listener.proto == socket.IPPROTO_TCP
        assert listener.get_inheritable()
    finally:
        listener.close()
