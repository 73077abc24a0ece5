"""docs/facts.md describes what the export writes: its fields, vocabularies, pointers and example."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from metalnomist.cli import cli
from metalnomist.extract import METRICS
from metalnomist.extract.export import CSV_FIELDS
from tests.conftest import SEED

REPO = Path(__file__).resolve().parents[1]
DOC = REPO / "docs" / "facts.md"


def _documented_fields() -> list[str]:
    text = DOC.read_text(encoding="utf-8")
    tables = text[text.index("## The fields"):text.index("### Units")]
    return re.findall(r"^\| `([a-z_]+)` \|", tables, re.MULTILINE)


def test_every_exported_field_is_documented_in_export_order() -> None:
    assert _documented_fields() == list(CSV_FIELDS)


def test_the_metric_vocabulary_is_the_code_s() -> None:
    row = next(line for line in DOC.read_text(encoding="utf-8").splitlines() if line.startswith("| `metric` |"))
    assert re.findall(r"`([a-z_]+)`", row.split("what is measured:")[1]) == list(METRICS)


def test_readme_and_facts_help_point_to_the_doc() -> None:
    assert "docs/facts.md" in (REPO / "README.md").read_text(encoding="utf-8")
    help_text = CliRunner().invoke(cli, ["facts", "--help"]).output
    assert "docs/facts.md" in help_text


def test_the_example_is_what_the_command_prints(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("METALNOMIST_INDEX_DIR", str(tmp_path / "index"))
    text = DOC.read_text(encoding="utf-8")
    command, printed = re.search(r"\$ metalnomist (.+) \| head -1\n(.+)\n", text).groups()  # type: ignore[union-attr]
    db = ["--db", f"sqlite:///{tmp_path}/doc.db"]
    assert CliRunner().invoke(cli, [*db, "ingest", str(SEED)]).exit_code == 0
    args = [a.strip('"') for a in re.findall(r'"[^"]*"|\S+', command)]
    result = CliRunner().invoke(cli, [*db, *args])
    assert result.exit_code == 0 and result.stdout.splitlines()[0] == printed
