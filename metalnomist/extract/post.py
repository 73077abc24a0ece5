"""Post-level reading: what carries from sentence to sentence and paragraph to paragraph.

A year stated once for a report, the commodity a section is about, the supplier named in
the sentence before, and the body credited for a data release all carry forward, the way
a reader carries them; each carry stops where the text changes subject.
"""

from __future__ import annotations

import calendar
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from functools import cached_property, lru_cache
from typing import Any, NamedTuple, TypeVar

from metalnomist.extract import vocab
from metalnomist.extract.backward import ending
from metalnomist.extract.entities import find_commodities, find_countries, find_organisations, is_demonym
from metalnomist.extract.fiscal import (
    COMPANY_FISCAL_HOMES,
    SPEC,
    FiscalYear,
    company_fiscal_year,
    fiscal_year_of,
    stated_fiscal_year,
)
from metalnomist.extract.periods import PeriodMention, find_periods, is_delivery, month_number
from metalnomist.extract.places import GLOBAL, names_partner, tariff_levier
from metalnomist.extract.units import currency
from metalnomist.extract.vocab import NO_COMMODITY
from metalnomist.models import Post
from metalnomist.months import MONTH_WORDS, WEEKDAYS
from metalnomist.text import fold_quotes, split_sentences

_ABBREVIATION = re.compile(
    r"((?:[A-Z][\w&.'-]*|of|and|&|for)(?:\s+(?:[A-Z][\w&.'-]*|of|and|&|for))*)\s+\(([A-Z][A-Za-z]{1,6})\)"
)
# `the Puquios Copper Project in Chile`, `its Mt Holland lithium project in Western Australia`
_PROJECT = re.compile(r"\b(?!(?:This|That|These|Those|Their|Each|Such|Another)\b)([A-Z][a-z]{3,})(?:\s+[A-Z][a-z]+)?"
                      r"(?:\s+[a-z]+)?\s+(?:[Pp]roject|[Mm]ine|[Dd]eposit)\s+in\s+(?:the\s+)?")
_COMMISSIONING_WORDS = re.compile(r"operation|completion|commissioning|start-?up|online|production start", re.I)
_COMMISSIONING = re.compile(
    r"\b(?:operations?|completion|commissioning|start-?up|online|production start)\b[^.;]{0,30}$", re.I
)


@dataclass(frozen=True)
class ParagraphState:
    """What the current paragraph has established so far."""

    period: str | None = None
    effect_period: str | None = None
    metric: str | None = None
    commodity: str | None = None
    partner: str | None = None
    scope: str | None = None
    data_country: str | None = None  # whose statistics this paragraph reports (`NBS data` → China)


@dataclass(frozen=True)
class PostScan:
    """What reading the whole post once establishes before its sentences are read in order: it never changes."""

    published: datetime | None
    lines: tuple[str, ...]  # the headline and the body's sentences, for the report year
    fiscal: FiscalYear | None  # whose `FY25` the post's are: its country's, or its headline company's home
    fiscal_home: str | None  # the country whose fiscal year that is
    abbreviations: dict[str, tuple[str, str]]
    projects: dict[str, str]
    commissioning: str | None
    title_commodity: str | None
    title_quota: str | None  # the series of the quotas a headline names (`Congo sets cobalt export quotas`)
    title: str = ""
    focus_held: bool = False  # the focus is the headline's, or the statistics agency's the lead credits: it holds
    body_focus: str | None = None  # the country the body names most, when the headline names none
    company_report: bool = False  # the headline names a company: one report, whatever metals its paragraphs open on
    producers_data: bool = False  # the lead credits producers' association: its `shipments` are theirs, not trade
    lead: str = ""  # the body's first three sentences, whose credited agencies `lead_agencies` names when asked
    site_title: bool = False  # the headline's subject is a mine or plant, no company: its figures are the site's
    known_by: date | None = None  # the day the post was stored (or read): an undated post is from before it
    local_dollar: str | None = None  # a bare `$` in an Australian post that writes US dollars `US$`: AUD
    crowns: str = "NOK"  # bare `crowns` in a post that names `Swedish crowns`: SEK (else Norway's, data/currencies.tsv)
    pesos: str = "MXN"  # bare `pesos` in a post on Argentina: ARS (else Mexico's, data/currencies.tsv)
    round_up: bool = False  # items under their own sub-headings, each its own report (`_round_up`)
    duty_target: str | None = None  # whose goods a headline's duty is on (`… anti-dumping duty … on foil from China`)

    @cached_property
    def title_period(self) -> str | None:
        """`output in FY25 Q3`: the period a results post reports on; an undated post's year-less `in
        November` takes the year its body reports on."""
        year = None if self.published else self.report_year
        return _title_period(self.title, self.published, self.fiscal, year, self.report_fiscal if year else None)

    @cached_property
    def _reported(self) -> list[Reported]:
        return reported_years(self.lines[0], list(self.lines[1:]), self.known_by, self.fiscal) if self.lines else []

    @cached_property
    def report_year(self) -> int | None:
        """Dates year-less months when the post has no date; read only when a sentence needs it. A post that
        reports a whole year as done, and no part of it, and speaks of `this year` is written in the next one,
        and so are its year-less months (`shipped 2.42 Mt in 2024 and expects … this year. … output rose 2.3%
        in April`); not one that reports `the first half of 2025` beside a plan that `takes effect in 2025`."""
        latest = max(reported.year for reported in self._reported) if self._reported else None
        after = self.after_reported_year
        if latest is not None and after is not None and after > latest \
                and not any(reported.year == latest and not reported.done for reported in self._reported) \
                and any(_THIS_YEAR.search(line) for line in self.lines[1:]):
            return after
        return latest

    @cached_property
    def report_fiscal(self) -> int | None:
        """The first month of the fiscal year reported on, when it is one (`in FY24 … In March alone`: March of 2025,
        `the 2025 financial year` from July 2024 `… the September quarter`: 2024's)."""
        kinds = {reported.fiscal for reported in self._reported if reported.year == self.report_year}
        return kinds.pop() if len(kinds) == 1 else None

    @cached_property
    def present_year(self) -> int | None:
        """The year an undated post is written in, when its text shows it; read only when needed."""
        return present_year(list(self.lines[1:])) if self.lines else None

    @cached_property
    def after_reported_year(self) -> int | None:
        """The year after the latest whole year an undated post reports as done (`produced 1.325 million tons in
        2023`): it is written after that year ended, so its `this year` is the next one. None when it reports
        no whole year, or forecasts it."""
        done = [reported.year for reported in self._reported if reported.done]
        return max(done) + 1 if done else None

    @cached_property
    def week_month(self) -> str | None:
        """The month of an undated post's `on Friday`; read only when a sentence needs it."""
        body = list(self.lines[1:])
        if not any(_CURRENT_DAY.search(line) for line in body):
            return None  # no `on Friday`: not a market report written in a week the post speaks from
        return week_month(body, self.report_year)


