"""`GET /api/search` against a real `metalnomist serve` process, from a separate client process.

bench/speed.py runs uvicorn in a thread of its own process, so its clients share one GIL
with the server and its req/s is a lower bound. This runs the server as the CLI does
(`--workers N`) and the 8 clients in another process, over an archive you already have:

    .venv/bin/python bench/api_load.py --db sqlite:////tmp/bench/100k.db --index-dir /tmp/bench/100k.idx

On a 2-core machine the client process competes with the server for the same cores: the Python
client (httpx, 8 threads) spends about as much CPU per request as the server, so its req/s says as
much about the client as the server. With `wrk` installed (Debian's `apt-get install wrk`, a load
generator written in C), `--client wrk` (the default when it is found) sends the same rotation of
queries over 8 keep-alive connections for `--seconds`, costing the shared cores little.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from speed import Probe, api_params, client_run, free_port, probes, summary  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "results"


def start_server(db: str, index_dir: str, workers: int, port: int) -> subprocess.Popen[bytes]:
    env = os.environ | {"METALNOMIST_DB": db, "METALNOMIST_INDEX_DIR": index_dir}
    command = [sys.executable, "-c", "from metalnomist.cli import main; main()", "serve", "--workers", str(workers),
               "--port", str(port)]
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/labels", timeout=5).status_code == 200:
                return process
        except httpx.TransportError:
            time.sleep(0.5)
    process.kill()
    raise SystemExit("the server did not start within 120 s")


def load(base: str, queries: list[Probe], clients: int) -> dict[str, Any]:
    """Runs in the client process: `clients` threads, each sending every query once."""
    client_run(base, queries, 0)  # warm-up
    started = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        runs = list(pool.map(lambda i: client_run(base, queries, i * 25), range(clients)))
    wall = time.perf_counter() - started
    timings = [t for run, _ in runs for t in run]
    return summary(timings) | {"requests_per_s": round(len(timings) / wall, 1), "errors": sum(e for _, e in runs)}


# Each connection sends the queries in turn, from its own place in the list, as the Python clients do.
WRK_SCRIPT = """
local paths = {%s}
local started = 0
function setup(thread) thread:set("start", started * 25); started = started + 1 end
function init(args) counter = start or 0 end
function request()
  counter = counter + 1
  return wrk.format("GET", paths[(counter %% #paths) + 1])
end
"""
_WRK_LATENCY = re.compile(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s)\s*$", re.M)
_WRK_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def load_wrk(base: str, queries: list[Probe], clients: int, seconds: int) -> dict[str, Any]:
    """The benchmark queries as /api/search requests, sent by wrk (see wrk_run)."""
    paths = ["/api/search?" + str(httpx.QueryParams(api_params(q))) for q in queries]
    return wrk_run(base, paths, clients, seconds)


def wrk_run(base: str, paths: list[str], clients: int, seconds: float) -> dict[str, Any]:
    """`clients` keep-alive connections from wrk's two threads for `seconds`, each going round `paths` from its own
    place; p50/p99, req/s and KB per answer as wrk counts them."""
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(WRK_SCRIPT % ", ".join(json.dumps(p) for p in paths))
    try:
        subprocess.run(["wrk", "-t2", f"-c{clients}", "-d3s", "-s", script.name, base], check=True,
                       capture_output=True)  # warm-up
        out = subprocess.run(["wrk", "-t2", f"-c{clients}", f"-d{max(int(seconds), 1)}s", "--latency", "-s",
                              script.name, base], check=True, capture_output=True, text=True).stdout
    finally:
        os.unlink(script.name)
    latency = {p: float(v) * _WRK_UNITS[u] for p, v, u in _WRK_LATENCY.findall(out)}
    rate = re.search(r"Requests/sec:\s+([\d.]+)", out)
    errors = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    done = re.search(r"(\d+) requests in [\d.]+\w+, ([\d.]+)([KMG]?B) read", out)
    count = int(done.group(1)) if done else 0
    read = float(done.group(2)) * {"B": 1, "KB": 1024, "MB": 1024**2, "GB": 1024**3}[done.group(3)] if done else 0.0
    return {"p50_ms": round(latency["50"], 2), "p99_ms": round(latency["99"], 2),
            "requests_per_s": float(rate.group(1)) if rate else 0.0, "errors": int(errors.group(1)) if errors else 0,
            "samples": count, "kb": round(read / count / 1024, 1) if count else 0.0, "client": "wrk"}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", required=True)
    parser.add_argument("--index-dir", required=True)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--out", type=Path, default=RESULTS / "api-load.json")
    parser.add_argument("--client", choices=["wrk", "python"], default="wrk" if shutil.which("wrk") else "python")
    parser.add_argument("--seconds", type=int, default=20, help="how long wrk sends (the Python client sends "
                        "every query once from each thread)")
    args = parser.parse_args()
    queries = probes()
    results: dict[str, Any] = {"db": args.db, "clients": args.clients, "client": args.client,
                               "queries": len(queries), "runs": {}}
    for workers in args.workers:
        port = free_port()
        server = start_server(args.db, args.index_dir, workers, port)
        try:
            if args.client == "wrk":
                figures = load_wrk(f"http://127.0.0.1:{port}", queries, args.clients, args.seconds)
            else:
                with ProcessPoolExecutor(1) as clients:
                    figures = clients.submit(load, f"http://127.0.0.1:{port}", queries, args.clients).result()
        finally:
            server.terminate()
            server.wait(timeout=30)
        results["runs"][f"{workers}_workers"] = figures
        print(f"{workers} worker(s), {args.clients} clients: {figures}", flush=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
