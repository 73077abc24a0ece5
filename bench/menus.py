"""What /data's filter menus and the series menu cost on an existing archive, apart from the facts query.

usage: python bench/menus.py --db sqlite:////tmp/bench/routes-20000.db --index-dir /tmp/bench/routes-20000.index

Prints how long one recount of the menus takes (what a change to the facts costs, in a thread of
its own), then the p50 and size of the answers whose work is the menus: `/data?post_id=…` (a
one-post table, so the page is mostly its menus), the series menu, a series search, and the
suggestions a reader typing a company's name asks for. In process (the app over the archive,
Starlette's TestClient): bench/routes.py measures the same routes through a real server.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from fastapi.testclient import TestClient  # noqa: E402

from metalnomist.analysis.menus import Menus  # noqa: E402
from metalnomist.config import Settings  # noqa: E402
from metalnomist.pipeline import open_archive  # noqa: E402
from metalnomist.web.app import create_app  # noqa: E402


def _p50(client: TestClient, url: str, times: int) -> tuple[float, int]:
    took, size = [], 0
    for _ in range(times):
        start = time.perf_counter()
        answer = client.get(url)
        took.append((time.perf_counter() - start) * 1000)
        size = len(answer.content)
    return statistics.median(took), size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--index-dir", required=True)
    parser.add_argument("--times", type=int, default=20, help="requests per URL")
    args = parser.parse_args()
    settings = Settings(db=args.db, index_dir=args.index_dir, secret_key="bench")
    archive = open_archive(settings)
    with archive.store.reading() as conn:
        start = time.perf_counter()
        menus = Menus.count(conn)
        counted = time.perf_counter() - start
    sizes = ", ".join(f"{name} {len(index):,}" for name, index in menus.choices.items())
    print(f"recount: {counted:.2f} s ({sizes}; series {len(menus.series):,})")
    company, commodity = (next(iter(menus.choices[name].top(1)), None) for name in ("company", "commodity"))
    typed = company.value if company else "a"
    urls = ["/data?post_id=1", "/data/series", f"/data/series?find={commodity.value[:4] if commodity else 'a'}",
            *[f"/api/facts/values?field=company&prefix={typed[:n]}" for n in (1, 2, 4)]]
    with TestClient(create_app(settings, archive)) as client:
        client.get("/data/series")  # the first request waits for the count
        for url in urls:
            ms, size = _p50(client, url, args.times)
            print(f"{url}: p50 {ms:.1f} ms, {size / 1000:.1f} KB")
    archive.close()


if __name__ == "__main__":
    main()
