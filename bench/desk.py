"""The editors' title search on an archive you already have: each text read the way the desk reads it, and
by walking every title newest first (what it did before migration 0022), for comparison.

    .venv/bin/python bench/desk.py --db sqlite:////tmp/bench/100k.db copper "21,857" "no such words"

Opening an archive behind the schema's head migrates it first (0022 indexes every stored title); the time
that took is printed. Each text is asked `--repeat` times on the published posts; the median is printed.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from metalnomist.store import Store, desk  # noqa: E402
from metalnomist.store.desk import desk_posts  # noqa: E402


def median_ms(store: Store, text: str, repeat: int, limit: int) -> tuple[float, int]:
    times, found = [], 0
    for _ in range(repeat):
        with store.reading() as conn:
            started = time.perf_counter()
            found = len(desk_posts(conn, "published", 0, limit, text))
            times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", required=True)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--limit", type=int, default=50, help="a dashboard page")
    parser.add_argument("texts", nargs="+")
    args = parser.parse_args()
    started = time.perf_counter()
    store = Store.open(args.db)
    print(f"opened (migrating if behind) in {time.perf_counter() - started:.1f} s")
    print("| text | as the desk reads it: ms, posts | every title walked: ms |")
    print("|---|---:|---:|")
    read_by_index = desk._few_titles_holding
    for text in args.texts:
        ours, found = median_ms(store, text, args.repeat, args.limit)
        desk._few_titles_holding = lambda conn, text: None  # type: ignore[assignment]
        try:
            walked, _ = median_ms(store, text, args.repeat, args.limit)
        finally:
            desk._few_titles_holding = read_by_index  # type: ignore[assignment]
        print(f"| {text} | {ours:.1f}, {found} | {walked:.1f} |", flush=True)
    store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
