"""更正责任单位 and 更改类型 through the tree's context menu, with undo."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from desktop.models import PlanNode, Responsibility
from desktop.services.core.tree import node_detail
from desktop.storage import Database
from desktop.ui.duties_dialog import DutiesDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.tree_model import NODE_ROW_ROLE


def type_chinese(edit, text: str) -> None:
    """Replace the field's text the way an input method commits Chinese."""
    edit.setFocus()
    edit.selectAll()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(edit, event)


def _window_on_task(qtbot: QtBot, db: Database) -> tuple[MainWindow, int]:
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    window.start()
    with db.read() as s:
        task = s.scalar(
            select(PlanNode.id)
            .join(Responsibility, Responsibility.node_id == PlanNode.id)
            .where(PlanNode.plan_id == window.current_plan().id, PlanNode.kind == "task")
            .group_by(PlanNode.id)
            .having(func.count() > 1)
            .order_by(PlanNode.id)
            .limit(1)
        )
    assert task is not None and window.select_node(task)
    return window, task


def _trigger(menu, text: str) -> None:
    next(a for a in menu.actions() if a.text() == text).trigger()


def test_correct_the_list_beside_the_printed_wording_then_undo(qtbot: QtBot, seeded_db: Database) -> None:
    window, task = _window_on_task(qtbot, seeded_db)
    before = [(u.name, u.role) for u in node_detail(seeded_db, node_id=task).units]
    _trigger(window.plan_actions.build_context_menu(), "更正责任单位…")
    dialog = window.plan_actions.dialog
    assert isinstance(dialog, DutiesDialog) and dialog.isVisible()
    assert dialog.table.rowCount() == len(before)
    assert dialog.table.item(0, 2).text()  # the wording the document printed
    assert dialog.text.toPlainText() == node_detail(seeded_db, node_id=task).text
    dialog.table.selectRow(1)
    dialog.lead_button.click()  # the second unit leads now, the first cooperates
    type_chinese(dialog.new_unit, "西安市财政局")
    dialog.add_button.click()
    dialog.table.selectRow(dialog.table.rowCount() - 1)
    dialog.up_button.click()
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    after = [(u.name, u.role) for u in node_detail(seeded_db, node_id=task).units]
    expected = [(before[1][0], "lead"), (before[0][0], "co"), *[(n, "co") for n, _ in before[2:]]]
    expected.insert(len(expected) - 1, ("西安市财政局", "co"))
    assert after == expected
    assert before[1][0] in window.detail.units_label.text().split("；")[0]  # the detail shows the new lead
    window.undo_action.trigger()
    assert [(u.name, u.role) for u in node_detail(seeded_db, node_id=task).units] == before


def test_an_empty_unit_name_is_said_in_the_dialog(qtbot: QtBot, seeded_db: Database) -> None:
    window, _task = _window_on_task(qtbot, seeded_db)
    dialog = window.plan_actions.open_duties()
    dialog.add_button.click()
    assert "请填写要添加的单位名称" in dialog.error_label.text() and dialog.error_label.isVisible()


def test_change_a_node_kind_from_the_menu_and_undo(qtbot: QtBot, seeded_db: Database) -> None:
    window, task = _window_on_task(qtbot, seeded_db)
    menu = window.plan_actions.kind_menu
    menu.aboutToShow.emit()
    assert window.plan_actions.kind_actions["task"].isChecked()
    _trigger(menu, "专栏")
    assert node_detail(seeded_db, node_id=task).node.kind == "column"
    assert window.detail.title_label.text().startswith("[专栏]")
    window.undo_action.trigger()
    assert node_detail(seeded_db, node_id=task).node.kind == "task"
    assert window.tree.currentIndex().data(Qt.ItemDataRole.DisplayRole) is not None


def test_right_click_opens_the_menu_on_the_clicked_row(qtbot: QtBot, seeded_db: Database) -> None:
    window, task = _window_on_task(qtbot, seeded_db)
    first = window.model.index(0, 0)
    chapter = first.data(NODE_ROW_ROLE)
    assert window.current_node().id == task != chapter.id
    window.tree.customContextMenuRequested.emit(window.tree.visualRect(first).center())
    menu = window.plan_actions.context_menu
    assert menu is not None and menu.isVisible()
    assert window.current_node().id == chapter.id
    assert window.plan_actions.adopt_node_action.isEnabled()
    menu.close()
