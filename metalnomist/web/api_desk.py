"""The editors' API: write, change, trash posts, read their revisions and upload covers with an API token.

Every route depends on `editor`, which answers 401 (nothing read or changed) without a valid
`Authorization: Bearer` token; OpenAPI documents the scheme. The routes call the same desk use
cases as the dashboard.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from fastapi import Depends, File, Form, HTTPException, Path, Request, UploadFile
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, Field

from metalnomist.accounts.service import user_for_token
from metalnomist.errors import Unauthorized
from metalnomist.models import DeskPost, Revision, User
from metalnomist.publishing.media import MAX_ALT_CHARS, MAX_UPLOAD_BYTES, set_cover_image
from metalnomist.publishing.service import Draft, check_move, get_desk_post, move, revisions, save
from metalnomist.web.api import require_json
from metalnomist.web.render import archive_of

_bearer = HTTPBearer(auto_error=False, scheme_name="apiToken",
                     description="A token from `metalnomist tokens create NAME`, sent as `Authorization: Bearer mn_…`.")
PostId = Annotated[int, Path(ge=1, le=2**31 - 1, description="The post's numeric id.")]
Settable = Literal["draft", "scheduled", "published"]


def editor(request: Request,
           credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)] = None) -> User:
    if credentials is None:
        raise Unauthorized("a valid API token is required: send it as 'Authorization: Bearer mn_…' "
                           "(metalnomist tokens create NAME makes one)")
    return user_for_token(archive_of(request).store, credentials.credentials)


Editor = Annotated[User, Depends(editor)]
Json = Annotated[None, Depends(require_json)]


class PostIn(BaseModel):
    title: str
    body: str = Field("", description="Markdown.")
    labels: list[str] = []
    status: Settable = Field("draft", description="`scheduled` needs `publish_at`.")
    publish_at: datetime | None = Field(None, description="With its zone: `2026-12-24T09:00:00Z`.")


class PostPatch(BaseModel):
    """Only the fields sent change."""

    title: str | None = None
    body: str | None = Field(None, description="Markdown.")
    labels: list[str] | None = None
    status: Settable | None = None
    publish_at: datetime | None = None


class DeskPostOut(BaseModel):
    id: int
    title: str
    body: str = Field(description="Markdown.")
    labels: list[str]
    status: Literal["draft", "scheduled", "published", "trash"]
    publish_at: datetime | None
    url: str | None = Field(description="The permalink, fixed at first publication; null before.")
    published: datetime | None
    updated: datetime


class MediaOut(BaseModel):
    id: int
    url: str = Field(description="Where the image is served: to editors at once, to readers once the post is "
                                 "published.")
    post_id: int
    alt: str
    width: int
    height: int


class RevisionOut(BaseModel):
    id: int
    saved: datetime
    author: str | None
    title: str
    body: str
    labels: list[str]


def _out(post: DeskPost) -> DeskPostOut:
    return DeskPostOut(id=post.id, title=post.title, body=post.markdown, labels=list(post.labels), status=post.status,
                       publish_at=post.publish_at, url=post.permalink, published=post.published, updated=post.updated)


def _revision(revision: Revision) -> RevisionOut:
    return RevisionOut(id=revision.id, saved=revision.saved, author=revision.author, title=revision.title,
                       body=revision.markdown, labels=list(revision.labels))


def create_post(request: Request, payload: PostIn, user: Editor, _json: Json = None) -> DeskPostOut:
    """A draft by default; `status` publishes or schedules it at once."""
    archive = archive_of(request)
    check_move(payload.status, payload.publish_at)
    post_id = save(archive.store, archive.settings, user, Draft(payload.title, payload.body, tuple(payload.labels)))
    if payload.status != "draft":
        return _out(move(archive.store, user, post_id, payload.status, payload.publish_at))
    return _out(get_desk_post(archive.store, post_id))


def patch_post(request: Request, post_id: PostId, payload: PostPatch, user: Editor, _json: Json = None) -> DeskPostOut:
    """New words (a new revision) and/or a new status; the address stays what the first publication made it."""
    archive = archive_of(request)
    current = get_desk_post(archive.store, post_id)
    if payload.status is not None:
        check_move(payload.status, payload.publish_at)
    if payload.title is not None or payload.body is not None or payload.labels is not None:
        draft = Draft(current.title if payload.title is None else payload.title,
                      current.markdown if payload.body is None else payload.body,
                      current.labels if payload.labels is None else tuple(payload.labels))
        save(archive.store, archive.settings, user, draft, post_id)
    if payload.status is not None:
        move(archive.store, user, post_id, payload.status, payload.publish_at)
    return _out(get_desk_post(archive.store, post_id))


def trash_post(request: Request, post_id: PostId, user: Editor) -> DeskPostOut:
    """To the trash: gone from every public route, restorable with PATCH `status`."""
    return _out(move(archive_of(request).store, user, post_id, "trash"))


def post_revisions(request: Request, post_id: PostId, user: Editor) -> list[RevisionOut]:
    """Every save, newest first."""
    return [_revision(r) for r in revisions(archive_of(request).store, post_id)]


def require_multipart(request: Request) -> None:
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media_type != "multipart/form-data":
        raise HTTPException(415, "send the image as multipart/form-data, with the fields post_id, alt and image")


def upload_cover(request: Request, user: Editor,
                 post_id: Annotated[int, Form(ge=1, le=2**31 - 1, description="The post it is the cover of.")],
                 alt: Annotated[str, Form(max_length=MAX_ALT_CHARS, description="What the image shows, for "
                                          "readers who cannot see it.")],
                 image: Annotated[UploadFile, File(description="JPEG, PNG, GIF or WebP, judged by its bytes; "
                                                   f"at most {MAX_UPLOAD_BYTES:,} bytes.")],
                 _multipart: Annotated[None, Depends(require_multipart)] = None) -> MediaOut:
    """Set a post's cover image, as the dashboard's form does: re-encoded, resized, with required alt text."""
    data = image.file.read(MAX_UPLOAD_BYTES + 1)
    cover = set_cover_image(archive_of(request).store, user, post_id, data, alt)
    return MediaOut(id=cover.id, url=f"/media/{cover.id}", post_id=post_id, alt=cover.alt, width=cover.width,
                    height=cover.height)
