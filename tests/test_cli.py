"""The command line, driven in-process: parse, call, print."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

from click.testing import CliRunner

from metalnomist.cli import cli
from metalnomist.web.api import SearchResult
from tests.conftest import SEED


def run(db: str, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["--db", db, *args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_ingest_twice_then_search_and_export(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("METALNOMIST_INDEX_DIR", str(tmp_path / "index"))
    db = f"sqlite:///{tmp_path}/cli.db"
    code, out, _ = run(db, "ingest", str(SEED))
    assert code == 0 and out.startswith("20 added, 0 updated, 0 unchanged")
    code, out, _ = run(db, "ingest", str(SEED))
    assert out.startswith("0 added, 0 updated, 20 unchanged")

    code, out, _ = run(db, "search", "palladium", "--json")
    rows = [json.loads(line) for line in out.splitlines()]
    assert set(rows[0]) == set(SearchResult.model_fields) | {"snippet_html"}  # the API's result, and the HTML
    assert rows[0]["rank"] == 1 and "Palladium" in rows[0]["title"] and rows[0]["url"].endswith(".html")

    code, out, _ = run(db, "search", "lithium", "--by-date", "--label", "Lithium Mining")
    assert code == 0 and "Japan's Lithium Imports Drop" in out and "sorted by date" in out

    code, out, _ = run(db, "posts", "--format", "jsonl")
    exported = [json.loads(line) for line in out.splitlines()]
    assert len(exported) == 20 and all({"title", "body", "labels", "url", "published"} <= set(p) for p in exported)
    # The seed page states no dates and its posts have no URLs or datelines: nothing dated them.
    assert {(p["published"], p["date_source"]) for p in exported} == {(None, "ingest")}


def test_a_bad_file_exits_non_zero_naming_file_and_line(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("METALNOMIST_INDEX_DIR", str(tmp_path / "index"))
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"title": "ok", "body": "ok"}\n{"title": 3, "body": "x"}\n')
    code, out, err = run(f"sqlite:///{tmp_path}/cli.db", "ingest", str(bad))
    assert code == 1
    assert f"{bad}, line 2, field 'title'" in err and "(nothing from this file was stored)" in err
    assert out.startswith("0 added")


def test_every_command_has_help_and_is_in_the_readme() -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text()
    for name, command in cli.commands.items():
        assert command.help, name
        assert f"metalnomist {name}" in readme or f"`{name}`" in readme, name


def test_every_setting_is_documented_in_the_readme() -> None:
    from metalnomist.config import describe

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text()
    for key, _default, _help in describe():
        assert key in readme, key


def test_facts_export_as_jsonl_and_csv_with_filters(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("METALNOMIST_INDEX_DIR", str(tmp_path / "index"))
    db = f"sqlite:///{tmp_path}/cli.db"
    code, out, _ = run(db, "ingest", str(SEED))
    assert code == 0 and "128 facts extracted" in out
    code, out, _ = run(db, "facts", "--commodity", "palladium", "--metric", "imports")
    rows = [json.loads(line) for line in out.splitlines()]
    assert rows and all(r["commodity"] == "palladium" and r["metric"] == "imports" for r in rows)
    assert list(rows[0])[:15] == ["post", "sentence", "value", "value_max", "unit", "change_pct", "change_basis",
                                  "metric", "commodity", "country", "partner", "company", "period", "forecast",
                                  "source"]
    title = "Japan’s Iron Ore Imports Drop in March Amid Weak Steel Demand"
    code, out, _ = run(db, "facts", "--post", title, "--format", "csv")
    lines = out.splitlines()
    assert lines[0].startswith("post,sentence,value,") and len(lines) == 1 + 8
    code, out, _ = run(db, "reextract")
    assert code == 0 and out.strip() == "128 facts extracted"
    # a commodity finds its products; a filter that matches nothing says so and offers the nearest names
    code, out, _ = run(db, "facts", "--commodity", "lithium")
    found = {json.loads(line)["commodity"] for line in out.splitlines()}
    assert {"lithium carbonate", "lithium-ion batteries"} <= found
    code, out, err = run(db, "facts", "--commodity", "palladum")
    assert code == 0 and out == "" and "--commodity: no fact has commodity 'palladum'; nearest: palladium" in err
    code, out, err = run(db, "facts", "--commodity", "palladium", "--country", "Chile")  # each matches alone
    assert code == 0 and out == "" and "no fact matches all of these filters together" in err


def test_held_comments_are_listed_then_published_or_rejected(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from metalnomist.config import Settings
    from metalnomist.pipeline import open_archive, post_comment
    from metalnomist.store.comments import list_comments

    monkeypatch.setenv("METALNOMIST_INDEX_DIR", str(tmp_path / "index"))
    db = f"sqlite:///{tmp_path}/cli.db"
    run(db, "ingest", str(SEED))
    archive = open_archive(Settings(db=db, index_dir=str(tmp_path / "index"), comment_moderation=True))
    first = post_comment(archive, 1, "Ann", "Useful <b>figures</b>", "client-a")
    words = " ".join(f"word{n}" for n in range(60))  # 400 characters: a moderator reads the first 300
    second = post_comment(archive, 1, "Spam", f"buy\n\nnow {words}", "client-b")
    code, out, err = run(db, "comments")
    assert re.search(rf"#{first.id} on post 1 by Ann at \d{{4}}-\d\d-\d\dT\d\d:\d\d(\+00:00)?:\n", out)  # to the minute
    assert f"#{first.id} on post 1 by Ann" in out and f"#{second.id}" in out and "2 comments held" in err
    assert f"    {f'buy now {words}'[:300]}\n" in out
    assert run(db, "approve", str(first.id))[1].strip() == "1 comments published"
    assert run(db, "approve", "--reject", str(second.id))[1].strip() == "1 comments rejected"
    code, _, err = run(db, "approve", "998", "999")
    assert code == 1 and "no comment with id 998, 999" in err  # every missing id named
    third = post_comment(archive, 1, "Bea", "Source?", "client-c")
    code, out, err = run(db, "approve", str(third.id), "999")  # one missing id among found ones still fails
    assert (code, out.strip()) == (1, "1 comments published") and "no comment with id 999" in err
    with archive.store.reading() as conn:
        assert [c.author for c in list_comments(conn, 1, include_pending=True)] == ["Ann", "Bea"]
    archive.close()


def test_ingest_says_how_many_posts_edited_on_the_desk_it_kept(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from metalnomist.accounts.service import create_user
    from metalnomist.config import Settings
    from metalnomist.pipeline import open_archive
    from metalnomist.publishing.service import Draft, posts_with_status, save

    monkeypatch.setenv("METALNOMIST_INDEX_DIR", str(tmp_path / "index"))
    db = f"sqlite:///{tmp_path}/cli.db"
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"title": "Tin", "url": "https://feed.example/tin", "body": "Tin rose."}))
    run(db, "ingest", str(feed))
    archive = open_archive(Settings(db=db, index_dir=str(tmp_path / "index")))
    editor = create_user(archive.store, "ana", "a long enough password", "editor")
    post = posts_with_status(archive.store, "published")[0]
    save(archive.store, archive.settings, editor, Draft("Tin", "Tin rose 3%."), post.id)
    archive.close()
    feed.write_text(json.dumps({"title": "Tin", "url": "https://feed.example/tin", "body": "Tin rose again."}))
    code, out, _ = run(db, "ingest", str(feed))
    assert code == 0 and out.splitlines()[:2] == [
        "0 added, 0 updated, 0 unchanged, 0 facts extracted",
        "kept 1 post edited on the desk: the desk's version stays, the file's was not stored"]


def test_a_password_read_from_standard_input_loses_only_its_line_end(tmp_path: Path) -> None:
    """A script on Windows ends the line with CR LF; spaces inside or around a password are the password's.
    A real process: the test runner's input stream would turn CR LF into LF first."""
    import subprocess
    import sys

    from metalnomist.accounts.service import sign_in
    from metalnomist.store import Store

    db = f"sqlite:///{tmp_path}/a.db"
    subprocess.run([sys.executable, "-c", "from metalnomist.cli import main; main()", "--db", db, "users", "add",
                    "ana", "--password-stdin"], input=b" a long enough password \r\n", check=True, timeout=60,
                   capture_output=True, env={**os.environ, "METALNOMIST_INDEX_DIR": str(tmp_path / "index")})
    store = Store.open(db)
    try:
        assert sign_in(store, "ana", " a long enough password ", "client").name == "ana"
    finally:
        store.close()


