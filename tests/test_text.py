"""Sentence splitting: the unit every fact's `sentence` is cut to."""

from __future__ import annotations

import random
import re
import sys

import pytest

from metalnomist.text import fold_quotes, normalise_space, plain_number, slugify, split_sentences

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
    # a glued stop after a short lower-case word still ends a sentence
    ("Output rose in Peru.Global demand is firm.", ["Output rose in Peru.", "Global demand is firm."]),
    # an initial is no sentence end
    ("Shares of J. Smith Ltd rose. Output fell.", ["Shares of J. Smith Ltd rose.", "Output fell."]),
    # a sentence may start with a figure or a currency sign
    ("Exports rose 5%. 2025 output is seen higher.", ["Exports rose 5%.", "2025 output is seen higher."]),
    ("Exports rose 5%. $100 million was invested.", ["Exports rose 5%.", "$100 million was invested."]),
    # a bullet starts a sentence even after an abbreviation
    ("Producers include:\n• Vale Co\n• BHP", ["Producers include:", "• Vale Co", "• BHP"]),
    # an address before a spaced stop is the end of a sentence
    ("Visit example.com/news. Copper rose.", ["Visit example.com/news.", "Copper rose."]),
    # `Mt.` after a word is Mount; after a number it is million tonnes, and may end a sentence
    ("It will restart its Mt. Holly smelter by 2026. Output rose.",
     ["It will restart its Mt. Holly smelter by 2026.", "Output rose."]),
    ("Output was 1.5 Mt. Mt. Holly restarted.", ["Output was 1.5 Mt.", "Mt. Holly restarted."]),
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


@pytest.mark.parametrize(
    "text,maximum,number",
    [
        ("12", 100, 12),
        ("0000012", 100, 12),  # leading zeros do not make a number long
        ("100", 100, 100),  # the maximum itself is allowed
        ("101", 100, None),
        ("\u00b2", 100, None),  # `²` is a digit to str.isdigit
        ("\u0661\u0662", 100, None),  # Arabic-Indic digits: not ASCII
        ("", 100, None),
        ("-1", 100, None),
    ],
)
def test_plain_number(text: str, maximum: int, number: int | None) -> None:
    assert plain_number(text, maximum) == number


@pytest.mark.parametrize(
    "title,max_length,slug",
    [
        ("China's zinc output", 80, "chinas-zinc-output"),  # an apostrophe joins, never splits
        ("China\u2019s zinc output", 80, "chinas-zinc-output"),
        ("Café société", 80, "cafe-societe"),  # accents folded, not dropped with their letter
        ("alpha beta", 10, "alpha-beta"),  # exactly the maximum fits
        ("alpha beta gammadelta ox", 16, "alpha-beta"),  # words are kept in order: none skipped
        ("!!!", 80, "post"),  # nothing to slug
    ],
)
def test_slugify(title: str, max_length: int, slug: str) -> None:
    assert slugify(title, max_length) == slug


@pytest.mark.parametrize("apostrophe", "\u2019\u2018\u02bc\u02b9\u0060\u00b4\u2032\uff07")
def test_fold_quotes_apostrophes(apostrophe: str) -> None:
    assert fold_quotes(f"China{apostrophe}s output") == "China's output"


def test_fold_quotes_double_quotes() -> None:
    assert fold_quotes("\u201cup\u201d, \u201edown\u201c") == '"up", "down"'
