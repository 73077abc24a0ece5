"""`metalnomist index export | import`: a new node starts from another node's index, never another archive's."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
import tarfile
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from metalnomist.cli import cli
from metalnomist.errors import ConfigError
from metalnomist.models import Block, Post
from metalnomist.search.folder import MARKER
from metalnomist.search.index import SCHEMA_VERSION, SearchIndex
from metalnomist.search.transfer import export_index
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


def assert_import_refused(db: str, index: Path, copy: Path, problem: str) -> None:
    """Importing `copy` is refused naming `problem`, and the index folder is as it was."""
    before = _files(index)
    with pytest.raises(ConfigError, match=problem):
        run(db, index, "index", "import", str(copy))
    assert _files(index) == before


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
    assert_import_refused(other_db, other_index, tmp_path / "a.tar",
                          r"a\.tar: it indexes another archive .*; nothing was imported")


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
    (".tantivy-writer.lock", "is not a search index file"),  # would replace a lock a running process holds
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


Member = tuple[tarfile.TarInfo, bytes]


def _rewritten(source: Path, dest: Path, change: Callable[[tarfile.TarInfo, bytes], Member | None]) -> Path:
    """A copy of the export `source` with each member passed through `change` (None leaves it out)."""
    with tarfile.open(source) as old, tarfile.open(dest, "w") as new:
        for member in old.getmembers():
            reader = old.extractfile(member)
            changed = change(member, reader.read() if reader else b"")
            if changed is not None:
                info, data = changed
                info.size = len(data)
                new.addfile(info, io.BytesIO(data))
    return dest


def test_a_copy_at_exactly_the_change_this_node_has_logged_is_imported(node_a: tuple[str, Path],
                                                                       tmp_path: Path) -> None:
    """The usual case: nothing was written since the export. Only a copy further on than the log is refused."""
    db, index = node_a
    run(db, index, "index", "export", str(tmp_path / "a.tar"))
    out = run(db, tmp_path / "b-index", "index", "import", str(tmp_path / "a.tar"))
    assert out.strip() == f"imported the index at change 20 from {tmp_path / 'a.tar'}; caught up to change 20"


def test_a_copy_in_another_index_format_is_refused(node_a: tuple[str, Path], tmp_path: Path) -> None:
    """An export from another version holds documents this version's schema cannot read."""
    db, index = node_a
    run(db, index, "index", "export", str(tmp_path / "a.tar"))

    def older(member: tarfile.TarInfo, data: bytes) -> Member:
        if member.name != "state.json":
            return member, data
        return member, json.dumps({**json.loads(data), "schema": SCHEMA_VERSION - 1}).encode()

    old = _rewritten(tmp_path / "a.tar", tmp_path / "old.tar", older)
    with pytest.raises(ConfigError, match=f"its index format {SCHEMA_VERSION - 1} is not this version's"):
        run(db, tmp_path / "b-index", "index", "import", str(old))
    assert not (tmp_path / "b-index").exists()


@pytest.mark.parametrize("left_out", ["state.json", "meta.json"])
def test_a_copy_without_its_state_or_segment_list_is_refused(node_a: tuple[str, Path], tmp_path: Path,
                                                            left_out: str) -> None:
    db, index = node_a
    run(db, index, "index", "export", str(tmp_path / "a.tar"))
    part = _rewritten(tmp_path / "a.tar", tmp_path / "part.tar",
                      lambda member, data: None if member.name == left_out else (member, data))
    with pytest.raises(ConfigError, match=f"{left_out} is missing, so this is not a whole index export"):
        run(db, tmp_path / "b-index", "index", "import", str(part))


def test_a_link_named_like_an_index_file_is_refused(node_a: tuple[str, Path], tmp_path: Path) -> None:
    """Only regular files are index files: a link would be read from wherever it points."""
    db, index = node_a
    run(db, index, "index", "export", str(tmp_path / "a.tar"))
    shutil.copy(tmp_path / "a.tar", tmp_path / "bad.tar")
    link = tarfile.TarInfo("0123456789abcdef0123456789abcdef.store")
    link.type, link.linkname = tarfile.SYMTYPE, "/etc/passwd"
    with tarfile.open(tmp_path / "bad.tar", "a") as tar:
        tar.addfile(link)
    with pytest.raises(ConfigError, match="0123456789abcdef0123456789abcdef.store' is not a search index file"):
        run(db, tmp_path / "b-index", "index", "import", str(tmp_path / "bad.tar"))


