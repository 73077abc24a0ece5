"""Market facts: every figure an article reports, as `Fact` values (see ../shared/spec/facts.md).

`extract_facts(post)` is the one entry point; `export` writes and reads the exchange format;
`VOCABULARIES` holds the closed vocabularies the spec fixes.
"""

from __future__ import annotations

from metalnomist.extract.facts import extract_facts
from metalnomist.extract.vocab import METRICS, VOCABULARIES

__all__ = ["METRICS", "VOCABULARIES", "extract_facts"]
