"""The sentence grammar: clauses, the role of each quantity, direction and basis of changes,
and which change belongs to which level.

A level and the change reported with it in the same sentence become one fact; a change
with no level of its own is a fact with a null value; a comparison level (`from the 138
tons recorded in 2023`) and an absolute difference (`600,000 tonnes less`) are facts too.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from typing import Literal

from metalnomist.extract.backward import ending
from metalnomist.extract.quantities import DATED_BRACKET, Quantity

_UP = (
    r"increas\w*|ris(?:e|es|en|ing)|rose|up|gr[eo]w\w*|growth|gain\w*|jump\w*|surg\w*|rebound\w*|"
    r"recover\w*|uptick|climb\w*|higher|expan\w*|advanc\w*|soar\w*|boost\w*|hike\w*|upturn|"
    r"added|rall(?:y|ied|ies)|above|rais(?:e|ed|es|ing)|lift\w*|stronger"
)
_DOWN = (
    r"decreas\w*|declin\w*|drop\w*|fall\w*|fell|down|plung\w*|plummet\w*|slump\w*|lower\w*|reduc\w*|"
    r"cut\w*|dip\w*|slid\w*|slide|shr[ai]nk\w*|contract\w*|eas(?:e|ed|ing)|lost|loss|tumbl\w*|"
    r"slipp?\w*|sank|sink\w*|downturn|weaker|retreat\w*|shed|slow\w*|below|slash\w*|trim\w*|curb\w*"
)
_DIRECTION = re.compile(rf"\b(?:(?P<up>{_UP})|(?P<down>{_DOWN}))\b", re.I)
_CHANGE_NOUN = (
    r"increase|rise|drop|decline|decrease|fall|growth|gain|jump|rebound|slump|surge|"
    r"uptick|reduction|cut|plunge|contraction|recovery|dip|slide|hike|expansion|upturn|"
    r"downturn|slowdown|climb|loss|boost"
)
_CHANGE_VERB = (
    r"rise|fall|grow|increase|decrease|decline|drop|climb|jump|ease|slip|rebound|recover|"
    r"expand|contract|shrink|gain|surge|soar|plunge|slump|tumble|dip|up|down|rose|fell|"
    r"dropped|declined|increased|decreased|grew|jumped|climbed|slipped|slid|plunged|"
    r"plummeted|surged|soared|gained|lost|eased|rebounded|tumbled|sank|shed|added|advanced|"
    r"retreated|rising|falling|dropping|declining|increasing|decreasing|growing|gaining|"
    r"plunging|soaring|surging|jumping|climbing|slumping|tumbling|sliding|dipping|easing|"
    r"dipped|dips|slumped|risen|fallen|grown|shrunk|sunk|ticked (?:up|down|higher|lower)|"
    r"edged (?:up|down|higher|lower)|slowed|slowing|contracted|contracting|expanded|expanding|rallied|rallies|"
    r"slipping|recovering|rebounding|retreating|advancing|shrinking"
)
# One or two words naming what a gapped change is of: not a word that begins a clause of its own.
_SUBJECT = (
    r"(?:(?!(?:for|of|or|to|at|an?|the|with|by|from|in|on|its|their|which|while|and|but|as)\b)"
    r"(?![\w-]*(?:ing|ed)\b)[A-Za-z][\w-]*\s+){1,2}"  # nouns: `reaching 20%` is no subject
)
_BOUND_WORDS = (
    r"(?:(?:by\s+)?(?:over|more than|nearly|almost|about|around|approximately|roughly|"
    r"some|just|at least|less than|only|close to|as much as|another|a further|an additional)\s+)?"
)
_BASIS_TOKEN = (
    r"(?:year[- ]on[- ]year|year[- ]over[- ]year|y/y|yoy|month[- ]on[- ]month|m/m|quarter[- "
    r"]on[- ]quarter|q/q|w/w|week[- ]on[- ]week)"
)
BASES = [
    (
        "y/y",
        re.compile(
            r"\by/y\b|\byoy\b|\by-o-y\b|year[- ](?:on|over)[- ]year|\bon the year\b|\bannual basis\b|"
            r"(?<![\w-])on[- ]year\b(?![- ](?:end|high|low))|"  # Yonhap's and India's `37.5 percent on-year`
            r"\ba year (?:earlier|ago|before)"
            r"|\b(?:from|compared (?:to|with)|versus|than|against|over)\s+(?:the\s+)?(?:same\s+(?:month|"
            r"period|quarter|time|week)\s+(?:of\s+|in\s+)?)?(?:the\s+)?(?:last|previous|prior)\s+year"
            r"|\b(?:from|compared (?:to|with)|versus|than)\s+(?:\w+\s+){0,2}(?:of\s+|in\s+)?last\s+year",
            re.I,
        ),
    ),
    (
        "m/m",
        re.compile(
            r"\bm/m\b|\bmom\b|\bm-o-m\b|month[- ](?:on|to|over)[- ]month|\bon the month\b|"
            r"(?<![\w-])on[- ]month\b(?![- ]end)|\b(?:from|compared (?:to|with)) (?:the )?previous month|"
            r"\ba month (?:earlier|ago|before)",
            re.I,
        ),
    ),
    (
        "q/q",
        re.compile(
            r"\bq/q\b|\bqoq\b|quarter[- ](?:on|over|to)[- ]quarter|\bon the quarter\b|(?<![\w-])on[- ]quarter\b|"
            r"\bsequential(?:ly| basis)\b|\b(?:from|compared (?:to|with)) "
            r"(?:the )?previous quarter|\ba quarter (?:earlier|ago)",
            re.I,
        ),
    ),
    (
        "w/w",
        re.compile(
            r"\bw/w\b|\bwow\b|week[- ](?:on|over|to)[- ]week|\bon the week\b|\b(?:from|compared "
            r"(?:to|with)) (?:the )?previous week",
            re.I,
        ),
    ),
]
_EXPLANATORY = re.compile(
    r"^(?:and\s+|but\s+)?(?:reflecting|underscoring|indicating|signal+ing|suggesting|marking|"
    r"following|due to|amid|(?:driven|supported|helped|boosted|backed|underpinned|fuell?ed|hit|led) by|despite|"
    r"after|as|because|thanks to"
    r"|citing|highlighting|according to|aiming|in order to|which had|which (?:tightened|banned|imposed|cut|raised)"
    r"|underlining|reinforcing|"
    r"providing|offsetting|breaking|the lowest|the highest|a stark|a measure"
    r"|while|whereas|although|though|if|commonly|used|known as|located|based|operated|owned|such as)\b",
    re.I,
)
_SEGMENT_BREAK = re.compile(r",?\s+(?:while|whereas)\s+|;\s+|:\s+|,\s+but\s+")
_CLAUSE_BREAK = re.compile(r",\s+(?!\d)|\s+[—–]\s+|(?<=[A-Za-z)])[—–](?=[A-Za-z ])|\s+-\s+")


@dataclass
class Clause:
    start: int
    end: int
    segment: int
    explanatory: bool


# What a quantity is to its sentence: a level, a relative change, a change in points, a signed
# difference (`600,000 tonnes less`) or the level it is compared with (`from 138 tons`).
Role = Literal["level", "change", "pp", "diff", "comparison"]


@dataclass
class Item:
    """A quantity with the role the sentence gives it."""

    q: Quantity
    role: Role
    clause: Clause
    change: float | None = None
    basis: str | None = None
    attached: list[Item] = field(default_factory=list)
    paired: bool = False


def split_clauses(text: str) -> list[Clause]:
    """Segments break at `while`, `;`, `:`, `, but`; clauses at commas and dashes."""
    cuts: list[tuple[int, int, bool]] = []
    for m in _SEGMENT_BREAK.finditer(text):
        cuts.append((m.start(), m.end(), True))
    for m in _CLAUSE_BREAK.finditer(text):
        if not any(s <= m.start() < e for s, e, _ in cuts):
            cuts.append((m.start(), m.end(), False))
    cuts.sort()
    clauses, position, segment = [], 0, 0
    for start, end, is_segment in cuts:
        clauses.append(_clause(text, position, start, segment))
        segment += is_segment
        position = end
    clauses.append(_clause(text, position, len(text), segment))
    return [c for c in clauses if c.end > c.start]


def _clause(text: str, start: int, end: int, segment: int) -> Clause:
    return Clause(start, end, segment, bool(_EXPLANATORY.match(text[start:end].lstrip("( "))))


def clause_of(clauses: list[Clause], position: int) -> Clause:
    for clause in clauses:
        if clause.start <= position < clause.end:
            return clause
    return clauses[-1]


_COMPARISON_BEFORE = ending(
    # `ranging from 2.03% to 24.46%`: a range, not a comparison
    rf"(?:(?:\bfrom(?<!ranging from)(?<!ranges from)(?<!range from)(?<!ranged from)(?<!varying from)(?<!varied from)"
    rf"(?<!anywhere from)\s+"
    rf"(?:the\s+|a\s+|an\s+)?(?:(?:previous\s+|prior\s+|record\s+)?(?:level|high|low|record)\s+of\s+)?|"
    rf"(?<!more )(?<!less )(?<!fewer )(?<!greater )(?<!rather )\bthan\s+|\bversus\s+|"
    rf"\bvs\.?\s+|(?<!\bup\s)\bagainst\s+(?=$)|"  # `$38.90 an ounce, against $29.43`; not `run up against`
    rf"\bcompared (?:to|with)\s+(?:\w+\s+){{0,8}}?(?:when|where)\s+(?:\w+\s+){{0,2}}|"
    rf"(?<=\d)\s?(?:[A-Za-z%]+\s+)?over\s+|"  # `to 143 MT over 127 MT`
    # `12.1 per cent more than 33 MT`, `24% less than the 322 tonnes bought in the final quarter of 2024`
    rf"(?:%|\bper ?cent|\bpercent|\bpc)\s+(?:more|less|higher|lower)\s+than\s+(?:the\s+)?|"
    # `40% below the 16,400 t`, `9% below December's 1.52 million tonnes`
    rf"(?:%|\bper ?cent|\bpercent|\bpc)\s+(?:below|above|under)\s+(?:(?:the|its|their|a)\s+|(?=[\w-]+'s?\s))"
    rf"(?:(?:[\w-]+\s+){{0,2}}?(?:average|level|high|low|peak)\s+of\s+)?|"  # `7% below the 2024 average of $16,810`
    rf"(?:%|\bper ?cent|\bpercent|\bpc)\s+on\s+(?:(?:the|its|their)\s+|(?=[\w-]+'s?\s))|"  # `up 4% on FY24's 725,000 t`
    rf"\bcompar(?:ed|es|ing) (?:to|with)\s+(?:(?:the|a|an)\s+)?"  # `compares to a high of`
    rf"(?:(?:level|high|low|peak)\s+of\s+)?|"
    rf"\b(?:double|twice|triple|three times|half)\s+(?:the|its|that of)\s+|"  # `more than double the 190 tonnes`
    # `net income of $29.7 million, reversing a loss of $2.5 million in the fourth quarter`
    rf"\brevers(?:ing|ed|es)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){{0,2}}?(?:loss|profit|deficit|surplus)\s+of\s+)"
    rf"(?:(?:[\w-]+\s+)?[\w-]+'s?\s+)?){_BOUND_WORDS}$",  # `double the previous year's 55,526 tonnes`
    re.I,
)
# `produced 309,700 t in 2024 (2023: 293,300 t)`: the year before's figure, for comparison
_YEAR_LABEL_BEFORE = re.compile(r"\((?:FY\s?)?(?:19|20)\d\d\s*:\s*(?:[$€£¥]|[A-Z]{3}\s?)?$")
# `85.52 million tonnes (84.39 million tonnes in 2023)`: a figure of another period bracketed after one, for comparison
_BRACKET_AFTER_FIGURE = ending(r"\d[^()\d]{0,25}\(\s*$")
# `up 37.6% in volume and 21%`, `grow 3% in 2025 and 2.1% in 2026`, `up 8% from a year earlier and 3% from
# November`, `rise 1.2% in 2025 and by a further 2.3%`, `rising 1.4% to 23.1 million tons in 2025 and 2.3% in 2026`: a
# second change, its verb left out
_PERCENT = r"\d[\d.,]*\s?(?:%|pc|per ?cent|percent)"
# `forecasts were cut by 3% and 5%`: a revision by so much is a change
_REVISED_BY = r"(?:cut|raised|lowered|reduced|trimmed|lifted|slashed)\s+by"
_COORDINATED_CHANGE = re.compile(
    rf"\b(?:{_CHANGE_VERB}|{_REVISED_BY}|(?:{_CHANGE_NOUN})s?\s+of)\s+(?:by\s+)?{_PERCENT}\s+"
    rf"(?:(?:[A-Za-z-]+|[\d.,]+)\s+){{0,7}}?and\s+(?:by\s+)?(?:an?\s+(?:further|additional)\s+)?$",
    re.I,
)
# `output of iron ore, limestone and bauxite grew 9.1 per cent, 10.4 per cent and 5.2 per cent, respectively`: each
# rate listed after the verb's is a change too
_LISTED_CHANGES = ending(rf"\b(?:{_CHANGE_VERB}|{_REVISED_BY})\s+(?:by\s+)?{_PERCENT}(?:\s*,\s*{_PERCENT})*"
                         rf"\s*(?:,\s*(?:and\s+)?|\s+and\s+)$", re.I)
# `Global mine supply growth was cut to 1.2% from 2.0%`: a growth rate is a change
_GROWTH_RATE = re.compile(r"\bgrowth\b(?:\s+(?:rate|forecast))?\s+"
                          r"(?:(?!(?:levy|tax|duty|tariff|royalty)\b)[\w-]+\s+){0,16}?"  # not `the growth … levy`
                          r"(?:to|at|of|from|was|is|will\s+be)\s+(?:about\s+|around\s+|between\s+)?$"
                          # `minerals showing positive growth … include copper concentrate (27.8%), gold (22.9%)`
                          r"|\bgrowth\b[^.;]*\binclud(?:e|es|ing)\b(?:[^.;]|\.\d)*\($", re.I)
# `Escondida raised output 16% to 1.28 million tonnes`: a transitive change of the series it names
_RAISED_BY = re.compile(rf"\b(?:raised|lifted|boosted|increased|cut|reduced|lowered|trimmed)\s+(?:its\s+|their\s+)?"
                        r"(?!(?:[\w-]+\s+)?(?:stakes?|holdings?|tax\w*|tariffs?|dut(?:y|ies)|royalt\w*|levy|levies)\b)"
                        rf"(?:[\w-]+\s+){{1,2}}(?:by\s+)?{_BOUND_WORDS}$", re.I)  # not a stake or a rate
# `down 21 yuan/mt, or 0.7%`: the same change as a percent
# `down by 861,000 tonnes or 4.8%`: the thousands' comma is the figure's; `adds 16.2 million wmt, or 6.75%`, `a cut of
# nearly 130 million wmt, or 34%`
_OR_AFTER_CHANGE = re.compile(rf"\b(?:{_CHANGE_VERB}|adds?|adding|(?:{_CHANGE_NOUN})\s+of)\s+(?:by\s+)?"
                              rf"(?:[^,;%]|,(?=\d)){{1,30}}?,?\s+or\s+{_BOUND_WORDS}$", re.I)
# `nickel up 3.1%, zinc 2.4% and lead 1.2%`: the change verb written once for a list of subjects
_GAPPED_CHANGE = ending(
    rf"""\b(?:{_CHANGE_VERB})\s+(?:by\s+)?\d[\d.,]*\s?%                   # the first change, with its verb
        (?:\s*,\s*{_SUBJECT}\d[\d.,]*\s?%)*                             # more, each with its subject
        \s*(?:,\s*(?:and\s+)?|\band\s+)                                 # this one's subject, or `that of copper`
        (?:{_SUBJECT}|(?:that|those)\s+of\s+(?:[A-Za-z][\w-]*\s+){{1,2}})$
    """,
    re.I | re.X,
)
# `20% of supply` is a share, and so is `6.9 million wmt, or 90.8%, of the total`
OF_AFTER = re.compile(r"\s*of\b|,\s*of\s+(?:the\s+)?(?:total|world|global|national)\b", re.I)
# `by 5%`, `by an average 5%`, `by a compound 5% a year`
_BY_BEFORE = ending(rf"\bby\s+(?:an?\s+(?:compound(?:ed)?|average|annual(?:i[sz]ed)?)\s+)?{_BOUND_WORDS}$", re.I)
# the longest a change's words before its figure run (`grew at a faster pace of nearly`), for searching only there
_REACH = 160
_NOUN_OF_BEFORE = ending(rf"\b(?:{_CHANGE_NOUN})s?\s+of\s+{_BOUND_WORDS}$", re.I)
_VERB_BEFORE = ending(
    rf"\b(?<!made )(?<!make )(?<!makes )(?<!making )(?<!add )(?:{_CHANGE_VERB})s?\s+(?:\w+ly\s+)?"
    # `grew at a faster pace of 11%`, `expanded at a compound annual rate of 8.7%`
    rf"(?:at\s+an?\s+(?:\w+\s+){{0,2}}(?:pace|rate|clip)\s+of\s+)?\(?\s*{_BOUND_WORDS}$",
    re.I,
)
_NOUN_AFTER = re.compile(
    rf"^\s*(?:{_BASIS_TOKEN}\s+)?(?:(?:{_CHANGE_NOUN}|higher|lower|above|below|weaker|stronger)\b|(?:up|down)\b(?!\s+to\b)"
    r"|(?:more|less)\s+than\b)",
    re.I,
)
_AMOUNT_CHANGE_AFTER = re.compile(r"^\s*(?P<w>decrease|increase|drop|decline|rise|reduction|gain|fall)\b", re.I)
_BASIS_AFTER = re.compile(
    rf"^\s*(?:{_BASIS_TOKEN}|(?:from|compared (?:to|with)) (?:the )?(?:same|previous|prior|a year|last))", re.I
)
# `up 173% from 28,217 units in July and 74% from 44,264`: a percent from a figure is a change from it.
_FROM_FIGURE_AFTER = re.compile(r"^\s*from\s+(?:[$€£¥]|[A-Z]{3}\s)?\d", re.I)
_TO_BEFORE = re.compile(r"\bto\s+$", re.I)  # `raised tariffs to 50% from 25%`: a level reached
# `600,000 tonnes less than`, `600,000 units less than`, `12,000 fewer vehicles than` (a counted noun either side),
# `22% smaller than the 190 Moz gap`
_DIFF_AFTER = re.compile(
    r"^\s+(?:[a-z]+\s+)?(?P<w>less|fewer|lower|below|smaller|more|higher|above|larger|bigger|greater)\s+"
    r"(?:[a-z]+\s+)?than\b", re.I
)
# `Compared with a year earlier, stocks were 176,000 t lower.`: the comparison named before, the difference last
_DIFF_AT_END = re.compile(r"^\s+(?P<w>less|fewer|lower|higher)\s*(?:[.;,)]|$)", re.I)
_PERCENT_AT_END = re.compile(r"^\s+(?P<w>more|less|higher|lower)\s*(?:[.;)]|$)", re.I)
_LESS = frozenset({"less", "fewer", "lower", "below", "smaller"})
# an offer per share against the market's price of the shares
_OFFER_PREMIUM_AFTER = re.compile(
    r"\s+(?P<w>premium|discount)\s+(?:to|over|on)\s+(?:[\w'’.-]+\s+){0,5}?"
    r"(?:close|closing(?:\s+(?:share\s+)?price)?|share\s+price|(?:volume-weighted|VWAP)\b)", re.I)
_UPDOWN_BEFORE = re.compile(rf"\b(?P<w>up|down)\s+{_BOUND_WORDS}$", re.I)


def classify(q: Quantity, text: str, clause: Clause) -> Item:
    """Decide whether a quantity is a level, a relative change, points, a difference or a comparison."""
    before = text[clause.start : q.start] if q.start >= clause.start else text[: q.start]
    after = text[q.end : clause.end]
    if q.kind == "multiplier":
        return Item(q, "change", clause, change=q.value)
    if q.unit == "pp":
        return Item(q, "pp", clause, change=q.value * direction(text, q, clause))
    if q.kind == "portion":
        return Item(q, "change", clause, change=q.value * direction(text, q, clause))
    # the comparison's words end just before the figure: its last 160 characters hold them (and are searched faster)
    if _COMPARISON_BEFORE.search(before[-160:]) or _YEAR_LABEL_BEFORE.search(text, 0, q.start) or (
            _BRACKET_AFTER_FIGURE.search(text, 0, q.start) and DATED_BRACKET.match(text, q.end)):
        return Item(q, "comparison", clause)
    if q.unit == "%" and q.kind == "number":
        return _classify_percent(q, text, clause, before, after)
    if q.unit != "%":
        return _classify_amount(q, text, clause, before, after)
    return Item(q, "level", clause)


def _classify_percent(q: Quantity, text: str, clause: Clause, before: str, after: str) -> Item:
    """`by 5%`, `a 5% rise`, `up 5%`, `(−5%)`, `5% y/y` are changes; `5% of`, `at 5%` are levels."""
    if q.sign is not None:
        return Item(q, "change", clause, change=q.sign * q.value)
    # a growth rate is the change itself, whatever the verb did (and so are those a growth sentence lists)
    if text.find("growth", 0, q.start) >= 0 and _GROWTH_RATE.search(text, 0, q.start):
        return Item(q, "change", clause, change=q.value)
    # `3% less than in 2022`, `silver reached 1,352 thousand fine kilograms, 3.4% more`: a change whose direction is
    # the comparison's
    offered = _OFFER_PREMIUM_AFTER.match(after)
    if offered:  # `C$7.80 a share, a 34% premium to Solaris' close on Friday`: the offer's change from the close
        return Item(q, "change", clause, change=q.value * (-1 if offered.group("w").lower() == "discount" else 1))
    compared = _DIFF_AFTER.match(after) or _PERCENT_AT_END.match(after)
    if compared:
        return Item(q, "change", clause, change=q.value * (-1 if compared.group("w").lower() in _LESS else 1))
    tail = before[-40:]
    near = max(0, len(before) - _REACH)  # the verb or noun of a change ends just before its figure
    changed = (
        (" and " in tail and _COORDINATED_CHANGE.search(before) and not OF_AFTER.match(after))  # not `and 20% of`
        or (text.find("%", 0, q.start) >= 0 and _GAPPED_CHANGE.search(text, 0, q.start)
            and not OF_AFTER.match(after))  # its verb is before, with the first percent
        or (("%" in tail or " cent" in tail) and _LISTED_CHANGES.search(text, 0, q.start))
        or _BY_BEFORE.search(before, near)
        or _NOUN_OF_BEFORE.search(before, near)
        or _VERB_BEFORE.search(before, near)
        or (" or " in f" {text[max(0, q.start - 12):q.start]}" and _OR_AFTER_CHANGE.search(text, 0, q.start)
            and not OF_AFTER.match(text, q.end))  # `to 2.45 million tons, or 66% of the world total`: a share
        or _RAISED_BY.search(before, near)
        or _NOUN_AFTER.match(after)
        or _BASIS_AFTER.match(after)
        or (_FROM_FIGURE_AFTER.match(after) and _DIRECTION.search(before) and not _TO_BEFORE.search(before))
    )
    if changed:
        return Item(q, "change", clause, change=q.value * direction(text, q, clause))
    return Item(q, "level", clause)


# `flooding at Kroondal cost it about 45,000 ounces of output`: output lost, a fall
_LOST_BEFORE = ending(r"\bcost\s+(?:it|them|the\s+(?:company|group|miner|mine))?\s*"
                          r"(?:about\s+|around\s+|some\s+|nearly\s+|an\s+estimated\s+)?$", re.I)
_OF_OUTPUT = re.compile(r"\s+of\s+(?:[\w-]+\s+)?(?:output|production)\b", re.I)
# `swung to an operating loss of 9.8 billion won`: an amount of money lost is a level, as a deficit is
_ACCOUNTS_LOSS = ending(r"\b(?:operating|net|pre-tax|quarterly|annual|first-half|full-year)\s+loss\s+of\s+"
                            r"(?:about\s+|around\s+|some\s+)?$", re.I)


def _classify_amount(q: Quantity, text: str, clause: Clause, before: str, after: str) -> Item:
    """`600,000 tonnes less than`, `rose 12,000t`, `a reduction of 11,000 units` are signed differences."""
    if _LOST_BEFORE.search(before) and _OF_OUTPUT.match(after):
        return Item(q, "diff", clause, change=-1.0)
    if q.is_money and _ACCOUNTS_LOSS.search(before):
        return Item(q, "level", clause)
    change = _AMOUNT_CHANGE_AFTER.match(after)  # `$1.4 billion decrease in value`
    if change:
        return Item(q, "diff", clause, change=float(direction(text, q, clause)))
    diff = _DIFF_AFTER.match(after) or _DIFF_AT_END.match(after)
    if diff:
        sign = -1.0 if diff.group("w").lower() in _LESS else 1.0
        return Item(q, "diff", clause, change=sign)
    near = max(0, len(before) - _REACH)
    if (
        _VERB_BEFORE.search(before, near)
        or _NOUN_OF_BEFORE.search(before, near)
        or _UPDOWN_BEFORE.search(before, near)
        or (_BY_BEFORE.search(before, near) and _DIRECTION.search(before))
    ):
        return Item(q, "diff", clause, change=float(direction(text, q, clause)))
    return Item(q, "level", clause)


_WORD_AFTER = re.compile(rf"\s*(?:{_BASIS_TOKEN}\s+)?(\w+)", re.I)


def direction(text: str, q: Quantity, clause: Clause) -> int:
    """+1 or -1: a change noun right after the figure wins, else the nearest direction word before it."""
    after = _WORD_AFTER.match(text, q.end, max(q.end, clause.end))
    if after:
        word = _DIRECTION.fullmatch(after.group(1))
        if word:
            return 1 if word.group("up") else -1
    before = text[max(clause.start - 60, 0) : q.start]
    last = None
    for m in _DIRECTION.finditer(before):
        last = m
    if last is None:
        following = _DIRECTION.search(text[q.end : q.end + 40])
        return -1 if following and following.group("down") else 1
    return 1 if last.group("up") else -1


@dataclass(frozen=True)
class BasisMention:
    start: int
    basis: str


_BASIS_KEYS = {
    "y/y": ("y/y", "yoy", "y-o-y", "year", "annual"),
    "m/m": ("m/m", "mom", "m-o-m", "month"),
    "q/q": ("q/q", "qoq", "quarter", "sequential"),
    "w/w": ("w/w", "wow", "week"),
}


def find_bases(text: str) -> list[BasisMention]:
    lower = text.lower()
    found = [
        BasisMention(m.start(), basis)
        for basis, pattern in BASES
        if any(key in lower for key in _BASIS_KEYS[basis])
        for m in pattern.finditer(text)
    ]
    return sorted(found, key=lambda b: b.start)


def basis_for(item: Item, bases: list[BasisMention], clauses: list[Clause]) -> str | None:
    """The basis in the change's own clause, else one stated earlier in the sentence."""
    own = [b for b in bases if item.clause.start <= b.start < item.clause.end]
    if own:
        return min(own, key=lambda b: abs(b.start - item.q.start)).basis
    earlier = [b for b in bases if b.start < item.q.start]
    return earlier[-1].basis if earlier else None


