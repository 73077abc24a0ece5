"""Country and partner: the reporting geography and the other side of a trade flow.

Trade is recorded from the reporting statistics' side, so `Argentina's exports to Japan`
in a Japanese report is Japan's imports from Argentina.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from metalnomist.extract.backward import ending
from metalnomist.extract.entities import is_demonym
from metalnomist.extract.grammar import LIST_JOIN, Clause
from metalnomist.extract.sentence import Draft, SentenceView
from metalnomist.extract.vocab import LEVY, Mention, currency_homes, organisation_countries
from metalnomist.months import MONTH_WORDS

GLOBAL = "GLOBAL"
# `The Philippines, the second-largest supplier of nickel ore, exported …`: an appositive between the two
_APPOSED = r"(?:,\s+(?:the|a|an)\s[^,;]{1,80},)?"
_IMPORT_AFTER = re.compile(
    rf"^(?:'s?)?{_APPOSED}\s+(?:[\w-]+\s+){{0,3}}?(?:imports?|imported|importing|purchases|intake)\b", re.I)
_EXPORT_AFTER = re.compile(
    rf"^(?:'s?)?{_APPOSED}\s+(?:[\w-]+\s+){{0,6}}?(?:exports?|exported|exporting|shipments|shipped(?!\s+in\s+\d)"
    r"|deliver\w*|suppl\w*|sold|sent)\b",
    re.I,
)
_SHIPPED_IN = re.compile(r"^\s+(?:shipped|brought)\s+in\s+(?:about\s+|around\s+|some\s+|nearly\s+|over\s+)?\d", re.I)
# `bound for China`; not a buyer's supplier (`Smelters also turned to the Philippines, importing 10.4 million tons`)
_TO_BEFORE = ending(r"(?<!\bturned\s)(?<!\bturning\s)(?<!\bswitched\s)(?<!\blooked\s)\b(?:to|into|(?:bound|destined"
                    r"|headed) for)\s+(?:the\s+)?$", re.I)
_FROM_BEFORE = ending(r"\bfrom\s+(?:the\s+)?$", re.I)
_OF_BEFORE = re.compile(r"\b(?:of|in)\s+(?:the\s+)?$", re.I)
_TARIFF_NEAR = re.compile(
    rf"^(?:'s?)?\s+(?:[\w-]+\s+){{0,2}}?{LEVY}\b", re.I
)
_IMPOSER = re.compile(
    r"^(?:'s?)?\s+(?:[\w-]+\s+){0,5}?(?:impos\w+|levy|levies|levied|slapp?\w*|introduc\w+|rais(?:e|ed|es|ing)|hik\w+|lift\w*|cut\w*|lower\w*"
    r"|set|sets|setting|propos\w+|approv\w+|adopt\w*|extend\w*|appl(?:y|ies|ied|ying)|recommend\w*)\b",
    re.I,
)
_TARGETED = re.compile(r"\b(?:on|against|for)\s+(?:[\w-]+\s+){0,5}?(?:from\s+)?(?:the\s+)?$", re.I)
_OF_GLOBAL = re.compile(r"^\s*(?:(?:market\s+)?share\s+)?of\s+(?:the\s+)?(?:global|world(?:'s)?|worldwide)\b", re.I)
# `70% of rare earths mining globally and 90% of refined output`: the second share is the world's too
_AFTER_GLOBAL = ending(
    r"\b(?:globally|worldwide|of\s+(?:the\s+)?(?:global|world(?:'s)?)\s+[\w\s-]{0,30}?)\s+and\s+"
    r"(?:about\s+|around\s+|nearly\s+|some\s+|almost\s+)?$",
    re.I,
)
# `70% of rare earths mining globally`, `a 16% share` (of nothing named: the world market)
_GLOBAL_SHARE = re.compile(r"^(?:[^,;]{0,60}?\b(?:globally|worldwide)\b|\s*(?:market\s+)?share\b(?!\s+of))", re.I)
# `China's share of global refined copper output rose 2 points to 45%`
_SHARE_OF_GLOBAL = re.compile(r"\bshare\s+of\s+(?:the\s+)?(?:global|world(?:'s)?|worldwide)\b[^,;]*$", re.I)
_NOT_OWNER = re.compile(r"\b(?:ahead|instead|short|out|because)\s+of\s+(?:the\s+)?$", re.I)  # `ahead of Belgium`
_TRADE_ROLE = re.compile(r"\b(?:suppliers?|sources?|buyers?|destinations?)\b", re.I)
_ORIGIN = ending(r"\bex-$", re.I)  # `ex-US scrap`: where the goods come from, not where they are priced


@dataclass(frozen=True)
class Place:
    country: str | None
    partner: str | None
    metric: str


def place(draft: Draft, view: SentenceView, metric: str, ctx: PlaceContext) -> Place:
    """Where the figure is reported from, and its other side; a price or a sum of money in a national currency
    (yuan, rupees, yen, Australian dollars …) is that country's, as 435 of the 436 annotated across dev and the
    held-out sets are (`¥` is the yuan's too, in a figure the rules make China's)."""
    found = _placed(draft, view, metric, ctx)
    unit = draft.unit or ""
    if metric == "price" and unit == "USD/oz" and found.country and _unnamed(found.country, view) \
            and not _OWN_PRICE.search(view.text):
        found = replace(found, country=None)  # `Silver prices averaged $19.71 an ounce` in a post on Peru: the world's
    if metric == "price" and found.country and _agreed_between_firms(view):
        found = replace(found, country=None)  # `Teck and Korea Zinc have agreed a treatment charge of $80`
    home = currency_homes().get(unit[:3]) if metric == "price" or "/" not in unit else None
    yuan = found.country == "China" and view.text.startswith("¥", draft.anchor.q.start)
    return replace(found, country=home) if home and not yuan else found


_SETTLED = re.compile(r"\b(?:agree[ds]?|agreeing|settled?|settlement)\b", re.I)


def _agreed_between_firms(view: SentenceView) -> bool:
    """A price companies of two countries settle between them (an annual treatment charge, a benchmark) is the
    market's, not either's country (16 of the 16 annotated that name no other place), unless the sentence names
    a place of its own (`among the Chinese smelters that agreed`): a country in a company's name is its home."""
    if not _SETTLED.search(view.text):
        return False
    homes = organisation_countries()
    firms = {homes[m.canonical] for m in view.entities.organisations
             if m.kind == "company" and homes.get(m.canonical, "-") != "-"}
    return len(firms) > 1 and all(_company_home(m, view) for m in view.entities.countries)


