"""Posts JSON Lines: the import/export contract of interfaces.md, and its errors."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from metalnomist.errors import IngestError
from metalnomist.ingest import jsonl, page
from metalnomist.ingest.jsonl import post_to_dict
from tests.conftest import SEED


def write(tmp_path: Path, *objects: object) -> Path:
    path = tmp_path / "posts.jsonl"
    path.write_text("\n".join(o if isinstance(o, str) else json.dumps(o) for o in objects) + "\n")
    return path


def test_round_trip_of_the_seed_keeps_every_field(tmp_path: Path) -> None:
    originals = list(page.read(SEED))
    path = write(tmp_path, *[post_to_dict(p) for p in originals])
    again = list(jsonl.read(path))
    assert [(p.title, p.blocks, p.labels) for p in again] == [(p.title, p.blocks, p.labels) for p in originals]


def test_dates_become_timezone_aware_and_unknown_fields_are_kept(tmp_path: Path) -> None:
    path = write(tmp_path, {"title": "A", "body": "Text.", "published": "2024-03-05", "labels": ["Copper"],
                            "comments": [{"author": "Ann", "body": "Hi", "published": "2024-03-06T10:00:00+09:00"}],
                            "desk": "Tokyo"})
    (post,) = jsonl.read(path)
    assert post.published == datetime(2024, 3, 5, tzinfo=UTC)
    assert post.comments[0].published is not None and post.comments[0].published.utcoffset() is not None
    assert post.metadata == {"desk": "Tokyo"}


def test_an_exported_post_comes_back_with_every_field_it_exports(tmp_path: Path) -> None:
    """Each field read from the right key and written back under it: url and source are both strings, and
    a comment's date, author and moderation state all travel."""
    line = {"title": "Zinc", "body": "Lead.\n\nDetail.", "url": "https://x/zinc",
            "published": "2024-03-05T09:30:00+09:00", "date_source": "url", "labels": ["Zinc", "Japan"],
            "source": "Mining Weekly", "comment_count": 0,
            "comments": [{"author": "Ann", "body": "Hi", "published": "2024-03-06T10:00:00+00:00"},
                         {"author": "Bob", "body": "Held", "published": None, "approved": False}],
            "desk": "Tokyo"}
    (post,) = jsonl.read(write(tmp_path, line))
    assert (post.url, post.source, post.date_source) == ("https://x/zinc", "Mining Weekly", "url")
    assert post.comment_count == 0  # a source's stated count may be none at all
    assert post.published == datetime(2024, 3, 5, 0, 30, tzinfo=UTC)
    assert [(c.author, c.body, c.published, c.approved) for c in post.comments] == [
        ("Ann", "Hi", datetime(2024, 3, 6, 10, tzinfo=UTC), True), ("Bob", "Held", None, False)]
    (again,) = jsonl.read(write(tmp_path, post_to_dict(post)))
    kept = ("title", "blocks", "url", "published", "date_source", "labels", "source", "comments", "comment_count",
            "metadata")
    assert {name: getattr(again, name) for name in kept} == {name: getattr(post, name) for name in kept}


def test_a_stated_comment_count_survives_export_without_the_comments_it_counts(tmp_path: Path) -> None:
    """A listing page says "12 comments" but holds none of them: the site shows 12, and so must the archive
    the export is ingested into, which has no other way to know."""
    listing = tmp_path / "listing.txt"
    listing.write_text("Zinc output rises\n\n12 comments\nZinc\n\nZinc rose.\n")
    (post,) = page.read(listing)
    (again,) = jsonl.read(write(tmp_path, post_to_dict(post)))
    assert (post.comments, post.comment_count) == ((), 12)
    assert (again.comments, again.comment_count) == ((), 12)


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ('{"title": "A", "body": "x"', "invalid JSON at column 27 (the end of the line)"),  # truncated object
        ('{"title": "A", "body": x}', "invalid JSON at column 24: Expecting value"),  # a fault inside the line
        ('{"title": "A", "body": "x", "url": 5}', "'url': must be a string or null"),  # not text
        ('{"title": "A", "body": "x", "comments": "Nice post"}', "field 'comments':"),  # not a list of comments
        ('["a list"]', "JSON object"),  # not an object
        ('{"body": "x"}', "'title'"),  # missing title
        ('{"title": "A"}', "'body'"),  # missing body
        ('{"title": "A", "body": "x", "published": "last Tuesday"}', "'published'"),  # unparseable date
        ('{"title": "A", "body": "x", "labels": "Copper"}', "'labels'"),  # labels must be a list
        ('{"title": "A", "body": "x", "labels": ["Copper", 42]}', "'labels': must be a list of strings"),  # of text
        ('{"title": "A", "body": "x", "date_source": "guess"}', "'date_source'"),  # not one of the sources
        ('{"title": "A", "body": "x", "published": "2024-03-05", "date_source": "ingest"}', "'date_source'"),
        ('{"title": "A", "body": "x", "comments": [{"author": "B"}]}', "comments[0]"),  # comment without body
        ('{"title": "A", "body": "x", "comments": [{"body": "c", "published": "last Tuesday"}]}',
         "'comments[0].published'"),  # a comment's date, not the post's
        ('{"title": "A", "body": "x", "n": ' + "9" * 5000 + "}", "more than 4,300 digits"),  # int() refuses it
    ],
)
def test_bad_lines_name_the_file_line_and_field(tmp_path: Path, line: str, problem: str) -> None:
    path = write(tmp_path, {"title": "fine", "body": "fine"}, line)
    with pytest.raises(IngestError) as caught:
        list(jsonl.read(path))
    assert caught.value.line == 2
    assert problem in str(caught.value)
    assert str(path) in str(caught.value)


