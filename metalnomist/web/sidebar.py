"""What the sidebar shows on every page: the label cloud and Blogger's archive by month.

The store has no month grouping yet, so the month index is built here from post dates and
cached against the change log's last sequence number: any write to a post invalidates it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from metalnomist.models import Post
from metalnomist.pipeline import Archive
from metalnomist.store.changes import last_seq
from metalnomist.store.posts import iter_posts, label_counts, posts_by_ids

MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December")


@dataclass(frozen=True)
class Month:
    year: int
    month: int
    count: int

    @property
    def name(self) -> str:
        return MONTH_NAMES[self.month - 1]

    @property
    def url(self) -> str:
        return f"/{self.year:04d}/{self.month:02d}/"


@dataclass(frozen=True)
class Year:
    year: int
    count: int
    months: tuple[Month, ...]


def _date_of(post: Post) -> datetime | None:
    """The date the permalink was built from: published, else first stored."""
    return post.published or post.created


class MonthIndex:
    """(year, month) → post ids newest first, rebuilt only when the change log has moved.

    One per app (kept on app.state), so two archives never share a cache. Two threads may
    rebuild at once after a change; both get the same answer, so there is no lock.
    """

    def __init__(self) -> None:
        self._seq = -1
        self._ids: dict[tuple[int, int], list[int]] = {}

    def ids_by_month(self, archive: Archive) -> dict[tuple[int, int], list[int]]:
        with archive.store.reading() as conn:
            seq = last_seq(conn)
            if seq == self._seq:
                return self._ids
            dated = [(when, post.id) for post in iter_posts(conn) if (when := _date_of(post)) and post.id]
        dated.sort(reverse=True)
        grouped: dict[tuple[int, int], list[int]] = {}
        for when, post_id in dated:
            grouped.setdefault((when.year, when.month), []).append(post_id)
        self._ids, self._seq = grouped, seq
        return grouped

    def years(self, archive: Archive) -> list[Year]:
        """Newest year first, each with its months newest first, as Blogger's archive widget lists them."""
        years: dict[int, list[Month]] = {}
        for (year, month), ids in self.ids_by_month(archive).items():
            years.setdefault(year, []).append(Month(year, month, len(ids)))
        return [Year(y, sum(m.count for m in ms), tuple(sorted(ms, key=lambda m: -m.month)))
                for y, ms in sorted(years.items(), reverse=True)]

    def posts(self, archive: Archive, year: int, month: int, offset: int, limit: int) -> tuple[list[Post], int]:
        """One page of a month's posts, newest first, and how many the month holds."""
        ids = self.ids_by_month(archive).get((year, month), [])
        page = ids[offset:offset + limit]
        with archive.store.reading() as conn:
            found = posts_by_ids(conn, page)
        return [found[i] for i in page if i in found], len(ids)


def sidebar(archive: Archive, months: MonthIndex) -> dict[str, Any]:
    """Label cloud with a size class per label (1–5 by share of the largest), and the archive."""
    with archive.store.reading() as conn:
        labels = label_counts(conn)
    biggest = max((n for _, n in labels), default=1)
    cloud = [{"name": name, "count": n, "size": 1 + round(4 * (n - 1) / max(biggest - 1, 1))} for name, n in labels]
    return {"labels": cloud, "years": months.years(archive)}
