"""Stored market facts: replaced per post on (re-)extraction, filtered for analysts."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, fields
from datetime import datetime
from difflib import get_close_matches
from typing import Any, Literal, get_args

from sqlalchemy import Connection, delete, func, insert, or_, select, union_all, update

from metalnomist.models import FACT_FIELDS, FACT_FILTERS, FACT_IDS, Fact
from metalnomist.store.contradictions import hold_disputes, keys_of_posts, queue_disputes, series_key
from metalnomist.store.revision import note_facts_changed
from metalnomist.store.schema import as_utc, fact_rows, facts, ingests, post_rows, posts

# Stored as columns of their own: all but the post's title (joined from posts) and the ids.
STORED: tuple[str, ...] = tuple(name for name in FACT_FIELDS if name != "post" and name not in FACT_IDS)


# The columns analysts may sort by: a closed list, so no request text ever names a column.
SortColumn = Literal["value", "unit", "change_pct", "metric", "commodity", "country", "partner", "company",
                     "period", "source", "post"]
SORT_COLUMNS: tuple[str, ...] = get_args(SortColumn)


@dataclass(frozen=True)
class FactFilter:
    """Exact-match filters (case-insensitive) plus free text over the sentence.

    `commodity` finds its family: `lithium` matches lithium carbonate, lithium hydroxide and
    spodumene (a series narrows to one exact commodity itself)."""

    commodity: str | None = None
    metric: str | None = None
    country: str | None = None
    partner: str | None = None
    company: str | None = None
    period: str | None = None
    source: str | None = None
    post_id: int | None = None
    post: str | None = None
    text: str | None = None

    def is_empty(self) -> bool:
        return all(getattr(self, f.name) in (None, "") for f in fields(self))


def replace_facts(conn: Connection, by_post: Mapping[int, Sequence[Fact]], batch: int | None = None) -> int:
    """Each listed post's facts become exactly these: one delete and one insert for the lot. Returns how
    many were stored.

    The figures their old and new facts report are queued to be settled as disputed or not, and the
    facts revision moves on at commit (see note_facts_changed). With `batch`, an unpublished ingest's:
    the new facts stay hidden with it, the old ones are only marked retired by it, shown until it
    publishes (store/ingests.py), and their figures are settled once it has.

    Only a published post has facts (the explorer and the disputes read no other): one the desk took down
    keeps none, whatever its file, stored again, says.
    """
    if not by_post:
        return 0
    if batch is None:
        hold_disputes(conn)  # before the facts' rows: a settler holding it may be waiting for them
    old_keys = keys_of_posts(conn, list(by_post))
    posts_listed = fact_rows.c.post_id.in_(list(by_post))
    # The status is tested here, not in SQL: given it, SQLite walks every published post's index entry.
    published = {row.id for row in conn.execute(select(post_rows.c.id, post_rows.c.status)
                                                 .where(post_rows.c.id.in_(list(by_post))))
                 if row.status == "published"}
    if batch is None:
        conn.execute(delete(fact_rows).where(posts_listed))
    else:
        conn.execute(delete(fact_rows).where(posts_listed, fact_rows.c.batch == batch))
        _retire(conn, posts_listed, batch)
    rows = [{"post_id": post_id, "batch": batch, "series_key": series_key(f), **{c: getattr(f, c) for c in STORED}}
            for post_id, items in by_post.items() if post_id in published for f in items]
    if rows:
        conn.execute(insert(fact_rows), rows)
    queue_disputes(conn, [*old_keys, *(row["series_key"] for row in rows)], batch)
    note_facts_changed(conn)
    return len(rows)


def _retire(conn: Connection, posts_listed: Any, batch: int) -> None:
    """Mark the posts' shown facts as replaced by ingest `batch`."""
    shown = or_(fact_rows.c.batch.is_(None), fact_rows.c.batch.not_in(select(ingests.c.id)))
    retiring = select(fact_rows.c.id).where(posts_listed, shown, fact_rows.c.retired.is_(None))
    conn.execute(update(fact_rows).where(fact_rows.c.id.in_(retiring)).values(retired=batch))


def _like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _words(commodity: str) -> str:
    return commodity.lower().replace("-", " ")


def _in_family(stored: str | None, names: Collection[str]) -> bool:
    """The stored commodity is one of the family's names, whole or as words of a longer one (`names` as _words)."""
    return bool(stored) and any(f" {name} " in f" {_words(stored or '')} " for name in names)


