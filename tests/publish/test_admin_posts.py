"""The dashboard's editor, in-process: preview with facts, save, publish, edit, schedule, revisions, refusals."""

from __future__ import annotations

import lxml.html
import pytest
from httpx import Response

from metalnomist.publishing.service import Draft, counts, move, save
from metalnomist.web import admin
from tests.publish.conftest import Desk

BODY = ("## Trade\n\nJapan imported 5,072 tonnes of nickel in March 2025, up 12% from a year earlier.\n\n"
        "<script>alert(1)</script> **firm** demand")


def send(desk: Desk, path: str, action: str, title: str = "Nickel imports rise", body: str = BODY,
         labels: str = "Nickel, Japan", publish_at: str = "", token: str | None = None) -> Response:
    form_page = path if path != "/admin/posts" else "/admin/posts/new"
    data = {"title": title, "body": body, "labels": labels, "action": action, "publish_at": publish_at,
            "csrf_token": token if token is not None else desk.form_token(form_page)}
    return desk.client.post(path, data=data, follow_redirects=False)


def test_preview_shows_the_figures_and_a_sanitised_page_and_stores_nothing(desk: Desk) -> None:
    desk.sign_in()
    answer = send(desk, "/admin/posts", "preview")
    assert answer.status_code == 200
    page = lxml.html.fromstring(answer.text)
    facts = page.xpath("//section[@class='facts-preview']//tr[@class='fact']")
    assert len(facts) == 1 and "5,072 t (+12%)" in facts[0].text_content()
    assert "Japan imported 5,072 tonnes" in facts[0].xpath("string(td[@class='fact-sentence'])")
    preview = page.xpath("//article[@class='post-preview']")[0]
    assert preview.xpath(".//strong/text()") == ["firm"] and preview.xpath(".//script") == []
    assert counts(desk.archive.store) == {"draft": 0, "scheduled": 0, "published": 0, "trash": 0}


def test_save_publish_and_retitle_keep_one_address(desk: Desk) -> None:
    desk.sign_in()
    saved = send(desk, "/admin/posts", "save")
    assert saved.status_code == 303 and saved.headers["location"].endswith("?done=saved")
    path = saved.headers["location"].split("?")[0]
    dashboard = lxml.html.fromstring(desk.client.get("/admin?status=draft").text)
    assert dashboard.xpath("//a[@class='desk-title']/text()") == ["Nickel imports rise"]
    # the editor opens with the words and labels as stored, so saving again keeps them
    form = lxml.html.fromstring(desk.client.get(path).text)
    assert form.xpath("string(//input[@name='labels']/@value)") == "Nickel, Japan"
    assert send(desk, path, "publish").status_code == 303
    address = lxml.html.fromstring(desk.client.get(path).text).xpath("string(//a[@class='permalink']/@href)")
    public = desk.client.get(address)
    assert public.status_code == 200 and "Nickel imports rise" in public.text and "<script>" not in public.text
    assert send(desk, path, "publish", title="Nickel imports rise 12%").status_code == 303
    assert "Nickel imports rise 12%" in desk.client.get(address).text
    page = lxml.html.fromstring(desk.client.get(path).text)
    assert page.xpath("string(//a[@class='permalink']/@href)") == address
    assert len(page.xpath("//li[@class='revision']")) == 3


def test_a_revision_is_restored(desk: Desk) -> None:
    desk.sign_in()
    path = send(desk, "/admin/posts", "save", title="First title").headers["location"].split("?")[0]
    send(desk, path, "save", title="Second title")
    page = lxml.html.fromstring(desk.client.get(path).text)
    restore = page.xpath("//li[@class='revision']//form/@action")[0]
    restored = desk.client.post(restore, data={"csrf_token": desk.form_token(path)})
    assert restored.status_code == 200
    assert lxml.html.fromstring(restored.text).xpath("string(//p[@class='notice'])") == "Revision restored."
    assert lxml.html.fromstring(desk.client.get(path).text).xpath("string(//input[@name='title']/@value)") == \
        "First title"


