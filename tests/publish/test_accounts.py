"""Accounts on SQLite and PostgreSQL: Argon2id hashes, sign-in refusals that name no reason, limits, tokens."""

from __future__ import annotations

import re
import threading
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta

import pytest
from argon2 import PasswordHasher, Type, extract_parameters

from metalnomist.accounts import service
from metalnomist.accounts.service import (
    MAX_FAILURES_PER_ACCOUNT,
    MAX_FAILURES_PER_CLIENT,
    MAX_PASSWORD_CHARS,
    MIN_PASSWORD_CHARS,
    REFUSED,
    change_password,
    create_token,
    create_user,
    list_tokens,
    list_users,
    revoke,
    set_user_active,
    sign_in,
    user_for_token,
)
from metalnomist.errors import InvalidInput, NotFound, RateLimited, Unauthorized
from metalnomist.pipeline import Archive
from metalnomist.store.schema import api_tokens, users
from metalnomist.store.users import failures_since, record_failure, set_password_hash

PASSWORD = "correct horse battery"
# What production hashes with, kept before tests/publish/conftest.py swaps in its cheap hasher for speed.
PRODUCTION_HASHER, PRODUCTION_DUMMY_HASH = service._hasher, service._DUMMY_HASH


def test_a_password_is_stored_as_an_argon2id_hash_and_signs_in(archive: Archive) -> None:
    user = create_user(archive.store, "ana", PASSWORD, "admin")
    assert user.password_hash.startswith("$argon2id$") and PASSWORD not in user.password_hash
    assert sign_in(archive.store, "ana", PASSWORD, "client-1").name == "ana"
    assert [(u.name, u.role, u.active) for u in list_users(archive.store)] == [("ana", "admin", True)]


BAD_DETAILS = [
    ("ana", "short", "editor", "password"),  # under the minimum length
    ("ana", "x" * (MIN_PASSWORD_CHARS - 1), "editor", "password"),  # a character short of it
    ("ana", PASSWORD, "owner", "role"),  # not a role we have
    ("../ana", PASSWORD, "editor", "name"),  # names are plain identifiers
    ("ana smith", PASSWORD, "editor", "name"),  # from their first character to their last
    ("ana<script>", PASSWORD, "editor", "name"),
    ("a" * 81, PASSWORD, "editor", "name"),
    ("", PASSWORD, "editor", "name"),
]


def test_bad_account_details_are_refused_naming_the_field(archive: Archive) -> None:
    for name, password, role, field in BAD_DETAILS:
        with pytest.raises(InvalidInput) as caught:
            create_user(archive.store, name, password, role)
        assert caught.value.field == field
    assert list_users(archive.store) == []


def test_the_shortest_password_and_the_longest_name_are_taken_and_a_typed_names_spaces_ignored(
        archive: Archive) -> None:
    shortest, longest = "x" * MIN_PASSWORD_CHARS, "a" + "b" * 79
    create_user(archive.store, longest, shortest, "editor")
    assert sign_in(archive.store, f"  {longest} ", shortest, "client-1").name == longest


def test_failures_count_for_the_whole_window_not_only_the_last_minutes(archive: Archive) -> None:
    """Failures spread over the 15 minutes the refusal asks to wait still lock the account; older ones do not."""
    create_user(archive.store, "ana", PASSWORD, "editor")
    now, window = datetime.now(UTC), timedelta(minutes=15)
    with archive.store.transaction() as conn:
        for n in range(MAX_FAILURES_PER_ACCOUNT):
            record_failure(conn, "ana", f"client-{n}", now - window + timedelta(minutes=1 + n))
        record_failure(conn, "bob", "client-x", now - window - timedelta(minutes=1))
    with pytest.raises(RateLimited):
        sign_in(archive.store, "ana", PASSWORD, "client-new")
    create_user(archive.store, "bob", PASSWORD, "editor")
    with archive.store.transaction() as conn:
        for n in range(MAX_FAILURES_PER_ACCOUNT - 1):
            record_failure(conn, "bob", f"client-{n}", now - timedelta(minutes=1))
    assert sign_in(archive.store, "bob", PASSWORD, "client-new").name == "bob"  # the oldest fell out of the window


def test_a_second_account_of_the_same_name_is_refused(archive: Archive) -> None:
    create_user(archive.store, "ana", PASSWORD, "editor")
    with pytest.raises(InvalidInput, match="already exists"):
        create_user(archive.store, "ana", PASSWORD + "!", "admin")


