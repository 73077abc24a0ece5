"""A post's text cut at the sentences that carry facts, so the post page can mark and anchor them."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from metalnomist.models import Fact, Post
from metalnomist.store import Connection
from metalnomist.store.facts import FactFilter, query_facts


@dataclass(frozen=True)
class Segment:
    """A run of a block's text; when it is a sentence that carries facts, those facts in reading order."""

    text: str
    facts: tuple[Fact, ...] = ()

    @property
    def anchor(self) -> str | None:
        return f"fact-{self.facts[0].id}" if self.facts else None


def _sentences(body: str, found: Sequence[Fact]) -> list[tuple[int, int, tuple[Fact, ...]]]:
    """(start, end, facts) of each located, non-overlapping sentence; a sentence not found verbatim is skipped."""
    spans: dict[tuple[int, int], list[Fact]] = defaultdict(list)
    for fact in found:
        start = fact.sentence_start
        if start is None or body[start:start + len(fact.sentence)] != fact.sentence or not fact.sentence:
            continue
        spans[(start, start + len(fact.sentence))].append(fact)
    located: list[tuple[int, int, tuple[Fact, ...]]] = []
    for (start, end), facts in sorted(spans.items()):
        if located and start < located[-1][1]:
            continue  # overlapping sentences cannot both be wrapped; the first keeps its mark
        located.append((start, end, tuple(sorted(facts, key=lambda f: f.id or 0))))
    return located


def segment_blocks(post: Post, found: Sequence[Fact]) -> list[tuple[Segment, ...]]:
    """Each block's text cut into plain runs and fact-carrying sentences, aligned with `post.blocks`.

    Offsets come from `Fact.sentence_start` into `post.body`, where blocks are joined by blank lines.
    """
    sentences = _sentences(post.body, found)
    out: list[tuple[Segment, ...]] = []
    offset = 0
    for block in post.blocks:
        end = offset + len(block.text)
        pieces: list[Segment] = []
        cursor = offset
        for start, stop, facts in sentences:
            if start >= offset and stop <= end:
                if start > cursor:
                    pieces.append(Segment(post.body[cursor:start]))
                pieces.append(Segment(post.body[start:stop], facts))
                cursor = stop
        if cursor < end:
            pieces.append(Segment(post.body[cursor:end]))
        out.append(tuple(pieces))
        offset = end + 2
    return out


def post_facts(conn: Connection, post_id: int) -> list[Fact]:
    return query_facts(conn, FactFilter(post_id=post_id))[0]
