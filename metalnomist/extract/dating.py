"""When a figure is for: the period its fact reports, the basis its change compares with, whether it is a forecast.

Split from `facts.py`, which fills the other fields: these read the figure's clause and the
periods the sentence mentions against what the post has carried so far (`PostState`).
"""

from __future__ import annotations

import itertools
import re
from datetime import date

from metalnomist.extract.backward import ending
from metalnomist.extract.carry import MONEY, UNDATED
from metalnomist.extract.grammar import LIST_JOIN, Item
from metalnomist.extract.periods import (
    PeriodMention,
    consecutive_years,
    in_year,
    is_contract_month,
    is_delivery,
    labels_a_base,
    last_month,
    year_after,
    year_before,
    year_to_date,
)
from metalnomist.extract.post import PostState
from metalnomist.extract.sentence import Draft, SentenceView
from metalnomist.extract.vocab import CHANGE_BASES, GUIDANCE
from metalnomist.months import MONTHS

_FORECAST = re.compile(
    # the verb `projects` (`METI projects crude steel output`), not the noun (`the four RKEF projects was`, `lithium
    # projects since 2021`)
    r"\b(?:expect\w*|forecast\w*|project(?:ed|ing|ions?)"
    r"|projects(?<!the\sprojects)(?<!its\sprojects)(?<!of\sprojects)(?<!for\sprojects)(?<!in\sprojects)"
    r"(?=\s+(?!(?:was|were|is|are|has|have|had|will|would|in|at"
    r"|on|of|for|to|and|or|but|that|which|with|since|under|across|by|due|now|worth|where|involve\w*)\b)[a-z])"
    r"|predict\w*|estimated to(?!\s+have\b)|anticipat\w*|"
    r"plan(?:s|ned|ning)?\s+(?:to|a|an)\b"
    r"|will|set to|slated to|poised|aims?|aiming|target\w*|goals?|outlook|likely to|would|could|might"
    r"|should(?!\s+have\b)|on\s+(?:course|track|pace)\s+(?:to|for)"
    r"|quotas?|allocated|allocations?"  # a quota is an allowance for the period ahead
    r"|seen\s+(?:\w+ing|at|between|around|near)"
    r"|sees\s+(?:[\w'’-]+\s+){0,6}?\w+ing)\b",  # `CRU sees China's steel demand falling 1%`
    re.I,
)
# `rose to 500,000 tonnes in 2023 and is forecast to reach …`: a second predicate of the subject, with its own figure
# `… and is forecast to reach`, `shipped 198.4 Mt in FY25 and expects FY26 shipments of …`: another predicate
_JOINED_PREDICATE = re.compile(r"\s(?:and|but)\s+(?:is|are|was|were|will|has|have|had|could|may|might|should"
                               r"|expects|forecasts|projects|sees|plans|aims|targets|guided)\b", re.I)
_PAST_OWNER = ending(r"\b(?:last|previous|prior)\s+(?:year|quarter|month)['’]s\s+(?:\w+\s+)?$", re.I)
# `… to exceed 115 Mt in 2025, after 118 Mt last year`: the figure compared with is what was
_PAST_CLAUSE = re.compile(
    r"\W*(?:after|against|compared\s+(?:with|to)|versus)\b[^;]*\b(?:last|previous|prior)\s+(?:year|quarter|month)\b",
    re.I,
)
_REVISED = re.compile(
    r"\b(?:rais|lift|cut|lower|trimm|revis|upgrad|downgrad|increas|reduc)\w*\s+(?:its\s+|their\s+|the\s+)?"
    r"(?:[\w-]+\s+){0,5}?(?:guidance|forecasts?|outlook|targets?|estimates?|projections?)\b",
    re.I,
)
# a base dated back a year, after its figure (`from $1.14 billion, or $4.57 per share, a year earlier`)
_YEAR_BACK = re.compile(
    r"""(?:,\s+or\s+[^,;]{1,40},|,(?=\s+a\s+year\s+(?:earlier|ago)))?
        [^,;.]{0,30}?\b(?:
        a\s+year\s+(?:earlier|ago|before) | year[- ](?:ago|earlier)
        | (?:the\s+)?(?:previous|prior|preceding)\s+(?:year|fiscal)
        | (?:the\s+)?same\s+(?:month|quarter|period|time)\s+(?:of\s+|in\s+)?last\s+year
    )\b""",
    re.I | re.X,
)
# a level dated so, right after it: `compared with a profit of $269 million a year earlier`
_A_YEAR_BACK = r"a\s+year\s+(?:earlier|ago|before)"
_LEVEL_YEAR_BACK = re.compile(rf"\s+(?:{_A_YEAR_BACK}|(?:in\s+)?the\s+year[- ](?:ago|earlier)\s+\w+)\b", re.I)
# a base bracketed after the words dating it a year back: `up 119% from a year earlier (273 tons)`
_YEAR_BACK_BRACKET = ending(
    rf"\b(?:{_A_YEAR_BACK}|(?:the\s+)?year[- ](?:ago|earlier))\s*\(\s*$", re.I)
