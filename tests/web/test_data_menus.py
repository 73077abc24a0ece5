"""/data's filter menus and the series menu stay short however many names the facts hold; the rest is typed,
with suggestions from GET /api/facts/values."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import get_args

import pytest
from sqlalchemy import event

from metalnomist.analysis.menus import MenuCache, Menus
from metalnomist.models import FACT_FILTERS, Block, Fact, Post
from metalnomist.search.folder import KEPT_MENUS
from metalnomist.store.facts import replace_facts
from metalnomist.store.posts import upsert_post
from metalnomist.web import data_menus
from metalnomist.web.data_menus import MAX_SUGGESTIONS, TOP_CHOICES, TOP_SERIES, FilterField
from tests.web.conftest import Site, html, open_site, select, text_of
from tests.web.test_api import assert_error

COMPANIES = 2_000
SERIES = 600
MAX_OPTIONS = len(FACT_FILTERS) * (TOP_CHOICES + 1) + 15  # the filters' short lists, a chosen value each, sort
MAX_PAGE_BYTES = 110_000  # the seed's 50 rows take ~70 KB; every company as an option alone took over 100 KB more


def _many_names(post_id: int) -> list[Fact]:
    """2,000 companies, Rio Tinto the most reported of them, and 600 two-point series."""
    base = Fact(post="Registry", sentence="A figure.", metric="production", post_id=post_id)
    companies = [Fact(**{**base.__dict__, "company": f"Holding {n:04} Metals"}) for n in range(COMPANIES)]
    rio = [Fact(**{**base.__dict__, "company": "Rio Tinto"})] * 9  # the seed's most reported company has 7
    series = [Fact(**{**base.__dict__, "commodity": f"alloy {n:03}", "value": 1.0 + year, "unit": "t",
                      "period": str(year)}) for n in range(SERIES) for year in (2023, 2024)]
    return companies + rio + series


@pytest.fixture(scope="module")
def crowded(site_db: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """The seed plus one post whose facts name thousands of companies and hundreds of series."""
    for site in open_site(tmp_path_factory.mktemp("crowded"), site_db):
        registry = Post(title="Registry", blocks=(Block("paragraph", "A figure."),),
                        published=datetime(2020, 1, 1, tzinfo=UTC))
        with site.archive.store.transaction() as conn:
            post_id, _ = upsert_post(conn, registry)
            replace_facts(conn, {post_id: _many_names(post_id)})
        site.client.app.state.fact_menus.settled()  # a slow machine's first reader would get the seed's menus
        yield site


def test_the_explorer_lists_a_few_choices_per_filter_however_many_there_are(crowded: Site) -> None:
    response = crowded.client.get("/data")
    doc = html(response)
    assert len(response.content) < MAX_PAGE_BYTES
    assert len(select(doc, "option")) <= MAX_OPTIONS
    company = select(doc, "input#filter-company")[0]
    top = [o.get("value") for o in select(doc, "datalist#filter-company-top option")]
    assert company.get("list") == "filter-company-top" and len(top) == TOP_CHOICES and top[0] == "Rio Tinto"
    assert select(doc, "datalist#filter-company-top option")[0].get("label") == "Rio Tinto (9)"
    known = text_of(select(doc, "#filter-company-hint")[0]).split()
    assert known[1] == "known;" and int(known[0].replace(",", "")) > COMPANIES
    assert len(select(doc, ".series-menu li a")) == TOP_SERIES


def test_a_typed_value_outside_the_short_list_filters_and_stays_in_the_form(crowded: Site) -> None:
    """Without JavaScript: the field takes any text and the form sends it."""
    doc = html(crowded.client.get("/data", params={"company": "holding 1234 metals"}))
    assert select(doc, "input#filter-company")[0].get("value") == "holding 1234 metals"
    top = [o.get("value") for o in select(doc, "datalist#filter-company-top option")]
    assert top[0] == "Holding 1234 Metals" and len(top) == TOP_CHOICES + 1  # the stored spelling, offered first
    rows = select(doc, "table.fact-table tbody tr")
    assert len(rows) == 1 and "Holding 1234 Metals" in text_of(rows[0])


def test_every_filter_is_a_labelled_field_with_its_suggestion_list(crowded: Site) -> None:
    doc = html(crowded.client.get("/data"))
    for name in FACT_FILTERS:
        (field,) = select(doc, f"form.fact-filters input[name={name}]")
        assert [text_of(label) for label in select(doc, f"label[for=filter-{name}]")] == [name.capitalize()]
        (listbox,) = select(doc, f"ul#{field.get('data-suggest')}")
        assert listbox.get("role") == "listbox" and listbox.get("aria-label")
        assert field.get("data-suggest-url") == f"/api/facts/values?field={name}"
        assert select(doc, f"#{field.get('aria-describedby')}")
    assert doc.xpath("//script/@src") == ["/static/suggest.js"]


def test_the_series_menu_shows_the_longest_and_finds_the_rest(crowded: Site) -> None:
    doc = html(crowded.client.get("/data/series"))
    assert len(select(doc, ".series-menu li a")) == TOP_SERIES
    count = text_of(select(doc, ".series-count")[0])
    assert count.startswith(f"The {TOP_SERIES} longest of ") and int(count.split()[4].replace(",", "")) > SERIES
    found = html(crowded.client.get("/data/series", params={"find": "ALLOY 12"}))
    titles = [text_of(a) for a in select(found, ".series-menu li a")]
    assert titles == [f"Alloy 12{n} production worldwide" for n in range(10)]
    many = html(crowded.client.get("/data/series", params={"find": "alloy"}))
    assert len(select(many, ".series-menu li a")) == MAX_SUGGESTIONS
    assert text_of(select(many, ".series-count")[0]).startswith(f"The first {MAX_SUGGESTIONS} by name")
    none = html(crowded.client.get("/data/series", params={"find": "unobtainium"}))
    assert not select(none, ".series-menu li a") and select(none, ".series-menu .empty")


def test_a_find_that_lists_every_match_does_not_say_there_are_more(crowded: Site,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """Ten titles match `alloy 12`: a page of ten lists them all, so it says "10 of", not "the first 10"."""
    monkeypatch.setattr(data_menus, "MAX_SUGGESTIONS", 10)
    found = html(crowded.client.get("/data/series", params={"find": "alloy 12"}))
    assert len(select(found, ".series-menu li a")) == 10
    assert text_of(select(found, ".series-count")[0]).startswith("10 of ")


def test_a_blank_or_spaced_find_is_read_as_its_words(crowded: Site) -> None:
    """Spaces around the words are not part of the search: blank shows the longest series, as no search does."""
    blank = html(crowded.client.get("/data/series", params={"find": "   "}))
    assert text_of(select(blank, "#series-menu-heading")[0]) == "Most reported series"
    assert len(select(blank, ".series-menu li a")) == TOP_SERIES
    spaced = html(crowded.client.get("/data/series", params={"find": "  alloy 12 "}))
    assert text_of(select(spaced, "#series-menu-heading")[0]) == "Series matching “alloy 12”"
    assert select(spaced, "input#series-find")[0].get("value") == "alloy 12"


def test_metric_choices_read_as_words(crowded: Site) -> None:
    """Stored metrics join words with `_`; the menu shows `market share` but filters by the stored value."""
    options = select(html(crowded.client.get("/data")), "datalist#filter-metric-top option")
    labels = {o.get("value"): o.get("label") for o in options}
    assert labels["market_share"].startswith("market share (")
    assert not [label for label in labels.values() if "_" in label]


def test_a_value_no_fact_has_is_answered_with_names_from_the_menus(crowded: Site) -> None:
    """Typed text misses often; its nearest names come from the counted menus, not a pass over every fact."""
    statements: list[str] = []

    def record(conn: object, cursor: object, statement: str, *rest: object) -> None:
        statements.append(statement)

    typo = {"company": "Holding 1234 Metal"}
    crowded.client.get("/data", params=typo)  # the menus are counted by now
    event.listen(crowded.archive.store.engine, "before_cursor_execute", record)
    try:
        (problem,) = select(html(crowded.client.get("/data", params=typo)), "p.unmatched")
        (unmatched,) = crowded.client.get("/api/facts", params=typo).json()["unmatched"]
    finally:
        event.remove(crowded.archive.store.engine, "before_cursor_execute", record)
    assert "Holding 1234 Metals" in [text_of(a) for a in select(problem, "a")]
    assert "Holding 1234 Metals" in unmatched["nearest"]
    assert not [s for s in statements if "DISTINCT" in s.upper() or "GROUP BY" in s.upper()], statements


# --- GET /api/facts/values ----------------------------------------------------------------------


def _values(site: Site, **params: object) -> list[tuple[str, int]]:
    response = site.client.get("/api/facts/values", params=params)
    assert response.status_code == 200, response.text
    return [(v["value"], v["facts"]) for v in response.json()["values"]]


def test_values_by_the_start_of_any_word_in_any_case(crowded: Site) -> None:
    assert _values(crowded, field="company", prefix="HOLDING 012", limit=3) == [
        ("Holding 0120 Metals", 1), ("Holding 0121 Metals", 1), ("Holding 0122 Metals", 1)]
    assert _values(crowded, field="company", prefix="tin") == [("Rio Tinto", 9)]
    assert len(_values(crowded, field="company", prefix="metals", limit=MAX_SUGGESTIONS)) == MAX_SUGGESTIONS
    assert _values(crowded, field="company", limit=2)[0] == ("Rio Tinto", 9)  # no text: the most reported
    assert ("market_share", 20) in _values(crowded, field="metric", prefix="market sh")
    assert _values(crowded, field="country", prefix="jap") == [("Japan", 115)]


@pytest.mark.parametrize("prefix", ["%", "%_", "'; DROP TABLE facts; --", "\x00", "<script>", "ríõ"])
def test_hostile_or_odd_text_is_only_text(crowded: Site, prefix: str) -> None:
    assert _values(crowded, field="company", prefix=prefix) == []


@pytest.mark.parametrize(("params", "field"), [
    ({"field": "password"}, "field"),  # only the filters' columns
    ({}, "field"),
    ({"field": "company", "prefix": "x" * 101}, "prefix"),
    ({"field": "company", "limit": 0}, "limit"),
    ({"field": "company", "limit": MAX_SUGGESTIONS + 1}, "limit"),
    ({"field": "company", "limit": "many"}, "limit"),
])
def test_bad_parameters_are_refused_in_the_error_shape(crowded: Site, params: dict[str, object], field: str) -> None:
    assert_error(crowded.client.get("/api/facts/values", params=params), 422, "invalid_parameter", field)


def test_values_are_described_in_openapi(crowded: Site) -> None:
    operation = crowded.client.get("/openapi.json").json()["paths"]["/api/facts/values"]["get"]
    params = {p["name"]: p["schema"] for p in operation["parameters"]}
    assert params["field"]["enum"] == list(FACT_FILTERS) == list(get_args(FilterField))
    assert params["prefix"]["maxLength"] == 100 and params["limit"]["maximum"] == MAX_SUGGESTIONS


def test_series_titles_by_the_start_of_any_word(crowded: Site) -> None:
    found = crowded.client.get("/api/facts/series/titles", params={"prefix": "ALLOY 12", "limit": 3}).json()
    assert found["values"] == [{"value": f"Alloy 12{n} production worldwide", "facts": 2,
                                "url": f"/data/series?commodity=alloy+12{n}&metric=production&unit=t"}
                               for n in range(3)]
    japan = crowded.client.get("/api/facts/series/titles", params={"prefix": "sales in jap"}).json()["values"]
    assert {"value": "Electric vehicles sales in Japan", "facts": 3,
            "url": "/data/series?commodity=electric+vehicles&metric=sales&country=Japan&unit=units"
            } in japan
    longest = crowded.client.get("/api/facts/series/titles", params={"limit": 2}).json()["values"]
    assert len(longest) == 2 and longest[0]["facts"] >= longest[1]["facts"] >= 3
    assert crowded.client.get("/api/facts/series/titles", params={"prefix": "%"}).json()["values"] == []


@pytest.mark.parametrize(("params", "field"), [
    ({"prefix": "x" * 101}, "prefix"),
    ({"limit": 0}, "limit"),
    ({"limit": MAX_SUGGESTIONS + 1}, "limit"),
])
def test_bad_series_title_parameters_are_refused(crowded: Site, params: dict[str, object], field: str) -> None:
    assert_error(crowded.client.get("/api/facts/series/titles", params=params), 422, "invalid_parameter", field)


def test_a_restarted_site_answers_from_the_menus_the_last_one_kept(crowded: Site) -> None:
    """The menus read every fact (80 s at a million posts): a restart keeps the last count, when it is
    the archive's and its facts have not changed since, and the first analyst gets it at once."""
    kept = crowded.client.app.state.fact_menus.settled()  # type: ignore[attr-defined]
    keeping = crowded.archive.keeping(KEPT_MENUS, Menus.as_json, Menus.from_json)
    again = MenuCache(crowded.archive.store, keeping=keeping)
    statements: list[str] = []
    engine = crowded.archive.store.engine

    def record(conn: object, cursor: object, statement: str, *rest: object) -> None:
        statements.append(statement)

    event.listen(engine, "before_cursor_execute", record)
    try:
        again.warm()
        menus = again.get()
    finally:
        event.remove(engine, "before_cursor_execute", record)
    assert menus.as_json() == kept.as_json() and len(menus.series.ranked) >= SERIES
    assert not [s for s in statements if "GROUP BY" in s.upper()], statements
    assert [c.value for c in menus.choices["company"].find("rio", 5)] == ["Rio Tinto"]
