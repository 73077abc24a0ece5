"""The facts store's queries, exactly, on both databases: every column kept, every filter narrowing by its
own column and no other, sorts that keep unknown values last, the counts and menus the explorer shows
(issue 16: each assertion here is one a plausible slip in store/facts.py would break)."""

from __future__ import annotations

import tracemalloc
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime

import pytest
from sqlalchemy import Connection, update

from metalnomist.config import Settings
from metalnomist.models import Block, Fact, Post
from metalnomist.pipeline import Archive, open_archive
from metalnomist.store.facts import (
    COUNT_CAP,
    FactFilter,
    FactMatcher,
    PostLink,
    SortColumn,
    Unmatched,
    count_bound,
    count_facts,
    distinct_values,
    facts_by_ids,
    facts_of_posts,
    iter_facts,
    nearest_names,
    nearest_values,
    post_links,
    query_facts,
    replace_facts,
    series_periods,
    unmatched_filters,
)
from metalnomist.store.posts import upsert_post
from metalnomist.store.schema import post_rows

BASE = Fact(post="", sentence="s", metric="imports", unit="t")
# (post, fact): two posts, five facts, each differing from the others where a filter or sort looks.
STOCK = [
    ("Alpha post", replace(BASE, sentence="Copper imports rose 5% to 10 t.", value=10.0, change_pct=5.0,
                           commodity="copper", country="Japan", partner="Chile", period="2024-02",
                           source="Finance Ministry", sentence_start=0)),
    ("Alpha post", replace(BASE, sentence="Zinc output_2 was 3 t.", metric="output", value=3.0, commodity="zinc",
                           country="China", period="2024-02", sentence_start=40)),
    ("Alpha post", replace(BASE, sentence="Nickel prices doubled.", metric="price", unit=None, change_pct=100.0,
                           commodity="Nickel", company="Vale", sentence_start=80)),
    ("Beta post", replace(BASE, sentence="Copper imports were 12 t in March.", value=12.0, change_pct=-2.0,
                          commodity="Copper", country="japan", period="2024-03", source="Customs",
                          sentence_start=0)),
    ("Beta post", replace(BASE, sentence="Battery sales reached 7 units.", metric="sales", value=7.0, unit="units",
                          commodity="lithium-ion batteries", company="Toyota", sentence_start=10)),
]


def _post(title: str, month: int) -> Post:
    return Post(title=title, blocks=(Block("paragraph", title),), published=datetime(2024, month, 1, tzinfo=UTC))


def stock(archive: Archive) -> dict[str, int]:
    ids: dict[str, int] = {}
    with archive.store.transaction() as conn:
        for month, title in enumerate(dict.fromkeys(t for t, _ in STOCK), 3):
            ids[title], _ = upsert_post(conn, _post(title, month))
        replace_facts(conn, {ids[t]: [f for title, f in STOCK if title == t] for t in ids})
    return ids


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def stocked(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Archive]:
    """STOCK in a database shared by the module's read-only tests (a database per case costs seconds)."""
    folder = tmp_path_factory.mktemp("facts")
    db = f"sqlite:///{folder}/facts.db" if request.param == "sqlite" else str(request.getfixturevalue("pg_module_url"))
    archive = open_archive(Settings(db=db, index_dir=str(folder / "index"), secret_key="test"))
    stock(archive)
    yield archive
    archive.close()


def sentences(conn: Connection, flt: FactFilter | None = None, **options: object) -> list[str]:
    found, _ = query_facts(conn, flt or FactFilter(), **options)  # type: ignore[arg-type]
    return [f.sentence[:12] for f in found]


def test_every_column_is_stored_and_read_back(archive: Archive) -> None:
    fact = Fact(post="Full", sentence="Every field.", metric="exports", value=1.5, value_max=2.5, unit="kt",
                change_pct=3.5, change_basis="yoy", commodity="tin", country="Peru", partner="China",
                company="Minsur", period="2024-Q1", forecast=True, source="Sunat", change_pp=0.5, bound="at least",
                sentence_start=7)
    with archive.store.transaction() as conn:
        post_id, _ = upsert_post(conn, _post("Full", 3))
        replace_facts(conn, {post_id: [fact]})
    with archive.store.reading() as conn:
        (found,), total = query_facts(conn, FactFilter())
        by_id = facts_by_ids(conn, [found.id or 0])
    assert total == 1 and found == replace(fact, post="Full", post_id=post_id, id=found.id)
    stored, link = by_id[found.id or 0]
    assert stored == found
    assert link.title == "Full" and link.permalink == "/2024/03/full.html"
    assert link.published == datetime(2024, 3, 1, tzinfo=UTC)


