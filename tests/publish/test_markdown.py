"""An editor's Markdown as the site stores it (headings and paragraphs of plain words) and as it previews it."""

from __future__ import annotations

from typing import NamedTuple

import lxml.html
import pytest

from metalnomist.publishing.markdown import markdown_blocks, preview_html


class Case(NamedTuple):
    markdown: str
    blocks: list[tuple[str, str]]


P = "paragraph"
CASES = [
    Case("Nickel imports\nrose.", [(P, "Nickel imports rose.")]),  # a line break inside a paragraph is a space
    Case("Nickel imports  \nrose.", [(P, "Nickel imports rose.")]),  # so is a hard break
    Case("Nickel  imports   rose.", [(P, "Nickel imports rose.")]),  # runs of spaces fold, as ingest folds them
    Case("Ticker `NI` rose 5%.", [(P, "Ticker NI rose 5%.")]),  # inline code keeps its words
    Case("```\nLME nickel 16,000\n```", [(P, "LME nickel 16,000")]),  # a fenced block is a paragraph of its text
    Case("    LME nickel 16,000", [(P, "LME nickel 16,000")]),  # an indented one too
    Case("```\n\n```", []),  # an empty fence is no empty paragraph
    Case("![Nickel output rose 12%](https://x.example/c.png)", [(P, "Nickel output rose 12%")]),  # an image's alt
    Case("## Outlook\n\n> Prices may ease.", [("heading", "Outlook"), (P, "Prices may ease.")]),
]


@pytest.mark.parametrize("case", CASES, ids=[case.markdown for case in CASES])
def test_every_kind_of_block_keeps_its_words_as_a_heading_or_a_paragraph(case: Case) -> None:
    """The facts extractor, search and feeds read these blocks: words lost or run together are figures and
    phrases no one finds."""
    assert [(b.kind, b.text) for b in markdown_blocks(case.markdown)] == case.blocks


def test_the_preview_shows_no_image_or_link_outside_http_and_mailto() -> None:
    """Markdown lets a `data:` image through; the preview must not show one, as it shows no other scheme."""
    page = lxml.html.fromstring(preview_html("![chart](data:image/png;base64,iVBORw0KGgo=) [a](https://x.example)"))
    assert page.xpath("//img/@src") == [] and page.xpath("//a/@href") == ["https://x.example"]
