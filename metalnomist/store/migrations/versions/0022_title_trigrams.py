"""The desk finds a rare word in the titles from a trigram index instead of reading every title.

Revision ID: 0022
Revises: 0021

The dashboard's title search (`lower(title) LIKE '%text%'`) walked a status's posts newest first and
read each one's title until the page was full: for a word in few titles, every post, 1.3 s at a
million posts. SQLite's FTS5 trigram index lists the posts whose titles may hold the text (a superset:
it folds case beyond ASCII), so few matches are looked up by id; its triggers follow every write of a
title. PostgreSQL keeps the plain search: pg_trgm would be an extension for its owner to install.
"""

from alembic import op

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


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute("CREATE VIRTUAL TABLE post_title_trigrams USING fts5("
               "title, content='post_rows', content_rowid='id', tokenize='trigram')")
    op.execute("INSERT INTO post_title_trigrams (post_title_trigrams) VALUES ('rebuild')")
    for name, body in TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {body}")


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER {name}")
    op.execute("DROP TABLE post_title_trigrams")
