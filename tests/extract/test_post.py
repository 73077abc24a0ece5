"""metalnomist.extract.post: what reading the whole post establishes before its sentences are read."""

from __future__ import annotations

from dataclasses import FrozenInstanceError

import pytest

from metalnomist.extract.post import scan_post
from metalnomist.models import Block, Post

POST = Post(
    title="Japan Nickel Output in FY25 Q3",
    blocks=(Block("paragraph", "Japan produced 1,200 tonnes of nickel. Output rose 5%."),),
)


def test_the_scan_is_fixed_and_the_running_state_starts_from_it() -> None:
    """Five functions carry context from sentence to sentence; none may rewrite what the scan found."""
    state = scan_post(POST)
    assert state.scan.title_commodity == "nickel" and state.focus == "Japan"
    with pytest.raises(FrozenInstanceError):
        state.scan.title_commodity = "copper"  # type: ignore[misc]
