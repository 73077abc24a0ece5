"""Webhooks: a watch's new posts as a JSON POST, signed with HMAC-SHA256 so the receiver knows it is ours.

The signature covers the timestamp and the exact body: `X-Metalnomist-Signature: sha256=HEX`, where
HEX = HMAC-SHA256(secret, TIMESTAMP + "." + BODY) and TIMESTAMP is the `X-Metalnomist-Timestamp`
header (Unix seconds). A receiver recomputes it, compares in constant time, and refuses old
timestamps, so a captured request cannot be replayed later (README: "Webhooks").
"""

from __future__ import annotations

import hashlib
import hmac
import http.client
import json
import secrets
import time
from collections.abc import Sequence

from metalnomist.config import Settings
from metalnomist.errors import AddressRefused, DeliveryFailed
from metalnomist.models import Post, Watch
from metalnomist.watches.delivery import Sender
from metalnomist.watches.posting import post

SIGNATURE_HEADER = "X-Metalnomist-Signature"
TIMESTAMP_HEADER = "X-Metalnomist-Timestamp"


def new_secret() -> str:
    return "whsec_" + secrets.token_hex(24)


def signature(secret: str, timestamp: str, body: bytes) -> str:
    return "sha256=" + hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256).hexdigest()


def payload(watch: Watch, posts: Sequence[Post], site_url: str) -> bytes:
    """What the receiver gets: the watch, and each new post with its address (absolute with a site URL)."""
    base = site_url.rstrip("/")
    body = {"watch": {"id": watch.id, "kind": watch.kind, "title": watch.title},
            "posts": [{"id": p.id, "title": p.title, "url": base + (p.permalink or ""),
                       "published": p.published.isoformat() if p.published else None, "labels": list(p.labels)}
                      for p in posts]}
    return json.dumps(body, ensure_ascii=False).encode()


def webhook_sender(settings: Settings) -> Sender:
    def send(watch: Watch, posts: Sequence[Post]) -> str:
        assert watch.webhook_url and watch.webhook_secret  # Watch.channels() offers webhooks only then
        body = payload(watch, posts, settings.site_url)
        timestamp = str(int(time.time()))
        headers = {"Content-Type": "application/json", "User-Agent": "Metalnomist-Webhook/1",
                   TIMESTAMP_HEADER: timestamp, SIGNATURE_HEADER: signature(watch.webhook_secret, timestamp, body)}
        url = watch.webhook_url
        try:
            status, reason = post(url, body, headers, settings.webhook_timeout_seconds, settings.webhook_allow_private)
        except AddressRefused as exc:
            raise DeliveryFailed(f"{url} refused: {exc}") from None
        except (OSError, http.client.HTTPException, ValueError) as exc:  # ValueError: an address http.client refuses
            raise DeliveryFailed(f"{url} could not be reached or answered wrongly: {exc or type(exc).__name__}") \
                from None
        if 300 <= status < 400:
            raise DeliveryFailed(f"{url} answered {status} {reason}; redirects are not followed, give the final "
                                 "address")
        if not 200 <= status < 300:
            raise DeliveryFailed(f"{url} answered {status} {reason}")
        return f"{url} answered {status}"

    return send
