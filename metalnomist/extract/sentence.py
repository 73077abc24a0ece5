"""Everything the field choosers need to know about one sentence, computed once."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import datetime

from metalnomist.extract import vocab
from metalnomist.extract.backward import ending
from metalnomist.extract.entities import Entities, find_entities
from metalnomist.extract.fiscal import FiscalYear, company_fiscal_year
from metalnomist.extract.grammar import (
    BasisMention,
    Clause,
    Item,
    basis_for,
    classify,
    clause_of,
    find_bases,
    pair,
    split_clauses,
)
from metalnomist.extract.periods import PeriodMention, find_periods
from metalnomist.extract.quantities import find_quantities
from metalnomist.text import fold_quotes


@dataclass(frozen=True)
class Trigger:
    start: int
    end: int
    metric: str


@dataclass
class Draft:
    """A fact in the making: its anchor item, attached changes, and the fields chosen so far."""

    anchor: Item
    value: float | None
    value_max: float | None
    unit: str | None
    change_pct: float | None = None
    change_basis: str | None = None
    change_pp: float | None = None
    bound: str | None = None
    comparison: bool = False
    metric_hint: str | None = None
    fields: dict[str, object] = field(default_factory=dict)


@dataclass
class SentenceView:
    text: str
    clauses: list[Clause]
    entities: Entities
    periods: list[PeriodMention]
    bases: list[BasisMention]
    triggers: list[Trigger]
    items: list[Item]

    def clause_text(self, clause: Clause) -> str:
        return self.text[clause.start : clause.end]

    def main_clauses(self, segment: int | None = None) -> list[Clause]:
        return [c for c in self.clauses if not c.explanatory and (segment is None or c.segment == segment)]

    def in_segment(self, clause: Clause, position: int) -> bool:
        """Whether `position` falls in the segment of `clause` (`output rose 4%, but net profit fell 70%`: two)."""
        return any(c.segment == clause.segment and c.start <= position < c.end for c in self.clauses)

    def has_items(self, clause: Clause) -> bool:
        return any(clause.start <= i.q.start < clause.end for i in self.items)

    def is_aside(self, clause: Clause) -> bool:
        """`Indonesia, the world's largest nickel producer, supplied …`, `Antamina, jointly owned by BHP and
        Glencore, …`: an appositive between commas describes the noun before it; it names neither the series,
        the commodity nor the company of a figure."""
        first = next(c for c in self.clauses if c.segment == clause.segment)
        return clause is not first and _APPOSITIVE.match(self.clause_text(clause)) is not None


_APPOSITIVE = re.compile(
    r"(?:the|a|an|where|including|excluding)\s|(?:(?:jointly|majority|wholly|partly|fully)\s+)?"
    r"(?:owned|operated|controlled|run)\s+by\s",
    re.I,
)


def read_sentence(
    sentence: str,
    published: datetime | None,
    abbreviations: dict[str, tuple[str, str]],
    report_year: int | None = None,
    fiscal: FiscalYear | None = None,
    week_month: str | None = None,
    present_year: int | None = None,
    report_fiscal: int | None = None,
    fiscal_home: str | None = None,
) -> SentenceView:
    text = fold_quotes(sentence)
    clauses = split_clauses(text)
    entities = find_entities(text, abbreviations)
    fiscal = _company_fiscal(entities, fiscal, fiscal_home)
    items = [classify(q, text, clause_of(clauses, q.start)) for q in find_quantities(text)]
    _continue_comparisons(items, text)
    bases = find_bases(text)
    for item in items:
        if item.role == "change":
            item.basis = basis_for(item, bases, clauses)
    pair(items, text)
    return SentenceView(
        text,
        clauses,
        entities,
        find_periods(text, published, report_year, fiscal, week_month, present_year, report_fiscal),
        bases,
        _triggers(entities),
        items,
    )


def _company_fiscal(entities: Entities, fiscal: FiscalYear | None, home: str | None) -> FiscalYear | None:
    """`Vale produced 83.6 Mt in the second quarter` in a post on Fortescue's FY26: a company from another
    country than the one whose fiscal year the post follows reports on its own home's year (Vale's: the
    calendar's)."""
    if fiscal is None or not fiscal.quarters or home is None:
        return fiscal
    firm = next((m for m in entities.organisations if m.kind == "company"), None)
    own = vocab.organisation_countries().get(firm.canonical) if firm else None
    return fiscal if own is None or own == home else replace(company_fiscal_year(own), quarters=True)