def test_wrong_password_unknown_name_and_disabled_account_get_one_answer(archive: Archive) -> None:
    create_user(archive.store, "ana", PASSWORD, "editor")
    create_user(archive.store, "bob", PASSWORD, "editor")
    set_user_active(archive.store, "bob", False)
    messages = set()
    for name, password in [("ana", "wrong password"), ("nobody", PASSWORD), ("bob", PASSWORD)]:
        with pytest.raises(Unauthorized) as caught:
            sign_in(archive.store, name, password, "client-1")
        messages.add(str(caught.value))
    assert messages == {REFUSED}


def test_an_account_is_locked_after_repeated_failures_even_for_the_right_password(archive: Archive) -> None:
    create_user(archive.store, "ana", PASSWORD, "editor")
    for n in range(MAX_FAILURES_PER_ACCOUNT):
        with pytest.raises(Unauthorized):
            sign_in(archive.store, "ana", "guess " + str(n), f"client-{n}")  # a new client each time
    with pytest.raises(RateLimited, match="wait 15 minutes"):
        sign_in(archive.store, "ana", PASSWORD, "client-new")


def test_a_client_is_locked_after_failing_across_many_names(archive: Archive) -> None:
    create_user(archive.store, "ana", PASSWORD, "editor")
    for n in range(MAX_FAILURES_PER_CLIENT):
        with pytest.raises(Unauthorized):
            sign_in(archive.store, f"name{n}", PASSWORD, "sprayer")
    with pytest.raises(RateLimited):
        sign_in(archive.store, "ana", PASSWORD, "sprayer")
    assert sign_in(archive.store, "ana", PASSWORD, "someone-else").name == "ana"


def test_a_success_clears_the_accounts_failures(archive: Archive) -> None:
    create_user(archive.store, "ana", PASSWORD, "editor")
    for _ in range(2):
        for n in range(MAX_FAILURES_PER_ACCOUNT - 1):
            with pytest.raises(Unauthorized):
                sign_in(archive.store, "ana", f"typo {n}", "laptop")
        sign_in(archive.store, "ana", PASSWORD, "laptop")


def test_a_changed_password_replaces_the_old_one(archive: Archive) -> None:
    create_user(archive.store, "ana", PASSWORD, "editor")
    change_password(archive.store, "ana", "a new long passphrase")
    with pytest.raises(Unauthorized):
        sign_in(archive.store, "ana", PASSWORD, "c")
    assert sign_in(archive.store, "ana", "a new long passphrase", "c").name == "ana"
    with pytest.raises(NotFound):
        change_password(archive.store, "nobody", "a new long passphrase")


def test_a_new_password_is_held_to_the_same_length_rules_as_the_first(archive: Archive) -> None:
    """`metalnomist users password` and every other face change passwords through one function: a short one
    accepted there would undo the minimum that creating the account enforced."""
    create_user(archive.store, "ana", PASSWORD, "editor")
    for refused in ["short", "x" * (MAX_PASSWORD_CHARS + 1)]:
        with pytest.raises(InvalidInput) as caught:
            change_password(archive.store, "ana", refused)
        assert caught.value.field == "password"
    assert sign_in(archive.store, "ana", PASSWORD, "c").name == "ana"  # the old one still works


def test_signing_in_rehashes_a_password_stored_with_other_argon2_parameters(archive: Archive) -> None:
    """Raising Argon2's cost must reach old accounts too: the only moment the password is known again is a
    successful sign-in, which stores a hash made with today's parameters."""
    create_user(archive.store, "ana", PASSWORD, "editor")
    older = PasswordHasher(time_cost=2, memory_cost=128, parallelism=1).hash(PASSWORD)
    with archive.store.transaction() as conn:
        set_password_hash(conn, "ana", older)
    assert sign_in(archive.store, "ana", PASSWORD, "c").name == "ana"
    with archive.store.reading() as conn:
        stored = conn.execute(users.select().where(users.c.name == "ana")).one().password_hash
    assert stored != older and not service._hasher.check_needs_rehash(stored)
    assert sign_in(archive.store, "ana", PASSWORD, "c").name == "ana"


def test_a_password_longer_than_any_accounts_is_refused_not_cut_to_fit(archive: Archive) -> None:
    """Only the first MAX_PASSWORD_CHARS are hashed, to bound the work; a longer string (a paste with a newline)
    must still be a wrong password, or the rehash due at that sign-in would store it and lock the real one out."""
    password = "p" * MAX_PASSWORD_CHARS
    create_user(archive.store, "ana", password, "editor")
    with archive.store.transaction() as conn:  # a hash due for rehashing
        set_password_hash(conn, "ana", PasswordHasher(time_cost=1, memory_cost=64, parallelism=1).hash(password))
    with pytest.raises(Unauthorized):
        sign_in(archive.store, "ana", password + "\n", "c")
    assert sign_in(archive.store, "ana", password, "c").name == "ana"
    assert sign_in(archive.store, "ana", password, "c").name == "ana"  # and after its rehash


