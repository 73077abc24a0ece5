"""The editors' dashboard at /admin: posts by status, the editor with its previews, revisions.

Every route checks the session first and every form its CSRF token; the desk's use cases
(publishing/service.py) do the work, the same ones the editors' API calls.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any, Literal

from fastapi import Form, Query, Request
from fastapi.responses import RedirectResponse, Response

from metalnomist.browse import label_counts
from metalnomist.errors import InvalidInput
from metalnomist.models import PostStatus, User
from metalnomist.publishing.markdown import preview_html
from metalnomist.publishing.service import (
    Draft,
    check,
    counts,
    empty_trash,
    facts_preview,
    get_desk_post,
    move,
    parse_labels,
    posts_with_status,
    restore_revision,
    revision_diff,
    revisions,
    save,
)
from metalnomist.web.admin_auth import admin_page, csrf_ok, signed_in, to_login
from metalnomist.web.render import archive_of

FormText = Annotated[str, Form()]
Action = Literal["preview", "save", "publish", "schedule", "unpublish", "trash", "restore"]
STATUSES: tuple[PostStatus, ...] = ("draft", "scheduled", "published", "trash")
NOTICES = {"saved": "Draft saved.", "published": "Published.", "scheduled": "Scheduled.",
           "draft": "Moved back to drafts.", "trash": "Moved to the trash.", "restored": "Revision restored.",
           "emptied": "The trash is empty.", "cover": "Cover image saved."}
STATUS_ONLY: dict[str, PostStatus] = {"unpublish": "draft", "trash": "trash", "restore": "draft"}
MAX_SUGGESTED_LABELS = 2000  # every label rides in the editor page; past this, the rare ones are left out
EXPIRED = "This form has expired or did not come from this site; nothing was changed. Please send it again."


def dashboard(request: Request, status: Annotated[PostStatus, Query()] = "draft", q: str = "",
              label: str = "") -> Response:
    """Posts of one status, with the count of each; a title search and a label narrow the list."""
    user = signed_in(request)
    return to_login() if user is None else desk_page(request, user, status, q, label)


def desk_page(request: Request, user: User, status: PostStatus, q: str = "", label: str = "",
              error: str | None = None, status_code: int = 200) -> Response:
    """The dashboard, also for a refused form on it: an editor must see why nothing changed."""
    store = archive_of(request).store
    context = {"status": status, "statuses": STATUSES, "counts": counts(store), "q": q, "label": label,
               "posts": posts_with_status(store, status, text=q, label=label), "error": error,
               "notice": NOTICES.get(request.query_params.get("done", ""))}
    return admin_page(request, "admin_dashboard.html", context, user, status_code)


def editor_page(request: Request, user: User, post_id: int | None, draft: Draft, errors: dict[str, str] | None = None,
            status_code: int = 200, publish_at: str = "") -> Response:
    """The form, with the sanitised preview and the facts the draft reports, each with its sentence."""
    archive = archive_of(request)
    post = get_desk_post(archive.store, post_id) if post_id is not None else None
    context: dict[str, Any] = {
        "post": post, "draft": draft, "labels_text": ", ".join(draft.labels), "errors": errors or {},
        "preview": preview_html(draft.markdown), "facts": facts_preview(draft) if draft.title.strip() else [],
        "revisions": revisions(archive.store, post_id) if post_id is not None else [],
        "known_labels": known_labels(request), "publish_at": publish_at,
        "notice": NOTICES.get(request.query_params.get("done", "")),
    }
    return admin_page(request, "admin_edit.html", context, user, status_code)


def known_labels(request: Request) -> list[str]:
    """The labels published posts carry, for the label field's suggestions: the most used ones when there are
    very many, in name order. As last counted (Archive.counts): on a large archive, a new one a count later."""
    counted = label_counts(archive_of(request))
    most_used = sorted(counted, key=lambda pair: -pair[1])[:MAX_SUGGESTED_LABELS]
    return sorted((name for name, _ in most_used), key=str.casefold)


def new_post(request: Request) -> Response:
    user = signed_in(request)
    return to_login() if user is None else editor_page(request, user, None, Draft("", ""))


def edit_post(request: Request, post_id: int) -> Response:
    user = signed_in(request)
    if user is None:
        return to_login()
    post = get_desk_post(archive_of(request).store, post_id)
    return editor_page(request, user, post_id, Draft(post.title, post.markdown, post.labels))


def _when(text: str) -> datetime:
    """The form's `datetime-local` value, which the page says is UTC."""
    try:
        return datetime.fromisoformat(text.strip()).replace(tzinfo=UTC)
    except ValueError:
        raise InvalidInput("publish_at", f"{text!r} is not a date and time like 2026-12-24T09:00") from None