def test_a_forged_restore_or_an_invalid_preview_changes_nothing(desk: Desk) -> None:
    desk.sign_in()
    path = send(desk, "/admin/posts", "save", title="First title").headers["location"].split("?")[0]
    send(desk, path, "save", title="Second title")
    restore = lxml.html.fromstring(desk.client.get(path).text).xpath("//li[@class='revision']//form/@action")[0]

    def title() -> str:
        return str(lxml.html.fromstring(desk.client.get(path).text).xpath("string(//input[@name='title']/@value)"))

    assert desk.client.post(restore, data={"csrf_token": "1.forged"}).status_code == 403
    assert title() == "Second title"
    preview = send(desk, path, "preview", title=" ")
    assert preview.status_code == 400 and "a post needs a title" in preview.text
    assert title() == "Second title"


def test_schedule_needs_a_time_ahead(desk: Desk) -> None:
    desk.sign_in()
    answer = send(desk, "/admin/posts", "schedule", publish_at="2020-01-01T09:00")
    assert answer.status_code == 400 and "has passed" in answer.text
    page = lxml.html.fromstring(answer.text)  # the time typed stays in its field, to correct
    assert page.xpath("string(//input[@name='publish_at']/@value)") == "2020-01-01T09:00"
    answer = send(desk, "/admin/posts", "schedule", publish_at="2999-01-01T09:00")
    assert answer.status_code == 303
    assert counts(desk.archive.store)["scheduled"] == 1


def test_forms_without_a_session_or_a_token_change_nothing(desk: Desk) -> None:
    token = desk.form_token("/admin/login")
    answer = send(desk, "/admin/posts", "save", token=token)
    assert answer.status_code == 303 and answer.headers["location"] == "/admin/login"
    desk.sign_in()
    assert send(desk, "/admin/posts", "publish", token="1.forged").status_code == 403
    assert send(desk, "/admin/posts", "save", title=" ").status_code == 400
    assert counts(desk.archive.store) == {"draft": 0, "scheduled": 0, "published": 0, "trash": 0}
    assert desk.client.get("/admin/posts/999").status_code == 404


def test_a_revision_is_compared_with_the_post_as_it_is(desk: Desk) -> None:
    desk.sign_in()
    path = send(desk, "/admin/posts", "save", title="First title", body="Old line\n\nKept line").headers[
        "location"].split("?")[0]
    send(desk, path, "save", title="Second title", body="New line\n\nKept line")
    link = lxml.html.fromstring(desk.client.get(path).text).xpath("//a[@class='diff-link']/@href")[0]
    diff = lxml.html.fromstring(desk.client.get(link).text)
    assert diff.xpath("//pre[@class='diff']/span[@class='removed']/text()")[1:] == ["-Title: First title",
                                                                                  "-Old line"]
    assert diff.xpath("//pre[@class='diff']/span[@class='added']/text()")[1:] == ["+Title: Second title", "+New line"]


def test_a_post_restored_from_the_trash_is_a_draft_until_published_again(desk: Desk) -> None:
    desk.sign_in()
    path = send(desk, "/admin/posts", "publish").headers["location"].split("?")[0]
    address = lxml.html.fromstring(desk.client.get(path).text).xpath("string(//a[@class='permalink']/@href)")
    assert desk.client.get(address).status_code == 200
    send(desk, path, "trash")
    assert desk.client.get(address).status_code == 404
    restored = send(desk, path, "restore")
    assert restored.status_code == 303 and restored.headers["location"].endswith("?done=draft")
    assert counts(desk.archive.store) == {"draft": 1, "scheduled": 0, "published": 0, "trash": 0}
    assert desk.client.get(address).status_code == 404  # readers see it only once an editor publishes it


def test_the_editor_suggests_published_labels_in_name_order_the_most_used_when_many(
        desk: Desk, monkeypatch: pytest.MonkeyPatch) -> None:
    desk.sign_in()
    for n, labels in enumerate(["Zinc, copper", "Zinc", "Aluminium, Zinc, copper"]):
        send(desk, "/admin/posts", "publish", title=f"Post {n}", labels=labels)
    send(desk, "/admin/posts", "save", title="A draft", labels="Tin")  # not on the site: not suggested
    desk.archive.counts.settled()  # suggested as last counted: a slow count is not begun again at once

    def suggested() -> list[str]:
        page = lxml.html.fromstring(desk.client.get("/admin/posts/new").text)
        return [str(v) for v in page.xpath("//datalist[@id='known-labels']/option/@value")]

    assert suggested() == ["Aluminium", "copper", "Zinc"]
    monkeypatch.setattr(admin, "MAX_SUGGESTED_LABELS", 2)
    assert suggested() == ["copper", "Zinc"]  # used 2 and 3 times; Aluminium once


