"""The label cloud's and the month archive's counts, made from indexes less the rows readers do not see,
equal what the posts view shows: at month edges, for undated posts, with drafts, trash and a running
ingest's hidden rows about (store/posts.py `listing_counts`); so do the count of public posts and the walk
over every public post that a reindex, an export and a re-extraction make."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime

from sqlalchemy import Connection, select

from metalnomist.models import Block, Post
from metalnomist.pipeline import Archive
from metalnomist.store.desk import create_post, set_status
from metalnomist.store.ingests import begin_ingest, clear_published, publish_ingest, write_hidden
from metalnomist.store.posts import count_posts, iter_posts, listing_counts, upsert_post
from metalnomist.store.schema import as_utc, post_labels, posts


def _post(title: str, published: datetime | None, labels: tuple[str, ...]) -> Post:
    return Post(title=title, blocks=(Block("paragraph", f"{title}: nickel imports rose."),), published=published,
                labels=labels, url=f"https://example.com/{title.replace(' ', '-')}")


def _seen(conn: Connection) -> tuple[list[tuple[int, int, int]], list[tuple[str, int]]]:
    """The counts read the plain way, row by row from the views."""
    public = posts.c.status == "published"
    months = Counter((when.year, when.month) for published, created in
                     conn.execute(select(posts.c.published, posts.c.created).where(public))
                     for when in [as_utc(published or created)] if when is not None)
    labels = Counter(conn.execute(select(post_labels.c.label).join(posts, posts.c.id == post_labels.c.post_id)
                                  .where(public)).scalars())
    return [(y, m, n) for (y, m), n in sorted(months.items(), reverse=True)], sorted(labels.items())


def _check(archive: Archive) -> tuple[list[tuple[int, int, int]], list[tuple[str, int]]]:
    with archive.store.reading() as conn:
        counted, seen, total = listing_counts(conn), _seen(conn), count_posts(conn)
        public = conn.execute(select(posts.c.id, posts.c.title).where(posts.c.status == "published")
                              .order_by(posts.c.id)).all()
        walked = [(post.id, post.title) for post in iter_posts(conn, batch=2)]
    assert (list(counted.months), list(counted.labels)) == seen
    assert walked == [tuple(row) for row in public]
    assert total == counted.total() == sum(n for _, _, n in seen[0])
    return seen


def test_counts_equal_what_readers_see_at_every_step_of_an_ingest(archive: Archive) -> None:
    march_end, april_start = datetime(2024, 3, 31, 23, 59, 59, tzinfo=UTC), datetime(2024, 4, 1, tzinfo=UTC)
    now = datetime(2024, 6, 1, tzinfo=UTC)
    with archive.store.transaction() as conn:
        upsert_post(conn, _post("Last of March", march_end, ("Nickel", "Japan")))
        upsert_post(conn, _post("First of April", april_start, ("Nickel",)))
        upsert_post(conn, _post("Undated", None, ("Copper",)))
        upsert_post(conn, _post("Old one", datetime(2019, 12, 15, tzinfo=UTC), ("Copper",)))
        create_post(conn, "A draft", (Block("paragraph", "Unseen."),), ("Nickel", "Draft only"), now)
        trashed = create_post(conn, "Trashed", (Block("paragraph", "Gone."),), ("Copper",), now)
        set_status(conn, trashed, "published", None, now)
        set_status(conn, trashed, "trash", None, now)
    months, labels = _check(archive)
    assert months[-1] == (2019, 12, 1) and (2024, 3, 1) in months and (2024, 4, 1) in months
    assert labels == [("Copper", 2), ("Japan", 1), ("Nickel", 2)]

    # A running ingest: a new version of "Last of March" (relabelled, moved to May) and a new post.
    ingest = begin_ingest(archive.store)
    changed = _post("Last of March", datetime(2024, 5, 2, tzinfo=UTC), ("Cobalt",))
    with archive.store.transaction() as conn:
        written, _ = write_hidden(conn, ingest, [changed, _post("New", april_start, ("Nickel", "New"))], {}, None)
    assert [done.placed for done in written] == ["updated", "added"]
    assert _check(archive) == (months, labels)  # nothing of the ingest shows yet
    with archive.store.transaction() as conn:
        publish_ingest(conn, ingest)
    months, labels = _check(archive)
    assert (2024, 3, 1) not in months and (2024, 5, 1) in months and (2024, 4, 2) in months
    assert labels == [("Cobalt", 1), ("Copper", 2), ("New", 1), ("Nickel", 2)]
    clear_published(archive.store)
    assert _check(archive) == (months, labels)
