"""The editors' API with a token: write, publish, retitle, schedule, trash, revisions; 401 and no change without."""

from __future__ import annotations

import io
import time
from datetime import UTC, datetime, timedelta

import lxml.html
import pytest
from PIL import Image
from sqlalchemy import func, select

from metalnomist.accounts.service import create_token
from metalnomist.publishing.service import counts, publish_due
from metalnomist.store.schema import media
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


def test_a_refused_schedule_writes_neither_a_draft_nor_a_revision(desk: Desk, token: dict[str, str]) -> None:
    """A client retrying a refused request would otherwise leave a new draft (or new words) each time."""
    post_id = desk.client.post("/api/posts", json={"title": "Kept", "body": BODY}, headers=token).json()["id"]
    before = (counts(desk.archive.store), len(desk.client.get(f"/api/posts/{post_id}/revisions", headers=token).json()))
    past = (datetime.now(UTC) - timedelta(hours=1)).isoformat()
    for body in [{"title": "T", "body": BODY, "status": "scheduled"},
                 {"title": "T", "body": BODY, "status": "scheduled", "publish_at": past}]:
        answer = desk.client.post("/api/posts", json=body, headers=token)
        assert answer.status_code == 400 and answer.json()["error"]["field"] == "publish_at"
        answer = desk.client.patch(f"/api/posts/{post_id}", json={**body, "title": "Changed"}, headers=token)
        assert answer.status_code == 400 and answer.json()["error"]["field"] == "publish_at"
    after = (counts(desk.archive.store), len(desk.client.get(f"/api/posts/{post_id}/revisions", headers=token).json()))
    assert after == before
    assert desk.client.get(f"/api/posts/{post_id}/revisions", headers=token).json()[0]["title"] == "Kept"


def test_the_openapi_document_names_the_bearer_scheme_on_editor_routes(desk: Desk) -> None:
    schema = desk.client.get("/openapi.json").json()
    assert schema["components"]["securitySchemes"]["apiToken"] == {
        "type": "http", "scheme": "bearer",
        "description": "A token from `metalnomist tokens create NAME`, sent as `Authorization: Bearer mn_…`."}
    paths = schema["paths"]
    for path, method in [("/api/posts", "post"), ("/api/posts/{post_id}", "patch"),
                         ("/api/posts/{post_id}", "delete"), ("/api/posts/{post_id}/revisions", "get"),
                         ("/api/media", "post")]:
        assert paths[path][method]["security"] == [{"apiToken": []}], (path, method)
        assert "401" in paths[path][method]["responses"]
    assert "security" not in paths["/api/posts"]["get"]
    upload = paths["/api/media"]["post"]
    assert {"401", "413", "415", "422"} <= set(upload["responses"]) and "201" in upload["responses"]
    assert "multipart/form-data" in upload["requestBody"]["content"]


def _png(colour: str = "teal") -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 30), colour).save(out, "PNG")
    return out.getvalue()


def _media_rows(desk: Desk) -> int:
    with desk.archive.store.reading() as conn:
        return int(conn.execute(select(func.count()).select_from(media)).scalar_one())


def test_a_cover_uploaded_with_a_token_is_checked_stored_and_shown(desk: Desk, token: dict[str, str]) -> None:
    post_id = desk.client.post("/api/posts", json={"title": "Zinc", "body": BODY}, headers=token).json()["id"]
    hostile = {"image": ("../../<script>alert(1)</script>.svg", _png(), "image/svg+xml")}  # the name is never used
    made = desk.client.post("/api/media", data={"post_id": str(post_id), "alt": " A zinc  smelter "}, files=hostile,
                            headers=token)
    assert made.status_code == 201, made.text
    answer = made.json()
    assert answer == {"id": answer["id"], "url": f"/media/{answer['id']}", "post_id": post_id,
                      "alt": "A zinc smelter", "width": 40, "height": 30}
    image = desk.client.get(answer["url"], headers=token)
    assert image.headers["content-type"] == "image/jpeg" and Image.open(io.BytesIO(image.content)).size == (40, 30)
    assert desk.client.get(answer["url"]).status_code == 404  # a draft's cover stays with the editors
    address = desk.client.patch(f"/api/posts/{post_id}", json={"status": "published"}, headers=token).json()["url"]
    cover = lxml.html.fromstring(desk.client.get(address).text).xpath("//figure[@class='cover']/img")[0]
    assert (cover.get("src"), cover.get("alt")) == (answer["url"], "A zinc smelter")
    assert desk.client.get(answer["url"]).status_code == 200


