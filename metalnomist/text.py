"""Shared text primitives: quote and apostrophe folding, plain numbers, slugs, sentence splitting."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

_APOSTROPHES = "\u2019\u2018\u02bc\u02b9\u0060\u00b4\u2032\uff07"
_FOLDS = tuple((c, "'") for c in _APOSTROPHES) + (("\u201c", '"'), ("\u201d", '"'), ("\u201e", '"'))


def fold_quotes(text: str) -> str:
    """Curly quotes and look-alike apostrophes become their ASCII forms.

    One `replace` per character present: `str.translate` with a mapping looks up every
    character of the text in Python, and this runs on every sentence extracted."""
    for curly, plain in _FOLDS:
        if curly in text:
            text = text.replace(curly, plain)
    return text


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def normalise_space(text: str) -> str:
    """No-break and other Unicode spaces (and zero-width ones) become plain spaces; runs collapse.

    `str.split` splits on what a regex's `\\s` matches, several times faster than `re.sub`: every
    title, label and paragraph of an ingest passes here, a third of a big import's reading."""
    if "\u200b" in text:
        text = text.replace("\u200b", " ")
    return " ".join(text.split())


def plain_number(text: str, maximum: int) -> int | None:
    """`text` as a whole number when it is only ASCII digits and at most `maximum`; else None.

    For numbers in untrusted text (tokens, cookies, feeds): `str.isdigit` also takes `²`, which `int`
    refuses, and `int` refuses more than 4,300 digits, both with a ValueError no caller expects."""
    if not (text.isascii() and text.isdigit()) or len(text.lstrip("0")) > len(str(maximum)):
        return None
    number = int(text)
    return number if number <= maximum else None


def slugify(title: str, max_length: int = 80) -> str:
    """Blogger-like slug: lower-case ASCII words joined by hyphens."""
    ascii_text = title if title.isascii() else strip_accents(fold_quotes(title)).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower().replace("'", ""))
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > max_length:
            break
        slug = candidate
    return slug or "post"


_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof inc ltd co corp st vs etc e.g i.e no jan feb mar apr jun jul aug sep sept oct nov dec"
    " approx est fig u.s u.k u.n e.u rs".split()  # `Rs. 500 crore`: rupees
)
# A stop, then space and a capital; or a stop glued to the next sentence by scraping (`Salar de Atacama.Global
# demand`), after a lower-case word and before a capitalised one, which neither `U.S.` nor a web address is.
_BOUNDARY = re.compile(
    r"(?:[.!?][\"”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9$¥€£₹])|(?<=[a-z]{3})[.!?](?=[A-Z][a-z]+\s))(?P<bullet>)?"
)
_MILLION_TONNES_END = re.compile(r"\d\s*Mt\.$")
# A bullet starts a sentence, on its own line or not; only text with bullets pays for the check.
# A dash bullet whose line was joined by whitespace folding follows the end of the line before it.
_BULLETED = re.compile(r"\n[•▪●*–-]\s|[•▪●]|[.!?:]\s+[–-]\s+[A-Z]")
# A dash list folded into one line (`- Copper: $4.15/lb - Aluminium: $1.14/lb`), opening the text or after a
# stop or colon: each later spaced dash of its kind before a capital starts an item too.
_DASH_LIST = re.compile(r"(?:^|[.!?:]\s+)([–-])\s+[A-Z]")


@lru_cache(maxsize=4)
def _bullet_boundary(dash: str) -> re.Pattern[str]:
    """Sentence ends, and the starts of bullets: with `dash`, also that dash of a folded list before a capital."""
    folded = rf"|\s+(?={re.escape(dash)}\s+[A-Z])" if dash else ""
    return re.compile(
        _BOUNDARY.pattern.replace("(?P<bullet>)?", "")
        + rf"|(?P<bullet>\s*\n(?=[•▪●*–-]\s)|\s+(?=[•▪●]\s)|(?<=[.!?:])\s+(?=[–-]\s+[A-Z]){folded})"
    )


_CAPITAL = re.compile(r"[A-Z]")
_DOTTED = re.compile(r"[./]")


def split_sentences(text: str) -> Iterator[tuple[int, str]]:
    """Yield (offset, sentence) pairs; abbreviations such as `U.S.` and `Inc.` do not end one."""
    start = 0
    folded = _DASH_LIST.search(text)
    boundary = _BOUNDARY  # only text with bullets pays for their checks
    if folded or _BULLETED.search(text):
        boundary = _bullet_boundary(folded.group(1) if folded else "")
    for match in boundary.finditer(text):
        before = text[start : match.start() + 1]
        written = before.rsplit(None, 1)[-1].rstrip(".") if before.strip() else ""
        last_word = written.lower()
        if not match.group("bullet") and (last_word in _ABBREVIATIONS or _CAPITAL.fullmatch(written)):
            continue
        if written == "Mt" and not _MILLION_TONNES_END.search(before):
            continue  # `its Mt. Holly smelter`: Mount; `output of 1.5 Mt.` ends a sentence
        if not match.group().strip(".!?") and _DOTTED.search(written):
            continue  # `www.Kitco.Com`: an address, not two sentences glued
        sentence = text[start : match.end()].rstrip()
        if sentence:
            yield start, sentence
        start = match.end()
    tail = text[start:].rstrip()
    if tail.strip():
        yield start, tail