def _act(request: Request, user: User, post_id: int | None, draft: Draft, action: Action, publish_at: str) -> str:
    """Save the words (every action but the status-only ones), then move the post; returns the notice key."""
    archive = archive_of(request)
    if action in STATUS_ONLY and post_id is not None:
        move(archive.store, user, post_id, STATUS_ONLY[action])
        return STATUS_ONLY[action]
    when = _when(publish_at) if action == "schedule" else None
    if action == "schedule" and when is not None and when <= datetime.now(UTC):
        raise InvalidInput("publish_at", f"{when:%Y-%m-%d %H:%M} UTC has passed; publish now instead")
    post_id = save(archive.store, archive.settings, user, draft, post_id)
    request.state.post_id = post_id
    if action == "publish":
        move(archive.store, user, post_id, "published")
        return "published"
    if action == "schedule":
        move(archive.store, user, post_id, "scheduled", when)
        return "scheduled"
    return "saved"


def submit(request: Request, post_id: int | None, title: str, body: str, labels: str, action: Action,
           publish_at: str, csrf_token: str) -> Response:
    user = signed_in(request)
    if user is None:
        return to_login()
    draft = Draft(title, body, parse_labels(labels))
    if not csrf_ok(request, csrf_token):
        return editor_page(request, user, post_id, draft, {"form": EXPIRED}, 403, publish_at)
    try:
        if action == "preview":
            check(draft, archive_of(request).settings)
            return editor_page(request, user, post_id, draft, publish_at=publish_at)
        done = _act(request, user, post_id, draft, action, publish_at)
    except InvalidInput as exc:
        return editor_page(request, user, post_id, draft, exc.problems, 400, publish_at)
    target = getattr(request.state, "post_id", post_id)
    return RedirectResponse(f"/admin/posts/{target}?done={done}", status_code=303)


def create_form(request: Request, title: FormText = "", body: FormText = "", labels: FormText = "",
                action: Annotated[Action, Form()] = "save", publish_at: FormText = "",
                csrf_token: FormText = "") -> Response:
    return submit(request, None, title, body, labels, action, publish_at, csrf_token)


def update_form(request: Request, post_id: int, title: FormText = "", body: FormText = "", labels: FormText = "",
                action: Annotated[Action, Form()] = "save", publish_at: FormText = "",
                csrf_token: FormText = "") -> Response:
    return submit(request, post_id, title, body, labels, action, publish_at, csrf_token)


def restore_form(request: Request, post_id: int, revision_id: int, csrf_token: FormText = "") -> Response:
    user = signed_in(request)
    if user is None:
        return to_login()
    if not csrf_ok(request, csrf_token):
        post = get_desk_post(archive_of(request).store, post_id)
        draft = Draft(post.title, post.markdown, post.labels)
        return editor_page(request, user, post_id, draft, {"form": EXPIRED}, 403)
    archive = archive_of(request)
    restore_revision(archive.store, archive.settings, user, post_id, revision_id)
    return RedirectResponse(f"/admin/posts/{post_id}?done=restored", status_code=303)


def diff_page(request: Request, post_id: int, revision_id: int) -> Response:
    user = signed_in(request)
    if user is None:
        return to_login()
    store = archive_of(request).store
    context = {"post": get_desk_post(store, post_id), "revision_id": revision_id,
               "diff": revision_diff(store, post_id, revision_id)}
    return admin_page(request, "admin_diff.html", context, user)


def empty_trash_form(request: Request, csrf_token: FormText = "") -> Response:
    """Final, so POST with a CSRF token only."""
    user = signed_in(request)
    if user is None:
        return to_login()
    if not csrf_ok(request, csrf_token):
        return desk_page(request, user, "trash", error=EXPIRED, status_code=403)
    empty_trash(archive_of(request).store, user)
    return RedirectResponse("/admin?status=trash&done=emptied", status_code=303)
