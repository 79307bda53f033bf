"""The 总览 pane: status counts with 未分工, overdue bars by responsible unit, and the list of work falling due."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot
from test_matrix_dashboard_services import AS_OF, GXJ, KJJ, SCJG, day, import_xian_with_work

from desktop.storage import Database
from desktop.ui.dashboard import DashboardPane, DueTableModel


def open_pane(qtbot: QtBot, db: Database) -> tuple[DashboardPane, dict[str, int]]:
    plan_id, tasks = import_xian_with_work(db)
    pane = DashboardPane(db)
    qtbot.addWidget(pane)
    pane.resize(1100, 700)
    pane.show()
    pane.as_of = AS_OF
    pane.set_plan(plan_id)
    return pane, tasks


def test_cards_bars_and_due_list_show_the_plans_state(qtbot: QtBot, qtmodeltester, db: Database) -> None:
    pane, tasks = open_pane(qtbot, db)
    qtmodeltester.check(pane.due_model)
    shown = {key: card.number.text() for key, card in pane.cards.items()}
    assert shown == {
        "tasks": "29",
        "overdue": "2",
        "in_progress": "1",
        "not_started": "3",
        "done": "1",
        "suspended": "1",
        "unassigned": "21",
        "due_soon": "2",  # within the office's 临期 of 7 days, as the 预警 and the reports count
    }
    assert pane.chart.bars == [(GXJ, 1), (SCJG, 1), (KJJ, 1)]  # the cooperating 工信局 is late too
    assert pane.chart_box.title() == "逾期任务（按责任单位，含牵头和配合）"
    assert "未分工 21 项" in pane.caption.text()
    assert pane.due_box.title() == "7 天内到期（2 项）"
    assert [pane.due_model.index(r, DueTableModel.TASK).data() for r in range(pane.due_model.rowCount())] == [
        "2. 开展新型量值传递溯源技术研究",
        "7. 服务汽车制造",
    ]
    assert pane.due_model.index(0, DueTableModel.DAYS).data() == "今天"
    assert pane.due_model.index(1, DueTableModel.ROLE).data() == "配合"
    assert "2026-06-15" in pane.caption.text()


def test_double_clicking_a_due_task_goes_to_it(qtbot: QtBot, db: Database) -> None:
    pane, tasks = open_pane(qtbot, db)
    index = pane.due_model.index(1, DueTableModel.TASK)
    pos = pane.due_view.visualRect(index).center()
    # QTest's double click only sends the second press; the view needs the first click to have landed.
    qtbot.mouseClick(pane.due_view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    with qtbot.waitSignal(pane.node_activated) as activated:
        qtbot.mouseDClick(pane.due_view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert activated.args == [tasks["7."]]


def test_clicking_a_bar_names_the_full_unit(qtbot: QtBot, db: Database) -> None:
    pane, _ = open_pane(qtbot, db)
    pane.chart.resize(400, 120)
    with qtbot.waitSignal(pane.unit_clicked) as clicked:
        qtbot.mouseClick(pane.chart, Qt.MouseButton.LeftButton, pos=pane.chart.bar_rect(0).center())
    assert clicked.args == [GXJ]
    # Below the last bar nothing is hit.
    with qtbot.assertNotEmitted(pane.unit_clicked):
        qtbot.mouseClick(
            pane.chart,
            Qt.MouseButton.LeftButton,
            pos=QPoint(50, pane.chart.bar_rect(len(pane.chart.bars) - 1).bottom() + 20),
        )


def test_a_later_day_moves_work_into_overdue(qtbot: QtBot, db: Database) -> None:
    pane, tasks = open_pane(qtbot, db)
    pane.set_as_of(day(1))
    assert pane.cards["overdue"].number.text() == "3"
    assert pane.chart.bars == [(SCJG, 2), (GXJ, 1), (KJJ, 1)]
    assert [r.node_id for r in pane.due_model.rows] == [tasks["7."]]  # due in 4 days; task 3 in 29


def test_an_empty_database_says_there_is_nothing_overdue(qtbot: QtBot, db: Database) -> None:
    pane = DashboardPane(db)
    qtbot.addWidget(pane)
    pane.set_plan(None)
    assert pane.cards["tasks"].number.text() == "0"
    assert pane.chart.bars == [] and pane.chart.empty_text == "没有逾期任务"
    assert pane.due_model.rowCount() == 0
