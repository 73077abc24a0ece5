"""Which series a figure belongs to: the metric, read from the unit and the nearest trigger word."""

from __future__ import annotations

import re

from metalnomist.extract.backward import ending
from metalnomist.extract.grammar import OF_AFTER
from metalnomist.extract.sentence import Draft, SentenceView, Trigger
from metalnomist.extract.units import is_money_sum
from metalnomist.extract.vocab import GUIDANCE, LEVY, metric_triggers

_SHARE_CUE = re.compile(
    r"\b(?:account(?:s|ed|ing)?\s+for|made\s+up|makes?\s+up|making\s+up|contribut\w*|suppl(?:ied|ies|ying)|represent(?:s|ed|ing)?|market\s+share|share)\b",
    re.I,
)
_REBATE_AFTER = re.compile(r"\s*(?:[\w-]+\s+){0,3}?rebates?\b", re.I)
_TARIFF_AFTER = re.compile(rf"^\s*(?:[A-Z][\w.]*\s+)?(?:[\w-]+\s+)?{LEVY}\b", re.I)
_TARIFF_IN_CLAUSE = ending(rf"\b{LEVY}\b[^;]*\b(?:to|at|of|from|between|is|was)\s+(?:\w+\s+){{0,2}}$", re.I)
# `a duty of 25%`, `anti-dumping duties of between $619 and $873 per tonne`, `a levy of up to $30 a tonne`, and the
# items of a list of duties (`duties of $619, $739 and $873 per tonne`)
_TARIFF_BEFORE = ending(rf"\b{LEVY}\s+(?:rate\s+)?(?:of|at)\s+(?:\w+\s+|up\s+to\s+|as\s+much\s+as\s+)?"
                            r"(?:(?:[A-Z]{0,3}[$€£¥])?[\d.,]+\s*(?:,\s*(?:and\s+)?|and\s+))*$", re.I)
# A percent that is a level of its own, not a share of a total: a rate, a grade, progress.
_NOT_A_SHARE = re.compile(
    r"\b(?:rates?|utili[sz]ation|completion|complete|reliant|reliance|averaging|grad(?:es?|ing)|margins?"
    r"|recover(?:y|ies)|(?:ran|running|runs|operat\w*)\s+at"
    r"|of\s+(?:its\s+|their\s+|the\s+)?(?:[\w,-]+\s+){0,5}?(?:capacity|throughput))\b",  # `85% of nameplate throughput`
    re.I,
)
# A sentence on operating rates: its bare percents are rates too (`that of foil producers held steady at 71.5%`)
_OPERATING_RATES = re.compile(r"\b(?:operating|utili[sz]ation|capacity[- ]use)\s+rates?\b", re.I)
_ROYALTY = re.compile(r"\broyalt(?:y|ies)\b", re.I)
# `the cobalt hydroxide payable indicator at 93-95% of the metal price`: price reporters assess payables as prices
_DISCOUNT_AFTER = re.compile(r"\s+(?:discount|premium)\b", re.I)
_DISCOUNT_BEFORE = ending(r"\b(?:discount|premium)\s+of\s+(?:about\s+|around\s+)?$", re.I)
_PAYABLE = re.compile(r"\bpayables?\b", re.I)
# `was given a rate of 27.1%`, `assigned rates of 102.7%`
_PAID = re.compile(r"\b(?:pay|pays|paying|paid|faces?|facing|faced|gets?|got|given|assigned|received?|receiving)\b"
                   r"(?:\s+(?:a|an|the)\b)?[^;]{0,80}$", re.I)
# in a post about duties, a `rate` is one (`the rate for all other exporters was set at 40.19 percent`), unless it
# names another kind of rate
_LEVIED_RATE = ending(r"(?<!utilisation )(?<!utilization )(?<!operating )(?<!growth )(?<!exchange )"
                          r"(?<!interest )(?<!recovery )(?<!inflation )(?<!run )(?<!capacity )(?<!production )"
                          r"\brates?\b[^;%]*$", re.I)
