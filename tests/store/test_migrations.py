"""Migrations bring an archive stored by an older version forward without losing or guessing data."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine, text

from metalnomist.store.database import MIGRATIONS, migrate, open_engine

OLD_POST = ("INSERT INTO posts (key, permalink, title, blocks, body, published, created, updated, extra, content_hash)"
            " VALUES (:key, :link, 'T', '[]', '', :published, '2024-05-01', '2024-05-01', '{}', 'x')")


@contextmanager
def writing_at(engine: Engine, revision: str) -> Iterator[Connection]:
    """A transaction on an archive brought to `revision` only: what that version stored goes in here."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, revision)
        yield conn


def test_0002_marks_undated_posts_ingest_and_leaves_dated_ones_unknown(empty_db_url: str) -> None:
    engine = open_engine(empty_db_url)
    with writing_at(engine, "0001") as conn:
        conn.execute(text(OLD_POST), [{"key": "a", "link": "/a", "published": "2024-03-01"},
                                      {"key": "b", "link": "/b", "published": None}])
    migrate(engine)
    with engine.connect() as conn:
        rows = dict(conn.execute(text("SELECT key, date_source FROM posts")).all())
    engine.dispose()
    # Nothing recorded what dated post a, so it stays unknown rather than guessed.
    assert rows == {"a": None, "b": "ingest"}


def test_the_schema_head_constant_is_alembics_head() -> None:
    """An archive at SCHEMA_HEAD skips Alembic: a newer migration with a stale constant would never run."""
    from alembic.script import ScriptDirectory

    from metalnomist.store.database import SCHEMA_HEAD

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    assert ScriptDirectory.from_config(config).get_current_head() == SCHEMA_HEAD


def test_an_archive_behind_the_head_is_brought_forward(empty_db_url: str) -> None:
    from metalnomist.store.database import SCHEMA_HEAD, schema_revision

    engine = open_engine(empty_db_url)
    assert schema_revision(engine) is None
    with writing_at(engine, "0001"):
        pass
    assert schema_revision(engine) == "0001"
    migrate(engine)
    assert schema_revision(engine) == SCHEMA_HEAD
    engine.dispose()


OLD_FACT = ("INSERT INTO facts (post_id, sentence, metric, value, unit, commodity, country, period, forecast)"
            " VALUES ((SELECT id FROM posts WHERE key = :key), 's', 'imports', :value, 't', :commodity, 'Japan',"
            " '2024-03', :forecast)")


def test_an_archive_from_before_contradictions_lists_its_disputed_figures_once_migrated(empty_db_url: str) -> None:
    """0005 keys the facts already stored, 0016 settles each figure more than one post reports."""
    from metalnomist.store.contradictions import count_disputes, dispute_page

    engine = open_engine(empty_db_url)
    with writing_at(engine, "0004") as conn:
        conn.execute(text(OLD_POST), [{"key": k, "link": f"/{k}", "published": "2024-04-01"} for k in "abc"])
        conn.execute(text(OLD_FACT), [{"key": "a", "value": 100, "commodity": "Nickel", "forecast": False},
                                      {"key": "b", "value": 150, "commodity": "nickel", "forecast": False},
                                      {"key": "c", "value": 100.5, "commodity": "NICKEL", "forecast": False},
                                      {"key": "c", "value": 900, "commodity": "zinc", "forecast": False}])
    migrate(engine)
    with engine.connect() as conn:
        values = dict(conn.execute(text("SELECT id, value FROM facts")).all())
        pairs = [(values[a], values[b]) for a, b in dispute_page(conn, 0, 10)]
        assert count_disputes(conn) == 1
    engine.dispose()
    assert pairs == [(100, 150)]  # case folded: one figure, its reports furthest apart; zinc is another


def test_titles_stored_before_the_trigram_index_are_found_by_the_desk_once_migrated(empty_db_url: str) -> None:
    """0022 fills SQLite's title index from the posts already stored, or the desk finds none of them."""
    from metalnomist.store.desk import desk_posts

    engine = open_engine(empty_db_url)
    with writing_at(engine, "0001") as conn:
        conn.execute(text(OLD_POST.replace("'T'", ":title")),
                      [{"key": "a", "link": "/a", "published": "2024-03-01", "title": "Vanadium flow batteries"},
                       {"key": "b", "link": "/b", "published": "2024-03-02", "title": "Zinc smelters"}])
    migrate(engine)
    with engine.connect() as conn:
        found = [post.title for post in desk_posts(conn, "published", 0, 10, text="vanadium flow")]
    engine.dispose()
    assert found == ["Vanadium flow batteries"]


def test_without_pg_trgm_the_migration_goes_on_and_says_the_title_search_reads_every_title(
        empty_pg_url: str, caplog: pytest.LogCaptureFixture) -> None:
    """A role that may not install pg_trgm, or an archive where it cannot be: the extension fails here because a
    function of its name is already there. The schema still reaches its head and the desk still searches."""
    from metalnomist.store.database import SCHEMA_HEAD, schema_revision
    from metalnomist.store.desk import desk_posts

    engine = open_engine(empty_pg_url)
    with writing_at(engine, "0001") as conn:
        conn.execute(text(OLD_POST.replace("'T'", "'Vanadium flow batteries'")),
                     {"key": "a", "link": "/a", "published": "2024-03-01"})
        conn.execute(text("CREATE FUNCTION show_limit() RETURNS real AS 'SELECT 0.3::real' LANGUAGE sql"))
    with caplog.at_level(logging.WARNING):
        migrate(engine)
    with engine.connect() as conn:
        found = [post.title for post in desk_posts(conn, "published", 0, 10, text="vanadium flow")]
        extensions = conn.execute(text("SELECT count(*) FROM pg_extension WHERE extname = 'pg_trgm'")).scalar()
    assert schema_revision(engine) == SCHEMA_HEAD
    engine.dispose()
    assert found == ["Vanadium flow batteries"] and extensions == 0
    assert "pg_trgm or its index could not be made" in caplog.text and "show_limit" in caplog.text
