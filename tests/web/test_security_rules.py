"""security.py's rules driven directly, without an app: which Host survives, which headers are added,
which CSRF tokens pass. Each case is a mistake the site would otherwise make quietly (issue 16)."""

from __future__ import annotations

import asyncio
import hmac
import time

import pytest
from starlette.types import Message, Receive, Scope, Send

from metalnomist.web.security import (
    CSRF_MAX_AGE,
    SECURITY_HEADERS,
    Csrf,
    PublicAddressMiddleware,
    SecurityHeadersMiddleware,
)


class Recorder:
    """An ASGI app that keeps what reached it and answers with the headers it is given."""

    def __init__(self, headers: list[tuple[bytes, bytes]] | None = None) -> None:
        self.scope: Scope | None = None
        self.receive: Receive | None = None
        self.send: Send | None = None
        self.headers = headers

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        self.scope, self.receive, self.send = scope, receive, send
        start: Message = {"type": "http.response.start", "status": 200}
        if self.headers is not None:
            start["headers"] = self.headers
        await send(start)
        await send({"type": "http.response.body", "body": b"ok"})


async def _receive() -> Message:
    return {"type": "http.request", "body": b""}


def http_scope(host: str | None, server: tuple[str, int | None] | None = ("10.1.2.3", 8000),
               scheme: str = "http", kind: str = "http") -> Scope:
    headers = [(b"accept", b"*/*")] + ([(b"host", host.encode("latin-1"))] if host is not None else [])
    return {"type": kind, "scheme": scheme, "server": server, "headers": [*headers, (b"x-extra", b"1")]}


def forwarded(scope: Scope, site_url: str = "", allowed_hosts: str = "") -> Scope:
    """The scope the app behind PublicAddressMiddleware sees."""
    app = Recorder()
    asyncio.run(PublicAddressMiddleware(app, site_url, allowed_hosts)(scope, _receive, _ignore))
    assert app.scope is not None
    return app.scope


async def _ignore(message: Message) -> None:
    pass


def host_seen(scope: Scope, site_url: str = "", allowed_hosts: str = "") -> str:
    seen = forwarded(scope, site_url, allowed_hosts)
    hosts = [v.decode("latin-1") for k, v in seen["headers"] if k == b"host"]
    assert len(hosts) == 1, seen["headers"]
    return hosts[0]


ALLOWED = "News.Example,*.metals.example, [::1], X.example"


@pytest.mark.parametrize(
    ("host", "kept"),
    [
        ("news.example", True),
        ("news.example:8080", True),  # a port is not part of the name
        ("NEWS.EXAMPLE", True),  # host names are case-insensitive, on either side
        ("x.example", True),  # the list named it in capitals
        ("X.EXAMPLE:80", True),
        ("www.metals.example", True),  # *.domain covers its subdomains
        ("a.b.metals.example:443", True),
        ("[::1]:8000", True),  # a bracketed IPv6 address, with and without a port
        ("[::1]", True),
        ("metals.example", False),  # *.domain is not the domain itself
        ("evilmetals.example", False),  # nor a name that merely ends the same
        ("news.example.evil", False),
        ("news.exampleX", False),  # a longer name is another host, whatever its case
        ("news.example:80:80", False),  # not host[:port]: the name is not "news.example"
        ("[::2]:8000", False),
        ("evil.example", False),
        ("", False),  # an empty Host is never "allowed"
    ],
)
def test_only_allowed_hosts_are_kept(host: str, kept: bool) -> None:
    assert host_seen(http_scope(host), allowed_hosts=ALLOWED) == (host if kept else "10.1.2.3:8000")


def test_a_star_allows_any_named_host_but_not_an_empty_one() -> None:
    assert host_seen(http_scope("anything.example:81"), allowed_hosts="*") == "anything.example:81"
    assert host_seen(http_scope(""), allowed_hosts="*") == "10.1.2.3:8000"
    assert host_seen(http_scope(None), allowed_hosts="*") == "10.1.2.3:8000"


def test_with_nothing_configured_no_client_host_is_echoed() -> None:
    scope = http_scope("evil.example")
    app = Recorder()
    asyncio.run(PublicAddressMiddleware(app)(scope, _receive, _ignore))
    assert app.scope is not None
    assert app.scope["headers"] == [(b"host", b"10.1.2.3:8000"), (b"accept", b"*/*"), (b"x-extra", b"1")]
    assert app.scope["scheme"] == "http"
    assert scope["headers"][1] == (b"host", b"evil.example")  # the caller's scope is left as it was


