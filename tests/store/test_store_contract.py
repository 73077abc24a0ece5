"""One contract, two databases: every test here runs on SQLite and on a real PostgreSQL server."""

from __future__ import annotations

import json
import threading
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from metalnomist.browse import latest_posts
from metalnomist.errors import IngestError, StoreError
from metalnomist.models import Block, Comment, Fact, Post
from metalnomist.pipeline import Archive, ingest_file
from metalnomist.store.changes import changed_between, changes_since, last_seq
from metalnomist.store.comments import add_comment, list_comments
from metalnomist.store.facts import FactFilter, query_facts, replace_facts
from metalnomist.store.posts import (
    list_posts,
    listing_counts,
    neighbours,
    post_by_permalink,
    posts_by_ids,
    upsert_post,
)
from metalnomist.store.upsert import content_hash, upsert_posts


def make_post(title: str, day: int | None = None, labels: tuple[str, ...] = (), url: str | None = None) -> Post:
    published = datetime(2024, 3, day, 9, 30, tzinfo=UTC) if day else None
    return Post(title=title, blocks=(Block("paragraph", f"{title} body text."),), published=published,
                labels=labels, url=url)


def test_same_post_again_updates_never_duplicates(archive: Archive) -> None:
    with archive.store.transaction() as conn:
        first_id, first = upsert_post(conn, make_post("Copper up", 1, ("Copper",)))
        again_id, again = upsert_post(conn, make_post("Copper up", 1, ("Copper",)))
        changed_id, changed = upsert_post(conn, make_post("Copper up", 1, ("Copper", "LME")))
    assert (first, again, changed) == ("added", "unchanged", "updated")
    assert first_id == again_id == changed_id
    with archive.store.reading() as conn:
        posts, total = latest_posts(archive, 0, 10)
    assert total == 1 and posts[0].labels == ("Copper", "LME")


def test_identity_is_the_url_when_there_is_one(archive: Archive) -> None:
    with archive.store.transaction() as conn:
        a, _ = upsert_post(conn, make_post("Old title", 2, url="https://example.com/a"))
        b, outcome = upsert_post(conn, make_post("New title", 2, url="https://example.com/a"))
    assert a == b and outcome == "updated"


def test_newest_first_with_label_filter_and_counts(archive: Archive) -> None:
    with archive.store.transaction() as conn:
        for day, labels in [(1, ("Nickel",)), (3, ("Nickel", "Japan")), (2, ("Japan",))]:
            upsert_post(conn, make_post(f"Post {day}", day, labels))
    with archive.store.reading() as conn:
        posts, total = latest_posts(archive, 0, 10)
        nickel, nickel_total = latest_posts(archive, 0, 10, label="Nickel")
        counts = listing_counts(conn).labels
    assert [p.title for p in posts] == ["Post 3", "Post 2", "Post 1"]
    assert total == 3 and nickel_total == 2 and [p.title for p in nickel] == ["Post 3", "Post 1"]
    assert counts == (("Japan", 2), ("Nickel", 2))


def test_permalinks_are_blogger_style_unique_and_stable(archive: Archive) -> None:
    with archive.store.transaction() as conn:
        a, _ = upsert_post(conn, make_post("Same Title", 1, url="https://x/1"))
        b, _ = upsert_post(conn, make_post("Same Title", 5, url="https://x/2"))
        upsert_post(conn, replace(make_post("Renamed", 1, url="https://x/1")))
    with archive.store.reading() as conn:
        found = posts_by_ids(conn, [a, b])
        assert found[a].permalink == "/2024/03/same-title.html"
        assert found[b].permalink == "/2024/03/same-title-2.html"
        assert post_by_permalink(conn, "/2024/03/same-title.html").title == "Renamed"  # type: ignore[union-attr]


def test_a_title_stored_twice_before_numbers_the_next_post_past_both_links(archive: Archive) -> None:
    """A link numbered by an earlier write is taken too: each write must look its numbered candidates up in the
    database, not only among the plain links it asked for (or it hands out `-2` again and the insert fails)."""
    links = []
    for day in (1, 2, 3):
        with archive.store.transaction() as conn:
            post_id, _ = upsert_post(conn, make_post("Same Title", day, url=f"https://x/{day}"))
            links.append(posts_by_ids(conn, [post_id])[post_id].permalink)
    assert links == ["/2024/03/same-title.html", "/2024/03/same-title-2.html", "/2024/03/same-title-3.html"]


