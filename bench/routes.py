"""Every page and API route against a real `metalnomist serve`, from a separate client process.

    .venv/bin/python bench/routes.py --db sqlite:////tmp/bench/20k.db --index-dir /tmp/bench/20k.idx
    .venv/bin/python bench/routes.py --posts 20000 --workdir /tmp/bench   # builds the archive once, then reuses it

The server runs as users run it (`metalnomist serve --workers 2`, default settings); the clients
run in this process, which the server does not share. Parameters come from the archive itself
(its newest posts, labels, months, a series and the 200 benchmark queries of bench/speed.py), so
every request finds something. Each route is asked with one client, then with eight, until it has
`--requests` answers or `--seconds` have passed, whichever comes first (a route that takes seconds
per answer is still measured, with fewer samples). Beside the latencies it reads the server's CPU
time from /proc, so a miss says whether the server was busy computing or waiting. With `wrk` installed
(`--client wrk`, the default then), eight clients are wrk's eight connections for `--seconds`: Python
client threads cost about as much CPU per request as the server, on the cores they share.

Targets (issue 10): every route p99 <= 100 ms with one client; /api/search p99 <= 60 ms and
>= 400 req/s with eight clients and two workers.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus  # noqa: E402
from api_load import wrk_run  # noqa: E402
from speed import api_params, free_port, percentile, probes  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "results"
CLI = [sys.executable, "-c", "from metalnomist.cli import main; main()"]
ROUTE_P99_MS = 100.0
SEARCH_P99_MS = 60.0
SEARCH_RPS = 400.0
TICKS = os.sysconf("SC_CLK_TCK")


# --- the server ------------------------------------------------------------------------------------
def build(posts: int, workdir: Path) -> tuple[str, str]:
    """A synthetic archive of `posts` posts ingested with the default settings (facts extracted), kept for reuse."""
    workdir.mkdir(parents=True, exist_ok=True)
    db, index = workdir / f"routes-{posts}.db", workdir / f"routes-{posts}.index"
    if not db.exists():
        source = workdir / f"posts-{posts}.jsonl"
        with source.open("w", encoding="utf-8") as handle:
            corpus.write(posts, 1, handle, progress=True)
        env = os.environ | {"METALNOMIST_DB": f"sqlite:///{db}", "METALNOMIST_INDEX_DIR": str(index)}
        subprocess.run([*CLI, "ingest", str(source)], env=env, check=True)
    return f"sqlite:///{db}", str(index)


def start_server(db: str, index_dir: str, workers: int) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    env = os.environ | {"METALNOMIST_DB": db, "METALNOMIST_INDEX_DIR": index_dir}
    server = subprocess.Popen([*CLI, "serve", "--workers", str(workers), "--port", str(port)], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline and server.poll() is None:
        try:
            if httpx.get(base + "/api/search", params={"q": "copper"}, timeout=30).status_code == 200:
                return server, base
        except httpx.TransportError:
            time.sleep(0.2)
    if server.poll() is not None:
        raise SystemExit(f"the server exited with status {server.returncode}; run `metalnomist serve` to see why")
    server.kill()
    raise SystemExit("the server did not answer within 600 s")


def cpu_seconds(root: int) -> float:
    """User and system CPU of `root` and every process below it (uvicorn's workers)."""
    parents: dict[int, int] = {}
    ticks: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(entry.name)] = int(fields[1])
        ticks[int(entry.name)] = int(fields[11]) + int(fields[12])
    tree, grown = {root}, True
    while grown:
        below = {pid for pid, parent in parents.items() if parent in tree} - tree
        tree |= below
        grown = bool(below)
    return sum(ticks.get(pid, 0) for pid in tree) / TICKS


