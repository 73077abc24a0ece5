"""The JSON API: exact response shapes from interfaces.md and one error shape for every failure."""

from __future__ import annotations

import json

import pytest

from metalnomist.errors import (
    ConfigError,
    InvalidInput,
    InvalidQuery,
    NotFound,
    RateLimited,
    StoreError,
    TooLarge,
    UnsupportedType,
)
from metalnomist.pipeline import ingest_file
from metalnomist.web.errors import ERROR_TABLE, classify
from tests.web.conftest import Site

RESULT_KEYS = {"rank", "id", "title", "url", "source_url", "published", "labels", "score", "snippet", "missing"}


def assert_error(response, status: int, code: str, field: str | None = None) -> dict:  # type: ignore[no-untyped-def,type-arg]
    """The pinned error shape: exactly these keys, `field` only when one field is to blame."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    error = body["error"]
    expected_keys = {"status", "code", "message"} | ({"field"} if field else set())
    assert set(error) == expected_keys
    assert (error["status"], error["code"], error.get("field")) == (status, code, field)
    assert isinstance(error["message"], str) and error["message"]
    return error


def test_search_answers_the_documented_shape(site: Site) -> None:
    body = site.client.get("/api/search", params={"q": "Japan’s", "limit": 5}).json()
    assert set(body) == {"query", "sort", "total", "every_word", "suggestion", "results"}
    assert (body["query"], body["sort"]) == ("Japan’s", "relevance")
    assert body["total"] >= 5 and len(body["results"]) == 5
    for rank, result in enumerate(body["results"], start=1):
        assert set(result) == RESULT_KEYS
        assert result["rank"] == rank
        assert result["url"].endswith(".html") and result["url"].startswith("/")
        assert result["source_url"] is None  # the seed page carries no source addresses
        assert isinstance(result["labels"], list) and isinstance(result["score"], float)
    assert "<mark>" in body["results"][0]["snippet"]
    assert site.client.get(body["results"][0]["url"]).status_code == 200


def test_search_by_date_label_and_paging(site: Site) -> None:
    by_date = site.client.get("/api/search", params={"q": "Japan", "by-date": "true", "limit": 100}).json()
    assert by_date["sort"] == "date"
    labelled = site.client.get("/api/search", params={"q": "Japan", "label": "Iron Ore"}).json()
    assert labelled["total"] == 1 and labelled["results"][0]["labels"] == ["Iron Ore"]
    page_1 = site.client.get("/api/search", params={"q": "Japan", "limit": 2}).json()["results"]
    page_2 = site.client.get("/api/search", params={"q": "Japan", "limit": 2, "offset": 2}).json()["results"]
    assert [r["rank"] for r in page_2] == [3, 4]
    assert {r["id"] for r in page_1}.isdisjoint(r["id"] for r in page_2)


def test_each_hit_of_a_full_page_names_exactly_the_words_it_lacks(site: Site) -> None:
    """Twenty partial hits on one page: each one's `missing` agrees with what each word finds alone."""
    def ids(q: str) -> set[int]:
        return {r["id"] for r in site.client.get("/api/search", params={"q": q, "limit": 100}).json()["results"]}

    having = {word: ids(word) for word in ("Japan", "hydrogen")}
    page = site.client.get("/api/search", params={"q": "Japan hydrogen", "limit": 20}).json()["results"]
    assert len(page) == 20
    assert [r["missing"] for r in page] == [[w for w in having if r["id"] not in having[w]] for r in page]


@pytest.mark.parametrize("params, field", [
    ({"q": "x", "limit": 101}, "limit"),
    ({"q": "x", "limit": 0}, "limit"),
    ({"q": "x", "limit": "ten"}, "limit"),
    ({"q": "x", "offset": -1}, "offset"),
    ({"q": "x", "by-date": "maybe"}, "by-date"),
])
def test_bad_search_parameters_are_422_naming_the_field(site: Site, params: dict, field: str) -> None:  # type: ignore[type-arg]
    error = assert_error(site.client.get("/api/search", params=params), 422, "invalid_parameter", field)
    assert error["message"].startswith(field + ":")


