"""The 任务分工表 pane: ● and ○ where the plan puts them; clicking a cell or a task goes to that task."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from test_matrix_dashboard_services import GXJ, JTJ, SCJG, import_xian_with_work

from desktop.storage import Database
from desktop.ui.matrix_view import MatrixPane


def open_pane(qtbot: QtBot, db: Database) -> tuple[MatrixPane, dict[str, int]]:
    plan_id, tasks = import_xian_with_work(db)
    pane = MatrixPane(db)
    qtbot.addWidget(pane)
    pane.resize(1100, 700)
    pane.show()
    pane.set_plan(plan_id)
    return pane, tasks


def column_of(pane: MatrixPane, unit: str) -> int:
    return next(c for c in range(pane.model.columnCount()) if pane.model.unit_at(c) == unit)


def test_matrix_shows_marks_and_short_unit_headers(qtbot: QtBot, qtmodeltester, db: Database) -> None:
    pane, tasks = open_pane(qtbot, db)
    qtmodeltester.check(pane.model)
    assert pane.model.rowCount() == 29 and pane.model.columnCount() == 12
    assert pane.model.headerData(0, Qt.Orientation.Horizontal) == "所属章节"
    header = pane.model.headerData(2, Qt.Orientation.Horizontal)
    assert header.replace("\n", "") == "市市场监管局"
    row = pane.model.row_of(tasks["7."])
    assert row is not None
    assert pane.model.index(row, 1).data() == "7. 服务汽车制造"
    assert pane.model.index(row, 0).data() == "（二）强化计量应用，推进重点领域产业发展"
    marks = {pane.model.unit_at(c): pane.model.index(row, c).data() for c in range(2, 12)}
    assert marks[SCJG] == "●" and marks[JTJ] == "○"
    assert sorted(marks.values()) == sorted(["●"] + ["○"] * 5 + [""] * 4)
    assert pane.summary.text() == "29 项任务，10 个责任单位"


def test_clicking_a_cell_goes_to_its_task(qtbot: QtBot, db: Database) -> None:
    pane, tasks = open_pane(qtbot, db)
    row = pane.model.row_of(tasks["7."])
    assert row is not None
    index = pane.model.index(row, column_of(pane, GXJ))
    pane.view.scrollTo(index)
    with qtbot.waitSignal(pane.node_activated) as activated:
        qtbot.mouseClick(
            pane.view.viewport(), Qt.MouseButton.LeftButton, pos=pane.view.visualRect(index).center()
        )
    assert activated.args == [tasks["7."]]


def test_clicking_a_task_title_goes_to_it(qtbot: QtBot, db: Database) -> None:
    pane, tasks = open_pane(qtbot, db)
    row = pane.model.row_of(tasks["24."])
    assert row == 23
    index = pane.model.index(row, 1)
    pane.view.scrollTo(index)
    with qtbot.waitSignal(pane.node_activated) as activated:
        qtbot.mouseClick(
            pane.view.viewport(), Qt.MouseButton.LeftButton, pos=pane.view.visualRect(index).center()
        )
    assert activated.args == [tasks["24."]]
    assert pane.select_node(tasks["3."]) and pane.view.currentIndex().row() == 2


def test_no_plan_empties_the_matrix(qtbot: QtBot, db: Database) -> None:
    pane, _ = open_pane(qtbot, db)
    pane.set_plan(None)
    assert pane.model.rowCount() == 0 and pane.model.columnCount() == 0
    assert pane.summary.text() == "请选择方案。"
