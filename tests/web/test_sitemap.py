"""Sitemap files: conditional GET, each worker's cache of files following the change log, lastmod, escaping.

Listing every post, the split into files and robots.txt are tested with the feeds (test_feeds.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import lxml.etree
import pytest
from httpx import Response

from metalnomist import browse
from metalnomist.browse import change_log_position
from metalnomist.models import Block, Post
from metalnomist.pipeline import get_post
from metalnomist.store.posts import upsert_post
from metalnomist.web import sitemap
from tests.web.conftest import Site, open_site

BASE = "http://testserver"
SITEMAP = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


@pytest.fixture
def small(db_url: str, tmp_path: Path) -> Iterator[Site]:
    """The seed's 21 addresses (home and 20 posts) at 7 a file: three files."""
    yield from open_site(tmp_path, db_url, max_sitemap_urls=7)


def lastmods(response: Response) -> dict[str, str]:
    """Each address of a sitemap file with its lastmod ('' for none)."""
    tree = lxml.etree.fromstring(response.content)
    return {url.findtext("s:loc", namespaces=SITEMAP): url.findtext("s:lastmod", default="", namespaces=SITEMAP)
            for url in tree.iterfind("s:url", namespaces=SITEMAP)}


PUBLISHED = datetime(2019, 5, 6, 7, 8, tzinfo=UTC)
DATED = Post("Nickel stocks at LME warehouses fall", (Block("paragraph", "Stocks fell 3% in April."),),
             url="https://example.com/nickel-stocks", published=PUBLISHED)


def store(site: Site, post: Post) -> int:
    """Store a post as an ingest would (again, with changes, for a post stored before); its id."""
    with site.archive.store.transaction() as conn:
        return upsert_post(conn, post)[0]


def test_a_crawler_holding_the_files_tag_gets_304_without_the_file(small: Site) -> None:
    first = small.client.get("/sitemap-2.xml")
    tag = first.headers["etag"]
    for header in (tag, f"W/{tag}", f'"something-else", {tag}', "*"):  # weak tags and lists match too
        again = small.client.get("/sitemap-2.xml", headers={"If-None-Match": header})
        assert (again.status_code, again.content, again.headers["etag"]) == (304, b"", tag), header


def test_every_worker_tags_the_same_file_alike(small: Site) -> None:
    """A crawler's requests go to any worker, or one restarted since: the tag comes from the file, not the worker."""
    tag = small.client.get("/sitemap-1.xml").headers["etag"]
    small.client.app.state.sitemaps = sitemap.SitemapCache()  # type: ignore[attr-defined]  # a worker started anew
    assert small.client.get("/sitemap-1.xml", headers={"If-None-Match": tag}).status_code == 304


@pytest.mark.parametrize("header", [
    "",
    '""',
    '"*"',  # a tag spelled with a star is not the wildcard
    "*, *",  # the wildcard only stands alone
    ",,, ,",
    "W/",
    "TAG",  # the right tag without its quotes is not the tag
    "W/W/TAG",
    '"' + "x" * 8000 + '"',
    "\t*\t" + ", junk" * 500,
])
def test_a_hostile_or_foreign_if_none_match_gets_the_whole_file(small: Site, header: str) -> None:
    tag = small.client.get("/sitemap-1.xml").headers["etag"]
    header = header.replace("TAG", tag.strip('"'))
    response = small.client.get("/sitemap-1.xml", headers={"If-None-Match": header})
    assert response.status_code == 200 and len(lastmods(response)) == 7 and response.headers["etag"] == tag


