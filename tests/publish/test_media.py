"""Cover images: checked by content, re-encoded and resized, alt text required, served with long caching."""

from __future__ import annotations

import io

import lxml.html
import pytest
from PIL import Image

from metalnomist.errors import InvalidInput
from metalnomist.publishing.media import MAX_SIDE, prepare_image
from metalnomist.publishing.service import Draft, move, save
from tests.publish.conftest import Desk


def picture(fmt: str = "PNG", size: tuple[int, int] = (40, 30), mode: str = "RGB", **options: object) -> bytes:
    out = io.BytesIO()
    Image.new(mode, size, "teal").save(out, fmt, **options)
    return out.getvalue()


def test_an_image_is_reencoded_without_its_trailing_bytes_and_resized() -> None:
    hidden = picture("JPEG", (3200, 100)) + b"<script>alert(1)</script>"
    prepared = prepare_image(hidden)
    assert prepared.content_type == "image/jpeg" and (prepared.width, prepared.height) == (MAX_SIDE, 50)
    assert b"<script>" not in prepared.data and prepared.data.startswith(b"\xff\xd8")
    assert prepare_image(picture("PNG", mode="RGBA")).content_type == "image/png"  # transparency kept


@pytest.mark.parametrize(("data", "problem"), [
    (b"", "choose an image"),
    (b"<svg onload=alert(1)>", "not an image"),  # SVG carries script: refused by content, whatever its name
    (b"GIF89a" + b"\x00" * 20, "not an image"),  # a truncated header
    (b"x" * 900_001, "at most 900,000 bytes"),
    (picture("BMP"), "upload JPEG, PNG, GIF or WebP"),
    (picture("PNG", (9000, 9000), mode="1"), "too large to process"),  # few bytes, many pixels
])
def test_other_files_are_refused_naming_why(data: bytes, problem: str) -> None:
    with pytest.raises(InvalidInput, match=problem) as caught:
        prepare_image(data)
    assert caught.value.field == "image"


def test_a_cover_with_alt_text_shows_on_the_post_and_is_cached(desk: Desk) -> None:
    editor = desk.sign_in_user()
    post_id = save(desk.archive.store, desk.archive.settings, editor, Draft("Nickel", "Imports rose."))
    address = move(desk.archive.store, editor, post_id, "published").permalink
    desk.sign_in()
    token = desk.form_token(f"/admin/posts/{post_id}")
    upload = {"image": ("photo.png", picture(), "image/png")}
    refused = desk.client.post(f"/admin/posts/{post_id}/cover", files=upload, data={"alt": " ", "csrf_token": token})
    assert refused.status_code == 400 and "describe the image" in refused.text
    answer = desk.client.post(f"/admin/posts/{post_id}/cover", files=upload,
                              data={"alt": "A nickel ingot", "csrf_token": token}, follow_redirects=False)
    assert answer.status_code == 303
    assert address is not None
    cover = lxml.html.fromstring(desk.client.get(address).text).xpath("//figure[@class='cover']/img")[0]
    assert cover.get("alt") == "A nickel ingot"
    image = desk.client.get(cover.get("src"))
    assert image.headers["content-type"] == "image/jpeg" and "immutable" in image.headers["cache-control"]
    assert Image.open(io.BytesIO(image.content)).size == (40, 30)
    assert desk.client.get("/media/999").status_code == 404
