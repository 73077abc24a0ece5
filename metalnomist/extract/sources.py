"""Source credit across a post: a credit covers every figure of the same data release."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from metalnomist.extract.metrics import share_base
from metalnomist.extract.post import same_family
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


Key = tuple[str | None, str, str | None]  # (country, metric family, commodity)


def attach_sources(located: list[Located], framing: list[tuple[int, Key, str]]) -> list[Fact]:
    """A credit covers the other figures of its own release only: same country, same metric
    family and the same commodity family; figures of any other report keep a null source."""
    releases: list[tuple[int, Key, str]] = []
    keys: list[Key] = []
    previous = "other"
    for item in located:
        group = _group(item, previous)
        previous = group
        keys.append((item.fact.country, group, item.fact.commodity))
        credit = credits(item.view)
        if credit:
            releases.append((item.sentence_index, keys[-1], credit))
    releases += framing
    out = []
    for item, key in zip(located, keys, strict=True):
        credit = credits(item.view)
        if credit is None and not _HEARSAY.search(item.view.text):
            same = [r for r in releases if _same_release(r[1], key)]
            if same:
                credit = min(same, key=lambda r: (abs(r[0] - item.sentence_index), r[0] > item.sentence_index))[2]
        out.append(replace(item.fact, source=credit))
    return out


def release_key(view: SentenceView, country: str | None, commodity: str | None) -> Key:
    """The release a figure-free credit (`data from METI showed …`) announces."""
    metric = next((t.metric for t in view.triggers), None)
    return (country, _GROUPS.get(metric or "", metric or "other"), commodity)


def _same_release(a: Key, b: Key) -> bool:
    if a[:2] != b[:2]:
        return False
    if a[2] is None or b[2] is None:
        return a[2] == b[2] or a[2] is None  # a credit naming no commodity covers its series
    return same_family(a[2], b[2])


def _group(item: Located, previous: str) -> str:
    metric = item.fact.metric
    if metric == "market_share":
        base = share_base(item.view, item.draft)
        return _GROUPS.get(base, previous) if base else previous
    return _GROUPS.get(metric, metric)
