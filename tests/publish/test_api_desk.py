"""The editors' API with a token: write, publish, retitle, schedule, trash, revisions; 401 and no change without."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from metalnomist.accounts.service import create_token
from metalnomist.publishing.service import counts, publish_due
from tests.publish.conftest import Desk

BODY = "Japan imported 5,072 tonnes of nickel in March 2025, up 12% from a year earlier."


@pytest.fixture
def token(desk: Desk) -> dict[str, str]:
    return {"Authorization": "Bearer " + create_token(desk.archive.store, "ana")}


def test_a_post_is_written_published_retitled_and_trashed_with_a_token(desk: Desk, token: dict[str, str]) -> None:
    client = desk.client
    made = client.post("/api/posts", json={"title": "Nickel imports rise", "body": BODY, "labels": ["Nickel"]},
                       headers=token)
    assert made.status_code == 201 and made.json()["status"] == "draft" and made.json()["url"] is None
    post_id = made.json()["id"]
    assert client.get(f"/api/posts/{post_id}").status_code == 404
    published = client.patch(f"/api/posts/{post_id}", json={"status": "published"}, headers=token).json()
    address = published["url"]
    assert address.endswith("/nickel-imports-rise.html") and client.get(f"/api/posts/{post_id}").status_code == 200
    retitled = client.patch(f"/api/posts/{post_id}", json={"title": "Nickel imports up 12%"}, headers=token).json()
    assert retitled["url"] == address and retitled["status"] == "published"
    assert client.get(f"/api/posts/{post_id}").json()["title"] == "Nickel imports up 12%"
    history = client.get(f"/api/posts/{post_id}/revisions", headers=token).json()
    assert [r["title"] for r in history] == ["Nickel imports up 12%", "Nickel imports rise"]
    assert history[0]["author"] == "ana" and history[0]["body"] == BODY
    assert client.delete(f"/api/posts/{post_id}", headers=token).json()["status"] == "trash"
    assert client.get(f"/api/posts/{post_id}").status_code == 404 and client.get(address).status_code == 404


def test_a_post_scheduled_through_the_api_appears_at_its_time(desk: Desk, token: dict[str, str]) -> None:
    when = datetime.now(UTC) + timedelta(hours=2)
    made = desk.client.post("/api/posts", json={"title": "Later", "body": BODY, "status": "scheduled",
                                                "publish_at": when.isoformat()}, headers=token).json()
    assert made["status"] == "scheduled" and desk.client.get(f"/api/posts/{made['id']}").status_code == 404
    publish_due(desk.archive.store, when + timedelta(seconds=1))
    assert desk.client.get(f"/api/posts/{made['id']}").status_code == 200


def test_without_a_valid_token_every_editor_route_is_401_and_nothing_changes(desk: Desk,
                                                                             token: dict[str, str]) -> None:
    post_id = desk.client.post("/api/posts", json={"title": "Kept", "body": BODY}, headers=token).json()["id"]
    before = counts(desk.archive.store)
    for headers in [{}, {"Authorization": "Bearer mn_forged"}, {"Authorization": "Basic YW5hOnB3"},
                    {"Authorization": token["Authorization"].replace("Bearer", "Token")}]:
        for method, path, body in [("POST", "/api/posts", {"title": "New", "body": BODY}),
                                   ("PATCH", f"/api/posts/{post_id}", {"status": "published"}),
                                   ("DELETE", f"/api/posts/{post_id}", None),
                                   ("GET", f"/api/posts/{post_id}/revisions", None)]:
            answer = desk.client.request(method, path, json=body, headers=headers)
            assert answer.status_code == 401, (method, path, headers)
            assert answer.json()["error"]["code"] == "unauthorized"
    assert counts(desk.archive.store) == before


def test_bad_fields_are_400_naming_the_field(desk: Desk, token: dict[str, str]) -> None:
    answer = desk.client.post("/api/posts", json={"title": " ", "body": BODY}, headers=token)
    assert answer.status_code == 400 and answer.json()["error"]["field"] == "title"
    answer = desk.client.post("/api/posts", json={"title": "T", "status": "scheduled"}, headers=token)
    assert answer.status_code == 400 and answer.json()["error"]["field"] == "publish_at"
    huge = desk.client.post("/api/posts", json={"title": "T", "body": "x" * 2_000_000}, headers=token)
    assert huge.status_code == 413
    assert counts(desk.archive.store)["published"] == 0


def test_the_openapi_document_names_the_bearer_scheme_on_editor_routes(desk: Desk) -> None:
    schema = desk.client.get("/openapi.json").json()
    assert schema["components"]["securitySchemes"]["apiToken"] == {
        "type": "http", "scheme": "bearer",
        "description": "A token from `metalnomist tokens create NAME`, sent as `Authorization: Bearer mn_…`."}
    paths = schema["paths"]
    for path, method in [("/api/posts", "post"), ("/api/posts/{post_id}", "patch"),
                         ("/api/posts/{post_id}", "delete"), ("/api/posts/{post_id}/revisions", "get")]:
        assert paths[path][method]["security"] == [{"apiToken": []}], (path, method)
        assert "401" in paths[path][method]["responses"]
    assert "security" not in paths["/api/posts"]["get"]
