"""The "Watch this" form on search, facts and series pages: shown to signed-in readers only.

Its CSRF token is bound to the reader's cookie, so a page holding one is private to them.
"""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.responses import Response

from metalnomist.web.admin_auth import signed_in
from metalnomist.web.render import render
from metalnomist.web.security import CSRF_COOKIE


def watch_offer(request: Request, context: dict[str, Any]) -> tuple[dict[str, Any], str | None]:
    """The page's context plus, for a signed-in reader, a token for its "Watch this" form, and the CSRF
    cookie to set when the reader has none yet."""
    if signed_in(request) is None:
        return context, None
    csrf = request.app.state.csrf
    cookie = request.cookies.get(CSRF_COOKIE) or csrf.new_cookie()
    fresh = cookie if cookie != request.cookies.get(CSRF_COOKIE) else None
    return {**context, "watch_token": csrf.token(cookie)}, fresh


def render_offering(request: Request, name: str, context: dict[str, Any]) -> Response:
    """Render a page that may hold a "Watch this" form; with one, it is private to the reader."""
    full, new_cookie = watch_offer(request, context)
    response = render(request, name, full)
    if "watch_token" in full:
        response.headers["Cache-Control"] = "private, no-store"
        response.headers["Vary"] = "Cookie"
    if new_cookie:
        response.set_cookie(CSRF_COOKIE, new_cookie, max_age=request.app.state.csrf.max_age, httponly=True,
                            samesite="lax", secure=request.url.scheme == "https")
    return response
