"""Publication dates: as sources state them, and inferred when a source states none.

Scraped text and many JSONL archives carry no date, yet the extractor needs one to give
"in November" its year. The URL and the first lines of the body often say it. Every rule
here prefers no date to a wrong one: a date must be whole (a year-less dateline borrows
its year only from evidence that agrees with it), real, and not in the future.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from email.utils import parsedate_to_datetime

from metalnomist.models import Block, DateSource
from metalnomist.months import MONTH_WORDS, WEEKDAYS
from metalnomist.text import normalise_space

EARLIEST_YEAR = 1990  # before the web: a "year" this old in a URL or dateline is something else
DATELINE_BLOCKS = 8  # bullets, a byline and a standfirst may come before a wire dateline
CLOSING_BLOCKS = 2  # syndicated copy ends on its publication note, maybe before a credit line
SHORT_LINE = 120  # a date line or byline is short; a long paragraph's date is an event's

_OPENINGS = frozenset(name[:3] for name in (*MONTH_WORDS, *WEEKDAYS))

# Month names are matched capitalised only, so the verb "may" is never a month.
_MONTH = r"(?P<month>" + "|".join(sorted(MONTH_WORDS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<year>(?:19|20)\d\d)(?!\d)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?!\d|[,.]\d)"  # not 1,500 nor 12.5
_WEEKDAY = r"(?:(?:" + "|".join(WEEKDAYS) + r"),?\s+)?"
# How bodies write a day, tried at one position; a year is optional in the first two.
_WRITTEN = (
    re.compile(_WEEKDAY + _MONTH + r"\s+" + _DAY + r"(?:,?\s+" + _YEAR + r")?"),  # June 24, 2025 · Jan 4
    re.compile(_WEEKDAY + _DAY + r"\s+" + _MONTH + r"(?:,?\s+" + _YEAR + r")?"),  # 24 Jun 2025 · 7 June
    re.compile(r"(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?!\d)"),  # 2025-06-24
)
# A wire dateline: an optional place (`TOKYO, `), the date, an optional agency, a dash.
_PLACE = re.compile(r"(?:[A-Z][\w.'’ -]{0,40},\s*)?")
_AFTER_WIRE_DATE = re.compile(r"\s*(?:\([^()]{2,30}\)\s*)?[-–—]")
_COLON_AFTER_DATE = re.compile(r":\s")  # `NEW DELHI, 12 February 2025: India's imports …`, a whole date only
# Where a date may start in a short date line or byline: its start, after a label, after a bar.
_DATE_LINE_STARTS = re.compile(r"(?:Published|Posted|Dated?)(?:\s+on)?\s*:?\s*|[|·•]\s*")
# What may follow a date in a date line: its end, a time, a separator.
_DATE_LINE_END = re.compile(r"\s*(?:$|[|·•,/]|at\b|by\b|\d{1,2}[:.]\d\d)")
# A closing note that says when the story itself was published: `This report by The Canadian
# Press was first published Jan. 16, 2024.`, `Originally published 12 Feb 2023`. Never a
# revision (`Updated …`), nor a report the story cites (`the data, published on …`).
_CLOSING_NOTE = re.compile(
    r"""(?:This\s+(?:report|story|article)\b[^.]{0,60}?\s+was\s+(?:first\s+|originally\s+)?  # This report … was first
        |(?:First|Originally)\s+)                                                   # or First / Originally
        (?i:published|posted)(?:\s+on)?:?\s+""",
    re.X,
)
_ON_WEEKDAY = re.compile(r"\bon\s+(?P<weekday>" + "|".join(WEEKDAYS) + r")\b")
# a month a lead reports, named alone (`in April`), not a day of it (`April 13`, `13 April`) nor a year's (`April 2024`)
_MONTH_ALONE = re.compile(r"(?<!\d )\b(?P<month>" + "|".join(MONTH_WORDS) + r")\b(?!\.?\s*\d)")
# A year as a year: after a word that introduces one ("in 2023", "March 2024"), not "$2000".
_YEAR_MENTION = re.compile(
    r"\b(?:(?i:in|of|since|for|from|to|by|until|through|during|over|and|than|year|early|late|mid|end)"
    r"|Q[1-4]|H[12]|" + "|".join(MONTH_WORDS) + r")\.?[\s-]+((?:19|20)\d\d)(?!\d|,\d)"
)
# A month named with its year, as a period reported on: `May 2023`, `the first five months of 2024`.
_MONTH_COUNTS = {word: n for n, word in enumerate(
    ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven"), start=2)}
_MONTH_OF_YEAR = re.compile(
    r"""(?:\b(?P<month>""" + "|".join(sorted(MONTH_WORDS, key=len, reverse=True)) + r""")\.?,?  # May, Sept.
        |\b(?i:first\s+(?P<count>""" + "|".join(_MONTH_COUNTS) + r""")\s+months\s+(?:of|in)))  # first five months of
        \s+(?P<year>(?:19|20)\d\d)(?!\d)""",
    re.X,
)
# URL dates: /2013/02/05/, 2024-06-07 or 2024_06_07 anywhere; /2024/09/ as path segments only,
# because a dashed year-month is as often a fiscal year (2011-12) as a month.
_URL_DAY = re.compile(
    r"""(?<!\d)(?P<year>(?:19|20)\d\d)   # 2013
        (?P<sep>[/_-])(?P<month>[01]?\d)   # /02
        (?P=sep)(?P<day>[0-3]?\d)(?!\d)    # /05, with the same separator
    """,
    re.VERBOSE,
)
# Date folders of Chinese CMSs: Xinhua's `/20250114/`, China Daily's `/a/202501/14/`, Global Times' `/202407/`
_URL_FOLDER_DAY = re.compile(r"/(?P<year>(?:19|20)\d\d)(?P<month>[01]\d)/?(?P<day>[0-3]\d)/")
# A month named in the path: The New Indian Express' `/2024/Dec/03/`
_URL_NAMED_DAY = re.compile(rf"/(?P<year>(?:19|20)\d\d)/(?P<month>{'|'.join(MONTH_WORDS)})/(?P<day>[0-3]?\d)(?:/|$)",
                            re.I)
_URL_MONTH = re.compile(r"/(?P<year>(?:19|20)\d\d)/(?P<month>[01]?\d)(?:/|$)")
_URL_FOLDER_MONTH = re.compile(r"/(?P<year>(?:19|20)\d\d)(?P<month>[01]\d)/")
_DIGIT_RUN = re.compile(r"(?<!\d)(\d{6}|\d{8})(?!\d)")
_STAMPED_ID = re.compile(r"(?<!\d)((?:19|20)\d{6})\d{3,12}(?!\d)")  # Yonhap's `AEN20240716003200320`: a day, a number


@dataclass(frozen=True)
class Dated:
    """A publication time and what said it."""

    when: datetime
    source: DateSource


def parse_datetime(value: str | None) -> datetime | None:
    """ISO 8601, RFC 822 or `YYYY-MM-DD HH:MM:SS` -> aware datetime; a missing zone means UTC.

    Pages and feeds state dates in all three forms; naive datetimes would break date sorts.
    """
    text = normalise_space(value or "")
    if not text:
        return None
    parsed: datetime | None = None
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        try:
            parsed = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            for layout in ("%A, %B %d, %Y", "%B %d, %Y", "%d %B %Y"):
                try:
                    parsed = datetime.strptime(text, layout)
                    break
                except ValueError:
                    continue
    if parsed is None:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def infer_published(url: str | None, title: str, blocks: Sequence[Block],
                    now: datetime | None = None) -> Dated | None:
    """The date the URL or a dateline states, or None; `now` bounds it (dates ahead are typos or IDs).

    A whole URL date comes first (a CMS writes it), then a dated dateline or a closing
    publication note (`This report … was first published Jan. 16, 2024.`), then a URL digit
    run that the first lines confirm, then a year-less dateline given its year by a URL month
    or by the weekday its lead names, then a URL month.
    """
    latest = (now or datetime.now(UTC)).date() + timedelta(days=1)
    url_day, url_month = _url_dates(url or "", latest)
    if url_day is not None:
        return Dated(_midnight(url_day), "url")
    head = blocks[:DATELINE_BLOCKS]
    line = _dateline(head)
    if line is not None and line.year is not None:
        stated = _real(line.year, line.month, line.day, latest)
        if stated is not None:
            return Dated(_midnight(stated), "dateline")
    closing = _closing_note(blocks[-CLOSING_BLOCKS:], latest)
    if closing is not None:
        return Dated(_midnight(closing), "dateline")
    stamp = _confirmed_stamp(url or "", head, latest)
    if stamp is not None:
        return Dated(_midnight(stamp), "url")
    if line is not None and line.year is None:
        day = _year_for(line, url_month, [title, *(b.text for b in blocks)], latest)
        if day is not None:
            return Dated(_midnight(day), "dateline")
    if url_month is not None:
        return Dated(_midnight(url_month), "url")
    return None


def names_month_only(url: str | None, when: datetime) -> bool:
    """Whether `when` is the first of a month that only a /YYYY/MM/ URL gave: no one stated its day."""
    return _url_dates(url or "", date.max)[1] == when.date()  # a URL with its day gives no month


@dataclass(frozen=True)
class _Dateline:
    month: int
    day: int
    year: int | None
    block: str


def _midnight(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


def _real(year: int, month: int, day: int, latest: date) -> date | None:
    """The day if it exists, is after EARLIEST_YEAR and is not in the future."""
    try:
        found = date(year, month, day)
    except ValueError:
        return None
    return found if EARLIEST_YEAR <= year and found <= latest else None


def _url_dates(url: str, latest: date) -> tuple[date | None, date | None]:
    """(a whole date in the URL, else None; the first day of a /YYYY/MM/ month, else None)."""
    for pattern in (_URL_DAY, _URL_FOLDER_DAY, _URL_NAMED_DAY):
        for match in pattern.finditer(url):
            month = match["month"]
            number = int(month) if month.isdigit() else MONTH_WORDS[month.title()]
            found = _real(int(match["year"]), number, int(match["day"]), latest)
            if found is not None:
                return found, None
    for pattern in (_URL_MONTH, _URL_FOLDER_MONTH):
        for match in pattern.finditer(url):
            found = _real(int(match["year"]), int(match["month"]), 1, latest)
            if found is not None:
                return None, found
    return None, None


def _written_at(text: str, pos: int) -> tuple[re.Match[str], int, int, int | None] | None:
    """A written date starting exactly at `pos`: (match, month, day, year or None)."""
    if not (text[pos:pos + 1].isdigit() or text[pos:pos + 3] in _OPENINGS):
        return None  # every form opens with a digit, a month or a weekday; most text opens otherwise
    for pattern in _WRITTEN:
        match = pattern.match(text, pos)
        if match is None:
            continue
        month = MONTH_WORDS.get(match["month"]) or int(match["month"])
        day = int(match["day"])
        if 1 <= month <= 12 and 1 <= day <= 31:
            return match, month, day, int(match["year"]) if match["year"] else None
    return None


def _dateline(blocks: Iterable[Block]) -> _Dateline | None:
    """The first wire dateline (`TOKYO, March 3 (Reuters) -`) or date line (`Published: 24 Jun 2025`)."""
    for block in blocks:
        text = block.text
        place = _PLACE.match(text)
        for start in (0, place.end()) if place and place.end() else (0,):  # "June 24, " may read as a place
            found = _written_at(text, start)
            if found and (_AFTER_WIRE_DATE.match(text, found[0].end())
                          or (found[3] is not None and _COLON_AFTER_DATE.match(text, found[0].end()))):
                return _Dateline(found[1], found[2], found[3], text)
        if len(text) > SHORT_LINE:
            continue
        for start in [0, *(m.end() for m in _DATE_LINE_STARTS.finditer(text))]:
            found = _written_at(text, start)
            if found and found[3] is not None and _DATE_LINE_END.match(text, found[0].end()):
                return _Dateline(found[1], found[2], found[3], text)
    return None


def _closing_note(blocks: Sequence[Block], latest: date) -> date | None:
    """The whole date a closing publication note gives the story, if a last block is one."""
    for block in blocks:
        note = _CLOSING_NOTE.match(block.text.strip())
        found = _written_at(block.text.strip(), note.end()) if note else None
        if found and found[3] is not None:
            return _real(found[3], found[1], found[2], latest)
    return None


def _years(texts: Iterable[str]) -> set[int]:
    return {int(y) for text in texts for y in _YEAR_MENTION.findall(text)}


def _year_for(line: _Dateline, url_month: date | None, texts: Sequence[str], latest: date) -> date | None:
    """A year-less dateline's day, dated by a URL month near it or by the weekday its lead names."""
    if url_month is not None:
        near = [d for y in range(url_month.year - 1, url_month.year + 2)
                if (d := _real(y, line.month, line.day, latest)) and abs((d - url_month).days) <= 62]
        if near:  # within two months of the path's month, only one year can hold the day
            return near[0]
    past = [y for y in _years(texts) if y <= latest.year]
    return _by_weekday(line, max(past), latest, _latest_month(texts)) if past else None


