"""Changed posts written hidden too: a post row may stand in for a stored post until its ingest publishes.

Re-importing a file whose posts changed applied every change in the one transaction that
published the file, holding SQLite's write lock for seconds (growing with the changes). Now each
batch writes the new versions as hidden rows of the ingest, `replaces` naming the stored post;
publishing moves their content, labels, comments and facts onto that post with a few set-wise
statements, so its id, permalink and readers' comments stay (store/ingests.py).

Revision ID: 0012
Revises: 0011
"""

from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

VISIBLE = "WHERE batch IS NULL OR batch NOT IN (SELECT id FROM ingests)"


def upgrade() -> None:
    # A stored post deleted meanwhile takes its unpublished new version with it.
    op.execute("ALTER TABLE post_rows ADD COLUMN replaces INTEGER REFERENCES post_rows (id) ON DELETE CASCADE")
    op.create_index("ix_post_rows_replaces", "post_rows", ["replaces"])
    # A PostgreSQL view keeps the columns it was made with (see 0008).
    op.execute("DROP VIEW posts")
    op.execute(f"CREATE VIEW posts AS SELECT * FROM post_rows {VISIBLE}")


def downgrade() -> None:
    op.execute("DELETE FROM post_rows WHERE replaces IS NOT NULL")  # unpublished new versions: never shown
    op.execute("DROP VIEW posts")
    op.drop_index("ix_post_rows_replaces", "post_rows")
    with op.batch_alter_table("post_rows") as batch:  # SQLite drops no column a foreign key uses
        batch.drop_column("replaces")
    op.execute(f"CREATE VIEW posts AS SELECT * FROM post_rows {VISIBLE}")
