"""Atom and RSS 2.0 feeds at Blogger's addresses, and robots.txt (the sitemap is in sitemap.py).

XML is built as a tree (lxml) so titles, labels and comments are escaped by the serializer,
never by string concatenation. Post bodies travel as escaped HTML (`type="html"`), as Blogger's do.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime
from typing import Annotated, Literal
from urllib.parse import quote

import lxml.html
from fastapi import Path, Query, Request
from fastapi.responses import FileResponse, PlainTextResponse, Response
from lxml import etree
from lxml.html import builder as h
from starlette.datastructures import URL

from metalnomist.analysis.figures import describe, format_change, format_quantity
from metalnomist.analysis.periods import period_text
from metalnomist.browse import comments_on, latest_posts, posts_by_id
from metalnomist.models import Fact, Post
from metalnomist.pipeline import find_facts, get_post
from metalnomist.search.service import SearchRequest, search
from metalnomist.web.data import FactQuery, Filters
from metalnomist.web.render import TEMPLATES_DIR, archive_of, label_url, site_base, split_commentary

ATOM_NS = "http://www.w3.org/2005/Atom"
OPENSEARCH_NS = "http://a9.com/-/spec/opensearchrss/1.0/"
ATOM_TYPE = "application/atom+xml; charset=utf-8"
RSS_TYPE = "application/rss+xml; charset=utf-8"
BROWSER_TYPE = "application/xml; charset=utf-8"
STYLESHEET = "/feeds/style.xsl"
STYLESHEET_FILE = TEMPLATES_DIR.parent / "static" / "feed.xsl"
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

Alt = Annotated[Literal["atom", "rss"], Query(description="`rss` for RSS 2.0; Atom otherwise.")]
FeedSize = Annotated[int, Query(alias="max-results", ge=1, le=100, description="Entries, 1 to 100.")]
MAX_START_INDEX = 1_000_000
StartIndex = Annotated[int, Query(alias="start-index", ge=1, le=MAX_START_INDEX, description="1-based, as Blogger's.")]


@dataclass(frozen=True)
class Entry:
    """One feed item, whichever format it is written in."""

    id: str
    title: str
    link: str
    updated: datetime
    published: datetime | None
    content: str
    content_type: Literal["html", "text"]
    categories: Sequence[str] = ()
    author: str | None = None


def _text(value: str) -> str:
    """XML 1.0 cannot carry control characters at all; blank them rather than fail the feed."""
    return _XML_ILLEGAL.sub(" ", value)


def _sub(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    element = etree.SubElement(parent, tag, {k: _text(v) for k, v in attrs.items()})
    if text is not None:
        element.text = _text(text)
    return element


def _serialise(root: etree._Element) -> bytes:
    """Feeds name an XSLT stylesheet, so a browser shows a page saying what a feed is."""
    root.addprevious(etree.ProcessingInstruction("xml-stylesheet", f'type="text/xsl" href="{STYLESHEET}"'))
    data: bytes = etree.tostring(root.getroottree(), xml_declaration=True, encoding="utf-8")
    return data


def stylesheet() -> FileResponse:
    return FileResponse(STYLESHEET_FILE, media_type="text/xsl; charset=utf-8")


def _iso(value: datetime) -> str:
    return (value if value.tzinfo else value.replace(tzinfo=UTC)).isoformat()


def post_html(post: Post) -> str:
    """The body as HTML (headings, paragraphs, commentary aside) for feed readers to display.

    lxml refuses control characters in element text, so they are blanked before, not after, building.
    """
    article, commentary = split_commentary(post.blocks)
    parts = [h.H2(_text(b.text)) if b.kind == "heading" else h.P(_text(b.text)) for b in article]
    if commentary:
        parts.append(h.E.aside(h.H2("The Metalnomist Commentary"), *[h.P(_text(b.text)) for b in commentary]))
    return "".join(lxml.html.tostring(part, encoding="unicode") for part in parts)


def _post_entry(base: str, post: Post) -> Entry:
    assert post.permalink is not None
    when = post.last_changed or datetime.now(UTC)
    return Entry(id=base + post.permalink, title=post.title, link=base + post.permalink, updated=when,
                 published=post.published, content=_text(post_html(post)), content_type="html",
                 categories=post.labels)


@dataclass(frozen=True)
class FeedInfo:
    title: str
    self_url: str
    home_url: str
    total: int
    start_index: int
    next_url: str | None = None  # the following page of entries, as Blogger's feeds link it (RFC 5005 paging)
    previous_url: str | None = None


def atom(info: FeedInfo, entries: Sequence[Entry], site_title: str) -> bytes:
    feed = etree.Element(f"{{{ATOM_NS}}}feed", nsmap={None: ATOM_NS, "openSearch": OPENSEARCH_NS})
    a = f"{{{ATOM_NS}}}"
    _sub(feed, a + "id", info.self_url)
    _sub(feed, a + "title", info.title, type="text")
    _sub(feed, a + "updated", _iso(max((e.updated for e in entries), default=datetime.now(UTC))))
    _sub(feed, a + "link", rel="self", type="application/atom+xml", href=info.self_url)
    _sub(feed, a + "link", rel="alternate", type="text/html", href=info.home_url)
    for rel, href in (("previous", info.previous_url), ("next", info.next_url)):
        if href:
            _sub(feed, a + "link", rel=rel, type="application/atom+xml", href=href)
    _sub(_sub(feed, a + "author"), a + "name", site_title)
    _sub(feed, a + "generator", "Metalnomist")
    _sub(feed, f"{{{OPENSEARCH_NS}}}totalResults", str(info.total))
    _sub(feed, f"{{{OPENSEARCH_NS}}}startIndex", str(info.start_index))
    _sub(feed, f"{{{OPENSEARCH_NS}}}itemsPerPage", str(len(entries)))
    for e in entries:
        entry = _sub(feed, a + "entry")
        _sub(entry, a + "id", e.id)
        if e.published:
            _sub(entry, a + "published", _iso(e.published))
        _sub(entry, a + "updated", _iso(e.updated))
        for label in e.categories:
            _sub(entry, a + "category", term=label)
        _sub(entry, a + "title", e.title, type="text")
        _sub(entry, a + "content", e.content, type=e.content_type)
        _sub(entry, a + "link", rel="alternate", type="text/html", href=e.link)
        _sub(_sub(entry, a + "author"), a + "name", e.author or site_title)
    return _serialise(feed)


def rss(info: FeedInfo, entries: Sequence[Entry], description: str) -> bytes:
    root = etree.Element("rss", version="2.0", nsmap={"atom": ATOM_NS})
    channel = _sub(root, "channel")
    _sub(channel, "title", info.title)
    _sub(channel, "link", info.home_url)
    _sub(channel, "description", description)
    _sub(channel, f"{{{ATOM_NS}}}link", rel="self", type="application/rss+xml", href=info.self_url)
    for rel, href in (("previous", info.previous_url), ("next", info.next_url)):
        if href:
            _sub(channel, f"{{{ATOM_NS}}}link", rel=rel, type="application/rss+xml", href=href)
    _sub(channel, "lastBuildDate", format_datetime(max((e.updated for e in entries), default=datetime.now(UTC))))
    _sub(channel, "generator", "Metalnomist")
    for e in entries:
        item = _sub(channel, "item")
        _sub(item, "title", e.title)
        _sub(item, "link", e.link)
        _sub(item, "guid", e.id, isPermaLink="true" if e.id == e.link else "false")
        _sub(item, "pubDate", format_datetime(e.published or e.updated))
        for label in e.categories:
            _sub(item, "category", label)
        _sub(item, "description", e.content)
    return _serialise(root)


def _respond(alt: str, info: FeedInfo, entries: Sequence[Entry], request: Request) -> Response:
    """Chromium prints Atom and RSS types as plain text, so a browser (it asks for HTML) gets the same
    document as application/xml, which it styles with the feed's XSLT; feed readers get the feed types."""
    settings = request.app.state.settings
    browser = "text/html" in request.headers.get("accept", "")
    headers = {"Vary": "Accept"}
    if alt == "rss":
        return Response(rss(info, entries, f"{settings.site_title}: metals markets news"), headers=headers,
                        media_type=BROWSER_TYPE if browser else RSS_TYPE)
    return Response(atom(info, entries, settings.site_title), headers=headers,
                    media_type=BROWSER_TYPE if browser else ATOM_TYPE)


