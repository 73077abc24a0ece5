"""New posts against every watch, once per post: the cost grows with the posts that arrive, not with
the watches times the requests that show them.

Matching follows the change log, as the search index does, from a cursor kept in the database, so
an ingest, a publication from the desk and a server restarted mid-way all end up matched exactly
once: a (watch, post) pair is stored at most once (its primary key), whoever gets there first.

A search watch matches a post that its search feed (every word, thesaurus synonyms, its labels)
would list, decided by the search index itself. To spare asking the index once per watch, the
watches are arranged by one word (or label) every match must contain; only those whose word is in
the post are asked. A facts watch matches a post with a figure its filter keeps (store.facts.FactMatcher).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from metalnomist.models import Fact, Post, Watch
from metalnomist.search.index import SearchIndex
from metalnomist.search.query import Query, parse
from metalnomist.search.thesaurus import Thesaurus, default_thesaurus
from metalnomist.search.words import is_stopword, label_key
from metalnomist.store import Connection, Store
from metalnomist.store.changes import changes_since
from metalnomist.store.deliveries import queue
from metalnomist.store.facts import FactFilter, FactMatcher, facts_of_posts
from metalnomist.store.posts import posts_by_ids
from metalnomist.store.watches import (
    WatchSignature,
    all_watches,
    delivering_watches,
    matched_cursor,
    move_cursor,
    record_matches,
    watch_signature,
)
from metalnomist.watches.delivery import queued_for
from metalnomist.watches.terms import LABEL, TermQuery, term_query

EVERY_POST = "*"  # the key of watches with no word or label every match must have
# A facts watch's key when it names no commodity: its rarest field first (metrics are few, companies many).
FACT_KEY_ORDER = ("company", "partner", "country", "period", "source", "metric")
BATCH = 2000  # change-log entries matched per transaction


def watch_filter(watch: Watch) -> FactFilter:
    values: dict[str, Any] = dict(watch.filters)  # saved from FactFilter's own fields (service.py)
    return FactFilter(**values)


@dataclass
class WatchBook:
    """Every watch, arranged by a key a post must have for the watch to match it."""

    index: SearchIndex
    thesaurus: Thesaurus
    by_key: dict[str, list[Watch]] = field(default_factory=dict)
    queries: dict[int, Query] = field(default_factory=dict)
    compiled: dict[int, Any] = field(default_factory=dict)  # tantivy queries, which only search/ names
    term_queries: dict[int, TermQuery | None] = field(default_factory=dict)  # made when first asked
    fact_matchers: dict[int, FactMatcher] = field(default_factory=dict)

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
            matcher = self.fact_matchers[watch.id] = FactMatcher.of(watch_filter(watch))
            if matcher.names:  # a figure's commodity holds one of its family's names, so that name's first word
                return {"fact:word:" + name.split()[0] for name in matcher.names if name.split()}
            exact = next((name for name in FACT_KEY_ORDER if getattr(matcher.flt, name)), None)
            return {f"fact:{exact}:{getattr(matcher.flt, exact).lower()}"} if exact else {EVERY_POST}
        query = self.thesaurus.expand(parse(watch.query))
        self.queries[watch.id] = query
        for clause in query.clauses:
            if clause.excluded or is_stopword(clause):
                continue
            firsts = [self.index.tokens(t.text)[:1] for t in clause.alternatives]
            if all(firsts):  # an alternative with no indexable word would not bind the clause
                return {tokens[0] for tokens in firsts}
        return {LABEL + label_key(watch.labels[0])} if watch.labels else {EVERY_POST}

    def candidates(self, keys: set[str]) -> dict[int, Watch]:
        return {w.id: w for key in keys | {EVERY_POST} for w in self.by_key.get(key, ())}

    def term_query(self, watch: Watch) -> TermQuery | None:
        """Made for the watches a post brings up only: most never are between two changes of the book."""
        if watch.id not in self.term_queries:
            self.term_queries[watch.id] = term_query(self.index, self.queries[watch.id], watch.labels)
        return self.term_queries[watch.id]

    def search_query(self, watch: Watch) -> Any:
        if watch.id not in self.compiled:
            self.compiled[watch.id] = self.index.compiler.compile(self.queries[watch.id], watch.labels, "all").every
        return self.compiled[watch.id]


def post_keys(index: SearchIndex, post: Post, post_facts: Sequence[Fact]) -> set[str]:
    """What a post holds that a watch's key may name: its index terms, labels and facts' fields."""
    keys = set(index.tokens("\n".join((post.title, post.body, *post.labels))))
    keys |= {LABEL + label_key(label) for label in post.labels}
    keys |= {f"fact:{name}:{value.lower()}" for f in post_facts for name in FACT_KEY_ORDER
             if (value := getattr(f, name))}
    keys |= {"fact:word:" + word for f in post_facts for word in (f.commodity or "").lower().replace("-", " ").split()}
    return keys


def _arrived(post: Post) -> datetime:
    """When a post reached readers: stored (ingest) or published (the desk), whichever is later."""
    moments = [m for m in (post.created, post.published) if m is not None]
    return max(moments) if moments else datetime.now(UTC)


def match_posts(book: WatchBook, posts: Sequence[Post], facts: dict[int, list[Fact]]) -> set[tuple[int, int]]:
    """(watch id, post id) for each watch each post matches; a watch saved after a post arrived is
    not told of it (an old post edited or commented on later is no one's news)."""
    asked: dict[int, tuple[Watch, list[Post]]] = {}
    terms: dict[int, set[str]] = {}
    for post in posts:
        assert post.id is not None
        terms[post.id] = post_keys(book.index, post, facts.get(post.id, []))
        arrived = _arrived(post)
        for watch in book.candidates(terms[post.id]).values():
            if arrived >= watch.created:
                asked.setdefault(watch.id, (watch, []))[1].append(post)
    pairs: set[tuple[int, int]] = set()
    for watch, candidates in asked.values():
        ids = [p.id for p in candidates if p.id is not None]
        if watch.kind == "facts":
            keeps = book.fact_matchers[watch.id].keeps
            pairs |= {(watch.id, p.id) for p in candidates if p.id is not None
                      and any(keeps(f, p.title) for f in facts.get(p.id, []))}
        elif (exact := book.term_query(watch)) is not None:
            pairs |= {(watch.id, post_id) for post_id in ids if exact.matches(terms[post_id])}
        else:
            pairs |= {(watch.id, post_id) for post_id in book.index.matching(book.search_query(watch), ids)}
    return pairs


@dataclass(frozen=True)
class MatchRun:
    posts: int
    matches: int
    seq: int


class Matcher:
    """Keeps the book of watches between runs; rebuilt only when watches are added or deleted (what a
    watch follows never changes; where it delivers is read afresh for each match)."""

    def __init__(self, store: Store, index: SearchIndex) -> None:
        self.store, self.index = store, index
        self._book: WatchBook | None = None
        self._book_of: WatchSignature | None = None

    def book(self, conn: Connection) -> WatchBook | None:
        """The book of the watches now stored; None while there are none."""
        signature = watch_signature(conn)
        if self._book is None or signature != self._book_of:
            self._book, self._book_of = WatchBook.of(all_watches(conn), self.index), signature
        return self._book if signature.count else None

    def run(self) -> MatchRun:
        """Match everything the index has applied since the cursor, a batch per transaction."""
        self.index.reload()  # see the posts the index applied, whoever applied them
        if self._idle():
            return MatchRun(0, 0, self.index.applied_seq)
        done = MatchRun(0, 0, 0)
        while True:
            step, more = self._step(self.index.applied_seq)
            done = MatchRun(done.posts + step.posts, done.matches + step.matches, max(done.seq, step.seq))
            if not more:  # a short batch was the last: no empty transaction to find that out
                return done

    def _idle(self) -> bool:
        """With no watch stored nothing can match: the cursor moves past what the index has applied, in
        one short transaction, and no book, post or change-log batch is read. (A watch saved meanwhile
        hears only of posts that arrive after it, which are not among these.)"""
        with self.store.reading(primary=True) as conn:
            if watch_signature(conn).count:
                return False
        with self.store.transaction() as conn:
            move_cursor(conn, self.index.applied_seq)
        self._book = self._book_of = None
        return True

    def _step(self, upto: int) -> tuple[MatchRun, bool]:
        """One batch matched and stored, and whether more entries may be waiting."""
        with self.store.reading(primary=True) as conn:
            logged = changes_since(conn, matched_cursor(conn), BATCH)
            pending = [(s, p) for s, p in logged if s <= upto]
            if not pending:
                return MatchRun(0, 0, 0), False
            book = self.book(conn)
            found = posts_by_ids(conn, list(dict.fromkeys(p for _, p in pending))) if book else {}
            facts = facts_of_posts(conn, list(found))
        pairs = match_posts(book, list(found.values()), facts) if book else set()
        now = datetime.now(UTC)
        with self.store.transaction() as conn:  # a match and its deliveries are stored together or not at all
            added = record_matches(conn, pairs, now)
            delivering = delivering_watches(conn, {w for w, _ in pairs})
            queue(conn, queued_for(delivering, [(w, p) for w, p in pairs if w in delivering], now))
            move_cursor(conn, pending[-1][0])
        return MatchRun(len(found), added, pending[-1][0]), len(pending) == BATCH