def test_posts_listing_with_total_and_label(site: Site) -> None:
    body = site.client.get("/api/posts", params={"limit": 5, "offset": 5}).json()
    assert (body["total"], body["limit"], body["offset"], len(body["posts"])) == (20, 5, 5, 5)
    assert set(body["posts"][0]) == {"id", "title", "url", "source_url", "published", "date_source", "created",
                                     "labels", "comment_count"}
    labelled = site.client.get("/api/posts", params={"label": "Iron Ore"}).json()
    assert labelled["total"] == 1 and labelled["posts"][0]["labels"] == ["Iron Ore"]
    assert_error(site.client.get("/api/posts", params={"limit": 1000}), 422, "invalid_parameter", "limit")


def test_one_post_with_blocks_and_comments(site: Site) -> None:
    listed = site.client.get("/api/posts", params={"limit": 1}).json()["posts"][0]
    body = site.client.get(f"/api/posts/{listed['id']}").json()
    assert body["title"] == listed["title"] and body["url"] == listed["url"]
    assert body["blocks"] and set(body["blocks"][0]) == {"kind", "text"}
    assert body["body"].startswith(body["blocks"][0]["text"])
    assert body["comments"] == []


def test_missing_post_is_404_in_the_error_shape(site: Site) -> None:
    assert "9999" in assert_error(site.client.get("/api/posts/9999"), 404, "not_found")["message"]
    assert_error(site.client.get("/api/posts/9999/comments"), 404, "not_found")
    assert_error(site.client.get("/api/posts/abc"), 422, "invalid_parameter", "post_id")


def test_labels_with_counts_and_links(site: Site) -> None:
    labels = site.client.get("/api/labels").json()["labels"]
    assert {"name": "Iron Ore", "count": 1, "url": "/search/label/Iron%20Ore"} in labels
    assert sum(item["count"] for item in labels) == 20


def test_post_a_comment_as_json(fresh: Site) -> None:
    post_id = fresh.client.get("/api/posts", params={"limit": 1}).json()["posts"][0]["id"]
    response = fresh.client.post(f"/api/posts/{post_id}/comments", json={"author": "Ana", "body": "Good <b>read</b>"})
    assert response.status_code == 201
    created = response.json()
    assert created["status"] == "published" and created["comment"]["author"] == "Ana"
    listed = fresh.client.get(f"/api/posts/{post_id}/comments").json()
    assert listed["post_id"] == post_id and [c["body"] for c in listed["comments"]] == ["Good <b>read</b>"]
    detail = fresh.client.get(f"/api/posts/{post_id}").json()
    assert detail["comment_count"] == 1 and [c["body"] for c in detail["comments"]] == ["Good <b>read</b>"]


@pytest.mark.parametrize("content_type", ["application/json; charset=utf-8", "Application/JSON"])
def test_json_with_a_charset_or_in_capitals_is_json(fresh: Site, content_type: str) -> None:
    """Clients commonly add `; charset=utf-8`; media types are case-insensitive: neither is a 415."""
    post_id = fresh.client.get("/api/posts", params={"limit": 1}).json()["posts"][0]["id"]
    body = json.dumps({"author": "Ana", "body": "Noted."}).encode()
    response = fresh.client.post(f"/api/posts/{post_id}/comments", content=body,
                                 headers={"content-type": content_type})
    assert response.status_code == 201, response.text


def test_comment_api_validates_like_the_form(fresh: Site) -> None:
    url = f"/api/posts/{fresh.client.get('/api/posts?limit=1').json()['posts'][0]['id']}/comments"
    assert_error(fresh.client.post(url, json={"author": " ", "body": "x"}), 400, "invalid_input", "author")
    assert_error(fresh.client.post(url, json={"author": "A", "body": ""}), 400, "invalid_input", "body")
    assert_error(fresh.client.post(url, json={"author": "A"}), 422, "invalid_parameter", "body")
    bad_json = fresh.client.post(url, content=b"{not json", headers={"content-type": "application/json"})
    assert "not valid JSON" in assert_error(bad_json, 422, "invalid_parameter")["message"]
    assert_error(fresh.client.post(url, json=["a", "b"]), 422, "invalid_parameter")
    assert_error(fresh.client.post(url, json={"author": 5, "body": "x"}), 422, "invalid_parameter", "author")
    form = fresh.client.post(url, data={"author": "A", "body": "x"})
    assert_error(form, 415, "unsupported_media_type")
    assert_error(fresh.client.post("/api/posts/9999/comments", json={"author": "A", "body": "x"}), 404, "not_found")


