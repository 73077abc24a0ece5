"""Ingest throughput, sizes on disk, memory and search latency at archive sizes 10^4–10^6.

Why each figure: ingest posts/s says how long an import or a rebuild takes; sizes and peak
RSS say what machine an archive needs; library latency is what every interface pays per
search; the same queries on a bare Tantivy index over the same documents are the floor,
so our/bare says what our layers (parsing, thesaurus, database fetch, snippets) cost.

    .venv/bin/python bench/speed.py --posts 10000 100000 [--extract]

Each size runs in its own process so peak RSS belongs to that size. Results go to
bench/results/speed-<N>.json; bench/results/REPORT.md and latency.svg are rebuilt from
every speed-*.json there.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import islice
from pathlib import Path
from random import Random
from typing import Any

import tantivy
from tqdm import tqdm

from metalnomist.config import Settings
from metalnomist.pipeline import Archive, ingest_file, open_archive
from metalnomist.search.service import SearchRequest, search

try:
    from bench import corpus
    from bench.relevance import percentile
except ImportError:  # run as a script: bench/ itself is on sys.path
    import corpus  # type: ignore[no-redef]
    from relevance import percentile  # type: ignore[no-redef]

RESULTS = Path(__file__).resolve().parent / "results"
SEED = 1
PASSES = 3
TARGETS = {"ingest_posts_per_s": 2500, "ingest_with_extraction_posts_per_s": 300, "p50_ms_at_1m": 10,
           "p99_ms_at_1m": 30, "p50_ratio_to_bare": 1.5, "http_p99_ms_8_clients": 60, "http_req_per_s": 400}  # issue 10


@dataclass(frozen=True)
class Probe:
    """One benchmark query: what a reader types, plus the sort and label filters the site offers."""

    kind: str
    text: str
    by_date: bool = False
    labels: tuple[str, ...] = ()


def probes(count: int = 200, seed: int = 2024) -> list[Probe]:
    """A fixed mix: one, two and five words, phrases, label filters, newest-first lists."""
    rng = Random(seed)
    words = [w for c, _ in corpus.COMMODITIES for w in c.split() if w.isalpha() and len(w) > 3]
    words += ["Japan", "China", "Chile", "Indonesia", "imports", "exports", "prices", "tariff", "demand",
              "smelters", "inventories", "Glencore", "Codelco", "2019", "premiums", "subsidies"]
    commodities = [c for c, _ in corpus.COMMODITIES]
    countries = [corpus._label(c) for c, _ in corpus.COUNTRIES]
    verbs = corpus.UP + corpus.DOWN
    phrases = [c for c in commodities if " " in c or "-" in c] + ["London Metal Exchange", "electric vehicles",
                                                                  "task force", "critical minerals"]
    makers: list[tuple[str, int, Callable[[], Probe]]] = [
        ("one word", 50, lambda: Probe("one word", rng.choice(words))),
        ("two words", 40, lambda: Probe("two words", f"{rng.choice(commodities).split()[-1]} "
                                        f"{rng.choice(['imports', 'exports', 'prices', 'output', 'demand'])}")),
        ("five words", 30, lambda: Probe("five words", f"{rng.choice(countries)} {rng.choice(commodities).split()[0]}"
                                         f" imports {rng.choice(verbs)} {rng.randint(2016, 2025)}")),
        ("phrase", 30, lambda: Probe("phrase", f'"{rng.choice(phrases)}" {rng.choice(countries)}')),
        ("label filter", 25, lambda: Probe("label filter", rng.choice(["", "imports", "prices", "tariff"]),
                                           labels=(rng.choice(commodities).title(),))),
        ("date order", 25, lambda: Probe("date order", rng.choice(words), by_date=True)),
    ]
    scale = count / sum(n for _, n, _ in makers)
    return [make() for _, n, make in makers for _ in range(round(n * scale))]


# --- the floor: bare Tantivy over the same documents ------------------------------------------
class BareIndex:
    """Tantivy as a plain library would use it: one English-stemmed analyzer, no database, no snippets."""

    def __init__(self, path: Path) -> None:
        builder = tantivy.SchemaBuilder()
        builder.add_integer_field("id", stored=True, indexed=True, fast=True)
        builder.add_text_field("title", stored=False, tokenizer_name="bench_en")
        builder.add_text_field("body", stored=False, tokenizer_name="bench_en")
        builder.add_text_field("label_key", stored=False, tokenizer_name="raw")
        builder.add_integer_field("published_ts", stored=False, fast=True)
        self.schema = builder.build()
        self.analyzer = (tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple()).filter(tantivy.Filter.lowercase())
                         .filter(tantivy.Filter.stemmer("english")).build())
        path.mkdir(parents=True, exist_ok=True)
        self.index = tantivy.Index(self.schema, path=str(path))
        self.index.register_tokenizer("bench_en", self.analyzer)

    def build(self, posts_file: Path) -> float:
        """Index every post of the file; returns seconds taken."""
        started = time.perf_counter()
        writer = self.index.writer(heap_size=256_000_000, num_threads=1)
        with posts_file.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle):
                post = json.loads(line)
                writer.add_document(tantivy.Document(
                    id=number, title=post["title"], body=post["body"],
                    label_key=[label.lower() for label in post["labels"]] or [""],
                    published_ts=int(datetime.fromisoformat(post["published"]).timestamp())))
        writer.commit()
        writer.wait_merging_threads()
        self.index.reload()
        return time.perf_counter() - started

    def compile(self, probe: Probe) -> tantivy.Query:
        """Every word or phrase must match in title or body, as in the library's default."""
        parts = []
        for token in re.findall(r'"[^"]*"|\S+', probe.text):
            terms: list[str | tuple[int, str]] = list(self.analyzer.analyze(token.strip('"')))
            if not terms:
                continue
            per_field = [(tantivy.Occur.Should, tantivy.Query.phrase_query(self.schema, f, terms) if len(terms) > 1
                          else tantivy.Query.term_query(self.schema, f, terms[0])) for f in ("title", "body")]
            parts.append((tantivy.Occur.Must, tantivy.Query.boolean_query(per_field)))
        if not parts:
            parts.append((tantivy.Occur.Must, tantivy.Query.all_query()))
        parts += [(tantivy.Occur.Must, tantivy.Query.term_query(self.schema, "label_key", label.lower()))
                  for label in probe.labels]
        return tantivy.Query.boolean_query(parts)

    def search(self, probe: Probe, limit: int = 10) -> list[int]:
        searcher = self.index.searcher()
        query = self.compile(probe)
        if probe.by_date:
            result = searcher.search(query, limit, count=True, order_by_field="published_ts", order=tantivy.Order.Desc)
        else:
            result = searcher.search(query, limit, count=True)
        return [searcher.doc(address)["id"][0] for _, address in result.hits]


