"""The query parser is total: a case table of what users type, hostile input included."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from metalnomist.search.query import MAX_CLAUSES, Term, parse
from metalnomist.search.thesaurus import Thesaurus, default_thesaurus

CASES = [
    ("palladium", "palladium"),  # a plain word
    ("Japan’s", "Japan’s"),  # curly apostrophe kept for the analyzer to fold
    ('"nickel matte"', '"nickel matte"'),  # a phrase
    ("lithium -sulphide", "lithium -sulphide"),  # exclusion
    ("copper OR zinc", "(copper OR zinc)"),  # alternatives
    ("copper AND zinc", "copper zinc"),  # AND is the default and may be written
    ("U.S.", "U.S."),  # dots are text
    ("62% Fe", "62% Fe"),  # percent signs are text
    ("$102.20/t", "$102.20/t"),  # prices are text
    ('"', ""),  # a lone quote
    ("-", ""),  # a lone minus
    ("AND", ""),  # a lone operator
    ("OR copper", "copper"),  # OR with nothing before it
    ("copper OR", "copper"),  # OR with nothing after it
    ('"unterminated phrase', '"unterminated phrase"'),  # quote never closed
    ("", ""),  # empty
    ("   \t\n ", ""),  # whitespace only
    ("-\"\"", ""),  # excluded empty phrase
    ("<script>alert(1)</script>", "<script>alert(1)</script>"),  # markup is just text here
    ("'; DROP TABLE posts; --", "DROP TABLE posts;"),  # SQL is just text; bare punctuation drops
    ("nickel\x00matte", "nickel matte"),  # NUL bytes
    ('lithium -"lithium sulphide"', 'lithium -"lithium sulphide"'),  # an excluded phrase keeps its minus
    ("+JAIA imports", "+JAIA imports"),  # a required word
    ('+"nickel matte"', '"nickel matte"'),  # a phrase is required anyway
    ("+", ""),  # a lone plus, like a lone minus
    ("C++", "C++"),  # a plus inside a word is text
    ("+1 nucleosomes -5%", "+1 nucleosomes -5%"),  # a sign before a digit is the number's, and prints back
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_parse_case_table(text: str, expected: str) -> None:
    assert str(parse(text)) == expected


def test_ten_thousand_characters_are_cut_not_refused() -> None:
    query = parse("copper " * 1500)
    assert 0 < len(query.clauses) <= MAX_CLAUSES
    assert len(query.raw) <= 1000


@given(st.text())
def test_any_text_parses(text: str) -> None:
    query = parse(text)
    assert all(c.alternatives for c in query.clauses)


@pytest.mark.parametrize(
    ("text", "includes"),
    [
        ("Li2CO3", "lithium carbonate"),  # formula ↔ name
        ("lithium carbonate", "Li2CO3"),  # and back, from unquoted words
        ("HRC prices", "hot-rolled coil"),  # trade shorthand
        ("hot-rolled coil", "hrc"),  # hyphenated form
        ("aluminum", "aluminium"),  # US ↔ British spelling
        ("EV", "electric vehicle"),  # abbreviation
        ("NdPr", "neodymium praseodymium"),
    ],
)
def test_thesaurus_expands_shorthand(text: str, includes: str) -> None:
    expanded = str(default_thesaurus().expand(parse(text)))
    assert includes.lower() in expanded.lower()


def test_thesaurus_is_data_and_extends() -> None:
    thesaurus = Thesaurus.parse("# comment\nlfp\tlithium iron phosphate\n")
    assert "lithium iron phosphate" in str(thesaurus.expand(parse("LFP cells")))
    assert str(thesaurus.expand(parse("copper"))) == "copper"


def test_excluded_synonyms_stay_excluded() -> None:
    assert str(default_thesaurus().expand(parse("-aluminum"))) == "-(aluminum OR aluminium)"


@pytest.mark.parametrize(
    ("text", "optional", "required", "excluded"),
    [
        ("copper zinc", 2, 0, 0),  # plain words: every-word hits first, but a hit may lack one
        ('copper "zinc smelter"', 1, 1, 0),  # a phrase is exact control: it must be there
        ("+copper zinc", 1, 1, 0),  # so is a +word
        ('lithium -"lithium sulphide"', 1, 0, 1),  # an excluded phrase stays excluded, not required
        ('"a b" OR "c d"', 0, 1, 0),  # either phrase must be there
        ("copper OR zinc", 1, 0, 0),  # one clause of alternatives
    ],
)
def test_clause_roles(text: str, optional: int, required: int, excluded: int) -> None:
    clauses = parse(text).clauses
    assert [sum(c.optional for c in clauses), sum(c.required for c in clauses),
            sum(c.excluded for c in clauses)] == [optional, required, excluded]


def test_thesaurus_keeps_a_required_word_required() -> None:
    assert str(default_thesaurus().expand(parse("+HRC"))).startswith("+(HRC OR ")


# (text, [(sign, [(term, phrase)])]): what the parser keeps beyond how it prints — quotes stripped
# and never letters, the phrase flag, and the sign, down to the shortest tokens.
TERMS = [
    ('"copper"', [("", [("copper", True)])]),  # one quoted word is still exact
    ('-"nickel matte"', [("-", [("nickel matte", True)])]),
    ('"Xstrata  deal"', [("", [("Xstrata deal", True)])]),  # inner spaces fold; an X is a letter, not a quote
    ('Xstrata"', [("", [("Xstrata", False)])]),  # a stray closing quote is not part of the word
    ('"X"', [("", [("X", True)])]),
    ("-x", [("-", [("x", False)])]),  # the shortest exclusion
    ("+x", [("+", [("x", False)])]),  # and the shortest required word
    ("copper OR -zinc", [("", [("copper", False)]), ("-", [("zinc", False)])]),  # an exclusion joins no OR
    ("-zinc OR copper", [("-", [("zinc", False)]), ("", [("copper", False)])]),  # from either side
    ("+copper OR zinc", [("+", [("copper", False), ("zinc", False)])]),  # one required word keeps the group required
    ("+1 nucleosomes", [("", [("+1", False)]), ("", [("nucleosomes", False)])]),  # a signed number, no operator
    ("-40 degrees", [("", [("-40", False)]), ("", [("degrees", False)])]),  # (SciFact claim 1041 lost its hits)
]


def _shape(text: str) -> list[tuple[str, list[tuple[str, bool]]]]:
    return [("-" if c.excluded else "+" if c.required and not any(t.phrase for t in c.alternatives) else "",
             [(t.text, t.phrase) for t in c.alternatives]) for c in parse(text).clauses]


@pytest.mark.parametrize(("text", "expected"), TERMS)
def test_parsed_terms(text: str, expected: list[tuple[str, list[tuple[str, bool]]]]) -> None:
    assert _shape(text) == expected


def test_terms_print_quoted_when_exact_or_several_words() -> None:
    """--show-query prints these: a synonym of several words reads as the phrase it is matched as."""
    assert [str(Term("copper", phrase=True)), str(Term("iron ore")), str(Term("copper"))] == \
        ['"copper"', '"iron ore"', "copper"]


def test_narrower_terms_are_found_by_the_broad_one_only() -> None:
    thesaurus = Thesaurus.parse("pgm\tplatinum group metals\t>\tplatinum\tpalladium\n")
    assert str(thesaurus.expand(parse("PGM"))) == '(PGM OR "platinum group metals" OR platinum OR palladium)'
    assert str(thesaurus.expand(parse("platinum"))) == "platinum"  # platinum does not find palladium
    assert "palladium" in str(default_thesaurus().expand(parse("PGMs")))
