"""Market facts: every figure an article reports, as `Fact` values (see ../shared/spec/facts.md).

`extract_facts(post)` is the one entry point; `export` writes and reads the exchange format;
`VOCABULARIES` holds the closed vocabularies the spec fixes.

The grammar, bottom up:
    numbers, units, quantities   figures as written (`8.1mn t`, `RMB 89,000/t`, `one-third`, `doubled`)
    periods                      period expressions and how the text uses each one
    entities, vocab              gazetteers over data/*.tsv (countries via pycountry, Aho–Corasick)
    grammar, sentence            clauses, roles (level/change/points/difference/comparison), pairing
    metrics, places, subjects    metric; country and partner; commodity, company, credited source
    post, facts, sources         what carries across sentences and paragraphs, the assembled facts
"""

from __future__ import annotations

from metalnomist.extract.facts import extract_facts
from metalnomist.extract.vocab import METRICS, VOCABULARIES

__all__ = ["METRICS", "VOCABULARIES", "extract_facts"]
