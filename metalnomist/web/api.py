"""The JSON API under /api/: the same core calls as the pages, shaped as documented in interfaces.md."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from fastapi import Depends, HTTPException, Path, Query, Request
from pydantic import BaseModel, Field

from metalnomist.browse import comments_on, label_counts, latest_posts
from metalnomist.config import Settings
from metalnomist.models import MAX_STORED_INT, Comment, DateSource, Fact, Post
from metalnomist.pipeline import (
    MAX_AUTHOR_CHARS,
    counted_in_full,
    explain_no_facts,
    find_facts,
    get_post,
    post_comment,
)
from metalnomist.search.service import MAX_LIMIT, SearchRequest, search
from metalnomist.store.facts import SortColumn
from metalnomist.web.data import NoNul, fact_filter
from metalnomist.web.render import archive_of, label_url
from metalnomist.web.security import client_address

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"Results per page, 1 to {MAX_LIMIT}.")]
Offset = Annotated[int, Query(ge=0, le=1_000_000, description="How many results to skip.")]
Match = Annotated[Literal["all", "any"] | None, Query(
    description="`all`: only posts with every word; `any`: one relevance ranking of posts with any word. "
                "Without it, posts with every word come first, then posts with some of them.")]
PostId = Annotated[int, Path(ge=1, description="The post's numeric id.")]


class SearchResult(BaseModel):
    rank: int
    id: int
    title: str
    url: str = Field(description="The permalink on this site.")
    source_url: str | None = Field(description="Where the post was ingested from, or null.")
    published: datetime | None
    labels: list[str]
    score: float
    snippet: str = Field(description="HTML: escaped text with <mark> around matched words.")
    missing: list[str] = Field(description="The query's words this post lacks (empty when it has every word).")


class SearchResponse(BaseModel):
    query: str
    sort: Literal["relevance", "date"]
    total: int
    every_word: int = Field(description="How many of `total` contain every word; they come first.")
    suggestion: str | None = Field(description="A corrected query, when a typo was tolerated.")
    results: list[SearchResult]


class PostSummary(BaseModel):
    id: int
    title: str
    url: str
    source_url: str | None
    published: datetime | None
    date_source: DateSource | None = Field(
        description="What dated the post: `feed` (its feed or JSONL entry), `html` (the page's metadata), `url`, "
        "`dateline` (the body's first lines), or `ingest` (nothing did: `published` is null and `created`, when "
        "it was stored, stands in). Null for dated posts stored before this was kept."
    )
    created: datetime | None
    labels: list[str]
    comment_count: int


class PostList(BaseModel):
    total: int
    limit: int
    offset: int
    posts: list[PostSummary]


class BlockOut(BaseModel):
    kind: Literal["heading", "paragraph"]
    text: str


class CommentOut(BaseModel):
    id: int | None
    author: str
    body: str
    published: datetime | None


class PostDetail(PostSummary):
    source: str | None
    blocks: list[BlockOut]
    body: str
    comments: list[CommentOut]


class LabelOut(BaseModel):
    name: str
    count: int
    url: str


class LabelList(BaseModel):
    labels: list[LabelOut]


class CommentList(BaseModel):
    post_id: int
    comments: list[CommentOut]


class CommentIn(BaseModel):
    """The lengths the server accepts are written into the schema by `with_server_limits`; these only bound parsing."""

    author: str = Field(max_length=10_000, description="The commenter's name.")
    body: str = Field(max_length=100_000, description="Plain text; blank lines separate paragraphs.")


class ErrorDetail(BaseModel):
    status: int
    code: str = Field(description="Machine-readable: not_found, invalid_input, invalid_parameter, rate_limited …")
    message: str = Field(description="What was wrong and how to fix it.")
    field: str | None = Field(None, description="The one input field to blame, when there is one.")


class ErrorOut(BaseModel):
    """Every error the API answers has this one shape."""

    error: ErrorDetail


ERROR_MEANINGS: dict[int, str] = {
    400: "A field is unacceptable (`invalid_input`), e.g. an empty comment or a name over the limit.",
    401: "No valid API token was sent (`unauthorized`); nothing was changed.",
    404: "No such post (`not_found`).",
    413: "The request body, or an uploaded file, is too large (`too_large`).",
    415: "The body is not of the type the route takes (`unsupported_media_type`): JSON sent without "
         "`Content-Type: application/json`, or an upload that is not a JPEG, PNG, GIF or WebP image.",
    422: "A parameter or body field has the wrong type or range (`invalid_parameter`).",
    429: "Too many comments from this client in the last hour (`rate_limited`).",
    503: "The database is unreachable (`store_unavailable`); try again shortly.",
}


def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI entries for the error answers a route gives, in the one error shape."""
    return {status: {"model": ErrorOut, "description": ERROR_MEANINGS[status]} for status in (*statuses, 422, 503)}