# a company's own price or cost per ounce (`realised $3,291 per ounce`, AISC) is its home's, not the world's
_OWN_PRICE = re.compile(r"\b(?:reali[sz]ed|AISC|all-in|costs?|sold)\b", re.I)


def _unnamed(country: str, view: SentenceView) -> bool:
    """Whether the sentence names neither the country nor an exchange (the post's focus gave it)."""
    return country not in {m.canonical for m in view.entities.countries} and not any(
        m.kind == "exchange" for m in view.entities.organisations)


def _placed(draft: Draft, view: SentenceView, metric: str, ctx: PlaceContext) -> Place:
    asides = _asides(view) if metric != "market_share" else []
    sources = _main_sources(view) + asides
    if sources:
        view = replace(view, entities=replace(view.entities, countries=[m for m in view.entities.countries
                                                                        if m not in sources]))
    found = _placed_by_metric(draft, view, metric, ctx)
    # `with China accounting for about 38%`, also in a post on China; not `Australia's own production … with Western
    # Australia accounting for more than 95%`
    if found.country in {m.canonical for m in asides} - {m.canonical for m in view.entities.countries}:
        return replace(found, country=None)
    return found


def _placed_by_metric(draft: Draft, view: SentenceView, metric: str, ctx: PlaceContext) -> Place:
    if metric == "tariff":
        return _tariff(draft, view, ctx)
    if metric in {"imports", "exports", "shipments"}:
        return _trade(draft, view, metric, ctx)
    if metric == "market_share":
        return _share(draft, view, ctx)
    if metric == "price":
        return _price(draft, view, ctx)
    if metric == "inventory":
        return _inventory(draft, view, ctx)
    return Place(_location(draft, view, ctx), None, metric)


# `… to 12.79mn t in 2025, with increases in Congo, Mexico and Brazil`, `827 Moz, with gains in Mexico and Chile
# offsetting lower production in Peru`, `680.5 Moz, with China accounting for about 38%`: countries named aside, as
# the total's causes or its shares' holders
_WITH_CHANGES_IN = re.compile(r"\bwith\s+(?:[\w-]+\s+)?(?:increases|rises|gains|growth|declines|falls|drops|decreases"
                              r"|cuts)\s+(?:in|from|at)\s[^,;.]*", re.I)
_WITH_BEFORE = ending(r"\bwith\s+(?:the\s+)?$", re.I)
_SHARE_AFTER = re.compile(r"\s+(?:accounting\s+for|making\s+up|representing)\s+(?:about\s+|around\s+|some\s+"
                          r"|nearly\s+|almost\s+|over\s+|more\s+than\s+|just\s+)?[\d.,]+\s?(?:%|per\s?cent|pc)", re.I)


def _asides(view: SentenceView) -> list[Mention]:
    """Countries a total is told `with` (`with increases in Congo, Mexico and Brazil`, `with China accounting for about
    38%`): none of them is where the total is."""
    text = view.text
    if "with" not in text:
        return []
    spans = [m.span() for m in _WITH_CHANGES_IN.finditer(text)]
    return _listed_runs(view, lambda m: any(lo <= m.start < hi for lo, hi in spans)
                        or bool(_WITH_BEFORE.search(text, 0, m.start) and _SHARE_AFTER.match(text, m.end)))


_MAINLY_FROM = ending(r"\b(?:mainly|mostly|largely|chiefly|primarily|predominantly)\s+from\s+(?:the\s+)?$", re.I)
_LISTED_NEXT = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)(?:the\s+)?")


def _main_sources(view: SentenceView) -> list[Mention]:
    """`nickel ore imports, mainly from the Philippines, rose …`, `mainly from Norway, Iceland and Brazil`: where most
    of a total came from, no partner of it."""
    if "from" not in view.text:
        return []
    return _listed_runs(view, lambda m: _MAINLY_FROM.search(view.text, 0, m.start) is not None)


def _listed_runs(view: SentenceView, opens: Callable[[Mention], bool]) -> list[Mention]:
    """The countries a cue opens on, each with those listed right after it (`mainly from Norway, Iceland and
    Brazil`, `with increases in Congo, Mexico and Brazil`)."""
    found: list[Mention] = []
    for m in view.entities.countries:
        if opens(m) or (found and _LISTED_NEXT.fullmatch(view.text, found[-1].end, m.start)):
            found.append(m)
    return found


def _inventory(draft: Draft, view: SentenceView, ctx: PlaceContext) -> Place:
    """`Stocks of Australian ore at the ports were 61.4 Mt` (China's ports): a demonym just before the goods
    names where they come from, the partner; the stocks are the country's that holds them."""
    text = view.text
    origins = [m for m in view.entities.countries if is_demonym(text, m)
               and any(0 < c.start - m.end <= 1 for c in view.entities.commodities)]
    if not origins:
        return Place(_location(draft, view, ctx), None, "inventory")
    held = replace(view, entities=replace(view.entities, countries=[m for m in view.entities.countries
                                                                     if m not in origins]))
    before = [m for m in origins if m.end <= draft.anchor.q.start]  # `…, and Brazilian ore 52.7 Mt`: its own
    partner = before[-1].canonical if before else origins[0].canonical
    country = _location(draft, held, ctx)
    return Place(country, partner if partner != country else None, "inventory")