def test_comments_count_and_moderation(archive: Archive) -> None:
    with archive.store.transaction() as conn:
        post_id, _ = upsert_post(conn, make_post("With comments", 4))
        add_comment(conn, Comment("Ann", "Shown", datetime.now(UTC), post_id=post_id, approved=True), "c1")
        add_comment(conn, Comment("Bob", "Held", datetime.now(UTC), post_id=post_id, approved=False), "c1")
    with archive.store.reading() as conn:
        assert [c.body for c in list_comments(conn, post_id)] == ["Shown"]
        assert len(list_comments(conn, post_id, include_pending=True)) == 2
        assert posts_by_ids(conn, [post_id])[post_id].comment_count == 1


def test_a_posts_comment_count_is_the_larger_of_its_sources_and_its_shown_comments(archive: Archive) -> None:
    """A source states how many comments it had (none of them came with it); readers' comments here may pass it."""
    with archive.store.transaction() as conn:
        stated, _ = upsert_post(conn, replace(make_post("Stated three", 4), comment_count=3))
        passed, _ = upsert_post(conn, replace(make_post("Stated one", 5), comment_count=1))
        for post_id in (stated, passed):
            for n in range(2):
                add_comment(conn, Comment("Ann", f"Note {n}", datetime.now(UTC), post_id=post_id), "c1")
    with archive.store.reading() as conn:
        found = posts_by_ids(conn, [stated, passed])
    assert (found[stated].comment_count, found[passed].comment_count) == (3, 2)


def test_facts_are_replaced_per_post_and_filtered(archive: Archive) -> None:
    fact = Fact(post="P", sentence="Imports rose 5% to 10 t.", metric="imports", value=10.0, unit="t",
                change_pct=5.0, commodity="copper", country="Japan", sentence_start=0)
    with archive.store.transaction() as conn:
        post_id, _ = upsert_post(conn, make_post("P", 1))
        replace_facts(conn, {post_id: [fact, replace(fact, commodity="zinc", value=3.0)]})
        replace_facts(conn, {post_id: [fact]})
    with archive.store.reading() as conn:
        found, total = query_facts(conn, FactFilter(commodity="Copper"))
        none, zero = query_facts(conn, FactFilter(commodity="zinc"))
        by_text, _ = query_facts(conn, FactFilter(text="rose 5%"))
    assert total == 1 and found[0].value == 10.0 and found[0].post == "P" and found[0].post_id == post_id
    assert zero == 0 and not none and len(by_text) == 1


def test_facts_sorted_by_value_put_unknown_values_last_both_ways(archive: Archive) -> None:
    """PostgreSQL sorts NULL above every number, SQLite below: neither may lead a sorted table."""
    fact = Fact(post="P", sentence="s", metric="imports", unit="t", commodity="copper", sentence_start=0)
    values = [5.0, None, 20.0, None, 1.0]
    with archive.store.transaction() as conn:
        post_id, _ = upsert_post(conn, make_post("P", 1))
        replace_facts(conn, {post_id: [replace(fact, value=v, sentence_start=i) for i, v in enumerate(values)]})
    with archive.store.reading() as conn:
        down, _ = query_facts(conn, FactFilter(), sort="value", descending=True)
        up, _ = query_facts(conn, FactFilter(), sort="value")
        first, total = query_facts(conn, FactFilter(), limit=1, sort="value", descending=True)
    assert [f.value for f in down] == [20.0, 5.0, 1.0, None, None]
    assert [f.value for f in up] == [1.0, 5.0, 20.0, None, None]
    assert [f.sentence_start for f in down[3:]] == [1, 3]  # ties keep reading order
    assert ([f.value for f in first], total) == ([20.0], 5)


def test_every_write_is_logged_in_order(archive: Archive) -> None:
    with archive.store.reading() as conn:
        start = last_seq(conn)
    with archive.store.transaction() as conn:
        a, _ = upsert_post(conn, make_post("A", 1))
        b, _ = upsert_post(conn, make_post("B", 2))
        upsert_post(conn, make_post("A", 1))  # unchanged: not logged
    with archive.store.reading() as conn:
        assert [post_id for _, post_id in changes_since(conn, start)] == [a, b]


