"""Replaying the change log: every batch is applied, and a replayed post replaces its document."""

from __future__ import annotations

import json
from pathlib import Path

from metalnomist.pipeline import Archive, ingest_file
from metalnomist.search.index import SCHEMA_VERSION, SearchIndex
from metalnomist.search.service import SearchRequest, catch_up, search
from metalnomist.store.changes import last_seq


def ingest(archive: Archive, path: Path, posts: list[dict[str, str]]) -> None:
    path.write_text("\n".join(json.dumps(p) for p in posts) + "\n")
    ingest_file(archive, path)


def test_catch_up_applies_every_batch(archive: Archive, tmp_path: Path) -> None:
    ingest(archive, tmp_path / "a.jsonl",
           [{"title": f"Tungsten {i}", "url": f"https://x/{i}", "body": "tungsten concentrate"} for i in range(12)])
    with archive.store.reading() as conn:
        assert last_seq(conn) == 12
    behind = SearchIndex(tmp_path / "behind")  # a new node following the same log from the start
    assert catch_up(archive.store, behind, batch=5) == 12
    assert behind.num_docs() == 12
    assert behind.applied_seq == 12


def test_an_updated_post_has_one_document(archive: Archive, tmp_path: Path) -> None:
    post = {"title": "Antimony outlook", "url": "https://x/sb", "body": "antimony prices rise"}
    ingest(archive, tmp_path / "a.jsonl", [post])
    ingest(archive, tmp_path / "b.jsonl", [{**post, "body": "antimony prices fall"}])
    page = search(archive.store, archive.index, SearchRequest("antimony"))
    assert page.total == 1 and [h.post.title for h in page.hits] == ["Antimony outlook"]
    assert search(archive.store, archive.index, SearchRequest("rise")).total == 0
    assert archive.index.num_docs() == 1


def test_replaying_a_change_twice_keeps_one_document(archive: Archive, tmp_path: Path) -> None:
    ingest(archive, tmp_path / "a.jsonl", [{"title": "Bismuth", "url": "https://x/bi", "body": "bismuth"}])
    replay = SearchIndex(tmp_path / "replay")
    catch_up(archive.store, replay)
    with archive.store.reading() as conn:
        seq = last_seq(conn)
    # A crash after the index committed but before it saved the sequence: the change is applied again.
    (tmp_path / "replay" / "state.json").write_text(json.dumps({"schema": SCHEMA_VERSION, "seq": 0}))
    assert catch_up(archive.store, replay) == seq
    assert replay.num_docs() == 1
