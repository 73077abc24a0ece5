"""The command line: parse arguments, call the library, print. Nothing else lives here.

Each command imports what it needs when it runs, so `--help` and a search do not pay for the
web stack, the extractor or the ingest readers (importing them all took ~1.9 s).
"""

from __future__ import annotations

import html
import json
import re
import secrets
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from metalnomist.config import Settings, describe
from metalnomist.errors import ConfigError, IngestError, MetalnomistError, StoreError
from metalnomist.models import MatchMode

if TYPE_CHECKING:
    from metalnomist.models import SearchHit
    from metalnomist.pipeline import Archive

# metalnomist.ingest.FORMATS, spelled out so that `--help` need not import every reader (a test keeps them equal)
INGEST_FORMATS = ("auto", "page", "html", "feed", "jsonl")


@contextmanager
def _archive(ctx: click.Context) -> Iterator[Archive]:
    from metalnomist.pipeline import open_archive

    archive = open_archive(ctx.obj)
    try:
        yield archive
    finally:
        archive.close()


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--db", envvar="METALNOMIST_DB", help="Database URL (sqlite:///file.db or postgresql://…).")
@click.pass_context
def cli(ctx: click.Context, db: str | None) -> None:
    """Metalnomist: ingest, search and analyse a metals-news archive."""
    ctx.obj = Settings.from_env(db=db)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(INGEST_FORMATS), default="auto", show_default=True)
@click.pass_context
def ingest(ctx: click.Context, paths: tuple[Path, ...], fmt: str) -> None:
    """Read posts from files (a folder: every file in it a reader recognises). A bad file stores nothing."""
    from tqdm import tqdm

    from metalnomist.pipeline import files_in, store_file

    selection = files_in(paths)
    failed: list[Path] = []
    totals = {"added": 0, "updated": 0, "unchanged": 0, "facts": 0, "kept": 0}
    with _archive(ctx) as archive:
        with tqdm(unit=" posts", file=sys.stderr, disable=None) as bar:
            for path in selection.files:
                bar.set_description(path.name[:30])
                try:
                    report = store_file(archive, path, fmt, progress=bar.update)
                except IngestError as exc:
                    failed.append(path)
                    tqdm.write(_safe(f"error: {exc} (nothing from this file was stored)"), file=sys.stderr)
                    continue
                for name in totals:
                    totals[name] += getattr(report, name)
        kept = totals.pop("kept")
        click.echo(", ".join(f"{count} {name}" for name, count in totals.items()).replace("facts", "facts extracted"))
        if kept:
            click.echo(f"kept {kept} post{'s' if kept != 1 else ''} edited on the desk: the desk's version stays, "
                       "the file's was not stored")
        index_failed = _index_what_was_stored(archive)
    _report_skipped_and_failed(selection.skipped, failed)
    if failed or index_failed:
        raise click.exceptions.Exit(1)


def _report_skipped_and_failed(skipped: list[Path], failed: list[Path]) -> None:
    if skipped:
        kinds = ", ".join(sorted({"".join(p.suffixes[-2:]) or p.name for p in skipped}))
        click.echo(_safe(f"skipped {len(skipped)} file{'s' if len(skipped) != 1 else ''} no reader recognises "
                         f"({kinds}); name a file on its own to read it anyway"), err=True)
    if failed:
        click.echo(_safe(f"{len(failed)} file{'s' if len(failed) != 1 else ''} looked like posts but could not be "
                         f"read: {', '.join(str(p) for p in failed)}"), err=True)


def _index_what_was_stored(archive: Archive) -> int:
    """The database has committed; an index that cannot follow is reported, not fatal (1 = failed)."""
    from metalnomist.search.index import IndexBusy
    from metalnomist.search.service import catch_up

    try:
        catch_up(archive.store, archive.index)
    except IndexBusy:
        click.echo("note: another process is writing the search index; it indexes these posts too", err=True)
    except (StoreError, ConfigError) as exc:
        click.echo(f"error: the posts above are stored in the database, but not yet searchable: {exc}", err=True)
        return 1
    return 0