def _price(draft: Draft, view: SentenceView, ctx: PlaceContext) -> Place:
    """A price's country is where it is delivered (`CFR Turkey`, Rotterdam); `ex-US` names the
    origin, the partner; a basis across countries (`cif China, Japan & Korea`) has no country."""
    text = view.text
    if _FREE_ON_BOARD.search(view.clause_text(draft.anchor.clause)):
        # `A deal for 20,000 mt of rebar to Yemen was heard at $635/mt FOB`: the seller's market, sold to Yemen
        bound = [m for m in view.entities.countries if _TO_BEFORE.search(text[: m.start])]
        if bound:
            rest = [m for m in view.entities.countries if m not in bound]
            sellers = replace(view, entities=replace(view.entities, countries=rest))
            country = _location(draft, sellers, ctx)
            return Place(country, bound[0].canonical if bound[0].canonical != country else None, "price")
    # the basis in the figure's clause, or in an aside framing it (`ore, cif Tianjin, averaged $4.12`)
    # what imports are valued at in customs data (`the average customs value of Guinean bauxite`) is delivered too
    delivered = _DELIVERED.search(view.clause_text(draft.anchor.clause)) or _DELIVERED_ASIDE.search(
        text, 0, draft.anchor.q.start) or _IMPORT_VALUE.search(text, 0, draft.anchor.q.start)
    origins = [m for m in view.entities.countries if _ORIGIN.search(text[: m.start])
               or (delivered and _delivered_from(text, m))]
    places = [m for m in view.entities.countries if m not in origins]
    if any(re.fullmatch(r"\s*(?:,|&|and)\s*", text[a.end : b.start]) for a, b in itertools.pairwise(places)):
        return Place(None, None, "price")
    masked = view
    if origins:
        masked = replace(view, entities=replace(view.entities, countries=places))
    clause, q = draft.anchor.clause, draft.anchor.q
    own = [m for m in origins if clause.start <= m.start < clause.end]
    partner = min(own or origins, key=lambda m: abs(m.start - q.start)).canonical if origins else None
    if delivered and origins and not places:
        return Place(ctx.focus if ctx.focus != partner else None, partner, "price")  # the market it is sold into
    country = _location(draft, masked, ctx)
    # `Rs 47,500 per tonne ex-Mumbai` in India's market: a domestic price, from no other country
    return Place(country, partner if partner != country else None, "price")


# A delivered price (`$358/t cfr`, `CFR Vietnam`) is the buying market's; where the goods come from is its partner:
# `a US-origin cargo`, `Offers from India`, `Japanese HRC`.
_DELIVERED_BASIS = r"(?:CFR|CIF|C&F|cfr|cif)"
_DELIVERED = re.compile(rf"\b{_DELIVERED_BASIS}\b")
_DELIVERED_ASIDE = re.compile(rf",\s*{_DELIVERED_BASIS}\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?\s*[,:]")
_IMPORT_VALUE = re.compile(r"\b(?:customs|import|landed|unit)\s+(?:values?|prices?)\s+of\b", re.I)
_FREE_ON_BOARD = re.compile(r"\b(?:FOB|fob|FAS)\b")  # a price at the seller's port
_ORIGIN_AFTER = re.compile(r"\s*-?\s*(?:origin|cargo(?:es)?)\b", re.I)  # `a US-origin cargo`, `a US cargo`
_FROM_ORIGIN = re.compile(r"\b(?:from|of)\s+$", re.I)
_BUYERS_AFTER = re.compile(
    r"\s+(?:[\w-]+\s+)?(?:buyers?|mills?|importers?|consumers?|end-users?|steelmakers?|smelters?|customers?)\b", re.I
)


def _delivered_from(text: str, m: Mention) -> bool:
    """The country a delivered cargo comes from, not the one it is delivered to."""
    if _DELIVERED.search(text[max(0, m.start - 5) : m.start]):
        return False  # `CFR Vietnam`: the destination
    if _BUYERS_AFTER.match(text, m.end):
        return False  # `Turkish buyers … at $420/mt CFR`: the market that buys
    return bool(_ORIGIN_AFTER.match(text, m.end) or _FROM_ORIGIN.search(text[: m.start]) or is_demonym(text, m))


@dataclass
class PlaceContext:
    focus: str | None
    tariff_country: str | None
    projects: dict[str, str]
    scope: str | None
    partner: str | None
    data_country: str | None = None  # whose statistics the figures are (`ABS data` → Australia)
    company_country: str | None = None  # the home of the company the figure belongs to
    exchange: tuple[bool, str | None] = (False, None)  # an exchange quoted, and its country (None: international)
    duty_target: str | None = None  # whose goods the headline's duty is on
    subject: str | None = None  # the country a sentence opening `It` or `The country` stands for
    series: str | None = None  # the series the text is carrying (`exports` in an exporter's report)

    @property
    def reporter(self) -> str | None:
        """The country whose trade statistics these are: the credited agency's, else the post's focus."""
        return self.data_country or self.focus


def candidates(draft: Draft, view: SentenceView) -> list[Mention]:
    """Mentions in the figure's clause first, then in the main clauses of its segment and sentence."""
    clause = draft.anchor.clause
    spans = [(clause.start, clause.end)]
    spans += [(c.start, c.end) for c in view.main_clauses(clause.segment) if c is not clause]
    spans += [(c.start, c.end) for c in view.main_clauses() if c.segment != clause.segment]
    q = draft.anchor.q
    out = [m for m in view.entities.countries if m.end <= q.start and _WHOSE.fullmatch(view.text, m.end, q.start)]
    for lo, hi in spans:
        here = [m for m in view.entities.countries if lo <= m.start < hi and m not in out]
        out += sorted(here, key=lambda m: abs(m.start - q.start))
    return out


_WHOSE = re.compile(r",?\s+whose\b[^,;]*")  # `and Canada, whose shipments jumped to 410 tons`: Canada's


def _trade(draft: Draft, view: SentenceView, metric: str, ctx: PlaceContext) -> Place:
    """Imports, exports and shipments, all from the reporting country's side."""
    everywhere = candidates(draft, view)
    same = [m for m in everywhere if view.in_segment(draft.anchor.clause, m.start)]
    cands = [m for m in _own_suppliers(draft, view, same or everywhere) if not _company_home(m, view)]
    listed, at = respective_list(draft, view, view.entities.countries)
    if metric == "shipments" and listed and ctx.reporter not in {None, *(m.canonical for m in listed)}:
        if _SUPPLIED.search(view.text):
            return Place(ctx.reporter, listed[at].canonical, "imports")  # `India and Zimbabwe supplied 31,500 t and …`
        if _TO_BEFORE.search(view.text, 0, listed[0].start) or _TOOK.search(view.text, listed[-1].end,
                                                                            draft.anchor.q.start):
            # `those to Thailand and Vietnam fell 7.2% …`, `while Vietnam and South Korea took 6,150 t and …`
            return Place(ctx.reporter, listed[at].canonical, "exports")
    buyer = _buyer(draft, view, cands) if metric == "imports" and ctx.series == "exports" else None
    if buyer is not None and ctx.reporter not in {None, buyer}:
        # `South Korea took 168,400 tonnes, …, overtaking Vietnam, whose purchases slumped 31% to 141,700 tonnes` in
        # Japan's export statistics: what a buyer takes is the exporter's exports to it
        return Place(ctx.reporter, buyer, "exports")
    if metric == "exports":
        found = _exports(view.text, cands, ctx, _destination(draft, view))
    elif metric == "shipments":
        found = _shipments(draft, view, cands, ctx)
    else:
        found = _imports(view.text, cands, everywhere, ctx)
    if found.metric == "shipments":
        return found
    if found.country in {m.canonical for m in listed}:
        if ctx.reporter in {None, *(m.canonical for m in listed)} or _TRADED.search(
                view.text, listed[-1].end, draft.anchor.q.start):
            return replace(found, country=listed[at].canonical)  # `Chile and Peru exported 11.9 and 9.1 Mt, resp.`
        # `Taiwan, Bangladesh and China followed with 87,200 t, …, respectively` in Japan's exports: its takers
        return Place(ctx.reporter, listed[at].canonical, found.metric)
    respective_partner = _respectively(draft, view, besides=found.country)
    # `from Australia and Brazil … respectively`
    return replace(found, partner=respective_partner) if respective_partner else found


