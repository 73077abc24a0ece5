"""Read one article page (a Blogger post page or a general news page) into a Post.

Trafilatura finds the main text and most metadata; it is tuned on thousands of news
sites, which a hand-written extractor would not be. lxml then fills what trafilatura
reads too coarsely: Blogger's post title and labels, and the full publication
timestamp (trafilatura keeps only the day). `blocks_from_html` is also the feed
reader's HTML-to-blocks converter, so both readers produce the same kind of text.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from datetime import datetime
from pathlib import Path

import lxml.html
import trafilatura
from htmldate import find_date
from lxml import etree
from trafilatura.settings import Document
from trafilatura.utils import decode_file, load_html

from metalnomist.errors import IngestError
from metalnomist.ingest.checks import Limits, checked
from metalnomist.ingest.dates import parse_datetime
from metalnomist.models import Block, Post
from metalnomist.text import normalise_space

_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_BLOCKS = frozenset(
    "p div li ul ol dl dt dd blockquote pre table thead tbody tfoot tr caption section article"
    " header footer aside figure figcaption address hr main nav details summary center".split()
)
_SPACED = frozenset({"td", "th"})
# Never text: dropping them here is what keeps `<script>alert(1)</script>` out of a body.
_DROPPED = frozenset("script style noscript template iframe object embed svg math head title button select".split())
_MAX_LABEL_WORDS = 8
_COMMENT_HEADING = re.compile(r"\b(no|\d{1,10}) comments?\b", re.IGNORECASE)  # no count has 11 digits
# Characters XML (and so lxml) refuses; as spaces they cannot cost a whole fragment.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
# Trafilatura's XML vocabulary, renamed to HTML so one walker serves pages and feeds.
_TRAFILATURA_TAGS = {
    "list": "ul",
    "item": "li",
    "quote": "blockquote",
    "row": "tr",
    "cell": "td",
    "lb": "br",
    "code": "pre",
    "hi": "span",
    "ref": "span",
    "del": "span",
}


class _Collector:
    """Accumulates inline text and turns it into blocks at each block boundary."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.buffer: list[str] = []

    def text(self, value: str | None) -> None:
        if value:
            # Source newlines are plain whitespace in HTML; only <br> makes a line break.
            self.buffer.append(value.replace("\r", " ").replace("\n", " "))

    def flush(self) -> None:
        for chunk in _PARAGRAPH_BREAK.split("".join(self.buffer)):
            self.add("paragraph", chunk)
        self.buffer = []

    def add(self, kind: str, raw: str) -> None:
        text = normalise_space(raw)
        if text:
            self.blocks.append(Block("heading" if kind == "heading" else "paragraph", text))


def _walk(element: etree._Element, out: _Collector) -> None:
    tag = element.tag.lower() if isinstance(element.tag, str) else ""
    if tag in _HEADINGS:
        out.flush()
        out.add("heading", " ".join(element.itertext()))
    elif tag == "br":
        out.buffer.append("\n")
    else:
        is_block = tag in _BLOCKS
        if is_block:
            out.flush()
        if tag in _SPACED:
            out.text(" ")
        out.text(element.text)
        for child in element:
            _walk(child, out)
        if is_block:
            out.flush()
        elif tag in _SPACED:
            out.text(" ")
    out.text(element.tail)


def _drop_non_text(root: etree._Element) -> None:
    doomed = [el for el in root.iter() if not isinstance(el.tag, str) or el.tag.lower() in _DROPPED]
    for element in doomed:
        parent = element.getparent()
        if parent is None:
            continue
        # Keep the tail: it is text that follows the dropped element, not part of it.
        previous = element.getprevious()
        if element.tail:
            if previous is not None:
                previous.tail = (previous.tail or "") + element.tail
            else:
                parent.text = (parent.text or "") + element.tail
        parent.remove(element)


def _blocks_from_tree(root: etree._Element) -> tuple[Block, ...]:
    _drop_non_text(root)
    out = _Collector()
    out.text(root.text)
    for child in root:
        _walk(child, out)
    out.flush()
    return tuple(out.blocks)


