"""Post → Facts: walks the paragraphs, reads each sentence, fills every field of each draft."""

from __future__ import annotations

import re
from dataclasses import dataclass

from metalnomist.extract import metrics as metric_rules
from metalnomist.extract.carry import (
    MONEY,
    PRONOUN_SUBJECT,
    UNDATED,
    after_sentence,
    frame,
    read_statistics,
    remember,
)
from metalnomist.extract.entities import find_commodities
from metalnomist.extract.periods import PeriodMention, consecutive_years, is_delivery, year_before, year_to_date
from metalnomist.extract.places import Place, PlaceContext, place
from metalnomist.extract.post import ParagraphState, PostState, evolve, scan_post
from metalnomist.extract.sentence import Draft, SentenceView, drafts, read_sentence
from metalnomist.extract.sources import Key, attach_sources, release_key
from metalnomist.extract.subjects import (
    NO_COMMODITY,
    agency_country,
    commodity_elsewhere,
    commodity_in_clause,
    company_of,
    credits,
    exchange_country,
    framing_commodity,
)
from metalnomist.extract.vocab import CHANGE_BASES, organisation_countries
from metalnomist.models import COMMENTARY_HEADING, Block, Fact, Post
from metalnomist.months import SHORT_MONTHS
from metalnomist.text import split_sentences

_FORECAST = re.compile(
    r"\b(?:expect\w*|forecast\w*|project(?:s|ed|ing|ions?)?|predict\w*|estimated to|anticipat\w*|"
    r"plan(?:s|ned|ning)?\s+(?:to|a|an)\b"
    r"|will|set to|poised|aims?|aiming|target\w*|goals?|outlook|likely to|would|seen\s+\w+ing)\b",
    re.I,
)
_YEAR_BACK = re.compile(
    r"""[^,;.]{0,30}?\b(?:
        a\s+year\s+(?:earlier|ago|before) | year[- ](?:ago|earlier)
        | (?:the\s+)?(?:previous|prior|preceding)\s+(?:year|fiscal)
        | (?:the\s+)?same\s+(?:month|quarter|period|time)\s+(?:of\s+|in\s+)?last\s+year
    )\b""",
    re.I | re.X,
)
# A base a day or a week back (`from $15 the previous day`): still in the period reported on.
_DAYS_BACK = re.compile(
    r"""[^,;.]{0,30}?\b(?:
        (?:the\s+)?(?:previous|prior|preceding)\s+(?:day|session|trading\s+day|week)
        | a\s+(?:day|week)\s+(?:earlier|ago|before) | last\s+week | yesterday
    )\b""",
    re.I | re.X,
)
# `992,000 t during the same period last year`, `1.16mn t in the previous year`: the period the
# sentence or report is about, a year back (`over the previous year` is a change's basis instead).
_SAME_LAST_YEAR = re.compile(
    r"""\b(?:during|in)\s+the\s+(?:same\s+(?:period|quarter|months?|time)\s+(?:of\s+|in\s+)?  # the same period
        (?:last|the\s+previous|the\s+prior)\s+year                                        # last year
        |(?:previous|prior|preceding)\s+year)\b                                             # the previous year
    """,
    re.I | re.X,
)
_THE_QUARTER = re.compile(r"\b(?:this|the)\s+quarter\b", re.I)
_QUARTER_RE = re.compile(r"^\d{4}-Q\d$")
# `so far this year`, `year to date`, `takes purchases this year to 619 tons`: January to the report's end.
_YEAR_TO_DATE = re.compile(r"\b(?:so\s+far\s+this\s+year|year[- ]to[- ]date|this\s+year\s+to\s+(?=\d|[$€£¥]))", re.I)
# `for the year`, `full-year`: the calendar year of the period the report is about.
_THE_YEAR = re.compile(
    r"""\b(?:(?:for|in|during|over)\s+the\s+(?:full\s+|whole\s+)?year\b  # `for the year`
        (?!-|\s+(?:to|end\w*|before|earlier|ago|prior)\b)              # not `the year to March`, `year-ago`
        |full[- ]year\b)""",
    re.I | re.X,
)
_OPENING_YEAR = re.compile(r"^(\d{4})(?:$|-(?:\d\d|Q\d|H\d)(?:$|/))")
# What a report year can date: months, quarters, halves (a cheap test, so undated posts with
# no year-less period never pay for finding their report year).
_YEARLESS = re.compile("|".join(SHORT_MONTHS) + r"|quarter|half|months|\b[QH][1-4]\b")
# What the year an undated post is written in dates (cheap test, as for `_YEARLESS`).
_RELATIVE_YEAR = re.compile(r"\b(?:last|this|next) year\b", re.I)
# What dates by the week of an undated post (cheap test, as for `_YEARLESS`).
_WEEKLY = re.compile(r"day\b|week\b")
_QUOTE_OPENING = re.compile(r"\s*[\"“‘']")
_SAME_PERIOD = re.compile(r"\b(?:over|in|during|for) the same (?:period|month|quarter)\b", re.I)
_ENDING = re.compile(r"[.!?][\"')\]]*\s*$")


