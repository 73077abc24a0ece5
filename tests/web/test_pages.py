"""Reader pages: Blogger's addresses and wording, parsed as HTML rather than string-matched."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import lxml.etree

from metalnomist.pipeline import ingest_file
from tests.analysis.test_contradictions import write_posts
from tests.web.conftest import IRON_ORE_TITLE, Site, html, select, text_of


def test_home_lists_newest_first_with_blogger_details(site: Site) -> None:
    doc = html(site.client.get("/"))
    summaries = select(doc, "article.post-summary")
    assert len(summaries) == site.settings.page_size
    newest = site.client.get("/api/posts", params={"limit": 1}).json()["posts"][0]
    first = select(summaries[0], "h2.post-title a")[0]
    assert (text_of(first), first.get("href")) == (newest["title"], newest["url"])
    assert all(text_of(select(s, ".comment-count")[0]) == "No comments" for s in summaries)
    assert all(select(s, ".teaser")[0].text_content().strip() for s in summaries)
    label_links = select(doc, "article.post-summary .labels a")
    assert label_links and all(a.get("href").startswith("/search/label/") for a in label_links)


def test_home_pages_with_start_and_max_results(site: Site) -> None:
    first = html(site.client.get("/"))
    older = select(first, ".pager a.older")[0].get("href")
    assert parse_qs(urlsplit(older).query) == {"start": ["10"]}
    assert not select(first, ".pager a.newer")
    second = html(site.client.get(older))
    titles_1 = {text_of(a) for a in select(first, "h2.post-title a")}
    titles_2 = {text_of(a) for a in select(second, "h2.post-title a")}
    assert len(titles_2) == 10 and not titles_1 & titles_2
    assert select(second, ".pager a.newer") and not select(second, ".pager a.older")
    small = html(site.client.get("/?max-results=3&start=3"))
    assert len(select(small, "article.post-summary")) == 3
    assert "max-results=3" in select(small, ".pager a.older")[0].get("href")


def test_bad_paging_parameters_get_a_400_page(site: Site) -> None:
    response = site.client.get("/?start=-1")
    assert response.status_code == 400
    assert "start" in text_of(select(html(response), ".error-message")[0])
    assert site.client.get("/?max-results=abc").status_code == 400
    # a start past a million is refused: deep offsets cost the database as much as reading every post before
    assert site.client.get("/?start=1000000").status_code == 200
    far = site.client.get("/?start=1000001")
    assert far.status_code == 400 and "start" in text_of(select(html(far), ".error-message")[0])


def test_every_page_has_landmarks_skip_link_and_labelled_fields(site: Site) -> None:
    for url in ["/", "/search?q=Japan’s", "/search/label/Iron%20Ore", site.iron_ore, "/no/such/page", "/docs"]:
        doc = html(site.client.get(url))
        for landmark in ["header", "nav", "main", "aside", "footer"]:
            assert select(doc, landmark), f"{url} lacks <{landmark}>"
        skip = select(doc, "a.skip-link")[0]
        assert doc.get_element_by_id(skip.get("href").lstrip("#")) is not None
        assert doc.getroottree().getroot().get("lang") == "en"
        for field in select(doc, "input:not([type=hidden]), textarea"):
            assert select(doc, f"label[for={field.get('id')}]"), f"{url}: unlabelled {field.get('name')}"


def test_sidebar_shows_label_cloud_and_month_archive(site: Site) -> None:
    doc = html(site.client.get("/"))
    cloud = {text_of(a): a.get("href") for a in select(doc, ".label-cloud a")}
    assert cloud["Iron Ore"] == "/search/label/Iron%20Ore"
    assert cloud["🇺🇸 Japan’s"] == "/search/label/%F0%9F%87%BA%F0%9F%87%B8%20Japan%E2%80%99s"
    month = select(doc, ".archive ul a")[0]
    assert text_of(month.getparent()).endswith("(20)")
    listing = html(site.client.get(month.get("href")))
    assert len(select(listing, "article.post-summary")) == 10
    assert "Showing 20 posts from" in text_of(select(listing, ".status-msg")[0])


def test_month_pages_reject_what_is_not_a_month(site: Site) -> None:
    assert site.client.get("/2026/13/").status_code == 404
    assert site.client.get("/1999/01/").status_code == 404
    assert site.client.get("/abcd/01/").status_code == 404
    # years a date cannot hold, or whose month ends past one: not a server error; month 00, which
    # MONTHS[-1] would name December; and Arabic-Indic digits, which `\d` takes
    for path in ("/0000/03/", "/9999/12/", "/2026/00/", "/٢٠٢٤/٠٣/"):
        answer = site.client.get(path)
        assert answer.status_code == 404 and "is not a month" in answer.text, path


def test_label_page_lists_posts_of_that_label(site: Site) -> None:
    for name, url in [("Iron Ore", "/search/label/Iron%20Ore"),
                      ("🇺🇸 Japan’s", "/search/label/%F0%9F%87%BA%F0%9F%87%B8%20Japan%E2%80%99s")]:
        doc = html(site.client.get(url))
        assert text_of(select(doc, ".status-msg")[0]) == f"Showing posts with label {name}. Show all posts"
        posts = select(doc, "article.post-summary")
        assert len(posts) == 1 and name in [text_of(a) for a in select(posts[0], ".labels a")]


def test_unknown_label_is_a_helpful_404(site: Site) -> None:
    response = site.client.get("/search/label/No%20Such%20Label")
    assert response.status_code == 404
    doc = html(response)
    assert select(doc, "main form[role=search] input[name=q]")
    assert len(select(doc, "main .recent-posts a")) == 5
    assert select(doc, "main a.to-labels")[0].get("href") == "#labels-heading"
    assert select(doc, "aside .label-cloud a")


def test_search_heading_matches_blogger(site: Site) -> None:
    doc = html(site.client.get("/search", params={"q": "Japan’s"}))
    status = select(doc, ".status-msg")[0]
    assert text_of(status) == "Showing posts sorted by relevance for query Japan’s. Sort by date · Show all posts"
    other = select(status, "a.other-order")[0].get("href")
    assert parse_qs(urlsplit(other).query) == {"q": ["Japan’s"], "by-date": ["true"]}
    assert select(status, "a.show-all")[0].get("href") == "/"
    by_date = html(site.client.get(other))
    assert text_of(select(by_date, ".status-msg")[0]) == \
        "Showing posts sorted by date for query Japan’s. Sort by relevance · Show all posts"
    back = select(by_date, "a.other-order")[0].get("href")
    assert parse_qs(urlsplit(back).query) == {"q": ["Japan’s"]}


def test_search_hits_have_marked_snippets_labels_and_counts(site: Site) -> None:
    doc = html(site.client.get("/search", params={"q": "iron ore"}))
    hits = select(doc, "article.post-summary")
    assert hits
    top = hits[0]
    assert [text_of(m).lower() for m in select(top, ".snippet mark")][:1] in (["iron"], ["ore"])
    assert text_of(select(top, ".comment-count")[0]) == "No comments"
    assert "Iron Ore" in [text_of(a) for a in select(doc, "article.post-summary .labels a")]


def test_search_pages_with_max_results_and_start(site: Site) -> None:
    first = html(site.client.get("/search", params={"q": "Japan", "max-results": 3}))
    assert len(select(first, "article.post-summary")) == 3
    more = select(first, ".pager a.older")[0]
    assert text_of(more) == "More results"
    query = parse_qs(urlsplit(more.get("href")).query)
    assert query == {"q": ["Japan"], "max-results": ["3"], "start": ["3"]}
    second = html(site.client.get(more.get("href")))
    assert {text_of(a) for a in select(first, "h2 a")}.isdisjoint({text_of(a) for a in select(second, "h2 a")})
    assert select(second, ".pager a.newer")


def test_search_label_filter(site: Site) -> None:
    doc = html(site.client.get("/search", params={"q": "Japan", "label": "Iron Ore"}))
    hits = select(doc, "article.post-summary")
    assert len(hits) == 1 and "Iron Ore" in text_of(hits[0])
    only_label = html(site.client.get("/search", params={"label": "Iron Ore"}))
    assert text_of(select(only_label, ".status-msg")[0]).startswith("Showing posts with label Iron Ore.")


def test_search_pages_keep_the_label_filter(fresh: Site, tmp_path: Path) -> None:
    import json

    from metalnomist.pipeline import ingest_file

    records = [{"title": f"Tin smelter news {n}", "body": f"Tin output rose {n}%.", "labels": ["Tin"],
                "published": f"2025-0{n}-02T10:00:00Z"} for n in (1, 2)]
    source = tmp_path / "tin.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in records))
    ingest_file(fresh.archive, source, "jsonl")
    first = html(fresh.client.get("/search", params={"q": "tin", "label": "Tin", "max-results": 1}))
    older = select(first, ".pager a.older")[0].get("href")
    assert parse_qs(urlsplit(older).query) == {"q": ["tin"], "label": ["Tin"], "max-results": ["1"], "start": ["1"]}
    second = html(fresh.client.get(older))
    titles = [text_of(a) for a in select(first, "h2 a")] + [text_of(a) for a in select(second, "h2 a")]
    assert sorted(titles) == ["Tin smelter news 1", "Tin smelter news 2"]


def test_empty_search_offers_similar_labels(site: Site) -> None:
    doc = html(site.client.get("/search", params={"q": "JAIA-JISF"}))  # one hyphenated word: no post has it
    assert not select(doc, "article.post-summary")
    assert "No posts match your search for JAIA-JISF" in text_of(select(doc, ".no-results")[0])
    assert {text_of(a) for a in select(doc, ".similar-labels a")} >= {"JAIA", "JISF"}


def test_misspelt_search_suggests_the_right_word(site: Site) -> None:
    doc = html(site.client.get("/search", params={"q": "lithum"}))
    suggestion = select(doc, ".suggestion a")[0]
    assert text_of(suggestion) == "lithium"
    assert parse_qs(urlsplit(suggestion.get("href")).query) == {"q": ["lithium"]}


def test_labels_are_offered_when_no_post_has_every_word_though_some_have_one(site: Site) -> None:
    doc = html(site.client.get("/search", params={"q": "JAIA-JISF nickel"}))
    assert select(doc, "article.post-summary"), "posts with `nickel` are shown"
    assert {text_of(a) for a in select(doc, ".similar-labels a")} >= {"JAIA", "JISF"}


def test_a_suggestion_keeps_the_label_searched_within(site: Site) -> None:
    doc = html(site.client.get("/search", params={"q": "lithum", "label": "Lithium Mining"}))
    suggestion = select(doc, ".suggestion a")[0]
    assert parse_qs(urlsplit(suggestion.get("href")).query) == {"q": ["lithium"], "label": ["Lithium Mining"]}


def test_search_without_words_or_labels_shows_all_posts(site: Site) -> None:
    for query in ("", "   ", "\t"):  # a box holding only spaces asks for no words either
        response = site.client.get("/search", params={"q": query}, follow_redirects=False)
        assert (response.status_code, response.headers.get("location")) == (303, "/"), repr(query)


def test_by_date_takes_each_way_of_saying_yes(site: Site) -> None:
    """Old Blogger links and hand-typed ones say by-date=1 or yes as often as true; anything else is relevance."""
    for word, sort in [("true", "date"), ("1", "date"), ("yes", "date"), ("on", "date"), ("TRUE", "date"),
                       ("false", "relevance"), ("0", "relevance"), ("", "relevance")]:
        doc = html(site.client.get("/search", params={"q": "Japan", "by-date": word}))
        assert text_of(select(doc, ".status-msg")[0]).startswith(f"Showing posts sorted by {sort} "), word


def test_more_results_of_a_search_by_date_stay_in_date_order(site: Site) -> None:
    """The next page of a date-sorted search is the same search, sorted by date, with the reader's page size."""
    first = html(site.client.get("/search", params={"q": "Japan", "by-date": "true", "max-results": 2}))
    older = select(first, ".pager a.older")[0]
    assert text_of(older) == "Older posts"
    href = older.get("href")
    assert parse_qs(urlsplit(href).query) == {"q": ["Japan"], "max-results": ["2"], "by-date": ["true"],
                                               "start": ["2"]}
    second = html(site.client.get(href))
    assert text_of(select(second, ".status-msg")[0]).startswith("Showing posts sorted by date ")
    assert parse_qs(urlsplit(select(second, ".pager a.newer")[0].get("href")).query) == {
        "q": ["Japan"], "max-results": ["2"], "by-date": ["true"]}


