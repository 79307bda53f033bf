"""The window's tables stay readable: task titles, progress text and warning reasons get room or a tooltip."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from test_main_window import _task_id
from test_matrix_dashboard_services import AS_OF, SCJG, import_xian_with_work

from desktop.services.supervision.assignments import add_progress, create_assignment
from desktop.storage import Database
from desktop.ui.dashboard import DashboardPane, DueTableModel
from desktop.ui.main_window import MainWindow
from desktop.ui.supervision.tables import WarningsView


def chars(widget: QWidget, n: int) -> int:
    return widget.fontMetrics().horizontalAdvance("国") * n


def test_due_list_keeps_the_task_readable_beside_full_unit_names(qtbot: QtBot, db: Database) -> None:
    plan_id, _ = import_xian_with_work(db)
    pane = DashboardPane(db)
    qtbot.addWidget(pane)
    pane.resize(560, 700)  # the pane as wide as it is beside the plan tree
    pane.show()
    pane.as_of = AS_OF
    pane.set_plan(plan_id)
    # Once laid out, the task column keeps at least eight characters.
    qtbot.waitUntil(lambda: pane.due_view.columnWidth(DueTableModel.TASK) >= chars(pane, 8))
    unit = pane.due_model.index(0, DueTableModel.UNIT)
    assert unit.data() == SCJG and unit.data(Qt.ItemDataRole.ToolTipRole) == SCJG
    assert SCJG in [name for name, _ in pane.chart.bars], "the chart names units as every other view does"


def test_progress_text_takes_the_width_and_shows_in_full_on_hover(qtbot: QtBot, seeded_db: Database) -> None:
    db = seeded_db
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    window.start()
    task_id = _task_id(db)
    long_text = "完成碳计量标准装置选址论证，正在开展设备采购，并同步推进人员培训与质量体系文件编写。"
    a = create_assignment(
        db,
        node_id=task_id,
        unit="西安市市场监督管理局",
        deadline="2030-12-31",
        remarks="需与市财政局对接经费",
    )
    add_progress(
        db,
        assignment_id=a.id,
        period="2026-05",
        text=long_text,
        percent=40,
        problems="设备供货周期较长",
        next_steps="月底前完成招标",
    )
    window.select_node(task_id)
    pane = window.detail
    tree = pane.progress_tree
    widths = [tree.columnWidth(c) for c in range(tree.columnCount())]
    assert widths[2] == max(widths), "进展情况 is the widest column"
    item = tree.topLevelItem(0)
    assert item.toolTip(2) == long_text and item.toolTip(4) == "设备供货周期较长"
    table = pane.table
    assert table.columnWidth(0) > table.columnWidth(7), "the unit gets more room than 备注"
    assert pane.assignments.index(0, 7).data(Qt.ItemDataRole.ToolTipRole) == "需与市财政局对接经费"


def test_warning_reasons_stay_in_view(qtbot: QtBot, db: Database) -> None:
    plan_id, _ = import_xian_with_work(db)
    view = WarningsView(db)
    qtbot.addWidget(view)
    view.resize(560, 600)
    view.show()
    view.set_as_of(AS_OF)
    view.set_plan(plan_id)
    assert view.table.rowCount() > 0
    last = view.table.columnCount() - 1
    assert view.table.columnViewportPosition(last) + chars(view, 6) < view.table.viewport().width()
    reason = view.table.item(0, last)
    assert reason.toolTip() == reason.text() and reason.text()
