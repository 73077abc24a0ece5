"""A series page, its API and its CSV: one point per period, newest first in pages, every report reachable."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import lxml.html
import pytest

from metalnomist.pipeline import ingest_file
from metalnomist.web import data_series
from tests.analysis.test_contradictions import DISAGREEING, write_posts
from tests.web.conftest import Site, html, open_site, select, text_of

EV_SERIES = {"commodity": "electric vehicles", "metric": "sales", "country": "Japan"}
NICKEL = {"commodity": "nickel", "metric": "imports", "country": "Japan"}


@pytest.fixture
def reported_thrice(db_url: str, tmp_path: Path) -> Iterator[Site]:
    """Japan's nickel imports of March 2024 reported by three posts: 12,000, 13,500 and 12,050 t."""
    (tmp_path / "site").mkdir()
    for site in open_site(tmp_path / "site", db_url):
        ingest_file(site.archive, write_posts(tmp_path, DISAGREEING), "jsonl")
        yield site


def test_a_period_reported_by_several_posts_is_one_point_spanning_their_reports(reported_thrice: Site) -> None:
    client = reported_thrice.client
    doc = html(client.get("/data/series", params=NICKEL))
    (row,) = select(doc, "table.series-table tbody tr")
    assert text_of(row.xpath("td[2]")[0]) == "12,000 to 13,500"
    low, high = [a.get("href") for a in select(row, "a.sentence-link")]
    svg = doc.xpath("//*[local-name()='svg']")[0]
    assert [a.get("href") for a in svg.xpath(".//*[local-name()='a']")] == [high, low]  # the bar, then the point
    assert len(svg.xpath(".//*[local-name()='line'][@class='range']")) == 1
    api = client.get("/api/facts/series", params=NICKEL).json()
    (point,) = api["points"]
    assert (point["value"], point["high"]["value"], point["url"], point["high"]["url"]) == (12000, 13500, low, high)
    assert (api["total"], api["next"]) == (1, None)
    (download,) = [a.get("href") for a in select(doc, "a.series-csv")]
    assert download == api["csv"]
    reports = list(csv.DictReader(io.StringIO(client.get(download).text)))
    assert sorted(float(r["value"]) for r in reports) == [12000, 12050, 13500]  # every report, not just the extremes
    assert client.get("/data/series.csv", params={"metric": "imports"}).status_code == 400  # which series, then?