def test_a_changed_post_rebuilds_its_file_alone(small: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    """Files are kept until the change log shows a post of their id range changed; then the tag moves too."""
    assert store(small, DATED) == 21  # after the seed's 20: the fourth file
    built: list[bool] = []
    build = sitemap.urlset
    monkeypatch.setattr(sitemap, "urlset", lambda *args: built.append(True) or build(*args))
    tags = {n: small.client.get(f"/sitemap-{n}.xml").headers["etag"] for n in (1, 2, 3, 4)}
    assert {n: small.client.get(f"/sitemap-{n}.xml").headers["etag"] for n in (1, 2, 3, 4)} == tags
    assert len(built) == 4  # asked again with nothing changed: nothing built
    store(small, replace(DATED, blocks=(Block("paragraph", "Stocks fell 4% in April."),)))
    after = {n: small.client.get(f"/sitemap-{n}.xml").headers["etag"] for n in (1, 2, 3, 4)}
    assert len(built) == 5 and after[4] != tags[4] and all(after[n] == tags[n] for n in (1, 2, 3))


def test_a_change_anywhere_in_a_files_range_rebuilds_it(small: Site) -> None:
    """Not only the first id of the range: the file of ids 21 to 27 follows a change to post 22."""
    second = replace(DATED, title="Zinc stocks rise", url="https://example.com/zinc-stocks")
    assert (store(small, DATED), store(small, second)) == (21, 22)
    tag = small.client.get("/sitemap-4.xml").headers["etag"]
    store(small, replace(second, blocks=(Block("paragraph", "Stocks rose 2% in April."),)))
    rebuilt = small.client.get("/sitemap-4.xml", headers={"If-None-Match": tag})
    assert rebuilt.status_code == 200 and rebuilt.headers["etag"] != tag
    link = BASE + get_post(small.archive, 22).permalink  # type: ignore[operator]
    assert lastmods(rebuilt)[link] != "2019-05-06"  # the rewrite's day, not the publication's


def test_lastmod_is_the_publication_date_until_the_post_is_rewritten(small: Site) -> None:
    """An archive moved here keeps its posts' dates; a post changed here says when."""
    link = BASE + get_post(small.archive, store(small, DATED)).permalink  # type: ignore[operator]
    assert lastmods(small.client.get("/sitemap-4.xml")) == {link: "2019-05-06"}
    days = {datetime.now(UTC).date().isoformat()}
    store(small, replace(DATED, blocks=(Block("paragraph", "Stocks fell 4% in April."),)))
    days.add(datetime.now(UTC).date().isoformat())
    assert lastmods(small.client.get("/sitemap-4.xml"))[link] in days


@pytest.mark.parametrize("host", ["a&b.example", "a&amp;b.example"])
def test_an_allowed_host_with_markup_in_it_stays_text(db_url: str, tmp_path: Path, host: str) -> None:
    """The sitemap is written as text: an ampersand that allowed_hosts '*' lets through stays the text it was.

    (Starlette already turns a Host holding quotes or angle brackets into the server's own address.)"""
    for site in open_site(tmp_path, db_url, allowed_hosts="*"):
        for path in ("/sitemap.xml", "/sitemap-1.xml"):
            tree = lxml.etree.fromstring(site.client.get(path, headers={"Host": host}).content)
            locations = tree.xpath("//s:loc/text()", namespaces=SITEMAP)
            assert len(locations) == len(tree) and all(loc.startswith(f"http://{host}/") for loc in locations), path


def test_a_change_to_the_last_post_of_a_files_range_rebuilds_it(small: Site) -> None:
    """Both ends of a range are in it: the file of ids 21 to 27 follows a change to post 27."""
    stored = [replace(DATED, title=f"Tin stocks {n}", url=f"https://example.com/tin-stocks-{n}") for n in range(7)]
    assert [store(small, post) for post in stored] == list(range(21, 28))
    tag = small.client.get("/sitemap-4.xml").headers["etag"]
    store(small, replace(stored[-1], blocks=(Block("paragraph", "Stocks rose 2% in April."),)))
    rebuilt = small.client.get("/sitemap-4.xml", headers={"If-None-Match": tag})
    assert rebuilt.status_code == 200 and rebuilt.headers["etag"] != tag


def test_a_worker_drops_the_file_asked_for_longest_ago(small: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    """With room for two files, asking for 1, 2 and 3 keeps 2 and 3: the oldest goes, never the one just built
    (a crawler reads the files in turn, so keeping the newest is what saves the rebuilds)."""
    small.client.app.state.sitemaps = sitemap.SitemapCache(files=2)  # type: ignore[attr-defined]
    built: list[bool] = []
    build = sitemap.urlset
    monkeypatch.setattr(sitemap, "urlset", lambda *args: built.append(True) or build(*args))
    for number in (1, 2, 3, 3, 2):
        assert small.client.get(f"/sitemap-{number}.xml").status_code == 200
    assert len(built) == 3  # 3 and 2 asked again: both kept
    assert small.client.get("/sitemap-1.xml").status_code == 200
    assert len(built) == 4  # 1 was the oldest when 3 came
    assert small.client.get("/sitemap-2.xml").status_code == 200
    assert len(built) == 4  # 2, asked again after 3, stayed when 1 came; 3 went


def test_a_file_built_for_one_host_is_never_served_at_another(db_url: str, tmp_path: Path) -> None:
    """A site answering at several names keeps each name's files apart: a crawler of one never gets addresses
    at the other from the worker's cache."""
    for site in open_site(tmp_path, db_url, allowed_hosts="*"):
        for host in ("metalnomist.example", "www.metalnomist.example", "metalnomist.example"):
            locations = list(lastmods(site.client.get("/sitemap-1.xml", headers={"Host": host})))
            assert len(locations) == 21 and all(loc.startswith(f"http://{host}/") for loc in locations), host


def test_a_kept_file_is_checked_against_the_changes_since_it_was_last_found_current(
        small: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    """Not since it was built: on a busy archive the change-log entries since then grow without end, and each
    check of an unchanged file would read them all again."""
    asked: list[int] = []
    check = browse.changed_between
    monkeypatch.setattr(browse, "changed_between",
                        lambda conn, seq, first, last: asked.append(seq) or check(conn, seq, first, last))
    positions = [change_log_position(small.archive)]
    small.client.get("/sitemap-1.xml")  # built
    for n in (1, 2):  # changes outside the first file's range
        store(small, replace(DATED, title=f"Lead stocks {n}", url=f"https://example.com/lead-{n}"))
        positions.append(change_log_position(small.archive))
        assert small.client.get("/sitemap-1.xml").status_code == 200
    assert asked == positions[:2]


def test_with_one_address_a_file_each_is_listed_once(db_url: str, tmp_path: Path) -> None:
    """The home page takes slot 0 of the first file alone: the second file (ids 1 to 1) lists post 1, not the home
    page again, however small the files are made."""
    for site in open_site(tmp_path, db_url, max_sitemap_urls=1):
        index = lxml.etree.fromstring(site.client.get("/sitemap.xml").content)
        files = [loc.removeprefix(BASE) for loc in index.xpath("//s:loc/text()", namespaces=SITEMAP)]
        listed = [list(lastmods(site.client.get(path))) for path in files]
        assert len(files) == 21 and all(len(addresses) == 1 for addresses in listed)
        assert listed[0] == [f"{BASE}/"] and len({address for (address,) in listed}) == 21
