"""The Tantivy index: a derived store that follows the database's change log.

The database is the truth. The index remembers the last change-log sequence it applied
and the identity of the archive it follows (in `state.json`, written after each commit), so
after a crash it re-applies from there; applying a change twice is harmless because each one
replaces the whole document. A folder it cannot open or write is emptied (of its own files
only, see folder.py) and rebuilt from the database, never left to stop the archive.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import logging
import re
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

import tantivy

from metalnomist.errors import IndexUnavailable, StoreError
from metalnomist.models import Post, PostCard
from metalnomist.search import folder
from metalnomist.search.compiler import QueryCompiler
from metalnomist.search.damage import damage_shows
from metalnomist.search.query import Query
from metalnomist.search.words import ANALYZER, SNIPPET_ANALYZER, analyzer, label_key, runs_stemmer, snippet_analyzer
from metalnomist.text import fold_quotes

if TYPE_CHECKING:
    from metalnomist.search.semantic import SemanticIndex

# 3: words split where letters meet digits; 4: each post's card (what results show); 5: capitals that begin a word
# are a word of their own (`PGMs` is pgm); 6: the body, read for snippets, cut by the faster snippet_analyzer;
# 7: and not stemmed; 8: a constant column to count by
SCHEMA_VERSION = 8
UNDATED = -(2**62)  # sorts after every real date in newest-first order
PAUSE_HEAP_BYTES = 15_000_000  # Tantivy's smallest writer: `unchanging` holds one only for its lock
log = logging.getLogger(__name__)
_WORD = re.compile(r"\w")
_SPACES = re.compile(r"\s+")


def _schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_integer_field("id", stored=True, indexed=True, fast=True)
    builder.add_text_field("title", stored=True, tokenizer_name=ANALYZER)
    # `body` is stored for snippets; `text` (title and body) is what relevance ranks.
    builder.add_text_field("body", stored=True, tokenizer_name=SNIPPET_ANALYZER, index_option="basic")
    builder.add_text_field("text", stored=False, tokenizer_name=ANALYZER)
    builder.add_text_field("labels", stored=False, tokenizer_name=ANALYZER)
    builder.add_text_field("label_key", stored=False, tokenizer_name="raw")
    builder.add_integer_field("published_ts", stored=False, indexed=False, fast=True)
    # The same value in every document: the cheapest column to count matches by (see count).
    builder.add_integer_field("tally", stored=False, indexed=False, fast=True)
    # What a page of hits shows of each post (models.PostCard), so results never read the database.
    builder.add_bytes_field("card", stored=True)
    return builder.build()


def _card_bytes(post: Post) -> bytes:
    card = PostCard.of(post)
    fields = {f.name: getattr(card, f.name) for f in dataclasses.fields(card)}
    for name in ("published", "created"):
        fields[name] = fields[name].isoformat() if fields[name] else None
    return json.dumps(fields, ensure_ascii=False).encode()


def _card(data: bytes) -> PostCard:
    fields = json.loads(data)
    for name in ("published", "created"):
        fields[name] = datetime.fromisoformat(fields[name]) if fields[name] else None
    return PostCard(**{**fields, "labels": tuple(fields["labels"])})


def _marked(snippet: tantivy.Snippet, body: str) -> str:
    """Escaped HTML with <mark>s; an ellipsis where the fragment starts or ends mid-text.

    A fragment starts and ends at a word, so a body's closing full stop (or opening quote) lies outside
    it: text around the fragment with no word in it is shown, not replaced by an ellipsis."""
    html = snippet.to_html()
    if not html:
        return ""
    fragment = snippet.fragment_range()
    raw = body.encode()
    before, after = (raw[:fragment.start].decode(errors="ignore"), raw[fragment.end:].decode(errors="ignore"))
    html = html.replace("<b>", "<mark>").replace("</b>", "</mark>")
    return _cut_or_shown(before) + html + _cut_or_shown(after)


def _cut_or_shown(rest: str) -> str:
    """What stands for text outside a snippet's fragment: an ellipsis, or the text itself when it holds no word
    (its spaces folded to one, so "rose →" keeps the space beside the fragment)."""
    return "…" if _WORD.search(rest) else escape(_SPACES.sub(" ", rest))


class IndexBusy(StoreError):
    """Another writer (this process or another) holds the index; its catch-up covers ours."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"another process is writing the search index in {path}; try again when it has finished")


