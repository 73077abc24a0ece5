"""Read Atom and RSS 2.0 files (Blogger exports and feeds, WordPress WXR) into Posts.

The file is streamed with lxml's iterparse and each entry is cleared once read, so a
large export never sits in memory whole; iterparse also gives the line of a bad entry.
feedparser is not used: it parses a whole string at once and hides syntax errors.

Entries that are not published posts are skipped, because each format says so: Blogger
marks kinds (template, settings, page, comment) and drafts; WXR marks post types,
statuses and passwords. An entry with neither a title nor any content raises
IngestError: RSS 2.0 requires an item to have a title or a description and Atom requires
a title, so such an entry means a broken file, not a post to skip quietly.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from lxml import etree

from metalnomist.errors import IngestError
from metalnomist.ingest.blocks import blocks_from_text
from metalnomist.ingest.checks import Limits, checked
from metalnomist.ingest.dates import parse_datetime
from metalnomist.ingest.html import blocks_from_html
from metalnomist.ingest.xmlstream import FeedSource
from metalnomist.models import MAX_STORED_INT, Block, Comment, Post
from metalnomist.text import normalise_space, plain_number

ATOM = "{http://www.w3.org/2005/Atom}"
THREAD = "{http://purl.org/syndication/thread/1.0}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}"
DC = "{http://purl.org/dc/elements/1.1/}"
SLASH = "{http://purl.org/rss/1.0/modules/slash/}"
FEEDBURNER = "{http://rssnamespace.org/feedburner/ext/1.0}"
MEDIA = "{http://search.yahoo.com/mrss/}"
BLOGGER_LABEL = "http://www.blogger.com/atom/ns#"
KIND_SCHEME = "http://schemas.google.com/g/2005#kind"
APP_NAMESPACES = ("{http://purl.org/atom/app#}", "{http://www.w3.org/2007/app}")
WXR_MARK = "wordpress.org/export/"
WXR_LABEL_DOMAINS = frozenset({"category", "post_tag"})
_ENTRY_TAGS = frozenset({f"{ATOM}entry", "item"})
_FEED_TITLES = frozenset({f"{ATOM}title", "title"})
_FEEDS = frozenset({f"{ATOM}feed", "channel"})
_TITLE_WORDS = 12


def _entries(path: Path, tags: tuple[str, ...]) -> Iterator[tuple[int, etree._Element, int]]:
    """Yield (1-based number, element, line) per entry; the element is cleared after use."""
    try:
        with path.open("rb") as handle:
            source = FeedSource(handle)
            parser = etree.iterparse(source, events=("end",), tag=tags, resolve_entities="internal", huge_tree=True)
            try:
                for number, (_, element) in enumerate(parser, start=1):
                    yield number, element, (element.sourceline or 0) + source.skipped_lines
                    element.clear(keep_tail=True)
                    while element.getprevious() is not None:
                        del element.getparent()[0]
            except etree.XMLSyntaxError as exc:
                line = exc.lineno + source.skipped_lines if exc.lineno else None
                raise IngestError(str(path), _syntax_problem(exc), line) from None
    except OSError as exc:
        raise IngestError(str(path), f"cannot read the file: {exc.strerror}") from None


def _syntax_problem(exc: etree.XMLSyntaxError) -> str:
    undeclared = re.match(r"Entity '([^']+)' not defined", exc.msg)
    if undeclared:
        return (f"the entity &{undeclared[1]}; is not declared in the file itself (external entities are never "
                "read); declare it in the DOCTYPE or write the character instead")
    return f"malformed XML: {exc.msg}; fix the file or re-export it"


def _head(path: Path) -> tuple[str, str]:
    """The root element's name (which grammar reads the rest) and the feed's own title.

    Parses only up to the first entry. The feed title becomes each post's `source`: the
    publication the post came from, which the file name does not say.
    """
    root, title = "", ""
    try:
        with path.open("rb") as handle:
            source = FeedSource(handle)
            for event, element in etree.iterparse(source, events=("start", "end"), resolve_entities="internal"):
                root = root or str(element.tag)
                if event == "start" and element.tag in _ENTRY_TAGS:
                    break
                parent = element.getparent()
                if event == "end" and element.tag in _FEED_TITLES and parent is not None and parent.tag in _FEEDS:
                    title = title or normalise_space(" ".join(element.itertext()))
    except etree.XMLSyntaxError as exc:
        line = exc.lineno + source.skipped_lines if exc.lineno else None
        raise IngestError(str(path), _syntax_problem(exc), line) from None
    except OSError as exc:
        raise IngestError(str(path), f"cannot read the file: {exc.strerror}") from None
    if not root:
        raise IngestError(str(path), "empty file: expected an Atom or RSS document")
    return root, title


def _text(element: etree._Element | None) -> str:
    return normalise_space(element.text or "") if element is not None else ""


def _plain(markup: str, separator: str = "\n\n") -> str:
    """Titles and comments may hold escaped HTML (`<b>`, `&nbsp;`): keep only the words."""
    return (
        separator.join(block.text for block in blocks_from_html(markup))
        if "<" in markup or "&" in markup
        else normalise_space(markup)
    )


def _atom_text_blocks(element: etree._Element | None) -> tuple[Block, ...]:
    """An Atom text construct as blocks, honouring its `type` (text, html or xhtml)."""
    if element is None:
        return ()
    kind = element.get("type", "text")
    if kind == "xhtml":
        markup = "".join(etree.tostring(child, encoding="unicode") for child in element)
        return blocks_from_html(markup)
    if kind == "html" or kind.endswith("html"):
        return blocks_from_html(element.text or "")
    return blocks_from_text(element.text or "", headings=set())


def _atom_plain(element: etree._Element | None) -> str:
    return " ".join(block.text for block in _atom_text_blocks(element))


def _unwrap_redirect(url: str) -> str:
    """Google Alerts wraps every link as google.com/url?url=<article>; keep the article."""
    parts = urlsplit(url)
    if parts.hostname and parts.hostname.endswith("google.com") and parts.path == "/url":
        target = parse_qs(parts.query).get("url") or parse_qs(parts.query).get("q")
        if target and target[0].startswith(("http://", "https://")):
            return target[0]
    return url


def _atom_url(entry: etree._Element) -> str | None:
    for link in entry.iterfind(f"{ATOM}link"):
        if link.get("rel", "alternate") == "alternate" and link.get("href"):
            return _unwrap_redirect(link.get("href", ""))
    return None


def _atom_kind(entry: etree._Element) -> str:
    """Blogger's kind (post, comment, page, settings, template); plain feeds hold only posts."""
    for category in entry.iterfind(f"{ATOM}category"):
        if category.get("scheme") == KIND_SCHEME:
            return str(category.get("term", "")).rpartition("#")[2]
    return "comment" if entry.find(f"{THREAD}in-reply-to") is not None else "post"