BULLET = re.compile(r"\s*[-•*–]\s")  # a list item: `- Vietnam: Nam Kim Steel 39.1 percent`
_TARGET = re.compile(
    # `aims by 2030 to extract at least 10%`
    r"\b(?:goals?|targets?|targeting|targeted(?!\s+for)|aim(?:s|ed|ing)?\s+(?:,?\s*by\s+\d{4},?\s+)?to|objective)\b",
    re.I
)
_PLANT = re.compile(r"\b(?:plant|facility|capacity|smelter|refinery|mill|furnace)\b", re.I)
_USES = re.compile(r"\b(?:consum(?:e|es|ed|ing)|use|uses|used|using|buy|buys|bought|buying)\b", re.I)
_DEMAND_AFTER = re.compile(r"(?:\s+(?:a|per)\s+year)?\s+of\s+(?:[\w-]+\s+){0,3}?(?:demand|consumption|needs)\b", re.I)
# `a 5 Mtpa mine`, `the 300,000-tonne-per-year copper project`: a rate that sizes what it names is its capacity
# (`its 5.6 million-ton-a-year Dung Quat 2 complex`)
_PLANTS = r"plant|smelter|refinery|furnace|mill|concentrator|complex"
_SIZES = re.compile(r"(?:[\s-]+(?:a|per)[\s-]+(?:year|annum))?\s+(?:[\w-]+\s+){0,3}?"
                    rf"(?:mine|project|operation|line|works|{_PLANTS})(?:es|s)?\b", re.I)
_ENERGY_FLOW = re.compile(r"\b(?:sales|sold|demand|consumption|(?<!-)generat\w+|exports?|imports?|shipped|shipments"
                          r"|installed|installations?|usage|used)\b", re.I)  # not `next-generation batteries`

# `the ENC HPAL project, designed to produce 72,000 tonnes of nickel … per annum`: what it is built to make a year
_DESIGNED = re.compile(r"\b(?:designed|built)\s+to\s+(?:produce|make|process|treat)\s+(?:up\s+to\s+)?$", re.I)
_FLOWS = frozenset({"consumption", "sales", "shipments", "exports", "imports", "demand", "production"})
_MADE = re.compile(r"\b(?:produc(?:ed|tion)|output)\b", re.I)
_CAPACITY_WORD = re.compile(r"\bcapacit", re.I)
_YEARLY = re.compile(r"\b(?:annually|a\s+year|per\s+(?:year|annum))\b", re.I)  # `3GWh of output annually`: a rate

MONEY_METRICS = frozenset(
    {"subsidy", "budget", "investment", "exports", "imports", "sales", "price", "demand", "other"})
FLOW_METRICS = frozenset(
    {
        "imports",
        "exports",
        "production",
        "sales",
        "shipments",
        "capacity",
        "demand",
        "consumption",
        "inventory",
        "price",
        "other",  # a market deficit or surplus
    }
)


# what a company earns per tonne: `Adjusted EBITDA per tonne shipped was $484`, of no metal (facts.py)
_EARNED_PER_TONNE = r"(?:ebitda|ebit|profits?|margins?|earnings)\s+per\s+(?:metric\s+)?(?:tonne|ton|t)\b"
EARNED_PER_TONNE = re.compile(rf"\b{_EARNED_PER_TONNE}", re.I)
_COST = re.compile(
    r"\b(?:(?:unit|cash|c1|operating|production|mining|site|conversion|consumption|all-in(?:\s+sustaining)?|fob|cif)"
    r"\s+costs?|aisc|costs?\s+of\s+(?:production|goods\s+sold)|at\s+an?\s+cost\s+of"  # `at a cost of A$300/t`
    rf"|{_EARNED_PER_TONNE})\b",
    re.I,
)
# what a producer keeps, per tonne: `the gross margin of mills narrowed to 35 yuan/t`, `earned 12,400 yen per ton`,
# `EBITDA of €55 million, or €34 per tonne`
_KEPT = re.compile(r"\b(?:(?:gross|profit|operating|ebitda|mills?['’]?|metal|smelting|refining)\s+margins?"
                   r"|earn(?:ed|s|ing)|EBITDA|EBIT)\b", re.I)  # `the US EAF metal margin widened to $388 per tonne`
_PRICE_WORD = re.compile(r"\bprices?\b", re.I)


