"""The desk's use cases on SQLite and PostgreSQL: statuses, permalinks, revisions, facts, scheduling."""

from __future__ import annotations

import json
import re
import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import lxml.html
import pytest

from metalnomist.accounts.service import create_user
from metalnomist.config import Settings
from metalnomist.errors import InvalidInput, NotFound
from metalnomist.ingest import read_posts
from metalnomist.models import PostStatus, User
from metalnomist.pipeline import Archive, ingest_file
from metalnomist.publishing.markdown import markdown_blocks, preview_html
from metalnomist.publishing.service import (
    Draft,
    audit_log,
    check,
    counts,
    empty_trash,
    facts_preview,
    get_desk_post,
    move,
    parse_labels,
    posts_with_status,
    publish_due,
    restore_revision,
    revisions,
    save,
)
from metalnomist.search.service import SearchRequest, search
from metalnomist.store import desk
from metalnomist.store.facts import FactFilter, query_facts
from metalnomist.store.ingests import begin_ingest, clear_published, publish_ingest, write_hidden
from metalnomist.store.posts import list_posts, post_by_permalink
from tests.hostile.test_locks_steps import nickel, write_lines

BODY = "Japan imported 5,072 tonnes of nickel in March 2025, up 12% from a year earlier."


@pytest.fixture
def editor(archive: Archive) -> User:
    return create_user(archive.store, "ana", "correct horse battery", "editor")


def public_titles(archive: Archive) -> list[str]:
    with archive.store.reading() as conn:
        return [post.title for post in list_posts(conn, 0, 100)]


def stored_facts(archive: Archive) -> int:
    with archive.store.reading() as conn:
        return query_facts(conn, FactFilter())[1]


def test_a_draft_stays_on_the_desk_until_published_at_a_fixed_address(archive: Archive, editor: User) -> None:
    post_id = save(archive.store, archive.settings, editor, Draft("Nickel imports rise", BODY, ("Nickel",)))
    draft = get_desk_post(archive.store, post_id)
    assert (draft.status, draft.permalink, draft.published) == ("draft", None, None)
    assert public_titles(archive) == [] and stored_facts(archive) == 0
    published = move(archive.store, editor, post_id, "published")
    assert published.permalink is not None and published.published is not None
    assert re.fullmatch(rf"/{published.published:%Y/%m}/nickel-imports-rise\.html", published.permalink)
    assert public_titles(archive) == ["Nickel imports rise"] and stored_facts(archive) == 1
    # a new title keeps the address readers and feeds already have
    save(archive.store, archive.settings, editor, Draft("Nickel imports rise by 12%", BODY, ("Nickel",)), post_id)
    edited = get_desk_post(archive.store, post_id)
    assert edited.permalink == published.permalink and edited.published == published.published
    with archive.store.reading() as conn:
        found = post_by_permalink(conn, published.permalink)
    assert found is not None and found.title == "Nickel imports rise by 12%"
    assert counts(archive.store) == {"draft": 0, "scheduled": 0, "published": 1, "trash": 0}


def test_editing_a_published_post_replaces_its_facts_and_editing_a_draft_stores_none(archive: Archive,
                                                                                     editor: User) -> None:
    def values() -> list[float | None]:
        with archive.store.reading() as conn:
            return [f.value for f in query_facts(conn, FactFilter())[0]]

    post_id = save(archive.store, archive.settings, editor, Draft("Nickel imports rise", BODY))
    move(archive.store, editor, post_id, "published")
    assert values() == [5072.0]
    corrected = BODY.replace("5,072", "6,150")
    save(archive.store, archive.settings, editor, Draft("Nickel imports rise", corrected), post_id)
    assert values() == [6150.0]  # readers' figures follow the words they read
    move(archive.store, editor, post_id, "draft")
    save(archive.store, archive.settings, editor, Draft("Nickel imports rise", BODY), post_id)
    assert values() == []  # a draft's figures wait until it is published


