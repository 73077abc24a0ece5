"""End to end in a real headless Chromium: search, reorder, read, comment, follow a label.

The reader's journey runs with JavaScript switched off, because the pages promise to work without it.
Chromium is Debian's (/usr/bin/chromium, or METALNOMIST_CHROMIUM); absent, the tests skip — except
under CI, where a missing browser is a failure rather than a silent pass.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.servers import uvicorn_in_thread
from tests.web.conftest import open_site

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "artifacts"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]


def _chromium() -> str:
    path = os.environ.get("METALNOMIST_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).exists():
        reason = f"no Chromium at {path}; set METALNOMIST_CHROMIUM"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    return path


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real uvicorn server in a background thread, over a freshly seeded archive."""
    for site in open_site(tmp_path_factory.mktemp("browser")):
        with uvicorn_in_thread(site.client.app) as base:
            yield base


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    executable = _chromium()
    if os.environ.get("CI"):
        import playwright.sync_api as sync_api  # in CI a missing Playwright must fail, not skip
    else:
        sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        launched = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def test_reader_journey_without_javascript(browser, base_url: str) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(60_000)  # shared CI machines can be slow; a real hang still fails
    page = context.new_page()
    page.goto(base_url + "/")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "home-page.png"))
    page.get_by_label("Search this blog").fill("Japan’s")
    page.get_by_role("button", name="Search").click()
    page.wait_for_url("**/search?q=*")
    status = page.locator(".status-msg")
    assert " ".join(status.inner_text().split()) == \
        "Showing posts sorted by relevance for query Japan’s. Sort by date · Show all posts"
    assert page.locator("article.post-summary").count() == 10
    assert page.locator(".snippet mark").count() > 0
    page.screenshot(path=str(ARTIFACTS / "search-page.png"), full_page=True)

    page.get_by_role("link", name="Sort by date").click()
    page.wait_for_url("**by-date=true*")
    assert "sorted by date for query Japan’s" in status.inner_text()

    first = page.locator("article.post-summary h2 a").first
    title = first.inner_text()
    first.click()
    assert page.locator("h1").inner_text() == title
    page.screenshot(path=str(ARTIFACTS / "post-page.png"), full_page=True)

    page.get_by_role("textbox", name="Name").fill("Browser Reader")
    page.get_by_role("textbox", name="Comment").fill("Seen in a real browser.\n\n<script>alert(1)</script>")
    page.get_by_role("button", name="Publish").click()
    page.wait_for_url("**comment=published*")
    comment = page.locator("li.comment").last
    assert comment.locator(".author").inner_text() == "Browser Reader"
    assert "<script>alert(1)</script>" in comment.inner_text()
    assert page.locator(".notice").inner_text().startswith("Thank you")

    label = page.locator("article.post .labels a").first
    name = label.inner_text()
    label.click()
    assert f"Showing posts with label {name}." in page.locator(".status-msg").inner_text()
    assert title in page.locator("article.post-summary h2").all_inner_texts()
    context.close()


def test_pages_raise_no_console_errors_and_stack_on_phones(browser, base_url: str) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 390, "height": 844})
    context.set_default_timeout(60_000)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.goto(base_url + "/search?q=lithium")
    main, sidebar = page.locator("main").bounding_box(), page.locator("aside.sidebar").bounding_box()
    assert sidebar["y"] >= main["y"] + main["height"] - 1  # the sidebar moves below the content
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # nothing overflows sideways
    page.screenshot(path=str(ARTIFACTS / "search-page-phone.png"), full_page=True)
    page.goto(base_url + "/search?q=iron+ore")
    page.locator("article.post-summary h2 a").first.click()
    aside = page.locator("aside.commentary")
    assert aside.locator("h2").inner_text() == "The Metalnomist Commentary"
    page.screenshot(path=str(ARTIFACTS / "post-page-phone.png"), full_page=True)
    page.goto(base_url + "/docs")
    assert errors == []  # a CSP violation or a missing asset would show here
    page.goto(base_url + "/no/such/page")
    page.screenshot(path=str(ARTIFACTS / "not-found-phone.png"), full_page=True)
    context.close()


def test_analyst_journey_filter_series_and_fact_focus(browser, base_url: str) -> None:  # type: ignore[no-untyped-def]
    """Filter the facts, open Japan's EV sales series, follow a point, and read a fact by keyboard focus."""
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(60_000)
    page = context.new_page()
    page.goto(base_url + "/")
    page.get_by_role("link", name="Data", exact=True).click()
    page.get_by_label("Commodity", exact=True).fill("electric vehicles")
    page.get_by_label("Metric", exact=True).fill("sales")
    page.get_by_label("Country", exact=True).fill("Japan")
    page.get_by_role("button", name="Show facts").click()
    page.wait_for_url("**commodity=electric+vehicles*")
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280  # the wide table scrolls in its box
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "data-page.png"), full_page=True)
    page.locator(".series-menu").get_by_role("link", name="Electric vehicles sales in Japan", exact=True).click()
    page.wait_for_url("**/data/series?*")
    assert page.locator("table.series-table tbody tr").count() == 3
    page.screenshot(path=str(ARTIFACTS / "series-page.png"), full_page=True)
    page.locator("svg.chart a").nth(1).click()
    page.wait_for_url("**#fact-48")
    sentence = page.locator("#fact-48")
    assert sentence.evaluate("el => getComputedStyle(el).backgroundColor") == "rgb(255, 226, 122)"  # :target
    sentence.focus()
    reading = sentence.locator(".fact-reading")
    assert reading.is_visible() and "6,429 units" in reading.inner_text()
    assert reading.bounding_box()["height"] > 10  # shown on focus, not only to screen readers
    page.screenshot(path=str(ARTIFACTS / "post-facts.png"), full_page=False)
    post_url = page.url.split("#")[0]
    context.close()

    phone = browser.new_context(viewport={"width": 390, "height": 844})
    page = phone.new_page()
    page.goto(post_url)
    body, facts = page.locator(".post-body").bounding_box(), page.locator("aside.post-facts").bounding_box()
    assert facts["y"] >= body["y"] + body["height"] - 1  # the facts list moves below the text on phones
    series = "/data/series?commodity=electric+vehicles&metric=sales&country=Japan"
    for path in (post_url, "/data?country=Japan", series):
        page.goto(path if path.startswith("http") else base_url + path)
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, path
    page.screenshot(path=str(ARTIFACTS / "series-page-phone.png"), full_page=True)
    phone.close()