def test_replacing_facts_touches_only_the_posts_named(archive: Archive) -> None:
    ids = stock(archive)
    with archive.store.transaction() as conn:
        replace_facts(conn, {})  # nothing named: nothing changes
        assert count_facts(conn) == 5
        replace_facts(conn, {ids["Alpha post"]: [replace(BASE, sentence="Only one now.")]})
    with archive.store.reading() as conn:
        assert sentences(conn) == ["Only one now", "Copper impor", "Battery sale"]
    with archive.store.transaction() as conn:
        replace_facts(conn, {ids["Alpha post"]: [], ids["Beta post"]: []})  # an empty list clears a post
    with archive.store.reading() as conn:
        assert count_facts(conn) == 0 and sentences(conn) == []


@pytest.mark.parametrize(
    ("flt", "expected"),
    [
        (FactFilter(), ["Copper impor", "Zinc output_", "Nickel price", "Copper impor", "Battery sale"]),
        (FactFilter(metric="IMPORTS"), ["Copper impor", "Copper impor"]),  # case-insensitive, as every filter
        (FactFilter(country="JAPAN"), ["Copper impor", "Copper impor"]),
        (FactFilter(partner="chile"), ["Copper impor"]),
        (FactFilter(company="vale"), ["Nickel price"]),
        (FactFilter(period="2024-02"), ["Copper impor", "Zinc output_"]),
        (FactFilter(source="customs"), ["Copper impor"]),
        (FactFilter(commodity="nickel"), ["Nickel price"]),
        (FactFilter(commodity="copper", period="2024-03"), ["Copper impor"]),  # filters combine
        (FactFilter(metric="imports", country="China"), []),
        (FactFilter(post="Beta post"), ["Copper impor", "Battery sale"]),
        (FactFilter(post="beta post"), []),  # a post is named by its exact title
        (FactFilter(text="5%"), ["Copper impor"]),  # % is a character here, not a wildcard
        (FactFilter(text="output_2"), ["Zinc output_"]),  # and so is _
        (FactFilter(text="5_"), []),  # as a wildcard it would match "5%"
        (FactFilter(text="s%t"), []),  # as a wildcard, most sentences
        (FactFilter(text="a_p"), []),  # in titles too: as a wildcard it would match "Alpha post" and "Beta post"
        (FactFilter(text="PRICES"), ["Nickel price"]),
        (FactFilter(text="beta"), ["Copper impor", "Battery sale"]),  # the post's title counts as text
        (FactFilter(metric=""), ["Copper impor", "Zinc output_", "Nickel price", "Copper impor", "Battery sale"]),
    ],
)
def test_each_filter_narrows_by_its_own_column(stocked: Archive, flt: FactFilter, expected: list[str]) -> None:
    with stocked.store.reading() as conn:
        found, total = query_facts(conn, flt)
        every, _ = query_facts(conn, FactFilter())
        exported = list(iter_facts(conn, flt))
    assert [f.sentence[:12] for f in found] == expected
    assert total == len(expected)
    assert exported == found  # the command line's export: the same facts in the same order
    # Watches test new facts in Python: the same filter keeps the same facts there.
    assert [f for f in every if FactMatcher.of(flt).keeps(f, f.post)] == found