# Between two figures of one list: `USD 97 million in August, USD 71 million in November and …`.
_LIST_GAP = re.compile(r"[^,;.]{0,40}?(?:,\s*|\s+and\s+)(?:a\s+|an\s+|the\s+)?")
# Between a tonnage and its value compared with together: `compared with 5,700 tonnes and US$ 128 million in July 2023`.
_AND_GAP = re.compile(r"\s+and\s+")


def _continue_comparisons(items: list[Item], text: str) -> None:
    """`compared to a high of USD 97 million in August, USD 71 million in November and USD 45 million
    in December 2017`: the figures listed after a compared-with figure are compared with too."""
    for before, item in zip(items, items[1:], strict=False):
        if (
            before.role == "comparison"
            and item.role == "level"
            and (_LIST_GAP.fullmatch(text, before.q.end, item.q.start) if item.q.unit == before.q.unit
                 else _AND_GAP.fullmatch(text, before.q.end, item.q.start))
        ):
            item.role = "comparison"


def _triggers(entities: Entities) -> list[Trigger]:
    """Metric words, except those naming a commodity (`Sales of imported EVs`: sales of them, not imports);
    an all-goods name keeps its metric (`mining output` is production)."""
    named = [(m.start, m.end) for m in entities.commodities if m.canonical != vocab.NO_COMMODITY]
    return [Trigger(start, end, metric) for start, end, metric in vocab.metric_triggers().find(entities.masked)
            if not any(a <= start and end <= b for a, b in named)]


def drafts(view: SentenceView) -> list[Draft]:
    """One draft per level, comparison or difference, and per change left without a level."""
    out: list[Draft] = []
    for item in view.items:
        if _names_currency(view, item):
            continue  # `the Australian dollar weakening 1.2%` is an exchange rate, not a market figure
        if item.role in {"level", "comparison"}:
            out.append(_level_draft(item))
        elif item.role == "diff":
            sign = item.change or 1.0  # `fell by $50-100/t`: both ends of the difference are falls
            value_max = sign * item.q.value_max if item.q.value_max is not None else None
            out.append(Draft(item, sign * item.q.value, value_max, item.q.unit, bound=item.q.bound))
        elif item.role == "change" and not item.paired:
            out.extend(_change_drafts(item, view))
    return out


_CURRENCY_SUBJECT = ending(
    r"\b(?:dollar|yen|yuan|renminbi|euro|won|rupee|ringgit|rand|real|peso|rouble|greenback|currency)\s+"
    r"(?:\w+\s+){0,2}$",
    re.I,
)


def _names_currency(view: SentenceView, item: Item) -> bool:
    """A currency is the subject of the figure, and not the unit of one before it (`by 200 yuan to 4,100`)."""
    named = _CURRENCY_SUBJECT.search(view.text, item.clause.start, item.q.start)
    return named is not None and not any(i.q.start <= named.start() < i.q.end for i in view.items)


def _level_draft(item: Item) -> Draft:
    draft = Draft(
        item, item.q.value, item.q.value_max, item.q.unit, bound=item.q.bound, comparison=item.role == "comparison"
    )
    for change in item.attached:
        if change.role == "pp":
            draft.change_pp = change.change
        elif draft.change_pct is None:
            draft.change_pct, draft.change_basis = change.change, change.basis
    return draft


def _change_drafts(item: Item, view: SentenceView) -> list[Draft]:
    """`Both export and domestic consumption figures rose 10%` is two facts, one per series."""
    base = Draft(item, None, None, None, change_pct=item.change, change_basis=item.basis, bound=item.q.bound)
    before = [t for t in view.triggers if item.clause.start <= t.end <= item.q.start]
    for first, second in zip(before, before[1:], strict=False):
        gap = view.text[first.end : second.start]
        if first.metric != second.metric and re.fullmatch(r"\s+and\s+(?:\w+\s+)?", gap):
            return [
                Draft(item, None, None, None, item.change, item.basis, bound=item.q.bound, metric_hint=m)
                for m in (first.metric, second.metric)
            ]
    return [base]
