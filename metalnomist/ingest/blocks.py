"""Turn plain text into heading and paragraph blocks, for readers that only have text."""

from __future__ import annotations

import re

from metalnomist.models import Block
from metalnomist.text import normalise_space

_SENTENCE_END = re.compile(r"[.!?:;,\"”’)]$")
_BLANK_LINE = re.compile(r"\n\s*\n")


def looks_like_heading(text: str) -> bool:
    """A short single line without closing punctuation reads as a sub-heading."""
    words = text.split()
    return 0 < len(words) <= 16 and len(text) <= 140 and "\n" not in text and not _SENTENCE_END.search(text)


def blocks_from_text(body: str, headings: set[str] | None = None) -> tuple[Block, ...]:
    """Split on blank lines; `headings`, when given, says exactly which blocks are headings."""
    blocks = []
    for chunk in _BLANK_LINE.split(body.replace("\r\n", "\n")):
        text = normalise_space(chunk)
        if not text:
            continue
        is_heading = text in headings if headings is not None else looks_like_heading(text)
        blocks.append(Block("heading" if is_heading else "paragraph", text))
    return tuple(blocks)
