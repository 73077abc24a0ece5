"""Post-level behaviour: which blocks are read, offsets, carried context, and seed invariants."""

from __future__ import annotations

from datetime import datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from metalnomist.extract import METRICS, extract_facts
from metalnomist.models import COMMENTARY_HEADING, Block, Post
from tests.conftest import SEED  # the seed page the package ships


def _post(*blocks: tuple[str, str], title: str = "Japan's Lithium Imports Drop", **kw: object) -> Post:
    return Post(title=title, blocks=tuple(Block(kind, text) for kind, text in blocks), **kw)  # type: ignore[arg-type]


def test_headings_and_commentary_are_not_read() -> None:
    post = _post(
        ("heading", "2024 Sees 22% Year-on-Year Growth"),
        ("paragraph", "Japan's palladium imports reached 12 tonnes in 2024, up 22% from the previous year."),
        ("heading", COMMENTARY_HEADING),
        ("paragraph", "Imports rose 22% to 12 tonnes, a figure worth repeating."),
    )
    facts = extract_facts(post)
    assert [(f.value, f.change_pct, f.change_basis) for f in facts] == [(12, 22, "y/y")]


def test_unmarked_headline_paragraph_is_read_only_for_figures_the_body_does_not_repeat() -> None:
    headline = ("paragraph", "2024 Sees 22% Year-on-Year Growth")
    body = ("paragraph", "Palladium imports reached 12 tonnes in 2024, up 22% from the previous year.")
    assert [(f.value, f.change_pct) for f in extract_facts(_post(headline, body))] == [(12, 22)]
    highlight = ("heading", "Imports up 22% y/y, up 4% m/m")
    assert [(f.value, f.change_pct) for f in extract_facts(_post(highlight, body))] == [(None, 4), (12, 22)]
    long_text = (
        "Copper output in Chile rose 5% to 420,000 tonnes in June, the statistics office said, with more data due"
    )
    assert [f.value for f in extract_facts(_post(("paragraph", long_text)))] == [420000]


def test_sentence_start_points_into_the_body() -> None:
    post = _post(
        ("heading", "Sharp Decline"),
        ("paragraph", "Prices were flat. In 2024, Japan's imports of lithium carbonate plunged by 40% to 11,520 tons."),
        (
            "paragraph",
            "Imports from Chile, the top supplier, saw a dramatic drop of 55%, with imports falling to 5,143 tons.",
        ),
    )
    facts = extract_facts(post)
    assert len(facts) == 2
    for fact in facts:
        assert fact.sentence_start is not None
        assert post.body[fact.sentence_start :].startswith(fact.sentence)
        assert fact.post == post.title


def test_context_carries_within_a_paragraph() -> None:
    """`Imports from Chile … fell 55%` is lithium carbonate in 2024 because the sentence before says so."""
    post = _post(
        (
            "paragraph",
            "In 2024, Japan's imports of lithium carbonate plunged by 40%, with a total of 11,520 tons imported, "
            "according to data from Japan's finance ministry. Imports from Chile, the top supplier, saw a dramatic "
            "drop of 55%, with imports falling to about 5,143 tons.",
        )
    )
    first, second = extract_facts(post)
    assert (second.commodity, second.period, second.partner, second.country) == (
        "lithium carbonate",
        "2024",
        "Chile",
        "Japan",
    )
    assert first.source == second.source == "Finance Ministry"


def test_change_in_its_own_sentence_is_a_null_value_fact() -> None:
    post = _post(("paragraph", "EV sales reached 4,325 units in October. Month-on-month, sales decreased by 32.7%."))
    level, change = extract_facts(post)
    assert (level.value, level.change_pct) == (4325, None)
    assert (change.value, change.unit, change.change_pct, change.change_basis) == (None, None, -32.7, "m/m")
    assert change.period == "--10" and change.metric == "sales"


def test_periods_resolve_against_the_publication_date() -> None:
    post = _post(
        ("paragraph", "Japan's iron ore imports fell 1.2pc year-on-year in March to 8.1mn t."),
        published=datetime(2025, 4, 20),
    )
    (fact,) = extract_facts(post)
    assert fact.period == "2025-03"


def test_abbreviation_defined_in_the_post_wins() -> None:
    post = _post(
        (
            "paragraph",
            "Sumitomo Metal Mining (SMM) plans a 24,000 t/yr nickel matte plant. "
            "SMM expects to produce 150,000 t of nickel products annually by 2030.",
        ),
        title="Sumitomo Metal Mining to build a plant",
    )
    facts = extract_facts(post)
    assert {f.company for f in facts} == {"Sumitomo Metal Mining"}
    assert facts[0].unit == "t/yr" and facts[0].metric == "capacity"


def test_seed_invariants() -> None:
    from metalnomist.ingest.page import read

    for post in read(SEED):
        for fact in extract_facts(post):
            assert post.body[fact.sentence_start or 0 :].startswith(fact.sentence)
            assert fact.metric in METRICS
            assert (fact.unit is None) == (fact.value is None)
            assert fact.value is not None or fact.change_pct is not None
            assert fact.value_max is None or fact.value is not None and fact.value_max > fact.value
            assert fact.unit != "%" or fact.metric in {"market_share", "tariff", "target", "other"}
            assert fact.commodity is None or fact.commodity == fact.commodity.lower()


_PIECES = [
    "Japan's",
    "China",
    "US",
    "imports",
    "exports",
    "rose",
    "fell",
    "by",
    "to",
    "from",
    "of",
    "in",
    "March",
    "April–June",
    "2024",
    "fiscal year ending March 31, 2025",
    "12.5%",
    "8.1mn t",
    "$102.20/t",
    "¥3.9 trillion",
    "(−19%)",
    "40–50pc",
    "one-third",
    "doubled",
    "0.7 percentage points",
    "US$6.50-8/kg",
    "while",
    ",",
    ";",
    ":",
    "—",
    "(",
    ")",
    "the",
    "copper",
    "EV",
    "tariff",
    "accounting for",
    "between",
    "and",
    "units",
    "since",
    "by 2030",
    "62% Fe",
    "MoM",
    "y/y",
    "Q3",
    "first half",
    "respectively",
    "Sumitomo Metal Mining (SMM)",
    "SMM",
    "12th",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES) | st.text(max_size=8), min_size=1, max_size=40))
def test_any_text_gives_well_formed_facts(words: list[str]) -> None:
    """The extractor is total: any text yields facts (maybe none) that keep the format's rules."""
    text = " ".join(words) + "."
    post = _post(("paragraph", text), ("heading", "Sub"), ("paragraph", text))
    for fact in extract_facts(post):
        assert fact.metric in METRICS
        assert (fact.unit is None) == (fact.value is None)
        assert fact.value is not None or fact.change_pct is not None
        assert post.body[fact.sentence_start or 0 :].startswith(fact.sentence)
