"""Docs and docstrings name only files that are there, and bench/README.md lists every benchmark (issue 14)."""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "metalnomist"
DOCS = [REPO / "README.md", REPO / "bench" / "README.md", *sorted((REPO / "docs").glob("*.md"))]
# a file name with its folders, not part of a longer dotted name or URL
NAMED = re.compile(r"(?<![\w/.:<-])((?:\.\./)*(?:[\w-]+/)*[\w-]+\.(?:py|md|tsv|toml|lock))\b")
MODULE = re.compile(r"(?<![\w/.:<-])((?:[\w-]+/)*[\w-]+\.py)\b")
OUTPUTS = ("results/",)  # what a benchmark writes, named before it has run


def _missing(text: str, beside: Path, named: re.Pattern[str] = NAMED) -> list[str]:
    bases = (beside, PACKAGE, REPO)
    return sorted({name for name in named.findall(text)
                   if not name.startswith(OUTPUTS) and not any((base / name).is_file() for base in bases)})


def test_the_package_names_only_files_that_exist() -> None:
    stale = {str(path.relative_to(REPO)): missing for path in sorted(PACKAGE.rglob("*.py"))
             if (missing := _missing(path.read_text(encoding="utf-8"), path.parent, MODULE))}
    assert stale == {}


def test_the_docs_name_only_files_that_exist() -> None:
    stale = {str(path.relative_to(REPO)): missing for path in DOCS
             if (missing := _missing(path.read_text(encoding="utf-8"), path.parent))}
    assert stale == {}


def test_bench_readme_lists_every_script_and_only_those() -> None:
    table = re.findall(r"^\| `bench/([\w-]+\.py)`", (REPO / "bench" / "README.md").read_text(encoding="utf-8"),
                       re.MULTILINE)
    assert sorted(table) == sorted(p.name for p in (REPO / "bench").glob("*.py"))


def test_readme_names_every_part_of_the_package() -> None:
    """"How it fits together" is the map a newcomer reads first: each module and folder of the package is on it."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## How it fits together", 1)[1].split("\n#", 1)[0]
    parts = [p.name for p in PACKAGE.iterdir() if not p.name.startswith("__") and p.name != "samples"
             and (p.suffix == ".py" or (p / "__init__.py").exists())]
    assert [name for name in sorted(parts) if f"{name}/`" not in section and f"{name}`" not in section] == []
