"""Images from editors: checked by content, re-encoded, resized for the page, stored in the database.

Pillow must open the bytes as a JPEG, PNG, GIF or WebP image, whatever the file was called; the
stored file is Pillow's own re-encoding (no metadata, no trailing payload), at most MAX_SIDE
pixels on its longer side. Oversized uploads and decompression bombs are refused before decoding.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import UTC, datetime

from PIL import Image, UnidentifiedImageError

from metalnomist.errors import InvalidInput, NotFound, TooLarge, UnsupportedType
from metalnomist.models import MAX_STORED_INT, User
from metalnomist.store import Store
from metalnomist.store.desk import audit
from metalnomist.store.media import add_media, media_by_id, set_cover

MAX_UPLOAD_BYTES = 900_000  # within the web's 1 MB request limit, with room for the form's other fields
MAX_PIXELS = 40_000_000  # a 1 KB file can claim 50,000 × 50,000 pixels; decoding it would take gigabytes
MAX_SIDE = 1600
MAX_ALT_CHARS = 300
FORMATS = {"JPEG", "PNG", "GIF", "WEBP"}


@dataclass(frozen=True)
class Prepared:
    content_type: str
    data: bytes
    width: int
    height: int


def prepare_image(data: bytes) -> Prepared:
    """The image re-encoded for the page, or InvalidInput('image', why): TooLarge or UnsupportedType when
    those are why."""
    if not data:
        raise InvalidInput("image", "choose an image file to upload")
    if len(data) > MAX_UPLOAD_BYTES:
        raise TooLarge("image", f"at most {MAX_UPLOAD_BYTES:,} bytes, this file has {len(data):,}")
    try:
        with Image.open(io.BytesIO(data)) as image:
            if image.format not in FORMATS:
                raise UnsupportedType("image", f"a {image.format} image; upload JPEG, PNG, GIF or WebP")
            if image.width * image.height > MAX_PIXELS:
                raise TooLarge("image", f"{image.width} × {image.height} pixels is too large to process")
            image.load()
            return _encode(image)
    except Image.DecompressionBombError:  # a header past Pillow's own limit: refused on open, before our check
        raise TooLarge("image", "its size in pixels is too large to process") from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise UnsupportedType("image", "this file is not an image Pillow can read (JPEG, PNG, GIF or WebP)") from None


def _encode(image: Image.Image) -> Prepared:
    transparent = image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info)
    picture = image.convert("RGBA" if transparent else "RGB")
    picture.thumbnail((MAX_SIDE, MAX_SIDE))
    out = io.BytesIO()
    if transparent:
        picture.save(out, "PNG", optimize=True)
    else:
        picture.save(out, "JPEG", quality=85, optimize=True)
    return Prepared("image/png" if transparent else "image/jpeg", out.getvalue(), picture.width, picture.height)


@dataclass(frozen=True)
class Cover:
    """A post's cover as its page shows it: `id` is the image at /media/ID."""

    id: int
    alt: str
    width: int
    height: int


def set_cover_image(store: Store, user: User, post_id: int, data: bytes, alt: str) -> Cover:
    """Upload a post's cover image; its alt text is required, for readers who cannot see it."""
    alt = " ".join(alt.split())
    if not alt:
        raise InvalidInput("alt", "describe the image for readers who cannot see it")
    if len(alt) > MAX_ALT_CHARS:
        raise InvalidInput("alt", f"at most {MAX_ALT_CHARS} characters, this text has {len(alt)}")
    image = prepare_image(data)
    now = datetime.now(UTC)
    with store.transaction() as conn:
        media_id = add_media(conn, hashlib.sha256(image.data).hexdigest(), image.content_type, image.width,
                             image.height, image.data, user.id, now)
        cover = Cover(media_id, alt, image.width, image.height)
        if not set_cover(conn, post_id, asdict(cover), now):
            raise NotFound(f"post {post_id} does not exist")
        audit(conn, user.id, "cover", f"post {post_id}", f"image {media_id}: {alt[:100]}", now)
    return cover


def image_file(store: Store, media_id: int, editor: Callable[[], bool]) -> tuple[str, bytes, bool]:
    """(content type, bytes, public) of a stored image. Readers get it only while a published post shows
    it; `editor` is asked only otherwise, and a hidden image is as missing to readers as one never stored."""
    found = None
    if 1 <= media_id <= MAX_STORED_INT:
        with store.reading() as conn:
            found = media_by_id(conn, media_id)
    if found is None or not (found.public or editor()):
        raise NotFound(f"image {media_id} does not exist")
    return found.content_type, found.data, found.public
