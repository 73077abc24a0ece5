"""Feeds read back with feedparser (the reader most aggregators build on), sitemap and robots.txt."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlencode

import feedparser
import lxml.etree
import lxml.html
import pytest

from metalnomist.models import Block, Post
from metalnomist.pipeline import ingest_file
from metalnomist.store.posts import upsert_post
from tests.analysis.test_contradictions import write_posts
from tests.web.conftest import Site, open_site

BASE = "http://testserver"


def parse(site: Site, url: str) -> feedparser.FeedParserDict:
    response = site.client.get(url)
    assert response.status_code == 200, response.text
    parsed = feedparser.parse(response.content)
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    return parsed


def test_atom_feed_has_the_newest_posts_with_full_content(site: Site) -> None:
    response = site.client.get("/feeds/posts/default")
    assert response.headers["content-type"].startswith("application/atom+xml")
    feed = parse(site, "/feeds/posts/default")
    assert feed.version == "atom10"
    assert len(feed.entries) == 20
    newest = site.client.get("/api/posts", params={"limit": 25}).json()["posts"]
    assert [e.title for e in feed.entries] == [p["title"] for p in newest]
    assert [e.link for e in feed.entries] == [BASE + p["url"] for p in newest]
    iron = next(e for e in feed.entries if e.title.startswith("Japan’s Iron Ore"))
    assert [t.term for t in iron.tags] == ["Iron Ore"]
    body = lxml.html.fromstring(iron.content[0].value)
    assert body.xpath("//h2")[0].text == "March Iron Ore Imports Dip Despite Monthly Rebound"
    assert body.xpath("//aside/h2")[0].text == "The Metalnomist Commentary"
    assert feed.feed.opensearch_totalresults == "20"


def test_feed_paging_and_size(site: Site) -> None:
    first = parse(site, "/feeds/posts/default?max-results=5")
    second = parse(site, "/feeds/posts/default?max-results=5&start-index=6")
    assert len(first.entries) == len(second.entries) == 5
    assert {e.id for e in first.entries}.isdisjoint(e.id for e in second.entries)
    assert site.client.get("/feeds/posts/default?max-results=1000").status_code == 400


def test_label_feed(site: Site) -> None:
    feed = parse(site, "/feeds/posts/default/-/Iron%20Ore")
    assert [e.title for e in feed.entries] == ["Japan’s Iron Ore Imports Drop in March Amid Weak Steel Demand"]
    assert feed.feed.title.endswith("Iron Ore")
    assert parse(site, "/feeds/posts/default/-/No%20Such").entries == []


def test_search_feed(site: Site) -> None:
    feed = parse(site, "/feeds/posts/default?q=lithium")
    api = site.client.get("/api/search", params={"q": "lithium", "by-date": "true", "limit": 25}).json()
    assert [e.title for e in feed.entries] == [r["title"] for r in api["results"]]
    assert feed.entries and "lithium" in feed.feed.title


def test_rss_feed(site: Site) -> None:
    response = site.client.get("/feeds/posts/default?alt=rss")
    assert response.headers["content-type"].startswith("application/rss+xml")
    feed = parse(site, "/feeds/posts/default?alt=rss")
    assert feed.version == "rss20"
    assert len(feed.entries) == 20
    assert all(e.link.startswith(BASE + "/") and e.link.endswith(".html") for e in feed.entries)
    assert all(e.published_parsed for e in feed.entries)
    label = parse(site, "/feeds/posts/default/-/Iron%20Ore?alt=rss")
    assert len(label.entries) == 1 and "<h2>" in label.entries[0].description


def test_comment_feed(fresh: Site) -> None:
    post = fresh.client.get("/api/posts", params={"limit": 1}).json()["posts"][0]
    hostile = "<script>alert(1)</script> & more"
    fresh.client.post(f"/api/posts/{post['id']}/comments", json={"author": "Ana <b>", "body": hostile})
    for alt in ["atom", "rss"]:
        feed = parse(fresh, f"/feeds/{post['id']}/comments/default?alt={alt}")
        assert len(feed.entries) == 1
        assert feed.entries[0].link.startswith(BASE + post["url"] + "#comment-")
        assert "Ana <b>" in feed.entries[0].title
    atom = fresh.client.get(f"/feeds/{post['id']}/comments/default").content
    tree = lxml.etree.fromstring(atom)
    content = tree.find(".//{http://www.w3.org/2005/Atom}content")
    assert content.get("type") == "text" and content.text == hostile


def test_an_entry_is_updated_when_its_post_is_rewritten_and_not_before(fresh: Site) -> None:
    """Feed readers notice a changed entry by its `updated`: the publication date, as the sitemap's lastmod,
    until the post is rewritten here; then the time of the rewrite."""
    post = Post("Nickel stocks at LME warehouses fall", (Block("paragraph", "Stocks fell 3% in April."),),
                url="https://example.com/nickel-stocks", published=datetime(2019, 5, 6, 7, 8, tzinfo=UTC),
                labels=("Nickel Stocks",))

    def updated() -> datetime:
        entry = lxml.etree.fromstring(fresh.client.get("/feeds/posts/default/-/Nickel Stocks").content)
        return datetime.fromisoformat(entry.findtext("a:entry/a:updated", namespaces=ATOM))

    for _ in range(2):  # stored, and stored again unchanged
        with fresh.archive.store.transaction() as conn:
            upsert_post(conn, post)
        assert updated() == post.published
    before = datetime.now(UTC)
    with fresh.archive.store.transaction() as conn:
        upsert_post(conn, replace(post, blocks=(Block("paragraph", "Stocks fell 4% in April."),)))
    assert before <= updated() <= datetime.now(UTC)


ATOM = {"a": "http://www.w3.org/2005/Atom"}
SITEMAP = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def sitemap_files(site: Site) -> list[lxml.etree._Element]:
    """Each sitemap file the index at /sitemap.xml names, parsed."""
    index = lxml.etree.fromstring(site.client.get("/sitemap.xml").content)
    assert index.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}sitemapindex"
    locations = index.xpath("//s:sitemap/s:loc/text()", namespaces=SITEMAP)
    return [lxml.etree.fromstring(site.client.get(loc.removeprefix(BASE)).content) for loc in locations]


def test_sitemap_lists_every_post(site: Site) -> None:
    files = sitemap_files(site)
    assert len(files) == 1
    locations = files[0].xpath("//s:url/s:loc/text()", namespaces=SITEMAP)
    assert len(locations) == 21 and locations[0] == BASE + "/"
    assert all(site.client.get(loc.removeprefix(BASE)).status_code == 200 for loc in locations[1:4])
    assert len(files[0].xpath("//s:lastmod", namespaces=SITEMAP)) == 20


def test_sitemap_splits_into_files_of_at_most_the_limit(db_url: str, tmp_path: Path) -> None:
    """21 addresses (home and 20 posts) at 7 a file: three full files, every address once, none past them."""
    for site in open_site(tmp_path, db_url, max_sitemap_urls=7):
        files = sitemap_files(site)
        per_file = [f.xpath("//s:url/s:loc/text()", namespaces=SITEMAP) for f in files]
        assert [len(urls) for urls in per_file] == [7, 7, 7]
        every = [url for urls in per_file for url in urls]
        posts = site.client.get("/api/posts", params={"limit": 100}).json()["posts"]
        assert sorted(every) == sorted([BASE + "/"] + [BASE + p["url"] for p in posts])
        assert site.client.get("/sitemap-4.xml").status_code == 404
        assert site.client.get("/sitemap-0.xml").status_code in (400, 404)


def test_robots_points_at_the_sitemap(site: Site) -> None:
    response = site.client.get("/robots.txt")
    assert response.headers["content-type"].startswith("text/plain")
    lines = response.text.splitlines()
    assert "Disallow: /search" in lines and f"Sitemap: {BASE}/sitemap.xml" in lines


def test_feeds_name_a_stylesheet_that_tells_a_browser_reader_what_a_feed_is(site: Site) -> None:
    """libxslt (what Chromium runs) turns the feed into a page; feed readers still parse it cleanly."""
    answer = site.client.get("/feeds/style.xsl")
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("text/xsl")
    transform = lxml.etree.XSLT(lxml.etree.fromstring(answer.content))
    for url, kind in [("/feeds/posts/default", "atom10"), ("/feeds/posts/default/-/Iron Ore?alt=rss", "rss20")]:
        body = site.client.get(url).content
        assert b'<?xml-stylesheet type="text/xsl" href="/feeds/style.xsl"?>' in body.split(b"\n", 2)[1], url
        assert parse(site, url).version == kind
        page = lxml.html.fromstring(str(transform(lxml.etree.fromstring(body))))
        text = " ".join(page.text_content().split())
        assert "This is a feed: paste its address into a reader" in text, url
        assert "Japan’s Iron Ore Imports Drop" in text and f"{BASE}/feeds/posts/default" in text, url
        assert page.xpath("//ol[@class='feed-entries']/li/a/@href")[0].startswith(BASE + "/"), url


# --- the facts feed -------------------------------------------------------------------------------

EV_SERIES = {"commodity": "electric vehicles", "metric": "sales", "country": "Japan"}


def test_facts_feed_has_each_figure_of_the_filter_with_its_reading(site: Site) -> None:
    feed = parse(site, "/data/feed?" + urlencode(EV_SERIES))
    api = site.client.get("/api/facts", params={**EV_SERIES, "limit": 100}).json()
    assert feed.version == "atom10"
    assert feed.feed.opensearch_totalresults == str(api["total"]) and len(feed.entries) == api["total"] > 3
    by_id = {f"#fact-{f['id']}": f for f in api["facts"]}
    assert sorted(e.link.partition("#")[2] for e in feed.entries) == sorted(k[1:] for k in by_id)
    for entry in feed.entries:
        fact = by_id["#" + entry.link.partition("#")[2]]
        body = lxml.html.fromstring(f"<div>{entry.content[0].value}</div>")
        values = dict(zip(body.xpath("//dt/text()"), body.xpath("//dd/text()"), strict=True))
        assert ("Value" in values) == (fact["value"] is not None) and ("Change" in values) == bool(fact["change_pct"])
        assert entry.title.startswith(values.get("Value") or values["Change"])
        assert body.xpath("//blockquote/p")[0].text == fact["sentence"]
        post_link = body.xpath("//p/a")[0]
        assert post_link.text == fact["post"] and entry.link.startswith(post_link.get("href") + "#fact-")
        assert {t.term for t in entry.tags} == {fact["commodity"], "sales", "Japan"}


def _dated_post(title: str, published: str, tonnes: str) -> dict[str, object]:
    return {"title": title, "published": published, "url": f"https://example.com/{published}",
            "body": f"Japan imported {tonnes} tonnes of bismuth in March 2024, the Finance Ministry said.",
            "labels": []}


def test_facts_feed_puts_the_newest_posts_first(fresh: Site, tmp_path: Path) -> None:
    stored_in = [_dated_post("Middle", "2025-02-01", "1,200"), _dated_post("Oldest", "2024-05-01", "1,100"),
                 _dated_post("Newest", "2026-01-15", "1,300")]  # stored out of date order: ids do not decide
    ingest_file(fresh.archive, write_posts(tmp_path, stored_in), "jsonl")
    feed = parse(fresh, "/data/feed?commodity=bismuth")
    assert [e.title.split(" · ")[0] for e in feed.entries] == ["1,300 t", "1,200 t", "1,100 t"]
    assert [e.published_parsed.tm_year for e in feed.entries] == [2026, 2025, 2024]


def test_facts_feed_is_bounded(site: Site) -> None:
    assert len(parse(site, "/data/feed").entries) == 25
    big = parse(site, "/data/feed?max-results=100")
    assert len(big.entries) == 100 and int(big.feed.opensearch_totalresults) > 100
    assert site.client.get("/data/feed?max-results=101").status_code == 400
    assert site.client.get("/data/feed", params={"commodity": "x" * 201}).status_code == 400


def test_data_and_series_pages_link_their_feeds(site: Site) -> None:
    data_page = lxml.html.fromstring(site.client.get("/data", params={**EV_SERIES, "sort": "value"}).text)
    follow = data_page.xpath("//a[@class='follow']/@href")
    assert follow == ["/data/feed?" + urlencode(EV_SERIES)]
    series_page = lxml.html.fromstring(site.client.get("/data/series", params=EV_SERIES).text)
    link = series_page.xpath("//a[@class='follow']")[0]
    assert link.text == "Follow this series"
    href = link.get("href")
    api = site.client.get("/api/facts", params=EV_SERIES).json()
    assert href == "/data/feed?" + urlencode(EV_SERIES)
    assert parse(site, href).feed.opensearch_totalresults == str(api["total"])


@pytest.mark.parametrize(("page", "feed_url"), [
    ("/search?q=lithium", "/feeds/posts/default?q=lithium"),
    ("/search?q=iron+%26+ore", "/feeds/posts/default?q=iron+%26+ore"),  # the words stay one parameter
    ("/search?q=iron&label=Iron+Ore", "/feeds/posts/default/-/Iron%20Ore?q=iron"),
    ("/search/label/Iron%20Ore", "/feeds/posts/default/-/Iron%20Ore"),
])
def test_search_pages_link_their_feed(site: Site, page: str, feed_url: str) -> None:
    doc = lxml.html.fromstring(site.client.get(page).text)
    link = doc.xpath("//a[@class='follow']")[0]
    assert (link.text, link.get("href")) == ("Follow this search", feed_url)
    assert parse(site, feed_url).entries
