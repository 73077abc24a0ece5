"""Contradictions found when facts change, and a facts revision for caches of what all facts make.

Revision ID: 0005
Revises: 0004

Listing contradictions used to group every dated fact per request (seconds at 20,000 posts).
Facts now carry their case-folded series key, the pairs live in their own table, and the
archive's existing facts are keyed and paired here, once.
"""

import uuid

import sqlalchemy as sa
from alembic import op

from metalnomist.store.contradictions import rebuild_contradictions
from metalnomist.store.revision import KEY
from metalnomist.store.schema import contradictions, facts

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("facts", sa.Column("series_key", sa.String(700)))
    op.create_index("ix_facts_series_key", "facts", ["series_key"])
    op.create_table(
        "contradictions",
        sa.Column("first_fact_id", sa.Integer, sa.ForeignKey("facts.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("second_fact_id", sa.Integer, sa.ForeignKey("facts.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("commodity", sa.String(120), nullable=False),
        sa.Column("metric", sa.String(40), nullable=False),
        sa.Column("period", sa.String(40), nullable=False),
    )
    op.create_index("ix_contradictions_order", "contradictions",
                    ["commodity", "metric", "period", "first_fact_id", "second_fact_id"])
    op.create_index("ix_contradictions_second", "contradictions", ["second_fact_id"])
    op.execute(sa.text("INSERT INTO archive_meta (key, value) VALUES (:key, :value)")
               .bindparams(key=KEY, value=uuid.uuid4().hex))
    rebuild_contradictions(op.get_bind(), fact_table=facts, pair_table=contradictions)  # tables until 0006


def downgrade() -> None:
    op.drop_table("contradictions")
    op.drop_index("ix_facts_series_key", "facts")
    with op.batch_alter_table("facts") as batch:
        batch.drop_column("series_key")
