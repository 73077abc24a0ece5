"""Use cases that combine the layers: open an archive, import files, comment, re-extract."""

from __future__ import annotations

import contextlib
import hashlib
import logging
import multiprocessing
import os
import pickle
import tempfile
import threading
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from importlib import resources
from pathlib import Path
from typing import IO, Any, TypeVar

from metalnomist.config import Settings
from metalnomist.errors import IngestError, InvalidInput, NotFound, RateLimited, StoreError
from metalnomist.models import MAX_STORED_INT, Comment, Fact, IngestReport, Post
from metalnomist.recount import Keeping, Recounted
from metalnomist.search.alongside import IndexAlongside
from metalnomist.search.folder import KEPT_COUNTS
from metalnomist.search.index import SearchIndex
from metalnomist.search.semantic import SemanticIndex, open_semantic
from metalnomist.search.service import bring_in_step, catch_up, reindex
from metalnomist.store import Connection, Store
from metalnomist.store.backup import backup, restore
from metalnomist.store.changes import last_seq, log_noted
from metalnomist.store.comments import (
    add_comment,
    approve_comment,
    delete_comment,
    lock_client,
    pending_comments,
    recent_by_client,
    with_comments,
)
from metalnomist.store.facts import (
    FactFilter,
    KnownValues,
    PostLink,
    SortColumn,
    Unmatched,
    count_bound,
    iter_facts,
    post_links,
    query_facts,
    replace_facts,
    unmatched_filters,
)
from metalnomist.store.identity import archive_identity
from metalnomist.store.ingests import (
    begin_ingest,
    being_replaced,
    clear_published,
    discard_abandoned,
    discard_ingest,
    publish_ingest,
    published_unfinished,
    write_hidden,
)
from metalnomist.store.posts import (
    ListingCounts,
    as_stored,
    count_posts,
    iter_posts,
    listing_counts,
    posts_by_ids,
)
from metalnomist.store.upsert import PlannerStatistics, content_hash, stored_hashes, upsert_posts
from metalnomist.watches.matching import Matcher
from metalnomist.workers import die_with_parent

log = logging.getLogger(__name__)

Progress = Callable[[int], None]
T = TypeVar("T")
STAGE_IN_MEMORY = 64 * 2**20  # bytes of prepared posts kept in memory before staging spills to a temporary file
MAX_AUTHOR_CHARS = 80  # a commenter's name
CHECKPOINT_AFTER = 1000  # posts written by one file before the SQLite log is folded back


@dataclass
class Archive:
    """An open database with its search index: what every interface works on."""

    settings: Settings
    store: Store
    semantic: SemanticIndex | None = None
    _index: SearchIndex | None = field(default=None, repr=False)
    _opening: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _matcher: Matcher | None = field(default=None, repr=False)
    counts: Recounted[ListingCounts] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        # How many posts each listing has, recounted when the change log moves: the label cloud, the month
        # archive and every listing's total read it, so none of them counts the archive per request.
        self.counts = Recounted("listing-count", self.store.log_head, lambda: self._read(listing_counts),
                                keeping=self.keeping(KEPT_COUNTS, ListingCounts.as_json, ListingCounts.from_json))

    def keeping(self, name: str, encode: Callable[[T], Any], decode: Callable[[Any], T]) -> Keeping[T]:
        """Where a count of this archive is kept for this node's next process: `name` in its index folder."""
        return Keeping(self.settings.resolved_index_dir() / name, lambda: self._read(archive_identity), encode, decode)

    @property
    def index(self) -> SearchIndex:
        """Opened, and brought in step with the change log, at first use: what only reads the
        database never opens it, so an index being rebuilt or damaged cannot stop it."""
        with self._opening:
            if self._index is None:
                index = SearchIndex(self.settings.resolved_index_dir(), semantic=self.semantic)
                bring_in_step(self.store, index)
                self._index = index
            return self._index

    def rebuild_index(self, progress: Progress = lambda n: None) -> int:
        """A new index from the database, in a folder emptied first: nothing of the old one is read."""
        with self._opening:
            index = SearchIndex(self.settings.resolved_index_dir(), empty=True, semantic=self.semantic)
            count = reindex(self.store, index, progress)
            self._index = index
            return count

    @property
    def matcher(self) -> Matcher:
        """Kept with the archive, so that a process ingesting file after file builds its book of watches
        once per change of the watches, not once per file."""
        index = self.index
        if self._matcher is None or self._matcher.index is not index:  # a rebuilt index is a new one
            self._matcher = Matcher(self.store, index)
        return self._matcher

    def _read(self, query: Callable[[Connection], T]) -> T:
        with self.store.reading() as conn:
            return query(conn)

    def close(self) -> None:
        self.counts.finish()
        self.store.close()


