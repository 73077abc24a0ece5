"""Caching and links under hostile headers (issue 8, item 16)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import lxml.etree
import pytest

from metalnomist.web.security import CSRF_COOKIE
from tests.web.conftest import Site, open_site


@pytest.fixture
def fresh(tmp_path: Path) -> Iterator[Site]:
    yield from open_site(tmp_path)


def test_pages_carrying_a_csrf_token_are_private_to_the_reader(fresh: Site) -> None:
    url = fresh.iron_ore
    first = fresh.client.get(url)  # sets the cookie
    again = fresh.client.get(url)  # the cookie is sent back: the token in the form is still this reader's
    assert CSRF_COOKIE in first.headers.get("set-cookie", "") and "set-cookie" not in again.headers
    for response in (first, again):
        assert response.headers["cache-control"] == "private"
        assert "Cookie" in response.headers["vary"]
    assert "private" not in fresh.client.get("/").headers.get("cache-control", "")  # listings stay cacheable


def links(site: Site, host: str) -> list[str]:
    """Every absolute address the site writes for a request that says `Host: host`."""
    headers = {"Host": host}
    feed = lxml.etree.fromstring(site.client.get("/feeds/posts/default", headers=headers).content)
    found = [str(value) for value in feed.xpath("//*[local-name()='link']/@href | //*[local-name()='id']/text()")]
    rss = lxml.etree.fromstring(site.client.get("/feeds/posts/default?alt=rss", headers=headers).content)
    found += [str(value) for value in rss.xpath("//item/link/text() | //channel/link/text()")]
    sitemap = lxml.etree.fromstring(site.client.get("/sitemap.xml", headers=headers).content)
    found += [str(value) for value in sitemap.xpath("//*[local-name()='loc']/text()")]
    found += [line.split(": ", 1)[1] for line in site.client.get("/robots.txt", headers=headers).text.splitlines()
              if line.startswith("Sitemap:")]
    redirect = site.client.get("/2025/03", headers=headers, follow_redirects=False)  # to /2025/03/
    assert redirect.status_code in (307, 308), redirect.status_code
    return [*found, redirect.headers["location"]]


@pytest.mark.parametrize(
    ("changes", "host", "base"),
    [
        ({}, "evil.example", "http://testserver"),  # no settings: the Host header is never echoed
        ({"allowed_hosts": "news.example, *.metals.example"}, "news.example:8080", "http://news.example:8080"),
        ({"allowed_hosts": "news.example, *.metals.example"}, "www.metals.example", "http://www.metals.example"),
        ({"allowed_hosts": "news.example"}, "evil.example", "http://testserver"),
        ({"site_url": "https://metalnomist.example"}, "evil.example", "https://metalnomist.example"),
    ],
)
def test_links_use_the_site_url_or_an_allowed_host_never_another(tmp_path: Path, changes: dict[str, str], host: str,
                                                                   base: str) -> None:
    site = next(sites := open_site(tmp_path, **changes))
    try:
        found = links(site, host)
    finally:
        next(sites, None)
    assert len(found) > 40
    assert all(link.startswith(base + "/") for link in found), [link for link in found if not link.startswith(base)]