def test_an_export_holds_a_few_hundred_facts_at_a_time_not_every_one(archive: Archive) -> None:
    """The command line's export read every matching fact before writing the first: a gigabyte per
    million facts. Streamed, what it holds at once stays that of a few hundred, however many it writes."""
    many = [replace(BASE, sentence=f"Copper imports were {n} t in a month of long sentences. " * 3,
                    value=float(n), commodity="copper", sentence_start=n) for n in range(6000)]
    with archive.store.transaction() as conn:
        post_id, _ = upsert_post(conn, _post("Many", 3))
        replace_facts(conn, {post_id: many})
    with archive.store.reading() as conn:
        tracemalloc.start()
        try:
            everything, _ = query_facts(conn, FactFilter(commodity="copper"))
            _, holding_all = tracemalloc.get_traced_memory()
            del everything
            tracemalloc.reset_peak()
            values = [fact.value for fact in iter_facts(conn, FactFilter(commodity="copper"))]
            _, streaming = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    assert values == [float(n) for n in range(6000)]
    assert streaming < holding_all / 4, (streaming, holding_all)


def test_a_backslash_in_text_is_a_character(archive: Archive) -> None:
    with archive.store.transaction() as conn:
        post_id, _ = upsert_post(conn, _post("Slashes", 3))
        replace_facts(conn, {post_id: [replace(BASE, sentence="a\\b", sentence_start=0),
                                       replace(BASE, sentence="ab", sentence_start=1)]})
    with archive.store.reading() as conn:
        assert sentences(conn, FactFilter(text="a\\b")) == ["a\\b"]


def test_a_value_with_an_accented_capital_is_found_as_the_menus_spell_it(archive: Archive) -> None:
    """SQLite's lower() folds ASCII letters only: a filter folded in Python (`Éramet` to `éramet`) missed
    the very spelling the explorer's menu offered, and the sentence naming it, while a watch kept them."""
    fact = replace(BASE, sentence="Éramet said nickel output rose.", commodity="nickel", company="Éramet")
    with archive.store.transaction() as conn:
        post_id, _ = upsert_post(conn, _post("Accents", 3))
        replace_facts(conn, {post_id: [fact, replace(BASE, sentence="Other.", sentence_start=1)]})
    with archive.store.reading() as conn:
        for flt in (FactFilter(company=distinct_values(conn, "company")[0]), FactFilter(company="ÉRAMET"),
                    FactFilter(text="Éramet SAID")):
            found, total = query_facts(conn, flt)
            assert ([f.sentence for f in found], total) == (["Éramet said nickel output rose."], 1), flt
            assert unmatched_filters(conn, flt) == []


def test_a_title_is_searched_for_wildcard_characters_as_characters(archive: Archive) -> None:
    """Text matches a post's title as well as the sentence: `5%` there is a five and a percent sign,
    found in the title that has them and no other."""
    with archive.store.transaction() as conn:
        for month, title in enumerate(["Zinc up 5% in March", "Zinc up 50 t"], 3):
            post_id, _ = upsert_post(conn, _post(title, month))
            replace_facts(conn, {post_id: [replace(BASE, sentence=f"Zinc {month}.")]})
    with archive.store.reading() as conn:
        assert sentences(conn, FactFilter(text="5%")) == ["Zinc 3."]
        assert sentences(conn, FactFilter(text="up_5")) == []


def test_a_filter_by_post_id(archive: Archive) -> None:
    ids = stock(archive)
    with archive.store.reading() as conn:
        assert sentences(conn, FactFilter(post_id=ids["Beta post"])) == ["Copper impor", "Battery sale"]
        assert sentences(conn, FactFilter(post_id=0)) == []


@pytest.mark.parametrize(
    ("sort", "descending", "expected"),
    [
        (None, False, ["Copper impor", "Zinc output_", "Nickel price", "Copper impor", "Battery sale"]),
        ("value", False, ["Zinc output_", "Battery sale", "Copper impor", "Copper impor", "Nickel price"]),
        ("value", True, ["Copper impor", "Copper impor", "Battery sale", "Zinc output_", "Nickel price"]),
        ("change_pct", False, ["Copper impor", "Copper impor", "Nickel price", "Zinc output_", "Battery sale"]),
        ("change_pct", True, ["Nickel price", "Copper impor", "Copper impor", "Zinc output_", "Battery sale"]),
        ("company", False, ["Battery sale", "Nickel price", "Copper impor", "Zinc output_", "Copper impor"]),
        ("post", True, ["Copper impor", "Battery sale", "Copper impor", "Zinc output_", "Nickel price"]),
        ("post", False, ["Copper impor", "Zinc output_", "Nickel price", "Copper impor", "Battery sale"]),
    ],
)
def test_sorting_keeps_unknown_values_last_and_ties_in_reading_order(
        stocked: Archive, sort: SortColumn | None, descending: bool, expected: list[str]) -> None:
    with stocked.store.reading() as conn:
        assert sentences(conn, sort=sort, descending=descending) == expected


