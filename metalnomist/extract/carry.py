"""What carries from sentence to sentence, as transitions that return the state after them.

Each takes the state the text has established and what one sentence, or one fact of it, says,
and returns the state the next sentence reads: a sentence credits a country's statistics
(`read_statistics`), a sentence without figures frames the ones after it (`frame`), a fact
carries its series, commodity and period on (`remember`), and every sentence leaves its
geography and subject behind it (`after_sentence`).
"""

from __future__ import annotations

import re

from metalnomist.extract import metrics as metric_rules
from metalnomist.extract.entities import is_demonym
from metalnomist.extract.periods import PeriodMention
from metalnomist.extract.places import tariff_levier
from metalnomist.extract.post import PostState, evolve, scope_of
from metalnomist.extract.sentence import Draft, SentenceView
from metalnomist.extract.subjects import agency_country, framing_commodity
from metalnomist.extract.vocab import INPUTS
from metalnomist.models import Fact
from metalnomist.months import MONTHS

# Vague present time: a figure or frame so worded is for no reported period.
UNDATED = re.compile(
    r"""\b(?:typically|usually|normally|historically|currently|now(?=\s*(?:[,.;)]|$))|pre-[\w-]+\ levels?
        |today(?!\ (?:reported|announced|said|released|published|posted)\b)  # not a release's `today reported`
        |recent(?:ly)?|at\ present|current(?!\s+(?:month|quarter|year|week|period|fiscal|financial)\b))\b""",
    re.I | re.X,
)
MONEY = frozenset({"subsidy", "budget", "investment"})
# `It imported …`, `The country's output …`: the subject is the country the sentence before opened on.
PRONOUN_SUBJECT = re.compile(r"\s*(?:It|The country)\b(?!\s+(?:is|was|has been)\s+(?:expected|likely|estimated))")
_SUBJECT_OPENING = re.compile(r"\s*(?:The\s+)?")
_UNCARRIED_SERIES = frozenset({"target", "market_share", "tariff"})


def read_statistics(view: SentenceView, state: PostState) -> PostState:
    """`NBS data show …`: the paragraph reports that country's statistics from here on."""
    para = state.paragraph
    return evolve(state, paragraph=evolve(para, data_country=agency_country(view) or para.data_country))


def frame(view: SentenceView, state: PostState) -> PostState:
    """A sentence without figures still sets the period, series and commodity it talks about."""
    para = state.paragraph
    period, effect_period, post_period = para.period, para.effect_period, state.period
    mains = view.main_clauses()
    # `Guidance for the 2025 financial year was kept unchanged:` opens a list of that year's figures
    opens_list = view.text.rstrip().endswith(":")
    for p in view.periods:
        if any(c.start <= p.start < c.end for c in mains) and _frames_period(p, view):
            period = p.period if opens_list else period or p.period
            if p.use == "effect":
                effect_period = p.period
            if (post_period is None or opens_list) and p.use != "effect" and not UNDATED.search(view.text):
                post_period = p.period
            break
    triggers = [t for t in view.triggers if metric_rules.is_trigger_metric(t)]
    paragraph = evolve(
        para,
        period=period,
        effect_period=effect_period,
        metric=triggers[0].metric if triggers else para.metric,
        commodity=framing_commodity(view) or para.commodity,
        partner=_framing_partner(view, state.focus) or para.partner,
    )
    levier = tariff_levier(view.text, view.entities.countries)
    # `Codelco has struggled to recover. The company aims to …`: the company the sentence opens on
    opener = next((m.canonical for m in view.entities.organisations if m.kind == "company" and m.start <= 3), None)
    return evolve(state, paragraph=paragraph, period=post_period, tariff_country=levier or state.tariff_country,
                  company=opener or state.company,
                  levies=state.levies or any(t.metric == "tariff" for t in view.triggers))


def _frames_period(p: PeriodMention, view: SentenceView) -> bool:
    """The period a figure-free sentence sets for the figures after it: the one it reports on, or
    when a measure takes effect; a day only in a price report (`prices hit a record Oct. 29`:
    the assessments that follow are of that day), elsewhere a day is an event's."""
    if p.use in {"period", "effect"}:
        return True
    return p.use == "date" and any(t.metric == "price" for t in view.triggers)


def _framing_partner(view: SentenceView, focus: str | None) -> str | None:
    for m in view.entities.countries:
        if (
            m.canonical != focus
            and re.search(r"\bfrom\s+(?:the\s+)?$", view.text[: m.start])
            and re.search(r"\bimports?\b", view.text)
        ):
            return m.canonical
    return None