def test_the_table_and_the_api_come_in_pages_newest_first(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(data_series, "TABLE_ROWS", 2)
    monkeypatch.setattr(data_series, "CHART_POINTS", 2)
    doc = html(site.client.get("/data/series", params=EV_SERIES))
    assert [r.xpath("td[1]/span")[0].get("title") for r in select(doc, "table.series-table tbody tr")] == [
        "--10", "--09"]
    # the chart spans the whole range from as many periods as it may draw, and says so
    chart = doc.xpath("//*[local-name()='svg']")[0]
    assert "2 points in period order. Jul (year not stated)" in chart.xpath("*[local-name()='desc']")[0].text
    assert "Oct (year not stated)" in chart.xpath("*[local-name()='desc']")[0].text
    assert text_of(select(doc, "figcaption")[0]).startswith("2 of the 3 periods, spread evenly over the whole range")
    (older,) = select(doc, "nav.pager a.older")
    assert parse_qs(urlsplit(older.get("href")).query)["start"] == ["2"]
    second = html(site.client.get(older.get("href")))
    assert [r.xpath("td[1]/span")[0].get("title") for r in select(second, "table.series-table tbody tr")] == ["--07"]
    assert not select(second, "nav.pager a.older") and select(second, "nav.pager a.newer")
    first = site.client.get("/api/facts/series", params={**EV_SERIES, "limit": 2}).json()
    assert [p["period"] for p in first["points"]] == ["--09", "--10"] and first["total"] == 3
    rest = site.client.get(first["next"]).json()
    assert [p["period"] for p in rest["points"]] == ["--07"] and rest["next"] is None and rest["offset"] == 2
    assert site.client.get("/api/facts/series", params={**EV_SERIES, "limit": 0}).status_code == 422
    assert site.client.get("/api/facts/series", params={**EV_SERIES, "limit": data_series.MAX_API_POINTS + 1}
                           ).status_code == 422
    assert site.client.get("/api/facts/series", params={**EV_SERIES, "limit": data_series.MAX_API_POINTS}
                           ).status_code == 200
    parameters = {p["name"]: p for p in site.client.get("/openapi.json").json()["paths"]["/api/facts/series"]["get"]
                  ["parameters"]}
    assert {"offset", "limit"} <= set(parameters) and "newest" in parameters["offset"]["description"]


def test_a_table_page_holds_its_rows_and_a_full_last_page_links_nowhere_older(
        site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    """The chart draws every period here (three, far under CHART_POINTS), so the table pages those points."""
    def table(params: dict[str, str]) -> tuple[list[str | None], bool]:
        doc = html(site.client.get("/data/series", params=params))
        periods = [r.xpath("td[1]/span")[0].get("title") for r in select(doc, "table.series-table tbody tr")]
        return periods, bool(select(doc, "nav.pager a.older"))

    monkeypatch.setattr(data_series, "TABLE_ROWS", 3)
    assert table(EV_SERIES) == (["--10", "--09", "--07"], False)
    monkeypatch.setattr(data_series, "TABLE_ROWS", 2)
    assert table(EV_SERIES) == (["--10", "--09"], True)
    assert table({**EV_SERIES, "start": "2"}) == (["--07"], False)


def test_a_company_series_downloads_that_companys_reports(site: Site) -> None:
    nissan = {**EV_SERIES, "company": "Nissan"}
    doc = html(site.client.get("/data/series", params=nissan))
    (download,) = [a.get("href") for a in select(doc, "a.series-csv")]
    assert parse_qs(urlsplit(download).query)["company"] == ["Nissan"]
    reports = list(csv.DictReader(io.StringIO(site.client.get(download).text)))
    assert reports and {r["company"] for r in reports} == {"Nissan"}
    assert site.client.get("/api/facts/series", params=nissan).json()["csv"] == download


def test_every_link_of_a_company_series_stays_with_that_company(site: Site) -> None:
    """The JSON, the table, the feed and the other units' and period lengths' links of Nissan's series are
    Nissan's: dropping the company led to the market's figures under Nissan's name."""
    nissan = {**EV_SERIES, "company": "Nissan"}
    doc = html(site.client.get("/data/series", params=nissan))
    links = [a.get("href") for a in select(doc, "p.series-meta a, p.other-grains a, p.other-units a")]
    assert len(links) >= 4
    for link in links:
        assert parse_qs(urlsplit(link).query).get("company") == ["Nissan"], link
    (json_link,) = [a.get("href") for a in select(doc, "p.series-meta a") if text_of(a) == "JSON"]
    own = site.client.get("/api/facts/series", params=nissan).json()["points"]
    assert own and site.client.get(json_link).json()["points"] == own


def test_a_phones_chart_draws_fewer_points_over_the_same_range(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(data_series, "NARROW_POINTS", 2)
    doc = html(site.client.get("/data/series", params=EV_SERIES))
    wide, narrow = doc.xpath("//*[local-name()='svg']")
    assert [len(chart.xpath(".//*[local-name()='circle']")) for chart in (wide, narrow)] == [3, 2]
    assert "Jul (year not stated)" in narrow.xpath("*[local-name()='desc']")[0].text
    assert "Oct (year not stated)" in narrow.xpath("*[local-name()='desc']")[0].text


def test_a_full_last_api_page_offers_no_next(site: Site) -> None:
    """`next` is there only while older periods remain: a page ending at the oldest period has none."""
    whole = site.client.get("/api/facts/series", params={**EV_SERIES, "limit": 3}).json()
    assert (whole["total"], len(whole["points"]), whole["next"]) == (3, 3, None)
    rest = site.client.get("/api/facts/series", params={**EV_SERIES, "offset": 1, "limit": 2}).json()
    assert [p["period"] for p in rest["points"]] == ["--07", "--09"] and rest["next"] is None


def test_a_periods_bar_reaches_from_its_lowest_to_its_highest_report(reported_thrice: Site) -> None:
    """The bar of a period whose reports differ spans them: from the point (the lowest) up to the highest."""
    doc = html(reported_thrice.client.get("/data/series", params=NICKEL))
    svg = doc.xpath("//*[local-name()='svg']")[0]
    (bar,) = svg.xpath(".//*[local-name()='line'][@class='range']")
    (dot,) = svg.xpath(".//*[local-name()='circle']")
    assert float(bar.get("y1")) == float(dot.get("cy"))
    assert float(bar.get("y2")) < float(bar.get("y1")) - 10, "13,500 t is drawn well above 12,000 t"


@pytest.fixture
def two_units(db_url: str, tmp_path: Path) -> Iterator[Site]:
    """Japan's nickel imports in tonnes for three months and in yen for the year."""
    months = [("March", "12,000 tonnes"), ("April", "11,000 tonnes"), ("June", "9,000 tonnes")]
    posts = [{"title": f"Nickel imports in {month}", "url": f"https://example.com/ni-{month}",
              "body": f"Japan imported {amount} of nickel in {month} 2024, according to the Finance Ministry."}
             for month, amount in months]
    posts.append({"title": "Nickel import bill", "url": "https://example.com/ni-yen",
                  "body": "Japan's nickel imports totalled 9.5 billion yen in 2024, according to the Finance "
                          "Ministry."})
    (tmp_path / "site").mkdir()
    for site in open_site(tmp_path / "site", db_url):
        ingest_file(site.archive, write_posts(tmp_path, posts), "jsonl")
        yield site


def test_each_other_unit_links_to_that_units_series(two_units: Site) -> None:
    """A series draws one unit and links the others: each link draws the figures reported in its unit, of
    whatever period length they are (the yen figure is a year's, the tonnes months'), and downloads only them."""
    client = two_units.client
    doc = html(client.get("/data/series", params=NICKEL))
    assert "9,000" in text_of(select(doc, "table.series-table")[0])
    (other,) = select(doc, "p.other-units a")
    assert text_of(other) == "JPY" and parse_qs(urlsplit(other.get("href")).query)["unit"] == ["JPY"]
    assert len(select(html(client.get(other.get("href"))), "table.series-table tbody tr")) == 1
    api = client.get("/api/facts/series", params=parse_qs(urlsplit(other.get("href")).query)).json()
    assert (api["unit"], [p["value"] for p in api["points"]]) == ("JPY", [9.5e9])
    assert {r["unit"] for r in csv.DictReader(io.StringIO(client.get(api["csv"]).text))} == {"JPY"}
    tonnes = client.get("/api/facts/series", params=NICKEL).json()["csv"]
    assert [r["unit"] for r in csv.DictReader(io.StringIO(client.get(tonnes).text))] == ["t", "t", "t"]


PALLADIUM = {"commodity": "palladium", "metric": "imports", "country": "Japan", "partner": "Russia"}
CRUDE_STEEL = {"commodity": "crude steel", "metric": "production", "country": "Japan"}  # 1.8 to 6.9 million t
STEEL = {"commodity": "steel", "metric": "production", "country": "Japan"}  # a quarter's forecast


def test_a_period_length_asked_for_is_the_one_served(site: Site) -> None:
    """`grain` picks the period length of the API's points, as the page's link to it does."""
    months = site.client.get("/api/facts/series", params={**PALLADIUM, "grain": "7 months"}).json()
    assert (months["grain"], months["other_grains"]) == ("7 months", ["year"])
    assert [p["period"] for p in months["points"]] == ["2024-06/2024-12"]
    # an empty choice, as a form sends it, is no choice: the period length most reported
    assert site.client.get("/api/facts/series", params={**PALLADIUM, "grain": "", "unit": ""}).json() == \
        site.client.get("/api/facts/series", params=PALLADIUM).json()


def test_every_link_of_a_partner_series_stays_with_that_partner(site: Site) -> None:
    """The table, JSON, CSV and feed of imports from Russia are of imports from Russia, not of every partner."""
    doc = html(site.client.get("/data/series", params=PALLADIUM))
    links = [a.get("href") for a in select(doc, "p.series-meta a")]
    assert len(links) == 4
    for link in links:
        assert parse_qs(urlsplit(link).query).get("partner") == ["Russia"], link


def _chart(site: Site, params: dict[str, str]) -> lxml.html.HtmlElement:
    """The wide drawing of a series page."""
    return html(site.client.get("/data/series", params=params)).xpath("//*[local-name()='svg']")[0]


def _texts(chart: lxml.html.HtmlElement, axis: str) -> list[str]:
    return [t.text for t in chart.xpath(f".//*[local-name()='g'][contains(@class, 'axis-{axis}')]"
                                        "/*[local-name()='text']")]


def test_the_value_axis_starts_at_zero_in_round_steps(site: Site) -> None:
    """From zero, so a dip of a fifth does not look like a collapse; ticks printed as the table prints figures."""
    ticks, title = _texts(_chart(site, EV_SERIES), "y")[:-1], _texts(_chart(site, EV_SERIES), "y")[-1]
    assert ticks == ["0", "2,000", "4,000", "6,000", "8,000"] and title == "Sales (units)"


def test_the_time_axis_says_when_the_year_is_not_stated(site: Site) -> None:
    assert _texts(_chart(site, EV_SERIES), "x")[-1] == "Month (year not stated)"  # --07, --09, --10
    assert _texts(_chart(site, PALLADIUM), "x")[-1] == "Period"


def test_a_periods_highest_report_is_drawn_inside_the_plot(site: Site) -> None:
    """The scale covers each period's highest report, not only the points, so its bar stays on the chart."""
    chart = _chart(site, CRUDE_STEEL)
    (bar,) = chart.xpath(".//*[local-name()='line'][@class='range']")
    grid = [float(line.get("y1")) for line in chart.xpath(".//*[local-name()='line'][@class='grid']")]
    assert min(grid) <= float(bar.get("y2")) < float(bar.get("y1"))


def test_the_charts_description_gives_each_periods_range(reported_thrice: Site) -> None:
    """Screen readers hear what the bar shows: the period's lowest and highest reports."""
    desc = _chart(reported_thrice, NICKEL).xpath("*[local-name()='desc']")[0].text
    assert "Mar 2024: 12,000 t to 13,500 t." in desc


def test_forecast_points_are_marked_as_forecasts(site: Site) -> None:
    """The caption says hollow points are forecasts: a point is drawn so exactly when its figure is one."""
    marked = []
    for params in (STEEL, EV_SERIES):
        circles = _chart(site, params).xpath(".//*[local-name()='circle']")
        points = site.client.get("/api/facts/series", params=params).json()["points"]
        drawn = ["forecast" in c.get("class").split() for c in circles]
        assert drawn == [p["forecast"] for p in points]
        marked += drawn
    assert True in marked and False in marked