def test_comment_api_rate_limit_is_429(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from tests.web.conftest import open_site

    for site in open_site(tmp_path, comment_rate_per_hour=1):
        url = f"/api/posts/{site.client.get('/api/posts?limit=1').json()['posts'][0]['id']}/comments"
        assert site.client.post(url, json={"author": "A", "body": "one"}).status_code == 201
        assert_error(site.client.post(url, json={"author": "A", "body": "two"}), 429, "rate_limited")


def test_moderated_comment_is_pending_and_hidden(moderated: Site) -> None:
    post_id = moderated.client.get("/api/posts?limit=1").json()["posts"][0]["id"]
    created = moderated.client.post(f"/api/posts/{post_id}/comments", json={"author": "A", "body": "b"}).json()
    assert created["status"] == "pending"
    assert moderated.client.get(f"/api/posts/{post_id}/comments").json()["comments"] == []


def test_unknown_api_paths_and_methods_answer_json(site: Site) -> None:
    assert_error(site.client.get("/api/nope"), 404, "not_found")
    assert_error(site.client.delete("/api/posts"), 405, "method_not_allowed")


def test_error_table_maps_every_domain_error() -> None:
    assert classify(NotFound("x")) == (404, "not_found")
    assert classify(InvalidInput("author", "empty")) == (400, "invalid_input")
    assert classify(TooLarge("image", "over 900,000 bytes")) == (413, "too_large")  # before InvalidInput, its base
    assert classify(UnsupportedType("image", "a BMP")) == (415, "unsupported_media_type")
    assert classify(InvalidQuery("x")) == (400, "invalid_query")
    assert classify(RateLimited("x")) == (429, "rate_limited")
    assert classify(StoreError("x")) == (503, "store_unavailable")
    assert classify(ConfigError("x")) == (500, "misconfigured")
    assert classify(RuntimeError("x")) == (500, "internal_error")
    assert len({kind for kind, _, _ in ERROR_TABLE}) == len(ERROR_TABLE)


def test_openapi_document_describes_the_api_only(site: Site) -> None:
    spec = site.client.get("/openapi.json").json()
    assert set(spec["paths"]) == {"/api/search", "/api/posts", "/api/posts/{post_id}",
                                  "/api/posts/{post_id}/comments", "/api/posts/{post_id}/revisions",
                                  "/api/media", "/api/labels", "/api/facts",
                                  "/api/facts/values", "/api/facts/series", "/api/facts/series/titles",
                                  "/api/facts/contradictions"}
    search_params = {p["name"] for p in spec["paths"]["/api/search"]["get"]["parameters"]}
    assert search_params == {"q", "by-date", "label", "limit", "offset", "match"}
    result = spec["components"]["schemas"]["SearchResult"]["properties"]
    assert set(result) == RESULT_KEYS


def test_facts_with_filters(site: Site) -> None:
    everything = site.client.get("/api/facts", params={"limit": 100}).json()
    assert set(everything) == {"total", "total_exact", "limit", "offset", "facts", "unmatched"}
    assert everything["unmatched"] == [] and everything["total_exact"]
    assert everything["total"] > 0, "the seed posts yield facts"
    fact = everything["facts"][0]
    assert {"post", "sentence", "metric", "value", "unit", "change_pct", "commodity", "country", "period",
            "forecast", "source"} <= set(fact)
    commodity = next(f["commodity"] for f in everything["facts"] if f["commodity"])
    filtered = site.client.get("/api/facts", params={"commodity": commodity.upper(), "limit": 100}).json()
    assert filtered["total"] >= 1 and commodity in {f["commodity"] for f in filtered["facts"]}
    # a commodity finds its products (`lithium` → `lithium carbonate`); no match names the nearest values
    lithium = site.client.get("/api/facts", params={"commodity": "lithium", "limit": 100}).json()
    assert "lithium carbonate" in {f["commodity"] for f in lithium["facts"]}
    missing = site.client.get("/api/facts", params={"commodity": "palladum"}).json()
    assert missing["total"] == 0 and missing["unmatched"][0]["nearest"][0] == "palladium"
    assert missing["unmatched"][0]["message"] == "no fact has commodity 'palladum'; nearest: palladium"
    by_post = site.client.get("/api/facts", params={"post_id": fact["post_id"]}).json()
    assert {f["post_id"] for f in by_post["facts"]} == {fact["post_id"]}
    assert_error(site.client.get("/api/facts", params={"limit": 101}), 422, "invalid_parameter", "limit")


@pytest.mark.parametrize("direction", ["asc", "desc"])
def test_facts_sorted_by_value_in_the_direction_asked(site: Site, direction: str) -> None:
    found = site.client.get("/api/facts", params={"sort": "value", "dir": direction, "limit": 100}).json()["facts"]
    values = [f["value"] for f in found]
    numbers = [v for v in values if v is not None]
    assert len(set(numbers)) > 2, "the seed reports several different figures"
    assert numbers == sorted(numbers, reverse=direction == "desc")
    assert values == numbers + [None] * (len(values) - len(numbers))  # nulls last either way


def test_facts_words_narrow_one_posts_facts(site: Site) -> None:
    """`q` with `post_id` keeps that post's facts whose sentence has the words, not all of the post's."""
    sales = site.client.get("/api/facts", params={"q": "6,429 units", "limit": 100}).json()["facts"]
    post_id = sales[0]["post_id"]
    everyone = site.client.get("/api/facts", params={"post_id": post_id, "limit": 100}).json()["facts"]
    wanted = [f["id"] for f in everyone if "6,429 units" in f["sentence"]]
    assert wanted and len(wanted) < len(everyone), "the post has facts without the words too"
    both = site.client.get("/api/facts", params={"post_id": post_id, "q": "6,429 units", "limit": 100}).json()
    assert [f["id"] for f in both["facts"]] == wanted and both["total"] == len(wanted)


def test_a_common_labels_posts_list_only_that_label(fresh: Site, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A label carried by many posts is listed by walking the date order and testing each post for it:
    newer posts without the label are passed over, not listed under it."""
    records = [{"title": f"Nickel market note {n}", "body": f"Nickel prices moved {n}%.", "labels": ["Nickel"],
                "published": f"2001-{n:02}-02T10:00:00Z"} for n in range(1, 13)]
    records.append({"title": "Tin market note", "body": "Tin prices moved.", "labels": ["Tin"],
                    "published": "2002-01-02T10:00:00Z"})
    source = tmp_path / "nickel.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in records))
    ingest_file(fresh.archive, source, "jsonl")
    fresh.archive.counts.settled()  # the total is the kept count: on a busy machine a reader would not wait for it
    newest = fresh.client.get("/api/posts", params={"limit": 1}).json()["posts"][0]
    assert "Nickel" not in newest["labels"], "posts without the label are newer than the label's"
    for limit in (1, 2):  # 12 of 33 posts: common enough to walk for (browse.latest_posts) at these sizes
        body = fresh.client.get("/api/posts", params={"label": "Nickel", "limit": limit}).json()
        assert body["total"] == 12
        assert [p["title"] for p in body["posts"]] == [f"Nickel market note {n}" for n in (12, 11)][:limit]


def _every_fact(site: Site, **params: object) -> list[dict]:  # type: ignore[type-arg]
    """All pages of /api/facts for these filters, read at the largest page size."""
    found: list[dict] = []  # type: ignore[type-arg]
    while True:
        page = site.client.get("/api/facts", params={**params, "limit": 100, "offset": len(found)}).json()
        assert page["offset"] == len(found)  # each page says which page it is
        found += page["facts"]
        if not page["facts"] or len(found) >= page["total"]:
            return found


@pytest.mark.parametrize("field", ["metric", "country", "partner", "company", "period", "source"])
def test_each_facts_filter_keeps_exactly_the_facts_with_that_value(site: Site, field: str) -> None:
    """A filter narrows by its own field, whole value in any case: not another field's, and never ignored."""
    everything = _every_fact(site)
    values = [f[field] for f in everything if f[field]]
    wanted = max(set(values), key=values.count)  # the most reported value, so the test has several facts
    expected = [f["id"] for f in everything if (f[field] or "").casefold() == wanted.casefold()]
    assert 1 < len(expected) < len(everything), "the seed has facts with and without the value"
    assert [f["id"] for f in _every_fact(site, **{field: wanted.upper()})] == expected
    assert [f["id"] for f in _every_fact(site, **{field: f"  {wanted} "})] == expected  # spaced as /data reads it


def test_an_offset_past_the_documented_most_is_refused(site: Site) -> None:
    """Paging stops at the schema's bound for every listing, rather than asking the index or database for it."""
    for path in ("/api/search", "/api/posts", "/api/facts"):
        assert_error(site.client.get(path, params={"q": "x", "offset": 1_000_001}), 422, "invalid_parameter",
                     "offset")
        assert site.client.get(path, params={"q": "x", "offset": 1_000_000}).status_code == 200


def test_repeated_labels_find_the_posts_with_every_one(fresh: Site, tmp_path) -> None:  # type: ignore[no-untyped-def]

    records = [{"title": "Nickel note one", "body": "Nickel moved.", "labels": ["Nickel", "Indonesia"]},
               {"title": "Nickel note two", "body": "Nickel moved.", "labels": ["Nickel"]},
               {"title": "Indonesia note", "body": "Ore exports moved.", "labels": ["Indonesia"]}]
    source = tmp_path / "labelled.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in records))
    ingest_file(fresh.archive, source, "jsonl")
    both = fresh.client.get("/api/search", params=[("q", ""), ("label", "Nickel"), ("label", "Indonesia")]).json()
    assert [r["title"] for r in both["results"]] == ["Nickel note one"] and both["total"] == 1


def test_posts_carry_their_source_address_and_permalink(fresh: Site, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """`url` is the post's page on this site; `source_url` where it was ingested from (interfaces.md)."""

    record = {"title": "Cobalt note", "body": "Cobalt moved.", "url": "https://example.com/cobalt",
              "published": "2031-05-02T10:00:00Z"}
    source = tmp_path / "cobalt.jsonl"
    source.write_text(json.dumps(record) + "\n")
    ingest_file(fresh.archive, source, "jsonl")
    listed = fresh.client.get("/api/posts", params={"limit": 1}).json()["posts"][0]
    assert (listed["title"], listed["source_url"]) == ("Cobalt note", "https://example.com/cobalt")
    assert listed["url"].startswith("/2031/05/") and fresh.client.get(listed["url"]).status_code == 200
    detail = fresh.client.get(f"/api/posts/{listed['id']}").json()
    assert (detail["url"], detail["source_url"]) == (listed["url"], "https://example.com/cobalt")


@pytest.mark.parametrize(("path", "params", "field"), [
    ("/api/facts", {"q": "steel\x00"}, "q"),
    ("/api/facts", {"company": "Rio\x00Tinto"}, "company"),
    ("/api/facts", {"period": "\x00", "sort": "value"}, "period"),
    ("/api/facts/series", {"commodity": "\x00", "metric": "sales"}, "commodity"),
    ("/api/facts/series", {"commodity": "nickel", "metric": "imports", "unit": "t\x00"}, "unit"),
    ("/api/posts", {"label": "\x00"}, "label"),
])
def test_a_nul_character_in_a_filter_is_refused_naming_the_field(site: Site, path: str, params: dict[str, str],
                                                                   field: str) -> None:
    """No stored name holds NUL (PostgreSQL text cannot): the answer names the field on either database,
    where PostgreSQL's driver refusing the query was a 500."""
    error = assert_error(site.client.get(path, params=params), 422, "invalid_parameter", field)
    assert "NUL" in error["message"]
