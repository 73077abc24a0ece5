"""The feed reader against the sample Blogger exports, RSS, Atom and WXR files, plus broken input.

Counts come from the samples README, which was written from the files themselves; the
WXR numbers were re-derived independently (55 = 56 `publish` posts minus the one with a
password; 22 approved, non-ping comments on those posts).
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from metalnomist.errors import IngestError
from metalnomist.ingest.feed import read
from metalnomist.ingest.xmlstream import READ_SIZE
from metalnomist.models import Block, Post
from tests.conftest import shared_file

TAG = re.compile(r"<(p|div|br|span|img|a href|script|style)\b", re.IGNORECASE)


@pytest.fixture(scope="module")
def samples() -> Path:
    return shared_file("data/samples")


def posts_of(samples: Path, relative: str) -> list[Post]:
    return list(read(samples / relative))


def assert_clean(posts: list[Post]) -> None:
    """What every reader output must satisfy: aware dates, tag-free normalised text."""
    for post in posts:
        assert post.title and post.title == post.title.strip()
        assert post.published is not None and post.published.tzinfo is not None, post.title
        for block in post.blocks:
            # "<" alone is text (code, "the <cite> element"); the tags that carry a body are not.
            assert block.text and not TAG.search(block.text) and "  " not in block.text


def test_blogger_export_keeps_published_posts_only(samples: Path) -> None:
    posts = posts_of(samples, "blogger/blog-03-27-2020.xml")
    assert len(posts) == 12
    assert {post.source for post in posts} == {"bodega lu Serge"}  # the blog's title, not the file name
    titles = {post.title for post in posts}
    assert not titles & {"Despre manipularea grupurilor", "Despre monohronism"}  # drafts
    assert not titles & {"covid-19-france", "CV"}  # pages
    for post in posts:
        assert post.url is not None and post.url.startswith("https://www.dudnic.com/20") and post.url.endswith(".html")
    assert_clean(posts)


def test_blogger_export_dates_keep_their_daylight_saving_offsets(samples: Path) -> None:
    posts = posts_of(samples, "blogger/blog-03-27-2020.xml")
    offsets = {post.published.utcoffset() for post in posts if post.published}
    assert offsets == {timedelta(hours=1), timedelta(hours=2)}
    assert min(p.published for p in posts if p.published).date().isoformat() == "2019-09-25"
    assert max(p.published for p in posts if p.published).date().isoformat() == "2020-03-20"


def test_blogger_export_labels(samples: Path) -> None:
    posts = posts_of(samples, "blogger/blog-03-27-2020.xml")
    labels = Counter(label for post in posts for label in post.labels)
    assert sum(labels.values()) == 33 and len(labels) == 28
    assert {"Moldova", "limba romana", "istorie"} <= set(labels)
    assert sum(1 for post in posts if post.labels) == 4


def test_blogger_export_attaches_comments_to_their_posts(samples: Path) -> None:
    posts = posts_of(samples, "blogger/blog-03-27-2020.xml")
    assert sorted(len(post.comments) for post in posts if post.comments) == [1, 2]
    assert sum(post.comment_count or 0 for post in posts) == 3
    for post in posts:
        assert post.comment_count == len(post.comments)  # thr:total agrees with the comment entries
        for comment in post.comments:
            assert comment.author == "Unknown"
            assert comment.body and "<" not in comment.body
            assert comment.published is not None and comment.published.tzinfo is not None
    commented = next(post for post in posts if len(post.comments) == 2)
    assert commented.url == "https://www.dudnic.com/2020/03/coronavirus-in-moldova-platforma-online.html"
    assert [c.published for c in commented.comments] == sorted(c.published for c in commented.comments if c.published)


def test_blogger_export_thumbnails(samples: Path) -> None:
    posts = posts_of(samples, "blogger/blog-03-27-2020.xml")
    assert sum(1 for post in posts if post.metadata.get("thumbnail")) == 7


def test_blogger_posts_feed(samples: Path) -> None:
    posts = posts_of(samples, "blogger/rubyonwindows-posts-default.atom.xml")
    assert len(posts) == 25
    labels = Counter(label for post in posts for label in post.labels)
    assert len(labels) == 17 and labels["ruby"] == 25 and labels["windows"] == 20
    # thr is declared on each <thr:total>, not on the root: matched by namespace URI.
    counts = [post.comment_count for post in posts]
    assert all(count is not None and 0 <= count <= 14 for count in counts) and max(counts) == 14  # type: ignore[operator,type-var]
    assert {post.published.utcoffset() for post in posts if post.published} == {timedelta(hours=-5)}
    assert all(post.url and post.url.startswith("http://rubyonwindows.blogspot.com/") for post in posts)
    assert posts[0].title == "Amen, Brother" and posts[0].metadata["author"] == "David Mullet"
    assert_clean(posts)


def test_techcrunch_rss(samples: Path) -> None:
    # The file starts with a newline before <?xml ...?>, which strict parsers reject.
    posts = posts_of(samples, "feeds/techcrunch.rss.xml")
    assert len(posts) == 20
    assert posts[0].source == "TechCrunch"
    first = posts[0]
    assert first.title.startswith("Angie’s List Sets Price Range IPO At $11 To $13 Per Share")
    assert first.published == datetime(2011, 11, 2, 17, 25, 27, tzinfo=UTC)
    assert first.metadata["author"] == "Leena Rao"
    assert "Sarah Perez" in {post.metadata.get("author") for post in posts}
    assert {"TC", "Mobile", "Startups"} <= {label for post in posts for label in post.labels}
    # feedburner:origLink is the real article URL behind the FeedBurner link.
    assert all(post.url and post.url.startswith("http://techcrunch.com/2011/11/") for post in posts)
    assert all(post.comment_count == 0 for post in posts)
    # content:encoded (full text) wins over the one-paragraph description.
    assert max(len(post.blocks) for post in posts) > 10
    assert_clean(posts)


def test_livemint_rss(samples: Path) -> None:
    posts = posts_of(samples, "feeds/livemint-news.rss.xml")
    assert len(posts) == 25
    # pubDate has a trailing space; the guid is a bare number, never a URL.
    assert posts[0].published == datetime(2019, 5, 29, 10, 16, tzinfo=UTC)
    assert all(post.url and post.url.startswith("https://www.livemint.com/") for post in posts)
    assert all(post.labels == () for post in posts)
    assert sum(1 for post in posts if post.metadata.get("author")) == 7
    assert all(len(post.blocks) == 1 for post in posts)  # description only: a summary
    assert_clean(posts)


def test_google_alerts_atom(samples: Path) -> None:
    posts = posts_of(samples, "feeds/google-alerts-slack.atom.xml")
    assert len(posts) == 20
    for post in posts:
        assert "<b>" not in post.title and "&nbsp;" not in post.title and "nbsp" not in post.body
        assert post.url and "google.com" not in post.url.split("/")[2]
        assert post.published is not None and post.published.utcoffset() == timedelta(0)
        assert post.metadata["guid"].startswith("tag:google.com,2013:googlealerts/feed:")
    assert "Slack (NASDAQ:WORK) CEO Sells $53170714.63 in Stock" in {post.title for post in posts}
    assert_clean(posts)


def test_wxr_reads_published_public_posts_only(samples: Path) -> None:
    posts = posts_of(samples, "feeds/wordpress-theme-unit-test-data.wxr.xml")
    assert len(posts) == 55
    assert all(post.published and post.published.year < 2030 for post in posts)  # no `future` post
    assert all(post.url and post.url.startswith("https://wpthemetestdata.wordpress.com/") for post in posts)
    assert_clean(posts)


def test_wxr_labels_skip_menus_and_formats(samples: Path) -> None:
    posts = posts_of(samples, "feeds/wordpress-theme-unit-test-data.wxr.xml")
    labels = {label for post in posts for label in post.labels}
    assert {"Block", "image"} <= labels
    assert not {label for label in labels if label.startswith(("post-format-", "All Pages", "Short"))}
    # A post format's name (its nicename is post-format-…) is no label, though its tag of the same word is.
    assert not {"Aside", "Audio", "Chat", "Gallery", "Image", "Link", "Quote", "Status", "Video"} & labels


def test_wxr_comments(samples: Path) -> None:
    posts = posts_of(samples, "feeds/wordpress-theme-unit-test-data.wxr.xml")
    assert sum(len(post.comments) for post in posts) == 22
    assert all(post.comment_count == len(post.comments) for post in posts)
    comments = [comment for post in posts for comment in post.comments]
    assert all(c.published and c.published.tzinfo is not None and c.body for c in comments)


def test_wxr_edge_cases(samples: Path) -> None:
    posts = {post.title: post for post in posts_of(samples, "feeds/wordpress-theme-unit-test-data.wxr.xml")}
    assert posts["Edge Case: No Content"].blocks == ()
    assert posts["WP 6.1 Font size scale"].published == datetime(2023, 1, 16, 7, 8, 31, tzinfo=UTC)


RSS = """<?xml version="1.0"?>
<rss version="2.0"><channel><title>Metals</title>
{items}
</channel></rss>
"""


def write(tmp_path: Path, text: str, name: str = "feed.xml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_malformed_xml_names_file_and_line(tmp_path: Path) -> None:
    path = write(tmp_path, "\n\n" + RSS.format(items="<item><title>Ok</title>\n<description>x</item>"))
    with pytest.raises(IngestError, match="malformed XML") as caught:
        list(read(path))
    # Line 6 of the file as written, counting the two blank lines before <?xml.
    assert caught.value.line == 6
    assert str(path) in str(caught.value) and "line 6" in str(caught.value)


def test_rss_is_streamed(tmp_path: Path) -> None:
    """The first post arrives before the parser reaches a fault further down the file."""
    good = "".join(f"<item><title>Post {n}</title><description>Text {n}</description></item>\n" for n in range(500))
    path = write(tmp_path, RSS.format(items=good + "<item><title>bad</titel></item>"))
    reader = read(path)
    assert next(reader).title == "Post 0"
    with pytest.raises(IngestError, match="malformed XML"):
        list(reader)


@pytest.mark.parametrize("blank_lines", [0, 2, READ_SIZE + 2])
def test_entry_without_title_or_content_raises(tmp_path: Path, blank_lines: int) -> None:
    """The line counts blank lines before <?xml, which the parser never sees, even more than one read of them."""
    items = "<item><title>Ok</title></item>\n<item><guid>42</guid></item>"
    path = write(tmp_path, "\n" * blank_lines + RSS.format(items=items))
    with pytest.raises(IngestError, match="neither a title nor any content") as caught:
        list(read(path))
    assert caught.value.where == "entry 2" and caught.value.line == 4 + blank_lines


def test_a_guid_that_is_no_permalink_is_not_the_posts_address(tmp_path: Path) -> None:
    items = ('<item><title>A</title><description>x</description>'
             '<guid isPermaLink="false">https://example.com/?p=42</guid></item>'
             '<item><title>B</title><description>y</description><guid>https://example.com/b</guid></item>')
    first, second = read(write(tmp_path, RSS.format(items=items)))
    assert (first.url, second.url) == (None, "https://example.com/b")


def test_entry_without_title_is_named_by_its_first_words(tmp_path: Path) -> None:
    text = "Nickel output rose sharply in Indonesia this quarter as new smelters came online and exports grew"
    path = write(tmp_path, RSS.format(items=f"<item><description>{text}</description></item>"))
    [post] = read(path)
    assert post.title == "Nickel output rose sharply in Indonesia this quarter as new smelters came …"


def test_script_in_content_produces_no_script_text(tmp_path: Path) -> None:
    content = "&lt;h2&gt;Copper&lt;/h2&gt;&lt;p&gt;Up 2%&lt;script&gt;alert(1)&lt;/script&gt;&lt;/p&gt;"
    path = write(tmp_path, RSS.format(items=f"<item><title>T</title><description>{content}</description></item>"))
    [post] = read(path)
    assert post.blocks == (Block("heading", "Copper"), Block("paragraph", "Up 2%"))


def test_html_in_an_rss_title_is_reduced_to_its_words(tmp_path: Path) -> None:
    """RSS titles are often escaped HTML; tags and entities shown as text would sit in every listing and feed."""
    title = "Copper &lt;b&gt;hits&lt;/b&gt; a record&amp;nbsp;high &amp;amp; zinc &lt;i&gt;slips&lt;/i&gt;"
    [post] = read(write(tmp_path, RSS.format(items=f"<item><title>{title}</title><description>x</description></item>")))
    assert post.title == "Copper hits a record high & zinc slips"


@pytest.mark.parametrize(
    ("pub_date", "expected", "offset"),
    [
        ("Wed, 29 May 2019 15:46:00 +0530", datetime(2019, 5, 29, 10, 16, tzinfo=UTC), timedelta(hours=5, minutes=30)),
        ("Tue, 05 Mar 2024 09:30:00 -0500", datetime(2024, 3, 5, 14, 30, tzinfo=UTC), timedelta(hours=-5)),
        ("5 March 2024", datetime(2024, 3, 5, tzinfo=UTC), timedelta(0)),  # written out, as hand-made feeds do
        ("March 5, 2024", datetime(2024, 3, 5, tzinfo=UTC), timedelta(0)),
        ("Tuesday, March 5, 2024", datetime(2024, 3, 5, tzinfo=UTC), timedelta(0)),
    ],
)
def test_rss_dates_keep_their_moment_and_stated_offset(tmp_path: Path, pub_date: str, expected: datetime,
                                                       offset: timedelta) -> None:
    """The samples' pubDates are all +0000, so a zone lost in reading RFC 822 would pass them unnoticed."""
    item = f"<item><title>T</title><description>x</description><pubDate>{pub_date}</pubDate></item>"
    [post] = read(write(tmp_path, RSS.format(items=item)))
    assert post.published is not None and post.date_source == "feed"
    assert (post.published, post.published.utcoffset()) == (expected, offset)


