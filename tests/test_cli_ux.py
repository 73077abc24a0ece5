"""What a new user meets on the command line: paging hints, plain snippets, absolute URLs, folders, docs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from metalnomist.cli import cli
from tests.conftest import SEED


def run(db: str, *args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["--db", db, *args], catch_exceptions=False, env=env)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def seeded_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("METALNOMIST_INDEX_DIR", str(tmp_path / "index"))
    db = f"sqlite:///{tmp_path}/cli.db"
    assert run(db, "ingest", str(SEED))[0] == 0
    return db


def test_search_says_which_results_it_shows_and_how_to_see_more(seeded_db: str) -> None:
    code, out, _ = run(seeded_db, "search", "Japan")
    assert code == 0 and out.splitlines()[-1] == "showing 1–10 of 20 (--offset 10 for more)"
    code, out, _ = run(seeded_db, "search", "Japan", "--offset", "10")
    assert out.splitlines()[-1] == "showing 11–20 of 20"
    assert "<mark>" not in out and "[Japan" in out  # plain text on the terminal, matches in brackets


def test_search_refuses_an_offset_deeper_than_the_search_serves(seeded_db: str) -> None:
    """Past MAX_OFFSET the service would clamp: the command says so instead of showing another page."""
    from metalnomist.search.service import MAX_OFFSET

    result = CliRunner().invoke(cli, ["--db", seeded_db, "search", "Japan", "--offset", str(MAX_OFFSET + 1)])
    assert result.exit_code == 2 and "--offset" in result.output
    assert run(seeded_db, "search", "Japan", "--offset", str(MAX_OFFSET))[0] == 0


def test_search_json_keeps_html_apart_and_gives_absolute_urls_when_the_site_is_known(seeded_db: str) -> None:
    _, out, _ = run(seeded_db, "search", "palladium", "--json")
    first = json.loads(out.splitlines()[0])
    assert first["url"].startswith("/") and "<mark>" in first["snippet_html"]
    assert "<" not in first["snippet"] and "palladium" in first["snippet"].lower()
    _, out, _ = run(seeded_db, "search", "palladium", "--json", env={"METALNOMIST_SITE_URL": "https://news.example.com/"})
    first = json.loads(out.splitlines()[0])
    assert first["url"].startswith("https://news.example.com/20") and first["url"].endswith(".html")


def test_ingest_of_a_folder_skips_files_no_reader_recognises_and_names_those_that_fail(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("METALNOMIST_INDEX_DIR", str(tmp_path / "index"))
    folder = tmp_path / "samples"
    folder.mkdir()
    (folder / "zinc.html").write_text(ARTICLE)
    (folder / "zinc.expected.json").write_text('{"title": "Zinc smelters cut output"}')
    (folder / "notes.md").write_text("# what these files are\n")
    code, out, err = run(f"sqlite:///{tmp_path}/cli.db", "ingest", str(folder))
    assert code == 0 and out.startswith("1 added")
    assert "skipped 2 files no reader recognises (.expected.json, .md)" in err
    (folder / "broken.html").write_text("<html><body><nav>menu</nav></body></html>")
    code, out, err = run(f"sqlite:///{tmp_path}/cli.db", "ingest", str(folder))
    assert code == 1 and out.startswith("0 added, 0 updated, 1 unchanged")
    assert f"1 file looked like posts but could not be read: {folder / 'broken.html'}" in err


ARTICLE = """<!doctype html><html><head><title>Zinc smelters cut output</title></head>
<body><article><h1>Zinc smelters cut output</h1>
<p>Zinc smelters in Europe cut output in April as power prices rose again, the industry body said on Friday.</p>
<p>Output fell 4% from March to 180,000 tonnes, with two plants in Germany idled for maintenance.</p>
</article></body></html>"""


@pytest.mark.parametrize(("line", "where"), [
    ('{"title": "x", "body": "y"', "column 27 (the end of the line): Expecting ',' delimiter"),  # unfinished
    ('{"title": "x", "body": y}', "column 24: Expecting value"),
    ('{"title": "é", "body": "y",}', "column 28: Expecting property name"),  # characters, not bytes
])
def test_a_broken_json_line_is_reported_at_its_real_column(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                           line: str, where: str) -> None:
    monkeypatch.setenv("METALNOMIST_INDEX_DIR", str(tmp_path / "index"))
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"title": "ok", "body": "ok"}\n' + line + "\n")
    code, _, err = run(f"sqlite:///{tmp_path}/cli.db", "ingest", str(bad))
    assert code == 1 and f"{bad}, line 2: invalid JSON at {where}" in err
