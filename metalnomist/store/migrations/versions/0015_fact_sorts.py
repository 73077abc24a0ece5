"""Indexes for the explorer's sorts by value and by period, in both directions.

Revision ID: 0015
Revises: 0014

A page sorted by a column put unknown values last and broke ties in reading order, which no index
held: every matching fact was read and sorted for ten rows. These hold exactly that order
(`value IS NULL`, the value either way, then reading order), so such a page is a walk of one
index, as a page in reading order is since 0014. Other columns still sort what matches.
"""

from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

SORTED = ("value", "period")
READING = "post_id, sentence_start, id"


def upgrade() -> None:
    for column in SORTED:
        for direction in ("asc", "desc"):
            op.execute(f"CREATE INDEX ix_facts_by_{column}_{direction} ON fact_rows "
                       f"(({column} IS NULL), {column} {direction.upper()}, {READING})")


def downgrade() -> None:
    for column in SORTED:
        for direction in ("asc", "desc"):
            op.drop_index(f"ix_facts_by_{column}_{direction}", "fact_rows")
