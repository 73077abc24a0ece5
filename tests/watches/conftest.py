"""Watch fixtures: an archive with one signed-up reader, and posts written as JSON Lines to ingest."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from metalnomist.accounts.service import create_user
from metalnomist.config import Settings
from metalnomist.models import User
from metalnomist.pipeline import Archive
from tests.publish.conftest import PASSWORD, cheap_hashes  # noqa: F401 - the same autouse fixture here


@pytest.fixture
def settings(settings: Settings) -> Settings:
    """The receivers these tests start listen on 127.0.0.1, where webhooks go only when allowed
    (tests/watches/test_addresses.py turns it off again)."""
    return settings.replace(webhook_allow_private=True)


@pytest.fixture
def ana(archive: Archive) -> Iterator[User]:
    yield create_user(archive.store, "ana", PASSWORD, "editor")


def post(title: str, body: str, labels: tuple[str, ...] = (), published: str = "2026-01-15") -> dict[str, object]:
    return {"title": title, "body": body, "labels": list(labels), "published": published,
            "url": "https://example.com/" + "-".join(title.lower().split())}


def jsonl(folder: Path, posts: list[dict[str, object]], name: str = "posts.jsonl") -> Path:
    path = folder / name
    path.write_text("\n".join(json.dumps(p) for p in posts), encoding="utf-8")
    return path