_PURCHASES_AFTER = re.compile(r"(?:['’]s|,\s*whose)\s+(?:[\w-]+\s+)?purchases\b", re.I)


def _buyer(draft: Draft, view: SentenceView, cands: list[Mention]) -> str | None:
    """The country the figure says bought it: a taker (`South Korea took 168,400 tonnes`) or one whose purchases it
    is (`Vietnam, whose purchases slumped 31% to 141,700 tonnes`)."""
    taker = _destination(draft, view)
    if taker is not None:
        return taker.canonical
    return next((m.canonical for m in cands if _PURCHASES_AFTER.match(view.text, m.end)), None)


_TRADED = re.compile(r"\b(?:exported|imported|shipped|sold|bought|produced|sent|supplied)\b", re.I)
_POSSESSIVE_TO_COMPANY = re.compile(r"['’]s\s+(?:[\w-]+\s+){0,3}?$")


def _company_home(m: Mention, view: SentenceView) -> bool:
    """`China's state-owned Chalco increased shipments`: the country is the company's home, not a
    side of the trade."""
    return any(
        o.kind == "company" and o.start > m.end and _POSSESSIVE_TO_COMPANY.match(view.text, m.end, o.start)
        for o in view.entities.organisations
    )


def _own_suppliers(draft: Draft, view: SentenceView, cands: list[Mention]) -> list[Mention]:
    """`China imported 2.39mn t, of which 780,000t came from Chile`: a country in a later clause
    that holds its own figure belongs to that figure, not to this one."""
    if draft.comparison:
        return cands  # `from the 138 tons recorded in 2023` is the main figure's supplier's
    own, mine = draft.anchor.clause, [draft.anchor, *draft.anchor.attached]
    others = [i for i in view.items if i not in mine and (i.role != "change" or not i.paired)]
    q = draft.anchor.q
    before = max((i.q.end for i in others if i.q.end <= q.start), default=-1)
    after = min((i.q.start for i in others if i.q.start >= q.end), default=len(view.text))
    out = []
    for m in cands:
        clause = next((c for c in view.clauses if c.start <= m.start < c.end), own)
        if clause is own:
            # `780,000t came from Chile and 310,000t from Peru`: `from Chile` closes the figure before it
            closes_previous = m.start < q.start and before >= own.start and _FROM_BEFORE.search(view.text[: m.start])
            # `South Korea (1.9 MT) and Japan (1.7 MT)`: a country whose bracket holds another figure is that one's
            bracket = _BRACKET_OPENS.match(view.text, m.end)
            holds_other = bracket is not None and any(i.q.start == bracket.end() for i in others)
            if before <= m.start < after and not closes_previous and not holds_other:
                out.append(m)
        elif clause.start < own.start or not any(clause.start <= i.q.start < clause.end for i in others):
            out.append(m)  # a clause before the figure frames it (`exported $127.8bn to the US, including …`)
    if _THE_COUNTRY.search(view.text, max(before, own.start), q.start):
        # `Russia's share fell as imports from the country halved`: Russia; `Russia was long Japan's main supplier,
        # but imports from that country halved`: the last country named, not the buyer whose supplier it was
        named = sorted((m for m in cands if m.end <= q.start), key=lambda m: -m.start)
        plain = [m for m in named if not _POSSESSIVE.match(view.text, m.end)]
        chosen = (plain or named)[:1]
        out = chosen + [m for m in out if m not in chosen]
    return out


_POSSESSIVE = re.compile(r"['’]s\b")
_BRACKET_OPENS = re.compile(r"\s*\(\s*")


_THE_COUNTRY = re.compile(r"\b(?:from|to)\s+(?:the|that)\s+country\b", re.I)


def _destination(draft: Draft, view: SentenceView) -> Mention | None:
    """`Mexico with 175,360 mt`, `Turkey was the largest recipient of US scrap exports`: the country
    a listed figure is for, or the one the sentence names as receiving the exports."""
    q, text = draft.anchor.q, view.text
    # `destinations included Mexico with …`, `followed by India with 124 million tons`; not `Chile, with …`
    listed = _RECEIVERS.search(text) is not None or _FOLLOWED_BY.search(text) is not None
    countries = view.entities.countries
    # the figure's own (`Mexico with …`, `South Korea took …`) before the one a sentence calls the largest buyer
    own = (m for m in countries if m.end <= q.start and (
        (listed and _WITH_FIGURE.fullmatch(text[m.end : q.start]))
        or (_TOOK.fullmatch(text, m.end, q.start) and _TAKER_BEFORE.search(text, 0, m.start))
        or _took_too(text, m, q.start)))
    return next(own, None) or next((m for m in countries if _RECIPIENT_AFTER.match(text[m.end :])), None)


# `EU scrap exports totalled 17.9 million tonnes, of which Turkey took 12.8 million tonnes`: Turkey's share of them
# `Malaysia received 4,117 tonnes` opening a sentence after the exports, `with China taking 28,700 t`
_TAKER_BEFORE = ending(r"(?:\bof\s+which|\bwith|^|[,;]\s*(?:and|while)?|\band|\bwhile)\s*(?:the\s+)?$", re.I)
_ITEM_BEFORE = re.compile(r"(?:,|\band)\s+(?:the\s+)?$")
_BARE_FIGURE = re.compile(r"\s+(?:about\s+|around\s+|some\s+|nearly\s+)?")