def _confirmed_stamp(url: str, head: Sequence[Block], latest: date) -> date | None:
    """A URL digit run read as a date (20210413, 102921) that the first lines confirm: they write its month and
    day, or a day of its month up to three days before it (a price report filed the morning after: `052025-…`
    over `assessed … on May 19`), or the lead's `on Friday` is its weekday (`…-20250718-p5mg6x`, a Friday).

    Alone such a run may be an article number; with "Oct. 29" in the lead, 102921 is a date. A longer id may open
    on its day (`AEN20240716003200320` under `SEOUL, July 16 (Yonhap)`).
    """
    runs = [(y, m, d, True) for run in _DIGIT_RUN.findall(url) for y, m, d in _stamp_readings(run)]
    runs += [(int(run[:4]), int(run[4:6]), int(run[6:8]), False) for run in _STAMPED_ID.findall(url)]
    # (the date, whether the run is all of it rather than the opening of a longer id)
    readings = [(found, bare) for y, m, d, bare in runs if (found := _real(y, m, d, latest)) is not None]
    if not readings:
        return None  # most digit runs are article numbers no reading makes a date of
    text = "\n".join(block.text for block in head)
    first = next((block.text for block in head if block.kind == "paragraph"), "")
    lead = _ON_WEEKDAY.search(first)
    reported = [MONTH_WORDS[m["month"]] for m in _MONTH_ALONE.finditer(text)]
    for found, bare in readings:
        names = "|".join(name for name, number in MONTH_WORDS.items() if number == found.month)
        days = "|".join(str(found.day - back) for back in range(4) if found.day - back > 0)
        day = rf"0?(?:{days})(?!\d|[,.]\d)"
        said = WEEKDAYS.index(lead["weekday"]) if lead is not None else None
        # a stamp that opens a longer id (`20240716104512-4-555812`) may be filed the day after (`said on Monday`)
        days_after = (0,) if bare else (0, 1)
        if re.search(rf"\b(?:{names})\.?\s+{day}|(?<!\d){day}(?:st|nd|rd|th)?\s+(?:{names})\b", text) \
                or (said is not None and any((said + after) % 7 == found.weekday() for after in days_after)):
            return found
    for found, bare in readings:
        # a monthly release filed within three months of the month its first lines report (`…-20240516-p5jdwq` over
        # `exports reached 45.2 million tonnes in April`; Statistics Canada's `/250321/` over January's output);
        # not an id that only opens on a date (`AEN20240716003200320` over `Imports fell in June`)
        if bare and any(0 <= (found.month - m) % 12 <= 3 for m in reported):
            return found
    return None


