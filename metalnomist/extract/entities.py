"""Countries, commodities and organisations named in a sentence, found with gazetteers.

Organisation names are found first and masked, so `Pan Pacific Copper` is not copper and
`Japan Iron and Steel Federation` is neither Japan nor steel.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from metalnomist.extract import vocab
from metalnomist.extract.backward import ending
from metalnomist.extract.vocab import Mention
from metalnomist.months import MONTHS, WEEKDAYS

_DEMONYM_ENDINGS = ("ese", "ian", "an", "ish", "ch", "i", "ine", "ss")
_GENERIC_ORG = re.compile(
    r"\b(?:[A-Z][\w&'.-]*\s+(?:(?:of|and|for|&)\s+)?){1,5}"
    r"(?:Association|Federation|Ministry|Institute|Bureau|Agency|Council|Society|Corporation|Corp\.?|Inc\.?"
    r"|Ltd\.?|Group|Holdings|Mining|Metals|Materials|Steel|Smelting|Minerals|Resources|Energy|Motors?)\b"
)
_POSSESSIVE_WORD = re.compile(r"\S+['’]s\s+(?=[A-Z])")
_CORPORATE = re.compile(
    r"(?:Corporation|Corp|Inc|Ltd|Group|Holdings|Mining|Metals|Materials|Steel|Smelting|Minerals|Resources|Energy|Motors?)\.?$"
)
_PUBLIC_BODY = re.compile(r"\b(?:Ministry|Department|Bureau|Agency|Commission)\b")  # `Ministry of Natural Resources`
_VERB_BEFORE_LEAD = ending(r"\b(?:to|will|would|could|may|might|can|should|which|that|who|did|does)\s+$", re.I)
_OBJECT = re.compile(r"\s+(?:the|its|their|a|an|this|that|plans?)\b", re.I)  # a verb's object after it
# A heading's subject before `Lead` the verb: plural (`US and EU Suppliers Lead`) or two joined (`Japan and the UAE
# Lead Supply`); not a possessive (`Japan's Lead Imports`) nor one name (`EU Lead Exports`)
_HEADLINE_SUBJECT = re.compile(r"(?:\b[A-Z][a-z]+[a-rt-z]s|\b(?:and|&)\s+(?:the\s+)?[A-Z][\w.]+)\s+$")
# `CATL and BYD Widen Lead`, `extends its lead`: a lead held over rivals
_LEAD_HELD = ending(r"\b(?:(?:widen|extend|keep|take|hold|retain|build|maintain|lose|narrow)(?:s|ed|ing)?|took)"
                        r"(?:\s+(?:its|their|the))?\s+$", re.I)
SCOPE_GLOBAL = re.compile(
    r"\b(?:global|worldwide|world)\s+(?:[\w-]+\s+){0,4}?(?:sales|production|output|demand|consumption|shipments|capacity"
    r"|exports|imports|forecast|market|prices?|supply(?!\s+chains?)|stocks|inventor(?:y|ies)|surplus|deficit"
    r"|usage|reserves)\b"  # not a supply chain
    r"|^\s*(?:Globally|Worldwide)\b",  # `Globally, the WPIC forecasts a market deficit of …`
    re.I,
)


@dataclass
class Entities:
    """What a sentence names, with spans in the (quote-folded) sentence text."""

    countries: list[Mention]
    commodities: list[Mention]
    organisations: list[Mention]
    masked: str
    global_scopes: list[int] = field(default_factory=list)
    sites: list[Mention] = field(default_factory=list)  # mines and plants, canonical = their country


def find_entities(text: str, abbreviations: dict[str, tuple[str, str]] | None = None) -> Entities:
    orgs = find_organisations(text, abbreviations or {})
    masked = list(text)
    for org in orgs:
        masked[org.start : org.end] = " " * (org.end - org.start)
    asides = [*(_ATTRIBUTION.finditer(text) if ", " in text else ()),
              *(_EXPLAINED_AS.finditer(text) if " as " in text else ())]
    if ", " in text:  # `Korea Zinc Inc, the world's largest zinc smelter, reported …`: what the company is
        asides += [m for org in orgs if org.kind == "company" and (m := _DESCRIBED.match(text, org.end))]
    for aside in asides:
        masked[aside.start() : aside.end()] = " " * (aside.end() - aside.start())
    masked_text = "".join(masked)
    return Entities(
        countries=find_countries(masked_text),
        commodities=find_commodities(masked_text),
        organisations=orgs,
        masked=masked_text,
        global_scopes=[m.start() for m in SCOPE_GLOBAL.finditer(masked_text)],
        sites=vocab.sites().find(text),
    )


_DESCRIBED = re.compile(
    r"(?:\s+(?:Inc|Ltd|Corp|Co|Plc|SA|AG|NV)\.?)?,\s+(?:the|a|an)\s+[^,;.()]{0,60}?"
    r"\b(?:smelters?|miners?|producers?|refiners?|compan(?:y|ies)|groups?|makers?|steelmakers?)(?=,)")
# `…, the lithium miner said`: who said it, not what the figure is of or where
_ATTRIBUTION = re.compile(
    r",\s+(?:the|a|an)\s+(?:[\w'’-]+\s+){0,4}?(?:miner|producer|maker|smelter|refiner|company|group|firm|giant|major"
    r"|trader)\s+(?:said|says|reported|added|announced|told)\b",
    re.I,
)


# `… to 3,050 koz as battery electric vehicles gain share`: why a figure moved, after it; not what it is of (up to a
# clause of its own: `…, and Brazil produced 10,000 t`)
_EXPLAINED_AS = re.compile(
    r"(?<=\d)[^,;.]{0,40}?(?:,\s*|\s)as\s+(?!well\b|much\b|many\b|high\b|low\b|little\b|part\b|of\b|a\s+result\b"
    r"|compared\b|against\b|the\s+(?:world|country)['’]s\b)(?:(?!,\s*(?:and|but|while|whereas)\s)[^;.])*",
    re.I,
)


def is_demonym(text: str, mention: Mention) -> bool:
    written = text[mention.start : mention.end]
    return written != mention.canonical and written.endswith(_DEMONYM_ENDINGS) and not written.isupper()


_MONEY_AFTER = re.compile(r"\$|[\s-]?(?:dollars?|cents?)\b", re.I)


def find_countries(text: str) -> list[Mention]:
    """Countries named in `text`; `US$`, `A$`, `US dollars` are money, not a geography, nor is `non-Chinese`
    or `outside China`."""
    found = vocab.countries().find(text)
    return [m for m in found if not _MONEY_AFTER.match(text, m.end) and not _NON.search(text, 0, m.start)
            and not (_EX.search(text, 0, m.start) and _EX_MARKET.match(text, m.end))
            and not (m.end - m.start >= 5 and text[m.start : m.end].isupper() and _DATELINE_AFTER.match(text, m.end))]


# a dateline's city in capitals (`SINGAPORE (Reuters) -`, `SINGAPORE, Oct 13 (Reuters)`, `MEXICO CITY, May 2`) is where
# the story was filed, not a place it reports on
_DATELINE_AFTER = re.compile(r"(?:\s+[A-Z]{3,})*(?:\s*\((?:Reuters|Bloomberg|AP|AFP|Xinhua|Kallanish|Argus|Platts"
                             r"|Fastmarkets|[\w.]+\.com)\)|,\s*(?:[A-Z][a-z]{2,8}\.?\s+)?\d{1,2}\b|\s*/|\s+[-–—])")


# `non-Chinese sources`, `output outside China`, `ex-China demand` name no country: the rest of the world (an
# `ex-US cargo` comes from the US)
_NON = ending(r"(?:\bnon-?|\boutside\s+(?:of\s+)?|\bexcluding\s+|\bexcept(?:\s+for)?\s+|\bother\s+than\s+)$",
                  re.I)
_EX = ending(r"\bex-$", re.I)
_EX_MARKET = re.compile(r"\s+(?:demand|supply|output|production|consumption|markets?|stocks|inventor\w+)\b", re.I)


def find_organisations(text: str, abbreviations: dict[str, tuple[str, str]]) -> list[Mention]:
    sensitive, insensitive = vocab.organisations()
    # A post's own `Sumitomo Metal Mining (SMM)` beats the gazetteer's SMM (Shanghai Metals Market).
    hits = [
        Mention(m.start(), m.end(), canonical, kind)
        for abbr, (canonical, kind) in abbreviations.items()
        for m in re.finditer(rf"\b{re.escape(abbr)}\b", text)
    ]
    hits += sensitive.find(text) + insensitive.find(text)
    for m in _GENERIC_ORG.finditer(text):
        start = m.start() + (4 if m.group().startswith("The ") else 0)
        owner = _POSSESSIVE_WORD.search(text, start, m.end())
        if owner is not None:  # `Vietnam's Hoa Sen Group`: the name starts after its owner's
            start = owner.end()
        kind = "company" if _CORPORATE.search(m.group()) and not _PUBLIC_BODY.search(m.group()) else "agency"
        if kind == "agency":  # `The U.S. Defense Logistics Agency`: the country's own agency, the country stays named
            lead = next((c for c in find_countries(text[start : m.end()]) if c.start == 0), None)
            if lead is not None:
                rest = text[start + lead.end : m.end()]
                start += lead.end + len(rest) - len(rest.lstrip())
        if start < m.end():
            hits.append(Mention(start, m.end(), text[start : m.end()], kind))
    hits += _subject_companies(text)
    return _prefer_known(hits)


# A capitalised subject that plans, produces, ships or reports (`Trafigura plans to …`,
# `Liontown's output …`) is a company even when no table names it.
_SUBJECT_COMPANY = re.compile(
    r"(?:^|(?<=[,;:]\s))(?P<name>[A-Z][\w&.'-]*[A-Za-z](?:\s+(?:[A-Z][\w&.'-]*|&)){0,2})"
    r"(?=\s+(?:plans|planned|aims|expects|intends|produced|produces|mined|shipped|supplies|supplied|posted|"
    r"reported|announced|lifted|trimmed|raised|cut|lowered)\b|\s+(?:said|says)\s+(?:its|it)\b"
    r"|'s\s+(?:[\w-]+\s+){0,3}(?:output|production|sales|shipments|deliveries|capacity|revenue|guidance)\b)"
)
_NOT_COMPANIES = frozenset(
    "The This That These Those There It Its He She We They I Mr Ms Dr Meanwhile However Overall Total Market "
    "Spot Growth Supply Trade Analysts Traders Officials Government Industry Mining Beijing Tokyo Washington "
    "Brussels Moscow Seoul Canberra Jakarta Santiago Lima Ottawa Delhi Berlin Paris London Kinshasa Manila "
    "Hanoi Bangkok Taipei Pretoria Brasilia Ministry Company Group Producers Smelters Mills Buyers Sellers "
    "Other Others Rest World Region".split()  # `Europe, Other produced 3.9 million tons`: a region, no company
)
_SCOPES = frozenset("Global Worldwide Domestic National Regional Combined Annual Monthly Quarterly".split())
_CALENDAR_WORD = re.compile(r"(?:" + "|".join((*MONTHS, *WEEKDAYS)) + r")\b")


def _subject_companies(text: str) -> list[Mention]:
    out = []
    for m in _SUBJECT_COMPANY.finditer(text):
        name = m.group("name").rstrip(".").split("'s ")[0]  # `MMG's Las Bambas produced`: MMG, owner of the mine
        first = name.split()[0]
        if (
            first in _NOT_COMPANIES
            or name in _SCOPES  # `Global mined cobalt production rose 22%`
            or first.rstrip(".").isdigit()
            or (" " not in name and name.endswith("s") and not name.isupper())
            or vocab.countries().find(name)
            or vocab.commodities().find(name)
            or vocab.metric_triggers().find(name)
            or _CALENDAR_WORD.match(name)
        ):
            continue
        out.append(Mention(m.start("name"), m.start("name") + len(name), name, "company"))
    return out


def _prefer_known(hits: list[Mention]) -> list[Mention]:
    """Gazetteer hits beat generic title-case matches that overlap them; then longest wins."""
    known = [h for h in hits if h.canonical != "" and not _is_generic(h)]
    generic = [h for h in hits if _is_generic(h)]
    chosen: list[Mention] = []
    for hit in sorted(known, key=lambda m: -(m.end - m.start)) + sorted(generic, key=lambda m: -(m.end - m.start)):
        if all(hit.end <= c.start or hit.start >= c.end for c in chosen):
            chosen.append(hit)
    return sorted(chosen, key=lambda m: m.start)


def _is_generic(hit: Mention) -> bool:
    return hit.canonical[:1].isupper() and " " in hit.canonical and hit.canonical not in vocab.organisation_names()


# An appositive after a commodity says what it is (`bauxite, a feedstock for aluminium,`,
# `copper concentrate, or partially processed copper ore,`): it names no second commodity.
_APPOSITIVE_OPENING = re.compile(r",\s+(?:or|i\.e\.|a|an|the)\s+[^,;:()\d]{0,50}$", re.I)
_APPOSITIVE_CLOSE = re.compile(r"(?:\s+[\w-]+){0,2},")


# Abbreviations that are English words in lower case (`an apt comparison`)
_CAPITALS_ONLY = frozenset({"apt"})


def find_commodities(text: str) -> list[Mention]:
    """Gazetteer hits widened by modifiers (`primary`, `eaf`) and suffixes (`scrap`, `ore`)."""
    out: list[Mention] = []
    for hit in vocab.commodities().find(text):
        if hit.canonical == "lead" and _not_the_metal(text, hit):
            continue
        if hit.canonical == "scrap" and _VERB_BEFORE_LEAD.search(text, 0, hit.start) and _OBJECT.match(text, hit.end):
            continue  # `Beijing will scrap the 13% export tax rebate`: the verb
        if text[hit.start : hit.end].lower() in _CAPITALS_ONLY and not text[hit.start : hit.end].isupper():
            continue
        if hit.canonical == "ore" and _GRADES_AFTER.match(text, hit.end):
            continue  # `down 6.8% on lower ore grades`: how rich the ore is, not what was mined
        widened = _widen(text, _across_gloss(text, hit))
        if out and widened.start < out[-1].end:
            continue  # `aluminium scrap` already holds `scrap`
        if out and _is_appositive(text, out[-1], widened):
            continue
        if widened.canonical.startswith("hms "):
            widened = _hms_grade(text, widened)
        out.append(widened)
    return out


_GRADES_AFTER = re.compile(r"[\s-]+grades?\b", re.I)
_GLOSS_THEN_WORD = re.compile(r"\s+\([A-Z][\w-]{1,7}\)\s+([\w-]+)")


def _across_gloss(text: str, hit: Mention) -> Mention:
    """`lithium iron phosphate (LFP) batteries`: a name goes on after the abbreviation it is glossed with."""
    after = _GLOSS_THEN_WORD.match(text, hit.end)
    if after is None:
        return hit
    name = f"{text[hit.start : hit.end]} {after.group(1)}"
    longer = vocab.commodities().find(name)
    if len(longer) == 1 and (longer[0].start, longer[0].end) == (0, len(name)):
        return Mention(hit.start, after.end(1), longer[0].canonical, hit.kind)
    return hit


def _not_the_metal(text: str, hit: Mention) -> bool:
    """`lead` the verb (`which could lead to`, a heading's `US and EU Suppliers Lead`) or a lead held over rivals."""
    before = text[: hit.start]
    held = _LEAD_HELD.search(before) and _NOTHING_LED.match(text, hit.end)  # not `maintained lead output`
    return bool(_VERB_BEFORE_LEAD.search(before) or held
                or (text.startswith("Lead", hit.start) and _HEADLINE_SUBJECT.search(before)))


_NOTHING_LED = re.compile(r"\s*(?:$|[,.;:)]|(?:over|in|as|at|with|from|after|amid|on)\b)", re.I)


# A heavy melting scrap grade as traders write it: `HMS 1&2`, `HMS I/II 80:20`, `HMS 1/2 (70:30)`.
_HMS_GRADE = re.compile(
    r"""hms
        (?:\s*(?P<grade>(?:1|i)\s*(?:&|/|\+|and)\s*(?:2|ii))\b)?      # the grades in the mix
        (?:\s*\(?(?P<ratio>\d\d\s*:\s*\d\d)\)?)?                # their shares
        (?:\s+scraps?\b)?                                          # the word itself
    """,
    re.I | re.X,
)


def _hms_grade(text: str, mention: Mention) -> Mention:
    """Heavy melting scrap named as the text grades it (spec: the commodity as the sentence narrows it)."""
    m = _HMS_GRADE.match(text, mention.start)
    if m is None:
        return mention
    words = ["hms"] + [re.sub(r"\s+", "", part).lower() for part in (m["grade"], m["ratio"]) if part]
    return Mention(mention.start, max(mention.end, m.end()), " ".join([*words, "scrap"]), "commodity")


def _is_appositive(text: str, before: Mention, mention: Mention) -> bool:
    """Whether `mention` sits in a comma-closed appositive right after the commodity `before`."""
    return bool(
        _APPOSITIVE_OPENING.fullmatch(text, before.end, mention.start) and _APPOSITIVE_CLOSE.match(text, mention.end)
    )


def _widen(text: str, hit: Mention) -> Mention:
    if hit.canonical == "-":
        return hit
    mod_re, mods, suf_re, sufs = vocab.commodity_affixes()
    start, words = hit.start, list[str]()
    while True:
        m = mod_re.search(text[:start].lower())
        if not m:
            break
        canonical = vocab.affix_canonical(mods, m.group(1))
        if canonical != "-":
            words.insert(0, canonical)
        start = m.start(1)
    base, end = hit.canonical, hit.end
    suffix = suf_re.match(text[hit.end :].lower())
    if suffix:
        kept = [vocab.affix_canonical(sufs, s) for s in suffix.groups() if s]
        kept = [k for k in kept if k != "-"]
        if kept:
            as_written = text[hit.start : hit.end]
            # the text's own words, but an abbreviation or a clipping written out (`NdPr oxide`:
            # neodymium-praseodymium oxide; `moly oxide`: molybdenum oxide)
            shortened = _ABBREVIATED.search(as_written) or _clipped(as_written.lower(), hit.canonical)
            written = hit.canonical if shortened else _british(as_written.lower())
            base = written + " " + " and ".join(kept)
        end = hit.end + suffix.end()
    return Mention(start, end, " ".join(words + [base]), "commodity")


_ABBREVIATED = re.compile(r"^\w+[A-Z]")  # a capital after the first letter: `NdPr`, `MHP`, `PrNd`


def _clipped(written: str, canonical: str) -> bool:
    """`moly` of molybdenum: a word cut short, not a plural or another spelling."""
    first = canonical.split()[0]
    return " " not in written and first.startswith(written) and len(first) >= len(written) + 3


def _british(word: str) -> str:
    return word.replace("aluminum", "aluminium").replace("sulfide", "sulphide").replace("sulfate", "sulphate")