def test_emptying_the_trash_deletes_for_good(desk: Desk) -> None:
    desk.sign_in()
    kept = send(desk, "/admin/posts", "save", title="Kept").headers["location"].split("?")[0]
    gone = send(desk, "/admin/posts", "publish", title="Gone").headers["location"].split("?")[0]
    send(desk, gone, "trash")
    assert counts(desk.archive.store) == {"draft": 1, "scheduled": 0, "published": 0, "trash": 1}
    token = desk.form_token("/admin?status=trash")
    for forged in ("1.forged", ""):  # a forged or expired form changes nothing, and says so
        refused = desk.client.post("/admin/trash/empty", data={"csrf_token": forged})
        assert refused.status_code == 403
        assert "nothing was changed" in lxml.html.fromstring(refused.text).xpath("string(//p[@class='form-error'])")
        assert counts(desk.archive.store)["trash"] == 1
    emptied = desk.client.post("/admin/trash/empty", data={"csrf_token": token})
    assert lxml.html.fromstring(emptied.text).xpath("string(//p[@class='notice'])") == "The trash is empty."
    assert counts(desk.archive.store) == {"draft": 1, "scheduled": 0, "published": 0, "trash": 0}
    assert desk.client.get(gone).status_code == 404 and desk.client.get(kept).status_code == 200


def test_the_dashboard_filters_by_title_and_label(desk: Desk) -> None:
    desk.sign_in()
    send(desk, "/admin/posts", "save", title="Nickel 100% up", labels="Nickel")
    send(desk, "/admin/posts", "save", title="Copper down", labels="Copper")

    def titles(**params: str) -> list[str]:
        page = lxml.html.fromstring(desk.client.get("/admin", params={"status": "draft", **params}).text)
        return sorted(page.xpath("//a[@class='desk-title']/text()"))

    assert titles() == ["Copper down", "Nickel 100% up"]
    assert titles(q="NICKEL") == ["Nickel 100% up"] and titles(q="100%") == ["Nickel 100% up"]
    assert titles(q="0_") == [] and titles(label="Copper") == ["Copper down"]


def test_the_label_field_suggests_the_labels_published_posts_carry(desk: Desk) -> None:
    editor = desk.sign_in_user()
    for title, labels in [("Nickel imports rise", ("Nickel", "rare earths")), ("Zinc", ("Zinc", "Nickel"))]:
        move(desk.archive.store, editor, save(desk.archive.store, desk.archive.settings, editor,
                                              Draft(title, "Output fell.", labels)), "published")
    save(desk.archive.store, desk.archive.settings, editor, Draft("Secret", "Not yet.", ("Embargoed",)))
    desk.archive.counts.settled()  # suggested as last counted: on a busy machine the page would not wait for it
    desk.sign_in()
    page = lxml.html.fromstring(desk.client.get("/admin/posts/new").text)
    field = page.get_element_by_id("post-labels")
    suggested = page.xpath(f"//datalist[@id='{field.get('list')}']/option/@value")
    assert suggested == ["Nickel", "rare earths", "Zinc"]  # a draft's label is not in use yet
    assert page.xpath("//script/@src") == ["/static/suggest.js"]


@pytest.mark.parametrize("token", ["1.forged", ""])
def test_no_action_is_taken_on_a_forged_or_tokenless_form(desk: Desk, token: str) -> None:
    """Every button of the editor checks the token, not only Publish: another site could save, trash or
    unpublish as well."""
    desk.sign_in()
    path = send(desk, "/admin/posts", "publish", title="Kept title").headers["location"].split("?")[0]
    for action in ("save", "publish", "schedule", "unpublish", "trash", "restore", "preview"):
        answer = send(desk, path, action, title="Forged title", publish_at="2999-01-01T09:00", token=token)
        assert answer.status_code == 403, action
        assert "nothing was changed" in lxml.html.fromstring(answer.text).xpath("string(//p[@class='form-error'])")
    assert counts(desk.archive.store) == {"draft": 0, "scheduled": 0, "published": 1, "trash": 0}
    page = lxml.html.fromstring(desk.client.get(path).text)
    assert page.xpath("string(//input[@name='title']/@value)") == "Kept title"
    assert len(page.xpath("//li[@class='revision']")) == 1