def test_the_trash_hides_a_post_and_its_facts_and_restoring_brings_back_a_draft(archive: Archive,
                                                                                editor: User) -> None:
    post_id = save(archive.store, archive.settings, editor, Draft("Nickel imports rise", BODY))
    address = move(archive.store, editor, post_id, "published").permalink
    move(archive.store, editor, post_id, "trash")
    assert public_titles(archive) == [] and stored_facts(archive) == 0
    restored = move(archive.store, editor, post_id, "draft")
    assert restored.status == "draft" and restored.permalink == address
    assert move(archive.store, editor, post_id, "published").permalink == address


def test_every_save_is_a_revision_and_any_can_be_restored(archive: Archive, editor: User) -> None:
    post_id = save(archive.store, archive.settings, editor, Draft("First", "one", ("A",)))
    save(archive.store, archive.settings, editor, Draft("Second", "two", ("B",)), post_id)
    first, = [r for r in revisions(archive.store, post_id) if r.title == "First"]
    restore_revision(archive.store, archive.settings, editor, post_id, first.id)
    current = get_desk_post(archive.store, post_id)
    assert (current.title, current.markdown, current.labels) == ("First", "one", ("A",))
    assert [r.title for r in revisions(archive.store, post_id)] == ["First", "Second", "First"]
    assert {r.author for r in revisions(archive.store, post_id)} == {"ana"}
    with pytest.raises(NotFound):
        restore_revision(archive.store, archive.settings, editor, post_id, 10_000)


def test_a_scheduled_post_publishes_once_when_its_time_comes(archive: Archive, editor: User) -> None:
    post_id = save(archive.store, archive.settings, editor, Draft("Nickel imports rise", BODY))
    when = datetime.now(UTC) + timedelta(hours=1)
    assert move(archive.store, editor, post_id, "scheduled", when).publish_at == when
    assert publish_due(archive.store) == [] and public_titles(archive) == []
    assert publish_due(archive.store, when + timedelta(seconds=1)) == [post_id]
    assert publish_due(archive.store, when + timedelta(seconds=2)) == []  # a second worker finds nothing to do
    assert public_titles(archive) == ["Nickel imports rise"] and stored_facts(archive) == 1
    assert [(e.action, e.user) for e in audit_log(archive.store)][:2] == [("published", None), ("scheduled", "ana")]


def test_a_scheduled_posts_figures_wait_until_it_is_published(archive: Archive, editor: User) -> None:
    """The facts desk and its API are public: a figure from a post scheduled for an embargo must not appear there
    before the post does."""
    post_id = save(archive.store, archive.settings, editor, Draft("Nickel imports rise", BODY))
    move(archive.store, editor, post_id, "published")
    when = datetime.now(UTC) + timedelta(hours=1)
    move(archive.store, editor, post_id, "scheduled", when)  # unpublished again, to come back at its time
    assert stored_facts(archive) == 0 and public_titles(archive) == []
    assert publish_due(archive.store, when + timedelta(seconds=1)) == [post_id]
    assert stored_facts(archive) == 1


@pytest.mark.parametrize("zone", [UTC, timezone(timedelta(hours=-5)), timezone(timedelta(hours=9))])
def test_a_scheduled_post_publishes_at_the_instant_asked_in_whatever_zone(archive: Archive, editor: User,
                                                                         zone: timezone) -> None:
    """The API takes any offset, and SQLite stores a datetime without its zone: a time given in New York was read
    as UTC, so an embargoed post appeared five hours early. At its time exactly it is due, not a moment later."""
    post_id = save(archive.store, archive.settings, editor, Draft("Nickel imports rise", BODY))
    when = (datetime.now(UTC) + timedelta(hours=1)).astimezone(zone)
    assert move(archive.store, editor, post_id, "scheduled", when).publish_at == when
    assert get_desk_post(archive.store, post_id).publish_at == when
    assert publish_due(archive.store, when - timedelta(microseconds=1)) == []
    assert publish_due(archive.store, when) == [post_id]


