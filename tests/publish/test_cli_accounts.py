"""`metalnomist users` and `metalnomist tokens`, driven in-process."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from metalnomist.accounts.service import sign_in, user_for_token
from metalnomist.cli import cli
from metalnomist.errors import InvalidInput, Unauthorized
from metalnomist.store import Store


def run(db: str, *args: str, stdin: str | None = None) -> str:
    result = CliRunner().invoke(cli, ["--db", db, *args], input=stdin, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_add_list_disable_and_change_password(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path}/a.db"
    assert run(db, "users", "add", "ana", "--role", "admin", "--password-stdin",
               stdin="correct horse battery\n") == "added admin ana\n"
    # the prompt asks twice and hides what is typed
    assert "added editor ben" in run(db, "users", "add", "ben", stdin="battery staple horse\nbattery staple horse\n")
    assert run(db, "users", "list") == "ana\tadmin\tactive\nben\teditor\tactive\n"
    run(db, "users", "disable", "ben")
    assert "ben\teditor\tdisabled" in run(db, "users", "list")
    run(db, "users", "password", "ana", "--password-stdin", stdin="a brand new passphrase\n")
    store = Store.open(db)
    assert sign_in(store, "ana", "a brand new passphrase", "c").name == "ana"
    with pytest.raises(Unauthorized):
        sign_in(store, "ben", "battery staple horse", "c")
    store.close()
    with pytest.raises(InvalidInput, match="at least 10 characters"):
        CliRunner().invoke(cli, ["--db", db, "users", "add", "cy", "--password-stdin"], input="short\n",
                           catch_exceptions=False)


def test_a_token_is_printed_once_and_can_be_revoked(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path}/a.db"
    run(db, "users", "add", "ana", "--password-stdin", stdin="correct horse battery\n")
    token = run(db, "tokens", "create", "ana").strip()
    store = Store.open(db)
    assert user_for_token(store, token).name == "ana"
    listed = run(db, "tokens", "list", "ana")
    assert token not in listed and listed.startswith("1\tcreated ") and listed.endswith("\tactive\n")
    assert run(db, "tokens", "revoke", "1") == "revoked token 1\n"
    with pytest.raises(Unauthorized):
        user_for_token(store, token)
    store.close()