def test_the_log_head_is_the_newest_change_and_holds_no_transaction(archive: Archive) -> None:
    """What every search asks (`Store.log_head`, read by the driver alone) is what `last_seq` reads, and the
    pooled connection it used starts no transaction the next write or read would find open."""
    assert archive.store.log_head() == 0
    with archive.store.transaction() as conn:
        upsert_post(conn, make_post("A", 1))
        upsert_post(conn, make_post("B", 2))
    head = archive.store.log_head()
    with archive.store.reading() as conn:
        assert head == last_seq(conn) == max(seq for seq, _ in changes_since(conn, 0))
    for _ in range(20):  # more than the pool holds: each connection comes back clean
        archive.store.log_head()
    with archive.store.transaction() as conn:
        upsert_post(conn, make_post("C", 3))
    assert archive.store.log_head() == head + 1


def test_a_log_head_the_database_cannot_read_is_a_store_error(archive: Archive) -> None:
    with archive.store.engine.begin() as conn:
        conn.exec_driver_sql("ALTER TABLE changes RENAME TO changes_gone")
    with pytest.raises(StoreError, match="unavailable.*changes"):
        archive.store.log_head()


def test_the_change_log_read_after_a_position_starts_past_it(archive: Archive) -> None:
    """`changes_since(seq)` is what was logged after `seq`: a follower asking from the last number it applied
    must not be handed that number again (a `>=` would)."""
    with archive.store.transaction() as conn:
        upsert_post(conn, make_post("A", 1))
    with archive.store.reading() as conn:
        seen = last_seq(conn)
    with archive.store.transaction() as conn:
        b, _ = upsert_post(conn, make_post("B", 2))
    with archive.store.reading() as conn:
        assert [post_id for _, post_id in changes_since(conn, seen)] == [b]
        assert changes_since(conn, last_seq(conn)) == []


def test_a_change_to_either_end_of_an_id_range_is_a_change_in_it(archive: Archive) -> None:
    """The sitemap rebuilds a part only when a post of its id range changed: the range includes both its first
    and its last id (a `<` for `<=` would leave the part's last post stale)."""
    with archive.store.transaction() as conn:
        first, middle, last = (upsert_post(conn, make_post(f"P{n}", n))[0] for n in (1, 2, 3))
    for n, changed in ((1, first), (3, last)):
        with archive.store.reading() as conn:
            seq = last_seq(conn)
        with archive.store.transaction() as conn:
            assert upsert_post(conn, make_post(f"P{n}", n, ("Tin",))) == (changed, "updated")
        with archive.store.reading() as conn:
            assert changed_between(conn, seq, first, last), changed
            assert changed_between(conn, seq, changed, changed), changed
            assert not changed_between(conn, seq, middle, middle)


def test_a_change_at_the_position_itself_is_not_a_change_after_it(archive: Archive) -> None:
    """`changed_between(seq, ...)` asks about what came after `seq`, as `changes_since` does: a sitemap part
    stamped at a post's own change must not count it again (a `>=` would rebuild that part for ever)."""
    with archive.store.transaction() as conn:
        upsert_post(conn, make_post("P1", 1))
        second, _ = upsert_post(conn, make_post("P2", 2))
    with archive.store.reading() as conn:
        seq = last_seq(conn)
        assert changes_since(conn, seq - 1) == [(seq, second)]  # the last change is P2's
        assert changed_between(conn, seq - 1, second, second)
        assert not changed_between(conn, seq, second, second)


def test_a_rolled_back_write_is_not_logged_with_the_next_one(archive: Archive) -> None:
    """A transaction that failed changed nothing. The posts it noted must not ride on the pooled connection into
    the next transaction's log: a follower would re-index, and a watch re-match, a post nobody changed."""
    with archive.store.transaction() as conn:
        upsert_post(conn, make_post("A", 1))
    with archive.store.reading() as conn:
        start = last_seq(conn)
    with pytest.raises(ValueError, match="bad line"), archive.store.transaction() as conn:
        assert upsert_post(conn, make_post("A", 1, ("Tin",)))[1] == "updated"
        raise ValueError("a bad line later in the file")
    with archive.store.transaction() as conn:
        b, _ = upsert_post(conn, make_post("B", 2))
    with archive.store.reading() as conn:
        assert [post_id for _, post_id in changes_since(conn, start)] == [b]


