"""Telling a damaged index file from any other error while reading the index.

Tantivy notices a damaged segment only when a search reads it: it answers with an I/O or
corruption error, or panics while decoding (pyo3's PanicException, a BaseException). Such a
read becomes one clear error and makes the index forget what it applied: the next catch-up
replays the whole log, which replaces every document (Tantivy then drops the damaged segments,
all of whose documents are deleted), and the next start rebuilds. Anything else stays as it was.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Concatenate, ParamSpec, Protocol, TypeVar

from metalnomist.errors import IndexUnavailable

_DAMAGE = re.compile(r"IO ?error|corrupt|Failed to open file", re.IGNORECASE)
P = ParamSpec("P")
R = TypeVar("R")


class Rebuildable(Protocol):
    path: Path

    def forget_state(self) -> None: ...


S = TypeVar("S", bound=Rebuildable)


def is_damage(exc: BaseException) -> bool:
    if type(exc).__name__ == "PanicException":
        return True
    return isinstance(exc, ValueError) and _DAMAGE.search(str(exc)) is not None


def damage_shows(method: Callable[Concatenate[S, P], R]) -> Callable[Concatenate[S, P], R]:
    """Wrap a reading method: a damaged file makes the index forget its state and raises IndexUnavailable."""

    def reading(self: S, /, *args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return method(self, *args, **kwargs)
        except BaseException as exc:
            if not is_damage(exc):
                raise
            self.forget_state()
            first_line = (str(exc).splitlines() or [type(exc).__name__])[0][:200]
            raise IndexUnavailable(f"the search index in {self.path} is damaged ({first_line}); "
                                   "it is being rebuilt from the database, please try again shortly") from None

    return reading
