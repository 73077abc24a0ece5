"""Reader pages at Blogger's addresses. Each route parses, calls the core, and renders."""

from __future__ import annotations

import re
from typing import Annotated, Any

from fastapi import Form, Query, Request
from fastapi.responses import FileResponse, RedirectResponse, Response

from metalnomist.browse import (
    comments_on,
    label_counts,
    latest_posts,
    newer_and_older,
    post_at,
    related_posts,
    similar_labels,
)
from metalnomist.errors import InvalidInput, NotFound, RateLimited
from metalnomist.models import Post, SearchPage, SortOrder
from metalnomist.months import MONTHS
from metalnomist.pipeline import get_post, post_comment
from metalnomist.search.service import SearchRequest, search
from metalnomist.web.data import post_fact_context
from metalnomist.web.render import (
    TEMPLATES_DIR,
    archive_of,
    label_url,
    render,
    search_feed_url,
    search_url,
    site_base,
)
from metalnomist.web.security import CSRF_COOKIE, client_address
from metalnomist.web.watch_offer import render_offering

Start = Annotated[int, Query(ge=0, le=1_000_000, description="How many posts to skip.")]
MaxResults = Annotated[int | None, Query(alias="max-results", ge=1, le=100, description="Posts per page.")]
TRUE_WORDS = frozenset({"true", "1", "yes", "on"})
FAVICON = TEMPLATES_DIR.parent / "static" / "favicon.svg"


def _page_size(request: Request, max_results: int | None) -> int:
    return max_results or request.app.state.settings.page_size


def _pager(base: str, start: int, size: int, total: int, extra: dict[str, Any] | None = None) -> dict[str, Any]:
    """Links for the previous and next pages; `max-results` is kept only when the reader chose it."""
    extra = extra or {}

    def link(offset: int) -> str:
        params = {**extra, "start": offset or None}
        query = "&".join(f"{k}={v}" for k, v in params.items() if v is not None)
        return base + ("&" if "?" in base else "?") + query if query else base

    newer = link(max(start - size, 0)) if start > 0 else None
    older = link(start + size) if start + size < total else None
    return {"newer": newer, "older": older}


def home(request: Request, start: Start = 0, max_results: MaxResults = None) -> Response:
    """Newest posts first, like a Blogger home page."""
    size = _page_size(request, max_results)
    posts, total = latest_posts(archive_of(request), start, size)
    pager = _pager("/", start, size, total, {"max-results": max_results})
    return render(request, "listing.html", {"posts": posts, "total": total, "pager": pager, "kind": "home"})


def label_page(request: Request, name: str, start: Start = 0, max_results: MaxResults = None) -> Response:
    size = _page_size(request, max_results)
    posts, total = latest_posts(archive_of(request), start, size, label=name)
    if total == 0:
        raise NotFound(f"no posts carry the label {name!r}; the labels in use are listed beside this message")
    # the label's own address: the decoded request path leaves a space or a '%' raw, which no href may hold
    pager = _pager(label_url(name), start, size, total, {"max-results": max_results})
    return render_offering(request, "listing.html", {
        "posts": posts, "total": total, "pager": pager, "kind": "label", "label": name,
        "feed_url": search_feed_url("", (name,)),
        "watch_kind": "search", "watch_button": "Watch this search", "watch_fields": [("label", name)]})


def month_page(request: Request, year: str, month: str, start: Start = 0,
               max_results: MaxResults = None) -> Response:
    """Blogger's /YYYY/MM/ archive pages."""
    # ASCII digits (`\d` takes others); years a month's end still fits in a date
    if not (re.fullmatch(r"[0-9]{4}", year) and re.fullmatch(r"[0-9]{2}", month)
            and 1 <= int(year) < 9999 and 1 <= int(month) <= 12):
        raise NotFound(f"/{year}/{month}/ is not a month: archive pages look like /2025/03/")
    size = _page_size(request, max_results)
    posts, total = latest_posts(archive_of(request), start, size, month=(int(year), int(month)))
    if total == 0:
        raise NotFound(f"no posts were published in {MONTHS[int(month) - 1]} {year}")
    pager = _pager(request.url.path, start, size, total, {"max-results": max_results})
    return render(request, "listing.html", {"posts": posts, "total": total, "pager": pager, "kind": "month",
                                            "month_name": f"{MONTHS[int(month) - 1]} {year}"})


