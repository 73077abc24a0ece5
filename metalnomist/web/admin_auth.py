"""Signing editors in and out of /admin, and the checks every dashboard route makes first."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any

from fastapi import Form, Request
from fastapi.responses import RedirectResponse, Response

from metalnomist.accounts.service import sign_in, user_for_token
from metalnomist.errors import RateLimited, Unauthorized
from metalnomist.models import User
from metalnomist.pipeline import client_fingerprint
from metalnomist.web.render import archive_of, render
from metalnomist.web.security import CSRF_COOKIE, client_address
from metalnomist.web.session import SESSION_COOKIE

FormText = Annotated[str, Form()]
LOGIN = "/admin/login"


def signed_in(request: Request) -> User | None:
    return request.app.state.sessions.user(archive_of(request), request.cookies.get(SESSION_COOKIE))  # type: ignore[no-any-return]


def csrf_ok(request: Request, token: str) -> bool:
    return bool(request.app.state.csrf.valid(request.cookies.get(CSRF_COOKIE), token))


def admin_page(request: Request, name: str, context: Mapping[str, Any], user: User | None,
               status_code: int = 200) -> Response:
    """A dashboard page: a fresh CSRF token for its forms, and never kept by any cache."""
    cookie = request.cookies.get(CSRF_COOKIE) or request.app.state.csrf.new_cookie()
    full = {"user": user, "csrf_token": request.app.state.csrf.token(cookie), **context}
    response = render(request, name, full, status_code=status_code, headers={"Cache-Control": "no-store"})
    if request.cookies.get(CSRF_COOKIE) != cookie:
        response.set_cookie(CSRF_COOKIE, cookie, max_age=request.app.state.csrf.max_age, httponly=True,
                            samesite="lax", secure=request.url.scheme == "https")
    return response


def to_login() -> RedirectResponse:
    return RedirectResponse(LOGIN, status_code=303)


def login_page(request: Request) -> Response:
    if signed_in(request) is not None:
        return RedirectResponse("/admin", status_code=303)
    return admin_page(request, "admin_login.html", {"name": "", "error": None}, None)


def login_form(request: Request, name: FormText = "", password: FormText = "", csrf_token: FormText = "") -> Response:
    """A wrong name and a wrong password get the same answer; too many failures get a wait, not a hint."""
    if not csrf_ok(request, csrf_token):
        error = "This form has expired or did not come from this site. Please sign in again."
        return admin_page(request, "admin_login.html", {"name": name, "error": error}, None, 403)
    settings = request.app.state.settings
    client = client_fingerprint(client_address(request, settings.trusted_networks()), settings.secret_key)
    try:
        user = sign_in(archive_of(request).store, name, password, client)
    except Unauthorized as exc:
        return admin_page(request, "admin_login.html", {"name": name, "error": f"Not signed in: {exc}."}, None, 401)
    except RateLimited as exc:
        return admin_page(request, "admin_login.html", {"name": name, "error": f"Not signed in: {exc}."}, None, 429)
    response = RedirectResponse("/admin", status_code=303)
    sessions = request.app.state.sessions
    response.set_cookie(SESSION_COOKIE, sessions.cookie(user), max_age=sessions.max_age, httponly=True,
                        samesite="lax", secure=request.url.scheme == "https")
    return response


def logout_form(request: Request, csrf_token: FormText = "") -> Response:
    """POST only, with a CSRF token: another site cannot sign an editor out."""
    if not csrf_ok(request, csrf_token):
        return admin_page(request, "admin_login.html", {"name": "", "error": "That sign-out form had expired."},
                          signed_in(request), 403)
    response = RedirectResponse(LOGIN, status_code=303)
    response.delete_cookie(SESSION_COOKIE, httponly=True, samesite="lax", secure=request.url.scheme == "https")
    return response


def bearer_user(request: Request) -> User:
    """The account behind `Authorization: Bearer …`, or Unauthorized (401) before anything is read or changed."""
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise Unauthorized("a valid API token is required: send it as 'Authorization: Bearer mn_…' "
                           "(metalnomist tokens create NAME makes one)")
    return user_for_token(archive_of(request).store, token.strip())
