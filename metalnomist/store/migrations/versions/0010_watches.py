"""Watches: saved searches and facts filters of signed-in users, and the posts each has matched.

Revision ID: 0010
Revises: 0009
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "watches",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("query", sa.Text, nullable=False),
        sa.Column("labels", sa.JSON, nullable=False),
        sa.Column("filters", sa.JSON, nullable=False),
        sa.Column("created", sa.DateTime(timezone=True), nullable=False),
        sa.Column("seen", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_watches_user", "watches", ["user_id"])
    op.create_table(
        "watch_matches",
        sa.Column("watch_id", sa.Integer, sa.ForeignKey("watches.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("post_id", sa.Integer, sa.ForeignKey("post_rows.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("matched", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_watch_matches_matched", "watch_matches", ["watch_id", "matched"])
    # Where matching starts in the change log: what was logged before watches existed is no one's news.
    op.execute("INSERT INTO archive_meta (key, value) SELECT 'watch_seq', CAST(COALESCE(MAX(seq), 0) AS TEXT) "
               "FROM changes")


def downgrade() -> None:
    op.execute("DELETE FROM archive_meta WHERE key = 'watch_seq'")
    op.drop_table("watch_matches")
    op.drop_table("watches")
