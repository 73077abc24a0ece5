"""Migration 0004: every post stored before publishing existed was public, and stays so."""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from sqlalchemy import text

from metalnomist.store.database import MIGRATIONS, migrate, open_engine


def test_posts_stored_before_publishing_are_published(db_url: str) -> None:
    engine = open_engine(db_url)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0003")
        conn.execute(text("INSERT INTO posts (key, permalink, title, blocks, body, created, updated, extra, "
                          "content_hash) VALUES ('k', '/2024/05/t.html', 'T', '[]', '', '2024-05-01', "
                          "'2024-05-01', '{}', 'x')"))
    migrate(engine)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT status, publish_at FROM posts")).one() == ("published", None)
    engine.dispose()