def test_due_posts_publish_in_the_order_of_their_times(archive: Archive, editor: User) -> None:
    """Oldest first, whatever order they were written in: the audit log then reads as the embargoes fell."""
    later, sooner = (save(archive.store, archive.settings, editor, Draft(title, BODY)) for title in ("Later", "Sooner"))
    now = datetime.now(UTC)
    move(archive.store, editor, later, "scheduled", now + timedelta(hours=2))
    move(archive.store, editor, sooner, "scheduled", now + timedelta(hours=1))
    assert publish_due(archive.store, now + timedelta(hours=3)) == [sooner, later]


def test_a_post_published_now_keeps_no_time_to_publish_at(archive: Archive, editor: User) -> None:
    """The API passes `publish_at` along with any status: only a scheduled post keeps it, or a published post
    would show a schedule it no longer has."""
    post_id = save(archive.store, archive.settings, editor, Draft("Nickel imports rise", BODY))
    when = datetime.now(UTC) + timedelta(hours=1)
    assert move(archive.store, editor, post_id, "published", when).publish_at is None
    assert move(archive.store, editor, post_id, "draft", when).publish_at is None


def test_publishing_again_keeps_the_first_address_and_date(archive: Archive, editor: User) -> None:
    """Readers, feeds and links hold the first publication's address and date; taking a post down and putting it
    back (even retitled) changes neither."""
    post_id = save(archive.store, archive.settings, editor, Draft("Nickel imports rise", BODY))
    first = move(archive.store, editor, post_id, "published")
    move(archive.store, editor, post_id, "draft")
    save(archive.store, archive.settings, editor, Draft("Nickel imports up 12%", BODY), post_id)
    again = move(archive.store, editor, post_id, "published")
    assert (again.permalink, again.published) == (first.permalink, first.published)


def test_the_audit_log_names_each_change_who_made_it_and_how(archive: Archive, editor: User) -> None:
    """The log is how editors learn who did what to a post: a save is a create or an edit naming its revision
    and title, a move names both statuses (a schedule its time), and emptying the trash names each post."""
    post_id = save(archive.store, archive.settings, editor, Draft("Nickel imports rise", BODY))
    save(archive.store, archive.settings, editor, Draft("Nickel imports up", BODY), post_id)
    first, second = sorted(r.id for r in revisions(archive.store, post_id))
    when = datetime.now(UTC) + timedelta(hours=1)
    statuses: tuple[PostStatus, ...] = ("published", "draft", "scheduled", "trash")
    for status in statuses:
        move(archive.store, editor, post_id, status, when if status == "scheduled" else None)
    assert empty_trash(archive.store, editor) == 1
    post = f"post {post_id}"
    assert [(e.user, e.action, e.target, e.detail) for e in reversed(audit_log(archive.store))] == [
        ("ana", "create", post, f"revision {first}: Nickel imports rise"),
        ("ana", "edit", post, f"revision {second}: Nickel imports up"),
        ("ana", "published", post, "draft → published"),
        ("ana", "unpublish", post, "published → draft"),
        ("ana", "scheduled", post, f"draft → scheduled at {when.isoformat()}"),
        ("ana", "trash", post, "scheduled → trash"),
        ("ana", "delete", post, "emptied from the trash")]
    assert [e.action for e in audit_log(archive.store, limit=2)] == ["delete", "trash"]


def test_the_desk_lists_the_most_recently_changed_post_first(archive: Archive, editor: User) -> None:
    """An editor returns to what they just worked on: an edit brings an older draft back to the top."""
    older = save(archive.store, archive.settings, editor, Draft("Older", BODY))
    save(archive.store, archive.settings, editor, Draft("Newer", BODY))
    assert desk_titles(archive, "", "draft") == ["Newer", "Older"]
    save(archive.store, archive.settings, editor, Draft("Older, edited", BODY), older)
    assert desk_titles(archive, "", "draft") == ["Older, edited", "Newer"]


