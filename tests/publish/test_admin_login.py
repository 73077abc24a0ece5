"""Signing in to /admin: CSRF, one answer for every refusal, cookie flags, sign-out, ended sessions."""

from __future__ import annotations

import time
from pathlib import Path

import lxml.html

from metalnomist.accounts.service import REFUSED, change_password, set_user_active
from metalnomist.config import Settings
from metalnomist.publishing.service import Draft, revisions, save
from metalnomist.web.session import SESSION_COOKIE, SESSION_MAX_AGE
from tests.publish.conftest import Desk, open_desk


def error_text(body: str) -> str:
    return " ".join(lxml.html.fromstring(body).xpath("string(//p[@class='form-error'])").split())


def test_the_dashboard_sends_strangers_to_the_sign_in_page(desk: Desk) -> None:
    answer = desk.client.get("/admin", follow_redirects=False)
    assert answer.status_code == 303 and answer.headers["location"] == "/admin/login"


def test_signing_in_sets_a_signed_httponly_lax_cookie_and_opens_the_dashboard(desk: Desk) -> None:
    answer = desk.sign_in()
    assert answer.status_code == 303 and answer.headers["location"] == "/admin"
    cookie = next(v for k, v in answer.headers.multi_items() if k == "set-cookie" and v.startswith(SESSION_COOKIE))
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie and "Secure" not in cookie
    page = desk.client.get("/admin")
    assert page.status_code == 200 and "ana (editor)" in page.text
    assert page.headers["cache-control"] == "no-store"


def test_every_dashboard_page_sends_strangers_to_the_sign_in_page(desk: Desk) -> None:
    """Each page checks the session itself: one that forgot would show drafts, their revisions, held comments
    or the audit log to anyone who guessed its address."""
    editor = desk.sign_in_user()
    post_id = save(desk.archive.store, desk.archive.settings, editor, Draft("Embargoed nickel", "Not yet."))
    [revision] = revisions(desk.archive.store, post_id)
    for path in ["/admin", "/admin/posts/new", f"/admin/posts/{post_id}",
                 f"/admin/posts/{post_id}/revisions/{revision.id}", "/admin/comments", "/admin/audit",
                 "/admin/users"]:
        answer = desk.client.get(path, follow_redirects=False)
        assert (answer.status_code, answer.headers.get("location")) == (303, "/admin/login"), path
        assert "Embargoed" not in answer.text, path


def test_wrong_password_and_unknown_name_get_the_same_answer(desk: Desk) -> None:
    wrong, unknown = desk.sign_in(password="not the password"), desk.sign_in(name="nobody")
    assert wrong.status_code == unknown.status_code == 401
    assert error_text(wrong.text) == error_text(unknown.text) == f"Not signed in: {REFUSED}."
    assert SESSION_COOKIE not in desk.client.cookies


def test_a_sign_in_without_the_forms_token_is_refused(desk: Desk) -> None:
    desk.client.get("/admin/login")
    answer = desk.client.post("/admin/login", data={"name": "ana", "password": "correct horse battery",
                                                    "csrf_token": "1.forged"}, follow_redirects=False)
    assert answer.status_code == 403 and SESSION_COOKIE not in desk.client.cookies


def test_too_many_failures_say_to_wait(desk: Desk) -> None:
    for _ in range(5):
        assert desk.sign_in(password="guess").status_code == 401
    answer = desk.sign_in()
    assert answer.status_code == 429 and "wait 15 minutes" in error_text(answer.text)


def test_signing_out_ends_the_session(desk: Desk) -> None:
    desk.sign_in()
    token = desk.form_token("/admin")
    answer = desk.client.post("/admin/logout", data={"csrf_token": token}, follow_redirects=False)
    assert answer.status_code == 303 and SESSION_COOKIE not in desk.client.cookies
    assert desk.client.get("/admin", follow_redirects=False).status_code == 303


def test_a_sign_out_without_the_forms_token_keeps_the_session(desk: Desk) -> None:
    """Sign-out is a form with a CSRF token, so another site cannot sign an editor out behind their back."""
    desk.sign_in()
    answer = desk.client.post("/admin/logout", data={"csrf_token": "1.forged"}, follow_redirects=False)
    assert answer.status_code == 403 and SESSION_COOKIE in desk.client.cookies
    assert desk.client.get("/admin", follow_redirects=False).status_code == 200


def test_the_sign_in_page_sends_a_signed_in_editor_on_to_the_dashboard(desk: Desk) -> None:
    assert desk.client.get("/admin/login", follow_redirects=False).status_code == 200
    desk.sign_in()
    answer = desk.client.get("/admin/login", follow_redirects=False)
    assert (answer.status_code, answer.headers["location"]) == (303, "/admin")


def test_a_session_ends_a_working_day_after_signing_in(desk: Desk) -> None:
    """The cookie's signature stays valid forever, so its issue time is all that ends a session left open on a
    shared computer: one just younger than SESSION_MAX_AGE opens the dashboard, one just older does not."""
    user, sessions = desk.sign_in_user(), desk.client.app.state.sessions  # type: ignore[attr-defined]
    for age, status in [(SESSION_MAX_AGE - 60, 200), (SESSION_MAX_AGE + 60, 303)]:
        desk.client.cookies.set(SESSION_COOKIE, sessions.cookie(user, now=time.time() - age))
        assert desk.client.get("/admin", follow_redirects=False).status_code == status, age


def test_a_forged_cookie_a_disabled_account_and_a_changed_password_end_sessions(desk: Desk) -> None:
    desk.sign_in()
    good = desk.client.cookies[SESSION_COOKIE]
    user_id, issued, signature = good.split(".")
    for forged in [f"{user_id}.{issued}.{'0' * 64}", f"{int(user_id) + 1}.{issued}.{signature}", "garbage"]:
        desk.client.cookies.clear()
        desk.client.cookies.set(SESSION_COOKIE, forged)
        assert desk.client.get("/admin", follow_redirects=False).status_code == 303, forged
    desk.client.cookies.clear()
    desk.client.cookies.set(SESSION_COOKIE, good)
    set_user_active(desk.archive.store, "ana", False)
    assert desk.client.get("/admin", follow_redirects=False).status_code == 303
    set_user_active(desk.archive.store, "ana", True)
    assert desk.client.get("/admin", follow_redirects=False).status_code == 200
    change_password(desk.archive.store, "ana", "another long passphrase")
    assert desk.client.get("/admin", follow_redirects=False).status_code == 303


def test_behind_https_the_session_cookie_is_secure(tmp_path: Path) -> None:
    settings = Settings(db=f"sqlite:///{tmp_path}/t.db", index_dir=str(tmp_path / "idx"), secret_key="test",
                        site_url="https://news.example.com")
    for desk in open_desk(settings):
        desk.client.base_url = "https://news.example.com"  # type: ignore[assignment]
        cookie = desk.sign_in().headers["set-cookie"]
        assert "Secure" in cookie
