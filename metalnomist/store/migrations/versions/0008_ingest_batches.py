"""Rows an ingest has written but not yet published: tables become `<name>_rows`, read through views.

A big file used to be one write transaction, holding SQLite's only write lock for minutes. Now
its rows are written in short transactions, each marked with the ingest's number (`batch`), and
the views of the old names leave out every row whose ingest is still listed in `ingests`:
publishing the whole file is deleting that one line. A view lists its table's columns as they
were when it was made (PostgreSQL): a migration that adds a column recreates the view.

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

TABLES = {"posts": "post_rows", "post_labels": "label_rows", "comments": "comment_rows", "facts": "fact_rows",
          "contradictions": "contradiction_rows"}
VISIBLE = "WHERE batch IS NULL OR batch NOT IN (SELECT id FROM ingests)"


def upgrade() -> None:
    op.create_table(
        "ingests",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("pid", sa.Integer, nullable=False),
        sa.Column("host", sa.String(255), nullable=False),
        sa.Column("started", sa.DateTime(timezone=True), nullable=False),
        sqlite_autoincrement=True,
    )
    for view, table in TABLES.items():
        op.rename_table(view, table)  # foreign keys follow the renamed posts table on both databases
        op.add_column(table, sa.Column("batch", sa.Integer))
        op.execute(f"CREATE VIEW {view} AS SELECT * FROM {table} {VISIBLE}")
    op.create_index("ix_post_rows_batch", "post_rows", ["batch"])


def downgrade() -> None:
    for view, table in TABLES.items():
        op.execute(f"DROP VIEW {view}")
        op.execute(f"DELETE FROM {table} WHERE NOT ({VISIBLE.removeprefix('WHERE ')})")
    op.drop_index("ix_post_rows_batch", "post_rows")
    for view, table in TABLES.items():
        with op.batch_alter_table(table) as batch:
            batch.drop_column("batch")
        op.rename_table(table, view)
    op.drop_table("ingests")
