"""Two nodes on PostgreSQL's own replication: one reads the primary, one a hot standby.

Both find a post ingested through the primary within 2 s; a comment posted on the standby's node
is stored on the primary; a third node starts from a copy of the first one's index; the standby's
node keeps answering searches while the primary restarts.
"""

from __future__ import annotations

import os
import re
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from tests.ops.cluster import Cluster, primary_and_standby
from tests.servers import free_port, wait_until_healthy
from tests.web.test_serve_workers import CLI

WORD = "ferrovanadium"  # in no sample post: found means the new post is indexed


@pytest.fixture(scope="module")
def cluster() -> Iterator[Cluster]:
    with primary_and_standby() as started:
        yield started


def _env(folder: Path, **settings: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("METALNOMIST_", "PROMETHEUS_"))}
    env.update(METALNOMIST_INDEX_DIR=str(folder), METALNOMIST_EXTRACT_FACTS="false",
               METALNOMIST_COMMENT_MODERATION="false", METALNOMIST_SECRET_KEY="test")
    env.update({"METALNOMIST_" + key.upper(): value for key, value in settings.items()})
    return env


@contextmanager
def node(folder: Path, **settings: str) -> Iterator[str]:
    """`metalnomist serve` with these settings; yields its base URL once /healthz answers 200."""
    port = free_port()
    process = subprocess.Popen([*CLI, "serve", "--port", str(port)], env=_env(folder, **settings),
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_healthy(base, process)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)


def _found(base: str) -> list[dict[str, object]]:
    answer = httpx.get(base + "/api/search", params={"q": WORD}, timeout=5)
    assert answer.status_code == 200, answer.text
    return list(answer.json()["results"])


def _cli(index: Path, *args: str, **settings: str) -> str:
    return subprocess.run([*CLI, *args], env=_env(index, **settings), check=True, capture_output=True,
                          text=True).stdout


def _ingest(folder: Path, primary: str) -> None:
    path = folder / "new.jsonl"
    path.write_text(f'{{"title": "Chinese {WORD} exports climb", "body": "Shipments of {WORD} rose 12% '
                    'in October, customs data showed."}\n')
    _cli(folder / "cli-index", "ingest", str(path), db=primary)


def test_nodes_on_primary_and_standby(cluster: Cluster, tmp_path: Path) -> None:
    primary, standby = cluster.primary.url, cluster.standby.url
    with node(tmp_path / "a", db=primary) as on_primary, \
            node(tmp_path / "b", db=primary, db_read=standby) as on_standby:
        assert _found(on_primary) == _found(on_standby) == []
        _ingest(tmp_path, primary)
        deadline = time.monotonic() + 2.0
        waiting = {on_primary, on_standby}
        while waiting and time.monotonic() < deadline:
            waiting = {base for base in waiting if not _found(base)}
        assert not waiting, f"not found within 2 s on {waiting}"

        post_id = _found(on_standby)[0]["id"]
        posted = httpx.post(f"{on_standby}/api/posts/{post_id}/comments", json={"author": "Ann", "body": "Noted."})
        assert posted.status_code == 201, posted.text
        on_the_primary = httpx.get(f"{on_primary}/api/posts/{post_id}/comments").json()  # node A reads the primary
        assert [c["author"] for c in on_the_primary["comments"]] == ["Ann"]

        # A third node starts from a copy of the first one's index, taken while it serves.
        _cli(tmp_path / "a", "index", "export", str(tmp_path / "a.tar"), db=primary)
        imported = _cli(tmp_path / "c", "index", "import", str(tmp_path / "a.tar"), db=primary, db_read=standby)
        # The copy holds what node A had applied when it was taken (its follower may still be on the
        # comment's change); the import catches up the rest from the log.
        copied = re.fullmatch(r"imported the index at change (\d+) from .*; caught up to change (\d+)\n", imported)
        logged = httpx.get(on_primary + "/healthz").json()["change_log"]
        assert copied and 1 <= int(copied[1]) <= int(copied[2]) == logged, imported
        assert WORD in _cli(tmp_path / "c", "search", WORD, db=primary, db_read=standby)

        cluster.primary.stop()
        try:
            health = httpx.get(on_standby + "/healthz")
            assert health.status_code == 200 and health.json()["primary"].startswith("the database")
            for _ in range(5):  # searched while the primary is down
                assert [hit["id"] for hit in _found(on_standby)] == [post_id]
            assert httpx.get(on_primary + "/healthz").status_code == 503  # its one database is gone
        finally:
            cluster.primary.start()
        assert [hit["id"] for hit in _found(on_standby)] == [post_id]
        assert httpx.get(on_standby + "/healthz").json()["primary"] == "reachable"