# A sentence opening a year back (`A year earlier the differential was assessed at $20-30/t`): its figures are a
# year before the report's
_YEAR_BACK_OPENING = re.compile(r"\s*(?:(?:A|One)\s+year|Twelve\s+months)\s+(?:earlier|ago|before)\b", re.I)
# A base a day or a week back (`from $15 the previous day`): still in the period reported on.
_DAYS_BACK = re.compile(
    r"""[^,;.]{0,30}?\b(?:
        (?:the\s+)?(?:previous|prior|preceding)\s+(?:day|session|trading\s+day|week)
        | a\s+(?:day|week)\s+(?:earlier|ago|before) | last\s+week | yesterday
    )\b""",
    re.I | re.X,
)
# `992,000 t during the same period last year`, `1.16mn t in the previous year`, `in the same period of 2023`: the
# period the sentence or report is about, a year back or in the year named (`over the previous year` is a change's
# basis instead).
_SAME_LAST_YEAR = re.compile(
    r"""\b(?:during|in)\s+the\s+(?:(?:same|corresponding)\s+(?:period|quarter|months?|time)\s+  # the same period
        (?:(?:of\s+|in\s+)?(?:last|the\s+previous|the\s+prior)\s+(?:year|fiscal(?:\s+year)?)  # last (fiscal) year
           |a\s+year\s+(?:earlier|ago|before)
           |(?:of|in)\s+(?P<year>(?:19[5-9]\d|20\d\d))(?!\d))                                 # of 2023
        |(?P<previous>(?:previous|prior|preceding)\s+year)                                  # the previous year
        |year[- ](?:ago|earlier)\s+(?:period|quarter|months?|half))\b                       # the year-ago period
    """,
    re.I | re.X,
)
_STEP_BACK = re.compile(
    r"[^,;.]{0,30}?\b(?:(?:the\s+)?(?:previous|prior|preceding)\s+(?P<a>month|quarter)"
    r"|a\s+(?P<b>month|quarter)\s+(?:earlier|ago|before)"
    r"|(?P<n>two|three|four|five|six|nine|\d)\s+(?P<c>month|quarter|year)s\s+(?:earlier|ago|before))\b",
    re.I,
)
_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
           "eleven": 11}
_THE_MONTHS = re.compile(r"\b(?:over|in|during|for)\s+the\s+(\w+)\s+months\b(?!\s+(?:to|ended|ending|through)\b)", re.I)
_RANGE = re.compile(r"(\d{4}|-)-(\d\d)/(\d{4}|-)-(\d\d)")


def _months_in(period: str) -> int | None:
    """How many months a range of months spans (`2024-01/2024-07`: 7, `--01/--05`: 5)."""
    found = _RANGE.fullmatch(period)
    if found is None:
        return None
    years = int(found.group(3)) - int(found.group(1)) if found.group(1) != "-" else 0
    return years * 12 + int(found.group(4)) - int(found.group(2)) + 1


# a level of the month or quarter before (`after a deficit of 3,100 tonnes the previous month`), not a change from it
_LEVEL_BACK = re.compile(
    r"(?:\s+(?!(?:from|on|over|than|versus|vs|compared|against|with)\b)[a-z]+){0,2}?\s+(?:in\s+)?(?:the\s+)?"
    r"(?:(?:previous|prior|preceding)\s+(?:month|quarter)|a\s+(?:month|quarter)\s+(?:earlier|before)"
    r"|(?:two|three|four|five|six|nine|\d)\s+(?:month|quarter)s\s+(?:earlier|before))\b")


def _step_back(current: str, text: str, position: int) -> str | None:
    """The month or quarter before a report's own (`2024-05` → `2024-04`, `2024-Q1` → `2023-Q4`), or the period so
    many years before it (`from 64% two years earlier` in a report on FY2024: FY2022)."""
    said = _STEP_BACK.match(text, position)
    if said is None:
        return None
    step = (said.group("a") or said.group("b") or said.group("c")).lower()
    count = said.group("n")
    months_back = (int(count) if count.isdigit() else _COUNTS[count.lower()]) if count else 1
    if step == "year":
        for _ in range(months_back):
            current = year_before(current)
        return current
    if step == "quarter":
        months_back *= 3
    month = re.fullmatch(r"(\d{4})-(\d\d)", current)
    if month and (step == "month" or count):  # `three months earlier` than September: June
        months = int(month.group(1)) * 12 + int(month.group(2)) - 1 - months_back
        return f"{months // 12}-{months % 12 + 1:02d}"
    quarter = re.fullmatch(r"(\d{4})-Q([1-4])", current)
    if quarter and months_back % 3 == 0 and (step == "quarter" or count):  # `three months earlier` than Q3: Q2
        quarters = int(quarter.group(1)) * 4 + int(quarter.group(2)) - 1 - months_back // 3
        return f"{quarters // 4}-Q{quarters % 4 + 1}"
    return None


_THE_QUARTER = re.compile(r"\b(?:this|the)\s+quarter\b", re.I)
# A change measured against a quarter (`up 17 per cent on the March quarter`, `fell 14% from the previous quarter`):
# its figure is a quarter's, whatever longer period the paragraph before it reported.
_QUARTER_BASE = re.compile(
    rf"\b(?:from|on|over|than|versus|against|with)\s+the\s+(?:previous|prior|preceding|last|{'|'.join(MONTHS[2::3])})"
    r"\s+quarter\b|\bquarter[- ]on[- ]quarter\b", re.I)  # the months a quarter ends in: `the March quarter`
