"""A post stored again (store/upsert.py; on SQLite a file goes through the hidden rows of store/ingests.py):
what a second version leaves of the first, on both databases and by both ways in (a file, `upsert_post`)."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime, tzinfo
from pathlib import Path

import pytest

from metalnomist.analysis.contradictions import contradictions
from metalnomist.browse import latest_posts
from metalnomist.config import Settings
from metalnomist.models import Block, Post, PostStatus
from metalnomist.pipeline import Archive, find_facts, ingest_file, open_archive
from metalnomist.store import upsert
from metalnomist.store.changes import changes_since, last_seq
from metalnomist.store.facts import FactFilter
from metalnomist.store.posts import listing_counts, permalinks_between, posts_by_ids, upsert_post
from metalnomist.store.upsert import Outcome

DAY = datetime(2024, 3, 1, tzinfo=UTC)
ZINC = Post(title="Zinc", blocks=(Block("paragraph", "Zinc rose."),), url="https://x/zinc", published=DAY)
WAYS = pytest.mark.parametrize("write", ["file", "upsert"])


def _store(archive: Archive, tmp_path: Path, write: str, post: Post) -> Outcome:
    """Store the post as a one-line file, or through `upsert_post`; what became of it."""
    if write == "upsert":
        with archive.store.transaction() as conn:
            return upsert_post(conn, post)[1]
    path = tmp_path / "zinc.jsonl"
    path.write_text(json.dumps({"title": post.title, "body": post.body, "url": post.url,
                                "published": DAY.isoformat(), "labels": list(post.labels)}) + "\n")
    report = ingest_file(archive, path)
    outcomes: tuple[Outcome, ...] = ("added", "updated", "unchanged", "kept")
    (outcome,) = [name for name in outcomes if getattr(report, name)]
    return outcome


@WAYS
def test_a_posts_labels_keep_the_order_of_its_latest_version(archive: Archive, tmp_path: Path, write: str) -> None:
    """The file's order, which is not the alphabet's (the labels' key): the first label is the one a
    page shows first, and a new version's order replaces the old one."""
    assert _store(archive, tmp_path, write, replace(ZINC, labels=("Zinc", "Asia", "Markets"))) == "added"
    assert [p.labels for p in latest_posts(archive, 0, 10)[0]] == [("Zinc", "Asia", "Markets")]
    assert _store(archive, tmp_path, write, replace(ZINC, labels=("Markets", "Zinc"))) == "updated"
    (post,) = latest_posts(archive, 0, 10)[0]
    with archive.store.reading() as conn:
        by_id = posts_by_ids(conn, [post.id or 0])[post.id or 0]
    assert post.labels == by_id.labels == ("Markets", "Zinc")


@WAYS
def test_a_changed_post_stored_again_as_it_now_is_is_unchanged(archive: Archive, tmp_path: Path, write: str) -> None:
    """Its new version's content hash is stored with it: the same file again rewrites (and re-extracts,
    and logs) nothing."""
    changed = replace(ZINC, blocks=(Block("paragraph", "Zinc rose 5%."),))
    outcomes = [_store(archive, tmp_path, write, post) for post in (ZINC, changed, changed)]
    assert outcomes == ["added", "updated", "unchanged"]
    assert [p.body for p in latest_posts(archive, 0, 10)[0]] == ["Zinc rose 5%."]


@WAYS
def test_a_rewritten_post_tells_the_sitemap_when_it_was_rewritten(archive: Archive, tmp_path: Path, write: str) -> None:
    """Until it is rewritten a post's last change is its publication date; after, the time of the rewrite
    (the new version's, not the stored one's)."""
    _store(archive, tmp_path, write, ZINC)
    (post,) = latest_posts(archive, 0, 10)[0]
    with archive.store.reading() as conn:
        assert permalinks_between(conn, post.id or 0, post.id or 0) == [(post.permalink, DAY)]
    before = datetime.now(UTC)
    assert _store(archive, tmp_path, write, replace(ZINC, blocks=(Block("paragraph", "Zinc fell."),))) == "updated"
    with archive.store.reading() as conn:
        ((link, when),) = permalinks_between(conn, post.id or 0, post.id or 0)
    assert link == post.permalink and when >= before


def test_a_changed_post_stored_with_extraction_off_keeps_the_facts_it_has(archive: Archive, settings: Settings,
                                                                          tmp_path: Path) -> None:
    """With extraction off a file brings no facts: a changed post keeps its figures (on SQLite its new version
    waits hidden and its facts are replaced at publishing, which must then leave them as they are)."""
    path = tmp_path / "nickel.jsonl"
    line = {"title": "Nickel", "url": "https://x/nickel", "published": "2024-04-20",
            "body": "Japan imported 12,000 tonnes of nickel in March 2024, the Finance Ministry said."}
    path.write_text(json.dumps(line) + "\n")
    ingest_file(archive, path)
    path.write_text(json.dumps({**line, "body": f"{line['body']} Stocks fell."}) + "\n")
    plain = open_archive(replace(settings, extract_facts=False))
    try:
        assert ingest_file(plain, path).updated == 1
    finally:
        plain.close()
    assert [p.body.endswith("Stocks fell.") for p in latest_posts(archive, 0, 10)[0]] == [True]
    assert [fact.value for fact in find_facts(archive, FactFilter(commodity="nickel"))[0]] == [12000]


@pytest.mark.parametrize("status", ["trash", "draft"])
def test_a_post_taken_down_on_the_desk_gets_no_figures_back_from_its_file(archive: Archive, tmp_path: Path,
                                                                           status: PostStatus) -> None:
    """Only published posts have facts (taking one down drops them): its file coming again with new words
    updates the post, still down, and must not list its figures in the facts explorer or in a dispute."""
    from metalnomist.accounts.service import create_user
    from metalnomist.publishing.service import move

    def line(title: str, tonnes: str) -> str:
        return json.dumps({"title": title, "url": f"https://x/{title}", "published": "2024-04-20",
                           "body": f"Japan imported {tonnes} tonnes of nickel in March 2024, the ministry said."})

    path = tmp_path / "nickel.jsonl"
    path.write_text(line("Down", "12,000") + "\n" + line("Up", "13,500") + "\n")
    ingest_file(archive, path)
    down = next(p.id or 0 for p in latest_posts(archive, 0, 10)[0] if p.title == "Down")
    move(archive.store, create_user(archive.store, "ana", "a long enough password", "editor"), down, status)
    path.write_text(line("Down", "14,000") + "\n")
    report = ingest_file(archive, path)
    assert (report.updated, report.facts) == (1, 0)  # the report counts the figures stored, and it stored none
    assert [fact.value for fact in find_facts(archive, FactFilter(commodity="nickel"))[0]] == [13500]
    with archive.store.reading() as conn:
        assert contradictions(conn) == ([], 0)


@WAYS
def test_a_rewritten_post_is_logged_as_itself(archive: Archive, tmp_path: Path, write: str) -> None:
    """Followers, watches and the sitemap learn of a change from the log: it names the post readers know,
    never the hidden row its new version waited in on SQLite."""
    _store(archive, tmp_path, write, ZINC)
    (post,) = latest_posts(archive, 0, 10)[0]
    with archive.store.reading() as conn:
        seq = last_seq(conn)
    _store(archive, tmp_path, write, replace(ZINC, blocks=(Block("paragraph", "Zinc fell."),)))
    with archive.store.reading() as conn:
        assert [post_id for _, post_id in changes_since(conn, seq)] == [post.id]


def test_an_undated_post_stored_at_midnight_on_the_first_is_listed_in_that_month_only(
        archive: Archive, monkeypatch: pytest.MonkeyPatch) -> None:
    """An undated post is filed by when it was stored: the first instant of a month is that month's, as the
    month's count says, not also the last of the month before."""
    midnight = datetime(2024, 4, 1, tzinfo=UTC)

    class Clock(datetime):
        @classmethod
        def now(cls, tz: tzinfo | None = None) -> Clock:
            return cls.fromtimestamp(midnight.timestamp(), tz)

    monkeypatch.setattr(upsert, "datetime", Clock)
    with archive.store.transaction() as conn:
        upsert_post(conn, replace(ZINC, url=None, published=None))
    monkeypatch.undo()
    with archive.store.reading() as conn:
        months = listing_counts(conn).months
    assert months == ((2024, 4, 1),)
    assert [[p.title for p in latest_posts(archive, 0, 10, month=month)[0]] for month in ((2024, 3), (2024, 4))] == [
        [], ["Zinc"]]