# `Malaysia, where Vale runs its distribution centre, received`, `Japan, historically the largest buyer, received`
_TAKING = r"(?:took|taking|received|receiving|bought|buying|absorbed)"
_TOOK = re.compile(r"(?:\s*,\s*[^,;]{1,60},)?"
                   rf"\s+{_TAKING}\s+"
                   r"(?:about\s+|around\s+|some\s+|nearly\s+)?")


def _took_too(text: str, m: Mention, figure: int) -> bool:
    """`China took 312,000 tonnes, Japan 185,000 tonnes and the Netherlands 140,000`: a country listed with its
    figure after a taker's, the verb left out."""
    return bool(_BARE_FIGURE.fullmatch(text, m.end, figure) and _ITEM_BEFORE.search(text, 0, m.start)
                and _TOOK.search(text, 0, m.start))


_RECEIVERS = re.compile(r"\b(?:destinations?|recipients?|buyers?|importers?|markets?)\b", re.I)
# `Mexico with 175,360 mt`, `with Israel the top buyer at 300,000 tons`
_WITH_FIGURE = re.compile(r"(?:\s+(?:the\s+)?(?:top|largest|biggest|main|leading)\s+(?:buyer|destination|market))?"
                          r"\s+(?:with|at)\s+(?:about\s+|around\s+|some\s+)?"
                          r"|\s*\(\s*")  # `followed by Mexico (142,000 t) and Taiwan (118,500 t)`
_FOLLOWED_BY = re.compile(r"\bfollowed\s+by\b", re.I)
_FOLLOWED_AFTER = re.compile(r"(?:\s+and\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)?\s+followed\b")
_RECIPIENT_AFTER = re.compile(
    r"^\s+(?:was|were|is|remained|became)\s+(?:by\s+far\s+)?(?:the\s+)?(?:[\w'’-]+\s+){0,2}"
    r"(?:recipient|destination|buyer|market)\b",
    re.I
)


def names_partner(text: str, mention: Mention) -> bool:
    """`exports to Vietnam`, `imports from Chile`, `61.5 Mt bound for China`, `with South Korea taking 980,000 t and
    Vietnam 810,000 t`: the other side of a flow."""
    return bool(_TO_BEFORE.search(text[: mention.start]) or _FROM_BEFORE.search(text[: mention.start])
                or _TOOK.match(text, mention.end)
                or (_TAKEN.search(text, 0, mention.start) and _ITEM_BEFORE.search(text, 0, mention.start)
                    and _FIGURE_NEXT.match(text, mention.end)))


_TAKEN = re.compile(rf"\b{_TAKING}\b")
_FIGURE_NEXT = re.compile(r"\s+(?:about\s+|around\s+|some\s+|nearly\s+)?\d")


# The country a sentence opens on (`Refined nickel: China imported …, while exports surged to …`) is whose trade it is
_OPENS = re.compile(r"\s*(?:[A-Z][\w -]{0,30}:\s*)?")


def _exports(text: str, cands: list[Mention], ctx: PlaceContext, receiver: Mention | None = None) -> Place:
    subject = (
        m
        for m in cands
        if _EXPORT_AFTER.match(text[m.end :]) and not _TO_BEFORE.search(text[: m.start]) and m is not receiver
    )
    opener = next((m.canonical for m in cands if _OPENS.fullmatch(text, 0, m.start) and m is not receiver
                   and not is_demonym(text, m)  # not `Chinese-controlled companies dominated …`
                   and not _RECIPIENT_AFTER.match(text[m.end :])  # nor `Germany was the largest buyer`
                   and not _TOOK.match(text, m.end)  # nor `India took 121,600 t, followed by China with …`
                   and not _FOLLOWED_AFTER.match(text, m.end)), None)  # nor `Japan and Oman followed with 1.6 Mt`
    # `Exports of nickel matte to China …, Chinese customs data showed`: the post's country's exports, in China's data
    received = ctx.data_country in {m.canonical for m in cands if _TO_BEFORE.search(text[: m.start])}
    exporter = next((m.canonical for m in subject), None) or opener or (
        ctx.focus if received else ctx.data_country or ctx.focus)
    dest = next((m.canonical for m in cands if _TO_BEFORE.search(text[: m.start]) and m.canonical != exporter), None)
    if receiver is not None and receiver.canonical != exporter and (dest is None or _FOLLOWED_BY.search(text)):
        dest = receiver.canonical  # `… to China, followed by India with 124 million tons`: India's
    if dest is not None and dest == ctx.reporter and exporter != dest:
        return Place(dest, exporter, "imports")  # `Argentina's exports to Japan` in Japan's data
    return Place(exporter, dest, "exports")


def _shipments(draft: Draft, view: SentenceView, cands: list[Mention], ctx: PlaceContext) -> Place:
    """A country's shipments are trade; only a producer's own deliveries stay `shipments`."""
    text = view.text
    taker = next((m for m in cands if _SHIPPED_IN.match(text[m.end :])), None)
    if taker is not None:  # `India shipped in 6.5mn t of steel`: brought into the country
        return _imports(text, cands, cands, replace(ctx, focus=taker.canonical, data_country=None))
    reporter = ctx.reporter
    # not in a list of origins: `Shipments from the US …, followed by the Netherlands with 905,000t`
    origins = _SUPPLIED.search(text) or any(_FROM_BEFORE.search(text[: m.start]) for m in cands)
    receiver = None if origins else _destination(draft, view)
    if receiver is not None and reporter is not None and receiver.canonical != reporter:
        return Place(reporter, receiver.canonical, "exports")  # `shipments to Vietnam …, while South Korea took …`
    dest = next((m.canonical for m in cands if _TO_BEFORE.search(text[: m.start])), None)
    actor = next((m.canonical for m in cands if not _TO_BEFORE.search(text[: m.start]) and m.canonical != dest
                  and not _OPERATIONS_AFTER.match(text, m.end) and not _AT_NAME.search(text, 0, m.start)), None)
    if actor is not None and reporter is not None and actor != reporter and dest in {None, reporter}:
        # `Russian shipments` in Japan's import data; in an exporter's (`Mexico (198,700 tons) … followed, while
        # shipments to Taiwan …`), a country named alone is where they went
        return Place(reporter, actor, "exports" if ctx.series == "exports" and not origins else "imports")
    if actor is not None and dest is not None:
        return Place(actor, dest, "exports")
    if dest is not None and dest != reporter:
        return Place(actor or reporter, dest, "exports")
    if actor is not None and reporter is None:
        return Place(actor, None, "exports")
    return Place(_location(draft, view, ctx), None, "shipments")


