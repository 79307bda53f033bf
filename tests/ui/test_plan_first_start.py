"""The first start asks who works here; the sample plans open in a database of their own."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.services.core.tree import list_plans
from desktop.storage import Database
from desktop.ui.first_start import FirstStartDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import UiSettings
from desktop.ui.window_actions import OPEN_WINDOWS


def _type(edit, text: str) -> None:
    edit.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(edit, event)


def _window(qtbot: QtBot, db: Database) -> MainWindow:
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    window.start()
    return window


def test_first_start_asks_name_and_unit_and_loads_no_samples(qtbot: QtBot, db: Database) -> None:
    window = _window(qtbot, db)
    dialog = window.plan_actions.dialog
    assert isinstance(dialog, FirstStartDialog) and dialog.isVisible()
    assert list_plans(db) == []  # the real database stays empty
    assert dialog.name.text() == "测试员"  # the name the database was opened with, to confirm or change
    dialog.name.clear()
    dialog.ok_button.click()
    assert dialog.isVisible() and "请填写姓名" in dialog.error_label.text()
    _type(dialog.name, "张三")
    _type(dialog.unit, "西安市市场监督管理局")
    dialog.ok_button.click()
    assert not dialog.isVisible()
    assert (UiSettings().operator, UiSettings().my_unit) == ("张三", "西安市市场监督管理局")
    assert db.operator == "张三"
    assert list_plans(db) == []


def test_the_demo_database_holds_the_samples_apart(
    qtbot: QtBot, db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    demo = tmp_path / "示例" / "demo.sqlite3"
    monkeypatch.setenv("PLANDESK_DEMO_DB", str(demo))
    window = _window(qtbot, db)
    dialog = window.plan_actions.dialog
    dialog.name.clear()
    _type(dialog.name, "李四")
    dialog.demo_button.click()
    qtbot.waitUntil(lambda: window.plan_actions.demo_window is not None, timeout=60000)
    demo_window = window.plan_actions.demo_window
    try:
        assert demo_window.isVisible() and "示例数据库" in demo_window.windowTitle()
        assert demo_window.plan_combo.count() == 2
        assert demo.exists()
        assert list_plans(db) == []
        assert demo_window.db.operator == "李四"
    finally:
        demo_window.close()
        OPEN_WINDOWS.remove(demo_window)
        demo_window.db.close()


def test_a_known_operator_is_not_asked_again(qtbot: QtBot, db: Database) -> None:
    settings = UiSettings()
    settings.operator = "王五"
    settings.sync()
    window = _window(qtbot, db)
    assert window.plan_actions.dialog is None
    assert "文件 → 导入方案" in window.statusBar().currentMessage()
    assert next(a for a in window.menu_file.actions() if a.text() == "打开示例数据库").isEnabled()
