"""Feeds byte for byte: the Atom and RSS documents for known entries, and what each feed address puts
in them (titles, links, counts, types). A reader that parses leniently hides a wrong element name, a
lost escape or an off-by-one start index; these tests do not (issue 16)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import lxml.etree
import pytest
from sqlalchemy import update

from metalnomist.models import Block, Fact, Post
from metalnomist.pipeline import ingest_file
from metalnomist.store.schema import post_rows
from metalnomist.web.feeds import Entry, FeedInfo, _fact_entry, _post_entry, atom, fact_html, post_html, rss
from tests.analysis.test_contradictions import write_posts
from tests.web.conftest import Site

BASE = "http://testserver"
NS = {"a": "http://www.w3.org/2005/Atom", "os": "http://a9.com/-/spec/opensearchrss/1.0/"}
HEAD = ("<?xml version='1.0' encoding='utf-8'?>\n"
        '<?xml-stylesheet type="text/xsl" href="/feeds/style.xsl"?>')

POST_ENTRY = Entry(id="http://x/1.html", title="Copper <up> & \x01", link="http://x/1.html",
                   updated=datetime(2024, 3, 5, 6, 7, 8, tzinfo=UTC), published=datetime(2024, 3, 4, 1, 2, 3),
                   content="<p>a &amp; b</p>", content_type="html", categories=("Copper", "Iron & Steel"))
COMMENT_ENTRY = Entry(id="http://x/2.html#comment-7", title="Comment by Ana", link="http://x/2.html#c7",
                      updated=datetime(2024, 3, 6, tzinfo=timezone(timedelta(hours=9))), published=None,
                      content="hi <b>", content_type="text", author="Ana")
INFO = FeedInfo("Site: t", "http://x/feeds/posts/default?q=a&b", "http://x/", 42, 6)


def test_an_atom_document_in_full() -> None:
    """The newest `updated` is the feed's (15:00 UTC on the 5th beats 06:07); a naive time is UTC;
    an entry without an author is the site's; control characters are blanked; markup is escaped."""
    assert atom(INFO, [POST_ENTRY, COMMENT_ENTRY], "Site").decode() == HEAD + (
        '<feed xmlns="http://www.w3.org/2005/Atom" xmlns:openSearch="http://a9.com/-/spec/opensearchrss/1.0/">'
        "<id>http://x/feeds/posts/default?q=a&amp;b</id>"
        '<title type="text">Site: t</title>'
        "<updated>2024-03-06T00:00:00+09:00</updated>"
        '<link rel="self" type="application/atom+xml" href="http://x/feeds/posts/default?q=a&amp;b"/>'
        '<link rel="alternate" type="text/html" href="http://x/"/>'
        "<author><name>Site</name></author>"
        "<generator>Metalnomist</generator>"
        "<openSearch:totalResults>42</openSearch:totalResults>"
        "<openSearch:startIndex>6</openSearch:startIndex>"
        "<openSearch:itemsPerPage>2</openSearch:itemsPerPage>"
        "<entry><id>http://x/1.html</id>"
        "<published>2024-03-04T01:02:03+00:00</published>"
        "<updated>2024-03-05T06:07:08+00:00</updated>"
        '<category term="Copper"/><category term="Iron &amp; Steel"/>'
        '<title type="text">Copper &lt;up&gt; &amp;  </title>'
        '<content type="html">&lt;p&gt;a &amp;amp; b&lt;/p&gt;</content>'
        '<link rel="alternate" type="text/html" href="http://x/1.html"/>'
        "<author><name>Site</name></author></entry>"
        "<entry><id>http://x/2.html#comment-7</id>"
        "<updated>2024-03-06T00:00:00+09:00</updated>"
        '<title type="text">Comment by Ana</title>'
        '<content type="text">hi &lt;b&gt;</content>'
        '<link rel="alternate" type="text/html" href="http://x/2.html#c7"/>'
        "<author><name>Ana</name></author></entry>"
        "</feed>")


