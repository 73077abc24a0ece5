"""Commodity, company and source of a figure: what it is of, whose it is, and who says so."""

from __future__ import annotations

import re

from metalnomist.extract.backward import ending
from metalnomist.extract.sentence import Draft, SentenceView
from metalnomist.extract.vocab import Mention, organisation_countries

_OF_ITS = re.compile(r"^\s*of\s+(?:its|their)\s+$", re.I)
_OF_AFTER = re.compile(r"^\s*(?:\([^)]*\)\s*)?(?:of|in|worth of|for)\s+(?:the\s+)?$", re.I)
_CREDIT_AFTER = re.compile(
    r"^(?:'s)?\s+(?:\w+\s+)?(?:forecast\w*|expect\w*|project\w*|plan\w*|predict\w*|estimat\w*|aim\w*|announc\w*|said|says|report\w*|data|target\w*|revis\w*)\b",
    re.I,
)
_CREDIT_BEFORE = ending(r"\baccording to\s+(?:\w+\s+){0,3}$", re.I)
_ANAPHOR = re.compile(
    r"\b(?:the|its) (?:[\w.]+-(?:based|listed|headquartered) )?"  # `the Perth-based miner`
    r"(?:company|firm|group|plant|facility|project|system|mine|smelter|refinery|"
    r"venture|BESS|producer|miner|automaker|carmaker|(?:mining |metals |steel )?giant)\b",
    re.I,
)


def commodity_in_clause(draft: Draft, view: SentenceView, share: bool) -> str | None:
    """The commodity the figure's own clause, or a figure-free clause framing it, narrows it to.

    A share belongs to its holder (`imported EVs made up 43% of total EV sales`), so for
    shares the mentions before the figure come first."""
    q, clause = draft.anchor.q, draft.anchor.clause
    mentions = view.entities.commodities
    for m in mentions:
        between = view.text[q.end : m.start]
        if m.start >= q.end and ((_OF_AFTER.match(between) and not share) or _OF_ITS.match(between)):
            return m.canonical  # `30% of its lithium`: the holder's own commodity, named after the share
    own = _beside_examples([m for m in mentions if clause.start <= m.start < clause.end], view.text)
    if share and any(m.end <= q.start for m in own):
        return next(m for m in own if m.end <= q.start).canonical  # the holder is the subject
    named = [m for m in own if 0 <= m.start - q.end <= 1]  # `4.3% lead`: the word right after names it
    before = [m for m in own if m.end <= q.start]
    # `sales of new energy vehicles in China's passenger car market rose`: the market they are sold in
    before = [m for m in before if not _MARKET_AFTER.match(view.text, m.end)] or before
    # `output of recycled aluminium from post-consumer scrap reached`: the scrap it is made from is its feed
    before = [m for m in before if not any(_FED_FROM.fullmatch(view.text, o.end, m.start) for o in before)] or before
    if named or before:  # `LME lead fell 0.2% to $1,992.5 and nickel dipped …`: else its subject precedes it
        return (named or before)[-1].canonical
    if own:
        return _nearest(own, q.start).canonical
    frames = [c for c in view.main_clauses(clause.segment)
              if c.start < clause.start and not view.has_items(c) and not view.is_aside(c)]
    here = _beside_examples([m for m in mentions if any(c.start <= m.start < c.end for c in frames)], view.text)
    return _nearest(here, q.start).canonical if here else None


_MARKET_AFTER = re.compile(r"\s+markets?\b", re.I)
_FED_FROM = re.compile(r"\s+(?:made\s+|produced\s+)?from\s+(?:[\w-]+\s+){0,2}", re.I)
_EXAMPLES = re.compile(
    r"(?:,\s*|\s)(?:including|such\s+as)\s+(?:[^,;]*(?:,[^,;]*)*?\s(?:and|or)\s)?[^,;]*"  # examples of the group
    r"|,\s*which\s+[^,;]*"  # `magnets, which use rare earths, …`: a description of the noun before
    r"|\b(?:strongest|weakest|best|worst|biggest|top)\s+(?:performer\s+|gainer\s+|loser\s+)?(?:of|among)\s+"
    r"(?:the\s+)?[\w -]+?(?=,|\s+(?:on|in|at|after|with)\b)",  # `Tin was the strongest of the base metals, climbing`
    re.I,
)
# `Imports of refined nickel from Russia, mainly Nornickel's cathode, fell 27%`, `Imports from Russia and Ukraine,
# mostly slab and billet, amounted to …`: what a flow mainly is, not what the figure is of
_MAINLY = re.compile(r",\s*(?:mainly|mostly|largely|chiefly|primarily)\s+[^,;]*", re.I)


