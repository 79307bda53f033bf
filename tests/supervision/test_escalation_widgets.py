"""The 督查单 box in the 办理 tab: level and history of the selected assignment, issuing the next 督查单."""

from __future__ import annotations

from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from supervision_setup import load_small_plan

from desktop.services.supervision.assignments import create_assignment
from desktop.services.supervision.escalation import escalate, escalation_history
from desktop.storage import Database
from desktop.ui.supervision import WorkflowPanel


def test_the_workflow_panel_shows_the_level_and_issues_the_next_one(
    qtbot: QtBot, db: Database, qapp: QApplication
) -> None:
    ids = load_small_plan(db)
    a = create_assignment(db, node_id=ids["1."], unit="区市场监管局", deadline="2026-03-31").id
    escalate(db, assignment_id=a, reason="3月未报", at="2026-04-01")
    panel = WorkflowPanel(db)
    qtbot.addWidget(panel)
    box = panel.escalation
    assert box.level_label.text() == "未选择分工记录" and not box.issue_button.isEnabled()
    panel.set_assignment(a)
    assert box.level_label.text() == "当前督查级别：提示（共发 1 次）"
    assert box.history.item(0).text().startswith("2026-04-01　提示　手工　测试员　3月未报")
    box.issue_button.click()
    assert box.message.text() == "督查事由不能为空。"
    box.reason.setFocus()
    event = QInputMethodEvent()
    event.setCommitString("逾期未办结")
    QApplication.sendEvent(box.reason, event)
    with qtbot.waitSignal(box.changed):
        box.issue_button.click()
    assert box.level_label.text() == "当前督查级别：催办（共发 2 次）"
    assert [h.level_name for h in escalation_history(db, assignment_id=a)] == ["提示", "催办"]
    box.level.setCurrentIndex(box.level.findData("notice"))
    box.reason.setText("x")
    box.issue_button.click()
    assert "不能降为“提示”" in box.message.text()


def test_the_workflow_panel_shows_and_adds_the_tasks_checkpoints(
    qtbot: QtBot, db: Database, qapp: QApplication
) -> None:
    import datetime as dt

    from desktop.services.supervision.assignments import add_progress
    from desktop.ui.supervision.checkpoint_box import COLOURS

    ids = load_small_plan(db)
    a = create_assignment(
        db, node_id=ids["1."], unit="区市场监管局", start_date="2026-01-01", deadline="2026-12-31"
    ).id
    add_progress(db, assignment_id=a, period="2026-03", text="启动", percent=30, reported_on="2026-03-20")
    panel = WorkflowPanel(db)
    qtbot.addWidget(panel)
    box = panel.checkpoints
    box.today = dt.date(2026, 7, 1)
    assert not box.quarterly_button.isEnabled()
    panel.set_assignment(a)
    box.year.setValue(2026)
    with qtbot.waitSignal(box.changed):
        box.quarterly_button.click()
    texts = [box.list.item(i).text() for i in range(box.list.count())]
    assert texts[0].startswith("2026-03-31　预期 25%　实际 30%　已达成")
    assert texts[1].startswith("2026-06-30　预期 50%　实际 30%　未达成")
    assert texts[2].startswith("2026-09-30　预期 75%　实际 30%　未到期")
    assert box.list.item(1).background().color() == COLOURS["missed"]
    box.quarterly_button.click()
    assert "2026-03-31 已有节点目标" in box.message.text()
