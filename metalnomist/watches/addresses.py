"""Where a webhook may POST: public addresses only, so that a signed-in user cannot make the server
reach into its own network (127.0.0.1, 10.x, the cloud's metadata service at 169.254.169.254 …).

An address is checked when a watch is saved, for a clear message on the form, and again at every
send on the very IPs the connection then uses: a name may resolve elsewhere by then, so the socket
goes to an address that was checked, never to a second lookup of the name.
METALNOMIST_WEBHOOK_ALLOW_PRIVATE turns the check off (an intranet's receivers, the tests' own).
"""

from __future__ import annotations

import ipaddress
import socket
from typing import Any

from metalnomist.errors import AddressRefused

IP = ipaddress.IPv4Address | ipaddress.IPv6Address
# The first property an address has names it in the refusal (ipaddress's own properties).
REFUSED_KINDS = (("is_loopback", "a loopback"), ("is_unspecified", "an unspecified"), ("is_link_local", "a link-local"),
                 ("is_multicast", "a multicast"), ("is_reserved", "a reserved"), ("is_private", "a private"))
AddressInfo = tuple[socket.AddressFamily, socket.SocketKind, int, str, tuple[Any, ...]]  # socket.getaddrinfo's


def refused_kind(ip: IP) -> str | None:
    """What makes an IP no public receiver's, or None for a public one."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped  # ::ffff:127.0.0.1 is 127.0.0.1 (Python 3.11 does not call it loopback)
    kind = next((name for prop, name in REFUSED_KINDS if getattr(ip, prop)), None)
    return kind or (None if ip.is_global else "a non-public")  # 100.64.0.0/10, carrier-grade NAT's, and the like


def resolve(host: str, port: int) -> list[AddressInfo]:
    """Every address the host names, or AddressRefused when it names none."""
    try:
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise AddressRefused(f"the webhook's host {host!r} could not be found: {exc}") from None
    return [(family, kind, proto, name, tuple(address)) for family, kind, proto, name, address in found]


def public_addresses(host: str, port: int) -> list[AddressInfo]:
    """The host's addresses when every one is public; else AddressRefused naming the first that is not."""
    found = resolve(host, port)
    for info in found:
        ip = ipaddress.ip_address(info[4][0].split("%")[0])  # fe80::1%eth0: the zone is no part of the address
        if (kind := refused_kind(ip)) is not None:
            named = "is" if str(ip) == host.strip("[]") else f"resolves to {ip}, which is"
            raise AddressRefused(f"the webhook's host {host} {named} {kind} address; webhooks go to public "
                                 "addresses only (METALNOMIST_WEBHOOK_ALLOW_PRIVATE=true allows others)")
    return found


def connect(host: str, port: int, timeout: float, allow_private: bool) -> socket.socket:
    """A connection to the host, on an address just checked unless private ones are allowed."""
    if allow_private:
        return socket.create_connection((host, port), timeout)
    problem: OSError | None = None
    for family, kind, proto, _, address in public_addresses(host, port):
        sock = socket.socket(family, kind, proto)
        sock.settimeout(timeout)
        try:
            sock.connect(address)
            return sock
        except OSError as exc:
            sock.close()
            problem = exc
    raise problem or OSError(f"no address of {host} to connect to")
