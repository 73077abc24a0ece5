"""Moderating comments from the dashboard: held and published ones, in bulk, with CSRF, audited."""

from __future__ import annotations

import lxml.html

from metalnomist.pipeline import post_comment
from metalnomist.publishing.moderation import moderation_queue
from metalnomist.publishing.service import Draft, audit_log, move, save
from tests.publish.conftest import Desk


def comments_on_a_published_post(desk: Desk, *texts: str) -> list[int]:
    editor = desk.sign_in_user()
    post_id = save(desk.archive.store, desk.archive.settings, editor, Draft("Nickel", "Imports rose."))
    move(desk.archive.store, editor, post_id, "published")
    return [post_comment(desk.archive, post_id, "Reader", text, f"client-{text}").id or 0 for text in texts]


def verdict(desk: Desk, action: str, ids: list[int], token: str | None = None) -> int:
    data = {"action": action, "comment": [str(i) for i in ids],
            "csrf_token": token if token is not None else desk.form_token("/admin/comments")}
    return desk.client.post("/admin/comments", data=data, follow_redirects=False).status_code


def test_held_comments_are_approved_rejected_and_marked_spam_in_bulk(desk: Desk) -> None:
    desk.archive.settings = desk.archive.settings.replace(comment_moderation=True)
    first, second, third, fourth = comments_on_a_published_post(desk, "Useful", "Thanks", "Buy pills", "Off topic")
    desk.sign_in()
    page = lxml.html.fromstring(desk.client.get("/admin/comments").text)
    assert page.xpath("//section[@id='held']//td[@class='comment-text']/text()") == [
        "Useful", "Thanks", "Buy pills", "Off topic"]
    assert verdict(desk, "approve", [first, second]) == 303
    assert verdict(desk, "spam", [third]) == 303
    held, published = moderation_queue(desk.archive.store)
    assert [c.body for c in held] == ["Off topic"] and [c.body for c in published] == ["Thanks", "Useful"]
    assert verdict(desk, "reject", [second]) == 303  # published comments are moderated too
    assert [c.body for c in moderation_queue(desk.archive.store)[1]] == ["Useful"]
    log = [(e.user, e.action, e.target) for e in audit_log(desk.archive.store)][:4]
    assert log == [("ana", "reject", f"comment {second}"), ("ana", "spam", f"comment {third}"),
                   ("ana", "approve", f"comment {second}"), ("ana", "approve", f"comment {first}")]
    audit_page = desk.client.get("/admin/audit").text
    assert f"comment {third}" in audit_page


def test_moderation_needs_a_session_and_the_forms_token(desk: Desk) -> None:
    desk.archive.settings = desk.archive.settings.replace(comment_moderation=True)
    [comment] = comments_on_a_published_post(desk, "Useful")
    token = desk.form_token("/admin/login")
    assert verdict(desk, "approve", [comment], token) == 303  # to the sign-in page
    desk.sign_in()
    assert verdict(desk, "approve", [comment], "1.forged") == 403
    assert [c.id for c in moderation_queue(desk.archive.store)[0]] == [comment]
