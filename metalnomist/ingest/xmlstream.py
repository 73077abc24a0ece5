"""Feed bytes as lxml should see them: leading whitespace trimmed, HTML's named entities made numeric.

Feeds are written by HTML tools, so `&nbsp;` or `&mdash;` turn up undeclared, which XML calls
an error (or, with an external DTD, silently drops). Rewritten as `&#160;` they mean what their
authors meant. Names the document's own DTD declares are left for the parser, which expands
internal entities only: no external entity is ever fetched, and libxml2's amplification limit
stops billion-laughs expansion. CDATA sections are copied untouched, since entities mean
nothing there.
"""

from __future__ import annotations

import re
from html.entities import html5
from typing import IO

READ_SIZE = 64 * 1024
_XML_NAMES = frozenset({"amp", "lt", "gt", "quot", "apos"})
# Entities with a name HTML defines (`nbsp;`), minus XML's own five.
_NUMERIC: dict[bytes, bytes] = {
    name[:-1].encode(): b"".join(b"&#%d;" % ord(char) for char in text)
    for name, text in html5.items()
    if name.endswith(";") and name[:-1] not in _XML_NAMES
}
_TOKEN = re.compile(rb"<!\[CDATA\[.*?\]\]>|&([A-Za-z][A-Za-z0-9]{0,31});", re.DOTALL)
_DECLARED = re.compile(rb"<!ENTITY\s+([^%\s][^\s]*)")
_DOCTYPE = re.compile(rb"<!DOCTYPE\s[^\[>]*(\[)?")  # group 1: an internal subset follows
_ELEMENT = re.compile(rb"<[A-Za-z_]")  # a start tag: past the prolog, where a DOCTYPE may stand
_LONGEST_TAIL = 40  # bytes that may hold the start of an entity or of a CDATA opener cut by a read


class FeedSource:
    """A file-like object over `handle` for lxml's iterparse, rewriting as the module says."""

    def __init__(self, handle: IO[bytes]) -> None:
        self._handle = handle
        self._pending = b""
        self._done = False
        self.skipped_lines = 0
        while True:
            chunk = handle.read(READ_SIZE)
            stripped = chunk.lstrip()
            self.skipped_lines += chunk[: len(chunk) - len(stripped)].count(b"\n")
            if stripped or not chunk:
                self._pending = stripped
                break
        self._declared = self._declared_names()

    def _declared_names(self) -> frozenset[bytes]:
        """Entity names of the internal DTD subset, read only if a DOCTYPE before the root opens one."""
        if len(self._pending) < READ_SIZE and not self._done:
            self._more()
        doctype = _DOCTYPE.search(self._pending)
        if doctype is None or doctype.group(1) is None or _ELEMENT.search(self._pending, 0, doctype.start()):
            return frozenset()
        while (end := self._pending.find(b"]>", doctype.end())) < 0 and not self._done:
            self._more(max(READ_SIZE, len(self._pending)))
        return frozenset(_DECLARED.findall(self._pending, doctype.end(), end if end >= 0 else len(self._pending)))

    def _more(self, size: int = READ_SIZE) -> None:
        chunk = self._handle.read(size)
        self._done = not chunk
        self._pending += chunk

    def _rewrite(self, match: re.Match[bytes]) -> bytes:
        name = match.group(1)
        if name is None or name in self._declared:
            return match.group(0)
        return _NUMERIC.get(name, match.group(0))

    def _safe_end(self) -> int:
        """How much of the pending bytes no later read can change: not an open CDATA or a cut entity."""
        data = self._pending
        if self._done:
            return len(data)
        end = len(data)
        opened = data.rfind(b"<![CDATA[")
        if opened >= 0 and data.find(b"]]>", opened) < 0:
            end = opened
        for mark in (b"<", b"&"):
            last = data.rfind(mark, max(0, end - _LONGEST_TAIL), end)
            if last >= 0 and b">" not in data[last:end] and b";" not in data[last:end]:
                end = last
        return end

    def read(self, size: int = -1) -> bytes:
        while True:
            end = self._safe_end()
            if end > 0 or self._done:
                break
            self._more(max(READ_SIZE, len(self._pending)))  # doubling keeps a long CDATA linear
        head, self._pending = self._pending[:end], self._pending[end:]
        if not self._done and len(self._pending) < READ_SIZE:
            self._more()
        return _TOKEN.sub(self._rewrite, head)
