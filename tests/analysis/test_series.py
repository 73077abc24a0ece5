"""metalnomist.analysis.series: a figure over time, and the menu of series worth drawing."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime

import pytest

from metalnomist.analysis.periods import parse_period
from metalnomist.analysis.series import series, series_keys, series_reports, thin
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


def test_the_menu_counts_the_periods_its_series_page_draws(archive: Archive) -> None:
    """Guards the menu against counting reports: a period reported twice is one point, and periods of another
    length are drawn as another series, so the menu's count is the page's (it said 6 for a line of 3 years, and
    listed a month reported twice, whose page draws one point). Ties list the worldwide series first."""
    fact = Fact(post="", sentence="Zinc output was 5 kt.", metric="output", value=5.0, unit="kt",
                commodity="zinc", country="Peru")
    store_reported(archive, fact, [("kt", "2023-01"), ("kt", "2023-01"), ("kt", "2023-02"),  # months: two periods
                                   ("kt", "2021"), ("kt", "2022"), ("kt", "2023"),  # years: three, drawn
                                   ("t", "2023-05"), ("t", "2023-06"),  # two months in tonnes: the fewest listed
                                   ("Mt", "2023-05"), ("Mt", "2023-05")])  # one period reported twice: no series
    world = replace(fact, sentence="World zinc output was 13 Mt.", country=None)
    store_reported(archive, world, [("KT", "2022"), ("kt", "2023"), ("kt", "2024")])  # one unit, as the page reads it
    with archive.store.reading() as conn:
        keys = series_keys(conn)
        drawn = [series(conn, k.commodity, k.metric, k.country, k.partner, k.unit) for k in keys]
    assert [(k.country, k.unit.casefold() if k.unit else None, k.points) for k in keys] == [
        (None, "kt", 3), ("Peru", "kt", 3), ("Peru", "t", 2)]
    assert [k.points for k in keys] == [found.total for found in drawn] == [len(found.points) for found in drawn]


def test_a_fiscal_year_takes_its_place_among_calendar_years(archive: Archive) -> None:
    """Guards the period order of the points and of the export: series keys hold `fy2023` in lower case, which
    must still read as April 2023 to March 2024 (unread, it sorted after 2024; the export came in key order)."""
    fact = Fact(post="", sentence="Steel output was 90 Mt.", metric="output", value=90.0, unit="Mt",
                commodity="crude steel", country="Japan")
    store_reported(archive, fact, [("Mt", "2024"), ("Mt", "FY2023"), ("Mt", "2022")])
    with archive.store.reading() as conn:
        found = series(conn, "crude steel", "output", "Japan")
        exported = [f.period for f in series_reports(conn, found)]
    assert [p.period for p in found.points] == exported == ["2022", "FY2023", "2024"]


def test_quarters_reported_for_more_periods_than_months_make_the_series_quarterly(archive: Archive) -> None:
    """Guards the period length drawn by default: `2024-q1` (as keys hold it) is a quarter, so three quarters
    outnumber two months; the other lengths are offered by name, whatever order the keys came in."""
    fact = Fact(post="", sentence="Copper imports were 2 Mt.", metric="imports", value=2.0, unit="Mt",
                commodity="copper", country="China")
    store_reported(archive, fact, [("Mt", "2024-Q1"), ("Mt", "2024-Q2"), ("Mt", "2024-Q3"), ("Mt", "2024-07"),
                                   ("Mt", "2024-08"), ("Mt", "2025")])
    with archive.store.reading() as conn:
        found = series(conn, "copper", "imports", "China")
    assert (found.key.grain, found.other_grains) == ("quarter", ("month", "year"))
    assert [p.period for p in found.points] == ["2024-Q1", "2024-Q2", "2024-Q3"]


def test_a_page_past_the_oldest_period_is_empty_and_still_names_its_unit(seed: Connection) -> None:
    """Guards paging beyond the end (an API `offset` larger than `total`): no point is repeated from the
    oldest end, and the series still says what it measures."""
    past = series(seed, *EV, skip=4, count=2)
    assert past.points == () and past.total == 3 and past.key.unit == "units" and not past.older


def test_a_spread_window_leaves_nothing_older_out(seed: Connection) -> None:
    """A chart spread over the whole range reaches the oldest period: it is thinned, with nothing older to page
    to; a window of the newest periods is the opposite."""
    spread = series(seed, *EV, count=2, spread=True)
    newest = series(seed, *EV, count=2)
    assert [p.period for p in spread.points] == ["--07", "--10"] and (spread.thinned, spread.older) == (True, False)
    assert [p.period for p in newest.points] == ["--09", "--10"] and (newest.thinned, newest.older) == (False, True)


def test_reports_within_one_percent_are_one_figure_without_a_high(archive: Archive) -> None:
    """Reports that agree after rounding (100 and 100.5) are one figure; 100 and 102 are a range to show."""
    fact = Fact(post="", sentence="Tin output was 100 t.", metric="output", value=100.0, unit="t",
                commodity="tin", country="Bolivia")
    with archive.store.transaction() as conn:
        post_id, _ = upsert_post(conn, Post(title="Tin", blocks=(Block("paragraph", "p"),),
                                            published=datetime(2024, 1, 1, tzinfo=UTC)))
        reported = [(100.0, "2023-01"), (100.5, "2023-01"), (100.0, "2023-02"), (102.0, "2023-02")]
        replace_facts(conn, {post_id: [replace(fact, value=value, period=period, sentence_start=n)
                                       for n, (value, period) in enumerate(reported)]})
    with archive.store.reading() as conn:
        found = series(conn, "tin", "output", "Bolivia")
    assert [(p.value, p.high.value if p.high else None) for p in found.points] == [(100.0, None), (100.0, 102.0)]


def test_periods_outside_the_spec_still_make_a_series_in_label_order(archive: Archive) -> None:
    """A label no format reads (here week numbers) has no length, so no length can be most reported: the
    series draws such figures by label rather than nothing."""
    fact = Fact(post="", sentence="Lead output was 3 kt.", metric="output", value=3.0, unit="kt",
                commodity="lead", country="Mexico")
    store_reported(archive, fact, [("kt", "2024-W02"), ("kt", "2024-W01")])
    with archive.store.reading() as conn:
        found = series(conn, "lead", "output", "Mexico")
    assert [p.period for p in found.points] == ["2024-W01", "2024-W02"] and found.key.grain is None


def test_months_without_a_year_from_posts_of_two_years_are_in_time_order(archive: Archive) -> None:
    """`--10` and `--11` in a post of December 2023 and `--01` in one of February 2024 are October, November,
    January: the points come in that order, as the chart places them in time (in month-number order the line
    ran from January back to October, and the table listed November as the newest)."""
    fact = Fact(post="", sentence="Nickel output was 5 kt.", metric="output", value=5.0, unit="kt",
                commodity="nickel", country="Indonesia")
    for title, published, periods in [("Autumn", datetime(2023, 12, 5, tzinfo=UTC), ["--10", "--11"]),
                                      ("Winter", datetime(2024, 2, 5, tzinfo=UTC), ["--01"])]:
        with archive.store.transaction() as conn:
            post_id, _ = upsert_post(conn, Post(title=title, blocks=(Block("paragraph", "p"),), published=published))
            replace_facts(conn, {post_id: [replace(fact, period=period, sentence_start=n)
                                           for n, period in enumerate(periods)]})
    with archive.store.reading() as conn:
        found = series(conn, "nickel", "output", "Indonesia")
    assert [p.period for p in found.points] == ["--10", "--11", "--01"]
    assert [p.span for p in found.points] == [parse_period(m) for m in ["2023-10", "2023-11", "2024-01"]]


def test_months_of_a_post_without_a_date_keep_the_order_of_their_labels(archive: Archive) -> None:
    """A year-less month of an undated post cannot be placed in time: with one, the points keep the order of
    their labels (months by number) rather than mixing placed and unplaced months, as the chart then spaces
    them evenly."""
    fact = Fact(post="", sentence="Nickel output was 5 kt.", metric="output", value=5.0, unit="kt",
                commodity="nickel", country="Indonesia")
    for title, published, period in [("Undated", None, "--11"), ("Winter", datetime(2024, 2, 5, tzinfo=UTC), "--01")]:
        with archive.store.transaction() as conn:
            post_id, _ = upsert_post(conn, Post(title=title, blocks=(Block("paragraph", "p"),), published=published))
            replace_facts(conn, {post_id: [replace(fact, period=period, sentence_start=0)]})
    with archive.store.reading() as conn:
        found = series(conn, "nickel", "output", "Indonesia")
    assert [(p.period, p.span.year_known if p.span else None) for p in found.points] == [("--01", True),
                                                                                          ("--11", False)]
