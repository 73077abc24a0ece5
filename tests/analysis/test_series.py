"""metalnomist.analysis.series: a figure over time, and the menu of series worth drawing."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime

import pytest

from metalnomist.analysis.periods import parse_period
from metalnomist.analysis.series import series, series_keys, thin
from metalnomist.models import Block, Fact, Post
from metalnomist.pipeline import Archive
from metalnomist.store import Connection
from metalnomist.store.facts import replace_facts
from metalnomist.store.posts import upsert_post

EV = ("electric vehicles", "sales", "Japan")


@pytest.fixture
def seed(seeded: Archive) -> Iterator[Connection]:
    """A read of the archive holding the seed's posts."""
    with seeded.store.reading() as conn:
        yield conn


def test_seed_ev_sales_series_is_july_september_october(seed: Connection) -> None:
    """Japan's monthly EV sales: the market's figures only (Nissan's Sakura is a company figure)."""
    found = series(seed, *EV)
    assert [(p.period, p.value) for p in found.points] == [("--07", 5072), ("--09", 6429), ("--10", 4325)]
    assert found.key.unit == "units" and found.other_units == ()
    assert all(p.href == f"{p.permalink}#fact-{p.fact_id}" and p.permalink.endswith(".html") for p in found.points)
    assert "5,072" in found.points[0].sentence


def test_series_partner_none_means_the_total(seed: Connection) -> None:
    by_russia = series(seed, "palladium", "imports", "Japan", "Russia")
    assert [(p.period, p.value) for p in by_russia.points] == [("2022", 14.5), ("2023", 9.9), ("2024", 12)]
    assert series(seed, "palladium", "imports", "Japan").points == ()


def test_a_series_never_mixes_periods_of_different_lengths(seed: Connection) -> None:
    """`over 1 tonne monthly` in Jun–Dec 2024 is no fall from 12 t a year: it forms its own series."""
    by_russia = series(seed, "palladium", "imports", "Japan", "Russia")
    assert by_russia.key.grain == "year" and by_russia.other_grains == ("7 months",)
    monthly = series(seed, "palladium", "imports", "Japan", "Russia", grain="7 months")
    assert [(p.period, p.value) for p in monthly.points] == [("2024-06/2024-12", 1)]
    assert monthly.key.params()["grain"] == "7 months"


def test_series_keys_list_only_series_with_two_points(seed: Connection) -> None:
    keys = series_keys(seed)
    assert ("electric vehicles", "sales", "Japan", None, "units", 3) in [
        (k.commodity, k.metric, k.country, k.partner, k.unit, k.points) for k in keys]
    assert all(k.points >= 2 for k in keys)
    assert [k.points for k in keys] == sorted((k.points for k in keys), reverse=True)


def store_reported(archive: Archive, fact: Fact, reported: list[tuple[str | None, str]]) -> None:
    """One post reporting `fact` once per (unit, period), in that reading order."""
    with archive.store.transaction() as conn:
        post_id, _ = upsert_post(conn, Post(title=fact.sentence, blocks=(Block("paragraph", "p"),),
                                            published=datetime(2024, 1, 1, tzinfo=UTC)))
        replace_facts(conn, {post_id: [replace(fact, unit=unit, period=period, sentence_start=n)
                                       for n, (unit, period) in enumerate(reported)]})


def test_a_tie_between_units_or_period_lengths_goes_to_the_first_by_name(archive: Archive) -> None:
    """Guards the tie-break of the unit (and period length) drawn by default: as many periods in kt as in t,
    and as many months as years, draw kt and months, whatever order the facts were read in (the last by
    name, or the last read, moved the chart from one to the other)."""
    fact = Fact(post="", sentence="Nickel output was 100 kt.", metric="output", value=100.0, unit="t",
                commodity="nickel", country="Indonesia")
    reported = [("t", "2023-01"), ("t", "2023-02"), ("t", "2021"), ("t", "2022"),
                ("kt", "2023-03"), ("kt", "2023-04"), ("kt", "2023-05"), ("kt", "2023-06")]
    store_reported(archive, fact, reported)
    with archive.store.reading() as conn:
        drawn = series(conn, "nickel", "output", "Indonesia")
        tonnes = series(conn, "nickel", "output", "Indonesia", unit="t")
    assert drawn.key.unit == "kt" and drawn.other_units == ("t",)
    assert [p.period for p in drawn.points] == ["2023-03", "2023-04", "2023-05", "2023-06"]
    assert tonnes.key.grain == "month" and tonnes.other_grains == ("year",)


def test_a_unit_asked_for_in_any_case_draws_the_figures_as_their_posts_spell_it(archive: Archive) -> None:
    """A unit comes from a link or a typed address (`unit=MT`): it names the same figures as `Mt`, and the
    series names it as the posts spell it. Figures without a unit are no other unit to offer."""
    fact = Fact(post="", sentence="Iron ore output was 5 Mt.", metric="output", value=5.0, unit="Mt",
                commodity="iron ore", country="Australia")
    reported = [("Mt", "2023"), ("Mt", "2024"), ("kt", "2022"), (None, "2021")]
    store_reported(archive, fact, reported)
    with archive.store.reading() as conn:
        drawn = series(conn, "iron ore", "output", "Australia")
        typed = series(conn, "iron ore", "output", "Australia", unit="MT")
    assert [p.period for p in typed.points] == [p.period for p in drawn.points] == ["2023", "2024"]
    assert typed.key.unit == drawn.key.unit == "Mt"
    assert drawn.other_units == ("kt",)


def test_a_month_without_a_year_falls_in_its_posts_year(archive: Archive) -> None:
    """`output in November` in a post of December 2023 is November 2023: the chart places it in time as it
    places dated months, instead of on an axis of months whose year is not stated."""
    fact = Fact(post="", sentence="Nickel output was 5 kt in November.", metric="output", value=5.0, unit="kt",
                commodity="nickel", country="Indonesia")
    with archive.store.transaction() as conn:
        post_id, _ = upsert_post(conn, Post(title="Nickel in the autumn", blocks=(Block("paragraph", "p"),),
                                            published=datetime(2023, 12, 5, tzinfo=UTC)))
        replace_facts(conn, {post_id: [replace(fact, period=period, sentence_start=n)
                                       for n, period in enumerate(["--10", "--11"])]})
    with archive.store.reading() as conn:
        found = series(conn, "nickel", "output", "Indonesia")
    assert [p.span for p in found.points] == [parse_period("2023-10"), parse_period("2023-11")]


@pytest.mark.parametrize(("count", "expected"), [
    (5, [0, 1, 2, 3, 4]),  # as many as there are: all of them
    (9, [0, 1, 2, 3, 4]),  # more than there are: each once
    (4, [0, 1, 3, 4]),  # 4/3 and 8/3 of the way round to the nearest period, not down
    (3, [0, 2, 4]),
    (2, [0, 4]),  # the first and the last
    (1, [4]),  # no spread in one point: the newest, as a window of the newest would show
    (0, []),
])
def test_thin_spreads_the_points_evenly_from_the_first_to_the_last(count: int, expected: list[int]) -> None:
    """A spread chart draws `count` of a series' periods: the oldest, the newest, and the rest as evenly
    apart as whole periods allow."""
    assert thin(range(5), count) == expected
