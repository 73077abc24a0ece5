"""Feeds under hostile posts (issue 8 item 10, issue 16): control characters and markup never break them."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import feedparser
import lxml.etree
import lxml.html
import pytest

from metalnomist.models import Block, Post
from metalnomist.pipeline import ingest_file
from metalnomist.store.upsert import upsert_posts
from tests.web.conftest import Site, open_site

ATOM = "{http://www.w3.org/2005/Atom}"
CONTROLS = "".join(chr(c) for c in (*range(0, 9), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F, 0xFFFE))
HOSTILE_BODY = "Copper <script>alert(1)</script> & <b>bold</b> <img src=x onerror=alert(1)>"


@pytest.fixture
def hostile_site(tmp_path: Path) -> Iterator[Site]:
    yield from open_site(tmp_path)


def feed_urls(site: Site, post_id: int) -> list[str]:
    feeds = ["/feeds/posts/default", "/feeds/posts/default/-/Hostile", "/feeds/posts/default?q=copper",
             f"/feeds/{post_id}/comments/default"]
    return feeds + [url + ("&" if "?" in url else "?") + "alt=rss" for url in feeds]


def post_id(site: Site, title: str) -> int:
    posts = site.client.get("/api/posts", params={"limit": 100}).json()["posts"]
    return int(next(p["id"] for p in posts if p["title"].startswith(title)))


def assert_every_feed_parses(site: Site, pid: int) -> None:
    for url in feed_urls(site, pid):
        response = site.client.get(url)
        assert response.status_code == 200, url
        parsed = feedparser.parse(response.content)
        assert parsed.bozo == 0, (url, parsed.get("bozo_exception"))


def test_a_control_character_ingested_in_a_body_leaves_every_feed_working(hostile_site: Site, tmp_path: Path) -> None:
    path = tmp_path / "odd.jsonl"
    path.write_text(json.dumps({"title": "Copper\x0b prices\x00", "labels": ["Hostile"],
                                "body": f"Copper rose{CONTROLS}3%.\n\nZinc\x1b[2J fell."}) + "\n")
    ingest_file(hostile_site.archive, path)
    pid = post_id(hostile_site, "Copper prices")
    assert_every_feed_parses(hostile_site, pid)
    entry = feedparser.parse(hostile_site.client.get("/feeds/posts/default/-/Hostile").content).entries[0]
    assert entry.title == "Copper prices"
    assert "<p>Copper rose 3%.</p><p>Zinc[2J fell.</p>" == entry.content[0].value


def test_control_characters_already_stored_do_not_break_feeds(hostile_site: Site) -> None:
    """Archives written before ingest cleaned text may hold them: the feed blanks them itself."""
    post = Post(title=f"Copper{CONTROLS}prices", blocks=(Block("heading", f"Head{CONTROLS}"),
                                                        Block("paragraph", f"Copper rose{CONTROLS}3%.")),
                labels=(f"Hostile{CONTROLS}", "Hostile"), url="https://example.com/odd")
    with hostile_site.archive.store.transaction() as conn:
        ((pid, _),) = upsert_posts(conn, [post])
    assert_every_feed_parses(hostile_site, pid)


def test_markup_in_a_post_is_escaped_data_in_atom_and_rss(hostile_site: Site, tmp_path: Path) -> None:
    path = tmp_path / "markup.jsonl"
    path.write_text(json.dumps({"title": "Copper <script>x</script>", "labels": ["Hostile"],
                                "body": HOSTILE_BODY}) + "\n")
    ingest_file(hostile_site.archive, path)
    atom = lxml.etree.fromstring(hostile_site.client.get("/feeds/posts/default/-/Hostile").content)
    rss = lxml.etree.fromstring(hostile_site.client.get("/feeds/posts/default/-/Hostile?alt=rss").content)
    (atom_entry,) = atom.iter(f"{ATOM}entry")
    (rss_item,) = rss.iter("item")
    for title, content in ((atom_entry.find(f"{ATOM}title"), atom_entry.find(f"{ATOM}content")),
                           (rss_item.find("title"), rss_item.find("description"))):
        assert title is not None and content is not None
        assert title.text == "Copper <script>x</script>" and len(title) == 0  # text, not child elements
        assert len(content) == 0  # the HTML travels as escaped text inside the XML element
        html = lxml.html.fragment_fromstring(content.text or "", create_parent="div")
        assert not html.xpath("//script | //img | //b | //*[@onerror]")
        assert html.text_content() == HOSTILE_BODY