def test_an_edit_replaces_the_labels_on_the_desk_and_for_readers(archive: Archive, editor: User) -> None:
    """Labels are part of the words an editor saves: a relabelled post is found under its new label only."""
    post_id = save(archive.store, archive.settings, editor, Draft("Nickel imports rise", BODY, ("Nickel", "Japan")))
    move(archive.store, editor, post_id, "published")
    save(archive.store, archive.settings, editor, Draft("Nickel imports rise", BODY, ("Trade", "Nickel")), post_id)
    assert get_desk_post(archive.store, post_id).labels == ("Trade", "Nickel")
    assert [p.id for p in posts_with_status(archive.store, "published", label="Japan")] == []
    with archive.store.reading() as conn:
        found = post_by_permalink(conn, get_desk_post(archive.store, post_id).permalink or "")
    assert found is not None and found.labels == ("Trade", "Nickel")


def test_a_label_given_twice_is_kept_once(archive: Archive, editor: User) -> None:
    """The API passes its list as sent, and trimming can make two labels one: a repeat was a database error (a
    500) where one label was meant."""
    post_id = save(archive.store, archive.settings, editor,
                   Draft("Nickel imports rise", BODY, ("Nickel", " Nickel ", "Japan", "Nickel")))
    assert get_desk_post(archive.store, post_id).labels == ("Nickel", "Japan")
    assert check(Draft("T", "", ("one", "one", "two")), LIMITS).labels == ("one", "two")  # two labels, at the limit


@pytest.mark.parametrize("post_id", [0, -1, 2**31, 2**63])
def test_a_post_id_past_what_the_database_stores_is_not_found(archive: Archive, post_id: int) -> None:
    """Routes take any integer; one outside the id column's range is a post that cannot exist, not a database
    error and an error page."""
    with pytest.raises(NotFound):
        get_desk_post(archive.store, post_id)


@pytest.mark.parametrize(("when", "problem"), [
    (None, "needs a time"),
    (datetime(2020, 1, 1, tzinfo=UTC), "has passed"),
    (datetime(2999, 1, 1), "with its zone"),
])
def test_a_schedule_needs_a_zoned_time_ahead(archive: Archive, editor: User, when: datetime | None,
                                             problem: str) -> None:
    post_id = save(archive.store, archive.settings, editor, Draft("T", "x"))
    with pytest.raises(InvalidInput, match=problem):
        move(archive.store, editor, post_id, "scheduled", when)
    assert get_desk_post(archive.store, post_id).status == "draft"


def test_bad_drafts_are_refused_naming_each_field_and_nothing_is_stored(archive: Archive, editor: User) -> None:
    settings = archive.settings.replace(max_body_chars=100)
    with pytest.raises(InvalidInput) as caught:
        save(archive.store, settings, editor, Draft("  ", "x" * 101, ("",)))
    assert set(caught.value.problems) == {"title", "body", "labels"}
    assert counts(archive.store)["draft"] == 0
    with pytest.raises(NotFound):
        save(archive.store, settings, editor, Draft("T", "x"), 999)


LIMITS = Settings(max_title_chars=10, max_body_chars=20, max_labels=2, max_label_chars=5)


@pytest.mark.parametrize("field, at_limit, over", [
    ("title", Draft("t" * 10, ""), Draft("t" * 11, "")),
    ("body", Draft("T", "b" * 20), Draft("T", "b" * 21)),
    ("labels", Draft("T", "", ("one", "two")), Draft("T", "", ("one", "two", "six"))),  # how many
    ("labels", Draft("T", "", ("fives",)), Draft("T", "", ("sixsix",))),  # how long each
])
def test_each_limit_admits_a_draft_at_it_and_refuses_one_past_it(field: str, at_limit: Draft, over: Draft) -> None:
    assert check(at_limit, LIMITS) == at_limit
    with pytest.raises(InvalidInput) as caught:
        check(over, LIMITS)
    assert set(caught.value.problems) == {field}


