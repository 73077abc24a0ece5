"""In the web app the index follows the change log in the background: a search never indexes."""

from __future__ import annotations

import json
import time
from pathlib import Path

from fastapi.testclient import TestClient

from metalnomist.config import Settings
from metalnomist.pipeline import open_archive, store_file
from metalnomist.web.app import create_app

PENDING = 1500


def test_a_search_answers_without_indexing_and_the_follower_applies_the_log(tmp_path: Path) -> None:
    settings = Settings(db=f"sqlite:///{tmp_path}/a.db", index_dir=str(tmp_path / "index"), extract_facts=False,
                        secret_key="test")
    server, other = open_archive(settings), open_archive(settings)
    # A follower that ticks only when woken, so the test decides when it runs.
    app = create_app(settings, server, follow_seconds=3600)
    try:
        with TestClient(app) as client:
            seq = server.index.applied_seq
            path = tmp_path / "big.jsonl"
            path.write_text("\n".join(json.dumps({"title": f"Gallium {i}", "url": f"https://x/{i}",
                                                  "body": "gallium wafers"}) for i in range(PENDING)))
            store_file(other, path)  # another process stored a large batch; nobody has indexed it

            answer = client.get("/api/search", params={"q": "gallium"})
            assert answer.status_code == 200 and answer.json()["total"] == 0
            assert server.index.applied_seq == seq  # the request applied nothing itself

            app.state.follower.wake()
            deadline = time.monotonic() + 60
            total = 0
            while time.monotonic() < deadline and total != PENDING:
                total = client.get("/api/search", params={"q": "gallium"}).json()["total"]
                time.sleep(0.05)
            assert total == PENDING
            assert server.index.applied_seq > seq
    finally:
        server.close()
        other.close()