# --- what to ask -------------------------------------------------------------------------------------
def routes(base: str) -> dict[str, list[str]]:
    """Route name → the URLs asked of it, with parameters taken from the archive being served."""
    with httpx.Client(base_url=base, timeout=600) as client:
        posts = client.get("/api/posts", params={"limit": 20}).json()["posts"]
        # quoted here: wrk sends a path as written, and `Iron Ore`'s space made a bad request (hundreds of 400s)
        labels = [quote(row["name"], safe="") for row in client.get("/api/labels").json()["labels"]][:40:4]
        facts = client.get("/api/facts", params={"limit": 100}).json()["facts"]
    queries = probes(40)
    urls = [p["url"] for p in posts]
    months = sorted({u.rsplit("/", 1)[0] + "/" for u in urls})
    series = [{k: f[k] for k in ("commodity", "metric", "country") if f.get(k)} for f in facts
              if f.get("commodity") and f.get("period") and f.get("value") is not None][:10]
    commodities = sorted({f["commodity"] for f in facts if f.get("commodity")})[:5] or ["copper"]
    companies = sorted({f["company"] for f in facts if f.get("company")})[:5] or ["Glencore"]
    typed = [{"field": "company", "prefix": name[:n]} for name in companies for n in (1, 2, 4)]  # as one types
    search = [urlencode(api_params(q)) for q in queries]
    return {
        "/": ["/", "/?start=100"],
        "/search": [f"/search?{urlencode({'q': q.text, 'by-date': 'true' if q.by_date else ''})}" for q in queries],
        "/search/label/NAME": [f"/search/label/{label}" for label in labels],
        "/YYYY/MM/": months,
        "/YYYY/MM/slug.html": urls,
        "/feeds/posts/default": ["/feeds/posts/default", "/feeds/posts/default?alt=rss"],
        "/feeds/posts/default/-/LABEL": [f"/feeds/posts/default/-/{label}" for label in labels],
        "/feeds/posts/default?q=": [f"/feeds/posts/default?q={q.text}" for q in queries[:10]],
        "/feeds/ID/comments/default": [f"/feeds/{p['id']}/comments/default" for p in posts],
        "/sitemap.xml": ["/sitemap.xml"],
        "/sitemap-1.xml": ["/sitemap-1.xml"],
        "/robots.txt": ["/robots.txt"],
        "/docs": ["/docs"],
        "/data": ["/data", *[f"/data?commodity={c}" for c in commodities]],
        "/data.csv": ["/data.csv", *[f"/data.csv?commodity={c}" for c in commodities]],
        "/data.json": ["/data.json", *[f"/data.json?commodity={c}" for c in commodities]],
        "/data/series": ["/data/series", *[f"/data/series?{urlencode(s)}" for s in series],
                         *[f"/data/series?find={c[:4]}" for c in commodities]],
        "/data/contradictions": ["/data/contradictions"],
        "/api/search": [f"/api/search?{q}" for q in search],
        "/api/posts": ["/api/posts", "/api/posts?offset=100"],
        "/api/posts/ID": [f"/api/posts/{p['id']}" for p in posts],
        "/api/posts/ID/comments": [f"/api/posts/{p['id']}/comments" for p in posts],
        "/api/labels": ["/api/labels"],
        "/api/facts": ["/api/facts", *[f"/api/facts?commodity={c}" for c in commodities]],
        "/api/facts/values": [f"/api/facts/values?{urlencode(t)}" for t in typed],
        "/api/facts/series": [f"/api/facts/series?{urlencode(s)}" for s in series],
        "/api/facts/series/titles": [f"/api/facts/series/titles?prefix={c[:n]}" for c in commodities for n in (1, 4)],
        "/api/facts/contradictions": ["/api/facts/contradictions"],
    }


# --- asking ------------------------------------------------------------------------------------------
Sample = tuple[float, int, int, str]


