"""The 督查单 box in the 办理 tab: level and history of the selected assignment, issuing the next 督查单."""

from __future__ import annotations

from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from supervision_setup import load_small_plan

from desktop.services.assignments import create_assignment
from desktop.services.escalation import escalate, escalation_history
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