def test_posts_stored_but_not_indexed_are_reported_and_exit_non_zero(tmp_path: Path) -> None:
    """The database has committed, so the file is not named as failed; the index's problem is, with its fix."""
    (tmp_path / "plain-file").write_text("")
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"title": "Tin", "body": "Tin rose."}) + "\n")
    result = CliRunner().invoke(cli, ["--db", f"sqlite:///{tmp_path}/cli.db", "ingest", str(feed)],
                                env={"METALNOMIST_INDEX_DIR": str(tmp_path / "plain-file")}, catch_exceptions=False)
    assert result.exit_code == 1 and result.stdout.startswith("1 added")
    assert ("error: the posts above are stored in the database, but not yet searchable: search index folder "
            f"{tmp_path / 'plain-file'} is not a folder; set METALNOMIST_INDEX_DIR") in result.stderr
    assert "could not be read" not in result.stderr


def test_ingest_totals_add_up_over_the_files_of_a_folder(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("METALNOMIST_INDEX_DIR", str(tmp_path / "index"))
    folder = tmp_path / "drop"
    folder.mkdir()
    for metal in ("tin", "zinc", "lead"):
        (folder / f"{metal}.jsonl").write_text(json.dumps({"title": metal.title(), "body": f"{metal} rose."}) + "\n")
    code, out, _ = run(f"sqlite:///{tmp_path}/cli.db", "ingest", str(folder))
    assert code == 0 and out.startswith("3 added, 0 updated, 0 unchanged")
