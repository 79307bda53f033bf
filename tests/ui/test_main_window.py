"""Working in the main window like a user would, checking the database after every step."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QLineEdit, QMessageBox, QSpinBox
from pytestqt.qtbot import QtBot

from desktop.services.core.filters import filter_nodes
from desktop.services.core.tree import children, list_plans, node_detail
from desktop.services.plans.search import search
from desktop.services.supervision.assignments import list_progress, update_assignment
from desktop.storage import Database
from desktop.ui.date_entry import DateLineEdit
from desktop.ui.main_window import MainWindow
from desktop.ui.tree_model import COL_TITLE, NODE_ROW_ROLE

TASK_TITLE = "加强绿色低碳计量测试研究"


@pytest.fixture
def window(qtbot: QtBot, seeded_db: Database) -> MainWindow:
    win = MainWindow(seeded_db)
    qtbot.addWidget(win)
    win.show()
    win.start()
    return win


def _task_id(db: Database) -> int:
    plan = next(p for p in list_plans(db) if p.title.startswith("西安"))
    stack = [plan.root_id]
    while stack:
        for row in children(db, node_id=stack.pop()):
            if row.title == TASK_TITLE:
                return row.id
            stack.append(row.id)
    raise AssertionError("seed task missing")


def _open_editor(view, editor_type):
    """The visible editor of ``view`` (closed editors linger until deleteLater runs)."""
    return next((e for e in view.viewport().findChildren(editor_type) if e.isVisible()), None)


def _edit_cell(qtbot: QtBot, window: MainWindow, column: int, editor_type, set_value) -> None:
    """Open the delegate editor of the first assignment's cell, set a value, commit with Enter."""
    table = window.detail.table
    index = window.detail.assignments.index(0, column)
    table.setCurrentIndex(index)
    table.edit(index)
    editor = _open_editor(table, editor_type)
    assert editor is not None
    set_value(editor)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _open_editor(table, editor_type) is None)
    qtbot.wait(10)  # the edit is saved once the view has closed its editor


