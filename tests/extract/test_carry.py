"""metalnomist.extract.carry: each transition returns the state after a sentence, never changes the one given."""

from __future__ import annotations

from dataclasses import FrozenInstanceError
from datetime import UTC, datetime

import pytest

from metalnomist.extract import extract_facts
from metalnomist.extract.carry import after_sentence, frame, remember
from metalnomist.extract.post import evolve, scan_post
from metalnomist.extract.sentence import drafts, read_sentence
from metalnomist.models import Block, Fact, Post

PUBLISHED = datetime(2024, 6, 15, tzinfo=UTC)
POST = Post(title="Zinc report", blocks=(Block("paragraph", "Text."),), published=PUBLISHED)


def test_a_frame_returns_the_period_and_series_it_sets_and_leaves_the_state_it_was_given() -> None:
    state = scan_post(POST)
    view = read_sentence("Chile's zinc exports in March were strong.", PUBLISHED, {})
    after = frame(view, state)
    assert (after.paragraph.period, after.paragraph.metric, after.period) == ("2024-03", "exports", "2024-03")
    assert (state.paragraph.period, state.paragraph.metric, state.period) == (None, None, None)
    with pytest.raises(FrozenInstanceError):
        state.paragraph.period = "2024-03"  # type: ignore[misc]


def test_a_fact_carries_its_commodity_and_period_into_the_returned_state_only() -> None:
    state = scan_post(POST)
    view = read_sentence("Zinc exports rose to 41,000 tonnes in May.", PUBLISHED, {})
    draft = drafts(view)[0]
    fact = Fact(post="Zinc report", sentence=view.text, metric="exports", value=41000, unit="t",
                commodity="zinc", period="2024-05")
    after = remember(fact, draft, state, "exports", carry_period=True, part=False)
    assert (after.commodity, after.period, after.paragraph.period) == ("zinc", "2024-05", "2024-05")
    assert (state.commodity, state.period) == (None, None)


def test_a_sentence_leaves_the_country_it_opened_on_for_a_following_it() -> None:
    state = scan_post(POST)
    after = after_sentence(read_sentence("Peru's zinc output rose.", PUBLISHED, {}), state)
    assert (after.subject_country, state.subject_country) == ("Peru", None)


def test_evolving_with_nothing_new_returns_the_same_state() -> None:
    state = scan_post(POST)
    assert evolve(state, period=None, company=None) is state
    assert evolve(state, period="2024").period == "2024"


def test_evolving_a_field_the_state_does_not_have_is_refused() -> None:
    with pytest.raises(AttributeError, match="perod"):
        evolve(scan_post(POST), perod="2024")


def _facts(*paragraphs: str, published: datetime = PUBLISHED) -> list[Fact]:
    return extract_facts(Post(title="Market report", blocks=tuple(Block("paragraph", p) for p in paragraphs),
                              published=published))


def test_a_figure_free_sentence_does_not_replace_the_period_a_figure_set() -> None:
    """WPIC: `South Africa's Q1 output` is an aside; the decline after it is still 2025's."""
    facts = _facts("Platinum mine production is expected to drop by about 6% in 2025. South Africa's Q1 output was"
                   " well below expectations. Zimbabwe anticipates a decline of 4%.")
    assert [(f.change_pct, f.period) for f in facts] == [(-6.0, "2025"), (-4.0, "2025")]


def test_a_share_does_not_carry_its_series_to_the_next_figure() -> None:
    """`Of this, 222 tons ...` continues the demand series, not the `55% of` share between them."""
    facts = _facts("Gold investment demand of 537 tons accounted for 55% of net purchases during the quarter."
                   " Of this, 222 tons was in exchange traded funds.")
    assert [f.metric for f in facts] == ["demand", "market_share", "demand"]


def test_last_years_total_in_a_january_report_keeps_its_year() -> None:
    """Teck in January 2024: `for the year` after figures for 2023 is 2023, not the report's own year."""
    facts = _facts(
        "Teck Resources Ltd. says its copper production for 2023 fell short of its guidance for the year.",
        "The miner says copper production for 2023 totalled 296,500 tonnes.",
        "Meanwhile, Teck says zinc in concentrate production was 644,000 tonnes for the year.",
        published=datetime(2024, 1, 16, tzinfo=UTC),
    )
    assert [(f.value, f.period) for f in facts] == [(296500.0, "2023"), (644000.0, "2023")]