@dataclass(frozen=True)
class PostState:
    """What the post has established so far, sentence by sentence, on top of its scan."""

    scan: PostScan
    focus: str | None
    tariff_country: str | None
    period: str | None = None
    commodity: str | None = None
    metric: str | None = None
    company: str | None = None
    heading_commodity: str | None = None
    sentence_metric: str | None = None
    sentence_place: tuple[str | None, str | None] | None = None  # the sentence's main figure's (country, partner)
    sentence_share: bool = False  # the sentence's main figure is a share: only comparisons in percent are its
    # the total so far the sentence reported beside the month the post goes on with (`Imports during April-December
    # jumped 23.9%, while exports slumped 24%`): its later figures' period; the last such total, for `in the nine
    # months` after it
    sentence_period: str | None = None
    to_date_period: str | None = None
    last_trader: str | None = None  # the country whose trade the last imports or exports reported
    last_period: str | None = None  # survives a change of subject, for `over the same period`
    # the period the last forecast carried on, and the last reported (not forecast) one before it: a reported
    # figure after `expects FY26 shipments of …` is of the year reported on (`average revenue was US$84.71/dmt`)
    forecast_period: str | None = None
    reported_period: str | None = None
    last_quarter: str | None = None  # the latest quarter reported, for a later paragraph's `in the quarter`
    last_half: str | None = None  # and half, for `in the half` after the second quarter's figures
    subject_country: str | None = None  # the country the last sentence opened on, for a following `It`
    levies: bool = False  # the post is about duties: rates exporters `pay` and list items' percents are tariffs
    # the post reported a country's total of all goods (`South Africa's mining production increased by 4.2%`):
    # the metals of later paragraphs are its parts, in the same country and period
    total: bool = False
    paragraph: ParagraphState = field(default_factory=ParagraphState)

    def new_subject(self, commodities: list[str], countries: list[str], same_report: bool = False) -> PostState:
        """A paragraph that opens on commodities the post has not been carrying starts a new report:
        period, commodity, series and company of the earlier ones do not carry into it, and a focus
        country guessed from the body no longer holds (prefer null to a wrong carry) unless the paragraph
        opens on it too (`Gold is set to overtake metallurgical coal as Australia's third-largest resource
        export`)."""
        carried = [c for c in (self.commodity, self.heading_commodity) if c and c != NO_COMMODITY]
        named = [c for c in commodities if c != NO_COMMODITY and c not in vocab.INPUTS]
        if not named or not carried or any(same_family(a, b) for a in named for b in carried):
            return self
        focus = self.focus if self.scan.focus_held or self.total else (
            self.scan.body_focus if self.scan.body_focus in countries else None)
        # a company's quarter covers all its metals, a country's monthly total all its minerals, and a form of no
        # metal (`Flying Fox produced 37,950 tonnes of ore` in a nickel miner's quarter) the metal's report
        forms = all(c in _FORMS_ALONE for c in named)
        period = self.period if self.scan.company_report or self.total or forms or same_report else None
        return replace(self, focus=focus, period=period, commodity=None, metric=None, company=None,
                       heading_commodity=None, last_trader=None)

    def next_item(self) -> PostState:
        """A round-up's sub-heading starts an item of its own: nothing the item before reported carries into it."""
        return replace(self, period=None, last_period=None, commodity=None, metric=None, company=None,
                       last_quarter=None, last_half=None, forecast_period=None, reported_period=None, last_trader=None)


_State = TypeVar("_State", PostState, ParagraphState)


def evolve(state: _State, **changes: Any) -> _State:
    """A copy of `state` with `changes`; `state` itself when they change nothing, as most sentences do.

    The copy is made from the instance dict rather than by `dataclasses.replace`, whose checks cost
    about a tenth of extraction at several states per sentence; the states have no `__post_init__`."""
    # `is` first: comparing two paragraph states field by field is what most calls would cost
    changed = {name: new for name, new in changes.items() if (old := getattr(state, name)) is not new and old != new}
    if not changed:
        return state
    copy = object.__new__(type(state))
    copy.__dict__.update(state.__dict__, **changed)
    return copy


# `Guinea Supplies Three-Quarters of China's Bauxite`: the supplier is the subject, the buyer whose figures these are
_FILLS = re.compile(r"\s+(?:[\w-]+\s+){0,3}(?:fills?|filled|plugs?|plugged|feeds?|fed)\s+(?:the\s+)?", re.I)
_SHARE_OF = re.compile(r"\s+(?:[\w-]+\s+){0,2}share\s+of\s+(?:the\s+)?", re.I)
_IMPORTS_AFTER = re.compile(r"(?:['’]s)?\s+(?:[\w-]+\s+){0,2}imports\b", re.I)
_SUPPLIES_OF = re.compile(r"\s+(?:suppl(?:ies|ied)|provides?|provided|accounts?\s+for|accounted\s+for|makes?\s+up"
                          r"|made\s+up|meets?|dominates?|dominated)\b[^:;,]*\bof\s+(?:the\s+)?", re.I)


