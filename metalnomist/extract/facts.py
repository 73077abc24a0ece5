"""Post → Facts: walks the paragraphs, reads each sentence, fills every field of each draft."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import datetime

from metalnomist.extract import metrics as metric_rules
from metalnomist.extract.backward import ending
from metalnomist.extract.carry import (
    MONEY,
    PRONOUN_SUBJECT,
    UNDATED,
    after_sentence,
    frame,
    read_statistics,
    remember,
)
from metalnomist.extract.dating import (
    MONTH_PERIOD,
    by_horizon,
    change_basis,
    dated_back,
    fact_period,
    figure_phrase,
    introduces_forecasts,
    is_forecast,
    quote_period,
)
from metalnomist.extract.entities import find_commodities
from metalnomist.extract.periods import last_month
from metalnomist.extract.places import Place, PlaceContext, place, respective
from metalnomist.extract.post import (
    SAME_REPORT,
    ParagraphState,
    PostScan,
    PostState,
    evolve,
    lead_agencies,
    scan_post,
)
from metalnomist.extract.quantities import Quantity
from metalnomist.extract.sentence import Draft, SentenceView, drafts, read_sentence
from metalnomist.extract.sources import Key, attach_sources, release_key
from metalnomist.extract.subjects import (
    agency_country,
    beside_main_parts,
    commodity_elsewhere,
    commodity_in_clause,
    company_of,
    credits,
    exchange_country,
    framing_commodity,
    labelled_commodity,
    share_holders,
    subject_commodities,
)
from metalnomist.extract.units import is_money_sum
from metalnomist.extract.vocab import INPUTS, NO_COMMODITY, local_dollars, organisation_countries
from metalnomist.models import COMMENTARY_HEADING, Block, Fact, Post
from metalnomist.months import SHORT_MONTHS
from metalnomist.text import split_sentences

# What a report year can date: months, quarters, halves (a cheap test, so undated posts with
# no year-less period never pay for finding their report year).
_YEARLESS = re.compile("|".join(SHORT_MONTHS) + r"|quarter|half|months|\b[QH][1-4]\b")
# What the year an undated post is written in dates (cheap test, as for `_YEARLESS`).
_RELATIVE_YEAR = re.compile(r"\b(?:last|this|next) year\b", re.I)
# What dates by the week of an undated post (cheap test, as for `_YEARLESS`).
_WEEKLY = re.compile(r"day\b|week\b")
SHARES = "shares"  # the commodity of a company's share price
_QUOTE_OPENING = re.compile(r"\s*[\"“‘']")
_ENDING = ending(r"[.!?][\"')\]]*\s*$")


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
    forecast_list = False  # the bullet lines read now follow `… guidance out to 2027:`
    for number, block in enumerate(post.blocks):
        start = offset
        offset += len(block.text) + 2
        if block.kind == "heading":
            if block.text.strip() == COMMENTARY_HEADING:
                break
            if scan.round_up:
                state = state.next_item()
            state = evolve(state, heading_commodity=_heading_commodity(block.text) or state.heading_commodity)
            if not _NUMBER.search(block.text):
                continue  # a highlight with figures is read as one: those the body does not repeat are facts
        state = evolve(state, paragraph=ParagraphState())
        opening, quoted = True, False
        for sentence_offset, sentence in split_sentences(block.text):
            open_before = quoted
            speech, quoted = quoted or bool(_QUOTE_OPENING.match(sentence)), _still_quoting(sentence, quoted)
            year = scan.report_year if _YEARLESS.search(sentence) else None
            week = scan.week_month if _WEEKLY.search(sentence) else None
            present = scan.present_year if _RELATIVE_YEAR.search(sentence) or year else None
            if present is None and _RELATIVE_YEAR.search(sentence):
                present = scan.after_reported_year  # `expects … this year` after `produced … in 2023`: 2024
            view = read_sentence(sentence, scan.published, scan.abbreviations, year, scan.fiscal, week, present,
                                 scan.report_fiscal if year else None, scan.fiscal_home)
            # a quote comments on the report, it opens none, and nor do its parts (`Of the total, LFP batteries …`)
            if opening and not _QUOTE_OPENING.match(sentence) and not _OF_THE_TOTAL.match(sentence):
                # `Zinc output fell 3.1% …, METI said.` after METI's copper figures: the same release
                same_release = any(m.kind == "agency" and _SAID_LAST.match(sentence, m.end)
                                   and m.canonical in lead_agencies(scan.lead) for m in view.entities.organisations)
                state = state.new_subject(subject_commodities(view),
                                          [m.canonical for m in view.entities.countries],
                                          SAME_REPORT.search(sentence) is not None or same_release)
            opening = False
            state = read_statistics(view, state)
            # a speaker's words are no reported figure; what the reporter adds after the quote is (a single
            # quote, which an apostrophe cannot be told from, sets the whole sentence aside)
            if speech and _SINGLE_QUOTE_OPENING.match(sentence):
                found = []
            else:
                found = [d for d in drafts(view) if not (speech and _in_quotation(view.text, d.anchor.q.start,
                                                                                   open_before))]
            repeated = False
            if _highlight(block, sentence):
                elsewhere = _numbers_outside(post.blocks, number)
                kept = [d for d in found if _figure(d, view) not in elsewhere]
                found, repeated = kept, len(kept) < len(found)
            state = evolve(state, sentence_metric=None, sentence_place=None, sentence_period=None)
            if not found or repeated:  # a figure left to the body still frames the ones after it
                state = frame(view, state)
                credit = credits(view)
                if credit:
                    commodity = framing_commodity(view) or state.paragraph.commodity or state.commodity
                    country = agency_country(view) or state.focus
                    framing_credits.append((index, release_key(view, country, commodity), credit))
            bullet = metric_rules.BULLET.match(sentence) is not None
            forecast_list = (forecast_list and bullet) or (not bullet and introduces_forecasts(sentence))
            read: dict[int, Fact] = {}
            for draft in _levels_first(found):
                read[id(draft)], state = _fact(draft, view, state, post, sentence, start + sentence_offset)
                if forecast_list and bullet:
                    read[id(draft)] = replace(read[id(draft)], forecast=True)
            if "previously" in sentence and _REVISION.search(sentence):
                _date_revised(found, read, view)
            located.extend(Located(read[id(draft)], index, view, draft) for draft in found)
            state = after_sentence(view, state)
            index += 1
    return attach_sources(located, framing_credits)


def _date_revised(found: list[Draft], read: dict[int, Fact], view: SentenceView) -> None:
    """`raised its forecasts to $2,650 for the third quarter and $2,800 for the fourth, from $2,450 and $2,500
    previously`: the figures a forecast was before its revision are of the periods of the figures revising them, in
    order."""
    bases = [d for d in found if d.comparison and read[id(d)].period is None
             and _PREVIOUSLY_AFTER.match(view.text, d.anchor.q.end)]
    for d in bases:
        revising = [read[id(m)] for m in found if not m.comparison and m.unit == d.unit
                    and m.anchor.clause.segment == d.anchor.clause.segment and m.anchor.q.end <= d.anchor.q.start]
        run = [b for b in bases if b.unit == d.unit and b.anchor.clause.segment == d.anchor.clause.segment]
        if len(revising) >= len(run) and all(f.period for f in revising[-len(run):]):
            read[id(d)] = replace(read[id(d)], period=revising[len(revising) - len(run) + run.index(d)].period)


_REVISION = re.compile(r"\b(?:raised|raises|lowered|lowers|cut|cuts|revised|upgraded|downgraded|trimmed|lifted|now)\b",
                        re.I)
# what a base runs to before the word that says it was the earlier forecast (`from $2,450 and $2,500 previously`)
_PREVIOUSLY_AFTER = re.compile(r"(?:[^.;,]|,(?=\s*(?:and\s+)?[$€£¥\d]))*?\bpreviously\b")


# `Of the total, LFP batteries accounted for 63.5 GWh`: the sentence names parts of what the text is carrying
_OF_THE_TOTAL = re.compile(
    r"\s*Of\s+(?:the|this|that)\s+(?:total|amount|sum|figure)\b|\s*Of\s+(?:this|that|these|which)\b,"
    r"|\s*By\s+(?:grade|product|type)\b", re.I)  # `By grade, shipments of H2 heavy melting scrap totalled …`
_SINGLE_QUOTE_OPENING = re.compile(r"\s*[‘']")
_QUOTE_MARKS = re.compile('[„“”"]')


def _in_quotation(text: str, position: int, quoted: bool) -> bool:
    """Whether `position` is inside a direct quotation (`"We delivered a strong start," he said, adding that the
    company sold 483 kt`: the 483 kt is not), `quoted` saying whether one was open where `text` starts."""
    return _still_quoting(text[:position], quoted)


def _still_quoting(sentence: str, quoted: bool) -> bool:
    """Whether a direct quotation is still open after `sentence` (`"… acceptable. There's some margin," he said`)."""
    if not _QUOTE_MARKS.search(sentence):
        return quoted  # most sentences quote no one: skip the walk
    low = False  # German `„lithium triangle“` closes with the opener of English quotes
    for ch in sentence:
        if ch == "„":
            quoted = low = True
        elif ch == "“":
            quoted, low = not (quoted and low), False
        elif ch == "”":
            quoted = low = False
        elif ch == '"':
            quoted = not quoted
    return quoted


def _levels_first(found: list[Draft]) -> list[Draft]:
    """The order to read a sentence's drafts in: a compared level written before any figure (`from 25% to
    100%`) after the figure it is compared with, so that it takes that figure's series; the rest as written."""
    leading = list(itertools.takewhile(lambda d: d.comparison, found))
    rest = found[len(leading) :]
    return rest[:1] + leading + rest[1:]


def _looks_like_headline(text: str) -> bool:
    """A short unpunctuated paragraph is a sub-heading the reader did not mark: its figures repeat the body's."""
    return len(text.split()) <= 16 and not _ENDING.search(text)


# A highlight or bullet line (`- Copper output climbs 10%`): it repeats the body's figures, or
# gives some the body does not (`up 36.2% m/m` in a wire's highlights), which are facts.
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _highlight(block: Block, sentence: str) -> bool:
    """A heading, a bullet line, or a short unpunctuated line: what repeats the body's figures."""
    headline = not _ENDING.search(sentence) and _looks_like_headline(block.text)
    return block.kind == "heading" or headline or metric_rules.BULLET.match(block.text) is not None


def _numbers_outside(blocks: tuple[Block, ...], skipped: int) -> set[str]:
    """The figures the later blocks write, each with the word after it: what a highlight's or a list item's figure
    is looked up in (highlights come before the body they sum up; a list after the text gives its own figures)."""
    return {_written(m) for i, block in enumerate(blocks) if i > skipped for m in _WRITTEN.finditer(block.text)}


# A figure as written with the word after it: `45 working days` does not repeat `- India: 45 tons`, and `$31,870/t`
# is `$31,870 a tonne`.
_WRITTEN = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*(?:/|(?:an?|per)\s+)?(%|[^\W\d_]+)?")
_SAME_WORD = {"percent": "%", "pc": "%", "per": "%", "tons": "t", "tonnes": "t", "tonne": "t", "ton": "t", "mt": "t"}


def _written(found: re.Match[str]) -> str:
    word = (found.group(2) or "").lower()
    return found.group(1).replace(",", "") + " " + _SAME_WORD.get(word, word)


def _figure(draft: Draft, view: SentenceView) -> str | None:
    """The number a draft's figure is written with (`36.2` of `up 36.2% m/m`)."""
    q = draft.anchor.q
    found = _WRITTEN.search(view.text, q.start, q.end)
    return _written(found) if found else None


def _heading_commodity(text: str) -> str | None:
    found = [m.canonical for m in find_commodities(text) if m.canonical != NO_COMMODITY]
    return found[0] if found else None


_IT = re.compile(r"\s*Its?\b")


def _fact(
    draft: Draft, view: SentenceView, state: PostState, post: Post, sentence: str, start: int
) -> tuple[Fact, PostState]:
    """The draft's fact, and the state after it."""
    para = state.paragraph
    draft.unit = _own_currency(_priced_unit(draft, view), draft, view, state.scan)
    # `48% of global output, up from 32% in 2020`: a comparison is of its main figure's series and place; not one in
    # tonnes after a share (`climb to 2.45 million tons, or 66% of the world total, from 2.2 million tons`)
    same_series = draft.comparison and state.sentence_share == (draft.unit == "%")
    if same_series and state.sentence_metric:
        draft.metric_hint = state.sentence_metric
    base = metric_rules.base_metric(draft, view, para.metric or state.metric, state.levies, state.scan.title_quota)
    if not draft.comparison:
        state = evolve(state, sentence_metric=base, sentence_share=draft.unit == "%")
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
        data_country=None if pronoun else state.paragraph.data_country or (
            state.last_trader if state.focus is None and base in {"imports", "exports"} else None),
        # `Ivanhoe … said its attributable share … amounted to 150,500 t` in a post on Kamoa-Kakula: the mine's
        company_country=None if state.scan.site_title else organisation_countries().get(company or ""),
        exchange=exchange_country(view, draft) if base in {"price", "inventory"} else (False, None),
        duty_target=state.scan.duty_target,
        subject=pronoun,
        series=para.metric or state.metric,
    )
    where = place(draft, view, base, ctx)
    if same_series and state.sentence_place:
        where = replace(where, country=state.sentence_place[0], partner=state.sentence_place[1])
    elif not draft.comparison and draft.value != 0:  # a level fallen to zero may be several names' (`to the United
        # States and Sweden fell to zero, from 2,670 tons and 1,410 tons, respectively`): its bases place themselves
        state = evolve(state, sentence_place=(where.country, where.partner))
    # a producer's deliveries with no country shipping or receiving them are the post's company's shipments
    shipper = company or (state.company if where.metric == "shipments" else None)
    series = "target" if metric_rules.is_target(draft, view) else _by_whom(where.metric, shipper, where, view,
                                                                             state.scan.producers_data)
    if series == "exports" and where.metric == "shipments" and (para.metric or state.metric) == "imports" \
            and where.partner is None:
        series = "imports"  # `China brought in 12,310 t of zinc. Shipments were 8.7% higher`: the same arrivals
    elif series == "shipments" and company is None and para.metric == "exports":
        series = "exports"  # `Japan's ferrous scrap exports fell …. May shipments alone were 542,000 t`: the same flow
    metric = _cargo(series, draft, view)
    commodity = _commodity(draft, view, state, metric)
    if commodity and metric in {"other", "investment", "sales"} and _company_money(draft, view, company, metric) \
            and not any(m.canonical == commodity and view.in_segment(draft.anchor.clause, m.start)
                        for m in view.entities.commodities):
        commodity = None  # a company's profit, revenue, debt or capex is of no metal its part of the sentence names
    horizon = by_horizon(draft, view)
    period = None if horizon else fact_period(draft, view, state, metric)
    headline = period is None and not horizon and _headline_dates(draft, view, metric)
    if headline:
        period = state.scan.title_period
    written = view.text[draft.anchor.q.start]
    unit = _yuan_sign(_unit(draft, metric, view, commodity), written, where.country)
    if unit and unit.startswith("USD") and written == "$" and state.scan.local_dollar:
        unit = state.scan.local_dollar + unit[3:]  # `fall from $138 billion` in a post that writes `US$90`: AUD
    shares = metric_rules.quotes_shares(draft, view)
    if shares:  # a company's stock: its own series, and nothing the post's market figures carry on from
        where = replace(where, country=metric_rules.listing_country(view.text) or where.country)
        unit = _quoted_in(unit, view.text[draft.anchor.q.start : draft.anchor.q.end], where.country,
                          state.scan.local_dollar)
        # per share, not per the tonne a price in the post's market would be read by (`rose 2.3% to C$15.12`)
        metric, commodity, unit = "price", SHARES, f"{unit.split('/')[0]}/unit" if unit else None
        period = quote_period(draft, view, state)
    fact = Fact(
        post=post.title,
        sentence=sentence,
        metric=metric,
        value=_yearly(draft.value, unit, draft),
        value_max=_yearly(draft.value_max, unit, draft),
        unit=unit,
        change_pct=draft.change_pct,
        change_basis=change_basis(draft, view, period),
        commodity=commodity,
        country=where.country,
        partner=where.partner,
        company=company,
        period=period,
        forecast=is_forecast(draft, view),
        source=None,
        change_pp=draft.change_pp,
        bound=draft.bound,
        sentence_start=start,
        post_id=post.id,
    )
    if shares:
        return fact, state
    compared = any(p.use == "comparison" and p.period == period for p in view.periods)  # a base, not the report's
    # `rose 4.2% in June, after a revised 2.8% decline in May`: the month before, not the one reported on
    compared = compared or dated_back(draft, view) or bool(_PRIOR_FIGURE.search(view.text, 0, draft.anchor.q.start))
    # a coming month's price (`its December rebar price` in November) dates nothing reported after it
    ahead = fact.metric == "price" and not fact.forecast and _after_post(fact.period, state.scan.published)
    # the headline's period is read afresh; a cargo's tonnage leaves the price series carrying on
    part = _OF_THE_TOTAL.match(view.text) is not None or fact.commodity in share_holders(view)
    return fact, remember(fact, draft, state, series, carry_period=not headline and not compared and not ahead,
                          part=part)