# --- ingest -------------------------------------------------------------------------------------
def folder_bytes(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def db_bytes(db_file: Path) -> int:
    """The SQLite file with its WAL and shared-memory files: all of it is on the disk."""
    return sum(p.stat().st_size for p in db_file.parent.glob(db_file.name + "*") if p.is_file())


def wal_bytes(db_file: Path) -> int:
    """Reported apart: an un-checkpointed WAL can hold as much again as the database file."""
    wal = db_file.with_name(db_file.name + "-wal")
    return wal.stat().st_size if wal.exists() else 0


def peak_rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)  # Linux reports KiB


def ingest(posts_file: Path, workdir: Path, count: int, extract: bool) -> tuple[Archive, dict[str, Any]]:
    """One fresh archive; the database phase ends at the last progress tick, the rest is indexing."""
    name = "extract" if extract else "plain"
    db_file = workdir / f"{name}.db"
    settings = Settings(db=f"sqlite:///{db_file}", index_dir=str(workdir / f"{name}.index"), extract_facts=extract)
    archive = open_archive(settings)
    last_tick = 0.0

    def tick(n: int) -> None:
        nonlocal last_tick
        bar.update(n)
        last_tick = time.perf_counter()

    with tqdm(total=count, desc=f"ingest {'with' if extract else 'without'} extraction", unit="post",
              file=sys.stderr, miniters=500) as bar:
        started = time.perf_counter()
        report = ingest_file(archive, posts_file, "jsonl", progress=tick)
        seconds = time.perf_counter() - started
    return archive, {
        "posts": report.added, "facts": report.facts, "seconds": round(seconds, 2),
        "posts_per_s": round(report.added / seconds, 1), "database_phase_s": round(last_tick - started, 2),
        "index_phase_s": round(seconds - (last_tick - started), 2),
        "db_bytes": db_bytes(db_file), "wal_bytes": wal_bytes(db_file),
        "index_bytes": folder_bytes(workdir / f"{name}.index"),
    }


