"""Indexes for pages of facts: reading order, each filter followed by it, and series as one key range.

Revision ID: 0014
Revises: 0013

A page of /api/facts, /data.csv or /data.json joined every post to every fact, sorted the lot
and counted it (seconds at 20,000 posts), and a series read its commodity's every fact. Now a
page walks one index in reading order and stops after it: `(post_id, sentence_start, id)`, or
a filter's value followed by that order (the commodity as stored, the others lower-cased as
they are compared). The `facts` view tests `retired` through `+`, which SQLite may not answer
from an index: its index of retired rows otherwise looked like the cheapest way into the view
and every page started by reading all facts. A series is one range of `series_key`; on
PostgreSQL that index orders by code point (COLLATE "C"), as the key's control-character
separator needs whatever the database's collation.
"""

from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

SHOWN = "(batch IS NULL OR batch NOT IN (SELECT id FROM ingests))"
KEPT = "(retired IS NULL OR retired IN (SELECT id FROM ingests))"
READING = ["post_id", "sentence_start", "id"]
LOWERED = ("metric", "country", "partner", "company", "period", "source")


def _facts_view(kept: str) -> None:
    op.execute("DROP VIEW facts")
    op.execute(f"CREATE VIEW facts AS SELECT * FROM fact_rows WHERE {SHOWN} AND {kept}")


def _series_key_index(collation: str) -> None:
    op.drop_index("ix_facts_series_key", "fact_rows")
    op.execute(f"CREATE INDEX ix_facts_series_key ON fact_rows (series_key {collation})")


def upgrade() -> None:
    _facts_view(KEPT.replace("retired", "+retired"))
    op.drop_index("ix_facts_post", "fact_rows")
    op.drop_index("ix_facts_series", "fact_rows")
    op.create_index("ix_facts_reading", "fact_rows", READING)
    op.create_index("ix_facts_commodity", "fact_rows", ["commodity", *READING])
    for name in LOWERED:
        op.execute(f"CREATE INDEX ix_facts_{name} ON fact_rows (lower({name}), {', '.join(READING)})")
    if op.get_bind().dialect.name == "postgresql":
        _series_key_index('COLLATE "C"')


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        _series_key_index("")
    for name in LOWERED:
        op.drop_index(f"ix_facts_{name}", "fact_rows")
    op.drop_index("ix_facts_commodity", "fact_rows")
    op.drop_index("ix_facts_reading", "fact_rows")
    op.create_index("ix_facts_series", "fact_rows", ["commodity", "metric", "country"])
    op.create_index("ix_facts_post", "fact_rows", ["post_id"])
    _facts_view(KEPT)
