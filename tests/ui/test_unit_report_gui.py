"""导入单位进展报告 in the window: the menu, the file dialog, the unit and month typed, the proposals shown row by
row; the office drops one proposal and records the rest."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QComboBox, QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop.clock import fixed_today
from desktop.models import ProgressEntry
from desktop.services.core.tree import list_plans
from desktop.services.plans.adopt import adopt_responsibilities
from desktop.storage import Database
from desktop.ui.main_window import MainWindow
from desktop.ui.unit_report_dialog import TASK, UnitReportDialog

REPORT = (
    "西安市市场监督管理局关于10月份重点任务落实情况的报告\n"
    "市推进办：\n现将我局10月份工作进展情况报告如下：\n"
    "一、关于服务汽车制造工作\n我局组织开展汽车制造企业计量需求调研，走访企业12家，目前已完成60%。\n"
    "存在问题：部分企业计量人员不足。\n"
    "二、关于“加强计量人才队伍建设”任务落实情况\n举办计量技术人员培训班两期，培训120人次。\n"
    "三、关于机关食堂改造工作\n食堂改造方案已报送审批，预计年底前完工。\n"
    "特此报告。\n西安市市场监督管理局\n2024年10月28日\n"
)


def _type_chinese(widget: QWidget, text: str) -> None:
    """testlib cannot send Chinese keys; an input method commits them, as on an office PC."""
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def test_a_units_report_is_recorded_as_the_office_confirms_it(
    qtbot: QtBot, seeded_db: Database, tmp_path: Path
) -> None:
    xian = next(p for p in list_plans(seeded_db) if "西安" in p.title)
    with fixed_today(dt.date(2024, 9, 1)):
        adopt_responsibilities(seeded_db, plan_id=xian.id)
    report = tmp_path / "市场监管局10月报告.txt"
    report.write_text(REPORT, encoding="utf-8")
    window = MainWindow(seeded_db)
    qtbot.addWidget(window)
    window.show()
    window.start()
    window.plan_combo.setCurrentIndex(window.plan_combo.findData(xian.id))
    assert window.current_plan() is not None and window.current_plan().id == xian.id
    action = next(a for a in window.menu_exchange.actions() if a.text() == "导入单位进展报告…")
    action.trigger()
    chooser = window.extra.file_dialog
    assert chooser is not None and chooser.isVisible()
    chooser.selectFile(str(report))
    chooser.accept()
    qtbot.waitUntil(
        lambda: isinstance(window.extra.dialog, UnitReportDialog) and window.extra.dialog.isVisible()
    )
    dialog = window.extra.dialog
    assert isinstance(dialog, UnitReportDialog)
    _type_chinese(dialog.unit.lineEdit(), "西安市市场监督管理局")
    dialog.period.setFocus()
    dialog.period.selectAll()
    qtbot.keyClicks(dialog.period, "202410")
    qtbot.mouseClick(dialog.read_button, Qt.MouseButton.LeftButton)
    assert dialog.table.rowCount() == 3
    tasks = [dialog.table.cellWidget(r, TASK) for r in range(3)]
    assert all(isinstance(t, QComboBox) for t in tasks)
    assert [t.currentText() for t in tasks] == ["7. 服务汽车制造", "16. 加强计量人才队伍建设", "（不登记）"]
    assert "1 段未对应" in dialog.status.text()
    # the signature and the date after 特此报告 belong to no passage
    assert "2024年10月28日" not in dialog.table.item(2, 5).text()
    with seeded_db.read() as s:
        assert s.scalars(select(ProgressEntry)).all() == []  # nothing before 登记
    # the office drops the second proposal: Home picks （不登记）
    tasks[1].setFocus()
    qtbot.keyClick(tasks[1], Qt.Key.Key_Home)
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    with seeded_db.read() as s:
        [entry] = s.scalars(select(ProgressEntry)).all()
        assert (entry.period, entry.percent, entry.problems) == ("2024-10", 60, "部分企业计量人员不足。")
    assert "已按单位报告登记 1 条进展" in window.statusBar().currentMessage()