def client_loop(base: str, urls: Sequence[str], rotate: int, count: int, until: float) -> list[Sample]:
    """(ms, status, bytes, URL) of each answer: one client going round the URLs until `count` or the deadline."""
    out = []
    with httpx.Client(base_url=base, timeout=600) as client:
        i = rotate
        while len(out) < count and (time.monotonic() < until or not out):
            began, url = time.perf_counter(), urls[i % len(urls)]
            try:
                response = client.get(url)
                status, size = response.status_code, len(response.content)
            except httpx.HTTPError:  # a worker that died or hung up counts as an error, not the end of the run
                status, size = 599, 0
            out.append(((time.perf_counter() - began) * 1000, status, size, url))
            i += 1
    return out


def measure(base: str, server: int, urls: Sequence[str], clients: int, requests: int, seconds: float,
            wrk: bool = False) -> dict[str, Any]:
    """One route at one client count; with `wrk`, several clients are wrk's connections (see bench/api_load.py)."""
    if wrk and clients > 1:
        cpu_before = cpu_seconds(server)
        figures = wrk_run(base, list(urls), clients, seconds)
        used = (cpu_seconds(server) - cpu_before) * 1000
        return figures | {"server_cpu_ms": round(used / max(figures["samples"], 1), 1), "slowest": []}
    client_loop(base, urls, 0, 1, 0)  # warm-up: the first answer may fill caches
    cpu_before, started = cpu_seconds(server), time.perf_counter()
    until = time.monotonic() + seconds
    with ThreadPoolExecutor(clients) as pool:
        runs = list(pool.map(lambda i: client_loop(base, urls, i * 3, max(requests // clients, 1), until),
                             range(clients)))
    wall = time.perf_counter() - started
    samples = [s for run in runs for s in run]
    timings = [ms for ms, _, _, _ in samples]
    return {"p50_ms": round(percentile(timings, 50), 1), "p99_ms": round(percentile(timings, 99), 1),
            "samples": len(samples), "requests_per_s": round(len(samples) / wall, 1),
            "errors": sum(status >= 400 for _, status, _, _ in samples),
            "kb": round(sum(size for _, _, size, _ in samples) / len(samples) / 1024, 1),
            "server_cpu_ms": round((cpu_seconds(server) - cpu_before) * 1000 / len(samples), 1),
            "slowest": slowest(samples)}


def slowest(samples: Sequence[Sample], count: int = 3) -> list[tuple[str, float]]:
    """The URLs whose median answer is slowest: whether a tail is a few costly requests or pauses."""
    by_url: dict[str, list[float]] = {}
    for ms, _, _, url in samples:
        by_url.setdefault(url, []).append(ms)
    medians = [(url, round(percentile(times, 50), 1)) for url, times in by_url.items()]
    return sorted(medians, key=lambda pair: -pair[1])[:count]


def cause(figures: dict[str, Any]) -> str:
    """Why a route missed, from what was measured: CPU in the server, or time spent waiting."""
    cpu, p50, p99 = figures["server_cpu_ms"], figures["p50_ms"], figures["p99_ms"]
    if p50 > ROUTE_P99_MS:
        share = min(cpu / p50, 1.0) if p50 else 0.0
        where = "computing in the server" if share > 0.6 else "waiting (database, index, or the shared cores)"
        return (f"every answer is slow (p50 {p50} ms, {cpu} ms server CPU each, {figures['kb']} KB): "
                f"mostly {where}")
    costly = [f"{url} ({ms} ms)" for url, ms in figures.get("slowest", []) if ms > ROUTE_P99_MS]
    if costly:
        return (f"the median is {p50} ms but some requests are slow each time they are asked, at the median of "
                f"their own answers: {', '.join(costly)}")
    return f"the median is {p50} ms but the tail reaches {p99} ms: pauses (other workers, GC, index reloads)"


def verdicts(table: dict[str, dict[str, Any]]) -> list[str]:
    lines = []
    for name, runs in table.items():
        one = runs.get("1")
        if one is None:
            continue
        met = one["p99_ms"] <= ROUTE_P99_MS and not one["errors"]
        why = "" if met else f" — {cause(one) if not one['errors'] else str(one['errors']) + ' errors'}"
        lines.append(f"{name} p99 <= {ROUTE_P99_MS:.0f} ms, one client: {one['p99_ms']} ms — "
                     f"{'met' if met else 'missed'}{why}")
    eight = table.get("/api/search", {}).get("8")
    if eight:
        p99_met, rps_met = eight["p99_ms"] <= SEARCH_P99_MS, eight["requests_per_s"] >= SEARCH_RPS
        lines.append(f"/api/search p99 <= {SEARCH_P99_MS:.0f} ms, 8 clients: {eight['p99_ms']} ms — "
                     f"{'met' if p99_met else 'missed — ' + cause(eight | {'p50_ms': eight['p50_ms']})}")
        lines.append(f"/api/search >= {SEARCH_RPS:.0f} req/s, 8 clients: {eight['requests_per_s']} — "
                     + ("met" if rps_met else f"missed — {eight['server_cpu_ms']} ms server CPU per answer "
                        f"on the cores the clients share"))
    return lines


def table_lines(table: dict[str, dict[str, Any]], clients: Sequence[int]) -> list[str]:
    head = " | ".join(f"{c} client{'s' if c > 1 else ''} p50 / p99 ms, req/s, CPU ms" for c in clients)
    lines = [f"| route | {head} | KB |", "|---|" + "---:|" * (len(clients) + 1)]
    for name, runs in table.items():
        cells = [f"{r['p50_ms']} / {r['p99_ms']}, {r['requests_per_s']}, {r['server_cpu_ms']}"
                 + (f" ({r['errors']} errors)" if r["errors"] else "") for r in (runs[str(c)] for c in clients)]
        lines.append(f"| {name} | " + " | ".join(cells) + f" | {runs[str(clients[0])]['kb']} |")
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", help="an existing archive (with --index-dir)")
    parser.add_argument("--index-dir", help="its search index folder")
    parser.add_argument("--posts", type=int, default=20_000, help="without --db: the size of the archive to build")
    parser.add_argument("--workdir", type=Path, default=Path("artifacts/bench-routes"), help="where it is built")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--clients", type=int, nargs="+", default=[1, 8])
    parser.add_argument("--requests", type=int, default=200, help="answers per route and client count, at most")
    parser.add_argument("--seconds", type=float, default=10.0, help="time per route and client count, at most")
    parser.add_argument("--only", nargs="*", default=[], help="route names to measure (default: all)")
    parser.add_argument("--out", type=Path, help="JSON results (default: results/routes-<posts>.json)")
    parser.add_argument("--client", choices=["wrk", "python"], default="wrk" if shutil.which("wrk") else "python",
                        help="who sends several clients' requests: wrk (C, when installed) or Python threads")
    args = parser.parse_args(argv)
    db, index_dir = (args.db, args.index_dir) if args.db else build(args.posts, args.workdir)
    server, base = start_server(db, index_dir or "", args.workers)
    table: dict[str, dict[str, Any]] = {}
    try:
        for name, urls in routes(base).items():
            if urls and (not args.only or name in args.only):
                table[name] = {str(c): measure(base, server.pid, urls, c, args.requests, args.seconds,
                                               wrk=args.client == "wrk") for c in args.clients}
                print(f"measured {name}: {table[name]}", file=sys.stderr, flush=True)
    finally:
        server.terminate()
        server.wait(timeout=60)
    print("\n".join(table_lines(table, args.clients)))
    print("\nTargets:")
    for line in verdicts(table):
        print("- " + line)
    out = args.out or RESULTS / f"routes-{args.posts if not args.db else 'archive'}.json"
    run = {"db": db, "posts": args.posts if not args.db else None, "workers": args.workers, "clients": args.clients,
           "measured_at": datetime.now(UTC).isoformat(timespec="seconds"), "routes": table}
    out.write_text(json.dumps(run, indent=2) + "\n")
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
