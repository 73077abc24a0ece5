"""Cover images: checked by content, re-encoded and resized, alt text required, served with long caching."""

from __future__ import annotations

import io
import struct
import zlib
from datetime import UTC, datetime, timedelta

import lxml.html
import pytest
from PIL import Image

from metalnomist.accounts.service import create_token
from metalnomist.errors import InvalidInput, TooLarge, UnsupportedType
from metalnomist.publishing.media import (
    MAX_ALT_CHARS,
    MAX_PIXELS,
    MAX_SIDE,
    MAX_UPLOAD_BYTES,
    prepare_image,
    set_cover_image,
)
from metalnomist.publishing.service import Draft, get_desk_post, move, save
from metalnomist.store.media import add_media
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


def png_header_only(width: int, height: int) -> bytes:
    """A PNG's signature and header claiming a size, with no pixels: a few bytes that ask for gigabytes."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"")) + chunk(b"IEND", b"")


@pytest.mark.parametrize(("data", "refusal", "problem"), [
    (b"", InvalidInput, "choose an image"),
    (b"<svg onload=alert(1)>", UnsupportedType, "not an image"),  # SVG carries script: refused by content
    (b"GIF89a" + b"\x00" * 20, UnsupportedType, "not an image"),  # a truncated header
    (b"x" * 900_001, TooLarge, "at most 900,000 bytes"),
    (picture("BMP"), UnsupportedType, "upload JPEG, PNG, GIF or WebP"),
    (picture("PNG", (9000, 9000), mode="1"), TooLarge, "too large to process"),  # few bytes, many pixels
    (png_header_only(7000, 7000), TooLarge, "too large to process"),  # past our limit, within Pillow's
    (png_header_only(20_000, 20_000), TooLarge, "too large to process"),  # past Pillow's own limit too
])
def test_other_files_are_refused_naming_why(data: bytes, refusal: type[InvalidInput], problem: str) -> None:
    """The kind of refusal is the answer's status (413 too large, 415 unsupported): each names its own."""
    with pytest.raises(InvalidInput, match=problem) as caught:
        prepare_image(data)
    assert type(caught.value) is refusal and caught.value.field == "image"


def padded(image: bytes, size: int) -> bytes:
    """The image followed by zero bytes up to `size`: Pillow reads it, the limit counts every byte."""
    return image + b"\x00" * (size - len(image))


def test_an_upload_of_exactly_the_limit_is_taken() -> None:
    assert prepare_image(padded(picture(), MAX_UPLOAD_BYTES)).content_type == "image/jpeg"


def test_the_re_encoding_keeps_a_gifs_transparency_and_drops_a_photos_metadata() -> None:
    gif = io.BytesIO()
    Image.new("P", (20, 10), 0).save(gif, "GIF", transparency=0)
    kept = prepare_image(gif.getvalue())
    assert kept.content_type == "image/png"
    assert Image.open(io.BytesIO(kept.data)).convert("RGBA").getpixel((0, 0))[3] == 0
    exif = Image.Exif()
    exif[0x8825] = {2: (35.0, 41.0, 22.0)}  # GPS latitude: where the photographer stood
    exif[0x010F] = "Camera maker"
    photo = prepare_image(picture("JPEG", exif=exif.tobytes()))
    assert b"Exif" not in photo.data and not Image.open(io.BytesIO(photo.data)).getexif()


def test_the_dashboard_refuses_an_oversized_upload_instead_of_cutting_it(desk: Desk) -> None:
    """A file one byte past the limit is refused whole: reading only the allowed bytes would store a
    truncated file, or here a valid image whose padding was cut off."""
    editor = desk.sign_in_user()
    post_id = save(desk.archive.store, desk.archive.settings, editor, Draft("Nickel", "Imports rose."))
    desk.sign_in()
    token = desk.form_token(f"/admin/posts/{post_id}")
    upload = {"image": ("photo.png", padded(picture(), MAX_UPLOAD_BYTES + 1), "image/png")}
    form = {"alt": "Ingots", "csrf_token": token}
    answer = desk.client.post(f"/admin/posts/{post_id}/cover", files=upload, data=form)
    assert answer.status_code == 400 and "at most 900,000 bytes" in answer.text
    assert get_desk_post(desk.archive.store, post_id).cover is None