def _beside_examples(mentions: list[Mention], text: str) -> list[Mention]:
    """`Output of the 10 nonferrous metals, including copper, aluminium, lead and zinc, rose 7.4%`, `Exports of
    magnets, which use rare earths such as neodymium, rose 13%`: the figure is of what the examples, or the
    description, are of, when the clause names it; never of what the flow mainly is (`_MAINLY`)."""
    lists = [(m.start(), m.end()) for m in _EXAMPLES.finditer(text)]
    mentions = beside_main_parts(mentions, text)
    kept = [m for m in mentions if not any(start <= m.start < end for start, end in lists)]
    return kept or mentions


def beside_main_parts(mentions: list[Mention], text: str) -> list[Mention]:
    """The mentions outside an aside of what a flow mainly is (`, mostly slab and billet,`)."""
    if "ly " not in text:
        return mentions
    spans = [(m.start(), m.end()) for m in _MAINLY.finditer(text)]
    return [m for m in mentions if not any(start <= m.start < end for start, end in spans)]


# `- Aluminium: $1.14/lb`, `• Primary aluminium: 4.1 million tonnes`: a list item's label says what it is of
_ITEM_LABEL = re.compile(r"^[^\w$€£¥₹]{0,3}((?:[^:;.]|\.(?=\d)){1,60}):\s")  # `- Bismuth 99.99%:`


def labelled_commodity(draft: Draft, view: SentenceView) -> str | None:
    """The commodity named in the label of a list item, for a figure after the label."""
    label = _ITEM_LABEL.match(view.text)
    if label is None or draft.anchor.q.start < label.end():
        return None
    named = [m for m in view.entities.commodities if label.start(1) <= m.start < label.end(1)]
    return named[-1].canonical if named else None


def commodity_elsewhere(draft: Draft, view: SentenceView, segment_only: bool = False) -> str | None:
    """Last resort inside the sentence: the nearest commodity of a main clause of the figure's own segment,
    else (unless `segment_only`) of any."""
    q = draft.anchor.q
    scopes = [view.main_clauses(draft.anchor.clause.segment)] + ([] if segment_only else [view.main_clauses()])
    for scope in scopes:
        here = [m for m in _wholes(view) if any(c.start <= m.start < c.end for c in scope)]
        if here:
            return _nearest(here, q.start).canonical
    return None


# `installations totalled 548.4 GWh, with LFP's share rising to 74.6 percent`: the holder of a share is a part
_SHARE_AFTER = re.compile(r"(?:'s)?\s+share\b")


def _holders(view: SentenceView) -> list[Mention]:
    """The commodities a sentence gives only a share of (none where it writes no `share`)."""
    if "share" not in view.text:
        return []
    return [m for m in view.entities.commodities if _SHARE_AFTER.match(view.text, m.end)]


def _wholes(view: SentenceView) -> list[Mention]:
    """The commodities a sentence names, but those it gives only a share of."""
    holders = _holders(view)
    return [m for m in view.entities.commodities if m not in holders]


def share_holders(view: SentenceView) -> set[str]:
    """The commodities a sentence gives a share of: parts of what the text is about, which carry on to nothing."""
    return {m.canonical for m in _holders(view)}


def subject_commodities(view: SentenceView) -> list[str]:
    """What a paragraph's opening sentence is about, for telling whether it starts a new report."""
    return [m.canonical for m in _wholes(view)]


def _nearest(mentions: list[Mention], position: int) -> Mention:
    return min(mentions, key=lambda m: abs(m.start - position))


def framing_commodity(view: SentenceView) -> str | None:
    """The first commodity a sentence without figures names in a main clause."""
    for m in view.entities.commodities:
        if any(c.start <= m.start < c.end for c in view.main_clauses()):
            return m.canonical
    return None


def company_of(draft: Draft, view: SentenceView, last_company: str | None) -> str | None:
    q, clause = draft.anchor.q, draft.anchor.clause
    companies = [m for m in view.entities.organisations if m.kind == "company"]
    own = [m for m in companies if clause.start <= m.start < clause.end]
    if own:
        before = [m for m in own if m.end <= q.start]
        return (before[-1] if before else own[0]).canonical
    # of the figure's own half of the sentence, and not one an explanation or an aside names (`…, boosted by
    # output at Anglo American's mine`)
    framing = [c for c in view.main_clauses(clause.segment) if not view.is_aside(c)]
    main = [m for m in companies if any(c.start <= m.start < c.end for c in framing)]
    if main:
        return _nearest(main, q.start).canonical
    return last_company if _ANAPHOR.search(view.text) else None  # `while Nissan's Sakura sold …`: another subject