def _supplied(title: str, countries: list[vocab.Mention]) -> str | None:
    """The buyer a headline's supplier supplies (`Guinea Supplies Three-Quarters of China's Bauxite`, `Russian
    aluminium share of EU imports dwindles`, `Philippine nickel ore fills China's gap`): the post's figures are the
    buyer's imports."""
    if len(countries) < 2:
        return None
    supplier, buyer = countries[0], countries[1]
    if _SHARE_OF.fullmatch(title, supplier.end, buyer.start) and _IMPORTS_AFTER.match(title, buyer.end):
        return buyer.canonical  # `Russian aluminium share of EU imports dwindles`
    if not title.startswith(("'s", "’s"), buyer.end):
        return None
    if _FILLS.fullmatch(title, supplier.end, buyer.start):
        return buyer.canonical  # `Philippine nickel ore fills China's gap`
    return buyer.canonical if _SUPPLIES_OF.fullmatch(title, supplier.end, buyer.start) else None


def _acted_on(title: str, sites: list[vocab.Mention]) -> bool:
    """Whether the headline's company acts on a mine or project in its own clause (`Ivanhoe cuts Kamoa-Kakula 2025
    guidance`, `Hudbay sells 30% of Copper World project`): the post's figures are the site's country's, not the
    company's home's (unlike `BHP first-quarter iron ore output rises 4%, Rio Tinto readies Simandou`)."""
    return any(not any(stop in title[:site.start] for stop in ",;:") for site in sites)


def scan_post(post: Post) -> PostState:
    """Read the whole post once for what later sentences rely on: focus country, abbreviations, projects."""
    title = fold_quotes(post.title)
    body = fold_quotes(post.body)
    split = list(split_sentences(body))
    sentences = [sentence for _, sentence in split]
    lead_end = split[3][0] if len(split) > 3 else len(body)  # the first three sentences
    # the headline's country, else its mine's (`Red Dog off to a strong start`), else its company's home; a
    # country in a mine's or a company's name (`Cobre Panama`, `Anglo American`) is theirs
    title_sites = vocab.sites().find(title)
    bodies = _companies(title, "agency")
    # `BHP maintains strong copper output in FY25 Q3`: the companies the post reports on; the first is whom `the
    # miner` of its body is, a home says whose fiscal year
    firms = [m for m in bodies if m.kind == "company"]
    named = title_sites + firms
    title_countries = [m for m in find_countries(title) if not any(s.start <= m.start < s.end for s in named)]
    # `Iron ore majors stick to guidance as Simandou looms`, `Tin hits three-year low as Shanghai stocks swell`: a
    # mine or place in the headline's circumstance is not its subject
    subject_sites = [m for m in title_sites if m.start == 0 or not _CIRCUMSTANCE.search(title, 0, m.start)]
    subject_countries = [m for m in title_countries if m.start == 0 or not _CIRCUMSTANCE.search(title, 0, m.start)]
    # `DGTR recommends anti-dumping duty … on aluminium foil from China`: whose goods pay a headline's trade-remedy duty
    # (one on a country's goods, not a tariff on all comers) is no subject
    targets = [m for m in title_countries if _TRADE_REMEDY.search(title) and _TITLE_TARGET.search(title, 0, m.start)]
    subject_countries = [m for m in subject_countries if m not in targets]
    companies = [m.canonical for m in firms]
    homes = vocab.organisation_countries()
    # `Japan's Rare Earth Imports … Drop 18% as JOGMEC Deepens Lynas Ties`: a company only in the circumstance of a
    # headline on a country is not whose post it is (nor whose fiscal year its `first half` is)
    owners = [m.canonical for m in firms if not (subject_countries and _CIRCUMSTANCE.search(title, 0, m.start))]
    # a company the vocabulary gives no one home (Southern Copper's mines are in Peru and Mexico): where the body says
    # it is based (`the Phoenix-based company`)
    home = next((homes[c] for c in owners if c in homes), None) or (
        _based_in(body) if owners and not _reports_the_world(title, body) else None)
    agencies = [m for m in bodies if m.kind == "agency"]
    agency = _origins_body(title, title_countries, agencies)
    publisher = next((homes[m.canonical] for m in agencies if homes.get(m.canonical, "-") != "-"), None)
    if agency:
        focus: str | None = agency
    elif home and title_countries and _AS_CAUSE.search(title, 0, title_countries[0].start):
        focus = home  # `Freeport-McMoRan beats forecast as Indonesia output climbs`: the company's post
    elif subject_countries or (subject_sites and not home) or _acted_on(title, subject_sites):
        focus = _supplied(title, subject_countries) or (subject_countries or subject_sites)[0].canonical
    elif home:
        focus = home
    elif publisher:
        focus = publisher  # `Iron ore earnings to slide as Simandou starts: REQ`: the agency's country's outlook
    elif title_sites or title_countries:
        focus = None  # a headline that names a place only as its circumstance reports on no one country
    else:
        focus = None if _reports_the_world(title, body) else _most_named(body, lead_end)
    round_up = _round_up(post)
    if round_up:
        focus = None  # `Weekly round-up: Japan's aluminium premium jumps`: the headline is one item's, not the post's
    title_commodities = find_commodities(title)
    fiscal_home = home or focus
    fiscal = _fiscal_of(fiscal_home, bool(home))
    if fiscal is None:
        fiscal_home = _first_fiscal_home(body[:_LEAD]) or fiscal_home
        fiscal = _fiscal_of(fiscal_home, bool(home))
    fiscal = stated_fiscal_year(f"{title}\n{body}", fiscal) or fiscal
    if fiscal and (home or not title_countries) and _NAMES_FISCAL.search(f"{title}\n{body}"):
        fiscal = replace(fiscal, quarters=True)  # a company on its fiscal year: its `fourth quarter` is that year's
    known_by = (post.created or datetime.now(UTC)).date()
    published = post.published or dateline_day([title, *sentences], known_by)
    scan = PostScan(
        published=published,
        lines=() if published else (title, *sentences),
        fiscal=fiscal,
        fiscal_home=fiscal_home,
        focus_held=bool(title_countries or title_sites or home) or (focus is not None and focus == _lead_agency(body)),
        body_focus=None if title_countries or title_sites or home or agency else focus,
        company_report=bool(companies),
        abbreviations=_abbreviations(body),
        projects=_projects(body),
        commissioning=_commissioning(sentences, post.published),
        title_commodity=title_commodities[0].canonical if title_commodities else None,
        title_quota=next((metric for start, end, metric in vocab.metric_triggers().find(title)
                          if "quota" in title[start:end].lower()), None),
        title=title,
        known_by=known_by,
        local_dollar=vocab.local_dollars().get(home or focus or "") if _US_DOLLARS.search(body) else None,
        crowns=_crowns(f"{title}\n{body}"),
        pesos=_pesos(home, focus, [m.canonical for m in title_sites], body, lead_end) if "peso" in body else "MXN",
        producers_data=bool(_PRODUCERS_BODY.search(body[:lead_end])),
        lead=body[:lead_end],
        site_title=bool(subject_sites) and not subject_countries and not home and not agency,
        round_up=round_up,
        duty_target=targets[0].canonical if len(targets) == 1 else None,
    )
    return PostState(
        scan,
        focus=focus,
        tariff_country=tariff_levier(title, title_countries),
        levies=_LEVY_TITLE.search(title) is not None,  # `US issues preliminary AD duties on …`: a post about duties
        metric=_title_metric(title),
        company=companies[0] if companies else None,
    )


