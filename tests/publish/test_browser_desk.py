"""The editor's journey in a real headless Chromium, without JavaScript: sign in, write a post with figures,
check the facts preview, schedule it, watch it appear at its time, edit it, moderate a reader's comment."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from metalnomist.accounts.service import create_user
from metalnomist.config import Settings
from metalnomist.pipeline import open_archive
from metalnomist.publishing.service import Draft, move, save
from metalnomist.web.app import create_app
from tests.publish.conftest import PASSWORD
from tests.servers import uvicorn_in_thread
from tests.web.test_browser import ARTIFACTS, browser  # noqa: F401  (a fixture)

pytestmark = pytest.mark.browser
LABELS_IN_USE = ("Copper", "Nickel", "Rare earths")
BODY = "## Trade\n\nJapan imported 5,072 tonnes of nickel in March 2025, up 12% from a year earlier."


@pytest.fixture
def desk_url(tmp_path: Path) -> Iterator[str]:
    """A real uvicorn server over an empty archive with one editor; scheduled posts are checked often."""
    settings = Settings(db=f"sqlite:///{tmp_path}/t.db", index_dir=str(tmp_path / "idx"), secret_key="test",
                        comment_moderation=True)
    archive = open_archive(settings)
    editor = create_user(archive.store, "ana", PASSWORD, "editor")
    earlier = save(archive.store, settings, editor, Draft("Copper output", "Mines produced less.", LABELS_IN_USE))
    move(archive.store, editor, earlier, "published")
    app = create_app(settings, archive, follow_seconds=0.2, schedule_seconds=0.2)
    with uvicorn_in_thread(app) as base:
        yield base
    archive.close()


def test_an_editor_writes_schedules_edits_and_moderates(browser, desk_url: str) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(60_000)
    page = context.new_page()
    page.goto(desk_url + "/admin")
    page.get_by_label("Name").fill("ana")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(desk_url + "/admin")

    page.get_by_role("link", name="Write a new post").click()
    page.get_by_label("Title").fill("Nickel imports rise")
    page.get_by_label("Body (Markdown)").fill(BODY)
    page.get_by_label("Labels, separated by commas").fill("Nickel, Japan")
    page.get_by_role("button", name="Preview").click()
    fact = page.locator(".facts-preview tr.fact")
    assert fact.count() == 1 and "5,072 t (+12%)" in fact.inner_text()
    assert "Japan imported 5,072 tonnes of nickel" in fact.locator(".fact-sentence").inner_text()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "desk-facts-preview.png"), full_page=True)

    when = (datetime.now(UTC) + timedelta(seconds=8)).replace(microsecond=0)  # the form takes whole seconds
    page.get_by_label("Publish at (UTC), for Schedule").fill(f"{when:%Y-%m-%dT%H:%M:%S}")
    page.get_by_role("button", name="Schedule").click()
    page.wait_for_url("**done=scheduled")
    assert page.locator(".post-state .status").inner_text() == "scheduled"
    editor_url = page.url.split("?")[0]

    reader = context.new_page()
    reader.goto(desk_url + "/")
    hidden_before = False  # a page fetched wholly before its time must not show it
    deadline = time.monotonic() + 60
    while True:
        asked = datetime.now(UTC)
        reader.reload()
        if "Nickel imports rise" in reader.locator("main").inner_text():
            assert datetime.now(UTC) >= when, "the post appeared before its time"
            break
        hidden_before = hidden_before or datetime.now(UTC) < when
        assert time.monotonic() < deadline, "the scheduled post never appeared"
        if asked < when:
            time.sleep(0.3)
    assert hidden_before
    reader.get_by_role("link", name="Nickel imports rise").first.click()
    address = reader.url
    reader.get_by_role("textbox", name="Name").fill("Browser Reader")
    reader.get_by_role("textbox", name="Comment").fill("Which ports took the nickel?")
    reader.get_by_role("button", name="Publish").click()
    reader.wait_for_url("**comment=pending*")

    page.goto(editor_url)
    page.get_by_label("Title").fill("Nickel imports rise 12%")
    page.get_by_role("button", name="Update").click()
    page.wait_for_url("**done=published")
    assert page.locator("a.permalink").get_attribute("href") == address.removeprefix(desk_url)

    page.get_by_role("link", name="Comments").click()
    page.get_by_label("Choose the comment by Browser Reader").check()
    page.get_by_role("button", name="Approve").click()
    page.wait_for_url("**done=approve*")
    assert page.locator(".notice").inner_text() == "Approved: 1 comment."

    reader.goto(address)
    assert reader.locator("h1").inner_text() == "Nickel imports rise 12%"
    assert "Which ports took the nickel?" in reader.locator("li.comment").inner_text()
    reader.screenshot(path=str(ARTIFACTS / "desk-published-post.png"), full_page=True)
    context.close()


def test_the_label_field_suggests_existing_labels_as_an_editor_types(browser, desk_url: str) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    """With JavaScript (static/suggest.js), for the label being typed wherever it is in the list."""
    from playwright.sync_api import expect

    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(60_000)
    page = context.new_page()
    page.goto(desk_url + "/admin/login")
    page.get_by_label("Name").fill("ana")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(desk_url + "/admin")
    page.goto(desk_url + "/admin/posts/new")
    field = page.get_by_role("combobox", name="Labels, separated by commas")
    suggestions = page.get_by_role("listbox", name="Existing labels").get_by_role("option")
    field.press_sequentially("ni")
    expect(suggestions).to_have_text(["Nickel"])
    suggestions.first.click()
    expect(field).to_have_value("Nickel, ")
    field.press_sequentially("ear")  # a later word of a label starts it too
    expect(suggestions).to_have_text(["Rare earths"])
    page.screenshot(path=str(ARTIFACTS / "desk-label-suggestions.png"))
    field.press("ArrowDown")
    field.press("Enter")  # picks the highlighted suggestion; the form is not sent
    expect(field).to_have_value("Nickel, Rare earths, ")
    assert page.url == desk_url + "/admin/posts/new"
    field.press_sequentially("n")
    expect(suggestions).to_have_count(0)  # a label already chosen is not offered again
    field.press("Backspace")
    field.press_sequentially("c")
    expect(suggestions).to_have_text(["Copper"])
    field.press("Escape")
    expect(suggestions).to_have_count(0)
    field.press_sequentially("o")
    suggestions.first.click()
    page.get_by_label("Title").fill("Nickel and rare earths")
    page.get_by_role("button", name="Save draft").click()
    page.wait_for_url("**done=saved")
    expect(field).to_have_value("Nickel, Rare earths, Copper")
    context.close()