def _company_money(draft: Draft, view: SentenceView, company: str | None, metric: str) -> bool:
    """A sum (or a sum per share) of a company's, or in a company's own words (capex, not a project's cost: `SMM's
    total investment`), named in the figure's clause or anywhere before it (`Net debt stood at $US1.6 billion, up
    from $US1.3 billion`)."""
    unit = draft.unit or ""
    if "/" in unit and unit[:3].isupper() and metric_rules.EARNED_PER_TONNE.search(view.text, 0, draft.anchor.q.start):
        return True  # `EBITDA per tonne … fell to Rs 13,156`: what the company earns, of no metal
    if not (is_money_sum(unit) or unit.endswith("/unit")):
        return False
    return (company is not None and metric == "other") or bool(
        _CORPORATE_MONEY.search(view.text, 0, draft.anchor.clause.end))


def _after_post(period: str | None, published: datetime | None) -> bool:
    """A single month after the post's (a quarter ahead, as Japan's premium talks settle, carries on)."""
    ends = last_month(period) if period and MONTH_PERIOD.match(period) else None
    return bool(ends and published and ends > (published.year, published.month))



def _headline_dates(draft: Draft, view: SentenceView, metric: str) -> bool:
    """Whether a figure the text leaves undated takes the headline's period (`BHP output in FY25
    Q3`): a reported series does; a grade, completion rate, goal, plan or comparison does not."""
    undated_kinds = MONEY | {"other", "target", "tariff", "capacity"}
    return not draft.comparison and metric not in undated_kinds and not UNDATED.search(figure_phrase(draft, view))


