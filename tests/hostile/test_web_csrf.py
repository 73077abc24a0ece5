"""CSRF (issue 16): a cross-site form post carries no cookie of ours, and must be refused for it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from metalnomist.web.security import CSRF_COOKIE
from tests.web.conftest import Site, html, open_site, select


@pytest.fixture
def fresh(tmp_path: Path) -> Iterator[Site]:
    yield from open_site(tmp_path)


def comments_of(site: Site, post_url: str) -> list[dict[str, object]]:
    post_id = next(p["id"] for p in site.client.get("/api/posts", params={"limit": 100}).json()["posts"]
                   if p["url"] == post_url)
    return list(site.client.get(f"/api/posts/{post_id}/comments").json()["comments"])


def test_a_comment_posted_without_the_csrf_cookie_is_refused(fresh: Site) -> None:
    url = fresh.iron_ore
    token = select(html(fresh.client.get(url)), "input[name=csrf_token]")[0].get("value")
    assert fresh.client.cookies.get(CSRF_COOKIE)
    fresh.client.cookies.clear()  # what a forged form on another site sends: a token it saw, no cookie
    response = fresh.client.post(url, data={"csrf_token": token, "author": "Mallory", "body": "Forged"},
                                 follow_redirects=False)
    assert response.status_code == 403
    assert comments_of(fresh, url) == []


def test_the_same_post_with_the_cookie_is_accepted(fresh: Site) -> None:
    """The control: the refusal above is about the missing cookie, not the form."""
    url = fresh.iron_ore
    token = select(html(fresh.client.get(url)), "input[name=csrf_token]")[0].get("value")
    response = fresh.client.post(url, data={"csrf_token": token, "author": "Ana", "body": "Real"},
                                 follow_redirects=False)
    assert response.status_code == 303
    assert [c["author"] for c in comments_of(fresh, url)] == ["Ana"]


def test_posting_by_post_id_without_the_cookie_is_refused(fresh: Site) -> None:
    url = fresh.iron_ore
    token = select(html(fresh.client.get(url)), "input[name=csrf_token]")[0].get("value")
    post_id = next(p["id"] for p in fresh.client.get("/api/posts", params={"limit": 100}).json()["posts"]
                   if p["url"] == url)
    fresh.client.cookies.clear()
    response = fresh.client.post("/comments", data={"post_id": post_id, "csrf_token": token, "author": "M",
                                                    "body": "Forged"}, follow_redirects=False)
    assert response.status_code == 403
    assert comments_of(fresh, url) == []
