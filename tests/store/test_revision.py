"""The facts revision moves with every commit that changes a fact, and only then (caches depend on both)."""

from __future__ import annotations

import pytest

from metalnomist.pipeline import Archive, ingest_file, post_comment, reextract, sample_path
from metalnomist.store.revision import facts_revision, note_facts_changed


def revision(archive: Archive) -> str:
    with archive.store.reading() as conn:
        return facts_revision(conn)


def test_the_facts_revision_moves_when_facts_change(seeded: Archive) -> None:
    first = revision(seeded)
    reextract(seeded)  # the same posts, facts replaced: the change log does not move, the revision does
    second = revision(seeded)
    assert second != first
    ingest_file(seeded, sample_path(), "page")  # nothing changed, so no fact was replaced
    post_comment(seeded, 1, "Ana", "A comment changes no fact.", "127.0.0.1")
    assert revision(seeded) == second


def test_a_rolled_back_change_to_facts_leaves_the_revision_where_it_was(archive: Archive) -> None:
    """The note that facts changed belongs to one transaction: if it outlived a rollback on its pooled
    connection, the next commit there would move the revision and drop every cache for nothing."""
    before = revision(archive)
    with pytest.raises(RuntimeError), archive.store.transaction() as conn:
        note_facts_changed(conn)
        raise RuntimeError("the change failed")
    for _ in range(3):  # whichever pooled connection the note was left on
        with archive.store.transaction():
            pass
    assert revision(archive) == before
