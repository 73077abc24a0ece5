"""One row per disputed figure instead of a row per contradicting pair of its reports.

Revision ID: 0016
Revises: 0015

A figure reported by n posts with differing values stored up to n²/2 pairs: 6,730 rows at 5,000
synthetic posts, 101,031 at 20,000, on course for hundreds of millions at a million, and each
ingest batch compared its facts with every stored report of their figures. Now `disputes` holds
a figure's two most distant reports, found by two seeks of the (series_key, value) index, and
`dispute_queue` the figures to settle after a change (store/contradictions.py). The pairs table,
its view and its retirement go; every figure reported by more than one post is settled here.
"""

import sqlalchemy as sa
from alembic import op

from metalnomist.store.contradictions import rebuild_disputes

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

SHOWN = "(batch IS NULL OR batch NOT IN (SELECT id FROM ingests))"
KEPT = "(retired IS NULL OR retired IN (SELECT id FROM ingests))"


def _series_key_index(*columns: str) -> None:
    op.drop_index("ix_facts_series_key", "fact_rows")
    key = 'series_key COLLATE "C"' if op.get_bind().dialect.name == "postgresql" else "series_key"
    op.execute(f"CREATE INDEX ix_facts_series_key ON fact_rows ({', '.join((key, *columns))})")


def upgrade() -> None:
    op.execute("DROP VIEW contradictions")
    op.drop_table("contradiction_rows")
    _series_key_index("value")
    op.create_table(
        "disputes",
        sa.Column("series_key", sa.String(700), primary_key=True),
        sa.Column("commodity", sa.String(120), nullable=False),
        sa.Column("metric", sa.String(40), nullable=False),
        sa.Column("period", sa.String(40), nullable=False),
        sa.Column("first_fact_id", sa.Integer, sa.ForeignKey("fact_rows.id", ondelete="CASCADE"), nullable=False),
        sa.Column("second_fact_id", sa.Integer, sa.ForeignKey("fact_rows.id", ondelete="CASCADE"), nullable=False),
    )
    op.create_index("ix_disputes_order", "disputes", ["commodity", "metric", "period", "series_key"])
    op.create_index("ix_disputes_first", "disputes", ["first_fact_id"])
    op.create_index("ix_disputes_second", "disputes", ["second_fact_id"])
    op.create_table(
        "dispute_queue",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("series_key", sa.String(700), nullable=False),
        sa.Column("batch", sa.Integer),
    )
    op.create_index("ix_dispute_queue_batch", "dispute_queue", ["batch"])
    rebuild_disputes(op.get_bind())


def downgrade() -> None:
    """Back to pairs, empty: 0015's code finds the pairs of facts as they change from then on."""
    op.drop_table("dispute_queue")
    op.drop_table("disputes")
    _series_key_index()
    op.create_table(
        "contradiction_rows",
        sa.Column("first_fact_id", sa.Integer, sa.ForeignKey("fact_rows.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("second_fact_id", sa.Integer, sa.ForeignKey("fact_rows.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("commodity", sa.String(120), nullable=False),
        sa.Column("metric", sa.String(40), nullable=False),
        sa.Column("period", sa.String(40), nullable=False),
        sa.Column("batch", sa.Integer),
        sa.Column("retired", sa.Integer),
    )
    op.create_index("ix_contradictions_order", "contradiction_rows",
                    ["commodity", "metric", "period", "first_fact_id", "second_fact_id"])
    op.create_index("ix_contradictions_second", "contradiction_rows", ["second_fact_id"])
    op.create_index("ix_contradiction_rows_retired", "contradiction_rows", ["retired"])
    op.execute(f"CREATE VIEW contradictions AS SELECT * FROM contradiction_rows WHERE {SHOWN} AND {KEPT}")
