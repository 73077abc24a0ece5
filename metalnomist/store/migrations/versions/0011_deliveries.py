"""Deliveries of watches: email and webhook settings per watch, the outbox, and the log of attempts.

Revision ID: 0011
Revises: 0010
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("watches") as batch:
        batch.add_column(sa.Column("email_to", sa.String(320)))
        batch.add_column(sa.Column("email_every", sa.String(12)))
        batch.add_column(sa.Column("webhook_url", sa.Text))
        batch.add_column(sa.Column("webhook_secret", sa.String(64)))
        batch.add_column(sa.Column("webhook_disabled", sa.Text))
    op.create_table(
        "deliveries",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("watch_id", sa.Integer, sa.ForeignKey("watches.id", ondelete="CASCADE"), nullable=False),
        sa.Column("post_id", sa.Integer, sa.ForeignKey("post_rows.id", ondelete="CASCADE"), nullable=False),
        sa.Column("channel", sa.String(10), nullable=False),
        sa.Column("due", sa.DateTime(timezone=True), nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("sent", sa.DateTime(timezone=True)),
        sa.Column("gave_up", sa.DateTime(timezone=True)),
        sa.UniqueConstraint("watch_id", "post_id", "channel", name="uq_deliveries_once"),
    )
    op.create_index("ix_deliveries_pending", "deliveries", ["sent", "due"])
    op.create_table(
        "delivery_log",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("watch_id", sa.Integer, sa.ForeignKey("watches.id", ondelete="CASCADE"), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("channel", sa.String(10), nullable=False),
        sa.Column("posts", sa.Integer, nullable=False),
        sa.Column("ok", sa.Boolean, nullable=False),
        sa.Column("detail", sa.Text, nullable=False),
    )
    op.create_index("ix_delivery_log_watch", "delivery_log", ["watch_id", "at"])


def downgrade() -> None:
    op.drop_table("delivery_log")
    op.drop_table("deliveries")
    with op.batch_alter_table("watches") as batch:
        for name in ("webhook_disabled", "webhook_secret", "webhook_url", "email_every", "email_to"):
            batch.drop_column(name)