def head_of(posts_file: Path, count: int, out: Path) -> Path:
    with posts_file.open(encoding="utf-8") as src, out.open("w", encoding="utf-8") as dst:
        dst.writelines(islice(src, count))
    return out


# --- latency ------------------------------------------------------------------------------------
def summary(samples: Sequence[float]) -> dict[str, float]:
    return {f"p{p}_ms": round(percentile(samples, p), 3) for p in (50, 95, 99)} | {
        "mean_ms": round(sum(samples) / len(samples), 3), "samples": len(samples)}


def time_queries(archive: Archive, bare: BareIndex, queries: Sequence[Probe]) -> dict[str, Any]:
    """Interleaved so drift (page cache, CPU frequency) touches ours and bare alike; one warm-up pass."""
    ours: dict[str, list[float]] = {}
    floor: dict[str, list[float]] = {}
    requests = [SearchRequest(p.text, "date" if p.by_date else "relevance", p.labels, 10) for p in queries]
    for probe, request in zip(queries, requests, strict=True):
        search(archive.store, archive.index, request)
        bare.search(probe)
    for _ in tqdm(range(PASSES), desc="search passes", file=sys.stderr):
        for probe, request in zip(queries, requests, strict=True):
            started = time.perf_counter()
            search(archive.store, archive.index, request)
            middle = time.perf_counter()
            bare.search(probe)
            ended = time.perf_counter()
            ours.setdefault(probe.kind, []).append((middle - started) * 1000)
            floor.setdefault(probe.kind, []).append((ended - middle) * 1000)
    return latency_figures(ours, floor)


def latency_figures(ours: dict[str, list[float]], floor: dict[str, list[float]]) -> dict[str, Any]:
    all_ours = [t for ts in ours.values() for t in ts]
    all_bare = [t for ts in floor.values() for t in ts]
    library, bare = summary(all_ours), summary(all_bare)
    return {
        "library": library, "bare_tantivy": bare,
        "ratio": {k: round(library[k] / bare[k], 2) for k in ("p50_ms", "p95_ms", "p99_ms") if bare[k]},
        "by_kind": {kind: {"library_p50_ms": round(percentile(ours[kind], 50), 3),
                           "bare_p50_ms": round(percentile(floor[kind], 50), 3)} for kind in ours},
    }


# --- HTTP ---------------------------------------------------------------------------------------
def load_app(archive: Archive) -> Any:
    """The web app over this archive, or None with a note when the web layer is not built yet."""
    try:
        from metalnomist.web.app import create_app
    except ImportError as exc:
        print(f"note: skipping GET /api/search: metalnomist.web.app.create_app is not importable ({exc})")
        return None
    return create_app(archive.settings, archive=archive)


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def api_params(probe: Probe) -> dict[str, str]:
    params = {"q": probe.text, "limit": "10"}
    if probe.by_date:
        params["by-date"] = "true"
    if probe.labels:
        params["label"] = probe.labels[0]
    return params


def client_run(base: str, queries: Sequence[Probe], rotate: int) -> tuple[list[float], int]:
    """One client sending every query once, starting at a different place than its neighbours."""
    import httpx

    timings, errors = [], 0
    order = list(queries[rotate:]) + list(queries[:rotate])
    with httpx.Client(base_url=base, timeout=30) as client:
        for probe in order:
            started = time.perf_counter()
            response = client.get("/api/search", params=api_params(probe))
            timings.append((time.perf_counter() - started) * 1000)
            errors += response.status_code != 200
    return timings, errors