_MINED = re.compile(r"\b(?:mine\s+(?:production|output|supply)|reserves)\b", re.I)
_CORPORATE_MONEY = re.compile(r"\b(?:EBITDA|earnings\s+before\s+interest|revenues?|"
                              r"(?:net|operating|pre-tax)\s+(?:profit|income|loss|debt)|profits?|"
                              r"capex|capital\s+expenditures?|earnings|cash\s+flow|dividends?|working\s+capital|"
                              r"net\s+cash|turnover|net\s+sales|sales\s+revenue|cash\s+balance|capital\s+spending|"
                              r"placement|capital\s+raising|capital\s+projects|cash(?!\s+costs?)|"
                              r"exploration\s+(?:expenses?|expenditures?|spending|budget|costs?)|on\s+exploration)\b",
                              re.I)
_SAID_LAST = re.compile(r"\s+(?:said|reported|data\s+show(?:ed|s)|figures\s+show(?:ed|s))\s*\.?\s*$")
_PRIOR_FIGURE = ending(r"\b(?:after|following)\s+(?:an?\s+)?(?:[\w-]+\s+){0,2}$"
                           # `just 1,210 tonnes, a fraction of the 9,400 tonnes it supplied in February 2022`
                           r"|\b(?:a\s+fraction|(?:a\s+)?half|a\s+third|a\s+quarter)\s+of\s+(?:the\s+|its\s+)?$", re.I)
