"""The one search function that the CLI, the pages and the API all call, and index upkeep."""

from __future__ import annotations

import dataclasses
import difflib
import html
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from metalnomist.models import Post, SearchHit, SearchPage, SortOrder
from metalnomist.search.index import IndexBusy, RawHit, SearchIndex, label_key
from metalnomist.search.query import Query, parse
from metalnomist.search.semantic import SemanticIndex, rrf
from metalnomist.search.thesaurus import Thesaurus, default_thesaurus
from metalnomist.store import Store
from metalnomist.store.changes import changes_since, last_seq
from metalnomist.store.identity import archive_identity
from metalnomist.store.posts import count_posts, iter_posts, posts_by_ids

MAX_LIMIT = 100
FEW_RESULTS = 1  # below this many exact matches, typo tolerance joins in
LEAD_CHARS = 240  # the snippet of a hit matched by its title or labels only: its opening words
HYBRID_DEPTH = 100  # each side's candidates for fusion: the usual depth for RRF over BM25 and vectors


def bring_in_step(store: Store, index: SearchIndex) -> int:
    """Catch up; rebuild when the index follows another archive (a swapped database file), is new,
    is ahead of the log, or its count disagrees."""
    with store.reading() as conn:
        last = last_seq(conn)
        identity = archive_identity(conn)
    semantic = index.semantic
    ahead = index.applied_seq > last or (semantic is not None and semantic.applied_seq > last)
    if index.archive == identity and not ahead:
        applied = catch_up(store, index)
        total = total_posts(store)
        if index.num_docs() == total and (semantic is None or len(semantic) == total):
            return applied
    return reindex(store, index)


def refresh(store: Store, index: SearchIndex) -> None:
    """Before answering: apply what others logged, or at least see what they indexed.

    A web process shares the index with CLI ingests; when another writer is busy, its own
    catch-up will cover these changes, so this one only reloads.
    """
    with store.reading() as conn:
        behind = last_seq(conn) > index.applied_seq
    if behind:
        try:
            catch_up(store, index, wait_seconds=0.0)
        except IndexBusy:
            pass
    if not index.is_current:
        index.reload()
    if index.semantic is not None:
        index.semantic.refresh()


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
        count = index.rebuild_from(_batches(iter_posts(conn)), seq, archive_identity(conn), progress)
        if index.semantic is not None:
            index.semantic.rebuild_from(_batches(iter_posts(conn)), seq)
    catch_up(store, index)
    return count


def _batches(posts: Iterator[Post], size: int = 1000) -> Iterator[list[Post]]:
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
    text: str = ""
    sort: SortOrder = "relevance"
    labels: tuple[str, ...] = ()
    limit: int = 10
    offset: int = 0
    match_all: bool = True

    def clamped(self) -> SearchRequest:
        limit = min(max(int(self.limit), 1), MAX_LIMIT)
        return SearchRequest(self.text, self.sort, self.labels, limit, max(int(self.offset), 0), self.match_all)


def search(store: Store, index: SearchIndex, request: SearchRequest,
           thesaurus: Thesaurus | None = None) -> SearchPage:
    """Relevance or date order, label filters, paging, snippets; typo tolerance when exact terms find little."""
    request = request.clamped()
    refresh(store, index)
    parsed = parse(request.text)
    query = (thesaurus or default_thesaurus()).expand(parsed)
    semantic = _hybrid_side(index, parsed, request)
    depth = max(HYBRID_DEPTH, request.offset + request.limit)
    lexical = dataclasses.replace(request, limit=depth, offset=0) if semantic else request
    raw, total, suggestion = _lexical(store, index, query, lexical)
    if semantic is not None:
        raw, total = _fuse(store, semantic, request, raw, total, depth)
    with store.reading() as conn:
        found = posts_by_ids(conn, [h.post_id for h in raw])
    hits = tuple(
        SearchHit(rank=request.offset + i + 1, post=found[h.post_id], score=h.score,
                  snippet=h.snippet or html.escape(found[h.post_id].lead(LEAD_CHARS)))
        for i, h in enumerate(h for h in raw if h.post_id in found)
    )
    return SearchPage(query=request.text, sort=request.sort, total=total, offset=request.offset,
                      limit=request.limit, hits=hits, suggestion=suggestion)


def _lexical(store: Store, index: SearchIndex, query: Query,
             request: SearchRequest) -> tuple[list[RawHit], int, str | None]:
    """BM25 hits and their count; typo tolerance (and a suggestion) when exact terms find too little."""
    raw, total = _run(index, query, request, fuzzy=False)
    suggestion = None
    if total < FEW_RESULTS and query.positive:
        fuzzy_raw, fuzzy_total = _run(index, query, request, fuzzy=True)
        if fuzzy_total > total:
            suggestion = _suggest(query, store, [h.post_id for h in fuzzy_raw])
            # Fuzzy terms mark nothing in snippets; the words they matched do.
            marks = parse(suggestion) if suggestion else query
            raw, total = _run(index, query, request, fuzzy=True, marks=marks)
    return raw, total, suggestion


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
    fused = rrf([[h.post_id for h in lexical], nearest])
    page = fused[request.offset:request.offset + request.limit]
    only_vectors = sum(1 for post_id, _ in fused if post_id not in snippets)
    return [RawHit(post_id, score, snippets.get(post_id, "")) for post_id, score in page], total + only_vectors


def _labelled(store: Store, post_ids: list[int], labels: Sequence[str]) -> list[int]:
    """Vector neighbours that carry every label asked for, as the BM25 side's label filter requires."""
    wanted = {label_key(label) for label in labels}
    with store.reading() as conn:
        posts = posts_by_ids(conn, post_ids)
    return [i for i in post_ids if i in posts and wanted <= {label_key(lb) for lb in posts[i].labels}]


def _run(index: SearchIndex, query: Query, request: SearchRequest, fuzzy: bool,
         marks: Query | None = None) -> tuple[list[RawHit], int]:
    compiled, highlight = index.compile(query, request.labels, match_all=request.match_all, fuzzy=fuzzy)
    if marks is not None:
        highlight = index.compile(marks)[1]
    return index.search(compiled, highlight, request.sort == "date", request.limit, request.offset)


def _suggest(query: Query, store: Store, post_ids: Sequence[int]) -> str | None:
    """The words of the posts typo tolerance found that sit closest to what was typed."""
    with store.reading() as conn:
        posts = posts_by_ids(conn, list(post_ids)[:5])
    vocabulary = {w.lower(): w for p in posts.values() for w in re.findall(r"[^\W\d_]{3,}", p.title + " " + p.body)}
    words = []
    for clause in query.clauses:
        term = clause.alternatives[0].text
        close = difflib.get_close_matches(term.lower(), vocabulary, n=1, cutoff=0.75)
        words.append(("-" if clause.excluded else "") + (close[0] if close else term))
    suggestion = " ".join(words)
    return suggestion if suggestion.lower() != query.raw.strip().lower() else None
