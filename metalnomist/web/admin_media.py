"""Cover images: uploaded on the dashboard; served to readers once a published post shows them, and
before that only to editors, privately.

An id never changes bytes, so readers get an ETag and a cheap 304; caches keep an image only for
minutes, so one that leaves the site (its post unpublished or trashed) leaves shared caches soon after."""

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

CACHE_PUBLIC = "public, max-age=300"  # how long a shared cache may show an image its post has since withdrawn
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
    if not public:
        return Response(data, media_type=content_type, headers={"Cache-Control": CACHE_NEVER})
    headers = {"Cache-Control": CACHE_PUBLIC, "ETag": f'"media-{media_id}"'}
    held = {tag.strip().removeprefix("W/") for tag in request.headers.get("if-none-match", "").split(",")}
    if headers["ETag"] in held or "*" in held:
        return Response(status_code=304, headers=headers)  # still shown: the copy the reader holds is current
    return Response(data, media_type=content_type, headers=headers)


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
