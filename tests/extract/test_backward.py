"""The cues searched backwards (`backward.ending`) find what `re` finds searching forwards, on real sentences."""

from __future__ import annotations

import importlib
import json
import pkgutil
import re
from pathlib import Path

import pytest

import metalnomist.extract as extract
from metalnomist.extract.backward import ending
from metalnomist.text import split_sentences

DEV = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "dev" / "posts.jsonl"


def _ending_patterns() -> list[tuple[str, object]]:
    found = []
    for info in pkgutil.iter_modules(extract.__path__):
        module = importlib.import_module(f"metalnomist.extract.{info.name}")
        found += [(f"{info.name}.{name}", value) for name, value in vars(module).items()
                  if type(value).__module__ == "_regex"]
    return found


def _prefixes() -> list[str]:
    """The text before every figure of the dev set's sentences (and the sentences whole): where cues are looked for."""
    out = []
    for line in DEV.read_text(encoding="utf-8").splitlines():
        for _, sentence in split_sentences(json.loads(line)["body"]):
            out.append(sentence)
            out += [sentence[: m.start()] for m in re.finditer(r"(?<![\d.,])[$€£¥]?\d", sentence)]
    return out


@pytest.mark.skipif(not DEV.exists(), reason="needs ../shared/data/dev")
@pytest.mark.parametrize(("name", "pattern"), _ending_patterns(), ids=lambda v: v if isinstance(v, str) else "")
def test_a_backward_cue_matches_as_re_does(name: str, pattern: object) -> None:
    """Matched or not, and where: a cue whose start is read must start where `re` starts it. The change verb may
    start later (`ticked down `: `down`), as only whether it matches is read."""
    forward = re.compile(pattern.pattern, pattern.flags & (re.I | re.M | re.S | re.X))  # type: ignore[attr-defined]
    for text in _prefixes():
        ahead, back = forward.search(text), pattern.search(text)  # type: ignore[attr-defined]
        assert (ahead is None) == (back is None), (name, text)
        if ahead is not None and name != "grammar._VERB_BEFORE":
            assert ahead.span() == back.span(), (name, text)


def test_there_are_backward_cues() -> None:
    assert len(_ending_patterns()) > 20  # the extractor's costliest cues are searched this way


def test_only_a_pattern_anchored_at_the_end_is_searched_backwards() -> None:
    with pytest.raises(ValueError, match="ends in"):
        ending(r"\brose\s+")
    assert ending(r"\brose\s+$", re.I).search("Output ROSE ") is not None