@lru_cache(maxsize=256)
def lead_agencies(lead: str) -> frozenset[str]:
    """The statistics agencies a post's opening sentences credit (METI): read only when a later paragraph credits
    one, as most posts never ask."""
    return frozenset(m.canonical for m in find_organisations(lead, {}) if m.kind == "agency")


def _lead_agency(body: str) -> str | None:
    """The country of the statistics agency the lead credits (`as per provisional figures released by the Indian Bureau
    of Mines`): whose figures the post's paragraphs report, whatever minerals they open on."""
    homes = vocab.organisation_countries()
    return next((homes[m.canonical] for m in find_organisations(body[:_LEAD], {})
                 if m.kind == "agency" and homes.get(m.canonical, "-") != "-"), None)


def _round_up(post: Post) -> bool:
    """A round-up (`Weekly wrap: …`, `This week in metals: …`) of items under sub-headings on three metals or more
    (`Copper`, `Iron ore`, `Nickel`): each item its own report, of no one country. A country's statistics set out
    metal by metal (`Japan's Imports …` over `Copper`, `Nickel`) are not one."""
    if not _ROUND_UP.search(post.title):
        return False
    metals = {m.canonical for block in post.blocks if block.kind == "heading"
              for m in find_commodities(block.text) if m.canonical != NO_COMMODITY}
    return len(metals) >= 3


_ROUND_UP = re.compile(r"\b(?:round-?up|wrap|week\s+in\s+(?:review|metals)|this\s+week\s+in|weekly|daily|midday|digest"
                       r"|brief(?:ing)?|newsletter|week(?=\s*:))\b", re.I)  # `Battery metals week: …`


_FORMS_ALONE = frozenset({"ore", "scrap", "cathodes", "precursors"})
# `Gold production at the mine fell to 61,000 ounces` after the mine's copper: the same report, another metal
SAME_REPORT = re.compile(r"\b(?:at|from|of|by)\s+the\s+(?:mine|smelter|refinery|plant|operation|complex|company"
                         r"|group)\b")
_GENERIC_WORDS = frozenset({"and", "products", "product", "metal", "metals", "of"})


def _words(commodity: str) -> set[str]:
    return {w.rstrip("s") for w in re.split(r"[\s-]+", commodity.lower()) if w not in _GENERIC_WORDS}


def same_family(a: str, b: str) -> bool:
    """`lithium carbonate` and `lithium oxide and hydroxide` are one report's figures; `copper`
    and `cobalt` are not."""
    return a == b or bool(_words(a) & _words(b))


_WORLD_HEADLINE = re.compile(r"\b(?:world|global|worldwide)\b", re.I)


def _reports_the_world(title: str, body: str) -> bool:
    """`World crude steel production fell`, or a report an international body (WGC, worldsteel)
    publishes: the countries it names in passing are not whose figures these are."""
    if _WORLD_HEADLINE.search(title):
        return True
    lead = body[:600]  # the body that publishes the report is credited in its opening lines
    return any(m.canonical in vocab.international_bodies() for m in find_organisations(lead, {}))


_LEAD = 1500  # the body's opening, which names whom the post reports on


# A post that writes US dollars as such (`US$90`, `$US18.54`) writes its own country's dollar as a bare `$`
_US_DOLLARS = re.compile(r"US\$|\$US\b|\bUS dollars?\b|\bUSD\s?\d")
# `figures released by the Japan Aluminium Association`: the producers' own association
_PRODUCERS_BODY = re.compile(r"\b(?:[A-Z][\w&'’.-]* ){1,5}(?:Association|Federation|Society)\b")
# the countries whose posts write pesos bare
_PESOS = {"Mexico": "MXN", "Argentina": "ARS", "Chile": "CLP", "Colombia": "COP", "Philippines": "PHP",
          "Uruguay": "UYU", "Dominican Republic": "DOP", "Cuba": "CUP"}
_NAMED_CROWNS = re.compile(r"\b(?:Norwegian|Swedish|Danish|Czech) crowns\b")


def _crowns(text: str) -> str:
    """The currency of the post's bare `crowns`: the kind it names first (`2.1 billion Swedish crowns`)."""
    named = _NAMED_CROWNS.search(text)
    return currency(named.group())[0] if named else "NOK"
_NAMES_FISCAL = re.compile(r"\b(?:FY ?\d\d(?:\d\d)?|fiscal|financial year)\b", re.I)


def _fiscal_of(country: str | None, company: bool) -> FiscalYear | None:
    """A country's fiscal year; for a company's post, the one its companies report on."""
    if not company or country is None:
        return fiscal_year_of(country)
    return company_fiscal_year(country)