_QUARTER_RE = re.compile(r"^\d{4}-Q\d$")
# `revenue for the half`, `in the half-year`: the half the report is about
_THE_HALF = re.compile(
    r"\b(?:in|for|during|over)\s+the\s+(?:half|half[- ]year|six\s+months)\b(?![- ]year\s+to\b|\s+to\b)", re.I
)
_HALF_RE = re.compile(r"^\d{4}-H[12]$")
# `so far this year`, `year to date`, `takes purchases this year to 619 tons`: January to the report's end.
# `so far this year to May` names its own end.
_YEAR_TO_DATE = re.compile(
    r"\b(?:so\s+far\s+this\s+year(?!\s+(?:to|through|until)\s+(?-i:[A-Z]))|year[- ]to[- ]date"
    r"|(?<!of\s)this\s+year\s+to\s+(?=\d|[$€£¥]))",  # not `for the second half of this year to $10,050`
    re.I,
)
# `for the year`, `full-year`: the calendar year of the period the report is about.
_THE_YEAR = re.compile(
    r"""\b(?:(?:for|in|during|over)\s+the\s+(?:full\s+|whole\s+)?(?:fiscal\s+|financial\s+)?year\b  # `for the year`
        (?!-|\s+(?:to|end\w*|before|earlier|ago|prior)\b)              # not `the year to March`, `year-ago`
        |full[- ]year\b)""",
    re.I | re.X,
)
_FULL_YEAR = re.compile(r"\bfull[- ]year\b", re.I)
_OPENING_YEAR = re.compile(r"^(\d{4})(?:$|-(?:\d\d|Q\d|H\d)(?:$|/))")
_SAME_PERIOD = re.compile(r"\b(?:over|in|during|for) the (?:same (?:period|month|quarter)|period)\b", re.I)


def introduces_forecasts(sentence: str) -> bool:
    """`Here is the current production guidance out to 2027:`: the list after it is of forecasts."""
    return sentence.rstrip().endswith(":") and bool(GUIDANCE.search(sentence) or _FORECAST.search(sentence))


# `kept its guidance for the 2025 financial year unchanged after production rose 8% to 37,400 tonnes`: what the
# company reported, the reason its guidance held
_RESULT_AFTER = re.compile(r"\b(?:after|as|because)\s+(?:[\w-]+\s+){0,4}?(?:rose|fell|grew|climbed|dropped|declined"
                           r"|jumped|slipped|increased|decreased|reached|totall?ed|was|were|came\s+in)\b", re.I)


def is_forecast(draft: Draft, view: SentenceView) -> bool:
    if draft.comparison:  # `raised its forecast to $12,000 from $10,000`: the old forecast was one too
        return _REVISED.search(view.text, 0, draft.anchor.q.start) is not None
    start, end = draft.anchor.clause.start, draft.anchor.clause.end
    joined = _JOINED_PREDICATE.search(view.text, draft.anchor.q.end, end)
    clause = view.text[start : joined.start() if joined else end]  # not `… and is forecast to reach` after it
    if _PAST_OWNER.search(view.text, 0, draft.anchor.q.start) or _PAST_CLAUSE.match(clause):
        return False  # `expects 70,000 t this year, double last year's 55,526 t`: last year's is what was
    guidance = GUIDANCE.search(view.text, draft.anchor.clause.start, draft.anchor.q.start)
    if guidance and not _RESULT_AFTER.search(view.text, guidance.end(), draft.anchor.q.start):
        return True  # `cut its full-year guidance to 950,000 t`; not `totalled 644,000 t compared with guidance`
    return bool(_FORECAST.search(view.text[: draft.anchor.q.start]) or _FORECAST.search(clause))


def change_basis(draft: Draft, view: SentenceView, period: str | None) -> str | None:
    """What a change compares with, in the spec's vocabulary (`y/y`, `m/m`, `q/q`, …) or None."""
    return _spec_basis(_read_basis(draft, view, period))


def _read_basis(draft: Draft, view: SentenceView, period: str | None) -> str | None:
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


_UNDATED_OPENING = re.compile(r"\s*(?:typically|usually|normally|historically|traditionally),", re.I)


_A_YEAR_AGO = re.compile(rf"\b{_A_YEAR_BACK}\b", re.I)


def dated_back(draft: Draft, view: SentenceView) -> bool:
    """`had posted a profit of Rs 2,327 crore in the year-ago period`: a figure of the period the report
    compares with, whose period the figures after it do not take. Not `in the previous year`, which may be
    the one reported on, nor `the same period of 2023`."""
    q = draft.anchor.q
    if _WHEN.match(view.text, draft.anchor.clause.start):
        return True  # `since 2021, when mines produced 107,000 tonnes`: a past year looked back to
    end = min([i.q.start for i in view.items if i.q.start >= q.end] + [draft.anchor.clause.end])
    back = _SAME_LAST_YEAR.search(view.text, q.end, end)  # not `…, more than 33 MT in the year-ago …`
    if back is not None and back.group("previous") is None and back.group("year") is None:
        return True
    return _A_YEAR_AGO.search(view.text, q.end, end) is not None or _LEVEL_BACK.match(view.text, q.end) is not None