def test_the_site_url_wins_over_any_host_and_sets_the_scheme() -> None:
    for host in ["news.example", "evil.example", None]:
        seen = forwarded(http_scope(host), site_url="https://public.example:8443", allowed_hosts="news.example")
        assert seen["scheme"] == "https"
        assert [v for k, v in seen["headers"] if k == b"host"] == [b"public.example:8443"]


def test_a_scope_without_headers_still_gets_a_host() -> None:
    scope = http_scope(None)
    del scope["headers"]
    assert forwarded(scope, allowed_hosts="*")["headers"] == [(b"host", b"10.1.2.3:8000")]


def test_a_client_sending_two_hosts_has_both_replaced_by_one() -> None:
    scope = http_scope("evil.example")
    scope["headers"].append((b"host", b"evil2.example"))
    seen = forwarded(scope)
    assert [v for k, v in seen["headers"] if k == b"host"] == [b"10.1.2.3:8000"]


def test_websockets_are_rewritten_and_other_scopes_pass_untouched() -> None:
    assert host_seen(http_scope("evil.example", kind="websocket", scheme="ws")) == "10.1.2.3:8000"
    lifespan: Scope = {"type": "lifespan"}
    assert forwarded(lifespan) is lifespan


def test_the_app_gets_the_same_receive_and_send() -> None:
    app = Recorder()
    sent: list[Message] = []

    async def send(message: Message) -> None:
        sent.append(message)

    asyncio.run(PublicAddressMiddleware(app)(http_scope("a.example"), _receive, send))
    assert app.receive is _receive and app.send is send
    assert [m["type"] for m in sent] == ["http.response.start", "http.response.body"]


@pytest.mark.parametrize(
    ("server", "scheme", "address"),
    [
        (("10.1.2.3", 8000), "http", "10.1.2.3:8000"),
        (("example.org", 80), "http", "example.org"),  # the scheme's own port is left out
        (("example.org", 443), "https", "example.org"),
        (("example.org", 80), "https", "example.org:80"),  # ...but only the scheme's own
        (("example.org", 443), "http", "example.org:443"),
        (("example.org", 80), "ws", "example.org"),
        (("example.org", 443), "wss", "example.org"),
        (("example.org", 443), "ws", "example.org:443"),
        (("example.org", 80), "wss", "example.org:80"),
        (("::1", 8000), "http", "[::1]:8000"),  # IPv6 in brackets, as a Host header has it
        (("::1", 80), "http", "[::1]"),
        (("/tmp/unix.sock", None), "http", "/tmp/unix.sock"),  # a Unix socket has no port
        (None, "http", "localhost"),  # no server at all
    ],
)
def test_a_refused_host_becomes_the_address_the_server_listens_on(server: tuple[str, int | None] | None,
                                                                    scheme: str, address: str) -> None:
    assert host_seen(http_scope("evil.example", server=server, scheme=scheme)) == address


def test_a_scope_without_a_scheme_counts_as_http() -> None:
    scope = http_scope("evil.example", server=("example.org", 80))
    del scope["scheme"]
    assert host_seen(scope) == "example.org"


def answer(app: Recorder, scope: Scope) -> list[Message]:
    sent: list[Message] = []

    async def send(message: Message) -> None:
        sent.append(message)

    asyncio.run(SecurityHeadersMiddleware(app)(scope, _receive, send))
    return sent


def test_every_security_header_is_added_in_lower_case() -> None:
    for headers in [None, [(b"content-type", b"text/plain")]]:
        start, body = answer(Recorder(headers), http_scope("a.example"))
        expected = [(name.lower().encode(), value.encode()) for name, value in SECURITY_HEADERS.items()]
        assert start["headers"] == (headers or []) + expected
        assert body == {"type": "http.response.body", "body": b"ok"}


def test_a_route_that_set_a_security_header_keeps_its_own_value() -> None:
    start, _ = answer(Recorder([(b"X-Frame-Options", b"SAMEORIGIN")]), http_scope("a.example"))
    frame = [v for k, v in start["headers"] if k.lower() == b"x-frame-options"]
    assert frame == [b"SAMEORIGIN"]
    assert len(start["headers"]) == len(SECURITY_HEADERS)


def test_scopes_other_than_http_pass_through_untouched() -> None:
    app = Recorder()
    scope = http_scope("a.example", kind="websocket")
    sent = answer(app, scope)
    assert app.scope is scope and app.receive is _receive
    assert "headers" not in sent[0]


