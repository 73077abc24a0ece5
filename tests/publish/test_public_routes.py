"""Readers see published posts only: every public route, with a draft, a scheduled post and a trashed one beside
one published post. Each hidden post's word is in its title, body, label and reported figure."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from metalnomist.accounts.service import sign_in
from metalnomist.config import Settings
from metalnomist.publishing.service import Draft, move, save
from metalnomist.search.service import catch_up
from tests.publish.conftest import PASSWORD, Desk, open_desk

SHOWN, HIDDEN = "Zircon", ("Quokka", "Wombat", "Numbat")


def draft(word: str) -> Draft:
    body = f"Japan imported 5,072 tonnes of nickel from {word} Bay in March 2025, up 12% from a year earlier."
    return Draft(f"{word} nickel report", f"## {word} trade\n\n{body}", (f"Label {word}",))


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def newsroom(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> Iterator[Desk]:
    folder = tmp_path_factory.mktemp("newsroom")
    db = f"sqlite:///{folder}/t.db" if request.param == "sqlite" else str(request.getfixturevalue("pg_module_url"))
    settings = Settings(db=db, index_dir=str(folder / "idx"), secret_key="test", comment_moderation=False)
    for desk in open_desk(settings):
        store = desk.archive.store
        editor = sign_in(store, "ana", PASSWORD, "test")
        shown, *hidden = (save(store, settings, editor, draft(w)) for w in (SHOWN, *HIDDEN))
        move(store, editor, shown, "published")
        move(store, editor, hidden[1], "scheduled", datetime.now(UTC) + timedelta(days=1))
        move(store, editor, hidden[2], "published")
        desk.permalink = move(store, editor, hidden[2], "trash").permalink  # type: ignore[attr-defined]
        desk.ids = {"shown": shown, "draft": hidden[0], "scheduled": hidden[1], "trash": hidden[2]}  # type: ignore
        catch_up(store, desk.archive.index)
        # The label cloud counted as the site started (an empty archive) may not be counted again for a
        # while when that count was slow (a busy machine): the routes are asked about the archive as it is.
        desk.archive.counts.settled()
        yield desk


NOW = datetime.now(UTC)
ROUTES = [
    "/", f"/{NOW:%Y}/{NOW:%m}/", "/search?q=nickel+report", "/search?q=nickel&by-date=true",
    f"/search/label/Label%20{SHOWN}", "/api/posts", "/api/labels", "/api/search?q=nickel+report",
    "/api/search?q=nickel&match=any",
    "/api/facts", "/api/facts?commodity=nickel", "/data", "/data.csv", "/data.json",
    "/feeds/posts/default", "/feeds/posts/default?alt=rss", "/feeds/posts/default?q=nickel",
    "/sitemap-1.xml",
]


@pytest.mark.parametrize("route", ROUTES)
def test_a_public_route_shows_the_published_post_and_none_other(newsroom: Desk, route: str) -> None:
    answer = newsroom.client.get(route)
    assert answer.status_code == 200, answer.text[:300]
    text = answer.text.lower()  # the sitemap spells them in slugs
    assert SHOWN.lower() in text
    for word in HIDDEN:
        assert word.lower() not in text, word


@pytest.mark.parametrize("status", ["draft", "scheduled", "trash"])
def test_a_hidden_posts_own_routes_are_not_found(newsroom: Desk, status: str) -> None:
    post_id = newsroom.ids[status]  # type: ignore[attr-defined]
    for route in [f"/api/posts/{post_id}", f"/api/posts/{post_id}/comments", f"/feeds/{post_id}/comments/default",
                  f"/search/label/Label%20{HIDDEN[['draft', 'scheduled', 'trash'].index(status)]}"]:
        assert newsroom.client.get(route).status_code == 404, route
    answer = newsroom.client.post(f"/api/posts/{post_id}/comments", json={"author": "A", "body": "Hello"})
    assert answer.status_code == 404


def test_a_trashed_posts_address_is_not_found_and_the_sidebar_forgets_it(newsroom: Desk) -> None:
    assert newsroom.client.get(newsroom.permalink).status_code == 404  # type: ignore[attr-defined]
    sidebar = newsroom.client.get("/").text
    assert f"Label {SHOWN}" in sidebar and not any(f"Label {word}" in sidebar for word in HIDDEN)
