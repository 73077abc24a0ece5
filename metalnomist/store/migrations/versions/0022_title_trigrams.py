"""The desk finds a rare word in the titles from a trigram index instead of reading every title.

Revision ID: 0022
Revises: 0021

The dashboard's title search (`lower(title) LIKE '%text%'`) walked a status's posts newest first and
read each one's title until the page was full: for a text in few titles, every post (207 ms at 100,000
posts on SQLite, 0.8 s at a million on PostgreSQL).

SQLite: an FTS5 trigram index lists the posts whose titles may hold the text (a superset: it folds case
beyond ASCII), and store/desk.py reads those by id when they are few; its triggers follow every write of
a title. PostgreSQL: a pg_trgm index on `lower(title)`, which its planner uses for the same query when
the text is rare. pg_trgm is a trusted extension that the database's owner may install; where the role
may not, the search keeps working, reading every title, and the log says why.
"""

import logging

from alembic import op
from sqlalchemy.exc import DBAPIError

revision = "0022"
down_revision = "0021"
branch_labels = None
depends_on = None

TRIGGERS = {
    "post_title_trigrams_insert": "AFTER INSERT ON post_rows BEGIN "
    "INSERT INTO post_title_trigrams (rowid, title) VALUES (new.id, new.title); END",
    "post_title_trigrams_delete": "AFTER DELETE ON post_rows BEGIN "
    "INSERT INTO post_title_trigrams (post_title_trigrams, rowid, title) VALUES ('delete', old.id, old.title); END",
    "post_title_trigrams_update": "AFTER UPDATE OF title ON post_rows BEGIN "
    "INSERT INTO post_title_trigrams (post_title_trigrams, rowid, title) VALUES ('delete', old.id, old.title); "
    "INSERT INTO post_title_trigrams (rowid, title) VALUES (new.id, new.title); END",
}
PG_INDEX = "ix_post_rows_title_trigrams"


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        op.execute("CREATE VIRTUAL TABLE post_title_trigrams USING fts5("
                   "title, content='post_rows', content_rowid='id', tokenize='trigram')")
        op.execute("INSERT INTO post_title_trigrams (post_title_trigrams) VALUES ('rebuild')")
        for name, body in TRIGGERS.items():
            op.execute(f"CREATE TRIGGER {name} {body}")
        return
    try:
        with bind.begin_nested():
            bind.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
            bind.exec_driver_sql(f"CREATE INDEX {PG_INDEX} ON post_rows USING gin (lower(title) gin_trgm_ops)")
    except DBAPIError as exc:
        logging.getLogger(__name__).warning(
            "the desk's title search will read every title: pg_trgm or its index could not be made (%s); a "
            "superuser can run CREATE EXTENSION pg_trgm in this database, then CREATE INDEX %s ON post_rows "
            "USING gin (lower(title) gin_trgm_ops)", str(exc.orig).strip(), PG_INDEX)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in TRIGGERS:
            op.execute(f"DROP TRIGGER {name}")
        op.execute("DROP TABLE post_title_trigrams")
    else:
        op.execute(f"DROP INDEX IF EXISTS {PG_INDEX}")