def http_figures(archive: Archive, queries: Sequence[Probe]) -> dict[str, Any] | None:
    """Uvicorn in a thread of this process, so clients share its GIL: req/s here is a lower bound."""
    app = load_app(archive)
    if app is None:
        return None
    import threading
    from concurrent.futures import ThreadPoolExecutor

    import uvicorn

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", access_log=False))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    base = f"http://127.0.0.1:{port}"
    try:
        client_run(base, queries, 0)  # warm-up
        results: dict[str, Any] = {}
        for clients in (1, 8):
            started = time.perf_counter()
            with ThreadPoolExecutor(clients) as pool:
                runs = list(pool.map(lambda i: client_run(base, queries, i * 25), range(clients)))
            wall = time.perf_counter() - started
            timings = [t for run, _ in runs for t in run]
            results[f"{clients}_clients"] = summary(timings) | {
                "requests_per_s": round(len(timings) / wall, 1), "errors": sum(e for _, e in runs)}
            print(f"  HTTP {clients} client(s): {results[f'{clients}_clients']}")
        return results
    finally:
        server.should_exit = True
        thread.join(timeout=10)


# --- one size -----------------------------------------------------------------------------------
def generate(count: int, out: Path) -> float:
    started = time.perf_counter()
    with out.open("w", encoding="utf-8") as handle:
        corpus.write(count, SEED, handle, progress=True)
    return round(count / (time.perf_counter() - started), 1)


def measure_size(count: int, workdir: Path, extract: bool, extract_posts: int, http: bool) -> dict[str, Any]:
    """Everything for one archive size, in the order a deployment meets it: import, then serve."""
    posts_file = workdir / "posts.jsonl"
    result: dict[str, Any] = {"posts": count, "seed": SEED, "generated_posts_per_s": generate(count, posts_file),
                              "corpus_bytes": posts_file.stat().st_size}
    archive, result["ingest"] = ingest(posts_file, workdir, count, extract=False)
    result["peak_rss_mb_after_ingest"] = peak_rss_mb()
    if extract:
        subset = head_of(posts_file, min(count, extract_posts), workdir / "extract-posts.jsonl")
        extracting, result["ingest_with_extraction"] = ingest(subset, workdir, min(count, extract_posts), True)
        extracting.close()
    bare = BareIndex(workdir / "bare.index")
    seconds = bare.build(posts_file)
    result["bare_tantivy_ingest"] = {"seconds": round(seconds, 2), "posts_per_s": round(count / seconds, 1),
                                     "index_bytes": folder_bytes(workdir / "bare.index")}
    queries = probes()
    kinds = dict.fromkeys(p.kind for p in queries)
    result["queries"] = {"count": len(queries), "passes": PASSES,
                         "kinds": {k: sum(p.kind == k for p in queries) for k in kinds}}
    result["latency"] = time_queries(archive, bare, queries)
    result["http"] = http_figures(archive, queries) if http else None
    archive.close()
    result["peak_rss_mb"] = peak_rss_mb()
    return result


def print_size(result: dict[str, Any]) -> None:
    ing, lat = result["ingest"], result["latency"]
    print(f"{result['posts']:,} posts")
    print(f"  ingest {ing['posts_per_s']:,} posts/s without extraction (database {ing['database_phase_s']} s, "
          f"index {ing['index_phase_s']} s)")
    print(f"  sizes: db {ing['db_bytes'] / 1e6:.1f} MB, index {ing['index_bytes'] / 1e6:.1f} MB")
    if "ingest_with_extraction" in result:
        ex = result["ingest_with_extraction"]
        print(f"  ingest {ex['posts_per_s']:,} posts/s with extraction ({ex['posts']:,} posts, {ex['facts']:,} facts)")
    print(f"  peak RSS {result['peak_rss_mb']} MB (after ingest {result['peak_rss_mb_after_ingest']} MB)")
    for who in ("library", "bare_tantivy"):
        s = lat[who]
        print(f"  {who:13s} p50 {s['p50_ms']:.3f} ms  p95 {s['p95_ms']:.3f} ms  p99 {s['p99_ms']:.3f} ms")
    ratio = lat["ratio"]
    print(f"  ours/bare     p50 {ratio['p50_ms']}x  p95 {ratio['p95_ms']}x  p99 {ratio['p99_ms']}x")


# --- report -------------------------------------------------------------------------------------
def load_results(results: Path) -> list[dict[str, Any]]:
    found = [json.loads(p.read_text(encoding="utf-8")) for p in results.glob("speed-*.json")]
    return sorted(found, key=lambda r: r["posts"])