@pytest.mark.parametrize(("total", "count"), [("007", 7), ("²", None), ("2147483648", None), ("9" * 5000, None)])
def test_a_comment_total_that_is_no_storable_count_says_nothing(tmp_path: Path, total: str, count: int | None) -> None:
    """`str.isdigit` takes `²` and `int` refuses 5,000 digits: such a total must read as none given (the
    comments counted instead), not stop the import with a bare ValueError, in Atom and RSS alike."""
    atom = ('<feed xmlns="http://www.w3.org/2005/Atom" xmlns:thr="http://purl.org/syndication/thread/1.0">'
            f"<title>F</title><entry><title>T</title><content>x</content><thr:total>{total}</thr:total></entry></feed>")
    rss = RSS.format(items='<item xmlns:slash="http://purl.org/rss/1.0/modules/slash/"><title>T</title>'
                           f"<description>x</description><slash:comments>{total}</slash:comments></item>")
    for name, text in (("f.atom", atom), ("f.rss", rss)):
        [post] = read(write(tmp_path, text, name))
        assert post.comment_count == count, name


def test_atom_text_types_and_default_alternate_link(tmp_path: Path) -> None:
    atom = """<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title>
<entry><id>urn:1</id><title type="html">Gold &amp;amp; &lt;b&gt;silver&lt;/b&gt;</title>
<updated>2024-01-02T03:04:05Z</updated><link href="https://example.com/a"/>
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><h3>Prices</h3><p>Gold rose.</p></div></content>
</entry>
<entry><id>urn:2</id><title>Plain</title><updated>2024-01-02T03:04:05</updated>
<content type="text">First paragraph.

Second &lt;b&gt; stays text.</content></entry></feed>"""
    first, second = read(write(tmp_path, atom))
    assert first.title == "Gold & silver" and first.url == "https://example.com/a"
    assert first.blocks == (Block("heading", "Prices"), Block("paragraph", "Gold rose."))
    assert first.published == datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC)  # updated when no published
    assert second.blocks == (Block("paragraph", "First paragraph."), Block("paragraph", "Second <b> stays text."))
    assert second.published is not None and second.published.tzinfo is UTC


