"""The editors' dashboard lists a status's posts most recently changed first from an index.

Revision ID: 0020
Revises: 0019

`desk_posts` orders one status's posts by (updated, id) newest first. Without an index in that
order every page sorted every post of the status: 6.2 s for the published page at a million posts.
"""

from alembic import op

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_posts_status_updated", "post_rows", ["status", "updated", "id"])


def downgrade() -> None:
    op.drop_index("ix_posts_status_updated", "post_rows")
