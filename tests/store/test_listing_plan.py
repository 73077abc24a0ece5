"""A page of a listing walks an index in date order; it never sorts the whole archive (SQLite's plan says)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import event

from metalnomist.store import Store
from metalnomist.store.posts import list_posts


def test_listing_pages_read_an_index_in_order_instead_of_sorting_every_post(tmp_path: Path) -> None:
    store = Store.open(f"sqlite:///{tmp_path}/a.db")
    pages: list[tuple[str, Any]] = []

    def record(conn: object, cursor: object, statement: str, parameters: Any, *rest: object) -> None:
        if "FROM posts" in statement and "LIMIT" in statement:
            pages.append((statement, parameters))

    event.listen(store.engine, "before_cursor_execute", record)
    with store.reading() as conn:
        list_posts(conn, 100, 10)
        list_posts(conn, 0, 10, label="Copper")
    event.remove(store.engine, "before_cursor_execute", record)
    assert len(pages) == 2
    with store.reading() as conn:
        for statement, parameters in pages:
            plan = [row[3] for row in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters)]
            assert not [step for step in plan if "TEMP B-TREE" in step], plan
    store.close()
