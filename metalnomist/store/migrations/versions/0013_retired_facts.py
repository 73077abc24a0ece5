"""Facts an unpublished ingest replaces are marked, not moved: publishing a changed file costs no fact writes.

Re-importing changed posts wrote their new facts under hidden stand-ins (0012) and moved them onto
the stored posts when the file was published: most of that transaction, which grew with the
changes. Now a changed post's new facts are written under the post itself, hidden with their
ingest, and its old facts and their contradictions are marked `retired` by that ingest: shown
while it runs, hidden once it is published, and deleted afterwards in short transactions. The
stand-ins themselves never show, so they too are deleted after publishing (store/ingests.py).

Revision ID: 0013
Revises: 0012
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

SHOWN = "(batch IS NULL OR batch NOT IN (SELECT id FROM ingests))"
KEPT = "(retired IS NULL OR retired IN (SELECT id FROM ingests))"
VIEWS = {"facts": ("fact_rows", f"WHERE {SHOWN} AND {KEPT}"),
         "contradictions": ("contradiction_rows", f"WHERE {SHOWN} AND {KEPT}"),
         "posts": ("post_rows", f"WHERE {SHOWN} AND replaces IS NULL")}
BEFORE = {"facts": ("fact_rows", f"WHERE {SHOWN}"), "contradictions": ("contradiction_rows", f"WHERE {SHOWN}"),
          "posts": ("post_rows", f"WHERE {SHOWN}")}


def _views(definitions: dict[str, tuple[str, str]]) -> None:
    for view, (table, where) in definitions.items():
        op.execute(f"DROP VIEW {view}")
        op.execute(f"CREATE VIEW {view} AS SELECT * FROM {table} {where}")


def upgrade() -> None:
    for table in ("fact_rows", "contradiction_rows"):
        op.add_column(table, sa.Column("retired", sa.Integer))
        op.create_index(f"ix_{table}_retired", table, ["retired"])
    _views(VIEWS)


def downgrade() -> None:
    op.execute("DELETE FROM fact_rows WHERE retired IS NOT NULL AND retired NOT IN (SELECT id FROM ingests)")
    op.execute("DELETE FROM post_rows WHERE replaces IS NOT NULL AND batch NOT IN (SELECT id FROM ingests)")
    for view in VIEWS:
        op.execute(f"DROP VIEW {view}")
    for table in ("fact_rows", "contradiction_rows"):
        op.drop_index(f"ix_{table}_retired", table)
        op.execute(f"ALTER TABLE {table} DROP COLUMN retired")
    for view, (table, where) in BEFORE.items():
        op.execute(f"CREATE VIEW {view} AS SELECT * FROM {table} {where}")
