"""A search watch as sets of index terms, decided against a post's terms without asking the index.

This is exact for what most watches are, words and labels: the index's every-word query
(SearchIndex.compile, match "all") asks of a post that each kept clause has one of its
alternatives' terms in the title, body or labels, that no excluded clause does, and that it carries
each label. A word that analyses to several terms (`IL-6`, a quoted phrase) needs positions, which a
set of terms has not: such a watch gets None here and is asked of the index. tests/watches compare
both ways over many queries.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from metalnomist.search.index import SearchIndex
from metalnomist.search.query import Query
from metalnomist.search.words import LONGEST_TERM, WORD, label_key, without_stopwords

LABEL = "label:"  # prefix of a label's key among a post's terms (a term has no colon)


def _unindexable(text: str) -> bool:
    return any(len(word.encode()) >= LONGEST_TERM for word in re.findall(WORD, text))


@dataclass(frozen=True)
class TermQuery:
    required: tuple[frozenset[str], ...]  # each clause: one of these terms (an empty set: nothing can match)
    excluded: tuple[frozenset[str], ...]
    labels: frozenset[str]  # LABEL + label key, each required

    def matches(self, terms: set[str]) -> bool:
        return (self.labels <= terms and all(r & terms for r in self.required)
                and not any(e & terms for e in self.excluded))


def term_query(index: SearchIndex, query: Query, labels: Sequence[str]) -> TermQuery | None:
    """The watch as term sets, or None when a phrase needs the index."""
    required: list[frozenset[str]] = []
    excluded: list[frozenset[str]] = []
    for clause in without_stopwords(query.clauses):
        terms: set[str] = set()
        binds = False  # whether the index would have a query for the clause at all
        for term in clause.alternatives:
            tokens = index.tokens(term.text)
            if len(tokens) > 1:
                return None
            if tokens:
                terms.add(tokens[0])
            binds = binds or bool(tokens) or _unindexable(term.text)  # an unindexable word matches nothing
        if binds:
            (excluded if clause.excluded else required).append(frozenset(terms))
    return TermQuery(tuple(required), tuple(excluded), frozenset(LABEL + label_key(label) for label in labels))
