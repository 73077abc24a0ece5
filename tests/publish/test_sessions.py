"""Session cookies (web/session.py): what a cookie may be and still open the dashboard, checked one part at a time."""

from __future__ import annotations

import hmac
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


def test_by_default_a_session_lasts_a_working_day_not_a_whole_one(archive: Archive, editor: User) -> None:
    sessions, now = Sessions("key"), time.time()
    for hours, opens in [(11, True), (13, False)]:
        assert (sessions.user(archive, sessions.cookie(editor, now=now - hours * 3600), now=now) == editor) is opens
    assert SESSION_MAX_AGE == 12 * 3600


def test_an_account_id_no_database_column_holds_is_no_session_not_an_error(archive: Archive, editor: User) -> None:
    """The id is read from the cookie before the signature is checked: one past the integer column (or past
    SQLite's 64 bits) must be a missing account, not a database error on every page of the dashboard."""
    sessions, issued = Sessions("key"), int(time.time())
    for user_id in [str(2**31), str(2**63), "9" * 25]:
        assert sessions.user(archive, f"{user_id}.{issued}.{'0' * 64}") is None, user_id


def test_the_signature_is_compared_in_constant_time(archive: Archive, editor: User,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """`==` stops at the first differing character, so its timing tells a forger how much of a guess was right;
    no test can time that reliably, so this one checks the signature goes through hmac.compare_digest."""
    sessions, compared = Sessions("key"), []
    real = hmac.compare_digest

    def spy(a: str, b: str) -> bool:
        compared.append(a)
        return real(a, b)

    cookie = sessions.cookie(editor)
    monkeypatch.setattr(hmac, "compare_digest", spy)
    assert sessions.user(archive, cookie) == editor
    assert compared == [cookie.split(".")[2]]