_TO_NEXT = re.compile(  # not across a bracket closed on the change (`12,050 tonnes (down 4.2%) and Malaysia at …`)
    r"^[^,;)]{0,40}?\b(?:to|at|reaching|totall?ing|amounting to)\s+(?:(?:over|more than|nearly|"
    r"almost|about|around|approximately|roughly|some|just|only)\s+)?$",
    re.I,
)
_BRACKETED = re.compile(r"^[^,;()]{0,25}(?:\(|—|–)\s*$")
_APPOSITIVE = re.compile(r"^[^;]{0,80}?(?:,|—|–|\(|\s-\s)[^;]{0,60}$")


def pair(items: list[Item], text: str) -> None:
    """Attach each relative change (and points change) to the level it describes.

    A change written right before `to` and its level (`ticked down 0.1% to 78,610 yuan`) is paired
    first: left to right, an earlier loose change (`down 0.2% on the week, and …`) took that level."""
    if "respectively" in text:
        _pair_respectively(items, text)
    changes = [item for item in items if item.role in {"change", "pp"} and not item.paired]
    bound = [item for item in changes if _bound_to_next(item, _open_levels(item, items, text), text)]
    for item in bound + [item for item in changes if item not in bound]:
        levels = _open_levels(item, items, text)
        target = _choose_level(item, levels, text)
        if item.q.kind == "multiplier" and target is not None:
            for level in [lv for lv in levels if lv.q.start > item.q.start] or [target]:
                level.attached.append(item)
                level.paired = True
            item.paired = True
            continue
        if target is not None:
            target.attached.append(item)
            target.paired = item.paired = True