def test_an_rss_document_in_full() -> None:
    """guid is a permalink only when it is the link; pubDate falls back to the update time."""
    assert rss(INFO, [POST_ENTRY, COMMENT_ENTRY], "Desc").decode() == HEAD + (
        '<rss xmlns:atom="http://www.w3.org/2005/Atom" version="2.0"><channel>'
        "<title>Site: t</title>"
        "<link>http://x/</link>"
        "<description>Desc</description>"
        '<atom:link rel="self" type="application/rss+xml" href="http://x/feeds/posts/default?q=a&amp;b"/>'
        "<lastBuildDate>Wed, 06 Mar 2024 00:00:00 +0900</lastBuildDate>"
        "<generator>Metalnomist</generator>"
        "<item><title>Copper &lt;up&gt; &amp;  </title>"
        "<link>http://x/1.html</link>"
        '<guid isPermaLink="true">http://x/1.html</guid>'
        "<pubDate>Mon, 04 Mar 2024 01:02:03 -0000</pubDate>"
        "<category>Copper</category><category>Iron &amp; Steel</category>"
        "<description>&lt;p&gt;a &amp;amp; b&lt;/p&gt;</description></item>"
        "<item><title>Comment by Ana</title>"
        "<link>http://x/2.html#c7</link>"
        '<guid isPermaLink="false">http://x/2.html#comment-7</guid>'
        "<pubDate>Wed, 06 Mar 2024 00:00:00 +0900</pubDate>"
        "<description>hi &lt;b&gt;</description></item>"
        "</channel></rss>")


def test_an_empty_feed_is_dated_now() -> None:
    before = datetime.now(UTC)
    atom_updated = lxml.etree.fromstring(atom(INFO, [], "Site")).findtext("a:updated", namespaces=NS)
    rss_built = lxml.etree.fromstring(rss(INFO, [], "Desc")).findtext("channel/lastBuildDate")
    after = datetime.now(UTC)
    assert before <= datetime.fromisoformat(atom_updated) <= after
    assert rss_built and rss_built.endswith(" +0000")
    assert lxml.etree.fromstring(atom(INFO, [], "Site")).findtext("os:itemsPerPage", namespaces=NS) == "0"


def test_a_post_body_as_feed_html() -> None:
    """Headings stay headings, the commentary becomes an aside under its own heading, text is escaped."""
    post = Post(title="T", blocks=(Block("heading", "H \x02"), Block("paragraph", "a < b"),
                                   Block("heading", "The Metalnomist Commentary"), Block("paragraph", "c\x03"),
                                   Block("paragraph", "d")))
    assert post_html(post) == ("<h2>H  </h2><p>a &lt; b</p>"
                               "<aside><h2>The Metalnomist Commentary</h2><p>c </p><p>d</p></aside>")
    assert post_html(Post(title="T", blocks=(Block("paragraph", "only"),))) == "<p>only</p>"


def test_a_post_as_a_feed_entry() -> None:
    """Published when known, else when stored; the body as HTML; labels as categories."""
    post = Post(title="T", blocks=(Block("paragraph", "a\x01"),), permalink="/2024/03/t.html", labels=("Cu", "Zn"),
                published=datetime(2024, 3, 4, tzinfo=UTC), created=datetime(2024, 5, 6, tzinfo=UTC))
    assert _post_entry("http://x", post) == Entry(
        id="http://x/2024/03/t.html", title="T", link="http://x/2024/03/t.html",
        updated=datetime(2024, 3, 4, tzinfo=UTC), published=datetime(2024, 3, 4, tzinfo=UTC), content="<p>a </p>",
        content_type="html", categories=("Cu", "Zn"))
    stored = _post_entry("http://x", replace(post, published=None))
    assert (stored.updated, stored.published) == (datetime(2024, 5, 6, tzinfo=UTC), None)
    before = datetime.now(UTC)
    undated = _post_entry("http://x", replace(post, published=None, created=None)).updated
    assert before <= undated <= datetime.now(UTC)  # aware: a naive time cannot even be compared


FACT_POST = Post(title="Bismuth <imports>", blocks=(Block("paragraph", "x"),), permalink="/2024/03/bi.html",
                 published=datetime(2024, 3, 4, tzinfo=UTC), created=datetime(2024, 5, 6, tzinfo=UTC))
FACT = Fact(post="Bismuth <imports>", sentence="Japan imported 1,100-1,300 t of bismuth & more\x01 in March 2024.",
            metric="imports", value=1100, value_max=1300, unit="t", change_pct=-5.0, change_basis="y/y",
            commodity="bismuth", country="Japan", period="2024-03", post_id=3, id=9)
