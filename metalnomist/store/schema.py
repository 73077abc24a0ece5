"""The tables, as SQLAlchemy Core metadata. Migrations create them; the store modules read and write them."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()


def as_utc(value: datetime | None) -> datetime | None:
    """SQLite hands back naive datetimes; everything we store is UTC."""
    if value is None:
        return None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)

posts = Table(
    "posts",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("key", String(600), nullable=False, unique=True),
    Column("permalink", String(300), nullable=False, unique=True),
    Column("title", Text, nullable=False),
    Column("blocks", JSON, nullable=False),
    Column("body", Text, nullable=False),
    Column("url", Text),
    Column("published", DateTime(timezone=True)),
    Column("created", DateTime(timezone=True), nullable=False),
    Column("updated", DateTime(timezone=True), nullable=False),
    Column("source", Text),
    Column("date_source", String(10)),  # models.DateSource; NULL for dated posts stored before it was kept
    Column("comment_count", Integer),
    Column("extra", JSON, nullable=False),
    Column("content_hash", String(64), nullable=False),
    # models.PostStatus: only 'published' posts reach readers (pages, feeds, search, API, facts)
    Column("status", String(10), nullable=False, server_default="published"),
    Column("publish_at", DateTime(timezone=True)),  # when a 'scheduled' post publishes itself
)
Index("ix_posts_published", posts.c.published)
Index("ix_posts_status_publish_at", posts.c.status, posts.c.publish_at)
# Listings ask for published posts newest first: without it a page sorts every published post.
Index("ix_posts_status_published", posts.c.status, posts.c.published, posts.c.id)

post_labels = Table(
    "post_labels",
    metadata,
    Column("post_id", Integer, ForeignKey("posts.id", ondelete="CASCADE"), primary_key=True),
    Column("label", String(200), primary_key=True),
    Column("position", Integer, nullable=False),
)
Index("ix_post_labels_label", post_labels.c.label)

comments = Table(
    "comments",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("post_id", Integer, ForeignKey("posts.id", ondelete="CASCADE"), nullable=False),
    Column("author", String(200), nullable=False),
    Column("body", Text, nullable=False),
    Column("published", DateTime(timezone=True)),
    Column("approved", Boolean, nullable=False),
    Column("origin", String(20), nullable=False),
    Column("client", String(64)),
)
Index("ix_comments_post", comments.c.post_id)

facts = Table(
    "facts",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("post_id", Integer, ForeignKey("posts.id", ondelete="CASCADE"), nullable=False),
    Column("sentence", Text, nullable=False),
    Column("sentence_start", Integer),
    Column("value", Float),
    Column("value_max", Float),
    Column("unit", String(40)),
    Column("change_pct", Float),
    Column("change_pp", Float),
    Column("change_basis", String(10)),
    Column("metric", String(40), nullable=False),
    Column("commodity", String(120)),
    Column("country", String(120)),
    Column("partner", String(120)),
    Column("company", String(200)),
    Column("period", String(40)),
    Column("forecast", Boolean, nullable=False),
    Column("source", String(200)),
    Column("bound", String(20)),
    # A dated figure's series and period, case-folded (see store/contradictions.py); NULL for undated facts.
    Column("series_key", String(700)),
)
Index("ix_facts_post", facts.c.post_id)
Index("ix_facts_series", facts.c.commodity, facts.c.metric, facts.c.country)
Index("ix_facts_series_key", facts.c.series_key)

# Pairs of facts from different posts that report one figure differently, kept as facts change.
contradictions = Table(
    "contradictions",
    metadata,
    Column("first_fact_id", Integer, ForeignKey("facts.id", ondelete="CASCADE"), primary_key=True),
    Column("second_fact_id", Integer, ForeignKey("facts.id", ondelete="CASCADE"), primary_key=True),
    Column("commodity", String(120), nullable=False),  # the listing's order: commodity, metric, period
    Column("metric", String(40), nullable=False),
    Column("period", String(40), nullable=False),
)
Index("ix_contradictions_order", contradictions.c.commodity, contradictions.c.metric, contradictions.c.period,
      contradictions.c.first_fact_id, contradictions.c.second_fact_id)
Index("ix_contradictions_second", contradictions.c.second_fact_id)

changes = Table(
    "changes",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("post_id", Integer, nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
)

archive_meta = Table(
    "archive_meta",
    metadata,
    Column("key", String(40), primary_key=True),
    Column("value", Text, nullable=False),
)

users = Table(
    "users",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(80), nullable=False, unique=True),
    Column("password_hash", Text, nullable=False),  # Argon2id, in its own encoded form
    Column("role", String(10), nullable=False),  # models.Role
    Column("active", Boolean, nullable=False),
    Column("created", DateTime(timezone=True), nullable=False),
)

api_tokens = Table(
    "api_tokens",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("user_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("digest", String(64), nullable=False, unique=True),  # SHA-256 of the token, never the token
    Column("created", DateTime(timezone=True), nullable=False),
    Column("revoked", DateTime(timezone=True)),
)

sign_in_failures = Table(
    "sign_in_failures",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("account", String(80), nullable=False),
    Column("client", String(64), nullable=False),  # a keyed fingerprint of the address, not the address
    Column("at", DateTime(timezone=True), nullable=False),
)
Index("ix_sign_in_failures_at", sign_in_failures.c.at)

revisions = Table(
    "revisions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("post_id", Integer, ForeignKey("posts.id", ondelete="CASCADE"), nullable=False),
    Column("saved", DateTime(timezone=True), nullable=False),
    Column("user_id", Integer, ForeignKey("users.id", ondelete="SET NULL")),
    Column("title", Text, nullable=False),
    Column("markdown", Text, nullable=False),
    Column("labels", JSON, nullable=False),
)
Index("ix_revisions_post", revisions.c.post_id)

audit_log = Table(
    "audit_log",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("user_id", Integer, ForeignKey("users.id", ondelete="SET NULL")),
    Column("action", String(40), nullable=False),
    Column("target", String(40), nullable=False),  # "post 12", "comment 7", "user ana"
    Column("detail", Text, nullable=False),
)

media = Table(
    "media",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("digest", String(64), nullable=False, unique=True),  # SHA-256 of the stored bytes: one copy each
    Column("content_type", String(20), nullable=False),
    Column("width", Integer, nullable=False),
    Column("height", Integer, nullable=False),
    Column("data", LargeBinary, nullable=False),  # re-encoded by Pillow, never the uploaded bytes
    Column("created", DateTime(timezone=True), nullable=False),
    Column("user_id", Integer, ForeignKey("users.id", ondelete="SET NULL")),
)