def open_archive(settings: Settings) -> Archive:
    """Open (and migrate) the database; the search index opens when first used."""
    # The vector side first: a missing `hybrid` extra fails before anything is opened.
    semantic = open_semantic(settings.resolved_index_dir()) if settings.hybrid else None
    return Archive(settings, Store.open(settings.db, settings.write_wait_seconds, settings.db_read), semantic)


def sample_path() -> Path:
    """The seed page that ships inside the package as sample data."""
    return Path(str(resources.files("metalnomist").joinpath("samples/metalnomist-search-japans.txt")))


class _Extractor:
    """Extraction, not the database, bounds ingest speed: big batches go to one worker process per core."""

    MIN_PARALLEL = 200

    def __init__(self) -> None:
        self._pool: ProcessPoolExecutor | None = None

    def start(self, posts: list[Post]) -> Callable[[], list[list[Fact]]]:
        """Hand the batch to the workers and return at once, so the caller can store the batch before it
        meanwhile; calling what it returns waits for the facts."""
        cores = os.cpu_count() or 1
        if len(posts) < self.MIN_PARALLEL or cores < 2:
            found = [_extract_one(post) for post in posts]
            return lambda: found
        if self._pool is None:
            self._pool = ProcessPoolExecutor(max_workers=cores, mp_context=multiprocessing.get_context("spawn"),
                                             initializer=die_with_parent, initargs=(os.getpid(),))
        results = self._pool.map(_read_facts, posts, chunksize=25)
        return lambda: [_kept(post, found) for post, found in zip(posts, results, strict=True)]

    def __enter__(self) -> _Extractor:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)


def ingest_file(archive: Archive, path: Path, fmt: str = "auto", progress: Progress | None = None) -> IngestReport:
    """Store one file, bring the search index up to date, then match the new posts against the watches."""
    report = store_file(archive, path, fmt, progress)
    catch_up(archive.store, archive.index)
    archive.matcher.run()
    return report


def store_file(archive: Archive, path: Path, fmt: str = "auto", progress: Progress | None = None) -> IngestReport:
    """All of one file or none of it visible, without making other writers wait while it is stored.

    Reading, parsing and fact extraction (minutes for big files) happen outside any transaction.
    On SQLite, whose one write lock every writer waits for, each batch (new posts, and new versions
    of changed ones) is then written hidden in a short transaction, and one more shows the whole
    file (store/ingests.py). PostgreSQL lets others write beside a long transaction, so there the
    file is one transaction.
    """
    from metalnomist.ingest import read_posts  # here, so opening an archive to search skips the readers
    from metalnomist.ingest.checks import Limits

    posts = read_posts(path, fmt, Limits.from_settings(archive.settings))
    if archive.store.engine.dialect.name == "sqlite":
        counts, facts = _store_in_steps(archive, path, posts, progress)
    else:
        with tempfile.SpooledTemporaryFile(max_size=STAGE_IN_MEMORY, prefix="metalnomist-ingest-") as staging:
            _stage(archive, path, posts, staging, progress)
            staging.seek(0)
            alongside = IndexAlongside(archive.store, archive.settings.resolved_index_dir())
            try:
                counts, facts = _write_staged(archive, _staged(staging), alongside)
            finally:
                alongside.wait()
    if counts["added"] + counts["updated"] >= CHECKPOINT_AFTER:
        archive.store.checkpoint()
    return IngestReport(files=1, facts=facts, **counts)


