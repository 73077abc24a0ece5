"""The explorer's filter menus and the series menu as pages show them, and the suggestions API behind them.

A page lists only each menu's most reported entries (and the chosen one); any other value is typed,
with suggestions from `GET /api/facts/values` (static/suggest.js) or, without JavaScript, by sending
the form. So /data and /data/series cost what they show, whether the archive names forty companies
or forty thousand.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Literal
from urllib.parse import urlencode

from fastapi import Query, Request
from pydantic import BaseModel, Field

from metalnomist.analysis.menus import Choice, Menus, search_key
from metalnomist.analysis.series import SeriesKey
from metalnomist.models import FACT_FILTERS
from metalnomist.store.facts import FactFilter

TOP_CHOICES = 12  # per filter: enough to click the usual ones, few enough to read
TOP_SERIES = 25
MAX_SUGGESTIONS = 50
MAX_TYPED_CHARS = 100  # longer than any stored name a reader would type the start of

# The filters of models.FACT_FILTERS, in order (a test holds them equal).
FilterField = Literal["commodity", "metric", "country", "partner", "company", "period", "source"]


@dataclass(frozen=True)
class FilterMenu:
    """One filter of the form: what is chosen, and the short list offered beside typing."""

    name: str
    chosen: str
    choices: tuple[Choice, ...]
    known: int  # how many values the facts have in all, which the list may not show

    def label(self, choice: Choice) -> str:
        shown = choice.value.replace("_", " ") if self.name == "metric" else choice.value
        return f"{shown} ({choice.facts:,})"


def filter_menus(menus: Menus, flt: FactFilter) -> list[FilterMenu]:
    """Each filter's most reported values, with the chosen one first when the short list lacks it."""
    out = []
    for name in FACT_FILTERS:
        index = menus.choices[name]
        chosen = getattr(flt, name) or ""
        top = index.top(TOP_CHOICES)
        if chosen and search_key(chosen) not in {search_key(c.value) for c in top}:
            found = [c for c in index.find(chosen, TOP_CHOICES) if search_key(c.value) == search_key(chosen)]
            top = (*found[:1], *top)
        out.append(FilterMenu(name, chosen, top, len(index)))
    return out


@dataclass(frozen=True)
class SeriesMenu:
    """The most reported series, or those whose title has a word starting with what was searched for."""

    keys: tuple[SeriesKey, ...]
    known: int
    find: str
    more: bool  # more titles match than are listed


def series_menu(menus: Menus, find: str | None) -> SeriesMenu:
    typed = (find or "").strip()
    shown = MAX_SUGGESTIONS if typed else TOP_SERIES
    keys = menus.series.find(typed, shown + 1) if typed else menus.series.top(shown + 1)
    return SeriesMenu(tuple(keys[:shown]), len(menus.series), typed, len(keys) > shown)


SuggestionLimit = Annotated[int, Query(ge=1, le=MAX_SUGGESTIONS,
                                       description=f"At most this many, 1 to {MAX_SUGGESTIONS}.")]
Found = Annotated[str | None, Query(max_length=MAX_TYPED_CHARS,
                                    description="Words that start the series' title, e.g. `nickel imp`.")]


# --- JSON API -----------------------------------------------------------------------------------


class ValueOut(BaseModel):
    value: str = Field(description="The stored value, as a filter of `/data` or `/api/facts` takes it.")
    facts: int = Field(description="How many facts have it.")


class ValueList(BaseModel):
    field: FilterField
    prefix: str
    values: list[ValueOut] = Field(description="Values with a word starting with `prefix`, by name; without "
                                               "`prefix`, the most reported ones.")


def api_fact_values(
    request: Request,
    field: Annotated[FilterField, Query(description="The filter whose values to suggest.")],
    prefix: Annotated[str, Query(max_length=MAX_TYPED_CHARS,
                                 description="The start of any word of the value, any case: `tin` finds Rio Tinto.")]
    = "",
    limit: SuggestionLimit = 20,
) -> ValueList:
    """Stored values of one facts filter, for suggestions as an analyst types."""
    index = request.app.state.fact_menus.get().choices[field]
    return ValueList(field=field, prefix=prefix,
                     values=[ValueOut(value=c.value, facts=c.facts) for c in index.find(prefix, limit)])


class SeriesTitleOut(BaseModel):
    value: str = Field(description="The series' title, e.g. `Nickel imports in Japan`.")
    facts: int = Field(description="How many points it has.")
    url: str = Field(description="Its page on this site.")


class SeriesTitleList(BaseModel):
    prefix: str
    values: list[SeriesTitleOut] = Field(description="Series whose title has a word starting with `prefix`, by "
                                                     "title; without `prefix`, the longest ones.")


def api_series_titles(
    request: Request,
    prefix: Annotated[str, Query(max_length=MAX_TYPED_CHARS,
                                 description="The start of any word of the title, any case: `imp` finds imports.")]
    = "",
    limit: SuggestionLimit = 20,
) -> SeriesTitleList:
    """Series with two or more points, found by their titles, for suggestions as an analyst types."""
    keys = request.app.state.fact_menus.get().series.find(prefix, limit)
    return SeriesTitleList(prefix=prefix, values=[SeriesTitleOut(value=k.title, facts=k.points, url=series_url(k))
                                                  for k in keys])


def series_url(key: SeriesKey) -> str:
    return "/data/series?" + urlencode(key.params())