@pytest.mark.parametrize(("fields", "upload", "status", "code", "field"), [
    ({"alt": "Zinc"}, ("photo.png", b"<html>not a picture</html>", "image/png"), 415, "unsupported_media_type",
     "image"),  # judged by its bytes, whatever its name and declared type
    ({"alt": "Zinc"}, ("photo.png", b"BM" + b"\x00" * 60, "image/png"), 415, "unsupported_media_type", "image"),
    ({"alt": "Zinc"}, ("photo.png", b"\x89PNG" + b"x" * 900_000, "image/png"), 413, "too_large", "image"),
    ({"alt": "Zinc"}, ("photo.png", b"\x89PNG" + b"x" * 1_100_000, "image/png"), 413, "too_large", None),
    ({}, ("photo.png", _png(), "image/png"), 422, "invalid_parameter", "alt"),  # alt text is required
    ({"alt": ""}, ("photo.png", _png(), "image/png"), 422, "invalid_parameter", "alt"),
    ({"alt": "   "}, ("photo.png", _png(), "image/png"), 400, "invalid_input", "alt"),
    ({"alt": "Zinc"}, None, 422, "invalid_parameter", "image"),
    ({"alt": "Zinc", "post_id": "999999"}, ("photo.png", _png(), "image/png"), 404, "not_found", None),
])
def test_a_refused_upload_names_why_and_stores_nothing(desk: Desk, token: dict[str, str], fields: dict[str, str],
                                                       upload: tuple[str, bytes, str] | None, status: int, code: str,
                                                       field: str | None) -> None:
    post_id = desk.client.post("/api/posts", json={"title": "Zinc", "body": BODY}, headers=token).json()["id"]
    answer = desk.client.post("/api/media", data={"post_id": str(post_id), **fields},
                              files={"image" if upload else "note": upload or ("n.txt", b"n", "text/plain")},
                              headers=token)
    assert (answer.status_code, answer.json()["error"]["code"]) == (status, code), answer.text
    assert answer.json()["error"].get("field") == field
    assert _media_rows(desk) == 0 and desk.client.get(f"/api/posts/{post_id}").status_code == 404


def test_an_upload_without_a_valid_token_or_as_json_changes_nothing(desk: Desk, token: dict[str, str]) -> None:
    post_id = desk.client.post("/api/posts", json={"title": "Zinc", "body": BODY}, headers=token).json()["id"]
    form = {"data": {"post_id": str(post_id), "alt": "Zinc"}, "files": {"image": ("a.png", _png(), "image/png")}}
    for headers in [{}, {"Authorization": "Bearer mn_forged"}]:
        answer = desk.client.post("/api/media", headers=headers, **form)  # type: ignore[arg-type]
        assert answer.status_code == 401 and answer.json()["error"]["code"] == "unauthorized"
    desk.sign_in()  # a session cookie is not a token: a cross-site form must not upload
    assert desk.client.post("/api/media", **form).status_code == 401  # type: ignore[arg-type]
    as_json = desk.client.post("/api/media", json={"post_id": post_id, "alt": "Zinc"}, headers=token)
    assert as_json.status_code == 415 and "multipart/form-data" in as_json.json()["error"]["message"]
    assert _media_rows(desk) == 0


def test_a_patch_changes_only_the_fields_it_sends(desk: Desk, token: dict[str, str]) -> None:
    """Labels alone are a change too (a new revision); a new title keeps the labels and body it did not send."""
    made = desk.client.post("/api/posts", json={"title": "Zinc", "body": BODY, "labels": ["Zinc"]}, headers=token)
    post_id = made.json()["id"]
    relabelled = desk.client.patch(f"/api/posts/{post_id}", json={"labels": ["Zinc", "Japan"]}, headers=token).json()
    assert (relabelled["title"], relabelled["body"], relabelled["labels"]) == ("Zinc", BODY, ["Zinc", "Japan"])
    retitled = desk.client.patch(f"/api/posts/{post_id}", json={"title": "Zinc imports"}, headers=token).json()
    assert (retitled["title"], retitled["body"], retitled["labels"]) == ("Zinc imports", BODY, ["Zinc", "Japan"])
    history = desk.client.get(f"/api/posts/{post_id}/revisions", headers=token).json()
    assert [(r["title"], r["labels"]) for r in history] == [
        ("Zinc imports", ["Zinc", "Japan"]), ("Zinc", ["Zinc", "Japan"]), ("Zinc", ["Zinc"])]


def test_an_answer_says_when_the_post_was_first_published_and_where(desk: Desk, token: dict[str, str]) -> None:
    """`published` is the first publication and stays; `updated` moves with each save."""
    post_id = desk.client.post("/api/posts", json={"title": "Zinc", "body": BODY}, headers=token).json()["id"]
    published = desk.client.patch(f"/api/posts/{post_id}", json={"status": "published"}, headers=token).json()
    assert published["published"] is not None and published["url"].endswith("/zinc.html")
    assert desk.client.get(published["url"]).status_code == 200
    time.sleep(0.01)
    edited = desk.client.patch(f"/api/posts/{post_id}", json={"body": BODY + " Updated."}, headers=token).json()
    assert edited["published"] == published["published"] and edited["updated"] > published["updated"]
    assert edited["url"] == published["url"]


def test_a_drafts_cover_is_shown_only_for_a_bearer_token(desk: Desk, token: dict[str, str]) -> None:
    """A valid token sent under another scheme name (Basic, Token) is no credential."""
    post_id = desk.client.post("/api/posts", json={"title": "Zinc", "body": BODY}, headers=token).json()["id"]
    cover = desk.client.post("/api/media", data={"post_id": str(post_id), "alt": "Zinc"},
                             files={"image": ("a.png", _png(), "image/png")}, headers=token).json()
    secret = token["Authorization"].removeprefix("Bearer ")
    for scheme in ["Token", "Basic", ""]:
        answer = desk.client.get(cover["url"], headers={"Authorization": f"{scheme} {secret}".strip()})
        assert answer.status_code == 404, scheme
    assert desk.client.get(cover["url"], headers={"Authorization": "bearer " + secret}).status_code == 200
