"""Settings (metalnomist/config.py): read from an environment a test passes in; every error quotes the key
and the bad value, and each bound is where the help text says."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from metalnomist.config import Settings, describe
from metalnomist.errors import ConfigError


@dataclass(frozen=True)
class Bad:
    key: str
    value: str
    why: str


BAD = [
    Bad("METALNOMIST_MAX_LABELS", "0", "at least 1"),  # the lowest bound of every max_* setting
    Bad("METALNOMIST_WEBHOOK_TIMEOUT_SECONDS", "0", "1 or more"),  # no time at all would fail every delivery
    Bad("METALNOMIST_HEALTH_MAX_LAG", "-1", "0 or more"),  # 0 is allowed: it means never fail
    Bad("METALNOMIST_MAX_SITEMAP_URLS", "50001", "at most 50,000"),  # crawlers refuse a longer sitemap file whole
    Bad("METALNOMIST_PAGE_SIZE", "ten", "a whole number"),
    Bad("METALNOMIST_HYBRID", "maybe", "true or false"),
    Bad("METALNOMIST_LOG_FORMAT", "xml", "text or json"),
    Bad("METALNOMIST_SITE_URL", "news.example.com", "a scheme and host"),
    Bad("METALNOMIST_SITE_URL", "https://example.com/news/", "a scheme and host"),  # links are built from the root
    Bad("METALNOMIST_TRUSTED_PROXIES", "10.0.0.0/8, proxy.local", "does not appear to be"),
]


@pytest.mark.parametrize("bad", BAD, ids=[f"{b.key}={b.value}" for b in BAD])
def test_a_bad_value_is_refused_naming_the_key_and_the_value(bad: Bad) -> None:
    quoted = re.escape(f"{bad.key}=") + f"'?{re.escape(bad.value)}'?: .*{bad.why}"  # a number is quoted as read
    with pytest.raises(ConfigError, match=quoted):
        Settings.from_env({bad.key: bad.value})


@pytest.mark.parametrize(("key", "value"), [
    ("METALNOMIST_MAX_LABELS", "1"),  # the lowest allowed
    ("METALNOMIST_WEBHOOK_TIMEOUT_SECONDS", "1"),
    ("METALNOMIST_HEALTH_MAX_LAG", "0"),
    ("METALNOMIST_MAX_SITEMAP_URLS", "50000"),  # the sitemap protocol's own limit
    ("METALNOMIST_SITE_URL", "http://localhost:8000"),  # plain http for a site on one's own machine
    ("METALNOMIST_TRUSTED_PROXIES", "10.0.0.1/8"),  # an address with a mask names its network
])
def test_values_at_each_bound_are_accepted(key: str, value: str) -> None:
    Settings.from_env({key: value})


def test_a_replica_needs_a_postgresql_primary() -> None:
    with pytest.raises(ConfigError, match="METALNOMIST_DB_READ='postgresql://r/db'"):
        Settings.from_env({"METALNOMIST_DB_READ": "postgresql://r/db"})  # the default database is SQLite
    Settings.from_env({"METALNOMIST_DB": "postgresql://p/db", "METALNOMIST_DB_READ": "postgresql://r/db"})


@pytest.mark.parametrize(("raw", "value"), [(" on ", True), ("Yes", True), ("1", True), ("OFF", False), ("no", False)])
def test_switches_read_the_words_people_write(raw: str, value: bool) -> None:
    assert Settings.from_env({"METALNOMIST_HYBRID": raw}).hybrid is value


def test_an_empty_environment_gives_the_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    """An empty mapping is an environment too: the process's own must not leak in."""
    monkeypatch.setenv("METALNOMIST_PAGE_SIZE", "3")
    assert Settings.from_env({}) == Settings()
    assert Settings.from_env().page_size == 3


def test_an_override_left_unset_keeps_the_environment_value() -> None:
    """The CLI passes --db=None when the option is not given: METALNOMIST_DB must still count."""
    env = {"METALNOMIST_DB": "sqlite:///from-env.db"}
    assert Settings.from_env(env, db=None).db == "sqlite:///from-env.db"
    assert Settings.from_env(env, db="sqlite:///given.db").db == "sqlite:///given.db"


@pytest.mark.parametrize(("settings", "folder"), [
    (Settings(db="sqlite:///data/news.db"), Path("data/news.db.index")),  # beside the file, keeping its suffix
    (Settings(db="sqlite:///data/news.db", index_dir="/srv/index"), Path("/srv/index")),
])
def test_the_index_folder(settings: Settings, folder: Path) -> None:
    assert settings.resolved_index_dir() == folder


def test_databases_without_a_file_get_an_index_folder_of_their_own() -> None:
    """A server database, or SQLite in memory: never a folder named after the URL's text."""
    memory = Settings(db="sqlite:///:memory:").resolved_index_dir()
    assert memory.parent == Path("metalnomist-index")
    assert Settings(db="postgresql://h/a").resolved_index_dir() != Settings(db="postgresql://h/b").resolved_index_dir()


def test_described_defaults_are_python_literals() -> None:
    """`metalnomist settings` shows a string default quoted, so an empty one is visible."""
    described = {key: default for key, default, _ in describe()}
    assert described["METALNOMIST_INDEX_DIR"] == "''" and described["METALNOMIST_PAGE_SIZE"] == "10"