def _after_last(cue: re.Pattern[str], rival: re.Pattern[str], text: str, position: int) -> bool:
    """Whether `cue` is written before `position`, and after the last `rival` before it."""
    last_cue = max((m.start() for m in cue.finditer(text, 0, position)), default=None)  # one pass over the text
    return last_cue is not None and rival.search(text, last_cue, position) is None
_PER_SHARE = re.compile(r"\b(?:per|a|each)\s+share\b", re.I)


def allowed_metrics(draft: Draft) -> frozenset[str]:
    unit = draft.unit or ""
    if unit[:3].isupper():
        return MONEY_METRICS
    return FLOW_METRICS - {"price"} if unit else FLOW_METRICS


def nearest_trigger(view: SentenceView, start: int, end: int, lo: int, hi: int, allowed: frozenset[str]) -> str | None:
    best: tuple[int, str] | None = None
    for t in view.triggers:
        if lo <= t.start < hi and t.metric in allowed:
            distance = t.start - end if t.start >= end else start - t.end
            if best is None or distance < best[0]:
                best = (max(distance, 0), t.metric)
    return best[1] if best else None


_OF_OPENING = re.compile(r"\s*(?:of|ranging)\b", re.I)


def base_metric(draft: Draft, view: SentenceView, carried: str | None, levies: bool = False,
                quota: str | None = None) -> str:
    """The series without the `target` reading; comparison levels reuse their main figure's. In a post
    about duties (`levies`), a rate exporters `pay` or `face`, and a list item's percent, are tariffs; in one
    whose headline names export or mining quotas (`quota`, their series), a bare `quota` is one of them."""
    unit = draft.unit or ""
    q, clause = draft.anchor.q, draft.anchor.clause
    if draft.metric_hint:
        return draft.metric_hint
    text = view.text
    if unit == "%" and draft.value is not None:
        before = text[clause.start : q.start]
        if _OF_OPENING.match(before):  # `a safeguard duty - a temporary tax - of up to 25%`: the aside split it off
            before = text[: q.start]
        if _REBATE_AFTER.match(text, q.end, clause.end):
            return "subsidy"  # `the 13% export tax rebate`: money a state hands back, not a levy
        if (
            _TARIFF_AFTER.match(text[q.end : clause.end])
            or _TARIFF_BEFORE.search(before)
            or _TARIFF_IN_CLAUSE.search(before)
            or (levies and (_PAID.search(text, 0, q.start) or BULLET.match(text)  # `… and others 22.6%`
                            or (_LEVIED_RATE.search(text, max(0, q.start - 80), q.start)  # `the rate … 40.19%`
                                and not _ROYALTY.search(text))))
        ):
            return "tariff"
        if _PAYABLE.search(view.clause_text(clause)) or _PAYABLE.search(text, 0, q.start) \
                or _DISCOUNT_AFTER.match(text, q.end) or _DISCOUNT_BEFORE.search(text, 0, q.start):
            return "price"  # `a discount of 14.9% to the 62% index`: a price relative to another
        if _ROYALTY.search(text, clause.start, q.start):
            return "other"  # `royalties on nickel ore will rise to 14%`, not `45% of the royalties`
        if not _SHARE_CUE.search(view.clause_text(clause)) and (
                _NOT_A_SHARE.search(view.clause_text(clause))
                or (_OPERATING_RATES.search(text) and not OF_AFTER.match(text, q.end))):
            return "other"  # `… and are expected to slip to 82 percent in December`, after operating rates
        return "market_share"
    if is_money_sum(unit) and any(m.kind == "exchange" and m.start < q.start for m in view.entities.organisations):
        return "price"  # `LME lead fell 0.2% to $1,992.5`: an amount quoted on an exchange is its price (not `Net sales
        # reached $3.05 billion, as the average LME copper price climbed`)
    if is_money_sum(unit) and (_BOUGHT_FOR.search(text, 0, q.start)
                               or (_PAY.search(text, 0, q.start) and _DEAL.search(text))):
        return "investment"  # what a stake or a mine costs: `sell a 30% stake … to Mitsubishi for $600 million`
    if is_money_sum(unit) and (_FACILITY_AFTER.match(text, q.end)
                               or _FACILITY_COST.search(text, clause.start, q.start)):
        return "investment"  # what a plant costs: `Aurubis's $800 million multi-metal recycling plant`
    if "/" in unit and unit[:3].isupper():
        segment = next(c.start for c in view.clauses if c.segment == clause.segment)
        if _TARIFF_BEFORE.search(text, segment, q.start):
            return "tariff"  # `anti-dumping duties of between $619 and $873 per tonne`: a duty per mass
        if unit.endswith("/unit") and _PER_SHARE.search(text, q.start, q.end + 12):
            return "other"  # `earnings of $2.05 per share`, a dividend: a company's money per share, not a price
        if _after_last(_COST, _PRICE_WORD, text, q.start):
            # `unit costs rose to US$18.50 per tonne`, `a realised price of US$785/t … at a cost of A$300/t`: what
            # producing costs, not a market's price
            return "other"
        kept = _KEPT.search(text, segment, q.start)
        if kept and not _PRICE_WORD.search(text, kept.end(), q.start):
            return "other"  # `prices rose 40 yuan, but the gross margin of mills narrowed to 35 yuan/t`: not a price
        subsidised = re.search(r"\b(?:subsid|grant|incentive|rebate)", text, re.I) or carried in {"subsidy", "budget"}
        return "subsidy" if subsidised and unit.endswith("/unit") else "price"
    if unit.startswith(("GWh", "MW")) and not _ENERGY_FLOW.search(view.clause_text(clause)) and not (
            unit.startswith("GWh") and _MADE.search(text) and not _CAPACITY_WORD.search(text)
            and not _YEARLY.search(view.clause_text(clause))) and not (
            unit == "GWh" and carried in _FLOWS and not _CAPACITY_WORD.search(text)):
        # not `production of lithium-ion batteries reached 41.6 GWh`: energy made, a flow; nor `SK On posted 40.1 GWh`
        # in a report on battery usage
        return "capacity"
    if unit == "t/yr" or (draft.anchor.q.per_year and unit == "t"):
        # not what a plant will use (`expected to consume about 2.5 million tonnes of scrap a year`, `adds roughly
        # 1.5-2 million tonnes a year of coking coal demand`)
        uses = _USES.search(text, clause.start, q.start) or _DEMAND_AFTER.match(text, q.end)
        if (_PLANT.search(text) and not uses) or _SIZES.match(text, q.end) or _DESIGNED.search(text, 0, q.start):
            return "capacity"
    found = _by_trigger(draft, view, carried)
    if found == "price" and is_money_sum(unit) and BIG_SUM.search(text, q.start, q.end):
        return "other"  # `The price values Vizcachitas at $960 million`, an NPV `using a copper price of $4`: no price
    if found == "imports" and quota and _BARE_QUOTA.search(text):
        # `annual quotas will be capped at 96,600 tons` under `Congo sets cobalt export quotas`, `The 2024 quota was
        # revised up twice, to 273.4 million wmt` under `… nickel ore mining quotas for 2025`
        return quota
    return found