def test_post_page_sets_commentary_apart(site: Site) -> None:
    doc = html(site.client.get(site.iron_ore))
    assert text_of(select(doc, "h1.post-title")[0]) == IRON_ORE_TITLE
    headings = [text_of(h) for h in select(doc, ".post-body h2")]
    assert headings[0] == "March Iron Ore Imports Dip Despite Monthly Rebound"
    assert "The Metalnomist Commentary" not in headings
    aside = select(doc, "article aside.commentary")[0]
    assert text_of(select(aside, "h2")[0]) == "The Metalnomist Commentary"
    assert text_of(select(aside, "p")[0]).startswith("Japan's lower iron ore imports in March")
    assert [text_of(a) for a in select(doc, "article .labels a")] == ["Iron Ore"]
    assert select(doc, "article .undated time")  # seed posts are undated: the stored date is labelled


def test_post_page_links_to_neighbours(site: Site) -> None:
    doc = html(site.client.get(site.iron_ore))
    newer = select(doc, ".post-pager a.newer")[0].get("href")
    older = select(doc, ".post-pager a.older")[0].get("href")
    assert select(html(site.client.get(older)), ".post-pager a.newer")[0].get("href") == site.iron_ore
    assert select(html(site.client.get(newer)), ".post-pager a.older")[0].get("href") == site.iron_ore