def test_csrf_token_checks_age_boundaries_on_both_sides() -> None:
    csrf = Csrf("key", max_age=100)
    token = csrf.token("cookie", now=1000)
    assert token.startswith("1000.")
    assert csrf.valid("cookie", token, now=1100)  # exactly max_age old still passes
    assert not csrf.valid("cookie", token, now=1101)
    assert csrf.valid("cookie", token, now=940)  # a client clock a minute ahead is tolerated
    assert not csrf.valid("cookie", token, now=939)


def test_csrf_default_lifetime_is_two_days() -> None:
    csrf = Csrf("key")
    token = csrf.token("cookie", now=0)
    assert csrf.valid("cookie", token, now=CSRF_MAX_AGE) and not csrf.valid("cookie", token, now=CSRF_MAX_AGE + 1)
    assert CSRF_MAX_AGE == 2 * 24 * 3600


def test_csrf_token_defaults_to_the_current_time() -> None:
    csrf = Csrf("key", max_age=100)
    before = int(time.time())
    token = csrf.token("cookie")
    assert before <= int(token.split(".")[0]) <= int(time.time())
    assert csrf.valid("cookie", token)
    assert not csrf.valid("cookie", csrf.token("cookie", now=time.time() - 200))


@pytest.mark.parametrize(
    "forged",
    [
        "abc.def",  # not a timestamp
        "1000",  # no signature
        "1000.",  # an empty one
        "-5.abc",
        "1000.abc.def",  # a dot too many
        "",
    ],
)
def test_malformed_csrf_tokens_are_invalid_not_errors(forged: str) -> None:
    assert Csrf("key", max_age=100).valid("cookie", forged, now=1000) is False


def test_a_token_with_a_signature_for_another_time_is_refused() -> None:
    csrf = Csrf("key", max_age=100)
    signature = csrf.token("cookie", now=1000).split(".", 1)[1]
    assert not csrf.valid("cookie", f"1001.{signature}", now=1050)
    assert not csrf.valid("cookie", f"x.{signature}", now=1050)


def test_csrf_keys_are_shared_when_given_and_private_when_not() -> None:
    """Worker processes sharing a secret key accept each other's tokens; without one, each its own."""
    assert Csrf("key").valid("cookie", Csrf("key").token("cookie"))
    assert not Csrf("").valid("cookie", Csrf("").token("cookie"))


def test_new_csrf_cookies_carry_32_random_bytes() -> None:
    cookies = {Csrf.new_cookie() for _ in range(20)}
    assert len(cookies) == 20 and {len(c) for c in cookies} == {43}  # 32 bytes, URL-safe base64


def test_the_security_headers_are_the_ones_we_mean() -> None:
    """The other tests read SECURITY_HEADERS for what to expect, so a header dropped or loosened there would
    pass them all: here each one is written out."""
    assert SECURITY_HEADERS == {
        "Content-Security-Policy": (
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
        ),
        "X-Content-Type-Options": "nosniff",
        "X-Frame-Options": "DENY",
        "Referrer-Policy": "strict-origin-when-cross-origin",
        "Cross-Origin-Opener-Policy": "same-origin",
        "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    }


def test_csrf_signatures_are_compared_in_constant_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """`==` would leak through its timing how much of a forged signature was right; no test can time that
    reliably, so this one checks the comparison goes through hmac.compare_digest."""
    csrf, compared = Csrf("key", max_age=100), []
    real = hmac.compare_digest

    def spy(a: str, b: str) -> bool:
        compared.append(a)
        return real(a, b)

    token = csrf.token("cookie", now=1000)
    monkeypatch.setattr(hmac, "compare_digest", spy)
    assert csrf.valid("cookie", token, now=1000) and not csrf.valid("cookie", "1000." + "0" * 64, now=1000)
    assert compared == [token.split(".", 1)[1], "0" * 64]


def test_a_request_without_the_cookie_is_refused_whatever_token_it_carries() -> None:
    """A cross-site form carries no cookie of ours (SameSite=lax), but anyone can get a token for a cookie they
    chose, such as the text "None" or an empty value: none of those may stand in for the missing cookie."""
    csrf = Csrf("key", max_age=100)
    for missing in (None, ""):
        for chosen in ("None", ""):
            assert not csrf.valid(missing, csrf.token(chosen, now=1000), now=1000), (missing, chosen)
