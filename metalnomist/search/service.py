"""The one search function that the CLI, the pages and the API all call, and index upkeep."""

from __future__ import annotations

import dataclasses
import difflib
import html
import re
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import tantivy

from metalnomist.models import MatchMode, Post, SearchHit, SearchPage, SortOrder
from metalnomist.search.compiler import Compiled
from metalnomist.search.feedback import FIRST_PAGE, FeedbackPost, expanded_tier, relevance_model
from metalnomist.search.index import IndexBusy, RawHit, SearchIndex
from metalnomist.search.query import Query, parse
from metalnomist.search.semantic import SemanticIndex, rrf
from metalnomist.search.thesaurus import Thesaurus, default_thesaurus
from metalnomist.search.words import label_key, stop_tokens
from metalnomist.store import Store
from metalnomist.store.changes import changes_since, last_seq
from metalnomist.store.identity import archive_identity
from metalnomist.store.posts import count_posts, iter_posts, posts_by_ids

MAX_LIMIT = 100
MAX_OFFSET = 1_000_000  # as deep as the web pages: Tantivy sets memory aside for every hit up to offset + limit
FEW_RESULTS = 1  # below this many exact matches, typo tolerance joins in
LEAD_CHARS = 240  # the snippet of a hit matched by its title or labels only: its opening words
HYBRID_DEPTH = 100  # each side's candidates for fusion: the usual depth for RRF over BM25 and vectors
_COUNTING = ThreadPoolExecutor(thread_name_prefix="search-count")  # totals counted beside a page (_two_tiers)


def bring_in_step(store: Store, index: SearchIndex) -> int:
    """Catch up; rebuild when the index follows another archive (a swapped database file), is new,
    is ahead of the log, or its count disagrees."""
    with store.reading() as conn:
        last = last_seq(conn)
        identity = archive_identity(conn)
    semantic = index.semantic
    ahead = index.applied_seq > last or (semantic is not None and semantic.applied_seq > last)
    if index.archive == identity and not ahead:
        try:
            applied = catch_up(store, index, wait_seconds=0.0)
        except IndexBusy:
            return 0  # another process is writing it: answer from what is indexed, its catch-up covers the rest
        total = total_posts(store)
        if index.num_docs() == total and (semantic is None or len(semantic) == total):
            return applied
    return reindex(store, index)


def refresh(store: Store, index: SearchIndex) -> None:
    """Before answering: see what was indexed since, and apply what others logged unless a
    background follower does (see follower.py: then a search never waits for indexing).

    When another writer is busy, its own catch-up will cover these changes, so this one only reloads.
    """
    if not index.followed:
        _apply_pending(store, index)
    if not index.is_current:
        index.reload()
    if index.semantic is not None:
        index.semantic.refresh()


def _apply_pending(store: Store, index: SearchIndex) -> None:
    if store.log_head() > index.applied_seq:
        try:
            catch_up(store, index, wait_seconds=0.0)
        except IndexBusy:
            pass


def catch_up(store: Store, index: SearchIndex, batch: int = 5000, wait_seconds: float = 30.0) -> int:
    """Apply every logged change the index (and its vectors, if any) has not seen; returns how many."""
    applied = _follow(store, index.applied_seq, batch,
                      lambda ids, found, seq: index.apply(ids, found, seq, wait_seconds=wait_seconds))
    if index.semantic is not None:
        # From its own sequence: vectors switched on later, or behind after a crash, catch up alone.
        _follow(store, index.semantic.applied_seq, batch, index.semantic.apply)
    return applied


def _follow(store: Store, seq: int, batch: int, apply: Callable[[list[int], dict[int, Post], int], None]) -> int:
    applied = 0
    while True:
        with store.reading() as conn:
            pending = changes_since(conn, seq, limit=batch)
            if not pending:
                return applied
            ids = list(dict.fromkeys(post_id for _, post_id in pending))
            found = posts_by_ids(conn, ids)
        seq = pending[-1][0]
        apply(ids, found, seq)
        applied += len(pending)


