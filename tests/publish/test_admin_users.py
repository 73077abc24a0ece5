"""Accounts on the dashboard: admins disable and enable them; editors may not; nobody locks themselves out."""

from __future__ import annotations

import lxml.html

from metalnomist.accounts.service import create_user, list_users
from tests.publish.conftest import PASSWORD, Desk


def change(desk: Desk, name: str, active: bool, token: str | None = None) -> int:
    data = {"name": name, "active": str(active).lower(),
            "csrf_token": token if token is not None else desk.form_token("/admin")}
    return desk.client.post("/admin/users", data=data, follow_redirects=False).status_code


def states(desk: Desk) -> dict[str, bool]:
    return {u.name: u.active for u in list_users(desk.archive.store)}


def test_an_admin_disables_and_enables_an_editor(desk: Desk) -> None:
    create_user(desk.archive.store, "boss", PASSWORD, "admin")
    desk.sign_in("boss")
    page = lxml.html.fromstring(desk.client.get("/admin/users").text)
    assert [" ".join(r.text_content().split()) for r in page.xpath("//tr[@class='account']/td[1]")] == ["ana", "boss"]
    assert change(desk, "ana", False) == 303 and states(desk) == {"ana": False, "boss": True}
    back = desk.client.post("/admin/users", data={"name": "ana", "active": "false",
                                                  "csrf_token": desk.form_token("/admin/users")})
    assert str(back.url).endswith("/admin/users")  # back to the list, to see the change
    assert change(desk, "ana", True) == 303 and states(desk) == {"ana": True, "boss": True}
    assert change(desk, "boss", False) == 400 and states(desk)["boss"]
    assert change(desk, "ana", False, token="1.forged") == 403 and states(desk)["ana"]


def test_an_editor_may_not_manage_accounts(desk: Desk) -> None:
    create_user(desk.archive.store, "boss", PASSWORD, "admin")
    desk.sign_in("ana")
    assert desk.client.get("/admin/users").status_code == 403
    assert "Accounts" not in lxml.html.fromstring(desk.client.get("/admin").text).xpath("string(//nav)")
    assert change(desk, "boss", False) == 403 and states(desk)["boss"]


def test_an_editor_turned_away_sees_no_accounts(desk: Desk) -> None:
    """The refusal is the accounts page without its table: names and states stay with the admins."""
    create_user(desk.archive.store, "boss", PASSWORD, "admin")
    desk.sign_in("ana")
    for answer in (desk.client.get("/admin/users"),
                   desk.client.post("/admin/users", data={"name": "boss", "active": "false",
                                                          "csrf_token": desk.form_token("/admin")})):
        page = lxml.html.fromstring(answer.text)
        assert answer.status_code == 403 and page.xpath("//tr[@class='account']") == []
        assert " ".join(page.xpath("string(//p[@class='form-error'])").split()) == "Only admins manage accounts."
        assert "boss" not in answer.text


def test_an_admin_may_enable_their_own_account_only_disabling_it_is_refused(desk: Desk) -> None:
    """The guard is against locking oneself out; a form that re-enables (a double submit, say) is harmless."""
    create_user(desk.archive.store, "boss", PASSWORD, "admin")
    desk.sign_in("boss")
    assert change(desk, "boss", True) == 303 and states(desk) == {"ana": True, "boss": True}
