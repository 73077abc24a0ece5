"""The ingest pipeline: batches, extraction in worker processes, and facts stored per post."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from metalnomist.extract import extract_facts
from metalnomist.ingest import read_posts
from metalnomist.models import Fact, Post
from metalnomist.pipeline import Archive, _one_ahead, find_facts, get_post, ingest_file
from metalnomist.store.facts import FactFilter


def test_big_files_extract_in_workers_with_the_same_facts(archive: Archive, tmp_path: Path) -> None:
    """Three batches (500, 500, 260): the workers extract one while the one before is written; each post keeps
    its own facts."""
    path = tmp_path / "many.jsonl"
    lines = [{"title": f"Copper report {i}", "url": f"https://x/{i}",
              "body": f"Japan's copper imports rose {i % 40 + 1}% to {1000 + i} tonnes in 2024."} for i in range(1260)]
    path.write_text("\n".join(json.dumps(line) for line in lines))
    report = ingest_file(archive, path)
    expected = [f for post in read_posts(path) for f in extract_facts(post)]
    stored, total = find_facts(archive, FactFilter())
    assert report.facts == total == len(expected) >= 1260
    assert sorted((f.post, f.value, f.change_pct) for f in stored) == sorted(
        (f.post, f.value, f.change_pct) for f in expected)


def test_a_post_the_grammar_fails_on_is_stored_without_facts_and_named(
        archive: Archive, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    """A bug of the grammar's that one post's text meets costs that post its facts, with a warning naming it, not
    the whole file its import (a round-up post once stopped extraction with a TypeError)."""
    import metalnomist.extract

    def failing(post: Post) -> list[Fact]:
        if post.title.startswith("Broken"):
            raise TypeError("'<' not supported between instances of 'int' and 'NoneType'")
        return extract_facts(post)

    monkeypatch.setattr(metalnomist.extract, "extract_facts", failing)
    path = tmp_path / "two.jsonl"
    body = "Japan's copper imports rose 5% to 1,000 tonnes in 2024."
    path.write_text("\n".join(json.dumps({"title": title, "url": f"https://x/{i}", "body": body})
                              for i, title in enumerate(["Good report", "Broken round-up"])))
    with caplog.at_level(logging.WARNING, logger="metalnomist.pipeline"):
        report = ingest_file(archive, path)
    stored, total = find_facts(archive, FactFilter())
    assert report.added == 2 and get_post(archive, 2).title == "Broken round-up"
    assert {f.post for f in stored} == {"Good report"} and total == report.facts >= 1
    assert "Broken round-up" in caplog.text and "TypeError" in caplog.text


def test_the_next_batch_is_begun_before_the_one_before_is_handed_on() -> None:
    events: list[str] = []

    def start(batch: str) -> str:
        events.append(f"start {batch}")
        return batch.upper()

    for batch, begun in _one_ahead(["a", "b", "c"], start):
        events.append(f"write {batch} {begun}")
    assert events == ["start a", "start b", "write a A", "start c", "write b B", "write c C"]


def test_a_big_import_leaves_no_big_write_ahead_log(tmp_path: Path) -> None:
    from metalnomist.config import Settings
    from metalnomist.pipeline import open_archive

    archive = open_archive(Settings(db=f"sqlite:///{tmp_path}/big.db", index_dir=str(tmp_path / "i"),
                                    extract_facts=False))
    path = tmp_path / "big.jsonl"
    path.write_text("\n".join(json.dumps({"title": f"Post {i}", "body": "zinc " * 200}) for i in range(1200)))
    ingest_file(archive, path)
    wal = tmp_path / "big.db-wal"
    assert not wal.exists() or wal.stat().st_size < 100_000
    assert (tmp_path / "big.db").stat().st_size > 1_000_000
    archive.close()


DATED = [
    # (published, sentence, period stored): the post's date decides the year a bare month or a fiscal year is in
    ("2024-03-01", "Japan's copper imports rose 5% to 1,000 tonnes in March.", "2024-03"),  # the post's own month
    ("2024-03-28", "Japan's zinc imports fell 2% to 300 tonnes in November.", "2023-11"),  # a later month: last year
    ("2024-08-15", "Australia's iron ore exports rose 3% to 900 million tonnes in the fiscal year ending June 30, "
                   "2024.", "2023-07/2024-06"),
    ("2025-05-20", "Japan's nickel imports rose 4% to 80 tonnes in the fiscal year ending March 31, 2025.", "FY2024"),
]


def test_ingested_posts_store_the_period_their_date_implies(archive: Archive, tmp_path: Path) -> None:
    path = tmp_path / "dated.jsonl"
    path.write_text("\n".join(json.dumps({"title": f"Report {i}", "body": sentence, "published": published})
                              for i, (published, sentence, _) in enumerate(DATED)))
    ingest_file(archive, path)
    stored, _ = find_facts(archive, FactFilter())
    assert [(f.sentence, f.period) for f in stored] == [(sentence, period) for _, sentence, period in DATED]


def _feed(path: Path, nickel: str, zinc: str) -> Path:
    posts = [{"title": "Nickel imports rise", "url": "https://feed.example/nickel", "labels": ["Nickel"],
              "body": f"Japan imported {nickel} tonnes of nickel in March 2025."},
             {"title": "Zinc output", "url": "https://feed.example/zinc", "body": f"Smelters made {zinc} tonnes."}]
    path.write_text("\n".join(json.dumps(post) for post in posts))
    return path


def test_a_reingest_keeps_the_desks_version_of_a_post_edited_there(archive: Archive, tmp_path: Path) -> None:
    """The editors' correction must survive the feed coming again with its own (older) words."""
    from metalnomist.accounts.service import create_user
    from metalnomist.publishing.media import set_cover_image
    from metalnomist.publishing.service import Draft, get_desk_post, posts_with_status, save
    from tests.publish.test_media import picture

    feed = _feed(tmp_path / "feed.jsonl", "50,72", "100")
    assert ingest_file(archive, feed).added == 2
    ids = {post.title: post.id for post in posts_with_status(archive.store, "published")}
    editor = create_user(archive.store, "ana", "a long enough password", "editor")
    corrected = Draft("Nickel imports rise 12%", "Japan imported 5,072 tonnes of nickel in March 2025.",
                      ("Nickel", "Japan"))
    save(archive.store, archive.settings, editor, corrected, ids["Nickel imports rise"])
    cover = set_cover_image(archive.store, editor, ids["Zinc output"], picture(), "A zinc smelter")  # no revision
    again = ingest_file(archive, _feed(feed, "9,999", "120"))
    assert (again.added, again.updated, again.unchanged, again.kept) == (0, 1, 0, 1)
    assert again.facts == 1  # the zinc post's new figure; the nickel file's figures were not stored
    nickel = get_desk_post(archive.store, ids["Nickel imports rise"])
    assert (nickel.title, nickel.markdown, nickel.labels) == (corrected.title, corrected.markdown, corrected.labels)
    assert [f.value for f in find_facts(archive, FactFilter(commodity="nickel"))[0]] == [5072]
    zinc = get_desk_post(archive.store, ids["Zinc output"])
    assert zinc.markdown == "Smelters made 120 tonnes." and zinc.cover is not None and zinc.cover["id"] == cover.id
    assert ingest_file(archive, feed).kept == 1  # every time the feed still differs, and it is said each time


