"""Accounts, their API tokens and failed sign-ins: rows in, rows out; hashing happens above."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Row, and_, delete, func, insert, or_, select, update

from metalnomist.models import User
from metalnomist.store.schema import api_tokens, sign_in_failures, users


def _user(row: Row[Any]) -> User:
    return User(id=row.id, name=row.name, role=row.role, active=row.active, password_hash=row.password_hash)


def add_user(conn: Connection, name: str, password_hash: str, role: str, now: datetime) -> User:
    values = {"name": name, "password_hash": password_hash, "role": role, "active": True, "created": now}
    new_id = conn.execute(insert(users).values(**values)).inserted_primary_key[0]  # type: ignore[index]
    return User(id=int(new_id), name=name, role=role, active=True, password_hash=password_hash)  # type: ignore[arg-type]


def user_by_name(conn: Connection, name: str) -> User | None:
    row = conn.execute(select(users).where(users.c.name == name)).first()
    return _user(row) if row else None


def user_by_id(conn: Connection, user_id: int) -> User | None:
    row = conn.execute(select(users).where(users.c.id == user_id)).first()
    return _user(row) if row else None


def all_users(conn: Connection) -> list[User]:
    return [_user(row) for row in conn.execute(select(users).order_by(users.c.name))]


def set_active(conn: Connection, name: str, active: bool) -> bool:
    return conn.execute(update(users).where(users.c.name == name).values(active=active)).rowcount > 0


def set_password_hash(conn: Connection, name: str, password_hash: str) -> bool:
    return conn.execute(update(users).where(users.c.name == name).values(password_hash=password_hash)).rowcount > 0


def add_token(conn: Connection, user_id: int, digest: str, now: datetime) -> int:
    values = {"user_id": user_id, "digest": digest, "created": now}
    return int(conn.execute(insert(api_tokens).values(**values)).inserted_primary_key[0])  # type: ignore[index]


def user_by_token(conn: Connection, digest: str) -> User | None:
    """The active account holding this unrevoked token."""
    query = (select(users).join(api_tokens, api_tokens.c.user_id == users.c.id)
             .where(api_tokens.c.digest == digest, api_tokens.c.revoked.is_(None), users.c.active.is_(True)))
    row = conn.execute(query).first()
    return _user(row) if row else None


def tokens_of(conn: Connection, user_id: int) -> list[tuple[int, datetime, datetime | None]]:
    """(id, created, revoked) of each of an account's tokens."""
    query = select(api_tokens.c.id, api_tokens.c.created, api_tokens.c.revoked).where(api_tokens.c.user_id == user_id)
    return [(row.id, row.created, row.revoked) for row in conn.execute(query.order_by(api_tokens.c.id))]


def revoke_token(conn: Connection, token_id: int, now: datetime) -> bool:
    query = update(api_tokens).where(api_tokens.c.id == token_id, api_tokens.c.revoked.is_(None)).values(revoked=now)
    return conn.execute(query).rowcount > 0


def record_failure(conn: Connection, account: str, client: str, now: datetime) -> int:
    """The attempt's id: sign-in records each attempt as a failure before it checks the password."""
    attempt = insert(sign_in_failures).values(account=account[:80], client=client, at=now)
    key = conn.execute(attempt).inserted_primary_key
    assert key is not None, "an insert of one row has its key"
    return int(key[0])


def forget_attempt(conn: Connection, attempt_id: int) -> None:
    """An attempt refused unchecked is no failure: retrying while locked does not extend the wait."""
    conn.execute(delete(sign_in_failures).where(sign_in_failures.c.id == attempt_id))


def failures_since(conn: Connection, account: str, client: str, since: datetime) -> tuple[int, int]:
    """(failures naming this account, failures from this client) since then."""
    recent = sign_in_failures.c.at >= since
    by_account = select(func.count()).where(and_(recent, sign_in_failures.c.account == account[:80]))
    by_client = select(func.count()).where(and_(recent, sign_in_failures.c.client == client))
    return int(conn.execute(by_account).scalar_one()), int(conn.execute(by_client).scalar_one())


def forget_failures(conn: Connection, account: str, before: datetime) -> None:
    """A successful sign-in clears the account's count; rows older than the window are dropped too."""
    conn.execute(delete(sign_in_failures).where(or_(sign_in_failures.c.account == account[:80],
                                                    sign_in_failures.c.at < before)))