def _self_url(request: Request) -> str:
    """The address asked for, as a valid URI, from the decoded path: Starlette's URL.path leaves a label's
    space and '%' raw but escapes '#' and '?', which quoting that again would turn into %2523 and %253F."""
    return str(request.url.replace(path=quote(request.scope["path"])))


def _feed(request: Request, label: str | None, q: str, alt: str, size: int, start_index: int) -> Response:
    """Newest first; with `q`, search results in date order (feeds are read chronologically)."""
    archive, base = archive_of(request), site_base(request)
    title = request.app.state.settings.site_title
    if q.strip():
        page = search(archive.store, archive.index,
                      SearchRequest(q, "date", (label,) if label else (), size, start_index - 1))
        found = posts_by_id(archive, [hit.post.id for hit in page.hits])  # a feed carries whole posts
        posts = [found[hit.post.id] for hit in page.hits if hit.post.id in found]
        total, title = page.total, f"{title}: search for {q[:200]}"
    else:
        posts, total = latest_posts(archive, start_index - 1, size, label)
        title = f"{title}: {label}" if label else title
    home = base + (label_url(label) if label else "/")
    info = FeedInfo(title, _self_url(request), home, total, start_index,
                    *_pages(request, start_index, size, len(posts), total))
    return _respond(alt, info, [_post_entry(base, p) for p in posts], request)


