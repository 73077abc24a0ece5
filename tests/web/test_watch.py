"""Watches in the browser's terms: "Watch this" on the page itself, /watch with what arrived since the last visit."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import lxml.html
import pytest
from argon2 import PasswordHasher

from metalnomist.accounts import service
from metalnomist.accounts.service import create_user
from metalnomist.pipeline import ingest_file
from metalnomist.store.users import user_by_name
from metalnomist.watches.delivery import send_due
from metalnomist.watches.service import MAX_WATCHES, save_search_watch
from metalnomist.watches.worker import senders
from metalnomist.web.security import CSRF_COOKIE
from tests.web.conftest import Site, html, open_site, select, text_of

PASSWORD = "correct horse battery"
BISMUTH = {"title": "Bismuth imports climb", "published": "2026-01-15", "url": "https://example.com/bi",
           "body": "Japan imported 1,200 tonnes of bismuth in March 2024, the Finance Ministry said.", "labels": []}


@pytest.fixture
def reader(db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Site]:
    """The seeded site with an account "ana", not yet signed in (Argon2id at its lowest cost)."""
    hasher = PasswordHasher(time_cost=1, memory_cost=64, parallelism=1)
    monkeypatch.setattr(service, "_hasher", hasher)
    monkeypatch.setattr(service, "_DUMMY_HASH", hasher.hash("not anyone's password"))
    for site in open_site(tmp_path, db_url, webhook_allow_private=True):  # its webhook goes to 127.0.0.1
        create_user(site.archive.store, "ana", PASSWORD, "editor")
        yield site


def sign_in(site: Site, name: str = "ana") -> None:
    page = lxml.html.fromstring(site.client.get("/admin/login").text)
    token = page.xpath("//input[@name='csrf_token']/@value")[0]
    response = site.client.post("/admin/login", data={"name": name, "password": PASSWORD, "csrf_token": token},
                                follow_redirects=False)
    assert response.status_code == 303


def submit_watch_form(site: Site, page_url: str) -> list[tuple[str, str]]:
    """Press the page's "Watch this" button; returns the fields the form sent."""
    response = site.client.get(page_url)
    form = select(html(response), "form.watch-form")[0]
    fields = [(i.get("name"), i.get("value")) for i in form.xpath(".//input")]
    data: dict[str, list[str]] = {}
    for name, value in fields:
        data.setdefault(name, []).append(value)
    answer = site.client.post("/watch", data=data, follow_redirects=False)
    assert (answer.status_code, answer.headers["location"]) == (303, "/watch")
    return fields


def watches(site: Site) -> list[str]:
    return [text_of(h) for h in select(html(site.client.get("/watch")), "section.watch h2")]


def ingest(site: Site, tmp_path: Path, posts: list[dict[str, object]]) -> None:
    path = tmp_path / "new.jsonl"
    path.write_text("\n".join(json.dumps(p) for p in posts), encoding="utf-8")
    ingest_file(site.archive, path, "jsonl")


def test_readers_without_an_account_get_no_watch_form_and_cannot_save(reader: Site) -> None:
    assert not select(html(reader.client.get("/search?q=lithium")), "form.watch-form")
    assert reader.client.get("/watch", follow_redirects=False).headers["location"] == "/admin/login"
    response = reader.client.post("/watch", data={"kind": "search", "q": "lithium"}, follow_redirects=False)
    assert response.headers["location"] == "/admin/login"
    sign_in(reader)
    assert watches(reader) == []


def test_a_search_is_watched_from_its_page_once(reader: Site) -> None:
    sign_in(reader)
    page = reader.client.get("/search?q=lithium&label=Lithium")
    assert page.headers["cache-control"] == "private, no-store"  # the form's token is this reader's
    fields = submit_watch_form(reader, "/search?q=lithium&label=Lithium")
    assert ("q", "lithium") in fields and ("label", "Lithium") in fields and ("kind", "search") in fields
    submit_watch_form(reader, "/search?q=lithium&label=Lithium")
    assert watches(reader) == ["Search: lithium with label Lithium"]
    submit_watch_form(reader, "/search/label/Iron%20Ore")
    assert watches(reader) == ["Search: lithium with label Lithium", "Posts with label Iron Ore"]


