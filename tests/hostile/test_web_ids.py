"""Post ids past what a database integer holds (issue 8, item 16) gave 500 on nine routes."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.web.conftest import Site, html, open_site, select

HUGE = [str(2**31), str(2**63), str(2**64), "9" * 30]
# (method, path with {id}, form or JSON body, expected status): a path names a post, so a post that
# cannot exist is 404; a filter parameter out of range is a bad parameter (400 on pages, 422 in the API).
ROUTES = [
    ("GET", "/api/posts/{id}", None, 404),
    ("GET", "/api/posts/{id}/comments", None, 404),
    ("POST", "/api/posts/{id}/comments", {"json": {"author": "A", "body": "b"}}, 404),
    ("GET", "/feeds/{id}/comments/default", None, 404),
    ("POST", "/comments", {"data": {"post_id": "{id}", "author": "A", "body": "b", "csrf_token": "x"}}, 404),
    ("GET", "/api/facts?post_id={id}", None, 422),
    ("GET", "/data?post_id={id}", None, 400),
    ("GET", "/data.csv?post_id={id}", None, 400),
    ("GET", "/data.json?post_id={id}", None, 400),
]


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """Both databases: each overflows in its own way (SQLite in the driver, PostgreSQL in the server)."""
    folder = tmp_path_factory.mktemp("ids")
    db = f"sqlite:///{folder}/t.db" if request.param == "sqlite" else str(request.getfixturevalue("pg_module_url"))
    yield from open_site(folder, db)


@pytest.mark.parametrize("huge", HUGE)
@pytest.mark.parametrize(("method", "path", "body", "status"), ROUTES)
def test_huge_post_ids_are_not_found_or_bad_parameters(site: Site, method: str, path: str,
                                                       body: dict[str, dict[str, str]] | None, status: int,
                                                       huge: str) -> None:
    kwargs = {key: {k: v.replace("{id}", huge) for k, v in value.items()} for key, value in (body or {}).items()}
    response = site.client.request(method, path.replace("{id}", huge), **kwargs)  # type: ignore[arg-type]
    assert response.status_code == status, response.text[:300]
    if path.startswith("/api/"):
        assert response.json()["error"]["status"] == status


def test_the_largest_storable_id_is_simply_not_found(site: Site) -> None:
    response = site.client.get(f"/api/posts/{2**31 - 1}")
    assert response.status_code == 404
    assert select(html(site.client.get(f"/feeds/{2**63}/comments/default")), "h1")