def _first_fiscal_home(text: str) -> str | None:
    """`Fortescue shipped 47.7 Mt in Q3 FY24` under a headline naming no one: the first company or agency named
    whose home country's companies report on a fiscal year of its own says whose `FY24` it is (`The DGTR …
    imports … in 2023-24`: India's)."""
    homes = vocab.organisation_countries()
    named = sorted((m for m in _companies(text, "agency") if homes.get(m.canonical) in COMPANY_FISCAL_HOMES),
                   key=lambda m: m.start)
    return homes[named[0].canonical] if named else None


# A headline's clause of cause or circumstance after its subject: `as …`, `on Peru, Mexico mine gains`, `from Congo`
# `the Luxembourg-based company said`: where a company the vocabulary gives no one home (`-`) is based
_BASED_IN = re.compile(r"\b(?:[Tt]he|[Ii]ts)\s+(?P<place>[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)-(?:based|headquartered)\s+"
                       r"(?:company|firm|group|miner|producer|steelmaker|smelter|refiner|automaker|carmaker)\b")


def _based_in(body: str) -> str | None:
    """The country a post's company is said to be based in, if the body says so (`the Luxembourg-based company`,
    `the Vancouver-based miner`)."""
    said = _BASED_IN.search(body)
    if said is None:
        return None
    places = find_countries(said.group("place"))
    return places[0].canonical if places else vocab.headquarters().get(said.group("place"))


_CIRCUMSTANCE = re.compile(r"\b(?:as|amid|despite|while|after|on)\s", re.I)
_AS_CAUSE = re.compile(r"\b(?:as|on|after|amid|from|with|while|despite|thanks to|helped by)\b", re.I)
_ORIGIN_BEFORE = re.compile(r"\b(?:from|on|against)\s+(?:[\w-]+\s+){0,4}?$", re.I)


def _origins_body(title: str, countries: list[vocab.Mention], agencies: list[vocab.Mention]) -> str | None:
    """`DGTR recommends … duty on … steel from China, Indonesia`: an agency that acts on the countries the headline
    names (their goods) reports from its own; the post is its country's."""
    homes = vocab.organisation_countries()
    bodies = [m for m in agencies if m.canonical in homes]
    if not bodies or not countries or countries[0].start < bodies[0].start:
        return None
    return homes[bodies[0].canonical] if _ORIGIN_BEFORE.search(title[: countries[0].start]) else None


def _companies(text: str, *kinds: str) -> list[vocab.Mention]:
    """The companies (and bodies of `kinds`) the gazetteer finds in `text`: those written in capitals first."""
    sensitive, insensitive = vocab.organisations()
    wanted = {"company", *kinds}
    return [m for found in (sensitive.find(text), insensitive.find(text)) for m in found if m.kind in wanted]



def _title_period(title: str, published: datetime | None, fiscal: FiscalYear | None, report_year: int | None,
                  report_fiscal: int | None) -> str | None:
    """The one period a headline reports on (`BHP output steady in FY25 Q3`); an outlook's
    (`to reach … in 2026`) or a headline naming several is none the body's figures can take."""
    if _HEADLINE_AHEAD.search(title) or _AHEAD.search(title):
        return None
    periods = find_periods(title, published, report_year, fiscal, report_fiscal=report_fiscal)
    found = {p.period for p in periods if p.use == "period"}
    return found.pop() if len(found) == 1 else None


def _title_metric(title: str) -> str | None:
    """The series a headline names is where a post starts (`EV subsidies` → subsidy)."""
    for _, _, metric in vocab.metric_triggers().find(title):
        if metric not in {"target", "market_share"}:
            return metric
    return None


def _pesos(home: str | None, focus: str | None, sites: list[str], body: str, lead_end: int) -> str:
    """Whose bare `pesos` a post writes: its company's home's, its focus', its headline mine's country's or the one the
    body names most, the first of them whose money they are (`30 million pesos` in a post on BHP's Escondida: CLP)."""
    for place in (home, focus, *sites):
        if place in _PESOS:
            return _PESOS[place]
    return _PESOS.get(_most_named(body, lead_end) or "", "MXN")


def _most_named(body: str, lead_end: int) -> str | None:
    """The country the body names most often (the first of those named as often). One named at most twice, beside
    others, and only after the opening sentences (which end at `lead_end`) is a side remark (`mine supply to fall
    due to lockdowns in Mexico and Peru`)."""
    mentions = find_countries(body)
    counts = Counter(m.canonical for m in mentions).most_common()
    if not counts:
        return None
    country, times = counts[0]
    if len(counts) > 1 and times <= 2 and not any(m.canonical == country and m.start < lead_end for m in mentions):
        return None
    return country


def _abbreviations(body: str) -> dict[str, tuple[str, str]]:
    """`Sumitomo Metal Mining (SMM)`: within this post SMM is that company."""
    sensitive, insensitive = vocab.organisations()
    out = {}
    for m in _ABBREVIATION.finditer(body):
        long_form, abbr = m.group(1), m.group(2)
        known = sensitive.find(long_form) + insensitive.find(long_form)
        if known and known[-1].end == len(long_form):
            out[abbr] = (known[-1].canonical, known[-1].kind)
    return out


def _projects(body: str) -> dict[str, str]:
    """`the Puquios Copper Project in Chile's Coquimbo region`: Puquios is in Chile."""
    out = {}
    for m in _PROJECT.finditer(body):
        after = find_countries(body[m.end() : m.end() + 40])
        if after and after[0].start == 0:
            out[m.group(1)] = after[0].canonical
    return out


_STATED_YEAR = re.compile(r"(?<![\d$¥€£.,/-])(?:19[5-9]\d|20\d\d)(?![\d%]|[.,]\d)")
_DATED = re.compile(r"^(?:FY)?(\d{4})(?:-[\dQH]\w*)?(?:/(\d{4})-\d\d)?$")
_AHEAD = re.compile(
    r"\b(?:expect\w*|forecast\w*|project\w*|predict\w*|anticipat\w*|guidance|outlook|plan\w*|propos\w*|"
    r"will|would|could|might|sees?|seen\s+(?:\w+ing|at|between|around|near)|set to|slated|aims?|target\w*|goals?|"
    r"point(?:s|ing)? to|annuali[sz]ed|on (?:course|track) for)\b",  # `point to an annualized rate of 199 Mt in 2025`
    re.I,
)


