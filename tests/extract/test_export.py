"""The exchange format: field order, extras only when set, lossless JSONL and CSV round trips."""

from __future__ import annotations

import csv
import io
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from metalnomist.extract import VOCABULARIES
from metalnomist.extract.export import (
    CSV_FIELDS,
    SPEC_FIELDS,
    csv_pieces,
    fact_from_dict,
    fact_to_dict,
    read_csv,
    read_jsonl,
    write_csv,
    write_jsonl,
)
from metalnomist.models import Fact

numbers = st.one_of(
    st.none(), st.floats(allow_nan=False, allow_infinity=False, width=64, min_value=-1e15, max_value=1e15)
)
text = st.text(min_size=0, max_size=30)
maybe_text = st.one_of(st.none(), st.text(min_size=1, max_size=20))
unit_text = st.one_of(st.none(), st.sampled_from(["t", "t/yr", "units", "%", "USD", "JPY/t", "GWh"]))
facts = st.builds(
    Fact,
    post=text,
    sentence=text,
    metric=st.sampled_from(VOCABULARIES["metric"]),
    value=numbers,
    value_max=numbers,
    unit=unit_text,
    change_pct=numbers,
    change_basis=st.one_of(st.none(), st.sampled_from(VOCABULARIES["change_basis"])),
    commodity=maybe_text,
    country=maybe_text,
    partner=maybe_text,
    company=maybe_text,
    period=maybe_text,
    forecast=st.booleans(),
    source=maybe_text,
    change_pp=numbers,
    bound=st.one_of(st.none(), st.sampled_from(["over", "about", "up_to", "under", "at_least"])),
    sentence_start=st.one_of(st.none(), st.integers(min_value=0, max_value=10**6)),
)


@given(facts)
def test_dict_round_trip(fact: Fact) -> None:
    assert fact_from_dict(fact_to_dict(fact)) == fact


@given(st.lists(facts, max_size=5))
def test_jsonl_round_trip(items: list[Fact]) -> None:
    stream = io.StringIO()
    assert write_jsonl(items, stream) == len(items)
    stream.seek(0)
    assert read_jsonl(stream) == items


csv_text = st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1, max_size=20)
csv_facts = facts.map(lambda f: f).flatmap(
    lambda f: st.builds(
        lambda post, sentence, commodity: Fact(
            **{
                **f.__dict__,
                "post": post,
                "sentence": sentence,
                "commodity": commodity,
                "unit": f.unit or None,
                "country": None,
                "partner": None,
                "company": None,
                "period": None,
                "source": None,
            }
        ),
        csv_text,
        csv_text,
        st.one_of(st.none(), csv_text),
    )
)


@given(st.lists(csv_facts, max_size=5))
def test_csv_round_trip(items: list[Fact]) -> None:
    """CSV has no null apart from the empty cell, so text fields here are never empty."""
    stream = io.StringIO()
    write_csv(items, stream)
    stream.seek(0)
    back = read_csv(stream)
    assert [fact_to_dict(f) for f in back] == [json.loads(json.dumps(fact_to_dict(f))) for f in items]


def test_spec_fields_in_order_and_extras_only_when_set() -> None:
    fact = Fact(post="P", sentence="S.", metric="imports", value=8100000.0, unit="t", forecast=False)
    data = fact_to_dict(fact)
    assert tuple(data) == SPEC_FIELDS
    assert data["value"] == 8100000 and isinstance(data["value"], int)  # integral values as integers
    with_extras = fact_to_dict(
        Fact(post="P", sentence="S.", metric="sales", change_pp=-0.7, bound="over", sentence_start=12)
    )
    assert tuple(with_extras) == SPEC_FIELDS + ("change_pp", "bound", "sentence_start")


def test_csv_header_and_nulls() -> None:
    stream = io.StringIO()
    write_csv([Fact(post="P", sentence="S, with a comma.", metric="price", value=102.2, unit="USD/t")], stream)
    header, row = stream.getvalue().splitlines()
    assert header.split(",") == list(CSV_FIELDS)
    assert '"S, with a comma."' in row and ",false," in row


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r", "'"])
def test_csv_cells_a_spreadsheet_would_run_get_a_leading_quote(start: str) -> None:
    """OWASP CSV injection: `-5% y/y` or `=HYPERLINK(...)` must not run as a formula; reading undoes it."""
    fact = Fact(post=f"{start}P", sentence=f"{start}1+1 rose.", metric="price", value=-5.0, unit="USD/t")
    stream = io.StringIO()
    write_csv([fact], stream)
    row = next(csv.DictReader(io.StringIO(stream.getvalue())))
    assert (row["post"], row["sentence"], row["value"]) == (f"'{start}P", f"'{start}1+1 rose.", "-5")
    stream.seek(0)
    assert read_csv(stream) == [fact]


def test_csv_keeps_line_breaks_inside_a_cell() -> None:
    facts = [Fact(post="P", sentence=f"Output rose.{brk}Sales fell.", metric="sales") for brk in ("\r", "\n", "\r\n")]
    stream = io.StringIO()
    write_csv(facts, stream)
    stream.seek(0)
    assert read_csv(stream) == facts


@pytest.mark.parametrize("count", [0, 1, 2, 3, 5])
def test_csv_pieces_join_to_what_write_csv_writes(count: int) -> None:
    facts = [Fact(post="P", sentence=f"Sentence {n}.", metric="sales", value=float(n)) for n in range(count)]
    whole = io.StringIO()
    write_csv(facts, whole)
    pieces = list(csv_pieces(facts, rows=2))
    assert "".join(pieces) == whole.getvalue()
    assert len(pieces) == count // 2 + 1  # one piece per two rows, then the rest


def test_jsonl_keeps_text_as_written_and_skips_blank_lines() -> None:
    fact = Fact(post="Café", sentence="Prices hit ¥3.9 trillion.", metric="price", value=3.9e12, unit="JPY")
    stream = io.StringIO()
    write_jsonl([fact], stream)
    assert "¥3.9 trillion" in stream.getvalue() and "Café" in stream.getvalue()
    assert read_jsonl(io.StringIO("\n" + stream.getvalue() + "\n  \n")) == [fact]
