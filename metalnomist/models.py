"""The values every layer passes around. Frozen dataclasses, no I/O."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, fields
from datetime import datetime
from typing import Any, Literal, get_args

BlockKind = Literal["heading", "paragraph"]
# Where a post's `published` came from: the feed or JSONL entry, the page's HTML metadata,
# the URL, a dateline in the body, or nothing ('ingest': published stays None and the
# ingest time stands in for display and sorting only).
DateSource = Literal["feed", "html", "url", "dateline", "ingest"]
DATE_SOURCES: tuple[str, ...] = get_args(DateSource)
COMMENTARY_HEADING = "The Metalnomist Commentary"
# The largest id or count either database stores (an INTEGER column on PostgreSQL is 4 bytes).
MAX_STORED_INT = 2**31 - 1


@dataclass(frozen=True)
class Block:
    """One heading or paragraph of a post body, in reading order."""

    kind: BlockKind
    text: str


@dataclass(frozen=True)
class Comment:
    author: str
    body: str
    published: datetime | None = None
    id: int | None = None
    post_id: int | None = None
    approved: bool = True


@dataclass(frozen=True)
class Post:
    """An article. `url` is where it came from; `key` is its identity across ingests."""

    title: str
    blocks: tuple[Block, ...]
    url: str | None = None
    published: datetime | None = None
    labels: tuple[str, ...] = ()
    source: str | None = None
    comments: tuple[Comment, ...] = ()
    comment_count: int | None = None
    metadata: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)
    id: int | None = None
    permalink: str | None = None
    created: datetime | None = None
    date_source: DateSource | None = None
    updated: datetime | None = field(default=None, compare=False)  # when the store last wrote it

    @property
    def last_changed(self) -> datetime | None:
        """When we last rewrote it (an edit, a changed file, publishing it) or, unchanged since it was stored,
        its publication date: an archive moved here keeps its dates instead of claiming all changed that day."""
        if self.updated is not None and self.created is not None and self.updated > self.created:
            return self.updated
        return self.published or self.created

    @property
    def body(self) -> str:
        """Plain text: headings and paragraphs separated by blank lines."""
        return "\n\n".join(block.text for block in self.blocks)

    def lead(self, length: int) -> str:
        """The first paragraph, cut at a word boundary: enough to decide whether to read on."""
        paragraphs = [b.text for b in self.blocks if b.kind == "paragraph"] or [self.body]
        return cut_at_word(paragraphs[0].strip(), length)

    @property
    def headings(self) -> tuple[str, ...]:
        return tuple(b.text for b in self.blocks if b.kind == "heading")

    @property
    def key(self) -> str:
        """Identity: the source URL when known, else title and publication date."""
        if self.url:
            return "url:" + self.url
        day = self.published.date().isoformat() if self.published else ""
        digest = hashlib.sha256(f"{self.title}\x00{day}".encode()).hexdigest()[:32]
        return "title:" + digest


@dataclass(frozen=True)
class Fact:
    """One reported figure (see ../shared/spec/facts.md for every field's rules)."""

    post: str
    sentence: str
    metric: str
    value: float | None = None
    value_max: float | None = None
    unit: str | None = None
    change_pct: float | None = None
    change_basis: str | None = None
    commodity: str | None = None
    country: str | None = None
    partner: str | None = None
    company: str | None = None
    period: str | None = None
    forecast: bool = False
    source: str | None = None
    change_pp: float | None = None
    bound: str | None = None
    sentence_start: int | None = None
    post_id: int | None = None
    id: int | None = None


# A fact's fields, declared once by Fact; the store, the exports, the API and the explorer derive theirs.
FACT_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Fact))
# facts.md's fields, in its order: the exchange format's columns, before the stored extras.
FACT_SPEC_FIELDS: tuple[str, ...] = ("post", "sentence", "value", "value_max", "unit", "change_pct", "change_basis",
                                     "metric", "commodity", "country", "partner", "company", "period", "forecast",
                                     "source")
FACT_IDS: tuple[str, ...] = ("post_id", "id")  # where the database keeps it, not what was reported
# What analysts filter facts by (a whole value, any case), in the explorer's order.
FACT_FILTERS: tuple[str, ...] = ("commodity", "metric", "country", "partner", "company", "period", "source")


SortOrder = Literal["relevance", "date"]
# "best": posts with every word first, then posts with some of them by BM25 (the default, as
# Meilisearch's matchingStrategy relaxes a query); "all": every word required (date order always);
# "any": one BM25 disjunction. `+required`, `-excluded` and "phrases" bind in all three.
MatchMode = Literal["best", "all", "any"]


def cut_at_word(text: str, length: int) -> str:
    if len(text) <= length:
        return text
    return text[:length].rsplit(" ", 1)[0].rstrip(",;:") + "…"


LEAD_KEPT = 600  # characters of a post's lead a card keeps: more than any listing shows


