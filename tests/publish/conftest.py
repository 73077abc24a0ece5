"""Publishing fixtures: Argon2id at its lowest cost, since these tests sign in dozens of times.

The production parameters take about a second per hash on a busy 2-core machine; the algorithm,
library and code paths stay the same.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import lxml.html
import pytest
from argon2 import PasswordHasher
from fastapi.testclient import TestClient
from httpx import Response

from metalnomist.accounts import service
from metalnomist.accounts.service import create_user
from metalnomist.config import Settings
from metalnomist.models import User
from metalnomist.pipeline import Archive, open_archive
from metalnomist.web.app import create_app


@pytest.fixture(autouse=True)
def cheap_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    hasher = PasswordHasher(time_cost=1, memory_cost=64, parallelism=1)
    monkeypatch.setattr(service, "_hasher", hasher)
    monkeypatch.setattr(service, "_DUMMY_HASH", hasher.hash("not anyone's password"))


PASSWORD = "correct horse battery"


@dataclass
class Desk:
    """The site with an editor account, driven in-process through a TestClient."""

    archive: Archive
    client: TestClient

    def form_token(self, path: str) -> str:
        page = lxml.html.fromstring(self.client.get(path).text)
        return str(page.xpath("//input[@name='csrf_token']/@value")[0])

    def sign_in_user(self) -> User:
        """The editor account, signed in through the service (for arranging a test)."""
        return service.sign_in(self.archive.store, "ana", PASSWORD, "arranging")

    def sign_in(self, name: str = "ana", password: str = PASSWORD) -> Response:
        token = self.form_token("/admin/login")
        return self.client.post("/admin/login", data={"name": name, "password": password, "csrf_token": token},
                                follow_redirects=False)


def open_desk(settings: Settings, **changes: object) -> Iterator[Desk]:
    settings = settings.replace(**changes) if changes else settings
    archive = open_archive(settings)
    create_user(archive.store, "ana", PASSWORD, "editor")
    with TestClient(create_app(settings, archive), raise_server_exceptions=False) as client:
        yield Desk(archive, client)
    archive.close()


@pytest.fixture
def desk(settings: Settings) -> Iterator[Desk]:
    """On SQLite and PostgreSQL, with the sample posts absent: what a test publishes is all there is."""
    yield from open_desk(settings)
