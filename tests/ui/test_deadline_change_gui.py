"""Typing a new deadline in the detail pane asks 更正 or 延期; only a 延期 counts as an extension."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QLineEdit, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from desktop.models import ExtensionRequest, PlanNode, WorkflowStep
from desktop.services.supervision import workflow as wf
from desktop.services.supervision.assignments import get_assignment
from desktop.storage import Database
from desktop.ui.date_entry import DateLineEdit
from desktop.ui.detail_pane import ASSIGNMENT_COLUMNS
from desktop.ui.main_window import MainWindow

DEADLINE = [f for f, _ in ASSIGNMENT_COLUMNS].index("deadline")
JUNE = dt.date(2026, 6, 30)


def _records(db: Database) -> tuple[int, int]:
    with db.read() as s:
        return (
            s.scalar(select(func.count()).select_from(ExtensionRequest)) or 0,
            s.scalar(select(func.count()).select_from(WorkflowStep)) or 0,
        )


def _type_deadline(qtbot: QtBot, window: MainWindow, text: str) -> None:
    table = window.detail.table
    table.setFocus()
    table.setCurrentIndex(window.detail.assignments.index(0, DEADLINE))
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, DateLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)


def _type_chinese(widget: QLineEdit, text: str) -> None:
    """testlib cannot send Chinese keys; an input method commits them, as on an office PC."""
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def _click(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=widget.rect().center())


def _window_with_deadline(qtbot: QtBot, db: Database) -> tuple[MainWindow, int]:
    """A window showing a task with one assignment whose deadline (2026-06-30) was typed into the grid."""
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
    aid = window.detail.assignments.rows[0].id
    _type_deadline(qtbot, window, "2026-06-30")  # the first deadline is just that: nothing to ask
    qtbot.waitUntil(lambda: get_assignment(db, assignment_id=aid).deadline is not None)
    info = get_assignment(db, assignment_id=aid)
    assert (info.deadline, info.original_deadline) == (JUNE, JUNE)
    assert QApplication.activeModalWidget() is None
    return window, aid


def _dialog(qtbot: QtBot, window: MainWindow):
    """The question, as the user meets it: the window's modal dialog, in front."""
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QDialog), timeout=2000)
    dialog = QApplication.activeModalWidget()
    assert dialog.isVisible() and dialog.parent() is window.detail
    return dialog


def test_an_extension_is_chosen_with_its_reason_and_undone_whole(qtbot: QtBot, seeded_db: Database) -> None:
    window, aid = _window_with_deadline(qtbot, seeded_db)
    before = _records(seeded_db)
    _type_deadline(qtbot, window, "2026-09-30")
    dialog = _dialog(qtbot, window)
    assert "2026-06-30" in dialog.summary.text() and "2026-09-30" in dialog.summary.text()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled(), "nothing is chosen for the user"
    assert get_assignment(seeded_db, assignment_id=aid).deadline == JUNE  # not saved while asking
    _click(qtbot, dialog.extension)
    assert dialog.reason.isEnabled() and ok.isEnabled()
    _click(qtbot, ok)  # no reason yet: refused inside the dialog, which stays open
    qtbot.waitUntil(lambda: "延期理由" in dialog.error_label.text())
    assert dialog.isVisible() and get_assignment(seeded_db, assignment_id=aid).deadline == JUNE
    assert window.detail.error_label.text() == ""
    _type_chinese(dialog.reason, "设备到货延迟")
    _click(qtbot, ok)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    info = get_assignment(seeded_db, assignment_id=aid)
    assert (info.deadline, info.original_deadline) == (dt.date(2026, 9, 30), JUNE)
    [ext] = wf.extensions(seeded_db, assignment_id=aid)
    assert (ext.decision, ext.reason) == ("approved", "设备到货延迟")
    qtbot.waitUntil(lambda: window.detail.assignments.index(0, DEADLINE).data() == "2026-09-30")

    assert window.undo_action.text() == "撤销 延期"
    window.undo_action.trigger()
    info = get_assignment(seeded_db, assignment_id=aid)
    assert (info.deadline, info.original_deadline) == (JUNE, JUNE)
    assert wf.extensions(seeded_db, assignment_id=aid) == [] and _records(seeded_db) == before
    window.redo_action.trigger()
    info = get_assignment(seeded_db, assignment_id=aid)
    assert (info.deadline, info.original_deadline) == (dt.date(2026, 9, 30), JUNE)


def test_an_earlier_date_can_only_be_a_correction(qtbot: QtBot, seeded_db: Database) -> None:
    window, aid = _window_with_deadline(qtbot, seeded_db)
    before = _records(seeded_db)
    _type_deadline(qtbot, window, "2026.05.31")
    dialog = _dialog(qtbot, window)
    assert not dialog.extension.isEnabled() and "只能" in dialog.hint.text()
    _click(qtbot, dialog.correction)
    assert not dialog.reason.isEnabled()
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    info = get_assignment(seeded_db, assignment_id=aid)
    assert info.deadline == info.original_deadline == dt.date(2026, 5, 31), "not counted as extended"
    assert wf.extensions(seeded_db, assignment_id=aid) == [] and _records(seeded_db) == before
    assert window.undo_action.text() == "撤销 更正截止日期"
    window.undo_action.trigger()
    info = get_assignment(seeded_db, assignment_id=aid)
    assert (info.deadline, info.original_deadline) == (JUNE, JUNE)


def test_a_later_date_may_be_a_correction_too(qtbot: QtBot, seeded_db: Database) -> None:
    window, aid = _window_with_deadline(qtbot, seeded_db)
    _type_deadline(qtbot, window, "2026-12-31")
    dialog = _dialog(qtbot, window)
    assert dialog.extension.isEnabled()
    _click(qtbot, dialog.correction)
    _click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Ok))
    qtbot.waitUntil(lambda: not dialog.isVisible())
    info = get_assignment(seeded_db, assignment_id=aid)
    assert info.deadline == info.original_deadline == dt.date(2026, 12, 31)
    assert wf.extensions(seeded_db, assignment_id=aid) == []


def test_cancel_leaves_everything_as_it_was(qtbot: QtBot, seeded_db: Database) -> None:
    window, aid = _window_with_deadline(qtbot, seeded_db)
    before, records, undo = (
        get_assignment(seeded_db, assignment_id=aid),
        _records(seeded_db),
        window.undo_action.text(),
    )
    _type_deadline(qtbot, window, "2026-09-30")
    dialog = _dialog(qtbot, window)
    _click(qtbot, dialog.extension)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert get_assignment(seeded_db, assignment_id=aid) == before and _records(seeded_db) == records
    assert window.detail.assignments.index(0, DEADLINE).data() == "2026-06-30"
    assert window.undo_action.text() == undo
