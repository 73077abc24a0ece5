"""metalnomist.analysis: period order, series, series menus, contradictions and sentence segments."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from metalnomist import analysis
from metalnomist.analysis import Span, parse_period, period_sort_key
from metalnomist.models import Block, Fact, Post
from metalnomist.pipeline import Archive, ingest_file

EV = ("electric vehicles", "sales", "Japan")

PERIODS = [
    # (label, publication year, expected span): one case per facts.md format
    ("2024", None, Span(2024 * 12, 2024 * 12 + 11)),
    ("2024-03", None, Span(2024 * 12 + 2, 2024 * 12 + 2)),
    ("--03", None, Span(2, 2, year_known=False)),  # no date: ordered by month number alone
    ("--03", 2025, Span(2025 * 12 + 2, 2025 * 12 + 2)),  # placed in the post's year
    ("2024-Q2", None, Span(2024 * 12 + 3, 2024 * 12 + 5)),
    ("2024-H2", None, Span(2024 * 12 + 6, 2024 * 12 + 11)),
    ("FY2024", None, Span(2024 * 12 + 3, 2025 * 12 + 2)),  # April 2024 to March 2025
    ("2024-10/2025-03", None, Span(2024 * 12 + 9, 2025 * 12 + 2)),
    ("--04/--06", None, Span(3, 5, year_known=False)),
    ("--11/--02", None, Span(10, 13, year_known=False)),  # a year-less range that crosses New Year
    ("2022/2024", None, Span(2022 * 12, 2024 * 12 + 11)),
    ("last spring", None, None),  # outside the spec: no span, sorted last
    ("2024-13", None, None),
    ("", None, None),
]


@pytest.mark.parametrize(("label", "year", "expected"), PERIODS)
def test_parse_period(label: str, year: int | None, expected: Span | None) -> None:
    assert parse_period(label, year) == expected


def test_periods_sort_by_the_time_they_cover() -> None:
    labels = ["FY2024", "2024-H2", "2025", "2024-Q2", "2024-03", "2024", "bogus", "2023"]
    assert sorted(labels, key=period_sort_key) == ["2023", "2024", "2024-03", "2024-Q2", "FY2024", "2024-H2",
                                                   "2025", "bogus"]


@pytest.mark.parametrize(("value", "unit", "expected"), [
    (6429, "units", "6,429 units"),
    (8_100_000, "t", "8.1mn t"),
    (3.9e12, "JPY", "3.9tn JPY"),
    (1.5, "%", "1.5%"),
    (102.2, "USD/t", "102.2 USD/t"),
    (-600_000, "t", "-600,000 t"),
])
def test_format_quantity(value: float, unit: str, expected: str) -> None:
    assert analysis.format_quantity(value, unit) == expected


def test_describe_reads_a_fact_back() -> None:
    fact = Fact(post="p", sentence="s", metric="sales", value=6429, unit="units", change_pct=-28.7,
                change_basis="y/y", commodity="electric vehicles", country="Japan", period="--09")
    assert analysis.describe(fact) == "6,429 units · −28.7% y/y · sales · electric vehicles · Japan · " \
                                      "Sep (year not stated)"


def test_seed_ev_sales_series_is_july_september_october(seeded: Archive) -> None:
    """Japan's monthly EV sales: the market's figures only (Nissan's Sakura is a company figure)."""
    found = analysis.series(seeded, *EV)
    assert [(p.period, p.value) for p in found.points] == [("--07", 5072), ("--09", 6429), ("--10", 4325)]
    assert found.key.unit == "units" and found.other_units == ()
    assert all(p.href == f"{p.permalink}#fact-{p.fact_id}" and p.permalink.endswith(".html") for p in found.points)
    assert "5,072" in found.points[0].sentence


def test_series_partner_none_means_the_total(seeded: Archive) -> None:
    by_russia = analysis.series(seeded, "palladium", "imports", "Japan", "Russia")
    assert [(p.period, p.value) for p in by_russia.points] == [("2022", 14.5), ("2023", 9.9), ("2024", 12)]
    assert analysis.series(seeded, "palladium", "imports", "Japan").points == ()


def test_a_series_never_mixes_periods_of_different_lengths(seeded: Archive) -> None:
    """`over 1 tonne monthly` in Jun–Dec 2024 is no fall from 12 t a year: it forms its own series."""
    by_russia = analysis.series(seeded, "palladium", "imports", "Japan", "Russia")
    assert by_russia.key.grain == "year" and by_russia.other_grains == ("7 months",)
    monthly = analysis.series(seeded, "palladium", "imports", "Japan", "Russia", grain="7 months")
    assert [(p.period, p.value) for p in monthly.points] == [("2024-06/2024-12", 1)]
    assert monthly.key.params()["grain"] == "7 months"


PERIOD_WORDS = [
    ("2024-06/2024-12", "Jun–Dec 2024", "7 months"),
    ("2024-10/2025-03", "Oct 2024–Mar 2025", "half"),
    ("--04/--06", "Apr–Jun (year not stated)", "quarter"),
    ("2022/2024", "2022–2024", "3 years"),
    ("2024-Q3", "Q3 2024", "quarter"),
    ("2024-H1", "H1 2024", "half"),
    ("FY2024", "FY2024 (Apr 2024–Mar 2025)", "year"),
    ("--03", "Mar (year not stated)", "month"),
]


@pytest.mark.parametrize("label,words,grain", PERIOD_WORDS, ids=[p[0] for p in PERIOD_WORDS])
def test_period_labels_read_as_people_write_them(label: str, words: str, grain: str) -> None:
    assert analysis.period_text(label) == words and analysis.period_grain(label) == grain
    assert "/" not in analysis.period_short(label)


def test_series_keys_list_only_series_with_two_points(seeded: Archive) -> None:
    keys = analysis.series_keys(seeded)
    assert ("electric vehicles", "sales", "Japan", None, "units", 3) in [
        (k.commodity, k.metric, k.country, k.partner, k.unit, k.points) for k in keys]
    assert all(k.points >= 2 for k in keys)
    assert [k.points for k in keys] == sorted((k.points for k in keys), reverse=True)


def _post(title: str, body: str, url: str) -> dict[str, object]:
    return {"title": title, "body": body, "url": url, "published": "2024-04-20", "labels": []}


def write_posts(folder: Path, posts: list[dict[str, object]]) -> Path:
    path = folder / "posts.jsonl"
    path.write_text("\n".join(json.dumps(p) for p in posts), encoding="utf-8")
    return path


DISAGREEING = [
    _post("Japan nickel imports rise in March",
          "Japan imported 12,000 tonnes of nickel in March 2024, according to the Finance Ministry.",
          "https://example.com/a"),
    _post("Nickel imports <b>revised</b>",
          "Japan imported 13,500 tonnes of nickel in March 2024, according to revised Finance Ministry data.",
          "https://example.com/b"),
    _post("Nickel imports, rounded",  # within 1% of the first: a rounding, not a contradiction
          "Japan imported 12,050 tonnes of nickel in March 2024, according to the Finance Ministry.",
          "https://example.com/c"),
]


def test_contradictions_pair_different_posts_more_than_one_percent_apart(archive: Archive,
                                                                        tmp_path: Path) -> None:
    ingest_file(archive, write_posts(tmp_path, DISAGREEING), "jsonl")
    found = analysis.contradictions(archive)
    pairs = {(c.first.value, c.second.value) for c in found}
    assert pairs == {(12000, 13500), (13500, 12050)}
    first = found[0]
    assert (first.key.commodity, first.key.metric, first.key.country, first.period) == \
        ("nickel", "imports", "Japan", "2024-03")
    assert first.first.post_id != first.second.post_id
    assert first.difference_pct == pytest.approx(100 * abs(first.first.value - first.second.value) /
                                                 max(first.first.value, first.second.value))


def test_seed_has_no_contradictions(seeded: Archive) -> None:
    assert analysis.contradictions(seeded) == []


def test_a_post_does_not_contradict_itself(archive: Archive, tmp_path: Path) -> None:
    """A post that gives a figure and its revision disagrees with the other post, never with itself."""
    twice = _post("Nickel imports and their revision",
                  "Japan imported 12,000 tonnes of nickel in March 2024, the ministry said. "
                  "Japan imported 14,000 tonnes of nickel in March 2024, a revision showed.", "https://example.com/r")
    ingest_file(archive, write_posts(tmp_path, [twice, DISAGREEING[1]]))
    found = analysis.contradictions(archive)
    assert [(c.first.value, c.second.value, c.period) for c in found] == [(12000, 13500, "2024-03"),
                                                                          (14000, 13500, "2024-03")]
    assert all(c.first.post_id != c.second.post_id for c in found)


def test_segments_cut_blocks_at_fact_sentences() -> None:
    blocks = (Block("heading", "Heading 5%"), Block("paragraph", "Intro. Sales rose 5% to 10 units. Tail."))
    post = Post(title="t", blocks=blocks)
    start = post.body.index("Sales")
    facts = [Fact(post="t", sentence="Sales rose 5% to 10 units.", metric="sales", value=10, id=7,
                  sentence_start=start),
             Fact(post="t", sentence="Sales rose 5% to 10 units.", metric="sales", change_pct=5, id=8,
                  sentence_start=start),
             Fact(post="t", sentence="Not in the body.", metric="sales", id=9, sentence_start=3)]
    heading, paragraph = analysis.segment_blocks(post, facts)
    assert heading == (analysis.Segment("Heading 5%"),)
    assert [s.text for s in paragraph] == ["Intro. ", "Sales rose 5% to 10 units.", " Tail."]
    assert paragraph[1].anchor == "fact-7" and [f.id for f in paragraph[1].facts] == [7, 8]
    assert "".join(s.text for s in paragraph) == blocks[1].text