@dataclass(frozen=True)
class RawHit:
    post_id: int
    score: float
    snippet: str
    card: PostCard | None = None


class SearchIndex:
    """One index folder. Writers are short-lived so another process can take its turn."""

    def __init__(self, path: Path, empty: bool = False, semantic: SemanticIndex | None = None,
                 wait_seconds: float = 30.0) -> None:
        """Open the index in `path`; `empty` (or another schema's) starts from an empty folder, emptied while no
        writer works in it: `empty` waits up to `wait_seconds` for one to finish, then raises IndexBusy. A folder
        with no state is opened as it is: another process may be building in it, and the catch-up that follows
        rebuilds one that follows no archive.

        `semantic` is the optional vector side (settings.hybrid), kept beside this folder and in
        step by the same catch-up."""
        self.path = path
        self.analyzer = analyzer()
        self.schema = _schema()
        self.snippet_analyzer = snippet_analyzer()
        self._runs_stemmer = runs_stemmer()
        self.compiler = QueryCompiler(self.schema, self.positioned_tokens, self.marked_forms)
        self._state_file = path / "state.json"
        self._state_stamp: tuple[int, int, int] | None = None
        self._state_cache: dict[str, Any] = {}
        folder.claim(path)
        stale = empty or self._state(any_schema=True).get("schema", SCHEMA_VERSION) != SCHEMA_VERSION
        emptying = folder.no_writer(path, wait_seconds if empty else 0.0) if stale else contextlib.nullcontext(False)
        with emptying as alone:
            if empty and not alone:
                raise IndexBusy(path)
            if alone:  # else another process is rebuilding it for this version
                folder.clear(path)
            self.index = self._open()  # inside the lock: no writer starts between the emptying and a new meta.json
        self._write_lock = threading.Lock()
        self._loaded_seq = self.applied_seq
        self.followed = False  # set while a background Follower applies the log: searches then only reload
        self.semantic = semantic

    def _open(self) -> tantivy.Index:
        """A folder Tantivy cannot open (a torn segment, a garbled meta.json) is emptied for a rebuild."""
        try:
            index = tantivy.Index(self.schema, path=str(self.path))
        except ValueError as exc:
            log.warning("search index %s cannot be opened (%s); rebuilding it from the database", self.path, exc)
            folder.clear(self.path)
            index = tantivy.Index(self.schema, path=str(self.path))
        index.register_tokenizer(ANALYZER, self.analyzer)
        index.register_tokenizer(SNIPPET_ANALYZER, self.snippet_analyzer)
        return index

    def _writer(self, heap_size: int, wait_seconds: float) -> tantivy.IndexWriter:
        """Tantivy allows one writer per index; wait a little for it, then give up with IndexBusy."""
        deadline = time.monotonic() + wait_seconds
        while True:
            try:
                return self.index.writer(heap_size=heap_size, num_threads=1)
            except ValueError as exc:
                if "LockBusy" not in str(exc):
                    raise
                if time.monotonic() >= deadline:
                    raise IndexBusy(self.path) from None
                time.sleep(0.05)

    @contextmanager
    def unchanging(self, wait_seconds: float = 30.0) -> Iterator[None]:
        """Inside, no process commits to this folder (Tantivy's writer lock is held): its files can be copied.

        Its state is written after each commit, so a copy taken here never claims more than it holds.
        """
        if not self._write_lock.acquire(timeout=wait_seconds):
            raise IndexBusy(self.path)
        try:
            writer = self._writer(PAUSE_HEAP_BYTES, wait_seconds)
            try:
                yield
            finally:
                writer.wait_merging_threads()  # consumes the writer, releasing the lock
        finally:
            self._write_lock.release()

    # --- state -------------------------------------------------------------------------------
    def _state(self, any_schema: bool = False) -> dict[str, Any]:
        """Read again only when the file was replaced: every search asks, and a stat is cheaper. Another schema's
        state is no state (unless `any_schema`): what it applied is not in this schema's documents."""
        try:
            stat = self._state_file.stat()
            stamp = (stat.st_ino, stat.st_mtime_ns, stat.st_size)
            if stamp != self._state_stamp:
                self._state_cache = dict(json.loads(self._state_file.read_text()))
                self._state_stamp = stamp
        except (OSError, ValueError):
            return {}
        return self._state_cache if any_schema or self._state_cache.get("schema") == SCHEMA_VERSION else {}

    @property
    def applied_seq(self) -> int:
        return int(self._state().get("seq", 0))

    @property
    def archive(self) -> str | None:
        """The identity of the archive whose change log this index follows (None: not built yet)."""
        found = self._state().get("archive")
        return str(found) if found else None

    def _save_state(self, seq: int, archive: str | None) -> None:
        tmp = self._state_file.with_suffix(".tmp")
        tmp.write_text(json.dumps({"schema": SCHEMA_VERSION, "seq": seq, "archive": archive}))
        tmp.replace(self._state_file)

    def forget_state(self) -> None:
        """After a failed write or a damaged read: the next start (or `reset`) rebuilds from the database."""
        self._state_file.unlink(missing_ok=True)

    def _failed(self, exc: BaseException) -> IndexUnavailable:
        """A failed write (disk full, a damaged file): forget the state so the next start rebuilds."""
        self.forget_state()
        return IndexUnavailable(f"the search index in {self.path} could not be written ({exc}); "
                                "the database is intact and the index is rebuilt from it at the next start")

    # --- writing -----------------------------------------------------------------------------
    def apply(self, post_ids: Iterable[int], posts: dict[int, Post], seq: int, clear: bool = False,
              wait_seconds: float = 30.0) -> None:
        """Replace each post's document (or drop it if gone), commit, then record `seq`."""
        with self.writing(wait_seconds) as writing:
            if clear:
                writing.clear()
            writing.put(post_ids, posts)
            writing.commit(seq)

    @contextmanager
    def writing(self, wait_seconds: float = 30.0, heap_size: int = 128_000_000) -> Iterator[Writing]:
        """The index's one writer, held until the block ends; what it was given shows only if committed
        inside (an ingest indexes its posts while it writes them, and commits once it has published them)."""
        if not self._write_lock.acquire(timeout=wait_seconds):
            raise IndexBusy(self.path)
        try:
            try:
                writing = Writing(self, self._writer(heap_size, wait_seconds))
            except (OSError, ValueError) as exc:
                raise self._failed(exc) from None
            try:
                yield writing
            finally:
                writing.abandon()  # nothing to drop once committed
        finally:
            self._write_lock.release()

    def _document(self, post: Post) -> tantivy.Document:
        assert post.id is not None, "only stored posts are indexed"
        when = post.published or post.created
        return tantivy.Document(
            id=post.id,
            title=post.title,
            body=post.body,
            text=post.title + "\n\n" + post.body,
            labels=" ".join(post.labels),
            label_key=[label_key(lb) for lb in post.labels] or [""],
            card=_card_bytes(post),
            tally=0,
            published_ts=int(post.published.timestamp()) if post.published else (
                UNDATED + int(when.timestamp()) if when else UNDATED),
        )

    def rebuild_from(self, batches: Iterable[Sequence[Post]], seq: int, archive: str,
                     progress: Callable[[int], None]) -> int:
        """Every post of `archive` as of `seq`, replacing whatever the index held."""
        with self.writing(wait_seconds=60.0, heap_size=256_000_000) as writing:
            writing.clear()
            total = 0
            for batch in batches:
                writing.add(batch)
                total += len(batch)
                progress(len(batch))
            writing.commit(seq, archive)
        return total

    # --- reading -----------------------------------------------------------------------------
    def num_docs(self) -> int:
        self.index.reload()
        return int(self.index.searcher().num_docs)

    def tokens(self, text: str) -> list[str]:
        """The index terms a piece of user text becomes; possessives fold to the noun."""
        return list(self.analyzer.analyze(fold_quotes(text)))

    def positioned_tokens(self, text: str) -> list[tuple[int, str]]:
        """`tokens`, each with its position: a possessive's dropped `s` leaves a gap, as it does in a post."""
        return [(token.position, token.text) for token in self.analyzer.pre_tokenize(fold_quotes(text)).tokens]

    def marked_forms(self, text: str) -> list[tuple[str, list[str]]]:
        """Each word of a piece of user text, stemmed, with the forms of it the bodies hold: what marks it in a
        snippet (`price`: price, prices, priced, pricing), as bodies are cut for snippets without stemming.

        A form begins with the stem, or with all of it but its last letter where the stemmer made that
        letter (`happi` of happy, `hope` of hoping, `possibl` of possibility)."""
        searcher = self.index.searcher()
        found = []
        for word in self.snippet_analyzer.analyze(fold_quotes(text)):
            stem = self._stem(word)
            prefix = stem[:-1] if len(stem) > 2 and stem[-1] in "eil" else stem
            candidates = [term for term, _ in searcher.terms_with_prefix("body", prefix)]
            found.append((stem, [c for c, s in zip(candidates, self._stems(candidates), strict=True) if s == stem]))
        return found

    def _stem(self, word: str) -> str:
        return "".join(self._runs_stemmer.analyze(word))

    def _stems(self, words: list[str]) -> list[str]:
        """Each word's stem: in one call when each is one run of letters and digits that stays one word, as
        nearly all are (a folded `⑴` is `(1)`, cut to `1`; a word folded longer may pass the length limit)."""
        if all(word.isalnum() for word in words):
            stems = list(self._runs_stemmer.analyze(" ".join(words)))
            if len(stems) == len(words):
                return stems
        return [self._stem(word) for word in words]

    def unknown_words(self, query: Query) -> frozenset[str]:
        """Words (4+ letters) that no post contains: the ones typo tolerance may stretch."""
        searcher = self.index.searcher()
        unknown = set()
        for clause in query.positive:
            for term in clause.alternatives:
                tokens = self.tokens(term.text)
                if (len(tokens) == 1 and len(tokens[0]) >= 4 and not tokens[0].isdigit()
                        and not any(searcher.doc_freq(f, tokens[0]) for f in ("text", "labels"))):
                    unknown.add(term.text)
        return frozenset(unknown)

    @damage_shows
    def newest_with_label(self, label: str, limit: int) -> list[int]:
        """The ids of a label's newest posts in the site's order (dated newest first, then undated ones): the
        label's postings sorted by the date column. Walking the posts' date index in SQL read a post's row
        per step, half of a post page's time at a million posts."""
        searcher = self.index.searcher()
        query = tantivy.Query.term_query(self.schema, "label_key", label_key(label))
        found = searcher.search(query, limit=limit, count=False, order_by_field="published_ts",
                                order=tantivy.Order.Desc)
        ids = searcher.fast_field_values("id", [address for _, address in found.hits])
        # Posts of one moment (an ingest's undated ones) newest stored first, as the site lists them.
        return [int(i) for _, i in sorted(zip((when for when, _ in found.hits), ids, strict=True), reverse=True)
                if i is not None]

    def matching(self, query: tantivy.Query, post_ids: Sequence[int]) -> set[int]:
        """Which of these posts `query` matches (to tell a partial hit what it lacks)."""
        if not post_ids:
            return set()
        among = tantivy.Query.term_set_query(self.schema, "id", list(post_ids))
        searcher = self.index.searcher()
        found = searcher.search(tantivy.Query.boolean_query(
            [(tantivy.Occur.Must, query), (tantivy.Occur.Must, among)]), limit=len(post_ids), count=False)
        ids = searcher.fast_field_values("id", [address for _, address in found.hits])
        return {i for i in ids if isinstance(i, int)}

    @damage_shows
    def count(self, query: tantivy.Query) -> int:
        """How many posts `query` matches, without scoring them (half the time of a search that counts). Over a
        column of one value, bit-packed in no bits: at a million posts two words were counted in 2.9 ms, 3.5 over
        the ids."""
        counted = self.index.searcher().aggregate(query, {"n": {"value_count": {"field": "tally"}}})
        return int(counted["n"]["value"])

    @damage_shows
    def search(self, query: tantivy.Query, highlight: tantivy.Query | None, by_date: bool, limit: int,
               offset: int, count: bool = True) -> tuple[list[RawHit], int]:
        """The hits of one page, and how many posts match (0 unless `count`: counting visits every match)."""
        searcher = self.index.searcher()
        if by_date:
            result = searcher.search(query, limit=limit, offset=offset, count=count,
                                     order_by_field="published_ts", order=tantivy.Order.Desc)
        else:
            result = searcher.search(query, limit=limit, offset=offset, count=count)
        snippets = None
        if highlight is not None:
            snippets = tantivy.SnippetGenerator.create(searcher, highlight, self.schema, "body")
            snippets.set_max_num_chars(240)
        hits = []
        for score, address in result.hits:
            doc = searcher.doc(address)
            snippet = _marked(snippets.snippet_from_doc(doc), doc["body"][0]) if snippets is not None else ""
            hits.append(RawHit(int(doc["id"][0]), float(score) if not by_date else 0.0, snippet, _card(doc["card"][0])))
        return hits, int(getattr(result, "count", 0) or 0)

    def _stored(self, post_ids: Sequence[int]) -> list[tantivy.Document]:
        if not post_ids:
            return []
        searcher = self.index.searcher()
        found = searcher.search(tantivy.Query.term_set_query(self.schema, "id", list(post_ids)), limit=len(post_ids),
                                count=False)
        return [searcher.doc(address) for _, address in found.hits]

    def cards(self, post_ids: Sequence[int]) -> dict[int, PostCard]:
        """The stored cards of these posts (those the vectors found and BM25 did not)."""
        cards = (_card(doc["card"][0]) for doc in self._stored(post_ids))
        return {card.id: card for card in cards}

    def stored_texts(self, post_ids: Sequence[int]) -> list[str]:
        """Title and body of these posts as indexed, for the words a typo suggestion may pick."""
        return [doc["title"][0] + " " + doc["body"][0] for doc in self._stored(post_ids)]

    def indexed_words(self, post_ids: Sequence[int]) -> dict[int, list[str]]:
        """Each post's title and body as the index terms they became (what feedback weighs)."""
        return {int(doc["id"][0]): self.tokens(doc["title"][0] + "\n\n" + doc["body"][0])
                for doc in self._stored(post_ids)}

    def term_counts(self) -> tuple[Callable[[str], int], int]:
        """How many posts hold an index term in their title or body, and how many posts there are (as loaded,
        unlike num_docs, which reloads)."""
        searcher = self.index.searcher()
        return (lambda token: int(searcher.doc_freq("text", token))), int(searcher.num_docs)

    def reload(self) -> None:
        """See every commit up to now, whichever process made it."""
        self._loaded_seq = self.applied_seq
        self.index.reload()

    @property
    def is_current(self) -> bool:
        return self._loaded_seq == self.applied_seq