@dataclass
class _Staged:
    """One batch ready to write: its posts and, for those not already stored as they are, their facts."""

    posts: list[Post]
    facts: dict[int, list[Fact]]  # by position in `posts`


def _prepared(archive: Archive, posts: Iterable[Post]) -> Iterator[_Staged]:
    """Batches with their facts extracted, outside any transaction; posts stored as they are skip extraction.

    The next batch is being extracted while the caller stores this one. Its stored copies are looked up
    before this one is written: a post repeated in the file is then extracted twice, which costs time only
    (the writer keeps the stored copy when nothing changed, and extracts itself what it finds missing)."""
    def start(batch: list[Post]) -> Callable[[], dict[int, list[Fact]]]:
        if not archive.settings.extract_facts:
            return dict
        with archive.store.reading() as conn:
            stored = stored_hashes(conn, [post.key for post in batch])
        fresh = [i for i, post in enumerate(batch) if stored.get(post.key) != content_hash(post)]
        facts = extractor.start([batch[i] for i in fresh])
        return lambda: dict(zip(fresh, facts(), strict=True))

    with _Extractor() as extractor:
        for batch, found in _one_ahead(_batches(posts), start):
            yield _Staged(batch, found())


Begun = TypeVar("Begun")


def _one_ahead(batches: Iterable[T], start: Callable[[T], Begun]) -> Iterator[tuple[T, Begun]]:
    """Each batch with what `start` began for it, yielded only once the next batch's work has begun: the
    workers extract one batch while the caller writes the one before."""
    pending: tuple[T, Begun] | None = None
    for batch in batches:
        begun = (batch, start(batch))
        if pending is not None:
            yield pending
        pending = begun
    if pending is not None:
        yield pending


def _stage(archive: Archive, path: Path, posts: Iterable[Post], staging: IO[bytes], progress: Progress | None) -> None:
    """Pickled batches stay in memory up to STAGE_IN_MEMORY, then on disk."""
    for staged in _prepared(archive, posts):
        _keep(path, staged, staging)
        if progress:
            progress(len(staged.posts))


def _keep(path: Path, staged: _Staged, staging: IO[bytes]) -> None:
    try:
        pickle.dump(staged, staging, protocol=pickle.HIGHEST_PROTOCOL)
    except OSError as exc:
        raise IngestError(str(path), f"no room to stage the import in {tempfile.gettempdir()} "
                                     f"({exc.strerror}); free some space or set TMPDIR") from None


def _staged(staging: IO[bytes]) -> Iterator[_Staged]:
    while True:
        try:
            yield pickle.load(staging)  # our own file, written just before: safe to unpickle
        except EOFError:
            return


def _store_in_steps(archive: Archive, path: Path, posts: Iterable[Post],
                    progress: Progress | None) -> tuple[dict[str, int], int]:
    """Every batch goes in hidden, new posts and new versions of stored ones, a short transaction
    each; one more shows them all. A failure takes it all back."""
    store = archive.store
    discard_abandoned(store)
    clear_published(store)  # what an ingest killed after publishing left hidden
    ingest = begin_ingest(store)
    alongside = IndexAlongside(store, archive.settings.resolved_index_dir())
    counts = {"added": 0, "updated": 0, "unchanged": 0, "kept": 0}
    facts = 0
    extract = _extract_one if archive.settings.extract_facts else None
    try:
        for staged in _prepared(archive, posts):
            with store.transaction() as conn:
                written, stored = write_hidden(conn, ingest, staged.posts, staged.facts, extract)
            for i, done in enumerate(written):
                if done.placed == "busy":
                    raise IngestError(str(path), f"post {staged.posts[i].title!r} is being stored by another "
                                                 "ingest that has not finished; try again when it has")
                counts[done.placed] += 1
            facts += stored
            alongside.added([done.post_id for done in written if done.placed == "added" and done.post_id])
            alongside.written(done.post_id for done in written if done.placed != "added" and done.post_id)
            if progress:
                progress(len(staged.posts))
        with store.transaction() as conn:
            logged = last_seq(conn)
            edited_since = publish_ingest(conn, ingest)
            publishing = (logged, last_seq(conn))  # one writer at a time: nobody else logs in between
        alongside.published(*publishing)  # only once it is committed
        counts["updated"], counts["kept"] = counts["updated"] - edited_since, counts["kept"] + edited_since
    except BaseException:
        alongside.abandon()
        with contextlib.suppress(StoreError):  # what failed matters more; the next ingest takes it back then
            discard_ingest(store, ingest)
        raise
    try:
        clear_published(store)
    finally:
        alongside.wait()
    return counts, facts


