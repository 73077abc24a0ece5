"""Imports point down only: frameworks stay in their layer (architecture.md)."""

from __future__ import annotations

import ast
import importlib
import inspect
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "metalnomist"

# module prefix -> third-party roots it alone may import
OWNERS = {"click": "metalnomist/cli.py", "fastapi": "metalnomist/web/", "starlette": "metalnomist/web/",
          "sqlalchemy": "metalnomist/store/", "alembic": "metalnomist/store/", "psycopg": "metalnomist/store/",
          "tantivy": "metalnomist/search/", "numpy": "metalnomist/search/semantic.py",
          "onnxruntime": "metalnomist/search/semantic.py", "tokenizers": "metalnomist/search/semantic.py"}
# a layer may not import these higher layers
FORBIDDEN = {
    "metalnomist/models.py": ("metalnomist.ingest", "metalnomist.store", "metalnomist.search", "metalnomist.web"),
    "metalnomist/ingest/": ("metalnomist.store", "metalnomist.search", "metalnomist.web", "metalnomist.cli"),
    "metalnomist/extract/": ("metalnomist.store", "metalnomist.search", "metalnomist.web", "metalnomist.cli"),
    "metalnomist/store/": ("metalnomist.search", "metalnomist.web", "metalnomist.cli", "metalnomist.pipeline"),
    "metalnomist/search/": ("metalnomist.web", "metalnomist.cli", "metalnomist.pipeline"),
    "metalnomist/web/": ("metalnomist.cli",),
}


def imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


MODULES = sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_layers(path: Path) -> None:
    rel = "metalnomist/" + str(path.relative_to(PACKAGE))
    if "/migrations/" in rel:
        return
    for name in imports(path):
        root = name.split(".")[0]
        owner = OWNERS.get(root)
        assert owner is None or rel.startswith(owner), f"{rel} imports {name}; only {owner} may"
        for prefix, banned in FORBIDDEN.items():
            if rel.startswith(prefix):
                assert not name.startswith(banned), f"{rel} imports {name}, a higher layer"


INTERFACES = ("metalnomist/web/", "metalnomist/cli.py")


@pytest.mark.parametrize("path", [p for p in MODULES if ("metalnomist/" + str(p.relative_to(PACKAGE))).startswith(
    INTERFACES)], ids=lambda p: str(p.relative_to(PACKAGE)))
def test_interfaces_call_services_not_the_store(path: Path) -> None:
    """Pages, API, feeds and CLI ask browse, pipeline, search and analysis (README: one function each);
    they may name the store's value types (FactFilter), never call it."""
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("metalnomist.store"):
            module = importlib.import_module(node.module)
            called = [a.name for a in node.names if inspect.isfunction(getattr(module, a.name))]
            assert not called, f"{path.relative_to(PACKAGE)} calls the store's {called}: go through a service"


# The one write to the process environment, and why: prometheus_client finds its folder nowhere else.
ENVIRONMENT_WRITERS = {"metalnomist/web/server.py"}


def _writes_environ(node: ast.AST) -> bool:
    """`os.environ[...] = …`, `del os.environ[...]` or a mutating method call on os.environ."""
    def is_environ(target: ast.AST) -> bool:
        return isinstance(target, ast.Attribute) and target.attr == "environ"

    if isinstance(node, ast.Assign | ast.AugAssign | ast.Delete):
        targets = node.targets if isinstance(node, ast.Assign | ast.Delete) else [node.target]
        return any(isinstance(t, ast.Subscript) and is_environ(t.value) for t in targets)
    return (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and is_environ(node.func.value)
            and node.func.attr in {"setdefault", "update", "pop", "clear", "__setitem__"})


def test_settings_travel_as_values_not_through_the_environment() -> None:
    """Settings are read from the environment once and then passed on (to uvicorn's workers too)."""
    writers = {"metalnomist/" + str(p.relative_to(PACKAGE)) for p in MODULES
               if any(_writes_environ(n) for n in ast.walk(ast.parse(p.read_text())))}
    assert writers <= ENVIRONMENT_WRITERS


def _bound_at_top(tree: ast.Module) -> list[str]:
    """Names a module binds at its top level by assignment, `def` or `class`, once per binding."""
    names: list[str] = []
    for node in tree.body:
        if isinstance(node, ast.Assign):
            names += [target.id for target in node.targets if isinstance(target, ast.Name)]
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None:
            names.append(node.target.id)
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.append(node.name)
    return names


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_binds_a_name_twice(path: Path) -> None:
    """Guards against a second `_CLAUSE_BREAK = …` further down a long module: the code above it, run at call time,
    silently reads the new pattern (it once moved every period and country of the held-out sets)."""
    names = _bound_at_top(ast.parse(path.read_text()))
    assert sorted({name for name in names if names.count(name) > 1}) == []
