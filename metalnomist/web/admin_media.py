"""Cover images: uploaded on the dashboard; served with long caching (an id never changes bytes) once a
published post shows them, and before that only to editors, privately."""

from __future__ import annotations

from typing import Annotated

from fastapi import File, Form, Request, UploadFile
from fastapi.responses import RedirectResponse, Response

from metalnomist.errors import InvalidInput, Unauthorized
from metalnomist.publishing.media import MAX_UPLOAD_BYTES, image_file, set_cover_image
from metalnomist.publishing.service import Draft, get_desk_post
from metalnomist.web.admin import EXPIRED, editor_page
from metalnomist.web.admin_auth import bearer_user, csrf_ok, signed_in, to_login
from metalnomist.web.render import archive_of

CACHE_FOREVER = "public, max-age=31536000, immutable"
CACHE_NEVER = "private, no-store"  # an unpublished image must not stay in a shared cache, or a reader's


def _is_editor(request: Request) -> bool:
    """Signed in on the dashboard, or sending a valid API token."""
    if signed_in(request) is not None:
        return True
    if not request.headers.get("authorization"):
        return False
    try:
        bearer_user(request)
    except Unauthorized:
        return False
    return True


def media_file(request: Request, media_id: int) -> Response:
    content_type, data, public = image_file(archive_of(request).store, media_id, lambda: _is_editor(request))
    return Response(data, media_type=content_type, headers={"Cache-Control": CACHE_FOREVER if public else CACHE_NEVER})


def cover_form(request: Request, post_id: int, image: Annotated[UploadFile | None, File()] = None,
               alt: Annotated[str, Form()] = "", csrf_token: Annotated[str, Form()] = "") -> Response:
    user = signed_in(request)
    if user is None:
        return to_login()
    store = archive_of(request).store
    post = get_desk_post(store, post_id)
    draft = Draft(post.title, post.markdown, post.labels)
    if not csrf_ok(request, csrf_token):
        return editor_page(request, user, post_id, draft, {"form": EXPIRED}, 403)
    data = image.file.read(MAX_UPLOAD_BYTES + 1) if image is not None else b""
    try:
        set_cover_image(store, user, post_id, data, alt)
    except InvalidInput as exc:
        return editor_page(request, user, post_id, draft, {f"cover_{k}": v for k, v in exc.problems.items()}, 400)
    return RedirectResponse(f"/admin/posts/{post_id}?done=cover", status_code=303)
