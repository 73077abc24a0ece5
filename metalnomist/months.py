"""Month and weekday names in English, named once for the date readers, the extractor, the site and the charts."""

from __future__ import annotations

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
SHORT_MONTHS = tuple(name[:3] for name in MONTHS)  # `Jan` … `Dec`, as chart ticks and datelines write them
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# Every way articles write a month, with its number: the full name, `Sept`, the three letters.
MONTH_WORDS: dict[str, int] = {
    word: number
    for number, name in enumerate(MONTHS, start=1)
    for word in (name, *(("Sept",) if name == "September" else ()), name[:3])
}
