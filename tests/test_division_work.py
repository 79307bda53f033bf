"""A plan printed twice — a body of tasks and an attached 任务分工表 repeating them with their units — is the
office's work once: counts, 未分工, adoption, the ledger and the detail pane all see 24 work items in plan 21,
never the 48 nodes. The expected figures come from plan 21's truth file (read from the document by hand), not
from the importer."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop.models import Assignment, PlanNode
from desktop.services.core.statistics import plan_statistics
from desktop.services.core.tree import node_detail
from desktop.services.plans.adopt import adopt_responsibilities, preview_adoption
from desktop.services.plans.plan_import import import_file
from desktop.services.reporting.ledger import ledger_rows
from desktop.services.supervision.warnings import unassigned_tasks
from desktop.storage import Database
from desktop.ui.main_window import MainWindow

CORPUS = Path(__file__).resolve().parent / "data" / "plans" / "corpus"
PLAN_21 = "21_guangzhou-2023-jiatingyisheng-qianyue-shishifangan"
TRUTH = json.loads((CORPUS / "truth" / f"{PLAN_21}.json").read_text(encoding="utf-8"))
ROWS = TRUTH["responsibilities"]  # the 分工表's 24 serials, each with its units as printed


def _node(db: Database, plan_id: int, label: str, title_start: str) -> int:
    with db.read() as s:
        ids = s.scalars(
            select(PlanNode.id).where(
                PlanNode.plan_id == plan_id, PlanNode.label == label, PlanNode.title.startswith(title_start)
            )
        ).all()
    assert len(ids) == 1, (label, title_start, ids)
    return ids[0]


@pytest.fixture
def plan_21(db: Database) -> int:
    return import_file(db, path=CORPUS / f"{PLAN_21}.txt", backup=False).plan_id


def test_the_plan_counts_each_work_item_once(db: Database, plan_21: int) -> None:
    stats = plan_statistics(db, plan_id=plan_21)
    assert stats.tasks == len(ROWS) == 24
    waiting = unassigned_tasks(db, plan_id=plan_21)
    assert len(waiting) == 24
    # each 未分工 entry is a row of the table, with as many units as the table prints for it (their names
    # are the office's full names: 市卫生健康委 is 广州市卫生健康委员会)
    assert [w.label for w in waiting] == [r["heading_label_path"][-1] for r in ROWS]
    assert [len(w.doc_units) for w in waiting] == [len(r["units"]) for r in ROWS]


def test_adopting_a_body_section_assigns_its_tasks_through_the_tables_rows(
    db: Database, plan_21: int
) -> None:
    section = _node(db, plan_21, "（一）", "扩大签约服务供给")
    plan = adopt_responsibilities(db, plan_id=plan_21, node_id=section)
    # （一） has tasks 1.–4.; the table's serials 1–4 carry their units
    want = [r["heading_label_path"][-1] for r in ROWS[:4] for _unit in r["units"]]
    assert [i.label for i in plan.items] == want
    assert plan.items[0].unit_name == "各区政府"
    with db.read() as s:
        on = set(s.scalars(select(Assignment.node_id)))
        labels = set(s.scalars(select(PlanNode.label).where(PlanNode.id.in_(on))))
    assert labels == {"1", "2", "3", "4"}  # the rows, never the body's 1.–4. as well
    # adopting the whole plan afterwards adds the rest, each (row, unit) once
    rest = adopt_responsibilities(db, plan_id=plan_21)
    assert len(plan.items) + len(rest.items) == sum(len(r["units"]) for r in ROWS)
    assert preview_adoption(db, plan_id=plan_21).items == []
    stats = plan_statistics(db, plan_id=plan_21)
    assert stats.tasks == 24 and stats.by_status.get("unassigned", 0) == 0
    assert unassigned_tasks(db, plan_id=plan_21) == []
    # the ledger: one row per assignment, no 未分工 row for a body task
    rows = list(ledger_rows(db, plan_id=plan_21))
    assert not any("未分工" in [str(c) for c in row] for row in rows)


def test_the_detail_shows_where_a_body_task_is_assigned(db: Database, plan_21: int) -> None:
    body = _node(db, plan_21, "1.", "有序扩大家庭医生来源")
    detail = node_detail(db, node_id=body)
    [row] = detail.assigned_in
    assert (row.label, row.leads) == ("1", ("各区政府",))
    back = node_detail(db, node_id=row.node_id)
    assert [b.node_id for b in back.assigns] == [body]


def test_the_window_says_a_body_task_is_counted_in_the_table(
    qtbot: QtBot, db: Database, plan_21: int
) -> None:
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    window.start()
    body = _node(db, plan_21, "5.", "融入社区综合服务")
    assert window.select_node(body)
    label = window.detail.table_label
    qtbot.waitUntil(label.isVisible)
    assert "任务分工表第 17 项" in label.text() and "不另计" in label.text()
    row = _node(db, plan_21, "17", "融入社区综合服务")
    assert window.select_node(row)
    qtbot.waitUntil(lambda: "对应正文任务：5." in label.text())


def test_a_revision_keeps_each_work_item_once(db: Database, plan_21: int) -> None:
    from desktop.importers.load import load_plan
    from desktop.models import NodeLink
    from desktop.services.plans.revision import apply_revision

    adopt_responsibilities(db, plan_id=plan_21)
    parsed = load_plan(CORPUS / f"{PLAN_21}.docx")
    apply_revision(db, plan_id=plan_21, parsed=parsed)
    assert plan_statistics(db, plan_id=plan_21).tasks == 24
    assert unassigned_tasks(db, plan_id=plan_21) == []
    with db.read() as s:
        assert len(s.scalars(select(NodeLink)).all()) == 24
