"""Response headers that every answer carries, and CSRF tokens for the comment form.

CSRF uses a double-submit scheme that needs no server state: a random cookie, and a form
token that is an HMAC of that cookie and a timestamp under the site's secret key. A forged
form from another site cannot read the cookie, so it cannot produce a matching token.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import secrets
import time
from collections.abc import Sequence
from urllib.parse import urlsplit

from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from metalnomist.text import plain_number

CSRF_COOKIE = "metalnomist_csrf"
CSRF_MAX_AGE = 2 * 24 * 3600  # a reader may leave a post open for a while before commenting

SECURITY_HEADERS: dict[str, str] = {
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


Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def _trusted(address: str, proxies: Sequence[Network]) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in proxies)


def client_address(request: Request, proxies: Sequence[Network]) -> str:
    """Who is asking, for per-client limits: the peer, unless the peer is a proxy we were told to trust.

    Anyone can send X-Forwarded-For, so it counts only from a trusted proxy, and then only the hops
    that proxies appended: read from the right, the first address that is not a trusted proxy.
    """
    peer = request.client.host if request.client else "unknown"
    if not _trusted(peer, proxies):
        return peer
    hops = [hop.strip() for value in request.headers.getlist("x-forwarded-for") for hop in value.split(",")]
    for hop in reversed([hop for hop in hops if hop]):
        if not _trusted(hop, proxies):
            return hop
    return peer


class PublicAddressMiddleware:
    """Make the Host header one we chose, since feeds, the sitemap and redirects build links from it.

    A client can send any Host; echoed into a feed or a redirect it points readers at the sender's
    site. The site URL setting wins when set; otherwise a Host in the allowed list is kept, and any
    other is replaced by the address the server listens on, which no client controls.
    """

    def __init__(self, app: ASGIApp, site_url: str = "", allowed_hosts: str = "") -> None:
        self.app = app
        self.site = urlsplit(site_url) if site_url else None
        self.allowed = [host.strip().strip("[]").lower() for host in allowed_hosts.split(",") if host.strip()]

    def _allowed(self, host: str) -> bool:
        name = (host.split("]", 1)[0] if host.startswith("[") else host.rsplit(":", 1)[0]).strip("[]").lower()
        return bool(name) and any(
            name == pattern or pattern == "*" or (pattern.startswith("*.") and name.endswith(pattern[1:]))
            for pattern in self.allowed)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] in ("http", "websocket"):
            headers = [(k, v) for k, v in scope.get("headers", []) if k != b"host"]
            host = dict(scope.get("headers", [])).get(b"host", b"").decode("latin-1")
            if self.site is not None:
                scope = {**scope, "scheme": self.site.scheme}
                host = self.site.netloc
            elif not self._allowed(host):
                host = _server_address(scope)
            scope = {**scope, "headers": [(b"host", host.encode("latin-1")), *headers]}
        await self.app(scope, receive, send)


def _server_address(scope: Scope) -> str:
    server = scope.get("server") or ("localhost", None)
    name, port = server[0], server[1]
    name = f"[{name}]" if ":" in name else name
    default = {"http": 80, "https": 443, "ws": 80, "wss": 443}.get(scope.get("scheme", "http"))
    return name if port in (None, default) else f"{name}:{port}"


class SecurityHeadersMiddleware:
    """Pure ASGI so it also covers static files and streamed responses; never overrides a route's choice."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                for name, value in SECURITY_HEADERS.items():
                    if name.lower().encode() not in present:
                        headers.append((name.lower().encode(), value.encode()))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


class Csrf:
    """Issues and checks form tokens bound to the reader's CSRF cookie."""

    def __init__(self, secret_key: str, max_age: int = CSRF_MAX_AGE) -> None:
        # An empty key means "random per process": tokens then die with the process, which is safe.
        self._key = secret_key.encode() if secret_key else secrets.token_bytes(32)
        self.max_age = max_age

    @staticmethod
    def new_cookie() -> str:
        return secrets.token_urlsafe(32)

    def _sign(self, cookie: str, issued: int) -> str:
        return hmac.new(self._key, f"{cookie}.{issued}".encode(), hashlib.sha256).hexdigest()

    def token(self, cookie: str, now: float | None = None) -> str:
        issued = int(time.time() if now is None else now)
        return f"{issued}.{self._sign(cookie, issued)}"

    def valid(self, cookie: str | None, token: str | None, now: float | None = None) -> bool:
        """Constant-time comparison; malformed, foreign or stale tokens are all simply invalid."""
        if not cookie or not token or "." not in token:
            return False
        issued_text, signature = token.split(".", 1)
        issued = plain_number(issued_text, 10**12)  # seconds since 1970: 10 digits until 2286
        if issued is None:
            return False
        age = (time.time() if now is None else now) - issued
        if age < -60 or age > self.max_age:
            return False
        return hmac.compare_digest(signature, self._sign(cookie, issued))
