"""The account use cases every face calls: add, disable, change password, sign in, API tokens.

Passwords are hashed with Argon2id (argon2-cffi's defaults, RFC 9106's second recommendation).
API tokens are 32 random bytes, so a plain SHA-256 of one is enough to store: nobody can guess
their way back from it, and looking a token up needs no per-row salt.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from datetime import UTC, datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from metalnomist.errors import InvalidInput, NotFound, RateLimited, Unauthorized
from metalnomist.models import ROLES, User
from metalnomist.store import Store
from metalnomist.store.users import (
    add_token,
    add_user,
    all_users,
    failures_since,
    forget_attempt,
    forget_failures,
    record_failure,
    revoke_token,
    set_active,
    set_password_hash,
    tokens_of,
    user_by_id,
    user_by_name,
    user_by_token,
)

MIN_PASSWORD_CHARS = 10
MAX_PASSWORD_CHARS = 1000  # Argon2 takes any length, but a megabyte "password" is an attack, not a password
NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,79}")
FAILURE_WINDOW = timedelta(minutes=15)
MAX_FAILURES_PER_ACCOUNT = 5  # within the window: then that account waits, whoever asks
MAX_FAILURES_PER_CLIENT = 20  # within the window: then that client waits, whichever account it names
TOKEN_PREFIX = "mn_"
REFUSED = "that name and password do not match an active account"  # the same for every reason: no enumeration
WAIT = "too many failed sign-ins; please wait 15 minutes and try again"

_hasher = PasswordHasher()
# Verified against when the account does not exist, so an unknown name costs as long as a wrong password.
_DUMMY_HASH = _hasher.hash(secrets.token_hex(16))


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_CHARS:
        raise InvalidInput("password", f"use at least {MIN_PASSWORD_CHARS} characters (this one has {len(password)})")
    if len(password) > MAX_PASSWORD_CHARS:
        raise InvalidInput("password", f"use at most {MAX_PASSWORD_CHARS} characters")


def create_user(store: Store, name: str, password: str, role: str) -> User:
    if not NAME.fullmatch(name):
        raise InvalidInput("name", f"{name!r}: use 1 to 80 letters, digits, '.', '_' or '-', starting with a letter "
                                   "or digit")
    if role not in ROLES:
        raise InvalidInput("role", f"{role!r}: use one of {', '.join(ROLES)}")
    _check_password(password)
    hashed = _hasher.hash(password)
    with store.transaction() as conn:
        if user_by_name(conn, name) is not None:
            raise InvalidInput("name", f"an account named {name!r} already exists")
        return add_user(conn, name, hashed, role, datetime.now(UTC))


def list_users(store: Store) -> list[User]:
    with store.reading(primary=True) as conn:  # the admin who just added one sees it
        return all_users(conn)


def set_user_active(store: Store, name: str, active: bool) -> None:
    """A disabled account's sessions and tokens stop working at their next request."""
    with store.transaction() as conn:
        if not set_active(conn, name, active):
            raise NotFound(f"no account named {name!r}")


def change_password(store: Store, name: str, password: str) -> None:
    """Sessions signed over the old hash stop working (see web/session.py)."""
    _check_password(password)
    with store.transaction() as conn:
        if not set_password_hash(conn, name, _hasher.hash(password)):
            raise NotFound(f"no account named {name!r}")


def sign_in(store: Store, name: str, password: str, client: str) -> User:
    """The account, or Unauthorized with one message whatever was wrong; RateLimited after too many failures.

    Failures count per account name (guessing one password) and per client fingerprint (trying many
    names); both are stored, so every web worker sees the same counts. Each attempt is stored as a
    failure, and committed, before the counts are read: of guesses sent all at once, each then counts
    every one committed before it, so no more are checked than one by one would be.
    """
    now = datetime.now(UTC)
    name = name.strip()[:80]
    with store.transaction() as conn:
        attempt = record_failure(conn, name, client, now)
    with store.reading(primary=True) as conn:
        by_account, by_client = failures_since(conn, name, client, now - FAILURE_WINDOW)
        user = user_by_name(conn, name) if name else None
    if by_account > MAX_FAILURES_PER_ACCOUNT or by_client > MAX_FAILURES_PER_CLIENT:  # counting this attempt
        with store.transaction() as conn:
            forget_attempt(conn, attempt)
        raise RateLimited(WAIT)
    # No account has a longer password: one is refused, after the same work as any other (a megabyte is
    # not hashed), and never taken for its first characters, whose hash a rehash would then replace.
    fits = len(password) <= MAX_PASSWORD_CHARS
    if _verified(user, password[:MAX_PASSWORD_CHARS]) and fits and user is not None and user.active:
        with store.transaction() as conn:
            forget_failures(conn, name, now - FAILURE_WINDOW)
            if _hasher.check_needs_rehash(user.password_hash):
                set_password_hash(conn, name, _hasher.hash(password))
        return user
    raise Unauthorized(REFUSED)  # the attempt stays recorded as a failure


def _verified(user: User | None, password: str) -> bool:
    try:
        return _hasher.verify(user.password_hash if user else _DUMMY_HASH, password) and user is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_token(store: Store, name: str) -> str:
    """A new token for the account, returned this once: only its digest is stored."""
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    with store.transaction() as conn:
        user = user_by_name(conn, name)
        if user is None:
            raise NotFound(f"no account named {name!r}")
        add_token(conn, user.id, _digest(token), datetime.now(UTC))
    return token


def list_tokens(store: Store, name: str) -> list[tuple[int, datetime, datetime | None]]:
    with store.reading(primary=True) as conn:
        user = user_by_name(conn, name)
        if user is None:
            raise NotFound(f"no account named {name!r}")
        return tokens_of(conn, user.id)


def revoke(store: Store, token_id: int) -> None:
    with store.transaction() as conn:
        if not revoke_token(conn, token_id, datetime.now(UTC)):
            raise NotFound(f"no unrevoked token with id {token_id}")


def account(store: Store, user_id: int) -> User | None:
    """The account with this id, read from the primary: a disabled account is out at once, even on a replica."""
    with store.reading(primary=True) as conn:
        return user_by_id(conn, user_id)


def user_for_token(store: Store, token: str) -> User:
    """The active account behind a bearer token, or Unauthorized."""
    if token.startswith(TOKEN_PREFIX) and len(token) < 200:
        with store.reading(primary=True) as conn:
            user = user_by_token(conn, _digest(token))
        if user is not None:
            return user
    raise Unauthorized("a valid API token is required: send it as 'Authorization: Bearer mn_…' "
                       "(metalnomist tokens create NAME makes one)")
