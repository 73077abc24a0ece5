"""Signing in to /admin: CSRF, one answer for every refusal, cookie flags, sign-out, ended sessions."""

from __future__ import annotations

import time
from pathlib import Path

import lxml.html
from fastapi.testclient import TestClient

from metalnomist.accounts.service import MAX_FAILURES_PER_CLIENT, REFUSED, change_password, list_users, set_user_active
from metalnomist.config import Settings
from metalnomist.publishing.service import Draft, counts, get_desk_post, move, revisions, save
from metalnomist.web.security import CSRF_COOKIE
from metalnomist.web.session import SESSION_COOKIE, SESSION_MAX_AGE
from tests.publish.conftest import PASSWORD, Desk, open_desk


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
    # the name typed stays in its field, to correct rather than type again
    for answer, name in ((wrong, "ana"), (unknown, "nobody")):
        assert lxml.html.fromstring(answer.text).xpath("string(//input[@name='name']/@value)") == name
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
    assert (answer.status_code, answer.headers["location"]) == (303, "/admin/login")
    assert SESSION_COOKIE not in desk.client.cookies
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


def test_a_form_sent_without_its_token_is_refused_like_a_forged_one(desk: Desk) -> None:
    """Another site's form cannot read the token, so it leaves the field out: none is no better than a wrong one."""
    desk.client.get("/admin/login")
    for data in ({"name": "ana", "password": PASSWORD}, {"name": "ana", "password": PASSWORD, "csrf_token": ""}):
        answer = desk.client.post("/admin/login", data=data, follow_redirects=False)
        assert answer.status_code == 403 and SESSION_COOKIE not in desk.client.cookies
    desk.sign_in()
    assert desk.client.post("/admin/logout", data={}, follow_redirects=False).status_code == 403
    assert desk.client.get("/admin", follow_redirects=False).status_code == 200


def test_every_dashboard_form_sends_strangers_to_the_sign_in_page_and_changes_nothing(desk: Desk) -> None:
    """A stranger's browser can hold a valid token (the sign-in page gives one): each form checks the session too."""
    store, settings, editor = desk.archive.store, desk.archive.settings, desk.sign_in_user()
    kept = save(store, settings, editor, Draft("Embargoed nickel", "Not yet."))
    binned = save(store, settings, editor, Draft("Binned zinc", "Old news."))
    move(store, editor, binned, "trash")
    [revision] = revisions(store, kept)
    token = desk.form_token("/admin/login")
    forms = [("/admin/posts", {"title": "Spam", "body": "Buy.", "action": "publish"}),
             (f"/admin/posts/{kept}", {"title": "Defaced", "body": "Buy.", "action": "publish"}),
             (f"/admin/posts/{kept}/revisions/{revision.id}/restore", {}),
             ("/admin/trash/empty", {}),
             ("/admin/comments", {"action": "approve", "comment": "1"}),
             ("/admin/users", {"name": "ana", "active": "false"})]
    for path, data in forms:
        answer = desk.client.post(path, data={**data, "csrf_token": token}, follow_redirects=False)
        assert (answer.status_code, answer.headers.get("location")) == (303, "/admin/login"), path
    assert counts(store) == {"draft": 1, "scheduled": 0, "published": 0, "trash": 1}
    assert get_desk_post(store, kept).title == "Embargoed nickel" and len(revisions(store, kept)) == 1
    assert [(u.name, u.active) for u in list_users(store)] == [("ana", True)]


def test_a_stranger_cannot_tell_which_desk_posts_exist(desk: Desk) -> None:
    """Drafts are private: posting to a post's form sends a stranger to sign in whether or not that post exists,
    so the answers cannot map out unpublished posts; a signed-in editor is told of a missing one."""
    editor = desk.sign_in_user()
    kept = save(desk.archive.store, desk.archive.settings, editor, Draft("Embargoed nickel", "Not yet."))
    token = desk.form_token("/admin/login")
    data = {"title": "Nickel", "body": "Up.", "action": "preview", "csrf_token": token}
    for post_id in (kept, kept + 1000):
        answer = desk.client.post(f"/admin/posts/{post_id}", data=data, follow_redirects=False)
        assert (answer.status_code, answer.headers.get("location")) == (303, "/admin/login"), post_id
    desk.sign_in()
    data["csrf_token"] = desk.form_token("/admin")
    for action in ("preview", "save", "publish", "schedule", "unpublish", "trash", "restore"):
        answer = desk.client.post(f"/admin/posts/{kept + 1000}", data={**data, "action": action,
                                                                      "publish_at": "2999-01-01T09:00"})
        assert answer.status_code == 404, action
    assert desk.client.post(f"/admin/posts/{kept + 1000}", data={**data, "csrf_token": "1.forged"}).status_code == 404
    assert desk.client.post(f"/admin/posts/{kept}", data=data).status_code == 200
    assert counts(desk.archive.store) == {"draft": 1, "scheduled": 0, "published": 0, "trash": 0}


def test_the_sign_in_forms_cookie_is_out_of_scripts_reach(desk: Desk) -> None:
    """The desk's forms are bound to this cookie as the readers' are: HttpOnly, and not sent cross-site."""
    answer = desk.client.get("/admin/login")
    [cookie] = [v for k, v in answer.headers.multi_items() if k == "set-cookie" and v.startswith(CSRF_COOKIE + "=")]
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie


def test_the_session_cookie_lasts_as_long_as_the_session(desk: Desk) -> None:
    answer = desk.sign_in()
    cookie = next(v for k, v in answer.headers.multi_items() if k == "set-cookie" and v.startswith(SESSION_COOKIE))
    assert f"Max-Age={SESSION_MAX_AGE};" in cookie


def test_failed_sign_ins_count_per_reader_behind_a_trusted_proxy(settings: Settings) -> None:
    """Behind the site's proxy every reader's peer is the proxy: the sign-in limit must count the reader its
    X-Forwarded-For names, so one reader spraying names is stopped, whatever name they try next, and no
    other reader is."""
    desk = next(desks := open_desk(settings, trusted_proxies="127.0.0.1"))
    proxy = TestClient(desk.client.app, client=("127.0.0.1", 50000), raise_server_exceptions=False)

    def sign_in(reader: str, name: str, password: str) -> int:
        token = lxml.html.fromstring(proxy.get("/admin/login").text).xpath("//input[@name='csrf_token']/@value")[0]
        return proxy.post("/admin/login", headers={"X-Forwarded-For": reader}, follow_redirects=False,
                          data={"name": name, "password": password, "csrf_token": token}).status_code

    try:
        assert [sign_in("203.0.113.1", f"name{n}", "guess") for n in range(MAX_FAILURES_PER_CLIENT)] == [
            401] * MAX_FAILURES_PER_CLIENT
        assert sign_in("203.0.113.1", "ana", PASSWORD) == 429
        assert sign_in("203.0.113.2", "ana", PASSWORD) == 303
    finally:
        next(desks, None)


def test_a_hostile_name_typed_at_sign_in_comes_back_as_text(desk: Desk) -> None:
    hostile = '"><script>alert(1)</script>'
    answer = desk.sign_in(name=hostile)
    page = lxml.html.fromstring(answer.text)
    assert answer.status_code == 401 and page.xpath("//script") == []
    assert page.xpath("string(//input[@name='name']/@value)") == hostile