def reindex(store: Store, index: SearchIndex, progress: Callable[[int], None] = lambda n: None) -> int:
    """Rebuild from the database, then apply whatever changed while rebuilding."""
    with store.reading() as conn:
        seq = last_seq(conn)
        count = index.rebuild_from(in_batches(iter_posts(conn)), seq, archive_identity(conn), progress)
        if index.semantic is not None:
            index.semantic.rebuild_from(in_batches(iter_posts(conn)), seq)
    catch_up(store, index)
    return count


def in_batches(posts: Iterator[Post], size: int = 1000) -> Iterator[list[Post]]:
    batch: list[Post] = []
    for post in posts:
        batch.append(post)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def total_posts(store: Store) -> int:
    with store.reading() as conn:
        return count_posts(conn)


@dataclass(frozen=True)
class SearchRequest:
    """What every face asks for; the defaults are what a reader, an API client and the CLI get."""

    text: str = ""
    sort: SortOrder = "relevance"
    labels: tuple[str, ...] = ()
    limit: int = 10
    offset: int = 0
    match: MatchMode = "best"

    def clamped(self) -> SearchRequest:
        """Limits in range; date order keeps Blogger's meaning, every word must match."""
        return dataclasses.replace(self, limit=min(max(int(self.limit), 1), MAX_LIMIT),
                                   offset=min(max(int(self.offset), 0), MAX_OFFSET),
                                   match="all" if self.sort == "date" else self.match)


@dataclass(frozen=True)
class Lexical:
    """One run over the index: the requested slice of its tiers, and how many each holds."""

    hits: list[RawHit]
    total: int
    every_word: int
    compiled: Compiled
    suggestion: str | None = None


def search(store: Store, index: SearchIndex, request: SearchRequest,
           thesaurus: Thesaurus | None = None) -> SearchPage:
    """Every-word hits first, then some-word hits by BM25 (or what `match` asks); date order, label filters,
    paging, snippets; typo tolerance for words no post contains.

    Each hit is shown from the card the index stores beside it: a page of hits reads no post."""
    request = request.clamped()
    refresh(store, index)
    parsed = parse(request.text)
    query = (thesaurus or default_thesaurus()).expand(parsed)
    semantic = _hybrid_side(index, parsed, request)
    depth = max(HYBRID_DEPTH, request.offset + request.limit)
    lexical = _lexical(index, query, dataclasses.replace(request, limit=depth, offset=0)
                       if semantic else request)
    raw, total = lexical.hits, lexical.total
    # Hits known to lack nothing: the every-word tier's share of this page, unless fusion or `any` mixed them.
    complete = 0 if semantic or request.match == "any" else max(0, lexical.every_word - request.offset)
    if semantic is not None:
        raw, total = _fuse(store, semantic, request, raw, total, depth)
    missing = _missing(index, lexical.compiled, [h.post_id for h in raw[complete:]])
    found = {h.post_id: h.card for h in raw if h.card is not None}
    found |= index.cards([h.post_id for h in raw if h.post_id not in found])
    hits = tuple(
        SearchHit(rank=request.offset + i + 1, post=found[h.post_id], score=h.score,
                  snippet=h.snippet or html.escape(found[h.post_id].lead(LEAD_CHARS)),
                  missing=missing.get(h.post_id, ()))
        for i, h in enumerate(h for h in raw if h.post_id in found)
    )
    return SearchPage(query=request.text, sort=request.sort, total=total, offset=request.offset,
                      limit=request.limit, hits=hits, suggestion=lexical.suggestion,
                      every_word=min(lexical.every_word, total))


def _lexical(index: SearchIndex, query: Query, request: SearchRequest) -> Lexical:
    """BM25 tiers; when no post has every word and some word is in no post, that word typo-tolerant."""
    exact = _run(index, query, request, frozenset())
    if exact.every_word >= FEW_RESULTS:
        return exact
    unknown = index.unknown_words(query)
    if not unknown:
        return exact
    tolerant = _run(index, query, request, unknown)
    if tolerant.every_word <= exact.every_word and tolerant.total <= exact.total:
        return exact
    suggestion = _suggest(query, index, [h.post_id for h in tolerant.hits], unknown)
    # Fuzzy terms mark nothing in snippets; the words they matched do.
    marks = parse(suggestion) if suggestion else None
    return dataclasses.replace(_run(index, query, request, unknown, marks), suggestion=suggestion)


