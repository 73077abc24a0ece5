"""A parsed query as Tantivy queries: the tiers a search runs, the marks its snippets show.

Split from the index, which it needs only for the schema and the analyser: the same words are
looked up however the query was typed (a phrase, a `+word`, a typo within reach).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass

import tantivy

from metalnomist.models import MatchMode
from metalnomist.search.query import Clause, Query, Term
from metalnomist.search.words import label_key, stop_tokens, unindexable, without_stopwords

# BM25 over title and body together (as Lucene's flat baseline), plus a title bonus: a title
# match counts above a body match. 0.3 measured best on SciFact (bench/relevance.py: 0.692
# nDCG@10; 0.686 with no bonus, 0.673 at 0.6; separate title/body fields at 2.0/1.0: 0.613).
FIELD_BOOSTS = {"text": 1.0, "title": 0.3, "labels": 1.0}

_NOTHING = tantivy.Query.boolean_query([(tantivy.Occur.Must, tantivy.Query.all_query()),
                                       (tantivy.Occur.MustNot, tantivy.Query.all_query())])



@dataclass(frozen=True)
class Compiled:
    """A user query as Tantivy queries: `tiers` run in order (later tiers never repeat earlier hits),
    `every` finds the hits with every word, `optional` pairs each plain word with its query.

    With two tiers, `reach` is both together: the second tier is `reach` without the first tier's posts.
    Counted that way, or with those posts excluded by number, the second tier never evaluates the
    every-word query (phrases and synonyms) post by post: at a million posts that exclusion cost more
    than scoring the words themselves. `counted` finds the posts `reach` finds, without the parts that
    only score and the title parts (a post's `text` holds its title): at a million posts five words were
    counted in 5.7 ms instead of 7.6, and two words in 2.85 ms instead of 3.03."""

    tiers: tuple[tantivy.Query, ...]
    every: tantivy.Query
    optional: tuple[tuple[Clause, tantivy.Query], ...]
    highlight: tantivy.Query | None
    relaxed: Relaxed | None = None
    reach: tuple[tuple[tantivy.Occur, tantivy.Query], ...] = ()
    counted: tantivy.Query | None = None


@dataclass(frozen=True)
class Relaxed:
    """The last tier when it relaxes the query (a hit may lack a word), in parts feedback can extend:
    `words` scores the plain words (one of them `needed` unless a `+word` is), and every hit of the tier
    passes the `filters`."""

    words: tantivy.Query
    needed: bool
    filters: tuple[tuple[tantivy.Occur, tantivy.Query], ...]



def _scored_union(matching: Sequence[tantivy.Query], scoring: Sequence[tantivy.Query]) -> tantivy.Query:
    """Posts that match any of `matching`, scored by the sum of every part they hold. The `scoring` parts
    are asked only about the posts that answer (Tantivy's optional clauses beside a required one), so a
    count never reads their positions: the phrases of `South Korea` cost more than `Korea` did."""
    union = matching[0] if len(matching) == 1 else tantivy.Query.boolean_query(
        [(tantivy.Occur.Should, q) for q in matching])
    if not scoring:
        return union
    return tantivy.Query.boolean_query([(tantivy.Occur.Must, union)] + [(tantivy.Occur.Should, q) for q in scoring])


def _sides(parts: Sequence[tuple[tantivy.Query, str]], flat: bool) -> tuple[list[tantivy.Query], list[tantivy.Query]]:
    """Tagged parts as (matching, scoring), in order; a single word's title part matches only in a flat union."""
    matching = [q for q, role in parts if role == "match" or (flat and role == "title")]
    scoring = [q for q, role in parts if role == "score" or (not flat and role == "title")]
    return matching, scoring


class QueryCompiler:
    """Builds Tantivy queries over one index's schema, cutting words with its analyser."""

    def __init__(self, schema: tantivy.Schema, tokens: Callable[[str], list[tuple[int, str]]],
                 marked_forms: Callable[[str], list[tuple[str, list[str]]]]) -> None:
        self.schema = schema
        self._tokens = tokens
        self._marked_forms = marked_forms

    def compile(self, query: Query, labels: Sequence[str] = (), match: MatchMode = "best",
                fuzzy: Collection[str] = ()) -> Compiled:
        """The tiers to run for `match` (see MatchMode), with `fuzzy` words typo-tolerant."""
        fixed: list[tuple[tantivy.Occur, tantivy.Query]] = []  # required, excluded, labels: the same in every tier
        marks: list[tuple[tantivy.Occur, tantivy.Query]] = []
        every: list[tuple[tantivy.Occur, tantivy.Query]] = []
        some: list[tantivy.Query] = []  # each word's parts that match posts, for the relaxed tiers
        adding: list[tantivy.Query] = []  # and those that only add to the score (see clause_parts)
        reaching: list[tantivy.Query] = []  # `some` without the title parts `text` finds too: what a count needs
        optional: list[tuple[Clause, tantivy.Query]] = []
        required = 0
        clauses = without_stopwords(query.clauses)
        # One word with no label filter: its tier is a union, not an intersection, and its title part joins it.
        alone = not labels and sum(not c.excluded for c in clauses) <= 1
        for clause in clauses:
            ranked = self.clause_query(clause, fuzzy, flat=alone)
            if ranked is None:
                continue
            if clause.excluded:
                fixed.append((tantivy.Occur.MustNot, ranked))
                continue
            marked = self._marks(clause)
            if marked is not None:
                marks.append((tantivy.Occur.Should, marked))
            if clause.required:
                fixed.append((tantivy.Occur.Must, ranked))
                required += 1
                continue
            optional.append((clause, ranked))
            every.append((tantivy.Occur.Must, ranked))
            # Relaxed tiers score a hyphenated word's parts each, as BM25 baselines do.
            parts = self._tagged_parts(clause, fuzzy, split=True)
            matching, scoring = _sides(parts, flat=True)
            some += matching or [ranked]
            adding += scoring
            reaching += _sides(parts, flat=False)[0] or [ranked]
        for label in labels:
            fixed.append((tantivy.Occur.Must, tantivy.Query.term_query(self.schema, "label_key", label_key(label))))
        if not every:  # only exclusions and labels: every post less those (beside a +word Tantivy drops it)
            fixed.append((tantivy.Occur.Must, tantivy.Query.all_query()))
        every_query = tantivy.Query.boolean_query(every + fixed)
        words = _scored_union(some, adding) if some else tantivy.Query.all_query()
        # Beside a label filter a bare Should would be optional; a hit must have some word. Beside a
        # required word every part is optional, so they stay one flat union.
        any_word = [(tantivy.Occur.Should, q) for q in some + adding] if required else [(tantivy.Occur.Must, words)]
        tiers: tuple[tantivy.Query, ...] = (every_query,)
        relaxed = None
        reach: tuple[tuple[tantivy.Occur, tantivy.Query], ...] = ()
        counted = None
        if match == "any" and optional:
            relaxed = Relaxed(words, not required, tuple(fixed))
            tiers = (tantivy.Query.boolean_query(any_word + fixed),)
        elif match == "best" and len(optional) + min(required, 1) >= 2:  # a hit may lack a word yet match
            lacking = [(tantivy.Occur.MustNot, tantivy.Query.boolean_query(every))]
            relaxed = Relaxed(words, not required, tuple(fixed + lacking))
            tiers = (every_query, tantivy.Query.boolean_query(any_word + fixed + lacking))
            reach = tuple(any_word + fixed)
            # beside a required word the others are optional: the reach is the posts that have it
            counted = tantivy.Query.boolean_query(
                fixed if required else [(tantivy.Occur.Must, _scored_union(reaching, [])), *fixed])
        highlight = tantivy.Query.boolean_query(marks) if marks else None
        return Compiled(tiers, every_query, tuple(optional), highlight, relaxed, reach, counted)

    def beyond(self, compiled: Compiled, every_word: Sequence[int]) -> tantivy.Query:
        """The second tier of `compiled`, given the ids of all the posts in its first."""
        if not every_word:
            return tantivy.Query.boolean_query(list(compiled.reach))
        excluded = tantivy.Query.term_set_query(self.schema, "id", list(every_word))
        return tantivy.Query.boolean_query([*compiled.reach, (tantivy.Occur.MustNot, excluded)])

    def _marks(self, clause: Clause) -> tantivy.Query | None:
        """What a snippet marks of the clause: each form in `body` of each word of each alternative.
        A snippet marks words, not phrases, so the `of` of `Korea, Republic of` would be marked wherever it
        stands: stopwords are marked only when the clause has no other word."""
        forms: dict[str, list[str]] = {}
        for term in clause.alternatives:
            for stem, found in self._marked_forms(term.text):
                forms.setdefault(stem, found)
        words = [stem for stem in forms if stem not in stop_tokens()] or list(forms)
        marks = [tantivy.Query.term_query(self.schema, "body", form)
                 for form in dict.fromkeys(form for stem in words for form in forms[stem])]
        return _scored_union(marks, []) if marks else None

    def clause_query(self, clause: Clause, fuzzy: Collection[str] = (), split: bool = False,
                     flat: bool = False) -> tantivy.Query | None:
        """Any of the clause's alternatives, over FIELD_BOOSTS's fields with their boosts."""
        matching, scoring = self.clause_parts(clause, fuzzy, split, flat)
        return _scored_union(matching, scoring) if matching else None

    def clause_parts(self, clause: Clause, fuzzy: Collection[str] = (), split: bool = False,
                     flat: bool = False) -> tuple[list[tantivy.Query], list[tantivy.Query]]:
        """The clause as queries whose scores add up: each alternative in each field, split into those that
        match posts and those that only add to the score of a post the others match: a phrase holding one of
        the clause's single words (`South Korea` beside `Korea`), a title part beside `text` (which holds the
        title). Among other words' parts they score as the clause's query would (a sum of sums), and Tantivy
        scores one flat union with a fifth to a quarter less CPU than a union of unions (measured on relaxed
        tiers at a million posts).

        `flat`, for a clause that is not intersected with other words or a label: a title's single word matches
        no post its `text` part misses, so it joins the matching parts. The hits and scores are the same; at a
        million posts a union of the three took half the time of a union beside an optional title (one word),
        and the relaxed tiers a fifth to two fifths less. Intersected, the optional title is cheaper: Tantivy
        seeks it only for posts that have every word (and the label)."""
        return _sides(self._tagged_parts(clause, fuzzy, split), flat)

    def _tagged_parts(self, clause: Clause, fuzzy: Collection[str], split: bool) -> list[tuple[tantivy.Query, str]]:
        """Each part of the clause, in order, with what it does: `match`, `score`, or `title` for a single word's
        title part, which matches beside `text` only in a flat union (see clause_parts)."""
        analysed: dict[tuple[tuple[tuple[int, str], ...], bool, bool], Term] = {}
        for term in clause.alternatives:
            tokens = tuple(self._tokens(term.text))
            # `EV` and `EVs` are one term: scored twice, it would count double
            analysed.setdefault((tokens, term.phrase, term.text in fuzzy), term)
        single = {tokens[0][1] for tokens, _, _ in analysed if len(tokens) == 1}
        parts: list[tuple[tantivy.Query, str]] = []
        for (tokens, _, fuzzy_term), term in analysed.items():
            phrase = len(tokens) > 1 and (term.phrase or not split)
            within_single = phrase and bool(single.intersection(token for _, token in tokens))
            for field, part in self._term_parts(term, tokens, fuzzy_term, split):
                # A post's `text` is its title and body: what the title part finds, the `text` part finds too.
                role = "score" if within_single or (field == "title" and phrase) else "title" if field == "title" \
                    else "match"
                parts.append((part, role))
        return parts

    def _term_parts(self, term: Term, tokens: Sequence[tuple[int, str]], fuzzy: bool,
                    split: bool) -> list[tuple[str, tantivy.Query]]:
        """One word (analysed as `tokens`, each at its position) in every field, with the field; a word that
        analyses to several (`AMP-activated`) is a phrase, or, when `split` (relaxed tiers, as BM25 baselines
        score them), its parts each count."""
        if not tokens:
            # A word too long to be indexed is in no post: it must not vanish into "every post".
            return [("", _NOTHING)] if unindexable(term.text) else []
        words = [token for _, token in tokens]
        # A phrase keeps the gaps the analyser leaves (the dropped `s` of `Japan’s imports`), as a post's words do.
        offsets = list[str | tuple[int, str]]((position - tokens[0][0], token) for position, token in tokens)
        parts = []
        for field, boost in FIELD_BOOSTS.items():
            if len(words) > 1 and split and not term.phrase:
                found = [tantivy.Query.term_query(self.schema, field, t) for t in words]
            elif len(words) > 1:
                found = [tantivy.Query.phrase_query(self.schema, field, offsets)]
            elif fuzzy:
                distance = 1 if len(words[0]) < 8 else 2
                found = [tantivy.Query.fuzzy_term_query(self.schema, field, words[0], distance=distance)]
            else:
                found = [tantivy.Query.term_query(self.schema, field, words[0])]
            parts += [(field, tantivy.Query.boost_query(q, boost) if boost != 1.0 else q) for q in found]
        return parts