@dataclass
class Located:
    """A fact with where it came from, for the post-wide source pass."""

    fact: Fact
    sentence_index: int
    view: SentenceView
    draft: Draft


def extract_facts(post: Post) -> list[Fact]:
    """Every figure of the post's body paragraphs, in reading order.

    Everything after `The Metalnomist Commentary` is skipped, and so are the figures of headings,
    highlights and bullet lines that the body repeats: the body's sentence is their fact. Context
    (period, commodity, series, supplier, credit) carries between sentences the way the text
    carries it; `sentence_start` is the offset in `post.body`."""
    state = scan_post(post)
    scan = state.scan
    located: list[Located] = []
    framing_credits: list[tuple[int, Key, str]] = []
    offset, index = 0, 0
    for number, block in enumerate(post.blocks):
        start = offset
        offset += len(block.text) + 2
        if block.kind == "heading":
            if block.text.strip() == COMMENTARY_HEADING:
                break
            state = evolve(state, heading_commodity=_heading_commodity(block.text) or state.heading_commodity)
            if not _NUMBER.search(block.text):
                continue  # a highlight with figures is read as one: those the body does not repeat are facts
        state = evolve(state, paragraph=ParagraphState())
        opening = True
        for sentence_offset, sentence in split_sentences(block.text):
            year = scan.report_year if _YEARLESS.search(sentence) else None
            week = scan.week_month if _WEEKLY.search(sentence) else None
            present = scan.present_year if _RELATIVE_YEAR.search(sentence) or year else None
            view = read_sentence(sentence, scan.published, scan.abbreviations, year, scan.fiscal, week, present)
            if opening and not _QUOTE_OPENING.match(sentence):  # a quote comments on the report, it opens none
                state = state.new_subject([m.canonical for m in view.entities.commodities])
            opening = False
            state = read_statistics(view, state)
            found, repeated = drafts(view), False
            if _highlight(block, sentence):
                elsewhere = _numbers_outside(post.blocks, number)
                kept = [d for d in found if _figure(d, view) not in elsewhere]
                found, repeated = kept, len(kept) < len(found)
            state = evolve(state, sentence_metric=None)
            if not found or repeated:  # a figure left to the body still frames the ones after it
                state = frame(view, state)
                credit = credits(view)
                if credit:
                    commodity = framing_commodity(view) or state.paragraph.commodity or state.commodity
                    country = agency_country(view) or state.focus
                    framing_credits.append((index, release_key(view, country, commodity), credit))
            for draft in found:
                fact, state = _fact(draft, view, state, post, sentence, start + sentence_offset)
                located.append(Located(fact, index, view, draft))
            state = after_sentence(view, state)
            index += 1
    return attach_sources(located, framing_credits)


def _looks_like_headline(text: str) -> bool:
    """A short unpunctuated paragraph is a sub-heading the reader did not mark: its figures repeat the body's."""
    return len(text.split()) <= 16 and not _ENDING.search(text)


