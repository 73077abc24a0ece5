"""`metalnomist --help` stays fast: importing the CLI loads no database, web or ingest stack."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from metalnomist.cli import INGEST_FORMATS
from metalnomist.ingest import FORMATS

HEAVY = ("sqlalchemy", "alembic", "fastapi", "starlette", "uvicorn", "tantivy", "trafilatura", "lxml",
         "metalnomist.pipeline", "metalnomist.store", "metalnomist.search", "metalnomist.ingest",
         "metalnomist.extract", "metalnomist.web")


def test_importing_the_cli_loads_nothing_heavy() -> None:
    """In a fresh interpreter, because this test process has imported everything already."""
    script = "import json, sys, metalnomist.cli; print(json.dumps(sorted(sys.modules)))"
    loaded = json.loads(subprocess.run([sys.executable, "-c", script], check=True, capture_output=True,
                                       text=True).stdout)
    assert [m for m in loaded if m.startswith(HEAVY)] == []


def test_the_cli_offers_every_ingest_format() -> None:
    assert INGEST_FORMATS == FORMATS


def modules_a_search_loads(folder: Path) -> list[str]:
    """Every module a fresh interpreter has loaded after `metalnomist search` over the archive in `folder`."""
    script = f"""
import json, sys
from click.testing import CliRunner
from metalnomist.cli import cli
result = CliRunner().invoke(cli, ["--db", "sqlite:///{folder}/s.db", "search", "zinc"], catch_exceptions=False)
assert result.exit_code == 0, result.output
print(json.dumps(sorted(sys.modules)))
"""
    env = {**os.environ, "METALNOMIST_INDEX_DIR": str(folder / "index")}
    output = subprocess.run([sys.executable, "-c", script], check=True, capture_output=True, text=True, env=env)
    return list(json.loads(output.stdout.splitlines()[-1]))


def test_a_search_loads_no_ingest_reader(tmp_path: Path) -> None:
    """Opening an archive to search needs the store and the index, not the readers or the facts grammar."""
    loaded = modules_a_search_loads(tmp_path)
    heavy = ("trafilatura", "metalnomist.ingest", "metalnomist.extract", "fastapi")
    assert [m for m in loaded if m.startswith(heavy)] == []


def test_opening_an_up_to_date_archive_loads_no_migration_tool(tmp_path: Path) -> None:
    """Alembic costs half a second of every command; it loads only when a migration is due."""
    from metalnomist.store import Store

    Store.open(f"sqlite:///{tmp_path}/s.db").close()
    assert [m for m in modules_a_search_loads(tmp_path) if m.startswith("alembic")] == []