class Writing:
    """A held Tantivy writer: documents replaced now, shown at `commit`, dropped if the holder gives up."""

    def __init__(self, index: SearchIndex, writer: tantivy.IndexWriter) -> None:
        self._index, self._writer = index, writer
        self._open = True

    def clear(self) -> None:
        self._guarded(self._writer.delete_all_documents)

    def add(self, posts: Iterable[Post]) -> None:
        """Documents for posts the index does not hold (after `clear`, or new to the archive)."""
        def add() -> None:
            for post in posts:
                self._writer.add_document(self._index._document(post))
        self._guarded(add)

    def put(self, post_ids: Iterable[int], posts: dict[int, Post]) -> None:
        """Each post's document replaced by the one of `posts`, or dropped when `posts` lacks it."""
        def replace() -> None:
            for post_id in post_ids:
                self._writer.delete_documents_by_term("id", post_id)
                if post_id in posts:
                    self._writer.add_document(self._index._document(posts[post_id]))
        self._guarded(replace)

    def commit(self, seq: int, archive: str | None = None) -> None:
        """Show everything put so far and record that the index has applied the change log up to `seq`
        (of `archive`, when it starts following another)."""
        def commit() -> None:
            self._writer.commit()
            self._writer.wait_merging_threads()  # consumes the writer, releasing its lock
        self._guarded(commit)
        self._open = False
        self._index._save_state(seq, archive or self._index.archive)
        self._index.reload()

    def abandon(self) -> None:
        """Nothing put since the last commit shows; the writer's lock is released."""
        if self._open:
            self._open = False
            with contextlib.suppress(OSError, ValueError):  # what made us give up matters more
                self._writer.rollback()
                self._writer.wait_merging_threads()

    def _guarded(self, step: Callable[[], None]) -> None:
        if not self._open:
            raise RuntimeError("this index writer was committed or abandoned")
        try:
            step()
        except (OSError, ValueError) as exc:
            raise self._index._failed(exc) from None