def _stamp_readings(run: str) -> list[tuple[int, int, int]]:
    """(year, month, day) readings of a digit run: YYYYMMDD and MMDDYYYY, or MMDDYY and YYMMDD."""
    n = [int(run[i:i + 2]) for i in range(0, len(run), 2)]
    if len(run) == 8:
        return [(n[0] * 100 + n[1], n[2], n[3]), (n[2] * 100 + n[3], n[0], n[1])]
    return [(2000 + n[2], n[0], n[1]), (2000 + n[0], n[1], n[2])]


def _latest_month(texts: Iterable[str]) -> date | None:
    """The first day of the latest month the text names with its year (`May 2023`, `the first
    five months of 2024` → 2024-05-01), or None."""
    months = [date(int(m["year"]), MONTH_WORDS[m["month"]] if m["month"] else _MONTH_COUNTS[m["count"].lower()], 1)
              for text in texts for m in _MONTH_OF_YEAR.finditer(text)]
    return max(months, default=None)


def _by_weekday(line: _Dateline, last_year: int, latest: date, reported: date | None) -> date | None:
    """Wire copy names the weekday of what it reports ("said on Tuesday"). News is written in the
    latest past year it mentions or the one after; the weekday may pick one of the two.

    Reports often come a day after the event, and a year on, a date falls a weekday later: so
    a pick is kept only when no other year fits with the report a day after the event, or when
    it comes within two months after the latest month the story reports (`June 7`, reporting
    `the first five months of 2024`, is 2024's: a year later that month would be old news).
    """
    named = _ON_WEEKDAY.search(line.block)
    if named is None:
        return None
    weekday = WEEKDAYS.index(named["weekday"])
    days = [d for y in (last_year, last_year + 1) if (d := _real(y, line.month, line.day, latest))]
    same_day = [d for d in days if d.weekday() == weekday]
    day_after = [d for d in days if d.weekday() == (weekday + 1) % 7]
    if len(same_day) != 1:
        return None
    if all(d == same_day[0] for d in day_after) or _soon_after(reported, same_day[0]):
        return same_day[0]
    return None


def _soon_after(month: date | None, day: date) -> bool:
    """Whether `day` falls in the two months after the month starting on `month`."""
    if month is None:
        return False
    following = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return following <= day < following + timedelta(days=62)