def _family(wanted: str) -> tuple[str, ...]:
    # Here, not at the top: the extractor's package loads its whole grammar, which only a
    # commodity filter needs of it (a search would pay ~0.1 s for it).
    from metalnomist.extract.vocab import commodity_family

    return tuple(dict.fromkeys(_words(name) for name in commodity_family(wanted)))


def stored_commodities(conn: Connection) -> list[str]:
    """Every commodity spelling stored, hidden rows' too, in one statement that seeks the index once per
    spelling (a loose index scan): tens of seeks, where DISTINCT would read every fact."""
    column = fact_rows.c.commodity
    found = select(func.min(column).label("name")).cte("stored", recursive=True)
    following = select(column).where(column > found.c.name).order_by(column).limit(1).scalar_subquery()
    found = found.union_all(select(following).where(found.c.name.is_not(None)))
    return [name for name in conn.execute(select(found.c.name).where(found.c.name.is_not(None))).scalars()]


def commodity_spellings(conn: Connection, wanted: str) -> list[str]:
    """The stored commodities in `wanted`'s family, as stored, so an exact IN (…) on the index finds them."""
    names = _family(wanted)
    return [stored for stored in stored_commodities(conn) if _in_family(stored, names)]


def shown_post(flt: FactFilter) -> Any:
    """The fact's post is shown (and has the title asked for): tested for each fact a page reads, so the
    page walks an index of the facts in its own order instead of joining every post first."""
    same_post = [posts.c.id == facts.c.post_id]
    if flt.post:
        same_post.append(posts.c.title == flt.post)
    return select(posts.c.id).where(*same_post).correlate(facts).exists()


def _conditions(flt: FactFilter, spellings: Sequence[str] | None) -> list[Any]:
    """The filter as conditions on the facts view; `spellings` are the stored commodities it asks for."""
    found = [shown_post(flt)]
    if spellings is not None:
        found.append(facts.c.commodity.in_(spellings))
    # Both sides folded by the database's lower(): SQLite's folds ASCII letters only, so a value folded in
    # Python (`Éramet` to `éramet`) would miss the very spelling it was stored in.
    for name in FILTER_COLUMNS[1:]:
        wanted = getattr(flt, name)
        if wanted:
            found.append(func.lower(getattr(facts.c, name)) == func.lower(wanted))
    if flt.post_id is not None:
        found.append(facts.c.post_id == flt.post_id)
    if flt.text:
        needle = func.lower("%" + _like(flt.text) + "%")
        titled = select(posts.c.id).where(posts.c.id == facts.c.post_id,
                                          func.lower(posts.c.title).like(needle, escape="\\"))
        found.append(or_(func.lower(facts.c.sentence).like(needle, escape="\\"), titled.correlate(facts).exists()))
    return found


@dataclass(frozen=True)
class FactMatcher:
    """A filter read once (its commodity's family names looked up), to test many facts without the
    database: watches test each new post's facts against thousands of filters. It keeps what `_where`
    keeps (tests compare the two)."""

    flt: FactFilter
    names: tuple[str, ...]  # the commodity's family, hyphens as spaces; () without a commodity filter

    @classmethod
    def of(cls, flt: FactFilter) -> FactMatcher:
        return cls(flt, _family(flt.commodity) if flt.commodity else ())

    def keeps(self, fact: Fact, title: str) -> bool:
        flt = self.flt
        if flt.commodity and not _in_family(fact.commodity, self.names):
            return False
        for name in FILTER_COLUMNS[1:]:
            wanted, stored = getattr(flt, name), getattr(fact, name)
            if wanted and (stored is None or stored.lower() != wanted.lower()):
                return False
        if (flt.post_id is not None and fact.post_id != flt.post_id) or (flt.post and title != flt.post):
            return False
        needle = (flt.text or "").lower()
        return not needle or needle in fact.sentence.lower() or needle in title.lower()


# A total past this is "more than" it: counting further reads as much of the archive as matches (at 1.6M
# facts on PostgreSQL, counting 10,000 took up to 114 ms, 1,000 under 15 ms).
COUNT_CAP = 1_000
_READING = (facts.c.post_id, facts.c.sentence_start, facts.c.id)  # one index holds this order (0014)


def count_bound(offset: int, limit: int | None) -> int | None:
    """How far query_facts counts a page's total: to COUNT_CAP, or past the page (so a next page is known);
    without a limit every match is read anyway, so it is counted in full (None)."""
    return None if limit is None else max(COUNT_CAP, offset + limit + 1)


