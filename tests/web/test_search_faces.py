"""One ranking everywhere: the search page, the JSON API and the CLI give the same posts in the same order."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator

import pytest
from click.testing import CliRunner
from sqlalchemy import event

from metalnomist.cli import cli
from metalnomist.models import PostCard
from metalnomist.search.service import SearchRequest, catch_up, search
from metalnomist.store.posts import posts_by_ids
from tests.web.conftest import Site, html, select, text_of

QUERIES = [
    "Korean battery makers market share",  # natural language: most hits have some of the words
    "JAIA JISF",  # two labels no post shares: every hit lacks one
    "palladum imports",  # a typo beside a known word
    "lithium -sulphide",  # exact control
    '"nickel matte" Japan',
    "Japan’s steel",
]


@pytest.mark.parametrize("q", QUERIES)
def test_web_api_and_cli_rank_alike(site: Site, q: str, monkeypatch: pytest.MonkeyPatch) -> None:
    library = [h.post.permalink for h in search(site.archive.store, site.archive.index, SearchRequest(q)).hits]
    web = [a.get("href") for a in select(html(site.client.get("/search", params={"q": q})), "h2.post-title a")]
    api = [r["url"] for r in site.client.get("/api/search", params={"q": q}).json()["results"]]
    monkeypatch.setenv("METALNOMIST_INDEX_DIR", site.settings.index_dir or "")
    result = CliRunner().invoke(cli, ["--db", site.settings.db, "search", q, "--json"], catch_exceptions=False)
    shell = [json.loads(line)["url"] for line in result.stdout.splitlines()]
    assert library and web == api == shell == library


def test_partial_hits_say_what_they_lack(site: Site) -> None:
    doc = html(site.client.get("/search", params={"q": "JAIA JISF"}))
    count = text_of(select(doc, ".result-count")[0])
    assert count.startswith("0 posts contain every word · 6 more contain some of them")
    missing = [text_of(p) for p in select(doc, "article.post-summary .missing")]
    assert len(missing) == 6 and set(missing) == {"Missing: JAIA", "Missing: JISF"}
    assert {text_of(a) for a in select(doc, ".similar-labels a")} >= {"JAIA", "JISF"}  # no post has both


def test_api_takes_match_and_reports_counts(site: Site) -> None:
    def get(**params: str) -> dict[str, object]:
        body: dict[str, object] = site.client.get("/api/search", params={"q": "JAIA JISF", **params}).json()
        return body

    best, every, anyword = get(), get(match="all"), get(match="any")
    assert (best["total"], best["every_word"]) == (6, 0)
    assert every["total"] == 0 and every["results"] == []
    assert anyword["total"] == 6 and {r["url"] for r in anyword["results"]} == {  # type: ignore[union-attr]
        r["url"] for r in best["results"]}  # type: ignore[union-attr]
    assert site.client.get("/api/search", params={"q": "x", "match": "most"}).status_code == 422


# The app's own threads, which poll the database on their clocks, whatever a request does.
BACKGROUND_THREADS = {"index-follower", "watch-worker", "post-scheduler", "ingest-finisher", "listing-count",
                      "menu-count"}


def _statements(site: Site) -> Iterator[list[str]]:
    """The SQL the app runs meanwhile for requests: not that of its background threads, nor the change-log
    polls before answering (with the transactions they open)."""
    seen: list[str] = []

    def record(conn: object, cursor: object, statement: str, *rest: object) -> None:
        background = threading.current_thread().name in BACKGROUND_THREADS
        if not background and "changes" not in statement and statement != "BEGIN":
            seen.append(statement)

    engine = site.archive.store.engine
    event.listen(engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", record)


@pytest.mark.parametrize("url", ["/search?q=lithium", "/search?q=Japan&by-date=true", "/api/search?q=nickel+Japan",
                                 "/api/search?q=imports&label=Iron+Ore", "/search?q=JAIA+JISF",
                                 "/search?q=palladum+imports"])
def test_a_page_of_hits_reads_no_post_from_the_database(site: Site, url: str) -> None:
    """Titles, links, dates, labels, counts and leads come from the index's stored cards."""
    site.client.get(url)  # the sidebar's counts may be due for a refresh; they are not what this is about
    for statements in _statements(site):
        response = site.client.get(url)
        assert response.status_code == 200
        assert statements == []
    shown = html(response) if url.startswith("/search") else response.json()["results"]
    assert len(shown) > 0


def test_cards_show_what_the_posts_hold(site: Site) -> None:
    page = search(site.archive.store, site.archive.index, SearchRequest("Japan", limit=20))
    with site.archive.store.reading() as conn:
        posts = posts_by_ids(conn, [hit.post.id for hit in page.hits])
    assert len(page.hits) == 20
    assert [hit.post for hit in page.hits] == [PostCard.of(posts[hit.post.id]) for hit in page.hits]
    assert all(hit.post.lead(300) == posts[hit.post.id].lead(300) for hit in page.hits)


def test_a_published_comment_shows_in_the_hits_count(fresh: Site) -> None:
    hit = search(fresh.archive.store, fresh.archive.index, SearchRequest("palladium")).hits[0]
    answer = fresh.client.post(f"/api/posts/{hit.post.id}/comments", json={"author": "Ana", "body": "Thanks."})
    assert answer.status_code == 201
    catch_up(fresh.archive.store, fresh.archive.index)  # what the app's follower does within a second
    again = search(fresh.archive.store, fresh.archive.index, SearchRequest("palladium")).hits[0]
    assert again.post.id == hit.post.id and again.post.comment_count == hit.post.comment_count + 1