_IMPORT = re.compile(r"\b(?:import|quota)", re.I)  # an import quota is imports, whoever's it is


# goods that stay at home are no country's exports: `Domestic shipments of … rolled products were down 3.0%`
_DOMESTIC = re.compile(r"\bdomestic(?:ally)?\s+(?:[\w-]+\s+){0,2}?(?:shipments|shipped|deliveries)\b"
                       r"|\b(?:shipments|deliveries)\s+(?:to|in|on)\s+the\s+(?:domestic|home)\s+market\b"
                       # `shipments to the automotive sector`, `… shipped to domestic automakers`: to users at home
                       r"|\b(?:shipments|shipped|deliveries)\s+to\s+(?:the\s+)?(?:domestic\s+)?(?:auto(?:s|makers|motive)?"
                       r"|construction|building|(?:[\w-]+\s+)?(?:sector|industry|users))\b", re.I)
# `Shipments of aluminium rolled products in Japan`: made within the country, not leaving it
_SHIPPED_IN_COUNTRY = re.compile(r"\b(?:shipments|deliveries)\b[^.;,]{0,50}?\bin\s+(?:the\s+)?$", re.I)
_OWN_EXPORTS = re.compile(r"['’]s\s+(?:[\w-]+\s+){0,2}?exports\b", re.I)


