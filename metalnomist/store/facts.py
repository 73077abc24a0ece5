"""Stored market facts: replaced per post on (re-)extraction, filtered for analysts."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, fields
from datetime import datetime
from difflib import get_close_matches
from typing import Any, Literal, get_args

from sqlalchemy import Connection, delete, func, insert, literal, or_, select, update

from metalnomist.models import FACT_FIELDS, FACT_FILTERS, FACT_IDS, Fact
from metalnomist.store.contradictions import find_contradictions, series_key
from metalnomist.store.revision import note_facts_changed
from metalnomist.store.schema import as_utc, contradiction_rows, fact_rows, facts, ingests, posts

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


def replace_facts(conn: Connection, by_post: Mapping[int, Sequence[Fact]], batch: int | None = None) -> None:
    """Each listed post's facts become exactly these: one delete and one insert for the lot.

    The contradictions their old facts took part in go with them; those the new ones form are
    stored, and the facts revision moves on at commit (see note_facts_changed). With `batch`, an
    unpublished ingest's: the new facts stay hidden with it, and the old ones are only marked
    retired by it, shown until it publishes (store/ingests.py).
    """
    if not by_post:
        return
    posts_listed = fact_rows.c.post_id.in_(list(by_post))
    if batch is None:
        conn.execute(delete(fact_rows).where(posts_listed))
    else:
        conn.execute(delete(fact_rows).where(posts_listed, fact_rows.c.batch == batch))
        _retire(conn, posts_listed, batch)
    rows = [{"post_id": post_id, "batch": batch, "series_key": series_key(f), **{c: getattr(f, c) for c in STORED}}
            for post_id, items in by_post.items() for f in items]
    if rows:
        conn.execute(insert(fact_rows), rows)
        find_contradictions(conn, list(by_post), batch)
    note_facts_changed(conn)


def _retire(conn: Connection, posts_listed: Any, batch: int) -> None:
    """Mark the posts' shown facts, and the contradictions they are in, as replaced by ingest `batch`."""
    shown = or_(fact_rows.c.batch.is_(None), fact_rows.c.batch.not_in(select(ingests.c.id)))
    retiring = select(fact_rows.c.id).where(posts_listed, shown, fact_rows.c.retired.is_(None))
    pairs = contradiction_rows
    conn.execute(update(pairs).where(pairs.c.retired.is_(None),
                                     or_(pairs.c.first_fact_id.in_(retiring), pairs.c.second_fact_id.in_(retiring)))
                 .values(retired=batch))
    conn.execute(update(fact_rows).where(fact_rows.c.id.in_(retiring)).values(retired=batch))


def _like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def commodity_matches(wanted: str) -> Any:
    """Its family's names, each as the whole commodity or as words of a longer one."""
    # Here, not at the top: the extractor's package loads its whole grammar, which only a
    # commodity filter needs of it (a search would pay ~0.1 s for it).
    from metalnomist.extract.vocab import commodity_family

    words = literal(" ") + func.replace(func.lower(facts.c.commodity), "-", " ") + literal(" ")
    names = commodity_family(wanted)
    return or_(func.lower(facts.c.commodity).in_(names),
               *[words.like(f"% {_like(name.replace('-', ' '))} %", escape="\\") for name in names])


def _where(query: Any, flt: FactFilter) -> Any:
    if flt.commodity:
        query = query.where(commodity_matches(flt.commodity))
    for name in FILTER_COLUMNS[1:]:
        wanted = getattr(flt, name)
        if wanted:
            query = query.where(func.lower(getattr(facts.c, name)) == wanted.lower())
    if flt.post_id is not None:
        query = query.where(facts.c.post_id == flt.post_id)
    if flt.post:
        query = query.where(posts.c.title == flt.post)
    if flt.text:
        needle = "%" + _like(flt.text.lower()) + "%"
        query = query.where(or_(func.lower(facts.c.sentence).like(needle, escape="\\"),
                                func.lower(posts.c.title).like(needle, escape="\\")))
    return query


@dataclass(frozen=True)
class FactMatcher:
    """A filter read once (its commodity's family names looked up), to test many facts without the
    database: watches test each new post's facts against thousands of filters. It keeps what `_where`
    keeps (tests compare the two)."""

    flt: FactFilter
    names: tuple[str, ...]  # the commodity's family, hyphens as spaces; () without a commodity filter

    @classmethod
    def of(cls, flt: FactFilter) -> FactMatcher:
        from metalnomist.extract.vocab import commodity_family  # see commodity_matches

        names = commodity_family(flt.commodity) if flt.commodity else ()
        return cls(flt, tuple(dict.fromkeys(n.replace("-", " ") for n in names)))

    def keeps(self, fact: Fact, title: str) -> bool:
        flt = self.flt
        if flt.commodity:
            stored = (fact.commodity or "").lower().replace("-", " ")
            if not stored or not any(f" {n} " in f" {stored} " for n in self.names):
                return False
        for name in FILTER_COLUMNS[1:]:
            wanted, stored = getattr(flt, name), getattr(fact, name)
            if wanted and (stored is None or stored.lower() != wanted.lower()):
                return False
        if (flt.post_id is not None and fact.post_id != flt.post_id) or (flt.post and title != flt.post):
            return False
        needle = (flt.text or "").lower()
        return not needle or needle in fact.sentence.lower() or needle in title.lower()