FACT_HTML = ("<dl><dt>Value</dt><dd>1,100–1,300 t</dd><dt>Change</dt><dd>−5% y/y</dd><dt>Period</dt><dd>Mar 2024</dd>"
             "</dl><blockquote><p>Japan imported 1,100-1,300 t of bismuth &amp; more  in March 2024.</p></blockquote>"
             '<p>From <a href="http://x/2024/03/bi.html">Bismuth &lt;imports&gt;</a></p>')


def test_a_fact_as_feed_html() -> None:
    """The range with its unit, the change and the period as a list, the sentence quoted, the post linked;
    a reading the fact lacks (here its value and period) is left out, not shown empty."""
    assert fact_html(FACT, FACT_POST, "http://x/2024/03/bi.html") == FACT_HTML
    bare = replace(FACT, value=None, value_max=None, period=None, sentence="Sales fell.")
    assert fact_html(bare, FACT_POST, "http://x/p.html") == (
        "<dl><dt>Change</dt><dd>−5% y/y</dd></dl><blockquote><p>Sales fell.</p></blockquote>"
        '<p>From <a href="http://x/p.html">Bismuth &lt;imports&gt;</a></p>')


def test_a_fact_as_a_feed_entry() -> None:
    """Its address is the post's with the fact's anchor; dated as its post (published, else stored);
    its reading as the title, its commodity, metric and country as categories."""
    link = "http://x/2024/03/bi.html#fact-9"
    assert _fact_entry("http://x", FACT, FACT_POST) == Entry(
        id=link, title="1,100–1,300 t · −5% y/y · imports · bismuth · Japan · Mar 2024", link=link,
        updated=datetime(2024, 3, 4, tzinfo=UTC), published=datetime(2024, 3, 4, tzinfo=UTC), content=FACT_HTML,
        content_type="html", categories=("bismuth", "imports", "Japan"))
    stored = _fact_entry("http://x", FACT, replace(FACT_POST, published=None))
    assert (stored.updated, stored.published) == (datetime(2024, 5, 6, tzinfo=UTC), None)
    before = datetime.now(UTC)
    undated = _fact_entry("http://x", FACT, replace(FACT_POST, published=None, created=None)).updated
    assert before <= undated <= datetime.now(UTC)  # aware: a naive time cannot even be compared


def feed_of(site: Site, url: str, **headers: str) -> lxml.etree._Element:
    response = site.client.get(url, headers=headers)
    assert response.status_code == 200, response.text
    return lxml.etree.fromstring(response.content)


def posts_of(site: Site, **params: object) -> list[dict[str, object]]:
    return list(site.client.get("/api/posts", params={"limit": 100, **params}).json()["posts"])


def test_a_label_feed_names_its_label_and_links_home_to_it(site: Site) -> None:
    url = "/feeds/posts/default/-/Iron%20Ore?max-results=3"
    feed = feed_of(site, url)
    assert feed.findtext("a:title", namespaces=NS) == "The Metalnomist: Iron Ore"
    assert feed.find("a:link[@rel='alternate']", NS).get("href") == BASE + "/search/label/Iron%20Ore"
    assert feed.find("a:link[@rel='self']", NS).get("href") == BASE + "/feeds/posts/default/-/Iron%20Ore?max-results=3"
    assert feed.findtext("a:id", namespaces=NS) == BASE + "/feeds/posts/default/-/Iron%20Ore?max-results=3"
    assert [feed.findtext(f"os:{n}", namespaces=NS) for n in ("totalResults", "startIndex", "itemsPerPage")] == \
        ["1", "1", "1"]
    entry = feed.find("a:entry", NS)
    iron = next(p for p in posts_of(site) if p["title"] == entry.findtext("a:title", namespaces=NS))
    assert entry.findtext("a:id", namespaces=NS) == BASE + str(iron["url"])
    assert entry.find("a:link", NS).get("href") == BASE + str(iron["url"])
    assert [c.get("term") for c in entry.findall("a:category", NS)] == ["Iron Ore"]
    assert entry.findtext("a:author/a:name", namespaces=NS) == "The Metalnomist"
    when = datetime.fromisoformat(str(iron["published"] or iron["created"]).replace("Z", "+00:00"))
    assert datetime.fromisoformat(entry.findtext("a:updated", namespaces=NS)) == when
    assert datetime.fromisoformat(feed.findtext("a:updated", namespaces=NS)) == when


