"""Posts keep where their publication date came from.

Revision ID: 0002
Revises: 0001

Posts stored before this have no record of it: an undated one is marked 'ingest' (its
date is the ingest time, as now); a dated one stays NULL, unknown, rather than guessed.
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("posts", sa.Column("date_source", sa.String(10)))
    op.execute("UPDATE posts SET date_source = 'ingest' WHERE published IS NULL")


def downgrade() -> None:
    with op.batch_alter_table("posts") as batch:
        batch.drop_column("date_source")