# C0 controls but tab and newline, DEL and C1: ESC or CSI in a title could recolour, retitle or wipe the terminal.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_JSON_UNESCAPED = re.compile("[\x7f-\x9f]")  # json.dumps escapes only C0


def _safe(text: str) -> str:
    """Text from posts and comments, with each control character shown as `\\xNN` instead of obeyed."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def _json_line(value: Any) -> str:
    return _JSON_UNESCAPED.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(value, ensure_ascii=False))


def _plain(snippet: str, marks: tuple[str, str] = ("[", "]")) -> str:
    """Plain text of an HTML snippet: marks become [brackets] (or what `marks` says), entities decoded."""
    text = snippet.replace("<mark>", marks[0]).replace("</mark>", marks[1])
    return html.unescape(re.sub(r"<[^>]+>", "", " ".join(text.split())))


@cli.command(name="search")
@click.argument("query", default="")
@click.option("--by-date", is_flag=True, help="Newest first instead of by relevance.")
@click.option("--label", "labels", multiple=True, help="Only posts with this label (repeatable).")
@click.option("--limit", type=click.IntRange(1, 100), default=10, show_default=True)
@click.option("--offset", type=click.IntRange(0, 1_000_000), default=0, show_default=True)  # service.MAX_OFFSET
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@click.option("--show-query", is_flag=True, help="Print the parsed query (with synonyms) first.")
@click.option("--match", type=click.Choice(["all", "any"]), default=None,
              help="all: only posts with every word; any: one ranking of posts with any word. "
                   "Default: posts with every word first, then posts with some of them.")
@click.pass_context
def search_command(ctx: click.Context, query: str, by_date: bool, labels: tuple[str, ...], limit: int,
                   offset: int, as_json: bool, show_query: bool, match: MatchMode | None) -> None:
    """Search posts: "exact phrases", -excluded words, +required words, a OR b."""
    from metalnomist.search.service import SearchRequest, search

    request = SearchRequest(query, "date" if by_date else "relevance", labels, limit, offset, match or "best")
    with _archive(ctx) as archive:
        if show_query:
            from metalnomist.search.query import parse
            from metalnomist.search.thesaurus import default_thesaurus

            click.echo(f"query: {default_thesaurus().expand(parse(query))}", err=True)
        page = search(archive.store, archive.index, request)
    if as_json:
        site_url = ctx.obj.site_url.rstrip("/")
        for hit in page.hits:
            click.echo(_json_line(hit_to_dict(hit, site_url)))
        return
    sort = "date" if by_date else "relevance"
    if page.every_word < page.total:
        click.echo(f"{page.every_word} posts contain every word · {page.total - page.every_word} more contain "
                   f"some of them, sorted by {sort} for query {query!r}")
    else:
        click.echo(f"{page.total} posts sorted by {sort} for query {query!r}")
    if page.suggestion:
        click.echo(f"(showing results for {page.suggestion!r})")
    for hit in page.hits:
        when = hit.post.published.date().isoformat() if hit.post.published else "undated"
        click.echo(_safe(f"{hit.rank:3}. {hit.post.title}  [{when}; {', '.join(hit.post.labels) or 'no labels'}]"))
        click.echo(f"     {_safe(_plain(hit.snippet))}")
        if hit.missing:
            click.echo(_safe(f"     Missing: {', '.join(hit.missing)}"))
    if page.hits:
        last = offset + len(page.hits)
        more = f" (--offset {last} for more)" if last < page.total else ""
        click.echo(f"showing {offset + 1}–{last} of {page.total}{more}")


def hit_to_dict(hit: SearchHit, site_url: str = "") -> dict[str, Any]:
    """The API's fields, except: `url` is absolute when the site's address is set, `snippet` is plain text
    and the API's HTML is `snippet_html`."""
    post = hit.post
    return {**hit.fields(), "url": site_url + (post.permalink or ""),
            "published": post.published.isoformat() if post.published else None, "score": round(hit.score, 6),
            "snippet": _plain(hit.snippet, ("", "")), "snippet_html": hit.snippet}


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["jsonl"]), default="jsonl", show_default=True)
@click.pass_context
def posts(ctx: click.Context, fmt: str) -> None:
    """Every published post, in the posts JSON Lines format."""
    from metalnomist.ingest.jsonl import post_to_dict
    from metalnomist.pipeline import export_posts

    with _archive(ctx) as archive:
        for post in export_posts(archive):
            click.echo(_json_line(post_to_dict(post)))


