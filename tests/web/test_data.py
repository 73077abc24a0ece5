"""The analysts' pages: facts explorer, downloads, series charts, contradictions, and facts on post pages."""

from __future__ import annotations

import csv
import io
import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlsplit

import lxml.html
import pytest
from sqlalchemy import event

from metalnomist.models import Block, Fact, Post
from metalnomist.pipeline import ingest_file
from metalnomist.store import facts as facts_store
from metalnomist.store.facts import replace_facts
from metalnomist.store.posts import upsert_post
from tests.analysis.test_contradictions import COPPER, DISAGREEING, write_posts
from tests.web.conftest import Site, html, open_site, select, text_of

EV_SERIES = {"commodity": "electric vehicles", "metric": "sales", "country": "Japan"}
EV_POINTS = [("--07", "5,072"), ("--09", "6,429"), ("--10", "4,325")]


def _row_ids(doc: lxml.html.HtmlElement) -> list[int]:
    return [int(tr.get("id").removeprefix("row-")) for tr in select(doc, "table.fact-table tbody tr")]


def _fragment_exists(site: Site, href: str) -> bool:
    """A link to a sentence lands on an element of the post page with that id."""
    path, _, fragment = href.partition("#")
    doc = html(site.client.get(path))
    return bool(doc.xpath(f"//*[@id='{fragment}']"))


def test_explorer_filters_with_menus_fed_by_the_facts(site: Site) -> None:
    doc = html(site.client.get("/data", params=EV_SERIES))
    fields = {f.get("name"): f for f in select(doc, "form.fact-filters input, form.fact-filters select")}
    assert set(fields) >= {"commodity", "metric", "country", "partner", "company", "period", "source", "sort", "dir"}
    assert fields["commodity"].get("value") == "electric vehicles"
    assert "iron ore" in _menu(doc, "commodity")
    assert select(doc, "form.fact-filters")[0].get("method") == "get"
    rows = select(doc, "table.fact-table tbody tr")
    assert rows and all("electric vehicles" in text_of(r) for r in rows)


def test_each_row_links_to_its_sentence_and_series(site: Site) -> None:
    doc = html(site.client.get("/data", params={**EV_SERIES, "sort": "value", "dir": "desc"}))
    first = select(doc, "table.fact-table tbody tr")[0]
    link = select(first, "a.sentence-link")[0].get("href")
    assert link.endswith(f"#fact-{_row_ids(doc)[0]}") and _fragment_exists(site, link)
    series = [a.get("href") for a in select(doc, "a.series-link")]
    ev = [h for h in series if parse_qs(urlsplit(h).query) == {**{k: [v] for k, v in EV_SERIES.items()},
                                                                 "unit": ["units"]}]
    assert ev, "a row of the market's EV sales links to its series"
    assert any("commodity=electric+vehicles" in a.get("href") and "metric=sales" in a.get("href")
               for a in select(doc, ".series-menu a")), "the series menu offers Japan's EV sales"


def test_a_company_figure_links_to_that_companys_series(site: Site) -> None:
    nissan = {**EV_SERIES, "company": "Nissan"}
    doc = html(site.client.get("/data", params=nissan))
    series = {a.get("href") for a in select(doc, "a.series-link")}
    assert series == {"/data/series?" + urlencode({**EV_SERIES, "unit": "units", "company": "Nissan"})}
    (href,) = series
    api = site.client.get("/api/facts/series", params=parse_qs(urlsplit(href).query)).json()
    market = site.client.get("/api/facts/series", params=EV_SERIES).json()
    assert api["points"] and api["points"] != market["points"]


def test_sort_by_value_descending_with_nulls_last(site: Site) -> None:
    found = site.client.get("/data.json", params={"sort": "value", "dir": "desc", "limit": 500}).json()["facts"]
    values = [f["value"] for f in found]
    numbers = [v for v in values if v is not None]
    assert numbers == sorted(numbers, reverse=True)
    assert values == numbers + [None] * (len(values) - len(numbers))
    doc = html(site.client.get("/data", params={"sort": "value", "dir": "desc"}))
    assert select(doc, "th[aria-sort=descending]")


