"""Telling a damaged index file from any other error (search/damage.py): damage makes the index forget its state,
so it is rebuilt (hours at a million posts); anything else must leave the index as it was."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import pytest

from metalnomist.models import Block, Post
from metalnomist.search.damage import is_damage
from metalnomist.search.index import SearchIndex


class Case(NamedTuple):
    error: BaseException
    damage: bool


# Each message as Tantivy's TantivyError writes it (its Display, which tantivy-py raises as ValueError).
CASES = [
    # a torn .store file, seen by a search (tests/hostile/test_index_damage.py)
    Case(ValueError("An IO error occurred: 'expected another byte, found none'"), True),
    # a garbled .term file
    Case(ValueError("An IO error occurred: 'Fst data is corrupted: Fst(Error opening FST: expected API version 2, "
                    "got API version 18446744073709551615.'"), True),
    # TantivyError::DataCorruption: neither an I/O error nor a file that failed to open
    Case(ValueError("Data corrupted: 'Data corruption (in file `\"0f3c.store\"`): checksum mismatch.'"), True),
    # a segment file gone from under a reader
    Case(ValueError("Failed to open file for read: 'FileDoesNotExist(\"0f3c.idx\")'"), True),
    # what a caller got wrong, or another writer: the index itself is fine
    Case(ValueError("An invalid argument was passed: 'Query is invalid. FieldDoesNotExist(\"titel\")'"), False),
    Case(ValueError("Failed to acquire Lockfile: LockBusy. None"), False),
    Case(TypeError("argument 'query': 'str' object cannot be converted to 'Query'"), False),
    Case(OSError(28, "No space left on device"), False),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: str(c.error)[:40])
def test_damage_is_told_from_other_errors(case: Case) -> None:
    assert is_damage(case.error) is case.damage


def test_an_error_that_is_not_damage_leaves_the_index_state_alone(tmp_path: Path) -> None:
    """A caller's mistake while reading is raised as it is: forgetting the state would rebuild a sound index."""
    index = SearchIndex(tmp_path / "index")
    post = Post(id=1, title="Tin", blocks=(Block("paragraph", "tin smelter"),), url="https://x/tin",
                permalink="/tin.html")
    index.rebuild_from([[post]], 7, "archive-a", lambda n: None)
    with pytest.raises(TypeError):
        index.count("tin")  # type: ignore[arg-type]
    assert (index.applied_seq, index.archive, index.num_docs()) == (7, "archive-a", 1)