def test_headings_listed_are_the_headings_and_an_empty_list_means_none(tmp_path: Path) -> None:
    """Without `headings` the reader guesses from the text's shape; an exported post says which, even none."""
    path = write(tmp_path, {"title": "A", "body": "Outlook\n\nCopper rose.\n\nZinc"},
                 {"title": "B", "body": "Outlook\n\nCopper rose.\n\nZinc", "headings": ["Zinc"]},
                 {"title": "C", "body": "Outlook\n\nCopper rose.\n\nZinc", "headings": []})
    assert [post.headings for post in jsonl.read(path)] == [("Outlook", "Zinc"), ("Zinc",), ()]


def test_a_stated_date_source_without_a_date_is_left_to_inference(tmp_path: Path) -> None:
    """`url` says a URL gave the date: with no date given, nothing did yet, so the readers may infer one."""
    (post,) = jsonl.read(write(tmp_path, {"title": "A", "body": "x", "date_source": "url"}))
    assert (post.published, post.date_source) == (None, None)


def test_a_comment_without_an_author_is_anonymous(tmp_path: Path) -> None:
    (post,) = jsonl.read(write(tmp_path, {"title": "A", "body": "x", "comments": [
        {"author": None, "body": "a"}, {"body": "b"}, {"author": "", "body": "c"}]}))
    assert [c.author for c in post.comments] == ["Anonymous"] * 3


def test_an_error_after_blank_lines_names_the_line_an_editor_shows(tmp_path: Path) -> None:
    """Blank lines are skipped, not uncounted: the number must be the file's, or no one finds the bad line."""
    path = write(tmp_path, {"title": "fine", "body": "fine"}, "", "   ", '{"title": "A"}')
    with pytest.raises(IngestError) as caught:
        list(jsonl.read(path))
    assert (caught.value.line, caught.value.where) == (4, "field 'body'")


def test_a_byte_order_mark_and_windows_line_endings_are_read_as_plain_lines(tmp_path: Path) -> None:
    """Notepad and Excel save UTF-8 with a BOM and CRLF endings; the first post must not be refused for it."""
    path = tmp_path / "posts.jsonl"
    lines = [json.dumps({"title": title, "body": "Zinc rose."}).encode() for title in ("First", "Second")]
    path.write_bytes(b"\xef\xbb\xbf" + b"\r\n".join(lines) + b"\r\n")
    assert [post.title for post in jsonl.read(path)] == ["First", "Second"]


def test_a_line_that_is_not_utf8_is_named_by_its_number(tmp_path: Path) -> None:
    """A file saved in Latin-1 fails on its first accented line: that line is where the fix is needed."""
    path = tmp_path / "latin1.jsonl"
    path.write_bytes(b'{"title": "Zinc", "body": "x"}\n{"title": "Z\xfcrich zinc", "body": "x"}\n')
    with pytest.raises(IngestError, match="not UTF-8 text") as caught:
        list(jsonl.read(path))
    assert (caught.value.path, caught.value.line) == (str(path), 2)


def test_a_comment_whose_approved_flag_is_not_a_boolean_is_refused_naming_the_comment(tmp_path: Path) -> None:
    """A flag of "no" is neither held nor shown for sure: refuse it, and say which comment of the post has it."""
    path = write(tmp_path, {"title": "A", "body": "x", "comments": [{"body": "ok"}, {"body": "c", "approved": "no"}]})
    with pytest.raises(IngestError) as caught:
        list(jsonl.read(path))
    assert (caught.value.line, caught.value.where) == (1, "field 'comments[1].approved'")


texts = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40).filter(str.strip)


@settings(max_examples=50, deadline=None)
@given(title=texts, paragraphs=st.lists(texts, min_size=1, max_size=4), labels=st.lists(texts, max_size=3))
def test_any_post_survives_export_and_import(tmp_path_factory: pytest.TempPathFactory, title: str,
                                             paragraphs: list[str], labels: list[str]) -> None:
    body = "\n\n".join(paragraphs)
    source = write(tmp_path_factory.mktemp("j"), {"title": title, "body": body, "labels": labels})
    (post,) = jsonl.read(source)
    (again,) = jsonl.read(write(tmp_path_factory.mktemp("k"), post_to_dict(post)))
    assert again.title == post.title and again.blocks == post.blocks and again.labels == post.labels
