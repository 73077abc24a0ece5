"""An editor's Markdown: a sanitised HTML preview, and the headings and paragraphs the site stores.

The site keeps every post as plain headings and paragraphs (what ingest makes too), so the facts
extractor, search and feeds read a written post exactly as they read an imported one. Raw HTML in
Markdown is never passed through, and nh3 cleans the preview whatever markdown-it produced.
"""

from __future__ import annotations

import nh3
from markdown_it import MarkdownIt
from markdown_it.token import Token

from metalnomist.models import Block

_MARKDOWN = MarkdownIt("commonmark", {"html": False})
_TEXT_BLOCKS = {"fence", "code_block"}


def preview_html(markdown: str) -> str:
    """The page an editor sees before publishing: links keep only http(s) and mailto, and get rel=noopener."""
    return nh3.clean(_MARKDOWN.render(markdown), url_schemes={"http", "https", "mailto"})


def _inline_text(token: Token) -> str:
    parts = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "image":
            parts.append(_inline_text(child))
    return " ".join("".join(parts).split())


def markdown_blocks(markdown: str) -> tuple[Block, ...]:
    """Headings stay headings; paragraphs, list items, quotes and code become paragraphs of their text."""
    blocks: list[Block] = []
    tokens = _MARKDOWN.parse(markdown)
    for i, token in enumerate(tokens):
        if token.type == "inline":
            text = _inline_text(token)
            if text:
                heading = i > 0 and tokens[i - 1].type == "heading_open"
                blocks.append(Block("heading", text) if heading else Block("paragraph", text))
        elif token.type in _TEXT_BLOCKS and token.content.strip():
            blocks.append(Block("paragraph", token.content.strip()))
    return tuple(blocks)
