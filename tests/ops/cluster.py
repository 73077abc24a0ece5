"""A throwaway PostgreSQL primary and hot standby (`pg_basebackup -R`) on free 127.0.0.1 ports.

PostgreSQL refuses to run as root, and CI runs as root: there both servers run as the `postgres`
user (through runuser), in a temporary folder it owns. Anyone else runs them as themselves.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.servers import free_port

USER = "metalnomist"  # the clusters' superuser, trusted from 127.0.0.1 only


def postgres_bin() -> Path | None:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parts[-3]))
    return found[-1].parent if found else None


@dataclass
class Server:
    data: Path
    port: int
    run: tuple[str, ...]  # how to run a PostgreSQL program as the servers' user
    bin: Path

    @property
    def url(self) -> str:
        return f"postgresql://{USER}@127.0.0.1:{self.port}/postgres"

    def ctl(self, *args: str) -> None:
        options = f"-p {self.port} -k {self.data.parent} -c listen_addresses=127.0.0.1"
        subprocess.run([*self.run, str(self.bin / "pg_ctl"), "-D", str(self.data), "-l", f"{self.data}.log",
                        "-o", options, "-w", "-t", "60", *args], check=True, capture_output=True)

    def start(self) -> None:
        self.ctl("start")

    def stop(self) -> None:
        self.ctl("stop", "-m", "fast")


@dataclass
class Cluster:
    primary: Server
    standby: Server


def _runner() -> tuple[tuple[str, ...], int | None]:
    """(command prefix, uid to own the folder) for running PostgreSQL programs."""
    if os.geteuid() != 0:
        return (), None
    try:
        return ("runuser", "-u", "postgres", "--"), pwd.getpwnam("postgres").pw_uid
    except KeyError:
        pytest.skip("running as root without a postgres user to run PostgreSQL as")


@contextmanager
def primary_and_standby() -> Iterator[Cluster]:
    binaries = postgres_bin()
    if binaries is None:
        if os.environ.get("CI"):
            pytest.fail("CI must install the PostgreSQL server (see .ci/run)")
        pytest.skip("no PostgreSQL server binaries in /usr/lib/postgresql")
    run, owner = _runner()
    # Not under pytest's tmp_path: that is private to the user running the tests.
    folder = Path(tempfile.mkdtemp(prefix="metalnomist-replication-"))
    if owner is not None:
        os.chown(folder, owner, -1)
    primary = Server(folder / "primary", free_port(), run, binaries)
    standby = Server(folder / "standby", free_port(), run, binaries)
    started: list[Server] = []
    try:
        subprocess.run([*run, str(binaries / "initdb"), "-D", str(primary.data), "-U", USER, "--auth=trust",
                        "--no-sync"], check=True, capture_output=True)
        primary.start()
        started.append(primary)
        subprocess.run([*run, str(binaries / "pg_basebackup"), "-h", "127.0.0.1", "-p", str(primary.port),
                        "-U", USER, "-D", str(standby.data), "-R", "-X", "stream", "--no-sync"],
                       check=True, capture_output=True)
        standby.start()
        started.append(standby)
        yield Cluster(primary, standby)
    except subprocess.CalledProcessError as exc:
        logs = " ".join(p.read_text()[-2000:] for p in folder.glob("*.log"))
        raise AssertionError(f"{exc.cmd[len(run)]} failed: {exc.stderr.decode()[-2000:]} {logs}") from None
    finally:
        for server in reversed(started):
            with contextlib.suppress(subprocess.CalledProcessError):  # a test may have stopped it already
                server.stop()
        shutil.rmtree(folder, ignore_errors=True)
