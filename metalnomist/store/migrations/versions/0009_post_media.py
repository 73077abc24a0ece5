"""Which post uses which image, so an image reaches readers only once a post showing it is published.

A cover used to be named only inside its post's metadata, and /media/ID served every image to
anyone: a draft's cover leaked before its post was out. Covers already set are linked here.

Revision ID: 0009
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    links = op.create_table(
        "post_media",
        sa.Column("post_id", sa.Integer, sa.ForeignKey("post_rows.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("media_id", sa.Integer, sa.ForeignKey("media.id", ondelete="CASCADE"), primary_key=True),
    )
    op.create_index("ix_post_media_media", "post_media", ["media_id"])
    post_rows = sa.table("post_rows", sa.column("id", sa.Integer), sa.column("extra", sa.JSON))
    media = sa.table("media", sa.column("id", sa.Integer))
    connection = op.get_bind()
    stored = set(connection.execute(sa.select(media.c.id)).scalars())
    covers = [{"post_id": row.id, "media_id": (row.extra or {}).get("cover", {}).get("id")}
              for row in connection.execute(sa.select(post_rows.c.id, post_rows.c.extra))]
    found = [link for link in covers if link["media_id"] in stored]
    if found:
        op.bulk_insert(links, found)


def downgrade() -> None:
    op.drop_table("post_media")
