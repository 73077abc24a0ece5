"""Publication dates as sources write them, always returned timezone-aware."""

from __future__ import annotations

from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from metalnomist.text import normalise_space


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