def test_markdown_becomes_headings_and_paragraphs_and_a_sanitised_preview() -> None:
    text = "# Nickel\n\nImports **rose** [12%](https://x.example).\n\n- one\n- two\n\n<script>alert(1)</script>"
    assert [(b.kind, b.text) for b in markdown_blocks(text)] == [
        ("heading", "Nickel"), ("paragraph", "Imports rose 12%."), ("paragraph", "one"), ("paragraph", "two"),
        ("paragraph", "<script>alert(1)</script>")]
    hostile = lxml.html.fromstring(preview_html(
        '<img src=x onerror=alert(1)> [a](javascript:alert(1)) <a href="x" onclick="y">b</a> [c](ftp://host/f)'))
    assert hostile.xpath("//img | //script | //@onclick | //@onerror") == []
    assert hostile.xpath("//a/@href") == []  # neither javascript: nor a scheme outside http(s) and mailto
    assert "<strong>rose</strong>" in preview_html(text)


def test_the_facts_preview_reads_figures_as_the_extractor_will() -> None:
    found = facts_preview(Draft("Nickel", "Japan imported 50,72 tonnes of nickel in March 2025."))
    good = facts_preview(Draft("Nickel", BODY))
    assert [(f.metric, f.value, f.sentence) for f in good] == [("imports", 5072.0, BODY)]
    assert [f.value for f in found] != [5072.0]  # the typo shows as a different figure, before readers see it


def test_labels_are_typed_comma_separated() -> None:
    assert parse_labels(" Nickel, Japan ,,Nickel, Trade ") == ("Nickel", "Japan", "Trade")


def test_workers_publishing_due_posts_at_once_publish_each_once(archive: Archive, editor: User) -> None:
    """Every web worker runs a scheduler: racing ones must neither publish twice nor fail."""
    ids = [save(archive.store, archive.settings, editor, Draft(f"Post {n}", BODY)) for n in range(6)]
    when = datetime.now(UTC) + timedelta(hours=1)
    for post_id in ids:
        move(archive.store, editor, post_id, "scheduled", when)
    start = threading.Barrier(4)

    def worker() -> list[int]:
        start.wait()
        return publish_due(archive.store, when + timedelta(seconds=1))

    with ThreadPoolExecutor(4) as pool:
        results = [f.result() for f in [pool.submit(worker) for _ in range(4)]]
    assert sorted(i for found in results for i in found) == ids
    published = [e for e in audit_log(archive.store) if e.action == "published"]
    assert len(published) == len(ids)


def test_the_dashboard_counts_only_what_readers_and_editors_can_see(archive: Archive, editor: User,
                                                                    tmp_path: Path) -> None:
    """A running ingest's new posts and its stand-ins (new versions of stored posts) are rows of their
    statuses too, hidden until it publishes: the counts, made from each status's index less the hidden
    rows, must not count them before, and must after."""
    ingest_file(archive, write_lines(tmp_path / "a.jsonl", [nickel("First", "12,000"), nickel("Second", "13,500")]))
    save(archive.store, archive.settings, editor, Draft("A draft", BODY, ()))
    posts = list(read_posts(write_lines(tmp_path / "b.jsonl", [nickel("Second", "14,000"), nickel("Third", "9,000")])))
    ingest = begin_ingest(archive.store)
    with archive.store.transaction() as conn:
        placed = [done.placed for done in write_hidden(conn, ingest, posts, {}, None)[0]]
    assert placed == ["updated", "added"]
    assert counts(archive.store) == {"draft": 1, "scheduled": 0, "published": 2, "trash": 0}
    with archive.store.transaction() as conn:
        publish_ingest(conn, ingest)
    assert counts(archive.store) == {"draft": 1, "scheduled": 0, "published": 3, "trash": 0}
    clear_published(archive.store)
    assert counts(archive.store) == {"draft": 1, "scheduled": 0, "published": 3, "trash": 0}


TITLES = ["Japan’s nickel imports rise", "NICKEL output in ÜBER mines", "über die Nickel-Kobalt AND Zinc",
          '100% copper_wire "quoted" NEAR(lithium)', "Ni prices", "Cobalt * stars - minus \\ slash"]
