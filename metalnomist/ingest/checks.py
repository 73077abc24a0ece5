"""What every reader does to a post before it leaves: clean odd characters, enforce size limits.

A post may come from anywhere, so one careless or hostile source must not break the site for
everyone: a control character makes XML feeds impossible, a lone surrogate cannot be encoded,
a 2 MB label would sit on every page, a date at the end of year 9999 cannot be turned into UTC.
Each refusal names the file, the line and the field; nothing of that file is stored.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import MAXYEAR, UTC, datetime
from pathlib import Path
from typing import IO, Any

from metalnomist.config import Settings
from metalnomist.errors import IngestError
from metalnomist.models import MAX_STORED_INT, Block, Comment, Post
from metalnomist.text import normalise_space

# C0 controls other than tab, newline and carriage return, DEL, C1 controls, and the non-characters:
# XML 1.0 cannot carry most of them and none is text anyone meant to write.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_ODD = re.compile(_CONTROL.pattern[:-1] + _SURROGATE.pattern[1:])
MAX_URL_CHARS = 590  # the identity key column holds 600 characters, "url:" included
MAX_AUTHOR_CHARS = 200  # the comments table's author column
MAX_DEPTH = 20  # nesting of extra JSON fields kept as metadata


@dataclass(frozen=True)
class Limits:
    """Sizes a post may have; the defaults are the settings' defaults."""

    title_chars: int = 1000
    label_chars: int = 200
    labels: int = 100
    body_chars: int = 2_000_000
    line_bytes: int = 8_000_000
    page_bytes: int = 20_000_000

    @classmethod
    def from_settings(cls, settings: Settings) -> Limits:
        return cls(settings.max_title_chars, settings.max_label_chars, settings.max_labels,
                   settings.max_body_chars, settings.max_line_bytes, settings.max_page_bytes)


def clean_text(text: str) -> str:
    """Control characters go; a lone surrogate (half a UTF-16 pair) becomes U+FFFD. One scan finds
    most text clean; only odd text pays for the two replacements."""
    if _ODD.search(text) is None:
        return text
    return _SURROGATE.sub("\ufffd", _CONTROL.sub("", text))


def clean_value(value: Any, depth: int = 0) -> Any:
    """Strings inside JSON values cleaned; nesting deeper than MAX_DEPTH is refused (ValueError)."""
    if depth > MAX_DEPTH:
        raise ValueError(f"nested more than {MAX_DEPTH} levels deep")
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, list):
        return [clean_value(v, depth + 1) for v in value]
    if isinstance(value, dict):
        return {clean_text(str(k)): clean_value(v, depth + 1) for k, v in value.items()}
    return value


class _Where:
    """Where in the file a post came from, to name in every refusal."""

    def __init__(self, path: Path, line: int | None, entry: str | None) -> None:
        self.path, self.line, self.entry = path, line, entry

    def fail(self, field: str, problem: str) -> IngestError:
        where = f"field {field!r}" if self.entry is None else f"{self.entry}, field {field!r}"
        return IngestError(str(self.path), problem, line=self.line, where=where)

    def sized(self, field: str, text: str, limit: int, setting: str) -> str:
        if len(text) > limit:
            raise self.fail(field, f"{len(text):,} characters, more than the {limit:,} allowed "
                                   f"(METALNOMIST_{setting.upper()})")
        return text

    def moment(self, field: str, value: datetime | None) -> datetime | None:
        """A date that cannot be expressed in UTC (year 9999 at -05:00) cannot be sorted or stored, and one in
        year 9999 has no month after it to end its archive page (every listing count would fail)."""
        if value is None:
            return None
        try:
            utc = value.astimezone(UTC)
        except OverflowError:
            raise self.fail(field, f"{value.isoformat()} is out of range once converted to UTC") from None
        if utc.year >= MAXYEAR:
            raise self.fail(field, f"{value.isoformat()} is in year {MAXYEAR}, past the last month the archive files")
        return value


def checked(post: Post, limits: Limits, path: Path, line: int | None, entry: str | None = None) -> Post:
    """The post with odd characters cleaned, or IngestError naming the first field over a limit."""
    where = _Where(path, line, entry)
    title = where.sized("title", normalise_space(clean_text(post.title)), limits.title_chars, "max_title_chars")
    if not title:
        raise where.fail("title", "required, and more than control characters")
    cleaned = (normalise_space(clean_text(label)) for label in post.labels)
    labels = tuple(dict.fromkeys(label for label in cleaned if label))
    if len(labels) > limits.labels:
        raise where.fail("labels", f"{len(labels)} labels, more than the {limits.labels} allowed "
                                   "(METALNOMIST_MAX_LABELS)")
    for label in labels:
        where.sized("labels", label, limits.label_chars, "max_label_chars")
    blocks = tuple(Block(b.kind, text) for b in post.blocks if (text := normalise_space(clean_text(b.text))))
    where.sized("body", "\n\n".join(b.text for b in blocks), limits.body_chars, "max_body_chars")
    url = clean_text(post.url) if post.url else post.url
    if url and len(url) > MAX_URL_CHARS:
        raise where.fail("url", f"{len(url):,} characters, more than the {MAX_URL_CHARS} a post's address may have")
    count = post.comment_count
    if count is not None and not (0 <= count <= MAX_STORED_INT):
        raise where.fail("comment_count", f"{count} is not a count between 0 and {MAX_STORED_INT:,}")
    try:
        metadata = clean_value(post.metadata)
    except ValueError as exc:
        raise where.fail("metadata", str(exc)) from None
    return replace(post, title=title, labels=labels, blocks=blocks, url=url,
                   source=clean_text(post.source) if post.source else post.source,
                   published=where.moment("published", post.published),
                   comments=tuple(_comment(where, limits, i, c) for i, c in enumerate(post.comments)),
                   metadata=metadata)


def _comment(where: _Where, limits: Limits, index: int, comment: Comment) -> Comment:
    name = f"comments[{index}]"
    author = clean_text(comment.author).strip() or "Anonymous"
    if len(author) > MAX_AUTHOR_CHARS:
        raise where.fail(f"{name}.author", f"{len(author):,} characters, more than the {MAX_AUTHOR_CHARS} allowed")
    body = where.sized(f"{name}.body", clean_text(comment.body), limits.body_chars, "max_body_chars")
    return replace(comment, author=author, body=body, published=where.moment(f"{name}.published", comment.published))


def bounded_lines(handle: IO[bytes], max_bytes: int, path: str) -> Iterator[bytes]:
    """The file's lines; one longer than `max_bytes` is refused after reading that much of it, not all of it."""
    number = 0
    # Room for the longest line ending too: a line of max_bytes cut before its "\n" left that "\n" to be
    # read as a line of its own, and every later line was named by a number one too high.
    while raw := handle.readline(max_bytes + 2):
        number += 1
        if len(raw.rstrip(b"\r\n")) > max_bytes:
            raise IngestError(path, f"the line is longer than the {max_bytes:,} bytes allowed "
                                    "(METALNOMIST_MAX_LINE_BYTES)", line=number)
        yield raw