def test_a_page_holding_a_readers_watch_form_is_kept_per_cookie(reader: Site) -> None:
    """A cache in front of the site may still store it (it ignores `no-store`): `Vary: Cookie` keeps it
    from handing one reader's form token to the next reader of the same address."""
    sign_in(reader)
    page = reader.client.get("/search?q=lithium")
    assert select(html(page), "form.watch-form")
    assert (page.headers["cache-control"], page.headers["vary"]) == ("private, no-store", "Cookie")

def test_a_form_from_elsewhere_saves_nothing(reader: Site) -> None:
    sign_in(reader)
    response = reader.client.post("/watch", data={"kind": "search", "q": "lithium", "csrf_token": "forged"})
    assert response.status_code == 403
    assert watches(reader) == []


def test_watch_lists_what_arrived_since_the_last_visit(reader: Site, tmp_path: Path) -> None:
    sign_in(reader)
    submit_watch_form(reader, "/search?q=bismuth")
    submit_watch_form(reader, "/data?commodity=bismuth&metric=imports")
    ingest(reader, tmp_path, [BISMUTH])
    doc = html(reader.client.get("/watch"))
    sections = select(doc, "section.watch")
    assert [text_of(s.xpath(".//h2")[0]) for s in sections] == ["Search: bismuth",
                                                               "Figures: commodity bismuth, metric imports"]
    for section in sections:
        assert text_of(section.xpath(".//p[@class='watch-status']")[0]).startswith("1 new since your last visit")
        assert [text_of(a) for a in section.xpath(".//ul[@class='watch-new']//a")] == [BISMUTH["title"]]
    again = html(reader.client.get("/watch"))  # the visit above saw it
    assert not select(again, "ul.watch-new")
    assert [text_of(a) for a in select(again, "details.watch-earlier a")] == [BISMUTH["title"]] * 2


def test_a_series_page_watches_its_figures(reader: Site) -> None:
    sign_in(reader)
    fields = submit_watch_form(reader, "/data/series?commodity=electric+vehicles&metric=sales&country=Japan")
    assert [(k, v) for k, v in fields if k not in ("csrf_token",)] == [
        ("kind", "facts"), ("commodity", "electric vehicles"), ("metric", "sales"), ("country", "Japan")]
    assert watches(reader) == ["Figures: commodity electric vehicles, country Japan, metric sales"]


def test_a_company_or_partner_series_watches_only_its_own_figures(reader: Site) -> None:
    """Nissan's series watches Nissan's figures and imports from Russia watch Russia's, not the market's."""
    sign_in(reader)
    nissan = submit_watch_form(reader, "/data/series?commodity=electric+vehicles&metric=sales&country=Japan"
                                       "&company=Nissan")
    assert ("company", "Nissan") in nissan
    russia = submit_watch_form(reader, "/data/series?commodity=palladium&metric=imports&country=Japan"
                                       "&partner=Russia")
    assert ("partner", "Russia") in russia


def test_one_posts_facts_are_not_a_watch(reader: Site) -> None:
    """A watch follows filters over new posts; one post's facts never change, so they offer no watch, and a
    filter narrowed to a post watches the filter alone."""
    sign_in(reader)
    post_id = reader.client.get("/api/facts", params={"country": "Japan"}).json()["facts"][0]["post_id"]
    assert not select(html(reader.client.get(f"/data?post_id={post_id}")), "form.watch-form")
    fields = submit_watch_form(reader, f"/data?post_id={post_id}&country=Japan")
    assert [(k, v) for k, v in fields if k != "csrf_token"] == [("kind", "facts"), ("country", "Japan")]


def delete_forms(site: Site) -> list[tuple[str, str]]:
    """(action, token) of each "Stop watching" button on /watch."""
    forms = select(html(site.client.get("/watch")), "form.watch-delete")
    return [(f.get("action"), f.xpath(".//input[@name='csrf_token']/@value")[0]) for f in forms]


