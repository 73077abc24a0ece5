"""New posts against every watch, once per post: the cost grows with the posts that arrive, not with
the watches times the requests that show them.

Matching follows the change log, as the search index does, from a cursor kept in the database, so
an ingest, a publication from the desk and a server restarted mid-way all end up matched exactly
once: a (watch, post) pair is stored at most once (its primary key), whoever gets there first.

A search watch matches a post that its search feed (every word, thesaurus synonyms, its labels)
would list, decided by the search index itself. To spare asking the index once per watch, the
watches are arranged by one word (or label) every match must contain; only those whose word is in
the post are asked. A facts watch matches a post with a figure its filter keeps (store.facts.fact_matches).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from metalnomist.models import FACT_FILTERS, Fact, Post, Watch
from metalnomist.search.index import SearchIndex, label_key, stopwords
from metalnomist.search.query import Clause, Query, parse
from metalnomist.search.thesaurus import Thesaurus, default_thesaurus
from metalnomist.store import Store
from metalnomist.store.changes import changes_since
from metalnomist.store.deliveries import queue
from metalnomist.store.facts import FactFilter, fact_matches, facts_of_posts
from metalnomist.store.posts import posts_by_ids
from metalnomist.store.watches import all_watches, matched_cursor, move_cursor, record_matches
from metalnomist.watches.delivery import queued_for

EVERY_POST = "*"  # the key of watches with no word or label every match must have
BATCH = 2000  # change-log entries matched per transaction


def watch_filter(watch: Watch) -> FactFilter:
    values: dict[str, Any] = dict(watch.filters)  # saved from FactFilter's own fields (service.py)
    return FactFilter(**values)


def _is_stopword(clause: Clause) -> bool:
    term = clause.alternatives[0]
    return clause.optional and len(clause.alternatives) == 1 and not term.phrase and term.text.lower() in stopwords()


@dataclass
class WatchBook:
    """Every watch, arranged by a key a post must have for the watch to match it."""

    index: SearchIndex
    thesaurus: Thesaurus
    by_key: dict[str, list[Watch]] = field(default_factory=dict)
    queries: dict[int, Query] = field(default_factory=dict)
    compiled: dict[int, Any] = field(default_factory=dict)  # tantivy queries, which only search/ names

    @classmethod
    def of(cls, watches: Iterable[Watch], index: SearchIndex, thesaurus: Thesaurus | None = None) -> WatchBook:
        book = cls(index, thesaurus or default_thesaurus())
        for watch in watches:
            for key in book._keys(watch):
                book.by_key.setdefault(key, []).append(watch)
        return book

    def _keys(self, watch: Watch) -> set[str]:
        """Any one of these is in every post the watch matches (a superset of what it matches, never less)."""
        if watch.kind == "facts":
            flt = watch_filter(watch)
            exact = next((name for name in FACT_FILTERS[1:] if getattr(flt, name)), None)
            return {f"fact:{exact}:{getattr(flt, exact).lower()}"} if exact else {EVERY_POST}
        query = self.thesaurus.expand(parse(watch.query))
        self.queries[watch.id] = query
        for clause in query.clauses:
            if clause.excluded or _is_stopword(clause):
                continue
            firsts = [self.index.tokens(t.text)[:1] for t in clause.alternatives]
            if all(firsts):  # an alternative with no indexable word would not bind the clause
                return {tokens[0] for tokens in firsts}
        return {"label:" + label_key(watch.labels[0])} if watch.labels else {EVERY_POST}

    def candidates(self, keys: set[str]) -> dict[int, Watch]:
        return {w.id: w for key in keys | {EVERY_POST} for w in self.by_key.get(key, ())}

    def search_query(self, watch: Watch) -> Any:
        if watch.id not in self.compiled:
            self.compiled[watch.id] = self.index.compile(self.queries[watch.id], watch.labels, "all").every
        return self.compiled[watch.id]


def post_keys(index: SearchIndex, post: Post, post_facts: Sequence[Fact]) -> set[str]:
    """What a post holds that a watch's key may name: its index terms, labels and facts' fields."""
    keys = set(index.tokens("\n".join((post.title, post.body, *post.labels))))
    keys |= {"label:" + label_key(label) for label in post.labels}
    keys |= {f"fact:{name}:{value.lower()}" for f in post_facts for name in FACT_FILTERS[1:]
             if (value := getattr(f, name))}
    return keys


def _arrived(post: Post) -> datetime:
    """When a post reached readers: stored (ingest) or published (the desk), whichever is later."""
    moments = [m for m in (post.created, post.published) if m is not None]
    return max(moments) if moments else datetime.now(UTC)


def match_posts(book: WatchBook, posts: Sequence[Post], facts: dict[int, list[Fact]]) -> set[tuple[int, int]]:
    """(watch id, post id) for each watch each post matches; a watch saved after a post arrived is
    not told of it (an old post edited or commented on later is no one's news)."""
    asked: dict[int, tuple[Watch, list[Post]]] = {}
    for post in posts:
        assert post.id is not None
        for watch in book.candidates(post_keys(book.index, post, facts.get(post.id, []))).values():
            if _arrived(post) >= watch.created:
                asked.setdefault(watch.id, (watch, []))[1].append(post)
    pairs: set[tuple[int, int]] = set()
    for watch, candidates in asked.values():
        if watch.kind == "facts":
            flt = watch_filter(watch)
            pairs |= {(watch.id, p.id) for p in candidates if p.id is not None
                      and any(fact_matches(flt, f, p.title) for f in facts.get(p.id, []))}
        else:
            ids = [p.id for p in candidates if p.id is not None]
            pairs |= {(watch.id, post_id) for post_id in book.index.matching(book.search_query(watch), ids)}
    return pairs


@dataclass(frozen=True)
class MatchRun:
    posts: int
    matches: int
    seq: int


class Matcher:
    """Keeps the book of watches between runs; rebuilt only when the watches change."""

    def __init__(self, store: Store, index: SearchIndex) -> None:
        self.store, self.index = store, index
        self._book: WatchBook | None = None
        self._book_of: tuple[int, ...] = ()

    def book(self, watches: list[Watch]) -> WatchBook:
        signature = tuple(w.id for w in watches)
        if self._book is None or signature != self._book_of:
            self._book, self._book_of = WatchBook.of(watches, self.index), signature
        return self._book

    def run(self) -> MatchRun:
        """Match everything the index has applied since the cursor, a batch per transaction."""
        self.index.reload()  # see the posts the index applied, whoever applied them
        done = MatchRun(0, 0, 0)
        while True:
            step = self._step(self.index.applied_seq)
            done = MatchRun(done.posts + step.posts, done.matches + step.matches, max(done.seq, step.seq))
            if step.seq == 0:
                return done

    def _step(self, upto: int) -> MatchRun:
        with self.store.reading(primary=True) as conn:
            pending = [(s, p) for s, p in changes_since(conn, matched_cursor(conn), BATCH) if s <= upto]
            if not pending:
                return MatchRun(0, 0, 0)
            watches = all_watches(conn)
            found = posts_by_ids(conn, list(dict.fromkeys(p for _, p in pending))) if watches else {}
            facts = facts_of_posts(conn, list(found))
        pairs = match_posts(self.book(watches), list(found.values()), facts) if watches else set()
        now = datetime.now(UTC)
        with self.store.transaction() as conn:  # a match and its deliveries are stored together or not at all
            added = record_matches(conn, pairs, now)
            queue(conn, queued_for({w.id: w for w in watches}, pairs, now))
            move_cursor(conn, pending[-1][0])
        return MatchRun(len(found), added, pending[-1][0])


def match_new_posts(store: Store, index: SearchIndex) -> MatchRun:
    """One run for a process that does not keep a Matcher (the CLI's ingest)."""
    return Matcher(store, index).run()