# `Shipments at AM/NS India`: a country ending the name of where the shipments are made ships nothing to the reporter
_AT_NAME = re.compile(r"\bat\s+(?:[A-Z][\w/&.'-]*\s+){1,3}$")
_SUPPLIED = re.compile(r"\bsuppl(?:ied|iers?)\b", re.I)  # `Switzerland supplied 62 tonnes, followed by the UAE with 31`
# `Zijin's Serbian copper operations delivered …`: where the producer's own operations are, not a trading country
_OPERATIONS_AFTER = re.compile(r"\s+(?:[\w-]+\s+){0,2}?(?:operations|mines|smelters?|refiner(?:y|ies)|plants?)\b",
                               re.I)


def _imports(text: str, cands: list[Mention], everywhere: list[Mention], ctx: PlaceContext) -> Place:
    importer = next((m.canonical for m in cands if _is_importer(text, m, ctx.focus)), None) or ctx.reporter
    supplier = next((m.canonical for m in cands if m.canonical != importer), None)
    if supplier is None and not everywhere:
        supplier = ctx.partner
    return Place(importer, supplier, "imports")


_TOTAL_BEFORE = re.compile(r"\b(?:total|overall)\s+$", re.I)
_IMPORTS_NEXT = re.compile(r"\s+imports\b", re.I)


def _is_importer(text: str, m: Mention, focus: str | None) -> bool:
    """`Japan's imports`, `Japan imported`, `shipments to Japan`, `Japan's main supplier`; a bare `U.S. imports`
    in another country's report names the supplier, so it counts only for the report's own country, or in a post on
    no one country."""
    if _TO_BEFORE.search(text[: m.start]) or _SUPPLIER_OF.match(text, m.end):
        return True
    if is_demonym(text, m) and _TOTAL_BEFORE.search(text[: m.start]) and _IMPORTS_NEXT.match(text[m.end :]):
        return True  # `total Chinese imports`: the imports a country's statistics total
    if is_demonym(text, m) or _FROM_BEFORE.search(text[: m.start]) or not _IMPORT_AFTER.match(text[m.end :]):
        return False
    possessive = text[m.end : m.end + 1] == "'"
    verb = _IMPORTED_AFTER.match(text, m.end)
    return possessive or bool(verb) or focus in {None, m.canonical}


# `Japan imported`, `India, the biggest buyer, imported 4,554 tons`
_IMPORTED_AFTER = re.compile(r"(?:,[^,;]{1,40},)?\s+(?:\w+\s+)?import(?:ed|ing)\b")
_SUPPLIER_OF = re.compile(r"['’]s\s+(?:[\w-]+\s+){0,3}?(?:suppliers?|sources?)\b", re.I)  # `Japan's main supplier`


def _bracketed_after_figure(draft: Draft, view: SentenceView) -> bool:
    """`610 tonnes (39.6% share)`: the share that figure has of the flow the sentence reports, not the world's."""
    start = draft.anchor.q.start
    return any(view.text[i.q.end : start].strip() == "(" for i in view.items if i.q.end <= start)


def _share(draft: Draft, view: SentenceView, ctx: PlaceContext) -> Place:
    text, q = view.text, draft.anchor.q
    respectively = _respectively(draft, view)
    owner = next(
        (
            m.canonical
            for m in view.entities.countries
            if m.start > q.end and _OF_BEFORE.search(text[q.end : m.start][-12:])
            and not _NOT_OWNER.search(text[q.end : m.start])
        ),
        None,
    ) or next(  # `Russia's share of Japan's palladium imports fell to 20%`: the market named before the figure
        (m.canonical for m in view.entities.countries if m.end <= q.start and _SHARE_OF.search(text, 0, m.start)),
        None,
    )
    world = (_OF_GLOBAL.match(text[q.end :]) or _AFTER_GLOBAL.search(text, 0, q.start)
             or _SHARE_OF_GLOBAL.search(text, draft.anchor.clause.start, q.start)) or (
        _GLOBAL_SHARE.match(text[q.end : draft.anchor.clause.end])
        and not _bracketed_after_figure(draft, view)
        and not _TRADE_ROLE.search(text)  # `the top supplier, with a 45% share`: of the imports reported on
    )
    # `China imported 158.7mn t, with Guinea accounting for 70% of supplies`: China's supplies
    importers = [m.canonical for m in view.entities.countries if m.start < q.start and _IMPORTED.match(text, m.end)]
    importer = importers[0] if importers else None
    country = None if world else owner or importer or ctx.focus
    if respectively:
        return Place(country, respectively, "market_share")
    holders = [m for m in candidates(draft, view) if m.canonical != country and m.start < q.start]
    if not holders and ctx.subject and ctx.subject != country:
        return Place(country, ctx.subject, "market_share")  # `The country holds 75% of the world's reserves`
    if not holders:  # `with 55pc shipped to China`, `30pc came from Chile`
        clause = draft.anchor.clause
        holders = [
            m
            for m in view.entities.countries
            if q.end <= m.start < clause.end
            and m.canonical != country
            and (_TO_BEFORE.search(text[: m.start]) or _FROM_BEFORE.search(text[: m.start]))
        ]
    if holders and _listed(holders[0], view):
        return Place(country, None, "market_share")  # `China, Japan and Korea accounted for 79%`: held by none alone
    return Place(country, holders[0].canonical if holders else None, "market_share")


_IMPORTED = re.compile(r"\s+(?:\w+\s+)?import(?:ed|s)\b")
_SHARE_OF = re.compile(r"\bshare\s+of\s+(?:the\s+)?$", re.I)


def _listed(holder: Mention, view: SentenceView) -> bool:
    """Whether `holder` is one of a list of countries (`Indonesia and Australia`, `China, Japan and Korea`)."""
    for other in view.entities.countries:
        first, second = (holder, other) if holder.start < other.start else (other, holder)
        if other is not holder and LIST_JOIN.fullmatch(view.text, first.end, second.start):
            return True
    return False