@dataclass(frozen=True)
class Tier:
    """One ranked run of the index; `cap` when only its first hits belong to the ranking."""

    query: tantivy.Query
    cap: int | None = None


def _run(index: SearchIndex, query: Query, request: SearchRequest, fuzzy: frozenset[str],
         marks: Query | None = None) -> Lexical:
    """The requested slice across the tiers in order: a later tier's page starts where the earlier ones end."""
    compiled = index.compiler.compile(query, request.labels, request.match, fuzzy)
    highlight = index.compiler.compile(marks).highlight if marks is not None else compiled.highlight
    tiers = _with_feedback(index, compiled, request)
    if tiers is None and compiled.counted is not None:  # set with `reach`: the two tiers of `best`
        hits, counts = _two_tiers(index, compiled, compiled.counted, highlight, request)
    else:
        hits, counts = _in_order(index, tiers or [Tier(q) for q in compiled.tiers], highlight, request)
    total = sum(counts)
    if len(compiled.tiers) > 1:
        every_word = counts[0]
    elif request.match == "any" and compiled.optional:  # one relaxed tier: which of its hits have every word
        every_word = index.count(compiled.every)
    else:
        every_word = total
    return Lexical(hits, total, every_word, compiled)


def _in_order(index: SearchIndex, tiers: Sequence[Tier], highlight: tantivy.Query | None,
              request: SearchRequest) -> tuple[list[RawHit], list[int]]:
    """The requested slice across the tiers in order, and how many posts each holds."""
    hits: list[RawHit] = []
    counts: list[int] = []
    for tier in tiers:
        skip = max(0, request.offset - sum(counts))
        wanted = request.limit - len(hits)
        take = wanted if tier.cap is None else max(0, min(wanted, tier.cap - skip))
        if take:
            found, count = index.search(tier.query, highlight, request.sort == "date", take, skip)
            hits += found
        else:  # the page is full: this tier only adds to the total
            count = index.count(tier.query)
        counts.append(count if tier.cap is None else min(count, tier.cap))
    return hits, counts


def _two_tiers(index: SearchIndex, compiled: Compiled, counted: tantivy.Query, highlight: tantivy.Query | None,
               request: SearchRequest) -> tuple[list[RawHit], list[int]]:
    """Every-word posts, then the rest of the compiled `reach`, as `_in_order` gives them, without
    testing each post of the second tier against the first tier's query (see Compiled).

    The second tier's total is the reach's count less the first tier's. Counting the reach is the
    longest step at a million posts (12 ms p50 for two words, against 8 ms for the first tier's page),
    so it runs on another thread while the page is searched: Tantivy leaves Python's lock meanwhile."""
    first_tier, second_tier = compiled.tiers
    by_date = request.sort == "date"
    reach = _COUNTING.submit(index.count, counted)
    hits, first = index.search(first_tier, highlight, by_date, request.limit, request.offset)
    wanted = request.limit - len(hits)
    if wanted:
        if request.offset == 0:  # the page holds every post of the first tier: exclude them by id
            second_tier = index.compiler.beyond(compiled, [h.post_id for h in hits])
        hits += index.search(second_tier, highlight, by_date, wanted, max(0, request.offset - first), count=False)[0]
    return hits, [first, reach.result() - first]


