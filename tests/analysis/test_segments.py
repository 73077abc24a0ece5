"""metalnomist.analysis.segments: a post's blocks cut at the sentences that carry facts."""

from __future__ import annotations

from metalnomist.analysis.segments import Segment, segment_blocks
from metalnomist.models import Block, Fact, Post


def test_segments_cut_blocks_at_fact_sentences() -> None:
    blocks = (Block("heading", "Heading 5%"), Block("paragraph", "Intro. Sales rose 5% to 10 units. Tail."))
    post = Post(title="t", blocks=blocks)
    start = post.body.index("Sales")
    facts = [Fact(post="t", sentence="Sales rose 5% to 10 units.", metric="sales", value=10, id=7,
                  sentence_start=start),
             Fact(post="t", sentence="Sales rose 5% to 10 units.", metric="sales", change_pct=5, id=8,
                  sentence_start=start),
             Fact(post="t", sentence="Not in the body.", metric="sales", id=9, sentence_start=3)]
    heading, paragraph = segment_blocks(post, facts)
    assert heading == (Segment("Heading 5%"),)
    assert [s.text for s in paragraph] == ["Intro. ", "Sales rose 5% to 10 units.", " Tail."]
    assert paragraph[1].anchor == "fact-7" and [f.id for f in paragraph[1].facts] == [7, 8]
    assert "".join(s.text for s in paragraph) == blocks[1].text
    assert segment_blocks(post, facts[::-1]) == [heading, paragraph]  # in reading order, however they are given


def test_sentences_that_touch_are_both_marked() -> None:
    """Text pasted without a space after a full stop: the second sentence starts where the first ends and does
    not overlap it, so both carry their facts."""
    text = "Sales rose 5%.Output fell 3%."
    post = Post(title="t", blocks=(Block("paragraph", text),))
    facts = [Fact(post="t", sentence="Sales rose 5%.", metric="sales", change_pct=5, id=1, sentence_start=0),
             Fact(post="t", sentence="Output fell 3%.", metric="production", change_pct=-3, id=2,
                  sentence_start=len("Sales rose 5%."))]
    (paragraph,) = segment_blocks(post, facts)
    assert [(s.text, s.anchor) for s in paragraph] == [("Sales rose 5%.", "fact-1"), ("Output fell 3%.", "fact-2")]