def _is_draft(entry: etree._Element) -> bool:
    drafts = (entry.find(f"{app}control/{app}draft") for app in APP_NAMESPACES)
    return any(_text(draft).lower() == "yes" for draft in drafts if draft is not None)


def _atom_comment(entry: etree._Element) -> tuple[str, Comment] | None:
    reply = entry.find(f"{THREAD}in-reply-to")
    if reply is None or not reply.get("ref"):
        return None
    body = "\n\n".join(block.text for block in _atom_text_blocks(entry.find(f"{ATOM}content")))
    comment = Comment(
        author=_text(entry.find(f"{ATOM}author/{ATOM}name")) or "Anonymous",
        body=body or _atom_plain(entry.find(f"{ATOM}title")),
        published=parse_datetime(_text(entry.find(f"{ATOM}published"))),
    )
    return str(reply.get("ref", "")), comment


def _atom_comments(path: Path) -> dict[str, list[Comment]]:
    """First pass: comments keyed by the id of their post, which may come earlier in the file."""
    comments: dict[str, list[Comment]] = defaultdict(list)
    for _, entry, _ in _entries(path, (f"{ATOM}entry",)):
        if _atom_kind(entry) == "comment":
            found = _atom_comment(entry)
            if found:
                comments[found[0]].append(found[1])
    return comments