def test_a_bad_file_stores_nothing(archive: Archive, tmp_path: Path) -> None:
    path = tmp_path / "half.jsonl"
    path.write_text('{"title": "Good one", "body": "fine"}\n{"title": "Bad", "body": "x", "labels": 5}\n')
    with pytest.raises(IngestError):
        ingest_file(archive, path)
    with archive.store.reading() as conn:
        assert latest_posts(archive, 0, 10)[1] == 0
        assert last_seq(conn) == 0


def test_readers_keep_reading_while_a_writer_ingests(seeded: Archive, tmp_path: Path) -> None:
    path = tmp_path / "many.jsonl"
    path.write_text("".join(f'{{"title": "Bulk {i}", "body": "copper text {i}"}}\n' for i in range(300)))
    errors: list[BaseException] = []
    seen: list[int] = []
    done = threading.Event()

    def read_loop() -> None:
        try:
            while not done.is_set():
                seen.append(latest_posts(seeded, 0, 5)[1])
        except BaseException as exc:  # noqa: BLE001 - the test reports whatever a reader hit
            errors.append(exc)

    reader = threading.Thread(target=read_loop)
    reader.start()
    try:
        ingest_file(seeded, path)
    finally:
        done.set()
        reader.join()
    assert not errors
    assert seen and min(seen) >= 20 and set(seen) <= {20, 320}


def test_months_group_and_filter_posts(archive: Archive) -> None:
    with archive.store.transaction() as conn:
        upsert_post(conn, make_post("March one", 1))
        upsert_post(conn, make_post("March two", 31))
        upsert_post(conn, replace(make_post("May", 1), published=datetime(2023, 5, 2, tzinfo=UTC)))
    with archive.store.reading() as conn:
        assert listing_counts(conn).months == ((2024, 3, 2), (2023, 5, 1))
        march, total = latest_posts(archive, 0, 10, month=(2024, 3))
        december, none = latest_posts(archive, 0, 10, month=(2023, 12))
    assert total == 2 and [p.title for p in march] == ["March two", "March one"]
    assert none == 0 and december == []


def test_a_post_at_midnight_on_the_first_is_listed_in_its_own_month_only(archive: Archive) -> None:
    with archive.store.transaction() as conn:
        upsert_post(conn, replace(make_post("Last of March"), published=datetime(2024, 3, 31, 23, 59, 59, tzinfo=UTC)))
        upsert_post(conn, replace(make_post("First of April"), published=datetime(2024, 4, 1, tzinfo=UTC)))
    march, march_total = latest_posts(archive, 0, 10, month=(2024, 3))
    april, april_total = latest_posts(archive, 0, 10, month=(2024, 4))
    assert ([p.title for p in march], march_total) == (["Last of March"], 1)
    assert ([p.title for p in april], april_total) == (["First of April"], 1)


def test_a_post_repeated_in_one_file_ends_as_its_last_copy(archive: Archive, tmp_path: Path) -> None:
    path = tmp_path / "twice.jsonl"
    path.write_text('{"title": "Zinc", "body": "first", "url": "https://x/z"}\n'
                    '{"title": "Other", "body": "o"}\n'
                    '{"title": "Zinc", "body": "second", "url": "https://x/z"}\n')
    report = ingest_file(archive, path)
    assert (report.added, report.updated) == (2, 1)
    posts, total = latest_posts(archive, 0, 10)
    assert total == 2 and {p.body for p in posts} == {"second", "o"}


def test_a_file_again_with_one_more_comment_adds_it(archive: Archive, tmp_path: Path) -> None:
    """A comment is part of what a post is: a file that only gained one updates the post, it is not 'unchanged'."""
    path = tmp_path / "comments.jsonl"
    post = {"title": "Tin", "body": "Tin rose.", "url": "https://x/tin",
            "comments": [{"author": "Ann", "body": "First", "published": "2024-03-01T10:00:00+00:00"}]}
    path.write_text(json.dumps(post) + "\n")
    ingest_file(archive, path)
    post["comments"].append({"author": "Bob", "body": "Second", "published": "2024-03-02T10:00:00+00:00"})
    path.write_text(json.dumps(post) + "\n")
    report = ingest_file(archive, path)
    assert (report.added, report.updated, report.unchanged) == (0, 1, 0)
    (stored,) = latest_posts(archive, 0, 10)[0]
    with archive.store.reading() as conn:
        shown = [(c.author, c.body) for c in list_comments(conn, stored.id or 0)]
    assert shown == [("Ann", "First"), ("Bob", "Second")]