def _write_staged(archive: Archive, batches: Iterable[_Staged],
                  alongside: IndexAlongside) -> tuple[dict[str, int], int]:
    """One transaction: the upserts and facts prepared in `_prepared`, the posts it adds sent to be indexed."""
    counts = {"added": 0, "updated": 0, "unchanged": 0, "kept": 0}
    facts = 0
    try:
        with archive.store.transaction() as conn:
            statistics = PlannerStatistics(conn)
            for staged in batches:
                results = upsert_posts(conn, staged.posts)
                statistics.written(conn, len(staged.posts))
                found: dict[int, list[Fact]] = {}
                for i, (post_id, outcome) in enumerate(results):
                    counts[outcome] += 1
                    if outcome in ("added", "updated") and archive.settings.extract_facts:
                        # Another writer changed the stored copy since staging: rare, so extract here.
                        found[post_id] = staged.facts[i] if i in staged.facts else _extract_one(staged.posts[i])
                facts += replace_facts(conn, found)
                alongside.added(as_stored(conn, [(post_id, staged.posts[i]) for i, (post_id, outcome)
                                                 in enumerate(results) if outcome == "added"]))
                alongside.written(post_id for post_id, outcome in results if outcome != "added")
            logged = log_noted(conn)  # now, not at commit: which entries are the file's own
    except BaseException:
        alongside.abandon()
        raise
    if logged:
        alongside.published(logged[0] - 1, logged[1])  # only once it is committed
    else:
        alongside.abandon()  # nothing changed, nothing to show
    return counts, facts


def _read_facts(post: Post) -> list[Fact] | str:
    """The post's facts, or why they could not be read: a post whose text meets a bug of the grammar costs itself
    its facts, not its file the import (this runs in the workers too, which log nothing of ours)."""
    from metalnomist.extract import extract_facts  # here, so opening an archive to search skips the grammar

    try:
        return extract_facts(post)
    except Exception as exc:  # noqa: BLE001 - any bug of the grammar's; the post itself is still stored
        return f"{type(exc).__name__}: {exc}"


def _kept(post: Post, found: list[Fact] | str) -> list[Fact]:
    if isinstance(found, str):
        log.warning("no facts read from post %r (%s): %s", post.title, post.key, found)
        return []
    return found


def _extract_one(post: Post) -> list[Fact]:
    return _kept(post, _read_facts(post))


def _batches(posts: Iterable[Post], size: int = 500) -> Iterator[list[Post]]:
    """Runs of distinct posts; a post repeated in one file starts a new batch so the later copy wins."""
    batch: list[Post] = []
    keys: set[str] = set()
    for post in posts:
        if len(batch) == size or post.key in keys:
            yield batch
            batch, keys = [], set()
        batch.append(post)
        keys.add(post.key)
    if batch:
        yield batch


def export_posts(archive: Archive, batch: int = 500) -> Iterator[Post]:
    """Every published post with all its comments (held ones marked), so a re-import loses none of them."""
    with archive.store.reading() as conn:
        pending: list[Post] = []
        for post in iter_posts(conn, batch):
            pending.append(post)
            if len(pending) == batch:
                yield from with_comments(conn, pending)
                pending = []
        yield from with_comments(conn, pending)


