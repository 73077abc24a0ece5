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
    page.screenshot(path=str(ARTIFACTS / f"{name}-{page.size_name}.png"))  # the first screen


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


def test_data_shows_its_first_fact_in_the_first_screen(page, base_url: str) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    page.goto(base_url + "/data?country=Japan")
    first = page.locator(".fact-table tbody tr").first.bounding_box()
    assert first["y"] + first["height"] <= page.viewport_size["height"], first
    assert no_sideways_scroll(page)
    assert [" ".join(t.split()) for t in page.locator(".filter-chips a").all_inner_texts()] == \
        ["Country: Japan × (remove)"]
    phone = page.size_name == "phone"
    assert page.get_by_label("Commodity", exact=True).is_visible() is not phone  # folded behind "Filter" on a phone
    shot(page, "data")
    if phone:
        page.locator(".filter-panel summary").click()
        page.get_by_label("Commodity", exact=True).fill("electric vehicles")
        page.get_by_role("button", name="Show facts").click()
        page.wait_for_url("**commodity=electric+vehicles*")
        assert len(page.locator(".filter-chips a").all_inner_texts()) == 2
        card = page.locator(".fact-table tbody tr").first
        assert card.bounding_box()["height"] < 160  # compact: value, what, where and when, its post
        assert "Japan" in card.inner_text() and "electric vehicles" in card.inner_text()
        page.locator(".filter-chips a").first.click()
        assert len(page.locator(".filter-chips a").all_inner_texts()) == 1


CHART_TEXT_PX = """() => [...document.querySelectorAll("svg.chart text")]
  .filter(t => t.getClientRects().length > 0)
  .map(t => { const m = t.getScreenCTM(); return Math.hypot(m.a, m.b) * parseFloat(getComputedStyle(t).fontSize); })"""


def test_chart_text_is_never_below_11px(page, base_url: str) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    """At the two sizes, and at the widths in between where the chart shares the row with its table."""
    page.goto(base_url + "/data/series?commodity=electric+vehicles&metric=sales&country=Japan")
    shot(page, "series")
    widths = [390, 320, 600, 700, 1000, 1100, 1250] if page.size_name == "phone" else [1366, 1920]
    for width in widths:
        page.set_viewport_size({"width": width, "height": 900})
        sizes = page.evaluate(CHART_TEXT_PX)
        assert sizes and min(sizes) >= 11, (width, min(sizes))
        assert no_sideways_scroll(page), width


def test_docs_fit_the_screen(page, base_url: str) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    page.goto(base_url + "/docs")
    assert no_sideways_scroll(page)
    for details in page.locator(".example-response").all():
        details.locator("summary").click()
    assert no_sideways_scroll(page)  # the example responses too, once opened
    shot(page, "docs")


def test_subscribe_opens_a_readable_page_about_the_feed(page, base_url: str) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.goto(base_url + "/")
    page.get_by_role("link", name="Subscribe").click()
    page.wait_for_url("**/feeds/posts/default")
    assert "This is a feed: paste its address into a reader" in page.locator(".feed-notice").inner_text()
    assert page.locator(".feed-entries li").count() == 20
    assert page.locator(".feed-notice code").inner_text() == base_url + "/feeds/posts/default"
    assert no_sideways_scroll(page)
    header = page.locator(".site-header").evaluate("el => getComputedStyle(el).backgroundColor")
    assert header == "rgb(35, 49, 63)"  # the site's CSS applies under its CSP
    # Chromium 156 injects an inline-styled banner warning that XSLT is deprecated; CSP blocks only that
    assert [e for e in errors if "inline" not in e] == []
    shot(page, "feed")


def test_post_facts_list_numbers_are_not_cut_off(page, base_url: str) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    page.goto(base_url + permalink(base_url, "Japan’s Imports of Russian Palladium"))
    aside = page.locator("aside.post-facts")
    box = aside.bounding_box()
    numbers = page.locator(".post-fact-list .pf-n")
    assert numbers.count() >= 10  # two-digit numbers are the widest
    for i in range(numbers.count()):
        n = numbers.nth(i).bounding_box()
        assert n["x"] >= box["x"] and n["x"] + n["width"] <= box["x"] + box["width"], (i, n, box)
    assert aside.evaluate("el => el.scrollWidth <= el.clientWidth")
    assert no_sideways_scroll(page)
    aside.scroll_into_view_if_needed()
    shot(page, "post-facts-list")