def test_the_posts_feed_pages_from_a_one_based_start_index(site: Site) -> None:
    newest = [BASE + str(p["url"]) for p in posts_of(site)]
    feed = feed_of(site, "/feeds/posts/default?max-results=2&start-index=3")
    assert feed.xpath("a:entry/a:id/text()", namespaces=NS) == newest[2:4]
    assert [feed.findtext(f"os:{n}", namespaces=NS) for n in ("totalResults", "startIndex", "itemsPerPage")] == \
        [str(len(newest)), "3", "2"]
    assert feed.findtext("a:title", namespaces=NS) == "The Metalnomist"
    assert feed.find("a:link[@rel='alternate']", NS).get("href") == BASE + "/"
    assert len(feed_of(site, "/feeds/posts/default").findall("a:entry", NS)) == min(25, len(newest))


def test_a_feed_links_its_next_and_previous_pages_and_a_reader_walks_the_archive_by_them(site: Site) -> None:
    newest = [BASE + str(p["url"]) for p in posts_of(site)]
    assert len(newest) >= 5  # three pages of two
    for alt, link in (("atom", "a:link"), ("rss", "channel/a:link")):
        seen: list[str] = []
        url: str | None = f"/feeds/posts/default?max-results=2&alt={alt}"
        previous: list[str | None] = []
        while url:
            feed = feed_of(site, url.removeprefix(BASE))
            seen += feed.xpath("a:entry/a:id/text()" if alt == "atom" else "channel/item/guid/text()", namespaces=NS)
            previous.append(next((e.get("href") for e in feed.findall(f"{link}[@rel='previous']", NS)), None))
            url = next((e.get("href") for e in feed.findall(f"{link}[@rel='next']", NS)), None)
            assert len(seen) <= len(newest), "the pages do not end"
        assert seen == newest  # every post once, newest first, and no next link after the last page
        assert previous[0] is None and all(previous[1:])  # the first page has no previous one
    back = feed_of(site, "/feeds/posts/default?start-index=4&max-results=2").find("a:link[@rel='previous']", NS)
    assert back.get("href") == BASE + "/feeds/posts/default?start-index=2&max-results=2"
    empty = feed_of(site, f"/feeds/posts/default?start-index={len(newest) + 1}")
    assert empty.find("a:link[@rel='next']", NS) is None


def test_a_search_feed_is_in_date_order_and_names_its_query(site: Site) -> None:
    feed = feed_of(site, "/feeds/posts/default?q=lithium&max-results=2&start-index=2")
    api = site.client.get("/api/search", params={"q": "lithium", "by-date": "true", "limit": 2, "offset": 1}).json()
    assert feed.xpath("a:entry/a:title/text()", namespaces=NS) == [r["title"] for r in api["results"]]
    assert feed.findtext("os:totalResults", namespaces=NS) == str(api["total"])
    assert feed.findtext("os:startIndex", namespaces=NS) == "2"
    assert feed.findtext("a:title", namespaces=NS) == "The Metalnomist: search for lithium"
    long = feed_of(site, "/feeds/posts/default?q=" + "copper%20" * 40)
    assert long.findtext("a:title", namespaces=NS) == "The Metalnomist: search for " + ("copper " * 40)[:200]
    assert feed_of(site, "/feeds/posts/default?q=%20%20").findtext("a:title", namespaces=NS) == "The Metalnomist"


def test_a_search_feed_within_a_label(site: Site) -> None:
    inside = feed_of(site, "/feeds/posts/default/-/Iron%20Ore?q=imports")
    assert inside.xpath("a:entry/a:title/text()", namespaces=NS) == \
        ["Japan’s Iron Ore Imports Drop in March Amid Weak Steel Demand"]
    assert inside.find("a:link[@rel='alternate']", NS).get("href") == BASE + "/search/label/Iron%20Ore"
    everywhere = feed_of(site, "/feeds/posts/default?q=imports")
    assert len(everywhere.findall("a:entry", NS)) > 1


