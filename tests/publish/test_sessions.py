"""Session cookies (web/session.py): what a cookie may be and still open the dashboard, checked one part at a time."""

from __future__ import annotations

import time

import pytest

from metalnomist.accounts.service import create_user
from metalnomist.models import User
from metalnomist.pipeline import Archive
from metalnomist.web.session import SESSION_MAX_AGE, Sessions


@pytest.fixture
def editor(archive: Archive) -> User:
    return create_user(archive.store, "ana", "a long enough password", "editor")


def test_a_cookie_opens_from_its_issue_to_the_end_of_its_working_day(archive: Archive, editor: User) -> None:
    """Web workers' clocks may differ by a little: a cookie issued up to a minute ahead is taken, no more."""
    sessions, issued = Sessions("key"), 1_800_000_000
    cookie = sessions.cookie(editor, now=issued)
    for now, opens in [(issued - 60, True), (issued - 61, False), (issued + SESSION_MAX_AGE, True),
                       (issued + SESSION_MAX_AGE + 1, False)]:
        assert (sessions.user(archive, cookie, now=now) == editor) is opens, now - issued


def test_a_cookie_edited_in_any_part_opens_nothing(archive: Archive, editor: User) -> None:
    """Its issue time is signed (moving it forward would make a session last for ever), and the signature is
    compared whole: nothing may be added to it or after it."""
    sessions = Sessions("key")
    old = sessions.cookie(editor, now=time.time() - SESSION_MAX_AGE - 3600)
    user_id, _, signature = old.split(".")
    fresh = sessions.cookie(editor)
    for edited in [f"{user_id}.{int(time.time())}.{signature}", fresh + "0", fresh + ".0", fresh[:-1]]:
        assert sessions.user(archive, edited) is None, edited
    assert sessions.user(archive, fresh) == editor


def test_without_a_secret_key_each_process_signs_with_its_own(archive: Archive, editor: User) -> None:
    """An empty key must not become a key everyone knows: sessions then end with the process."""
    cookie = Sessions("").cookie(editor)
    assert Sessions("").user(archive, cookie) is None
    assert Sessions("key").user(archive, Sessions("key").cookie(editor)) == editor