@pytest.mark.parametrize("write", ["file", "upsert"])
def test_a_changed_post_replaces_its_files_comments_and_keeps_its_readers_once(archive: Archive, tmp_path: Path,
                                                                             write: str) -> None:
    """The file's comments are replaced whole; a reader's stays, and the same comment in an export coming
    back is not stored twice. On SQLite a file goes in through hidden rows, `upsert_post` writes in place."""
    day = datetime(2024, 3, 1, tzinfo=UTC)

    def store(body: str, *said: tuple[str, str]) -> None:
        comments = tuple(Comment(who, text, day + timedelta(days=n)) for n, (who, text) in enumerate(said))
        post = replace(make_post("Lead", 1, url="https://x/lead"), blocks=(Block("paragraph", body),),
                       comments=comments)
        if write == "upsert":
            with archive.store.transaction() as conn:
                upsert_post(conn, post)
            return
        path = tmp_path / "lead.jsonl"
        path.write_text(json.dumps({"title": post.title, "body": body, "url": post.url, "published": "2024-03-01",
                                    "comments": [{"author": c.author, "body": c.body,
                                                  "published": c.published.isoformat() if c.published else None}
                                                 for c in post.comments]}) + "\n")
        ingest_file(archive, path)

    store("Lead rose.", ("Src", "From the file"))
    (post_id,) = [p.id or 0 for p in latest_posts(archive, 0, 10)[0]]
    with archive.store.transaction() as conn:
        add_comment(conn, Comment("Ann", "Reader says", day + timedelta(days=1), post_id=post_id), "c1")

    def shown() -> list[tuple[str, str]]:
        with archive.store.reading() as conn:
            return [(c.author, c.body) for c in list_comments(conn, post_id, include_pending=True)]

    store("Lead rose again.", ("Src", "Edited in the file"))
    assert shown() == [("Src", "Edited in the file"), ("Ann", "Reader says")]
    store("Lead rose once more.", ("Src", "Edited in the file"), ("Ann", "Reader says"))  # an export coming back
    assert latest_posts(archive, 0, 10)[0][0].body == "Lead rose once more."
    assert shown() == [("Src", "Edited in the file"), ("Ann", "Reader says")]


@pytest.mark.parametrize("write", ["file", "upsert"])
def test_a_readers_comment_on_one_post_does_not_hide_the_same_words_in_the_file_on_another(
        archive: Archive, tmp_path: Path, write: str) -> None:
    """A file's comment is left out only when its own post has the same comment from a reader: keyed by post,
    author and words, not by author and words across every post the batch updates."""
    day = datetime(2024, 3, 1, tzinfo=UTC)

    def store(body: str, *said: tuple[str, str]) -> None:
        comments = tuple(Comment(who, text, day) for who, text in said)
        batch = [replace(make_post(title, 1, url=f"https://x/{title}"), blocks=(Block("paragraph", body),),
                         comments=comments) for title in ("Tin", "Zinc")]
        if write == "upsert":
            with archive.store.transaction() as conn:
                upsert_posts(conn, batch)
            return
        path = tmp_path / "both.jsonl"
        path.write_text("".join(json.dumps({"title": post.title, "body": body, "url": post.url,
                                            "published": "2024-03-01",
                                            "comments": [{"author": c.author, "body": c.body,
                                                          "published": day.isoformat()} for c in post.comments]})
                                + "\n" for post in batch))
        ingest_file(archive, path)

    store("First words.")
    ids = {p.title: p.id or 0 for p in latest_posts(archive, 0, 10)[0]}
    with archive.store.transaction() as conn:
        add_comment(conn, Comment("Ann", "Thanks!", day, post_id=ids["Tin"]), "c1")
    store("Second words.", ("Ann", "Thanks!"))  # the reader's comment on Tin comes back; on Zinc it is the file's
    with archive.store.reading() as conn:
        shown = {title: [(c.author, c.body) for c in list_comments(conn, post_id, include_pending=True)]
                 for title, post_id in ids.items()}
    assert shown == {"Tin": [("Ann", "Thanks!")], "Zinc": [("Ann", "Thanks!")]}


