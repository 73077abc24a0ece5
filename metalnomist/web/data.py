"""The analysts' pages and API: the facts explorer, series charts, contradictions, and facts on a post page.

Each route parses its parameters into values, calls metalnomist.analysis or the store, and renders.
Filters and sort travel in the query string, so every view (and its CSV or JSON download) is a
shareable URL; sort columns come from a closed list, so request text never names a column.
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass, replace
from typing import Annotated, Any, Literal
from urllib.parse import urlencode

from fastapi import Depends, Query, Request
from fastapi.responses import Response
from pydantic import AfterValidator, BaseModel, Field
from pydantic_core import PydanticCustomError

from metalnomist.analysis.contradictions import Contradiction, contradictions
from metalnomist.analysis.figures import describe, format_change, format_pct, format_quantity
from metalnomist.analysis.periods import period_text
from metalnomist.analysis.segments import Segment, post_facts, segment_blocks
from metalnomist.analysis.series import SeriesPoint
from metalnomist.extract.export import fact_to_dict, write_csv
from metalnomist.models import FACT_FILTERS, MAX_STORED_INT, Block, Fact, Post
from metalnomist.pipeline import Archive, counted_in_full, explain_no_facts, fact_post_links, find_facts
from metalnomist.store.facts import SORT_COLUMNS, FactFilter, SortColumn
from metalnomist.web.data_menus import filter_menus, series_menu
from metalnomist.web.render import archive_of, render, split_commentary
from metalnomist.web.watch_offer import render_offering

FILTERS = FACT_FILTERS
MAX_FILTER_CHARS = 200  # the longest vocabulary value is far shorter; longer text is a mistake or an attack
MAX_PAGE = 500
SORT_LABELS: dict[str, str] = {name: "Change" if name == "change_pct" else name.capitalize() for name in SORT_COLUMNS}

FORMATTERS: dict[str, Any] = {"fmt_quantity": format_quantity, "fmt_change": format_pct, "fmt_period": period_text}


def no_nul(value: str) -> str:
    """Refuse NUL in a filter: no stored name has one (PostgreSQL text cannot), and its driver fails the query."""
    if "\x00" in value:
        raise PydanticCustomError("nul_character", "text may not contain a NUL character (%00)")
    return value


NoNul = Annotated[str, AfterValidator(no_nul)]  # a filter's text, refused (400/422 naming it) when it holds NUL
Filter = Annotated[NoNul | None, Query(max_length=MAX_FILTER_CHARS, description="Whole value, any case.")]
Text = Annotated[NoNul | None, Query(max_length=MAX_FILTER_CHARS, description="Words in the sentence or title.")]
# "" is what the form's "reading order" choice sends; anything outside the list is refused (400).
Sort = Annotated[SortColumn | Literal[""] | None, Query(description="Column to sort by; reading order when empty.")]
Direction = Annotated[Literal["asc", "desc"], Query(alias="dir", description="Sort direction.")]
Start = Annotated[int, Query(ge=0, le=1_000_000, description="How many facts to skip.")]
PageSize = Annotated[int, Query(ge=1, le=MAX_PAGE, description=f"Facts per page, 1 to {MAX_PAGE}.")]


@dataclass(frozen=True)
class FactQuery:
    """One view of the explorer: filters, sort and page, and the URLs that reproduce it."""

    flt: FactFilter
    sort: SortColumn | None = None
    descending: bool = False
    start: int = 0
    limit: int = 50

    def params(self) -> list[tuple[str, str]]:
        pairs = [(name, getattr(self.flt, name)) for name in FILTERS]
        pairs += [("q", self.flt.text), ("post_id", str(self.flt.post_id) if self.flt.post_id else None),
                  ("sort", self.sort), ("dir", "desc" if self.sort and self.descending else None),
                  ("start", str(self.start) if self.start else None),
                  ("limit", str(self.limit) if self.limit != 50 else None)]
        return [(k, v) for k, v in pairs if v]

    def url(self, path: str = "/data", **changes: Any) -> str:
        query = urlencode(replace(self, **changes).params()) if changes else urlencode(self.params())
        return f"{path}?{query}" if query else path

    def feed_url(self) -> str:
        """The Atom feed of these filters' figures, newest first (sort and page do not apply)."""
        return FactQuery(self.flt).url("/data/feed")

    def chips(self) -> list[tuple[str, str]]:
        """(text, URL without it) for each active filter, so a collapsed filter form still says what applies."""
        shown = [(name.capitalize(), name, getattr(self.flt, name)) for name in FILTERS]
        shown += [("Words", "text", self.flt.text), ("Post", "post_id", self.flt.post_id and "this post")]
        return [(f"{label}: {str(value).replace('_', ' ')}", self.url(flt=replace(self.flt, **{field: None}),
                                                                     start=0))
                for label, field, value in shown if value]

    def filter_url(self, field: str, value: str) -> str:
        """The same view with one filter set to another value (a suggested name), from the first page."""
        changed: dict[str, Any] = {field: value}
        return self.url(flt=replace(self.flt, **changed), start=0)

    def sort_url(self, column: str) -> str:
        """Clicking the sorted column flips its direction; another column starts ascending."""
        descending = not self.descending if self.sort == column else column == "value"
        return self.url(sort=column, descending=descending, start=0)