NEEDLES = ["nickel", "NICKEL", "ckel i", "über", "ÜBER", "%", "100%", "r_w", "_", '"quoted"', '"', "near(lithium)",
           '"qu', "and zinc", "ni", "x", "- minus", "*", "japan’s", "’s n", "no such words", "\\", "\\ sl", "ck\x00el"]


def desk_titles(archive: Archive, text: str, status: PostStatus = "published", offset: int = 0,
                limit: int = 50) -> list[str]:
    return [post.title for post in posts_with_status(archive.store, status, offset, limit, text)]


def trigram_check(archive: Archive) -> None:
    """SQLite's title index is sound and indexes exactly the stored rows (titles of three characters or more)."""
    if archive.store.engine.dialect.name == "sqlite":
        with archive.store.transaction() as conn:
            conn.exec_driver_sql("INSERT INTO post_title_trigrams (post_title_trigrams) VALUES ('integrity-check')")
            conn.exec_driver_sql("CREATE VIRTUAL TABLE temp.title_terms USING fts5vocab(main, post_title_trigrams, "
                                 "'instance')")
            indexed = {row[0] for row in conn.exec_driver_sql("SELECT DISTINCT doc FROM temp.title_terms")}
            stored = {row[0] for row in conn.exec_driver_sql("SELECT id FROM post_rows")}
            conn.exec_driver_sql("DROP TABLE temp.title_terms")
        assert indexed == stored and stored


@pytest.mark.parametrize("few", [desk.FEW_TITLES, 1])
def test_a_title_search_finds_what_reading_every_title_finds(archive: Archive, editor: User, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch, few: int) -> None:
    """The trigram index only narrows which posts are read (few titles) or is passed over (many): either way a
    search finds, in the same order, the titles that reading every title of the status finds."""
    ingest_file(archive, write_lines(tmp_path / "a.jsonl", [nickel(title, "1,000") for title in TITLES[:4]]))
    for title in TITLES[4:] + TITLES[:2]:
        post_id = save(archive.store, archive.settings, editor, Draft(title, BODY))
    move(archive.store, editor, post_id, "published")
    asked = [(needle, status, offset, limit) for status in ("published", "draft") for needle in NEEDLES
             for offset, limit in ((0, 50), (1, 2))]
    with monkeypatch.context() as every_title:
        every_title.setattr(desk, "_few_titles_holding", lambda conn, text: None)
        walked = [desk_titles(archive, *question) for question in asked]
    monkeypatch.setattr(desk, "FEW_TITLES", few)
    assert [desk_titles(archive, *question) for question in asked] == walked
    assert sum(map(bool, walked)) > len(asked) / 4, "a search that finds nothing proves nothing"
    newest_first = [TITLES[1], TITLES[2], TITLES[1], TITLES[0]]  # the one published on the desk, then the file's
    assert desk_titles(archive, "nickel") == newest_first
    assert desk_titles(archive, "nickel", offset=1, limit=2) == newest_first[1:3]
    assert desk_titles(archive, "r_w") == [TITLES[3]] and desk_titles(archive, "%") == [TITLES[3]]
    assert desk_titles(archive, '"quoted" near(', "published") == [TITLES[3]]
    assert desk_titles(archive, "\\ sl", "draft") == [TITLES[5]]
    assert desk_titles(archive, "ni", "draft") == [TITLES[0], TITLES[4]]
    trigram_check(archive)