# A highlight or bullet line (`- Copper output climbs 10%`): it repeats the body's figures, or
# gives some the body does not (`up 36.2% m/m` in a wire's highlights), which are facts.
_BULLET = re.compile(r"\s*[-•*–]\s")
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _highlight(block: Block, sentence: str) -> bool:
    """A heading, a bullet line, or a short unpunctuated line: what repeats the body's figures."""
    headline = not _ENDING.search(sentence) and _looks_like_headline(block.text)
    return block.kind == "heading" or headline or _BULLET.match(block.text) is not None


def _numbers_outside(blocks: tuple[Block, ...], skipped: int) -> set[str]:
    """The numbers the other blocks write, commas dropped: what a highlight's figure is looked up in."""
    return {n.replace(",", "") for i, block in enumerate(blocks) if i != skipped for n in _NUMBER.findall(block.text)}


def _figure(draft: Draft, view: SentenceView) -> str | None:
    """The number a draft's figure is written with (`36.2` of `up 36.2% m/m`)."""
    q = draft.anchor.q
    found = _NUMBER.search(view.text, q.start, q.end)
    return found.group().replace(",", "") if found else None


def _heading_commodity(text: str) -> str | None:
    found = [m.canonical for m in find_commodities(text) if m.canonical != NO_COMMODITY]
    return found[0] if found else None


_IT = re.compile(r"\s*Its?\b")


def _fact(
    draft: Draft, view: SentenceView, state: PostState, post: Post, sentence: str, start: int
) -> tuple[Fact, PostState]:
    """The draft's fact, and the state after it."""
    para = state.paragraph
    if draft.comparison and state.sentence_metric:
        draft.metric_hint = state.sentence_metric
    base = metric_rules.base_metric(draft, view, para.metric or state.metric)
    if not draft.comparison:
        state = evolve(state, sentence_metric=base)
    pronoun = state.subject_country if PRONOUN_SUBJECT.match(view.text) else None
    company = company_of(draft, view, state.company)
    if company is None and pronoun is None and _IT.match(view.text):
        company = state.company  # `It left guidance at 323mt` after `the mining giant said …`: the company
    ctx = PlaceContext(
        pronoun or state.focus,
        state.tariff_country,
        state.scan.projects,
        para.scope,
        para.partner,
        data_country=None if pronoun else state.paragraph.data_country,
        company_country=organisation_countries().get(company or ""),
        exchange=exchange_country(view, draft) if base in {"price", "inventory"} else (False, None),
    )
    where = place(draft, view, base, ctx)
    series = "target" if metric_rules.is_target(draft, view) else _by_whom(where.metric, company, where, view)
    metric = _cargo(series, draft, view)
    commodity = _commodity(draft, view, state, metric)
    period = _period(draft, view, state, metric)
    headline = period is None and _headline_dates(draft, view, metric)
    if headline:
        period = state.scan.title_period
    unit = _unit(draft, metric, view)
    fact = Fact(
        post=post.title,
        sentence=sentence,
        metric=metric,
        value=draft.value,
        value_max=draft.value_max,
        unit=unit,
        change_pct=draft.change_pct,
        change_basis=_spec_basis(_basis(draft, view, period)),
        commodity=commodity,
        country=where.country,
        partner=where.partner,
        company=company,
        period=period,
        forecast=_forecast(draft, view),
        source=None,
        change_pp=draft.change_pp,
        bound=draft.bound,
        sentence_start=start,
        post_id=post.id,
    )
    compared = any(p.use == "comparison" and p.period == period for p in view.periods)  # a base, not the report's
    # the headline's period is read afresh; a cargo's tonnage leaves the price series carrying on
    return fact, remember(fact, draft, state, series, carry_period=not headline and not compared)


def _headline_dates(draft: Draft, view: SentenceView, metric: str) -> bool:
    """Whether a figure the text leaves undated takes the headline's period (`BHP output in FY25
    Q3`): a reported series does; a grade, completion rate, goal, plan or comparison does not."""
    undated_kinds = MONEY | {"other", "target", "tariff", "capacity"}
    return not draft.comparison and metric not in undated_kinds and not UNDATED.search(_phrase(draft, view))