def test_offset_and_limit_cut_the_page_but_not_the_count(stocked: Archive) -> None:
    with stocked.store.reading() as conn:
        page, total = query_facts(conn, FactFilter(), offset=1, limit=2, sort="value", descending=True)
        rest, _ = query_facts(conn, FactFilter(), offset=3)
    assert ([f.sentence[:12] for f in page], total) == (["Copper impor", "Battery sale"], 5)
    assert [f.sentence[:12] for f in rest] == ["Copper impor", "Battery sale"]


def test_pages_of_a_commodity_with_several_spellings_follow_reading_order(archive: Archive) -> None:
    """`lithium` is stored as lithium carbonate and lithium hydroxide: a page past the first must still take
    the earlier posts' carbonate figures before the later post's hydroxide ones."""
    carbonate, hydroxide = replace(BASE, commodity="lithium carbonate"), replace(BASE, commodity="lithium hydroxide")
    posts = {"First": [replace(carbonate, sentence=f"c{n}", sentence_start=n) for n in range(4)],
             "Second": [replace(hydroxide, sentence=f"h{n}", sentence_start=n) for n in range(2)],
             "Third": [replace(carbonate, sentence="c4")]}
    with archive.store.transaction() as conn:
        for month, (title, found) in enumerate(posts.items(), 3):
            post_id, _ = upsert_post(conn, _post(title, month))
            replace_facts(conn, {post_id: found})
    lithium = FactFilter(commodity="lithium")
    with archive.store.reading() as conn:
        assert sentences(conn, lithium) == ["c0", "c1", "c2", "c3", "h0", "h1", "c4"]
        pages = [sentences(conn, lithium, offset=start, limit=2) for start in range(0, 8, 2)]
    assert pages == [["c0", "c1"], ["c2", "c3"], ["h0", "h1"], ["c4"]]


def test_facts_stored_out_of_reading_order_are_read_in_it(archive: Archive) -> None:
    """Row ids are no reading order: an extractor may store a post's facts out of sentence order, and a
    re-extracted post's facts get ids after later posts'. Every read (a page, a page of several
    spellings, the export, a post's facts) goes by post, then position in it."""
    carbonate, hydroxide = replace(BASE, commodity="lithium carbonate"), replace(BASE, commodity="lithium hydroxide")
    with archive.store.transaction() as conn:
        first, _ = upsert_post(conn, _post("First", 3))
        second, _ = upsert_post(conn, _post("Second", 4))
        replace_facts(conn, {second: [replace(carbonate, sentence="s0", sentence_start=0)]})
        replace_facts(conn, {first: [replace(hydroxide, sentence="f9", sentence_start=9),
                                     replace(carbonate, sentence="f0", sentence_start=0),
                                     replace(hydroxide, sentence="f5", sentence_start=5)]})
    lithium = FactFilter(commodity="lithium")
    with archive.store.reading() as conn:
        assert sentences(conn) == sentences(conn, lithium) == ["f0", "f5", "f9", "s0"]
        assert sentences(conn, lithium, offset=0, limit=2) + sentences(conn, lithium, offset=2, limit=2) == \
            ["f0", "f5", "f9", "s0"]
        assert [f.sentence for f in iter_facts(conn, FactFilter())] == ["f0", "f5", "f9", "s0"]
        assert [f.sentence for f in facts_of_posts(conn, [first])[first]] == ["f0", "f5", "f9"]


def test_posts_of_the_same_day_stay_whole_newest_first(archive: Archive) -> None:
    """Feeds put the latest posts' figures first; two posts published the same day must each keep their
    facts together (the later stored first), not be interleaved by the facts' positions in them."""
    with archive.store.transaction() as conn:
        for title in ("Morning", "Evening"):
            post_id, _ = upsert_post(conn, _post(title, 3))
            replace_facts(conn, {post_id: [replace(BASE, sentence=f"{title} {n}", sentence_start=n) for n in range(2)]})
    with archive.store.reading() as conn:
        assert sentences(conn, newest_first=True) == ["Evening 0", "Evening 1", "Morning 0", "Morning 1"]