def _respectively(draft: Draft, view: SentenceView, besides: str | None = None) -> str | None:
    """`Vietnam and Thailand contributing 26.9% and 16%, respectively` pairs in order (`besides`: the country
    whose flows they are, `China's imports from Australia and Brazil`)."""
    paired = respective(draft, view, [m for m in view.entities.countries if m.canonical != besides])
    return paired.canonical if paired else None


def respective(draft: Draft, view: SentenceView, names: list[Mention]) -> Mention | None:
    """The name a `respectively` list pairs with the figure."""
    listed, at = respective_list(draft, view, names)
    return listed[at] if listed else None


def respective_list(draft: Draft, view: SentenceView, names: list[Mention]) -> tuple[list[Mention], int]:
    """The names of a `respectively` list and the figure's place in it: names in the figure's clause, or else those
    before its list of figures (`from Australia, Brazil and South Africa were 5, 3 and 1 million t`), in order."""
    if "respectively" not in view.text:
        return [], 0
    clause = draft.anchor.clause
    # not a level fallen to zero, which a list of names shares (`to the United States and Sweden fell to zero, from
    # 2,670 tons and 1,410 tons, respectively`)
    # prices listed with one unit written after the last (`to $2,750 and $15,200 a ton`) are one list
    currency = draft.anchor.q.unit.split("/")[0]
    figures = [i for i in view.items if clause.start <= i.q.start < clause.end and i.q.value != 0
               and (i.q.unit == draft.anchor.q.unit or (i.q.is_money and i.q.unit.split("/")[0] == currency))]
    if len(figures) < 2 or draft.anchor not in figures:
        return [], 0
    own = [m for m in names if clause.start <= m.start < clause.end]
    if len(own) < len(figures):
        own = [m for m in names if m.end <= figures[0].q.start]
    if len(own) != len(figures):
        own = _list_ending(own, view.text)  # `China mined 270,000 t, with the US, Myanmar and Australia at 45,000, …`
    return (own, figures.index(draft.anchor)) if len(own) == len(figures) else ([], 0)


def _list_ending(names: list[Mention], text: str) -> list[Mention]:
    """The run of names joined as one list (`the United States, Myanmar and Australia`) that ends the names given."""
    run = names[-1:]
    for before in reversed(names[:-1]):
        if not LIST_JOIN.fullmatch(text, before.end, run[0].start):
            break
        run.insert(0, before)
    return run


def _tariff(draft: Draft, view: SentenceView, ctx: PlaceContext) -> Place:
    text, q = view.text, draft.anchor.q
    levier = next(
        (
            m.canonical
            for m in view.entities.countries
            if q.end <= m.start < q.end + 20 and _TARIFF_NEAR.match(text[m.end :])
            and not _EXPORTERS_AFTER.match(text, m.end)  # `Taiwanese producers face duties`: who pays them
        ),
        None,
    )
    if levier is None:
        homes = organisation_countries()  # `The European Commission imposed duties`: the body's country levies
        bodies = [replace(m, canonical=homes[m.canonical]) for m in view.entities.organisations if m.canonical in homes]
        before = sorted(
            (m for m in (*view.entities.countries, *bodies) if m.end <= q.start and _IMPOSER.match(text[m.end :])
             and not _EXPORTERS_AFTER.match(text, m.end)),  # `all other Brazilian exporters has been set at`
            key=lambda m: m.start,
        )
        us_law = "United States" if _US_TRADE_LAW.search(text) else None  # `the 50% Section 232 tariff`
        levier = before[-1].canonical if before else us_law or ctx.tariff_country or ctx.focus
    # whose goods pay: `Vietnamese exporters`, a list item's label (`- Vietnam: Nam Kim Steel 39.1 percent`)
    payers = [m for m in view.entities.countries if _EXPORTERS_AFTER.match(text, m.end) or text.startswith(":", m.end)]
    targets = [m for m in view.entities.countries if m.canonical != levier
               and (_TARGETED.search(text[: m.start]) or m in payers)]
    # in the figure's own segment: `For Canada, the rates stand at 6.57 percent …, while Taiwanese producers face …`
    after = [m for m in targets if m.start > q.end and view.in_segment(draft.anchor.clause, m.start)]
    before = [m for m in targets if view.in_segment(draft.anchor.clause, m.start) and m.end <= q.start]
    # `Chinese exporters would pay 30.1 per cent`, `- Vietnam: Nam Kim Steel 39.1 percent`
    paying = [m for m in targets if m in payers and m.end <= q.start]
    chosen = paying[-1:] or after[:1] or before[-1:]  # `duties of 25% on China`, `tariffs on Chinese EVs to 100%`
    if not chosen:
        return Place(levier, ctx.duty_target if ctx.duty_target != levier else None, "tariff")
    if _listed(chosen[0], view):  # `from China, South Korea, and Vietnam`: no one partner
        return Place(levier, None, "tariff")
    return Place(levier, chosen[0].canonical, "tariff")


_US_TRADE_LAW = re.compile(r"\bSection\s+(?:232|301|201)\b")
# `All other Vietnamese exporters will pay a cash deposit of 25.9 percent`: whose goods the duty is on
_EXPORTERS_AFTER = re.compile(r"\s+(?:[\w-]+\s+)?(?:exporters?|producers?|mills|steelmakers|suppliers)\b", re.I)


def tariff_levier(text: str, mentions: list[Mention]) -> str | None:
    """`US tariffs`, `U.S. Tariffs`: the country that levies them, for later figures of the post."""
    for m in mentions:
        if _TARIFF_NEAR.match(text[m.end :]):
            return m.canonical
    return None


_NAMED_PROJECT = re.compile(r"\b[A-Z][a-z]+(?:\s+[a-z]+)?\s+project\b")


# `…, with higher output in Mexico`, `barring a trade deal with Ottawa`, `after deliveries into Rotterdam`: an aside
# after the figure names a place the figure is not of; `after` a time (`after the first quarter`, `after May`) is
# no aside
_WHEN = (r"(?:the\s+)?(?:first|second|third|fourth|end|start|close|middle|beginning|last|previous|\d)"
         r"|(?:a|an|one|two|three|four|five|six|several)\s+(?:days?|weeks?|months?|quarters?|years?)\b"
         rf"|(?-i:(?:{'|'.join(MONTH_WORDS)})\b)")