def test_a_success_clears_its_own_accounts_failures_and_no_one_elses(archive: Archive) -> None:
    """A sprayer who also holds an account must not reset its client's count, or another account's, by
    signing in to its own account between guesses: only failures naming the signed-in account go."""
    create_user(archive.store, "ana", PASSWORD, "editor")
    create_user(archive.store, "mallory", PASSWORD, "editor")
    guesses = [f"name{n}" for n in range(MAX_FAILURES_PER_CLIENT - MAX_FAILURES_PER_ACCOUNT)]
    for name in ["ana"] * (MAX_FAILURES_PER_ACCOUNT - 1) + guesses:
        with pytest.raises(Unauthorized):
            sign_in(archive.store, name, "guess", "sprayer")
    assert sign_in(archive.store, "mallory", PASSWORD, "sprayer").name == "mallory"
    with pytest.raises(Unauthorized):
        sign_in(archive.store, "ana", "one more guess", "sprayer")  # ana's 5th failure, the sprayer's 20th
    with pytest.raises(RateLimited):
        sign_in(archive.store, "ana", PASSWORD, "ana's laptop")
    with pytest.raises(RateLimited):
        sign_in(archive.store, "mallory", PASSWORD, "sprayer")


def test_a_token_is_stored_hashed_works_until_revoked(archive: Archive) -> None:
    create_user(archive.store, "ana", PASSWORD, "editor")
    token = create_token(archive.store, "ana")
    with archive.store.reading() as conn:
        stored = conn.execute(api_tokens.select()).one()
    assert token not in stored.digest and len(stored.digest) == 64
    assert user_for_token(archive.store, token).name == "ana"
    [(token_id, _, revoked)] = list_tokens(archive.store, "ana")
    assert revoked is None
    revoke(archive.store, token_id)
    with pytest.raises(Unauthorized):
        user_for_token(archive.store, token)
    with pytest.raises(NotFound):
        revoke(archive.store, token_id)


def test_a_disabled_accounts_tokens_stop_working(archive: Archive) -> None:
    create_user(archive.store, "ana", PASSWORD, "editor")
    token = create_token(archive.store, "ana")
    set_user_active(archive.store, "ana", False)
    with pytest.raises(Unauthorized):
        user_for_token(archive.store, token)
    for forged in ["", "mn_", token[:-1] + "x", "x" * 500]:
        with pytest.raises(Unauthorized):
            user_for_token(archive.store, forged)


def test_passwords_are_hashed_at_rfc_9106s_cost_and_an_unknown_name_costs_the_same() -> None:
    """The suite hashes cheaply, so only this test sees the parameters production uses: a lowered cost would
    make stolen hashes cheap to crack, and a cheaper stand-in for unknown names would tell them apart by time."""
    params = extract_parameters(PRODUCTION_HASHER.hash("x"))
    assert params.type is Type.ID
    assert params.time_cost >= 3 and params.memory_cost >= 64 * 1024 and params.parallelism >= 4  # RFC 9106
    assert params.salt_len >= 16 and params.hash_len >= 32
    assert extract_parameters(PRODUCTION_DUMMY_HASH) == params


def test_a_stored_hash_that_is_not_a_hash_refuses_the_sign_in(archive: Archive) -> None:
    """A hash damaged by hand or by a bad import is a refusal, counted like any other, not a server error."""
    create_user(archive.store, "ana", PASSWORD, "editor")
    with archive.store.transaction() as conn:
        set_password_hash(conn, "ana", "not an argon2 hash")
    with pytest.raises(Unauthorized, match=REFUSED):
        sign_in(archive.store, "ana", PASSWORD, "c")


def test_the_password_rule_says_how_long_the_refused_one_was(archive: Archive) -> None:
    with pytest.raises(InvalidInput, match=r"at least 10 characters \(this one has 5\)"):
        create_user(archive.store, "ana", "short", "editor")


def test_a_second_account_of_the_same_name_names_the_field(archive: Archive) -> None:
    create_user(archive.store, "ana", PASSWORD, "editor")
    with pytest.raises(InvalidInput) as caught:
        create_user(archive.store, "ana", PASSWORD, "editor")
    assert caught.value.field == "name"


def test_accounts_are_listed_by_name(archive: Archive) -> None:
    for name in ["zoe", "ana", "mia"]:
        create_user(archive.store, name, PASSWORD, "editor")
    assert [u.name for u in list_users(archive.store)] == ["ana", "mia", "zoe"]


