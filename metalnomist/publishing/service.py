"""The desk's use cases, one function each, for the dashboard and the editors' API alike.

Every change is one transaction that also keeps a revision (for saves) and an audit entry, and
notes the post for the change log, so the search index follows publication and unpublication.
Facts are stored for published posts only: publishing extracts them with the ingest extractor,
and any other status removes them. The desk reads where it writes (the primary, not a replica that
may lag): an editor publishing the draft just saved, or looking for it in the list, must find it.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from datetime import UTC, datetime

from metalnomist.config import Settings
from metalnomist.errors import InvalidInput, NotFound
from metalnomist.ingest.checks import clean_text
from metalnomist.models import MAX_STORED_INT, AuditEntry, DeskPost, Fact, Post, PostStatus, Revision, User
from metalnomist.publishing.markdown import markdown_blocks
from metalnomist.store import Store
from metalnomist.store.desk import (
    add_revision,
    audit,
    audit_entries,
    create_post,
    delete_trashed,
    desk_post,
    desk_posts,
    due_posts,
    revisions_of,
    set_status,
    update_content,
)
from metalnomist.store.facts import replace_facts
from metalnomist.store.posts import status_counts


@dataclass(frozen=True)
class Draft:
    """What an editor sends: the words, before they are checked."""

    title: str
    markdown: str
    labels: tuple[str, ...] = ()


def parse_labels(text: str) -> tuple[str, ...]:
    """Comma-separated, as editors type them; blanks and repeats dropped, order kept."""
    return tuple(dict.fromkeys(part.strip() for part in text.split(",") if part.strip()))


def check(draft: Draft, settings: Settings) -> Draft:
    """The draft with surrounding space trimmed and, as in an ingest, control characters dropped and lone
    surrogates replaced (neither database stores them all), or InvalidInput naming every field at fault."""
    title = " ".join(clean_text(draft.title).split())
    markdown = clean_text(draft.markdown).replace("\r\n", "\n").strip()
    labels = tuple(dict.fromkeys(" ".join(clean_text(label).split()) for label in draft.labels))  # one row each
    problems: dict[str, str] = {}
    if not title:
        problems["title"] = "a post needs a title"
    elif len(title) > settings.max_title_chars:
        problems["title"] = f"at most {settings.max_title_chars} characters, this one has {len(title)}"
    if len(markdown) > settings.max_body_chars:
        problems["body"] = f"at most {settings.max_body_chars} characters, this one has {len(markdown)}"
    if len(labels) > settings.max_labels:
        problems["labels"] = f"at most {settings.max_labels} labels, this post has {len(labels)}"
    elif any(not label or len(label) > settings.max_label_chars for label in labels):
        problems["labels"] = f"each label needs 1 to {settings.max_label_chars} characters"
    if problems:
        (field, problem), *others = problems.items()
        raise InvalidInput(field, problem, dict(others))
    return Draft(title, markdown, labels)


def _post(draft: Draft) -> Post:
    return Post(title=draft.title, blocks=markdown_blocks(draft.markdown), labels=draft.labels, source="desk")


def facts_preview(draft: Draft) -> list[Fact]:
    """The figures this draft reports, each with its sentence, as the facts desk will read them once published."""
    from metalnomist.extract import extract_facts  # here, so opening the dashboard skips the grammar

    return extract_facts(_post(draft))


def _found(store: Store, post_id: int) -> DeskPost:
    if not 1 <= post_id <= MAX_STORED_INT:
        raise NotFound(f"post {post_id} does not exist")
    with store.reading(primary=True) as conn:
        found = desk_post(conn, post_id)
    if found is None:
        raise NotFound(f"post {post_id} does not exist")
    return found


def get_desk_post(store: Store, post_id: int) -> DeskPost:
    return _found(store, post_id)


def save(store: Store, settings: Settings, user: User, draft: Draft, post_id: int | None = None) -> int:
    """Create a draft, or change a post's words keeping its status and address; every save is a revision."""
    draft = check(draft, settings)
    post = _post(draft)
    now = datetime.now(UTC)
    current = _found(store, post_id) if post_id is not None else None
    facts = facts_preview(draft) if current is not None and current.status == "published" else None
    with store.transaction() as conn:
        if post_id is None:
            post_id = create_post(conn, draft.title, post.blocks, draft.labels, now)
            action = "create"
        else:
            update_content(conn, post_id, draft.title, post.blocks, draft.labels, now)
            action = "edit"
        if facts is not None:
            replace_facts(conn, {post_id: facts})
        revision = add_revision(conn, post_id, user.id, draft.title, draft.markdown, draft.labels, now)
        audit(conn, user.id, action, f"post {post_id}", f"revision {revision}: {draft.title[:200]}", now)
    return post_id