def test_a_column_heading_flips_its_sort_and_others_start_ascending(site: Site) -> None:
    def heading_links(params: dict[str, str]) -> dict[str, dict[str, list[str]]]:
        doc = html(site.client.get("/data", params=params))
        return {text_of(a).split()[0]: parse_qs(urlsplit(a.get("href")).query) for a in select(doc, "th a")}

    ascending = heading_links({"sort": "metric"})
    assert ascending["Metric"] == {"sort": ["metric"], "dir": ["desc"]}  # the sorted column flips
    assert ascending["Country"] == {"sort": ["country"]}  # another starts ascending
    assert ascending["Value"] == {"sort": ["value"], "dir": ["desc"]}  # except the value: largest first
    descending = heading_links({"sort": "metric", "dir": "desc"})
    assert descending["Metric"] == {"sort": ["metric"]}
    assert descending["Country"] == {"sort": ["country"]}


def test_paging_keeps_filters_and_sort(site: Site) -> None:
    doc = html(site.client.get("/data", params={"country": "Japan", "sort": "commodity", "limit": 10}))
    older = select(doc, "a.older")[0].get("href")
    query = parse_qs(urlsplit(older).query)
    assert query == {"country": ["Japan"], "sort": ["commodity"], "start": ["10"], "limit": ["10"]}
    second = html(site.client.get(older))
    assert set(_row_ids(second)).isdisjoint(_row_ids(doc))


def test_the_first_pages_newer_link_and_a_removed_filter_start_from_the_top(site: Site) -> None:
    doc = html(site.client.get("/data", params={"country": "Japan", "commodity": "copper", "start": 3, "limit": 10}))
    newer = select(doc, ".pager a.newer")[0].get("href")
    assert parse_qs(urlsplit(newer).query) == {"country": ["Japan"], "commodity": ["copper"], "limit": ["10"]}
    assert site.client.get(newer).status_code == 200
    chips = {text_of(a).split(":")[0]: parse_qs(urlsplit(a.get("href")).query) for a in select(doc, ".filter-chips a")}
    assert chips == {"Country": {"commodity": ["copper"], "limit": ["10"]},  # page 1 of what remains
                     "Commodity": {"country": ["Japan"], "limit": ["10"]}}


def test_one_posts_facts_page_on_within_that_post_and_filters_ignore_surrounding_space(site: Site) -> None:
    every = site.client.get("/api/facts", params={"limit": 100}).json()["facts"]
    post_id = max({f["post_id"] for f in every}, key=lambda i: sum(f["post_id"] == i for f in every))
    doc = html(site.client.get("/data", params={"post_id": post_id, "limit": 2}))
    older = select(doc, ".pager a.older")[0].get("href")
    assert parse_qs(urlsplit(older).query)["post_id"] == [str(post_id)]
    rest = site.client.get(older.replace("/data?", "/data.json?")).json()["facts"]
    api = site.client.get("/api/facts", params={"post_id": post_id, "offset": 2, "limit": 2}).json()["facts"]
    assert rest and [f["id"] for f in rest] == [f["id"] for f in api]
    spaced = site.client.get("/data.json", params={"country": " Japan ", "limit": 500}).json()
    assert spaced["total"] > 0
    assert spaced == site.client.get("/data.json", params={"country": "Japan", "limit": 500}).json()