LIST_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+|&\s*)")  # between items of a list
# `198,300 tonnes, South Korea 142,700 tonnes and Bangladesh 96,400 tonnes`: levels listed with their names
_NAMED_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)(?:the\s+)?(?:[A-Z][\w'’.-]*\s+){1,4}")
_RESPECTIVELY_AFTER = re.compile(r"[^.;]{0,40}?\brespectively\b")


def _pair_respectively(items: list[Item], text: str) -> None:
    """`9.6 million and 7.3 million net tons, up 7.3% and 4.6%, respectively`: a list of changes after a list of
    as many levels describes them in order."""
    runs: list[list[Item]] = []
    for item in items:
        last = runs[-1][-1] if runs else None
        if last is not None and last.role == item.role and (
                LIST_JOIN.fullmatch(text, last.q.end, item.q.start)
                or (item.role == "level" and _NAMED_JOIN.fullmatch(text, last.q.end, item.q.start))):
            runs[-1].append(item)
        else:
            runs.append([item])
    for levels, changes in itertools.pairwise(runs):
        if (len(levels) == len(changes) > 1 and levels[0].role == "level" and changes[0].role == "change"
                and _RESPECTIVELY_AFTER.match(text, changes[-1].q.end)):
            for level, change in zip(levels, changes, strict=True):
                level.attached.append(change)
                level.paired = change.paired = True


def _open_levels(item: Item, items: list[Item], text: str) -> list[Item]:
    """The levels of the change's segment not yet described by another change; a percent level only for points, or
    for a multiplier it was raised `to` (`doubled its tariffs on steel to 50%`)."""
    return [i for i in items if i.role == "level" and i.clause.segment == item.clause.segment
            and (item.role == "pp" or i.q.unit != "%" or _raised_to(item, i, text)) and not i.paired
            and (i.clause is item.clause or not _WHEN_CLAUSE.match(text, i.clause.start))]


# `has grown at a compound annual rate of 16% since 2020, when mines produced 160,000 tonnes`: the level the growth
# started from, in the clause that says when, is not what grew
_WHEN_CLAUSE = re.compile(r"\s*when\b", re.I)


def _raised_to(multiplier: Item, level: Item, text: str) -> bool:
    """`doubled its tariffs on steel and aluminium to 50%`: the percent the multiplier's own verb took it to, with no
    other verb or clause between (not `Output doubled, and the share rose to 10%`)."""
    between = text[multiplier.q.end : level.q.start]
    return (multiplier.q.kind == "multiplier" and level.q.start > multiplier.q.end and between.endswith(" to ")
            and not _PUNCTUATION.search(between) and not _DIRECTION.search(between))


_PUNCTUATION = re.compile(r"[,;:()]")


def _bound_to_next(item: Item, levels: list[Item], text: str) -> bool:
    following = [lv for lv in levels if lv.q.start > item.q.end]
    return bool(following) and _TO_NEXT.match(text[item.q.end : following[0].q.start]) is not None


_MEASURE_AFTER = re.compile(r"\s+(?:in|by)\s+(?P<m>volume|value)\b", re.I)


def _choose_level(item: Item, levels: list[Item], text: str) -> Item | None:
    measure = _MEASURE_AFTER.match(text, item.q.end)
    if measure:  # `5.4 million tonnes, worth $3.6 billion, up 37.6% in volume and 21% in value`
        by_value = measure.group("m").lower() == "value"
        levels = [lv for lv in levels if lv.q.is_money == by_value] or levels
    following = [lv for lv in levels if lv.q.start > item.q.end]
    preceding = [lv for lv in levels if lv.q.end <= item.q.start]
    nxt = following[0] if following else None
    prev = preceding[-1] if preceding else None
    appositive = prev is not None and not _has_quantity_between(prev, item, levels)
    to_next = nxt is not None and _TO_NEXT.match(text[item.q.end : nxt.q.start]) is not None
    if prev and appositive and not to_next and _NO_CHANGE.search(text, prev.q.end, item.q.start):
        return None  # `84.1 Mt, flat on a year earlier but up 6% on the quarter`: the level's change was `flat`
    if prev and appositive and _BRACKETED.match(text[prev.q.end : item.q.start]):
        return prev
    if nxt and _TO_NEXT.match(text[item.q.end : nxt.q.start]):
        return nxt
    if prev and appositive and _APPOSITIVE.match(text[prev.q.end : item.q.start]):
        return prev
    if item.role == "pp":
        return prev or nxt
    if nxt and nxt.clause.explanatory and nxt.clause is not item.clause:
        nxt = None  # `expects demand to grow 9%, supported by plants of 200,000 t a year`: the cause's own figure
    if nxt and _BASE_NEXT.search(text[item.q.end : nxt.q.start]):
        nxt = None  # `25% lower than the $233 agreed`, `since July, when it stood at 61,000`: what it is compared with
    return nxt or prev


_BASE_NEXT = re.compile(
    r"\b(?:than|compared\s+(?:with|to)|when\s+(?:it|they|prices?)\s+(?:stood|was|were|traded))(?:\s+[^\s,;]+){0,4}\s*$",
    re.I,
)


_NO_CHANGE = re.compile(r"\b(?:flat|unchanged|steady|stable)\b", re.I)


def _has_quantity_between(a: Item, b: Item, levels: list[Item]) -> bool:
    return any(a.q.end <= lv.q.start and lv.q.end <= b.q.start for lv in levels)