@cli.command()
@click.option("--post", help="Only facts of the post with this exact title.")
@click.option("--commodity")
@click.option("--metric")
@click.option("--country")
@click.option("--partner")
@click.option("--company")
@click.option("--period", help="As in docs/facts.md: 2024, 2024-03, 2024-Q2, FY2024 …")
@click.option("--source", help="The body credited, e.g. METI or JISF.")
@click.option("--text", help="Words the sentence or post title contains.")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv"]), default="jsonl", show_default=True)
@click.pass_context
def facts(ctx: click.Context, /, fmt: str, **filters: str | None) -> None:
    """Market facts, filtered, as JSON Lines or CSV: every field is described in docs/facts.md."""
    from itertools import chain

    from metalnomist.extract.export import write_csv, write_jsonl
    from metalnomist.pipeline import explain_no_facts, export_facts
    from metalnomist.store.facts import FactFilter

    flt = FactFilter(**filters)  # type: ignore[arg-type]
    write = write_csv if fmt == "csv" else write_jsonl
    with _archive(ctx) as archive:
        found = export_facts(archive, flt)
        first = next(found, None)
        if first is None and not flt.is_empty():
            unmatched = explain_no_facts(archive, flt)
            for problem in unmatched:
                click.echo(f"--{problem.field}: {problem.message}", err=True)
            if not unmatched:
                click.echo("no fact matches all of these filters together; each matches some on its own", err=True)
        write(chain([first], found) if first is not None else [], sys.stdout)


@cli.command()
@click.pass_context
def comments(ctx: click.Context) -> None:
    """List readers' comments held for moderation."""
    from metalnomist.pipeline import held_comments

    with _archive(ctx) as archive:
        held = held_comments(archive)
    for comment in held:
        when = comment.published.isoformat(timespec="minutes") if comment.published else "?"
        click.echo(_safe(f"#{comment.id} on post {comment.post_id} by {comment.author} at {when}:"))
        click.echo("    " + _safe(" ".join(comment.body.split())[:300]))
    click.echo(f"{len(held)} comments held", err=True)


@cli.command()
@click.argument("comment_ids", nargs=-1, type=int, required=True)
@click.option("--reject", is_flag=True, help="Delete the comments instead of publishing them.")
@click.pass_context
def approve(ctx: click.Context, comment_ids: tuple[int, ...], reject: bool) -> None:
    """Publish held comments (or delete them with --reject)."""
    from metalnomist.pipeline import moderate

    with _archive(ctx) as archive:
        missing = moderate(archive, comment_ids, approve=not reject)
    done = len(comment_ids) - len(missing)
    click.echo(f"{done} comments {'rejected' if reject else 'published'}")
    if missing:
        click.echo(f"error: no comment with id {', '.join(map(str, missing))}", err=True)
        raise click.exceptions.Exit(1)


@cli.command(name="reindex")
@click.pass_context
def reindex_command(ctx: click.Context) -> None:
    """Rebuild the search index from the database, starting from an empty index folder."""
    from tqdm import tqdm

    from metalnomist.search.service import total_posts

    with _archive(ctx) as archive:
        total = total_posts(archive.store)
        with tqdm(total=total, unit=" posts", file=sys.stderr, disable=None) as bar:
            count = archive.rebuild_index(progress=bar.update)
    click.echo(f"{count} posts indexed")


@cli.group(name="index")
def index_group() -> None:
    """Copy this node's search index to a new node (export), or start from such a copy (import)."""


