"""Entities in feeds (issue 8, item 12): declared or HTML-named, the text after them is never lost."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest

from metalnomist.errors import IngestError
from metalnomist.ingest import feed
from metalnomist.ingest.xmlstream import READ_SIZE, FeedSource


def rss(tmp_path: Path, title: str, doctype: str = "", description: str = "Text.") -> Path:
    path = tmp_path / "feed.rss"
    path.write_text(f'<?xml version="1.0"?>\n{doctype}<rss version="2.0"><channel><title>Wire</title>'
                    f"<item><title>{title}</title><description>{description}</description></item>"
                    "</channel></rss>\n")
    return path


def title_of(path: Path) -> str:
    (post,) = feed.read(path)
    return post.title


DECLARED = '<!DOCTYPE rss [<!ENTITY nbsp "&#160;"><!ENTITY metal "Copper">]>\n'


@pytest.mark.parametrize(
    ("doctype", "title", "expected"),
    [
        (DECLARED, "Copper&nbsp;prices rise", "Copper prices rise"),  # the case, declared
        (DECLARED, "&metal; prices rise", "Copper prices rise"),  # a declared text entity
        ("", "Copper&nbsp;prices rise", "Copper prices rise"),  # undeclared, as HTML tools write feeds
        ("", "Zinc &mdash; up&hellip; &rsquo;24", "Zinc — up… ’24"),
        ('<!DOCTYPE rss SYSTEM "http://example.com/rss.dtd">\n', "Copper&nbsp;prices", "Copper prices"),
        ("", "Tom &amp; Jerry &lt;3 &#169;", "Tom & Jerry <3 ©"),  # XML's own entities as before
        ('<!DOCTYPE rss [<!ENTITY nbsp "-">]>\n', "a&nbsp;b", "a-b"),  # the file's own meaning wins
    ],
)
def test_named_entities_keep_the_text_after_them(tmp_path: Path, doctype: str, title: str, expected: str) -> None:
    assert title_of(rss(tmp_path, title, doctype)) == expected


def test_cdata_is_left_as_written(tmp_path: Path) -> None:
    """Inside CDATA `&nbsp;` is six characters of text; in a plain-text Atom construct it stays so."""
    path = tmp_path / "feed.atom"
    path.write_text('<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title><entry><title>Copper&nbsp;up</title>'
                    '<content type="text"><![CDATA[Write &nbsp; for a space.]]></content></entry></feed>')
    (post,) = feed.read(path)
    assert (post.title, post.body) == ("Copper up", "Write &nbsp; for a space.")


def test_entities_cut_by_a_read_boundary_are_still_read(tmp_path: Path) -> None:
    """The rewriter reads in blocks; an entity or CDATA opener split between two must survive."""
    for shift in range(12):
        padding = "x" * (READ_SIZE - 60 - shift)
        path = rss(tmp_path, "Copper&nbsp;prices", description=f"{padding}&mdash;<![CDATA[&nbsp;]]>end")
        (post,) = feed.read(path)
        assert post.title == "Copper prices" and post.body.endswith("x— end"), shift


def test_a_cdata_section_cut_by_a_read_boundary_is_left_as_written(tmp_path: Path) -> None:
    """A CDATA section open when a read ends is held back whole: rewritten in halves, `&nbsp;` written inside it
    long before the cut would become the text `&#160;`."""
    head = ('<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title>'
            '<entry><title>Copper</title><content type="text">')
    for back in (60, 100, 1000):  # how far before the first read's end the section opens
        padding = "x" * (READ_SIZE - back - len(head))
        path = tmp_path / "feed.atom"
        path.write_text(f"{head}{padding}<![CDATA[Write &nbsp; for a space{'.' * back}]]></content></entry></feed>")
        (post,) = feed.read(path)
        assert post.body.endswith("xWrite &nbsp; for a space" + "." * back), back


def test_the_longest_entity_names_cut_by_a_read_boundary_are_still_read(tmp_path: Path) -> None:
    """HTML's longest names run to 33 bytes with `&` and `;`: a cut anywhere in one must hold it back whole."""
    entity = "&CounterClockwiseContourIntegral;"
    for shift in range(len(entity) + 2):
        padding = "x" * (READ_SIZE - 109 - shift)  # the entity starts `shift` bytes before the first read ends
        (post,) = feed.read(rss(tmp_path, "Copper", description=f"{padding}{entity}end"))
        assert post.body.endswith("x\u2233end"), shift


def test_external_entities_are_refused_not_read(tmp_path: Path) -> None:
    doctype = '<!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
    with pytest.raises(IngestError, match=r"line \d+: the entity &x; is not declared in the file itself"):
        feed.read(rss(tmp_path, "t &x;", doctype)).__next__()


def test_billion_laughs_is_refused(tmp_path: Path) -> None:
    levels = ['<!ENTITY l0 "ha">'] + [f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10)]
    doctype = f"<!DOCTYPE rss [{''.join(levels)}]>\n"
    with pytest.raises(IngestError, match="amplification"):
        list(feed.read(rss(tmp_path, "&l9;", doctype)))


def test_an_unknown_entity_is_an_error_naming_it(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="&bogus;"):
        list(feed.read(rss(tmp_path, "a &bogus; b")))


def test_a_doctype_without_an_internal_subset_does_not_make_the_reader_hold_the_file(tmp_path: Path) -> None:
    """Looking for the subset's end (`]>`) must not read a whole file that has none."""
    path = tmp_path / "big.rss"
    items = "".join(f"<item><title>Post {i}&nbsp;one</title><description>Text {i}.</description></item>"
                    for i in range(40_000))
    path.write_text('<?xml version="1.0"?>\n<!DOCTYPE rss SYSTEM "http://example.com/rss.dtd">\n'
                    f'<rss version="2.0"><channel><title>Wire</title>{items}</channel></rss>\n')
    assert path.stat().st_size > 3_000_000
    with path.open("rb") as handle:
        tracemalloc.start()
        try:
            source = FeedSource(handle)
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        assert peak < 1_000_000
        assert source.read().startswith(b"<?xml")


def test_a_doctype_inside_the_content_is_not_the_documents(tmp_path: Path) -> None:
    body = "<![CDATA[<!DOCTYPE html [<!ENTITY nbsp 'x'>]><p>a&nbsp;b</p>]]>"
    assert title_of(rss(tmp_path, "Copper&nbsp;prices", description=body)) == "Copper prices"
