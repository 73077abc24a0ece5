"""The one search function that the CLI, the pages and the API all call, and index upkeep."""

from __future__ import annotations

import difflib
import html
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from metalnomist.models import Post, SearchHit, SearchPage, SortOrder
from metalnomist.search.index import IndexBusy, RawHit, SearchIndex
from metalnomist.search.query import Query, parse
from metalnomist.search.thesaurus import Thesaurus, default_thesaurus
from metalnomist.store import Store
from metalnomist.store.changes import changes_since, last_seq
from metalnomist.store.posts import count_posts, iter_posts, posts_by_ids

MAX_LIMIT = 100
FEW_RESULTS = 1  # below this many exact matches, typo tolerance joins in


def bring_in_step(store: Store, index: SearchIndex) -> int:
    """Catch up; rebuild when the index is ahead of the log or its count disagrees (a replaced database)."""
    with store.reading() as conn:
        ahead = index.applied_seq > last_seq(conn)
    if not ahead:
        applied = catch_up(store, index)
        if index.num_docs() == total_posts(store):
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


def catch_up(store: Store, index: SearchIndex, batch: int = 5000, wait_seconds: float = 30.0) -> int:
    """Apply every logged change the index has not seen; returns how many were applied."""
    applied = 0
    seq = index.applied_seq
    while True:
        with store.reading() as conn:
            pending = changes_since(conn, seq, limit=batch)
            if not pending:
                return applied
            ids = list(dict.fromkeys(post_id for _, post_id in pending))
            found = posts_by_ids(conn, ids)
        seq = pending[-1][0]
        index.apply(ids, found, seq, wait_seconds=wait_seconds)
        applied += len(pending)


def reindex(store: Store, index: SearchIndex, progress: Callable[[int], None] = lambda n: None) -> int:
    """Rebuild from the database, then apply whatever changed while rebuilding."""
    with store.reading() as conn:
        seq = last_seq(conn)
        count = index.rebuild_from(_batches(iter_posts(conn)), seq, progress)
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
    query = (thesaurus or default_thesaurus()).expand(parse(request.text))
    raw, total = _run(index, query, request, fuzzy=False)
    suggestion = None
    if total < FEW_RESULTS and query.positive:
        fuzzy_raw, fuzzy_total = _run(index, query, request, fuzzy=True)
        if fuzzy_total > total:
            suggestion = _suggest(query, store, [h.post_id for h in fuzzy_raw])
            # Fuzzy terms mark nothing in snippets; the words they matched do.
            marks = parse(suggestion) if suggestion else query
            raw, total = _run(index, query, request, fuzzy=True, marks=marks)
    with store.reading() as conn:
        found = posts_by_ids(conn, [h.post_id for h in raw])
    hits = tuple(
        SearchHit(rank=request.offset + i + 1, post=found[h.post_id], score=h.score,
                  snippet=h.snippet or _lead(found[h.post_id]))
        for i, h in enumerate(h for h in raw if h.post_id in found)
    )
    return SearchPage(query=request.text, sort=request.sort, total=total, offset=request.offset,
                      limit=request.limit, hits=hits, suggestion=suggestion)


def _run(index: SearchIndex, query: Query, request: SearchRequest, fuzzy: bool,
         marks: Query | None = None) -> tuple[list[RawHit], int]:
    compiled, highlight = index.compile(query, request.labels, match_all=request.match_all, fuzzy=fuzzy)
    if marks is not None:
        highlight = index.compile(marks)[1]
    return index.search(compiled, highlight, request.sort == "date", request.limit, request.offset)


def _lead(post: Post, length: int = 240) -> str:
    """The opening words, escaped like a real snippet, for hits matched by title or label only."""
    paragraphs = [b.text for b in post.blocks if b.kind == "paragraph"] or [post.body]
    text = paragraphs[0]
    cut = text if len(text) <= length else text[:length].rsplit(" ", 1)[0] + "…"
    return html.escape(cut)


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