@index_group.command(name="export")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.pass_context
def index_export(ctx: click.Context, path: Path) -> None:
    """Write the search index folder to a new tar file PATH, while the node keeps serving."""
    from metalnomist.search.index import SearchIndex
    from metalnomist.search.transfer import export_index

    copy = export_index(SearchIndex(ctx.obj.resolved_index_dir()), path)
    click.echo(f"exported the index of archive {copy.archive} at change {copy.seq} ({copy.files} files) to {path}")


@index_group.command(name="import")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.pass_context
def index_import(ctx: click.Context, path: Path) -> None:
    """Replace the search index folder with an export of this archive's index, then catch up (stop the node first)."""
    from metalnomist.search.transfer import import_index

    with _archive(ctx) as archive:
        copy = import_index(archive.store, path, ctx.obj.resolved_index_dir())
        now = archive.index.applied_seq  # opening it applies what was logged since the export
    click.echo(f"imported the index at change {copy.seq} from {path}; caught up to change {now}")


@cli.command(name="backup")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.pass_context
def backup_command(ctx: click.Context, path: Path) -> None:
    """Write the whole database (posts, comments, facts) to a new file, while it stays in use."""
    from metalnomist.pipeline import backup_archive

    with _archive(ctx) as archive:
        backup_archive(archive, path)
        click.echo(f"backed up {archive.store.url} to {path}")


@cli.command(name="restore")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Replace an archive that already holds posts or comments.")
@click.pass_context
def restore_command(ctx: click.Context, path: Path, force: bool) -> None:
    """Replace the archive with a backup made by `metalnomist backup`, then rebuild the search index."""
    from tqdm import tqdm

    from metalnomist.pipeline import restore_archive

    with _archive(ctx) as archive, tqdm(unit=" posts", file=sys.stderr, disable=None) as bar:
        count = restore_archive(archive, path, force, progress=bar.update)
    click.echo(f"restored {path}; {count} posts indexed")


@cli.command(name="reextract")
@click.pass_context
def reextract_command(ctx: click.Context) -> None:
    """Extract market facts from every post again (after a grammar change)."""
    from tqdm import tqdm

    from metalnomist.pipeline import reextract
    from metalnomist.search.service import total_posts

    with _archive(ctx) as archive:
        with tqdm(total=total_posts(archive.store), unit=" posts", file=sys.stderr, disable=None) as bar:
            count = reextract(archive, progress=bar.update)
    click.echo(f"{count} facts extracted")


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", type=int, default=8000, show_default=True)
@click.option("--sample/--no-sample", default=False, help="Load the bundled sample posts if the archive is empty.")
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Worker processes; more than one uses more cores for more requests per second.")
@click.pass_context
def serve(ctx: click.Context, host: str, port: int, sample: bool, workers: int) -> None:
    """Run the web site and the JSON API."""
    import uvicorn

    from metalnomist.pipeline import ingest_sample_if_empty, open_archive
    from metalnomist.web.app import create_app
    from metalnomist.web.logs import log_config
    from metalnomist.web.server import run_workers

    settings: Settings = ctx.obj
    archive = open_archive(settings)
    if sample and ingest_sample_if_empty(archive):
        click.echo("loaded the sample posts", err=True)
    logs, access_log = log_config(settings.log_format), settings.log_format == "text"  # json: our line per request
    if workers == 1:
        # The app reads X-Forwarded-For itself, from METALNOMIST_TRUSTED_PROXIES only (uvicorn trusts loopback).
        uvicorn.run(create_app(settings, archive), host=host, port=port, log_level="info", proxy_headers=False,
                    log_config=logs, access_log=access_log)
        return
    archive.close()
    shared_key = replace(settings, secret_key=settings.secret_key or secrets.token_hex(32))  # one CSRF key for all
    run_workers(shared_key, host, port, workers, logs, access_log)


def _password(from_stdin: bool) -> str:
    """From the first line of standard input (for scripts), else a hidden prompt asked twice."""
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    return str(click.prompt("Password", hide_input=True, confirmation_prompt=True))