@pytest.mark.parametrize(("alt", "taken"), [("x" * MAX_ALT_CHARS, True), ("x" * (MAX_ALT_CHARS + 1), False),
                                            ("  An   ingot  " + " " * 400, True)])  # spaces fold before counting
def test_alt_text_is_counted_after_its_spaces_fold(desk: Desk, alt: str, taken: bool) -> None:
    editor = desk.sign_in_user()
    post_id = save(desk.archive.store, desk.archive.settings, editor, Draft("Nickel", "Imports rose."))
    if taken:
        assert set_cover_image(desk.archive.store, editor, post_id, picture(), alt).alt == " ".join(alt.split())
    else:
        with pytest.raises(InvalidInput, match="at most 300 characters") as caught:
            set_cover_image(desk.archive.store, editor, post_id, picture(), alt)
        assert caught.value.field == "alt"


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
    assert image.headers["content-type"] == "image/jpeg" and image.headers["cache-control"] == "public, max-age=300"
    assert Image.open(io.BytesIO(image.content)).size == (40, 30)
    assert desk.client.get("/media/999").status_code == 404


def _cover_of_draft(desk: Desk, title: str = "Cobalt", colour: str = "teal") -> tuple[int, int]:
    """(post id, image id) of a new draft with a cover."""
    editor = desk.sign_in_user()
    post_id = save(desk.archive.store, desk.archive.settings, editor, Draft(title, "Output fell."))
    out = io.BytesIO()
    Image.new("RGB", (20, 10), colour).save(out, "PNG")
    return post_id, set_cover_image(desk.archive.store, editor, post_id, out.getvalue(), "A cobalt mine").id


def _seen_by(desk: Desk, media_id: int, headers: dict[str, str] | None = None) -> tuple[int, str]:
    """(status, Cache-Control) of the image as an anonymous reader (or one sending `headers`) gets it."""
    desk.client.cookies.clear()
    answer = desk.client.get(f"/media/{media_id}", headers=headers or {})
    return answer.status_code, answer.headers.get("cache-control", "")


def test_a_cover_reaches_readers_only_while_its_post_is_published(desk: Desk) -> None:
    post_id, media_id = _cover_of_draft(desk)
    editor = desk.sign_in_user()
    token = {"Authorization": "Bearer " + create_token(desk.archive.store, "ana")}
    hidden = _seen_by(desk, media_id)
    assert hidden[0] == 404 and _seen_by(desk, 999_999)[0] == 404  # a draft's image answers as one never stored
    assert _seen_by(desk, media_id, {"Authorization": "Bearer mn_forged"})[0] == 404
    assert _seen_by(desk, media_id, token) == (200, "private, no-store")  # never kept by a shared cache
    desk.sign_in()
    assert desk.client.get(f"/media/{media_id}").status_code == 200  # the dashboard's own <img>
    when = datetime.now(UTC) + timedelta(hours=1)
    move(desk.archive.store, editor, post_id, "scheduled", when)
    assert _seen_by(desk, media_id)[0] == 404
    move(desk.archive.store, editor, post_id, "published")
    assert _seen_by(desk, media_id) == (200, "public, max-age=300")  # minutes: a withdrawn cover leaves caches soon
    held = desk.client.get(f"/media/{media_id}").headers["etag"]
    assert _seen_by(desk, media_id, {"If-None-Match": held})[0] == 304  # a cache revalidates without the bytes
    assert _seen_by(desk, media_id, {"If-None-Match": f'"x", W/{held}'})[0] == 304
    assert _seen_by(desk, media_id, {"If-None-Match": held[:-1] + '0"'})[0] == 200  # another image's tag
    move(desk.archive.store, editor, post_id, "trash")
    assert _seen_by(desk, media_id)[0] == 404
    assert _seen_by(desk, media_id, {"If-None-Match": held})[0] == 404  # a revalidating cache learns it is gone
    assert _seen_by(desk, media_id, token)[0] == 200


