"""An index for listings: published posts newest first.

Revision ID: 0006
Revises: 0005

Since posts have a status, a listing asks for `status = 'published'` in date order; the status
index answered the filter and every published post was sorted per page (SQLite: a temporary
B-tree of the whole archive). This one serves filter, order and count together.
"""

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_posts_status_published", "posts", ["status", "published", "id"])


def downgrade() -> None:
    op.drop_index("ix_posts_status_published", "posts")