def search_page(request: Request, q: str = "", by_date: Annotated[str, Query(alias="by-date")] = "",
                label: Annotated[list[str] | None, Query()] = None, start: Start = 0,
                max_results: MaxResults = None) -> Response:
    """Blogger's search page: relevance by default, `by-date=true` for newest first."""
    labels = tuple(label or ())
    if not q.strip() and not labels:
        return RedirectResponse("/", status_code=303)
    size = _page_size(request, max_results)
    sort: SortOrder = "date" if by_date.strip().lower() in TRUE_WORDS else "relevance"
    archive = archive_of(request)
    page: SearchPage = search(archive.store, archive.index, SearchRequest(q, sort, labels, size, start))
    keep = {"q": q or None, "label": labels or None, "max_results": max_results}
    context = {
        "page": page, "q": q, "labels": labels, "sort": sort, "kind": "search",
        "other_order_url": search_url(**keep, by_date=sort == "relevance"),
        "suggestion_url": search_url(q=page.suggestion, label=labels or None) if page.suggestion else None,
        "similar_labels": similar_labels(label_counts(archive), q) if page.every_word == 0 else [],
        "pager": _pager(search_url(**keep, by_date=sort == "date"), start, size, page.total),
        "feed_url": search_feed_url(q, labels),
        "watch_kind": "search", "watch_button": "Watch this search",
        "watch_fields": [("q", q)] + [("label", name) for name in labels],
    }
    return render_offering(request, "search.html", context)


def favicon() -> FileResponse:
    """Browsers ask for /favicon.ico whatever the page links to; answer with the icon, not a 404."""
    return FileResponse(FAVICON, media_type="image/svg+xml", headers={"Cache-Control": "public, max-age=86400"})


# --- posts and comments -------------------------------------------------------------------------

def _find_post(request: Request, year: str, month: str, slug: str) -> Post:
    return post_at(archive_of(request), f"/{year}/{month}/{slug}.html")


def _render_post(request: Request, post: Post, form: dict[str, str] | None = None,
                 errors: dict[str, str] | None = None, status_code: int = 200) -> Response:
    """The post with its neighbours, approved comments and a comment form holding a fresh CSRF token."""
    archive = archive_of(request)
    assert post.id is not None
    newer, older = newer_and_older(archive, post)
    comments = comments_on(archive, post.id)
    cookie = request.cookies.get(CSRF_COOKIE) or request.app.state.csrf.new_cookie()
    notice = {"pending": "Thank you. Your comment is awaiting moderation.",
              "published": "Thank you. Your comment is published below."}.get(request.query_params.get("comment", ""))
    context = {"post": post, "newer": newer, "older": older, "comments": comments, "notice": notice,
               "form": form or {}, "errors": errors or {}, "csrf_token": request.app.state.csrf.token(cookie),
               "max_chars": archive.settings.comment_max_chars, "kind": "post", **post_fact_context(archive, post),
               "related": related_posts(archive, post), "author": post.metadata.get("author"),
               # one address for search engines and shares, whatever `?comment=` or host the page was reached by
               "canonical": site_base(request) + (post.permalink or "/")}
    response = render(request, "post.html", context, status_code=status_code)
    if request.cookies.get(CSRF_COOKIE) != cookie:
        response.set_cookie(CSRF_COOKIE, cookie, max_age=request.app.state.csrf.max_age, httponly=True,
                            samesite="lax", secure=request.url.scheme == "https")
    # The form's token is bound to this reader's cookie: a shared cache must not hand it to another reader.
    response.headers["Cache-Control"] = "private"
    response.headers["Vary"] = "Cookie"
    return response


def post_page(request: Request, year: str, month: str, slug: str) -> Response:
    return _render_post(request, _find_post(request, year, month, slug))


FormText = Annotated[str, Form()]


def _submit_comment(request: Request, post: Post, author: str, body: str, csrf_token: str,
                    website: str) -> Response:
    """Store the comment and redirect (303), or show the form again with the reason and the reader's text."""
    assert post.id is not None and post.permalink is not None
    form = {"author": author, "body": body}
    if not request.app.state.csrf.valid(request.cookies.get(CSRF_COOKIE), csrf_token):
        reason = "This form has expired or did not come from this site. Please send it again."
        return _render_post(request, post, form, {"form": reason}, status_code=403)
    if website.strip():  # the honeypot: only robots fill a field people cannot see
        return RedirectResponse(f"{post.permalink}?comment=pending#comments", status_code=303)
    client = client_address(request, request.app.state.settings.trusted_networks())
    try:
        comment = post_comment(archive_of(request), post.id, author, body, client)
    except InvalidInput as exc:
        return _render_post(request, post, form, exc.problems, status_code=400)
    except RateLimited as exc:
        return _render_post(request, post, form, {"form": f"Too many comments: {exc}"}, status_code=429)
    if comment.approved:
        return RedirectResponse(f"{post.permalink}?comment=published#comment-{comment.id}", status_code=303)
    return RedirectResponse(f"{post.permalink}?comment=pending#comments", status_code=303)


def post_comment_form(request: Request, year: str, month: str, slug: str, author: FormText = "",
                      body: FormText = "", csrf_token: FormText = "", website: FormText = "") -> Response:
    """The comment form posts back to the permalink, so a rejection re-renders the same page."""
    post = _find_post(request, year, month, slug)
    return _submit_comment(request, post, author, body, csrf_token, website)


def comments_form(request: Request, post_id: Annotated[int, Form()], author: FormText = "",
                  body: FormText = "", csrf_token: FormText = "", website: FormText = "") -> Response:
    """POST /comments: the same as posting to the permalink, for forms that only know the post id."""
    return _submit_comment(request, get_post(archive_of(request), post_id), author, body, csrf_token, website)