def two_readers_forms(reader: Site, forms: Callable[[Site], list[tuple[str, str]]],
                      words: str) -> tuple[tuple[str, str], tuple[str, str]]:
    """Ana watches `words` and Ben nickel: (action, token) of Ana's form, then of Ben's, Ben signed in."""
    sign_in(reader)
    submit_watch_form(reader, f"/search?q={words}")
    [anas] = forms(reader)
    create_user(reader.archive.store, "ben", PASSWORD, "editor")
    reader.client.cookies.clear()
    sign_in(reader, "ben")
    submit_watch_form(reader, "/search?q=nickel")
    [bens] = forms(reader)
    return anas, bens


def test_stop_watching_deletes_only_ones_own(reader: Site) -> None:
    (anas_action, _), (bens_action, bens_token) = two_readers_forms(reader, delete_forms, "lithium")
    assert reader.client.post(anas_action, data={"csrf_token": bens_token}).status_code == 404
    assert reader.client.post(bens_action, data={"csrf_token": bens_token}, follow_redirects=False).status_code == 303
    assert watches(reader) == []
    reader.client.cookies.clear()
    sign_in(reader)
    assert watches(reader) == ["Search: lithium"]


def test_deliveries_are_set_on_watch_and_a_stopped_webhook_says_why(reader: Site, tmp_path: Path) -> None:
    sign_in(reader)
    submit_watch_form(reader, "/search?q=bismuth")
    form = select(html(reader.client.get("/watch")), "form.deliveries-form")[0]
    token = form.xpath(".//input[@name='csrf_token']/@value")[0]
    bad = reader.client.post(form.get("action"), data={"csrf_token": token, "email_every": "daily",
                                                       "email_to": "ana@example.com\nBcc: all@example.com"})
    assert bad.status_code == 400
    closed = "http://127.0.0.1:9/hook"  # the discard port: nothing listens, so every delivery fails
    saved = reader.client.post(form.get("action"), data={"csrf_token": token, "email_every": "daily",
                                                         "email_to": "ana@example.com", "webhook_url": closed},
                               follow_redirects=False)
    assert saved.status_code == 303
    doc = html(reader.client.get("/watch"))
    assert select(doc, "select[name=email_every] option[selected]")[0].get("value") == "daily"
    assert select(doc, "input[name=webhook_url]")[0].get("value") == closed
    assert text_of(select(doc, "p.webhook-secret code")[0]).startswith("whsec_")
    ingest(reader, tmp_path, [BISMUTH])
    settings = reader.settings.replace(delivery_max_attempts=1)
    send_due(reader.archive.store, settings, senders(settings))
    doc = html(reader.client.get("/watch"))
    reason = text_of(select(doc, "p.webhook-disabled")[0])
    assert reason.startswith("Webhook disabled: stopped after 1 failed deliveries in a row")
    assert "could not be reached" in reason
    [row] = select(doc, "table.delivery-log tbody tr")
    assert "failed" in row.get("class") and "webhook" in text_of(row)


def test_a_figures_watch_keeps_the_words_it_was_narrowed_by(reader: Site, tmp_path: Path) -> None:
    sign_in(reader)
    fields = submit_watch_form(reader, "/data?commodity=bismuth&q=Finance+Ministry")
    assert ("q", "Finance Ministry") in fields
    exported = {**BISMUTH, "title": "Bismuth exports slip", "url": "https://example.com/bi-out",
                "body": "Japan exported 300 tonnes of bismuth in April 2024, a trade group said."}
    ingest(reader, tmp_path, [BISMUTH, exported])
    (section,) = select(html(reader.client.get("/watch")), "section.watch")
    assert [text_of(a) for a in section.xpath(".//ul[@class='watch-new']//a")] == [BISMUTH["title"]]


def deliveries_forms(site: Site) -> list[tuple[str, str]]:
    """(action, token) of each watch's deliveries form on /watch."""
    forms = select(html(site.client.get("/watch")), "form.deliveries-form")
    return [(f.get("action"), f.xpath(".//input[@name='csrf_token']/@value")[0]) for f in forms]