@pytest.mark.parametrize(("alt", "feed_type"), [("atom", "application/atom+xml"), ("rss", "application/rss+xml")])
def test_feed_types_for_readers_and_browsers(site: Site, alt: str, feed_type: str) -> None:
    reader = site.client.get("/feeds/posts/default", params={"alt": alt})
    assert reader.headers["content-type"] == f"{feed_type}; charset=utf-8"
    assert reader.headers["vary"] == "Accept"
    browser = site.client.get("/feeds/posts/default", params={"alt": alt}, headers={"Accept": "text/html,*/*"})
    assert browser.headers["content-type"] == "application/xml; charset=utf-8"
    xhtml_first = {"Accept": "application/xhtml+xml,text/html;q=0.9"}  # a browser may list HTML second
    assert site.client.get("/feeds/posts/default", params={"alt": alt}, headers=xhtml_first).headers[
        "content-type"] == "application/xml; charset=utf-8"
    assert browser.headers["vary"] == "Accept"
    assert browser.content == reader.content


def test_the_rss_channel_describes_the_site(site: Site) -> None:
    channel = feed_of(site, "/feeds/posts/default?alt=rss&max-results=1").find("channel")
    assert channel.findtext("description") == "The Metalnomist: metals markets news"
    assert channel.findtext("title") == "The Metalnomist"
    assert channel.findtext("link") == BASE + "/"


def test_a_comment_feed_in_detail(fresh: Site) -> None:
    post = posts_of(fresh)[0]
    for author, body in [("Ana", "First \x07 point."), ("Ben", "Second.")]:
        answer = fresh.client.post(f"/api/posts/{post['id']}/comments", json={"author": author, "body": body})
        assert answer.status_code == 201, answer.text
    comments = fresh.client.get(f"/api/posts/{post['id']}/comments").json()["comments"]
    link = BASE + str(post["url"])
    feed = feed_of(fresh, f"/feeds/{post['id']}/comments/default")
    assert feed.findtext("a:title", namespaces=NS) == f"The Metalnomist: comments on {post['title']}"
    assert feed.find("a:link[@rel='alternate']", NS).get("href") == link
    assert [feed.findtext(f"os:{n}", namespaces=NS) for n in ("totalResults", "startIndex", "itemsPerPage")] == \
        ["2", "1", "2"]
    entries = feed.findall("a:entry", NS)
    assert [e.findtext("a:id", namespaces=NS) for e in entries] == [f"{link}#comment-{c['id']}" for c in comments]
    assert [e.find("a:link", NS).get("href") for e in entries] == [f"{link}#comment-{c['id']}" for c in comments]
    assert [e.findtext("a:title", namespaces=NS) for e in entries] == ["Comment by Ana", "Comment by Ben"]
    assert [e.findtext("a:author/a:name", namespaces=NS) for e in entries] == ["Ana", "Ben"]
    assert [e.find("a:content", NS).get("type") for e in entries] == ["text", "text"]
    assert entries[1].findtext("a:content", namespaces=NS) == "Second."
    for entry, comment in zip(entries, comments, strict=True):
        published = datetime.fromisoformat(str(comment["published"]).replace("Z", "+00:00"))
        assert datetime.fromisoformat(entry.findtext("a:published", namespaces=NS)) == published
        assert datetime.fromisoformat(entry.findtext("a:updated", namespaces=NS)) == published
    rss_feed = feed_of(fresh, f"/feeds/{post['id']}/comments/default?alt=rss").find("channel")
    assert rss_feed.findtext("link") == link
    assert [i.findtext("guid") for i in rss_feed.findall("item")] == [f"{link}#comment-{c['id']}" for c in comments]


EV_SERIES = "commodity=electric+vehicles&metric=sales&country=Japan"


EV_TITLE = "The Metalnomist: figures for Commodity: electric vehicles, Metric: sales, Country: Japan"


def ev_fact_anchors(site: Site) -> list[str]:
    api = site.client.get("/api/facts", params={"commodity": "electric vehicles", "metric": "sales",
                                                 "country": "Japan", "limit": 100}).json()
    assert api["total"] == len(api["facts"]) > 3
    return sorted(f"fact-{f['id']}" for f in api["facts"])