def chart(runs: Sequence[dict[str, Any]], out: Path) -> None:
    """SVG by pygal (matplotlib is not installed); no scripts, so it renders offline and on GitHub."""
    import pygal

    plot = pygal.Bar(title="Search latency, 200 queries × 3 passes (ms, log scale)", logarithmic=True,
                     js=[], x_label_rotation=20, legend_at_bottom=True, print_values=False)
    plot.x_labels = [f"{r['posts']:,} {p}" for r in runs for p in ("p50", "p95", "p99")]
    for who, name in (("library", "metalnomist search()"), ("bare_tantivy", "bare Tantivy")):
        plot.add(name, [r["latency"][who][f"{p}_ms"] for r in runs for p in ("p50", "p95", "p99")])
    plot.render_to_file(str(out))


def size_rows(runs: Sequence[dict[str, Any]]) -> list[str]:
    rows = ["| posts | ingest posts/s (no extraction) | with extraction | db MB (of which WAL) | index MB "
            "| bare index MB | peak RSS MB |", "|---:|---:|---:|---:|---:|---:|---:|"]
    for r in runs:
        ing, ex = r["ingest"], r.get("ingest_with_extraction")
        extraction = f"{ex['posts_per_s']:,} ({ex['posts']:,} posts)" if ex else "not run"
        rows.append(f"| {r['posts']:,} | {ing['posts_per_s']:,} | {extraction} | {ing['db_bytes'] / 1e6:.1f} "
                    f"({ing.get('wal_bytes', 0) / 1e6:.1f}) "
                    f"| {ing['index_bytes'] / 1e6:.1f} | {r['bare_tantivy_ingest']['index_bytes'] / 1e6:.1f} "
                    f"| {r['peak_rss_mb']} |")
    return rows


def latency_rows(runs: Sequence[dict[str, Any]]) -> list[str]:
    rows = ["| posts | library p50 / p95 / p99 ms | bare Tantivy p50 / p95 / p99 ms | ours/bare p50 / p95 / p99 |",
            "|---:|---:|---:|---:|"]
    for r in runs:
        lat = r["latency"]
        ours, bare, ratio = lat["library"], lat["bare_tantivy"], lat["ratio"]
        rows.append(f"| {r['posts']:,} | {ours['p50_ms']:.2f} / {ours['p95_ms']:.2f} / {ours['p99_ms']:.2f} "
                    f"| {bare['p50_ms']:.3f} / {bare['p95_ms']:.3f} / {bare['p99_ms']:.3f} "
                    f"| {ratio['p50_ms']}× / {ratio['p95_ms']}× / {ratio['p99_ms']}× |")
    return rows


def kind_rows(runs: Sequence[dict[str, Any]]) -> list[str]:
    kinds = list(runs[-1]["latency"]["by_kind"])
    rows = ["| posts | " + " | ".join(kinds) + " |", "|---:|" + "---:|" * len(kinds)]
    for r in runs:
        by = r["latency"]["by_kind"]
        rows.append(f"| {r['posts']:,} | " + " | ".join(
            f"{by[k]['library_p50_ms']:.2f} / {by[k]['bare_p50_ms']:.3f}" for k in kinds) + " |")
    return rows


def http_rows(runs: Sequence[dict[str, Any]]) -> list[str]:
    measured = [r for r in runs if r.get("http")]
    if not measured:
        return ["Not measured: `metalnomist.web.app.create_app` was not importable when these runs were made."]
    rows = ["| posts | clients | p50 ms | p95 ms | p99 ms | req/s | errors |", "|---:|---:|---:|---:|---:|---:|---:|"]
    for r in measured:
        for clients in (1, 8):
            h = r["http"][f"{clients}_clients"]
            rows.append(f"| {r['posts']:,} | {clients} | {h['p50_ms']:.1f} | {h['p95_ms']:.1f} | {h['p99_ms']:.1f} "
                        f"| {h['requests_per_s']} | {h['errors']} |")
    return rows


