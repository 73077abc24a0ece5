"""Sentence splitting: the unit every fact's `sentence` is cut to."""

from __future__ import annotations

import random
import re
import sys

import pytest

from metalnomist.text import normalise_space, split_sentences

SPLITS = [
    # a line that starts with a bullet is a sentence of its own (guidance lists, highlights)
    (
        "Guidance to 2027:\n• 460,000 t in 2025.\n• 410,000 t in 2026.",
        ["Guidance to 2027:", "• 460,000 t in 2025.", "• 410,000 t in 2026."],
    ),
    (
        "Highlights\n- Copper output climbs 10%\n- Iron ore stable",
        ["Highlights", "- Copper output climbs 10%", "- Iron ore stable"],
    ),
    # bullets whose lines were joined by whitespace folding
    (
        "Guidance to 2027: • 460,000 t in 2025. • 410,000 t in 2026.",
        ["Guidance to 2027:", "• 460,000 t in 2025.", "• 410,000 t in 2026."],
    ),
    # dash bullets whose lines were joined: each starts after the end of the one before
    (
        "- Sales reached 625K units. - A look at the trend: - Exports rose 9% in May.",
        ["- Sales reached 625K units.", "- A look at the trend:", "- Exports rose 9% in May."],
    ),
    # hard-wrapped wire copy: a single newline inside a sentence does not end it
    (
        "Imports rose\n25% from a year earlier. Exports fell.",
        ["Imports rose\n25% from a year earlier.", "Exports fell."],
    ),
    # a dash inside a wrapped line is not a bullet
    ("Output - a record - rose\nto 5 Mt. Sales fell.", ["Output - a record - rose\nto 5 Mt.", "Sales fell."]),
    (
        "The U.S. Geological Survey said imports rose. Exports fell.",
        ["The U.S. Geological Survey said imports rose.", "Exports fell."],
    ),
    # scraped paragraphs glued with no space after the stop are still two sentences
    (
        "SQM signed deals in the Salar de Atacama.Global demand is expected to quadruple.",
        ["SQM signed deals in the Salar de Atacama.", "Global demand is expected to quadruple."],
    ),
    # but a web address, a short abbreviation or a decimal is no glued sentence
    ("See www.Kitco.Com for prices. Gold rose.", ["See www.Kitco.Com for prices.", "Gold rose."]),
    ("Prices in St.Louis rose 2.5 percent.", ["Prices in St.Louis rose 2.5 percent."]),
]


@pytest.mark.parametrize("text,sentences", SPLITS, ids=[s[0][:30] for s in SPLITS])
def test_split(text: str, sentences: list[str]) -> None:
    assert [s for _, s in split_sentences(text)] == sentences


SPACES = re.compile(r"[\s\u00a0\u2000-\u200b\u202f\u205f\u3000]+")  # what normalise_space means


def test_normalise_space_does_what_its_regex_says() -> None:
    """Every space-like character the regex names or \\s matches, and its neighbours, in random runs."""
    spaces = [chr(c) for c in range(sys.maxunicode + 1) if SPACES.fullmatch(chr(c))]
    others = ["a", "é", "1", ".", "\u180e", "\u200c", "\u200d", "\u2060", "\ufeff", "\x00", "x\u0301"]
    rng = random.Random(7)
    for _ in range(3000):
        text = "".join(rng.choice(spaces if rng.random() < 0.5 else others) for _ in range(rng.randint(0, 12)))
        assert normalise_space(text) == SPACES.sub(" ", text).strip(), repr(text)
    assert len(spaces) > 25 and "\u200b" in spaces and "\x1c" in spaces  # the sample covers them