def _atom_labels(entry: etree._Element) -> tuple[str, ...]:
    """Blogger labels use BLOGGER_LABEL, other feeds their own scheme or none: all are labels
    except Blogger's kind marker, which says what the entry is rather than what it is about."""
    return _labels(
        [str(c.get("term", "")) for c in entry.iterfind(f"{ATOM}category") if c.get("scheme") != KIND_SCHEME]
    )


def _atom_post(path: Path, entry: etree._Element, where: tuple[int, int], comments: list[Comment]) -> Post | None:
    if _atom_kind(entry) != "post" or _is_draft(entry):
        return None
    blocks = _atom_text_blocks(entry.find(f"{ATOM}content")) or _atom_text_blocks(entry.find(f"{ATOM}summary"))
    total = plain_number(_text(entry.find(f"{THREAD}total")), MAX_STORED_INT)  # `²`, `many`: none stated
    thumbnail = entry.find(f"{MEDIA}thumbnail")
    published = entry.find(f"{ATOM}published")
    return _post(
        path,
        where,
        _atom_plain(entry.find(f"{ATOM}title")),
        blocks,
        url=_atom_url(entry),
        published=parse_datetime(_text(published if published is not None else entry.find(f"{ATOM}updated"))),
        labels=_atom_labels(entry),
        comments=tuple(sorted(comments, key=_comment_order)),
        comment_count=total if total is not None else (len(comments) or None),
        metadata=_metadata(
            guid=_text(entry.find(f"{ATOM}id")),
            author=_text(entry.find(f"{ATOM}author/{ATOM}name")),
            updated=_text(entry.find(f"{ATOM}updated")),
            thumbnail=thumbnail.get("url", "") if thumbnail is not None else "",
        ),
    )


def _comment_order(comment: Comment) -> float:
    return comment.published.timestamp() if comment.published else 0.0


def _labels(values: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(label for label in (normalise_space(v) for v in values) if label))


def _metadata(**values: str) -> dict[str, Any]:
    return {key: value for key, value in values.items() if value}


def _post(path: Path, where: tuple[int, int], title: str, blocks: tuple[Block, ...], **fields: Any) -> Post:
    """Build the Post; a title-less entry is named by its first words, an empty one is an error."""
    number, line = where
    if not title and not blocks:
        raise IngestError(
            str(path), "entry has neither a title nor any content; fix or remove it", line=line, where=f"entry {number}"
        )
    if not title:
        words = blocks[0].text.split()
        title = " ".join(words[:_TITLE_WORDS]) + (" …" if len(words) > _TITLE_WORDS else "")
    # A dated entry is dated by the feed; an undated one is left for read_posts to infer.
    return Post(title=title, blocks=blocks, date_source="feed" if fields.get("published") else None, **fields)


def _wxr(item: etree._Element, local: str) -> etree._Element | None:
    """A WXR child by local name: the wp namespace URI changes with each export version."""
    for child in item:
        if isinstance(child.tag, str) and child.tag.endswith("}" + local) and WXR_MARK in child.tag:
            return child
    return None


def _wxr_skipped(item: etree._Element) -> bool:
    """Only published, public posts: not pages, attachments, menus, drafts or protected posts."""
    post_type = _wxr(item, "post_type")
    if post_type is None:
        return False  # plain RSS: every item is a post
    return (
        _text(post_type) != "post"
        or _text(_wxr(item, "status")) != "publish"
        or bool(_text(_wxr(item, "post_password")))
    )


def _wxr_raw(node: etree._Element, local: str) -> str:
    child = _wxr(node, local)
    return child.text or "" if child is not None else ""