def fact_period(draft: Draft, view: SentenceView, state: PostState, metric: str) -> str | None:
    """The figure's period; a forecast's year-less months or quarter are the coming ones (`expects output in
    the October-December quarter` written in September is this year's, not last year's), unless it is the
    forecast a result is measured against (`sold 1.02 billion pounds in the April-June period, ahead of its own
    guidance of 960 million pounds`: the same quarter's)."""
    period = _reported_period(draft, view, state, metric)
    published = state.scan.published
    ends = last_month(period) if period else None
    if (period and published and ends and ends < (published.year, published.month)
            and str(ends[0]) not in view.text and is_forecast(draft, view)
            and not _MEASURED_AGAINST.search(view.text, draft.anchor.clause.start, draft.anchor.q.start)
            and not _AWAITED.search(view.text)):
        return year_after(period)
    if (metric == "price" and period and published and ends and MONTH_PERIOD.match(period)
            and (published.year * 12 + published.month) - (ends[0] * 12 + ends[1]) in (10, 11)
            and str(ends[0]) not in view.text and period in _own_periods(draft, view)
            and MONTHS[ends[1] - 1] in view.text):  # not `at the start of the year`
        return year_after(period)  # `Hadeed kept its rebar price for December` in November: the coming December
    if draft.comparison and period and MONTH_PERIOD.match(period) \
            and _after_in_year(period, state.paragraph.period or state.last_period or state.scan.title_period) \
            and any(p.period == period and period[:4] not in view.text[p.start : p.end] for p in view.periods):
        return year_before(period)  # `rose to $3,020 in March from $2,780 in December`: last year's December
    return period


def _after_in_year(month: str, current: str | None) -> bool:
    """Whether `month` comes after the month reported on (`current`, or the last of its span: `January-February`),
    in the same year."""
    later = re.fullmatch(r"(\d{4})-(\d\d)", month)
    now = last_month(current) if current and not current.startswith(("FY", "-")) else None
    return bool(later and now and int(later.group(1)) == now[0] and int(later.group(2)) > now[1])


def by_horizon(draft: Draft, view: SentenceView) -> bool:
    """`to lift output to 200,000 tons a year within five years`, `capex of $4.7 billion over the next five years`: a
    plan dated by no date the text gives, nor by the headline's. So is a standing share (`China accounts for about
    47% of world refined production`): the annotators date none of the 26 they met but shares of a trade flow."""
    clause = draft.anchor.clause
    q = draft.anchor.q
    said = _HORIZON.search(view.text, clause.start, clause.end) or (
        _STANDING_SHARE.search(view.text, clause.start, q.start) and not _OF_TRADE.match(view.text, q.end))
    return bool(said) and not any(clause.start <= p.start < clause.end for p in view.periods)


# a share of a flow the report counts is of its period: `South Africa now accounts for 58% of Japan's total palladium
# imports`
_OF_TRADE = re.compile(r"[^.;]{0,60}?\b(?:imports?|exports?|shipments|purchases|arrivals|supplies|sales)\b", re.I)


_STANDING_SHARE = ending(
    r"\b(?:accounts\s+for|represents|makes\s+up|produces|supplies|controls)\s+(?:about\s+|around\s+|roughly\s+"
    r"|nearly\s+|almost\s+|some\s+|over\s+|more\s+than\s+|close\s+to\s+|just\s+(?:over|under)\s+)?$", re.I)


_HORIZON = re.compile(r"\b(?:within|over\s+the\s+next|in\s+the\s+next|during\s+the\s+next)\s+(?:[\w-]+\s+)?"
                      r"(?:years|decades?)\b", re.I)


_ASSUMED = re.compile(r"\b(?:(?P<long>long-term)|using|assum(?:es?|ed|ing|ptions?)|based\s+on|price\s+decks?)\b"
                      r"[^.;]{0,50}$", re.I)
_STUDY = re.compile(r"\b(?:stud(?:y|ies)|NPV|net\s+present\s+value|IRR|base\s+case|feasibility|scoping)\b", re.I)


# What a study values a project at, or a deposit holds (`an after-tax NPV of $2.03 billion`, `mineral reserves of 424
# million tonnes grading 0.53%`, `45,600 tonnes a year over the mine life`); not a central bank's gold reserves, nor
# Mineral Resources the miner or a mineral resources ministry
_VALUED = re.compile(r"\b(?:NPV|[Nn]et\s+present\s+value|IRR|[Ii]nternal\s+rate\s+of\s+return|PEA|[Pp]ayback"
                     r"|(?:[Pp]roven|[Pp]robable|[Mm]easured|[Ii]ndicated|[Ii]nferred|[Mm]ineral|ore)"
                     r"(?:\s+and\s+(?:probable|indicated|inferred))?\s+(?:reserves?|resources?)(?!\s+(?:ministry|minister"
                     r"|department|agency))"
                     r"|mine\s+life|life[\s-]of[\s-]mine|[Ff]easibility|[Pp]reliminary\s+economic\s+assessment)\b")


def _assumed(draft: Draft, view: SentenceView) -> bool:
    """A price a study assumes (`The base case assumes … $22,000/t`), or a long-term assumption; not a company's
    assumption for its coming half, which is that half's."""
    q = draft.anchor.q
    found = _ASSUMED.search(view.text, max(0, q.start - 60), q.start)
    if found is None or not (found.group("long") or _STUDY.search(view.text)):
        return False
    return not _own_periods(draft, view)


_PROGRESS = re.compile(r"\b(?:completion|complete)\b", re.I)  # how far a project stands, of no period
# What analysts awaited of the period a result reports (`Analysts had on average expected 6.4 billion crowns,
# according to a company-provided poll`): that period's, however long ago it ended.
_AWAITED = re.compile(r"\bhad\s+(?:been\s+)?(?:on\s+average\s+|\w+ly\s+)?(?:expected|forecast|estimated|predicted)\b"
                      r"|\bpoll(?:ed)?\b|\bconsensus\b", re.I)