def _pages(request: Request, start_index: int, size: int, shown: int, total: int) -> tuple[str | None, str | None]:
    """The addresses of the next and the previous page of a feed, where there is one: a reader walks an
    archive by them instead of working out start-index from the counts."""
    here = URL(_self_url(request))

    def page(start: int) -> str:
        return str(here.include_query_params(**{"start-index": start, "max-results": size}))

    after = start_index + shown
    following = page(after) if shown and after <= min(total, MAX_START_INDEX) else None
    return following, page(max(1, start_index - size)) if start_index > 1 else None


def posts_feed(request: Request, alt: Alt = "atom", q: str = "", max_results: FeedSize = 25,
               start_index: StartIndex = 1) -> Response:
    """/feeds/posts/default: the newest 25 posts with full content; `?q=` for a search feed."""
    return _feed(request, None, q, alt, max_results, start_index)


def label_feed(request: Request, label: str, alt: Alt = "atom", q: str = "", max_results: FeedSize = 25,
               start_index: StartIndex = 1) -> Response:
    """/feeds/posts/default/-/LABEL: one label's posts."""
    return _feed(request, label, q, alt, max_results, start_index)


def comments_feed(request: Request, post_id: Annotated[int, Path(ge=1)], alt: Alt = "atom") -> Response:
    """/feeds/POSTID/comments/default: a post's approved comments, oldest first."""
    archive, base = archive_of(request), site_base(request)
    post = get_post(archive, post_id)
    comments = comments_on(archive, post_id)
    link = base + (post.permalink or "/")
    entries = [Entry(id=f"{link}#comment-{c.id}", title=f"Comment by {c.author}", link=f"{link}#comment-{c.id}",
                     updated=c.published or datetime.now(UTC), published=c.published, content=_text(c.body),
                     content_type="text", author=c.author) for c in comments]
    title = f"{request.app.state.settings.site_title}: comments on {post.title}"
    return _respond(alt, FeedInfo(title, _self_url(request), link, len(entries), 1), entries, request)


def fact_html(fact: Fact, post: Post, link: str) -> str:
    """Value, change and period as a list, then the sentence they were read from and the post it is in."""
    rows = [("Value", format_quantity(fact.value, fact.unit, fact.value_max)), ("Change", format_change(fact)),
            ("Period", period_text(fact.period))]
    listing = h.E.dl(*[part for name, text in rows if text for part in (h.E.dt(name), h.E.dd(_text(text)))])
    parts = [listing, h.E.blockquote(h.P(_text(fact.sentence))), h.P("From ", h.A(_text(post.title), href=link))]
    return "".join(lxml.html.tostring(part, encoding="unicode") for part in parts)


def _fact_entry(base: str, fact: Fact, post: Post) -> Entry:
    link = f"{base}{post.permalink}#fact-{fact.id}"
    when = post.last_changed or datetime.now(UTC)
    return Entry(id=link, title=describe(fact), link=link, updated=when, published=post.published,
                 content=fact_html(fact, post, base + (post.permalink or "/")), content_type="html",
                 categories=tuple(c for c in (fact.commodity, fact.metric, fact.country) if c))


def facts_feed(request: Request, flt: Filters, alt: Alt = "atom", max_results: FeedSize = 25) -> Response:
    """/data/feed: the figures of a facts filter (those of /data and /api/facts), newest posts first."""
    archive, base = archive_of(request), site_base(request)
    found, total = find_facts(archive, flt, 0, max_results, newest_first=True)
    posts = posts_by_id(archive, sorted({f.post_id for f in found if f.post_id is not None}))
    entries = [_fact_entry(base, f, posts[f.post_id]) for f in found if f.post_id in posts]
    view = FactQuery(flt)
    chosen = ", ".join(text for text, _ in view.chips())
    title = f"{request.app.state.settings.site_title}: figures" + (f" for {chosen[:200]}" if chosen else "")
    return _respond(alt, FeedInfo(title, _self_url(request), base + view.url(), total, 1), entries, request)


def robots(request: Request) -> PlainTextResponse:
    """Search result pages are endless variations: keep crawlers on posts, as Blogger does."""
    return PlainTextResponse(f"User-agent: *\nDisallow: /search\nDisallow: /api/\nAllow: /\n\n"
                             f"Sitemap: {site_base(request)}/sitemap.xml\n")