_ASIDE = re.compile(r"(?:,\s*|\s)(?:with\s+(?:higher|lower|stronger|weaker|more|less|most|much|the\s+bulk)|barring"
                    r"|(?:helped|hurt|driven|boosted|lifted|supported|underpinned|offset|hampered|held\s+back)\s+by"
                    r"|reflecting|on\s+the\s+back\s+of|arguing|before\s+(?:demand|supply|output|prices?)\b"
                    r"|compared\s+(?:with|to)"  # `98 kg, compared with … 610 kg in China`: the bases' places
                    r"|(?<=,\s)as\b(?!\s+(?:well|much|many|of|per|part|a\s+result)\b)"  # `…, as the Kitimat smelter …`
                    r"|amid|despite|thanks\s+to|citing|when|including|of\s+which|because\s+of"
                    rf"|due\s+to|owing\s+to|after\b(?!\s+(?:{_WHEN})))"
                    r"\b[^;.]*$",
                    re.I)  # `since February, when Congo …`; `144,900 t, including 97,000 t from Red Dog`: a part's


def _in_aside(view: SentenceView, draft: Draft, start: int) -> bool:
    """Whether what is named at `start` stands in an aside after the figure (`…, helped by …`)."""
    return start > draft.anchor.q.end and bool(_ASIDE.search(view.text, draft.anchor.q.end, start))


_RELATIVE = re.compile(r"which\s", re.I)
# a company figure from several operations: `from its MATSA operations in Spain and the Motheo mine in Botswana`
_SPREAD = re.compile(r"\bfrom\s+(?:its|their)\b", re.I)
_JUST_BEFORE = re.compile(r"\s*,\s*$")


def _antecedent(view: SentenceView, clause: Clause) -> str | None:
    """The country a `which` clause opens on, named right before its comma."""
    if not _RELATIVE.match(view.text, clause.start):
        return None
    return next((m.canonical for m in view.entities.countries
                 if _JUST_BEFORE.fullmatch(view.text, m.end, clause.start)), None)


def _sources_after(draft: Draft, view: SentenceView, places: list[Mention]) -> set[str]:
    """The countries of the operations a figure comes `from its …`, named after it and before any other figure."""
    q = draft.anchor.q
    spread = _SPREAD.search(view.text, q.end, draft.anchor.clause.end)
    if spread is None:
        return set()
    following = min((i.q.start for i in view.items if i.q.start > q.end), default=len(view.text))
    return {m.canonical for m in places if spread.start() < m.start < following}


_SHARE_OF_JUST = re.compile(r"(?:%|\bper\s?cent|\bshare)\s+of\s+(?:the\s+)?$", re.I)
_WORLDS = re.compile(r"\b(?:world|globe)['’]s\s+(?:[\w-]+\s+){0,2}$", re.I)  # the figure right after it is the world's


def _location(draft: Draft, view: SentenceView, ctx: PlaceContext) -> str | None:
    # `rose 3%, helped by higher grades at its Quebrada Blanca mine in Chile`: the aside places nothing
    countries = [m for m in view.entities.countries if not _in_aside(view, draft, m.start)]
    sites = [m for m in view.entities.sites if not _in_aside(view, draft, m.start)]
    if (len(countries), len(sites)) != (len(view.entities.countries), len(view.entities.sites)):
        view = replace(view, entities=replace(view.entities, countries=countries, sites=sites))
    clause = draft.anchor.clause
    respectively = _respectively(draft, view)  # `North America and Zimbabwe … declines of 26% and 4% respectively`
    if respectively:
        return respectively
    # `Escondida fell 0.7%`: a mine's figures are its country's, whoever owns it; but `Kumba in South Africa rose
    # 3%, while Minas-Rio …`: a country of the figure's own clause before another clause's mine
    own_sites = [m for m in view.entities.sites if clause.start <= m.start < clause.end]
    own = [m for m in view.entities.countries if clause.start <= m.start < clause.end]
    if any(m.end <= draft.anchor.q.start for m in own):
        # `Turkey's production jumped 8.1% to 3.1 Mt and Brazil's fell 2.9% to 2.7 Mt`: Brazil opens the next figure
        later = [i.q.start for i in view.items if i.q.start > draft.anchor.q.end and i.q.unit == draft.anchor.q.unit]
        own = [m for m in own if m.end <= draft.anchor.q.start or not any(m.end <= f for f in later)]
    segment_sites = [m for m in view.entities.sites if view.in_segment(clause, m.start)]
    # `At its Salar de Atacama operation in Chile, output rose …, while the Kemerton plant …`: not the other's mine
    elsewhere = [] if any(view.in_segment(clause, m.start) for m in view.entities.countries) else view.entities.sites
    if not own and _WORLDS.search(view.text, max(clause.start, draft.anchor.q.start - 40), draft.anchor.q.start):
        return None  # `69% of the world's 390,000 tonnes`
    antecedent = _antecedent(view, clause)
    if antecedent and not own and not own_sites:
        return antecedent  # `overtaking Brazil, which produced 33.7 Mt`: the country the relative clause is about
    if ctx.company_country and len(_sources_after(draft, view, own_sites + own)) > 1:
        return ctx.company_country  # `146,000 t … from its MATSA operations in Spain and the Motheo mine in Botswana`
    nearest = own_sites or own or segment_sites or elsewhere
    if nearest:
        return min(nearest, key=lambda m: abs(m.start - draft.anchor.q.start)).canonical
    for name, country in ctx.projects.items():
        at = view.text.find(name)
        if at >= 0 and not _in_aside(view, draft, at):
            return country
    if any(not _in_aside(view, draft, m.start()) for m in _NAMED_PROJECT.finditer(view.text)):
        return None  # `the Jansen potash project`: a project the text does not place is not its owner's home
    if any(clause.start - 80 <= s < clause.end and not _SHARE_OF_JUST.search(view.text, max(0, s - 30), s)
           for s in view.entities.global_scopes):
        return None  # not `Indonesia accounted for 60% of world output, and its production …`: a share's whole
    if ctx.exchange[0]:
        return ctx.exchange[1]  # an LME price is a world price; an SHFE price is China's
    rest = candidates(draft, view)
    segment = [m for m in rest if view.in_segment(clause, m.start)]
    if segment:
        return segment[0].canonical
    if ctx.company_country:
        return ctx.company_country
    if rest:
        return rest[0].canonical
    if ctx.scope == GLOBAL:
        return None
    # SMM's or NBS's figures are China's unless the text says otherwise
    return ctx.scope or ctx.focus or ctx.data_country