def fact_filter(commodity: Filter = None, metric: Filter = None, country: Filter = None, partner: Filter = None,
                company: Filter = None, period: Filter = None, source: Filter = None, q: Text = None,
                post_id: Annotated[int | None, Query(ge=1, le=MAX_STORED_INT)] = None) -> FactFilter:
    """The filters of the explorer and of the facts feed; an empty select (`any`) means no filter."""
    values = {"commodity": commodity, "metric": metric, "country": country, "partner": partner,
              "company": company, "period": period, "source": source, "text": q}
    return FactFilter(post_id=post_id, **{k: (v.strip() or None) if v else None for k, v in values.items()})


Filters = Annotated[FactFilter, Depends(fact_filter)]


def fact_query(flt: Filters, sort: Sort = None, direction: Direction = "asc",
               start: Start = 0, limit: PageSize = 50) -> FactQuery:
    """The explorer's parameters: filters, sort and page."""
    return FactQuery(flt, sort or None, direction == "desc", start, limit)


Explorer = Annotated[FactQuery, Depends(fact_query)]


@dataclass(frozen=True)
class FactRow:
    """A fact as the table and the post page show it."""

    fact: Fact
    permalink: str
    reading: str

    @property
    def href(self) -> str:
        return f"{self.permalink}#fact-{self.fact.id}"

    @property
    def value_text(self) -> str:
        return format_quantity(self.fact.value, self.fact.unit, self.fact.value_max)

    @property
    def change_text(self) -> str:
        return format_change(self.fact)

    @property
    def period_text(self) -> str:
        return period_text(self.fact.period)

    @property
    def what_text(self) -> str:
        """What, where and when without the value: enough to tell a post's look-alike figures apart."""
        f = self.fact
        parts = [f.metric.replace("_", " "), f.commodity, f.country, f"partner {f.partner}" if f.partner else None,
                 f.company, f.period]
        return " · ".join(p for p in parts if p)

    @property
    def series_url(self) -> str | None:
        """Only dated figures of a named commodity belong to a series."""
        f = self.fact
        if f.value is None or not f.period or not f.commodity:
            return None
        pairs = {"commodity": f.commodity, "metric": f.metric, "country": f.country, "partner": f.partner,
                 "unit": f.unit, "company": f.company}
        return "/data/series?" + urlencode({k: v for k, v in pairs.items() if v})


def _rows(archive: Archive, found: list[Fact]) -> list[FactRow]:
    links = fact_post_links(archive, found)
    return [FactRow(f, links[f.post_id].permalink if f.post_id in links else "", describe(f)) for f in found]


def _run(archive: Archive, view: FactQuery) -> tuple[list[Fact], int]:
    return find_facts(archive, view.flt, view.start, view.limit, view.sort, view.descending)


def data_page(request: Request, view: Explorer,
              format: Annotated[Literal["html", "csv", "json"], Query()] = "html") -> Response:
    """The facts explorer: filter menus, a sortable table, pages, downloads and the series menu."""
    if format != "html":
        return _download(request, view, format)
    archive = archive_of(request)
    found, total = _run(archive, view)
    menus = request.app.state.fact_menus.get()
    end = view.start + len(found)
    pager = {"newer": view.url(start=max(view.start - view.limit, 0)) if view.start else None,
             "older": view.url(start=end) if end < total else None}
    context = {"view": view, "rows": _rows(archive, found), "total": total,
               "total_exact": counted_in_full(total, view.start, view.limit), "menus": filter_menus(menus, view.flt),
               "sort_labels": SORT_LABELS, "pager": pager, "series_menu": series_menu(menus, None),
               "csv_url": view.url("/data.csv"), "json_url": view.url("/data.json"), "kind": "data",
               "unmatched": explain_no_facts(archive, view.flt, menus.names) if not total else [],
               "watch_kind": "facts", "watch_button": "Watch these figures", "watch_fields": watch_fields(view.flt)}
    return render_offering(request, "data.html", context)


def watch_fields(flt: FactFilter) -> list[tuple[str, str]]:
    """What a facts watch keeps of a view: its filters (not one post's facts, nor sort or page)."""
    fields = [(name, getattr(flt, name)) for name in FILTERS] + [("q", flt.text)]
    return [(name, value) for name, value in fields if value]