_MEASURED_AGAINST = re.compile(
    r"\b(?:ahead\s+of|above|below|beat(?:ing|s)?|in\s+line\s+with|compared\s+(?:with|to)|against|than|versus|"
    r"exceed(?:ed|ing|s)?|miss(?:ed|ing)?|short\s+of|top(?:ped|ping)?)\s+(?:its\s+|the\s+|their\s+|an?\s+)?"
    r"(?:own\s+)?(?:[\w'-]+\s+){0,2}?(?:guidance|forecasts?|estimates?|expectations?|consensus|targets?)"
    r"(?:\s+of)?\s+(?:about\s+|around\s+|some\s+)?$", re.I)


def quote_period(draft: Draft, view: SentenceView, state: PostState) -> str | None:
    """A company's share price is of its own day, or the day the post reports from: no market period carries to it."""
    own = _own_periods(draft, view)
    published = state.scan.published
    return own[0] if own else f"{published:%Y-%m}" if published else state.scan.week_month


def _reported_period(draft: Draft, view: SentenceView, state: PostState, metric: str) -> str | None:
    """The period the figure reports: its own clause's, one the wording implies (`a year earlier`,
    `so far this year`, `for the year`), or the one the post carries; None when nothing dates it."""
    clause = view.clause_text(draft.anchor.clause)
    if UNDATED.search(figure_phrase(draft, view)) or _UNDATED_OPENING.match(view.text):
        return None  # `Historically, imports averaged 1.8 million tonnes`: no period of the report's
    if metric == "price" and _assumed(draft, view):
        return None  # a study's price deck (`using a gold price of A$3,300 an ounce`) is of no period
    current = state.sentence_period or state.paragraph.period or state.period
    if current and _YEAR_BACK_OPENING.match(view.text) and not _own_periods(draft, view):
        return year_before(current)  # `A year earlier the low-carbon differential was assessed at $20-30/t`
    if current and (draft.comparison or _LEVEL_YEAR_BACK.match(view.text, draft.anchor.q.end)) \
            and _YEAR_BACK.match(view.text, draft.anchor.q.end):
        return year_before(current)  # `from 31 MT in the year-ago period`
    if current and _YEAR_BACK_BRACKET.search(view.text, 0, draft.anchor.q.start):
        return year_before(current)
    # `up from 1.8 Mt in the previous month`, `… a quarter earlier`; a level dated so (`after a deficit of 3,100
    # tonnes the previous month`)
    backed = draft.comparison or _LEVEL_BACK.match(view.text, draft.anchor.q.end)
    stepped = _step_back(current, view.text, draft.anchor.q.end) if current and backed else None
    if stepped:
        return stepped
    back = _SAME_LAST_YEAR.search(view.text, draft.anchor.q.end, draft.anchor.clause.end)
    q = draft.anchor.q
    if back and draft.value is not None and not any(q.end <= p.start < back.start() for p in view.periods) \
            and not any(q.end <= i.q.start < back.start() and (i.q.unit == q.unit or i.role == "change")
                        for i in view.items):  # another figure's, or a change's basis (`13% more than in …`)
        earlier = [p.period for p in view.periods if p.use == "period" and p.end <= draft.anchor.q.start]
        base = earlier[-1] if earlier else current  # the period the sentence compares with, else the report's
        if base:
            return year_before(base) if back.group("year") is None else in_year(base, int(back.group("year")))
    reported = state.paragraph.period or state.last_period or state.scan.title_period
    published = state.scan.published
    until = reported or (f"{published:%Y-%m}" if published else None)  # a dated post's: up to its month
    if published and until == str(published.year):
        until = f"{published:%Y-%m}"  # a post on this year: so far is up to its month
    so_far = year_to_date(until) if until and _YEAR_TO_DATE.search(_framing_text(draft, view)) else None
    own = _own_periods(draft, view)
    if so_far and not (draft.comparison and own):  # not the base `7% below the 2024 average of $16,810`
        return so_far  # `purchases so far this year reached 619 t`: January to the end of the report's period
    if not own and _VALUED.search(view.text):
        return None  # a study's economics, a deposit's reserves: of no period the post reports, whatever it carries
    quarter = next((p for p in (state.paragraph.period, state.last_period, state.scan.title_period, state.last_quarter)
                    if p and _QUARTER_RE.search(p)), None)
    if not own and quarter and _THE_QUARTER.search(_framing_text(draft, view)):
        return quarter  # `during the quarter`, `this quarter`: the quarter the report is about
    if not own and quarter and current and not MONTH_PERIOD.match(current) and _QUARTER_BASE.search(clause):
        return quarter
    half = next((p for p in (state.paragraph.period, state.last_period, state.scan.title_period, state.last_half)
                 if p and _HALF_RE.match(p)), None)
    if not own and half and _THE_HALF.search(_framing_text(draft, view)):
        return half
    if not own and until and _THE_YEAR.search(_framing_text(draft, view)):  # a dated post's own year, else
        reported = reported or until
        if reported.startswith("FY"):
            return reported  # `produced 40.7 million tons in the year` of a post on fiscal 2023: that fiscal year
        fiscal, ends = state.scan.fiscal, last_month(reported)
        if fiscal is not None and fiscal.quarters and ends:  # Pilbara's `for the year` after its September quarter
            return fiscal.starting(fiscal.around(date(ends[0], ends[1], 1)))
        year = _OPENING_YEAR.match(reported)  # `644,000 tonnes for the year`: the year of the report's period,
        return year.group(1) if year else None  # not its quarter, when the year is not known
    dated = (own[0] if own else reported) if _FULL_YEAR.search(_framing_text(draft, view)) else None
    full_year = _OPENING_YEAR.match(dated) if dated else None
    if full_year:  # `on Wednesday cut its full-year guidance to …`: the year of that day
        return full_year.group(1)
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
    standing = ((metric == "market_share" and _STANDING_WORLD_SHARE.search(clause)) or _RULE.search(clause)
                or (draft.unit == "%" and _PROGRESS.search(clause)))  # `stage 1 reaching 66% completion`
    if metric == "target":
        # `aims by 2030 to extract at least 10% …, to process 40% and to recycle 25%`: the aims share their deadline
        # (not a sum earmarked beside them)
        deadlines = (p.period for p in view.periods if p.use == "deadline" and p.end <= draft.anchor.q.start)
        return None if draft.anchor.q.is_money else next(deadlines, None)
    if standing:
        return None  # `China accounts for 80% of tungsten mining globally`: how the world stands, no report's
    if metric == "capacity":
        return state.scan.commissioning
    if metric in MONEY:
        return state.paragraph.effect_period
    if metric == "tariff" or (draft.anchor.q.per_year and is_forecast(draft, view)):
        return None  # a planned rate (`expected to export 60mt a year`) is for no reported period
    if _SAME_PERIOD.search(clause):
        return state.paragraph.period or state.period or state.last_period  # `over the same period`
    so_many = _THE_MONTHS.search(_framing_text(draft, view)) if "months" in view.text else None
    if so_many:  # `Over the seven months, China was the main destination`: the span of so many months reported
        count = so_many.group(1)
        months = int(count) if count.isdigit() else _COUNTS.get(count.lower())
        spans = (state.paragraph.period, state.period, state.last_period, state.to_date_period)
        told = next((p for p in spans if p and months and _months_in(p) == months), None)
        if told:
            return told
    carried = state.sentence_period or state.paragraph.period or state.period
    running = re.fullmatch(r"(\d{4})-01/\1-(\d\d)", carried or "")
    span = draft.anchor.clause
    if running and any(b.basis == "m/m" and span.start <= b.start < span.end for b in view.bases):
        carried = f"{running.group(1)}-{running.group(2)}"  # `fell 8.7% on the month` after January-October: October's
    if (carried and carried == state.forecast_period and state.reported_period and metric != "inventory"
            and not is_forecast(draft, view) and not any(p.period == carried for p in view.periods)):
        carried = state.reported_period  # `expects FY26 shipments of …. Average revenue was US$84.71/dmt`: FY25's
    today = f"{published:%Y-%m}" if published else state.scan.week_month
    # a price assessed, quoted or moved `on the week` is of the day the report is written, not of a month an earlier
    # sentence reported (`8.6% from early February`, February's trade figures) or of a year or quarter carried on;
    # but `averaged … in the last week of January, while Chinese material was offered at $495`: the sentence's month
    stale = not MONTH_PERIOD.match(carried or "") or (
        today is not None and carried is not None and carried < today and published is not None
        and not any(p.use == "period" and not is_delivery(view.text, p.end) for p in view.periods))
    spot = metric == "price" and bool(carried) and stale and bool(_SPOT.search(clause) or _WEEKLY.search(clause))
    # a stock is held on a day: not over a range carried from a change before it (`gained 8% so far this year`)
    held = metric == "inventory" and "/" in (carried or "") and published is not None
    if metric in {"price", "inventory"} and (not carried or spot or held):
        # a market report's prices are of the trading day it reports: its date's month, or its `on Friday`'s
        if published is None:
            return state.scan.week_month
        return None if _EVENT_CLAUSE.match(clause) else today
    if carried and carried.startswith("--") and _YEAR_WORD.search(clause):
        return None  # an undated post's `this year`, `annual`: a year the text does not give, no month carried on
    return carried


