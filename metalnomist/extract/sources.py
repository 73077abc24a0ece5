"""Source credit across a post: a credit covers every figure of the same data release."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from metalnomist.extract.metrics import share_base
from metalnomist.extract.sentence import SentenceView
from metalnomist.extract.subjects import credits
from metalnomist.models import Fact

if TYPE_CHECKING:
    from metalnomist.extract.facts import Located

_GROUPS = {
    "imports": "trade",
    "exports": "trade",
    "price": "trade",
    "shipments": "trade",
    "production": "production",
    "capacity": "production",
    "sales": "sales",
    "subsidy": "policy",
    "budget": "policy",
}
_HEARSAY = re.compile(r"\b(?:reportedly|typically|usually|pre-[\w-]+ levels?|sources said|market participants)\b", re.I)


def attach_sources(
    located: list[Located], framing: list[tuple[int, SentenceView, str]], focus: str | None
) -> list[Fact]:
    releases: list[tuple[int, tuple[str | None, str], str]] = []
    keys: list[tuple[str | None, str]] = []
    previous = "other"
    for item in located:
        group = _group(item, previous)
        previous = group
        keys.append((item.fact.country, group))
        credit = credits(item.view)
        if credit:
            releases.append((item.sentence_index, keys[-1], credit))
    for index, view, credit in framing:
        metric = next((t.metric for t in view.triggers), None)
        releases.append((index, (focus, _GROUPS.get(metric or "", metric or "other")), credit))
    out = []
    for item, key in zip(located, keys, strict=True):
        credit = credits(item.view)
        if credit is None and not _HEARSAY.search(item.view.text):
            same = [r for r in releases if r[1] == key]
            if same:
                credit = min(same, key=lambda r: (abs(r[0] - item.sentence_index), r[0] > item.sentence_index))[2]
        out.append(replace(item.fact, source=credit))
    return out


def _group(item: Located, previous: str) -> str:
    metric = item.fact.metric
    if metric == "market_share":
        base = share_base(item.view, item.draft)
        return _GROUPS.get(base, previous) if base else previous
    return _GROUPS.get(metric, metric)