def _by_whom(metric: str, company: str | None, where: Place, view: SentenceView, producers: bool = False) -> str:
    """Goods leaving a country are its `exports`, a producer's own deliveries its `shipments`
    (`the mining giant exported 84.1mn t`, and the shipments a producers' association counts), unless the text
    says whose they are (`Economic Times reported that Chile's exports …`); a purchase with no country buying is
    `demand` (investors' gold), not anyone's imports."""
    text = view.text
    if metric in {"exports", "shipments"}:
        owned = any(m.canonical == where.country and _OWN_EXPORTS.match(text, m.end) for m in view.entities.countries)
        if (company or (producers and metric == "shipments" and _at_home(where, view))) and not owned:
            return "shipments"
        at_home = _DOMESTIC.search(text) or any(_SHIPPED_IN_COUNTRY.search(text, 0, m.start)
                                                 for m in view.entities.countries if m.canonical == where.country)
        return "shipments" if metric == "shipments" and at_home else "exports"
    if metric == "imports" and where.country is None and where.partner is None and not _IMPORT.search(text):
        return "demand"
    return metric


def _at_home(where: Place, view: SentenceView) -> bool:
    """Shipments with no other side: the sentence names no country but whose they are."""
    return where.partner is None and all(m.canonical == where.country for m in view.entities.countries)


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
    # `expects output to recover by 10% if power prices remain low`: an input is only its own figures' commodity
    own = _of_input(draft, view)
    found = next((c for c in _candidates(draft, view, state, metric) if c and (own or c not in INPUTS)), None)
    return None if found == NO_COMMODITY else found


