"""What matching new posts against the watches costs per ingested post, at 10,000 watches.

usage: python bench/watches.py [--watches 10000] [--posts 200] [--singles 50] [--mix broad|specific] [--naive]

A SQLite archive gets the seed posts, then `--watches` watches spread over accounts of 100 each
(the most one may keep), in one of two mixes. `broad`: one to three words of the seed's vocabulary
(half of them a single word), some with a label; facts filters of a commodity and a metric, half with
a country. Over the seed's 20 topics that is about 5% of the watches matching each post: the worst
case. `specific`, what an analyst's watches mostly are: two or three words, each found in at most 3
of the seed's 20 posts, that must all be in the post (a company and a metal, a metal and a country),
and facts filters of a commodity, a metric and a country. New posts (the seed's
texts under new titles and addresses) are stored and indexed as an ingest does, and the figure is
the run of `Matcher.run` that every ingest and the worker in `serve` make: the time to match them all,
per post, with the matches found. It also times matching one post at a time (a desk publication:
p50 and p99 per post) and, with --naive, asking the index about every watch instead of the words'
candidates only.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from metalnomist.config import Settings  # noqa: E402
from metalnomist.models import Post, Watch  # noqa: E402
from metalnomist.pipeline import Archive, export_posts, ingest_sample_if_empty, open_archive, store_file  # noqa: E402
from metalnomist.search.service import catch_up  # noqa: E402
from metalnomist.store.facts import count_facts, distinct_values  # noqa: E402
from metalnomist.store.users import add_user  # noqa: E402
from metalnomist.store.watches import add_watch, all_watches  # noqa: E402
from metalnomist.watches.matching import Matcher, WatchBook  # noqa: E402

PER_ACCOUNT = 100


def _vocabulary(seed: list[Post], mix: str) -> tuple[list[str], list[str]]:
    """The seed's words; for specific watches only those of at most 3 of its 20 posts (names, not `said`)."""
    found = [{w.lower() for w in re.findall(r"[A-Za-z]{4,}", p.title + " " + p.body)} for p in seed]
    words = sorted({w for ws in found for w in ws if mix == "broad" or sum(w in other for other in found) <= 3})
    labels = sorted({label for p in seed for label in p.labels})
    return words, labels


def add_watches(archive: Archive, count: int, rng: random.Random, mix: str = "broad") -> None:
    seed = list(export_posts(archive))
    words, labels = _vocabulary(seed, mix)
    with archive.store.reading() as conn:
        menus = {name: distinct_values(conn, name) for name in ("commodity", "metric", "country")}
    now = datetime.now(UTC)
    with archive.store.transaction() as conn:
        users = [add_user(conn, f"reader{i}", "not-a-hash", "editor", now).id
                 for i in range(-(-count // PER_ACCOUNT))]
        for i in range(count):
            user = users[i // PER_ACCOUNT]
            if i % 4 == 3:  # a quarter follow figures
                filters = {"commodity": rng.choice(menus["commodity"]), "metric": rng.choice(menus["metric"])}
                if mix == "specific" or rng.random() < 0.5:
                    filters["country"] = rng.choice(menus["country"])
                add_watch(conn, user, "facts", "", (), filters, now)
            else:
                sizes = (2, 2, 3) if mix == "specific" else (1, 1, 2, 3)
                query = " ".join(rng.sample(words, rng.choice(sizes)))
                chosen = (rng.choice(labels),) if labels and rng.random() < 0.2 else ()
                add_watch(conn, user, "search", query, chosen, {}, now)


def new_posts(archive: Archive, folder: Path, count: int, round_: int) -> Path:
    seed = list(export_posts(archive))[:20]
    path = folder / f"new-{round_}.jsonl"
    path.write_text("\n".join(json.dumps({"title": f"{p.title} ({round_}.{i})", "body": p.body,
                                          "labels": list(p.labels), "url": f"https://bench.example/{round_}/{i}"})
                              for i, p in enumerate(seed[i % len(seed)] for i in range(count))), encoding="utf-8")
    return path


def _stored(archive: Archive, path: Path) -> None:
    store_file(archive, path, "jsonl")
    catch_up(archive.store, archive.index)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--watches", type=int, default=10_000)
    parser.add_argument("--posts", type=int, default=200)
    parser.add_argument("--singles", type=int, default=50, help="posts matched one at a time")
    parser.add_argument("--mix", choices=("broad", "specific"), default="broad", help="what the watches follow")
    parser.add_argument("--naive", action="store_true", help="also ask the index about every watch")
    args = parser.parse_args()
    rng = random.Random(13)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        archive = open_archive(Settings(db=f"sqlite:///{folder}/a.db", index_dir=str(folder / "index"),
                                        secret_key="bench"))
        ingest_sample_if_empty(archive)
        add_watches(archive, args.watches, rng, args.mix)
        matcher = Matcher(archive.store, archive.index)
        with archive.store.reading() as conn:
            watches = all_watches(conn)
            start = time.perf_counter()
            book = matcher.book(conn)
            built = time.perf_counter() - start
        assert book is not None
        print(f"{len(watches)} watches, {args.mix} mix ({sum(w.kind == 'facts' for w in watches)} facts filters); "
              f"book built in {built:.2f} s; {count_facts_of(archive)} facts stored")

        _stored(archive, new_posts(archive, folder, args.posts, 1))
        start = time.perf_counter()
        run = matcher.run()
        batch = time.perf_counter() - start
        print(f"batch: {run.posts} new posts matched in {batch * 1000:.0f} ms = "
              f"{batch * 1000 / max(run.posts, 1):.2f} ms per post; {run.matches} matches "
              f"({run.matches / max(run.posts, 1):.1f} per post)")

        singles, found = [], 0
        for i in range(args.singles):
            _stored(archive, new_posts(archive, folder, 1, 100 + i))
            start = time.perf_counter()
            found += matcher.run().matches
            singles.append(time.perf_counter() - start)
        singles.sort()
        p99 = singles[min(len(singles) - 1, round(0.99 * (len(singles) - 1)))]
        print(f"one post at a time ({args.singles} posts, {found / max(args.singles, 1):.1f} matches each): "
              f"p50 {singles[len(singles) // 2] * 1000:.1f} ms, p99 {p99 * 1000:.1f} ms per post")
        if args.naive:
            naive(archive, book, watches)
        archive.close()


def count_facts_of(archive: Archive) -> int:
    with archive.store.reading() as conn:
        return count_facts(conn)


def naive(archive: Archive, book: WatchBook, watches: list[Watch]) -> None:
    """The same decision without the book: every search watch asked of the index for one post."""
    seed = list(export_posts(archive))[:1]
    post = seed[0]
    searches = [w for w in watches if w.kind == "search"]
    compiled = [book.search_query(w) for w in searches]  # compiled once, as a naive matcher would keep them
    start = time.perf_counter()
    for query in compiled:
        archive.index.matching(query, [post.id or 0])
    spent = time.perf_counter() - start
    print(f"naive: every one of {len(searches)} search watches asked of the index: {spent * 1000:.0f} ms per post")


if __name__ == "__main__":
    main()