def test_a_title_search_follows_titles_as_they_change(archive: Archive, editor: User, tmp_path: Path) -> None:
    """Edits on the desk, a re-imported post's new title and a post deleted for good: the index of titles
    follows each, or a search for a title's new words finds nothing."""
    post_id = save(archive.store, archive.settings, editor, Draft("Cobalt glut deepens", BODY))
    assert desk_titles(archive, "glut", "draft") == ["Cobalt glut deepens"]
    save(archive.store, archive.settings, editor, Draft("Cobalt shortage looms", BODY), post_id)
    assert desk_titles(archive, "glut", "draft") == []
    assert desk_titles(archive, "shortage", "draft") == ["Cobalt shortage looms"]
    first = json.loads(nickel("Tin smelter restarts", "1,000")) | {"url": "https://x/tin"}
    ingest_file(archive, write_lines(tmp_path / "a.jsonl", [json.dumps(first)]))
    assert desk_titles(archive, "smelter res") == ["Tin smelter restarts"]
    ingest_file(archive, write_lines(tmp_path / "b.jsonl", [json.dumps(first | {"title": "Tin smelter stays shut"})]))
    assert desk_titles(archive, "smelter res") == []
    assert desk_titles(archive, "smelter st") == ["Tin smelter stays shut"]
    ingest = begin_ingest(archive.store)  # a big file's new version stands in beside the old until it shows
    posts = list(read_posts(write_lines(tmp_path / "c.jsonl", [json.dumps(first | {"title": "Tin smelter sold"})])))
    with archive.store.transaction() as conn:
        assert [done.placed for done in write_hidden(conn, ingest, posts, {}, None)[0]] == ["updated"]
    assert desk_titles(archive, "smelter so") == []
    with archive.store.transaction() as conn:
        publish_ingest(conn, ingest)
    clear_published(archive.store)
    assert desk_titles(archive, "smelter") == ["Tin smelter sold"]
    move(archive.store, editor, post_id, "trash")
    assert desk_titles(archive, "shortage", "trash") == ["Cobalt shortage looms"]
    empty_trash(archive.store, editor)
    assert desk_titles(archive, "shortage", "trash") == []
    trigram_check(archive)


def test_control_characters_and_lone_surrogates_are_dropped_from_drafts_and_searches(archive: Archive,
                                                                                      editor: User) -> None:
    """As an ingest does: PostgreSQL stores no NUL, neither database encodes a lone surrogate, and SQLite's
    title index reads a NUL as the end of the search; each was an error page."""
    post_id = save(archive.store, archive.settings, editor,
                   Draft("Cop\x00per\x1b smelters \ud800", "Output\x00 rose.\x0b", ("Zi\x07nc",)))
    post = get_desk_post(archive.store, post_id)
    assert (post.title, post.markdown, post.labels) == ("Copper smelters \ufffd", "Output rose.", ("Zinc",))
    assert desk_titles(archive, "cop\x00per sm", "draft") == ["Copper smelters \ufffd"]
    assert posts_with_status(archive.store, "draft", 0, 10, "\x00\x1b", "Zi\x00nc")[0].id == post_id


def test_a_correction_to_a_published_post_is_what_search_finds(archive: Archive, editor: User) -> None:
    """Readers search the words they read: an edit to a published post reaches the search index, not only its page."""
    post_id = save(archive.store, archive.settings, editor, Draft("Nickel imports rise", BODY))
    move(archive.store, editor, post_id, "published")

    def found(words: str) -> list[int]:
        return [hit.post.id for hit in search(archive.store, archive.index, SearchRequest(words, match="all")).hits]

    assert found("nickel imports") == [post_id]
    save(archive.store, archive.settings, editor, Draft("Cobalt imports rise", BODY.replace("nickel", "cobalt")),
         post_id)
    assert found("cobalt imports") == [post_id] and found("nickel imports") == []


def test_the_desk_opens_a_post_at_its_latest_words(archive: Archive, editor: User) -> None:
    """The editor, and the list, show the newest revision: opening the first one would undo later saves at the
    next."""
    post_id = save(archive.store, archive.settings, editor, Draft("Nickel imports rise", "First words."))
    save(archive.store, archive.settings, editor, Draft("Nickel imports rise", "Second words."), post_id)
    assert get_desk_post(archive.store, post_id).markdown == "Second words."
    assert [post.markdown for post in posts_with_status(archive.store, "draft")] == ["Second words."]