def test_an_editor_revalidating_a_hidden_image_gets_it_privately_not_a_304(desk: Desk) -> None:
    """A 304 would carry the public caching headers and tell a shared cache its stored copy is current."""
    post_id, media_id = _cover_of_draft(desk)
    editor = desk.sign_in_user()
    move(desk.archive.store, editor, post_id, "published")
    held = desk.client.get(f"/media/{media_id}").headers["etag"]
    move(desk.archive.store, editor, post_id, "draft")
    token = {"Authorization": "Bearer " + create_token(desk.archive.store, "ana")}
    answer = desk.client.get(f"/media/{media_id}", headers={**token, "If-None-Match": held})
    assert answer.status_code == 200 and answer.headers["cache-control"] == "private, no-store"
    assert "etag" not in answer.headers and answer.content.startswith(b"\xff\xd8")


def test_a_hidden_image_takes_a_token_only_under_the_bearer_scheme(desk: Desk) -> None:
    """The scheme's name is case-insensitive (RFC 9110), but another scheme carrying a token is no bearer token."""
    _, media_id = _cover_of_draft(desk)
    token = create_token(desk.archive.store, "ana")
    assert _seen_by(desk, media_id, {"Authorization": f"bearer {token}"})[0] == 200
    for refused in [f"Token {token}", f"Basic {token}", token, "Bearer  "]:
        assert _seen_by(desk, media_id, {"Authorization": refused})[0] == 404, refused


def test_a_replaced_or_unused_image_is_for_editors_only(desk: Desk) -> None:
    post_id, first = _cover_of_draft(desk)
    editor = desk.sign_in_user()
    move(desk.archive.store, editor, post_id, "published")
    out = io.BytesIO()
    Image.new("RGB", (20, 10), "navy").save(out, "PNG")
    second = set_cover_image(desk.archive.store, editor, post_id, out.getvalue(), "A refinery").id
    assert _seen_by(desk, second)[0] == 200 and _seen_by(desk, first)[0] == 404
    with desk.archive.store.transaction() as conn:
        loose = add_media(conn, "0" * 64, "image/png", 1, 1, b"\x89PNG", editor.id, datetime.now(UTC))
    assert _seen_by(desk, loose)[0] == 404
    desk.sign_in()
    assert desk.client.get(f"/media/{loose}").status_code == 200


def test_an_image_two_posts_share_is_public_while_either_is_published(desk: Desk) -> None:
    draft_id, media_id = _cover_of_draft(desk, "Cobalt draft")
    published_id, same_id = _cover_of_draft(desk, "Cobalt news")
    assert same_id == media_id  # the same bytes are stored once
    editor = desk.sign_in_user()
    move(desk.archive.store, editor, published_id, "published")
    assert _seen_by(desk, media_id)[0] == 200
    move(desk.archive.store, editor, published_id, "draft")
    assert _seen_by(desk, media_id)[0] == 404
    assert draft_id != published_id


def test_an_image_of_exactly_max_pixels_is_decoded_and_one_row_more_is_not() -> None:
    """The limit admits an image of MAX_PIXELS: this one reaches the decoder (which finds its pixels missing),
    where one more row is refused for its size before any decoding."""
    width = 8000
    assert MAX_PIXELS % width == 0
    with pytest.raises(InvalidInput, match="not an image Pillow can read") as decoded:
        prepare_image(png_header_only(width, MAX_PIXELS // width))
    assert type(decoded.value) is UnsupportedType
    with pytest.raises(TooLarge, match="too large to process"):
        prepare_image(png_header_only(width, MAX_PIXELS // width + 1))
