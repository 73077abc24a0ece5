"""The shape of a case table: `Case(text, facts=[F(...)])`, one row per phenomenon.

A row states only the fields it is about; `published=None` is an undated post (as scraped
text is), `paragraphs` gives a post several paragraphs, `title` a headline to read.
`known_miss(...)` marks a row the extractor gets wrong today, as a strict xfail, so that a
fix is noticed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import pytest

from metalnomist.extract import extract_facts
from metalnomist.models import Block, Fact, Post

DATED = datetime(2024, 6, 15, tzinfo=UTC)


def F(**fields: Any) -> dict[str, Any]:
    """The fields a row expects of one fact."""
    return fields


@dataclass(frozen=True)
class Case:
    text: str | tuple[str, ...]
    facts: list[dict[str, Any]] = field(default_factory=list)
    title: str = "Market report"
    published: datetime | None = DATED
    created: datetime | None = None  # when an undated post was stored: it is from before then

    @property
    def paragraphs(self) -> tuple[str, ...]:
        return (self.text,) if isinstance(self.text, str) else self.text

    def post(self) -> Post:
        return Post(
            title=self.title,
            blocks=tuple(Block("paragraph", p) for p in self.paragraphs),
            published=self.published,
            created=self.created,
        )


def known_miss(case: Case, why: str) -> Any:
    return pytest.param(case, marks=pytest.mark.xfail(strict=True, reason=why))


def row_id(case: Case) -> str:
    return case.paragraphs[-1][:60]


def problems(fact: Fact, expected: dict[str, Any]) -> list[str]:
    out = []
    for name, want in expected.items():
        got = getattr(fact, name)
        if isinstance(want, float | int) and not isinstance(want, bool) and got is not None:
            if abs(float(got) - float(want)) > 1e-6 * max(1.0, abs(float(want))):
                out.append(f"{name}: {got!r} != {want!r}")
        elif got != want:
            out.append(f"{name}: {got!r} != {want!r}")
    return out


def check(case: Case) -> None:
    """The post's facts, in order, have exactly the rows' fields."""
    facts = extract_facts(case.post())
    assert len(facts) == len(case.facts), [(f.value, f.unit, f.change_pct, f.metric, f.period) for f in facts]
    for fact, want in zip(facts, case.facts, strict=True):
        assert not problems(fact, want), (problems(fact, want), fact)
