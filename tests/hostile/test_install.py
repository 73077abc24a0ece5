"""A plain install must run, and the lock file must pin what pyproject.toml asks for (issue 8, item 17)."""

from __future__ import annotations

import ast
import tomllib
from importlib.metadata import PackageNotFoundError, packages_distributions, requires
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

REPO = Path(__file__).resolve().parents[2]
PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]


def declared() -> list[Requirement]:
    """Runtime dependencies and every extra's, without the project's references to itself."""
    groups = [PYPROJECT["dependencies"], *PYPROJECT["optional-dependencies"].values()]
    found = [Requirement(line) for group in groups for line in group]
    return [req for req in found if canonicalize_name(req.name) != "metalnomist"]


def locked() -> dict[str, str]:
    pins: dict[str, str] = {}
    for line in (REPO / "requirements.lock").read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, version = line.partition("==")
            assert version, f"requirements.lock: {line!r} is not pinned with =="
            pins[canonicalize_name(name)] = version.strip()
    return pins


def test_every_dependency_is_pinned_in_the_lock_within_its_range() -> None:
    pins = locked()
    for req in declared():
        name = canonicalize_name(req.name)
        assert name in pins, f"{req.name} is in pyproject.toml but not pinned in requirements.lock (run make lock)"
        assert req.specifier.contains(pins[name], prereleases=True), \
            f"requirements.lock pins {req.name}=={pins[name]}, outside pyproject's {req.specifier}"


def test_the_lock_pins_everything_its_packages_need() -> None:
    """Constraints only bind what they name: a dependency missing from the lock would float.

    Checked for what is installed here, whose metadata says what it needs."""
    pins = locked()
    for name in pins:
        try:
            needs = requires(name) or []
        except PackageNotFoundError:  # an extra this venv did not install (make mutants, make bench)
            continue
        for line in needs:
            req = Requirement(line)
            if req.marker is None or req.marker.evaluate({"extra": ""}):
                assert canonicalize_name(req.name) in pins, f"{name} needs {req.name}, which requirements.lock lacks"


def _closure(names: set[str], exact_extras: bool) -> set[str]:
    """Distributions installed for `names`, matching extras as pip does, or only letter for letter as older pips.

    jusText asks for `lxml[html_clean]` while lxml names the extra `html-clean`: only a pip
    that normalises extra names (PEP 685) then installs lxml_html_clean.
    """
    seen: set[str] = set()
    todo = [(canonicalize_name(n), frozenset[str]()) for n in names]
    while todo:
        name, extras = todo.pop()
        if name in seen and not extras:
            continue
        seen.add(name)
        try:
            lines = requires(name) or []
        except PackageNotFoundError:
            continue
        for line in lines:
            req = Requirement(line)
            marker = str(req.marker) if req.marker else ""
            wanted = not marker or req.marker is not None and req.marker.evaluate({"extra": ""})
            for extra in extras:
                if exact_extras:
                    wanted = wanted or f'extra == "{extra}"' in marker
                else:
                    wanted = wanted or (req.marker is not None and req.marker.evaluate({"extra": extra}))
            if wanted:
                todo.append((canonicalize_name(req.name), frozenset(req.extras)))
    return seen


def test_a_plain_install_gets_what_the_command_imports_even_with_an_older_pip() -> None:
    runtime = {Requirement(line).name for line in PYPROJECT["dependencies"]}
    missed = _closure(runtime, exact_extras=False) - _closure(runtime, exact_extras=True)
    assert not missed, f"declare {sorted(missed)} in pyproject.toml: older pips do not install them"


# Runtime dependencies the package needs without importing them itself, and why.
NOT_IMPORTED = {
    "python-multipart": "FastAPI reads the comment form through it",
    "lxml-html-clean": "jusText (through trafilatura) imports it",
    "httptools": "uvicorn parses HTTP with it when it is installed",
    "uvloop": "uvicorn runs its event loop on it when it is installed",
}


def _imported_roots() -> set[str]:
    found: set[str] = set()
    for path in (REPO / "metalnomist").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                found.add(node.module.split(".")[0])
    return found


def test_every_runtime_dependency_is_imported_by_the_package() -> None:
    """A dependency only the tests use belongs in the `test` extra, not on every user's machine."""
    modules: dict[str, set[str]] = {}
    for module, names in packages_distributions().items():
        for name in names:
            modules.setdefault(canonicalize_name(name), set()).add(module)
    imported = _imported_roots()
    for line in PYPROJECT["dependencies"]:
        name = canonicalize_name(Requirement(line).name)
        assert name in NOT_IMPORTED or modules.get(name, set()) & imported, \
            f"{name} is a runtime dependency that metalnomist never imports: move it to an extra or drop it"
