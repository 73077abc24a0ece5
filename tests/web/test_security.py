"""Hostile input stays text, every response carries the security headers, errors never leak internals."""

from __future__ import annotations

import lxml.etree
import pytest

from metalnomist.web import pages
from metalnomist.web.security import CSRF_COOKIE, SECURITY_HEADERS, Csrf
from tests.web.conftest import Site, html, select, text_of

FEED_NS = {"a": "http://www.w3.org/2005/Atom"}
HOSTILE = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "javascript:alert(document.cookie)",
    "</textarea><svg onload=alert(1)>",
]


def _assert_inert(doc) -> None:  # type: ignore[no-untyped-def]
    """No script elements, no event-handler attributes, no javascript: links anywhere in the page."""
    assert not select(doc, "script") and not select(doc, "svg")
    for element in doc.iter():
        if not isinstance(element.tag, str):
            continue
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on"), (element.tag, name)
            if name in ("href", "src", "action"):
                assert not value.strip().lower().startswith("javascript:"), (element.tag, value)


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_queries_are_shown_as_text(site: Site, hostile: str) -> None:
    doc = html(site.client.get("/search", params={"q": hostile}))
    _assert_inert(doc)
    assert hostile in text_of(select(doc, ".status-msg .query")[0])
    assert select(doc, "#search-q")[0].get("value") == hostile


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_comments_are_shown_as_text(fresh: Site, hostile: str) -> None:
    url = fresh.iron_ore
    doc = html(fresh.client.get(url))
    token = select(doc, "input[name=csrf_token]")[0].get("value")
    response = fresh.client.post(url, data={"csrf_token": token, "author": hostile, "body": hostile + "\n\nmore"})
    assert response.status_code == 200  # after the redirect
    doc = html(response)
    _assert_inert(doc)
    comment = select(doc, "li.comment")[0]
    author = " ".join(hostile.split())
    assert text_of(select(comment, ".author")[0]) == author
    assert not select(comment, "a")
    post_id = next(p["id"] for p in fresh.client.get("/api/posts", params={"limit": 100}).json()["posts"]
                   if p["url"] == url)
    for alt, entry_path, body_path in [("atom", "a:entry", "a:content"), ("rss", "channel/item", "description")]:
        answer = fresh.client.get(f"/feeds/{post_id}/comments/default", params={"alt": alt})
        feed = lxml.etree.fromstring(answer.content)
        entries = feed.xpath(entry_path, namespaces=FEED_NS)
        assert len(entries) == 1, alt
        assert not feed.xpath("//*[local-name()='script' or local-name()='svg' or local-name()='img']"), alt
        assert entries[0].xpath("string(a:title|title)", namespaces=FEED_NS) == f"Comment by {author}", alt
        assert entries[0].xpath(f"string({body_path})", namespaces=FEED_NS) == hostile + "\n\nmore", alt
        assert alt == "rss" or entries[0].xpath("string(a:author/a:name)", namespaces=FEED_NS) == author


def test_hostile_label_paths_are_text(site: Site) -> None:
    response = site.client.get("/search/label/%3Cscript%3Ealert(1)%3C%2Fscript%3E")
    assert response.status_code == 404
    _assert_inert(html(response))


def test_very_long_and_badly_encoded_queries_do_not_break_search(site: Site) -> None:
    long = site.client.get("/search", params={"q": "copper " * 1500})
    assert long.status_code == 200
    _assert_inert(html(long))
    for query in ["%ff", "%ff%fe%00", "%E2%80", "%"]:
        response = site.client.get(f"/search?q={query}")
        assert response.status_code == 200, query
        html(response)
        assert site.client.get(f"/api/search?q={query}").status_code == 200
        assert site.client.get(f"/feeds/posts/default?q={query}").status_code == 200


@pytest.mark.parametrize("url", ["/", "/search?q=Japan", "/static/style.css", "/feeds/posts/default",
                                 "/api/posts", "/api/nope", "/no/such/page", "/openapi.json", "/docs",
                                 "/robots.txt", "/sitemap.xml"])