_IMPORT = re.compile(r"\bimport", re.I)


_OWN_EXPORTS = re.compile(r"['’]s\s+(?:[\w-]+\s+){0,2}?exports\b", re.I)


def _by_whom(metric: str, company: str | None, where: Place, view: SentenceView) -> str:
    """Goods leaving a country are its `exports`, a producer's own deliveries its `shipments`
    (`the mining giant exported 84.1mn t`), unless the text says whose they are (`Economic Times
    reported that Chile's exports …`); a purchase with no country buying is `demand` (investors'
    gold), not anyone's imports."""
    text = view.text
    if metric in {"exports", "shipments"}:
        owned = any(m.canonical == where.country and _OWN_EXPORTS.match(text, m.end) for m in view.entities.countries)
        return "shipments" if company and not owned else "exports"
    if metric == "imports" and where.country is None and where.partner is None and not _IMPORT.search(text):
        return "demand"
    return metric


# A delivered price basis: the cargo is bought into the country it is delivered to.
_DELIVERED = re.compile(r"\b(?:CFR|CIF|C&F|cfr|cif)\b")


def _cargo(metric: str, draft: Draft, view: SentenceView) -> str:
    """A tonnage in a price report is a cargo, not a price: bought into the report's country when
    the deal is delivered there (`25,000 mt … booked at $422/mt CFR`), else sold (`an auction for a
    10,000-mt cargo … FOB`)."""
    if draft.unit != "t" or metric not in {"price", "sales"}:
        return metric
    return "imports" if _DELIVERED.search(view.text) else "sales"


def _commodity(draft: Draft, view: SentenceView, state: PostState, metric: str) -> str | None:
    found = (
        commodity_in_clause(draft, view, metric == "market_share")
        or state.paragraph.commodity
        or commodity_elsewhere(draft, view)
        or state.heading_commodity
        or state.commodity
        or state.scan.title_commodity
    )
    return None if found == NO_COMMODITY else found


def _unit(draft: Draft, metric: str, view: SentenceView) -> str | None:
    unit = draft.unit
    if unit is None:
        return None
    if unit[:3].isupper() and "/" not in unit:
        per = {i.q.unit for i in view.items if i.q.unit.startswith(unit + "/")}
        if len(per) == 1:
            return per.pop()  # `up to ¥50,000 …, a total of ¥900,000 per EV`: both per EV
    annual = metric in {"production", "capacity", "target"}
    if unit == "t/yr" and not annual:
        return "t"
    if unit in {"t", "GWh"} and draft.anchor.q.per_year and annual:
        return f"{unit}/yr"
    if unit == "t" and (metric == "capacity" or (annual and _CAPACITY.search(_phrase(draft, view)))):
        return "t/yr"  # a plant's or a country's tonnage capacity is a yearly rate, `per year` or not
    if metric == "price" and unit[:3].isupper() and "/" not in unit:
        return f"{unit}/t"
    return unit


_CAPACITY = re.compile(r"\bcapacit(?:y|ies)\b", re.I)


def _forecast(draft: Draft, view: SentenceView) -> bool:
    if draft.comparison:
        return False
    clause = view.clause_text(draft.anchor.clause)
    return bool(_FORECAST.search(view.text[: draft.anchor.q.start]) or _FORECAST.search(clause))


def _basis(draft: Draft, view: SentenceView, period: str | None) -> str | None:
    """A stated basis, or one implied by a comparison period (`from February` for a March figure)."""
    if draft.change_pct is None:
        return None
    if draft.change_basis:
        return draft.change_basis
    item = next((a for a in [draft.anchor, *draft.anchor.attached] if a.role == "change"), draft.anchor)
    clause = item.clause
    for p in view.periods:
        if p.use == "comparison" and clause.start <= p.start < clause.end and p.start > item.q.start:
            return _basis_between(p.period, period)
    return None


