"""What a new user meets on the command line: paging hints, plain snippets, absolute URLs, folders, docs."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from metalnomist.cli import _plain, cli, main
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
    (folder / "LICENSE").write_text("MIT\n")  # no suffix: named by its name
    code, out, err = run(f"sqlite:///{tmp_path}/cli.db", "ingest", str(folder))
    assert code == 0 and out.startswith("1 added")
    assert "skipped 3 files no reader recognises (.expected.json, .md, LICENSE)" in err
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


DATED = [  # the oldest says copper most often: relevance and date disagree
    {"title": "Copper copper copper", "body": "Copper and zinc: copper rose.", "published": "2024-01-05T08:00:00Z",
     "labels": ["Copper"]},
    {"title": "Copper dips", "body": "Copper fell.", "published": "2024-03-05T08:00:00Z"},
    {"title": "Zinc and copper", "body": "Zinc and copper both rose.", "published": "2024-02-05T08:00:00Z",
     "labels": ["Zinc"]},
]


@pytest.fixture
def dated_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("METALNOMIST_INDEX_DIR", str(tmp_path / "index"))
    source = tmp_path / "dated.jsonl"
    source.write_text("".join(json.dumps(post) + "\n" for post in DATED))
    db = f"sqlite:///{tmp_path}/dated.db"
    assert run(db, "ingest", str(source))[0] == 0
    return db


def _titles(db: str, *args: str) -> list[str]:
    return [json.loads(line)["title"] for line in run(db, "search", *args, "--json")[1].splitlines()]


def test_by_date_lists_newest_first_and_relevance_otherwise(dated_db: str) -> None:
    newest_first = [p["title"] for p in sorted(DATED, key=lambda p: p["published"], reverse=True)]
    assert _titles(dated_db, "copper", "--by-date") == newest_first
    assert _titles(dated_db, "copper")[0] == "Copper copper copper"


def test_search_header_counts_posts_with_every_word_and_those_with_some(dated_db: str) -> None:
    every, some = len(_titles(dated_db, "copper zinc", "--match", "all")), len(_titles(dated_db, "copper zinc",
                                                                                         "--match", "any"))
    assert 0 < every < some
    code, out, _ = run(dated_db, "search", "copper zinc")  # by default: those with every word, then the rest
    lines = out.splitlines()
    assert code == 0 and lines[0] == (f"{every} posts contain every word · {some - every} more contain some of them, "
                                      "sorted by relevance for query 'copper zinc'")
    assert lines.count("     Missing: zinc") == some - every  # each post without a word says which
    code, out, _ = run(dated_db, "search", "copper")
    assert out.splitlines()[0] == f"{len(DATED)} posts sorted by relevance for query 'copper'"


def test_a_post_without_labels_says_so_beside_its_date(dated_db: str) -> None:
    _, out, _ = run(dated_db, "search", "dips")
    assert out.splitlines()[1] == "  1. Copper dips  [2024-03-05; no labels]"


def test_a_search_that_finds_nothing_shows_no_range(dated_db: str) -> None:
    code, out, _ = run(dated_db, "search", "rhenium")
    assert code == 0 and out.splitlines() == ["0 posts sorted by relevance for query 'rhenium'"]


def test_json_snippets_show_matched_words_without_marks(dated_db: str) -> None:
    for line in run(dated_db, "search", "copper", "--json")[1].splitlines():
        hit = json.loads(line)
        marked = re.findall(r"<mark>(.*?)</mark>", hit["snippet_html"])
        assert marked and all(word in hit["snippet"] and f"[{word}]" not in hit["snippet"] for word in marked)


@pytest.mark.parametrize(("snippet", "plain"), [
    ("Copper <mark>rose</mark> 3%", "Copper [rose] 3%"),
    ("Copper\n\n<mark>rose</mark>   again", "Copper [rose] again"),  # one line per hit on the terminal
    ("AT&amp;T paid &lt;5% &amp; more", "AT&T paid <5% & more"),  # entities decoded
    ("a &lt;b&gt; tag &lt;i&gt;", "a <b> tag <i>"),  # text that reads like a tag is text: decoded after tags go
])
def test_a_snippet_is_plain_text_on_the_terminal(snippet: str, plain: str) -> None:
    assert _plain(snippet) == plain


def test_facts_of_an_empty_archive_say_nothing_when_nothing_was_filtered(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("METALNOMIST_INDEX_DIR", str(tmp_path / "index"))
    assert run(f"sqlite:///{tmp_path}/empty.db", "facts") == (0, "", "")


def test_settings_lists_each_key_with_its_default(seeded_db: str) -> None:
    from metalnomist.config import describe

    code, out, _ = run(seeded_db, "settings")
    assert code == 0 and "METALNOMIST_PAGE_SIZE (default 10)\n" in out
    assert all(f"{key} (default {default})\n    {help_text}" in out for key, default, help_text in describe())


@pytest.mark.parametrize("problem", ["index folder under a file", "database folder missing"])
def test_main_reports_a_problem_in_one_line_naming_where_and_exits_1(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], problem: str) -> None:
    (tmp_path / "plain-file").write_text("")
    db = f"sqlite:///{tmp_path}/missing/m.db" if problem == "database folder missing" else f"sqlite:///{tmp_path}/m.db"
    monkeypatch.setenv("METALNOMIST_INDEX_DIR", str(tmp_path / "plain-file" / "index"))
    monkeypatch.setattr(sys, "argv", ["metalnomist", "--db", db, "search", "zinc"])
    with pytest.raises(SystemExit) as stopped:
        main()
    err = capsys.readouterr().err
    assert stopped.value.code == 1 and len(err.splitlines()) == 1 and err.startswith("error: ")
    where = f"{tmp_path}/missing/m.db" if problem == "database folder missing" else f"({tmp_path}/plain-file/index)"
    assert where in err