def test_facts_by_ids_returns_only_those_asked_for(stocked: Archive) -> None:
    with stocked.store.reading() as conn:
        every, _ = query_facts(conn, FactFilter())
        wanted = [every[4].id or 0, every[1].id or 0]
        found = facts_by_ids(conn, wanted)
        assert facts_by_ids(conn, []) == {}
    assert sorted(found) == sorted(wanted)
    assert found[wanted[0]][0] == every[4] and found[wanted[0]][1].title == "Beta post"
    assert found[wanted[1]][1].permalink == "/2024/03/alpha-post.html"


def test_facts_of_posts_are_each_posts_facts_in_reading_order(stocked: Archive) -> None:
    with stocked.store.reading() as conn:
        every, _ = query_facts(conn, FactFilter())
        alpha, beta = every[0].post_id or 0, every[3].post_id or 0
        assert facts_of_posts(conn, [beta, alpha]) == {alpha: every[:3], beta: every[3:]}
        assert facts_of_posts(conn, [beta]) == {beta: every[3:]}
        assert facts_of_posts(conn, []) == {}


def test_post_links_give_each_posts_title_address_and_date(stocked: Archive) -> None:
    with stocked.store.reading() as conn:
        every, _ = query_facts(conn, FactFilter())
        alpha, beta = every[0].post_id or 0, every[3].post_id or 0
        assert post_links(conn, [beta, alpha]) == {
            alpha: PostLink("Alpha post", "/2024/03/alpha-post.html", datetime(2024, 3, 1, tzinfo=UTC)),
            beta: PostLink("Beta post", "/2024/04/beta-post.html", datetime(2024, 4, 1, tzinfo=UTC))}
        assert post_links(conn, []) == {}


def test_newest_posts_first_keeps_each_posts_facts_in_reading_order(stocked: Archive) -> None:
    with stocked.store.reading() as conn:  # Beta is April's post, Alpha March's
        assert sentences(conn, newest_first=True) == \
            ["Copper impor", "Battery sale", "Copper impor", "Zinc output_", "Nickel price"]


def test_a_page_counts_its_total_to_the_cap_or_just_past_its_own_end() -> None:
    assert count_bound(0, 25) == COUNT_CAP == 1_000
    assert count_bound(2_000, 25) == 2_026  # one past the page: a next page is known to exist
    assert count_bound(0, None) is None


def test_nearest_names_are_five_at_most() -> None:
    names = [f"copper {n}" for n in range(7)]
    assert nearest_names(names, "copper") == tuple(names[:5])


def test_a_matcher_keeps_only_the_post_asked_for() -> None:
    matcher = FactMatcher.of(FactFilter(post_id=3))
    assert matcher.keeps(replace(BASE, post_id=3), "t") and not matcher.keeps(replace(BASE, post_id=4), "t")


def test_menus_list_each_stored_value_once_in_order(stocked: Archive) -> None:
    with stocked.store.reading() as conn:
        assert distinct_values(conn, "company") == ["Toyota", "Vale"]  # no NULL entry
        assert distinct_values(conn, "metric") == ["imports", "output", "price", "sales"]
        assert count_facts(conn) == 5


def test_nearest_values_put_containing_names_before_close_spellings(archive: Archive) -> None:
    with archive.store.transaction() as conn:
        post_id, _ = upsert_post(conn, _post("Names", 3))
        names = ["Japanese", "Japan", "Jaxan", "Spain", "Pan Pacific", "Nippon", "Jamaica"]
        replace_facts(conn, {post_id: [replace(BASE, country=n, sentence_start=i) for i, n in enumerate(names)]})
    with archive.store.reading() as conn:
        assert nearest_values(conn, "country", " JAPAN ") == ("Japan", "Japanese", "Jaxan", "Spain")
        assert nearest_values(conn, "country", "japan", limit=2) == ("Japan", "Japanese")
        assert nearest_values(conn, "country", "pan") == ("Japan", "Japanese", "Pan Pacific", "Spain")
        assert nearest_values(conn, "country", "a") == ("Jamaica", "Japan", "Japanese", "Jaxan", "Pan Pacific")  # 5
        assert nearest_values(conn, "country", "zzzz") == ()
        assert nearest_values(conn, "country", "   ") == ()  # a blank word is in every name: it names none