def _spec_basis(basis: str | None) -> str | None:
    """Week-on-week is read (so that it is not mistaken for an earlier y/y) but is not in the
    spec's vocabulary: a weekly change keeps its percent with a null basis."""
    return basis if basis in CHANGE_BASES else None


def _basis_between(base: str, period: str | None) -> str | None:
    if re.fullmatch(r"(?:\d{4})?--?\d\d", base) or re.fullmatch(r"\d{4}-\d\d", base):
        if period and period[-2:] == base[-2:]:
            return "y/y"
        return "m/m"
    if re.fullmatch(r"\d{4}-Q\d", base):
        return "y/y" if period and period[-2:] == base[-2:] and period != base else "q/q"
    quarter = re.fullmatch(r"(?:\d{4})?--?(\d\d)/(?:\d{4})?--?(\d\d)", base)
    if quarter and (int(quarter.group(2)) - int(quarter.group(1))) % 12 == 2:  # `from the December quarter`
        return "y/y" if period and period.endswith(quarter.group(2)) and period != base else "q/q"
    if re.fullmatch(r"\d{4}", base):
        return "y/y"
    return None


def _period(draft: Draft, view: SentenceView, state: PostState, metric: str) -> str | None:
    clause = view.clause_text(draft.anchor.clause)
    if UNDATED.search(_phrase(draft, view)):
        return None
    current = state.paragraph.period or state.period
    if draft.comparison and current and _YEAR_BACK.match(view.text, draft.anchor.q.end):
        return year_before(current)  # `from 31 MT in the year-ago period`
    back = _SAME_LAST_YEAR.search(view.text, draft.anchor.q.end, draft.anchor.clause.end)
    if back and draft.value is not None and not any(draft.anchor.q.end <= p.start < back.start() for p in view.periods):
        earlier = [p.period for p in view.periods if p.use == "period" and p.end <= draft.anchor.q.start]
        base = earlier[-1] if earlier else current  # the period the sentence compares with, else the report's
        if base:
            return year_before(base)
    reported = state.paragraph.period or state.last_period or state.scan.title_period
    so_far = year_to_date(reported) if reported and _YEAR_TO_DATE.search(_framing_text(draft, view)) else None
    if so_far:
        return so_far  # `purchases so far this year reached 619 t`: January to the end of the report's period
    own = _own_periods(draft, view)
    quarter = state.paragraph.period or state.last_period or state.scan.title_period
    if not own and quarter and _QUARTER_RE.search(quarter) and _THE_QUARTER.search(_framing_text(draft, view)):
        return quarter  # `during the quarter`, `this quarter`: the quarter the report is about
    year = _OPENING_YEAR.match(reported or "")
    if not own and year and _THE_YEAR.search(_framing_text(draft, view)):
        return year.group(1)  # `644,000 tonnes for the year`: the year of the report's period
    years = consecutive_years(clause)
    if years and current and re.fullmatch(r"\d{4}", current):
        return f"{int(current) - years + 1}/{current}"
    if own:
        return own[0]
    if draft.comparison:
        compared = {p.period for p in view.periods if p.use == "comparison"}
        if len(compared) == 1:
            return compared.pop()  # `in 2025 versus 2024, …, down from 5.76mn oz`: the compared-with period
        if _DAYS_BACK.match(view.text, draft.anchor.q.end):
            return state.paragraph.period  # `down from $15 the previous day`: a day back is the same month
        return None  # `to 5.1mn t from 3.8mn t`: a base the text does not date is not the report's period
    if metric == "target":
        return None
    if metric == "capacity":
        return state.scan.commissioning
    if metric in MONEY:
        return state.paragraph.effect_period
    if metric == "tariff" or (draft.anchor.q.per_year and _forecast(draft, view)):
        return None  # a planned rate (`expected to export 60mt a year`) is for no reported period
    if _SAME_PERIOD.search(clause):
        return state.paragraph.period or state.period or state.last_period  # `over the same period`
    if metric in {"price", "inventory"} and not (state.paragraph.period or state.period):
        return state.scan.week_month  # an undated market report's prices are of the trading day it reports
    return state.paragraph.period or state.period


