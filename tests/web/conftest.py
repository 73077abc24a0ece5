"""Web fixtures: a seeded archive on SQLite and on PostgreSQL, the app over it, and a TestClient;
HTML parsed with lxml.

Every web test runs on both databases: sorting, NULLs, text matching and counts differ between
them, and a page only shows what its queries return.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import lxml.html
import pytest
from fastapi.testclient import TestClient
from httpx import Response

from metalnomist.config import Settings
from metalnomist.pipeline import Archive, ingest_sample_if_empty, open_archive
from metalnomist.web.app import create_app

IRON_ORE_TITLE = "Japan’s Iron Ore Imports Drop in March Amid Weak Steel Demand"


def web_settings(folder: Path, db: str | None = None, **changes: object) -> Settings:
    settings = Settings(db=db or f"sqlite:///{folder}/t.db", index_dir=str(folder / "idx"), comment_moderation=False,
                        secret_key="test")
    return settings.replace(**changes) if changes else settings


@dataclass
class Site:
    settings: Settings
    archive: Archive
    client: TestClient

    def permalink(self, title_start: str) -> str:
        """Permalinks carry the month of ingest, so tests look them up by title."""
        found = self.client.get("/api/posts", params={"limit": 100}).json()["posts"]
        return next(p["url"] for p in found if p["title"].startswith(title_start))

    @property
    def iron_ore(self) -> str:
        """A seed post with headings, a commentary and a label: the usual subject of post tests."""
        return self.permalink(IRON_ORE_TITLE)


def open_site(folder: Path, db: str | None = None, **changes: object) -> Iterator[Site]:
    """The seeded site over `db` (a SQLite file in `folder` when not given)."""
    settings = web_settings(folder, db, **changes)
    archive = open_archive(settings)
    ingest_sample_if_empty(archive)
    with TestClient(create_app(settings, archive), raise_server_exceptions=False) as client:
        yield Site(settings, archive, client)
    archive.close()


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def site_db(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    """The database under a module's shared site: a SQLite file, or a PostgreSQL database of the module."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path_factory.mktemp('site-db')}/t.db"
    return str(request.getfixturevalue("pg_module_url"))


@pytest.fixture(scope="module")
def site(site_db: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """Shared by a module's read-only tests: seeding once per database keeps the suite fast."""
    yield from open_site(tmp_path_factory.mktemp("site"), site_db)


@pytest.fixture
def fresh(db_url: str, tmp_path: Path) -> Iterator[Site]:
    """A site of its own, for tests that write comments (and so count against rate limits)."""
    yield from open_site(tmp_path, db_url)


@pytest.fixture
def moderated(db_url: str, tmp_path: Path) -> Iterator[Site]:
    yield from open_site(tmp_path, db_url, comment_moderation=True)


_SIMPLE = re.compile(r"(?P<tag>[a-z0-9*]+)?(?P<rest>(?:[.#][\w-]+|\[[^\]]+\]|:not\(\[[^\]]+\]\))*)$")
_PART = re.compile(r"[.#][\w-]+|\[[^\]]+\]|:not\(\[[^\]]+\]\)")


def _attribute_test(inside: str) -> str:
    name, _, value = inside.partition("=")
    return f"@{name}" if not _ else f"@{name}={value.strip(chr(34) + chr(39))!r}"


def _compound(selector: str) -> str:
    match = _SIMPLE.match(selector)
    assert match, f"selector {selector!r} is outside the supported subset"
    tests = []
    for part in _PART.findall(match["rest"]):
        if part.startswith("."):
            tests.append(f"contains(concat(' ', normalize-space(@class), ' '), ' {part[1:]} ')")
        elif part.startswith("#"):
            tests.append(f"@id='{part[1:]}'")
        elif part.startswith("[") :
            tests.append(_attribute_test(part[1:-1]))
        else:
            tests.append(f"not({_attribute_test(part[6:-2])})")
    return (match["tag"] or "*") + "".join(f"[{t}]" for t in tests)


def css_to_xpath(selector: str) -> str:
    """The few CSS selectors these tests use (tag, .class, #id, [attr=v], :not([..]), descendants, commas).

    lxml's own cssselect needs the `cssselect` package, which this environment does not have.
    """
    return " | ".join(".//" + "//".join(_compound(s) for s in alternative.split())
                      for alternative in selector.split(","))


def select(element: lxml.html.HtmlElement, selector: str) -> list[lxml.html.HtmlElement]:
    return list(element.xpath(css_to_xpath(selector)))


def html(response: Response) -> lxml.html.HtmlElement:
    assert response.headers["content-type"].startswith("text/html"), response.headers["content-type"]
    return lxml.html.fromstring(response.text)


def text_of(element: lxml.html.HtmlElement) -> str:
    """Visible text with whitespace collapsed, as a reader (or Blogger's page text) has it."""
    return " ".join(element.text_content().split())
