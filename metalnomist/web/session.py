"""Signed session cookies for signed-in editors: no server-side session table.

The cookie holds the account id and when it was issued, signed with HMAC-SHA256 over those and
the account's current password hash. So a changed password ends every session signed before it,
and a disabled account is refused because each request loads the account again.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time

from metalnomist.accounts.service import account
from metalnomist.models import MAX_STORED_INT, User
from metalnomist.pipeline import Archive
from metalnomist.text import plain_number

SESSION_COOKIE = "metalnomist_session"
SESSION_MAX_AGE = 12 * 3600  # a working day; then sign in again


class Sessions:
    def __init__(self, secret_key: str, max_age: int = SESSION_MAX_AGE) -> None:
        # Like CSRF tokens: an empty key means a random one per process, so sessions end with it.
        self._key = secret_key.encode() if secret_key else secrets.token_bytes(32)
        self.max_age = max_age

    def _sign(self, user_id: int, issued: int, password_hash: str) -> str:
        message = f"session.{user_id}.{issued}.{password_hash}".encode()
        return hmac.new(self._key, message, hashlib.sha256).hexdigest()

    def cookie(self, user: User, now: float | None = None) -> str:
        issued = int(time.time() if now is None else now)
        return f"{user.id}.{issued}.{self._sign(user.id, issued, user.password_hash)}"

    def user(self, archive: Archive, cookie: str | None, now: float | None = None) -> User | None:
        """The active account a cookie was signed for, or None for a missing, forged, stale or revoked one."""
        parts = (cookie or "").split(".")
        if len(parts) != 3:
            return None
        # an id past the databases' integer would be an error, not a missing account
        user_id, issued = plain_number(parts[0], MAX_STORED_INT), plain_number(parts[1], 10**12)
        if user_id is None or issued is None:
            return None
        age = (time.time() if now is None else now) - issued
        if not -60 <= age <= self.max_age:
            return None
        user = account(archive.store, user_id)
        if user is None or not user.active:
            return None
        return user if hmac.compare_digest(parts[2], self._sign(user_id, issued, user.password_hash)) else None