# a year naming the outlook the cue word ends (`raised its 2026 copper price forecast`)
_YEAR_OF_CUE = ending(r"\b(?:its|their|the|a)\s+(?:19|20)\d\d(?:\s+[\w-]+){0,3}\s+$", re.I)
# A clause that reports what happened (`shipped 2.42 million tons in 2024 and expects …`)
_PAST_CLAUSE = re.compile(r"\b(?:\w{3,}ed|was|were|rose|fell|grew|sold|made|hit|stood|came|took|reached)\b", re.I)
# Headlines write outlooks as `Trends for 2025` or `Output to Recover in 2025`.
_HEADLINE_AHEAD = re.compile(r"\bfor\s+(?:19|20)\d\d\b|\bto\s+(?!(?:a|an|the|record|\d+)\b)\w+", re.I)


_MONTH_WORD = r"(?:" + "|".join(MONTH_WORDS) + r")\.?"
# A day with its weekday and no year: `on Wednesday January 17`, `Tuesday, 11 May`.
_WEEKDAY_DATE = re.compile(
    rf"""\b(?P<wd>{"|".join(WEEKDAYS)}),?\s+
        (?:(?P<m>{_MONTH_WORD})\s+(?P<d>\d{{1,2}})|(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTH_WORD}))
        (?:st|nd|rd|th)?\b(?!,?\s*(?:19|20)\d\d)""",
    re.X,
)


# The wire services whose dateline (`SHANGHAI, April 16 (Reuters) -`) dates a story
_WIRE = r"\((?:Reuters|Bloomberg|AP|AFP|Dow\s+Jones|Xinhua)\)"
# A wire dateline and the weekday its lead gives the news (`SHANGHAI, April 16 (Reuters) - … data showed on
# Tuesday`): the wire dates a story by the day it happened, so that day is that weekday.
_DATELINE_WEEKDAY = re.compile(
    rf"""^(?:[A-Z][A-Za-z .'-]*,\s+)?(?P<m>{_MONTH_WORD})\s+(?P<d>\d{{1,2}})\s*
        {_WIRE}\s*[-–—]
        [^.]*?\bon\s+(?P<wd>{"|".join(WEEKDAYS)})\b""",
    re.X,
)


def _weekday_dates(text: str) -> Iterator[tuple[int, int, int]]:
    """(month, day, weekday) of each day `text` names with its weekday, its dateline's included."""
    for m in (*_WEEKDAY_DATE.finditer(text), *_DATELINE_WEEKDAY.finditer(text)):
        g = m.groupdict()
        yield month_number(g.get("m") or g["m2"]), int(g.get("d") or g["d2"]), WEEKDAYS.index(g["wd"])


_DATELINE_DATED = re.compile(
    rf"""^(?:[A-Z][A-Za-z .'-]*,\s+)?
        (?:(?P<d>\d{{1,2}})\s+(?P<m>{_MONTH_WORD})|(?P<m2>{_MONTH_WORD})\s+(?P<d2>\d{{1,2}}),?)
        \s+(?P<y>(?:19|20)\d\d)\s*(?:/[^/\n]{{2,40}}/|{_WIRE})\s*(?:--|[-–—])""",  # a release's `/PRNewswire/`
    re.X,
)


def dateline_day(texts: list[str], known_by: date | None = None) -> datetime | None:
    """An undated wire story's own day: its dateline (`DENVER, Feb 20 (Reuters) - … on Thursday`) in the year
    the weekday of its lead fixes. The story is written that day, so it dates the story as a publication date."""
    for text in texts[:3]:
        dated = _DATELINE_DATED.match(text)  # `LONDON, 12 November 2025 /PRNewswire/ --`: the release's own day
        if dated is not None:
            day, month = int(dated.group("d") or dated.group("d2")), month_number(dated.group("m") or dated.group("m2"))
            if _weekday(int(dated.group("y")), month, day) is not None:
                return datetime(int(dated.group("y")), month, day, tzinfo=UTC)
    for i, text in enumerate(texts[:3]):
        m = _DATELINE_WEEKDAY.match(text)
        if m is None:
            continue
        year = weekday_year([m.group(), *texts[:i], *texts[i + 1 :]], known_by)
        month, day = month_number(m.group("m")), int(m.group("d"))
        if year and _weekday(year, month, day) == WEEKDAYS.index(m.group("wd")):
            return datetime(year, month, day, tzinfo=UTC)
    return None


def weekday_year(texts: list[str], known_by: date | None = None) -> int | None:
    """The year of a day the text names with its weekday but no year (`assessed on Wednesday
    January 17`). A report names such a day in the latest year it mentions or one of the two after
    (`imports totalled 18.9 Mt last year, 3% lower than in 2023`: written in 2025); the weekday falls
    differently in the three, so at most one fits. A post that names no year is
    from before the day it was known by: the latest year before it whose calendar fits, within
    the eleven years in which each weekday and date meet at least once. A post that forecasts the latest year it
    names may be written the year before it, when no later year fits."""
    named = [int(y) for text in texts for y in _STATED_YEAR.findall(text)
             if known_by is None or int(y) <= known_by.year]  # not a target's 2030: the post was known before it
    if not named and known_by is None:
        return None
    for text in texts:
        for month, day, weekday in _weekday_dates(text):
            if named:
                fits = [y for y in range(max(named), max(named) + 3) if _weekday(y, month, day) == weekday
                        and (known_by is None or _on_or_before(y, month, day, known_by))]
                if not fits and _weekday(max(named) - 1, month, day) == weekday:
                    fits = [max(named) - 1]  # `a surplus of 170,000 tons in 2026 …, the group said on Wednesday`
                if len(fits) == 1:
                    return fits[0]
            elif known_by is not None:
                years = range(known_by.year, known_by.year - 12, -1)
                past = (y for y in years if _on_or_before(y, month, day, known_by))
                found = next((y for y in past if _weekday(y, month, day) == weekday), None)
                if found:
                    return found
    return None