def test_not_a_feed(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="not a feed"):
        list(read(write(tmp_path, "<html><body><p>hi</p></body></html>")))


def test_empty_file(tmp_path: Path) -> None:
    with pytest.raises(IngestError) as caught:
        list(read(write(tmp_path, "  \n")))
    assert caught.value.path.endswith("feed.xml")


@pytest.mark.parametrize("entity", ['SYSTEM "{secret}"', '"inline text"'])
def test_entities_are_not_expanded(tmp_path: Path, entity: str) -> None:
    """A DOCTYPE entity must not pull in local files (XXE): an external one is refused naming it, never read;
    an internal one means its text (issue 8, item 12; tests/hostile/test_input_entities.py has the rest)."""
    secret = tmp_path / "secret.txt"
    secret.write_text("root:secret")
    declared = entity.format(secret=secret.as_uri())
    doc = (
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x {declared}>]>'
        "<rss><channel><item><title>t &x;</title><description>d &x;</description></item></channel></rss>"
    )
    if entity.startswith("SYSTEM"):
        with pytest.raises(IngestError, match="the entity &x; is not declared in the file itself") as caught:
            list(read(write(tmp_path, doc)))
        assert "root:" not in str(caught.value)
        return
    posts = list(read(write(tmp_path, doc)))
    assert [(post.title, post.blocks) for post in posts] == [("t inline text", (Block("paragraph", "d inline text"),))]


