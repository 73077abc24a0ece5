"""A scheduled post publishes itself inside the running site, with no cron: pages, then search."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from fastapi.testclient import TestClient

from metalnomist.accounts.service import create_user
from metalnomist.config import Settings
from metalnomist.pipeline import Archive, open_archive
from metalnomist.publishing.scheduler import Scheduler
from metalnomist.publishing.service import Draft, counts, move, save
from metalnomist.web.app import create_app


def wait_for(check: object, seconds: float = 30.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():  # type: ignore[operator]
            return True
        time.sleep(0.1)
    return False


def test_a_scheduled_post_appears_at_its_time_and_not_before(tmp_path: Path) -> None:
    settings = Settings(db=f"sqlite:///{tmp_path}/t.db", index_dir=str(tmp_path / "idx"), secret_key="test")
    archive = open_archive(settings)
    editor = create_user(archive.store, "ana", "correct horse battery", "editor")
    post_id = save(archive.store, settings, editor, Draft("Wombat nickel report", "Nickel imports rose."))
    with TestClient(create_app(settings, archive, follow_seconds=0.1, schedule_seconds=0.1)) as client:
        move(archive.store, editor, post_id, "scheduled", datetime.now(UTC) + timedelta(seconds=2))
        assert "Wombat" not in client.get("/").text
        assert wait_for(lambda: "Wombat" in client.get("/").text)
        assert wait_for(lambda: client.get("/api/search", params={"q": "wombat"}).json()["total"] == 1)
    archive.close()


def test_a_wake_publishes_only_what_is_due_not_what_falls_before_the_next_wake(archive: Archive) -> None:
    """A post may appear up to one interval late, never early: publishing at a wake what will be due by the next
    one would break an embargo by as much as the interval."""
    editor = create_user(archive.store, "ana", "correct horse battery", "editor")
    post_id = save(archive.store, archive.settings, editor, Draft("Embargoed nickel report", "Imports rose."))
    move(archive.store, editor, post_id, "scheduled", datetime.now(UTC) + timedelta(minutes=5))
    published: list[int] = []
    scheduler = Scheduler(archive.store, interval=3600, published=published.extend)
    scheduler._publish_due()  # what each wake runs
    assert published == [] and counts(archive.store)["scheduled"] == 1
    move(archive.store, editor, post_id, "scheduled", datetime.now(UTC) + timedelta(seconds=1))
    time.sleep(1.5)
    scheduler._publish_due()
    assert published == [post_id] and counts(archive.store)["published"] == 1