# A sum counted in millions or more: money a company has, spends or is worth, never a price per anything
BIG_SUM = re.compile(r"\b(?:million|mn|mln|billion|bn|bln|trillion|tn|crores?|lakh crores?)\b", re.I)
# `a 30% stake in its Copper World project … for $600 million`; `agreed to buy the Neves-Corvo copper-zinc mine …
# from Lundin Mining for $1.45 billion` (a mine bought, not metal sold); `will pay $420 million when the deal closes`
_BOUGHT_FOR = ending(
    r"(?:\b(?:stakes?|interests?|holdings?)\b"
    r"|\b(?:buy|buys|bought|buying|acquire[sd]?|acquiring|purchase[sd]?|sell|sells|sold|selling)\b[^.;\d]{0,120}?"
    r"\b(?:mines?|assets?|business(?:es)?|projects?|operations?|compan(?:y|ies)|miners?|divisions?|smelters?"
    r"|refiner(?:y|ies)|plants?|deposits?)\b)"
    r"[^.;]*\bfor\s+(?:about\s+|around\s+|some\s+|roughly\s+)?$", re.I)
_PAY = ending(r"\b(?:pay|pays|paid|paying)\s+(?:about\s+|around\s+|some\s+|roughly\s+|a\s+further\s+)?$", re.I)
_DEAL = re.compile(r"\b(?:stakes?|deal|transaction|acquisition|takeover)\b", re.I)
_FACILITIES = rf"(?:{_PLANTS}|factory)s?\b"
# a sum naming the plant it builds, a few of the plant's own words between (`$4.1 billion rolling and recycling plant`)
_FACILITY_AFTER = re.compile(
    rf"\s+(?:(?!(?:in|from|of|for|at|to|on|by|with|a|an|the|its|their|is|was|are|were|will|has|had)\b)[\w-]+\s+)"
    rf"{{0,4}}{_FACILITIES}", re.I)