def test_an_update_keeps_the_desks_version_of_a_post_saved_there(archive: Archive) -> None:
    """What PostgreSQL's one-transaction import writes through: a post an editor saved stays the editors'."""
    from metalnomist.accounts.service import create_user
    from metalnomist.publishing.service import Draft, get_desk_post, save

    with archive.store.transaction() as conn:
        post_id, _ = upsert_post(conn, make_post("Tin", 2, ("Tin",), url="https://x/tin"))
    editor = create_user(archive.store, "ana", "a long enough password", "editor")
    save(archive.store, archive.settings, editor, Draft("Tin, corrected", "The desk's words."), post_id)
    with archive.store.transaction() as conn:
        again = upsert_post(conn, make_post("Tin from the feed", 2, ("Tin", "LME"), url="https://x/tin"))
    assert again == (post_id, "kept")
    desk = get_desk_post(archive.store, post_id)
    assert (desk.title, desk.markdown, desk.labels) == ("Tin, corrected", "The desk's words.", ())


def test_a_post_changed_then_restored_in_one_file_ends_as_its_last_copy(archive: Archive, tmp_path: Path) -> None:
    """The last copy is the stored one again: it undoes the earlier copy's change, and the report counts it
    as the update it is (as PostgreSQL, comparing with the first copy just written, does), not as unchanged."""
    stored, changed = ({"title": "Zinc", "body": body, "url": "https://x/z"} for body in ("first", "second"))
    (tmp_path / "once.jsonl").write_text(json.dumps(stored) + "\n")
    ingest_file(archive, tmp_path / "once.jsonl")
    (tmp_path / "back.jsonl").write_text(json.dumps(changed) + "\n" + json.dumps(stored) + "\n")
    report = ingest_file(archive, tmp_path / "back.jsonl")
    assert (report.added, report.updated, report.unchanged) == (0, 2, 0)
    assert [p.body for p in latest_posts(archive, 0, 10)[0]] == ["first"]


def test_a_changed_post_shows_every_field_of_its_new_version(archive: Archive, tmp_path: Path) -> None:
    """On SQLite the new version waits in a hidden row and is copied onto the post: no column may be left out."""
    path = tmp_path / "moved.jsonl"
    first = {"title": "Nickel", "body": "Old text.", "url": "https://x/ni", "published": "2024-03-01",
             "source": "Wire A", "comment_count": 2, "desk": "Tokyo"}
    path.write_text(json.dumps(first) + "\n")
    ingest_file(archive, path)
    second = {"title": "Nickel, revised", "body": "New text.", "url": "https://x/ni",
              "published": "2024-03-02T08:00:00Z", "date_source": "url", "source": "Wire B", "comment_count": 5,
              "desk": "Lima"}
    path.write_text(json.dumps(second) + "\n")
    assert ingest_file(archive, path).updated == 1
    (post,) = latest_posts(archive, 0, 10)[0]
    assert (post.title, post.body, post.published, post.date_source, post.source, post.comment_count,
            post.metadata) == ("Nickel, revised", "New text.", datetime(2024, 3, 2, 8, tzinfo=UTC), "url", "Wire B", 5,
                               {"desk": "Lima"})
    assert post.permalink == "/2024/03/nickel.html"  # an address, once given, stays


def test_batches_number_colliding_permalinks(archive: Archive, tmp_path: Path) -> None:
    path = tmp_path / "same.jsonl"
    path.write_text("".join(f'{{"title": "Weekly copper", "body": "{i}", "url": "https://x/{i}", '
                            f'"published": "2024-05-0{i + 1}"}}\n' for i in range(3)))
    ingest_file(archive, path)
    links = sorted(p.permalink or "" for p in latest_posts(archive, 0, 10)[0])
    assert links == ["/2024/05/weekly-copper-2.html", "/2024/05/weekly-copper-3.html", "/2024/05/weekly-copper.html"]


def test_the_date_and_what_dated_it_round_trip(archive: Archive, tmp_path: Path) -> None:
    inferred = tmp_path / "inferred.jsonl"
    inferred.write_text('{"title": "Wire", "body": "LIMA, June 3, 2025 (Reuters) - Copper rose."}\n'
                        '{"title": "Plain", "body": "Copper rose."}\n')
    ingest_file(archive, inferred)
    with archive.store.transaction() as conn:
        by_url, _ = upsert_post(conn, replace(make_post("By URL", 5), date_source="url"))
    with archive.store.reading() as conn:
        posts, _ = latest_posts(archive, 0, 10)
        again = posts_by_ids(conn, [by_url])[by_url]
    got = [(p.title, p.published.isoformat() if p.published else None, p.date_source) for p in posts]
    assert got == [("Wire", "2025-06-03T00:00:00+00:00", "dateline"), ("By URL", "2024-03-05T09:30:00+00:00", "url"),
                   ("Plain", None, "ingest")]
    assert again.date_source == "url"