def test_an_account_that_does_not_exist_is_not_found_not_quietly_done(archive: Archive) -> None:
    """`metalnomist users disable nobody` or `tokens list nobody` must say the name is wrong, not print nothing."""
    create_user(archive.store, "ana", PASSWORD, "editor")
    with pytest.raises(NotFound, match="no account named 'nobody'"):
        set_user_active(archive.store, "nobody", False)
    with pytest.raises(NotFound, match="no account named 'nobody'"):
        list_tokens(archive.store, "nobody")
    with pytest.raises(NotFound, match="no account named 'nobody'"):
        create_token(archive.store, "nobody")
    assert [(u.name, u.active) for u in list_users(archive.store)] == [("ana", True)]


def test_each_token_opens_its_own_account_and_each_list_holds_its_own(archive: Archive) -> None:
    """Two accounts whose tokens and ids do not line up: bob's token (the first) is bob's, not account 1's."""
    create_user(archive.store, "ana", PASSWORD, "editor")
    create_user(archive.store, "bob", PASSWORD, "admin")
    bobs = create_token(archive.store, "bob")
    anas = create_token(archive.store, "ana")
    assert (user_for_token(archive.store, bobs).name, user_for_token(archive.store, anas).name) == ("bob", "ana")
    [(bob_token, _, _)], [(ana_token, _, _)] = list_tokens(archive.store, "bob"), list_tokens(archive.store, "ana")
    assert bob_token != ana_token
    revoke(archive.store, bob_token)
    assert user_for_token(archive.store, anas).name == "ana"


def test_a_token_carries_32_random_bytes_after_its_prefix(archive: Archive) -> None:
    create_user(archive.store, "ana", PASSWORD, "editor")
    tokens = {create_token(archive.store, "ana") for _ in range(3)}
    assert len(tokens) == 3 and all(re.fullmatch(r"mn_[A-Za-z0-9_-]{43}", token) for token in tokens), tokens


def test_a_clients_failures_older_than_the_window_do_not_count(archive: Archive) -> None:
    create_user(archive.store, "ana", PASSWORD, "editor")
    now, window = datetime.now(UTC), timedelta(minutes=15)
    with archive.store.transaction() as conn:
        for n in range(MAX_FAILURES_PER_CLIENT - 1):
            record_failure(conn, f"name{n}", "sprayer", now - timedelta(minutes=1))
        record_failure(conn, "old", "sprayer", now - window - timedelta(minutes=1))
    assert sign_in(archive.store, "ana", PASSWORD, "sprayer").name == "ana"


def test_guesses_sent_all_at_once_get_no_more_tries_than_guesses_sent_one_by_one(archive: Archive) -> None:
    """Guesses sent together, from as many clients, must not all count the failures before them, find none,
    and all have their password checked: the limit holds however the guesses are timed."""
    create_user(archive.store, "ana", PASSWORD, "editor")
    together = 3 * MAX_FAILURES_PER_ACCOUNT
    start = threading.Barrier(together)

    def guess(n: int) -> str:
        if n < together:
            start.wait()
        try:
            sign_in(archive.store, "ana", f"guess {n}", f"client-{n}")
        except Unauthorized:
            return "checked"
        except RateLimited:
            return "refused unchecked"
        return "signed in"

    with ThreadPoolExecutor(max_workers=together) as pool:
        answers = Counter(pool.map(guess, range(together)))
    assert answers["checked"] <= MAX_FAILURES_PER_ACCOUNT, answers
    # One may be turned away for another still in flight beside it; the tries left then come one by one.
    answers += Counter(guess(together + n) for n in range(MAX_FAILURES_PER_ACCOUNT))
    assert answers == {"checked": MAX_FAILURES_PER_ACCOUNT, "refused unchecked": together}


def test_a_sign_in_refused_for_the_wait_is_no_new_failure(archive: Archive) -> None:
    """'Please wait 15 minutes' must hold: a retry while locked (the editor, not knowing) must not restart the
    wait, nor count against the client that sent it."""
    create_user(archive.store, "ana", PASSWORD, "editor")
    now = datetime.now(UTC)
    with archive.store.transaction() as conn:
        for n in range(MAX_FAILURES_PER_ACCOUNT):
            record_failure(conn, "ana", f"client-{n}", now - timedelta(minutes=10))
    for _ in range(3):
        with pytest.raises(RateLimited):
            sign_in(archive.store, "ana", PASSWORD, "laptop")
    with archive.store.reading() as conn:
        assert failures_since(conn, "ana", "laptop", now - timedelta(minutes=15)) == (MAX_FAILURES_PER_ACCOUNT, 0)
