"""The stand-ins' index holds stand-ins only, so SQLite never walks it for every shown post.

Revision ID: 0019
Revises: 0018

The `posts` view keeps rows whose `replaces` IS NULL. SQLite, which keeps no statistics here, took
that for a selective lookup in the (replaces) index: a lookup of 5 or more keys (an ingest asking
which of a batch's posts are stored) walked the index over every post instead of the keys' own
index, 2.6 s per batch at a million posts. Holding only the rows that replace a post, the index
can no longer serve IS NULL; what looks stand-ins up (`replaces > 0`, `= id`, `IN`) still uses it.
PostgreSQL keeps statistics and never made that choice; its plans for the facts' pages walk the
whole index, so it stays as it was there.
"""

from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.drop_index("ix_post_rows_replaces", "post_rows")
        op.execute("CREATE INDEX ix_post_rows_replaces ON post_rows (replaces) WHERE replaces IS NOT NULL")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.drop_index("ix_post_rows_replaces", "post_rows")
        op.create_index("ix_post_rows_replaces", "post_rows", ["replaces"])
