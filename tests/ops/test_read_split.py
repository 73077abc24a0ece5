"""METALNOMIST_DB_READ: reads go to the replica's URL, writes to the primary's.

Two separate PostgreSQL databases stand in for primary and replica here, so each side's
content shows where a read or a write went (tests/ops/test_replication.py runs a real standby).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from metalnomist.accounts.service import (
    create_token,
    create_user,
    list_users,
    set_user_active,
    sign_in,
    user_for_token,
)
from metalnomist.config import Settings
from metalnomist.errors import ConfigError, Unauthorized
from metalnomist.models import Comment
from metalnomist.pipeline import open_archive, post_comment, store_file
from metalnomist.publishing.moderation import moderate_comments, moderation_queue
from metalnomist.publishing.service import Draft, audit_log, counts, move, posts_with_status, revisions, save
from metalnomist.store.comments import add_comment, list_comments
from metalnomist.store.posts import iter_posts
from metalnomist.web.session import Sessions
from tests.conftest import pg_database


@pytest.fixture
def two_databases(pg_admin_url: str) -> Iterator[tuple[str, str]]:
    with pg_database(pg_admin_url) as primary, pg_database(pg_admin_url) as replica:
        yield primary, replica


def _post(folder: Path, title: str) -> Path:
    path = folder / f"{title}.jsonl"
    path.write_text(f'{{"title": "{title}", "body": "Nickel matte output rose 4%."}}\n')
    return path


def test_reads_go_to_the_read_url_and_writes_to_the_primary(two_databases: tuple[str, str], tmp_path: Path) -> None:
    primary_url, replica_url = two_databases
    base = Settings(db=primary_url, index_dir=str(tmp_path / "idx"), extract_facts=False, comment_moderation=False)
    stand_in = open_archive(base.replace(db=replica_url))
    store_file(stand_in, _post(tmp_path, "Only on the read side"))
    stand_in.close()
    split = open_archive(base.replace(db_read=replica_url))
    try:
        store_file(split, _post(tmp_path, "Written through the node"))
        post_comment(split, 1, "Ann", "Useful.", "127.0.0.1")  # post 1 exists on both sides
        with split.store.reading() as conn:
            read_side = ({post.title for post in iter_posts(conn)}, len(list_comments(conn, 1)))
        with split.store.transaction() as conn:
            write_side = ({post.title for post in iter_posts(conn)}, len(list_comments(conn, 1)))
        assert read_side == ({"Only on the read side"}, 0)
        assert write_side == ({"Written through the node"}, 1)
    finally:
        split.close()


def test_sign_in_and_tokens_are_decided_on_the_primary(two_databases: tuple[str, str], tmp_path: Path) -> None:
    """A replica may lag: a revoked token or disabled account must stop working at once all the same."""
    primary_url, replica_url = two_databases
    open_archive(Settings(db=replica_url, index_dir=str(tmp_path / "idx"))).close()  # same schema, no accounts
    split = open_archive(Settings(db=primary_url, db_read=replica_url, index_dir=str(tmp_path / "idx")))
    try:
        create_user(split.store, "ana", "correct horse battery", "editor")  # not on the read side at all
        token = create_token(split.store, "ana")
        assert user_for_token(split.store, token).name == "ana"
        user = sign_in(split.store, "ana", "correct horse battery", "127.0.0.1")
        sessions = Sessions("key")
        cookie = sessions.cookie(user)
        assert sessions.user(split, cookie) == user
        set_user_active(split.store, "ana", False)
        with pytest.raises(Unauthorized):
            user_for_token(split.store, token)
        assert sessions.user(split, cookie) is None
    finally:
        split.close()


def test_the_desk_reads_its_own_writes_on_the_primary(two_databases: tuple[str, str], tmp_path: Path) -> None:
    """An editor publishes the draft just saved, finds it in the lists and moderates the comment just held,
    while the replica has none of it (a lag of hours while it replays a backlog looks the same)."""
    primary_url, replica_url = two_databases
    open_archive(Settings(db=replica_url, index_dir=str(tmp_path / "idx"))).close()  # same schema, nothing in it
    split = open_archive(Settings(db=primary_url, db_read=replica_url, index_dir=str(tmp_path / "idx")))
    try:
        editor = create_user(split.store, "ana", "correct horse battery", "editor")
        assert [user.name for user in list_users(split.store)] == ["ana"]
        post_id = save(split.store, split.settings, editor, Draft("Nickel imports rise", "Imports rose 4% in May."))
        assert move(split.store, editor, post_id, "published").status == "published"
        assert [p.id for p in posts_with_status(split.store, "published")] == [post_id]
        assert len(revisions(split.store, post_id)) == 1 and counts(split.store)["published"] == 1
        with split.store.transaction() as conn:  # a reader's comment, held (readers comment on posts they see)
            add_comment(conn, Comment("Ann", "Useful.", post_id=post_id, approved=False), "127.0.0.1")
        [held] = moderation_queue(split.store)[0]
        assert moderate_comments(split.store, editor, [held.id or 0], "approve") == []
        assert [entry.action for entry in audit_log(split.store)][:2] == ["approve", "published"]
    finally:
        split.close()


def test_a_read_url_needs_postgresql_on_both_sides() -> None:
    with pytest.raises(ConfigError, match="METALNOMIST_DB_READ='sqlite:///r.db'"):
        Settings(db="postgresql://u@h/d", db_read="sqlite:///r.db")
    with pytest.raises(ConfigError, match="METALNOMIST_DB_READ"):
        Settings(db="sqlite:///a.db", db_read="postgresql://u@h/d")
    assert Settings(db="postgresql://u@h/d", db_read="postgresql://u@r/d").db_read == "postgresql://u@r/d"
