"""metalnomist.analysis.series: a figure over time, and the menu of series worth drawing."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime

import pytest

from metalnomist.analysis.series import series, series_keys
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


def test_a_tie_between_units_or_period_lengths_goes_to_the_first_by_name(archive: Archive) -> None:
    """Guards the tie-break of the unit (and period length) drawn by default: as many periods in kt as in t,
    and as many months as years, draw kt and months, whatever order the facts were read in (the last by
    name, or the last read, moved the chart from one to the other)."""
    fact = Fact(post="", sentence="Nickel output was 100 kt.", metric="output", value=100.0, unit="t",
                commodity="nickel", country="Indonesia")
    reported = [("t", "2023-01"), ("t", "2023-02"), ("t", "2021"), ("t", "2022"),
                ("kt", "2023-03"), ("kt", "2023-04"), ("kt", "2023-05"), ("kt", "2023-06")]
    with archive.store.transaction() as conn:
        post_id, _ = upsert_post(conn, Post(title="Nickel output", blocks=(Block("paragraph", "p"),),
                                            published=datetime(2024, 1, 1, tzinfo=UTC)))
        replace_facts(conn, {post_id: [replace(fact, unit=unit, period=period, sentence_start=n)
                                       for n, (unit, period) in enumerate(reported)]})
    with archive.store.reading() as conn:
        drawn = series(conn, "nickel", "output", "Indonesia")
        tonnes = series(conn, "nickel", "output", "Indonesia", unit="t")
    assert drawn.key.unit == "kt" and drawn.other_units == ("t",)
    assert [p.period for p in drawn.points] == ["2023-03", "2023-04", "2023-05", "2023-06"]
    assert tonnes.key.grain == "month" and tonnes.other_grains == ("year",)