def test_a_facts_feed_names_its_filter_and_links_home_to_the_explorer(site: Site) -> None:
    feed = feed_of(site, f"/data/feed?{EV_SERIES}")
    anchors = ev_fact_anchors(site)
    assert feed.findtext("a:title", namespaces=NS) == EV_TITLE
    assert feed.find("a:link[@rel='alternate']", NS).get("href") == f"{BASE}/data?{EV_SERIES}"
    assert [feed.findtext(f"os:{n}", namespaces=NS) for n in ("totalResults", "startIndex", "itemsPerPage")] == \
        [str(len(anchors)), "1", str(len(anchors))]
    entries = feed.findall("a:entry", NS)
    assert sorted(e.findtext("a:id", namespaces=NS).partition("#")[2] for e in entries) == anchors
    assert {e.find("a:content", NS).get("type") for e in entries} == {"html"}  # Atom's names are lower-case


def test_a_facts_feed_in_rss(site: Site) -> None:
    channel = feed_of(site, f"/data/feed?{EV_SERIES}&alt=rss").find("channel")
    assert (channel.findtext("title"), channel.findtext("link")) == (EV_TITLE, f"{BASE}/data?{EV_SERIES}")
    assert sorted(i.findtext("guid").partition("#")[2] for i in channel.findall("item")) == ev_fact_anchors(site)


def test_a_facts_feed_without_a_filter_or_with_a_long_one(site: Site) -> None:
    """Every figure is "figures"; a filter's wording is cut at 200 characters, as a search feed's query is."""
    assert feed_of(site, "/data/feed").findtext("a:title", namespaces=NS) == "The Metalnomist: figures"
    long = feed_of(site, "/data/feed?commodity=" + "x" * 200 + "&country=Japan")
    assert long.findtext("a:title", namespaces=NS) == \
        "The Metalnomist: figures for " + ("Commodity: " + "x" * 200)[:200]
    assert long.findall("a:entry", NS) == [] and long.findtext("os:startIndex", namespaces=NS) == "1"


def test_a_comment_feed_of_no_post_is_not_found(site: Site) -> None:
    assert site.client.get("/feeds/999999/comments/default").status_code == 404


def test_robots_txt_in_full(site: Site) -> None:
    response = site.client.get("/robots.txt")
    assert response.text == ("User-agent: *\nDisallow: /search\nDisallow: /api/\nAllow: /\n\n"
                             f"Sitemap: {BASE}/sitemap.xml\n")
    assert response.headers["content-type"] == "text/plain; charset=utf-8"


def test_the_feed_stylesheet_is_served_as_xslt(site: Site) -> None:
    response = site.client.get("/feeds/style.xsl")
    assert response.headers["content-type"] == "text/xsl; charset=utf-8"
    assert lxml.etree.fromstring(response.content).tag == "{http://www.w3.org/1999/XSL/Transform}stylesheet"


@pytest.fixture
def far_east_clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The machine's zone at UTC+14, where a local clock read as UTC is fourteen hours off."""
    monkeypatch.setenv("TZ", "Etc/GMT-14")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def _near_now(stamp: str | None) -> bool:
    return stamp is not None and abs(datetime.fromisoformat(stamp) - datetime.now(UTC)) < timedelta(minutes=5)


def test_an_empty_feed_is_updated_now_in_utc_whatever_the_machine_zone(far_east_clock: None) -> None:
    feed = lxml.etree.fromstring(atom(INFO, [], "Site"))
    assert _near_now(feed.findtext("a:updated", namespaces=NS))


def test_an_undated_comment_is_dated_now_in_utc_whatever_the_machine_zone(fresh: Site, tmp_path: Path,
                                                                          far_east_clock: None) -> None:
    post = {"title": "Undated talk", "body": "Zinc stocks fell.", "labels": [], "url": "https://example.com/z",
            "comments": [{"author": "Ana", "body": "When was this?"}]}
    ingest_file(fresh.archive, write_posts(tmp_path, [post]), "jsonl")
    post_id = next(p["id"] for p in posts_of(fresh) if p["title"] == "Undated talk")
    entry = feed_of(fresh, f"/feeds/{post_id}/comments/default").find("a:entry", NS)
    assert entry.findtext("a:content", namespaces=NS) == "When was this?"
    assert _near_now(entry.findtext("a:updated", namespaces=NS))