def _order(sort: SortColumn | None, descending: bool, newest_first: bool = False) -> list[Any]:
    """Nulls last in either direction (portable, unlike NULLS LAST), then reading order to break ties.

    `newest_first` (feeds) puts the latest posts' figures first, each post's in reading order."""
    reading = [facts.c.post_id, facts.c.sentence_start, facts.c.id]
    if newest_first:
        return [func.coalesce(posts.c.published, posts.c.created).desc(), facts.c.post_id.desc(), *reading[1:]]
    if sort is None:
        return reading
    column = posts.c.title if sort == "post" else getattr(facts.c, sort)
    return [column.is_(None), column.desc() if descending else column.asc(), *reading]


def fact_from_row(row: Any) -> Fact:
    """A facts row joined with its post's title."""
    return Fact(post=row.title, id=row.id, post_id=row.post_id, **{c: getattr(row, c) for c in STORED})


def query_facts(conn: Connection, flt: FactFilter, offset: int = 0, limit: int | None = None,
                sort: SortColumn | None = None, descending: bool = False,
                newest_first: bool = False) -> tuple[list[Fact], int]:
    """Facts in post and sentence order (or by one whitelisted column, or newest posts first), and how
    many match in all."""
    base = select(facts, posts.c.title).join(posts, posts.c.id == facts.c.post_id)
    query = _where(base, flt).order_by(*_order(sort, descending, newest_first)).offset(offset)
    if limit is not None:
        query = query.limit(limit)
    count = _where(select(func.count()).select_from(facts.join(posts, posts.c.id == facts.c.post_id)), flt)
    rows = conn.execute(query)
    found = [fact_from_row(r) for r in rows]
    return found, int(conn.execute(count).scalar_one())


@dataclass(frozen=True)
class PostLink:
    """What a listed fact needs of its post: the title and address, and the year its periods fall in."""

    title: str
    permalink: str
    published: datetime | None


def facts_by_ids(conn: Connection, ids: Collection[int]) -> dict[int, tuple[Fact, PostLink]]:
    """These facts, each with what a listing shows of its post (no body is read)."""
    if not ids:
        return {}
    query = (select(facts, posts.c.title, posts.c.permalink, posts.c.published)
             .join(posts, posts.c.id == facts.c.post_id).where(facts.c.id.in_(sorted(ids))))
    return {r.id: (fact_from_row(r), PostLink(r.title, r.permalink, as_utc(r.published))) for r in conn.execute(query)}


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
    values = distinct_values(conn, column)
    lowered = {v.casefold(): v for v in values}
    key = wanted.strip().casefold()
    containing = [v for v in values if key and key in v.casefold()]
    close = [lowered[v] for v in get_close_matches(key, list(lowered), n=limit, cutoff=0.6)]
    return tuple(dict.fromkeys(containing + close))[:limit]


def unmatched_filters(conn: Connection, flt: FactFilter) -> list[Unmatched]:
    """The filters that alone match no fact: why a query came back empty, and what to try."""
    out = []
    for name in FILTER_COLUMNS:
        wanted = getattr(flt, name)
        if not wanted:
            continue
        alone = _where(select(func.count()).select_from(facts.join(posts, posts.c.id == facts.c.post_id)),
                       FactFilter(**{name: wanted}))
        if not conn.execute(alone).scalar_one():
            out.append(Unmatched(name, wanted, nearest_values(conn, name, wanted)))
    return out


def count_facts(conn: Connection) -> int:
    return int(conn.execute(select(func.count()).select_from(facts)).scalar_one())


def distinct_values(conn: Connection, column: str) -> list[str]:
    """The values analysts can filter a column by, for the explorer's menus."""
    col = getattr(facts.c, column)
    return [v for v in conn.execute(select(col).where(col.is_not(None)).distinct().order_by(col)).scalars()]


def series_counts(conn: Connection, minimum: int = 2) -> list[tuple[str, str, str | None, str | None, str, int]]:
    """(commodity, metric, country, partner, unit, points) for market-wide dated figures, grouped in the database.

    Company figures are left out: a carmaker's sales are not a point of the market's series.
    """
    key = (facts.c.commodity, facts.c.metric, facts.c.country, facts.c.partner, facts.c.unit)
    query = (select(*key, func.count()).where(facts.c.value.is_not(None), facts.c.period.is_not(None),
                                               facts.c.commodity.is_not(None), facts.c.company.is_(None))
             .group_by(*key).having(func.count() >= minimum).order_by(*key))
    return [(r[0], r[1], r[2], r[3], r[4], int(r[5])) for r in conn.execute(query)]


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