def backup_archive(archive: Archive, dest: Path) -> None:
    """The whole database (posts, comments, facts) as of one moment, while others keep reading and writing."""
    backup(archive.store.engine, dest)


def restore_archive(archive: Archive, source: Path, force: bool = False, progress: Progress = lambda n: None) -> int:
    """Replace the archive with a backup and rebuild the search index from it; returns the posts indexed."""
    restore(archive.store.engine, source, force)
    return archive.rebuild_index(progress)


def finish_published(archive: Archive) -> None:
    """Finish what an ingest killed after publishing left (hidden rows, figures to settle) without waiting
    for the next ingest; a read when there is nothing, so a running site can ask every few seconds."""
    with archive.store.reading() as conn:
        if not published_unfinished(conn):
            return
    clear_published(archive.store)


def ingest_sample_if_empty(archive: Archive) -> IngestReport | None:
    with archive.store.reading() as conn:
        if count_posts(conn):
            return None
    return ingest_file(archive, sample_path(), "page")


@dataclass(frozen=True)
class FileSelection:
    files: list[Path]
    skipped: list[Path]  # in folders, and named like nothing a reader reads


def files_in(paths: Iterable[Path]) -> FileSelection:
    """A folder stands for every readable file in it (recursively), in name order; the rest are skipped."""
    from metalnomist.ingest import READABLE_SUFFIXES

    found: list[Path] = []
    skipped: list[Path] = []
    for path in paths:
        if path.is_dir():
            for inside in sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")):
                (found if inside.suffix.lower() in READABLE_SUFFIXES else skipped).append(inside)
        else:
            found.append(path)
    return FileSelection(found, skipped)


def reextract(archive: Archive, progress: Progress | None = None) -> int:
    """Run the current grammar over every stored post again, extracting outside the write lock.

    Each batch's facts are replaced in one short transaction, so comments and ingests carry on
    meanwhile. A post changed since it was read, or being changed by a running ingest, is left to
    that ingest (which extracts it too); a stop halfway leaves every post with one whole set of
    facts, old or new.
    """
    total = 0
    with _Extractor() as extractor, archive.store.reading() as reader:
        def start(batch: list[Post]) -> tuple[dict[str, str], Callable[[], list[list[Fact]]]]:
            return stored_hashes(reader, [post.key for post in batch]), extractor.start(batch)

        for batch, (read, extracted) in _one_ahead(_batches(iter_posts(reader)), start):
            keys = [post.key for post in batch]
            found = extracted()
            with archive.store.transaction() as conn:
                current = stored_hashes(conn, keys)
                busy = being_replaced(conn, [post.id for post in batch if post.id is not None])
                fresh = {post.id: facts for post, facts in zip(batch, found, strict=True)
                         if post.id is not None and post.id not in busy and current.get(post.key) == read.get(post.key)}
                total += replace_facts(conn, fresh)
            if progress:
                progress(len(batch))
    return total


def _clean(text: str) -> str:
    """Drop control characters (keeping newlines and tabs) that no reader typed on purpose."""
    return "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch)[0] != "C").strip()


def client_fingerprint(client: str, secret: str) -> str:
    """Rate limits need to recognise a client, not to store its address."""
    return hashlib.sha256(f"{secret}:{client}".encode()).hexdigest()[:32]