def check_move(status: PostStatus, publish_at: datetime | None, now: datetime | None = None) -> None:
    """InvalidInput unless the move can be made: a caller that also saves words checks first, so a refused
    schedule leaves no new draft or revision behind."""
    if status != "scheduled":
        return
    if publish_at is None:
        raise InvalidInput("publish_at", "a scheduled post needs a time to publish at")
    if publish_at.tzinfo is None:
        raise InvalidInput("publish_at", "give the time with its zone, e.g. 2026-12-24T09:00:00Z")
    if publish_at <= (now or datetime.now(UTC)):
        raise InvalidInput("publish_at", f"{publish_at.isoformat()} has passed; publish now instead")


def move(store: Store, user: User, post_id: int, status: PostStatus, publish_at: datetime | None = None) -> DeskPost:
    """Publish now, schedule (for a time still ahead), unpublish to a draft, trash, or restore from the trash."""
    current = _found(store, post_id)
    now = datetime.now(UTC)
    check_move(status, publish_at, now)
    facts = facts_preview(Draft(current.title, current.markdown, current.labels)) if status == "published" else None
    with store.transaction() as conn:
        set_status(conn, post_id, status, publish_at if status == "scheduled" else None, now)
        if facts is not None:
            replace_facts(conn, {post_id: facts})
        detail = f"{current.status} → {status}" + (f" at {publish_at.isoformat()}" if status == "scheduled" and
                                                    publish_at else "")
        audit(conn, user.id, status if status != "draft" else "unpublish", f"post {post_id}", detail, now)
    return _found(store, post_id)


def publish_due(store: Store, now: datetime | None = None) -> list[int]:
    """Publish every scheduled post whose time has come; several workers may call it at once."""
    now = now or datetime.now(UTC)
    with store.reading(primary=True) as conn:
        due = due_posts(conn, now)
    published = []
    for post_id in due:
        current = _found(store, post_id)
        facts = facts_preview(Draft(current.title, current.markdown, current.labels))
        with store.transaction() as conn:
            if set_status(conn, post_id, "published", None, now, only_from="scheduled"):
                replace_facts(conn, {post_id: facts})
                audit(conn, None, "published", f"post {post_id}", "scheduled → published at its time", now)
                published.append(post_id)
    return published


def restore_revision(store: Store, settings: Settings, user: User, post_id: int, revision_id: int) -> int:
    """Save that revision's words again, as a new revision: restoring loses nothing either."""
    chosen = next((r for r in revisions(store, post_id) if r.id == revision_id), None)
    if chosen is None:
        raise NotFound(f"post {post_id} has no revision {revision_id}")
    return save(store, settings, user, Draft(chosen.title, chosen.markdown, chosen.labels), post_id)


def revisions(store: Store, post_id: int) -> list[Revision]:
    _found(store, post_id)
    with store.reading(primary=True) as conn:
        return revisions_of(conn, post_id)


def posts_with_status(store: Store, status: PostStatus, offset: int = 0, limit: int = 50, text: str = "",
                      label: str = "") -> list[DeskPost]:
    """One status's posts for the dashboard, optionally those whose title holds `text` or that carry `label`."""
    with store.reading(primary=True) as conn:
        return desk_posts(conn, status, offset, limit, clean_text(text).strip()[:200], clean_text(label).strip()[:200])


def counts(store: Store) -> dict[str, int]:
    with store.reading(primary=True) as conn:
        found = status_counts(conn)
    return {status: found.get(status, 0) for status in ("draft", "scheduled", "published", "trash")}


def audit_log(store: Store, limit: int = 100) -> list[AuditEntry]:
    with store.reading(primary=True) as conn:
        return audit_entries(conn, limit)


def empty_trash(store: Store, user: User) -> int:
    """Final: trashed posts, their comments, facts and revisions are deleted; the audit log keeps their ids."""
    now = datetime.now(UTC)
    with store.transaction() as conn:
        ids = delete_trashed(conn)
        for post_id in ids:
            audit(conn, user.id, "delete", f"post {post_id}", "emptied from the trash", now)
    return len(ids)


def revision_diff(store: Store, post_id: int, revision_id: int) -> list[str]:
    """A unified diff from that revision to the post as it is now (title, labels, then the Markdown)."""
    current = _found(store, post_id)
    chosen = next((r for r in revisions(store, post_id) if r.id == revision_id), None)
    if chosen is None:
        raise NotFound(f"post {post_id} has no revision {revision_id}")

    def lines(title: str, labels: tuple[str, ...], markdown: str) -> list[str]:
        return [f"Title: {title}", f"Labels: {', '.join(labels)}", "", *markdown.splitlines()]

    return list(difflib.unified_diff(lines(chosen.title, chosen.labels, chosen.markdown),
                                     lines(current.title, current.labels, current.markdown),
                                     f"revision {revision_id}", "now", lineterm=""))