def test_post_page_has_comment_form_with_token_and_hidden_honeypot(site: Site) -> None:
    doc = html(site.client.get(site.iron_ore))
    form = select(doc, "form.comment-form")[0]
    assert form.get("method") == "post" and form.get("action").startswith(site.iron_ore)
    assert select(form, "input[type=hidden][name=csrf_token]")[0].get("value")
    assert select(form, "input[name=author]") and select(form, "textarea[name=body]")
    honeypot = select(form, "input[name=website]")[0]
    assert honeypot.get("tabindex") == "-1"
    assert honeypot.getparent().get("aria-hidden") == "true"
    assert text_of(select(doc, "#comments h2")[0]) == "No comments"


def test_unknown_post_and_route_are_404_pages(site: Site) -> None:
    for url in ["/2026/11/no-such-post.html", "/no/such/thing", "/feeds/9999/comments/default"]:
        response = site.client.get(url)
        assert response.status_code == 404, url
        assert select(html(response), "h1")[0].text_content() == "Page not found"


def test_offline_docs_list_the_api_operations(site: Site) -> None:
    doc = html(site.client.get("/docs"))
    operations = {text_of(h) for h in select(doc, ".operation h2")}
    assert {"GET /api/search", "GET /api/posts", "POST /api/posts/{post_id}/comments"} <= operations
    assert not select(doc, "script")