# `the estimated cost of its Eneabba rare earths refinery … had risen to A$1.7 billion`
_FACILITY_COST = re.compile(rf"\bcost\s+of\s+(?:the|its|their|a|an)\s+(?:[\w-]+\s+){{0,5}}?{_FACILITIES}", re.I)


# a quota no word qualifies (by default a quota caps imports: `the EU's safeguard quota`)
_BARE_QUOTA = re.compile(r"^(?:(?!\b(?:imports?|safeguard|tariff-rate)\b).)*\bquotas?\b(?:(?!\bimports?\b).)*$",
                         re.I | re.S)


# Gold's official sector and funds (WGC, central banks, ETFs): what they buy is demand, what they hold a stock.
_OFFICIAL = re.compile(
    r"\b(?:central\s+banks?|official\s+sector|(?:People's|National|Reserve|Central)\s+Bank|PBoC|RBI|CBRT|NBP"
    r"|ETFs?|ETPs?|exchange[- ]traded\s+(?:funds?|products?))\b", re.I)
_HELD_LEVEL = re.compile(
    r"\b(?:holdings|reserves)\b[^.;]*?\b(?:to|at|reached|totall?ed)\s+(?:about\s+|around\s+|roughly\s+)?$", re.I)
_HOLDINGS = re.compile(r"\bholdings\b", re.I)  # what funds and central banks hold, named without them
_BOUGHT = re.compile(r"\b(?:b(?:ought|uy(?:s|ing)?)|purchas\w*|add(?:ed|ing|s)?|acquir\w*|inflows?|attract\w*)\b", re.I)


def _official_metric(draft: Draft, view: SentenceView, carried: str | None) -> str | None:
    """`The PBoC bought 5 tonnes` is demand, `bringing its gold holdings to 588 tonnes` inventory; so are the items of
    a list after central banks' buying (`- Russia added 21.3 tonnes, lifting its reserves to 936.7 tonnes`)."""
    q = draft.anchor.q
    if draft.unit != "t":
        return None
    listed = carried in {"demand", "inventory"} and BULLET.match(view.text)
    official = listed or _OFFICIAL.search(view.text, 0, q.start)
    held = _HELD_LEVEL.search(view.entities.masked, draft.anchor.clause.start, q.start)  # not `JFE Holdings said`
    if held and (_HOLDINGS.search(held.group()) or official):
        return "inventory"  # `Its total gold holdings reached 879 tonnes`; ore `reserves` only of a central bank
    if not official:
        return None
    segment = next(c.start for c in view.clauses if c.segment == draft.anchor.clause.segment)
    return "demand" if _BOUGHT.search(view.text, segment, q.start) else None