def _candidates(draft: Draft, view: SentenceView, state: PostState, metric: str) -> Iterator[str | None]:
    """Where a figure's commodity is looked for, nearest first (each asked only when the ones before give none)."""
    yield _respective(draft, view)
    yield commodity_in_clause(draft, view, metric == "market_share")
    yield labelled_commodity(draft, view)
    # `World mine production … 82,000 tons` after APT's price, in USGS's TUNGSTEN summary: the mined metal
    yield state.scan.title_commodity if _MINED.search(view.clause_text(draft.anchor.clause)) else None
    yield state.paragraph.commodity
    yield commodity_elsewhere(draft, view, segment_only=True)
    yield state.heading_commodity
    yield state.commodity  # `Consumption rose 13.6%, while crude steel output grew`: not the other series'
    yield commodity_elsewhere(draft, view)
    yield state.scan.title_commodity


def _respective(draft: Draft, view: SentenceView) -> str | None:
    """`lead and zinc production were 27,800 tonnes and 51,200 tonnes, respectively`: metals pair with the figures
    as countries do (a flow's make-up, `mostly slab and billet`, is none of them)."""
    paired = respective(draft, view, beside_main_parts(view.entities.commodities, view.text))
    return paired.canonical if paired else None


def _of_input(draft: Draft, view: SentenceView) -> bool:
    """Whether the figure may be an input's (`995 euros per megawatt hour`, `used 12,000 GWh of electricity, about 14%
    of …`, `electricity tariffs rose by 18.65%`): in energy, or after the input in its sentence, not before it (`output
    to recover by 10% if power prices remain low`)."""
    return "Wh" in (draft.unit or "") or any(
        m.canonical in INPUTS and m.start < draft.anchor.q.start for m in view.entities.commodities)


def _yearly(value: float | None, unit: str | None, draft: Draft) -> float | None:
    """A capacity or output rate written by the month (`10,000 tons a month`) is twelve times that a year."""
    if value is not None and unit == "t/yr" and draft.anchor.q.per_month:
        return value * 12
    return value


