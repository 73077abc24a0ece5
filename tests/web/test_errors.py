"""Error pages and JSON errors as readers and API clients get them: what a failure may say, which
headers survive it, and where the body-size limit falls."""

from __future__ import annotations

import json

import pytest

from metalnomist.errors import StoreError
from metalnomist.web import pages
from metalnomist.web.app import MAX_BODY_BYTES
from tests.web.conftest import IRON_ORE_TITLE, Site, html, select, text_of

CONNECTION = "postgresql://metalnomist:hunter2@db.internal:5432/metalnomist"


def test_a_store_failure_keeps_its_own_words_private(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    """A store error's text can carry a connection string: past 500 the reader gets the site's own sentence."""
    def down(*args: object, **kwargs: object) -> None:
        raise StoreError(f"could not connect to {CONNECTION}")

    monkeypatch.setattr(pages, "latest_posts", down)
    page = site.client.get("/")
    assert page.status_code == 503 and "hunter2" not in page.text
    assert text_of(select(html(page), ".error-message")[0]) == "The archive could not answer; please try again shortly."
    monkeypatch.setattr("metalnomist.web.api.latest_posts", down)
    api = site.client.get("/api/posts")
    assert api.status_code == 503 and "hunter2" not in api.text
    assert api.json()["error"]["code"] == "store_unavailable"


def test_a_wrong_method_on_a_page_names_it_and_says_which_are_allowed(site: Site) -> None:
    """The 405 page keeps the framework's Allow header (RFC 9110 requires it) and says what was refused."""
    response = site.client.delete("/")
    assert response.status_code == 405
    assert set(response.headers["allow"].split(", ")) == {"GET", "HEAD"}  # Starlette joins a set
    assert text_of(select(html(response), ".error-message")[0]) == "DELETE is not allowed on /."


def _comment_body_of(size: int) -> bytes:
    """A JSON comment whose encoded body is exactly `size` bytes."""
    empty = json.dumps({"author": "Ann", "body": ""}).encode()
    return json.dumps({"author": "Ann", "body": "x" * (size - len(empty))}).encode()


def test_a_body_at_the_size_limit_is_read_and_one_past_it_is_not(site: Site) -> None:
    """The limit is the most a body may be: one of exactly that size is read (and refused for what it says,
    a comment far too long: 422), one byte more is refused unread (413)."""
    post_id = next(p["id"] for p in site.client.get("/api/posts", params={"limit": 100}).json()["posts"]
                   if p["title"] == IRON_ORE_TITLE)
    url = f"/api/posts/{post_id}/comments"
    headers = {"content-type": "application/json"}
    at_limit = site.client.post(url, content=_comment_body_of(MAX_BODY_BYTES), headers=headers)
    assert (at_limit.status_code, at_limit.json()["error"]["field"]) == (422, "body")
    past = site.client.post(url, content=_comment_body_of(MAX_BODY_BYTES + 1), headers=headers)
    assert (past.status_code, past.json()["error"]["code"]) == (413, "too_large")


def test_an_unknown_address_is_a_page_that_says_where_nothing_lives(site: Site) -> None:
    response = site.client.get("/no/such/thing")
    assert response.status_code == 404
    assert text_of(select(html(response), ".error-message")[0]) == \
        "Nothing lives at /no/such/thing. Try the search box or the links below."


@pytest.mark.parametrize("path", ["/api", "/api/", "/api/nope"])
def test_the_api_answers_in_json_down_to_its_own_root(site: Site, path: str) -> None:
    """An API client reads errors as JSON, /api itself included; a reader's page would be noise to it."""
    response = site.client.get(path)
    assert response.status_code == 404 and response.json()["error"]["code"] == "not_found"


def test_a_wrong_method_in_the_api_says_which_are_allowed(site: Site) -> None:
    response = site.client.put("/api/labels")
    assert response.status_code == 405 and response.json()["error"]["code"] == "method_not_allowed"
    assert set(response.headers["allow"].split(", ")) == {"GET"}