def blocks_from_html(fragment: str) -> tuple[Block, ...]:
    """HTML fragment -> heading and paragraph blocks of plain text.

    h1-h6 become headings; p, li, blockquote, div text and text split by `<br><br>` become
    paragraphs. Tags are dropped, entities decoded and whitespace normalised, and scripts,
    styles and embeds are removed with their content, so no markup survives.
    """
    if not fragment or not fragment.strip():
        return ()
    try:
        root = lxml.html.fragment_fromstring(_NOT_XML.sub(" ", fragment), create_parent="div")
    except (etree.ParserError, ValueError):
        return ()
    return _blocks_from_tree(root)


_DATE_XPATHS = (
    "//abbr[contains(concat(' ', normalize-space(@class), ' '), ' published ')]/@title",
    "//meta[@property='article:published_time' or @property='og:article:published_time'"
    " or @property='article:published' or @name='article.published' or @name='pubdate'"
    " or @property='og:pubdate']/@content",
    "//*[contains(concat(' ', normalize-space(@itemprop), ' '), ' datePublished ')]/@content",
    "//*[contains(concat(' ', normalize-space(@itemprop), ' '), ' datePublished ')]/@datetime",
    "//time[@pubdate]/@datetime",
)


def _json_ld_dates(tree: lxml.html.HtmlElement) -> Iterator[str]:
    for script in tree.xpath("//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text or "", strict=False)
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, dict):
                if isinstance(item.get("datePublished"), str):
                    yield item["datePublished"]
                stack.extend(item.values())
            elif isinstance(item, list):
                stack.extend(reversed(item))


def _published(tree: lxml.html.HtmlElement) -> datetime | None:
    """The most precise publication time the page's metadata states; htmldate's reading as a fallback.

    htmldate is given the parsed tree, so it never fetches, and no URL, so a URL date is left
    to `infer_published` and labelled 'url'. Its extensive search stays off: it reads a footer's
    "© 2019" as 1 January 2019 and an event date in the text as the publication date.
    """
    candidates: list[str] = []
    for xpath in _DATE_XPATHS:
        candidates.extend(str(value) for value in tree.xpath(xpath))
    candidates.extend(_json_ld_dates(tree))
    candidates.extend(" ".join(el.itertext()) for el in tree.xpath("//*[contains(@class, 'date-header')]"))
    for candidate in candidates:
        when = parse_datetime(candidate)
        if when is not None:
            return when
    # The day only: htmldate's times can be a Last-Modified header's.
    return parse_datetime(find_date(tree, extensive_search=False, original_date=True, url=""))


def _texts(elements: Iterable[etree._Element]) -> list[str]:
    return [text for text in (normalise_space(" ".join(el.itertext())) for el in elements) if text]


def _title(tree: lxml.html.HtmlElement, guessed: str | None) -> str:
    """Blogger's post title if present; else trafilatura's, minus a trailing site name.

    Titles from <title>/og:title often end in " - Site"; a heading on the page that is a
    prefix of that title is the article's own headline.
    """
    blogger = _texts(tree.xpath("//*[contains(concat(' ', normalize-space(@class), ' '), ' post-title ')]"))
    if blogger:
        return blogger[0]
    title = normalise_space(guessed or "")
    for heading in _texts(tree.xpath("//h1 | //*[contains(concat(' ', @class, ' '), ' entry-title ')]")):
        if title.startswith(heading) and re.match(r"\s*[-|–—:]", title[len(heading) :]):
            return heading
    return title


def _labels(tree: lxml.html.HtmlElement, document: Document) -> tuple[str, ...]:
    """`rel=tag` links (Blogger, WordPress) are the post's own labels; else meta keywords.

    Meta keywords often arrive as one comma-joined string; two or more commas mark a list,
    while a single comma may belong to a name ("Trump, Donald J").
    """
    found = _texts(tree.xpath("//a[contains(concat(' ', normalize-space(@rel), ' '), ' tag ')]"))
    if not found:
        for value in [*(document.categories or []), *(document.tags or [])]:
            found.extend(value.split(",") if value.count(",") >= 2 else [value])
    labels = [normalise_space(label) for label in found]
    # A label is a name; a sentence-long "keyword" is a description leaking into keywords.
    return tuple(dict.fromkeys(label for label in labels if label and len(label.split()) <= _MAX_LABEL_WORDS))


