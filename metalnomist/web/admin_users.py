"""Accounts on the dashboard, for admins only: editors manage posts and comments, admins also accounts."""

from __future__ import annotations

from typing import Annotated

from fastapi import Form, Request
from fastapi.responses import RedirectResponse, Response

from metalnomist.accounts.service import list_users, set_user_active
from metalnomist.models import User
from metalnomist.web.admin_auth import admin_page, csrf_ok, signed_in, to_login
from metalnomist.web.render import archive_of


def _refused(request: Request, user: User, message: str, status_code: int = 403) -> Response:
    users = list_users(archive_of(request).store) if user.role == "admin" else []
    return admin_page(request, "admin_users.html", {"users": users, "error": message}, user, status_code)


def users_page(request: Request) -> Response:
    user = signed_in(request)
    if user is None:
        return to_login()
    if user.role != "admin":
        return _refused(request, user, "Only admins manage accounts.")
    return admin_page(request, "admin_users.html", {"users": list_users(archive_of(request).store)}, user)


def users_form(request: Request, name: Annotated[str, Form()], active: Annotated[bool, Form()],
               csrf_token: Annotated[str, Form()] = "") -> Response:
    """Disable or enable an account; a disabled one's sessions and tokens stop working at once."""
    user = signed_in(request)
    if user is None:
        return to_login()
    if user.role != "admin":
        return _refused(request, user, "Only admins manage accounts.")
    if not csrf_ok(request, csrf_token):
        return _refused(request, user, "This form has expired or did not come from this site; nothing was changed.")
    if name == user.name and not active:
        return _refused(request, user, "You cannot disable your own account.", 400)
    set_user_active(archive_of(request).store, name, active)
    return RedirectResponse("/admin/users", status_code=303)
