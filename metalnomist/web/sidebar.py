"""What the sidebar shows on every page: the label cloud and Blogger's archive by month."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from metalnomist.months import MONTHS
from metalnomist.pipeline import Archive


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


def _group(counts: Iterable[tuple[int, int, int]]) -> list[Year]:
    years: dict[int, list[Month]] = {}
    for year, month, count in counts:
        years.setdefault(year, []).append(Month(year, month, count))
    return [Year(y, sum(m.count for m in ms), tuple(ms)) for y, ms in years.items()]


def sidebar(archive: Archive) -> dict[str, Any]:
    """Label cloud with a size class per label (1–5 by share of the largest), and the archive by month as
    Blogger's widget lists it: newest year first, each with its months newest first. Both as last counted
    (Archive.counts): every page shows them, so no page counts them."""
    counts = archive.counts.get()
    biggest = max((n for _, n in counts.labels), default=1)
    cloud = [{"name": name, "count": n, "size": 1 + round(4 * (n - 1) / max(biggest - 1, 1))}
             for name, n in counts.labels]
    return {"labels": cloud, "years": _group(counts.months)}