def _order(sort: SortColumn | None, descending: bool, newest_first: bool = False) -> list[Any]:
    """Nulls last in either direction (portable, unlike NULLS LAST), then reading order to break ties.

    `newest_first` (feeds) puts the latest posts' figures first, each post's in reading order."""
    if newest_first:
        return [func.coalesce(posts.c.published, posts.c.created).desc(), facts.c.post_id.desc(), *_READING[1:]]
    if sort is None:
        return list(_READING)
    column = posts.c.title if sort == "post" else getattr(facts.c, sort)
    return [column.is_(None), column.desc() if descending else column.asc(), *_READING]


def fact_from_row(row: Any) -> Fact:
    """A facts row joined with its post's title."""
    return Fact(post=row.title, id=row.id, post_id=row.post_id, **{c: getattr(row, c) for c in STORED})


def with_titles(joined: bool = False) -> Any:
    """Facts with their posts' titles; a join only where the order needs the post, else looked up per row read."""
    if joined:
        return select(facts, posts.c.title).join(posts, posts.c.id == facts.c.post_id)
    return select(facts, select(posts.c.title).where(posts.c.id == facts.c.post_id).scalar_subquery().label("title"))


def query_facts(conn: Connection, flt: FactFilter, offset: int = 0, limit: int | None = None,
                sort: SortColumn | None = None, descending: bool = False,
                newest_first: bool = False) -> tuple[list[Fact], int]:
    """Facts in post and sentence order (or by one whitelisted column, or newest posts first), and how
    many match, counted up to count_bound(offset, limit).

    In reading order, or unfiltered by value or period, a page walks an index and stops after it:
    what it costs grows with the page, not with the archive. A sort with a filter, or by another
    column, sorts every match."""
    spellings = commodity_spellings(conn, flt.commodity) if flt.commodity else None
    if spellings == []:
        return [], 0
    where = _conditions(flt, spellings)
    if sort is None and not newest_first and limit is not None and spellings and len(spellings) > 1:
        found = _facts_in_order(conn, _merged_page(conn, flt, spellings, offset, limit))
    else:
        query = with_titles(newest_first or sort == "post").where(*where)
        query = query.order_by(*_order(sort, descending, newest_first)).offset(offset)
        found = [fact_from_row(r) for r in conn.execute(query if limit is None else query.limit(limit))]
    return found, _count(conn, where, count_bound(offset, limit))


def iter_facts(conn: Connection, flt: FactFilter) -> Iterator[Fact]:
    """Every fact the filter matches, in reading order, read a few hundred rows at a time as the caller
    takes them: query_facts without a limit held them all, about a gigabyte per million facts, and wrote
    nothing until it had read the last one."""
    spellings = commodity_spellings(conn, flt.commodity) if flt.commodity else None
    if spellings == []:
        return
    query = with_titles().where(*_conditions(flt, spellings)).order_by(*_READING)
    for row in conn.execute(query.execution_options(yield_per=500)):
        yield fact_from_row(row)


def _merged_page(conn: Connection, flt: FactFilter, spellings: Sequence[str], offset: int, limit: int) -> list[int]:
    """The page's fact ids when a commodity has several spellings: each one's facts are read in reading
    order from its own part of the index, no further than the page's end, and the heads merged."""
    heads = [select(*_READING).where(*_conditions(flt, [s])).order_by(*_READING).limit(offset + limit).subquery()
             for s in spellings]
    merged = union_all(*[select(head) for head in heads]).subquery()
    page = select(merged.c.id).order_by(merged.c.post_id, merged.c.sentence_start, merged.c.id)
    return list(conn.execute(page.offset(offset).limit(limit)).scalars())


def _facts_in_order(conn: Connection, ids: Sequence[int]) -> list[Fact]:
    """These facts with their posts' titles, in the order of `ids`."""
    if not ids:
        return []
    by_id = {row.id: fact_from_row(row) for row in conn.execute(with_titles().where(facts.c.id.in_(ids)))}
    return [by_id[i] for i in ids if i in by_id]


def _count(conn: Connection, where: Sequence[Any], bound: int | None) -> int:
    """How many facts meet `where`, reading no more than `bound` of them (None: all)."""
    matching = select(facts.c.id).where(*where).limit(bound).subquery()
    return int(conn.execute(select(func.count()).select_from(matching)).scalar_one())


@dataclass(frozen=True)
class PostLink:
    """What a listed fact needs of its post: the title and address, and the year its periods fall in."""

    title: str
    permalink: str
    published: datetime | None


def facts_by_ids(conn: Connection, ids: Collection[int]) -> dict[int, tuple[Fact, PostLink]]:
    """These facts, each with what a listing shows of its post (no body is read).

    The facts first, then their posts, both by key: joined, SQLite's planner walked every post."""
    if not ids:
        return {}
    found = [fact_from_row(r) for r in conn.execute(with_titles().where(facts.c.id.in_(sorted(ids))))]
    links = post_links(conn, {fact.post_id for fact in found if fact.post_id is not None})
    return {fact.id: (fact, links[fact.post_id]) for fact in found
            if fact.id is not None and fact.post_id in links}


