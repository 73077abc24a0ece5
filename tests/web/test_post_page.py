"""A post page as a reader meets it: its facts list, where it came from, related posts, the comment form."""

from __future__ import annotations

from pathlib import Path

from tests.analysis.test_contradictions import write_posts
from tests.web.conftest import Site, html, select, text_of

PALLADIUM = "Japan’s Imports of Russian Palladium"


def test_facts_in_a_post_are_told_apart_by_partner_and_country(site: Site) -> None:
    doc = html(site.client.get(site.permalink(PALLADIUM)))
    items = [text_of(w) for w in select(doc, ".post-fact-list .pf-what")]
    assert "imports · palladium · Japan · partner Russia · 2022" in items
    assert "imports · palladium · Japan · partner United States · 2022" in items
    assert len(set(items)) == len(items)  # no two entries read the same
    assert [text_of(n) for n in select(doc, ".post-fact-list .pf-n")][:3] == ["1.", "2.", "3."]


def test_a_post_page_names_its_one_address_whatever_it_was_reached_by(site: Site, tmp_path: Path) -> None:
    """`?comment=…` (after a comment) and any Host make other addresses of one post: the canonical link is its own."""
    permalink = site.permalink(PALLADIUM)
    for address in (permalink, permalink + "?comment=pending"):
        links = html(site.client.get(address, headers={"host": "evil.example"})).xpath("//head/link[@rel='canonical']")
        assert [link.get("href") for link in links] == ["http://testserver" + permalink]
    from tests.web.conftest import open_site

    for public in open_site(tmp_path, site_url="https://news.example.com/"):
        doc = html(public.client.get(permalink))
        assert doc.xpath("//head/link[@rel='canonical']/@href") == ["https://news.example.com" + permalink]


ARTICLE = """<!doctype html><html><head><title>Zinc smelters cut output</title>
<meta name="author" content="Jane Doe"><link rel="canonical" href="https://news.example.com/zinc/smelters-cut">
<meta property="og:site_name" content="Example Metals News">
<meta property="article:published_time" content="2025-05-02T08:00:00Z"></head>
<body><article><h1>Zinc smelters cut output</h1>
<p>Zinc smelters in Europe cut output in April as power prices rose again, the industry body said on Friday.</p>
<p>Output fell 4% from March to 180,000 tonnes, with two plants in Germany idled for maintenance.</p>
<p>Traders expect supply to stay tight through the summer as restarts are slow and costly.</p>
</article></body></html>"""


def test_an_article_post_links_to_its_original_and_names_its_author(fresh: Site, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from metalnomist.pipeline import ingest_file

    page = tmp_path / "zinc.html"
    page.write_text(ARTICLE)
    ingest_file(fresh.archive, page, "html")
    doc = html(fresh.client.get(fresh.permalink("Zinc smelters cut output")))
    origin = select(doc, "article .origin")[0]
    link = select(origin, "a")[0]
    assert link.get("href") == "https://news.example.com/zinc/smelters-cut"
    assert text_of(origin) == f"Originally published at {text_of(link)} · by Jane Doe"


def test_a_post_without_a_source_says_nothing_of_one(site: Site) -> None:
    assert not select(html(site.client.get(site.iron_ore)), "article .origin")


def test_a_post_page_offers_related_posts(site: Site) -> None:
    """The sample's labels are one post each, so here the more-like-this query on the title does the work."""
    related = select(html(site.client.get(site.iron_ore)), "section.related li a")
    hrefs = [a.get("href") for a in related]
    assert len(hrefs) == 5 and site.iron_ore not in hrefs and len(set(hrefs)) == 5
    assert all(site.client.get(h).status_code == 200 for h in hrefs)
    assert "Steel" in text_of(related[0])


def test_related_posts_by_label_and_by_title_are_five_in_all(fresh: Site, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import json

    from metalnomist.pipeline import ingest_file

    records = [{"title": f"Japan Iron Ore Imports and Steel Demand {n}", "body": "Iron ore text.",
                "labels": ["Ore desk"]} for n in (1, 2)]
    source = tmp_path / "posts.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in records))
    ingest_file(fresh.archive, source, "jsonl")
    related = [text_of(a) for a in select(html(fresh.client.get(fresh.permalink(records[0]["title"]))),
                                          "section.related li a")]
    assert related[0] == records[1]["title"]  # the shared label first
    assert len(related) == 5 and len(set(related)) == 5  # then the title's neighbours, up to five in all


def test_related_posts_put_the_most_shared_labels_first(fresh: Site, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import json

    from metalnomist.pipeline import ingest_file

    records = [{"title": "Cobalt alpha", "body": "Cobalt text.", "labels": ["Cobalt", "Congo"]},
               {"title": "Cobalt beta", "body": "Cobalt text.", "labels": ["Cobalt"]},
               {"title": "Cobalt gamma", "body": "Cobalt text.", "labels": ["Congo", "Cobalt"]}]
    source = tmp_path / "posts.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in records))
    ingest_file(fresh.archive, source, "jsonl")
    related = [text_of(a) for a in select(html(fresh.client.get(fresh.permalink("Cobalt alpha"))),
                                          "section.related li a")]
    assert related[:2] == ["Cobalt gamma", "Cobalt beta"]


def _form(site: Site, url: str) -> dict[str, str]:
    form = select(html(site.client.get(url)), "form.comment-form")[0]
    return {i.get("name"): i.get("value") or "" for i in select(form, "input") if i.get("name")}


def test_an_empty_comment_form_flags_every_missing_field(fresh: Site) -> None:
    url = fresh.iron_ore
    answer = fresh.client.post(url, data={**_form(fresh, url), "author": " ", "body": ""}, follow_redirects=False)
    assert answer.status_code == 400
    form = select(html(answer), "form.comment-form")[0]
    flagged = {field.get("name") for field in select(form, "[aria-invalid=true]")}
    assert flagged == {"author", "body"}
    assert text_of(select(form, "#author-error")[0]) and text_of(select(form, "#body-error")[0])
    assert "correct the fields marked below" in text_of(select(form, ".form-error")[0])
    api = fresh.client.post("/api/posts/1/comments", json={"author": "", "body": ""})
    assert api.status_code == 400 and api.json()["error"]["field"] == "author"  # the API keeps its one-field shape


def test_a_source_address_written_in_capitals_still_links_to_its_original(fresh: Site, tmp_path: Path) -> None:
    """URL schemes are case-insensitive (RFC 3986): HTTPS:// is a web address like https://, so it keeps its link."""
    from metalnomist.pipeline import ingest_file

    post = {"title": "Tin output rises", "body": "Tin output rose 3%.", "url": "HTTPS://Example.com/tin",
            "published": "2025-01-02T10:00:00Z"}
    ingest_file(fresh.archive, write_posts(tmp_path, [post]), "jsonl")
    link = select(html(fresh.client.get(fresh.permalink("Tin output rises"))), "article .origin a")[0]
    assert (link.get("href"), text_of(link)) == ("HTTPS://Example.com/tin", "example.com")
