"""Settings: one frozen dataclass, a default and help text per field, read from an environment."""

from __future__ import annotations

import dataclasses
import hashlib
import ipaddress
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from metalnomist.errors import ConfigError

PREFIX = "METALNOMIST_"
LOG_FORMATS = ("text", "json")
SITEMAP_PROTOCOL_URLS = 50_000  # sitemaps.org: a file listing more is refused whole


def _setting(default: Any, help: str) -> Any:
    return field(default=default, metadata={"help": help})


@dataclass(frozen=True)
class Settings:
    db: str = _setting("sqlite:///metalnomist.db", "Database URL: sqlite:///path.db or postgresql://user:pass@host/db.")
    db_read: str = _setting("", "A PostgreSQL streaming replica (postgresql://user:pass@replica/db) that pages, "
                            "searches and this node's index read from; writes still go to the database URL. "
                            "Empty means everything uses the database URL.")
    index_dir: str = _setting("", "Search index folder; empty means beside the SQLite file, or ./metalnomist-index.")
    site_title: str = _setting("The Metalnomist", "Name shown in the site header and feeds.")
    page_size: int = _setting(10, "Posts per page on listing and search pages.")
    comment_moderation: bool = _setting(True, "Hold new comments until an editor approves them.")
    comment_max_chars: int = _setting(4000, "Longest comment accepted, in characters.")
    comment_rate_per_hour: int = _setting(10, "Comments one client may post per hour.")
    secret_key: str = _setting("", "Key that signs CSRF tokens; empty means a random key per process.")
    extract_facts: bool = _setting(True, "Extract market facts from posts during ingest.")
    hybrid: bool = _setting(False, "Fuse BM25 with sentence vectors (reciprocal-rank fusion) for relevance order; "
                            "needs the `hybrid` extra and embeds every post at ingest (see bench/README.md).")
    site_url: str = _setting("", "The site's public address (https://news.example.com) for links in feeds, "
                             "the sitemap and CLI JSON; empty means links follow an allowed Host header, "
                             "else the server's own address.")
    allowed_hosts: str = _setting("", "Comma-separated Host names (or *.domain) trusted for links when site_url "
                                  "is empty; any other Host header is ignored.")
    trusted_proxies: str = _setting("", "Comma-separated addresses or networks (10.0.0.0/8) of proxies whose "
                                    "X-Forwarded-For names the client; empty trusts none.")
    max_title_chars: int = _setting(1000, "Longest post title accepted at ingest, in characters.")
    max_label_chars: int = _setting(200, "Longest label accepted at ingest, in characters.")
    max_labels: int = _setting(100, "Most labels one post may carry at ingest.")
    max_body_chars: int = _setting(2_000_000, "Longest post body (or comment) accepted at ingest, in characters.")
    max_line_bytes: int = _setting(8_000_000, "Longest JSON Lines line accepted at ingest, in bytes.")
    max_page_bytes: int = _setting(20_000_000, "Largest HTML page file accepted at ingest, in bytes (the whole "
                                   "page is parsed in memory, many times its size).")
    max_sitemap_urls: int = _setting(10_000, "Most addresses one sitemap file lists (the protocol allows "
                                     "50,000; a smaller file is cheaper to build and to fetch again after a "
                                     "change); /sitemap.xml is an index of /sitemap-N.xml files.")
    write_wait_seconds: int = _setting(30, "How long a SQLite write (an ingest, a comment) waits for another "
                                       "writer to finish before giving up with an error.")
    health_max_lag: int = _setting(0, "Change-log entries this node's index may be behind before /healthz answers "
                                   "503; 0 means lag is reported but never fails the check.")
    smtp_host: str = _setting("", "SMTP server that sends watch digests; empty means no email is sent (digests "
                              "wait in the outbox until one is set).")
    smtp_port: int = _setting(25, "Port of the SMTP server.")
    smtp_starttls: bool = _setting(False, "Upgrade the SMTP connection with STARTTLS before signing in.")
    smtp_user: str = _setting("", "SMTP user name; empty means no sign-in.")
    smtp_password: str = _setting("", "SMTP password.")
    smtp_from: str = _setting("metalnomist@localhost", "The From address of watch digests.")
    delivery_retry_seconds: int = _setting(60, "Wait before retrying a failed email or webhook delivery; "
                                           "doubled after each further failure, at most a day.")
    delivery_max_attempts: int = _setting(6, "Failed deliveries in a row after which a webhook is disabled (with "
                                          "its reason on /watch) and those posts are given up.")
    webhook_timeout_seconds: int = _setting(5, "How long a webhook POST may take, from connecting to the "
                                            "receiver's status, however slowly it answers.")
    webhook_allow_private: bool = _setting(False, "Let webhooks POST to loopback, private, link-local and other "
                                           "non-public addresses (an intranet's receivers); off, such an address "
                                           "is refused when a watch is saved and again at each send.")
    log_format: str = _setting("text", "How `serve` logs: text, or json (one JSON object per line, one line per "
                               "request with route, status and milliseconds).")

    def __post_init__(self) -> None:
        if self.site_url and not re.fullmatch(r"https?://[^/\s?#]+/?", self.site_url):
            raise ConfigError(f"{PREFIX}SITE_URL={self.site_url!r}: expected a scheme and host, "
                              "like https://news.example.com")
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name.startswith("max_") and (not isinstance(value, int) or value < 1):
                raise ConfigError(f"{PREFIX}{f.name.upper()}={value!r}: expected a whole number of at least 1")
        if self.max_sitemap_urls > SITEMAP_PROTOCOL_URLS:
            raise ConfigError(f"{PREFIX}MAX_SITEMAP_URLS={self.max_sitemap_urls!r}: expected at most "
                              f"{SITEMAP_PROTOCOL_URLS:,}, the most addresses crawlers read from one sitemap file")
        if self.db_read and not (self.db_read.startswith("postgresql://") and self.db.startswith("postgresql://")):
            raise ConfigError(f"{PREFIX}DB_READ={self.db_read!r}: expected a PostgreSQL replica "
                              "(postgresql://user:pass@replica/db) of a PostgreSQL METALNOMIST_DB")
        if self.log_format not in LOG_FORMATS:
            raise ConfigError(f"{PREFIX}LOG_FORMAT={self.log_format!r}: expected {' or '.join(LOG_FORMATS)}")
        if self.webhook_timeout_seconds < 1:
            raise ConfigError(f"{PREFIX}WEBHOOK_TIMEOUT_SECONDS={self.webhook_timeout_seconds!r}: expected 1 or more")
        if self.health_max_lag < 0:
            raise ConfigError(f"{PREFIX}HEALTH_MAX_LAG={self.health_max_lag!r}: expected 0 or more")
        try:
            self.trusted_networks()
        except ValueError as exc:
            raise ConfigError(f"{PREFIX}TRUSTED_PROXIES={self.trusted_proxies!r}: {exc}") from None

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
        """Read METALNOMIST_* keys; errors quote the key and the bad value."""
        environ = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        for f in fields(cls):
            key = PREFIX + f.name.upper()
            if key in environ:
                values[f.name] = _convert(key, environ[key], type(f.default))
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)

    def trusted_networks(self) -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]:
        """The proxies whose X-Forwarded-For header is believed; anyone may send one."""
        parts = (part.strip() for part in self.trusted_proxies.split(","))
        return tuple(ipaddress.ip_network(part, strict=False) for part in parts if part)

    def resolved_index_dir(self) -> Path:
        if self.index_dir:
            return Path(self.index_dir)
        if self.db.startswith("sqlite:///") and self.db != "sqlite:///:memory:":
            db_path = Path(self.db.removeprefix("sqlite:///"))
            return db_path.with_name(db_path.name + ".index")
        # One folder per server database, so two databases never share an index.
        return Path("metalnomist-index") / hashlib.sha256(self.db.encode()).hexdigest()[:16]

    def replace(self, **changes: Any) -> Settings:
        return dataclasses.replace(self, **changes)


def _convert(key: str, raw: str, kind: type) -> Any:
    if kind is bool:
        lowered = raw.strip().lower()
        if lowered in {"1", "true", "yes", "on"}:
            return True
        if lowered in {"0", "false", "no", "off"}:
            return False
        raise ConfigError(f"{key}={raw!r}: expected true or false")
    if kind is int:
        try:
            return int(raw)
        except ValueError:
            raise ConfigError(f"{key}={raw!r}: expected a whole number") from None
    return raw


def describe() -> list[tuple[str, str, str]]:
    """(environment key, default, help) for every setting — used by docs and `--help`."""
    return [(PREFIX + f.name.upper(), repr(f.default), f.metadata["help"]) for f in fields(Settings)]
