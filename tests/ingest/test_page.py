"""The page-text reader on the seed: exactly its 20 posts, clean bodies, labels as captions."""

from __future__ import annotations

from pathlib import Path

import pytest

from metalnomist.errors import IngestError
from metalnomist.ingest import detect_format, page
from metalnomist.ingest.checks import Limits
from metalnomist.models import COMMENTARY_HEADING
from tests.conftest import SEED

TITLES = [
    "Japan's Response to U.S. Tariffs: Reluctance to Retaliate Amid Economic Concerns",
    "Japan's Lithium Imports Drop Amid Slow EV Market in 2024",
    "Japan’s Iron Ore Imports Drop in March Amid Weak Steel Demand",
    "Japan's Non-Ferrous Metals Output Shows Mixed Trends for 2025",
    "Japan’s Silicon Output to Recover in 2025 Amid Semiconductor Market Growth",
    "Japan's Primary Aluminum Imports Rise Despite Weak Domestic Demand",
    "Japan’s Domestic EV Sales Decline Amid Import Reductions",
    "Japan’s Crude Steel Output Falls for Ninth Straight Month in November",
    "TotalEnergies to Supply 1GWh of BESS to Japan",
    "Japan’s Domestic EV Sales Decline for 12th Consecutive Month in October",
    "🇺🇸 Japan’s Auto Industry Faces Crossroads Over US Tariff Strategy",
    "Japan’s Imports of Russian Palladium Rise for First Time Since Ukraine Invasion",
    "Japan’s Nittetsu Joins Canadian Firm to Develop Chilean Copper Mine, Eyes Increased Output by 2033",
    "Sumitomo Metal Mining to Build Japan’s First Nickel Matte Plant",
    "Japan Increases EV Subsidies to Promote Green Steel Usage",
    "Japan Eyes Investments in Argentinian Lithium as Demand for Battery Metals Grows",
    "Japan’s Domestic EV Sales Continue Decline in July, Driven by Sluggish Light Vehicle Demand",
    "Japan and South Korea Prepare for Economic Impact of US Metal Tariffs",
    "Japan Minimizes Concerns Over China's Antimony Export Controls",
    "Idemitsu to Build Lithium Sulphide Plant in Chiba to Support Toyota’s All-Solid-State Battery Rollout",
]
CHROME = ["Showing posts sorted", "Sort by date", "Show all posts", "No comments"]


@pytest.fixture(scope="module")
def posts() -> list:
    return list(page.read(SEED))


def by_title(posts: list, start: str):
    return next(p for p in posts if p.title.startswith(start))


def test_seed_yields_exactly_its_twenty_posts_with_exact_titles(posts: list) -> None:
    assert [p.title for p in posts] == TITLES


def test_labels_come_from_the_caption_line_split_on_commas(posts: list) -> None:
    assert by_title(posts, "Japan's Response").labels == ("Japan", "U.S. Tariffs")
    # the caption has a no-break space after the comma
    assert by_title(posts, "Idemitsu").labels == ("Idemitsu", "Lithium Sulphide Plant")
    # an image alt line repeating the title is not a label
    assert by_title(posts, "Japan’s Iron Ore").labels == ("Iron Ore",)
    # a post with no caption line has no labels and keeps its first paragraph
    july = by_title(posts, "Japan’s Domestic EV Sales Continue")
    assert july.labels == ()
    assert july.blocks[0].text.startswith("Japan's domestic electric vehicle (EV) market")


def test_sub_headings_and_commentary_are_headings(posts: list) -> None:
    iron = by_title(posts, "Japan’s Iron Ore")
    headings = [b.text for b in iron.blocks if b.kind == "heading"]
    assert headings == [
        "March Iron Ore Imports Dip Despite Monthly Rebound",
        "Brazil Shipments Fall Amid Weather and Maintenance Disruptions",
        "Domestic Steel Output Outlook Remains Sluggish",
        COMMENTARY_HEADING,
    ]
    assert iron.blocks[-1].kind == "paragraph"
    assert iron.blocks[-1].text.startswith("Japan's lower iron ore imports in March")


def test_no_page_chrome_in_any_body(posts: list) -> None:
    for post in posts:
        for phrase in CHROME:
            assert phrase not in post.body, (post.title, phrase)


def test_seo_residue_goes_to_metadata(posts: list) -> None:
    auto = by_title(posts, "🇺🇸")
    assert auto.metadata["focus_keyphrase"] == "US auto tariffs impact on Japanese car industry"
    assert "Focus Keyphrase" not in auto.body


def test_every_post_has_a_comment_count_of_zero(posts: list) -> None:
    assert {p.comment_count for p in posts} == {0}


