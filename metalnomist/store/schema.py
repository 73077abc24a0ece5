"""The tables, as SQLAlchemy Core metadata. Migrations create them; the store modules read and write them."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

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
    UniqueConstraint,
    func,
)

from metalnomist.models import FACT_FILTERS

metadata = MetaData()


def as_utc(value: datetime | None) -> datetime | None:
    """SQLite hands back naive datetimes; everything we store is UTC."""
    if value is None:
        return None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)

# Each archive table is stored as `<name>_rows` and read through a view of the old name that leaves
# out rows of an ingest still running (`batch` names it in `ingests`): a big file is written in short
# transactions, invisible until one tiny one publishes it (store/ingests.py). Write to the tables,
# read from the views; migration 0006 made them.
visible = MetaData()


def _post_columns() -> list[Column[Any]]:
    return [
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
    ]


def _label_columns(parent: str) -> list[Column[Any]]:
    return [
        Column("post_id", Integer, ForeignKey(f"{parent}.id", ondelete="CASCADE"), primary_key=True),
        Column("label", String(200), primary_key=True),
        Column("position", Integer, nullable=False),
    ]


def _comment_columns(parent: str) -> list[Column[Any]]:
    return [
        Column("id", Integer, primary_key=True),
        Column("post_id", Integer, ForeignKey(f"{parent}.id", ondelete="CASCADE"), nullable=False),
        Column("author", String(200), nullable=False),
        Column("body", Text, nullable=False),
        Column("published", DateTime(timezone=True)),
        Column("approved", Boolean, nullable=False),
        Column("origin", String(20), nullable=False),
        Column("client", String(64)),
    ]


def _fact_columns(parent: str) -> list[Column[Any]]:
    return [
        Column("id", Integer, primary_key=True),
        Column("post_id", Integer, ForeignKey(f"{parent}.id", ondelete="CASCADE"), nullable=False),
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
    ]


def _batch() -> Column[Any]:
    return Column("batch", Integer)  # the ingest that wrote the row: hidden while it is listed in `ingests`


def _retired() -> Column[Any]:
    """The ingest whose new facts replace this row: shown while it runs, hidden once it is published (0013)."""
    return Column("retired", Integer)


post_rows = Table("post_rows", metadata, *_post_columns(), _batch(),
                  # A hidden new version of this stored post, moved onto it when its ingest publishes (0012).
                  Column("replaces", Integer, ForeignKey("post_rows.id", ondelete="CASCADE")))
# The scheduler's due posts (0023): only the few scheduled ones are in it, so an ingest pays nothing for it.
Index("ix_posts_scheduled", post_rows.c.status, post_rows.c.publish_at, post_rows.c.id,
      sqlite_where=post_rows.c.status == "scheduled", postgresql_where=post_rows.c.status == "scheduled")
# Listings ask for published posts newest first: without it a page sorts every published post. On PostgreSQL,
# which sorts NULL above every date, it is (status, published DESC NULLS LAST, id DESC) instead (0018).
Index("ix_posts_status_published", post_rows.c.status, post_rows.c.published, post_rows.c.id)
Index("ix_posts_status_updated", post_rows.c.status, post_rows.c.updated, post_rows.c.id)  # the desk's order (0020)
Index("ix_post_rows_batch", post_rows.c.batch)
# Stand-ins only on SQLite (0019): with every shown post in it, SQLite walked it for the view's `replaces IS NULL`.
Index("ix_post_rows_replaces", post_rows.c.replaces, sqlite_where=post_rows.c.replaces.is_not(None))
label_rows = Table("label_rows", metadata, *_label_columns("post_rows"), _batch())
# Counting a label's shown rows, and finding its posts, read this index alone (0021).
Index("ix_label_rows_label", label_rows.c.label, label_rows.c.batch, label_rows.c.post_id)
comment_rows = Table("comment_rows", metadata, *_comment_columns("post_rows"), _batch())
Index("ix_comments_post", comment_rows.c.post_id)
fact_rows = Table("fact_rows", metadata, *_fact_columns("post_rows"), _batch(), _retired())
# Reading order, and each filter followed by it, so a page of any one filter is a walk of one index (0014).
READING = (fact_rows.c.post_id, fact_rows.c.sentence_start, fact_rows.c.id)
Index("ix_facts_reading", *READING)
Index("ix_facts_commodity", fact_rows.c.commodity, *READING)  # exact spellings: store/facts.commodity_spellings
for _name in FACT_FILTERS[1:]:  # filtered case-insensitively, unlike the commodity
    Index(f"ix_facts_{_name}", func.lower(fact_rows.c[_name]), *READING)
# The explorer's sorts by value and period, each way: unknown values last, ties in reading order (0015).
for _name in ("value", "period"):
    _column = fact_rows.c[_name]
    Index(f"ix_facts_by_{_name}_asc", _column.is_(None), _column.asc(), *READING)
    Index(f"ix_facts_by_{_name}_desc", _column.is_(None), _column.desc(), *READING)
Index("ix_fact_rows_retired", fact_rows.c.retired)
# A figure's reports by value, ties by fact, so its extremes are a seek each (store/contradictions.py, 0017);
# PostgreSQL's orders the key by code point (COLLATE "C", 0014), as a series' key range needs.
Index("ix_facts_series_key", fact_rows.c.series_key, fact_rows.c.value, fact_rows.c.id)
# One row per disputed figure (series key and period): its two most distant reports (0016).
disputes = Table(
    "disputes",
    metadata,
    Column("series_key", String(700), primary_key=True),
    Column("commodity", String(120), nullable=False),  # the listing's order: commodity, metric, period
    Column("metric", String(40), nullable=False),
    Column("period", String(40), nullable=False),
    Column("first_fact_id", Integer, ForeignKey("fact_rows.id", ondelete="CASCADE"), nullable=False),
    Column("second_fact_id", Integer, ForeignKey("fact_rows.id", ondelete="CASCADE"), nullable=False),
)
Index("ix_disputes_order", disputes.c.commodity, disputes.c.metric, disputes.c.period, disputes.c.series_key)
Index("ix_disputes_first", disputes.c.first_fact_id)
Index("ix_disputes_second", disputes.c.second_fact_id)
# Figures whose facts changed, to settle: at once, or when their ingest (`batch`) is published.
dispute_queue = Table(
    "dispute_queue",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("series_key", String(700), nullable=False),
    Column("batch", Integer),
)
Index("ix_dispute_queue_batch", dispute_queue.c.batch)

posts = Table("posts", visible, *_post_columns())
post_labels = Table("post_labels", visible, *_label_columns("posts"))
comments = Table("comments", visible, *_comment_columns("posts"))
facts = Table("facts", visible, *_fact_columns("posts"))

ingests = Table(
    "ingests",
    metadata,
    Column("id", Integer, primary_key=True),  # AUTOINCREMENT: a number is never reused, even after publishing
    Column("pid", Integer, nullable=False),
    Column("host", String(255), nullable=False),
    Column("started", DateTime(timezone=True), nullable=False),
    sqlite_autoincrement=True,
)

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
    Column("post_id", Integer, ForeignKey("post_rows.id", ondelete="CASCADE"), nullable=False),
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

# Which post shows which image: readers get an image only while a post using it is published.
post_media = Table(
    "post_media",
    metadata,
    Column("post_id", Integer, ForeignKey("post_rows.id", ondelete="CASCADE"), primary_key=True),
    Column("media_id", Integer, ForeignKey("media.id", ondelete="CASCADE"), primary_key=True),
)
Index("ix_post_media_media", post_media.c.media_id)

watches = Table(
    "watches",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("user_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("kind", String(10), nullable=False),  # models.WatchKind
    Column("query", Text, nullable=False),  # a search's words ('' for a label-only search or a facts filter)
    Column("labels", JSON, nullable=False),  # a search's labels
    Column("filters", JSON, nullable=False),  # a facts filter: {field: value}
    Column("created", DateTime(timezone=True), nullable=False),
    Column("seen", DateTime(timezone=True), nullable=False),  # the owner's last visit to /watch
    Column("email_to", String(320)),
    Column("email_every", String(12)),  # models.EmailEvery; NULL: no email
    Column("webhook_url", Text),
    Column("webhook_secret", String(64)),
    Column("webhook_disabled", Text),  # why the webhook was stopped; NULL while it works
)
Index("ix_watches_user", watches.c.user_id)

# One row per post a watch matched, written once when the post arrived (watches/matching.py); the
# primary key is what keeps a post from being matched, listed or sent twice for the same watch.
watch_matches = Table(
    "watch_matches",
    metadata,
    Column("watch_id", Integer, ForeignKey("watches.id", ondelete="CASCADE"), primary_key=True),
    Column("post_id", Integer, ForeignKey("post_rows.id", ondelete="CASCADE"), primary_key=True),
    Column("matched", DateTime(timezone=True), nullable=False),
)
Index("ix_watch_matches_matched", watch_matches.c.watch_id, watch_matches.c.matched)

# The outbox: one row per (watch, post, channel) still to send or sent, written with the match in one
# transaction; the unique key keeps any pair from being queued twice. `due` is when to try next
# (a digest's send time, a retry's backoff, or a sender's lease while it sends).
deliveries = Table(
    "deliveries",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("watch_id", Integer, ForeignKey("watches.id", ondelete="CASCADE"), nullable=False),
    Column("post_id", Integer, ForeignKey("post_rows.id", ondelete="CASCADE"), nullable=False),
    Column("channel", String(10), nullable=False),  # models.Channel
    Column("due", DateTime(timezone=True), nullable=False),
    Column("attempts", Integer, nullable=False),
    Column("sent", DateTime(timezone=True)),
    Column("gave_up", DateTime(timezone=True)),  # too many failures: kept for the log, never sent
    UniqueConstraint("watch_id", "post_id", "channel", name="uq_deliveries_once"),
)
Index("ix_deliveries_pending", deliveries.c.sent, deliveries.c.due)

# Every attempt to deliver, per watch: what the owner reads on /watch when a receiver fails.
delivery_log = Table(
    "delivery_log",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("watch_id", Integer, ForeignKey("watches.id", ondelete="CASCADE"), nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("channel", String(10), nullable=False),
    Column("posts", Integer, nullable=False),
    Column("ok", Boolean, nullable=False),
    Column("detail", Text, nullable=False),
)
Index("ix_delivery_log_watch", delivery_log.c.watch_id, delivery_log.c.at)
