"""Reading and writing posts, their labels and the comments that came with them."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Row,
    Table,
    and_,
    case,
    desc,
    exists,
    extract,
    func,
    nulls_last,
    or_,
    select,
    union,
    union_all,
)

from metalnomist.models import POST_STATUSES, Block, Post
from metalnomist.store.schema import (
    as_utc,
    comment_rows,
    comments,
    ingests,
    label_rows,
    post_labels,
    post_rows,
    posts,
)
from metalnomist.store.upsert import Outcome, upsert_posts


def upsert_post(conn: Connection, post: Post) -> tuple[int, Outcome]:
    """One post; ingest writes batches through `upsert_posts`."""
    return upsert_posts(conn, [post])[0]


def _comment_count(post_table: Table, comment_table: Table) -> Any:
    return (select(func.count()).where(and_(comment_table.c.post_id == post_table.c.id,
                                            comment_table.c.approved.is_(True)))
            .scalar_subquery().label("approved_comments"))


_COMMENT_COUNT = _comment_count(posts, comments)


def _post(row: Row[Any], labels: Sequence[str]) -> Post:
    count = max(row.comment_count or 0, row.approved_comments or 0)
    return Post(
        id=row.id, title=row.title, blocks=tuple(Block(kind, text) for kind, text in row.blocks), url=row.url,
        published=as_utc(row.published), created=as_utc(row.created), updated=as_utc(row.updated),
        labels=tuple(labels), source=row.source,
        comment_count=count, metadata=dict(row.extra or {}), permalink=row.permalink, date_source=row.date_source,
    )


def _labels_for(conn: Connection, ids: Sequence[int], table: Table = post_labels) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {i: [] for i in ids}
    if ids:
        query = select(table.c.post_id, table.c.label).where(table.c.post_id.in_(ids))
        for row in conn.execute(query.order_by(table.c.post_id, table.c.position)):
            found[row.post_id].append(row.label)
    return found


# Every query here answers readers: drafts, scheduled and trashed posts stay on the editors' desk
# (store/desk.py reads those).
PUBLIC = posts.c.status == "published"
PUBLIC_ROW = post_rows.c.status == "published"  # the same of a row, seen or hidden


def _select_posts() -> Any:
    return select(posts, _COMMENT_COUNT).where(PUBLIC)


def posts_by_ids(conn: Connection, ids: Sequence[int], hidden: bool = False) -> dict[int, Post]:
    """Found by primary key, the status tested here: with it in the WHERE, SQLite (which keeps no statistics
    here) walked the status index over every published post instead (17 ms at 100,000 posts).

    `hidden` reads the tables under the views: posts a running ingest has added, as they will read
    once it publishes them (search/alongside.py indexes them meanwhile)."""
    if not ids:
        return {}
    post_table, label_table, comment_table = (post_rows, label_rows, comment_rows) if hidden else (
        posts, post_labels, comments)
    query = select(post_table, _comment_count(post_table, comment_table)).where(post_table.c.id.in_(list(ids)))
    rows = [row for row in conn.execute(query) if row.status == "published"]
    labels = _labels_for(conn, [r.id for r in rows], label_table)
    return {row.id: _post(row, labels[row.id]) for row in rows}


def as_stored(conn: Connection, added: Sequence[tuple[int, Post]]) -> list[Post]:
    """Posts this transaction has just inserted, as `posts_by_ids` would read them back: what was written, with
    the number, permalink and time the insert gave each (read back whole, a big file's every body would be read
    twice). Their comments are left out, counted: a new post has only the file's own."""
    if not added:
        return []
    rows = {row.id: row for row in conn.execute(
        select(post_rows.c.id, post_rows.c.permalink, post_rows.c.created, post_rows.c.status)
        .where(post_rows.c.id.in_([post_id for post_id, _ in added])))}
    return [replace(post, id=post_id, permalink=rows[post_id].permalink, created=as_utc(rows[post_id].created),
                    published=as_utc(post.published), comments=(),
                    comment_count=max(post.comment_count or 0, sum(c.approved for c in post.comments)))
            for post_id, post in added if rows[post_id].status == "published"]