def test_a_post_with_one_comment_is_a_post_counted_once(tmp_path: Path) -> None:
    """Blogger writes "1 comment", singular; missed, that post's title and body would join the post before it."""
    path = tmp_path / "listing.txt"
    path.write_text(
        "Zinc output rises\n\nNo comments\nZinc\n\nZinc rose.\n"
        "Copper slips\n\n1 comment\nCopper\n\nCopper fell.\n"
        "Tin steady\n\n12 Comments\nTin\n\nTin held.\n"
    )
    got = [(p.title, p.labels, p.body, p.comment_count) for p in page.read(path)]
    assert got == [
        ("Zinc output rises", ("Zinc",), "Zinc rose.", 0),
        ("Copper slips", ("Copper",), "Copper fell.", 1),
        ("Tin steady", ("Tin",), "Tin held.", 12),
    ]


def test_a_byte_order_mark_does_not_enter_the_first_title(tmp_path: Path) -> None:
    """Text saved by Notepad starts with a BOM; kept, it is an invisible character in the first post's title."""
    path = tmp_path / "listing.txt"
    path.write_bytes(b"\xef\xbb\xbf" + b"Zinc output rises\r\n\r\nNo comments\r\nZinc\r\n\r\nZinc rose.\r\n")
    [post] = page.read(path)
    assert (post.title, post.labels, post.body) == ("Zinc output rises", ("Zinc",), "Zinc rose.")


def test_a_comment_count_of_thousands_of_digits_is_no_count_line(tmp_path: Path) -> None:
    """`int` refuses 5,000 digits with a bare ValueError; the line is not a count, and the file, which then
    has no post, is refused by name."""
    path = tmp_path / "listing.txt"
    path.write_text("Zinc output rises\n\n" + "9" * 5000 + " comments\nZinc\n\nZinc rose.\n")
    with pytest.raises(IngestError, match="no posts found") as caught:
        list(page.read(path))
    assert caught.value.line == 1


def test_page_chrome_between_and_after_posts_is_dropped(tmp_path: Path) -> None:
    """A saved listing ends with its navigation and feed links; read as body, they would close the last post."""
    path = tmp_path / "listing.txt"
    path.write_text("Zinc output rises\n\nNo comments\nZinc\n\nZinc rose.\nShare this post\n"
                    "Newer posts\nHome\nOlder posts\nSubscribe to: Posts (Atom)\n")
    [post] = page.read(path)
    assert post.blocks[-1].text == "Zinc rose." and len(post.blocks) == 1


def test_a_refused_post_is_named_by_its_title_line(tmp_path: Path) -> None:
    """The title line is where a person finds the post in the file; the count line two below is not."""
    path = tmp_path / "listing.txt"
    path.write_text("Zinc output rises\n\nNo comments\nZinc\n\nZinc rose.\n"
                    "Copper slips\n\nNo comments\nCopper, " + "x" * 300 + "\n\nCopper fell.\n")
    with pytest.raises(IngestError, match="label") as caught:
        list(page.read(path, Limits(label_chars=200)))
    assert caught.value.line == 7


def test_a_comment_count_with_no_title_above_it_starts_no_post(tmp_path: Path) -> None:
    """Only a title, a blank line and a count open a post; a count after blank lines is a stray line (a footer
    widget's), and taken for a post it would be one with an empty title."""
    path = tmp_path / "listing.txt"
    path.write_text("Zinc output rises\n\nNo comments\nZinc\n\nZinc rose.\n\n\nNo comments\n")
    assert [post.title for post in page.read(path)] == ["Zinc output rises"]


def test_a_post_with_no_body_does_not_take_the_next_title_as_a_label(tmp_path: Path) -> None:
    """An image-only post ends on its caption line; the next title, read before its comment count, is no label."""
    path = tmp_path / "listing.txt"
    path.write_text("Zinc output rises\n\nNo comments\nZinc\nCopper slips\n\nNo comments\nCopper\n\nCopper fell.\n")
    assert [(post.title, post.labels, post.body) for post in page.read(path)] == [
        ("Zinc output rises", ("Zinc",), ""),
        ("Copper slips", ("Copper",), "Copper fell."),
    ]


def test_invalid_utf8_names_the_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(SEED.read_bytes()[:400] + b"\nbroken \xff byte\n")
    with pytest.raises(IngestError) as caught:
        list(page.read(bad))
    assert caught.value.path == str(bad)
    assert caught.value.line is not None and caught.value.line > 1
    assert "UTF-8 text (byte 8 of the line)" in str(caught.value)  # "broken " is 7 bytes: \xff is the 8th


def test_text_without_posts_is_an_error(tmp_path: Path) -> None:
    empty = tmp_path / "notes.txt"
    empty.write_text("just a note\nwith two lines\n")
    with pytest.raises(IngestError, match="no posts found"):
        list(page.read(empty))


def test_detects_page_text(tmp_path: Path) -> None:
    assert detect_format(SEED) == "page"
