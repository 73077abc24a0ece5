"""Size limits at ingest (issue 8, item 11): each refused with file, line and field; nothing stored."""

from __future__ import annotations

import json
import tracemalloc
from dataclasses import replace
from pathlib import Path

import pytest

from metalnomist.config import Settings, describe
from metalnomist.errors import IngestError
from metalnomist.ingest import jsonl, page, read_posts
from metalnomist.ingest.checks import MAX_URL_CHARS, Limits
from metalnomist.pipeline import Archive, ingest_file
from metalnomist.store.posts import count_posts

SMALL = Limits(title_chars=50, label_chars=20, labels=3, body_chars=500, line_bytes=2000)


def jsonl_file(tmp_path: Path, *posts: dict[str, object]) -> Path:
    path = tmp_path / "posts.jsonl"
    path.write_text("".join(json.dumps(p) + "\n" for p in posts))
    return path


FINE = {"title": "Copper prices rise", "body": "Copper rose 3% in March.", "labels": ["Copper"]}
OVER = [
    ({"title": "x" * 51}, "title", "METALNOMIST_MAX_TITLE_CHARS"),
    ({"labels": ["y" * 21]}, "labels", "METALNOMIST_MAX_LABEL_CHARS"),
    ({"labels": ["a", "b", "c", "d"]}, "labels", "METALNOMIST_MAX_LABELS"),
    ({"body": "z " * 300}, "body", "METALNOMIST_MAX_BODY_CHARS"),
    ({"body": "z" * 300 + "\n\n" + "z" * 300}, "body", "METALNOMIST_MAX_BODY_CHARS"),  # the body, not a paragraph
    ({"comments": [{"author": "A", "body": "w" * 501}]}, "comments[0].body", "METALNOMIST_MAX_BODY_CHARS"),
]


@pytest.mark.parametrize(("change", "field", "setting"), OVER)
def test_each_limit_is_refused_naming_file_line_and_field(tmp_path: Path, change: dict[str, object], field: str,
                                                          setting: str) -> None:
    path = jsonl_file(tmp_path, FINE, {**FINE, **change})
    with pytest.raises(IngestError) as caught:
        list(jsonl.read(path, SMALL))
    assert (caught.value.path, caught.value.line, caught.value.where) == (str(path), 2, f"field {field!r}")
    assert setting in str(caught.value)


def test_at_the_limit_is_accepted(tmp_path: Path) -> None:
    url = "https://x.example/" + "u" * (MAX_URL_CHARS - len("https://x.example/"))  # fixed by the key column
    post = {"title": "x" * 50, "labels": ["y" * 20, "b", "c"], "body": "z" * 500, "url": url}
    (read,) = jsonl.read(jsonl_file(tmp_path, post), SMALL)
    assert (len(read.title), len(read.labels), len(read.body), read.url) == (50, 3, 500, url)



def test_labels_are_counted_once_each_against_the_limit(tmp_path: Path) -> None:
    """A feed repeating a label (or two spellings that clean to one) has only the distinct ones counted."""
    (read,) = jsonl.read(jsonl_file(tmp_path, {**FINE, "labels": ["a", "a", "b", "c", "c\x07"]}), SMALL)
    assert read.labels == ("a", "b", "c")


@pytest.mark.parametrize("ending", [b"\n", b"\r\n"])
def test_a_line_of_exactly_the_byte_limit_is_accepted_whatever_ends_it(tmp_path: Path, ending: bytes) -> None:
    """The limit is on the line's bytes, not on its line ending; a line a byte longer is named by its number."""
    limits = replace(SMALL, body_chars=SMALL.line_bytes)
    line = json.dumps({**FINE, "body": ""}).encode()
    line = line.replace(b'"body": ""', b'"body": "' + b"a" * (SMALL.line_bytes - len(line)) + b'"')
    assert len(line) == SMALL.line_bytes
    path = tmp_path / "exact.jsonl"
    path.write_bytes(line + ending + line)  # the last line without an ending
    assert [post.body for post in jsonl.read(path, limits)] == [json.loads(line)["body"]] * 2
    path.write_bytes(line + ending + line.replace(b'"a', b'"aa') + ending)
    with pytest.raises(IngestError) as caught:
        list(jsonl.read(path, limits))
    assert caught.value.line == 2 and "METALNOMIST_MAX_LINE_BYTES" in str(caught.value)


