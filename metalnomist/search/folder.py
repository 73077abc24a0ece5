"""The index folder: which files in it are the index's, so resetting it never touches anything else.

A folder is the index's when it holds our marker file, or is empty, or holds nothing but index
files (one written before the marker existed). Any other folder is refused: pointed by mistake
at a folder of documents, the index must not empty it.
"""

from __future__ import annotations

import fcntl
import os
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from metalnomist.errors import ConfigError

MARKER = ".metalnomist-index"
_OWNED = re.compile(r"""^(?:
      [0-9a-f]{32}(?:\.\d+)?\.(?:idx|pos|term|store|fast|fieldnorm|del)   # Tantivy segment files
    | meta\.json | \.managed\.json | \.tantivy-(?:meta|writer)\.lock        # Tantivy's bookkeeping
    | state\.json | state\.tmp | \.metalnomist-index                          # ours
    | (?:counts|menus)\.json(?:\.\d+\.tmp)?                                   # counts kept (recount.py)
    )$""", re.VERBOSE)
KEPT_COUNTS, KEPT_MENUS = "counts.json", "menus.json"  # what the node last counted, read when it starts


def is_owned(name: str) -> bool:
    return _OWNED.match(name) is not None


def claim(path: Path) -> None:
    """Create or adopt the folder as an index folder; refuse one holding anything else."""
    if path.exists() and not path.is_dir():  # mkdir would only say "File exists"
        raise ConfigError(f"search index folder {path} is not a folder; set METALNOMIST_INDEX_DIR to a folder")
    path.mkdir(parents=True, exist_ok=True)
    marker = path / MARKER
    if marker.exists():
        return
    foreign = sorted(p.name for p in path.iterdir() if not is_owned(p.name))
    if foreign:
        raise ConfigError(f"search index folder {path} holds files that are not a search index "
                          f"({', '.join(foreign[:3])}{' …' if len(foreign) > 3 else ''}); "
                          "set METALNOMIST_INDEX_DIR to an empty or new folder")
    marker.write_text("A Metalnomist search index: `metalnomist reindex` rebuilds it from the database.\n")


WRITER_LOCK = ".tantivy-writer.lock"
KEEP = {MARKER, ".tantivy-meta.lock", WRITER_LOCK}  # another process may hold a lock on these


@contextmanager
def no_writer(path: Path, wait_seconds: float = 0.0) -> Iterator[bool]:
    """Holds Tantivy's writer lock as its writers take it (an exclusive flock), once no writer holds it (waiting
    up to `wait_seconds`): yields whether it does. Only then may the folder be emptied: a writer may be building
    the index in it."""
    handle = os.open(path / WRITER_LOCK, os.O_RDWR | os.O_CREAT, 0o644)
    deadline = time.monotonic() + wait_seconds
    try:
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    yield False
                    return
                time.sleep(0.05)
        yield True
    finally:
        os.close(handle)  # and with it the lock


def clear(path: Path) -> None:
    """Delete the index's files (never the marker or lock files, never anything else)."""
    for entry in path.iterdir():
        if entry.name not in KEEP and is_owned(entry.name) and entry.is_file():
            entry.unlink(missing_ok=True)
