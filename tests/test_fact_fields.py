"""A fact's fields are declared once, by models.Fact; each place that lists them agrees (issue 14)."""

from __future__ import annotations

from dataclasses import fields

from metalnomist.extract.export import CSV_FIELDS
from metalnomist.models import FACT_FIELDS, FACT_FILTERS, FACT_IDS, FACT_SPEC_FIELDS
from metalnomist.store.facts import STORED, FactFilter
from metalnomist.store.schema import facts
from metalnomist.web.api import FactList


def test_the_facts_table_has_a_column_for_every_stored_field() -> None:
    """`series_key` is the store's own index of a dated figure, not something reported."""
    assert {c.name for c in facts.columns} == {*STORED, *FACT_IDS, "series_key"}


def test_the_exchange_format_carries_every_reported_field() -> None:
    assert set(FACT_SPEC_FIELDS) <= set(FACT_FIELDS)
    assert set(CSV_FIELDS) == set(FACT_FIELDS) - set(FACT_IDS)


def test_the_explorers_filters_are_fields_of_a_fact_and_of_the_filter() -> None:
    assert set(FACT_FILTERS) <= set(FACT_FIELDS)
    assert set(FACT_FILTERS) <= {f.name for f in fields(FactFilter)}


def test_the_api_returns_every_field_of_a_fact() -> None:
    schema = FactList.model_json_schema()
    assert set(schema["$defs"]["Fact"]["properties"]) == set(FACT_FIELDS)
