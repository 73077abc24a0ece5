"""The sitemap: /sitemap.xml indexes /sitemap-N.xml files of at most `max_sitemap_urls` addresses each.

File N holds the posts whose ids fall in one fixed range (the home page takes slot 0 of the first),
so each file is one range scan of the primary key and the index only asks for the highest id:
no answer's cost grows with the archive. Deleted posts leave a file short, never over the limit.

A full file is 50,000 addresses (7 MB), so each worker keeps the last few it built (`SitemapCache`)
while the change log shows no post of their range changed, and answers a crawler's If-None-Match
with 304. The XML is written as text: a tree of 150,000 lxml elements cost more than the query.
"""

from __future__ import annotations

import hashlib
import re
import threading
from collections import OrderedDict
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Annotated
from xml.sax.saxutils import escape

from fastapi import Path, Request
from fastapi.responses import Response

from metalnomist.browse import highest_post_id, sitemap_range
from metalnomist.errors import NotFound
from metalnomist.pipeline import Archive
from metalnomist.web.render import archive_of, site_base

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XML_TYPE = "application/xml; charset=utf-8"
HEAD = '<?xml version=\'1.0\' encoding=\'utf-8\'?>\n'
CACHED_FILES = 4  # per worker: a crawler reads the files in turn, and each full one is 7 MB
NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")  # characters XML 1.0 forbids

Number = Annotated[int, Path(ge=1, description="Which sitemap file, from 1.")]


def _text(value: str) -> str:
    """Element text from a string the request chose in part (the base address): escaped, forbidden characters
    dropped, so no Host header can break the document or add elements to it."""
    return escape(NOT_XML.sub("", value))


def _size(request: Request) -> int:
    size: int = request.app.state.settings.max_sitemap_urls
    return size


def _files(highest_id: int, size: int) -> int:
    """How many files the id range needs: slot 0 (the home page) up to the highest id."""
    return highest_id // size + 1


def sitemap_index(request: Request) -> Response:
    """/sitemap.xml: where each sitemap file is, as crawlers expect of a site of any size."""
    base = _text(site_base(request))
    files = _files(highest_post_id(archive_of(request)), _size(request))
    body = "".join(f"<sitemap><loc>{base}/sitemap-{number}.xml</loc></sitemap>" for number in range(1, files + 1))
    return Response(f'{HEAD}<sitemapindex xmlns="{SITEMAP_NS}">{body}</sitemapindex>', media_type=XML_TYPE)


def urlset(base: str, home: bool, found: list[tuple[str, datetime]]) -> bytes:
    """One sitemap file: the home page when asked, then each (permalink, last change)."""
    base = _text(base)
    lines = [f'{HEAD}<urlset xmlns="{SITEMAP_NS}">']
    if home:
        lines.append(f"<url><loc>{base}/</loc></url>")
    lines += [f"<url><loc>{base}{escape(link)}</loc><lastmod>{when.date().isoformat()}</lastmod></url>"
              for link, when in found]
    lines.append("</urlset>")
    return "\n".join(lines).encode("utf-8")


@dataclass(frozen=True)
class SitemapFile:
    seq: int  # the change-log position it was last found current at
    etag: str  # from the bytes, so every worker, and a restarted one, gives the same file the same tag
    body: bytes


class SitemapCache:
    """The sitemap files this worker built last, rebuilt only when a post of their id range changed.

    Checking costs the change-log entries since the file was last found current, not its 50,000 rows.
    One per app (on app.state); two threads may build the same file at once and both keep a right one.
    """

    def __init__(self, files: int = CACHED_FILES) -> None:
        self._limit = files
        self._files: OrderedDict[tuple[str, int], SitemapFile] = OrderedDict()
        self._lock = threading.Lock()

    def file(self, archive: Archive, base: str, first_id: int, last_id: int) -> SitemapFile:
        key = (base, first_id)
        with self._lock:
            cached = self._files.get(key)
        seq, found = sitemap_range(archive, max(first_id, 1), last_id, cached.seq if cached else -1)
        if cached is not None and found is None:
            current = replace(cached, seq=seq)
        else:
            body = urlset(base, first_id == 0, found or [])
            current = SitemapFile(seq, f'"{hashlib.blake2b(body, digest_size=16).hexdigest()}"', body)
        with self._lock:
            self._files[key] = current
            self._files.move_to_end(key)
            while len(self._files) > self._limit:
                self._files.popitem(last=False)
        return current


def _matches(if_none_match: str | None, etag: str) -> bool:
    """If-None-Match (RFC 9110 13.1.2): '*' or a list of tags, compared weakly; anything else matches nothing."""
    if if_none_match is None:
        return False
    tags = [tag.strip().removeprefix("W/") for tag in if_none_match.split(",")]
    return tags == ["*"] or etag in tags


def sitemap_file(request: Request, number: Number) -> Response:
    """/sitemap-N.xml: the posts of the N-th id range with their last change; the first also the home page."""
    size = _size(request)
    archive = archive_of(request)
    if number > _files(highest_post_id(archive), size):
        raise NotFound(f"/sitemap-{number}.xml is past the last sitemap; /sitemap.xml lists them all")
    file = request.app.state.sitemaps.file(archive, site_base(request), (number - 1) * size, number * size - 1)
    headers = {"ETag": file.etag}
    if _matches(request.headers.get("if-none-match"), file.etag):
        return Response(status_code=304, headers=headers)
    return Response(file.body, media_type=XML_TYPE, headers=headers)