# --- comments through the form ---------------------------------------------------------------


def _form_fields(site: Site, url: str) -> dict[str, str]:
    doc = html(site.client.get(url))
    form = select(doc, "form.comment-form")[0]
    return {i.get("name"): i.get("value") or "" for i in select(form, "input") if i.get("name")}


def _post_form(site: Site, url: str, **values: str):  # type: ignore[no-untyped-def]
    fields = {**_form_fields(site, url), **values}
    return site.client.post(url, data=fields, follow_redirects=False)


def test_comment_is_published_at_once_without_moderation(fresh: Site) -> None:
    url = fresh.iron_ore
    # the blank line holds spaces, as pasted text often does: it still parts two paragraphs
    response = _post_form(fresh, url, author="Ana", body="First line\nsecond line\n  \nAnother paragraph")
    assert response.status_code == 303
    location = response.headers["location"]
    assert location.startswith(url + "?comment=published#comment-")
    doc = html(fresh.client.get(location))
    assert text_of(select(doc, ".notice")[0]) == "Thank you. Your comment is published below."
    comment = select(doc, "li.comment")[0]
    assert text_of(select(comment, ".author")[0]) == "Ana"
    paragraphs = select(comment, ".comment-body p")
    assert len(paragraphs) == 2 and len(select(paragraphs[0], "br")) == 1
    assert text_of(paragraphs[1]) == "Another paragraph"
    assert text_of(select(doc, "#comments h2")[0]) == "1 comment"
    listing = html(fresh.client.get("/search/label/Iron%20Ore"))
    assert text_of(select(listing, ".comment-count")[0]) == "1 comment"