def test_deliveries_are_set_on_ones_own_watches_only(reader: Site) -> None:
    """Another reader's watch id in the form's address changes nothing of it: its mail would go to
    them, its posts to their webhook."""
    (anas_action, _), (_, bens_token) = two_readers_forms(reader, deliveries_forms, "bismuth")
    taken = reader.client.post(anas_action, data={"csrf_token": bens_token, "email_every": "immediately",
                                                  "email_to": "ben@example.com"}, follow_redirects=False)
    assert taken.status_code == 404
    reader.client.cookies.clear()
    sign_in(reader)
    doc = html(reader.client.get("/watch"))
    assert select(doc, "input[name=email_to]")[0].get("value") in (None, "")
    assert not select(doc, "select[name=email_every] option[selected][value=immediately]")


def test_delete_and_deliveries_forms_from_elsewhere_change_nothing(reader: Site) -> None:
    """As with saving a watch: a signed-in reader's cookie alone, sent by another site's form, neither
    stops a watch nor sends its posts somewhere else."""
    sign_in(reader)
    submit_watch_form(reader, "/search?q=bismuth")
    [(delete_action, _)] = delete_forms(reader)
    [(deliveries_action, _)] = deliveries_forms(reader)
    stolen = reader.client.post(deliveries_action, data={"csrf_token": "forged", "email_every": "immediately",
                                                         "email_to": "eve@example.com"})
    assert stolen.status_code == 403
    assert reader.client.post(delete_action, data={"csrf_token": "forged"}).status_code == 403
    assert watches(reader) == ["Search: bismuth"]
    assert select(html(reader.client.get("/watch")), "input[name=email_to]")[0].get("value") in (None, "")


def test_an_account_keeps_at_most_max_watches(reader: Site) -> None:
    """The hundredth watch is saved, the next one refused with the reason (a page to read, not a crawler's list)."""
    with reader.archive.store.reading() as conn:
        ana = user_by_name(conn, "ana")
    assert ana is not None
    for i in range(MAX_WATCHES - 1):
        save_search_watch(reader.archive.store, ana, f"metal{i}", ())
    sign_in(reader)
    submit_watch_form(reader, "/search?q=bismuth")  # the hundredth
    page = reader.client.get("/search?q=nickel")
    form = select(html(page), "form.watch-form")[0]
    data = {i.get("name"): i.get("value") for i in form.xpath(".//input")}
    refused = reader.client.post("/watch", data=data, follow_redirects=False)
    assert refused.status_code == 400 and f"already have {MAX_WATCHES} watches" in refused.text
    assert len(watches(reader)) == MAX_WATCHES


def test_each_watch_links_the_feed_of_the_same_search(reader: Site) -> None:
    """A reader may follow a watch in a feed reader instead: the link names its words and its label."""
    sign_in(reader)
    submit_watch_form(reader, "/search?q=lithium&label=Lithium")
    [feed] = select(html(reader.client.get("/watch")), "section.watch a.follow")
    assert feed.get("href") == "/feeds/posts/default/-/Lithium?q=lithium"
    assert reader.client.get(feed.get("href")).status_code == 200


def watch_form_cookie(site: Site) -> str:
    """The Set-Cookie of the CSRF cookie a page with a "Watch this" form gives a signed-in reader who has none."""
    site.client.cookies.delete(CSRF_COOKIE)
    answer = site.client.get("/search?q=lithium")
    assert select(html(answer), "form.watch-form")
    [cookie] = [v for k, v in answer.headers.multi_items() if k == "set-cookie" and v.startswith(CSRF_COOKIE + "=")]
    return cookie


def test_the_watch_forms_cookie_is_out_of_scripts_reach_and_sent_only_over_https_there(reader: Site) -> None:
    """The form's token is bound to this cookie, as the comment form's is: HttpOnly, not sent cross-site, and
    behind https marked Secure."""
    sign_in(reader)
    cookie = watch_form_cookie(reader)
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie and "Secure" not in cookie
    reader.client.base_url = "https://testserver"  # type: ignore[assignment]
    assert "Secure" in watch_form_cookie(reader)
