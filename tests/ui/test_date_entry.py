"""Typing dates into the assignment grid the way people write them."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop.models import PlanNode
from desktop.services.supervision.assignments import get_assignment
from desktop.storage import Database
from desktop.ui.date_entry import DateLineEdit
from desktop.ui.detail_pane import ASSIGNMENT_COLUMNS
from desktop.ui.main_window import MainWindow

DEADLINE = [f for f, _ in ASSIGNMENT_COLUMNS].index("deadline")
START = [f for f, _ in ASSIGNMENT_COLUMNS].index("start_date")


def _window_with_assignment(qtbot: QtBot, db: Database) -> MainWindow:
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.start()
    with db.read() as s:
        task = s.scalar(select(PlanNode.id).where(PlanNode.kind == "task").order_by(PlanNode.id).limit(1))
    assert task is not None and window.select_node(task)
    assert window.detail.add_assignment()
    assert len(window.detail.assignments.rows) == 1
    return window


def _open_editor(qtbot: QtBot, window: MainWindow, column: int) -> DateLineEdit:
    table = window.detail.table
    table.setFocus()
    table.setCurrentIndex(window.detail.assignments.index(0, column))
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, DateLineEdit)
    editor.selectAll()
    return editor


def _type(qtbot: QtBot, editor: DateLineEdit, text: str) -> None:
    if text.isascii():
        qtbot.keyClicks(editor, text)
    else:  # testlib cannot send Chinese keys; an input method commits them
        editor.selectAll()
        QApplication.sendEvent(editor, QInputMethodEvent("", []))
        event = QInputMethodEvent()
        event.setCommitString(text)
        QApplication.sendEvent(editor, event)


@pytest.mark.parametrize("typed", ["2026-10-31", "2026/10/31", "2026.10.31", "2026年10月31日", "20261031"])
def test_every_usual_form_saves_that_date(qtbot: QtBot, seeded_db: Database, typed: str) -> None:
    window = _window_with_assignment(qtbot, seeded_db)
    editor = _open_editor(qtbot, window, DEADLINE)
    _type(qtbot, editor, typed)
    assert editor.text() == typed
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    row = window.detail.assignments.rows[0]
    qtbot.waitUntil(lambda: get_assignment(seeded_db, assignment_id=row.id).deadline is not None)
    assert get_assignment(seeded_db, assignment_id=row.id).deadline == dt.date(2026, 10, 31)
    assert window.detail.assignments.index(0, DEADLINE).data() == "2026-10-31"


def test_an_impossible_date_is_refused_at_the_cell(qtbot: QtBot, seeded_db: Database) -> None:
    window = _window_with_assignment(qtbot, seeded_db)
    editor = _open_editor(qtbot, window, DEADLINE)
    qtbot.keyClicks(editor, "2026-02-30")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert editor.isVisible() and QApplication.focusWidget() is editor  # still editing
    assert "截止日期“2026-02-30”无效" in window.detail.error_label.text()
    assert window.detail.error_label.isVisible()
    row = window.detail.assignments.rows[0]
    assert get_assignment(seeded_db, assignment_id=row.id).deadline is None
    editor.selectAll()
    qtbot.keyClicks(editor, "2026-02-28")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: get_assignment(seeded_db, assignment_id=row.id).deadline is not None)
    assert get_assignment(seeded_db, assignment_id=row.id).deadline == dt.date(2026, 2, 28)


def test_letters_are_not_taken_and_the_editor_shows_the_whole_date(qtbot: QtBot, seeded_db: Database) -> None:
    window = _window_with_assignment(qtbot, seeded_db)
    editor = _open_editor(qtbot, window, DEADLINE)
    qtbot.keyClicks(editor, "2026-1x0-31")
    assert editor.text() == "2026-10-31"
    assert editor.width() >= editor.fontMetrics().horizontalAdvance("2026-10-31")


def test_the_calendar_popup_picks_a_date(qtbot: QtBot, seeded_db: Database) -> None:
    from PySide6.QtCore import QDate

    window = _window_with_assignment(qtbot, seeded_db)
    editor = _open_editor(qtbot, window, DEADLINE)
    calendar = editor.show_calendar()
    assert calendar.isVisible()
    calendar.setSelectedDate(QDate(2027, 3, 15))
    calendar.activated.emit(QDate(2027, 3, 15))
    row = window.detail.assignments.rows[0]
    qtbot.waitUntil(lambda: get_assignment(seeded_db, assignment_id=row.id).deadline is not None)
    assert get_assignment(seeded_db, assignment_id=row.id).deadline == dt.date(2027, 3, 15)


def test_tab_moves_from_start_date_to_the_next_column(qtbot: QtBot, seeded_db: Database) -> None:
    window = _window_with_assignment(qtbot, seeded_db)
    editor = _open_editor(qtbot, window, START)
    qtbot.keyClicks(editor, "2026.01.05")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    row = window.detail.assignments.rows[0]
    qtbot.waitUntil(lambda: get_assignment(seeded_db, assignment_id=row.id).start_date is not None)
    assert get_assignment(seeded_db, assignment_id=row.id).start_date == dt.date(2026, 1, 5)
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), DateLineEdit))
    assert window.detail.table.currentIndex().column() == DEADLINE


def test_a_refused_cell_edit_is_said_once_beside_the_table(qtbot: QtBot, seeded_db: Database) -> None:
    window = _window_with_assignment(qtbot, seeded_db)
    table = window.detail.table
    table.setCurrentIndex(window.detail.assignments.index(0, 0))
    window.detail.assignments.setData(
        window.detail.assignments.index(0, 0), "不存在的单位", Qt.ItemDataRole.EditRole
    )
    qtbot.waitUntil(lambda: "未知单位" in window.detail.error_label.text())  # saved once the editor closed
    assert window.error_label.text() == ""  # not repeated in the status bar
