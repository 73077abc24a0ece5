"""The facts explorer's filter menus and the series menu, counted once per change to the facts.

Both are groupings of every fact, which /data and /data/series would otherwise redo for every
reader. They are kept per app (on app.state) and recounted when the facts revision moves
(store/revision.py), which every commit that changes a fact does. The recount reads every fact,
so a reader waits for it only briefly (`MenuCache`); on a large archive, menus can trail the
facts by one count.

A page shows only the start of each menu (its most reported entries); the rest is found by what
a reader types, through a `PrefixIndex`, so what a request costs follows what it shows, not how
many companies or series the archive names.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from metalnomist.analysis.series import SeriesKey, series_keys
from metalnomist.recount import RECOUNT_WAIT_SECONDS, Keeping, Recounted
from metalnomist.store import Connection, Store
from metalnomist.store.fact_counts import value_counts
from metalnomist.store.facts import FILTER_COLUMNS
from metalnomist.store.revision import facts_revision

T = TypeVar("T")
_WORD_START = re.compile(r"(?:^|(?<=[\s\-/(]))\S")


def search_key(text: str) -> str:
    """What typed text and stored names are compared as: any case, `market_share` as `market share`."""
    return " ".join(text.replace("_", " ").casefold().split())


@dataclass(frozen=True)
class Choice:
    """A stored value of a filter and how many facts have it."""

    value: str
    facts: int


class PrefixIndex(Generic[T]):
    """Entries found by the start of any of their words (`tin` finds Rio Tinto), in O(log n + limit).

    `ranked` comes most reported first; `top` keeps that order, `find` answers in name order.
    """

    def __init__(self, ranked: Iterable[tuple[str, T]]) -> None:
        names, entries = list(ranked), []
        self.ranked: tuple[T, ...] = tuple(entry for _, entry in names)
        for rank, (name, _) in enumerate(names):
            key = search_key(name)
            entries += [(key[m.start():], rank) for m in _WORD_START.finditer(key)]
        entries.sort()
        self._keys = [key for key, _ in entries]
        self._ranks = [rank for _, rank in entries]

    def __len__(self) -> int:
        return len(self.ranked)

    def top(self, count: int) -> tuple[T, ...]:
        return self.ranked[:count]

    def find(self, typed: str, limit: int) -> list[T]:
        """Up to `limit` entries with a word starting with `typed`; the most reported first without text."""
        prefix = search_key(typed)
        if not prefix:
            return list(self.top(limit))
        found: dict[int, None] = {}
        at = bisect_left(self._keys, prefix)
        while at < len(self._keys) and len(found) < limit and self._keys[at].startswith(prefix):
            found.setdefault(self._ranks[at])
            at += 1
        return [self.ranked[rank] for rank in found]


@dataclass(frozen=True)
class Menus:
    choices: dict[str, PrefixIndex[Choice]]  # filter column → its stored values, most facts first
    series: PrefixIndex[SeriesKey]  # what can be drawn, longest first

    def names(self, column: str) -> list[str]:
        """Every value of a filter column, for the nearest names to a value no fact has."""
        return [choice.value for choice in self.choices[column].ranked]

    @classmethod
    def count(cls, conn: Connection) -> Menus:
        return cls._of({name: value_counts(conn, name) for name in FILTER_COLUMNS}, series_keys(conn))

    @classmethod
    def _of(cls, counts: dict[str, list[tuple[str, int]]], series: Iterable[SeriesKey]) -> Menus:
        choices = {name: PrefixIndex((value, Choice(value, facts)) for value, facts in counts[name])
                   for name in FILTER_COLUMNS}
        return cls(choices, PrefixIndex((key.title, key) for key in series))

    def as_json(self) -> dict[str, Any]:
        return {"choices": {name: [[c.value, c.facts] for c in index.ranked] for name, index in self.choices.items()},
                "series": [[k.commodity, k.metric, k.country, k.partner, k.unit, k.points, k.grain]
                           for k in self.series.ranked]}

    @classmethod
    def from_json(cls, kept: dict[str, Any]) -> Menus:
        """Back from `as_json`; a missing menu or a value of the wrong kind raises KeyError, ValueError or TypeError."""
        counts = {name: [(str(value), int(facts)) for value, facts in kept["choices"][name]] for name in FILTER_COLUMNS}
        return cls._of(counts, (SeriesKey(*row) for row in kept["series"]))


class MenuCache(Recounted[Menus]):
    """The menus of the latest facts revision (see metalnomist/recount.py for when a reader waits), kept
    for the next process by `keeping` when given."""

    def __init__(self, store: Store, wait_seconds: float = RECOUNT_WAIT_SECONDS,
                 keeping: Keeping[Menus] | None = None) -> None:
        def revision() -> str:
            with store.reading() as conn:
                return facts_revision(conn)

        def count() -> Menus:
            with store.reading() as conn:
                return Menus.count(conn)

        super().__init__("menu-count", revision, count, wait_seconds, keeping=keeping)