def _by_trigger(draft: Draft, view: SentenceView, carried: str | None) -> str:
    q = draft.anchor.q
    official = _official_metric(draft, view, carried)
    if official:
        return official
    allowed = allowed_metrics(draft)
    # `kept its full-year guidance of 318,000 to 345,000 tonnes of copper …, and said it still expected copper cash
    # costs of $1.90`: a cost named beside it is no guided tonnage's series
    guided = draft.unit == "t" and GUIDANCE.search(view.clause_text(draft.anchor.clause)) is not None
    if guided:
        allowed = allowed - {"other"}
    found = _own_clause_trigger(draft, view, allowed) or _aside_trigger(draft, view, allowed)
    if found:
        return found
    money = is_money_sum(draft.unit)
    if carried in {"exports", "imports"} and money and (_TRADE_VALUE.search(view.clause_text(draft.anchor.clause))
                                                        or _worth_of_tonnage(draft, view)):
        # `The value of the shipments dropped to $412.6 million` after the tonnage exported, `shipments totalled 7,900
        # tonnes worth US$ 61.5 million`
        return carried
    if money and company_sum_named(draft, view):
        return "other"  # `POSCO's crude steel output fell …, and its operating profit …`: the profit's own series
    for c in _fallback_clauses(draft, view):
        found = nearest_trigger(view, q.start, q.end, c.start, c.end, allowed)
        if found:
            return found
    if carried == "price" and money and _company_sum(draft, view):
        return "other"  # `Adjusted EBITDA was C$1.8 billion` after a price: a company's sum, not the price carried
    if carried is not None and money and _MONEY_NOUN.search(view.clause_text(draft.anchor.clause)):
        return "other"  # `Net debt rose to $8.3 billion` after capital expenditure: its own sum, not the one carried
    # a cost or the sales told before are no guidance's series (`Sales were 327kt …, on track for FY25 guidance of
    # 1,450kt`)
    if carried in allowed and not (guided and carried in {"other", "sales"}):
        return carried or "other"
    if guided:
        return "production"  # `BHP cut its copper guidance to 1.8 Mt`: a miner's guidance in tonnes is of its output
    if draft.unit and (draft.unit or "")[:3].isupper() and carried is None:
        return "price" if _quoted_metal(draft, view) else "other"
    if carried == "investment" and draft.unit == "t":
        return "demand"  # `Investment was the main driver. ETFs attracted 170 tonnes`: the WGC's investment demand
    if draft.unit and draft.unit[:3].isupper() and "/" not in draft.unit:
        return "other"  # `Boreal also closed a C$8.5 million private placement` after its output: no series in money
    return carried or "other"


_LEVEL_BEFORE = re.compile(r"\b(?:to|at)\s+(?:about\s+|around\s+)?$", re.I)


_TRADE_VALUE = re.compile(r"\bvalue\s+of\s+(?:the\s+|its\s+|their\s+|these\s+)?(?:[\w-]+\s+)?"
                          r"(?:exports|imports|shipments|cargoes|trade)\b", re.I)
# between a tonnage and the money it is worth: `7,900 tonnes worth US$ 61.5 million`, `1.59 million tonnes in
# January-June, worth`
_WORTH = re.compile(r"(?:\s+(?:in|during|for)\s+[\w-]+(?:\s+\d{4})?)?,?\s+(?:worth|valued\s+at)\s+"
                    r"(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+)?", re.I)


def _worth_of_tonnage(draft: Draft, view: SentenceView) -> bool:
    """A sum right after the tonnage it is the value of (not `a market worth about C$10 billion`)."""
    q = draft.anchor.q
    before = [i.q for i in view.items if i.q.end <= q.start]
    return bool(before) and before[-1].unit == "t" and _WORTH.fullmatch(view.text, before[-1].end, q.start) is not None
_MONEY_NOUN = re.compile(r"\b(?:profits?|revenues?|earnings|income|loss(?:es)?|costs?|capex|spending|value|worth|"
                         r"invest\w*|funding|valuation|debt|EBITDA|EBIT|dividends?|cash(?:\s+(?:flow|balance))?)\b",
                         re.I)


def company_sum_named(draft: Draft, view: SentenceView) -> bool:
    """Whether the figure's clause names a company's sum before it (`Net debt stood at`, `revenue of`)."""
    return bool(_MONEY_NOUN.search(view.text, draft.anchor.clause.start, draft.anchor.q.start)
                or _EBITDA_IN_FULL.search(view.text, 0, draft.anchor.q.start))


# its commas split it into clauses: `Earnings before interest, taxes, depreciation and amortization dropped 33%`
_EBITDA_IN_FULL = re.compile(r"\bearnings\s+before\s+interest,\s+tax(?:es|ation)\b", re.I)


def _company_sum(draft: Draft, view: SentenceView) -> bool:
    """A sum no metal is quoted at: a million or more, or named as profits, revenue, costs …"""
    return (draft.value is None or abs(draft.value) >= 1e6
            or _MONEY_NOUN.search(view.text, 0, draft.anchor.q.start) is not None)


