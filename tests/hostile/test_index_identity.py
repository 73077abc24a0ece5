"""An index answers only for the archive it was built from, even when a database file is swapped."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from metalnomist.config import Settings
from metalnomist.pipeline import ingest_file, open_archive
from metalnomist.search.service import SearchRequest, search


def make_archive(tmp_path: Path, name: str, word: str, index: Path) -> Path:
    """An archive of two posts about `word`: two changes, as many as the other one has."""
    settings = Settings(db=f"sqlite:///{tmp_path}/{name}.db", index_dir=str(index), extract_facts=False)
    archive = open_archive(settings)
    path = tmp_path / f"{name}.jsonl"
    path.write_text("\n".join(json.dumps({"title": f"{word.title()} {i}", "body": f"{word} market"})
                              for i in range(2)))
    ingest_file(archive, path)
    archive.close()
    return tmp_path / f"{name}.db"


def test_a_swapped_database_with_as_many_changes_is_reindexed(tmp_path: Path) -> None:
    shared_index = tmp_path / "index"
    cobalt = make_archive(tmp_path, "cobalt", "cobalt", shared_index)
    nickel = make_archive(tmp_path, "nickel", "nickel", tmp_path / "other-index")
    shutil.copyfile(nickel, cobalt)  # same path, same change count, another archive
    archive = open_archive(Settings(db=f"sqlite:///{cobalt}", index_dir=str(shared_index)))
    try:
        hits = search(archive.store, archive.index, SearchRequest("nickel")).hits
        assert sorted(h.post.title for h in hits) == ["Nickel 0", "Nickel 1"]
        assert all("nickel" in h.snippet.lower() for h in hits)
        assert search(archive.store, archive.index, SearchRequest("cobalt")).total == 0
    finally:
        archive.close()
