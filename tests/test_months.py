"""metalnomist.months: month and weekday names live in that one module (issue 14)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from metalnomist.months import MONTH_WORDS, MONTHS, SHORT_MONTHS, WEEKDAYS

PACKAGE = Path(__file__).resolve().parents[1] / "metalnomist"
NAME = re.compile(r"\b(?:" + "|".join((*MONTHS, *SHORT_MONTHS, *WEEKDAYS)) + r")\b")
TABLE = 3  # names in one string that make it a copy of the table, not a mention (`May` the verb)


@pytest.mark.parametrize(("word", "number"), [
    ("January", 1), ("Jan", 1),
    ("May", 5),  # one word for both spellings
    ("September", 9), ("Sept", 9), ("Sep", 9),  # Reuters' `Sept.` beside the three letters
    ("December", 12), ("Dec", 12),
])
def test_month_words(word: str, number: int) -> None:
    assert MONTH_WORDS[word] == number


def test_every_month_has_its_name_and_three_letters() -> None:
    assert len(MONTHS) == 12 and SHORT_MONTHS == ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
                                                  "Oct", "Nov", "Dec")
    assert all(MONTH_WORDS[name] == MONTH_WORDS[short] for name, short in zip(MONTHS, SHORT_MONTHS, strict=True))


def _docstrings(tree: ast.AST) -> set[int]:
    kinds = (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)
    return {id(node.body[0].value) for node in ast.walk(tree) if isinstance(node, kinds) and node.body
            and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}


def test_no_other_module_copies_the_month_or_weekday_names() -> None:
    """A copy of the names in a second module drifts (`Sept` in one reader, not the other)."""
    spelled: list[str] = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name == "months.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        prose = _docstrings(tree)
        spelled += [f"{path.relative_to(PACKAGE)}:{node.lineno} {node.value[:60]!r}" for node in ast.walk(tree)
                    if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in prose
                    and len(set(NAME.findall(node.value))) >= TABLE]
    assert spelled == []