def post_comment(archive: Archive, post_id: int, author: str, body: str, client: str) -> Comment:
    """Validate, rate-limit and store a reader's comment; moderation decides if it shows at once."""
    settings = archive.settings
    author, body = _clean(author or ""), _clean(body or "")
    problems: dict[str, str] = {}
    if not author:
        problems["author"] = f"please give a name (up to {MAX_AUTHOR_CHARS} characters)"
    elif len(author) > MAX_AUTHOR_CHARS:
        problems["author"] = f"a name may have at most {MAX_AUTHOR_CHARS} characters, this one has {len(author)}"
    if not body:
        problems["body"] = "the comment is empty"
    elif len(body) > settings.comment_max_chars:
        problems["body"] = (f"a comment may have at most {settings.comment_max_chars} characters, "
                            f"this one has {len(body)}")
    if problems:
        (field, problem), *others = problems.items()
        raise InvalidInput(field, problem, dict(others))
    now = datetime.now(UTC)
    fingerprint = client_fingerprint(client, settings.secret_key)
    get_post(archive, post_id)  # a missing post is NotFound before the client's lock is taken
    with archive.store.transaction() as conn:
        lock_client(conn, fingerprint)  # first: a SQLite snapshot read before it could not then write
        if not posts_by_ids(conn, [post_id]):
            raise NotFound(f"post {post_id} does not exist")
        if recent_by_client(conn, fingerprint, now - timedelta(hours=1)) >= settings.comment_rate_per_hour:
            raise RateLimited(f"at most {settings.comment_rate_per_hour} comments per hour; please try again later")
        comment = Comment(author=author, body=body, published=now, post_id=post_id,
                          approved=not settings.comment_moderation)
        stored = add_comment(conn, comment, fingerprint)
    return stored


def moderate(archive: Archive, comment_ids: Iterable[int], approve: bool) -> list[int]:
    """Approve (publish) or reject (delete) held comments; returns the ids that did not exist."""
    action = approve_comment if approve else delete_comment
    with archive.store.transaction() as conn:
        # An id no database column can hold is simply not there (and would overflow the driver).
        return [i for i in comment_ids if not (1 <= i <= MAX_STORED_INT and action(conn, i))]


def held_comments(archive: Archive) -> list[Comment]:
    with archive.store.reading() as conn:
        return pending_comments(conn)


def find_facts(archive: Archive, flt: FactFilter, offset: int = 0, limit: int | None = None,
               sort: SortColumn | None = None, descending: bool = False,
               newest_first: bool = False) -> tuple[list[Fact], int]:
    """The facts analysts asked for (in reading order, by one column, or newest posts first for feeds),
    and how many match (counted in full only up to store/facts.COUNT_CAP: see counted_in_full)."""
    with archive.store.reading() as conn:
        return query_facts(conn, flt, offset, limit, sort, descending, newest_first)


def export_facts(archive: Archive, flt: FactFilter) -> Iterator[Fact]:
    """Every fact the filter matches, in reading order, streamed as it is read (the command line's export)."""
    with archive.store.reading() as conn:
        yield from iter_facts(conn, flt)


def counted_in_full(total: int, offset: int, limit: int | None) -> bool:
    """Whether a total find_facts gave is exact; if not, at least that many facts match (store/facts.COUNT_CAP)."""
    bound = count_bound(offset, limit)
    return bound is None or total < bound


def fact_post_links(archive: Archive, found: Sequence[Fact]) -> dict[int, PostLink]:
    """The title and address of these facts' posts, by post id, for linking each fact to its sentence."""
    with archive.store.reading() as conn:
        return post_links(conn, {f.post_id for f in found if f.post_id is not None})


def explain_no_facts(archive: Archive, flt: FactFilter, known: KnownValues | None = None) -> list[Unmatched]:
    """For an empty result: each filter value no fact has, with the nearest stored names (of `known`, when the
    caller has them at hand: reading them from the facts costs a pass over every fact)."""
    with archive.store.reading() as conn:
        return unmatched_filters(conn, flt, known)


def get_post(archive: Archive, post_id: int) -> Post:
    if not 1 <= post_id <= MAX_STORED_INT:  # the databases' integers would overflow: no such post can exist
        raise NotFound(f"post {post_id} does not exist")
    with archive.store.reading() as conn:
        found = posts_by_ids(conn, [post_id])
    if post_id not in found:
        raise NotFound(f"post {post_id} does not exist")
    return found[post_id]
