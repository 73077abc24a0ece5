"""Readers: turn source files into Posts. An explicit registry, chosen by format or detected.

Every reader takes a path and the size limits, streams the file, yields Posts checked by
`checks.checked` and raises IngestError naming the file, the line (or element) and the
problem. Readers do no storage: atomicity is the pipeline's job.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

from metalnomist.errors import IngestError
from metalnomist.ingest import feed, html, jsonl, page
from metalnomist.ingest.checks import Limits
from metalnomist.ingest.dates import infer_published
from metalnomist.models import Post

Reader = Callable[[Path, Limits], Iterator[Post]]

READERS: dict[str, Reader] = {
    "page": page.read,
    "html": html.read,
    "feed": feed.read,
    "jsonl": jsonl.read,
}
FORMATS = ("auto", *READERS)
# What a file inside a folder must be called to be read: anything else there (notes, images, a test's
# `*.expected.json`) is skipped and counted. A file named on its own is always read.
READABLE_SUFFIXES = frozenset({".txt", ".text", ".html", ".htm", ".xhtml", ".xml", ".atom", ".rss", ".jsonl",
                               ".ndjson"})


def detect_format(path: Path) -> str:
    """Guess from the name, then from the first bytes."""
    suffix = path.suffix.lower()
    if suffix in {".jsonl", ".ndjson"}:
        return "jsonl"
    if suffix in {".atom", ".rss"}:
        return "feed"
    try:
        with path.open("rb") as handle:
            head = handle.read(4096).lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    except OSError as exc:
        raise IngestError(str(path), f"cannot read the file: {exc.strerror}") from None
    if head.startswith(b"{"):
        return "jsonl"
    if head.startswith(b"<?xml") or head.startswith(b"<feed") or head.startswith(b"<rss"):
        if b"<feed" in head or b"<rss" in head or b"<rdf" in head:
            return "feed"
        return "html"
    if head.startswith(b"<") or suffix in {".html", ".htm"}:
        return "html"
    return "page"


def read_posts(path: Path, fmt: str = "auto", limits: Limits | None = None) -> Iterator[Post]:
    if fmt not in FORMATS:
        raise IngestError(str(path), f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    chosen = detect_format(path) if fmt == "auto" else fmt
    return (with_date(post) for post in READERS[chosen](path, limits or Limits()))


def with_date(post: Post) -> Post:
    """A post its source left undated gets the date its URL or dateline states, if any;
    else it is marked 'ingest' and stays undated (the ingest time only stands in for display)."""
    if post.published is not None:
        return post
    found = infer_published(post.url, post.title, post.blocks)
    if found is None:
        return replace(post, date_source="ingest")
    return replace(post, published=found.when, date_source=found.source)
