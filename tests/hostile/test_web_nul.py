"""A NUL character in an address: no stored value holds one (ingest strips it, PostgreSQL text cannot), so
every route answers it as a bad request or nothing found, never a 500 (PostgreSQL's driver fails the query)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from starlette.routing import Route

from metalnomist.web.app import routes
from tests.web.conftest import Site, open_site

NUL = "x%00y"


def _get_paths() -> list[str]:
    """Every GET route, its path parameters filled with a NUL-holding value (ints stay ints)."""
    paths = []
    for route in routes():
        if isinstance(route, Route) and "GET" in (route.methods or set()):
            paths.append(re.sub(r"\{(\w+)(:int)?[^}]*\}", lambda m: "1" if m.group(2) else NUL, route.path))
    return paths


GET_PATHS = _get_paths()
QUERY = "&".join(f"{name}={NUL}" for name in ("q", "label", "commodity", "metric", "country", "partner", "company",
                                               "period"))


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """Both databases: PostgreSQL refuses NUL in a query, SQLite matches nothing with it."""
    folder = tmp_path_factory.mktemp("nul")
    db = f"sqlite:///{folder}/t.db" if request.param == "sqlite" else str(request.getfixturevalue("pg_module_url"))
    yield from open_site(folder, db)


def test_the_route_table_was_read() -> None:
    assert "/search/label/x%00y" in GET_PATHS and "/api/search" in GET_PATHS and len(GET_PATHS) > 30


@pytest.mark.parametrize("path", GET_PATHS)
def test_a_nul_in_the_path_or_query_is_never_a_server_error(site: Site, path: str) -> None:
    for address in (path, f"{path}?{QUERY}"):
        response = site.client.get(address)
        assert response.status_code < 500, (address, response.status_code, response.text[:300])