ATOM_WITH_COMMENTS = """<feed xmlns="http://www.w3.org/2005/Atom" xmlns:thr="http://purl.org/syndication/thread/1.0">
<title>Metals blog</title>
<entry><id>urn:post:1</id><title>Copper rises</title><published>2024-03-01T08:00:00Z</published>
<content type="text">Copper rose.</content></entry>
<entry><id>urn:c:2</id><title>Later comment</title><published>2024-03-02T09:00:00Z</published>
<author><name>Ana</name></author><content type="text">Agreed.</content>
<thr:in-reply-to ref="urn:post:1"/></entry>
<entry><id>urn:c:1</id><title>Earlier, and only a title</title><published>2024-03-01T10:00:00Z</published>
<content type="text"></content><thr:in-reply-to ref="urn:post:1"/></entry>
</feed>"""


def test_plain_atom_comments_are_attached_to_their_post_not_read_as_posts(tmp_path: Path) -> None:
    """A comment feed outside Blogger marks a comment by thr:in-reply-to alone, with no kind category and no
    thr:total: the comments join their post in date order, are counted, and an empty comment keeps its title's
    words and an unnamed author a name."""
    [post] = read(write(tmp_path, ATOM_WITH_COMMENTS))
    assert post.title == "Copper rises" and post.comment_count == 2
    assert [(c.author, c.body, c.published) for c in post.comments] == [
        ("Anonymous", "Earlier, and only a title", datetime(2024, 3, 1, 10, tzinfo=UTC)),
        ("Ana", "Agreed.", datetime(2024, 3, 2, 9, tzinfo=UTC)),
    ]


