"""Odd values at ingest (issue 8, item 13): a clear error naming file, line and field, or a sane post."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from metalnomist.errors import IngestError
from metalnomist.ingest import jsonl
from metalnomist.ingest.checks import MAX_AUTHOR_CHARS, MAX_DEPTH, Limits, checked
from metalnomist.models import Post
from metalnomist.pipeline import Archive, ingest_file, moderate
from metalnomist.store.comments import list_comments
from metalnomist.store.posts import iter_posts


def one_line(tmp_path: Path, line: str) -> Path:
    path = tmp_path / "odd.jsonl"
    path.write_text('{"title": "fine", "body": "fine"}\n' + line + "\n")
    return path


REFUSED = [
    ('{"title": "A", "body": "x", "comment_count": 1e30}', "field 'comment_count'"),  # a float
    ('{"title": "A", "body": "x", "comment_count": 1000000000000000000000000000000}', "field 'comment_count'"),
    ('{"title": "A", "body": "x", "comment_count": -1}', "field 'comment_count'"),
    ('{"title": "A", "body": "x", "comment_count": true}', "field 'comment_count'"),  # bool is an int in Python
    ('{"title": "A", "body": "x", "published": "9999-12-31T23:59:59-05:00"}', "field 'published'"),  # past year 9999
    ('{"title": "A", "body": "x", "published": "0001-01-01T00:00:00+05:00"}', "field 'published'"),  # before year 1
    # year 9999 in UTC: December has no next month to end its archive page, and every listing count failed
    ('{"title": "A", "body": "x", "published": "9999-12-31"}', "year 9999"),
    ('{"title": "A", "body": "x", "published": "9999-01-15T00:00:00Z"}', "year 9999"),
    ('{"title": "A", "body": "x", "comments": [{"body": "c", "published": "9999-12-31T23:00:00-05:00"}]}',
     "field 'comments[0].published'"),
    ('{"title": "A", "body": "x", "extra": ' + "[" * 50 + "]" * 50 + "}", "field 'metadata'"),
    ('{"title": "A", "body": "x", "url": "https://x/' + "a" * 600 + '"}', "field 'url'"),
    ('{"title": "A", "body": "x", "comments": [{"author": "' + "n" * 201 + '", "body": "c"}]}',
     "field 'comments[0].author'"),
    ("[" * 100_000 + "]" * 100_000, "nested too deeply"),  # Python's json recurses: RecursionError
]


@pytest.mark.parametrize(("line", "problem"), REFUSED)
def test_odd_values_are_refused_naming_file_line_and_field(tmp_path: Path, line: str, problem: str) -> None:
    path = one_line(tmp_path, line)
    with pytest.raises(IngestError) as caught:
        list(jsonl.read(path))
    assert caught.value.path == str(path) and caught.value.line == 2
    assert problem in str(caught.value)


def test_lone_surrogates_and_control_characters_become_storable_text(archive: Archive, tmp_path: Path) -> None:
    """On both databases: PostgreSQL refuses NUL and both refuse to encode half a surrogate pair."""
    line = json.dumps({"title": "Cop\u0000per \ud800prices\ufffe", "body": "Zinc\x0b rose\x1b[31m.\n\nMore\x00.\uffff",
                       "labels": ["Lead\x07"], "desk": {"note\ud800": "x\x00y"},
                       "source": "Metals\x00 Daily\ud800", "url": "https://x.example/c\x00u\x7f",
                       "comments": [{"author": "A\x1b", "body": "line\nnext\x00"}]})
    ingest_file(archive, one_line(tmp_path, line))
    with archive.store.reading() as conn:
        post = {p.title: p for p in iter_posts(conn)}["Copper \ufffdprices"]
        assert post.id is not None
        comments = list_comments(conn, post.id)
    assert post.body == "Zinc rose[31m.\n\nMore."
    assert post.labels == ("Lead",)
    assert (post.source, post.url) == ("Metals Daily\ufffd", "https://x.example/cu")
    assert post.metadata == {"desk": {"note\ufffd": "xy"}}
    assert [(c.author, c.body) for c in comments] == [ ("A", "line\nnext")]


def test_a_paragraph_of_nothing_but_odd_characters_leaves_no_empty_block(tmp_path: Path) -> None:
    _, post = jsonl.read(one_line(tmp_path, json.dumps({"title": "A", "body": "Zinc.\n\n\x00\x07 \x1b\n\nTin."})))
    assert [b.text for b in post.blocks] == ["Zinc.", "Tin."] and post.body == "Zinc.\n\nTin."


@pytest.mark.parametrize(("author", "kept"), [("  Ann\x1b ", "Ann"), (" \x07 ", "Anonymous"),
                                              ("n" * MAX_AUTHOR_CHARS, "n" * MAX_AUTHOR_CHARS)])
def test_a_comments_author_is_trimmed_named_anonymous_when_blank_and_kept_up_to_the_limit(
        tmp_path: Path, author: str, kept: str) -> None:
    line = json.dumps({"title": "A", "body": "x", "comments": [{"author": author, "body": "Useful."}]})
    _, post = jsonl.read(one_line(tmp_path, line))
    assert [c.author for c in post.comments] == [kept]


def test_a_negative_comment_count_from_any_reader_is_refused_by_the_last_check(tmp_path: Path) -> None:
    """Every reader's posts pass `checked`: it holds the line for readers that do not check counts themselves."""
    with pytest.raises(IngestError, match="field 'comment_count'"):
        checked(Post(title="A", blocks=(), comment_count=-1), Limits(), tmp_path / "feed.xml", 7)
    assert checked(Post(title="A", blocks=(), comment_count=0), Limits(), tmp_path / "feed.xml", 7).comment_count == 0