def test_an_endless_line_is_refused_without_reading_it_whole(tmp_path: Path) -> None:
    path = tmp_path / "huge.jsonl"
    with path.open("wb") as handle:
        handle.write(json.dumps(FINE).encode() + b"\n")
        handle.write(b'{"title": "big", "body": "' + b"a" * 40_000_000 + b'"}\n')
    tracemalloc.start()
    try:
        with pytest.raises(IngestError) as caught:
            list(jsonl.read(path, Limits(line_bytes=1_000_000)))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert caught.value.line == 2 and "METALNOMIST_MAX_LINE_BYTES" in str(caught.value)
    assert peak < 5_000_000  # about one line's worth, not the 40 MB line


def test_page_text_lines_are_bounded_too(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text("Title\n\nNo comments\nCopper\n\n" + "word " * 1000 + "\n")
    with pytest.raises(IngestError) as caught:
        list(page.read(path, SMALL))
    assert caught.value.line == 6


def test_feed_entries_name_their_line_and_entry(tmp_path: Path) -> None:
    path = tmp_path / "feed.rss"
    path.write_text('<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Wire</title>\n'
                    "<item><title>Fine</title><description>Text.</description></item>\n"
                    f"<item><title>{'t' * 60}</title><description>Text.</description></item>\n"
                    "</channel></rss>\n")
    with pytest.raises(IngestError) as caught:
        list(read_posts(path, "feed", SMALL))
    assert (caught.value.line, caught.value.where) == (4, "entry 2, field 'title'")


def test_a_refused_file_stores_nothing(archive: Archive, tmp_path: Path) -> None:
    """On both databases: the good posts before the bad one are not kept either."""
    archive.settings = archive.settings.replace(max_title_chars=50)
    path = jsonl_file(tmp_path, FINE, {**FINE, "title": "Second", "url": "https://x/2"}, {**FINE, "title": "x" * 51})
    with pytest.raises(IngestError, match="line 3, field 'title'"):
        ingest_file(archive, path)
    with archive.store.reading() as conn:
        assert count_posts(conn) == 0


def test_limits_are_settings_documented_in_the_readme() -> None:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text()
    keys = [key for key, _, _ in describe() if key.startswith("METALNOMIST_MAX_")]
    assert len(keys) == 7  # the six ingest limits and the sitemap file size
    for key in keys:
        assert f"`{key}`" in readme, key
    settings = Settings.from_env({"METALNOMIST_MAX_BODY_CHARS": "1000", "METALNOMIST_MAX_PAGE_BYTES": "5000"})
    assert (Limits.from_settings(settings).body_chars, Limits.from_settings(settings).page_bytes) == (1000, 5000)


def test_each_limit_is_read_from_its_own_setting() -> None:
    """Two limits swapped would hold a post's labels to the count meant for their length, and no test of one
    setting at a time would see it."""
    names = ("TITLE_CHARS", "LABEL_CHARS", "LABELS", "BODY_CHARS", "LINE_BYTES", "PAGE_BYTES")
    settings = Settings.from_env({f"METALNOMIST_MAX_{name}": str(101 + i) for i, name in enumerate(names)})
    assert Limits.from_settings(settings) == Limits(title_chars=101, label_chars=102, labels=103, body_chars=104,
                                                    line_bytes=105, page_bytes=106)


def test_an_html_page_over_the_size_limit_is_refused_before_it_is_parsed(tmp_path: Path) -> None:
    page_html = "<html><head><title>Copper</title></head><body><article><h1>Copper</h1>{}</article></body></html>"
    path = tmp_path / "page.html"
    path.write_text(page_html.format("<p>Copper imports rose 4% to 1,200 tonnes in March.</p>" * 200))
    size = path.stat().st_size
    assert [post.title for post in read_posts(path, "html", Limits(page_bytes=size))] == ["Copper"]
    with pytest.raises(IngestError) as caught:
        list(read_posts(path, "html", Limits(page_bytes=size - 1)))
    assert caught.value.path == str(path)
    assert f"larger than the {size - 1:,} bytes allowed (METALNOMIST_MAX_PAGE_BYTES)" in str(caught.value)
