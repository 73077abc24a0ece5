"""The posts JSON Lines format of interfaces.md: one object per line, read and written."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any, cast

from metalnomist.errors import IngestError
from metalnomist.ingest.blocks import blocks_from_text
from metalnomist.ingest.checks import Limits, bounded_lines, checked
from metalnomist.ingest.dates import parse_datetime
from metalnomist.models import DATE_SOURCES, MAX_STORED_INT, Comment, DateSource, Post

_KNOWN = {"title", "body", "url", "published", "date_source", "labels", "source", "comments", "headings",
          "comment_count"}


class _Fields:
    """Typed access to one JSON object; every problem names the field."""

    def __init__(self, path: Path, line: int, data: dict[str, Any]) -> None:
        self.path, self.line, self.data = path, line, data

    def fail(self, name: str, problem: str) -> IngestError:
        return IngestError(str(self.path), problem, line=self.line, where=f"field {name!r}")

    def text(self, name: str, required: bool = False) -> str | None:
        value = self.data.get(name)
        if value is None and not required:
            return None
        if not isinstance(value, str) or (required and not value.strip()):
            raise self.fail(name, "required, a non-empty string" if required else "must be a string or null")
        return value

    def when(self, name: str, data: dict[str, Any] | None = None, where: str | None = None) -> datetime | None:
        """The date in `name` of this object, or of `data` inside it (a comment), named `where` in errors."""
        value = (data if data is not None else self.data).get(name)
        if value is None:
            return None
        parsed = parse_datetime(str(value))
        if parsed is None:
            raise self.fail(where or name, f"{value!r} is not an ISO 8601 date or date-time")
        return parsed

    def date_source(self, published: datetime | None) -> DateSource | None:
        """What dated the post: as exported, else the file itself ('feed'); None leaves it to inference."""
        value = self.data.get("date_source")
        if value is not None and value not in DATE_SOURCES:
            raise self.fail("date_source", f"{value!r} is not one of {', '.join(DATE_SOURCES)}")
        if published is None:
            return None
        if value == "ingest":
            raise self.fail("date_source", "'ingest' means the post has no date, but 'published' gives one")
        return cast(DateSource, value or "feed")

    def count(self, name: str) -> int | None:
        """A whole number of things: not a float, a bool, negative, or too big for the column."""
        value = self.data.get(name)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_STORED_INT:
            raise self.fail(name, f"{str(value)[:40]} is not a whole number between 0 and {MAX_STORED_INT:,}")
        return value

    def strings(self, name: str) -> list[str]:
        value = self.data.get(name) or []
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.fail(name, "must be a list of strings")
        return value


def _post(fields: _Fields) -> Post:
    title = fields.text("title", required=True)
    body = fields.text("body")
    if body is None:
        raise fields.fail("body", "required, a string")
    headings = fields.data.get("headings")
    blocks = blocks_from_text(body, set(fields.strings("headings")) if headings is not None else None)
    comments = fields.data.get("comments") or []
    if not isinstance(comments, list):
        raise fields.fail("comments", "must be a list of {author, body, published} objects")
    extra = {k: v for k, v in fields.data.items() if k not in _KNOWN}
    published = fields.when("published")
    return Post(
        title=title or "",  # spaces and duplicate labels go in checks.checked, as for every reader
        blocks=blocks,
        url=fields.text("url"),
        published=published,
        date_source=fields.date_source(published),
        labels=tuple(fields.strings("labels")),
        source=fields.text("source"),
        comments=tuple(_comment(fields, i, c) for i, c in enumerate(comments)),
        comment_count=fields.count("comment_count"),
        metadata=extra,
    )


def _comment(fields: _Fields, index: int, data: Any) -> Comment:
    name = f"comments[{index}]"
    if not isinstance(data, dict) or not isinstance(data.get("body"), str):
        raise fields.fail(name, "must be an object with a string 'body'")
    author = str(data.get("author") or "Anonymous")
    approved = data.get("approved", True)
    if not isinstance(approved, bool):
        raise fields.fail(f"{name}.approved", "must be true or false")
    return Comment(author=author, body=data["body"], published=fields.when("published", data, f"{name}.published"),
                   approved=approved)


def read(path: Path, limits: Limits | None = None) -> Iterator[Post]:
    """Stream one post per non-blank line; a line over the limit is refused before it is read whole."""
    limits = limits or Limits()
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise IngestError(str(path), f"cannot read the file: {exc.strerror}") from None
    with handle:
        for number, raw in enumerate(bounded_lines(handle, limits.line_bytes, str(path)), start=1):
            if not raw.strip():
                continue
            try:
                # without its line ending, or an unfinished line is reported at column 1 of the next
                data = json.loads(raw.rstrip(b"\r\n"))
            except UnicodeDecodeError:
                raise IngestError(str(path), "not UTF-8 text", line=number) from None
            except json.JSONDecodeError as exc:
                end = " (the end of the line)" if exc.pos >= len(exc.doc) else ""
                raise IngestError(str(path), f"invalid JSON at column {exc.colno}{end}: {exc.msg}",
                                  line=number) from None
            except RecursionError:
                raise IngestError(str(path), "JSON nested too deeply to read", line=number) from None
            except ValueError:  # what json leaves to int(): a number of more than 4,300 digits
                raise IngestError(str(path), "a number too long to read (more than 4,300 digits)",
                                  line=number) from None
            if not isinstance(data, dict):
                raise IngestError(str(path), "each line must be a JSON object", line=number)
            yield checked(_post(_Fields(path, number, data)), limits, path, number)


def post_to_dict(post: Post) -> dict[str, Any]:
    """The export shape; `headings` lets a round trip keep which blocks are headings."""
    return {
        "title": post.title,
        "body": post.body,
        "url": post.url,
        "published": post.published.isoformat() if post.published else None,
        "date_source": post.date_source,
        "labels": list(post.labels),
        "source": post.source,
        "comments": [
            {"author": c.author, "body": c.body, "published": c.published.isoformat() if c.published else None,
             **({} if c.approved else {"approved": False})}
            for c in post.comments
        ],
        "headings": list(post.headings),
        "comment_count": post.comment_count,  # the source's count: a listing may state it and hold no comment
        **{k: v for k, v in post.metadata.items() if k not in _KNOWN},
    }