def write_report(results: Path) -> Path:
    """REPORT.md and latency.svg from every speed-*.json in the folder, plus relevance.json if present."""
    runs = load_results(results)
    if not runs:
        raise SystemExit(f"no speed-*.json in {results}")
    chart(runs, results / "latency.svg")
    relevance = results / "relevance.json"
    measured = sorted({str(r.get("measured_at", "?"))[:10] for r in runs})
    lines = ["# Benchmark report", "",
             f"Rebuilt {datetime.now(UTC).date().isoformat()} by `bench/speed.py` from the speed runs of "
             f"{', '.join(measured)} ({os.cpu_count()} cores). Corpus: `bench/corpus.py` seed {SEED}; 200 fixed "
             f"queries × {PASSES} passes after one warm-up pass, limit 10; the library runs with the defaults "
             "of the code each run measured.", ""]
    if relevance.exists():
        rel = json.loads(relevance.read_text(encoding="utf-8"))
        lines += ["## Ranking quality through the default path (`bench/relevance.py`)", ""]
        if "scifact" in rel:
            sci = rel["scifact"]["default"]
            lat10, lat100 = sci["latency_limit10"], sci["latency_limit100"]
            load = rel["scifact"].get("load_average", {}).get("before", "not recorded")
            lines += [f"BEIR SciFact nDCG@10 **{sci['ndcg@10']}** (Lucene BM25 0.679), Recall@100 "
                      f"**{sci['recall@100']}** (Lucene 0.925); query p50 / p99 {lat10['p50_ms']} / "
                      f"{lat10['p99_ms']} ms at limit 10, {lat100['p50_ms']} / {lat100['p99_ms']} ms at limit 100 "
                      f"(load average {load}). Field boosts {rel['configuration']['field_boosts']}; "
                      f"feedback {rel['configuration'].get('feedback', 'none')}.", ""]
        if "metals" in rel:
            lines += [f"Metals queries (`bench/queries/metals.tsv`) nDCG@10 **{rel['metals']['default']['ndcg@10']}**, "
                      f"{len(rel['metals']['default']['empty_pages'])} empty pages.", ""]
    lines += ["## Ingest, size on disk, memory", "", *size_rows(runs), "",
              "## Search latency through `metalnomist.search.service.search`", "", "![latency](latency.svg)", "",
              *latency_rows(runs), "", "p50 by query kind, library / bare Tantivy (ms):", "", *kind_rows(runs), "",
              "## GET /api/search in process", "",
              "Uvicorn in the benchmark's own process, its clients threads sharing the interpreter with it: a lower "
              "bound, not the issue's setup (two workers, a separate client); `bench/routes.py` below measures that.",
              "", *http_rows(runs), "",
              *route_sections(results),
              "## Targets", "", *target_lines(runs, route_runs(results)), ""]
    out = results / "REPORT.md"
    out.write_text("\n".join(lines), encoding="utf-8")
    return out


def route_runs(results: Path) -> dict[int, dict[str, Any]]:
    """bench/routes.py's runs by archive size (`routes-<posts>.json`; runs on a named archive are left out)."""
    found = {}
    for path in results.glob("routes-*.json"):
        size = path.stem.removeprefix("routes-")
        if size.isdigit():
            found[int(size)] = json.loads(path.read_text(encoding="utf-8"))
    return dict(sorted(found.items()))


def route_sections(results: Path) -> list[str]:
    try:
        from bench.routes import table_lines, verdicts
    except ImportError:  # run as a script
        from routes import table_lines, verdicts  # type: ignore[no-redef]
    lines = []
    for posts, run in route_runs(results).items():
        table = run["routes"]
        clients = run.get("clients") or sorted({int(c) for figures in table.values() for c in figures})
        when = f"measured {run['measured_at'][:10]}" if "measured_at" in run else "date not recorded"
        lines += [f"## Every route at {posts:,} posts (`bench/routes.py`, `metalnomist serve --workers "
                  f"{run['workers']}`, {when})", "",
                  *table_lines(table, clients), "", *(f"- {line}" for line in verdicts(table)), ""]
    return lines