def post_links(conn: Connection, post_ids: Collection[int]) -> dict[int, PostLink]:
    """What listed facts show of these posts, by id (no body is read)."""
    if not post_ids:
        return {}
    query = (select(posts.c.id, posts.c.title, posts.c.permalink, posts.c.published)
             .where(posts.c.id.in_(sorted(post_ids))))
    return {r.id: PostLink(r.title, r.permalink, as_utc(r.published)) for r in conn.execute(query)}


FILTER_COLUMNS = FACT_FILTERS


@dataclass(frozen=True)
class Unmatched:
    """A filter value no fact has, with the stored values closest to it."""

    field: str
    value: str
    nearest: tuple[str, ...]

    @property
    def message(self) -> str:
        hint = f"; nearest: {', '.join(self.nearest)}" if self.nearest else ""
        return f"no fact has {self.field} {self.value!r}{hint}"


def nearest_values(conn: Connection, column: str, wanted: str, limit: int = 5) -> tuple[str, ...]:
    """Stored values that contain the word asked for, then those spelled closest to it."""
    return nearest_names(distinct_values(conn, column), wanted, limit)


def nearest_names(names: Iterable[str], wanted: str, limit: int = 5) -> tuple[str, ...]:
    """Of these names (in name order), those that contain the word asked for, then those spelled closest to it."""
    values = sorted(names)
    lowered = {v.casefold(): v for v in values}
    key = wanted.strip().casefold()
    containing = [v for v in values if key and key in v.casefold()]
    close = [lowered[v] for v in get_close_matches(key, list(lowered), n=limit, cutoff=0.6)]
    return tuple(dict.fromkeys(containing + close))[:limit]


# A column's stored values from where they are already at hand (the explorer's menus), instead of the facts.
KnownValues = Callable[[str], Iterable[str]]


def unmatched_filters(conn: Connection, flt: FactFilter, known: KnownValues | None = None) -> list[Unmatched]:
    """The filters that alone match no fact: why a query came back empty, and what to try."""
    out = []
    for name in FILTER_COLUMNS:
        wanted = getattr(flt, name)
        if not wanted:
            continue
        alone = FactFilter(**{name: wanted})
        spellings = commodity_spellings(conn, wanted) if name == "commodity" else None
        if spellings == [] or not _count(conn, _conditions(alone, spellings), 1):
            nearest = nearest_names(known(name), wanted) if known else nearest_values(conn, name, wanted)
            out.append(Unmatched(name, wanted, nearest))
    return out


def count_facts(conn: Connection) -> int:
    return int(conn.execute(select(func.count()).select_from(facts)).scalar_one())


def distinct_values(conn: Connection, column: str) -> list[str]:
    """The values analysts can filter a column by, for the explorer's menus."""
    col = getattr(facts.c, column)
    return [v for v in conn.execute(select(col).where(col.is_not(None)).distinct().order_by(col)).scalars()]


def series_periods(conn: Connection) -> list[tuple[str, str, str | None, str | None, str | None, str]]:
    """(commodity, metric, country, partner, unit, period) of each market-wide dated figure, once however often
    reported: what the series menu counts (analysis.series.series_keys), as a series' page draws a point per period.

    Company figures are left out: a carmaker's sales are not a point of the market's series.
    """
    key = (facts.c.commodity, facts.c.metric, facts.c.country, facts.c.partner, facts.c.unit, facts.c.period)
    query = (select(*key).where(facts.c.value.is_not(None), facts.c.period.is_not(None), facts.c.period != "",
                                facts.c.commodity.is_not(None), facts.c.company.is_(None))
             .distinct().order_by(*key))
    return [(r[0], r[1], r[2], r[3], r[4], r[5]) for r in conn.execute(query)]


def facts_of_posts(conn: Connection, post_ids: Collection[int]) -> dict[int, list[Fact]]:
    """The facts of each of these posts (readable ones only), in reading order."""
    if not post_ids:
        return {}
    query = (select(facts, posts.c.title).join(posts, posts.c.id == facts.c.post_id)
             .where(facts.c.post_id.in_(sorted(post_ids))).order_by(*_order(None, False)))
    found: dict[int, list[Fact]] = {}
    for row in conn.execute(query):
        found.setdefault(row.post_id, []).append(fact_from_row(row))
    return found
