"""How text becomes index terms: one rule for posts, queries and watches.

A word is cut, folded and stemmed the same way wherever it is read, so a query word, a watched
word and a post's word meet as the same term.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from importlib import resources

import tantivy

from metalnomist.search.query import Clause
from metalnomist.text import fold_quotes, normalise_space, strip_accents

ANALYZER = "metal_en"  # the name the index registers `analyzer()` under
SNIPPET_ANALYZER = "metal_en_runs"  # and `snippet_analyzer()`, which cuts the stored body for its snippets

LONGEST_TERM = 40  # bytes: longer words are not indexed, so no post can contain them
# A word is a run of letters or a run of digits: `FoxO3a` is foxo 3 a, so `FOXO` finds it, and `IL6`,
# `IL-6` and `IL 6` are one phrase (as Lucene's word-delimiter filter splits them). Capitals that begin a
# word are a word of their own: `PGMs` and `RXRs` are pgm and rxr (the English stemmer keeps the s of a
# word without a vowel, `pgms`), `PPARγ` is ppar γ; an acronym glued to a capitalised word splits a letter
# late (`HTMLParser`: htmlp arser), which still finds itself. The same pattern means the same in Python's
# `re` and Rust's `regex` (Unicode classes in both).
WORD = r"[A-Z]{2,}|[^\W\d_]+|\d+"


def label_key(label: str) -> str:
    return normalise_space(strip_accents(fold_quotes(label))).lower()


def unindexable(text: str) -> bool:
    """Whether `text` holds a word the analyser drops for its length."""
    return any(len(word.encode()) >= LONGEST_TERM for word in re.findall(WORD, text))


def _folded(words: tantivy.Tokenizer, stemmed: bool = True) -> tantivy.TextAnalyzer:
    """Case, accents and (when `stemmed`) English inflections folded; the stray `s` of possessives dropped."""
    builder = (
        tantivy.TextAnalyzerBuilder(words)
        .filter(tantivy.Filter.remove_long(LONGEST_TERM))
        .filter(tantivy.Filter.lowercase())
        .filter(tantivy.Filter.ascii_fold())
        .filter(tantivy.Filter.custom_stopword(["s"]))
    )
    return (builder.filter(tantivy.Filter.stemmer("english")) if stemmed else builder).build()


def analyzer() -> tantivy.TextAnalyzer:
    """What ranking reads: words cut as WORD says, then folded."""
    return _folded(tantivy.Tokenizer.regex(WORD))


def snippet_analyzer() -> tantivy.TextAnalyzer:
    """What every hit's body is cut by for its snippet: runs of letters and digits (`Li2CO3` and `PGMs` are one
    word each), folded but not stemmed. It reads a body five times as fast as `analyzer()` (the finer cut took
    half of that, the stemmer half the rest); a query word is marked by each of its forms the bodies hold
    (see `runs_stemmer`), and only ranking needs the finer cut."""
    return _folded(tantivy.Tokenizer.simple(), stemmed=False)


def runs_stemmer() -> tantivy.TextAnalyzer:
    """`snippet_analyzer` with the stemmer: which of the bodies' words are forms of one query word."""
    return _folded(tantivy.Tokenizer.simple())


@cache
def stopwords() -> frozenset[str]:
    lines = resources.files("metalnomist.search").joinpath("data/stopwords.txt").read_text("utf-8").splitlines()
    return frozenset(word for line in lines if not line.startswith("#") for word in line.split())


@cache
def stop_tokens() -> frozenset[str]:
    """The stopwords as index terms (`was` is `wa`): words feedback never weighs."""
    words = analyzer()
    return frozenset(token for word in stopwords() for token in words.analyze(word))


def is_stopword(clause: Clause) -> bool:
    """A plain stopword (`the`, `of`): not quoted, not required, not one of alternatives."""
    term = clause.alternatives[0]
    return clause.optional and len(clause.alternatives) == 1 and not term.phrase and term.text.lower() in stopwords()


def without_stopwords(clauses: Sequence[Clause]) -> list[Clause]:
    """Plain stopwords neither rank nor need matching, as in the BM25 baselines; a query of nothing
    else keeps them, and a quoted phrase or `+the` always does."""
    kept = [c for c in clauses if not is_stopword(c)]
    return kept if any(c.optional or c.required for c in kept) else list(clauses)


