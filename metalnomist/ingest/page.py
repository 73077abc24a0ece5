"""Reader for scraped Blogger listing text, such as a search-results page saved as text.

The shape it relies on: a title line, a blank line, a comment count ("No comments",
"1 comment", "5 comments"), then caption lines (an image alt that repeats the title, and
the labels), a blank line, and the body. Page chrome may appear anywhere and is dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from metalnomist.errors import IngestError
from metalnomist.ingest.blocks import looks_like_heading
from metalnomist.ingest.checks import Limits, bounded_lines, checked
from metalnomist.models import Block, Post
from metalnomist.text import normalise_space

_COMMENT_COUNT = re.compile(r"^(?:No comments|(\d{1,10}) comments?)$", re.IGNORECASE)  # no count has 11 digits
_CHROME = re.compile(
    r"^(?:Showing posts (?:sorted by|with label|for query).*|Sort by (?:date|relevance)|Show all posts"
    r"|Older posts|Newer posts|Home|Subscribe to: Posts \(Atom\)|Labels:?|Share this post)$",
    re.IGNORECASE,
)
_METADATA = re.compile(r"^(Focus Keyphrase|Meta Description|SEO Title|Slug|Keyphrase)\s*:\s*(.+)$", re.IGNORECASE)


@dataclass
class _Draft:
    title: str
    line: int
    comment_count: int
    captions: list[str] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    metadata: dict[str, str] = field(default_factory=dict)
    in_captions: bool = True

    def to_post(self) -> Post:
        labels: list[str] = []
        for caption in self.captions:
            if caption != self.title:
                labels.extend(part for part in (normalise_space(p) for p in caption.split(",")) if part)
        blocks = tuple(Block("heading" if looks_like_heading(t) else "paragraph", t) for t in self.lines)
        return Post(
            title=self.title,
            blocks=blocks,
            labels=tuple(dict.fromkeys(labels)),
            comment_count=self.comment_count,
            metadata=dict(self.metadata),
        )


def _lines(path: Path, max_bytes: int) -> Iterator[tuple[int, str]]:
    """Numbered, stripped lines; undecodable bytes or an overlong line are an error naming the line."""
    try:
        with path.open("rb") as handle:
            for number, raw in enumerate(bounded_lines(handle, max_bytes, str(path)), start=1):
                try:
                    text = raw.decode("utf-8-sig" if number == 1 else "utf-8")
                except UnicodeDecodeError as exc:
                    problem = f"not UTF-8 text (byte {exc.start + 1} of the line)"
                    raise IngestError(str(path), problem, line=number) from None
                yield number, normalise_space(text)
    except OSError as exc:
        raise IngestError(str(path), f"cannot read the file: {exc.strerror}") from None


def read(path: Path, limits: Limits | None = None) -> Iterator[Post]:
    """Stream posts: a post is complete when the next title (or the end of file) arrives."""
    limits = limits or Limits()
    current: _Draft | None = None
    # The title is only known once the comment count two lines below it is seen.
    window: list[tuple[int, str]] = []
    for number, line in _lines(path, limits.line_bytes):
        if _CHROME.match(line):
            continue
        count = _COMMENT_COUNT.match(line)
        if count and len(window) >= 2 and window[-1][1] == "" and window[-2][1]:
            title_line, title = window[-2]
            if current is not None:
                # A post with no body (an image and its caption) took the title as a caption line.
                _drop_trailing(current.lines or current.captions, title)
                yield checked(current.to_post(), limits, path, current.line)
            current = _Draft(title, title_line, int(count.group(1) or 0))
            window = []
            continue
        window = (window + [(number, line)])[-2:]
        if current is not None:
            _feed(current, line)
    if current is None:
        raise IngestError(
            str(path),
            "no posts found: expected a title line, a blank line, then a comment count such as 'No comments'",
            line=1,
        )
    yield checked(current.to_post(), limits, path, current.line)


def _feed(draft: _Draft, line: str) -> None:
    if draft.in_captions:
        if line:
            draft.captions.append(line)
            return
        draft.in_captions = False
        return
    if not line:
        return
    meta = _METADATA.match(line)
    if meta:
        draft.metadata[meta.group(1).lower().replace(" ", "_")] = meta.group(2)
        return
    draft.lines.append(line)


def _drop_trailing(lines: list[str], next_title: str) -> None:
    """The next post's title line was read as body (or caption) before its comment count revealed it."""
    if lines and lines[-1] == next_title:
        lines.pop()
