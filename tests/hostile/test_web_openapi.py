"""The OpenAPI document says what the server does (issue 8, item 16): its error answers and its limits."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.web.conftest import Site, open_site


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    yield from open_site(tmp_path_factory.mktemp("openapi"), comment_max_chars=500)


@pytest.fixture(scope="module")
def spec(site: Site) -> dict[str, Any]:
    return dict(site.client.get("/openapi.json").json())


def resolve(spec: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    return dict(spec["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]) if "$ref" in schema else schema


def test_comment_lengths_are_the_ones_the_server_enforces(site: Site, spec: dict[str, Any]) -> None:
    body = spec["paths"]["/api/posts/{post_id}/comments"]["post"]["requestBody"]["content"]["application/json"]
    fields = resolve(spec, body["schema"])["properties"]
    assert (fields["author"]["maxLength"], fields["body"]["maxLength"]) == (80, 500)
    url = f"/api/posts/{site.client.get('/api/posts').json()['posts'][0]['id']}/comments"
    assert site.client.post(url, json={"author": "a" * 81, "body": "x"}).status_code == 400
    assert site.client.post(url, json={"author": "a", "body": "x" * 501}).status_code == 400
    assert site.client.post(url, json={"author": "a" * 80, "body": "x" * 500}).status_code == 201


@pytest.mark.parametrize(
    ("method", "path", "statuses"),
    [
        ("post", "/api/posts/{post_id}/comments", {"201", "400", "404", "413", "415", "422", "429", "503"}),
        ("get", "/api/posts/{post_id}/comments", {"200", "404", "422", "503"}),
        ("get", "/api/posts/{post_id}", {"200", "404", "422", "503"}),
        ("get", "/api/search", {"200", "422", "503"}),
    ],
)
def test_error_answers_are_documented_in_the_one_error_shape(spec: dict[str, Any], method: str, path: str,
                                                            statuses: set[str]) -> None:
    responses = spec["paths"][path][method]["responses"]
    assert set(responses) == statuses
    for status in statuses - {"200", "201"}:
        schema = resolve(spec, responses[status]["content"]["application/json"]["schema"])
        assert set(resolve(spec, schema["properties"]["error"])["properties"]) == {"status", "code", "message",
                                                                                   "field"}


def test_every_api_operation_documents_its_errors(spec: dict[str, Any]) -> None:
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            assert {"422", "503"} <= set(operation["responses"]), (method, path)
            if "{post_id}" in path:
                assert "404" in operation["responses"], (method, path)


def test_a_real_error_matches_the_documented_shape(site: Site, spec: dict[str, Any]) -> None:
    answer = site.client.post("/api/posts/1/comments", content=b"author=a", headers={"content-type": "text/plain"})
    assert answer.status_code == 415
    assert set(answer.json()["error"]) <= {"status", "code", "message", "field"}
