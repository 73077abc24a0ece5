"""Serving a big archive: start-up time, resident memory, and search during a bulk ingest.

    .venv/bin/python bench/serving.py --db sqlite:////tmp/m1/a.db --extra /tmp/extra.jsonl

1. starts `metalnomist serve` on the archive and times the first `/api/search` answer with hits;
2. sends the 200 benchmark queries and reads the server's resident memory (VmRSS);
3. runs `metalnomist ingest EXTRA` in another process while one client keeps searching, and
   counts errors, latency, and how long after the ingest ends its posts become findable.

Server and ingest run with the default settings (fact extraction on), as users get them.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from speed import api_params, free_port, probes, summary  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "results"
CLI = [sys.executable, "-c", "from metalnomist.cli import main; main()"]


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def start(env: dict[str, str], port: int) -> tuple[subprocess.Popen[bytes], float]:
    """Seconds from launching the process to the first search that returns hits."""
    started = time.perf_counter()
    server = subprocess.Popen([*CLI, "serve", "--port", str(port)], env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    while time.perf_counter() - started < 600:
        try:
            body = httpx.get(f"http://127.0.0.1:{port}/api/search", params={"q": "copper"}, timeout=30).json()
            if body.get("results"):
                return server, time.perf_counter() - started
        except (httpx.TransportError, ValueError):
            time.sleep(0.05)
    server.kill()
    raise SystemExit("no search answer within 600 s")


def during_ingest(env: dict[str, str], base: str, extra: Path, marker: str) -> dict[str, Any]:
    """Search continuously while another process ingests `extra`; then wait for its posts to show."""
    ingest = subprocess.Popen([*CLI, "ingest", str(extra)], env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    timings, errors, queries = [], 0, probes()
    with httpx.Client(base_url=base, timeout=30) as client:
        i = 0
        while ingest.poll() is None:
            began = time.perf_counter()
            response = client.get("/api/search", params=api_params(queries[i % len(queries)]))
            timings.append((time.perf_counter() - began) * 1000)
            errors += response.status_code != 200
            i += 1
        ended = time.perf_counter()
        while client.get("/api/search", params={"q": marker}).json()["total"] == 0:
            if time.perf_counter() - ended > 120:
                break
            time.sleep(0.01)
        visible_after = time.perf_counter() - ended
    return summary(timings) | {"errors": errors, "ingest_exit": ingest.returncode,
                               "new_posts_visible_after_s": round(visible_after, 3)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", required=True)
    parser.add_argument("--extra", type=Path, required=True, help="posts JSONL to ingest while searching")
    parser.add_argument("--index-dir", help="the archive's index folder, when it is not beside a SQLite file")
    parser.add_argument("--marker", default="zzbenchmarker", help="a word only the extra posts contain")
    parser.add_argument("--out", type=Path, default=RESULTS / "serving.json")
    args = parser.parse_args()
    # What users get: every setting at its default (fact extraction on, for the server and the
    # concurrent ingest alike), whatever the calling shell has set; only the archive is chosen.
    env = {k: v for k, v in os.environ.items() if not k.startswith("METALNOMIST_")} | {"METALNOMIST_DB": args.db}
    if args.index_dir:
        env["METALNOMIST_INDEX_DIR"] = args.index_dir
    port = free_port()
    server, startup = start(env, port)
    base = f"http://127.0.0.1:{port}"
    try:
        with httpx.Client(base_url=base, timeout=30) as client:
            for probe in probes():
                client.get("/api/search", params=api_params(probe))
        result = {"db": args.db, "settings": "defaults", "startup_to_first_result_s": round(startup, 2),
                  "rss_mb_after_200_queries": round(rss_mb(server.pid), 1),
                  "during_ingest": during_ingest(env, base, args.extra, args.marker)}
    finally:
        server.terminate()
        server.wait(timeout=60)
    print(json.dumps(result, indent=2))
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
