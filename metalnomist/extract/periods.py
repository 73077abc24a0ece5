"""Periods as reporters write them, normalised to the spec's strings.

`March` → `--03` (or `2025-03` when the post's date says which March), `the April–June
quarter` → `--04/--06`, `October-March 2025` → `2024-10/2025-03`, `fiscal year ending
March 31, 2025` → `FY2024`, `first half of 2024` → `2024-H1`. Each mention also says how
the text uses it (a deadline, a comparison base, a publication date …), because only some
uses name the period a figure is for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from functools import lru_cache
from typing import Literal

from metalnomist.extract.backward import ending
from metalnomist.extract.fiscal import SPEC, FiscalYear
from metalnomist.extract.numbers import WORD_NUMBERS
from metalnomist.months import MONTH_WORDS, MONTHS, SHORT_MONTHS, WEEKDAYS

# Full names before their abbreviations and `Sep` before `Sept`: which spelling an open-ended pattern takes.
_MONTH = "(?:" + "|".join((*MONTHS, *SHORT_MONTHS, "Sept")) + r")\.?"
_YEAR = r"(?:19[5-9]\d|20\d\d)"
_DASH = r"\s?(?:-|–|—|to|through)\s?"
_YY, _YY2 = r"(?P<yy>\d\d)", r"['’](?P<yy2>\d\d)"  # `3Q24`, `Q3'24`: a year in two digits
# `the three months to June`, `the quarter ended September 30`, `the year to March`: months ending in that one
_SPAN_MONTHS = {"three": 3, "3": 3, "quarter": 3, "six": 6, "6": 6, "half-year": 6, "half year": 6, "nine": 9, "9": 9,
                "twelve": 12, "12": 12, "year": 12}
_ORDINAL = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "final": 4,
            "last": 4}  # `the final quarter of 2024`, `the last quarter of 2024`: its fourth
# How many months a run of words counts ("for three consecutive months").
_COUNT = {word: int(n) for word, n in WORD_NUMBERS.items() if 2 <= n <= 12}


# How a sentence uses a period: the figure's own period, a deadline (`by 2030`), the start of a
# run (`since 2023`), a comparison base (`from February`), when a report was published, when a
# measure takes effect (`starting April 1`), or a plain date (`On April 3`).
Use = Literal["period", "deadline", "since", "comparison", "publication", "effect", "date", "event"]


@dataclass(frozen=True)
class PeriodMention:
    """A period written in a sentence: span, normalised value and how the text uses it."""

    start: int
    end: int
    period: str
    use: Use = "period"


def month_number(word: str) -> int:
    return MONTH_WORDS[word.rstrip(".")]


@dataclass(frozen=True)
class Anchor:
    """When a post speaks from, to date what its text leaves year-less.

    `published` is the post's own date: a month after the post's month is last year's, the
    post's own month this year's. A post with no date may still state the year it reports on
    (`report_year`, the title's year or the latest the body reports): its year-less months
    are that year's. Relative words (`last year`, `on Tuesday`) need a real date."""

    published: datetime | None = None
    report_year: int | None = None
    fiscal: FiscalYear | None = None  # the reporting country's fiscal year, when the post says whose
    week_month: str | None = None  # an undated post's `on Friday`: the month of the latest day it names
    sentence_year: int | None = None  # the one year the sentence reports `in`: its `last year` is the one before
    present_year: int | None = None  # the year an undated post is written in, when its text shows it
    report_fiscal: int | None = None  # `report_year` is a fiscal year from this month: months before it are the next

    def year_of(self, last_month: int) -> int | None:
        """The year of the latest month `last_month` that had begun by publication."""
        if self.published is not None:
            return self.published.year if last_month <= self.published.month else self.published.year - 1
        if self.present_year is None and self.report_year is not None and self.report_fiscal:
            return self.report_year + (last_month < self.report_fiscal)
        return self.present_year or self.report_year


def _month(month: int, year: int | None, anchor: Anchor) -> str:
    year = year or anchor.year_of(month)
    return f"{year}-{month:02d}" if year else f"--{month:02d}"


def _span(first: int, last: int, year: int | None, anchor: Anchor, begun: bool = False) -> str:
    """A month range; `year` is the year of the last month, as in `October-March 2025`. A range named from its
    first month (`begun`) is, without a year, the latest begun by publication, as a quarter is (`the
    October-December quarter` in an October post is this one), unless most of it is yet to come; one named by its end
    (`the year to March`), the latest ended."""
    if year is None and begun and anchor.published is not None:
        started = anchor.year_of(first)
        year = started if started is None or first <= last else started + 1
        if year is not None and (year - anchor.published.year) * 12 + last - anchor.published.month > 6:
            year -= 1  # `January-November` in a January post: last year's, not a run mostly yet to come
    year = year or anchor.year_of(last)
    if year is None:
        return f"--{first:02d}/--{last:02d}"
    start_year = year if first <= last else year - 1
    return _calendar(start_year, first, year, last)


_STEPS = {"last": -1, "previous": -1, "prior": -1, "this": 0, "current": 0, "new": 0, "next": 1}


def _run(year: int, first: int, months: int) -> str:
    """`months` months from month `first` of `year` (a month past December runs into the next year)."""
    start = year * 12 + first - 1
    end = start + months - 1
    return _calendar(start // 12, start % 12 + 1, end // 12, end % 12 + 1)


def _calendar(start_year: int, first: int, year: int, last: int) -> str:
    """A run of months as the spec names it: a quarter, a half, an April–March year, or a range."""
    if start_year == year and first % 3 == 1 and last == first + 2:
        return f"{year}-Q{last // 3}"
    if start_year == year and first in {1, 7} and last == first + 5:
        return f"{year}-H{last // 6}"
    if first == 4 and last == 3 and start_year == year - 1:
        return f"FY{start_year}"
    if first == 1 and last == 12 and start_year == year:
        return str(year)
    return f"{start_year}-{first:02d}/{year}-{last:02d}"


def _relative(rel: str, span: str, anchor: Anchor) -> str | None:
    """`last year`, `this month`: a dated post says which. In an undated one only a sentence that
    also reports `in 2025` does (`199mn t in 2025, up from 146mn t last year`: last year is 2024)."""
    published = anchor.published
    if published is None:  # `this year` after `shipped 2.42 Mt in 2024 and expects`: the year the post is written in
        first, second = (anchor.sentence_year, anchor.present_year)[:: 1 if rel == "last" else -1]
        now = first or second
        return str(now + _STEPS[rel]) if span == "year" and now else None
    step = _STEPS[rel]
    if span == "year":
        return str(published.year + step)
    months = published.year * 12 + published.month - 1 + step
    return f"{months // 12}-{months % 12 + 1:02d}"


def _stated_year(g: dict[str, str | None], anchor: Anchor) -> str | None:
    """The year a quarter or half is written with: its own (`the first half of 2025`) or one relative to the post's
    (`the second half of this year`)."""
    rel = g.get("rel")
    return g.get("y") or (_relative(rel.lower(), "year", anchor) if rel else None)


def _recent_day(g: dict[str, str | None], anchor: Anchor) -> str | None:
    """`on Thursday`, `this week`, `yesterday` in a dated post: the month of that day (a news
    week is the one before publication). An undated post's current week is the one after the
    latest day it names (`week_month`); its `last week` or `next week` names no period."""
    published = anchor.published
    if published is None:
        return None if g.get("wrel") in {"last", "next"} else anchor.week_month
    back = 0
    if g.get("wd"):
        back = (published.weekday() - WEEKDAYS.index(str(g["wd"]))) % 7
    elif g.get("yd"):
        back = 1
    elif g.get("wrel") == "last":
        back = 7
    elif g.get("wrel") == "next":
        back = -7
    day = published - timedelta(days=back)
    return f"{day.year}-{day.month:02d}"


def _y(text: str | None) -> int | None:
    return int(text) if text else None


_PREVIOUS_YEAR = re.compile(r"\bthe (?:previous|prior|preceding) year's\b", re.I)
_RULES: list[tuple[re.Pattern[str], str]] = [
    (
        re.compile(
            rf"""\bfirst\s(?P<n>two|three|four|five|six|seven|eight|nine|ten|eleven|\d{{1,2}})\smonths
                \sof\s(?:the|its)\s(?:fiscal|financial)\syear\s            # of the fiscal year
                (?:to|through|end(?:ing|ed)(?:\sin)?)\s(?:\d{{1,2}}\s)?        # to / through / ending (31)
                (?P<m>{_MONTH})(?:\s\d{{1,2}})?,?\s(?P<y>{_YEAR})""",  # March 2025: its last month
            re.I | re.X,
        ),
        "fy_first_months",
    ),
    # `in the first seven months of the fiscal`: of the fiscal year the post is written in
    (
        re.compile(r"\bfirst\s(?P<n>two|three|four|five|six|seven|eight|nine|ten|eleven|\d{1,2})\smonths\sof\s"
                   r"(?:the|this|its)\s(?:current\s)?(?:fiscal|financial)(?:\syear)?\b(?!\s(?:to|through|end))", re.I),
        "fy_months_so_far",
    ),
    (re.compile(rf"\bFY ?(?P<n>{_YEAR}|\d\d)[ -]?Q(?P<q>[1-4])\b"), "fy_quarter"),  # `FY25 Q3`
    (re.compile(rf"\bQ(?P<q>[1-4])[ -]?FY ?(?P<n>{_YEAR}|\d\d)\b"), "fy_quarter"),  # `Q3 FY25`
    (
        re.compile(
            rf"\b(?P<o>first|second|third|fourth|1st|2nd|3rd|4th)[- ](?:fiscal )?quarter,? of "
            rf"(?:(?:the )?(?:fiscal(?: year)? ?|financial year ?|FY ?)(?P<n>{_YEAR}|\d\d)\b"
            rf"|(?:the |its |their )?(?P<n2>{_YEAR}) (?:fiscal|financial) year\b)",  # `of its 2026 financial year`
            re.I,
        ),
        "fy_quarter",
    ),
    (
        re.compile(
            rf"\b(?P<m1>{_MONTH}){_DASH}(?P<m2>{_MONTH}) (?:period|quarter|half|months),? of "
            rf"(?:the )?(?:fiscal(?: year)? ?|FY ?)(?P<n>{_YEAR}|\d\d)\b(?:[/-](?P<y2>\d\d(?:\d\d)?)\b)?"
        ),
        "fy_months",
    ),
    (
        re.compile(
            rf"\b(?:(?P<n>three|six|nine|twelve|3|6|9|12) months|(?<!-)(?<!half )(?<!this )(?P<year>year))"
            rf"(?: (?:that|which))? (?:end(?:ing|ed)(?: (?:in|on))?|to|through)(?: the end of)?(?: \d{{1,2}})?"
            rf"(?: | end-)(?P<m>{_MONTH})\b"  # `end-June`, `the fiscal year that ended in March`
            rf"(?: \d{{1,2}}\b)?(?:,? (?P<y>{_YEAR}))?",
            re.I,
        ),
        "quarter_to",
    ),
    (
        # `the quarter ended September 30`, `the half-year to June`: named by the month it ends in
        re.compile(
            rf"\b(?P<span>quarter|half[- ]year)\s+(?:end(?:ing|ed)|to|through)\s+(?:\d{{1,2}}\s+|end-)?(?P<m>{_MONTH})"
            rf"(?:\s+\d{{1,2}}\b)?(?:,?\s+(?P<y>{_YEAR}))?",
            re.I,
        ),
        "span_to",
    ),
    (
        # `the fiscal year ended March 31, 2020`, `the financial year which ended in June 2024`
        re.compile(rf"\b(?:fiscal|financial) year (?:(?:that|which) )?(?:end(?:ing|ed)|through)(?: (?:in|on))? "
                   rf"(?P<m>{_MONTH})(?: \d{{1,2}})?,? (?P<y>{_YEAR})"),
        "fy_ending",
    ),
    # `the first half of the current financial year`, `the second half of its 2025 financial year`, `the first half
    # of fiscal 2025`: that part of the reporting country's fiscal year (from the post's date when it names none)
    (
        re.compile(
            rf"\b(?P<o>first|second|third|fourth)[- ](?P<span>half|quarter) of (?:the |its |their )?"
            rf"(?:(?:(?P<rel>this|current|last|previous|prior|next) |(?P<n>{_YEAR}) )?(?:fiscal|financial) year\b"
            rf"(?! (?:to|end))|(?:fiscal(?: year)?|FY) ?(?P<n2>{_YEAR})\b)",
            re.I,
        ),
        "fy_part",
    ),
    (re.compile(rf"\b(?:fiscal(?: year)?|financial year|FY) ?(?P<y>{_YEAR})(?:[/-](?P<y2>\d\d(?:\d\d)?))?\b"), "fy"),
    (re.compile(rf"\b(?P<y>{_YEAR}) (?:fiscal|financial) year\b"), "fy"),  # `guidance for the 2026 financial year`
    # `this fiscal year`, `the previous financial year`: of the country whose fiscal year the post reports on
    (re.compile(r"\b(?P<rel>this|current|the current|last|the previous|the prior|next|the new) (?:fiscal|financial) "
                r"year\b",
                re.I), "fy_relative"),
    (re.compile(rf"\b(?P<y>{_YEAR})[/-](?P<y2>\d\d(?:\d\d)?) fiscal(?: year)?\b"), "fy"),
    (re.compile(r"\bFY ?(?P<yy>\d\d)\b"), "fy"),
    (
        re.compile(rf"\b[Bb]etween (?P<m1>{_MONTH})(?: (?P<y1>{_YEAR}))? and (?P<m2>{_MONTH})(?: (?P<y2>{_YEAR}))?"),
        "between",
    ),
    # `April-February of 2024-25`, `the April-January period of 2024-25`: those months of the year that starts in 2024
    # (India's fiscal year)
    (re.compile(rf"\b(?P<m1>{_MONTH}){_DASH}(?P<m2>{_MONTH}),?(?: period)? (?:of |in )?"
                rf"(?P<y>{_YEAR})[/-]\d\d(?:\d\d)?\b"), "span_months"),
    # `January-March 2024`; `April 2023-March 2024` names the year at both ends; `the April-June quarter of 2025`
    (re.compile(rf"\b(?P<m1>{_MONTH})(?: (?P<y1>{_YEAR}))?{_DASH}(?P<m2>{_MONTH})"
                rf"(?:(?: (?:period|quarter|half))?(?: of)?,? (?P<y2>{_YEAR}))?"), "months"),
    # `the second half of this year`, `the first quarter of next year`: that part of the year the post speaks of
    (re.compile(r"\b(?P<o>first|second|third|fourth)[- ]quarter of (?P<rel>this|last|next) year\b", re.I),
     "quarter_words"),
    (re.compile(r"\b(?P<o>first|second)[- ]half of (?P<rel>this|last|next) year\b", re.I), "half_words"),
    (re.compile(rf"\b(?P<o>final|last) quarter of (?P<y>{_YEAR})\b", re.I), "quarter_words"),
    (
        re.compile(
            rf"\b(?P<o>first|second|third|fourth|1st|2nd|3rd|4th)[- ]quarter(?:(?: of)?,? (?P<y>{_YEAR}))?", re.I
        ),
        "quarter_words",
    ),
    (
        re.compile(
            rf"\bfirst (?P<n>two|three|four|five|six|seven|eight|nine|ten|eleven|\d{{1,2}}) months"
            rf"(?:(?: of(?: the year)?| in)?,? (?P<y>{_YEAR}))?",
            re.I,
        ),
        "first_months",
    ),
    # `the last three months of 2025`: the months that end that year (with no year they are a trailing span)
    (
        re.compile(rf"\b(?:last|final) (?P<n>two|three|four|five|six|seven|eight|nine|ten|eleven|\d{{1,2}}) months"
                   rf" of (?:the year )?(?P<y>{_YEAR})\b", re.I),
        "last_months",
    ),
    # `this year through May`: the year to date, to the end of that month
    (re.compile(rf"\bthis year (?:to|through|until) (?:the end of )?(?P<m>{_MONTH})\b(?! \d)"), "year_through"),
    (re.compile(rf"\b(?P<m>{_MONTH})(?:\s+of)?\s+(?P<rel>last|this|next)\s+year\b"), "month_relative"),
    # `for the remainder of 2025`, `the rest of this year`: from the post's month to December
    (re.compile(rf"\b(?:rest|remainder|balance)\s+of\s+(?:(?:this|the)\s+year\b|(?P<y>{_YEAR})\b)", re.I),
     "rest_of_year"),
    # `double the previous year's 55,526 tonnes`: the year before the one the sentence reports on
    (_PREVIOUS_YEAR, "previous_year"),
    # `up from $44/wmt at the start of the year`: a level then, January (never `since the start of the year`, nor
    # when a plan was made: `$2.1 billion planned at the start of the year` is still the year's)
    (re.compile(r"(?<!planned )(?<!budgeted )(?<!expected )(?<!forecast )(?<!guided )"
                r"\bat the (?:start|beginning|outset) of (?:the|this) year\b", re.I), "year_start"),
    (re.compile(r"\b(?P<rel>last|this|next) (?P<span>year|month)\b", re.I), "relative"),
    (
        re.compile(
            r"\b(?:(?P<wrel>last|this|next|earlier this|later this) week(?!\s+of\b)|"  # not `the last week of May`
            r"(?P<wd>" + "|".join(WEEKDAYS) + r"))\b"
            rf"(?!,?\s+(?:{_MONTH}|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}))"  # `Wednesday January 17` is that date
            r"|\b(?P<yd>yesterday)\b"
        ),
        "weekday",
    ),
    (
        # `the June quarter`: a quarter named by its last month
        re.compile(r"\b(?P<qm>" + "|".join(MONTHS[2::3]) + rf")[- ]quarter\b(?:(?: of)?,? (?P<y>{_YEAR}))?"),
        "quarter_ending",
    ),
    # `the December 2024 quarter`: its year between them
    (re.compile(r"\b(?P<qm>" + "|".join(MONTHS[2::3]) + rf") (?P<y>{_YEAR})[- ]quarter\b"), "quarter_ending"),
    # `3Q24`, `Q3'24`, `1H 2024`, `H2'25`: analysts' and trade press shorthands
    (re.compile(rf"\b(?P<q>[1-4])Q ?(?:(?P<y>{_YEAR})|{_YY})\b|\bQ(?P<q2>[1-4]) ?{_YY2}\b"), "quarter_short"),
    (re.compile(rf"\b(?P<h>[12])H ?(?:(?P<y>{_YEAR})|{_YY})\b|\bH(?P<h2>[12]) ?{_YY2}\b"), "half_short"),
    # `5M 2024`, `9M23`: the year's first months
    (re.compile(rf"\b(?P<n>[2-9]|1[01])M ?(?:(?P<y>{_YEAR})|{_YY})\b"), "months_short"),
    (re.compile(rf"\bQ(?P<q>[1-4])(?:[ -]|, )?(?P<y>{_YEAR})\b"), "quarter"),
    (re.compile(rf"\b(?P<y>{_YEAR})[ -]?Q(?P<q>[1-4])\b"), "quarter"),
    # not `the first half of June`, which is June's
    (re.compile(rf"\b(?P<o>first|second|1st|2nd)[- ]half(?:(?: of)?,? (?P<y>{_YEAR}))?(?! of {_MONTH})", re.I),
     "half_words"),
    # Australian miners' `December half`: the half year ending in that month
    (re.compile(rf"\b(?P<hm>June|December)[- ]half(?:[- ]year)?\b(?:(?: of)?,? (?P<y>{_YEAR}))?"), "half_ending"),
    (re.compile(rf"\bH(?P<h>[12])(?:[ -]|, )?(?P<y>{_YEAR})\b"), "half"),
    (re.compile(r"\bQ(?P<q>[1-4])\b"), "quarter"),  # year-less: the post's date or report year dates it
    (re.compile(r"\b(?P<q>[1-4])Q\b"), "quarter"),  # `US$2,381 per tonne in 3Q`
    # `$98 in the second quarter, $92 in the third and $88 in the fourth`: quarters after one named in full
    (re.compile(r"\b(?:in|for)\s+the\s+(?P<o>second|third|fourth)\b(?=\s*(?:[,.;]|and\b|$))"), "quarter_elliptic"),
    # not Japan's H2 scrap (`Japanese H2`, `its H2 price`, `H2 was heard at $345/t`, `¥48,335/t FAS for H2`)
    (re.compile(r"(?<!Japanese )(?<!Kanto-area )(?<!FAS for )(?<!FOB for )(?<!CFR for )(?<!/t for )"
                r"\bH(?P<h>[12])\b(?!\s+(?:[\w-]+\s+)?(?:scrap|grade|steel|heavy))"
                r"(?!\s+(?:prices?|delivered|bids?|offers?|cargo(?:es)?|tenders?|was|were|is|at|FOB|CFR|FAS)\b)"),
     "half"),
    (re.compile(rf"\b(?P<m>{_MONTH}) (?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,? (?P<y>{_YEAR}))?"), "date"),
    (re.compile(rf"\b(?P<d>\d{{1,2}}) (?P<m>{_MONTH})(?: (?P<y>{_YEAR}))?\b"), "date"),
    (re.compile(rf"\b(?P<m>{_MONTH})(?: of)?,? (?P<y>{_YEAR})\b"), "month"),
    (re.compile(rf"\b(?P<m>{_MONTH})(?='s\b|\b)"), "month"),
    # `grew 5% a year between 2015 and 2023`: the span the change runs over
    (re.compile(rf"\bbetween (?P<y1>{_YEAR}) and (?P<y2>{_YEAR})\b"), "years"),
    (
        re.compile(
            rf"(?<![\d$¥€£.,/-])(?P<y1>{_YEAR})(?:{_DASH}|/)(?P<y2>{_YEAR}|\d\d)\b(?![.,]\d|\s?=)"  # `2023/24` too;
            # not an index's base (`base: 2011-12=100`)
            r"(?!\s?(?:%|per\s?cent|million|billion|mn|bn|thousand|[kM]?t\b|tonnes?|tons?|ounces?|oz\b|lb\b))"
            r"(?P<fiscal>\s+(?:financial|fiscal)(?:\s+year)?\b)?"
        ),
        "years",
    ),
    (re.compile(rf"(?<![\d$¥€£.,/-])(?P<y>{_YEAR})"
                rf"(?![\d%]|[.,]\d|(?:[-/]\d\d)?\s?=|\s?(?:t|tonnes?|tons?|units)\b)"), "year"),
]


def _value(kind: str, m: re.Match[str], anchor: Anchor) -> str | None:
    g = m.groupdict()
    published = anchor.published
    if kind == "fy_ending":
        end_month, end_year = month_number(g["m"]), int(g["y"])
        return f"FY{end_year - 1}" if end_month == 3 else _span((end_month % 12) + 1, end_month, end_year, Anchor())
    if kind == "fy":
        named = int(g["y"]) if g.get("y") else 2000 + int(g["yy"])
        if g.get("y2"):  # `FY2023-24` names both years: the first is where it starts
            return FiscalYear((anchor.fiscal or SPEC).first_month).year(named)
        return (anchor.fiscal or SPEC).year(named)
    if kind == "fy_part":
        fiscal, year = anchor.fiscal or SPEC, g["n"] or g["n2"]
        if year:
            start = fiscal.start_year(int(year))
        elif published is not None and anchor.fiscal is not None:
            start = fiscal.around(published.date()) + _STEPS[(g["rel"] or "this").lower()]
        else:
            return None
        months = 6 if g["span"].lower() == "half" else 3
        return _run(start, fiscal.first_month + months * (_ORDINAL[g["o"].lower()] - 1), months)
    if kind == "fy_relative":
        if published is None or anchor.fiscal is None:
            return None
        return anchor.fiscal.starting(anchor.fiscal.around(published.date()) + _STEPS[g["rel"].lower().split()[-1]])
    if kind == "fy_quarter":
        quarter = int(g.get("q") or _ORDINAL[g["o"].lower()])
        return (anchor.fiscal or SPEC).quarter(_named_year(g["n"] or g["n2"]), quarter)
    if kind in {"fy_months", "span_months"}:  # `the January-March period of FY24`: those months of that fiscal year
        fiscal = anchor.fiscal or SPEC
        # `FY2024-25` names the year it starts in, as `2024-25` does
        start = int(g["y"]) if g.get("y") else int(g["n"]) if g.get("y2") else fiscal.start_year(_named_year(g["n"]))
        first, last = month_number(g["m1"]), month_number(g["m2"])
        first_year = start if first >= fiscal.first_month else start + 1
        return _calendar(first_year, first, start if last >= fiscal.first_month else start + 1, last)
    if kind == "fy_months_so_far":
        if published is None or anchor.fiscal is None:
            return None
        fiscal = anchor.fiscal
        return _run(fiscal.around(published.date()), fiscal.first_month, _COUNT.get(g["n"].lower()) or int(g["n"]))
    if kind == "fy_first_months":  # `the first eight months of the fiscal year to March 2025`
        end_month, end_year = month_number(g["m"]), int(g["y"])
        first, start_year = end_month % 12 + 1, end_year - (end_month != 12)
        months = start_year * 12 + first - 1 + (_COUNT.get(g["n"].lower()) or int(g["n"])) - 1
        return _calendar(start_year, first, months // 12, months % 12 + 1)
    if kind in {"quarter_to", "span_to"}:
        words = (g.get("n") or g.get("span") or g.get("year") or "").lower()
        last, months = month_number(g["m"]), _SPAN_MONTHS[words]
        return _span((last - months) % 12 + 1, last, _y(g.get("y")), anchor)
    if kind in {"between", "months"}:
        first, last = month_number(g["m1"]), month_number(g["m2"])
        y1, y2 = _y(g.get("y1")), _y(g.get("y2"))
        if y1 and y2:
            return _calendar(y1, first, y2, last)
        return _span(first, last, y2, anchor, begun=True)
    if kind == "relative":
        return _relative(g["rel"].lower(), g["span"].lower(), anchor)
    if kind == "year_start":
        return _month(1, anchor.sentence_year, anchor)
    if kind == "rest_of_year":
        year = int(g["y"]) if g.get("y") else published.year if published else anchor.present_year
        if published is None or year != published.year:
            return str(year) if year else None
        return f"{year}-{published.month:02d}/{year}-12" if published.month < 12 else f"{year}-12"
    if kind == "previous_year":
        now = anchor.sentence_year or (published.year if published else anchor.present_year)
        return str(now - 1) if now else None
    if kind == "month_relative":  # `February last year`: that month of the year before the post's
        step = _STEPS[g["rel"].lower()]
        base = published.year if published else anchor.sentence_year or anchor.present_year or anchor.report_year
        return f"{base + step}-{month_number(g['m']):02d}" if base else f"--{month_number(g['m']):02d}"
    if kind == "weekday":
        return _recent_day(g, anchor)
    if kind == "year_through":
        return _span(1, month_number(g["m"]), None, anchor)
    if kind == "first_months":
        months = _COUNT.get(g["n"].lower()) or int(g["n"])
        return _span(1, months, _y(g.get("y")), anchor) if 1 < months < 13 else None
    if kind == "last_months":
        months = _COUNT.get(g["n"].lower()) or int(g["n"])
        return _span(13 - months, 12, _y(g["y"]), anchor) if 1 < months < 12 else None
    if kind in {"quarter", "quarter_words", "quarter_ending", "quarter_elliptic"}:
        if kind == "quarter_ending":  # Australian miners' `March quarter` is the quarter ending in March
            quarter = month_number(g["qm"]) // 3
        else:
            quarter = int(g.get("q") or _ORDINAL[g["o"].lower()])
        stated = _stated_year(g, anchor)
        if kind != "quarter_ending" and not stated and anchor.fiscal is not None and anchor.fiscal.quarters:
            first = anchor.fiscal.quarter_start(quarter)  # Hindalco's `fourth quarter`: January-March
            year = anchor.year_of(first)
            return _run(year, first, 3) if year else None
        year = _y(stated) or anchor.year_of(quarter * 3 - 2)  # the latest one begun by publication
        if not year:  # a year-less quarter is its months, as `the April–June quarter` is
            return _span(quarter * 3 - 2, quarter * 3, None, Anchor())
        return f"{year}-Q{quarter}"
    if kind == "months_short":
        return _span(1, int(g["n"]), int(g.get("y") or f"20{g['yy']}"), anchor)
    if kind in {"quarter_short", "half_short"}:
        written = g.get("y") or f"20{g.get('yy') or g['yy2']}"
        if kind == "quarter_short":
            return f"{written}-Q{g.get('q') or g['q2']}"
        return f"{written}-H{g.get('h') or g['h2']}"
    if kind in {"half", "half_words", "half_ending"}:
        half = 1 if g.get("hm") == "June" else 2 if g.get("hm") else int(g.get("h") or _ORDINAL[g["o"].lower()])
        stated = _stated_year(g, anchor)
        if kind != "half_ending" and not stated and anchor.fiscal is not None and anchor.fiscal.quarters:
            first = anchor.fiscal.quarter_start(2 * half - 1)  # Sumitomo's `first half`: April-September
            year = anchor.year_of(first)
            return _run(year, first, 6) if year else None
        year = _y(stated) or anchor.year_of(half * 6 - 5)  # as a quarter: from its first month
        if not year:
            return _span(half * 6 - 5, half * 6, None, Anchor())
        return f"{year}-H{half}"
    if kind in {"date", "month"}:
        return _month(month_number(g["m"]), _y(g.get("y")), anchor)
    if kind == "years":
        last_year = str(g["y2"]) if len(g["y2"]) == 4 else str(g["y1"])[:2] + str(g["y2"])
        if int(last_year) == int(g["y1"]) + 1 and (anchor.fiscal or g.get("fiscal")):
            return FiscalYear((anchor.fiscal or SPEC).first_month).year(int(g["y1"]))  # India's `2023-24`
        return f"{g['y1']}/{last_year}" if int(last_year) > int(g["y1"]) else None
    return g["y"]


_PUBLICATION = re.compile(
    r"\b(?:released|published|announced|reported|said|says|revised|stated|noted|certified|held|met|unveiled|approved|"
    r"signed|issued|show(?:s|ed)?)\s+(?:\w+\s+){0,6}?on\s+"  # `said in its quarterly report on Thursday, 23 October`
    r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?$",
    re.I,
)
_TOLD = "reported|said|announced|released|published|stated"
_TOLD_JUST = re.compile(rf"\b(?:{_TOLD}|says)\s+(?:in\s+(?:a|an|its)\s+(?:[\w-]+\s+)?"  # `said in a statement Thursday`
                        r"(?:statements?|filings?|releases?|reports?|interviews?|notes?)\s+)?$", re.I)
# `Teck April 25 reported`, and a wire dateline's day (`Oct 22 (Reuters) -`) or a release's (`12 November 2025
# /PRNewswire/ --`): when it was told
_REPORTED_AFTER = re.compile(rf",?\s+(?:{_TOLD})\b"
                             r"|\s*\((?:Reuters|Bloomberg|AP|AFP|Dow\s+Jones|Xinhua|Kallanish|Argus|Platts)\)"
                             r"|\s*/[^/\n]{2,40}/\s*(?:--|[-–—])")
_EFFECT = re.compile(
    r"\b(?:starting|effective|beginning|from|as of|imposed on|due on|(?:takes?|took|taking) effect on"
    r"|(?:comes?|came|entered|enters) into force on)\s+(?:from\s+)?$",
    re.I,
)
_COMPARISON_FILLER = (
    # `12.4% higher than at the start of October`
    r"(?:the|same|month|period|quarter|year|levels?|of|in|at|start|end|beginning|a|an|its|their|that|those|initial|"
    r"original|previous|earlier|prior|last|projection|estimate|forecast|guidance|early|late"
    r"|[a-z]+-(?:hit|affected|disrupted|impacted|weakened))"  # `12% above the cyclone-hit March quarter`
)
_COMPARISON = ending(
    rf"(?:\b(?:from|compared (?:to|with)|versus|vs\.?|than|against|above|below)\s+"
    rf"|\bover\s+(?=the\s+(?:same|corresponding|previous|prior)\s))"  # `rose 2% over the same month last year`
    # `up 3.2 million t from end-January`, `recovering from a weak November`
    rf"(?:{_COMPARISON_FILLER}\s+){{0,5}}(?:(?-i:(?!(?:double|twice|triple|treble|half)\b)[a-z]+)\s+)?(?:end-|mid-)?$",
    re.I,
)
# `up 8% on the same period of 2023`, `a 5% increase over 2022`: the British `on` of a change names its base, as
# `over` does after a noun (`fell 3% over the first half` is during it)
_CHANGE_ON = ending(
    rf"(?:\b(?:up|down|higher|lower|r[io]se|fell|gain\w*|drop\w*|increase\w*|decrease\w*|decline\w*|jump\w*)"
    rf"(?:\s+(?:by\s+)?[\d.,]+\s?(?:%|per\s?cent|pc))?\s+on"
    rf"|\b(?:increase|rise|gain|decrease|decline|drop|jump|growth)\s+over)\s+(?:{_COMPARISON_FILLER}\s+){{0,4}}$",
    re.I,
)
# `rising 2.9% over June 2014`: a change over a month is from it (`fell 3% over the first half` is during it), and so
# is a period `over` another (`growth in January 2025 over January 2024`)
_CHANGE_OVER = re.compile(r"(?:[\d.,]+\s?(?:%|per\s?cent|pc)|\b(?:19|20)\d\d)\s+over\s+$", re.I)
_DEADLINE = re.compile(r"\b(?:by|until|till)\s+(?:the\s+end\s+of\s+|end-|the\s+)?$"
                       # `would extend the mine's life to 2036`: a horizon, as a deadline is
                       r"|\b(?:extend\w*|life|lives)\s+(?:[\w'’-]+\s+){0,5}?(?:to|until|through|into|beyond)\s+$", re.I)
_SINCE = ending(r"\bsince\s+(?:the\s+)?(?:[\w'-]+\s+){0,5}$", re.I)
_SINCE_JUST = ending(r"\bsince\s+(?:the\s+)?$", re.I)  # `the strongest since the first half of 2020`
_STARTING = ending(r"\b(?:starting|effective|beginning)\s+(?:from\s+)?$", re.I)


def _use(kind: str, before: str) -> Use:
    """How the text uses the mention, read from the words just before it."""
    tail = before[-60:]
    if kind == "weekday":
        if _PUBLICATION.search(tail) or _TOLD_JUST.search(tail):
            return "publication"  # `the miner said on Tuesday`, `the Phoenix-based miner said Tuesday`
        return "comparison" if _COMPARISON.search(tail.split(",")[-1]) else "date"
    if kind == "date":
        if _PUBLICATION.search(tail):
            return "publication"
        if _SINCE_JUST.search(tail):
            return "since"  # `its highest since May 2`: a day looked back to, not the figure's date
        return "effect" if _EFFECT.search(tail) else "date"
    if _STARTING.search(tail):
        return "effect"
    if _PUBLISHED_IN.search(tail):
        return "publication"  # `from the previous estimate published in 2022`: when it was told, not of what
    if _DEADLINE.search(tail):
        return "deadline"
    if _SINCE_JUST.search(tail) or (kind in {"year", "month"} and _SINCE.search(tail)):
        return "since"
    if (_COMPARISON.search(tail.split(",")[-1]) or _compared_figure(before) or _PRECEDING.search(tail)
            or _CHANGE_ON.search(tail) or (kind in {"month", "year"} and "over" in tail and _CHANGE_OVER.search(tail))):
        return "comparison"
    if _HAPPENED.search(tail):
        return "event"
    return "period"


# `Koniambo, which was placed on care and maintenance in February`, `Cobre Panama … was halted in November 2023`:
# when a mine or plant stopped or restarted, not the period of a figure (a rule or permit `approved in 2022` still
# tells an undated post's year)
_HAPPENED = re.compile(
    r"\b(?:was|were|had\s+been|has\s+been)\s+(?:\w+ly\s+)?(?:halted|suspended|placed|put|closed|shut|idled|mothballed"
    r"|restarted)\b"
    r"[^\d.;,]{0,40}?\s(?:in|on)\s+(?:early\s+|late\s+|mid-)?$", re.I)


_LABELLED_BASE = re.compile(r"\s*:\s*(?:[A-Z]{0,3}[$€¥£]\s?|[A-Z]{3}\s?)?\d")  # `(2Q25: US$ 21.5/t)` too


def labels_a_base(text: str, start: int, end: int) -> bool:
    """Whether the period at `start:end` labels a figure in brackets (`(third quarter of 2023: $1.52)`): the
    period of that figure, a base compared with, not of the figure before the brackets."""
    return text[:start].rstrip().endswith("(") and _LABELLED_BASE.match(text, end) is not None


# `revised up from the 179,000 tonnes it forecast in April`, `a surplus it projected in its July outlook`
_FORECAST_MADE = ending(r"\b(?:forecast|projected|predicted|estimated)\s+in\s+(?:its\s+|their\s+|the\s+)?$", re.I)
_PUBLISHED_IN = ending(r"\b(?:published|released|issued|dated)\s+(?:in\s+)?$", re.I)
# `in the preceding 2022-23 financial year`: a period named as the one before is a comparison base.
_PRECEDING = ending(r"\b(?:the\s+)?(?:preceding|previous|prior)\s+$", re.I)


_COMPARED_FIGURE = re.compile(
    r"""\b(?:from|(?<!more\s)(?<!less\s)(?<!fewer\s)(?<!greater\s)(?<!rather\s)than  # (`more than` bounds)
        |versus|vs\.?|against|compar\w*\s+(?:to|with)|double|twice|triple|half)\s+  # the comparison word
        (?:(?:the|a|an|its|just|about|around|nearly|some|high|low|level|record)\s+(?:of\s+)?){0,3}
        (?:[$€¥£]|[A-Z]{3}\s)?\s?\d[\d.,]*                                    # the compared figure
        (?:\s*[\w/%$-]+){0,4}?                                               # its unit, `tons shipped`
        (?:,?\s+and\s+[$€¥£]?\d[\d.,]*(?:\s*[\w/%$-]+){0,4}?)?                 # `2.4 Mt and 661,000 t`
        (?:,?\s+respectively,?)?                                            # `…, respectively, in the first quarter`
        \s+(?:in|during|for|of)\s+(?:the\s+)?$                               # the period it is for
    """,
    re.X,
)


def _compared_figure(before: str) -> bool:
    """`up 41% from 13.1 million tons in Q1 2024`, `compared to $416.3 million in January`: the
    period of a figure compared with is the comparison's, not the sentence's."""
    return bool(_COMPARED_FIGURE.search(before[-120:]))


_ANY_MONTH = re.compile(_MONTH)
_FROM_TO = re.compile(r"\bfrom\s+$", re.I)
# Words before `May` the month, never before `may` the verb: `in May`, `in early May`, `mid-May`.
_MONTH_MAY = ending(r"(?:\b(?:in|of|since|from|for|until|to|and|between|by|early|late)\s+|\b(?:mid|end)-)$", re.I)
_WORD_KEYS = ("quarter", "half", "month", "year", "week", "day")
_DIGIT = re.compile(r"\d")
_NEEDS_MONTH = frozenset(
    {
        "month_relative",
        "fy_first_months",
        "fy_months",
        "span_months",
        "fy_ending",
        "between",
        "months",
        "date",
        "month",
        "quarter_ending",
        "half_ending",
        "quarter_to",
        "span_to",
        "year_through",
    }
)
_NEEDS_WORD = {
    "fy_quarter": ("fy", "fiscal", "financial"),
    "fy_months": ("fy", "fiscal"),
    "fy_first_months": ("fiscal", "financial"),
    "fy_months_so_far": ("fiscal", "financial"),
    "fy_ending": ("fiscal", "financial"),
    "fy": ("fy", "fiscal", "financial"),
    "fy_relative": ("fiscal", "financial"),
    "fy_part": ("fiscal", "financial"),
    "previous_year": ("year's",),
    "quarter_to": ("months", "year"),
    "year_through": ("year",),
    "span_to": ("quarter", "half"),
    "first_months": ("months",),
    "last_months": ("months",),
    "quarter_words": ("quarter",),
    "quarter_elliptic": ("quarter",),
    "quarter_ending": ("quarter",),
    "half_words": ("half",),
    "half_ending": ("half",),
    "weekday": ("day", "week"),
    "relative": ("year", "month"),
    "rest_of_year": ("rest", "remainder", "balance"),
    "year_start": ("start", "beginning", "outset"),
}
# the same, as written: `Q3 2024`, `3Q`, `H1`
_NEEDS_CAPITALS = {"quarter": ("Q",), "half": ("H1", "H2")}
_NEEDS_NOTHING = frozenset(
    {"quarter_words", "quarter_elliptic", "half_words", "first_months", "fy_months_so_far", "relative", "previous_year",
     "weekday", "year_start"}
)


_KEY_WORDS = frozenset(word for words in _NEEDS_WORD.values() for word in words)
_KEY_CAPITALS = frozenset(word for words in _NEEDS_CAPITALS.values() for word in words)


@lru_cache(maxsize=4096)
def _rules_for(has_month: bool, has_digit: bool, words: frozenset[str],
               capitals: frozenset[str]) -> tuple[tuple[re.Pattern[str], str], ...]:
    """The rules a sentence can match, in their order: those it has the month, the digit, the word (most
    sentences name no fiscal year) or the capitals (`Q3`, `H1`) for. A handful of combinations recur."""
    rules = []
    for pattern, kind in _RULES:
        needs_digit = kind not in _NEEDS_MONTH and kind not in _NEEDS_NOTHING
        if (kind in _NEEDS_MONTH and not has_month) or (needs_digit and not has_digit):
            continue
        if kind in _NEEDS_WORD and not words.intersection(_NEEDS_WORD[kind]):
            continue
        if kind in _NEEDS_CAPITALS and not capitals.intersection(_NEEDS_CAPITALS[kind]):
            continue
        rules.append((pattern, kind))
    return tuple(rules)


def is_delivery(text: str, end: int) -> bool:
    """`February 2022 loading`, `July shipments`: a delivery month, not a period reported on."""
    return bool(_FORWARD.match(text, end))


_FORWARD = re.compile(r"\s+(?:shipments?|contracts?|deliver(?:y|ies)|loadings?|arrivals?|settlements?|orders?)\b", re.I)


def is_contract_month(text: str, start: int, end: int) -> bool:
    """`the most-traded July copper contract`, `December futures`, rebar on an exchange `for October delivery`:
    a traded contract's delivery month names the contract, not the period its price is for (`list prices for
    October contracts` are October's)."""
    if is_delivery(text, end) and _EXCHANGE.search(text):
        return True
    return bool(_CONTRACT.match(text, end)) and not re.search(r"\bfor\s+$", text[max(0, start - 8) : start])


_CONTRACT = re.compile(r"\s+(?:[a-z][\w-]*\s+){0,2}?(?:contracts?|futures)\b")
_EXCHANGE = re.compile(r"\b(?:futures|exchange|SHFE|DCE|COMEX|LME)\b", re.I)


# `settled at $228/t for July-September shipments`: the months of the deliveries priced
_FOR_JUST = ending(r"\bfor\s+(?:the\s+)?$", re.I)
_FOR_DELIVERY_IN = re.compile(
    r"\bfor\s+(?:[\w-]+\s+){0,3}?(?:shipments?|deliver(?:y|ies)|loadings?|arrivals?)(?:\s+to\s+[A-Z][\w-]*)?"
    r"\s+(?:in\s+)?(?:the\s+)?$"  # `for primary aluminium shipments to Japan in the July–September quarter`
    r"|\bfor\s+(?:[\w-]+\s+){0,3}?(?:shipped|delivered|loaded)\s+in\s+(?:the\s+)?$"  # `for aluminium shipped in`
    # `offered … a ton for the third quarter`; not a premium `settled for January-March`
    r"|\b(?:premiums?|offers?|offered|pay)\b[^.;]*(?<!settled\s)(?<!agreed\s)(?<!paid\s)\bfor\s+(?:the\s+)?$"
    # `offered the second-quarter MJP premium`: the quarter a premium is offered for
    r"|\b(?:offer(?:s|ed|ing)?|propos\w+|seek\w*|sought|ask\w*)\s+(?:the|a|its|their)\s+$",
    re.I,
)


_DUE_IN = ending(r"\b(?:expected|due|set|scheduled|slated|planned|will|would)\s+(?:to\s+)?(?:take\s+effect"
                 r"|come\s+into\s+force|start|begin|apply)\s+(?:in|from)\s+$", re.I)


def _forward_month(month: int, before: str, published: datetime | None) -> str | None:
    """`list prices for July shipments` in a June post: the coming July, not last year's."""
    if published is None or not re.search(r"\bfor\s+$", before):
        return None
    return _coming_month(month, published)


def _coming_month(month: int, published: datetime) -> str:
    """The month of that name in the post's month or after it."""
    return f"{published.year + (month < published.month)}-{month:02d}"


def _starts_later(year: str, before: str, published: datetime | None) -> bool:
    """`raise output by 500,000 t/yr from 2026`: a year after publication cannot be the base a
    reported figure is compared with; it is when the plan starts."""
    return published is not None and int(year) > published.year and bool(re.search(r"\bfrom\s+$", before))


_IN_YEAR = re.compile(rf"\bin\s+({_YEAR})\b(?![.,]\d)")


# A capitalised word that is no function word, just before a weekday, makes it part of a name (`Black Friday`)
_NAME_BEFORE = re.compile(r"(?<![.:;]\s)\b(?!(?:On|Since|By|Until|From|Last|This|Next|Each|Every|Late|Early|And|But|"
                          r"Or|Through|Before|After|Till)\b)[A-Z][a-z]+\s$")


def find_periods(
    text: str,
    published: datetime | None = None,
    report_year: int | None = None,
    fiscal: FiscalYear | None = None,
    week_month: str | None = None,
    present_year: int | None = None,
    report_fiscal: int | None = None,
) -> list[PeriodMention]:
    """All period mentions, leftmost-longest, with their use."""
    in_years = {m.group(1) for m in _IN_YEAR.finditer(text) if _use("year", text[: m.start(1)]) == "period"}
    sentence_year = int(in_years.pop()) if len(in_years) == 1 else None
    anchor = Anchor(published, report_year, fiscal, week_month, sentence_year, present_year, report_fiscal)
    taken: list[tuple[int, int]] = []
    found: list[PeriodMention] = []
    has_month = bool(_ANY_MONTH.search(text))
    has_digit = _DIGIT.search(text) is not None
    if not has_month and not has_digit and not any(w in text for w in _WORD_KEYS):
        return []
    lower = text.lower()
    words = frozenset(word for word in _KEY_WORDS if word in lower)
    capitals = frozenset(word for word in _KEY_CAPITALS if word in text)
    for pattern, kind in _rules_for(has_month, has_digit, words, capitals):
        for m in pattern.finditer(text):
            start, end = m.span()
            if taken and any(start < e and s < end for s, e in taken):
                continue
            if kind == "quarter_elliptic" and not re.search(r"\bquarter\b", text[: m.start()], re.I):
                continue  # `in the third` is a quarter only after one written in full, and in its year
            if (
                kind == "month"
                and m.group("m").startswith("May")
                and not m.group().endswith(tuple("0123456789"))
                and not _MONTH_MAY.search(text, 0, m.start())
                and m.start() > 0  # `May exports up 36%`: news opens no sentence on the verb
            ):
                continue  # `may` the verb
            if kind == "weekday" and m.group("wd") and _NAME_BEFORE.search(text, 0, m.start()):
                continue  # `Lucky Friday in Idaho added 1.3 million ounces`: a mine's name
            use = _use(kind, text[: m.start()])
            if use == "period" and labels_a_base(text, m.start(), m.end()):
                use = "comparison"  # `averaged $1.61 per pound (third quarter of 2023: $1.52)`: the base's label
            if kind == "months" and _FROM_TO.search(text, 0, m.start()) and re.search(r"\s(?:to|through)\s", m.group()):
                use = "period"  # `From January to May, imports reached …`: the range itself, compared with nothing
            if kind == "fy" and _BETWEEN_JUST.search(text, 0, m.start()):
                use = "comparison"  # `Between FY2019-20 and FY2024-25, consumption expanded …`: where it started
            if kind == "date" and _REPORTED_AFTER.match(text, m.end()):
                use = "publication"  # `Teck April 25 reported that …`
            if kind in {"month", "date"} and _FORECAST_MADE.search(text, 0, m.start()):
                use = "publication"  # `the 179,000 tonnes it forecast in April`: when the forecast was made
            # a day named as a date (`On April 3`) is dated only by the post's own date
            # a day named as a date of effect or publication, or opening the sentence (`On April 3,
            # the US will …`), is an event's date: only the post's own date gives it a year
            opening = text[: m.start()].strip(" (").lower() in {"", "on"}
            event = use in {"effect", "publication"} or (use == "date" and opening)
            value = _value(kind, m, Anchor(published, fiscal=fiscal, week_month=week_month) if event else anchor) or ""
            if not value and kind == "fy_relative":
                value = _fiscal_year_beside(found, m)
            if not value and kind != "previous_year":  # that one may still be dated by the year it follows
                continue
            taken.append((m.start(), m.end()))
            if kind == "quarter_elliptic":
                value = _quarter_of_the_year_before(found, m, value)
            if kind == "month" and not m.groupdict().get("y") and _FORWARD.match(text, m.end()):
                value = _forward_month(month_number(m.group("m")), text[: m.start()], published) or value
            if kind == "month" and not m.groupdict().get("y") and published and _DUE_IN.search(text, 0, m.start()):
                # `duties … expected to take effect in December`: the coming one
                value = _coming_month(month_number(m.group("m")), published)
            if published and not re.search(r"\d{4}", m.group()) and (
                    _FOR_DELIVERY_IN.search(text, 0, m.start())
                    or (_FOR_JUST.search(text, 0, m.start()) and _FORWARD.match(text, m.end()))):
                ends = last_month(value)  # `for shipment in November` in an October post: the coming November
                if ends and ends < (published.year, published.month):
                    value = year_after(value)
            if use == "comparison" and kind == "year" and _starts_later(value, text[: m.start()], published):
                use = "effect"
            found.append(PeriodMention(m.start(), m.end(), value, use))
    found.sort(key=lambda p: p.start)
    if "year's" in text:
        found = _year_before_the_reported(found, text)
    if "(" in text:
        found = _spelled_out(found, text)
    return _consecutive_runs(found, text)


def _fiscal_year_beside(found: list[PeriodMention], m: re.Match[str]) -> str:
    """`152 Mt in FY2024-25, after growth of 13.4% in the previous fiscal year` in an undated post: the fiscal year
    before (or after) the one the sentence names."""
    named = [p for p in found if p.start < m.start() and _NAMED_FY.fullmatch(p.period)]
    step = _STEPS.get(m.group("rel").lower().split()[-1], 0)
    return f"FY{int(named[-1].period[2:]) + step}" if named and step else ""


_NAMED_FY = re.compile(r"FY\d{4}")
_BETWEEN_JUST = ending(r"\bbetween\s+$", re.I)


def _quarter_of_the_year_before(found: list[PeriodMention], m: re.Match[str], value: str) -> str:
    """`$2,650 for the third quarter of 2025 and $2,800 for the fourth`: the year of the quarter written in full."""
    full = [p for p in found if p.start < m.start() and _YEAR_QUARTER.fullmatch(p.period)]
    return f"{max(full, key=lambda p: p.start).period[:4]}-Q{_ORDINAL[m.group('o').lower()]}" if full else value


_YEAR_QUARTER = re.compile(r"\d{4}-Q[1-4]")


# `the first half of the current financial year (April-September 2025)`: the brackets say which months
_BRACKETED = re.compile(r"(?:\s+of\s+(?:the\s+|its\s+)?(?:current\s+)?(?:fiscal|financial)\s+year)?\s*\(", re.I)


def _spelled_out(found: list[PeriodMention], text: str) -> list[PeriodMention]:
    """A period followed by the months it means in brackets is those months; but months without their year (`fiscal
    2024-25 (April–March)`) say only which months a year is, not which year. A year-less period glossed with a dated
    one (`the quarter ended December 31 (Q3 FY25)`) is the dated one."""
    out: list[PeriodMention] = []
    for p in found:
        if out and _BRACKETED.fullmatch(text, out[-1].end, p.start) and text.startswith(")", p.end):
            if _FOUR_DIGITS.search(text, p.start, p.end) or (out[-1].period.startswith("-")
                                                             and not p.period.startswith("-")):
                out[-1] = replace(out[-1], period=p.period)
            elif _quarter_end(out[-1].period) not in (None, _quarter_end(p.period)):
                out[-1] = replace(out[-1], period=p.period)  # `its fiscal third quarter (March-May)`: those months
            else:
                p = replace(p, period=out[-1].period)
        out.append(p)
    return out


_FOUR_DIGITS = re.compile(r"\d{4}")


def _quarter_end(period: str) -> int | None:
    """The month a quarter or half ends in, year or not (`2024-Q3` → 9, `--03/--05` → 5); None for other periods."""
    first, _, last = period.partition("/")
    if not last:
        m = _LAST_MONTH.search(first)
        return None if m is None or m["m"] else int(m["q"]) * 3 if m["q"] else int(m["h"]) * 6
    months = [_MONTH_OF.search(part) for part in (first, last)]
    if months[0] is None or months[1] is None:
        return None
    start, end = int(months[0][1]), int(months[1][1])
    return end if (end - start) % 12 + 1 in (3, 6) else None


_MONTH_OF = re.compile(r"-(\d\d)$")


def _year_before_the_reported(found: list[PeriodMention], text: str) -> list[PeriodMention]:
    """`In 2022, output reached 5.3 Mt, up from the previous year's 5.1 Mt`: the year before the one
    reported on before it (2021), rather than before the post's own year."""
    out: list[PeriodMention] = []
    for p in found:
        reported = [q for q in out if q.use == "period" and re.match(r"\d{4}", q.period)]
        if _PREVIOUS_YEAR.fullmatch(text, p.start, p.end) and reported:
            p = replace(p, period=str(int(reported[-1].period[:4]) - 1))
        if p.period:
            out.append(p)
    return out


_RUN = re.compile(r"\bfor (?:the )?(?P<n>\w+) (?:consecutive|straight) months\b", re.I)


def _consecutive_runs(found: list[PeriodMention], text: str) -> list[PeriodMention]:
    """`Since June 2024, … for seven consecutive months` is the run 2024-06/2024-12."""
    run = _RUN.search(text)
    if not run or run.group("n").lower() not in _COUNT:
        return found
    out = []
    for p in found:
        m = re.fullmatch(r"(\d{4})-(\d\d)", p.period)
        if p.use == "since" and m:
            months = int(m.group(1)) * 12 + int(m.group(2)) - 1 + _COUNT[run.group("n").lower()] - 1
            p = PeriodMention(p.start, p.end, f"{p.period}/{months // 12}-{months % 12 + 1:02d}", "period")
        out.append(p)
    return out


_LAST_MONTH = re.compile(r"(?:(?P<y>\d{4})|-)-(?:(?P<m>\d\d)|Q(?P<q>[1-4])|H(?P<h>[12]))$")


def year_to_date(period: str) -> str | None:
    """From January to the end of `period`: `so far this year` in a report on `--07/--09` is `--01/--09`."""
    m = _LAST_MONTH.search(period.split("/")[-1])
    if m is None:
        return None
    last = int(m["m"]) if m["m"] else int(m["q"]) * 3 if m["q"] else int(m["h"]) * 6
    if m["y"] is None:
        return f"--01/--{last:02d}" if last > 1 else "--01"
    year = int(m["y"])
    return _calendar(year, 1, year, last) if last > 1 else f"{year}-01"


def year_before(period: str) -> str:
    """The same span a year earlier: `2024-Q1` → `2023-Q1`, `FY2023` → `FY2022`; year-less spans stay."""
    return _shifted(period, -1)


def year_after(period: str) -> str:
    """The same span a year later: `2023-Q4` → `2024-Q4`."""
    return _shifted(period, 1)


def in_year(period: str, year: int) -> str:
    """The same span starting in `year`: `2024-01/2024-09` in 2023 → `2023-01/2023-09`."""
    first = _PERIOD_YEAR.search(period)
    return _shifted(period, year - int(first.group(1))) if first else period


_PERIOD_YEAR = re.compile(r"(?<!-)(?<!\d)(\d{4})(?!\d)")  # a year of a period (not `--04`'s month)


def _shifted(period: str, years: int) -> str:
    return _PERIOD_YEAR.sub(lambda m: str(int(m.group(1)) + years), period)


def _named_year(number: str) -> int:
    """`FY25`'s 25 or `FY2025`'s 2025 as the year it names."""
    return int(number) if len(number) == 4 else 2000 + int(number)


def last_month(period: str) -> tuple[int, int] | None:
    """(year, month) a dated month, quarter or half ends in (`2023-Q4` → (2023, 12)); None for other spans."""
    end = period.rsplit("/", 1)[-1]
    m = _ENDING_PERIOD.fullmatch(end)
    if not m:
        return None
    month = int(m.group(2)) if m.group(2) else int(m.group(3)) * 3 if m.group(3) else int(m.group(4)) * 6
    return int(m.group(1)), month


_ENDING_PERIOD = re.compile(r"(\d{4})-(?:(\d\d)|Q([1-4])|H([12]))")
_CONSECUTIVE_YEAR = re.compile(
    r"\b(?P<o>second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth) (?:consecutive|straight) year", re.I
)


def consecutive_years(text: str) -> int | None:
    """`the third consecutive year` → 3: the figure holds for a run of years ending now."""
    m = _CONSECUTIVE_YEAR.search(text)
    order = ["second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"]
    return order.index(m.group("o").lower()) + 2 if m else None
