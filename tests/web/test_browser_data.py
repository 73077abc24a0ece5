"""The facts explorer's filters in a real headless Chromium: typing a company's start brings suggestions from
/api/facts/values (static/suggest.js), the keyboard picks one, and the form shows its facts; without
JavaScript, the typed name alone does. The series menu's search suggests series the same way."""

from __future__ import annotations

import pytest

from tests.web.test_browser import ARTIFACTS, base_url, browser  # noqa: F401  (fixtures)

pytestmark = pytest.mark.browser
COMPANY = "Sumitomo Metal Mining"


def _rows_name_only(page, company: str) -> None:  # type: ignore[no-untyped-def]
    rows = page.locator("table.fact-table tbody tr")
    assert rows.count() > 0
    assert all(company in rows.nth(i).inner_text() for i in range(rows.count()))


def test_typing_a_start_suggests_values_and_the_keyboard_picks_one(browser, base_url: str) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    from playwright.sync_api import expect

    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(60_000)
    page = context.new_page()
    page.goto(base_url + "/data")
    field = page.get_by_role("combobox", name="Company")
    suggestions = page.get_by_role("listbox", name="Company values").get_by_role("option")
    field.press_sequentially("METAL")  # a later word, in another case
    expect(suggestions).to_have_text([f"{COMPANY} (5)"])
    expect(field).to_have_attribute("aria-expanded", "true")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "data-company-suggestions.png"))
    field.press("ArrowDown")
    expect(field).to_have_attribute("aria-activedescendant", "filter-company-suggestions-0")
    field.press("Enter")  # picks the highlighted suggestion; the form is not sent
    expect(field).to_have_value(COMPANY)
    expect(suggestions).to_have_count(0)
    assert page.url == base_url + "/data"
    field.press("Enter")  # with the list closed, Enter sends the form
    page.wait_for_url("**/data?*company=Sumitomo+Metal+Mining*")
    _rows_name_only(page, COMPANY)
    expect(page.get_by_role("combobox", name="Company")).to_have_value(COMPANY)
    context.close()


def test_without_javascript_a_typed_value_filters(browser, base_url: str) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(60_000)
    page = context.new_page()
    page.goto(base_url + "/data")
    page.get_by_label("Company", exact=True).fill(COMPANY.lower())
    page.get_by_role("button", name="Show facts").click()
    page.wait_for_url("**/data?*company=sumitomo+metal+mining*")
    _rows_name_only(page, COMPANY)
    context.close()


def test_typing_a_series_title_suggests_series_and_opens_the_one_picked(browser, base_url: str) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    from playwright.sync_api import expect

    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(60_000)
    page = context.new_page()
    page.goto(base_url + "/data/series")
    field = page.get_by_role("combobox", name="Find a series by the words of its title")
    suggestions = page.get_by_role("listbox", name="Series").get_by_role("option")
    field.press_sequentially("electric vehicles sales in jap")
    expect(suggestions).to_have_text(["Electric vehicles sales in Japan (3)",  # periods, as each page draws them
                                      "Imported electric vehicles sales in Japan (3)"])  # a later word starts it
    field.press("ArrowDown")
    field.press("Enter")  # opens the series, not the list of titles that start so
    page.wait_for_url("**/data/series?commodity=electric+vehicles&metric=sales&country=Japan*")
    expect(page.locator("table.series-table tbody tr")).to_have_count(3)
    context.close()