@pytest.mark.parametrize("params", [
    {**EV_SERIES},
    {"country": "Japan", "sort": "change_pct", "dir": "asc", "start": "5", "limit": "20"},
    {"q": "imports", "sort": "post", "dir": "desc"},
])
def test_downloads_equal_the_table(site: Site, params: dict[str, str]) -> None:
    doc = html(site.client.get("/data", params=params))
    ids = _row_ids(doc)
    sentences = [text_of(s) for s in select(doc, "table.fact-table .fact-sentence-text")]
    data = site.client.get("/data.json", params=params)
    assert data.headers["content-type"].startswith("application/json")
    assert [f["id"] for f in data.json()["facts"]] == ids
    assert site.client.get("/data", params={**params, "format": "json"}).json() == data.json()
    table = site.client.get("/data.csv", params=params)
    assert table.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(table.text)))
    assert [" ".join(r["sentence"].split()) for r in rows] == sentences
    assert [float(r["value"]) if r["value"] else None for r in rows] == [f["value"] for f in data.json()["facts"]]
    links = [a.get("href") for a in select(doc, ".download-csv")]
    expected = {k: [v] for k, v in params.items() if (k, v) != ("dir", "asc")}  # the default is left out
    assert parse_qs(urlsplit(links[0]).query) == expected
    body = data.json()  # says which view it is, as the URL did
    assert (body["offset"], body["limit"], body["sort"], body["dir"]) == (
        int(params.get("start", 0)), int(params.get("limit", 50)), params.get("sort"), params.get("dir", "asc"))
    for response, kind in ((data, "json"), (table, "csv")):  # each saved under a name of its kind
        assert response.headers["content-disposition"] == f'attachment; filename="metalnomist-facts.{kind}"'


def test_the_last_page_links_nowhere_older(site: Site) -> None:
    """A page ending at the last match, full or not, offers no older page: it would be empty."""
    total = site.client.get("/api/facts", params=EV_SERIES).json()["total"]
    assert total > 1
    for limit, older in ((total - 1, True), (total, False), (total + 1, False)):
        doc = html(site.client.get("/data", params={**EV_SERIES, "limit": limit}))
        assert bool(select(doc, ".pager a.older")) is older, limit


def test_only_a_dated_figure_of_a_commodity_links_to_a_series(site: Site) -> None:
    """A series is a figure over periods: a row without a period, a value or a commodity is in none."""
    doc = html(site.client.get("/data", params={"limit": 500}))
    facts = {f["id"]: f for f in site.client.get("/data.json", params={"limit": 500}).json()["facts"]}
    linked = {i: bool(select(tr, "a.series-link")) for i, tr in zip(_row_ids(doc),
                                                                     select(doc, "table.fact-table tbody tr"),
                                                                     strict=True)}
    assert linked == {i: f["value"] is not None and bool(f["period"] and f["commodity"]) for i, f in facts.items()}
    assert [f for f in facts.values() if f["value"] is not None and f["commodity"] and not f["period"]], \
        "the seed has undated figures"


def test_hostile_filter_values_are_escaped_or_refused(site: Site) -> None:
    response = site.client.get("/data", params={"commodity": "<script>alert(1)</script>", "q": "<b>x</b>"})
    assert response.status_code == 200
    doc = html(response)
    assert doc.xpath("//script/@src") == ["/static/suggest.js"] and not doc.xpath("//main//b")
    assert select(doc, "#filter-commodity")[0].get("value") == "<script>alert(1)</script>"
    assert select(doc, "#filter-q")[0].get("value") == "<b>x</b>"
    assert site.client.get("/data", params={"q": "x" * 10_000}).status_code == 400
    assert site.client.get("/data", params={"commodity": "x" * 10_000}).status_code == 400
    assert site.client.get("/data", params={"sort": "sentence; drop table facts"}).status_code == 400
    assert site.client.get("/data", params={"sort": "", "commodity": "", "dir": "asc"}).status_code == 200
    assert site.client.get("/data.csv", params={"sort": "id"}).status_code == 400
    api = site.client.get("/api/facts", params={"sort": "nope"})
    assert api.status_code == 422 and api.json()["error"]["field"] == "sort"
    assert site.client.get("/data/series", params={"commodity": "x" * 10_000, "metric": "sales"}).status_code == 400
    for path, params in [("/data", {"q": "\x00"}), ("/data.csv", {"country": "Japan\x00"}),
                         ("/data/feed", {"commodity": "\x00"}), ("/data/series", {**EV_SERIES, "unit": "\x00"}),
                         ("/data/series.csv", {**EV_SERIES, "company": "\x00"})]:
        assert site.client.get(path, params=params).status_code == 400, (path, params)  # not a 500 on PostgreSQL


