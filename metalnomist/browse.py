"""What readers browse, one function each for the pages, the API, the feeds and the CLI.

Listings, a post by its address, its comments and neighbours, labels, the month archive and the
sitemap's ranges: the interfaces ask here, never the store, so a rule about what readers may see
is written once.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from datetime import datetime

from metalnomist.errors import IndexUnavailable, NotFound
from metalnomist.models import Comment, Post, PostCard
from metalnomist.pipeline import Archive
from metalnomist.search.service import SearchRequest, search
from metalnomist.store.changes import changed_between, last_seq
from metalnomist.store.comments import list_comments
from metalnomist.store.posts import (
    list_posts,
    max_post_id,
    neighbours,
    permalinks_between,
    post_by_permalink,
    posts_by_ids,
)

RELATED = 5


def latest_posts(archive: Archive, offset: int, limit: int, label: str | None = None,
                 month: tuple[int, int] | None = None) -> tuple[list[Post], int]:
    """Newest first, of one label or one (year, month) when asked, and how many there are in all.

    The total is the kept count (Archive.counts), which can trail a change by one recount; what the page
    itself shows is exact: a last page gives the total, and a page with more after it raises it."""
    if label is not None and "\x00" in label:
        return [], 0  # no stored label holds a NUL (ingest strips it), and PostgreSQL would refuse the query
    counts = archive.counts.get()
    counted = counts.total(label, month)
    rare = label is not None and counted ** 2 < (offset + limit + 1) * counts.total()  # see list_posts
    with archive.store.reading() as conn:
        found = list_posts(conn, offset, limit + 1, label, month, rare)
    if len(found) > limit:
        return found[:limit], max(counted, offset + limit + 1)
    return found, offset + len(found) if found else min(counted, offset)


def post_at(archive: Archive, permalink: str) -> Post:
    with archive.store.reading() as conn:
        post = None if "\x00" in permalink else post_by_permalink(conn, permalink)  # as for labels: none has one
    if post is None:
        raise NotFound(f"{permalink} is not a post here; search for its title instead")
    return post


def comments_on(archive: Archive, post_id: int) -> list[Comment]:
    """A post's published comments, oldest first."""
    with archive.store.reading() as conn:
        return list_comments(conn, post_id)


def newer_and_older(archive: Archive, post: Post) -> tuple[Post | None, Post | None]:
    with archive.store.reading() as conn:
        return neighbours(conn, post)


def label_counts(archive: Archive) -> list[tuple[str, int]]:
    """(label, posts carrying it) in name order, as last counted (Archive.counts)."""
    return list(archive.counts.get().labels)


def similar_labels(cloud: list[tuple[str, int]], text: str) -> list[str]:
    """Labels of the (label, posts) cloud whose names resemble the query, for a search that found nothing.

    The pages pass the sidebar's cached cloud: counting every label again would make a search's cost
    grow with the archive."""
    names = [name for name, _ in cloud]
    wanted = text.strip().lower()[:200]
    if not wanted:
        return []
    by_lower = {n.lower(): n for n in names}
    close = difflib.get_close_matches(wanted, list(by_lower), n=5, cutoff=0.6)
    contained = [low for low in by_lower if wanted in low or low in wanted]
    return [by_lower[low] for low in dict.fromkeys(close + contained)][:8]


def related_posts(archive: Archive, post: Post, limit: int = RELATED) -> list[Post | PostCard]:
    """Posts sharing the most labels (newest first among equals), then what a more-like-this query on the
    title finds: any of its words, by relevance, so a post with labels of its own still has neighbours.
    None while a damaged search index is rebuilt: the post itself still shows."""
    try:
        return _related(archive, post, limit)
    except IndexUnavailable:
        return []


def _related(archive: Archive, post: Post, limit: int) -> list[Post | PostCard]:
    shared: Counter[int] = Counter()
    for label in post.labels[:8]:
        shared.update(i for i in archive.index.newest_with_label(label, 4 * limit) if i != post.id)
    chosen = [post_id for post_id, _ in shared.most_common(limit)]
    with archive.store.reading() as conn:
        found = posts_by_ids(conn, chosen)
    related: list[Post | PostCard] = [found[post_id] for post_id in chosen if post_id in found]
    words = " ".join(w for w in re.findall(r"\w{4,}", post.title)[:10])
    if len(related) < limit and words:
        page = search(archive.store, archive.index, SearchRequest(words, limit=2 * limit, match="any"))
        seen = {p.id for p in related} | {post.id}
        related += [h.post for h in page.hits if h.post.id not in seen][:limit - len(related)]
    return related


def posts_by_id(archive: Archive, ids: list[int]) -> dict[int, Post]:
    """The posts of these ids that exist, for showing facts or hits beside their posts."""
    with archive.store.reading() as conn:
        return posts_by_ids(conn, ids)


def change_log_position(archive: Archive) -> int:
    """The newest change-log sequence, which the search index catches up to."""
    return archive.store.log_head()


def highest_post_id(archive: Archive) -> int:
    with archive.store.reading() as conn:
        return max_post_id(conn)


def sitemap_range(archive: Archive, first_id: int, last_id: int,
                  known: int = -1) -> tuple[int, list[tuple[str, datetime]] | None]:
    """The change-log position and (permalink, last change) of the posts whose ids lie in the range, in id order;
    None for the list when no post of the range changed after position `known`, which a caller built it at.

    The position is read first: a write landing between the two reads shows as a change next time."""
    with archive.store.reading() as conn:
        seq = last_seq(conn)
        if known >= 0 and (seq == known or not changed_between(conn, known, first_id, last_id)):
            return seq, None
        return seq, permalinks_between(conn, first_id, last_id)
