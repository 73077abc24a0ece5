"""Moderating comments from the dashboard: held and published ones, in bulk, with CSRF, audited."""

from __future__ import annotations

import lxml.html

from metalnomist.pipeline import post_comment
from metalnomist.publishing.moderation import moderate_comments, moderation_queue
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


def test_a_verdict_on_a_comment_already_gone_is_neither_counted_nor_audited(desk: Desk) -> None:
    """Two moderators ticking the same comment: the second verdict finds it deleted, so it must not be counted
    in the notice or written to the audit log as a decision that changed anything."""
    desk.archive.settings = desk.archive.settings.replace(comment_moderation=True)
    gone, kept = comments_on_a_published_post(desk, "Buy pills", "Useful")
    editor = desk.sign_in_user()
    assert moderate_comments(desk.archive.store, editor, [gone], "spam") == []
    desk.sign_in()
    answer = desk.client.post("/admin/comments", follow_redirects=False, data={
        "action": "approve", "comment": [str(gone), str(kept)], "csrf_token": desk.form_token("/admin/comments")})
    assert answer.status_code == 303 and answer.headers["location"] == "/admin/comments?done=approve&n=1"
    assert [(e.action, e.target) for e in audit_log(desk.archive.store)][:2] == [
        ("approve", f"comment {kept}"), ("spam", f"comment {gone}")]
    assert moderate_comments(desk.archive.store, editor, [gone, kept], "reject") == [gone]


def test_comment_ids_past_what_the_database_stores_are_reported_missing(desk: Desk) -> None:
    """The form takes any integer; one past the id column's range is a comment that cannot exist, not a
    database error and an error page."""
    desk.archive.settings = desk.archive.settings.replace(comment_moderation=True)
    [comment] = comments_on_a_published_post(desk, "Useful")
    huge = [0, -1, 2**31, 2**63]
    assert moderate_comments(desk.archive.store, desk.sign_in_user(), [*huge, comment], "approve") == huge
    desk.sign_in()
    assert verdict(desk, "reject", [2**63, comment]) == 303
    assert moderation_queue(desk.archive.store) == ([], [])


def test_the_queue_lists_the_newest_published_comments_up_to_the_number_asked(desk: Desk) -> None:
    """Published comments are moderated too: the dashboard lists the newest fifty, so one past the first few
    is still there to reject."""
    ids = comments_on_a_published_post(desk, *[f"Comment {n}" for n in range(7)])
    held, published = moderation_queue(desk.archive.store)
    assert held == [] and [c.id for c in published] == ids[::-1]
    assert [c.id for c in moderation_queue(desk.archive.store, published=2)[1]] == ids[:-3:-1]


def test_the_page_says_what_each_verdict_did_and_to_how_many(desk: Desk) -> None:
    """The notice after a verdict counts the comments it changed: one is "1 comment", more are plural."""
    desk.archive.settings = desk.archive.settings.replace(comment_moderation=True)
    first, second, third = comments_on_a_published_post(desk, "Useful", "Thanks", "Buy pills")
    desk.sign_in()

    def notice(action: str, ids: list[int]) -> str:
        data = {"action": action, "comment": [str(i) for i in ids], "csrf_token": desk.form_token("/admin/comments")}
        page = lxml.html.fromstring(desk.client.post("/admin/comments", data=data).text)
        return " ".join(page.xpath("string(//p[@class='notice'])").split())

    assert notice("approve", [first, second]) == "Approved: 2 comments."
    assert notice("spam", [third]) == "Marked as spam and removed: 1 comment."
    assert notice("reject", [second]) == "Rejected: 1 comment."
    for forged in ("x", "٣", "²", "1" * 40):  # an Arabic-Indic three, a superscript two, no real count
        assert desk.client.get(f"/admin/comments?done=approve&n={forged}").text.count('class="notice"') == 0


def test_the_audit_page_lists_the_latest_two_hundred_changes_newest_first(desk: Desk) -> None:
    """A busy day's moderation is all there: the page stops at 200 entries, not at the first screenful."""
    ids = comments_on_a_published_post(desk, *[f"Comment {n}" for n in range(205)])
    moderate_comments(desk.archive.store, desk.sign_in_user(), ids, "reject")
    desk.sign_in()
    page = lxml.html.fromstring(desk.client.get("/admin/audit").text)
    targets = [" ".join(t.split()) for t in page.xpath("//tr[@class='audit-entry']/td[4]/text()")]
    assert len(targets) == 200
    assert targets[0] == f"comment {ids[-1]}" and targets[-1] == f"comment {ids[5]}"


def test_a_hostile_held_comment_reaches_the_moderators_page_as_text(desk: Desk) -> None:
    """A held comment is shown to editors before anyone has judged it: markup in it must stay text there,
    or any reader could run a script in a signed-in editor's browser."""
    desk.archive.settings = desk.archive.settings.replace(comment_moderation=True)
    editor = desk.sign_in_user()
    post_id = save(desk.archive.store, desk.archive.settings, editor, Draft("Nickel", "Imports rose."))
    move(desk.archive.store, editor, post_id, "published")
    hostile = "<script>alert(1)</script><img src=x onerror=alert(2)>"
    post_comment(desk.archive, post_id, hostile, hostile, "client")
    desk.sign_in()
    page = lxml.html.fromstring(desk.client.get("/admin/comments").text)
    assert page.xpath("//script | //img | //*[@onerror]") == []
    [row] = page.xpath("//section[@id='held']//tr[@class='comment-row']")
    assert [" ".join(td.text_content().split()) for td in row.xpath("td")[1:3]] == [hostile, hostile]