def test_only_the_filters_that_alone_match_nothing_are_reported(stocked: Archive) -> None:
    with stocked.store.reading() as conn:
        assert unmatched_filters(conn, FactFilter(metric="imports", country="China", text="zzz")) == []
        assert unmatched_filters(conn, FactFilter(metric="import", country="Chila", company="Nobody")) == [
            Unmatched("metric", "import", ("imports",)),
            Unmatched("country", "Chila", ("China",)),
            Unmatched("company", "Nobody", ()),
        ]
        assert unmatched_filters(conn, FactFilter(commodity="zinx", period="2025")) == [
            Unmatched("commodity", "zinx", ("zinc",)),
            Unmatched("period", "2025", ()),
        ]
    assert Unmatched("metric", "import", ("imports", "output")).message == \
        "no fact has metric 'import'; nearest: imports, output"
    assert Unmatched("company", "Nobody", ()).message == "no fact has company 'Nobody'"


def test_series_periods_are_dated_market_figures_once_each(archive: Archive) -> None:
    with archive.store.transaction() as conn:
        post_id, _ = upsert_post(conn, _post("Series", 3))
        copper = replace(BASE, commodity="copper", country="Japan", value=1.0, period="2024-01")
        rows = [
            copper, replace(copper, value=2.0), replace(copper, period="2024-02"),  # January twice: one period
            replace(copper, partner="Chile"),
            replace(copper, unit="kt"),
            replace(copper, company="JX", period="2024-04"),  # a company's figure is not the market's
            replace(copper, value=None, period="2024-05"),  # no figure
            replace(copper, period=None),  # undated
            replace(copper, period=""),
            replace(copper, commodity=None, period="2024-06"),
        ]
        replace_facts(conn, {post_id: [replace(f, sentence_start=i) for i, f in enumerate(rows)]})
    with archive.store.reading() as conn:
        japan = ("copper", "imports", "Japan")
        assert sorted(series_periods(conn), key=str) == sorted([
            (*japan, None, "t", "2024-01"), (*japan, None, "t", "2024-02"), (*japan, "Chile", "t", "2024-01"),
            (*japan, None, "kt", "2024-01")], key=str)


def test_a_filter_is_empty_only_when_every_field_is_unset_or_blank() -> None:
    assert FactFilter().is_empty() and FactFilter(metric="", text="").is_empty()
    assert not FactFilter(post_id=0).is_empty()  # post 0 is a value, not "no filter"
    assert not FactFilter(period="2024").is_empty()
    assert not FactFilter(metric="imports", text="rose").is_empty()


def test_commodity_words_match_inside_longer_names_with_hyphens_and_wildcards_literal(archive: Archive) -> None:
    """A hyphen is a word break on both sides; % and _ in a typed commodity are characters, not wildcards."""
    names = ["spent lithium-ion batteries", "lithium ion batteries", "grade 50% ferronickel", "grade 50x ferronickel",
             "nickel_pig iron", "nickelxpig iron"]
    with archive.store.transaction() as conn:
        post_id, _ = upsert_post(conn, _post("Commodities", 3))
        replace_facts(conn, {post_id: [replace(BASE, commodity=n, sentence_start=i) for i, n in enumerate(names)]})
    with archive.store.reading() as conn:
        def found(wanted: str) -> list[str]:
            return sorted(f.commodity or "" for f in query_facts(conn, FactFilter(commodity=wanted))[0])

        assert found("lithium-ion batteries") == ["lithium ion batteries", "spent lithium-ion batteries"]
        assert found("50% ferronickel") == ["grade 50% ferronickel"]
        assert found("nickel_pig") == ["nickel_pig iron"]
        every, _ = query_facts(conn, FactFilter())
        for wanted in ("lithium-ion batteries", "50% ferronickel", "nickel_pig", "lithium", "iron", "ion"):
            assert [f for f in every if FactMatcher.of(FactFilter(commodity=wanted)).keeps(f, f.post)] == \
                query_facts(conn, FactFilter(commodity=wanted))[0], wanted