def target_lines(runs: Sequence[dict[str, Any]], routes: dict[int, dict[str, Any]]) -> list[str]:
    """Targets are checked here in prose, never asserted: a benchmark reports, it does not gate."""
    biggest = runs[-1]
    lat, ing = biggest["latency"]["library"], biggest["ingest"]
    ratio = round(lat["p50_ms"] / biggest["latency"]["bare_tantivy"]["p50_ms"], 2)  # unrounded enough to judge
    ex = biggest.get("ingest_with_extraction")
    at = f"{biggest['posts']:,} posts"
    mark = {True: "met", False: "**missed**"}
    scale = {True: "met" if biggest["posts"] >= 1_000_000 else f"met at {at}; unmeasured at 1M", False: "**missed**"}
    eight = routes.get(100_000, {}).get("routes", {}).get("/api/search", {}).get("8")
    return [
        f"- ingest ≥ 2,500 posts/s without extraction (issue 10): {ing['posts_per_s']:,} at {at} — "
        f"{mark[ing['posts_per_s'] >= TARGETS['ingest_posts_per_s']]}",
        "- ingest ≥ 300 posts/s with extraction: " + (
            f"{ex['posts_per_s']:,} ({ex['posts']:,} posts) — {mark[ex['posts_per_s'] >= 300]}" if ex else "not run"),
        f"- library p50 ≤ 10 ms at 1M: {lat['p50_ms']} ms — {scale[lat['p50_ms'] <= 10]}",
        f"- library p99 ≤ 30 ms at 1M: {lat['p99_ms']} ms — {scale[lat['p99_ms'] <= 30]}",
        f"- p50 within {TARGETS['p50_ratio_to_bare']}× of bare Tantivy: {ratio}× at {at} — "
        f"{mark[ratio <= TARGETS['p50_ratio_to_bare']]}",
        f"- /api/search at 100,000 posts, 8 clients, two workers (`bench/routes.py`): p99 ≤ "
        f"{TARGETS['http_p99_ms_8_clients']} ms, ≥ {TARGETS['http_req_per_s']} req/s: " + (
            http_verdict(eight, mark) if eight else "not measured (`bench/routes.py --posts 100000 --clients 8 "
                                                    "--only /api/search`)"),
    ]


def http_verdict(eight: dict[str, Any], mark: dict[bool, str]) -> str:
    return (f"p99 {eight['p99_ms']} ms — {mark[eight['p99_ms'] <= TARGETS['http_p99_ms_8_clients']]}; "
            f"{eight['requests_per_s']} req/s — {mark[eight['requests_per_s'] >= TARGETS['http_req_per_s']]}")


# --- entry point --------------------------------------------------------------------------------
def run_child(args: argparse.Namespace, count: int) -> None:
    if args.workdir is not None:  # a scratch disk named for the run need not exist yet
        Path(args.workdir).mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=f"bench-speed-{count}-", dir=args.workdir) as tmp:
        result = measure_size(count, Path(tmp), args.extract, args.extract_posts, not args.no_http)
    result["measured_at"] = datetime.now(UTC).isoformat(timespec="seconds")
    print_size(result)
    args.results.mkdir(parents=True, exist_ok=True)
    out = args.results / f"speed-{count}.json"
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {out}")


def child_flags(args: argparse.Namespace) -> list[str]:
    flags = ["--extract-posts", str(args.extract_posts), "--results", str(args.results)]
    flags += ["--extract"] if args.extract else []
    flags += ["--no-http"] if args.no_http else []
    return flags + (["--workdir", str(args.workdir)] if args.workdir else [])


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--posts", type=int, nargs="+", default=[10_000], help="archive sizes to measure")
    parser.add_argument("--extract", action="store_true", help="also measure ingest with fact extraction")
    parser.add_argument("--extract-posts", type=int, default=20_000, help="cap on posts ingested with extraction")
    parser.add_argument("--no-http", action="store_true", help="skip GET /api/search")
    parser.add_argument("--results", type=Path, default=RESULTS, help="folder for JSON, REPORT.md, latency.svg")
    parser.add_argument("--workdir", type=Path, default=None, help="scratch folder (default: the system temp)")
    parser.add_argument("--report-only", action="store_true",
                        help="rebuild REPORT.md and latency.svg from the results folder without measuring")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.report_only:
        print(f"wrote {write_report(args.results)}")
        return 0
    if args.child:
        run_child(args, args.posts[0])
        return 0
    for count in args.posts:  # one process per size, so each size has its own peak RSS
        subprocess.run([sys.executable, __file__, "--child", "--posts", str(count), *child_flags(args)], check=True)
    print(f"wrote {write_report(args.results)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
