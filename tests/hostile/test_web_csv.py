"""CSV downloads (issue 8, item 15): no cell a spreadsheet would run as a formula; numbers stay numbers."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from metalnomist.cli import cli
from metalnomist.extract.export import read_csv, write_csv
from metalnomist.models import Block, Fact, Post
from metalnomist.store.facts import replace_facts
from metalnomist.store.upsert import upsert_posts
from tests.web.conftest import Site, open_site

TITLE = "=cmd|' /C calc'!A0"
FORMULA = Fact(post=TITLE, sentence='=HYPERLINK("http://evil.example","click")', metric="imports", value=-3.5,
               change_pct=-12.0, unit="t", commodity="+copper", country="-2+3", company="@SUM(1+1)",
               period="\t2024", source="\r=1", partner="'quoted")
TEXT_COLUMNS = ("post", "sentence", "commodity", "country", "company", "period", "source", "partner")


@pytest.fixture
def site(tmp_path: Path) -> Iterator[Site]:
    yield from open_site(tmp_path)


def store_fact(site: Site) -> int:
    post = Post(title=TITLE, blocks=(Block("paragraph", FORMULA.sentence),), url="https://example.com/formula")
    with site.archive.store.transaction() as conn:
        ((post_id, _),) = upsert_posts(conn, [post])
        replace_facts(conn, {post_id: [FORMULA]})
    return int(post_id)


def formula_row(text: str) -> dict[str, str]:
    return next(row for row in csv.DictReader(io.StringIO(text)) if row["post"].endswith(TITLE))


def assert_neutralised(row: dict[str, str]) -> None:
    for column in TEXT_COLUMNS:
        assert row[column] == "'" + getattr(FORMULA, column), column
    assert (float(row["value"]), float(row["change_pct"])) == (-3.5, -12.0)  # a negative number is a number
    assert row["unit"] == "t"


def test_data_csv_neutralises_formulas(site: Site) -> None:
    response = site.client.get("/data.csv", params={"post_id": store_fact(site)})
    assert response.status_code == 200
    assert_neutralised(formula_row(response.text))


def test_cli_facts_csv_neutralises_formulas(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    store_fact(site)
    monkeypatch.setenv("METALNOMIST_INDEX_DIR", site.settings.index_dir)
    result = CliRunner().invoke(cli, ["--db", site.settings.db, "facts", "--format", "csv"], catch_exceptions=False)
    assert result.exit_code == 0
    assert_neutralised(formula_row(result.stdout))


def test_reading_the_csv_back_gives_the_same_facts() -> None:
    stream = io.StringIO()
    write_csv([FORMULA], stream)
    stream.seek(0)
    assert read_csv(stream) == [FORMULA]
