"""Patterns that end where a figure starts, searched from that end.

Most cues are looked for in the text just before a figure (`rose by about ` before `5%`) with a pattern
anchored at `$`. Searched forwards, such a pattern is tried at every earlier position of the sentence
and fails at all but the last; searched backwards (the `regex` module's REVERSE flag) it is tried where
it can match, several times faster. VERSION0 keeps `re`'s syntax and matches."""

from __future__ import annotations

import re
from typing import Any

import regex


def ending(pattern: str, flags: int = 0) -> Any:
    """`re.compile(pattern, flags)` for a pattern only ever searched for, that must match at the end."""
    if not pattern.rstrip().endswith("$") or flags & re.ASCII:
        raise ValueError("an ending pattern ends in `$` and takes no ASCII flag")
    return regex.compile(pattern, int(flags) | regex.REVERSE | regex.VERSION0)
