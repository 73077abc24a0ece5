"""A search started while another process writes the index answers from what is indexed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from metalnomist.cli import cli
from metalnomist.config import Settings
from metalnomist.pipeline import open_archive, store_file
from metalnomist.search.index import SearchIndex
from tests.conftest import SEED


def run(db: str, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--db", db, *args], catch_exceptions=False)
    return result.exit_code, result.stdout


def test_search_answers_while_another_process_holds_the_index_writer(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    index = tmp_path / "index"
    monkeypatch.setenv("METALNOMIST_INDEX_DIR", str(index))
    db = f"sqlite:///{tmp_path}/a.db"
    assert run(db, "ingest", str(SEED))[0] == 0
    archive = open_archive(Settings(db=db, index_dir=str(index), extract_facts=False))
    path = tmp_path / "tin.jsonl"
    path.write_text(json.dumps({"title": "Tin news", "body": "tin smelter"}))
    store_file(archive, path)  # stored, not yet indexed
    archive.close()

    held = SearchIndex(index).index.writer(heap_size=50_000_000, num_threads=1)  # a long ingest or reindex
    code, out = run(db, "search", "palladium")
    assert code == 0 and out.startswith("1 posts")  # at once, from what is indexed
    assert run(db, "search", "tin")[1].startswith("0 posts")  # the writer's catch-up will bring it
    del held
    assert run(db, "search", "tin")[1].startswith("1 posts")
