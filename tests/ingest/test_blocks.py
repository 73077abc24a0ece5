"""Plain text into blocks: which short lines read as sub-headings, and where the heading guess stops."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from metalnomist.ingest.blocks import blocks_from_text, looks_like_heading


@dataclass(frozen=True)
class Case:
    text: str
    heading: bool


def words(n: int) -> str:
    return " ".join(f"w{i}" for i in range(n))


HEADING_CASES = [
    Case("Outlook", True),  # one word, no closing punctuation
    Case(words(16), True),  # the longest heading, in words
    Case(words(17), False),  # one word more: a sentence fragment, not a heading
    Case("Copper " + "x" * 133, True),  # 140 characters: the longest heading, in characters
    Case("Copper " + "x" * 134, False),  # 141 characters
    Case("Analysts said:", False),  # a line leading into a quote ends on a colon: text, not a heading
    Case("Copper rose.", False),  # a sentence
    Case("Zinc (LME)", False),  # a closing bracket ends a phrase
    Case("", False),
]


@pytest.mark.parametrize("case", HEADING_CASES, ids=lambda c: c.text[:30] or "empty")
def test_looks_like_heading(case: Case) -> None:
    assert looks_like_heading(case.text) is case.heading


def test_headings_given_say_exactly_which_blocks_are_headings() -> None:
    """An export lists its headings, even none: the guess is made only when no list is given."""
    body = "Outlook\r\n\r\nCopper rose.\n \nZinc"
    assert [b.kind for b in blocks_from_text(body)] == ["heading", "paragraph", "heading"]
    assert [b.kind for b in blocks_from_text(body, {"Zinc"})] == ["paragraph", "paragraph", "heading"]
    assert [b.kind for b in blocks_from_text(body, set())] == ["paragraph"] * 3


def test_a_titled_list_is_split_into_its_lines_and_an_introduced_one_is_not() -> None:
    """`KEY FIGURES` over `- …` lines is a heading and one block per item, each read (and shown) on its own; a list a
    sentence introduces stays with it (the items go on the sentence: `guidance out to 2027:`), and so does a paragraph
    wrapped over lines with a dash in it."""
    body = ("KEY FIGURES\n- China steel exports, October: 9.49 million t\n• LME tin: $31,870/t\n\n"
            "Here is the guidance out to 2027:\n• 460,000 t of zinc in 2025.\n• 410,000 t of zinc in 2026.\n\n"
            "Tin climbed 1.4% to $31,870 a tonne\n- the highest since May - as stocks fell.")
    blocks = blocks_from_text(body)
    assert [(b.kind, b.text) for b in blocks] == [
        ("heading", "KEY FIGURES"), ("paragraph", "- China steel exports, October: 9.49 million t"),
        ("paragraph", "• LME tin: $31,870/t"),
        ("paragraph", "Here is the guidance out to 2027: • 460,000 t of zinc in 2025. • 410,000 t of zinc in 2026."),
        ("paragraph", "Tin climbed 1.4% to $31,870 a tonne - the highest since May - as stocks fell.")]