_YEAR_WORD = re.compile(r"\b(?:this|next|the\s+current|the\s+full|the\s+whole)\s+year\b|\bfull-year\b|\bannual\b",
                        re.I)


# A standing rule (`are required to sell at least 25 percent`, a royalty rate, a price cap) holds over no period
_RULE = re.compile(r"\b(?:(?:is|are)\s+(?:required|obliged|obligated)\s+to|must\s+(?:sell|supply|pay|keep)"
                   r"|royalt(?:y|ies)\s+(?:rates?\s+)?(?:of|at)|(?:price\s+)?cap(?:ped)?\s+(?:of|at))\b", re.I)
# A share of the world's supply told in the present tense: background the report draws on, of no period of its own.
_STANDING_WORLD_SHARE = re.compile(
    r"\b(?:accounts?\s+for|holds?|controls?|makes?\s+up|supplies|produces|mines|refines|dominates|is\s+responsible\s+for)"
    r"\b.*\b(?:global(?:ly)?|world(?:'s|wide)?)\b",
    re.I,
)
# A price traded, assessed or quoted (`PB fines were traded at Yuan 770/wmt`, `fell 0.4% to $15,790 a ton by 0630
# GMT`) is of the day the post reports, not of the quarter or the months of the figures before it.
_SPOT = re.compile(r"\b(?:traded|assessed|quoted|offered|closed|settled|changed\s+hands|GMT|trading)\b", re.I)
_WEEKLY = re.compile(r"\b(?:(?:on|over|this|from\s+(?:the\s+previous|last))\s+(?:the\s+)?week|week[- ]on[- ]week)\b",
                     re.I)
MONTH_PERIOD = re.compile(r"(?:\d{4}|-)-\d\d$")  # one month, dated or not