def _yuan_sign(unit: str | None, written: str, country: str | None) -> str | None:
    """`¥` is the yen's sign (data/currencies.tsv) and the yuan's: a Chinese figure in it is in yuan
    (`Chinese lithium carbonate futures slumped to ¥95,000 a tonne`)."""
    if written == "¥" and country == "China" and unit and unit.startswith("JPY"):
        return "CNY" + unit[3:]
    return unit


_BARE_CROWNS = re.compile(r"(?<!Norwegian )\bcrowns\b")
_BARE_PESOS = re.compile(r"(?<!Mexican )\bpesos?\b")


def _own_currency(unit: str | None, draft: Draft, view: SentenceView, scan: PostScan) -> str | None:
    """Bare `crowns` are the kind the post names (`Swedish crowns` before `1.5 billion crowns`: SEK), and bare
    `pesos` its country's (`14,300 million pesos` in a post on Argentina: ARS)."""
    q = draft.anchor.q
    if not unit or not unit.startswith(("NOK", "MXN")):
        return unit
    for default, own, bare in (("NOK", scan.crowns, _BARE_CROWNS), ("MXN", scan.pesos, _BARE_PESOS)):
        if unit.startswith(default) and own != default and bare.search(view.text, q.start, q.end):
            return own + unit[3:]
    return unit


def _quoted_in(unit: str | None, figure: str, country: str | None, local: str | None) -> str | None:
    """A share price in bare `$` or cents (`72c`, `20¢`) is in the dollar of the country whose exchange quotes it, or,
    with none named, in the dollar the post writes bare (`Arafura shares rose 11.1 per cent to 20¢` in the AFR)."""
    if unit == "USD" and (figure.startswith("$") or figure.endswith(("c", "¢"))):
        return local_dollars().get(country, unit) if country else local or unit
    return unit


_PER_UNIT_BEFORE = re.compile(r"\bper\s+(?:(?:metric\s+)?(?P<t>tonne|ton|t)|(?P<oz>ounce|oz)|(?P<lb>pound|lb))\b"
                              r"(?:\s+(?:shipped|sold|produced))?"
                              r"(?:\s+of\s+[\w-]+)?(?:,[^,;]{1,60},)?"  # `per pound of copper, net of by-product …,`
                              r"\s+(?:\w+\s+){0,5}?(?:was|were|is|of|at|to|rose|fell|came\s+in\s+at)\s+"
                              r"(?:about\s+|around\s+)?$", re.I)


def _per_before(view: SentenceView, start: int, position: int) -> str | None:
    """The mass a `per` written before the figure at `position` prices it by (`/t`, `/oz`, `/lb`)."""
    per = _PER_UNIT_BEFORE.search(view.text, start, position)
    return None if per is None else "/t" if per.group("t") else "/oz" if per.group("oz") else "/lb"


def _priced_unit(draft: Draft, view: SentenceView) -> str | None:
    """A sum written without its `per` takes that of a price in its currency in the sentence: the one after it
    (`fell 30 yuan to 3,600 yuan a tonne`), else the only one (`up to ¥50,000 …, a total of ¥900,000 per EV`)."""
    unit = draft.unit
    if unit is None or not is_money_sum(unit):
        return unit
    q = draft.anchor.q
    segment = next(c.start for c in view.clauses if c.segment == draft.anchor.clause.segment)
    per = _per_before(view, segment, q.start)
    if per:  # `Adjusted EBITDA per tonne shipped was $484`, `cash costs per ounce were $903`: written before it
        return unit + per
    if draft.comparison and not metric_rules.BIG_SUM.search(view.text, q.start, q.end):
        # `AISC rose to $1,593 an ounce from $1,562`, `was 49 cents, compared with 86 cents`; not `fell to $249.9
        # million, or $1.05 per share, … from $1.14 billion`
        compared = [i.q for i in view.items if segment <= i.q.start and i.q.end <= q.start
                    and i.q.unit.split("/")[0] == unit]
        listed = _base_of_listed_price(draft, view, unit)
        if listed is not None:
            return _borrowed(draft, view, listed)
        if compared and "/" in compared[-1].unit:
            return _borrowed(draft, view, compared[-1])
        per = _per_before(view, segment, compared[-1].start) if compared else None
        if per:
            return unit + per
    priced = [i.q for i in view.items if i.q.unit.startswith(unit + "/")]
    listed = next((p for p in priced if p.start > q.end and _MONEY_LIST.fullmatch(view.text, q.end, p.start)), None)
    if listed is not None and not metric_rules.BIG_SUM.search(view.text, q.start, q.end):
        return _borrowed(draft, view, listed)  # `duties of $619, $739 and $873 per tonne`: the list's unit
    if metric_rules.BIG_SUM.search(view.text, q.start, q.end) or metric_rules.company_sum_named(draft, view):
        return unit  # `Net debt stood at $US1.6 billion … sold for $US18.54 a tonne`: a sum, not a price
    after = [q for q in priced if q.start > draft.anchor.q.start]
    if after:
        return _borrowed(draft, view, after[0])
    return _borrowed(draft, view, priced[0]) if len({q.unit for q in priced}) == 1 else unit