def test_comment_awaits_moderation_when_moderation_is_on(moderated: Site) -> None:
    url = moderated.iron_ore
    response = _post_form(moderated, url, author="Ana", body="Held for review")
    assert response.headers["location"] == url + "?comment=pending#comments"
    doc = html(moderated.client.get(response.headers["location"]))
    assert "Your comment is awaiting moderation" in text_of(select(doc, ".notice")[0])
    assert not select(doc, "li.comment")


def test_rejected_comment_shows_reason_and_keeps_what_was_typed(fresh: Site) -> None:
    response = _post_form(fresh, fresh.iron_ore, author="", body="Carefully written words")
    assert response.status_code == 400
    doc = html(response)
    assert select(doc, "textarea[name=body]")[0].text_content() == "Carefully written words"
    assert "name" in text_of(select(doc, "#author-error")[0])
    assert select(doc, "input[name=author]")[0].get("aria-invalid") == "true"
    too_long = _post_form(fresh, fresh.iron_ore, author="Bo", body="x" * (fresh.settings.comment_max_chars + 1))
    assert too_long.status_code == 400
    assert select(html(too_long), "input[name=author]")[0].get("value") == "Bo"


def test_comment_rate_limit_is_a_429_with_the_form_kept(db_url: str, tmp_path: Path) -> None:
    from tests.web.conftest import open_site

    for site in open_site(tmp_path, db_url, comment_rate_per_hour=2):
        assert [_post_form(site, site.iron_ore, author="A", body=f"n{i}").status_code for i in range(2)] == [303, 303]
        response = _post_form(site, site.iron_ore, author="A", body="third")
        assert response.status_code == 429
        doc = html(response)
        assert "Too many comments" in text_of(select(doc, ".form-error")[0])
        assert select(doc, "textarea[name=body]")[0].text_content() == "third"