def _on_or_before(year: int, month: int, day: int, limit: date) -> bool:
    return _weekday(year, month, day) is not None and date(year, month, day) <= limit


def _weekday(year: int, month: int, day: int) -> int | None:
    try:
        return date(year, month, day).weekday()
    except ValueError:
        return None


# a working day named alone: the week the post speaks from
_CURRENT_DAY = re.compile(
    r"\b(?:on\s+(?:" + "|".join(WEEKDAYS[:5]) + r")(?!,?\s+(?:[A-Z]|\d))|this\s+week|yesterday|today)\b"
)
_DAY_NUMBER = re.compile(r"(?<![\d.,])(\d{1,2})(?![\d.,]\d)")
_MONTH_START = ending(r"\b(?:start|beginning)\s+of\s+$", re.I)
_PAST_USES = frozenset({"period", "date", "comparison", "since", "publication", "event"})  # not a deadline nor a start


def week_month(sentences: list[str], year: int | None) -> str | None:
    """The month of the week an undated market report speaks from (`prices edged lower on
    Friday`): a report names days of the week before it, so its `Friday` falls in the six days
    after the latest day it names. That day's month, unless those six days may leave it."""
    days = []
    for sentence in sentences:
        if not _DAY_NUMBER.search(sentence):
            continue
        for p in find_periods(sentence, report_year=year):
            day_written = _DAY_NUMBER.search(sentence[p.start : p.end])
            # `€35/t lower than at the start of March`: its first day
            day = int(day_written.group(1)) if day_written else 1 if _MONTH_START.search(sentence, 0, p.start) else 0
            month_of = re.fullmatch(r"(\d{4}|-)-(\d\d)", p.period)
            if day and month_of and p.use in _PAST_USES:
                named_year = int(month_of.group(1)) if month_of.group(1) != "-" else 0
                days.append((named_year, int(month_of.group(2)), day, p.period))
    if not days:
        return None
    year, month, day, period = max(days)
    length = calendar.monthrange(year or 2001, month)[1]  # a year-less February has 28 days
    return period if day + 6 <= length else None


class Reported(NamedTuple):
    """A year an undated post reports on."""

    year: int  # a fiscal year's first (`FY24`, `July 2023 to June 2024`: 2023)
    fiscal: int | None  # the first month of the fiscal year it is stated as (`FY24`: April), None for a calendar year
    done: bool  # a whole calendar year the body reports as over (`produced 1.325 million tons in 2023`)


def reported_years(title: str, sentences: list[str], known_by: date | None = None,
                   fiscal: FiscalYear | None = None) -> list[Reported]:
    """The years an undated post reports on, the latest of which is its report year: the years its title or
    body reports a period of, or of a day it names with its weekday. Outlooks do not count (a post is written
    before the years it forecasts), nor do deadlines, comparison bases or the year a `since` starts from; but a
    post whose only stated years are compared with reports on the year after."""
    years = [Reported(y, None, False) for y in [weekday_year([title, *sentences], known_by)] if y]
    compared: list[int] = []
    ahead: list[Reported] = []
    for sentence in [title, *sentences]:
        if not (_STATED_YEAR.search(sentence) or _SHORT_FY.search(sentence)):
            continue
        is_title, cue = sentence is title, _AHEAD.search(sentence)
        if cue:
            ahead += _years_in(sentence, cue.start(), len(sentence), fiscal)
            head = sentence[: cue.start()]  # `Alcoa shipped 2.42 Mt in 2024 and expects …`: 2024 is reported
            named = _YEAR_OF_CUE.search(head)
            if named:  # `Macquarie raised its 2026 copper price forecast`: the forecast's year
                ahead += _years_in(head, named.start(), len(head), fiscal)
                head = head[: named.start()]
            sentence = head if _PAST_CLAUSE.search(head) else ""
            if not _STATED_YEAR.search(sentence):
                ahead += _years_in(head, 0, len(head), fiscal)
                continue
        if is_title and _HEADLINE_AHEAD.search(title):
            continue
        for p in find_periods(sentence, fiscal=fiscal):  # India's `FY24` is FY2023
            m = _DATED.match(p.period)
            if m and p.use == "period" and not is_delivery(sentence, p.end) \
                    and not _NEXT.match(sentence, p.start):  # `reaching 3.6 Mt next year`: an outlook
                # `estimates demand at 3.1 million tonnes in 2023`: a year still estimated is not over
                done = not is_title and _WHOLE_YEAR.match(p.period) is not None \
                    and not _ESTIMATED.search(sentence, 0, p.start)
                years.append(_reported(p.period, m, done))
            elif m and p.use == "comparison" and _WHOLE_YEAR.match(p.period):
                compared.append(int(m.group(1)))
            elif m and p.use == "comparison" and (_PART_OF_YEAR.match(p.period) or _same_month_yearless(p, sentence)):
                # `up 41% from 13.1 million tons in Q1 2024`, `In March alone, output was 6.93 Mt, 5.6% below March
                # 2024`: the quarter or month reported is the next year's
                years.append(Reported(int(p.period[:4]) + 1, None, False))
    if not years and compared:  # `output totalled 5.25 million tons, down 1.9% from 2022`: the year after it
        return [Reported(max(compared) + 1, None, False)]
    if not years and ahead and any(_EARLY_PART.search(sentence) for sentence in [title, *sentences]):
        # a first-quarter report's `For 2024, Teck expects …`; a fiscal year's from its start (the earliest year,
        # a calendar year's before a fiscal year's starting in it)
        return [min(ahead, key=lambda r: (r.year, r.fiscal or 0))]
    return years