def _quoted_metal(draft: Draft, view: SentenceView) -> bool:
    """`Tin surged 5.6% to $33,500`, `Aluminium was the best performer, rising 3.4% to $2,650`: a sum, short of
    a company's, that a metal named first in the sentence or clause moves to is its price."""
    clause, q = draft.anchor.clause, draft.anchor.q
    return (
        not _company_sum(draft, view)
        and _LEVEL_BEFORE.search(view.text, clause.start, q.start) is not None
        and any(m.start <= 25 or clause.start <= m.start <= clause.start + 25 for m in view.entities.commodities)
    )


_CUT = re.compile(
    r"\b(?:due to|amid|because|as|reflecting|driven by|despite|following|after|while|thanks to|underscoring)\b", re.I
)
_CLOSE_AFTER = re.compile(r"^\W*(?:(?!(?:for|of|in|on|at|from|by|with|the)\b)[\w'-]+\W+){0,4}$", re.I)


def _own_clause_trigger(draft: Draft, view: SentenceView, allowed: frozenset[str]) -> str | None:
    """In the figure's clause: a trigger just after it (`3,750 tonnes to be consumed`), else the nearest,
    ignoring what follows a `due to` or `amid`, which explains rather than names the series."""
    q, clause = draft.anchor.q, draft.anchor.clause
    cut = _CUT.search(view.text, q.end, clause.end)
    end = cut.start() if cut else clause.end
    # `production guidance of 820,000 to 870,000 dmt and unit cost guidance of A$560–600/t`: past a conjunction, a
    # trigger before the next figure is that figure's
    following = [i.q.start for i in view.items if q.end <= i.q.start < end]
    joined = _JOINED.search(view.text, q.end, following[0]) if following else None
    end = joined.start() if joined else end
    after = [t for t in view.triggers if q.end <= t.start < end and t.metric in allowed]
    if after and _CLOSE_AFTER.match(view.text[q.end : after[0].start]):
        return after[0].metric
    return nearest_trigger(view, q.start, q.end, clause.start, end, allowed)


_JOINED = re.compile(r"\b(?:and|while|but|whereas)\b", re.I)


def _aside_trigger(draft: Draft, view: SentenceView, allowed: frozenset[str]) -> str | None:
    """A figure inside an aside the sentence's triggers do not read (`…, as steel shipments fell to 3.8 Mt`) is still
    of the series its own clause names (not a company's name: `JFE Holdings`)."""
    clause, q, masked = draft.anchor.clause, draft.anchor.q, view.entities.masked
    orgs = [(m.start, m.end) for m in view.entities.organisations]
    found = [(clause.start + s, clause.start + e, m) for s, e, m in metric_triggers().find(view.clause_text(clause))]
    hidden = [m for s, e, m in found if m in allowed and e <= q.start and not masked[s:e].strip()
              and not any(a <= s < b for a, b in orgs)]
    return hidden[-1] if hidden else None


def _fallback_clauses(draft: Draft, view: SentenceView) -> list:  # type: ignore[type-arg]
    """Main clauses of the same segment, preceding ones first (they hold the subject), then the rest."""
    clause, out = draft.anchor.clause, []
    for segment in (clause.segment, None):
        scope = [c for c in view.main_clauses(segment) if c is not clause and c not in out and not view.is_aside(c)]
        before = sorted((c for c in scope if c.start < clause.start), key=lambda c: -c.start)
        out += before + [c for c in scope if c.start > clause.start]
    return out


# Where a ticker's exchange is: a share is quoted there, whatever the company mines (`Nickel Industries (ASX:NIC)`)
LISTINGS = {"ASX": "Australia", "TSX": "Canada", "TSXV": "Canada", "NZX": "New Zealand", "HKEX": "Hong Kong",
            "SGX": "Singapore", "JSE": "South Africa", "NYSE": "United States", "NASDAQ": "United States",
            "Nasdaq": "United States", "LSE": "United Kingdom", "AIM": "United Kingdom"}
