"""Chinese search gives the same answers on whichever backend the suite runs on (SQLite or PostgreSQL)."""

from __future__ import annotations

from rel_helpers import task_ids

from desktop.services.plans.search import search
from desktop.services.supervision.assignments import add_progress, create_assignment
from desktop.storage import Database


def test_same_chinese_search_on_this_backend(db: Database) -> None:
    ids = task_ids(db)
    a = create_assignment(db, node_id=ids["3."], unit="区科委")
    add_progress(
        db, assignment_id=a.id, period="2025-04", text="能源计量数据中心已完成选址，碳排放监测平台试运行"
    )
    found = search(db, query="碳计量")
    assert {h.node_id for h in found.hits} == {ids["1."]}
    assert all("碳计量" in h.snippet for h in found.hits)
    progress = search(db, query="监测平台")
    assert [(h.source, h.node_id) for h in progress.hits] == [("progress", ids["3."])]
    both = search(db, query="计量")
    assert {ids["1."], ids["2."], ids["3."]} <= {h.node_id for h in both.hits}
    assert search(db, query="区块链").hits == []
    single = search(db, query="碳")  # one character: no bigram to lean on
    assert ids["1."] in {h.node_id for h in single.hits} and ids["3."] in {h.node_id for h in single.hits}
    tricky = search(db, query="100%_")  # LIKE wildcards are literal text
    assert tricky.hits == []
