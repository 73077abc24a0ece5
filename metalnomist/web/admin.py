"""The editors' dashboard at /admin. Every route checks the session first; forms carry CSRF tokens."""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import Response

from metalnomist.web.admin_auth import admin_page, signed_in, to_login


def dashboard(request: Request) -> Response:
    user = signed_in(request)
    if user is None:
        return to_login()
    return admin_page(request, "admin_dashboard.html", {}, user)
