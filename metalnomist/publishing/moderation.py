"""Moderating readers' comments from the dashboard: held ones and published ones, in bulk, audited."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Literal

from metalnomist.models import MAX_STORED_INT, Comment, User
from metalnomist.store import Store
from metalnomist.store.comments import approve_comment, delete_comment, pending_comments
from metalnomist.store.desk import audit, recent_comments

Verdict = Literal["approve", "reject", "spam"]


def moderation_queue(store: Store, published: int = 50) -> tuple[list[Comment], list[Comment]]:
    """(held comments oldest first, the newest published ones)."""
    with store.reading(primary=True) as conn:
        return pending_comments(conn), recent_comments(conn, published)


def moderate_comments(store: Store, user: User, comment_ids: Iterable[int], verdict: Verdict) -> list[int]:
    """Approve (publish), reject or mark as spam (both delete) each comment; returns the ids that were not there.

    Spam is deleted like a rejection; the audit log keeps which it was, and who decided.
    """
    action = approve_comment if verdict == "approve" else delete_comment
    now = datetime.now(UTC)
    missing = []
    with store.transaction() as conn:
        for comment_id in comment_ids:
            if 1 <= comment_id <= MAX_STORED_INT and action(conn, comment_id):
                audit(conn, user.id, verdict, f"comment {comment_id}", verdict, now)
            else:
                missing.append(comment_id)
    return missing
