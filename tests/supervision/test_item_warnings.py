"""Warnings for 督办事项 count working days as their rule does; a missed 节点目标 is a yellow warning."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from supervision_setup import load_small_plan

from desktop.services.supervision.assignments import add_progress, create_assignment
from desktop.services.supervision.checkpoints import add_quarterly_checkpoints
from desktop.services.supervision.items import ItemDraft, register_item
from desktop.services.supervision.warnings import compute_warnings
from desktop.storage import Database
from desktop.ui.supervision import WarningsView

D = dt.date


def _instruction(db: Database) -> int:
    load_small_plan(db)  # the units
    draft = ItemDraft(
        title="关于加快碳计量中心建设的批示",
        source="instruction",
        received_on=D(2026, 2, 12),
        unit="区市场监管局",
        leader="王区长",
    )
    return register_item(db, draft=draft).plan_id


def test_an_overdue_instruction_is_late_by_working_days_not_calendar_days(db: Database) -> None:
    plan_id = _instruction(db)  # 5 working days over the Spring Festival: due Thu 26 Feb
    [late] = [w for w in compute_warnings(db, plan_id=plan_id, as_of="2026-03-02") if w.colour == "red"]
    assert late.reason == "已逾期3个工作日（截止日期 2026-02-26）"  # 4 calendar days, one of them a Sunday
    [soon] = [w for w in compute_warnings(db, plan_id=plan_id, as_of="2026-02-20") if w.rule == "due_soon"]
    assert soon.reason == "剩余3个工作日（截止日期 2026-02-26），完成 0%"  # 6 days, most of them 春节


def test_plan_tasks_keep_counting_calendar_days(db: Database) -> None:
    ids = load_small_plan(db)
    create_assignment(
        db, node_id=ids["1."], unit="区市场监管局", start_date="2026-01-05", deadline="2026-02-26"
    )
    [late] = [w for w in compute_warnings(db, plan_id=ids["plan"], as_of="2026-03-02") if w.colour == "red"]
    assert late.reason == "已逾期 4 天（截止日期 2026-02-26）"


def test_a_missed_checkpoint_is_a_yellow_warning_for_the_lead_unit(db: Database) -> None:
    ids = load_small_plan(db)
    lead = create_assignment(
        db, node_id=ids["1."], unit="区市场监管局", start_date="2026-01-01", deadline="2026-12-31"
    ).id
    add_progress(db, assignment_id=lead, period="2026-03", text="启动", percent=30, reported_on="2026-03-20")
    add_progress(db, assignment_id=lead, period="2026-06", text="推进", percent=40, reported_on="2026-06-22")
    add_progress(db, assignment_id=lead, period="2026-07", text="加快", percent=45, reported_on="2026-07-10")
    add_quarterly_checkpoints(db, node_id=ids["1."], year=2026)
    rows = [
        w for w in compute_warnings(db, plan_id=ids["plan"], as_of="2026-07-15") if w.rule == "checkpoint"
    ]
    assert [(w.colour, w.unit, w.assignment_id, w.reason) for w in rows] == [
        (
            "yellow",
            "区市场监管局",
            lead,
            "节点目标“2026年第二季度末”未达成：2026-06-30 前应完成 50%，实际完成 40%",
        )
    ]
    assert all(w.rule != "checkpoint" for w in compute_warnings(db, plan_id=ids["plan"], as_of="2026-06-15"))


def test_the_warnings_tab_shows_working_days_and_the_missed_checkpoint(
    qtbot: QtBot, db: Database, qapp: QApplication
) -> None:
    plan_id = _instruction(db)
    view = WarningsView(db)
    qtbot.addWidget(view)
    view.set_as_of(D(2026, 3, 2))
    view.set_plan(plan_id)
    texts = [
        (view.table.item(r, 0).text(), view.table.item(r, 4).text()) for r in range(view.table.rowCount())
    ]
    assert ("红色", "已逾期3个工作日（截止日期 2026-02-26）") in texts
    ids = load_small_plan(db, "第二份方案")
    lead = create_assignment(
        db, node_id=ids["1."], unit="区市场监管局", start_date="2026-01-01", deadline="2026-12-31"
    ).id
    add_progress(db, assignment_id=lead, period="2026-03", text="启动", percent=10, reported_on="2026-03-20")
    add_quarterly_checkpoints(db, node_id=ids["1."], year=2026)
    view.set_as_of(D(2026, 4, 15))
    view.set_plan(ids["plan"])
    rules = [
        (view.table.item(r, 0).text(), view.table.item(r, 3).text()) for r in range(view.table.rowCount())
    ]
    assert ("黄色", "节点目标未达成") in rules
