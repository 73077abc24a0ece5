"""One series as a page (chart and table), as JSON and as CSV, each costing what it shows.

A point is a period's figure, however many posts report it (analysis/series.py): the chart draws
every period, or CHART_POINTS of them spread over the whole range; the table lists them newest
first a page at a time, the API pages them with `offset` and `limit`, and the CSV streams every
report of every period.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import Query, Request
from fastapi.responses import Response, StreamingResponse
from pydantic import BaseModel, Field

from metalnomist.analysis.series import CHART_POINTS, Series, SeriesPoint, series, series_reports, thin
from metalnomist.extract.export import csv_pieces
from metalnomist.pipeline import Archive
from metalnomist.store.facts import FactFilter
from metalnomist.store.figures import MAX_FIGURES
from metalnomist.web.charts import NARROW, axis_title, line_chart
from metalnomist.web.data import FORMATTERS, MAX_FILTER_CHARS, FactQuery, NoNul, PointOut, point_out, watch_fields
from metalnomist.web.data_menus import Found, series_menu
from metalnomist.web.render import archive_of
from metalnomist.web.watch_offer import render_offering

TABLE_ROWS = 50  # periods per page of the table
NARROW_POINTS = 60  # a phone's chart: its points' fingertip targets would cover each other beyond
MAX_API_POINTS = 500

SeriesFilter = Annotated[NoNul | None, Query(max_length=MAX_FILTER_CHARS)]
PeriodStart = Annotated[int, Query(ge=0, le=MAX_FIGURES, description="How many of the newest periods to skip.")]


def series_page(request: Request, commodity: SeriesFilter = None, metric: SeriesFilter = None,
                country: SeriesFilter = None, partner: SeriesFilter = None, unit: SeriesFilter = None,
                company: SeriesFilter = None, grain: SeriesFilter = None, find: Found = None,
                start: PeriodStart = 0) -> Response:
    """One series as a chart and a table, newest periods first (`start`: how many to skip); without a
    commodity and metric, the menu of series (`find`: those whose title has words starting so)."""
    with archive_of(request).store.reading() as conn:
        menu = series_menu(request.app.state.fact_menus.get(), find)
        found = rows = None
        if commodity and metric:
            wanted = (conn, commodity, metric, country, partner, unit, company, grain)
            found = series(*wanted, count=CHART_POINTS, spread=True)
            rows = (found.points[::-1][start:start + TABLE_ROWS] if not found.thinned else
                    series(*wanted, skip=start, count=TABLE_ROWS).points[::-1])
    context: dict[str, Any] = {"series_menu": menu, "kind": "data", **FORMATTERS}
    if found is not None:
        params = {**found.key.params(), "company": company} if company else found.key.params()
        context.update(series=found, rows=rows, start=start, pager=_pager(found, params, start),
                       chart=line_chart(found) if found.points else None,
                       narrow_chart=line_chart(replace(found, points=tuple(thin(found.points, NARROW_POINTS))),
                                               "chart-narrow", NARROW) if found.points else None,
                       axis_title=axis_title(found), company=company, csv_url="/data/series.csv?" + urlencode(params),
                       feed_url=FactQuery(_series_filter(found, company)).feed_url(),
                       watch_kind="facts", watch_button="Watch this series",
                       watch_fields=watch_fields(_series_filter(found, company)),
                       json_url="/api/facts/series?" + urlencode(params), table_url=_table_url(found, company),
                       other_unit_urls=[(u, _series_url(params, unit=u)) for u in found.other_units],
                       other_grain_urls=[(g, _series_url(params, grain=g)) for g in found.other_grains])
    return render_offering(request, "series.html", context)


def _pager(found: Series, params: dict[str, str], start: int) -> dict[str, str | None]:
    def at(skip: int) -> str:
        return "/data/series?" + urlencode({**params, **({"start": str(skip)} if skip else {})})

    return {"newer": at(max(start - TABLE_ROWS, 0)) if start else None,
            "older": at(start + TABLE_ROWS) if start + TABLE_ROWS < found.total else None}


def _series_part(description: str, required: bool = False) -> Any:
    return Query(min_length=1 if required else None, max_length=MAX_FILTER_CHARS, description=description)


SeriesCommodity = Annotated[NoNul, _series_part("The commodity, e.g. `electric vehicles`.", required=True)]
SeriesMetric = Annotated[NoNul, _series_part("The metric, e.g. `sales` or `imports`.", required=True)]
SeriesCountry = Annotated[NoNul | None, _series_part("The country, e.g. `Japan`; absent means figures with none.")]
SeriesPartner = Annotated[NoNul | None, _series_part("The trading partner; absent means the total, not by partner.")]
SeriesUnit = Annotated[NoNul | None, _series_part("The unit, e.g. `t`; the one of most periods when absent.")]
SeriesCompany = Annotated[NoNul | None, _series_part("One company's figures, e.g. `Toyota`; absent: the market's.")]
SeriesGrain = Annotated[NoNul | None, _series_part("Period length, `month` or `year` …; the most reported if absent.")]


def series_csv(request: Request, commodity: SeriesCommodity, metric: SeriesMetric, country: SeriesCountry = None,
               partner: SeriesPartner = None, unit: SeriesUnit = None, company: SeriesCompany = None,
               grain: SeriesGrain = None) -> Response:
    """Every report of every period of the series, in period order, streamed as it is read."""
    archive = archive_of(request)
    headers = {"Content-Disposition": 'attachment; filename="metalnomist-series.csv"'}
    wanted = (commodity, metric, country, partner, unit, company, grain)
    return StreamingResponse(_reports_csv(archive, wanted), media_type="text/csv; charset=utf-8", headers=headers)


def _reports_csv(archive: Archive, wanted: tuple[str, str, str | None, str | None, str | None, str | None,
                                                 str | None]) -> Iterator[str]:
    """The CSV in pieces, read in one transaction so the export is one consistent picture."""
    with archive.store.reading() as conn:
        yield from csv_pieces(series_reports(conn, series(conn, *wanted, count=0)))


def _series_filter(found: Series, company: str | None) -> FactFilter:
    """The facts of the series' commodity, metric, country, partner and company: what its feed and watch follow."""
    key = found.key
    return FactFilter(commodity=key.commodity, metric=key.metric, country=key.country, partner=key.partner,
                      company=company)