# `After the second auction concluded at $2,240/dmt, …`: a price of another moment than the report's day.
_EVENT_CLAUSE = re.compile(r"\s*(?:after|before|when|once|since|until)\b", re.I)


def _framing_text(draft: Draft, view: SentenceView) -> str:
    """The figure's clause and the figure-free main clauses framing it (`Copper stood out this
    quarter, with production reaching …`)."""
    frames = [c for c in view.main_clauses() if not view.has_items(c)]
    return " ".join(view.clause_text(c) for c in [draft.anchor.clause, *frames])


def figure_phrase(draft: Draft, view: SentenceView) -> str:
    """The words of the figure's clause that belong to it: from the figure before it to the one after."""
    q, clause = draft.anchor.q, draft.anchor.clause
    others = [i.q for i in view.items if clause.start <= i.q.start < clause.end and i.q is not q]
    start = max((o.end for o in others if o.end <= q.start), default=clause.start)
    end = min((o.start for o in others if o.start >= q.end), default=clause.end)
    return view.text[start:end]


_COMPARED_WITH = re.compile(r"\b(?:from|than|compared|versus|vs|above|below|against|since|by|projection|estimate"
                            r"|forecast|over\s+the\s+(?:same|corresponding|previous|prior))\b", re.I)
# `12% above the cyclone-hit March quarter`, `rose 2% to 4.61 MT over the same month last year`: its base



def _follows(draft: Draft, view: SentenceView, period: PeriodMention) -> bool:
    """`4,566 tons shipped in April`: a period right after the figure, no other figure between, is its own; not
    the label of a base in brackets after it (`$1.61 per pound (third quarter of 2023: $1.52)`)."""
    q, position = draft.anchor.q, period.start
    if period.use == "publication":
        return False  # `a 20,000-ton surplus it projected in its July outlook`: when it was told
    if not q.end <= position <= q.end + 40 or _COMPARED_WITH.search(view.text[q.end : position]):
        return False
    if labels_a_base(view.text, period.start, period.end):
        return False
    return not any(q.end <= i.q.start < position or _names_figure(view, position, i) for i in view.items)


def _figure_between(draft: Draft, view: SentenceView, position: int) -> bool:
    """Whether another kind of figure stands between the figure and a later date of effect, which is then that
    figure's (`rose 8.2% to 74,300 tonnes ahead of the 25% US tariff … due on March 12`); prices listed before it
    share it (`cut lump ore prices by Rs 500 per tonne to Rs 5,550 … with effect from March 28`)."""
    kind = draft.anchor.q.unit.split("/")[0]
    return any(draft.anchor.q.end <= i.q.start < position and i.q.unit.split("/")[0] != kind for i in view.items)


def _anothers(draft: Draft, view: SentenceView, position: int) -> bool:
    """Whether the period at `position` is written onto another figure of the sentence (`1.35 million tonnes this
    year`, `957,000 tonnes of copper in 2025`)."""
    return any(i.q.start != draft.anchor.q.start and (_ATTACHED.fullmatch(view.text, i.q.end, position)
                                                      or _names_figure(view, position, i))
               for i in view.items)


def _names_figure(view: SentenceView, position: int, item: Item) -> bool:
    """Whether the period at `position` names the figure after it (`kept its 2026 average at $2,200/t`)."""
    return item.q.start > position and _NAMES_FIGURE.fullmatch(view.text, position, item.q.start) is not None


# `kept its 2026 average at $2,200/t`: a period naming the figure after it
_NAMES_FIGURE = re.compile(r"\S*\s+(?:(?!(?:and|or|but|an?|the)\s)[a-z-]+\s+){0,2}?"
                           r"(?:average|forecast|estimate|outlook|guidance|target)\s+(?:at|of)\s+(?:about\s+|around\s+)?",
                           re.I)
_ATTACHED = re.compile(r"\s+(?:of\s+[a-z-]+\s+)?(?:(?:in|during|for|over)\s+)?(?:the\s+)?", re.I)


# A period naming the report a figure was given in: `in its third-quarter production report`.
_NAMES_REPORT = re.compile(r"[\s-](?:[\w-]+\s){0,2}?(?:reports?|results|updates?|statements?|earnings)\b", re.I)


_COMPARISON_WORD = re.compile(r"\b(?:from|than|compared|versus|vs|below|above)\b", re.I)


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


# `down 4% at 3,820 koz after flooding in the first half`: when the cause happened, not the figure's period
_CAUSE_WORD = re.compile(r"\b(?:after|following|due|because|owing)\b", re.I)
_CAUSE_BEFORE = re.compile(r"\b(?:after|following|due\s+to|because\s+of|owing\s+to)\s+(?:[\w'-]+\s+){1,16}?"
                           r"(?:in|during|since)\s+(?:the\s+)?(?:(?:late|early|mid|end)[\s-])?$", re.I)


_PROPOSED = re.compile(r"\b(?:propos\w+|plans?\s+to|would|wants?)\b", re.I)
_LABEL_GAP = re.compile(r"\s*:\s*(?:[$€£¥]|[A-Z]{3}\s?)?")


_WHEN = re.compile(r"when\b", re.I)
_JUST_BEFORE_CLAUSE = re.compile(r"\s*,\s*")
_WHEN_AFTER = re.compile(r"\s+when\s+(?:[\w-]+\s+){1,4}?(?:slipped|fell|rose|reached|stood|was|were|totall?ed|dropped"
                         r"|climbed|hit|came)\b", re.I)