def test_a_copy_tantivy_cannot_open_is_refused_and_nothing_changes(node_a: tuple[str, Path], tmp_path: Path) -> None:
    """Damaged in transit: the node keeps the index it had rather than one that cannot answer."""
    db, index = node_a
    run(db, index, "index", "export", str(tmp_path / "a.tar"))

    def cut(member: tarfile.TarInfo, data: bytes) -> Member:
        return member, data[:len(data) // 2] if member.name.endswith(".store") else data

    damaged = _rewritten(tmp_path / "a.tar", tmp_path / "damaged.tar", cut)
    assert_import_refused(db, index, damaged, "Tantivy cannot open the index in it")


def test_a_half_written_copy_is_refused_and_nothing_changes(node_a: tuple[str, Path], tmp_path: Path) -> None:
    """An export still being copied over ends inside a file: refused as one clear error, not a traceback."""
    db, index = node_a
    run(db, index, "index", "export", str(tmp_path / "a.tar"))
    with tarfile.open(tmp_path / "a.tar") as tar:
        biggest = max(tar.getmembers(), key=lambda m: m.size)
    whole = (tmp_path / "a.tar").read_bytes()
    (tmp_path / "half.tar").write_bytes(whole[:biggest.offset_data + biggest.size // 2])
    assert_import_refused(db, index, tmp_path / "half.tar",
                          r"half\.tar: it ends inside a file .*; nothing was imported")


def test_importing_over_another_index_leaves_only_the_copy(node_a: tuple[str, Path], tmp_path: Path) -> None:
    """The segments of the index replaced are deleted, not left beside the copy's for ever."""
    db, index = node_a
    run(db, index, "index", "export", str(tmp_path / "a.tar"))
    target = tmp_path / "b-index"
    run(db, target, "reindex")  # the node's own index, built apart: other segment files
    copied = set(tarfile.open(tmp_path / "a.tar").getnames())
    assert {p.name for p in target.glob("*.store")}.isdisjoint(copied)
    run(db, target, "index", "import", str(tmp_path / "a.tar"))
    assert {p.name for p in target.iterdir() if p.name[0] != "."} == {n for n in copied if n[0] != "."}


def test_an_index_with_deleted_documents_keeps_them_deleted_in_the_copy(node_a: tuple[str, Path],
                                                                        tmp_path: Path) -> None:
    """An updated post's old document is deleted through a `<segment>.<opstamp>.del` file: a copy without it
    would show the post twice, once with words it no longer has."""
    db, index = node_a
    posts = [{"title": "Molybdenum slips", "url": "https://x/mo", "body": "Molybdenum oxide prices eased 3%."},
             {"title": "Tungsten holds", "url": "https://x/w", "body": "Tungsten concentrate was steady."}]
    (tmp_path / "two.jsonl").write_text("".join(json.dumps(p) + "\n" for p in posts))
    run(db, index, "ingest", str(tmp_path / "two.jsonl"))  # one segment of two documents
    (tmp_path / "again.jsonl").write_text(json.dumps({**posts[0], "body": "Molybdenum oxide prices rose 2%."}))
    run(db, index, "ingest", str(tmp_path / "again.jsonl"))  # one of them deleted from that segment
    assert any(p.name.endswith(".del") for p in index.iterdir())
    run(db, index, "index", "export", str(tmp_path / "a.tar"))
    new_node = tmp_path / "b-index"
    run(db, new_node, "index", "import", str(tmp_path / "a.tar"))
    assert run(db, new_node, "search", "molybdenum").startswith("1 posts")
    assert run(db, new_node, "search", "eased").startswith("0 posts")


def test_the_export_holds_the_index_files_and_not_the_folders_locks_or_marker(node_a: tuple[str, Path],
                                                                            tmp_path: Path) -> None:
    """Lock files belong to the processes of one node: imported over another's, they would replace files a
    running process holds a lock on."""
    db, index = node_a
    run(db, index, "index", "export", str(tmp_path / "a.tar"))
    names = set(tarfile.open(tmp_path / "a.tar").getnames())
    assert {"meta.json", "state.json", ".managed.json"} <= names
    assert names.isdisjoint({".tantivy-meta.lock", ".tantivy-writer.lock", MARKER})


def test_an_import_into_a_folder_of_other_files_is_refused_and_leaves_it_alone(node_a: tuple[str, Path],
                                                                                tmp_path: Path) -> None:
    """METALNOMIST_INDEX_DIR pointed by mistake at a folder of documents: nothing is written into it."""
    db, index = node_a
    run(db, index, "index", "export", str(tmp_path / "a.tar"))
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "thesis.txt").write_text("years of work")
    with pytest.raises(ConfigError, match="holds files that are not a search index"):
        run(db, docs, "index", "import", str(tmp_path / "a.tar"))
    assert _files(docs) == {"thesis.txt": b"years of work"}


def test_export_and_import_leave_no_working_folder_behind(node_a: tuple[str, Path], tmp_path: Path) -> None:
    """Each stages its files in a folder beside its target: one left behind holds a whole index's worth of
    disk (links to segments the index has since deleted), at every export, and after a refused import too."""
    db, index = node_a
    out, nodes = tmp_path / "out", tmp_path / "nodes"
    out.mkdir()
    nodes.mkdir()
    run(db, index, "index", "export", str(out / "a.tar"))
    assert sorted(p.name for p in out.iterdir()) == ["a.tar"]
    run(db, nodes / "b-index", "index", "import", str(out / "a.tar"))

    def cut(member: tarfile.TarInfo, data: bytes) -> Member:
        return member, data[:len(data) // 2] if member.name.endswith(".store") else data

    with pytest.raises(ConfigError, match="Tantivy cannot open"):
        run(db, nodes / "b-index", "index", "import", str(_rewritten(out / "a.tar", tmp_path / "damaged.tar", cut)))
    assert sorted(p.name for p in nodes.iterdir()) == ["b-index"]


def test_an_export_that_fails_midway_leaves_no_file(node_a: tuple[str, Path], tmp_path: Path) -> None:
    """A disk that fills while the tar is written (a file-size limit here) ends in an error and no file: not
    the export, nor a half-written `.partial` that a copy script or a later look could take for one."""
    db, index = node_a
    limited = ("import resource, signal\n"
               "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
               "resource.setrlimit(resource.RLIMIT_FSIZE, (20_000, 20_000))\n"
               "from metalnomist.cli import main\n"
               "main()\n")
    out = tmp_path / "out"
    out.mkdir()
    done = subprocess.run([sys.executable, "-c", limited, "--db", db, "index", "export", str(out / "a.tar")],
                          env={**os.environ, "METALNOMIST_INDEX_DIR": str(index)}, capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == 1 and "File too large" in done.stderr, done.stderr
    assert list(out.iterdir()) == []


def test_a_process_that_exported_its_index_goes_on_writing_it(tmp_path: Path) -> None:
    """The export holds the index's writer only while it copies: called from a process that keeps serving,
    the next change must be indexed, not wait for a lock the export never gave back."""
    index = SearchIndex(tmp_path / "index")
    index.rebuild_from([[_stored_post(1)]], 1, "archive-a", lambda n: None)
    export_index(index, tmp_path / "a.tar")
    index.apply([2], {2: _stored_post(2)}, 2, wait_seconds=1.0)
    assert (index.num_docs(), index.applied_seq) == (2, 2)


def _stored_post(post_id: int) -> Post:
    return Post(id=post_id, title=f"Molybdenum {post_id}", blocks=(Block("paragraph", "molybdenum oxide"),),
                url=f"https://x/{post_id}", permalink=f"/{post_id}.html")


def test_an_export_waits_for_a_commit_in_progress(node_a: tuple[str, Path], tmp_path: Path) -> None:
    """An ingest holds the index's writer while it commits: the export waits its turn instead of failing."""
    db, index = node_a
    held = [SearchIndex(index).index.writer(heap_size=50_000_000, num_threads=1)]  # another process's writer
    timer = threading.Timer(0.5, held.clear)  # ... let go half a second from now
    timer.start()
    out = run(db, index, "index", "export", str(tmp_path / "a.tar"))
    timer.join()
    assert " at change 20 " in out
