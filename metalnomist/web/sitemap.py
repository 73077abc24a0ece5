"""The sitemap: /sitemap.xml indexes /sitemap-N.xml files of at most `max_sitemap_urls` addresses each.

File N holds the posts whose ids fall in one fixed range (the home page takes slot 0 of the first),
so each file is one range scan of the primary key and the index only asks for the highest id:
no answer's cost grows with the archive. Deleted posts leave a file short, never over the limit.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Path, Request
from fastapi.responses import Response
from lxml import etree

from metalnomist.browse import highest_post_id, permalinks
from metalnomist.errors import NotFound
from metalnomist.web.render import archive_of

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XML_TYPE = "application/xml; charset=utf-8"

Number = Annotated[int, Path(ge=1, description="Which sitemap file, from 1.")]


def _base(request: Request) -> str:
    return str(request.base_url).rstrip("/")


def _element(parent: etree._Element, tag: str, text: str | None = None) -> etree._Element:
    element = etree.SubElement(parent, f"{{{SITEMAP_NS}}}{tag}")
    element.text = text
    return element


def _xml(root: etree._Element) -> Response:
    body: bytes = etree.tostring(root.getroottree(), xml_declaration=True, encoding="utf-8")
    return Response(body, media_type=XML_TYPE)


def _size(request: Request) -> int:
    size: int = request.app.state.settings.max_sitemap_urls
    return size


def _files(highest_id: int, size: int) -> int:
    """How many files the id range needs: slot 0 (the home page) up to the highest id."""
    return highest_id // size + 1


def sitemap_index(request: Request) -> Response:
    """/sitemap.xml: where each sitemap file is, as crawlers expect of a site of any size."""
    base = _base(request)
    highest = highest_post_id(archive_of(request))
    root = etree.Element(f"{{{SITEMAP_NS}}}sitemapindex", nsmap={None: SITEMAP_NS})
    for number in range(1, _files(highest, _size(request)) + 1):
        _element(_element(root, "sitemap"), "loc", f"{base}/sitemap-{number}.xml")
    return _xml(root)


def sitemap_file(request: Request, number: Number) -> Response:
    """/sitemap-N.xml: the posts of the N-th id range with their last change; the first also the home page."""
    size, base = _size(request), _base(request)
    first, last = (number - 1) * size, number * size - 1
    archive = archive_of(request)
    if number > _files(highest_post_id(archive), size):
        raise NotFound(f"/sitemap-{number}.xml is past the last sitemap; /sitemap.xml lists them all")
    found = permalinks(archive, max(first, 1), last)
    root = etree.Element(f"{{{SITEMAP_NS}}}urlset", nsmap={None: SITEMAP_NS})
    if first == 0:
        _element(_element(root, "url"), "loc", base + "/")
    for permalink, when in found:
        url = _element(root, "url")
        _element(url, "loc", base + permalink)
        _element(url, "lastmod", when.date().isoformat())
    return _xml(root)
