"""The dashboard's comment moderation (held and published comments, in bulk) and the audit log."""

from __future__ import annotations

from typing import Annotated

from fastapi import Form, Request
from fastapi.responses import RedirectResponse, Response

from metalnomist.publishing.moderation import Verdict, moderate_comments, moderation_queue
from metalnomist.publishing.service import audit_log
from metalnomist.text import plain_number
from metalnomist.web.admin_auth import admin_page, csrf_ok, signed_in, to_login
from metalnomist.web.render import archive_of

DONE = {"approve": "Approved", "reject": "Rejected", "spam": "Marked as spam and removed"}


def comments_page(request: Request) -> Response:
    user = signed_in(request)
    if user is None:
        return to_login()
    held, published = moderation_queue(archive_of(request).store)
    done = request.query_params.get("done", "")
    count = request.query_params.get("n", "")
    notice = None
    if done in DONE and plain_number(count, 999_999) is not None:  # str.isdigit() takes '²' and '٣' too
        notice = f"{DONE[done]}: {count} comment{'' if count == '1' else 's'}."
    return admin_page(request, "admin_comments.html", {"held": held, "published": published, "notice": notice},
                      user)


def moderate_form(request: Request, action: Annotated[Verdict, Form()],
                  comment: Annotated[list[int] | None, Form()] = None,
                  csrf_token: Annotated[str, Form()] = "") -> Response:
    """One verdict for every ticked comment."""
    user = signed_in(request)
    if user is None:
        return to_login()
    if not csrf_ok(request, csrf_token):
        held, published = moderation_queue(archive_of(request).store)
        context = {"held": held, "published": published,
                   "error": "This form has expired or did not come from this site; nothing was changed."}
        return admin_page(request, "admin_comments.html", context, user, 403)
    chosen = comment or []
    missing = moderate_comments(archive_of(request).store, user, chosen, action)
    return RedirectResponse(f"/admin/comments?done={action}&n={len(chosen) - len(missing)}", status_code=303)


def audit_page(request: Request) -> Response:
    user = signed_in(request)
    if user is None:
        return to_login()
    return admin_page(request, "admin_audit.html", {"entries": audit_log(archive_of(request).store, 200)}, user)