def _wxr_comments(item: etree._Element) -> tuple[Comment, ...]:
    """Approved comments only; pingbacks and trackbacks are links, not what readers wrote."""
    comments = []
    for node in item:
        if not (isinstance(node.tag, str) and node.tag.endswith("}comment") and WXR_MARK in node.tag):
            continue
        if _wxr_raw(node, "comment_approved").strip() != "1":
            continue
        if _wxr_raw(node, "comment_type").strip() not in {"", "comment"}:
            continue
        comments.append(
            Comment(
                author=normalise_space(_wxr_raw(node, "comment_author")) or "Anonymous",
                body=_plain(_wxr_raw(node, "comment_content")),
                published=parse_datetime(_wxr_raw(node, "comment_date_gmt")),
            )
        )
    return tuple(sorted(comments, key=_comment_order))


def _rss_url(item: etree._Element) -> str | None:
    """feedburner:origLink, then link, then a guid that is a permalink and really a URL."""
    guid = item.find("guid")
    permalink_guid = _text(guid) if guid is not None and guid.get("isPermaLink", "true") != "false" else ""
    for candidate in (_text(item.find(f"{FEEDBURNER}origLink")), _text(item.find("link")), permalink_guid):
        if candidate.startswith(("http://", "https://")):
            return _unwrap_redirect(candidate)
    return None


def _rss_labels(item: etree._Element) -> tuple[str, ...]:
    """Category text; in WXR only categories and tags, not nav menus or post formats."""
    return _labels(
        [
            category.text or ""
            for category in item.iterfind("category")
            if category.get("domain") is None or category.get("domain") in WXR_LABEL_DOMAINS
        ]
    )


def _rss_published(item: etree._Element) -> str:
    # WXR's post_date_gmt is exact UTC; unpublished posts carry 0000-00-00, which fails to parse.
    for value in (_text(_wxr(item, "post_date_gmt")), _text(item.find("pubDate")), _text(item.find(f"{DC}date"))):
        if parse_datetime(value):
            return value
    return ""


def _rss_post(path: Path, item: etree._Element, where: tuple[int, int]) -> Post | None:
    if _wxr_skipped(item):
        return None
    content = item.find(f"{CONTENT}encoded")
    description = item.find("description")
    blocks = blocks_from_html(content.text or "") if content is not None else ()
    wxr_comments = _wxr_comments(item) if _wxr(item, "post_type") is not None else ()
    count = _text(item.find(f"{SLASH}comments"))
    author = item.find(f"{DC}creator")
    return _post(
        path,
        where,
        _plain(item.findtext("title") or "", " "),
        blocks or (blocks_from_html(description.text or "") if description is not None else ()),
        url=_rss_url(item),
        published=parse_datetime(_rss_published(item)),
        labels=_rss_labels(item),
        comments=wxr_comments,
        comment_count=len(wxr_comments)
        if _wxr(item, "post_type") is not None
        else plain_number(count, MAX_STORED_INT),
        metadata=_metadata(
            guid=_text(item.find("guid")) or _text(_wxr(item, "post_id")),
            author=_text(author if author is not None else item.find("author")),
        ),
    )


def _posts(path: Path, root: str) -> Iterator[tuple[int, int, Post]]:
    """(entry number, line, post) for each published post."""
    if root == f"{ATOM}feed":
        comments = _atom_comments(path)
        for number, entry, line in _entries(path, (f"{ATOM}entry",)):
            entry_id = _text(entry.find(f"{ATOM}id"))
            post = _atom_post(path, entry, (number, line), comments.get(entry_id, []))
            if post is not None:
                yield number, line, post
    elif root == "rss":
        for number, item, line in _entries(path, ("item",)):
            post = _rss_post(path, item, (number, line))
            if post is not None:
                yield number, line, post
    else:
        raise IngestError(
            str(path),
            f"not a feed: the root element is <{etree.QName(root).localname}>, "
            "expected <feed> (Atom) or <rss>; use the html reader for pages",
        )


def read(path: Path, limits: Limits | None = None) -> Iterator[Post]:
    """Yield the published posts of an Atom, RSS 2.0 or WXR file, in file order; source = feed title.

    Atom is read twice: Blogger exports put comments after all posts, and a first pass that
    keeps only the comments is lighter than holding every post until the end of the file.
    """
    root, feed_title = _head(path)
    for number, line, post in _posts(path, root):
        yield checked(replace(post, source=feed_title or None), limits or Limits(), path, line, f"entry {number}")
