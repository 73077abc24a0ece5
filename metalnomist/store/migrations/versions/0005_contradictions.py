"""Contradictions found when facts change, and a facts revision for caches of what all facts make.

Revision ID: 0005
Revises: 0004

Listing contradictions used to group every dated fact per request (seconds at 20,000 posts).
Facts now carry their case-folded series key, and the pairs live in their own table. The archive's
existing facts are keyed here, once; their pairs were found here too until 0016 replaced pairs with
one row per disputed figure, which 0016 fills from every fact.
"""

import uuid

import sqlalchemy as sa
from alembic import op

from metalnomist.store.contradictions import KEY_FIELDS, series_key
from metalnomist.store.revision import KEY

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
    _key_facts(op.get_bind())


def _key_facts(conn: sa.Connection, batch: int = 5000) -> None:
    """Every stored fact's series key, a batch of rows at a time (the table as it is at this revision)."""
    facts = sa.table("facts", sa.column("id"), sa.column("value"), sa.column("series_key"),
                     *(sa.column(name) for name in KEY_FIELDS))
    last = 0
    while True:
        rows = list(conn.execute(sa.select(facts).where(facts.c.id > last).order_by(facts.c.id).limit(batch)))
        if not rows:
            return
        keyed = sa.update(facts).where(facts.c.id == sa.bindparam("fact_id")).values(series_key=sa.bindparam("key"))
        conn.execute(keyed, [{"fact_id": row.id, "key": series_key(row)} for row in rows])
        last = rows[-1].id


def downgrade() -> None:
    op.drop_table("contradictions")
    op.drop_index("ix_facts_series_key", "facts")
    with op.batch_alter_table("facts") as batch:
        batch.drop_column("series_key")