def with_server_limits(schema: dict[str, Any], settings: Settings) -> dict[str, Any]:
    """The comment lengths the server enforces (one of them a setting) as the schema's maxLength."""
    fields = schema.get("components", {}).get("schemas", {}).get("CommentIn", {}).get("properties", {})
    if fields:
        fields["author"]["maxLength"] = MAX_AUTHOR_CHARS
        fields["body"]["maxLength"] = settings.comment_max_chars
    return schema


class CommentCreated(BaseModel):
    status: Literal["published", "pending"] = Field(description="`pending` while moderation holds it.")
    comment: CommentOut


class UnmatchedOut(BaseModel):
    field: str
    value: str
    nearest: list[str] = Field(description="Stored values closest to the one asked for.")
    message: str


class FactList(BaseModel):
    total: int = Field(description="How many facts match, counted up to 1,000 or just past this page, "
                                   "whichever is further; `total_exact` says whether more match.")
    total_exact: bool = Field(True, description="`false` when the count stopped: at least `total` facts match.")
    limit: int
    offset: int
    facts: list[Fact] = Field(description="Reported figures; each field is described in shared/spec/facts.md.")
    unmatched: list[UnmatchedOut] = Field(
        default_factory=list, description="When nothing matches: each filter value no fact has, and what to try.")


def _summary(post: Post) -> PostSummary:
    assert post.id is not None and post.permalink is not None
    return PostSummary(id=post.id, title=post.title, url=post.permalink, source_url=post.url,
                       published=post.published, date_source=post.date_source, created=post.created,
                       labels=list(post.labels), comment_count=post.comment_count or 0)


def _comment(comment: Comment) -> CommentOut:
    return CommentOut(id=comment.id, author=comment.author, body=comment.body, published=comment.published)


SearchText = Annotated[str, Query(description="The query: words, `\"exact phrases\"`, `-excluded` words, "
                                               "`a OR b`; empty with a `label` lists that label's posts.")]
ByDate = Annotated[bool, Query(alias="by-date", description="`true` for newest first; relevance order otherwise.")]


WHOLE = " (whole value, any case)."
Commodity = Annotated[NoNul | None, Query(description="Only facts of this commodity, e.g. `palladium`" + WHOLE)]
Metric = Annotated[NoNul | None, Query(description="Only facts of this metric, e.g. `imports`" + WHOLE)]
Country = Annotated[NoNul | None, Query(description="Only facts about this country, e.g. `Japan`" + WHOLE)]
Partner = Annotated[NoNul | None, Query(description="Only trade with this partner, e.g. `Australia`" + WHOLE)]
Company = Annotated[NoNul | None, Query(description="Only facts about this company, e.g. `Toyota`" + WHOLE)]
Period = Annotated[NoNul | None, Query(description="Only this period, e.g. `2024`, `2024-03`, `2024-Q2`" + WHOLE)]
Source = Annotated[NoNul | None, Query(description="Only figures credited to this body, e.g. `METI`" + WHOLE)]