@pytest.mark.parametrize("app", ["http://purl.org/atom/app#", "http://www.w3.org/2007/app"])
def test_an_atom_draft_is_skipped_in_either_app_namespace(tmp_path: Path, app: str) -> None:
    """Blogger's export uses the 2005 draft namespace, AtomPub feeds the 2007 one; a draft imported would
    publish what its author had not."""
    atom = (f'<feed xmlns="http://www.w3.org/2005/Atom" xmlns:app="{app}"><title>F</title>'
            "<entry><title>Unfinished</title><content>x</content>"
            "<app:control><app:draft>yes</app:draft></app:control></entry>"
            "<entry><title>Published</title><content>y</content>"
            "<app:control><app:draft>no</app:draft></app:control></entry></feed>")
    assert [post.title for post in read(write(tmp_path, atom))] == ["Published"]


@pytest.mark.parametrize(
    ("href", "url"),
    [
        ("https://www.google.com/url?rct=j&amp;url=https://example.com/zinc&amp;ct=ga", "https://example.com/zinc"),
        # Unwrapped, a script link would become the post's address, and every listing's href.
        ("https://www.google.com/url?url=javascript:alert(1)", "https://www.google.com/url?url=javascript:alert(1)"),
    ],
)
def test_a_google_redirect_is_unwrapped_only_to_a_web_address(tmp_path: Path, href: str, url: str) -> None:
    atom = (f'<feed xmlns="http://www.w3.org/2005/Atom"><title>F</title><entry><title>T</title>'
            f'<link href="{href}"/><content>x</content></entry></feed>')
    [post] = read(write(tmp_path, atom))
    assert post.url == url


@pytest.mark.parametrize(("words", "title"), [(12, " ".join(["word"] * 12)), (13, " ".join(["word"] * 12) + " …")])
def test_a_title_made_from_first_words_is_marked_cut_only_when_cut(tmp_path: Path, words: int, title: str) -> None:
    [post] = read(write(tmp_path, RSS.format(items=f"<item><description>{' '.join(['word'] * words)}</description>"
                                                   "</item>")))
    assert post.title == title


def test_the_source_is_the_channels_title_not_its_logos(tmp_path: Path) -> None:
    """An RSS <image> has a <title> of its own, often before the channel's; the logo's alt text is no source."""
    text = ('<rss version="2.0"><channel><image><title>Logo</title><url>https://example.com/l.png</url></image>'
            "<title>Metals</title><item><title>T</title><description>x</description></item></channel></rss>")
    [post] = read(write(tmp_path, text))
    assert post.source == "Metals"


