"""The suite's own helpers: material from ../shared may be absent on a laptop, never in CI."""

from __future__ import annotations

import pytest

from tests.conftest import SHARED, shared_file


def test_missing_shared_material_fails_in_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="missing in CI"):
        shared_file("no/such/file.txt")


def test_missing_shared_material_skips_elsewhere(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="is not here"):
        shared_file("no/such/file.txt")


def test_present_shared_material_is_its_path() -> None:
    assert shared_file("spec/facts.md") == SHARED / "spec" / "facts.md"