def post_by_permalink(conn: Connection, permalink: str) -> Post | None:
    row = conn.execute(_select_posts().where(posts.c.permalink == permalink)).first()
    return _post(row, _labels_for(conn, [row.id])[row.id]) if row else None


def _newest_first() -> list[Any]:
    """Dated posts newest first, then undated ones (by when we stored them): an ingest time is no
    publication date, so a post nobody dated never sorts above one that is."""
    return [nulls_last(desc(posts.c.published)), desc(posts.c.id)]


def _month_range(year: int, month: int) -> tuple[datetime, datetime]:
    start = datetime(year, month, 1, tzinfo=UTC)
    end = datetime(year + month // 12, month % 12 + 1, 1, tzinfo=UTC)
    return start, end


def list_posts(conn: Connection, offset: int, limit: int, label: str | None = None,
               month: tuple[int, int] | None = None, rare_label: bool = False) -> list[Post]:
    """Newest first by published date, undated posts last; by label or month. Nothing is counted: a
    listing's total comes from `listing_counts`, kept per process (Archive.counts).

    A page walks the posts in date order. Of a label, it tests each post for the label, which finds a
    page of a common label at once but walks far for a rare one: for a `rare_label` it reads the
    label's posts first instead (fewer than the walk would pass).
    """
    if month is not None:
        return _month_page(conn, offset, limit, *_month_range(*month))
    query = _select_posts() if label is None else _select_posts().where(_labelled(label, rare_label))
    return _loaded(conn, query.order_by(*_newest_first()).offset(offset).limit(limit))


def _labelled(label: str, rare_label: bool) -> ColumnElement[bool]:
    """Whether a post carries the label, as a walk in date order asks it (see list_posts)."""
    labelled = post_labels.c.label == label
    if rare_label:
        return posts.c.id.in_(select(post_labels.c.post_id).where(labelled))
    return exists().where(post_labels.c.post_id == posts.c.id, labelled)


def _month_page(conn: Connection, offset: int, limit: int, start: datetime, end: datetime) -> list[Post]:
    """A month's dated posts are one range of the date index; its undated ones (filed by when they were
    stored) follow them, and are only counted past when a page starts after the last dated one."""
    published, created = posts.c.published, posts.c.created
    in_month = (published >= start, published < end)
    page = _loaded(conn, _select_posts().where(*in_month).order_by(*_newest_first()).offset(offset).limit(limit))
    if len(page) == limit:
        return page
    skip = 0
    if not page and offset:
        skip = offset - int(conn.execute(select(func.count()).select_from(posts).where(PUBLIC, *in_month)).scalar_one())
    undated = _select_posts().where(published.is_(None), created >= start, created < end)
    return page + _loaded(conn, undated.order_by(desc(posts.c.id)).offset(max(skip, 0)).limit(limit - len(page)))


def _loaded(conn: Connection, query: Any) -> list[Post]:
    rows = list(conn.execute(query))
    labels = _labels_for(conn, [r.id for r in rows])
    return [_post(r, labels[r.id]) for r in rows]


def iter_posts(conn: Connection, batch: int = 500) -> Iterator[Post]:
    """Every published post in id order, fetched in batches so memory stays flat.

    Each batch is the next rows by primary key, then those of them readers see. Asked in one query,
    SQLite walked the status index over every published post and sorted them, for every batch: 6.5 s a
    batch at a million posts, so a reindex, an export or a re-extraction there took hours."""
    last = 0
    while ids := list(conn.execute(select(post_rows.c.id).where(post_rows.c.id > last)
                                   .order_by(post_rows.c.id).limit(batch)).scalars()):
        found = posts_by_ids(conn, ids)
        yield from (found[post_id] for post_id in ids if post_id in found)
        last = ids[-1]


@dataclass(frozen=True)
class ListingCounts:
    """How many public posts each listing has: per (year, month) newest first, per label in name order."""

    months: tuple[tuple[int, int, int], ...]
    labels: tuple[tuple[str, int], ...]

    def total(self, label: str | None = None, month: tuple[int, int] | None = None) -> int:
        if label is not None:
            return dict(self.labels).get(label, 0)
        if month is not None:
            return next((n for year, number, n in self.months if (year, number) == month), 0)
        return sum(n for _, _, n in self.months)

    def as_json(self) -> dict[str, Any]:
        return {"months": [list(row) for row in self.months], "labels": [list(row) for row in self.labels]}

    @classmethod
    def from_json(cls, kept: dict[str, Any]) -> ListingCounts:
        """Back from `as_json`; a value of the wrong kind raises ValueError or TypeError."""
        return cls(tuple((int(y), int(m), int(n)) for y, m, n in kept["months"]),
                   tuple((str(label), int(n)) for label, n in kept["labels"]))


def listing_counts(conn: Connection) -> ListingCounts:
    """Counted in indexes alone, every row less the few the posts view hides: grouping the view read every
    post's row (months 4.7 s, labels 5.2 s at a million posts). Callers keep them (Archive.counts)."""
    return ListingCounts(tuple(_month_counts(conn)), tuple(_label_counts(conn)))


def _hiding(*columns: Any) -> list[Any]:
    """The rows of post_rows the posts view hides, each part found through its own index: stand-ins, and
    the new rows of running ingests. No row is in both parts, so `union_all` of them counts each once."""
    return [select(*columns).where(post_rows.c.replaces.is_not(None)),
            select(*columns).where(post_rows.c.batch.in_(select(ingests.c.id)), post_rows.c.replaces.is_(None))]


def _month_counts(conn: Connection) -> list[tuple[int, int, int]]:
    """(year, month, posts) newest first, by the date a post's permalink was built from, less the rows the
    view hides (few, each read)."""
    counts = _dated_per_month(conn) + _undated_per_month(conn)
    when = func.coalesce(post_rows.c.published, post_rows.c.created)
    # Every hidden row is written 'published' (the column's default), and the desk never reaches one.
    hidden = conn.execute(union_all(*_hiding(when))).scalars()
    counts.subtract((day.year, day.month) for day in hidden)
    return [(year, month, n) for (year, month), n in sorted(counts.items(), reverse=True) if n > 0]


def _dated_per_month(conn: Connection) -> Counter[tuple[int, int]]:
    """Each month with posts is a range of the (status, published, id) index, counted there, and a seek to the
    next month with any: grouping by a date function ran it on every post (1.4 s at a million)."""
    published = post_rows.c.published
    first = select(func.min(published)).where(PUBLIC_ROW)
    counts: Counter[tuple[int, int]] = Counter()
    found = conn.execute(first).scalar()
    while found is not None:
        start, end = _month_range(found.year, found.month)
        counts[(start.year, start.month)] = conn.execute(
            select(func.count()).where(PUBLIC_ROW, published >= start, published < end)).scalar_one()
        found = conn.execute(first.where(published >= end)).scalar()
    return counts


def _undated_per_month(conn: Connection) -> Counter[tuple[int, int]]:
    """Undated posts are filed by when they were stored: few, so their rows are read."""
    created = post_rows.c.created
    year, month = extract("year", created), extract("month", created)
    query = (select(year, month, func.count()).where(PUBLIC_ROW, post_rows.c.published.is_(None))
             .group_by(year, month))
    return Counter({(int(y), int(m)): int(n) for y, m, n in conn.execute(query)})


def _label_counts(conn: Connection) -> list[tuple[str, int]]:
    """Every shown label row is counted in the (label, batch, post_id) index (0021), less those of posts
    readers do not see: other statuses, and the rows the view hides."""
    unpublished = [status for status in POST_STATUSES if status != "published"]
    unseen = union(select(post_rows.c.id).where(post_rows.c.status.in_(unpublished)), *_hiding(post_rows.c.id))
    counts = _per_label(conn) - _per_label(conn, post_labels.c.post_id.in_(unseen))
    return sorted(counts.items())


def _per_label(conn: Connection, *where: ColumnElement[bool]) -> Counter[str]:
    query = select(post_labels.c.label, func.count()).where(*where).group_by(post_labels.c.label)
    return Counter({row[0]: int(row[1]) for row in conn.execute(query)})


def neighbours(conn: Connection, post: Post) -> tuple[Post | None, Post | None]:
    """(newer, older) in the site's newest-first order: dated by published, then undated by id.

    Each is one or two reads of a range of the (status, published, id) index: one OR across the dated and
    undated parts of the order made SQLite walk every published post (20 ms at 100,000 posts)."""
    published, post_id, mine = posts.c.published, posts.c.id, post.published
    if mine is None:
        newer = (_first(conn, [published.is_(None), post_id > post.id], [post_id])
                 or _first(conn, [published.is_not(None)], [published, post_id]))  # the oldest dated post
        older = _first(conn, [published.is_(None), post_id < post.id], [desc(post_id)])
    else:
        newer = _first(conn, [published >= mine, or_(published > mine, post_id > post.id)], [published, post_id])
        older = (_first(conn, [published <= mine, or_(published < mine, post_id < post.id)],
                        [desc(published), desc(post_id)])
                 or _first(conn, [published.is_(None)], [desc(post_id)]))  # the newest undated post
    return newer, older


def _first(conn: Connection, conditions: list[ColumnElement[bool]], order: list[Any]) -> Post | None:
    """The first public post in `order` meeting `conditions`, without its labels (a neighbour shows its title)."""
    row = conn.execute(_select_posts().where(*conditions).order_by(*order).limit(1)).first()
    return _post(row, []) if row else None


def max_post_id(conn: Connection) -> int:
    """The highest id given so far (0 for none): the sitemap splits the id range, so it never counts posts."""
    return int(conn.execute(select(func.max(posts.c.id))).scalar_one() or 0)


def permalinks_between(conn: Connection, first: int, last: int) -> list[tuple[str, datetime]]:
    """(permalink, last change) of the posts with ids first..last, in id order, without loading bodies.

    The last change is Post.last_changed, worked out in SQL so no post is loaded.
    """
    rewritten = posts.c.updated > posts.c.created
    when = case((rewritten, posts.c.updated), else_=func.coalesce(posts.c.published, posts.c.created))
    # The status is tested on the rows the id range reads: given it in SQL, SQLite walks every published post.
    query = (select(posts.c.permalink, posts.c.status, when.label("when"))
             .where(posts.c.id >= first, posts.c.id <= last).order_by(posts.c.id))
    return [(row.permalink, as_utc(row.when) or datetime.now(UTC)) for row in conn.execute(query)
            if row.status == "published"]


def status_counts(conn: Connection) -> dict[str, int]:
    """Shown posts per status: each status's rows counted in its index, less the few hidden ones (stand-ins,
    rows of running ingests), found through theirs. Grouping the view read every post's row: 5 s at 1M."""
    hidden = Counter(conn.execute(union_all(*_hiding(post_rows.c.status))).scalars())
    rows = {status: conn.execute(select(func.count()).where(post_rows.c.status == status)).scalar_one()
            for status in POST_STATUSES}
    return {status: int(n) - hidden[status] for status, n in rows.items() if n > hidden[status]}


def count_posts(conn: Connection) -> int:
    """Public posts, as `status_counts` counts them: counting the view read every post's row (4 s at a million,
    which the first search after a start waited for)."""
    return status_counts(conn).get("published", 0)


def post_ids_exist(conn: Connection, ids: Iterable[int]) -> set[int]:
    return set(conn.execute(select(posts.c.id).where(posts.c.id.in_(list(ids)))).scalars())
