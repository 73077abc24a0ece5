"""A damaged search index must not stop the archive: reading commands never open it, the next
search rebuilds it from the database, and a disk that fills while it is written is reported."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from metalnomist.cli import cli
from metalnomist.config import Settings
from metalnomist.pipeline import ingest_sample_if_empty, open_archive
from metalnomist.web.app import create_app
from tests.conftest import SEED


def run(db: str, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["--db", db, *args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def truncate_a_segment(index: Path) -> None:
    segment = max(index.glob("*.idx"), key=lambda p: p.stat().st_size)
    with segment.open("r+b") as handle:
        handle.truncate(segment.stat().st_size // 2)


def garble_meta(index: Path) -> None:
    (index / "meta.json").write_text('{"segments": [garbled')


def drop_meta(index: Path) -> None:
    (index / "meta.json").unlink()


DAMAGE = [truncate_a_segment, garble_meta, drop_meta]


@pytest.fixture
def damaged_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest) -> str:
    monkeypatch.setenv("METALNOMIST_INDEX_DIR", str(tmp_path / "index"))
    db = f"sqlite:///{tmp_path}/archive.db"
    assert run(db, "ingest", str(SEED))[0] == 0
    damage: Callable[[Path], None] = request.param
    damage(tmp_path / "index")
    return db


@pytest.mark.parametrize("damaged_db", DAMAGE, indirect=True)
def test_reading_commands_work_then_search_rebuilds(damaged_db: str) -> None:
    code, out, _ = run(damaged_db, "posts")
    assert code == 0 and len(out.splitlines()) == 20
    code, out, _ = run(damaged_db, "facts", "--commodity", "palladium")
    assert code == 0 and out.count('"commodity": "palladium"') >= 1
    assert run(damaged_db, "comments")[0] == 0
    code, out, _ = run(damaged_db, "search", "palladium")
    assert code == 0 and out.startswith("1 posts") and "Russian Palladium" in out
    code, out, _ = run(damaged_db, "search", "Japan")
    assert out.startswith("20 posts")


@pytest.mark.parametrize("damaged_db", DAMAGE, indirect=True)
def test_reindex_starts_from_an_empty_folder(damaged_db: str) -> None:
    code, out, _ = run(damaged_db, "reindex")
    assert code == 0 and out.strip() == "20 posts indexed"
    assert run(damaged_db, "search", "palladium")[1].startswith("1 posts")


def test_a_disk_that_fills_while_indexing_is_reported_and_repaired(pg_url: str, tmp_path: Path) -> None:
    """A file-size limit makes every index write past 20 kB fail as a full disk does (PostgreSQL keeps
    its files in its own process, so only the index feels it)."""
    index = tmp_path / "index"
    limited = ("import resource, signal\n"
               "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
               "resource.setrlimit(resource.RLIMIT_FSIZE, (20_000, 20_000))\n"
               "from metalnomist.cli import main\n"
               "main()\n")
    env = {**os.environ, "METALNOMIST_INDEX_DIR": str(index)}
    done = subprocess.run([sys.executable, "-c", limited, "--db", pg_url, "ingest", str(SEED)], env=env,
                          capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 1
    assert done.stdout.startswith("20 added, 0 updated, 0 unchanged")
    errors = [line for line in done.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "stored in the database" in errors[0] and "File too large" in errors[0]
    assert "Traceback" not in done.stderr
    os.environ["METALNOMIST_INDEX_DIR"] = str(index)
    try:
        code, out, _ = run(pg_url, "search", "palladium")  # the next start rebuilds
    finally:
        del os.environ["METALNOMIST_INDEX_DIR"]
    assert code == 0 and out.startswith("1 posts")


@pytest.mark.parametrize("part", [
    "store",  # the stored bodies: Tantivy answers with an I/O error
    "idx",  # the postings: Tantivy panics while decoding them (pyo3's PanicException, a BaseException)
])
def test_a_segment_damaged_under_a_running_site_is_rebuilt_in_the_background(tmp_path: Path, part: str) -> None:
    settings = Settings(db=f"sqlite:///{tmp_path}/a.db", index_dir=str(tmp_path / "index"), extract_facts=False,
                        secret_key="test")
    archive = open_archive(settings)
    ingest_sample_if_empty(archive)
    app = create_app(settings, archive, follow_seconds=3600)
    try:
        with TestClient(app, raise_server_exceptions=False) as client:
            assert client.get("/api/search", params={"q": "palladium"}).json()["total"] == 1
            permalink = urlsplit(client.get("/api/posts").json()["posts"][0]["url"]).path
            damaged = list((tmp_path / "index").glob(f"*.{part}"))
            for stored in damaged:  # the segment's file goes bad on disk
                size = stored.stat().st_size
                with stored.open("r+b") as handle:
                    handle.seek(size // 4)
                    handle.write(b"\xff" * (size // 2))
            answer = client.get("/api/search", params={"q": "Japan"})
            assert answer.status_code == 503 and answer.json()["error"]["code"] == "store_unavailable"
            assert client.get("/api/posts").status_code == 200  # the rest of the site is unaffected
            assert client.get(permalink).status_code == 200  # the post shows; its related posts may not

            app.state.follower.wake()
            deadline, total = time.monotonic() + 60, None
            while time.monotonic() < deadline and total != 20:
                found = client.get("/api/search", params={"q": "Japan"})
                total = found.json()["total"] if found.status_code == 200 else None
                time.sleep(0.05)
            assert total == 20
            assert 'class="related"' in client.get(permalink).text
            assert not any(stored.exists() for stored in damaged)  # every document replaced, the segment dropped
    finally:
        archive.close()
