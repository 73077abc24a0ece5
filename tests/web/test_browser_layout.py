"""Layout in a real headless Chromium, at a laptop's 1366x900 and a phone's 390x844.

Each test pins one thing a new reader tripped over: a header out of line with the page, a facts
explorer whose first row sat below the fold, chart text too small to read, a docs page wider
than the phone. Screenshots land in artifacts/ for a person to look at.
"""

from __future__ import annotations

import json
import urllib.request
from collections.abc import Iterator

import pytest

from tests.web.test_browser import ARTIFACTS, base_url, browser  # noqa: F401 (fixtures)

pytestmark = pytest.mark.browser

SIZES = {"wide": (1366, 900), "phone": (390, 844)}
IRON_ORE = "Japan’s Iron Ore Imports Drop"


@pytest.fixture(params=list(SIZES))
def page(request: pytest.FixtureRequest, browser) -> Iterator[object]:  # type: ignore[no-untyped-def]  # noqa: F811
    width, height = SIZES[request.param]
    context = browser.new_context(java_script_enabled=False, viewport={"width": width, "height": height})
    context.set_default_timeout(60_000)
    opened = context.new_page()
    opened.size_name = request.param
    yield opened
    context.close()


def permalink(base: str, title_start: str) -> str:
    with urllib.request.urlopen(base + "/api/posts?limit=100") as answer:  # noqa: S310 (our own test server)
        posts = json.load(answer)["posts"]
    return str(next(p["url"] for p in posts if p["title"].startswith(title_start)))


def shot(page, name: str) -> None:  # type: ignore[no-untyped-def]
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}-{page.size_name}.png"), full_page=True)


def content_box(page, selector: str) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """(left, right) of an element's content box, inside its padding."""
    box = page.locator(selector).first.evaluate(
        "el => { const r = el.getBoundingClientRect(), s = getComputedStyle(el);"
        " return [r.left + parseFloat(s.paddingLeft), r.right - parseFloat(s.paddingRight)]; }")
    return float(box[0]), float(box[1])


def no_sideways_scroll(page) -> bool:  # type: ignore[no-untyped-def]
    return bool(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))


@pytest.mark.parametrize("where", ["/", "/data", "post-with-facts", "/data/series?commodity=electric+vehicles"
                                   "&metric=sales&country=Japan"])
def test_header_lines_up_with_the_page_body(page, base_url: str, where: str) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    path = permalink(base_url, IRON_ORE) if where == "post-with-facts" else where
    page.goto(base_url + path)
    header, body = content_box(page, ".site-header-inner"), content_box(page, ".layout")
    assert abs(header[0] - body[0]) <= 1 and abs(header[1] - body[1]) <= 1, (header, body)
    title, main = page.locator(".site-title").bounding_box(), page.locator("main").bounding_box()
    assert abs(title["x"] - main["x"]) <= 1, (title, main)
    if where == "/data":
        shot(page, "data-header")