def test_a_file_again_that_only_says_what_dated_a_post_updates_it(archive: Archive, tmp_path: Path) -> None:
    """What dated a post is part of what the file says: the same date now read from the address is an update,
    not 'unchanged' with the old source kept (the content hash must cover date_source)."""
    path = tmp_path / "dated.jsonl"
    post = {"title": "Tin", "body": "Tin rose.", "url": "https://x/tin", "published": "2024-03-01"}
    path.write_text(json.dumps(post) + "\n")
    ingest_file(archive, path)
    path.write_text(json.dumps({**post, "date_source": "url"}) + "\n")
    report = ingest_file(archive, path)
    assert (report.updated, report.unchanged) == (1, 0)
    assert [p.date_source for p in latest_posts(archive, 0, 10)[0]] == ["url"]


def test_a_file_again_with_other_extra_fields_updates_the_post(archive: Archive, tmp_path: Path) -> None:
    """A post's metadata (a page's author, a JSONL line's own fields) is part of what the file says: changed
    alone, it is an update that shows, not 'unchanged' with the old values kept."""
    path = tmp_path / "desk.jsonl"
    post = {"title": "Tin", "body": "Tin rose.", "url": "https://x/tin", "published": "2024-03-01", "desk": "Tokyo"}
    path.write_text(json.dumps(post) + "\n")
    ingest_file(archive, path)
    path.write_text(json.dumps({**post, "desk": "Lima"}) + "\n")
    report = ingest_file(archive, path)
    assert (report.updated, report.unchanged) == (1, 0)
    assert latest_posts(archive, 0, 10)[0][0].metadata == {"desk": "Lima"}


def test_a_file_again_that_approves_a_held_comment_shows_it(archive: Archive, tmp_path: Path) -> None:
    """A comment the file held for moderation and now approves is a change: it comes out of the queue."""
    path = tmp_path / "held.jsonl"
    said = {"author": "Ann", "body": "Is this right?", "published": "2024-03-01T10:00:00+00:00", "approved": False}
    post = {"title": "Tin", "body": "Tin rose.", "url": "https://x/tin", "published": "2024-03-01"}
    for approved in (False, True):
        path.write_text(json.dumps({**post, "comments": [{**said, "approved": approved}]}) + "\n")
        report = ingest_file(archive, path)
    assert (report.updated, report.unchanged) == (1, 0)
    post_id = latest_posts(archive, 0, 10)[0][0].id or 0
    with archive.store.reading() as conn:
        assert [(c.body, c.approved) for c in list_comments(conn, post_id, include_pending=True)] == [
            ("Is this right?", True)]


def test_hashes_stored_before_metadata_counted_stay_valid() -> None:
    """A post with no metadata and no held comment hashes as it did before those counted, so archives
    imported then are not rewritten (and re-extracted) whole by their next import; key order is no change."""
    day = datetime(2024, 3, 1, tzinfo=UTC)
    post = Post(title="Tin", blocks=(Block("paragraph", "Tin rose 5%."),), url="https://x/tin", published=day,
                labels=("Tin", "Japan"), source="f.jsonl", comments=(Comment("Ann", "Hi", day + timedelta(days=1)),))
    assert content_hash(post) == "97a3a90a88203fd14e6288c9ca6318e81e041c70531ea691cddab909fba379dd"
    assert content_hash(replace(post, metadata={"a": 1, "b": [2]})) == content_hash(
        replace(post, metadata={"b": [2], "a": 1}))
    assert content_hash(replace(post, metadata={"a": 1})) != content_hash(post)


