"""An archive identity: a random id made with the database, so an index can tell archives apart.

Two archives can have the same number of changes; a search index built from one must not
answer for the other when the database file is swapped under it.

Revision ID: 0003
Revises: 0002
"""

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    table = op.create_table(
        "archive_meta",
        sa.Column("key", sa.String(40), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )
    op.bulk_insert(table, [{"key": "identity", "value": uuid.uuid4().hex}])


def downgrade() -> None:
    op.drop_table("archive_meta")