def _download(request: Request, view: FactQuery, kind: str) -> Response:
    """Exactly the rows the same URL shows as a table: same filters, sort and page."""
    archive = archive_of(request)
    found, total = _run(archive, view)
    headers = {"Content-Disposition": f'attachment; filename="metalnomist-facts.{kind}"'}
    if kind == "csv":
        stream = io.StringIO()
        write_csv(found, stream)
        return Response(stream.getvalue(), media_type="text/csv; charset=utf-8", headers=headers)
    rows = _rows(archive, found)
    body = {"total": total, "total_exact": counted_in_full(total, view.start, view.limit),
            "offset": view.start, "limit": view.limit, "sort": view.sort,
            "dir": "desc" if view.descending else "asc",
            "facts": [{"id": r.fact.id, "url": r.href, **fact_to_dict(r.fact)} for r in rows]}
    return Response(json.dumps(body, ensure_ascii=False), media_type="application/json", headers=headers)


def data_csv(request: Request, view: Explorer) -> Response:
    return _download(request, view, "csv")


def data_json(request: Request, view: Explorer) -> Response:
    return _download(request, view, "json")


# --- contradictions ------------------------------------------------------------------

PAIRS_PER_PAGE = 50
PairStart = Annotated[int, Query(ge=0, le=MAX_STORED_INT, description="How many pairs to skip.")]
PairLimit = Annotated[int, Query(ge=1, le=MAX_PAGE, description=f"Pairs per page, 1 to {MAX_PAGE}.")]


def contradictions_page(request: Request, start: PairStart = 0, limit: PairLimit = PAIRS_PER_PAGE) -> Response:
    """One page of disputed figures, each by its two reports furthest apart, with links to the pages around it."""
    with archive_of(request).store.reading() as conn:
        pairs, total = contradictions(conn, start, limit)
    size = f"&limit={limit}" if limit != PAIRS_PER_PAGE else ""
    pager = {"newer": f"/data/contradictions?start={max(start - limit, 0)}{size}" if start else None,
             "older": f"/data/contradictions?start={start + limit}{size}" if start + len(pairs) < total else None}
    return render(request, "data_contradictions.html",
                  {"pairs": pairs, "total": total, "start": start, "pager": pager, "kind": "data", **FORMATTERS})


# --- the post page's facts ----------------------------------------------------------------------


def post_fact_context(archive: Archive, post: Post) -> dict[str, Any]:
    """The article's blocks with fact sentences marked, and the post's facts as a list beside the text."""
    assert post.id is not None
    with archive.store.reading() as conn:
        found = post_facts(conn, post.id)
    segments = segment_blocks(post, found)
    article, _ = split_commentary(post.blocks)
    in_article = {id(b) for b in article}
    blocks: list[tuple[Block, tuple[Segment, ...]]] = [
        (block, segs) for block, segs in zip(post.blocks, segments, strict=True) if id(block) in in_article]
    rows = [FactRow(f, post.permalink or "", describe(f)) for f in found]
    return {"fact_blocks": blocks, "fact_rows": rows, "fact_reading": describe}


# --- JSON API -----------------------------------------------------------------------------------


class PointOut(BaseModel):
    fact_id: int
    period: str
    value: float
    value_max: float | None
    unit: str | None
    change_pct: float | None
    forecast: bool
    post_id: int
    post_title: str
    url: str = Field(description="The permalink of the post, anchored at the fact's sentence.")
    sentence: str


class ContradictionOut(BaseModel):
    """A figure posts report more than 1% apart, by its two reports furthest apart (first: the earlier post's)."""

    commodity: str
    metric: str
    country: str | None
    partner: str | None
    company: str | None = Field(description="the company whose figure it is; null for the market's")
    unit: str | None
    period: str
    difference_pct: float
    first: PointOut
    second: PointOut


class ContradictionList(BaseModel):
    total: int
    contradictions: list[ContradictionOut]


def point_out(p: SeriesPoint) -> PointOut:
    return PointOut(fact_id=p.fact_id, period=p.period, value=p.value, value_max=p.value_max, unit=p.unit,
                    change_pct=p.change_pct, forecast=p.forecast, post_id=p.post_id, post_title=p.post_title,
                    url=p.href, sentence=p.sentence)


def _contradiction_out(c: Contradiction) -> ContradictionOut:
    return ContradictionOut(commodity=c.key.commodity, metric=c.key.metric, country=c.key.country,
                            partner=c.key.partner, company=c.company, unit=c.key.unit, period=c.period,
                            difference_pct=round(c.difference_pct, 3), first=point_out(c.first),
                            second=point_out(c.second))


def api_contradictions(request: Request, offset: PairStart = 0, limit: PairLimit = PAIRS_PER_PAGE) -> ContradictionList:
    """Pairs of posts that report one figure (same series, unit and period) more than 1% apart, by
    commodity, metric and period; `total` counts them all."""
    with archive_of(request).store.reading() as conn:
        pairs, total = contradictions(conn, offset, limit)
    return ContradictionList(total=total, contradictions=[_contradiction_out(c) for c in pairs])
