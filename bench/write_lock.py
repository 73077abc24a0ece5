"""How long other writers wait while a big file is ingested into a SQLite archive.

usage: python bench/write_lock.py [--posts N] [--changed]

An ingest runs in a thread (as `metalnomist ingest` would, facts extracted); meanwhile another
connection keeps taking SQLite's write lock for an empty transaction, as a comment post does,
and records how long each attempt waited. Prints the ingest time, the longest wait and how
many attempts got through: a writer that blocked the others for the whole file shows a wait
as long as the ingest itself. With --changed the file is first stored, and what is measured is
the import of a copy in which every post changed (updates, not new posts).
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from metalnomist.config import Settings  # noqa: E402
from metalnomist.pipeline import ingest_file, open_archive  # noqa: E402

SENTENCES = ("Japan's copper imports rose 4% to 1,200 tonnes in March 2024, METI said. "
             "Zinc output in Peru fell 2.5% year on year. Lithium carbonate prices slid to $10,500 a tonne. ")


def _write_posts(source: Path, count: int, extra: str = "") -> None:
    source.write_text("\n".join(json.dumps({"title": f"Metals report {i}", "url": f"https://x/{i}",
                                            "body": SENTENCES * 4 + f"Report {i}." + extra}) for i in range(count)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=3000)
    parser.add_argument("--changed", action="store_true", help="measure re-importing a changed copy of a stored file")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source = folder / "posts.jsonl"
        _write_posts(source, args.posts)
        archive = open_archive(Settings(db=f"sqlite:///{folder}/a.db", index_dir=str(folder / "index")))
        if args.changed:
            ingest_file(archive, source, "jsonl")
            _write_posts(source, args.posts, " Nickel output rose 3% to 2,000 tonnes in May 2024.")
        done = threading.Event()
        timing: dict[str, float] = {}

        def ingest() -> None:
            start = time.perf_counter()
            ingest_file(archive, source, "jsonl")
            timing["ingest"] = time.perf_counter() - start
            done.set()

        probe = sqlite3.connect(folder / "a.db", timeout=600, isolation_level=None)
        worker = threading.Thread(target=ingest)
        worker.start()
        waits: list[float] = []
        while not done.is_set():
            start = time.perf_counter()
            probe.execute("BEGIN IMMEDIATE")
            probe.execute("ROLLBACK")
            waits.append(time.perf_counter() - start)
            time.sleep(0.05)
        worker.join()
        probe.close()
        archive.close()
    what = "changed posts re-imported" if args.changed else "posts"
    print(f"{args.posts} {what}: ingest {timing['ingest']:.1f} s; another writer waited at most {max(waits):.2f} s "
          f"(over {len(waits)} attempts; median {sorted(waits)[len(waits) // 2] * 1000:.1f} ms)")


if __name__ == "__main__":
    main()