def test_assign_progress_undo_filter_search(qtbot: QtBot, window: MainWindow, seeded_db: Database) -> None:
    task_id = _task_id(seeded_db)
    assert window.select_node(task_id)
    assert window.detail.title_label.text().endswith(TASK_TITLE)
    assert "西安市市场监督管理局" in window.detail.units_label.text()

    # Assign the lead unit the document names (suggested in the unit field) and give it a past deadline.
    assert window.detail.new_unit.text() == "西安市市场监督管理局"
    qtbot.mouseClick(window.detail.add_button, Qt.MouseButton.LeftButton)
    [a] = node_detail(seeded_db, node_id=task_id).assignments
    assert (a.unit_name, a.role, a.deadline) == ("西安市市场监督管理局", "lead", None)

    last_month = dt.date.today().replace(day=1) - dt.timedelta(days=1)
    _edit_cell(
        qtbot,
        window,
        4,
        DateLineEdit,
        lambda e: e.set_date(last_month),
    )
    [a] = node_detail(seeded_db, node_id=task_id).assignments
    assert a.deadline == last_month and a.effective_status == "overdue"
    assert window.model.index_of(task_id).data(NODE_ROW_ROLE).status == "overdue"

    _edit_cell(qtbot, window, 1, QLineEdit, lambda e: e.setText("张科长"))
    _edit_cell(qtbot, window, 6, QSpinBox, lambda e: e.setValue(30))
    _edit_cell(qtbot, window, 5, QComboBox, lambda e: e.setCurrentIndex(e.findData("in_progress")))
    [a] = node_detail(seeded_db, node_id=task_id).assignments
    assert (a.contact_person, a.percent, a.status) == ("张科长", 30, "in_progress")

    # A progress entry through the small form; it moves the assignment to 60 %.
    form = window.detail.open_progress_form()
    assert form is not None and form.isVisible()
    form.text.setPlainText("完成碳计量标准装置选址")
    form.percent.setValue(60)
    qtbot.mouseClick(form.buttons.button(form.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert not form.isVisible()
    [entry] = list_progress(seeded_db, assignment_id=a.id)
    assert entry.text == "完成碳计量标准装置选址" and entry.entered_by == "测试员"
    assert node_detail(seeded_db, node_id=task_id).assignments[0].percent == 60
    assert window.detail.progress_tree.topLevelItem(0).text(2) == "完成碳计量标准装置选址"

    window.undo_action.trigger()
    assert list_progress(seeded_db, assignment_id=a.id) == []
    assert node_detail(seeded_db, node_id=task_id).assignments[0].percent == 30
    assert window.detail.progress_tree.topLevelItemCount() == 0
    window.redo_action.trigger()
    assert [p.text for p in list_progress(seeded_db, assignment_id=a.id)] == ["完成碳计量标准装置选址"]
    assert node_detail(seeded_db, node_id=task_id).assignments[0].percent == 60

    # Only what is overdue: the task is there, with its parents, and nothing else.
    with qtbot.waitSignal(window.filter_bar.changed):
        window.filter_bar.overdue.setChecked(True)
    plan_id = window.current_plan().id
    assert filter_nodes(seeded_db, plan_id=plan_id, overdue=True) == [task_id]
    assert window.model.matches == {task_id}
    assert window.current_node().id == task_id
    with qtbot.waitSignal(window.filter_bar.changed):
        window.filter_bar.overdue.setChecked(False)
    assert window.model.visible is None

    # Search: the task whose title holds the term becomes current; the count matches the service's.
    window.select_node(children(seeded_db, node_id=window.current_plan().root_id)[0].id)
    window.find_action.trigger()
    with qtbot.waitSignal(window.filter_bar.changed):
        window.filter_bar.search.setText("碳计量")
    result = search(seeded_db, query="碳计量", plan_id=plan_id)
    assert window.current_node().id == task_id
    assert f"命中 {result.total} 处" in window.filter_bar.hits.text()
    assert {h.node_id for h in result.hits} == window.model.matches
    assert "background-color" in window.detail.text_view.toHtml()
    assert window.model.index_of(task_id, COL_TITLE).data(Qt.ItemDataRole.UserRole + 10) == "碳计量"


def test_subtasks_add_rename_delete_and_undo(qtbot: QtBot, window: MainWindow, seeded_db: Database) -> None:
    task_id = _task_id(seeded_db)
    window.select_node(task_id)
    assert window.add_subtask_action.shortcuts()[0] == QKeySequence("Ctrl+N")
    window.add_subtask_action.trigger()
    [sub] = children(seeded_db, node_id=task_id)
    assert (sub.title, sub.origin) == ("新子任务", "office")
    editor = _open_editor(window.tree, QLineEdit)
    assert editor is not None  # the title opens for typing straight away
    editor.setText("编制碳计量装置建设清单")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.tree.state() != QAbstractItemView.State.EditingState)
    assert children(seeded_db, node_id=task_id)[0].title == "编制碳计量装置建设清单"
    assert window.current_node().id == sub.id

    # A second sub-task, moved above the first with Alt+Up.
    window.select_node(task_id)
    window.add_subtask_action.trigger()
    qtbot.keyClick(_open_editor(window.tree, QLineEdit), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.tree.state() != QAbstractItemView.State.EditingState)
    second = children(seeded_db, node_id=task_id)[1]
    window.select_node(second.id)
    window.move_up_action.trigger()
    assert [r.id for r in children(seeded_db, node_id=task_id)] == [second.id, sub.id]
    window.undo_action.trigger()
    assert [r.id for r in children(seeded_db, node_id=task_id)] == [sub.id, second.id]

    # Delete asks first (without blocking), then removes; undo brings back the same node identity.
    window.select_node(sub.id)
    box = window.delete_current()
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert [r.id for r in children(seeded_db, node_id=task_id)] == [sub.id, second.id]
    box.button(QMessageBox.StandardButton.Yes).click()
    assert [r.title for r in children(seeded_db, node_id=task_id)] == ["新子任务"]
    window.undo_action.trigger()
    restored = children(seeded_db, node_id=task_id)
    assert [r.title for r in restored] == ["编制碳计量装置建设清单", "新子任务"]
    window.redo_action.trigger()
    assert [r.title for r in children(seeded_db, node_id=task_id)] == ["新子任务"]

    # Document nodes cannot be deleted or retitled.
    window.select_node(task_id)
    assert window.delete_current() is None
    assert "不能删除" in window.error_label.text()
    assert children(seeded_db, node_id=window.model.index_of(task_id).data(NODE_ROW_ROLE).parent_id)


def test_conflicting_edit_is_explained_under_the_table(
    qtbot: QtBot, window: MainWindow, seeded_db: Database
) -> None:
    task_id = _task_id(seeded_db)
    window.select_node(task_id)
    qtbot.mouseClick(window.detail.add_button, Qt.MouseButton.LeftButton)
    [a] = node_detail(seeded_db, node_id=task_id).assignments
    update_assignment(seeded_db, assignment_id=a.id, remarks="另一位同事的修改")  # behind the window's back
    _edit_cell(qtbot, window, 7, QLineEdit, lambda e: e.setText("我的备注"))
    assert "已被他人修改" in window.detail.error_label.text()
    assert window.detail.error_label.isVisible()
    assert node_detail(seeded_db, node_id=task_id).assignments[0].remarks == "另一位同事的修改"
    assert not window.undo_action.isEnabled() or window.editing.stack.count() == 1


def test_unknown_unit_is_refused_with_a_suggestion(
    qtbot: QtBot, window: MainWindow, seeded_db: Database
) -> None:
    task_id = _task_id(seeded_db)
    window.select_node(task_id)
    window.detail.new_unit.setText("市场监管")
    qtbot.mouseClick(window.detail.add_button, Qt.MouseButton.LeftButton)
    assert node_detail(seeded_db, node_id=task_id).assignments == []
    assert "未知单位" in window.detail.error_label.text()
