"""Pseudo-relevance feedback (RM3): the words the first page's posts share, to rank the pages after it.

A query names a subject in a few of its words; the posts that answer it use more (`obesity` beside `body-mass
index`, `tariff` beside `anti-dumping duty`). The first page is what the query's own words rank best, so it
stays exactly as they rank it; the hits after it are ranked by the query plus the words that page's posts
share, weighted by how much of each post they make and how well the post matched (the relevance model of
Lavrenko and Croft, interpolated with the query as RM3 in Anserini, with its default sizes). A post still
needs one of the query's own words to be a hit: feedback reorders what the query matched, never adds to it,
so "contain some of them" and "Missing: …" stay true.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass

import tantivy

from metalnomist.search.compiler import Relaxed

FIRST_PAGE = 10  # ranks the query's own words keep; feedback orders the ranks after them
FEEDBACK_TERMS = 10  # words taken from each post, and in all (Anserini's fbTerms)
QUERY_WEIGHT = 0.5  # the query's share of the expanded ranking (Anserini's originalQueryWeight)
MAX_DOC_RATIO = 0.1  # a word in more than this share of posts says nothing about a subject (Anserini's cut)
FIELD = "text"


@dataclass(frozen=True)
class FeedbackPost:
    """A post of the first page as feedback sees it: its score and its words as indexed."""

    score: float
    tokens: Sequence[str]


def relevance_model(posts: Sequence[FeedbackPost], doc_freq: Callable[[str], int], num_docs: int,
                    skip: Collection[str] = ()) -> dict[str, float]:
    """The words of `posts` by weight (summing to 1): each post's share of a word times the post's score.

    Words in `skip` (stopwords), numbers, single letters and words in so many posts that they tell none apart
    are not taken."""
    taken: dict[str, bool] = {}
    model: dict[str, float] = {}
    for post in posts:
        counts = Counter(post.tokens)
        for token in counts.keys() - taken.keys():
            taken[token] = (len(token) > 1 and not token.isdigit() and token not in skip
                            and doc_freq(token) <= MAX_DOC_RATIO * num_docs)
        kept = Counter({t: n for t, n in counts.items() if taken[t]}).most_common(FEEDBACK_TERMS)
        length = sum(n for _, n in kept)
        for token, n in kept:
            model[token] = model.get(token, 0.0) + n / length * post.score
    best = sorted(((w, t) for t, w in model.items() if w > 0), reverse=True)[:FEEDBACK_TERMS]
    total = sum(w for w, _ in best)
    return {t: w / total for w, t in best}


def expanded_tier(schema: tantivy.Schema, relaxed: Relaxed, count: int, model: dict[str, float],
                  shown: Sequence[int]) -> tantivy.Query:
    """The relaxed tier ranked by its words (each weighted as one of `count`) plus the model's, without the
    posts already `shown` on the first page."""
    scored = [(tantivy.Occur.Must if relaxed.needed else tantivy.Occur.Should,
               tantivy.Query.boost_query(relaxed.words, QUERY_WEIGHT / max(count, 1)))]
    scored += [(tantivy.Occur.Should, tantivy.Query.boost_query(tantivy.Query.term_query(schema, FIELD, token),
                                                                (1 - QUERY_WEIGHT) * weight))
               for token, weight in model.items()]
    if shown:
        scored.append((tantivy.Occur.MustNot, tantivy.Query.term_set_query(schema, "id", list(shown))))
    return tantivy.Query.boolean_query(scored + list(relaxed.filters))
