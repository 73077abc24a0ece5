"""Webhook addresses into the server's own network are refused when a watch is saved (sending checks
again: test_delivery.py, test_posting.py), unless METALNOMIST_WEBHOOK_ALLOW_PRIVATE allows them."""

from __future__ import annotations

import ipaddress
import socket

import pytest

from metalnomist.errors import AddressRefused, InvalidInput
from metalnomist.models import User
from metalnomist.pipeline import Archive
from metalnomist.store.watches import watch_by_id
from metalnomist.watches.addresses import public_addresses, refused_kind
from metalnomist.watches.service import save_search_watch, set_watch_deliveries


@pytest.mark.parametrize(("ip", "kind"), [
    ("127.0.0.1", "a loopback"),
    ("127.8.9.10", "a loopback"),  # all of 127/8
    ("::1", "a loopback"),
    ("::ffff:127.0.0.1", "a loopback"),  # IPv4 in IPv6 clothing (3.11's ipaddress calls it only private)
    ("0.0.0.0", "an unspecified"),  # Linux connects it to the host itself
    ("::", "an unspecified"),
    ("169.254.169.254", "a link-local"),  # the cloud providers' metadata service, with their credentials
    ("fe80::1", "a link-local"),
    ("224.0.0.1", "a multicast"),
    ("ff02::1", "a multicast"),
    ("10.1.2.3", "a private"),
    ("172.16.0.1", "a private"),
    ("192.168.1.1", "a private"),
    ("fd00::1", "a private"),  # unique local
    ("240.0.0.1", "a reserved"),
    ("100.64.0.1", "a non-public"),  # carrier-grade NAT's shared space: neither private nor global
    ("93.184.215.14", None),
    ("2606:4700::1111", None),
])
def test_each_kind_of_address_that_is_not_public_is_named(ip: str, kind: str | None) -> None:
    assert refused_kind(ipaddress.ip_address(ip)) == kind


def test_a_name_is_judged_by_the_addresses_it_resolves_to() -> None:
    with pytest.raises(AddressRefused, match=r"host localhost resolves to (127\.0\.0\.1|::1), which is a loopback"):
        public_addresses("localhost", 80)
    with pytest.raises(AddressRefused, match="could not be found"):
        public_addresses("no-such-host.invalid", 80)
    assert [info[4][0] for info in public_addresses("93.184.215.14", 443)] == ["93.184.215.14"]


def test_a_name_with_one_private_address_among_public_ones_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every address a name resolves to is checked: a connection may go to any of them, so one public
    address first must not vouch for a private one after it. (The resolver answers as a hostile DNS
    server would; none runs here.)"""
    answers = {"93.184.215.14": socket.AF_INET, "10.0.0.5": socket.AF_INET, "2606:4700::1111": socket.AF_INET6}

    def resolver(host: str, port: int, *args: object, **kwargs: object) -> list[tuple[object, ...]]:
        assert host == "hooks.example.com"
        return [(family, socket.SOCK_STREAM, 6, "", (ip, port)) for ip, family in answers.items()]

    monkeypatch.setattr(socket, "getaddrinfo", resolver)
    with pytest.raises(AddressRefused, match="hooks.example.com resolves to 10.0.0.5, which is a private address"):
        public_addresses("hooks.example.com", 443)
    del answers["10.0.0.5"]
    assert [info[4][0] for info in public_addresses("hooks.example.com", 443)] == ["93.184.215.14", "2606:4700::1111"]


REFUSED = ["http://127.0.0.1:8080/hook", "http://localhost/hook", "http://169.254.169.254/latest/meta-data/",
           "http://[::1]/hook", "https://10.0.0.5/hook", "http://0.0.0.0:9/", "http://no-such-host.invalid/hook"]


@pytest.mark.parametrize("url", REFUSED)
def test_saving_a_webhook_into_the_servers_network_is_refused_and_stores_nothing(archive: Archive, ana: User,
                                                                                 url: str) -> None:
    settings = archive.settings.replace(webhook_allow_private=False)
    watch = save_search_watch(archive.store, ana, "bismuth", ())
    with pytest.raises(InvalidInput) as refused:
        set_watch_deliveries(archive.store, settings, ana, watch.id, "ana@example.com", "daily", url)
    assert refused.value.field == "webhook_url"
    assert "could not be found" in refused.value.problem or "webhooks go to public addresses only" in \
        refused.value.problem
    with archive.store.reading() as conn:
        kept = watch_by_id(conn, watch.id)
    assert kept is not None and (kept.webhook_url, kept.email_to, kept.webhook_secret) == (None, None, None)


def test_the_setting_lets_an_intranet_receiver_be_saved(archive: Archive, ana: User) -> None:
    watch = save_search_watch(archive.store, ana, "bismuth", ())
    allowed = archive.settings.replace(webhook_allow_private=True)
    saved = set_watch_deliveries(archive.store, allowed, ana, watch.id, "", "", "http://10.0.0.5/hook")
    assert saved.webhook_url == "http://10.0.0.5/hook" and saved.webhook_secret


@pytest.mark.parametrize("url", ["http://[::1/hook", "http://example.com:99999/", "ftp://example.com/", "https:///x"])
def test_an_address_that_is_no_http_address_is_refused_with_its_shape(archive: Archive, ana: User, url: str) -> None:
    watch = save_search_watch(archive.store, ana, "bismuth", ())
    with pytest.raises(InvalidInput, match="starts with https://"):
        set_watch_deliveries(archive.store, archive.settings, ana, watch.id, "", "", url)