def test_undated_posts_list_after_dated_ones_and_neighbours_agree(archive: Archive) -> None:
    with archive.store.transaction() as conn:
        for title, day in [("Old", 1), ("Undated A", None), ("New", 9), ("Undated B", None), ("Undated C", None)]:
            upsert_post(conn, make_post(title, day))
    with archive.store.reading() as conn:
        posts, _ = latest_posts(archive, 0, 10)
        order = [p.title for p in posts]
        walked = [tuple(n.title if n else None for n in neighbours(conn, p)) for p in posts]
    # An undated post stored last is still no newer than a dated one; the one before it is the next stored
    # before, not the first.
    assert order == ["New", "Old", "Undated C", "Undated B", "Undated A"]
    assert walked == [(None, "Old"), ("New", "Undated C"), ("Old", "Undated B"), ("Undated C", "Undated A"),
                      ("Undated B", None)]


def test_a_months_pages_run_from_its_dated_posts_into_its_undated_ones(archive: Archive) -> None:
    """A month's dated posts are read as one date range, its undated ones (filed by when they were stored)
    after them: pages that start in either part, or on the border, show each post once and in order."""
    with archive.store.transaction() as conn:
        undated = [upsert_post(conn, make_post(f"Undated {n}"))[0] for n in range(3)]
        stored = posts_by_ids(conn, undated[:1])[undated[0]].created
        assert stored is not None
        for day in (2, 5):
            upsert_post(conn, replace(make_post(f"Dated {day}"), published=stored.replace(day=day, hour=1)))
        upsert_post(conn, replace(make_post("Next month"), published=stored.replace(day=28) + timedelta(days=7)))
    month = (stored.year, stored.month)
    whole, total = latest_posts(archive, 0, 50, month=month)
    assert [p.title for p in whole] == ["Dated 5", "Dated 2", "Undated 2", "Undated 1", "Undated 0"]
    assert total == 5
    for size in (1, 2, 3):
        paged = [p.title for start in range(0, 6, size) for p in latest_posts(archive, start, size, month=month)[0]]
        assert paged == [p.title for p in whole], size


def test_a_labels_pages_are_the_same_read_either_way(archive: Archive) -> None:
    """A rare label's posts are read first and a common one's tested along the date walk: same pages."""
    with archive.store.transaction() as conn:
        for n in range(12):
            upsert_post(conn, make_post(f"Post {n}", 1 + n, ("Zinc",) if n % 3 else ("Zinc", "Tin")))
    with archive.store.reading() as conn:
        for label, start, size in [("Zinc", 0, 5), ("Zinc", 5, 5), ("Tin", 0, 2), ("Tin", 2, 5), ("Tin", 9, 5)]:
            walked = list_posts(conn, start, size, label=label)
            first = list_posts(conn, start, size, label=label, rare_label=True)
            assert [p.title for p in walked] == [p.title for p in first], (label, start)
        assert [p.title for p in list_posts(conn, 0, 9, label="Tin")] == ["Post 9", "Post 6", "Post 3", "Post 0"]


def test_neighbours_walk_ties_and_undated_posts_in_the_listing_order(archive: Archive) -> None:
    """Posts of the same minute order by id, as listings do; the walk crosses from dated to undated posts."""
    with archive.store.transaction() as conn:
        for title, day in [("Undated A", None), ("Tie 1", 5), ("Old", 1), ("Tie 2", 5), ("Undated B", None),
                           ("New", 9), ("Tie 3", 5)]:
            upsert_post(conn, make_post(title, day))
    with archive.store.reading() as conn:
        posts = list_posts(conn, 0, 10)
        walked = [tuple(n.title if n else None for n in neighbours(conn, p)) for p in posts]
    titles = [p.title for p in posts]
    assert titles == ["New", "Tie 3", "Tie 2", "Tie 1", "Old", "Undated B", "Undated A"]
    assert walked == list(zip([None, *titles[:-1]], [*titles[1:], None], strict=True))


def test_posts_of_one_minute_page_one_at_a_time_in_one_order_in_every_listing(archive: Archive) -> None:
    """Ties on the date fall to the id, the last stored first, whichever way a listing is read: pages of one
    post neither repeat nor skip one."""
    with archive.store.transaction() as conn:
        ids = [upsert_post(conn, make_post(f"Tie {n}", 5, ("Tin",)))[0] for n in range(5)]
    listings: list[dict[str, Any]] = [{}, {"label": "Tin"}, {"label": "Tin", "rare_label": True}, {"month": (2024, 3)}]
    with archive.store.reading() as conn:
        for listing in listings:
            paged = [p.id for start in range(len(ids)) for p in list_posts(conn, start, 1, **listing)]
            assert paged == ids[::-1], listing