def test_labels_that_differ_only_in_odd_characters_or_spacing_are_one_label(tmp_path: Path) -> None:
    """Cleaning can make two labels the same; kept twice, the post would be listed twice under one label."""
    line = json.dumps({"title": "A", "body": "x", "labels": ["Lead\x07", "Lead", "Zinc  ore", "Zinc ore", "Tin"]})
    _, post = jsonl.read(one_line(tmp_path, line))
    assert post.labels == ("Lead", "Zinc ore", "Tin")


def test_metadata_nested_to_the_limit_is_kept_and_one_level_more_is_refused(tmp_path: Path) -> None:
    """The limit is the deepest nesting allowed, not the first refused: an export at the limit must import."""
    at_limit = '{"title": "A", "body": "x", "extra": ' + "[" * MAX_DEPTH + "]" * MAX_DEPTH + "}"
    _, post = jsonl.read(one_line(tmp_path, at_limit))
    assert post.metadata == {"extra": json.loads("[" * MAX_DEPTH + "]" * MAX_DEPTH)}
    deeper = '{"title": "A", "body": "x", "extra": ' + "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1) + "}"
    with pytest.raises(IngestError) as caught:
        list(jsonl.read(one_line(tmp_path, deeper)))
    assert (caught.value.line, caught.value.where) == (2, "field 'metadata'")


def assert_sane(post: Post) -> None:
    """What the store, the index and the feeds need of every post a reader yields."""
    for text in (post.title, post.body, *post.labels, json.dumps(post.metadata)):
        text.encode("utf-8")
    assert post.title.strip()
    if post.published is not None:
        assert post.published.astimezone(UTC).year < 9999
    assert post.comment_count is None or 0 <= post.comment_count < 2**31


# Text with one of the troublesome code points (controls, lone surrogates, non-characters) in it, or any text.
ODD = "\x00\x0b\x1b\x7f\x9b\ud800\udfff\ufffe"
any_text = st.builds(lambda a, odd, b: a + odd + b, st.text(max_size=10), st.sampled_from(ODD),
                     st.text(max_size=10)) | st.text(st.characters(blacklist_categories=()), max_size=30)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | any_text,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=12,
)
edge_days = st.datetimes(min_value=datetime(9999, 12, 31), timezones=st.timezones()) | st.datetimes(
    max_value=datetime(1, 1, 1, 23, 59), timezones=st.timezones())  # a day from the ends of datetime's range
dates = (st.datetimes(timezones=st.timezones()) | edge_days).map(lambda d: d.isoformat()) | any_text
comments = st.lists(st.fixed_dictionaries({"body": any_text}, optional={"author": any_text, "published": dates}),
                    max_size=2)
# Mostly well-shaped posts with hostile values, so most examples get past the shape checks.
objects = st.fixed_dictionaries(
    {"title": any_text, "body": any_text},
    optional={"url": any_text, "published": dates, "labels": st.lists(any_text, max_size=3), "source": any_text,
              "comments": comments, "headings": st.lists(any_text, max_size=2),
              "comment_count": st.integers() | st.floats() | st.booleans(), "desk": json_values},
)
lines = st.one_of(objects.map(json.dumps), objects.map(json.dumps), json_values.map(json.dumps), any_text,
                  st.builds(lambda d, cut: json.dumps(d)[:cut], objects, st.integers(0, 60)))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=st.lists(lines, max_size=4) | st.binary(max_size=200).map(lambda b: [b.decode("latin-1")]))
def test_any_input_gives_sane_posts_or_an_ingest_error(tmp_path: Path, body: list[str]) -> None:
    path = tmp_path / "fuzz.jsonl"
    path.write_bytes("\n".join(body).encode("utf-8", "surrogatepass"))
    try:
        posts = list(jsonl.read(path))
    except IngestError as exc:
        assert str(path) in str(exc)
        return
    for post in posts:
        assert_sane(post)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(published=dates)
def test_any_date_text_gives_a_sane_date_or_an_ingest_error(tmp_path: Path, published: str) -> None:
    path = one_line(tmp_path, json.dumps({"title": "A", "body": "x", "published": published}))
    try:
        posts = list(jsonl.read(path))
    except IngestError as exc:
        assert "field 'published'" in str(exc)
        return
    for post in posts:
        assert_sane(post)


def test_approving_ids_no_database_holds_says_they_do_not_exist(archive: Archive) -> None:
    """`metalnomist approve 99999999999999999999999` overflowed the driver with a traceback."""
    huge = [2**31, 2**63, 10**23, -5, 0]
    assert moderate(archive, huge, approve=True) == huge
    assert moderate(archive, huge, approve=False) == huge
