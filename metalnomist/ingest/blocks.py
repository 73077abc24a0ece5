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
    """Split on blank lines, and a list (`KEY FIGURES` over `- LME tin: $31,870/t` lines) into its lines;
    `headings`, when given, says exactly which blocks are headings."""
    blocks = []
    for chunk in _BLANK_LINE.split(body.replace("\r\n", "\n")):
        for part in _list_lines(chunk):
            text = normalise_space(part)
            if not text:
                continue
            is_heading = text in headings if headings is not None else (
                looks_like_heading(text) and not _LIST_ITEM.match(text))  # an item is no sub-heading
            blocks.append(Block("heading" if is_heading else "paragraph", text))
    return tuple(blocks)


_LIST_ITEM = re.compile(r"\s*[-•*–]\s")


def _list_lines(chunk: str) -> list[str]:
    """A list under a heading of its own (`KEY FIGURES`, `At a glance`) is that heading and one block an item, each
    read (and shown) on its own; a list a sentence introduces (`Here is the guidance out to 2027:`) stays with it."""
    lines = [line for line in chunk.split("\n") if line.strip()]
    items = sum(1 for line in lines[1:] if _LIST_ITEM.match(line))
    titled = len(lines) > 2 and not _LIST_ITEM.match(lines[0]) and looks_like_heading(normalise_space(lines[0]))
    return lines if titled and items == len(lines) - 1 else [chunk]
