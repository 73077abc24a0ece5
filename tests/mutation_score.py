"""Print the mutation score per module from a `mutmut run` (see `make mutants`).

A mutant is killed when a test failed (or timed out) with it in place. Mutants judged equivalent
(no input can tell them from the original) are listed here with the reason and left out of the
score; any other survivor is printed, as a test to write.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

KILLED = {1, 3, 24, 36, 37, 152, 255, -9, -11, -24}  # failed, pytest error, timeouts, type check, crash
SURVIVED = 0

EQUIVALENT: dict[str, str] = {
    # mutant name: why no input can tell it from the original
    "metalnomist.search.query.x_parse__mutmut_11": "join_next = None: falsy like False, only tested for truth",
    "metalnomist.search.query.x_parse__mutmut_48": "join_next = None after a clause: as above",
    "metalnomist.search.query.x__clause__mutmut_9": "a lone - or + as a sign: its empty body is dropped all the same",
}


def results(root: Path) -> dict[str, dict[str, int | None]]:
    """{module: {mutant: exit code}} from mutmut's .meta files."""
    found: dict[str, dict[str, int | None]] = {}
    for meta in sorted(root.rglob("*.py.meta")):
        module = str(meta.relative_to(root)).removesuffix(".py.meta").replace("/", ".")
        codes = json.loads(meta.read_text(encoding="utf-8")).get("exit_code_by_key", {})
        if codes:
            found[module] = codes
    return found


def main(root: Path = Path("mutants")) -> int:
    by_module = results(root)
    if not by_module:
        print(f"no mutmut results under {root}/: run `make mutants` first", file=sys.stderr)
        return 1
    total_killed = total_scored = 0
    for module, codes in by_module.items():
        tally: Counter[str] = Counter()
        survivors = []
        for name, code in codes.items():
            if name in EQUIVALENT:
                tally["equivalent"] += 1
            elif code in KILLED:
                tally["killed"] += 1
            elif code is None:
                tally["not run"] += 1
            else:
                tally["survived" if code == SURVIVED else "no test"] += 1
                survivors.append(name)
        scored = tally["killed"] + tally["survived"] + tally["no test"]
        if not scored:
            continue
        total_killed, total_scored = total_killed + tally["killed"], total_scored + scored
        print(f"{module}: {100 * tally['killed'] / scored:.1f}% killed ({tally['killed']}/{scored}; "
              f"{tally['equivalent']} equivalent, {tally['not run']} not run)")
        for name in survivors:
            print(f"    survived: {name}")
    print(f"all: {100 * total_killed / max(total_scored, 1):.1f}% killed ({total_killed}/{total_scored})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