@cli.group()
def users() -> None:
    """Accounts that sign in to /admin: editors manage posts and comments, admins also accounts."""


@users.command(name="add")
@click.argument("name")
@click.option("--role", type=click.Choice(["editor", "admin"]), default="editor", show_default=True)
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input instead of a prompt.")
@click.pass_context
def users_add(ctx: click.Context, name: str, role: str, password_stdin: bool) -> None:
    """Create an account."""
    from metalnomist.accounts.service import create_user

    password = _password(password_stdin)
    with _archive(ctx) as archive:
        create_user(archive.store, name, password, role)
    click.echo(f"added {role} {name}")


@users.command(name="list")
@click.pass_context
def users_list(ctx: click.Context) -> None:
    """Every account with its role and whether it may sign in."""
    from metalnomist.accounts.service import list_users

    with _archive(ctx) as archive:
        for user in list_users(archive.store):
            click.echo(f"{user.name}\t{user.role}\t{'active' if user.active else 'disabled'}")


@users.command(name="disable")
@click.argument("name")
@click.option("--enable", is_flag=True, help="Let a disabled account sign in again.")
@click.pass_context
def users_disable(ctx: click.Context, name: str, enable: bool) -> None:
    """Stop an account signing in; its sessions and API tokens stop working at once."""
    from metalnomist.accounts.service import set_user_active

    with _archive(ctx) as archive:
        set_user_active(archive.store, name, enable)
    click.echo(f"{'enabled' if enable else 'disabled'} {name}")


@users.command(name="password")
@click.argument("name")
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input instead of a prompt.")
@click.pass_context
def users_password(ctx: click.Context, name: str, password_stdin: bool) -> None:
    """Set a new password; the account's open sessions end."""
    from metalnomist.accounts.service import change_password

    password = _password(password_stdin)
    with _archive(ctx) as archive:
        change_password(archive.store, name, password)
    click.echo(f"changed the password of {name}")


@cli.group()
def tokens() -> None:
    """API tokens for scripts, sent as 'Authorization: Bearer TOKEN'."""


@tokens.command(name="create")
@click.argument("name")
@click.pass_context
def tokens_create(ctx: click.Context, name: str) -> None:
    """Print a new token for the account NAME; it is shown this once and stored only hashed."""
    from metalnomist.accounts.service import create_token

    with _archive(ctx) as archive:
        click.echo(create_token(archive.store, name))


@tokens.command(name="list")
@click.argument("name")
@click.pass_context
def tokens_list(ctx: click.Context, name: str) -> None:
    """The account's tokens: id, when made, and when revoked."""
    from metalnomist.accounts.service import list_tokens

    with _archive(ctx) as archive:
        for token_id, created, revoked in list_tokens(archive.store, name):
            state = f"revoked {revoked.isoformat(timespec='minutes')}" if revoked else "active"
            click.echo(f"{token_id}\tcreated {created.isoformat(timespec='minutes')}\t{state}")


@tokens.command(name="revoke")
@click.argument("token_id", type=int)
@click.pass_context
def tokens_revoke(ctx: click.Context, token_id: int) -> None:
    """Stop the token with this id (from `tokens list`) working."""
    from metalnomist.accounts.service import revoke

    with _archive(ctx) as archive:
        revoke(archive.store, token_id)
    click.echo(f"revoked token {token_id}")


@cli.command()
def settings() -> None:
    """List every setting with its environment key, default and meaning."""
    for key, default, help_text in describe():
        click.echo(f"{key} (default {default})\n    {help_text}")


def main() -> None:
    """Problems people can act on (a locked or unreachable database, a full disk) are one line and exit 1."""
    try:
        cli(standalone_mode=True)
    except MetalnomistError as exc:
        click.echo(_safe(f"error: {exc}"), err=True)
        sys.exit(1)
    except OSError as exc:
        where = f" ({exc.filename})" if exc.filename else ""
        click.echo(f"error: {exc.strerror or exc}{where}", err=True)
        sys.exit(1)
