"""One ranking everywhere: the search page, the JSON API and the CLI give the same posts in the same order."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from metalnomist.cli import cli
from metalnomist.search.service import SearchRequest, search
from tests.web.conftest import Site, html, select, text_of

QUERIES = [
    "Korean battery makers market share",  # natural language: most hits have some of the words
    "JAIA JISF",  # two labels no post shares: every hit lacks one
    "palladum imports",  # a typo beside a known word
    "lithium -sulphide",  # exact control
    '"nickel matte" Japan',
    "Japan’s steel",
]


@pytest.mark.parametrize("q", QUERIES)
def test_web_api_and_cli_rank_alike(site: Site, q: str, monkeypatch: pytest.MonkeyPatch) -> None:
    library = [h.post.permalink for h in search(site.archive.store, site.archive.index, SearchRequest(q)).hits]
    web = [a.get("href") for a in select(html(site.client.get("/search", params={"q": q})), "h2.post-title a")]
    api = [r["url"] for r in site.client.get("/api/search", params={"q": q}).json()["results"]]
    monkeypatch.setenv("METALNOMIST_INDEX_DIR", site.settings.index_dir or "")
    result = CliRunner().invoke(cli, ["--db", site.settings.db, "search", q, "--json"], catch_exceptions=False)
    shell = [json.loads(line)["url"] for line in result.stdout.splitlines()]
    assert library and web == api == shell == library


def test_partial_hits_say_what_they_lack(site: Site) -> None:
    doc = html(site.client.get("/search", params={"q": "JAIA JISF"}))
    count = text_of(select(doc, ".result-count")[0])
    assert count.startswith("0 posts contain every word · 6 more contain some of them")
    missing = [text_of(p) for p in select(doc, "article.post-summary .missing")]
    assert len(missing) == 6 and set(missing) == {"Missing: JAIA", "Missing: JISF"}
    assert {text_of(a) for a in select(doc, ".similar-labels a")} >= {"JAIA", "JISF"}  # no post has both


def test_api_takes_match_and_reports_counts(site: Site) -> None:
    def get(**params: str) -> dict[str, object]:
        body: dict[str, object] = site.client.get("/api/search", params={"q": "JAIA JISF", **params}).json()
        return body

    best, every, anyword = get(), get(match="all"), get(match="any")
    assert (best["total"], best["every_word"]) == (6, 0)
    assert every["total"] == 0 and every["results"] == []
    assert anyword["total"] == 6 and {r["url"] for r in anyword["results"]} == {  # type: ignore[union-attr]
        r["url"] for r in best["results"]}  # type: ignore[union-attr]
    assert site.client.get("/api/search", params={"q": "x", "match": "most"}).status_code == 422