_TICKER = re.compile(rf"\b({'|'.join(LISTINGS)})\s*:\s*[A-Z]")


# Where shares trade, as a share price's sentence says it (`climbed 9% to C$1.12 in Toronto`)
_TRADED_IN = {"Toronto": "Canada", "TSX Venture Exchange": "Canada", "Toronto Stock Exchange": "Canada",
              "Sydney": "Australia", "Australian Securities Exchange": "Australia", "Johannesburg": "South Africa",
              "Johannesburg Stock Exchange": "South Africa", "Hong Kong": "Hong Kong", "New York": "United States",
              "New York Stock Exchange": "United States", "London": "United Kingdom", "Tokyo": "Japan",
              "Mumbai": "India", "Jakarta": "Indonesia", "Santiago": "Chile", "Lima": "Peru"} | LISTINGS  # `on the JSE`
_TRADED = re.compile(rf"\b(?:in|on)\s+(?:the\s+)?({'|'.join(sorted(_TRADED_IN, key=len, reverse=True))})\b")


def listing_country(text: str) -> str | None:
    """The country of the exchange the sentence's ticker, or where it says the shares trade, names."""
    ticker = _TICKER.search(text)
    if ticker:
        return LISTINGS[ticker.group(1)]
    traded = _TRADED.search(text)
    return _TRADED_IN[traded.group(1)] if traded else None


# A company's stock moving: `Its shares jumped 3 per cent to $129`, `Shares in Glencore fell 2%`,
# `US Steel stock jumped 26%`. Stocks of metal (`Copper stocks in LME warehouses`, `its stock of cobalt`) are inventory.
_SHARE_PRICE = re.compile(
    r"(?<!market )\b(?:shares(?!\s+(?:of|in)\s+(?:the\s+)?(?:total|market|world|global)\b)"
    r"|stock(?!\s+(?:of|in|levels?)\b)|share price)\b[^,;:]{0,60}$"
    rf"|\((?:{'|'.join(LISTINGS)}):\s?[A-Z0-9.]{{1,6}}\)[^,;:]{{0,40}}$",  # `(ASX:PLS) jumped to`
    re.I,
)


_ASIDE = re.compile(r",\s+(?:which|that)\s+[^,;:]*,\s*")
_SHARES_ASIDE = ending(r"\bshares,\s+which\s+[^,;:]{0,40}$", re.I)


def quotes_shares(draft: Draft, view: SentenceView) -> bool:
    """Whether the figure is a company's share price, or its change: metric `price`, commodity `shares`."""
    unit = draft.unit
    if unit is not None and not is_money_sum(unit):
        return False  # only a change alone, or a price in money, quotes shares
    # `Puna's shares, which have fallen 38% this year, climbed 9% to C$1.12`: the aside is the shares' too
    before = _ASIDE.sub(" ", view.text[: draft.anchor.q.start])
    return bool(_SHARE_PRICE.search(before) or _SHARES_ASIDE.search(before))


def is_target(draft: Draft, view: SentenceView) -> bool:
    if draft.comparison or draft.value is None:
        return False
    q, clause = draft.anchor.q, draft.anchor.clause
    # not a figure given as the reason: `raised its price target to $12,000, citing a deficit of 429,000 tons`
    since = max((i.q.end for i in view.items if i.role == "level" and i.q.end <= q.start), default=0)
    aim = _TARGET.search(view.text, 0, q.start) and not _REASON.search(view.text, since, q.start)
    return bool(aim or _TARGET.search(view.clause_text(clause)))


_REASON = re.compile(r"\b(?:citing|cited|due\s+to|amid|because|driven\s+by|thanks\s+to|following|after)\b", re.I)


def share_base(view: SentenceView, draft: Draft) -> str | None:
    """For a share, the series it is a share of (`58% of Japan's total palladium imports` → imports)."""
    clause = draft.anchor.clause
    return nearest_trigger(
        view,
        draft.anchor.q.start,
        draft.anchor.q.end,
        clause.start,
        clause.end,
        frozenset({"imports", "exports", "sales", "production", "demand", "consumption"}),
    )


def is_trigger_metric(trigger: Trigger) -> bool:
    return trigger.metric not in {"target", "market_share", "tariff"}