def _framing_text(draft: Draft, view: SentenceView) -> str:
    """The figure's clause and the figure-free main clauses framing it (`Copper stood out this
    quarter, with production reaching …`)."""
    frames = [c for c in view.main_clauses() if not view.has_items(c)]
    return " ".join(view.clause_text(c) for c in [draft.anchor.clause, *frames])


def _phrase(draft: Draft, view: SentenceView) -> str:
    """The words of the figure's clause that belong to it: from the figure before it to the one after."""
    q, clause = draft.anchor.q, draft.anchor.clause
    others = [i.q for i in view.items if clause.start <= i.q.start < clause.end and i.q is not q]
    start = max((o.end for o in others if o.end <= q.start), default=clause.start)
    end = min((o.start for o in others if o.start >= q.end), default=clause.end)
    return view.text[start:end]


_COMPARED_WITH = re.compile(r"\b(?:from|than|compared|versus|vs|since|by|projection|estimate|forecast)\b", re.I)


def _follows(draft: Draft, view: SentenceView, position: int) -> bool:
    """`4,566 tons shipped in April`: a period right after the figure, no other figure between, is its own."""
    q = draft.anchor.q
    if not q.end <= position <= q.end + 40 or _COMPARED_WITH.search(view.text[q.end : position]):
        return False
    return not any(q.end <= i.q.start < position for i in view.items)


# A period naming the report a figure was given in: `in its third-quarter production report`.
_NAMES_REPORT = re.compile(r"[\s-](?:[\w-]+\s){0,2}?(?:reports?|results|updates?|statements?|earnings)\b", re.I)


_COMPARISON_WORD = re.compile(r"\b(?:from|than|compared|versus|vs)\b", re.I)


def _after_compared_figure(draft: Draft, view: SentenceView, position: int) -> bool:
    """`up $120 from the previous record of $2,444 on Sept. 14`: a period after the figure compared
    with is that figure's, not the one before the comparison."""
    q = draft.anchor.q
    word = _COMPARISON_WORD.search(view.text, q.end, position) if q.end <= position else None
    return word is not None and any(word.end() <= i.q.start < position for i in view.items)


def _cargo_month(text: str, p: PeriodMention) -> bool:
    """A loading month set off after a cargo (`a 10,000t cargo, February loading, sold at …`) names
    the cargo, not when the figure was; `March shipments rose` and `prices for July shipments` are
    the figure's own."""
    return is_delivery(text, p.end) and _SET_OFF.search(text, 0, p.start) is not None


_SET_OFF = re.compile(r"[,(]\s*$")


def _own_periods(draft: Draft, view: SentenceView) -> list[str]:
    """Periods in the figure's own clauses, then in the clauses that frame the sentence."""
    spans = [draft.anchor.clause] + [a.clause for a in draft.anchor.attached]
    allowed = {"period", "effect", "date", "deadline"}
    if draft.comparison:
        allowed.add("comparison")
    periods = [p for p in view.periods if not _cargo_month(view.text, p)]
    own = [
        p
        for p in periods
        if (p.use in allowed or _follows(draft, view, p.start))
        and any(c.start <= p.start < c.end for c in spans)
        and (draft.comparison or not _after_compared_figure(draft, view, p.start))
    ]
    reports = [p for p in own if _NAMES_REPORT.match(view.text, p.end)]
    if len(reports) < len(own):  # `2025 guidance … in its third-quarter report`: the report's is not the figure's
        own = [p for p in own if p not in reports]
    following = [p for p in own if _follows(draft, view, p.start)]
    if following:  # `USD 71 million in November and USD 45 million in December 2017`: its own, not the nearest
        return [following[0].period]
    if own:
        return [min(own, key=lambda p: abs(p.start - draft.anchor.q.start)).period]
    frames = [c for c in view.main_clauses() if not view.has_items(c)]
    return [
        p.period
        for p in periods
        if p.use in allowed - {"deadline"} and any(c.start <= p.start < c.end for c in frames)
    ]