def _years_in(sentence: str, start: int, end: int, fiscal: FiscalYear | None) -> list[Reported]:
    """The years stated between `start` and `end`, a fiscal year as one (`the 2025 financial year`: July 2024 on);
    not one looked back to (`for the first time since 1969`), compared with, or a deadline (`recycle 25% by 2030`)."""
    periods = [p for p in find_periods(sentence, fiscal=fiscal) if start <= p.start < end]
    found = [_reported(p.period, m, False) for p in periods
             if p.use not in {"since", "comparison", "deadline"} and (m := _DATED.match(p.period))
             and not _LATE_PART.search(p.period) and not _LATE_IN.search(sentence, 0, p.start)]
    spans = [(p.start, p.end) for p in periods]
    return found + [Reported(int(m.group()), None, False) for m in _STATED_YEAR.finditer(sentence, start, end)
                    if not any(a <= m.start() < b for a, b in spans) and not _LATE_IN.search(sentence, 0, m.start())]


# an outlook for the end of a year (`a $2,400-2,600/oz range in the second half of 2026`, `sees $2,400 in late 2026`)
# is no sign the post is written in that year
_LATE_PART = re.compile(r"-(?:H2|Q3|Q4)$")
_LATE_IN = ending(r"\b(?:late|end-|the\s+end\s+of)\s*$", re.I)


def _reported(period: str, dated: re.Match[str], done: bool) -> Reported:
    """A reported period's year: a fiscal year's by its first month (`FY2024`, Australia's `2023-07/2024-06`), so
    that its year-less months fall inside it; any other span's by its last."""
    if period.startswith("FY"):
        return Reported(int(dated.group(1)), SPEC.first_month, done)
    twelve = _TWELVE_MONTHS.match(period)
    if twelve and twelve.group(2) != "01" and int(twelve.group(3)) == int(twelve.group(1)) + 1 \
            and int(twelve.group(4)) == int(twelve.group(2)) - 1:
        return Reported(int(twelve.group(1)), int(twelve.group(2)), done)
    return Reported(int(dated.group(2) or dated.group(1)), None, done)


_LEVY_TITLE = re.compile(rf"\b{vocab.LEVY}\b", re.I)
_TRADE_REMEDY = re.compile(r"\b(?:anti-?dumping|countervailing|AD|CVD)\b", re.I)
_TITLE_TARGET = re.compile(r"\b(?:on|against)\s+(?:[\w/-]+\s+){0,5}?(?:from\s+)?(?:the\s+)?$", re.I)
_TWELVE_MONTHS = re.compile(r"^(\d{4})-(\d\d)/(\d{4})-(\d\d)$")


# A year-less quarter or half before the last (`in the first quarter`, `Q2`, `H1`): a report written during the
# year its outlook names (a fourth quarter's report is written in the new year, and names the old one)
_EARLY_PART = re.compile(r"\b(?:(?:first|second|third|1st|2nd|3rd)[- ]quarter|first[- ]half|Q[1-3]|H1|[1-3]Q|1H)\b"
                         r"(?!,?\s+(?:of\s+)?(?:19|20)\d\d)", re.I)


_SHORT_FY = re.compile(r"\bFY ?\d\d\b")
_ESTIMATED = re.compile(r"\bestimat\w*", re.I)
_NEXT = re.compile(r"(?:the\s+)?(?:next|coming)\b", re.I)
_THIS_YEAR = re.compile(r"\bthis\s+year\b", re.I)


_WHOLE_YEAR = re.compile(r"^\d{4}$")
_PART_OF_YEAR = re.compile(r"^\d{4}-[QH]\d$")


def _same_month_yearless(compared: PeriodMention, sentence: str) -> bool:
    """Whether the sentence reports, year-less, the month it compares with in a stated year (`In March alone, output
    was 6.93 Mt, 5.6% below March 2024`)."""
    month = re.fullmatch(r"\d{4}-(\d\d)", compared.period)
    return month is not None and any(p.period == f"--{month.group(1)}" for p in find_periods(sentence))


# `last year` as a period of its own, not a comparison's (`the same month last year`)
_LAST_YEAR = re.compile(r"(?<!month\s)(?<!period\s)(?<!quarter\s)\blast\s+year\b", re.I)


def present_year(sentences: list[str]) -> int | None:
    """The year an undated post is written in, when it tells a run of years and goes on with `last
    year` (`3,500t in 2021, 24,000t in 2022. Last year's 24,475t …`): the run's next year is last
    year, so the post is written the year after. One stated year, or a run the post does not go
    on from, says nothing: `last year` may be the year just named."""
    for before, sentence in zip(sentences, sentences[1:], strict=False):
        if not _LAST_YEAR.search(sentence) or _STATED_YEAR.search(sentence):
            continue
        years = [int(y) for y in _STATED_YEAR.findall(before)]
        if len(years) >= 2 and years[-1] == years[-2] + 1 and years == sorted(years):
            return years[-1] + 2
    return None


def _commissioning(sentences: list[str], published: datetime | None) -> str | None:
    """When a planned plant starts operating: its capacity is for that period."""
    for sentence in sentences:
        if not _COMMISSIONING_WORDS.search(sentence):
            continue
        if re.search(r"\bconstruction\b[^.]{0,20}$", sentence, re.I) and "operation" not in sentence:
            continue
        for p in find_periods(sentence, published):
            if p.use in {"period", "effect"} and _COMMISSIONING.search(sentence[: p.start]):
                return p.period
    return None


def scope_of(text: str, countries: list[vocab.Mention], global_scopes: list[int]) -> str | None:
    """The last geography a sentence names: a country, or the whole world. `with Japanese firms`
    names who owns a mine, and `exports to Vietnam` a trade partner, not where the figures after it are."""
    places = [m for m in countries if not (is_demonym(text, m) and _OWNERS.match(text, m.end))
              and not names_partner(text, m)]
    marks = [(m.start, m.canonical) for m in places] + [(s, GLOBAL) for s in global_scopes]
    return max(marks)[1] if marks else None


_OWNERS = re.compile(r"\s+(?:firms|companies|partners|investors|owners|shareholders|consortium)\b", re.I)