def test_a_post_saved_on_the_desk_while_its_file_is_stored_is_kept(archive: Archive, tmp_path: Path) -> None:
    """On SQLite the file's new versions wait hidden until it is published: an edit made meanwhile must win."""
    from metalnomist.accounts.service import create_user
    from metalnomist.pipeline import store_file
    from metalnomist.publishing.service import Draft, get_desk_post, posts_with_status, save

    feed = _feed(tmp_path / "feed.jsonl", "50,72", "100")
    ingest_file(archive, feed)
    ids = {post.title: post.id for post in posts_with_status(archive.store, "published")}
    editor = create_user(archive.store, "ana", "a long enough password", "editor")
    corrected = Draft("Nickel imports rise 12%", "Japan imported 5,072 tonnes of nickel in March 2025.")

    def edit_midway(_posts: int) -> None:  # called once the batch is written (hidden, on SQLite)
        save(archive.store, archive.settings, editor, corrected, ids["Nickel imports rise"])

    report = store_file(archive, _feed(feed, "9,999", "120"), progress=edit_midway)
    assert (report.updated, report.kept) == (1, 1)
    assert get_desk_post(archive.store, ids["Nickel imports rise"]).markdown == corrected.markdown
    assert get_post(archive, ids["Nickel imports rise"] or 0).body == corrected.markdown  # what readers see, too
    # the desk's figures, not the file's nor the ones the desk replaced
    assert [f.value for f in find_facts(archive, FactFilter(commodity="nickel"))[0]] == [5072]
    assert get_desk_post(archive.store, ids["Zinc output"]).markdown == "Smelters made 120 tonnes."


def test_a_desk_save_that_commits_while_postgresql_imports_the_file_is_kept(pg_url: str, tmp_path: Path) -> None:
    """PostgreSQL imports a file in one transaction beside other writers: when an editor's save holds the
    post while the import reaches it, the import must wait and then keep the desk's words, not write over them."""
    import threading
    import time
    from datetime import UTC, datetime

    from sqlalchemy import text

    from metalnomist.config import Settings
    from metalnomist.models import Block
    from metalnomist.pipeline import open_archive
    from metalnomist.publishing.service import get_desk_post, posts_with_status
    from metalnomist.store.desk import add_revision, update_content

    archive = open_archive(Settings(db=pg_url, index_dir=str(tmp_path / "index")))
    try:
        feed = _feed(tmp_path / "feed.jsonl", "50,72", "100")
        ingest_file(archive, feed)
        nickel = next(p.id for p in posts_with_status(archive.store, "published") if p.title == "Nickel imports rise")
        reports = []
        importer = threading.Thread(target=lambda: reports.append(ingest_file(archive, _feed(feed, "9,999", "120"))))
        words = "Japan imported 5,072 tonnes of nickel in March 2025."
        with archive.store.transaction() as conn:  # the desk's save, held open
            now = datetime.now(UTC)
            update_content(conn, nickel, "Nickel imports rise 12%", [Block("paragraph", words)], ["Nickel"], now)
            add_revision(conn, nickel, None, "Nickel imports rise 12%", words, ["Nickel"], now)
            importer.start()
            with archive.store.engine.connect() as watcher:  # commit only once the import waits for the post
                deadline = time.monotonic() + 60
                while time.monotonic() < deadline and not watcher.execute(text(
                        "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'")).scalar():
                    time.sleep(0.05)
        importer.join(60)
        assert (reports[0].updated, reports[0].kept) == (1, 1)
        assert get_desk_post(archive.store, nickel).markdown == words
    finally:
        archive.close()


