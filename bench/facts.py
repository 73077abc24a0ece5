"""Score the extractor on the seed page against the hand-made gold set.

usage: python bench/facts.py [--seed PATH] [--gold PATH] [--out PATH] [--show-misses N]

Reads the seed with the page reader, extracts facts from every post, writes them as JSON
Lines and runs the shared scorer on them, printing its figures.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from metalnomist.extract import extract_facts  # noqa: E402
from metalnomist.extract.export import write_jsonl  # noqa: E402
from metalnomist.ingest.page import read  # noqa: E402

SEED_DIR = REPO.parent / "shared" / "data" / "seed"
SCORER = REPO.parent / "shared" / "tools" / "score_facts.py"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=Path, default=SEED_DIR / "metalnomist-search-japans.txt")
    parser.add_argument("--gold", type=Path, default=SEED_DIR / "facts.gold.jsonl")
    parser.add_argument("--out", type=Path, default=None, help="where to keep the predictions (default: a temp file)")
    parser.add_argument("--show-misses", type=int, default=0, metavar="N")
    args = parser.parse_args()
    out = args.out or Path(tempfile.mkstemp(prefix="facts-", suffix=".jsonl")[1])
    started = time.perf_counter()
    posts = list(read(args.seed))
    facts = []
    for number, post in enumerate(posts, 1):
        found = extract_facts(post)
        facts.extend(found)
        print(f"[{number}/{len(posts)}] {len(found):3d} facts  {post.title[:70]}", file=sys.stderr)
    with out.open("w", encoding="utf-8") as stream:
        write_jsonl(facts, stream)
    print(f"{len(facts)} facts from {len(posts)} posts in {time.perf_counter() - started:.2f}s -> {out}")
    command = [sys.executable, str(SCORER), str(args.gold), str(out)]
    if args.show_misses:
        command += ["--show-misses", str(args.show_misses)]
    subprocess.run(command, check=True)


if __name__ == "__main__":
    main()