def test_ev_series_page_draws_three_points_in_period_order_and_lists_them_newest_first(site: Site) -> None:
    doc = html(site.client.get("/data/series", params=EV_SERIES))
    assert text_of(select(doc, "h1")[0]) == "Electric vehicles sales in Japan"
    rows = select(doc, "table.series-table tbody tr")
    assert [(r.xpath("td[1]/span")[0].get("title"), text_of(r.xpath("td[2]")[0])) for r in rows] == EV_POINTS[::-1]
    svg = doc.xpath("//*[local-name()='svg']")[0]
    assert svg.xpath("*[local-name()='title']")[0].text == "Electric vehicles sales in Japan (units)"
    assert "5,072 units; Sep (year not stated): 6,429 units" in svg.xpath("*[local-name()='desc']")[0].text
    axis_texts = [t.text for t in svg.xpath(".//*[local-name()='text'][contains(@class, 'axis-title')]")]
    assert "Sales (units)" in axis_texts
    point_links = [a.get("href") for a in svg.xpath(".//*[local-name()='a']")]
    table_links = [a.get("href") for a in select(doc, "table.series-table a.sentence-link")]
    assert point_links == table_links[::-1] and len(point_links) == 3
    assert all(_fragment_exists(site, h) for h in point_links)
    labels = [t.text for t in svg.xpath(".//*[local-name()='text'][@class='point-label']")]
    assert labels == [value for _, value in EV_POINTS]


def test_series_without_parameters_lists_the_series(site: Site) -> None:
    doc = html(site.client.get("/data/series"))
    titles = [text_of(a) for a in select(doc, ".series-menu a")]
    assert "Electric vehicles sales in Japan" in titles


