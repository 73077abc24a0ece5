"""`kill -9` of an ingest must not leave its extraction workers running (issue 8, item 8), nor any of its posts."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

GONE_WITHIN = 15.0  # seconds: a bound on a liveness condition, not a speed claim


def children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def alive(pid: int) -> bool:
    """Running, not merely a zombie waiting for a parent that never reaps it."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def is_worker(pid: int) -> bool:
    try:
        return b"spawn_main" in Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False


@pytest.mark.skipif(not sys.platform.startswith("linux") or (os.cpu_count() or 1) < 2,
                    reason="needs /proc and at least two cores (extraction only uses workers then)")
def test_extraction_workers_end_when_the_ingest_is_killed(tmp_path: Path) -> None:
    source = tmp_path / "many.jsonl"
    body = "Japan's copper imports rose 4% to 1,200 tonnes in March 2024, METI said. " * 20
    source.write_text("\n".join(json.dumps({"title": f"Copper {i}", "url": f"https://x/{i}", "body": body})
                                for i in range(3000)))
    env = {**os.environ, "METALNOMIST_DB": f"sqlite:///{tmp_path}/a.db", "METALNOMIST_INDEX_DIR": str(tmp_path / "i")}
    ingest = subprocess.Popen([sys.executable, "-c", "from metalnomist.cli import main; main()", "ingest", str(source)],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        workers: list[int] = []
        while len(workers) < 2 and ingest.poll() is None and time.monotonic() < deadline:
            time.sleep(0.2)
            workers = [pid for pid in children(ingest.pid) if is_worker(pid)]
        assert len(workers) >= 2, "the ingest never started its extraction workers"
        time.sleep(1.0)  # let them import and take work
        ingest.send_signal(signal.SIGKILL)
        ingest.wait()
        deadline = time.monotonic() + GONE_WITHIN
        while any(alive(pid) for pid in workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        survivors = [pid for pid in workers if alive(pid)]
    finally:
        for pid in children(ingest.pid) + [ingest.pid]:
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
    for pid in survivors:
        os.kill(pid, signal.SIGKILL)
    assert not survivors, f"worker processes {survivors} outlived the killed ingest"
    with sqlite3.connect(tmp_path / "a.db") as db:  # and a killed file leaves nothing visible
        assert db.execute("SELECT count(*) FROM posts").fetchone()[0] == 0
