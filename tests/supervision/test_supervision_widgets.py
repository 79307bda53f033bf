"""The supervision widgets on real data: steps offered by state, coloured warnings, reporting, ranking, coverage."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from supervision_setup import load_small_plan

from desktop.services.plans.links import link_nodes, set_parent_plan
from desktop.services.supervision.assignments import add_progress, create_assignment
from desktop.storage import Database
from desktop.ui.qt_fonts import install_cjk_font
from desktop.ui.supervision import CoverageView, RankingView, ReportingView, WarningsView, WorkflowPanel

SHOTS = os.environ.get("PLANDESK_SCREENSHOTS", "")


def shoot(widget: object, name: str) -> None:
    """Screenshots for the docs, only when asked for (PLANDESK_SCREENSHOTS=folder)."""
    if SHOTS:
        widget.show()  # type: ignore[attr-defined]
        QApplication.processEvents()  # let the layouts take the final texts into account
        widget.grab().save(str(Path(SHOTS) / f"supervision_{name}.png"))  # type: ignore[attr-defined]


@pytest.fixture
def plan(db: Database, qapp: QApplication) -> dict[str, int]:
    if SHOTS:  # before any widget exists, so layouts are sized with the Chinese font
        install_cjk_font(qapp)
    ids = load_small_plan(db)
    ids["a1"] = create_assignment(
        db,
        node_id=ids["1."],
        unit="区市场监管局",
        start_date="2025-01-01",
        deadline="2025-06-30",
        contact_person="李四",
    ).id
    ids["a2"] = create_assignment(
        db, node_id=ids["2."], unit="区发展改革委", start_date="2025-01-01", deadline="2025-12-31"
    ).id
    return ids


def test_workflow_panel_offers_only_allowed_steps_and_records_them(
    qtbot: QtBot, db: Database, plan: dict[str, int], tmp_path: Path
) -> None:
    panel = WorkflowPanel(db)
    qtbot.addWidget(panel)
    panel.resize(900, 700)
    panel.show()
    panel.set_assignment(plan["a1"])
    assert "已交办" in panel.state_label.text()
    assert [c for c, b in panel.buttons.items() if b.isEnabled()] == ["acknowledge"]
    with qtbot.waitSignal(panel.changed) as signal:
        panel.buttons["acknowledge"].click()
    assert signal.args == [plan["a1"]]
    assert panel.steps.rowCount() == 2 and panel.steps.item(1, 1).text() == "签收"
    add_progress(db, assignment_id=plan["a1"], period="2025-05", text="完成选址", percent=40)
    panel.refresh()
    with qtbot.waitSignal(panel.failed):
        panel.buttons["return"].click()  # no reason given
    assert "退回理由" in panel.message.text()
    panel.note.setText("缺少佐证材料")
    panel.buttons["return"].click()
    assert "已退回" in panel.state_label.text() and panel.steps.item(3, 4).text() == "缺少佐证材料"
    panel.ext_reason.setText("设备到货延迟")
    panel.new_deadline.setDate(panel.new_deadline.date().fromString("2025-09-30", "yyyy-MM-dd"))
    assert panel.request_extension()
    assert panel.approve_button.isEnabled()
    assert panel.decide(True)
    assert panel.deadline_label.text() == "截止日期：2025-06-30 → 2025-09-30"
    doc = tmp_path / "验收报告.pdf"
    doc.write_bytes(b"%PDF-1.4 test")
    assert panel.attach_file(str(doc))
    assert panel.evidence.count() == 1 and panel.evidence.item(0).text().startswith("验收报告.pdf")
    shoot(panel, "workflow")


def test_warnings_view_colours_rows_and_rolls_up(qtbot: QtBot, db: Database, plan: dict[str, int]) -> None:
    add_progress(
        db, assignment_id=plan["a2"], period="2025-07", text="推进", percent=60, reported_on="2025-07-01"
    )
    view = WarningsView(db)
    qtbot.addWidget(view)
    view.resize(900, 300)
    view.set_as_of(dt.date(2025, 7, 1))
    view.set_plan(plan["plan"])
    assert view.table.rowCount() == 2
    assert view.table.item(0, 0).text() == "红色" and view.table.item(0, 2).text() == "区市场监管局"
    assert view.table.item(0, 0).background().color().name() == "#f8d0d0"
    assert view.colours[plan["chapter"]] == "red"
    assert view.counts.text() == "红色 1　橙色 1　黄色 0　未分工 1"
    with qtbot.waitSignal(view.node_activated) as signal:
        view.table.cellDoubleClicked.emit(0, 1)
    assert signal.args == [plan["1."]]
    shoot(view, "warnings")


def test_warnings_view_lists_unassigned_work_apart_with_the_documents_units(
    qtbot: QtBot, db: Database, plan: dict[str, int]
) -> None:
    from desktop.services.supervision.assignments import delete_assignment

    delete_assignment(db, assignment_id=plan["a2"])  # 2. goes back to nobody; the document names 区发展改革委
    view = WarningsView(db)
    qtbot.addWidget(view)
    view.set_as_of(dt.date(2025, 7, 1))
    view.set_plan(plan["plan"])
    table = view.unassigned_table
    rows = [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]
    assert rows == [["2.完善计量标准体系", "区发展改革委"], ["3.推进能源计量", "文件未列单位"]]
    assert table.item(0, 0).background().color().name() == "#dde5f0"  # its own colour, not a warning's
    assert not view.unassigned_box.isHidden() and view.unassigned_box.title() == "未分工（2 项）"
    assert view.counts.text().endswith("未分工 2")
    assert all(view.table.item(r, 1).text() != "2.完善计量标准体系" for r in range(view.table.rowCount()))
    with qtbot.waitSignal(view.node_activated) as signal:
        table.cellDoubleClicked.emit(1, 0)
    assert signal.args == [plan["3."]]


def test_reporting_view_asks_to_remind_the_missing_units(
    qtbot: QtBot, db: Database, plan: dict[str, int]
) -> None:
    add_progress(db, assignment_id=plan["a2"], period="2025-07", text="推进", percent=60)
    view = ReportingView(db)
    qtbot.addWidget(view)
    view.resize(700, 240)
    view.period.setText("2025-07")
    view.set_plan(plan["plan"])
    assert view.summary.text() == "1 个单位已全部报送，1 个单位未报送"
    assert view.table.item(0, 0).text() == "区市场监管局" and view.table.item(0, 3).text() == "未报送 1 项"
    with qtbot.waitSignal(view.remind_requested) as signal:
        view.remind_button.click()
    assert signal.args == [plan["plan"], "2025-07", ["区市场监管局"]]
    shoot(view, "reporting")


def test_ranking_view_lists_and_exports(
    qtbot: QtBot, db: Database, plan: dict[str, int], tmp_path: Path
) -> None:
    add_progress(
        db, assignment_id=plan["a2"], period="2025-04", text="推进", percent=50, reported_on="2025-04-24"
    )
    view = RankingView(db)
    qtbot.addWidget(view)
    view.resize(800, 240)
    view.period.setText("2025-04")
    view.set_plan(plan["plan"])
    assert [view.table.item(i, 1).text() for i in range(view.table.rowCount())] == [
        "区发展改革委",
        "区市场监管局",
    ]
    assert view.table.item(0, 0).text() == "1" and view.table.item(0, 3).text() == "100%"
    assert view.export_to(str(tmp_path / "排名.xlsx")) and (tmp_path / "排名.xlsx").is_file()
    assert not view.export_to(str(tmp_path / "排名.txt")) and ".xlsx" in view.message.text()
    shoot(view, "ranking")


def test_coverage_view_shows_the_unlinked_clause(qtbot: QtBot, db: Database, plan: dict[str, int]) -> None:
    city = load_small_plan(db, "某市计量发展规划实施方案")
    set_parent_plan(db, plan_id=plan["plan"], parent_plan_id=city["plan"])
    link_nodes(db, node_id=plan["1."], target_node_id=city["1."])
    link_nodes(db, node_id=plan["2."], target_node_id=city["2."])
    view = CoverageView(db)
    qtbot.addWidget(view)
    view.resize(800, 240)
    view.set_plan(plan["plan"])
    assert view.parent_table.rowCount() == 1 and view.parent_table.item(0, 1).text() == "推进能源计量"
    assert view.parent_table.item(0, 0).text() == "一、（二）3."  # outline labels, not database ids
    assert "未对接 1 条" in view.summary.text()
    shoot(view, "coverage")


def test_coverage_view_sets_the_plan_above_and_links_a_task(
    qtbot: QtBot, db: Database, plan: dict[str, int]
) -> None:
    from sqlalchemy import select

    from desktop.models import NodeLink

    city = load_small_plan(db, title="某市实施方案")
    view = CoverageView(db)
    qtbot.addWidget(view)
    view.set_plan(plan["plan"])
    assert "尚未设置上级方案" in view.summary.text()
    index = view.parent_plan.findData(city["plan"])
    assert index > 0
    view.parent_plan.setCurrentIndex(index)
    view.parent_plan.activated.emit(index)
    assert "上级条款已对接 0 条" in view.summary.text()
    assert not view.link_selected(), "nothing selected yet"
    assert "请在左侧选择" in view.message.text()
    local = next(
        r for r in range(view.local_table.rowCount()) if view.node_at(view.local_table, r) == plan["1."]
    )
    clause = next(
        r for r in range(view.parent_table.rowCount()) if view.node_at(view.parent_table, r) == city["1."]
    )
    view.local_table.setCurrentCell(local, 1)
    view.parent_table.setCurrentCell(clause, 1)
    view.link_button.click()
    with db.read() as s:
        assert s.execute(select(NodeLink.node_id, NodeLink.target_node_id)).one() == (plan["1."], city["1."])
    assert "上级条款已对接 1 条" in view.summary.text()
