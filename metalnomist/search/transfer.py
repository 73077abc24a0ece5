"""Copying one node's index folder to another: `metalnomist index export | import`.

A new node starts from a copy of a running node's index and catches up from the change log,
instead of rebuilding from the database (hours at a million posts). The export is a plain tar
of the index's files, taken while no process commits (see SearchIndex.unchanging) and without
stopping searches. The import accepts only the index of this very archive (store/identity.py),
no further on than the change log this node reads, and touches the index folder only once all
of that is checked.
"""

from __future__ import annotations

import json
import os
import shutil
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

import tantivy

from metalnomist.errors import ConfigError
from metalnomist.search import folder
from metalnomist.search.index import SCHEMA_VERSION, SearchIndex
from metalnomist.store import Store
from metalnomist.store.changes import last_seq
from metalnomist.store.identity import archive_identity

STATE = "state.json"
META = "meta.json"  # Tantivy's list of segments: without it there is no index


@dataclass(frozen=True)
class IndexCopy:
    archive: str  # identity of the archive the index follows
    seq: int  # the last change-log entry it applied
    files: int


def _copied(name: str) -> bool:
    return folder.is_owned(name) and name not in folder.KEEP and name != "state.tmp"


def _link_or_copy(source: Path, dest: Path) -> None:
    """A hard link is instant and keeps the file even when Tantivy deletes it later; other disks get a copy."""
    try:
        os.link(source, dest)
    except OSError:
        shutil.copy2(source, dest)


def export_index(index: SearchIndex, dest: Path) -> IndexCopy:
    """Write the index folder's files to the tar `dest`, which must not exist yet."""
    if index.archive is None:
        raise ConfigError(f"search index folder {index.path} holds no built index to export; "
                          "`metalnomist reindex` builds one")
    if dest.exists():
        raise ConfigError(f"{dest} already exists; name a new file")
    staging = Path(tempfile.mkdtemp(prefix=".metalnomist-export-", dir=dest.parent))
    partial = dest.with_name(dest.name + ".partial")
    try:
        with index.unchanging():
            for entry in index.path.iterdir():
                if _copied(entry.name) and entry.is_file():
                    _link_or_copy(entry, staging / entry.name)
        state = json.loads((staging / STATE).read_text())
        names = sorted(entry.name for entry in staging.iterdir())
        with tarfile.open(partial, "w") as tar:
            for name in names:
                tar.add(staging / name, arcname=name)
        partial.replace(dest)
    finally:
        partial.unlink(missing_ok=True)  # an export that stopped halfway (a full disk) never looks like one
        shutil.rmtree(staging, ignore_errors=True)
    return IndexCopy(str(state["archive"]), int(state["seq"]), len(names))


def _problem(source: Path, text: str) -> ConfigError:
    return ConfigError(f"{source}: {text}; nothing was imported")


def _checked_members(tar: tarfile.TarFile, source: Path) -> list[tarfile.TarInfo]:
    try:
        members = tar.getmembers()  # reads every header: a copy cut short ends inside a file
    except tarfile.TarError as exc:
        raise _problem(source, f"it ends inside a file or is damaged ({exc}): "
                               "once the copy is complete, try again") from None
    for member in members:
        if not (member.isfile() and "/" not in member.name and _copied(member.name)):
            raise _problem(source, f"{member.name!r} is not a search index file (made by `metalnomist index export`?)")
    names = {member.name for member in members}
    for needed in (STATE, META):
        if needed not in names:
            raise _problem(source, f"{needed} is missing, so this is not a whole index export")
    return members


def _checked_state(tar: tarfile.TarFile, source: Path, store: Store) -> IndexCopy:
    reader = tar.extractfile(STATE)
    try:
        state = json.loads(reader.read() if reader else b"")
        copy = IndexCopy(str(state["archive"]), int(state["seq"]), len(tar.getmembers()))
    except (ValueError, KeyError, TypeError):
        raise _problem(source, f"{STATE} is not an index state") from None
    if state.get("schema") != SCHEMA_VERSION:
        raise _problem(source, f"its index format {state.get('schema')!r} is not this version's ({SCHEMA_VERSION})")
    with store.reading() as conn:
        identity, logged = archive_identity(conn), last_seq(conn)
    if copy.archive != identity:
        raise _problem(source, f"it indexes another archive ({copy.archive}), not {store.read_url} ({identity})")
    if copy.seq > logged:
        raise _problem(source, f"it has applied change {copy.seq} but {store.read_url} has logged only {logged} "
                               "(a replica still catching up?); try again shortly")
    return copy


def import_index(store: Store, source: Path, target: Path) -> IndexCopy:
    """Replace the index folder `target` with the export `source`, once it is checked to fit this archive.

    Stop the node that serves from `target` first: it would keep reading the files it had open.
    """
    try:
        tar = tarfile.open(source, "r:")
    except (OSError, tarfile.TarError) as exc:
        raise _problem(source, f"not an index export ({exc})") from None
    with tar:
        members = _checked_members(tar, source)
        copy = _checked_state(tar, source, store)
        folder.claim(target)  # refuses a folder holding anything but an index, before anything changes
        staging = Path(tempfile.mkdtemp(prefix=".metalnomist-import-", dir=target.parent))
        try:
            for member in members:
                reader = tar.extractfile(member)
                assert reader is not None, "checked to be a regular file"
                with reader, (staging / member.name).open("wb") as out:
                    shutil.copyfileobj(reader, out)
            _check_opens(staging, source)
            folder.clear(target)
            for entry in sorted(staging.iterdir(), key=lambda e: e.name == STATE):  # the state last
                os.replace(entry, target / entry.name)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    return copy


def _check_opens(staging: Path, source: Path) -> None:
    try:
        tantivy.Index.open(str(staging)).searcher()
    except ValueError as exc:
        raise _problem(source, f"Tantivy cannot open the index in it ({exc})") from None
