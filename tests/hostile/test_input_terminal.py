"""CLI output (issue 8, item 16): escape sequences stored in titles or comments are shown, not obeyed."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from metalnomist.cli import _json_line, _safe, cli
from metalnomist.config import Settings
from metalnomist.models import Block, Comment, Post
from metalnomist.pipeline import open_archive
from metalnomist.store.comments import add_comment
from metalnomist.store.upsert import upsert_posts

CLEAR = "\x1b[2J\x1b]0;pwned\x07"  # clear the screen, set the window title
CSI = "\x9b31m"  # the one-byte C1 form of ESC [


def run(db: str, *args: str) -> str:
    result = CliRunner().invoke(cli, ["--db", db, *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """Rows written past the readers (which clean text), as an older archive or another tool may hold them."""
    url = f"sqlite:///{tmp_path}/t.db"
    monkeypatch.setenv("METALNOMIST_INDEX_DIR", str(tmp_path / "index"))
    archive = open_archive(Settings(db=url, index_dir=str(tmp_path / "index")))
    post = Post(title=f"Copper{CLEAR} prices{CSI}", blocks=(Block("paragraph", f"Copper rose{CLEAR} 3%{CSI}."),),
                labels=(f"Metals{CLEAR}",), url="https://example.com/escape")
    with archive.store.transaction() as conn:
        ((post_id, _),) = upsert_posts(conn, [post])
        add_comment(conn, Comment(author=f"Eve{CLEAR}", body=f"Hi{CSI}", published=datetime.now(UTC),
                                  post_id=post_id, approved=False), None)
    archive.close()
    return url


def assert_inert(output: str) -> None:
    assert not any(ch in output for ch in "\x1b\x07\x9b"), repr(output)


def test_search_shows_control_characters_escaped(db: str) -> None:
    output = run(db, "search", "copper")
    assert_inert(output)
    assert "Copper\\x1b[2J\\x1b]0;pwned\\x07 prices\\x9b31m" in output


def test_json_output_escapes_them_and_still_reads_back(db: str) -> None:
    for line in [*run(db, "search", "copper", "--json").splitlines(), *run(db, "posts").splitlines()]:
        assert_inert(line)
        assert json.loads(line)["title"] == f"Copper{CLEAR} prices{CSI}"


def test_held_comments_are_listed_escaped(db: str) -> None:
    output = run(db, "comments")
    assert_inert(output)
    assert "by Eve\\x1b[2J" in output and "Hi\\x9b31m" in output


def test_hostile_file_names_are_shown_escaped_in_ingest_errors(tmp_path: Path) -> None:
    """A folder's file names come from whoever filled it: a failed file and a skipped one are both named."""
    folder = tmp_path / "drop"
    folder.mkdir()
    (folder / f"posts{CLEAR}.jsonl").write_text('{"title": "Cobalt", "body": "Output fell."}\n{broken\n')
    (folder / f"notes.b{CSI}in").write_bytes(b"\x00\x01")
    result = CliRunner().invoke(cli, ["--db", f"sqlite:///{tmp_path}/t.db", "ingest", str(folder)],
                                env={"METALNOMIST_INDEX_DIR": str(tmp_path / "index")})
    assert result.exit_code == 1
    assert_inert(result.output)
    assert "posts\\x1b[2J\\x1b]0;pwned\\x07.jsonl" in result.output  # the failed file, in its error and the summary
    assert "line 2" in result.output and ".b\\x9b31min" in result.output  # the skipped file's kind


@pytest.mark.parametrize(("char", "shown"), [
    ("\x00", "\\x00"), ("\x08", "\\x08"),  # C0 up to backspace
    ("\t", "\t"), ("\n", "\n"),  # layout the output itself uses
    ("\x0b", "\\x0b"), ("\r", "\\x0d"),  # a carriage return would let a title overwrite the line before it
    ("\x1f", "\\x1f"), ("\x7f", "\\x7f"),  # the last C0, and DEL
    ("\x80", "\\x80"), ("\x9f", "\\x9f"),  # C1, the one-byte escapes
    ("\xa0", "\xa0"), ("é", "é"),  # text, past C1
])
def test_each_control_character_is_shown_and_nothing_else(char: str, shown: str) -> None:
    assert _safe(f"a{char}b") == f"a{shown}b"


@pytest.mark.parametrize(("char", "escaped"), [("\x1b", "\\u001b"), ("\x7f", "\\u007f"), ("\x9f", "\\u009f"),
                                               ("\xa0", "\xa0")])
def test_json_lines_escape_del_and_c1_which_json_leaves_raw(char: str, escaped: str) -> None:
    line = _json_line({"title": f"a{char}b"})
    assert line == f'{{"title": "a{escaped}b"}}' and json.loads(line) == {"title": f"a{char}b"}