def _series_url(params: dict[str, str], **changes: str) -> str:
    """Another series of this one's filters (its company's too): another unit (of any period length) or grain."""
    kept = {k: v for k, v in params.items() if not ("unit" in changes and k == "grain")}
    return "/data/series?" + urlencode({**kept, **changes})


def _table_url(found: Series, company: str | None) -> str:
    """The explorer filtered to the series' commodity, metric, country, partner and company (it has no filter
    for "no partner": a total's table lists the facts by partner too)."""
    key = found.key
    filters = {"commodity": key.commodity, "metric": key.metric, "country": key.country, "partner": key.partner,
               "company": company}
    return "/data?" + urlencode({k: v for k, v in filters.items() if v})


# --- JSON API -----------------------------------------------------------------------------------


class SeriesPointOut(PointOut):
    high: PointOut | None = Field(None, description="The period's highest report when it is more than 1% above "
                                                    "this one, its lowest; null when the reports agree.")


class SeriesOut(BaseModel):
    commodity: str
    metric: str
    country: str | None
    partner: str | None
    unit: str | None
    other_units: list[str] = Field(description="Units of further figures left out of this series.")
    grain: str | None = Field(None, description="How long each point's period is: `month`, `quarter`, `year` …")
    other_grains: list[str] = Field(default_factory=list,
                                    description="Period lengths of further figures, drawn as series of their own.")
    total: int = Field(description="Periods in the series: one point each, however many posts report it.")
    offset: int = Field(description="How many of the newest periods this page skips.")
    limit: int
    next: str | None = Field(description="This API's URL for the older periods, if any.")
    csv: str = Field(description="Every report of every period, as CSV (streamed).")
    points: list[SeriesPointOut] = Field(description="One per period, in period order: the newest `limit` "
                                                     "periods after the `offset` newest.")


def _series_point_out(p: SeriesPoint) -> SeriesPointOut:
    return SeriesPointOut(**point_out(p).model_dump(), high=point_out(p.high) if p.high else None)


PointLimit = Annotated[int, Query(ge=1, le=MAX_API_POINTS,
                                  description=f"Periods per page, 1 to {MAX_API_POINTS}, newest first.")]


def api_series(request: Request, commodity: SeriesCommodity, metric: SeriesMetric, country: SeriesCountry = None,
               partner: SeriesPartner = None, unit: SeriesUnit = None, company: SeriesCompany = None,
               grain: SeriesGrain = None, offset: PeriodStart = 0, limit: PointLimit = CHART_POINTS) -> SeriesOut:
    """One point per period of one commodity, metric, country and partner (none: the total), in period
    order; one unit and one period length per series. A page holds the newest `limit` periods after
    the `offset` newest; `next` asks for the older ones."""
    with archive_of(request).store.reading() as conn:
        found = series(conn, commodity, metric, country, partner, unit, company, grain, offset, limit)
    key = found.key
    params = {**key.params(), **({"company": company} if company else {})}
    following = f"/api/facts/series?{urlencode({**params, 'offset': offset + limit, 'limit': limit})}"
    return SeriesOut(commodity=key.commodity, metric=key.metric, country=key.country, partner=key.partner,
                     unit=key.unit, other_units=list(found.other_units), grain=key.grain,
                     other_grains=list(found.other_grains), total=found.total, offset=offset, limit=limit,
                     next=following if found.older else None, csv=f"/data/series.csv?{urlencode(params)}",
                     points=[_series_point_out(p) for p in found.points])