def test_a_commenters_name_may_have_up_to_its_limit_and_no_more(seeded: Archive) -> None:
    from metalnomist.errors import InvalidInput
    from metalnomist.pipeline import MAX_AUTHOR_CHARS, post_comment

    longest = "A" * MAX_AUTHOR_CHARS
    assert post_comment(seeded, 1, longest, "Fine.", client="10.0.0.1").author == longest
    with pytest.raises(InvalidInput) as caught:
        post_comment(seeded, 1, longest + "A", "Too long a name.", client="10.0.0.1")
    assert caught.value.field == "author" and f"at most {MAX_AUTHOR_CHARS} characters" in caught.value.problem


def test_a_comments_control_characters_are_dropped_before_it_is_stored(seeded: Archive) -> None:
    from metalnomist.pipeline import post_comment

    stored = post_comment(seeded, 1, " Ann\x07 ", "Red\x1b[31m text\x00\nnext line\tend ", client="10.0.0.1")
    assert (stored.author, stored.body) == ("Ann", "Red[31m text\nnext line\tend")


def test_a_folder_stands_for_its_readable_files_whatever_the_case_of_their_suffix(tmp_path: Path) -> None:
    from metalnomist.pipeline import files_in

    for name in ("b.jsonl", "A.JSONL", "nested/c.xml", ".hidden.jsonl", "notes.docx"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("x")
    found = files_in([tmp_path])
    assert [p.relative_to(tmp_path).as_posix() for p in found.files] == ["A.JSONL", "b.jsonl", "nested/c.xml"]
    assert [p.name for p in found.skipped] == ["notes.docx"]


def test_a_post_repeated_in_one_file_is_stored_once_as_its_last_copy(archive: Archive, tmp_path: Path) -> None:
    """A feed that carries a post twice (an edit appended to a log) must leave one post: the later words."""
    from metalnomist.store.posts import iter_posts

    path = tmp_path / "twice.jsonl"
    path.write_text("\n".join(json.dumps({"title": "Zinc output", "url": "https://x/zinc", "body": body})
                              for body in ("Smelters made 100 tonnes.", "Smelters made 120 tonnes.")))
    report = ingest_file(archive, path)
    with archive.store.reading() as conn:
        stored = [(post.title, post.body) for post in iter_posts(conn)]
    assert stored == [("Zinc output", "Smelters made 120 tonnes.")]
    assert report.added == 1


def test_a_file_refused_after_a_batch_was_written_leaves_nothing_in_the_way_of_its_fixed_copy(
        archive: Archive, tmp_path: Path) -> None:
    """The batches written before the bad line are taken back at once: the corrected file, imported next by the
    same process, must not find its posts held by the failed import."""
    from metalnomist.errors import IngestError
    from metalnomist.store.posts import count_posts

    archive.settings = archive.settings.replace(extract_facts=False)
    good = [json.dumps({"title": f"Post {i}", "url": f"https://x/{i}", "body": "Zinc rose."}) for i in range(501)]
    path = tmp_path / "posts.jsonl"
    path.write_text("\n".join([*good, '{"title": "broken"']))
    with pytest.raises(IngestError, match="line 502"):
        ingest_file(archive, path)
    path.write_text("\n".join(good))
    assert ingest_file(archive, path).added == 501
    with archive.store.reading() as conn:
        assert count_posts(conn) == 501


def test_an_export_holds_every_post_not_only_whole_batches(archive: Archive, tmp_path: Path) -> None:
    """Posts are read in batches to fetch their comments together; a file smaller than a batch, or the
    remainder of a bigger one, is as much the archive as the rest."""
    from metalnomist.pipeline import export_posts

    archive.settings = archive.settings.replace(extract_facts=False)
    path = tmp_path / "five.jsonl"
    path.write_text("\n".join(json.dumps({"title": f"Post {i}", "url": f"https://x/{i}", "body": "Zinc rose."})
                              for i in range(5)))
    ingest_file(archive, path)
    assert sorted(post.title for post in export_posts(archive, batch=2)) == [f"Post {i}" for i in range(5)]
