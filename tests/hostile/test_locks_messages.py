"""What people see when the database cannot answer (issue 8, item 9): one line and exit 1 on the command
line, 503 `store_unavailable` on the web; never a traceback or a post's text."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from metalnomist.config import Settings
from metalnomist.pipeline import ingest_file, open_archive
from metalnomist.store.posts import count_posts
from tests.conftest import SEED, drop_database
from tests.web.conftest import Site, open_site

SECRET_TITLE = "Nickel matte shipments from Sulawesi"


def cli(db: str, index: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environ = {**os.environ, "METALNOMIST_DB": db, "METALNOMIST_INDEX_DIR": str(index), **env}
    return subprocess.run([sys.executable, "-c", "from metalnomist.cli import main; main()", *args], env=environ,
                          capture_output=True, text=True, timeout=300, check=False)


def test_a_locked_sqlite_database_is_one_line_and_exit_1(tmp_path: Path) -> None:
    db, index = f"sqlite:///{tmp_path}/a.db", tmp_path / "index"
    archive = open_archive(Settings(db=db, index_dir=str(index)))
    ingest_file(archive, SEED, "page")
    source = tmp_path / "new.jsonl"
    source.write_text(json.dumps({"title": SECRET_TITLE, "body": "Shipments rose 4% in May."}))
    holder = sqlite3.connect(tmp_path / "a.db", isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another writer, mid-transaction
    try:
        done = cli(db, index, "ingest", str(source), METALNOMIST_WRITE_WAIT_SECONDS="1")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and "locked by another writer" in lines[0], done.stderr
    assert "Traceback" not in done.stderr and SECRET_TITLE not in done.stderr + done.stdout
    with archive.store.reading() as conn:
        assert count_posts(conn) == 20
    archive.close()


def test_an_unreachable_database_is_one_line_and_exit_1(tmp_path: Path) -> None:
    done = cli("postgresql://nobody:secret@127.0.0.1:9/none", tmp_path / "index", "posts")
    assert done.returncode == 1
    assert done.stderr.startswith("error: ") and len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert "Traceback" not in done.stderr and "secret" not in done.stderr


@pytest.fixture
def outage(pg_admin_url: str, pg_url: str, tmp_path: Path) -> Iterator[Site]:
    """A site over PostgreSQL whose database then disappears (dropped, its connections cut)."""
    for site in open_site(tmp_path, pg_url):
        admin = create_engine(pg_admin_url.replace("postgresql://", "postgresql+psycopg://"),
                              isolation_level="AUTOCOMMIT")
        drop_database(admin, pg_url.rsplit("/", 1)[1])  # retries while an autovacuum worker leaves
        admin.dispose()
        yield site


@pytest.mark.postgres
@pytest.mark.parametrize("path", ["/api/posts", "/api/posts/1", "/api/facts"])
def test_a_database_outage_answers_503_store_unavailable_in_the_api(outage: Site, path: str) -> None:
    response = outage.client.get(path)
    assert response.status_code == 503
    assert response.json()["error"]["code"] == "store_unavailable"


@pytest.mark.postgres
@pytest.mark.parametrize("path", ["/", "/search/label/Copper", "/data"])
def test_a_database_outage_answers_a_plain_503_page_on_the_site(outage: Site, path: str) -> None:
    response = outage.client.get(path)
    assert response.status_code == 503
    assert response.headers["content-type"].startswith("text/html") and "Traceback" not in response.text


@pytest.mark.postgres
def test_search_keeps_answering_from_the_index_during_a_database_outage(outage: Site) -> None:
    """Hits are shown from the cards the index stores, so readers can still search while the database is away."""
    response = outage.client.get("/api/search", params={"q": "copper"})
    assert response.status_code == 200 and response.json()["results"]


def test_a_full_disk_under_a_sqlite_database_is_one_line_and_exit_1(tmp_path: Path) -> None:
    """A file-size limit makes writes past 300 kB fail as a full disk does, in the ingest process alone."""
    db, index = f"sqlite:///{tmp_path}/a.db", tmp_path / "index"
    open_archive(Settings(db=db, index_dir=str(index))).close()
    source = tmp_path / "big.jsonl"
    source.write_text("\n".join(json.dumps({"title": f"{SECRET_TITLE} {i}", "url": f"https://x/{i}",
                                            "body": "Copper rose 4% to 1,200 tonnes in 2024. " * 30})
                                for i in range(400)))
    limited = ("import resource, signal\n"
               "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
               "resource.setrlimit(resource.RLIMIT_FSIZE, (300_000, 300_000))\n"
               "from metalnomist.cli import main\n"
               "main()\n")
    environ = {**os.environ, "METALNOMIST_DB": db, "METALNOMIST_INDEX_DIR": str(index),
               "METALNOMIST_EXTRACT_FACTS": "false"}
    done = subprocess.run([sys.executable, "-c", limited, "ingest", str(source)], env=environ, capture_output=True,
                          text=True, timeout=300, check=False)
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: the database") and "disk" in lines[0], done.stderr
    assert "Traceback" not in done.stderr and SECRET_TITLE not in done.stderr
    archive = open_archive(Settings(db=db, index_dir=str(index)))
    with archive.store.reading() as conn:
        assert count_posts(conn) == 0
    archive.close()
