"""The vocabularies in code equal ../shared/spec/facts.md, and the data tables are well formed."""

from __future__ import annotations

import re

import pytest

from metalnomist.extract import METRICS, VOCABULARIES
from metalnomist.extract.vocab import TriggerTable, countries, read_table
from tests.conftest import shared_file


def _spec_row(field: str) -> str:
    """A row of the spec's field table; in CI a missing ../shared fails instead of skipping."""
    text = shared_file("spec/facts.md").read_text(encoding="utf-8")
    row = next(line for line in text.splitlines() if line.startswith(f"| `{field}` |"))
    return row


def test_metric_vocabulary_equals_spec() -> None:
    listed = re.findall(r"`([a-z_]+)`", _spec_row("metric").split("one of:")[1])
    assert list(METRICS) == listed
    assert VOCABULARIES["metric"] == METRICS


def test_change_basis_vocabulary_covers_spec() -> None:
    listed = re.findall(r"`([a-z]/[a-z])`", _spec_row("change_basis"))
    assert listed == ["y/y", "m/m", "q/q"]
    assert set(listed) <= set(VOCABULARIES["change_basis"])


def test_metric_triggers_name_spec_metrics() -> None:
    assert {row[1] for row in read_table("metrics.tsv")} <= set(METRICS)


@pytest.mark.parametrize(
    "table,columns",
    [
        ("commodities.tsv", 2),
        ("countries.tsv", 2),
        ("organisations.tsv", 3),
        ("units.tsv", 3),
        ("scales.tsv", 2),
        ("currencies.tsv", 2),
        ("currency_homes.tsv", 2),
        ("currency_subunits.tsv", 3),
        ("local_dollars.tsv", 2),
        ("metrics.tsv", 2),
    ],
)
def test_tables_have_their_columns(table: str, columns: int) -> None:
    rows = read_table(table)
    assert rows and all(len(row) >= columns and all(row[:columns]) for row in rows)


def test_commodities_are_lower_case_british() -> None:
    for _alias, canonical in (row[:2] for row in read_table("commodities.tsv")):
        assert canonical == canonical.lower()
        assert "aluminum" not in canonical and "sulfide" not in canonical


def test_yen_is_never_yuan() -> None:
    codes = {row[0]: row[1] for row in read_table("currencies.tsv")}
    assert codes["¥"] == "JPY" and codes["RMB"] == "CNY" and codes["yuan"] == "CNY"


def test_currency_homes_are_countries_as_the_extractor_names_them() -> None:
    """A price's country from its currency must be spelt as a country the text names would be."""
    for _code, home in (row[:2] for row in read_table("currency_homes.tsv")):
        assert [m.canonical for m in countries().find(home)] == [home], home


def test_the_longest_trigger_phrase_wins_whatever_its_row() -> None:
    """`capital expenditure budget` is a company's investment, though the shorter `capital expenditure` row comes
    first and `budget` alone is a state's."""
    table = TriggerTable([["capital expenditure", "investment"], ["capital expenditure budget", "capex-plan"],
                          ["budget", "budget"]])
    assert table.find("cut its capital expenditure budget to $675 million") == [(8, 34, "capex-plan")]
    assert table.find("its capital expenditure rose") == [(4, 23, "investment")]
