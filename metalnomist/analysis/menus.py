"""The facts explorer's filter menus and the series menu, counted once per change to the facts.

Both are groupings of every fact, which /data and /data/series would otherwise redo for every
reader. They are kept per app (on app.state) and recounted when the facts revision moves
(store/revision.py), which every commit that changes a fact does: a reader never gets a menu
older than the facts the same request shows.
"""

from __future__ import annotations

from dataclasses import dataclass

from metalnomist.analysis.series import SeriesKey, series_keys
from metalnomist.store import Connection
from metalnomist.store.facts import FILTER_COLUMNS, distinct_values
from metalnomist.store.revision import facts_revision


@dataclass(frozen=True)
class Menus:
    choices: dict[str, tuple[str, ...]]  # filter column → its stored values, sorted
    series: tuple[SeriesKey, ...]  # what can be drawn, longest first


class MenuCache:
    """Two threads may recount at once after a change; both get the same answer, so there is no lock."""

    def __init__(self) -> None:
        self._revision: str | None = None
        self._menus = Menus({}, ())

    def get(self, conn: Connection) -> Menus:
        revision = facts_revision(conn)  # read first: a change during the count only makes the next one recount
        if revision != self._revision:
            choices = {name: tuple(distinct_values(conn, name)) for name in FILTER_COLUMNS}
            self._menus, self._revision = Menus(choices, tuple(series_keys(conn))), revision
        return self._menus