def remember(fact: Fact, draft: Draft, state: PostState, series: str, carry_period: bool, part: bool) -> PostState:
    """What a fact carries on: its series (`series`, the metric before a cargo's tonnage was told
    apart), commodity (unless it is a `part` of what the text carries: `Of the total, LFP batteries accounted for
    63.5 GWh`), supplier, company and, unless `carry_period` is false, its period."""
    para = state.paragraph
    metric = series if series not in _UNCARRIED_SERIES else para.metric
    commodity = fact.commodity if fact.commodity not in INPUTS and not part else None
    period, post_period, last_period = para.period, state.period, state.last_period
    last_quarter, last_half = state.last_quarter, state.last_half
    forecast_period, reported_period = state.forecast_period, state.reported_period
    sentence_period, to_date_period = state.sentence_period, state.to_date_period
    carried = bool(carry_period and fact.period and not draft.comparison
                   and fact.metric not in MONEY | {"target", "tariff", "capacity"})
    if carried and _to_date(fact.period or "", state.period):
        sentence_period = to_date_period = fact.period  # an aside the sentence goes on with, not the post
    elif carried and fact.period:
        period = fact.period
        # `Total 2020 output …` in a December report, `a cumulative deficit over 2021-2024`: asides
        # nor a month's price in a report on its year (`climbed to ¥1,580/kg in December` in a post on 2017), nor a
        # month singled out (`December shipments alone were 10.4 million tonnes`, `December output reached 144.5 Mt`)
        singled = _ALONE.search(fact.sentence) or _MONTH_NAMES_SERIES.search(fact.sentence)
        narrowed = (fact.metric == "price" or singled is not None) and _part_of(fact.period, state.period or "")
        if not _within(state.period, fact.period) and not _YEARS.fullmatch(fact.period) and not narrowed:
            post_period = last_period = fact.period
        if _QUARTER.fullmatch(fact.period) and not fact.forecast:
            last_quarter = fact.period
        if _HALF.fullmatch(fact.period) and not fact.forecast:
            last_half = fact.period
        forecast_period = fact.period if fact.forecast else None
        reported_period = reported_period if fact.forecast else fact.period
    paragraph = evolve(
        para,
        metric=metric,
        commodity=commodity or para.commodity,
        partner=fact.partner if fact.partner and fact.metric == "imports" else para.partner,
        period=period,
    )
    return evolve(
        state,
        paragraph=paragraph,
        sentence_period=sentence_period,
        to_date_period=to_date_period,
        metric=metric or state.metric,
        commodity=commodity or state.commodity,
        period=post_period,
        last_period=last_period,
        last_quarter=last_quarter,
        last_half=last_half,
        forecast_period=forecast_period,
        reported_period=reported_period,
        company=fact.company or state.company,
        last_trader=fact.country if fact.metric in {"imports", "exports"} and fact.country else state.last_trader,
        levies=state.levies or fact.metric == "tariff",
        total=state.total or (fact.commodity is None and fact.country is not None and fact.metric in _TOTALS),
    )


_TOTALS = frozenset({"production", "sales", "exports", "imports"})


def _to_date(span: str, month: str | None) -> bool:
    """Whether `span` is the total so far of the month being reported on (`China imported 298,600 t in March. First-
    quarter imports totalled 812,400 t`): an aside, after which the month's report goes on."""
    m, s = _MONTH_OF.fullmatch(month or ""), _SPAN.fullmatch(span)
    if m is None or s is None or s.group(1) != m.group(1):
        return False
    _, _, _, last, quarter, half = s.groups()
    ends = int(last) if last else int(quarter) * 3 if quarter else int(half) * 6 if half else None
    return ends == int(m.group(2))


_QUARTER = re.compile(r"\d{4}-Q\d")
_HALF = re.compile(r"\d{4}-H[12]")
_ALONE = re.compile(r"\balone\b", re.I)
# `December output reached 144.5 Mt` after the year's 1,839.5 Mt: a month the series is named by, singled out
_MONTH_NAMES_SERIES = re.compile(rf"\b(?:{'|'.join(MONTHS)})\s+(?:output|production|shipments|imports|exports|sales"
                                 r"|deliveries|demand|consumption)\b")
_YEARS = re.compile(r"\d{4}/\d{4}")
_YEAR = re.compile(r"\d{4}")


_MONTH_OF = re.compile(r"(\d{4}|-)-(\d\d)")  # a year-less month (`--08`) too
_SPAN = re.compile(r"(\d{4}|-)(?:-(\d\d)/(\d{4}|-)-(\d\d)|-Q([1-4])|-H([12]))?")


def _part_of(period: str, whole: str) -> bool:
    """Whether `period` falls inside `whole`: a part of a year (`2020-12` of `2020`), or a month of a quarter, a half
    or a range of months (`April arrivals alone` after the first four months' total)."""
    month, span = _MONTH_OF.fullmatch(period), _SPAN.fullmatch(whole)
    if month is None or span is None:
        return _within(period, whole)
    year, first, last_year, last, quarter, half = (int(g) if g and g != "-" else 0 for g in span.groups())
    if first:
        start, end = (year, first), (last_year, last)
    else:
        months = (3 * quarter - 2, 3 * quarter) if quarter else (6 * half - 5, 6 * half) if half else (1, 12)
        start, end = (year, months[0]), (year, months[1])
    return start <= (int(month.group(1)) if month.group(1) != "-" else 0, int(month.group(2))) <= end


def _within(period: str | None, year: str) -> bool:
    """Whether `period` is a month, quarter or half of `year` (`2020-12` of `2020`)."""
    return bool(period) and _YEAR.fullmatch(year) is not None and str(period).startswith(year + "-")


def after_sentence(view: SentenceView, state: PostState) -> PostState:
    """The last geography the sentence names, and the country it opened on for a following `It`."""
    scope = scope_of(view.text, view.entities.countries, view.entities.global_scopes)
    opening = [m for m in view.entities.countries if _SUBJECT_OPENING.fullmatch(view.text[: m.start])]
    if opening and not is_demonym(view.text, opening[0]):
        subject: str | None = opening[0].canonical
    elif not PRONOUN_SUBJECT.match(view.text):
        subject = None  # a new subject: `it` no longer names that country
    else:
        subject = state.subject_country
    paragraph = evolve(state.paragraph, scope=scope or state.paragraph.scope)
    if opening and _TRADES.match(view.text, opening[0].end) and not is_demonym(view.text, opening[0]):
        # `China's imports of copper scrap climbed …. Japan was the top supplier`: China's statistics from here on
        paragraph = evolve(paragraph, data_country=opening[0].canonical)
    return evolve(state, paragraph=paragraph, subject_country=subject)


_TRADES = re.compile(r"['’]s\s+(?:[\w-]+\s+){0,2}?(?:imports|exports)\b|\s+(?:imported|exported)\b", re.I)
