"""Score the extractor on the dev set (out of sample) and the seed page (in sample).

usage: python bench/facts.py [--only dev|seed] [--keep DIR] [--show-misses N] [--show-wrong FIELD ...]

Each set is read through the project's own reader (the dev set's posts.jsonl through
`metalnomist.ingest`, so the post dates the readers infer count; the seed page through the
page reader), extracted with `extract_facts` and scored by the shared scorer. The dev set
comes first: its articles are not the ones the rules were written from. `--show-misses` lists
gold facts nothing matched; `--show-wrong period` lists matched pairs whose period differs.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import cast

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from metalnomist.extract import extract_facts  # noqa: E402
from metalnomist.extract.export import write_jsonl  # noqa: E402
from metalnomist.ingest import read_posts  # noqa: E402

DATA = REPO.parent / "shared" / "data"
SCORER = REPO.parent / "shared" / "tools" / "score_facts.py"
FIELDS = ("change_pct", "metric", "commodity", "country", "partner", "period")


@dataclass(frozen=True)
class Set:
    name: str
    label: str
    posts: Path
    fmt: str
    gold: Path


SETS = (
    Set("dev", "dev (out of sample)", DATA / "dev" / "posts.jsonl", "jsonl", DATA / "dev" / "facts.gold.jsonl"),
    Set(
        "seed",
        "seed (in sample)",
        DATA / "seed" / "metalnomist-search-japans.txt",
        "page",
        DATA / "seed" / "facts.gold.jsonl",
    ),
)


def predict(chosen: Set, out: Path) -> tuple[int, int, float]:
    started = time.perf_counter()
    posts = list(read_posts(chosen.posts, chosen.fmt))
    facts = [fact for post in posts for fact in extract_facts(post)]
    with out.open("w", encoding="utf-8") as stream:
        write_jsonl(facts, stream)
    return len(posts), len(facts), time.perf_counter() - started


def score(chosen: Set, predicted: Path, show_misses: int) -> dict[str, object]:
    command = [sys.executable, str(SCORER), str(chosen.gold), str(predicted), "--json"]
    if show_misses:
        command += ["--show-misses", str(show_misses)]
        print(f"--- {chosen.label}: gold facts nothing matched", file=sys.stderr)
    done = subprocess.run(command, check=True, stdout=subprocess.PIPE, text=True)
    result: dict[str, object] = json.loads(done.stdout)
    return result


def show_wrong(chosen: Set, predicted: Path, fields: list[str]) -> None:
    """Print, per field, each matched pair that disagrees on it, paired by the scorer's own rule."""
    spec = importlib.util.spec_from_file_location("score_facts", SCORER)
    assert spec is not None and spec.loader is not None
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    pairs = scorer.match(scorer.load(str(chosen.gold)), scorer.load(str(predicted)))
    for name in fields:
        wrong = [(g, p) for g, p in pairs if not scorer.same_field(name, g.get(name), p.get(name))]
        print(f"--- {chosen.label}: {len(wrong)} of {len(pairs)} matched facts with another {name}", file=sys.stderr)
        for g, p in wrong:
            where = g.get("article_id") or g.get("post", "")[:30]
            sentence = " ".join(str(g.get("sentence")).split())[:110]
            print(f"WRONG {where} gold={g.get(name)!r} pred={p.get(name)!r} value={g.get('value')} :: {sentence}",
                  file=sys.stderr)


def table(rows: list[tuple[str, dict[str, object]]]) -> str:
    head = ["set", "gold", "pred", "P", "R", "F1", *FIELDS]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for label, r in rows:
        acc = cast(dict[str, float], r["field_accuracy"])
        cells = [label, str(r["gold"]), str(r["predicted"])]
        cells += [f"{float(str(r[k])):.3f}" for k in ("precision", "recall", "f1")]
        cells += [f"{acc[f]:.2f}" for f in FIELDS]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=[s.name for s in SETS], default=None)
    parser.add_argument("--keep", type=Path, default=None, help="folder to keep the predictions in (NAME.jsonl)")
    parser.add_argument("--show-misses", type=int, default=0, metavar="N", help="list N unmatched gold facts per set")
    parser.add_argument("--show-wrong", nargs="+", default=[], choices=FIELDS, metavar="FIELD",
                        help=f"list matched facts whose FIELD differs from gold ({', '.join(FIELDS)})")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="facts-"))
    folder.mkdir(parents=True, exist_ok=True)
    rows = []
    for chosen in SETS:
        if args.only and chosen.name != args.only:
            continue
        out = folder / f"{chosen.name}.jsonl"
        posts, facts, seconds = predict(chosen, out)
        print(f"{chosen.label}: {facts} facts from {posts} posts in {seconds:.2f}s -> {out}")
        rows.append((chosen.label, score(chosen, out, args.show_misses)))
        if args.show_wrong:
            show_wrong(chosen, out, args.show_wrong)
    print(table(rows))


if __name__ == "__main__":
    main()