def _url(tree: lxml.html.HtmlElement, guessed: str | None) -> str | None:
    """Canonical link, then og:url: the publisher's own name for the page, not where it was saved.

    One xpath each: a union would return them in document order, and og:url (often a share or
    mobile address) comes first in many heads.
    """
    xpaths = ("//link[@rel='canonical']/@href", "//meta[@property='og:url']/@content")
    stated = [str(value).strip() for xpath in xpaths for value in tree.xpath(xpath)]
    for candidate in [*stated, guessed or ""]:
        if re.match(r"https?://", candidate):
            return candidate
    return None


def _comment_count(tree: lxml.html.HtmlElement) -> int | None:
    """Blogger heads its comment section "No comments:" / "3 comments:"; other pages say nothing."""
    for heading in _texts(tree.xpath("//*[@id='comments']//h4")):
        match = _COMMENT_HEADING.match(heading)
        if match:
            return 0 if match.group(1).lower() == "no" else int(match.group(1))
    return None


def _body_blocks(body: etree._Element | None, title: str) -> tuple[Block, ...]:
    if body is None:
        return ()
    for element in body.iter():
        if element.tag == "head":
            rend = element.get("rend") or ""
            element.tag = rend if rend in _HEADINGS else "h2"
        elif element.tag == "graphic":
            element.tag = "template"  # dropped: an image has no text of its own
        elif element.tag in _TRAFILATURA_TAGS:
            element.tag = _TRAFILATURA_TAGS[element.tag]
    body.tag = "div"
    blocks = list(_blocks_from_tree(body))
    # Trafilatura often keeps the headline as the first heading; the title already says it.
    if blocks and blocks[0].kind == "heading" and blocks[0].text == title:
        blocks.pop(0)
    return tuple(blocks)


def _read_bounded(path: Path, limit: int) -> bytes:
    """The file's bytes, refused past `limit` before they are parsed (a tree takes many times a page's size)."""
    try:
        with path.open("rb") as handle:
            raw = handle.read(limit + 1)  # not more, whatever the file (or a pipe) holds
    except OSError as exc:
        raise IngestError(str(path), f"cannot read the file: {exc.strerror}") from None
    if len(raw) > limit:
        raise IngestError(str(path), f"the page is larger than the {limit:,} bytes allowed "
                                     "(METALNOMIST_MAX_PAGE_BYTES)")
    return raw


def _extract(path: Path, limit: int) -> tuple[lxml.html.HtmlElement | None, Document | None, datetime | None]:
    raw = _read_bounded(path, limit)
    # decode_file tries UTF-8, then detected encodings, then replaces bad bytes: never raises.
    tree = load_html(decode_file(raw))
    if tree is None:
        return None, None, None
    # Before trafilatura, which prunes the tree it is given.
    published = _published(tree)
    document = trafilatura.bare_extraction(tree, with_metadata=True, include_comments=False, include_tables=True)
    return tree, document if isinstance(document, Document) else None, published


def read(path: Path, limits: Limits | None = None) -> Iterator[Post]:
    """Yield the one article on the page; raise IngestError when it has no title or text."""
    tree, document, published = _extract(path, (limits or Limits()).page_bytes)
    if tree is None or document is None:
        raise IngestError(str(path), "no article text found: the page has no main text; is it an article page?")
    title = _title(tree, document.title)
    blocks = _body_blocks(document.body, title)
    if not title or not blocks:
        missing = "title" if not title else "text"
        raise IngestError(str(path), f"no article text found: the page has no {missing}; is it an article page?")
    yield checked(Post(
        title=title,
        blocks=blocks,
        url=_url(tree, document.url),
        published=published,
        # Undated pages are left to read_posts, which reads the URL and the body's first lines.
        date_source="html" if published else None,
        labels=_labels(tree, document),
        # The publication, like a feed's title; the file path says nothing once ingested.
        source=document.sitename or document.hostname or None,
        comment_count=_comment_count(tree),
        metadata={"author": document.author} if document.author else {},
    ), limits or Limits(), path, None)
