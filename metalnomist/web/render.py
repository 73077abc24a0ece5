"""Templates and the small presentation helpers they share: dates, counts, teasers, links."""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

import jinja2
from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from metalnomist.ingest.dates import names_month_only
from metalnomist.models import COMMENTARY_HEADING, Block, Post, PostCard
from metalnomist.pipeline import Archive
from metalnomist.web.sidebar import sidebar

log = logging.getLogger(__name__)
TEMPLATES_DIR = Path(__file__).with_name("templates")
TEASER_CHARS = 300


def comment_count_text(count: int | None) -> str:
    """Blogger's wording, which readers (and scrapers of old pages) expect."""
    n = count or 0
    if n == 0:
        return "No comments"
    return "1 comment" if n == 1 else f"{n} comments"


def label_url(name: str) -> str:
    """Labels hold spaces, apostrophes, emoji and even slashes: encode every reserved character."""
    return "/search/label/" + quote(name, safe="")


def search_url(**params: Any) -> str:
    """A /search link; parameters with None or False values are left out so URLs stay short."""
    pairs: list[tuple[str, str]] = []
    for key, value in params.items():
        if value is None or value is False or value == "":
            continue
        name = key.replace("_", "-")
        values = value if isinstance(value, list | tuple) else [value]
        pairs.extend((name, "true" if v is True else str(v)) for v in values)
    return "/search?" + urlencode(pairs) if pairs else "/search"


def search_feed_url(q: str, labels: tuple[str, ...]) -> str | None:
    """The Atom feed of a search (newest first); None for several labels, which no feed filters by."""
    if len(labels) > 1:
        return None
    path = "/feeds/posts/default" + ("/-/" + quote(labels[0], safe="") if labels else "")
    return path + ("?" + urlencode({"q": q}) if q.strip() else "")


def safe_href(url: str | None) -> str | None:
    """Only web addresses become links: a stored `javascript:` URL must never reach an href.
    (urlsplit gives the scheme in lower case, so HTTPS:// links too.)"""
    if not url:
        return None
    return url if urlsplit(url.strip()).scheme in {"http", "https"} else None


def host(url: str) -> str:
    """The site an address belongs to, for a link's text: `www.reuters.com` says more than the whole URL."""
    return urlsplit(url).hostname or url


def post_date(post: Post | PostCard) -> tuple[datetime | None, bool]:
    """(the date to show, whether it is the publication date) — seed posts only know when we stored them."""
    if post.published is not None:
        return post.published, True
    return post.created, False


def date_text(post: Post | PostCard, when: datetime) -> tuple[str, str]:
    """(the `<time datetime>` value, the words) for a post's date; a month its URL gave is shown as a
    month, since "1 September" would state a day nobody did."""
    if post.date_source == "url" and when == post.published and names_month_only(post.url, when):
        return f"{when:%Y-%m}", f"{when:%B %Y}"
    return when.isoformat(), human_date(when)


def human_date(value: datetime | None) -> str:
    return f"{value.day} {value:%B %Y}" if value else ""


def teaser(post: Post | PostCard, length: int = TEASER_CHARS) -> str:
    return post.lead(length)


def split_commentary(blocks: tuple[Block, ...]) -> tuple[list[Block], list[Block]]:
    """(article blocks, commentary blocks): the commentary runs from its heading to the next heading."""
    article: list[Block] = []
    commentary: list[Block] = []
    inside = False
    for block in blocks:
        if block.kind == "heading":
            inside = block.text.strip() == COMMENTARY_HEADING
            if inside:
                continue
        (commentary if inside else article).append(block)
    return article, commentary


def has_commentary(blocks: tuple[Block, ...]) -> bool:
    return any(b.kind == "heading" and b.text.strip() == COMMENTARY_HEADING for b in blocks)


def paragraphs(text: str) -> list[list[str]]:
    """Reader text as paragraphs of lines; templates join lines with <br>, each line autoescaped."""
    chunks = re.split(r"\n\s*\n", text.replace("\r\n", "\n").strip())
    return [[line for line in chunk.split("\n")] for chunk in chunks if chunk.strip()]


def make_templates() -> Jinja2Templates:
    """Autoescape every template whatever its file name: reader text is data, never markup."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES_DIR), autoescape=True,
                             trim_blocks=True, lstrip_blocks=True)
    env.filters.update(comment_count=comment_count_text, label_url=label_url, teaser=teaser,
                       human_date=human_date, paragraphs=paragraphs, safe_href=safe_href, host=host)
    env.globals.update(search_url=search_url, post_date=post_date, date_text=date_text,
                       split_commentary=split_commentary, has_commentary=has_commentary)
    return Jinja2Templates(env=env)


def site_base(request: Request) -> str:
    """The site's address without a trailing slash: the site URL setting, or the host PublicAddressMiddleware let
    through, never a Host header a client made up. Feeds, the sitemap and canonical links start from it."""
    return str(request.base_url).rstrip("/")


def archive_of(request: Request) -> Archive:
    """The archive the app was built with: every route's way to the services."""
    archive: Archive = request.app.state.archive
    return archive


def _sidebar_or_empty(state: Any) -> dict[str, Any]:
    """Error pages render through here too, so a failing store must not take the page down with it."""
    try:
        return sidebar(state.archive)
    except Exception:
        log.exception("sidebar unavailable")
        return {"labels": [], "years": []}


def render(request: Request, name: str, context: Mapping[str, Any], status_code: int = 200,
           headers: Mapping[str, str] | None = None) -> HTMLResponse:
    """Every page gets the site title and the sidebar (label cloud, archive by month)."""
    state = request.app.state
    full = {"site_title": state.settings.site_title, "sidebar": _sidebar_or_empty(state), **context}
    response: HTMLResponse = state.templates.TemplateResponse(request, name, full, status_code=status_code,
                                                              headers=headers)
    return response
