"""The facts revision moves with every commit that changes a fact, and only then (caches depend on both)."""

from __future__ import annotations

from metalnomist.pipeline import Archive, ingest_file, post_comment, reextract, sample_path
from metalnomist.store.revision import facts_revision


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