def api_search(request: Request, q: SearchText = "", by_date: ByDate = False,
               label: Annotated[list[str] | None, Query(description="Only posts with this label (repeatable).")]
               = None, limit: Limit = 10, offset: Offset = 0, match: Match = None) -> SearchResponse:
    """Search the archive: posts with every word first, then posts with some of them by relevance
    (`match=all` or `match=any` to ask otherwise); or newest first with `by-date=true`, every word required."""
    archive = archive_of(request)
    sort: Literal["relevance", "date"] = "date" if by_date else "relevance"
    page = search(archive.store, archive.index,
                  SearchRequest(q, sort, tuple(label or ()), limit, offset, match or "best"))
    return SearchResponse(query=page.query, sort=page.sort, total=page.total, every_word=page.every_word,
                          suggestion=page.suggestion, results=[SearchResult(**h.fields()) for h in page.hits])


def api_posts(request: Request, limit: Limit = 10, offset: Offset = 0,
              label: Annotated[NoNul | None, Query(description="Only posts with this label, e.g. `Iron Ore`.")]
              = None) -> PostList:
    """Posts newest first, optionally of one label."""
    posts, total = latest_posts(archive_of(request), offset, limit, label)
    return PostList(total=total, limit=limit, offset=offset, posts=[_summary(p) for p in posts])


def api_post(request: Request, post_id: PostId) -> PostDetail:
    """One post with its body blocks and approved comments."""
    archive = archive_of(request)
    post = get_post(archive, post_id)
    comments = comments_on(archive, post_id)
    summary = _summary(post)
    return PostDetail(**summary.model_dump(), source=post.source, body=post.body,
                      blocks=[BlockOut(kind=b.kind, text=b.text) for b in post.blocks],
                      comments=[_comment(c) for c in comments])


def api_labels(request: Request) -> LabelList:
    """Every label with how many posts carry it, alphabetically."""
    return LabelList(labels=[LabelOut(name=n, count=c, url=label_url(n)) for n, c in label_counts(archive_of(request))])


def api_comments(request: Request, post_id: PostId) -> CommentList:
    """A post's approved comments, oldest first."""
    archive = archive_of(request)
    get_post(archive, post_id)  # a missing post is a 404, not an empty list
    comments = comments_on(archive, post_id)
    return CommentList(post_id=post_id, comments=[_comment(c) for c in comments])


def api_facts(request: Request, commodity: Commodity = None, metric: Metric = None, country: Country = None,
              partner: Partner = None, company: Company = None, period: Period = None, source: Source = None,
              post_id: Annotated[int | None, Query(ge=1, le=MAX_STORED_INT, description="Only the facts of this post.")]
              = None,
              q: Annotated[NoNul | None, Query(description="Words in the sentence or the post title.")] = None,
              limit: Limit = 10, offset: Offset = 0,
              sort: Annotated[SortColumn | None, Query(description="Column to sort by; reading order when absent.")]
              = None,
              direction: Annotated[Literal["asc", "desc"], Query(alias="dir", description="Sort direction.")] = "asc",
              ) -> FactList:
    """Extracted market facts; filters match whole values, case-insensitively."""
    flt = fact_filter(commodity, metric, country, partner, company, period, source, q, post_id)  # as /data reads them
    archive = archive_of(request)
    found, total = find_facts(archive, flt, offset, limit, sort, direction == "desc")
    unmatched = explain_no_facts(archive, flt, request.app.state.fact_menus.get().names) if not total else []
    return FactList(total=total, total_exact=counted_in_full(total, offset, limit), limit=limit, offset=offset,
                    facts=found,
                    unmatched=[UnmatchedOut(field=u.field, value=u.value, nearest=list(u.nearest), message=u.message)
                               for u in unmatched])


def require_json(request: Request) -> None:
    """JSON only: a cross-site HTML form cannot send application/json without a CORS preflight."""
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media_type != "application/json":
        raise HTTPException(415, "send the comment as JSON with Content-Type: application/json")


def api_add_comment(request: Request, post_id: PostId, payload: CommentIn,
                    _json: Annotated[None, Depends(require_json)] = None) -> CommentCreated:
    """Add a reader's comment; validation, rate limit and moderation are the same as the form's."""
    client = client_address(request, request.app.state.settings.trusted_networks())
    comment = post_comment(archive_of(request), post_id, payload.author, payload.body, client)
    return CommentCreated(status="published" if comment.approved else "pending", comment=_comment(comment))
