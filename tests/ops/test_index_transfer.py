"""`metalnomist index export | import`: a new node starts from another node's index, never another archive's."""

from __future__ import annotations

import shutil
import tarfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from metalnomist.cli import cli
from metalnomist.errors import ConfigError
from tests.conftest import SEED


def run(db: str, index: Path, *args: str) -> str:
    env = {"METALNOMIST_INDEX_DIR": str(index), "METALNOMIST_EXTRACT_FACTS": "false"}
    result = CliRunner(env=env).invoke(cli, ["--db", db, *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


def _post(folder: Path, title: str) -> Path:
    path = folder / "extra.jsonl"
    path.write_text(f'{{"title": "{title}", "body": "Molybdenum oxide prices eased 3%."}}\n')
    return path


def _files(index: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in index.iterdir()}


@pytest.fixture
def node_a(tmp_path: Path) -> tuple[str, Path]:
    """A node's archive (SQLite) and index, holding the sample posts."""
    db, index = f"sqlite:///{tmp_path}/a.db", tmp_path / "a-index"
    run(db, index, "ingest", str(SEED))
    return db, index


def test_a_new_node_starts_from_the_copy_and_catches_up(node_a: tuple[str, Path], tmp_path: Path) -> None:
    db, index = node_a
    out = run(db, index, "index", "export", str(tmp_path / "a.tar"))
    assert out.startswith("exported the index of archive ") and " at change 20 " in out
    run(db, index, "ingest", str(_post(tmp_path, "Molybdenum slips")))  # logged after the export
    copied_segments = {name for name in tarfile.open(tmp_path / "a.tar").getnames() if name.endswith(".store")}

    new_node = tmp_path / "b-index"
    out = run(db, new_node, "index", "import", str(tmp_path / "a.tar"))
    assert out.strip() == f"imported the index at change 20 from {tmp_path / 'a.tar'}; caught up to change 21"
    assert copied_segments <= set(_files(new_node))  # started from the copy, not rebuilt
    assert "Molybdenum slips" in run(db, new_node, "search", "molybdenum")
    assert "Palladium" in run(db, new_node, "search", "palladium")


def test_another_archives_index_is_refused_and_nothing_changes(node_a: tuple[str, Path], tmp_path: Path) -> None:
    db, index = node_a
    run(db, index, "index", "export", str(tmp_path / "a.tar"))
    other_db, other_index = f"sqlite:///{tmp_path}/other.db", tmp_path / "other-index"
    run(other_db, other_index, "ingest", str(SEED))  # the same posts, but another archive
    before = _files(other_index)
    with pytest.raises(ConfigError, match=r"a\.tar: it indexes another archive .*; nothing was imported"):
        run(other_db, other_index, "index", "import", str(tmp_path / "a.tar"))
    assert _files(other_index) == before


def test_a_copy_ahead_of_the_log_this_node_reads_is_refused(node_a: tuple[str, Path], tmp_path: Path) -> None:
    db, index = node_a
    behind = tmp_path / "behind.db"  # the same archive as it was: a replica that has not caught up
    run(db, index, "backup", str(behind))
    run(db, index, "ingest", str(_post(tmp_path, "Molybdenum slips")))
    run(db, index, "index", "export", str(tmp_path / "a.tar"))
    with pytest.raises(ConfigError, match="it has applied change 21 but .* has logged only 20"):
        run(f"sqlite:///{behind}", tmp_path / "b-index", "index", "import", str(tmp_path / "a.tar"))


@pytest.mark.parametrize(("member", "problem"), [
    ("../escape.idx", "is not a search index file"),  # would be written outside the folder
    ("notes.txt", "is not a search index file"),
])
def test_a_tar_with_anything_but_index_files_is_refused(node_a: tuple[str, Path], tmp_path: Path, member: str,
                                                         problem: str) -> None:
    db, index = node_a
    run(db, index, "index", "export", str(tmp_path / "a.tar"))
    shutil.copy(tmp_path / "a.tar", tmp_path / "bad.tar")
    (tmp_path / "extra").write_text("x")
    with tarfile.open(tmp_path / "bad.tar", "a") as tar:
        tar.add(tmp_path / "extra", arcname=member)
    with pytest.raises(ConfigError, match=f"{member!r} {problem}"):
        run(db, tmp_path / "b-index", "index", "import", str(tmp_path / "bad.tar"))
    assert not (tmp_path / "escape.idx").exists()


def test_export_refuses_an_existing_file_and_a_folder_without_an_index(node_a: tuple[str, Path],
                                                                       tmp_path: Path) -> None:
    db, index = node_a
    (tmp_path / "taken.tar").write_text("keep me")
    with pytest.raises(ConfigError, match="taken.tar already exists"):
        run(db, index, "index", "export", str(tmp_path / "taken.tar"))
    assert (tmp_path / "taken.tar").read_text() == "keep me"
    with pytest.raises(ConfigError, match="holds no built index"):
        run(db, tmp_path / "empty-index", "index", "export", str(tmp_path / "e.tar"))


def test_a_file_that_is_not_an_export_is_refused(node_a: tuple[str, Path], tmp_path: Path) -> None:
    db, _ = node_a
    (tmp_path / "plain.tar").write_text("not a tar")
    with pytest.raises(ConfigError, match="plain.tar: not an index export"):
        run(db, tmp_path / "b-index", "index", "import", str(tmp_path / "plain.tar"))
