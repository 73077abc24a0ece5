"""A webhook POST on a short leash, against real receivers on 127.0.0.1: one deadline for the whole
exchange however the receiver drips its answer, an endless answer left unread past what a status
needs, and the address checked on the socket itself (redirects: test_delivery.py)."""

from __future__ import annotations

import socket

import pytest

from metalnomist.errors import AddressRefused
from metalnomist.watches.posting import MAX_ANSWER_BYTES, post
from tests.watches.receivers import drip_answer, http_receiver, tcp_receiver

BODY, HEADERS = b'{"posts": []}', {"Content-Type": "application/json"}


def test_a_receiver_dripping_its_answer_is_cut_off_at_the_deadline() -> None:
    """A byte every 0.1 s restarts a per-read timeout for ever; the deadline counts the whole exchange."""
    dripped: list[int] = []
    with tcp_receiver(lambda conn: drip_answer(conn, dripped)) as url, \
            pytest.raises(TimeoutError, match="within 1 s"):
        post(url, BODY, HEADERS, 1, allow_private=True)
    assert len(dripped) < 40  # hung up after about 10 of the 150


def test_an_endless_answer_is_read_no_further_than_a_status_needs() -> None:
    written: list[int] = []

    def endless(conn: socket.socket) -> None:
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n")
        chunk = b"x" * 65536
        try:
            for _ in range(4096):  # 256 MB unless the sender hangs up
                conn.sendall(chunk)
                written.append(len(chunk))
        except OSError:
            pass

    with tcp_receiver(endless) as url:
        assert post(url, BODY, HEADERS, 5, allow_private=True) == (200, "OK")
    # What the sender read, plus what the two sockets' buffers held when it hung up.
    assert MAX_ANSWER_BYTES <= sum(written) < 32 * 1024 * 1024


def test_a_private_address_is_refused_at_the_connection_itself() -> None:
    with http_receiver([204]) as receiver:
        with pytest.raises(AddressRefused, match="127.0.0.1 is a loopback address"):
            post(receiver.url, BODY, HEADERS, 5, allow_private=False)
        assert post(receiver.url, BODY, HEADERS, 5, allow_private=True) == (204, "No Content")
        assert len(receiver.received) == 1