def test_a_client_that_sends_no_accept_header_gets_the_feed_type(site: Site) -> None:
    """Plain fetchers (curl -H 'Accept:', old readers) send no Accept at all: that is a reader, not a browser."""
    request = site.client.build_request("GET", "/feeds/posts/default")
    del request.headers["accept"]
    answer = site.client.send(request)
    assert answer.status_code == 200
    assert answer.headers["content-type"] == "application/atom+xml; charset=utf-8"


def test_a_start_index_below_one_is_refused(site: Site) -> None:
    """start-index is 1-based: 0 would ask the store for offset -1, which PostgreSQL refuses with a 500."""
    for url in ("/feeds/posts/default?start-index=0", "/feeds/posts/default/-/Iron%20Ore?start-index=0"):
        assert site.client.get(url).status_code == 400, url


@pytest.mark.parametrize("query", ["max-results=0", "max-results=101", "start-index=1000001"])
def test_a_feed_size_or_start_out_of_range_is_refused(site: Site, query: str) -> None:
    """A feed is 1 to 100 entries; a start past a million would have the index rank that many hits first."""
    for path in ("/feeds/posts/default", "/feeds/posts/default/-/Iron%20Ore"):
        assert site.client.get(f"{path}?{query}&q=nickel").status_code == 400, path
        assert site.client.get(f"{path}?{query}").status_code == 400, path


def test_a_search_feed_leaves_out_a_post_the_index_still_has_but_readers_no_longer_see(fresh: Site) -> None:
    """The index follows the store from behind: a post withdrawn since it was indexed is dropped, not a 500."""
    before = feed_of(fresh, "/feeds/posts/default?q=lithium").xpath("a:entry/a:id/text()", namespaces=NS)
    assert len(before) > 1
    withdrawn = next(p for p in posts_of(fresh) if BASE + str(p["url"]) == before[0])
    with fresh.archive.store.transaction() as conn:  # as an unpublish the index has not applied yet
        conn.execute(update(post_rows).where(post_rows.c.id == withdrawn["id"]).values(status="draft"))
    after = feed_of(fresh, "/feeds/posts/default?q=lithium").xpath("a:entry/a:id/text()", namespaces=NS)
    assert after == before[1:]


def test_a_label_feed_links_to_itself_however_odd_its_label(fresh: Site, tmp_path: Path) -> None:
    """rel=self is the address a reader subscribes to: '#' and '?' in a label stay escaped once, not twice
    (Starlette's URL.path already escapes those two), and '%' and spaces are escaped."""
    label = "C# or F#? 100%"
    post = {"title": "Odd label", "body": "Tin rose 3%.", "labels": [label], "url": "https://example.com/odd"}
    ingest_file(fresh.archive, write_posts(tmp_path, [post]), "jsonl")
    address = "/feeds/posts/default/-/C%23%20or%20F%23%3F%20100%25"
    for alt, self_link in (("atom", "a:link[@rel='self']"), ("rss", "channel/atom:link[@rel='self']")):
        feed = feed_of(fresh, f"{address}?alt={alt}")
        assert feed.find(self_link, {**NS, "atom": NS["a"]}).get("href") == f"{BASE}{address}?alt={alt}", alt
    assert feed_of(fresh, address).findtext("a:title", namespaces=NS) == f"The Metalnomist: {label}"


def test_a_search_feed_follows_the_dates_of_its_posts_not_the_order_they_were_stored_in(fresh: Site,
                                                                                       tmp_path: Path) -> None:
    """Stored last, the posts dated 2030 and 2001 lead the search feed in that order, before the seed's undated
    posts (undated posts come last, as in every listing), whatever order their ids are in."""
    posts = [{"title": f"Lithium brine output in {year}", "body": f"Lithium brine output rose 3% in {year}.",
              "published": f"{year}-06-01", "url": f"https://example.com/lithium-{year}"} for year in (2001, 2030)]
    ingest_file(fresh.archive, write_posts(tmp_path, posts), "jsonl")
    titles = feed_of(fresh, "/feeds/posts/default?q=lithium&max-results=100").xpath("a:entry/a:title/text()",
                                                                                     namespaces=NS)
    api = fresh.client.get("/api/search", params={"q": "lithium", "by-date": "true", "limit": 100}).json()
    assert titles == [r["title"] for r in api["results"]]
    assert titles[:2] == ["Lithium brine output in 2030", "Lithium brine output in 2001"] and len(titles) > 2
