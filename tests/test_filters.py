"""Filtering the tree by unit, effective status and deadline."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.errors import PlanDeskError
from desktop.services.core.filters import filter_nodes, with_ancestors
from desktop.services.core.tree import node_path
from desktop.services.plans.plan_import import import_file
from desktop.services.plans.search import search
from desktop.services.supervision.assignments import create_assignment
from desktop.storage import Database

from conftest import XIAN

TODAY = dt.date(2025, 6, 1)
MARKET = "西安市市场监督管理局"
SCIENCE = "西安市科学技术局"


@pytest.fixture
def tasks(db: Database) -> dict[str, int]:
    plan_id = import_file(db, path=XIAN, backup=False).plan_id
    titles = {"carbon": "加强绿色低碳计量测试研究"}
    ids = {
        k: next(h.node_id for h in search(db, query=t).hits if h.source == "title") for k, t in titles.items()
    }
    others = [h.node_id for h in search(db, query="计量", plan_id=plan_id).hits if h.node_id != ids["carbon"]]
    ids.update(late=others[3], soon=others[4], edge=others[5], done=others[6], plan=plan_id)
    create_assignment(db, node_id=ids["carbon"], unit=MARKET, deadline="2025-05-31")  # overdue by a day
    create_assignment(db, node_id=ids["carbon"], unit=SCIENCE, role="co", deadline="2025-12-31")
    create_assignment(db, node_id=ids["late"], unit=SCIENCE, deadline="2025-01-31", status="in_progress")
    create_assignment(db, node_id=ids["soon"], unit=MARKET, deadline="2025-06-01")  # due today
    create_assignment(db, node_id=ids["edge"], unit=MARKET, deadline="2025-06-11")  # due in 10 days
    create_assignment(db, node_id=ids["done"], unit=MARKET, deadline="2025-01-31", status="done")
    return ids


def test_overdue_tasks_of_one_unit(db: Database, tasks: dict[str, int]) -> None:
    assert filter_nodes(db, plan_id=None, unit=MARKET, overdue=True, as_of=TODAY) == [tasks["carbon"]]
    assert filter_nodes(db, plan_id=None, unit=SCIENCE, overdue=True, as_of=TODAY) == [tasks["late"]]
    everyone = filter_nodes(db, plan_id=tasks["plan"], overdue=True, as_of=TODAY)
    assert sorted(everyone) == sorted([tasks["carbon"], tasks["late"]])
    # The unit's co-operating assignment on the carbon task is not overdue: with role "lead" nothing else shows.
    assert filter_nodes(
        db, plan_id=None, unit=SCIENCE, unit_role="lead", statuses={"overdue"}, as_of=TODAY
    ) == [tasks["late"]]
    # Done work is never overdue.
    assert tasks["done"] not in everyone
    assert filter_nodes(db, plan_id=None, statuses={"done"}, as_of=TODAY) == [tasks["done"]]


def test_due_within_days_includes_both_boundaries(db: Database, tasks: dict[str, int]) -> None:
    assert filter_nodes(db, plan_id=None, unit=MARKET, due_within_days=0, as_of=TODAY) == [tasks["soon"]]
    assert filter_nodes(db, plan_id=None, unit=MARKET, due_within_days=9, as_of=TODAY) == [tasks["soon"]]
    assert sorted(filter_nodes(db, plan_id=None, unit=MARKET, due_within_days=10, as_of=TODAY)) == sorted(
        [tasks["soon"], tasks["edge"]]
    )
    # A day later the first one is overdue and no longer "due within".
    assert filter_nodes(
        db, plan_id=None, unit=MARKET, due_within_days=10, as_of=TODAY + dt.timedelta(days=1)
    ) == [tasks["edge"]]


def test_unit_by_alias_and_document_responsibility(db: Database, tasks: dict[str, int]) -> None:
    by_doc = filter_nodes(db, plan_id=tasks["plan"], unit=MARKET)
    assert tasks["carbon"] in by_doc and len(by_doc) > 5  # the document names 市场监管局 for many clauses
    assert filter_nodes(db, plan_id=tasks["plan"], unit="西安市市场监管局") == by_doc
    leads = filter_nodes(db, plan_id=tasks["plan"], unit=MARKET, unit_role="lead")
    assert set(leads) <= set(by_doc)
    with pytest.raises(PlanDeskError, match="未知单位"):
        filter_nodes(db, plan_id=None, unit="不存在的局")
    with pytest.raises(PlanDeskError, match="状态"):
        filter_nodes(db, plan_id=None, statuses={"late"})
    assert filter_nodes(db, plan_id=tasks["plan"], statuses={"已逾期"}, as_of=TODAY) == filter_nodes(
        db, plan_id=tasks["plan"], overdue=True, as_of=TODAY
    )


def test_not_started_excludes_overdue_and_plan_filter_applies(db: Database, tasks: dict[str, int]) -> None:
    waiting = filter_nodes(db, plan_id=tasks["plan"], unit=MARKET, statuses={"not_started"}, as_of=TODAY)
    assert sorted(waiting) == sorted([tasks["soon"], tasks["edge"]])
    assert (
        filter_nodes(db, plan_id=tasks["plan"] + 1, unit=MARKET, statuses={"not_started"}, as_of=TODAY) == []
    )


def test_with_ancestors_reaches_the_root(db: Database, tasks: dict[str, int]) -> None:
    path = [r.id for r in node_path(db, node_id=tasks["carbon"])]
    assert with_ancestors(db, [tasks["carbon"]]) == set(path)
    assert with_ancestors(db, []) == set()
