"""Migration 0004: every post stored before publishing existed was public, and stays so."""

from __future__ import annotations

from sqlalchemy import text

from metalnomist.store.database import migrate, open_engine
from tests.store.test_migrations import writing_at


def test_posts_stored_before_publishing_are_published(empty_db_url: str) -> None:
    engine = open_engine(empty_db_url)
    with writing_at(engine, "0003") as conn:
        conn.execute(text("INSERT INTO posts (key, permalink, title, blocks, body, created, updated, extra, "
                          "content_hash) VALUES ('k', '/2024/05/t.html', 'T', '[]', '', '2024-05-01', "
                          "'2024-05-01', '{}', 'x')"))
    migrate(engine)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT status, publish_at FROM posts")).one() == ("published", None)
    engine.dispose()


def test_0009_links_the_covers_already_set_to_their_posts(empty_db_url: str) -> None:
    """Otherwise a published post's cover, set before links were kept, would vanish for readers."""
    engine = open_engine(empty_db_url)
    post = ("INSERT INTO post_rows (id, key, permalink, title, blocks, body, created, updated, extra, content_hash) "
            "VALUES (:id, :key, :key, 'T', '[]', '', '2024-05-01', '2024-05-01', :extra, 'x')")
    with writing_at(engine, "0008") as conn:
        conn.execute(text("INSERT INTO media (id, digest, content_type, width, height, data, created) "
                          "VALUES (7, 'd', 'image/png', 1, 1, :data, '2024-05-01')"), {"data": b"\x89PNG"})
        conn.execute(text(post), [{"id": 1, "key": "/2024/05/a.html", "extra": '{"cover": {"id": 7, "alt": "A"}}'},
                                  {"id": 2, "key": "/2024/05/b.html", "extra": '{"cover": {"id": 8, "alt": "B"}}'},
                                  {"id": 3, "key": "/2024/05/c.html", "extra": '{"author": "ana"}'}])
    migrate(engine)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT post_id, media_id FROM post_media")).all() == [(1, 7)]
    engine.dispose()