@dataclass(frozen=True)
class PostCard:
    """What a list of hits shows of a post (link, date, labels, comment count, lead), as the search index
    stores it, so a page of results is built without reading the posts."""

    id: int
    title: str
    permalink: str
    url: str | None = None
    published: datetime | None = None
    created: datetime | None = None
    date_source: DateSource | None = None
    labels: tuple[str, ...] = ()
    comment_count: int = 0
    opening: str = ""  # the post's lead, cut at LEAD_KEPT

    @classmethod
    def of(cls, post: Post) -> PostCard:
        assert post.id is not None and post.permalink is not None, "only stored posts have cards"
        return cls(post.id, post.title, post.permalink, post.url, post.published, post.created, post.date_source,
                   post.labels, post.comment_count or 0, post.lead(LEAD_KEPT))

    def lead(self, length: int) -> str:
        """As Post.lead, for any length up to LEAD_KEPT."""
        return cut_at_word(self.opening, length)


@dataclass(frozen=True)
class SearchHit:
    rank: int
    post: PostCard
    score: float
    snippet: str
    missing: tuple[str, ...] = ()  # the query's words this hit lacks, as typed ("Missing: JAIA")

    def fields(self) -> dict[str, Any]:
        """What every face reports of a hit (the API's result, the CLI's JSON line), named once."""
        post = self.post
        return {"rank": self.rank, "id": post.id, "title": post.title, "url": post.permalink, "source_url": post.url,
                "published": post.published, "labels": list(post.labels), "score": self.score,
                "snippet": self.snippet, "missing": list(self.missing)}


@dataclass(frozen=True)
class SearchPage:
    """One page of results plus what produced them."""

    query: str
    sort: SortOrder
    total: int
    offset: int
    limit: int
    hits: tuple[SearchHit, ...]
    suggestion: str | None = None
    every_word: int = 0  # of `total`, the posts that contain every word; the rest contain some of them


@dataclass(frozen=True)
class IngestReport:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    kept: int = 0  # posts edited on the desk since their import, of which the file had another version
    facts: int = 0
    files: int = 0


# Editors manage posts and comments; admins also manage accounts. Readers need no account.
Role = Literal["editor", "admin"]
ROLES: tuple[str, ...] = get_args(Role)
# Only 'published' posts reach readers; 'scheduled' ones publish themselves at their publish_at.
PostStatus = Literal["draft", "scheduled", "published", "trash"]
POST_STATUSES: tuple[str, ...] = get_args(PostStatus)


@dataclass(frozen=True)
class User:
    """An account that signs in to /admin or sends API tokens. The password hash never leaves the store layer
    except to be verified."""

    id: int
    name: str
    role: Role
    active: bool
    password_hash: str = field(repr=False)


@dataclass(frozen=True)
class DeskPost:
    """A post as its editors see it: any status, its Markdown source, and the address it keeps once published."""

    id: int
    title: str
    markdown: str
    labels: tuple[str, ...]
    status: PostStatus
    publish_at: datetime | None
    permalink: str | None  # None until the first publication fixes it
    published: datetime | None
    updated: datetime
    cover: dict[str, Any] | None = field(default=None, hash=False, compare=False)  # id, alt, width, height


@dataclass(frozen=True)
class Revision:
    """One save of a post: kept for every save, restorable."""

    id: int
    post_id: int
    saved: datetime
    author: str | None  # the account that saved it, None when it has since been removed
    title: str
    markdown: str
    labels: tuple[str, ...]


@dataclass(frozen=True)
class AuditEntry:
    at: datetime
    user: str | None
    action: str
    target: str
    detail: str


WatchKind = Literal["search", "facts"]
EmailEvery = Literal["immediately", "daily", "weekly"]
EMAIL_EVERY: tuple[str, ...] = get_args(EmailEvery)
Channel = Literal["email", "webhook"]


@dataclass(frozen=True)
class Watch:
    """A search (words and labels, as the search feed reads them) or a facts filter a signed-in user
    follows; `seen` is when they last opened /watch, so what matched after it is new to them."""

    id: int
    user_id: int
    kind: WatchKind
    query: str
    labels: tuple[str, ...]
    filters: tuple[tuple[str, str], ...]  # (facts filter field, value), for kind "facts"
    created: datetime
    seen: datetime
    email_to: str | None = None  # where digests of new matches go, `email_every`
    email_every: EmailEvery | None = None
    webhook_url: str | None = None  # receives a signed JSON POST of new matches
    webhook_secret: str | None = None  # the HMAC-SHA256 key of those POSTs, shown to the owner only
    webhook_disabled: str | None = None  # why the webhook stopped (repeated failures); None while it works

    def channels(self) -> tuple[Channel, ...]:
        """Where new matches of this watch are delivered, besides /watch."""
        email: tuple[Channel, ...] = ("email",) if self.email_to and self.email_every else ()
        return email + (("webhook",) if self.webhook_url and not self.webhook_disabled else ())

    @property
    def title(self) -> str:
        if self.kind == "facts":
            return "Figures: " + ", ".join(f"{name} {value.replace('_', ' ')}" for name, value in self.filters)
        labels = f" with label {', '.join(self.labels)}" if self.labels else ""
        return (f"Search: {self.query}{labels}" if self.query else f"Posts{labels}")