def credits(view: SentenceView) -> str | None:
    """Bodies the sentence credits, in text order: agencies always, companies when they state it."""
    names: list[str] = []
    for m in view.entities.organisations:
        credited = (
            m.kind in {"agency", "exchange"}
            or _CREDIT_AFTER.match(view.text[m.end :])
            or _CREDIT_BEFORE.search(view.text[: m.start])
        )
        if credited and m.canonical not in names:
            names.append(m.canonical)
    return "; ".join(names) if names else None


def agency_country(view: SentenceView) -> str | None:
    """The country whose statistics the sentence cites (`ABS data show` → Australia)."""
    countries = organisation_countries()
    for m in view.entities.organisations:
        if m.kind == "agency" and m.canonical in countries:
            return countries[m.canonical]
    return None


_OVER_BASE = ending(r"\b(?:over|(?:discount|premium|spread)s?\s+to|below|above)\s+(?:the\s+)?$", re.I)
# unless the figure is the base's own price, after the premium's (`a premium of $1,000/t over LME three-month copper
# at $9,480/t`; not `putting the premium over LME copper at about $810 a ton`)
_FIGURE_OVER = ending(r"\d[^\d,;]{0,20}\bover\s+(?:the\s+)?$", re.I)
_PRICED_AT = re.compile(r"[\w\s-]{0,40}?\s(?:at|of)\s+(?:about\s+|around\s+|nearly\s+)?")
_EXCHANGE_WORDS = re.compile(r"\b(?:cancell?ed\s+warrants?|(?:on|live)[- ]warrant|cash-to-three-months)\b", re.I)


def exchange_country(view: SentenceView, draft: Draft) -> tuple[bool, str | None]:
    """For a price or stock quoted on an exchange: (True, its country) — SHFE → China, Comex → the United
    States, LME → None (an international market); (False, None) when the sentence names no exchange.
    With several (`LME copper fell …, and SHFE copper …`), the one named last before the figure, else the first
    after it in its part of the sentence."""
    countries = organisation_countries()
    named = [m for m in view.entities.organisations if m.kind == "exchange"]
    # `the premium … over the London Metal Exchange price`: the exchange is what the figure is measured against
    exchanges = [m for m in named if not _OVER_BASE.search(view.text, 0, m.start)
                 or (_FIGURE_OVER.search(view.text, 0, m.start) and _PRICED_AT.fullmatch(view.text, m.end,
                                                                                         draft.anchor.q.start))]
    if named and not exchanges:
        return False, None
    if not exchanges:
        # warrants and the cash-to-three-months spread are the exchange's own: `Cancelled warrants stood at …`
        return (True, None) if _EXCHANGE_WORDS.search(view.text) else (False, None)
    before = [m for m in exchanges if m.end <= draft.anchor.q.start]
    # one named after the figure is its exchange in its own part of the sentence only (`rose to $9,000 a ton on the
    # LME`; not `prices rose 15 euros to 625 euros a ton, while CME's north European HRC futures …`)
    after = [m for m in exchanges if view.in_segment(draft.anchor.clause, m.start)]
    chosen = before[-1] if before else after[0] if after else None
    if chosen is None:
        return False, None
    listed = _listed_with(chosen, exchanges, view.text)
    if len({countries.get(m.canonical) for m in listed}) > 1:
        return True, None  # `stocks held at the LME, COMEX and the Shanghai Futures Exchange`: the markets' sum
    return True, countries.get(chosen.canonical)


_EXCHANGE_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+|&\s*)(?:the\s+)?", re.I)


def _listed_with(chosen: Mention, exchanges: list[Mention], text: str) -> list[Mention]:
    """The exchanges named in one list with the chosen one (`the LME, COMEX and the Shanghai Futures Exchange`)."""
    at = exchanges.index(chosen)
    first = last = at
    while first > 0 and _EXCHANGE_JOIN.fullmatch(text, exchanges[first - 1].end, exchanges[first].start):
        first -= 1
    while last + 1 < len(exchanges) and _EXCHANGE_JOIN.fullmatch(text, exchanges[last].end, exchanges[last + 1].start):
        last += 1
    return exchanges[first : last + 1]