def test_security_headers_on_every_response(site: Site, url: str) -> None:
    response = site.client.get(url)
    for name, value in SECURITY_HEADERS.items():
        assert response.headers.get(name) == value, (url, name)
    policy = response.headers["content-security-policy"]
    assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert "'unsafe-inline'" not in policy


def test_pages_carry_no_inline_script_or_style(site: Site) -> None:
    for url in ["/", site.iron_ore, "/search?q=Japan", "/docs", "/no/such/page"]:
        doc = html(site.client.get(url))
        assert not select(doc, "script") and not select(doc, "style") and not select(doc, "*[style]"), url


def test_server_errors_show_no_traceback(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("secret internals: /etc/passwd")

    monkeypatch.setattr(pages, "latest_posts", broken)
    response = site.client.get("/")
    assert response.status_code == 500
    assert "secret internals" not in response.text and "Traceback" not in response.text
    assert text_of(select(html(response), "h1")[0]) == "Something went wrong"
    assert response.headers["x-frame-options"] == "DENY"
    monkeypatch.setattr("metalnomist.web.api.latest_posts", broken)
    api = site.client.get("/api/posts")
    assert api.status_code == 500 and api.json()["error"]["code"] == "internal_error"
    assert "secret internals" not in api.text


def test_comment_without_valid_csrf_token_is_refused(fresh: Site) -> None:
    url = fresh.iron_ore
    fresh.client.get(url)  # sets the CSRF cookie
    for token in ["", "123.abc", "not-a-token"]:
        response = fresh.client.post(url, data={"csrf_token": token, "author": "Eve", "body": "forged"})
        assert response.status_code == 403
        doc = html(response)
        assert "expired" in text_of(select(doc, ".form-error")[0])
        assert select(doc, "textarea[name=body]")[0].text_content() == "forged"
    assert not select(html(fresh.client.get(url)), "li.comment")


def test_csrf_token_is_bound_to_its_cookie_and_expires() -> None:
    csrf = Csrf("key", max_age=100)
    token = csrf.token("cookie-a", now=1000)
    assert csrf.valid("cookie-a", token, now=1050)
    assert not csrf.valid("cookie-b", token, now=1050)
    assert not csrf.valid("cookie-a", token, now=1200)
    assert not Csrf("other-key").valid("cookie-a", token, now=1050)
    assert not csrf.valid(None, token) and not csrf.valid("cookie-a", None)


def test_honeypot_submissions_are_dropped(fresh: Site) -> None:
    url = fresh.iron_ore
    token = select(html(fresh.client.get(url)), "input[name=csrf_token]")[0].get("value")
    response = fresh.client.post(url, data={"csrf_token": token, "author": "Bot", "body": "spam",
                                            "website": "http://spam.example"}, follow_redirects=False)
    assert response.status_code == 303
    post_id = select(html(fresh.client.get(url)), "input[name=post_id]")[0].get("value")
    by_id = fresh.client.post("/comments", data={"csrf_token": token, "post_id": post_id, "author": "Bot",
                                                 "body": "spam", "website": "http://spam.example"},
                              follow_redirects=False)
    assert by_id.status_code == 303  # the form that only knows the post id has the same trap
    assert not select(html(fresh.client.get(url)), "li.comment")


def test_stored_source_urls_only_link_over_http(site: Site) -> None:
    from metalnomist.web.render import safe_href

    assert safe_href("https://example.com/a") == "https://example.com/a"
    assert safe_href("javascript:alert(1)") is None and safe_href(" JaVaScRiPt:x") is None
    assert safe_href("data:text/html,x") is None and safe_href(None) is None


def test_unknown_methods_and_routes(site: Site) -> None:
    assert site.client.delete("/").status_code == 405
    assert site.client.get("/wp-admin/").status_code == 404
    assert site.client.get("/static/../pyproject.toml").status_code == 404


def test_the_comment_forms_cookie_is_out_of_scripts_reach_and_stays_on_this_site(fresh: Site) -> None:
    """The token is bound to this cookie: a script injected anywhere must not read it, nor another site send it
    along with a cross-site form."""
    answer = fresh.client.get(fresh.iron_ore)
    [cookie] = [v for k, v in answer.headers.multi_items() if k == "set-cookie" and v.startswith(CSRF_COOKIE + "=")]
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie
