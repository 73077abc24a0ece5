"""Sentences per second of `extract_facts` on one core, over the seed page repeated.

usage: python bench/extract_speed.py [--seed PATH] [--repeat N]

Target: at least 2,000 sentences/s of CPU time on one core (wall time is printed too; on a
shared machine it also counts other jobs). Counts the body sentences the extractor reads
(paragraphs before the commentary), so the figure does not depend on how many facts it finds.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from metalnomist.extract import extract_facts  # noqa: E402
from metalnomist.ingest.page import read  # noqa: E402
from metalnomist.models import COMMENTARY_HEADING, Post  # noqa: E402
from metalnomist.text import split_sentences  # noqa: E402

TARGET = 2000.0


def sentences_read(post: Post) -> int:
    count = 0
    for block in post.blocks:
        if block.kind == "heading":
            if block.text.strip() == COMMENTARY_HEADING:
                break
            continue
        count += sum(1 for _ in split_sentences(block.text))
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--seed", type=Path, default=REPO.parent / "shared" / "data" / "seed" / "metalnomist-search-japans.txt"
    )
    parser.add_argument("--repeat", type=int, default=50)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core, as the target says
    posts = list(read(args.seed))
    per_pass = sum(sentences_read(p) for p in posts)
    for post in posts:  # warm the gazetteers and regex caches outside the timing
        extract_facts(post)
    started, cpu_started = time.perf_counter(), time.process_time()
    facts = 0
    for round_number in range(1, args.repeat + 1):
        for post in posts:
            facts += len(extract_facts(post))
        if round_number % 10 == 0:
            print(f"  pass {round_number}/{args.repeat}", file=sys.stderr)
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    rate = per_pass * args.repeat / cpu  # CPU time: other jobs on the machine do not count against us
    print(
        f"{per_pass * args.repeat} sentences ({per_pass} per pass x {args.repeat}), {facts} facts, "
        f"{cpu:.2f}s CPU ({elapsed:.2f}s wall): {rate:,.0f} sentences/s on one core (target {TARGET:,.0f}) "
        f"{'OK' if rate >= TARGET else 'BELOW TARGET'}"
    )


if __name__ == "__main__":
    main()
