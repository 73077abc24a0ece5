"""The JSON Lines and CSV export of facts, in the field order ../shared/spec/facts.md fixes.

`fact_from_dict(fact_to_dict(f)) == f` for every fact (ids aside, which the export does
not carry): the property tests hold the two to that.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from typing import IO, Any

from metalnomist.extract.numbers import json_number
from metalnomist.models import FACT_FIELDS, FACT_IDS, FACT_SPEC_FIELDS, Fact

SPEC_FIELDS = FACT_SPEC_FIELDS
EXTRA_FIELDS: tuple[str, ...] = tuple(n for n in FACT_FIELDS if n not in SPEC_FIELDS and n not in FACT_IDS)
CSV_FIELDS: tuple[str, ...] = SPEC_FIELDS + EXTRA_FIELDS
_NUMBERS = frozenset({"value", "value_max", "change_pct", "change_pp"})
# A spreadsheet runs a cell starting with one of these as a formula (OWASP "CSV injection").
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_TEXT_CSV_FIELDS = frozenset(CSV_FIELDS) - _NUMBERS - {"sentence_start", "forecast"}


def fact_to_dict(fact: Fact) -> dict[str, Any]:
    """The 15 spec fields in spec order, then the extras that are set."""
    out: dict[str, Any] = {}
    for name in SPEC_FIELDS:
        value = getattr(fact, name)
        out[name] = json_number(value) if name in _NUMBERS else value
    for name in EXTRA_FIELDS:
        value = getattr(fact, name)
        if value is not None:
            out[name] = json_number(value) if name in _NUMBERS else value
    return out


def fact_from_dict(data: dict[str, Any]) -> Fact:
    """Inverse of `fact_to_dict`; unknown keys are ignored, as the spec allows extra fields."""
    fields: dict[str, Any] = {}
    for name in CSV_FIELDS:
        if name not in data:
            continue
        value = data[name]
        if name in _NUMBERS and value is not None:
            value = float(value)
        elif name == "sentence_start" and value is not None:
            value = int(value)
        elif name == "forecast":
            value = bool(value)
        fields[name] = value
    return Fact(**fields)


def write_jsonl(facts: Iterable[Fact], stream: IO[str]) -> int:
    count = 0
    for fact in facts:
        stream.write(json.dumps(fact_to_dict(fact), ensure_ascii=False) + "\n")
        count += 1
    return count


def read_jsonl(stream: IO[str]) -> list[Fact]:
    return [fact_from_dict(json.loads(line)) for line in stream if line.strip()]


def write_csv(facts: Iterable[Fact], stream: IO[str]) -> int:
    """One row per fact with every column; empty cells for nulls, `true`/`false` for forecast."""
    writer = _csv_writer(stream)
    writer.writeheader()
    count = 0
    for fact in facts:
        writer.writerow(_csv_row(fact))
        count += 1
    return count


def csv_pieces(facts: Iterable[Fact], rows: int = 500) -> Iterator[str]:
    """write_csv's text a few hundred rows at a time: what a download streams as it reads the facts."""
    buffer = io.StringIO()
    writer = _csv_writer(buffer)
    writer.writeheader()
    for count, fact in enumerate(facts, 1):
        writer.writerow(_csv_row(fact))
        if count % rows == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def _csv_writer(stream: IO[str]) -> csv.DictWriter[str]:
    # RFC 4180's CRLF rows: with a bare "\n" terminator the writer leaves a cell holding "\r" unquoted,
    # and readers then split the row there.
    return csv.DictWriter(stream, fieldnames=list(CSV_FIELDS), lineterminator="\r\n")


def _csv_row(fact: Fact) -> dict[str, Any]:
    row = fact_to_dict(fact)
    row["forecast"] = "true" if fact.forecast else "false"
    return {k: ("" if row.get(k) is None else _cell(k, row[k])) for k in CSV_FIELDS}


def _cell(name: str, value: Any) -> Any:
    """Text that a spreadsheet would run as a formula gets OWASP's leading quote; numbers stay numbers.

    Text already starting with a quote gets one more, so `read_csv` can always take one off.
    """
    if name in _TEXT_CSV_FIELDS and isinstance(value, str) and value.startswith((*_FORMULA_STARTS, "'")):
        return "'" + value
    return value


def _uncell(name: str, value: str) -> str:
    return value[1:] if name in _TEXT_CSV_FIELDS and value.startswith("'") else value


def read_csv(stream: IO[str]) -> list[Fact]:
    """Inverse of `write_csv` (empty cells read as null)."""
    facts = []
    for row in csv.DictReader(stream):
        data: dict[str, Any] = {k: (_uncell(k, v) if v != "" else None) for k, v in row.items()}
        data["forecast"] = row.get("forecast") == "true"
        facts.append(fact_from_dict(data))
    return facts
