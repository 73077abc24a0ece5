"""PostgreSQL's listing index in the listings' own order: newest first, undated posts last.

Revision ID: 0018
Revises: 0017

Listings ask for `published DESC NULLS LAST, id DESC` (store/posts.py). SQLite sorts NULL below every
date, so its (status, published, id) index read backwards gives that order. PostgreSQL sorts NULL
above every date: read backwards, the same index lists undated posts first, so every page of the
home page, a label or a month sorted every published post. Rebuilt there in the listings' order.
"""

from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def _listing_index(order: str) -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.drop_index("ix_posts_status_published", "post_rows")
        op.execute(f"CREATE INDEX ix_posts_status_published ON post_rows (status, {order})")


def upgrade() -> None:
    _listing_index("published DESC NULLS LAST, id DESC")


def downgrade() -> None:
    _listing_index("published, id")