def _with_feedback(index: SearchIndex, compiled: Compiled, request: SearchRequest) -> list[Tier] | None:
    """When a relevance-ordered request reaches past the first page of a relaxed ranking: that page as the
    query's words rank it, then the rest of the relaxed tier ranked with the words the page's posts share."""
    relaxed = compiled.relaxed
    if relaxed is None or request.sort != "relevance" or request.offset + request.limit <= FIRST_PAGE:
        return None
    before = [h for tier in compiled.tiers[:-1] for h in index.search(tier, None, False, FIRST_PAGE, 0, False)[0]]
    shown = index.search(compiled.tiers[-1], None, False, FIRST_PAGE - len(before), 0, False)[0] \
        if len(before) < FIRST_PAGE else []
    first = before + shown
    words = index.indexed_words([h.post_id for h in first])
    model = relevance_model([FeedbackPost(h.score, words.get(h.post_id, [])) for h in first], *index.term_counts(),
                            stop_tokens())
    expanded = expanded_tier(index.schema, relaxed, len(compiled.optional), model, [h.post_id for h in shown])
    return [*(Tier(q) for q in compiled.tiers[:-1]), Tier(compiled.tiers[-1], cap=len(shown)), Tier(expanded)]


def _missing(index: SearchIndex, compiled: Compiled, post_ids: list[int]) -> dict[int, tuple[str, ...]]:
    """For each of these hits, the plain words of the query it lacks, as the user typed them."""
    if not post_ids:
        return {}
    missing: dict[int, list[str]] = {}
    for clause, query in compiled.optional:
        having = index.matching(query, post_ids)
        for post_id in post_ids:
            if post_id not in having:
                missing.setdefault(post_id, []).append(clause.alternatives[0].text)
    return {post_id: tuple(words) for post_id, words in missing.items()}


def _hybrid_side(index: SearchIndex, parsed: Query, request: SearchRequest) -> SemanticIndex | None:
    """The vectors, when they join: relevance order only, as a date sort, an exclusion or a quoted phrase
    asks for exactly what was typed."""
    if index.semantic is None or request.sort != "relevance" or not parsed.positive:
        return None
    exact = any(c.excluded or any(t.phrase for t in c.alternatives) for c in parsed.clauses)
    return None if exact else index.semantic


def _fuse(store: Store, semantic: SemanticIndex, request: SearchRequest, lexical: list[RawHit], total: int,
          depth: int) -> tuple[list[RawHit], int]:
    """The requested page of BM25 top-`depth` and vector top-`depth` fused by RRF; BM25 keeps its snippets."""
    nearest = semantic.nearest(request.text, depth)
    if request.labels:
        nearest = _labelled(store, nearest, request.labels)
    snippets = {h.post_id: h.snippet for h in lexical}
    cards = {h.post_id: h.card for h in lexical}
    fused = rrf([[h.post_id for h in lexical], nearest])
    page = fused[request.offset:request.offset + request.limit]
    only_vectors = sum(1 for post_id, _ in fused if post_id not in snippets)
    return ([RawHit(post_id, score, snippets.get(post_id, ""), cards.get(post_id)) for post_id, score in page],
            total + only_vectors)


def _labelled(store: Store, post_ids: list[int], labels: Sequence[str]) -> list[int]:
    """Vector neighbours that carry every label asked for, as the BM25 side's label filter requires."""
    wanted = {label_key(label) for label in labels}
    with store.reading() as conn:
        posts = posts_by_ids(conn, post_ids)
    return [i for i in post_ids if i in posts and wanted <= {label_key(lb) for lb in posts[i].labels}]


def _suggest(query: Query, index: SearchIndex, post_ids: Sequence[int], unknown: frozenset[str]) -> str | None:
    """The query as typed, each unknown word replaced by the closest word of the posts typo tolerance
    found: its quotes, signs and `OR`s stay as they were (the parsed clauses hold thesaurus synonyms too)."""
    texts = index.stored_texts(list(post_ids)[:5])
    vocabulary = {w.lower(): w for text in texts for w in re.findall(r"[^\W\d_]{3,}", text)}
    suggestion = query.raw.strip()
    for word in sorted(unknown):
        close = difflib.get_close_matches(word.lower(), vocabulary, n=1, cutoff=0.75)
        if close:
            suggestion = re.sub(rf"(?<!\w){re.escape(word)}(?!\w)", close[0], suggestion)
    return suggestion if suggestion.lower() != query.raw.strip().lower() else None