def test_a_total_past_the_count_cap_says_at_least(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(facts_store, "COUNT_CAP", 3)
    last = site.client.get("/api/facts", params={"limit": 100, "offset": 100}).json()
    assert last["total_exact"] and last["total"] == 100 + len(last["facts"]) > 100  # counted past the page asked for
    api = site.client.get("/api/facts", params={"limit": 2}).json()
    assert (api["total"], api["total_exact"], len(api["facts"])) == (3, False, 2)
    download = site.client.get("/data.json", params={"limit": 2}).json()
    assert (download["total"], download["total_exact"]) == (3, False)
    doc = html(site.client.get("/data", params={"limit": 2}))
    assert text_of(select(doc, ".result-count")[0]).startswith("3+ facts; showing 1–2")
    (more,) = select(doc, "a.older")  # the capped total still knows a next page exists
    assert parse_qs(urlsplit(more.get("href")).query)["start"] == ["2"]


def test_series_and_contradictions_api(site: Site) -> None:
    found = site.client.get("/api/facts/series", params=EV_SERIES).json()
    assert [(p["period"], p["value"]) for p in found["points"]] == [("--07", 5072), ("--09", 6429), ("--10", 4325)]
    assert all(p["url"].endswith(f"#fact-{p['fact_id']}") for p in found["points"])
    assert site.client.get("/api/facts/series", params={"metric": "sales"}).status_code == 422
    assert set(site.client.get("/api/facts/contradictions").json()) == {"total", "contradictions"}
    paths = site.client.get("/openapi.json").json()["paths"]
    assert {"/api/facts/series", "/api/facts/contradictions"} <= set(paths)
    assert "sort" in {p["name"] for p in paths["/api/facts"]["get"]["parameters"]}


def test_post_page_marks_fact_sentences_and_lists_its_facts(site: Site) -> None:
    url = site.permalink("Japan’s Domestic EV Sales Decline Amid Import Reductions")
    doc = html(site.client.get(url))
    sentences = select(doc, ".post-body span.fact-sentence")
    assert sentences
    for span in sentences:
        assert span.get("tabindex") == "0" and span.get("id").startswith("fact-")
        reading = doc.xpath(f"//*[@id='{span.get('aria-describedby')}']")[0]
        assert reading.getparent() is span and text_of(reading)
    sales = doc.xpath("//*[@id='fact-48']")[0]
    assert "Sales reached 6,429 units" in text_of(sales)
    assert "6,429 units · −28.7% y/y · sales · electric vehicles · Japan" in text_of(select(sales, ".fact-reading")[0])
    listed = [a.get("href") for a in select(doc, "aside.post-facts li a")]
    assert "#fact-48" in listed
    assert all(doc.xpath(f"//*[@id='{href[1:]}']") for href in listed), "every listed fact has its anchor"
    body = select(doc, ".post-body")[0]
    paragraph = " ".join(text_of(p) for p in select(body, "p"))
    assert "Sales reached 6,429 units, reflecting a 28.7% decrease" in paragraph


@pytest.fixture
def disagreeing(db_url: str, tmp_path: Path) -> Iterator[Site]:
    (tmp_path / "site").mkdir()
    for site in open_site(tmp_path / "site", db_url):
        ingest_file(site.archive, write_posts(tmp_path, [*DISAGREEING, *COPPER]), "jsonl")
        yield site


def test_contradictions_page_shows_each_figure_by_its_furthest_reports(disagreeing: Site) -> None:
    doc = html(disagreeing.client.get("/data/contradictions"))
    figures = select(doc, "section.contradiction")
    assert len(figures) == 2 and text_of(select(doc, ".result-count")[0]) == "2 disputed figures."
    assert text_of(select(figures[0], "h2")[0]).startswith("Copper imports in Japan, 2024-03")
    first = figures[1]
    assert text_of(select(first, "h2")[0]).startswith("Nickel imports in Japan, 2024-03 (11.1% apart)")
    sides = select(first, ".pair-side")
    assert [text_of(select(s, ".pair-value")[0]) for s in sides] == ["12,000 t", "13,500 t"]
    for side in sides:
        href = select(side, "a.sentence-link")[0].get("href")
        assert _fragment_exists(disagreeing, href)
    titles = [text_of(c) for c in select(doc, ".pair-post cite")]
    assert "Nickel imports <b>revised</b>" in titles  # escaped, not markup
    api = disagreeing.client.get("/api/facts/contradictions").json()
    assert api["total"] == 2 and [c["commodity"] for c in api["contradictions"]] == ["copper", "nickel"]
    values = [(c["first"]["value"], c["second"]["value"]) for c in api["contradictions"]]
    assert values == [(5000, 6000), (12000, 13500)]


def test_a_companys_disputed_figure_says_whose_it_is(disagreeing: Site) -> None:
    """A carmaker's figure and the market's are two disputes of one series key: the page and the API name
    the company, else they read as the same figure listed twice."""
    fact = Fact(post="", sentence="EV sales were 100 units.", metric="sales", value=100.0, unit="units",
                commodity="electric vehicles", country="Japan", period="2031-03")
    site = disagreeing
    with site.archive.store.transaction() as conn:
        by_post: dict[int, list[Fact]] = {}
        for n, (company, value) in enumerate([(None, 100.0), (None, 200.0), ("Nissan", 10.0), ("Nissan", 20.0)]):
            post_id, _ = upsert_post(conn, Post(title=f"EV sales {n}", blocks=(Block("paragraph", "p"),),
                                                published=datetime(2031, 4, 1 + n, tzinfo=UTC)))
            by_post[post_id] = [replace(fact, company=company, value=value)]
        replace_facts(conn, by_post)
    api = site.client.get("/api/facts/contradictions", params={"limit": 200}).json()["contradictions"]
    mine = [(c["company"], c["first"]["value"], c["second"]["value"]) for c in api if c["period"] == "2031-03"]
    assert sorted(mine, key=str) == [("Nissan", 10, 20), (None, 100, 200)]
    doc = html(site.client.get("/data/contradictions", params={"limit": 200}))
    headings = [text_of(h) for h in select(doc, "section.contradiction h2") if "2031-03" in text_of(h)]
    assert sorted(headings) == ["Electric vehicles sales in Japan · Nissan, 2031-03 (50.0% apart)",
                                "Electric vehicles sales in Japan, 2031-03 (50.0% apart)"]


def test_contradictions_come_in_pages(disagreeing: Site) -> None:
    client = disagreeing.client
    doc = html(client.get("/data/contradictions", params={"limit": 1}))
    assert len(select(doc, "section.contradiction")) == 1
    assert text_of(select(doc, ".result-count")[0]) == "Figures 1–1 of 2."
    older = select(doc, "nav.pager a.older")[0].get("href")
    second = html(client.get(older))
    assert len(select(second, "section.contradiction")) == 1 and not select(second, "nav.pager a.older")
    assert select(second, "nav.pager a.newer")[0].get("href") == "/data/contradictions?start=0&limit=1"
    api = [client.get("/api/facts/contradictions", params={"limit": 1, "offset": i}).json() for i in (0, 1)]
    assert [a["total"] for a in api] == [2, 2] and [len(a["contradictions"]) for a in api] == [1, 1]
    whole = client.get("/api/facts/contradictions").json()["contradictions"]
    assert [a["contradictions"][0] for a in api] == whole
    assert client.get("/api/facts/contradictions", params={"limit": 0}).status_code == 422


def _menu(doc: lxml.html.HtmlElement, name: str) -> list[str]:
    """A filter's short list: the values its field offers before anything is typed."""
    return [o.get("value") for o in select(doc, f"datalist#filter-{name}-top option")]


def _suggested(site: Site, name: str, prefix: str) -> list[str]:
    return [v["value"] for v in site.client.get("/api/facts/values", params={"field": name, "prefix": prefix})
            .json()["values"]]


def _soon_suggested(site: Site, prefix: str, expected: list[str], seconds: float = 30.0) -> bool:
    """Whether readers are offered `expected` within `seconds`: a reader waits at most RECOUNT_WAIT_SECONDS
    for the recount a change starts and may see the menus one count behind, so a slow machine asks again."""
    deadline = time.monotonic() + seconds
    while _suggested(site, "commodity", prefix) != expected:
        if time.monotonic() > deadline:
            return False
        time.sleep(0.1)
    return True


def test_menus_are_counted_once_per_change_to_the_facts(disagreeing: Site, tmp_path: Path) -> None:
    """Filter choices and the series menu group every fact: recounted after a change, not for each reader."""
    statements: list[str] = []

    def record(conn: object, cursor: object, statement: str, *rest: object) -> None:
        statements.append(statement)

    client, engine = disagreeing.client, disagreeing.archive.store.engine
    client.get("/data")
    disagreeing.archive.counts.finish()  # the counts that first page started are not this page's
    client.app.state.fact_menus.finish()  # type: ignore[attr-defined]
    event.listen(engine, "before_cursor_execute", record)
    try:
        assert select(html(client.get("/data")), "datalist#filter-commodity-top option")
        assert _suggested(disagreeing, "commodity", "NICKEL M") == ["nickel matte"]
        assert not [s for s in statements if "DISTINCT" in s.upper() or "GROUP BY" in s.upper()], statements
        assert _suggested(disagreeing, "commodity", "bis") == _suggested(disagreeing, "commodity", "rh") == []
        bismuth = dict(DISAGREEING[0], url="https://example.com/bi",
                       body="Japan imported 9,000 tonnes of bismuth in March 2024, the ministry said.")
        ingest_file(disagreeing.archive, write_posts(tmp_path, [bismuth]), "jsonl")
        assert _soon_suggested(disagreeing, "bis", ["bismuth"])
        rhodium = dict(bismuth, body=str(bismuth["body"]).replace("bismuth", "rhodium"))
        ingest_file(disagreeing.archive, write_posts(tmp_path, [rhodium]), "jsonl")
        assert _soon_suggested(disagreeing, "rh", ["rhodium"]) and _suggested(disagreeing, "commodity", "bis") == []
    finally:
        event.remove(engine, "before_cursor_execute", record)


def test_empty_contradictions_page(site: Site) -> None:
    """The seed's repeated figures all agree, so the page says so and lists no pair."""
    doc = html(site.client.get("/data/contradictions"))
    assert not select(doc, "section.contradiction")
    assert [text_of(p) for p in select(doc, "main .empty")] == [
        "No two posts disagree about a figure: every repeated figure agrees within 1%."]
    assert site.client.get("/api/facts/contradictions").json() == {"total": 0, "contradictions": []}


def test_navigation_links_to_data(site: Site) -> None:
    doc = html(site.client.get("/"))
    assert "/data" in [a.get("href") for a in select(doc, "header nav a")]


def test_a_filter_that_matches_nothing_offers_the_nearest_names(site: Site) -> None:
    doc = html(site.client.get("/data", params={"commodity": "palladum", "metric": "imports"}))
    (problem,) = select(doc, "p.unmatched")
    assert "No fact has commodity “palladum”" in text_of(problem)
    link = select(problem, "a")[0]
    assert text_of(link) == "palladium"
    assert parse_qs(urlsplit(link.get("href")).query) == {"commodity": ["palladium"], "metric": ["imports"]}
    assert select(html(site.client.get(link.get("href"))), "table.fact-table tbody tr")


def test_a_series_page_draws_one_period_length_and_links_the_others(site: Site) -> None:
    palladium = {"commodity": "palladium", "metric": "imports", "country": "Japan", "partner": "Russia"}
    doc = html(site.client.get("/data/series", params=palladium))
    (other,) = select(doc, "p.other-grains a")
    assert text_of(other) == "7 months" and parse_qs(urlsplit(other.get("href")).query)["grain"] == ["7 months"]
    ticks = [text_of(t) for t in doc.xpath("//svg//text")]
    assert "2024" in ticks and not any("/" in t for t in ticks)
    monthly = html(site.client.get(other.get("href")))
    assert "Jun–Dec 2024" in [text_of(t) for t in monthly.xpath("//svg//text")]
    api = site.client.get("/api/facts/series", params=palladium).json()
    assert api["grain"] == "year" and api["other_grains"] == ["7 months"] and len(api["points"]) == 3


def test_a_page_over_the_largest_size_is_refused(site: Site) -> None:
    """The explorer and its downloads read at most MAX_PAGE facts a request, however many a client asks for."""
    for path in ("/data", "/data.json", "/data.csv"):
        assert site.client.get(path, params={"limit": 501}).status_code == 400, path
        assert site.client.get(path, params={"limit": 1_000_000}).status_code == 400, path
        assert site.client.get(path, params={"limit": 500}).status_code == 200, path


def test_the_json_download_links_each_fact_to_its_sentence(site: Site) -> None:
    """Each fact of /data.json carries the address of its sentence, as the table's row links to it."""
    doc = html(site.client.get("/data", params=EV_SERIES))
    links = [a.get("href") for a in select(doc, "table.fact-table a.sentence-link")]
    found = site.client.get("/data.json", params=EV_SERIES).json()["facts"]
    assert found and [f["url"] for f in found] == links
    assert all(f["url"].endswith(f"#fact-{f['id']}") for f in found)


def test_a_company_named_on_a_series_page_is_text_not_markup(site: Site) -> None:
    """The company parameter is echoed in the series' line of details: escaped, so a link cannot inject markup."""
    hostile = "<b>x</b><script>alert(1)</script>"
    doc = html(site.client.get("/data/series", params={**EV_SERIES, "company": hostile}))
    assert not doc.xpath("//main//b") and not doc.xpath("//script[not(@src)]")
    assert hostile in text_of(select(doc, "p.series-meta")[0])