def _base_of_listed_price(draft: Draft, view: SentenceView, currency: str) -> Quantity | None:
    """`$21.25 per tonne and 2.125 cents per pound, down from $80 and 8 cents`: bare sums listed after as many prices
    in their currency are those prices' bases, in order."""
    run = [i.q for i in view.items
           if i.clause.segment == draft.anchor.clause.segment and i.q.unit.split("/")[0] == currency]
    bare_from = next((k for k in range(len(run) - 1, -1, -1) if "/" in run[k].unit), None)
    if bare_from is None:
        return None
    priced, bare = run[: bare_from + 1], run[bare_from + 1 :]
    position = bare.index(draft.anchor.q) if draft.anchor.q in bare else -1
    if len(bare) < 2 or position < 0 or len(priced) < len(bare) \
            or any("/" not in p.unit for p in priced[-len(bare):]):
        return None
    return priced[len(priced) - len(bare) + position]


# between sums listed before the one that writes its unit: `$619, $739 and `
_MONEY_LIST = re.compile(r"(?:\s*,\s*(?:[A-Z]{0,3}[$€£¥])?[\d.,]+)*\s*,?\s*and\s+")

_PER_TEN = re.compile(r"\bper\s+10\s?(?:grams?|g)\b", re.I)


def _borrowed(draft: Draft, view: SentenceView, price: Quantity) -> str:
    """The unit of the price a sum is written beside; one quoted per 10 grams (`84,500 rupees per 10 grams …, after a
    record 85,000 rupees`) was read per gram, so the sum is scaled as it was."""
    if _PER_TEN.search(view.text, price.start, price.end + 16) and draft.value is not None:
        draft.value /= 10
        draft.value_max = draft.value_max / 10 if draft.value_max is not None else None
    return price.unit


def _unit(draft: Draft, metric: str, view: SentenceView, commodity: str | None) -> str | None:
    unit = draft.unit
    if unit is None:
        return None
    annual = metric in {"production", "capacity", "target"}
    if unit == "t/yr" and not annual:
        return "t"
    if unit in {"t", "GWh"} and draft.anchor.q.per_year and annual:
        return f"{unit}/yr"
    if unit == "GWh" and metric in {"capacity", "target"} and _MAKING_CAPACITY.search(view.text):
        # a battery plant's capacity (or a goal for it) is a yearly rate, as a smelter's is; not a storage system's
        return "GWh/yr"
    if unit == "t" and (metric == "capacity" or (annual and _CAPACITY.search(figure_phrase(draft, view)))):
        return "t/yr"  # a plant's or a country's tonnage capacity is a yearly rate, `per year` or not
    if metric == "price" and unit[:3].isupper() and "/" not in unit:
        return f"{unit}/oz" if _PRECIOUS.search(commodity or "") else f"{unit}/t"
    return unit


_MAKING_CAPACITY = re.compile(r"\b(?:production|manufacturing|cell|battery)\s+capacity\b|\b(?:plants?|factor(?:y|ies)"
                              r"|gigafactor(?:y|ies))\b", re.I)


# A price with no unit of mass is per troy ounce for these (`U.S. gold futures gained 0.9% to $2,436.10`).
_PRECIOUS = re.compile(r"^(?:spot )?(?:gold|silver|platinum|palladium|rhodium|iridium|ruthenium)$", re.I)


_CAPACITY = re.compile(r"\bcapacit(?:y|ies)\b", re.I)