def test_an_undated_post_takes_its_place_newest_first_by_when_it_was_stored(archive: Archive) -> None:
    """Feeds put the latest posts' figures first: a post with no publication date goes by when it was stored,
    not first or last as each database sorts a missing date (PostgreSQL puts NULL first in DESC, SQLite last)."""
    stored = {"March": _post("March", 3), "Undated": replace(_post("Undated", 4), published=None),
              "May": _post("May", 5)}
    with archive.store.transaction() as conn:
        ids = {title: upsert_post(conn, post)[0] for title, post in stored.items()}
        conn.execute(update(post_rows).where(post_rows.c.id == ids["Undated"])
                     .values(created=datetime(2024, 4, 15, tzinfo=UTC)))
        for title, post_id in ids.items():
            replace_facts(conn, {post_id: [replace(BASE, sentence=title, sentence_start=0)]})
    with archive.store.reading() as conn:
        assert sentences(conn, newest_first=True) == ["May", "Undated", "March"]


def test_pages_of_several_spellings_in_one_sentence_keep_reading_order(archive: Archive) -> None:
    """One sentence can give figures of two spellings ('carbonate and hydroxide imports ...'): within it, the
    facts follow their ids, so pages of the family neither repeat nor skip one."""
    carbonate, hydroxide = replace(BASE, commodity="lithium carbonate"), replace(BASE, commodity="lithium hydroxide")
    with archive.store.transaction() as conn:
        post_id, _ = upsert_post(conn, _post("One sentence", 3))
        replace_facts(conn, {post_id: [replace(kind, sentence=f"s{n}", sentence_start=0)
                                       for n, kind in enumerate([hydroxide, carbonate, hydroxide, carbonate])]})
    lithium = FactFilter(commodity="lithium")
    with archive.store.reading() as conn:
        every = sentences(conn, lithium)
        assert every == ["s0", "s1", "s2", "s3"]
        assert [sentences(conn, lithium, offset=start, limit=2) for start in (0, 2)] == [every[:2], every[2:]]


def test_a_family_of_spellings_keeps_the_order_asked_for(archive: Archive) -> None:
    """Pages of several spellings are merged in reading order only when reading order is asked for: the
    facts feed (newest posts first) and a sort by value of `lithium` keep their own order."""
    carbonate, hydroxide = replace(BASE, commodity="lithium carbonate"), replace(BASE, commodity="lithium hydroxide")
    stored = [("March", carbonate, 3.0), ("April", hydroxide, 1.0), ("May", carbonate, 2.0)]
    with archive.store.transaction() as conn:
        for month, (title, kind, value) in enumerate(stored, 3):
            post_id, _ = upsert_post(conn, _post(title, month))
            replace_facts(conn, {post_id: [replace(kind, sentence=title, value=value)]})
    lithium = FactFilter(commodity="lithium")
    with archive.store.reading() as conn:
        assert sentences(conn, lithium, limit=10) == ["March", "April", "May"]
        assert sentences(conn, lithium, limit=10, newest_first=True) == ["May", "April", "March"]
        assert sentences(conn, lithium, limit=10, sort="value") == ["April", "May", "March"]
        assert sentences(conn, lithium, limit=10, sort="value", descending=True) == ["March", "May", "April"]


def test_a_page_past_the_count_cap_still_counts_past_its_own_end(archive: Archive) -> None:
    """Counting stops at COUNT_CAP, but a page beyond it counts to just past itself, so its next page is known."""
    with archive.store.transaction() as conn:
        post_id, _ = upsert_post(conn, _post("Many", 3))
        replace_facts(conn, {post_id: [replace(BASE, sentence=f"s{n}", sentence_start=n)
                                       for n in range(COUNT_CAP + 3)]})
    with archive.store.reading() as conn:
        found, total = query_facts(conn, FactFilter(), offset=COUNT_CAP, limit=2)
        assert ([f.sentence for f in found], total) == ([f"s{COUNT_CAP}", f"s{COUNT_CAP + 1}"], COUNT_CAP + 3)
        assert query_facts(conn, FactFilter(), offset=0, limit=2)[1] == COUNT_CAP
