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

EQUIVALENT_FILE = Path(__file__).with_name("mutation_equivalent.txt")
# A listed reason that starts so names the PostgreSQL test that kills the mutant (mutmut runs on SQLite).
POSTGRES_ONLY = "postgresql:"


def equivalent(path: Path = EQUIVALENT_FILE) -> dict[str, str]:
    """{mutant: why no input tells it from the original}, from the committed list."""
    found: dict[str, str] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip() and not line.startswith("#"):
            name, _, reason = line.strip().partition(" ")
            if not reason.strip():
                raise SystemExit(f"{path}:{number}: {name} needs a reason after the name")
            found[name] = reason.strip()
    return found


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
    listed = equivalent()
    everything: Counter[str] = Counter()
    for module, codes in by_module.items():
        tally: Counter[str] = Counter()
        notes = []
        for name, code in codes.items():
            if code not in KILLED and listed.get(name, "").startswith(POSTGRES_ONLY):
                tally["killed"] += 1
                tally["killed on PostgreSQL"] += 1
            elif code in KILLED:
                tally["killed"] += 1
                if name in listed:
                    notes.append(f"    killed, yet listed as equivalent (unlist it): {name}")
            elif name in listed:
                tally["equivalent"] += 1
            elif code is None:
                tally["not run"] += 1
            else:
                tally["survived" if code == SURVIVED else "no test"] += 1
                notes.append(f"    {'survived' if code == SURVIVED else 'no test'}: {name}")
        if tally["killed"] + tally["survived"] + tally["no test"]:
            print(f"{module}: {_score(tally)}")
            for note in notes:
                print(note)
            everything.update(tally)
    print(f"all: {_score(everything)}")
    return 0


def _score(tally: Counter[str]) -> str:
    """killed / (total - equivalent), and the raw killed / total beside it."""
    killed, scored = tally["killed"], tally["killed"] + tally["survived"] + tally["no test"]
    total = scored + tally["equivalent"]
    return (f"{100 * killed / max(scored, 1):.1f}% killed ({killed}/{scored} once {tally['equivalent']} "
            f"equivalent are set aside; raw {100 * killed / max(total, 1):.1f}%, {killed}/{total}; "
            f"{tally['not run']} not run; {tally['killed on PostgreSQL']} of the killed on PostgreSQL only, by hand)")


if __name__ == "__main__":
    raise SystemExit(main())
