"""Posts, labels, comments, facts and the change log.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "posts",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("key", sa.String(600), nullable=False, unique=True),
        sa.Column("permalink", sa.String(300), nullable=False, unique=True),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("blocks", sa.JSON, nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("url", sa.Text),
        sa.Column("published", TZ),
        sa.Column("created", TZ, nullable=False),
        sa.Column("updated", TZ, nullable=False),
        sa.Column("source", sa.Text),
        sa.Column("comment_count", sa.Integer),
        sa.Column("extra", sa.JSON, nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
    )
    op.create_index("ix_posts_published", "posts", ["published"])
    op.create_table(
        "post_labels",
        sa.Column("post_id", sa.Integer, sa.ForeignKey("posts.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("label", sa.String(200), primary_key=True),
        sa.Column("position", sa.Integer, nullable=False),
    )
    op.create_index("ix_post_labels_label", "post_labels", ["label"])
    op.create_table(
        "comments",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("post_id", sa.Integer, sa.ForeignKey("posts.id", ondelete="CASCADE"), nullable=False),
        sa.Column("author", sa.String(200), nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("published", TZ),
        sa.Column("approved", sa.Boolean, nullable=False),
        sa.Column("origin", sa.String(20), nullable=False),
        sa.Column("client", sa.String(64)),
    )
    op.create_index("ix_comments_post", "comments", ["post_id"])
    op.create_table(
        "facts",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("post_id", sa.Integer, sa.ForeignKey("posts.id", ondelete="CASCADE"), nullable=False),
        sa.Column("sentence", sa.Text, nullable=False),
        sa.Column("sentence_start", sa.Integer),
        sa.Column("value", sa.Float),
        sa.Column("value_max", sa.Float),
        sa.Column("unit", sa.String(40)),
        sa.Column("change_pct", sa.Float),
        sa.Column("change_pp", sa.Float),
        sa.Column("change_basis", sa.String(10)),
        sa.Column("metric", sa.String(40), nullable=False),
        sa.Column("commodity", sa.String(120)),
        sa.Column("country", sa.String(120)),
        sa.Column("partner", sa.String(120)),
        sa.Column("company", sa.String(200)),
        sa.Column("period", sa.String(40)),
        sa.Column("forecast", sa.Boolean, nullable=False),
        sa.Column("source", sa.String(200)),
        sa.Column("bound", sa.String(20)),
    )
    op.create_index("ix_facts_post", "facts", ["post_id"])
    op.create_index("ix_facts_series", "facts", ["commodity", "metric", "country"])
    op.create_table(
        "changes",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("post_id", sa.Integer, nullable=False),
        sa.Column("at", TZ, nullable=False),
    )


def downgrade() -> None:
    for table in ("changes", "facts", "comments", "post_labels", "posts"):
        op.drop_table(table)
