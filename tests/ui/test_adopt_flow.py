"""按文件分工 and plan corrections driven through the window's menus and dialogs."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit, QMenu
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from desktop.models import Assignment, PlanNode, Responsibility
from desktop.services.core.tree import list_plans, node_detail
from desktop.services.reporting.ledger import ledger_rows
from desktop.services.reporting.report_data import gather_monthly
from desktop.storage import Database
from desktop.ui.adopt_dialog import AdoptDialog
from desktop.ui.main_window import MainWindow

JIUYE = Path(__file__).resolve().parents[1] / "data" / "plans" / "03_gov-guofa-2018-39-jiuye.txt"


def _window(qtbot: QtBot, db: Database) -> MainWindow:
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    window.start()
    return window


def _menu_action(menu: QMenu, text: str):
    return next(a for a in menu.actions() if a.text() == text)


def type_chinese(edit: QLineEdit, text: str) -> None:
    """Replace the field's text the way an input method commits Chinese."""
    edit.setFocus()
    edit.selectAll()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(edit, event)


def _pairs(db: Database, plan_id: int) -> int:
    with db.read() as s:
        return (
            s.scalar(
                select(func.count())
                .select_from(Responsibility)
                .join(PlanNode, PlanNode.id == Responsibility.node_id)
                .where(PlanNode.plan_id == plan_id)
            )
            or 0
        )


def test_import_with_adopt_checked_gives_a_ledger_row_per_task_and_unit(
    qtbot: QtBot, seeded_db: Database
) -> None:
    window = _window(qtbot, seeded_db)
    window.open_import()
    controller = window.importer
    controller.file_dialog.reject()
    with qtbot.waitSignal(controller.preview_shown, timeout=20000) as shown:
        controller.load(str(JIUYE))
    preview = shown.args[0]
    assert preview.adopt.isChecked()  # on by default
    assert "15 项任务" in preview.adopt_summary.text()
    assert preview.properties.doc_number.text() == "国发〔2018〕39号"
    type_chinese(preview.properties.title, "促进就业工作的若干意见")
    with qtbot.waitSignal(controller.imported, timeout=20000) as imported:
        preview.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    plan_id = imported.args[0]
    rows = [r for r in ledger_rows(seeded_db, plan_id=None) if r[0] == "促进就业工作的若干意见"]
    assigned = [r for r in rows if r[5]]  # a 未分工 row has no role of its own
    assert len(assigned) == _pairs(seeded_db, plan_id) == len(controller.adopted.created_ids) > 15
    assert window.current_plan().title == "促进就业工作的若干意见"


def test_unchecking_adopt_imports_without_assignments(qtbot: QtBot, seeded_db: Database) -> None:
    window = _window(qtbot, seeded_db)
    window.open_import()
    controller = window.importer
    with qtbot.waitSignal(controller.preview_shown, timeout=20000) as shown:
        controller.load(str(JIUYE))
    preview = shown.args[0]
    qtbot.keyClicks(preview.adopt_deadline, "2026-13-01")
    preview.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert preview.isVisible() and "无效" in preview.adopt_error.text()  # beside the field, nothing stored
    assert preview.properties.error_label.text() == ""
    shown.args[0].adopt.setChecked(False)
    with qtbot.waitSignal(controller.imported, timeout=20000) as imported:
        shown.args[0].buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert [r for r in ledger_rows(seeded_db, plan_id=imported.args[0]) if r[4]] == []  # all 未分工


