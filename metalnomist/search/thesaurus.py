"""A metals thesaurus, kept as data: analysts' shorthand finds the words articles use."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache, lru_cache
from importlib import resources

from metalnomist.search.query import Clause, Query, Term
from metalnomist.text import fold_quotes, strip_accents

MAX_PHRASE_WORDS = 4
DATA_FILES = ("thesaurus.tsv", "countries.tsv")  # countries.tsv is built by metalnomist/search/countries.py


@lru_cache(maxsize=1 << 16)
def key(text: str) -> str:
    """How thesaurus entries and query words are compared: case, accents, hyphens and possessives folded.

    Remembered: a book of 10,000 watches asks it of the same few thousand words and runs of words
    (watches/matching.py), which was half the time the book took to build."""
    return " ".join(re.findall(r"[a-z0-9]+", re.sub(r"'s\b", "", strip_accents(fold_quotes(text)).lower())))


NARROWER = ">"  # a field of its own: the terms after it are found by the line's terms, not the reverse


class Thesaurus:
    def __init__(self, groups: Iterable[Iterable[str]]) -> None:
        self._synonyms: dict[str, tuple[str, ...]] = {}
        for group in groups:
            fields = [v.strip() for v in group if v.strip()]
            cut = fields.index(NARROWER) if NARROWER in fields else len(fields)
            variants = tuple(dict.fromkeys(fields[:cut]))
            found = tuple(dict.fromkeys(variants + tuple(fields[cut + 1:])))
            for variant in variants:
                known = self._synonyms.get(key(variant), ())
                self._synonyms[key(variant)] = tuple(dict.fromkeys(known + found))

    @classmethod
    def parse(cls, text: str) -> Thesaurus:
        lines = (line.split("#", 1)[0] for line in text.splitlines())
        return cls(line.split("\t") for line in lines if line.strip())

    def synonyms(self, text: str) -> tuple[str, ...]:
        return self._synonyms.get(key(text), ())

    def expand(self, query: Query) -> Query:
        """Replace each word or run of words that has synonyms by a clause of all of them."""
        out: list[Clause] = []
        clauses = list(query.clauses)
        i = 0
        while i < len(clauses):
            width, found = self._longest_match(clauses, i)
            if found:
                words = [c.alternatives[0] for c in clauses[i : i + width]]
                own = Term(" ".join(t.text for t in words), phrase=width > 1 or words[0].phrase)
                extra = tuple(Term(s, phrase=" " in s) for s in found if key(s) != key(own.text))
                out.append(Clause((own, *extra), clauses[i].excluded, clauses[i].required))
                i += width
            else:
                out.append(clauses[i])
                i += 1
        return Query(raw=query.raw, clauses=tuple(out))

    def _longest_match(self, clauses: list[Clause], start: int) -> tuple[int, tuple[str, ...]]:
        for width in range(min(MAX_PHRASE_WORDS, len(clauses) - start), 0, -1):
            run = clauses[start : start + width]
            if any(len(c.alternatives) != 1 or (c.excluded, c.required) != (run[0].excluded, run[0].required)
                   for c in run):
                continue
            if width > 1 and any(c.alternatives[0].phrase for c in run):
                continue
            found = self.synonyms(" ".join(c.alternatives[0].text for c in run))
            if found:
                return width, found
        return 0, ()


@cache
def default_thesaurus() -> Thesaurus:
    """The metals terms, then one line per country (`Korean` finds `South Korea`)."""
    data = resources.files("metalnomist.search").joinpath("data")
    return Thesaurus.parse("\n".join(data.joinpath(name).read_text("utf-8") for name in DATA_FILES))