WXR = """<?xml version="1.0"?>
<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>Metals</title>
<item><title>Zinc output</title><description>Zinc rose.</description>
<pubDate>Fri, 01 Mar 2024 09:00:00 +0000</pubDate>
<wp:post_id>42</wp:post_id><wp:post_date_gmt>2024-03-01 08:00:00</wp:post_date_gmt>
<wp:post_type>post</wp:post_type><wp:status>publish</wp:status>
{comments}
</item></channel></rss>
"""


def wxr_comment(author: str, approved: str, local: str, gmt: str) -> str:
    return (f"<wp:comment><wp:comment_author>{author}</wp:comment_author><wp:comment_content>Text</wp:comment_content>"
            f"<wp:comment_approved>{approved}</wp:comment_approved><wp:comment_date>{local}</wp:comment_date>"
            f"<wp:comment_date_gmt>{gmt}</wp:comment_date_gmt><wp:comment_type>comment</wp:comment_type>"
            "</wp:comment>")


def test_wxr_dates_are_read_in_gmt_and_comments_only_approved_in_date_order(tmp_path: Path) -> None:
    """WXR states each time twice, local and GMT; only GMT says the moment (the sample's local times are UTC+10, so a
    local time read as UTC lands hours off). Comments marked `spam` or `trash` are not approved."""
    comments = "".join([
        wxr_comment("Late", "1", "2024-03-02 20:00:00", "2024-03-02 10:00:00"),
        wxr_comment("Spammer", "spam", "2024-03-01 20:00:00", "2024-03-01 10:00:00"),
        wxr_comment("Binned", "trash", "2024-03-01 20:00:00", "2024-03-01 10:00:00"),
        wxr_comment("Early", "1", "2024-03-01 21:00:00", "2024-03-01 11:00:00"),
    ])
    [post] = read(write(tmp_path, WXR.format(comments=comments)))
    assert post.published == datetime(2024, 3, 1, 8, tzinfo=UTC)  # post_date_gmt, not pubDate
    assert [(c.author, c.published) for c in post.comments] == [
        ("Early", datetime(2024, 3, 1, 11, tzinfo=UTC)),
        ("Late", datetime(2024, 3, 2, 10, tzinfo=UTC)),
    ]
    assert post.comment_count == 2
    assert post.metadata["guid"] == "42"  # no <guid>: WordPress's own post id names the entry


def test_malformed_xml_before_the_first_entry_names_the_line_an_editor_shows(tmp_path: Path) -> None:
    """The feed's head is parsed on its own, before any entry: blank lines before <?xml count there too."""
    path = write(tmp_path, "\n\n\n" + RSS.format(items="").replace("<title>Metals</title>", "<title>Metals</titel>"))
    with pytest.raises(IngestError, match="malformed XML") as caught:
        list(read(path))
    assert caught.value.line == 5


def test_a_wxr_post_whose_gmt_date_is_unset_is_dated_by_its_pubdate(tmp_path: Path) -> None:
    """WordPress writes post_date_gmt 0000-00-00 for posts never given one; that is no date, and must not hide
    the pubDate the same item states."""
    text = WXR.format(comments="").replace("2024-03-01 08:00:00", "0000-00-00 00:00:00")
    [post] = read(write(tmp_path, text))
    assert (post.published, post.date_source) == (datetime(2024, 3, 1, 9, tzinfo=UTC), "feed")


def test_atom_content_typed_as_a_mime_type_is_read_as_html(tmp_path: Path) -> None:
    """Atom 0.3 and some generators write `type="text/html"`: read as plain text, every tag would be words."""
    atom = ('<feed xmlns="http://www.w3.org/2005/Atom"><title>F</title><entry><title>T</title>'
            '<content type="text/html">&lt;h2&gt;Copper&lt;/h2&gt;&lt;p&gt;Up 2%&lt;/p&gt;</content></entry></feed>')
    [post] = read(write(tmp_path, atom))
    assert post.blocks == (Block("heading", "Copper"), Block("paragraph", "Up 2%"))


def test_entities_escaped_twice_in_an_rss_title_are_decoded_without_any_tag(tmp_path: Path) -> None:
    """`&amp;amp;` and `&amp;nbsp;` reach the title as `&amp;` and `&nbsp;`: HTML, though no tag says so."""
    title = "Copper&amp;nbsp;prices &amp;amp; zinc"
    [post] = read(write(tmp_path, RSS.format(items=f"<item><title>{title}</title><description>x</description></item>")))
    assert post.title == "Copper prices & zinc"
