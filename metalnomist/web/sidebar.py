"""What the sidebar shows on every page: the label cloud and Blogger's archive by month."""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from metalnomist.browse import archive_counts
from metalnomist.months import MONTHS
from metalnomist.pipeline import Archive

REFRESH_SECONDS = 10.0  # during a bulk ingest, regroup at most this often


@dataclass(frozen=True)
class Month:
    year: int
    month: int
    count: int

    @property
    def name(self) -> str:
        return MONTHS[self.month - 1]

    @property
    def url(self) -> str:
        return f"/{self.year:04d}/{self.month:02d}/"


@dataclass(frozen=True)
class Year:
    year: int
    count: int
    months: tuple[Month, ...]


class SidebarCache:
    """The label cloud and the month archive, recounted by the database when the change log moves.

    Every page shows them and both are full-table counts, so they are checked at most every
    REFRESH_SECONDS. One per app (kept on app.state), so two archives never share a cache. Two
    threads may recount at once after a change; both get the same answer, so there is no lock.
    """

    def __init__(self) -> None:
        self._seq = -1
        self._checked = 0.0
        self._years: list[Year] = []
        self._labels: list[tuple[str, int]] = []

    def _refresh(self, archive: Archive) -> None:
        if self._seq >= 0 and time.monotonic() - self._checked < REFRESH_SECONDS:
            return
        counted = archive_counts(archive, unless_at=self._seq)
        if counted is not None:
            self._seq, months, self._labels = counted
            self._years = _group(months)
        self._checked = time.monotonic()

    def years(self, archive: Archive) -> list[Year]:
        """Newest year first, each with its months newest first, as Blogger's archive widget lists them."""
        self._refresh(archive)
        return self._years

    def labels(self, archive: Archive) -> list[tuple[str, int]]:
        """(label, posts) in name order."""
        self._refresh(archive)
        return self._labels


def _group(counts: list[tuple[int, int, int]]) -> list[Year]:
    years: dict[int, list[Month]] = {}
    for year, month, count in counts:
        years.setdefault(year, []).append(Month(year, month, count))
    return [Year(y, sum(m.count for m in ms), tuple(ms)) for y, ms in years.items()]


def sidebar(archive: Archive, cache: SidebarCache) -> dict[str, Any]:
    """Label cloud with a size class per label (1–5 by share of the largest), and the archive."""
    labels = cache.labels(archive)
    biggest = max((n for _, n in labels), default=1)
    cloud = [{"name": name, "count": n, "size": 1 + round(4 * (n - 1) / max(biggest - 1, 1))} for name, n in labels]
    return {"labels": cloud, "years": cache.years(archive)}