def _respective_period(draft: Draft, view: SentenceView, own: list[PeriodMention]) -> str | None:
    """`3,010 koz and 2,960 koz in 2025 and 2026, respectively`: a list of periods pairs with as many figures, in
    order."""
    clause, q = draft.anchor.clause, draft.anchor.q
    # not a base compared with (`from 887 million tonnes in 2024–25 to 902 million tonnes and 915 million tonnes …`)
    figures = [i.q for i in view.items if clause.start <= i.q.start < clause.end and i.q.unit == q.unit
               and i.role != "comparison"]
    listed = sorted((p for p in own if p.use != "comparison"), key=lambda p: p.start)
    if len(figures) < 2 or len(listed) != len(figures) or q not in figures or listed[0].start < figures[-1].end \
            or not all(LIST_JOIN.fullmatch(view.text, a.end, b.start) for a, b in itertools.pairwise(listed)):
        return None
    return listed[figures.index(q)].period


def _bracketed_apart(view: SentenceView, position: int, figure: int) -> bool:
    """Whether `position` is in brackets with a figure of their own that the figure is not in: `dwindled to 2.1
    million tonnes (14.3 million tonnes in 2023)` dates the bracket's figure, not the one before it nor any after;
    a bracket that only glosses a period (`for the fiscal year so far (April-February)`) dates the figures around."""
    text = view.text
    opened = text.rfind("(", 0, position)
    if opened < 0:
        return False
    closed = text.find(")", opened)
    if 0 <= closed < position:
        return False
    end = closed if closed >= 0 else len(text)
    if not any(opened < item.q.start < end for item in view.items):
        return False
    return not opened < figure < end


def _own_periods(draft: Draft, view: SentenceView) -> list[str]:
    """Periods in the figure's own clauses, then in the clauses that frame the sentence."""
    q = draft.anchor.q
    labelled = [p for p in view.periods if _LABEL_GAP.fullmatch(view.text, p.end, q.start)
                and "(" in view.text[max(0, p.start - 8) : p.start]]
    if labelled:  # `produced 309,700 t in 2024 (2023: 293,300 t)`: the bracket names the year of its figure
        return [labelled[-1].period]
    clause = draft.anchor.clause
    if _WHEN.match(view.text, clause.start):  # `Compared with January, when arrivals reached 498,300 tonnes`
        named = [p for p in view.periods if _JUST_BEFORE_CLAUSE.fullmatch(view.text, p.end, clause.start)]
        if named:
            return [named[-1].period]
    # `recovering from a weak November when shipments slipped to 548,900 tonnes`: the month the `when` follows
    told = [p for p in view.periods if p.end < draft.anchor.q.start and _WHEN_AFTER.match(view.text, p.end)
            and not any(p.end <= i.q.start < draft.anchor.q.start for i in view.items)]
    if told:
        return [told[-1].period]
    spans = [draft.anchor.clause] + [a.clause for a in draft.anchor.attached]
    allowed = {"period", "effect", "date", "deadline"}
    if _PROPOSED.search(view.text, 0, draft.anchor.q.start):
        allowed = allowed - {"date"}  # `on Tuesday proposed cutting quotas to 18.3mn t/yr`: the day it was said
    if draft.comparison:  # `to 50 mtpa by 2030 from 28 mtpa`: the deadline is the goal's, not the level left
        allowed = allowed - {"deadline"} | {"comparison"}
    periods = [
        p for p in view.periods if not _cargo_month(view.text, p) and not is_contract_month(view.text, p.start, p.end)
        and not (p.start > draft.anchor.q.end and _CAUSE_WORD.search(view.text)
                 and _CAUSE_BEFORE.search(view.text, draft.anchor.q.end, p.start))
        and not _bracketed_apart(view, p.start, draft.anchor.q.start)
    ]
    own = [
        p
        for p in periods
        if (p.use in allowed or _follows(draft, view, p))
        and any(c.start <= p.start < c.end for c in spans)
        and (draft.comparison or not _after_compared_figure(draft, view, p.start))
        and not (p.use == "effect" and _figure_between(draft, view, p.start))
    ]
    reports = [p for p in own if _NAMES_REPORT.match(view.text, p.end)]
    if len(reports) < len(own):  # `2025 guidance … in its third-quarter report`: the report's is not the figure's
        own = [p for p in own if p not in reports]
    paired = _respective_period(draft, view, own) if "respectively" in view.text else None
    if paired is not None:
        return [paired]
    following = [p for p in own if _follows(draft, view, p)]
    spans_named = [p for p in own if p.use == "period" and p not in following]
    if following and following[0].use == "date" and spans_named and "/" not in (draft.unit or ""):
        # `reported second-quarter free cash flow of $1.7 billion on Wednesday`: the day it was reported; a
        # price's day is its own
        return [spans_named[-1].period]
    if following:  # `USD 71 million in November and USD 45 million in December 2017`: its own, not the nearest
        return [following[0].period]
    if own:
        # not `this year` of the figure before (`recover to 1.35 million tonnes this year and reach 1.7 million tonnes
        # by 2030`)
        free = [p for p in own if not _anothers(draft, view, p.start)] or own
        return [min(free, key=lambda p: abs(p.start - draft.anchor.q.start)).period]
    frames = [c for c in view.main_clauses() if not view.has_items(c)]
    return [
        p.period
        for p in periods
        if p.use in allowed - {"deadline"} and any(c.start <= p.start < c.end for c in frames)
    ]