def test_comments_endpoint_takes_the_post_id(fresh: Site) -> None:
    fields = _form_fields(fresh, fresh.iron_ore)
    response = fresh.client.post("/comments", data={**fields, "author": "Cy", "body": "Via /comments"},
                                 follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"].startswith(fresh.iron_ore)
    missing = fresh.client.post("/comments", data={**fields, "post_id": "9999", "author": "Cy", "body": "x"})
    assert missing.status_code == 404


# --- dated posts, odd labels, and an empty archive ----------------------------------------------


def test_dated_post_with_odd_label_and_hostile_source(fresh: Site, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import json

    from metalnomist.pipeline import ingest_file

    record = {"title": "Copper <b>rallies</b>", "body": "Copper rose.\n\nThe Metalnomist Commentary\n\nWatch it.",
              "url": "javascript:alert(1)", "published": "2025-03-04T10:00:00Z", "labels": ["LME/COMEX"]}
    source = tmp_path / "posts.jsonl"
    source.write_text(json.dumps(record) + "\n")
    ingest_file(fresh.archive, source, "jsonl")
    doc = html(fresh.client.get("/2025/03/copper-b-rallies-b.html"))
    assert text_of(select(doc, "h1")[0]) == "Copper <b>rallies</b>"
    time = select(doc, "article .post-meta time")[0]
    assert (time.get("datetime"), text_of(time)) == ("2025-03-04T10:00:00+00:00", "4 March 2025")
    assert not select(doc, "article .undated") and not select(doc, ".origin a")
    assert text_of(select(doc, "aside.commentary p")[0]) == "Watch it."
    label = select(doc, "article .labels a")[0].get("href")
    assert label == "/search/label/LME%2FCOMEX"
    assert len(select(html(fresh.client.get(label)), "article.post-summary")) == 1
    assert fresh.client.get("/feeds/posts/default/-/LME%2FCOMEX").status_code == 200
    march = html(fresh.client.get("/2025/03/"))
    assert [text_of(a) for a in select(march, "h2.post-title a")] == ["Copper <b>rallies</b>"]
    assert "March" in [text_of(a) for a in select(march, ".archive ul a")]


def test_app_without_an_archive_opens_one_and_ingests_nothing(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from fastapi.testclient import TestClient

    from metalnomist.web.app import create_app
    from tests.web.conftest import web_settings

    with TestClient(create_app(web_settings(tmp_path))) as client:
        doc = html(client.get("/"))
        assert text_of(select(doc, ".empty")[0]) == "No posts yet."
        assert client.get("/api/posts").json()["total"] == 0
        assert client.get("/search", params={"q": "copper"}).status_code == 200


def test_head_requests_and_oversized_bodies(site: Site) -> None:
    assert site.client.head("/").status_code == 200
    too_big = site.client.post("/api/posts/1/comments", content=b"x" * 2_000_000,
                               headers={"content-type": "application/json"})
    assert too_big.status_code == 413
    assert too_big.json()["error"]["code"] == "too_large"


def test_post_pages_say_published_when_a_date_is_known_else_added(fresh: Site, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import json

    from metalnomist.pipeline import ingest_file

    records = [{"title": "Zinc wire", "body": "LIMA, June 24, 2025 (Reuters) - Zinc rose."},
               {"title": "Zinc note", "body": "Zinc rose."},
               {"title": "Zinc month", "body": "Zinc rose.", "url": "https://x.example/2024/09/zinc.html"}]
    source = tmp_path / "posts.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in records))
    ingest_file(fresh.archive, source, "jsonl")
    listed = {p["title"]: p for p in fresh.client.get("/api/posts", params={"limit": 50}).json()["posts"]}
    assert (listed["Zinc wire"]["published"], listed["Zinc wire"]["date_source"]) == ("2025-06-24T00:00:00Z",
                                                                                       "dateline")
    assert (listed["Zinc note"]["published"], listed["Zinc note"]["date_source"]) == (None, "ingest")
    dated = select(html(fresh.client.get(listed["Zinc wire"]["url"])), "article .post-meta")[0]
    assert text_of(select(dated, ".published")[0]) == "Published 24 June 2025" and not select(dated, ".undated")
    undated = select(html(fresh.client.get(listed["Zinc note"]["url"])), "article .post-meta")[0]
    assert text_of(select(undated, ".undated")[0]).startswith("Added to the archive ")
    assert not select(undated, ".published")
    # A /YYYY/MM/ URL states a month: the page says so rather than inventing the 1st.
    month = select(html(fresh.client.get(listed["Zinc month"]["url"])), "article .post-meta .published time")[0]
    assert (month.get("datetime"), text_of(month)) == ("2024-09", "September 2024")


def test_every_page_has_a_favicon_and_browsers_default_request_finds_it(site: Site) -> None:
    for url in ["/", site.iron_ore, "/data", "/docs", "/no/such/page"]:
        icons = [link.get("href") for link in select(html(site.client.get(url)), "link[rel=icon]")]
        assert icons == ["/static/favicon.svg"], url
    for url in ["/static/favicon.svg", "/favicon.ico"]:
        answer = site.client.get(url)
        assert answer.status_code == 200 and answer.headers["content-type"] == "image/svg+xml", url
        assert lxml.etree.fromstring(answer.content).tag == "{http://www.w3.org/2000/svg}svg"


# --- paging links and archive pages ---------------------------------------------------------------


def test_the_newer_link_from_a_page_begun_midway_leads_back_to_the_first_page(site: Site) -> None:
    """A reader can arrive at any start (an old link, another page size): "Newer posts" never asks for a
    negative start, and the first page is the plain address, without start=0."""
    assert select(html(site.client.get("/?start=4")), ".pager a.newer")[0].get("href") == "/"
    assert select(html(site.client.get("/?max-results=5&start=3")), ".pager a.newer")[0].get("href") == \
        "/?max-results=5"
    assert select(html(site.client.get("/?max-results=5&start=7")), ".pager a.newer")[0].get("href") == \
        "/?max-results=5&start=2"


def test_a_label_page_past_its_last_post_is_a_page_with_a_way_back_not_a_404(site: Site) -> None:
    """An old "Older posts" link can outlive the posts it led to: the label still exists, so no 404 saying
    that no post carries it."""
    response = site.client.get("/search/label/Iron%20Ore?start=10")
    assert response.status_code == 200
    doc = html(response)
    assert not select(doc, "article.post-summary")
    assert select(doc, ".pager a.newer")[0].get("href") == "/search/label/Iron%20Ore"


def test_a_label_pages_links_to_more_posts_are_the_labels_own_address(fresh: Site, tmp_path: Path) -> None:
    """The pager is built from the label, escaped as every label link is, not from the decoded request path
    (which leaves a space and a '%' raw: an href that is not a URI)."""
    posts = [{"title": f"Tin note {n}", "body": f"Tin rose {n}%.", "labels": ["Tin 100%"],
              "url": f"https://example.com/tin-{n}", "published": f"2025-01-0{n}T10:00:00Z"} for n in (1, 2, 3)]
    ingest_file(fresh.archive, write_posts(tmp_path, posts), "jsonl")
    doc = html(fresh.client.get("/search/label/Tin%20100%25?max-results=1&start=1"))
    assert select(doc, ".pager a.newer")[0].get("href") == "/search/label/Tin%20100%25?max-results=1"
    older = select(doc, ".pager a.older")[0].get("href")
    assert older == "/search/label/Tin%20100%25?max-results=1&start=2"
    assert [text_of(a) for a in select(html(fresh.client.get(older)), "h2.post-title a")] == ["Tin note 1"]


def test_a_month_page_names_its_month(fresh: Site, tmp_path: Path) -> None:
    """January and December, the ends where an index one off shows the wrong month or none; one address each."""
    posts = [{"title": f"Zinc {month}", "body": "Zinc rose.", "url": f"https://example.com/zinc-{month}",
              "published": f"2025-{month}-05T10:00:00Z"} for month in ("01", "12")]
    ingest_file(fresh.archive, write_posts(tmp_path, posts), "jsonl")
    for path, name in (("/2025/01/", "January 2025"), ("/2025/12/", "December 2025")):
        doc = html(fresh.client.get(path))
        assert text_of(select(doc, "h1.page-heading")[0]) == f"Posts from {name}"
        assert text_of(select(doc, ".status-msg")[0]) == f"Showing 1 post from {name}. Show all posts"
    assert fresh.client.get("/2025/1/").status_code == 404  # one address a month, as Blogger's: /2025/01/


def test_a_listing_page_holds_at_most_a_hundred_posts(site: Site) -> None:
    """max-results is the reader's to choose, within what one page may cost."""
    for path in ("/", "/search/label/Iron%20Ore", "/search?q=Japan"):
        assert site.client.get(f"{path}{'&' if '?' in path else '?'}max-results=100").status_code == 200, path
        assert site.client.get(f"{path}{'&' if '?' in path else '?'}max-results=101").status_code == 400, path


def test_a_month_pages_older_link_stays_in_the_month_at_the_readers_page_size(site: Site) -> None:
    """Past the first page a month's archive goes on through that month, not to the home page, and keeps the
    page size the reader chose."""
    month = select(html(site.client.get("/")), ".archive ul a")[0].get("href")
    first = html(site.client.get(f"{month}?max-results=3"))
    older = select(first, ".pager a.older")[0].get("href")
    assert older == f"{month}?max-results=3&start=3"
    second = html(site.client.get(older))
    assert text_of(select(second, "h1.page-heading")[0]) == text_of(select(first, "h1.page-heading")[0])
    assert len(select(second, "article.post-summary")) == 3
    assert {text_of(a) for a in select(first, "h2.post-title a")}.isdisjoint(
        {text_of(a) for a in select(second, "h2.post-title a")})
    assert select(second, ".pager a.newer")[0].get("href") == f"{month}?max-results=3"


def test_a_search_within_several_labels_keeps_the_posts_carrying_them_all(fresh: Site, tmp_path: Path) -> None:
    """Each label narrows the search further, and every one of them is named back to the reader."""
    posts = [{"title": f"Tin {name}", "body": "Tin output rose.", "labels": labels, "url": f"https://example.com/{name}",
              "published": "2025-01-02T10:00:00Z"}
             for name, labels in [("both", ["Tin", "Asia"]), ("tin-only", ["Tin"]), ("asia-only", ["Asia"])]]
    ingest_file(fresh.archive, write_posts(tmp_path, posts), "jsonl")
    doc = html(fresh.client.get("/search", params=[("q", "tin"), ("label", "Tin"), ("label", "Asia")]))
    assert [text_of(a) for a in select(doc, "h2.post-title a")] == ["Tin both"]
    assert "with label Tin, Asia." in text_of(select(doc, ".status-msg")[0])
