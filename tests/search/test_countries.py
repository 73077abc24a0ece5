"""Country words fold as data: one thesaurus line per country, built from pycountry plus demonyms."""

from __future__ import annotations

from collections import Counter

import pytest

from metalnomist.pipeline import Archive
from metalnomist.search.countries import OUT, lines, render
from metalnomist.search.query import parse
from metalnomist.search.service import SearchRequest, search
from metalnomist.search.thesaurus import default_thesaurus, key


def test_the_shipped_tsv_is_what_the_builder_writes() -> None:
    assert OUT.read_text(encoding="utf-8") == render()


def test_one_line_per_country_and_no_word_in_two() -> None:
    built = lines()
    assert len(built) == 249
    seen = Counter(k for line in built for k in {key(word) for word in line.split("\t")})
    assert [k for k, n in seen.items() if n > 1] == []


@pytest.mark.parametrize(
    ("typed", "finds"),
    [
        ("Korean", "South Korea"),  # demonym → the name articles use
        ("ROK", "Korea, Republic of"),  # short form → ISO name
        ("South Korea", "Korean"),  # a two-word name is one run
        ("Japanese", "Japan"),
        ("Japan’s", "Japanese"),  # possessives fold before lookup
        ("PRC", "China"),
        ("Chinese", "mainland China"),
        ("Greek", "Hellenic Republic"),  # an official name without the name finds posts of its own
        ("Indonesian", "Indonesia"),
        ("Chilean", "Chile"),
        ("Congolese", "DRC"),
        ("Vietnam", "Viet Nam"),  # pycountry's name and its common name
    ],
)
def test_country_words_fold(typed: str, finds: str) -> None:
    expanded = default_thesaurus().expand(parse(typed))
    assert len(expanded.clauses) == 1
    assert finds in {t.text for t in expanded.clauses[0].alternatives}


def test_an_official_name_that_holds_the_name_is_left_out() -> None:
    """`Republic of Indonesia` finds no post `Indonesia` misses; scored as a phrase on every post that names the
    country, it tripled the cost of searching for it at a million posts."""
    for typed in ("Indonesia", "Chile", "China"):
        (clause,) = default_thesaurus().expand(parse(typed)).clauses
        assert not any("Republic" in t.text or "State of" in t.text for t in clause.alternatives), typed


def test_a_short_form_finds_the_posts_that_name_the_country(seeded: Archive) -> None:
    def ids(text: str) -> set[int | None]:
        return {h.post.id for h in search(seeded.store, seeded.index, SearchRequest(text, limit=100)).hits}

    korea = ids("Korea")
    assert korea and ids("ROK") == korea == ids("South Korean")