def test_adopt_a_subtree_from_the_context_menu_then_undo(qtbot: QtBot, seeded_db: Database) -> None:
    window = _window(qtbot, seeded_db)
    plan = window.current_plan()
    with seeded_db.read() as s:
        task = s.scalar(
            select(PlanNode.id)
            .join(Responsibility, Responsibility.node_id == PlanNode.id)
            .where(PlanNode.plan_id == plan.id, PlanNode.kind == "task")
            .group_by(PlanNode.id)
            .having(func.count() > 1)
            .order_by(PlanNode.id)
            .limit(1)
        )
    assert task is not None and window.select_node(task)
    menu = window.plan_actions.build_context_menu()
    _menu_action(menu, "按文件分工（本条目及下级）…").trigger()
    dialog = window.plan_actions.dialog
    assert isinstance(dialog, AdoptDialog) and dialog.isVisible()
    units = node_detail(seeded_db, node_id=task).units
    assert dialog.table.topLevelItemCount() == len(units)
    qtbot.keyClicks(dialog.deadline, "2026/12/31")
    assert dialog.table.topLevelItem(0).text(4) == "2026-12-31"
    dialog.ok_button.click()
    made = node_detail(seeded_db, node_id=task).assignments
    assert sorted((a.unit_name, a.role) for a in made) == sorted((u.name, u.role) for u in units)
    assert {a.deadline.isoformat() for a in made} == {"2026-12-31"}
    assert len(window.detail.assignments.rows) == len(units)  # the open detail shows them
    assert window.undo_action.text() == "撤销 按文件分工"
    window.undo_action.trigger()
    assert node_detail(seeded_db, node_id=task).assignments == []


def test_adopt_the_whole_plan_from_the_edit_menu(qtbot: QtBot, seeded_db: Database) -> None:
    window = _window(qtbot, seeded_db)
    plan = window.current_plan()
    _menu_action(window.menu_edit, "按文件分工（整个方案）…").trigger()
    dialog = window.plan_actions.dialog
    qtbot.keyClicks(dialog.deadline, "2026-02-30")  # impossible: said beside the field, OK refused
    assert "无效" in dialog.error_label.text() and not dialog.ok_button.isEnabled()
    dialog.deadline.clear()
    dialog.ok_button.click()
    with seeded_db.read() as s:
        count = s.scalar(
            select(func.count())
            .select_from(Assignment)
            .join(PlanNode, PlanNode.id == Assignment.node_id)
            .where(PlanNode.plan_id == plan.id)
        )
    assert count == _pairs(seeded_db, plan.id)


def test_plan_properties_correct_the_title_seen_in_the_next_report(qtbot: QtBot, seeded_db: Database) -> None:
    window = _window(qtbot, seeded_db)
    plan = window.current_plan()
    _menu_action(window.menu_file, "方案属性…").trigger()
    dialog = window.plan_actions.dialog
    assert dialog.form.title.text() == plan.title
    type_chinese(dialog.form.title, "西安市计量发展实施方案")
    type_chinese(dialog.form.short_name, "西安计量")
    dialog.form.level.setCurrentIndex(dialog.form.level.findData("district"))
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    data = gather_monthly(seeded_db, plan_id=plan.id, month="2026-11")
    assert data.plan_title == "西安市计量发展实施方案"
    assert (
        "西安市计量发展实施方案" in window.plan_combo.currentText()
        and "[区县]" in window.plan_combo.currentText()
    )
    window.undo_action.trigger()
    assert gather_monthly(seeded_db, plan_id=plan.id, month="2026-11").plan_title == plan.title
    assert list_plans(seeded_db)[0].short_name == ""


def test_an_empty_title_is_refused_beside_the_form(qtbot: QtBot, seeded_db: Database) -> None:
    window = _window(qtbot, seeded_db)
    window.plan_actions.open_properties()
    dialog = window.plan_actions.dialog
    dialog.form.title.clear()
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.isVisible() and "方案标题不能为空" in dialog.form.error_label.text()
    assert window.error_label.text() == ""  # said once, where it happened


def test_archive_hides_the_plan_until_shown_or_undone(qtbot: QtBot, seeded_db: Database) -> None:
    window = _window(qtbot, seeded_db)
    window.menu_file.aboutToShow.emit()
    _menu_action(window.menu_file, "归档方案").trigger()
    assert [window.plan_combo.itemData(i) for i in range(window.plan_combo.count())] == [2]
    window.plan_actions.show_archived_action.trigger()
    assert window.plan_combo.count() == 2 and window.plan_combo.itemText(0).endswith("（已归档）")
    window.plan_actions.show_archived_action.trigger()
    window.undo_action.trigger()
    assert window.plan_combo.count() == 2 and not list_plans(seeded_db)[0].archived
