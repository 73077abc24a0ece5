"""One webhook POST, kept on a short leash: to a checked address (addresses.py), within one deadline
for the whole exchange, no redirect followed, and no more of the answer read than a status needs.

A receiver decides how long a send takes and how much it answers; the worker sends every watch's
webhooks in turn, so one that answers slowly, byte by byte, or endlessly must not hold it up.
urllib would follow redirects (to anywhere), use the environment's proxies and let each byte of a
dripped answer restart its timeout; http.client does none of that.
"""

from __future__ import annotations

import http.client
import socket
import threading
from urllib.parse import quote, urlsplit

from metalnomist.watches.addresses import connect

MAX_ANSWER_BYTES = 64 * 1024  # a status and a short body; the rest is left unread
_KEPT = "%/:@!$&'()*+,;=?~"  # besides letters, digits and `_.-~`, which quote() never escapes


class _CheckedConnection(http.client.HTTPConnection):
    """Connects through addresses.connect, so an address is checked when the socket is opened."""

    allow_private = False

    def connect(self) -> None:
        assert self.timeout is not None  # post() always gives one
        self.sock = connect(self.host, self.port, self.timeout, self.allow_private)


class _CheckedHTTPSConnection(http.client.HTTPSConnection, _CheckedConnection):
    """HTTPS's connect wraps what _CheckedConnection.connect opened (the MRO puts it in between)."""


def _cut_off(connection: http.client.HTTPConnection, fired: threading.Event) -> None:
    """Unblock a send past its deadline: shutting the socket down ends a read that waits on it."""
    fired.set()
    sock = connection.sock
    if sock is not None:
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass  # already closed


def post(url: str, body: bytes, headers: dict[str, str], timeout: float,
         allow_private: bool) -> tuple[int, str]:
    """POST the body; the receiver's status and reason. Raises OSError, http.client.HTTPException or
    AddressRefused; TimeoutError once `timeout` seconds have passed, however the receiver drips."""
    parts = urlsplit(url)
    https = parts.scheme == "https"
    kind = _CheckedHTTPSConnection if https else _CheckedConnection
    connection = kind(parts.hostname or "", parts.port or (443 if https else 80), timeout=timeout)
    connection.allow_private = allow_private
    # A request line is ASCII: other characters go as UTF-8 escapes (`/hook/café` as `/hook/caf%C3%A9`);
    # what is escaped already, and the characters with a meaning in an address, stay as they are.
    target = quote(parts.path or "/", safe=_KEPT) + (f"?{quote(parts.query, safe=_KEPT)}" if parts.query else "")
    fired = threading.Event()
    deadline = threading.Timer(timeout, _cut_off, (connection, fired))
    deadline.start()
    try:
        connection.request("POST", target, body, headers)
        response = connection.getresponse()
        response.read(MAX_ANSWER_BYTES)
    except (OSError, http.client.HTTPException):
        if not fired.is_set():
            raise
    finally:
        deadline.cancel()
        connection.close()
    if fired.is_set():  # cut off: what was read may look whole (headers end at the end of the stream)
        raise TimeoutError(f"no complete answer within {timeout:g} s")
    return response.status, response.reason
