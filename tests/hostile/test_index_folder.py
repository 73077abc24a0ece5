"""The index folder holds only the index: it never deletes a file it did not write."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from metalnomist.config import Settings
from metalnomist.errors import ConfigError
from metalnomist.pipeline import ingest_file, open_archive
from metalnomist.search.folder import MARKER, is_owned
from metalnomist.search.index import SearchIndex
from metalnomist.search.service import SearchRequest, search


def test_a_folder_of_someone_elses_files_is_refused_and_left_alone(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "thesis.txt").write_text("years of work")
    with pytest.raises(ConfigError, match=f"{docs} holds files that are not a search index.*thesis.txt"):
        SearchIndex(docs)
    assert (docs / "thesis.txt").read_text() == "years of work"
    assert sorted(p.name for p in docs.iterdir()) == ["thesis.txt"]



def test_a_file_where_the_index_folder_should_be_is_refused_naming_the_setting(tmp_path: Path) -> None:
    """One error people can act on, not the operating system's bare "File exists"."""
    taken = tmp_path / "index"
    taken.write_text("someone's file")
    with pytest.raises(ConfigError, match=f"{taken} is not a folder; set METALNOMIST_INDEX_DIR"):
        SearchIndex(taken)
    assert taken.read_text() == "someone's file"

def test_reading_commands_work_when_the_index_folder_is_refused(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "notes.md").write_text("mine")
    archive = open_archive(Settings(db=f"sqlite:///{tmp_path}/a.db", index_dir=str(docs), extract_facts=False))
    try:
        path = tmp_path / "p.jsonl"
        path.write_text(json.dumps({"title": "Tin", "body": "tin smelter"}))
        with pytest.raises(ConfigError, match="METALNOMIST_INDEX_DIR"):
            ingest_file(archive, path)
        with archive.store.reading() as conn:
            from metalnomist.store.posts import count_posts

            assert count_posts(conn) == 1  # the database part stands
    finally:
        archive.close()
    assert (docs / "notes.md").read_text() == "mine"


def test_resetting_an_index_deletes_only_index_files(tmp_path: Path) -> None:
    settings = Settings(db=f"sqlite:///{tmp_path}/a.db", index_dir=str(tmp_path / "index"), extract_facts=False)
    archive = open_archive(settings)
    path = tmp_path / "p.jsonl"
    path.write_text(json.dumps({"title": "Tin", "body": "tin smelter"}))
    ingest_file(archive, path)
    archive.close()
    index = tmp_path / "index"
    assert (index / MARKER).exists()
    (index / "README.txt").write_text("a note someone left here")
    (index / "state.json").unlink()  # state lost: the index starts again
    archive = open_archive(settings)
    try:
        assert [h.post.title for h in search(archive.store, archive.index, SearchRequest("tin")).hits] == ["Tin"]
    finally:
        archive.close()
    assert (index / "README.txt").read_text() == "a note someone left here"


def test_an_index_folder_from_before_the_marker_is_adopted(tmp_path: Path) -> None:
    index = tmp_path / "index"
    SearchIndex(index)
    (index / MARKER).unlink()
    SearchIndex(index)
    assert (index / MARKER).exists()


def test_a_folder_from_before_the_marker_with_a_state_left_half_saved_is_adopted(tmp_path: Path) -> None:
    """A crash between writing `state.tmp` and renaming it leaves that file: it is ours, not someone's document."""
    index = tmp_path / "index"
    SearchIndex(index)
    (index / MARKER).unlink()
    (index / "state.tmp").write_text('{"schema": 1, "se')
    SearchIndex(index)
    assert (index / MARKER).exists()


@pytest.mark.parametrize(("name", "owned"), [
    ("0123456789abcdef0123456789abcdef.store", True),  # a segment's stored documents
    ("0123456789abcdef0123456789abcdef.42.del", True),  # its deletions as of opstamp 42 (an updated post)
    ("state.tmp", True),  # a state being saved when the process died
    ("counts.json.4242.tmp", True),  # counts being kept when process 4242 died (recount.py): a reset deletes it
    ("menus.json", True),
    ("thesis.txt", False),
    ("meta.json.bak", False),  # someone's copy, not Tantivy's
    ("0123456789abcdef0123456789abcdef.store.orig", False),
])
def test_the_index_knows_its_own_files_and_no_others(name: str, owned: bool) -> None:
    assert is_owned(name) is owned



def test_an_index_folder_is_made_with_the_folders_above_it(tmp_path: Path) -> None:
    """METALNOMIST_INDEX_DIR=/var/lib/metalnomist/index on a new machine: the first start makes the path."""
    index = SearchIndex(tmp_path / "var" / "lib" / "metalnomist" / "index")
    assert (index.path / MARKER).exists() and index.num_docs() == 0
