"""Which reader a file gets when no format is named: by suffix first, then by its first bytes.

A wrong guess is not an error the user sees as one: a feed read as a page yields one post of
markup-free soup or "no article text found", an RSS file read as page text "no posts found".
"""

from __future__ import annotations

from pathlib import Path

import pytest

from metalnomist.ingest import detect_format, read_posts
from metalnomist.pipeline import files_in
from tests.conftest import shared_file

XML = b'<?xml version="1.0" encoding="UTF-8"?>\n'
BOM = b"\xef\xbb\xbf"

# (file name, first bytes, format): each row a shape people's files really have.
CASES = [
    ("wire.rss", b"<html>a page saved under a feed's name</html>", "feed"),  # the suffix decides
    ("wire.atom", b"", "feed"),
    ("WIRE.RSS", b"<html>saved by a tool that shouts</html>", "feed"),  # the suffix in any case
    ("export.xml", XML + b'<feed xmlns="http://www.w3.org/2005/Atom">', "feed"),  # Blogger's "Back up content"
    ("wire.xml", XML + b'<rss version="2.0"><channel>', "feed"),
    ("wire.xml", XML + b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">', "feed"),  # RSS 1.0
    ("wire", b'<rss version="2.0"><channel>', "feed"),  # no declaration, no suffix
    ("wire", b'<feed xmlns="http://www.w3.org/2005/Atom">', "feed"),
    ("page.xhtml", XML + b'<html xmlns="http://www.w3.org/1999/xhtml">', "html"),  # XML, but a page
    ("saved.txt", BOM + XML + b'<rss version="2.0">', "feed"),  # Notepad's byte order mark
    ("posts.txt", BOM + b'{"title": "Zinc"}\n', "jsonl"),
    ("posts.txt", b'{"title": "Zinc"}\n', "jsonl"),  # JSON lines under a text name
    ("page.htm", b"Zinc rose.", "html"),
    ("notes.txt", b"Zinc output rises\n\nNo comments\n", "page"),
]


@pytest.mark.parametrize(("name", "head", "fmt"), CASES, ids=[f"{c[0]}:{c[1][:24]!r}" for c in CASES])
def test_detect_format(tmp_path: Path, name: str, head: bytes, fmt: str) -> None:
    path = tmp_path / name
    path.write_bytes(head)
    assert detect_format(path) == fmt


@pytest.mark.parametrize("relative", ["blogger/blog-03-27-2020.xml", "feeds/techcrunch.rss.xml",
                                      "feeds/wordpress-theme-unit-test-data.wxr.xml"])
def test_the_sample_feeds_are_read_as_feeds(relative: str) -> None:
    """techcrunch starts with a newline before its declaration; all three are named .xml, not .rss."""
    path = shared_file(f"data/samples/{relative}")
    assert detect_format(path) == "feed"
    assert next(read_posts(path)).source


def test_a_folder_is_read_for_every_formats_usual_suffix(tmp_path: Path) -> None:
    """A folder is read only for files with a readable suffix; a feed saved as `.atom` skipped is a feed lost."""
    names = ["a.atom", "b.rss", "c.xml", "d.html", "e.htm", "f.xhtml", "g.txt", "h.jsonl", "i.ndjson"]
    for name in names:
        (tmp_path / name).write_text("x")
    found = files_in([tmp_path])
    assert ([path.name for path in found.files], found.skipped) == (names, [])
